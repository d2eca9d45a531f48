/* gk-journal-page.h: progress notes, decisions and risks
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_JOURNAL_PAGE (gk_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (GkJournalPage, gk_journal_page, GK, JOURNAL_PAGE, AdwBin)

GtkWidget *gk_journal_page_new           (void);
/* Shows and selects the entry with @id, clearing the filters that hide
 * it; FALSE if there is no such entry. */
gboolean   gk_journal_page_select        (GkJournalPage *self,
                                          gint64         id);
/* The number of entries the filters let through. */
guint      gk_journal_page_get_n_shown   (GkJournalPage *self);

/* The open programme shown (the "session" property): the page follows it
 * by itself, and lets go of its document when it closes. */
void       gk_journal_page_set_session (GkJournalPage *self,
                                        GkSession     *session);
GkSession *gk_journal_page_get_session (GkJournalPage *self);

G_END_DECLS
