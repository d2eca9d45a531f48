/* gk-form.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-choice.h"
#include "gk-date.h"
#include "gk-form.h"

/* --- people ------------------------------------------------------------------ */

/* A chooser of people is a chooser of records (gk-choice.h): these keep the
 * callers short and the "nobody" row in one place. */
void
gk_form_person_choice_setup (AdwComboRow *row,
                             GkDocument  *document,
                             const char  *none_label,
                             gint64       person_id)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (GK_IS_DOCUMENT (document));

  gk_choice_record_setup (row, gk_document_get_people (document), none_label, person_id);
}

gint64
gk_form_person_choice_get (AdwComboRow *row)
{
  return gk_choice_record_get (row);
}

void
gk_form_person_choice_set (AdwComboRow *row,
                           gint64       person_id)
{
  gk_choice_record_set (row, person_id);
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
gk_form_show_problem_for_field (const GkFormField *fields,
                                guint              n_fields,
                                const char        *field,
                                GtkLabel          *fallback,
                                const char        *message)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (field, fields[i].field) == 0)
      {
        gk_form_show_problem (fields[i].row, fields[i].label, message);
        return;
      }
  gk_form_show_problem (NULL, fallback, message);
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

/* --- shortcuts ---------------------------------------------------------------- */

void
gk_form_add_save_shortcut (GtkWidget  *dialog,
                           const char *action_name)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, gtk_named_action_new (action_name)));
  gtk_widget_add_controller (dialog, controller);
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
