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
  [GK_LEVEL_IN_CONTROL] = { { 0.180, 0.761, 0.494 }, { 0.141, 0.122, 0.192 }, GK_LEVEL_PATTERN_NONE },
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

/* Patterns are tiles repeated from the user-space origin, so that adjacent
 * cells line up and a whole matrix costs one fill per cell. Raster targets
 * get a ready image tile at their pixel scale; everything else (PDF, SVG,
 * GTK's recording surfaces) gets a vector tile. */
/* CIE L*: lightness as people see it, 0 (black) to 100 (white). Grey-scale
 * printing keeps roughly this, so levels are told apart by it. */
double
gk_rgb_lightness (const GkRgb *rgb)
{
  double y = gk_rgb_relative_luminance (rgb);

  return y > 216.0 / 24389.0 ? 116.0 * cbrt (y) - 16.0 : y * 24389.0 / 27.0;
}

/* The lightness of each level's band behind a plot: far enough apart that
 * the three bands stay different in grey, with In control between the
 * light Vigilant and the darker Serious. */
static const double band_lightness[2][GK_LEVEL_IN_CONTROL + 1] = {
  [GK_STYLE_VARIANT_LIGHT] = {
    [GK_LEVEL_NONE] = 95, [GK_LEVEL_SERIOUS] = 79, [GK_LEVEL_VIGILANT] = 96, [GK_LEVEL_IN_CONTROL] = 87,
  },
  [GK_STYLE_VARIANT_DARK] = {
    [GK_LEVEL_NONE] = 20, [GK_LEVEL_SERIOUS] = 36, [GK_LEVEL_VIGILANT] = 20, [GK_LEVEL_IN_CONTROL] = 28,
  },
};

/* The level's fill mixed into @background until it has the band's
 * lightness (as near as the fill allows). */
GkRgb
gk_level_band_colour (GkLevel         level,
                      GkStyleVariant  variant,
                      const GkRgb    *background)
{
  const GkLevelStyle *style = gk_level_style_get (level, variant);
  double target = band_lightness[variant == GK_STYLE_VARIANT_DARK][MIN (level, GK_LEVEL_IN_CONTROL)];
  double from = gk_rgb_lightness (background);
  double lo = 0, hi = 1;

  /* lightness moves monotonically from the background's to the fill's */
  for (int i = 0; i < 24; i++)
    {
      double t = (lo + hi) / 2;
      GkRgb mixed = {
        background->r + (style->fill.r - background->r) * t,
        background->g + (style->fill.g - background->g) * t,
        background->b + (style->fill.b - background->b) * t,
      };
      double l = gk_rgb_lightness (&mixed);

      if ((l - target) * (from - target) > 0)
        lo = t;   /* still on the background's side of the target */
      else
        hi = t;
    }
  return (GkRgb) {
    background->r + (style->fill.r - background->r) * hi,
    background->g + (style->fill.g - background->g) * hi,
    background->b + (style->fill.b - background->b) * hi,
  };
}

#define TILE 8.0

typedef enum {
  TILE_VECTOR,
  TILE_IMAGE_1X,
  TILE_IMAGE_2X,
  N_TILE_KINDS,
} TileKind;

