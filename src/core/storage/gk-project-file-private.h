/* gk-project-file-private.h: the SQLite connections (src/core only)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The session extension's API (merging) is only declared with these, and
 * they must come before the first inclusion of sqlite3.h. */
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

#include "gk-project-file.h"

G_BEGIN_DECLS

/* Opens a SQLite connection with the defences for files of unknown origin:
 * defensive mode, trusted_schema and writable_schema off, no triggers, no
 * views, no extensions, cell_size_check and foreign_keys on, no memory
 * mapping, a short busy timeout. read_only opens without write access;
 * otherwise the file is created when missing. Errors are GK_PROJECT_ERROR. */
sqlite3 *gk_db_open_hardened   (const char  *path,
                                gboolean     read_only,
                                GError     **error);

/* The connection on the working copy; NULL after close. It stays owned by
 * self. GkProjectFile installs a commit hook on it (to mark unpublished
 * changes for crash recovery): do not replace it. */
sqlite3    *gk_project_file_get_db           (GkProjectFile *self);

G_END_DECLS
