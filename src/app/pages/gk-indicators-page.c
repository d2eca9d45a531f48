/* gk-indicators-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list shows every indicator with its signalled level; the detail shows
 * what the grip engine makes of one (level, progress, forecast), its chart,
 * the form that adds a measurement, and the table of its measurements
 * (GkMeasurementTable), where figures are corrected in place. Every edit
 * goes through the document, so each one is an undo step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-edit-actions.h"
#include "gk-form.h"
#include "gk-indicator-dialog.h"
#include "gk-chart-view.h"
#include "gk-indicators-page.h"
#include "gk-session-charts.h"
#include "gk-level-badge.h"
#include "gk-measurement-table.h"
#include "gk-period.h"
#include "gk-value-format.h"

struct _GkIndicatorsPage
{
  AdwBin               parent_instance;

  GkSession           *session;

  GkDocument          *document;
  GkAnalysis          *analysis;
  GkChartModel        *charts;
  GtkSingleSelection  *selection;
  GkIndicator         *shown;           /* the live record in the detail */
  gboolean             views_attached;  /* the lists are filled once the page is shown */
  GHashTable          *bound_rows;      /* list row widget -> GtkListItem */

  AdwLeaflet          *leaflet;
  GtkListView         *indicator_list;
  GtkStack            *detail_stack;
  GtkScrolledWindow   *detail_scroller;
  GtkWidget           *back_button;
  GtkLabel            *name_label;
  GtkLabel            *description_label;
  GtkBox              *chart_box;
  GkChartView         *chart_view;
  AdwActionRow        *signal_row;
  GkLevelBadge        *signal_badge;
  AdwActionRow        *serious_row;
  GtkLabel            *serious_value;
  AdwActionRow        *control_row;
  GtkLabel            *control_value;
  AdwActionRow        *baseline_row;
  GtkLabel            *baseline_value;
  AdwActionRow        *target_row;
  GtkLabel            *target_value;
  AdwActionRow        *progress_row;
  GtkLevelBar         *progress_bar;
  GtkLabel            *progress_value;
  AdwActionRow        *forecast_row;
  GtkImage            *forecast_icon;
  GtkLabel            *unit_value;
  GtkLabel            *direction_value;
  GtkLabel            *frequency_value;
  AdwActionRow        *source_row;
  AdwActionRow        *topics_row;
  AdwActionRow        *projects_row;
  GtkEntry            *new_period_entry;
  GtkEntry            *new_value_entry;
  GtkEntry            *new_note_entry;
  GtkLabel            *measurement_error;
  GkMeasurementTable  *measurement_table;
};

G_DEFINE_FINAL_TYPE (GkIndicatorsPage, gk_indicators_page, ADW_TYPE_BIN)

#define ITEM_HANDLER_KEY "gk-notify-handler"

static GkIndicator *
selected_indicator (GkIndicatorsPage *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static const GkIndicatorGrip *
grip_of (GkIndicatorsPage *self,
         GkIndicator      *indicator)
{
  if (self->analysis == NULL || indicator == NULL)
    return NULL;
  return gk_analysis_lookup_indicator (self->analysis, gk_record_get_id (GK_RECORD (indicator)));
}

static char *
format_date_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    return NULL;
  return gk_date_format_display (&date);
}

/* "€ 2.150.000 on 1 Nov 2024", "€ 2.150.000", or "Not set". */
static char *
value_with_date (GkUnit      unit,
                 gboolean    has_value,
                 double      value,
                 const char *iso)
{
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;

  if (!has_value)
    return g_strdup (_("Not set"));
  number = gk_value_format (unit, value);
  date = format_date_iso (iso);
  if (date == NULL)
    return g_steal_pointer (&number);
  /* Translators: a value and its date, "€ 1.750.000 by 30 Nov 2027" */
  return g_strdup_printf (_("%s by %s"), number, date);
}

/* --- the list ---------------------------------------------------------------- */

