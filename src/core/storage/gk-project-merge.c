/* gk-project-merge.c: bringing this user's changes into a file others saved
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A working copy remembers the file it was made from: its base, a copy of
 * the shared file as read or last published, beside it in the working
 * directory. When the shared file changed since, saving merges: the
 * changes that turn the base into this user's copy (SQLite's session
 * extension computes them, sqlite3session_diff) are applied onto the file
 * as the others saved it (sqlite3changeset_apply), and that is published.
 *
 * One connection holds the three: "main" is a private copy of their file,
 * which becomes the result; "mine" is the image of the working copy; "base"
 * is the base. The changeset records only what this user changed, field by
 * field, so their changes to other fields of the same row stay. Where the
 * changeset finds something else than it expects, the conflict handler
 * decides:
 * - a field both changed (to different values): a conflict for the user;
 * - a row they deleted that I changed, or that I deleted and they changed:
 *   a conflict;
 * - a row added on both sides with one id: the same row brought in before
 *   (ids of new rows never collide, see gk_document_new_row_id()), skipped;
 * - a rule of the file broken by the two together (two figures for one
 *   period): a conflict;
 * - a row left without the row it belongs to (I added a measure to a
 *   project they deleted): found afterwards with foreign_key_check, with
 *   foreign keys off while applying, so that deleting a row never deletes
 *   the others' new rows with it: a conflict.
 * Without choices, any conflict stops the merge and nothing changes; the
 * user chooses (GkMergeConflict), and the merge runs again with the
 * choices, writing the value that lost to the change log.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-history.h"
#include "gk-merge-conflict.h"
#include "gk-project-file-parts.h"
#include "gk-schema.h"
#include "gk-tables.h"

/* Bounds the rounds of "restore the row it belongs to" (a measure's
 * project's ...): the tables nest four deep. */
#define MAX_ORPHAN_ROUNDS 8

typedef struct _Merge Merge;

/* --- what things are called ------------------------------------------------- */

static const GkTable *
table_by_name (const char *name)
{
  for (const GkTable * const *t = gk_tables_get_all (); *t != NULL; t++)
    if (g_str_equal ((*t)->name, name))
      return *t;
  return NULL;
}

/* "Measure", for "Measure “Wachtlijst”". */
static const char *
table_noun (const char *table)
{
  return gk_history_table_noun (table);
}

/* "3 measures", for the summary of a merge. */
char *
gk_merge_count_of (const char *table,
                   guint       n)
{
  if (g_str_equal (table, "person"))
    return g_strdup_printf (ngettext ("%u person", "%u people", n), n);
  if (g_str_equal (table, "programme"))
    return g_strdup (_("the programme"));
  if (g_str_equal (table, "topic"))
    return g_strdup_printf (ngettext ("%u topic", "%u topics", n), n);
  if (g_str_equal (table, "assessment"))
    return g_strdup_printf (ngettext ("%u assessment", "%u assessments", n), n);
  if (g_str_equal (table, "focus_project"))
    return g_strdup_printf (ngettext ("%u focus project", "%u focus projects", n), n);
  if (g_str_equal (table, "measure"))
    return g_strdup_printf (ngettext ("%u measure", "%u measures", n), n);
  if (g_str_equal (table, "indicator"))
    return g_strdup_printf (ngettext ("%u indicator", "%u indicators", n), n);
  if (g_str_equal (table, "measurement"))
    return g_strdup_printf (ngettext ("%u figure", "%u figures", n), n);
  if (g_str_equal (table, "journal_entry"))
    return g_strdup_printf (ngettext ("%u journal entry", "%u journal entries", n), n);
  if (g_str_equal (table, "catalogue_measure"))
    return g_strdup_printf (ngettext ("%u catalogue measure", "%u catalogue measures", n), n);
  /* The link tables: part of the record they belong to. */
  return NULL;
}

static const char *
column_label (const char *column)
{
  return gk_history_field_label (column);
}

static char *query_text (Merge         *merge,
                         const char    *schema,
                         const GkTable *table,
                         const char    *column,
                         gint64         id);

/* A stored value for people: "(empty)" for none, an enumeration's label,
 * the name of the row a reference points to. */
static char *
value_text (Merge          *merge,
            const GkColumn *column,
            sqlite3_value  *value)
{
  const char *text;

  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    return g_strdup (_("(empty)"));
  text = (const char *) sqlite3_value_text (value);
  if (column != NULL && column->kind == GK_COLUMN_ENUM && text != NULL)
    {
      guint n = 0;
      const GkEnumEntry *entries = column->entries (&n);

      for (guint i = 0; i < n; i++)
        if (g_str_equal (entries[i].key, text) && entries[i].label != NULL)
          return g_strdup (_(entries[i].label));
    }
  if (column != NULL && column->kind == GK_COLUMN_REF)
    {
      const GkTable *target = table_by_name (column->ref_table);

      for (guint c = 0; target != NULL && c < target->n_columns; c++)
        if (target->columns[c].flags & GK_COLUMN_FLAG_LABEL)
          {
            char *name = query_text (merge, "mine", target, target->columns[c].name, sqlite3_value_int64 (value));

            if (name == NULL)
              name = query_text (merge, "main", target, target->columns[c].name, sqlite3_value_int64 (value));
            if (name != NULL)
              return name;
          }
    }
  if (column != NULL && column->kind == GK_COLUMN_MONEY)
    return g_strdup_printf ("€ %.2f", sqlite3_value_int64 (value) / 100.0);
  return g_strdup (text != NULL ? text : "");
}

/* --- the merge ---------------------------------------------------------------- */

