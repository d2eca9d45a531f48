/* test-indicator-chart.c: bands, lines, reduction and hit-testing
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chart-fixtures.h"
#include "chart-test-utils.h"
#include "gk-chart-axis.h"

static void
draw_indicator (GkChartContext    *ctx,
                const GkChartRect *area,
                gpointer           data)
{
  gk_indicator_chart_draw (ctx, data, area);
}

static GkChartRect
value_band (GkChartContext *ctx,
            double          from,
            double          to)
{
  GkChartRect plot;
  GkChartValueScale value;
  double y0, y1;

  g_assert_true (gk_chart_context_get_plot (ctx, &plot, NULL, &value));
  y0 = gk_chart_value_scale_y (&value, from);
  y1 = gk_chart_value_scale_y (&value, to);
  return (GkChartRect) { plot.x + 2, MIN (y0, y1) + 2, plot.width - 4, fabs (y1 - y0) - 4 };
}

static guint32
band_pixel (GkChartContext *ctx,
            GkLevel         level)
{
  GkRgb band = gk_chart_band_colour (ctx, level);

  return rgb_to_pixel (&band);
}

static double
pixel_lightness (guint32 pixel)
{
  GkRgb rgb = { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0 };

  return gk_rgb_lightness (&rgb);
}

/* Printed in grey, the three bands must still be three: the colours drawn
 * behind the plot differ clearly in lightness, in light and in dark. */
static void
test_bands_apart_in_grey (gconstpointer data)
{
  GkStyleVariant variant = GPOINTER_TO_INT (data);
  ChartFixtures *f = chart_fixtures_new (3, 12, 22, 3, 10);
  Rendered *r = render_chart (draw_indicator, &f->indicator, 900, 420, variant, &f->today);
  GkChartRect serious = value_band (r->ctx, 1260000, 1330000);
  GkChartRect vigilant = value_band (r->ctx, 1100000, 1200000);
  GkChartRect in_control = value_band (r->ctx, 960000, 1040000);
  double l[3] = {
    pixel_lightness (dominant_colour (r, &serious)),
    pixel_lightness (dominant_colour (r, &vigilant)),
    pixel_lightness (dominant_colour (r, &in_control)),
  };

  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      if (fabs (l[i] - l[j]) < 6)
        g_error ("bands %u and %u are %.1f and %.1f in lightness (L*): the same in grey", i, j, l[i], l[j]);

  rendered_free (r);
  chart_fixtures_free (f);
}

/* Lower is better (costs): Serious is the band above signal_serious. */
static void
test_bands_lower_is_better (void)
{
  ChartFixtures *f = chart_fixtures_new (3, 12, 22, 3, 10);
  Rendered *r = render_chart (draw_indicator, &f->indicator, 900, 420, GK_STYLE_VARIANT_LIGHT, &f->today);
  GkChartRect band;

  band = value_band (r->ctx, 1260000, 1330000);
  g_assert_cmphex (dominant_colour (r, &band), ==, band_pixel (r->ctx, GK_LEVEL_SERIOUS));
  band = value_band (r->ctx, 1100000, 1200000);
  g_assert_cmphex (dominant_colour (r, &band), ==, band_pixel (r->ctx, GK_LEVEL_VIGILANT));
  band = value_band (r->ctx, 960000, 1040000);
  g_assert_cmphex (dominant_colour (r, &band), ==, band_pixel (r->ctx, GK_LEVEL_IN_CONTROL));

  assert_no_text_overlaps (r->ctx);
  assert_text_inside (r->ctx, r->width, r->height);
  g_assert_true (drew_text (r->ctx, "Baseline €1,400,000"));
  g_assert_true (drew_text (r->ctx, "Target €900,000"));
  g_assert_true (drew_text (r->ctx, "€1.4M"));

  rendered_free (r);
  chart_fixtures_free (f);
}

/* Higher is better (a share reached): Serious is at the bottom. */
static void
test_bands_higher_is_better (void)
{
  GkIndicatorPoint points[12];
  GkIndicatorChartData data = {
    .unit = GK_UNIT_PERCENT,
    .direction = GK_DIRECTION_HIGHER_IS_BETTER,
    .has_signals = TRUE, .signal_serious = 40, .signal_in_control = 60,
    .points = points, .n_points = G_N_ELEMENTS (points),
  };
  Rendered *r;
  GkChartRect band;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      points[i].date = fixture_date (1, i + 1, 2026);
      points[i].value = 30 + 3.5 * i;
      points[i].note = NULL;
    }
  r = render_chart (draw_indicator, &data, 800, 400, GK_STYLE_VARIANT_DARK, NULL);

  band = value_band (r->ctx, 31, 39);
  g_assert_cmphex (dominant_colour (r, &band), ==, band_pixel (r->ctx, GK_LEVEL_SERIOUS));
  band = value_band (r->ctx, 61, 69);
  g_assert_cmphex (dominant_colour (r, &band), ==, band_pixel (r->ctx, GK_LEVEL_IN_CONTROL));
  g_assert_true (drew_text (r->ctx, "68.5%"));      /* the latest value */
  assert_no_text_overlaps (r->ctx);

  rendered_free (r);
}