static void
update_list_row (GkIndicatorsPage *self,
                 GtkWidget        *row,
                 GkIndicator      *indicator)
{
  GtkLabel *name = g_object_get_data (G_OBJECT (row), "name");
  GtkLabel *latest = g_object_get_data (G_OBJECT (row), "latest");
  GkLevelBadge *badge = g_object_get_data (G_OBJECT (row), "badge");
  const GkIndicatorGrip *grip = grip_of (self, indicator);
  const GkGripMeasurement *last = grip != NULL ? gk_grip_indicator_latest (&grip->input, NULL) : NULL;

  gtk_label_set_text (name, gk_indicator_get_name (indicator));
  gk_level_badge_set_level (badge, grip != NULL ? grip->signalled : GK_LEVEL_NONE);
  if (last != NULL)
    {
      g_autofree char *value = gk_value_format (gk_indicator_get_unit (indicator), last->value);
      g_autofree char *period = gk_period_label (gk_indicator_get_frequency (indicator), &last->period_date);
      /* Translators: the latest measurement in the list of indicators, "€ 1.790.000 · October 2026" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), value, period);

      gtk_label_set_text (latest, text);
    }
  else
    gtk_label_set_text (latest, _("No measurements yet"));
}

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GkIndicatorsPage         *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *latest = gtk_label_new (NULL);
  GtkWidget *badge = gk_level_badge_new (GK_LEVEL_NONE);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  /* A long name takes two lines rather than widen the list: the figures,
   * their notes and who entered them beside it need the room more. */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  gtk_label_set_xalign (GTK_LABEL (latest), 0);
  gtk_label_set_ellipsize (GTK_LABEL (latest), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (latest, "dim-label");
  gtk_widget_add_css_class (latest, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), latest);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), badge);

  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "latest", latest);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  gtk_list_item_set_child (item, row);
}

static void
list_item_changed_cb (GkIndicator *indicator,
                      GParamSpec  *pspec,
                      GtkListItem *item)
{
  GkIndicatorsPage *self = g_object_get_data (G_OBJECT (item), "page");

  update_list_row (self, gtk_list_item_get_child (item), indicator);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GkIndicatorsPage         *self)
{
  GkIndicator *indicator = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "page", self);
  update_list_row (self, row, indicator);
  handler = g_signal_connect (indicator, "notify", G_CALLBACK (list_item_changed_cb), item);
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, GSIZE_TO_POINTER (handler));
  g_hash_table_insert (self->bound_rows, row, item);
}

static void
list_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GkIndicatorsPage         *self)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), ITEM_HANDLER_KEY));

  g_clear_signal_handler (&handler, gtk_list_item_get_item (item));
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, NULL);
  g_hash_table_remove (self->bound_rows, gtk_list_item_get_child (item));
}

static void
refresh_list_rows (GkIndicatorsPage *self)
{
  GHashTableIter iter;
  gpointer row, item;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, &item))
    update_list_row (self, row, gtk_list_item_get_item (item));
}

static void
indicator_activated_cb (GkIndicatorsPage *self,
                        guint             position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
folded_changed_cb (GkIndicatorsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_button, folded);
  /* Folded, a tap on an indicator should open it. */
  gtk_list_view_set_single_click_activate (self->indicator_list, folded);
}

