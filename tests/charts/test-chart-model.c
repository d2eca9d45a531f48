/* test-chart-model.c: the charts show what the model and the grip engine say
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-chart-model.h"
#include "gk-demo.h"
#include "gk-schema.h"
#include "gk-document-private.h"
#include "gk-demo-private.h"

static sqlite3 *db;
static GkDocument *document;
static GkAnalysis *analysis;
static GkChartModel *charts;

static void
setup_demo (void)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_assert_true (gk_schema_create (db, &error));
  g_assert_true (gk_demo_write (db, &today, &error));
  document = gk_document_new_for_db (db, &error);
  g_assert_no_error (error);
  analysis = gk_analysis_new (document, &today);
  charts = gk_chart_model_new (document, analysis, GK_FREQUENCY_MONTHLY, 24);
}

static void
test_roadmap_matches_analysis (void)
{
  const GkRoadmapChartData *roadmap = gk_chart_model_get_roadmap (charts);
  const GkRoadmapPeriod *last;

  g_assert_cmpuint (roadmap->n_topics, ==, gk_analysis_get_n_topics (analysis));
  /* the demo has at least 18 months of assessments; at most 24 are shown */
  g_assert_cmpuint (roadmap->n_periods, >=, 18);
  g_assert_cmpuint (roadmap->n_periods, <=, 24);
  last = &roadmap->periods[roadmap->n_periods - 1];
  g_assert_cmpint (g_date_get_month (&last->start), ==, 11);
  g_assert_cmpint (g_date_get_year (&last->start), ==, 2026);
  g_assert_cmpint (last->headline, ==, gk_analysis_get_headline (analysis));

  for (guint t = 0; t < roadmap->n_topics; t++)
    {
      g_assert_cmpstr (roadmap->topics[t].name, ==,
                       gk_topic_get_name (gk_chart_model_get_roadmap_topic (charts, t)));
      /* the last column is today's level */
      g_assert_cmpint (roadmap->topics[t].levels[roadmap->n_periods - 1], ==,
                       gk_analysis_get_topic (analysis, t)->assessed);
    }
}

static void
test_counts_add_up (void)
{
  const GkTimelineChartData *timeline = gk_chart_model_get_timeline (charts);
  const GkProgressChartData *progress = gk_chart_model_get_progress (charts);
  const GkCoverageChartData *coverage = gk_chart_model_get_coverage (charts);
  guint n_measures = g_list_model_get_n_items (gk_document_get_measures (document));
  guint n_targets = g_list_model_get_n_items (gk_document_get_measure_targets (document));
  guint in_progress = 0, on_topics = 0;

  g_assert_cmpuint (timeline->n_projects, ==, 7);
  g_assert_cmpuint (timeline->n_measures, ==, n_measures);
  for (guint p = 0; p < progress->n_projects; p++)
    for (guint s = 0; s < GK_MEASURE_STATUS_COUNT; s++)
      in_progress += progress->projects[p].counts[s];
  g_assert_cmpuint (in_progress, ==, n_measures);
  for (guint t = 0; t < coverage->n_topics; t++)
    for (guint s = 0; s < GK_MEASURE_STATUS_COUNT; s++)
      on_topics += coverage->topics[t].counts[s];
  g_assert_cmpuint (on_topics, ==, n_targets);

  /* every lane names its owner */
  for (guint p = 0; p < timeline->n_projects; p++)
    g_assert_nonnull (timeline->projects[p].owner);
}

static void
test_indicators (void)
{
  int waiting = gk_chart_model_find_indicator (charts, "wachttijd jeugdhulp in weken");
  const GkIndicatorChartData *data;

  g_assert_cmpint (waiting, >=, 0);
  g_assert_cmpint (gk_chart_model_find_indicator (charts, "no such indicator"), ==, -1);
  data = gk_chart_model_get_indicator (charts, waiting);
  g_assert_cmpuint (data->n_points, ==, 24);
  g_assert_true (data->has_signals);
  g_assert_cmpint (data->direction, ==, GK_DIRECTION_LOWER_IS_BETTER);
  for (guint i = 1; i < data->n_points; i++)
    g_assert_cmpint (g_date_compare (&data->points[i - 1].date, &data->points[i].date), <, 0);
}

/* What the roadmap draws in Toegang's last cell is the Serious fill. */
static void
test_roadmap_cell_pixel (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 500);
  cairo_t *cr = cairo_create (surface);
  GkChartContext *ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  GkChartRect area = { 0, 0, 1200, 500 };
  const GkChartHitRegion *regions;
  guint n_regions, hits = 0;

  gk_chart_context_begin (ctx, cr);
  gk_chart_context_paint_background (ctx, &area);
  gk_chart_model_draw (charts, GK_CHART_KIND_ROADMAP, 0, ctx, &area);
  gk_chart_context_end (ctx);
  cairo_surface_flush (surface);

  regions = gk_chart_context_get_hit_regions (ctx, &n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      const GkChartHitRegion *r = &regions[i];
      guchar *data = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      guint32 pixel;
      int x, y;

      /* Toegang is topic 1; its last cell */
      if (r->kind != GK_CHART_HIT_ROADMAP_CELL || r->index != 1 ||
          r->sub_index != (int) gk_chart_model_get_roadmap (charts)->n_periods - 1)
        continue;
      hits++;
      /* a corner pixel: away from the label and the hatching lines' centre */
      x = (int) (r->rect.x + 2);
      y = (int) (r->rect.y + r->rect.height / 2);
      pixel = *(guint32 *) (gpointer) (data + y * stride + x * 4);
      /* the fill or the hatch over it: red clearly dominates */
      g_assert_cmpint ((pixel >> 16) & 0xff, >, ((pixel >> 8) & 0xff) + 60);
    }
  g_assert_cmpuint (hits, ==, 1);

  gk_chart_context_free (ctx);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setup_demo ();

  g_test_add_func ("/chart-model/roadmap", test_roadmap_matches_analysis);
  g_test_add_func ("/chart-model/counts", test_counts_add_up);
  g_test_add_func ("/chart-model/indicators", test_indicators);
  g_test_add_func ("/chart-model/roadmap-pixel", test_roadmap_cell_pixel);

  status = g_test_run ();
  g_clear_object (&charts);
  g_clear_object (&analysis);
  g_clear_object (&document);
  sqlite3_close (db);
  return status;
}
