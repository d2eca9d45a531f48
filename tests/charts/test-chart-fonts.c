/* test-chart-fonts.c: fonts loaded ahead on a thread measure as fonts
 * loaded on the spot, and only the thread that asked takes them.
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "gk-chart-common.h"
#include "gk-chart-fonts.h"

static const char *sample = "Voorbeeldstad: 1.234 cliënten, € 56.789";

typedef struct {
  double        widths[GK_CHART_N_FONTS];
  double        heights[GK_CHART_N_FONTS];
  PangoFontMap *map;
} Measures;

static void
measure (Measures *out)
{
  GkChartContext *ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);

  for (int i = 0; i < GK_CHART_N_FONTS; i++)
    gk_chart_text_size (ctx, sample, i, &out->widths[i], &out->heights[i]);
  out->map = g_object_ref (pango_context_get_font_map (gk_chart_context_get_pango (ctx)));
  gk_chart_context_free (ctx);
}

static gpointer
measure_on_thread (gpointer data)
{
  measure (data);
  return NULL;
}

static void
test_preloaded_fonts_measure_the_same (void)
{
  Measures on_the_spot = { 0 }, preloaded = { 0 };

  /* Another thread has no preload: its fonts are loaded on the spot. */
  g_thread_join (g_thread_new ("on-the-spot", measure_on_thread, &on_the_spot));

  gk_chart_fonts_preload ();
  measure (&preloaded);

  /* The preloaded map is now this thread's default, not the other's. */
  g_assert_true (preloaded.map == pango_cairo_font_map_get_default ());
  g_assert_true (preloaded.map != on_the_spot.map);
  for (int i = 0; i < GK_CHART_N_FONTS; i++)
    {
      g_assert_cmpfloat (preloaded.widths[i], >, 0);
      g_assert_cmpfloat (preloaded.widths[i], ==, on_the_spot.widths[i]);
      g_assert_cmpfloat (preloaded.heights[i], ==, on_the_spot.heights[i]);
    }
  g_object_unref (preloaded.map);
  g_object_unref (on_the_spot.map);
}

static void
test_other_threads_do_not_take_the_preload (void)
{
  Measures other = { 0 }, mine = { 0 };
  PangoFontMap *before = pango_cairo_font_map_get_default ();

  gk_chart_fonts_preload ();
  /* While this thread's preload may still run, another thread makes a
   * context: it must keep to its own map and leave the preload alone. */
  g_thread_join (g_thread_new ("other", measure_on_thread, &other));
  g_assert_true (other.map != before);

  measure (&mine);
  g_assert_true (mine.map != other.map);
  g_assert_true (mine.map != before);
  g_assert_true (mine.map == pango_cairo_font_map_get_default ());
  g_object_unref (other.map);
  g_object_unref (mine.map);
}

/* A command that fails before it draws waits for its preload and drops it:
 * the next context makes its fonts as if nothing had been preloaded. */
static void
test_finish_drops_an_untaken_preload (void)
{
  Measures after = { 0 };
  PangoFontMap *before = pango_cairo_font_map_get_default ();

  gk_chart_fonts_preload ();
  gk_chart_fonts_finish_preload ();
  measure (&after);
  g_assert_true (after.map == before);
  /* Finishing again, with nothing preloaded, does nothing. */
  gk_chart_fonts_finish_preload ();
  g_object_unref (after.map);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-fonts/preloaded-fonts-measure-the-same", test_preloaded_fonts_measure_the_same);
  g_test_add_func ("/chart-fonts/other-threads-do-not-take-the-preload", test_other_threads_do_not_take_the_preload);
  g_test_add_func ("/chart-fonts/finish-drops-an-untaken-preload", test_finish_drops_an_untaken_preload);
  return g_test_run ();
}
