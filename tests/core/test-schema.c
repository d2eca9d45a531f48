/* test-schema.c: the schema accepts good rows and its constraints refuse bad ones
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gk-migrations.h"
#include "gk-schema.h"

static sqlite3 *
new_db (void)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gk_schema_create (db, &error));
  g_assert_no_error (error);
  return db;
}

static int
pragma_int (sqlite3    *db,
            const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_stamps (void)
{
  sqlite3 *db = new_db ();

  g_assert_cmpint (pragma_int (db, "PRAGMA application_id"), ==, GK_APPLICATION_ID);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, GK_SCHEMA_VERSION);
  sqlite3_close (db);
}

static void
test_every_table_exists (void)
{
  sqlite3 *db = new_db ();
  const char * const *tables = gk_schema_tables ();
  guint n = 0;

  for (; tables[n] != NULL; n++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[n]);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpuint (n, ==, 17);
  sqlite3_close (db);
}

typedef struct {
  const char *sql;
  gboolean    accepted;
} Case;

static void
test_constraints (void)
{
  static const Case cases[] = {
    { "INSERT INTO person (id, name) VALUES (1, 'Fatima el Amrani')", TRUE },
    { "INSERT INTO person (name) VALUES ('   ')", FALSE },
    { "INSERT INTO person (name, role) VALUES ('Jan', 'king')", FALSE },
    { "INSERT INTO programme (id, title) VALUES (1, 'Veranderopgave jeugdhulp')", TRUE },
    { "INSERT INTO programme (id, title) VALUES (2, 'Second programme')", FALSE },
    { "INSERT INTO topic (id, name) VALUES (1, 'Inkoop')", TRUE },
    { "INSERT INTO topic (name, target_date) VALUES ('Toegang', '2026-02-30')", FALSE },
    { "INSERT INTO topic (name, target_date) VALUES ('Toegang', '30-01-2026')", FALSE },
    { "INSERT INTO topic (name, target_level) VALUES ('Toegang', 'excellent')", FALSE },
    { "INSERT INTO assessment (topic_id, date, level, rationale) VALUES (1, '2026-10-01', 'serious', 'Geen zicht op kosten')", TRUE },
    { "INSERT INTO assessment (topic_id, date, level, rationale) VALUES (1, '2026-10-01', 'serious', '')", FALSE },
    { "INSERT INTO assessment (topic_id, date, level, rationale, confidence) VALUES (1, '2026-10-01', 'vigilant', 'x', 11)", FALSE },
    { "INSERT INTO assessment (topic_id, date, level, rationale) VALUES (99, '2026-10-01', 'vigilant', 'x')", FALSE },
    { "INSERT INTO focus_project (id, name, status) VALUES (1, 'POH-jeugd', 'draft')", TRUE },
    { "INSERT INTO focus_project (name, status) VALUES ('Zonder eigenaar', 'active')", FALSE },
    { "INSERT INTO focus_project (name, status, owner_id) VALUES ('Met eigenaar', 'active', 1)", TRUE },
    { "INSERT INTO focus_project (name, start_date, end_date) VALUES ('Omgekeerd', '2026-05-01', '2026-01-01')", FALSE },
    { "INSERT INTO measure (id, project_id, title, progress) VALUES (1, 1, 'POH-jeugd bij huisarts', 40)", TRUE },
    { "INSERT INTO measure (project_id, title, progress) VALUES (1, 'Te ver', 101)", FALSE },
    { "INSERT INTO measure (id, project_id, title) VALUES (2, 1, 'Jeugdhulp op school')", TRUE },
    { "INSERT INTO measure_link (from_measure_id, to_measure_id, kind) VALUES (1, 2, 'reinforces')", TRUE },
    { "INSERT INTO measure_link (from_measure_id, to_measure_id, kind) VALUES (1, 1, 'reinforces')", FALSE },
    { "INSERT INTO measure_target (measure_id, topic_id, target_level) VALUES (1, 1, 'vigilant')", TRUE },
    { "INSERT INTO measure_target (measure_id, topic_id, target_level) VALUES (1, 1, 'in-control')", FALSE },
    { "INSERT INTO indicator (name, direction, signal_serious, signal_control) VALUES ('Wachttijd', 'lower', 12, 6)", TRUE },
    { "INSERT INTO indicator (name, direction, signal_serious, signal_control) VALUES ('Wachttijd', 'lower', 6, 12)", FALSE },
    { "INSERT INTO indicator (name, direction, signal_serious, signal_control) VALUES ('Aandeel', 'higher', 50, 75)", TRUE },
    { "INSERT INTO indicator (name, direction, signal_serious, signal_control) VALUES ('Aandeel', 'higher', 75, 50)", FALSE },
    { "INSERT INTO measurement (indicator_id, period_date, value) VALUES (1, '2026-09-01', 10.5)", TRUE },
    { "INSERT INTO measurement (indicator_id, period_date, value) VALUES (1, '2026-09-01', 11)", FALSE },
    { "INSERT INTO journal_entry (date, kind, text) VALUES ('2026-10-02', 'decision', 'Besluit')", TRUE },
    { "INSERT INTO journal_entry (date, kind, text, topic_id, project_id) VALUES ('2026-10-02', 'risk', 'Twee', 1, 1)", FALSE },
  };
  sqlite3 *db = new_db ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int rc = sqlite3_exec (db, cases[i].sql, NULL, NULL, NULL);

      if (cases[i].accepted != (rc == SQLITE_OK))
        g_error ("case %u (%s): expected %s, got %s", i, cases[i].sql,
                 cases[i].accepted ? "accepted" : "refused", sqlite3_errmsg (db));
    }
  sqlite3_close (db);
}

/* The DDL of this schema version as it was first written (by hand, for
 * version 1): files of this version out there have exactly this schema. */
