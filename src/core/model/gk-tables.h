/* gk-tables.h: the tables of a project file, each described once
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is the file format: the CREATE TABLE statements of gk-schema.c, the
 * column maps of the records and the accessors of every entity (gk_measure_
 * get_title() ...) all follow from the descriptions below. Changing one is
 * changing the file format: it needs a new GK_SCHEMA_VERSION and a migration
 * (gk-migrations.c), and the entity's header must declare the accessors a new
 * column gets.
 *
 * A description lists the columns in their order in the file, one C (...)
 * row each, then the table-wide rows T (...). Column rows:
 *
 *   C (ID, id)                      INTEGER PRIMARY KEY
 *   C (SINGLE_ROW_ID, id)           ... CHECK (id = 1): a table of one row
 *   C (NAME, name)                  the row's name or title: text, not blank
 *   C (TEXT, name, REQUIRED)        text that may not be blank
 *   C (TEXT, name, OPTIONAL)        text, '' when empty
 *   C (TEXT, name, NO_DEFAULT)      text that the writer always gives
 *   C (DATE, name, REQUIRED | OPTIONAL)
 *                                   'YYYY-MM-DD', NULL when not set (optional)
 *   C (DOMAINS, name)               a set of GkDomains: "jeugd,wmo"
 *   C (REF, name, table, REQUIRED | OPTIONAL, CASCADE | SET_NULL)
 *                                   the id of a row of table; what deleting
 *                                   that row does to this one
 *   C (ROW_ID, name)                the id of a row of any table, no reference
 *   C (INT, name, initial, min, max)
 *                                   an int; CHECK (BETWEEN min AND max) when
 *                                   min < max
 *   C (POSITION, name)              the order among siblings (0, 1, ...); a new
 *                                   record's -1 means "after the last"
 *   C (ENUM, name, Type, prefix, initial, OPTIONAL | REQUIRED | NULLABLE)
 *                                   a Type stored as the keys of
 *                                   gk_prefix_entries(); OPTIONAL stores
 *                                   initial by default, REQUIRED has no
 *                                   default, NULLABLE stores 0 as NULL
 *   C (REAL, name, REQUIRED | NULLABLE)
 *   C (MONEY, name, REQUIRED | NULLABLE, ANY | NOT_NEGATIVE)
 *                                   whole euro cents
 *   GK_EDITABLE_COLUMNS (C)         version, updated_at and updated_by
 *
 * Table-wide rows:
 *
 *   T (CHECK, "expression")         CHECK (expression) over several columns
 *   T (UNIQUE, "a, b")              UNIQUE (a, b); at most one per table
 *   T (INDEX, name, "a, b")         CREATE INDEX name ON table (a, b)
 *
 * The nullable numbers get has-* properties and gk_*_has_* () and
 * gk_*_clear_* () accessors besides their getter and setter.
 */
#pragma once

#include "gk-table.h"

G_BEGIN_DECLS

#define GK_EDITABLE_COLUMNS(C) \
  C (VERSION, version)         \
  C (STAMP,   updated_at)      \
  C (STAMP,   updated_by)

/* The people of the programme team. */
#define GK_PERSON_TABLE(C, T)                                                            \
  C (ID,       id)                                                                       \
  C (NAME,     name)                                                                     \
  C (ENUM,     role, GkRole, role, GK_ROLE_OTHER, OPTIONAL)                              \
  C (TEXT,     email, OPTIONAL)                                                          \
  GK_EDITABLE_COLUMNS (C)

/* The one change programme of the file. */
#define GK_PROGRAMME_TABLE(C, T)                                                         \
  C (SINGLE_ROW_ID, id)                                                                  \
  C (NAME,     title)                                                                    \
  C (TEXT,     municipality, OPTIONAL)                                                   \
  C (DOMAINS,  domains)                                                                  \
  C (REF,      lead_id, person, OPTIONAL, SET_NULL)                                      \
  C (DATE,     start_date, OPTIONAL)                                                     \
  C (DATE,     end_date, OPTIONAL)                                                       \
  C (TEXT,     ambition, OPTIONAL)                                                       \
  C (ENUM,     review_cycle, GkReviewCycle, review_cycle, GK_REVIEW_CYCLE_MONTHLY, OPTIONAL) \
  C (ENUM,     headline_rule, GkHeadlineRule, headline_rule, GK_HEADLINE_RULE_WORST, OPTIONAL) \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (CHECK,    "start_date IS NULL OR end_date IS NULL OR end_date >= start_date")