typedef struct {
  const GkTable *table;
  gint64         id;
  GPtrArray     *columns;    /* const char *: the fields of mine to copy */
} RowPatch;

typedef struct {
  const GkTable *table;
  gint64         id;
} RowRef;

struct _Merge {
  sqlite3      *db;
  GHashTable   *choices;       /* conflict key -> GkMergeChoice */
  GPtrArray    *conflicts;     /* GkMergeConflict */
  guint         unresolved;
  GArray       *patches;       /* RowPatch: fields of mine that win */
  GArray       *restores;      /* RowRef: rows of mine to bring back */
  GArray       *replaces;      /* RowRef: rows of mine that replace theirs */
  GPtrArray    *chosen;        /* GkMergeConflict with a choice: its loser goes to the change log */
  gint64        last_log_id;
  const char   *user_name;
  const char   *stamp;         /* when: the revision's time */
};

static void
row_patch_clear (gpointer data)
{
  g_clear_pointer (&((RowPatch *) data)->columns, g_ptr_array_unref);
}

static gboolean
values_equal (sqlite3_value *a,
              sqlite3_value *b)
{
  int ta = a != NULL ? sqlite3_value_type (a) : SQLITE_NULL;
  int tb = b != NULL ? sqlite3_value_type (b) : SQLITE_NULL;

  if (ta == SQLITE_NULL || tb == SQLITE_NULL)
    return ta == tb;
  if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) && (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT))
    {
      if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER)
        return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    }
  if (ta != tb || sqlite3_value_bytes (a) != sqlite3_value_bytes (b))
    return FALSE;
  /* An empty text or blob has no bytes to point to (NULL). */
  return sqlite3_value_bytes (a) == 0 ||
         memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), sqlite3_value_bytes (a)) == 0;
}

static gboolean
is_system_column (const GkColumn *column)
{
  return (column->flags & GK_COLUMN_FLAG_SYSTEM) != 0;
}

/* One text of a row, from one of the three databases. */
static char *
query_text (Merge         *merge,
            const char    *schema,
            const GkTable *table,
            const char    *column,
            gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s.%s WHERE id = ?1", column, schema, table->name);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return text;
}

/* "Measure “Wachtlijst”": named from whichever side still has the row. */
static char *
record_label (Merge         *merge,
              const GkTable *table,
              gint64         id)
{
  static const char * const schemas[] = { "mine", "main", "base" };

  for (guint c = 0; c < table->n_columns; c++)
    if (table->columns[c].flags & GK_COLUMN_FLAG_LABEL)
      for (guint s = 0; s < G_N_ELEMENTS (schemas); s++)
        {
          g_autofree char *name = query_text (merge, schemas[s], table, table->columns[c].name, id);

          if (name != NULL)
            return g_strdup_printf (_("%s “%s”"), table_noun (table->name), name);
        }
  return g_strdup (table_noun (table->name));
}

/* A conflict found: its choice when the user made one for the same clash
 * before, else counted as unresolved. Returns the choice. */
static GkMergeChoice
add_conflict (Merge               *merge,
              GkMergeConflictKind  kind,
              const GkTable       *table,
              gint64               id,
              const char          *column,
              const char          *field_label,
              const char          *mine,
              const char          *theirs)
{
  g_autoptr(GkMergeConflict) conflict = gk_merge_conflict_new (kind, table->name, id, column);
  g_autofree char *label = record_label (merge, table, id);
  g_autofree char *author = query_text (merge, "main", table, "updated_by", id);
  g_autofree char *when = query_text (merge, "main", table, "updated_at", id);
  gpointer choice = NULL;

  gk_merge_conflict_set_details (conflict, label, field_label, mine, theirs, author, when);
  if (merge->choices != NULL &&
      g_hash_table_lookup_extended (merge->choices, gk_merge_conflict_get_key (conflict), NULL, &choice))
    gk_merge_conflict_set_choice (conflict, GPOINTER_TO_INT (choice));
  if (gk_merge_conflict_get_choice (conflict) == GK_MERGE_CHOICE_NONE)
    merge->unresolved++;
  else
    g_ptr_array_add (merge->chosen, g_object_ref (conflict));
  g_ptr_array_add (merge->conflicts, g_object_ref (conflict));
  return gk_merge_conflict_get_choice (conflict);
}

static void
add_row_ref (GArray        *list,
             const GkTable *table,
             gint64         id)
{
  RowRef ref = { table, id };

  g_array_append_val (list, ref);
}

/* A field both set differently: asks (or takes the choice made); TRUE
 * when mine is to be kept. */
static gboolean
field_clash_keeps_mine (Merge          *merge,
                        const GkTable  *table,
                        gint64          id,
                        const GkColumn *column,
                        sqlite3_value  *mine,
                        sqlite3_value  *theirs)
{
  g_autofree char *mine_text = value_text (merge, column, mine);
  g_autofree char *theirs_text = value_text (merge, column, theirs);

  return add_conflict (merge, GK_MERGE_CONFLICT_SAME_FIELD, table, id, column->name,
                       column_label (column->name), mine_text, theirs_text) == GK_MERGE_CHOICE_MINE;
}

/* The fields of mine that win are copied after the changeset is applied;
 * the row's change itself is left out. */
static int
patch_later (Merge         *merge,
             const GkTable *table,
             gint64         id,
             GPtrArray     *columns)
{
  if (columns->len > 0)
    {
      RowPatch patch = { table, id, columns };

      g_array_append_val (merge->patches, patch);
    }
  else
    g_ptr_array_unref (columns);
  return SQLITE_CHANGESET_OMIT;
}

