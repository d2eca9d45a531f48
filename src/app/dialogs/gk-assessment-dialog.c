/* gk-assessment-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document validates the assessment; the dialog only turns what was
 * typed into a record and shows each refusal next to the field it is about.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-assessment-dialog.h"
#include "gk-date.h"
#include "gk-form.h"

struct _GkAssessmentDialog
{
  AdwWindow        parent_instance;

  GkDocument      *document;
  GkTopic         *topic;

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkWidget       *level_box;
  GtkToggleButton *serious_button;
  GtkToggleButton *vigilant_button;
  GtkToggleButton *in_control_button;
  GtkLabel        *descriptor_label;
  GtkLabel        *level_error;
  GtkWidget       *rationale_frame;
  GtkTextView     *rationale_view;
  GtkLabel        *rationale_error;
  AdwActionRow    *confidence_row;
  GtkRange        *confidence_scale;
  AdwEntryRow     *date_row;
  AdwComboRow     *assessed_by_row;
  GtkLabel        *details_error;
};

G_DEFINE_FINAL_TYPE (GkAssessmentDialog, gk_assessment_dialog, ADW_TYPE_WINDOW)

static GkLevel
chosen_level (GkAssessmentDialog *self)
{
  if (gtk_toggle_button_get_active (self->serious_button))
    return GK_LEVEL_SERIOUS;
  if (gtk_toggle_button_get_active (self->vigilant_button))
    return GK_LEVEL_VIGILANT;
  if (gtk_toggle_button_get_active (self->in_control_button))
    return GK_LEVEL_IN_CONTROL;
  return GK_LEVEL_NONE;
}

static const char *
topic_descriptor (GkTopic *topic,
                  GkLevel  level)
{
  switch (level)
    {
    case GK_LEVEL_SERIOUS:
      return gk_topic_get_descriptor_serious (topic);
    case GK_LEVEL_VIGILANT:
      return gk_topic_get_descriptor_vigilant (topic);
    case GK_LEVEL_IN_CONTROL:
      return gk_topic_get_descriptor_in_control (topic);
    case GK_LEVEL_NONE:
    default:
      return "";
    }
}

/* What the chosen level looks like for this topic helps to choose well. */
static void
level_toggled_cb (GkAssessmentDialog *self)
{
  GkLevel level = chosen_level (self);
  const char *descriptor = self->topic != NULL ? topic_descriptor (self->topic, level) : "";
  g_autofree char *text = NULL;

  if (level == GK_LEVEL_NONE || *descriptor == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->descriptor_label), FALSE);
      return;
    }
  /* Translators: "In control: <what in control looks like for this topic>" */
  text = g_strdup_printf (_("%s: %s"), gk_level_label (level), descriptor);
  gtk_label_set_text (self->descriptor_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->descriptor_label), TRUE);
}

static void
clear_problems (GkAssessmentDialog *self)
{
  gk_form_clear_problem (self->level_box, self->level_error);
  gk_form_clear_problem (self->rationale_frame, self->rationale_error);
  gk_form_clear_problem (GTK_WIDGET (self->confidence_row), self->details_error);
  gk_form_clear_problem (GTK_WIDGET (self->date_row), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->assessed_by_row), NULL);
}

