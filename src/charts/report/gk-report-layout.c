/* gk-report-layout.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "gk-report-layout.h"

/* Sizes in chart pixels: body text prints at about 10 pt, small at 8.6 pt. */
static const struct {
  double      size;
  PangoWeight weight;
} font_specs[GK_REPORT_N_FONTS] = {
  [GK_REPORT_FONT_TITLE]      = { 28.0, PANGO_WEIGHT_BOLD },
  [GK_REPORT_FONT_HEADING]    = { 21.0, PANGO_WEIGHT_BOLD },
  [GK_REPORT_FONT_SUBHEADING] = { 16.0, PANGO_WEIGHT_BOLD },
  [GK_REPORT_FONT_BODY]       = { 13.5, PANGO_WEIGHT_NORMAL },
  [GK_REPORT_FONT_BODY_BOLD]  = { 13.5, PANGO_WEIGHT_BOLD },
  [GK_REPORT_FONT_SMALL]      = { 11.5, PANGO_WEIGHT_NORMAL },
  [GK_REPORT_FONT_SMALL_BOLD] = { 11.5, PANGO_WEIGHT_BOLD },
  [GK_REPORT_FONT_FIGURE]     = { 30.0, PANGO_WEIGHT_BOLD },
};

#define CELL_PAD_X       6.0
#define CELL_PAD_Y       5.0
#define PLAIN_PAD_Y      3.0
#define CELL_MAX_LINES   8
#define TEXT_MAX_LINES   40
#define CHIP_HEIGHT      18.0
#define CHIP_GAP         6.0
#define SWATCH_SIZE      11.0
#define CONTINUED_HEIGHT 20.0
#define BLOCK_GAP        10.0
#define TABLE_GAP        16.0

/* --- text ------------------------------------------------------------------ */

/* A flow or table keeps no more of a text than the widest page can show in
 * @max_lines lines, even at half the font size: it is copied for every
 * sheet size and every try at fitting the summary. NULL when all of it
 * may show. */
static char *
shorten_for_storage (const char   *text,
                     GkReportFont  font,
                     int           max_lines)
{
  return gk_chart_text_shown_part (text, font_specs[font].size * 0.5, -1, max_lines);
}

/* The family, parsed once: a report sets some 20,000 layouts' fonts. */
static const PangoFontDescription *
font_family (void)
{
  static gsize family = 0;

  if (g_once_init_enter (&family))
    g_once_init_leave (&family, (gsize) pango_font_description_from_string ("Cantarell, DejaVu Sans"));
  return (const PangoFontDescription *) family;
}

static double
font_size (GkChartContext *ctx,
           GkReportFont    font)
{
  return font_specs[font].size * gk_chart_context_get_font_scale (ctx);
}

static PangoFontDescription *
font_description (GkChartContext *ctx,
                  GkReportFont    font)
{
  PangoFontDescription *desc = pango_font_description_copy_static (font_family ());

  pango_font_description_set_absolute_size (desc, font_size (ctx, font) * PANGO_SCALE);
  pango_font_description_set_weight (desc, font_specs[font].weight);
  return desc;
}

