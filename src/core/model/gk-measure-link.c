/* gk-measure-link.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_MEASURE_LINK_TABLE of table
 * "measure_link" in gk-tables.h: the type, gk_measure_link_new() and the accessors
 * that gk-measure-link.h declares.
 */
#include "config.h"

#include "gk-measure-link.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkMeasureLink, gk_measure_link, GK_MEASURE_LINK_TABLE, gk_measure_link_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkMeasureLink, gk_measure_link, __VA_ARGS__)
GK_MEASURE_LINK_TABLE (ACCESSORS, GK_TABLE_IGNORE)
