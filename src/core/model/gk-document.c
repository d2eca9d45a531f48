/* gk-document.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How changes flow:
 *
 *   edit    validate -> SAVEPOINT -> write the row (version + 1, updated_at,
 *           updated_by) -> take the changeset of a session attached for just
 *           this edit (it includes what ON DELETE CASCADE / SET NULL did) ->
 *           stamp the rows changed by a cascade -> change_log rows -> RELEASE
 *   undo    apply the inverse of the step's changeset, with foreign key
 *           actions off (the changeset already holds every cascaded row) and
 *           any conflict aborting; stamp the rows with a *new* version (so
 *           versions only ever grow and optimistic checks stay sound); log;
 *           the changeset this made is what redo will invert
 *   then    reload_changed_rows(): read back exactly the rows the changeset
 *           names and update the live objects and list models
 *
 * The session extension ignores change_log (the log only grows, also on
 * undo) and records net changes, so a rolled back savepoint leaves nothing.
 */
#include "config.h"

#include <string.h>

/* The session extension's API is only declared with these. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-record-private.h"
#include "gk-schema.h"
#include "gk-undo-stack.h"
#include "gk-validation.h"

G_DEFINE_QUARK (gk-document-error-quark, gk_document_error)

/* The entity tables, parents before children (as gk_schema_tables()). */
typedef enum {
  T_PERSON,
  T_PROGRAMME,
  T_TOPIC,
  T_ASSESSMENT,
  T_FOCUS_PROJECT,
  T_PROJECT_TOPIC,
  T_MEASURE,
  T_MEASURE_TARGET,
  T_MEASURE_LINK,
  T_INDICATOR,
  T_INDICATOR_TOPIC,
  T_INDICATOR_PROJECT,
  T_MEASUREMENT,
  T_JOURNAL_ENTRY,
  T_CATALOGUE_MEASURE,
  N_TABLES
} TableId;

typedef struct {
  guint    column;
  gboolean text;
  gboolean descending;
  gboolean collate;
} SortKey;

#define MAX_SORT_KEYS 4

enum {
  SQL_LOAD,         /* every column, in map order */
  SQL_SELECT_ONE,
  SQL_INSERT,
  SQL_UPDATE,
  SQL_DELETE,
  SQL_STAMP,
  N_SQL
};

typedef struct {
  TableId        id;
  GType          type;
  GTypeClass    *klass;             /* a reference: the column map lives in it */
  const GkTable *table;
  SortKey        keys[MAX_SORT_KEYS];
  guint          n_keys;
  int            position_column;   /* -1 if the rows are not ordered by hand */
  int            parent_column;     /* siblings share it (a measure's project), or -1 */
  guint          version_column;

  GListStore    *store;
  GHashTable    *by_id;             /* const gint64 * (the record's) -> GkRecord (ref) */

  char          *sql[N_SQL];
  sqlite3_stmt  *select_one;
  sqlite3_stmt  *insert;
  sqlite3_stmt  *update;
  sqlite3_stmt  *delete;
  sqlite3_stmt  *stamp;
} TableState;

/* The measurements of one indicator, sorted by period. */
typedef struct {
  gint64     indicator_id;
  GPtrArray *items;   /* borrowed: the table's hash holds the references */
} Series;

typedef enum {
  EDIT_INSERT,
  EDIT_UPDATE,
  EDIT_DELETE,
} EditKind;

struct _GkDocument
{
  GObject          parent_instance;

  sqlite3         *db;
  TableState       tables[N_TABLES];
  GHashTable      *tables_by_name;   /* name -> TableState */
  GHashTable      *series;           /* const gint64 * -> Series */
  sqlite3_stmt    *log_insert;

  GkUndoStack     *history;
  GkClock         *clock;            /* stamps the change log; NULL: the default clock */
  char            *user_name;
  gboolean         dirty;

  /* The open group of edits, if any. */
  guint            group_depth;
  char            *group_description;
  sqlite3_session *group_session;
  gboolean         group_cancelled;
  gboolean         group_failed;
};

G_DEFINE_FINAL_TYPE (GkDocument, gk_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER_NAME,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_DESCRIPTION,
  PROP_REDO_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- order of the list models ----------------------------------------------
 * Each list is sorted by a few columns, always ending with the id so that the
 * order is total. The keys sort the rows after loading and place changed
 * rows. "-" sorts descending; "~" compares text as people expect
 * (g_utf8_collate). */

typedef struct {
  GType      (*get_type) (void);
  const char  *order;           /* sort keys, as above */
  const char  *parent_column;   /* siblings for positions share it */
} TableSetup;

static const TableSetup table_setup[N_TABLES] = {
  [T_PERSON] = { gk_person_get_type, "~name,id", NULL },
  [T_PROGRAMME] = { gk_programme_get_type, "id", NULL },
  [T_TOPIC] = { gk_topic_get_type, "position,id", NULL },
  [T_ASSESSMENT] = { gk_assessment_get_type, "topic_id,date,id", NULL },
  [T_FOCUS_PROJECT] = { gk_focus_project_get_type, "position,id", NULL },
  [T_PROJECT_TOPIC] = { gk_project_topic_get_type, "project_id,id", NULL },
  [T_MEASURE] = { gk_measure_get_type, "project_id,position,id", "project_id" },
  [T_MEASURE_TARGET] = { gk_measure_target_get_type, "measure_id,id", NULL },
  [T_MEASURE_LINK] = { gk_measure_link_get_type, "from_measure_id,id", NULL },
  [T_INDICATOR] = { gk_indicator_get_type, "position,id", NULL },
  [T_INDICATOR_TOPIC] = { gk_indicator_topic_get_type, "indicator_id,id", NULL },
  [T_INDICATOR_PROJECT] = { gk_indicator_project_get_type, "indicator_id,id", NULL },
  [T_MEASUREMENT] = { gk_measurement_get_type, "indicator_id,period_date,id", NULL },
  [T_JOURNAL_ENTRY] = { gk_journal_entry_get_type, "-date,-id", NULL },
  [T_CATALOGUE_MEASURE] = { gk_catalogue_measure_get_type, "topic_name,id", NULL },
};

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

/* ---- small helpers --------------------------------------------------------- */

static int
column_index (const GkTable *table,
              const char    *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, name))
      return (int) i;
  return -1;
}