/* A topic of the roadmap, with what each level means for it. */
#define GK_TOPIC_TABLE(C, T)                                                             \
  C (ID,       id)                                                                       \
  C (NAME,     name)                                                                     \
  C (TEXT,     description, OPTIONAL)                                                    \
  C (POSITION, position)                                                                 \
  C (TEXT,     descriptor_serious, OPTIONAL)                                             \
  C (TEXT,     descriptor_vigilant, OPTIONAL)                                            \
  C (TEXT,     descriptor_in_control, OPTIONAL)                                          \
  C (TEXT,     challenges, OPTIONAL)                                                     \
  C (ENUM,     target_level, GkLevel, level, GK_LEVEL_NONE, NULLABLE)                    \
  C (DATE,     target_date, OPTIONAL)                                                    \
  C (REF,      owner_id, person, OPTIONAL, SET_NULL)                                     \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (INDEX,    topic_by_owner, "owner_id")

/* The level of a topic on a date, and why. */
#define GK_ASSESSMENT_TABLE(C, T)                                                        \
  C (ID,       id)                                                                       \
  C (REF,      topic_id, topic, REQUIRED, CASCADE)                                       \
  C (DATE,     date, REQUIRED)                                                           \
  C (ENUM,     level, GkLevel, level, GK_LEVEL_NONE, REQUIRED)                           \
  C (TEXT,     rationale, REQUIRED)                                                      \
  C (INT,      confidence, 5, 0, 10)                                                     \
  C (REF,      assessed_by_id, person, OPTIONAL, SET_NULL)                               \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (INDEX,    assessment_by_topic, "topic_id, date")

/* A focus project: where the programme puts its effort. */
#define GK_FOCUS_PROJECT_TABLE(C, T)                                                     \
  C (ID,       id)                                                                       \
  C (NAME,     name)                                                                     \
  C (TEXT,     goal, OPTIONAL)                                                           \
  C (REF,      owner_id, person, OPTIONAL, SET_NULL)                                     \
  C (ENUM,     chain_phase, GkChainPhase, chain_phase, GK_CHAIN_PHASE_CROSS_CUTTING, OPTIONAL) \
  C (DOMAINS,  domains)                                                                  \
  C (ENUM,     status, GkProjectStatus, project_status, GK_PROJECT_STATUS_DRAFT, OPTIONAL) \
  C (ENUM,     health, GkHealth, health, GK_HEALTH_ON_TRACK, OPTIONAL)                   \
  C (TEXT,     health_reason, OPTIONAL)                                                  \
  C (DATE,     start_date, OPTIONAL)                                                     \
  C (DATE,     end_date, OPTIONAL)                                                       \
  C (MONEY,    budget_cents, NULLABLE, NOT_NEGATIVE)                                     \
  C (MONEY,    saving_cents, NULLABLE, ANY)                                              \
  C (POSITION, position)                                                                 \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (CHECK,    "status <> 'active' OR owner_id IS NOT NULL")                             \
  T (CHECK,    "start_date IS NULL OR end_date IS NULL OR end_date >= start_date")       \
  T (INDEX,    project_by_owner, "owner_id")

/* A topic a focus project works on. */
#define GK_PROJECT_TOPIC_TABLE(C, T)                                                     \
  C (ID,       id)                                                                       \
  C (REF,      project_id, focus_project, REQUIRED, CASCADE)                             \
  C (REF,      topic_id, topic, REQUIRED, CASCADE)                                       \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (UNIQUE,   "project_id, topic_id")                                                   \
  T (INDEX,    project_topic_by_topic, "topic_id")

/* A concrete action of a focus project. */
#define GK_MEASURE_TABLE(C, T)                                                           \
  C (ID,       id)                                                                       \
  C (REF,      project_id, focus_project, REQUIRED, CASCADE)                             \
  C (NAME,     title)                                                                    \
  C (TEXT,     description, OPTIONAL)                                                    \
  C (REF,      owner_id, person, OPTIONAL, SET_NULL)                                     \
  C (ENUM,     status, GkMeasureStatus, measure_status, GK_MEASURE_STATUS_IDEA, OPTIONAL) \
  C (ENUM,     kind, GkMeasureKind, measure_kind, GK_MEASURE_KIND_STRUCTURAL, OPTIONAL)  \
  C (DATE,     start_date, OPTIONAL)                                                     \
  C (DATE,     due_date, OPTIONAL)                                                       \
  C (DATE,     done_date, OPTIONAL)                                                      \
  C (INT,      progress, 0, 0, 100)                                                      \
  C (TEXT,     expected_effect, OPTIONAL)                                                \
  C (MONEY,    saving_cents, NULLABLE, ANY)                                              \
  C (POSITION, position)                                                                 \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (CHECK,    "start_date IS NULL OR due_date IS NULL OR due_date >= start_date")       \
  T (INDEX,    measure_by_project, "project_id, position")                               \
  T (INDEX,    measure_by_owner, "owner_id")

