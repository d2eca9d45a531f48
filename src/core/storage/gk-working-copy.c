/* gk-working-copy.c: the private working copy of a project file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared file is never edited in place. Opening copies its bytes once
 * into a slot of $XDG_DATA_HOME/gripkaart/working/, hashing them on the way
 * (what we check is what we use), and all editing goes to that copy. A key
 * file beside it tells a later run which shared file it belongs to and
 * whether it holds changes that were not published, so a crash loses
 * nothing. The copying may run in a worker thread (gk_project_file_open_async):
 * until the object is handed to the caller, only that thread touches it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-clock.h"
#include "gk-document-private.h"
#include "gk-migrations.h"
#include "gk-project-file-parts.h"
#include "gk-schema.h"

/* --- the working copy ------------------------------------------------------- */

char *
gk_working_copy_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "gripkaart", "working", NULL);
}

/* Copies src into a new file in dir, hashing it on the way, synced to disk
 * when sync (a working copy; not a copy only read for a merge). A file that
 * changes while we copy it is copied again. Returns the copy's path. The
 * copy stops between blocks when cancellable is cancelled. */
char *
gk_working_copy_copy_in (const char     *src,
                         const char     *dir,
                         const char     *display,
                         gboolean        sync,
                         GkFingerprint  *fp,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (GK_STORAGE_BUFFER_SIZE);

  for (int attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GkContentHasher) hasher = gk_content_hasher_new ();
      g_autofree char *dest = g_build_filename (dir, "incoming-XXXXXX", NULL);
      struct stat before, after;
      gint64 copied = 0;
      gssize n = 0;
      int in, out;

      /* It may have been replaced by a FIFO since its header was read. */
      in = gk_storage_open_regular (src, display, &before, error);
      if (in < 0)
        return NULL;

      out = g_mkstemp_full (dest, O_RDWR | O_CLOEXEC, 0600);
      if (out < 0)
        {
          gk_storage_error_opening_errno (error, errno, display);
          close (in);
          return NULL;
        }

      gk_storage_step (GK_STORAGE_STEP_COPY_IN, src);
      while (!g_cancellable_is_cancelled (cancellable) &&
             (n = gk_storage_read_full (in, buffer, GK_STORAGE_BUFFER_SIZE)) > 0)
        {
          gk_content_hasher_update (hasher, buffer, n);
          copied += n;
          if (!gk_storage_write_full (out, buffer, n))
            break;
          gk_storage_step (GK_STORAGE_STEP_COPY_IN, src);
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (in);
          close (out);
          g_unlink (dest);
          return NULL;
        }
      if (n != 0 || (sync && fsync (out) != 0))
        {
          int saved_errno = errno;

          close (in);
          close (out);
          g_unlink (dest);
          gk_storage_error_opening_errno (error, saved_errno, display);
          return NULL;
        }
      close (out);

      if (fstat (in, &after) == 0 && after.st_size == before.st_size &&
          gk_storage_mtime_us (&after) == gk_storage_mtime_us (&before) && copied == before.st_size)
        {
          close (in);
          gk_fingerprint_clear (fp);
          fp->size = copied;
          fp->mtime_us = gk_storage_mtime_us (&before);
          fp->content_hash = gk_content_hasher_get_string (hasher);
          return g_steal_pointer (&dest);
        }

      close (in);
      g_unlink (dest);
    }

  gk_storage_error_being_changed (error, display);
  return NULL;
}

/* Files that another program opened in WAL mode say so in their header; our
 * copy has no WAL beside it (gk_storage_check_no_other_writer), so it can be read as an
 * ordinary rollback-journal database, which is how it is checked, migrated
 * and made the base; the working copy goes into WAL mode only once all that
 * is done (gk_working_copy_start_tracking()). */
gboolean
gk_working_copy_use_rollback_journal (const char *path)
{
  guint8 versions[2];
  gboolean ok = TRUE;
  int fd;

  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (pread (fd, versions, 2, 18) == 2 && (versions[0] == 2 || versions[1] == 2))
    {
      static const guint8 legacy[2] = { 1, 1 };

      ok = pwrite (fd, legacy, 2, 18) == 2 && fsync (fd) == 0;
    }
  close (fd);
  return ok;
}

static gboolean
key_file_says_unpublished (const char *key_path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  gboolean unpublished;

  /* Without a readable key file we cannot tell: keep the copy. */
  if (!g_key_file_load_from_file (key_file, key_path, G_KEY_FILE_NONE, NULL))
    return TRUE;
  unpublished = g_key_file_get_boolean (key_file, GK_WORKING_KEY_FILE_GROUP, "unpublished", &error);
  return error != NULL || unpublished;
}

