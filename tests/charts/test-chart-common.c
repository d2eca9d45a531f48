/* test-chart-common.c: numbers, dates, scales and text placement
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>

#include "chart-test-utils.h"
#include "gk-chart-axis.h"
#include "gk-chart-dots.h"

static void
assert_formatted (char       *formatted,
                  const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_number_english (void)
{
  use_c_locale ();
  assert_formatted (gk_format_number (1234567, 0), "1,234,567");
  assert_formatted (gk_format_number (1234.5, 1), "1,234.5");
  assert_formatted (gk_format_number (999, 0), "999");
  assert_formatted (gk_format_number (-1234, 0), "-1,234");
  assert_formatted (gk_format_number (-0.4, 0), "0");
  assert_formatted (gk_format_number (0.25, 2), "0.25");
}

static void
test_euro_english (void)
{
  use_c_locale ();
  assert_formatted (gk_format_euro (1234567), "€1,234,567");
  assert_formatted (gk_format_euro (1234567.6), "€1,234,568");
  assert_formatted (gk_format_euro (-250), "-€250");
  assert_formatted (gk_format_euro_compact (1500000), "€1.5M");
  assert_formatted (gk_format_euro_compact (2000000), "€2M");
  assert_formatted (gk_format_euro_compact (950000), "€950,000");
  assert_formatted (gk_format_euro_millions (900000, 1), "€0.9M");
}

static void
test_euro_dutch (void)
{
  if (!use_dutch_locale ())
    return;
  assert_formatted (gk_format_euro (1234567), "€ 1.234.567");
  assert_formatted (gk_format_number (1234.5, 1), "1.234,5");
  assert_formatted (gk_format_euro (-250), "€ -250");
  /* "M" comes from the catalogue; without it the English form, with Dutch digits */
  assert_formatted (gk_format_euro_millions (1500000, 1), "€ 1,5M");
  use_c_locale ();
}

static void
test_dates_english (void)
{
  GDate date;

  use_c_locale ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, 10, 2026);
  assert_formatted (gk_format_month (&date, TRUE), "Oct 2026");
  assert_formatted (gk_format_month (&date, FALSE), "Oct");
  assert_formatted (gk_format_quarter (&date, TRUE), "Q4 2026");
  assert_formatted (gk_format_quarter (&date, FALSE), "Q4");
  g_date_set_dmy (&date, 31, 3, 2026);
  assert_formatted (gk_format_quarter (&date, TRUE), "Q1 2026");
}

static void
test_dates_dutch (void)
{
  GDate date;

  if (!use_dutch_locale ())
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, 10, 2026);
  assert_formatted (gk_format_month (&date, TRUE), "okt 2026");
  g_date_set_dmy (&date, 1, 3, 2026);
  assert_formatted (gk_format_month (&date, FALSE), "mrt");
  use_c_locale ();
}

static void
test_nice_ticks (void)
{
  double first, step;
  guint n;

  n = gk_chart_nice_ticks (0, 100, 6, &first, &step);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpfloat (step, ==, 20);
  g_assert_cmpuint (n, ==, 6);

  n = gk_chart_nice_ticks (812345, 1487654, 8, &first, &step);
  g_assert_cmpfloat (step, ==, 100000);
  g_assert_cmpfloat (first, ==, 900000);
  g_assert_cmpuint (n, ==, 6);

  n = gk_chart_nice_ticks (0.1, 0.9, 5, &first, &step);
  g_assert_cmpfloat_with_epsilon (step, 0.2, 1e-12);
  g_assert_cmpuint (n, ==, 4);
}

static void
assert_ticks_inside (double min,
                     double max,
                     guint  max_ticks)
{
  double first, step, span = max - min;
  guint n = gk_chart_nice_ticks (min, max, max_ticks, &first, &step);

  /* Every finite range gets a tick, and none outside it. */
  if (n < 1 || n > MAX (max_ticks, 2) ||
      first < min - 1e-9 * fabs (span) ||
      first + (n - 1) * step > max + 1e-9 * fabs (span) + 1e-12)
    g_error ("ticks of %.17g..%.17g (at most %u): %u from %.17g by %.17g", min, max, max_ticks, n, first, step);
}

