/* gk-sheet.h: one sheet of a spreadsheet as rows of typed cells
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every reader (CSV, XLSX, ODS) gives the importer: the sheet's rows,
 * each with the line (CSV) or row number (XLSX, ODS) the user sees in their
 * program, and its cells. A cell keeps what the file said it was: a number
 * cell of a workbook is a double and never goes through Dutch number
 * parsing again; a CSV field is always text.
 *
 * Empty rows are not stored. A sheet holds at most GK_SHEET_MAX_ROWS rows
 * and GK_SHEET_MAX_COLUMNS columns: the readers stop with an error there,
 * so that a huge or hostile file cannot take all memory.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_FIGURES_ERROR (gk_figures_error_quark ())

/* Every message of this domain is translated and can be shown as it is. */
typedef enum {
  GK_FIGURES_ERROR_EMPTY,         /* the file or sheet holds no rows */
  GK_FIGURES_ERROR_NOT_SPREADSHEET, /* binary data, another kind of file */
  GK_FIGURES_ERROR_DAMAGED,       /* a zip or XML that is broken */
  GK_FIGURES_ERROR_TOO_LARGE,     /* beyond the limits: rows, columns, unpacked size */
  GK_FIGURES_ERROR_NO_SHEET,      /* the sheet asked for does not exist */
  GK_FIGURES_ERROR_MAPPING,       /* the columns could not be mapped to indicator, period, value */
  GK_FIGURES_ERROR_REFUSED,       /* rows were refused and bad rows are not skipped */
  GK_FIGURES_ERROR_FAILED,        /* anything else: reading or writing a file */
} GkFiguresError;

GQuark gk_figures_error_quark (void);

#define GK_SHEET_MAX_ROWS     250000
#define GK_SHEET_MAX_COLUMNS  1024

typedef enum {
  GK_CELL_EMPTY,
  GK_CELL_TEXT,      /* text: as written in the file */
  GK_CELL_NUMBER,    /* number: the value */
  GK_CELL_PERCENT,   /* a number shown as a percentage: number is the fraction (0.125 for 12,5 %) */
  GK_CELL_DATE,      /* a date: text is YYYY-MM-DD */
  GK_CELL_BOOLEAN,   /* number is 0 or 1 */
} GkCellKind;

typedef struct {
  GkCellKind  kind;
  double      number;
  const char *text;    /* never NULL: "" for empty cells; for numbers, as written */
} GkCell;

typedef struct {
  guint   line;        /* 1-based line (CSV) or row number (XLSX, ODS) */
  guint   n_cells;
  GkCell *cells;
} GkSheetRow;

#define GK_TYPE_SHEET (gk_sheet_get_type ())
G_DECLARE_FINAL_TYPE (GkSheet, gk_sheet, GK, SHEET, GObject)

GkSheet          *gk_sheet_new           (const char *name);
const char       *gk_sheet_get_name      (GkSheet    *self);
guint             gk_sheet_get_n_rows    (GkSheet    *self);
const GkSheetRow *gk_sheet_get_row       (GkSheet    *self,
                                          guint       index);
/* The cell at @column of @row: an empty cell beyond the row's end. */
const GkCell     *gk_sheet_row_get_cell  (const GkSheetRow *row,
                                          guint             column);
/* The number of columns of the widest row. */
guint             gk_sheet_get_n_columns (GkSheet    *self);

/* ---- for the readers ------------------------------------------------------
 * begin_row, then set_cell for each cell (any order; later ones win), then
 * end_row, which fails with GK_FIGURES_ERROR_TOO_LARGE past the limits. */
void              gk_sheet_begin_row     (GkSheet    *self,
                                          guint       line);
gboolean          gk_sheet_set_cell      (GkSheet    *self,
                                          guint       column,
                                          GkCellKind  kind,
                                          double      number,
                                          const char *text,
                                          gssize      text_length,
                                          GError    **error);
gboolean          gk_sheet_end_row       (GkSheet    *self,
                                          GError    **error);

/* A cell as the user would read it: the text, or the number written with a
 * decimal comma ("12,5"), a percentage as "12,5%". Newly allocated. */
char             *gk_cell_to_display     (const GkCell *cell);
gboolean          gk_cell_is_blank       (const GkCell *cell);

G_END_DECLS
