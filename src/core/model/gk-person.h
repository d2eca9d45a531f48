/* gk-person.h: a member of the team or the board
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_PERSON (gk_person_get_type ())
G_DECLARE_FINAL_TYPE (GkPerson, gk_person, GK, PERSON, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkPerson *gk_person_new (void);

const char *gk_person_get_name  (GkPerson *self);
void        gk_person_set_name  (GkPerson *self, const char *value);
GkRole      gk_person_get_role  (GkPerson *self);
void        gk_person_set_role  (GkPerson *self, GkRole value);
const char *gk_person_get_email (GkPerson *self);
void        gk_person_set_email (GkPerson *self, const char *value);

G_END_DECLS
