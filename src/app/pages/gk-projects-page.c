/* gk-projects-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the focus projects beside the one that is chosen. The project's
 * measures can be moved along right there (status and progress) without
 * opening the measure editor; every change is one undo step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-attention.h"
#include "gk-edit-actions.h"
#include "gk-catalogue-dialog.h"
#include "gk-chart-common.h"
#include "gk-choice.h"
#include "gk-date.h"
#include "gk-form.h"
#include "gk-level-badge.h"
#include "gk-measure-editor.h"
#include "gk-money.h"
#include "gk-project-editor.h"
#include "gk-chart-view.h"
#include "gk-projects-page.h"
#include "gk-session-charts.h"
#include "gk-tooltip.h"

/* Dragging the progress slider writes once the hand rests, not per pixel:
 * one undo step per change the user meant. */
#define PROGRESS_COMMIT_DELAY_MS 500

/* --- shared helpers ----------------------------------------------------------- */

static char *
format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    return NULL;
  return gk_date_format_display (&date);
}

static const char *
person_name (GkDocument *document,
             gint64      person_id)
{
  GkPerson *person = gk_document_lookup_person (document, person_id);

  return person != NULL ? gk_person_get_name (person) : NULL;
}

static const char *
health_icon_name (GkHealth health)
{
  switch (health)
    {
    case GK_HEALTH_OFF_TRACK:
      return "dialog-error-symbolic";
    case GK_HEALTH_AT_RISK:
      return "dialog-warning-symbolic";
    case GK_HEALTH_ON_TRACK:
    default:
      return "emblem-ok-symbolic";
    }
}

static void
style_health_icon (GtkWidget *icon,
                   GkHealth   health)
{
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), health_icon_name (health));
  gtk_widget_remove_css_class (icon, "success");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_add_css_class (icon, health == GK_HEALTH_OFF_TRACK ? "error"
                                  : health == GK_HEALTH_AT_RISK ? "warning" : "success");
  gk_widget_set_tooltip_lazily (icon, gk_health_label (health));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gk_health_label (health), -1);
}

/* --- a measure of the project, with status and progress to edit ------------- */

#define GK_TYPE_PROJECT_MEASURE_ROW (gk_project_measure_row_get_type ())
G_DECLARE_FINAL_TYPE (GkProjectMeasureRow, gk_project_measure_row, GK, PROJECT_MEASURE_ROW, AdwActionRow)

struct _GkProjectMeasureRow
{
  AdwActionRow  parent_instance;

  GkDocument   *document;
  GkMeasure    *measure;       /* live */
  GtkDropDown  *status_drop;
  GtkRange     *progress_scale;
  GtkLabel     *progress_label;
  char         *problem;       /* why the last inline edit was refused */
  guint         commit_source;
  gboolean      updating;      /* set while the widgets follow the measure */
};

G_DEFINE_FINAL_TYPE (GkProjectMeasureRow, gk_project_measure_row, ADW_TYPE_ACTION_ROW)

static char *
measure_subtitle (GkDocument *document,
                  GkMeasure  *measure)
{
  const char *owner = person_name (document, gk_measure_get_owner_id (measure));
  g_autofree char *due = format_iso_date (gk_measure_get_due_date (measure));
  g_autofree char *when = NULL;
  GDate today = gk_clock_get_today (gk_document_get_clock (document)), due_date;
  gboolean overdue;

  overdue = due != NULL && gk_date_parse_iso (gk_measure_get_due_date (measure), &due_date) &&
            gk_attention_measure_overdue (gk_measure_get_status (measure), &due_date, &today);
  if (due == NULL)
    when = g_strdup (_("no due date"));
  else if (overdue)
    /* Translators: a measure's due date that has passed, "due 22 Nov 2026, overdue" */
    when = g_strdup_printf (_("due %s, overdue"), due);
  else
    /* Translators: a measure's due date, "due 22 Nov 2026" */
    when = g_strdup_printf (_("due %s"), due);

  /* Translators: under a measure: its owner and when it is due */
  return g_strdup_printf (_("%s · %s"), owner != NULL ? owner : _("no owner"), when);
}

