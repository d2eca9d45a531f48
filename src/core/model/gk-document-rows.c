/* gk-document-rows.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live objects that mirror rows: the SQL of each table, the order of each
 * list, the measurement index and the one way live objects follow the file,
 * gk_document_reload_changed_rows().
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-impl.h"
#include "gk-validation.h"

/* ---- order of the list models ----------------------------------------------
 * The sort keys of table_setup (gk-document.c) order each list; the list
 * stays sorted, so that a changed row is found and placed by bisection. */

#define CMP(x, y) (((x) > (y)) - ((x) < (y)))

static int
compare_by_keys (const SortKey *keys,
                 guint          n_keys,
                 GkRecord      *a,
                 GkRecord      *b)
{
  for (guint k = 0; k < n_keys; k++)
    {
      const SortKey *key = &keys[k];
      int c;

      if (key->text)
        {
          const char *x = gk_record_get_text_cell (a, key->column);
          const char *y = gk_record_get_text_cell (b, key->column);

          c = key->collate ? g_utf8_collate (x, y) : g_strcmp0 (x, y);
        }
      else
        {
          c = CMP (gk_record_get_int_cell (a, key->column), gk_record_get_int_cell (b, key->column));
        }
      if (c != 0)
        return key->descending ? -c : c;
    }
  return 0;
}

static int
table_compare (TableState *ts,
               GkRecord   *a,
               GkRecord   *b)
{
  return compare_by_keys (ts->keys, ts->n_keys, a, b);
}

static int
store_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return table_compare (user_data, (GkRecord *) a, (GkRecord *) b);
}

static int
array_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return table_compare (user_data, *(GkRecord **) a, *(GkRecord **) b);
}

static void
sort_records (TableState *ts,
              GPtrArray  *records)
{
  /* Rows are often stored in list order already: check that first. */
  for (guint i = 1; i < records->len; i++)
    if (table_compare (ts, records->pdata[i - 1], records->pdata[i]) > 0)
      {
        g_ptr_array_sort_with_data (records, array_compare, ts);
        return;
      }
}

void
gk_table_state_set_order (TableState *ts,
                          const char *order)
{
  g_auto(GStrv) keys = g_strsplit (order, ",", -1);

  g_assert (g_strv_length (keys) <= MAX_SORT_KEYS);
  for (guint k = 0; keys[k] != NULL; k++)
    {
      SortKey *key = &ts->keys[ts->n_keys++];
      const char *name = keys[k];
      int column;

      key->descending = *name == '-';
      key->collate = *name == '~';
      if (key->descending || key->collate)
        name++;
      column = gk_table_column_index (ts->table, name);
      g_assert (column >= 0);
      key->column = column;
      key->text = ts->table->columns[column].kind == GK_COLUMN_TEXT ||
                  ts->table->columns[column].kind == GK_COLUMN_DATE;
    }
}

/* ---- SQL ------------------------------------------------------------------- */

