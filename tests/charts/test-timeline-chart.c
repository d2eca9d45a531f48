/* test-timeline-chart.c: lanes, bars, status styling, no overlapping text
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chart-fixtures.h"
#include "chart-test-utils.h"

static void
draw_timeline (GkChartContext    *ctx,
               const GkChartRect *area,
               gpointer           data)
{
  ChartFixtures *f = data;

  gk_chart_context_set_today (ctx, &f->today);
  gk_timeline_chart_draw (ctx, &f->timeline, area);
}

static Rendered *
render_timeline (ChartFixtures  *f,
                 int             width,
                 GkStyleVariant  variant)
{
  g_autoptr(GkChartContext) measure = gk_chart_context_new (variant);
  int height;

  gk_chart_context_set_today (measure, &f->today);
  height = (int) ceil (gk_timeline_chart_get_preferred_height (measure, &f->timeline, width));
  return render_chart (draw_timeline, f, width, height, variant, &f->today);
}

static const GkChartHitRegion *
bar_of (Rendered *r,
        guint     measure)
{
  return find_region (r->ctx, GK_CHART_HIT_TIMELINE_MEASURE, measure, -1);
}

/* The first measure that matches, with a bar at least min_width wide. */
static int
find_measure (ChartFixtures   *f,
              Rendered        *r,
              GkMeasureStatus  status,
              int              overdue,      /* 1 yes, 0 no, -1 either */
              double           min_width)
{
  for (guint m = 0; m < f->timeline.n_measures; m++)
    {
      const GkTimelineMeasure *measure = &f->measures[m];
      const GkChartHitRegion *bar = bar_of (r, m);

      if (measure->status != status || !g_date_valid (&measure->start) || bar == NULL ||
          bar->rect.width < min_width)
        continue;
      if (overdue >= 0 && gk_timeline_measure_is_overdue (measure, &f->today) != overdue)
        continue;
      if (status == GK_MEASURE_STATUS_IN_PROGRESS && (measure->progress < 30 || measure->progress > 70))
        continue;
      return (int) m;
    }
  g_assert_not_reached ();
  return -1;
}

static GkChartRect
inset (GkChartRect rect,
       double      by)
{
  return (GkChartRect) { rect.x + by, rect.y + by, rect.width - 2 * by, rect.height - 2 * by };
}

static void
test_status_styling (gconstpointer data)
{
  GkStyleVariant variant = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 60);
  Rendered *r = render_timeline (f, 1300, variant);
  const GkChartPalette *palette = gk_chart_context_get_palette (r->ctx);
  guint32 warning = rgb_to_pixel (&palette->warning);
  const GkChartHitRegion *bar;
  GkChartRect part;
  int m;

  /* done: its fill colour */
  m = find_measure (f, r, GK_MEASURE_STATUS_DONE, -1, 30);
  bar = bar_of (r, m);
  g_assert_cmphex (dominant_colour (r, &bar->rect), ==,
                   rgb_to_pixel (&gk_measure_status_style (GK_MEASURE_STATUS_DONE, variant)->fill));
  g_assert_false (rect_has_colour (r, &bar->rect, warning));

  /* overdue: outlined in the warning colour */
  m = find_measure (f, r, GK_MEASURE_STATUS_PLANNED, 1, 30);
  g_assert_true (rect_has_colour (r, &bar_of (r, m)->rect, warning));
  m = find_measure (f, r, GK_MEASURE_STATUS_PLANNED, 0, 30);
  g_assert_false (rect_has_colour (r, &bar_of (r, m)->rect, warning));

  /* in progress: filled as far as its progress, lighter beyond */
  m = find_measure (f, r, GK_MEASURE_STATUS_IN_PROGRESS, -1, 60);
  bar = bar_of (r, m);
  part = inset (bar->rect, 3);
  part.width = bar->rect.width * f->measures[m].progress / 100 - 6;
  g_assert_cmphex (dominant_colour (r, &part), ==,
                   rgb_to_pixel (&gk_measure_status_style (GK_MEASURE_STATUS_IN_PROGRESS, variant)->fill));
  part.x = bar->rect.x + bar->rect.width * f->measures[m].progress / 100 + 3;
  part.width = bar->rect.x + bar->rect.width - 3 - part.x;
  g_assert_false (rect_has_colour (r, &part,
                                   rgb_to_pixel (&gk_measure_status_style (GK_MEASURE_STATUS_IN_PROGRESS, variant)->fill)));

  /* dropped: faded, so not its full colour */
  m = find_measure (f, r, GK_MEASURE_STATUS_DROPPED, -1, 30);
  bar = bar_of (r, m);
  g_assert_false (rect_has_colour (r, &bar->rect,
                                   rgb_to_pixel (&gk_measure_status_style (GK_MEASURE_STATUS_DROPPED, variant)->fill)));

  rendered_free (r);
  chart_fixtures_free (f);
}

