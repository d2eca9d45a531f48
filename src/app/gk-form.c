/* gk-form.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-form.h"

#define PERSON_IDS_KEY "gk-form-person-ids"

/* --- people ------------------------------------------------------------------ */

void
gk_form_person_choice_setup (AdwComboRow *row,
                             GkDocument  *document,
                             const char  *none_label,
                             gint64       person_id)
{
  GListModel *people = gk_document_get_people (document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  gtk_string_list_append (names, none_label);
  g_array_append_val (ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GkPerson) person = g_list_model_get_item (people, i);
      gint64 id = gk_record_get_id (GK_RECORD (person));

      gtk_string_list_append (names, gk_person_get_name (person));
      g_array_append_val (ids, id);
    }

  g_object_set_data_full (G_OBJECT (row), PERSON_IDS_KEY, ids, (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  /* Long lists of people are easier to pick from with a search entry, but
   * that needs libadwaita 1.4; the popover scrolls. */
  gk_form_person_choice_set (row, person_id);
}

gint64
gk_form_person_choice_get (AdwComboRow *row)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), PERSON_IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

void
gk_form_person_choice_set (AdwComboRow *row,
                           gint64       person_id)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), PERSON_IDS_KEY);

  g_return_if_fail (ids != NULL);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == person_id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

/* --- dates ------------------------------------------------------------------- */

char *
gk_form_date_for_entry (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    return g_strdup ("");
  /* Day first, as Dutch users write dates and as the error messages ask. */
  return g_strdup_printf ("%02u-%02u-%04u",
                          g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
}

gboolean
gk_form_read_date (GtkEditable  *editable,
                   gboolean      required,
                   char        **out_iso,
                   GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  GDate date;

  *out_iso = NULL;
  if (*text == '\0' && !required)
    return TRUE;
  if (!gk_date_parse_user (text, &date, error))
    return FALSE;
  *out_iso = gk_date_to_iso (&date);
  return TRUE;
}

/* --- text -------------------------------------------------------------------- */

char *
gk_form_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
gk_form_text_view_set_text (GtkTextView *view,
                            const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* --- problems ---------------------------------------------------------------- */

void
gk_form_show_problem (GtkWidget  *field,
                      GtkLabel   *label,
                      const char *message)
{
  if (field != NULL)
    gtk_widget_add_css_class (field, "error");
  if (label != NULL)
    {
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

void
gk_form_clear_problem (GtkWidget *field,
                       GtkLabel  *label)
{
  if (field != NULL)
    gtk_widget_remove_css_class (field, "error");
  if (label != NULL)
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
    }
}

/* --- toasts ------------------------------------------------------------------ */

void
gk_form_add_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for “%s”", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

AdwToast *
gk_form_undo_toast_new (const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}
