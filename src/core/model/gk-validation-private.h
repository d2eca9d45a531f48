/* gk-validation-private.h: SQLite failures as validation errors (src/core only)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gk-validation.h"

G_BEGIN_DECLS

/* A clear error for a SQLite failure @rc on @db: constraint failures become
 * GK_VALIDATION_ERROR_CONSTRAINT, others G_IO_ERROR; never raw SQL. */
void        gk_validation_set_sqlite_error (GError    **error,
                                            sqlite3    *db,
                                            int         rc);

G_END_DECLS
