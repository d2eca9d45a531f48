/* gk-measure.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_MEASURE_TABLE of table
 * "measure" in gk-tables.h: the type, gk_measure_new() and the accessors
 * that gk-measure.h declares.
 */
#include "config.h"

#include "gk-measure.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkMeasure, gk_measure, GK_MEASURE_TABLE, gk_measure_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkMeasure, gk_measure, __VA_ARGS__)
GK_MEASURE_TABLE (ACCESSORS, GK_TABLE_IGNORE)
