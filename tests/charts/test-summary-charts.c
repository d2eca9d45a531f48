/* test-summary-charts.c: headline banner, progress overview, topic coverage
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chart-fixtures.h"
#include "chart-test-utils.h"

static void
draw_headline (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_headline_chart_draw (ctx, data, area);
}

static void
draw_progress (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_progress_chart_draw (ctx, data, area);
}

static void
draw_coverage (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  gk_coverage_chart_draw (ctx, data, area);
}

static guint32
level_fill (GkLevel level, GkStyleVariant variant)
{
  return rgb_to_pixel (&gk_level_style_get (level, variant)->fill);
}

static guint32
status_fill (GkMeasureStatus status, GkStyleVariant variant)
{
  return rgb_to_pixel (&gk_measure_status_style (status, variant)->fill);
}

/* --- headline ----------------------------------------------------------- */

static void
test_headline (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (3, 12, 10, 3, 10);
  g_autoptr(GkChartContext) measure = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  int height = (int) gk_headline_chart_get_preferred_height (measure, &f->headline, width);
  Rendered *r = render_chart (draw_headline, &f->headline, width, height, GK_STYLE_VARIANT_LIGHT, NULL);
  const GkChartHitRegion *current = find_region (r->ctx, GK_CHART_HIT_HEADLINE_LEVEL, GK_LEVEL_VIGILANT, -1);
  const GkChartHitRegion *other = find_region (r->ctx, GK_CHART_HIT_HEADLINE_LEVEL, GK_LEVEL_SERIOUS, -1);
  guint32 ink = rgb_to_pixel (&gk_chart_context_get_palette (r->ctx)->foreground);
  GkChartRect above;

  g_assert_nonnull (current);
  g_assert_nonnull (other);
  /* the current level in full colour, raised and outlined; the others faded */
  g_assert_cmphex (dominant_colour (r, &current->rect), ==, level_fill (GK_LEVEL_VIGILANT, GK_STYLE_VARIANT_LIGHT));
  g_assert_cmpfloat (current->rect.height, >, other->rect.height);
  g_assert_true (rect_has_colour (r, &current->rect, ink));
  g_assert_cmphex (dominant_colour (r, &other->rect), !=, level_fill (GK_LEVEL_SERIOUS, GK_STYLE_VARIANT_LIGHT));
  /* an arrow points at it from above */
  above = (GkChartRect) { current->rect.x + current->rect.width / 2 - 4, current->rect.y - 8, 8, 6 };
  g_assert_true (rect_has_colour (r, &above, ink));

  g_assert_true (drew_text (r->ctx, "Better than the previous period"));
  g_assert_true (drew_text (r->ctx, "Latest assessment 14 Oct 2026"));
  g_assert_true (drew_text (r->ctx, "Headline grip level, Q4 2026"));
  assert_no_text_overlaps (r->ctx);
  assert_text_inside (r->ctx, r->width, r->height);

  rendered_free (r);
  chart_fixtures_free (f);
}

static void
test_headline_trend (void)
{
  GkHeadlineChartData data = { .level = GK_LEVEL_SERIOUS, .previous_level = GK_LEVEL_VIGILANT };
  Rendered *r = render_chart (draw_headline, &data, 900, 120, GK_STYLE_VARIANT_DARK, NULL);

  g_assert_true (drew_text (r->ctx, "Worse than the previous period"));
  g_assert_true (drew_text (r->ctx, "No assessments yet"));
  rendered_free (r);

  data.previous_level = GK_LEVEL_SERIOUS;
  r = render_chart (draw_headline, &data, 900, 120, GK_STYLE_VARIANT_DARK, NULL);
  g_assert_true (drew_text (r->ctx, "Same as the previous period"));
  rendered_free (r);

  data.level = GK_LEVEL_NONE;
  r = render_chart (draw_headline, &data, 900, 120, GK_STYLE_VARIANT_DARK, NULL);
  g_assert_true (drew_text (r->ctx, "Not assessed"));
  g_assert_true (drew_text (r->ctx, "No earlier period to compare with"));
  rendered_free (r);
}

