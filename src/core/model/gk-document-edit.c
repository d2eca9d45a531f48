/* gk-document-edit.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing: every insert, update, delete and move, alone or in a group of
 * edits, validated, written in one savepoint with its change log, and made
 * an undo step.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-impl.h"
#include "gk-validation.h"

/* ---- descriptions of edits ------------------------------------------------- */

static const char *
label_in (GkDocument *self,
          TableId     table,
          gint64      id)
{
  GkRecord *record = gk_table_state_lookup (&self->tables[table], id);

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

/* The description of a figure's edit: an import describes thousands of
 * figures of a few indicators alike, so the last one is kept, by the
 * translated text of the kind of edit (the same pointer while the language
 * is) and the indicator's name. */
static char *
describe_measurement (GkDocument *self,
                      EditKind    kind,
                      const char *indicator)
{
  const char *text = kind == EDIT_INSERT ? _("Enter measurement for “%s”") :
                     kind == EDIT_UPDATE ? _("Edit measurement for “%s”") :
                                           _("Delete measurement for “%s”");

  if (self->last_description == NULL || self->last_description_text != text ||
      g_strcmp0 (self->last_description_arg, indicator) != 0)
    {
      g_free (self->last_description);
      g_free (self->last_description_arg);
      self->last_description_text = text;
      self->last_description_arg = g_strdup (indicator);
      self->last_description = kind == EDIT_INSERT ? g_strdup_printf (_("Enter measurement for “%s”"), indicator) :
                               kind == EDIT_UPDATE ? g_strdup_printf (_("Edit measurement for “%s”"), indicator) :
                                                     g_strdup_printf (_("Delete measurement for “%s”"), indicator);
    }
  return g_strdup (self->last_description);
}

/* The description of an edit, as shown in the Undo menu and the change log. */
static char *
describe_edit (GkDocument *self,
               EditKind    kind,
               GkRecord   *record)
{
  const char *label = gk_record_get_label (record);

  /* Figures first: an import describes them by the thousand. */
  if (GK_IS_MEASUREMENT (record))
    {
      const char *indicator = label_in (self, T_INDICATOR,
                                        gk_measurement_get_indicator_id (GK_MEASUREMENT (record)));

      return describe_measurement (self, kind, indicator);
    }

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
  GkRecord *live = gk_table_state_lookup (ts, gk_record_get_id (record));

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

  if (!gk_document_ensure_statements (self, ts, error))
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
        id = (ts->table->columns[0].flags & GK_COLUMN_FLAG_SINGLE_ROW) ? 1 : gk_document_new_row_id (self);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, v + 1, kind == EDIT_INSERT ? 1 : version + 1);
      sqlite3_bind_text (stmt, v + 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, v + 3, self->user_name, -1, SQLITE_STATIC);
      if (kind == EDIT_UPDATE)
        sqlite3_bind_int64 (stmt, ts->table->n_columns + 1, version);
    }

  rc = gk_document_step_done (stmt);
  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  if (kind == EDIT_INSERT)
    *out_id = id;
  else if (sqlite3_changes (self->db) == 0)
    {
      set_row_error (self, ts, record, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs one of the edit's savepoint statements, prepared on first use: an
 * import runs them once per row, and parsing them each time was a good part
 * of its cost. */
static gboolean
run_savepoint_sql (GkDocument    *self,
                   sqlite3_stmt **stmt,
                   const char    *sql,
                   GError       **error)
{
  int rc;

  if (*stmt == NULL && (*stmt = gk_document_prepare (self, sql, error)) == NULL)
    return FALSE;
  rc = gk_document_step_done (*stmt);
  if (rc != SQLITE_DONE)
    {
      gk_validation_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

/* An insert inside a group, the bulk of an import: the group's session
 * records the change for the undo step, and an insert changes nothing but
 * its own row (the schema has no triggers and foreign keys only act on
 * update and delete), so the edit needs no session of its own: its change
 * log row and its reload are those of that one row. Nor does it need a
 * savepoint of its own: a failed INSERT statement changes nothing (SQLite
 * undoes a failed statement itself), and its change log row is queued and
 * written in batches (see gk-document-history.c); when that fails, rows
 * were written without their log, so the group can only be rolled back.
 * A savepoint per row made SQLite copy every page the row touched into its
 * statement journal, a good part of the time of an import. */
static gboolean
run_insert_in_group (GkDocument  *self,
                     TableState  *ts,
                     GkRecord    *record,
                     gboolean     adopt,
                     const char  *description,
                     gint64      *out_id,
                     GError     **error)
{
  /* The group records the insert itself, not its session (see
   * gk-document-history.c). */
  gboolean record_insert = gk_document_group_can_record_insert (self, ts);
  GkRecord *live;
  gboolean written, logged;

  if (record_insert)
    sqlite3session_enable (self->group_session, 0);
  written = write_row (self, ts, EDIT_INSERT, record, self->group_now, out_id, error);
  if (record_insert)
    sqlite3session_enable (self->group_session, 1);
  if (!written)
    return FALSE;
  if (record_insert)
    {
      /* Recorded in the group's changeset before anything can fail, so
       * that a rollback of the group takes the row back out of the lists. */
      live = gk_document_add_inserted (self, ts, record, adopt, *out_id, self->group_now);
      gk_document_group_record_insert (self, ts, live);
      logged = gk_document_log_inserted_record (self, ts, live, description, self->group_now, error);
    }
  else
    {
      logged = gk_document_log_insert (self, ts, *out_id, description, self->group_now, error);
      if (logged)
        gk_document_add_inserted (self, ts, record, adopt, *out_id, self->group_now);
    }
  if (!logged)
    self->group_log_failed = TRUE;
  return logged;
}

/* One edit: write, log, commit (or release into the open group), reload,
 * and make it an undo step when it is not part of a group. */
static gboolean
run_edit (GkDocument  *self,
          TableState  *ts,
          EditKind     kind,
          GkRecord    *record,
          gboolean     adopt,
          const char  *description,
          gint64      *out_id,
          GError     **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GBytes) changes = NULL;
  sqlite3_session *session;
  gboolean ok;

  /* Every edit comes through here, also those of groups and moves. */
  if (!gk_document_check_editable (self, error))
    return FALSE;
  if (kind == EDIT_INSERT && self->group_depth > 0 && self->group_session != NULL && !self->group_failed)
    return run_insert_in_group (self, ts, record, adopt, description, out_id, error);

  now = self->group_depth > 0 && self->group_now != NULL ? g_strdup (self->group_now) : gk_document_now_utc (self);
  if ((session = gk_document_session_start (self, error)) == NULL)
    return FALSE;
  if (!run_savepoint_sql (self, &self->savepoint_edit, "SAVEPOINT gk_edit", error))
    {
      sqlite3session_delete (session);
      return FALSE;
    }

  ok = write_row (self, ts, kind, record, now, out_id, error);
  if (ok)
    {
      int n_stamped;

      changes = gk_document_session_changes (self, session, error);
      n_stamped = changes != NULL ? gk_document_stamp_changes (self, changes, STAMP_CASCADED, now, error) : -1;
      if (n_stamped > 0)
        {
          g_clear_pointer (&changes, g_bytes_unref);
          changes = gk_document_session_changes (self, session, error);
        }
      ok = n_stamped >= 0 && changes != NULL &&
           gk_document_write_change_log (self, changes, description, now, error);
    }
  sqlite3session_delete (session);

  /* Outside a group, releasing the savepoint commits the transaction. */
  if (!ok || !run_savepoint_sql (self, &self->release_edit, "RELEASE gk_edit", error))
    {
      gk_document_rollback_to (self, "gk_edit");
      return FALSE;
    }

  gk_document_reload_changed_rows (self, changes);
  if (self->group_depth == 0)
    {
      gk_undo_stack_push (self->history, description, changes);
      gk_document_emit_changed (self);
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
  guint n;
  gint64 parent = ts->parent_column >= 0 ? gk_record_get_int_cell (record, ts->parent_column) : 0;

  gk_table_state_flush_pending (ts);
  n = g_list_model_get_n_items (G_LIST_MODEL (ts->store));
  for (guint i = 0; i < n; i++)
    {
      GkRecord *item = gk_table_state_item (ts, i);

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

static gboolean
insert_record (GkDocument  *self,
               GkRecord    *record,
               gboolean     adopt,
               GError     **error)
{
  g_autofree char *description = NULL;
  TableState *ts;
  GkRecord *live;
  gint64 id = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_live (record, error))
    return FALSE;
  ts = gk_document_table_for_record (self, record);
  g_return_val_if_fail (ts != NULL, FALSE);

  append_position (ts, record);
  if (!gk_validation_check_record (record, self, error))
    return FALSE;

  description = describe_edit (self, EDIT_INSERT, record);
  if (!run_edit (self, ts, EDIT_INSERT, record, adopt, description, &id, error))
    return FALSE;

  live = gk_table_state_lookup (ts, id);
  if (live != record)
    gk_record_copy_system (record, live);
  return TRUE;
}

gboolean
gk_document_insert (GkDocument  *self,
                    GkRecord    *record,
                    GError     **error)
{
  return insert_record (self, record, FALSE, error);
}

/* An import made the record for this insert only: taking it as the live
 * record saves a copy of it and copying the id and stamps back into it,
 * a tenth of the time of each figure. */
gboolean
gk_document_insert_adopt (GkDocument  *self,
                          GkRecord    *record,
                          GError     **error)
{
  return insert_record (self, record, TRUE, error);
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

  ts = gk_document_table_for_record (self, record);
  g_return_val_if_fail (ts != NULL, FALSE);

  live = gk_table_state_lookup (ts, gk_record_get_id (record));
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
  if (!run_edit (self, ts, EDIT_UPDATE, record, FALSE, description, NULL, error))
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

  ts = gk_document_table_for_record (self, record);
  g_return_val_if_fail (ts != NULL, FALSE);

  live = gk_table_state_lookup (ts, gk_record_get_id (record));
  if (live == NULL)
    {
      set_row_error (self, ts, record, error);
      return FALSE;
    }
  if (!gk_validation_check_delete (live, self, error))
    return FALSE;

  description = describe_edit (self, EDIT_DELETE, live);
  return run_edit (self, ts, EDIT_DELETE, record, FALSE, description, NULL, error);
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

  ts = gk_document_table_for_record (self, record);
  g_return_val_if_fail (ts != NULL && ts->position_column >= 0, FALSE);

  live = gk_table_state_lookup (ts, gk_record_get_id (record));
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
  /* One moment for the whole group: reading the clock per row of an import
   * was a measurable part of it. */
  g_free (self->group_now);
  self->group_now = gk_document_now_utc (self);
  self->group_cancelled = FALSE;
  self->group_failed = FALSE;
  self->group_log_failed = FALSE;
  gk_document_group_inserts_clear (self);

  self->group_session = gk_document_session_start (self, &error);
  if (self->group_session == NULL || !gk_document_exec (self, "SAVEPOINT gk_group", &error))
    {
      /* Reported by gk_document_end_group(); edits meanwhile still work,
       * each in its own transaction. */
      g_warning ("Could not start a group of edits: %s", error->message);
      self->group_failed = TRUE;
    }
}

/* Rolls back every edit of the group and brings the objects back. */
void
gk_document_rollback_group (GkDocument *self)
{
  g_autoptr(GBytes) changes = NULL;

  gk_document_log_discard (self);
  gk_document_drop_pending (self);
  changes = gk_document_group_changes (self, NULL);
  gk_document_rollback_to (self, "gk_group");
  g_clear_pointer (&self->group_session, sqlite3session_delete);
  gk_document_group_inserts_clear (self);
  if (changes != NULL)
    gk_document_reload_changed_rows (self, changes);
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
      gk_document_flush_pending (self);
      g_clear_pointer (&self->group_session, sqlite3session_delete);
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_BUSY,
                           _("The changes could not be grouped into one step."));
      return FALSE;
    }
  if (self->group_cancelled)
    {
      gk_document_rollback_group (self);
      return TRUE;
    }

  if (self->group_log_failed)
    {
      gk_document_rollback_group (self);
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_BUSY,
                           _("The changes could not be recorded in the change log, so none were made."));
      return FALSE;
    }
  if (!gk_document_log_flush (self, self->group_now, error) ||
      (changes = gk_document_group_changes (self, error)) == NULL ||
      !gk_document_exec (self, "RELEASE gk_group", error))
    {
      gk_document_rollback_group (self);
      return FALSE;
    }
  g_clear_pointer (&self->group_session, sqlite3session_delete);
  gk_document_group_inserts_clear (self);
  gk_document_flush_pending (self);

  if (g_bytes_get_size (changes) > 0)
    {
      gk_undo_stack_push (self->history, self->group_description, changes);
      gk_document_emit_changed (self);
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

  gk_document_log_discard (self);
  if (self->group_failed)
    {
      gk_document_flush_pending (self);
      g_clear_pointer (&self->group_session, sqlite3session_delete);
    }
  else
    gk_document_rollback_group (self);
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
