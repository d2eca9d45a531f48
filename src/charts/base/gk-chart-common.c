/* gk-chart-common.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "gk-chart-common.h"
#include "gk-chart-fonts.h"
#include "gk-date.h"

/* Narrower than any printing character of the interface fonts ("i" and
 * "l" are 0.28 em in Cantarell and DejaVu Sans), so that the part of a text
 * that is laid out always holds all that can show. */
#define MIN_ADVANCE_EM 0.1
#define SHORT_TEXT_CHARS 1024

/* Shaped text survives between drawings: a widget redraws the same labels
 * many times. The cache is dropped wholesale when it grows too big. */
#define LAYOUT_CACHE_MAX 8192

struct _GkChartContext {
  GkStyleVariant        variant;
  double                font_scale;
  GDate                 today;
  char                 *today_label;

  cairo_t              *cr;
  PangoContext         *pango;
  cairo_matrix_t        pango_matrix;     /* what pango last heard of */
  cairo_font_options_t *pango_options;
  PangoFontDescription *fonts[GK_CHART_N_FONTS];
  double                line_heights[GK_CHART_N_FONTS];
  GHashTable           *layouts;          /* "font:width:text" -> PangoLayout */
  GHashTable           *keyed_layouts;    /* the callers' keys -> PangoLayout */

  GArray               *text_boxes;       /* GkChartTextBox */
  GArray               *hit_regions;      /* GkChartHitRegion */

  gboolean              has_plot;
  GkChartRect           plot;
  GkChartTimeScale      plot_time;
  GkChartValueScale     plot_value;
};

