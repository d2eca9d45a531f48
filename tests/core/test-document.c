/* test-document.c: loading a project file into live objects, and editing it
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "model-fixture.h"
#include "gk-document-private.h"

typedef struct {
  sqlite3    *db;
  GkDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = fixture_db_new (TRUE);
  fixture->document = fixture_document_new (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->document);
  g_assert_cmpint (sqlite3_close (fixture->db), ==, SQLITE_OK);
}

static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(GkRecord) record = g_list_model_get_item (model, position);

  return gk_record_get_id (record);
}

static void
assert_ids (GListModel   *model,
            const gint64 *ids,
            guint         n_ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (id_at (model, i), ==, ids[i]);
}

#define ASSERT_IDS(model, ...) \
  G_STMT_START { \
    const gint64 ids_[] = { __VA_ARGS__ }; \
    assert_ids ((model), ids_, G_N_ELEMENTS (ids_)); \
  } G_STMT_END

/* ---- loading --------------------------------------------------------------- */

static void
test_load_every_table (Fixture       *fixture,
                       gconstpointer  data)
{
  GkDocument *doc = fixture->document;

  /* Each list in its own order, whatever the order of the rows in the file. */
  ASSERT_IDS (gk_document_get_people (doc), 3, 1, 2);
  ASSERT_IDS (gk_document_get_topics (doc), 2, 1, 3);
  ASSERT_IDS (gk_document_get_assessments (doc), 2, 1, 3);
  ASSERT_IDS (gk_document_get_focus_projects (doc), 2, 1);
  ASSERT_IDS (gk_document_get_project_topics (doc), 1, 2);
  ASSERT_IDS (gk_document_get_measures (doc), 1, 2, 3);
  ASSERT_IDS (gk_document_get_measure_targets (doc), 1, 2);
  ASSERT_IDS (gk_document_get_measure_links (doc), 1, 2);
  ASSERT_IDS (gk_document_get_indicators (doc), 1, 2);
  ASSERT_IDS (gk_document_get_indicator_topics (doc), 1, 2);
  ASSERT_IDS (gk_document_get_indicator_projects (doc), 1);
  ASSERT_IDS (gk_document_get_measurements (doc), 2, 1, 3);
  ASSERT_IDS (gk_document_get_journal (doc), 2, 3, 1);
  ASSERT_IDS (gk_document_get_catalogue (doc), 1, 2);

  g_assert_true (g_list_model_get_item_type (gk_document_get_measures (doc)) == GK_TYPE_MEASURE);
  g_assert_false (gk_document_get_dirty (doc));
  g_assert_false (gk_document_can_undo (doc));
  g_assert_false (gk_document_can_redo (doc));
}

