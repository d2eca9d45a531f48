/* gk-focus-project.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "focus_project" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-focus-project.h"
#include "gk-record-private.h"

struct _GkFocusProject
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkFocusProject, gk_focus_project, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_NAME,
  COL_GOAL,
  COL_OWNER_ID,
  COL_CHAIN_PHASE,
  COL_DOMAINS,
  COL_STATUS,
  COL_HEALTH,
  COL_HEALTH_REASON,
  COL_START_DATE,
  COL_END_DATE,
  COL_BUDGET_CENTS,
  COL_SAVING_CENTS,
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
  [COL_GOAL] = { .name = "goal", .property = "goal", .kind = GK_COLUMN_TEXT },
  [COL_OWNER_ID] = { .name = "owner_id", .property = "owner-id", .kind = GK_COLUMN_REF,
                     .ref_table = "person" },
  [COL_CHAIN_PHASE] = { .name = "chain_phase", .property = "chain-phase", .kind = GK_COLUMN_ENUM,
                        .default_value = GK_CHAIN_PHASE_CROSS_CUTTING, .entries = gk_chain_phase_entries },
  [COL_DOMAINS] = { .name = "domains", .property = "domains", .kind = GK_COLUMN_DOMAINS },
  [COL_STATUS] = { .name = "status", .property = "status", .kind = GK_COLUMN_ENUM,
                   .default_value = GK_PROJECT_STATUS_DRAFT, .entries = gk_project_status_entries },
  [COL_HEALTH] = { .name = "health", .property = "health", .kind = GK_COLUMN_ENUM,
                   .default_value = GK_HEALTH_ON_TRACK, .entries = gk_health_entries },
  [COL_HEALTH_REASON] = { .name = "health_reason", .property = "health-reason", .kind = GK_COLUMN_TEXT },
  [COL_START_DATE] = { .name = "start_date", .property = "start-date", .kind = GK_COLUMN_DATE },
  [COL_END_DATE] = { .name = "end_date", .property = "end-date", .kind = GK_COLUMN_DATE },
  [COL_BUDGET_CENTS] = { .name = "budget_cents", .property = "budget-cents", .kind = GK_COLUMN_MONEY,
                         .flags = GK_COLUMN_FLAG_NULLABLE },
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
  .name = "focus_project",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_NAME,
};

static void
gk_focus_project_class_init (GkFocusProjectClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_focus_project_init (GkFocusProject *self)
{
}

GkFocusProject *
gk_focus_project_new (void)
{
  return g_object_new (GK_TYPE_FOCUS_PROJECT, NULL);
}

const char *
gk_focus_project_get_name (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_NAME);
}

void
gk_focus_project_set_name (GkFocusProject *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_NAME, value);
}

const char *
gk_focus_project_get_goal (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_GOAL);
}

void
gk_focus_project_set_goal (GkFocusProject *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_GOAL, value);
}

gint64
gk_focus_project_get_owner_id (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_OWNER_ID);
}

void
gk_focus_project_set_owner_id (GkFocusProject *self,
                               gint64 value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_OWNER_ID, value);
}

GkChainPhase
gk_focus_project_get_chain_phase (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), (GkChainPhase) 0);

  return (GkChainPhase) gk_record_get_int_cell (GK_RECORD (self), COL_CHAIN_PHASE);
}

void
gk_focus_project_set_chain_phase (GkFocusProject *self,
                                  GkChainPhase value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_CHAIN_PHASE, value);
}

GkDomains
gk_focus_project_get_domains (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), GK_DOMAIN_NONE);

  return (GkDomains) gk_record_get_int_cell (GK_RECORD (self), COL_DOMAINS);
}

void
gk_focus_project_set_domains (GkFocusProject *self,
                              GkDomains value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_DOMAINS, value);
}

GkProjectStatus
gk_focus_project_get_status (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), (GkProjectStatus) 0);

  return (GkProjectStatus) gk_record_get_int_cell (GK_RECORD (self), COL_STATUS);
}

void
gk_focus_project_set_status (GkFocusProject *self,
                             GkProjectStatus value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_STATUS, value);
}

GkHealth
gk_focus_project_get_health (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), (GkHealth) 0);

  return (GkHealth) gk_record_get_int_cell (GK_RECORD (self), COL_HEALTH);
}

void
gk_focus_project_set_health (GkFocusProject *self,
                             GkHealth value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_HEALTH, value);
}

const char *
gk_focus_project_get_health_reason (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_HEALTH_REASON);
}

void
gk_focus_project_set_health_reason (GkFocusProject *self,
                                    const char *value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_HEALTH_REASON, value);
}

const char *
gk_focus_project_get_start_date (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_START_DATE);
}

void
gk_focus_project_set_start_date (GkFocusProject *self,
                                 const char *value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_START_DATE, value);
}

const char *
gk_focus_project_get_end_date (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_END_DATE);
}

void
gk_focus_project_set_end_date (GkFocusProject *self,
                               const char *value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_END_DATE, value);
}

gint64
gk_focus_project_get_budget_cents (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_BUDGET_CENTS);
}

void
gk_focus_project_set_budget_cents (GkFocusProject *self,
                                   gint64 value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_BUDGET_CENTS, value);
}

gboolean
gk_focus_project_has_budget_cents (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), FALSE);

  return !gk_record_cell_is_null (GK_RECORD (self), COL_BUDGET_CENTS);
}

void
gk_focus_project_clear_budget_cents (GkFocusProject *self)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_cell_null (GK_RECORD (self), COL_BUDGET_CENTS);
}

gint64
gk_focus_project_get_saving_cents (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_SAVING_CENTS);
}

void
gk_focus_project_set_saving_cents (GkFocusProject *self,
                                   gint64 value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_SAVING_CENTS, value);
}

gboolean
gk_focus_project_has_saving_cents (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), FALSE);

  return !gk_record_cell_is_null (GK_RECORD (self), COL_SAVING_CENTS);
}

void
gk_focus_project_clear_saving_cents (GkFocusProject *self)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_cell_null (GK_RECORD (self), COL_SAVING_CENTS);
}

int
gk_focus_project_get_position (GkFocusProject *self)
{
  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (self), 0);

  return (int) gk_record_get_int_cell (GK_RECORD (self), COL_POSITION);
}

void
gk_focus_project_set_position (GkFocusProject *self,
                               int value)
{
  g_return_if_fail (GK_IS_FOCUS_PROJECT (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_POSITION, value);
}
