/* gk-figure-layout.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-dutch-number.h"
#include "gk-figure-layout.h"
#include "gk-figure-period.h"

/* How far down the header may be, and how many rows judge the columns. */
#define HEADER_SCAN_ROWS 40
#define SAMPLE_ROWS 500

/* ---- names ----------------------------------------------------------------------- */

char *
gk_figure_normalize_name (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  if (decomposed == NULL)
    return g_string_free (out, FALSE);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (g_unichar_isalnum (c) || c == '%' || c == 0x20AC)
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, g_unichar_tolower (c));
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* "Jongeren met jeugdhulp (aantal)" -> "Jongeren met jeugdhulp" */
static char *
without_unit (const char *text)
{
  const char *open = strrchr (text, '(');

  if (open == NULL || open == text)
    return g_strdup (text);
  return g_strndup (text, open - text);
}

GkIndicator *
gk_figure_find_indicator (GkDocument *document,
                          const char *name)
{
  GListModel *indicators = gk_document_get_indicators (document);
  g_autofree char *wanted = gk_figure_normalize_name (name);
  g_autofree char *bare = NULL;
  g_autofree char *short_name = without_unit (name);
  GkIndicator *best = NULL;
  gsize best_length = 0;

  bare = gk_figure_normalize_name (short_name);
  if (*wanted == '\0')
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *candidate = gk_figure_normalize_name (gk_indicator_get_name (indicator));
      gsize length = strlen (candidate);

      if (length == 0)
        continue;
      if (g_str_equal (candidate, wanted))
        return indicator;
      /* "Kosten jeugdhulp (euro)" or "Kosten jeugdhulp totaal": the longest name that fits */
      if ((g_str_equal (candidate, bare) ||
           (g_str_has_prefix (wanted, candidate) && wanted[length] == ' ')) && length > best_length)
        {
          best = indicator;
          best_length = length;
        }
    }
  return best;
}

/* ---- what cells hold ------------------------------------------------------------- */

static gboolean
cell_is_period (const GkCell *cell)
{
  GkFigurePeriod period;

  return !gk_cell_is_blank (cell) && gk_figure_period_parse_cell (cell, &period);
}

static gboolean
cell_is_number (const GkCell *cell)
{
  double value;

  if (cell->kind == GK_CELL_NUMBER || cell->kind == GK_CELL_PERCENT)
    return TRUE;
  return cell->kind == GK_CELL_TEXT &&
         (gk_dutch_number_parse (cell->text, GK_NUMBER_STYLE_DUTCH, &value, NULL) ||
          gk_dutch_number_parse (cell->text, GK_NUMBER_STYLE_POINT, &value, NULL));
}

static gboolean
cell_is_missing (const GkCell *cell)
{
  return cell->kind == GK_CELL_TEXT && !gk_cell_is_blank (cell) && gk_dutch_number_is_missing (cell->text);
}

static gboolean
cell_is_word (const GkCell *cell)
{
  return cell->kind == GK_CELL_TEXT && !gk_cell_is_blank (cell) && !cell_is_number (cell) &&
         !cell_is_missing (cell) && !cell_is_period (cell);
}

static guint
count_nonblank (const GkSheetRow *row)
{
  guint n = 0;

  for (guint c = 0; c < row->n_cells; c++)
    if (!gk_cell_is_blank (&row->cells[c]))
      n++;
  return n;
}

/* A header line: names (and perhaps periods, as StatLine's "Perioden"
 * line), but no figures. */
static gboolean
row_is_header_like (const GkSheetRow *row)
{
  guint words = 0, periods = 0;

  if (count_nonblank (row) < 2)
    return FALSE;
  for (guint c = 0; c < row->n_cells; c++)
    {
      const GkCell *cell = &row->cells[c];

      if (cell_is_word (cell))
        words++;
      else if (cell_is_period (cell))
        periods++;
      else if (cell_is_number (cell) || cell_is_missing (cell))
        return FALSE;
    }
  return periods >= 2 || (periods == 0 && words > 0);
}