static void
test_load_values (Fixture       *fixture,
                  gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GkProgramme *programme = gk_document_get_programme (doc);
  GkTopic *topic;
  GkFocusProject *project;
  GkMeasure *measure;
  GkIndicator *indicator;
  GkAssessment *assessment;
  GkJournalEntry *entry;
  GkPerson *person;
  g_autofree char *updated_by = NULL;
  gint64 budget = 0;
  gboolean has_saving = TRUE;

  g_assert_nonnull (programme);
  g_assert_cmpstr (gk_programme_get_title (programme), ==, "Grip op het sociaal domein");
  g_assert_cmpint (gk_programme_get_domains (programme), ==, GK_DOMAIN_JEUGD | GK_DOMAIN_WMO);
  g_assert_cmpint (gk_programme_get_lead_id (programme), ==, 1);
  g_assert_cmpint (gk_programme_get_review_cycle (programme), ==, GK_REVIEW_CYCLE_QUARTERLY);
  g_assert_cmpint (gk_programme_get_headline_rule (programme), ==, GK_HEADLINE_RULE_MEDIAN);
  g_assert_cmpstr (gk_programme_get_end_date (programme), ==, "2027-12-31");

  person = gk_document_lookup_person (doc, 1);
  g_assert_cmpstr (gk_person_get_name (person), ==, "Fatima el Amrani");
  g_assert_cmpint (gk_person_get_role (person), ==, GK_ROLE_PROJECTLEIDER);
  g_assert_cmpint (gk_record_get_version (GK_RECORD (person)), ==, 1);
  g_assert_cmpstr (gk_record_get_updated_by (GK_RECORD (person)), ==, "seed");
  g_assert_cmpstr (gk_record_get_updated_at (GK_RECORD (person)), ==, "2026-01-01T00:00:00Z");
  g_assert_cmpstr (gk_record_get_table_name (GK_RECORD (person)), ==, "person");
  g_assert_cmpstr (gk_record_get_label (GK_RECORD (person)), ==, "Fatima el Amrani");

  topic = gk_document_lookup_topic (doc, 2);
  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Toegang");
  g_assert_cmpstr (gk_topic_get_description (topic), ==, "");   /* empty text is "" */
  g_assert_null (gk_topic_get_target_date (topic));              /* no date is NULL */
  g_assert_cmpint (gk_topic_get_target_level (topic), ==, GK_LEVEL_NONE);
  g_assert_cmpint (gk_topic_get_owner_id (topic), ==, 0);
  topic = gk_document_lookup_topic (doc, 1);
  g_assert_cmpint (gk_topic_get_target_level (topic), ==, GK_LEVEL_IN_CONTROL);
  g_assert_cmpint (gk_topic_get_owner_id (topic), ==, 3);

  project = gk_document_lookup_focus_project (doc, 1);
  g_assert_cmpint (gk_focus_project_get_status (project), ==, GK_PROJECT_STATUS_ACTIVE);
  g_assert_cmpint (gk_focus_project_get_health (project), ==, GK_HEALTH_AT_RISK);
  g_assert_cmpint (gk_focus_project_get_chain_phase (project), ==, GK_CHAIN_PHASE_INFLOW);
  g_assert_true (gk_focus_project_has_budget_cents (project));
  g_assert_cmpint (gk_focus_project_get_budget_cents (project), ==, 12500000);
  g_assert_false (gk_focus_project_has_saving_cents (project));
  /* The same through properties, as a view binds them. */
  g_object_get (project, "budget-cents", &budget, "has-saving-cents", &has_saving, NULL);
  g_assert_cmpint (budget, ==, 12500000);
  g_assert_false (has_saving);
  project = gk_document_lookup_focus_project (doc, 2);
  g_assert_cmpint (gk_focus_project_get_saving_cents (project), ==, -500);
  g_assert_cmpint (gk_focus_project_get_domains (project), ==,
                   GK_DOMAIN_JEUGD | GK_DOMAIN_WMO | GK_DOMAIN_PARTICIPATIE);

  measure = gk_document_lookup_measure (doc, 1);
  g_assert_cmpstr (gk_measure_get_title (measure), ==, "Praktijkondersteuner bij de huisarts");
  g_assert_cmpint (gk_measure_get_status (measure), ==, GK_MEASURE_STATUS_IN_PROGRESS);
  g_assert_cmpint (gk_measure_get_kind (measure), ==, GK_MEASURE_KIND_QUICK_WIN);
  g_assert_cmpint (gk_measure_get_progress (measure), ==, 40);
  g_assert_cmpstr (gk_measure_get_due_date (measure), ==, "2026-06-30");
  g_assert_null (gk_measure_get_done_date (measure));

  indicator = gk_document_lookup_indicator (doc, 1);
  g_assert_cmpint (gk_indicator_get_unit (indicator), ==, GK_UNIT_EURO);
  g_assert_cmpint (gk_indicator_get_direction (indicator), ==, GK_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpfloat (gk_indicator_get_baseline_value (indicator), ==, 5200.5);
  g_assert_cmpfloat (gk_indicator_get_signal_serious (indicator), ==, 5000);
  g_assert_cmpfloat (gk_indicator_get_signal_control (indicator), ==, 4700);
  indicator = gk_document_lookup_indicator (doc, 2);
  g_assert_false (gk_indicator_has_baseline_value (indicator));
  g_assert_false (gk_indicator_has_signal_serious (indicator));
  g_assert_cmpint (gk_indicator_get_direction (indicator), ==, GK_DIRECTION_HIGHER_IS_BETTER);
  g_assert_cmpint (gk_indicator_get_frequency (indicator), ==, GK_FREQUENCY_QUARTERLY);

  assessment = GK_ASSESSMENT (gk_document_lookup (doc, GK_TYPE_ASSESSMENT, 1));
  g_assert_cmpint (gk_assessment_get_level (assessment), ==, GK_LEVEL_SERIOUS);
  g_assert_cmpint (gk_assessment_get_confidence (assessment), ==, 6);
  g_assert_cmpstr (gk_assessment_get_rationale (assessment), ==, "Te veel aanbieders");

  entry = GK_JOURNAL_ENTRY (gk_document_lookup_in_table (doc, "journal_entry", 3));
  g_assert_cmpint (gk_journal_entry_get_kind (entry), ==, GK_JOURNAL_KIND_PROGRESS);
  g_assert_cmpint (gk_journal_entry_get_measure_id (entry), ==, 2);
  g_assert_cmpint (gk_journal_entry_get_project_id (entry), ==, 0);

  g_object_get (entry, "updated-by", &updated_by, NULL);
  g_assert_cmpstr (updated_by, ==, "seed");

  g_assert_null (gk_document_lookup_person (doc, 99));
  g_assert_true (gk_record_is_live (GK_RECORD (entry)));
}

static void
test_measurements_for_indicator (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) series = gk_document_get_measurements_for_indicator (fixture->document, 1);
  g_autoptr(GPtrArray) none = gk_document_get_measurements_for_indicator (fixture->document, 42);

  g_assert_cmpuint (series->len, ==, 2);
  g_assert_cmpstr (gk_measurement_get_period_date (series->pdata[0]), ==, "2026-01-01");
  g_assert_cmpstr (gk_measurement_get_period_date (series->pdata[1]), ==, "2026-02-01");
  g_assert_cmpfloat (gk_measurement_get_value (series->pdata[0]), ==, 5150.25);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_type_for_table (void)
{
  g_assert_true (gk_document_type_for_table ("measure") == GK_TYPE_MEASURE);
  g_assert_true (gk_document_type_for_table ("journal_entry") == GK_TYPE_JOURNAL_ENTRY);
  g_assert_true (gk_document_type_for_table ("change_log") == G_TYPE_INVALID);
}

static void
test_unexpected_schema (void)
{
  sqlite3 *db = fixture_db_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) doc = NULL;

  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE measure ADD COLUMN colour TEXT", NULL, NULL, NULL), ==, SQLITE_OK);
  doc = gk_document_new_for_db (db, &error);
  g_assert_null (doc);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "measure"));
  sqlite3_close (db);
}

