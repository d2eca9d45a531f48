/* gk-focus-project.h: one of the few projects the programme narrows its work to
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_FOCUS_PROJECT (gk_focus_project_get_type ())
G_DECLARE_FINAL_TYPE (GkFocusProject, gk_focus_project, GK, FOCUS_PROJECT, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkFocusProject *gk_focus_project_new (void);

const char *    gk_focus_project_get_name           (GkFocusProject *self);
void            gk_focus_project_set_name           (GkFocusProject *self, const char *value);
const char *    gk_focus_project_get_goal           (GkFocusProject *self);
void            gk_focus_project_set_goal           (GkFocusProject *self, const char *value);
gint64          gk_focus_project_get_owner_id       (GkFocusProject *self);
void            gk_focus_project_set_owner_id       (GkFocusProject *self, gint64 value);
GkChainPhase    gk_focus_project_get_chain_phase    (GkFocusProject *self);
void            gk_focus_project_set_chain_phase    (GkFocusProject *self, GkChainPhase value);
GkDomains       gk_focus_project_get_domains        (GkFocusProject *self);
void            gk_focus_project_set_domains        (GkFocusProject *self, GkDomains value);
GkProjectStatus gk_focus_project_get_status         (GkFocusProject *self);
void            gk_focus_project_set_status         (GkFocusProject *self, GkProjectStatus value);
GkHealth        gk_focus_project_get_health         (GkFocusProject *self);
void            gk_focus_project_set_health         (GkFocusProject *self, GkHealth value);
const char *    gk_focus_project_get_health_reason  (GkFocusProject *self);
void            gk_focus_project_set_health_reason  (GkFocusProject *self, const char *value);
const char *    gk_focus_project_get_start_date     (GkFocusProject *self);
void            gk_focus_project_set_start_date     (GkFocusProject *self, const char *value);
const char *    gk_focus_project_get_end_date       (GkFocusProject *self);
void            gk_focus_project_set_end_date       (GkFocusProject *self, const char *value);
gint64          gk_focus_project_get_budget_cents   (GkFocusProject *self);
void            gk_focus_project_set_budget_cents   (GkFocusProject *self, gint64 value);
gboolean        gk_focus_project_has_budget_cents   (GkFocusProject *self);
void            gk_focus_project_clear_budget_cents (GkFocusProject *self);
gint64          gk_focus_project_get_saving_cents   (GkFocusProject *self);
void            gk_focus_project_set_saving_cents   (GkFocusProject *self, gint64 value);
gboolean        gk_focus_project_has_saving_cents   (GkFocusProject *self);
void            gk_focus_project_clear_saving_cents (GkFocusProject *self);
int             gk_focus_project_get_position       (GkFocusProject *self);
void            gk_focus_project_set_position       (GkFocusProject *self, int value);

G_END_DECLS