/* ---- header and footer ----------------------------------------------------------- */

static void
find_header (GkSheet        *sheet,
             GkFigureLayout *layout)
{
  guint n = gk_sheet_get_n_rows (sheet);
  int block_start = -1, block_end = -1;
  guint r;

  for (r = 0; r < MIN (n, HEADER_SCAN_ROWS); r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (sheet, r);

      if (count_nonblank (row) <= 1)
        {
          if (block_start >= 0)
            break;
          continue;  /* a title line */
        }
      if (!row_is_header_like (row))
        break;
      /* A header of several lines must be lines in a row. */
      if (block_start < 0 || row->line != gk_sheet_get_row (sheet, block_end)->line + 1)
        block_start = r;
      block_end = r;
    }

  layout->header_row = block_end;
  layout->first_row = block_end >= 0 ? (guint) block_end + 1 : 0;
  /* Without a header the data start at the first row of several cells. */
  if (block_end < 0)
    while (layout->first_row < n && count_nonblank (gk_sheet_get_row (sheet, layout->first_row)) <= 1)
      layout->first_row++;

  layout->labels = g_ptr_array_new_with_free_func (g_free);
  if (block_end < 0)
    return;
  for (guint c = 0; c < gk_sheet_get_n_columns (sheet); c++)
    {
      g_autoptr(GString) label = g_string_new (NULL);

      for (int b = block_start; b <= block_end; b++)
        {
          const GkCell *cell = gk_sheet_row_get_cell (gk_sheet_get_row (sheet, b), c);
          g_autofree char *text = gk_cell_is_blank (cell) ? NULL : gk_cell_to_display (cell);

          if (text == NULL)
            continue;
          if (label->len > 0)
            g_string_append_c (label, ' ');
          g_string_append (label, g_strstrip (text));
        }
      g_ptr_array_add (layout->labels, g_string_free (g_steal_pointer (&label), FALSE));
    }
  layout->header_width = gk_sheet_get_row (sheet, block_end)->n_cells;
}

