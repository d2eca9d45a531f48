/* gk-document-history.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history of the file: the session extension that records each change,
 * the stamps of rows changed other than by our own UPDATE, the change log,
 * and undo and redo, which apply the inverse of a recorded change.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-impl.h"
#include "gk-validation.h"

/* ---- sessions, stamps and the change log ----------------------------------- */

/* The time of an edit, for updated_at and the change log. */
char *
gk_document_now_utc (GkDocument *self)
{
  g_autoptr(GDateTime) utc = gk_clock_dup_now_utc (self->clock != NULL ? self->clock : gk_clock_get_default ());

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gint64
gk_document_new_row_id (GkDocument *self)
{
  return gk_table_new_row_id (&self->last_new_id);
}

static int
session_filter (void       *user_data,
                const char *table)
{
  /* The change log only grows: an undo must not take its rows back. */
  return strcmp (table, "change_log") != 0;
}

sqlite3_session *
gk_document_session_start (GkDocument  *self,
                           GError     **error)
{
  sqlite3_session *session = NULL;
  int rc = sqlite3session_create (self->db, "main", &session);

  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (session, session_filter, NULL);
      rc = sqlite3session_attach (session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&session, sqlite3session_delete);
      gk_validation_set_sqlite_error (error, self->db, rc);
    }
  return session;
}

GBytes *
gk_document_session_changes (GkDocument       *self,
                             sqlite3_session  *session,
                             GError          **error)
{
  int size = 0;
  void *data = NULL;
  int rc = sqlite3session_changeset (session, &size, &data);

  if (rc != SQLITE_OK)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return NULL;
    }
  if (data == NULL)
    return g_bytes_new (NULL, 0);
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

/* ---- the inserts of a group ------------------------------------------------
 *
 * The session extension records an insert in its preupdate hook and, when
 * asked for the changeset, reads every inserted row back by its id: 16,000
 * instructions a row, a quarter of an import's apply. An insert in a group
 * knows its row already (the live record is what the INSERT wrote), so the
 * group writes that part of its changeset itself, with the session off for
 * the INSERT, and merges the two at the end. Only for a table whose columns
 * in the file are those of its GkTable, in that order and with the storage
 * classes gk_record_bind_columns() binds; other tables (a file from a
 * newer or older schema) keep the session's way. */

typedef enum {
  AFFINITY_INTEGER,
  AFFINITY_TEXT,
  AFFINITY_REAL,
  AFFINITY_OTHER,
} Affinity;

/* SQLite's rules for a column's affinity from its declared type. */
static Affinity
affinity_of_declared (const char *declared)
{
  g_autofree char *type = g_ascii_strup (declared != NULL ? declared : "", -1);

  if (strstr (type, "INT") != NULL)
    return AFFINITY_INTEGER;
  if (strstr (type, "CHAR") != NULL || strstr (type, "CLOB") != NULL || strstr (type, "TEXT") != NULL)
    return AFFINITY_TEXT;
  if (strstr (type, "BLOB") != NULL || *type == '\0')
    return AFFINITY_OTHER;
  if (strstr (type, "REAL") != NULL || strstr (type, "FLOA") != NULL || strstr (type, "DOUB") != NULL)
    return AFFINITY_REAL;
  return AFFINITY_OTHER;
}

static Affinity
affinity_of_kind (GkColumnKind kind)
{
  switch (kind)
    {
    case GK_COLUMN_ID:
    case GK_COLUMN_INT:
    case GK_COLUMN_REF:
    case GK_COLUMN_MONEY:
      return AFFINITY_INTEGER;
    case GK_COLUMN_REAL:
      return AFFINITY_REAL;
    case GK_COLUMN_TEXT:
    case GK_COLUMN_DATE:
    case GK_COLUMN_ENUM:
    case GK_COLUMN_DOMAINS:
      return AFFINITY_TEXT;
    default:
      return AFFINITY_OTHER;
    }
}