/* Shows @message beside the field named by the validation error. */
static void
show_problem_for_field (GkAssessmentDialog *self,
                        const char         *field,
                        const char         *message)
{
  if (g_strcmp0 (field, "level") == 0)
    gk_form_show_problem (self->level_box, self->level_error, message);
  else if (g_strcmp0 (field, "rationale") == 0)
    {
      gk_form_show_problem (self->rationale_frame, self->rationale_error, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->rationale_view));
    }
  else if (g_strcmp0 (field, "date") == 0)
    gk_form_show_problem (GTK_WIDGET (self->date_row), self->details_error, message);
  else if (g_strcmp0 (field, "confidence") == 0)
    gk_form_show_problem (GTK_WIDGET (self->confidence_row), self->details_error, message);
  else if (g_strcmp0 (field, "assessed-by-id") == 0)
    gk_form_show_problem (GTK_WIDGET (self->assessed_by_row), self->details_error, message);
  else
    gk_form_show_problem (NULL, self->details_error, message);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkAssessmentDialog *self = GK_ASSESSMENT_DIALOG (widget);
  g_autoptr(GkAssessment) assessment = gk_assessment_new ();
  g_autofree char *rationale = gk_form_text_view_get_text (self->rationale_view);
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;

  clear_problems (self);
  if (!gk_form_read_date (GTK_EDITABLE (self->date_row), TRUE, &date, &error))
    {
      show_problem_for_field (self, "date", error->message);
      return;
    }

  gk_assessment_set_topic_id (assessment, gk_record_get_id (GK_RECORD (self->topic)));
  gk_assessment_set_level (assessment, chosen_level (self));
  gk_assessment_set_rationale (assessment, g_strstrip (rationale));
  gk_assessment_set_confidence (assessment, (int) gtk_range_get_value (self->confidence_scale));
  gk_assessment_set_date (assessment, date);
  gk_assessment_set_assessed_by_id (assessment, gk_form_person_choice_get (self->assessed_by_row));

  if (!gk_document_insert (self->document, GK_RECORD (assessment), &error))
    {
      show_problem_for_field (self, gk_validation_error_get_field (error), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Who records is usually who assessed: the person with the user's name,
 * else the programme lead. */
static gint64
default_assessor (GkDocument *document)
{
  GListModel *people = gk_document_get_people (document);
  const char *user_name = gk_document_get_user_name (document);
  GkProgramme *programme = gk_document_get_programme (document);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GkPerson) person = g_list_model_get_item (people, i);

      if (user_name != NULL && g_utf8_collate (gk_person_get_name (person), user_name) == 0)
        return gk_record_get_id (GK_RECORD (person));
    }
  return programme != NULL ? gk_programme_get_lead_id (programme) : 0;
}

static void
set_level (GkAssessmentDialog *self,
           GkLevel             level)
{
  switch (level)
    {
    case GK_LEVEL_SERIOUS:
      gtk_toggle_button_set_active (self->serious_button, TRUE);
      break;
    case GK_LEVEL_VIGILANT:
      gtk_toggle_button_set_active (self->vigilant_button, TRUE);
      break;
    case GK_LEVEL_IN_CONTROL:
      gtk_toggle_button_set_active (self->in_control_button, TRUE);
      break;
    case GK_LEVEL_NONE:
    default:
      break;
    }
}

static void
gk_assessment_dialog_dispose (GObject *object)
{
  GkAssessmentDialog *self = GK_ASSESSMENT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->topic);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_ASSESSMENT_DIALOG);

  G_OBJECT_CLASS (gk_assessment_dialog_parent_class)->dispose (object);
}

static void
gk_assessment_dialog_class_init (GkAssessmentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_assessment_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, level_box);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, serious_button);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, vigilant_button);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, in_control_button);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, descriptor_label);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, level_error);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, rationale_frame);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, rationale_error);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, confidence_row);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, confidence_scale);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, assessed_by_row);
  gtk_widget_class_bind_template_child (widget_class, GkAssessmentDialog, details_error);
  gtk_widget_class_bind_template_callback (widget_class, level_toggled_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_assessment_dialog_init (GkAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gk_form_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
}

GkAssessmentDialog *
gk_assessment_dialog_new (GtkWindow  *parent,
                          GkDocument *document,
                          GkTopic    *topic,
                          GkLevel     level)
{
  GkAssessmentDialog *self;
  g_autofree char *today_text = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TOPIC (topic), NULL);

  self = g_object_new (GK_TYPE_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->topic = g_object_ref (topic);

  adw_window_title_set_subtitle (self->window_title, gk_topic_get_name (topic));
  today = gk_clock_get_today (gk_document_get_clock (document));
  today_iso = gk_date_to_iso (&today);
  today_text = gk_form_date_for_entry (today_iso);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  gk_form_person_choice_setup (self->assessed_by_row, document, _("Nobody in particular"),
                               default_assessor (document));
  set_level (self, level);
  level_toggled_cb (self);
  /* Start where the first choice is still open. */
  if (level == GK_LEVEL_NONE)
    gtk_widget_grab_focus (GTK_WIDGET (self->serious_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->rationale_view));
  return self;
}