static void
back_clicked_cb (GkIndicatorsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* --- the detail -------------------------------------------------------------- */

static void
show_signal (GkIndicatorsPage      *self,
             GkIndicator           *indicator,
             const GkIndicatorGrip *grip)
{
  GkUnit unit = gk_indicator_get_unit (indicator);
  gboolean lower = gk_indicator_get_direction (indicator) == GK_DIRECTION_LOWER_IS_BETTER;
  const GkGripMeasurement *last = grip != NULL ? gk_grip_indicator_latest (&grip->input, NULL) : NULL;

  gk_level_badge_set_level (self->signal_badge, grip != NULL ? grip->signalled : GK_LEVEL_NONE);
  if (last != NULL)
    {
      g_autofree char *value = gk_value_format (unit, last->value);
      g_autofree char *period = gk_period_label (gk_indicator_get_frequency (indicator), &last->period_date);
      /* Translators: "Latest measurement: € 1.790.000 (October 2026)" */
      g_autofree char *text = g_strdup_printf (_("Latest measurement: %s (%s)"), value, period);

      adw_action_row_set_subtitle (self->signal_row, text);
    }
  else
    adw_action_row_set_subtitle (self->signal_row, _("No measurements yet"));

  if (gk_indicator_has_signal_serious (indicator))
    {
      g_autofree char *value = gk_value_format (unit, gk_indicator_get_signal_serious (indicator));

      gtk_label_set_text (self->serious_value, value);
      adw_action_row_set_subtitle (self->serious_row,
                                   lower ? _("Above this value the level is Serious")
                                         : _("Below this value the level is Serious"));
    }
  else
    {
      gtk_label_set_text (self->serious_value, _("Not set"));
      adw_action_row_set_subtitle (self->serious_row, NULL);
    }

  if (gk_indicator_has_signal_control (indicator))
    {
      g_autofree char *value = gk_value_format (unit, gk_indicator_get_signal_control (indicator));

      gtk_label_set_text (self->control_value, value);
      adw_action_row_set_subtitle (self->control_row,
                                   lower ? _("At or below this value the level is In control")
                                         : _("At or above this value the level is In control"));
    }
  else
    {
      gtk_label_set_text (self->control_value, _("Not set"));
      adw_action_row_set_subtitle (self->control_row, NULL);
    }
}

static const char *
forecast_icon_name (GkForecastOutcome outcome)
{
  switch (outcome)
    {
    case GK_FORECAST_ALREADY_REACHED:
    case GK_FORECAST_ON_TIME:
      return "emblem-ok-symbolic";
    case GK_FORECAST_LATE:
    case GK_FORECAST_NEVER:
      return "dialog-warning-symbolic";
    case GK_FORECAST_NO_TARGET:
    case GK_FORECAST_NOT_ENOUGH_DATA:
    default:
      return NULL;
    }
}

static void
show_progress (GkIndicatorsPage      *self,
               GkIndicator           *indicator,
               const GkIndicatorGrip *grip)
{
  GkUnit unit = gk_indicator_get_unit (indicator);
  g_autofree char *baseline = value_with_date (unit, gk_indicator_has_baseline_value (indicator),
                                               gk_indicator_get_baseline_value (indicator),
                                               gk_indicator_get_baseline_date (indicator));
  g_autofree char *target = value_with_date (unit, gk_indicator_has_target_value (indicator),
                                             gk_indicator_get_target_value (indicator),
                                             gk_indicator_get_target_date (indicator));
  g_autofree char *forecast = NULL;
  const char *icon;

  /* "by" reads wrong for a baseline: it was measured on that date. */
  if (gk_indicator_has_baseline_value (indicator))
    {
      g_autofree char *number = gk_value_format (unit, gk_indicator_get_baseline_value (indicator));
      g_autofree char *date = format_date_iso (gk_indicator_get_baseline_date (indicator));

      g_free (baseline);
      /* Translators: a baseline value and the date it was measured, "€ 2.150.000 on 1 Nov 2024" */
      baseline = date != NULL ? g_strdup_printf (_("%s on %s"), number, date) : g_steal_pointer (&number);
    }
  gtk_label_set_text (self->baseline_value, baseline);
  gtk_label_set_text (self->target_value, target);

  if (grip != NULL && grip->has_progress)
    {
      /* Translators: progress from baseline to target, "45%" */
      g_autofree char *percent = g_strdup_printf (_("%.0f%%"), grip->progress * 100);

      gtk_level_bar_set_value (self->progress_bar, grip->progress);
      gtk_label_set_text (self->progress_value, percent);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, percent, -1);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      gtk_label_set_text (self->progress_value, _("Not known"));
    }

  if (grip == NULL)
    {
      adw_action_row_set_subtitle (self->forecast_row, _("Not known"));
      gtk_widget_set_visible (GTK_WIDGET (self->forecast_icon), FALSE);
      return;
    }

  if ((grip->forecast.outcome == GK_FORECAST_LATE || grip->forecast.outcome == GK_FORECAST_ON_TIME) &&
      g_date_valid (&grip->forecast.reached_date))
    {
      g_autofree char *date = gk_date_format_display (&grip->forecast.reached_date);

      /* Translators: a forecast and the date the trend reaches the target,
       * "On course to reach the target late: around 3 Mar 2028" */
      forecast = g_strdup_printf (_("%s: around %s"), gk_forecast_outcome_label (grip->forecast.outcome), date);
    }
  else
    forecast = g_strdup (gk_forecast_outcome_label (grip->forecast.outcome));
  adw_action_row_set_subtitle (self->forecast_row, forecast);

  icon = forecast_icon_name (grip->forecast.outcome);
  gtk_widget_set_visible (GTK_WIDGET (self->forecast_icon), icon != NULL);
  if (icon != NULL)
    {
      gtk_image_set_from_icon_name (self->forecast_icon, icon);
      gtk_widget_remove_css_class (GTK_WIDGET (self->forecast_icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->forecast_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->forecast_icon),
                                g_str_equal (icon, "emblem-ok-symbolic") ? "success" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->forecast_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, forecast, -1);
    }
}