/* A layout of @text as it is: the caller has cut it to what can show. */
static PangoLayout *
new_layout (GkChartContext *ctx,
            const char     *text,
            GkReportFont    font,
            double          width,
            int             max_lines)
{
  PangoLayout *layout = pango_layout_new (gk_chart_context_get_pango (ctx));
  PangoFontDescription *desc = font_description (ctx, font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  gk_chart_layout_set_text (layout, text);
  return layout;
}

PangoLayout *
gk_report_text_layout (GkChartContext *ctx,
                       const char     *text,
                       GkReportFont    font,
                       double          width,
                       int             max_lines)
{
  /* What lies beyond the lines kept is never shaped: an ambition of 64 MB
   * is laid out as fast as one of a page. */
  g_autofree char *shown = gk_chart_text_shown_part (text, font_size (ctx, font), width, max_lines);

  return new_layout (ctx, shown != NULL ? shown : text, font, width, max_lines);
}

/* Layouts are kept with the context, by text, font and width: the
 * pagination measures each text, the drawing measures it again and shows
 * it, and all of them use one shaped layout. Dropped when full, like the
 * charts' own. */
#define LAYOUT_CACHE_MAX 32768

/* Owned by the cache; the same layout for the same text, font, size and
 * width until the cache is full. */
static PangoLayout *
cached_layout (GkChartContext *ctx,
               const char     *text,
               GkReportFont    font,
               double          width,
               int             max_lines)
{
  GHashTable *cache = gk_chart_context_get_keyed_layouts (ctx);
  /* The key holds what shows, not all of a long text. */
  g_autofree char *shown = gk_chart_text_shown_part (text, font_size (ctx, font), width, max_lines);
  char prefix[64];
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (shown != NULL)
    text = shown;
  /* What the layout depends on: the font and its size, the width in pango
   * units as new_layout() sets it, the lines. */
  g_snprintf (prefix, sizeof prefix, "%d:%d:%d:%d:", (int) font,
              (int) (font_size (ctx, font) * PANGO_SCALE),
              width > 0 ? (int) floor (width * PANGO_SCALE) : -1, max_lines);
  key = g_strconcat (prefix, text, NULL);
  layout = g_hash_table_lookup (cache, key);
  if (layout != NULL)
    return layout;
  if (g_hash_table_size (cache) >= LAYOUT_CACHE_MAX)
    g_hash_table_remove_all (cache);
  layout = new_layout (ctx, text, font, width, max_lines);
  g_hash_table_insert (cache, g_steal_pointer (&key), layout);
  return layout;
}

double
gk_report_text_height (GkChartContext *ctx,
                       const char     *text,
                       GkReportFont    font,
                       double          width,
                       int             max_lines)
{
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0;
  pango_layout_get_extents (cached_layout (ctx, text, font, width, max_lines), NULL, &logical);
  return ceil (logical.height / (double) PANGO_SCALE);
}

double
gk_report_text_width (GkChartContext *ctx,
                      const char     *text,
                      GkReportFont    font)
{
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0;
  pango_layout_get_extents (cached_layout (ctx, text, font, -1, 0), NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

const GkRgb *
gk_report_ink_colour (GkChartContext *ctx,
                      GkReportInk     ink)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);

  switch (ink)
    {
    case GK_REPORT_INK_DIM:
      return &palette->foreground_dim;
    case GK_REPORT_INK_WARNING:
      return &palette->warning;
    case GK_REPORT_INK_ACCENT:
      return &palette->accent;
    case GK_REPORT_INK_NORMAL:
    default:
      return &palette->foreground;
    }
}

double
gk_report_draw_text (GkChartContext *ctx,
                     const char     *text,
                     GkReportFont    font,
                     GkReportInk     ink,
                     double          x,
                     double          y,
                     double          width,
                     GkChartAlign    align,
                     int             max_lines)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  PangoLayout *layout;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0;
  layout = cached_layout (ctx, text, font, width, max_lines);
  /* The height does not depend on it: measuring never sets it. */
  if (width > 0)
    pango_layout_set_alignment (layout, align == GK_CHART_ALIGN_END ? PANGO_ALIGN_RIGHT :
                                        align == GK_CHART_ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_get_extents (layout, NULL, &logical);
  if (cr != NULL)
    {
      cairo_save (cr);
      gk_chart_set_source (cr, gk_report_ink_colour (ctx, ink), 1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  return ceil (logical.height / (double) PANGO_SCALE);
}

/* --- tables ---------------------------------------------------------------- */

typedef struct {
  char        *title;
  double       weight;
  GkChartAlign align;
} Column;

typedef struct {
  char           *text;
  GkReportFont    font;
  GkReportInk     ink;
  gboolean        has_chip;
  GkLevel         chip_level;
  char           *chip_label;
  gboolean        has_status;
  GkMeasureStatus status;
} Cell;

struct _GkReportTable {
  guint    n_columns;
  Column  *columns;
  GArray  *cells;           /* Cell, n_rows x n_columns */
  guint    n_rows;
  gboolean plain;
  char    *continued_label;

  /* measured by the pagination */
  double  *column_x;        /* n_columns + 1 edges */
  GArray  *row_heights;     /* double */
  double   header_height;
};

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_free (cell->chip_label);
}

static GkReportTable *
table_new (guint n_columns)
{
  GkReportTable *table = g_new0 (GkReportTable, 1);

  table->n_columns = MAX (n_columns, 1);
  table->columns = g_new0 (Column, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    table->columns[i].weight = 1;
  table->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (table->cells, cell_clear);
  table->column_x = g_new0 (double, table->n_columns + 1);
  table->row_heights = g_array_new (FALSE, TRUE, sizeof (double));
  return table;
}

static void
table_free (GkReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_free (table->columns[i].title);
  g_free (table->columns);
  g_array_unref (table->cells);
  g_free (table->continued_label);
  g_free (table->column_x);
  g_array_unref (table->row_heights);
  g_free (table);
}

static Cell *
table_cell (GkReportTable *table,
            guint          row,
            guint          column)
{
  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, NULL);
  return &g_array_index (table->cells, Cell, row * table->n_columns + column);
}

void
gk_report_table_set_column (GkReportTable *table,
                            guint          column,
                            const char    *title,
                            double         weight,
                            GkChartAlign   align)
{
  g_return_if_fail (column < table->n_columns);

  g_free (table->columns[column].title);
  table->columns[column].title = g_strdup (title);
  table->columns[column].weight = MAX (weight, 0.01);
  table->columns[column].align = align;
}

void
gk_report_table_set_plain (GkReportTable *table,
                           gboolean       plain)
{
  table->plain = plain;
}

void
gk_report_table_set_continued_label (GkReportTable *table,
                                     const char    *label)
{
  g_free (table->continued_label);
  table->continued_label = g_strdup (label);
}

guint
gk_report_table_add_row (GkReportTable *table)
{
  guint first = table->cells->len;

  g_array_set_size (table->cells, first + table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      Cell *cell = &g_array_index (table->cells, Cell, first + i);

      cell->font = GK_REPORT_FONT_BODY;
      cell->ink = GK_REPORT_INK_NORMAL;
    }
  return table->n_rows++;
}

guint
gk_report_table_get_n_rows (GkReportTable *table)
{
  return table->n_rows;
}

void
gk_report_table_set_text (GkReportTable *table,
                          guint          row,
                          guint          column,
                          const char    *text)
{
  char *shorter = shorten_for_storage (text, GK_REPORT_FONT_SMALL, CELL_MAX_LINES);

  gk_report_table_take_text (table, row, column, shorter != NULL ? shorter : g_strdup (text));
}

void
gk_report_table_take_text (GkReportTable *table,
                           guint          row,
                           guint          column,
                           char          *text)
{
  Cell *cell = table_cell (table, row, column);
  char *shorter;

  if (cell == NULL)
    {
      g_free (text);
      return;
    }
  shorter = shorten_for_storage (text, GK_REPORT_FONT_SMALL, CELL_MAX_LINES);
  if (shorter != NULL)
    {
      g_free (text);
      text = shorter;
    }
  g_free (cell->text);
  cell->text = text;
}

void
gk_report_table_set_style (GkReportTable *table,
                           guint          row,
                           guint          column,
                           GkReportFont   font,
                           GkReportInk    ink)
{
  Cell *cell = table_cell (table, row, column);

  g_return_if_fail (cell != NULL);
  cell->font = font;
  cell->ink = ink;
}

void
gk_report_table_set_chip (GkReportTable *table,
                          guint          row,
                          guint          column,
                          GkLevel        level,
                          const char    *label)
{
  Cell *cell = table_cell (table, row, column);

  g_return_if_fail (cell != NULL);
  cell->has_chip = TRUE;
  cell->chip_level = level;
  g_free (cell->chip_label);
  cell->chip_label = g_strdup (label);
}

void
gk_report_table_set_status (GkReportTable   *table,
                            guint            row,
                            guint            column,
                            GkMeasureStatus  status)
{
  Cell *cell = table_cell (table, row, column);

  g_return_if_fail (cell != NULL);
  cell->has_status = TRUE;
  cell->status = status;
}

static double
chip_width (GkChartContext *ctx,
            const Cell     *cell,
            double          column_width)
{
  return MIN (gk_chart_chip_width (ctx, cell->chip_label != NULL ? cell->chip_label : ""), column_width);
}

/* What is left for the text of a cell after its chip or swatch. */
static double
cell_text_offset (GkChartContext *ctx,
                  const Cell     *cell,
                  double          inner_width)
{
  if (cell->has_chip)
    return chip_width (ctx, cell, inner_width) + CHIP_GAP;
  if (cell->has_status)
    return SWATCH_SIZE + CHIP_GAP;
  return 0;
}

static double
cell_height (GkChartContext *ctx,
             const Cell     *cell,
             double          inner_width)
{
  double offset = cell_text_offset (ctx, cell, inner_width);
  double height = gk_report_text_height (ctx, cell->text, cell->font, inner_width - offset, CELL_MAX_LINES);

  if (cell->has_chip)
    height = MAX (height, CHIP_HEIGHT);
  return height;
}

static void
table_measure (GkReportTable  *table,
               GkChartContext *ctx,
               double          width)
{
  double total = 0, x = 0;
  double pad_y = table->plain ? PLAIN_PAD_Y : CELL_PAD_Y;

  for (guint c = 0; c < table->n_columns; c++)
    total += table->columns[c].weight;
  for (guint c = 0; c < table->n_columns; c++)
    {
      table->column_x[c] = round (x);
      x += width * table->columns[c].weight / total;
    }
  table->column_x[table->n_columns] = width;

  table->header_height = 0;
  if (!table->plain)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          double inner = table->column_x[c + 1] - table->column_x[c] - 2 * CELL_PAD_X;

          table->header_height = MAX (table->header_height,
                                      gk_report_text_height (ctx, table->columns[c].title,
                                                             GK_REPORT_FONT_SMALL_BOLD, inner, 3));
        }
      table->header_height += 2 * CELL_PAD_Y;
    }

  g_array_set_size (table->row_heights, table->n_rows);
  for (guint r = 0; r < table->n_rows; r++)
    {
      double height = 0;

      for (guint c = 0; c < table->n_columns; c++)
        {
          double inner = table->column_x[c + 1] - table->column_x[c] - 2 * CELL_PAD_X;

          height = MAX (height, cell_height (ctx, table_cell (table, r, c), inner));
        }
      g_array_index (table->row_heights, double, r) = ceil (height + 2 * pad_y);
    }
}

