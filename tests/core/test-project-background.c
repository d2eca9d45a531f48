/* test-project-background.c: opening and saving in a worker thread, against
 * a slow folder
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder is made slow with slow-folder.h: the worker stops at a chosen
 * step until the test lets it go on, so every interleaving below is the
 * same on every run. What must hold: a save asked for while another runs
 * waits and lands after it with every edit; edits made during a save stay
 * unpublished; cancelling leaves the shared file as it was or, once the
 * rename is done, as saved (never anything in between); closing waits.
 */
#include "config.h"

#include "project-file-fixture.h"
#include "slow-folder.h"

/* How many people with id the file at path holds, read with a connection
 * of its own (the shared file, as another user would see it). */
static gint64
count_in_file (const char *path,
               int         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person WHERE id = %d", id);
  sqlite3 *db = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, "unix"), ==, SQLITE_OK);
  n = query_int (db, sql);
  sqlite3_close (db);
  return n;
}

typedef struct {
  Fixture     base;
  SlowFolder  slow;
} SlowFixture;

static void
slow_set_up (SlowFixture *fixture, gconstpointer data)
{
  fixture_set_up (&fixture->base, data);
  slow_folder_install (&fixture->slow);
  async_outcomes_done = 0;
}

static void
slow_tear_down (SlowFixture *fixture, gconstpointer data)
{
  slow_folder_remove (&fixture->slow);
  fixture_tear_down (&fixture->base, data);
}

/* --- saves one after the other ---------------------------------------------- */

static void
test_second_save_waits (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  AsyncOutcome first = { 0 }, second = { 0 };

  insert_person (project, 100, "Eerste");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_RENAME);
  gk_project_file_save_async (project, NULL, saved_cb, &first);
  g_assert_true (gk_project_file_get_saving (project));
  slow_folder_wait_until_held (&fixture->slow);

  /* The window goes on: another edit, and Save again while the first runs. */
  insert_person (project, 101, "Tweede");
  gk_project_file_save_async (project, NULL, saved_cb, &second);
  g_assert_false (first.done);
  g_assert_false (second.done);
  g_assert_cmpuint (slow_folder_count (&fixture->slow, GK_STORAGE_STEP_WRITE), ==, 1);
  g_assert_cmpint (count_in_file (path, 100), ==, 0);

  slow_folder_release (&fixture->slow);
  async_outcome_wait (&first);
  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  g_assert_cmpuint (first.order, ==, 1);
  /* The first save holds the first edit only; the second is not lost. */
  g_assert_cmpint (count_in_file (path, 100), ==, 1);
  g_assert_true (gk_project_file_has_unpublished_changes (project));
  g_assert_true (gk_project_file_get_dirty (project));

  async_outcome_wait (&second);
  g_assert_no_error (second.error);
  g_assert_true (second.ok);
  g_assert_cmpuint (second.order, ==, 2);
  g_assert_false (gk_project_file_get_saving (project));
  g_assert_cmpuint (slow_folder_count (&fixture->slow, GK_STORAGE_STEP_WRITE), ==, 2);

  /* Both edits landed, and the file knows it is clean. */
  g_assert_cmpint (count_in_file (path, 100), ==, 1);
  g_assert_cmpint (count_in_file (path, 101), ==, 1);
  g_assert_false (gk_project_file_get_dirty (project));
  g_assert_false (gk_project_file_has_unpublished_changes (project));
  g_assert_false (gk_project_file_changed_on_disk (project, NULL));
  g_assert_true (gk_project_file_check (path, NULL, NULL));

  async_outcome_clear (&first);
  async_outcome_clear (&second);
}

/* Pressing Save five times during one slow save costs one more save, not
 * four, and every press gets its answer. */
