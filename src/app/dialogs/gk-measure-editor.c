/* gk-measure-editor.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor keeps its own list of the measure's targets and links while
 * the user works: adding and removing them touches nothing. Save writes the
 * measure, then removes and adds targets and links, in one group, so that
 * one Undo takes the whole edit back and a refusal leaves the file as it was.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-choice.h"
#include "gk-date.h"
#include "gk-form.h"
#include "gk-level-badge.h"
#include "gk-measure-editor.h"
#include "gk-money.h"
#include "gk-record-history.h"
#include "gk-window.h"

struct _GkMeasureEditor
{
  AdwWindow        parent_instance;

  GkDocument      *document;
  /* A detached copy of the measure as it was when the dialog opened, so
   * that saving notices when someone changed it meanwhile; NULL when new. */
  GkMeasure       *original;
  gint64           measure_id;       /* 0 for a new measure */

  GPtrArray       *targets;          /* detached GkMeasureTarget; id 0 when added here */
  GArray          *removed_targets;  /* ids of the file's targets removed here */
  GPtrArray       *links;            /* detached GkMeasureLink, both directions */
  GArray          *removed_links;
  GArray          *link_measure_ids; /* the measures the link drop-down offers */

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  AdwEntryRow     *title_row;
  AdwComboRow     *project_row;
  AdwComboRow     *owner_row;
  AdwComboRow     *status_row;
  AdwComboRow     *kind_row;
  GtkLabel        *measure_error;
  GtkTextView     *description_view;
  AdwEntryRow     *start_row;
  AdwEntryRow     *due_row;
  AdwEntryRow     *done_row;
  AdwActionRow    *progress_row;
  GtkRange        *progress_scale;
  GtkLabel        *planning_error;
  GtkTextView     *effect_view;
  AdwEntryRow     *saving_row;
  GtkLabel        *effect_error;
  GtkListBox      *targets_list;
  GtkWidget       *add_target_row;
  GtkDropDown     *target_topic_drop;
  GtkDropDown     *target_level_drop;
  GtkEntry        *target_date_entry;
  GtkLabel        *targets_error;
  GtkListBox      *links_list;
  GtkWidget       *add_link_row;
  GtkDropDown     *link_kind_drop;
  GtkDropDown     *link_measure_drop;
  GtkLabel        *links_error;
  GtkWidget       *delete_group;
  GkRecordHistory *history_group;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkMeasureEditor, gk_measure_editor, ADW_TYPE_WINDOW)

static char *
format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    return NULL;
  return gk_date_format_display (&date);
}

/* --- problems ------------------------------------------------------------- */

static void
clear_problems (GkMeasureEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->project_row), GTK_WIDGET (self->owner_row),
    GTK_WIDGET (self->status_row), GTK_WIDGET (self->kind_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->due_row), GTK_WIDGET (self->done_row), GTK_WIDGET (self->progress_row),
    GTK_WIDGET (self->saving_row), GTK_WIDGET (self->target_topic_drop),
    GTK_WIDGET (self->target_date_entry), GTK_WIDGET (self->link_measure_drop),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gk_form_clear_problem (rows[i], NULL);
  gk_form_clear_problem (NULL, self->measure_error);
  gk_form_clear_problem (NULL, self->planning_error);
  gk_form_clear_problem (NULL, self->effect_error);
  gk_form_clear_problem (NULL, self->targets_error);
  gk_form_clear_problem (NULL, self->links_error);
}

/* Shows @message beside the field of the measure a validation error names. */
static void
show_problem_for_field (GkMeasureEditor *self,
                        const char      *field,
                        const char      *message)
{
  const GkFormField map[] = {
    { "title", GTK_WIDGET (self->title_row), self->measure_error },
    { "project-id", GTK_WIDGET (self->project_row), self->measure_error },
    { "owner-id", GTK_WIDGET (self->owner_row), self->measure_error },
    { "status", GTK_WIDGET (self->status_row), self->measure_error },
    { "kind", GTK_WIDGET (self->kind_row), self->measure_error },
    { "start-date", GTK_WIDGET (self->start_row), self->planning_error },
    { "due-date", GTK_WIDGET (self->due_row), self->planning_error },
    { "done-date", GTK_WIDGET (self->done_row), self->planning_error },
    { "progress", GTK_WIDGET (self->progress_row), self->planning_error },
    { "saving-cents", GTK_WIDGET (self->saving_row), self->effect_error },
  };

  gk_form_show_problem_for_field (map, G_N_ELEMENTS (map), field, self->measure_error, message);
}