static void
measure_row_update (GkProjectMeasureRow *self)
{
  g_autofree char *subtitle = measure_subtitle (self->document, self->measure);
  g_autofree char *percent = NULL;
  g_autofree char *status_name = NULL;
  g_autofree char *progress_name = NULL;
  const char *title = gk_measure_get_title (self->measure);
  int progress = gk_measure_get_progress (self->measure);

  self->updating = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->problem != NULL ? self->problem : subtitle);
  gk_choice_enum_set (self->status_drop, gk_measure_get_status (self->measure));
  /* Not while the user is still moving it. */
  if (self->commit_source == 0)
    {
      gtk_range_set_value (self->progress_scale, progress);
      percent = g_strdup_printf (_("%d %%"), progress);
      gtk_label_set_text (self->progress_label, percent);
    }
  /* Translators: accessible name of the status choice of a measure */
  status_name = g_strdup_printf (_("Status of “%s”"), title);
  /* Translators: accessible name of the progress slider of a measure */
  progress_name = g_strdup_printf (_("Progress of “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_drop), GTK_ACCESSIBLE_PROPERTY_LABEL, status_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_scale), GTK_ACCESSIBLE_PROPERTY_LABEL, progress_name, -1);
  self->updating = FALSE;
}

/* Shows why an inline edit was refused in the row itself, where it happened. */
static void
measure_row_set_problem (GkProjectMeasureRow *self,
                         const char          *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  measure_row_update (self);
}

static void
measure_row_write (GkProjectMeasureRow *self,
                   GkRecord            *copy)
{
  g_autoptr(GError) error = NULL;

  if (!gk_document_update (self->document, copy, &error))
    {
      measure_row_set_problem (self, error->message);
      return;
    }
  measure_row_set_problem (self, NULL);
}

/* Done means done: a date and full progress; back from done, no date. */
static void
status_selected_cb (GkProjectMeasureRow *self)
{
  GkMeasureStatus status = gk_choice_enum_get (self->status_drop);
  GkMeasureStatus old_status = gk_measure_get_status (self->measure);
  g_autoptr(GkRecord) copy = NULL;
  GkMeasure *measure;

  if (self->updating || status == old_status)
    return;
  copy = gk_record_copy (GK_RECORD (self->measure));
  measure = GK_MEASURE (copy);
  gk_measure_set_status (measure, status);
  if (status == GK_MEASURE_STATUS_DONE)
    {
      if (gk_measure_get_done_date (measure) == NULL)
        {
          g_autofree char *today_iso = NULL;
          GDate today = gk_clock_get_today (gk_document_get_clock (self->document));

          today_iso = gk_date_to_iso (&today);
          gk_measure_set_done_date (measure, today_iso);
        }
      gk_measure_set_progress (measure, 100);
    }
  else if (old_status == GK_MEASURE_STATUS_DONE)
    gk_measure_set_done_date (measure, NULL);
  measure_row_write (self, copy);
}

static gboolean
commit_progress_cb (gpointer data)
{
  GkProjectMeasureRow *self = data;
  int progress = (int) gtk_range_get_value (self->progress_scale);

  self->commit_source = 0;
  if (progress != gk_measure_get_progress (self->measure))
    {
      g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (self->measure));

      gk_measure_set_progress (GK_MEASURE (copy), progress);
      measure_row_write (self, copy);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_changed_cb (GkProjectMeasureRow *self)
{
  g_autofree char *percent = NULL;

  if (self->updating)
    return;
  percent = g_strdup_printf (_("%d %%"), (int) gtk_range_get_value (self->progress_scale));
  gtk_label_set_text (self->progress_label, percent);
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (PROGRESS_COMMIT_DELAY_MS, commit_progress_cb, self);
}

static void
gk_project_measure_row_dispose (GObject *object)
{
  GkProjectMeasureRow *self = GK_PROJECT_MEASURE_ROW (object);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_clear_object (&self->measure);
  g_clear_object (&self->document);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (gk_project_measure_row_parent_class)->dispose (object);
}

static void
gk_project_measure_row_class_init (GkProjectMeasureRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gk_project_measure_row_dispose;
}

static void
gk_project_measure_row_init (GkProjectMeasureRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 100, 5);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *drop = gtk_drop_down_new (NULL, NULL);
  const GkEnumEntry *entries;
  guint n;

  gtk_widget_set_name (drop, "measure-status");
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  /* One width for every status keeps the sliders of the rows in line. */
  gtk_widget_set_size_request (drop, 140, -1);
  gk_widget_set_tooltip_lazily (drop, _("Status"));
  entries = gk_measure_status_entries (&n);
  gk_choice_enum_setup (drop, entries, n, GK_MEASURE_STATUS_IDEA);

  gtk_widget_set_name (scale, "measure-progress");
  gtk_widget_set_size_request (scale, 110, -1);
  gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  gtk_range_set_increments (GTK_RANGE (scale), 5, 10);
  gk_widget_set_tooltip_lazily (scale, _("Progress"));
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), drop);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);

  self->status_drop = GTK_DROP_DOWN (drop);
  self->progress_scale = GTK_RANGE (scale);
  self->progress_label = GTK_LABEL (label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gk_widget_set_tooltip_lazily (GTK_WIDGET (self), _("Open the measure (Enter)"));

  g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (scale, "value-changed", G_CALLBACK (progress_changed_cb), self);
}

