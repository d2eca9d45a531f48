/* gk-catalogue-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-catalogue-dialog.h"
#include "gk-choice.h"
#include "gk-form.h"

#define ENTRY_KEY "gk-catalogue-entry"

struct _GkCatalogueDialog
{
  AdwWindow            parent_instance;

  GkDocument          *document;
  GkFocusProject      *project;
  GkCatalogueMeasure  *entry;        /* the chosen one, or NULL */

  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *back_button;
  GtkWidget           *add_button;
  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkListBox          *catalogue_list;
  AdwPreferencesGroup *entry_group;
  GtkLabel            *effect_label;
  AdwComboRow         *topic_row;
  AdwComboRow         *level_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *owner_row;
  GtkLabel            *target_error;
};

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkCatalogueDialog, gk_catalogue_dialog, ADW_TYPE_WINDOW)

/* --- choosing an entry -------------------------------------------------------- */

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GkCatalogueDialog *self = user_data;
  GkCatalogueMeasure *entry = g_object_get_data (G_OBJECT (row), ENTRY_KEY);
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  return *needle == '\0' ||
         contains_casefolded (gk_catalogue_measure_get_title (entry), needle) ||
         contains_casefolded (gk_catalogue_measure_get_topic_name (entry), needle) ||
         contains_casefolded (gk_catalogue_measure_get_description (entry), needle);
}

static void
search_changed_cb (GkCatalogueDialog *self)
{
  gtk_list_box_invalidate_filter (self->catalogue_list);
}

/* Enter in the search field takes the first entry that matches. */
static void
search_activate_cb (GkCatalogueDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->catalogue_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row))
      {
        gtk_widget_activate (row);
        return;
      }
}

static GtkWidget *
entry_row_new (GkCatalogueMeasure *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: under a catalogue measure: its kind and chain phase */
  subtitle = g_strdup_printf (_("%s · %s"),
                              gk_measure_kind_label (gk_catalogue_measure_get_kind (entry)),
                              gk_chain_phase_label (gk_catalogue_measure_get_chain_phase (entry)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_catalogue_measure_get_title (entry));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (*gk_catalogue_measure_get_description (entry) != '\0')
    gtk_widget_set_tooltip_text (row, gk_catalogue_measure_get_description (entry));
  g_object_set_data_full (G_OBJECT (row), ENTRY_KEY, g_object_ref (entry), g_object_unref);
  return row;
}

/* The catalogue comes sorted by topic: a heading where the topic changes. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  GkCatalogueMeasure *entry = g_object_get_data (G_OBJECT (row), ENTRY_KEY);
  GkCatalogueMeasure *previous = before != NULL ? g_object_get_data (G_OBJECT (before), ENTRY_KEY) : NULL;
  const char *topic = gk_catalogue_measure_get_topic_name (entry);
  GtkWidget *header;

  if (previous != NULL && g_str_equal (gk_catalogue_measure_get_topic_name (previous), topic))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (topic);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static void
fill_catalogue (GkCatalogueDialog *self)
{
  GListModel *catalogue = gk_document_get_catalogue (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr(GkCatalogueMeasure) entry = g_list_model_get_item (catalogue, i);

      gtk_list_box_append (self->catalogue_list, entry_row_new (entry));
    }
  gtk_list_box_set_filter_func (self->catalogue_list, filter_row, self, NULL);
  gtk_list_box_set_header_func (self->catalogue_list, update_header, NULL, NULL);
}

/* --- the target -------------------------------------------------------------- */

/* The topic the catalogue files the entry under, else the first topic the
 * project works on, else none. */
static gint64
default_topic (GkCatalogueDialog *self)
{
  GListModel *topics = gk_document_get_topics (self->document);
  GListModel *links = gk_document_get_project_topics (self->document);
  g_autofree char *wanted = g_utf8_casefold (gk_catalogue_measure_get_topic_name (self->entry), -1);
  gint64 project_id = gk_record_get_id (GK_RECORD (self->project));

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, i);
      g_autofree char *name = g_utf8_casefold (gk_topic_get_name (topic), -1);

      if (g_str_equal (name, wanted))
        return gk_record_get_id (GK_RECORD (topic));
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkProjectTopic) link = g_list_model_get_item (links, i);

      if (gk_project_topic_get_project_id (link) == project_id)
        return gk_project_topic_get_topic_id (link);
    }
  return 0;
}

