/* gk-journal-dialog.h: write or change a journal entry
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_JOURNAL_DIALOG (gk_journal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkJournalDialog, gk_journal_dialog, GK, JOURNAL_DIALOG, AdwWindow)

/* Edits @entry (a live record of @document), or writes a new entry when
 * @entry is NULL. Emits "saved" (with the entry's id) after saving and
 * "deleted" (with the entry's description) after deleting, then closes. */
GkJournalDialog *gk_journal_dialog_new (GtkWindow      *parent,
                                        GkDocument     *document,
                                        GkJournalEntry *entry);

/* "Topic: Financiën", "Focus project: …", "Measure: …" or "The programme
 * as a whole": what @entry is about. */
char            *gk_journal_entry_describe_link (GkDocument     *document,
                                                 GkJournalEntry *entry);

G_END_DECLS
