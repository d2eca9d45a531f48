/* gk-journal-entry.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_JOURNAL_ENTRY_TABLE of table
 * "journal_entry" in gk-tables.h: the type, gk_journal_entry_new() and the accessors
 * that gk-journal-entry.h declares.
 */
#include "config.h"

#include "gk-journal-entry.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkJournalEntry, gk_journal_entry, GK_JOURNAL_ENTRY_TABLE, gk_journal_entry_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkJournalEntry, gk_journal_entry, __VA_ARGS__)
GK_JOURNAL_ENTRY_TABLE (ACCESSORS, GK_TABLE_IGNORE)
