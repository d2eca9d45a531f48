/* test-report-facts.c: what the progress report says about a period
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the small programme of model-fixture.h: indicator 1 (costs, lower is
 * better, serious from 5000, in control below 4700) has figures for January
 * (5150.25) and February (5100); measure 1 is in progress, due 30 June;
 * measure 2 was done on 20 February, due 1 March; topic Toegang was first
 * assessed (Vigilant) on 1 February.
 */
#include "config.h"

#include "gk-report-facts.h"
#include "model-fixture.h"

static GDate
dmy (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

typedef struct {
  sqlite3       *db;
  GkDocument    *document;
  GkAnalysis    *analysis;
  GkReportFacts *facts;
} Fixture;

/* The facts of the month of @period as on @today; @sql runs first. */
static void
fixture_open (Fixture     *f,
              const char  *sql,
              GDate        period,
              GDate        today)
{
  f->db = fixture_db_new (TRUE);
  if (sql != NULL)
    g_assert_cmpint (sqlite3_exec (f->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  f->document = fixture_document_new (f->db);
  f->analysis = gk_analysis_new (f->document, &today);
  f->facts = gk_report_facts_new (f->document, f->analysis, GK_FREQUENCY_MONTHLY, &period);
  g_assert_nonnull (f->facts);
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->facts);
  g_clear_object (&f->analysis);
  g_clear_object (&f->document);
  sqlite3_close (f->db);
}

static void
assert_date (const GDate *date,
             int          day,
             int          month,
             int          year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static const GkReportIndicator *
indicator_with_id (GkReportFacts *facts,
                   gint64         id)
{
  int index = gk_report_facts_find_indicator (facts, id);

  g_assert_cmpint (index, >=, 0);
  return gk_report_facts_get_indicator (facts, (guint) index);
}

static void
test_period_and_as_of (void)
{
  Fixture f = { 0 };

  /* A finished month stands on its last day. */
  fixture_open (&f, NULL, dmy (14, 2, 2026), dmy (15, 7, 2026));
  assert_date (gk_report_facts_get_period_start (f.facts), 1, 2, 2026);
  assert_date (gk_report_facts_get_period_end (f.facts), 28, 2, 2026);
  assert_date (gk_report_facts_get_previous_start (f.facts), 1, 1, 2026);
  assert_date (gk_report_facts_get_previous_end (f.facts), 31, 1, 2026);
  assert_date (gk_report_facts_get_as_of (f.facts), 28, 2, 2026);
  g_assert_cmpstr (gk_report_facts_get_period_label (f.facts), ==, "February 2026");
  g_assert_cmpstr (gk_report_facts_get_previous_label (f.facts), ==, "January 2026");
  g_assert_cmpint (gk_report_facts_get_frequency (f.facts), ==, GK_FREQUENCY_MONTHLY);
  g_assert_true (gk_report_facts_get_document (f.facts) == f.document);
  fixture_close (&f);

  /* The current month stands on today. */
  fixture_open (&f, NULL, dmy (1, 7, 2026), dmy (15, 7, 2026));
  assert_date (gk_report_facts_get_as_of (f.facts), 15, 7, 2026);
  assert_date (gk_report_facts_get_period_end (f.facts), 31, 7, 2026);
  fixture_close (&f);
}

static void
test_indicators_as_they_stood (void)
{
  Fixture f = { 0 };
  const GkReportIndicator *costs;

  /* At the end of January the February figure was not known. */
  fixture_open (&f, NULL, dmy (1, 1, 2026), dmy (15, 7, 2026));
  g_assert_cmpuint (gk_report_facts_get_n_indicators (f.facts), ==, 2);
  costs = indicator_with_id (f.facts, 1);
  g_assert_cmpuint (costs->input.n_measurements, ==, 1);
  g_assert_nonnull (costs->latest);
  g_assert_cmpfloat (costs->latest->value, ==, 5150.25);
  g_assert_cmpint (costs->level, ==, GK_LEVEL_SERIOUS);
  g_assert_cmpint (gk_report_facts_find_indicator (f.facts, 999), ==, -1);
  fixture_close (&f);

  /* At the end of February it was; the analysis itself is not changed. */
  fixture_open (&f, NULL, dmy (1, 2, 2026), dmy (15, 7, 2026));
  costs = indicator_with_id (f.facts, 1);
  g_assert_cmpuint (costs->input.n_measurements, ==, 2);
  g_assert_cmpfloat (costs->latest->value, ==, 5100);
  g_assert_cmpint (costs->previous_level, ==, GK_LEVEL_SERIOUS);
  g_assert_true (costs->has_progress);
  g_assert_cmpfloat_with_epsilon (costs->progress, (5200.5 - 5100) / (5200.5 - 4500), 1e-9);
  /* No signal values: no level. */
  g_assert_cmpint (indicator_with_id (f.facts, 2)->level, ==, GK_LEVEL_NONE);
  g_assert_cmpuint (gk_report_facts_get_counts (f.facts)->indicators_by_level[GK_LEVEL_SERIOUS], ==, 1);
  g_assert_cmpuint (gk_report_facts_get_counts (f.facts)->indicators_by_level[GK_LEVEL_NONE], ==, 1);
  fixture_close (&f);
}

static void
test_level_changes (void)
{
  Fixture f = { 0 };
  const GDate *as_of, *previous_end;
  gboolean toegang_changed = FALSE;
  const GkReportCounts *counts;

  fixture_open (&f, NULL, dmy (1, 2, 2026), dmy (15, 7, 2026));
  as_of = gk_report_facts_get_as_of (f.facts);
  previous_end = gk_report_facts_get_previous_end (f.facts);
  g_assert_cmpint (gk_report_facts_get_headline (f.facts), ==, gk_analysis_headline_on (f.analysis, as_of));
  g_assert_cmpint (gk_report_facts_get_previous_headline (f.facts), ==,
                   gk_analysis_headline_on (f.analysis, previous_end));

  for (guint i = 0; i < gk_report_facts_get_n_level_changes (f.facts); i++)
    {
      const GkReportLevelChange *change = gk_report_facts_get_level_change (f.facts, i);

      g_assert_cmpint (change->before, !=, change->now);
      if (change->topic == NULL)
        {
          /* The headline, and only first. */
          g_assert_cmpuint (i, ==, 0);
          continue;
        }
      /* Inkoop was Serious both times; Financiën was never assessed. */
      g_assert_cmpstr (gk_topic_get_name (change->topic), ==, "Toegang");
      g_assert_cmpint (change->before, ==, GK_LEVEL_NONE);
      g_assert_cmpint (change->now, ==, GK_LEVEL_VIGILANT);
      toegang_changed = TRUE;
    }
  g_assert_true (toegang_changed);

  counts = gk_report_facts_get_counts (f.facts);
  g_assert_cmpuint (counts->topics_by_level[GK_LEVEL_SERIOUS], ==, 1);
  g_assert_cmpuint (counts->topics_by_level[GK_LEVEL_VIGILANT], ==, 1);
  g_assert_cmpuint (counts->topics_by_level[GK_LEVEL_NONE], ==, 1);
  g_assert_cmpuint (counts->topics_by_level[GK_LEVEL_IN_CONTROL], ==, 0);
  fixture_close (&f);
}

static void
test_measures_done_overdue_and_late (void)
{
  Fixture f = { 0 };
  const GkReportMeasure *rm;
  const GkReportCounts *counts;

  /* February: measure 2 was done, before its due date. */
  fixture_open (&f, NULL, dmy (1, 2, 2026), dmy (15, 7, 2026));
  g_assert_cmpuint (gk_report_facts_get_n_done (f.facts), ==, 1);
  rm = gk_report_facts_get_done (f.facts, 0);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (rm->measure)), ==, 2);
  assert_date (&rm->done, 20, 2, 2026);
  g_assert_cmpuint (gk_report_facts_get_n_late (f.facts), ==, 0);
  counts = gk_report_facts_get_counts (f.facts);
  g_assert_cmpuint (counts->measures, ==, 3);
  g_assert_cmpuint (counts->measures_done, ==, 1);
  g_assert_cmpuint (counts->measures_overdue, ==, 0);
  g_assert_cmpuint (counts->active_projects, ==, 1);
  g_assert_cmpuint (counts->projects_at_risk, ==, 1);
  g_assert_cmpuint (counts->projects_off_track, ==, 0);
  fixture_close (&f);

  /* January did not know yet that it would be done. */
  fixture_open (&f, NULL, dmy (1, 1, 2026), dmy (15, 7, 2026));
  g_assert_cmpuint (gk_report_facts_get_n_done (f.facts), ==, 0);
  g_assert_cmpuint (gk_report_facts_get_counts (f.facts)->measures_done, ==, 0);
  fixture_close (&f);

  /* Mid July: measure 1 is 15 days overdue. */
  fixture_open (&f, NULL, dmy (1, 7, 2026), dmy (15, 7, 2026));
  g_assert_cmpuint (gk_report_facts_get_n_late (f.facts), ==, 1);
  rm = gk_report_facts_get_late (f.facts, 0);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (rm->measure)), ==, 1);
  g_assert_true (rm->overdue);
  g_assert_cmpint (rm->days, ==, 15);
  g_assert_true (gk_report_facts_is_overdue (f.facts, rm->measure));
  g_assert_cmpuint (gk_report_facts_get_counts (f.facts)->measures_overdue, ==, 1);
  fixture_close (&f);

  /* Due 10 February, done on the 20th: done late, not overdue. */
  fixture_open (&f, "UPDATE measure SET due_date = '2026-02-10' WHERE id = 2", dmy (1, 2, 2026), dmy (15, 7, 2026));
  g_assert_cmpuint (gk_report_facts_get_n_late (f.facts), ==, 1);
  rm = gk_report_facts_get_late (f.facts, 0);
  g_assert_false (rm->overdue);
  g_assert_cmpint (rm->days, ==, 10);
  g_assert_false (gk_report_facts_is_overdue (f.facts, rm->measure));
  fixture_close (&f);

  /* A dropped measure is neither counted nor overdue. */
  fixture_open (&f, "UPDATE measure SET status = 'dropped' WHERE id = 1", dmy (1, 7, 2026), dmy (15, 7, 2026));
  g_assert_cmpuint (gk_report_facts_get_n_late (f.facts), ==, 0);
  g_assert_cmpuint (gk_report_facts_get_counts (f.facts)->measures, ==, 2);
  fixture_close (&f);
}

