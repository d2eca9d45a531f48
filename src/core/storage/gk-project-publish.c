/* gk-project-publish.c: saving, by publishing beside the shared file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save writes a complete new file beside the shared one, syncs and checks
 * it, and renames it over the shared file only if that is still the file we
 * read. On a network drive each of those steps can take seconds, so they
 * run in a worker thread (as gnome-text-editor loads and saves), while the
 * window keeps drawing. SQLite connections are used by one thread at a
 * time: the live connection stays on the main thread, which takes an image
 * of the working copy when a save starts (sqlite3_serialize, milliseconds
 * on a local disk); the worker opens its own in-memory connection on that
 * image and writes the new file from it. Saves run one after the other:
 * one asked for while another runs waits its turn, and starts from the
 * working copy as it is then, so it holds every edit made meanwhile.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-project-file-parts.h"
#include "gk-clock.h"
#include "gk-merge-conflict.h"
#include "gk-migrations.h"
#include "gk-schema.h"

/* Compares the shared file at path with the fingerprint expected. Returns
 * TRUE when it changed or disappeared; FALSE when unchanged (error unset) or
 * when it could not be read (error set). On FALSE without error, out_st is
 * what the unchanged file looked like. */
static gboolean
original_changed (const GkFingerprint  *expected,
                  const char           *path,
                  const char           *display,
                  struct stat          *out_st,
                  GError              **error)
{
  g_autofree char *content_hash = NULL;
  struct stat st;
  gint64 size;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
    return TRUE;
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      gk_storage_error_opening_errno (error, errno, display);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  if (st.st_size != expected->size)
    {
      close (fd);
      return TRUE;
    }

  /* Same size: only the content can tell (mtime is unreliable on network
   * drives, and sync clients rewrite files without changing them). */
  if (!gk_storage_hash_fd (fd, &content_hash, &size))
    {
      gk_storage_error_opening_errno (error, errno, display);
      close (fd);
      return FALSE;
    }
  close (fd);

  if (out_st != NULL)
    *out_st = st;
  return size != expected->size || g_strcmp0 (content_hash, expected->content_hash) != 0;
}

gboolean
gk_project_file_changed_on_disk (GkProjectFile  *self,
                                 GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL || self->fingerprint.content_hash == NULL)
    return FALSE;

  path = g_file_get_path (self->file);
  return original_changed (&self->fingerprint, path, self->display_name, NULL, error);
}

/* Whether the (existing) file at path and its folder may be written.
 * A file without write permission is read-only for us even where the
 * system would allow replacing it (root, or a writable folder): the user
 * or an administrator marked it so. */
static gboolean
check_writable (const char  *path,
                const char  *display,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  if (g_access (dir, W_OK) != 0)
    {
      gk_storage_error_folder_read_only (error, display);
      return FALSE;
    }
  if (stat (path, &st) == 0 &&
      (g_access (path, W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is read-only. Save the programme elsewhere with Save As."), display);
      return FALSE;
    }
  return TRUE;
}

/* Where to write: the file a symbolic link points to, so that saving keeps
 * the user's link. */
static char *
resolve_target (const char *path)
{
  char *resolved = realpath (path, NULL);
  char *result;

  if (resolved == NULL)
    return g_strdup (path);
  result = g_strdup (resolved);
  free (resolved);
  return result;
}

gboolean
gk_project_file_can_save_in_place (GkProjectFile  *self,
                                   GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                           self->read_only_reason->message);
      return FALSE;
    }
  if (self->file == NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” has not been saved before. Choose where to save it with Save As."),
                   self->display_name);
      return FALSE;
    }

  path = g_file_get_path (self->file);
  target = resolve_target (path);
  return check_writable (target, self->display_name, error);
}

/* --- one save: a job for the worker thread ---------------------------------- */

typedef enum {
  SAVE_IN_PLACE,
  SAVE_AS,
} SaveKind;

/* Everything one save needs, made on the main thread; from then on the
 * worker's alone until it returns. The live connection stays on the main
 * thread: the worker writes the new file from an image of the working copy
 * taken when the save started. */