static gboolean
is_footer_row (const GkSheetRow *row)
{
  static const char * const starts[] = {
    "bron", "source", "verklaring van symbolen", "centraal bureau voor de statistiek", "cbs ", "©",
  };
  g_autofree char *first = NULL;

  if (count_nonblank (row) > 2)
    return FALSE;
  for (guint c = 0; c < row->n_cells && first == NULL; c++)
    if (!gk_cell_is_blank (&row->cells[c]))
      first = gk_figure_normalize_name (row->cells[c].text);
  if (first == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (g_str_has_prefix (first, starts[i]) || g_str_equal (first, "cbs"))
      return TRUE;
  return g_str_has_prefix (row->cells[0].text, "\xC2\xA9");
}

static void
find_footer (GkSheet        *sheet,
             GkFigureLayout *layout)
{
  guint n = gk_sheet_get_n_rows (sheet);

  layout->end_row = n;
  for (guint r = layout->first_row; r < n; r++)
    if (is_footer_row (gk_sheet_get_row (sheet, r)))
      {
        layout->end_row = r;
        return;
      }
}

/* ---- columns --------------------------------------------------------------------- */

static gboolean
label_has_word (const char         *label,
                const char * const *words)
{
  g_autofree char *normal = gk_figure_normalize_name (label);
  g_auto(GStrv) tokens = g_strsplit (normal, " ", -1);

  for (guint t = 0; tokens[t] != NULL; t++)
    if (g_strv_contains (words, tokens[t]))
      return TRUE;
  return FALSE;
}

static const char * const role_words[GK_FIGURE_N_ROLES][20] = {
  [GK_FIGURE_ROLE_INDICATOR] = { "indicator", "indicatoren", "kpi", "kpis", "kengetal", "kengetallen",
                                 "naam", "name", NULL },
  [GK_FIGURE_ROLE_PERIOD] = { "periode", "perioden", "period", "periods", "maand", "month", "kwartaal",
                              "quarter", "jaar", "year", "datum", "date", "peildatum", "tijdvak", NULL },
  [GK_FIGURE_ROLE_VALUE] = { "waarde", "value", "aantal", "bedrag", "cijfer", "score", "stand",
                             "resultaat", "amount", "count", NULL },
  [GK_FIGURE_ROLE_NOTE] = { "toelichting", "notitie", "opmerking", "opmerkingen", "note", "notes",
                            "comment", "commentaar", NULL },
};

typedef struct {
  guint nonblank, periods, numbers, indicators;
} ColumnStats;

static ColumnStats *
column_stats (GkSheet        *sheet,
              GkDocument     *document,
              GkFigureLayout *layout,
              guint           n_columns)
{
  ColumnStats *stats = g_new0 (ColumnStats, MAX (n_columns, 1));
  guint end = MIN (layout->end_row, layout->first_row + SAMPLE_ROWS);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = layout->first_row; r < end; r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (sheet, r);

      for (guint c = 0; c < MIN (row->n_cells, n_columns); c++)
        {
          const GkCell *cell = &row->cells[c];

          if (gk_cell_is_blank (cell))
            continue;
          stats[c].nonblank++;
          if (cell_is_period (cell))
            stats[c].periods++;
          if (cell_is_number (cell) || cell_is_missing (cell))
            stats[c].numbers++;
          else if (cell->kind == GK_CELL_TEXT)
            {
              gpointer found;

              if (!g_hash_table_lookup_extended (known, cell->text, NULL, &found))
                {
                  found = GINT_TO_POINTER (gk_figure_find_indicator (document, cell->text) != NULL);
                  g_hash_table_insert (known, g_strdup (cell->text), found);
                }
              if (found)
                stats[c].indicators++;
            }
        }
    }
  return stats;
}

static gboolean
mostly (guint part,
        guint whole,
        guint percent)
{
  return whole > 0 && part * 100 >= whole * percent;
}

static gboolean
column_taken (const GkFigureLayout *layout,
              guint                 column)
{
  for (guint role = 0; role < GK_FIGURE_N_ROLES; role++)
    if (layout->columns[role] == (int) column)
      return TRUE;
  return FALSE;
}

/* Periods across the header row (StatLine's "Perioden" header): the columns
 * whose header cell is a period. */
static void
find_period_columns (GkSheet        *sheet,
                     GkFigureLayout *layout)
{
  const GkSheetRow *header;

  if (layout->header_row < 0)
    return;
  header = gk_sheet_get_row (sheet, layout->header_row);
  for (guint c = 0; c < header->n_cells; c++)
    if (cell_is_period (&header->cells[c]))
      {
        GkFigureColumn column = { c, 0 };

        g_array_append_val (layout->value_columns, column);
      }
}

static void
find_indicator_columns (GkDocument     *document,
                        GkFigureLayout *layout)
{
  for (guint c = 0; c < layout->labels->len; c++)
    {
      GkIndicator *indicator;

      if (column_taken (layout, c))
        continue;
      indicator = gk_figure_find_indicator (document, g_ptr_array_index (layout->labels, c));
      if (indicator != NULL)
        {
          GkFigureColumn column = { c, gk_record_get_id (GK_RECORD (indicator)) };

          g_array_append_val (layout->value_columns, column);
        }
    }
}

/* The one indicator of a long table without an indicator column: named by
 * the sheet, a title line, or the value column's header. */
