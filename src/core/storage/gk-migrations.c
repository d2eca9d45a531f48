/* gk-migrations.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How to add a migration when GK_SCHEMA_VERSION goes from N to N + 1:
 * change the table descriptions of gk-tables.h to the new schema (the DDL,
 * the records and their accessors follow), keep the DDL of version N + 1 as
 * tests/core/schema-vN+1.sql beside the older ones, and add a step
 * { N, sql, func } below that turns a file of version N into exactly that
 * schema. The result is compared with gk_schema_sql() after migrating
 * (gk-project-file.c), so a step that rebuilds a table must recreate it with
 * the same text, e.g. following https://www.sqlite.org/lang_altertable.html#otheralter .
 */
#include "config.h"

#include "gk-migrations.h"
#include "gk-project-error.h"
#include "gk-schema.h"
#include "gk-tables.h"

static gboolean exec_sql (sqlite3     *db,
                          const char  *sql,
                          GError     **error);

/* Version 2 records every publish in the revision table, which merging
 * needs to find the revision two copies share. It also drops the index
 * measurement_by_indicator, which repeated the UNIQUE index on the same
 * columns and made every figure written cost two index updates. */
static gboolean
add_revisions (sqlite3  *db,
               GError  **error)
{
  g_autofree char *ddl = gk_schema_table_sql (&gk_revision_table);

  return exec_sql (db, ddl, error);
}

/* Version 3 keeps the values of each change in the change log (changes:
 * {"column": [old, new]}), from which the history shows old -> new and
 * finds what a field held at a past moment. Rows logged before have no
 * values: '' (gk_history_get_start() tells from when values exist). */
static const GkMigrationStep builtin_steps[] = {
  { 1, "DROP INDEX measurement_by_indicator;", add_revisions },
  { 2, "ALTER TABLE change_log ADD COLUMN changes TEXT NOT NULL DEFAULT '';", NULL },
};
static const gsize n_builtin_steps = G_N_ELEMENTS (builtin_steps);

static const GkMigrationStep *steps = builtin_steps;
static gsize n_steps = 0;
static gboolean steps_initialised = FALSE;

static void
ensure_steps (void)
{
  if (!steps_initialised)
    {
      steps = builtin_steps;
      n_steps = n_builtin_steps;
      steps_initialised = TRUE;
    }
}

void
gk_migrations_set_steps_for_testing (const GkMigrationStep *test_steps,
                                     gsize                  n_test_steps)
{
  steps_initialised = TRUE;
  if (test_steps == NULL)
    {
      steps = builtin_steps;
      n_steps = n_builtin_steps;
    }
  else
    {
      steps = test_steps;
      n_steps = n_test_steps;
    }
}

static const GkMigrationStep *
find_step (int from_version)
{
  ensure_steps ();
  for (gsize i = 0; i < n_steps; i++)
    if (steps[i].from_version == from_version)
      return &steps[i];
  return NULL;
}

gboolean
gk_migrations_can_run (int from_version,
                       int to_version)
{
  if (from_version > to_version)
    return FALSE;
  for (int v = from_version; v < to_version; v++)
    if (find_step (v) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s",
                   errmsg != NULL ? errmsg : sqlite3_errmsg (db));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int         fallback)
{
  sqlite3_stmt *stmt = NULL;
  int value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
run_step (sqlite3                *db,
          const GkMigrationStep  *step,
          GError                **error)
{
  g_autofree char *bump = NULL;

  if (step->sql != NULL && !exec_sql (db, step->sql, error))
    return FALSE;
  if (step->func != NULL && !step->func (db, error))
    return FALSE;

  bump = g_strdup_printf ("PRAGMA user_version = %d", step->from_version + 1);
  return exec_sql (db, bump, error);
}

/* A migration that rebuilds tables could leave rows pointing nowhere; refuse
 * to commit such a result rather than find out later. */
static gboolean
check_foreign_keys (sqlite3  *db,
                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                 "a row of table %s refers to a row that does not exist",
                 (const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

gboolean
gk_migrations_run (sqlite3  *db,
                   int       from_version,
                   int       to_version,
                   GError  **error)
{
  int found_version;
  gboolean ok = TRUE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (from_version == to_version)
    return TRUE;

  if (!gk_migrations_can_run (from_version, to_version))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   "no way to migrate schema version %d to %d", from_version, to_version);
      return FALSE;
    }

  if (!sqlite3_get_autocommit (db))
    {
      g_set_error_literal (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                           "cannot migrate inside a transaction");
      return FALSE;
    }

  /* PRAGMA foreign_keys is a no-op inside a transaction: switch it off first. */
  if (!exec_sql (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    {
      exec_sql (db, "PRAGMA foreign_keys = ON", NULL);
      return FALSE;
    }

  found_version = query_int (db, "PRAGMA user_version", -1);
  if (found_version != from_version)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   "the file has schema version %d, not %d", found_version, from_version);
      ok = FALSE;
    }

  for (int v = from_version; ok && v < to_version; v++)
    ok = run_step (db, find_step (v), error);

  if (ok)
    ok = check_foreign_keys (db, error);

  if (ok)
    ok = exec_sql (db, "COMMIT", error);

  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  exec_sql (db, "PRAGMA foreign_keys = ON", NULL);
  return ok;
}