typedef struct {
  SaveKind       kind;
  GFile         *file;            /* where to save */
  char          *path;
  char          *display;
  GkFingerprint  expected;        /* the shared file as last read */
  char          *own_path;        /* Save As: the programme's own file, or NULL */
  unsigned char *image;           /* the working copy (sqlite3_serialize) */
  sqlite3_int64  image_size;
  sqlite3_int64  changes;         /* the live connection's total changes then */
  guint          dirty_serial;    /* and its set_dirty (TRUE) count */
  GkFingerprint  result;          /* of the new file, once written */

  /* Merging (gk-project-merge.c): the base is the shared file as last
   * read or published; what is written is the image with a new revision,
   * or the image's changes since the base merged onto the others' file. */
  char          *base_path;
  GHashTable    *choices;         /* conflict key -> GkMergeChoice */
  char          *revision_id;
  char          *published_at;
  char          *published_by;
  char          *host;
  unsigned char *output;          /* what to write (sqlite3_serialize) */
  sqlite3_int64  output_size;
  GkMergeOutcome outcome;
  gboolean       merged;          /* with others' changes */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job->display);
  g_free (job->own_path);
  gk_fingerprint_clear (&job->expected);
  sqlite3_free (job->image);
  gk_fingerprint_clear (&job->result);
  g_free (job->base_path);
  g_clear_pointer (&job->choices, g_hash_table_unref);
  g_free (job->revision_id);
  g_free (job->published_at);
  g_free (job->published_by);
  g_free (job->host);
  sqlite3_free (job->output);
  gk_merge_outcome_clear (&job->outcome);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static gboolean
check_can_publish (GkProjectFile  *self,
                   GError        **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is closed."), self->display_name);
      return FALSE;
    }
  if (self->read_only_reason != NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                   _("“%s” was made by a newer version of Gripkaart and cannot be saved "
                     "by this version."), self->display_name);
      return FALSE;
    }
  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” cannot be saved while a change is being made. Try again."),
                   self->display_name);
      return FALSE;
    }
  return TRUE;
}

/* The user's choices for the conflicts of the last merge, by key: a save
 * after choosing answers them. */
GHashTable *
gk_project_file_collect_choices (GkProjectFile *self)
{
  GHashTable *choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkMergeConflict) conflict = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);

      if (gk_merge_conflict_get_choice (conflict) != GK_MERGE_CHOICE_NONE)
        g_hash_table_insert (choices, g_strdup (gk_merge_conflict_get_key (conflict)),
                             GINT_TO_POINTER (gk_merge_conflict_get_choice (conflict)));
    }
  return choices;
}

static void
fill_merge_fields (GkProjectFile *self,
                   SaveJob       *job)
{
  g_autoptr(GDateTime) now = gk_clock_dup_now_utc (gk_clock_get_default ());

  job->base_path = g_strdup (self->base_path);
  job->choices = gk_project_file_collect_choices (self);
  job->revision_id = g_uuid_string_random ();
  job->published_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  job->published_by = g_strdup (self->user_name != NULL ? self->user_name : g_get_real_name ());
  job->host = g_strdup (g_get_host_name ());
}

/* On the main thread: checks what can be checked without touching the
 * disk, and takes the image of the working copy (a few milliseconds: the
 * working copy is local and mostly in SQLite's cache). */
static SaveJob *
save_job_new (GkProjectFile  *self,
              SaveKind        kind,
              GFile          *file,
              GError        **error)
{
  g_autoptr(SaveJob) job = g_new0 (SaveJob, 1);

  if (!check_can_publish (self, error))
    return NULL;

  job->kind = kind;
  if (kind == SAVE_IN_PLACE)
    {
      if (self->file == NULL)
        {
          g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                       _("“%s” has not been saved before. Choose where to save it with Save As."),
                       self->display_name);
          return NULL;
        }
      job->file = g_object_ref (self->file);
      job->path = g_file_get_path (self->file);
      job->display = g_strdup (self->display_name);
      job->expected.size = self->fingerprint.size;
      job->expected.mtime_us = self->fingerprint.mtime_us;
      job->expected.content_hash = g_strdup (self->fingerprint.content_hash);
    }
  else
    {
      job->file = g_object_ref (file);
      job->path = g_file_get_path (file);
      if (job->path == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);

          g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                       _("“%s” is not on a local or mounted drive, so Gripkaart cannot save there."),
                       name != NULL ? name : "?");
          return NULL;
        }
      job->display = g_filename_display_basename (job->path);
      /* Save As onto the programme's own file is a Save, with its checks. */
      if (self->file != NULL && self->fingerprint.content_hash != NULL)
        {
          job->own_path = g_file_get_path (self->file);
          job->expected.size = self->fingerprint.size;
          job->expected.mtime_us = self->fingerprint.mtime_us;
          job->expected.content_hash = g_strdup (self->fingerprint.content_hash);
        }
    }

  job->image = gk_working_copy_serialize (self->db, &job->image_size);
  if (job->image == NULL)
    {
      gk_storage_error_failed_saving (error, job->display, sqlite3_errmsg (self->db));
      return NULL;
    }
  job->changes = sqlite3_total_changes64 (self->db);
  job->dirty_serial = self->dirty_serial;
  fill_merge_fields (self, job);
  return g_steal_pointer (&job);
}

