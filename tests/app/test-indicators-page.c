/* test-indicators-page.c: KPIs and their measurements, edited in the window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-indicator-dialog.h"
#include "gk-indicators-page.h"
#include "gk-level-badge.h"
#include "gk-chart-view.h"
#include "page-test-helpers.h"

/* In the demo: "Wachttijd jeugdhulp in weken", lower is better, monthly,
 * signal values 8 (Serious) and 5 (In control), measured up to October 2026. */
#define WAITING_TIME_ID 4

/* The indicator chart on the page is there and has @id among its charts. */
static gboolean
chart_shows (GkIndicatorsPage *page,
             gint64            id)
{
  GtkWidget *view = require_named (GTK_WIDGET (page), "indicator-chart");
  GkChartModel *charts = gk_chart_view_get_model (GK_CHART_VIEW (view));

  return gtk_widget_is_visible (view) && charts != NULL && gk_chart_model_lookup_indicator (charts, id) >= 0;
}

static GkIndicatorsPage *
show_indicators (GkWindow *window,
                 gint64    indicator_id)
{
  GtkWidget *page = gk_window_show_page (window, "indicators");

  g_assert_true (GK_IS_INDICATORS_PAGE (page));
  g_assert_true (gk_indicators_page_select (GK_INDICATORS_PAGE (page), indicator_id));
  g_assert_cmpint (gk_indicators_page_get_selected_id (GK_INDICATORS_PAGE (page)), ==, indicator_id);
  wait_until (chart_shows (GK_INDICATORS_PAGE (page), indicator_id));
  return GK_INDICATORS_PAGE (page);
}

static GkMeasurement *
find_measurement (GkDocument *document,
                  gint64      indicator_id,
                  const char *period)
{
  g_autoptr(GPtrArray) series = gk_document_get_measurements_for_indicator (document, indicator_id);

  for (guint i = 0; i < series->len; i++)
    if (g_strcmp0 (gk_measurement_get_period_date (g_ptr_array_index (series, i)), period) == 0)
      return g_ptr_array_index (series, i);  /* the document keeps it alive */
  return NULL;
}

static guint
count_measurements (GkDocument *document,
                    gint64      indicator_id)
{
  g_autoptr(GPtrArray) series = gk_document_get_measurements_for_indicator (document, indicator_id);

  return series->len;
}

static void
type_measurement (GkIndicatorsPage *page,
                  const char       *period,
                  const char       *value,
                  const char       *note)
{
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "new-period")), period);
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "new-value")), value);
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "new-note")), note);
  /* Enter in the value field adds it, as the Add button does. */
  g_signal_emit_by_name (require_named (GTK_WIDGET (page), "new-value"), "activate");
}

/* The latest point the indicator chart on the page draws for @id. */
static GkIndicatorPoint
latest_charted (GkIndicatorsPage *page,
                gint64            id)
{
  GtkWidget *view = require_named (GTK_WIDGET (page), "indicator-chart");
  GkChartModel *charts = gk_chart_view_get_model (GK_CHART_VIEW (view));
  int position;

  g_assert_true (gtk_widget_is_visible (view));
  g_assert_nonnull (charts);
  position = gk_chart_model_lookup_indicator (charts, id);
  g_assert_cmpint (position, >=, 0);
  {
    const GkIndicatorChartData *data = gk_chart_model_get_indicator (charts, (guint) position);

    g_assert_cmpuint (data->n_points, >, 0);
    return data->points[data->n_points - 1];
  }
}

static gboolean
latest_charted_in (GkIndicatorsPage *page,
                   gint64            id,
                   GDateMonth        month,
                   GDateYear         year)
{
  GkIndicatorPoint point = latest_charted (page, id);

  return g_date_get_month (&point.date) == month && g_date_get_year (&point.date) == year;
}

static GkLevel
signalled_level (GkIndicatorsPage *page)
{
  GtkWidget *row = require_named (GTK_WIDGET (page), "signalled-level");

  return gk_level_badge_get_level (GK_LEVEL_BADGE (find_of_type (row, GK_TYPE_LEVEL_BADGE)));
}

