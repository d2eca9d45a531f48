/* test-merge.c: two people change one file, and saving merges
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anne and Bram each open the team's file (two working copies), change it,
 * and save; Bram saves second, so his save merges. Changes that do not
 * clash all land; clashes stop Bram's save with the conflicts listed, and
 * nothing changes until he chooses.
 */
#include "config.h"

#include <string.h>

#include "project-file-fixture.h"
#include "gk-document-private.h"
#include "gk-history.h"
#include "gk-measure.h"
#include "gk-merge-conflict.h"

typedef struct {
  char          *path;
  GkProjectFile *anne;
  GkProjectFile *bram;
} Team;

/* A programme with a project, two measures, an indicator with a figure. */
static void
team_open (Team *team, Fixture *fixture)
{
  sqlite3 *db;

  team->path = path_in (fixture, "team.gripkaart");
  db = make_project_full (team->path, 2, TRUE);
  exec_ok (db, "INSERT INTO focus_project (id, name, owner_id) VALUES (10, 'POH-jeugd', 1);"
               "INSERT INTO measure (id, project_id, title, status, progress) VALUES "
               "  (20, 10, 'Wachtlijst aanpakken', 'in-progress', 40),"
               "  (21, 10, 'Huisartsen werven', 'planned', 0);"
               "INSERT INTO indicator (id, name) VALUES (30, 'Wachttijd');"
               "INSERT INTO measurement (id, indicator_id, period_date, value) VALUES (40, 30, '2026-09-01', 12);");
  sqlite3_close (db);
  team->anne = open_ok (team->path);
  team->bram = open_ok (team->path);
  gk_project_file_set_user_name (team->anne, "Anne");
  gk_project_file_set_user_name (team->bram, "Bram");
}

static void
team_close (Team *team)
{
  g_clear_object (&team->anne);
  g_clear_object (&team->bram);
  g_clear_pointer (&team->path, g_free);
}

static void
edit (GkProjectFile *project, const char *sql)
{
  exec_ok (gk_project_file_get_db (project), sql);
  gk_project_file_set_dirty (project, TRUE);
}

static void
save_ok (GkProjectFile *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
}

static char *
file_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, "unix"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static GkMergeConflict *
only_conflict (GkProjectFile *project)
{
  GListModel *conflicts = gk_project_file_get_conflicts (project);

  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  return g_list_model_get_item (conflicts, 0);
}

/* Different fields of one row, and different rows: everything lands. */
static void
test_different_fields (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "UPDATE measure SET title = 'Wachtlijst wegwerken', version = 2 WHERE id = 20");
  edit (team.bram, "UPDATE measure SET progress = 60, version = 2 WHERE id = 20;"
                   "UPDATE measure SET status = 'in-progress' WHERE id = 21;"
                   "INSERT INTO journal_entry (id, date, text) VALUES (7770001, '2026-12-01', 'Overleg')");
  save_ok (team.anne);
  save_ok (team.bram);

  title = file_text (team.path, "SELECT title || '|' || progress || '|' || version FROM measure WHERE id = 20");
  g_assert_cmpstr (title, ==, "Wachtlijst wegwerken|60|3");
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE id = 21 AND status = 'in-progress'"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM journal_entry"), ==, 1);
  g_assert_nonnull (strstr (gk_project_file_get_merge_summary (team.bram), "Anne"));
  g_assert_nonnull (strstr (gk_project_file_get_merge_summary (team.bram), "1 measure"));

  /* Bram's working copy has Anne's title now; Anne gets Bram's on her next save. */
  g_assert_cmpint (query_int (gk_project_file_get_db (team.bram),
                              "SELECT count(*) FROM measure WHERE title = 'Wachtlijst wegwerken'"), ==, 1);
  save_ok (team.anne);
  g_assert_cmpint (query_int (gk_project_file_get_db (team.anne),
                              "SELECT progress FROM measure WHERE id = 20"), ==, 60);
  g_assert_true (gk_project_file_check (team.path, NULL, &error));
  g_assert_no_error (error);
  team_close (&team);
}

/* The values of the change log travel with the changes: after Bram's save
 * merged Anne's edit, his copy's history knows what she changed, from and
 * to what, and so does the file. */
