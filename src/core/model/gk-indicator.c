/* gk-indicator.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_INDICATOR_TABLE of table
 * "indicator" in gk-tables.h: the type, gk_indicator_new() and the accessors
 * that gk-indicator.h declares.
 */
#include "config.h"

#include "gk-indicator.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkIndicator, gk_indicator, GK_INDICATOR_TABLE, gk_indicator_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkIndicator, gk_indicator, __VA_ARGS__)
GK_INDICATOR_TABLE (ACCESSORS, GK_TABLE_IGNORE)
