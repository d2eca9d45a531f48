/* test-figures-export.c: every table to XLSX and CSV, and the figures back in
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "figures-fixture.h"
#include "gk-import-plan.h"
#include "gk-table-export.h"
#include "model-fixture.h"

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gk-export-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static char *
dump_measurements (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT indicator_id, period_date, value, note FROM measurement "
                      "ORDER BY indicator_id, period_date", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %s %.17g %s\n", (long long) sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_double (stmt, 2),
                            sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Exports the figures to @name, imports them into the same programme
 * without its figures, and checks that every figure came back as it was. */
static void
round_trip (const char *name)
{
  sqlite3 *db = fixture_db_new (TRUE);
  sqlite3 *empty_db = fixture_db_new (TRUE);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) empty = NULL;
  g_autofree char *path = temp_path (name);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GkExportTable figures = GK_EXPORT_TABLE_FIGURES;
  g_autoptr(GkWorkbook) workbook = NULL;
  g_autoptr(GkSheet) sheet = NULL;
  g_autoptr(GkFigureLayout) layout = NULL;
  g_autoptr(GkImportPlan) plan = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Awkward figures: a note with ';', quotes and a newline, a long fraction. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE measurement SET note = 'zie \"bijlage\"; regel 2\nen 3', "
                                 "value = 5100.123456789012 WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  document = fixture_document_new (db);
  before = dump_measurements (db);
  g_assert_true (gk_export_tables (document, &figures, 1, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_exec (empty_db, "DELETE FROM measurement", NULL, NULL, NULL), ==, SQLITE_OK);
  empty = fixture_document_new (empty_db);
  workbook = gk_workbook_open (file, NULL, &error);
  g_assert_no_error (error);
  sheet = gk_workbook_read_sheet (workbook, NULL, &error);
  g_assert_no_error (error);
  layout = gk_figure_layout_guess (sheet, empty);
  g_assert_cmpint (layout->kind, ==, GK_FIGURE_LAYOUT_LONG);
  plan = gk_import_plan_new (empty, sheet, layout, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gk_import_plan_count (plan, GK_IMPORT_FATE_NEW), ==, 3);
  g_assert_cmpuint (gk_import_plan_count (plan, GK_IMPORT_FATE_REFUSED), ==, 0);
  g_assert_true (gk_import_plan_apply (plan, name, FALSE, &error));
  after = dump_measurements (empty_db);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&plan);   /* it holds the document */
  g_clear_object (&empty);
  g_clear_object (&document);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (empty_db), ==, SQLITE_OK);
  g_unlink (path);
}

static void
test_round_trip_xlsx (void)
{
  round_trip ("cijfers.xlsx");
}

static void
test_round_trip_csv (void)
{
  round_trip ("cijfers.csv");
}