gboolean
gk_document_exec (GkDocument  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
gk_document_prepare (GkDocument  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_SCHEMA,
                   _("The project file does not have the structure this version of Gripkaart expects."));
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no rows, then resets it. */
int
gk_document_step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

void
gk_document_rollback_to (GkDocument *self,
                         const char *savepoint)
{
  g_autofree char *sql = g_strdup_printf ("ROLLBACK TO %s; RELEASE %s", savepoint, savepoint);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not roll back %s: %s", savepoint, sqlite3_errmsg (self->db));
}

/* ---- statements ------------------------------------------------------------ */

void
gk_table_state_finalize_statements (TableState *ts)
{
  g_clear_pointer (&ts->select_one, sqlite3_finalize);
  g_clear_pointer (&ts->insert, sqlite3_finalize);
  g_clear_pointer (&ts->update, sqlite3_finalize);
  g_clear_pointer (&ts->delete, sqlite3_finalize);
  g_clear_pointer (&ts->stamp, sqlite3_finalize);
  ts->changeset_layout = 0;
}

/* Builds the SQL of a table once; statements are prepared on first use, so
 * that opening a file does not pay for editing tables nobody edits. */
void
gk_table_state_build_sql (TableState *ts)
{
  const GkTable *table = ts->table;
  g_autoptr(GString) cols = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) sets = g_string_new (NULL);
  guint n = table->n_columns;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (cols, "%s%s", i > 0 ? ", " : "", table->columns[i].name);
      g_string_append_printf (params, "%s?%u", i > 0 ? ", " : "", i + 1);
      if (i > 0)
        g_string_append_printf (sets, "%s%s = ?%u", i > 1 ? ", " : "", table->columns[i].name, i + 1);
    }

  /* Loading scans the table in storage order and sorts in memory (when the
   * rows are not in order already): measured faster than an ORDER BY that
   * walks an index and looks every row up in the table. */
  ts->sql[SQL_LOAD] = g_strdup_printf ("SELECT %s FROM %s", cols->str, table->name);
  ts->sql[SQL_SELECT_ONE] = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", cols->str, table->name);
  ts->sql[SQL_INSERT] = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table->name, cols->str, params->str);
  /* ?(n + 1) is the version the editor started from. */
  ts->sql[SQL_UPDATE] = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1 AND version = ?%u",
                                         table->name, sets->str, n + 1);
  ts->sql[SQL_DELETE] = g_strdup_printf ("DELETE FROM %s WHERE id = ?1 AND version = ?2", table->name);
  /* A row changed by a cascade, an undo or a redo: ?1 is its new version,
   * or NULL for "one more than now". */
  ts->sql[SQL_STAMP] = g_strdup_printf ("UPDATE %s SET version = coalesce(?1, version + 1), updated_at = ?2, "
                                        "updated_by = ?3 WHERE id = ?4", table->name);
}

gboolean
gk_document_ensure_statements (GkDocument  *self,
                               TableState  *ts,
                               GError     **error)
{
  if (ts->select_one != NULL)
    return TRUE;

  if ((ts->select_one = gk_document_prepare (self, ts->sql[SQL_SELECT_ONE], error)) == NULL ||
      (ts->insert = gk_document_prepare (self, ts->sql[SQL_INSERT], error)) == NULL ||
      (ts->update = gk_document_prepare (self, ts->sql[SQL_UPDATE], error)) == NULL ||
      (ts->delete = gk_document_prepare (self, ts->sql[SQL_DELETE], error)) == NULL ||
      (ts->stamp = gk_document_prepare (self, ts->sql[SQL_STAMP], error)) == NULL)
    {
      gk_table_state_finalize_statements (ts);
      return FALSE;
    }
  return TRUE;
}

/* ---- the measurement index ------------------------------------------------- */

void
gk_series_free (gpointer data)
{
  Series *series = data;

  g_ptr_array_unref (series->items);
  g_free (series);
}

Series *
gk_document_get_series (GkDocument *self,
                        gint64      indicator_id,
                        gboolean    create)
{
  Series *series = g_hash_table_lookup (self->series, &indicator_id);

  if (series == NULL && create)
    {
      series = g_new0 (Series, 1);
      series->indicator_id = indicator_id;
      series->items = g_ptr_array_new ();
      g_hash_table_insert (self->series, &series->indicator_id, series);
    }
  return series;
}