/* Sizes in chart pixels: at print scale SMALL is 8 pt, the floor is 7 pt. */
static const struct {
  double       size;
  PangoWeight  weight;
} font_specs[GK_CHART_N_FONTS] = {
  [GK_CHART_FONT_SMALL]   = { 11.0, PANGO_WEIGHT_NORMAL },
  [GK_CHART_FONT_BODY]    = { 12.5, PANGO_WEIGHT_NORMAL },
  [GK_CHART_FONT_BOLD]    = { 12.5, PANGO_WEIGHT_BOLD },
  [GK_CHART_FONT_HEADING] = { 15.0, PANGO_WEIGHT_BOLD },
  [GK_CHART_FONT_LARGE]   = { 21.0, PANGO_WEIGHT_BOLD },
};

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* GNOME palette (https://developer.gnome.org/hig/reference/palette.html) */
static const GkChartPalette palettes[] = {
  [GK_STYLE_VARIANT_LIGHT] = {
    .background     = RGB (0xffffff),
    .surface        = RGB (0xf6f5f4),
    .foreground     = RGB (0x241f31),
    .foreground_dim = RGB (0x5e5c64),
    .grid           = RGB (0xdeddda),
    .axis           = RGB (0x9a9996),
    .accent         = RGB (0x1c71d8),
    .warning        = RGB (0xc64600),
  },
  [GK_STYLE_VARIANT_DARK] = {
    .background     = RGB (0x1e1e1e),
    .surface        = RGB (0x2a2a2a),
    .foreground     = RGB (0xffffff),
    .foreground_dim = RGB (0xc0bfbc),
    .grid           = RGB (0x3d3d3d),
    .axis           = RGB (0x77767b),
    .accent         = RGB (0x78aeed),
    .warning        = RGB (0xffa348),
  },
};

/* Later statuses are darker (light style) or brighter (dark style), so that
 * the order survives a grey-scale printer; dropped is hatched. */
static const GkStatusStyle status_styles[2][GK_MEASURE_STATUS_COUNT] = {
  [GK_STYLE_VARIANT_LIGHT] = {
    [GK_MEASURE_STATUS_IDEA]        = { RGB (0xf6f5f4), RGB (0x241f31), RGB (0x77767b), TRUE, FALSE },
    [GK_MEASURE_STATUS_PLANNED]     = { RGB (0x99c1f1), RGB (0x241f31), RGB (0x62a0ea), FALSE, FALSE },
    [GK_MEASURE_STATUS_IN_PROGRESS] = { RGB (0x3584e4), RGB (0xffffff), RGB (0x1c71d8), FALSE, FALSE },
    [GK_MEASURE_STATUS_DONE]        = { RGB (0x1a5fb4), RGB (0xffffff), RGB (0x1a5fb4), FALSE, FALSE },
    [GK_MEASURE_STATUS_DROPPED]     = { RGB (0x9a9996), RGB (0x241f31), RGB (0x77767b), FALSE, TRUE },
  },
  [GK_STYLE_VARIANT_DARK] = {
    [GK_MEASURE_STATUS_IDEA]        = { RGB (0x3d3846), RGB (0xffffff), RGB (0x9a9996), TRUE, FALSE },
    [GK_MEASURE_STATUS_PLANNED]     = { RGB (0x1a5fb4), RGB (0xffffff), RGB (0x3584e4), FALSE, FALSE },
    [GK_MEASURE_STATUS_IN_PROGRESS] = { RGB (0x3584e4), RGB (0xffffff), RGB (0x62a0ea), FALSE, FALSE },
    [GK_MEASURE_STATUS_DONE]        = { RGB (0x99c1f1), RGB (0x241f31), RGB (0x99c1f1), FALSE, FALSE },
    [GK_MEASURE_STATUS_DROPPED]     = { RGB (0x5e5c64), RGB (0xffffff), RGB (0x9a9996), FALSE, TRUE },
  },
};

/* --- rectangles --------------------------------------------------------- */

gboolean
gk_chart_rect_intersects (const GkChartRect *a,
                          const GkChartRect *b,
                          double             tolerance)
{
  return a->x < b->x + b->width - tolerance &&
         b->x < a->x + a->width - tolerance &&
         a->y < b->y + b->height - tolerance &&
         b->y < a->y + a->height - tolerance;
}

gboolean
gk_chart_rect_contains (const GkChartRect *rect,
                        double             x,
                        double             y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

/* --- the context -------------------------------------------------------- */

static void
clear_text_box (gpointer data)
{
  GkChartTextBox *box = data;

  g_free (box->text);
}

static void
update_fonts (GkChartContext *ctx)
{
  for (int i = 0; i < GK_CHART_N_FONTS; i++)
    {
      PangoFontMetrics *metrics;

      g_clear_pointer (&ctx->fonts[i], pango_font_description_free);
      ctx->fonts[i] = pango_font_description_from_string ("Cantarell, DejaVu Sans");
      pango_font_description_set_absolute_size (ctx->fonts[i],
                                                font_specs[i].size * ctx->font_scale * PANGO_SCALE);
      pango_font_description_set_weight (ctx->fonts[i], font_specs[i].weight);

      metrics = pango_context_get_metrics (ctx->pango, ctx->fonts[i], NULL);
      ctx->line_heights[i] = (pango_font_metrics_get_ascent (metrics) +
                              pango_font_metrics_get_descent (metrics)) / (double) PANGO_SCALE;
      pango_font_metrics_unref (metrics);
    }
  g_hash_table_remove_all (ctx->layouts);
  if (ctx->keyed_layouts != NULL)
    g_hash_table_remove_all (ctx->keyed_layouts);
}

GkChartContext *
gk_chart_context_new (GkStyleVariant variant)
{
  GkChartContext *ctx = g_new0 (GkChartContext, 1);
  cairo_font_options_t *options;

  ctx->variant = variant;
  ctx->font_scale = 1.0;
  g_date_clear (&ctx->today, 1);

  /* Unhinted metrics: text measures the same on screen, paper and file, so
   * a layout that fits on screen fits in print. */
  ctx->pango = pango_font_map_create_context (gk_chart_fonts_get_font_map ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (ctx->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (ctx->pango, FALSE);
  pango_context_set_language (ctx->pango, pango_language_get_default ());

  ctx->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ctx->text_boxes = g_array_new (FALSE, FALSE, sizeof (GkChartTextBox));
  g_array_set_clear_func (ctx->text_boxes, clear_text_box);
  ctx->hit_regions = g_array_new (FALSE, FALSE, sizeof (GkChartHitRegion));

  update_fonts (ctx);

  return ctx;
}

void
gk_chart_context_free (GkChartContext *ctx)
{
  if (ctx == NULL)
    return;

  g_clear_pointer (&ctx->cr, cairo_destroy);
  for (int i = 0; i < GK_CHART_N_FONTS; i++)
    g_clear_pointer (&ctx->fonts[i], pango_font_description_free);
  g_hash_table_unref (ctx->layouts);
  g_clear_pointer (&ctx->keyed_layouts, g_hash_table_unref);
  g_object_unref (ctx->pango);
  g_clear_pointer (&ctx->pango_options, cairo_font_options_destroy);
  g_array_unref (ctx->text_boxes);
  g_array_unref (ctx->hit_regions);
  g_free (ctx->today_label);
  g_free (ctx);
}

void
gk_chart_context_set_variant (GkChartContext *ctx,
                              GkStyleVariant  variant)
{
  ctx->variant = variant;
}

GkStyleVariant
gk_chart_context_get_variant (GkChartContext *ctx)
{
  return ctx->variant;
}

void
gk_chart_context_set_font_scale (GkChartContext *ctx,
                                 double          scale)
{
  g_return_if_fail (scale > 0.1 && scale < 10);

  if (scale == ctx->font_scale)
    return;
  ctx->font_scale = scale;
  update_fonts (ctx);
}

double
gk_chart_context_get_font_scale (GkChartContext *ctx)
{
  return ctx->font_scale;
}

void
gk_chart_context_set_today (GkChartContext *ctx,
                            const GDate    *today)
{
  if (today != NULL && g_date_valid (today))
    ctx->today = *today;
  else
    g_date_clear (&ctx->today, 1);
}

/* A chart about a past period marks its end, not today: the report names
 * that line "End of period" instead of "Today". NULL names it "Today". */
void
gk_chart_context_set_today_label (GkChartContext *ctx,
                                  const char     *label)
{
  g_free (ctx->today_label);
  ctx->today_label = g_strdup (label);
}

const char *
gk_chart_context_get_today_label (GkChartContext *ctx)
{
  return ctx->today_label != NULL ? ctx->today_label : _("Today");
}

/* Charts never read the clock: the day comes from whoever draws (the chart
 * model, the report), so that a chart of the same data is the same picture
 * on any day. */
GDate
gk_chart_context_get_today (GkChartContext *ctx)
{
  return ctx->today;
}

/* Only the scale and the surface's font options matter for shaping; pango
 * ignores the translation. Telling pango anyway makes every layout shape
 * again at its next use: not when nothing changed (the pages of a report,
 * one chart after another on the same surface). */
static gboolean
pango_needs_update (GkChartContext *ctx,
                    cairo_t        *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;
  const cairo_matrix_t *last = &ctx->pango_matrix;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  if (ctx->pango_options != NULL && cairo_font_options_equal (options, ctx->pango_options) &&
      matrix.xx == last->xx && matrix.yx == last->yx && matrix.xy == last->xy && matrix.yy == last->yy)
    {
      cairo_font_options_destroy (options);
      return FALSE;
    }
  g_clear_pointer (&ctx->pango_options, cairo_font_options_destroy);
  ctx->pango_options = options;
  ctx->pango_matrix = matrix;
  return TRUE;
}

void
gk_chart_context_begin (GkChartContext *ctx,
                        cairo_t        *cr)
{
  g_return_if_fail (cr != NULL);

  g_clear_pointer (&ctx->cr, cairo_destroy);
  ctx->cr = cairo_reference (cr);
  if (pango_needs_update (ctx, cr))
    pango_cairo_update_context (cr, ctx->pango);
  g_array_set_size (ctx->text_boxes, 0);
  g_array_set_size (ctx->hit_regions, 0);
  ctx->has_plot = FALSE;
}

void
gk_chart_context_end (GkChartContext *ctx)
{
  g_clear_pointer (&ctx->cr, cairo_destroy);
}

cairo_t *
gk_chart_context_get_cairo (GkChartContext *ctx)
{
  return ctx->cr;
}

PangoContext *
gk_chart_context_get_pango (GkChartContext *ctx)
{
  return ctx->pango;
}

GHashTable *
gk_chart_context_get_keyed_layouts (GkChartContext *ctx)
{
  if (ctx->keyed_layouts == NULL)
    ctx->keyed_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return ctx->keyed_layouts;
}

const GkChartPalette *
gk_chart_context_get_palette (GkChartContext *ctx)
{
  return &palettes[ctx->variant == GK_STYLE_VARIANT_DARK];
}

void
gk_chart_context_paint_background (GkChartContext    *ctx,
                                   const GkChartRect *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);

  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, area->x, area->y, area->width, area->height);
  gk_chart_set_source (ctx->cr, &palette->background, 1);
  cairo_fill (ctx->cr);
  cairo_restore (ctx->cr);
}

const GkChartTextBox *
gk_chart_context_get_text_boxes (GkChartContext *ctx,
                                 guint          *n_boxes)
{
  *n_boxes = ctx->text_boxes->len;
  return (const GkChartTextBox *) (void *) ctx->text_boxes->data;
}

const GkChartHitRegion *
gk_chart_context_get_hit_regions (GkChartContext *ctx,
                                  guint          *n_regions)
{
  *n_regions = ctx->hit_regions->len;
  return (const GkChartHitRegion *) (void *) ctx->hit_regions->data;
}

const GkChartHitRegion *
gk_chart_context_hit_test (GkChartContext *ctx,
                           double          x,
                           double          y)
{
  for (guint i = ctx->hit_regions->len; i > 0; i--)
    {
      const GkChartHitRegion *region = &g_array_index (ctx->hit_regions, GkChartHitRegion, i - 1);

      if (gk_chart_rect_contains (&region->rect, x, y))
        return region;
    }
  return NULL;
}

void
gk_chart_context_add_hit_region (GkChartContext    *ctx,
                                 const GkChartRect *rect,
                                 GkChartHitKind     kind,
                                 int                index,
                                 int                sub_index)
{
  GkChartHitRegion region = { *rect, kind, index, sub_index };

  g_array_append_val (ctx->hit_regions, region);
}

void
gk_chart_context_set_plot (GkChartContext          *ctx,
                           const GkChartRect       *plot,
                           const GkChartTimeScale  *time,
                           const GkChartValueScale *value)
{
  ctx->has_plot = TRUE;
  ctx->plot = *plot;
  ctx->plot_time = *time;
  ctx->plot_value = *value;
}

gboolean
gk_chart_context_get_plot (GkChartContext    *ctx,
                           GkChartRect       *plot,
                           GkChartTimeScale  *time,
                           GkChartValueScale *value)
{
  if (!ctx->has_plot)
    return FALSE;
  if (plot)
    *plot = ctx->plot;
  if (time)
    *time = ctx->plot_time;
  if (value)
    *value = ctx->plot_value;
  return TRUE;
}

gboolean
gk_chart_context_text_area_free (GkChartContext    *ctx,
                                 const GkChartRect *rect)
{
  for (guint i = 0; i < ctx->text_boxes->len; i++)
    {
      const GkChartTextBox *box = &g_array_index (ctx->text_boxes, GkChartTextBox, i);

      if (gk_chart_rect_intersects (&box->rect, rect, 0.0))
        return FALSE;
    }
  return TRUE;
}

void
gk_chart_context_forget_last_text_box (GkChartContext *ctx)
{
  if (ctx->text_boxes->len > 0)
    g_array_set_size (ctx->text_boxes, ctx->text_boxes->len - 1);
}

void
gk_chart_context_reserve_text_area (GkChartContext    *ctx,
                                    const GkChartRect *rect)
{
  GkChartTextBox box = { *rect, NULL };

  g_array_append_val (ctx->text_boxes, box);
}

/* --- text --------------------------------------------------------------- */

double
gk_chart_font_size (GkChartContext *ctx,
                    GkChartFont     font)
{
  return font_specs[font].size * ctx->font_scale;
}

double
gk_chart_line_height (GkChartContext *ctx,
                      GkChartFont     font)
{
  return ctx->line_heights[font];
}

char *
gk_chart_text_shown_part (const char *text,
                          double      font_size,
                          double      width,
                          int         max_lines)
{
  gsize max_chars;
  const char *end = text;

  if (text == NULL)
    return NULL;
  if (!(width > 0 && width <= GK_CHART_TEXT_MAX_WIDTH))
    width = GK_CHART_TEXT_MAX_WIDTH;
  if (max_lines <= 0 || max_lines > GK_CHART_TEXT_MAX_LINES)
    max_lines = GK_CHART_TEXT_MAX_LINES;
  max_chars = (gsize) max_lines * ((gsize) ceil (width / (MIN_ADVANCE_EM * MAX (font_size, 1))) + 1);
  /* A short text stays whole, even where it is ellipsized: shaping it costs
   * nothing, and a PDF keeps all of it for copying. */
  max_chars = MAX (max_chars, SHORT_TEXT_CHARS);

  /* Fewer bytes than that are fewer characters: the usual, quick case. */
  if (strnlen (text, max_chars + 1) <= max_chars)
    return NULL;
  for (gsize n = 0; n < max_chars && *end != '\0'; n++)
    end = g_utf8_find_next_char (end, NULL);
  if (*end == '\0')
    return NULL;
  {
    GString *shown = g_string_new_len (text, end - text);

    /* Says that there is more, even where the cut part fits after all. */
    g_string_append (shown, "…");
    return g_string_free (shown, FALSE);
  }
}

static gsize laid_out_bytes;

void
gk_chart_layout_set_text (PangoLayout *layout,
                          const char  *text)
{
  gsize length = text != NULL ? strlen (text) : 0;

  g_atomic_pointer_add (&laid_out_bytes, (gssize) length);
  pango_layout_set_text (layout, text != NULL ? text : "", (int) MIN (length, G_MAXINT));
}

gsize
gk_chart_get_laid_out_bytes (void)
{
  return (gsize) g_atomic_pointer_get (&laid_out_bytes);
}

/* A shaped layout for the text in the font, ellipsized to width (in whole
 * pixels) when width > 0. Owned by the cache. */
static PangoLayout *
get_layout_lines (GkChartContext *ctx,
                  const char     *text,
                  GkChartFont     font,
                  int             width,
                  int             max_lines)
{
  char key_prefix[48];
  g_autofree char *key = NULL;
  g_autofree char *shown = NULL;
  PangoLayout *layout;

  /* One paragraph: without a width, one line of the widest there is. */
  shown = gk_chart_text_shown_part (text, gk_chart_font_size (ctx, font), width, width > 0 ? max_lines : 1);
  if (shown != NULL)
    text = shown;
  g_snprintf (key_prefix, sizeof key_prefix, "%d:%d:%d:", (int) font, width, max_lines);
  key = g_strconcat (key_prefix, text, NULL);
  layout = g_hash_table_lookup (ctx->layouts, key);
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (ctx->layouts) >= LAYOUT_CACHE_MAX)
    g_hash_table_remove_all (ctx->layouts);

  layout = pango_layout_new (ctx->pango);
  pango_layout_set_font_description (layout, ctx->fonts[font]);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          /* A negative height counts lines: wrap at words, ellipsize the last. */
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }
  gk_chart_layout_set_text (layout, text);
  g_hash_table_insert (ctx->layouts, g_steal_pointer (&key), layout);

  return layout;
}

