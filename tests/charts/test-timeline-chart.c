/* test-timeline-chart.c: a row per measure, whole titles, diamonds, arrows,
 * the today line, status styling, no overlapping text
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
  return find_region (r->ctx, GK_CHART_HIT_TIMELINE_MEASURE, measure, GK_TIMELINE_PART_BAR);
}

static const GkChartHitRegion *
title_of (Rendered *r,
          guint     measure)
{
  return find_region (r->ctx, GK_CHART_HIT_TIMELINE_MEASURE, measure, GK_TIMELINE_PART_TITLE);
}

static const GkChartTextBox *
text_box (Rendered   *r,
          const char *text)
{
  guint n;
  const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (r->ctx, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (boxes[i].text, text) == 0)
      return &boxes[i];
  return NULL;
}

/* The box a title was drawn in holds all of it. */
static void
assert_title_whole (Rendered   *r,
                    const char *title)
{
  const GkChartTextBox *box = text_box (r, title);

  if (box == NULL)
    g_error ("title “%s” not drawn", title);
  if (gk_chart_text_wrapped_height (r->ctx, title, GK_CHART_FONT_SMALL, box->rect.width + 1, 100) >
      box->rect.height + 0.5)
    g_error ("title “%s” cut: %.1f high in a box of %.1f (%.1f wide at %.1f,%.1f)", title,
             gk_chart_text_wrapped_height (r->ctx, title, GK_CHART_FONT_SMALL, box->rect.width + 1, 100),
             box->rect.height, box->rect.width, box->rect.x, box->rect.y);
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

  /* a row each: every measure's title, and its bar or diamond, in one
   * band of height that no other measure's title shares */
  for (guint i = 0; i < n; i++)
    {
      const GkChartHitRegion *row;

      if (regions[i].kind != GK_CHART_HIT_TIMELINE_MEASURE ||
          (regions[i].sub_index != GK_TIMELINE_PART_BAR && regions[i].sub_index != GK_TIMELINE_PART_MILESTONE))
        continue;
      n_bars++;
      row = title_of (r, regions[i].index);
      g_assert_nonnull (row);
      g_assert_cmpfloat (regions[i].rect.y, >=, row->rect.y);
      g_assert_cmpfloat (regions[i].rect.y + regions[i].rect.height, <=, row->rect.y + row->rect.height);
    }
  g_assert_cmpuint (n_bars, ==, 400);
  for (guint m = 0; m < 400; m++)
    for (guint k = m + 1; k < 400; k++)
      g_assert_false (gk_chart_rect_intersects (&title_of (r, m)->rect, &title_of (r, k)->rect, 0.01));

  for (guint p = 0; p < f->timeline.n_projects; p++)
    {
      g_assert_true (drew_text (r->ctx, f->projects[p].name));
      if (f->projects[p].owner)
        g_assert_true (drew_text (r->ctx, f->projects[p].owner));
    }
  g_assert_true (drew_text (r->ctx, "No owner"));
  for (guint m = 0; m < 400; m++)
    assert_title_whole (r, f->measures[m].title);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* Each project's row comes first, then its measures' rows; a bar runs
 * from its start to its due date on the axis shared by all rows. */
static void
test_rows_under_projects (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 60);
  Rendered *r = render_timeline (f, 1300, GK_STYLE_VARIANT_LIGHT);

  for (guint m = 0; m < f->timeline.n_measures; m++)
    {
      guint p = f->measures[m].project;
      const GkChartHitRegion *row = title_of (r, m);
      const GkChartHitRegion *project = find_region (r->ctx, GK_CHART_HIT_TIMELINE_PROJECT, p, -1);
      const GkChartHitRegion *next = find_region (r->ctx, GK_CHART_HIT_TIMELINE_PROJECT, p + 1, -1);
      const GkChartHitRegion *bar = bar_of (r, m);

      g_assert_nonnull (row);
      g_assert_nonnull (project);
      g_assert_cmpfloat (row->rect.y, >=, project->rect.y + project->rect.height - 0.5);
      if (next != NULL)
        g_assert_cmpfloat (row->rect.y + row->rect.height, <=, next->rect.y + 0.5);
      if (bar != NULL)
        g_assert_cmpint (gk_timeline_chart_hit_test (r->ctx, bar->rect.x + bar->rect.width / 2,
                                                     bar->rect.y + bar->rect.height / 2), ==, (int) m);
    }
  /* the same length, the same width; later, further right */
  {
    GkChartRect a = bar_of (r, 0)->rect, b = bar_of (r, 6)->rect;
    int days_a = g_date_days_between (&f->measures[0].start, &f->measures[0].due) + 1;
    int days_b = g_date_days_between (&f->measures[6].start, &f->measures[6].due) + 1;

    g_assert_cmpint (g_date_compare (&f->measures[0].start, &f->measures[6].start), <, 0);
    g_assert_cmpfloat (a.x, <, b.x);
    g_assert_cmpfloat (fabs (a.width / days_a - b.width / days_b), <, 0.01);
  }
  g_assert_cmpint (gk_timeline_chart_hit_test (r->ctx, 2, 2), ==, -1);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* A measure with only a due date is a diamond on that date, centred on
 * the middle of the day; its row has no bar. */
static void
test_diamond (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 60);
  Rendered *r = render_timeline (f, 1300, GK_STYLE_VARIANT_LIGHT);
  const GkChartPalette *palette = gk_chart_context_get_palette (r->ctx);
  guint m = 7;                                      /* m % 23 == 7: no start */
  const GkChartHitRegion *diamond = find_region (r->ctx, GK_CHART_HIT_TIMELINE_MEASURE, m, GK_TIMELINE_PART_MILESTONE);
  const GkChartHitRegion *done = bar_of (r, 0);
  double cx, cy, day;

  g_assert_false (g_date_valid (&f->measures[m].start));
  g_assert_nonnull (diamond);
  g_assert_null (bar_of (r, m));
  cx = diamond->rect.x + diamond->rect.width / 2;
  cy = diamond->rect.y + diamond->rect.height / 2;
  /* inside: not the background; the corners of its box: background */
  g_assert_cmphex (pixel_at (r, (int) cx, (int) cy), !=, rgb_to_pixel (&palette->background));
  g_assert_cmphex (pixel_at (r, (int) diamond->rect.x + 1, (int) diamond->rect.y + 1), ==,
                   rgb_to_pixel (&palette->background));
  /* on its due date: as far from measure 0's start as the days between */
  day = done->rect.width / (g_date_days_between (&f->measures[0].start, &f->measures[0].due) + 1);
  g_assert_cmpfloat (fabs (cx - (done->rect.x + (g_date_days_between (&f->measures[0].start, &f->measures[m].due) + 0.5) * day)),
                     <, 1.0);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* "Depends on" is an arrow into the start of the dependent measure; in the
 * warning colour when it starts before the other ends. */
static void
test_dependency_arrows (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 60);
  GkTimelineLink links[2];
  const GkChartPalette *palette;
  const GkChartHitRegion *fine, *late;
  Rendered *r;

  /* measure 6 starts after 0 ends; 18 starts before 6 ends (all three in
   * the first project) */
  g_assert_cmpint (g_date_compare (&f->measures[6].start, &f->measures[0].due), >, 0);
  g_assert_cmpint (g_date_compare (&f->measures[18].start, &f->measures[6].due), <, 0);
  links[0] = (GkTimelineLink) { .measure = 6, .depends_on = 0 };
  links[1] = (GkTimelineLink) { .measure = 18, .depends_on = 6 };
  f->timeline.links = links;
  f->timeline.n_links = 2;
  g_assert_false (gk_timeline_link_is_violated (&f->timeline, &links[0]));
  g_assert_true (gk_timeline_link_is_violated (&f->timeline, &links[1]));

  r = render_timeline (f, 1300, GK_STYLE_VARIANT_LIGHT);
  palette = gk_chart_context_get_palette (r->ctx);
  fine = find_region (r->ctx, GK_CHART_HIT_TIMELINE_LINK, 0, FALSE);
  late = find_region (r->ctx, GK_CHART_HIT_TIMELINE_LINK, 1, TRUE);
  g_assert_nonnull (fine);
  g_assert_nonnull (late);
  /* the arrowheads end where the dependent bars begin, in their rows */
  g_assert_cmpfloat (fabs (fine->rect.x + fine->rect.width - bar_of (r, 6)->rect.x), <, 1);
  g_assert_cmpfloat (fabs (late->rect.x + late->rect.width - bar_of (r, 18)->rect.x), <, 1);
  g_assert_true (rect_has_colour (r, &late->rect, rgb_to_pixel (&palette->warning)));
  g_assert_false (rect_has_colour (r, &fine->rect, rgb_to_pixel (&palette->warning)));
  g_assert_true (rect_has_colour (r, &fine->rect, rgb_to_pixel (&palette->foreground_dim)));

  rendered_free (r);
  chart_fixtures_free (f);
}

