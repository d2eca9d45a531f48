/* gk-chart-common.h: what every chart renderer shares
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderers draw with cairo and Pango only, so the same code paints a
 * widget, a printed page and an exported file. They think in "chart pixels"
 * (1/96 inch on screen); print and file output scale the cairo_t by 0.75 so
 * that a chart pixel becomes 0.75 pt and the smallest text stays above 7 pt.
 *
 * A GkChartContext lives as long as the widget or page that uses it: it keeps
 * the Pango context and the fonts, and it remembers what the last drawing put
 * where (text boxes and hit regions), so that a widget can hit-test and a
 * test can check that no two texts overlap.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "gk-enums.h"
#include "gk-level-style.h"

G_BEGIN_DECLS

/* Print and file output: chart pixels per point is 4/3, so scale by 3/4. */
#define GK_CHART_PRINT_SCALE 0.75

typedef struct {
  double x, y, width, height;
} GkChartRect;

gboolean gk_chart_rect_intersects   (const GkChartRect *a,
                                     const GkChartRect *b,
                                     double             tolerance);
gboolean gk_chart_rect_contains     (const GkChartRect *rect,
                                     double             x,
                                     double             y);

/* The colours of everything that is not a grip level. */
typedef struct {
  GkRgb background;
  GkRgb surface;       /* alternate rows, lane headers, cards */
  GkRgb foreground;
  GkRgb foreground_dim;
  GkRgb grid;
  GkRgb axis;
  GkRgb accent;        /* the today line */
  GkRgb warning;       /* overdue */
} GkChartPalette;

/* Measures by status, the same in every chart and legend. */
typedef struct {
  GkRgb    fill;
  GkRgb    ink;
  GkRgb    border;
  gboolean dashed;     /* an idea is only an outline */
  gboolean hatched;    /* dropped */
} GkStatusStyle;

#define GK_MEASURE_STATUS_COUNT (GK_MEASURE_STATUS_DROPPED + 1)

typedef enum {
  GK_CHART_FONT_SMALL,      /* axis ticks, owners, legends */
  GK_CHART_FONT_BODY,
  GK_CHART_FONT_BOLD,
  GK_CHART_FONT_HEADING,
  GK_CHART_FONT_LARGE,
  GK_CHART_N_FONTS,
} GkChartFont;

typedef enum {
  GK_CHART_ALIGN_START,
  GK_CHART_ALIGN_CENTER,
  GK_CHART_ALIGN_END,
} GkChartAlign;

typedef enum {
  GK_CHART_TEXT_NONE            = 0,
  GK_CHART_TEXT_ELLIPSIZE       = 1 << 0, /* shorten to the box; without it, drop what does not fit */
  GK_CHART_TEXT_AVOID_OVERLAP   = 1 << 1, /* drop when it would touch text drawn before */
  GK_CHART_TEXT_STRIKETHROUGH   = 1 << 2,
  GK_CHART_TEXT_ALLOW_OVERFLOW  = 1 << 3, /* may stick out of the box's height */
  GK_CHART_TEXT_WRAP            = 1 << 4, /* with ELLIPSIZE: wrap into the lines the box's height holds */
} GkChartTextFlags;

typedef struct {
  GkChartRect rect;
  char       *text;
} GkChartTextBox;

typedef enum {
  GK_CHART_HIT_NONE,
  GK_CHART_HIT_ROADMAP_CELL,        /* index: topic, sub_index: period */
  GK_CHART_HIT_ROADMAP_HEADLINE,    /* sub_index: period */
  GK_CHART_HIT_ROADMAP_TOPIC,       /* index: topic (its row header) */
  GK_CHART_HIT_ROADMAP_TARGET,      /* index: topic */
  GK_CHART_HIT_HEADLINE_LEVEL,      /* index: GkLevel */
  GK_CHART_HIT_INDICATOR_PLOT,      /* use gk_indicator_chart_hit_test() */
  GK_CHART_HIT_TIMELINE_MEASURE,    /* index: measure */
  GK_CHART_HIT_TIMELINE_PROJECT,    /* index: project (its row) */
  GK_CHART_HIT_TIMELINE_LINK,       /* index: link, sub_index: 1 when violated */
  GK_CHART_HIT_TIMELINE_TODAY,      /* the today line */
  GK_CHART_HIT_PROGRESS_SEGMENT,    /* index: project, sub_index: GkMeasureStatus */
  GK_CHART_HIT_PROGRESS_PROJECT,    /* index: project */
  GK_CHART_HIT_COVERAGE_SEGMENT,    /* index: topic, sub_index: GkMeasureStatus */
  GK_CHART_HIT_COVERAGE_TOPIC,      /* index: topic */
} GkChartHitKind;