static void
test_journal_of_the_period (void)
{
  Fixture f = { 0 };
  GPtrArray *journal;

  /* January: the decision; the progress note of the same day is no
   * decision or risk. */
  fixture_open (&f, NULL, dmy (1, 1, 2026), dmy (15, 7, 2026));
  journal = gk_report_facts_get_journal (f.facts);
  g_assert_cmpuint (journal->len, ==, 1);
  g_assert_cmpint (gk_journal_entry_get_kind (g_ptr_array_index (journal, 0)), ==, GK_JOURNAL_KIND_DECISION);
  fixture_close (&f);

  /* The current month holds what was recorded up to today only. */
  fixture_open (&f, NULL, dmy (1, 2, 2026), dmy (5, 2, 2026));
  g_assert_cmpuint (gk_report_facts_get_journal (f.facts)->len, ==, 0);
  fixture_close (&f);

  fixture_open (&f, NULL, dmy (1, 2, 2026), dmy (15, 7, 2026));
  journal = gk_report_facts_get_journal (f.facts);
  g_assert_cmpuint (journal->len, ==, 1);
  g_assert_cmpint (gk_journal_entry_get_kind (g_ptr_array_index (journal, 0)), ==, GK_JOURNAL_KIND_RISK);
  fixture_close (&f);
}