/* --- targets -------------------------------------------------------------- */

static void
remove_rows_but (GtkListBox *list,
                 GtkWidget  *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static GtkWidget *
remove_button_new (const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return button;
}

static void show_targets (GkMeasureEditor *self);

static void
remove_target_clicked_cb (GtkButton       *button,
                          GkMeasureEditor *self)
{
  GkMeasureTarget *target = g_object_get_data (G_OBJECT (button), "target");
  gint64 id = gk_record_get_id (GK_RECORD (target));

  if (id != 0)
    g_array_append_val (self->removed_targets, id);
  g_ptr_array_remove (self->targets, target);
  show_targets (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->target_topic_drop));
}

static GtkWidget *
target_row_new (GkMeasureEditor *self,
                GkMeasureTarget *target)
{
  GkTopic *topic = gk_document_lookup_topic (self->document, gk_measure_target_get_topic_id (target));
  const char *topic_name = topic != NULL ? gk_topic_get_name (topic) : "";
  g_autofree char *date = format_iso_date (gk_measure_target_get_target_date (target));
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gk_level_badge_new (gk_measure_target_get_target_level (target));
  GtkWidget *button;

  /* Translators: when a measure's target must be reached, "By 22 Nov 2026" */
  subtitle = date != NULL ? g_strdup_printf (_("By %s"), date) : g_strdup (_("No target date"));
  /* Translators: a button that removes the target of a measure for a topic */
  remove_label = g_strdup_printf (_("Remove the target for “%s”"), topic_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topic_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  button = remove_button_new (remove_label);
  gtk_widget_set_name (button, "remove-target");
  g_object_set_data_full (G_OBJECT (button), "target", g_object_ref (target), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_target_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_targets (GkMeasureEditor *self)
{
  remove_rows_but (self->targets_list, self->add_target_row);
  for (guint i = 0; i < self->targets->len; i++)
    gtk_list_box_insert (self->targets_list, target_row_new (self, g_ptr_array_index (self->targets, i)), i);
}

static gboolean
has_target_for (GkMeasureEditor *self,
                gint64           topic_id)
{
  for (guint i = 0; i < self->targets->len; i++)
    if (gk_measure_target_get_topic_id (g_ptr_array_index (self->targets, i)) == topic_id)
      return TRUE;
  return FALSE;
}

static void
add_target_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GkMeasureEditor *self = GK_MEASURE_EDITOR (widget);
  gint64 topic_id = gk_choice_record_get (self->target_topic_drop);
  g_autoptr(GkMeasureTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  clear_problems (self);
  if (topic_id == 0)
    {
      gk_form_show_problem (GTK_WIDGET (self->target_topic_drop), self->targets_error,
                            _("Choose the topic this measure must help."));
      return;
    }
  if (has_target_for (self, topic_id))
    {
      gk_form_show_problem (GTK_WIDGET (self->target_topic_drop), self->targets_error,
                            _("The measure already has a target for this topic."));
      return;
    }
  if (!gk_form_read_date (GTK_EDITABLE (self->target_date_entry), FALSE, &date, &error))
    {
      gk_form_show_problem (GTK_WIDGET (self->target_date_entry), self->targets_error, error->message);
      return;
    }

  target = gk_measure_target_new ();
  gk_measure_target_set_measure_id (target, self->measure_id);
  gk_measure_target_set_topic_id (target, topic_id);
  gk_measure_target_set_target_level (target, gk_choice_enum_get (self->target_level_drop));
  gk_measure_target_set_target_date (target, date);
  g_ptr_array_add (self->targets, g_steal_pointer (&target));
  show_targets (self);
  gtk_editable_set_text (GTK_EDITABLE (self->target_date_entry), "");
  gk_choice_record_set (self->target_topic_drop, 0);
}

/* The topic's own target is the usual aim of a measure for it. */
static void
target_topic_changed_cb (GkMeasureEditor *self)
{
  GkTopic *topic = gk_document_lookup_topic (self->document, gk_choice_record_get (self->target_topic_drop));

  if (topic == NULL)
    return;
  if (gk_topic_get_target_level (topic) != GK_LEVEL_NONE)
    gk_choice_enum_set (self->target_level_drop, gk_topic_get_target_level (topic));
  if (*gtk_editable_get_text (GTK_EDITABLE (self->target_date_entry)) == '\0')
    {
      g_autofree char *text = gk_form_date_for_entry (gk_topic_get_target_date (topic));

      gtk_editable_set_text (GTK_EDITABLE (self->target_date_entry), text);
    }
}

/* --- links ---------------------------------------------------------------- */

static gboolean
link_is_outgoing (GkMeasureEditor *self,
                  GkMeasureLink   *link)
{
  return gk_measure_link_get_from_measure_id (link) == self->measure_id;
}

static char *
link_title (GkMeasureEditor *self,
            GkMeasureLink   *link,
            GkMeasure       *other)
{
  const char *title = other != NULL ? gk_measure_get_title (other) : "";

  if (link_is_outgoing (self, link))
    switch (gk_measure_link_get_kind (link))
      {
      case GK_LINK_KIND_DEPENDS_ON:
        /* Translators: a link of the measure being edited to another measure */
        return g_strdup_printf (_("Depends on “%s”"), title);
      case GK_LINK_KIND_CONFLICTS_WITH:
        /* Translators: a link of the measure being edited to another measure */
        return g_strdup_printf (_("Conflicts with “%s”"), title);
      case GK_LINK_KIND_REINFORCES:
      default:
        /* Translators: a link of the measure being edited to another measure */
        return g_strdup_printf (_("Reinforces “%s”"), title);
      }

  switch (gk_measure_link_get_kind (link))
    {
    case GK_LINK_KIND_DEPENDS_ON:
      /* Translators: a link of another measure to the one being edited */
      return g_strdup_printf (_("“%s” depends on this measure"), title);
    case GK_LINK_KIND_CONFLICTS_WITH:
      /* Translators: a link of another measure to the one being edited */
      return g_strdup_printf (_("“%s” conflicts with this measure"), title);
    case GK_LINK_KIND_REINFORCES:
    default:
      /* Translators: a link of another measure to the one being edited */
      return g_strdup_printf (_("“%s” reinforces this measure"), title);
    }
}

static void show_links (GkMeasureEditor *self);

static void
remove_link_clicked_cb (GtkButton       *button,
                        GkMeasureEditor *self)
{
  GkMeasureLink *link = g_object_get_data (G_OBJECT (button), "link");
  gint64 id = gk_record_get_id (GK_RECORD (link));

  if (id != 0)
    g_array_append_val (self->removed_links, id);
  g_ptr_array_remove (self->links, link);
  show_links (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_measure_drop));
}

static GtkWidget *
link_row_new (GkMeasureEditor *self,
              GkMeasureLink   *link)
{
  gint64 other_id = link_is_outgoing (self, link)
                    ? gk_measure_link_get_to_measure_id (link)
                    : gk_measure_link_get_from_measure_id (link);
  GkMeasure *other = gk_document_lookup_measure (self->document, other_id);
  GkFocusProject *project = other != NULL
                            ? gk_document_lookup_focus_project (self->document, gk_measure_get_project_id (other))
                            : NULL;
  g_autofree char *title = link_title (self, link, other);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (project != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gk_focus_project_get_name (project));
  /* Translators: a button that removes a link between two measures, %s describes it */
  remove_label = g_strdup_printf (_("Remove the link: %s"), title);
  button = remove_button_new (remove_label);
  gtk_widget_set_name (button, "remove-link");
  g_object_set_data_full (G_OBJECT (button), "link", g_object_ref (link), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_link_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_links (GkMeasureEditor *self)
{
  remove_rows_but (self->links_list, self->add_link_row);
  for (guint i = 0; i < self->links->len; i++)
    gtk_list_box_insert (self->links_list, link_row_new (self, g_ptr_array_index (self->links, i)), i);
}

static gboolean
is_linked_to (GkMeasureEditor *self,
              gint64           other_id)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      GkMeasureLink *link = g_ptr_array_index (self->links, i);

      if (gk_measure_link_get_from_measure_id (link) == other_id ||
          gk_measure_link_get_to_measure_id (link) == other_id)
        return TRUE;
    }
  return FALSE;
}

static void
add_link_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GkMeasureEditor *self = GK_MEASURE_EDITOR (widget);
  guint selected = gtk_drop_down_get_selected (self->link_measure_drop);
  g_autoptr(GkMeasureLink) link = NULL;
  gint64 other_id;

  clear_problems (self);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->link_measure_ids->len)
    {
      gk_form_show_problem (GTK_WIDGET (self->link_measure_drop), self->links_error,
                            _("Choose the measure to link to."));
      return;
    }
  other_id = g_array_index (self->link_measure_ids, gint64, selected);
  if (is_linked_to (self, other_id))
    {
      gk_form_show_problem (GTK_WIDGET (self->link_measure_drop), self->links_error,
                            _("The measures are already linked."));
      return;
    }

  link = gk_measure_link_new ();
  gk_measure_link_set_from_measure_id (link, self->measure_id);
  gk_measure_link_set_to_measure_id (link, other_id);
  gk_measure_link_set_kind (link, gk_choice_enum_get (self->link_kind_drop));
  g_ptr_array_add (self->links, g_steal_pointer (&link));
  show_links (self);
}

