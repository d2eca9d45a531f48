/* test-owner-load.c: what each person owns, and how much of it needs attention
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-date.h"
#include "gk-demo.h"
#include "gk-owner-load.h"
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

static const GkOwnerLoad *
load_of (GPtrArray  *loads,
         const char *name)
{
  for (guint i = 0; i < loads->len; i++)
    {
      const GkOwnerLoad *load = g_ptr_array_index (loads, i);

      if (name == NULL ? load->person == NULL
                       : load->person != NULL && g_str_equal (gk_person_get_name (load->person), name))
        return load;
    }
  return NULL;
}

static guint
count_signals (GkAnalysis      *analysis,
               GkAttentionKind  kind)
{
  GPtrArray *signals = gk_analysis_get_signals (analysis);
  guint n = 0;

  for (guint i = 0; i < signals->len; i++)
    n += ((GkAttentionSignal *) g_ptr_array_index (signals, i))->kind == kind;
  return n;
}

static void
test_demo_loads (void)
{
  g_autoptr(GkAnalysis) analysis = gk_analysis_new (document, &today);
  g_autoptr(GPtrArray) loads = gk_owner_load_collect (document, analysis);
  const GkOwnerLoad *esther, *marieke;
  guint projects = 0, measures = 0, topics = 0, overdue = 0, serious = 0;

  /* One per person, in the people's order; everything has an owner. */
  g_assert_cmpuint (loads->len, ==, 12);
  g_assert_null (load_of (loads, NULL));
  for (guint i = 0; i < loads->len; i++)
    {
      const GkOwnerLoad *load = g_ptr_array_index (loads, i);
      g_autoptr(GkPerson) person = g_list_model_get_item (gk_document_get_people (document), i);

      g_assert_true (load->person == person);
      projects += load->projects->len;
      measures += load->measures->len;
      topics += load->topics->len;
      overdue += load->n_overdue;
      serious += load->n_serious;
      g_assert_cmpuint (gk_owner_load_get_n_items (load), ==,
                        load->projects->len + load->measures->len + load->topics->len);
    }
  g_assert_cmpuint (projects, ==, 7);
  g_assert_cmpuint (measures, ==, 47);
  g_assert_cmpuint (topics, ==, 9);
  /* The same rules as the attention signals. */
  g_assert_cmpuint (overdue, ==, count_signals (analysis, GK_ATTENTION_MEASURE_OVERDUE));
  g_assert_cmpuint (overdue, ==, 5);
  g_assert_cmpuint (serious, ==, 1);

  /* Esther owns the project that is off track and the Serious topic. */
  esther = load_of (loads, "Esther Willems");
  g_assert_nonnull (esther);
  g_assert_cmpuint (esther->projects->len, ==, 1);
  g_assert_cmpstr (gk_focus_project_get_name (g_ptr_array_index (esther->projects, 0)), ==, "Wachttijden omlaag");
  g_assert_cmpuint (esther->n_off_track, ==, 1);
  g_assert_cmpuint (esther->measures->len, ==, 7);
  g_assert_cmpuint (esther->n_overdue, ==, 1);
  g_assert_cmpuint (esther->topics->len, ==, 1);
  g_assert_cmpstr (gk_topic_get_name (g_ptr_array_index (esther->topics, 0)), ==, "Toegang");
  g_assert_cmpuint (esther->n_serious, ==, 1);

  /* The alderman owns no project and no measure. */
  marieke = load_of (loads, "Marieke Jansen");
  g_assert_nonnull (marieke);
  g_assert_cmpuint (marieke->projects->len + marieke->measures->len, ==, 0);
  g_assert_cmpuint (marieke->n_overdue + marieke->n_serious + marieke->n_off_track, ==, 0);
}

static void
test_overdue_follows_today (void)
{
  GListModel *measures = gk_document_get_measures (document);
  guint before = 0, later = 0;
  GDate next_year = today;

  g_date_add_years (&next_year, 1);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      GkMeasureStatus status = gk_measure_get_status (measure);

      before += gk_owner_load_measure_is_overdue (measure, &today);
      later += gk_owner_load_measure_is_overdue (measure, &next_year);
      if (status == GK_MEASURE_STATUS_DONE || status == GK_MEASURE_STATUS_DROPPED)
        g_assert_false (gk_owner_load_measure_is_overdue (measure, &next_year));
    }
  g_assert_cmpuint (before, ==, 5);
  g_assert_cmpuint (later, >, before);
}

static void
test_nobody_and_serious_follow_edits (void)
{
  g_autoptr(GkMeasure) measure = g_list_model_get_item (gk_document_get_measures (document), 0);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (measure));
  g_autoptr(GkAssessment) assessment = gk_assessment_new ();
  g_autoptr(GkTopic) topic = NULL;
  g_autoptr(GkAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) loads = NULL;
  g_autoptr(GError) error = NULL;
  const GkOwnerLoad *nobody;
  char *iso;

  gk_measure_set_owner_id (GK_MEASURE (copy), 0);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);

  /* A second Serious topic: Inkoop, assessed Serious today. */
  for (guint i = 0; i < g_list_model_get_n_items (gk_document_get_topics (document)); i++)
    {
      g_autoptr(GkTopic) t = g_list_model_get_item (gk_document_get_topics (document), i);

      if (g_str_equal (gk_topic_get_name (t), "Inkoop"))
        topic = g_steal_pointer (&t);
    }
  g_assert_nonnull (topic);
  iso = gk_date_to_iso (&today);
  gk_assessment_set_topic_id (assessment, gk_record_get_id (GK_RECORD (topic)));
  gk_assessment_set_date (assessment, iso);
  gk_assessment_set_level (assessment, GK_LEVEL_SERIOUS);
  gk_assessment_set_rationale (assessment, "Het nieuwe contract loopt vast.");
  g_free (iso);
  g_assert_true (gk_document_insert (document, GK_RECORD (assessment), &error));
  g_assert_no_error (error);

  analysis = gk_analysis_new (document, &today);
  loads = gk_owner_load_collect (document, analysis);
  g_assert_cmpuint (loads->len, ==, 13);
  nobody = g_ptr_array_index (loads, loads->len - 1);
  g_assert_null (nobody->person);
  g_assert_cmpuint (nobody->measures->len, ==, 1);
  g_assert_true (g_ptr_array_index (nobody->measures, 0) == (gpointer) measure);
  g_assert_cmpuint (load_of (loads, "Petra Bakker")->n_serious, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setup_demo ();

  g_test_add_func ("/owner-load/demo", test_demo_loads);
  g_test_add_func ("/owner-load/overdue-follows-today", test_overdue_follows_today);
  g_test_add_func ("/owner-load/nobody-and-serious", test_nobody_and_serious_follow_edits);

  status = g_test_run ();
  g_object_unref (document);
  sqlite3_close (db);
  return status;
}