/* Binary search; returns the index of @record or where it would go. */
static guint
series_search (GkDocument *self,
               Series     *series,
               GkRecord   *record,
               gboolean   *found)
{
  guint lo = 0, hi = series->items->len;

  *found = FALSE;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      /* Within a series all share the first key, the indicator. */
      int c = compare_by_keys (self->tables[T_MEASUREMENT].keys + 1, self->tables[T_MEASUREMENT].n_keys - 1,
                               g_ptr_array_index (series->items, mid), record);

      if (c == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
series_add (GkDocument *self,
            GkRecord   *record)
{
  Series *series = gk_document_get_series (self, gk_measurement_get_indicator_id (GK_MEASUREMENT (record)), TRUE);
  gboolean found;
  guint index = series_search (self, series, record, &found);

  if (!found)
    g_ptr_array_insert (series->items, index, record);
}

static void
series_remove (GkDocument *self,
               GkRecord   *record)
{
  Series *series = gk_document_get_series (self, gk_measurement_get_indicator_id (GK_MEASUREMENT (record)), FALSE);
  gboolean found;
  guint index;

  if (series == NULL)
    return;
  index = series_search (self, series, record, &found);
  if (found)
    g_ptr_array_remove_index (series->items, index);
  else
    g_ptr_array_remove (series->items, record);
  if (series->items->len == 0)
    g_hash_table_remove (self->series, &series->indicator_id);
}

/* ---- loading --------------------------------------------------------------- */

gboolean
gk_document_load_table (GkDocument  *self,
                        TableState  *ts,
                        GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, ts->sql[SQL_LOAD], -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_SCHEMA,
                   _("The project file does not have the structure this version of Gripkaart "
                     "expects (table “%s”)."), ts->table->name);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkRecord *record = (GkRecord *) g_object_new_with_properties (ts->type, 0, NULL, NULL);

      gk_record_read_row (record, stmt, FALSE);
      gk_record_set_live (record, TRUE);
      g_ptr_array_add (records, record);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  sort_records (ts, records);

  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = records->pdata[i];

      g_hash_table_insert (ts->by_id, (gpointer) gk_record_get_id_ref (record), g_object_ref (record));
    }

  if (ts->id == T_MEASUREMENT)
    {
      /* Sorted by indicator and period already: cut the list into series. */
      Series *series = NULL;

      for (guint i = 0; i < records->len; i++)
        {
          GkRecord *record = records->pdata[i];
          gint64 indicator = gk_measurement_get_indicator_id (GK_MEASUREMENT (record));

          if (series == NULL || series->indicator_id != indicator)
            series = gk_document_get_series (self, indicator, TRUE);
          g_ptr_array_add (series->items, record);
        }
    }

  g_list_store_splice (ts->store, 0, 0, records->pdata, records->len);
  return TRUE;
}

/* ---- keeping the live objects current -------------------------------------- */

/* Where @record goes in the store (the first item not before it). */
static guint
insert_position (TableState *ts,
                 GkRecord   *record)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (ts->store));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (table_compare (ts, gk_table_state_item (ts, mid), record) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Puts the rows added in a group into the store: sorted, then each run of
 * rows that lands between the same two items in one splice, so that adding
 * rows at the end (an import) is one items-changed however many they are. */
void
gk_table_state_flush_pending (TableState *ts)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (ts->pending == NULL || ts->pending->len == 0)
    return;

  pending = g_steal_pointer (&ts->pending);
  ts->pending = g_ptr_array_new_with_free_func (g_object_unref);
  sort_records (ts, pending);

  for (guint i = 0; i < pending->len;)
    {
      guint position = insert_position (ts, pending->pdata[i]);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (ts->store));
      guint end = i + 1;

      /* The run goes on while the next row still sorts before the item at
       * @position. */
      while (end < pending->len &&
             (position == n_items ||
              table_compare (ts, pending->pdata[end], gk_table_state_item (ts, position)) < 0))
        end++;
      g_list_store_splice (ts->store, position, 0, pending->pdata + i, end - i);
      i = end;
    }
}

void
gk_document_flush_pending (GkDocument *self)
{
  for (guint i = 0; i < N_TABLES; i++)
    gk_table_state_flush_pending (&self->tables[i]);
}

/* Forgets the rows a group added that its list has not heard of yet: the
 * group is being rolled back, so they never existed, and telling the list
 * of each only to take it back would be two signals per row for nothing. */