static double
row_height (GkReportTable *table,
            guint          row)
{
  return g_array_index (table->row_heights, double, row);
}

static void
draw_cell (GkChartContext *ctx,
           const Cell     *cell,
           const Column   *column,
           double          x,
           double          y,
           double          inner_width,
           double          height)
{
  double offset = cell_text_offset (ctx, cell, inner_width);
  double text_height = gk_report_text_height (ctx, cell->text, cell->font, inner_width - offset, CELL_MAX_LINES);
  double line = gk_report_text_height (ctx, "Ag", cell->font, -1, 0);

  if (cell->has_chip)
    {
      GkChartRect chip = { x, y, chip_width (ctx, cell, inner_width), CHIP_HEIGHT };

      /* Centred on the first line of text when there is text beside it. */
      if (text_height > 0)
        chip.y = y + MAX (0, (line - CHIP_HEIGHT) / 2);
      gk_chart_draw_chip (ctx, cell->chip_label != NULL ? cell->chip_label : "", cell->chip_level, FALSE, &chip);
      if (text_height > 0 && text_height < CHIP_HEIGHT)
        y += (CHIP_HEIGHT - text_height) / 2;
    }
  else if (cell->has_status)
    {
      GkChartRect swatch = { x, y + (line - SWATCH_SIZE) / 2, SWATCH_SIZE, SWATCH_SIZE };

      gk_chart_fill_status (ctx, cell->status, &swatch);
    }
  gk_report_draw_text (ctx, cell->text, cell->font, cell->ink, x + offset, y,
                       inner_width - offset, column->align, CELL_MAX_LINES);
}

