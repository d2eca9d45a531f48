/* gk-journal-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-form.h"
#include "gk-journal-dialog.h"

/* One choice of "About": the programme (both ids 0), or one row. */
typedef struct {
  GType  type;
  gint64 id;
} About;

struct _GkJournalDialog
{
  AdwWindow        parent_instance;

  GkDocument      *document;
  GkJournalEntry  *entry;      /* NULL for a new one */
  GArray          *abouts;     /* About, parallel to about_row */

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  AdwComboRow     *kind_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *author_row;
  AdwComboRow     *about_row;
  GtkLabel        *details_error;
  GtkWidget       *text_frame;
  GtkTextView     *text_view;
  GtkLabel        *text_error;
  GtkWidget       *delete_group;
};

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkJournalDialog, gk_journal_dialog, ADW_TYPE_WINDOW)

char *
gk_journal_entry_describe_link (GkDocument     *document,
                                GkJournalEntry *entry)
{
  GkRecord *record;

  if (gk_journal_entry_get_topic_id (entry) != 0)
    {
      record = GK_RECORD (gk_document_lookup_topic (document, gk_journal_entry_get_topic_id (entry)));
      /* Translators: what a journal entry is about, %s is a topic */
      return g_strdup_printf (_("Topic: %s"), record != NULL ? gk_record_get_label (record) : "?");
    }
  if (gk_journal_entry_get_project_id (entry) != 0)
    {
      record = GK_RECORD (gk_document_lookup_focus_project (document, gk_journal_entry_get_project_id (entry)));
      /* Translators: what a journal entry is about, %s is a focus project */
      return g_strdup_printf (_("Focus project: %s"), record != NULL ? gk_record_get_label (record) : "?");
    }
  if (gk_journal_entry_get_measure_id (entry) != 0)
    {
      record = GK_RECORD (gk_document_lookup_measure (document, gk_journal_entry_get_measure_id (entry)));
      /* Translators: what a journal entry is about, %s is a measure */
      return g_strdup_printf (_("Measure: %s"), record != NULL ? gk_record_get_label (record) : "?");
    }
  return g_strdup (_("The programme as a whole"));
}

/* --- choices ----------------------------------------------------------------- */

/* The same words as gk_journal_entry_describe_link(). */
static char *
about_label (GType       type,
             const char *name)
{
  if (type == GK_TYPE_TOPIC)
    return g_strdup_printf (_("Topic: %s"), name);
  if (type == GK_TYPE_FOCUS_PROJECT)
    return g_strdup_printf (_("Focus project: %s"), name);
  return g_strdup_printf (_("Measure: %s"), name);
}

static void
add_abouts (GkJournalDialog *self,
            GtkStringList   *labels,
            GListModel      *rows,
            GType            type)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRecord) record = g_list_model_get_item (rows, i);
      About about = { type, gk_record_get_id (record) };
      g_autofree char *label = about_label (type, gk_record_get_label (record));

      gtk_string_list_append (labels, label);
      g_array_append_val (self->abouts, about);
    }
}

static void
setup_abouts (GkJournalDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  About programme = { G_TYPE_NONE, 0 };

  gtk_string_list_append (labels, _("The programme as a whole"));
  g_array_append_val (self->abouts, programme);
  add_abouts (self, labels, gk_document_get_topics (self->document), GK_TYPE_TOPIC);
  add_abouts (self, labels, gk_document_get_focus_projects (self->document), GK_TYPE_FOCUS_PROJECT);
  add_abouts (self, labels, gk_document_get_measures (self->document), GK_TYPE_MEASURE);
  adw_combo_row_set_model (self->about_row, G_LIST_MODEL (labels));
}

static void
select_about (GkJournalDialog *self,
              GType            type,
              gint64           id)
{
  for (guint i = 0; i < self->abouts->len; i++)
    {
      About *about = &g_array_index (self->abouts, About, i);

      if (about->type == type && about->id == id)
        {
          adw_combo_row_set_selected (self->about_row, i);
          return;
        }
    }
  adw_combo_row_set_selected (self->about_row, 0);
}

static void
setup_kinds (GkJournalDialog *self,
             GkJournalKind    kind)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_entries;
  const GkEnumEntry *entries = gk_journal_kind_entries (&n_entries);

  for (guint i = 0; i < n_entries; i++)
    gtk_string_list_append (labels, _(entries[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].value == (int) kind)
      adw_combo_row_set_selected (self->kind_row, i);
}

static GkJournalKind
chosen_kind (GkJournalDialog *self)
{
  guint n_entries;
  const GkEnumEntry *entries = gk_journal_kind_entries (&n_entries);
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < n_entries ? (GkJournalKind) entries[selected].value : GK_JOURNAL_KIND_PROGRESS;
}

/* --- problems ---------------------------------------------------------------- */

static void
clear_problems (GkJournalDialog *self)
{
  gk_form_clear_problem (GTK_WIDGET (self->date_row), self->details_error);
  gk_form_clear_problem (GTK_WIDGET (self->author_row), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->kind_row), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->about_row), NULL);
  gk_form_clear_problem (self->text_frame, self->text_error);
}

