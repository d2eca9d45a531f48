/* gk-level-style.h: how every chart shows a grip level
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A level must survive a grey-scale printer and a colour-blind reader, so
 * each level has a colour, a clearly different lightness, a pattern and a
 * short text label.
 */
#pragma once

#include <cairo.h>

#include "gk-enums.h"

G_BEGIN_DECLS

typedef enum {
  GK_LEVEL_PATTERN_NONE,        /* plain fill */
  GK_LEVEL_PATTERN_DOTS,
  GK_LEVEL_PATTERN_HATCH,       /* diagonal lines */
  GK_LEVEL_PATTERN_CROSSHATCH,
} GkLevelPattern;

typedef struct {
  double r, g, b;
} GkRgb;

typedef struct {
  GkRgb          fill;
  GkRgb          ink;       /* text and pattern drawn on the fill */
  GkLevelPattern pattern;
} GkLevelStyle;

/* Screen charts follow the light or dark style; print is always light. */
typedef enum {
  GK_STYLE_VARIANT_LIGHT,
  GK_STYLE_VARIANT_DARK,
} GkStyleVariant;

const GkLevelStyle *gk_level_style_get        (GkLevel        level,
                                               GkStyleVariant variant);
double              gk_rgb_relative_luminance (const GkRgb   *rgb);
double              gk_rgb_lightness          (const GkRgb   *rgb);
/* A level's tint behind a plot on @background, with a lightness of its own
 * so that the bands differ in grey too. */
GkRgb               gk_level_band_colour      (GkLevel         level,
                                               GkStyleVariant  variant,
                                               const GkRgb    *background);
void                gk_level_style_fill_rect  (cairo_t            *cr,
                                               const GkLevelStyle *style,
                                               double x, double y,
                                               double width, double height);
/* Fill the current path with a pattern in ink, keeping the path (tiles
 * repeat from the origin of user space, so neighbouring shapes line up). */
void                gk_pattern_fill             (cairo_t            *cr,
                                                 const GkRgb        *ink,
                                                 double              alpha,
                                                 GkLevelPattern      pattern);
/* Fill the current path with background and, over it, a pattern in ink, in
 * one go (an opaque tile: on a large area much faster than a fill with the
 * colour and another with the pattern), keeping the path. */
void                gk_pattern_fill_on          (cairo_t            *cr,
                                                 const GkRgb        *background,
                                                 const GkRgb        *ink,
                                                 double              alpha,
                                                 GkLevelPattern      pattern);
/* Fill the current path with the style's pattern (not its fill colour),
 * keeping the path. */
void                gk_level_style_fill_pattern (cairo_t            *cr,
                                                 const GkLevelStyle *style);

G_END_DECLS
