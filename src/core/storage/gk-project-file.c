/* gk-project-file.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared file is untrusted (anyone can put any file on a network drive)
 * and unreliable (network drives break SQLite's locking, sync clients
 * replace files behind our back). Hence:
 * - SQLite never opens the shared file: we copy its bytes once, hashing them
 *   on the way, and check and open the copy. What we checked is what we use.
 * - The header is checked by hand before SQLite parses anything.
 * - The connection is hardened, and the schema must be exactly ours.
 * - Saving writes a complete new file beside the shared one, syncs and checks
 *   it, and renames it over the shared file only if that is still the file
 *   we read (same content hash).
 * This file holds the object and its life (new, open, close); the steps
 * live beside it, see gk-project-file-private.h.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-merge-conflict.h"
#include "gk-project-file-parts.h"
#include "gk-project-snapshot.h"
#include "gk-schema.h"
#include "gk-clock.h"

G_DEFINE_FINAL_TYPE (GkProjectFile, gk_project_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_READ_ONLY,
  PROP_DIRTY,
  PROP_SAVING,
  PROP_OTHERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- GObject ----------------------------------------------------------------- */

static void
gk_project_file_dispose (GObject *object)
{
  gk_project_file_close (GK_PROJECT_FILE (object));

  G_OBJECT_CLASS (gk_project_file_parent_class)->dispose (object);
}

static void
gk_project_file_finalize (GObject *object)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);

  g_clear_object (&self->file);
  g_free (self->display_name);
  g_free (self->working_path);
  g_free (self->key_path);
  g_free (self->lock_path);
  g_free (self->view_dir);
  g_free (self->backup_path);
  g_free (self->recovered_path);
  g_free (self->base_path);
  g_free (self->user_name);
  g_clear_object (&self->conflicts);
  g_free (self->merge_summary);
  gk_fingerprint_clear (&self->fingerprint);
  g_clear_error (&self->read_only_reason);
  g_free (self->presence_nonce);
  g_strfreev (self->others);

  G_OBJECT_CLASS (gk_project_file_parent_class)->finalize (object);
}

static void
gk_project_file_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, gk_project_file_get_read_only (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, gk_project_file_get_saving (self));
      break;
    case PROP_OTHERS:
      g_value_set_boxed (value, self->others);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_file_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      gk_project_file_set_dirty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_file_class_init (GkProjectFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_project_file_dispose;
  object_class->finalize = gk_project_file_finalize;
  object_class->get_property = gk_project_file_get_property;
  object_class->set_property = gk_project_file_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Notified when the first save is asked for and when the last one ends. */
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Who else has the file open (names), from the lock note beside it. */
  properties[PROP_OTHERS] =
    g_param_spec_boxed ("others", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A save merged others' changes into the working copy: the GBytes is the
   * changeset that did (see gk-project-file.h). */
  g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_BYTES);
}

static void
gk_project_file_init (GkProjectFile *self)
{
  self->lock_fd = -1;
  self->conflicts = g_list_store_new (GK_TYPE_MERGE_CONFLICT);
  g_queue_init (&self->saves);
  self->presence_nonce = g_strdup_printf ("%08x", g_random_int ());
  self->others = g_new0 (char *, 1);
}

/* --- public API -------------------------------------------------------------- */