/* Every other measure, as "Title (Project)" so that equal titles differ. */
static void
fill_link_measures (GkMeasureEditor *self)
{
  GListModel *measures = gk_document_get_measures (self->document);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      gint64 id = gk_record_get_id (GK_RECORD (measure));
      GkFocusProject *project = gk_document_lookup_focus_project (self->document,
                                                                  gk_measure_get_project_id (measure));
      g_autofree char *label = NULL;

      if (id == self->measure_id)
        continue;
      /* Translators: a measure in a list to choose from: "Title (Focus project)" */
      label = g_strdup_printf (_("%s (%s)"), gk_measure_get_title (measure),
                               project != NULL ? gk_focus_project_get_name (project) : "");
      gtk_string_list_append (labels, label);
      g_array_append_val (self->link_measure_ids, id);
    }
  gk_choice_drop_down_setup_labels (self->link_measure_drop, TRUE);
  gtk_drop_down_set_model (self->link_measure_drop, G_LIST_MODEL (labels));
}

/* --- reading the form ------------------------------------------------------- */

static gboolean
read_form (GkMeasureEditor *self,
           GkMeasure       *measure)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *description = gk_form_text_view_get_text (self->description_view);
  g_autofree char *effect = gk_form_text_view_get_text (self->effect_view);
  g_autofree char *saving_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->saving_row))));
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;
  gint64 saving = 0;

  if (!gk_form_read_date (GTK_EDITABLE (self->start_row), FALSE, &start, &error))
    {
      show_problem_for_field (self, "start-date", error->message);
      return FALSE;
    }
  if (!gk_form_read_date (GTK_EDITABLE (self->due_row), FALSE, &due, &error))
    {
      show_problem_for_field (self, "due-date", error->message);
      return FALSE;
    }
  if (!gk_form_read_date (GTK_EDITABLE (self->done_row), FALSE, &done, &error))
    {
      show_problem_for_field (self, "done-date", error->message);
      return FALSE;
    }
  if (*saving_text != '\0' && !gk_money_parse_user (saving_text, &saving, &error))
    {
      show_problem_for_field (self, "saving-cents", error->message);
      return FALSE;
    }

  gk_measure_set_title (measure, title);
  gk_measure_set_description (measure, g_strstrip (description));
  gk_measure_set_project_id (measure, gk_choice_record_get (self->project_row));
  gk_measure_set_owner_id (measure, gk_form_person_choice_get (self->owner_row));
  gk_measure_set_status (measure, gk_choice_enum_get (self->status_row));
  gk_measure_set_kind (measure, gk_choice_enum_get (self->kind_row));
  gk_measure_set_start_date (measure, start);
  gk_measure_set_due_date (measure, due);
  gk_measure_set_done_date (measure, done);
  gk_measure_set_progress (measure, (int) gtk_range_get_value (self->progress_scale));
  gk_measure_set_expected_effect (measure, g_strstrip (effect));
  if (*saving_text != '\0')
    gk_measure_set_saving_cents (measure, saving);
  else
    gk_measure_clear_saving_cents (measure);
  return TRUE;
}