static void
test_empty_file (void)
{
  sqlite3 *db = fixture_db_new (FALSE);
  GkDocument *doc = fixture_document_new (db);
  g_autoptr(GkProgramme) programme = gk_programme_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (gk_document_get_programme (doc));
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_topics (doc)), ==, 0);

  /* A new file gets its one programme row, with id 1. */
  gk_programme_set_title (programme, "Veranderopgave Jeugd");
  g_assert_true (gk_document_insert (doc, GK_RECORD (programme), &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (programme)), ==, 1);
  g_assert_nonnull (gk_document_get_programme (doc));
  g_assert_cmpstr (gk_programme_get_title (gk_document_get_programme (doc)), ==, "Veranderopgave Jeugd");

  g_assert_finalize_object (doc);
  sqlite3_close (db);
}

static void
test_load_inside_transaction (void)
{
  sqlite3 *db = fixture_db_new (TRUE);
  g_autoptr(GError) error = NULL;
  GkDocument *doc;

  /* The caller's transaction is left alone. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  doc = gk_document_new_for_db (db, &error);
  g_assert_no_error (error);
  g_assert_false (sqlite3_get_autocommit (db));
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_topics (doc)), ==, 3);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_finalize_object (doc);
  sqlite3_close (db);
}

static void
test_live_records_are_read_only (void)
{
  if (g_test_subprocess ())
    {
      sqlite3 *db = fixture_db_new (TRUE);
      GkDocument *doc = fixture_document_new (db);

      gk_topic_set_name (gk_document_lookup_topic (doc, 1), "Stiekem");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*read-only*gk_record_copy*");
}

static void
test_copy_is_detached (Fixture       *fixture,
                       gconstpointer  data)
{
  GkTopic *live = gk_document_lookup_topic (fixture->document, 1);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
  g_autoptr(GPtrArray) names = fixture_watch_notify (copy);

  g_assert_false (gk_record_is_live (copy));
  g_assert_true (gk_record_content_equal (copy, GK_RECORD (live)));
  g_assert_cmpint (gk_record_get_id (copy), ==, 1);

  g_object_set (copy, "name", "Inkoop en contractering", "target-date", "", NULL);
  g_assert_true (fixture_notified (names, "name"));
  g_assert_null (gk_topic_get_target_date (GK_TOPIC (copy)));   /* "" is no date */
  g_assert_cmpstr (gk_topic_get_name (live), ==, "Inkoop");
  g_assert_false (gk_record_content_equal (copy, GK_RECORD (live)));
  g_signal_handlers_disconnect_by_data (copy, names);
}

static void
test_nullable_numbers (void)
{
  g_autoptr(GkIndicator) indicator = gk_indicator_new ();
  g_autoptr(GPtrArray) names = fixture_watch_notify (indicator);
  gboolean has = TRUE;

  g_assert_false (gk_indicator_has_target_value (indicator));
  gk_indicator_set_target_value (indicator, 0.0);
  g_assert_true (gk_indicator_has_target_value (indicator));
  g_assert_true (fixture_notified (names, "has-target-value"));
  g_object_set (indicator, "has-target-value", FALSE, NULL);
  g_object_get (indicator, "has-target-value", &has, NULL);
  g_assert_false (has);
  gk_indicator_set_target_value (indicator, 12.5);
  gk_indicator_clear_target_value (indicator);
  g_assert_false (gk_indicator_has_target_value (indicator));
  g_signal_handlers_disconnect_by_data (indicator, names);
}

/* ---- editing every entity -------------------------------------------------- */

static void
assert_last_log (sqlite3    *db,
                 const char *expected)
{
  g_autofree char *last = fixture_query_text (db,
    "SELECT action || ' ' || table_name || ' ' || row_id || ' by ' || changed_by"
    " FROM change_log ORDER BY id DESC LIMIT 1");

  g_assert_cmpstr (last, ==, expected);
}

static void
test_insert_every_entity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      const EntityCase *c = &entity_cases[i];
      sqlite3 *db;
      GkDocument *doc;
      GListModel *list;
      GArray *log;
      g_autoptr(GkRecord) record = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected_log = NULL;
      g_autofree char *sql = NULL;
      GkRecord *live;
      guint n_items, n_changed = 0;
      gint64 n_log, id;

      if (c->make == NULL)
        continue;
      g_test_message ("insert %s", c->table);

      db = fixture_db_new (TRUE);
      doc = fixture_document_new (db);
      list = gk_document_get_list (doc, gk_document_type_for_table (c->table));
      n_items = g_list_model_get_n_items (list);
      n_log = fixture_total (db, "change_log");
      log = fixture_watch_list (list);
      g_signal_connect (doc, "changed", G_CALLBACK (fixture_on_changed), &n_changed);

      record = c->make ();
      g_assert_true (gk_document_insert (doc, record, &error));
      g_assert_no_error (error);

      /* The record handed in got its id and stamps. */
      id = gk_record_get_id (record);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (gk_record_get_version (record), ==, 1);
      g_assert_cmpstr (gk_record_get_updated_by (record), ==, "Tester");
      g_assert_cmpuint (strlen (gk_record_get_updated_at (record)), ==, 20);
      g_assert_false (gk_record_is_live (record));

      /* The file has the row ... */
      g_assert_cmpint (fixture_row_count (db, c->table, id), ==, 1);
      sql = g_strdup_printf ("SELECT version FROM %s WHERE id = %" G_GINT64_FORMAT, c->table, id);
      g_assert_cmpint (fixture_query_int (db, sql), ==, 1);

      /* ... the model a live object, announced at its position ... */
      live = gk_document_lookup_in_table (doc, c->table, id);
      g_assert_nonnull (live);
      g_assert_true (live != record);
      g_assert_true (gk_record_is_live (live));
      g_assert_true (gk_record_content_equal (live, record));
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_items + 1);
      g_assert_cmpuint (log->len, ==, 1);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).position, ==, fixture_position (list, live));
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).removed, ==, 0);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).added, ==, 1);

      /* ... and the change log a line, in the same transaction. */
      g_assert_cmpint (fixture_total (db, "change_log"), ==, n_log + 1);
      expected_log = g_strdup_printf ("insert %s %" G_GINT64_FORMAT " by Tester", c->table, id);
      assert_last_log (db, expected_log);

      g_assert_cmpuint (n_changed, ==, 1);
      g_assert_true (gk_document_get_dirty (doc));
      g_assert_true (gk_document_can_undo (doc));

      fixture_unwatch_list (list, log);
      g_signal_handlers_disconnect_by_data (doc, &n_changed);
      g_assert_finalize_object (doc);
      sqlite3_close (db);
    }
}

