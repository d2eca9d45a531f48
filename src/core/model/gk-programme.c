/* gk-programme.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_PROGRAMME_TABLE of table
 * "programme" in gk-tables.h: the type, gk_programme_new() and the accessors
 * that gk-programme.h declares.
 */
#include "config.h"

#include "gk-programme.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkProgramme, gk_programme, GK_PROGRAMME_TABLE, gk_programme_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkProgramme, gk_programme, __VA_ARGS__)
GK_PROGRAMME_TABLE (ACCESSORS, GK_TABLE_IGNORE)
