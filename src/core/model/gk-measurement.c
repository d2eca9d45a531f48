/* gk-measurement.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_MEASUREMENT_TABLE of table
 * "measurement" in gk-tables.h: the type, gk_measurement_new() and the accessors
 * that gk-measurement.h declares.
 */
#include "config.h"

#include "gk-measurement.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkMeasurement, gk_measurement, GK_MEASUREMENT_TABLE, gk_measurement_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkMeasurement, gk_measurement, __VA_ARGS__)
GK_MEASUREMENT_TABLE (ACCESSORS, GK_TABLE_IGNORE)
