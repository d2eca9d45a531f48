/* gk-project-publish.c: saving, by publishing beside the shared file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
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

#include "gk-project-file-private.h"

/* Compares the shared file at path with the fingerprint. Returns TRUE when
 * it changed or disappeared; FALSE when unchanged (error unset) or when it
 * could not be read (error set). On FALSE without error, out_st is what the
 * unchanged file looked like. */
static gboolean
original_changed (GkProjectFile  *self,
                  const char     *path,
                  struct stat    *out_st,
                  GError        **error)
{
  g_autofree char *sha256 = NULL;
  struct stat st;
  gint64 size;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
    return TRUE;
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      gk_storage_error_opening_errno (error, errno, self->display_name);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  if (st.st_size != self->fingerprint.size)
    {
      close (fd);
      return TRUE;
    }

  /* Same size: only the content can tell (mtime is unreliable on network
   * drives, and sync clients rewrite files without changing them). */
  if (!gk_storage_hash_fd (fd, &sha256, &size))
    {
      gk_storage_error_opening_errno (error, errno, self->display_name);
      close (fd);
      return FALSE;
    }
  close (fd);

  if (out_st != NULL)
    *out_st = st;
  return size != self->fingerprint.size || g_strcmp0 (sha256, self->fingerprint.sha256) != 0;
}

gboolean
gk_project_file_changed_on_disk (GkProjectFile  *self,
                                 GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL || self->fingerprint.sha256 == NULL)
    return FALSE;

  path = g_file_get_path (self->file);
  return original_changed (self, path, NULL, error);
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

static gboolean
vacuum_into (sqlite3    *db,
             const char *path,
             int        *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  *out_rc = rc;
  return rc == SQLITE_DONE;
}

/* Writes the working copy as a complete new file beside target, syncs and
 * checks it, and renames it over target. When expected is given, target
 * must still be that file just before the rename. mode (if not -1) becomes
 * the new file's permissions, so that a shared file stays shared. */
static gboolean
publish (GkProjectFile      *self,
         const char         *target,
         const char         *display,
         const struct stat  *expected,
         int                 mode,
         GkFingerprint      *out_fp,
         GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);
  g_autofree char *temp = NULL;
  g_autoptr(GError) check_error = NULL;
  struct stat st;
  gint64 size;
  int fd;
  int rc;

  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      gk_storage_error_saving_errno (error, errno, display);
      return FALSE;
    }
  close (fd);

  /* VACUUM INTO writes a compact, consistent copy into the empty file. */
  self->publishing = TRUE;
  if (!vacuum_into (self->db, temp, &rc))
    {
      self->publishing = FALSE;
      if ((rc & 0xff) == SQLITE_FULL)
        gk_storage_error_no_space_saving (error, display);
      else if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM)
        gk_storage_error_folder_read_only (error, display);
      else
        gk_storage_error_failed_saving (error, display, sqlite3_errmsg (self->db));
      goto fail;
    }
  self->publishing = FALSE;

  /* SQLite does not sync the result of VACUUM INTO; a network drive may
   * only report a full disk here. */
  fd = g_open (temp, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      gk_storage_error_saving_errno (error, errno, display);
      goto fail;
    }
  if (mode != -1)
    fchmod (fd, mode);   /* may fail on file systems without permissions */
  if (fsync (fd) != 0 || !gk_storage_hash_fd (fd, &out_fp->sha256, &size))
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

  if (expected != NULL && !gk_storage_same_file_as (target, expected))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by someone else since you opened it. "
                     "Your changes are kept, but they are not in the file yet."),
                   display);
      goto fail;
    }

  if (g_rename (temp, target) != 0)
    {
      gk_storage_error_saving_errno (error, errno, display);
      goto fail;
    }
  gk_storage_fsync_directory (dir);

  if (stat (target, &st) == 0)
    out_fp->mtime_us = gk_storage_mtime_us (&st);
  return TRUE;

fail:
  gk_storage_unlink_database_files (temp);
  gk_fingerprint_clear (out_fp);
  return FALSE;
}

static void
mark_published (GkProjectFile *self,
                GkFingerprint *fp)
{
  g_autoptr(GError) error = NULL;

  gk_fingerprint_clear (&self->fingerprint);
  self->fingerprint = *fp;
  memset (fp, 0, sizeof *fp);

  self->changes_at_clean = sqlite3_total_changes64 (self->db);
  if (!gk_working_copy_write_key_file (self, FALSE, &error))
    g_warning ("Could not update %s: %s", self->key_path, error->message);
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify (G_OBJECT (self), "dirty");
    }
}

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

gboolean
gk_project_file_save (GkProjectFile  *self,
                      GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  GkFingerprint fp = { 0, 0, NULL };
  struct stat st;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (&st, 0, sizeof st);
  if (!check_can_publish (self, error))
    return FALSE;
  if (self->file == NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” has not been saved before. Choose where to save it with Save As."),
                   self->display_name);
      return FALSE;
    }

  path = g_file_get_path (self->file);
  target = resolve_target (path);

  if (original_changed (self, target, &st, &local_error))
    {
      if (g_file_test (target, G_FILE_TEST_EXISTS))
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                     _("“%s” was changed by someone else since you opened it. "
                       "Your changes are kept, but they are not in the file yet."),
                     self->display_name);
      else
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                     _("“%s” was moved or deleted since you opened it. "
                       "Your changes are kept; save the programme with Save As."),
                     self->display_name);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!check_writable (target, self->display_name, error))
    return FALSE;

  if (!publish (self, target, self->display_name, &st, st.st_mode & 07777, &fp, error))
    return FALSE;

  mark_published (self, &fp);
  return TRUE;
}

gboolean
gk_project_file_save_as (GkProjectFile  *self,
                         GFile          *file,
                         GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  GkFingerprint fp = { 0, 0, NULL };
  struct stat st;
  int mode = -1;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_publish (self, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is not on a local or mounted drive, so Gripkaart cannot save there."),
                   name != NULL ? name : "?");
      return FALSE;
    }
  display = g_filename_display_basename (path);
  target = resolve_target (path);

  if (stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          gk_storage_error_failed_saving (error, display, g_strerror (EISDIR));
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }
  if (!check_writable (target, display, error))
    return FALSE;

  if (!publish (self, target, display, NULL, mode, &fp, error))
    return FALSE;

  g_set_object (&self->file, file);
  g_free (self->display_name);
  self->display_name = g_steal_pointer (&display);
  mark_published (self, &fp);

  g_object_notify (G_OBJECT (self), "file");
  g_object_notify (G_OBJECT (self), "display-name");
  return TRUE;
}
