/* gk-project-bring-in.c: changes brought into the working copy
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving merges on the way out (gk-project-publish.c). The same merge
 * also brings changes in without publishing anything:
 * - bring in: the others' published changes, when the window notices that
 *   the shared file changed (polling, a file monitor); the working copy
 *   then holds them and this user's unpublished edits, and the base
 *   becomes the file as the others saved it;
 * - bring back: the edits of a working copy set aside after a crash, merged
 *   from the base they were made on; they become unpublished edits here.
 * Both run in a worker thread on an image of the live working copy, as a
 * save does, and end on the main thread by applying the changes to the
 * live copy and emitting "merged".
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-clock.h"
#include "gk-merge-conflict.h"
#include "gk-migrations.h"
#include "gk-project-file-parts.h"
#include "gk-schema.h"

/* Their file, copied in and checked like a file being opened (it comes
 * from the shared folder), in the schema of this version. */
sqlite3 *
gk_storage_open_theirs (const char     *target,
                        const char     *beside,
                        const char     *display,
                        GkFingerprint  *theirs,
                        char          **out_path,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (beside);
  g_autofree char *incoming = NULL;
  g_autoptr(GError) check_error = NULL;
  sqlite3 *db;
  int version = 0;

  incoming = gk_working_copy_copy_in (target, dir, display, FALSE, theirs, cancellable, error);
  if (incoming == NULL)
    return NULL;
  if (!gk_working_copy_use_rollback_journal (incoming) ||
      !gk_storage_check_file (incoming, display, &version, &check_error))
    {
      if (g_error_matches (check_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION))
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION,
                     _("Someone saved “%s” with a newer version of Gripkaart. Your changes are "
                       "kept; update Gripkaart to bring them into the file."), display);
      else if (check_error != NULL)
        g_propagate_error (error, g_steal_pointer (&check_error));
      else
        gk_storage_error_failed_saving (error, display, g_strerror (errno));
      gk_storage_unlink_database_files (incoming);
      return NULL;
    }

  db = gk_storage_open_hardened (incoming, FALSE, display, error);
  if (db != NULL && version < GK_SCHEMA_VERSION &&
      !gk_migrations_run (db, version, GK_SCHEMA_VERSION, error))
    g_clear_pointer (&db, sqlite3_close);
  if (db == NULL)
    {
      gk_storage_unlink_database_files (incoming);
      return NULL;
    }
  /* A private temporary file: written to memory at the end. */
  sqlite3_exec (db, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;", NULL, NULL, NULL);
  *out_path = g_steal_pointer (&incoming);
  return db;
}

/* --- polling ------------------------------------------------------------------ */

gboolean
gk_project_file_poll (GkProjectFile  *self,
                      GError        **error)
{
  g_autofree char *path = NULL;
  gboolean changed;
  struct stat st;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL || self->fingerprint.content_hash == NULL)
    return FALSE;
  path = g_file_get_path (self->file);
  if (stat (path, &st) != 0)
    return errno == ENOENT || errno == ENOTDIR;
  /* Size and time as we left them: nobody published (a publish renames a
   * new file into place, which changes the time on every file system). */
  if (st.st_size == self->fingerprint.size && gk_storage_mtime_us (&st) == self->fingerprint.mtime_us)
    return FALSE;

  changed = gk_project_file_changed_on_disk (self, error);
  /* Only touched (a sync client): remember the new time, so that the next
   * poll need not read the whole file again. */
  if (!changed && (error == NULL || *error == NULL))
    self->fingerprint.mtime_us = gk_storage_mtime_us (&st);
  return changed;
}

/* --- one job ------------------------------------------------------------------- */

typedef enum {
  BRING_IN,
  BRING_BACK,
  BRING_COPY,
} BringKind;

typedef struct {
  BringKind      kind;
  char          *target;          /* BRING_IN: the shared file */
  char          *display;
  char          *base_path;
  GkFingerprint  expected;        /* BRING_IN: the shared file as last read */
  char          *recovered_path;  /* BRING_BACK: the set-aside copy; BRING_COPY: the conflict copy */
  unsigned char *image;           /* the live working copy (sqlite3_serialize) */
  sqlite3_int64  image_size;
  sqlite3_int64  changes;
  gboolean       was_published;   /* no unpublished edits when it started */
  GHashTable    *choices;
  char          *user_name;
  char          *stamp;

  gboolean       unchanged;       /* BRING_IN: nothing to bring */
  GkFingerprint  theirs;          /* BRING_IN: the shared file as merged */
  char          *new_base;        /* BRING_IN: their file, to become the base */
  GkMergeOutcome outcome;
} BringJob;