static void
test_update_every_entity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      const EntityCase *c = &entity_cases[i];
      sqlite3 *db = fixture_db_new (TRUE);
      GkDocument *doc = fixture_document_new (db);
      GListModel *list = gk_document_get_list (doc, gk_document_type_for_table (c->table));
      GkRecord *live = gk_document_lookup_in_table (doc, c->table, c->edit_id);
      g_autoptr(GkRecord) copy = gk_record_copy (live);
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *expected_log = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *column = NULL;
      GPtrArray *names;
      GArray *log;
      guint position = fixture_position (list, live);
      gint64 version = gk_record_get_version (live);

      g_test_message ("update %s", c->table);
      c->edit (copy);
      g_assert_false (gk_record_content_equal (copy, live));

      names = fixture_watch_notify (live);
      log = fixture_watch_list (list);
      g_assert_true (gk_document_update (doc, copy, &error));
      g_assert_no_error (error);

      /* The live object took the new values in place, and said so. */
      g_assert_true (gk_document_lookup_in_table (doc, c->table, c->edit_id) == live);
      g_assert_true (gk_record_content_equal (copy, live));
      g_assert_cmpint (gk_record_get_version (live), ==, version + 1);
      g_assert_cmpint (gk_record_get_version (copy), ==, version + 1);
      g_assert_cmpstr (gk_record_get_updated_by (live), ==, "Tester");
      g_assert_true (fixture_notified (names, c->edited_property));
      g_assert_true (fixture_notified (names, "version"));
      g_assert_false (fixture_notified (names, "id"));
      g_assert_cmpuint (log->len, ==, 1);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).position, ==, position);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).removed, ==, 1);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).added, ==, 1);

      sql = g_strdup_printf ("SELECT version FROM %s WHERE id = %" G_GINT64_FORMAT, c->table, c->edit_id);
      g_assert_cmpint (fixture_query_int (db, sql), ==, version + 1);
      expected_log = g_strdup_printf ("update %s %" G_GINT64_FORMAT " by Tester", c->table, c->edit_id);
      assert_last_log (db, expected_log);
      summary = fixture_query_text (db, "SELECT summary FROM change_log ORDER BY id DESC LIMIT 1");
      column = g_strdelimit (g_strdup (c->edited_property), "-", '_');
      g_assert_nonnull (strstr (summary, column));
      g_assert_true (g_str_has_prefix (summary, gk_document_get_undo_description (doc)));

      fixture_unwatch_list (list, log);
      fixture_unwatch_notify (live, names);
      g_assert_finalize_object (doc);
      sqlite3_close (db);
    }
}

static void
test_delete_every_entity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      const EntityCase *c = &entity_cases[i];
      sqlite3 *db;
      GkDocument *doc;
      GListModel *list;
      g_autoptr(GkRecord) held = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;
      GArray *log;
      guint position, n_items;

      if (c->delete_id == 0)
        continue;
      g_test_message ("delete %s", c->table);

      db = fixture_db_new (TRUE);
      doc = fixture_document_new (db);
      list = gk_document_get_list (doc, gk_document_type_for_table (c->table));
      held = g_object_ref (gk_document_lookup_in_table (doc, c->table, c->delete_id));
      position = fixture_position (list, held);
      n_items = g_list_model_get_n_items (list);
      log = fixture_watch_list (list);

      g_assert_true (gk_document_delete (doc, held, &error));
      g_assert_no_error (error);

      g_assert_null (gk_document_lookup_in_table (doc, c->table, c->delete_id));
      g_assert_false (gk_record_is_live (held));
      g_assert_cmpuint (fixture_position (list, held), ==, G_MAXUINT);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_items - 1);
      g_assert_cmpuint (log->len, ==, 1);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).position, ==, position);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).removed, ==, 1);
      g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).added, ==, 0);
      g_assert_cmpint (fixture_row_count (db, c->table, c->delete_id), ==, 0);
      sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE action = 'delete' AND table_name = '%s'"
                             " AND row_id = %" G_GINT64_FORMAT, c->table, c->delete_id);
      g_assert_cmpint (fixture_query_int (db, sql), ==, 1);

      fixture_unwatch_list (list, log);
      g_assert_finalize_object (doc);
      sqlite3_close (db);
    }
}

/* Every list must stay sorted after edits: compare neighbours by id order
 * of a fresh load of the same file. */
