/* gk-indicators-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list shows every indicator with its signalled level; the detail shows
 * what the grip engine makes of one (level, progress, forecast) and the
 * table of its measurements, where figures are entered and corrected in
 * place. Every edit goes through the document, so each one is an undo step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-form.h"
#include "gk-indicator-dialog.h"
#include "gk-chart-view.h"
#include "gk-indicators-page.h"
#include "gk-session-charts.h"
#include "gk-level-badge.h"
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
  GListStore          *measurements;    /* of the shown indicator, newest first */
  gboolean             show_all;        /* or only the latest MAX_ROWS_SHOWN */
  gboolean             views_attached;  /* the lists are filled once the page is shown */
  guint                sync_source;
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
  GtkStack            *table_stack;
  GtkColumnView       *measurement_table;
  GtkWidget           *show_all_button;
};

G_DEFINE_FINAL_TYPE (GkIndicatorsPage, gk_indicators_page, ADW_TYPE_BIN)

/* --- rows of the table ------------------------------------------------------- *
 * The table's items are rows that stay while the measurement they show
 * changes: showing another indicator then refills the cells GTK already
 * built instead of building hundreds of new ones (GTK 4.8 keeps about two
 * hundred rows of a list alive, visible or not). A row notifies
 * "measurement" when it shows another one and when the one it shows
 * changes. */

#define GK_TYPE_MEASUREMENT_ROW (gk_measurement_row_get_type ())
G_DECLARE_FINAL_TYPE (GkMeasurementRow, gk_measurement_row, GK, MEASUREMENT_ROW, GObject)

struct _GkMeasurementRow
{
  GObject        parent_instance;
  GkMeasurement *measurement;
};

enum {
  ROW_PROP_0,
  ROW_PROP_MEASUREMENT,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (GkMeasurementRow, gk_measurement_row, G_TYPE_OBJECT)

static void
measurement_row_changed_cb (GkMeasurementRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_MEASUREMENT]);
}

static void
gk_measurement_row_set_measurement (GkMeasurementRow *self,
                                    GkMeasurement    *measurement)
{
  if (self->measurement == measurement)
    return;
  if (self->measurement != NULL)
    g_signal_handlers_disconnect_by_data (self->measurement, self);
  g_set_object (&self->measurement, measurement);
  if (measurement != NULL)
    g_signal_connect_swapped (measurement, "notify", G_CALLBACK (measurement_row_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_MEASUREMENT]);
}

static void
gk_measurement_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_MEASUREMENT:
      g_value_set_object (value, GK_MEASUREMENT_ROW (object)->measurement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_measurement_row_dispose (GObject *object)
{
  gk_measurement_row_set_measurement (GK_MEASUREMENT_ROW (object), NULL);

  G_OBJECT_CLASS (gk_measurement_row_parent_class)->dispose (object);
}

static void
gk_measurement_row_class_init (GkMeasurementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gk_measurement_row_get_property;
  object_class->dispose = gk_measurement_row_dispose;
  row_properties[ROW_PROP_MEASUREMENT] =
    g_param_spec_object ("measurement", NULL, NULL, GK_TYPE_MEASUREMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
gk_measurement_row_init (GkMeasurementRow *self)
{
}

#define ITEM_HANDLER_KEY "gk-notify-handler"

/* Three years of monthly figures: what people look at and correct. Older
 * ones are a click away; a table of hundreds of rows takes GTK 4.8 a
 * moment to fill, too long for every change of indicator. */
#define MAX_ROWS_SHOWN 36

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

/* The period of a measurement as its frequency names it: "November 2026",
 * "Q4 2026", "2026". */
static char *
period_label (GkIndicator   *indicator,
              GkMeasurement *measurement)
{
  GDate date;

  if (!gk_date_parse_iso (gk_measurement_get_period_date (measurement), &date))
    return g_strdup (gk_measurement_get_period_date (measurement));
  return gk_period_label (gk_indicator_get_frequency (indicator), &date);
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

static void
update_table_stack (GkIndicatorsPage *self)
{
  gboolean empty = self->measurements == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->measurements)) == 0;

  gtk_stack_set_visible_child_name (self->table_stack, empty ? "empty" : "table");
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.edit", indicator != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.delete", indicator != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.add-measurement", indicator != NULL);
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
  update_table_stack (self);
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

static void sync_measurements (GkIndicatorsPage *self);

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
  self->show_all = FALSE;
  if (indicator != NULL)
    g_signal_connect_swapped (indicator, "notify", G_CALLBACK (shown_changed_cb), self);

  sync_measurements (self);
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

/* --- the table of measurements ----------------------------------------------- */

static void
update_show_all (GkIndicatorsPage *self,
                 guint             n_measurements)
{
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->show_all_button, !self->show_all && n_measurements > MAX_ROWS_SHOWN);
  if (n_measurements <= MAX_ROWS_SHOWN)
    return;
  /* Translators: a button under the table of measurements */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Measurements", "Show All %u Measurements",
                                        n_measurements),
                           n_measurements);
  gtk_button_set_label (GTK_BUTTON (self->show_all_button), label);
}

