/* gk-schema.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DDL is written from the descriptions of gk-tables.h, following these
 * conventions:
 * - every table has "id INTEGER PRIMARY KEY" (the session extension needs a
 *   primary key to record and merge changes);
 * - every editable row has version, updated_at and updated_by;
 * - dates are ISO 8601 text (YYYY-MM-DD); "date(julianday(x)) IS x" rejects
 *   impossible dates: SQLite's date() alone accepts 2026-02-30 as written,
 *   while the round trip through a day number turns it into 2026-03-02;
 * - enumerations are stored as the stable keys of gk-enums.c;
 * - euro amounts are whole cents (INTEGER) so that sums are exact;
 * - text is never NULL: an empty text is '' (DEFAULT ''), and a required
 *   text may not be blank; a required date, reference or enumeration is
 *   NOT NULL (and has no DEFAULT: the writer must choose).
 * tests/core/schema-v1.sql is the schema of version 1 as it was first
 * written by hand, schema-v2.sql that of version 2 (gk-migrations.c says
 * what changed); test-schema.c checks that this file still writes the
 * newest.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "gk-schema.h"
#include "gk-tables.h"

/* An enumeration entry with the key "none" (GK_LEVEL_NONE) stands for "no
 * value": it is never stored, so the CHECK does not allow it. */
static void
append_enum_keys (GString        *sql,
                  const GkColumn *column)
{
  guint n = 0;
  const GkEnumEntry *entries = column->entries (&n);
  gboolean first = TRUE;

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (entries[i].key, "none"))
        continue;
      g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", entries[i].key);
      first = FALSE;
    }
}

static const char *
enum_key (const GkColumn *column,
          gint64          value)
{
  guint n = 0;
  const GkEnumEntry *entries = column->entries (&n);

  for (guint i = 0; i < n; i++)
    if (entries[i].value == value)
      return entries[i].key;
  g_return_val_if_reached ("");
}

/* "x BETWEEN min AND max" or "x >= min"; NULL when the column has no range
 * (min >= max). */
static char *
range_check (const GkColumn *column,
             gboolean        nullable)
{
  GString *check;

  if (column->min >= column->max)
    return NULL;
  check = g_string_new (NULL);
  if (nullable)
    g_string_append_printf (check, "%s IS NULL OR ", column->name);
  if (column->max == G_MAXINT64)
    g_string_append_printf (check, "%s >= %" G_GINT64_FORMAT, column->name, column->min);
  else
    g_string_append_printf (check, "%s BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
                            column->name, column->min, column->max);
  return g_string_free (check, FALSE);
}