/* Issue 13, item 8: a step wider than the range left no tick inside it,
 * and the count went negative before it was cast to unsigned (undefined
 * behaviour; on x86 it came out as 0 ticks). */
static void
test_nice_ticks_never_negative (void)
{
  double first, step;
  guint n;

  n = gk_chart_nice_ticks (0.91, 0.99, 2, &first, &step);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (first, 0.95, 1e-12);
  assert_ticks_inside (0.91, 0.99, 2);

  /* Ordinary values, as a fuzzer found them. */
  for (int a = -40; a <= 40; a++)
    for (int width = 1; width <= 60; width++)
      for (guint max_ticks = 0; max_ticks <= 9; max_ticks++)
        {
          double min = a * 0.0137;

          assert_ticks_inside (min, min + width * 0.0071, max_ticks);
          assert_ticks_inside (min * 1e6, (min + width * 0.0071) * 1e6, max_ticks);
        }

  /* No range at all: no ticks, no crash. */
  g_assert_cmpuint (gk_chart_nice_ticks (NAN, 1, 5, &first, &step), ==, 0);
  g_assert_cmpuint (gk_chart_nice_ticks (0, INFINITY, 5, &first, &step), ==, 0);
  g_assert_cmpuint (gk_chart_nice_ticks (-DBL_MAX, DBL_MAX, 5, &first, &step), ==, 0);
  /* Equal ends get a unit range; ends too large to add 1 to, one tick. */
  g_assert_cmpuint (gk_chart_nice_ticks (7, 7, 5, &first, &step), ==, 5);
  g_assert_cmpfloat (first, ==, 7);
  g_assert_cmpuint (gk_chart_nice_ticks (1e300, 1e300, 5, &first, &step), ==, 1);
}

