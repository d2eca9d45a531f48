/* gk-report-layout.h: pages from a flow of text, tables and charts
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report says what comes in which order, as a GkReportFlow of blocks;
 * this engine decides where the pages break. It never cuts a text, a chart
 * or a table row in half: a block that does not fit moves to the next page,
 * a long table carries on with its header repeated, and a block marked
 * "keep with next" (a heading) moves along with what follows it. A chart
 * taller than a whole page is scaled down to fit, never cut.
 *
 * Everything is in chart pixels (GK_CHART_PRINT_SCALE points each), drawn
 * through a GkChartContext begun on the page's cairo_t, so charts and text
 * share one coordinate system.
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef enum {
  GK_REPORT_FONT_TITLE,
  GK_REPORT_FONT_HEADING,
  GK_REPORT_FONT_SUBHEADING,
  GK_REPORT_FONT_BODY,
  GK_REPORT_FONT_BODY_BOLD,
  GK_REPORT_FONT_SMALL,
  GK_REPORT_FONT_SMALL_BOLD,
  GK_REPORT_FONT_FIGURE,
  GK_REPORT_N_FONTS,
} GkReportFont;

typedef enum {
  GK_REPORT_INK_NORMAL,
  GK_REPORT_INK_DIM,
  GK_REPORT_INK_WARNING,
  GK_REPORT_INK_ACCENT,
} GkReportInk;

/* ---- text ------------------------------------------------------------------
 * Wrapped at @width (no wrapping when @width <= 0); at most @max_lines lines
 * (0: any number), the last one ellipsized. */
PangoLayout *gk_report_text_layout  (GkChartContext *ctx,
                                     const char     *text,
                                     GkReportFont    font,
                                     double          width,
                                     int             max_lines);
double       gk_report_text_height  (GkChartContext *ctx,
                                     const char     *text,
                                     GkReportFont    font,
                                     double          width,
                                     int             max_lines);
double       gk_report_text_width   (GkChartContext *ctx,
                                     const char     *text,
                                     GkReportFont    font);
/* Draws and returns the height it took. */
double       gk_report_draw_text    (GkChartContext *ctx,
                                     const char     *text,
                                     GkReportFont    font,
                                     GkReportInk     ink,
                                     double          x,
                                     double          y,
                                     double          width,
                                     GkChartAlign    align,
                                     int             max_lines);
const GkRgb *gk_report_ink_colour   (GkChartContext *ctx,
                                     GkReportInk     ink);

/* ---- tables ----------------------------------------------------------------
 * Cells hold text, optionally after a level chip or a measure status swatch.
 * Rows are zebra-striped under a header; a "plain" table (label and value
 * pairs) has neither. */
typedef struct _GkReportTable GkReportTable;

void   gk_report_table_set_column       (GkReportTable  *table,
                                         guint           column,
                                         const char     *title,
                                         double          weight,
                                         GkChartAlign    align);
void   gk_report_table_set_plain        (GkReportTable  *table,
                                         gboolean        plain);
/* Shown above the header on the pages the table continues on. */
void   gk_report_table_set_continued_label (GkReportTable *table,
                                         const char     *label);
guint  gk_report_table_add_row          (GkReportTable  *table);
guint  gk_report_table_get_n_rows       (GkReportTable  *table);
void   gk_report_table_set_text         (GkReportTable  *table,
                                         guint           row,
                                         guint           column,
                                         const char     *text);
void   gk_report_table_take_text        (GkReportTable  *table,
                                         guint           row,
                                         guint           column,
                                         char           *text);
void   gk_report_table_set_style        (GkReportTable  *table,
                                         guint           row,
                                         guint           column,
                                         GkReportFont    font,
                                         GkReportInk     ink);
/* A chip in the level's colours with @label, before the cell's text. */
void   gk_report_table_set_chip         (GkReportTable  *table,
                                         guint           row,
                                         guint           column,
                                         GkLevel         level,
                                         const char     *label);
/* A swatch in the status's style before the cell's text. */
void   gk_report_table_set_status       (GkReportTable  *table,
                                         guint           row,
                                         guint           column,
                                         GkMeasureStatus status);

/* ---- the flow --------------------------------------------------------------- */
typedef struct _GkReportFlow GkReportFlow;

/* The height a block wants at @width, and how to draw it into @area. */
typedef double (*GkReportMeasureFunc) (GkChartContext    *ctx,
                                       double             width,
                                       gpointer           data);
typedef void   (*GkReportDrawFunc)    (GkChartContext    *ctx,
                                       const GkChartRect *area,
                                       gpointer           data);

GkReportFlow  *gk_report_flow_new             (void);
void           gk_report_flow_free            (GkReportFlow        *flow);

void           gk_report_flow_add_page_break  (GkReportFlow        *flow);
/* Remembers the page the next block lands on (for contents and outline). */
void           gk_report_flow_add_anchor      (GkReportFlow        *flow,
                                               guint                anchor);
