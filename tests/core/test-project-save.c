/* test-project-save.c: saving (publishing) project files, in place, with
 * Save As, and in the background
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving never edits the shared file in place: it writes a new file beside
 * it and renames it over. On any failure the shared file and the working
 * copy stay as they were; the folder snapshots of project-file-fixture.h
 * prove it.
 */
#include "config.h"

#include "project-file-fixture.h"

/* --- saving in place and Save As ---------------------------------------------- */

static void
test_save_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "programme.gripkaart", 3);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GkProjectFile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *working = NULL;
  g_autoptr(GHashTable) entries = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  project = open_ok (path);
  g_assert_false (gk_project_file_get_read_only (project));
  g_assert_null (gk_project_file_get_backup_path (project));
  g_assert_cmpstr (gk_project_file_get_display_name (project), ==, "programme.gripkaart");
  working = g_strdup (gk_project_file_get_working_path (project));
  g_assert_true (g_str_has_prefix (working, g_get_user_data_dir ()));
  g_assert_false (gk_project_file_has_unpublished_changes (project));

  insert_person (project, 100, "Ayşe Yılmaz");
  g_assert_true (gk_project_file_get_dirty (project));
  g_assert_true (gk_project_file_has_unpublished_changes (project));
  g_assert_true (gk_project_file_can_save_in_place (project, &error));
  g_assert_no_error (error);

  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  g_assert_false (gk_project_file_get_dirty (project));
  g_assert_false (gk_project_file_has_unpublished_changes (project));
  g_assert_false (gk_project_file_changed_on_disk (project, &error));
  g_assert_no_error (error);

  /* A complete, valid file, with its permissions kept and no leftovers. */
  g_assert_true (gk_project_file_check (path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  entries = snapshot (fixture->dir);
  g_assert_cmpuint (g_hash_table_size (entries), ==, 1);

  /* A second save after another change (the fingerprint moved on). */
  insert_person (project, 101, "Bram");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);

  gk_project_file_close (project);
  g_assert_null (gk_project_file_get_db (project));
  g_assert_false (g_file_test (working, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_working_files (".ini"), ==, 0);
  g_assert_cmpuint (count_working_files (".lock"), ==, 0);

  again = open_ok (path);
  g_assert_cmpint (query_int (gk_project_file_get_db (again),
                              "SELECT count(*) FROM person WHERE name IN ('Ayşe Yılmaz', 'Bram')"), ==, 2);
  g_assert_cmpint (query_int (gk_project_file_get_db (again), "SELECT count(*) FROM person"), ==, 5);
}

static void
test_save_through_symlink (Fixture *fixture, gconstpointer data)
{
  g_autofree char *real = make_project (fixture, "real.gripkaart", 3);
  g_autofree char *link = path_in (fixture, "link.gripkaart");
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (symlink (real, link), ==, 0);
  project = open_ok (link);
  insert_person (project, 50, "Via de link");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  db = open_plain (real);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE id = 50"), ==, 1);
  sqlite3_close (db);
}

/* A colleague saved first: saving merges, so both changes are in the file,
 * and the working copy has the colleague's too. */
static void
test_changed_on_disk (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "shared.gripkaart", 3);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other;
  guint merged_signals = 0;

  project = open_ok (path);
  g_assert_false (gk_project_file_changed_on_disk (project, &error));
  g_assert_no_error (error);
  g_signal_connect_swapped (project, "merged", G_CALLBACK (count_signal), &merged_signals);

  /* A colleague saves first. */
  other = open_plain (path);
  exec_ok (other, "INSERT INTO person (id, name) VALUES (200, 'Collega')");
  sqlite3_close (other);

  insert_person (project, 300, "Ik");
  g_assert_true (gk_project_file_changed_on_disk (project, &error));
  g_assert_no_error (error);

  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (merged_signals, ==, 1);
  g_assert_nonnull (gk_project_file_get_merge_summary (project));
  g_assert_nonnull (strstr (gk_project_file_get_merge_summary (project), "1 person"));
  g_assert_cmpuint (g_list_model_get_n_items (gk_project_file_get_conflicts (project)), ==, 0);

  /* Both in the file, one revision recorded; both in the working copy. */
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM person WHERE id IN (200, 300)"), ==, 2);
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM revision"), ==, 1);
  g_assert_cmpint (query_int (gk_project_file_get_db (project),
                              "SELECT count(*) FROM person WHERE id IN (200, 300)"), ==, 2);
  g_assert_false (gk_project_file_get_dirty (project));
  g_assert_false (gk_project_file_has_unpublished_changes (project));
  g_assert_false (gk_project_file_changed_on_disk (project, &error));
  g_assert_no_error (error);

  /* A save with nothing new from others merges nothing. */
  insert_person (project, 301, "Ik weer");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  g_assert_null (gk_project_file_get_merge_summary (project));
  g_assert_cmpuint (merged_signals, ==, 1);
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM revision"), ==, 2);
}

static char *racing_path;