void
gk_document_drop_pending (GkDocument *self)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      TableState *ts = &self->tables[t];

      if (ts->pending == NULL)
        continue;
      for (guint i = 0; i < ts->pending->len; i++)
        {
          GkRecord *record = ts->pending->pdata[i];

          if (ts->id == T_MEASUREMENT)
            series_remove (self, record);
          g_hash_table_remove (ts->by_id, gk_record_get_id_ref (record));
          gk_record_set_live (record, FALSE);
        }
      g_ptr_array_set_size (ts->pending, 0);
    }
}

static guint
find_position (TableState *ts,
               GkRecord   *record)
{
  guint lo, hi;
  guint position;

  gk_table_state_flush_pending (ts);
  lo = 0;
  hi = g_list_model_get_n_items (G_LIST_MODEL (ts->store));

  /* The list is sorted by its keys, a total order. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      GkRecord *item = gk_table_state_item (ts, mid);
      int c;

      if (item == record)
        return mid;
      c = table_compare (ts, item, record);
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* Only reached if the order was broken; never fail to find it. */
  if (g_list_store_find (ts->store, record, &position))
    return position;
  g_return_val_if_reached (G_MAXUINT);
}

static gboolean
in_order_at (TableState *ts,
             guint       position,
             GkRecord   *record)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ts->store));

  if (position > 0 && table_compare (ts, gk_table_state_item (ts, position - 1), record) >= 0)
    return FALSE;
  if (position + 1 < n && table_compare (ts, record, gk_table_state_item (ts, position + 1)) >= 0)
    return FALSE;
  return TRUE;
}

void
gk_document_remove_live (GkDocument *self,
                         TableState *ts,
                         GkRecord   *record)
{
  guint position = find_position (ts, record);

  g_object_ref (record);
  if (ts->id == T_MEASUREMENT)
    series_remove (self, record);
  g_hash_table_remove (ts->by_id, gk_record_get_id_ref (record));
  gk_record_set_live (record, FALSE);
  if (position != G_MAXUINT)
    g_list_store_remove (ts->store, position);
  g_object_unref (record);
}

static void
add_live_record (GkDocument *self,
                 TableState *ts,
                 GkRecord   *record)
{
  gk_record_set_live (record, TRUE);
  g_hash_table_insert (ts->by_id, (gpointer) gk_record_get_id_ref (record), g_object_ref (record));
  if (ts->id == T_MEASUREMENT)
    series_add (self, record);
  /* In a group, the list hears of its new rows once, at the end. */
  if (self->group_depth > 0)
    g_ptr_array_add (ts->pending, g_object_ref (record));
  else
    g_list_store_insert_sorted (ts->store, record, store_compare, ts);
}

static void
add_live (GkDocument   *self,
          TableState   *ts,
          sqlite3_stmt *row)
{
  g_autoptr(GkRecord) record = (GkRecord *) g_object_new_with_properties (ts->type, 0, NULL, NULL);

  gk_record_read_row (record, row, FALSE);
  add_live_record (self, ts, record);
}

/* The live object of a row just inserted from @written (every column bound
 * but the id and the stamps), made without reading the row back: an import
 * inserts many, and the SELECT per row was a tenth of its time. */
/* Returns the live record (borrowed): a copy of @written, or with @adopt
 * @written itself. */
GkRecord *
gk_document_add_inserted (GkDocument *self,
                          TableState *ts,
                          GkRecord   *written,
                          gboolean    adopt,
                          gint64      id,
                          const char *now)
{
  g_autoptr(GkRecord) record = adopt ? g_object_ref (written) : gk_record_copy (written);

  gk_record_stamp_inserted (record, id, now, self->user_name);
  add_live_record (self, ts, record);
  return record;
}