/* Vertical space; dropped at the top of a page. */
void           gk_report_flow_add_space       (GkReportFlow        *flow,
                                               double               height);
void           gk_report_flow_add_text        (GkReportFlow        *flow,
                                               const char          *text,
                                               GkReportFont         font,
                                               GkReportInk          ink,
                                               gboolean             keep_with_next);
void           gk_report_flow_add_block       (GkReportFlow        *flow,
                                               GkReportMeasureFunc  measure,
                                               GkReportDrawFunc     draw,
                                               gpointer             data,
                                               GDestroyNotify       destroy,
                                               gboolean             keep_with_next);
/* The same, for a block that may give up to @max_shrink of its height
 * (a chart that can be lower) to stay on the page it starts on; the draw
 * function then gets the lower area. */
void           gk_report_flow_add_shrinkable_block (GkReportFlow   *flow,
                                               GkReportMeasureFunc  measure,
                                               GkReportDrawFunc     draw,
                                               gpointer             data,
                                               GDestroyNotify       destroy,
                                               double               max_shrink);
/* The table belongs to the flow. */
GkReportTable *gk_report_flow_add_table       (GkReportFlow        *flow,
                                               guint                n_columns);

/* Breaks the flow into pages of @width x @height; returns the page count
 * (at least one). Measures with @ctx, which need not be begun. */
guint          gk_report_flow_paginate        (GkReportFlow        *flow,
                                               GkChartContext      *ctx,
                                               double               width,
                                               double               height);
guint          gk_report_flow_get_n_pages     (GkReportFlow        *flow);
/* The page (from 0) an anchor landed on, or -1. */
int            gk_report_flow_get_anchor_page (GkReportFlow        *flow,
                                               guint                anchor);
/* Where the pagination put things: on page @page, block @block (in the
 * order added, counting every gk_report_flow_add_* call) at @y with
 * @height; for a table the rows [row_start, row_end); @scale < 1 for a
 * block taller than a page. For tests and previews. */
typedef struct {
  guint  block;
  double y;
  double height;
  double scale;
  guint  row_start;
  guint  row_end;
} GkReportPlacement;

guint          gk_report_flow_get_n_placements (GkReportFlow       *flow,
                                                guint               page);
const GkReportPlacement *
               gk_report_flow_get_placement    (GkReportFlow       *flow,
                                                guint               page,
                                                guint               index);
/* Whether what follows the anchor is the first thing on its page. */
gboolean       gk_report_flow_get_anchor_at_top (GkReportFlow       *flow,
                                                guint               anchor);
/* Draws page @page with its top left corner at @x, @y on the begun @ctx. */
void           gk_report_flow_draw_page       (GkReportFlow        *flow,
                                               guint                page,
                                               GkChartContext      *ctx,
                                               double               x,
                                               double               y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkReportFlow, gk_report_flow_free)

/* ---- the sheet ---------------------------------------------------------------- */

/* The margins and bands of every sheet, in the pages' units (points over
 * GK_CHART_PRINT_SCALE). */
#define GK_REPORT_MARGIN        (15.0 / 25.4 * 72.0 / GK_CHART_PRINT_SCALE)
#define GK_REPORT_HEADER_HEIGHT 46.0
#define GK_REPORT_FOOTER_HEIGHT 32.0

/* The header and footer every sheet of a report has, drawn on @ctx's cairo
 * context: @title (bold) and @subtitle (or NULL) at the top left, @right
 * at the top right with @context (or NULL) under it, a rule under the
 * header; in the footer "Printed on @printed_on" and the page number. */
void  gk_report_draw_sheet_frame (GkChartContext *ctx,
                                  double          width,
                                  double          height,
                                  const char     *title,
                                  const char     *subtitle,
                                  const char     *right,
                                  const char     *context,
                                  const char     *printed_on,
                                  guint           page_nr,
                                  guint           n_pages);

/* ---- writing the pages of a report ------------------------------------------ */

/* What a report gives gk_report_write_pages(). */
typedef struct {
  guint (*get_n_pages) (gpointer report, double width_pt, double height_pt);
  void  (*draw_page)   (gpointer report, guint page, cairo_t *cr, double width_pt, double height_pt);
  void  (*add_outline) (gpointer report, cairo_surface_t *surface);
} GkPagedReport;

/* Draws every page of @report onto @surface (a PDF surface of the sheet,
 * its metadata set), the outline after them, then finishes and destroys
 * the surface; returns its status. @ctx is the context the report's
 * layouts were measured with: it is first bound to the surface at the
 * pages' scale, so that the layouts are drawn as they are, not shaped
 * again. */
cairo_status_t gk_report_write_pages (cairo_surface_t     *surface,
                                      GkChartContext      *ctx,
                                      double               width_pt,
                                      double               height_pt,
                                      const GkPagedReport *paged,
                                      gpointer             report);

G_END_DECLS
