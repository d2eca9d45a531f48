/* gk-assessment.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_ASSESSMENT_TABLE of table
 * "assessment" in gk-tables.h: the type, gk_assessment_new() and the accessors
 * that gk-assessment.h declares.
 */
#include "config.h"

#include "gk-assessment.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkAssessment, gk_assessment, GK_ASSESSMENT_TABLE, gk_assessment_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkAssessment, gk_assessment, __VA_ARGS__)
GK_ASSESSMENT_TABLE (ACCESSORS, GK_TABLE_IGNORE)