/* The topic's own target is the usual aim; else the end of the project. */
static void
topic_changed_cb (GkCatalogueDialog *self)
{
  GkTopic *topic = gk_document_lookup_topic (self->document, gk_choice_record_get (self->topic_row));
  const char *date = gk_focus_project_get_end_date (self->project);
  g_autofree char *text = NULL;

  gk_form_clear_problem (GTK_WIDGET (self->topic_row), self->target_error);
  if (topic == NULL)
    return;
  if (gk_topic_get_target_level (topic) != GK_LEVEL_NONE)
    gk_choice_enum_set (self->level_row, gk_topic_get_target_level (topic));
  if (gk_topic_get_target_date (topic) != NULL)
    date = gk_topic_get_target_date (topic);
  text = gk_form_date_for_entry (date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

static void
show_page (GkCatalogueDialog *self,
           gboolean           target)
{
  gtk_stack_set_visible_child_name (self->stack, target ? "target" : "choose");
  gtk_widget_set_visible (self->cancel_button, !target);
  gtk_widget_set_visible (self->back_button, target);
  gtk_widget_set_visible (self->add_button, target);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.add", target);
  gtk_window_set_default_widget (GTK_WINDOW (self), target ? self->add_button : NULL);
}

static void
row_activated_cb (GkCatalogueDialog *self,
                  GtkListBoxRow     *row)
{
  GkCatalogueMeasure *entry = g_object_get_data (G_OBJECT (row), ENTRY_KEY);
  const char *effect = gk_catalogue_measure_get_expected_effect (entry);
  g_autofree char *about = NULL;

  g_set_object (&self->entry, entry);
  adw_preferences_group_set_title (self->entry_group, gk_catalogue_measure_get_title (entry));
  adw_preferences_group_set_description (self->entry_group, gk_catalogue_measure_get_description (entry));
  /* Translators: the expected effect of a measure from the catalogue */
  about = *effect != '\0' ? g_strdup_printf (_("Expected effect: %s"), effect) : g_strdup ("");
  gtk_label_set_text (self->effect_label, about);
  gtk_widget_set_visible (GTK_WIDGET (self->effect_label), *effect != '\0');

  gk_form_clear_problem (NULL, self->target_error);
  gk_choice_record_set (self->topic_row, default_topic (self));
  topic_changed_cb (self);
  show_page (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_row));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkCatalogueDialog *self = GK_CATALOGUE_DIALOG (widget);

  show_page (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* --- adding ------------------------------------------------------------------ */

static void
show_problem_for_field (GkCatalogueDialog *self,
                        const char        *field,
                        const char        *message)
{
  GtkWidget *row = NULL;

  if (g_strcmp0 (field, "topic-id") == 0)
    row = GTK_WIDGET (self->topic_row);
  else if (g_strcmp0 (field, "target-level") == 0)
    row = GTK_WIDGET (self->level_row);
  else if (g_strcmp0 (field, "target-date") == 0)
    row = GTK_WIDGET (self->date_row);
  else if (g_strcmp0 (field, "owner-id") == 0)
    row = GTK_WIDGET (self->owner_row);
  gk_form_show_problem (row, self->target_error, message);
}

static void
clear_problems (GkCatalogueDialog *self)
{
  gk_form_clear_problem (GTK_WIDGET (self->topic_row), self->target_error);
  gk_form_clear_problem (GTK_WIDGET (self->level_row), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->date_row), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->owner_row), NULL);
}

/* The catalogue's compound edit, and the owner, as one undo step. */
static GkMeasure *
add_measure (GkCatalogueDialog  *self,
             gint64              topic_id,
             const char         *date,
             GError            **error)
{
  gint64 owner_id = gk_form_person_choice_get (self->owner_row);
  g_autofree char *description = NULL;
  GkMeasure *measure;

  description = g_strdup_printf (_("Add measure “%s” from the catalogue"),
                                 gk_catalogue_measure_get_title (self->entry));
  gk_document_begin_group (self->document, description);
  measure = gk_document_add_measure_from_catalogue (self->document, self->entry,
                                                    gk_record_get_id (GK_RECORD (self->project)),
                                                    topic_id, gk_choice_enum_get (self->level_row),
                                                    date, error);
  if (measure != NULL && owner_id != 0)
    {
      g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (measure));

      gk_measure_set_owner_id (GK_MEASURE (copy), owner_id);
      if (!gk_document_update (self->document, copy, error))
        measure = NULL;
    }
  if (measure == NULL)
    {
      gk_document_cancel_group (self->document);
      return NULL;
    }
  if (!gk_document_end_group (self->document, error))
    return NULL;
  return measure;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GkCatalogueDialog *self = GK_CATALOGUE_DIALOG (widget);
  gint64 topic_id = gk_choice_record_get (self->topic_row);
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  GkMeasure *measure;

  if (self->entry == NULL)
    return;
  clear_problems (self);
  if (topic_id == 0)
    {
      show_problem_for_field (self, "topic-id", _("Choose the topic this measure must help."));
      return;
    }
  if (!gk_form_read_date (GTK_EDITABLE (self->date_row), FALSE, &date, &error))
    {
      show_problem_for_field (self, "target-date", error->message);
      return;
    }

  measure = add_measure (self, topic_id, date, &error);
  if (measure == NULL)
    {
      show_problem_for_field (self, gk_validation_error_get_field (error), error->message);
      return;
    }
  g_signal_emit (self, signals[ADDED], 0, gk_record_get_id (GK_RECORD (measure)));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* --- construction ------------------------------------------------------------ */

static void
gk_catalogue_dialog_dispose (GObject *object)
{
  GkCatalogueDialog *self = GK_CATALOGUE_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->project);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOGUE_DIALOG);

  G_OBJECT_CLASS (gk_catalogue_dialog_parent_class)->dispose (object);
}