typedef struct {
  GkChartRect    rect;
  GkChartHitKind kind;
  int            index;
  int            sub_index;
} GkChartHitRegion;

/* Value <-> x for a time axis, on Julian day numbers. */
typedef struct {
  double j0, j1;       /* Julian days at x0 and x1 */
  double x0, x1;
} GkChartTimeScale;

/* Value <-> y for a numeric axis. */
typedef struct {
  double v0, v1;       /* values at y0 and y1 */
  double y0, y1;
} GkChartValueScale;

typedef struct _GkChartContext GkChartContext;

GkChartContext       *gk_chart_context_new              (GkStyleVariant    variant);
void                  gk_chart_context_free             (GkChartContext   *ctx);

void                  gk_chart_context_set_variant      (GkChartContext   *ctx,
                                                         GkStyleVariant    variant);
GkStyleVariant        gk_chart_context_get_variant      (GkChartContext   *ctx);
/* 1.0 keeps the default sizes; GNOME's text scaling factor goes here. */
void                  gk_chart_context_set_font_scale   (GkChartContext   *ctx,
                                                         double            scale);
double                gk_chart_context_get_font_scale   (GkChartContext   *ctx);
/* The day the today line marks; unset (the default): no today line, and
 * nothing is in the future or overdue. Never the clock's. */
void                  gk_chart_context_set_today        (GkChartContext   *ctx,
                                                         const GDate      *today);
GDate                 gk_chart_context_get_today        (GkChartContext   *ctx);
void                  gk_chart_context_set_today_label  (GkChartContext   *ctx,
                                                         const char       *label);
const char           *gk_chart_context_get_today_label  (GkChartContext   *ctx);

/* Draw between begin and end. begin forgets the text boxes and hit regions
 * of the previous drawing; they stay readable after end. */
void                  gk_chart_context_begin            (GkChartContext   *ctx,
                                                         cairo_t          *cr);
void                  gk_chart_context_end              (GkChartContext   *ctx);
cairo_t              *gk_chart_context_get_cairo        (GkChartContext   *ctx);
PangoContext         *gk_chart_context_get_pango        (GkChartContext   *ctx);
/* Layouts that a caller with fonts of its own (the report) keeps, by keys
 * of its own (strings, freed by the table): emptied when the font scale
 * changes, freed with the context. */
GHashTable           *gk_chart_context_get_keyed_layouts (GkChartContext  *ctx);
const GkChartPalette *gk_chart_context_get_palette      (GkChartContext   *ctx);

void                  gk_chart_context_paint_background (GkChartContext   *ctx,
                                                         const GkChartRect *area);

const GkChartTextBox *gk_chart_context_get_text_boxes   (GkChartContext   *ctx,
                                                         guint            *n_boxes);
const GkChartHitRegion *gk_chart_context_get_hit_regions (GkChartContext  *ctx,
                                                         guint            *n_regions);
/* The region drawn last (on top) under x, y; NULL if none. */
const GkChartHitRegion *gk_chart_context_hit_test       (GkChartContext   *ctx,
                                                         double            x,
                                                         double            y);
void                  gk_chart_context_add_hit_region   (GkChartContext   *ctx,
                                                         const GkChartRect *rect,
                                                         GkChartHitKind    kind,
                                                         int               index,
                                                         int               sub_index);
/* The plot of the last chart with a value axis, for hit-testing. */
void                  gk_chart_context_set_plot         (GkChartContext   *ctx,
                                                         const GkChartRect *plot,
                                                         const GkChartTimeScale *time,
                                                         const GkChartValueScale *value);
gboolean              gk_chart_context_get_plot         (GkChartContext   *ctx,
                                                         GkChartRect      *plot,
                                                         GkChartTimeScale *time,
                                                         GkChartValueScale *value);
