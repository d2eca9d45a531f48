/* gk-overview-page.h: the programme's state at a glance
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-chart-model.h"
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_OVERVIEW_PAGE (gk_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (GkOverviewPage, gk_overview_page, GK, OVERVIEW_PAGE, AdwBin)

GtkWidget *gk_overview_page_new          (void);
/* The open programme shown (the "session" property): the page follows it
 * by itself, and lets go of its document when it closes. */
void       gk_overview_page_set_session (GkOverviewPage *self,
                                         GkSession      *session);
GkSession *gk_overview_page_get_session (GkOverviewPage *self);

G_END_DECLS
