/* test-undo.c: the undo stack, and undo and redo of every kind of edit
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-undo-stack.h"
#include "model-fixture.h"

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

static void
undo_ok (GkDocument *doc)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_undo (doc, &error));
  g_assert_no_error (error);
}

static void
redo_ok (GkDocument *doc)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_redo (doc, &error));
  g_assert_no_error (error);
}

/* The objects a fresh load of the file gives equal the live ones. */
static void
assert_models_match_file (sqlite3    *db,
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

/* ---- the stack alone ------------------------------------------------------- */

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_stack (void)
{
  g_autoptr(GkUndoStack) stack = gk_undo_stack_new (3);
  g_autoptr(GBytes) a = bytes ("a"), b = bytes ("b"), c = bytes ("c"), d = bytes ("d"), x = bytes ("x");
  GPtrArray *names = fixture_watch_notify (stack);

  g_assert_false (gk_undo_stack_can_undo (stack));
  g_assert_null (gk_undo_stack_get_undo_description (stack));
  g_assert_null (gk_undo_stack_peek_undo (stack));

  gk_undo_stack_push (stack, "A", a);
  g_assert_true (fixture_notified (names, "can-undo"));
  g_assert_true (fixture_notified (names, "undo-description"));
  gk_undo_stack_push (stack, "B", b);
  gk_undo_stack_push (stack, "C", c);
  gk_undo_stack_push (stack, "D", d);
  /* The limit forgets the oldest. */
  g_assert_cmpuint (gk_undo_stack_get_n_undo (stack), ==, 3);
  g_assert_cmpstr (gk_undo_stack_get_undo_description (stack), ==, "D");
  g_assert_true (gk_undo_stack_peek_undo (stack) == d);

  g_ptr_array_set_size (names, 0);
  gk_undo_stack_undone (stack, x);
  g_assert_cmpstr (gk_undo_stack_get_undo_description (stack), ==, "C");
  g_assert_cmpstr (gk_undo_stack_get_redo_description (stack), ==, "D");
  g_assert_true (gk_undo_stack_peek_redo (stack) == x);   /* the changeset the undo made */
  g_assert_true (fixture_notified (names, "can-redo"));
  g_assert_true (fixture_notified (names, "redo-description"));

  gk_undo_stack_redone (stack, d);
  g_assert_cmpstr (gk_undo_stack_get_undo_description (stack), ==, "D");
  g_assert_false (gk_undo_stack_can_redo (stack));

  gk_undo_stack_undone (stack, x);
  g_assert_true (gk_undo_stack_can_redo (stack));
  gk_undo_stack_push (stack, "E", a);
  g_assert_false (gk_undo_stack_can_redo (stack));   /* a new step forgets the redo side */

  gk_undo_stack_clear (stack);
  g_assert_false (gk_undo_stack_can_undo (stack));
  g_assert_cmpuint (gk_undo_stack_get_n_undo (stack), ==, 0);
  fixture_unwatch_notify (stack, names);
}

/* ---- every kind of edit on every entity ------------------------------------ */

static void
test_undo_insert_every_entity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      const EntityCase *c = &entity_cases[i];
      sqlite3 *db;
      GkDocument *doc;
      g_autoptr(GkRecord) record = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      GkRecord *live;
      gint64 id;

      if (c->make == NULL)
        continue;
      g_test_message ("insert %s", c->table);
      db = fixture_db_new (TRUE);
      doc = fixture_document_new (db);
      before = fixture_dump (db);

      record = c->make ();
      g_assert_true (gk_document_insert (doc, record, NULL));
      id = gk_record_get_id (record);
      after = fixture_dump (db);

      undo_ok (doc);
      undone = fixture_dump (db);
      g_assert_cmpstr (undone, ==, before);
      g_assert_null (gk_document_lookup_in_table (doc, c->table, id));
      assert_models_match_file (db, doc);

      redo_ok (doc);
      redone = fixture_dump (db);
      g_assert_cmpstr (redone, ==, after);
      live = gk_document_lookup_in_table (doc, c->table, id);
      g_assert_nonnull (live);
      g_assert_true (gk_record_content_equal (live, record));
      assert_models_match_file (db, doc);

      g_assert_finalize_object (doc);
      sqlite3_close (db);
    }
}

