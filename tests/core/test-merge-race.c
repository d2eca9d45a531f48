/* test-merge-race.c: several people edit and save one file at the same time
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Processes of tests/core/merge-racer.c each make their edits and save
 * after each one, all at once, on one shared file: every save merges onto
 * whatever the others published. Nothing may be lost: every edit is in the
 * file afterwards, the file is sound, and every clash on one field was
 * reported once and left its losing value in the change log.
 */
#include "config.h"

#include <string.h>

#include "project-file-fixture.h"
#include "gk-project-file-parts.h"

typedef struct {
  GSubprocess *process;
  char        *output;
} Racer;

static void
racers_run (Fixture     *fixture,
            const char  *shared,
            guint        n_racers,
            int          n_edits,
            const char **fields,
            guint       *out_conflicts,
            guint       *out_resolved)
{
  g_autofree char *racer_path = g_test_build_filename (G_TEST_BUILT, "merge-racer", NULL);
  g_autofree char *edits = g_strdup_printf ("%d", n_edits);
  g_autofree char *data_home = path_in (fixture, "racers");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  Racer racers[4] = { { 0, } };
  guint conflicts = 0, resolved = 0;

  /* Their own data folder: the working copies of people on other computers. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);

  g_assert_cmpuint (n_racers, <=, G_N_ELEMENTS (racers));
  for (guint i = 0; i < n_racers; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("racer%u", i);

      racers[i].process = g_subprocess_launcher_spawn (launcher, &error, racer_path, shared,
                                                       name, edits, fields[i], NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_racers; i++)
    {
      g_autoptr(GError) error = NULL;
      char *end = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (racers[i].process, NULL, NULL, &racers[i].output,
                                                    NULL, &error));
      g_assert_no_error (error);
      if (!g_subprocess_get_successful (racers[i].process))
        g_error ("racer %u on %s: %s", i, shared, racers[i].output);
      g_assert_true (g_str_has_prefix (racers[i].output, "done "));
      conflicts += (guint) g_ascii_strtoull (racers[i].output + 5, &end, 10);
      resolved += (guint) g_ascii_strtoull (end, NULL, 10);
      g_clear_object (&racers[i].process);
      g_free (racers[i].output);
    }
  *out_conflicts = conflicts;
  *out_resolved = resolved;
}

static void
assert_sound (const char *shared)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (gk_project_file_check (shared, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (shared, &db, SQLITE_OPEN_READONLY, "unix"), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (db);
  /* No lock and no temporary file stays behind. */
  {
    g_autofree char *lock = gk_publish_lock_path_for (shared);

    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }
}

/* Four people, 250 edits each, each on its own field of one row and its
 * own new rows: all 1,000 edits land, without a single conflict. */
static void
test_four_people (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "team.gripkaart", 2);
  const char *fields[] = { "title", "municipality", "ambition", "domains" };
  const int n_edits = 250;
  guint conflicts = 0, resolved = 0;

  racers_run (fixture, shared, 4, n_edits, fields, &conflicts, &resolved);
  assert_sound (shared);
  g_assert_cmpuint (conflicts, ==, 0);
  g_assert_cmpuint (resolved, ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM person WHERE name LIKE 'racer%u %%'", i);
      g_autofree char *last = g_strdup_printf ("SELECT count(*) FROM programme WHERE %s = 'racer%u %d'",
                                               fields[i], i, n_edits - 1);

      g_assert_cmpint (query_path_int (shared, count), ==, n_edits);
      g_assert_cmpint (query_path_int (shared, last), ==, 1);
    }
  g_assert_cmpint (query_path_int (shared, "SELECT count(*) FROM person"), ==, 2 + 4 * n_edits);
  g_assert_cmpint (query_path_int (shared, "SELECT count(*) FROM revision"), >=, 4 * n_edits);
}

/* Two people setting the same field all the time: every clash is one
 * conflict, and each left the value that lost in the change log. */
static void
test_same_field (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "clash.gripkaart", 2);
  const char *fields[] = { "ambition", "ambition" };
  guint conflicts = 0, resolved = 0;
  const int n_edits = 60;

  racers_run (fixture, shared, 2, n_edits, fields, &conflicts, &resolved);
  assert_sound (shared);
  g_test_message ("%u clashes reported, %u saves landed with a choice, in %d edits each",
                  conflicts, resolved, n_edits);
  g_assert_cmpuint (resolved, <=, conflicts);
  g_assert_cmpint (query_path_int (shared, "SELECT count(*) FROM change_log WHERE summary LIKE 'Merge: kept your version.%'"),
                   ==, resolved);
  g_assert_cmpint (query_path_int (shared, "SELECT count(*) FROM person"), ==, 2 + 2 * n_edits);
  g_assert_cmpint (query_path_int (shared, "SELECT count(*) FROM programme WHERE ambition IN ('racer0 59', 'racer1 59')"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/merge-race/four-people", test_four_people);
  ADD ("/merge-race/same-field", test_same_field);

  return g_test_run ();
}