/* Draws rows [first, last) at the top of @area, with the header unless the
 * table is plain, and the continued label above when first is not 0. */
static void
table_draw (GkReportTable  *table,
            GkChartContext *ctx,
            double          x0,
            double          y,
            double          width,
            guint           first,
            guint           last)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double pad_y = table->plain ? PLAIN_PAD_Y : CELL_PAD_Y;

  if (first > 0 && table->continued_label != NULL)
    {
      gk_report_draw_text (ctx, table->continued_label, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                           x0, y, width, GK_CHART_ALIGN_START, 1);
      y += CONTINUED_HEIGHT;
    }

  if (!table->plain)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          double cx = x0 + table->column_x[c] + CELL_PAD_X;
          double inner = table->column_x[c + 1] - table->column_x[c] - 2 * CELL_PAD_X;

          gk_report_draw_text (ctx, table->columns[c].title, GK_REPORT_FONT_SMALL_BOLD, GK_REPORT_INK_DIM,
                               cx, y + CELL_PAD_Y, inner, table->columns[c].align, 3);
        }
      y += table->header_height;
      gk_chart_set_source (cr, &palette->axis, 1);
      gk_chart_hline (cr, x0, x0 + width, y - 1, 1);
    }

  for (guint r = first; r < last; r++)
    {
      double height = row_height (table, r);

      /* Zebra rows: every second row on the surface colour. */
      if (!table->plain && r % 2 == 1)
        {
          gk_chart_set_source (cr, &palette->surface, 1);
          cairo_rectangle (cr, x0, y, width, height);
          cairo_fill (cr);
        }
      for (guint c = 0; c < table->n_columns; c++)
        {
          double cx = x0 + table->column_x[c] + CELL_PAD_X;
          double inner = table->column_x[c + 1] - table->column_x[c] - 2 * CELL_PAD_X;

          draw_cell (ctx, table_cell (table, r, c), &table->columns[c], cx, y + pad_y, inner, height - 2 * pad_y);
        }
      y += height;
    }
  if (!table->plain && last > first)
    {
      gk_chart_set_source (cr, &palette->grid, 1);
      gk_chart_hline (cr, x0, x0 + width, y - 0.5, 1);
    }
}

