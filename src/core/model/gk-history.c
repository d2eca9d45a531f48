/* gk-history.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads change_log with SQLite's JSON functions: json_each() spreads the
 * changes of each row into one result row per field, so a whole list is
 * one statement; json_extract() takes a field's old or new value with the
 * type it was stored with.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "gk-date.h"
#include "gk-document-private.h"
#include "gk-history.h"
#include "gk-tables.h"

/* A value of the JSON of changes, with the type it was stored with. SQLite
 * (3.40) reads a JSON real with strtod(), which follows the locale: in a
 * Dutch one "12.5" is read as 12. So a real is taken as its JSON text and
 * read here with g_ascii_strtod() (real_of()); the rest as json_extract()
 * gives them. */
#define JSON_VALUE(json, path) \
  "CASE WHEN json_type(" json ", " path ") = 'real' THEN " json " -> " path \
  " ELSE json_extract(" json ", " path ") END"

/* ---- labels ------------------------------------------------------------------ */

const char *
gk_history_table_noun (const char *table)
{
  static const struct { const char *table; const char *noun; } nouns[] = {
    { "person", N_("Person") },
    { "programme", N_("Programme") },
    { "topic", N_("Topic") },
    { "assessment", N_("Assessment") },
    { "focus_project", N_("Focus project") },
    { "project_topic", N_("Topic of a project") },
    { "measure", N_("Measure") },
    { "measure_target", N_("Target of a measure") },
    { "measure_link", N_("Link between measures") },
    { "indicator", N_("Indicator") },
    { "indicator_topic", N_("Topic of an indicator") },
    { "indicator_project", N_("Project of an indicator") },
    { "measurement", N_("Figure") },
    { "journal_entry", N_("Journal entry") },
    { "catalogue_measure", N_("Catalogue measure") },
    { "change_log", N_("Change log") },
  };

  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].table, table))
      return _(nouns[i].noun);
  return table;
}

const char *
gk_history_field_label (const char *column)
{
  static const struct { const char *column; const char *label; } labels[] = {
    { "title", N_("Title") },
    { "name", N_("Name") },
    { "description", N_("Description") },
    { "status", N_("Status") },
    { "progress", N_("Progress") },
    { "start_date", N_("Start date") },
    { "end_date", N_("End date") },
    { "due_date", N_("End date") },
    { "done_date", N_("Done on") },
    { "owner_id", N_("Owner") },
    { "lead_id", N_("Lead") },
    { "project_id", N_("Focus project") },
    { "topic_id", N_("Topic") },
    { "indicator_id", N_("Indicator") },
    { "measure_id", N_("Measure") },
    { "value", N_("Value") },
    { "note", N_("Note") },
    { "text", N_("Text") },
    { "date", N_("Date") },
    { "level", N_("Level") },
    { "target_level", N_("Target level") },
    { "target_date", N_("Target date") },
    { "target_value", N_("Target value") },
    { "rationale", N_("Rationale") },
    { "goal", N_("Goal") },
    { "health", N_("Health") },
    { "health_reason", N_("Reason") },
    { "budget_cents", N_("Budget") },
    { "saving_cents", N_("Expected saving") },
    { "position", N_("Order") },
    { "unit", N_("Unit") },
    { "source", N_("Source") },
    { "period_date", N_("Period") },
    { "role", N_("Role") },
    { "email", N_("Email") },
    { "municipality", N_("Municipality") },
    { "ambition", N_("Ambition") },
    { "kind", N_("Kind") },
    { "author", N_("Author") },
  };

  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].column, column))
      return _(labels[i].label);
  return column;
}

/* ---- the tables ---------------------------------------------------------------- */

static const GkTable *
table_by_name (const char *name)
{
  const GkTable * const *tables = gk_tables_get_all ();

  for (guint t = 0; tables[t] != NULL; t++)
    if (g_str_equal (tables[t]->name, name))
      return tables[t];
  return NULL;
}

