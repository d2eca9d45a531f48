/* gk-roadmap-page.h: the topics of the roadmap, their grip levels and assessments
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-analysis.h"
#include "gk-document.h"
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_ROADMAP_PAGE (gk_roadmap_page_get_type ())

G_DECLARE_FINAL_TYPE (GkRoadmapPage, gk_roadmap_page, GK, ROADMAP_PAGE, AdwBin)

GtkWidget *gk_roadmap_page_new                (void);

/* The topic shown in the detail pane, or NULL (transfer none). */
GkTopic   *gk_roadmap_page_get_selected_topic (GkRoadmapPage *self);
/* Shows the topic with @topic_id (for links from elsewhere in the app);
 * FALSE when there is no such topic. */
gboolean   gk_roadmap_page_select_topic       (GkRoadmapPage *self,
                                               gint64         topic_id);

/* The open programme shown (the "session" property): the page follows it
 * by itself, and lets go of its document when it closes. */
void       gk_roadmap_page_set_session (GkRoadmapPage *self,
                                        GkSession     *session);
GkSession *gk_roadmap_page_get_session (GkRoadmapPage *self);

G_END_DECLS