static void
test_hit_test (void)
{
  ChartFixtures *f = chart_fixtures_new (3, 12, 22, 3, 10);
  Rendered *r = render_chart (draw_indicator, &f->indicator, 900, 420, GK_STYLE_VARIANT_LIGHT, &f->today);
  GkChartTimeScale time;
  GkChartValueScale value;
  guint32 ink = rgb_to_pixel (&gk_chart_context_get_palette (r->ctx)->foreground);

  g_assert_true (gk_chart_context_get_plot (r->ctx, NULL, &time, &value));
  for (guint i = 0; i < f->indicator.n_points; i++)
    {
      const GkIndicatorPoint *p = &f->indicator.points[i];
      double x = gk_chart_time_scale_x_julian (&time, g_date_get_julian (&p->date) + 0.5);
      double y = gk_chart_value_scale_y (&value, p->value);
      GkChartRect dot = { round (x) - 2, round (y) - 2, 5, 5 };

      /* the point is drawn where the hit-test looks for it */
      g_assert_true (rect_has_colour (r, &dot, ink));
      g_assert_cmpint (gk_indicator_chart_hit_test (r->ctx, &f->indicator, x + 3, y - 2, 8), ==, (int) i);
    }
  g_assert_cmpint (gk_indicator_chart_hit_test (r->ctx, &f->indicator, 5, 5, 8), ==, -1);
  g_assert_cmpstr (f->indicator.points[5].note, ==, "Na correctie declaraties");

  rendered_free (r);
  chart_fixtures_free (f);
}

/* 100,000 measurements are reduced per pixel column, but a single spike
 * still shows at full height. (How fast: bench-charts --only huge.) */
static void
test_many_points_keep_extremes (void)
{
  ChartFixtures *f = chart_fixtures_new (3, 12, 100000, 3, 10);
  GkChartTimeScale time;
  GkChartValueScale value;
  GkIndicatorPoint *spike = &f->points[61234];
  guint32 ink;
  Rendered *r;
  double x, y;

  spike->value = 2600000;
  r = render_chart (draw_indicator, &f->indicator, 1200, 500, GK_STYLE_VARIANT_LIGHT, &f->today);

  ink = rgb_to_pixel (&gk_chart_context_get_palette (r->ctx)->foreground);
  g_assert_true (gk_chart_context_get_plot (r->ctx, NULL, &time, &value));
  x = gk_chart_time_scale_x_julian (&time, g_date_get_julian (&spike->date) + 0.5);
  y = gk_chart_value_scale_y (&value, spike->value);
  g_assert_true (rect_has_colour (r, &(GkChartRect) { floor (x) - 1, y - 1, 3, 3 }, ink));
  /* and nothing else reaches that high */
  g_assert_false (rect_has_colour (r, &(GkChartRect) { floor (x) + 12, y - 1, 200, 3 }, ink));
  g_assert_cmpint (gk_indicator_chart_hit_test (r->ctx, &f->indicator, x, y, 4), ==, 61234);
  assert_no_text_overlaps (r->ctx);

  /* the value axis reads in millions, each tick its own number (steps of
   * 0.25 million need two decimals) */
  {
    guint n;
    const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (r->ctx, &n);
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    guint ticks = 0;

    for (guint i = 0; i < n; i++)
      if (boxes[i].text != NULL && g_str_has_prefix (boxes[i].text, "€") && g_str_has_suffix (boxes[i].text, "M"))
        {
          g_assert_false (g_hash_table_contains (seen, boxes[i].text));
          g_hash_table_add (seen, boxes[i].text);
          ticks++;
        }
    g_assert_cmpuint (ticks, >=, 4);
  }

  rendered_free (r);
  chart_fixtures_free (f);
}

