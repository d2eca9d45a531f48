/* bench-charts.c: how long each chart takes to draw, with large data
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: run it by hand.
 *   bench-charts                 milliseconds per chart at 1920 x 1080
 *   bench-charts --only NAME     only the charts whose name starts with NAME
 *                                ("small" and "huge": the indicator with 100 and 100,000)
 *   bench-charts --png DIR       write preview images of every chart, light and dark
 *   bench-charts --timeline[=FILE]
 *                                the Gantt timeline of the large programme (of
 *                                bench-core --write-large=FILE, or made here):
 *                                a report page, the screen scrolled half-way,
 *                                and one step of a drag (a bar moved, redrawn)
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "chart-fixtures.h"
#include "gk-chart-export.h"
#include "gk-chart-model.h"
#include "gk-demo-private.h"
#include "gk-document-private.h"
#include "gk-schema.h"

#define RUNS 21

typedef void (*DrawFunc) (GkChartContext *ctx, const GkChartRect *area, gpointer data);

static void
draw_roadmap (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_roadmap_chart_draw (ctx, &((ChartFixtures *) data)->roadmap, area);
}

static void
draw_headline (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_headline_chart_draw (ctx, &((ChartFixtures *) data)->headline, area);
}

static void
draw_indicator (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_indicator_chart_draw (ctx, &((ChartFixtures *) data)->indicator, area);
}

static void
draw_timeline (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_timeline_chart_draw (ctx, &((ChartFixtures *) data)->timeline, area);
}

static void
draw_progress (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_progress_chart_draw (ctx, &((ChartFixtures *) data)->progress, area);
}

static void
draw_coverage (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_coverage_chart_draw (ctx, &((ChartFixtures *) data)->coverage, area);
}

static int
compare_doubles (const void *a, const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* Median milliseconds of RUNS drawings; warm keeps one context (as a
 * widget does), cold makes a new one for every drawing. */
static double
time_chart (DrawFunc draw, ChartFixtures *f, gboolean warm)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  GkChartContext *ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  GkChartRect area = { 0, 0, 1920, 1080 };
  double times[RUNS];

  gk_chart_context_set_today (ctx, &f->today);
  for (int run = 0; run < RUNS; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start;

      if (!warm)
        {
          gk_chart_context_free (ctx);
          ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
          gk_chart_context_set_today (ctx, &f->today);
        }
      start = g_get_monotonic_time ();
      gk_chart_context_begin (ctx, cr);
      gk_chart_context_paint_background (ctx, &area);
      draw (ctx, &area, f);
      gk_chart_context_end (ctx);
      cairo_surface_flush (surface);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  gk_chart_context_free (ctx);
  cairo_surface_destroy (surface);

  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

static void
run_benchmark (const char *only)
{
  ChartFixtures *large = chart_fixtures_new (12, 60, 120, 12, 400);
  ChartFixtures *huge = chart_fixtures_new (12, 60, 100000, 12, 400);
  ChartFixtures *small = chart_fixtures_new (12, 60, 100, 12, 400);
  struct {
    const char *name;
    DrawFunc draw;
    ChartFixtures *fixtures;
  } charts[] = {
    { "roadmap (12 topics x 60 months)", draw_roadmap, large },
    { "headline banner", draw_headline, large },
    { "indicator (120 measurements)", draw_indicator, large },
    { "timeline (12 projects, 400 measures)", draw_timeline, large },
    { "progress (12 projects)", draw_progress, large },
    { "coverage (12 topics)", draw_coverage, large },
  };
  double total_warm = 0, total_cold = 0;

  printf ("%-40s %10s %10s\n", "chart at 1920 x 1080, median of 21", "warm ms", "cold ms");
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      double warm;
      double cold;

      if (only != NULL && !g_str_has_prefix (charts[i].name, only))
        continue;
      warm = time_chart (charts[i].draw, charts[i].fixtures, TRUE);
      cold = time_chart (charts[i].draw, charts[i].fixtures, FALSE);

      total_warm += warm;
      total_cold += cold;
      printf ("%-40s %10.2f %10.2f\n", charts[i].name, warm, cold);
    }
  if (only == NULL)
    printf ("%-40s %10.2f %10.2f\n", "all six", total_warm, total_cold);
  if (only == NULL || g_str_equal (only, "small"))
    printf ("%-40s %10.2f %10.2f\n", "indicator, 100 measurements",
            time_chart (draw_indicator, small, TRUE), time_chart (draw_indicator, small, FALSE));
  if (only == NULL || g_str_equal (only, "huge"))
    printf ("%-40s %10.2f %10.2f\n", "indicator, 100,000 measurements",
            time_chart (draw_indicator, huge, TRUE), time_chart (draw_indicator, huge, FALSE));

  chart_fixtures_free (large);
  chart_fixtures_free (huge);
  chart_fixtures_free (small);
}

