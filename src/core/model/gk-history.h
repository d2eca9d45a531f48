/* gk-history.h: who changed what and when, and what a field held at a past moment
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit, undo, redo and merge writes the change log in the same
 * transaction as the change (gk-document-history.c); from schema 3 on it
 * keeps the values as well: {"column": [old, new]}. This reads it: the
 * changes filtered by person, kind of record, row and time, newest first,
 * and the value a column of a row had at a moment, for reports true to
 * their period. Files from before schema 3 have no values before they were
 * migrated: gk_history_dup_start() says from when the history knows them.
 */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-history-entry.h"

G_BEGIN_DECLS

/* What gk_history_query() lists; zeroed, every change. */
typedef struct {
  const char         *person;   /* the user name of changed_by, or NULL: anyone */
  const char         *table;    /* a table ("measure"), or NULL: every kind of record */
  const char * const *tables;   /* or any of these (NULL-terminated): a record with its parts */
  gint64              row_id;   /* with table: only that row's changes; 0: every row */
  GDateTime          *from;     /* changes at or after this moment, or NULL */
  GDateTime          *until;    /* changes before this moment, or NULL */
  guint               limit;    /* at most this many (the newest), or 0: all */
} GkHistoryFilter;

/* The changes the filter lets through, newest first, as a list of
 * GkHistoryEntry (transfer full), or NULL with @error set. */
GListModel  *gk_history_query         (GkDocument            *document,
                                       const GkHistoryFilter *filter,
                                       GError               **error);

/* The ids of every change log row (transfer full): which changes a
 * person has seen, since a merge brings in changes made earlier. */
GArray      *gk_history_list_ids      (GkDocument            *document);

/* The names of everyone who changed something, sorted (transfer full). */
GStrv        gk_history_list_people   (GkDocument            *document);

/* The time of the oldest change that holds values (transfer full), or
 * NULL when the file has none: a file from before schema 3 knows what was
 * done but not the values before it was migrated. */
GDateTime   *gk_history_dup_start     (GkDocument            *document);
gboolean     gk_history_has_values    (GkDocument            *document);
/* The time of the newest change that holds no values (transfer full), or
 * NULL when every change holds them: the history can roll a field back to
 * any moment after it, not to one before (a change then hides its value). */
GDateTime   *gk_history_dup_last_without_values (GkDocument      *document);

/* The value that @column of row @row_id of @table had at the end of @at
 * (changes made at or before @at, to the second, count): rolled back from
 * the row as it is now through the values the change log holds. Returns
 * TRUE when the row existed then, with @out_value set to the value as
 * stored (a GVariant of type x for numbers, references and money in cents,
 * d for reals, s for texts, dates and enumeration keys; NULL when the
 * field held none). Returns FALSE without an error when the row did not
 * exist at @at (added later, or deleted before) or is not known at all,
 * and FALSE with @error set for a table or column that does not exist.
 * Before gk_history_dup_start() the answer is the oldest value known. */
gboolean     gk_history_value_at      (GkDocument            *document,
                                       const char            *table,
                                       gint64                 row_id,
                                       const char            *column,
                                       GDateTime             *at,
                                       GVariant             **out_value,
                                       GError               **error);

/* The same for every row of @table at once (what a report of a past
 * period asks for a whole table): a hash table from gint64 row ids (keys)
 * to GVariant values (NULL for a field that held none), holding the rows
 * that existed at @at; NULL with @error set for an unknown field. One pass
 * over the table's change log: for 400 measures many times faster than
 * gk_history_value_at() per row. Free with g_hash_table_unref(). */
GHashTable  *gk_history_values_at     (GkDocument            *document,
                                       const char            *table,
                                       const char            *column,
                                       GDateTime             *at,
                                       GError               **error);

/* For people: "Measure", the kind of record of @table; and "Status",
 * the field that @column is (both translated; the name itself when there
 * is no label). */
const char  *gk_history_table_noun    (const char            *table);
const char  *gk_history_field_label   (const char            *column);

G_END_DECLS
