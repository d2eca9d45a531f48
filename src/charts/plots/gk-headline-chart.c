/* gk-headline-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three tiles from worst to best; the current one is full colour, raised,
 * outlined and pointed at, the others fade back. Beside (or, when narrow,
 * under) the tiles: the level in words, the trend and the date it rests on.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-headline-chart.h"

#define PADDING      8.0
#define TILE_GAP     8.0
#define RAISE        6.0
#define ARROW        10.0
#define INFO_GAP     24.0
#define WIDE_ENOUGH  560.0

static const GkLevel tile_levels[] = { GK_LEVEL_SERIOUS, GK_LEVEL_VIGILANT, GK_LEVEL_IN_CONTROL };

static double
tile_height (GkChartContext *ctx)
{
  return ceil (gk_chart_line_height (ctx, GK_CHART_FONT_HEADING) + 28);
}

static double
tiles_height (GkChartContext *ctx)
{
  return ARROW + 2 + 2 * RAISE + tile_height (ctx);
}

static double
info_height (GkChartContext *ctx)
{
  return gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) +
         gk_chart_line_height (ctx, GK_CHART_FONT_LARGE) +
         gk_chart_line_height (ctx, GK_CHART_FONT_BODY) +
         gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 12;
}

double
gk_headline_chart_get_preferred_height (GkChartContext            *ctx,
                                        const GkHeadlineChartData *data,
                                        double                     width)
{
  if (width >= WIDE_ENOUGH)
    return ceil (2 * PADDING + MAX (tiles_height (ctx), info_height (ctx)));
  return ceil (2 * PADDING + tiles_height (ctx) + 12 + info_height (ctx));
}

static void
draw_arrow_down (cairo_t *cr,
                 double   x,
                 double   bottom,
                 double   size)
{
  cairo_move_to (cr, x - size * 0.7, bottom - size);
  cairo_line_to (cr, x + size * 0.7, bottom - size);
  cairo_line_to (cr, x, bottom);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_tiles (GkChartContext            *ctx,
            const GkHeadlineChartData *data,
            const GkChartRect         *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  GkStyleVariant variant = gk_chart_context_get_variant (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double width = floor ((area->width - 2 * TILE_GAP) / 3);
  double height = tile_height (ctx);
  double y = area->y + ARROW + 2 + RAISE;

  for (guint i = 0; i < G_N_ELEMENTS (tile_levels); i++)
    {
      GkLevel level = tile_levels[i];
      const GkLevelStyle *style = gk_level_style_get (level, variant);
      gboolean current = level == data->level;
      double x = area->x + i * (width + TILE_GAP);
      GkChartRect tile = { x, y, width, height };
      GkChartRect text_box;

      if (current)
        {
          tile.y -= RAISE;
          tile.height += 2 * RAISE;
        }
      text_box = (GkChartRect) { tile.x + 8, tile.y, tile.width - 16, tile.height };

      cairo_save (cr);
      gk_chart_rounded_rect (cr, tile.x, tile.y, tile.width, tile.height, 8);
      if (current)
        {
          gk_chart_set_source (cr, &style->fill, 1);
          cairo_fill_preserve (cr);
          gk_level_style_fill_pattern (cr, style);
          cairo_new_path (cr);
          gk_chart_rounded_rect (cr, tile.x + 1.5, tile.y + 1.5, tile.width - 3, tile.height - 3, 7);
          gk_chart_set_source (cr, &palette->foreground, 1);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
          draw_arrow_down (cr, tile.x + tile.width / 2, tile.y - 2, ARROW);
        }
      else
        {
          /* the other levels as the bands of the indicator charts: tinted,
           * patterned and framed, so that they read as levels and not as
           * disabled buttons */
          GkRgb tint = gk_chart_band_colour (ctx, level);

          gk_chart_set_source (cr, &tint, 1);
          cairo_fill_preserve (cr);
          gk_pattern_fill (cr, &style->fill, GK_CHART_BAND_PATTERN_ALPHA, style->pattern);
          gk_chart_set_source (cr, &style->fill, 1);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      cairo_restore (cr);

      if (current)
        gk_chart_draw_text_backed (ctx, gk_level_label (level), GK_CHART_FONT_HEADING, &style->ink,
                                   &style->fill, 1, &text_box, GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER,
                                   GK_CHART_TEXT_ELLIPSIZE, NULL);
      else
        gk_chart_draw_text (ctx, gk_level_label (level), GK_CHART_FONT_BODY, &palette->foreground,
                            &text_box, GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
      gk_chart_context_add_hit_region (ctx, &tile, GK_CHART_HIT_HEADLINE_LEVEL, level, -1);
    }
}