/* --- the timeline of the large programme ----------------------------------- */

typedef struct {
  GkTimelineChartData data;
  GkTimelineMeasure  *measures;   /* a copy to drag */
  guint               step;
} TimelineBench;

static void
draw_timeline_data (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_timeline_chart_draw (ctx, &((TimelineBench *) data)->data, area);
}

/* As the view draws a drag: one measure a day further on each frame. */
static void
draw_timeline_drag (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  TimelineBench *bench = data;
  GkTimelineMeasure *measure = &bench->measures[bench->data.n_measures / 2];

  if (g_date_valid (&measure->start))
    g_date_add_days (&measure->start, 1);
  if (g_date_valid (&measure->due))
    g_date_add_days (&measure->due, 1);
  bench->step++;
  gk_timeline_chart_draw (ctx, &bench->data, area);
}

static double
time_timeline (DrawFunc draw, TimelineBench *bench, const GDate *today)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  GkChartContext *ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  GkChartRect area = { 0, 0, 1920, 1080 };
  double times[RUNS];

  gk_chart_context_set_today (ctx, today);
  for (int run = 0; run < RUNS; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      gk_chart_context_begin (ctx, cr);
      gk_chart_context_paint_background (ctx, &area);
      draw (ctx, &area, bench);
      gk_chart_context_end (ctx);
      cairo_surface_flush (surface);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  gk_chart_context_free (ctx);
  cairo_surface_destroy (surface);
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

static void
run_timeline_benchmark (const char *path)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  sqlite3 *db = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkAnalysis) analysis = NULL;
  g_autoptr(GkChartModel) model = NULL;
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  GkChartRect screen = { 0, 0, 1920, 1080 };
  GkTimelineGeometry geometry;
  TimelineBench bench = { 0 };
  gint64 start;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);
  start = g_get_monotonic_time ();
  if (path != NULL)
    {
      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        g_error ("could not open %s", path);
    }
  else if (sqlite3_open (":memory:", &db) != SQLITE_OK || !gk_schema_create (db, &error) ||
           !gk_demo_write_large (db, &today, &error))
    g_error ("could not make the large programme: %s", error != NULL ? error->message : "?");
  document = gk_document_new_for_db (db, &error);
  if (document == NULL)
    g_error ("could not load: %s", error->message);
  analysis = gk_analysis_new (document, &today);
  model = gk_chart_model_new (document, analysis, GK_FREQUENCY_MONTHLY, 24);
  printf ("loaded %s in %.0f ms\n", path != NULL ? path : "the large programme",
          (g_get_monotonic_time () - start) / 1000.0);

  bench.data = *gk_chart_model_get_timeline (model);
  printf ("%u focus projects, %u measures, %u depends-on links\n",
          bench.data.n_projects, bench.data.n_measures, bench.data.n_links);
  bench.measures = g_memdup2 (bench.data.measures, MAX (bench.data.n_measures, 1) * sizeof (GkTimelineMeasure));
  bench.data.measures = bench.measures;

  printf ("%-40s %10s\n", "timeline at 1920 x 1080, median of 21", "ms");
  bench.data.n_rows = gk_timeline_chart_fit_rows (ctx, &bench.data, 1920, 0, 1080);
  printf ("%-40s %10.2f\n", "report page (first rows, to fit)", time_timeline (draw_timeline_data, &bench, &today));

  bench.data.n_rows = 0;
  bench.data.hide_legend = TRUE;
  bench.data.day_width = 1.0;
  gk_chart_context_set_today (ctx, &today);
  gk_timeline_chart_get_geometry (ctx, &bench.data, &screen, &geometry);
  bench.data.scroll_y = geometry.rows_height / 2;
  bench.data.scroll_x = geometry.range_width / 3;
  printf ("%-40s %10.2f\n", "screen, scrolled half-way", time_timeline (draw_timeline_data, &bench, &today));
  printf ("%-40s %10.2f\n", "drag step (a bar moved, redrawn)", time_timeline (draw_timeline_drag, &bench, &today));

  g_free (bench.measures);
  g_clear_object (&model);
  g_clear_object (&analysis);
  g_clear_object (&document);
  sqlite3_close (db);
}