/* The today line stands in the middle of today, over every row. */
static void
test_today_line (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 60);
  Rendered *r;
  const GkChartHitRegion *line, *bar;
  double day;

  f->today = f->measures[0].start;
  r = render_timeline (f, 1300, GK_STYLE_VARIANT_LIGHT);
  line = find_region (r->ctx, GK_CHART_HIT_TIMELINE_TODAY, 0, -1);
  bar = bar_of (r, 0);
  g_assert_nonnull (line);
  day = bar->rect.width / (g_date_days_between (&f->measures[0].start, &f->measures[0].due) + 1);
  g_assert_cmpfloat (fabs (line->rect.x + line->rect.width / 2 - (bar->rect.x + day / 2)), <, 0.5);
  g_assert_cmpfloat (line->rect.y, <=, find_region (r->ctx, GK_CHART_HIT_TIMELINE_PROJECT, 0, -1)->rect.y);
  g_assert_cmpfloat (line->rect.y + line->rect.height, >=, title_of (r, f->timeline.n_measures - 1)->rect.y);
  g_assert_true (rect_has_colour (r, &line->rect, rgb_to_pixel (&gk_chart_context_get_palette (r->ctx)->accent)));

  rendered_free (r);
  chart_fixtures_free (f);
}

/* A report's pages take slices of rows: together every row once, each
 * within the page; a scrolled screen draws only the rows in view. */