static void
test_waiting_saves_are_one (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  AsyncOutcome running = { 0 }, waiting[4] = { 0 };

  insert_person (project, 100, "Eerste");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_SYNC);
  gk_project_file_save_async (project, NULL, saved_cb, &running);
  slow_folder_wait_until_held (&fixture->slow);

  for (guint i = 0; i < G_N_ELEMENTS (waiting); i++)
    {
      insert_person (project, 200 + i, "Later");
      gk_project_file_save_async (project, NULL, saved_cb, &waiting[i]);
    }
  slow_folder_release (&fixture->slow);

  for (guint i = 0; i < G_N_ELEMENTS (waiting); i++)
    {
      async_outcome_wait (&waiting[i]);
      g_assert_no_error (waiting[i].error);
      g_assert_true (waiting[i].ok);
      g_assert_cmpint (count_in_file (path, 200 + i), ==, 1);
      async_outcome_clear (&waiting[i]);
    }
  g_assert_true (running.ok);
  g_assert_cmpuint (slow_folder_count (&fixture->slow, GK_STORAGE_STEP_WRITE), ==, 2);
  g_assert_false (gk_project_file_has_unpublished_changes (project));
  async_outcome_clear (&running);
}

/* Save As while a save runs waits too, and the save after it goes to the
 * new file. */
static void
test_save_as_waits (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  g_autofree char *other = path_in (&fixture->base, "kopie.gripkaart");
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GkProjectFile) project = open_ok (path);
  AsyncOutcome save = { 0 }, save_as = { 0 }, after = { 0 };

  insert_person (project, 100, "Eerste");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_WRITE);
  gk_project_file_save_async (project, NULL, saved_cb, &save);
  slow_folder_wait_until_held (&fixture->slow);
  gk_project_file_save_as_async (project, other_file, NULL, saved_cb, &save_as);
  insert_person (project, 101, "Tweede");
  gk_project_file_save_async (project, NULL, saved_cb, &after);
  /* Save As is not done yet: the programme's file is still the first. */
  g_assert_cmpstr (gk_project_file_get_display_name (project), ==, "programme.gripkaart");
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&after);
  g_assert_true (save.ok && save_as.ok && after.ok);
  g_assert_cmpuint (save.order, <, save_as.order);
  g_assert_cmpuint (save_as.order, <, after.order);
  g_assert_cmpstr (gk_project_file_get_display_name (project), ==, "kopie.gripkaart");
  g_assert_cmpint (count_in_file (path, 100), ==, 1);
  g_assert_cmpint (count_in_file (path, 101), ==, 0);
  g_assert_cmpint (count_in_file (other, 100), ==, 1);
  g_assert_cmpint (count_in_file (other, 101), ==, 1);

  async_outcome_clear (&save);
  async_outcome_clear (&save_as);
  async_outcome_clear (&after);
}

/* A failing save in the queue does not stop the ones behind it. */
static void
test_failure_does_not_stop_queue (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "full.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  g_autoptr(GCancellable) second_press = g_cancellable_new ();
  AsyncOutcome failing = { 0 }, next = { 0 };

  insert_person (project, 100, "Eerste");
  full_pattern = g_strdup ("/.full.gripkaart.");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_WRITE);
  gk_project_file_save_async (project, NULL, saved_cb, &failing);
  slow_folder_wait_until_held (&fixture->slow);
  gk_project_file_save_async (project, second_press, saved_cb, &next);
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_WRITE);   /* the next one */
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&failing);
  g_assert_error (failing.error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NO_SPACE);
  slow_folder_wait_until_held (&fixture->slow);
  g_clear_pointer (&full_pattern, g_free);   /* space again */
  slow_folder_release (&fixture->slow);
  async_outcome_wait (&next);
  g_assert_no_error (next.error);
  g_assert_cmpint (count_in_file (path, 100), ==, 1);

  async_outcome_clear (&failing);
  async_outcome_clear (&next);
}

/* --- cancelling ------------------------------------------------------------------ */

/* Cancelled at a step before the rename: the folder is exactly as before
 * (no new file, no leftovers), the edit is still in the working copy and
 * unpublished, and saving again works. */
