/* test-roadmap-chart.c: the roadmap matrix draws each level where it belongs
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chart-fixtures.h"
#include "chart-test-utils.h"

static void
draw_roadmap (GkChartContext    *ctx,
              const GkChartRect *area,
              gpointer           data)
{
  ChartFixtures *f = data;

  gk_chart_context_set_today (ctx, &f->today);
  gk_roadmap_chart_draw (ctx, &f->roadmap, area);
}

static Rendered *
render_roadmap (ChartFixtures  *f,
                int             width,
                GkStyleVariant  variant)
{
  g_autoptr(GkChartContext) measure = gk_chart_context_new (variant);
  int height = (int) ceil (gk_roadmap_chart_get_preferred_height (measure, &f->roadmap, width));

  return render_chart (draw_roadmap, f, width, height, variant, &f->today);
}

/* The middle of a cell, clear of the row gap. */
static GkChartRect
cell_rect (Rendered *r,
           GkChartHitKind kind,
           int topic,
           int period)
{
  const GkChartHitRegion *region = find_region (r->ctx, kind, topic, period);
  GkChartRect rect;

  g_assert_nonnull (region);
  rect = region->rect;
  rect.x += 2;
  rect.width -= 4;
  rect.y += 2;
  rect.height -= 6;
  return rect;
}

static guint32
level_fill (GkLevel level, GkStyleVariant variant)
{
  return rgb_to_pixel (&gk_level_style_get (level, variant)->fill);
}

/* Topic 2 is Serious in periods 0-9 and Vigilant in 10-15; topic 0 is In
 * control from period 8; topic 4 is not assessed in periods 0-1. */
static void
test_cell_colours (gconstpointer data)
{
  GkStyleVariant variant = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 3, 10);
  Rendered *r = render_roadmap (f, 1100, variant);
  GkChartRect cell;

  g_assert_cmpint (f->roadmap.topics[2].levels[3], ==, GK_LEVEL_SERIOUS);
  cell = cell_rect (r, GK_CHART_HIT_ROADMAP_CELL, 2, 3);
  g_assert_cmphex (dominant_colour (r, &cell), ==, level_fill (GK_LEVEL_SERIOUS, variant));
  cell = cell_rect (r, GK_CHART_HIT_ROADMAP_CELL, 2, 12);
  g_assert_cmphex (dominant_colour (r, &cell), ==, level_fill (GK_LEVEL_VIGILANT, variant));
  cell = cell_rect (r, GK_CHART_HIT_ROADMAP_CELL, 0, 12);
  g_assert_cmphex (dominant_colour (r, &cell), ==, level_fill (GK_LEVEL_IN_CONTROL, variant));
  cell = cell_rect (r, GK_CHART_HIT_ROADMAP_CELL, 4, 0);
  g_assert_cmphex (dominant_colour (r, &cell), ==, level_fill (GK_LEVEL_NONE, variant));

  /* the headline row is the worst level of the period */
  cell = cell_rect (r, GK_CHART_HIT_ROADMAP_HEADLINE, -1, 3);
  g_assert_cmphex (dominant_colour (r, &cell), ==, level_fill (GK_LEVEL_SERIOUS, variant));

  /* a future period is left blank: no level colour at all */
  cell = cell_rect (r, GK_CHART_HIT_ROADMAP_CELL, 2, 20);
  for (GkLevel level = GK_LEVEL_SERIOUS; level <= GK_LEVEL_IN_CONTROL; level++)
    g_assert_false (rect_has_colour (r, &cell, level_fill (level, variant)));

  rendered_free (r);
  chart_fixtures_free (f);
}

/* Patterns included, each level's cells differ in lightness, so a
 * grey-scale print keeps them apart. */