static PangoLayout *
get_layout (GkChartContext *ctx,
            const char     *text,
            GkChartFont     font,
            int             width)
{
  return get_layout_lines (ctx, text, font, width, 1);
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

/* The height @text takes wrapped to @width in at most @max_lines lines. */
double
gk_chart_text_wrapped_height (GkChartContext *ctx,
                              const char     *text,
                              GkChartFont     font,
                              double          width,
                              int             max_lines)
{
  double w, h;

  if (text == NULL || *text == '\0' || width < 1)
    return gk_chart_line_height (ctx, font);
  layout_size (get_layout_lines (ctx, text, font, (int) floor (width), MAX (max_lines, 1)), &w, &h);
  return h;
}

void
gk_chart_text_size (GkChartContext *ctx,
                    const char     *text,
                    GkChartFont     font,
                    double         *width,
                    double         *height)
{
  double w, h;

  layout_size (get_layout (ctx, text, font, -1), &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

static double
align_offset (GkChartAlign align,
              double       space,
              double       size)
{
  switch (align)
    {
    case GK_CHART_ALIGN_CENTER:
      return (space - size) / 2;
    case GK_CHART_ALIGN_END:
      return space - size;
    case GK_CHART_ALIGN_START:
    default:
      return 0;
    }
}

/* Draws text inside box, or nothing when it cannot be drawn readably
 * there. The rectangle it took is recorded, so that later text can keep
 * clear of it and tests can prove that no text overlaps. A backing colour
 * paints a rounded plate under the text first, to lift it off lines,
 * patterns and data behind it. */
static gboolean
draw_text_full (GkChartContext    *ctx,
                const char        *text,
                GkChartFont        font,
                const GkRgb       *colour,
                const GkRgb       *backing,
                double             backing_alpha,
                const GkChartRect *box,
                GkChartAlign       halign,
                GkChartAlign       valign,
                GkChartTextFlags   flags,
                GkChartRect       *out_drawn)
{
  PangoLayout *layout;
  GkChartRect drawn;
  GkChartTextBox record;
  double width, height;
  g_autofree char *shown = NULL;

  if (text == NULL || *text == '\0' || box->width <= 0)
    return FALSE;

  /* No more than the box can hold is measured, drawn or recorded. */
  shown = gk_chart_text_shown_part (text, gk_chart_font_size (ctx, font), box->width,
                                    (flags & GK_CHART_TEXT_WRAP)
                                    ? (int) MAX (1, ceil ((box->height + 0.5) / gk_chart_line_height (ctx, font)))
                                    : 1);
  if (shown != NULL)
    text = shown;
  layout = get_layout (ctx, text, font, -1);
  layout_size (layout, &width, &height);
  if (width > box->width + 0.01)
    {
      int max_width = (int) floor (box->width);

      int max_lines = 1;

      /* An ellipsis after less than about three letters says nothing. */
      if (!(flags & GK_CHART_TEXT_ELLIPSIZE) || max_width < 2.6 * gk_chart_font_size (ctx, font))
        return FALSE;
      if (flags & GK_CHART_TEXT_WRAP)
        max_lines = MAX (1, (int) floor ((box->height + 0.5) / gk_chart_line_height (ctx, font)));
      layout = get_layout_lines (ctx, text, font, max_width, max_lines);
      layout_size (layout, &width, &height);
      width = MIN (width, max_width);
    }
  if (height > box->height + 0.5 && !(flags & GK_CHART_TEXT_ALLOW_OVERFLOW))
    return FALSE;

  drawn.x = box->x + align_offset (halign, box->width, width);
  drawn.y = box->y + align_offset (valign, box->height, height);
  drawn.width = width;
  drawn.height = height;

  if ((flags & GK_CHART_TEXT_AVOID_OVERLAP) && !gk_chart_context_text_area_free (ctx, &drawn))
    return FALSE;

  if (ctx->cr != NULL)
    {
      cairo_t *cr = ctx->cr;

      if (backing != NULL)
        {
          gk_chart_rounded_rect (cr, drawn.x - 3, drawn.y, drawn.width + 6, drawn.height, 3);
          gk_chart_set_source (cr, backing, backing_alpha);
          cairo_fill (cr);
        }
      gk_chart_set_source (cr, colour, 1);
      cairo_move_to (cr, drawn.x, drawn.y);
      pango_cairo_show_layout (cr, layout);
      if (flags & GK_CHART_TEXT_STRIKETHROUGH)
        gk_chart_hline (cr, drawn.x, drawn.x + width, drawn.y + height * 0.55, 1);
    }

  record.rect = drawn;
  record.text = g_strdup (text);
  g_array_append_val (ctx->text_boxes, record);

  if (out_drawn)
    *out_drawn = drawn;
  return TRUE;
}

gboolean
gk_chart_draw_text (GkChartContext    *ctx,
                    const char        *text,
                    GkChartFont        font,
                    const GkRgb       *colour,
                    const GkChartRect *box,
                    GkChartAlign       halign,
                    GkChartAlign       valign,
                    GkChartTextFlags   flags,
                    GkChartRect       *out_drawn)
{
  return draw_text_full (ctx, text, font, colour, NULL, 0, box, halign, valign, flags, out_drawn);
}

gboolean
gk_chart_draw_text_backed (GkChartContext    *ctx,
                           const char        *text,
                           GkChartFont        font,
                           const GkRgb       *colour,
                           const GkRgb       *backing,
                           double             backing_alpha,
                           const GkChartRect *box,
                           GkChartAlign       halign,
                           GkChartAlign       valign,
                           GkChartTextFlags   flags,
                           GkChartRect       *out_drawn)
{
  return draw_text_full (ctx, text, font, colour, backing, backing_alpha, box, halign, valign, flags, out_drawn);
}

/* --- colours and shapes ------------------------------------------------- */

void
gk_chart_set_source (cairo_t     *cr,
                     const GkRgb *rgb,
                     double       alpha)
{
  if (alpha >= 1.0)
    cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
  else
    cairo_set_source_rgba (cr, rgb->r, rgb->g, rgb->b, alpha);
}

GkRgb
gk_rgb_mix (const GkRgb *a,
            const GkRgb *b,
            double       amount_of_b)
{
  GkRgb mixed = {
    a->r + (b->r - a->r) * amount_of_b,
    a->g + (b->g - a->g) * amount_of_b,
    a->b + (b->b - a->b) * amount_of_b,
  };

  return mixed;
}

/* Text that stays readable on a fill: the palette's own foreground if it
 * contrasts, else its opposite. */
const GkRgb *
gk_chart_ink_for (GkChartContext *ctx,
                  const GkRgb    *fill)
{
  static const GkRgb dark_ink = RGB (0x241f31);
  static const GkRgb light_ink = RGB (0xffffff);

  return gk_rgb_relative_luminance (fill) > 0.30 ? &dark_ink : &light_ink;
}

void
gk_chart_rounded_rect (cairo_t *cr,
                       double x, double y, double width, double height,
                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0.01)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

const GkStatusStyle *
gk_measure_status_style (GkMeasureStatus status,
                         GkStyleVariant  variant)
{
  g_return_val_if_fail (status <= GK_MEASURE_STATUS_DROPPED, &status_styles[0][0]);

  return &status_styles[variant == GK_STYLE_VARIANT_DARK][status];
}

/* Fills the current path in a status's style, then clears the path. No
 * clipping: cairo is slow to clip to shapes other than rectangles. */
void
gk_chart_fill_status_path (GkChartContext  *ctx,
                           GkMeasureStatus  status,
                           double           alpha)
{
  const GkStatusStyle *style = gk_measure_status_style (status, ctx->variant);
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  gk_chart_set_source (cr, &style->fill, alpha);
  cairo_fill_preserve (cr);
  if (style->hatched)
    gk_pattern_fill (cr, &style->ink, 0.35 * alpha, GK_LEVEL_PATTERN_HATCH);
  if (style->dashed)
    {
      double dash[] = { 3.0, 2.0 };

      gk_chart_set_source (cr, &style->border, alpha);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

/* A status swatch or segment: fill, hatch for dropped, dashes for ideas. */
void
gk_chart_fill_status (GkChartContext    *ctx,
                      GkMeasureStatus    status,
                      const GkChartRect *rect)
{
  const GkStatusStyle *style = gk_measure_status_style (status, ctx->variant);

  if (rect->width <= 0 || rect->height <= 0)
    return;
  if (style->dashed)
    cairo_rectangle (ctx->cr, rect->x + 0.5, rect->y + 0.5, rect->width - 1, rect->height - 1);
  else
    cairo_rectangle (ctx->cr, rect->x, rect->y, rect->width, rect->height);
  gk_chart_fill_status_path (ctx, status, 1.0);
}

const GkMeasureStatus gk_chart_status_bar_order[GK_MEASURE_STATUS_COUNT] = {
  GK_MEASURE_STATUS_DONE,
  GK_MEASURE_STATUS_IN_PROGRESS,
  GK_MEASURE_STATUS_PLANNED,
  GK_MEASURE_STATUS_IDEA,
  GK_MEASURE_STATUS_DROPPED,
};

double
gk_chart_draw_status_bar (GkChartContext    *ctx,
                          const guint       *counts,
                          guint              scale_total,
                          const GkChartRect *rect,
                          GkChartHitKind     hit_kind,
                          int                hit_index)
{
  cairo_t *cr = ctx->cr;
  double x = rect->x;
  double unit;

  if (scale_total == 0)
    return x;
  unit = rect->width / scale_total;

  cairo_save (cr);
  for (guint i = 0; i < GK_MEASURE_STATUS_COUNT; i++)
    {
      GkMeasureStatus status = gk_chart_status_bar_order[i];
      const GkStatusStyle *style = gk_measure_status_style (status, ctx->variant);
      g_autofree char *label = NULL;
      GkChartRect segment;

      if (counts[status] == 0)
        continue;
      /* whole pixels, and a hairline between segments */
      segment = (GkChartRect) { round (x), rect->y, round (x + counts[status] * unit) - round (x), rect->height };
      gk_chart_fill_status (ctx, status, &segment);
      if (segment.x > rect->x)
        {
          cairo_rectangle (cr, segment.x, segment.y, 1, segment.height);
          gk_chart_set_source (cr, &gk_chart_context_get_palette (ctx)->background, 1);
          cairo_fill (cr);
        }
      label = g_strdup_printf ("%u", counts[status]);
      segment.x += 1;
      segment.width -= 2;
      gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &style->ink, &segment,
                          GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_NONE, NULL);
      segment.x -= 1;
      segment.width += 2;
      if (hit_kind != GK_CHART_HIT_NONE)
        gk_chart_context_add_hit_region (ctx, &segment, hit_kind, hit_index, status);
      x += counts[status] * unit;
    }
  cairo_restore (cr);
  return x;
}

double
gk_chart_chip_width (GkChartContext *ctx,
                     const char     *label)
{
  double width;

  gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &width, NULL);
  return ceil (width + 20);
}

void
gk_chart_draw_chip (GkChartContext    *ctx,
                    const char        *label,
                    GkLevel            level,
                    gboolean           with_pattern,
                    const GkChartRect *rect)
{
  const GkLevelStyle *style = gk_level_style_get (level, ctx->variant);
  cairo_t *cr = ctx->cr;
  GkChartRect text = { rect->x + 8, rect->y, rect->width - 16, rect->height };

  cairo_save (cr);
  gk_chart_rounded_rect (cr, rect->x, rect->y, rect->width, rect->height, rect->height / 2);
  gk_chart_set_source (cr, &style->fill, 1);
  cairo_fill_preserve (cr);
  if (with_pattern)
    gk_level_style_fill_pattern (cr, style);
  cairo_new_path (cr);
  if (level == GK_LEVEL_NONE)
    {
      gk_chart_rounded_rect (cr, rect->x + 0.5, rect->y + 0.5, rect->width - 1, rect->height - 1, rect->height / 2);
      gk_chart_set_source (cr, &gk_chart_context_get_palette (ctx)->axis, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &style->ink, &text,
                      GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
}

static void
draw_legend_swatch (GkChartContext          *ctx,
                    const GkChartLegendItem *item,
                    const GkChartRect       *swatch)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = ctx->cr;

  switch (item->kind)
    {
    case GK_CHART_LEGEND_STATUS:
      gk_chart_fill_status (ctx, item->status, swatch);
      break;
    case GK_CHART_LEGEND_LEVEL:
      gk_level_style_fill_rect (cr, gk_level_style_get (item->level, ctx->variant),
                                swatch->x, swatch->y, swatch->width, swatch->height);
      break;
    case GK_CHART_LEGEND_TODAY:
      gk_chart_set_source (cr, &palette->accent, 1);
      cairo_rectangle (cr, swatch->x + swatch->width / 2 - 1, swatch->y - 1, 2, swatch->height + 2);
      cairo_fill (cr);
      break;
    case GK_CHART_LEGEND_OVERDUE:
      cairo_save (cr);
      gk_chart_set_source (cr, &palette->warning, 1);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, swatch->x + 1, swatch->y + 1, swatch->width - 2, swatch->height - 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    case GK_CHART_LEGEND_TARGET:
      gk_chart_draw_target_flag (ctx, item->level, swatch->x + 2, swatch->y + swatch->height + 1,
                                 swatch->height + 2);
      break;
    case GK_CHART_LEGEND_LINE:
      cairo_save (cr);
      gk_chart_set_source (cr, &palette->foreground, 1);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, swatch->x - 3, swatch->y + swatch->height / 2);
      cairo_line_to (cr, swatch->x + swatch->width + 3, swatch->y + swatch->height / 2);
      cairo_stroke (cr);
      cairo_arc (cr, swatch->x + swatch->width / 2, swatch->y + swatch->height / 2, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_restore (cr);
      break;
    case GK_CHART_LEGEND_BASELINE:
    case GK_CHART_LEGEND_FORECAST:
      cairo_save (cr);
      if (item->kind == GK_CHART_LEGEND_FORECAST)
        gk_chart_set_forecast_line (ctx);
      else
        gk_chart_set_baseline_line (ctx);
      cairo_move_to (cr, swatch->x - 3, swatch->y + swatch->height / 2);
      cairo_line_to (cr, swatch->x + swatch->width + 3, swatch->y + swatch->height / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    case GK_CHART_LEGEND_TARGET_MARKER:
      gk_chart_draw_target_marker (ctx, swatch->x + swatch->width / 2, swatch->y + swatch->height / 2,
                                   swatch->height / 2 + 1);
      break;
    case GK_CHART_LEGEND_BAND:
      {
        GkRgb band = gk_chart_band_colour (ctx, item->level);
        const GkLevelStyle *style = gk_level_style_get (item->level, ctx->variant);

        cairo_rectangle (cr, swatch->x, swatch->y, swatch->width, swatch->height);
        gk_chart_set_source (cr, &band, 1);
        cairo_fill_preserve (cr);
        gk_pattern_fill (cr, &style->fill, GK_CHART_BAND_PATTERN_ALPHA, style->pattern);
        cairo_new_path (cr);
        cairo_rectangle (cr, swatch->x, swatch->y, swatch->width, 2);
        gk_chart_set_source (cr, &style->fill, 1);
        cairo_fill (cr);
      }
      break;
    default:
      break;
    }
}

/* Swatches and labels in reading order, wrapped to the width. */
double
gk_chart_draw_legend (GkChartContext          *ctx,
                      const GkChartLegendItem *items,
                      guint                    n_items,
                      const GkChartRect       *area,
                      gboolean                 draw)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double swatch = round (line * 0.8);
  double gap = 6, item_gap = 18, row_gap = 4;
  double x = area->x, y = area->y;

  for (guint i = 0; i < n_items; i++)
    {
      const char *label = items[i].kind == GK_CHART_LEGEND_TODAY ? gk_chart_context_get_today_label (ctx)
                                                                 : items[i].label;
      double text_width;
      double item_width;

      gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &text_width, NULL);
      item_width = swatch + gap + text_width;
      if (x > area->x && x + item_width > area->x + area->width)
        {
          x = area->x;
          y += line + row_gap;
        }
      if (draw)
        {
          GkChartRect swatch_rect = { x, y + (line - swatch) / 2, swatch, swatch };
          GkChartRect text_rect = { x + swatch + gap, y, area->x + area->width - (x + swatch + gap), line };

          draw_legend_swatch (ctx, &items[i], &swatch_rect);
          gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &palette->foreground_dim,
                              &text_rect, GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER,
                              GK_CHART_TEXT_ELLIPSIZE, NULL);
        }
      x += item_width + item_gap;
    }

  return n_items > 0 ? y + line - area->y : 0;
}

/* A pennant on a pole standing on y_bottom, in the colours of the level. */
void
gk_chart_draw_target_flag (GkChartContext *ctx,
                           GkLevel         level,
                           double          x,
                           double          y_bottom,
                           double          size)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkLevelStyle *style = gk_level_style_get (level, ctx->variant);
  cairo_t *cr = ctx->cr;
  double top = y_bottom - size;
  double flag_height = size * 0.55;
  double flag_width = size * 0.75;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  gk_chart_set_source (cr, &palette->foreground, 1);
  cairo_move_to (cr, x, y_bottom);
  cairo_line_to (cr, x, top);
  cairo_stroke (cr);

  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x + flag_width, top + flag_height / 2);
  cairo_line_to (cr, x, top + flag_height);
  cairo_close_path (cr);
  gk_chart_set_source (cr, &style->fill, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gk_chart_set_source (cr, &palette->foreground, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A bullseye: the value an indicator must reach. */
void
gk_chart_draw_target_marker (GkChartContext *ctx,
                             double          x,
                             double          y,
                             double          radius)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  gk_chart_set_source (cr, &palette->background, 1);
  cairo_fill_preserve (cr);
  gk_chart_set_source (cr, &palette->foreground, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_arc (cr, x, y, radius * 0.45, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The device pixels per user unit when drawing on whole pixels pays off:
 * 1 or 2 on an unrotated image surface, else 0. */
static int
raster_scale (cairo_t *cr)
{
  double dx = 1, dy = 0;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return 0;
  cairo_user_to_device_distance (cr, &dx, &dy);
  if (fabs (dy) > 1e-6)
    return 0;
  if (fabs (dx - 1) < 1e-6)
    return 1;
  if (fabs (dx - 2) < 1e-6)
    return 2;
  return 0;
}

void
gk_chart_draw_dots (GkChartContext *ctx,
                    const double   *points,
                    guint           n_points,
                    double          radius,
                    double          ring_width,
                    const GkRgb    *fill,
                    const GkRgb    *ring)
{
  cairo_t *cr = ctx->cr;
  int scale = raster_scale (cr);
  double outer = radius + ring_width;

  cairo_save (cr);
  if (scale > 0)
    {
      /* a sprite, placed on whole device pixels */
      int size = (int) ceil (outer) * 2 + 2;
      cairo_surface_t *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size * scale, size * scale);
      cairo_t *sprite_cr = cairo_create (sprite);

      cairo_scale (sprite_cr, scale, scale);
      cairo_arc (sprite_cr, size / 2.0, size / 2.0, outer, 0, 2 * G_PI);
      gk_chart_set_source (sprite_cr, ring, 1);
      cairo_fill (sprite_cr);
      cairo_arc (sprite_cr, size / 2.0, size / 2.0, radius, 0, 2 * G_PI);
      gk_chart_set_source (sprite_cr, fill, 1);
      cairo_fill (sprite_cr);
      cairo_destroy (sprite_cr);
      cairo_surface_set_device_scale (sprite, scale, scale);

      for (guint i = 0; i < n_points; i++)
        {
          double x = points[2 * i], y = points[2 * i + 1];

          cairo_user_to_device (cr, &x, &y);
          x = round (x);
          y = round (y);
          cairo_device_to_user (cr, &x, &y);
          cairo_set_source_surface (cr, sprite, x - size / 2.0, y - size / 2.0);
          cairo_rectangle (cr, x - size / 2.0, y - size / 2.0, size, size);
          cairo_fill (cr);
        }
      cairo_surface_destroy (sprite);
    }
  else
    {
      for (guint i = 0; i < n_points; i++)
        {
          cairo_arc (cr, points[2 * i], points[2 * i + 1], outer, 0, 2 * G_PI);
          gk_chart_set_source (cr, ring, 1);
          cairo_fill (cr);
          cairo_arc (cr, points[2 * i], points[2 * i + 1], radius, 0, 2 * G_PI);
          gk_chart_set_source (cr, fill, 1);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

void
gk_chart_hline (cairo_t *cr,
                double   x0,
                double   x1,
                double   y,
                double   width)
{
  cairo_rectangle (cr, x0, round (y - width / 2), x1 - x0, width);
  cairo_fill (cr);
}

void
gk_chart_vline (cairo_t *cr,
                double   x,
                double   y0,
                double   y1,
                double   width)
{
  cairo_rectangle (cr, round (x - width / 2), y0, width, y1 - y0);
  cairo_fill (cr);
}

void
gk_chart_dashed_hline (cairo_t *cr,
                       double   x0,
                       double   x1,
                       double   y,
                       double   width,
                       double   dash,
                       double   gap)
{
  double top = round (y - width / 2);

  for (double x = x0; x < x1; x += dash + gap)
    cairo_rectangle (cr, x, top, MIN (dash, x1 - x), width);
  cairo_fill (cr);
}

/* The three kinds of reference line of an indicator chart must differ in
 * grey and without colour: the baseline is dotted, the forecast dashed and
 * the target solid. Each sets the source, width and dash of @ctx's cairo. */
void
gk_chart_set_baseline_line (GkChartContext *ctx)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double dots[] = { 0, 4 };

  gk_chart_set_source (cr, &gk_chart_context_get_palette (ctx)->foreground_dim, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dots, 2, 0);
}

void
gk_chart_set_forecast_line (GkChartContext *ctx)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double dashes[] = { 8, 4 };

  gk_chart_set_source (cr, &gk_chart_context_get_palette (ctx)->accent, 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dashes, 2, 0);
}

void
gk_chart_set_target_line (GkChartContext *ctx)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);

  gk_chart_set_source (cr, &gk_chart_context_get_palette (ctx)->accent, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, NULL, 0, 0);
}

GkRgb
gk_chart_band_colour (GkChartContext *ctx,
                      GkLevel         level)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);

  return gk_level_band_colour (level, ctx->variant, &palette->background);
}

/* --- numbers, money, dates ---------------------------------------------- */

typedef struct {
  const char *decimal_point;
  const char *thousands_sep;
} NumberFormat;

/* LC_NUMERIC's separators; a locale without a thousands separator (C) gets
 * the one English readers expect, so that large sums stay readable. */
static NumberFormat
number_format (void)
{
  struct lconv *lc = localeconv ();
  NumberFormat format = { ".", "," };

  if (lc->decimal_point != NULL && *lc->decimal_point != '\0')
    format.decimal_point = lc->decimal_point;
  if (lc->thousands_sep != NULL && *lc->thousands_sep != '\0')
    format.thousands_sep = lc->thousands_sep;
  else if (strcmp (format.decimal_point, ",") == 0)
    format.thousands_sep = ".";
  return format;
}

char *
gk_format_number (double value,
                  int    decimals)
{
  NumberFormat format = number_format ();
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 64];
  char spec[16];
  GString *out;
  const char *point, *p;
  gsize n_int;

  decimals = CLAMP (decimals, 0, 6);
  if (!isfinite (value))
    return g_strdup ("–");
  if (fabs (value) >= 1e15)
    return g_strdup_printf ("%g", value);

  g_snprintf (spec, sizeof spec, "%%.%df", decimals);
  g_ascii_formatd (digits, sizeof digits, spec, fabs (value));

  out = g_string_new (NULL);
  /* no "-0" after rounding */
  if (value < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append_c (out, '-');

  point = strchr (digits, '.');
  n_int = point ? (gsize) (point - digits) : strlen (digits);
  for (p = digits; p < digits + n_int; p++)
    {
      gsize left = n_int - (p - digits);

      g_string_append_c (out, *p);
      if (left > 1 && (left - 1) % 3 == 0)
        g_string_append (out, format.thousands_sep);
    }
  if (point)
    {
      g_string_append (out, format.decimal_point);
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

static char *
with_euro_sign (const char *number,
                gboolean    negative)
{
  struct lconv *lc = localeconv ();
  gboolean before = lc->p_cs_precedes != 0;        /* CHAR_MAX in C: before */
  gboolean space = lc->p_sep_by_space == 1;

  if (!before)
    return g_strdup_printf ("%s%s €", negative ? "-" : "", number);
  /* Dutch readers write "€ -1.234", English ones "-€1,234" */
  if (space)
    return g_strdup_printf ("€ %s%s", negative ? "-" : "", number);
  return g_strdup_printf ("%s€%s", negative ? "-" : "", number);
}

/* Whole euros: "€ 1.234.567" in Dutch, "€1,234,567" in English. */
char *
gk_format_euro (double value)
{
  g_autofree char *number = gk_format_number (fabs (round (value)), 0);

  return with_euro_sign (number, round (value) < 0);
}

/* Axis ticks: "€ 1,5 mln" rather than seven digits. */
char *
gk_format_euro_millions (double value,
                         int    decimals)
{
  g_autofree char *number = gk_format_number (fabs (value) / 1e6, decimals);
  g_autofree char *millions = NULL;

  /* Translators: an amount in millions, for chart axes: "1.5M"; Dutch "1,5 mln" */
  millions = g_strdup_printf (C_("amount", "%sM"), number);
  return with_euro_sign (millions, value < 0 && fabs (value) >= 0.5 * pow (10, 6 - decimals));
}

char *
gk_format_euro_compact (double value)
{
  double millions = fabs (value) / 1e6;

  if (millions < 1)
    return gk_format_euro (value);
  return gk_format_euro_millions (value, fabs (millions - round (millions)) < 0.05 ? 0 : 1);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  char buffer[128];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  if (g_date_strftime (buffer, sizeof buffer, format, date) == 0)
    return g_strdup ("");
  return g_strdup (g_strstrip (buffer));
}

/* "okt 2026" / "Oct 2026" from the locale's month names. */
char *
gk_format_month (const GDate *date,
                 gboolean     with_year)
{
  /* Translators: strftime(3) formats of a month on chart axes. */
  return format_date (date, with_year ? C_("chart month", "%b %Y") : C_("chart month", "%b"));
}

/* "Q1 2026" (Dutch "K1 2026"). */
char *
gk_format_quarter (const GDate *date,
                   gboolean     with_year)
{
  int quarter;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  quarter = (g_date_get_month (date) - 1) / 3 + 1;
  if (with_year)
    /* Translators: a calendar quarter and its year, "Q1 2026"; Dutch "K1 2026" */
    return g_strdup_printf (_("Q%d %d"), quarter, (int) g_date_get_year (date));
  /* Translators: a calendar quarter without its year, "Q1"; Dutch "K1" */
  return g_strdup_printf (C_("quarter", "Q%d"), quarter);
}

char *
gk_format_chart_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return gk_date_format_display (date);
}
