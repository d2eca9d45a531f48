/* gk-measure.h: a concrete action of a focus project that should move a topic's level
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASURE (gk_measure_get_type ())
G_DECLARE_FINAL_TYPE (GkMeasure, gk_measure, GK, MEASURE, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkMeasure *gk_measure_new (void);

gint64          gk_measure_get_project_id      (GkMeasure *self);
void            gk_measure_set_project_id      (GkMeasure *self, gint64 value);
const char *    gk_measure_get_title           (GkMeasure *self);
void            gk_measure_set_title           (GkMeasure *self, const char *value);
const char *    gk_measure_get_description     (GkMeasure *self);
void            gk_measure_set_description     (GkMeasure *self, const char *value);
gint64          gk_measure_get_owner_id        (GkMeasure *self);
void            gk_measure_set_owner_id        (GkMeasure *self, gint64 value);
GkMeasureStatus gk_measure_get_status          (GkMeasure *self);
void            gk_measure_set_status          (GkMeasure *self, GkMeasureStatus value);
GkMeasureKind   gk_measure_get_kind            (GkMeasure *self);
void            gk_measure_set_kind            (GkMeasure *self, GkMeasureKind value);
const char *    gk_measure_get_start_date      (GkMeasure *self);
void            gk_measure_set_start_date      (GkMeasure *self, const char *value);
const char *    gk_measure_get_due_date        (GkMeasure *self);
void            gk_measure_set_due_date        (GkMeasure *self, const char *value);
const char *    gk_measure_get_done_date       (GkMeasure *self);
void            gk_measure_set_done_date       (GkMeasure *self, const char *value);
int             gk_measure_get_progress        (GkMeasure *self);
void            gk_measure_set_progress        (GkMeasure *self, int value);
const char *    gk_measure_get_expected_effect (GkMeasure *self);
void            gk_measure_set_expected_effect (GkMeasure *self, const char *value);
gint64          gk_measure_get_saving_cents    (GkMeasure *self);
void            gk_measure_set_saving_cents    (GkMeasure *self, gint64 value);
gboolean        gk_measure_has_saving_cents    (GkMeasure *self);
void            gk_measure_clear_saving_cents  (GkMeasure *self);
int             gk_measure_get_position        (GkMeasure *self);
void            gk_measure_set_position        (GkMeasure *self, int value);

G_END_DECLS