/* An UPDATE of mine met a row that is no longer as the base had it: they
 * changed it too. Field by field: what they left alone takes my value,
 * what both set alike is fine, what both set differently is a conflict. */
static int
update_clash (Merge                  *merge,
              const GkTable          *table,
              gint64                  id,
              sqlite3_changeset_iter *it)
{
  GPtrArray *columns = g_ptr_array_new ();

  for (guint i = 1; i < table->n_columns; i++)
    {
      const GkColumn *column = &table->columns[i];
      sqlite3_value *old = NULL, *mine = NULL, *theirs = NULL;

      if (sqlite3changeset_new (it, i, &mine) != SQLITE_OK || mine == NULL || is_system_column (column))
        continue;
      sqlite3changeset_old (it, i, &old);
      sqlite3changeset_conflict (it, i, &theirs);
      if (values_equal (theirs, old))
        {
          g_ptr_array_add (columns, (gpointer) column->name);
          continue;
        }
      if (!values_equal (theirs, mine) && field_clash_keeps_mine (merge, table, id, column, mine, theirs))
        g_ptr_array_add (columns, (gpointer) column->name);
    }
  return patch_later (merge, table, id, columns);
}

/* An INSERT of mine met a row with its id: the same row, brought in
 * before (a save that merged, then was retried); a differing field is a
 * conflict as in update_clash(), with no base value to go by. */
static int
insert_clash (Merge                  *merge,
              const GkTable          *table,
              gint64                  id,
              sqlite3_changeset_iter *it)
{
  GPtrArray *columns = g_ptr_array_new ();

  for (guint i = 1; i < table->n_columns; i++)
    {
      const GkColumn *column = &table->columns[i];
      sqlite3_value *mine = NULL, *theirs = NULL;

      if (is_system_column (column) ||
          sqlite3changeset_new (it, i, &mine) != SQLITE_OK ||
          sqlite3changeset_conflict (it, i, &theirs) != SQLITE_OK ||
          values_equal (mine, theirs))
        continue;
      if (field_clash_keeps_mine (merge, table, id, column, mine, theirs))
        g_ptr_array_add (columns, (gpointer) column->name);
    }
  return patch_later (merge, table, id, columns);
}

/* A DELETE of mine met a row they changed since the base. */
static int
delete_clash (Merge                  *merge,
              const GkTable          *table,
              gint64                  id,
              sqlite3_changeset_iter *it)
{
  gboolean changed = FALSE;

  for (guint i = 1; i < table->n_columns && !changed; i++)
    {
      sqlite3_value *old = NULL, *theirs = NULL;

      if (is_system_column (&table->columns[i]))
        continue;
      sqlite3changeset_old (it, i, &old);
      sqlite3changeset_conflict (it, i, &theirs);
      changed = !values_equal (old, theirs);
    }
  if (!changed)
    return SQLITE_CHANGESET_REPLACE;

  if (add_conflict (merge, GK_MERGE_CONFLICT_I_DELETED, table, id, NULL, "",
                    _("Deleted"), _("Changed")) == GK_MERGE_CHOICE_MINE)
    return SQLITE_CHANGESET_REPLACE;
  return SQLITE_CHANGESET_OMIT;
}

