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

/* A year of a team's work, month by month with the clock on each month:
 * every measure that is under way reports progress, and every project's
 * health turns twice. Then the report of a past period has 400 x 12
 * changes to roll back through. */
static gboolean
give_a_year_of_history (GkDocument   *document,
                        GkClock      *clock,
                        const GDate  *today,
                        GError      **error)
{
  GListModel *measures = gk_document_get_measures (document);
  GListModel *projects = gk_document_get_focus_projects (document);

  for (int month = -12; month <= 0; month++)
    {
      GDate day = *today;

      g_date_subtract_months (&day, (guint) -month);
      gk_clock_set_fixed_date (clock, &day);
      gk_document_begin_group (document, "month");
      for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
        {
          g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
          g_autoptr(GkRecord) copy = NULL;

          if (gk_measure_get_status (measure) != GK_MEASURE_STATUS_IN_PROGRESS)
            continue;
          copy = gk_record_copy (GK_RECORD (measure));
          gk_measure_set_progress (GK_MEASURE (copy), (gk_measure_get_progress (measure) + 7) % 100);
          if (!gk_document_update (document, copy, error))
            return FALSE;
        }
      for (guint i = 0; i < g_list_model_get_n_items (projects) && month % 6 == 0; i++)
        {
          g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
          g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (project));

          gk_focus_project_set_health (GK_FOCUS_PROJECT (copy),
                                       (gk_focus_project_get_health (project) + 1) % (GK_HEALTH_OFF_TRACK + 1));
          gk_focus_project_set_health_reason (GK_FOCUS_PROJECT (copy), "Bijgesteld");
          if (!gk_document_update (document, copy, error))
            return FALSE;
        }
      if (!gk_document_end_group (document, error))
        return FALSE;
    }
  gk_clock_set_fixed_date (clock, today);
  return TRUE;
}

static double
time_report (GkDocument  *document,
             const GDate *period,
             const GDate *today,
             const char  *path)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr(GkReport) report = NULL;
      gint64 start = g_get_monotonic_time ();

      report = gk_report_new_for_period (document, GK_FREQUENCY_MONTHLY, period, today, &error);
      if (report == NULL || !gk_report_export_pdf (report, path, &error))
        g_error ("Could not export the report: %s", error->message);
      g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
    }
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* The report true to its period against today's report, on a file with a
 * year of history: target no more than 1.5 times. */
static void
bench_period_truth (GkDocument  *document,
                    const GDate *today,
                    const char  *path)
{
  g_autoptr(GkClock) clock = gk_clock_new_fixed (today);
  g_autoptr(GError) error = NULL;
  GDate past = *today, running = *today;
  double past_ms, today_ms;
  gint64 start = g_get_monotonic_time ();

  gk_document_set_clock (document, clock);
  if (!give_a_year_of_history (document, clock, today, &error))
    g_error ("Could not give the programme a history: %s", error->message);
  g_print ("a year of history: %.0f ms to make\n", (g_get_monotonic_time () - start) / 1000.0);
  g_date_subtract_months (&past, 6);
  today_ms = time_report (document, &running, today, path);
  past_ms = time_report (document, &past, today, path);
  g_print ("report of today's period %.0f ms, of six months ago (rolled back) %.0f ms = %.2fx   "
           "target <= 1.5x: %s\n", today_ms, past_ms, past_ms / today_ms, past_ms <= 1.5 * today_ms ? "met" : "MISSED");
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

  /* After the memory figure (and before the long ambition below). */
  bench_period_truth (document, &today, path);

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
