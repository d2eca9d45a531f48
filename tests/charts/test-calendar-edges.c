/* test-calendar-edges.c: every date the schema accepts can be drawn
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 13, item 6 (the charts' side): the schema takes any date SQLite's
 * date() takes, years 0000 to 9999. The small programme of model-fixture.h
 * is moved into the year 1, the year 9999 and the year 0 (which GDate does
 * not know: those dates are unset), and every chart and every page of the
 * report is drawn with today at the edges. GLib tests abort on a critical
 * warning, so a date that GDate refuses fails the test.
 */
#include "config.h"

#include <locale.h>

#include <cairo-pdf.h>

#include "../core/model-fixture.h"
#include "gk-chart-model.h"
#include "gk-demo-private.h"
#include "gk-report.h"

/* Every date column of every table, all of a table's in one statement (so
 * that an end stays after its start): the year replaced, month and day
 * kept (29 February becomes the 28th, for the years that have none). */
static const char * const date_columns[][4] = {
  { "programme", "start_date", "end_date" },
  { "topic", "target_date" },
  { "assessment", "date" },
  { "focus_project", "start_date", "end_date" },
  { "measure", "start_date", "due_date", "done_date" },
  { "measure_target", "target_date" },
  { "indicator", "baseline_date", "target_date" },
  { "measurement", "period_date" },
  { "journal_entry", "date" },
};

static sqlite3 *
programme_in_year (const char *year)
{
  sqlite3 *db = fixture_db_new (TRUE);

  /* The fixture's baseline lies in the year before: into the same year. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE indicator SET baseline_date = '2026-01-01'"
                                     " WHERE baseline_date IS NOT NULL", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (date_columns); i++)
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      char *message = NULL;

      g_string_printf (sql, "UPDATE %s SET ", date_columns[i][0]);
      for (guint c = 1; c < G_N_ELEMENTS (date_columns[i]) && date_columns[i][c] != NULL; c++)
        g_string_append_printf (sql, "%s%s = '%s' || replace(substr(%s, 5), '-02-29', '-02-28')",
                                c > 1 ? ", " : "", date_columns[i][c], year, date_columns[i][c]);
      if (sqlite3_exec (db, sql->str, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", sql->str, message);
    }
  return db;
}

static void
draw_every_chart (GkChartModel *charts)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 500);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  GkChartRect area = { 0, 0, 900, 500 };
  GkChartKind kinds[] = { GK_CHART_KIND_ROADMAP, GK_CHART_KIND_HEADLINE, GK_CHART_KIND_TIMELINE,
                          GK_CHART_KIND_PROGRESS, GK_CHART_KIND_COVERAGE };

  gk_chart_context_begin (ctx, cr);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gk_chart_model_get_preferred_height (charts, kinds[k], 0, ctx, area.width);
      gk_chart_model_draw (charts, kinds[k], 0, ctx, &area);
    }
  for (guint i = 0; i < gk_chart_model_get_n_indicators (charts); i++)
    {
      gk_chart_model_draw (charts, GK_CHART_KIND_INDICATOR, i, ctx, &area);
      gk_indicator_chart_hit_test (ctx, gk_chart_model_get_indicator (charts, i), 450, 250, 1000);
    }
  gk_chart_context_end (ctx);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
draw_every_page (GkReport *report)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 595, 842);
  cairo_t *cr = cairo_create (surface);
  guint n = gk_report_get_n_pages (report, 595, 842);

  g_assert_cmpuint (n, >=, 1);
  for (guint page = 0; page < n; page++)
    {
      gk_report_draw_page (report, page, cr, 595, 842);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
draw_db_on (sqlite3    *db,
            int         day,
            int         month,
            int         today_year)
{
  g_autoptr(GkDocument) document = fixture_document_new (db);
  g_autoptr(GkAnalysis) analysis = NULL;
  g_autoptr(GkChartModel) monthly = NULL;
  g_autoptr(GkChartModel) quarterly = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) day, (GDateMonth) month, (GDateYear) today_year);
  analysis = gk_analysis_new (document, &today);
  monthly = gk_chart_model_new (document, analysis, GK_FREQUENCY_MONTHLY, 24);
  quarterly = gk_chart_model_new (document, analysis, GK_FREQUENCY_QUARTERLY, 12);
  draw_every_chart (monthly);
  draw_every_chart (quarterly);

  for (GkFrequency frequency = GK_FREQUENCY_MONTHLY; frequency <= GK_FREQUENCY_QUARTERLY; frequency++)
    {
      g_autoptr(GkReport) report = gk_report_new_for_period (document, frequency, &today, &today, &error);

      g_assert_no_error (error);
      draw_every_page (report);
    }

  g_clear_object (&quarterly);
  g_clear_object (&monthly);
  g_clear_object (&analysis);
  g_clear_object (&document);
  sqlite3_close (db);
}

static void
draw_on (const char *year,
         int         day,
         int         month,
         int         today_year)
{
  g_test_message ("programme in the year %s, today %04d-%02d-%02d", year, today_year, month, day);
  draw_db_on (programme_in_year (year), day, month, today_year);
}

/* The demo programme (2024 to 2027) seen from the calendar's ends, as
 * --today lets anyone ask. */
static void
test_demo_from_the_edges (void)
{
  static const int days[][3] = { { 1, 1, 1 }, { 31, 12, 1 }, { 1, 1, 9999 }, { 31, 12, 9999 } };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      sqlite3 *db = fixture_db_new (FALSE);
      GDate written;

      g_date_clear (&written, 1);
      g_date_set_dmy (&written, 22, 11, 2026);
      g_assert_true (gk_demo_write (db, &written, &error));
      g_test_message ("the demo, today %04d-%02d-%02d", days[i][2], days[i][1], days[i][0]);
      draw_db_on (db, days[i][0], days[i][1], days[i][2]);
    }
}

static void
test_first_days (void)
{
  draw_on ("0001", 1, 1, 1);
  draw_on ("0001", 15, 6, 1);
  draw_on ("0001", 31, 12, 1);
}

static void
test_last_days (void)
{
  draw_on ("9999", 1, 1, 9999);
  draw_on ("9999", 31, 12, 9999);
}

/* Year 0 is in the schema but not in GDate: its dates read as unset. */
static void
test_year_zero (void)
{
  draw_on ("0000", 1, 1, 1);
  draw_on ("0000", 31, 12, 9999);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-edges/year-1", test_first_days);
  g_test_add_func ("/calendar-edges/year-9999", test_last_days);
  g_test_add_func ("/calendar-edges/year-0", test_year_zero);
  g_test_add_func ("/calendar-edges/demo", test_demo_from_the_edges);

  return g_test_run ();
}