static void
parse_order (TableState *ts,
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
      column = column_index (ts->table, name);
      g_assert (column >= 0);
      key->column = column;
      key->text = ts->table->columns[column].kind == GK_COLUMN_TEXT ||
                  ts->table->columns[column].kind == GK_COLUMN_DATE;
    }
}

static TableState *
table_for_type (GkDocument *self,
                GType       type)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (self->tables[i].type == type)
      return &self->tables[i];
  return NULL;
}

static TableState *
table_for_record (GkDocument *self,
                  GkRecord   *record)
{
  return table_for_type (self, G_OBJECT_TYPE (record));
}

static GkRecord *
lookup (TableState *ts,
        gint64      id)
{
  return g_hash_table_lookup (ts->by_id, &id);
}

static char *
now_utc (GkDocument *self)
{
  g_autoptr(GDateTime) now = gk_clock_dup_now (self->clock != NULL ? self->clock : gk_clock_get_default ());
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
exec (GkDocument  *self,
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

static sqlite3_stmt *
prepare (GkDocument  *self,
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
static int
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

/* ---- statements ------------------------------------------------------------ */

static void
finalize_statements (TableState *ts)
{
  g_clear_pointer (&ts->select_one, sqlite3_finalize);
  g_clear_pointer (&ts->insert, sqlite3_finalize);
  g_clear_pointer (&ts->update, sqlite3_finalize);
  g_clear_pointer (&ts->delete, sqlite3_finalize);
  g_clear_pointer (&ts->stamp, sqlite3_finalize);
}

/* Builds the SQL of a table once; statements are prepared on first use, so
 * that opening a file does not pay for editing tables nobody edits. */
static void
build_sql (TableState *ts)
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

static gboolean
ensure_statements (GkDocument  *self,
                   TableState  *ts,
                   GError     **error)
{
  if (ts->select_one != NULL)
    return TRUE;

  if ((ts->select_one = prepare (self, ts->sql[SQL_SELECT_ONE], error)) == NULL ||
      (ts->insert = prepare (self, ts->sql[SQL_INSERT], error)) == NULL ||
      (ts->update = prepare (self, ts->sql[SQL_UPDATE], error)) == NULL ||
      (ts->delete = prepare (self, ts->sql[SQL_DELETE], error)) == NULL ||
      (ts->stamp = prepare (self, ts->sql[SQL_STAMP], error)) == NULL)
    {
      finalize_statements (ts);
      return FALSE;
    }
  return TRUE;
}

/* The column maps are the contract with the file: changesets name columns by
 * their index, so every table must have exactly the map's columns, in its
 * order. One query for all tables. */
static gboolean
check_columns (GkDocument  *self,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  guint n_seen[N_TABLES] = { 0 };
  TableState *wrong = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT m.name, p.cid, p.name FROM sqlite_schema AS m"
                           " JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      TableState *ts = g_hash_table_lookup (self->tables_by_name, sqlite3_column_text (stmt, 0));
      int cid = sqlite3_column_int (stmt, 1);

      if (ts == NULL)
        continue;
      n_seen[ts->id]++;
      if (cid < 0 || (guint) cid >= ts->table->n_columns ||
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), ts->table->columns[cid].name) != 0)
        wrong = ts;
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; wrong == NULL && i < N_TABLES; i++)
    if (n_seen[i] != self->tables[i].table->n_columns)
      wrong = &self->tables[i];

  if (rc != SQLITE_OK || wrong != NULL)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_SCHEMA,
                   _("The project file does not have the structure this version of Gripkaart "
                     "expects (table “%s”)."), wrong != NULL ? wrong->table->name : "?");
      return FALSE;
    }
  return TRUE;
}


/* ---- the measurement index ------------------------------------------------- */

static void
series_free (gpointer data)
{
  Series *series = data;

  g_ptr_array_unref (series->items);
  g_free (series);
}

static Series *
series_get (GkDocument *self,
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
  Series *series = series_get (self, gk_measurement_get_indicator_id (GK_MEASUREMENT (record)), TRUE);
  gboolean found;
  guint index = series_search (self, series, record, &found);

  if (!found)
    g_ptr_array_insert (series->items, index, record);
}

static void
series_remove (GkDocument *self,
               GkRecord   *record)
{
  Series *series = series_get (self, gk_measurement_get_indicator_id (GK_MEASUREMENT (record)), FALSE);
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

static gboolean
load_table (GkDocument  *self,
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
            series = series_get (self, indicator, TRUE);
          g_ptr_array_add (series->items, record);
        }
    }

  g_list_store_splice (ts->store, 0, 0, records->pdata, records->len);
  return TRUE;
}

/* ---- keeping the live objects current -------------------------------------- */

static GkRecord *
store_item (TableState *ts,
            guint       position)
{
  /* GListStore keeps a reference; ours is only needed for the call. */
  GkRecord *item = g_list_model_get_item (G_LIST_MODEL (ts->store), position);

  g_object_unref (item);
  return item;
}