static void
test_headline_dutch_pdf (void)
{
  ChartFixtures *f;
  g_autofree char *text = NULL;

  if (!use_dutch_locale ())
    return;
  f = chart_fixtures_new (3, 12, 10, 3, 10);
  text = export_pdf_text (draw_headline, &f->headline, 900, 120);
  if (text != NULL)
    g_assert_nonnull (strstr (text, "14 okt 2026"));
  chart_fixtures_free (f);
  use_c_locale ();
}

/* --- progress ----------------------------------------------------------- */

static void
test_progress (gconstpointer data)
{
  GkStyleVariant variant = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (3, 12, 10, 6, 10);
  g_autoptr(GkChartContext) measure = gk_chart_context_new (variant);
  int height = (int) gk_progress_chart_get_preferred_height (measure, &f->progress, 900);
  Rendered *r = render_chart (draw_progress, &f->progress, 900, height, variant, NULL);
  const GkChartHitRegion *done, *planned, *row;
  const GkProgressProject *p1 = &f->progress.projects[1];

  /* project 1: 5 done, 8 planned; segments in status colours, in proportion */
  g_assert_cmpuint (p1->counts[GK_MEASURE_STATUS_DONE], ==, 5);
  g_assert_cmpuint (p1->counts[GK_MEASURE_STATUS_PLANNED], ==, 8);
  done = find_region (r->ctx, GK_CHART_HIT_PROGRESS_SEGMENT, 1, GK_MEASURE_STATUS_DONE);
  planned = find_region (r->ctx, GK_CHART_HIT_PROGRESS_SEGMENT, 1, GK_MEASURE_STATUS_PLANNED);
  g_assert_nonnull (done);
  g_assert_nonnull (planned);
  g_assert_cmphex (dominant_colour (r, &done->rect), ==, status_fill (GK_MEASURE_STATUS_DONE, variant));
  g_assert_cmphex (dominant_colour (r, &planned->rect), ==, status_fill (GK_MEASURE_STATUS_PLANNED, variant));
  g_assert_cmpfloat (fabs (planned->rect.width / done->rect.width - 8.0 / 5.0), <, 0.1);
  /* done comes first */
  g_assert_cmpfloat (done->rect.x, <, planned->rect.x);
  /* project 0 has no measure done */
  g_assert_null (find_region (r->ctx, GK_CHART_HIT_PROGRESS_SEGMENT, 0, GK_MEASURE_STATUS_DONE));

  /* health chips in the colours of the matching level */
  row = find_region (r->ctx, GK_CHART_HIT_PROGRESS_PROJECT, 0, -1);          /* on track */
  g_assert_true (rect_has_colour (r, &row->rect, level_fill (GK_LEVEL_IN_CONTROL, variant)));
  g_assert_false (rect_has_colour (r, &row->rect, level_fill (GK_LEVEL_SERIOUS, variant)));
  row = find_region (r->ctx, GK_CHART_HIT_PROGRESS_PROJECT, 2, -1);          /* off track */
  g_assert_true (rect_has_colour (r, &row->rect, level_fill (GK_LEVEL_SERIOUS, variant)));

  g_assert_true (drew_text (r->ctx, "On track"));
  g_assert_true (drew_text (r->ctx, "Off track"));
  g_assert_true (drew_text (r->ctx, "Resultaatgericht inkopen"));
  g_assert_true (drew_text (r->ctx, "No owner"));
  g_assert_true (drew_text (r->ctx, "28"));      /* project 1's total */
  assert_no_text_overlaps (r->ctx);
  assert_text_inside (r->ctx, r->width, r->height);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* --- coverage ----------------------------------------------------------- */

static void
test_coverage (gconstpointer data)
{
  GkStyleVariant variant = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (8, 12, 10, 3, 10);
  g_autoptr(GkChartContext) measure = gk_chart_context_new (variant);
  int height = (int) gk_coverage_chart_get_preferred_height (measure, &f->coverage, 900);
  Rendered *r = render_chart (draw_coverage, &f->coverage, 900, height, variant, NULL);
  const GkChartHitRegion *row;

  /* topic 0 is Serious, topic 1 Vigilant, topic 2 In control, topic 3 not assessed */
  row = find_region (r->ctx, GK_CHART_HIT_COVERAGE_TOPIC, 0, -1);
  g_assert_true (rect_has_colour (r, &row->rect, level_fill (GK_LEVEL_SERIOUS, variant)));
  g_assert_false (rect_has_colour (r, &row->rect, level_fill (GK_LEVEL_IN_CONTROL, variant)));
  row = find_region (r->ctx, GK_CHART_HIT_COVERAGE_TOPIC, 2, -1);
  g_assert_true (rect_has_colour (r, &row->rect, level_fill (GK_LEVEL_IN_CONTROL, variant)));

  g_assert_nonnull (find_region (r->ctx, GK_CHART_HIT_COVERAGE_SEGMENT, 0, GK_MEASURE_STATUS_PLANNED));
  g_assert_null (find_region (r->ctx, GK_CHART_HIT_COVERAGE_SEGMENT, 3, GK_MEASURE_STATUS_PLANNED));
  g_assert_true (drew_text (r->ctx, "No measures"));
  g_assert_true (drew_text (r->ctx, "Not assessed"));
  g_assert_true (drew_text (r->ctx, "Contractmanagement"));
  assert_no_text_overlaps (r->ctx);
  assert_text_inside (r->ctx, r->width, r->height);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* A Serious topic that nothing planned or running aims at is called out. */
static void
test_coverage_uncovered (void)
{
  GkCoverageTopic topics[] = {
    { "Inkoop", GK_LEVEL_SERIOUS, { [GK_MEASURE_STATUS_DONE] = 2, [GK_MEASURE_STATUS_DROPPED] = 1 } },
    { "Financiën", GK_LEVEL_SERIOUS, { [GK_MEASURE_STATUS_IN_PROGRESS] = 1 } },
    { "Toegang", GK_LEVEL_SERIOUS, { 0 } },
  };
  GkCoverageChartData data = { topics, G_N_ELEMENTS (topics), FALSE };
  Rendered *r = render_chart (draw_coverage, &data, 700, 200, GK_STYLE_VARIANT_LIGHT, NULL);
  guint32 warning = rgb_to_pixel (&gk_chart_context_get_palette (r->ctx)->warning);
  GkChartRect row0 = find_region (r->ctx, GK_CHART_HIT_COVERAGE_TOPIC, 0, -1)->rect;
  GkChartRect row1 = find_region (r->ctx, GK_CHART_HIT_COVERAGE_TOPIC, 1, -1)->rect;

  g_assert_true (drew_text (r->ctx, "No active measure"));
  g_assert_true (rect_has_colour_near (r, &row0, warning, 0x18));
  g_assert_false (rect_has_colour_near (r, &row1, warning, 0x18));
  assert_no_text_overlaps (r->ctx);
  rendered_free (r);
}

/* --- a page of charts ---------------------------------------------------- */

typedef struct {
  ChartFixtures *f;
  GkChartRect    areas[6];
  guint          first_box[7];
} Page;

static void
draw_page (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  Page *page = data;
  ChartFixtures *f = page->f;
  guint n;

  gk_chart_context_set_today (ctx, &f->today);
  for (guint i = 0; i < 6; i++)
    {
      gk_chart_context_get_text_boxes (ctx, &page->first_box[i]);
      switch (i)
        {
        case 0: gk_roadmap_chart_draw (ctx, &f->roadmap, &page->areas[i]); break;
        case 1: gk_headline_chart_draw (ctx, &f->headline, &page->areas[i]); break;
        case 2: gk_indicator_chart_draw (ctx, &f->indicator, &page->areas[i]); break;
        case 3: gk_timeline_chart_draw (ctx, &f->timeline, &page->areas[i]); break;
        case 4: gk_progress_chart_draw (ctx, &f->progress, &page->areas[i]); break;
        default: gk_coverage_chart_draw (ctx, &f->coverage, &page->areas[i]); break;
        }
    }
  gk_chart_context_get_text_boxes (ctx, &n);
  page->first_box[6] = n;
}

/* A report puts several charts on a page: each stays inside its own area
 * and leaves the rest of the page alone. */
static void
test_page_of_charts (void)
{
  Page page = { chart_fixtures_new (6, 18, 24, 4, 30), {
    { 40, 30, 700, 330 },  { 800, 30, 760, 120 }, { 800, 160, 760, 200 },
    { 40, 400, 1100, 420 }, { 40, 860, 700, 260 }, { 800, 860, 760, 360 },
  }, { 0 } };
  Rendered *r = render_chart (draw_page, &page, 1600, 1250, GK_STYLE_VARIANT_LIGHT, NULL);
  guint n;
  const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (r->ctx, &n);

  for (guint i = 0; i < 6; i++)
    {
      const GkChartRect *a = &page.areas[i];

      g_assert_cmpuint (page.first_box[i + 1], >, page.first_box[i]);
      for (guint b = page.first_box[i]; b < page.first_box[i + 1]; b++)
        {
          const GkChartRect *box = &boxes[b].rect;

          if (box->x < a->x - 0.5 || box->y < a->y - 0.5 ||
              box->x + box->width > a->x + a->width + 0.5 || box->y + box->height > a->y + a->height + 0.5)
            g_error ("chart %u drew “%s” outside its area", i, boxes[b].text);
        }
    }
  assert_no_text_overlaps (r->ctx);
  /* the margins and the gaps between the areas stay blank */
  for (int y = 0; y < 1250; y += 7)
    {
      g_assert_cmphex (pixel_at (r, 20, y), ==, 0xffffff);
      g_assert_cmphex (pixel_at (r, 1580, y), ==, 0xffffff);
      if (y < 400 || y > 860)
        g_assert_cmphex (pixel_at (r, 770, y), ==, 0xffffff);
    }
  for (int x = 0; x < 1600; x += 7)
    {
      g_assert_cmphex (pixel_at (r, x, 15), ==, 0xffffff);
      g_assert_cmphex (pixel_at (r, x, 380), ==, 0xffffff);
      g_assert_cmphex (pixel_at (r, x, 840), ==, 0xffffff);
      g_assert_cmphex (pixel_at (r, x, 1235), ==, 0xffffff);
    }

  rendered_free (r);
  chart_fixtures_free (page.f);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  use_c_locale ();

  g_test_add_data_func ("/headline/wide", GINT_TO_POINTER (900), test_headline);
  g_test_add_data_func ("/headline/narrow", GINT_TO_POINTER (420), test_headline);
  g_test_add_func ("/headline/trend", test_headline_trend);
  g_test_add_func ("/headline/dutch-pdf", test_headline_dutch_pdf);
  g_test_add_data_func ("/progress/light", GINT_TO_POINTER (GK_STYLE_VARIANT_LIGHT), test_progress);
  g_test_add_data_func ("/progress/dark", GINT_TO_POINTER (GK_STYLE_VARIANT_DARK), test_progress);
  g_test_add_data_func ("/coverage/light", GINT_TO_POINTER (GK_STYLE_VARIANT_LIGHT), test_coverage);
  g_test_add_data_func ("/coverage/dark", GINT_TO_POINTER (GK_STYLE_VARIANT_DARK), test_coverage);
  g_test_add_func ("/coverage/uncovered", test_coverage_uncovered);
  g_test_add_func ("/page/several-charts", test_page_of_charts);

  return g_test_run ();
}
