/* test-period-truth.c: a report about a past period shows that period
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the small programme of model-fixture.h (project 1 "Wijkteams
 * versterken" at risk; measure 1 in progress at 40 %, measure 3 planned):
 * Anne on 10 March moves measure 3 to in progress at 20 % and project 1 to
 * on track; Bram on 12 May takes measure 3 to 60 % and measure 1 to done,
 * and turns project 1 off track. Today is 15 June. Counts alone cannot
 * show period-truth; the statuses, progress and health themselves must.
 */
#include "config.h"

#include "gk-report-facts.h"
#include "model-fixture.h"

typedef struct {
  sqlite3    *db;
  GkDocument *document;
  GkClock    *clock;
} Fixture;

static GDate
dmy (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
set_day (Fixture *f,
         int      day,
         int      month,
         int      year)
{
  GDate date = dmy (day, month, year);

  gk_clock_set_fixed_date (f->clock, &date);
}

static void
move_measure (Fixture         *f,
              gint64           id,
              GkMeasureStatus  status,
              int              progress,
              const char      *done_date)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_measure (f->document, id)));
  g_autoptr(GError) error = NULL;

  gk_measure_set_status (GK_MEASURE (copy), status);
  gk_measure_set_progress (GK_MEASURE (copy), progress);
  gk_measure_set_done_date (GK_MEASURE (copy), done_date);
  if (gk_measure_get_start_date (GK_MEASURE (copy)) == NULL)
    gk_measure_set_start_date (GK_MEASURE (copy), "2026-03-01");
  g_assert_true (gk_document_update (f->document, copy, &error));
  g_assert_no_error (error);
}

static void
turn_project (Fixture    *f,
              GkHealth    health,
              const char *reason)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_focus_project (f->document, 1)));
  g_autoptr(GError) error = NULL;

  gk_focus_project_set_health (GK_FOCUS_PROJECT (copy), health);
  gk_focus_project_set_health_reason (GK_FOCUS_PROJECT (copy), reason);
  g_assert_true (gk_document_update (f->document, copy, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GDate start = dmy (1, 3, 2026);

  f->db = fixture_db_new (TRUE);
  f->document = fixture_document_new (f->db);
  f->clock = gk_clock_new_fixed (&start);
  gk_document_set_clock (f->document, f->clock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->document);
  g_clear_object (&f->clock);
  sqlite3_close (f->db);
}

static void
two_months_of_work (Fixture *f)
{
  set_day (f, 10, 3, 2026);
  gk_document_set_user_name (f->document, "Anne");
  move_measure (f, 3, GK_MEASURE_STATUS_IN_PROGRESS, 20, NULL);
  turn_project (f, GK_HEALTH_ON_TRACK, "Weer op schema");

  set_day (f, 12, 5, 2026);
  gk_document_set_user_name (f->document, "Bram");
  move_measure (f, 3, GK_MEASURE_STATUS_IN_PROGRESS, 60, NULL);
  move_measure (f, 1, GK_MEASURE_STATUS_DONE, 100, "2026-05-12");
  turn_project (f, GK_HEALTH_OFF_TRACK, "Twee vacatures");

  set_day (f, 15, 6, 2026);
}

/* The facts of the month of @period, judged (as the report does) as on the
 * period's last day or today. */
static GkReportFacts *
facts_for (Fixture *f,
           GDate    period)
{
  GDate today = gk_clock_get_today (f->clock);
  GDate end = period;
  g_autoptr(GkAnalysis) analysis = NULL;

  g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&end), g_date_get_year (&end)));
  analysis = gk_analysis_new (f->document, g_date_compare (&end, &today) < 0 ? &end : &today);
  return gk_report_facts_new (f->document, analysis, GK_FREQUENCY_MONTHLY, &period);
}

static const GkMeasureThen *
measure_then (GkReportFacts *facts,
              Fixture       *f,
              gint64         id)
{
  return gk_period_state_get_measure (gk_report_facts_get_state (facts), gk_document_lookup_measure (f->document, id));
}

static const GkProjectThen *
project_then (GkReportFacts *facts,
              Fixture       *f)
{
  return gk_period_state_get_project (gk_report_facts_get_state (facts),
                                      gk_document_lookup_focus_project (f->document, 1));
}

static void
test_past_month_shows_its_own_values (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GkReportFacts) march = NULL;
  const GkReportCounts *counts;

  two_months_of_work (f);
  march = facts_for (f, dmy (1, 3, 2026));

  g_assert_true (gk_report_facts_history_known (march));
  g_assert_true (gk_period_state_is_rolled_back (gk_report_facts_get_state (march)));
  g_assert_cmpint (measure_then (march, f, 3)->status, ==, GK_MEASURE_STATUS_IN_PROGRESS);
  g_assert_cmpint (measure_then (march, f, 3)->progress, ==, 20);
  g_assert_cmpint (measure_then (march, f, 1)->status, ==, GK_MEASURE_STATUS_IN_PROGRESS);
  g_assert_cmpint (measure_then (march, f, 1)->progress, ==, 40);
  g_assert_false (g_date_valid (&measure_then (march, f, 1)->done));
  g_assert_cmpint (project_then (march, f)->health, ==, GK_HEALTH_ON_TRACK);
  g_assert_cmpstr (project_then (march, f)->health_reason, ==, "Weer op schema");

  /* The counts follow: measure 1 was not done yet in March. */
  counts = gk_report_facts_get_counts (march);
  g_assert_cmpuint (counts->measures_done, ==, 1);
  g_assert_cmpuint (counts->projects_at_risk, ==, 0);
  g_assert_cmpuint (counts->projects_off_track, ==, 0);
}