static void
test_time_scale (void)
{
  GkChartTimeScale scale;
  GDate start, end, mid;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_clear (&mid, 1);
  g_date_set_dmy (&start, 1, 1, 2026);
  g_date_set_dmy (&end, 31, 12, 2026);
  g_date_set_dmy (&mid, 2, 7, 2026);      /* day 183 of 365 */
  gk_chart_time_scale_init (&scale, &start, &end, 100, 465);

  g_assert_cmpfloat_with_epsilon (gk_chart_time_scale_x (&scale, &start), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (gk_chart_time_scale_x (&scale, &mid), 100 + 182, 1e-9);
  g_assert_cmpfloat_with_epsilon (gk_chart_time_scale_julian (&scale, 282), g_date_get_julian (&mid), 1e-9);
}

typedef struct {
  const char *text;
  GkChartRect box;
  GkChartTextFlags flags;
  gboolean drawn;
} TextCase;

static void
draw_text_cases (GkChartContext    *ctx,
                 const GkChartRect *area,
                 gpointer           data)
{
  TextCase *cases = data;
  const GkRgb black = { 0, 0, 0 };

  for (TextCase *c = cases; c->text != NULL; c++)
    c->drawn = gk_chart_draw_text (ctx, c->text, GK_CHART_FONT_BODY, &black, &c->box,
                                   GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, c->flags, NULL);
}

/* Text that does not fit is dropped or shortened, never spilled; with
 * AVOID_OVERLAP it gives way to text drawn before. */
static void
test_text_placement (void)
{
  TextCase cases[] = {
    { "Inkoop", { 10, 10, 200, 30 }, GK_CHART_TEXT_NONE, FALSE },
    { "Contractmanagement en inkoop", { 10, 50, 40, 30 }, GK_CHART_TEXT_NONE, FALSE },
    { "Contractmanagement en inkoop", { 10, 90, 80, 30 }, GK_CHART_TEXT_ELLIPSIZE, FALSE },
    { "Inkoop", { 10, 130, 200, 5 }, GK_CHART_TEXT_NONE, FALSE },
    { "Overlap", { 20, 12, 200, 30 }, GK_CHART_TEXT_AVOID_OVERLAP, FALSE },
    { "Elsewhere", { 20, 170, 200, 30 }, GK_CHART_TEXT_AVOID_OVERLAP, FALSE },
    { NULL },
  };
  Rendered *r = render_chart (draw_text_cases, cases, 300, 220, GK_STYLE_VARIANT_LIGHT, NULL);
  guint n;
  const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (r->ctx, &n);

  g_assert_true (cases[0].drawn);
  g_assert_false (cases[1].drawn);     /* too wide, not allowed to shorten */
  g_assert_true (cases[2].drawn);      /* shortened */
  g_assert_false (cases[3].drawn);     /* too low a box */
  g_assert_false (cases[4].drawn);     /* would overlap "Inkoop" */
  g_assert_true (cases[5].drawn);

  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (boxes[1].rect.width, <=, 80);
  assert_no_text_overlaps (r->ctx);
  /* ink really landed where the first text is recorded */
  g_assert_true (rect_has_colour_near (r, &boxes[0].rect, 0x000000, 0x60));
  g_assert_false (rect_has_colour_near (r, &cases[1].box, 0x000000, 0xf0));
  rendered_free (r);
}

static void
draw_regions (GkChartContext    *ctx,
              const GkChartRect *area,
              gpointer           data)
{
  GkChartRect a = { 0, 0, 100, 100 }, b = { 50, 50, 100, 100 };

  gk_chart_context_add_hit_region (ctx, &a, GK_CHART_HIT_TIMELINE_PROJECT, 1, -1);
  gk_chart_context_add_hit_region (ctx, &b, GK_CHART_HIT_TIMELINE_MEASURE, 7, -1);
}

static void
test_hit_regions (void)
{
  Rendered *r = render_chart (draw_regions, NULL, 200, 200, GK_STYLE_VARIANT_LIGHT, NULL);
  const GkChartHitRegion *hit;

  hit = gk_chart_context_hit_test (r->ctx, 10, 10);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->kind, ==, GK_CHART_HIT_TIMELINE_PROJECT);
  /* where they overlap, the one drawn last is on top */
  hit = gk_chart_context_hit_test (r->ctx, 75, 75);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->index, ==, 7);
  g_assert_null (gk_chart_context_hit_test (r->ctx, 190, 10));
  rendered_free (r);
}

/* A pattern must not shift a level's colour: the fill is what is left
 * between the hatch lines, and the test for each level samples it. */
static void
test_status_styles_distinct (void)
{
  for (int v = 0; v < 2; v++)
    for (int a = 0; a < GK_MEASURE_STATUS_COUNT; a++)
      for (int b = a + 1; b < GK_MEASURE_STATUS_COUNT; b++)
        {
          const GkStatusStyle *sa = gk_measure_status_style (a, v);
          const GkStatusStyle *sb = gk_measure_status_style (b, v);

          g_assert_cmpuint (rgb_to_pixel (&sa->fill), !=, rgb_to_pixel (&sb->fill));
        }
}

/* The baseline's dots, stroked and from the tile, at one and two pixels
 * per unit, at fractions of a pixel and lengths that end on a dot or
 * between two: the same pixels, over a background that shows blending. */
static void
set_dotted (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0.36, 0.36, 0.39);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, (double[]) { 0, 4 }, 2, 0);
}