static GtkWidget *
gk_project_measure_row_new (GkDocument *document,
                            GkMeasure  *measure)
{
  GkProjectMeasureRow *self = g_object_new (GK_TYPE_PROJECT_MEASURE_ROW, NULL);

  self->document = g_object_ref (document);
  self->measure = g_object_ref (measure);
  /* Status and progress are changed in the row itself. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_drop), gk_edit_allowed (document));
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_scale), gk_edit_allowed (document));
  measure_row_update (self);
  return GTK_WIDGET (self);
}

/* --- the page ------------------------------------------------------------------ */

struct _GkProjectsPage
{
  AdwBin               parent_instance;

  GkSession           *session;

  GkDocument          *document;
  GkAnalysis          *analysis;
  GkChartModel        *charts;
  GtkSingleSelection  *selection;      /* of the document's focus projects */
  GkFocusProject      *project;        /* the one shown (live), or NULL */
  gint64               project_id;
  GtkCustomFilter     *measure_filter;
  GtkFilterListModel  *project_measures;
  GPtrArray           *measure_rows;   /* a row per item of project_measures */
  gboolean             detail_stale;   /* changed while the page was hidden */

  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkListView         *project_list;
  GtkStack            *detail_stack;
  GtkWidget           *back_bar;
  GtkScrolledWindow   *detail_scroller;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  AdwActionRow        *goal_row;
  GtkLabel            *owner_label;
  AdwActionRow        *health_row;
  GtkWidget           *health_icon;
  GtkLabel            *health_label;
  GtkLabel            *period_label;
  GtkLabel            *budget_label;
  GtkLabel            *saving_label;
  GtkListBox          *topics_list;
  GtkListBox          *measures_list;
  GtkListBox          *indicators_list;
  GtkBox              *indicator_charts_box;
};

G_DEFINE_FINAL_TYPE (GkProjectsPage, gk_projects_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (GkProjectsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The rows only: the placeholder is a child of the list too. */
static void
remove_all_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* --- the list of projects ------------------------------------------------------ */

static void
setup_project_item_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *about = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_label_set_ellipsize (GTK_LABEL (about), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (about, "caption");
  gtk_widget_add_css_class (about, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), about);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), icon);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "about", about);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  gtk_list_item_set_child (item, box);
}

static void
bind_project_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      GkProjectsPage           *self)
{
  GkFocusProject *project = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *owner = person_name (self->document, gk_focus_project_get_owner_id (project));
  g_autofree char *about = NULL;

  /* Translators: under a focus project in the list: its owner and status */
  about = g_strdup_printf (_("%s · %s"), owner != NULL ? owner : _("no owner"),
                           gk_project_status_label (gk_focus_project_get_status (project)));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), gk_focus_project_get_name (project));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "about"), about);
  style_health_icon (g_object_get_data (G_OBJECT (box), "icon"), gk_focus_project_get_health (project));
}

static void
project_activated_cb (GkProjectsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->project_list));
}

static void
folded_changed_cb (GkProjectsPage *self)
{
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
}

/* --- the project shown ----------------------------------------------------------- */

