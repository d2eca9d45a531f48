/* gk-programme.h: the change programme, the single row of the programme table
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_PROGRAMME (gk_programme_get_type ())
G_DECLARE_FINAL_TYPE (GkProgramme, gk_programme, GK, PROGRAMME, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkProgramme *gk_programme_new (void);

const char *   gk_programme_get_title         (GkProgramme *self);
void           gk_programme_set_title         (GkProgramme *self, const char *value);
const char *   gk_programme_get_municipality  (GkProgramme *self);
void           gk_programme_set_municipality  (GkProgramme *self, const char *value);
GkDomains      gk_programme_get_domains       (GkProgramme *self);
void           gk_programme_set_domains       (GkProgramme *self, GkDomains value);
gint64         gk_programme_get_lead_id       (GkProgramme *self);
void           gk_programme_set_lead_id       (GkProgramme *self, gint64 value);
const char *   gk_programme_get_start_date    (GkProgramme *self);
void           gk_programme_set_start_date    (GkProgramme *self, const char *value);
const char *   gk_programme_get_end_date      (GkProgramme *self);
void           gk_programme_set_end_date      (GkProgramme *self, const char *value);
const char *   gk_programme_get_ambition      (GkProgramme *self);
void           gk_programme_set_ambition      (GkProgramme *self, const char *value);
GkReviewCycle  gk_programme_get_review_cycle  (GkProgramme *self);
void           gk_programme_set_review_cycle  (GkProgramme *self, GkReviewCycle value);
GkHeadlineRule gk_programme_get_headline_rule (GkProgramme *self);
void           gk_programme_set_headline_rule (GkProgramme *self, GkHeadlineRule value);

G_END_DECLS