static int
on_conflict (void                   *data,
             int                     kind,
             sqlite3_changeset_iter *it)
{
  Merge *merge = data;
  const char *name = NULL;
  const GkTable *table;
  sqlite3_value *pk = NULL;
  int n_columns = 0, op = 0, indirect = 0;
  gint64 id;

  if (kind == SQLITE_CHANGESET_FOREIGN_KEY)
    return SQLITE_CHANGESET_OMIT;   /* never: foreign keys are off; see fix_orphans() */

  sqlite3changeset_op (it, &name, &n_columns, &op, &indirect);
  table = table_by_name (name);
  if (op == SQLITE_INSERT)
    sqlite3changeset_new (it, 0, &pk);
  else
    sqlite3changeset_old (it, 0, &pk);
  if (table == NULL || pk == NULL || (guint) n_columns != table->n_columns)
    return SQLITE_CHANGESET_ABORT;
  id = sqlite3_value_int64 (pk);

  switch (kind)
    {
    case SQLITE_CHANGESET_DATA:
      if (op == SQLITE_UPDATE)
        return update_clash (merge, table, id, it);
      return delete_clash (merge, table, id, it);

    case SQLITE_CHANGESET_NOTFOUND:
      if (op == SQLITE_DELETE)
        return SQLITE_CHANGESET_OMIT;   /* deleted on both sides */
      if (add_conflict (merge, GK_MERGE_CONFLICT_THEY_DELETED, table, id, NULL, "",
                        _("Changed"), _("Deleted")) == GK_MERGE_CHOICE_MINE)
        add_row_ref (merge->restores, table, id);
      return SQLITE_CHANGESET_OMIT;

    case SQLITE_CHANGESET_CONFLICT:
      return insert_clash (merge, table, id, it);

    case SQLITE_CHANGESET_CONSTRAINT:
      {
        g_autofree char *label = g_strdup (_("the two versions cannot both be kept (the same "
                                             "period, date or link entered twice)"));

        if (add_conflict (merge, GK_MERGE_CONFLICT_BROKEN_RULE, table, id, NULL, label,
                          _("Your version"), _("Their version")) == GK_MERGE_CHOICE_MINE)
          add_row_ref (merge->replaces, table, id);
        return SQLITE_CHANGESET_OMIT;
      }

    default:
      return SQLITE_CHANGESET_ABORT;
    }
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s: %s", sql, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_with_id (sqlite3     *db,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s: %s", sql, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* My fields that win: copied from mine, with my stamps and a version above
 * both sides'. */
static gboolean
apply_patch (Merge          *merge,
             const RowPatch *patch,
             GError        **error)
{
  const char *t = patch->table->name;
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE main.%s SET ", t);
  for (guint i = 0; i < patch->columns->len; i++)
    g_string_append_printf (sql, "%s = m.%s, ", (char *) patch->columns->pdata[i],
                            (char *) patch->columns->pdata[i]);
  g_string_append_printf (sql, "version = max(main.%s.version, m.version) + 1, updated_at = m.updated_at, "
                               "updated_by = m.updated_by FROM mine.%s AS m "
                               "WHERE main.%s.id = ?1 AND m.id = ?1", t, t, t);
  return exec_with_id (merge->db, sql->str, patch->id, error);
}

static gboolean copy_row_of (Merge         *merge,
                             const char    *schema,
                             const RowRef  *ref,
                             gboolean       replace,
                             GError       **error);

/* My fields onto their row, where each side's change kept the row valid
 * but the two together may not (she moved the start, he the end, before
 * it): then a conflict between the two versions of the row. A failed
 * statement leaves the transaction as it was. */
static gboolean
apply_patch_or_ask (Merge          *merge,
                    const RowPatch *patch,
                    GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  RowRef row = { patch->table, patch->id };

  if (apply_patch (merge, patch, &local_error))
    return TRUE;
  if ((sqlite3_errcode (merge->db) & 0xff) != SQLITE_CONSTRAINT)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (add_conflict (merge, GK_MERGE_CONFLICT_BROKEN_RULE, patch->table, patch->id, NULL,
                    _("the two changes together break a rule (for example an end date before "
                      "the start date)"),
                    _("Your version"), _("Their version")) == GK_MERGE_CHOICE_MINE)
    return copy_row_of (merge, "mine", &row, TRUE, error);
  return TRUE;
}

/* A row of mine, whole, into the result: brought back (they deleted it), or
 * in place of theirs (OR REPLACE removes the row it clashes with). */
static gboolean
copy_row_of (Merge         *merge,
             const char    *schema,
             const RowRef  *ref,
             gboolean       replace,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT %s INTO main.%s SELECT * FROM %s.%s WHERE id = ?1",
                                          replace ? "OR REPLACE" : "OR IGNORE", ref->table->name,
                                          schema, ref->table->name);

  return exec_with_id (merge->db, sql, ref->id, error);
}

static gboolean
row_exists (Merge         *merge,
            const char    *schema,
            const char    *table,
            gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s.%s WHERE id = ?1", schema, table);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

typedef struct {
  char   *table;
  gint64  rowid;
  char   *parent;
  int     fkid;
} Orphan;

static void
orphan_clear (gpointer data)
{
  Orphan *orphan = data;

  g_free (orphan->table);
  g_free (orphan->parent);
}

static GArray *
find_orphans (sqlite3 *db)
{
  GArray *orphans = g_array_new (FALSE, TRUE, sizeof (Orphan));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (orphans, orphan_clear);
  if (sqlite3_prepare_v2 (db, "PRAGMA main.foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return orphans;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Orphan orphan = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int64 (stmt, 1),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        sqlite3_column_int (stmt, 3),
      };
      g_array_append_val (orphans, orphan);
    }
  sqlite3_finalize (stmt);
  return orphans;
}

/* The reference column of foreign key fkid of table (PRAGMA
 * foreign_key_list numbers them from the last declared). */
static const GkColumn *
reference_column (const GkTable *table,
                  const char    *parent,
                  gint64         rowid,
                  Merge         *merge)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const GkColumn *column = &table->columns[i];
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean dangling = FALSE;

      if (column->kind != GK_COLUMN_REF || !g_str_equal (column->ref_table, parent))
        continue;
      sql = g_strdup_printf ("SELECT 1 FROM main.%s AS c WHERE c.id = ?1 AND c.%s IS NOT NULL "
                             "AND NOT EXISTS (SELECT 1 FROM main.%s AS p WHERE p.id = c.%s)",
                             table->name, column->name, parent, column->name);
      if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, rowid);
          dangling = sqlite3_step (stmt) == SQLITE_ROW;
        }
      sqlite3_finalize (stmt);
      if (dangling)
        return column;
    }
  return NULL;
}