/* --- the flow -------------------------------------------------------------- */

typedef enum {
  BLOCK_PAGE_BREAK,
  BLOCK_ANCHOR,
  BLOCK_SPACE,
  BLOCK_TEXT,
  BLOCK_CUSTOM,
  BLOCK_TABLE,
} BlockKind;

typedef struct {
  BlockKind            kind;
  gboolean             keep_with_next;
  double               space_after;

  char                *text;
  GkReportFont         font;
  GkReportInk          ink;

  GkReportMeasureFunc  measure;
  GkReportDrawFunc     draw;
  gpointer             data;
  GDestroyNotify       destroy;

  GkReportTable       *table;

  guint                anchor;
  double               space;
  double               max_shrink;  /* custom blocks that may be lower */

  double               height;   /* measured */
} Block;

typedef GkReportPlacement Placement;

struct _GkReportFlow {
  GArray    *blocks;             /* Block */
  GPtrArray *pages;              /* GArray of Placement */
  GArray    *anchor_pages;       /* int, by anchor */
  GArray    *anchor_at_top;      /* gboolean, by anchor: the first thing on its page */
  double     width, height;
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  if (block->destroy != NULL)
    block->destroy (block->data);
  if (block->table != NULL)
    table_free (block->table);
}

GkReportFlow *
gk_report_flow_new (void)
{
  GkReportFlow *flow = g_new0 (GkReportFlow, 1);

  flow->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (flow->blocks, block_clear);
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow->anchor_pages = g_array_new (FALSE, TRUE, sizeof (int));
  flow->anchor_at_top = g_array_new (FALSE, TRUE, sizeof (gboolean));
  return flow;
}

void
gk_report_flow_free (GkReportFlow *flow)
{
  if (flow == NULL)
    return;
  g_array_unref (flow->blocks);
  g_ptr_array_unref (flow->pages);
  g_array_unref (flow->anchor_pages);
  g_array_unref (flow->anchor_at_top);
  g_free (flow);
}

static Block *
append_block (GkReportFlow *flow,
              BlockKind     kind)
{
  Block block = { .kind = kind };

  g_array_append_val (flow->blocks, block);
  return &g_array_index (flow->blocks, Block, flow->blocks->len - 1);
}

void
gk_report_flow_add_page_break (GkReportFlow *flow)
{
  append_block (flow, BLOCK_PAGE_BREAK);
}

void
gk_report_flow_add_anchor (GkReportFlow *flow,
                           guint         anchor)
{
  append_block (flow, BLOCK_ANCHOR)->anchor = anchor;
}

void
gk_report_flow_add_space (GkReportFlow *flow,
                          double        height)
{
  append_block (flow, BLOCK_SPACE)->space = height;
}

void
gk_report_flow_add_text (GkReportFlow *flow,
                         const char   *text,
                         GkReportFont  font,
                         GkReportInk   ink,
                         gboolean      keep_with_next)
{
  Block *block;

  if (text == NULL || *text == '\0')
    return;
  block = append_block (flow, BLOCK_TEXT);
  block->text = shorten_for_storage (text, font, TEXT_MAX_LINES);
  if (block->text == NULL)
    block->text = g_strdup (text);
  block->font = font;
  block->ink = ink;
  block->keep_with_next = keep_with_next;
  /* Headings sit close to what they head; paragraphs keep some air. */
  block->space_after = keep_with_next ? 6 : BLOCK_GAP;
}

void
gk_report_flow_add_block (GkReportFlow        *flow,
                          GkReportMeasureFunc  measure,
                          GkReportDrawFunc     draw,
                          gpointer             data,
                          GDestroyNotify       destroy,
                          gboolean             keep_with_next)
{
  Block *block = append_block (flow, BLOCK_CUSTOM);

  block->measure = measure;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;
  block->keep_with_next = keep_with_next;
  block->space_after = keep_with_next ? 6 : TABLE_GAP;
}