static void
test_history_travels (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkDocument) anne = NULL;
  g_autoptr(GkDocument) bram = NULL;
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GkHistoryEntry) entry = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(GError) error = NULL;
  GkHistoryFilter by_anne = { .person = "Anne" };

  team_open (&team, fixture);
  anne = gk_document_new_for_db (gk_project_file_get_db (team.anne), &error);
  g_assert_no_error (error);
  gk_document_set_user_name (anne, "Anne");
  copy = gk_record_copy (gk_document_lookup_in_table (anne, "measure", 20));
  gk_measure_set_progress (GK_MEASURE (copy), 55);
  g_assert_true (gk_document_update (anne, copy, &error));
  g_assert_no_error (error);
  gk_project_file_set_dirty (team.anne, TRUE);
  edit (team.bram, "UPDATE measure SET title = 'Huisartsen zoeken', version = 2 WHERE id = 21");
  save_ok (team.anne);
  save_ok (team.bram);

  changes = file_text (team.path, "SELECT changes FROM change_log WHERE changed_by = 'Anne'");
  g_assert_cmpstr (changes, ==, "{\"progress\": [40, 55]}");
  bram = gk_document_new_for_db (gk_project_file_get_db (team.bram), &error);
  g_assert_no_error (error);
  entries = gk_history_query (bram, &by_anne, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  entry = g_list_model_get_item (entries, 0);
  g_assert_cmpuint (gk_history_entry_get_n_changes (entry), ==, 1);
  g_assert_cmpstr (gk_history_entry_get_change (entry, 0)->old_text, ==, "40%");
  g_assert_cmpstr (gk_history_entry_get_change (entry, 0)->new_text, ==, "55%");
  g_clear_object (&bram);
  g_clear_object (&anne);
  team_close (&team);
}

/* The same field, set differently: Bram's save stops and changes nothing;
 * once he chooses, it lands, and the losing value is in the change log. */
static void
test_same_field (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "UPDATE measure SET title = 'Wachtlijst weg', updated_by = 'Anne' WHERE id = 20");
  edit (team.bram, "UPDATE measure SET title = 'Wachtlijst jeugd' WHERE id = 20");
  save_ok (team.anne);

  hash_before = file_sha256 (team.path);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  hash_after = file_sha256 (team.path);
  g_assert_cmpstr (hash_before, ==, hash_after);
  g_assert_true (gk_project_file_has_unpublished_changes (team.bram));

  conflict = only_conflict (team.bram);
  g_assert_cmpint (gk_merge_conflict_get_kind (conflict), ==, GK_MERGE_CONFLICT_SAME_FIELD);
  g_assert_cmpstr (gk_merge_conflict_get_table (conflict), ==, "measure");
  g_assert_cmpint (gk_merge_conflict_get_row_id (conflict), ==, 20);
  g_assert_cmpstr (gk_merge_conflict_get_column (conflict), ==, "title");
  g_assert_cmpstr (gk_merge_conflict_get_mine (conflict), ==, "Wachtlijst jeugd");
  g_assert_cmpstr (gk_merge_conflict_get_theirs (conflict), ==, "Wachtlijst weg");
  g_assert_cmpstr (gk_merge_conflict_get_their_author (conflict), ==, "Anne");
  description = gk_merge_conflict_describe (conflict);
  g_assert_nonnull (strstr (description, "Anne"));
  g_assert_nonnull (strstr (description, "Wachtlijst jeugd"));

  /* Saving again without choosing: the same conflict, nothing changes. */
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&conflict);
  conflict = only_conflict (team.bram);

  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_THEIRS);
  save_ok (team.bram);
  title = file_text (team.path, "SELECT title FROM measure WHERE id = 20");
  g_assert_cmpstr (title, ==, "Wachtlijst weg");
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM change_log WHERE table_name = 'measure' "
                                              "AND row_id = 20 AND summary LIKE '%Wachtlijst jeugd%'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gk_project_file_get_conflicts (team.bram)), ==, 0);
  g_assert_false (gk_project_file_has_unpublished_changes (team.bram));
  team_close (&team);
}