static void
test_undo_update_every_entity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      const EntityCase *c = &entity_cases[i];
      sqlite3 *db = fixture_db_new (TRUE);
      GkDocument *doc = fixture_document_new (db);
      GkRecord *live = gk_document_lookup_in_table (doc, c->table, c->edit_id);
      g_autoptr(GkRecord) original = gk_record_copy (live);
      g_autoptr(GkRecord) copy = gk_record_copy (live);
      g_autofree char *before = fixture_dump (db);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      GPtrArray *names;

      g_test_message ("update %s", c->table);
      c->edit (copy);
      g_assert_true (gk_document_update (doc, copy, NULL));
      g_assert_cmpint (gk_record_get_version (live), ==, 2);
      after = fixture_dump (db);

      names = fixture_watch_notify (live);
      undo_ok (doc);
      undone = fixture_dump (db);
      g_assert_cmpstr (undone, ==, before);
      /* The same object, with the old values back, told so ... */
      g_assert_true (gk_document_lookup_in_table (doc, c->table, c->edit_id) == live);
      g_assert_true (gk_record_content_equal (live, original));
      g_assert_true (fixture_notified (names, c->edited_property));
      /* ... and a new version: an undo is a change too. */
      g_assert_cmpint (gk_record_get_version (live), ==, 3);
      assert_models_match_file (db, doc);

      redo_ok (doc);
      g_assert_true (gk_record_content_equal (live, copy));
      g_assert_cmpint (gk_record_get_version (live), ==, 4);
      g_free (undone);
      undone = fixture_dump (db);
      g_assert_cmpstr (undone, ==, after);
      assert_models_match_file (db, doc);

      fixture_unwatch_notify (live, names);
      g_assert_finalize_object (doc);
      sqlite3_close (db);
    }
}

static void
test_undo_delete_every_entity (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      const EntityCase *c = &entity_cases[i];
      sqlite3 *db;
      GkDocument *doc;
      g_autoptr(GkRecord) original = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      GkRecord *back;

      if (c->delete_id == 0)
        continue;
      g_test_message ("delete %s", c->table);
      db = fixture_db_new (TRUE);
      doc = fixture_document_new (db);
      before = fixture_dump (db);
      original = gk_record_copy (gk_document_lookup_in_table (doc, c->table, c->delete_id));

      g_assert_true (gk_document_delete (doc, original, NULL));
      after = fixture_dump (db);

      undo_ok (doc);
      undone = fixture_dump (db);
      g_assert_cmpstr (undone, ==, before);
      back = gk_document_lookup_in_table (doc, c->table, c->delete_id);
      g_assert_nonnull (back);
      g_assert_true (gk_record_content_equal (back, original));
      g_assert_cmpint (gk_record_get_version (back), >, gk_record_get_version (original));
      assert_models_match_file (db, doc);

      redo_ok (doc);
      redone = fixture_dump (db);
      g_assert_cmpstr (redone, ==, after);
      g_assert_null (gk_document_lookup_in_table (doc, c->table, c->delete_id));
      assert_models_match_file (db, doc);

      g_assert_finalize_object (doc);
      sqlite3_close (db);
    }
}

/* ---- cascades --------------------------------------------------------------- */