static gint64
guess_single_indicator (GkSheet        *sheet,
                        GkDocument     *document,
                        GkFigureLayout *layout)
{
  GkIndicator *indicator = NULL;
  int value = layout->columns[GK_FIGURE_ROLE_VALUE];

  if (value >= 0)
    indicator = gk_figure_find_indicator (document, gk_figure_layout_get_label (layout, value));
  for (int r = 0; indicator == NULL && r < layout->header_row; r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (sheet, r);

      if (count_nonblank (row) == 1)
        for (guint c = 0; c < row->n_cells && indicator == NULL; c++)
          if (!gk_cell_is_blank (&row->cells[c]))
            indicator = gk_figure_find_indicator (document, row->cells[c].text);
    }
  if (indicator == NULL)
    indicator = gk_figure_find_indicator (document, gk_sheet_get_name (sheet));
  if (indicator == NULL && g_list_model_get_n_items (gk_document_get_indicators (document)) == 1)
    {
      g_autoptr(GkIndicator) only = g_list_model_get_item (gk_document_get_indicators (document), 0);

      return gk_record_get_id (GK_RECORD (only));
    }
  return indicator != NULL ? gk_record_get_id (GK_RECORD (indicator)) : 0;
}

static int
first_number_column (const GkFigureLayout *layout,
                     const ColumnStats    *stats,
                     guint                 n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    if (!column_taken (layout, c) && stats[c].nonblank > 0 && mostly (stats[c].numbers, stats[c].nonblank, 80) &&
        !mostly (stats[c].periods, stats[c].nonblank, 80))
      return c;
  return GK_FIGURE_NO_COLUMN;
}