static void
draw_tile (cairo_t        *cr,
           const GkRgb    *ink,
           double          alpha,
           GkLevelPattern  pattern)
{
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, alpha);
  cairo_set_line_width (cr, 1.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  switch (pattern)
    {
    case GK_LEVEL_PATTERN_CROSSHATCH:
      /* the "\" lines; the "/" lines follow below */
      for (int k = -1; k <= 1; k++)
        {
          cairo_move_to (cr, -TILE, -TILE + k * TILE);
          cairo_line_to (cr, 2 * TILE, 2 * TILE + k * TILE);
        }
      G_GNUC_FALLTHROUGH;
    case GK_LEVEL_PATTERN_HATCH:
      for (int k = 0; k <= 2; k++)
        {
          cairo_move_to (cr, -TILE, k * TILE + TILE);
          cairo_line_to (cr, 2 * TILE, k * TILE - 2 * TILE);
        }
      cairo_stroke (cr);
      break;
    case GK_LEVEL_PATTERN_DOTS:
      cairo_arc (cr, TILE / 2, TILE / 2, 1.1, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case GK_LEVEL_PATTERN_NONE:
    default:
      break;
    }
}

/* Pixman repeats a tile one run at a time: an image tile of eight by eight
 * pattern cells takes an eighth of the runs that one cell takes, which is
 * most of the time a chart spends on a large banded area. */
#define CELLS_PER_IMAGE_TILE 8

/* A square surface of @size user units to draw a tile on: recorded for
 * vector output, else pixels at the target's scale (@format for those). */
static cairo_surface_t *
create_tile_surface (TileKind       kind,
                     double         size,
                     cairo_format_t format)
{
  cairo_surface_t *surface;
  int scale = kind == TILE_IMAGE_2X ? 2 : 1;

  if (kind == TILE_VECTOR)
    {
      cairo_rectangle_t extents = { 0, 0, size, size };

      return cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
    }
  surface = cairo_image_surface_create (format, size * scale, size * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

static cairo_surface_t *
create_cell (const GkRgb    *ink,
             double          alpha,
             GkLevelPattern  pattern,
             TileKind        kind)
{
  cairo_surface_t *cell = create_tile_surface (kind, TILE, CAIRO_FORMAT_ARGB32);
  cairo_t *cr;

  cr = cairo_create (cell);
  cairo_rectangle (cr, 0, 0, TILE, TILE);
  cairo_clip (cr);
  draw_tile (cr, ink, alpha, pattern);
  cairo_destroy (cr);
  return cell;
}

/* The tile to repeat: the pattern's cell, on @background when there is one
 * (one opaque fill instead of a colour and then the pattern over it). */
static cairo_pattern_t *
create_tile_pattern (const GkRgb    *background,
                     const GkRgb    *ink,
                     double          alpha,
                     GkLevelPattern  pattern,
                     TileKind        kind)
{
  cairo_surface_t *cell = create_cell (ink, alpha, pattern, kind);
  cairo_surface_t *tile = cell;
  cairo_pattern_t *tile_pattern;

  if (kind != TILE_VECTOR || background != NULL)
    {
      double size = kind == TILE_VECTOR ? TILE : TILE * CELLS_PER_IMAGE_TILE;
      cairo_pattern_t *cells = cairo_pattern_create_for_surface (cell);
      cairo_t *cr;

      tile = create_tile_surface (kind, size, background != NULL ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32);
      cr = cairo_create (tile);
      if (background != NULL)
        {
          cairo_set_source_rgb (cr, background->r, background->g, background->b);
          cairo_paint (cr);
        }
      cairo_pattern_set_extend (cells, CAIRO_EXTEND_REPEAT);
      cairo_pattern_set_filter (cells, CAIRO_FILTER_NEAREST);
      cairo_set_source (cr, cells);
      cairo_rectangle (cr, 0, 0, size, size);
      cairo_fill (cr);
      cairo_destroy (cr);
      cairo_pattern_destroy (cells);
      cairo_surface_destroy (cell);
    }

  tile_pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (tile_pattern, CAIRO_EXTEND_REPEAT);
  cairo_pattern_set_filter (tile_pattern, CAIRO_FILTER_NEAREST);
  cairo_surface_destroy (tile);

  return tile_pattern;
}

static TileKind
tile_kind_for (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double dx = 1, dy = 0;
  double scale;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return TILE_VECTOR;

  cairo_user_to_device_distance (cr, &dx, &dy);
  if (fabs (dy) > 1e-6)
    return TILE_VECTOR;
  scale = fabs (dx);
  if (fabs (scale - 1) < 1e-6)
    return TILE_IMAGE_1X;
  if (fabs (scale - 2) < 1e-6)
    return TILE_IMAGE_2X;
  return TILE_VECTOR;
}

/* Tiles are made once: a chart fills hundreds of cells with a handful of
 * patterns. The cache is small and bounded; past it, tiles are made anew. */
typedef struct {
  gboolean         has_background;
  GkRgb            background;
  GkRgb            ink;
  double           alpha;
  GkLevelPattern   pattern;
  TileKind         kind;
  cairo_pattern_t *tile;
} TileEntry;

static gboolean
same_rgb (const GkRgb *a,
          const GkRgb *b)
{
  return a->r == b->r && a->g == b->g && a->b == b->b;
}

static gboolean
tile_entry_matches (const TileEntry *entry,
                    const GkRgb     *background,
                    const GkRgb     *ink,
                    double           alpha,
                    GkLevelPattern   pattern,
                    TileKind         kind)
{
  return entry->pattern == pattern && entry->kind == kind && entry->alpha == alpha &&
         same_rgb (&entry->ink, ink) && entry->has_background == (background != NULL) &&
         (background == NULL || same_rgb (&entry->background, background));
}

static cairo_pattern_t *
get_tile_pattern (const GkRgb    *background,
                  const GkRgb    *ink,
                  double          alpha,
                  GkLevelPattern  pattern,
                  TileKind        kind)
{
  static TileEntry cache[64];
  static guint n_cached;
  static GMutex lock;
  cairo_pattern_t *tile = NULL;

  g_mutex_lock (&lock);
  for (guint i = 0; i < n_cached && tile == NULL; i++)
    if (tile_entry_matches (&cache[i], background, ink, alpha, pattern, kind))
      tile = cairo_pattern_reference (cache[i].tile);
  if (tile == NULL)
    {
      tile = create_tile_pattern (background, ink, alpha, pattern, kind);
      if (n_cached < G_N_ELEMENTS (cache))
        cache[n_cached++] = (TileEntry) {
          background != NULL, background != NULL ? *background : (GkRgb) { 0, 0, 0 },
          *ink, alpha, pattern, kind, cairo_pattern_reference (tile)
        };
    }
  g_mutex_unlock (&lock);

  return tile;
}

void
gk_pattern_fill (cairo_t        *cr,
                 const GkRgb    *ink,
                 double          alpha,
                 GkLevelPattern  pattern)
{
  cairo_pattern_t *tile;

  if (pattern == GK_LEVEL_PATTERN_NONE)
    return;

  tile = get_tile_pattern (NULL, ink, alpha, pattern, tile_kind_for (cr));
  cairo_set_source (cr, tile);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (tile);
}

void
gk_pattern_fill_on (cairo_t        *cr,
                    const GkRgb    *background,
                    const GkRgb    *ink,
                    double          alpha,
                    GkLevelPattern  pattern)
{
  cairo_pattern_t *tile;

  if (pattern == GK_LEVEL_PATTERN_NONE)
    {
      cairo_set_source_rgb (cr, background->r, background->g, background->b);
      cairo_fill_preserve (cr);
      return;
    }

  tile = get_tile_pattern (background, ink, alpha, pattern, tile_kind_for (cr));
  cairo_set_source (cr, tile);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (tile);
}

void
gk_level_style_fill_pattern (cairo_t            *cr,
                             const GkLevelStyle *style)
{
  gk_pattern_fill (cr, &style->ink, 0.38, style->pattern);
}

void
gk_level_style_fill_rect (cairo_t            *cr,
                          const GkLevelStyle *style,
                          double x, double y,
                          double width, double height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  gk_pattern_fill_on (cr, &style->fill, &style->ink, 0.38, style->pattern);
  cairo_new_path (cr);
  cairo_restore (cr);
}