/* --- the worker's part --------------------------------------------------------- */

static int
stop_when_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* A connection on what is to be written: an in-memory database that
 * nothing else sees. */
static sqlite3 *
open_image (SaveJob  *job,
            GError  **error)
{
  sqlite3 *db = gk_storage_open_hardened (":memory:", FALSE, job->display, error);
  int rc;

  if (db == NULL)
    return NULL;
  rc = sqlite3_deserialize (db, "main", job->output, job->output_size, job->output_size,
                            SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      gk_storage_error_failed_saving (error, job->display, sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* VACUUM INTO writes a compact, consistent copy of the image into the
 * empty file at path. */
static gboolean
write_image (SaveJob       *job,
             const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  sqlite3 *db = open_image (job, error);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, stop_when_cancelled, cancellable);
  /* VACUUM INTO syncs its output as often as the source's synchronous
   * setting says; publish() syncs the whole file once, before checking it
   * and long before the rename, so syncing on the way only costs time
   * (two thirds of the writing, see tests/bench/bench-core). */
  sqlite3_exec (db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && !g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if ((rc & 0xff) == SQLITE_FULL)
        gk_storage_error_no_space_saving (error, job->display);
      else if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM)
        gk_storage_error_folder_read_only (error, job->display);
      else
        gk_storage_error_failed_saving (error, job->display, sqlite3_errmsg (db));
    }
  sqlite3_close (db);
  return rc == SQLITE_DONE;
}

/* Under the publish lock: whether target is still the file we read, first
 * by its inode and time, then by its content. */
static gboolean
still_the_file_we_read (const struct stat    *expected,
                        const GkFingerprint  *expected_fp,
                        const char           *target,
                        const char           *display,
                        GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  if (gk_storage_same_file_as (target, expected) &&
      (expected_fp == NULL ||
       !original_changed (expected_fp, target, display, NULL, &local_error)))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed by someone else since you opened it. "
                 "Your changes are kept, but they are not in the file yet."),
               display);
  return FALSE;
}

/* Save As over an existing Gripkaart programme would throw away whatever
 * its users saved in it (the team's file, most likely) with nothing to
 * bring it back: refused. Another kind of file is replaced (the user was
 * asked); so is a file we cannot read, whose rename will fail anyway. */
static gboolean
refuse_other_programme (const char  *target,
                        const char  *display,
                        GError     **error)
{
  g_autoptr(GError) header_error = NULL;
  GkHeaderInfo info;

  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!gk_storage_check_header (target, display, &info, &header_error) &&
      !g_error_matches (header_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED))
    return TRUE;
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_EXISTS,
               _("“%s” is another Gripkaart programme. Saving over it would throw away "
                 "the work saved in it, so Gripkaart does not replace it. Choose another "
                 "name, or open that programme and make the changes there."),
               display);
  return FALSE;
}