static guint
find_position (TableState *ts,
               GkRecord   *record)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (ts->store));
  guint position;

  /* The list is sorted by its keys, a total order. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      GkRecord *item = store_item (ts, mid);
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

  if (position > 0 && table_compare (ts, store_item (ts, position - 1), record) >= 0)
    return FALSE;
  if (position + 1 < n && table_compare (ts, record, store_item (ts, position + 1)) >= 0)
    return FALSE;
  return TRUE;
}

static void
remove_live (GkDocument *self,
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
add_live (GkDocument   *self,
          TableState   *ts,
          sqlite3_stmt *row)
{
  g_autoptr(GkRecord) record = (GkRecord *) g_object_new_with_properties (ts->type, 0, NULL, NULL);

  gk_record_read_row (record, row, FALSE);
  gk_record_set_live (record, TRUE);
  g_hash_table_insert (ts->by_id, (gpointer) gk_record_get_id_ref (record), g_object_ref (record));
  if (ts->id == T_MEASUREMENT)
    series_add (self, record);
  g_list_store_insert_sorted (ts->store, record, store_compare, ts);
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
static void
reload_row (GkDocument *self,
            TableState *ts,
            gint64      id)
{
  GkRecord *record = lookup (ts, id);
  g_autoptr(GError) error = NULL;
  int rc;

  if (!ensure_statements (self, ts, &error))
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
        remove_live (self, ts, record);
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
static void
reload_changed_rows (GkDocument *self,
                     GBytes     *changeset)
{
  g_autoptr(GArray) rows = changed_rows (self, changeset);

  g_array_sort (rows, changed_row_compare);
  for (guint i = rows->len; i > 0; i--)
    {
      ChangedRow *row = &g_array_index (rows, ChangedRow, i - 1);

      if (row->op == SQLITE_DELETE)
        reload_row (self, row->ts, row->id);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      ChangedRow *row = &g_array_index (rows, ChangedRow, i);

      if (row->op != SQLITE_DELETE)
        reload_row (self, row->ts, row->id);
    }
}

static void
set_dirty (GkDocument *self,
           gboolean    dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
emit_changed (GkDocument *self)
{
  set_dirty (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- sessions, stamps and the change log ----------------------------------- */

static int
session_filter (void       *user_data,
                const char *table)
{
  /* The change log only grows: an undo must not take its rows back. */
  return strcmp (table, "change_log") != 0;
}