static void
assert_same_as_fresh_load (sqlite3    *db,
                           GkDocument *doc)
{
  GkDocument *fresh = fixture_document_new (db);
  const char * const *tables = gk_schema_tables ();

  for (guint t = 0; tables[t] != NULL; t++)
    {
      GType type = gk_document_type_for_table (tables[t]);
      GListModel *a, *b;

      if (type == G_TYPE_INVALID)
        continue;
      a = gk_document_get_list (doc, type);
      b = gk_document_get_list (fresh, type);
      g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
      for (guint i = 0; i < g_list_model_get_n_items (a); i++)
        {
          g_autoptr(GkRecord) x = g_list_model_get_item (a, i);
          g_autoptr(GkRecord) y = g_list_model_get_item (b, i);

          g_assert_cmpint (gk_record_get_id (x), ==, gk_record_get_id (y));
          g_assert_cmpint (gk_record_get_version (x), ==, gk_record_get_version (y));
          g_assert_true (gk_record_content_equal (x, y));
        }
    }
  g_assert_finalize_object (fresh);
}

static void
test_models_match_file_after_edits (Fixture       *fixture,
                                    gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      const EntityCase *c = &entity_cases[i];
      GkRecord *live = gk_document_lookup_in_table (doc, c->table, c->edit_id);

      if (live != NULL)
        {
          g_autoptr(GkRecord) copy = gk_record_copy (live);

          c->edit (copy);
          if (!gk_document_update (doc, copy, &error))
            {
              /* An earlier delete may have emptied what this edit needs. */
              g_test_message ("update %s: %s", c->table, error->message);
              g_clear_error (&error);
            }
        }
      if (c->make != NULL)
        {
          g_autoptr(GkRecord) record = c->make ();

          if (!gk_document_insert (doc, record, &error))
            {
              g_test_message ("insert %s: %s", c->table, error->message);
              g_clear_error (&error);
            }
        }
    }
  assert_same_as_fresh_load (fixture->db, doc);

  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      GkRecord *live = gk_document_lookup_in_table (doc, entity_cases[i].table, entity_cases[i].delete_id);

      if (live != NULL)
        g_assert_true (gk_document_delete (doc, live, NULL));
    }
  assert_same_as_fresh_load (fixture->db, doc);
}

static void
test_failed_validation_writes_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkTopic) topic = gk_topic_new ();
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_measure (doc, 1)));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fixture_dump (fixture->db);
  g_autofree char *after = NULL;
  gint64 n_log = fixture_total (fixture->db, "change_log");
  GArray *log = fixture_watch_list (gk_document_get_topics (doc));
  guint n_changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (fixture_on_changed), &n_changed);

  gk_topic_set_name (topic, "   ");
  g_assert_false (gk_document_insert (doc, GK_RECORD (topic), &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpstr (gk_validation_error_get_field (error), ==, "name");
  g_assert_cmpint (gk_record_get_id (GK_RECORD (topic)), ==, 0);
  g_clear_error (&error);

  gk_measure_set_progress (GK_MEASURE (copy), 120);
  g_assert_false (gk_document_update (doc, copy, &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (gk_validation_error_get_field (error), ==, "progress");
  g_assert_cmpint (gk_measure_get_progress (gk_document_lookup_measure (doc, 1)), ==, 40);

  after = fixture_dump (fixture->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (fixture_total (fixture->db, "change_log"), ==, n_log);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_false (gk_document_get_dirty (doc));
  g_assert_false (gk_document_can_undo (doc));

  fixture_unwatch_list (gk_document_get_topics (doc), log);
  g_signal_handlers_disconnect_by_data (doc, &n_changed);
}

static void
test_constraint_failure_is_clear_and_rolled_back (Fixture       *fixture,
                                                  gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkPerson) person = gk_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 n_log = fixture_total (fixture->db, "change_log");

  /* Asking for an id that exists slips past validation into the file. */
  gk_person_set_name (person, "Dubbel");
  gk_record_set_id (GK_RECORD (person), 1);
  g_assert_false (gk_document_insert (doc, GK_RECORD (person), &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "person"));
  g_assert_null (strstr (error->message, "UNIQUE"));
  g_assert_cmpint (fixture_total (fixture->db, "change_log"), ==, n_log);
  g_assert_cmpstr (gk_person_get_name (gk_document_lookup_person (doc, 1)), ==, "Fatima el Amrani");
  g_assert_true (sqlite3_get_autocommit (fixture->db));
}

static void
test_unchanged_copy_is_no_edit (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_topic (fixture->document, 1)));
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_update (fixture->document, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_record_get_version (copy), ==, 1);
  g_assert_false (gk_document_can_undo (fixture->document));
  g_assert_false (gk_document_get_dirty (fixture->document));
}

static void
test_version_conflict (Fixture       *fixture,
                       gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GkMeasure *live = gk_document_lookup_measure (doc, 1);
  g_autoptr(GkRecord) first = gk_record_copy (GK_RECORD (live));
  g_autoptr(GkRecord) second = gk_record_copy (GK_RECORD (live));
  g_autoptr(GError) error = NULL;

  gk_measure_set_progress (GK_MEASURE (first), 50);
  g_assert_true (gk_document_update (doc, first, &error));
  g_assert_no_error (error);

  /* The second editor started from version 1, which is gone. */
  gk_measure_set_title (GK_MEASURE (second), "Een andere titel");
  g_assert_false (gk_document_update (doc, second, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_CONFLICT);
  g_assert_cmpstr (gk_measure_get_title (live), ==, "Praktijkondersteuner bij de huisarts");
  g_assert_cmpint (gk_measure_get_progress (live), ==, 50);
  g_clear_error (&error);

  /* Deleting from a stale copy is refused too. */
  g_assert_false (gk_document_delete (doc, second, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_CONFLICT);
  g_assert_nonnull (gk_document_lookup_measure (doc, 1));
  g_clear_error (&error);

  /* Saving a copy of a row deleted meanwhile. */
  g_assert_true (gk_document_delete (doc, GK_RECORD (live), NULL));
  gk_measure_set_progress (GK_MEASURE (first), 70);
  g_assert_false (gk_document_update (doc, first, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_FOUND);
}

static void
test_update_moves_row_in_sorted_list (Fixture       *fixture,
                                      gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GListModel *topics = gk_document_get_topics (doc);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_topic (doc, 3)));
  GArray *log = fixture_watch_list (topics);

  ASSERT_IDS (topics, 2, 1, 3);
  gk_topic_set_position (GK_TOPIC (copy), -5);
  g_assert_true (gk_document_update (doc, copy, NULL));
  ASSERT_IDS (topics, 3, 2, 1);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).position, ==, 2);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 1).position, ==, 0);
  g_assert_cmpuint (g_array_index (log, ItemsChanged, 1).added, ==, 1);
  fixture_unwatch_list (topics, log);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_move (doc, GK_RECORD (gk_document_lookup_topic (doc, 3)), 0, &error));
  g_assert_no_error (error);
  ASSERT_IDS (gk_document_get_topics (doc), 3, 2, 1);
  g_assert_cmpint (gk_topic_get_position (gk_document_lookup_topic (doc, 3)), ==, 0);
  g_assert_cmpint (gk_topic_get_position (gk_document_lookup_topic (doc, 2)), ==, 1);
  g_assert_cmpint (gk_topic_get_position (gk_document_lookup_topic (doc, 1)), ==, 2);
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Move topic “Financiën”");

  /* A measure moves among the measures of its own project only. */
  g_assert_true (gk_document_move (doc, GK_RECORD (gk_document_lookup_measure (doc, 2)), 0, &error));
  ASSERT_IDS (gk_document_get_measures (doc), 2, 1, 3);
  g_assert_cmpint (gk_measure_get_position (gk_document_lookup_measure (doc, 3)), ==, 0);

  /* One step each. */
  g_assert_true (gk_document_undo (doc, NULL));
  g_assert_true (gk_document_undo (doc, NULL));
  ASSERT_IDS (gk_document_get_topics (doc), 2, 1, 3);
  ASSERT_IDS (gk_document_get_measures (doc), 1, 2, 3);
}