/* Choosing mine: my value lands, theirs goes to the change log. */
static void
test_same_field_mine (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "UPDATE measurement SET value = 14 WHERE id = 40");
  edit (team.bram, "UPDATE measurement SET value = 13.5 WHERE id = 40");
  save_ok (team.anne);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  conflict = only_conflict (team.bram);
  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_MINE);
  save_ok (team.bram);

  value = file_text (team.path, "SELECT value FROM measurement WHERE id = 40");
  g_assert_cmpstr (value, ==, "13.5");
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM change_log WHERE table_name = 'measurement' "
                                              "AND summary LIKE '%14%'"), ==, 1);
  team_close (&team);
}

/* Anne deleted a measure Bram changed: a conflict; keeping his brings it back. */
static void
test_they_deleted (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "DELETE FROM measure WHERE id = 21");
  edit (team.bram, "UPDATE measure SET progress = 10 WHERE id = 21");
  save_ok (team.anne);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  conflict = only_conflict (team.bram);
  g_assert_cmpint (gk_merge_conflict_get_kind (conflict), ==, GK_MERGE_CONFLICT_THEY_DELETED);
  g_assert_nonnull (strstr (gk_merge_conflict_get_record_label (conflict), "Huisartsen werven"));

  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_MINE);
  save_ok (team.bram);
  g_assert_cmpint (query_path_int (team.path, "SELECT progress FROM measure WHERE id = 21"), ==, 10);
  team_close (&team);
}

/* Bram deleted a measure Anne changed: a conflict; keeping theirs keeps it. */
static void
test_i_deleted (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "UPDATE measure SET progress = 30 WHERE id = 21");
  edit (team.bram, "DELETE FROM measure WHERE id = 21");
  save_ok (team.anne);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  conflict = only_conflict (team.bram);
  g_assert_cmpint (gk_merge_conflict_get_kind (conflict), ==, GK_MERGE_CONFLICT_I_DELETED);
  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_THEIRS);
  save_ok (team.bram);
  g_assert_cmpint (query_path_int (team.path, "SELECT progress FROM measure WHERE id = 21"), ==, 30);
  /* His working copy has it back too. */
  g_assert_cmpint (query_int (gk_project_file_get_db (team.bram), "SELECT count(*) FROM measure WHERE id = 21"), ==, 1);
  team_close (&team);
}

/* Bram deleted the project; Anne added a measure to it meanwhile. Deleting
 * must not take her new measure with it unasked. */
static void
test_orphan (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "INSERT INTO measure (id, project_id, title) VALUES (8880001, 10, 'Nieuwe maatregel')");
  edit (team.bram, "DELETE FROM focus_project WHERE id = 10");
  g_assert_cmpint (query_int (gk_project_file_get_db (team.bram), "SELECT count(*) FROM measure"), ==, 0);
  save_ok (team.anne);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  conflict = only_conflict (team.bram);
  g_assert_cmpint (gk_merge_conflict_get_kind (conflict), ==, GK_MERGE_CONFLICT_BROKEN_RULE);
  g_assert_cmpint (gk_merge_conflict_get_row_id (conflict), ==, 8880001);

  /* Theirs: the project comes back, with Anne's new measure. */
  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_THEIRS);
  save_ok (team.bram);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM focus_project WHERE id = 10"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE id = 8880001"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_true (gk_project_file_check (team.path, NULL, &error));
  g_assert_no_error (error);
  team_close (&team);
}

/* Both entered a figure for the same period: the file allows one. */
static void
test_same_period (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "INSERT INTO measurement (id, indicator_id, period_date, value) VALUES (9990001, 30, '2026-10-01', 11)");
  edit (team.bram, "INSERT INTO measurement (id, indicator_id, period_date, value) VALUES (9990002, 30, '2026-10-01', 10)");
  save_ok (team.anne);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  conflict = only_conflict (team.bram);
  g_assert_cmpint (gk_merge_conflict_get_kind (conflict), ==, GK_MERGE_CONFLICT_BROKEN_RULE);
  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_MINE);
  save_ok (team.bram);
  g_assert_cmpint (query_path_int (team.path, "SELECT value FROM measurement WHERE period_date = '2026-10-01'"), ==, 10);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measurement WHERE period_date = '2026-10-01'"), ==, 1);
  team_close (&team);
}

/* Anne moved the measure's start after the end Bram moved earlier: each
 * change alone is valid, the two together are not. */
