/* gk-chart-dots.h: a dotted line from a tile, on pixels
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A dotted line (dashes of length 0 with round caps, as the baseline's) is
 * some 480 dots across a wide chart, each a cap that cairo strokes on its
 * own. On pixels every dot sits at the same place within its pixels: one is
 * stroked into a tile of one period, with the line's own settings, and the
 * tile is repeated along the line, pixel for pixel. FALSE where that does
 * not hold (files, recordings, a rotation, a period of a fraction of a
 * pixel): the caller strokes.
 *
 * Draws the horizontal line from @x0 to @x1 at @y (user space) with the
 * source, line width, caps and dashes set on @cr, as cairo_stroke() would. */
gboolean gk_chart_fill_dotted_hline (cairo_t *cr,
                                     double   x0,
                                     double   x1,
                                     double   y);

G_END_DECLS
