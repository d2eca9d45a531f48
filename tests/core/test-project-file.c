/* test-project-file.c: opening, checking and migrating project files
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every bad file must be refused with the right error code, and no test may
 * change a byte of a file it did not mean to save: each compares the folder
 * before and after (project-file-fixture.h). Saving: test-project-save.c.
 */
#include "config.h"

#include "gk-document-private.h"
#include "project-file-fixture.h"

/* --- bad files ------------------------------------------------------------ */

static void
test_missing_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "nowhere.gripkaart");
  g_autoptr(GError) error = assert_refused (fixture, path, GK_PROJECT_ERROR_NOT_FOUND);

  g_assert_nonnull (strstr (error->message, "nowhere.gripkaart"));
}

static void
test_empty_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "empty.gripkaart");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  error = assert_refused (fixture, path, GK_PROJECT_ERROR_NOT_PROJECT);
  g_assert_nonnull (strstr (error->message, "empty.gripkaart"));
}

static void
test_random_bytes (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "random.gripkaart");
  g_autoptr(GError) error = NULL;
  guint8 bytes[8192];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
  error = assert_refused (fixture, path, GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
test_text_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "notes.gripkaart");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 50; i++)
    g_string_append_printf (text, "Maatregel %d;Eigenaar;2026-01-01\n", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  error = assert_refused (fixture, path, GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
test_directory (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "folder.gripkaart");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  error = assert_refused (fixture, path, GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
truncate_file (const char *path, gsize length)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (length, <, size);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_truncated_project (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "half.gripkaart", 2000);
  g_autofree char *odd = make_project (fixture, "odd.gripkaart", 2000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) odd_error = NULL;
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, 16 * 4096);

  /* Cut in half on a page boundary: only the page count in the header tells. */
  truncate_file (path, (st.st_size / 2 / 4096) * 4096);
  error = assert_refused (fixture, path, GK_PROJECT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "half.gripkaart"));

  truncate_file (odd, st.st_size / 2 + 77);
  odd_error = assert_refused (fixture, odd, GK_PROJECT_ERROR_DAMAGED);

  /* Cut inside the header: not even recognisable. */
  truncate_file (odd, 60);
  g_clear_error (&odd_error);
  odd_error = assert_refused (fixture, odd, GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
test_corrupt_page (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "corrupt.gripkaart", 2000);
  g_autoptr(GError) error = NULL;
  guint8 junk[4096];
  struct stat st;
  int fd;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = g_test_rand_int_range (0, 256);

  /* Scribble over a page in the middle; the header stays intact. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, (st.st_size / 4096 - 3) * 4096), ==, sizeof junk);
  close (fd);

  error = assert_refused (fixture, path, GK_PROJECT_ERROR_DAMAGED);
}

static void
test_other_application (Fixture *fixture, gconstpointer data)
{
  g_autofree char *plain = path_in (fixture, "plain.sqlite");
  g_autofree char *other = path_in (fixture, "other.gripkaart");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) other_error = NULL;
  sqlite3 *db;

  db = open_plain (plain);
  exec_ok (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); INSERT INTO t VALUES (1, 'a');");
  sqlite3_close (db);
  error = assert_refused (fixture, plain, GK_PROJECT_ERROR_NOT_PROJECT);

  /* Our very schema, but stamped by another application. */
  db = make_project_full (other, 3, TRUE);
  exec_ok (db, "PRAGMA application_id = 1634952050");
  sqlite3_close (db);
  other_error = assert_refused (fixture, other, GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
assert_refused_after (Fixture *fixture, const char *sql, GkProjectError code)
{
  g_autofree char *path = path_in (fixture, "tampered.gripkaart");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = make_project_full (path, 3, TRUE);
  exec_ok (db, sql);
  sqlite3_close (db);

  error = assert_refused (fixture, path, code);
  if (code == GK_PROJECT_ERROR_NOT_PROJECT)
    g_assert_nonnull (strstr (error->message, "did not make"));
  g_unlink (path);
}

static void
test_extra_trigger (Fixture *fixture, gconstpointer data)
{
  assert_refused_after (fixture,
                        "CREATE TRIGGER evil AFTER INSERT ON person BEGIN "
                        "DELETE FROM measure; END",
                        GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
test_extra_view (Fixture *fixture, gconstpointer data)
{
  assert_refused_after (fixture, "CREATE VIEW people AS SELECT name FROM person",
                        GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
test_extra_table_and_index (Fixture *fixture, gconstpointer data)
{
  assert_refused_after (fixture, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
                        GK_PROJECT_ERROR_NOT_PROJECT);
  assert_refused_after (fixture, "CREATE INDEX person_by_email ON person (email)",
                        GK_PROJECT_ERROR_NOT_PROJECT);
}

static void
test_changed_definitions (Fixture *fixture, gconstpointer data)
{
  /* A column added by some other tool changes the table's definition. */
  assert_refused_after (fixture, "ALTER TABLE person ADD COLUMN phone TEXT",
                        GK_PROJECT_ERROR_NOT_PROJECT);
  /* A table missing is damage rather than foreign parts. */
  assert_refused_after (fixture, "DROP TABLE change_log", GK_PROJECT_ERROR_DAMAGED);
}

static void
test_journal_beside_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "busy.gripkaart", 3);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GkProjectFile) project = NULL;

  g_assert_true (g_file_set_contents (journal, "half a transaction", -1, NULL));
  before = snapshot (fixture->dir);

  project = gk_project_file_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED);
  assert_same_snapshot (before, fixture->dir);
}

/* --- sound files -------------------------------------------------------------- */

static void
test_check_sound_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "good.gripkaart", 3);
  g_autoptr(GError) error = NULL;
  int version = -1;

  g_assert_true (gk_project_file_check (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, GK_SCHEMA_VERSION);
}

/* A file made by an earlier build, from the hand-written DDL of version 1
 * (tests/core/schema-v1.sql), passes the exact schema comparison of the
 * hardened open and loads into a document with every row. */
static void
test_version_1_file_opens (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "made-by-1.0.gripkaart");
  g_autofree char *ddl_path = g_test_build_filename (G_TEST_DIST, "core", "schema-v1.sql", NULL);
  g_autofree char *ddl = NULL;
  g_autofree char *stamps = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                                             (int) GK_APPLICATION_ID);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_plain (path);

  g_assert_true (g_file_get_contents (ddl_path, &ddl, NULL, &error));
  g_assert_no_error (error);
  exec_ok (db, ddl);
  exec_ok (db, stamps);
  exec_ok (db, "INSERT INTO person (id, name, role) VALUES (1, 'Fatima el Amrani', 'projectleider');"
               "INSERT INTO programme (id, title, lead_id, domains) VALUES (1, 'Grip', 1, 'jeugd,wmo');"
               "INSERT INTO topic (id, name, target_level) VALUES (1, 'Inkoop', 'in-control');"
               "INSERT INTO focus_project (id, name, budget_cents) VALUES (1, 'POH-jeugd', 125000);"
               "INSERT INTO measure (id, project_id, title, status, progress) VALUES (1, 1, 'Wachtlijst', 'in-progress', 40);"
               "INSERT INTO indicator (id, name, signal_serious, signal_control) VALUES (1, 'Wachttijd', 12, 6);"
               "INSERT INTO measurement (indicator_id, period_date, value) VALUES (1, '2026-09-01', 10.5);");
  sqlite3_close (db);

  project = open_ok (path);
  /* Migrated to version 2: revisions recorded, the repeated index gone. */
  g_assert_cmpint (query_int (gk_project_file_get_db (project), "PRAGMA user_version"), ==, GK_SCHEMA_VERSION);
  g_assert_cmpint (query_int (gk_project_file_get_db (project),
                              "SELECT count(*) FROM sqlite_schema WHERE name = 'revision'"), ==, 1);
  g_assert_cmpint (query_int (gk_project_file_get_db (project),
                              "SELECT count(*) FROM sqlite_schema WHERE name = 'measurement_by_indicator'"), ==, 0);
  g_assert_nonnull (gk_project_file_get_backup_path (project));
  document = gk_document_new_for_db (gk_project_file_get_db (project), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_programme_get_title (gk_document_get_programme (document)), ==, "Grip");
  g_assert_cmpint (gk_programme_get_domains (gk_document_get_programme (document)), ==,
                   GK_DOMAIN_JEUGD | GK_DOMAIN_WMO);
  g_assert_cmpint (gk_person_get_role (gk_document_lookup_person (document, 1)), ==, GK_ROLE_PROJECTLEIDER);
  g_assert_cmpint (gk_topic_get_target_level (gk_document_lookup_topic (document, 1)), ==, GK_LEVEL_IN_CONTROL);
  g_assert_cmpint (gk_focus_project_get_budget_cents (gk_document_lookup_focus_project (document, 1)), ==, 125000);
  g_assert_false (gk_focus_project_has_saving_cents (gk_document_lookup_focus_project (document, 1)));
  g_assert_cmpint (gk_measure_get_status (gk_document_lookup_measure (document, 1)), ==,
                   GK_MEASURE_STATUS_IN_PROGRESS);
  g_assert_cmpint (gk_measure_get_progress (gk_document_lookup_measure (document, 1)), ==, 40);
  g_assert_cmpfloat (gk_indicator_get_signal_serious (gk_document_lookup_indicator (document, 1)), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_measurements (document)), ==, 1);

  /* Closed without a save, the file is still the old one itself: its
   * backup goes (one per opening of an old file would pile up). */
  {
    g_autofree char *backup = g_strdup (gk_project_file_get_backup_path (project));

    g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
    g_clear_object (&document);
    gk_project_file_close (project);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
}