/* 12 lanes, 400 measures: bars never overlap, texts never overlap, and
 * everything fits in the preferred height. */
static void
test_large_timeline (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 12, 400);
  Rendered *r = render_timeline (f, width, GK_STYLE_VARIANT_LIGHT);
  guint n, n_bars = 0;
  const GkChartHitRegion *regions = gk_chart_context_get_hit_regions (r->ctx, &n);

  assert_no_text_overlaps (r->ctx);
  assert_text_inside (r->ctx, r->width, r->height);

  for (guint i = 0; i < n; i++)
    {
      if (regions[i].kind != GK_CHART_HIT_TIMELINE_MEASURE)
        continue;
      n_bars++;
      g_assert_cmpfloat (regions[i].rect.y + regions[i].rect.height, <=, r->height);
      for (guint j = i + 1; j < n; j++)
        if (regions[j].kind == GK_CHART_HIT_TIMELINE_MEASURE &&
            gk_chart_rect_intersects (&regions[i].rect, &regions[j].rect, 0.01))
          g_error ("bars of measures %d and %d overlap", regions[i].index, regions[j].index);
    }
  g_assert_cmpuint (n_bars, ==, 400);

  for (guint p = 0; p < f->timeline.n_projects; p++)
    {
      g_assert_true (drew_text (r->ctx, f->projects[p].name));
      if (f->projects[p].owner)
        g_assert_true (drew_text (r->ctx, f->projects[p].owner));
    }
  g_assert_true (drew_text (r->ctx, "No owner"));
  /* most measures are labelled, in full or shortened */
  g_assert_cmpuint (count_text_boxes (r->ctx), >, 300);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* A measure's bar sits in its own project's lane, between start and due. */
static void
test_bars_in_lanes (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 60);
  Rendered *r = render_timeline (f, 1300, GK_STYLE_VARIANT_LIGHT);

  for (guint m = 0; m < f->timeline.n_measures; m++)
    {
      const GkChartHitRegion *bar = bar_of (r, m);
      const GkChartHitRegion *lane = find_region (r->ctx, GK_CHART_HIT_TIMELINE_PROJECT, f->measures[m].project, -1);
      const GkChartHitRegion *hit;

      g_assert_nonnull (bar);
      g_assert_nonnull (lane);
      g_assert_cmpfloat (bar->rect.y, >=, lane->rect.y);
      g_assert_cmpfloat (bar->rect.y + bar->rect.height, <=, lane->rect.y + lane->rect.height);
      if (g_date_valid (&f->measures[m].start) && g_date_valid (&f->measures[m].due))
        {
          /* later dates further right, longer measures wider */
          g_assert_cmpfloat (bar->rect.width, >=, 6);
        }
      hit = gk_chart_context_hit_test (r->ctx, bar->rect.x + bar->rect.width / 2, bar->rect.y + bar->rect.height / 2);
      g_assert_nonnull (hit);
      g_assert_cmpint (gk_timeline_chart_hit_test (r->ctx, bar->rect.x + bar->rect.width / 2,
                                                   bar->rect.y + bar->rect.height / 2), ==, (int) m);
    }
  /* two measures of one project: the one that starts later lies further right */
  {
    GkChartRect a = bar_of (r, 0)->rect, b = bar_of (r, 6)->rect;   /* both project 0 */

    g_assert_cmpint (g_date_compare (&f->measures[0].start, &f->measures[6].start), <, 0);
    g_assert_cmpfloat (a.x, <, b.x);
  }
  g_assert_cmpint (gk_timeline_chart_hit_test (r->ctx, 2, 2), ==, -1);

  rendered_free (r);
  chart_fixtures_free (f);
}

