/* gk-timeline-page.h: the measures on a Gantt chart, to plan on
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-session.h"
#include "gk-timeline-view.h"

G_BEGIN_DECLS

#define GK_TYPE_TIMELINE_PAGE (gk_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (GkTimelinePage, gk_timeline_page, GK, TIMELINE_PAGE, AdwBin)

GtkWidget      *gk_timeline_page_new         (void);
/* The open programme shown (the "session" property). */
void            gk_timeline_page_set_session (GkTimelinePage *self,
                                              GkSession      *session);
GkSession      *gk_timeline_page_get_session (GkTimelinePage *self);
GkTimelineView *gk_timeline_page_get_view    (GkTimelinePage *self);

G_END_DECLS
