/* gk-person.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "person" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-person.h"
#include "gk-record-private.h"

struct _GkPerson
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkPerson, gk_person, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_NAME,
  COL_ROLE,
  COL_EMAIL,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_NAME] = { .name = "name", .property = "name", .kind = GK_COLUMN_TEXT,
                 .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_ROLE] = { .name = "role", .property = "role", .kind = GK_COLUMN_ENUM,
                 .default_value = GK_ROLE_OTHER, .entries = gk_role_entries },
  [COL_EMAIL] = { .name = "email", .property = "email", .kind = GK_COLUMN_TEXT },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "person",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_NAME,
};

static void
gk_person_class_init (GkPersonClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_person_init (GkPerson *self)
{
}

GkPerson *
gk_person_new (void)
{
  return g_object_new (GK_TYPE_PERSON, NULL);
}

const char *
gk_person_get_name (GkPerson *self)
{
  g_return_val_if_fail (GK_IS_PERSON (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_NAME);
}

void
gk_person_set_name (GkPerson *self,
                    const char *value)
{
  g_return_if_fail (GK_IS_PERSON (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_NAME, value);
}

GkRole
gk_person_get_role (GkPerson *self)
{
  g_return_val_if_fail (GK_IS_PERSON (self), (GkRole) 0);

  return (GkRole) gk_record_get_int_cell (GK_RECORD (self), COL_ROLE);
}

void
gk_person_set_role (GkPerson *self,
                    GkRole value)
{
  g_return_if_fail (GK_IS_PERSON (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_ROLE, value);
}

const char *
gk_person_get_email (GkPerson *self)
{
  g_return_val_if_fail (GK_IS_PERSON (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_EMAIL);
}

void
gk_person_set_email (GkPerson *self,
                     const char *value)
{
  g_return_if_fail (GK_IS_PERSON (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_EMAIL, value);
}