/* --- previews ----------------------------------------------------------- */

static void
write_png (const char *dir, const char *name, GkStyleVariant variant,
           double width, double height, DrawFunc draw, ChartFixtures *f)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GkChartContext *ctx = gk_chart_context_new (variant);
  GkChartRect area = { 0, 0, width, height };
  g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, name,
                                           variant == GK_STYLE_VARIANT_DARK ? "dark" : "light");

  gk_chart_context_set_today (ctx, &f->today);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_paint_background (ctx, &area);
  draw (ctx, &area, f);
  gk_chart_context_end (ctx);
  gk_chart_context_free (ctx);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  printf ("%s\n", path);
}

static void
write_previews (const char *dir)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 22, 6, 40);
  ChartFixtures *big = chart_fixtures_new (12, 60, 100000, 12, 400);
  g_autoptr(GkChartContext) measure = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);

  gk_chart_context_set_today (measure, &f->today);
  for (int v = 0; v < 2; v++)
    {
      GkStyleVariant variant = v == 0 ? GK_STYLE_VARIANT_LIGHT : GK_STYLE_VARIANT_DARK;

      write_png (dir, "roadmap", variant, 1100, gk_roadmap_chart_get_preferred_height (measure, &f->roadmap, 1100),
                 draw_roadmap, f);
      write_png (dir, "headline", variant, 900, gk_headline_chart_get_preferred_height (measure, &f->headline, 900),
                 draw_headline, f);
      write_png (dir, "headline-narrow", variant, 420, gk_headline_chart_get_preferred_height (measure, &f->headline, 420),
                 draw_headline, f);
      write_png (dir, "indicator", variant, 900, 420, draw_indicator, f);
      write_png (dir, "timeline", variant, 1300, gk_timeline_chart_get_preferred_height (measure, &f->timeline, 1300),
                 draw_timeline, f);
      write_png (dir, "progress", variant, 900, gk_progress_chart_get_preferred_height (measure, &f->progress, 900),
                 draw_progress, f);
      write_png (dir, "coverage", variant, 900, gk_coverage_chart_get_preferred_height (measure, &f->coverage, 900),
                 draw_coverage, f);
    }
  write_png (dir, "roadmap-60", GK_STYLE_VARIANT_LIGHT, 1123,
             gk_roadmap_chart_get_preferred_height (measure, &big->roadmap, 1123), draw_roadmap, big);
  write_png (dir, "indicator-100k", GK_STYLE_VARIANT_LIGHT, 1200, 500, draw_indicator, big);
  write_png (dir, "timeline-400", GK_STYLE_VARIANT_LIGHT, 1600,
             gk_timeline_chart_get_preferred_height (measure, &big->timeline, 1600), draw_timeline, big);

  chart_fixtures_free (f);
  chart_fixtures_free (big);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--png"))
    write_previews (argv[2]);
  else if (argc == 2 && g_str_has_prefix (argv[1], "--timeline"))
    run_timeline_benchmark (argv[1][10] == '=' ? argv[1] + 11 : NULL);
  else if (argc == 3 && g_str_equal (argv[1], "--only"))
    run_benchmark (argv[2]);
  else
    run_benchmark (NULL);
  return 0;
}