static cairo_surface_t *
dotted_image (double   scale,
              double   x0,
              double   x1,
              double   y,
              gboolean tiled)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 60);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.95, 0.8);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  set_dotted (cr);
  if (tiled)
    g_assert_true (gk_chart_fill_dotted_hline (cr, x0, x1, y));
  else
    {
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_dotted_line_from_tile (void)
{
  static const double scales[] = { 1, 2 };
  static const double starts[] = { 10, 10.25, 10.5, 11.8 };
  static const double lengths[] = { 300, 301, 302.5, 303.99 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (guint x = 0; x < G_N_ELEMENTS (starts); x++)
      for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
        {
          double y = 12 + 0.3 * x;
          cairo_surface_t *stroked = dotted_image (scales[s], starts[x], starts[x] + lengths[l], y, FALSE);
          cairo_surface_t *tiled = dotted_image (scales[s], starts[x], starts[x] + lengths[l], y, TRUE);

          g_assert_cmpmem (cairo_image_surface_get_data (stroked), cairo_image_surface_get_stride (stroked) * 60,
                           cairo_image_surface_get_data (tiled), cairo_image_surface_get_stride (tiled) * 60);
          cairo_surface_destroy (stroked);
          cairo_surface_destroy (tiled);
        }

  /* Not on a file, nor for a line that is not dotted. */
  {
    cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
    cairo_t *cr = cairo_create (recording);

    set_dotted (cr);
    g_assert_false (gk_chart_fill_dotted_hline (cr, 0, 50, 5));
    cairo_destroy (cr);
    cr = cairo_create (image);
    set_dotted (cr);
    cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
    g_assert_false (gk_chart_fill_dotted_hline (cr, 0, 50, 5));
    cairo_set_dash (cr, NULL, 0, 0);
    g_assert_false (gk_chart_fill_dotted_hline (cr, 0, 50, 5));
    cairo_destroy (cr);
    cairo_surface_destroy (image);
    cairo_surface_destroy (recording);
  }
}

/* pango hears of a new scale or surface, and only then: telling it of the
 * same again would make every kept layout shape anew. */
static void
test_begin_tells_pango_of_changes (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  PangoContext *pango = gk_chart_context_get_pango (ctx);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 50, 50);
  cairo_t *cr = cairo_create (surface);
  guint serial;

  cairo_scale (cr, 2, 2);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_end (ctx);
  g_assert_nonnull (pango_context_get_matrix (pango));
  g_assert_cmpfloat (pango_context_get_matrix (pango)->xx, ==, 2);
  serial = pango_context_get_serial (pango);

  /* the same scale elsewhere on the surface: nothing to tell */
  cairo_translate (cr, 7.5, 3);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_end (ctx);
  g_assert_cmpuint (pango_context_get_serial (pango), ==, serial);

  /* another scale */
  cairo_identity_matrix (cr);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_end (ctx);
  g_assert_cmpuint (pango_context_get_serial (pango), !=, serial);
  g_assert_cmpfloat (pango_context_get_matrix (pango)->xx, ==, 1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* another kind of surface, with font options of its own */
  serial = pango_context_get_serial (pango);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_end (ctx);
  g_assert_cmpuint (pango_context_get_serial (pango), !=, serial);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-common/number/english", test_number_english);
  g_test_add_func ("/chart-common/euro/english", test_euro_english);
  g_test_add_func ("/chart-common/euro/dutch", test_euro_dutch);
  g_test_add_func ("/chart-common/dates/english", test_dates_english);
  g_test_add_func ("/chart-common/dates/dutch", test_dates_dutch);
  g_test_add_func ("/chart-common/nice-ticks", test_nice_ticks);
  g_test_add_func ("/chart-common/nice-ticks-never-negative", test_nice_ticks_never_negative);
  g_test_add_func ("/chart-common/time-scale", test_time_scale);
  g_test_add_func ("/chart-common/text-placement", test_text_placement);
  g_test_add_func ("/chart-common/hit-regions", test_hit_regions);
  g_test_add_func ("/chart-common/status-styles", test_status_styles_distinct);
  g_test_add_func ("/chart-common/dotted-line-from-tile", test_dotted_line_from_tile);
  g_test_add_func ("/chart-common/begin-tells-pango-of-changes", test_begin_tells_pango_of_changes);

  return g_test_run ();
}