static sqlite3_session *
session_start (GkDocument  *self,
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

static GBytes *
session_changes (GkDocument       *self,
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

static gboolean
stamp_row (GkDocument     *self,
           TableState     *ts,
           gint64          id,
           sqlite3_value  *version,
           const char     *now,
           GError        **error)
{
  int rc;

  if (!ensure_statements (self, ts, error))
    return FALSE;
  if (version != NULL)
    sqlite3_bind_int64 (ts->stamp, 1, sqlite3_value_int64 (version) + 1);
  sqlite3_bind_text (ts->stamp, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (ts->stamp, 3, self->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (ts->stamp, 4, id);
  rc = step_done (ts->stamp);
  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

typedef enum {
  STAMP_CASCADED,   /* after an edit: rows changed by ON DELETE SET NULL */
  STAMP_APPLIED,    /* after undo or redo: every row it inserted or updated */
} StampMode;

/* Gives rows changed other than by our own UPDATE a new version, updated_at
 * and updated_by. Returns the number of rows stamped, or -1 on error. */
static int
stamp_changes (GkDocument  *self,
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

static gboolean
write_change_log (GkDocument  *self,
                  GBytes      *changeset,
                  const char  *summary,
                  const char  *now,
                  GError     **error)
{
  sqlite3_changeset_iter *iter = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  g_autoptr(GString) text = g_string_new (NULL);
  int rc = SQLITE_DONE;

  if (size == 0)
    return TRUE;
  if (self->log_insert == NULL &&
      (self->log_insert = prepare (self, "INSERT INTO change_log (changed_at, changed_by, table_name, "
                                         "row_id, action, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   error)) == NULL)
    return FALSE;
  if (sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    {
      gk_validation_set_sqlite_error (error, self->db, SQLITE_CORRUPT);
      return FALSE;
    }

  while (rc == SQLITE_DONE && sqlite3changeset_next (iter) == SQLITE_ROW)
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

      sqlite3_bind_text (self->log_insert, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->log_insert, 2, self->user_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->log_insert, 3, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (self->log_insert, 4, sqlite3_value_int64 (pk));
      sqlite3_bind_text (self->log_insert, 5, action, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->log_insert, 6, text->str, -1, SQLITE_TRANSIENT);
      rc = step_done (self->log_insert);
    }
  sqlite3changeset_finalize (iter);

  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

/* ---- descriptions of edits ------------------------------------------------- */

static const char *
label_in (GkDocument *self,
          TableId     table,
          gint64      id)
{
  GkRecord *record = lookup (&self->tables[table], id);

  return record != NULL ? gk_record_get_label (record) : "?";
}

static char *
shorten (const char *text)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));
  g_autofree char *start = NULL;

  if (g_utf8_strlen (line, -1) <= 40)
    return g_steal_pointer (&line);
  start = g_utf8_substring (line, 0, 39);
  return g_strconcat (start, "…", NULL);
}

/* The description of an edit, as shown in the Undo menu and the change log. */
static char *
describe_edit (GkDocument *self,
               EditKind    kind,
               GkRecord   *record)
{
  const char *label = gk_record_get_label (record);

#define DESCRIBE(add, edit, delete, ...) \
  return kind == EDIT_INSERT ? g_strdup_printf (add, __VA_ARGS__) : \
         kind == EDIT_UPDATE ? g_strdup_printf (edit, __VA_ARGS__) : \
                               g_strdup_printf (delete, __VA_ARGS__)

  if (GK_IS_PERSON (record))
    DESCRIBE (_("Add person “%s”"), _("Edit person “%s”"), _("Delete person “%s”"), label);
  if (GK_IS_PROGRAMME (record))
    DESCRIBE (_("Create programme “%s”"), _("Edit programme “%s”"), _("Delete programme “%s”"), label);
  if (GK_IS_TOPIC (record))
    DESCRIBE (_("Add topic “%s”"), _("Edit topic “%s”"), _("Delete topic “%s”"), label);
  if (GK_IS_ASSESSMENT (record))
    {
      const char *topic = label_in (self, T_TOPIC, gk_assessment_get_topic_id (GK_ASSESSMENT (record)));

      DESCRIBE (_("Record assessment for “%s”"), _("Edit assessment for “%s”"),
                _("Delete assessment for “%s”"), topic);
    }
  if (GK_IS_FOCUS_PROJECT (record))
    DESCRIBE (_("Add focus project “%s”"), _("Edit focus project “%s”"), _("Delete focus project “%s”"), label);
  if (GK_IS_PROJECT_TOPIC (record))
    {
      GkProjectTopic *link = GK_PROJECT_TOPIC (record);
      const char *project = label_in (self, T_FOCUS_PROJECT, gk_project_topic_get_project_id (link));
      const char *topic = label_in (self, T_TOPIC, gk_project_topic_get_topic_id (link));

      DESCRIBE (_("Add topic “%2$s” to focus project “%1$s”"),
                _("Change topic “%2$s” of focus project “%1$s”"),
                _("Remove topic “%2$s” from focus project “%1$s”"), project, topic);
    }
  if (GK_IS_MEASURE (record))
    DESCRIBE (_("Add measure “%s”"), _("Edit measure “%s”"), _("Delete measure “%s”"), label);
  if (GK_IS_MEASURE_TARGET (record))
    {
      const char *measure = label_in (self, T_MEASURE,
                                      gk_measure_target_get_measure_id (GK_MEASURE_TARGET (record)));

      DESCRIBE (_("Add target to measure “%s”"), _("Edit target of measure “%s”"),
                _("Remove target from measure “%s”"), measure);
    }
  if (GK_IS_MEASURE_LINK (record))
    {
      GkMeasureLink *link = GK_MEASURE_LINK (record);
      const char *from = label_in (self, T_MEASURE, gk_measure_link_get_from_measure_id (link));
      const char *to = label_in (self, T_MEASURE, gk_measure_link_get_to_measure_id (link));

      DESCRIBE (_("Link measure “%s” to “%s”"), _("Edit link of measure “%s” to “%s”"),
                _("Remove link of measure “%s” to “%s”"), from, to);
    }
  if (GK_IS_INDICATOR (record))
    DESCRIBE (_("Add indicator “%s”"), _("Edit indicator “%s”"), _("Delete indicator “%s”"), label);
  if (GK_IS_INDICATOR_TOPIC (record))
    {
      GkIndicatorTopic *link = GK_INDICATOR_TOPIC (record);
      const char *indicator = label_in (self, T_INDICATOR, gk_indicator_topic_get_indicator_id (link));
      const char *topic = label_in (self, T_TOPIC, gk_indicator_topic_get_topic_id (link));

      DESCRIBE (_("Let indicator “%s” inform topic “%s”"), _("Edit link of indicator “%s” to topic “%s”"),
                _("Stop indicator “%s” informing topic “%s”"), indicator, topic);
    }
  if (GK_IS_INDICATOR_PROJECT (record))
    {
      GkIndicatorProject *link = GK_INDICATOR_PROJECT (record);
      const char *indicator = label_in (self, T_INDICATOR, gk_indicator_project_get_indicator_id (link));
      const char *project = label_in (self, T_FOCUS_PROJECT, gk_indicator_project_get_project_id (link));

      DESCRIBE (_("Let indicator “%s” inform focus project “%s”"),
                _("Edit link of indicator “%s” to focus project “%s”"),
                _("Stop indicator “%s” informing focus project “%s”"), indicator, project);
    }
  if (GK_IS_MEASUREMENT (record))
    {
      const char *indicator = label_in (self, T_INDICATOR,
                                        gk_measurement_get_indicator_id (GK_MEASUREMENT (record)));

      DESCRIBE (_("Enter measurement for “%s”"), _("Edit measurement for “%s”"),
                _("Delete measurement for “%s”"), indicator);
    }
  if (GK_IS_JOURNAL_ENTRY (record))
    {
      g_autofree char *text = shorten (label);

      DESCRIBE (_("Add journal entry “%s”"), _("Edit journal entry “%s”"), _("Delete journal entry “%s”"), text);
    }
  if (GK_IS_CATALOGUE_MEASURE (record))
    DESCRIBE (_("Add catalogue measure “%s”"), _("Edit catalogue measure “%s”"),
              _("Delete catalogue measure “%s”"), label);

#undef DESCRIBE

  g_return_val_if_reached (g_strdup (""));
}

/* ---- editing --------------------------------------------------------------- */

static void
set_row_error (GkDocument  *self,
               TableState  *ts,
               GkRecord    *record,
               GError     **error)
{
  GkRecord *live = lookup (ts, gk_record_get_id (record));

  if (live == NULL)
    g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_FOUND,
                         _("This item no longer exists: it was deleted in the meantime."));
  else
    g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_CONFLICT,
                         _("This item was changed in the meantime. Close it and open it again "
                           "to see the latest version, then make your change once more."));
}

/* Writes the row itself; the caller holds a savepoint. */
static gboolean
write_row (GkDocument  *self,
           TableState  *ts,
           EditKind     kind,
           GkRecord    *record,
           const char  *now,
           gint64      *out_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = gk_record_get_id (record);
  gint64 version = gk_record_get_version (record);
  guint v = ts->version_column;
  int rc;

  if (!ensure_statements (self, ts, error))
    return FALSE;

  if (kind == EDIT_DELETE)
    {
      stmt = ts->delete;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, version);
    }
  else
    {
      stmt = kind == EDIT_INSERT ? ts->insert : ts->update;
      gk_record_bind_columns (record, stmt);
      if (kind == EDIT_INSERT && id == 0)
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, v + 1, kind == EDIT_INSERT ? 1 : version + 1);
      sqlite3_bind_text (stmt, v + 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, v + 3, self->user_name, -1, SQLITE_STATIC);
      if (kind == EDIT_UPDATE)
        sqlite3_bind_int64 (stmt, ts->table->n_columns + 1, version);
    }

  rc = step_done (stmt);
  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  if (kind == EDIT_INSERT)
    *out_id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      set_row_error (self, ts, record, error);
      return FALSE;
    }
  return TRUE;
}

static void
rollback_to (GkDocument *self,
             const char *savepoint)
{
  g_autofree char *sql = g_strdup_printf ("ROLLBACK TO %s; RELEASE %s", savepoint, savepoint);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not roll back %s: %s", savepoint, sqlite3_errmsg (self->db));
}

/* One edit: write, log, commit (or release into the open group), reload,
 * and make it an undo step when it is not part of a group. */
static gboolean
run_edit (GkDocument  *self,
          TableState  *ts,
          EditKind     kind,
          GkRecord    *record,
          const char  *description,
          gint64      *out_id,
          GError     **error)
{
  g_autofree char *now = now_utc (self);
  g_autoptr(GBytes) changes = NULL;
  sqlite3_session *session;
  gboolean ok;

  if ((session = session_start (self, error)) == NULL)
    return FALSE;
  if (!exec (self, "SAVEPOINT gk_edit", error))
    {
      sqlite3session_delete (session);
      return FALSE;
    }

  ok = write_row (self, ts, kind, record, now, out_id, error);
  if (ok)
    {
      int n_stamped;

      changes = session_changes (self, session, error);
      n_stamped = changes != NULL ? stamp_changes (self, changes, STAMP_CASCADED, now, error) : -1;
      if (n_stamped > 0)
        {
          g_clear_pointer (&changes, g_bytes_unref);
          changes = session_changes (self, session, error);
        }
      ok = n_stamped >= 0 && changes != NULL &&
           write_change_log (self, changes, description, now, error);
    }
  sqlite3session_delete (session);

  /* Outside a group, releasing the savepoint commits the transaction. */
  if (!ok || !exec (self, "RELEASE gk_edit", error))
    {
      rollback_to (self, "gk_edit");
      return FALSE;
    }

  reload_changed_rows (self, changes);
  if (self->group_depth == 0)
    {
      gk_undo_stack_push (self->history, description, changes);
      emit_changed (self);
    }
  return TRUE;
}

static gboolean
check_not_live (GkRecord  *record,
                GError   **error)
{
  if (gk_record_is_live (record))
    {
      g_critical ("gk_document_insert() needs a new or copied record, not a live one");
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_CONFLICT,
                           _("This item already exists."));
      return FALSE;
    }
  return TRUE;
}

/* Siblings of @record in the order of their list (a measure's are the
 * measures of its project). Borrowed references. */
static GPtrArray *
siblings_of (TableState *ts,
             GkRecord   *record)
{
  GPtrArray *siblings = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ts->store));
  gint64 parent = ts->parent_column >= 0 ? gk_record_get_int_cell (record, ts->parent_column) : 0;

  for (guint i = 0; i < n; i++)
    {
      GkRecord *item = store_item (ts, i);

      if (ts->parent_column < 0 || gk_record_get_int_cell (item, ts->parent_column) == parent)
        g_ptr_array_add (siblings, item);
    }
  return siblings;
}

