/* gk-catalogue-measure.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_CATALOGUE_MEASURE_TABLE of table
 * "catalogue_measure" in gk-tables.h: the type, gk_catalogue_measure_new() and the accessors
 * that gk-catalogue-measure.h declares.
 */
#include "config.h"

#include "gk-catalogue-measure.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkCatalogueMeasure, gk_catalogue_measure, GK_CATALOGUE_MEASURE_TABLE, gk_catalogue_measure_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkCatalogueMeasure, gk_catalogue_measure, __VA_ARGS__)
GK_CATALOGUE_MEASURE_TABLE (ACCESSORS, GK_TABLE_IGNORE)