static char *
frozen_sql_of (int version)
{
  g_autofree char *name = g_strdup_printf ("schema-v%d.sql", version);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", name, NULL);
  g_autoptr(GError) error = NULL;
  char *sql = NULL;

  g_assert_true (g_file_get_contents (path, &sql, NULL, &error));
  g_assert_no_error (error);
  return sql;
}

static char *
frozen_sql (void)
{
  return frozen_sql_of (GK_SCHEMA_VERSION);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The statements of a DDL text, sorted. */
static GPtrArray *
statements (const char *sql)
{
  g_auto(GStrv) parts = g_strsplit (sql, ";\n", -1);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (list, g_strdup (parts[i]));
  g_ptr_array_sort (list, compare_strings);
  return list;
}

/* Every row of sqlite_schema but the page numbers, sorted. */
static GPtrArray *
schema_rows (sqlite3 *db)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                           " ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%s|%s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                                            sqlite3_column_text (stmt, 3)));
  sqlite3_finalize (stmt);
  return rows;
}

static void
assert_same_strings (GPtrArray *expected,
                     GPtrArray *actual)
{
  for (guint i = 0; i < MIN (expected->len, actual->len); i++)
    g_assert_cmpstr (actual->pdata[i], ==, expected->pdata[i]);
  g_assert_cmpuint (actual->len, ==, expected->len);
}

/* The DDL written from the descriptions of gk-tables.h is, statement by
 * statement, the frozen DDL of its version, and makes the same schema: files
 * made by earlier builds keep passing the exact schema comparison. */
