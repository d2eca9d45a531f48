/* gk-preferences-window.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of preferences live here: the user's own (GSettings), and the
 * programme's (its row in the project file, shared with the team). The
 * second kind is an edit like any other: validated, logged and undoable.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-form.h"
#include "gk-preferences-window.h"

struct _GkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GkDocument           *document;
  GkProgramme          *programme;   /* live */
  gboolean              showing;     /* filling the rows, not the user */

  AdwEntryRow          *user_name_row;
  GtkLabel             *user_name_hint;
  GtkSwitch            *share_switch;
  AdwPreferencesGroup  *programme_group;
  AdwPreferencesGroup  *review_group;
  GtkCheckButton       *worst_check;
  GtkCheckButton       *median_check;
  AdwComboRow          *review_cycle_row;
  GtkLabel             *programme_error;
};

G_DEFINE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

const char *
gk_preferences_default_user_name (void)
{
  const char *name = g_get_real_name ();

  /* The same rule as the document's own default. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

/* --- your name --------------------------------------------------------------- */

static void
user_name_apply_cb (GkPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_name_row))));

  g_settings_set_string (self->settings, "user-name", name);
}

static void
show_user_name (GkPreferencesWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "user-name");
  g_autofree char *hint = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->user_name_row), name);
  hint = g_strdup_printf (_("Written in the change log with every edit you make, so that the team sees who "
                            "changed what. Left empty, the name of your user account is used (%s)."),
                          gk_preferences_default_user_name ());
  gtk_label_set_text (self->user_name_hint, hint);
}

/* --- the programme ----------------------------------------------------------- */

static void
choice_setup (AdwComboRow       *row,
              const GkEnumEntry *entries,
              guint              n_entries)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_entries; i++)
    gtk_string_list_append (labels, _(entries[i].label));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
choice_select (AdwComboRow       *row,
               const GkEnumEntry *entries,
               guint              n_entries,
               int                value)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].value == value)
      adw_combo_row_set_selected (row, i);
}

static void
show_programme (GkPreferencesWindow *self)
{
  const GkEnumEntry *entries;
  guint n_entries;

  g_autofree char *description = NULL;

  if (self->programme == NULL)
    return;
  self->showing = TRUE;
  /* Translators: %s is the programme's title */
  description = g_strdup_printf (_("The one level of “%s” on the overview and in reports. "
                                   "Saved in the programme, so it holds for the whole team."),
                                 gk_programme_get_title (self->programme));
  adw_preferences_group_set_description (self->programme_group, description);
  if (gk_programme_get_headline_rule (self->programme) == GK_HEADLINE_RULE_MEDIAN)
    gtk_check_button_set_active (self->median_check, TRUE);
  else
    gtk_check_button_set_active (self->worst_check, TRUE);
  entries = gk_review_cycle_entries (&n_entries);
  choice_select (self->review_cycle_row, entries, n_entries, gk_programme_get_review_cycle (self->programme));
  self->showing = FALSE;
}

/* Writes the choices to the programme row: one undo step per change. */
static void
save_programme (GkPreferencesWindow *self)
{
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  const GkEnumEntry *cycles;
  guint n_cycles, cycle;

  if (self->showing || self->programme == NULL)
    return;
  /* Switching radio buttons toggles the old one off first: wait for the
   * new one to be on. */
  if (!gtk_check_button_get_active (self->worst_check) && !gtk_check_button_get_active (self->median_check))
    return;

  cycles = gk_review_cycle_entries (&n_cycles);
  cycle = adw_combo_row_get_selected (self->review_cycle_row);
  if (cycle >= n_cycles)
    return;

  gk_form_clear_problem (NULL, self->programme_error);
  copy = gk_record_copy (GK_RECORD (self->programme));
  gk_programme_set_headline_rule (GK_PROGRAMME (copy),
                                  gtk_check_button_get_active (self->median_check) ? GK_HEADLINE_RULE_MEDIAN
                                                                                   : GK_HEADLINE_RULE_WORST);
  gk_programme_set_review_cycle (GK_PROGRAMME (copy), cycles[cycle].value);
  if (!gk_document_update (self->document, copy, &error))
    {
      gk_form_show_problem (NULL, self->programme_error, error->message);
      show_programme (self);
    }
}

static void
headline_rule_changed_cb (GkPreferencesWindow *self)
{
  save_programme (self);
}

static void
review_cycle_changed_cb (GkPreferencesWindow *self)
{
  save_programme (self);
}

/* --- construction ------------------------------------------------------------ */

static void
gk_preferences_window_dispose (GObject *object)
{
  GkPreferencesWindow *self = GK_PREFERENCES_WINDOW (object);

  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);
  g_clear_object (&self->programme);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (gk_preferences_window_parent_class)->dispose (object);
}

static void
gk_preferences_window_class_init (GkPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, user_name_hint);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, share_switch);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, programme_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, review_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, worst_check);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, median_check);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, review_cycle_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, programme_error);
  gtk_widget_class_bind_template_callback (widget_class, user_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, headline_rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_cycle_changed_cb);
}

static void
gk_preferences_window_init (GkPreferencesWindow *self)
{
  const GkEnumEntry *entries;
  guint n_entries;

  /* No programme yet: the rows must not write while they are filled. */
  self->showing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  entries = gk_review_cycle_entries (&n_entries);
  choice_setup (self->review_cycle_row, entries, n_entries);
  self->showing = FALSE;
}

GkPreferencesWindow *
gk_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           GkDocument *document)
{
  GkPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (document == NULL || GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  show_user_name (self);
  g_settings_bind (settings, "share-automatically", self->share_switch, "active", G_SETTINGS_BIND_DEFAULT);

  if (document != NULL && gk_document_get_programme (document) != NULL)
    {
      self->document = g_object_ref (document);
      self->programme = g_object_ref (gk_document_get_programme (document));
      /* An undo, or a colleague's change brought in, shows here at once. */
      g_signal_connect_swapped (self->programme, "notify", G_CALLBACK (show_programme), self);
      show_programme (self);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->programme_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->review_group), FALSE);
    }
  return self;
}
