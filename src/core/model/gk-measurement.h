/* gk-measurement.h: the value of an indicator in one period
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASUREMENT (gk_measurement_get_type ())
G_DECLARE_FINAL_TYPE (GkMeasurement, gk_measurement, GK, MEASUREMENT, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkMeasurement *gk_measurement_new (void);

gint64      gk_measurement_get_indicator_id (GkMeasurement *self);
void        gk_measurement_set_indicator_id (GkMeasurement *self, gint64 value);
const char *gk_measurement_get_period_date  (GkMeasurement *self);
void        gk_measurement_set_period_date  (GkMeasurement *self, const char *value);
double      gk_measurement_get_value        (GkMeasurement *self);
void        gk_measurement_set_value        (GkMeasurement *self, double value);
const char *gk_measurement_get_note         (GkMeasurement *self);
void        gk_measurement_set_note         (GkMeasurement *self, const char *value);
const char *gk_measurement_get_entered_by   (GkMeasurement *self);
void        gk_measurement_set_entered_by   (GkMeasurement *self, const char *value);

G_END_DECLS
