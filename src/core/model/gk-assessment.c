/* gk-assessment.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "assessment" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-assessment.h"
#include "gk-record-private.h"

struct _GkAssessment
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkAssessment, gk_assessment, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_TOPIC_ID,
  COL_DATE,
  COL_LEVEL,
  COL_RATIONALE,
  COL_CONFIDENCE,
  COL_ASSESSED_BY_ID,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_TOPIC_ID] = { .name = "topic_id", .property = "topic-id", .kind = GK_COLUMN_REF,
                     .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "topic" },
  [COL_DATE] = { .name = "date", .property = "date", .kind = GK_COLUMN_DATE,
                 .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_LEVEL] = { .name = "level", .property = "level", .kind = GK_COLUMN_ENUM,
                  .flags = GK_COLUMN_FLAG_REQUIRED, .default_value = GK_LEVEL_NONE, .entries = gk_level_entries },
  [COL_RATIONALE] = { .name = "rationale", .property = "rationale", .kind = GK_COLUMN_TEXT,
                      .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_CONFIDENCE] = { .name = "confidence", .property = "confidence", .kind = GK_COLUMN_INT,
                       .default_value = 5 },
  [COL_ASSESSED_BY_ID] = { .name = "assessed_by_id", .property = "assessed-by-id", .kind = GK_COLUMN_REF,
                           .ref_table = "person" },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "assessment",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = -1,
};

static void
gk_assessment_class_init (GkAssessmentClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_assessment_init (GkAssessment *self)
{
}

GkAssessment *
gk_assessment_new (void)
{
  return g_object_new (GK_TYPE_ASSESSMENT, NULL);
}

gint64
gk_assessment_get_topic_id (GkAssessment *self)
{
  g_return_val_if_fail (GK_IS_ASSESSMENT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_TOPIC_ID);
}

void
gk_assessment_set_topic_id (GkAssessment *self,
                            gint64 value)
{
  g_return_if_fail (GK_IS_ASSESSMENT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_TOPIC_ID, value);
}

const char *
gk_assessment_get_date (GkAssessment *self)
{
  g_return_val_if_fail (GK_IS_ASSESSMENT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DATE);
}

void
gk_assessment_set_date (GkAssessment *self,
                        const char *value)
{
  g_return_if_fail (GK_IS_ASSESSMENT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DATE, value);
}

GkLevel
gk_assessment_get_level (GkAssessment *self)
{
  g_return_val_if_fail (GK_IS_ASSESSMENT (self), (GkLevel) 0);

  return (GkLevel) gk_record_get_int_cell (GK_RECORD (self), COL_LEVEL);
}

void
gk_assessment_set_level (GkAssessment *self,
                         GkLevel value)
{
  g_return_if_fail (GK_IS_ASSESSMENT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_LEVEL, value);
}

const char *
gk_assessment_get_rationale (GkAssessment *self)
{
  g_return_val_if_fail (GK_IS_ASSESSMENT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_RATIONALE);
}

void
gk_assessment_set_rationale (GkAssessment *self,
                             const char *value)
{
  g_return_if_fail (GK_IS_ASSESSMENT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_RATIONALE, value);
}

int
gk_assessment_get_confidence (GkAssessment *self)
{
  g_return_val_if_fail (GK_IS_ASSESSMENT (self), 0);

  return (int) gk_record_get_int_cell (GK_RECORD (self), COL_CONFIDENCE);
}

void
gk_assessment_set_confidence (GkAssessment *self,
                              int value)
{
  g_return_if_fail (GK_IS_ASSESSMENT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_CONFIDENCE, value);
}

gint64
gk_assessment_get_assessed_by_id (GkAssessment *self)
{
  g_return_val_if_fail (GK_IS_ASSESSMENT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_ASSESSED_BY_ID);
}

void
gk_assessment_set_assessed_by_id (GkAssessment *self,
                                  gint64 value)
{
  g_return_if_fail (GK_IS_ASSESSMENT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_ASSESSED_BY_ID, value);
}
