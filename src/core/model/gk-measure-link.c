/* gk-measure-link.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "measure_link" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-measure-link.h"
#include "gk-record-private.h"

struct _GkMeasureLink
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkMeasureLink, gk_measure_link, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_FROM_MEASURE_ID,
  COL_TO_MEASURE_ID,
  COL_KIND,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_FROM_MEASURE_ID] = { .name = "from_measure_id", .property = "from-measure-id", .kind = GK_COLUMN_REF,
                            .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "measure" },
  [COL_TO_MEASURE_ID] = { .name = "to_measure_id", .property = "to-measure-id", .kind = GK_COLUMN_REF,
                          .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "measure" },
  [COL_KIND] = { .name = "kind", .property = "kind", .kind = GK_COLUMN_ENUM,
                 .default_value = GK_LINK_KIND_REINFORCES, .entries = gk_link_kind_entries },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "measure_link",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = -1,
};

static void
gk_measure_link_class_init (GkMeasureLinkClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_measure_link_init (GkMeasureLink *self)
{
}

GkMeasureLink *
gk_measure_link_new (void)
{
  return g_object_new (GK_TYPE_MEASURE_LINK, NULL);
}

gint64
gk_measure_link_get_from_measure_id (GkMeasureLink *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_LINK (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_FROM_MEASURE_ID);
}

void
gk_measure_link_set_from_measure_id (GkMeasureLink *self,
                                     gint64 value)
{
  g_return_if_fail (GK_IS_MEASURE_LINK (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_FROM_MEASURE_ID, value);
}

gint64
gk_measure_link_get_to_measure_id (GkMeasureLink *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_LINK (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_TO_MEASURE_ID);
}

void
gk_measure_link_set_to_measure_id (GkMeasureLink *self,
                                   gint64 value)
{
  g_return_if_fail (GK_IS_MEASURE_LINK (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_TO_MEASURE_ID, value);
}

GkLinkKind
gk_measure_link_get_kind (GkMeasureLink *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_LINK (self), (GkLinkKind) 0);

  return (GkLinkKind) gk_record_get_int_cell (GK_RECORD (self), COL_KIND);
}

void
gk_measure_link_set_kind (GkMeasureLink *self,
                          GkLinkKind value)
{
  g_return_if_fail (GK_IS_MEASURE_LINK (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_KIND, value);
}
