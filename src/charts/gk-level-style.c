/* gk-level-style.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "gk-level-style.h"

/* Colours from the GNOME palette, chosen so that their lightness is far
 * apart: Serious is the darkest, Vigilant the lightest colour, In control
 * in between, and "not assessed" is a pale grey with dots. */
static const GkLevelStyle light_styles[] = {
  [GK_LEVEL_NONE]       = { { 0.965, 0.961, 0.957 }, { 0.369, 0.361, 0.392 }, GK_LEVEL_PATTERN_DOTS },
  [GK_LEVEL_SERIOUS]    = { { 0.647, 0.114, 0.176 }, { 1.000, 1.000, 1.000 }, GK_LEVEL_PATTERN_CROSSHATCH },
  [GK_LEVEL_VIGILANT]   = { { 0.973, 0.894, 0.361 }, { 0.239, 0.220, 0.275 }, GK_LEVEL_PATTERN_HATCH },
  [GK_LEVEL_IN_CONTROL] = { { 0.180, 0.604, 0.392 }, { 1.000, 1.000, 1.000 }, GK_LEVEL_PATTERN_NONE },
};

static const GkLevelStyle dark_styles[] = {
  [GK_LEVEL_NONE]       = { { 0.239, 0.220, 0.275 }, { 0.753, 0.749, 0.737 }, GK_LEVEL_PATTERN_DOTS },
  [GK_LEVEL_SERIOUS]    = { { 0.878, 0.106, 0.141 }, { 1.000, 1.000, 1.000 }, GK_LEVEL_PATTERN_CROSSHATCH },
  [GK_LEVEL_VIGILANT]   = { { 0.965, 0.827, 0.176 }, { 0.141, 0.122, 0.192 }, GK_LEVEL_PATTERN_HATCH },
  [GK_LEVEL_IN_CONTROL] = { { 0.200, 0.820, 0.478 }, { 0.141, 0.122, 0.192 }, GK_LEVEL_PATTERN_NONE },
};

const GkLevelStyle *
gk_level_style_get (GkLevel        level,
                    GkStyleVariant variant)
{
  g_return_val_if_fail (level <= GK_LEVEL_IN_CONTROL, &light_styles[GK_LEVEL_NONE]);

  return variant == GK_STYLE_VARIANT_DARK ? &dark_styles[level] : &light_styles[level];
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance: what a grey-scale printer keeps of a colour. */
double
gk_rgb_relative_luminance (const GkRgb *rgb)
{
  return 0.2126 * linear_channel (rgb->r) +
         0.7152 * linear_channel (rgb->g) +
         0.0722 * linear_channel (rgb->b);
}

static void
stroke_diagonals (cairo_t *cr,
                  double x, double y, double width, double height,
                  double spacing,
                  int    direction)
{
  for (double d = -height; d < width; d += spacing)
    {
      if (direction > 0)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
        }
      else
        {
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + height, y + height);
        }
    }
  cairo_stroke (cr);
}

void
gk_level_style_fill_rect (cairo_t            *cr,
                          const GkLevelStyle *style,
                          double x, double y,
                          double width, double height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, style->fill.r, style->fill.g, style->fill.b);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  cairo_set_source_rgba (cr, style->ink.r, style->ink.g, style->ink.b, 0.35);
  cairo_set_line_width (cr, 1.0);
  switch (style->pattern)
    {
    case GK_LEVEL_PATTERN_HATCH:
      stroke_diagonals (cr, x, y, width, height, 6.0, 1);
      break;
    case GK_LEVEL_PATTERN_CROSSHATCH:
      stroke_diagonals (cr, x, y, width, height, 6.0, 1);
      stroke_diagonals (cr, x, y, width, height, 6.0, -1);
      break;
    case GK_LEVEL_PATTERN_DOTS:
      for (double dy = y + 3; dy < y + height; dy += 6)
        for (double dx = x + 3; dx < x + width; dx += 6)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, dx, dy, 0.9, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case GK_LEVEL_PATTERN_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}