static const GkColumn *
column_by_name (const GkTable *table,
                const char    *name)
{
  for (guint c = 0; table != NULL && c < table->n_columns; c++)
    if (g_str_equal (table->columns[c].name, name))
      return &table->columns[c];
  return NULL;
}

/* The column that names a row ("title"), or NULL. */
static const GkColumn *
label_column (const GkTable *table)
{
  for (guint c = 0; table != NULL && c < table->n_columns; c++)
    if (table->columns[c].flags & GK_COLUMN_FLAG_LABEL)
      return &table->columns[c];
  return NULL;
}

/* For a row without a name of its own: the reference to the row it
 * belongs to (a figure's indicator, a target's measure), or NULL. */
static const GkColumn *
owner_column (const GkTable *table)
{
  for (guint c = 0; table != NULL && c < table->n_columns; c++)
    if (table->columns[c].kind == GK_COLUMN_REF && (table->columns[c].flags & GK_COLUMN_FLAG_CASCADE))
      return &table->columns[c];
  return NULL;
}

static char *
utc_stamp (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* A number read with JSON_VALUE(): a real comes as its JSON text. */
static double
real_of (sqlite3_stmt *stmt,
         int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_TEXT)
    return g_ascii_strtod ((const char *) sqlite3_column_text (stmt, index), NULL);
  return sqlite3_column_double (stmt, index);
}

/* ---- what the rows hold, for people -------------------------------------------- */

typedef struct {
  sqlite3    *db;
  GHashTable *names;    /* "table:id" -> name (or "" when not found) */
  GHashTable *lookups;  /* "table.column" -> the statement that reads it */
} Reader;

static void
reader_init (Reader     *reader,
             GkDocument *document)
{
  reader->db = gk_document_get_db (document);
  reader->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader->lookups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->names, g_hash_table_unref);
  g_clear_pointer (&reader->lookups, g_hash_table_unref);
}

/* One text of a row of the file as it is now, or NULL. The statements are
 * kept for the whole list: most rows of a list name a few tables. */
