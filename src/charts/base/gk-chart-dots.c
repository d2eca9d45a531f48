/* gk-chart-dots.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "gk-chart-dots.h"

gboolean
gk_chart_fill_dotted_hline (cairo_t *cr,
                            double   x0,
                            double   x1,
                            double   y)
{
  double dashes[2], offset, scale = 1, skew = 0, down_x = 0, down_y = 1;
  double ox = x0, oy = y, fx, fy, period, tx, ty;
  int width, height, n_dots;
  cairo_surface_t *tile;
  cairo_t *tile_cr;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_pattern_get_type (cairo_get_source (cr)) != CAIRO_PATTERN_TYPE_SOLID ||
      cairo_get_dash_count (cr) != 2 || cairo_get_line_cap (cr) != CAIRO_LINE_CAP_ROUND || x1 <= x0)
    return FALSE;
  cairo_get_dash (cr, dashes, &offset);
  cairo_user_to_device_distance (cr, &scale, &skew);
  cairo_user_to_device_distance (cr, &down_x, &down_y);
  period = (dashes[0] + dashes[1]) * scale;
  if (dashes[0] != 0 || offset != 0 || fabs (skew) > 1e-9 || fabs (down_x) > 1e-9 ||
      fabs (down_y - scale) > 1e-9 || scale <= 0 || fabs (period - round (period)) > 1e-9 || period < 2)
    return FALSE;

  /* The tile: one period wide, the dot in its middle at the fraction of a
   * pixel where the first dot falls; tall enough for the round cap. */
  cairo_user_to_device (cr, &ox, &oy);
  fx = ox - floor (ox);
  fy = oy - floor (oy);
  width = (int) round (period);
  height = 2 * (int) ceil (cairo_get_line_width (cr) * scale / 2 + 2);
  if (cairo_get_line_width (cr) * scale + 2 > width)
    return FALSE;   /* the dots touch: no gap to repeat at */
  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  tile_cr = cairo_create (tile);
  cairo_set_source (tile_cr, cairo_get_source (cr));
  cairo_set_line_width (tile_cr, cairo_get_line_width (cr) * scale);
  cairo_set_line_cap (tile_cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (tile_cr, (double[]) { 0, period }, 2, 0);
  cairo_move_to (tile_cr, width / 2 + fx, height / 2 + fy);
  cairo_line_to (tile_cr, width / 2 + fx + period / 2, height / 2 + fy);
  cairo_stroke (tile_cr);
  cairo_destroy (tile_cr);

  /* As many dots as the stroke makes: one at every whole period. */
  n_dots = (int) floor ((x1 - x0) * scale / period + 1e-9) + 1;
  tx = floor (ox) - width / 2;
  ty = floor (oy) - height / 2;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, tile, tx, ty);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_REPEAT);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, tx, ty, (double) n_dots * width, height);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (tile);
  return TRUE;
}