static void
test_format_value (void)
{
  GkIndicatorChartData data = { .unit = GK_UNIT_PERCENT };
  g_autofree char *percent = NULL, *days = NULL, *count = NULL, *euro = NULL, *other = NULL;

  use_c_locale ();
  percent = gk_indicator_format_value (&data, 12.5, FALSE);
  data.unit = GK_UNIT_DAYS;
  days = gk_indicator_format_value (&data, 42, FALSE);
  data.unit = GK_UNIT_COUNT;
  count = gk_indicator_format_value (&data, 12345, FALSE);
  data.unit = GK_UNIT_EURO;
  euro = gk_indicator_format_value (&data, 1234567.4, FALSE);
  data.unit = GK_UNIT_OTHER;
  data.unit_label = "cliënten";
  other = gk_indicator_format_value (&data, 3.25, FALSE);

  g_assert_cmpstr (percent, ==, "12.5%");
  g_assert_cmpstr (days, ==, "42 days");
  g_assert_cmpstr (count, ==, "12,345");
  g_assert_cmpstr (euro, ==, "€1,234,567");
  g_assert_cmpstr (other, ==, "3.25 cliënten");
}

/* The figures of "Jeugdigen met jeugdhulp" in the demo: two years falling
 * from 1,510 to 1,351 against signals at 1,450 and 1,320, the baseline at
 * 1,480 and the target 1,300, the forecast down to 1,230. */
typedef struct {
  GkIndicatorPoint     points[24];
  GkIndicatorChartData data;
} Falling;

static void
falling_init (Falling *f)
{
  f->data = (GkIndicatorChartData) {
    .unit = GK_UNIT_COUNT, .direction = GK_DIRECTION_LOWER_IS_BETTER,
    .has_signals = TRUE, .signal_serious = 1450, .signal_in_control = 1320,
    .has_baseline = TRUE, .baseline_value = 1480, .baseline_date = fixture_date (1, 12, 2024),
    .has_target = TRUE, .target_value = 1300, .target_date = fixture_date (31, 12, 2027),
    .has_forecast = TRUE,
    .forecast_from_date = fixture_date (1, 11, 2026), .forecast_from_value = 1351,
    .forecast_to_date = fixture_date (31, 12, 2027), .forecast_to_value = 1230,
    .points = f->points, .n_points = G_N_ELEMENTS (f->points),
  };
  for (guint i = 0; i < G_N_ELEMENTS (f->points); i++)
    {
      f->points[i].date = fixture_date (1, 1 + (11 + i) % 12, 2024 + (11 + i) / 12);
      f->points[i].value = i < 6 ? 1480 + 6 * i : 1510 - (1510 - 1351) * (i - 5) / 18.0;
      f->points[i].note = NULL;
    }
}

/* The value axis holds the data, the signal values, the baseline, the
 * target and the forecast, and not much more: at the report's sizes the
 * values fill at least 60 % of it, so that the line is not a strip. Every
 * label is drawn, clear of the others and of the markers. */
static void
test_value_axis_fits_values (void)
{
  static const int sizes[][2] = { { 680, 180 }, { 680, 260 }, { 680, 380 }, { 490, 220 }, { 1470, 300 } };
  Falling f;

  falling_init (&f);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Rendered *r = render_chart (draw_indicator, &f.data, sizes[i][0], sizes[i][1], GK_STYLE_VARIANT_LIGHT, NULL);
      GkChartValueScale value;
      double low = 1230, high = 1510;

      g_assert_true (gk_chart_context_get_plot (r->ctx, NULL, NULL, &value));
      g_test_message ("%dx%d: axis %.0f to %.0f", sizes[i][0], sizes[i][1], value.v0, value.v1);
      g_assert_cmpfloat (value.v0, <=, low);
      g_assert_cmpfloat (value.v1, >=, high);
      g_assert_cmpfloat ((high - low) / (value.v1 - value.v0), >=, 0.6);

      g_assert_true (drew_text (r->ctx, "Baseline 1,480"));
      g_assert_true (drew_text (r->ctx, "Target 1,300"));
      g_assert_true (drew_text (r->ctx, "1,351"));
      assert_no_text_overlaps (r->ctx);
      assert_text_inside (r->ctx, r->width, r->height);
      rendered_free (r);
    }
}

/* A share between 40 and 80 %: the axis is not 0 to 100 %. */
static void
test_value_axis_of_a_share (void)
{
  static const int sizes[][2] = { { 680, 180 }, { 680, 260 }, { 490, 220 }, { 1470, 300 } };
  GkIndicatorPoint points[20];
  GkIndicatorChartData data = {
    .unit = GK_UNIT_PERCENT, .direction = GK_DIRECTION_HIGHER_IS_BETTER,
    .has_signals = TRUE, .signal_serious = 50, .signal_in_control = 65,
    .has_target = TRUE, .target_value = 75, .target_date = fixture_date (1, 12, 2027),
    .points = points, .n_points = G_N_ELEMENTS (points),
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      points[i].date = fixture_date (1, 1 + i % 12, 2025 + i / 12);
      points[i].value = 40 + 2 * i;
      points[i].note = NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Rendered *r = render_chart (draw_indicator, &data, sizes[i][0], sizes[i][1], GK_STYLE_VARIANT_LIGHT, NULL);
      GkChartValueScale value;

      g_assert_true (gk_chart_context_get_plot (r->ctx, NULL, NULL, &value));
      g_test_message ("%dx%d: axis %.0f to %.0f", sizes[i][0], sizes[i][1], value.v0, value.v1);
      g_assert_cmpfloat (value.v0, <=, 40);
      g_assert_cmpfloat (value.v1, >=, 78);
      g_assert_cmpfloat ((78.0 - 40.0) / (value.v1 - value.v0), >=, 0.6);
      g_assert_true (drew_text (r->ctx, "Target 75%"));
      assert_no_text_overlaps (r->ctx);
      rendered_free (r);
    }
}

