/* gk-assessment.h: the team's dated judgement of a topic's grip level
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_ASSESSMENT (gk_assessment_get_type ())
G_DECLARE_FINAL_TYPE (GkAssessment, gk_assessment, GK, ASSESSMENT, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkAssessment *gk_assessment_new (void);

gint64      gk_assessment_get_topic_id       (GkAssessment *self);
void        gk_assessment_set_topic_id       (GkAssessment *self, gint64 value);
const char *gk_assessment_get_date           (GkAssessment *self);
void        gk_assessment_set_date           (GkAssessment *self, const char *value);
GkLevel     gk_assessment_get_level          (GkAssessment *self);
void        gk_assessment_set_level          (GkAssessment *self, GkLevel value);
const char *gk_assessment_get_rationale      (GkAssessment *self);
void        gk_assessment_set_rationale      (GkAssessment *self, const char *value);
int         gk_assessment_get_confidence     (GkAssessment *self);
void        gk_assessment_set_confidence     (GkAssessment *self, int value);
gint64      gk_assessment_get_assessed_by_id (GkAssessment *self);
void        gk_assessment_set_assessed_by_id (GkAssessment *self, gint64 value);

G_END_DECLS
