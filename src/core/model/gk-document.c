/* gk-document.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document object: it loads every table into live records, hands out
 * the lists and lookups, and brings them up to date after changes made
 * behind its back. How the other files share the work is in
 * gk-document-impl.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-impl.h"

G_DEFINE_QUARK (gk-document-error-quark, gk_document_error)

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

/* ---- the tables and the order of their lists -------------------------------
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

/* ---- small helpers --------------------------------------------------------- */

TableState *
gk_document_table_for_type (GkDocument *self,
                            GType       type)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (self->tables[i].type == type)
      return &self->tables[i];
  return NULL;
}

TableState *
gk_document_table_for_record (GkDocument *self,
                              GkRecord   *record)
{
  return gk_document_table_for_type (self, G_OBJECT_TYPE (record));
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

static void
set_dirty (GkDocument *self,
           gboolean    dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

void
gk_document_emit_changed (GkDocument *self)
{
  set_dirty (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gk_document_emit_changed_by_step (GkDocument *self)
{
  set_dirty (self, !self->clean_known || gk_undo_stack_get_state (self->history) != self->clean_state);
  g_signal_emit (self, signals[CHANGED], 0);
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
  gk_document_reload_changed_rows (self, changeset);
  /* others' changes: no undo leads back to what was saved */
  self->clean_known = FALSE;
  gk_document_emit_changed (self);
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
        gk_document_remove_live (self, ts, gone->pdata[i]);

      for (guint i = 0; i < ids->len; i++)
        gk_document_reload_row (self, ts, g_array_index (ids, gint64, i));
    }

  self->clean_known = FALSE;
  gk_document_emit_changed (self);
  return TRUE;
}

/* ---- lists and lookups ----------------------------------------------------- */

GListModel *
gk_document_get_list (GkDocument *self,
                      GType       type)
{
  TableState *ts;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  ts = gk_document_table_for_type (self, type);
  g_return_val_if_fail (ts != NULL, NULL);
  gk_table_state_flush_pending (ts);
  return G_LIST_MODEL (ts->store);
}

#define LIST_GETTER(name, table) \
  GListModel * \
  gk_document_get_##name (GkDocument *self) \
  { \
    g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL); \
    gk_table_state_flush_pending (&self->tables[table]); \
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

  gk_table_state_flush_pending (&self->tables[T_PROGRAMME]);
  list = G_LIST_MODEL (self->tables[T_PROGRAMME].store);
  return g_list_model_get_n_items (list) > 0 ? GK_PROGRAMME (gk_table_state_item (&self->tables[T_PROGRAMME], 0)) : NULL;
}

GkRecord *
gk_document_lookup (GkDocument *self,
                    GType       type,
                    gint64      id)
{
  TableState *ts;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  ts = gk_document_table_for_type (self, type);
  g_return_val_if_fail (ts != NULL, NULL);
  return gk_table_state_lookup (ts, id);
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
  return gk_table_state_lookup (ts, id);
}

#define LOOKUP(Type, name, table) \
  Type * \
  gk_document_lookup_##name (GkDocument *self, \
                             gint64      id) \
  { \
    g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL); \
    return (Type *) gk_table_state_lookup (&self->tables[table], id); \
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

  series = gk_document_get_series (self, indicator_id, FALSE);
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

  series = gk_document_get_series (self, indicator_id, FALSE);
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

GkClock *
gk_document_get_clock (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  return self->clock != NULL ? self->clock : gk_clock_get_default ();
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

void
gk_document_set_read_only_reason (GkDocument   *self,
                                  const GError *reason)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));

  g_clear_error (&self->read_only_reason);
  if (reason != NULL)
    self->read_only_reason = g_error_copy (reason);
}

gboolean
gk_document_get_read_only (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), TRUE);

  return self->read_only_reason != NULL;
}

const GError *
gk_document_get_read_only_reason (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  return self->read_only_reason;
}

gboolean
gk_document_check_editable (GkDocument  *self,
                            GError     **error)
{
  if (self->read_only_reason == NULL)
    return TRUE;
  /* Translators: %s says why, e.g. "Opened from the region; choose Edit to change it." */
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_READ_ONLY,
               _("Nothing was changed: this programme is open read-only. %s"),
               self->read_only_reason->message);
  return FALSE;
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

  /* Clean: what undo and redo must lead back to, to be clean again. */
  if (!dirty)
    {
      self->clean_state = gk_undo_stack_get_state (self->history);
      self->clean_known = TRUE;
    }
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
      gk_document_rollback_group (self);
      self->group_depth = 0;
    }

  for (guint i = 0; i < N_TABLES; i++)
    {
      TableState *ts = &self->tables[i];

      gk_table_state_finalize_statements (ts);
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
  g_clear_pointer (&self->log_insert_many, sqlite3_finalize);
  g_clear_pointer (&self->log_pending, g_array_unref);
  g_clear_pointer (&self->log_summaries, g_string_chunk_free);
  g_clear_pointer (&self->group_inserts, g_byte_array_unref);
  g_clear_pointer (&self->last_description_arg, g_free);
  g_clear_pointer (&self->last_description, g_free);
  g_clear_pointer (&self->savepoint_edit, sqlite3_finalize);
  g_clear_error (&self->read_only_reason);
  g_clear_pointer (&self->release_edit, sqlite3_finalize);
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
      g_clear_pointer (&ts->pending, g_ptr_array_unref);
      g_clear_object (&ts->store);
      for (guint k = 0; k < N_SQL; k++)
        g_clear_pointer (&ts->sql[k], g_free);
      g_clear_pointer (&ts->klass, g_type_class_unref);
    }
  g_clear_pointer (&self->tables_by_name, g_hash_table_unref);
  g_free (self->user_name);
  g_free (self->group_description);
  g_free (self->group_now);

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
  self->clean_known = TRUE;
  self->tables_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->series = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, gk_series_free);
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
      gk_table_state_set_order (ts, table_setup[i].order);
      gk_table_state_build_sql (ts);
      ts->position_column = gk_table_column_index (ts->table, "position");
      ts->parent_column = table_setup[i].parent_column != NULL
                          ? gk_table_column_index (ts->table, table_setup[i].parent_column) : -1;
      ts->version_column = gk_record_class_get_version_column (GK_RECORD_CLASS (klass));
      ts->store = g_list_store_new (ts->type);
      ts->pending = g_ptr_array_new_with_free_func (g_object_unref);
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
  if (!gk_document_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!check_columns (self, error))
    return NULL;

  /* One read transaction for the whole load: one consistent snapshot (unless
   * the caller has a transaction open already). */
  own_transaction = sqlite3_get_autocommit (db);
  if (own_transaction && !gk_document_exec (self, "BEGIN", error))
    return NULL;
  for (guint i = 0; i < N_TABLES; i++)
    if (!gk_document_load_table (self, &self->tables[i], error))
      {
        if (own_transaction)
          gk_document_exec (self, "ROLLBACK", NULL);
        return NULL;
      }
  if (own_transaction && !gk_document_exec (self, "COMMIT", error))
    return NULL;

  return g_steal_pointer (&self);
}
