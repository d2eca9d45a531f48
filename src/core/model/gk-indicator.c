/* gk-indicator.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "indicator" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-indicator.h"
#include "gk-record-private.h"

struct _GkIndicator
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkIndicator, gk_indicator, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_NAME,
  COL_DESCRIPTION,
  COL_UNIT,
  COL_DIRECTION,
  COL_FREQUENCY,
  COL_BASELINE_VALUE,
  COL_BASELINE_DATE,
  COL_TARGET_VALUE,
  COL_TARGET_DATE,
  COL_SIGNAL_SERIOUS,
  COL_SIGNAL_CONTROL,
  COL_SOURCE,
  COL_POSITION,
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
  [COL_UNIT] = { .name = "unit", .property = "unit", .kind = GK_COLUMN_ENUM,
                 .default_value = GK_UNIT_COUNT, .entries = gk_unit_entries },
  [COL_DIRECTION] = { .name = "direction", .property = "direction", .kind = GK_COLUMN_ENUM,
                      .default_value = GK_DIRECTION_LOWER_IS_BETTER, .entries = gk_direction_entries },
  [COL_FREQUENCY] = { .name = "frequency", .property = "frequency", .kind = GK_COLUMN_ENUM,
                      .default_value = GK_FREQUENCY_MONTHLY, .entries = gk_frequency_entries },
  [COL_BASELINE_VALUE] = { .name = "baseline_value", .property = "baseline-value", .kind = GK_COLUMN_REAL,
                           .flags = GK_COLUMN_FLAG_NULLABLE },
  [COL_BASELINE_DATE] = { .name = "baseline_date", .property = "baseline-date", .kind = GK_COLUMN_DATE },
  [COL_TARGET_VALUE] = { .name = "target_value", .property = "target-value", .kind = GK_COLUMN_REAL,
                         .flags = GK_COLUMN_FLAG_NULLABLE },
  [COL_TARGET_DATE] = { .name = "target_date", .property = "target-date", .kind = GK_COLUMN_DATE },
  [COL_SIGNAL_SERIOUS] = { .name = "signal_serious", .property = "signal-serious", .kind = GK_COLUMN_REAL,
                           .flags = GK_COLUMN_FLAG_NULLABLE },
  [COL_SIGNAL_CONTROL] = { .name = "signal_control", .property = "signal-control", .kind = GK_COLUMN_REAL,
                           .flags = GK_COLUMN_FLAG_NULLABLE },
  [COL_SOURCE] = { .name = "source", .property = "source", .kind = GK_COLUMN_TEXT },
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
  .name = "indicator",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_NAME,
};

static void
gk_indicator_class_init (GkIndicatorClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_indicator_init (GkIndicator *self)
{
}

GkIndicator *
gk_indicator_new (void)
{
  return g_object_new (GK_TYPE_INDICATOR, NULL);
}

const char *
gk_indicator_get_name (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_NAME);
}

void
gk_indicator_set_name (GkIndicator *self,
                       const char *value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_NAME, value);
}

const char *
gk_indicator_get_description (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_DESCRIPTION);
}

void
gk_indicator_set_description (GkIndicator *self,
                              const char *value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_DESCRIPTION, value);
}

GkUnit
gk_indicator_get_unit (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), (GkUnit) 0);

  return (GkUnit) gk_record_get_int_cell (GK_RECORD (self), COL_UNIT);
}

void
gk_indicator_set_unit (GkIndicator *self,
                       GkUnit value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_UNIT, value);
}

GkDirection
gk_indicator_get_direction (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), (GkDirection) 0);

  return (GkDirection) gk_record_get_int_cell (GK_RECORD (self), COL_DIRECTION);
}

void
gk_indicator_set_direction (GkIndicator *self,
                            GkDirection value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_DIRECTION, value);
}

GkFrequency
gk_indicator_get_frequency (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), (GkFrequency) 0);

  return (GkFrequency) gk_record_get_int_cell (GK_RECORD (self), COL_FREQUENCY);
}

void
gk_indicator_set_frequency (GkIndicator *self,
                            GkFrequency value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_FREQUENCY, value);
}

double
gk_indicator_get_baseline_value (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), 0.0);

  return gk_record_get_real_cell (GK_RECORD (self), COL_BASELINE_VALUE);
}

void
gk_indicator_set_baseline_value (GkIndicator *self,
                                 double value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_real_cell (GK_RECORD (self), COL_BASELINE_VALUE, value);
}

gboolean
gk_indicator_has_baseline_value (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), FALSE);

  return !gk_record_cell_is_null (GK_RECORD (self), COL_BASELINE_VALUE);
}

void
gk_indicator_clear_baseline_value (GkIndicator *self)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_cell_null (GK_RECORD (self), COL_BASELINE_VALUE);
}

const char *
gk_indicator_get_baseline_date (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_BASELINE_DATE);
}

void
gk_indicator_set_baseline_date (GkIndicator *self,
                                const char *value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_BASELINE_DATE, value);
}

double
gk_indicator_get_target_value (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), 0.0);

  return gk_record_get_real_cell (GK_RECORD (self), COL_TARGET_VALUE);
}

void
gk_indicator_set_target_value (GkIndicator *self,
                               double value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_real_cell (GK_RECORD (self), COL_TARGET_VALUE, value);
}

gboolean
gk_indicator_has_target_value (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), FALSE);

  return !gk_record_cell_is_null (GK_RECORD (self), COL_TARGET_VALUE);
}

void
gk_indicator_clear_target_value (GkIndicator *self)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_cell_null (GK_RECORD (self), COL_TARGET_VALUE);
}

const char *
gk_indicator_get_target_date (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TARGET_DATE);
}

void
gk_indicator_set_target_date (GkIndicator *self,
                              const char *value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TARGET_DATE, value);
}

double
gk_indicator_get_signal_serious (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), 0.0);

  return gk_record_get_real_cell (GK_RECORD (self), COL_SIGNAL_SERIOUS);
}

void
gk_indicator_set_signal_serious (GkIndicator *self,
                                 double value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_real_cell (GK_RECORD (self), COL_SIGNAL_SERIOUS, value);
}

gboolean
gk_indicator_has_signal_serious (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), FALSE);

  return !gk_record_cell_is_null (GK_RECORD (self), COL_SIGNAL_SERIOUS);
}

void
gk_indicator_clear_signal_serious (GkIndicator *self)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_cell_null (GK_RECORD (self), COL_SIGNAL_SERIOUS);
}

double
gk_indicator_get_signal_control (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), 0.0);

  return gk_record_get_real_cell (GK_RECORD (self), COL_SIGNAL_CONTROL);
}

void
gk_indicator_set_signal_control (GkIndicator *self,
                                 double value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_real_cell (GK_RECORD (self), COL_SIGNAL_CONTROL, value);
}

gboolean
gk_indicator_has_signal_control (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), FALSE);

  return !gk_record_cell_is_null (GK_RECORD (self), COL_SIGNAL_CONTROL);
}

void
gk_indicator_clear_signal_control (GkIndicator *self)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_cell_null (GK_RECORD (self), COL_SIGNAL_CONTROL);
}

const char *
gk_indicator_get_source (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_SOURCE);
}

void
gk_indicator_set_source (GkIndicator *self,
                         const char *value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_SOURCE, value);
}

int
gk_indicator_get_position (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), 0);

  return (int) gk_record_get_int_cell (GK_RECORD (self), COL_POSITION);
}

void
gk_indicator_set_position (GkIndicator *self,
                           int value)
{
  g_return_if_fail (GK_IS_INDICATOR (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_POSITION, value);
}