/* The names of the rows a link table joins to the indicator, by position. */
static char *
linked_names (GkIndicatorsPage *self,
              GkIndicator      *indicator,
              gboolean          topics)
{
  gint64 id = gk_record_get_id (GK_RECORD (indicator));
  GListModel *links = topics ? gk_document_get_indicator_topics (self->document)
                             : gk_document_get_indicator_projects (self->document);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkRecord) link = g_list_model_get_item (links, i);
      GkRecord *target;

      if (topics)
        {
          if (gk_indicator_topic_get_indicator_id (GK_INDICATOR_TOPIC (link)) != id)
            continue;
          target = GK_RECORD (gk_document_lookup_topic (self->document,
                                                        gk_indicator_topic_get_topic_id (GK_INDICATOR_TOPIC (link))));
        }
      else
        {
          if (gk_indicator_project_get_indicator_id (GK_INDICATOR_PROJECT (link)) != id)
            continue;
          target = GK_RECORD (gk_document_lookup_focus_project (self->document,
                                                                gk_indicator_project_get_project_id (GK_INDICATOR_PROJECT (link))));
        }
      if (target != NULL)
        g_ptr_array_add (names, (gpointer) gk_record_get_label (target));
    }

  if (names->len == 0)
    return g_strdup (_("None"));
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between names in a list, "Inkoop, Financiën" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static void
show_about (GkIndicatorsPage *self,
            GkIndicator      *indicator)
{
  g_autofree char *topics = linked_names (self, indicator, TRUE);
  g_autofree char *projects = linked_names (self, indicator, FALSE);
  const char *source = gk_indicator_get_source (indicator);

  gtk_label_set_text (self->unit_value, gk_unit_label (gk_indicator_get_unit (indicator)));
  gtk_label_set_text (self->direction_value, gk_direction_label (gk_indicator_get_direction (indicator)));
  gtk_label_set_text (self->frequency_value, gk_frequency_label (gk_indicator_get_frequency (indicator)));
  adw_action_row_set_subtitle (self->source_row, *source != '\0' ? source : _("Not recorded"));
  adw_action_row_set_subtitle (self->topics_row, topics);
  adw_action_row_set_subtitle (self->projects_row, projects);
}

/* The measurements against the signal values, baseline and target, as
 * the report draws them; there once the window gave the chart data. */
static void
show_chart (GkIndicatorsPage *self,
            GkIndicator      *indicator)
{
  gboolean drawn = self->charts != NULL &&
                   gk_chart_model_lookup_indicator (self->charts, gk_record_get_id (GK_RECORD (indicator))) >= 0;

  gtk_widget_set_visible (GTK_WIDGET (self->chart_box), drawn);
  if (drawn)
    gk_chart_view_set_indicator (self->chart_view, gk_record_get_id (GK_RECORD (indicator)));
}

static void
show_detail (GkIndicatorsPage *self)
{
  GkIndicator *indicator = self->shown;
  const GkIndicatorGrip *grip;
  const char *description;

  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "indicators.add", self->document != NULL);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "indicators.edit", indicator != NULL);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "indicators.delete", indicator != NULL);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "indicators.add-measurement", indicator != NULL);
  if (indicator == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  grip = grip_of (self, indicator);
  description = gk_indicator_get_description (indicator);
  gtk_label_set_text (self->name_label, gk_indicator_get_name (indicator));
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), *description != '\0');
  show_chart (self, indicator);
  show_signal (self, indicator, grip);
  show_progress (self, indicator, grip);
  show_about (self, indicator);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* The period after the latest measurement, or the current one: what the
 * person entering figures most likely enters next. */