static void
bring_job_free (BringJob *job)
{
  g_free (job->target);
  g_free (job->display);
  g_free (job->base_path);
  gk_fingerprint_clear (&job->expected);
  g_free (job->recovered_path);
  sqlite3_free (job->image);
  g_clear_pointer (&job->choices, g_hash_table_unref);
  g_free (job->user_name);
  g_free (job->stamp);
  gk_fingerprint_clear (&job->theirs);
  if (job->new_base != NULL)
    g_unlink (job->new_base);
  g_free (job->new_base);
  gk_merge_outcome_clear (&job->outcome);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BringJob, bring_job_free)

static BringJob *
bring_job_new (GkProjectFile  *self,
               BringKind       kind,
               GError        **error)
{
  g_autoptr(BringJob) job = g_new0 (BringJob, 1);
  g_autoptr(GDateTime) now = gk_clock_dup_now_utc (gk_clock_get_default ());

  if (self->db == NULL || self->read_only_reason != NULL || !sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("Changes cannot be brought into “%s” now. Try again."), self->display_name);
      return NULL;
    }
  if (gk_project_file_get_saving (self))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is being saved. Try again when that is done."), self->display_name);
      return NULL;
    }

  job->kind = kind;
  job->display = g_strdup (self->display_name);
  job->base_path = g_strdup (self->base_path);
  if (self->file != NULL)
    job->target = g_file_get_path (self->file);
  job->expected.size = self->fingerprint.size;
  job->expected.mtime_us = self->fingerprint.mtime_us;
  job->expected.content_hash = g_strdup (self->fingerprint.content_hash);
  job->image = gk_working_copy_serialize (self->db, &job->image_size);
  if (job->image == NULL)
    {
      gk_storage_error_failed_saving (error, job->display, sqlite3_errmsg (self->db));
      return NULL;
    }
  job->changes = sqlite3_total_changes64 (self->db);
  job->was_published = !gk_project_file_has_unpublished_changes (self);
  job->choices = gk_project_file_collect_choices (self);
  job->user_name = g_strdup (self->user_name != NULL ? self->user_name : g_get_real_name ());
  job->stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  return g_steal_pointer (&job);
}

static gboolean
write_bytes_synced (const char     *path,
                    const guint8   *data,
                    gsize           size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gboolean ok = fd >= 0 && gk_storage_write_full (fd, data, size) && fsync (fd) == 0;

  if (fd >= 0 && close (fd) != 0)
    ok = FALSE;
  return ok;
}

/* Whether the shared file is still the one the working copy was made from:
 * the same size and content. */
static gboolean
shared_file_unchanged (BringJob  *job,
                       GError   **error)
{
  g_autofree char *hash = NULL;
  gint64 size = -1;
  int fd = g_open (job->target, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    {
      gk_storage_error_opening_errno (error, errno, job->display);
      return FALSE;
    }
  ok = gk_storage_hash_fd (fd, &hash, &size);
  close (fd);
  return ok && size == job->expected.size && g_strcmp0 (hash, job->expected.content_hash) == 0;
}

static gboolean
bring_in_run (BringJob      *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *incoming = NULL;
  g_autoptr(GError) local_error = NULL;
  GkRevision revision = { NULL, NULL, job->stamp, job->user_name, NULL };
  unsigned char *theirs_image;
  sqlite3_int64 theirs_size = 0;
  sqlite3 *db;
  gboolean ok;

  if (job->target == NULL)
    {
      job->unchanged = TRUE;
      return TRUE;
    }
  if (shared_file_unchanged (job, &local_error))
    {
      job->unchanged = TRUE;
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_file_test (job->base_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by someone else, but Gripkaart cannot tell which of your "
                     "changes are new. Save your work with Save As."), job->display);
      return FALSE;
    }

  db = gk_storage_open_theirs (job->target, job->base_path, job->display, &job->theirs, &incoming,
                               cancellable, error);
  if (db == NULL)
    return FALSE;

  /* Their file as it is, before the merge changes it: the new base. */
  theirs_image = sqlite3_serialize (db, "main", &theirs_size, 0);
  job->new_base = g_strconcat (job->base_path, ".incoming", NULL);
  ok = theirs_image != NULL && write_bytes_synced (job->new_base, theirs_image, theirs_size);
  sqlite3_free (theirs_image);
  if (!ok)
    gk_storage_error_saving_errno (error, errno, job->display);

  ok = ok && gk_merge_onto (db, job->base_path, job->image, job->image_size, job->choices,
                            &revision, &job->outcome, error);
  sqlite3_close (db);
  gk_storage_unlink_database_files (incoming);
  return ok;
}

