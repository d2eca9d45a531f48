/* gk-person.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_PERSON_TABLE of table
 * "person" in gk-tables.h: the type, gk_person_new() and the accessors
 * that gk-person.h declares.
 */
#include "config.h"

#include "gk-person.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkPerson, gk_person, GK_PERSON_TABLE, gk_person_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkPerson, gk_person, __VA_ARGS__)
GK_PERSON_TABLE (ACCESSORS, GK_TABLE_IGNORE)