/* Makes the table's rows show the shown indicator's measurements, newest
 * first: existing rows get another measurement where it differs, and rows
 * are added or removed at the end. */
static void
sync_measurements (GkIndicatorsPage *self)
{
  g_autoptr(GPtrArray) series = NULL;
  GListModel *rows = G_LIST_MODEL (self->measurements);
  guint n_old = g_list_model_get_n_items (rows);
  guint n_new;

  if (!self->views_attached)
    return;

  if (self->shown != NULL && self->document != NULL)
    series = gk_document_get_measurements_for_indicator (self->document, gk_record_get_id (GK_RECORD (self->shown)));
  else
    series = g_ptr_array_new ();
  n_new = self->show_all ? series->len : MIN (series->len, MAX_ROWS_SHOWN);
  update_show_all (self, series->len);

  if (n_new < n_old)
    g_list_store_splice (self->measurements, n_new, n_old - n_new, NULL, 0);
  for (guint i = 0; i < MIN (n_old, n_new); i++)
    {
      g_autoptr(GkMeasurementRow) row = g_list_model_get_item (rows, i);

      /* series is oldest first; the table shows it the other way round */
      gk_measurement_row_set_measurement (row, g_ptr_array_index (series, series->len - 1 - i));
    }
  if (n_new > n_old)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_old; i < n_new; i++)
        {
          GkMeasurementRow *row = g_object_new (GK_TYPE_MEASUREMENT_ROW, NULL);

          gk_measurement_row_set_measurement (row, g_ptr_array_index (series, series->len - 1 - i));
          g_ptr_array_add (added, row);
        }
      g_list_store_splice (self->measurements, n_old, 0, added->pdata, added->len);
    }
  update_table_stack (self);
}

static GkIndicatorsPage *
page_of_cell (GtkWidget *cell)
{
  return GK_INDICATORS_PAGE (gtk_widget_get_ancestor (cell, GK_TYPE_INDICATORS_PAGE));
}

static GkMeasurement *
measurement_of_cell (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "list-item");
  GkMeasurementRow *row = item != NULL ? gtk_list_item_get_item (item) : NULL;

  return row != NULL ? row->measurement : NULL;
}

static void
show_table_problem (GkIndicatorsPage *self,
                    GtkWidget        *cell,
                    GkMeasurement    *measurement,
                    const char       *message)
{
  g_autofree char *period = period_label (self->shown, measurement);
  /* Translators: a mistake in the table of measurements, "October 2026: “abc” is not a number" */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), period, message);

  gk_form_show_problem (NULL, self->measurement_error, text);
  gtk_widget_add_css_class (cell, "error");
}

/* Writes @copy, telling the person what went wrong beside the table. */
static gboolean
update_measurement (GkIndicatorsPage *self,
                    GtkWidget        *cell,
                    GkMeasurement    *live,
                    GkMeasurement    *copy)
{
  g_autoptr(GError) error = NULL;

  if (gk_document_update (self->document, GK_RECORD (copy), &error))
    return TRUE;
  show_table_problem (self, cell, live, error->message);
  return FALSE;
}

/* The value and note cells are frameless entries: they read like the rest
 * of the table and are typed over in place. (GtkEditableLabel would look
 * the part, but in GTK 4.8 it keeps a timeout that outlives it when it is
 * destroyed soon after losing the focus, as when the window closes.) */

