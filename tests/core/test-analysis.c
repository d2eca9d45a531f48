/* test-analysis.c: the grip engine applied to a whole programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-analysis.h"
#include "gk-demo.h"
#include "gk-schema.h"
#include "gk-document-private.h"
#include "gk-demo-private.h"

static sqlite3 *db;
static GkDocument *document;
static GDate today;

static void
setup_demo (void)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_assert_true (gk_schema_create (db, &error));
  g_assert_true (gk_demo_write (db, &today, &error));
  document = gk_document_new_for_db (db, &error);
  g_assert_no_error (error);
}

static const GkTopicGrip *
topic_named (GkAnalysis *analysis,
             const char *name)
{
  for (guint i = 0; i < gk_analysis_get_n_topics (analysis); i++)
    if (g_str_equal (gk_topic_get_name (gk_analysis_get_topic (analysis, i)->topic), name))
      return gk_analysis_get_topic (analysis, i);
  g_error ("no topic %s", name);
}

static void
test_topics_and_headline (void)
{
  g_autoptr(GkAnalysis) analysis = gk_analysis_new (document, &today);
  const GkTopicGrip *toegang = topic_named (analysis, "Toegang");
  guint serious = 0;

  g_assert_cmpuint (gk_analysis_get_n_topics (analysis), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (analysis, i);

      g_assert_cmpint (grip->assessed, !=, GK_LEVEL_NONE);
      g_assert_true (g_date_valid (&grip->assessed_on));
      g_assert_cmpint (g_date_compare (&grip->assessed_on, &today), <=, 0);
      serious += grip->assessed == GK_LEVEL_SERIOUS;
      /* the demo's figures agree with its assessments */
      if (grip->signalled != GK_LEVEL_NONE)
        g_assert_false (grip->diverges);
    }

  g_assert_cmpint (toegang->assessed, ==, GK_LEVEL_SERIOUS);
  /* "worst": one Serious topic makes the headline Serious */
  g_assert_cmpuint (serious, >=, 1);
  g_assert_cmpint (gk_analysis_get_headline_rule (analysis), ==, GK_HEADLINE_RULE_WORST);
  g_assert_cmpint (gk_analysis_get_headline (analysis), ==, GK_LEVEL_SERIOUS);
}

static void
test_median_rule_follows_the_programme (void)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));
  g_autoptr(GkAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  gk_programme_set_headline_rule (GK_PROGRAMME (copy), GK_HEADLINE_RULE_MEDIAN);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);

  analysis = gk_analysis_new (document, &today);
  /* most topics are Vigilant or better now */
  g_assert_cmpint (gk_analysis_get_headline (analysis), ==, GK_LEVEL_VIGILANT);

  g_assert_true (gk_document_undo (document, &error));
}

static void
test_history (void)
{
  g_autoptr(GkAnalysis) analysis = gk_analysis_new (document, &today);
  GDate long_ago, before_all;
  guint serious_then = 0, serious_now = 0;

  g_date_clear (&long_ago, 1);
  g_date_set_dmy (&long_ago, 28, 6, 2025);
  g_date_clear (&before_all, 1);
  g_date_set_dmy (&before_all, 1, 1, 2000);

  for (guint i = 0; i < 9; i++)
    {
      serious_then += gk_analysis_topic_level_on (analysis, i, &long_ago) == GK_LEVEL_SERIOUS;
      serious_now += gk_analysis_topic_level_on (analysis, i, &today) == GK_LEVEL_SERIOUS;
      g_assert_cmpint (gk_analysis_topic_level_on (analysis, i, &before_all), ==, GK_LEVEL_NONE);
    }
  /* the demo's story: from mostly Serious to mostly Vigilant */
  g_assert_cmpuint (serious_then, >, serious_now);
  g_assert_cmpint (gk_analysis_headline_on (analysis, &before_all), ==, GK_LEVEL_NONE);
  g_assert_cmpint (gk_analysis_headline_on (analysis, &long_ago), ==, GK_LEVEL_SERIOUS);
}

static void
test_indicators_and_signals (void)
{
  g_autoptr(GkAnalysis) analysis = gk_analysis_new (document, &today);
  GPtrArray *signals = gk_analysis_get_signals (analysis);
  gboolean overdue = FALSE, off_track = FALSE;

  g_assert_cmpuint (gk_analysis_get_n_indicators (analysis), >=, 8);
  for (guint i = 0; i < gk_analysis_get_n_indicators (analysis); i++)
    {
      const GkIndicatorGrip *grip = gk_analysis_get_indicator (analysis, i);

      g_assert_cmpuint (grip->input.n_measurements, >=, 8);
      g_assert_cmpint (grip->signalled, !=, GK_LEVEL_NONE);
      g_assert_true (gk_analysis_lookup_indicator (analysis, gk_record_get_id (GK_RECORD (grip->indicator))) == grip);
      if (grip->has_progress)
        g_assert_true (grip->progress >= 0 && grip->progress <= 1);
    }

  for (guint i = 0; i < signals->len; i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);

      overdue |= signal->kind == GK_ATTENTION_MEASURE_OVERDUE;
      off_track |= signal->kind == GK_ATTENTION_PROJECT_OFF_TRACK;
      if (i > 0)
        g_assert_cmpint (((GkAttentionSignal *) g_ptr_array_index (signals, i - 1))->severity, >=, signal->severity);
    }
  g_assert_true (overdue);
  g_assert_true (off_track);
}

/* An edit shows in the next analysis: no stale cache. */
static void
test_new_assessment_changes_level (void)
{
  g_autoptr(GkAnalysis) before = gk_analysis_new (document, &today);
  const GkTopicGrip *toegang = topic_named (before, "Toegang");
  g_autoptr(GkAssessment) assessment = gk_assessment_new ();
  g_autoptr(GkAnalysis) after = NULL;
  g_autoptr(GError) error = NULL;

  gk_assessment_set_topic_id (assessment, gk_record_get_id (GK_RECORD (toegang->topic)));
  gk_assessment_set_date (assessment, "2026-11-22");
  gk_assessment_set_level (assessment, GK_LEVEL_VIGILANT);
  gk_assessment_set_rationale (assessment, "Wachttijd daalt weer na inzet flexteam.");
  g_assert_true (gk_document_insert (document, GK_RECORD (assessment), &error));
  g_assert_no_error (error);

  after = gk_analysis_new (document, &today);
  g_assert_cmpint (topic_named (after, "Toegang")->assessed, ==, GK_LEVEL_VIGILANT);
  /* the indicators still signal Serious: the app says so */
  g_assert_true (topic_named (after, "Toegang")->diverges);
  g_assert_true (gk_document_undo (document, &error));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setup_demo ();

  g_test_add_func ("/analysis/topics-and-headline", test_topics_and_headline);
  g_test_add_func ("/analysis/median", test_median_rule_follows_the_programme);
  g_test_add_func ("/analysis/history", test_history);
  g_test_add_func ("/analysis/indicators-and-signals", test_indicators_and_signals);
  g_test_add_func ("/analysis/new-assessment", test_new_assessment_changes_level);

  status = g_test_run ();
  g_clear_object (&document);
  sqlite3_close (db);
  return status;
}