static void
test_undo_delete_project_with_cascade (Fixture       *fixture,
                                       gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autofree char *before = fixture_dump (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *again = NULL;
  GListModel *measures = gk_document_get_measures (doc);
  GArray *log;

  /* Project 1 has measures 1 and 2, a target, links (one from project 2's
   * measure), journal entries, a topic and an indicator. */
  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_focus_project (doc, 1)), NULL));
  g_assert_cmpint (fixture_total (fixture->db, "measure"), ==, 1);
  g_assert_cmpint (fixture_total (fixture->db, "measure_link"), ==, 0);
  g_assert_cmpint (fixture_total (fixture->db, "measure_target"), ==, 1);
  g_assert_cmpint (fixture_total (fixture->db, "journal_entry"), ==, 1);
  after = fixture_dump (fixture->db);
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Delete focus project “Wijkteams versterken”");

  log = fixture_watch_list (measures);
  undo_ok (doc);
  undone = fixture_dump (fixture->db);
  g_assert_cmpstr (undone, ==, before);   /* every row back, with the same ids */
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 3);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (gk_measure_get_title (gk_document_lookup_measure (doc, 2)), ==, "Triage aan de voorkant");
  g_assert_nonnull (gk_document_lookup (doc, GK_TYPE_MEASURE_LINK, 2));
  g_assert_nonnull (gk_document_lookup (doc, GK_TYPE_JOURNAL_ENTRY, 3));
  assert_models_match_file (fixture->db, doc);
  fixture_unwatch_list (measures, log);

  redo_ok (doc);
  again = fixture_dump (fixture->db);
  g_assert_cmpstr (again, ==, after);
  assert_models_match_file (fixture->db, doc);

  undo_ok (doc);
  g_free (undone);
  undone = fixture_dump (fixture->db);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (fixture_query_int (fixture->db, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_undo_delete_person_set_null (Fixture       *fixture,
                                  gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autofree char *before = fixture_dump (fixture->db);
  g_autofree char *undone = NULL;

  /* Person 2 owns topic 3 and measure 1 and made assessment 3. */
  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_person (doc, 2)), NULL));
  g_assert_cmpint (gk_topic_get_owner_id (gk_document_lookup_topic (doc, 3)), ==, 0);
  g_assert_cmpint (gk_measure_get_owner_id (gk_document_lookup_measure (doc, 1)), ==, 0);

  undo_ok (doc);
  undone = fixture_dump (fixture->db);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (gk_topic_get_owner_id (gk_document_lookup_topic (doc, 3)), ==, 2);
  g_assert_cmpint (gk_measure_get_owner_id (gk_document_lookup_measure (doc, 1)), ==, 2);
  g_assert_cmpint (gk_assessment_get_assessed_by_id (GK_ASSESSMENT (gk_document_lookup (doc, GK_TYPE_ASSESSMENT, 3))),
                   ==, 2);
  assert_models_match_file (fixture->db, doc);

  redo_ok (doc);
  g_assert_null (gk_document_lookup_person (doc, 2));
  g_assert_cmpint (gk_topic_get_owner_id (gk_document_lookup_topic (doc, 3)), ==, 0);
  assert_models_match_file (fixture->db, doc);
}

/* ---- groups ----------------------------------------------------------------- */

static void
test_group_is_one_step (Fixture       *fixture,
                        gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) project = make_focus_project ();
  g_autoptr(GkMeasure) measure = gk_measure_new ();
  g_autoptr(GkMeasureTarget) target = gk_measure_target_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fixture_dump (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  guint n_changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (fixture_on_changed), &n_changed);

  gk_document_begin_group (doc, "Start project “Werk voorop”");
  g_assert_true (gk_document_insert (doc, project, &error));
  /* Inside the group the new rows are live already ... */
  g_assert_nonnull (gk_document_lookup (doc, GK_TYPE_FOCUS_PROJECT, gk_record_get_id (project)));
  gk_measure_set_project_id (measure, gk_record_get_id (project));
  gk_measure_set_title (measure, "Werkfit-traject");
  g_assert_true (gk_document_insert (doc, GK_RECORD (measure), &error));
  gk_document_begin_group (doc, "nested");
  gk_measure_target_set_measure_id (target, gk_record_get_id (GK_RECORD (measure)));
  gk_measure_target_set_topic_id (target, 1);
  gk_measure_target_set_target_level (target, GK_LEVEL_VIGILANT);
  g_assert_true (gk_document_insert (doc, GK_RECORD (target), &error));
  g_assert_true (gk_document_end_group (doc, &error));
  /* ... but nothing is committed nor a step yet. */
  g_assert_false (sqlite3_get_autocommit (fixture->db));
  g_assert_false (gk_document_can_undo (doc));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_true (gk_document_end_group (doc, &error));
  g_assert_no_error (error);

  g_assert_true (sqlite3_get_autocommit (fixture->db));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Start project “Werk voorop”");
  after = fixture_dump (fixture->db);

  undo_ok (doc);
  now = fixture_dump (fixture->db);
  g_assert_cmpstr (now, ==, before);
  g_assert_false (gk_document_can_undo (doc));
  g_assert_null (gk_document_lookup_measure (doc, gk_record_get_id (GK_RECORD (measure))));
  assert_models_match_file (fixture->db, doc);

  redo_ok (doc);
  g_free (now);
  now = fixture_dump (fixture->db);
  g_assert_cmpstr (now, ==, after);
  g_assert_nonnull (gk_document_lookup (doc, GK_TYPE_MEASURE_TARGET, gk_record_get_id (GK_RECORD (target))));
  assert_models_match_file (fixture->db, doc);

  g_signal_handlers_disconnect_by_data (doc, &n_changed);
}

