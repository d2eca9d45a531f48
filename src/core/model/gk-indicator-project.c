/* gk-indicator-project.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_INDICATOR_PROJECT_TABLE of table
 * "indicator_project" in gk-tables.h: the type, gk_indicator_project_new() and the accessors
 * that gk-indicator-project.h declares.
 */
#include "config.h"

#include "gk-indicator-project.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkIndicatorProject, gk_indicator_project, GK_INDICATOR_PROJECT_TABLE, gk_indicator_project_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkIndicatorProject, gk_indicator_project, __VA_ARGS__)
GK_INDICATOR_PROJECT_TABLE (ACCESSORS, GK_TABLE_IGNORE)