static void
test_new_rows_append (Fixture       *fixture,
                      gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) topic = make_topic ();
  g_autoptr(GkRecord) measure = make_measure ();

  g_assert_cmpint (gk_topic_get_position (GK_TOPIC (topic)), ==, -1);
  g_assert_true (gk_document_insert (doc, topic, NULL));
  g_assert_cmpint (gk_topic_get_position (GK_TOPIC (topic)), ==, 3);
  ASSERT_IDS (gk_document_get_topics (doc), 2, 1, 3, gk_record_get_id (topic));

  /* After the measures of its own project. */
  g_assert_true (gk_document_insert (doc, measure, NULL));
  g_assert_cmpint (gk_measure_get_position (GK_MEASURE (measure)), ==, 1);
}

static void
test_cascade_set_null (Fixture       *fixture,
                       gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GkTopic *topic = gk_document_lookup_topic (doc, 1);
  GkMeasure *measure = gk_document_lookup_measure (doc, 3);
  GPtrArray *names = fixture_watch_notify (topic);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gk_topic_get_owner_id (topic), ==, 3);
  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_person (doc, 3)), &error));
  g_assert_no_error (error);

  /* The rows the file emptied are live too, and were stamped as changed. */
  g_assert_cmpint (gk_topic_get_owner_id (topic), ==, 0);
  g_assert_cmpint (gk_measure_get_owner_id (measure), ==, 0);
  g_assert_true (fixture_notified (names, "owner-id"));
  g_assert_cmpint (gk_record_get_version (GK_RECORD (topic)), ==, 2);
  g_assert_cmpstr (gk_record_get_updated_by (GK_RECORD (topic)), ==, "Tester");
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT count(*) FROM change_log WHERE "
                                                   "table_name = 'topic' AND row_id = 1"), ==, 1);
  fixture_unwatch_notify (topic, names);
}

static void
test_cascade_delete_updates_models (Fixture       *fixture,
                                    gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GPtrArray) series = NULL;

  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_focus_project (doc, 1)), NULL));
  ASSERT_IDS (gk_document_get_measures (doc), 3);
  ASSERT_IDS (gk_document_get_measure_targets (doc), 2);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_measure_links (doc)), ==, 0);
  ASSERT_IDS (gk_document_get_journal (doc), 2);
  ASSERT_IDS (gk_document_get_project_topics (doc), 2);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_indicator_projects (doc)), ==, 0);

  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_indicator (doc, 1)), NULL));
  series = gk_document_get_measurements_for_indicator (doc, 1);
  g_assert_cmpuint (series->len, ==, 0);
  ASSERT_IDS (gk_document_get_measurements (doc), 3);
}