static void
update_live (GkDocument   *self,
             TableState   *ts,
             GkRecord     *record,
             sqlite3_stmt *row)
{
  guint position = find_position (ts, record);
  gboolean changed;

  g_object_ref (record);
  g_object_freeze_notify (G_OBJECT (record));

  if (ts->id == T_MEASUREMENT)
    series_remove (self, record);
  changed = gk_record_read_row (record, row, TRUE);
  /* Back in its series under its new keys before the list tells anyone:
   * a handler of items-changed may ask for the indicator's measurements. */
  if (ts->id == T_MEASUREMENT)
    series_add (self, record);
  if (changed && position != G_MAXUINT)
    {
      if (in_order_at (ts, position, record))
        {
          /* Tells views to rebind the row: items-changed (position, 1, 1). */
          g_list_store_splice (ts->store, position, 1, (gpointer *) &record, 1);
        }
      else
        {
          g_list_store_remove (ts->store, position);
          g_list_store_insert_sorted (ts->store, record, store_compare, ts);
        }
    }

  g_object_thaw_notify (G_OBJECT (record));
  g_object_unref (record);
}

/* Makes the live object of row @id match the file: adds, updates or removes. */
void
gk_document_reload_row (GkDocument *self,
                        TableState *ts,
                        gint64      id)
{
  GkRecord *record = gk_table_state_lookup (ts, id);
  g_autoptr(GError) error = NULL;
  int rc;

  if (!gk_document_ensure_statements (self, ts, &error))
    {
      g_warning ("Could not reload %s row %" G_GINT64_FORMAT ": %s", ts->table->name, id, error->message);
      return;
    }
  sqlite3_bind_int64 (ts->select_one, 1, id);
  rc = sqlite3_step (ts->select_one);

  if (rc == SQLITE_ROW)
    {
      if (record != NULL)
        update_live (self, ts, record, ts->select_one);
      else
        add_live (self, ts, ts->select_one);
    }
  else if (record != NULL)
    {
      if (rc != SQLITE_DONE)
        g_warning ("Could not read %s row %" G_GINT64_FORMAT ": %s",
                   ts->table->name, id, sqlite3_errmsg (self->db));
      else
        gk_document_remove_live (self, ts, record);
    }
  sqlite3_reset (ts->select_one);
}

typedef struct {
  TableState *ts;
  gint64      id;
  int         op;
} ChangedRow;

static int
changed_row_compare (gconstpointer a,
                     gconstpointer b)
{
  const ChangedRow *x = a, *y = b;

  return CMP (x->ts->id, y->ts->id);
}

/* Reads (table, id, operation) of every row in a changeset. */
static GArray *
changed_rows (GkDocument *self,
              GBytes     *changeset)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (ChangedRow));
  sqlite3_changeset_iter *iter = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (changeset, &size);

  if (size == 0 || sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    return rows;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns, op, indirect;
      sqlite3_value *pk = NULL;
      ChangedRow row;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      row.ts = g_hash_table_lookup (self->tables_by_name, table);
      if (row.ts == NULL)
        continue;
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &pk);
      else
        sqlite3changeset_old (iter, 0, &pk);
      if (pk == NULL)
        continue;
      row.id = sqlite3_value_int64 (pk);
      row.op = op;
      g_array_append_val (rows, row);
    }
  sqlite3changeset_finalize (iter);
  return rows;
}

/* The one way live objects follow the file: reread every row a changeset
 * names. Deletions go first, children before parents, then additions and
 * updates, parents before children, so that a view never sees a row whose
 * parent is missing. */
void
gk_document_reload_changed_rows (GkDocument *self,
                                 GBytes     *changeset)
{
  g_autoptr(GArray) rows = changed_rows (self, changeset);

  g_array_sort (rows, changed_row_compare);
  for (guint i = rows->len; i > 0; i--)
    {
      ChangedRow *row = &g_array_index (rows, ChangedRow, i - 1);

      if (row->op == SQLITE_DELETE)
        gk_document_reload_row (self, row->ts, row->id);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      ChangedRow *row = &g_array_index (rows, ChangedRow, i);

      if (row->op != SQLITE_DELETE)
        gk_document_reload_row (self, row->ts, row->id);
    }
}