static void
colleague_saves (void)
{
  sqlite3 *db = open_plain (racing_path);

  exec_ok (db, "INSERT INTO person (id, name) VALUES (400, 'Net op tijd')");
  sqlite3_close (db);
}

/* The shared file changes while we write the new copy, after it was
 * compared: the last check before the rename notices, and the save merges
 * onto the colleague's file and publishes that. */
static void
test_changed_during_save (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "race.gripkaart", 3);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  project = open_ok (path);
  insert_person (project, 401, "Te laat");

  racing_path = path;
  watch_pattern = g_strdup ("/.race.gripkaart.");
  on_write = colleague_saves;
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  g_assert_null (on_write);   /* the race did happen */
  racing_path = NULL;

  db = open_plain (path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE id IN (400, 401)"), ==, 2);
  sqlite3_close (db);
  g_assert_cmpint (query_int (gk_project_file_get_db (project),
                              "SELECT count(*) FROM person WHERE id IN (400, 401)"), ==, 2);
  g_assert_false (gk_project_file_get_dirty (project));
  g_assert_nonnull (gk_project_file_get_merge_summary (project));
}

static void
test_touched_is_not_changed (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "touched.gripkaart", 3);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  project = open_ok (path);
  /* A sync client rewrote it with the same content: only the time differs. */
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_false (gk_project_file_changed_on_disk (project, &error));
  g_assert_no_error (error);

  insert_person (project, 7, "Zeven");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
}

static void
test_deleted_on_disk (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "gone.gripkaart", 3);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  project = open_ok (path);
  g_assert_cmpint (g_unlink (path), ==, 0);
  insert_person (project, 8, "Acht");

  g_assert_true (gk_project_file_changed_on_disk (project, &error));
  g_assert_no_error (error);
  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Save As puts it back, on purpose. */
  g_assert_true (gk_project_file_save_as (project, file, &error));
  g_assert_no_error (error);
  db = open_plain (path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE id = 8"), ==, 1);
  sqlite3_close (db);
}

static void
test_read_only_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "locked.gripkaart", 3);
  g_autofree char *copy_path = path_in (fixture, "mine.gripkaart");
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = snapshot (fixture->dir);

  project = open_ok (path);
  g_assert_false (gk_project_file_get_read_only (project));
  insert_person (project, 9, "Negen");

  g_assert_false (gk_project_file_can_save_in_place (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "locked.gripkaart"));
  g_clear_error (&error);
  assert_same_snapshot (before, fixture->dir);

  g_assert_true (gk_project_file_save_as (project, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_project_file_get_display_name (project), ==, "mine.gripkaart");
  g_assert_true (g_file_equal (gk_project_file_get_file (project), copy));
  g_assert_false (gk_project_file_get_dirty (project));
}

static void
test_read_only_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = path_in (fixture, "readonly");
  g_autofree char *path = g_build_filename (folder, "programme.gripkaart", NULL);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  make_project_full (path, 3, FALSE);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  if (root_ignores_permissions (folder))
    {
      /* Root writes anywhere; a read-only mount stops even root. */
      g_autofree char *point = mount_small_tmpfs (fixture, "1m");

      if (point == NULL)
        {
          g_test_skip ("root ignores folder permissions and cannot mount a read-only tmpfs here");
          return;
        }
      g_free (path);
      path = g_build_filename (point, "programme.gripkaart", NULL);
      make_project_full (path, 3, FALSE);
      g_assert_cmpint (mount ("tmpfs", point, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
      g_free (folder);
      folder = g_strdup (point);
    }

  before = snapshot (folder);
  project = open_ok (path);
  insert_person (project, 10, "Tien");

  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_assert_nonnull (strstr (error->message, "programme.gripkaart"));
  assert_same_snapshot (before, folder);
  g_assert_true (gk_project_file_get_dirty (project));
}

/* --- a full disk ----------------------------------------------------------- */

static void
test_full_disk_simulated (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "full.gripkaart", 100);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;

  project = open_ok (path);
  insert_person (project, 500, "Vol");
  before = snapshot (fixture->dir);

  /* Every write to the new file next to the original fails. */
  full_pattern = g_strdup_printf ("/.full.gripkaart.");
  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "Nothing was lost"));
  g_clear_error (&error);
  assert_same_snapshot (before, fixture->dir);
  g_assert_true (gk_project_file_get_dirty (project));
  g_assert_cmpint (query_int (gk_project_file_get_db (project),
                              "SELECT count(*) FROM person WHERE id = 500"), ==, 1);

  /* Space again: the same changes save. */
  g_clear_pointer (&full_pattern, g_free);
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
}