static char *
current_text (Reader        *reader,
              const GkTable *table,
              const char    *column,
              gint64         id)
{
  g_autofree char *key = g_strdup_printf ("%s.%s", table->name, column);
  sqlite3_stmt *stmt = g_hash_table_lookup (reader->lookups, key);
  char *text = NULL;

  if (stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, table->name);

      if (sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_hash_table_insert (reader->lookups, g_steal_pointer (&key), stmt);
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* The last value the change log knows of a column of a row (for a row
 * deleted since), or NULL. */
static char *
logged_text (Reader        *reader,
             const GkTable *table,
             const char    *column,
             gint64         id)
{
  g_autofree char *old_path = g_strdup_printf ("$.%s[0]", column);
  g_autofree char *new_path = g_strdup_printf ("$.%s[1]", column);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (reader->db, "SELECT coalesce(json_extract(changes, ?4), json_extract(changes, ?3)) "
                                      "FROM change_log WHERE table_name = ?1 AND row_id = ?2 AND "
                                      "json_valid(changes) AND json_type(changes, ?4) IS NOT NULL "
                                      "OR table_name = ?1 AND row_id = ?2 AND json_valid(changes) AND "
                                      "json_type(changes, ?3) IS NOT NULL "
                                      "ORDER BY changed_at DESC, id DESC LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, old_path, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, new_path, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return text;
}

/* The name of a row: as it is now, or as it was when it was deleted; NULL
 * when the table has no names or the row is not known. */
static const char *
row_name (Reader        *reader,
          const GkTable *table,
          gint64         id)
{
  const GkColumn *label = label_column (table);
  g_autofree char *key = NULL;
  const char *name;
  char *found;

  if (label == NULL || id == 0)
    return NULL;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table->name, id);
  name = g_hash_table_lookup (reader->names, key);
  if (name != NULL)
    return *name != '\0' ? name : NULL;

  found = current_text (reader, table, label->name, id);
  if (found == NULL)
    found = logged_text (reader, table, label->name, id);
  g_hash_table_insert (reader->names, g_steal_pointer (&key), found != NULL ? found : g_strdup (""));
  return found;
}

/* A stored value for people: "(empty)" for none, an enumeration's label,
 * the name of the row a reference points to, a date as the user reads it. */
static char *
value_text (Reader         *reader,
            const GkColumn *column,
            sqlite3_stmt   *stmt,
            int             index)
{
  const char *text;

  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return g_strdup (_("(empty)"));
  text = (const char *) sqlite3_column_text (stmt, index);
  if (column == NULL || text == NULL)
    return g_strdup (text != NULL ? text : "");

  switch (column->kind)
    {
    case GK_COLUMN_ENUM:
      {
        guint n = 0;
        const GkEnumEntry *entries = column->entries (&n);

        for (guint i = 0; i < n; i++)
          if (g_str_equal (entries[i].key, text) && entries[i].label != NULL)
            return g_strdup (_(entries[i].label));
        return g_strdup (text);
      }
    case GK_COLUMN_REF:
      {
        const char *name = row_name (reader, table_by_name (column->ref_table), sqlite3_column_int64 (stmt, index));

        return g_strdup (name != NULL ? name : _("(deleted)"));
      }
    case GK_COLUMN_MONEY:
      return g_strdup_printf ("€ %.2f", sqlite3_column_int64 (stmt, index) / 100.0);
    case GK_COLUMN_DATE:
      {
        GDate date;

        if (gk_date_parse_iso (text, &date))
          return gk_date_format_display (&date);
        return g_strdup (text);
      }
    case GK_COLUMN_DOMAINS:
      {
        GkDomains domains = GK_DOMAIN_NONE;

        if (*text == '\0')
          return g_strdup (_("(empty)"));
        if (gk_domains_from_keys (text, &domains))
          return gk_domains_label (domains);
        return g_strdup (text);
      }
    case GK_COLUMN_TEXT:
      return g_strdup (*text != '\0' ? text : _("(empty)"));
    case GK_COLUMN_INT:
      if (g_str_equal (column->name, "progress"))
        return g_strdup_printf ("%s%%", text);
      return g_strdup (text);
    case GK_COLUMN_REAL:
      /* In the user's locale: "12,5" in Dutch. */
      return g_strdup_printf ("%.12g", real_of (stmt, index));
    case GK_COLUMN_ID:
    default:
      return g_strdup (text);
    }
}

/* ---- the list of changes ------------------------------------------------------- */

/* One result row per field of each change log row (json_each), a row with
 * a NULL key for a change without values; newest first, fields in the
 * order of the table. */
static const char query_sql[] =
  "SELECT c.id, c.changed_at, c.changed_by, c.table_name, c.row_id, c.action, c.summary, "
  "       json_valid(c.changes), j.key, " JSON_VALUE ("j.value", "'$[0]'") ", " JSON_VALUE ("j.value", "'$[1]'") " "
  "FROM change_log AS c "
  "LEFT JOIN json_each(CASE WHEN json_valid(c.changes) THEN c.changes END) AS j "
  "WHERE c.id IN (SELECT id FROM change_log "
  "      WHERE (?1 IS NULL OR changed_by = ?1) AND (?2 IS NULL OR table_name = ?2) "
  "        AND (?3 = 0 OR row_id = ?3) AND (?4 IS NULL OR changed_at >= ?4) "
  "        AND (?5 IS NULL OR changed_at < ?5) "
  "        AND (?7 IS NULL OR instr(?7, ',' || table_name || ',') > 0) "
  "      ORDER BY changed_at DESC, id DESC LIMIT ?6) "
  "ORDER BY c.changed_at DESC, c.id DESC, j.id";

static GkHistoryAction
action_from_key (const char *key)
{
  if (g_strcmp0 (key, "insert") == 0)
    return GK_HISTORY_ACTION_INSERT;
  if (g_strcmp0 (key, "delete") == 0)
    return GK_HISTORY_ACTION_DELETE;
  return GK_HISTORY_ACTION_UPDATE;
}

static GkHistoryEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  const char *stamp = (const char *) sqlite3_column_text (stmt, 1);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (stamp != NULL ? stamp : "", NULL);

  if (time == NULL)
    time = g_date_time_new_from_unix_utc (0);
  return gk_history_entry_new (sqlite3_column_int64 (stmt, 0), time,
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               sqlite3_column_int64 (stmt, 4),
                               action_from_key ((const char *) sqlite3_column_text (stmt, 5)),
                               (const char *) sqlite3_column_text (stmt, 6),
                               sqlite3_column_int (stmt, 7) != 0);
}

/* The record a person opens for the entry, and its title; @owner_id is
 * the id the entry's own values give for the table's owner column (0 when
 * they give none). */
static void
entry_set_record (GkHistoryEntry *entry,
                  Reader         *reader,
                  gint64          owner_id)
{
  const GkTable *table = table_by_name (gk_history_entry_get_table (entry));
  const GkColumn *owner = owner_column (table);
  gint64 id = gk_history_entry_get_row_id (entry);
  g_autofree char *title = NULL;
  const char *name;

  if (table != NULL && label_column (table) == NULL && owner != NULL)
    {
      g_autofree char *current = current_text (reader, table, owner->name, id);
      const GkTable *parent = table_by_name (owner->ref_table);

      if (current != NULL)
        owner_id = g_ascii_strtoll (current, NULL, 10);
      /* "Figure “Wachttijd”": what the row is, and the name of its owner. */
      name = row_name (reader, parent, owner_id);
      title = name != NULL ? g_strdup_printf (_("%s “%s”"), gk_history_table_noun (table->name), name)
                           : g_strdup (gk_history_table_noun (table->name));
      gk_history_entry_set_record (entry, parent->name, owner_id, title);
      return;
    }

  name = table != NULL ? row_name (reader, table, id) : NULL;
  title = name != NULL ? g_strdup_printf (_("%s “%s”"), gk_history_table_noun (table->name), name)
                       : g_strdup (gk_history_table_noun (gk_history_entry_get_table (entry)));
  gk_history_entry_set_record (entry, gk_history_entry_get_table (entry), id, title);
}

static void
bind_filter (sqlite3_stmt          *stmt,
             const GkHistoryFilter *filter)
{
  if (filter->person != NULL)
    sqlite3_bind_text (stmt, 1, filter->person, -1, SQLITE_TRANSIENT);
  if (filter->table != NULL)
    sqlite3_bind_text (stmt, 2, filter->table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, filter->table != NULL ? filter->row_id : 0);
  if (filter->from != NULL)
    sqlite3_bind_text (stmt, 4, utc_stamp (filter->from), -1, g_free);
  if (filter->until != NULL)
    sqlite3_bind_text (stmt, 5, utc_stamp (filter->until), -1, g_free);
  sqlite3_bind_int64 (stmt, 6, filter->limit > 0 ? (gint64) filter->limit : -1);
  if (filter->tables != NULL && filter->tables[0] != NULL)
    {
      /* ",measure,measure_target,": table names have no commas. */
      g_autofree char *joined = g_strjoinv (",", (char **) filter->tables);

      sqlite3_bind_text (stmt, 7, g_strconcat (",", joined, ",", NULL), -1, g_free);
    }
}

GListModel *
gk_history_query (GkDocument            *document,
                  const GkHistoryFilter *filter,
                  GError               **error)
{
  static const GkHistoryFilter everything = { 0 };
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GkHistoryEntry *entry = NULL;
  const GkTable *table = NULL;
  const GkColumn *owner = NULL;
  gint64 owner_id = 0;
  sqlite3_stmt *stmt = NULL;
  Reader reader;
  int rc;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &everything;
  reader_init (&reader, document);
  rc = sqlite3_prepare_v2 (reader.db, query_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    bind_filter (stmt, filter);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 8);
      const GkColumn *column;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      if (entry == NULL || gk_history_entry_get_id (entry) != sqlite3_column_int64 (stmt, 0))
        {
          if (entry != NULL)
            entry_set_record (entry, &reader, owner_id);
          entry = entry_from_row (stmt);
          g_ptr_array_add (entries, entry);
          table = table_by_name (gk_history_entry_get_table (entry));
          owner = owner_column (table);
          owner_id = 0;
        }
      rc = SQLITE_OK;
      if (key == NULL)
        continue;

      column = column_by_name (table, key);
      if (owner != NULL && column == owner)
        owner_id = sqlite3_column_int64 (stmt, sqlite3_column_type (stmt, 10) != SQLITE_NULL ? 10 : 9);
      if (gk_history_entry_get_action (entry) != GK_HISTORY_ACTION_INSERT)
        old_text = value_text (&reader, column, stmt, 9);
      if (gk_history_entry_get_action (entry) != GK_HISTORY_ACTION_DELETE)
        new_text = value_text (&reader, column, stmt, 10);
      gk_history_entry_add_change (entry, key, gk_history_field_label (key), old_text, new_text);
    }
  if (entry != NULL)
    entry_set_record (entry, &reader, owner_id);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the history: %s"),
                   sqlite3_errmsg (reader.db));
      sqlite3_finalize (stmt);
      reader_clear (&reader);
      return NULL;
    }
  sqlite3_finalize (stmt);
  reader_clear (&reader);

  store = g_list_store_new (GK_TYPE_HISTORY_ENTRY);
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GArray *
gk_history_list_ids (GkDocument *document)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), ids);

  if (sqlite3_prepare_v2 (gk_document_get_db (document), "SELECT id FROM change_log", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
  sqlite3_finalize (stmt);
  return ids;
}

GStrv
gk_history_list_people (GkDocument *document)
{
  g_autoptr(GStrvBuilder) people = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  if (sqlite3_prepare_v2 (gk_document_get_db (document),
                          "SELECT DISTINCT changed_by FROM change_log WHERE changed_by != '' "
                          "ORDER BY changed_by COLLATE NOCASE", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_strv_builder_add (people, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (people);
}

GDateTime *
gk_history_dup_start (GkDocument *document)
{
  sqlite3_stmt *stmt = NULL;
  GDateTime *start = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  if (sqlite3_prepare_v2 (gk_document_get_db (document),
                          "SELECT min(changed_at) FROM change_log WHERE changes != ''", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    start = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 0), NULL);
  sqlite3_finalize (stmt);
  return start;
}

GDateTime *
gk_history_dup_last_without_values (GkDocument *document)
{
  sqlite3_stmt *stmt = NULL;
  GDateTime *last = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  if (sqlite3_prepare_v2 (gk_document_get_db (document),
                          "SELECT max(changed_at) FROM change_log WHERE changes IS NULL OR changes = ''",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    last = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 0), NULL);
  sqlite3_finalize (stmt);
  return last;
}

gboolean
gk_history_has_values (GkDocument *document)
{
  g_autoptr(GDateTime) start = gk_history_dup_start (document);

  return start != NULL;
}

/* ---- a value at a moment ------------------------------------------------------- */

static GVariant *
variant_of (sqlite3_stmt   *stmt,
            int             index,
            const GkColumn *column)
{
  if (column->kind == GK_COLUMN_REAL && sqlite3_column_type (stmt, index) != SQLITE_NULL)
    return g_variant_ref_sink (g_variant_new_double (real_of (stmt, index)));
  switch (sqlite3_column_type (stmt, index))
    {
    case SQLITE_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, index)));
    case SQLITE_FLOAT:
      return g_variant_ref_sink (g_variant_new_double (sqlite3_column_double (stmt, index)));
    case SQLITE_TEXT:
      return g_variant_ref_sink (g_variant_new_string ((const char *) sqlite3_column_text (stmt, index)));
    default:
      return NULL;
    }
}

/* The value of the row as it is now. */
static gboolean
current_value (sqlite3        *db,
               const GkTable  *table,
               const GkColumn *column,
               gint64          row_id,
               GVariant      **out_value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column->name, table->name);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, row_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *out_value = variant_of (stmt, 0, column);
          found = TRUE;
        }
    }
  sqlite3_finalize (stmt);
  return found;
}

