/* gk-journal-entry.h: a dated progress note, decision or risk
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_JOURNAL_ENTRY (gk_journal_entry_get_type ())
G_DECLARE_FINAL_TYPE (GkJournalEntry, gk_journal_entry, GK, JOURNAL_ENTRY, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkJournalEntry *gk_journal_entry_new (void);

const char *  gk_journal_entry_get_date       (GkJournalEntry *self);
void          gk_journal_entry_set_date       (GkJournalEntry *self, const char *value);
const char *  gk_journal_entry_get_author     (GkJournalEntry *self);
void          gk_journal_entry_set_author     (GkJournalEntry *self, const char *value);
GkJournalKind gk_journal_entry_get_kind       (GkJournalEntry *self);
void          gk_journal_entry_set_kind       (GkJournalEntry *self, GkJournalKind value);
const char *  gk_journal_entry_get_text       (GkJournalEntry *self);
void          gk_journal_entry_set_text       (GkJournalEntry *self, const char *value);
gint64        gk_journal_entry_get_topic_id   (GkJournalEntry *self);
void          gk_journal_entry_set_topic_id   (GkJournalEntry *self, gint64 value);
gint64        gk_journal_entry_get_project_id (GkJournalEntry *self);
void          gk_journal_entry_set_project_id (GkJournalEntry *self, gint64 value);
gint64        gk_journal_entry_get_measure_id (GkJournalEntry *self);
void          gk_journal_entry_set_measure_id (GkJournalEntry *self, gint64 value);

G_END_DECLS