static void
test_rule_broken_together (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  exec_ok_path (team.path, "UPDATE measure SET start_date = '2026-01-01', due_date = '2026-12-31' WHERE id = 20");
  team_close (&team);
  team.path = path_in (fixture, "team.gripkaart");
  team.anne = open_ok (team.path);
  team.bram = open_ok (team.path);

  edit (team.anne, "UPDATE measure SET start_date = '2026-10-01', version = version + 1 WHERE id = 20");
  edit (team.bram, "UPDATE measure SET due_date = '2026-06-30', version = version + 1 WHERE id = 20");
  save_ok (team.anne);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  conflict = only_conflict (team.bram);
  g_assert_cmpint (gk_merge_conflict_get_kind (conflict), ==, GK_MERGE_CONFLICT_BROKEN_RULE);
  g_assert_cmpint (gk_merge_conflict_get_row_id (conflict), ==, 20);

  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_MINE);
  save_ok (team.bram);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE id = 20 AND "
                                              "start_date = '2026-01-01' AND due_date = '2026-06-30'"), ==, 1);
  g_assert_true (gk_project_file_check (team.path, NULL, &error));
  g_assert_no_error (error);
  team_close (&team);
}

/* Anne made the project active (its owner is person 1); Bram deleted
 * person 1 meanwhile. An active project may not be without its owner, so
 * the owner's deletion is a question, not an emptied field. */