/* January of the year 1 has no month before it: nothing stood "before",
 * and nothing warns. */
static void
test_first_month_of_the_calendar (void)
{
  Fixture f = { 0 };

  fixture_open (&f, NULL, dmy (1, 1, 1), dmy (15, 1, 1));
  g_assert_false (g_date_valid (gk_report_facts_get_previous_end (f.facts)));
  g_assert_cmpstr (gk_report_facts_get_previous_label (f.facts), ==, "");
  assert_date (gk_report_facts_get_as_of (f.facts), 15, 1, 1);
  for (guint i = 0; i < gk_report_facts_get_n_indicators (f.facts); i++)
    g_assert_cmpint (gk_report_facts_get_indicator (f.facts, i)->previous_level, ==, GK_LEVEL_NONE);
  g_assert_cmpint (gk_report_facts_get_previous_headline (f.facts), ==, GK_LEVEL_NONE);
  fixture_close (&f);

  fixture_open (&f, NULL, dmy (1, 12, 9999), dmy (31, 12, 9999));
  assert_date (gk_report_facts_get_period_end (f.facts), 31, 12, 9999);
  assert_date (gk_report_facts_get_as_of (f.facts), 31, 12, 9999);
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-facts/period-and-as-of", test_period_and_as_of);
  g_test_add_func ("/report-facts/indicators", test_indicators_as_they_stood);
  g_test_add_func ("/report-facts/level-changes", test_level_changes);
  g_test_add_func ("/report-facts/measures", test_measures_done_overdue_and_late);
  g_test_add_func ("/report-facts/journal", test_journal_of_the_period);
  g_test_add_func ("/report-facts/calendar-edges", test_first_month_of_the_calendar);

  return g_test_run ();
}
