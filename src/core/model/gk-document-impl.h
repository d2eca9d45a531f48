/* gk-document-impl.h: the state shared by the files that make up GkDocument
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GkDocument is four files, one per concern; nothing else includes this:
 *
 *   gk-document.c          the object: construction and loading, the lists
 *                          and lookups, rows reloaded after a merge
 *   gk-document-rows.c     live objects that mirror rows: the SQL of each
 *                          table, the order of the lists, the measurement
 *                          index, rereading the rows a changeset names
 *   gk-document-edit.c     insert, update, delete, move, groups of edits,
 *                          and the descriptions of edits
 *   gk-document-history.c  the change log and undo/redo
 *
 * How changes flow:
 *
 *   edit    validate -> SAVEPOINT -> write the row (version + 1, updated_at,
 *           updated_by) -> take the changeset of a session attached for just
 *           this edit (it includes what ON DELETE CASCADE / SET NULL did) ->
 *           stamp the rows changed by a cascade -> change_log rows -> RELEASE
 *   insert  in a group (an import: thousands in a row): no session of its
 *           own, since an insert changes only its own row and the group's
 *           session records it; its change_log row is written directly, and
 *           its new live object waits in the table's pending array until
 *           the group ends or the list is read (one items-changed per run)
 *   undo    apply the inverse of the step's changeset, with foreign key
 *           actions off (the changeset already holds every cascaded row) and
 *           any conflict aborting; stamp the rows with a *new* version (so
 *           versions only ever grow and optimistic checks stay sound); log;
 *           the changeset this made is what redo will invert
 *   then    gk_document_reload_changed_rows(): read back exactly the rows the
 *           changeset names and update the live objects and list models
 *
 * The session extension ignores change_log (the log only grows, also on
 * undo) and records net changes, so a rolled back savepoint leaves nothing.
 */
#pragma once

/* The session extension's API is only declared with these, and they must
 * come before the first inclusion of sqlite3.h. */
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

#include "gk-document-private.h"
#include "gk-record-private.h"
#include "gk-undo-stack.h"

G_BEGIN_DECLS

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
  /* Rows added inside a group and not yet in the store (refs): they go in
   * at the end of the group, or when someone reads the store, in as few
   * items-changed as their places allow. */
  GPtrArray     *pending;

  char          *sql[N_SQL];
  sqlite3_stmt  *select_one;
  sqlite3_stmt  *insert;
  sqlite3_stmt  *update;
  sqlite3_stmt  *delete;
  sqlite3_stmt  *stamp;
  /* Whether the table in the file has the columns of table, in its order
   * and storage classes (1), so that a group can record its inserts itself
   * (gk-document-history.c), or not (-1); 0: not looked at yet. */
  int            changeset_layout;
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
  sqlite3_stmt    *log_insert_many;  /* LOG_BATCH rows in one statement */
  GArray          *log_pending;      /* PendingLogRow: change log rows not yet written */
  GStringChunk    *log_summaries;    /* their summaries */
  sqlite3_stmt    *savepoint_edit;   /* "SAVEPOINT gk_edit", prepared once */
  sqlite3_stmt    *release_edit;     /* "RELEASE gk_edit" */

  GkUndoStack     *history;
  GkClock         *clock;            /* stamps the change log; NULL: the default clock */
  char            *user_name;
  GError          *read_only_reason; /* set: every edit is refused (see gk-document.h) */
  gint64           last_new_id;      /* the id given to the last new row */
  gboolean         dirty;
  guint64          clean_state;      /* the history's state when last clean... */
  gboolean         clean_known;      /* ...unless changes came in besides it */

  /* The open group of edits, if any. */
  guint            group_depth;
  char            *group_description;
  sqlite3_session *group_session;
  gboolean         group_cancelled;
  gboolean         group_failed;
  char            *group_now;        /* the time of the group's edits */
  gboolean         group_log_failed; /* rows were written whose change log was not */
  /* The last description of a figure's edit (see describe_measurement()). */
  const char      *last_description_text;
  char            *last_description_arg;
  char            *last_description;
  GByteArray      *group_inserts;    /* a changeset of the group's inserts, not in its session */
  TableState      *group_inserts_table;  /* the table of its last table header */
};

typedef enum {
  STAMP_CASCADED,   /* after an edit: rows changed by ON DELETE SET NULL */
  STAMP_APPLIED,    /* after undo or redo: every row it inserted or updated */
} StampMode;

/* The live record with @id, or NULL. */
static inline GkRecord *
gk_table_state_lookup (TableState *ts,
                       gint64      id)
{
  return g_hash_table_lookup (ts->by_id, &id);
}

/* The record at @position of the list (borrowed). */
static inline GkRecord *
gk_table_state_item (TableState *ts,
                     guint       position)
{
  /* GListStore keeps a reference; ours is only needed for the call. */
  GkRecord *item = g_list_model_get_item (G_LIST_MODEL (ts->store), position);

  g_object_unref (item);
  return item;
}