void
gk_report_flow_add_shrinkable_block (GkReportFlow        *flow,
                                     GkReportMeasureFunc  measure,
                                     GkReportDrawFunc     draw,
                                     gpointer             data,
                                     GDestroyNotify       destroy,
                                     double               max_shrink)
{
  gk_report_flow_add_block (flow, measure, draw, data, destroy, FALSE);
  g_array_index (flow->blocks, Block, flow->blocks->len - 1).max_shrink = MAX (max_shrink, 0);
}

GkReportTable *
gk_report_flow_add_table (GkReportFlow *flow,
                          guint         n_columns)
{
  Block *block = append_block (flow, BLOCK_TABLE);

  block->table = table_new (n_columns);
  block->space_after = TABLE_GAP;
  return block->table;
}

/* --- pagination ------------------------------------------------------------ */

typedef struct {
  GkReportFlow *flow;
  double        y;
  GArray       *page;
  GArray       *pending_anchors;  /* guint: anchors waiting for content */
} Paginator;

static void
new_page (Paginator *p)
{
  p->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_ptr_array_add (p->flow->pages, p->page);
  p->y = 0;
}

static void
place (Paginator *p,
       guint      block,
       double     height,
       double     scale,
       guint      row_start,
       guint      row_end)
{
  Placement placement = { block, p->y, height, scale, row_start, row_end };

  for (guint i = 0; i < p->pending_anchors->len; i++)
    {
      guint anchor = g_array_index (p->pending_anchors, guint, i);

      if (anchor >= p->flow->anchor_pages->len)
        {
          guint old = p->flow->anchor_pages->len;

          g_array_set_size (p->flow->anchor_pages, anchor + 1);
          g_array_set_size (p->flow->anchor_at_top, anchor + 1);
          for (guint a = old; a <= anchor; a++)
            g_array_index (p->flow->anchor_pages, int, a) = -1;
        }
      g_array_index (p->flow->anchor_pages, int, anchor) = (int) p->flow->pages->len - 1;
      g_array_index (p->flow->anchor_at_top, gboolean, anchor) = p->page->len == 0;
    }
  g_array_set_size (p->pending_anchors, 0);
  g_array_append_val (p->page, placement);
  p->y += height;
}

static double
table_piece_top (GkReportTable *table,
                 gboolean       continued)
{
  return (continued && table->continued_label != NULL ? CONTINUED_HEIGHT : 0) + table->header_height;
}

/* The least height that must fit with block i: all of it, or for a table
 * its header and first row; followed by what it keeps with. */
static double
min_start_height (GkReportFlow *flow,
                  guint         i)
{
  const Block *block;
  double height;

  if (i >= flow->blocks->len)
    return 0;
  block = &g_array_index (flow->blocks, Block, i);
  switch (block->kind)
    {
    case BLOCK_PAGE_BREAK:
      return 0;
    case BLOCK_ANCHOR:
    case BLOCK_SPACE:
      return min_start_height (flow, i + 1);
    case BLOCK_TABLE:
      height = table_piece_top (block->table, FALSE);
      if (block->table->n_rows > 0)
        height += row_height (block->table, 0);
      return height;
    case BLOCK_TEXT:
    case BLOCK_CUSTOM:
    default:
      height = block->height - MIN (block->max_shrink, block->height / 2);
      if (block->keep_with_next)
        height += block->space_after + min_start_height (flow, i + 1);
      return height;
    }
}

static void
measure_blocks (GkReportFlow   *flow,
                GkChartContext *ctx,
                double          width)
{
  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = &g_array_index (flow->blocks, Block, i);

      switch (block->kind)
        {
        case BLOCK_TEXT:
          block->height = gk_report_text_height (ctx, block->text, block->font, width, TEXT_MAX_LINES);
          break;
        case BLOCK_CUSTOM:
          block->height = MAX (0, ceil (block->measure (ctx, width, block->data)));
          break;
        case BLOCK_TABLE:
          table_measure (block->table, ctx, width);
          break;
        case BLOCK_SPACE:
          block->height = block->space;
          break;
        case BLOCK_PAGE_BREAK:
        case BLOCK_ANCHOR:
        default:
          block->height = 0;
          break;
        }
    }
}