/* A copy of a list kept only from its items-changed: what a view sees. */
static void
mirror_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, (int) (position + i), g_list_model_get_item (model, position + i));
}

static GPtrArray *
mirror_new (GListModel *model)
{
  GPtrArray *mirror = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (mirror, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed), mirror);
  return mirror;
}

static void
assert_mirror_is (GPtrArray  *mirror,
                  GListModel *model)
{
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (mirror->pdata[i] == item);
    }
}

/* Many inserts in one group (an import): the list hears of them in
 * items-changed that put each new row in its place, the rows are live in
 * the group already, one bad row is refused without harm, every row has
 * its change log row, and one undo takes them all away. */
static void
test_many_inserts_in_group (Fixture       *fixture,
                            gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GListModel *list = gk_document_get_measurements (doc);
  g_autoptr(GPtrArray) mirror = mirror_new (list);
  g_autoptr(GArray) changes = fixture_watch_list (list);
  g_autoptr(GkRecord) duplicate = make_measurement ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fixture_dump (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  gint64 n_log = fixture_total (fixture->db, "change_log");
  guint n_before = g_list_model_get_n_items (list);
  guint n_new = 0;
  gint64 last_id = 0;

  gk_document_begin_group (doc, "Import figures");
  /* Newest first and the two indicators interleaved, around the figures
   * already there (indicator 1: 2026-01 and 2026-02; 2: 2026-Q1). */
  for (int month = 119; month >= 0; month--)
    for (gint64 indicator = 1; indicator <= 2; indicator++)
      {
        g_autoptr(GkMeasurement) measurement = NULL;
        g_autofree char *period = g_strdup_printf ("%d-%02d-01", 2020 + month / 12, month % 12 + 1);

        if (indicator == 2 && month % 3 != 0)
          continue;
        if (g_str_equal (period, "2026-01-01") || (indicator == 1 && g_str_equal (period, "2026-02-01")))
          continue;
        measurement = gk_measurement_new ();
        gk_measurement_set_indicator_id (measurement, indicator);
        gk_measurement_set_period_date (measurement, period);
        gk_measurement_set_value (measurement, month);
        g_assert_true (gk_document_insert (doc, GK_RECORD (measurement), &error));
        g_assert_no_error (error);
        /* Live at once, with its id and version. */
        g_assert_nonnull (gk_document_lookup (doc, GK_TYPE_MEASUREMENT, gk_record_get_id (GK_RECORD (measurement))));
        g_assert_cmpint (gk_record_get_version (GK_RECORD (measurement)), ==, 1);
        last_id = gk_record_get_id (GK_RECORD (measurement));
        n_new++;
      }
  /* A row added in the group can be changed in it: the list takes the
   * rows waiting for it first. */
  {
    g_autoptr(GkRecord) copy = gk_record_copy (gk_document_lookup (doc, GK_TYPE_MEASUREMENT, last_id));

    gk_measurement_set_value (GK_MEASUREMENT (copy), 12345);
    g_assert_true (gk_document_update (doc, copy, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_before + n_new);
    assert_mirror_is (mirror, list);
  }
  /* A second figure for a period that has one is refused. */
  g_assert_false (gk_document_insert (doc, duplicate, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gk_document_end_group (doc, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_new, ==, 118 + 39);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_before + n_new);
  assert_mirror_is (mirror, list);
  /* Fewer signals than rows: runs of new rows arrive together. */
  g_assert_cmpuint (changes->len, <, n_new);
  /* Nothing taken out but the changed row, rebound in place. */
  for (guint i = 0, n_rebound = 0; i < changes->len; i++)
    if (g_array_index (changes, ItemsChanged, i).removed > 0)
      {
        g_assert_cmpuint (g_array_index (changes, ItemsChanged, i).removed, ==, 1);
        g_assert_cmpuint (g_array_index (changes, ItemsChanged, i).added, ==, 1);
        g_assert_cmpuint (++n_rebound, ==, 1);
      }
  assert_models_match_file (fixture->db, doc);
  g_assert_cmpint (fixture_total (fixture->db, "change_log"), ==, n_log + n_new + 1);
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT count(*) FROM change_log WHERE action = 'insert' "
                                      "AND table_name = 'measurement' AND summary LIKE 'Enter measurement for %'"),
                   ==, n_new);
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Import figures");
  after = fixture_dump (fixture->db);

  undo_ok (doc);
  now = fixture_dump (fixture->db);
  g_assert_cmpstr (now, ==, before);
  g_assert_false (gk_document_can_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_before);
  assert_mirror_is (mirror, list);
  assert_models_match_file (fixture->db, doc);

  redo_ok (doc);
  g_free (now);
  now = fixture_dump (fixture->db);
  g_assert_cmpstr (now, ==, after);
  assert_mirror_is (mirror, list);
  assert_models_match_file (fixture->db, doc);

  g_signal_handlers_disconnect_by_data (list, mirror);
  fixture_unwatch_list (list, g_steal_pointer (&changes));
}

static void
test_cancel_group (Fixture       *fixture,
                   gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) topic = make_topic ();
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_measure (doc, 1)));
  g_autofree char *before = fixture_dump (fixture->db);
  g_autofree char *now = NULL;
  gint64 n_log = fixture_total (fixture->db, "change_log");

  gk_document_begin_group (doc, "Reorganise");
  g_assert_true (gk_document_insert (doc, topic, NULL));
  gk_measure_set_progress (GK_MEASURE (copy), 90);
  g_assert_true (gk_document_update (doc, copy, NULL));
  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_person (doc, 3)), NULL));
  g_assert_cmpint (gk_measure_get_progress (gk_document_lookup_measure (doc, 1)), ==, 90);
  gk_document_cancel_group (doc);

  now = fixture_dump (fixture->db);
  g_assert_cmpstr (now, ==, before);
  g_assert_cmpint (fixture_total (fixture->db, "change_log"), ==, n_log);
  g_assert_cmpint (gk_measure_get_progress (gk_document_lookup_measure (doc, 1)), ==, 40);
  g_assert_nonnull (gk_document_lookup_person (doc, 3));
  g_assert_null (gk_document_lookup_topic (doc, gk_record_get_id (topic)));
  g_assert_false (gk_document_can_undo (doc));
  g_assert_true (sqlite3_get_autocommit (fixture->db));
  assert_models_match_file (fixture->db, doc);
}