/* The level a measure should bring a topic to. */
#define GK_MEASURE_TARGET_TABLE(C, T)                                                    \
  C (ID,       id)                                                                       \
  C (REF,      measure_id, measure, REQUIRED, CASCADE)                                   \
  C (REF,      topic_id, topic, REQUIRED, CASCADE)                                       \
  C (ENUM,     target_level, GkLevel, level, GK_LEVEL_NONE, REQUIRED)                    \
  C (DATE,     target_date, OPTIONAL)                                                    \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (UNIQUE,   "measure_id, topic_id")                                                   \
  T (INDEX,    measure_target_by_topic, "topic_id")

/* How one measure bears on another. */
#define GK_MEASURE_LINK_TABLE(C, T)                                                      \
  C (ID,       id)                                                                       \
  C (REF,      from_measure_id, measure, REQUIRED, CASCADE)                              \
  C (REF,      to_measure_id, measure, REQUIRED, CASCADE)                                \
  C (ENUM,     kind, GkLinkKind, link_kind, GK_LINK_KIND_REINFORCES, REQUIRED)           \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (CHECK,    "from_measure_id <> to_measure_id")                                       \
  T (UNIQUE,   "from_measure_id, to_measure_id, kind")                                   \
  T (INDEX,    measure_link_by_target, "to_measure_id")

/* A figure the programme follows; the signal values turn it into a level. */
#define GK_INDICATOR_TABLE(C, T)                                                         \
  C (ID,       id)                                                                       \
  C (NAME,     name)                                                                     \
  C (TEXT,     description, OPTIONAL)                                                    \
  C (ENUM,     unit, GkUnit, unit, GK_UNIT_COUNT, OPTIONAL)                              \
  C (ENUM,     direction, GkDirection, direction, GK_DIRECTION_LOWER_IS_BETTER, OPTIONAL) \
  C (ENUM,     frequency, GkFrequency, frequency, GK_FREQUENCY_MONTHLY, OPTIONAL)        \
  C (REAL,     baseline_value, NULLABLE)                                                 \
  C (DATE,     baseline_date, OPTIONAL)                                                  \
  C (REAL,     target_value, NULLABLE)                                                   \
  C (DATE,     target_date, OPTIONAL)                                                    \
  C (REAL,     signal_serious, NULLABLE)    /* between Serious and Vigilant */           \
  C (REAL,     signal_control, NULLABLE)    /* between Vigilant and In control */        \
  C (TEXT,     source, OPTIONAL)                                                         \
  C (POSITION, position)                                                                 \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (CHECK,    "signal_serious IS NULL OR signal_control IS NULL"                        \
               " OR (direction = 'lower' AND signal_serious >= signal_control)"          \
               " OR (direction = 'higher' AND signal_serious <= signal_control)")

/* A topic an indicator tells about. */
#define GK_INDICATOR_TOPIC_TABLE(C, T)                                                   \
  C (ID,       id)                                                                       \
  C (REF,      indicator_id, indicator, REQUIRED, CASCADE)                               \
  C (REF,      topic_id, topic, REQUIRED, CASCADE)                                       \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (UNIQUE,   "indicator_id, topic_id")                                                 \
  T (INDEX,    indicator_topic_by_topic, "topic_id")

/* A focus project an indicator tells about. */
#define GK_INDICATOR_PROJECT_TABLE(C, T)                                                 \
  C (ID,       id)                                                                       \
  C (REF,      indicator_id, indicator, REQUIRED, CASCADE)                               \
  C (REF,      project_id, focus_project, REQUIRED, CASCADE)                             \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (UNIQUE,   "indicator_id, project_id")                                               \
  T (INDEX,    indicator_project_by_project, "project_id")

/* One figure of an indicator; period_date is the first day of its period. */
#define GK_MEASUREMENT_TABLE(C, T)                                                       \
  C (ID,       id)                                                                       \
  C (REF,      indicator_id, indicator, REQUIRED, CASCADE)                               \
  C (DATE,     period_date, REQUIRED)                                                    \
  C (REAL,     value, REQUIRED)                                                          \
  C (TEXT,     note, OPTIONAL)                                                           \
  C (TEXT,     entered_by, OPTIONAL)                                                     \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (UNIQUE,   "indicator_id, period_date")

/* A decision, risk or note of the programme, or of one topic, project or
 * measure (at most one). */
