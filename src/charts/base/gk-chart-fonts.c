/* gk-chart-fonts.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-chart-common.h"
#include "gk-chart-fonts.h"

/* Set and taken on the thread that called gk_chart_fonts_preload(). */
static GThread *preload_thread;
static GThread *preload_owner;

/* A font map of its own (Pango's default one is per thread), warmed by a
 * chart context that measures each of the charts' fonts. */
static gpointer
load_fonts (gpointer data)
{
  PangoFontMap *map = pango_cairo_font_map_new ();

  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));
  gk_chart_context_free (gk_chart_context_new (GK_STYLE_VARIANT_LIGHT));
  /* The thread's default goes with the thread; the map is handed over. */
  pango_cairo_font_map_set_default (NULL);
  return map;
}

void
gk_chart_fonts_preload (void)
{
  if (preload_thread != NULL)
    return;
  preload_owner = g_thread_self ();
  preload_thread = g_thread_new ("gk-fonts", load_fonts, NULL);
}

PangoFontMap *
gk_chart_fonts_get_font_map (void)
{
  /* The owner first: the loading thread itself makes a context too, and
   * must not read preload_thread, which is set after it started. */
  if (preload_owner == g_thread_self () && preload_thread != NULL)
    {
      g_autoptr(PangoFontMap) map = g_thread_join (g_steal_pointer (&preload_thread));

      pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));
    }
  return pango_cairo_font_map_get_default ();
}

void
gk_chart_fonts_finish_preload (void)
{
  if (preload_owner == g_thread_self () && preload_thread != NULL)
    g_object_unref (g_thread_join (g_steal_pointer (&preload_thread)));
}