static gint64
query_reference (Merge          *merge,
                 const GkTable  *table,
                 const GkColumn *column,
                 gint64          rowid)
{
  g_autofree char *text = query_text (merge, "main", table, column->name, rowid);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* One row that points to a row that is gone. A reference that may be
 * empty (an owner) is emptied, as deleting would have done. Otherwise one
 * side deleted the row it belongs to and the other kept using it: a
 * conflict, whose sides are "bring the row it belongs to back" and "remove
 * this row too", said the right way round for who deleted what. */
static gboolean
fix_orphan (Merge         *merge,
            const Orphan  *orphan,
            GError       **error)
{
  const GkTable *table = table_by_name (orphan->table);
  const GkTable *parent = table_by_name (orphan->parent);
  const GkColumn *column;
  RowRef parent_ref;
  gboolean i_deleted_parent;
  g_autofree char *child_label = NULL;
  g_autofree char *parent_label = NULL;
  g_autofree char *what = NULL;
  GkMergeChoice choice;

  if (table == NULL || parent == NULL)
    return TRUE;
  column = reference_column (table, orphan->parent, orphan->rowid, merge);
  if (column == NULL)
    return TRUE;
  if (!(column->flags & GK_COLUMN_FLAG_CASCADE) && !(column->flags & GK_COLUMN_FLAG_REQUIRED))
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE main.%s SET %s = NULL WHERE id = ?1",
                                              table->name, column->name);
      g_autoptr(GError) local_error = NULL;

      /* Unless the row may not be without it (an active project needs its
       * owner): then it is a question like any other. */
      if (exec_with_id (merge->db, sql, orphan->rowid, &local_error))
        return TRUE;
      if ((sqlite3_errcode (merge->db) & 0xff) != SQLITE_CONSTRAINT)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  parent_ref.table = parent;
  parent_ref.id = query_reference (merge, table, column, orphan->rowid);
  i_deleted_parent = !row_exists (merge, "mine", parent->name, parent_ref.id);
  child_label = record_label (merge, table, orphan->rowid);
  parent_label = record_label (merge, parent, parent_ref.id);
  what = g_strdup_printf (i_deleted_parent ? _("you deleted %s, which %s belongs to")
                                           : _("they deleted %s, which %s belongs to"),
                          parent_label, child_label);

  choice = add_conflict (merge, GK_MERGE_CONFLICT_BROKEN_RULE, table, orphan->rowid, NULL, what,
                         i_deleted_parent ? _("Remove it too") : _("Keep both"),
                         i_deleted_parent ? _("Keep both") : _("Remove it too"));
  if (choice == GK_MERGE_CHOICE_NONE)
    return TRUE;
  if ((choice == GK_MERGE_CHOICE_MINE) == i_deleted_parent)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM main.%s WHERE id = ?1", table->name);

      return exec_with_id (merge->db, sql, orphan->rowid, error);
    }
  /* Bring the row it belongs to back, from whoever still has it. */
  return copy_row_of (merge, row_exists (merge, "mine", parent->name, parent_ref.id) ? "mine" : "base",
                      &parent_ref, FALSE, error);
}

static gboolean
fix_orphans (Merge   *merge,
             GError **error)
{
  for (guint round = 0; round < MAX_ORPHAN_ROUNDS; round++)
    {
      g_autoptr(GArray) orphans = find_orphans (merge->db);
      guint unresolved_before = merge->unresolved;

      if (orphans->len == 0)
        return TRUE;
      for (guint i = 0; i < orphans->len; i++)
        if (!fix_orphan (merge, &g_array_index (orphans, Orphan, i), error))
          return FALSE;
      /* Unresolved ones stay: the merge stops, and the user chooses. */
      if (merge->unresolved > unresolved_before)
        return TRUE;
    }
  return TRUE;
}

/* The change log keeps what each choice threw away: "Merge: kept Bram's
 * value. Bram changed Title of Measure “X” to “A”; you changed it to “B”." */
static char *
lost_value_line (GkMergeConflict *conflict)
{
  g_autofree char *described = gk_merge_conflict_describe (conflict);

  if (gk_merge_conflict_get_choice (conflict) == GK_MERGE_CHOICE_MINE)
    return g_strdup_printf (_("Merge: kept your version. %s"), described);
  return g_strdup_printf (_("Merge: kept their version. %s"), described);
}

static gboolean
write_lost_values (Merge   *merge,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (merge->chosen->len == 0)
    return TRUE;
  rc = sqlite3_prepare_v2 (merge->db, "INSERT INTO main.change_log (id, changed_at, changed_by, table_name, "
                                      "row_id, action, summary) VALUES (?1, ?2, ?3, ?4, ?5, 'update', ?6)",
                           -1, &stmt, NULL);
  for (guint i = 0; i < merge->chosen->len && rc == SQLITE_OK; i++)
    {
      GkMergeConflict *conflict = merge->chosen->pdata[i];
      g_autofree char *line = lost_value_line (conflict);

      sqlite3_bind_int64 (stmt, 1, gk_table_new_row_id (&merge->last_log_id));
      sqlite3_bind_text (stmt, 2, merge->stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, merge->user_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, gk_merge_conflict_get_table (conflict), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, gk_merge_conflict_get_row_id (conflict));
      sqlite3_bind_text (stmt, 6, line, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (merge->db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (merge->db));
      return FALSE;
    }
  return TRUE;
}

/* --- changesets between the three ---------------------------------------------- */

/* The changes that turn table by table from_schema into to_schema, for
 * every table but the revisions (which only publishing writes, and which
 * working copies do not keep). */
static GBytes *
diff_schemas (sqlite3     *db,
              const char  *from_schema,
              const char  *to_schema,
              GError     **error)
{
  sqlite3_session *session = NULL;
  int rc = sqlite3session_create (db, to_schema, &session);
  void *data = NULL;
  int size = 0;

  for (const GkTable * const *t = gk_tables_get_all (); rc == SQLITE_OK && *t != NULL; t++)
    {
      char *errmsg = NULL;

      if (*t == &gk_revision_table)
        continue;
      rc = sqlite3session_attach (session, (*t)->name);
      if (rc == SQLITE_OK)
        rc = sqlite3session_diff (session, from_schema, (*t)->name, &errmsg);
      if (rc != SQLITE_OK)
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s",
                     errmsg != NULL ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3session_changeset (session, &size, &data);
  if (session != NULL)
    sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errstr (rc));
      return NULL;
    }
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

/* How many rows of each table a changeset touches (rows of the link
 * tables count for the record they belong to only when that changed). */
static GHashTable *
count_rows (GBytes *changeset)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_changeset_iter *it = NULL;
  gsize size = 0;
  const void *data = g_bytes_get_data (changeset, &size);

  if (sqlite3changeset_start (&it, (int) size, (void *) data) != SQLITE_OK)
    return counts;
  while (sqlite3changeset_next (it) == SQLITE_ROW)
    {
      const char *name = NULL;
      const GkTable *table;
      int n = 0, op = 0, indirect = 0;

      sqlite3changeset_op (it, &name, &n, &op, &indirect);
      table = table_by_name (name);
      if (table != NULL)
        g_hash_table_insert (counts, (gpointer) table->name,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, table->name)) + 1));
    }
  sqlite3changeset_finalize (it);
  return counts;
}

