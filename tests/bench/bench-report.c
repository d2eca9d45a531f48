/* bench-report.c: how fast the progress report of a large programme is made
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a program that prints figures. It generates the large programme
 * (12 focus projects, 400 measures, 60 indicators x 260 measurements, 2,000
 * journal entries) and measures the progress report of its latest complete
 * month: the analysis and charts for the period, the layout of the pages and
 * the PDF, written to a file. Targets on a 2-core machine: under one second,
 * peak memory under 100 MB. Then the same report with an ambition of 64 MB
 * (issue 13: only what shows is laid out): well under a second more.
 *
 * Usage: bench-report [--runs=N] [--keep=PATH]
 *   --keep=PATH leaves the last report at PATH, to look at.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>

#include "gk-demo.h"
#include "gk-period.h"
#include "gk-report.h"
#include "gk-schema.h"
#include "gk-document-private.h"
#include "gk-demo-private.h"

static int n_runs = 5;
static char *keep_path;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Number of runs (default 5)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path, "Leave the last report at PATH", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;
  GDate today, period;
  double width, height, median, rss_before;
  guint n_pages = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n_runs = MAX (n_runs, 1);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  start = g_get_monotonic_time ();
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      !gk_schema_create (db, &error) || !gk_demo_write_large (db, &today, &error) ||
      (document = gk_document_new_for_db (db, &error)) == NULL)
    {
      g_printerr ("Could not make the large programme: %s\n", error != NULL ? error->message : sqlite3_errmsg (db));
      return 1;
    }
  g_print ("large programme generated and loaded in %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  rss_before = peak_rss_mb ();

  dir = g_dir_make_tmp ("gk-bench-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = keep_path != NULL ? g_strdup (keep_path) : g_build_filename (dir, "report.pdf", NULL);
  gk_period_last_complete (GK_FREQUENCY_MONTHLY, &today, &period, NULL);
  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, &width, &height);

  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr(GkReport) report = NULL;

      start = g_get_monotonic_time ();
      report = gk_report_new_for_period (document, GK_FREQUENCY_MONTHLY, &period, &today, &error);
      if (report == NULL || !gk_report_export_pdf (report, path, &error))
        {
          g_printerr ("Could not export the report: %s\n", error->message);
          return 1;
        }
      g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
      n_pages = gk_report_get_n_pages (report, width, height);
    }

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  g_print ("progress report, %u pages A4:  median %.0f ms   min %.0f   max %.0f   (%d runs)   target < 1000 ms: %s\n",
           n_pages, median, g_array_index (times, double, 0), g_array_index (times, double, times->len - 1),
           n_runs, median < 1000 ? "met" : "MISSED");
  g_print ("peak memory %.1f MB (%.1f MB before the report)   target < 100 MB: %s\n",
           peak_rss_mb (), rss_before, peak_rss_mb () < 100 ? "met" : "MISSED");

  /* After the memory figure: the long text itself takes 64 MB and more. */
  {
    g_autoptr(GkRecord) programme = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));
    g_autoptr(GkReport) report = NULL;
    g_autofree char *long_path = g_build_filename (dir, "long-ambition.pdf", NULL);
    GString *ambition = g_string_new (NULL);
    gsize laid_out;
    double ms;

    while (ambition->len < 64 * 1024 * 1024)
      g_string_append (ambition, "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ");
    gk_programme_set_ambition (GK_PROGRAMME (programme), ambition->str);
    g_string_free (ambition, TRUE);
    if (!gk_document_update (document, programme, &error))
      {
        g_printerr ("Could not set the ambition: %s\n", error->message);
        return 1;
      }
    laid_out = gk_chart_get_laid_out_bytes ();
    start = g_get_monotonic_time ();
    report = gk_report_new_for_period (document, GK_FREQUENCY_MONTHLY, &period, &today, &error);
    if (report == NULL || !gk_report_export_pdf (report, long_path, &error))
      {
        g_printerr ("Could not export the report: %s\n", error->message);
        return 1;
      }
    g_unlink (long_path);
    ms = (g_get_monotonic_time () - start) / 1000.0;
    g_print ("with an ambition of 64 MB:  %.0f ms, %.1f MB of text laid out (%.0f ms more than the median)\n",
             ms, (gk_chart_get_laid_out_bytes () - laid_out) / 1e6, ms - median);
  }

  if (keep_path == NULL)
    g_unlink (path);
  g_rmdir (dir);
  g_clear_object (&document);
  sqlite3_close (db);
  return 0;
}