static void
test_slices_and_scrolling (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 12, 400);
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  guint n_rows = gk_timeline_chart_get_n_rows (&f->timeline), row = 0, pages = 0;
  GkTimelineGeometry geometry;
  GkChartRect screen = { 0, 0, 1600, 700 };

  g_assert_cmpuint (n_rows, ==, 412);
  while (row < n_rows)
    {
      GkTimelineChartData slice = f->timeline;
      guint n = gk_timeline_chart_fit_rows (ctx, &f->timeline, 1000, row, 900);

      slice.first_row = row;
      slice.n_rows = n;
      g_assert_cmpuint (n, >, 5);
      g_assert_cmpfloat (gk_timeline_chart_get_preferred_height (ctx, &slice, 1000), <=, 900);
      row += n;
      pages++;
    }
  g_assert_cmpuint (row, ==, n_rows);
  g_assert_cmpuint (pages, >, 1);

  f->timeline.day_width = 2;
  f->timeline.hide_legend = TRUE;
  gk_timeline_chart_get_geometry (ctx, &f->timeline, &screen, &geometry);
  g_assert_cmpfloat (geometry.rows_height, >, 5 * screen.height);
  g_assert_cmpfloat (geometry.range_width, >, geometry.plot_width);
  f->timeline.scroll_y = geometry.rows_height / 2;
  {
    Rendered *r = render_chart (draw_timeline, f, (int) screen.width, (int) screen.height, GK_STYLE_VARIANT_LIGHT, &f->today);
    guint titles = 0;

    for (guint m = 0; m < 400; m++)
      if (title_of (r, m) != NULL)
        {
          const GkChartHitRegion *t = title_of (r, m);

          titles++;
          g_assert_cmpfloat (t->rect.y + t->rect.height, >, geometry.axis_height);
          g_assert_cmpfloat (t->rect.y, <, screen.height);
        }
    g_assert_cmpuint (titles, >, 10);
    g_assert_cmpuint (titles, <, 60);
    /* the first project's row has scrolled away */
    g_assert_null (find_region (r->ctx, GK_CHART_HIT_TIMELINE_PROJECT, 0, -1));
    rendered_free (r);
  }
  chart_fixtures_free (f);
}

