/* gk-catalogue-measure.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "catalogue_measure" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-catalogue-measure.h"
#include "gk-record-private.h"

struct _GkCatalogueMeasure
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkCatalogueMeasure, gk_catalogue_measure, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_TOPIC_NAME,
  COL_TITLE,
  COL_DESCRIPTION,
  COL_KIND,
  COL_EXPECTED_EFFECT,
  COL_CHAIN_PHASE,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_TOPIC_NAME] = { .name = "topic_name", .property = "topic-name", .kind = GK_COLUMN_TEXT },
  [COL_TITLE] = { .name = "title", .property = "title", .kind = GK_COLUMN_TEXT,
                  .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_DESCRIPTION] = { .name = "description", .property = "description", .kind = GK_COLUMN_TEXT },
  [COL_KIND] = { .name = "kind", .property = "kind", .kind = GK_COLUMN_ENUM,
                 .default_value = GK_MEASURE_KIND_STRUCTURAL, .entries = gk_measure_kind_entries },
  [COL_EXPECTED_EFFECT] = { .name = "expected_effect", .property = "expected-effect", .kind = GK_COLUMN_TEXT },
  [COL_CHAIN_PHASE] = { .name = "chain_phase", .property = "chain-phase", .kind = GK_COLUMN_ENUM,
                        .default_value = GK_CHAIN_PHASE_CROSS_CUTTING, .entries = gk_chain_phase_entries },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "catalogue_measure",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_TITLE,
};

static void
gk_catalogue_measure_class_init (GkCatalogueMeasureClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_catalogue_measure_init (GkCatalogueMeasure *self)
{
}

GkCatalogueMeasure *
gk_catalogue_measure_new (void)
{
  return g_object_new (GK_TYPE_CATALOGUE_MEASURE, NULL);
}

const char *
gk_catalogue_measure_get_topic_name (GkCatalogueMeasure *self)
{
  g_return_val_if_fail (GK_IS_CATALOGUE_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TOPIC_NAME);
}

void
gk_catalogue_measure_set_topic_name (GkCatalogueMeasure *self,
                                     const char *value)
{
  g_return_if_fail (GK_IS_CATALOGUE_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TOPIC_NAME, value);
}

const char *
gk_catalogue_measure_get_title (GkCatalogueMeasure *self)
{
  g_return_val_if_fail (GK_IS_CATALOGUE_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TITLE);
}

void
gk_catalogue_measure_set_title (GkCatalogueMeasure *self,
                                const char *value)
{
  g_return_if_fail (GK_IS_CATALOGUE_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TITLE, value);
}

const char *
gk_catalogue_measure_get_description (GkCatalogueMeasure *self)
{
  g_return_val_if_fail (GK_IS_CATALOGUE_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DESCRIPTION);
}

void
gk_catalogue_measure_set_description (GkCatalogueMeasure *self,
                                      const char *value)
{
  g_return_if_fail (GK_IS_CATALOGUE_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DESCRIPTION, value);
}

GkMeasureKind
gk_catalogue_measure_get_kind (GkCatalogueMeasure *self)
{
  g_return_val_if_fail (GK_IS_CATALOGUE_MEASURE (self), (GkMeasureKind) 0);

  return (GkMeasureKind) gk_record_get_int_cell (GK_RECORD (self), COL_KIND);
}

void
gk_catalogue_measure_set_kind (GkCatalogueMeasure *self,
                               GkMeasureKind value)
{
  g_return_if_fail (GK_IS_CATALOGUE_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_KIND, value);
}

const char *
gk_catalogue_measure_get_expected_effect (GkCatalogueMeasure *self)
{
  g_return_val_if_fail (GK_IS_CATALOGUE_MEASURE (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_EXPECTED_EFFECT);
}

void
gk_catalogue_measure_set_expected_effect (GkCatalogueMeasure *self,
                                          const char *value)
{
  g_return_if_fail (GK_IS_CATALOGUE_MEASURE (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_EXPECTED_EFFECT, value);
}

GkChainPhase
gk_catalogue_measure_get_chain_phase (GkCatalogueMeasure *self)
{
  g_return_val_if_fail (GK_IS_CATALOGUE_MEASURE (self), (GkChainPhase) 0);

  return (GkChainPhase) gk_record_get_int_cell (GK_RECORD (self), COL_CHAIN_PHASE);
}

void
gk_catalogue_measure_set_chain_phase (GkCatalogueMeasure *self,
                                      GkChainPhase value)
{
  g_return_if_fail (GK_IS_CATALOGUE_MEASURE (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_CHAIN_PHASE, value);
}