/* Whether a box is free of the text drawn so far. */
gboolean              gk_chart_context_text_area_free   (GkChartContext   *ctx,
                                                         const GkChartRect *rect);
/* Drop the box of the text drawn last (when the same text is drawn twice). */
void                  gk_chart_context_forget_last_text_box (GkChartContext *ctx);
/* Add a box that text must keep clear of, without drawing anything. */
void                  gk_chart_context_reserve_text_area (GkChartContext  *ctx,
                                                         const GkChartRect *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkChartContext, gk_chart_context_free)

/* Text. Sizes are in chart pixels, the font scale applied. */
double   gk_chart_font_size         (GkChartContext   *ctx,
                                     GkChartFont       font);

/* No chart or page lays out a line wider than this, in chart pixels, nor
 * more lines than this: text beyond them is never shaped. */
#define GK_CHART_TEXT_MAX_WIDTH 16384.0
#define GK_CHART_TEXT_MAX_LINES 128

/* Only what can be shown is laid out: Pango shapes the whole of a text
 * even when a few lines of it are kept, and a text of megabytes takes
 * minutes. The start of @text that @max_lines lines of @width chart pixels
 * can hold in a font of @font_size pixels (@width <= 0 or @max_lines <= 0:
 * the most above), with "…" after it; NULL when all of @text may show or
 * it is short (a thousand characters or fewer). */
char    *gk_chart_text_shown_part   (const char       *text,
                                     double            font_size,
                                     double            width,
                                     int               max_lines);
/* Sets the text of a layout, and counts it: every text a chart or the
 * report hands to Pango passes here. */
void     gk_chart_layout_set_text   (PangoLayout      *layout,
                                     const char       *text);
/* The bytes of text handed to Pango in this process so far: what tests and
 * benchmarks bound, instead of timing it. */
gsize    gk_chart_get_laid_out_bytes (void);
double   gk_chart_text_wrapped_height (GkChartContext *ctx,
                                       const char     *text,
                                       GkChartFont     font,
                                       double          width,
                                       int             max_lines);
void     gk_chart_text_size         (GkChartContext   *ctx,
                                     const char       *text,
                                     GkChartFont       font,
                                     double           *width,
                                     double           *height);
double   gk_chart_line_height       (GkChartContext   *ctx,
                                     GkChartFont       font);
gboolean gk_chart_draw_text         (GkChartContext   *ctx,
                                     const char       *text,
                                     GkChartFont       font,
                                     const GkRgb      *colour,
                                     const GkChartRect *box,
                                     GkChartAlign      halign,
                                     GkChartAlign      valign,
                                     GkChartTextFlags  flags,
                                     GkChartRect      *out_drawn);
/* The same on a rounded plate of backing colour. */
gboolean gk_chart_draw_text_backed  (GkChartContext   *ctx,
                                     const char       *text,
                                     GkChartFont       font,
                                     const GkRgb      *colour,
                                     const GkRgb      *backing,
                                     double            backing_alpha,
                                     const GkChartRect *box,
                                     GkChartAlign      halign,
                                     GkChartAlign      valign,
                                     GkChartTextFlags  flags,
                                     GkChartRect      *out_drawn);

/* Colours and small shapes. */
void     gk_chart_set_source        (cairo_t          *cr,
                                     const GkRgb      *rgb,
                                     double            alpha);
GkRgb    gk_rgb_mix                 (const GkRgb      *a,
                                     const GkRgb      *b,
                                     double            amount_of_b);
const GkRgb *gk_chart_ink_for       (GkChartContext   *ctx,
                                     const GkRgb      *fill);
void     gk_chart_rounded_rect      (cairo_t          *cr,
                                     double x, double y, double width, double height,
                                     double            radius);
const GkStatusStyle *gk_measure_status_style (GkMeasureStatus status,
                                              GkStyleVariant  variant);
void     gk_chart_fill_status       (GkChartContext   *ctx,
                                     GkMeasureStatus   status,
                                     const GkChartRect *rect);
void     gk_chart_fill_status_path  (GkChartContext   *ctx,
                                     GkMeasureStatus   status,
                                     double            alpha);
/* Measures by status as one stacked bar, done first; each segment counts
 * its measures when the number fits. The bar is scale_total measures long
 * at rect's full width. Returns the x where the bar ends. */