/* A working copy keeps a write-ahead log (see start_tracking), and a kill
 * leaves it beside the copy with the edits committed since the last
 * checkpoint; a copy of an older version may have a hot rollback journal.
 * Reading the copy once makes SQLite replay the log (or roll the journal
 * back); going back to journal_mode DELETE then checkpoints the log into
 * the copy and removes it, so that the copy set aside is one file, with
 * every committed edit, that opens like any other (a WAL or journal beside
 * it would read as another program writing it, and a plain file copy of it
 * would miss what the log holds). Nobody else uses the copy: we hold the
 * slot. */
static void
settle_journal (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = gk_storage_open_hardened (path, FALSE, path, &error);
  int rc;

  if (db == NULL)
    {
      g_warning ("Could not settle the working copy %s: %s", path, error->message);
      return;
    }
  rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema; PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_warning ("Could not settle the working copy %s: %s", path, sqlite3_errmsg (db));
  sqlite3_close (db);
  if (rc != SQLITE_OK)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* A working copy left in our slot by an earlier run that ended without
 * closing (a crash): unpublished edits in it are moved aside, never
 * overwritten. */
static void
set_aside_stale_copy (GkProjectFile *self)
{
  g_autofree char *stem = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (!g_file_test (self->working_path, G_FILE_TEST_EXISTS) ||
      !key_file_says_unpublished (self->key_path))
    {
      gk_storage_unlink_database_files (self->working_path);
      gk_storage_unlink_database_files (self->base_path);
      g_unlink (self->key_path);
      return;
    }

  settle_journal (self->working_path);
  now = gk_clock_dup_now (gk_clock_get_default ());
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  stem = g_strndup (self->working_path, strlen (self->working_path) - strlen (".gripkaart"));

  for (int i = 1; i < 100; i++)
    {
      g_autofree char *suffix = i == 1 ? g_strdup (stamp) : g_strdup_printf ("%s-%d", stamp, i);
      g_autofree char *db_path = g_strdup_printf ("%s.recovered-%s.gripkaart", stem, suffix);
      g_autofree char *key_path = g_strdup_printf ("%s.recovered-%s.ini", stem, suffix);
      g_autofree char *base_path = g_strdup_printf ("%s.recovered-%s.base", stem, suffix);

      if (g_file_test (db_path, G_FILE_TEST_EXISTS))
        continue;
      if (gk_storage_rename_database_files (self->working_path, db_path))
        {
          g_rename (self->key_path, key_path);
          /* What the edits were made on: bringing them back merges them. */
          g_rename (self->base_path, base_path);
          self->recovered_path = g_steal_pointer (&db_path);
        }
      else
        g_warning ("Could not set aside the working copy %s: %s",
                   self->working_path, g_strerror (errno));
      return;
    }
}

typedef struct {
  char   *stem;
  char   *path;
  gint64  mtime_us;
} SetAside;

static void
set_aside_free (SetAside *copy)
{
  g_free (copy->stem);
  g_free (copy->path);
  g_free (copy);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const SetAside *x = *(SetAside **) a, *y = *(SetAside **) b;
  int by_stem = strcmp (x->stem, y->stem);

  if (by_stem != 0)
    return by_stem;
  return x->mtime_us < y->mtime_us ? 1 : x->mtime_us > y->mtime_us ? -1 : 0;
}

guint
gk_working_copy_prune_set_aside (const char *dir_path,
                                 gint64      now_us)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) set_aside_free);
  const char *name;
  const char *stem = NULL;
  guint kept = 0, removed = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const char *mark = strstr (name, ".recovered-");
      SetAside *copy;
      struct stat st;

      if (mark == NULL || !g_str_has_suffix (name, ".gripkaart"))
        continue;
      copy = g_new0 (SetAside, 1);
      copy->stem = g_strndup (name, mark - name);
      copy->path = g_build_filename (dir_path, name, NULL);
      copy->mtime_us = lstat (copy->path, &st) == 0 ? gk_storage_mtime_us (&st) : now_us;
      g_ptr_array_add (copies, copy);
    }
  g_ptr_array_sort (copies, newest_first);

  for (guint i = 0; i < copies->len; i++)
    {
      SetAside *copy = copies->pdata[i];
      g_autofree char *key_path = NULL;

      if (stem == NULL || strcmp (stem, copy->stem) != 0)
        {
          stem = copy->stem;
          kept = 0;
        }
      if (kept < GK_SET_ASIDE_KEEP || now_us - copy->mtime_us < GK_SET_ASIDE_KEEP_US)
        {
          kept++;
          continue;
        }
      key_path = g_strdup_printf ("%.*s.ini", (int) (strlen (copy->path) - strlen (".gripkaart")),
                                  copy->path);
      gk_storage_unlink_database_files (copy->path);
      g_unlink (key_path);
      {
        g_autofree char *base_path = g_strdup_printf ("%.*s.base", (int) (strlen (copy->path) - strlen (".gripkaart")),
                                                      copy->path);

        g_unlink (base_path);
      }
      removed++;
    }
  return removed;
}

