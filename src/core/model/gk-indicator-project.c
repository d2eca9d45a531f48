/* gk-indicator-project.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "indicator_project" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-indicator-project.h"
#include "gk-record-private.h"

struct _GkIndicatorProject
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkIndicatorProject, gk_indicator_project, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_INDICATOR_ID,
  COL_PROJECT_ID,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID },
  [COL_INDICATOR_ID] = { .name = "indicator_id", .property = "indicator-id", .kind = GK_COLUMN_REF,
                         .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "indicator" },
  [COL_PROJECT_ID] = { .name = "project_id", .property = "project-id", .kind = GK_COLUMN_REF,
                       .flags = GK_COLUMN_FLAG_REQUIRED, .ref_table = "focus_project" },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "indicator_project",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = -1,
};

static void
gk_indicator_project_class_init (GkIndicatorProjectClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_indicator_project_init (GkIndicatorProject *self)
{
}

GkIndicatorProject *
gk_indicator_project_new (void)
{
  return g_object_new (GK_TYPE_INDICATOR_PROJECT, NULL);
}

gint64
gk_indicator_project_get_indicator_id (GkIndicatorProject *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR_PROJECT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_INDICATOR_ID);
}

void
gk_indicator_project_set_indicator_id (GkIndicatorProject *self,
                                       gint64 value)
{
  g_return_if_fail (GK_IS_INDICATOR_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_INDICATOR_ID, value);
}

gint64
gk_indicator_project_get_project_id (GkIndicatorProject *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR_PROJECT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_PROJECT_ID);
}

void
gk_indicator_project_set_project_id (GkIndicatorProject *self,
                                     gint64 value)
{
  g_return_if_fail (GK_IS_INDICATOR_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_PROJECT_ID, value);
}
