/* test-report-export-task.c: the progress report written in a worker thread
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export in the background must write the same bytes as the one in the
 * foreground, show the programme as it was when asked for (edits made
 * while it runs are not in it), and leave nothing behind when cancelled
 * or failing.
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "gk-demo.h"
#include "gk-report-export-task.h"
#include "gk-schema.h"
#include "gk-document-private.h"
#include "gk-demo-private.h"

static sqlite3 *db;
static GkDocument *document;
static char *work_dir;

static GDate
dmy (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
setup_demo (void)
{
  g_autoptr(GError) error = NULL;
  GDate today = dmy (22, 11, 2026);

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_assert_true (gk_schema_create (db, &error));
  g_assert_true (gk_demo_write (db, &today, &error));
  document = gk_document_new_for_db (db, &error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("gk-report-task-XXXXXX", &error);
  g_assert_no_error (error);
}

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static void
export_now (const char *path)
{
  GDate today = dmy (22, 11, 2026), october = dmy (1, 10, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkReport) report = gk_report_new_for_period (document, GK_FREQUENCY_MONTHLY, &october,
                                                         &today, &error);

  g_assert_no_error (error);
  gk_report_set_paper (report, GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_LANDSCAPE);
  g_assert_true (gk_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  Outcome *outcome = data;

  outcome->ok = gk_report_export_pdf_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
export_in_background (const char   *path,
                      GCancellable *cancellable,
                      Outcome      *outcome,
                      void        (*meanwhile) (void))
{
  GDate today = dmy (22, 11, 2026), october = dmy (1, 10, 2026);
  gboolean timed_out = FALSE;
  guint timeout;

  gk_report_export_pdf_async (document, GK_FREQUENCY_MONTHLY, &october, &today,
                              GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_LANDSCAPE, path,
                              cancellable, exported_cb, outcome);
  if (meanwhile != NULL)
    meanwhile ();
  timeout = g_timeout_add_seconds (120, timed_out_cb, &timed_out);
  while (!outcome->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static void
assert_same_file (const char *a,
                  const char *b)
{
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  gsize length_a, length_b;

  g_assert_true (g_file_get_contents (a, &bytes_a, &length_a, NULL));
  g_assert_true (g_file_get_contents (b, &bytes_b, &length_b, NULL));
  g_assert_true (g_str_has_prefix (bytes_a, "%PDF-"));
  g_assert_cmpmem (bytes_a, length_a, bytes_b, length_b);
}

static guint
count_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_same_bytes (void)
{
  g_autofree char *foreground = work_path ("foreground.pdf");
  g_autofree char *background = work_path ("background.pdf");
  Outcome outcome = { 0 };

  export_now (foreground);
  export_in_background (background, NULL, &outcome, NULL);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  assert_same_file (foreground, background);
}

static void
rename_programme (void)
{
  GkProgramme *programme = gk_document_get_programme (document);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (programme));
  g_autoptr(GError) error = NULL;

  gk_programme_set_title (GK_PROGRAMME (copy), "Een heel andere titel");
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
}

/* The window goes on editing while the report is written: the report is
 * the programme as it was when the export was asked for. */
static void
test_edit_while_exporting (void)
{
  g_autofree char *before = work_path ("before-edit.pdf");
  g_autofree char *during = work_path ("during-edit.pdf");
  g_autofree char *after = work_path ("after-edit.pdf");
  g_autofree char *bytes_during = NULL;
  g_autofree char *bytes_after = NULL;
  g_autoptr(GError) error = NULL;
  gsize length_during, length_after;
  Outcome outcome = { 0 };

  export_now (before);
  export_in_background (during, NULL, &outcome, rename_programme);
  g_assert_no_error (outcome.error);
  assert_same_file (before, during);

  /* The edit did change the report (else this test would prove nothing). */
  export_now (after);
  g_assert_true (g_file_get_contents (during, &bytes_during, &length_during, NULL));
  g_assert_true (g_file_get_contents (after, &bytes_after, &length_after, NULL));
  g_assert_false (length_during == length_after &&
                  memcmp (bytes_during, bytes_after, length_during) == 0);
  g_assert_true (gk_document_undo (document, &error));
  g_assert_no_error (error);
}

static void
test_cancelled (void)
{
  g_autofree char *path = work_path ("cancelled.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint before = count_files ();
  Outcome outcome = { 0 };

  g_cancellable_cancel (cancellable);
  export_in_background (path, cancellable, &outcome, NULL);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (outcome.ok);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (), ==, before);
  g_clear_error (&outcome.error);
}

static void
test_failure (void)
{
  g_autofree char *missing = g_build_filename (work_dir, "no-such-folder", "report.pdf", NULL);
  Outcome outcome = { 0 };

  export_in_background (missing, NULL, &outcome, NULL);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (outcome.error->message, "report.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&outcome.error);
}

static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (work_dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (work_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  /* Before any thread starts: every report here is dated by it. */
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  g_test_init (&argc, &argv, NULL);
  setup_demo ();

  g_test_add_func ("/report/export-task/same-bytes", test_same_bytes);
  g_test_add_func ("/report/export-task/edit-while-exporting", test_edit_while_exporting);
  g_test_add_func ("/report/export-task/cancelled", test_cancelled);
  g_test_add_func ("/report/export-task/failure", test_failure);

  status = g_test_run ();

  g_clear_object (&document);
  sqlite3_close (db);
  remove_work_dir ();
  g_free (work_dir);
  return status;
}