/* In a PDF every title is text, whole: no ellipsis anywhere. */
static void
test_pdf_text (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 40);
  g_autoptr(GkChartContext) measure = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  int height = (int) ceil (gk_timeline_chart_get_preferred_height (measure, &f->timeline, 1300));
  g_autofree char *text = export_pdf_text (draw_timeline, f, 1300, height);

  if (text != NULL)
    {
      g_strdelimit (text, "\n", ' ');
      g_assert_nonnull (strstr (text, "Grip op instroom jeugdhulp"));
      g_assert_nonnull (strstr (text, "Fatima el Amrani"));
      g_assert_nonnull (strstr (text, "Jeroen de Vries"));
      g_assert_nonnull (strstr (text, "No owner"));
      g_assert_nonnull (strstr (text, "2026"));
      g_assert_nonnull (strstr (text, "Overdue"));
      g_assert_null (strstr (text, "…"));
      for (guint m = 0; m < f->timeline.n_measures; m++)
        if (strstr (text, f->measures[m].title) == NULL)
          g_error ("“%s” is not in the PDF", f->measures[m].title);
    }
  chart_fixtures_free (f);
}

/* On a narrow page a long project name wraps into two lines instead of
 * losing its end to an ellipsis; its row grows to hold them. */
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
  r = render_timeline (f, 480, GK_STYLE_VARIANT_LIGHT);
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

/* A measure's long title wraps in its row, whole, on a narrow page. */
static void
test_long_title_wraps (void)
{
  static const char *title = "Een heel lange titel van een maatregel die op een smalle pagina "
                             "over meer regels moet lopen zonder dat er iets van wegvalt";
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 6, 40);
  Rendered *r;

  f->measures[3].title = title;
  r = render_timeline (f, 700, GK_STYLE_VARIANT_LIGHT);
  assert_no_text_overlaps (r->ctx);
  assert_title_whole (r, title);
  g_assert_cmpfloat (text_box (r, title)->rect.height, >, 1.8 * gk_chart_line_height (r->ctx, GK_CHART_FONT_SMALL));
  g_assert_cmpfloat (title_of (r, 3)->rect.height, >=, text_box (r, title)->rect.height);
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
  g_test_add_func ("/timeline/rows", test_rows_under_projects);
  g_test_add_func ("/timeline/diamond", test_diamond);
  g_test_add_func ("/timeline/arrows", test_dependency_arrows);
  g_test_add_func ("/timeline/today-line", test_today_line);
  g_test_add_func ("/timeline/slices-and-scrolling", test_slices_and_scrolling);
  g_test_add_func ("/timeline/long-title-wraps", test_long_title_wraps);
  g_test_add_func ("/timeline/pdf-text", test_pdf_text);
  g_test_add_func ("/timeline/overdue", test_overdue_rule);
  g_test_add_func ("/timeline/long-name-wraps", test_long_name_wraps);

  return g_test_run ();
}