static void
show_problem (GkJournalDialog *self,
              const char      *field,
              const char      *message)
{
  if (g_strcmp0 (field, "text") == 0)
    {
      gk_form_show_problem (self->text_frame, self->text_error, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
  else if (g_strcmp0 (field, "date") == 0)
    gk_form_show_problem (GTK_WIDGET (self->date_row), self->details_error, message);
  else if (g_strcmp0 (field, "author") == 0)
    gk_form_show_problem (GTK_WIDGET (self->author_row), self->details_error, message);
  else if (g_strcmp0 (field, "kind") == 0)
    gk_form_show_problem (GTK_WIDGET (self->kind_row), self->details_error, message);
  else if (field != NULL && g_str_has_suffix (field, "-id"))
    gk_form_show_problem (GTK_WIDGET (self->about_row), self->details_error, message);
  else
    gk_form_show_problem (NULL, self->details_error, message);
}

/* --- actions ----------------------------------------------------------------- */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkJournalDialog *self = GK_JOURNAL_DIALOG (widget);
  g_autoptr(GkJournalEntry) entry = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = gk_form_text_view_get_text (self->text_view);
  g_autofree char *author = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_row))));
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->about_row);
  About about = { G_TYPE_NONE, 0 };
  gboolean saved;

  clear_problems (self);
  if (!gk_form_read_date (GTK_EDITABLE (self->date_row), TRUE, &date, &error))
    {
      show_problem (self, "date", error->message);
      return;
    }
  if (selected < self->abouts->len)
    about = g_array_index (self->abouts, About, selected);

  entry = self->entry != NULL ? GK_JOURNAL_ENTRY (gk_record_copy (GK_RECORD (self->entry))) : gk_journal_entry_new ();
  gk_journal_entry_set_date (entry, date);
  gk_journal_entry_set_author (entry, author);
  gk_journal_entry_set_kind (entry, chosen_kind (self));
  gk_journal_entry_set_text (entry, g_strstrip (text));
  gk_journal_entry_set_topic_id (entry, about.type == GK_TYPE_TOPIC ? about.id : 0);
  gk_journal_entry_set_project_id (entry, about.type == GK_TYPE_FOCUS_PROJECT ? about.id : 0);
  gk_journal_entry_set_measure_id (entry, about.type == GK_TYPE_MEASURE ? about.id : 0);

  saved = self->entry != NULL ? gk_document_update (self->document, GK_RECORD (entry), &error)
                              : gk_document_insert (self->document, GK_RECORD (entry), &error);
  if (!saved)
    {
      show_problem (self, gk_validation_error_get_field (error), error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, gk_record_get_id (GK_RECORD (entry)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkJournalDialog *self = GK_JOURNAL_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GDate day;

  if (self->entry == NULL)
    return;
  if (gk_date_parse_iso (gk_journal_entry_get_date (self->entry), &day))
    {
      g_autofree char *when = gk_date_format_display (&day);

      /* Translators: a toast after deleting, %s is the entry's date */
      title = g_strdup_printf (_("Entry of %s deleted"), when);
    }
  else
    title = g_strdup (_("Entry deleted"));

  if (!gk_document_delete (self->document, GK_RECORD (self->entry), &error))
    {
      show_problem (self, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, title);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* --- construction ------------------------------------------------------------ */

static void
gk_journal_dialog_dispose (GObject *object)
{
  GkJournalDialog *self = GK_JOURNAL_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->abouts, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_JOURNAL_DIALOG);

  G_OBJECT_CLASS (gk_journal_dialog_parent_class)->dispose (object);
}

static void
gk_journal_dialog_class_init (GkJournalDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_journal_dialog_dispose;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-journal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, about_row);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, details_error);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, text_frame);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, text_error);
  gtk_widget_class_bind_template_child (widget_class, GkJournalDialog, delete_group);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
gk_journal_dialog_init (GkJournalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field, a text view too. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  self->abouts = g_array_new (FALSE, FALSE, sizeof (About));
}

GkJournalDialog *
gk_journal_dialog_new (GtkWindow      *parent,
                       GkDocument     *document,
                       GkJournalEntry *entry)
{
  GkJournalDialog *self;
  g_autofree char *date = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (entry == NULL || GK_IS_JOURNAL_ENTRY (entry), NULL);

  self = g_object_new (GK_TYPE_JOURNAL_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->entry = entry != NULL ? g_object_ref (entry) : NULL;
  setup_abouts (self);

  if (entry != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Journal Entry"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Journal Entry"));
      setup_kinds (self, gk_journal_entry_get_kind (entry));
      date = gk_form_date_for_entry (gk_journal_entry_get_date (entry));
      gtk_editable_set_text (GTK_EDITABLE (self->author_row), gk_journal_entry_get_author (entry));
      gk_form_text_view_set_text (self->text_view, gk_journal_entry_get_text (entry));
      if (gk_journal_entry_get_topic_id (entry) != 0)
        select_about (self, GK_TYPE_TOPIC, gk_journal_entry_get_topic_id (entry));
      else if (gk_journal_entry_get_project_id (entry) != 0)
        select_about (self, GK_TYPE_FOCUS_PROJECT, gk_journal_entry_get_project_id (entry));
      else if (gk_journal_entry_get_measure_id (entry) != 0)
        select_about (self, GK_TYPE_MEASURE, gk_journal_entry_get_measure_id (entry));
      gtk_widget_set_visible (self->delete_group, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
    }
  else
    {
      g_autofree char *today_iso = NULL;
      GDate today;

      adw_window_title_set_title (self->window_title, _("New Journal Entry"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Journal Entry"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      setup_kinds (self, GK_JOURNAL_KIND_PROGRESS);
      today = gk_clock_get_today (gk_document_get_clock (document));
      today_iso = gk_date_to_iso (&today);
      date = gk_form_date_for_entry (today_iso);
      gtk_editable_set_text (GTK_EDITABLE (self->author_row), gk_document_get_user_name (document));
      gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  return self;
}