static void
test_hardened_connection (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "hardened.sqlite");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  int value = -1;

  db = gk_db_open_hardened (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &value), ==, SQLITE_OK);
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, -1, &value), ==, SQLITE_OK);
  g_assert_cmpint (value, ==, 0);
  g_assert_cmpint (query_int (db, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (query_int (db, "PRAGMA cell_size_check"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);

  /* Triggers do not fire, views cannot be read, nothing can be loaded. */
  exec_ok (db, "CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY);"
               "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (NULL); END;"
               "CREATE VIEW v AS SELECT * FROM a; INSERT INTO a VALUES (1);");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM b"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM v", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT load_extension('libm.so.6')", NULL, NULL, NULL), !=, SQLITE_OK);
  /* Defensive mode: no writing to the schema table. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON; "
                                     "UPDATE sqlite_schema SET sql = '' WHERE name = 'a'",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  /* Read-only really is read-only. */
  db = gk_db_open_hardened (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO a VALUES (2)", NULL, NULL, NULL), ==, SQLITE_READONLY);
  sqlite3_close (db);

  g_assert_null (gk_db_open_hardened ("/nonexistent/x.gripkaart", TRUE, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_FOUND);
}

static void
test_newer_version (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "future.gripkaart");
  g_autofree char *elsewhere = path_in (fixture, "copy.gripkaart");
  g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d", GK_SCHEMA_VERSION + 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (elsewhere);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  const GError *reason;
  sqlite3 *db;
  int version = -1;

  db = make_project_full (path, 3, TRUE);
  exec_ok (db, stamp);
  sqlite3_close (db);
  before = snapshot (fixture->dir);

  g_assert_false (gk_project_file_check (path, &version, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION);
  g_assert_cmpint (version, ==, GK_SCHEMA_VERSION + 1);
  g_clear_error (&error);

  project = gk_project_file_open (file, &error);
  g_assert_no_error (error);
  g_assert_true (gk_project_file_get_read_only (project));
  reason = gk_project_file_get_read_only_reason (project);
  g_assert_error (reason, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (reason->message, "future.gripkaart"));

  /* It can be read but not changed. */
  db = gk_project_file_get_db (project);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 3);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO person (name) VALUES ('x')", NULL, NULL, NULL),
                   ==, SQLITE_READONLY);

  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gk_project_file_save_as (project, other, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);

  gk_project_file_close (project);
  assert_same_snapshot (before, fixture->dir);
  g_assert_cmpuint (count_working_files (".gripkaart"), ==, 0);
}

static void
test_newer_version_with_trigger (Fixture *fixture, gconstpointer data)
{
  g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d;"
                                            "CREATE TRIGGER t AFTER INSERT ON person BEGIN "
                                            "DELETE FROM topic; END;",
                                            GK_SCHEMA_VERSION + 1);

  /* Read-only is no excuse for carrying parts we did not make. */
  assert_refused_after (fixture, stamp, GK_PROJECT_ERROR_NOT_PROJECT);
}

/* --- new, close and recovery ---------------------------------------------- */

static void
test_new_untitled (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = path_in (fixture, "new.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GkProjectFile) again = NULL;
  g_autoptr(GError) error = NULL;

  project = gk_project_file_new (&error);
  g_assert_no_error (error);
  g_assert_null (gk_project_file_get_file (project));
  g_assert_false (gk_project_file_get_read_only (project));
  g_assert_cmpint (query_int (gk_project_file_get_db (project), "PRAGMA user_version"),
                   ==, GK_SCHEMA_VERSION);

  exec_ok (gk_project_file_get_db (project),
           "INSERT INTO programme (id, title) VALUES (1, 'Nieuw programma')");
  g_assert_true (gk_project_file_has_unpublished_changes (project));

  g_assert_false (gk_project_file_save (project, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (gk_project_file_save_as (project, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (gk_project_file_get_file (project), file));
  g_assert_true (gk_project_file_check (path, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gk_project_file_has_unpublished_changes (project));

  /* After Save As, Save works in place. */
  insert_person (project, 1, "Eerste");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  gk_project_file_close (project);
  g_assert_cmpuint (count_working_files (".gripkaart"), ==, 0);

  again = open_ok (path);
  g_assert_cmpint (query_int (gk_project_file_get_db (again), "SELECT count(*) FROM person"), ==, 1);
}

static void
test_unpublished_copy_is_kept_and_recovered (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "crash.gripkaart", 3);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GkProjectFile) again = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *working = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *uri = NULL;
  const char *recovered;
  sqlite3 *db;

  project = open_ok (path);
  working = g_strdup (gk_project_file_get_working_path (project));
  stem = g_strndup (working, strlen (working) - strlen (".gripkaart"));
  key_path = g_strconcat (stem, ".ini", NULL);

  /* A committed change marks the copy as unpublished at once, even before
   * the model layer says so: that is what survives a crash. */
  g_assert_true (g_key_file_load_from_file (key_file, key_path, 0, NULL));
  g_assert_false (g_key_file_get_boolean (key_file, "Working copy", "unpublished", NULL));
  exec_ok (gk_project_file_get_db (project), "INSERT INTO person (id, name) VALUES (77, 'Onbewaard')");
  g_assert_true (g_key_file_load_from_file (key_file, key_path, 0, NULL));
  g_assert_true (g_key_file_get_boolean (key_file, "Working copy", "unpublished", NULL));
  uri = g_key_file_get_string (key_file, "Working copy", "uri", NULL);
  g_assert_nonnull (strstr (uri, "crash.gripkaart"));
  g_assert_true (g_key_file_has_key (key_file, "Working copy", "content-hash", NULL));

  gk_project_file_close (project);
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));

  /* Opening the file again does not overwrite those changes. */
  again = open_ok (path);
  recovered = gk_project_file_get_recovered_path (again);
  g_assert_nonnull (recovered);
  g_assert_true (g_file_test (recovered, G_FILE_TEST_EXISTS));
  g_assert_cmpint (query_int (gk_project_file_get_db (again),
                              "SELECT count(*) FROM person WHERE id = 77"), ==, 0);
  db = open_plain (recovered);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE id = 77"), ==, 1);
  sqlite3_close (db);
}

static void
test_undo_to_clean_removes_copy (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "undo.gripkaart", 3);
  g_autoptr(GkProjectFile) project = NULL;
  g_autofree char *working = NULL;

  project = open_ok (path);
  working = g_strdup (gk_project_file_get_working_path (project));
  insert_person (project, 11, "Elf");
  exec_ok (gk_project_file_get_db (project), "DELETE FROM person WHERE id = 11");
  gk_project_file_set_dirty (project, FALSE);   /* the model layer's undo */
  g_assert_false (gk_project_file_has_unpublished_changes (project));

  gk_project_file_close (project);
  g_assert_false (g_file_test (working, G_FILE_TEST_EXISTS));
}

static void
test_two_opens_of_one_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_project (fixture, "twice.gripkaart", 3);
  g_autoptr(GkProjectFile) first = NULL;
  g_autoptr(GkProjectFile) second = NULL;
  g_autoptr(GError) error = NULL;

  first = open_ok (path);
  second = open_ok (path);
  g_assert_cmpstr (gk_project_file_get_working_path (first), !=,
                   gk_project_file_get_working_path (second));

  insert_person (first, 20, "Eerste venster");
  insert_person (second, 21, "Tweede venster");
  g_assert_true (gk_project_file_save (first, &error));
  g_assert_no_error (error);
  /* The second one's view of the file is out of date now: it merges. */
  g_assert_true (gk_project_file_save (second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM person WHERE id IN (20, 21)"), ==, 2);
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM revision"), ==, 2);
  g_assert_cmpint (query_path_int (path, "SELECT count(*) FROM revision WHERE parent <> ''"), ==, 1);
}

/* --- migrations ---------------------------------------------------------------- */

static char *change_log_sql;

/* The "old" schema of these tests: the one before the current version is
 * played by the current one without the change log (the real step from
 * version 1 is tested by test_version_1_file_opens). */
static char *
make_v0_project (Fixture *fixture, const char *name)
{
  char *path = path_in (fixture, name);
  sqlite3 *db = make_project_full (path, 5, TRUE);
  sqlite3_stmt *stmt = NULL;
  GString *sql = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE tbl_name = 'change_log' "
                                           "AND sql IS NOT NULL ORDER BY type DESC", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (sql, "%s;\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_free (change_log_sql);
  change_log_sql = g_string_free (sql, FALSE);

  exec_ok (db, "DROP TABLE change_log;");
  {
    g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d", GK_SCHEMA_VERSION - 1);

    exec_ok (db, stamp);
  }
  sqlite3_close (db);
  return path;
}

static void
test_migration (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_v0_project (fixture, "old.gripkaart");
  g_autofree char *original_hash = file_sha256 (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = snapshot (fixture->dir);
  g_autoptr(GError) error = NULL;
  GkMigrationStep steps[] = { { GK_SCHEMA_VERSION - 1, change_log_sql, NULL } };
  g_autofree char *backup_hash = NULL;
  int version = -1;
  sqlite3 *db;

  /* Without a migration step the file cannot be read. */
  gk_migrations_set_steps_for_testing (steps, 0);
  g_clear_error (&error);
  g_assert_false (gk_project_file_check (path, &version, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT);
  g_assert_cmpint (version, ==, GK_SCHEMA_VERSION - 1);
  g_clear_error (&error);

  gk_migrations_set_steps_for_testing (steps, G_N_ELEMENTS (steps));
  g_assert_true (gk_project_file_check (path, &version, &error));
  g_assert_no_error (error);

  project = open_ok (path);
  db = gk_project_file_get_db (project);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, GK_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 5);
  g_assert_false (gk_project_file_has_unpublished_changes (project));

  /* The backup was made before migrating: it is the old file. */
  g_assert_nonnull (gk_project_file_get_backup_path (project));
  backup_hash = file_sha256 (gk_project_file_get_backup_path (project));
  g_assert_cmpstr (backup_hash, ==, original_hash);
  assert_same_snapshot (before, fixture->dir);

  /* Saving publishes the new schema. */
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  gk_migrations_set_steps_for_testing (NULL, 0);
  g_assert_true (gk_project_file_check (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, GK_SCHEMA_VERSION);
  /* Saved over: the backup is the only old file left, and stays. */
  {
    g_autofree char *backup = g_strdup (gk_project_file_get_backup_path (project));
    g_autofree char *kept_hash = NULL;

    gk_project_file_close (project);
    g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
    kept_hash = file_sha256 (backup);
    g_assert_cmpstr (kept_hash, ==, original_hash);
  }
}

static void
test_failed_migration (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = make_v0_project (fixture, "old.gripkaart");
  g_autofree char *bad_sql = g_strconcat (change_log_sql, "INSERT INTO no_such_table VALUES (1);", NULL);
  GkMigrationStep steps[] = { { GK_SCHEMA_VERSION - 1, bad_sql, NULL } };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GHashTable) before = snapshot (fixture->dir);
  g_autoptr(GError) error = NULL;

  gk_migrations_set_steps_for_testing (steps, G_N_ELEMENTS (steps));
  project = gk_project_file_open (file, &error);
  g_assert_null (project);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "old.gripkaart"));
  assert_same_snapshot (before, fixture->dir);
  g_assert_cmpuint (count_working_files (".gripkaart"), ==, 0);
}

static gboolean
add_column_step (sqlite3 *db, GError **error)
{
  return sqlite3_exec (db, "ALTER TABLE t ADD COLUMN y TEXT", NULL, NULL, NULL) == SQLITE_OK;
}

static gboolean
failing_step (sqlite3 *db, GError **error)
{
  g_set_error_literal (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "step failed");
  return FALSE;
}

static void
test_migrations_run_in_one_transaction (Fixture *fixture, gconstpointer data)
{
  GkMigrationStep good[] = {
    { 0, "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); INSERT INTO t VALUES (1, 'a');", NULL },
    { 1, NULL, add_column_step },
  };
  GkMigrationStep bad[] = {
    { 0, "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); INSERT INTO t VALUES (1, 'a');", NULL },
    { 1, "UPDATE t SET x = 'changed'", failing_step },
  };
  GkMigrationStep dangling[] = {
    { 0, "CREATE TABLE p (id INTEGER PRIMARY KEY);"
         "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));"
         "INSERT INTO c VALUES (1, 42);", NULL },
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = gk_db_open_hardened (":memory:", FALSE, &error);
  g_assert_no_error (error);

  gk_migrations_set_steps_for_testing (bad, G_N_ELEMENTS (bad));
  g_assert_false (gk_migrations_can_run (0, 3));
  g_assert_true (gk_migrations_can_run (0, 2));
  g_assert_false (gk_migrations_run (db, 0, 2, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  g_clear_error (&error);
  /* Rolled back: not even the first step's table is left. */
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);

  gk_migrations_set_steps_for_testing (dangling, G_N_ELEMENTS (dangling));
  g_assert_false (gk_migrations_run (db, 0, 1, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"), ==, 0);

  gk_migrations_set_steps_for_testing (good, G_N_ELEMENTS (good));
  g_assert_true (gk_migrations_run (db, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(y) + count(x) FROM t"), ==, 1);

  /* The database must be at the version the caller says. */
  g_assert_false (gk_migrations_run (db, 0, 2, &error));
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  sqlite3_close (db);
}
int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  register_test_vfs ();

  ADD ("/project-file/bad/missing", test_missing_file);
  ADD ("/project-file/bad/empty", test_empty_file);
  ADD ("/project-file/bad/random-bytes", test_random_bytes);
  ADD ("/project-file/bad/text", test_text_file);
  ADD ("/project-file/bad/directory", test_directory);
  ADD ("/project-file/bad/truncated", test_truncated_project);
  ADD ("/project-file/bad/corrupt-page", test_corrupt_page);
  ADD ("/project-file/bad/other-application", test_other_application);
  ADD ("/project-file/bad/extra-trigger", test_extra_trigger);
  ADD ("/project-file/bad/extra-view", test_extra_view);
  ADD ("/project-file/bad/extra-table-and-index", test_extra_table_and_index);
  ADD ("/project-file/bad/changed-definitions", test_changed_definitions);
  ADD ("/project-file/bad/newer-with-trigger", test_newer_version_with_trigger);
  ADD ("/project-file/bad/journal-beside", test_journal_beside_file);
  ADD ("/project-file/check/sound", test_check_sound_file);
  ADD ("/project-file/version-1-file", test_version_1_file_opens);
  ADD ("/project-file/hardened", test_hardened_connection);
  ADD ("/project-file/newer-version", test_newer_version);
  ADD ("/project-file/new-untitled", test_new_untitled);
  ADD ("/project-file/working-copy/recovery", test_unpublished_copy_is_kept_and_recovered);
  ADD ("/project-file/working-copy/undo-to-clean", test_undo_to_clean_removes_copy);
  ADD ("/project-file/working-copy/two-opens", test_two_opens_of_one_file);
  ADD ("/project-file/migration/applied", test_migration);
  ADD ("/project-file/migration/failure", test_failed_migration);
  ADD ("/project-file/migration/one-transaction", test_migrations_run_in_one_transaction);

  return g_test_run ();
}
