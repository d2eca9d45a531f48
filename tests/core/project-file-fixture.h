/* project-file-fixture.h: a VFS that can pretend the disk is full, a
 * folder per test, and probes, shared by the tests of the project file
 * (test-project-file: opening and checking; test-project-save: saving)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every bad file must be refused with the right error code, and no test may
 * change a byte of a file it did not mean to save: each compares the folder
 * before and after.
 */
#pragma once

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gk-migrations.h"
#include "gk-project-file.h"
#include "gk-project-file-private.h"
#include "gk-schema.h"

/* --- a VFS that can pretend the disk is full ------------------------------- */

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;
  gboolean      full;
  gboolean      watched;
} TestFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs test_vfs;
static char *full_pattern;   /* files whose name contains this get SQLITE_FULL */
static char *watch_pattern;  /* the first write to such a file calls on_write */
static void (*on_write) (void);

#define REAL(f) (((TestFile *) (f))->real)

static inline int
tf_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static inline int
tf_read (sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buffer, amount, offset);
}

static inline int
tf_write (sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
  if (((TestFile *) f)->full)
    return SQLITE_FULL;
  if (((TestFile *) f)->watched && on_write != NULL)
    {
      void (*callback) (void) = on_write;

      on_write = NULL;
      callback ();
    }
  return REAL (f)->pMethods->xWrite (REAL (f), buffer, amount, offset);
}

static inline int
tf_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static inline int
tf_sync (sqlite3_file *f, int flags)
{
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static inline int
tf_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static inline int
tf_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static inline int
tf_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static inline int
tf_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static inline int
tf_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static inline int
tf_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static inline int
tf_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static const sqlite3_io_methods tf_methods = {
  1,
  tf_close, tf_read, tf_write, tf_truncate, tf_sync, tf_file_size,
  tf_lock, tf_unlock, tf_check_reserved_lock, tf_file_control,
  tf_sector_size, tf_device_characteristics,
  NULL, NULL, NULL, NULL, NULL, NULL,
};

static inline int
tv_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  TestFile *tf = (TestFile *) f;
  int rc;

  tf->real = (sqlite3_file *) (tf + 1);
  rc = real_vfs->xOpen (real_vfs, name, tf->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      f->pMethods = NULL;
      return rc;
    }
  tf->full = full_pattern != NULL && name != NULL && strstr (name, full_pattern) != NULL;
  tf->watched = watch_pattern != NULL && name != NULL && strstr (name, watch_pattern) != NULL;
  f->pMethods = &tf_methods;
  return SQLITE_OK;
}

static inline void
register_test_vfs (void)
{
  real_vfs = sqlite3_vfs_find ("unix");
  g_assert_nonnull (real_vfs);
  test_vfs = *real_vfs;
  test_vfs.zName = "gk-test";
  test_vfs.szOsFile = sizeof (TestFile) + real_vfs->szOsFile;
  test_vfs.xOpen = tv_open;
  g_assert_cmpint (sqlite3_vfs_register (&test_vfs, 1), ==, SQLITE_OK);
}

/* --- helpers ----------------------------------------------------------------- */

typedef struct {
  char *dir;
  char *mount_point;   /* a tmpfs we mounted, to unmount afterwards */
} Fixture;

static inline void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static inline void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gk-project-XXXXXX", &error);
  g_assert_no_error (error);
}

static inline void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_pointer (&full_pattern, g_free);
  g_clear_pointer (&watch_pattern, g_free);
  on_write = NULL;
  gk_migrations_set_steps_for_testing (NULL, 0);
  if (fixture->mount_point != NULL)
    {
      umount2 (fixture->mount_point, MNT_DETACH);
      g_free (fixture->mount_point);
    }
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static inline char *
path_in (Fixture *fixture, const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static inline char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(unreadable)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* name -> hash of every entry of dir (permissions included), so that any
 * changed, added or removed file shows up. The lock notes of presence
 * (".~lock.NAME#") are hints, not data: test-presence looks at them. */
static inline GHashTable *
snapshot (const char *path)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;
      g_autofree char *hash = NULL;
      struct stat st;

      if (g_str_has_prefix (name, ".~lock."))
        continue;
      child = g_build_filename (path, name, NULL);

      g_assert_cmpint (lstat (child, &st), ==, 0);
      /* Reading a FIFO would wait for a writer: only files are hashed. */
      hash = S_ISREG (st.st_mode) ? file_sha256 (child) : g_strdup ("(not a file)");
      g_hash_table_insert (table, g_strdup (name), g_strdup_printf ("%s %o", hash, st.st_mode));
    }
  g_dir_close (dir);
  return table;
}