/* "Merged with Bram's changes: 3 measures, 1 assessment". */
static char *
describe_theirs (sqlite3 *db,
                 GBytes  *theirs)
{
  g_autoptr(GHashTable) counts = count_rows (theirs);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt = NULL;

  for (const GkTable * const *t = gk_tables_get_all (); *t != NULL; t++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, (*t)->name));
      char *part = n > 0 ? gk_merge_count_of ((*t)->name, n) : NULL;

      if (part != NULL)
        g_ptr_array_add (parts, part);
    }

  if (sqlite3_prepare_v2 (db, "SELECT DISTINCT published_by FROM main.revision "
                              "WHERE published_by <> '' AND revision NOT IN (SELECT revision FROM base.revision) "
                              "ORDER BY id", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_ptr_array_add (parts, NULL);
  what = g_strjoinv (", ", (char **) parts->pdata);
  if (names->len == 0)
    return *what != '\0' ? g_strdup_printf (_("Merged with others’ changes: %s"), what)
                         : g_strdup (_("Merged with others’ changes"));
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: the names of colleagues, joined with this */
  who = g_strjoinv (_(" and "), (char **) names->pdata);
  /* TRANSLATORS: "Merged with Bram's changes: 3 measures, 1 assessment" */
  return *what != '\0' ? g_strdup_printf (_("Merged with %s’s changes: %s"), who, what)
                       : g_strdup_printf (_("Merged with %s’s changes"), who);
}

/* --- revisions ------------------------------------------------------------------ */

gboolean
gk_revision_record (sqlite3          *db,
                    const char       *schema,
                    const GkRevision *revision,
                    GError          **error)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO %s.revision (revision, parent, merged, published_at, published_by, host) "
    "VALUES (?1, coalesce((SELECT revision FROM %s.revision ORDER BY id DESC LIMIT 1), ''), ?2, ?3, ?4, ?5)",
    schema, schema);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, revision->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, revision->merged != NULL ? revision->merged : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, revision->published_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, revision->published_by != NULL ? revision->published_by : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, revision->host != NULL ? revision->host : "", -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static char *
head_revision (sqlite3    *db,
               const char *schema)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM %s.revision ORDER BY id DESC LIMIT 1", schema);
  sqlite3_stmt *stmt = NULL;
  char *head = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    head = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return head;
}

/* --- the whole merge --------------------------------------------------------------- */

void
gk_merge_outcome_clear (GkMergeOutcome *outcome)
{
  g_clear_pointer (&outcome->conflicts, g_ptr_array_unref);
  g_clear_pointer (&outcome->summary, g_free);
  g_clear_pointer (&outcome->into_mine, g_bytes_unref);
}

static gboolean exec_with_text (sqlite3     *db,
                                const char  *sql,
                                const char  *text,
                                GError     **error);
static gboolean attach_image (sqlite3              *db,
                              const char           *schema,
                              const unsigned char  *image,
                              gsize                 size,
                              gboolean              writable,
                              GError              **error);

static gboolean
attach_sides (sqlite3              *db,
              const char           *base_path,
              const unsigned char  *mine,
              gsize                 mine_size,
              GError              **error)
{
  return exec_with_text (db, "ATTACH ?1 AS base", base_path, error) &&
         attach_image (db, "mine", mine, mine_size, FALSE, error);
}

static gboolean
apply_mine (Merge   *merge,
            GBytes  *mine,
            GError **error)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (mine, &size);
  int rc;

  if (size == 0)
    return TRUE;
  rc = sqlite3changeset_apply (merge->db, (int) size, (void *) data, NULL, on_conflict, merge);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (merge->db));
      return FALSE;
    }

  for (guint i = 0; i < merge->patches->len; i++)
    if (!apply_patch_or_ask (merge, &g_array_index (merge->patches, RowPatch, i), error))
      return FALSE;
  for (guint i = 0; i < merge->restores->len; i++)
    if (!copy_row_of (merge, "mine", &g_array_index (merge->restores, RowRef, i), FALSE, error))
      return FALSE;
  for (guint i = 0; i < merge->replaces->len; i++)
    if (!copy_row_of (merge, "mine", &g_array_index (merge->replaces, RowRef, i), TRUE, error))
      return FALSE;
  return fix_orphans (merge, error);
}

static void
merge_clear (Merge *merge)
{
  g_clear_pointer (&merge->conflicts, g_ptr_array_unref);
  g_clear_pointer (&merge->patches, g_array_unref);
  g_clear_pointer (&merge->restores, g_array_unref);
  g_clear_pointer (&merge->replaces, g_array_unref);
  g_clear_pointer (&merge->chosen, g_ptr_array_unref);
}

