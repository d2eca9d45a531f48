/* gk-tables.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GkTable of every description of gk-tables.h.
 */
#include "config.h"

#include "gk-tables.h"

/* The actions of change_log; no entity uses them, so they live here. */
static const GkEnumEntry change_action_entries[] = {
  { 0, "insert", NULL },
  { 1, "update", NULL },
  { 2, "delete", NULL },
};

static const GkEnumEntry *
gk_change_action_entries (guint *n_entries)
{
  if (n_entries != NULL)
    *n_entries = G_N_ELEMENTS (change_action_entries);
  return change_action_entries;
}

GK_DEFINE_TABLE (person, GK_PERSON_TABLE)
GK_DEFINE_TABLE (programme, GK_PROGRAMME_TABLE)
GK_DEFINE_TABLE (topic, GK_TOPIC_TABLE)
GK_DEFINE_TABLE (assessment, GK_ASSESSMENT_TABLE)
GK_DEFINE_TABLE (focus_project, GK_FOCUS_PROJECT_TABLE)
GK_DEFINE_TABLE (project_topic, GK_PROJECT_TOPIC_TABLE)
GK_DEFINE_TABLE (measure, GK_MEASURE_TABLE)
GK_DEFINE_TABLE (measure_target, GK_MEASURE_TARGET_TABLE)
GK_DEFINE_TABLE (measure_link, GK_MEASURE_LINK_TABLE)
GK_DEFINE_TABLE (indicator, GK_INDICATOR_TABLE)
GK_DEFINE_TABLE (indicator_topic, GK_INDICATOR_TOPIC_TABLE)
GK_DEFINE_TABLE (indicator_project, GK_INDICATOR_PROJECT_TABLE)
GK_DEFINE_TABLE (measurement, GK_MEASUREMENT_TABLE)
GK_DEFINE_TABLE (journal_entry, GK_JOURNAL_ENTRY_TABLE)
GK_DEFINE_TABLE (catalogue_measure, GK_CATALOGUE_MEASURE_TABLE)
GK_DEFINE_TABLE (change_log, GK_CHANGE_LOG_TABLE)
GK_DEFINE_TABLE (revision, GK_REVISION_TABLE)

static const GkTable * const all_tables[] = {
  &gk_person_table,
  &gk_programme_table,
  &gk_topic_table,
  &gk_assessment_table,
  &gk_focus_project_table,
  &gk_project_topic_table,
  &gk_measure_table,
  &gk_measure_target_table,
  &gk_measure_link_table,
  &gk_indicator_table,
  &gk_indicator_topic_table,
  &gk_indicator_project_table,
  &gk_measurement_table,
  &gk_journal_entry_table,
  &gk_catalogue_measure_table,
  &gk_change_log_table,
  &gk_revision_table,
  NULL
};

/* The id of a new row. Colleagues add rows to their own copies of the
 * file, and merging brings both sides' rows into one file, so an id must
 * not be one that somebody else may also give: the next number would be.
 * Change log rows too: a merge recognises a row it brought in before by its id.
 * The seconds since 2024 in the high bits keep new rows in the order they
 * were made (lists use the id to order rows that sort alike), 22 random
 * bits tell apart two rows made in the same second on two computers, and
 * counting on from the last id keeps one process's rows in order. Below
 * 2^53, so that an id survives every double on its way (spreadsheets). */
#define ROW_ID_RANDOM_BITS 22
#define ROW_ID_EPOCH_S     G_GINT64_CONSTANT (1704067200) /* 2024-01-01 UTC */
#define ROW_ID_MAX         ((G_GINT64_CONSTANT (1) << 53) - 1)

gint64
gk_table_new_row_id (gint64 *last_id)
{
  gint64 seconds = MAX (0, g_get_real_time () / G_USEC_PER_SEC - ROW_ID_EPOCH_S);
  gint64 id = (seconds << ROW_ID_RANDOM_BITS) | g_random_int_range (0, 1 << ROW_ID_RANDOM_BITS);

  id = MAX (id, *last_id + 1) & ROW_ID_MAX;
  *last_id = id;
  return id;
}


const GkTable * const *
gk_tables_get_all (void)
{
  return all_tables;
}

int
gk_table_column_index (const GkTable *table,
                       const char    *name)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (g_str_equal (table->columns[i].name, name))
      return (int) i;
  return -1;
}
