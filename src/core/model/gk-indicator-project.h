/* gk-indicator-project.h: a focus project that an indicator informs
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_INDICATOR_PROJECT (gk_indicator_project_get_type ())
G_DECLARE_FINAL_TYPE (GkIndicatorProject, gk_indicator_project, GK, INDICATOR_PROJECT, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkIndicatorProject *gk_indicator_project_new (void);

gint64 gk_indicator_project_get_indicator_id (GkIndicatorProject *self);
void   gk_indicator_project_set_indicator_id (GkIndicatorProject *self, gint64 value);
gint64 gk_indicator_project_get_project_id   (GkIndicatorProject *self);
void   gk_indicator_project_set_project_id   (GkIndicatorProject *self, gint64 value);

G_END_DECLS
