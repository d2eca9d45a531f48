/* gk-measure-target.h: the grip level a measure must help a topic reach, and when
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASURE_TARGET (gk_measure_target_get_type ())
G_DECLARE_FINAL_TYPE (GkMeasureTarget, gk_measure_target, GK, MEASURE_TARGET, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkMeasureTarget *gk_measure_target_new (void);

gint64      gk_measure_target_get_measure_id   (GkMeasureTarget *self);
void        gk_measure_target_set_measure_id   (GkMeasureTarget *self, gint64 value);
gint64      gk_measure_target_get_topic_id     (GkMeasureTarget *self);
void        gk_measure_target_set_topic_id     (GkMeasureTarget *self, gint64 value);
GkLevel     gk_measure_target_get_target_level (GkMeasureTarget *self);
void        gk_measure_target_set_target_level (GkMeasureTarget *self, GkLevel value);
const char *gk_measure_target_get_target_date  (GkMeasureTarget *self);
void        gk_measure_target_set_target_date  (GkMeasureTarget *self, const char *value);

G_END_DECLS