/* After the rename: whether the file at target is the one we wrote. */
static gboolean
file_is_ours (const char          *target,
              const GkFingerprint *written)
{
  g_autofree char *content_hash = NULL;
  gint64 size = -1;
  int fd = g_open (target, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = gk_storage_hash_fd (fd, &content_hash, &size);
  close (fd);
  return ok && size == written->size && g_strcmp0 (content_hash, written->content_hash) == 0;
}

/* Writes the image as a complete new file beside target, syncs and checks
 * it, and renames it over target. When expected is given, target must
 * still be that file just before the rename. mode (if not -1) becomes the
 * new file's permissions, so that a shared file stays shared. Cancelling
 * stops it at any step before the rename; after that the save is done. */
static gboolean
publish (SaveJob             *job,
         const char          *target,
         const struct stat   *expected,
         const GkFingerprint *expected_fp,
         gboolean             refuse_programme,
         int                  mode,
         GkPublishLock       *held,
         GCancellable       *cancellable,
         GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);
  g_autofree char *temp = NULL;
  g_autoptr(GError) check_error = NULL;
  const char *display = job->display;
  GkFingerprint *out_fp = &job->result;
  GkPublishLock *lock = NULL;
  struct stat st;
  gint64 size;
  int fd;

  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      gk_storage_error_saving_errno (error, errno, display);
      return FALSE;
    }
  /* What a killed save left here would be spread by a sync client. Its
   * age is told by the folder's clock (our new file's time), not ours: a
   * computer whose clock runs ahead must not take a colleague's save in
   * progress for an old one. */
  if (fstat (fd, &st) == 0)
    gk_storage_clean_stale_temp_files (target, gk_storage_mtime_us (&st), GK_STALE_TEMP_FILE_US);
  close (fd);

  gk_storage_step (GK_STORAGE_STEP_WRITE, temp);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !write_image (job, temp, cancellable, error))
    goto fail;

  /* SQLite does not sync the result of VACUUM INTO; a network drive may
   * only report a full disk here. */
  gk_storage_step (GK_STORAGE_STEP_SYNC, temp);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  fd = g_open (temp, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      gk_storage_error_saving_errno (error, errno, display);
      goto fail;
    }
  if (mode != -1)
    fchmod (fd, mode);   /* may fail on file systems without permissions */
  if (fsync (fd) != 0 || !gk_storage_hash_fd (fd, &out_fp->content_hash, &size))
    {
      gk_storage_error_saving_errno (error, errno, display);
      close (fd);
      goto fail;
    }
  close (fd);
  out_fp->size = size;

  if (!gk_storage_check_file (temp, display, NULL, &check_error))
    {
      g_warning ("The new copy of %s failed its check: %s", target, check_error->message);
      gk_storage_error_failed_saving (error, display, _("the new copy did not pass the check"));
      goto fail;
    }

  gk_storage_step (GK_STORAGE_STEP_RENAME, temp);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;

  /* From the check to the rename, no other publisher may slip in: we take
   * turns on the lock beside the file, and check the content (not only the
   * inode and time, which a share may fake) while we hold it. */
  lock = held != NULL ? held : gk_publish_lock_acquire (target, display, GK_PUBLISH_LOCK_WAIT_US,
                                                         cancellable, error);
  if (lock == NULL)
    goto fail;
  if (expected != NULL && !still_the_file_we_read (expected, expected_fp, target, display, error))
    goto fail;
  if (refuse_programme && !refuse_other_programme (target, display, error))
    goto fail;
  gk_storage_step (GK_STORAGE_STEP_CHECKED, temp);
  if (!gk_publish_lock_still_held (lock))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED,
                   _("“%s” was being saved by someone else at the same moment. "
                     "Your changes are kept; try again."), display);
      goto fail;
    }

  if (g_rename (temp, target) != 0)
    {
      gk_storage_error_saving_errno (error, errno, display);
      goto fail;
    }
  gk_storage_fsync_directory (dir);
  gk_storage_step (GK_STORAGE_STEP_RENAMED, target);

  /* A writer that does not take turns (an older Gripkaart, a sync client)
   * may still have replaced it: only a file that is ours counts as saved. */
  if (!file_is_ours (target, out_fp))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by someone else while you saved it. "
                     "Your changes are kept, but they are not in the file yet."),
                   display);
      goto fail;
    }
  if (lock != held)
    gk_publish_lock_release (g_steal_pointer (&lock));

  if (stat (target, &st) == 0)
    out_fp->mtime_us = gk_storage_mtime_us (&st);
  gk_storage_step (GK_STORAGE_STEP_REPLACED, target);
  return TRUE;

fail:
  if (lock != held)
    gk_publish_lock_release (g_steal_pointer (&lock));
  gk_storage_unlink_database_files (temp);
  gk_fingerprint_clear (out_fp);
  return FALSE;
}

