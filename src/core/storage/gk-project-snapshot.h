/* gk-project-snapshot.h: reading a project file without opening it for work
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The region (src/core/region) reads many municipalities' files to show
 * them side by side, and must never change them nor leave anything behind:
 * no working copy slot, no lock note, no backup. A snapshot is the same
 * hardened path as gk_project_file_open() (header checked by hand, the
 * bytes copied once, the copy checked, migrated when older), but the copy
 * is a private temporary file that the caller removes when done. Only
 * src/core may use it (it hands out a SQLite connection).
 */
#pragma once

#include "gk-project-file-private.h"

G_BEGIN_DECLS

/* Copies path into dir (a private folder of the caller), checks and, when
 * older, migrates the copy, and opens it on a hardened connection.
 * *out_copy_path is the copy: close the connection, then remove it with
 * gk_project_snapshot_remove(). A file of a newer version is refused
 * (GK_PROJECT_ERROR_NEWER_VERSION): a summary of a schema we do not know
 * could be wrong. Errors are GK_PROJECT_ERROR, translated, naming the file. */
sqlite3 *gk_project_snapshot_open   (const char    *path,
                                     const char    *dir,
                                     char         **out_copy_path,
                                     GCancellable  *cancellable,
                                     GError       **error);
void     gk_project_snapshot_remove (const char    *copy_path);

G_END_DECLS