static gboolean
cell_has_focus (GtkWidget *cell)
{
  GtkRoot *root = gtk_widget_get_root (cell);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

/* A value cell shows the value with its unit; while it has the focus, the
 * bare number, so that what is typed is read back the same. */
static void
fill_cell_text (GtkWidget     *cell,
                GkIndicator   *indicator,
                GkMeasurement *measurement)
{
  if (g_strcmp0 (gtk_widget_get_name (cell), "measurement-value") == 0)
    {
      g_autofree char *text = cell_has_focus (cell)
                              ? gk_value_for_entry (gk_measurement_get_value (measurement))
                              : gk_value_format (gk_indicator_get_unit (indicator), gk_measurement_get_value (measurement));

      g_object_set_data (G_OBJECT (cell), "binding", GINT_TO_POINTER (TRUE));
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      g_object_set_data (G_OBJECT (cell), "binding", NULL);
    }
  else
    {
      g_object_set_data (G_OBJECT (cell), "binding", GINT_TO_POINTER (TRUE));
      gtk_editable_set_text (GTK_EDITABLE (cell), gk_measurement_get_note (measurement));
      g_object_set_data (G_OBJECT (cell), "binding", NULL);
    }
}

/* Writes what was typed in @cell, if it changed; the cell then shows what
 * the file holds, whatever happened. */
static void
commit_cell (GtkWidget *cell)
{
  GkIndicatorsPage *self = page_of_cell (cell);
  GkMeasurement *measurement = measurement_of_cell (cell);
  gboolean is_value = g_strcmp0 (gtk_widget_get_name (cell), "measurement-value") == 0;
  g_autofree char *text = NULL;
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* Also reached while the table is taken down or rebuilt. */
  if (self == NULL || self->document == NULL || self->shown == NULL || measurement == NULL ||
      g_object_get_data (G_OBJECT (cell), "binding") != NULL ||
      !gk_record_is_live (GK_RECORD (measurement)))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))));
  gtk_widget_remove_css_class (cell, "error");
  gk_form_clear_problem (NULL, self->measurement_error);

  copy = gk_record_copy (GK_RECORD (measurement));
  if (is_value)
    {
      g_autofree char *as_entry = gk_value_for_entry (gk_measurement_get_value (measurement));
      g_autofree char *as_shown = gk_value_format (gk_indicator_get_unit (self->shown),
                                                   gk_measurement_get_value (measurement));
      double value;

      if (g_strcmp0 (text, as_entry) == 0 || g_strcmp0 (text, as_shown) == 0)
        {
          fill_cell_text (cell, self->shown, measurement);
          return;
        }
      if (!gk_value_parse (text, &value, &error))
        {
          show_table_problem (self, cell, measurement, error->message);
          fill_cell_text (cell, self->shown, measurement);
          return;
        }
      gk_measurement_set_value (GK_MEASUREMENT (copy), value);
    }
  else
    gk_measurement_set_note (GK_MEASUREMENT (copy), text);

  /* An unchanged copy writes nothing. */
  update_measurement (self, cell, measurement, GK_MEASUREMENT (copy));
  fill_cell_text (cell, self->shown, measurement);
}

static void
cell_activate_cb (GtkWidget *cell)
{
  commit_cell (cell);
}

static void
cell_focus_enter_cb (GtkEventController *controller)
{
  GtkWidget *cell = gtk_event_controller_get_widget (controller);
  GkIndicatorsPage *self = page_of_cell (cell);
  GkMeasurement *measurement = measurement_of_cell (cell);

  if (self != NULL && self->shown != NULL && measurement != NULL)
    fill_cell_text (cell, self->shown, measurement);
}

static void
cell_focus_leave_cb (GtkEventController *controller)
{
  commit_cell (gtk_event_controller_get_widget (controller));
}

/* Escape takes back what was typed. */
static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GkIndicatorsPage *self = page_of_cell (cell);
  GkMeasurement *measurement = measurement_of_cell (cell);

  if (keyval != GDK_KEY_Escape || self == NULL || self->shown == NULL || measurement == NULL)
    return FALSE;
  fill_cell_text (cell, self->shown, measurement);
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
  return TRUE;
}

