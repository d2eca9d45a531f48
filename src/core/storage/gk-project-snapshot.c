/* gk-project-snapshot.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks are those of open_file_once() in gk-project-file.c, in the
 * same order; what differs is where the copy goes (the caller's temporary
 * folder, not a working copy slot) and that it is thrown away after.
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-migrations.h"
#include "gk-project-file-parts.h"
#include "gk-project-snapshot.h"
#include "gk-schema.h"

static gboolean
migrate_copy (sqlite3     *db,
              int          from_version,
              const char  *display,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!gk_migrations_run (db, from_version, GK_SCHEMA_VERSION, &local_error))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” could not be brought up to date for this version of Gripkaart (%s). "
                     "The file was not changed."),
                   display, local_error->message);
      return FALSE;
    }
  return gk_storage_check_schema_is_ours (db, display, error) &&
         gk_storage_check_rows (db, display, error);
}

sqlite3 *
gk_project_snapshot_open (const char    *path,
                          const char    *dir,
                          char         **out_copy_path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *copy = NULL;
  GkFingerprint fingerprint = { 0, 0, NULL };
  GkHeaderInfo header;
  int version = 0;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL && dir != NULL && out_copy_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  if (!gk_storage_check_header (path, display, &header, error) ||
      !gk_storage_check_no_other_writer (path, display, error))
    return NULL;

  copy = gk_working_copy_copy_in (path, dir, display, FALSE, &fingerprint, cancellable, error);
  gk_fingerprint_clear (&fingerprint);
  if (copy == NULL)
    return NULL;

  if (!gk_working_copy_use_rollback_journal (copy))
    {
      gk_storage_error_failed_opening (error, display, g_strerror (errno));
      gk_project_snapshot_remove (copy);
      return NULL;
    }
  if (!gk_storage_check_file (copy, display, &version, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      gk_project_snapshot_remove (copy);
      return NULL;
    }

  /* Only an older file needs writing (its migration, in the copy). */
  db = gk_storage_open_hardened (copy, version == GK_SCHEMA_VERSION, display, error);
  if (db != NULL && version < GK_SCHEMA_VERSION && !migrate_copy (db, version, display, error))
    g_clear_pointer (&db, sqlite3_close);
  if (db == NULL)
    {
      gk_project_snapshot_remove (copy);
      return NULL;
    }

  *out_copy_path = g_steal_pointer (&copy);
  return db;
}

void
gk_project_snapshot_remove (const char *copy_path)
{
  if (copy_path != NULL)
    gk_storage_unlink_database_files (copy_path);
}