extern const GkMeasureStatus gk_chart_status_bar_order[GK_MEASURE_STATUS_COUNT];
double   gk_chart_draw_status_bar   (GkChartContext   *ctx,
                                     const guint      *counts,
                                     guint             scale_total,
                                     const GkChartRect *rect,
                                     GkChartHitKind    hit_kind,
                                     int               hit_index);
/* A pill with a label on a level's fill: health and level chips. */
double   gk_chart_chip_width        (GkChartContext   *ctx,
                                     const char       *label);
void     gk_chart_draw_chip         (GkChartContext   *ctx,
                                     const char       *label,
                                     GkLevel           level,
                                     gboolean          with_pattern,
                                     const GkChartRect *rect);
/* A row of swatches with labels, wrapped to the width; returns its height. */
typedef struct {
  const char *label;
  GkMeasureStatus status;   /* when kind is GK_CHART_LEGEND_STATUS */
  GkLevel         level;    /* when kind is GK_CHART_LEGEND_LEVEL */
  int             kind;
} GkChartLegendItem;

enum {
  GK_CHART_LEGEND_STATUS,
  GK_CHART_LEGEND_LEVEL,
  GK_CHART_LEGEND_TODAY,
  GK_CHART_LEGEND_OVERDUE,
  GK_CHART_LEGEND_TARGET,           /* a flag in the level's colours */
  GK_CHART_LEGEND_LINE,             /* measurements: a line with a point */
  GK_CHART_LEGEND_BASELINE,
  GK_CHART_LEGEND_TARGET_MARKER,
  GK_CHART_LEGEND_FORECAST,
  GK_CHART_LEGEND_BAND,             /* a level's tint behind a plot */
};

double   gk_chart_draw_legend       (GkChartContext   *ctx,
                                     const GkChartLegendItem *items,
                                     guint             n_items,
                                     const GkChartRect *area,
                                     gboolean          draw);
void     gk_chart_draw_target_flag  (GkChartContext   *ctx,
                                     GkLevel           level,
                                     double            x,
                                     double            y_bottom,
                                     double            size);

void     gk_chart_draw_target_marker (GkChartContext  *ctx,
                                     double            x,
                                     double            y,
                                     double            radius);
/* Round points on a ring of ring colour, as a line chart marks its values;
 * points holds x, y pairs. Raster targets get a pre-drawn sprite. */
void     gk_chart_draw_dots         (GkChartContext   *ctx,
                                     const double     *points,
                                     guint             n_points,
                                     double            radius,
                                     double            ring_width,
                                     const GkRgb      *fill,
                                     const GkRgb      *ring);
/* Straight lines as filled rectangles: crisp on whole pixels, and much
 * cheaper than strokes for cairo. */
void     gk_chart_hline             (cairo_t          *cr,
                                     double            x0,
                                     double            x1,
                                     double            y,
                                     double            width);
void     gk_chart_vline             (cairo_t          *cr,
                                     double            x,
                                     double            y0,
                                     double            y1,
                                     double            width);
void     gk_chart_dashed_hline      (cairo_t          *cr,
                                     double            x0,
                                     double            x1,
                                     double            y,
                                     double            width,
                                     double            dash,
                                     double            gap);
/* A level's band colour behind a plot: a light tint of its fill. */
/* How strongly a level's pattern shows on its band behind a plot. */
#define GK_CHART_BAND_PATTERN_ALPHA 0.2
void     gk_chart_set_baseline_line (GkChartContext   *ctx);
void     gk_chart_set_forecast_line (GkChartContext   *ctx);
void     gk_chart_set_target_line   (GkChartContext   *ctx);
GkRgb    gk_chart_band_colour       (GkChartContext   *ctx,
                                     GkLevel           level);

/* Numbers, money and dates in the user's locale (LC_NUMERIC, LC_TIME). */
char    *gk_format_number           (double            value,
                                     int               decimals);
char    *gk_format_euro             (double            value);
char    *gk_format_euro_compact     (double            value);
char    *gk_format_euro_millions    (double            value,
                                     int               decimals);
char    *gk_format_month            (const GDate      *date,
                                     gboolean          with_year);
char    *gk_format_quarter          (const GDate      *date,
                                     gboolean          with_year);
char    *gk_format_chart_date       (const GDate      *date);

G_END_DECLS