static void
gk_catalogue_dialog_class_init (GkCatalogueDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_catalogue_dialog_dispose;

  /**
   * GkCatalogueDialog::added:
   * @measure_id: the id of the new measure
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-catalogue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, catalogue_list);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, entry_group);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, effect_label);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogueDialog, target_error);

  gtk_widget_class_install_action (widget_class, "catalogue.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "catalogue.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "catalogue.add", NULL);
}

static void
gk_catalogue_dialog_init (GkCatalogueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field, a text view too. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "catalogue.add");
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->catalogue_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GkCatalogueDialog *
gk_catalogue_dialog_new (GtkWindow      *parent,
                         GkDocument     *document,
                         GkFocusProject *project)
{
  GkCatalogueDialog *self;
  const GkEnumEntry *levels;
  guint n;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (project), NULL);

  self = g_object_new (GK_TYPE_CATALOGUE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->project = g_object_ref (project);
  adw_window_title_set_subtitle (self->window_title, gk_focus_project_get_name (project));

  fill_catalogue (self);
  gk_choice_record_setup (self->topic_row, gk_document_get_topics (document), _("Choose a topic…"), 0);
  levels = gk_level_entries (&n);
  gk_choice_enum_setup (self->level_row, levels + 1, n - 1, GK_LEVEL_IN_CONTROL);
  gk_form_person_choice_setup (self->owner_row, document, _("Nobody yet"), gk_focus_project_get_owner_id (project));
  g_signal_connect_swapped (self->topic_row, "notify::selected", G_CALLBACK (topic_changed_cb), self);

  show_page (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}