static GtkWidget *
cell_entry_new (const char *name)
{
  GtkWidget *cell = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_set_name (cell, name);
  gtk_entry_set_has_frame (GTK_ENTRY (cell), FALSE);
  gtk_widget_add_css_class (cell, "cell-entry");
  g_signal_connect (cell, "activate", G_CALLBACK (cell_activate_cb), NULL);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_focus_leave_cb), NULL);
  gtk_widget_add_controller (cell, focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), NULL);
  gtk_widget_add_controller (cell, keys);
  return cell;
}

static void
delete_clicked_cb (GtkButton *button)
{
  GkIndicatorsPage *self = page_of_cell (GTK_WIDGET (button));
  GkMeasurement *measurement = measurement_of_cell (GTK_WIDGET (button));
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL || measurement == NULL)
    return;

  period = period_label (self->shown, measurement);
  gk_form_clear_problem (NULL, self->measurement_error);
  if (!gk_document_delete (self->document, GK_RECORD (measurement), &error))
    {
      show_table_problem (self, GTK_WIDGET (button), measurement, error->message);
      return;
    }
  /* Translators: a toast after deleting, %s is a period ("October 2026") */
  title = g_strdup_printf (_("Measurement of %s deleted"), period);
  gk_form_add_toast (GTK_WIDGET (self), gk_form_undo_toast_new (title));
}

/* Each column has its own cell; these build, fill and empty them. */
typedef enum {
  COLUMN_PERIOD,
  COLUMN_VALUE,
  COLUMN_NOTE,
  COLUMN_ENTERED_BY,
  COLUMN_DELETE,
} Column;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *cell;

  switch (column)
    {
    case COLUMN_PERIOD:
    case COLUMN_ENTERED_BY:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_ENTERED_BY)
        gtk_widget_add_css_class (cell, "dim-label");
      break;
    case COLUMN_VALUE:
      cell = cell_entry_new ("measurement-value");
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 8);
      gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_NUMBER);
      break;
    case COLUMN_NOTE:
      cell = cell_entry_new ("measurement-note");
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 8);
      gtk_widget_set_hexpand (cell, TRUE);
      break;
    case COLUMN_DELETE:
    default:
      cell = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_name (cell, "delete-measurement");
      gtk_widget_add_css_class (cell, "flat");
      gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
      g_signal_connect (cell, "clicked", G_CALLBACK (delete_clicked_cb), NULL);
      break;
    }
  g_object_set_data (G_OBJECT (cell), "list-item", item);
  gtk_list_item_set_child (item, cell);
}

static void
cell_fill (Column         column,
           GtkWidget     *cell,
           GkIndicator   *indicator,
           GkMeasurement *measurement)
{
  g_autofree char *period = period_label (indicator, measurement);
  g_autofree char *accessible = NULL;

  switch (column)
    {
    case COLUMN_PERIOD:
      {
        g_autofree char *date = format_date_iso (gk_measurement_get_period_date (measurement));

        gtk_label_set_text (GTK_LABEL (cell), period);
        gtk_widget_set_tooltip_text (cell, date);
      }
      break;
    case COLUMN_VALUE:
      fill_cell_text (cell, indicator, measurement);
      /* Translators: accessible name of a value in the table, %s is a period */
      accessible = g_strdup_printf (_("Value of %s"), period);
      break;
    case COLUMN_NOTE:
      fill_cell_text (cell, indicator, measurement);
      gtk_widget_set_tooltip_text (cell, *gk_measurement_get_note (measurement) != '\0'
                                         ? gk_measurement_get_note (measurement) : NULL);
      /* Translators: accessible name of a note in the table, %s is a period */
      accessible = g_strdup_printf (_("Note with %s"), period);
      break;
    case COLUMN_ENTERED_BY:
      gtk_label_set_text (GTK_LABEL (cell), gk_measurement_get_entered_by (measurement));
      break;
    case COLUMN_DELETE:
    default:
      /* Translators: a button in the table, %s is a period ("October 2026") */
      accessible = g_strdup_printf (_("Delete the measurement of %s"), period);
      gtk_widget_set_tooltip_text (cell, accessible);
      break;
    }
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The row shows another measurement, or its measurement changed. */
static void
cell_row_changed_cb (GkMeasurementRow *row,
                     GParamSpec       *pspec,
                     GtkListItem      *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GkIndicatorsPage *self = page_of_cell (cell);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  gboolean same = g_object_get_data (G_OBJECT (cell), "measurement") == (gpointer) row->measurement;

  if (self == NULL || self->shown == NULL || row->measurement == NULL)
    return;
  /* Never overwrite what someone is typing in this very measurement. */
  if (same && GTK_IS_ENTRY (cell) && cell_has_focus (cell))
    return;
  if (!same)
    gtk_widget_remove_css_class (cell, "error");
  g_object_set_data (G_OBJECT (cell), "measurement", row->measurement);
  g_object_set_data (G_OBJECT (cell), "binding", GINT_TO_POINTER (TRUE));
  cell_fill (column, cell, self->shown, row->measurement);
  g_object_set_data (G_OBJECT (cell), "binding", NULL);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GkIndicatorsPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GkMeasurementRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (cell), "measurement", NULL);
  cell_row_changed_cb (row, NULL, item);
  handler = g_signal_connect (row, "notify::measurement", G_CALLBACK (cell_row_changed_cb), item);
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, GSIZE_TO_POINTER (handler));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GkIndicatorsPage         *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), ITEM_HANDLER_KEY));

  g_clear_signal_handler (&handler, gtk_list_item_get_item (item));
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, NULL);
  /* A recycled cell must not carry an edit over to another row: the next
   * bind fills it anew. */
  g_object_set_data (G_OBJECT (cell), "measurement", NULL);
  gtk_widget_remove_css_class (cell, "error");
}