static void
append_position (TableState *ts,
                 GkRecord   *record)
{
  g_autoptr(GPtrArray) siblings = NULL;
  gint64 last = -1;

  if (ts->position_column < 0 || gk_record_get_int_cell (record, ts->position_column) >= 0)
    return;

  siblings = siblings_of (ts, record);
  for (guint i = 0; i < siblings->len; i++)
    last = MAX (last, gk_record_get_int_cell (siblings->pdata[i], ts->position_column));
  gk_record_set_int_cell (record, ts->position_column, last + 1);
}

gboolean
gk_document_insert (GkDocument  *self,
                    GkRecord    *record,
                    GError     **error)
{
  g_autofree char *description = NULL;
  TableState *ts;
  gint64 id = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_live (record, error))
    return FALSE;
  ts = table_for_record (self, record);
  g_return_val_if_fail (ts != NULL, FALSE);

  append_position (ts, record);
  if (!gk_validation_check_record (record, self, error))
    return FALSE;

  description = describe_edit (self, EDIT_INSERT, record);
  if (!run_edit (self, ts, EDIT_INSERT, record, description, &id, error))
    return FALSE;

  gk_record_copy_system (record, lookup (ts, id));
  return TRUE;
}

gboolean
gk_document_update (GkDocument  *self,
                    GkRecord    *record,
                    GError     **error)
{
  g_autofree char *description = NULL;
  TableState *ts;
  GkRecord *live;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ts = table_for_record (self, record);
  g_return_val_if_fail (ts != NULL, FALSE);

  live = lookup (ts, gk_record_get_id (record));
  if (live == NULL)
    {
      set_row_error (self, ts, record, error);
      return FALSE;
    }
  if (live == record || gk_record_content_equal (live, record))
    return TRUE;

  if (!gk_validation_check_record (record, self, error))
    return FALSE;

  description = describe_edit (self, EDIT_UPDATE, record);
  if (!run_edit (self, ts, EDIT_UPDATE, record, description, NULL, error))
    return FALSE;

  gk_record_copy_system (record, live);
  return TRUE;
}

gboolean
gk_document_delete (GkDocument  *self,
                    GkRecord    *record,
                    GError     **error)
{
  g_autofree char *description = NULL;
  TableState *ts;
  GkRecord *live;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ts = table_for_record (self, record);
  g_return_val_if_fail (ts != NULL, FALSE);

  live = lookup (ts, gk_record_get_id (record));
  if (live == NULL)
    {
      set_row_error (self, ts, record, error);
      return FALSE;
    }
  if (!gk_validation_check_delete (live, self, error))
    return FALSE;

  description = describe_edit (self, EDIT_DELETE, live);
  return run_edit (self, ts, EDIT_DELETE, record, description, NULL, error);
}