static void
test_lightness_apart (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 3, 10);
  Rendered *r = render_roadmap (f, 1100, GK_STYLE_VARIANT_LIGHT);
  const int cells[][2] = { { 4, 0 }, { 2, 3 }, { 2, 12 }, { 0, 12 } };   /* none, serious, vigilant, in control */
  double lightness[G_N_ELEMENTS (cells)];

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      GkChartRect cell = cell_rect (r, GK_CHART_HIT_ROADMAP_CELL, cells[i][0], cells[i][1]);

      g_assert_cmpint (f->roadmap.topics[cells[i][0]].levels[cells[i][1]], ==, (GkLevel) i);
      lightness[i] = mean_luminance (r, &cell);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (cells); j++)
      if (fabs (lightness[i] - lightness[j]) < 0.1)
        g_error ("levels %u and %u print too alike: %.3f and %.3f", i, j, lightness[i], lightness[j]);

  rendered_free (r);
  chart_fixtures_free (f);
}

static void
test_target_flags_and_today (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 3, 10);
  Rendered *r = render_roadmap (f, 1100, GK_STYLE_VARIANT_LIGHT);
  const GkChartHitRegion *flag;
  const GkChartHitRegion *today_cell;
  guint32 accent = rgb_to_pixel (&gk_chart_context_get_palette (r->ctx)->accent);
  GkChartRect column;

  /* topic 0 aims at In control: its flag is in that colour, on blank future cells */
  flag = find_region (r->ctx, GK_CHART_HIT_ROADMAP_TARGET, 0, -1);
  g_assert_nonnull (flag);
  g_assert_true (rect_has_colour (r, &flag->rect, level_fill (GK_LEVEL_IN_CONTROL, GK_STYLE_VARIANT_LIGHT)));
  /* topic 1 aims at Vigilant; topic 2 has no target */
  flag = find_region (r->ctx, GK_CHART_HIT_ROADMAP_TARGET, 1, -1);
  g_assert_nonnull (flag);
  g_assert_true (rect_has_colour (r, &flag->rect, level_fill (GK_LEVEL_VIGILANT, GK_STYLE_VARIANT_LIGHT)));
  g_assert_null (find_region (r->ctx, GK_CHART_HIT_ROADMAP_TARGET, 2, -1));
  /* the target column names the month of each target */
  {
    g_autofree char *month = gk_format_month (&f->roadmap.topics[0].target_date, TRUE);

    g_assert_true (drew_text (r->ctx, month));
  }

  /* the today line runs through today's period (15), and not the one before */
  today_cell = find_region (r->ctx, GK_CHART_HIT_ROADMAP_CELL, 5, 15);
  g_assert_nonnull (today_cell);
  g_assert_true (rect_has_colour (r, &today_cell->rect, accent));
  column = find_region (r->ctx, GK_CHART_HIT_ROADMAP_CELL, 5, 14)->rect;
  column.width -= 4;
  g_assert_false (rect_has_colour (r, &column, accent));

  rendered_free (r);
  chart_fixtures_free (f);
}

/* Without the target column, only targets within the periods get a flag. */
static void
test_no_target_column (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 12, 10, 3, 10);
  g_autofree char *month = NULL;
  Rendered *r;

  f->roadmap.show_target_column = FALSE;
  for (guint t = 0; t < f->roadmap.n_topics; t++)
    f->topics[t].target_date = fixture_date (1, 6, 2030);
  r = render_roadmap (f, 1100, GK_STYLE_VARIANT_LIGHT);
  month = gk_format_month (&f->roadmap.topics[0].target_date, TRUE);
  g_assert_false (drew_text (r->ctx, month));
  /* every target lies beyond the periods */
  for (guint t = 0; t < f->roadmap.n_topics; t++)
    g_assert_null (find_region (r->ctx, GK_CHART_HIT_ROADMAP_TARGET, t, -1));
  assert_no_text_overlaps (r->ctx);
  rendered_free (r);
  chart_fixtures_free (f);
}