static void
test_pdf_text (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 40);
  g_autofree char *text = export_pdf_text (draw_timeline, f, 1300, 620);

  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Grip op instroom jeugdhulp"));
      g_assert_nonnull (strstr (text, "Fatima el Amrani"));
      g_assert_nonnull (strstr (text, "Jeroen de Vries"));
      g_assert_nonnull (strstr (text, "No owner"));
      g_assert_nonnull (strstr (text, "Q1 2026"));
      g_assert_nonnull (strstr (text, "Overdue"));
    }
  chart_fixtures_free (f);
}

/* On a narrow page a long project name wraps into two lines instead of
 * losing its end to an ellipsis; its lane grows to hold them. */
static void
test_long_name_wraps (void)
{
  static const char *name = "Resultaatgericht contracteren jeugdhulp";
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 40);
  const GkChartTextBox *boxes;
  const GkChartTextBox *box = NULL;
  Rendered *r;
  guint n;

  f->projects[0].name = name;
  r = render_timeline (f, 700, GK_STYLE_VARIANT_LIGHT);
  assert_no_text_overlaps (r->ctx);
  boxes = gk_chart_context_get_text_boxes (r->ctx, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (boxes[i].text, name) == 0)
      box = &boxes[i];
  g_assert_nonnull (box);
  /* Two lines, and narrower than the name on one line would be. */
  g_assert_cmpfloat (box->rect.height, >, 1.8 * gk_chart_line_height (r->ctx, GK_CHART_FONT_BOLD));
  {
    double one_line;

    gk_chart_text_size (r->ctx, name, GK_CHART_FONT_BOLD, &one_line, NULL);
    g_assert_cmpfloat (box->rect.width, <, one_line);
  }
  rendered_free (r);
  chart_fixtures_free (f);
}

static void
test_overdue_rule (void)
{
  GkTimelineMeasure measure = { .status = GK_MEASURE_STATUS_IN_PROGRESS };
  GDate today = fixture_date (1, 6, 2026);

  measure.due = fixture_date (31, 5, 2026);
  g_assert_true (gk_timeline_measure_is_overdue (&measure, &today));
  measure.status = GK_MEASURE_STATUS_DONE;
  g_assert_false (gk_timeline_measure_is_overdue (&measure, &today));
  measure.status = GK_MEASURE_STATUS_PLANNED;
  measure.due = today;
  g_assert_false (gk_timeline_measure_is_overdue (&measure, &today));
  g_date_clear (&measure.due, 1);
  g_assert_false (gk_timeline_measure_is_overdue (&measure, &today));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  use_c_locale ();

  g_test_add_data_func ("/timeline/status/light", GINT_TO_POINTER (GK_STYLE_VARIANT_LIGHT), test_status_styling);
  g_test_add_data_func ("/timeline/status/dark", GINT_TO_POINTER (GK_STYLE_VARIANT_DARK), test_status_styling);
  g_test_add_data_func ("/timeline/large/a3", GINT_TO_POINTER (1587), test_large_timeline);
  g_test_add_data_func ("/timeline/large/a4", GINT_TO_POINTER (1123), test_large_timeline);
  g_test_add_data_func ("/timeline/large/narrow", GINT_TO_POINTER (700), test_large_timeline);
  g_test_add_func ("/timeline/lanes", test_bars_in_lanes);
  g_test_add_func ("/timeline/pdf-text", test_pdf_text);
  g_test_add_func ("/timeline/overdue", test_overdue_rule);
  g_test_add_func ("/timeline/long-name-wraps", test_long_name_wraps);

  return g_test_run ();
}
