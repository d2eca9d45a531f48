/* bench-core.c: how fast the core opens, edits and judges a large programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a program that prints figures. It generates the large programme
 * (12 focus projects, 400 measures, 60 indicators x 260 measurements, 2,000
 * journal entries, 9 topics x 60 assessments) and measures
 *   - opening it (check, working copy, hardened connection) and loading every
 *     list model,
 *   - one edit with its undo entry,
 *   - saving (publishing) the file after an edit, and in the background:
 *     how long the main thread is held and until the save landed,
 *   - computing every grip level and attention signal,
 *   - peak memory.
 * Targets on a 2-core machine: open and load < 50 ms, one edit < 5 ms.
 *
 * Usage: bench-core [--runs=N] [--write-large=PATH]
 *   --write-large=PATH only writes the large programme to PATH (for the
 *   start-up benchmark of the window) and exits.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "gk-analysis.h"
#include "gk-demo.h"
#include <fcntl.h>
#include <sys/stat.h>

#include "gk-document.h"
#include "gk-project-file.h"
#include "gk-schema.h"
#include "gk-document-private.h"
#include "gk-project-file-private.h"
#include "gk-demo-private.h"

static int n_runs = 15;

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
  double median, min, max;

  g_array_sort (ms, compare_doubles);
  median = g_array_index (ms, double, ms->len / 2);
  min = g_array_index (ms, double, 0);
  max = g_array_index (ms, double, ms->len - 1);
  g_print ("%-44s median %8.2f ms   min %8.2f   max %8.2f", what, median, min, max);
  if (target > 0)
    g_print ("   target < %.0f ms: %s", target, median < target ? "met" : "MISSED");
  g_print ("\n");
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
generate (const char *dir,
          GDate      *today)
{
  char *path = g_build_filename (dir, "large.gripkaart", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (!gk_schema_create (db, &error) || !gk_demo_write_large (db, today, &error))
    g_error ("could not generate: %s", error->message);
  sqlite3_close (db);
  g_stat (path, &st);
  g_print ("generated the large programme in %.0f ms (%.1f MB)\n",
           elapsed_ms (start), st.st_size / 1e6);
  return path;
}

static void
bench_open (const char *path)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (int i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GkProjectFile) project = gk_project_file_open (file, &error);
      g_autoptr(GkDocument) document = NULL;
      double t;

      if (project == NULL)
        g_error ("open: %s", error->message);
      document = gk_document_new_for_db (gk_project_file_get_db (project), &error);
      if (document == NULL)
        g_error ("load: %s", error->message);
      t = elapsed_ms (start);
      g_array_append_val (ms, t);

      if (i == 0)
        g_print ("loaded: %u measures, %u measurements, %u journal entries, %u assessments\n",
                 g_list_model_get_n_items (gk_document_get_measures (document)),
                 g_list_model_get_n_items (gk_document_get_measurements (document)),
                 g_list_model_get_n_items (gk_document_get_journal (document)),
                 g_list_model_get_n_items (gk_document_get_assessments (document)));
      g_clear_object (&document);
      gk_project_file_close (project);
    }
  report ("open and load every list model", ms, 50);
}

/* Saving after one edit: write, sync and validate the new file, then put it
 * in place of the old one. */
static void
bench_save (const char *path)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) project = gk_project_file_open (file, &error);
  g_autoptr(GkDocument) document = NULL;
  GListModel *measures;
  GStatBuf st;

  if (project == NULL)
    g_error ("open: %s", error->message);
  document = gk_document_new_for_db (gk_project_file_get_db (project), &error);
  if (document == NULL)
    g_error ("load: %s", error->message);
  measures = gk_document_get_measures (document);

  for (int i = 0; i < n_runs; i++)
    {
      g_autoptr(GkMeasure) live = g_list_model_get_item (measures, (i * 37) % g_list_model_get_n_items (measures));
      g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
      gint64 start;
      double t;

      gk_measure_set_progress (GK_MEASURE (copy), (gk_measure_get_progress (live) + 1) % 101);
      if (!gk_document_update (document, copy, &error))
        g_error ("edit: %s", error->message);
      start = g_get_monotonic_time ();
      if (!gk_project_file_save (project, &error))
        g_error ("save: %s", error->message);
      t = elapsed_ms (start);
      g_array_append_val (ms, t);
    }
  g_stat (path, &st);
  {
    g_autofree char *what = g_strdup_printf ("save after one edit (%.1f MB)", st.st_size / 1e6);

    report (what, ms, 0);
  }
  g_clear_object (&document);
  gk_project_file_close (project);
}