static void
revision_of (SaveJob    *job,
             GkRevision *revision)
{
  revision->id = job->revision_id;
  revision->merged = NULL;
  revision->published_at = job->published_at;
  revision->published_by = job->published_by;
  revision->host = job->host;
}

static gboolean
fail_sqlite (GError     **error,
             const char  *display,
             sqlite3     *db,
             int          rc)
{
  gk_storage_error_failed_saving (error, display, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* The revisions of what is written are those of the base (the working copy
 * does not keep them: they are the file's, not the user's edits), and one
 * more. Without a base (a new programme), those the image has. */
static gboolean
take_revisions_of_base (sqlite3     *db,
                        const char  *base_path,
                        GError     **error)
{
  g_autofree char *sql = NULL;
  char *quoted;
  int rc;

  if (base_path == NULL || !g_file_test (base_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  quoted = sqlite3_mprintf ("%Q", base_path);
  sql = g_strdup_printf ("ATTACH %s AS base; DELETE FROM main.revision; "
                         "INSERT INTO main.revision SELECT * FROM base.revision; DETACH base;", quoted);
  sqlite3_free (quoted);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Nobody else published since the base: what is written is the image with
 * the base's revisions and one more; the working copy stays as it is. */
static gboolean
prepare_plain_output (SaveJob  *job,
                      GError  **error)
{
  sqlite3 *db = gk_storage_open_image_copy (job->image, job->image_size, job->display, error);
  GkRevision revision;
  gboolean ok;

  if (db == NULL)
    return FALSE;
  revision_of (job, &revision);
  ok = take_revisions_of_base (db, job->base_path, error) &&
       gk_revision_record (db, "main", &revision, error);
  if (ok)
    {
      gk_merge_outcome_clear (&job->outcome);
      sqlite3_free (job->output);
      job->output = sqlite3_serialize (db, "main", &job->output_size, 0);
      if (job->output == NULL)
        ok = fail_sqlite (error, job->display, db, SQLITE_NOMEM);
    }
  sqlite3_close (db);
  job->merged = FALSE;
  return ok;
}

/* Someone else published since the base: this user's changes since the
 * base, merged onto their file, are what is written. On FALSE with
 * GK_PROJECT_ERROR_CONFLICT, job->outcome.conflicts says what clashed. */
static gboolean
prepare_merged_output (SaveJob        *job,
                       const char     *target,
                       GkFingerprint  *theirs,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autofree char *incoming = NULL;
  GkRevision revision;
  sqlite3 *db;
  gboolean ok;

  if (job->base_path == NULL || !g_file_test (job->base_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by someone else since you opened it. "
                     "Your changes are kept, but they are not in the file yet."),
                   job->display);
      return FALSE;
    }

  db = gk_storage_open_theirs (target, job->base_path, job->display, theirs, &incoming,
                               cancellable, error);
  if (db == NULL)
    return FALSE;
  gk_merge_outcome_clear (&job->outcome);
  revision_of (job, &revision);
  ok = gk_merge_onto (db, job->base_path, job->image, job->image_size, job->choices,
                      &revision, &job->outcome, error);
  if (ok)
    {
      sqlite3_free (job->output);
      job->output = sqlite3_serialize (db, "main", &job->output_size, 0);
      if (job->output == NULL)
        ok = fail_sqlite (error, job->display, db, SQLITE_NOMEM);
    }
  sqlite3_close (db);
  gk_storage_unlink_database_files (incoming);
  job->merged = ok;
  return ok;
}

/* After a publish: the new base is what was published, replaced in one
 * rename. Failing here loses nothing (the next merge starts from the older
 * base and finds this save's changes already in the file). */
static void
write_base (SaveJob *job)
{
  g_autofree char *temp = NULL;
  int fd;

  if (job->base_path == NULL)
    return;
  temp = g_strconcat (job->base_path, ".new", NULL);
  gk_storage_step (GK_STORAGE_STEP_BASE, job->base_path);
  fd = g_open (temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || !gk_storage_write_full (fd, job->output, job->output_size) || fsync (fd) != 0 ||
      close (fd) != 0 || g_rename (temp, job->base_path) != 0)
    {
      g_warning ("Could not keep the base of %s: %s", job->display, g_strerror (errno));
      g_unlink (temp);
    }
}

/* A save merges without holding the publish lock, so that colleagues'
 * saves need not wait for it, and checks under the lock that nobody
 * published meanwhile. When somebody did OPTIMISTIC_ROUNDS times in a row
 * (a team saving all at once), it takes the lock for the whole merge, so
 * that it cannot be overtaken forever. Only a writer that does not take
 * turns (a sync client) can still replace the file under it. */
#define OPTIMISTIC_ROUNDS 2
#define MAX_MERGE_ROUNDS  6

/* In place: only over the file we read, and only where we may write. */
static gboolean
save_in_place (SaveJob       *job,
               const char    *target,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GkPublishLock) held = NULL;

  for (int round = 1; ; round++)
    {
      g_autoptr(GError) local_error = NULL;
      GkFingerprint theirs = { 0, };
      const GkFingerprint *expected = &job->expected;
      struct stat st;
      gboolean ok;

      if (round > OPTIMISTIC_ROUNDS && held == NULL)
        {
          held = gk_publish_lock_acquire (target, job->display, GK_PUBLISH_LOCK_WAIT_US, cancellable, error);
          if (held == NULL)
            return FALSE;
        }
      memset (&st, 0, sizeof st);
      if (!original_changed (&job->expected, target, job->display, &st, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (!prepare_plain_output (job, error))
            return FALSE;
        }
      else if (!g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                       _("“%s” was moved or deleted since you opened it. "
                         "Your changes are kept; save the programme with Save As."),
                       job->display);
          return FALSE;
        }
      else
        {
          if (stat (target, &st) != 0 ||
              !prepare_merged_output (job, target, &theirs, cancellable, error))
            {
              gk_fingerprint_clear (&theirs);
              if (error != NULL && *error == NULL)
                gk_storage_error_opening_errno (error, errno, job->display);
              return FALSE;
            }
          expected = &theirs;
        }

      ok = check_writable (target, job->display, error) &&
           publish (job, target, &st, expected, FALSE, st.st_mode & 07777, held, cancellable, &local_error);
      gk_fingerprint_clear (&theirs);
      if (ok)
        {
          write_base (job);
          return TRUE;
        }
      /* Someone published between our look and our rename, or replaced our
       * file right after: merge onto theirs and try again. */
      if (local_error == NULL ||
          !g_error_matches (local_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK) ||
          round == MAX_MERGE_ROUNDS || g_cancellable_is_cancelled (cancellable))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("%s changed while we saved it; merging again", target);
    }
}

/* Save As: over whatever is there (the user was asked), keeping its
 * permissions; but never over another Gripkaart programme, which may hold
 * the team's work (see refuse_other_programme), and onto the programme's
 * own file only as a Save, if nobody else changed it. */
static gboolean
save_elsewhere (SaveJob       *job,
                const char    *target,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *own = job->own_path != NULL ? resolve_target (job->own_path) : NULL;
  struct stat st, own_st;
  int mode = -1;

  if (own != NULL && stat (target, &st) == 0 && stat (own, &own_st) == 0 &&
      st.st_dev == own_st.st_dev && st.st_ino == own_st.st_ino)
    return save_in_place (job, target, cancellable, error);

  if (!refuse_other_programme (target, job->display, error))
    return FALSE;
  if (stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          gk_storage_error_failed_saving (error, job->display, g_strerror (EISDIR));
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }
  if (!check_writable (target, job->display, error) ||
      !prepare_plain_output (job, error) ||
      !publish (job, target, NULL, NULL, TRUE, mode, NULL, cancellable, error))
    return FALSE;
  write_base (job);
  return TRUE;
}

/* Everything that touches the disk: runs in the worker thread (or inline,
 * for gk_project_file_save()). */
static gboolean
save_job_run (SaveJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *target = resolve_target (job->path);

  if (job->kind == SAVE_IN_PLACE)
    return save_in_place (job, target, cancellable, error);
  return save_elsewhere (job, target, cancellable, error);
}

/* --- back on the main thread ------------------------------------------------- */

/* The working copy becomes what was published: the others' changes and
 * the new revision come in (edits made while the save ran stay, and are
 * published next time), and whoever follows the file hears which rows
 * changed underneath them. */
static void
bring_in_result (GkProjectFile *self,
                 SaveJob       *job,
                 gboolean       everything)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->merge_summary, g_free);
  if (job->merged)
    self->merge_summary = g_strdup (job->outcome.summary);
  g_list_store_remove_all (self->conflicts);

  if (self->db == NULL || job->outcome.into_mine == NULL)
    return;
  if (!gk_merge_apply_to_working_copy (self->db, job->outcome.into_mine, &error))
    {
      /* Nothing lost: the working copy keeps its edits, and the next save
       * merges them again from the older base. */
      g_warning ("Could not bring the saved file into the working copy of %s: %s",
                 self->display_name, error->message);
      return;
    }
  if (everything)
    self->changes_at_clean = sqlite3_total_changes64 (self->db);
  if (job->merged)
    g_signal_emit_by_name (self, "merged", job->outcome.into_mine);
}

/* A save that met conflicts: they wait in self->conflicts for the user's
 * choices (those made before for the same clashes are kept). */
void
gk_project_file_keep_conflicts (GkProjectFile *self,
                                GPtrArray     *conflicts)
{
  g_list_store_remove_all (self->conflicts);
  if (conflicts != NULL)
    g_list_store_splice (self->conflicts, 0, 0, conflicts->pdata, conflicts->len);
}

/* The new file is what the image held: edits made while it was written
 * are not in it and stay unpublished. */
static void
mark_published (GkProjectFile *self,
                SaveJob       *job)
{
  g_autoptr(GError) error = NULL;
  gboolean everything;

  if (job->kind != SAVE_AS || (self->file != NULL && g_file_equal (job->file, self->file)))
    self->original_replaced = TRUE;
  if (job->kind == SAVE_AS)
    {
      gk_project_file_presence_stop (self);
      g_set_object (&self->file, job->file);
      g_free (self->display_name);
      self->display_name = g_strdup (job->display);
      g_object_notify (G_OBJECT (self), "file");
      g_object_notify (G_OBJECT (self), "display-name");
      gk_project_file_presence_start (self);
    }

  gk_fingerprint_clear (&self->fingerprint);
  self->fingerprint = job->result;
  memset (&job->result, 0, sizeof job->result);

  self->changes_at_clean = job->changes;
  everything = self->dirty_serial == job->dirty_serial &&
               (self->db == NULL || sqlite3_total_changes64 (self->db) == job->changes);
  bring_in_result (self, job, everything);
  if (!gk_working_copy_write_key_file (self, !everything, &error))
    g_warning ("Could not update %s: %s", self->key_path, error->message);
  if (everything && self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify (G_OBJECT (self), "dirty");
    }
}

static gboolean
save_now (GkProjectFile  *self,
          SaveKind        kind,
          GFile          *file,
          GError        **error)
{
  g_autoptr(SaveJob) job = NULL;

  if (gk_project_file_get_saving (self))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is being saved. Try again when that is done."), self->display_name);
      return FALSE;
    }
  job = save_job_new (self, kind, file, error);
  if (job == NULL)
    return FALSE;
  if (!save_job_run (job, NULL, error))
    {
      gk_project_file_keep_conflicts (self, job->outcome.conflicts);
      return FALSE;
    }
  mark_published (self, job);
  return TRUE;
}