static gboolean
table_layout_matches (GkDocument *self,
                      TableState *ts)
{
  sqlite3_stmt *stmt = NULL;
  guint i = 0;
  gboolean same = TRUE;

  if (sqlite3_prepare_v2 (self->db, "SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ts->table->name, -1, SQLITE_STATIC);
  while (same && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const GkColumn *col = i < ts->table->n_columns ? &ts->table->columns[i] : NULL;

      same = col != NULL &&
             g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), col->name) == 0 &&
             sqlite3_column_int (stmt, 2) == (i == 0 ? 1 : 0) &&
             affinity_of_kind (col->kind) != AFFINITY_OTHER &&
             affinity_of_declared ((const char *) sqlite3_column_text (stmt, 1)) == affinity_of_kind (col->kind);
      i++;
    }
  sqlite3_finalize (stmt);
  return same && i == ts->table->n_columns;
}

gboolean
gk_document_group_can_record_insert (GkDocument *self,
                                     TableState *ts)
{
  if (ts->changeset_layout == 0)
    ts->changeset_layout = table_layout_matches (self, ts) ? 1 : -1;
  return ts->changeset_layout > 0;
}

/* A table header: 'T', the number of columns, a byte per column (its place
 * in the primary key, 0 if none), the name and its nul. */
static void
append_table_header (GByteArray *out,
                     TableState *ts)
{
  guint8 byte = 'T';

  g_byte_array_append (out, &byte, 1);
  gk_changeset_append_varint (out, ts->table->n_columns);
  for (guint i = 0; i < ts->table->n_columns; i++)
    {
      byte = i == 0 ? 1 : 0;
      g_byte_array_append (out, &byte, 1);
    }
  g_byte_array_append (out, (const guint8 *) ts->table->name, strlen (ts->table->name) + 1);
}

void
gk_document_group_record_insert (GkDocument *self,
                                 TableState *ts,
                                 GkRecord   *live)
{
  /* The operation and its "indirect" flag (0: a change we made). */
  const guint8 op[2] = { SQLITE_INSERT, 0 };

  if (self->group_inserts == NULL)
    self->group_inserts = g_byte_array_sized_new (4096);
  if (self->group_inserts_table != ts)
    {
      append_table_header (self->group_inserts, ts);
      self->group_inserts_table = ts;
    }
  g_byte_array_append (self->group_inserts, op, 2);
  gk_record_append_changeset_values (live, self->group_inserts);
}

void
gk_document_group_inserts_clear (GkDocument *self)
{
  if (self->group_inserts != NULL)
    g_byte_array_set_size (self->group_inserts, 0);
  self->group_inserts_table = NULL;
}

/* The changeset of the open group: its session's, with the inserts it
 * recorded itself. The inserts go first: a row inserted and then changed
 * in the group is, merged, the insert of the changed row. */
GBytes *
gk_document_group_changes (GkDocument  *self,
                           GError     **error)
{
  g_autoptr(GBytes) changes = gk_document_session_changes (self, self->group_session, error);
  sqlite3_changegroup *group = NULL;
  void *data = NULL;
  int size = 0;
  int rc;

  if (changes == NULL || self->group_inserts == NULL || self->group_inserts->len == 0)
    return g_steal_pointer (&changes);
  if (g_bytes_get_size (changes) == 0)
    return g_bytes_new (self->group_inserts->data, self->group_inserts->len);

  rc = sqlite3changegroup_new (&group);
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_add (group, (int) self->group_inserts->len, self->group_inserts->data);
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_add (group, (int) g_bytes_get_size (changes),
                                 (void *) g_bytes_get_data (changes, NULL));
  if (rc == SQLITE_OK)
    rc = sqlite3changegroup_output (group, &size, &data);
  if (group != NULL)
    sqlite3changegroup_delete (group);
  if (rc != SQLITE_OK)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return NULL;
    }
  if (data == NULL)
    return g_bytes_new (NULL, 0);
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}