static void
place_table (Paginator *p,
             guint      index,
             Block     *block,
             double     page_height)
{
  GkReportTable *table = block->table;
  guint row = 0;

  if (table->n_rows == 0)
    return;
  while (row < table->n_rows)
    {
      gboolean continued = row > 0;
      double top = table_piece_top (table, continued);
      double height = top;
      guint first = row;

      if (p->y > 0 && p->y + top + row_height (table, row) > page_height)
        new_page (p);
      /* At least one row per page, even one taller than the page. */
      do
        height += row_height (table, row++);
      while (row < table->n_rows && p->y + height + row_height (table, row) <= page_height);

      place (p, index, height, 1.0, first, row);
      if (row < table->n_rows)
        new_page (p);
    }
  p->y += block->space_after;
}

guint
gk_report_flow_paginate (GkReportFlow   *flow,
                         GkChartContext *ctx,
                         double          width,
                         double          height)
{
  Paginator p = { flow, 0, NULL, g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_ptr_array_set_size (flow->pages, 0);
  g_array_set_size (flow->anchor_pages, 0);
  g_array_set_size (flow->anchor_at_top, 0);
  flow->width = width;
  flow->height = height;
  measure_blocks (flow, ctx, width);
  new_page (&p);

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = &g_array_index (flow->blocks, Block, i);
      double need;

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (p.page->len > 0)
            new_page (&p);
          break;

        case BLOCK_ANCHOR:
          g_array_append_val (p.pending_anchors, block->anchor);
          break;

        case BLOCK_SPACE:
          if (p.y > 0)
            p.y += block->height;
          if (p.y >= height)
            new_page (&p);
          break;

        case BLOCK_TABLE:
          place_table (&p, i, block, height);
          break;

        case BLOCK_TEXT:
        case BLOCK_CUSTOM:
        default:
          {
            /* A shrinkable block gives up some height rather than move. */
            double lowest = block->height - MIN (block->max_shrink, block->height / 2);

            need = MIN (min_start_height (flow, i), height);
            if (p.y > 0 && p.y + MAX (need, MIN (lowest, height)) > height)
              new_page (&p);
            if (block->height > height && block->kind == BLOCK_CUSTOM && lowest > height)
              place (&p, i, height, height / lowest, 0, 0);
            else
              place (&p, i, MIN (block->height, MAX (lowest, height - p.y)), 1.0, 0, 0);
            p.y += block->space_after;
          }
          break;
        }
    }

  /* A break at the very end leaves no empty page behind. */
  if (flow->pages->len > 1 && p.page->len == 0)
    g_ptr_array_set_size (flow->pages, flow->pages->len - 1);
  g_array_unref (p.pending_anchors);
  return flow->pages->len;
}

guint
gk_report_flow_get_n_pages (GkReportFlow *flow)
{
  return flow->pages->len;
}

int
gk_report_flow_get_anchor_page (GkReportFlow *flow,
                                guint         anchor)
{
  if (anchor >= flow->anchor_pages->len)
    return -1;
  return g_array_index (flow->anchor_pages, int, anchor);
}

gboolean
gk_report_flow_get_anchor_at_top (GkReportFlow *flow,
                                  guint         anchor)
{
  if (anchor >= flow->anchor_at_top->len)
    return FALSE;
  return g_array_index (flow->anchor_at_top, gboolean, anchor);
}

guint
gk_report_flow_get_n_placements (GkReportFlow *flow,
                                 guint         page)
{
  if (page >= flow->pages->len)
    return 0;
  return ((GArray *) g_ptr_array_index (flow->pages, page))->len;
}

const GkReportPlacement *
gk_report_flow_get_placement (GkReportFlow *flow,
                              guint         page,
                              guint         index)
{
  GArray *placements;

  g_return_val_if_fail (page < flow->pages->len, NULL);
  placements = g_ptr_array_index (flow->pages, page);
  g_return_val_if_fail (index < placements->len, NULL);
  return &g_array_index (placements, Placement, index);
}