gboolean
gk_document_move (GkDocument  *self,
                  GkRecord    *record,
                  guint        index,
                  GError     **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree char *description = NULL;
  TableState *ts;
  GkRecord *live;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);

  ts = table_for_record (self, record);
  g_return_val_if_fail (ts != NULL && ts->position_column >= 0, FALSE);

  live = lookup (ts, gk_record_get_id (record));
  if (live == NULL)
    {
      set_row_error (self, ts, record, error);
      return FALSE;
    }

  siblings = siblings_of (ts, live);
  g_ptr_array_remove (siblings, live);
  g_ptr_array_insert (siblings, MIN (index, siblings->len), live);

  if (GK_IS_TOPIC (live))
    description = g_strdup_printf (_("Move topic “%s”"), gk_record_get_label (live));
  else if (GK_IS_FOCUS_PROJECT (live))
    description = g_strdup_printf (_("Move focus project “%s”"), gk_record_get_label (live));
  else if (GK_IS_INDICATOR (live))
    description = g_strdup_printf (_("Move indicator “%s”"), gk_record_get_label (live));
  else
    description = g_strdup_printf (_("Move measure “%s”"), gk_record_get_label (live));

  /* Hold the records: renumbering reorders the list under us. */
  g_ptr_array_foreach (siblings, (GFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (siblings, g_object_unref);

  gk_document_begin_group (self, description);
  for (guint i = 0; i < siblings->len; i++)
    {
      GkRecord *sibling = siblings->pdata[i];
      g_autoptr(GkRecord) copy = NULL;

      if (gk_record_get_int_cell (sibling, ts->position_column) == i)
        continue;
      copy = gk_record_copy (sibling);
      gk_record_set_int_cell (copy, ts->position_column, i);
      if (!gk_document_update (self, copy, error))
        {
          gk_document_cancel_group (self);
          return FALSE;
        }
    }
  return gk_document_end_group (self, error);
}

/* ---- groups ---------------------------------------------------------------- */

void
gk_document_begin_group (GkDocument *self,
                         const char *description)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (description != NULL);

  if (self->group_depth++ > 0)
    return;

  g_free (self->group_description);
  self->group_description = g_strdup (description);
  self->group_cancelled = FALSE;
  self->group_failed = FALSE;

  self->group_session = session_start (self, &error);
  if (self->group_session == NULL || !exec (self, "SAVEPOINT gk_group", &error))
    {
      /* Reported by gk_document_end_group(); edits meanwhile still work,
       * each in its own transaction. */
      g_warning ("Could not start a group of edits: %s", error->message);
      self->group_failed = TRUE;
    }
}

/* Rolls back every edit of the group and brings the objects back. */
static void
rollback_group (GkDocument *self)
{
  g_autoptr(GBytes) changes = NULL;

  changes = session_changes (self, self->group_session, NULL);
  rollback_to (self, "gk_group");
  g_clear_pointer (&self->group_session, sqlite3session_delete);
  if (changes != NULL)
    reload_changed_rows (self, changes);
}

gboolean
gk_document_end_group (GkDocument  *self,
                       GError     **error)
{
  g_autoptr(GBytes) changes = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return TRUE;

  if (self->group_failed)
    {
      g_clear_pointer (&self->group_session, sqlite3session_delete);
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_BUSY,
                           _("The changes could not be grouped into one step."));
      return FALSE;
    }
  if (self->group_cancelled)
    {
      rollback_group (self);
      return TRUE;
    }

  changes = session_changes (self, self->group_session, error);
  if (changes == NULL || !exec (self, "RELEASE gk_group", error))
    {
      rollback_group (self);
      return FALSE;
    }
  g_clear_pointer (&self->group_session, sqlite3session_delete);

  if (g_bytes_get_size (changes) > 0)
    {
      gk_undo_stack_push (self->history, self->group_description, changes);
      emit_changed (self);
    }
  return TRUE;
}

void
gk_document_cancel_group (GkDocument *self)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_cancelled = TRUE;
  if (--self->group_depth > 0)
    return;

  if (self->group_failed)
    g_clear_pointer (&self->group_session, sqlite3session_delete);
  else
    rollback_group (self);
}

GkMeasure *
gk_document_add_measure_from_catalogue (GkDocument          *self,
                                        GkCatalogueMeasure  *entry,
                                        gint64               project_id,
                                        gint64               topic_id,
                                        GkLevel              target_level,
                                        const char          *target_date,
                                        GError             **error)
{
  g_autoptr(GkMeasure) measure = gk_measure_new ();
  g_autofree char *description = NULL;
  gint64 measure_id;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GK_IS_CATALOGUE_MEASURE (entry), NULL);

  gk_measure_set_project_id (measure, project_id);
  gk_measure_set_title (measure, gk_catalogue_measure_get_title (entry));
  gk_measure_set_description (measure, gk_catalogue_measure_get_description (entry));
  gk_measure_set_kind (measure, gk_catalogue_measure_get_kind (entry));
  gk_measure_set_expected_effect (measure, gk_catalogue_measure_get_expected_effect (entry));

  description = g_strdup_printf (_("Add measure “%s” from the catalogue"), gk_catalogue_measure_get_title (entry));
  gk_document_begin_group (self, description);

  if (!gk_document_insert (self, GK_RECORD (measure), error))
    goto failed;
  measure_id = gk_record_get_id (GK_RECORD (measure));

  if (topic_id != 0)
    {
      g_autoptr(GkMeasureTarget) target = gk_measure_target_new ();

      gk_measure_target_set_measure_id (target, measure_id);
      gk_measure_target_set_topic_id (target, topic_id);
      gk_measure_target_set_target_level (target, target_level);
      gk_measure_target_set_target_date (target, target_date);
      if (!gk_document_insert (self, GK_RECORD (target), error))
        goto failed;
    }

  if (!gk_document_end_group (self, error))
    return NULL;
  return gk_document_lookup_measure (self, measure_id);

failed:
  gk_document_cancel_group (self);
  return NULL;
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
  g_autofree char *now = now_utc (self);
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
  if (!exec (self, "PRAGMA foreign_keys = OFF", error))
    return NULL;

  ok = (session = session_start (self, error)) != NULL && exec (self, "SAVEPOINT gk_undo", error);
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
      ok = ok && stamp_changes (self, inverse, STAMP_APPLIED, now, error) >= 0;
      ok = ok && (changes = session_changes (self, session, error)) != NULL;
      ok = ok && write_change_log (self, changes, summary, now, error);
      if (!ok || !exec (self, "RELEASE gk_undo", error))
        {
          rollback_to (self, "gk_undo");
          ok = FALSE;
        }
    }
  g_clear_pointer (&session, sqlite3session_delete);
  exec (self, "PRAGMA foreign_keys = ON", NULL);

  if (!ok)
    return NULL;

  reload_changed_rows (self, changes);
  return g_steal_pointer (&changes);
}