/* --- saving ------------------------------------------------------------------ */

static gboolean
write_targets (GkMeasureEditor *self,
               gint64           measure_id,
               GError         **error)
{
  for (guint i = 0; i < self->removed_targets->len; i++)
    {
      GkRecord *live = gk_document_lookup (self->document, GK_TYPE_MEASURE_TARGET,
                                           g_array_index (self->removed_targets, gint64, i));

      /* Gone already (removed with its topic, say): nothing to do. */
      if (live != NULL && !gk_document_delete (self->document, live, error))
        return FALSE;
    }
  for (guint i = 0; i < self->targets->len; i++)
    {
      GkRecord *target = g_ptr_array_index (self->targets, i);
      g_autoptr(GkRecord) copy = NULL;

      if (gk_record_get_id (target) != 0)
        continue;
      copy = gk_record_copy (target);
      gk_measure_target_set_measure_id (GK_MEASURE_TARGET (copy), measure_id);
      if (!gk_document_insert (self->document, copy, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_links (GkMeasureEditor *self,
             gint64           measure_id,
             GError         **error)
{
  for (guint i = 0; i < self->removed_links->len; i++)
    {
      GkRecord *live = gk_document_lookup (self->document, GK_TYPE_MEASURE_LINK,
                                           g_array_index (self->removed_links, gint64, i));

      if (live != NULL && !gk_document_delete (self->document, live, error))
        return FALSE;
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      GkRecord *link = g_ptr_array_index (self->links, i);
      g_autoptr(GkRecord) copy = NULL;

      if (gk_record_get_id (link) != 0)
        continue;
      copy = gk_record_copy (link);
      /* Links added here start at this measure, which may only now have an id. */
      gk_measure_link_set_from_measure_id (GK_MEASURE_LINK (copy), measure_id);
      if (!gk_document_insert (self->document, copy, error))
        return FALSE;
    }
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkMeasureEditor *self = GK_MEASURE_EDITOR (widget);
  g_autoptr(GkMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkLabel *where = NULL;
  gint64 id;

  clear_problems (self);
  /* A fresh copy each time: a refused attempt must leave nothing behind
   * (an id, a version) that would spoil the next one. */
  measure = self->original != NULL
            ? GK_MEASURE (gk_record_copy (GK_RECORD (self->original)))
            : gk_measure_new ();
  if (!read_form (self, measure))
    return;

  description = self->original != NULL
                ? g_strdup_printf (_("Edit measure “%s”"), gk_measure_get_title (measure))
                : g_strdup_printf (_("Add measure “%s”"), gk_measure_get_title (measure));
  gk_document_begin_group (self->document, description);
  if (!(self->original != NULL
        ? gk_document_update (self->document, GK_RECORD (measure), &error)
        : gk_document_insert (self->document, GK_RECORD (measure), &error)))
    goto failed;
  id = gk_record_get_id (GK_RECORD (measure));
  where = self->targets_error;
  if (!write_targets (self, id, &error))
    goto failed;
  where = self->links_error;
  if (!write_links (self, id, &error))
    goto failed;
  where = self->measure_error;
  if (!gk_document_end_group (self->document, &error))
    {
      gk_form_show_problem (NULL, where, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return;

failed:
  gk_document_cancel_group (self->document);
  if (where == NULL)
    show_problem_for_field (self, gk_validation_error_get_field (error), error->message);
  else
    gk_form_show_problem (NULL, where, error->message);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkMeasureEditor *self = GK_MEASURE_EDITOR (widget);
  GkMeasure *live = gk_document_lookup_measure (self->document, self->measure_id);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  clear_problems (self);
  if (live == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  title = g_strdup_printf (_("Measure “%s” deleted"), gk_measure_get_title (live));
  if (!gk_document_delete (self->document, GK_RECORD (live), &error))
    {
      gk_form_show_problem (NULL, self->measure_error, error->message);
      return;
    }
  if (GK_IS_WINDOW (parent))
    gk_window_add_toast (GK_WINDOW (parent), gk_form_undo_toast_new (title));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Done means done: a date and full progress, unless the user says otherwise. */
static void
status_changed_cb (GkMeasureEditor *self)
{
  g_autofree char *today_text = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  if (gk_choice_enum_get (self->status_row) != GK_MEASURE_STATUS_DONE)
    return;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->done_row)) == '\0')
    {
      today = gk_clock_get_today (gk_document_get_clock (self->document));
      today_iso = gk_date_to_iso (&today);
      today_text = gk_form_date_for_entry (today_iso);
      gtk_editable_set_text (GTK_EDITABLE (self->done_row), today_text);
    }
  gtk_range_set_value (self->progress_scale, 100);
}

/* --- filling the form -------------------------------------------------------- */

static char *
format_percent (GtkScale *scale,
                double    value,
                gpointer  user_data)
{
  /* Translators: a percentage, "40 %" (Dutch puts a space before the sign) */
  return g_strdup_printf (_("%d %%"), (int) value);
}

static void
set_entry_date (AdwEntryRow *row,
                const char  *iso)
{
  g_autofree char *text = gk_form_date_for_entry (iso);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load_targets_and_links (GkMeasureEditor *self)
{
  GListModel *targets = gk_document_get_measure_targets (self->document);
  GListModel *links = gk_document_get_measure_links (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);

      if (gk_measure_target_get_measure_id (target) == self->measure_id)
        g_ptr_array_add (self->targets, gk_record_copy (GK_RECORD (target)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkMeasureLink) link = g_list_model_get_item (links, i);

      if (gk_measure_link_get_from_measure_id (link) == self->measure_id ||
          gk_measure_link_get_to_measure_id (link) == self->measure_id)
        g_ptr_array_add (self->links, gk_record_copy (GK_RECORD (link)));
    }
}

static void
fill_form (GkMeasureEditor *self,
           GkMeasure       *measure)
{
  const GkEnumEntry *entries;
  guint n;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), gk_measure_get_title (measure));
  gk_choice_record_setup (self->project_row, gk_document_get_focus_projects (self->document), NULL,
                          gk_measure_get_project_id (measure));
  gk_form_person_choice_setup (self->owner_row, self->document, _("Nobody yet"), gk_measure_get_owner_id (measure));
  entries = gk_measure_status_entries (&n);
  gk_choice_enum_setup (self->status_row, entries, n, gk_measure_get_status (measure));
  entries = gk_measure_kind_entries (&n);
  gk_choice_enum_setup (self->kind_row, entries, n, gk_measure_get_kind (measure));
  gk_form_text_view_set_text (self->description_view, gk_measure_get_description (measure));
  set_entry_date (self->start_row, gk_measure_get_start_date (measure));
  set_entry_date (self->due_row, gk_measure_get_due_date (measure));
  set_entry_date (self->done_row, gk_measure_get_done_date (measure));
  gtk_scale_set_format_value_func (GTK_SCALE (self->progress_scale), format_percent, NULL, NULL);
  gtk_range_set_value (self->progress_scale, gk_measure_get_progress (measure));
  gk_form_text_view_set_text (self->effect_view, gk_measure_get_expected_effect (measure));
  if (gk_measure_has_saving_cents (measure))
    {
      g_autofree char *saving = gk_money_cents_for_entry (gk_measure_get_saving_cents (measure));

      gtk_editable_set_text (GTK_EDITABLE (self->saving_row), saving);
    }

  gk_choice_drop_down_setup_labels (self->target_topic_drop, FALSE);
  /* Translators: the choice of a topic before one is chosen; keep it short */
  gk_choice_record_setup (self->target_topic_drop, gk_document_get_topics (self->document),
                          C_("target topic", "Topic…"), 0);
  /* A target is a level to reach: "not assessed" is no aim. */
  entries = gk_level_entries (&n);
  gk_choice_enum_setup (self->target_level_drop, entries + 1, n - 1, GK_LEVEL_IN_CONTROL);
  entries = gk_link_kind_entries (&n);
  gk_choice_enum_setup (self->link_kind_drop, entries, n, GK_LINK_KIND_REINFORCES);
  fill_link_measures (self);

  load_targets_and_links (self);
  show_targets (self);
  show_links (self);

  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb), self);
  g_signal_connect_swapped (self->target_topic_drop, "notify::selected", G_CALLBACK (target_topic_changed_cb), self);
}

/* --- construction ------------------------------------------------------------ */

static void
gk_measure_editor_dispose (GObject *object)
{
  GkMeasureEditor *self = GK_MEASURE_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->original);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->removed_targets, g_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->removed_links, g_array_unref);
  g_clear_pointer (&self->link_measure_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_MEASURE_EDITOR);

  G_OBJECT_CLASS (gk_measure_editor_parent_class)->dispose (object);
}

static void
gk_measure_editor_class_init (GkMeasureEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_measure_editor_dispose;

  /**
   * GkMeasureEditor::saved:
   * @measure_id: the id of the measure that was written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-measure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, project_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, measure_error);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, done_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, progress_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, progress_scale);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, planning_error);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, effect_view);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, saving_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, effect_error);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, targets_list);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, add_target_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, target_topic_drop);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, target_level_drop);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, target_date_entry);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, targets_error);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, links_list);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, add_link_row);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, link_kind_drop);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, link_measure_drop);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, links_error);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, GkMeasureEditor, history_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-target", NULL, add_target_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-link", NULL, add_link_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
gk_measure_editor_init (GkMeasureEditor *self)
{
  g_type_ensure (GK_TYPE_RECORD_HISTORY);
  self->targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_links = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->link_measure_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field, a text view too. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "editor.save");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* A new measure starts in @project_id (or the first project), owned by the
 * project's owner. */
static GkMeasure *
new_measure_defaults (GkDocument *document,
                      gint64      project_id)
{
  GkMeasure *measure = gk_measure_new ();
  GkFocusProject *project = gk_document_lookup_focus_project (document, project_id);

  if (project == NULL && g_list_model_get_n_items (gk_document_get_focus_projects (document)) > 0)
    {
      g_autoptr(GkFocusProject) first = g_list_model_get_item (gk_document_get_focus_projects (document), 0);

      project = gk_document_lookup_focus_project (document, gk_record_get_id (GK_RECORD (first)));
    }
  if (project != NULL)
    {
      gk_measure_set_project_id (measure, gk_record_get_id (GK_RECORD (project)));
      gk_measure_set_owner_id (measure, gk_focus_project_get_owner_id (project));
    }
  return measure;
}

GkMeasureEditor *
gk_measure_editor_new (GtkWindow  *parent,
                       GkDocument *document,
                       GkMeasure  *measure,
                       gint64      project_id)
{
  GkMeasureEditor *self;
  g_autoptr(GkMeasure) shown = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (measure == NULL || GK_IS_MEASURE (measure), NULL);

  self = g_object_new (GK_TYPE_MEASURE_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  if (measure != NULL)
    {
      self->original = GK_MEASURE (gk_record_copy (GK_RECORD (measure)));
      self->measure_id = gk_record_get_id (GK_RECORD (measure));
      shown = g_object_ref (self->original);
      adw_window_title_set_title (self->window_title, _("Edit Measure"));
      adw_window_title_set_subtitle (self->window_title, gk_measure_get_title (measure));
      gtk_widget_set_visible (self->delete_group, TRUE);
      gk_record_history_set_record (self->history_group, document, "measure", self->measure_id);
    }
  else
    {
      shown = new_measure_defaults (document, project_id);
      adw_window_title_set_title (self->window_title, _("New Measure"));
      gtk_button_set_label (self->save_button, _("_Add"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Add the measure (Ctrl+Enter)"));
    }
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  fill_form (self, shown);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
