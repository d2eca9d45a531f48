/* gk-measurement.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "measurement" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-measurement.h"
#include "gk-record-private.h"

struct _GkMeasurement
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkMeasurement, gk_measurement, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_INDICATOR_ID,
  COL_PERIOD_DATE,
  COL_VALUE,
  COL_NOTE,
  COL_ENTERED_BY,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_INDICATOR_ID] = { .name = "indicator_id", .property = "indicator-id", .kind = GK_COLUMN_REF,
                         .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "indicator" },
  [COL_PERIOD_DATE] = { .name = "period_date", .property = "period-date", .kind = GK_COLUMN_DATE,
                        .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_VALUE] = { .name = "value", .property = "value", .kind = GK_COLUMN_REAL },
  [COL_NOTE] = { .name = "note", .property = "note", .kind = GK_COLUMN_TEXT },
  [COL_ENTERED_BY] = { .name = "entered_by", .property = "entered-by", .kind = GK_COLUMN_TEXT },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "measurement",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = -1,
};

static void
gk_measurement_class_init (GkMeasurementClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_measurement_init (GkMeasurement *self)
{
}

GkMeasurement *
gk_measurement_new (void)
{
  return g_object_new (GK_TYPE_MEASUREMENT, NULL);
}

gint64
gk_measurement_get_indicator_id (GkMeasurement *self)
{
  g_return_val_if_fail (GK_IS_MEASUREMENT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_INDICATOR_ID);
}

void
gk_measurement_set_indicator_id (GkMeasurement *self,
                                 gint64 value)
{
  g_return_if_fail (GK_IS_MEASUREMENT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_INDICATOR_ID, value);
}

const char *
gk_measurement_get_period_date (GkMeasurement *self)
{
  g_return_val_if_fail (GK_IS_MEASUREMENT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_PERIOD_DATE);
}

void
gk_measurement_set_period_date (GkMeasurement *self,
                                const char *value)
{
  g_return_if_fail (GK_IS_MEASUREMENT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_PERIOD_DATE, value);
}

double
gk_measurement_get_value (GkMeasurement *self)
{
  g_return_val_if_fail (GK_IS_MEASUREMENT (self), 0.0);

  return gk_record_get_real_cell (GK_RECORD (self), COL_VALUE);
}

void
gk_measurement_set_value (GkMeasurement *self,
                          double value)
{
  g_return_if_fail (GK_IS_MEASUREMENT (self));

  gk_record_set_real_cell (GK_RECORD (self), COL_VALUE, value);
}

const char *
gk_measurement_get_note (GkMeasurement *self)
{
  g_return_val_if_fail (GK_IS_MEASUREMENT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_NOTE);
}

void
gk_measurement_set_note (GkMeasurement *self,
                         const char *value)
{
  g_return_if_fail (GK_IS_MEASUREMENT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_NOTE, value);
}

const char *
gk_measurement_get_entered_by (GkMeasurement *self)
{
  g_return_val_if_fail (GK_IS_MEASUREMENT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_ENTERED_BY);
}

void
gk_measurement_set_entered_by (GkMeasurement *self,
                               const char *value)
{
  g_return_if_fail (GK_IS_MEASUREMENT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_ENTERED_BY, value);
}