static void
test_cancel_before_rename (SlowFixture *fixture, gconstpointer data)
{
  GkStorageStep step = GPOINTER_TO_INT (data);
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *old_sha = file_sha256 (path);
  AsyncOutcome cancelled = { 0 }, again = { 0 };

  insert_person (project, 100, "Eerste");
  before = snapshot (fixture->base.dir);
  slow_folder_hold_at (&fixture->slow, step);
  gk_project_file_save_async (project, cancellable, saved_cb, &cancelled);
  slow_folder_wait_until_held (&fixture->slow);
  g_cancellable_cancel (cancellable);
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (cancelled.ok);
  assert_same_snapshot (before, fixture->base.dir);
  {
    g_autofree char *sha = file_sha256 (path);

    g_assert_cmpstr (sha, ==, old_sha);
  }
  g_assert_true (gk_project_file_get_dirty (project));
  g_assert_true (gk_project_file_has_unpublished_changes (project));
  g_assert_false (gk_project_file_changed_on_disk (project, NULL));

  gk_project_file_save_async (project, NULL, saved_cb, &again);
  async_outcome_wait (&again);
  g_assert_no_error (again.error);
  g_assert_cmpint (count_in_file (path, 100), ==, 1);

  async_outcome_clear (&cancelled);
  async_outcome_clear (&again);
}

/* Cancelled just after the rename: too late to stop, so the save reports
 * what happened (saved), and the programme knows the file is its own. */
static void
test_cancel_after_rename (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncOutcome outcome = { 0 };

  insert_person (project, 100, "Eerste");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_REPLACED);
  gk_project_file_save_async (project, cancellable, saved_cb, &outcome);
  slow_folder_wait_until_held (&fixture->slow);
  g_cancellable_cancel (cancellable);
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpint (count_in_file (path, 100), ==, 1);
  g_assert_false (gk_project_file_get_dirty (project));
  g_assert_false (gk_project_file_changed_on_disk (project, NULL));

  /* The next save is an ordinary one, not a conflict with ourselves. */
  insert_person (project, 101, "Tweede");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  async_outcome_clear (&outcome);
}

/* A waiting save that is cancelled never starts; the running one lands. */
static void
test_cancel_waiting_save (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncOutcome running = { 0 }, waiting = { 0 };

  insert_person (project, 100, "Eerste");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_SYNC);
  gk_project_file_save_async (project, NULL, saved_cb, &running);
  slow_folder_wait_until_held (&fixture->slow);
  insert_person (project, 101, "Tweede");
  gk_project_file_save_async (project, cancellable, saved_cb, &waiting);
  g_cancellable_cancel (cancellable);
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&waiting);
  g_assert_true (running.ok);
  g_assert_error (waiting.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (slow_folder_count (&fixture->slow, GK_STORAGE_STEP_WRITE), ==, 1);
  g_assert_cmpint (count_in_file (path, 100), ==, 1);
  g_assert_cmpint (count_in_file (path, 101), ==, 0);
  g_assert_true (gk_project_file_has_unpublished_changes (project));

  async_outcome_clear (&running);
  async_outcome_clear (&waiting);
}

/* --- closing while saving ------------------------------------------------------ */

static gboolean
weak_ref_is_empty (gpointer data)
{
  g_autoptr(GObject) object = g_weak_ref_get (data);

  return object == NULL;
}

static void
test_close_waits_for_save (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  GkProjectFile *project = open_ok (path);
  g_autofree char *working = g_strdup (gk_project_file_get_working_path (project));
  GWeakRef weak;
  AsyncOutcome outcome = { 0 };

  insert_person (project, 100, "Eerste");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_SYNC);
  gk_project_file_save_async (project, NULL, saved_cb, &outcome);
  slow_folder_wait_until_held (&fixture->slow);

  /* The window closes: it lets go of the file while the save runs. */
  g_weak_ref_init (&weak, project);
  gk_project_file_close (project);
  g_object_unref (project);
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));

  slow_folder_release (&fixture->slow);
  async_outcome_wait (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (count_in_file (path, 100), ==, 1);

  /* Saved, then closed: nothing unpublished, so no working copy is kept. */
  slow_folder_wait_for (weak_ref_is_empty, &weak);
  g_weak_ref_clear (&weak);
  g_assert_false (g_file_test (working, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_working_files (".lock"), ==, 0);
  async_outcome_clear (&outcome);
}

/* A synchronous save while one runs in the background is refused (two
 * renames must not race), with an error, not a crash. */
static void
test_sync_save_while_saving (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 3);
  g_autoptr(GkProjectFile) project = open_ok (path);
  g_autoptr(GError) error = NULL;
  AsyncOutcome outcome = { 0 };

  insert_person (project, 100, "Eerste");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_WRITE);
  gk_project_file_save_async (project, NULL, saved_cb, &outcome);
  slow_folder_wait_until_held (&fixture->slow);
  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  slow_folder_release (&fixture->slow);
  async_outcome_wait (&outcome);
  g_assert_true (outcome.ok);
  async_outcome_clear (&outcome);
}

