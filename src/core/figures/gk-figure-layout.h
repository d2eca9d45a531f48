/* gk-figure-layout.h: where the figures are in a sheet
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layouts people bring, recognised without help:
 *   long table        a row per figure: [indicator;] period; value [; note]
 *   wide table        a row per period and a column per indicator, the
 *                     columns matched to indicators by name
 *   periods across    a row per indicator and a column per period, as a
 *                     StatLine table with its "Perioden" header row
 * Title lines above the header (StatLine's table name), a header of
 * several lines, and a footer ("Bron: CBS") are recognised and left out.
 * The guess can be corrected: every role can be given a column.
 */
#pragma once

#include "gk-document.h"
#include "gk-sheet.h"

G_BEGIN_DECLS

typedef enum {
  GK_FIGURE_LAYOUT_LONG,
  GK_FIGURE_LAYOUT_WIDE,
  GK_FIGURE_LAYOUT_PERIODS_ACROSS,
} GkFigureLayoutKind;

typedef enum {
  GK_FIGURE_ROLE_INDICATOR,
  GK_FIGURE_ROLE_PERIOD,
  GK_FIGURE_ROLE_VALUE,
  GK_FIGURE_ROLE_NOTE,
  GK_FIGURE_N_ROLES,
} GkFigureRole;

#define GK_FIGURE_NO_COLUMN (-1)

typedef struct {
  guint  column;
  gint64 indicator_id;   /* WIDE: the indicator of the column */
} GkFigureColumn;

typedef struct {
  GkFigureLayoutKind kind;
  int       header_row;        /* sheet row index of the header's last line, -1 when none */
  guint     first_row;         /* the data: sheet rows [first_row, end_row) */
  guint     end_row;
  guint     header_width;      /* columns of the header (0 without one) */
  int       columns[GK_FIGURE_N_ROLES];  /* GK_FIGURE_NO_COLUMN when not in the file */
  gint64    indicator_id;      /* LONG without an indicator column: the file's one indicator */
  GArray   *value_columns;     /* GkFigureColumn: WIDE's indicator columns, PERIODS_ACROSS's period columns */
  GPtrArray *labels;           /* char*: each column's header text (all header lines joined), "" */
} GkFigureLayout;

GkFigureLayout *gk_figure_layout_guess       (GkSheet        *sheet,
                                              GkDocument     *document);
GkFigureLayout *gk_figure_layout_copy        (const GkFigureLayout *layout);
void            gk_figure_layout_free        (GkFigureLayout *layout);

/* The header text of @column, or "" (never NULL). */
const char     *gk_figure_layout_get_label   (const GkFigureLayout *layout,
                                              guint           column);

/* Gives @role the column @spec: header text (compared as names are) or a
 * 1-based column number. Switches to the long layout. */
gboolean        gk_figure_layout_set_column  (GkFigureLayout *layout,
                                              GkFigureRole    role,
                                              const char     *spec,
                                              GError        **error);
/* The same by 0-based column number, or GK_FIGURE_NO_COLUMN to clear. */
void            gk_figure_layout_set_column_index (GkFigureLayout *layout,
                                                   GkFigureRole    role,
                                                   int             column);
/* All figures are for @indicator_id (the long layout without an indicator
 * column); 0 to take the indicator from a column again. When the value
 * column is not set, the column named after the indicator is taken. */
void            gk_figure_layout_set_indicator (GkFigureLayout *layout,
                                                GkDocument     *document,
                                                gint64          indicator_id);

/* Whether figures can be read with this layout; if not, says what to
 * choose (GK_FIGURES_ERROR_MAPPING). */
gboolean        gk_figure_layout_check       (const GkFigureLayout *layout,
                                              GError        **error);

/* The indicator called @name, compared without case, accents and
 * punctuation; a trailing unit in parentheses ("(aantal)") is ignored.
 * NULL when there is none. */
GkIndicator    *gk_figure_find_indicator     (GkDocument     *document,
                                              const char     *name);
/* @text lower case, without accents, punctuation as single spaces. */
char           *gk_figure_normalize_name     (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkFigureLayout, gk_figure_layout_free)

G_END_DECLS