GkProjectFile *
gk_project_file_new (GError **error)
{
  g_autoptr(GkProjectFile) self = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (GK_TYPE_PROJECT_FILE, NULL);
  self->display_name = g_strdup (_("Untitled programme"));

  uuid = g_uuid_string_random ();
  base = g_strconcat ("untitled-", uuid, NULL);
  if (!gk_working_copy_claim_slot (self, base, error))
    return NULL;

  self->db = gk_storage_open_hardened (self->working_path, FALSE, self->display_name, error);
  if (self->db == NULL)
    return NULL;
  if (!gk_schema_create (self->db, error))
    return NULL;

  gk_working_copy_start_tracking (self);
  if (!gk_working_copy_write_key_file (self, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Opening, step by step; runs in a worker thread for open_async(), where
 * nobody else sees self until it is returned. */
/* A file to look at only: a snapshot of it in a private folder, on a
 * connection without write access. Nothing is claimed, nothing beside the
 * file is touched. */
static gboolean
open_for_viewing (GkProjectFile  *self,
                  const char     *path,
                  const char     *reason,
                  GCancellable   *cancellable,
                  GError        **error)
{
  self->view_dir = g_dir_make_tmp ("gripkaart-view-XXXXXX", error);
  if (self->view_dir == NULL)
    return FALSE;
  self->db = gk_project_snapshot_open (path, self->view_dir, &self->working_path, cancellable, error);
  if (self->db == NULL)
    return FALSE;
  /* A migrated snapshot was written; from now on nothing is. */
  if (sqlite3_db_readonly (self->db, "main") != 1)
    {
      g_clear_pointer (&self->db, sqlite3_close);
      self->db = gk_storage_open_hardened (self->working_path, TRUE, self->display_name, error);
      if (self->db == NULL)
        return FALSE;
    }
  self->read_only_reason = g_error_new_literal (GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                                                reason != NULL ? reason : _("Opened read-only."));
  return TRUE;
}

static GkProjectFile *
open_file_once (GFile                   *file,
                GkProjectFileOpenFlags   flags,
                const char              *reason,
                GCancellable            *cancellable,
                GError                 **error)
{
  g_autoptr(GkProjectFile) self = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *incoming = NULL;
  GkHeaderInfo header;
  int version = 0;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is not on a local or mounted drive, so Gripkaart cannot open it."),
                   name != NULL ? name : "?");
      return NULL;
    }

  self = g_object_new (GK_TYPE_PROJECT_FILE, NULL);
  self->display_name = g_filename_display_basename (path);

  if (flags & GK_PROJECT_FILE_OPEN_READ_ONLY)
    {
      self->file = g_object_ref (file);
      if (!open_for_viewing (self, path, reason, cancellable, error))
        {
          g_clear_pointer (&self->db, sqlite3_close);
          gk_project_snapshot_remove (self->working_path);
          g_rmdir (self->view_dir);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  /* Cheap refusals before any copying. */
  if (!gk_storage_check_header (path, self->display_name, &header, error) ||
      !gk_storage_check_no_other_writer (path, self->display_name, error))
    return NULL;

  self->file = g_object_ref (file);
  uri = g_file_get_uri (file);
  base = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
  if (!gk_working_copy_claim_slot (self, base, error))
    return NULL;
  /* What a killed save left beside the file would be spread by a sync
   * client (in a read-only folder this removes nothing). */
  {
    g_autofree char *folder = g_path_get_dirname (path);
    gint64 folder_now = gk_storage_folder_now_us (folder);

    if (folder_now != G_MININT64)
      gk_storage_clean_stale_temp_files (path, folder_now, GK_STALE_TEMP_FILE_US);
  }

  dir = g_path_get_dirname (self->working_path);
  incoming = gk_working_copy_copy_in (path, dir, self->display_name, TRUE, &self->fingerprint,
                                      cancellable, error);
  if (incoming == NULL)
    return NULL;

  if (!gk_working_copy_use_rollback_journal (incoming) ||
      !gk_storage_check_file (incoming, self->display_name, &version, &check_error))
    {
      if (check_error == NULL)
        gk_storage_error_failed_opening (error, self->display_name, g_strerror (errno));
      else if (g_error_matches (check_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION))
        self->read_only_reason = g_steal_pointer (&check_error);
      else
        g_propagate_error (error, g_steal_pointer (&check_error));

      if (self->read_only_reason == NULL)
        {
          g_unlink (incoming);
          return NULL;
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (incoming);
      return NULL;
    }
  if (g_rename (incoming, self->working_path) != 0)
    {
      gk_storage_error_opening_errno (error, errno, self->display_name);
      g_unlink (incoming);
      return NULL;
    }

  if (version < GK_SCHEMA_VERSION)
    {
      if (!gk_working_copy_migrate (self, version, error))
        return NULL;
    }
  else
    {
      self->db = gk_storage_open_hardened (self->working_path, self->read_only_reason != NULL,
                                           self->display_name, error);
      if (self->db == NULL)
        return NULL;
    }

  if (self->read_only_reason == NULL && !gk_working_copy_make_base (self, error))
    return NULL;
  gk_working_copy_start_tracking (self);
  if (!gk_working_copy_write_key_file (self, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* --- presence ---------------------------------------------------------------- */

static void
update_others (GkProjectFile *self)
{
  g_auto(GStrv) others = NULL;

  if (self->presence_path == NULL)
    others = g_new0 (char *, 1);
  else
    others = gk_presence_list_others (self->presence_path, self->presence_nonce,
                                      gk_clock_get_system_time_us ());
  if (g_strv_equal ((const char * const *) others, (const char * const *) self->others))
    return;
  g_strfreev (self->others);
  self->others = g_steal_pointer (&others);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OTHERS]);
}

void
gk_project_file_refresh_presence (GkProjectFile *self)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  if (self->presence_path != NULL)
    gk_presence_announce (self->presence_path, self->user_name, self->presence_nonce,
                          gk_clock_get_system_time_us ());
  update_others (self);
}

static gboolean
presence_refresh_cb (gpointer user_data)
{
  gk_project_file_refresh_presence (user_data);
  return G_SOURCE_CONTINUE;
}

void
gk_project_file_presence_start (GkProjectFile *self)
{
  /* A file opened to look at writes no lock note beside it. */
  if (self->file == NULL || self->presence_path != NULL || self->view_dir != NULL)
    return;
  self->presence_path = g_file_get_path (self->file);
  if (self->presence_path == NULL)
    return;
  self->presence_timer = g_timeout_add_seconds (GK_PRESENCE_REFRESH_S, presence_refresh_cb, self);
  gk_project_file_refresh_presence (self);
}

void
gk_project_file_presence_stop (GkProjectFile *self)
{
  g_clear_handle_id (&self->presence_timer, g_source_remove);
  if (self->presence_path != NULL)
    gk_presence_withdraw (self->presence_path, self->presence_nonce, gk_clock_get_system_time_us ());
  g_clear_pointer (&self->presence_path, g_free);
  update_others (self);
}

const char * const *
gk_project_file_get_others (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return (const char * const *) self->others;
}

/* Whether a file that looked damaged changed while we read it: a sync
 * client rewriting it in place, or a program saving it. */
static gboolean
changed_since (const char        *path,
               const struct stat *before)
{
  struct stat now;

  return stat (path, &now) != 0 ||
         now.st_dev != before->st_dev || now.st_ino != before->st_ino ||
         now.st_size != before->st_size ||
         gk_storage_mtime_us (&now) != gk_storage_mtime_us (before);
}

#define OPEN_ATTEMPTS      4
#define OPEN_RETRY_WAIT_US (G_USEC_PER_SEC / 4)

/* A file that is half written when we read it looks damaged, or not like a
 * project at all. When it changed while we looked, that is what it is:
 * try again a little later, and if it keeps changing, say so instead of
 * calling a good file damaged. */
static GkProjectFile *
open_file (GFile                   *file,
           GkProjectFileOpenFlags   flags,
           const char              *reason,
           GCancellable            *cancellable,
           GError                 **error)
{
  g_autofree char *path = g_file_get_path (file);

  for (int attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      GkProjectFile *project;
      struct stat before;
      gboolean known = path != NULL && stat (path, &before) == 0;

      if (path != NULL)
        gk_storage_step (GK_STORAGE_STEP_CHECK, path);
      project = open_file_once (file, flags, reason, cancellable, &local_error);
      if (project != NULL)
        return project;

      if (!known ||
          !(g_error_matches (local_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED) ||
            g_error_matches (local_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT)) ||
          !changed_since (path, &before))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (attempt == OPEN_ATTEMPTS)
        {
          g_autofree char *display = g_filename_display_basename (path);

          gk_storage_error_being_changed (error, display);
          return NULL;
        }
      g_debug ("%s changed while it was read; reading it again", path);
      if (!g_cancellable_is_cancelled (cancellable))
        g_usleep (OPEN_RETRY_WAIT_US);
    }
}

GkProjectFile *
gk_project_file_open_with_flags (GFile                   *file,
                                 GkProjectFileOpenFlags   flags,
                                 const char              *reason,
                                 GError                 **error)
{
  GkProjectFile *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = open_file (file, flags, reason, NULL, error);
  if (self != NULL)
    gk_project_file_presence_start (self);
  return self;
}

GkProjectFile *
gk_project_file_open (GFile   *file,
                      GError **error)
{
  return gk_project_file_open_with_flags (file, GK_PROJECT_FILE_OPEN_DEFAULT, NULL, error);
}

typedef struct {
  GFile                  *file;
  GkProjectFileOpenFlags  flags;
  char                   *reason;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_object_unref (job->file);
  g_free (job->reason);
  g_free (job);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  GkProjectFile *project = open_file (job->file, job->flags, job->reason, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
gk_project_file_open_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  gk_project_file_open_with_flags_async (file, GK_PROJECT_FILE_OPEN_DEFAULT, NULL,
                                         cancellable, callback, user_data);
}

void
gk_project_file_open_with_flags_async (GFile                  *file,
                                       GkProjectFileOpenFlags  flags,
                                       const char             *reason,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gk_project_file_open_async);
  job = g_new0 (OpenJob, 1);
  job->file = g_object_ref (file);
  job->flags = flags;
  job->reason = g_strdup (reason);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  /* A file opened just as the caller gave up is reported as cancelled, and
   * closed again (its working copy removed) when the task lets go of it. */
  g_task_run_in_thread (task, open_thread);
}

GkProjectFile *
gk_project_file_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  GkProjectFile *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_project_file_open_async, NULL);

  self = g_task_propagate_pointer (G_TASK (result), error);
  /* Here, not in the worker: the refresh runs on the caller's main context. */
  if (self != NULL)
    gk_project_file_presence_start (self);
  return self;
}

sqlite3 *
gk_project_file_get_db (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->db;
}

GFile *
gk_project_file_get_file (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->file;
}

const char *
gk_project_file_get_display_name (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->display_name;
}

gboolean
gk_project_file_get_read_only (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), TRUE);

  return self->read_only_reason != NULL;
}