static void
show_header (GkProjectsPage *self)
{
  GkFocusProject *project = self->project;
  g_autofree char *domains = gk_domains_label (gk_focus_project_get_domains (project));
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->name_label, gk_focus_project_get_name (project));
  if (*domains != '\0')
    /* Translators: under a focus project's name: status · chain phase · domains */
    summary = g_strdup_printf (_("%s · %s · %s"),
                               gk_project_status_label (gk_focus_project_get_status (project)),
                               gk_chain_phase_label (gk_focus_project_get_chain_phase (project)),
                               domains);
  else
    /* Translators: under a focus project's name: status · chain phase */
    summary = g_strdup_printf (_("%s · %s"),
                               gk_project_status_label (gk_focus_project_get_status (project)),
                               gk_chain_phase_label (gk_focus_project_get_chain_phase (project)));
  gtk_label_set_text (self->summary_label, summary);
}

static char *
period_text (GkFocusProject *project)
{
  g_autofree char *start = format_iso_date (gk_focus_project_get_start_date (project));
  g_autofree char *end = format_iso_date (gk_focus_project_get_end_date (project));

  if (start != NULL && end != NULL)
    /* Translators: a period, "1 Jan 2026 – 31 Dec 2027" */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (start != NULL)
    /* Translators: a period without an end */
    return g_strdup_printf (_("from %s"), start);
  if (end != NULL)
    /* Translators: a period without a start */
    return g_strdup_printf (_("until %s"), end);
  return g_strdup (_("Not planned yet"));
}

static void
set_money_label (GtkLabel *label,
                 gboolean  has_value,
                 gint64    cents)
{
  g_autofree char *text = has_value ? gk_money_format_cents (cents) : g_strdup (_("Not set"));

  gtk_label_set_text (label, text);
}

static void
show_details (GkProjectsPage *self)
{
  GkFocusProject *project = self->project;
  const char *goal = gk_focus_project_get_goal (project);
  const char *owner = person_name (self->document, gk_focus_project_get_owner_id (project));
  const char *reason = gk_focus_project_get_health_reason (project);
  GkHealth health = gk_focus_project_get_health (project);
  g_autofree char *period = period_text (project);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->goal_row), *goal != '\0' ? goal : _("No goal written down yet"));
  gtk_label_set_text (self->owner_label, owner != NULL ? owner : _("Nobody yet"));
  style_health_icon (self->health_icon, health);
  gtk_label_set_text (self->health_label, gk_health_label (health));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->health_row), reason);
  gtk_label_set_text (self->period_label, period);
  set_money_label (self->budget_label, gk_focus_project_has_budget_cents (project),
                   gk_focus_project_get_budget_cents (project));
  set_money_label (self->saving_label, gk_focus_project_has_saving_cents (project),
                   gk_focus_project_get_saving_cents (project));
}

static GkLevel
assessed_level (GkProjectsPage *self,
                gint64          topic_id)
{
  const GkTopicGrip *grip = self->analysis != NULL ? gk_analysis_lookup_topic (self->analysis, topic_id) : NULL;

  return grip != NULL ? grip->assessed : GK_LEVEL_NONE;
}

static GtkWidget *
topic_row_new (GkProjectsPage *self,
               GkTopic        *topic)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gk_level_badge_new (assessed_level (self, gk_record_get_id (GK_RECORD (topic))));
  g_autofree char *date = format_iso_date (gk_topic_get_target_date (topic));
  g_autofree char *target = NULL;

  if (gk_topic_get_target_level (topic) != GK_LEVEL_NONE && date != NULL)
    /* Translators: a topic's target, "Target: In control by 31 Dec 2027" */
    target = g_strdup_printf (_("Target: %s by %s"), gk_level_label (gk_topic_get_target_level (topic)), date);
  else if (gk_topic_get_target_level (topic) != GK_LEVEL_NONE)
    /* Translators: a topic's target without a date, "Target: In control" */
    target = g_strdup_printf (_("Target: %s"), gk_level_label (gk_topic_get_target_level (topic)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_topic_get_name (topic));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (target != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), target);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