static void
test_owner_deleted (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "UPDATE focus_project SET status = 'active', version = version + 1 WHERE id = 10");
  edit (team.bram, "UPDATE focus_project SET owner_id = NULL WHERE id = 10; DELETE FROM person WHERE id = 1");
  save_ok (team.anne);
  g_assert_false (gk_project_file_save (team.bram, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The project row (his empty owner with her active status) and the
   * owner he deleted: both broken rules. */
  {
    GListModel *conflicts = gk_project_file_get_conflicts (team.bram);

    g_assert_cmpuint (g_list_model_get_n_items (conflicts), >=, 1);
    for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
      {
        g_autoptr(GkMergeConflict) one = g_list_model_get_item (conflicts, i);

        g_assert_cmpint (gk_merge_conflict_get_kind (one), ==, GK_MERGE_CONFLICT_BROKEN_RULE);
        /* Theirs: the person comes back, the project stays active with its owner. */
        gk_merge_conflict_set_choice (one, GK_MERGE_CHOICE_THEIRS);
      }
  }
  save_ok (team.bram);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM focus_project WHERE id = 10 "
                                              "AND status = 'active' AND owner_id = 1"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM person WHERE id = 1"), ==, 1);
  g_assert_true (gk_project_file_check (team.path, NULL, &error));
  g_assert_no_error (error);
  team_close (&team);
}

/* A save that merged, repeated from the same base (a retry after a crash
 * before the base was replaced), brings nothing in twice. */
static void
test_merge_twice_is_once (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autofree char *base = NULL;
  g_autofree char *old_base = NULL;

  team_open (&team, fixture);
  base = g_strdup_printf ("%.*s.base", (int) (strlen (gk_project_file_get_working_path (team.bram)) - strlen (".gripkaart")),
                          gk_project_file_get_working_path (team.bram));
  old_base = g_strconcat (base, ".old", NULL);
  g_assert_true (g_file_test (base, G_FILE_TEST_IS_REGULAR));
  copy_file (base, old_base);

  edit (team.anne, "UPDATE measure SET progress = 50 WHERE id = 20");
  edit (team.bram, "INSERT INTO journal_entry (id, date, text) VALUES (7770002, '2026-12-02', 'Besluit');"
                   "UPDATE measure SET status = 'done' WHERE id = 21");
  save_ok (team.anne);
  save_ok (team.bram);

  /* As if the base had not been replaced: the same changes once more. */
  g_assert_cmpint (g_rename (old_base, base), ==, 0);
  edit (team.bram, "UPDATE person SET email = 'bram@gemeente.nl' WHERE id = 1");
  save_ok (team.bram);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM journal_entry"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT progress FROM measure WHERE id = 20"), ==, 50);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM person WHERE email = 'bram@gemeente.nl'"), ==, 1);
  team_close (&team);
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
bring_done_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->ok = gk_project_file_bring_in_finish (GK_PROJECT_FILE (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
back_done_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->ok = gk_project_file_bring_back_finish (GK_PROJECT_FILE (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static gboolean
bring_in (GkProjectFile *project, GError **error)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  gk_project_file_bring_in_async (project, NULL, bring_done_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

/* Anne saves; Bram, with nothing unsaved, notices and brings it in: his
 * copy is the shared file again. */
static void
test_bring_in_clean (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GError) error = NULL;
  guint merged = 0;

  team_open (&team, fixture);
  g_signal_connect_swapped (team.bram, "merged", G_CALLBACK (count_signal), &merged);
  g_assert_false (gk_project_file_poll (team.bram, &error));
  g_assert_no_error (error);

  edit (team.anne, "UPDATE measure SET progress = 70 WHERE id = 20");
  save_ok (team.anne);
  g_assert_true (gk_project_file_poll (team.bram, &error));
  g_assert_no_error (error);

  g_assert_true (bring_in (team.bram, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (merged, ==, 1);
  g_assert_cmpint (query_int (gk_project_file_get_db (team.bram), "SELECT progress FROM measure WHERE id = 20"), ==, 70);
  g_assert_false (gk_project_file_has_unpublished_changes (team.bram));
  g_assert_false (gk_project_file_poll (team.bram, &error));
  g_assert_false (gk_project_file_changed_on_disk (team.bram, &error));
  g_assert_no_error (error);

  /* Nothing new: nothing to do. */
  g_assert_true (bring_in (team.bram, &error));
  g_assert_cmpuint (merged, ==, 1);

  /* His next save is a plain one on top of Anne's. */
  edit (team.bram, "UPDATE measure SET progress = 80 WHERE id = 21");
  save_ok (team.bram);
  g_assert_null (gk_project_file_get_merge_summary (team.bram));
  g_assert_cmpint (query_path_int (team.path, "SELECT progress FROM measure WHERE id = 20"), ==, 70);
  g_assert_cmpint (query_path_int (team.path, "SELECT progress FROM measure WHERE id = 21"), ==, 80);
  team_close (&team);
}

/* Bram has unsaved edits: they stay, on top of Anne's changes. */
static void
test_bring_in_with_edits (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GError) error = NULL;

  team_open (&team, fixture);
  edit (team.anne, "UPDATE measure SET progress = 70 WHERE id = 20");
  save_ok (team.anne);
  edit (team.bram, "UPDATE measure SET title = 'Werven' WHERE id = 21");

  g_assert_true (bring_in (team.bram, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (gk_project_file_get_db (team.bram), "SELECT progress FROM measure WHERE id = 20"), ==, 70);
  g_assert_cmpint (query_int (gk_project_file_get_db (team.bram), "SELECT count(*) FROM measure WHERE title = 'Werven'"), ==, 1);
  g_assert_true (gk_project_file_has_unpublished_changes (team.bram));
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE title = 'Werven'"), ==, 0);

  save_ok (team.bram);
  g_assert_null (gk_project_file_get_merge_summary (team.bram));   /* already in */
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE title = 'Werven'"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT progress FROM measure WHERE id = 20"), ==, 70);
  team_close (&team);
}

/* Bram's Gripkaart stopped with an edit unsaved; meanwhile Anne saved.
 * At the next open, bringing it back merges it into the file as it is. */
static void
test_bring_back (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autoptr(GkProjectFile) again = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  team_open (&team, fixture);
  edit (team.bram, "UPDATE measure SET title = 'Bewaard na crash' WHERE id = 21");
  gk_project_file_close (team.bram);   /* kept: it holds an unpublished edit */
  edit (team.anne, "UPDATE measure SET progress = 90 WHERE id = 20");
  save_ok (team.anne);

  again = open_ok (team.path);
  g_assert_nonnull (gk_project_file_get_recovered_path (again));
  g_assert_cmpint (query_int (gk_project_file_get_db (again), "SELECT progress FROM measure WHERE id = 20"), ==, 90);
  gk_project_file_bring_back_async (again, NULL, back_done_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);

  g_assert_cmpint (query_int (gk_project_file_get_db (again), "SELECT count(*) FROM measure WHERE title = 'Bewaard na crash'"), ==, 1);
  g_assert_cmpint (query_int (gk_project_file_get_db (again), "SELECT progress FROM measure WHERE id = 20"), ==, 90);
  g_assert_true (gk_project_file_get_dirty (again));
  save_ok (again);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE title = 'Bewaard na crash' OR progress = 90"), ==, 2);
  team_close (&team);
}

static void
copy_done_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->ok = gk_project_file_bring_in_copy_finish (GK_PROJECT_FILE (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* A sync client kept Bram's save as a conflict copy beside the file while
 * Anne's became the file. Bringing the copy in merges what it changed since
 * the revision both share, and a field both changed is a conflict. */
static void
test_conflict_copy (Fixture *fixture, gconstpointer data)
{
  Team team = { 0, };
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) copy_file_ = NULL;
  g_autoptr(GkProjectFile) on_copy = NULL;
  g_autoptr(GkMergeConflict) conflict = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), FALSE, NULL };

  team_open (&team, fixture);
  /* A first save: a revision both will share. */
  save_ok (team.anne);
  copy_path = path_in (fixture, "team (Bram's conflicted copy 2026-12-04).gripkaart");
  copy_file (team.path, copy_path);

  /* Bram's save landed in the copy: a new measure, a progress and a title. */
  on_copy = open_ok (copy_path);
  edit (on_copy, "INSERT INTO measure (id, project_id, title, updated_at) VALUES (8880002, 10, 'Uit de kopie', '2099-01-01T00:00:00Z');"
                 "UPDATE measure SET progress = 55, updated_at = '2099-01-01T00:00:00Z' WHERE id = 21;"
                 "UPDATE measure SET title = 'Titel van Bram', updated_at = '2099-01-01T00:00:00Z' WHERE id = 20");
  save_ok (on_copy);
  gk_project_file_close (on_copy);

  /* Anne's became the file: another title for the same measure, and a figure. */
  edit (team.anne, "UPDATE measure SET title = 'Titel van Anne', updated_at = '2099-01-02T00:00:00Z' WHERE id = 20;"
                   "UPDATE measurement SET value = 15, updated_at = '2099-01-02T00:00:00Z' WHERE id = 40");
  save_ok (team.anne);
  g_assert_true (bring_in (team.bram, &error));
  g_assert_no_error (error);

  copy_file_ = g_file_new_for_path (copy_path);
  gk_project_file_bring_in_copy_async (team.bram, copy_file_, NULL, copy_done_cb, &wait);
  g_main_loop_run (wait.loop);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT);
  g_clear_error (&wait.error);
  conflict = only_conflict (team.bram);
  g_assert_cmpstr (gk_merge_conflict_get_column (conflict), ==, "title");
  g_assert_cmpstr (gk_merge_conflict_get_mine (conflict), ==, "Titel van Bram");
  g_assert_cmpstr (gk_merge_conflict_get_theirs (conflict), ==, "Titel van Anne");
  gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_THEIRS);

  gk_project_file_bring_in_copy_async (team.bram, copy_file_, NULL, copy_done_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_true (gk_project_file_get_dirty (team.bram));
  save_ok (team.bram);

  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE id = 8880002"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT progress FROM measure WHERE id = 21"), ==, 55);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM measure WHERE title = 'Titel van Anne'"), ==, 1);
  g_assert_cmpint (query_path_int (team.path, "SELECT value FROM measurement WHERE id = 40"), ==, 15);
  g_assert_cmpint (query_path_int (team.path, "SELECT count(*) FROM change_log WHERE summary LIKE '%Titel van Bram%'"), ==, 1);
  team_close (&team);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/merge/different-fields", test_different_fields);
  ADD ("/merge/history-travels", test_history_travels);
  ADD ("/merge/same-field", test_same_field);
  ADD ("/merge/same-field-mine", test_same_field_mine);
  ADD ("/merge/they-deleted", test_they_deleted);
  ADD ("/merge/i-deleted", test_i_deleted);
  ADD ("/merge/orphan", test_orphan);
  ADD ("/merge/same-period", test_same_period);
  ADD ("/merge/rule-broken-together", test_rule_broken_together);
  ADD ("/merge/owner-deleted", test_owner_deleted);
  ADD ("/merge/twice-is-once", test_merge_twice_is_once);
  ADD ("/merge/bring-in/clean", test_bring_in_clean);
  ADD ("/merge/bring-in/with-edits", test_bring_in_with_edits);
  ADD ("/merge/bring-back", test_bring_back);
  ADD ("/merge/conflict-copy", test_conflict_copy);

  return g_test_run ();
}