/* The changes of rows that hold the column's value, oldest first: for
 * each, its row, whether it came at or before the moment, its action, and
 * the column's old and new value (of one row, or of every row). A
 * merge can bring in changes made on two copies in parallel, so the value
 * at a moment is taken from the nearest change (the last one before, else
 * the first one after) rather than by undoing every later change in turn:
 * in one line of changes that is the same. */
#define VALUE_AT_SQL(rows)                                                                          \
  "SELECT row_id, changed_at <= ?3, action, " JSON_VALUE ("changes", "?5") ", " JSON_VALUE ("changes", "?6") " " \
  "FROM change_log WHERE table_name = ?1 AND " rows " AND json_valid(changes) "                    \
  "  AND (action != 'update' OR json_type(changes, ?4) IS NOT NULL) "                              \
  "ORDER BY row_id, changed_at, id"

/* Separate statements, so that the one of one row uses the index on
 * (table_name, row_id). */
static const char value_at_sql[] = VALUE_AT_SQL ("row_id = ?2");
static const char values_at_sql[] = VALUE_AT_SQL ("?2 = 0");

/* What the changes of one row say so far about the moment. */
typedef struct {
  gboolean  decided;   /* a change before or after the moment was seen */
  gboolean  done;      /* the first change after the moment was seen */
  gboolean  existed;
  GVariant *value;
} RowState;