static void
test_csv_for_dutch_excel (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  g_autoptr(GkDocument) document = fixture_document_new (db);
  g_autofree char *path = temp_path ("maatregelen.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GkExportTable tables[] = { GK_EXPORT_TABLE_PROJECTS, GK_EXPORT_TABLE_FIGURES };

  g_assert_true (gk_export_tables (document, &tables[0], 1, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Name;Goal;Owner;"));
  g_assert_nonnull (strstr (contents, "\r\nWijkteams versterken;Minder doorverwijzing;Fatima el Amrani;"));
  g_assert_nonnull (strstr (contents, ";125000;"));        /* the budget in euros, no thousands dot */
  g_assert_nonnull (strstr (contents, ";1-1-2026;31-12-2026;"));
  g_assert_nonnull (strstr (contents, ";-5\r\n"));         /* a negative saving */
  g_clear_pointer (&contents, g_free);

  g_assert_true (gk_export_tables (document, &tables[1], 1, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Kosten jeugdhulp per jeugdige;2026-01;5150,25;januari;"));
  g_assert_nonnull (strstr (contents, "Tevredenheid cliënten;2026-K1;71;"));

  /* Several tables do not fit in one CSV; an unknown extension is refused. */
  g_assert_false (gk_export_tables (document, tables, 2, path, &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (gk_export_tables (document, tables, 1, "/tmp/x.pdf", &error));
  g_assert_nonnull (strstr (error->message, ".xlsx or .csv"));

  g_clear_object (&document);
  sqlite3_close (db);
  g_unlink (path);
}

/* All tables in one workbook, each a sheet with typed cells. */
static void
test_xlsx_all_tables (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  g_autoptr(GkDocument) document = fixture_document_new (db);
  g_autofree char *path = temp_path ("alles.xlsx");
  g_autoptr(GError) error = NULL;
  GkExportTable all[GK_EXPORT_N_TABLES];
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkWorkbook) workbook = NULL;
  g_autoptr(GkSheet) projects = NULL;
  g_autoptr(GkSheet) measures = NULL;
  g_autoptr(GkSheet) indicators = NULL;
  g_autoptr(GkSheet) figures = NULL;
  const char * const *names;
  const GkSheetRow *row;

  for (guint i = 0; i < GK_EXPORT_N_TABLES; i++)
    all[i] = i;
  g_assert_true (gk_export_tables (document, all, GK_EXPORT_N_TABLES, path, &error));
  g_assert_no_error (error);

  workbook = gk_workbook_open (file, NULL, &error);
  g_assert_no_error (error);
  names = gk_workbook_get_sheet_names (workbook);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, GK_EXPORT_N_TABLES);
  g_assert_cmpstr (names[0], ==, "Focus projects");
  g_assert_cmpstr (names[3], ==, "Figures");
  g_assert_cmpstr (names[5], ==, "Journal");

  projects = gk_workbook_read_sheet (workbook, "Focus projects", &error);
  g_assert_cmpuint (gk_sheet_get_n_rows (projects), ==, 3);
  row = gk_sheet_get_row (projects, 2);   /* in the order of the list: by position */
  g_assert_cmpstr (gk_sheet_row_get_cell (row, 0)->text, ==, "Wijkteams versterken");
  g_assert_cmpint (gk_sheet_row_get_cell (row, 8)->kind, ==, GK_CELL_DATE);
  g_assert_cmpstr (gk_sheet_row_get_cell (row, 8)->text, ==, "2026-01-01");
  g_assert_cmpint (gk_sheet_row_get_cell (row, 10)->kind, ==, GK_CELL_NUMBER);
  g_assert_cmpfloat (gk_sheet_row_get_cell (row, 10)->number, ==, 125000);
  g_assert_cmpint (gk_sheet_row_get_cell (row, 11)->kind, ==, GK_CELL_EMPTY);

  measures = gk_workbook_read_sheet (workbook, "Measures", &error);
  row = gk_sheet_get_row (measures, 1);
  g_assert_cmpint (gk_sheet_row_get_cell (row, 8)->kind, ==, GK_CELL_PERCENT);
  g_assert_cmpfloat_with_epsilon (gk_sheet_row_get_cell (row, 8)->number, 0.4, 1e-12);

  indicators = gk_workbook_read_sheet (workbook, "Indicators", &error);
  row = gk_sheet_get_row (indicators, 1);
  g_assert_cmpstr (gk_sheet_row_get_cell (row, 0)->text, ==, "Kosten jeugdhulp per jeugdige");
  g_assert_cmpfloat (gk_sheet_row_get_cell (row, 10)->number, ==, 5100);   /* latest figure */

  figures = gk_workbook_read_sheet (workbook, "Figures", &error);
  g_assert_cmpuint (gk_sheet_get_n_rows (figures), ==, 4);
  row = gk_sheet_get_row (figures, 3);
  g_assert_cmpint (gk_sheet_row_get_cell (row, 2)->kind, ==, GK_CELL_PERCENT);
  g_assert_cmpfloat_with_epsilon (gk_sheet_row_get_cell (row, 2)->number, 0.71, 1e-12);

  g_clear_object (&document);
  sqlite3_close (db);
  g_unlink (path);
}

/* A failed export leaves nothing behind and says why. */
static void
test_unwritable (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  g_autoptr(GkDocument) document = fixture_document_new (db);
  g_autoptr(GError) error = NULL;
  GkExportTable figures = GK_EXPORT_TABLE_FIGURES;

  g_assert_false (gk_export_tables (document, &figures, 1, "/nonexistent-dir/x.xlsx", &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (gk_export_tables (document, &figures, 1, "/nonexistent-dir/x.csv", &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED);
  g_clear_object (&document);
  sqlite3_close (db);
}

static void
test_table_keys (void)
{
  GkExportTable table;

  for (guint i = 0; i < GK_EXPORT_N_TABLES; i++)
    {
      g_assert_true (gk_export_table_from_key (gk_export_table_key (i), &table));
      g_assert_cmpint (table, ==, i);
    }
  g_assert_false (gk_export_table_from_key ("people", &table));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/export/round-trip-xlsx", test_round_trip_xlsx);
  g_test_add_func ("/figures/export/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/figures/export/csv-for-dutch-excel", test_csv_for_dutch_excel);
  g_test_add_func ("/figures/export/xlsx-all-tables", test_xlsx_all_tables);
  g_test_add_func ("/figures/export/unwritable", test_unwritable);
  g_test_add_func ("/figures/export/table-keys", test_table_keys);

  return g_test_run ();
}
