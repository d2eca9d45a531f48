/* gk-sheet.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-sheet.h"

G_DEFINE_QUARK (gk-figures-error-quark, gk_figures_error)

struct _GkSheet
{
  GObject       parent_instance;
  char         *name;
  GPtrArray    *rows;       /* GkSheetRow*, owned */
  GStringChunk *strings;    /* the text of every cell: one allocation per page, not per cell */
  GArray       *pending;    /* GkCell: the row being read */
  guint         pending_line;
  guint         n_columns;
};

G_DEFINE_FINAL_TYPE (GkSheet, gk_sheet, G_TYPE_OBJECT)

static const GkCell empty_cell = { GK_CELL_EMPTY, 0, "" };

static void
row_free (gpointer data)
{
  GkSheetRow *row = data;

  g_free (row->cells);
  g_free (row);
}

static void
gk_sheet_finalize (GObject *object)
{
  GkSheet *self = GK_SHEET (object);

  g_free (self->name);
  g_ptr_array_unref (self->rows);
  g_string_chunk_free (self->strings);
  g_array_unref (self->pending);

  G_OBJECT_CLASS (gk_sheet_parent_class)->finalize (object);
}

static void
gk_sheet_class_init (GkSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_sheet_finalize;
}

static void
gk_sheet_init (GkSheet *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->pending = g_array_new (FALSE, TRUE, sizeof (GkCell));
}

GkSheet *
gk_sheet_new (const char *name)
{
  GkSheet *self = g_object_new (GK_TYPE_SHEET, NULL);

  self->name = g_strdup (name != NULL ? name : "");
  return self;
}

const char *
gk_sheet_get_name (GkSheet *self)
{
  g_return_val_if_fail (GK_IS_SHEET (self), NULL);
  return self->name;
}

guint
gk_sheet_get_n_rows (GkSheet *self)
{
  g_return_val_if_fail (GK_IS_SHEET (self), 0);
  return self->rows->len;
}

const GkSheetRow *
gk_sheet_get_row (GkSheet *self,
                  guint    index)
{
  g_return_val_if_fail (GK_IS_SHEET (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

guint
gk_sheet_get_n_columns (GkSheet *self)
{
  g_return_val_if_fail (GK_IS_SHEET (self), 0);
  return self->n_columns;
}

const GkCell *
gk_sheet_row_get_cell (const GkSheetRow *row,
                       guint             column)
{
  if (row == NULL || column >= row->n_cells)
    return &empty_cell;
  return &row->cells[column];
}

void
gk_sheet_begin_row (GkSheet *self,
                    guint    line)
{
  g_return_if_fail (GK_IS_SHEET (self));

  g_array_set_size (self->pending, 0);
  self->pending_line = line;
}

gboolean
gk_sheet_set_cell (GkSheet     *self,
                   guint        column,
                   GkCellKind   kind,
                   double       number,
                   const char  *text,
                   gssize       text_length,
                   GError     **error)
{
  GkCell *cell;

  g_return_val_if_fail (GK_IS_SHEET (self), FALSE);

  if (text == NULL)
    text = "";
  if (text_length < 0)
    text_length = strlen (text);
  if (kind == GK_CELL_EMPTY || (kind == GK_CELL_TEXT && text_length == 0))
    return TRUE;

  if (column >= GK_SHEET_MAX_COLUMNS)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_TOO_LARGE,
                   _("Row %u has more than %u columns. Gripkaart reads at most %u columns."),
                   self->pending_line, GK_SHEET_MAX_COLUMNS, GK_SHEET_MAX_COLUMNS);
      return FALSE;
    }
  if (column >= self->pending->len)
    g_array_set_size (self->pending, column + 1);

  cell = &g_array_index (self->pending, GkCell, column);
  cell->kind = kind;
  cell->number = number;
  cell->text = g_string_chunk_insert_len (self->strings, text, text_length);
  return TRUE;
}

gboolean
gk_sheet_end_row (GkSheet  *self,
                  GError  **error)
{
  GkSheetRow *row;
  guint n = self->pending->len;

  g_return_val_if_fail (GK_IS_SHEET (self), FALSE);

  if (n == 0)
    return TRUE;  /* empty rows are not kept */

  if (self->rows->len >= GK_SHEET_MAX_ROWS)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_TOO_LARGE,
                   _("The sheet has more than %u rows. Gripkaart imports at most %u rows at a time: "
                     "split the file, or remove the rows you do not need."),
                   GK_SHEET_MAX_ROWS, GK_SHEET_MAX_ROWS);
      return FALSE;
    }

  row = g_new (GkSheetRow, 1);
  row->line = self->pending_line;
  row->n_cells = n;
  row->cells = g_new (GkCell, n);
  for (guint i = 0; i < n; i++)
    {
      GkCell *cell = &g_array_index (self->pending, GkCell, i);

      row->cells[i] = cell->text != NULL ? *cell : empty_cell;
    }
  g_ptr_array_add (self->rows, row);
  self->n_columns = MAX (self->n_columns, n);
  g_array_set_size (self->pending, 0);
  return TRUE;
}

gboolean
gk_cell_is_blank (const GkCell *cell)
{
  if (cell == NULL || cell->kind == GK_CELL_EMPTY)
    return TRUE;
  if (cell->kind != GK_CELL_TEXT)
    return FALSE;
  for (const char *p = cell->text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xA0)
      return FALSE;
  return TRUE;
}

char *
gk_cell_to_display (const GkCell *cell)
{
  switch (cell->kind)
    {
    case GK_CELL_NUMBER:
    case GK_CELL_BOOLEAN:
      return g_strdup_printf ("%.15g", cell->number);
    case GK_CELL_PERCENT:
      return g_strdup_printf ("%.15g%%", cell->number * 100);
    case GK_CELL_EMPTY:
    case GK_CELL_TEXT:
    case GK_CELL_DATE:
    default:
      return g_strdup (cell->text);
    }
}
