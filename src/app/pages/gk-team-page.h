/* gk-team-page.h: people and roles, and what each one owns: the owner load view
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

#define GK_TYPE_TEAM_PAGE (gk_team_page_get_type ())

G_DECLARE_FINAL_TYPE (GkTeamPage, gk_team_page, GK, TEAM_PAGE, AdwBin)

GtkWidget *gk_team_page_new          (void);
/* Opens the row of the person with @person_id and gives it the focus (for
 * links and search); FALSE when there is no such person. */
gboolean   gk_team_page_show_person  (GkTeamPage *self,
                                      gint64      person_id);

/* The open programme shown (the "session" property): the page follows it
 * by itself, and lets go of its document when it closes. */
void       gk_team_page_set_session (GkTeamPage *self,
                                     GkSession  *session);
GkSession *gk_team_page_get_session (GkTeamPage *self);

G_END_DECLS
