/* gk-measure-target.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "measure_target" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-measure-target.h"
#include "gk-record-private.h"

struct _GkMeasureTarget
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkMeasureTarget, gk_measure_target, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_MEASURE_ID,
  COL_TOPIC_ID,
  COL_TARGET_LEVEL,
  COL_TARGET_DATE,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_MEASURE_ID] = { .name = "measure_id", .property = "measure-id", .kind = GK_COLUMN_REF,
                       .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "measure" },
  [COL_TOPIC_ID] = { .name = "topic_id", .property = "topic-id", .kind = GK_COLUMN_REF,
                     .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "topic" },
  [COL_TARGET_LEVEL] = { .name = "target_level", .property = "target-level", .kind = GK_COLUMN_ENUM,
                         .flags = GK_COLUMN_FLAG_REQUIRED, .default_value = GK_LEVEL_NONE, .entries = gk_level_entries },
  [COL_TARGET_DATE] = { .name = "target_date", .property = "target-date", .kind = GK_COLUMN_DATE },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "measure_target",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = -1,
};

static void
gk_measure_target_class_init (GkMeasureTargetClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_measure_target_init (GkMeasureTarget *self)
{
}

GkMeasureTarget *
gk_measure_target_new (void)
{
  return g_object_new (GK_TYPE_MEASURE_TARGET, NULL);
}

gint64
gk_measure_target_get_measure_id (GkMeasureTarget *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_TARGET (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_MEASURE_ID);
}

void
gk_measure_target_set_measure_id (GkMeasureTarget *self,
                                  gint64 value)
{
  g_return_if_fail (GK_IS_MEASURE_TARGET (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_MEASURE_ID, value);
}

gint64
gk_measure_target_get_topic_id (GkMeasureTarget *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_TARGET (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_TOPIC_ID);
}

void
gk_measure_target_set_topic_id (GkMeasureTarget *self,
                                gint64 value)
{
  g_return_if_fail (GK_IS_MEASURE_TARGET (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_TOPIC_ID, value);
}

GkLevel
gk_measure_target_get_target_level (GkMeasureTarget *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_TARGET (self), (GkLevel) 0);

  return (GkLevel) gk_record_get_int_cell (GK_RECORD (self), COL_TARGET_LEVEL);
}

void
gk_measure_target_set_target_level (GkMeasureTarget *self,
                                    GkLevel value)
{
  g_return_if_fail (GK_IS_MEASURE_TARGET (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_TARGET_LEVEL, value);
}

const char *
gk_measure_target_get_target_date (GkMeasureTarget *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_TARGET (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TARGET_DATE);
}

void
gk_measure_target_set_target_date (GkMeasureTarget *self,
                                   const char *value)
{
  g_return_if_fail (GK_IS_MEASURE_TARGET (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TARGET_DATE, value);
}
