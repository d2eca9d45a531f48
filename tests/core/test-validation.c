/* test-validation.c: every rule, accepted and refused, with the field it names
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "model-fixture.h"
#include "gk-validation-private.h"

static void
assert_valid (GkRecord   *record,
              GkDocument *document)
{
  g_autoptr(GError) error = NULL;

  if (!gk_validation_check_record (record, document, &error))
    g_error ("unexpectedly refused (%s): %s", gk_validation_error_get_field (error), error->message);
}

static void
assert_invalid (GkRecord          *record,
                GkDocument        *document,
                GkValidationError  code,
                const char        *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_validation_check_record (record, document, &error));
  g_assert_error (error, GK_VALIDATION_ERROR, (int) code);
  g_assert_cmpstr (gk_validation_error_get_field (error), ==, field);
  /* A message for people: no SQL, no column names. */
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_null (strstr (error->message, "_id"));
  g_assert_null (strstr (error->message, "SQL"));
  if (field != NULL)
    g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (record), field) != NULL);
}

/* ---- fields every entity has -------------------------------------------------- */

typedef struct {
  const char *table;
  const char *field;
} RequiredText;

static void
test_required_texts (void)
{
  static const RequiredText cases[] = {
    { "person", "name" },
    { "topic", "name" },
    { "assessment", "rationale" },
    { "focus_project", "name" },
    { "measure", "title" },
    { "indicator", "name" },
    { "journal_entry", "text" },
    { "catalogue_measure", "title" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *blanks[] = { NULL, "", "  \t\n", "\u00a0" };

      for (guint j = 0; j < G_N_ELEMENTS (entity_cases); j++)
        {
          g_autoptr(GkRecord) record = NULL;

          if (!g_str_equal (entity_cases[j].table, cases[i].table))
            continue;
          record = entity_cases[j].make ();
          assert_valid (record, NULL);
          for (guint k = 0; k < G_N_ELEMENTS (blanks); k++)
            {
              g_object_set (record, cases[i].field, blanks[k], NULL);
              assert_invalid (record, NULL, GK_VALIDATION_ERROR_REQUIRED, cases[i].field);
            }
          g_object_set (record, cases[i].field, " x ", NULL);
          assert_valid (record, NULL);
        }
    }

  {
    g_autoptr(GkProgramme) programme = gk_programme_new ();

    assert_invalid (GK_RECORD (programme), NULL, GK_VALIDATION_ERROR_REQUIRED, "title");
    gk_programme_set_title (programme, "Veranderopgave");
    assert_valid (GK_RECORD (programme), NULL);
  }
}

static void
test_required_references (void)
{
  static const RequiredText cases[] = {
    { "assessment", "topic-id" },
    { "project_topic", "project-id" },
    { "project_topic", "topic-id" },
    { "measure", "project-id" },
    { "measure_target", "measure-id" },
    { "measure_target", "topic-id" },
    { "measure_link", "from-measure-id" },
    { "measure_link", "to-measure-id" },
    { "indicator_topic", "indicator-id" },
    { "indicator_topic", "topic-id" },
    { "indicator_project", "indicator-id" },
    { "indicator_project", "project-id" },
    { "measurement", "indicator-id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (entity_cases); j++)
      {
        g_autoptr(GkRecord) record = NULL;

        if (!g_str_equal (entity_cases[j].table, cases[i].table))
          continue;
        record = entity_cases[j].make ();
        assert_valid (record, NULL);
        g_object_set (record, cases[i].field, (gint64) 0, NULL);
        assert_invalid (record, NULL, GK_VALIDATION_ERROR_REQUIRED, cases[i].field);
      }
}

static void
test_required_levels_and_dates (void)
{
  g_autoptr(GkRecord) assessment = make_assessment ();
  g_autoptr(GkRecord) target = make_measure_target ();
  g_autoptr(GkRecord) topic = make_topic ();
  g_autoptr(GkRecord) measurement = make_measurement ();
  g_autoptr(GkRecord) entry = make_journal_entry ();

  gk_assessment_set_level (GK_ASSESSMENT (assessment), GK_LEVEL_NONE);
  assert_invalid (assessment, NULL, GK_VALIDATION_ERROR_REQUIRED, "level");
  gk_assessment_set_level (GK_ASSESSMENT (assessment), GK_LEVEL_SERIOUS);
  gk_assessment_set_date (GK_ASSESSMENT (assessment), NULL);
  assert_invalid (assessment, NULL, GK_VALIDATION_ERROR_REQUIRED, "date");

  /* A measure target must say which level to reach ... */
  gk_measure_target_set_target_level (GK_MEASURE_TARGET (target), GK_LEVEL_NONE);
  assert_invalid (target, NULL, GK_VALIDATION_ERROR_REQUIRED, "target-level");
  /* ... a topic may leave its target open. */
  gk_topic_set_target_level (GK_TOPIC (topic), GK_LEVEL_NONE);
  assert_valid (topic, NULL);

  gk_measurement_set_period_date (GK_MEASUREMENT (measurement), "");
  assert_invalid (measurement, NULL, GK_VALIDATION_ERROR_REQUIRED, "period-date");

  gk_journal_entry_set_date (GK_JOURNAL_ENTRY (entry), NULL);
  assert_invalid (entry, NULL, GK_VALIDATION_ERROR_REQUIRED, "date");
}

static void
test_dates_must_exist (void)
{
  const struct { const char *text; gboolean valid; } dates[] = {
    { "2026-03-31", TRUE },
    { "2024-02-29", TRUE },
    { "2026-02-29", FALSE },
    { "2026-02-30", FALSE },
    { "2026-13-01", FALSE },
    { "2026-00-10", FALSE },
    { "31-03-2026", FALSE },
    { "2026-3-31", FALSE },
    { "2026-03-31T10:00", FALSE },
    { "morgen", FALSE },
  };
  g_autoptr(GkRecord) measure = make_measure ();

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_assert_cmpint (gk_validation_is_valid_date (dates[i].text), ==, dates[i].valid);
      gk_measure_set_due_date (GK_MEASURE (measure), dates[i].text);
      if (dates[i].valid)
        assert_valid (measure, NULL);
      else
        assert_invalid (measure, NULL, GK_VALIDATION_ERROR_INVALID_DATE, "due-date");
    }
  g_assert_false (gk_validation_is_valid_date (NULL));
}

static void
test_choices_must_be_known (void)
{
  g_autoptr(GkRecord) measure = make_measure ();
  g_autoptr(GkRecord) project = make_focus_project ();

  gk_measure_set_status (GK_MEASURE (measure), (GkMeasureStatus) 17);
  assert_invalid (measure, NULL, GK_VALIDATION_ERROR_INVALID_VALUE, "status");
  gk_focus_project_set_domains (GK_FOCUS_PROJECT (project), (GkDomains) 64);
  assert_invalid (project, NULL, GK_VALIDATION_ERROR_INVALID_VALUE, "domains");
}

/* ---- the rules of each entity ---------------------------------------------- */

static void
test_date_order (void)
{
  g_autoptr(GkProgramme) programme = gk_programme_new ();
  g_autoptr(GkRecord) project = make_focus_project ();
  g_autoptr(GkRecord) measure = make_measure ();
  g_autoptr(GkRecord) indicator = make_indicator ();

  gk_programme_set_title (programme, "Programma");
  gk_programme_set_start_date (programme, "2026-01-01");
  gk_programme_set_end_date (programme, "2025-12-31");
  assert_invalid (GK_RECORD (programme), NULL, GK_VALIDATION_ERROR_DATE_ORDER, "end-date");
  gk_programme_set_end_date (programme, "2026-01-01");
  assert_valid (GK_RECORD (programme), NULL);

  gk_focus_project_set_start_date (GK_FOCUS_PROJECT (project), "2026-06-01");
  gk_focus_project_set_end_date (GK_FOCUS_PROJECT (project), "2026-05-31");
  assert_invalid (project, NULL, GK_VALIDATION_ERROR_DATE_ORDER, "end-date");
  gk_focus_project_set_end_date (GK_FOCUS_PROJECT (project), NULL);
  assert_valid (project, NULL);

  gk_measure_set_start_date (GK_MEASURE (measure), "2026-10-01");
  assert_invalid (measure, NULL, GK_VALIDATION_ERROR_DATE_ORDER, "due-date");
  gk_measure_set_due_date (GK_MEASURE (measure), "2026-10-01");
  assert_valid (measure, NULL);
  gk_measure_set_done_date (GK_MEASURE (measure), "2026-09-01");
  assert_invalid (measure, NULL, GK_VALIDATION_ERROR_DATE_ORDER, "done-date");
  gk_measure_set_done_date (GK_MEASURE (measure), "2026-11-01");   /* late is allowed */
  assert_valid (measure, NULL);

  gk_indicator_set_baseline_date (GK_INDICATOR (indicator), "2026-01-01");
  gk_indicator_set_target_date (GK_INDICATOR (indicator), "2025-01-01");
  assert_invalid (indicator, NULL, GK_VALIDATION_ERROR_DATE_ORDER, "target-date");
  gk_indicator_set_target_date (GK_INDICATOR (indicator), "2027-01-01");
  assert_valid (indicator, NULL);
}

static void
test_ranges (void)
{
  g_autoptr(GkRecord) measure = make_measure ();
  g_autoptr(GkRecord) assessment = make_assessment ();
  g_autoptr(GkRecord) project = make_focus_project ();
  const int progress[] = { -1, 0, 100, 101 };
  const int confidence[] = { -1, 0, 10, 11 };

  for (guint i = 0; i < G_N_ELEMENTS (progress); i++)
    {
      gk_measure_set_progress (GK_MEASURE (measure), progress[i]);
      if (progress[i] >= 0 && progress[i] <= 100)
        assert_valid (measure, NULL);
      else
        assert_invalid (measure, NULL, GK_VALIDATION_ERROR_OUT_OF_RANGE, "progress");
    }

  for (guint i = 0; i < G_N_ELEMENTS (confidence); i++)
    {
      gk_assessment_set_confidence (GK_ASSESSMENT (assessment), confidence[i]);
      if (confidence[i] >= 0 && confidence[i] <= 10)
        assert_valid (assessment, NULL);
      else
        assert_invalid (assessment, NULL, GK_VALIDATION_ERROR_OUT_OF_RANGE, "confidence");
    }

  gk_focus_project_set_budget_cents (GK_FOCUS_PROJECT (project), -1);
  assert_invalid (project, NULL, GK_VALIDATION_ERROR_OUT_OF_RANGE, "budget-cents");
  gk_focus_project_clear_budget_cents (GK_FOCUS_PROJECT (project));
  gk_focus_project_set_saving_cents (GK_FOCUS_PROJECT (project), -250000);   /* a loss is a fact */
  assert_valid (project, NULL);
}

static void
test_numbers_must_be_finite (void)
{
  g_autoptr(GkRecord) measurement = make_measurement ();
  g_autoptr(GkRecord) indicator = make_indicator ();

  gk_measurement_set_value (GK_MEASUREMENT (measurement), NAN);
  assert_invalid (measurement, NULL, GK_VALIDATION_ERROR_OUT_OF_RANGE, "value");
  gk_indicator_set_baseline_value (GK_INDICATOR (indicator), INFINITY);
  assert_invalid (indicator, NULL, GK_VALIDATION_ERROR_OUT_OF_RANGE, "baseline-value");
}

static void
test_signal_order (void)
{
  const struct {
    GkDirection direction;
    double      serious;
    double      control;
    gboolean    valid;
  } cases[] = {
    { GK_DIRECTION_LOWER_IS_BETTER, 5000, 4700, TRUE },
    { GK_DIRECTION_LOWER_IS_BETTER, 4700, 4700, TRUE },
    { GK_DIRECTION_LOWER_IS_BETTER, 4700, 5000, FALSE },
    { GK_DIRECTION_HIGHER_IS_BETTER, 60, 80, TRUE },
    { GK_DIRECTION_HIGHER_IS_BETTER, 80, 80, TRUE },
    { GK_DIRECTION_HIGHER_IS_BETTER, 80, 60, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GkRecord) indicator = make_indicator ();
      g_autoptr(GError) error = NULL;

      gk_indicator_set_direction (GK_INDICATOR (indicator), cases[i].direction);
      gk_indicator_set_signal_serious (GK_INDICATOR (indicator), cases[i].serious);
      gk_indicator_set_signal_control (GK_INDICATOR (indicator), cases[i].control);
      if (cases[i].valid)
        {
          assert_valid (indicator, NULL);
          continue;
        }
      assert_invalid (indicator, NULL, GK_VALIDATION_ERROR_SIGNAL_ORDER, "signal-serious");
      g_assert_false (gk_validation_check_record (indicator, NULL, &error));
      g_assert_nonnull (strstr (error->message, cases[i].direction == GK_DIRECTION_LOWER_IS_BETTER
                                                ? "lower is better" : "higher is better"));

      /* With one signal value missing there is no order to check. */
      gk_indicator_clear_signal_control (GK_INDICATOR (indicator));
      assert_valid (indicator, NULL);
    }
}

static void
test_active_project_needs_owner (void)
{
  g_autoptr(GkRecord) project = make_focus_project ();
  g_autoptr(GError) error = NULL;

  gk_focus_project_set_status (GK_FOCUS_PROJECT (project), GK_PROJECT_STATUS_ACTIVE);
  assert_invalid (project, NULL, GK_VALIDATION_ERROR_OWNER_REQUIRED, "owner-id");
  g_assert_false (gk_validation_check_record (project, NULL, &error));
  g_assert_cmpstr (error->message, ==, "A focus project needs an owner before it can be active.");

  gk_focus_project_set_owner_id (GK_FOCUS_PROJECT (project), 1);
  assert_valid (project, NULL);
  gk_focus_project_set_owner_id (GK_FOCUS_PROJECT (project), 0);
  gk_focus_project_set_status (GK_FOCUS_PROJECT (project), GK_PROJECT_STATUS_PAUSED);
  assert_valid (project, NULL);
}

static void
test_done_measure_needs_done_date (void)
{
  g_autoptr(GkRecord) measure = make_measure ();

  gk_measure_set_status (GK_MEASURE (measure), GK_MEASURE_STATUS_DONE);
  assert_invalid (measure, NULL, GK_VALIDATION_ERROR_REQUIRED, "done-date");
  gk_measure_set_done_date (GK_MEASURE (measure), "2026-04-15");
  assert_valid (measure, NULL);
  gk_measure_set_status (GK_MEASURE (measure), GK_MEASURE_STATUS_DROPPED);
  gk_measure_set_done_date (GK_MEASURE (measure), NULL);
  assert_valid (measure, NULL);
}

static void
test_other_rules (void)
{
  g_autoptr(GkRecord) link = make_measure_link ();
  g_autoptr(GkRecord) entry = make_journal_entry ();
  g_autoptr(GkRecord) person = make_person ();
  g_autoptr(GkProgramme) programme = gk_programme_new ();
  const char *bad_emails[] = { "jan", "jan@", "@example.nl", "jan@@example.nl", "jan de vries@example.nl" };

  gk_measure_link_set_to_measure_id (GK_MEASURE_LINK (link), 2);
  assert_invalid (link, NULL, GK_VALIDATION_ERROR_INVALID_VALUE, "to-measure-id");

  /* A journal entry belongs to the programme, or to one row. */
  gk_journal_entry_set_project_id (GK_JOURNAL_ENTRY (entry), 1);
  assert_invalid (entry, NULL, GK_VALIDATION_ERROR_INVALID_VALUE, "topic-id");
  gk_journal_entry_set_topic_id (GK_JOURNAL_ENTRY (entry), 0);
  assert_valid (entry, NULL);
  gk_journal_entry_set_project_id (GK_JOURNAL_ENTRY (entry), 0);
  assert_valid (entry, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      gk_person_set_email (GK_PERSON (person), bad_emails[i]);
      assert_invalid (person, NULL, GK_VALIDATION_ERROR_INVALID_VALUE, "email");
    }
  gk_person_set_email (GK_PERSON (person), "k.jansen@gemeente.example.nl");
  assert_valid (person, NULL);

  gk_programme_set_title (programme, "Tweede programma");
  gk_record_set_id (GK_RECORD (programme), 2);
  assert_invalid (GK_RECORD (programme), NULL, GK_VALIDATION_ERROR_INVALID_VALUE, NULL);
}

/* ---- rules that need the other rows ------------------------------------------ */

static void
test_references_must_exist (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  GkDocument *doc = fixture_document_new (db);
  g_autoptr(GkRecord) measure = make_measure ();
  g_autoptr(GkRecord) topic = make_topic ();

  assert_valid (measure, doc);
  gk_measure_set_project_id (GK_MEASURE (measure), 77);
  assert_valid (measure, NULL);   /* without the document it cannot know */
  assert_invalid (measure, doc, GK_VALIDATION_ERROR_INVALID_VALUE, "project-id");
  gk_measure_set_project_id (GK_MEASURE (measure), 1);
  gk_measure_set_owner_id (GK_MEASURE (measure), 9);
  assert_invalid (measure, doc, GK_VALIDATION_ERROR_INVALID_VALUE, "owner-id");

  gk_topic_set_owner_id (GK_TOPIC (topic), 3);
  assert_valid (topic, doc);

  g_assert_finalize_object (doc);
  sqlite3_close (db);
}

static void
test_duplicates (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  GkDocument *doc = fixture_document_new (db);
  const struct {
    const char *table;
    const char *sets[2];
    gint64      values[2];
    const char *field;
  } cases[] = {
    { "project_topic", { "project-id", "topic-id" }, { 1, 2 }, "topic-id" },
    { "measure_target", { "measure-id", "topic-id" }, { 1, 2 }, "topic-id" },
    { "indicator_topic", { "indicator-id", "topic-id" }, { 1, 3 }, "topic-id" },
    { "indicator_project", { "indicator-id", "project-id" }, { 1, 1 }, "project-id" },
    { "measure_link", { "from-measure-id", "to-measure-id" }, { 1, 2 }, "to-measure-id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (entity_cases); j++)
      {
        g_autoptr(GkRecord) record = NULL;
        g_autoptr(GkRecord) existing = NULL;

        if (!g_str_equal (entity_cases[j].table, cases[i].table))
          continue;
        record = entity_cases[j].make ();
        assert_valid (record, doc);
        g_object_set (record, cases[i].sets[0], cases[i].values[0], cases[i].sets[1], cases[i].values[1], NULL);
        if (GK_IS_MEASURE_LINK (record))
          gk_measure_link_set_kind (GK_MEASURE_LINK (record), GK_LINK_KIND_REINFORCES);
        assert_invalid (record, doc, GK_VALIDATION_ERROR_DUPLICATE, cases[i].field);

        /* The row itself, saved again, is no duplicate of itself. */
        existing = gk_record_copy (gk_document_lookup_in_table (doc, cases[i].table, 1));
        assert_valid (existing, doc);
      }

  {
    g_autoptr(GkRecord) measurement = make_measurement ();
    g_autoptr(GkRecord) existing = gk_record_copy (gk_document_lookup (doc, GK_TYPE_MEASUREMENT, 1));

    gk_measurement_set_period_date (GK_MEASUREMENT (measurement), "2026-02-01");
    assert_invalid (measurement, doc, GK_VALIDATION_ERROR_DUPLICATE, "period-date");
    gk_measurement_set_indicator_id (GK_MEASUREMENT (measurement), 2);
    assert_valid (measurement, doc);
    assert_valid (existing, doc);
  }

  g_assert_finalize_object (doc);
  sqlite3_close (db);
}

static void
test_delete_checks (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  GkDocument *doc = fixture_document_new (db);
  g_autoptr(GError) error = NULL;

  /* Fatima owns the active project "Wijkteams versterken". */
  g_assert_false (gk_validation_check_delete (GK_RECORD (gk_document_lookup_person (doc, 1)), doc, &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Wijkteams versterken"));
  g_clear_error (&error);
  g_assert_false (gk_document_delete (doc, GK_RECORD (gk_document_lookup_person (doc, 1)), &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_IN_USE);
  g_assert_nonnull (gk_document_lookup_person (doc, 1));
  g_clear_error (&error);

  g_assert_true (gk_validation_check_delete (GK_RECORD (gk_document_lookup_person (doc, 2)), doc, &error));
  g_assert_no_error (error);

  g_assert_false (gk_document_delete (doc, GK_RECORD (gk_document_get_programme (doc)), &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_finalize_object (doc);
  sqlite3_close (db);
}

/* ---- errors ---------------------------------------------------------------- */

static void
test_field_survives_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no");

  gk_validation_set_error (&error, GK_VALIDATION_ERROR_DATE_ORDER, "due-date", "The due date is before %s.",
                           "the start date");
  g_assert_cmpstr (error->message, ==, "The due date is before the start date.");
  copy = g_error_copy (error);
  g_assert_cmpstr (gk_validation_error_get_field (copy), ==, "due-date");
  g_assert_null (gk_validation_error_get_field (other));
  g_assert_null (gk_validation_error_get_field (NULL));
  gk_validation_set_error (NULL, GK_VALIDATION_ERROR_REQUIRED, "name", "ignored");
}

static void
test_sqlite_errors_are_clear (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  g_autoptr(GError) error = NULL;
  int rc;

  rc = sqlite3_exec (db, "UPDATE measure SET progress = 300 WHERE id = 1", NULL, NULL, NULL);
  gk_validation_set_sqlite_error (&error, db, rc);
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "CHECK"));
  g_assert_null (strstr (error->message, "progress"));
  g_assert_null (gk_validation_error_get_field (error));
  g_clear_error (&error);

  rc = sqlite3_exec (db, "INSERT INTO person (id, name) VALUES (1, 'Dubbel')", NULL, NULL, NULL);
  gk_validation_set_sqlite_error (&error, db, rc);
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "UNIQUE"));
  g_clear_error (&error);

  gk_validation_set_sqlite_error (&error, NULL, SQLITE_READONLY);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  gk_validation_set_sqlite_error (&error, NULL, SQLITE_FULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  gk_validation_set_sqlite_error (&error, NULL, SQLITE_BUSY);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);

  sqlite3_close (db);
}

static void
test_update_reports_field (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  GkDocument *doc = fixture_document_new (db);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_indicator (doc, 1)));
  g_autoptr(GError) error = NULL;

  gk_indicator_set_signal_control (GK_INDICATOR (copy), 6000);
  g_assert_false (gk_document_update (doc, copy, &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_SIGNAL_ORDER);
  g_assert_cmpstr (gk_validation_error_get_field (error), ==, "signal-serious");
  g_assert_cmpfloat (gk_indicator_get_signal_control (gk_document_lookup_indicator (doc, 1)), ==, 4700);

  g_assert_finalize_object (doc);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/required/texts", test_required_texts);
  g_test_add_func ("/validation/required/references", test_required_references);
  g_test_add_func ("/validation/required/levels-and-dates", test_required_levels_and_dates);
  g_test_add_func ("/validation/dates-must-exist", test_dates_must_exist);
  g_test_add_func ("/validation/choices-must-be-known", test_choices_must_be_known);
  g_test_add_func ("/validation/date-order", test_date_order);
  g_test_add_func ("/validation/ranges", test_ranges);
  g_test_add_func ("/validation/finite-numbers", test_numbers_must_be_finite);
  g_test_add_func ("/validation/signal-order", test_signal_order);
  g_test_add_func ("/validation/active-project-owner", test_active_project_needs_owner);
  g_test_add_func ("/validation/done-measure-date", test_done_measure_needs_done_date);
  g_test_add_func ("/validation/other-rules", test_other_rules);
  g_test_add_func ("/validation/document/references-exist", test_references_must_exist);
  g_test_add_func ("/validation/document/duplicates", test_duplicates);
  g_test_add_func ("/validation/document/delete", test_delete_checks);
  g_test_add_func ("/validation/document/update-reports-field", test_update_reports_field);
  g_test_add_func ("/validation/errors/field-survives-copy", test_field_survives_copy);
  g_test_add_func ("/validation/errors/sqlite", test_sqlite_errors_are_clear);

  return g_test_run ();
}
