/* gk-journal-entry.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "journal_entry" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-journal-entry.h"
#include "gk-record-private.h"

struct _GkJournalEntry
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkJournalEntry, gk_journal_entry, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_DATE,
  COL_AUTHOR,
  COL_KIND,
  COL_TEXT,
  COL_TOPIC_ID,
  COL_PROJECT_ID,
  COL_MEASURE_ID,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_DATE] = { .name = "date", .property = "date", .kind = GK_COLUMN_DATE,
                 .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_AUTHOR] = { .name = "author", .property = "author", .kind = GK_COLUMN_TEXT },
  [COL_KIND] = { .name = "kind", .property = "kind", .kind = GK_COLUMN_ENUM,
                 .default_value = GK_JOURNAL_KIND_PROGRESS, .entries = gk_journal_kind_entries },
  [COL_TEXT] = { .name = "text", .property = "text", .kind = GK_COLUMN_TEXT,
                 .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_TOPIC_ID] = { .name = "topic_id", .property = "topic-id", .kind = GK_COLUMN_REF,
                     .ref_table = "topic" },
  [COL_PROJECT_ID] = { .name = "project_id", .property = "project-id", .kind = GK_COLUMN_REF,
                       .ref_table = "focus_project" },
  [COL_MEASURE_ID] = { .name = "measure_id", .property = "measure-id", .kind = GK_COLUMN_REF,
                       .ref_table = "measure" },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "journal_entry",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_TEXT,
};

static void
gk_journal_entry_class_init (GkJournalEntryClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_journal_entry_init (GkJournalEntry *self)
{
}

GkJournalEntry *
gk_journal_entry_new (void)
{
  return g_object_new (GK_TYPE_JOURNAL_ENTRY, NULL);
}

const char *
gk_journal_entry_get_date (GkJournalEntry *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_ENTRY (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DATE);
}

void
gk_journal_entry_set_date (GkJournalEntry *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_JOURNAL_ENTRY (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DATE, value);
}

const char *
gk_journal_entry_get_author (GkJournalEntry *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_ENTRY (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_AUTHOR);
}

void
gk_journal_entry_set_author (GkJournalEntry *self,
                             const char *value)
{
  g_return_if_fail (GK_IS_JOURNAL_ENTRY (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_AUTHOR, value);
}

GkJournalKind
gk_journal_entry_get_kind (GkJournalEntry *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_ENTRY (self), (GkJournalKind) 0);

  return (GkJournalKind) gk_record_get_int_cell (GK_RECORD (self), COL_KIND);
}

void
gk_journal_entry_set_kind (GkJournalEntry *self,
                           GkJournalKind value)
{
  g_return_if_fail (GK_IS_JOURNAL_ENTRY (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_KIND, value);
}

const char *
gk_journal_entry_get_text (GkJournalEntry *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_ENTRY (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TEXT);
}

void
gk_journal_entry_set_text (GkJournalEntry *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_JOURNAL_ENTRY (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TEXT, value);
}

gint64
gk_journal_entry_get_topic_id (GkJournalEntry *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_ENTRY (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_TOPIC_ID);
}

void
gk_journal_entry_set_topic_id (GkJournalEntry *self,
                               gint64 value)
{
  g_return_if_fail (GK_IS_JOURNAL_ENTRY (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_TOPIC_ID, value);
}

gint64
gk_journal_entry_get_project_id (GkJournalEntry *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_ENTRY (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_PROJECT_ID);
}

void
gk_journal_entry_set_project_id (GkJournalEntry *self,
                                 gint64 value)
{
  g_return_if_fail (GK_IS_JOURNAL_ENTRY (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_PROJECT_ID, value);
}

gint64
gk_journal_entry_get_measure_id (GkJournalEntry *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_ENTRY (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_MEASURE_ID);
}

void
gk_journal_entry_set_measure_id (GkJournalEntry *self,
                                 gint64 value)
{
  g_return_if_fail (GK_IS_JOURNAL_ENTRY (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_MEASURE_ID, value);
}