static void
test_measurement_index_follows_edits (Fixture       *fixture,
                                      gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) march = make_measurement ();
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GPtrArray) series = NULL;

  g_assert_true (gk_document_insert (doc, march, NULL));
  series = gk_document_get_measurements_for_indicator (doc, 1);
  g_assert_cmpuint (series->len, ==, 3);
  g_assert_cmpstr (gk_measurement_get_period_date (series->pdata[2]), ==, "2026-03-01");
  g_clear_pointer (&series, g_ptr_array_unref);

  /* Moving January to December moves it to the end of the series. */
  copy = gk_record_copy (gk_document_lookup (doc, GK_TYPE_MEASUREMENT, 2));
  gk_measurement_set_period_date (GK_MEASUREMENT (copy), "2026-12-01");
  g_assert_true (gk_document_update (doc, copy, NULL));
  series = gk_document_get_measurements_for_indicator (doc, 1);
  g_assert_cmpuint (series->len, ==, 3);
  g_assert_cmpint (gk_record_get_id (series->pdata[2]), ==, 2);
  g_clear_pointer (&series, g_ptr_array_unref);
  ASSERT_IDS (gk_document_get_measurements (doc), 1, gk_record_get_id (march), 2, 3);

  /* And to another indicator. */
  gk_measurement_set_indicator_id (GK_MEASUREMENT (copy), 2);
  g_assert_true (gk_document_update (doc, copy, NULL));
  series = gk_document_get_measurements_for_indicator (doc, 2);
  g_assert_cmpuint (series->len, ==, 2);
  g_clear_pointer (&series, g_ptr_array_unref);
  series = gk_document_get_measurements_for_indicator (doc, 1);
  g_assert_cmpuint (series->len, ==, 2);
  g_clear_pointer (&series, g_ptr_array_unref);

  g_assert_true (gk_document_delete (doc, march, NULL));
  series = gk_document_get_measurements_for_indicator (doc, 1);
  g_assert_cmpuint (series->len, ==, 1);
}

/* What the series of indicator 1 held while the measurements list said it
 * changed: a view that redraws the series then must see the change. */
typedef struct {
  GkDocument *document;
  GArray     *lengths;   /* guint, one per items-changed */
  GPtrArray  *latest;    /* the newest period date, one per items-changed */
} SeriesSeen;

static void
series_seen_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                SeriesSeen *seen)
{
  g_autoptr(GPtrArray) series = gk_document_get_measurements_for_indicator (seen->document, 1);

  g_array_append_val (seen->lengths, series->len);
  g_ptr_array_add (seen->latest, series->len > 0
                   ? g_strdup (gk_measurement_get_period_date (series->pdata[series->len - 1])) : NULL);
}

static void
assert_last_seen (SeriesSeen *seen,
                  guint       length,
                  const char *latest)
{
  g_assert_cmpuint (seen->lengths->len, >, 0);
  g_assert_cmpuint (g_array_index (seen->lengths, guint, seen->lengths->len - 1), ==, length);
  g_assert_cmpstr (seen->latest->pdata[seen->latest->len - 1], ==, latest);
}

static void
test_measurement_index_before_signal (Fixture       *fixture,
                                      gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) march = make_measurement ();
  g_autoptr(GkRecord) copy = NULL;
  SeriesSeen seen = { doc, g_array_new (FALSE, FALSE, sizeof (guint)), g_ptr_array_new_with_free_func (g_free) };
  gulong handler = g_signal_connect (gk_document_get_measurements (doc), "items-changed",
                                     G_CALLBACK (series_seen_cb), &seen);

  g_assert_true (gk_document_insert (doc, march, NULL));
  assert_last_seen (&seen, 3, "2026-03-01");

  /* January becomes December: the handler sees it at the end already. */
  copy = gk_record_copy (gk_document_lookup (doc, GK_TYPE_MEASUREMENT, 2));
  gk_measurement_set_period_date (GK_MEASUREMENT (copy), "2026-12-01");
  g_assert_true (gk_document_update (doc, copy, NULL));
  assert_last_seen (&seen, 3, "2026-12-01");

  g_assert_true (gk_document_undo (doc, NULL));
  assert_last_seen (&seen, 3, "2026-03-01");
  g_assert_true (gk_document_redo (doc, NULL));
  assert_last_seen (&seen, 3, "2026-12-01");

  g_assert_true (gk_document_delete (doc, march, NULL));
  assert_last_seen (&seen, 2, "2026-12-01");
  g_assert_true (gk_document_undo (doc, NULL));
  assert_last_seen (&seen, 3, "2026-12-01");

  g_signal_handler_disconnect (gk_document_get_measurements (doc), handler);
  g_array_unref (seen.lengths);
  g_ptr_array_unref (seen.latest);
}

static void
test_add_measure_from_catalogue (Fixture       *fixture,
                                 gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GkCatalogueMeasure *entry = GK_CATALOGUE_MEASURE (gk_document_lookup (doc, GK_TYPE_CATALOGUE_MEASURE, 1));
  g_autoptr(GError) error = NULL;
  GkMeasure *measure;
  GkMeasureTarget *target;
  GListModel *targets = gk_document_get_measure_targets (doc);

  measure = gk_document_add_measure_from_catalogue (doc, entry, 2, 1, GK_LEVEL_IN_CONTROL, "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_nonnull (measure);
  g_assert_true (gk_record_is_live (GK_RECORD (measure)));
  g_assert_cmpstr (gk_measure_get_title (measure), ==, "Resultaatgericht inkopen");
  g_assert_cmpstr (gk_measure_get_expected_effect (measure), ==, "Lagere kosten");
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 3);
  target = g_list_model_get_item (targets, 2);
  g_assert_cmpint (gk_measure_target_get_measure_id (target), ==, gk_record_get_id (GK_RECORD (measure)));
  g_assert_cmpint (gk_measure_target_get_target_level (target), ==, GK_LEVEL_IN_CONTROL);
  g_object_unref (target);
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==,
                   "Add measure “Resultaatgericht inkopen” from the catalogue");

  /* A target that cannot be made leaves no measure either. */
  measure = gk_document_add_measure_from_catalogue (doc, entry, 2, 99, GK_LEVEL_IN_CONTROL, NULL, &error);
  g_assert_null (measure);
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_INVALID_VALUE);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_measures (doc)), ==, 4);
  g_assert_cmpint (fixture_total (fixture->db, "measure"), ==, 4);
}