static void
test_enter_measurement_undo_redo (void)
{
  GkWindow *window = open_demo_window ("meting.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkIndicatorsPage *page = show_indicators (window, WAITING_TIME_ID);
  GtkWidget *period_entry = require_named (GTK_WIDGET (page), "new-period");
  GtkWidget *error_label = require_named (GTK_WIDGET (page), "measurement-error");
  guint before = count_measurements (document, WAITING_TIME_ID);
  GkMeasurement *measurement;

  GkIndicatorPoint latest = latest_charted (page, WAITING_TIME_ID);

  gk_document_set_user_name (document, "Ahmed El Idrissi");
  /* The next period after October is offered. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (period_entry)), ==, "01-11-2026");

  /* A day in the month stands for the month: the period keeps its first day. */
  type_measurement (page, "15-11-2026", "8,4", "Na de zomer weer opgelopen");
  g_assert_false (label_shows (error_label));
  measurement = find_measurement (document, WAITING_TIME_ID, "2026-11-01");
  g_assert_nonnull (measurement);
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (measurement), 8.4, 1e-9);
  g_assert_cmpstr (gk_measurement_get_note (measurement), ==, "Na de zomer weer opgelopen");
  g_assert_cmpstr (gk_measurement_get_entered_by (measurement), ==, "Ahmed El Idrissi");
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, before + 1);
  /* Ready for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "new-value"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (period_entry)), ==, "01-12-2026");

  /* Once the window renews its analysis, the level follows the new value
   * and the chart draws it as its latest point. */
  wait_until (signalled_level (page) == GK_LEVEL_SERIOUS &&
              latest_charted_in (page, WAITING_TIME_ID, G_DATE_NOVEMBER, 2026));
  {
    GkIndicatorPoint point = latest_charted (page, WAITING_TIME_ID);

    g_assert_cmpint (g_date_get_month (&point.date), ==, 11);
    g_assert_cmpint (g_date_get_year (&point.date), ==, 2026);
    g_assert_cmpfloat_with_epsilon (point.value, 8.4, 1e-9);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (find_measurement (document, WAITING_TIME_ID, "2026-11-01"));
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, before);
  wait_until (!latest_charted_in (page, WAITING_TIME_ID, G_DATE_NOVEMBER, 2026));
  {
    GkIndicatorPoint point = latest_charted (page, WAITING_TIME_ID);

    g_assert_cmpint (g_date_compare (&point.date, &latest.date), ==, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  measurement = find_measurement (document, WAITING_TIME_ID, "2026-11-01");
  g_assert_nonnull (measurement);
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (measurement), 8.4, 1e-9);

  destroy_all_windows ();
}

static void
test_invalid_measurement_shows_inline (void)
{
  GkWindow *window = open_demo_window ("fout.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkIndicatorsPage *page = show_indicators (window, WAITING_TIME_ID);
  GtkWidget *period_entry = require_named (GTK_WIDGET (page), "new-period");
  GtkWidget *value_entry = require_named (GTK_WIDGET (page), "new-value");
  GtkWidget *error_label = require_named (GTK_WIDGET (page), "measurement-error");
  guint before = count_measurements (document, WAITING_TIME_ID);

  /* Not a number: said beside the value. */
  type_measurement (page, "01-11-2026", "ongeveer negen", "");
  g_assert_true (label_shows (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "ongeveer negen"));
  g_assert_true (has_error_style (value_entry));
  g_assert_false (has_error_style (period_entry));
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, before);

  /* A day that does not exist: said beside the period. */
  type_measurement (page, "31-02-2026", "9", "");
  g_assert_true (label_shows (error_label));
  g_assert_true (has_error_style (period_entry));
  g_assert_false (has_error_style (value_entry));
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, before);

  /* A second figure for October: the document refuses, the page says why. */
  type_measurement (page, "01-10-2026", "9", "");
  g_assert_true (label_shows (error_label));
  g_assert_true (has_error_style (period_entry));
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, before);

  /* Put right, the mistake goes away. */
  type_measurement (page, "01-11-2026", "9", "");
  g_assert_false (label_shows (error_label));
  g_assert_false (has_error_style (period_entry));
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, before + 1);

  destroy_all_windows ();
}