static void
suggest_next_period (GkIndicatorsPage *self)
{
  g_autoptr(GPtrArray) series = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;
  GkFrequency frequency;
  GDate date;

  if (self->shown == NULL)
    return;
  frequency = gk_indicator_get_frequency (self->shown);
  series = gk_document_get_measurements_for_indicator (self->document, gk_record_get_id (GK_RECORD (self->shown)));
  if (series->len > 0 &&
      gk_date_parse_iso (gk_measurement_get_period_date (g_ptr_array_index (series, series->len - 1)), &date))
    date = gk_period_shift (frequency, &date, 1);
  else
    date = gk_clock_get_today (gk_document_get_clock (self->document));
  date = gk_period_start (frequency, &date);
  iso = gk_date_to_iso (&date);
  text = gk_form_date_for_entry (iso);
  gtk_editable_set_text (GTK_EDITABLE (self->new_period_entry), text);
}

static void
clear_measurement_problems (GkIndicatorsPage *self)
{
  gk_form_clear_problem (GTK_WIDGET (self->new_period_entry), self->measurement_error);
  gk_form_clear_problem (GTK_WIDGET (self->new_value_entry), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->new_note_entry), NULL);
}

/* The table shows the measurements of the indicator shown, once the page
 * was first shown. */
static void
sync_table (GkIndicatorsPage *self)
{
  gboolean shown = self->views_attached && self->shown != NULL;

  gk_measurement_table_set_indicator (self->measurement_table, shown ? self->document : NULL,
                                      shown ? self->shown : NULL);
}

/* An edit in the table was refused, or is tried again. */
static void
table_problem_cb (GkIndicatorsPage *self,
                  const char       *message)
{
  if (message != NULL)
    gk_form_show_problem (NULL, self->measurement_error, message);
  else
    gk_form_clear_problem (NULL, self->measurement_error);
}

static void
shown_changed_cb (GkIndicatorsPage *self)
{
  show_detail (self);
}

static void
set_shown (GkIndicatorsPage *self,
           GkIndicator      *indicator)
{
  if (self->shown == indicator)
    return;
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_set_object (&self->shown, indicator);
  if (indicator != NULL)
    g_signal_connect_swapped (indicator, "notify", G_CALLBACK (shown_changed_cb), self);

  sync_table (self);
  clear_measurement_problems (self);
  gtk_editable_set_text (GTK_EDITABLE (self->new_value_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_note_entry), "");
  suggest_next_period (self);
  show_detail (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

static void
selection_changed_cb (GkIndicatorsPage *self)
{
  set_shown (self, selected_indicator (self));
}

/* --- adding a measurement ---------------------------------------------------- */

static void
show_measurement_problem (GkIndicatorsPage *self,
                          const char       *field,
                          const char       *message)
{
  GtkWidget *widget = NULL;

  if (g_strcmp0 (field, "period-date") == 0)
    widget = GTK_WIDGET (self->new_period_entry);
  else if (g_strcmp0 (field, "value") == 0)
    widget = GTK_WIDGET (self->new_value_entry);
  else if (g_strcmp0 (field, "note") == 0)
    widget = GTK_WIDGET (self->new_note_entry);
  gk_form_show_problem (widget, self->measurement_error, message);
}

static void
add_measurement (GkIndicatorsPage *self)
{
  g_autoptr(GkMeasurement) measurement = gk_measurement_new ();
  g_autofree char *iso = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  GkFrequency frequency;
  double value;
  GDate date;

  if (self->shown == NULL)
    return;

  clear_measurement_problems (self);
  if (!gk_form_read_date (GTK_EDITABLE (self->new_period_entry), TRUE, &iso, &error))
    {
      show_measurement_problem (self, "period-date", error->message);
      return;
    }
  if (!gk_value_parse (gtk_editable_get_text (GTK_EDITABLE (self->new_value_entry)), &value, &error))
    {
      show_measurement_problem (self, "value", error->message);
      return;
    }

  /* A measurement is about a period: one date per month or quarter keeps
   * the figures comparable and a second one for the same period refused. */
  frequency = gk_indicator_get_frequency (self->shown);
  gk_date_parse_iso (iso, &date);
  date = gk_period_start (frequency, &date);
  g_free (iso);
  iso = gk_date_to_iso (&date);

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_note_entry))));
  gk_measurement_set_indicator_id (measurement, gk_record_get_id (GK_RECORD (self->shown)));
  gk_measurement_set_period_date (measurement, iso);
  gk_measurement_set_value (measurement, value);
  gk_measurement_set_note (measurement, note);
  gk_measurement_set_entered_by (measurement, gk_document_get_user_name (self->document));
  if (!gk_document_insert (self->document, GK_RECORD (measurement), &error))
    {
      show_measurement_problem (self, gk_validation_error_get_field (error), error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_value_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_note_entry), "");
  suggest_next_period (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_value_entry));
}