static void
test_reload_after_external_change (Fixture       *fixture,
                                   gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GkTopic *topic = gk_document_lookup_topic (doc, 1);
  sqlite3_session *session = NULL;
  void *changeset = NULL;
  int size = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (fixture_on_changed), &n_changed);

  /* As a merge would: change the file directly, with a session. */
  g_assert_cmpint (sqlite3session_create (fixture->db, "main", &session), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3session_attach (session, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (fixture->db,
                                 "UPDATE topic SET name = 'Inkoop en contractering', version = 2 WHERE id = 1;"
                                 "DELETE FROM catalogue_measure WHERE id = 2;"
                                 "INSERT INTO person (id, name) VALUES (7, 'Bram Visser');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3session_changeset (session, &size, &changeset), ==, SQLITE_OK);
  bytes = g_bytes_new_with_free_func (changeset, size, sqlite3_free, changeset);
  sqlite3session_delete (session);

  gk_document_reload_rows (doc, bytes);
  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Inkoop en contractering");
  g_assert_null (gk_document_lookup (doc, GK_TYPE_CATALOGUE_MEASURE, 2));
  g_assert_nonnull (gk_document_lookup_person (doc, 7));
  ASSERT_IDS (gk_document_get_people (doc), 3, 7, 1, 2);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Or without knowing what changed. */
  g_assert_cmpint (sqlite3_exec (fixture->db,
                                 "UPDATE topic SET name = 'Inkoop', version = 3 WHERE id = 1;"
                                 "DELETE FROM person WHERE id = 7;"
                                 "INSERT INTO journal_entry (id, date, text) VALUES (9, '2026-05-01', 'Nieuw');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gk_document_reload_all (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Inkoop");
  g_assert_true (gk_document_lookup_topic (doc, 1) == topic);
  g_assert_null (gk_document_lookup_person (doc, 7));
  ASSERT_IDS (gk_document_get_journal (doc), 9, 2, 3, 1);
  assert_same_as_fresh_load (fixture->db, doc);

  g_signal_handlers_disconnect_by_data (doc, &n_changed);
}

static void
test_document_properties (Fixture       *fixture,
                          gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GPtrArray *names = fixture_watch_notify (doc);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_person (doc, 2)));
  g_autofree char *by = NULL;

  g_object_set (doc, "user-name", "Pieter Smit", NULL);
  g_assert_true (fixture_notified (names, "user-name"));
  gk_person_set_email (GK_PERSON (copy), "jan@example.nl");
  g_assert_true (gk_document_update (doc, copy, NULL));
  g_assert_true (fixture_notified (names, "dirty"));
  g_assert_true (fixture_notified (names, "can-undo"));
  g_assert_true (fixture_notified (names, "undo-description"));
  by = fixture_query_text (fixture->db, "SELECT updated_by FROM person WHERE id = 2");
  g_assert_cmpstr (by, ==, "Pieter Smit");

  g_ptr_array_set_size (names, 0);
  gk_document_set_dirty (doc, FALSE);
  g_assert_false (gk_document_get_dirty (doc));
  g_assert_true (fixture_notified (names, "dirty"));
  fixture_unwatch_notify (doc, names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/document/load/every-table", test_load_every_table);
  ADD ("/document/load/values", test_load_values);
  ADD ("/document/load/measurements-for-indicator", test_measurements_for_indicator);
  g_test_add_func ("/document/load/type-for-table", test_type_for_table);
  g_test_add_func ("/document/load/unexpected-schema", test_unexpected_schema);
  g_test_add_func ("/document/load/empty-file", test_empty_file);
  g_test_add_func ("/document/load/inside-transaction", test_load_inside_transaction);
  g_test_add_func ("/document/records/live-read-only", test_live_records_are_read_only);
  ADD ("/document/records/copy-is-detached", test_copy_is_detached);
  g_test_add_func ("/document/records/nullable-numbers", test_nullable_numbers);
  g_test_add_func ("/document/edit/insert-every-entity", test_insert_every_entity);
  g_test_add_func ("/document/edit/update-every-entity", test_update_every_entity);
  g_test_add_func ("/document/edit/delete-every-entity", test_delete_every_entity);
  ADD ("/document/edit/models-match-file", test_models_match_file_after_edits);
  ADD ("/document/edit/failed-validation-writes-nothing", test_failed_validation_writes_nothing);
  ADD ("/document/edit/constraint-failure", test_constraint_failure_is_clear_and_rolled_back);
  ADD ("/document/edit/unchanged-copy", test_unchanged_copy_is_no_edit);
  ADD ("/document/edit/version-conflict", test_version_conflict);
  ADD ("/document/edit/sorted-list-moves-row", test_update_moves_row_in_sorted_list);
  ADD ("/document/edit/move", test_move);
  ADD ("/document/edit/new-rows-append", test_new_rows_append);
  ADD ("/document/edit/cascade-set-null", test_cascade_set_null);
  ADD ("/document/edit/cascade-delete", test_cascade_delete_updates_models);
  ADD ("/document/edit/measurement-index", test_measurement_index_follows_edits);
  ADD ("/document/edit/measurement-index-before-signal", test_measurement_index_before_signal);
  ADD ("/document/edit/measure-from-catalogue", test_add_measure_from_catalogue);
  ADD ("/document/reload", test_reload_after_external_change);
  ADD ("/document/properties", test_document_properties);

  return g_test_run ();
}