gboolean
gk_merge_onto (sqlite3              *db,
               const char           *base_path,
               const unsigned char  *mine_image,
               gsize                 mine_size,
               GHashTable           *choices,
               const GkRevision     *revision,
               GkMergeOutcome       *outcome,
               GError              **error)
{
  g_autoptr(GBytes) mine = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autofree char *base_head = NULL;
  GkRevision merged_revision = *revision;
  Merge merge = { db, choices };
  gboolean ok = FALSE;

  merge.conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  merge.patches = g_array_new (FALSE, TRUE, sizeof (RowPatch));
  g_array_set_clear_func (merge.patches, row_patch_clear);
  merge.restores = g_array_new (FALSE, TRUE, sizeof (RowRef));
  merge.replaces = g_array_new (FALSE, TRUE, sizeof (RowRef));
  merge.chosen = g_ptr_array_new_with_free_func (g_object_unref);
  merge.user_name = revision->published_by != NULL ? revision->published_by : "";
  merge.stamp = revision->published_at;

  /* Foreign keys off: a row I deleted must not take the others' new rows
   * with it (fix_orphans() finds those); switched off before the
   * transaction, where SQLite allows it. base_path NULL: the caller
   * attached "base" and "mine" already (gk_merge_copy_onto()). */
  if (!exec (db, "PRAGMA foreign_keys = OFF", error) ||
      (base_path != NULL && !attach_sides (db, base_path, mine_image, mine_size, error)))
    goto out;

  mine = diff_schemas (db, "base", "mine", error);
  theirs = mine != NULL ? diff_schemas (db, "base", "main", error) : NULL;
  if (theirs == NULL)
    goto out;
  outcome->summary = describe_theirs (db, theirs);
  base_head = head_revision (db, "base");
  merged_revision.merged = base_head;

  /* Deferred: IMMEDIATE would ask the read-only image for a write lock. */
  if (!exec (db, "BEGIN", error))
    goto out;
  if (!apply_mine (&merge, mine, error))
    {
      exec (db, "ROLLBACK", NULL);
      goto out;
    }
  if (merge.unresolved > 0)
    {
      exec (db, "ROLLBACK", NULL);
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT,
                   ngettext ("You and someone else changed the same thing. Choose which "
                             "version to keep, then save again.",
                             "You and others changed the same things in %u places. Choose which "
                             "version to keep for each, then save again.", merge.unresolved),
                   merge.unresolved);
      outcome->conflicts = g_steal_pointer (&merge.conflicts);
      goto out;
    }
  if (!write_lost_values (&merge, error) ||
      (revision->id != NULL && !gk_revision_record (db, "main", &merged_revision, error)) ||
      !exec (db, "COMMIT", error))
    {
      exec (db, "ROLLBACK", NULL);
      goto out;
    }

  /* What my copy needs to become the result: their changes and the
   * choices (the revisions are the file's; see take_revisions_of_base()). */
  outcome->into_mine = diff_schemas (db, "mine", "main", error);
  if (outcome->into_mine == NULL)
    goto out;
  outcome->conflicts = g_steal_pointer (&merge.conflicts);
  ok = TRUE;

out:
  merge_clear (&merge);
  sqlite3_exec (db, "DETACH mine", NULL, NULL, NULL);
  sqlite3_exec (db, "DETACH base", NULL, NULL, NULL);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok;
}

GBytes *
gk_merge_diff_from_image (sqlite3              *db,
                          const unsigned char  *image,
                          gsize                 size,
                          GError              **error)
{
  GBytes *changes = NULL;

  if (exec (db, "ATTACH ':memory:' AS mine", error))
    {
      int rc = sqlite3_deserialize (db, "mine", (unsigned char *) image, size, size,
                                    SQLITE_DESERIALIZE_READONLY);

      if (rc == SQLITE_OK)
        changes = diff_schemas (db, "mine", "main", error);
      else
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errstr (rc));
      sqlite3_exec (db, "DETACH mine", NULL, NULL, NULL);
    }
  return changes;
}

/* --- bringing a merge's result into the live working copy ------------------------ */

/* Edits made while the save ran are newer than anything in the result:
 * where the result disagrees with them, they stay (and are published with
 * the next save, as changes since the new base). */
static int
keep_newer_edit (void                   *data,
                 int                     kind,
                 sqlite3_changeset_iter *it)
{
  return SQLITE_CHANGESET_OMIT;
}

gboolean
gk_merge_apply_to_working_copy (sqlite3  *db,
                                GBytes   *changes,
                                GError  **error)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (changes, &size);
  int rc;

  if (size == 0)
    return TRUE;
  /* The result holds no orphans; with edits made meanwhile, a row may
   * point to a row the others deleted until the next save merges it. */
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  rc = sqlite3changeset_apply (db, (int) size, (void *) data, NULL, keep_newer_edit, NULL);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* --- a sync client's conflict copy ------------------------------------------------- */

/* The newest revision the copy shares with the file as known here (the
 * base), and when it was published. */
static gboolean
shared_revision (sqlite3  *db,
                 char    **out_time)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT published_at FROM mine.revision WHERE revision IN "
                              "(SELECT revision FROM known.revision) ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_time = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      found = TRUE;
    }
  sqlite3_finalize (stmt);
  return found;
}