/* The base of a set-aside copy: "<stem>.recovered-<when>.base". */
static char *
recovered_base_path (const char *recovered_path)
{
  return g_strdup_printf ("%.*s.base", (int) (strlen (recovered_path) - strlen (".gripkaart")),
                          recovered_path);
}

static gboolean
bring_back_run (BringJob      *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *base = recovered_base_path (job->recovered_path);
  g_autofree char *recovered = NULL;
  g_autoptr(GError) local_error = NULL;
  GkRevision revision = { NULL, NULL, job->stamp, job->user_name, NULL };
  gsize size = 0;
  sqlite3 *db;
  gboolean ok;

  if (!g_file_test (base, G_FILE_TEST_IS_REGULAR) ||
      !gk_storage_check_file (job->recovered_path, job->display, NULL, &local_error) ||
      !g_file_get_contents (job->recovered_path, &recovered, &size, &local_error))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("The changes that were not saved cannot be brought back into “%s” by "
                     "themselves. Open them with Show and copy what you need."), job->display);
      return FALSE;
    }

  db = gk_storage_open_image_copy (job->image, job->image_size, job->display, error);
  if (db == NULL)
    return FALSE;

  ok = gk_merge_onto (db, base, (const unsigned char *) recovered, size, job->choices, &revision,
                      &job->outcome, error);
  if (ok)
    {
      /* The merge said how the recovered copy becomes the result; the live
       * copy needs how it becomes the result. */
      g_clear_pointer (&job->outcome.into_mine, g_bytes_unref);
      job->outcome.into_mine = gk_merge_diff_from_image (db, job->image, job->image_size, error);
      ok = job->outcome.into_mine != NULL;
    }
  sqlite3_close (db);
  return ok;
}

/* A sync client's conflict copy beside the shared file: copied in and
 * checked like any file from the shared folder, then merged into an image
 * of the live copy. */
static gboolean
bring_copy_run (BringJob      *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (job->base_path);
  g_autofree char *incoming = NULL;
  g_autofree char *copy_bytes = NULL;
  g_autofree char *copy_display = g_filename_display_basename (job->recovered_path);
  GkRevision revision = { NULL, NULL, job->stamp, job->user_name, NULL };
  GkFingerprint fp = { 0, };
  gsize size = 0;
  sqlite3 *db;
  gboolean ok;
  int version = 0;

  incoming = gk_working_copy_copy_in (job->recovered_path, dir, copy_display, FALSE, &fp, cancellable, error);
  gk_fingerprint_clear (&fp);
  if (incoming == NULL)
    return FALSE;
  ok = gk_working_copy_use_rollback_journal (incoming) &&
       gk_storage_check_file (incoming, copy_display, &version, error) &&
       g_file_get_contents (incoming, &copy_bytes, &size, error);
  gk_storage_unlink_database_files (incoming);
  if (!ok)
    return FALSE;
  if (version != GK_SCHEMA_VERSION)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION,
                   _("“%s” was saved by another version of Gripkaart. Open it and copy what you need."),
                   copy_display);
      return FALSE;
    }

  db = gk_storage_open_image_copy (job->image, job->image_size, job->display, error);
  if (db == NULL)
    return FALSE;
  ok = gk_merge_copy_onto (db, job->base_path, (const unsigned char *) copy_bytes, size,
                                 job->choices, &revision, &job->outcome, job->display, error);
  if (ok)
    {
      g_clear_pointer (&job->outcome.into_mine, g_bytes_unref);
      job->outcome.into_mine = gk_merge_diff_from_image (db, job->image, job->image_size, error);
      ok = job->outcome.into_mine != NULL;
    }
  sqlite3_close (db);
  return ok;
}

