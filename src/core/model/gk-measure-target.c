/* gk-measure-target.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_MEASURE_TARGET_TABLE of table
 * "measure_target" in gk-tables.h: the type, gk_measure_target_new() and the accessors
 * that gk-measure-target.h declares.
 */
#include "config.h"

#include "gk-measure-target.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkMeasureTarget, gk_measure_target, GK_MEASURE_TARGET_TABLE, gk_measure_target_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkMeasureTarget, gk_measure_target, __VA_ARGS__)
GK_MEASURE_TARGET_TABLE (ACCESSORS, GK_TABLE_IGNORE)