static gboolean
check_can_step (GkDocument  *self,
                GBytes      *step,
                GError     **error)
{
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
  emit_changed (self);
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
  emit_changed (self);
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

/* ---- changes made behind our back ------------------------------------------ */

void
gk_document_reload_rows (GkDocument *self,
                         GBytes     *changeset)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (changeset != NULL);

  if (g_bytes_get_size (changeset) == 0)
    return;
  reload_changed_rows (self, changeset);
  emit_changed (self);
}

gboolean
gk_document_reload_all (GkDocument  *self,
                        GError     **error)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  for (guint t = 0; t < N_TABLES; t++)
    {
      TableState *ts = &self->tables[t];
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s", ts->table->name);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GHashTable) in_file = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
      sqlite3_stmt *stmt = NULL;
      GHashTableIter iter;
      gpointer value;
      int rc;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          gk_validation_set_sqlite_error (error, self->db, sqlite3_errcode (self->db));
          return FALSE;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          gk_validation_set_sqlite_error (error, self->db, rc);
          return FALSE;
        }

      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (in_file, &g_array_index (ids, gint64, i));

      g_hash_table_iter_init (&iter, ts->by_id);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (!g_hash_table_contains (in_file, gk_record_get_id_ref (value)))
          g_ptr_array_add (gone, g_object_ref (value));
      for (guint i = 0; i < gone->len; i++)
        remove_live (self, ts, gone->pdata[i]);

      for (guint i = 0; i < ids->len; i++)
        reload_row (self, ts, g_array_index (ids, gint64, i));
    }

  emit_changed (self);
  return TRUE;
}

/* ---- lists and lookups ----------------------------------------------------- */

GListModel *
gk_document_get_list (GkDocument *self,
                      GType       type)
{
  TableState *ts;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  ts = table_for_type (self, type);
  g_return_val_if_fail (ts != NULL, NULL);
  return G_LIST_MODEL (ts->store);
}

#define LIST_GETTER(name, table) \
  GListModel * \
  gk_document_get_##name (GkDocument *self) \
  { \
    g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL); \
    return G_LIST_MODEL (self->tables[table].store); \
  }

LIST_GETTER (people, T_PERSON)
LIST_GETTER (topics, T_TOPIC)
LIST_GETTER (assessments, T_ASSESSMENT)
LIST_GETTER (focus_projects, T_FOCUS_PROJECT)
LIST_GETTER (project_topics, T_PROJECT_TOPIC)
LIST_GETTER (measures, T_MEASURE)
LIST_GETTER (measure_targets, T_MEASURE_TARGET)
LIST_GETTER (measure_links, T_MEASURE_LINK)
LIST_GETTER (indicators, T_INDICATOR)
LIST_GETTER (indicator_topics, T_INDICATOR_TOPIC)
LIST_GETTER (indicator_projects, T_INDICATOR_PROJECT)
LIST_GETTER (measurements, T_MEASUREMENT)
LIST_GETTER (journal, T_JOURNAL_ENTRY)
LIST_GETTER (catalogue, T_CATALOGUE_MEASURE)

#undef LIST_GETTER

GkProgramme *
gk_document_get_programme (GkDocument *self)
{
  GListModel *list;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  list = G_LIST_MODEL (self->tables[T_PROGRAMME].store);
  return g_list_model_get_n_items (list) > 0 ? GK_PROGRAMME (store_item (&self->tables[T_PROGRAMME], 0)) : NULL;
}

GkRecord *
gk_document_lookup (GkDocument *self,
                    GType       type,
                    gint64      id)
{
  TableState *ts;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  ts = table_for_type (self, type);
  g_return_val_if_fail (ts != NULL, NULL);
  return lookup (ts, id);
}

GkRecord *
gk_document_lookup_in_table (GkDocument *self,
                             const char *table_name,
                             gint64      id)
{
  TableState *ts;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (table_name != NULL, NULL);

  ts = g_hash_table_lookup (self->tables_by_name, table_name);
  g_return_val_if_fail (ts != NULL, NULL);
  return lookup (ts, id);
}

#define LOOKUP(Type, name, table) \
  Type * \
  gk_document_lookup_##name (GkDocument *self, \
                             gint64      id) \
  { \
    g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL); \
    return (Type *) lookup (&self->tables[table], id); \
  }

LOOKUP (GkPerson, person, T_PERSON)
LOOKUP (GkTopic, topic, T_TOPIC)
LOOKUP (GkFocusProject, focus_project, T_FOCUS_PROJECT)
LOOKUP (GkMeasure, measure, T_MEASURE)
LOOKUP (GkIndicator, indicator, T_INDICATOR)

#undef LOOKUP

GPtrArray *
gk_document_get_measurements_for_indicator (GkDocument *self,
                                            gint64      indicator_id)
{
  Series *series;
  GPtrArray *result;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  series = series_get (self, indicator_id, FALSE);
  if (series == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  result = g_ptr_array_new_full (series->items->len, g_object_unref);
  for (guint i = 0; i < series->items->len; i++)
    g_ptr_array_add (result, g_object_ref (series->items->pdata[i]));
  return result;
}

/* Binary search of the series, which is in period order. */
GkMeasurement *
gk_document_lookup_measurement (GkDocument *self,
                                gint64      indicator_id,
                                const char *period_date)
{
  Series *series;
  guint lo = 0, hi;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  series = series_get (self, indicator_id, FALSE);
  if (series == NULL || period_date == NULL)
    return NULL;
  hi = series->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      GkMeasurement *item = g_ptr_array_index (series->items, mid);
      int c = g_strcmp0 (gk_measurement_get_period_date (item), period_date);

      if (c == 0)
        return item;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

GType
gk_document_type_for_table (const char *table_name)
{
  g_return_val_if_fail (table_name != NULL, G_TYPE_INVALID);

  for (guint i = 0; i < N_TABLES; i++)
    {
      GType type = table_setup[i].get_type ();
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      if (g_str_equal (gk_record_class_get_table (GK_RECORD_CLASS (klass))->name, table_name))
        return type;
    }
  return G_TYPE_INVALID;
}

/* ---- GObject --------------------------------------------------------------- */

sqlite3 *
gk_document_get_db (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  return self->db;
}

void
gk_document_set_clock (GkDocument *self,
                       GkClock    *clock)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (clock == NULL || GK_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

const char *
gk_document_get_user_name (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  return self->user_name;
}

void
gk_document_set_user_name (GkDocument *self,
                           const char *user_name)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));

  if (user_name == NULL)
    user_name = "";
  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;
  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
}

