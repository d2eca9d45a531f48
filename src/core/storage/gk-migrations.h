/* gk-migrations.h: bring a project file of an older schema up to date
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef gboolean (*GkMigrationFunc) (sqlite3  *db,
                                     GError  **error);

/* One step takes a file from schema version from_version to from_version + 1:
 * first its sql (if any) runs, then its func (if any). A step runs inside the
 * transaction of gk_migrations_run() with foreign keys off (so that tables
 * can be rebuilt); the foreign keys are checked before the commit. A step
 * must not bump user_version itself. */
typedef struct {
  int              from_version;
  const char      *sql;
  GkMigrationFunc  func;
} GkMigrationStep;

/* Whether there is a step for every version from from_version up to
 * to_version. */
gboolean gk_migrations_can_run (int from_version,
                                int to_version);

/* Runs the steps from from_version to to_version in ONE transaction and sets
 * PRAGMA user_version inside it. On any error everything is rolled back and
 * the database is as it was. The database must be at from_version and not be
 * in a transaction. */
gboolean gk_migrations_run     (sqlite3  *db,
                                int       from_version,
                                int       to_version,
                                GError  **error);

/* Tests only: replaces the built-in steps with steps (NULL restores them).
 * The array is not copied and must outlive its use. */
void     gk_migrations_set_steps_for_testing (const GkMigrationStep *steps,
                                              gsize                  n_steps);

G_END_DECLS