static void
bench_edit_and_analysis (const char *path,
                         GDate      *today)
{
  g_autoptr(GArray) edit_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) grip_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) project = gk_project_file_open (file, &error);
  g_autoptr(GkDocument) document = NULL;
  GListModel *measures;

  g_assert_no_error (error);
  document = gk_document_new_for_db (gk_project_file_get_db (project), &error);
  g_assert_no_error (error);
  measures = gk_document_get_measures (document);

  for (int i = 0; i < n_runs * 4; i++)
    {
      g_autoptr(GkMeasure) live = g_list_model_get_item (measures, (i * 37) % g_list_model_get_n_items (measures));
      g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
      gint64 start;
      double t;

      gk_measure_set_progress (GK_MEASURE (copy), (gk_measure_get_progress (live) + 1) % 101);
      start = g_get_monotonic_time ();
      if (!gk_document_update (document, copy, &error))
        g_error ("edit: %s", error->message);
      t = elapsed_ms (start);
      g_array_append_val (edit_ms, t);

      start = g_get_monotonic_time ();
      if (!gk_document_undo (document, &error))
        g_error ("undo: %s", error->message);
      t = elapsed_ms (start);
      g_array_append_val (undo_ms, t);
    }
  report ("one edit with its undo entry", edit_ms, 5);
  report ("undo of that edit", undo_ms, 5);

  for (int i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GkAnalysis) analysis = gk_analysis_new (document, today);
      double t = elapsed_ms (start);

      g_array_append_val (grip_ms, t);
      if (i == 0)
        g_print ("grip: headline %s, %u attention signals\n",
                 gk_level_to_key (gk_analysis_get_headline (analysis)),
                 gk_analysis_get_signals (analysis)->len);
    }
  report ("all grip levels and attention signals", grip_ms, 0);

  g_clear_object (&document);
  gk_project_file_close (project);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!gk_project_file_save_finish (GK_PROJECT_FILE (object), result, &error))
    g_error ("save: %s", error->message);
  *(gboolean *) data = TRUE;
}

/* Saving as the window does it, in the background: how long the main
 * thread is held (taking the image of the working copy), and how long
 * until the save has landed. */
static void
bench_save_in_background (const char *path)
{
  g_autoptr(GArray) held_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) landed_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) project = gk_project_file_open (file, &error);
  g_autoptr(GkDocument) document = NULL;
  GListModel *measures;

  if (project == NULL)
    g_error ("open: %s", error->message);
  document = gk_document_new_for_db (gk_project_file_get_db (project), &error);
  if (document == NULL)
    g_error ("load: %s", error->message);
  measures = gk_document_get_measures (document);

  for (int i = 0; i < n_runs; i++)
    {
      g_autoptr(GkMeasure) live = g_list_model_get_item (measures, (i * 41) % g_list_model_get_n_items (measures));
      g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
      gboolean done = FALSE;
      gint64 start;
      double t;

      gk_measure_set_progress (GK_MEASURE (copy), (gk_measure_get_progress (live) + 1) % 101);
      if (!gk_document_update (document, copy, &error))
        g_error ("edit: %s", error->message);
      start = g_get_monotonic_time ();
      gk_project_file_save_async (project, NULL, saved_cb, &done);
      t = elapsed_ms (start);
      g_array_append_val (held_ms, t);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      t = elapsed_ms (start);
      g_array_append_val (landed_ms, t);
    }
  report ("save in the background: main thread held", held_ms, 0);
  report ("save in the background: until it landed", landed_ms, 0);
  g_clear_object (&document);
  gk_project_file_close (project);
}

static void
copy_or_die (const char *from,
             const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copy: %s", error->message);
}

