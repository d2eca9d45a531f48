/* gk-schema.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conventions of the schema:
 * - every table has "id INTEGER PRIMARY KEY" (the session extension needs a
 *   primary key to record and merge changes);
 * - every editable row has version, updated_at and updated_by;
 * - dates are ISO 8601 text (YYYY-MM-DD); "date(julianday(x)) IS x" rejects
 *   impossible dates: SQLite's date() alone accepts 2026-02-30 as written,
 *   while the round trip through a day number turns it into 2026-03-02;
 * - enumerations are stored as the stable keys of gk-enums.c;
 * - euro amounts are whole cents (INTEGER) so that sums are exact.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "gk-schema.h"

#define EDITABLE \
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n" \
  "  updated_at TEXT NOT NULL DEFAULT '',\n" \
  "  updated_by TEXT NOT NULL DEFAULT ''"

#define DATE_OK(col) "CHECK (" col " IS NULL OR date(julianday(" col ")) IS " col ")"
#define NOT_BLANK(col) "CHECK (length(trim(" col ")) > 0)"
#define LEVEL_KEYS "('serious', 'vigilant', 'in-control')"

static const char schema_sql[] =
  "CREATE TABLE person (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL " NOT_BLANK ("name") ",\n"
  "  role TEXT NOT NULL DEFAULT 'other' CHECK (role IN ('wethouder', 'bestuurder', 'projectleider',"
  " 'beleidsmaker', 'controller', 'inkoper', 'contractmanager', 'toezichthouder',"
  " 'informatiemanager', 'uitvoerder', 'other')),\n"
  "  email TEXT NOT NULL DEFAULT '',\n"
  EDITABLE "\n"
  ");\n"

  "CREATE TABLE programme (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  title TEXT NOT NULL " NOT_BLANK ("title") ",\n"
  "  municipality TEXT NOT NULL DEFAULT '',\n"
  "  domains TEXT NOT NULL DEFAULT '',\n"
  "  lead_id INTEGER REFERENCES person (id) ON DELETE SET NULL,\n"
  "  start_date TEXT " DATE_OK ("start_date") ",\n"
  "  end_date TEXT " DATE_OK ("end_date") ",\n"
  "  ambition TEXT NOT NULL DEFAULT '',\n"
  "  review_cycle TEXT NOT NULL DEFAULT 'monthly' CHECK (review_cycle IN ('monthly', 'quarterly')),\n"
  "  headline_rule TEXT NOT NULL DEFAULT 'worst' CHECK (headline_rule IN ('worst', 'median')),\n"
  EDITABLE ",\n"
  "  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)\n"
  ");\n"

  "CREATE TABLE topic (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL " NOT_BLANK ("name") ",\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  descriptor_serious TEXT NOT NULL DEFAULT '',\n"
  "  descriptor_vigilant TEXT NOT NULL DEFAULT '',\n"
  "  descriptor_in_control TEXT NOT NULL DEFAULT '',\n"
  "  challenges TEXT NOT NULL DEFAULT '',\n"
  "  target_level TEXT CHECK (target_level IS NULL OR target_level IN " LEVEL_KEYS "),\n"
  "  target_date TEXT " DATE_OK ("target_date") ",\n"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,\n"
  EDITABLE "\n"
  ");\n"

  "CREATE TABLE assessment (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL " DATE_OK ("date") ",\n"
  "  level TEXT NOT NULL CHECK (level IN " LEVEL_KEYS "),\n"
  "  rationale TEXT NOT NULL " NOT_BLANK ("rationale") ",\n"
  "  confidence INTEGER NOT NULL DEFAULT 5 CHECK (confidence BETWEEN 0 AND 10),\n"
  "  assessed_by_id INTEGER REFERENCES person (id) ON DELETE SET NULL,\n"
  EDITABLE "\n"
  ");\n"

  "CREATE TABLE focus_project (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL " NOT_BLANK ("name") ",\n"
  "  goal TEXT NOT NULL DEFAULT '',\n"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,\n"
  "  chain_phase TEXT NOT NULL DEFAULT 'cross-cutting' CHECK (chain_phase IN ('inflow', 'throughput',"
  " 'outflow', 'cross-cutting')),\n"
  "  domains TEXT NOT NULL DEFAULT '',\n"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'done', 'stopped')),\n"
  "  health TEXT NOT NULL DEFAULT 'on-track' CHECK (health IN ('on-track', 'at-risk', 'off-track')),\n"
  "  health_reason TEXT NOT NULL DEFAULT '',\n"
  "  start_date TEXT " DATE_OK ("start_date") ",\n"
  "  end_date TEXT " DATE_OK ("end_date") ",\n"
  "  budget_cents INTEGER CHECK (budget_cents IS NULL OR budget_cents >= 0),\n"
  "  saving_cents INTEGER,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  EDITABLE ",\n"
  "  CHECK (status <> 'active' OR owner_id IS NOT NULL),\n"
  "  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)\n"
  ");\n"

  "CREATE TABLE project_topic (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  project_id INTEGER NOT NULL REFERENCES focus_project (id) ON DELETE CASCADE,\n"
  "  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,\n"
  EDITABLE ",\n"
  "  UNIQUE (project_id, topic_id)\n"
  ");\n"

  "CREATE TABLE measure (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  project_id INTEGER NOT NULL REFERENCES focus_project (id) ON DELETE CASCADE,\n"
  "  title TEXT NOT NULL " NOT_BLANK ("title") ",\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,\n"
  "  status TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'planned', 'in-progress', 'done', 'dropped')),\n"
  "  kind TEXT NOT NULL DEFAULT 'structural' CHECK (kind IN ('quick-win', 'structural')),\n"
  "  start_date TEXT " DATE_OK ("start_date") ",\n"
  "  due_date TEXT " DATE_OK ("due_date") ",\n"
  "  done_date TEXT " DATE_OK ("done_date") ",\n"
  "  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),\n"
  "  expected_effect TEXT NOT NULL DEFAULT '',\n"
  "  saving_cents INTEGER,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  EDITABLE ",\n"
  "  CHECK (start_date IS NULL OR due_date IS NULL OR due_date >= start_date)\n"
  ");\n"

  "CREATE TABLE measure_target (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,\n"
  "  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,\n"
  "  target_level TEXT NOT NULL CHECK (target_level IN " LEVEL_KEYS "),\n"
  "  target_date TEXT " DATE_OK ("target_date") ",\n"
  EDITABLE ",\n"
  "  UNIQUE (measure_id, topic_id)\n"
  ");\n"

  "CREATE TABLE measure_link (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  from_measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,\n"
  "  to_measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('reinforces', 'depends-on', 'conflicts-with')),\n"
  EDITABLE ",\n"
  "  CHECK (from_measure_id <> to_measure_id),\n"
  "  UNIQUE (from_measure_id, to_measure_id, kind)\n"
  ");\n"

  "CREATE TABLE indicator (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL " NOT_BLANK ("name") ",\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  unit TEXT NOT NULL DEFAULT 'count' CHECK (unit IN ('euro', 'count', 'percent', 'days', 'weeks', 'other')),\n"
  "  direction TEXT NOT NULL DEFAULT 'lower' CHECK (direction IN ('lower', 'higher')),\n"
  "  frequency TEXT NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),\n"
  "  baseline_value REAL,\n"
  "  baseline_date TEXT " DATE_OK ("baseline_date") ",\n"
  "  target_value REAL,\n"
  "  target_date TEXT " DATE_OK ("target_date") ",\n"
  "  signal_serious REAL,\n"     /* boundary between Serious and Vigilant */
  "  signal_control REAL,\n"     /* boundary between Vigilant and In control */
  "  source TEXT NOT NULL DEFAULT '',\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  EDITABLE ",\n"
  "  CHECK (signal_serious IS NULL OR signal_control IS NULL"
  " OR (direction = 'lower' AND signal_serious >= signal_control)"
  " OR (direction = 'higher' AND signal_serious <= signal_control))\n"
  ");\n"

  "CREATE TABLE indicator_topic (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,\n"
  "  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,\n"
  EDITABLE ",\n"
  "  UNIQUE (indicator_id, topic_id)\n"
  ");\n"

  "CREATE TABLE indicator_project (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,\n"
  "  project_id INTEGER NOT NULL REFERENCES focus_project (id) ON DELETE CASCADE,\n"
  EDITABLE ",\n"
  "  UNIQUE (indicator_id, project_id)\n"
  ");\n"

  "CREATE TABLE measurement (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,\n"
  "  period_date TEXT NOT NULL " DATE_OK ("period_date") ",\n"
  "  value REAL NOT NULL,\n"
  "  note TEXT NOT NULL DEFAULT '',\n"
  "  entered_by TEXT NOT NULL DEFAULT '',\n"
  EDITABLE ",\n"
  "  UNIQUE (indicator_id, period_date)\n"
  ");\n"

  "CREATE TABLE journal_entry (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  date TEXT NOT NULL " DATE_OK ("date") ",\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  kind TEXT NOT NULL DEFAULT 'progress' CHECK (kind IN ('progress', 'decision', 'risk')),\n"
  "  text TEXT NOT NULL " NOT_BLANK ("text") ",\n"
  "  topic_id INTEGER REFERENCES topic (id) ON DELETE CASCADE,\n"
  "  project_id INTEGER REFERENCES focus_project (id) ON DELETE CASCADE,\n"
  "  measure_id INTEGER REFERENCES measure (id) ON DELETE CASCADE,\n"
  EDITABLE ",\n"
  /* It belongs to the programme (all NULL) or to exactly one row. */
  "  CHECK ((topic_id IS NOT NULL) + (project_id IS NOT NULL) + (measure_id IS NOT NULL) <= 1)\n"
  ");\n"

  /* The measure catalogue travels with the file so that the team can adapt it. */
  "CREATE TABLE catalogue_measure (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  topic_name TEXT NOT NULL DEFAULT '',\n"
  "  title TEXT NOT NULL " NOT_BLANK ("title") ",\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  kind TEXT NOT NULL DEFAULT 'structural' CHECK (kind IN ('quick-win', 'structural')),\n"
  "  expected_effect TEXT NOT NULL DEFAULT '',\n"
  "  chain_phase TEXT NOT NULL DEFAULT 'cross-cutting' CHECK (chain_phase IN ('inflow', 'throughput',"
  " 'outflow', 'cross-cutting')),\n"
  EDITABLE "\n"
  ");\n"

  /* Written in the same transaction as the change it describes. */
  "CREATE TABLE change_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  changed_at TEXT NOT NULL,\n"
  "  changed_by TEXT NOT NULL DEFAULT '',\n"
  "  table_name TEXT NOT NULL,\n"
  "  row_id INTEGER NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),\n"
  "  summary TEXT NOT NULL DEFAULT ''\n"
  ");\n"

  "CREATE INDEX assessment_by_topic ON assessment (topic_id, date);\n"
  "CREATE INDEX topic_by_owner ON topic (owner_id);\n"
  "CREATE INDEX project_by_owner ON focus_project (owner_id);\n"
  "CREATE INDEX project_topic_by_topic ON project_topic (topic_id);\n"
  "CREATE INDEX measure_by_project ON measure (project_id, position);\n"
  "CREATE INDEX measure_by_owner ON measure (owner_id);\n"
  "CREATE INDEX measure_target_by_topic ON measure_target (topic_id);\n"
  "CREATE INDEX measure_link_by_target ON measure_link (to_measure_id);\n"
  "CREATE INDEX indicator_topic_by_topic ON indicator_topic (topic_id);\n"
  "CREATE INDEX indicator_project_by_project ON indicator_project (project_id);\n"
  "CREATE INDEX measurement_by_indicator ON measurement (indicator_id, period_date);\n"
  "CREATE INDEX journal_by_date ON journal_entry (date);\n"
  "CREATE INDEX journal_by_topic ON journal_entry (topic_id);\n"
  "CREATE INDEX journal_by_project ON journal_entry (project_id);\n"
  "CREATE INDEX journal_by_measure ON journal_entry (measure_id);\n"
  "CREATE INDEX change_log_by_row ON change_log (table_name, row_id);\n";

static const char * const schema_tables[] = {
  "person",
  "programme",
  "topic",
  "assessment",
  "focus_project",
  "project_topic",
  "measure",
  "measure_target",
  "measure_link",
  "indicator",
  "indicator_topic",
  "indicator_project",
  "measurement",
  "journal_entry",
  "catalogue_measure",
  "change_log",
  NULL
};

const char *
gk_schema_sql (void)
{
  return schema_sql;
}

const char * const *
gk_schema_tables (void)
{
  return schema_tables;
}

gboolean
gk_schema_create (sqlite3  *db,
                  GError  **error)
{
  g_autofree char *stamp = NULL;
  char *errmsg = NULL;

  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           (int) GK_APPLICATION_ID, GK_SCHEMA_VERSION);

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, &errmsg) != SQLITE_OK ||
      sqlite3_exec (db, schema_sql, NULL, NULL, &errmsg) != SQLITE_OK ||
      sqlite3_exec (db, stamp, NULL, NULL, &errmsg) != SQLITE_OK ||
      sqlite3_exec (db, "COMMIT", NULL, NULL, &errmsg) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not create the project file: %s"),
                   errmsg != NULL ? errmsg : sqlite3_errmsg (db));
      sqlite3_free (errmsg);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