/* The table's items are its rows; each shows a measurement. */
static gboolean
is_period (gpointer      item,
           gconstpointer data)
{
  g_autoptr(GkMeasurement) measurement = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "measurement") == NULL)
    return FALSE;
  g_object_get (item, "measurement", &measurement, NULL);
  return measurement != NULL && g_strcmp0 (gk_measurement_get_period_date (measurement), data) == 0;
}

/* Click in the cell, type over it, press Enter. */
static void
edit_cell (GtkWidget  *cell,
           const char *text)
{
  g_assert_true (gtk_widget_grab_focus (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  g_signal_emit_by_name (cell, "activate");
}

static void
test_edit_and_delete_in_table (void)
{
  GkWindow *window = open_demo_window ("tabel.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkIndicatorsPage *page = show_indicators (window, WAITING_TIME_ID);
  GtkWidget *error_label = require_named (GTK_WIDGET (page), "measurement-error");
  GkMeasurement *october = find_measurement (document, WAITING_TIME_ID, "2026-10-01");
  double old_value = gk_measurement_get_value (october);
  guint before = count_measurements (document, WAITING_TIME_ID);
  GtkWidget *cell;

  g_assert_nonnull (october);

  /* The value, typed over in its cell. */
  cell = wait_for_cell (GTK_WIDGET (page), "measurement-value", is_period, "2026-10-01");
  edit_cell (cell, "9,9");
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (october), 9.9, 1e-9);
  g_assert_false (label_shows (error_label));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (october), old_value, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (october), 9.9, 1e-9);

  /* Nonsense is refused beside the table, and the cell shows the old value. */
  cell = wait_for_cell (GTK_WIDGET (page), "measurement-value", is_period, "2026-10-01");
  edit_cell (cell, "tien");
  g_assert_true (label_shows (error_label));
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (october), 9.9, 1e-9);
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (cell)), "9.9"));

  /* The note. */
  cell = wait_for_cell (GTK_WIDGET (page), "measurement-note", is_period, "2026-10-01");
  edit_cell (cell, "Flexteam ingezet");
  g_assert_cmpstr (gk_measurement_get_note (october), ==, "Flexteam ingezet");
  g_assert_false (label_shows (error_label));

  /* Delete, then take it back. */
  cell = wait_for_cell (GTK_WIDGET (page), "delete-measurement", is_period, "2026-10-01");
  g_signal_emit_by_name (cell, "clicked");
  g_assert_null (find_measurement (document, WAITING_TIME_ID, "2026-10-01"));
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, before - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (find_measurement (document, WAITING_TIME_ID, "2026-10-01"));
  g_assert_cmpstr (gk_measurement_get_note (find_measurement (document, WAITING_TIME_ID, "2026-10-01")),
                   ==, "Flexteam ingezet");

  destroy_all_windows ();
}

static void
set_row (GtkWidget  *dialog,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, name)), text);
}

static void
test_edit_indicator_validates_signals (void)
{
  GkWindow *window = open_demo_window ("signaal.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkIndicatorsPage *page = show_indicators (window, WAITING_TIME_ID);
  GkIndicator *indicator = gk_document_lookup_indicator (document, WAITING_TIME_ID);
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.edit", NULL));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_INDICATOR_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (dialog, "name"))),
                   ==, gk_indicator_get_name (indicator));

  /* Lower is better: a Serious boundary under the In control one is wrong. */
  set_row (dialog, "signal-serious", "3");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (label_shows (require_named (dialog, "signal-error")));
  g_assert_true (has_error_style (require_named (dialog, "signal-serious")));
  g_assert_cmpfloat_with_epsilon (gk_indicator_get_signal_serious (indicator), 8, 1e-9);

  /* A number that is not one, beside its row. */
  set_row (dialog, "signal-serious", "8,5");
  set_row (dialog, "target-value", "vier");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  g_assert_true (label_shows (require_named (dialog, "baseline-error")));
  g_assert_true (has_error_style (require_named (dialog, "target-value")));
  g_assert_false (has_error_style (require_named (dialog, "signal-serious")));

  set_row (dialog, "target-value", "4");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_INDICATOR_DIALOG));
  g_assert_cmpfloat_with_epsilon (gk_indicator_get_signal_serious (indicator), 8.5, 1e-9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (gk_indicator_get_signal_serious (indicator), 8, 1e-9);

  destroy_all_windows ();
}