static void
test_hit_test (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 3, 10);
  Rendered *r = render_roadmap (f, 1100, GK_STYLE_VARIANT_LIGHT);
  GkChartRect cell = cell_rect (r, GK_CHART_HIT_ROADMAP_CELL, 6, 9);
  const GkChartHitRegion *hit = gk_chart_context_hit_test (r->ctx, cell.x + cell.width / 2, cell.y + cell.height / 2);

  g_assert_nonnull (hit);
  g_assert_cmpint (hit->kind, ==, GK_CHART_HIT_ROADMAP_CELL);
  g_assert_cmpint (hit->index, ==, 6);
  g_assert_cmpint (hit->sub_index, ==, 9);
  hit = gk_chart_context_hit_test (r->ctx, 20, cell.y + cell.height / 2);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->kind, ==, GK_CHART_HIT_ROADMAP_TOPIC);
  g_assert_cmpint (hit->index, ==, 6);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* Sixty months, on A4 landscape width and on a narrow window: labels thin
 * out and shorten, but never overlap or leave the chart. */
static void
test_sixty_periods_legible (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (12, 60, 10, 3, 10);
  Rendered *r = render_roadmap (f, width, GK_STYLE_VARIANT_LIGHT);

  assert_no_text_overlaps (r->ctx);
  assert_text_inside (r->ctx, r->width, r->height);
  for (int year = 2025; year <= 2029; year++)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_assert_true (drew_text (r->ctx, label));
    }
  g_assert_true (drew_text (r->ctx, "Jan"));
  if (width >= 1000)
    {
      for (guint t = 0; t < f->roadmap.n_topics; t++)
        g_assert_true (drew_text (r->ctx, f->roadmap.topics[t].name));
      /* not every month is labelled, the quarters are */
      g_assert_true (drew_text (r->ctx, "Apr"));
      g_assert_false (drew_text (r->ctx, "Feb"));
    }
  /* every cell is still there to hover */
  g_assert_nonnull (find_region (r->ctx, GK_CHART_HIT_ROADMAP_CELL, 11, 59));

  rendered_free (r);
  chart_fixtures_free (f);
}

static void
test_pdf_text (void)
{
  ChartFixtures *f = chart_fixtures_new (10, 24, 10, 3, 10);
  g_autofree char *text = export_pdf_text (draw_roadmap, f, 1100, 480);

  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Inkoop"));
      g_assert_nonnull (strstr (text, "Financiën"));
      g_assert_nonnull (strstr (text, "Jeugdhulp met verblijf"));
      g_assert_nonnull (strstr (text, "2025"));
      g_assert_nonnull (strstr (text, "Oct"));
    }
  chart_fixtures_free (f);
}

/* Month names come from the locale, without a translation catalogue. */
static void
test_pdf_text_dutch (void)
{
  ChartFixtures *f;
  g_autofree char *text = NULL;

  if (!use_dutch_locale ())
    return;
  f = chart_fixtures_new (10, 24, 10, 3, 10);
  text = export_pdf_text (draw_roadmap, f, 1100, 480);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "okt"));
      g_assert_nonnull (strstr (text, "mrt"));
      g_assert_null (strstr (text, "Oct"));
    }
  chart_fixtures_free (f);
  use_c_locale ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/roadmap/cells/light", GINT_TO_POINTER (GK_STYLE_VARIANT_LIGHT), test_cell_colours);
  g_test_add_data_func ("/roadmap/cells/dark", GINT_TO_POINTER (GK_STYLE_VARIANT_DARK), test_cell_colours);
  g_test_add_func ("/roadmap/lightness", test_lightness_apart);
  g_test_add_func ("/roadmap/flags-and-today", test_target_flags_and_today);
  g_test_add_func ("/roadmap/no-target-column", test_no_target_column);
  g_test_add_func ("/roadmap/hit-test", test_hit_test);
  g_test_add_data_func ("/roadmap/sixty-periods/a4", GINT_TO_POINTER (1123), test_sixty_periods_legible);
  g_test_add_data_func ("/roadmap/sixty-periods/narrow", GINT_TO_POINTER (640), test_sixty_periods_legible);
  g_test_add_func ("/roadmap/pdf-text", test_pdf_text);
  g_test_add_func ("/roadmap/pdf-text/dutch", test_pdf_text_dutch);

  return g_test_run ();
}