static void
edit_progress (GkDocument *document,
               guint       i)
{
  GListModel *measures = gk_document_get_measures (document);
  g_autoptr(GkMeasure) live = g_list_model_get_item (measures, (i * 41) % g_list_model_get_n_items (measures));
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
  g_autoptr(GError) error = NULL;

  gk_measure_set_progress (GK_MEASURE (copy), (gk_measure_get_progress (live) + 1) % 101);
  if (!gk_document_update (document, copy, &error))
    g_error ("edit: %s", error->message);
}

/* Two people on the large programme: Anne saves one edit, then Bram saves
 * his 250, which merges them onto hers. The time of Bram's save (the merge,
 * writing and publishing) is what Bram waits for in the background. */
static void
bench_merge (const char *path,
             const char *dir)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *shared = g_build_filename (dir, "team.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (shared);

  for (int run = 0; run < MAX (3, n_runs / 3); run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkProjectFile) anne = NULL;
      g_autoptr(GkProjectFile) bram = NULL;
      g_autoptr(GkDocument) anne_doc = NULL;
      g_autoptr(GkDocument) bram_doc = NULL;
      gint64 start;
      double t;

      copy_or_die (path, shared);
      anne = gk_project_file_open (file, &error);
      bram = anne != NULL ? gk_project_file_open (file, &error) : NULL;
      if (bram == NULL)
        g_error ("open: %s", error->message);
      anne_doc = gk_document_new_for_db (gk_project_file_get_db (anne), &error);
      bram_doc = gk_document_new_for_db (gk_project_file_get_db (bram), &error);
      edit_progress (anne_doc, 7);
      if (!gk_project_file_save (anne, &error))
        g_error ("save: %s", error->message);
      for (guint i = 0; i < 250; i++)
        edit_progress (bram_doc, 1000 + i);

      start = g_get_monotonic_time ();
      if (!gk_project_file_save (bram, &error))
        g_error ("merge: %s", error->message);
      t = elapsed_ms (start);
      g_array_append_val (ms, t);
      if (gk_project_file_get_merge_summary (bram) == NULL)
        g_error ("the save did not merge");
      g_clear_object (&anne_doc);
      g_clear_object (&bram_doc);
    }
  report ("save that merges 250 edits onto another's", ms, 200);
}

/* What the window does every 30 s: is the shared file still as we left it? */
static void
bench_poll (const char *path)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) touched_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) project = gk_project_file_open (file, &error);

  if (project == NULL)
    g_error ("open: %s", error->message);
  for (int i = 0; i < n_runs * 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double t;

      if (gk_project_file_poll (project, &error))
        g_error ("poll: the file changed");
      t = elapsed_ms (start);
      g_array_append_val (ms, t);
    }
  report ("poll an unchanged shared file", ms, 5);

  /* Touched by a sync client (new time, same bytes): read and hashed once. */
  for (int i = 0; i < n_runs; i++)
    {
      struct timespec times[2] = { { 1000000000 + i, 0 }, { 1000000000 + i, 0 } };
      gint64 start;
      double t;

      utimensat (AT_FDCWD, path, times, 0);
      start = g_get_monotonic_time ();
      if (gk_project_file_poll (project, &error))
        g_error ("poll: a touched file counted as changed");
      t = elapsed_ms (start);
      g_array_append_val (touched_ms, t);
    }
  report ("poll a touched shared file (hash)", touched_ms, 0);
  gk_project_file_close (project);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("gripkaart-bench-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *path = NULL;
  struct rusage usage;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--runs="))
        n_runs = MAX (1, atoi (argv[i] + 7));
      else if (g_str_has_prefix (argv[i], "--write-large="))
        {
          g_autofree char *written = generate (dir, &today);

          if (g_rename (written, argv[i] + strlen ("--write-large=")) != 0)
            g_error ("could not write %s", argv[i] + strlen ("--write-large="));
          return 0;
        }
    }

  /* Working copies go to a private data directory, not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  path = generate (dir, &today);
  bench_open (path);
  bench_edit_and_analysis (path, &today);
  bench_save (path);
  bench_save_in_background (path);
  bench_merge (path, dir);
  bench_poll (path);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory (max RSS): %.1f MB\n", usage.ru_maxrss / 1024.0);

  g_unlink (path);
  return 0;
}