static void
test_add_and_delete_indicator (void)
{
  GkWindow *window = open_demo_window ("nieuw.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkIndicatorsPage *page = show_indicators (window, WAITING_TIME_ID);
  GListModel *indicators = gk_document_get_indicators (document);
  guint before = g_list_model_get_n_items (indicators);
  GtkWidget *dialog;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add", NULL));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_INDICATOR_DIALOG));
  g_assert_nonnull (dialog);

  /* A name is required. */
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  g_assert_true (label_shows (require_named (dialog, "name-error")));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, before);

  set_row (dialog, "name", "Herindicaties binnen een jaar");
  set_row (dialog, "signal-serious", "40");
  set_row (dialog, "signal-control", "25");
  set_row (dialog, "baseline-date", "1-1-2026");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_INDICATOR_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, before + 1);

  /* The new indicator is the one shown. */
  id = gk_indicators_page_get_selected_id (page);
  g_assert_cmpstr (gk_indicator_get_name (gk_document_lookup_indicator (document, id)), ==,
                   "Herindicaties binnen een jaar");
  g_assert_cmpstr (gk_indicator_get_baseline_date (gk_document_lookup_indicator (document, id)), ==, "2026-01-01");

  /* Deleting it can be undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.delete", NULL));
  g_assert_null (gk_document_lookup_indicator (document, id));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (gk_document_lookup_indicator (document, id));

  destroy_all_windows ();
}

/* Years of monthly figures: the latest three years are shown, the rest
 * after asking. */
static void
test_long_series_shows_latest_first (void)
{
  GkWindow *window = open_demo_window ("lang.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  g_autoptr(GError) error = NULL;
  GkIndicatorsPage *page;
  GtkWidget *show_all;
  GDate period;

  /* 48 more months before the demo's first one (November 2024). */
  gk_document_begin_group (document, "Oude cijfers");
  g_date_clear (&period, 1);
  g_date_set_dmy (&period, 1, 11, 2020);
  for (int i = 0; i < 48; i++, g_date_add_months (&period, 1))
    {
      g_autoptr(GkMeasurement) measurement = gk_measurement_new ();
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-01", g_date_get_year (&period), g_date_get_month (&period));

      gk_measurement_set_indicator_id (measurement, WAITING_TIME_ID);
      gk_measurement_set_period_date (measurement, iso);
      gk_measurement_set_value (measurement, 6 + i / 10.0);
      g_assert_true (gk_document_insert (document, GK_RECORD (measurement), &error));
      g_assert_no_error (error);
    }
  g_assert_true (gk_document_end_group (document, &error));
  g_assert_cmpuint (count_measurements (document, WAITING_TIME_ID), ==, 72);

  page = show_indicators (window, WAITING_TIME_ID);
  show_all = require_named (GTK_WIDGET (page), "show-all-measurements");
  g_assert_true (gtk_widget_get_visible (show_all));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (show_all)), "72"));
  /* The newest is there, the oldest not yet. */
  wait_for_cell (GTK_WIDGET (page), "measurement-value", is_period, "2026-10-01");
  g_assert_null (find_cell_in (GTK_WIDGET (page), "measurement-value", is_period, "2020-11-01"));

  g_signal_emit_by_name (show_all, "clicked");
  g_assert_false (gtk_widget_get_visible (show_all));
  wait_for_cell (GTK_WIDGET (page), "measurement-value", is_period, "2020-11-01");

  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/indicators-page/enter-measurement", test_enter_measurement_undo_redo);
  g_test_add_func ("/indicators-page/invalid-measurement", test_invalid_measurement_shows_inline);
  g_test_add_func ("/indicators-page/edit-in-table", test_edit_and_delete_in_table);
  g_test_add_func ("/indicators-page/edit-indicator", test_edit_indicator_validates_signals);
  g_test_add_func ("/indicators-page/add-delete-indicator", test_add_and_delete_indicator);
  g_test_add_func ("/indicators-page/long-series", test_long_series_shows_latest_first);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