static void
bring_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BringJob *job = task_data;
  GError *error = NULL;
  gboolean ok = job->kind == BRING_IN ? bring_in_run (job, cancellable, &error)
              : job->kind == BRING_BACK ? bring_back_run (job, cancellable, &error)
              : bring_copy_run (job, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* --- back on the main thread ---------------------------------------------------- */

static gboolean
finish_bring (GkProjectFile  *self,
              BringJob       *job,
              GError        **error)
{
  gboolean nothing_since = self->db != NULL && sqlite3_total_changes64 (self->db) == job->changes;

  if (job->kind == BRING_IN && job->unchanged)
    return TRUE;
  if (self->db == NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, _("“%s” is closed."), self->display_name);
      return FALSE;
    }
  if (!gk_merge_apply_to_working_copy (self->db, job->outcome.into_mine, error))
    return FALSE;
  g_list_store_remove_all (self->conflicts);

  if (job->kind == BRING_IN)
    {
      if (g_rename (job->new_base, self->base_path) != 0)
        g_warning ("Could not keep the base of %s: %s", self->display_name, g_strerror (errno));
      g_clear_pointer (&job->new_base, g_free);
      gk_fingerprint_clear (&self->fingerprint);
      self->fingerprint = job->theirs;
      memset (&job->theirs, 0, sizeof job->theirs);
      /* Nothing of ours was waiting: the copy is the shared file again. */
      if (job->was_published && nothing_since)
        self->changes_at_clean = sqlite3_total_changes64 (self->db);
      if (!gk_working_copy_write_key_file (self, gk_project_file_has_unpublished_changes (self), NULL))
        g_warning ("Could not update %s", self->key_path);
    }
  else
    {
      if (job->kind == BRING_BACK)
        g_clear_pointer (&self->recovered_path, g_free);
      gk_project_file_set_dirty (self, TRUE);
    }
  g_signal_emit_by_name (self, "merged", job->outcome.into_mine);
  return TRUE;
}

static void
bring_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);
  g_autoptr(GTask) task = user_data;
  BringJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || !finish_bring (self, job, &error))
    {
      if (job->outcome.conflicts != NULL)
        gk_project_file_keep_conflicts (self, job->outcome.conflicts);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
start_bring (GkProjectFile       *self,
             BringKind            kind,
             const char          *recovered_path,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  BringJob *job;

  g_task_set_source_tag (task, source_tag);
  job = bring_job_new (self, kind, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  job->recovered_path = g_strdup (recovered_path);

  worker = g_task_new (self, cancellable, bring_done_cb, task);
  g_task_set_task_data (worker, job, (GDestroyNotify) bring_job_free);
  g_task_run_in_thread (worker, bring_thread);
}

void
gk_project_file_bring_in_async (GkProjectFile       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  start_bring (self, BRING_IN, NULL, cancellable, callback, user_data, gk_project_file_bring_in_async);
}

gboolean
gk_project_file_bring_in_finish (GkProjectFile  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gk_project_file_bring_back_async (GkProjectFile       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  if (self->recovered_path == NULL)
    {
      g_task_report_new_error (self, callback, user_data, gk_project_file_bring_back_async,
                               GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_FOUND,
                               _("There are no unsaved changes of “%s” to bring back."),
                               self->display_name);
      return;
    }
  start_bring (self, BRING_BACK, self->recovered_path, cancellable, callback, user_data,
               gk_project_file_bring_back_async);
}

gboolean
gk_project_file_bring_back_finish (GkProjectFile  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gk_project_file_bring_in_copy_async (GkProjectFile       *self,
                                     GFile               *copy,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (GK_IS_PROJECT_FILE (self));
  g_return_if_fail (G_IS_FILE (copy));

  path = g_file_get_path (copy);
  start_bring (self, BRING_COPY, path, cancellable, callback, user_data,
               gk_project_file_bring_in_copy_async);
}

gboolean
gk_project_file_bring_in_copy_finish (GkProjectFile  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
gk_project_file_discard_recovered (GkProjectFile  *self,
                                   GError        **error)
{
  g_autofree char *base = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);

  if (self->recovered_path == NULL)
    return TRUE;
  base = recovered_base_path (self->recovered_path);
  key = g_strdup_printf ("%.*s.ini", (int) (strlen (self->recovered_path) - strlen (".gripkaart")),
                         self->recovered_path);
  gk_storage_unlink_database_files (self->recovered_path);
  g_unlink (base);
  g_unlink (key);
  g_clear_pointer (&self->recovered_path, g_free);
  return TRUE;
}
