/* test-level-style.c: levels stay apart in grey scale and in pattern
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gk-level-style.h"

static const GkLevel levels[] = {
  GK_LEVEL_NONE, GK_LEVEL_SERIOUS, GK_LEVEL_VIGILANT, GK_LEVEL_IN_CONTROL,
};

/* A grey-scale printer keeps only lightness: every pair of levels must
 * differ by a clearly visible step in relative luminance. */
static void
test_lightness_apart (gconstpointer data)
{
  GkStyleVariant variant = GPOINTER_TO_INT (data);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (levels); j++)
      {
        const GkLevelStyle *a = gk_level_style_get (levels[i], variant);
        const GkLevelStyle *b = gk_level_style_get (levels[j], variant);
        double la = gk_rgb_relative_luminance (&a->fill);
        double lb = gk_rgb_relative_luminance (&b->fill);

        if (fabs (la - lb) < 0.12)
          g_error ("levels %d and %d too close in lightness: %.3f vs %.3f",
                   levels[i], levels[j], la, lb);
      }
}

static void
test_patterns_distinct (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (levels); j++)
      g_assert_cmpint (gk_level_style_get (levels[i], GK_STYLE_VARIANT_LIGHT)->pattern, !=,
                       gk_level_style_get (levels[j], GK_STYLE_VARIANT_LIGHT)->pattern);
}

/* The fill really lands on the surface: sample the middle of a cell. */
static void
test_fill_draws_level_colour (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 40);
  cairo_t *cr = cairo_create (surface);
  const GkLevelStyle *style = gk_level_style_get (GK_LEVEL_IN_CONTROL, GK_STYLE_VARIANT_LIGHT);
  guint32 pixel;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gk_level_style_fill_rect (cr, style, 0, 0, 40, 40);
  cairo_surface_flush (surface);

  /* One RGB24 pixel, a native-endian 32-bit word; copied out of the byte
   * buffer rather than read through a cast pointer. */
  memcpy (&pixel, cairo_image_surface_get_data (surface) + 20 * cairo_image_surface_get_stride (surface) + 20 * 4,
          sizeof pixel);
  g_assert_cmpint ((pixel >> 16) & 0xff, ==, (int) round (style->fill.r * 255));
  g_assert_cmpint ((pixel >> 8) & 0xff, ==, (int) round (style->fill.g * 255));
  g_assert_cmpint (pixel & 0xff, ==, (int) round (style->fill.b * 255));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/level-style/lightness/light", GINT_TO_POINTER (GK_STYLE_VARIANT_LIGHT), test_lightness_apart);
  g_test_add_data_func ("/level-style/lightness/dark", GINT_TO_POINTER (GK_STYLE_VARIANT_DARK), test_lightness_apart);
  g_test_add_func ("/level-style/patterns", test_patterns_distinct);
  g_test_add_func ("/level-style/fill", test_fill_draws_level_colour);

  return g_test_run ();
}
