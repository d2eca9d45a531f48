/* gk-search-bar.h: Ctrl+F, across focus projects, measures, people and indicators
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-session.h"

G_BEGIN_DECLS

/* One row found: what it is (GK_TYPE_FOCUS_PROJECT, GK_TYPE_MEASURE,
 * GK_TYPE_PERSON or GK_TYPE_INDICATOR), its id, and how it is shown. */
#define GK_TYPE_SEARCH_RESULT (gk_search_result_get_type ())

G_DECLARE_FINAL_TYPE (GkSearchResult, gk_search_result, GK, SEARCH_RESULT, GObject)

GType       gk_search_result_get_record_type (GkSearchResult *self);
gint64      gk_search_result_get_id          (GkSearchResult *self);
const char *gk_search_result_get_title       (GkSearchResult *self);
const char *gk_search_result_get_subtitle    (GkSearchResult *self);

/* The rows of @document whose name or title holds every word of @query,
 * ignoring case and accents ("clienttevredenheid" finds
 * "Cliënttevredenheid"); names that start with the query first, at most
 * @max_results. A new list of GkSearchResult. */
GListModel *gk_search_find                   (GkDocument     *document,
                                              const char     *query,
                                              guint           max_results);

#define GK_TYPE_SEARCH_BAR (gk_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (GkSearchBar, gk_search_bar, GK, SEARCH_BAR, AdwBin)

GtkWidget  *gk_search_bar_new              (void);
/* The programme searched (the "session" property): its document. */
void        gk_search_bar_set_session      (GkSearchBar    *self,
                                            GkSession      *session);
GkSession  *gk_search_bar_get_session      (GkSearchBar    *self);
/* Shows the bar and puts the cursor in its entry. The "active" property
 * says whether it is shown. */
void        gk_search_bar_start            (GkSearchBar    *self);
void        gk_search_bar_stop             (GkSearchBar    *self);
gboolean    gk_search_bar_get_active       (GkSearchBar    *self);
/* Searches for @text at once (as typing does after a short pause). */
void        gk_search_bar_search           (GkSearchBar    *self,
                                            const char     *text);
/* The results shown, GkSearchResult items. */
GListModel *gk_search_bar_get_results      (GkSearchBar    *self);
/* Does what clicking the result at @position does: emits
 * "result-activated" and closes the bar. */
void        gk_search_bar_activate_result  (GkSearchBar    *self,
                                            guint           position);

G_END_DECLS
