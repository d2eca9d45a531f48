/* gk-focus-project.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_FOCUS_PROJECT_TABLE of table
 * "focus_project" in gk-tables.h: the type, gk_focus_project_new() and the accessors
 * that gk-focus-project.h declares.
 */
#include "config.h"

#include "gk-focus-project.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkFocusProject, gk_focus_project, GK_FOCUS_PROJECT_TABLE, gk_focus_project_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkFocusProject, gk_focus_project, __VA_ARGS__)
GK_FOCUS_PROJECT_TABLE (ACCESSORS, GK_TABLE_IGNORE)
