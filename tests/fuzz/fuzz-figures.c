/* fuzz-figures.c: libFuzzer target for the figures readers (CSV, XLSX, ODS)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes, under any of the names a user may give them: the readers
 * must return a sheet or an error, never crash, leak or read out of bounds
 * (AddressSanitizer and UndefinedBehaviorSanitizer watch). Every sheet is
 * read, and a period and a number are parsed from every cell.
 */
#include "config.h"

#include "gk-dutch-number.h"
#include "gk-figure-period.h"
#include "gk-workbook.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
walk_sheet (GkSheet *sheet)
{
  for (guint r = 0; r < gk_sheet_get_n_rows (sheet); r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (sheet, r);

      for (guint c = 0; c < row->n_cells; c++)
        {
          GkFigurePeriod period;
          double value;

          /* Each cell as the preview shows it: only that it does not crash. */
          g_free (gk_cell_to_display (&row->cells[c]));
          gk_figure_period_parse_cell (&row->cells[c], &period);
          gk_dutch_number_parse (row->cells[c].text, GK_NUMBER_STYLE_DUTCH, &value, NULL);
          gk_dutch_number_evidence (row->cells[c].text);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const names[] = { "cijfers.csv", "cijfers.xlsx", "cijfers.ods" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (bytes, names[n], NULL);
      const char * const *sheets;

      if (workbook == NULL)
        continue;
      sheets = gk_workbook_get_sheet_names (workbook);
      for (guint s = 0; sheets[s] != NULL && s < 4; s++)
        {
          g_autoptr(GkSheet) sheet = gk_workbook_read_sheet (workbook, sheets[s], NULL);

          if (sheet != NULL)
            walk_sheet (sheet);
        }
    }
  return 0;
}