static void
test_same_as_frozen (void)
{
  g_autofree char *old_sql = frozen_sql ();
  g_autoptr(GPtrArray) old_statements = statements (old_sql);
  g_autoptr(GPtrArray) new_statements = statements (gk_schema_sql ());
  g_autoptr(GPtrArray) old_rows = NULL;
  g_autoptr(GPtrArray) new_rows = NULL;
  sqlite3 *old_db = NULL;
  sqlite3 *made_db = new_db ();

  assert_same_strings (old_statements, new_statements);
  g_assert_cmpuint (new_statements->len, ==, 17 + 15);

  g_assert_cmpint (sqlite3_open (":memory:", &old_db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (old_db, old_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  old_rows = schema_rows (old_db);
  new_rows = schema_rows (made_db);
  assert_same_strings (old_rows, new_rows);

  sqlite3_close (old_db);
  sqlite3_close (made_db);
}

/* A row of schema_rows() without its white space: a column that ALTER
 * TABLE added is written into the CREATE TABLE text with other spacing
 * (opening compares the same way, see gk-project-check.c). */
static GPtrArray *
schema_rows_without_spaces (sqlite3 *db)
{
  g_autoptr(GPtrArray) rows = schema_rows (db);
  GPtrArray *bare = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      GString *row = g_string_new (NULL);

      for (const char *p = rows->pdata[i]; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (row, *p);
      g_ptr_array_add (bare, g_string_free (row, FALSE));
    }
  return bare;
}

/* A file of version 2 (tests/core/schema-v2.sql) migrates to exactly the
 * schema of version 3; its change log rows keep their summaries and have
 * no values (''), and new rows can hold them. */
static void
test_migration_from_2 (void)
{
  g_autofree char *v2_sql = frozen_sql_of (2);
  g_autoptr(GPtrArray) migrated_rows = NULL;
  g_autoptr(GPtrArray) made_rows = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *made_db = new_db ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (GK_SCHEMA_VERSION, ==, 3);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v2_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 2;"
                                     "INSERT INTO change_log (id, changed_at, changed_by, table_name, row_id,"
                                     " action, summary) VALUES (1, '2026-03-01T10:00:00Z', 'Bram', 'measure',"
                                     " 7, 'update', 'Edit measure (status)');", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (gk_migrations_run (db, 2, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, 3);

  migrated_rows = schema_rows_without_spaces (db);
  made_rows = schema_rows_without_spaces (made_db);
  assert_same_strings (made_rows, migrated_rows);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT summary, changes FROM change_log WHERE id = 1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Edit measure (status)");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO change_log (id, changed_at, table_name, row_id, action, changes)"
                                     " VALUES (2, '2026-03-02T10:00:00Z', 'measure', 7, 'update',"
                                     " '{\"progress\": [10, 20]}')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (pragma_int (db, "SELECT json_extract(changes, '$.progress[1]') FROM change_log WHERE id = 2"),
                   ==, 20);

  sqlite3_close (db);
  sqlite3_close (made_db);
}

/* The table list of gk_schema_tables() is that of the descriptions, parents
 * before the tables that refer to them. */
static void
test_tables_in_reference_order (void)
{
  sqlite3 *db = new_db ();
  const char * const *tables = gk_schema_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT \"table\" FROM pragma_foreign_key_list('%s')",
                                              tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *parent = (const char *) sqlite3_column_text (stmt, 0);
          gboolean before = FALSE;

          for (guint j = 0; j < i; j++)
            before |= g_str_equal (tables[j], parent);
          if (!before)
            g_error ("%s refers to %s, which comes later", tables[i], parent);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

static void
test_cascade_delete (void)
{
  sqlite3 *db = new_db ();

  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO topic (id, name) VALUES (1, 'Inkoop');"
    "INSERT INTO focus_project (id, name) VALUES (1, 'P');"
    "INSERT INTO measure (id, project_id, title) VALUES (1, 1, 'M1'), (2, 1, 'M2');"
    "INSERT INTO measure_target (measure_id, topic_id, target_level) VALUES (1, 1, 'vigilant');"
    "INSERT INTO measure_link (from_measure_id, to_measure_id, kind) VALUES (1, 2, 'depends-on');"
    "DELETE FROM focus_project WHERE id = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM measure_target"), ==, 0);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM measure_link"), ==, 0);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM topic"), ==, 1);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/stamps", test_stamps);
  g_test_add_func ("/schema/tables", test_every_table_exists);
  g_test_add_func ("/schema/constraints", test_constraints);
  g_test_add_func ("/schema/cascade", test_cascade_delete);
  g_test_add_func ("/schema/same-as-frozen", test_same_as_frozen);
  g_test_add_func ("/schema/migration-from-2", test_migration_from_2);
  g_test_add_func ("/schema/reference-order", test_tables_in_reference_order);

  return g_test_run ();
}
