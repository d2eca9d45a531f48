/* gk-history-page.h: who changed what and when
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_HISTORY_PAGE (gk_history_page_get_type ())

G_DECLARE_FINAL_TYPE (GkHistoryPage, gk_history_page, GK, HISTORY_PAGE, AdwBin)

GtkWidget  *gk_history_page_new         (void);
/* The open programme shown (the "session" property). */
void        gk_history_page_set_session (GkHistoryPage *self,
                                         GkSession     *session);
GkSession  *gk_history_page_get_session (GkHistoryPage *self);
/* The changes listed, newest first (GkHistoryEntry; transfer none). */
GListModel *gk_history_page_get_entries (GkHistoryPage *self);
/* How many of them are marked new: others' changes since the user last
 * looked at the page. */
guint       gk_history_page_get_n_new   (GkHistoryPage *self);

G_END_DECLS