gboolean
gk_project_file_save (GkProjectFile  *self,
                      GError        **error)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_now (self, SAVE_IN_PLACE, NULL, error);
}

gboolean
gk_project_file_save_as (GkProjectFile  *self,
                         GFile          *file,
                         GError        **error)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_now (self, SAVE_AS, file, error);
}

/* --- saving in the background, one save after the other ----------------------- */

/* What a caller asked for: its GTask waits in self->saves. Plain saves that
 * wait behind another with the same cancellable ride along with it: one
 * publish takes the edits of all of them. */
typedef struct {
  SaveKind   kind;
  GFile     *file;
  GPtrArray *riders;   /* GTask */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->file);
  g_ptr_array_unref (request->riders);
  g_free (request);
}

static void start_next_save (GkProjectFile *self);

/* Completes the request at the head of the queue and its riders. */
static void
finish_head (GkProjectFile *self,
             const GError  *error)
{
  g_autoptr(GTask) task = g_queue_pop_head (&self->saves);
  SaveRequest *request = g_task_get_task_data (task);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (tasks, g_object_ref (task));
  g_ptr_array_extend_and_steal (tasks, g_steal_pointer (&request->riders));
  request->riders = g_ptr_array_new ();

  for (guint i = 0; i < tasks->len; i++)
    if (error != NULL)
      g_task_return_error (tasks->pdata[i], g_error_copy (error));
    else
      g_task_return_boolean (tasks->pdata[i], TRUE);
}

