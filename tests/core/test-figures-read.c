/* test-figures-read.c: CSV, XLSX and ODS read into sheets; Dutch numbers and periods
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "figures-fixture.h"
#include "gk-date.h"
#include "gk-dutch-number.h"
#include "gk-figure-period.h"
#include "gk-ods-reader.h"
#include "gk-xlsx-reader.h"

static const GkCell *
cell_at (GkSheet *sheet,
         guint    row,
         guint    column)
{
  return gk_sheet_row_get_cell (gk_sheet_get_row (sheet, row), column);
}

static void
assert_text (GkSheet    *sheet,
             guint       row,
             guint       column,
             const char *expected)
{
  const GkCell *cell = cell_at (sheet, row, column);

  g_assert_cmpint (cell->kind, ==, GK_CELL_TEXT);
  g_assert_cmpstr (cell->text, ==, expected);
}

/* ---- numbers --------------------------------------------------------------------- */

static void
test_numbers (void)
{
  static const struct {
    const char   *text;
    GkNumberStyle style;
    gboolean      ok;
    double        value;
    GkNumberMark  mark;
  } cases[] = {
    { "1.234,50", GK_NUMBER_STYLE_DUTCH, TRUE, 1234.5, GK_NUMBER_MARK_NONE },
    { "€ 1.234,50", GK_NUMBER_STYLE_DUTCH, TRUE, 1234.5, GK_NUMBER_MARK_EURO },
    { "1.234,50 €", GK_NUMBER_STYLE_DUTCH, TRUE, 1234.5, GK_NUMBER_MARK_EURO },
    { "-€ 12,5", GK_NUMBER_STYLE_DUTCH, TRUE, -12.5, GK_NUMBER_MARK_EURO },
    { "€ -12,5", GK_NUMBER_STYLE_DUTCH, TRUE, -12.5, GK_NUMBER_MARK_EURO },
    { "EUR 100", GK_NUMBER_STYLE_DUTCH, TRUE, 100, GK_NUMBER_MARK_EURO },
    { "12,5%", GK_NUMBER_STYLE_DUTCH, TRUE, 12.5, GK_NUMBER_MARK_PERCENT },
    { "12,5 %", GK_NUMBER_STYLE_DUTCH, TRUE, 12.5, GK_NUMBER_MARK_PERCENT },
    { "   1234", GK_NUMBER_STYLE_DUTCH, TRUE, 1234, GK_NUMBER_MARK_NONE },
    { "1.234", GK_NUMBER_STYLE_DUTCH, TRUE, 1234, GK_NUMBER_MARK_NONE },
    { "1.234", GK_NUMBER_STYLE_POINT, TRUE, 1.234, GK_NUMBER_MARK_NONE },
    { "1,234", GK_NUMBER_STYLE_DUTCH, TRUE, 1.234, GK_NUMBER_MARK_NONE },
    { "1,234", GK_NUMBER_STYLE_POINT, TRUE, 1234, GK_NUMBER_MARK_NONE },
    { "5100.25", GK_NUMBER_STYLE_DUTCH, TRUE, 5100.25, GK_NUMBER_MARK_NONE },
    { "1,234.5", GK_NUMBER_STYLE_DUTCH, TRUE, 1234.5, GK_NUMBER_MARK_NONE },
    { "1.234.567", GK_NUMBER_STYLE_DUTCH, TRUE, 1234567, GK_NUMBER_MARK_NONE },
    { "1\xC2\xA0" "234,5", GK_NUMBER_STYLE_DUTCH, TRUE, 1234.5, GK_NUMBER_MARK_NONE },
    { "(250)", GK_NUMBER_STYLE_DUTCH, TRUE, -250, GK_NUMBER_MARK_NONE },
    { "\xE2\x88\x92" "3", GK_NUMBER_STYLE_DUTCH, TRUE, -3, GK_NUMBER_MARK_NONE },
    { ",5", GK_NUMBER_STYLE_DUTCH, TRUE, 0.5, GK_NUMBER_MARK_NONE },
    { "12,5 procent", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "5 weken", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "12.34.5", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "1.23,5", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "--5", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "#N/B", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "1e5", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
    { "€", GK_NUMBER_STYLE_DUTCH, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -999;
      GkNumberMark mark = 99;
      gboolean ok = gk_dutch_number_parse (cases[i].text, cases[i].style, &value, &mark);

      if (ok != cases[i].ok)
        g_error ("“%s”: parsed %s", cases[i].text, ok ? "but should not" : "not");
      if (ok)
        {
          g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
          g_assert_cmpint (mark, ==, cases[i].mark);
        }
    }

  g_assert_true (gk_dutch_number_is_missing (""));
  g_assert_true (gk_dutch_number_is_missing (" - "));
  g_assert_true (gk_dutch_number_is_missing ("     ."));
  g_assert_true (gk_dutch_number_is_missing ("x"));
  g_assert_false (gk_dutch_number_is_missing ("0"));

  g_assert_cmpint (gk_dutch_number_evidence ("12,5"), ==, GK_NUMBER_EVIDENCE_DUTCH);
  g_assert_cmpint (gk_dutch_number_evidence ("1.234,5"), ==, GK_NUMBER_EVIDENCE_DUTCH);
  g_assert_cmpint (gk_dutch_number_evidence ("5100.25"), ==, GK_NUMBER_EVIDENCE_POINT);
  g_assert_cmpint (gk_dutch_number_evidence ("1.234"), ==, GK_NUMBER_EVIDENCE_NONE);
  g_assert_cmpint (gk_dutch_number_decide (0, 0), ==, GK_NUMBER_STYLE_DUTCH);
  g_assert_cmpint (gk_dutch_number_decide (0, 3), ==, GK_NUMBER_STYLE_POINT);
  g_assert_cmpint (gk_dutch_number_decide (1, 3), ==, GK_NUMBER_STYLE_DUTCH);

  /* What is written reads back as the same double. */
  {
    static const double values[] = { 0, -0.0, 1234.5, 0.1 + 0.2, 1e-7, -5150.25, 71 };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        g_autofree char *text = gk_dutch_number_format (values[i]);
        double back;

        g_assert_null (strchr (text, '.'));
        g_assert_null (strchr (text, '-') == text && values[i] == 0 ? text : NULL);
        if (values[i] >= 1e-4 || values[i] <= -1e-4 || values[i] == 0)
          {
            g_assert_true (gk_dutch_number_parse (text, GK_NUMBER_STYLE_DUTCH, &back, NULL));
            g_assert_true (back == values[i]);
          }
      }
  }
}

/* ---- periods --------------------------------------------------------------------- */

static void
test_periods (void)
{
  static const struct {
    const char  *text;
    GkPeriodKind kind;
    const char  *date;   /* NULL: not a period */
    gboolean     provisional;
  } cases[] = {
    { "2026-01", GK_PERIOD_KIND_MONTH, "2026-01-01" },
    { "2026/1", GK_PERIOD_KIND_MONTH, "2026-01-01" },
    { "01-2026", GK_PERIOD_KIND_MONTH, "2026-01-01" },
    { "jan 2026", GK_PERIOD_KIND_MONTH, "2026-01-01" },
    { "Jan. 2026", GK_PERIOD_KIND_MONTH, "2026-01-01" },
    { "januari 2026", GK_PERIOD_KIND_MONTH, "2026-01-01" },
    { "2026 januari", GK_PERIOD_KIND_MONTH, "2026-01-01" },
    { "2026 maart*", GK_PERIOD_KIND_MONTH, "2026-03-01", TRUE },
    { "mrt-26", GK_PERIOD_KIND_MONTH, "2026-03-01" },
    { "October 2026", GK_PERIOD_KIND_MONTH, "2026-10-01" },
    { "2026MM05", GK_PERIOD_KIND_MONTH, "2026-05-01" },
    { "202611", GK_PERIOD_KIND_MONTH, "2026-11-01" },
    { "1-1-2026", GK_PERIOD_KIND_DAY, "2026-01-01" },
    { "15/03/2026", GK_PERIOD_KIND_DAY, "2026-03-15" },
    { "2026-03-15", GK_PERIOD_KIND_DAY, "2026-03-15" },
    { "2026-03-15T00:00:00", GK_PERIOD_KIND_DAY, "2026-03-15" },
    { "15-3-2026 0:00", GK_PERIOD_KIND_DAY, "2026-03-15" },
    { "1 april 2026", GK_PERIOD_KIND_DAY, "2026-04-01" },
    { "46023", GK_PERIOD_KIND_DAY, "2026-01-01" },
    { "2026 1e kwartaal", GK_PERIOD_KIND_QUARTER, "2026-01-01" },
    { "2026 3e kwartaal*", GK_PERIOD_KIND_QUARTER, "2026-07-01", TRUE },
    { "1e kwartaal 2026", GK_PERIOD_KIND_QUARTER, "2026-01-01" },
    { "2026 tweede kwartaal", GK_PERIOD_KIND_QUARTER, "2026-04-01" },
    { "2026-K1", GK_PERIOD_KIND_QUARTER, "2026-01-01" },
    { "2026K4", GK_PERIOD_KIND_QUARTER, "2026-10-01" },
    { "2026Q1", GK_PERIOD_KIND_QUARTER, "2026-01-01" },
    { "2026 Q2", GK_PERIOD_KIND_QUARTER, "2026-04-01" },
    { "Q3 2026", GK_PERIOD_KIND_QUARTER, "2026-07-01" },
    { "K2-2026", GK_PERIOD_KIND_QUARTER, "2026-04-01" },
    { "2026KW02", GK_PERIOD_KIND_QUARTER, "2026-04-01" },
    { "2026", GK_PERIOD_KIND_YEAR, "2026-01-01" },
    { "2022*", GK_PERIOD_KIND_YEAR, "2022-01-01", TRUE },
    { "2026JJ00", GK_PERIOD_KIND_YEAR, "2026-01-01" },
    { "2026-13", 0, NULL },
    { "2026-K5", 0, NULL },
    { "31-2-2026", 0, NULL },
    { "week 12", 0, NULL },
    { "2026 H1", 0, NULL },
    { "volgend jaar", 0, NULL },
    { "1850", 0, NULL },
    { "", 0, NULL },
    { "Perioden", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GkFigurePeriod period = { 0 };
      gboolean ok = gk_figure_period_parse_text (cases[i].text, &period);

      if (ok != (cases[i].date != NULL))
        g_error ("“%s”: parsed %s", cases[i].text, ok ? "but should not" : "not");
      if (ok)
        {
          g_autofree char *iso = gk_date_to_iso (&period.date);

          g_assert_cmpint (period.kind, ==, cases[i].kind);
          g_assert_cmpstr (iso, ==, cases[i].date);
          g_assert_cmpint (period.provisional, ==, cases[i].provisional);
        }
    }
}

static void
test_period_cells (void)
{
  GkCell year = { GK_CELL_NUMBER, 2026, "2026" };
  GkCell month = { GK_CELL_NUMBER, 202603, "202603" };
  GkCell serial = { GK_CELL_NUMBER, 46054, "46054" };  /* 2026-02-01, as LibreOffice stores "februari 2026" */
  GkCell date = { GK_CELL_DATE, 0, "2026-05-01" };
  GkCell fraction = { GK_CELL_NUMBER, 2026.5, "2026.5" };
  GkFigurePeriod period;
  GDate start;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_assert_true (gk_figure_period_parse_cell (&year, &period));
  g_assert_cmpint (period.kind, ==, GK_PERIOD_KIND_YEAR);
  g_assert_true (gk_figure_period_parse_cell (&month, &period));
  g_assert_cmpint (period.kind, ==, GK_PERIOD_KIND_MONTH);
  g_assert_true (gk_figure_period_parse_cell (&serial, &period));
  g_assert_cmpint (period.kind, ==, GK_PERIOD_KIND_DAY);
  iso = gk_date_to_iso (&period.date);
  g_assert_cmpstr (iso, ==, "2026-02-01");
  g_assert_true (gk_figure_period_parse_cell (&date, &period));
  g_assert_false (gk_figure_period_parse_cell (&fraction, &period));

  /* Excel's serials around its fictitious 29 February 1900. */
  g_assert_true (gk_excel_serial_to_date (59, &start));
  g_assert_cmpint (g_date_get_day (&start), ==, 28);
  g_assert_true (gk_excel_serial_to_date (61, &start));
  g_assert_cmpint (g_date_get_month (&start), ==, G_DATE_MARCH);
  g_assert_false (gk_excel_serial_to_date (0, &start));

  /* A day falls in any period; a month only fits a monthly indicator. */
  g_assert_true (gk_figure_period_parse_text ("15-5-2026", &period));
  g_assert_true (gk_figure_period_match (&period, GK_FREQUENCY_QUARTERLY, "15-5-2026", "X", &start, &error));
  g_assert_cmpint (g_date_get_month (&start), ==, G_DATE_APRIL);
  g_assert_true (gk_figure_period_parse_text ("2026-02", &period));
  g_assert_false (gk_figure_period_match (&period, GK_FREQUENCY_QUARTERLY, "2026-02", "Tevredenheid", &start, &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“2026-02” is a month"));
  g_assert_nonnull (strstr (error->message, "quarter"));
  g_clear_error (&error);
  g_assert_true (gk_figure_period_parse_text ("2026-K1", &period));
  g_assert_false (gk_figure_period_match (&period, GK_FREQUENCY_MONTHLY, "2026-K1", "Kosten", &start, &error));
  g_clear_error (&error);
  g_assert_true (gk_figure_period_match (&period, GK_FREQUENCY_QUARTERLY, "2026-K1", "T", &start, &error));
  g_assert_true (gk_figure_period_parse_text ("2026", &period));
  g_assert_false (gk_figure_period_match (&period, GK_FREQUENCY_MONTHLY, "2026", "Kosten", &start, &error));
}

/* ---- CSV ------------------------------------------------------------------------- */

static void
test_csv_dutch_excel (void)
{
  g_autoptr(GBytes) data = fixture_bytes ("dutch-excel.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (data, "dutch-excel.csv", &error);
  g_autoptr(GkSheet) sheet = NULL;
  const GkCsvFormat *format;

  g_assert_no_error (error);
  g_assert_cmpint (gk_workbook_get_format (workbook), ==, GK_WORKBOOK_FORMAT_CSV);
  g_assert_cmpstr (gk_workbook_get_sheet_names (workbook)[0], ==, "dutch-excel");
  format = gk_workbook_get_csv_format (workbook);
  g_assert_cmpint (format->separator, ==, ';');
  g_assert_cmpstr (format->encoding, ==, "UTF-8");
  g_assert_true (format->had_bom);

  sheet = gk_workbook_read_sheet (workbook, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gk_sheet_get_n_rows (sheet), ==, 9);
  assert_text (sheet, 0, 0, "Indicator");            /* no BOM left in the first cell */
  assert_text (sheet, 1, 2, "5.150,25");
  assert_text (sheet, 2, 2, "€ 5.100,00");
  /* A quoted field with a newline is one field; the next row knows its line. */
  assert_text (sheet, 3, 3, "eerste maand met\r\nde nieuwe triage");
  g_assert_cmpuint (gk_sheet_get_row (sheet, 3)->line, ==, 4);
  g_assert_cmpuint (gk_sheet_get_row (sheet, 4)->line, ==, 6);
  assert_text (sheet, 7, 3, "na \"klanttevredenheidsonderzoek\"");
  g_assert_cmpint (cell_at (sheet, 8, 2)->kind, ==, GK_CELL_EMPTY);
  g_assert_cmpuint (gk_sheet_get_row (sheet, 8)->line, ==, 10);
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(GBytes) data = fixture_bytes ("windows-1252.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (data, "windows-1252.csv", &error);
  g_autoptr(GkSheet) sheet = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gk_workbook_get_csv_format (workbook)->encoding, ==, "WINDOWS-1252");
  g_assert_false (gk_workbook_get_csv_format (workbook)->had_bom);
  sheet = gk_workbook_read_sheet (workbook, NULL, &error);
  assert_text (sheet, 1, 0, "Tevredenheid cliënten");
  assert_text (sheet, 2, 2, "€ 4.950,00");
}

static void
test_csv_utf16_and_separators (void)
{
  static const char *cases[][2] = {
    { "Periode\tWaarde\n2026-01\t12,5\n2026-02\t13\n", "\t" },
    { "Periode,Waarde\n2026-01,12.5\n2026-02,13\n", "," },
    /* The commas of decimal numbers must not win over ';'. */
    { "Periode;Waarde\n2026-01;12,5\n2026-02;13,1\n2026-03;14,2\n", ";" },
    /* Old Mac line ends. */
    { "Periode;Waarde\r2026-01;1\r2026-02;2\r", ";" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) data = g_bytes_new_static (cases[i][0], strlen (cases[i][0]));
      g_autoptr(GError) error = NULL;
      GkCsvFormat format;
      g_autoptr(GkSheet) sheet = gk_csv_read (data, "x", &format, &error);

      g_assert_no_error (error);
      g_assert_cmpint (format.separator, ==, cases[i][1][0]);
      g_assert_cmpuint (gk_sheet_get_n_rows (sheet), >=, 3);
      assert_text (sheet, 1, 0, "2026-01");
      g_assert_cmpuint (gk_sheet_get_row (sheet, 2)->line, ==, 3);
    }

  /* Excel's "Unicode text": UTF-16 little endian with a byte order mark, tabs. */
  {
    g_autoptr(GError) error = NULL;
    gsize length = 0;
    g_autofree char *utf16 = g_convert ("Periode\tWaarde\r\n2026-01\t€ 12\r\n", -1, "UTF-16LE", "UTF-8", NULL,
                                        &length, &error);
    g_autofree char *with_bom = g_malloc (length + 2);
    g_autoptr(GBytes) data = NULL;
    g_autoptr(GkSheet) sheet = NULL;
    GkCsvFormat format;

    g_assert_no_error (error);
    with_bom[0] = (char) 0xFF;
    with_bom[1] = (char) 0xFE;
    memcpy (with_bom + 2, utf16, length);
    data = g_bytes_new (with_bom, length + 2);
    sheet = gk_csv_read (data, "x", &format, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (format.encoding, ==, "UTF-16LE");
    assert_text (sheet, 1, 1, "€ 12");
  }
}

static void
test_csv_statline (void)
{
  g_autoptr(GkSheet) sheet = fixture_sheet ("statline.csv", NULL);

  assert_text (sheet, 0, 0, "Jeugdhulp; gemeenten");  /* a quoted ';' is no separator */
  assert_text (sheet, 2, 0, "Perioden");
  assert_text (sheet, 3, 2, "   5150,25");
  assert_text (sheet, 7, 0, "Bron: CBS");
}

/* ---- XLSX and ODS made by LibreOffice ----------------------------------------------- */

static void
assert_workbook_sheets (const char *name,
                        GkWorkbookFormat format)
{
  g_autoptr(GBytes) data = fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (data, name, &error);
  g_autoptr(GkSheet) sheet = NULL;
  g_autoptr(GkSheet) second = NULL;
  const char * const *names;

  g_assert_no_error (error);
  g_assert_cmpint (gk_workbook_get_format (workbook), ==, format);
  g_assert_null (gk_workbook_get_csv_format (workbook));
  names = gk_workbook_get_sheet_names (workbook);
  g_assert_cmpstr (names[0], ==, "Cijfers");
  g_assert_cmpstr (names[1], ==, "Per maand");
  g_assert_null (names[2]);

  sheet = gk_workbook_read_sheet (workbook, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_sheet_get_name (sheet), ==, "Cijfers");
  /* A million empty rows below the figures are not rows. */
  g_assert_cmpuint (gk_sheet_get_n_rows (sheet), ==, 4);
  assert_text (sheet, 0, 0, "Indicator");
  assert_text (sheet, 1, 0, "Kosten jeugdhulp per jeugdige");
  g_assert_cmpint (cell_at (sheet, 1, 1)->kind, ==, GK_CELL_DATE);
  g_assert_cmpstr (cell_at (sheet, 1, 1)->text, ==, "2026-03-01");
  g_assert_cmpint (cell_at (sheet, 1, 2)->kind, ==, GK_CELL_NUMBER);
  g_assert_cmpfloat (cell_at (sheet, 1, 2)->number, ==, 5050.75);
  assert_text (sheet, 2, 1, "april 2026");
  g_assert_cmpint (cell_at (sheet, 3, 2)->kind, ==, GK_CELL_PERCENT);
  g_assert_cmpfloat_with_epsilon (cell_at (sheet, 3, 2)->number, 0.735, 1e-12);
  /* The comment on the cell is not its text. */
  assert_text (sheet, 3, 3, "tweede meting");
  assert_text (sheet, 3, 0, "Tevredenheid cliënten");
  g_assert_cmpuint (gk_sheet_get_row (sheet, 3)->line, ==, 4);

  second = gk_workbook_read_sheet (workbook, "per MAAND", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_sheet_get_name (second), ==, "Per maand");
  g_assert_cmpint (cell_at (second, 2, 0)->kind, ==, GK_CELL_DATE);
  g_assert_cmpstr (cell_at (second, 2, 0)->text, ==, "2026-06-01");

  g_assert_null (gk_workbook_read_sheet (workbook, "Blad9", &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "Blad9"));
}

static void
test_xlsx_libreoffice (void)
{
  assert_workbook_sheets ("workbook.xlsx", GK_WORKBOOK_FORMAT_XLSX);
}

static void
test_ods_libreoffice (void)
{
  assert_workbook_sheets ("workbook.ods", GK_WORKBOOK_FORMAT_ODS);
}

static void
test_xlsx_from_dutch_csv (void)
{
  g_autoptr(GkSheet) sheet = fixture_sheet ("dutch-excel.xlsx", NULL);

  /* LibreOffice read "februari 2026" as a date and "€ 5.100,00" as a number. */
  g_assert_cmpint (cell_at (sheet, 2, 1)->kind, ==, GK_CELL_DATE);
  g_assert_cmpstr (cell_at (sheet, 2, 1)->text, ==, "2026-02-01");
  g_assert_cmpint (cell_at (sheet, 2, 2)->kind, ==, GK_CELL_NUMBER);
  g_assert_cmpfloat (cell_at (sheet, 2, 2)->number, ==, 5100);
  g_assert_cmpint (cell_at (sheet, 7, 2)->kind, ==, GK_CELL_PERCENT);
  g_assert_cmpfloat_with_epsilon (cell_at (sheet, 7, 2)->number, 0.725, 1e-12);
  assert_text (sheet, 3, 3, "eerste maand met\nde nieuwe triage");
}

/* A workbook renamed to .csv is still read as the workbook it is. */
static void
test_wrong_extension_read_by_content (void)
{
  g_autoptr(GBytes) data = fixture_bytes ("workbook.ods");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (data, "cijfers.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (gk_workbook_get_format (workbook), ==, GK_WORKBOOK_FORMAT_ODS);
}

static void
test_inline_strings_and_styles (void)
{
  g_autoptr(GBytes) data = fixture_zip (0,
    "[Content_Types].xml", XLSX_CONTENT_TYPES,
    "_rels/.rels", XLSX_ROOT_RELS,
    "xl/workbook.xml", XLSX_WORKBOOK,
    "xl/_rels/workbook.xml.rels",
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>",
    "xl/styles.xml",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts><numFmt numFmtId=\"164\" formatCode=\"[$-413]d\\ mmmm\\ yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"&quot;dagen&quot;\\ 0\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>",
    "xl/sharedStrings.xml",
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>Periode</t></si>"
    "<si><r><t>Waar</t></r><r><t>de</t></r><rPh><t>xx</t></rPh></si></sst>",
    "xl/worksheets/sheet1.xml",
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>46023</v></c><c r=\"B3\" s=\"2\"><v>12.5</v></c><c r=\"D3\" s=\"3\"><v>0.5</v></c></row>"
    "<row><c t=\"inlineStr\"><is><t>2026-02</t></is></c><c t=\"e\"><v>#DIV/0!</v></c><c t=\"b\"><v>1</v></c></row>"
    "</sheetData></worksheet>",
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (data, "x.xlsx", &error);
  g_autoptr(GkSheet) sheet = NULL;

  g_assert_no_error (error);
  sheet = gk_workbook_read_sheet (workbook, NULL, &error);
  g_assert_no_error (error);
  assert_text (sheet, 0, 1, "Waarde");           /* rich text runs joined, phonetic run left out */
  g_assert_cmpuint (gk_sheet_get_row (sheet, 1)->line, ==, 3);
  g_assert_cmpint (cell_at (sheet, 1, 0)->kind, ==, GK_CELL_DATE);
  g_assert_cmpstr (cell_at (sheet, 1, 0)->text, ==, "2026-01-01");
  g_assert_cmpint (cell_at (sheet, 1, 1)->kind, ==, GK_CELL_NUMBER);  /* "dagen" is quoted text, not d for day */
  g_assert_cmpint (cell_at (sheet, 1, 2)->kind, ==, GK_CELL_EMPTY);
  g_assert_cmpint (cell_at (sheet, 1, 3)->kind, ==, GK_CELL_PERCENT);
  g_assert_cmpuint (gk_sheet_get_row (sheet, 2)->line, ==, 4);
  assert_text (sheet, 2, 0, "2026-02");
  assert_text (sheet, 2, 1, "#DIV/0!");
  g_assert_cmpint (cell_at (sheet, 2, 2)->kind, ==, GK_CELL_BOOLEAN);
}

/* ---- bad input: a clear message, never a crash ------------------------------------- */

static void
assert_refused (GBytes         *data,
                const char     *file_name,
                GkFiguresError  code,
                const char     *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (data, file_name, &error);
  g_autoptr(GkSheet) sheet = NULL;

  if (workbook != NULL)
    sheet = gk_workbook_read_sheet (workbook, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, GK_FIGURES_ERROR, (gint) code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_bad_files (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) blank = g_bytes_new_static ("\r\n\r\n  \n", 7);
  g_autoptr(GBytes) bom_only = g_bytes_new_static ("\xEF\xBB\xBF", 3);
  g_autoptr(GBytes) junk = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n\x00\x01\x02\x03 obj", 18);
  g_autoptr(GBytes) xls = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  g_autoptr(GBytes) text_as_xlsx = g_bytes_new_static ("Periode;Waarde\n2026-01;1\n", 25);
  g_autoptr(GBytes) workbook = fixture_bytes ("workbook.xlsx");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (workbook, 0, g_bytes_get_size (workbook) / 2);
  g_autoptr(GBytes) document = fixture_zip (0, "mimetype", "application/vnd.oasis.opendocument.text",
                                            "content.xml", "<office:document-content/>", NULL);
  g_autoptr(GBytes) broken_xml = fixture_xlsx ("<worksheet><sheetData><row><c><v>1</v></row>", 0);
  g_autoptr(GBytes) laughs = fixture_xlsx ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                                           "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                                           "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c>"
                                           "</row></sheetData></worksheet>", 0);
  g_autoptr(GBytes) no_rows = fixture_xlsx ("<worksheet><sheetData/></worksheet>", 0);
  guint8 random[4096];
  GRand *rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < sizeof random; i++)
    random[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  junk = g_bytes_new (random, sizeof random);

  assert_refused (empty, "leeg.csv", GK_FIGURES_ERROR_EMPTY, "empty");
  assert_refused (blank, "leeg.csv", GK_FIGURES_ERROR_EMPTY, "empty");
  assert_refused (bom_only, "leeg.csv", GK_FIGURES_ERROR_EMPTY, "empty");
  assert_refused (junk, "cijfers.csv", GK_FIGURES_ERROR_NOT_SPREADSHEET, "binary");
  assert_refused (pdf, "cijfers.csv", GK_FIGURES_ERROR_NOT_SPREADSHEET, "binary");
  assert_refused (xls, "cijfers.xls", GK_FIGURES_ERROR_NOT_SPREADSHEET, ".xls");
  assert_refused (text_as_xlsx, "cijfers.xlsx", GK_FIGURES_ERROR_NOT_SPREADSHEET, "not a zip");
  assert_refused (truncated, "cijfers.xlsx", GK_FIGURES_ERROR_DAMAGED, "zip");
  assert_refused (document, "brief.odt", GK_FIGURES_ERROR_NOT_SPREADSHEET, "zip");
  assert_refused (broken_xml, "x.xlsx", GK_FIGURES_ERROR_DAMAGED, "not valid XML");
  assert_refused (laughs, "x.xlsx", GK_FIGURES_ERROR_DAMAGED, "document type");
  assert_refused (no_rows, "x.xlsx", GK_FIGURES_ERROR_EMPTY, "empty");
}

/* A small zip that unpacks to more than the budget is refused without
 * unpacking it. */
static void
test_zip_bomb (void)
{
  gsize filler = GK_ZIP_MAX_UNPACKED + 1024 * 1024;
  g_autoptr(GBytes) bomb = fixture_xlsx ("<worksheet><sheetData>|</sheetData></worksheet>", filler);

  g_assert_cmpuint (g_bytes_get_size (bomb), <, filler / 500);
  assert_refused (bomb, "bom.xlsx", GK_FIGURES_ERROR_TOO_LARGE, "zip bomb");
}

/* A sheet of a million rows stops at the limit with a clear message. */
static void
test_million_rows (void)
{
  g_autoptr(GString) csv = g_string_sized_new (12 * 1000000);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) ods = NULL;

  g_string_append (csv, "Periode;Waarde\n");
  for (guint i = 0; i < 1000000; i++)
    g_string_append (csv, "2026-01;1\n");
  data = g_bytes_new (csv->str, csv->len);
  assert_refused (data, "groot.csv", GK_FIGURES_ERROR_TOO_LARGE, "rows");

  /* LibreOffice folds equal rows into one element: a repeated row that
   * holds something is not unfolded past the limit. */
  ods = fixture_zip (0, "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                     "content.xml",
                     "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                     "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                     "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                     "<table:table table:name=\"Blad1\"><table:table-row table:number-rows-repeated=\"4000000000\">"
                     "<table:table-cell office:value-type=\"float\" office:value=\"1\" "
                     "table:number-columns-repeated=\"3\"/></table:table-row></table:table>"
                     "</office:spreadsheet></office:body></office:document-content>",
                     NULL);
  assert_refused (ods, "groot.ods", GK_FIGURES_ERROR_TOO_LARGE, "rows");
}

static void
test_too_many_columns (void)
{
  g_autoptr(GBytes) ods = fixture_zip (0, "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
    "content.xml",
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:spreadsheet>"
    "<table:table table:name=\"Blad1\"><table:table-row>"
    "<table:table-cell office:value-type=\"float\" office:value=\"1\" table:number-columns-repeated=\"16384\"/>"
    "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>",
    NULL);

  assert_refused (ods, "breed.ods", GK_FIGURES_ERROR_TOO_LARGE, "columns");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/numbers", test_numbers);
  g_test_add_func ("/figures/periods", test_periods);
  g_test_add_func ("/figures/period-cells", test_period_cells);
  g_test_add_func ("/figures/csv/dutch-excel", test_csv_dutch_excel);
  g_test_add_func ("/figures/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/figures/csv/utf16-and-separators", test_csv_utf16_and_separators);
  g_test_add_func ("/figures/csv/statline", test_csv_statline);
  g_test_add_func ("/figures/xlsx/libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/figures/ods/libreoffice", test_ods_libreoffice);
  g_test_add_func ("/figures/xlsx/from-dutch-csv", test_xlsx_from_dutch_csv);
  g_test_add_func ("/figures/xlsx/inline-strings-and-styles", test_inline_strings_and_styles);
  g_test_add_func ("/figures/wrong-extension", test_wrong_extension_read_by_content);
  g_test_add_func ("/figures/bad/files", test_bad_files);
  g_test_add_func ("/figures/bad/zip-bomb", test_zip_bomb);
  g_test_add_func ("/figures/bad/million-rows", test_million_rows);
  g_test_add_func ("/figures/bad/too-many-columns", test_too_many_columns);

  return g_test_run ();
}
