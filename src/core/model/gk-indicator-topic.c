/* gk-indicator-topic.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "indicator_topic" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-indicator-topic.h"
#include "gk-record-private.h"

struct _GkIndicatorTopic
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkIndicatorTopic, gk_indicator_topic, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_INDICATOR_ID,
  COL_TOPIC_ID,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_INDICATOR_ID] = { .name = "indicator_id", .property = "indicator-id", .kind = GK_COLUMN_REF,
                         .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "indicator" },
  [COL_TOPIC_ID] = { .name = "topic_id", .property = "topic-id", .kind = GK_COLUMN_REF,
                     .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "topic" },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "indicator_topic",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = -1,
};

static void
gk_indicator_topic_class_init (GkIndicatorTopicClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_indicator_topic_init (GkIndicatorTopic *self)
{
}

GkIndicatorTopic *
gk_indicator_topic_new (void)
{
  return g_object_new (GK_TYPE_INDICATOR_TOPIC, NULL);
}

gint64
gk_indicator_topic_get_indicator_id (GkIndicatorTopic *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR_TOPIC (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_INDICATOR_ID);
}

void
gk_indicator_topic_set_indicator_id (GkIndicatorTopic *self,
                                     gint64 value)
{
  g_return_if_fail (GK_IS_INDICATOR_TOPIC (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_INDICATOR_ID, value);
}

gint64
gk_indicator_topic_get_topic_id (GkIndicatorTopic *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR_TOPIC (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_TOPIC_ID);
}

void
gk_indicator_topic_set_topic_id (GkIndicatorTopic *self,
                                 gint64 value)
{
  g_return_if_fail (GK_IS_INDICATOR_TOPIC (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_TOPIC_ID, value);
}