GkFigureLayout *
gk_figure_layout_guess (GkSheet    *sheet,
                        GkDocument *document)
{
  g_autoptr(GkFigureLayout) layout = g_new0 (GkFigureLayout, 1);
  g_autofree ColumnStats *stats = NULL;
  guint n_columns = gk_sheet_get_n_columns (sheet);

  g_return_val_if_fail (GK_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  layout->value_columns = g_array_new (FALSE, FALSE, sizeof (GkFigureColumn));
  for (guint role = 0; role < GK_FIGURE_N_ROLES; role++)
    layout->columns[role] = GK_FIGURE_NO_COLUMN;

  find_header (sheet, layout);
  find_footer (sheet, layout);
  stats = column_stats (sheet, document, layout, n_columns);

  /* Periods across the header: a row per indicator. */
  find_period_columns (sheet, layout);
  if (layout->value_columns->len > 0)
    {
      gboolean period_down = FALSE;

      for (guint c = 0; c < n_columns; c++)
        period_down |= mostly (stats[c].periods, stats[c].nonblank, 80) && stats[c].nonblank > 1;
      if (layout->value_columns->len >= 2 || !period_down)
        {
          layout->kind = GK_FIGURE_LAYOUT_PERIODS_ACROSS;
          for (guint c = 0; c < n_columns; c++)
            if (stats[c].indicators > 0 && mostly (stats[c].indicators, stats[c].nonblank, 50))
              {
                layout->columns[GK_FIGURE_ROLE_INDICATOR] = c;
                break;
              }
          if (layout->columns[GK_FIGURE_ROLE_INDICATOR] < 0)
            layout->columns[GK_FIGURE_ROLE_INDICATOR] = 0;
          return g_steal_pointer (&layout);
        }
      g_array_set_size (layout->value_columns, 0);
    }

  /* Roles named in the header. */
  for (guint c = 0; c < layout->labels->len; c++)
    for (guint role = 0; role < GK_FIGURE_N_ROLES; role++)
      if (layout->columns[role] < 0 && !column_taken (layout, c) &&
          label_has_word (g_ptr_array_index (layout->labels, c), role_words[role]))
        layout->columns[role] = c;

  /* A role named in the header must also fit what is below it. */
  if (layout->columns[GK_FIGURE_ROLE_PERIOD] >= 0)
    {
      int c = layout->columns[GK_FIGURE_ROLE_PERIOD];

      if (stats[c].nonblank > 0 && !mostly (stats[c].periods, stats[c].nonblank, 50))
        layout->columns[GK_FIGURE_ROLE_PERIOD] = GK_FIGURE_NO_COLUMN;
    }
  if (layout->columns[GK_FIGURE_ROLE_PERIOD] < 0)
    for (guint c = 0; c < n_columns; c++)
      if (!column_taken (layout, c) && mostly (stats[c].periods, stats[c].nonblank, 80))
        {
          layout->columns[GK_FIGURE_ROLE_PERIOD] = c;
          break;
        }
  if (layout->columns[GK_FIGURE_ROLE_INDICATOR] < 0)
    for (guint c = 0; c < n_columns; c++)
      if (!column_taken (layout, c) && stats[c].indicators > 0 && mostly (stats[c].indicators, stats[c].nonblank, 50))
        {
          layout->columns[GK_FIGURE_ROLE_INDICATOR] = c;
          break;
        }

  layout->kind = GK_FIGURE_LAYOUT_LONG;
  if (layout->columns[GK_FIGURE_ROLE_INDICATOR] < 0)
    {
      /* One column per indicator? */
      int value = layout->columns[GK_FIGURE_ROLE_VALUE];

      if (value >= 0 && gk_figure_find_indicator (document, gk_figure_layout_get_label (layout, value)) != NULL)
        layout->columns[GK_FIGURE_ROLE_VALUE] = value = GK_FIGURE_NO_COLUMN;
      if (value < 0)
        find_indicator_columns (document, layout);
      if (layout->value_columns->len > 1 ||
          (layout->value_columns->len == 1 && value < 0))
        {
          layout->kind = GK_FIGURE_LAYOUT_WIDE;
          return g_steal_pointer (&layout);
        }
      g_array_set_size (layout->value_columns, 0);
    }

  if (layout->columns[GK_FIGURE_ROLE_VALUE] < 0)
    layout->columns[GK_FIGURE_ROLE_VALUE] = first_number_column (layout, stats, n_columns);
  if (layout->columns[GK_FIGURE_ROLE_INDICATOR] < 0)
    layout->indicator_id = guess_single_indicator (sheet, document, layout);
  return g_steal_pointer (&layout);
}

GkFigureLayout *
gk_figure_layout_copy (const GkFigureLayout *layout)
{
  GkFigureLayout *copy = g_memdup2 (layout, sizeof *layout);

  copy->value_columns = g_array_copy (layout->value_columns);
  copy->labels = g_ptr_array_copy (layout->labels, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (copy->labels, g_free);
  return copy;
}

void
gk_figure_layout_free (GkFigureLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->value_columns, g_array_unref);
  g_clear_pointer (&layout->labels, g_ptr_array_unref);
  g_free (layout);
}

const char *
gk_figure_layout_get_label (const GkFigureLayout *layout,
                            guint                 column)
{
  if (layout->labels == NULL || column >= layout->labels->len)
    return "";
  return g_ptr_array_index (layout->labels, column);
}

void
gk_figure_layout_set_column_index (GkFigureLayout *layout,
                                   GkFigureRole    role,
                                   int             column)
{
  g_return_if_fail (role < GK_FIGURE_N_ROLES);

  /* A column has one role. */
  for (guint other = 0; other < GK_FIGURE_N_ROLES; other++)
    if (column >= 0 && layout->columns[other] == column)
      layout->columns[other] = GK_FIGURE_NO_COLUMN;
  layout->columns[role] = column;
  if (layout->kind != GK_FIGURE_LAYOUT_LONG && (role == GK_FIGURE_ROLE_VALUE || role == GK_FIGURE_ROLE_PERIOD))
    {
      layout->kind = GK_FIGURE_LAYOUT_LONG;
      g_array_set_size (layout->value_columns, 0);
    }
  if (role == GK_FIGURE_ROLE_INDICATOR && column >= 0)
    layout->indicator_id = 0;
}

gboolean
gk_figure_layout_set_column (GkFigureLayout  *layout,
                             GkFigureRole     role,
                             const char      *spec,
                             GError         **error)
{
  g_autofree char *wanted = gk_figure_normalize_name (spec);
  guint64 number;
  g_autoptr(GString) known = g_string_new (NULL);

  if (g_ascii_string_to_unsigned (spec, 10, 1, GK_SHEET_MAX_COLUMNS, &number, NULL))
    {
      gk_figure_layout_set_column_index (layout, role, (int) number - 1);
      return TRUE;
    }
  for (guint c = 0; c < layout->labels->len; c++)
    {
      g_autofree char *label = gk_figure_normalize_name (g_ptr_array_index (layout->labels, c));

      if (*wanted != '\0' && g_str_equal (label, wanted))
        {
          gk_figure_layout_set_column_index (layout, role, c);
          return TRUE;
        }
      if (*label != '\0')
        g_string_append_printf (known, "%s“%s”", known->len > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (layout->labels, c));
    }
  if (known->len == 0)
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING,
                 _("The file has no header with a column “%s”. Give the column by its number (1 is the first)."),
                 spec);
  else
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING,
                 _("The file has no column “%s”. Its columns are %s; or give a column by its number."),
                 spec, known->str);
  return FALSE;
}