/* Takes the first free slot "<base>", "<base>-2", ... in the working
 * directory. A slot is ours while we hold an flock() on its lock file, so
 * two windows or processes never share a working copy. */
/* The copies' ages by the clock that gave them their file times. */
static void
prune_by_folder_clock (const char *dir)
{
  gint64 now_us = gk_storage_folder_now_us (dir);

  gk_working_copy_prune_set_aside (dir, now_us != G_MININT64 ? now_us : gk_clock_get_system_time_us ());
}

gboolean
gk_working_copy_claim_slot (GkProjectFile  *self,
                            const char     *base,
                            GError        **error)
{
  g_autofree char *dir = gk_working_copy_directory ();
  int retries = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      /* Not the file's fault: "does not exist" (ENOTDIR) would send the
       * user looking for a file that is there. */
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” could not be opened for editing: the folder for working copies “%s” could not be made (%s)."),
                   self->display_name, shown, g_strerror (saved_errno));
      return FALSE;
    }

  for (int i = 1; i <= 50; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%d", base, i);
      g_autofree char *lock_path = g_strdup_printf ("%s/%s.lock", dir, name);
      struct stat held, on_disk;
      int fd;

      fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          gk_storage_error_opening_errno (error, errno, self->display_name);
          return FALSE;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);
          continue;
        }
      /* The previous holder may have removed the lock file between our open
       * and our flock: then we locked a file nobody else will look at. */
      if (fstat (fd, &held) != 0 || stat (lock_path, &on_disk) != 0 ||
          held.st_ino != on_disk.st_ino || held.st_dev != on_disk.st_dev)
        {
          close (fd);
          if (retries++ < 10)
            i--;
          continue;
        }

      self->lock_fd = fd;
      self->lock_path = g_steal_pointer (&lock_path);
      self->working_path = g_strdup_printf ("%s/%s.gripkaart", dir, name);
      self->key_path = g_strdup_printf ("%s/%s.ini", dir, name);
      self->base_path = g_strdup_printf ("%s/%s.base", dir, name);
      set_aside_stale_copy (self);
      prune_by_folder_clock (dir);
      return TRUE;
    }

  gk_storage_error_failed_opening (error, self->display_name, "no free working copy");
  return FALSE;
}

