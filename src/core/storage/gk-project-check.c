/* gk-project-check.c: the hardened connection and the checks of a file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file in a shared folder is untrusted: anyone can put any file there.
 * Its header is checked by hand before SQLite parses anything, the
 * connection is hardened, and the schema must be exactly ours. Each check
 * opens its own connection, so it may run in a worker thread.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-migrations.h"
#include "gk-project-file-parts.h"
#include "gk-schema.h"
#include "gk-tables.h"

#define SQLITE_HEADER_SIZE   100
#define BUSY_TIMEOUT_MS      200
/* No text in a programme comes near this; a crafted file asking for more
 * is refused instead of exhausting memory. */
#define MAX_VALUE_LENGTH     (64 * 1024 * 1024)

/* --- the hardened connection ----------------------------------------------- */

sqlite3 *
gk_storage_open_hardened (const char  *path,
                          gboolean     read_only,
                          const char  *display,
                          GError     **error)
{
  static const struct { int option; int value; } options[] = {
    { SQLITE_DBCONFIG_DEFENSIVE, 1 },
    { SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0 },
    { SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0 },
    { SQLITE_DBCONFIG_ENABLE_TRIGGER, 0 },   /* our schema has none */
    { SQLITE_DBCONFIG_ENABLE_VIEW, 0 },      /* nor views */
    { SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0 },
    { SQLITE_DBCONFIG_DQS_DML, 0 },
    { SQLITE_DBCONFIG_DQS_DDL, 0 },
    { SQLITE_DBCONFIG_ENABLE_FKEY, 1 },
  };
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  sqlite3 *db = NULL;
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_PRIVATECACHE, NULL);
  if (rc != SQLITE_OK)
    {
      if (!read_only || g_file_test (path, G_FILE_TEST_EXISTS))
        gk_storage_error_failed_opening (error, display, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      else
        gk_storage_error_opening_errno (error, ENOENT, display);
      sqlite3_close (db);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      int now = -1;

      if (sqlite3_db_config (db, options[i].option, options[i].value, &now) != SQLITE_OK ||
          now != options[i].value)
        {
          gk_storage_error_failed_opening (error, display, "sqlite3_db_config");
          sqlite3_close (db);
          return NULL;
        }
    }

  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_VALUE_LENGTH);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  rc = sqlite3_exec (db,
                     "PRAGMA trusted_schema = OFF;"
                     "PRAGMA cell_size_check = ON;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA mmap_size = 0;",
                     NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      sqlite3_free (errmsg);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

sqlite3 *
gk_storage_open_image_copy (const unsigned char  *image,
                            gsize                 size,
                            const char           *display,
                            GError              **error)
{
  sqlite3 *db = gk_storage_open_hardened (":memory:", FALSE, display, error);
  unsigned char *copy;
  int rc;

  if (db == NULL)
    return NULL;
  copy = sqlite3_malloc64 (size);
  if (copy != NULL)
    memcpy (copy, image, size);
  rc = copy != NULL ? sqlite3_deserialize (db, "main", copy, size, size,
                                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
                    : SQLITE_NOMEM;
  if (rc != SQLITE_OK)
    {
      gk_storage_error_failed_opening (error, display, sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

sqlite3 *
gk_db_open_hardened (const char  *path,
                     gboolean     read_only,
                     GError     **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  return gk_storage_open_hardened (path, read_only, display, error);
}

/* --- checking a file -------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The database header (https://www.sqlite.org/fileformat.html), checked
 * before SQLite sees the file. */
gboolean
gk_storage_check_header (const char    *path,
                         const char    *display,
                         GkHeaderInfo  *info,
                         GError       **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[SQLITE_HEADER_SIZE];
  struct stat st;
  guint32 page_size;
  guint32 header_pages;
  gssize n;
  int fd;

  /* A FIFO, device or folder is refused before a single byte is read:
   * reading a FIFO waits for a writer forever. */
  fd = gk_storage_open_regular (path, display, &st, error);
  if (fd < 0)
    return FALSE;
  n = gk_storage_read_full (fd, header, sizeof header);
  if (n < 0)
    {
      gk_storage_error_opening_errno (error, errno, display);
      close (fd);
      return FALSE;
    }
  close (fd);

  if (n < SQLITE_HEADER_SIZE || memcmp (header, magic, sizeof magic) != 0)
    {
      gk_storage_error_not_project (error, display);
      return FALSE;
    }

  if (read_be32 (header + 68) != GK_APPLICATION_ID)
    {
      gk_storage_error_not_project (error, display);
      return FALSE;
    }

  info->schema_version = (gint32) read_be32 (header + 60);

  page_size = (guint32) header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  header_pages = read_be32 (header + 28);

  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0 ||
      header[18] < 1 || header[18] > 2 || header[19] < 1 || header[19] > 2 ||
      header[21] != 64 || header[22] != 32 || header[23] != 32 ||
      st.st_size % page_size != 0)
    {
      gk_storage_error_damaged (error, display);
      return FALSE;
    }

  /* The page count in the header is valid when the change counter matches
   * "version-valid-for"; a shorter file is a truncated one. */
  if (read_be32 (header + 24) == read_be32 (header + 92) && header_pages != 0 &&
      (guint64) header_pages * page_size > (guint64) st.st_size)
    {
      gk_storage_error_damaged (error, display);
      return FALSE;
    }

  info->page_size = page_size;
  return TRUE;
}

static gboolean
quick_check (sqlite3     *db,
             const char  *display,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (ok)
    rc = sqlite3_step (stmt);
  ok = ok && rc == SQLITE_DONE;

  if (!ok)
    {
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        gk_storage_error_damaged (error, display);
      else
        gk_storage_error_checking_sqlite (error, rc, db, display);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* The text of a CREATE statement with insignificant differences removed:
 * runs of white space, white space next to brackets and commas, and the
 * case of everything outside quotes. */
static char *
normalize_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  char quote = 0;
  gboolean pending_space = FALSE;

  for (const char *p = sql; *p != '\0'; p++)
    {
      char c = *p;

      if (quote != 0)
        {
          g_string_append_c (out, c);
          if (c == quote)
            quote = 0;
          continue;
        }

      if (g_ascii_isspace (c))
        {
          pending_space = TRUE;
          continue;
        }

      if (pending_space && out->len > 0 &&
          strchr ("(,", out->str[out->len - 1]) == NULL && strchr ("),", c) == NULL)
        g_string_append_c (out, ' ');
      pending_space = FALSE;

      if (c == '\'' || c == '"' || c == '`' || c == '[')
        {
          quote = c == '[' ? ']' : c;
          g_string_append_c (out, c);
        }
      else
        g_string_append_c (out, g_ascii_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/* Objects SQLite makes by itself, which may appear in any file. */
static gboolean
is_internal_object (const char *type,
                    const char *name,
                    const char *sql)
{
  if (g_strcmp0 (type, "table") == 0)
    return g_strcmp0 (name, "sqlite_sequence") == 0 || g_str_has_prefix (name, "sqlite_stat");
  if (g_strcmp0 (type, "index") == 0)
    return sql == NULL && g_str_has_prefix (name, "sqlite_autoindex_");
  return FALSE;
}

/* The schema of db as a set of "type name tbl_name sql" strings. */
static GHashTable *
read_schema (sqlite3     *db,
             const char  *display,
             GError     **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *normal = NULL;

      if (is_internal_object (type, name, sql))
        continue;

      normal = normalize_sql (sql != NULL ? sql : "");
      g_hash_table_add (entries, g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s",
                                                  type != NULL ? type : "",
                                                  name != NULL ? name : "",
                                                  table != NULL ? table : "",
                                                  normal));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static GHashTable *
make_expected_schema (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GHashTable *entries = NULL;
  sqlite3 *db = NULL;

  if (sqlite3_open (":memory:", &db) == SQLITE_OK &&
      gk_schema_create (db, &local_error))
    entries = read_schema (db, "schema", &local_error);
  sqlite3_close (db);

  if (entries == NULL)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s",
                 local_error != NULL ? local_error->message : "out of memory");
  return entries;
}

/* Made once per process (a region checks hundreds of files, each in a
 * worker thread: making the schema was an eighth of reading one), then
 * only read, which any thread may do. A new reference. */
static GHashTable *
expected_schema (GError **error)
{
  static GMutex lock;
  static GHashTable *made;
  GHashTable *entries;

  g_mutex_lock (&lock);
  if (made == NULL)
    made = make_expected_schema (error);
  entries = made != NULL ? g_hash_table_ref (made) : NULL;
  g_mutex_unlock (&lock);
  return entries;
}

/* The schema must be exactly the one gk-schema.c makes: any trigger, view,
 * table, index or changed definition that we did not make is refused. */
gboolean
gk_storage_check_schema_is_ours (sqlite3     *db,
                                 const char  *display,
                                 GError     **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer entry;

  expected = expected_schema (error);
  if (expected == NULL)
    return FALSE;
  actual = read_schema (db, display, error);
  if (actual == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &entry, NULL))
    if (!g_hash_table_contains (expected, entry))
      {
        g_debug ("Unexpected schema object: %s", (const char *) entry);
        gk_storage_error_foreign_parts (error, display);
        return FALSE;
      }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &entry, NULL))
    if (!g_hash_table_contains (actual, entry))
      {
        g_debug ("Missing schema object: %s", (const char *) entry);
        gk_storage_error_damaged (error, display);
        return FALSE;
      }

  return TRUE;
}

/* For a schema of another version we cannot compare the text, but tables
 * and indexes are all a Gripkaart file ever holds. */
static gboolean
check_only_tables_and_indexes (sqlite3     *db,
                               const char  *display,
                               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT count(*) FROM sqlite_schema WHERE type NOT IN ('table', 'index')",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      gk_storage_error_foreign_parts (error, display);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* --- the rules of the rows ------------------------------------------------ */

/* SQLite holds a row to its CHECKs when it is written, not when it is read:
 * a read-only connection's quick_check skips them (3.40), and no check looks
 * at foreign keys. A file another program wrote may break them, and editing
 * such a row would then fail or silently rewrite fields nobody touched. So
 * every CHECK of the schema is evaluated here, one scan per table, and the
 * first offending row is named: the file is refused rather than opened
 * read-only, because every page of the app assumes valid values and
 * whoever made the file can put the named row right. */

static void
error_invalid_row (GError     **error,
                   const char  *display,
                   const char  *table,
                   gint64       row,
                   const char  *column,
                   const char  *rule)
{
  g_autofree char *row_text = g_strdup_printf ("%" G_GINT64_FORMAT, row);

  if (column != NULL)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED,
                 _("“%s” holds a value that a Gripkaart file may not hold "
                   "(table “%s”, row %s, field “%s”). For safety it is not opened; "
                   "the file was not changed."),
                 display, table, row_text, column);
  else
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED,
                 _("“%s” holds a row that breaks a rule of Gripkaart files "
                   "(table “%s”, row %s: %s). For safety it is not opened; "
                   "the file was not changed."),
                 display, table, row_text, rule);
}

/* "SELECT id, NOT (c1), NOT (c2) ... FROM t WHERE NOT (c1) OR NOT (c2) ...
 * LIMIT 1": a CHECK fails only when false, and NOT (NULL) is not true, so
 * this finds exactly the rows SQLite would refuse. */
static char *
table_check_query (const GkTable  *table,
                   GPtrArray      *rules,
                   GPtrArray      *columns)
{
  g_autoptr(GString) select = g_string_new ("SELECT id");
  g_autoptr(GString) where = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    {
      char *check = gk_schema_column_check (&table->columns[i]);

      if (check == NULL)
        continue;
      g_ptr_array_add (rules, check);
      g_ptr_array_add (columns, (gpointer) table->columns[i].name);
    }
  for (guint i = 0; table->checks[i] != NULL; i++)
    {
      g_ptr_array_add (rules, g_strdup (table->checks[i]));
      g_ptr_array_add (columns, NULL);
    }
  for (guint i = 0; i < rules->len; i++)
    {
      g_string_append_printf (select, ", NOT (%s)", (const char *) rules->pdata[i]);
      g_string_append_printf (where, "%sNOT (%s)", i > 0 ? " OR " : "",
                              (const char *) rules->pdata[i]);
    }
  /* Never true, but it reads every text: one longer than the connection's
   * limit fails here (SQLITE_TOOBIG), with a message about the file,
   * instead of later while loading, where it read as a failed write. */
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].kind == GK_COLUMN_TEXT)
      g_string_append_printf (where, "%slength (%s) < 0", where->len > 0 ? " OR " : "",
                              table->columns[i].name);
  if (where->len == 0)
    return NULL;
  return g_strdup_printf ("%s FROM %s WHERE %s LIMIT 1", select->str, table->name, where->str);
}

static gboolean
check_table_rules (sqlite3        *db,
                   const GkTable  *table,
                   const char     *display,
                   GError        **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autofree char *query = table_check_query (table, rules, columns);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (query == NULL)
    return TRUE;
  rc = sqlite3_prepare_v2 (db, query, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < rules->len; i++)
        if (sqlite3_column_int (stmt, (int) i + 1) != 0)
          {
            error_invalid_row (error, display, table->name, (gint64) sqlite3_column_int64 (stmt, 0),
                               columns->pdata[i], rules->pdata[i]);
            break;
          }
    }
  else if (rc != SQLITE_DONE)
    gk_storage_error_checking_sqlite (error, rc, db, display);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
check_foreign_keys (sqlite3     *db,
                    const char  *display,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gk_storage_error_checking_sqlite (error, rc, db, display);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));

      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED,
                   _("“%s” holds a row that refers to something that is not in the file "
                     "(table “%s”, row %s, which refers to table “%s”). For safety it is not "
                     "opened; the file was not changed."),
                   display, (const char *) sqlite3_column_text (stmt, 0), row,
                   (const char *) sqlite3_column_text (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    gk_storage_error_checking_sqlite (error, rc, db, display);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

gboolean
gk_storage_check_rows (sqlite3     *db,
                       const char  *display,
                       GError     **error)
{
  const GkTable * const *tables = gk_tables_get_all ();

  for (guint t = 0; tables[t] != NULL; t++)
    if (!check_table_rules (db, tables[t], display, error))
      return FALSE;
  return check_foreign_keys (db, display, error);
}

static gboolean
check_contents (const char  *path,
                const char  *display,
                int          schema_version,
                GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  db = gk_storage_open_hardened (path, TRUE, display, error);
  if (db == NULL)
    return FALSE;

  ok = quick_check (db, display, error);
  if (ok && schema_version == GK_SCHEMA_VERSION)
    ok = gk_storage_check_schema_is_ours (db, display, error) &&
         gk_storage_check_rows (db, display, error);
  else if (ok)
    ok = check_only_tables_and_indexes (db, display, error);

  sqlite3_close (db);
  return ok;
}

gboolean
gk_storage_check_file (const char  *path,
                       const char  *display,
                       int         *out_schema_version,
                       GError     **error)
{
  GkHeaderInfo info = { 0, 0 };

  if (!gk_storage_check_header (path, display, &info, error))
    return FALSE;
  if (out_schema_version != NULL)
    *out_schema_version = info.schema_version;

  if (info.schema_version < GK_SCHEMA_VERSION &&
      !gk_migrations_can_run (info.schema_version, GK_SCHEMA_VERSION))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” was made by a version of Gripkaart that this version cannot read."),
                   display);
      return FALSE;
    }

  if (!check_contents (path, display, info.schema_version, error))
    return FALSE;

  if (info.schema_version > GK_SCHEMA_VERSION)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Gripkaart. It is opened read-only."),
                   display);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_project_file_check (const char  *path,
                       int         *out_schema_version,
                       GError     **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_basename (path);
  /* SQLite would read a WAL or journal beside the file (and fail on a
   * foreign one): say what opening says. */
  if (!gk_storage_check_no_other_writer (path, display, error))
    return FALSE;
  return gk_storage_check_file (path, display, out_schema_version, error);
}

/* A non-empty journal or WAL beside the shared file means another program
 * is writing it in place (or crashed doing so): its main file may be half
 * written, or miss what the WAL holds. */
gboolean
gk_storage_check_no_other_writer (const char  *path,
                                  const char  *display,
                                  GError     **error)
{
  static const char * const suffixes[] = { "-journal", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      struct stat st;

      if (stat (name, &st) == 0 && st.st_size > 0)
        {
          gk_storage_error_being_changed (error, display);
          return FALSE;
        }
    }
  return TRUE;
}