void
gk_figure_layout_set_indicator (GkFigureLayout *layout,
                                GkDocument     *document,
                                gint64          indicator_id)
{
  int value_column = layout->columns[GK_FIGURE_ROLE_VALUE];

  layout->indicator_id = indicator_id;
  if (indicator_id == 0)
    return;
  /* In a wide table, the indicator's own column holds its figures. */
  if (layout->kind == GK_FIGURE_LAYOUT_WIDE)
    {
      value_column = GK_FIGURE_NO_COLUMN;
      for (guint i = 0; i < layout->value_columns->len; i++)
        if (g_array_index (layout->value_columns, GkFigureColumn, i).indicator_id == indicator_id)
          value_column = g_array_index (layout->value_columns, GkFigureColumn, i).column;
      if (value_column < 0 && layout->value_columns->len == 1)
        value_column = g_array_index (layout->value_columns, GkFigureColumn, 0).column;
    }
  if (layout->kind != GK_FIGURE_LAYOUT_PERIODS_ACROSS)
    {
      layout->kind = GK_FIGURE_LAYOUT_LONG;
      g_array_set_size (layout->value_columns, 0);
      layout->columns[GK_FIGURE_ROLE_INDICATOR] = GK_FIGURE_NO_COLUMN;
      layout->columns[GK_FIGURE_ROLE_VALUE] = value_column;
    }
}

gboolean
gk_figure_layout_check (const GkFigureLayout  *layout,
                        GError               **error)
{
  const int *columns = layout->columns;

  switch (layout->kind)
    {
    case GK_FIGURE_LAYOUT_PERIODS_ACROSS:
      if (columns[GK_FIGURE_ROLE_INDICATOR] < 0 && layout->indicator_id == 0)
        {
          g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING,
                               _("Choose the column that names the indicators."));
          return FALSE;
        }
      return TRUE;

    case GK_FIGURE_LAYOUT_WIDE:
      if (columns[GK_FIGURE_ROLE_PERIOD] < 0)
        {
          g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING,
                               _("No column with periods was found. Choose the column that holds the periods."));
          return FALSE;
        }
      return TRUE;

    case GK_FIGURE_LAYOUT_LONG:
    default:
      if (columns[GK_FIGURE_ROLE_PERIOD] < 0)
        {
          g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING,
                               _("No column with periods was found. Choose the column that holds the periods."));
          return FALSE;
        }
      if (columns[GK_FIGURE_ROLE_VALUE] < 0)
        {
          g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING,
                               _("No column with figures was found. Choose the column that holds the values."));
          return FALSE;
        }
      if (columns[GK_FIGURE_ROLE_INDICATOR] < 0 && layout->indicator_id == 0)
        {
          g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING,
                               _("The file does not say which indicator its figures are for. "
                                 "Choose the indicator, or the column that names it."));
          return FALSE;
        }
      return TRUE;
    }
}