static void
save_thread (GTask        *worker,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, cancellable, &error))
    g_task_return_boolean (worker, TRUE);
  else
    g_task_return_error (worker, error);
}

static void
save_thread_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);
  g_autoptr(GError) error = NULL;

  /* Marked before the caller hears of it: whatever it does next (save
   * again, close) sees the file as it now is. */
  if (g_task_propagate_boolean (G_TASK (result), &error))
    mark_published (self, g_task_get_task_data (G_TASK (result)));
  else
    gk_project_file_keep_conflicts (self, ((SaveJob *) g_task_get_task_data (G_TASK (result)))->outcome.conflicts);
  self->save_running = FALSE;
  finish_head (self, error);
  start_next_save (self);
}

static void
start_next_save (GkProjectFile *self)
{
  while (!self->save_running && !g_queue_is_empty (&self->saves))
    {
      GTask *task = g_queue_peek_head (&self->saves);
      SaveRequest *request = g_task_get_task_data (task);
      g_autoptr(GError) error = NULL;
      g_autoptr(SaveJob) job = NULL;
      g_autoptr(GTask) worker = NULL;

      if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
        job = save_job_new (self, request->kind, request->file, &error);
      if (job == NULL)
        {
          finish_head (self, error);
          continue;
        }

      /* The worker reports what really happened: a save that landed just
       * as it was cancelled is a save. */
      worker = g_task_new (self, g_task_get_cancellable (task), save_thread_done_cb, NULL);
      g_task_set_source_tag (worker, start_next_save);
      g_task_set_check_cancellable (worker, FALSE);
      g_task_set_task_data (worker, g_steal_pointer (&job), (GDestroyNotify) save_job_free);
      self->save_running = TRUE;
      g_task_run_in_thread (worker, save_thread);
    }

  if (g_queue_is_empty (&self->saves))
    {
      g_object_notify (G_OBJECT (self), "saving");
      if (self->close_when_saved)
        {
          self->close_when_saved = FALSE;
          gk_project_file_close (self);
        }
    }
}

