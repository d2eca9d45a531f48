/* gk-projects-page.h: the focus projects, each with its measures and indicators
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-chart-model.h"

#include "gk-analysis.h"
#include "gk-document.h"
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECTS_PAGE (gk_projects_page_get_type ())

G_DECLARE_FINAL_TYPE (GkProjectsPage, gk_projects_page, GK, PROJECTS_PAGE, AdwBin)

GtkWidget      *gk_projects_page_new                      (void);
/* Shows the focus project with @project_id (as search results do). */
void            gk_projects_page_select_project           (GkProjectsPage *self,
                                                           gint64          project_id);
/* The focus project shown, or NULL (transfer none). */
GkFocusProject *gk_projects_page_get_project              (GkProjectsPage *self);
/* The box under the indicator list that holds the charts of the shown
 * project's indicators. */
GtkBox         *gk_projects_page_get_indicator_charts_box (GkProjectsPage *self);

/* The open programme shown (the "session" property): the page follows it
 * by itself, and lets go of its document when it closes. */
void            gk_projects_page_set_session              (GkProjectsPage *self,
                                                           GkSession      *session);
GkSession      *gk_projects_page_get_session              (GkProjectsPage *self);

G_END_DECLS