static void
test_failed_edit_in_group (Fixture       *fixture,
                           gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) topic = make_topic ();
  g_autoptr(GkRecord) bad = make_topic ();
  g_autoptr(GError) error = NULL;

  gk_document_begin_group (doc, "Two topics");
  g_assert_true (gk_document_insert (doc, topic, NULL));
  gk_topic_set_name (GK_TOPIC (bad), "");
  g_assert_false (gk_document_insert (doc, bad, &error));
  g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  /* Undo is refused while the group is open. */
  g_assert_false (gk_document_undo (doc, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (gk_document_end_group (doc, &error));
  g_assert_no_error (error);

  /* The good edit stayed. */
  g_assert_nonnull (gk_document_lookup_topic (doc, gk_record_get_id (topic)));
  g_assert_cmpint (fixture_total (fixture->db, "topic"), ==, 4);
  undo_ok (doc);
  g_assert_cmpint (fixture_total (fixture->db, "topic"), ==, 3);
}

/* ---- history ---------------------------------------------------------------- */

static void
test_new_edit_clears_redo (Fixture       *fixture,
                           gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) a = make_topic ();
  g_autoptr(GkRecord) b = make_person ();

  g_assert_true (gk_document_insert (doc, a, NULL));
  undo_ok (doc);
  g_assert_true (gk_document_can_redo (doc));
  g_assert_true (gk_document_insert (doc, b, NULL));
  g_assert_false (gk_document_can_redo (doc));
  g_assert_null (gk_document_get_redo_description (doc));
}