#define GK_JOURNAL_ENTRY_TABLE(C, T)                                                     \
  C (ID,       id)                                                                       \
  C (DATE,     date, REQUIRED)                                                           \
  C (TEXT,     author, OPTIONAL)                                                         \
  C (ENUM,     kind, GkJournalKind, journal_kind, GK_JOURNAL_KIND_PROGRESS, OPTIONAL)    \
  C (NAME,     text)                                                                     \
  C (REF,      topic_id, topic, OPTIONAL, CASCADE)                                       \
  C (REF,      project_id, focus_project, OPTIONAL, CASCADE)                             \
  C (REF,      measure_id, measure, OPTIONAL, CASCADE)                                   \
  GK_EDITABLE_COLUMNS (C)                                                                \
  T (CHECK,    "(topic_id IS NOT NULL) + (project_id IS NOT NULL) + (measure_id IS NOT NULL) <= 1") \
  T (INDEX,    journal_by_date, "date")                                                  \
  T (INDEX,    journal_by_topic, "topic_id")                                             \
  T (INDEX,    journal_by_project, "project_id")                                         \
  T (INDEX,    journal_by_measure, "measure_id")

/* The measure catalogue travels with the file so that the team can adapt it. */
#define GK_CATALOGUE_MEASURE_TABLE(C, T)                                                 \
  C (ID,       id)                                                                       \
  C (TEXT,     topic_name, OPTIONAL)                                                     \
  C (NAME,     title)                                                                    \
  C (TEXT,     description, OPTIONAL)                                                    \
  C (ENUM,     kind, GkMeasureKind, measure_kind, GK_MEASURE_KIND_STRUCTURAL, OPTIONAL)  \
  C (TEXT,     expected_effect, OPTIONAL)                                                \
  C (ENUM,     chain_phase, GkChainPhase, chain_phase, GK_CHAIN_PHASE_CROSS_CUTTING, OPTIONAL) \
  GK_EDITABLE_COLUMNS (C)

/* One row per insert, update or delete, written in the same transaction as
 * the change it describes; not an entity: the log only grows. changes
 * (schema 3) holds the values as JSON, {"column": [old, new], ...}: every
 * column that an update changed, every column of an inserted row (old is
 * null) or deleted row (new is null), the stamp columns left out; '' in the
 * rows written before version 3 and in those without values (a merge's lost
 * value keeps it in summary). See gk-history.h. */
#define GK_CHANGE_LOG_TABLE(C, T)                                                        \
  C (ID,       id)                                                                       \
  C (TEXT,     changed_at, NO_DEFAULT)                                                   \
  C (TEXT,     changed_by, OPTIONAL)                                                     \
  C (TEXT,     table_name, NO_DEFAULT)                                                   \
  C (ROW_ID,   row_id)                                                                   \
  C (ENUM,     action, int, change_action, 0, REQUIRED)                                  \
  C (TEXT,     summary, OPTIONAL)                                                        \
  C (TEXT,     changes, OPTIONAL)                                                        \
  T (INDEX,    change_log_by_row, "table_name, row_id")

/* One row per publish of the file (schema 2): its id, the revision it was
 * made from, and for a merge the other side's revision; who published it
 * and when. Merging, conflict copies and recovery find the revision two
 * files share from these rows. Not an entity: rows are only added. */
#define GK_REVISION_TABLE(C, T)                                                          \
  C (ID,       id)                                                                       \
  C (TEXT,     revision, NO_DEFAULT)                                                     \
  C (TEXT,     parent, OPTIONAL)                                                         \
  C (TEXT,     merged, OPTIONAL)                                                         \
  C (TEXT,     published_at, NO_DEFAULT)                                                 \
  C (TEXT,     published_by, OPTIONAL)                                                   \
  C (TEXT,     host, OPTIONAL)                                                           \
  T (UNIQUE,   "revision")

extern const GkTable gk_person_table;
extern const GkTable gk_programme_table;
extern const GkTable gk_topic_table;
extern const GkTable gk_assessment_table;
extern const GkTable gk_focus_project_table;
extern const GkTable gk_project_topic_table;
extern const GkTable gk_measure_table;
extern const GkTable gk_measure_target_table;
extern const GkTable gk_measure_link_table;
extern const GkTable gk_indicator_table;
extern const GkTable gk_indicator_topic_table;
extern const GkTable gk_indicator_project_table;
extern const GkTable gk_measurement_table;
extern const GkTable gk_journal_entry_table;
extern const GkTable gk_catalogue_measure_table;
extern const GkTable gk_change_log_table;
extern const GkTable gk_revision_table;

/* Every table, in an order where a table comes after the tables it
 * references; NULL-terminated. */
const GkTable * const *gk_tables_get_all (void);

G_END_DECLS