static void
show_topics (GkProjectsPage *self)
{
  GListModel *links = gk_document_get_project_topics (self->document);

  remove_all_rows (self->topics_list);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkProjectTopic) link = g_list_model_get_item (links, i);
      GkTopic *topic;

      if (gk_project_topic_get_project_id (link) != self->project_id)
        continue;
      topic = gk_document_lookup_topic (self->document, gk_project_topic_get_topic_id (link));
      if (topic != NULL)
        gtk_list_box_append (self->topics_list, topic_row_new (self, topic));
    }
}

static char *
format_indicator_value (GkUnit unit,
                        double value)
{
  g_autofree char *number = gk_format_number (value, value == (gint64) value ? 0 : 1);

  switch (unit)
    {
    case GK_UNIT_EURO:
      return gk_format_euro (value);
    case GK_UNIT_PERCENT:
      return g_strdup_printf (_("%s %%"), number);
    case GK_UNIT_DAYS:
      /* Translators: an indicator's value in days, "%s" is the number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", value == 1 ? 1 : 2), number);
    case GK_UNIT_WEEKS:
      /* Translators: an indicator's value in weeks, "%s" is the number */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s week", "%s weeks", value == 1 ? 1 : 2), number);
    case GK_UNIT_COUNT:
    case GK_UNIT_OTHER:
    default:
      return g_steal_pointer (&number);
    }
}

static GtkWidget *
indicator_row_new (GkProjectsPage *self,
                   GkIndicator    *indicator)
{
  gint64 id = gk_record_get_id (GK_RECORD (indicator));
  g_autoptr(GPtrArray) measurements = gk_document_get_measurements_for_indicator (self->document, id);
  const GkIndicatorGrip *grip = self->analysis != NULL ? gk_analysis_lookup_indicator (self->analysis, id) : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gk_level_badge_new (grip != NULL ? grip->signalled : GK_LEVEL_NONE);
  g_autofree char *latest = NULL;

  if (measurements->len > 0)
    {
      GkMeasurement *last = g_ptr_array_index (measurements, measurements->len - 1);
      g_autofree char *value = format_indicator_value (gk_indicator_get_unit (indicator),
                                                       gk_measurement_get_value (last));
      g_autofree char *period = format_iso_date (gk_measurement_get_period_date (last));

      /* Translators: an indicator's latest figure and its period, "1.234 (1 Oct 2026)" */
      latest = g_strdup_printf (_("Latest: %s (%s)"), value, period != NULL ? period : "");
    }
  else
    latest = g_strdup (_("No figures yet"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_indicator_get_name (indicator));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), latest);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

/* The project's indicators (indicator_project rows). Their charts belong in
 * indicator_charts_box, one chart widget per indicator, in this order. */
static void
remove_indicator_charts (GkProjectsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->indicator_charts_box))) != NULL)
    gtk_box_remove (self->indicator_charts_box, child);
}

static void
show_indicators (GkProjectsPage *self)
{
  GListModel *links = gk_document_get_indicator_projects (self->document);

  remove_all_rows (self->indicators_list);
  remove_indicator_charts (self);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkIndicatorProject) link = g_list_model_get_item (links, i);
      GkIndicator *indicator;

      if (gk_indicator_project_get_project_id (link) != self->project_id)
        continue;
      indicator = gk_document_lookup_indicator (self->document, gk_indicator_project_get_indicator_id (link));
      if (indicator == NULL)
        continue;
      gtk_list_box_append (self->indicators_list, indicator_row_new (self, indicator));
      if (self->charts != NULL)
        {
          GtkWidget *chart = gk_chart_view_new (GK_CHART_KIND_INDICATOR);
          GtkWidget *title = gtk_label_new (gk_indicator_get_name (indicator));

          gtk_label_set_xalign (GTK_LABEL (title), 0);
          gtk_label_set_wrap (GTK_LABEL (title), TRUE);
          gtk_widget_add_css_class (title, "heading");
          gtk_widget_set_margin_top (title, 12);
          gtk_box_append (self->indicator_charts_box, title);
          gk_chart_view_set_model (GK_CHART_VIEW (chart), self->charts);
          gk_chart_view_set_indicator (GK_CHART_VIEW (chart), gk_record_get_id (GK_RECORD (indicator)));
          gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          gk_indicator_get_name (indicator), -1);
          gtk_box_append (self->indicator_charts_box, chart);
        }
    }
}