static inline void
assert_same_snapshot (GHashTable *before, const char *path)
{
  g_autoptr(GHashTable) after = snapshot (path);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (before, key))
        g_error ("%s appeared in %s", (char *) key, path);
      g_assert_cmpstr (g_hash_table_lookup (before, key), ==, value);
    }
  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
}

static inline char *
working_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "gripkaart", "working", NULL);
}

/* How many entries of the working directory end with suffix. */
static inline guint
count_working_files (const char *suffix)
{
  g_autofree char *path = working_dir ();
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  if (dir != NULL)
    g_dir_close (dir);
  return n;
}

static inline sqlite3 *
open_plain (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    "unix"), ==, SQLITE_OK);
  return db;
}

static inline void
exec_ok (sqlite3 *db, const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
}

static inline gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static inline void
add_people (sqlite3 *db, int first, int n)
{
  sqlite3_stmt *stmt = NULL;

  exec_ok (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO person (id, name, email) VALUES (?1, ?2, ?3)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (int i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %d", i);
      g_autofree char *email = g_strdup_printf ("person%d@gemeente.example", i);

      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, email, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_ok (db, "COMMIT");
}

/* A sound project file with a programme and n_people people; returns the
 * connection (still open) when keep_open, else NULL. */
static inline sqlite3 *
make_project_full (const char *path, int n_people, gboolean keep_open)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_plain (path);

  g_assert_true (gk_schema_create (db, &error));
  g_assert_no_error (error);
  exec_ok (db, "INSERT INTO programme (id, title, municipality) VALUES (1, 'Grip op het sociaal domein', 'Gemeente')");
  add_people (db, 1, n_people);
  if (keep_open)
    return db;
  sqlite3_close (db);
  return NULL;
}

static inline char *
make_project (Fixture *fixture, const char *name, int n_people)
{
  char *path = path_in (fixture, name);

  make_project_full (path, n_people, FALSE);
  return path;
}

/* Both the check and opening refuse path with code, change nothing and
 * leave no working copy. */
static inline GError *
assert_refused (Fixture *fixture, const char *path, GkProjectError code)
{
  g_autoptr(GHashTable) before = snapshot (fixture->dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) check_error = NULL;
  GError *error = NULL;

  g_assert_false (gk_project_file_check (path, NULL, &check_error));
  g_assert_error (check_error, GK_PROJECT_ERROR, (int) code);

  project = gk_project_file_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, GK_PROJECT_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, "“"));   /* names the file */

  assert_same_snapshot (before, fixture->dir);
  g_assert_cmpuint (count_working_files (".gripkaart"), ==, 0);
  g_assert_cmpuint (count_working_files (".lock"), ==, 0);
  return error;
}

static inline GkProjectFile *
open_ok (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkProjectFile *project;

  project = gk_project_file_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static inline void
insert_person (GkProjectFile *project, int id, const char *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO person (id, name) VALUES (%d, '%s')", id, name);

  exec_ok (gk_project_file_get_db (project), sql);
  gk_project_file_set_dirty (project, TRUE);
}

static inline void
copy_file (const char *from, const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, length, &error));
  g_assert_no_error (error);
}

static inline void
exec_ok_path (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_ok (db, sql);
  sqlite3_close (db);
}

/* One number from the file at path, read-only. */
static inline gint64
query_path_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, "unix"), ==, SQLITE_OK);
  n = query_int (db, sql);
  sqlite3_close (db);
  return n;
}

static inline void
count_signal (guint *count)
{
  (*count)++;
}

static inline gboolean
root_ignores_permissions (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  int fd = g_open (probe, O_WRONLY | O_CREAT, 0600);

  if (fd < 0)
    return FALSE;
  close (fd);
  g_unlink (probe);
  return TRUE;
}

/* Mounts a small tmpfs of size bytes on a fresh folder of the fixture.
 * Only root can; returns NULL (and the caller skips) otherwise. */
static inline char *
mount_small_tmpfs (Fixture *fixture, const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);
  char *point = path_in (fixture, "small-disk");

  g_assert_cmpint (g_mkdir (point, 0755), ==, 0);
  if (mount ("tmpfs", point, "tmpfs", 0, options) != 0)
    {
      g_free (point);
      return NULL;
    }
  fixture->mount_point = g_strdup (point);
  return point;
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