static void
test_full_disk_tmpfs (Fixture *fixture, gconstpointer data)
{
  g_autofree char *point = mount_small_tmpfs (fixture, "400k");
  g_autofree char *made = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (point == NULL)
    {
      g_test_skip ("mounting a small tmpfs needs root");
      return;
    }

  /* A file of more than half the disk: its new copy cannot fit beside it. */
  made = make_project (fixture, "big.gripkaart", 1800);
  g_assert_true (g_file_get_contents (made, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 210 * 1024);
  g_assert_cmpuint (length, <, 380 * 1024);
  path = g_build_filename (point, "big.gripkaart", NULL);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  project = open_ok (path);
  insert_person (project, 5000, "Nog een");
  before = snapshot (point);

  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "big.gripkaart"));
  assert_same_snapshot (before, point);
  g_assert_cmpint (query_int (gk_project_file_get_db (project),
                              "SELECT count(*) FROM person WHERE id = 5000"), ==, 1);
}


static void
test_wal_mode_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "wal.gripkaart");
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  guint8 header[20];
  sqlite3 *db;
  int fd;

  /* Someone opened it with a tool that switched it to WAL mode. */
  db = make_project_full (path, 3, TRUE);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (read (fd, header, sizeof header), ==, sizeof header);
  close (fd);
  g_assert_cmpint (header[18], ==, 2);

  project = open_ok (path);
  insert_person (project, 30, "Dertig");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);

  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (read (fd, header, sizeof header), ==, sizeof header);
  close (fd);
  g_assert_cmpint (header[18], ==, 1);
}

/* --- Save As onto a file that holds someone's work ---------------------------- */

/* B uses Save As onto the team file after A saved to it: a Save, so it
 * merges, and A's work stays beside B's. */
static void
test_save_as_onto_changed_own_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "team.gripkaart", 3);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other;

  project = open_ok (path);
  other = open_plain (path);
  exec_ok (other, "INSERT INTO person (id, name) VALUES (200, 'Collega')");
  sqlite3_close (other);

  insert_person (project, 300, "Ik");
  g_assert_true (gk_project_file_save_as (project, file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM person WHERE id IN (200, 300)"), ==, 2);
  g_assert_false (gk_project_file_get_dirty (project));
  g_assert_false (gk_project_file_has_unpublished_changes (project));
}

/* Save As onto its own file that nobody changed is a Save. */
static void
test_save_as_onto_own_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "mine.gripkaart", 3);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  project = open_ok (path);
  insert_person (project, 301, "Opnieuw");
  g_assert_true (gk_project_file_save_as (project, file, &error));
  g_assert_no_error (error);
  g_assert_false (gk_project_file_get_dirty (project));

  db = open_plain (path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE id = 301"), ==, 1);
  sqlite3_close (db);
}

/* Another programme (or a damaged one) is never replaced by Save As;
 * another kind of file is (the user was asked). */
static void
test_save_as_onto_other_programme (Fixture *fixture, gconstpointer data)
{
  g_autofree char *mine = make_project (fixture, "mine.gripkaart", 3);
  g_autofree char *theirs = make_project (fixture, "theirs.gripkaart", 5);
  g_autofree char *damaged = make_project (fixture, "damaged.gripkaart", 5);
  g_autofree char *text = path_in (fixture, "notes.gripkaart");
  g_autoptr(GFile) theirs_file = g_file_new_for_path (theirs);
  g_autoptr(GFile) damaged_file = g_file_new_for_path (damaged);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (truncate (damaged, 1000), ==, 0);   /* not a whole page */
  g_assert_true (g_file_set_contents (text, "geen programma", -1, NULL));
  project = open_ok (mine);
  insert_person (project, 302, "Niet daar");
  before = snapshot (fixture->dir);

  g_assert_false (gk_project_file_save_as (project, theirs_file, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "theirs.gripkaart"));
  g_clear_error (&error);
  g_assert_false (gk_project_file_save_as (project, damaged_file, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  assert_same_snapshot (before, fixture->dir);
  g_assert_true (gk_project_file_get_dirty (project));

  g_assert_true (gk_project_file_save_as (project, text_file, &error));
  g_assert_no_error (error);
  g_assert_true (gk_project_file_check (text, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  register_test_vfs ();

  ADD ("/project-file/save/round-trip", test_save_round_trip);
  ADD ("/project-file/save/symlink", test_save_through_symlink);
  ADD ("/project-file/save/changed-on-disk", test_changed_on_disk);
  ADD ("/project-file/save/changed-during-save", test_changed_during_save);
  ADD ("/project-file/save/touched", test_touched_is_not_changed);
  ADD ("/project-file/save/deleted", test_deleted_on_disk);
  ADD ("/project-file/save/read-only-file", test_read_only_file);
  ADD ("/project-file/save/read-only-folder", test_read_only_folder);
  ADD ("/project-file/save/full-disk-simulated", test_full_disk_simulated);
  ADD ("/project-file/save/full-disk-tmpfs", test_full_disk_tmpfs);
  ADD ("/project-file/save/wal-mode-file", test_wal_mode_file);
  ADD ("/project-file/save-as/onto-changed-own-file", test_save_as_onto_changed_own_file);
  ADD ("/project-file/save-as/onto-own-file", test_save_as_onto_own_file);
  ADD ("/project-file/save-as/onto-other-programme", test_save_as_onto_other_programme);

  return g_test_run ();
}
