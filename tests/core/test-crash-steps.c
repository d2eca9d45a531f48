/* test-crash-steps.c: the power fails at every step of a save that merges
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A colleague saved; this user's save merges onto that and publishes. A
 * child process makes the save and stops dead (_exit, no cleanup) at step
 * k of it, for every k the save passes through (copying their file in,
 * writing, syncing, the lock, the rename, the new base). Whatever k: the
 * shared file is the colleague's or the merged one, never anything else,
 * and sound; and the edit is never lost: it is in the file, or opening the
 * file again offers it back, and bringing it back puts it in. And the app
 * killed right after an edit loses nothing either.
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "project-file-fixture.h"
#include "gk-project-file-parts.h"
#include "gk-document-image.h"
#include "gk-document-private.h"

static guint steps_seen;
static guint stop_at;

static void
count_or_stop (GkStorageStep step, const char *path, gpointer user_data)
{
  steps_seen++;
  if (stop_at != 0 && steps_seen == stop_at)
    _exit (0);
}

/* The team's file, which a colleague changed after this user opened it;
 * returns the user's open copy with one edit. */
static GkProjectFile *
set_up_save (const char *path)
{
  GkProjectFile *project;
  sqlite3 *db = make_project_full (path, 3, TRUE);

  sqlite3_close (db);
  project = open_ok (path);
  exec_ok_path (path, "INSERT INTO person (id, name) VALUES (500, 'Collega')");
  insert_person (project, 600, "Ik");
  return project;
}