static void
add_column (GkIndicatorsPage *self,
            Column            column,
            const char       *title,
            gboolean          expand,
            int               fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, column != COLUMN_DELETE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->measurement_table, view_column);
}

static void
setup_table (GkIndicatorsPage *self)
{
  /* Narrow enough to leave the note room on a 1024 pixels wide screen. */
  add_column (self, COLUMN_PERIOD, _("Period"), FALSE, 124);
  add_column (self, COLUMN_VALUE, _("Value"), FALSE, 110);
  add_column (self, COLUMN_NOTE, _("Note"), TRUE, -1);
  add_column (self, COLUMN_ENTERED_BY, _("Entered by"), FALSE, 110);
  add_column (self, COLUMN_DELETE, NULL, FALSE, 44);
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

static gboolean
sync_measurements_idle (gpointer data)
{
  GkIndicatorsPage *self = data;

  self->sync_source = 0;
  sync_measurements (self);
  return G_SOURCE_REMOVE;
}

/* Measurements changed somewhere. The table follows once the document is
 * done, before the next frame is drawn: an undo of many edits emits
 * items-changed for each row, and the table is read once for all of them. */
static void
measurements_changed_cb (GkIndicatorsPage *self)
{
  if (self->sync_source == 0)
    self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_measurements_idle, self, NULL);
}

static void
show_all_clicked_cb (GkIndicatorsPage *self)
{
  self->show_all = TRUE;
  sync_measurements (self);
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
  sync_measurements (self);
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
  g_signal_handlers_disconnect_by_data (gk_document_get_measurements (self->document), self);
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
  g_clear_handle_id (&self->sync_source, g_source_remove);
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

  g_signal_connect_swapped (gk_document_get_measurements (document), "items-changed",
                            G_CALLBACK (measurements_changed_cb), self);
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
  set_document (self, NULL);
  /* The bin's child is a template child too: the bin lets go of it first,
   * or the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_INDICATORS_PAGE);
  g_clear_object (&self->charts);
  g_clear_object (&self->measurements);
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
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, table_stack);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, measurement_table);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorsPage, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
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
  self->measurements = g_list_store_new (GK_TYPE_MEASUREMENT_ROW);
  {
    g_autoptr(GtkNoSelection) no_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->measurements)));

    gtk_column_view_set_model (self->measurement_table, GTK_SELECTION_MODEL (no_selection));
  }

  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (list_unbind_cb), self);
  gtk_list_view_set_factory (self->indicator_list, factory);

  setup_table (self);
  folded_changed_cb (self);
  show_detail (self);
}

GtkWidget *
gk_indicators_page_new (void)
{
  return g_object_new (GK_TYPE_INDICATORS_PAGE, NULL);
}
