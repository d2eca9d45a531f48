/* gk-topic-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog edits a detached copy of the topic and hands it to the
 * document, which validates it; a refusal is shown next to its field.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-form.h"
#include "gk-level-badge.h"
#include "gk-record-history.h"
#include "gk-topic-dialog.h"

struct _GkTopicDialog
{
  AdwWindow     parent_instance;

  GkDocument   *document;
  GkRecordHistory *history_group;
  GkTopic      *copy;          /* detached: the topic being edited, or a new one */

  GtkWidget    *save_button;
  AdwEntryRow  *name_row;
  GtkLabel     *name_error;
  GtkTextView  *description_view;
  GtkTextView  *serious_view;
  GtkTextView  *vigilant_view;
  GtkTextView  *in_control_view;
  GtkTextView  *challenges_view;
  AdwComboRow  *target_level_row;
  AdwEntryRow  *target_date_row;
  AdwComboRow  *owner_row;
  GtkLabel     *bottom_error;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkTopicDialog, gk_topic_dialog, ADW_TYPE_WINDOW)

static void
clear_problems (GkTopicDialog *self)
{
  gk_form_clear_problem (GTK_WIDGET (self->name_row), self->name_error);
  gk_form_clear_problem (GTK_WIDGET (self->target_level_row), self->bottom_error);
  gk_form_clear_problem (GTK_WIDGET (self->target_date_row), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->owner_row), NULL);
}

static void
show_problem_for_field (GkTopicDialog *self,
                        const char    *field,
                        const char    *message)
{
  if (g_strcmp0 (field, "name") == 0)
    gk_form_show_problem (GTK_WIDGET (self->name_row), self->name_error, message);
  else if (g_strcmp0 (field, "target-date") == 0)
    gk_form_show_problem (GTK_WIDGET (self->target_date_row), self->bottom_error, message);
  else if (g_strcmp0 (field, "target-level") == 0)
    gk_form_show_problem (GTK_WIDGET (self->target_level_row), self->bottom_error, message);
  else if (g_strcmp0 (field, "owner-id") == 0)
    gk_form_show_problem (GTK_WIDGET (self->owner_row), self->bottom_error, message);
  else
    gk_form_show_problem (NULL, self->bottom_error, message);
}

static char *
stripped_text (GtkTextView *view)
{
  return g_strstrip (gk_form_text_view_get_text (view));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkTopicDialog *self = GK_TOPIC_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *description = stripped_text (self->description_view);
  g_autofree char *serious = stripped_text (self->serious_view);
  g_autofree char *vigilant = stripped_text (self->vigilant_view);
  g_autofree char *in_control = stripped_text (self->in_control_view);
  g_autofree char *challenges = stripped_text (self->challenges_view);
  g_autofree char *target_date = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_new = gk_record_get_id (GK_RECORD (self->copy)) == 0;
  guint level = adw_combo_row_get_selected (self->target_level_row);

  clear_problems (self);
  if (!gk_form_read_date (GTK_EDITABLE (self->target_date_row), FALSE, &target_date, &error))
    {
      show_problem_for_field (self, "target-date", error->message);
      return;
    }

  gk_topic_set_name (self->copy, name);
  gk_topic_set_description (self->copy, description);
  gk_topic_set_descriptor_serious (self->copy, serious);
  gk_topic_set_descriptor_vigilant (self->copy, vigilant);
  gk_topic_set_descriptor_in_control (self->copy, in_control);
  gk_topic_set_challenges (self->copy, challenges);
  /* The combo's rows are No target, Serious, Vigilant, In control: the
   * order of GkLevel. */
  gk_topic_set_target_level (self->copy, level <= GK_LEVEL_IN_CONTROL ? (GkLevel) level : GK_LEVEL_NONE);
  gk_topic_set_target_date (self->copy, target_date);
  gk_topic_set_owner_id (self->copy, gk_form_person_choice_get (self->owner_row));

  if (is_new ? !gk_document_insert (self->document, GK_RECORD (self->copy), &error)
             : !gk_document_update (self->document, GK_RECORD (self->copy), &error))
    {
      show_problem_for_field (self, gk_validation_error_get_field (error), error->message);
      /* A failed insert must not leave an id behind. */
      if (is_new)
        gk_record_set_id (GK_RECORD (self->copy), 0);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, gk_record_get_id (GK_RECORD (self->copy)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gk_topic_dialog_dispose (GObject *object)
{
  GkTopicDialog *self = GK_TOPIC_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->copy);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_TOPIC_DIALOG);

  G_OBJECT_CLASS (gk_topic_dialog_parent_class)->dispose (object);
}

static void
gk_topic_dialog_class_init (GkTopicDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_topic_dialog_dispose;

  /**
   * GkTopicDialog::saved:
   * @topic_id: the id of the topic that was added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-topic-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, serious_view);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, vigilant_view);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, in_control_view);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, challenges_view);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, target_level_row);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, GkTopicDialog, bottom_error);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_topic_dialog_init (GkTopicDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  g_type_ensure (GK_TYPE_LEVEL_BADGE);
  g_type_ensure (GK_TYPE_RECORD_HISTORY);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gk_form_add_save_shortcut (GTK_WIDGET (self), "dialog.save");

  gtk_string_list_append (levels, _("No target"));
  for (GkLevel level = GK_LEVEL_SERIOUS; level <= GK_LEVEL_IN_CONTROL; level++)
    gtk_string_list_append (levels, gk_level_label (level));
  adw_combo_row_set_model (self->target_level_row, G_LIST_MODEL (levels));
}

static void
show_topic (GkTopicDialog *self)
{
  GkTopic *topic = self->copy;
  g_autofree char *target_date = gk_form_date_for_entry (gk_topic_get_target_date (topic));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), gk_topic_get_name (topic));
  gk_form_text_view_set_text (self->description_view, gk_topic_get_description (topic));
  gk_form_text_view_set_text (self->serious_view, gk_topic_get_descriptor_serious (topic));
  gk_form_text_view_set_text (self->vigilant_view, gk_topic_get_descriptor_vigilant (topic));
  gk_form_text_view_set_text (self->in_control_view, gk_topic_get_descriptor_in_control (topic));
  gk_form_text_view_set_text (self->challenges_view, gk_topic_get_challenges (topic));
  adw_combo_row_set_selected (self->target_level_row, gk_topic_get_target_level (topic));
  gtk_editable_set_text (GTK_EDITABLE (self->target_date_row), target_date);
  gk_form_person_choice_setup (self->owner_row, self->document, _("No owner"),
                               gk_topic_get_owner_id (topic));
}

GkTopicDialog *
gk_topic_dialog_new (GtkWindow  *parent,
                     GkDocument *document,
                     GkTopic    *topic)
{
  GkTopicDialog *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (topic == NULL || GK_IS_TOPIC (topic), NULL);

  self = g_object_new (GK_TYPE_TOPIC_DIALOG,
                       "transient-for", parent,
                       "title", topic != NULL ? _("Edit Topic") : _("New Topic"),
                       NULL);
  self->document = g_object_ref (document);
  self->copy = topic != NULL ? GK_TOPIC (gk_record_copy (GK_RECORD (topic))) : gk_topic_new ();
  show_topic (self);
  if (topic != NULL)
    gk_record_history_set_record (self->history_group, document, "topic", gk_record_get_id (GK_RECORD (topic)));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