char *
gk_schema_column_check (const GkColumn *column)
{
  const char *name = column->name;
  gboolean required = (column->flags & GK_COLUMN_FLAG_REQUIRED) != 0;
  gboolean nullable = (column->flags & GK_COLUMN_FLAG_NULLABLE) != 0;
  g_autoptr(GString) keys = NULL;

  switch (column->kind)
    {
    case GK_COLUMN_ID:
      if (column->flags & GK_COLUMN_FLAG_SINGLE_ROW)
        return g_strdup_printf ("%s = 1", name);
      return NULL;
    case GK_COLUMN_TEXT:
      return required ? g_strdup_printf ("length(trim(%s)) > 0", name) : NULL;
    case GK_COLUMN_DATE:
      return g_strdup_printf ("%s IS NULL OR date(julianday(%s)) IS %s", name, name, name);
    case GK_COLUMN_INT:
      return range_check (column, FALSE);
    case GK_COLUMN_MONEY:
      return range_check (column, nullable);
    case GK_COLUMN_ENUM:
      keys = g_string_new (NULL);
      append_enum_keys (keys, column);
      if (nullable)
        return g_strdup_printf ("%s IS NULL OR %s IN (%s)", name, name, keys->str);
      return g_strdup_printf ("%s IN (%s)", name, keys->str);
    case GK_COLUMN_DOMAINS:
    case GK_COLUMN_REF:
    case GK_COLUMN_REAL:
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

/* The definition of one column, as the conventions at the top of this file
 * say: its type, NOT NULL and DEFAULT, then its CHECK. */
static void
append_column (GString        *sql,
               const GkColumn *column)
{
  const char *name = column->name;
  gboolean required = (column->flags & GK_COLUMN_FLAG_REQUIRED) != 0;
  gboolean nullable = (column->flags & GK_COLUMN_FLAG_NULLABLE) != 0;
  gboolean no_default = (column->flags & GK_COLUMN_FLAG_NO_DEFAULT) != 0;
  g_autofree char *check = gk_schema_column_check (column);

  g_string_append_printf (sql, "  %s ", name);
  switch (column->kind)
    {
    case GK_COLUMN_ID:
      g_string_append (sql, "INTEGER PRIMARY KEY");
      break;
    case GK_COLUMN_TEXT:
      g_string_append (sql, "TEXT NOT NULL");
      if (!required && !no_default)
        g_string_append (sql, " DEFAULT ''");
      break;
    case GK_COLUMN_DATE:
      g_string_append (sql, required ? "TEXT NOT NULL" : "TEXT");
      break;
    case GK_COLUMN_DOMAINS:
      g_string_append (sql, "TEXT NOT NULL DEFAULT ''");
      break;
    case GK_COLUMN_REF:
      g_string_append_printf (sql, "INTEGER%s REFERENCES %s (id) ON DELETE %s",
                              required ? " NOT NULL" : "", column->ref_table,
                              (column->flags & GK_COLUMN_FLAG_CASCADE) ? "CASCADE" : "SET NULL");
      break;
    case GK_COLUMN_INT:
      g_string_append (sql, "INTEGER NOT NULL");
      if (column->file_default != NULL)
        g_string_append_printf (sql, " DEFAULT %s", column->file_default);
      else if (!no_default)
        g_string_append_printf (sql, " DEFAULT %" G_GINT64_FORMAT, column->default_value);
      break;
    case GK_COLUMN_ENUM:
      if (nullable)
        g_string_append (sql, "TEXT");
      else if (required)
        g_string_append (sql, "TEXT NOT NULL");
      else
        g_string_append_printf (sql, "TEXT NOT NULL DEFAULT '%s'",
                                enum_key (column, column->default_value));
      break;
    case GK_COLUMN_REAL:
      g_string_append (sql, nullable ? "REAL" : "REAL NOT NULL");
      break;
    case GK_COLUMN_MONEY:
      g_string_append (sql, nullable ? "INTEGER" : "INTEGER NOT NULL");
      break;
    default:
      g_assert_not_reached ();
    }
  if (check != NULL)
    g_string_append_printf (sql, " CHECK (%s)", check);
}

static void
append_table (GString       *sql,
              const GkTable *table)
{
  g_string_append_printf (sql, "CREATE TABLE %s (\n", table->name);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (i > 0)
        g_string_append (sql, ",\n");
      append_column (sql, &table->columns[i]);
    }
  for (guint i = 0; table->checks[i] != NULL; i++)
    g_string_append_printf (sql, ",\n  CHECK (%s)", table->checks[i]);
  if (*table->unique != '\0')
    g_string_append_printf (sql, ",\n  UNIQUE (%s)", table->unique);
  g_string_append (sql, "\n);\n");
}

char *
gk_schema_table_sql (const GkTable *table)
{
  GString *sql = g_string_new (NULL);

  append_table (sql, table);
  for (const GkIndex *index = table->indexes; index->name != NULL; index++)
    g_string_append_printf (sql, "CREATE INDEX %s ON %s (%s);\n",
                            index->name, table->name, index->columns);
  return g_string_free (sql, FALSE);
}

/* The tables first, then the indexes, in the order of the tables. */
static char *
build_schema_sql (void)
{
  const GkTable * const *tables = gk_tables_get_all ();
  GString *sql = g_string_new (NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    append_table (sql, tables[t]);
  for (guint t = 0; tables[t] != NULL; t++)
    for (const GkIndex *index = tables[t]->indexes; index->name != NULL; index++)
      g_string_append_printf (sql, "CREATE INDEX %s ON %s (%s);\n",
                              index->name, tables[t]->name, index->columns);
  return g_string_free (sql, FALSE);
}

const char *
gk_schema_sql (void)
{
  static char *schema_sql;

  if (g_once_init_enter (&schema_sql))
    g_once_init_leave (&schema_sql, build_schema_sql ());
  return schema_sql;
}

const char * const *
gk_schema_tables (void)
{
  static const char **names;

  if (g_once_init_enter (&names))
    {
      const GkTable * const *tables = gk_tables_get_all ();
      GPtrArray *list = g_ptr_array_new ();

      for (guint t = 0; tables[t] != NULL; t++)
        g_ptr_array_add (list, (gpointer) tables[t]->name);
      g_ptr_array_add (list, NULL);
      g_once_init_leave (&names, (const char **) g_ptr_array_free (list, FALSE));
    }
  return names;
}

gboolean
gk_schema_create (sqlite3  *db,
                  GError  **error)
{
  g_autofree char *stamp = NULL;
  char *errmsg = NULL;

  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           (int) GK_APPLICATION_ID, GK_SCHEMA_VERSION);

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, &errmsg) != SQLITE_OK ||
      sqlite3_exec (db, gk_schema_sql (), NULL, NULL, &errmsg) != SQLITE_OK ||
      sqlite3_exec (db, stamp, NULL, NULL, &errmsg) != SQLITE_OK ||
      sqlite3_exec (db, "COMMIT", NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not create the project file: %s"),
                   errmsg != NULL ? errmsg : sqlite3_errmsg (db));
      sqlite3_free (errmsg);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