gboolean
gk_project_file_get_viewing (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);

  return self->view_dir != NULL;
}

const GError *
gk_project_file_get_read_only_reason (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->read_only_reason;
}

const char *
gk_project_file_get_working_path (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->working_path;
}

const char *
gk_project_file_get_backup_path (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->backup_path;
}

const char *
gk_project_file_get_recovered_path (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->recovered_path;
}

void
gk_project_file_set_dirty (GkProjectFile *self,
                           gboolean       dirty)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  dirty = !!dirty;
  if (dirty)
    self->dirty_serial++;

  if (dirty && !self->unpublished_recorded && self->key_path != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!gk_working_copy_write_key_file (self, TRUE, &error))
        g_warning ("Could not record unpublished changes: %s", error->message);
    }

  /* Clean again (an undo back to what was saved): what was committed so far
   * no longer counts as unpublished. */
  if (!dirty && self->db != NULL)
    {
      self->changes_at_clean = sqlite3_total_changes64 (self->db);
      if (self->unpublished_recorded && self->key_path != NULL)
        gk_working_copy_write_key_file (self, FALSE, NULL);
    }

  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

gboolean
gk_project_file_get_dirty (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);

  return self->dirty;
}

gboolean
gk_project_file_has_unpublished_changes (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);

  return self->dirty ||
         (self->db != NULL && sqlite3_total_changes64 (self->db) != self->changes_at_clean);
}

void
gk_project_file_close (GkProjectFile *self)
{
  gboolean keep;

  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  if (gk_project_file_get_saving (self))
    {
      self->close_when_saved = TRUE;
      return;
    }
  gk_project_file_presence_stop (self);
  if (self->db == NULL && self->lock_fd < 0)
    return;

  if (self->view_dir != NULL)
    {
      /* Nothing was claimed: the snapshot and its folder go. */
      g_clear_pointer (&self->db, sqlite3_close_v2);
      gk_project_snapshot_remove (self->working_path);
      g_rmdir (self->view_dir);
      return;
    }

  keep = self->db != NULL && gk_project_file_has_unpublished_changes (self);

  if (self->db != NULL)
    {
      sqlite3_commit_hook (self->db, NULL, NULL);
      /* _v2: statements the model layer has not finalized yet keep the
       * connection alive until they are. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  if (keep && !self->unpublished_recorded)
    gk_working_copy_write_key_file (self, TRUE, NULL);

  gk_working_copy_release_slot (self, keep);
}