static void
bring_back_done (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_project_file_bring_back_finish (GK_PROJECT_FILE (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (data);
}

static void
test_crash_at_every_step (Fixture *fixture, gconstpointer data)
{
  guint n_steps;

  /* How many steps a whole save has. */
  {
    g_autofree char *path = path_in (fixture, "count.gripkaart");
    g_autoptr(GkProjectFile) project = set_up_save (path);
    g_autoptr(GError) error = NULL;

    steps_seen = 0;
    stop_at = 0;
    gk_storage_set_step_hook_for_testing (count_or_stop, NULL);
    g_assert_true (gk_project_file_save (project, &error));
    gk_storage_set_step_hook_for_testing (NULL, NULL);
    g_assert_no_error (error);
    n_steps = steps_seen;
    g_assert_cmpuint (n_steps, >=, 7);
  }

  for (guint k = 1; k <= n_steps; k++)
    {
      g_autofree char *name = g_strdup_printf ("crash-%u.gripkaart", k);
      g_autofree char *path = path_in (fixture, name);
      g_autoptr(GkProjectFile) again = NULL;
      g_autoptr(GError) error = NULL;
      gboolean published;
      pid_t child;
      int status = 0;

      /* In the child: set up, save, stop dead at step k. */
      child = fork ();
      if (child == 0)
        {
          GkProjectFile *project = set_up_save (path);

          steps_seen = 0;
          stop_at = k;
          gk_storage_set_step_hook_for_testing (count_or_stop, NULL);
          gk_project_file_save (project, NULL);
          _exit (3);   /* never: step k comes first */
        }
      g_assert_cmpint (child, >, 0);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);

      /* The shared file: sound, and the colleague's or the merged one. */
      g_assert_true (gk_project_file_check (path, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM person WHERE id = 500"), ==, 1);
      published = query_path_int (path, "SELECT count(*) FROM person WHERE id = 600") == 1;
      g_test_message ("step %u of %u: %s", k, n_steps, published ? "published" : "not published");

      /* Opening again: what was not published is offered back. */
      again = open_ok (path);
      if (!published)
        {
          g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

          g_assert_nonnull (gk_project_file_get_recovered_path (again));
          gk_project_file_bring_back_async (again, NULL, bring_back_done, loop);
          g_main_loop_run (loop);
          g_assert_cmpint (query_int (gk_project_file_get_db (again),
                                      "SELECT count(*) FROM person WHERE id IN (500, 600)"), ==, 2);
          g_assert_true (gk_project_file_save (again, &error));
          g_assert_no_error (error);
          g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM person WHERE id = 600"), ==, 1);
        }
      gk_project_file_close (again);
    }
}

/* Bytes 18 and 19 of a database's header: 1 for a rollback journal, 2 for
 * a write-ahead log. */
static void
assert_rollback_journal_header (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpint (contents[18], ==, 1);
  g_assert_cmpint (contents[19], ==, 1);
}

static void
assert_single_file (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (name, G_FILE_TEST_EXISTS));
    }
}

/* The app is killed (SIGKILL: no close, no checkpoint) right after an
 * edit commits on the working copy, which keeps its edits in a write-ahead
 * log without syncing: opening the file again offers the edit back, from a
 * copy set aside that is one file, and publishing it writes a shared file
 * that is one file too, with no log beside it. */
/* The working copy runs in WAL mode; an image of it (what a report or an
 * import works on in a thread) must still open as an in-memory database. */
static void
test_image_of_working_copy (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "image.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocumentImage) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (gk_project_file_get_working_path (project), "-wal", NULL);
  GkDocument *copy;

  document = gk_document_new_for_db (gk_project_file_get_db (project), &error);
  g_assert_no_error (error);
  insert_person (project, 12, "Twaalf");
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  gk_document_reload_all (document, &error);
  g_assert_no_error (error);
  image = gk_document_image_new (document, &error);
  g_assert_no_error (error);
  copy = gk_document_image_get_document (image, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_nonnull (gk_document_lookup_person (copy, 12));
  gk_project_file_close (project);
}

static void
test_killed_after_an_edit (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "killed.gripkaart");
  g_autofree char *working_wal = NULL;
  g_autoptr(GkProjectFile) again = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  const char *recovered;
  sqlite3 *db = make_project_full (path, 3, TRUE);
  pid_t child;
  int status = 0;

  sqlite3_close (db);
  child = fork ();
  if (child == 0)
    {
      GkProjectFile *project = open_ok (path);
      GkDocument *document = gk_document_new_for_db (gk_project_file_get_db (project), NULL);
      g_autoptr(GkPerson) person = gk_person_new ();
      g_autofree char *wal = g_strconcat (gk_project_file_get_working_path (project), "-wal", NULL);

      gk_person_set_name (person, "Na de crash");
      if (document == NULL || !gk_document_insert (document, GK_RECORD (person), NULL))
        _exit (3);
      /* The edit is in the log, not yet in the copy itself. */
      if (!g_file_test (wal, G_FILE_TEST_IS_REGULAR))
        _exit (4);
      kill (getpid (), SIGKILL);
      _exit (5);
    }
  g_assert_cmpint (child, >, 0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* The shared file was not touched. */
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM person WHERE name = 'Na de crash'"), ==, 0);

  again = open_ok (path);
  recovered = gk_project_file_get_recovered_path (again);
  g_assert_nonnull (recovered);
  assert_single_file (recovered);
  assert_rollback_journal_header (recovered);
  g_assert_cmpint (query_path_int (recovered, "SELECT count(*) FROM person WHERE name = 'Na de crash'"), ==, 1);

  loop = g_main_loop_new (NULL, FALSE);
  gk_project_file_bring_back_async (again, NULL, bring_back_done, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (query_int (gk_project_file_get_db (again),
                              "SELECT count(*) FROM person WHERE name = 'Na de crash'"), ==, 1);
  /* The working copy of this opening keeps a log too. */
  working_wal = g_strconcat (gk_project_file_get_working_path (again), "-wal", NULL);
  g_assert_true (g_file_test (working_wal, G_FILE_TEST_IS_REGULAR));

  g_assert_true (gk_project_file_save (again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM person WHERE name = 'Na de crash'"), ==, 1);
  assert_single_file (path);
  assert_rollback_journal_header (path);
  g_assert_true (gk_project_file_check (path, NULL, &error));
  g_assert_no_error (error);
  gk_project_file_close (again);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/crash/every-step-of-a-merging-save", test_crash_at_every_step);
  ADD ("/crash/killed-right-after-an-edit", test_killed_after_an_edit);
  ADD ("/crash/image-of-working-copy", test_image_of_working_copy);

  return g_test_run ();
}
