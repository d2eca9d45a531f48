/* gk-measure.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "measure" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-measure.h"
#include "gk-record-private.h"

struct _GkMeasure
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkMeasure, gk_measure, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_PROJECT_ID,
  COL_TITLE,
  COL_DESCRIPTION,
  COL_OWNER_ID,
  COL_STATUS,
  COL_KIND,
  COL_START_DATE,
  COL_DUE_DATE,
  COL_DONE_DATE,
  COL_PROGRESS,
  COL_EXPECTED_EFFECT,
  COL_SAVING_CENTS,
  COL_POSITION,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_PROJECT_ID] = { .name = "project_id", .property = "project-id", .kind = GK_COLUMN_REF,
                       .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "focus_project" },
  [COL_TITLE] = { .name = "title", .property = "title", .kind = GK_COLUMN_TEXT,
                  .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_DESCRIPTION] = { .name = "description", .property = "description", .kind = GK_COLUMN_TEXT },
  [COL_OWNER_ID] = { .name = "owner_id", .property = "owner-id", .kind = GK_COLUMN_REF,
                     .ref_table = "person" },
  [COL_STATUS] = { .name = "status", .property = "status", .kind = GK_COLUMN_ENUM,
                   .default_value = GK_MEASURE_STATUS_IDEA, .entries = gk_measure_status_entries },
  [COL_KIND] = { .name = "kind", .property = "kind", .kind = GK_COLUMN_ENUM,
                 .default_value = GK_MEASURE_KIND_STRUCTURAL, .entries = gk_measure_kind_entries },
  [COL_START_DATE] = { .name = "start_date", .property = "start-date", .kind = GK_COLUMN_DATE },
  [COL_DUE_DATE] = { .name = "due_date", .property = "due-date", .kind = GK_COLUMN_DATE },
  [COL_DONE_DATE] = { .name = "done_date", .property = "done-date", .kind = GK_COLUMN_DATE },
  [COL_PROGRESS] = { .name = "progress", .property = "progress", .kind = GK_COLUMN_INT,
                     .default_value = 0 },
  [COL_EXPECTED_EFFECT] = { .name = "expected_effect", .property = "expected-effect", .kind = GK_COLUMN_TEXT },
  [COL_SAVING_CENTS] = { .name = "saving_cents", .property = "saving-cents", .kind = GK_COLUMN_MONEY,
                         .flags = GK_COLUMN_FLAG_NULLABLE },
  [COL_POSITION] = { .name = "position", .property = "position", .kind = GK_COLUMN_INT,
                     .default_value = -1 },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "measure",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_TITLE,
};

static void
gk_measure_class_init (GkMeasureClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_measure_init (GkMeasure *self)
{
}

GkMeasure *
gk_measure_new (void)
{
  return g_object_new (GK_TYPE_MEASURE, NULL);
}

gint64
gk_measure_get_project_id (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_PROJECT_ID);
}

void
gk_measure_set_project_id (GkMeasure *self,
                           gint64 value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_PROJECT_ID, value);
}

const char *
gk_measure_get_title (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TITLE);
}

void
gk_measure_set_title (GkMeasure *self,
                      const char *value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TITLE, value);
}

const char *
gk_measure_get_description (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DESCRIPTION);
}

void
gk_measure_set_description (GkMeasure *self,
                            const char *value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DESCRIPTION, value);
}

gint64
gk_measure_get_owner_id (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_OWNER_ID);
}

void
gk_measure_set_owner_id (GkMeasure *self,
                         gint64 value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_OWNER_ID, value);
}

GkMeasureStatus
gk_measure_get_status (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), (GkMeasureStatus) 0);

  return (GkMeasureStatus) gk_record_get_int_cell (GK_RECORD (self), COL_STATUS);
}

void
gk_measure_set_status (GkMeasure *self,
                       GkMeasureStatus value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_STATUS, value);
}

GkMeasureKind
gk_measure_get_kind (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), (GkMeasureKind) 0);

  return (GkMeasureKind) gk_record_get_int_cell (GK_RECORD (self), COL_KIND);
}

void
gk_measure_set_kind (GkMeasure *self,
                     GkMeasureKind value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_KIND, value);
}

const char *
gk_measure_get_start_date (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_START_DATE);
}

void
gk_measure_set_start_date (GkMeasure *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_START_DATE, value);
}

const char *
gk_measure_get_due_date (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DUE_DATE);
}

void
gk_measure_set_due_date (GkMeasure *self,
                         const char *value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DUE_DATE, value);
}

const char *
gk_measure_get_done_date (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DONE_DATE);
}

void
gk_measure_set_done_date (GkMeasure *self,
                          const char *value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DONE_DATE, value);
}

int
gk_measure_get_progress (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), 0);

  return (int) gk_record_get_int_cell (GK_RECORD (self), COL_PROGRESS);
}

void
gk_measure_set_progress (GkMeasure *self,
                         int value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_PROGRESS, value);
}

const char *
gk_measure_get_expected_effect (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_EXPECTED_EFFECT);
}

void
gk_measure_set_expected_effect (GkMeasure *self,
                                const char *value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_EXPECTED_EFFECT, value);
}

gint64
gk_measure_get_saving_cents (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_SAVING_CENTS);
}

void
gk_measure_set_saving_cents (GkMeasure *self,
                             gint64 value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_SAVING_CENTS, value);
}

gboolean
gk_measure_has_saving_cents (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), FALSE);

  return !gk_record_cell_is_null (GK_RECORD (self), COL_SAVING_CENTS);
}

void
gk_measure_clear_saving_cents (GkMeasure *self)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_cell_null (GK_RECORD (self), COL_SAVING_CENTS);
}

int
gk_measure_get_position (GkMeasure *self)
{
  g_return_val_if_fail (GK_IS_MEASURE (self), 0);

  return (int) gk_record_get_int_cell (GK_RECORD (self), COL_POSITION);
}

void
gk_measure_set_position (GkMeasure *self,
                         int value)
{
  g_return_if_fail (GK_IS_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_POSITION, value);
}
