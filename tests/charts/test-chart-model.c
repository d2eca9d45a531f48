/* test-chart-model.c: the charts show what the model and the grip engine say
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-chart-model.h"
#include "gk-demo.h"
#include "gk-session-charts.h"

static GkSession *session;
static GkDocument *document;
static GkAnalysis *analysis;
static GkChartModel *charts;
static char *demo_path;
static char *work_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
setup_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkClock) clock = NULL;
  g_autoptr(GFile) file = NULL;
  const char *dir = work_dir = g_dir_make_tmp ("gk-chart-model-XXXXXX", &error);
  GDate today;

  g_assert_no_error (error);
  /* The working copies go there too. */
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  demo_path = g_build_filename (dir, "demo.gripkaart", NULL);
  g_assert_true (gk_demo_write_file (demo_path, &today, &error));
  g_assert_no_error (error);

  clock = gk_clock_new_fixed (&today);
  session = gk_session_new (clock);
  file = g_file_new_for_path (demo_path);
  g_assert_true (gk_session_open (session, file, &error));
  g_assert_no_error (error);
  document = gk_session_get_document (session);
  analysis = gk_session_get_analysis (session);
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

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

/* One chart model per session, renewed with its analysis, gone on close. */
static void
test_session_charts (void)
{
  g_autoptr(GkSession) own = gk_session_new (gk_session_get_clock (session));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  g_autoptr(GError) error = NULL;
  GkSessionCharts *follower = gk_session_charts_get (own);
  GkChartModel *model;
  GDate day;
  guint renewed = 0;

  g_assert_true (gk_session_charts_get (own) == follower);
  g_assert_null (gk_session_charts_get_model (follower));
  g_signal_connect (follower, "notify::model", G_CALLBACK (count_notify_cb), &renewed);

  /* a copy of the demo, so the shared session's file stays as it is */
  g_assert_true (gk_session_open (own, file, &error));
  g_assert_no_error (error);
  model = gk_session_charts_get_model (follower);
  g_assert_nonnull (model);
  g_assert_cmpuint (renewed, ==, 1);
  g_assert_true (gk_chart_model_get_analysis (model) == gk_session_get_analysis (own));
  day = gk_session_get_today (own);
  g_assert_cmpint (g_date_compare (gk_chart_model_get_today (model), &day), ==, 0);

  gk_session_update_analysis (own);
  g_assert_cmpuint (renewed, ==, 2);
  g_assert_true (gk_chart_model_get_analysis (gk_session_charts_get_model (follower)) ==
                 gk_session_get_analysis (own));

  /* Until it is renewed, the model answers for its own snapshot: an
   * indicator added since has no chart yet, and no position. */
  {
    g_autoptr(GkIndicator) added = gk_indicator_new ();
    GkChartModel *old = gk_session_charts_get_model (follower);
    guint n = gk_chart_model_get_n_indicators (old);

    gk_indicator_set_name (added, "Doorlooptijd melding");
    gk_indicator_set_unit (added, GK_UNIT_WEEKS);
    gk_indicator_set_signal_serious (added, 8);
    gk_indicator_set_signal_control (added, 4);
    g_assert_true (gk_document_insert (gk_session_get_document (own), GK_RECORD (added), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (gk_chart_model_get_n_indicators (old), ==, n);
    g_assert_cmpint (gk_chart_model_lookup_indicator (old, gk_record_get_id (GK_RECORD (added))), ==, -1);
    g_assert_cmpint (gk_chart_model_find_indicator (old, "Doorlooptijd melding"), ==, -1);
    g_assert_true (gk_chart_model_get_indicator_record (old, n - 1) != NULL);
    gk_session_update_analysis (own);
    g_assert_cmpuint (renewed, ==, 3);
    g_assert_cmpint (gk_chart_model_lookup_indicator (gk_session_charts_get_model (follower),
                                                      gk_record_get_id (GK_RECORD (added))), ==, (int) n);
  }

  g_object_add_weak_pointer (G_OBJECT (gk_session_charts_get_model (follower)), (gpointer *) &model);
  model = gk_session_charts_get_model (follower);
  gk_session_close (own);
  g_assert_null (gk_session_charts_get_model (follower));
  g_assert_null (model);
  g_assert_cmpuint (renewed, ==, 4);
}

/* Charts never read the clock: a context has no today until one is given,
 * and the model gives its own (the analysis' unless set). */
static void
test_today_comes_from_the_model (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 300);
  cairo_t *cr = cairo_create (surface);
  GkChartRect area = { 0, 0, 600, 300 };
  GDate today, later, drawn;

  drawn = gk_chart_context_get_today (ctx);
  g_assert_false (g_date_valid (&drawn));

  today = *gk_analysis_get_today (analysis);
  g_assert_cmpint (g_date_compare (gk_chart_model_get_today (charts), &today), ==, 0);

  gk_chart_context_begin (ctx, cr);
  gk_chart_model_draw (charts, GK_CHART_KIND_TIMELINE, 0, ctx, &area);
  gk_chart_context_end (ctx);
  drawn = gk_chart_context_get_today (ctx);
  g_assert_cmpint (g_date_compare (&drawn, &today), ==, 0);

  /* The session's day moves on: the charts follow the model, not the clock. */
  g_date_clear (&later, 1);
  g_date_set_dmy (&later, 3, 12, 2026);
  gk_chart_model_set_today (charts, &later);
  g_assert_cmpint (g_date_compare (gk_chart_model_get_today (charts), &later), ==, 0);
  gk_chart_model_get_preferred_height (charts, GK_CHART_KIND_ROADMAP, 0, ctx, 600);
  drawn = gk_chart_context_get_today (ctx);
  g_assert_cmpint (g_date_compare (&drawn, &later), ==, 0);
  gk_chart_model_set_today (charts, NULL);
  g_assert_cmpint (g_date_compare (gk_chart_model_get_today (charts), &today), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Issue 13, item 3: the chart data is a snapshot, refreshed at idle. An
 * indicator added or deleted since must not make a position point past the
 * charts (the tooltip crashed on NULL) or at another indicator's chart. */
static void
test_indicators_are_a_snapshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkSession) own = gk_session_new (gk_session_get_clock (session));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  g_autoptr(GkChartModel) snapshot = NULL;
  g_autoptr(GkIndicator) added = gk_indicator_new ();
  g_autoptr(GkIndicator) first = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GkDocument *doc;
  GListModel *live;
  guint n;

  g_assert_true (gk_session_open (own, file, &error));
  g_assert_no_error (error);
  doc = gk_session_get_document (own);
  snapshot = gk_chart_model_new (doc, gk_session_get_analysis (own), GK_FREQUENCY_MONTHLY, 24);
  live = gk_document_get_indicators (doc);
  n = gk_chart_model_get_n_indicators (snapshot);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (live));
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = gk_record_get_id (GK_RECORD (gk_chart_model_get_indicator_record (snapshot, i)));

      g_array_append_val (ids, id);
    }

  /* Added after the snapshot: not among its charts. */
  gk_indicator_set_name (added, "Added after the charts were made");
  g_assert_true (gk_document_insert (doc, GK_RECORD (added), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, n + 1);
  g_assert_cmpint (gk_chart_model_lookup_indicator (snapshot, gk_record_get_id (GK_RECORD (added))), ==, -1);
  g_assert_cmpint (gk_chart_model_find_indicator (snapshot, "Added after the charts were made"), ==, -1);

  /* The first deleted: every other keeps its own chart. */
  first = g_list_model_get_item (live, 0);
  g_assert_true (gk_document_delete (doc, GK_RECORD (first), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_assert_cmpint (gk_chart_model_lookup_indicator (snapshot, id), ==, (int) i);
      g_assert_nonnull (gk_chart_model_get_indicator (snapshot, i));
      g_assert_cmpint (gk_record_get_id (GK_RECORD (gk_chart_model_get_indicator_record (snapshot, i))), ==, id);
    }

  g_clear_object (&snapshot);
  gk_session_close (own);
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
  g_test_add_func ("/chart-model/session-charts", test_session_charts);
  g_test_add_func ("/chart-model/today", test_today_comes_from_the_model);
  g_test_add_func ("/chart-model/indicators-are-a-snapshot", test_indicators_are_a_snapshot);

  status = g_test_run ();
  g_clear_object (&charts);
  g_clear_object (&session);
  remove_tree (work_dir);
  g_free (work_dir);
  g_free (demo_path);
  return status;
}