void
gk_report_flow_draw_page (GkReportFlow   *flow,
                          guint           page,
                          GkChartContext *ctx,
                          double          x,
                          double          y)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GArray *placements;

  g_return_if_fail (cr != NULL);
  if (page >= flow->pages->len)
    return;

  placements = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);
      Block *block = &g_array_index (flow->blocks, Block, placement->block);
      double top = y + placement->y;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          cairo_save (cr);
          /* Nothing runs past the bottom of the page. */
          cairo_rectangle (cr, x - 2, top - 2, flow->width + 4, placement->height + 4);
          cairo_clip (cr);
          gk_report_draw_text (ctx, block->text, block->font, block->ink, x, top,
                               flow->width, GK_CHART_ALIGN_START, TEXT_MAX_LINES);
          cairo_restore (cr);
          break;

        case BLOCK_CUSTOM:
          {
            /* Scaled: drawn at the height it would need, then made smaller. */
            GkChartRect area = { 0, 0, flow->width,
                                 placement->scale < 1.0 ? placement->height / placement->scale : placement->height };

            /* A fresh drawing: text of the blocks above is no obstacle. */
            gk_chart_context_begin (ctx, cr);
            cairo_save (cr);
            cairo_translate (cr, x, top);
            if (placement->scale < 1.0)
              {
                /* Narrower but whole: centred in the width. */
                cairo_translate (cr, flow->width * (1 - placement->scale) / 2, 0);
                cairo_scale (cr, placement->scale, placement->scale);
              }
            block->draw (ctx, &area, block->data);
            cairo_restore (cr);
          }
          break;

        case BLOCK_TABLE:
          table_draw (block->table, ctx, x, top, flow->width, placement->row_start, placement->row_end);
          break;

        case BLOCK_PAGE_BREAK:
        case BLOCK_ANCHOR:
        case BLOCK_SPACE:
        default:
          break;
        }
    }
}

/* ---- the sheet ---------------------------------------------------------------- */

void
gk_report_draw_sheet_frame (GkChartContext *ctx,
                            double          width,
                            double          height,
                            const char     *title,
                            const char     *subtitle,
                            const char     *right,
                            const char     *context,
                            const char     *printed_on,
                            guint           page_nr,
                            guint           n_pages)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double margin = GK_REPORT_MARGIN;
  double inner = width - 2 * margin;
  double footer_y = height - margin - gk_report_text_height (ctx, "Ag", GK_REPORT_FONT_SMALL, -1, 0);
  double title_width = inner - gk_report_text_width (ctx, right, GK_REPORT_FONT_SMALL) - 24;
  g_autofree char *printed = NULL;
  g_autofree char *page = NULL;

  gk_report_draw_text (ctx, title, GK_REPORT_FONT_SMALL_BOLD, GK_REPORT_INK_NORMAL,
                       margin, margin, title_width, GK_CHART_ALIGN_START, 1);
  if (subtitle != NULL)
    gk_report_draw_text (ctx, subtitle, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                         margin, margin + 15, title_width, GK_CHART_ALIGN_START, 1);
  gk_report_draw_text (ctx, right, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                       margin, margin, inner, GK_CHART_ALIGN_END, 1);
  if (context != NULL)
    gk_report_draw_text (ctx, context, GK_REPORT_FONT_SMALL_BOLD, GK_REPORT_INK_DIM,
                         width - margin - inner * 0.55, margin + 15, inner * 0.55, GK_CHART_ALIGN_END, 1);
  gk_chart_set_source (cr, &palette->grid, 1);
  gk_chart_hline (cr, margin, width - margin, margin + GK_REPORT_HEADER_HEIGHT - 14, 1);

  gk_chart_hline (cr, margin, width - margin, footer_y - 8, 1);
  /* Translators: in the footer of every page; %s is a date */
  printed = g_strdup_printf (_("Printed on %s"), printed_on);
  gk_report_draw_text (ctx, printed, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                       margin, footer_y, inner, GK_CHART_ALIGN_START, 1);
  /* Translators: in the footer of every page: "Page 2 of 12" */
  page = g_strdup_printf (_("Page %u of %u"), page_nr + 1, n_pages);
  gk_report_draw_text (ctx, page, GK_REPORT_FONT_SMALL, GK_REPORT_INK_NORMAL,
                       margin, footer_y, inner, GK_CHART_ALIGN_END, 1);
}

/* ---- writing the pages of a report ------------------------------------------ */

cairo_status_t
gk_report_write_pages (cairo_surface_t     *surface,
                       GkChartContext      *ctx,
                       double               width_pt,
                       double               height_pt,
                       const GkPagedReport *paged,
                       gpointer             report)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  guint n_pages;

  cairo_save (cr);
  cairo_scale (cr, GK_CHART_PRINT_SCALE, GK_CHART_PRINT_SCALE);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_end (ctx);
  cairo_restore (cr);
  n_pages = paged->get_n_pages (report, width_pt, height_pt);
  for (guint page = 0; page < n_pages; page++)
    {
      paged->draw_page (report, page, cr, width_pt, height_pt);
      cairo_show_page (cr);
    }
  paged->add_outline (report, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}