static void
add_measurement_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  add_measurement (GK_INDICATORS_PAGE (widget));
}

/* Enter in any of the three fields adds the measurement. */
static void
new_measurement_activate_cb (GkIndicatorsPage *self)
{
  add_measurement (self);
}

/* --- indicators: add, edit, delete ------------------------------------------- */

static void
dialog_saved_cb (GkIndicatorDialog *dialog,
                 gint64             id,
                 GkIndicatorsPage  *self)
{
  gk_indicators_page_select (self, id);
}

static void
open_dialog (GkIndicatorsPage *self,
             GkIndicator      *indicator)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GkIndicatorDialog *dialog;

  if (self->document == NULL)
    return;
  dialog = gk_indicator_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->document, indicator);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (GK_INDICATORS_PAGE (widget), NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkIndicatorsPage *self = GK_INDICATORS_PAGE (widget);

  if (self->shown != NULL)
    open_dialog (self, self->shown);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkIndicatorsPage *self = GK_INDICATORS_PAGE (widget);
  g_autoptr(GkIndicator) indicator = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (self->shown == NULL)
    return;
  indicator = g_object_ref (self->shown);
  /* Translators: a toast after deleting, %s is the indicator's name */
  title = g_strdup_printf (_("Indicator “%s” deleted"), gk_indicator_get_name (indicator));
  if (!gk_document_delete (self->document, GK_RECORD (indicator), &error))
    {
      gk_form_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  gk_form_add_toast (widget, gk_form_undo_toast_new (title));
}

/* The list and the table are filled when the page is first shown, not when
 * a programme opens: opening stays quick with a large programme. */
static void
attach_views (GkIndicatorsPage *self)
{
  if (self->views_attached || self->selection == NULL)
    return;
  self->views_attached = TRUE;
  gtk_list_view_set_model (self->indicator_list, GTK_SELECTION_MODEL (self->selection));
  sync_table (self);
}

static void
gk_indicators_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gk_indicators_page_parent_class)->map (widget);
  attach_views (GK_INDICATORS_PAGE (widget));
}

/* --- public ------------------------------------------------------------------ */

static void
links_changed_cb (GkIndicatorsPage *self)
{
  if (self->shown != NULL)
    show_about (self, self->shown);
}

static void
disconnect_document (GkIndicatorsPage *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (gk_document_get_indicator_topics (self->document), self);
  g_signal_handlers_disconnect_by_data (gk_document_get_indicator_projects (self->document), self);
}