static void
test_today_shows_the_latest_values (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GkReportFacts) june = NULL;

  two_months_of_work (f);
  june = facts_for (f, dmy (1, 6, 2026));

  g_assert_false (gk_period_state_is_rolled_back (gk_report_facts_get_state (june)));
  g_assert_cmpint (measure_then (june, f, 3)->progress, ==, 60);
  g_assert_cmpint (measure_then (june, f, 1)->status, ==, GK_MEASURE_STATUS_DONE);
  g_assert_cmpint (project_then (june, f)->health, ==, GK_HEALTH_OFF_TRACK);
  g_assert_cmpuint (gk_report_facts_get_counts (june)->projects_off_track, ==, 1);
  /* Nothing moved between May and June. */
  g_assert_cmpuint (gk_report_facts_get_n_status_changes (june), ==, 0);
  g_assert_cmpuint (gk_report_facts_get_n_health_changes (june), ==, 0);
}

/* "Since the previous period" names what moved in the month itself. */
static void
test_since_previous_period_names_the_change (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GkReportFacts) march = NULL;
  g_autoptr(GkReportFacts) may = NULL;
  const GkReportHealthChange *health;
  const GkReportStatusChange *status;

  two_months_of_work (f);
  march = facts_for (f, dmy (1, 3, 2026));
  may = facts_for (f, dmy (1, 5, 2026));

  g_assert_cmpuint (gk_report_facts_get_n_health_changes (march), ==, 1);
  health = gk_report_facts_get_health_change (march, 0);
  g_assert_cmpint (health->before, ==, GK_HEALTH_AT_RISK);
  g_assert_cmpint (health->now, ==, GK_HEALTH_ON_TRACK);
  g_assert_cmpuint (gk_report_facts_get_n_status_changes (march), ==, 1);
  status = gk_report_facts_get_status_change (march, 0);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (status->measure)), ==, 3);
  g_assert_cmpint (status->before, ==, GK_MEASURE_STATUS_PLANNED);
  g_assert_cmpint (status->now, ==, GK_MEASURE_STATUS_IN_PROGRESS);

  g_assert_cmpuint (gk_report_facts_get_n_health_changes (may), ==, 1);
  health = gk_report_facts_get_health_change (may, 0);
  g_assert_cmpint (health->before, ==, GK_HEALTH_ON_TRACK);
  g_assert_cmpint (health->now, ==, GK_HEALTH_OFF_TRACK);
  g_assert_cmpuint (gk_report_facts_get_n_status_changes (may), ==, 1);
  status = gk_report_facts_get_status_change (may, 0);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (status->measure)), ==, 1);
  g_assert_cmpint (status->now, ==, GK_MEASURE_STATUS_DONE);
}

/* A file whose changes before a day hold no values (older files) cannot
 * say what was true then, and the facts say so. */
static void
test_history_without_values (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GkReportFacts) february = NULL;
  g_autoptr(GkReportFacts) march = NULL;
  g_autoptr(GkReportFacts) april = NULL;

  two_months_of_work (f);
  /* As a file migrated from schema 2 in April would be: its changes of
   * March are known to have happened, not what they held. */
  g_assert_cmpint (sqlite3_exec (f->db, "UPDATE change_log SET changes = '' WHERE changed_at < '2026-04-01'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  february = facts_for (f, dmy (1, 2, 2026));
  march = facts_for (f, dmy (1, 3, 2026));
  april = facts_for (f, dmy (1, 4, 2026));

  /* Before 10 March nothing can be rolled back: today's values, not
   * invented ones, and no changes claimed. */
  g_assert_false (gk_report_facts_history_known (february));
  g_assert_false (gk_period_state_is_rolled_back (gk_report_facts_get_state (february)));
  g_assert_cmpint (measure_then (february, f, 1)->status, ==, GK_MEASURE_STATUS_DONE);
  g_assert_cmpuint (gk_report_facts_get_n_status_changes (february), ==, 0);
  /* March's end is known, the end of February before it is not. */
  g_assert_true (gk_period_state_is_known (gk_report_facts_get_state (march)));
  g_assert_false (gk_report_facts_history_known (march));
  g_assert_cmpuint (gk_report_facts_get_n_health_changes (march), ==, 0);
  /* From April on the history knows both ends. */
  g_assert_true (gk_report_facts_history_known (april));
  g_assert_cmpint (measure_then (april, f, 3)->progress, ==, 20);
}

/* No history at all (rows written without the document): nothing known. */
static void
test_no_history (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GkReportFacts) march = NULL;

  set_day (f, 15, 6, 2026);
  march = facts_for (f, dmy (1, 3, 2026));
  g_assert_false (gk_report_facts_history_known (march));
  g_assert_cmpint (measure_then (march, f, 1)->progress, ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/period-truth/past-month", test_past_month_shows_its_own_values);
  ADD ("/period-truth/today", test_today_shows_the_latest_values);
  ADD ("/period-truth/since-previous-period", test_since_previous_period_names_the_change);
  ADD ("/period-truth/history-without-values", test_history_without_values);
  ADD ("/period-truth/no-history", test_no_history);
#undef ADD

  return g_test_run ();
}