/* Undoing back to what was saved makes the document clean again; a step
 * that forgot the saved state (a new edit after undoing past it) never
 * does, nor does the stack dropping its oldest steps. */
static void
test_undo_back_to_saved_is_clean (Fixture       *fixture,
                                  gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) a = make_topic ();
  g_autoptr(GkRecord) b = make_person ();
  g_autoptr(GkRecord) c = make_person ();

  g_assert_true (gk_document_insert (doc, a, NULL));
  gk_document_set_dirty (doc, FALSE);                  /* saved with a */
  g_assert_true (gk_document_insert (doc, b, NULL));
  g_assert_true (gk_document_get_dirty (doc));
  undo_ok (doc);
  g_assert_false (gk_document_get_dirty (doc));
  undo_ok (doc);                                        /* before the save */
  g_assert_true (gk_document_get_dirty (doc));
  redo_ok (doc);
  g_assert_false (gk_document_get_dirty (doc));
  redo_ok (doc);
  g_assert_true (gk_document_get_dirty (doc));

  /* saved after a and b; undo b and make another edit: the saved state is
   * gone from the history */
  gk_document_set_dirty (doc, FALSE);
  undo_ok (doc);
  g_assert_true (gk_document_insert (doc, c, NULL));
  undo_ok (doc);
  g_assert_true (gk_document_get_dirty (doc));
}

static void
test_stack_states (void)
{
  g_autoptr(GkUndoStack) stack = gk_undo_stack_new (2);
  g_autoptr(GBytes) changes = g_bytes_new_static ("x", 1);
  guint64 empty = gk_undo_stack_get_state (stack), one, two;

  gk_undo_stack_push (stack, "one", changes);
  one = gk_undo_stack_get_state (stack);
  gk_undo_stack_push (stack, "two", changes);
  two = gk_undo_stack_get_state (stack);
  g_assert_cmpuint (one, !=, empty);
  g_assert_cmpuint (two, !=, one);
  gk_undo_stack_undone (stack, changes);
  g_assert_cmpuint (gk_undo_stack_get_state (stack), ==, one);
  gk_undo_stack_redone (stack, changes);
  g_assert_cmpuint (gk_undo_stack_get_state (stack), ==, two);

  /* a third step pushes "one" out: undoing all of it is not the empty state */
  gk_undo_stack_push (stack, "three", changes);
  gk_undo_stack_undone (stack, changes);
  gk_undo_stack_undone (stack, changes);
  g_assert_false (gk_undo_stack_can_undo (stack));
  g_assert_cmpuint (gk_undo_stack_get_state (stack), ==, one);
  g_assert_cmpuint (gk_undo_stack_get_state (stack), !=, empty);

  gk_undo_stack_clear (stack);
  g_assert_cmpuint (gk_undo_stack_get_state (stack), !=, empty);
  g_assert_cmpuint (gk_undo_stack_get_state (stack), !=, one);
}

static void
test_descriptions_and_notifications (Fixture       *fixture,
                                     gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GPtrArray *names = fixture_watch_notify (doc);
  g_autoptr(GkRecord) assessment = make_assessment ();
  g_autoptr(GkRecord) measurement = make_measurement ();
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_topic (doc, 1)));
  g_autoptr(GError) error = NULL;

  g_assert_null (gk_document_get_undo_description (doc));
  g_assert_false (gk_document_undo (doc, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NO_STEP);
  g_clear_error (&error);

  g_assert_true (gk_document_insert (doc, assessment, NULL));
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Record assessment for “Toegang”");
  g_assert_true (fixture_notified (names, "can-undo"));

  gk_topic_set_challenges (GK_TOPIC (copy), "Te veel kleine aanbieders");
  g_assert_true (gk_document_update (doc, copy, NULL));
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Edit topic “Inkoop”");

  g_assert_true (gk_document_insert (doc, measurement, NULL));
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Enter measurement for “Kosten jeugdhulp per jeugdige”");

  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_measure (doc, 3)), NULL));
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==, "Delete measure “Minder aanbieders”");

  g_ptr_array_set_size (names, 0);
  undo_ok (doc);
  g_assert_cmpstr (gk_document_get_redo_description (doc), ==, "Delete measure “Minder aanbieders”");
  g_assert_cmpstr (gk_document_get_undo_description (doc), ==,
                   "Enter measurement for “Kosten jeugdhulp per jeugdige”");
  g_assert_true (fixture_notified (names, "can-redo"));
  g_assert_true (fixture_notified (names, "redo-description"));
  g_assert_true (fixture_notified (names, "undo-description"));

  fixture_unwatch_notify (doc, names);
}