static void
queue_save (GkProjectFile       *self,
            SaveKind             kind,
            GFile               *file,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SaveRequest *request = g_new0 (SaveRequest, 1);
  GTask *last = g_queue_peek_tail (&self->saves);

  request->kind = kind;
  request->file = file != NULL ? g_object_ref (file) : NULL;
  request->riders = g_ptr_array_new ();
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, request, (GDestroyNotify) save_request_free);

  if (kind == SAVE_IN_PLACE && last != NULL && g_queue_get_length (&self->saves) > 1 &&
      ((SaveRequest *) g_task_get_task_data (last))->kind == SAVE_IN_PLACE &&
      g_task_get_cancellable (last) == cancellable)
    {
      g_ptr_array_add (((SaveRequest *) g_task_get_task_data (last))->riders, g_steal_pointer (&task));
      return;
    }

  g_queue_push_tail (&self->saves, g_steal_pointer (&task));
  if (g_queue_get_length (&self->saves) == 1)
    g_object_notify (G_OBJECT (self), "saving");
  start_next_save (self);
}

void
gk_project_file_save_async (GkProjectFile       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_save (self, SAVE_IN_PLACE, NULL, cancellable, callback, user_data,
              gk_project_file_save_async);
}

gboolean
gk_project_file_save_finish (GkProjectFile  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_project_file_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gk_project_file_save_as_async (GkProjectFile       *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_save (self, SAVE_AS, file, cancellable, callback, user_data,
              gk_project_file_save_as_async);
}

gboolean
gk_project_file_save_as_finish (GkProjectFile  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_project_file_save_as_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GListModel *
gk_project_file_get_conflicts (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return G_LIST_MODEL (self->conflicts);
}

const char *
gk_project_file_get_merge_summary (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->merge_summary;
}

void
gk_project_file_set_user_name (GkProjectFile *self,
                               const char    *user_name)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;
  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  /* The others see this name beside the file. */
  gk_project_file_refresh_presence (self);
}

gboolean
gk_project_file_get_saving (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);

  return !g_queue_is_empty (&self->saves);
}