static gboolean
exec_with_text (sqlite3     *db,
                const char  *sql,
                const char  *text,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Where both sides changed a row since the shared revision, the base gets
 * a value no side holds in every field where they differ, so that the
 * merge sees a field changed on both sides: a conflict, not a silent
 * overwrite. */
static gboolean
mark_changed_on_both_sides (sqlite3        *db,
                            const GkTable  *table,
                            const char     *since,
                            GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  gboolean any = FALSE;

  g_string_append_printf (sql, "UPDATE base.%s SET ", table->name);
  for (guint i = 1; i < table->n_columns; i++)
    {
      const char *c = table->columns[i].name;

      if (is_system_column (&table->columns[i]))
        continue;
      g_string_append_printf (sql, "%s%s = CASE WHEN m.%s IS NOT c.%s THEN X'00' ELSE base.%s.%s END",
                              any ? ", " : "", c, c, c, table->name, c);
      any = TRUE;
    }
  if (!any)
    return TRUE;
  g_string_append_printf (sql, " FROM main.%s AS m, mine.%s AS c WHERE base.%s.id = m.id AND m.id = c.id "
                               "AND m.updated_at > ?1 AND c.updated_at > ?1",
                          table->name, table->name, table->name);
  return exec_with_text (db, sql->str, since, error);
}

/* A base for the copy: what the copy's changes since the shared revision
 * were made on, as far as the rows' times tell (the file does not keep
 * what that revision held). Starting from the copy itself: the rows it
 * changed since then are taken as the file has them (or left out, when the
 * file lacks them: the copy added them); the rows the file has from before
 * then and the copy lacks are put back (the copy deleted them). The
 * changes from this base to the copy are the copy's own. Times are whole
 * seconds: a row stamped in the second of the shared revision counts as
 * part of it (edits are stamped before the publish that takes them). */
static gboolean
build_copy_base (sqlite3     *db,
                 const char  *since,
                 GError     **error)
{
  if (!exec (db, "PRAGMA ignore_check_constraints = ON", error))
    return FALSE;
  for (const GkTable * const *t = gk_tables_get_all (); *t != NULL; t++)
    {
      const char *name = (*t)->name;
      g_autofree char *drop_changed = NULL;
      g_autofree char *take_theirs = NULL;
      g_autofree char *put_back = NULL;
      const char *stamp = gk_table_column_index (*t, "updated_at") >= 0 ? "updated_at"
                        : gk_table_column_index (*t, "changed_at") >= 0 ? "changed_at" : NULL;

      if (*t == &gk_revision_table || stamp == NULL)
        continue;
      drop_changed = g_strdup_printf ("DELETE FROM base.%s WHERE %s > ?1", name, stamp);
      take_theirs = g_strdup_printf ("INSERT OR REPLACE INTO base.%s SELECT * FROM main.%s WHERE id IN "
                                     "(SELECT id FROM mine.%s WHERE %s > ?1)", name, name, name, stamp);
      put_back = g_strdup_printf ("INSERT OR REPLACE INTO base.%s SELECT * FROM main.%s WHERE %s <= ?1 "
                                  "AND id NOT IN (SELECT id FROM mine.%s)", name, name, stamp, name);
      if (!exec_with_text (db, drop_changed, since, error) ||
          !exec_with_text (db, take_theirs, since, error) ||
          !exec_with_text (db, put_back, since, error) ||
          (g_str_equal (stamp, "updated_at") && !mark_changed_on_both_sides (db, *t, since, error)))
        {
          exec (db, "PRAGMA ignore_check_constraints = OFF", NULL);
          return FALSE;
        }
    }
  return exec (db, "PRAGMA ignore_check_constraints = OFF", error);
}

static gboolean
attach_image (sqlite3              *db,
              const char           *schema,
              const unsigned char  *image,
              gsize                 size,
              gboolean              writable,
              GError              **error)
{
  g_autofree char *sql = g_strdup_printf ("ATTACH ':memory:' AS %s", schema);
  unsigned char *data = (unsigned char *) image;
  int rc;

  if (!exec (db, sql, error))
    return FALSE;
  if (writable)
    {
      data = sqlite3_malloc64 (size);
      if (data == NULL)
        {
          g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errstr (SQLITE_NOMEM));
          return FALSE;
        }
      memcpy (data, image, size);
    }
  rc = sqlite3_deserialize (db, schema, data, size, size,
                            writable ? SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE
                                     : SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s", sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_merge_copy_onto (sqlite3              *db,
                    const char           *known_path,
                    const unsigned char  *copy_image,
                    gsize                 copy_size,
                    GHashTable           *choices,
                    const GkRevision     *revision,
                    GkMergeOutcome       *outcome,
                    const char           *display,
                    GError              **error)
{
  g_autofree char *since = NULL;
  g_autofree char *attach = NULL;
  char *quoted;
  gboolean ok;

  quoted = sqlite3_mprintf ("%Q", known_path);
  attach = g_strdup_printf ("ATTACH %s AS known", quoted);
  sqlite3_free (quoted);
  if (!attach_image (db, "mine", copy_image, copy_size, FALSE, error) ||
      !exec (db, attach, error))
    {
      sqlite3_exec (db, "DETACH mine", NULL, NULL, NULL);
      return FALSE;
    }
  ok = shared_revision (db, &since);
  sqlite3_exec (db, "DETACH known", NULL, NULL, NULL);
  if (!ok)
    {
      sqlite3_exec (db, "DETACH mine", NULL, NULL, NULL);
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("The copy of “%s” shares no saved version with it, so Gripkaart cannot tell "
                     "which of its changes are new. Open it and copy what you need."), display);
      return FALSE;
    }

  ok = attach_image (db, "base", copy_image, copy_size, TRUE, error) &&
       exec (db, "PRAGMA foreign_keys = OFF", error) &&
       build_copy_base (db, since, error);
  if (!ok)
    {
      sqlite3_exec (db, "DETACH base", NULL, NULL, NULL);
      sqlite3_exec (db, "DETACH mine", NULL, NULL, NULL);
      return FALSE;
    }
  /* The merge itself detaches both. */
  return gk_merge_onto (db, NULL, NULL, 0, choices, revision, outcome, error);
}