static void
row_state_clear (RowState *state)
{
  g_clear_pointer (&state->value, g_variant_unref);
  *state = (RowState) { 0 };
}

/* One row of value_at_sql. */
static void
row_state_step (RowState       *state,
                sqlite3_stmt   *stmt,
                const GkColumn *column)
{
  gboolean before = sqlite3_column_int (stmt, 1) != 0;
  GkHistoryAction action = action_from_key ((const char *) sqlite3_column_text (stmt, 2));

  if (state->done)
    return;
  if (before)
    {
      /* The latest change so far at or before the moment. */
      g_clear_pointer (&state->value, g_variant_unref);
      state->existed = action != GK_HISTORY_ACTION_DELETE;
      state->value = state->existed ? variant_of (stmt, 4, column) : NULL;
      state->decided = TRUE;
      return;
    }
  if (!state->decided)
    {
      /* No change before: the first one after says what was there. */
      state->existed = action != GK_HISTORY_ACTION_INSERT;
      state->value = state->existed ? variant_of (stmt, 3, column) : NULL;
      state->decided = TRUE;
    }
  /* The changes after the first one after the moment do not matter. */
  state->done = TRUE;
}

static gboolean
check_field (const char      *table_name,
             const char      *column_name,
             const GkTable  **out_table,
             const GkColumn **out_column,
             GError         **error)
{
  *out_table = table_by_name (table_name);
  *out_column = column_by_name (*out_table, column_name);
  if (*out_column == NULL || g_str_equal (table_name, "change_log") || g_str_equal (table_name, "revision"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The history has no field “%s” of “%s”."), column_name, table_name);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare_value_at (sqlite3         *db,
                  const GkTable   *table,
                  const GkColumn  *column,
                  gint64           row_id,
                  GDateTime       *at,
                  GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, row_id != 0 ? value_at_sql : values_at_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the history: %s"), sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_text (stmt, 3, utc_stamp (at), -1, g_free);
  sqlite3_bind_text (stmt, 4, g_strdup_printf ("$.%s", column->name), -1, g_free);
  sqlite3_bind_text (stmt, 5, g_strdup_printf ("$.%s[0]", column->name), -1, g_free);
  sqlite3_bind_text (stmt, 6, g_strdup_printf ("$.%s[1]", column->name), -1, g_free);
  return stmt;
}

static gboolean
finish_reading (sqlite3       *db,
                sqlite3_stmt  *stmt,
                int            rc,
                GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the history: %s"), sqlite3_errmsg (db));
  return FALSE;
}

gboolean
gk_history_value_at (GkDocument  *document,
                     const char  *table_name,
                     gint64       row_id,
                     const char  *column_name,
                     GDateTime   *at,
                     GVariant   **out_value,
                     GError     **error)
{
  const GkTable *table;
  const GkColumn *column;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  RowState state = { 0 };
  int rc;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (table_name != NULL && column_name != NULL && at != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_value = NULL;
  if (row_id == 0 || !check_field (table_name, column_name, &table, &column, error))
    return FALSE;
  db = gk_document_get_db (document);
  if ((stmt = prepare_value_at (db, table, column, row_id, at, error)) == NULL)
    return FALSE;
  while (!state.done && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row_state_step (&state, stmt, column);
  if (state.done)
    rc = SQLITE_DONE;
  if (!finish_reading (db, stmt, rc, error))
    {
      row_state_clear (&state);
      return FALSE;
    }

  if (!state.decided)
    state.existed = current_value (db, table, column, row_id, &state.value);
  *out_value = g_steal_pointer (&state.value);
  return state.existed;
}

static void
variant_unref_or_null (gpointer value)
{
  if (value != NULL)
    g_variant_unref (value);
}

/* The rows the history decided, and those that existed then with their
 * value. */
static void
take_row_state (GHashTable *values,
                GHashTable *decided,
                gint64      row_id,
                RowState   *state)
{
  if (!state->decided)
    return;
  g_hash_table_add (decided, g_memdup2 (&row_id, sizeof row_id));
  if (state->existed)
    g_hash_table_insert (values, g_memdup2 (&row_id, sizeof row_id), g_steal_pointer (&state->value));
  row_state_clear (state);
}

GHashTable *
gk_history_values_at (GkDocument  *document,
                      const char  *table_name,
                      const char  *column_name,
                      GDateTime   *at,
                      GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) decided = NULL;
  g_autofree char *sql = NULL;
  const GkTable *table;
  const GkColumn *column;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  RowState state = { 0 };
  gint64 row_id = 0;
  int rc;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table_name != NULL && column_name != NULL && at != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_field (table_name, column_name, &table, &column, error))
    return NULL;
  db = gk_document_get_db (document);
  values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, variant_unref_or_null);
  decided = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Every row's logged changes in one pass, row by row. */
  if ((stmt = prepare_value_at (db, table, column, 0, at, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (stmt, 0) != row_id)
        {
          take_row_state (values, decided, row_id, &state);
          row_id = sqlite3_column_int64 (stmt, 0);
        }
      row_state_step (&state, stmt, column);
    }
  take_row_state (values, decided, row_id, &state);
  if (!finish_reading (db, stmt, rc, error))
    return NULL;

  /* The rows without logged values: as they are now. */
  sql = g_strdup_printf ("SELECT id, %s FROM %s", column->name, table->name);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    rc = sqlite3_errcode (db);
  else
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        if (!g_hash_table_contains (decided, &id))
          g_hash_table_insert (values, g_memdup2 (&id, sizeof id), variant_of (stmt, 1, column));
      }
  if (!finish_reading (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&values);
}