/* An arrow up (+1), down (-1) or right (0) in a square of size. */
static void
draw_trend_arrow (cairo_t *cr,
                  double   x,
                  double   y,
                  double   size,
                  int      direction)
{
  double c = size / 2;

  cairo_save (cr);
  cairo_translate (cr, x + c, y + c);
  cairo_rotate (cr, direction > 0 ? -G_PI / 2 : direction < 0 ? G_PI / 2 : 0);
  cairo_set_line_width (cr, size * 0.16);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, -c * 0.75, 0);
  cairo_line_to (cr, c * 0.7, 0);
  cairo_move_to (cr, c * 0.1, -c * 0.6);
  cairo_line_to (cr, c * 0.75, 0);
  cairo_line_to (cr, c * 0.1, c * 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_info (GkChartContext            *ctx,
           const GkHeadlineChartData *data,
           const GkChartRect         *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double y = area->y;
  double line;
  GkChartRect box;
  const char *trend;
  int direction = 0;
  g_autofree char *caption = NULL;

  line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  if (data->period_label != NULL && *data->period_label != '\0')
    /* Translators: caption of the headline banner; %s is a period such as "Q3 2026" */
    caption = g_strdup_printf (_("Headline grip level, %s"), data->period_label);
  else
    caption = g_strdup (_("Headline grip level"));
  box = (GkChartRect) { area->x, y, area->width, line };
  gk_chart_draw_text (ctx, caption, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  y += line + 2;

  line = gk_chart_line_height (ctx, GK_CHART_FONT_LARGE);
  box = (GkChartRect) { area->x, y, area->width, line };
  gk_chart_draw_text (ctx, gk_level_label (data->level), GK_CHART_FONT_LARGE, &palette->foreground, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  y += line + 6;

  if (data->level == GK_LEVEL_NONE || data->previous_level == GK_LEVEL_NONE)
    trend = _("No earlier period to compare with");
  else if (data->level > data->previous_level)
    {
      trend = _("Better than the previous period");
      direction = 1;
    }
  else if (data->level < data->previous_level)
    {
      trend = _("Worse than the previous period");
      direction = -1;
    }
  else
    trend = _("Same as the previous period");

  line = gk_chart_line_height (ctx, GK_CHART_FONT_BODY);
  if (data->level != GK_LEVEL_NONE && data->previous_level != GK_LEVEL_NONE)
    {
      double size = round (line * 0.85);

      gk_chart_set_source (cr, &palette->foreground, 1);
      draw_trend_arrow (cr, area->x, y + (line - size) / 2, size, direction);
      box = (GkChartRect) { area->x + size + 6, y, area->width - size - 6, line };
    }
  else
    box = (GkChartRect) { area->x, y, area->width, line };
  gk_chart_draw_text (ctx, trend, GK_CHART_FONT_BODY, &palette->foreground, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  y += line + 4;

  line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  box = (GkChartRect) { area->x, y, area->width, line };
  if (g_date_valid (&data->latest_assessment))
    {
      g_autofree char *date = gk_format_chart_date (&data->latest_assessment);
      /* Translators: %s is a date such as "22 nov 2026" */
      g_autofree char *text = g_strdup_printf (_("Latest assessment %s"), date);

      gk_chart_draw_text (ctx, text, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
    }
  else
    gk_chart_draw_text (ctx, _("No assessments yet"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                        GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
}

void
gk_headline_chart_draw (GkChartContext            *ctx,
                        const GkHeadlineChartData *data,
                        const GkChartRect         *area)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GkChartRect inner = { area->x + PADDING, area->y + PADDING, area->width - 2 * PADDING, area->height - 2 * PADDING };
  GkChartRect tiles, info;

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  if (area->width >= WIDE_ENOUGH)
    {
      double tiles_width = MIN (floor (inner.width * 0.6), 3 * 180 + 2 * TILE_GAP);
      double height = tiles_height (ctx);

      tiles = (GkChartRect) { inner.x, inner.y + MAX (0, (info_height (ctx) - height) / 2), tiles_width, height };
      info = (GkChartRect) {
        inner.x + tiles_width + INFO_GAP, inner.y + MAX (0, (height - info_height (ctx)) / 2) + ARROW / 2,
        inner.width - tiles_width - INFO_GAP, info_height (ctx)
      };
    }
  else
    {
      tiles = (GkChartRect) { inner.x, inner.y, inner.width, tiles_height (ctx) };
      info = (GkChartRect) { inner.x, inner.y + tiles.height + 12, inner.width, info_height (ctx) };
    }

  draw_tiles (ctx, data, &tiles);
  draw_info (ctx, data, &info);

  cairo_restore (cr);
}