/* Narrow, the legend wraps onto more lines: the time axis above it keeps
 * clear of it all the same. */
static void
test_narrow_legend_clear_of_axis (void)
{
  Falling f;
  Rendered *r;

  falling_init (&f);
  r = render_chart (draw_indicator, &f.data, 420, 240, GK_STYLE_VARIANT_LIGHT, NULL);
  g_assert_true (drew_text (r->ctx, "Measurements"));
  g_assert_true (drew_text (r->ctx, "2025"));
  assert_no_text_overlaps (r->ctx);
  assert_text_inside (r->ctx, r->width, r->height);
  rendered_free (r);
}

/* Values no municipality measures, from a damaged or hostile file: the
 * axis still ends somewhere, and cairo is never handed a coordinate it
 * refuses. */
static void
test_extreme_values (void)
{
  static const double values[][3] = {
    { 1e308, -1e308, 0 }, { 1e-300, 2e-300, 3e-300 }, { 5, 5, 5 }, { 1e15, 1e15 + 1, 1e15 + 2 }, { -7, -3, -5 },
  };
  static const int sizes[][2] = { { 680, 180 }, { 200, 90 }, { 1470, 300 } };

  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        GkIndicatorPoint points[4];
        GkIndicatorChartData data = {
          .unit = GK_UNIT_COUNT, .direction = GK_DIRECTION_LOWER_IS_BETTER,
          .has_signals = TRUE, .signal_serious = values[v][0], .signal_in_control = values[v][1],
          .has_target = TRUE, .target_value = values[v][2], .target_date = fixture_date (1, 6, 2027),
          .points = points, .n_points = G_N_ELEMENTS (points),
        };
        Rendered *r;

        for (guint i = 0; i < G_N_ELEMENTS (points); i++)
          {
            points[i].date = fixture_date (1, 1 + i, 2026);
            points[i].value = i == 3 ? NAN : values[v][i];
            points[i].note = NULL;
          }
        r = render_chart (draw_indicator, &data, sizes[z][0], sizes[z][1], GK_STYLE_VARIANT_LIGHT, NULL);
        g_assert_cmpint (cairo_surface_status (r->surface), ==, CAIRO_STATUS_SUCCESS);
        assert_no_text_overlaps (r->ctx);
        rendered_free (r);
      }
}

/* No data at all still draws a sane, empty chart. */
static void
test_empty (void)
{
  GkIndicatorChartData data = { .unit = GK_UNIT_COUNT };
  Rendered *r = render_chart (draw_indicator, &data, 600, 300, GK_STYLE_VARIANT_LIGHT, NULL);

  g_assert_cmpint (gk_indicator_chart_hit_test (r->ctx, &data, 300, 150, 50), ==, -1);
  assert_no_text_overlaps (r->ctx);
  rendered_free (r);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  use_c_locale ();

  g_test_add_func ("/indicator/bands/lower-is-better", test_bands_lower_is_better);
  g_test_add_func ("/indicator/bands/higher-is-better", test_bands_higher_is_better);
  g_test_add_data_func ("/indicator/bands/apart-in-grey/light", GINT_TO_POINTER (GK_STYLE_VARIANT_LIGHT),
                        test_bands_apart_in_grey);
  g_test_add_data_func ("/indicator/bands/apart-in-grey/dark", GINT_TO_POINTER (GK_STYLE_VARIANT_DARK),
                        test_bands_apart_in_grey);
  g_test_add_func ("/indicator/hit-test", test_hit_test);
  g_test_add_func ("/indicator/many-points", test_many_points_keep_extremes);
  g_test_add_func ("/indicator/format-value", test_format_value);
  g_test_add_func ("/indicator/empty", test_empty);
  g_test_add_func ("/indicator/extreme-values", test_extreme_values);
  g_test_add_func ("/indicator/value-axis-fits-values", test_value_axis_fits_values);
  g_test_add_func ("/indicator/value-axis-of-a-share", test_value_axis_of_a_share);
  g_test_add_func ("/indicator/narrow-legend", test_narrow_legend_clear_of_axis);

  return g_test_run ();
}