void
gk_working_copy_release_slot (GkProjectFile *self,
                              gboolean       keep_working_copy)
{
  if (self->working_path != NULL && !keep_working_copy)
    {
      gk_storage_unlink_database_files (self->working_path);
      gk_storage_unlink_database_files (self->base_path);
      g_unlink (self->key_path);
      /* Never saved over: the file itself is still the one before the
       * migration, and a backup of it would only pile up. */
      if (self->backup_path != NULL && !self->original_replaced)
        g_unlink (self->backup_path);
    }
  if (self->lock_fd >= 0)
    {
      /* Unlink before unlocking, so a waiter re-checks the inode. */
      g_unlink (self->lock_path);
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

/* The key file beside the working copy tells a later run which shared file
 * the copy belongs to, what that file was when read, and whether the copy
 * holds changes that were not published: what recovery needs. */
gboolean
gk_working_copy_write_key_file (GkProjectFile  *self,
                                gboolean        unpublished,
                                GError        **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_key_file_set_string (key_file, GK_WORKING_KEY_FILE_GROUP, "uri", uri);
    }
  g_key_file_set_string (key_file, GK_WORKING_KEY_FILE_GROUP, "display-name", self->display_name);
  if (self->fingerprint.content_hash != NULL)
    {
      g_key_file_set_int64 (key_file, GK_WORKING_KEY_FILE_GROUP, "size", self->fingerprint.size);
      g_key_file_set_int64 (key_file, GK_WORKING_KEY_FILE_GROUP, "mtime-usec", self->fingerprint.mtime_us);
      g_key_file_set_string (key_file, GK_WORKING_KEY_FILE_GROUP, "content-hash", self->fingerprint.content_hash);
    }
  g_key_file_set_boolean (key_file, GK_WORKING_KEY_FILE_GROUP, "unpublished", unpublished);

  if (!g_key_file_save_to_file (key_file, self->key_path, error))
    return FALSE;
  self->unpublished_recorded = unpublished;
  return TRUE;
}

/* Runs just before every commit on the working copy: the first change after
 * a publish marks the copy as holding unpublished changes, so that a crash
 * does not lose them. Only file I/O here: SQLite forbids using the
 * connection from a commit hook. */
static int
on_commit (void *data)
{
  GkProjectFile *self = data;

  if (!self->unpublished_recorded)
    {
      g_autoptr(GError) error = NULL;

      if (!gk_working_copy_write_key_file (self, TRUE, &error))
        g_warning ("Could not record unpublished changes: %s", error->message);
    }
  return 0;
}

static void
use_write_ahead_log (GkProjectFile *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  /* Where the folder cannot hold a WAL's shared memory: a persistent
   * journal, two fsyncs an edit. */
  if (!wal)
    sqlite3_exec (self->db, "PRAGMA journal_mode = PERSIST", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
}

void
gk_working_copy_start_tracking (GkProjectFile *self)
{
  /* The working copy is private and the shared file stays untouched until
   * publishing, so an edit need not wait for fsyncs: in WAL mode with
   * synchronous=NORMAL a commit appends its pages to the log and syncs
   * nothing (the log is synced at a checkpoint). Every committed edit
   * survives the app crashing or being killed, since the log is in the
   * file system; a power cut may lose the last edits but leaves the copy
   * consistent. Publishing stays fully synced (gk-project-publish.c), and
   * writes the shared file from an image of the copy, never the copy's
   * own file, so no log ever lies beside the shared file. */
  if (self->read_only_reason == NULL)
    use_write_ahead_log (self);
  self->changes_at_clean = sqlite3_total_changes64 (self->db);
  sqlite3_commit_hook (self->db, on_commit, self);
}

unsigned char *
gk_working_copy_serialize (sqlite3       *db,
                           sqlite3_int64 *size)
{
  return gk_database_serialize (db, size);
}

gboolean
gk_working_copy_make_base (GkProjectFile  *self,
                           GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (GK_STORAGE_BUFFER_SIZE);
  g_autofree char *temp = g_strconcat (self->base_path, ".new", NULL);
  int in, out;
  gssize n = 0;
  gboolean ok;

  in = g_open (self->working_path, O_RDONLY | O_CLOEXEC, 0);
  out = in >= 0 ? g_open (temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
  ok = out >= 0;
  while (ok && (n = gk_storage_read_full (in, buffer, GK_STORAGE_BUFFER_SIZE)) > 0)
    ok = gk_storage_write_full (out, buffer, n);
  ok = ok && n == 0 && fsync (out) == 0;
  if (in >= 0)
    close (in);
  if (out >= 0 && close (out) != 0)
    ok = FALSE;
  if (ok && g_rename (temp, self->base_path) == 0)
    return TRUE;

  gk_storage_error_opening_errno (error, errno, self->display_name);
  g_unlink (temp);
  return FALSE;
}

gboolean
gk_working_copy_migrate (GkProjectFile  *self,
                         int             from_version,
                         GError        **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (self->working_path);
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stem = NULL;
  sqlite3 *db;

  stem = g_strndup (self->working_path, strlen (self->working_path) - strlen (".gripkaart"));
  self->backup_path = g_strdup_printf ("%s.v%d-backup.gripkaart", stem, from_version);
  backup = g_file_new_for_path (self->backup_path);

  if (!g_file_copy (source, backup, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        gk_storage_error_opening_errno (error, ENOSPC, self->display_name);
      else
        gk_storage_error_failed_opening (error, self->display_name, local_error->message);
      g_clear_pointer (&self->backup_path, g_free);
      return FALSE;
    }

  db = gk_storage_open_hardened (self->working_path, FALSE, self->display_name, error);
  if (db == NULL)
    return FALSE;

  if (!gk_migrations_run (db, from_version, GK_SCHEMA_VERSION, &local_error))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” could not be brought up to date for this version of Gripkaart (%s). "
                     "The file was not changed."),
                   self->display_name, local_error->message);
      sqlite3_close (db);
      /* The shared file was never touched: the backup is of no use. */
      g_unlink (self->backup_path);
      g_clear_pointer (&self->backup_path, g_free);
      return FALSE;
    }

  if (!gk_storage_check_schema_is_ours (db, self->display_name, error) ||
      !gk_storage_check_rows (db, self->display_name, error))
    {
      sqlite3_close (db);
      return FALSE;
    }

  self->db = db;
  return TRUE;
}

