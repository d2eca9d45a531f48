/* bench-history.c: how fast the history of a large programme reads
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a program that prints figures. It generates the large programme
 * (400 measures), then gives it a history through the document API: for each
 * of --months months, with the clock on that month, seven people each move
 * the progress of the measures they own and now and then their status. Then
 * it measures
 *   - the History page's first read: the newest 101 changes, all of them and
 *     those of one person,
 *   - an editor's history: the changes of one measure,
 *   - reading the whole change log into entries,
 *   - the value at a moment of status and progress of every measure (what a
 *     period-true report asks), row by row and per table, and the ids the
 *     page keeps for its marks.
 * Targets on a 2-core machine: the page's read < 20 ms, an editor's < 5 ms.
 *
 * Usage: bench-history [--runs=N] [--months=N]
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-demo.h"
#include "gk-document-private.h"
#include "gk-history.h"
#include "gk-measure.h"

static int n_runs = 9;
static int n_months = 24;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms,
        double      target)
{
  double median;

  g_array_sort (ms, compare_doubles);
  median = g_array_index (ms, double, ms->len / 2);
  g_print ("%-52s median %8.2f ms   min %8.2f   max %8.2f", what, median,
           g_array_index (ms, double, 0), g_array_index (ms, double, ms->len - 1));
  if (target > 0)
    g_print ("   target < %.0f ms: %s", target, median < target ? "met" : "MISSED");
  g_print ("\n");
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static const char * const people[] = {
  "Marieke Jansen", "Sanne de Vries", "Ahmed El Idrissi", "Petra Bakker",
  "Joost van Dijk", "Fatima Yilmaz", "Bart de Groot",
};

/* One month of work: every measure's progress moves on, a tenth of them
 * change status; by the person of the measure's position, in one group per
 * person as an import would. */
static guint
work_a_month (GkDocument *document,
              int         month)
{
  GListModel *measures = gk_document_get_measures (document);
  guint n = g_list_model_get_n_items (measures), edits = 0;

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      g_autoptr(GError) error = NULL;

      gk_document_set_user_name (document, people[p]);
      gk_document_begin_group (document, "Maandelijkse bijwerking");
      for (guint i = p; i < n; i += G_N_ELEMENTS (people))
        {
          g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
          g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (measure));
          GkMeasureStatus status = gk_measure_get_status (measure);

          if (status == GK_MEASURE_STATUS_DONE || status == GK_MEASURE_STATUS_DROPPED)
            continue;
          gk_measure_set_progress (GK_MEASURE (copy), (gk_measure_get_progress (measure) + 3) % 96);
          if ((i + month) % 10 == 0)
            gk_measure_set_status (GK_MEASURE (copy), status == GK_MEASURE_STATUS_PLANNED
                                                      ? GK_MEASURE_STATUS_IN_PROGRESS : GK_MEASURE_STATUS_PLANNED);
          if (!gk_document_update (document, copy, &error))
            g_error ("edit: %s", error->message);
          edits++;
        }
      if (!gk_document_end_group (document, &error))
        g_error ("group: %s", error->message);
    }
  return edits;
}

