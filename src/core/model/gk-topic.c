/* gk-topic.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "topic" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-topic.h"
#include "gk-record-private.h"

struct _GkTopic
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkTopic, gk_topic, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_NAME,
  COL_DESCRIPTION,
  COL_POSITION,
  COL_DESCRIPTOR_SERIOUS,
  COL_DESCRIPTOR_VIGILANT,
  COL_DESCRIPTOR_IN_CONTROL,
  COL_CHALLENGES,
  COL_TARGET_LEVEL,
  COL_TARGET_DATE,
  COL_OWNER_ID,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_NAME] = { .name = "name", .property = "name", .kind = GK_COLUMN_TEXT,
                 .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_DESCRIPTION] = { .name = "description", .property = "description", .kind = GK_COLUMN_TEXT },
  [COL_POSITION] = { .name = "position", .property = "position", .kind = GK_COLUMN_INT,
                     .default_value = -1 },
  [COL_DESCRIPTOR_SERIOUS] = { .name = "descriptor_serious", .property = "descriptor-serious", .kind = GK_COLUMN_TEXT },
  [COL_DESCRIPTOR_VIGILANT] = { .name = "descriptor_vigilant", .property = "descriptor-vigilant", .kind = GK_COLUMN_TEXT },
  [COL_DESCRIPTOR_IN_CONTROL] = { .name = "descriptor_in_control", .property = "descriptor-in-control", .kind = GK_COLUMN_TEXT },
  [COL_CHALLENGES] = { .name = "challenges", .property = "challenges", .kind = GK_COLUMN_TEXT },
  [COL_TARGET_LEVEL] = { .name = "target_level", .property = "target-level", .kind = GK_COLUMN_ENUM,
                         .flags = GK_COLUMN_FLAG_NULLABLE, .default_value = GK_LEVEL_NONE, .entries = gk_level_entries },
  [COL_TARGET_DATE] = { .name = "target_date", .property = "target-date", .kind = GK_COLUMN_DATE },
  [COL_OWNER_ID] = { .name = "owner_id", .property = "owner-id", .kind = GK_COLUMN_REF,
                     .ref_table = "person" },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "topic",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_NAME,
};

static void
gk_topic_class_init (GkTopicClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_topic_init (GkTopic *self)
{
}

GkTopic *
gk_topic_new (void)
{
  return g_object_new (GK_TYPE_TOPIC, NULL);
}

const char *
gk_topic_get_name (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_NAME);
}

void
gk_topic_set_name (GkTopic *self,
                   const char *value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_NAME, value);
}

const char *
gk_topic_get_description (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DESCRIPTION);
}

void
gk_topic_set_description (GkTopic *self,
                          const char *value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DESCRIPTION, value);
}

int
gk_topic_get_position (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), 0);

  return (int) gk_record_get_int_cell (GK_RECORD (self), COL_POSITION);
}

void
gk_topic_set_position (GkTopic *self,
                       int value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_POSITION, value);
}

const char *
gk_topic_get_descriptor_serious (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DESCRIPTOR_SERIOUS);
}

void
gk_topic_set_descriptor_serious (GkTopic *self,
                                 const char *value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DESCRIPTOR_SERIOUS, value);
}

const char *
gk_topic_get_descriptor_vigilant (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DESCRIPTOR_VIGILANT);
}

void
gk_topic_set_descriptor_vigilant (GkTopic *self,
                                  const char *value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DESCRIPTOR_VIGILANT, value);
}

const char *
gk_topic_get_descriptor_in_control (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DESCRIPTOR_IN_CONTROL);
}

void
gk_topic_set_descriptor_in_control (GkTopic *self,
                                    const char *value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DESCRIPTOR_IN_CONTROL, value);
}

const char *
gk_topic_get_challenges (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_CHALLENGES);
}

void
gk_topic_set_challenges (GkTopic *self,
                         const char *value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_CHALLENGES, value);
}

GkLevel
gk_topic_get_target_level (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), (GkLevel) 0);

  return (GkLevel) gk_record_get_int_cell (GK_RECORD (self), COL_TARGET_LEVEL);
}

void
gk_topic_set_target_level (GkTopic *self,
                           GkLevel value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_TARGET_LEVEL, value);
}

const char *
gk_topic_get_target_date (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TARGET_DATE);
}

void
gk_topic_set_target_date (GkTopic *self,
                          const char *value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TARGET_DATE, value);
}

gint64
gk_topic_get_owner_id (GkTopic *self)
{
  g_return_val_if_fail (GK_IS_TOPIC (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_OWNER_ID);
}

void
gk_topic_set_owner_id (GkTopic *self,
                       gint64 value)
{
  g_return_if_fail (GK_IS_TOPIC (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_OWNER_ID, value);
}