/* gk-document.c */
TableState      *gk_document_table_for_type          (GkDocument    *self,
                                                      GType          type);
TableState      *gk_document_table_for_record        (GkDocument    *self,
                                                      GkRecord      *record);
/* Marks the document dirty and emits "changed". */
void             gk_document_emit_changed            (GkDocument    *self);
/* The same after an undo or redo: clean when it led back to the state that
 * was last saved. */
void             gk_document_emit_changed_by_step    (GkDocument    *self);

/* gk-document-rows.c */
gboolean         gk_document_exec                    (GkDocument    *self,
                                                      const char    *sql,
                                                      GError       **error);
/* FALSE with GK_DOCUMENT_ERROR_READ_ONLY when the document is open to look
 * at only: every way to change it asks this first. */
gboolean         gk_document_check_editable          (GkDocument    *self,
                                                      GError       **error);
sqlite3_stmt    *gk_document_prepare                 (GkDocument    *self,
                                                      const char    *sql,
                                                      GError       **error);
int              gk_document_step_done               (sqlite3_stmt  *stmt);
void             gk_document_rollback_to             (GkDocument    *self,
                                                      const char    *savepoint);
/* Parses sort keys ("~name,id", "-date,-id"): see table_setup. */
void             gk_table_state_set_order            (TableState    *ts,
                                                      const char    *order);
void             gk_table_state_build_sql            (TableState    *ts);
void             gk_table_state_finalize_statements  (TableState    *ts);
gboolean         gk_document_ensure_statements       (GkDocument    *self,
                                                      TableState    *ts,
                                                      GError       **error);
void             gk_series_free                      (gpointer       data);
Series          *gk_document_get_series              (GkDocument    *self,
                                                      gint64         indicator_id,
                                                      gboolean       create);
gboolean         gk_document_load_table              (GkDocument    *self,
                                                      TableState    *ts,
                                                      GError       **error);
void             gk_document_remove_live             (GkDocument    *self,
                                                      TableState    *ts,
                                                      GkRecord      *record);
void             gk_document_reload_row              (GkDocument    *self,
                                                      TableState    *ts,
                                                      gint64         id);
void             gk_table_state_flush_pending        (TableState    *ts);
void             gk_document_flush_pending           (GkDocument    *self);
void             gk_document_drop_pending            (GkDocument    *self);
GkRecord        *gk_document_add_inserted            (GkDocument    *self,
                                                      TableState    *ts,
                                                      GkRecord      *written,
                                                      gboolean       adopt,
                                                      gint64         id,
                                                      const char    *now);
void             gk_document_reload_changed_rows     (GkDocument    *self,
                                                      GBytes        *changeset);

/* gk-document-edit.c */
void             gk_document_rollback_group          (GkDocument    *self);

/* gk-document-history.c */
char            *gk_document_now_utc                 (GkDocument    *self);
sqlite3_session *gk_document_session_start           (GkDocument    *self,
                                                      GError       **error);
GBytes          *gk_document_session_changes         (GkDocument    *self,
                                                      sqlite3_session *session,
                                                      GError       **error);
gboolean         gk_document_group_can_record_insert (GkDocument    *self,
                                                      TableState    *ts);
void             gk_document_group_record_insert     (GkDocument    *self,
                                                      TableState    *ts,
                                                      GkRecord      *live);
GBytes          *gk_document_group_changes           (GkDocument    *self,
                                                      GError       **error);
void             gk_document_group_inserts_clear     (GkDocument    *self);
int              gk_document_stamp_changes           (GkDocument    *self,
                                                      GBytes        *changeset,
                                                      StampMode      mode,
                                                      const char    *now,
                                                      GError       **error);
/* The id of a new row (see gk-document-history.c). */
gint64           gk_document_new_row_id              (GkDocument    *self);
gboolean         gk_document_write_change_log        (GkDocument    *self,
                                                      GBytes        *changeset,
                                                      const char    *summary,
                                                      const char    *now,
                                                      GError       **error);
gboolean         gk_document_log_flush               (GkDocument    *self,
                                                      const char    *now,
                                                      GError       **error);
void             gk_document_log_discard             (GkDocument    *self);
gboolean         gk_document_log_insert              (GkDocument    *self,
                                                      TableState    *ts,
                                                      gint64         row_id,
                                                      const char    *summary,
                                                      const char    *now,
                                                      GError       **error);
/* The same for a row whose live record is exactly what its INSERT wrote
 * (a table gk_document_group_can_record_insert() accepts). */
gboolean         gk_document_log_inserted_record     (GkDocument    *self,
                                                      TableState    *ts,
                                                      GkRecord      *live,
                                                      const char    *summary,
                                                      const char    *now,
                                                      GError       **error);

G_END_DECLS