/* --- opening in the background ------------------------------------------------ */

static void
test_open_async (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 30);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GHashTable) before = snapshot (fixture->base.dir);
  GkProjectFile *project;
  AsyncOutcome outcome = { 0 };

  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_COPY_IN);
  gk_project_file_open_async (file, NULL, opened_cb, &outcome);
  slow_folder_wait_until_held (&fixture->slow);
  g_assert_false (outcome.done);
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&outcome);
  g_assert_no_error (outcome.error);
  project = GK_PROJECT_FILE (outcome.object);
  g_assert_cmpstr (gk_project_file_get_display_name (project), ==, "programme.gripkaart");
  g_assert_cmpint (query_int (gk_project_file_get_db (project), "SELECT count(*) FROM person"), ==, 30);
  g_assert_false (gk_project_file_changed_on_disk (project, NULL));
  assert_same_snapshot (before, fixture->base.dir);
  async_outcome_clear (&outcome);
  g_assert_cmpuint (count_working_files (".gripkaart"), ==, 0);
}

static void
test_open_async_refuses (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (&fixture->base, "text.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncOutcome outcome = { 0 };

  g_assert_true (g_file_set_contents (path, "Geen programma", -1, NULL));
  gk_project_file_open_async (file, NULL, opened_cb, &outcome);
  async_outcome_wait (&outcome);
  g_assert_error (outcome.error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT);
  g_assert_null (outcome.object);
  async_outcome_clear (&outcome);
}

static void
test_open_async_cancelled (SlowFixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (&fixture->base, "programme.gripkaart", 30);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GHashTable) before = snapshot (fixture->base.dir);
  AsyncOutcome outcome = { 0 };

  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_COPY_IN);
  gk_project_file_open_async (file, cancellable, opened_cb, &outcome);
  slow_folder_wait_until_held (&fixture->slow);
  g_cancellable_cancel (cancellable);
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (outcome.object);
  assert_same_snapshot (before, fixture->base.dir);
  g_assert_cmpuint (count_working_files (".gripkaart"), ==, 0);
  g_assert_cmpuint (count_working_files (".lock"), ==, 0);
  async_outcome_clear (&outcome);
}

#define ADD_SLOW(name, func, data) \
  g_test_add (name, SlowFixture, data, slow_set_up, func, slow_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  register_test_vfs ();

  ADD_SLOW ("/project-file/background/second-save-waits", test_second_save_waits, NULL);
  ADD_SLOW ("/project-file/background/waiting-saves-are-one", test_waiting_saves_are_one, NULL);
  ADD_SLOW ("/project-file/background/save-as-waits", test_save_as_waits, NULL);
  ADD_SLOW ("/project-file/background/failure-does-not-stop-queue", test_failure_does_not_stop_queue, NULL);
  ADD_SLOW ("/project-file/background/cancel/before-write", test_cancel_before_rename,
            GINT_TO_POINTER (GK_STORAGE_STEP_WRITE));
  ADD_SLOW ("/project-file/background/cancel/before-sync", test_cancel_before_rename,
            GINT_TO_POINTER (GK_STORAGE_STEP_SYNC));
  ADD_SLOW ("/project-file/background/cancel/before-rename", test_cancel_before_rename,
            GINT_TO_POINTER (GK_STORAGE_STEP_RENAME));
  ADD_SLOW ("/project-file/background/cancel/after-rename", test_cancel_after_rename, NULL);
  ADD_SLOW ("/project-file/background/cancel/waiting", test_cancel_waiting_save, NULL);
  ADD_SLOW ("/project-file/background/close-waits", test_close_waits_for_save, NULL);
  ADD_SLOW ("/project-file/background/sync-save-refused", test_sync_save_while_saving, NULL);
  ADD_SLOW ("/project-file/background/open", test_open_async, NULL);
  ADD_SLOW ("/project-file/background/open-refuses", test_open_async_refuses, NULL);
  ADD_SLOW ("/project-file/background/open-cancelled", test_open_async_cancelled, NULL);

  return g_test_run ();
}