static void
set_document (GkIndicatorsPage *self,
              GkDocument       *document)
{
  g_return_if_fail (GK_IS_INDICATORS_PAGE (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  set_shown (self, NULL);
  disconnect_document (self);
  g_set_object (&self->document, document);
  g_clear_object (&self->analysis);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);

  gtk_list_view_set_model (self->indicator_list, NULL);
  self->views_attached = FALSE;
  if (document == NULL)
    {
      show_detail (self);
      return;
    }

  self->selection = gtk_single_selection_new (g_object_ref (gk_document_get_indicators (document)));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_views (self);

  g_signal_connect_swapped (gk_document_get_indicator_topics (document), "items-changed",
                            G_CALLBACK (links_changed_cb), self);
  g_signal_connect_swapped (gk_document_get_indicator_projects (document), "items-changed",
                            G_CALLBACK (links_changed_cb), self);
  selection_changed_cb (self);
}

static void
set_analysis (GkIndicatorsPage *self,
              GkAnalysis       *analysis)
{
  g_return_if_fail (GK_IS_INDICATORS_PAGE (self));
  g_return_if_fail (analysis == NULL || GK_IS_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  refresh_list_rows (self);
  show_detail (self);
}

gboolean
gk_indicators_page_select (GkIndicatorsPage *self,
                           gint64            id)
{
  GListModel *indicators;

  g_return_val_if_fail (GK_IS_INDICATORS_PAGE (self), FALSE);

  if (self->selection == NULL)
    return FALSE;
  indicators = gtk_single_selection_get_model (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);

      if (gk_record_get_id (GK_RECORD (indicator)) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          gtk_widget_activate_action (GTK_WIDGET (self->indicator_list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
gk_indicators_page_get_selected_id (GkIndicatorsPage *self)
{
  g_return_val_if_fail (GK_IS_INDICATORS_PAGE (self), 0);

  return self->shown != NULL ? gk_record_get_id (GK_RECORD (self->shown)) : 0;
}

static void
set_charts (GkIndicatorsPage *self,
            GkChartModel     *charts)
{
  g_return_if_fail (GK_IS_INDICATORS_PAGE (self));
  g_return_if_fail (charts == NULL || GK_IS_CHART_MODEL (charts));

  g_set_object (&self->charts, charts);
  gk_chart_view_set_model (self->chart_view, charts);
  if (self->shown != NULL)
    show_chart (self, self->shown);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->chart_box), FALSE);
}

/* --- the session ----------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
session_document_cb (GkIndicatorsPage *self)
{
  set_document (self, self->session != NULL ? gk_session_get_document (self->session) : NULL);
}

/* The charts carry the analysis they were drawn from: both change together. */
static void
session_charts_cb (GkIndicatorsPage *self)
{
  GkChartModel *charts = self->session != NULL
                         ? gk_session_charts_get_model (gk_session_charts_get (self->session)) : NULL;

  set_analysis (self, charts != NULL ? gk_chart_model_get_analysis (charts) : NULL);
  set_charts (self, charts);
}

void
gk_indicators_page_set_session (GkIndicatorsPage *self,
                                GkSession        *session)
{
  g_return_if_fail (GK_IS_INDICATORS_PAGE (self));
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
gk_indicators_page_get_session (GkIndicatorsPage *self)
{
  g_return_val_if_fail (GK_IS_INDICATORS_PAGE (self), NULL);

  return self->session;
}

static void
gk_indicators_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GkIndicatorsPage *self = GK_INDICATORS_PAGE (object);

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
gk_indicators_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GkIndicatorsPage *self = GK_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_indicators_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction ------------------------------------------------------------ */

static void
gk_indicators_page_dispose (GObject *object)
{
  GkIndicatorsPage *self = GK_INDICATORS_PAGE (object);

  gk_indicators_page_set_session (self, NULL);
  /* The bin's child is a template child too: the bin lets go of it first,
   * or the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_INDICATORS_PAGE);
  g_clear_object (&self->charts);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (gk_indicators_page_parent_class)->dispose (object);
}

static void
gk_indicators_page_class_init (GkIndicatorsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_indicators_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_indicators_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_indicators_page_set_property;

  /**
   * GkIndicatorsPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  widget_class->map = gk_indicators_page_map;

  g_type_ensure (GK_TYPE_LEVEL_BADGE);
  g_type_ensure (GK_TYPE_CHART_VIEW);
  g_type_ensure (GK_TYPE_MEASUREMENT_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, signal_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, signal_badge);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, serious_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, serious_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, control_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, control_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, baseline_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, target_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, progress_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, progress_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, forecast_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, forecast_icon);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, unit_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, direction_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, frequency_value);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, topics_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, projects_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, new_period_entry);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, new_value_entry);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, new_note_entry);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, measurement_error);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, measurement_table);
  gtk_widget_class_bind_template_callback (widget_class, table_problem_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicator_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_measurement_activate_cb);

  gtk_widget_class_install_action (widget_class, "indicators.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "indicators.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "indicators.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "indicators.add-measurement", NULL, add_measurement_activated);
}

static void
gk_indicators_page_init (GkIndicatorsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gk_chart_view_set_kind (self->chart_view, GK_CHART_KIND_INDICATOR);

  self->bound_rows = g_hash_table_new (NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (list_unbind_cb), self);
  gtk_list_view_set_factory (self->indicator_list, factory);

  folded_changed_cb (self);
  show_detail (self);
}

GtkWidget *
gk_indicators_page_new (void)
{
  return g_object_new (GK_TYPE_INDICATORS_PAGE, NULL);
}