gboolean
gk_document_get_dirty (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  return self->dirty;
}

void
gk_document_set_dirty (GkDocument *self,
                       gboolean    dirty)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));

  set_dirty (self, !!dirty);
}

static void
forward_history_notify (GkDocument *self,
                        GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  for (guint i = PROP_CAN_UNDO; i <= PROP_REDO_DESCRIPTION; i++)
    if (g_str_equal (g_param_spec_get_name (properties[i]), name))
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
gk_document_dispose (GObject *object)
{
  GkDocument *self = GK_DOCUMENT (object);

  if (self->group_session != NULL)
    {
      g_warning ("A document was disposed with a group of edits still open; rolling it back");
      rollback_group (self);
      self->group_depth = 0;
    }

  for (guint i = 0; i < N_TABLES; i++)
    {
      TableState *ts = &self->tables[i];

      finalize_statements (ts);
      if (ts->by_id != NULL)
        {
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, ts->by_id);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            gk_record_set_live (value, FALSE);
        }
    }
  g_clear_pointer (&self->log_insert, sqlite3_finalize);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (gk_document_parent_class)->dispose (object);
}

static void
gk_document_finalize (GObject *object)
{
  GkDocument *self = GK_DOCUMENT (object);

  g_clear_object (&self->clock);
  g_clear_pointer (&self->series, g_hash_table_unref);
  for (guint i = 0; i < N_TABLES; i++)
    {
      TableState *ts = &self->tables[i];

      g_clear_pointer (&ts->by_id, g_hash_table_unref);
      g_clear_object (&ts->store);
      for (guint k = 0; k < N_SQL; k++)
        g_clear_pointer (&ts->sql[k], g_free);
      g_clear_pointer (&ts->klass, g_type_class_unref);
    }
  g_clear_pointer (&self->tables_by_name, g_hash_table_unref);
  g_free (self->user_name);
  g_free (self->group_description);

  G_OBJECT_CLASS (gk_document_parent_class)->finalize (object);
}

static void
gk_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GkDocument *self = GK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gk_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gk_document_can_redo (self));
      break;
    case PROP_UNDO_DESCRIPTION:
      g_value_set_string (value, gk_document_get_undo_description (self));
      break;
    case PROP_REDO_DESCRIPTION:
      g_value_set_string (value, gk_document_get_redo_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GkDocument *self = GK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      gk_document_set_user_name (self, g_value_get_string (value));
      break;
    case PROP_DIRTY:
      gk_document_set_dirty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_document_class_init (GkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_document_dispose;
  object_class->finalize = gk_document_finalize;
  object_class->get_property = gk_document_get_property;
  object_class->set_property = gk_document_set_property;

  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_DESCRIPTION] =
    g_param_spec_string ("undo-description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_DESCRIPTION] =
    g_param_spec_string ("redo-description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkDocument::changed:
   *
   * Emitted after every change that was committed to the file: an edit, a
   * group of edits, an undo or redo, or reloaded rows; the live objects and
   * list models are already up to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static const char *
default_user_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

static void
gk_document_init (GkDocument *self)
{
  self->user_name = g_strdup (default_user_name ());
  self->history = gk_undo_stack_new (GK_UNDO_STACK_DEFAULT_LIMIT);
  self->tables_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->series = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, series_free);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (forward_history_notify),
                           self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_TABLES; i++)
    {
      TableState *ts = &self->tables[i];
      GTypeClass *klass;

      ts->id = i;
      ts->type = table_setup[i].get_type ();
      ts->klass = klass = g_type_class_ref (ts->type);
      ts->table = gk_record_class_get_table (GK_RECORD_CLASS (klass));
      parse_order (ts, table_setup[i].order);
      build_sql (ts);
      ts->position_column = column_index (ts->table, "position");
      ts->parent_column = table_setup[i].parent_column != NULL
                          ? column_index (ts->table, table_setup[i].parent_column) : -1;
      ts->version_column = gk_record_class_get_version_column (GK_RECORD_CLASS (klass));
      ts->store = g_list_store_new (ts->type);
      ts->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
      g_hash_table_insert (self->tables_by_name, (gpointer) ts->table->name, ts);
    }
}

GkDocument *
gk_document_new_for_db (sqlite3  *db,
                        GError  **error)
{
  g_autoptr(GkDocument) self = NULL;
  gboolean own_transaction;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (GK_TYPE_DOCUMENT, NULL);
  self->db = db;

  /* Cascades are part of the model (deleting a project deletes its
   * measures); the pragma is a per-connection setting. */
  if (!exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!check_columns (self, error))
    return NULL;

  /* One read transaction for the whole load: one consistent snapshot (unless
   * the caller has a transaction open already). */
  own_transaction = sqlite3_get_autocommit (db);
  if (own_transaction && !exec (self, "BEGIN", error))
    return NULL;
  for (guint i = 0; i < N_TABLES; i++)
    if (!load_table (self, &self->tables[i], error))
      {
        if (own_transaction)
          exec (self, "ROLLBACK", NULL);
        return NULL;
      }
  if (own_transaction && !exec (self, "COMMIT", error))
    return NULL;

  return g_steal_pointer (&self);
}