static gboolean
stamp_row (GkDocument     *self,
           TableState     *ts,
           gint64          id,
           sqlite3_value  *version,
           const char     *now,
           GError        **error)
{
  int rc;

  if (!gk_document_ensure_statements (self, ts, error))
    return FALSE;
  if (version != NULL)
    sqlite3_bind_int64 (ts->stamp, 1, sqlite3_value_int64 (version) + 1);
  sqlite3_bind_text (ts->stamp, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (ts->stamp, 3, self->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (ts->stamp, 4, id);
  rc = gk_document_step_done (ts->stamp);
  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

/* Gives rows changed other than by our own UPDATE a new version, updated_at
 * and updated_by. Returns the number of rows stamped, or -1 on error. */
int
gk_document_stamp_changes (GkDocument  *self,
                           GBytes      *changeset,
                           StampMode    mode,
                           const char  *now,
                           GError     **error)
{
  sqlite3_changeset_iter *iter = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  int n = 0;

  if (size == 0)
    return 0;
  if (sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    {
      gk_validation_set_sqlite_error (error, self->db, SQLITE_CORRUPT);
      return -1;
    }

  while (n >= 0 && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns, op, indirect;
      sqlite3_value *pk = NULL, *old_version = NULL, *new_version = NULL;
      TableState *ts;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      ts = g_hash_table_lookup (self->tables_by_name, table);
      if (ts == NULL || op == SQLITE_DELETE)
        continue;

      if (op == SQLITE_UPDATE)
        {
          sqlite3changeset_old (iter, 0, &pk);
          sqlite3changeset_old (iter, ts->version_column, &old_version);
          sqlite3changeset_new (iter, ts->version_column, &new_version);
          /* Our own UPDATEs always set the version; a cascade never does. */
          if (mode == STAMP_CASCADED && new_version != NULL)
            continue;
        }
      else
        {
          if (mode == STAMP_CASCADED)
            continue;
          sqlite3changeset_new (iter, 0, &pk);
        }

      /* Undoing an update restores an older version number: the row gets
       * one more than the version it had before, so versions only grow. */
      if (!stamp_row (self, ts, sqlite3_value_int64 (pk),
                      mode == STAMP_APPLIED ? old_version : NULL, now, error))
        n = -1;
      else
        n++;
    }
  sqlite3changeset_finalize (iter);
  return n;
}

static void
append_changed_columns (GString                *summary,
                        TableState             *ts,
                        sqlite3_changeset_iter *iter)
{
  gboolean first = TRUE;

  for (guint i = 1; i < ts->table->n_columns; i++)
    {
      sqlite3_value *value = NULL;

      if (ts->table->columns[i].flags & GK_COLUMN_FLAG_SYSTEM)
        continue;
      if (sqlite3changeset_new (iter, i, &value) != SQLITE_OK || value == NULL)
        continue;
      g_string_append (summary, first ? " (" : ", ");
      g_string_append (summary, ts->table->columns[i].name);
      first = FALSE;
    }
  if (!first)
    g_string_append_c (summary, ')');
}

/* ---- the values of a change, as JSON --------------------------------------- *
 *
 * change_log.changes holds {"column": [old, new], ...} (schema 3): the
 * history shows old -> new from it and rolls a field back to a past moment
 * (gk-history.c reads it with SQLite's JSON functions). Written here by hand:
 * a JSON library is no dependency, and the values are only numbers, texts
 * and nulls. */

static void
append_json_value (GString       *json,
                   sqlite3_value *value)
{
  switch (value != NULL ? sqlite3_value_type (value) : SQLITE_NULL)
    {
    case SQLITE_INTEGER:
      g_string_append_printf (json, "%" G_GINT64_FORMAT, (gint64) sqlite3_value_int64 (value));
      break;
    case SQLITE_FLOAT:
      gk_json_append_real (json, sqlite3_value_double (value));
      break;
    case SQLITE_TEXT:
      gk_json_append_string (json, (const char *) sqlite3_value_text (value));
      break;
    default:
      g_string_append (json, "null");
      break;
    }
}

static void
append_json_change (GString       *json,
                    const char    *column,
                    sqlite3_value *old_value,
                    sqlite3_value *new_value)
{
  g_string_append (json, json->len > 1 ? ", " : "");
  gk_json_append_string (json, column);
  g_string_append (json, ": [");
  append_json_value (json, old_value);
  g_string_append (json, ", ");
  append_json_value (json, new_value);
  g_string_append_c (json, ']');
}

static gboolean
is_logged_column (const GkColumn *column)
{
  return column->kind != GK_COLUMN_ID && (column->flags & GK_COLUMN_FLAG_SYSTEM) == 0;
}

static gboolean
is_null (sqlite3_value *value)
{
  return value == NULL || sqlite3_value_type (value) == SQLITE_NULL;
}

/* The values of the change at @iter: the columns an update changed, the
 * columns of an inserted or deleted row that hold a value. */
static void
changes_json (GString                *json,
              TableState             *ts,
              sqlite3_changeset_iter *iter,
              int                     op)
{
  g_string_assign (json, "{");
  for (guint i = 0; i < ts->table->n_columns; i++)
    {
      sqlite3_value *old_value = NULL, *new_value = NULL;

      if (!is_logged_column (&ts->table->columns[i]))
        continue;
      if (op != SQLITE_INSERT)
        sqlite3changeset_old (iter, i, &old_value);
      if (op != SQLITE_DELETE)
        sqlite3changeset_new (iter, i, &new_value);
      /* An update records new values only for the columns it changed. */
      if (op == SQLITE_UPDATE ? new_value == NULL : is_null (op == SQLITE_INSERT ? new_value : old_value))
        continue;
      append_json_change (json, ts->table->columns[i].name, old_value, new_value);
    }
  g_string_append_c (json, '}');
}

/* The values of a row just inserted, read back from the file: what
 * changes_json() makes of the insert in a changeset. */
static gboolean
inserted_row_json (GkDocument  *self,
                   TableState  *ts,
                   gint64       row_id,
                   GString     *json,
                   GError     **error)
{
  int rc;

  if (!gk_document_ensure_statements (self, ts, error))
    return FALSE;
  sqlite3_bind_int64 (ts->select_one, 1, row_id);
  rc = sqlite3_step (ts->select_one);
  if (rc == SQLITE_ROW)
    {
      g_string_assign (json, "{");
      for (guint i = 0; i < ts->table->n_columns; i++)
        {
          sqlite3_value *value = sqlite3_column_value (ts->select_one, (int) i);

          if (is_logged_column (&ts->table->columns[i]) && !is_null (value))
            append_json_change (json, ts->table->columns[i].name, NULL, value);
        }
      g_string_append_c (json, '}');
    }
  sqlite3_reset (ts->select_one);
  if (rc != SQLITE_ROW)
    {
      gk_validation_set_sqlite_error (error, self->db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_log_insert (GkDocument  *self,
                   GError     **error)
{
  if (self->log_insert != NULL)
    return TRUE;
  self->log_insert = gk_document_prepare (self, "INSERT INTO change_log (changed_at, changed_by, table_name, "
                                          "row_id, action, summary, changes, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                          error);
  return self->log_insert != NULL;
}

static int
log_row (GkDocument *self,
         const char *table,
         gint64      row_id,
         const char *action,
         const char *summary,
         const char *changes,
         const char *now)
{
  sqlite3_bind_text (self->log_insert, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->log_insert, 2, self->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->log_insert, 3, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (self->log_insert, 4, row_id);
  sqlite3_bind_text (self->log_insert, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->log_insert, 6, summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (self->log_insert, 7, changes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (self->log_insert, 8, gk_document_new_row_id (self));
  return gk_document_step_done (self->log_insert);
}

/* ---- the change log, written in batches ------------------------------------ *
 *
 * The change log's CHECK on action is an IN list, which SQLite builds into a
 * temporary b-tree once per run of a statement: one INSERT per row spent most
 * of its time building it. So rows are queued and written LOG_BATCH rows per
 * statement, in the transaction of the edit that queued them (an edit on its
 * own flushes before it commits; a group of edits before it ends).
 *
 * Even so, SQLite builds that b-tree again for every row of a statement
 * (the CHECK is coded inside the insert loop): 10,000 instructions a row,
 * an eighth of an import. A flush of at least LOG_BATCH rows therefore
 * writes them with the CHECK constraints off: the actions are this file's
 * own literals ("insert", "update", "delete"), so the CHECK cannot fail
 * for them. Switching the pragma makes SQLite prepare its statements
 * again, so a group queues up to LOG_QUEUE rows before it flushes. */

#define LOG_BATCH 64
#define LOG_QUEUE (LOG_BATCH * 256)

typedef struct {
  const char *table;    /* the table's name, static */
  gint64      row_id;
  const char *action;   /* static */
  const char *summary;  /* in self->log_summaries */
  const char *changes;  /* JSON, in self->log_summaries */
} PendingLogRow;

static gboolean
ensure_log_insert_many (GkDocument  *self,
                        GError     **error)
{
  g_autoptr(GString) sql = NULL;

  if (self->log_insert_many != NULL)
    return TRUE;
  sql = g_string_new ("INSERT INTO change_log (changed_at, changed_by, table_name, row_id, action, summary, "
                      "changes, id) VALUES ");
  for (guint i = 0; i < LOG_BATCH; i++)
    g_string_append_printf (sql, "%s(?1, ?2, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u)", i > 0 ? ", " : "",
                            3 + 6 * i, 4 + 6 * i, 5 + 6 * i, 6 + 6 * i, 7 + 6 * i, 8 + 6 * i);
  self->log_insert_many = gk_document_prepare (self, sql->str, error);
  return self->log_insert_many != NULL;
}

/* Writes LOG_BATCH queued rows from @first in one statement. */
static int
log_batch (GkDocument          *self,
           const PendingLogRow *first,
           const char          *now)
{
  sqlite3_stmt *stmt = self->log_insert_many;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->user_name, -1, SQLITE_STATIC);
  for (guint i = 0; i < LOG_BATCH; i++)
    {
      sqlite3_bind_text (stmt, 3 + 6 * i, first[i].table, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4 + 6 * i, first[i].row_id);
      sqlite3_bind_text (stmt, 5 + 6 * i, first[i].action, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6 + 6 * i, first[i].summary, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7 + 6 * i, first[i].changes, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8 + 6 * i, gk_document_new_row_id (self));
    }
  return gk_document_step_done (stmt);
}

/* See the comment on LOG_BATCH. */
static int
set_check_constraints (GkDocument *self,
                       gboolean    on)
{
  return sqlite3_exec (self->db, on ? "PRAGMA ignore_check_constraints = OFF"
                                    : "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
}

static void
log_clear (GkDocument *self)
{
  if (self->log_pending != NULL)
    g_array_set_size (self->log_pending, 0);
  if (self->log_summaries != NULL)
    g_string_chunk_clear (self->log_summaries);
}

/* Drops the queued rows unwritten: after an error, or with a group rolled
 * back. Inside a group, rows that were written without their log can only
 * be rolled back, so the group ends in an error (see gk_document_end_group()). */
void
gk_document_log_discard (GkDocument *self)
{
  if (self->log_pending != NULL && self->log_pending->len > 0 && self->group_depth > 0)
    self->group_log_failed = TRUE;
  log_clear (self);
}

gboolean
gk_document_log_flush (GkDocument  *self,
                       const char  *now,
                       GError     **error)
{
  PendingLogRow *rows;
  guint n, i = 0;
  int rc = SQLITE_DONE;

  if (self->log_pending == NULL || self->log_pending->len == 0)
    return TRUE;
  rows = (PendingLogRow *) (gpointer) self->log_pending->data;
  n = self->log_pending->len;
  if (!ensure_log_insert (self, error) || (n >= LOG_BATCH && !ensure_log_insert_many (self, error)))
    {
      gk_document_log_discard (self);
      return FALSE;
    }
  if (n >= LOG_BATCH && (rc = set_check_constraints (self, FALSE)) == SQLITE_OK)
    rc = SQLITE_DONE;
  for (; rc == SQLITE_DONE && i + LOG_BATCH <= n; i += LOG_BATCH)
    rc = log_batch (self, &rows[i], now);
  for (; rc == SQLITE_DONE && i < n; i++)
    rc = log_row (self, rows[i].table, rows[i].row_id, rows[i].action, rows[i].summary, rows[i].changes, now);
  if (n >= LOG_BATCH)
    {
      /* Always back on, whatever happened to the rows. */
      int rc_on = set_check_constraints (self, TRUE);

      if (rc == SQLITE_DONE && rc_on != SQLITE_OK)
        rc = rc_on;
    }
  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      gk_document_log_discard (self);
      return FALSE;
    }
  log_clear (self);
  return TRUE;
}

/* Queues one change log row; written by gk_document_log_flush(), or here
 * when a batch is full. */
static gboolean
log_queue (GkDocument  *self,
           TableState  *ts,
           gint64       row_id,
           const char  *action,
           const char  *summary,
           const char  *changes,
           const char  *now,
           GError     **error)
{
  PendingLogRow row = { ts->table->name, row_id, action, NULL, NULL };

  if (self->log_pending == NULL)
    {
      self->log_pending = g_array_sized_new (FALSE, FALSE, sizeof (PendingLogRow), LOG_BATCH * 16);
      self->log_summaries = g_string_chunk_new (4096);
    }
  /* An import logs the same few summaries thousands of times: kept once. */
  row.summary = g_string_chunk_insert_const (self->log_summaries, summary);
  row.changes = changes != NULL ? g_string_chunk_insert (self->log_summaries, changes) : NULL;
  g_array_append_val (self->log_pending, row);
  if (self->log_pending->len < LOG_QUEUE)
    return TRUE;
  return gk_document_log_flush (self, now, error);
}

/* The change log row of one inserted row: what gk_document_write_change_log()
 * writes for a changeset that holds just that insert. Queued: the caller
 * flushes before its transaction ends. */
gboolean
gk_document_log_insert (GkDocument  *self,
                        TableState  *ts,
                        gint64       row_id,
                        const char  *summary,
                        const char  *now,
                        GError     **error)
{
  g_autoptr(GString) json = g_string_new (NULL);

  if (!inserted_row_json (self, ts, row_id, json, error))
    return FALSE;
  return log_queue (self, ts, row_id, "insert", summary, json->str, now, error);
}

gboolean
gk_document_log_inserted_record (GkDocument  *self,
                                 TableState  *ts,
                                 GkRecord    *live,
                                 const char  *summary,
                                 const char  *now,
                                 GError     **error)
{
  g_autoptr(GString) json = g_string_new (NULL);

  /* The live record is what the INSERT wrote: no need to read it back. */
  gk_record_append_json_values (live, json);
  return log_queue (self, ts, gk_record_get_id (live), "insert", summary, json->str, now, error);
}

gboolean
gk_document_write_change_log (GkDocument  *self,
                              GBytes      *changeset,
                              const char  *summary,
                              const char  *now,
                              GError     **error)
{
  sqlite3_changeset_iter *iter = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  gboolean ok = TRUE;

  if (size == 0)
    return gk_document_log_flush (self, now, error);
  if (sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    {
      gk_document_log_discard (self);
      gk_validation_set_sqlite_error (error, self->db, SQLITE_CORRUPT);
      return FALSE;
    }

  while (ok && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns, op, indirect;
      sqlite3_value *pk = NULL;
      TableState *ts;
      const char *action;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      ts = g_hash_table_lookup (self->tables_by_name, table);
      if (ts == NULL)
        continue;

      g_string_assign (text, summary);
      if (op == SQLITE_INSERT)
        {
          action = "insert";
          sqlite3changeset_new (iter, 0, &pk);
        }
      else if (op == SQLITE_DELETE)
        {
          action = "delete";
          sqlite3changeset_old (iter, 0, &pk);
        }
      else
        {
          action = "update";
          sqlite3changeset_old (iter, 0, &pk);
          append_changed_columns (text, ts, iter);
        }

      changes_json (json, ts, iter, op);
      ok = log_queue (self, ts, sqlite3_value_int64 (pk), action, text->str, json->str, now, error);
    }
  sqlite3changeset_finalize (iter);

  if (!ok)
    {
      gk_document_log_discard (self);
      return FALSE;
    }
  return gk_document_log_flush (self, now, error);
}

/* ---- undo and redo --------------------------------------------------------- */

typedef struct {
  sqlite3 *db;
  guint    n_conflicts;
} ApplyContext;

static gboolean
is_stamp_column (const char *name)
{
  return g_str_equal (name, "version") || g_str_equal (name, "updated_at") || g_str_equal (name, "updated_by");
}

static gboolean
values_equal (sqlite3_value *a,
              sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (b == NULL || type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      /* An empty text or blob has no pointer to compare. */
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             (sqlite3_value_bytes (a) == 0 ||
              memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), sqlite3_value_bytes (a)) == 0);
    }
}

/* Undo and redo stamp the rows they touch with a new version, so an older
 * step finds its rows with other stamps than it recorded. That is our own
 * bookkeeping, not somebody else's edit: when only the stamps differ, the
 * step still applies. */
static gboolean
only_stamps_differ (sqlite3                *db,
                    sqlite3_changeset_iter *iter)
{
  char *sql;
  sqlite3_stmt *columns = NULL;
  const char *table;
  int n_columns, op, indirect, rc;
  gboolean same = TRUE;

  if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK ||
      (op != SQLITE_UPDATE && op != SQLITE_DELETE))
    return FALSE;

  sql = sqlite3_mprintf ("SELECT name FROM pragma_table_info(%Q) ORDER BY cid", table);
  rc = sqlite3_prepare_v2 (db, sql, -1, &columns, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return FALSE;
  for (int column = 0; same && column < n_columns && sqlite3_step (columns) == SQLITE_ROW; column++)
    {
      sqlite3_value *expected = NULL, *actual = NULL;

      if (is_stamp_column ((const char *) sqlite3_column_text (columns, 0)))
        continue;
      /* An UPDATE records old values only for the columns it changed. */
      if (sqlite3changeset_old (iter, column, &expected) != SQLITE_OK || expected == NULL)
        continue;
      sqlite3changeset_conflict (iter, column, &actual);
      same = values_equal (expected, actual);
    }
  sqlite3_finalize (columns);
  return same;
}

static int
on_conflict (void                   *user_data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  ApplyContext *context = user_data;

  if (conflict == SQLITE_CHANGESET_DATA && only_stamps_differ (context->db, iter))
    return SQLITE_CHANGESET_REPLACE;

  /* The row is not as the step left it: someone else changed it. */
  context->n_conflicts++;
  return SQLITE_CHANGESET_ABORT;
}

static gboolean
foreign_keys_intact (GkDocument *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean intact;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  intact = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return intact;
}

/* Applies the inverse of @step and returns the changes that made (what the
 * opposite operation will invert), or NULL. */
static GBytes *
apply_inverse (GkDocument  *self,
               GBytes      *step,
               const char  *summary,
               GError     **error)
{
  g_autofree char *now = gk_document_now_utc (self);
  g_autoptr(GBytes) inverse = NULL;
  g_autoptr(GBytes) changes = NULL;
  ApplyContext context = { self->db, 0 };
  sqlite3_session *session = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (step, &size);
  void *inverse_data = NULL;
  int inverse_size = 0;
  gboolean ok;
  int rc;

  rc = sqlite3changeset_invert ((int) size, (void *) data, &inverse_size, &inverse_data);
  if (rc != SQLITE_OK)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return NULL;
    }
  inverse = g_bytes_new_with_free_func (inverse_data, inverse_size, sqlite3_free, inverse_data);

  /* The changeset holds every row that ON DELETE CASCADE or SET NULL touched,
   * so foreign key actions must not run again while it is applied. The
   * pragma only works outside a transaction. */
  if (!gk_document_exec (self, "PRAGMA foreign_keys = OFF", error))
    return NULL;

  ok = (session = gk_document_session_start (self, error)) != NULL && gk_document_exec (self, "SAVEPOINT gk_undo", error);
  if (ok)
    {
      rc = sqlite3changeset_apply (self->db, inverse_size, inverse_data, NULL, on_conflict, &context);
      if (context.n_conflicts > 0 || (rc == SQLITE_OK && !foreign_keys_intact (self)))
        {
          g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_UNDO_FAILED,
                               _("This step can no longer be undone or redone, because the data it "
                                 "changed has been changed since. The history was cleared."));
          ok = FALSE;
        }
      else if (rc != SQLITE_OK)
        {
          /* Not the step's fault (a read-only or full disk): keep the history. */
          gk_validation_set_sqlite_error (error, self->db, rc);
          ok = FALSE;
        }
      ok = ok && gk_document_stamp_changes (self, inverse, STAMP_APPLIED, now, error) >= 0;
      ok = ok && (changes = gk_document_session_changes (self, session, error)) != NULL;
      ok = ok && gk_document_write_change_log (self, changes, summary, now, error);
      if (!ok || !gk_document_exec (self, "RELEASE gk_undo", error))
        {
          gk_document_rollback_to (self, "gk_undo");
          ok = FALSE;
        }
    }
  g_clear_pointer (&session, sqlite3session_delete);
  gk_document_exec (self, "PRAGMA foreign_keys = ON", NULL);

  if (!ok)
    return NULL;

  gk_document_reload_changed_rows (self, changes);
  return g_steal_pointer (&changes);
}

static gboolean
check_can_step (GkDocument  *self,
                GBytes      *step,
                GError     **error)
{
  if (!gk_document_check_editable (self, error))
    return FALSE;
  if (self->group_depth > 0)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_BUSY,
                           _("Finish the current change first."));
      return FALSE;
    }
  if (step == NULL)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NO_STEP,
                           _("There is nothing to undo or redo."));
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_document_undo (GkDocument  *self,
                  GError     **error)
{
  g_autoptr(GBytes) changes = NULL;
  g_autofree char *summary = NULL;
  GBytes *step;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  step = gk_undo_stack_peek_undo (self->history);
  if (!check_can_step (self, step, error))
    return FALSE;

  summary = g_strdup_printf (_("Undo: %s"), gk_undo_stack_get_undo_description (self->history));
  changes = apply_inverse (self, step, summary, error);
  if (changes == NULL)
    {
      if (error != NULL && g_error_matches (*error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_UNDO_FAILED))
        gk_undo_stack_clear (self->history);
      return FALSE;
    }

  gk_undo_stack_undone (self->history, changes);
  gk_document_emit_changed_by_step (self);
  return TRUE;
}

gboolean
gk_document_redo (GkDocument  *self,
                  GError     **error)
{
  g_autoptr(GBytes) changes = NULL;
  g_autofree char *summary = NULL;
  GBytes *step;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  step = gk_undo_stack_peek_redo (self->history);
  if (!check_can_step (self, step, error))
    return FALSE;

  summary = g_strdup_printf (_("Redo: %s"), gk_undo_stack_get_redo_description (self->history));
  changes = apply_inverse (self, step, summary, error);
  if (changes == NULL)
    {
      if (error != NULL && g_error_matches (*error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_UNDO_FAILED))
        gk_undo_stack_clear (self->history);
      return FALSE;
    }

  gk_undo_stack_redone (self->history, changes);
  gk_document_emit_changed_by_step (self);
  return TRUE;
}

gboolean
gk_document_can_undo (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  return gk_undo_stack_can_undo (self->history);
}

gboolean
gk_document_can_redo (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  return gk_undo_stack_can_redo (self->history);
}

const char *
gk_document_get_undo_description (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  return gk_undo_stack_get_undo_description (self->history);
}

const char *
gk_document_get_redo_description (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  return gk_undo_stack_get_redo_description (self->history);
}

void
gk_document_clear_history (GkDocument *self)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));

  gk_undo_stack_clear (self->history);
}
