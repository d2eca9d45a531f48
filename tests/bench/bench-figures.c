/* bench-figures.c: importing 100,000 figures and exporting the large programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a program that prints milliseconds and peak memory.
 *   bench-figures --import   100,000 rows of a Dutch CSV (50 monthly
 *                            indicators x 2,000 months) into an empty
 *                            programme: read, guess the layout, plan, apply
 *                            as one undo step (target: under 1 s)
 *   bench-figures --export   the large programme (gk_demo_write_large) to
 *                            XLSX, every table (target: under 500 ms)
 * Run each in its own process: the peak memory is the process's.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "gk-demo.h"
#include "gk-document.h"
#include "gk-document-private.h"
#include "gk-figure-layout.h"
#include "gk-import-plan.h"
#include "gk-project-file.h"
#include "gk-schema.h"
#include "gk-session.h"
#include "gk-table-export.h"
#include "gk-workbook.h"

#define N_INDICATORS 50
#define N_MONTHS (g_getenv ("GK_BENCH_MONTHS") != NULL ? atoi (g_getenv ("GK_BENCH_MONTHS")) : 2000)

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
bench_import (const char *dir)
{
  g_autofree char *csv_path = g_build_filename (dir, "cijfers.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBFIndicator;Periode;Waarde;Toelichting\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkWorkbook) workbook = NULL;
  g_autoptr(GkSheet) sheet = NULL;
  g_autoptr(GkFigureLayout) layout = NULL;
  g_autoptr(GkImportPlan) plan = NULL;
  g_autoptr(GkDocument) document = NULL;
  sqlite3 *db = NULL;
  gint64 start, total;
  double t_read, t_layout, t_plan, t_apply;

  g_assert (sqlite3_open (":memory:", &db) == SQLITE_OK);
  g_assert (gk_schema_create (db, &error));
  for (int i = 0; i < N_INDICATORS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO indicator (name, unit, frequency, position, version, "
                                              "updated_at, updated_by) VALUES ('Indicator %d', 'euro', 'monthly', "
                                              "%d, 1, '2026-01-01T00:00:00Z', 'bench')", i, i);
      g_assert (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK);
    }
  for (int i = 0; i < N_INDICATORS; i++)
    for (int m = 0; m < N_MONTHS; m++)
      g_string_append_printf (csv, "Indicator %d;%04d-%02d;\xE2\x82\xAC %d.%03d,%02d;\r\n", i, 1930 + m / 12, m % 12 + 1,
                              1 + m % 9, m % 1000, i % 100);
  g_assert (g_file_set_contents (csv_path, csv->str, csv->len, NULL));
  g_print ("CSV of %d rows: %.1f MB\n", N_INDICATORS * N_MONTHS, csv->len / 1e6);
  g_string_free (g_steal_pointer (&csv), TRUE);
  document = gk_document_new_for_db (db, &error);
  g_assert_no_error (error);

  total = start = g_get_monotonic_time ();
  file = g_file_new_for_path (csv_path);
  workbook = gk_workbook_open (file, NULL, &error);
  g_assert_no_error (error);
  sheet = gk_workbook_read_sheet (workbook, NULL, &error);
  t_read = elapsed_ms (start);
  start = g_get_monotonic_time ();
  layout = gk_figure_layout_guess (sheet, document);
  t_layout = elapsed_ms (start);
  start = g_get_monotonic_time ();
  plan = gk_import_plan_new (document, sheet, layout, &error);
  g_assert_no_error (error);
  t_plan = elapsed_ms (start);
  g_assert (gk_import_plan_count (plan, GK_IMPORT_FATE_NEW) == N_INDICATORS * N_MONTHS);
  start = g_get_monotonic_time ();
  g_assert (gk_import_plan_apply (plan, "cijfers.csv", FALSE, &error));
  t_apply = elapsed_ms (start);
  g_print ("import of %u figures: read %.0f ms, layout %.0f ms, plan %.0f ms, apply %.0f ms; total %.0f ms; "
           "peak memory %.0f MB\n", gk_import_plan_count (plan, GK_IMPORT_FATE_NEW), t_read, t_layout, t_plan,
           t_apply, elapsed_ms (total), peak_mb ());
  g_clear_object (&plan);
  g_clear_object (&document);
  sqlite3_close (db);
  g_unlink (csv_path);
}

static void
bench_export (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "large.gripkaart", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "large.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkSession) session = gk_session_new (NULL);
  GkDocument *document;
  GkExportTable all[GK_EXPORT_N_TABLES];
  GDate today;
  GStatBuf st;
  gint64 start;
  double before;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);
  g_assert (gk_demo_write_large_file (path, &today, &error));
  g_assert (gk_session_open (session, file, &error));
  document = gk_session_get_document (session);
  for (guint i = 0; i < GK_EXPORT_N_TABLES; i++)
    all[i] = i;
  before = peak_mb ();

  for (int run = 0; run < 3; run++)
    {
      start = g_get_monotonic_time ();
      g_assert (gk_export_tables (document, all, GK_EXPORT_N_TABLES, xlsx, &error));
      g_stat (xlsx, &st);
      g_print ("export of the large programme (%u projects, %u measures, %u figures) to XLSX: %.0f ms, %.2f MB\n",
               g_list_model_get_n_items (gk_document_get_focus_projects (document)),
               g_list_model_get_n_items (gk_document_get_measures (document)),
               g_list_model_get_n_items (gk_document_get_measurements (document)),
               elapsed_ms (start), st.st_size / 1e6);
    }
  g_print ("peak memory %.0f MB (%.0f MB with the programme open, before exporting)\n", peak_mb (), before);
  gk_session_close (session);
  g_unlink (xlsx);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-bench-figures-XXXXXX", NULL);
  gboolean import = argc < 2 || g_str_equal (argv[1], "--import");
  gboolean export = argc < 2 || g_str_equal (argv[1], "--export");

  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  if (import)
    bench_import (dir);
  if (export)
    bench_export (dir);
  g_rmdir (dir);
  return 0;
}