static GDateTime *
middle_of (int year,
           int month)
{
  return g_date_time_new_utc (year, month, 15, 12, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-history-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.gripkaart", NULL);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  GDate today, day;
  GListModel *measures;
  sqlite3 *db = NULL;
  guint edits = 0;
  gint64 start;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--runs="))
        n_runs = MAX (1, atoi (argv[i] + 7));
      else if (g_str_has_prefix (argv[i], "--months="))
        n_months = MAX (1, atoi (argv[i] + 9));
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 3, 12, 2026);
  if (!gk_demo_write_large_file (path, &today, &error))
    g_error ("could not generate: %s", error->message);
  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  document = gk_document_new_for_db (db, &error);
  if (document == NULL)
    g_error ("could not load: %s", error->message);

  /* The history: month by month up to today. */
  day = today;
  g_date_subtract_months (&day, n_months);
  clock = gk_clock_new_fixed (&day);
  gk_document_set_clock (document, clock);
  start = g_get_monotonic_time ();
  for (int m = 0; m < n_months; m++)
    {
      g_date_add_months (&day, 1);
      gk_clock_set_fixed_date (clock, &day);
      edits += work_a_month (document, m);
    }
  g_print ("gave it a history: %u edits over %d months in %.0f ms (%.2f ms an edit)\n",
           edits, n_months, elapsed_ms (start), elapsed_ms (start) / MAX (edits, 1));

  measures = gk_document_get_measures (document);
  {
    g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) by_person = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) one_row = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) everything = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) tables = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, 7);
    guint n_all = 0;

    for (int run = 0; run < n_runs; run++)
      {
        GkHistoryFilter page = { .limit = 101 };
        GkHistoryFilter person = { .person = people[3], .limit = 101 };
        GkHistoryFilter row = { .table = "measure", .row_id = gk_record_get_id (GK_RECORD (measure)), .limit = 51 };
        g_autoptr(GDateTime) at = middle_of (2025, 12);
        g_autoptr(GListModel) list = NULL;
        g_autoptr(GArray) all_ids = NULL;
        double ms;

        start = g_get_monotonic_time ();
        list = gk_history_query (document, &page, NULL);
        ms = elapsed_ms (start);
        g_array_append_val (first, ms);
        g_clear_object (&list);

        start = g_get_monotonic_time ();
        list = gk_history_query (document, &person, NULL);
        ms = elapsed_ms (start);
        g_array_append_val (by_person, ms);
        g_clear_object (&list);

        start = g_get_monotonic_time ();
        list = gk_history_query (document, &row, NULL);
        ms = elapsed_ms (start);
        g_array_append_val (one_row, ms);
        g_clear_object (&list);

        start = g_get_monotonic_time ();
        list = gk_history_query (document, NULL, NULL);
        ms = elapsed_ms (start);
        n_all = g_list_model_get_n_items (list);
        g_array_append_val (everything, ms);
        g_clear_object (&list);

        start = g_get_monotonic_time ();
        for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
          {
            g_autoptr(GkMeasure) m = g_list_model_get_item (measures, i);
            g_autoptr(GVariant) status = NULL;
            g_autoptr(GVariant) progress = NULL;

            if (!gk_history_value_at (document, "measure", gk_record_get_id (GK_RECORD (m)), "status", at,
                                      &status, &error) && error != NULL)
              g_error ("value_at: %s", error->message);
            if (!gk_history_value_at (document, "measure", gk_record_get_id (GK_RECORD (m)), "progress", at,
                                      &progress, &error) && error != NULL)
              g_error ("value_at: %s", error->message);
          }
        ms = elapsed_ms (start);
        g_array_append_val (values, ms);

        start = g_get_monotonic_time ();
        {
          g_autoptr(GHashTable) statuses = gk_history_values_at (document, "measure", "status", at, NULL);
          g_autoptr(GHashTable) progress = gk_history_values_at (document, "measure", "progress", at, NULL);

          g_assert (g_hash_table_size (statuses) > 0 && g_hash_table_size (progress) > 0);
        }
        ms = elapsed_ms (start);
        g_array_append_val (tables, ms);

        start = g_get_monotonic_time ();
        all_ids = gk_history_list_ids (document);
        ms = elapsed_ms (start);
        g_array_append_val (ids, ms);
      }
    g_print ("change log: %u rows\n", n_all);
    report ("History page: the newest 101 changes", first, 20);
    report ("History page: the newest 101 of one person", by_person, 20);
    report ("an editor: the changes of one measure", one_row, 5);
    report ("every change read into entries", everything, 0);
    report ("status and progress of 400 measures at a moment", values, 0);
    report ("the same with gk_history_values_at (two calls)", tables, 0);
    report ("the ids of every change (the page's new marks)", ids, 0);
  }

  g_clear_object (&document);
  sqlite3_close (db);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