static void
update_actions (GkProjectsPage *self)
{
  gboolean open = self->document != NULL;
  gboolean shown = self->project != NULL;

  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "projects.add", open);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "projects.edit", shown);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "projects.delete", shown);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "projects.add-measure", shown);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "projects.add-from-catalogue", shown);
}

/* The detail (facts, topics, the indicators' charts) follows every change
 * of the programme, but while the page is not on screen nobody sees it: an
 * edit on another page rebuilt the shown project's charts each time. It
 * waits for the page to be mapped instead. */
static gboolean
defer_while_hidden (GkProjectsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  self->detail_stale = TRUE;
  return TRUE;
}

static void
refresh_detail (GkProjectsPage *self)
{
  update_actions (self);
  if (defer_while_hidden (self))
    return;
  self->detail_stale = FALSE;
  if (self->project == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  show_header (self);
  show_details (self);
  show_topics (self);
  show_indicators (self);
}

/* --- the project's measures ------------------------------------------------------- */

static gboolean
measure_in_project (gpointer item,
                    gpointer user_data)
{
  GkProjectsPage *self = user_data;

  return gk_measure_get_project_id (item) == self->project_id;
}

/* Keeps a row per measure, and the same row while its measure stays: an
 * edit made in a row (which changes the measure in place) must not take the
 * keyboard focus away from it. */
static void
measures_changed_cb (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GkProjectsPage *self)
{
  guint kept = MIN (removed, added);

  for (guint i = 0; i < kept; i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (model, position + i);
      GkProjectMeasureRow *row = g_ptr_array_index (self->measure_rows, position + i);
      GtkWidget *new_row;

      if (row->measure == measure)
        {
          measure_row_update (row);
          continue;
        }
      gtk_list_box_remove (self->measures_list, GTK_WIDGET (row));
      new_row = gk_project_measure_row_new (self->document, measure);
      gtk_list_box_insert (self->measures_list, new_row, position + i);
      self->measure_rows->pdata[position + i] = new_row;
    }
  for (guint i = kept; i < removed; i++)
    {
      gtk_list_box_remove (self->measures_list, g_ptr_array_index (self->measure_rows, position + kept));
      g_ptr_array_remove_index (self->measure_rows, position + kept);
    }
  for (guint i = kept; i < added; i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (model, position + i);
      GtkWidget *row = gk_project_measure_row_new (self->document, measure);

      gtk_list_box_insert (self->measures_list, row, position + i);
      g_ptr_array_insert (self->measure_rows, position + i, row);
    }
}

static void
focus_measure (GkProjectsPage *self,
               gint64          measure_id)
{
  for (guint i = 0; i < self->measure_rows->len; i++)
    {
      GkProjectMeasureRow *row = g_ptr_array_index (self->measure_rows, i);

      if (gk_record_get_id (GK_RECORD (row->measure)) == measure_id)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

static void
measure_added_cb (GkProjectsPage *self,
                  gint64          measure_id)
{
  focus_measure (self, measure_id);
}

static void
measure_row_activated_cb (GkProjectsPage *self,
                          GtkListBoxRow  *row)
{
  GkMeasureEditor *editor;

  if (!GK_IS_PROJECT_MEASURE_ROW (row))
    return;
  editor = gk_measure_editor_new (parent_window (self), self->document,
                                  GK_PROJECT_MEASURE_ROW (row)->measure, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* --- selection ------------------------------------------------------------------------ */

static void
selection_changed_cb (GkProjectsPage *self)
{
  GkFocusProject *project = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  gboolean other = project != self->project;

  g_set_object (&self->project, project);
  self->project_id = project != NULL ? gk_record_get_id (GK_RECORD (project)) : 0;
  if (other)
    {
      gtk_filter_changed (GTK_FILTER (self->measure_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
    }
  refresh_detail (self);
}

void
gk_projects_page_select_project (GkProjectsPage *self,
                                 gint64          project_id)
{
  GListModel *projects;

  g_return_if_fail (GK_IS_PROJECTS_PAGE (self));
  g_return_if_fail (self->document != NULL);

  projects = gk_document_get_focus_projects (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);

      if (gk_record_get_id (GK_RECORD (project)) == project_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          return;
        }
    }
}

GkFocusProject *
gk_projects_page_get_project (GkProjectsPage *self)
{
  g_return_val_if_fail (GK_IS_PROJECTS_PAGE (self), NULL);

  return self->project;
}

GtkBox *
gk_projects_page_get_indicator_charts_box (GkProjectsPage *self)
{
  g_return_val_if_fail (GK_IS_PROJECTS_PAGE (self), NULL);

  return self->indicator_charts_box;
}

/* --- actions ------------------------------------------------------------------------- */

static void
project_saved_cb (GkProjectsPage *self,
                  gint64          project_id)
{
  gk_projects_page_select_project (self, project_id);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (widget);
  GkProjectEditor *editor = gk_project_editor_new (parent_window (self), self->document, NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (project_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (widget);
  GkProjectEditor *editor;

  if (self->project == NULL)
    return;
  editor = gk_project_editor_new (parent_window (self), self->document, self->project);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (widget);
  g_autoptr(GkFocusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->project == NULL)
    return;
  project = g_object_ref (self->project);
  /* Translators: a toast after deleting; the project's measures go with it */
  title = g_strdup_printf (_("Focus project “%s” deleted"), gk_focus_project_get_name (project));
  if (!gk_document_delete (self->document, GK_RECORD (project), &error))
    {
      gk_form_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  gk_form_add_toast (widget, gk_form_undo_toast_new (title));
}

static void
add_measure_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (widget);
  GkMeasureEditor *editor;

  if (self->project == NULL)
    return;
  editor = gk_measure_editor_new (parent_window (self), self->document, NULL, self->project_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (measure_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_from_catalogue_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (widget);
  GkCatalogueDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = gk_catalogue_dialog_new (parent_window (self), self->document, self->project);
  g_signal_connect_object (dialog, "added", G_CALLBACK (measure_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- the document -------------------------------------------------------------------- */

/* Names of owners and topics, and the project's own rows, may have changed. */
static void
document_changed_cb (GkProjectsPage *self)
{
  refresh_detail (self);
}

static void
detach_document (GkProjectsPage *self)
{
  if (self->project_measures != NULL)
    g_signal_handlers_disconnect_by_data (self->project_measures, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->project_list != NULL)
    gtk_list_view_set_model (self->project_list, NULL);
  if (self->measures_list != NULL)
    remove_all_rows (self->measures_list);
  if (self->measure_rows != NULL)
    g_ptr_array_set_size (self->measure_rows, 0);
  g_clear_object (&self->project_measures);
  g_clear_object (&self->measure_filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->project);
  g_clear_object (&self->analysis);
  g_clear_object (&self->charts);
  g_clear_object (&self->document);
  self->project_id = 0;
}

static void
set_document (GkProjectsPage *self,
              GkDocument     *document)
{
  g_return_if_fail (GK_IS_PROJECTS_PAGE (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  if (document == self->document)
    return;
  detach_document (self);
  if (document == NULL)
    {
      refresh_detail (self);
      return;
    }

  self->document = g_object_ref (document);
  self->selection = gtk_single_selection_new (g_object_ref (gk_document_get_focus_projects (document)));
  gtk_list_view_set_model (self->project_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  self->measure_filter = gtk_custom_filter_new (measure_in_project, self, NULL);
  self->project_measures = gtk_filter_list_model_new (g_object_ref (gk_document_get_measures (document)),
                                                      g_object_ref (GTK_FILTER (self->measure_filter)));
  g_signal_connect (self->project_measures, "items-changed", G_CALLBACK (measures_changed_cb), self);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);

  selection_changed_cb (self);
}

static void
set_analysis (GkProjectsPage *self,
              GkAnalysis     *analysis)
{
  g_return_if_fail (GK_IS_PROJECTS_PAGE (self));
  g_return_if_fail (analysis == NULL || GK_IS_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  /* The indicators are drawn by set_charts(), which session_charts_cb()
   * calls right after with the chart data of this analysis: drawing
   * them here too would build every chart of the project twice. */
  if (self->project != NULL && !defer_while_hidden (self))
    show_topics (self);
}

/* The indicator charts of the shown project draw from @charts. */
static void
set_charts (GkProjectsPage *self,
            GkChartModel   *charts)
{
  g_return_if_fail (GK_IS_PROJECTS_PAGE (self));
  g_return_if_fail (charts == NULL || GK_IS_CHART_MODEL (charts));

  g_set_object (&self->charts, charts);
  if (self->project == NULL)
    return;
  /* The charts drawn from the old data go at once, drawn again or not:
   * they hold the programme (a closed file must be let go of). */
  if (defer_while_hidden (self))
    remove_indicator_charts (self);
  else
    show_indicators (self);
}

static void
gk_projects_page_map (GtkWidget *widget)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (widget);

  GTK_WIDGET_CLASS (gk_projects_page_parent_class)->map (widget);
  /* Mapped now, and before the frame that shows the page is laid out. */
  if (self->detail_stale)
    refresh_detail (self);
}

/* --- the session ----------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
session_document_cb (GkProjectsPage *self)
{
  set_document (self, self->session != NULL ? gk_session_get_document (self->session) : NULL);
}

/* The charts carry the analysis they were drawn from: both change together. */
static void
session_charts_cb (GkProjectsPage *self)
{
  GkChartModel *charts = self->session != NULL
                         ? gk_session_charts_get_model (gk_session_charts_get (self->session)) : NULL;

  set_analysis (self, charts != NULL ? gk_chart_model_get_analysis (charts) : NULL);
  set_charts (self, charts);
}

void
gk_projects_page_set_session (GkProjectsPage *self,
                              GkSession      *session)
{
  g_return_if_fail (GK_IS_PROJECTS_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (gk_session_charts_get (self->session), self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gk_session_charts_get (session), "notify::model", G_CALLBACK (session_charts_cb), self,
                               G_CONNECT_SWAPPED);
    }
  session_document_cb (self);
  session_charts_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_projects_page_get_session (GkProjectsPage *self)
{
  g_return_val_if_fail (GK_IS_PROJECTS_PAGE (self), NULL);

  return self->session;
}

static void
gk_projects_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_projects_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_projects_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction ------------------------------------------------------------------- */

static void
gk_projects_page_dispose (GObject *object)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (object);

  gk_projects_page_set_session (self, NULL);
  detach_document (self);
  g_clear_pointer (&self->measure_rows, g_ptr_array_unref);
  /* The leaflet is both AdwBin's child and a template child: let AdwBin
   * give it up first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_PROJECTS_PAGE);

  G_OBJECT_CLASS (gk_projects_page_parent_class)->dispose (object);
}

static void
gk_projects_page_class_init (GkProjectsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_projects_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_projects_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_projects_page_set_property;
  widget_class->map = gk_projects_page_map;

  /**
   * GkProjectsPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, project_list);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, goal_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, health_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, health_icon);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, health_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, saving_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, topics_list);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, measures_list);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, indicators_list);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, indicator_charts_box);

  gtk_widget_class_install_action (widget_class, "projects.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "projects.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "projects.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "projects.add-measure", NULL, add_measure_activated);
  gtk_widget_class_install_action (widget_class, "projects.add-from-catalogue", NULL, add_from_catalogue_activated);
  gtk_widget_class_install_action (widget_class, "projects.back", NULL, back_activated);
}

static void
gk_projects_page_init (GkProjectsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->measure_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_project_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_project_item_cb), self);
  gtk_list_view_set_factory (self->project_list, factory);
  g_signal_connect_swapped (self->project_list, "activate", G_CALLBACK (project_activated_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  g_signal_connect_swapped (self->measures_list, "row-activated", G_CALLBACK (measure_row_activated_cb), self);

  gtk_list_box_set_placeholder (self->topics_list, placeholder_new (_("No topics chosen yet. Edit the project to choose them.")));
  gtk_list_box_set_placeholder (self->measures_list, placeholder_new (_("No measures yet.")));
  gtk_list_box_set_placeholder (self->indicators_list, placeholder_new (_("No indicators follow this project yet.")));
  folded_changed_cb (self);
  update_actions (self);
}

GtkWidget *
gk_projects_page_new (void)
{
  return g_object_new (GK_TYPE_PROJECTS_PAGE, NULL);
}