static void
test_change_log_keeps_growing (Fixture       *fixture,
                               gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_measure (doc, 1)));
  g_autofree char *summary = NULL;
  gint64 n0 = fixture_total (fixture->db, "change_log");

  gk_measure_set_progress (GK_MEASURE (copy), 55);
  g_assert_true (gk_document_update (doc, copy, NULL));
  g_assert_cmpint (fixture_total (fixture->db, "change_log"), ==, n0 + 1);

  undo_ok (doc);
  g_assert_cmpint (fixture_total (fixture->db, "change_log"), ==, n0 + 2);
  summary = fixture_query_text (fixture->db, "SELECT summary FROM change_log ORDER BY id DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (summary, "Undo: Edit measure “Praktijkondersteuner bij de huisarts”"));
  g_free (summary);

  redo_ok (doc);
  g_assert_cmpint (fixture_total (fixture->db, "change_log"), ==, n0 + 3);
  summary = fixture_query_text (fixture->db, "SELECT summary FROM change_log ORDER BY id DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (summary, "Redo: "));
  g_assert_true (gk_document_get_dirty (doc));
}

static void
test_versions_only_grow (Fixture       *fixture,
                         gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  GkTopic *live = gk_document_lookup_topic (doc, 2);
  g_autoptr(GkRecord) stale = gk_record_copy (GK_RECORD (live));
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
  g_autoptr(GError) error = NULL;

  gk_topic_set_name (GK_TOPIC (copy), "Toegang en triage");
  g_assert_true (gk_document_update (doc, copy, NULL));   /* version 2 */
  undo_ok (doc);                                          /* version 3, old name */
  g_assert_cmpstr (gk_topic_get_name (live), ==, "Toegang");
  g_assert_cmpint (gk_record_get_version (GK_RECORD (live)), ==, 3);

  /* A copy made before (version 1) is stale, although the values match. */
  gk_topic_set_description (GK_TOPIC (stale), "Vanuit een oude dialoog");
  g_assert_false (gk_document_update (doc, stale, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_CONFLICT);

  redo_ok (doc);
  g_assert_cmpint (gk_record_get_version (GK_RECORD (live)), ==, 4);
  g_assert_cmpstr (gk_topic_get_name (live), ==, "Toegang en triage");
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT version FROM topic WHERE id = 2"), ==, 4);
}

/* Undo stamps the rows it restores; older steps must still apply to them. */
static void
test_undo_and_redo_a_whole_history (Fixture       *fixture,
                                    gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkPerson) person = gk_person_new ();
  g_autoptr(GkRecord) copy = NULL;
  g_autofree char *start = fixture_dump (fixture->db);
  g_autofree char *end = NULL;
  g_autofree char *again = NULL;
  gint64 id;

  gk_person_set_name (person, "Sem Jansen");
  g_assert_true (gk_document_insert (doc, GK_RECORD (person), NULL));
  id = gk_record_get_id (GK_RECORD (person));
  copy = gk_record_copy (GK_RECORD (gk_document_lookup_person (doc, id)));
  gk_person_set_email (GK_PERSON (copy), "s.jansen@voorbeeldstad.example");
  g_assert_true (gk_document_update (doc, copy, NULL));
  g_assert_true (gk_document_delete (doc, GK_RECORD (gk_document_lookup_person (doc, id)), NULL));
  end = fixture_dump (fixture->db);

  for (int round = 0; round < 2; round++)
    {
      undo_ok (doc);                                       /* the delete */
      g_assert_nonnull (gk_document_lookup_person (doc, id));
      undo_ok (doc);                                       /* the update */
      g_assert_cmpstr (gk_person_get_email (gk_document_lookup_person (doc, id)), ==, "");
      undo_ok (doc);                                       /* the insert */
      g_assert_null (gk_document_lookup_person (doc, id));
      g_assert_false (gk_document_can_undo (doc));

      redo_ok (doc);
      redo_ok (doc);
      g_assert_cmpstr (gk_person_get_email (gk_document_lookup_person (doc, id)), ==,
                       "s.jansen@voorbeeldstad.example");
      redo_ok (doc);
      g_assert_null (gk_document_lookup_person (doc, id));
    }

  /* Back where the history ended: only stamps and the change log differ. */
  again = fixture_dump (fixture->db);
  g_assert_null (strstr (again, "Sem Jansen"));
  g_assert_null (strstr (end, "Sem Jansen"));
  g_assert_cmpuint (strlen (again), ==, strlen (start));
}

static void
test_undo_after_change_underneath (Fixture       *fixture,
                                   gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_topic (doc, 1)));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  gk_topic_set_name (GK_TOPIC (copy), "Inkoop en contractering");
  g_assert_true (gk_document_update (doc, copy, NULL));

  /* Someone else's change arrives (a merge, say). */
  g_assert_cmpint (sqlite3_exec (fixture->db, "UPDATE topic SET name = 'Contractering', version = 9 WHERE id = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = fixture_dump (fixture->db);

  g_assert_false (gk_document_undo (doc, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_UNDO_FAILED);
  after = fixture_dump (fixture->db);
  g_assert_cmpstr (after, ==, before);   /* nothing was overwritten */
  g_assert_false (gk_document_can_undo (doc));
  g_assert_true (sqlite3_get_autocommit (fixture->db));
  g_assert_cmpint (fixture_query_int (fixture->db, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_undo_refused_when_it_would_break_references (Fixture       *fixture,
                                                  gconstpointer  data)
{
  GkDocument *doc = fixture->document;
  g_autoptr(GkRecord) person = make_person ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  g_assert_true (gk_document_insert (doc, person, NULL));
  id = gk_record_get_id (person);

  /* Behind the document's back, a row starts to refer to the new person:
   * undoing the insertion would now leave that reference dangling. */
  sql = g_strdup_printf ("UPDATE topic SET owner_id = %" G_GINT64_FORMAT " WHERE id = 2", id);
  g_assert_cmpint (sqlite3_exec (fixture->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (gk_document_undo (doc, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_UNDO_FAILED);
  g_assert_cmpint (fixture_row_count (fixture->db, "person", id), ==, 1);
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/undo/stack", test_stack);
  g_test_add_func ("/undo/insert-every-entity", test_undo_insert_every_entity);
  g_test_add_func ("/undo/update-every-entity", test_undo_update_every_entity);
  g_test_add_func ("/undo/delete-every-entity", test_undo_delete_every_entity);
  ADD ("/undo/cascade/delete-project", test_undo_delete_project_with_cascade);
  ADD ("/undo/cascade/delete-person", test_undo_delete_person_set_null);
  ADD ("/undo/group/one-step", test_group_is_one_step);
  ADD ("/undo/group/many-inserts", test_many_inserts_in_group);
  ADD ("/undo/group/cancel", test_cancel_group);
  ADD ("/undo/group/failed-edit", test_failed_edit_in_group);
  ADD ("/undo/history/new-edit-clears-redo", test_new_edit_clears_redo);
  ADD ("/undo/history/descriptions", test_descriptions_and_notifications);
  ADD ("/undo/history/back-to-saved-is-clean", test_undo_back_to_saved_is_clean);
  g_test_add_func ("/undo/stack-states", test_stack_states);
  ADD ("/undo/history/change-log", test_change_log_keeps_growing);
  ADD ("/undo/history/versions-only-grow", test_versions_only_grow);
  ADD ("/undo/history/whole-history-twice", test_undo_and_redo_a_whole_history);
  ADD ("/undo/conflict/changed-underneath", test_undo_after_change_underneath);
  ADD ("/undo/conflict/dangling-reference", test_undo_refused_when_it_would_break_references);

  return g_test_run ();
}
