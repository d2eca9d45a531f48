/* test-publish-race.c: people saving the shared file at the same moment,
 * in separate processes, and the leftovers of killed saves
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing may be lost: whoever is told "saved" has their edit in the shared
 * file, and whoever is refused still has it in their working copy.
 */
#include "config.h"

#include <sys/wait.h>
#include <utime.h>

#include "project-file-fixture.h"
#include "gk-project-file-parts.h"

#define N_RACERS 2
#define N_ROUNDS 50

typedef struct {
  GSubprocess      *process;
  GDataInputStream *out;
  char             *working;
  char             *result;
  int               id;
} Racer;

static char *
read_line_ok (Racer *racer)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (racer->out, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

static void
racer_start (Racer *racer, const char *shared, int id, const char *latency_us,
             const char *data_home)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "publish-racer", NULL);
  g_autofree char *id_text = g_strdup_printf ("%d", id);
  g_autoptr(GError) error = NULL;

  racer->id = id;
  /* Their own working copies, apart from the test's. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  racer->process = g_subprocess_launcher_spawn (launcher, &error, helper, shared, id_text,
                                                latency_us, NULL);
  g_assert_no_error (error);
  racer->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (racer->process));
}

static void
racer_wait_ready (Racer *racer)
{
  g_autofree char *line = read_line_ok (racer);

  if (!g_str_has_prefix (line, "ready "))
    g_error ("the racer could not start: %s", line);
  racer->working = g_strdup (line + strlen ("ready "));
}

static void
racer_go (Racer *racer)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_subprocess_get_stdin_pipe (racer->process), "go\n", 3,
                             NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
racer_finish (Racer *racer)
{
  g_autoptr(GError) error = NULL;

  racer->result = read_line_ok (racer);
  g_assert_true (g_subprocess_wait_check (racer->process, NULL, &error));
  g_assert_no_error (error);
}

static void
racer_clear (Racer *racer)
{
  g_clear_object (&racer->out);
  g_clear_object (&racer->process);
  g_clear_pointer (&racer->working, g_free);
  g_clear_pointer (&racer->result, g_free);
}

static gboolean
has_person (const char *path, int id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person WHERE id = %d", id);
  sqlite3 *db = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, "unix"), ==, SQLITE_OK);
  n = query_int (db, sql);
  sqlite3_close (db);
  return n == 1;
}

/* One round: every racer opens, edits, and saves at the same moment. */
static guint
race_round (Fixture *fixture, int round, const char *latency_us)
{
  g_autofree char *name = g_strdup_printf ("round-%d.gripkaart", round);
  g_autofree char *shared = make_project (fixture, name, 2);
  g_autofree char *data_home = path_in (fixture, "racers");
  g_autoptr(GError) error = NULL;
  Racer racers[N_RACERS] = { 0 };
  guint saved = 0;

  for (int i = 0; i < N_RACERS; i++)
    racer_start (&racers[i], shared, 1000 * round + i + 10, latency_us, data_home);
  for (int i = 0; i < N_RACERS; i++)
    racer_wait_ready (&racers[i]);
  for (int i = 0; i < N_RACERS; i++)
    racer_go (&racers[i]);
  for (int i = 0; i < N_RACERS; i++)
    racer_finish (&racers[i]);

  g_assert_true (gk_project_file_check (shared, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < N_RACERS; i++)
    {
      if (g_str_equal (racers[i].result, "saved"))
        {
          /* Told "saved": it is in the file. */
          if (!has_person (shared, racers[i].id))
            g_error ("round %d: racer %d was told “saved” but its edit is not in the file",
                     round, i);
          saved++;
        }
      else
        {
          /* Refused, as changed by someone else: the edit waits in its
           * working copy, which closing kept. */
          g_assert_true (g_str_has_prefix (racers[i].result, "refused "));
          g_assert_true (g_file_test (racers[i].working, G_FILE_TEST_EXISTS));
          g_assert_true (has_person (racers[i].working, racers[i].id));
        }
    }
  g_assert_cmpuint (saved, >=, 1);   /* someone always gets through */

  /* No lock and no temporary file stays behind. */
  {
    g_autofree char *lock = gk_publish_lock_path_for (shared);

    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (gk_storage_clean_stale_temp_files (shared, G_MAXINT64 / 2, 0), ==, 0);
  }

  for (int i = 0; i < N_RACERS; i++)
    racer_clear (&racers[i]);
  return saved;
}

static void
test_race (Fixture *fixture, gconstpointer data)
{
  guint both_saved = 0;

  for (int round = 0; round < N_ROUNDS; round++)
    if (race_round (fixture, round, data) == N_RACERS)
      both_saved++;
  g_test_message ("%u of %d rounds: both saved (one after the other)", both_saved, N_ROUNDS);
}

/* --- the lock -------------------------------------------------------------- */

/* A leftover beside the shared file, age_s old by the folder's clock (the
 * one its cleanup goes by), whatever this process's clock says. */
static void
write_leftover (const char *path, const char *note, gint64 age_s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  gint64 folder_now_s = gk_storage_folder_now_us (dir) / G_USEC_PER_SEC;
  struct utimbuf times;

  g_file_set_contents (path, note, -1, &error);
  g_assert_no_error (error);
  times.actime = times.modtime = folder_now_s - age_s;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_lock_held (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "held.gripkaart", 2);
  g_autofree char *lock_path = gk_publish_lock_path_for (shared);
  g_autofree char *note = g_strdup_printf ("bram,%s,%d,%" G_GINT64_FORMAT ",0\n",
                                           g_get_host_name (), (int) getppid (),
                                           g_get_real_time ());
  g_autoptr(GError) error = NULL;
  GkPublishLock *lock;

  /* A live publisher on this host holds it: we wait, then give up, naming him. */
  write_leftover (lock_path, note, 0);
  lock = gk_publish_lock_acquire (shared, "held.gripkaart", 50 * 1000, NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "bram"));
  g_clear_error (&error);

  /* A note we cannot read is waited for while it is young (its writer may
   * not have written it yet). */
  write_leftover (lock_path, "", 0);
  lock = gk_publish_lock_acquire (shared, "held.gripkaart", 50 * 1000, NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* Nor when our clock is ahead of the file server's (its file time is
   * the server's, as a write gives it): under faketime in the future this
   * lock looked months old, and was broken while its writer held it. */
  g_file_set_contents (lock_path, "", 0, &error);
  g_assert_no_error (error);
  lock = gk_publish_lock_acquire (shared, "held.gripkaart", 50 * 1000, NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

static void
test_lock_stale (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "stale.gripkaart", 2);
  g_autofree char *lock_path = gk_publish_lock_path_for (shared);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) project = NULL;
  pid_t gone;
  g_autofree char *dead = NULL;
  g_autofree char *old = NULL;
  GkPublishLock *lock;

  /* A process of this host that is gone. */
  gone = fork ();
  if (gone == 0)
    _exit (0);
  g_assert_cmpint (gone, >, 0);
  g_assert_cmpint (waitpid (gone, NULL, 0), ==, gone);
  dead = g_strdup_printf ("ayse,%s,%d,%" G_GINT64_FORMAT ",0\n", g_get_host_name (), (int) gone,
                          g_get_real_time ());
  write_leftover (lock_path, dead, 0);
  lock = gk_publish_lock_acquire (shared, "stale.gripkaart", 50 * 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_true (gk_publish_lock_still_held (lock));
  gk_publish_lock_release (lock);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* Another host's lock, and garbage, both older than the timeout. */
  old = g_strdup_printf ("bram,elders,1,%" G_GINT64_FORMAT ",0\n",
                         g_get_real_time () - 2 * GK_PUBLISH_LOCK_STALE_US);
  write_leftover (lock_path, old, 2 * GK_PUBLISH_LOCK_STALE_US / G_USEC_PER_SEC);
  project = open_ok (shared);
  insert_person (project, 77, "Na de crash");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  write_leftover (lock_path, "\x01garbage,,", 2 * GK_PUBLISH_LOCK_STALE_US / G_USEC_PER_SEC);
  insert_person (project, 78, "Na rommel");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  g_assert_true (has_person (shared, 77) && has_person (shared, 78));

  /* An old note from another host is not broken before its time by a
   * clock that is ahead: a young file time keeps it. */
  write_leftover (lock_path, old, 0);
  lock = gk_publish_lock_acquire (shared, "stale.gripkaart", 50 * 1000, NULL, &error);
  g_assert_null (lock);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED);
}

/* A writer that does not take turns (a sync client) replaces the file
 * just after our rename: that round is not a save. The save merges onto
 * the file now in place and publishes again. */
static char *intruder_source;

static void
intruder_replaces (GkStorageStep step, const char *path, gpointer user_data)
{
  if (step == GK_STORAGE_STEP_RENAMED && intruder_source != NULL)
    {
      g_assert_cmpint (g_rename (intruder_source, path), ==, 0);
      g_clear_pointer (&intruder_source, g_free);
    }
}

static void
test_replaced_after_rename (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "team.gripkaart", 2);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;

  project = open_ok (shared);
  insert_person (project, 90, "Mijn wijziging");

  intruder_source = make_project (fixture, "theirs.gripkaart", 4);
  exec_ok_path (intruder_source, "INSERT INTO person (id, name) VALUES (91, 'Hun wijziging')");
  gk_storage_set_step_hook_for_testing (intruder_replaces, NULL);
  g_assert_true (gk_project_file_save (project, &error));
  gk_storage_set_step_hook_for_testing (NULL, NULL);
  g_assert_no_error (error);
  g_assert_null (intruder_source);   /* it did happen */

  /* Both: ours merged onto what replaced it. */
  g_assert_true (has_person (shared, 90));
  g_assert_true (has_person (shared, 91));
  g_assert_false (gk_project_file_has_unpublished_changes (project));
  g_assert_false (gk_project_file_changed_on_disk (project, &error));
  g_assert_no_error (error);
}

/* --- leftovers of killed saves ---------------------------------------------- */

static void
test_stale_temp_files (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "plan.gripkaart", 2);
  const char *old_ones[] = { ".plan.gripkaart.Ab12Cd", ".plan.gripkaart.Ab12Cd-journal",
                             ".plan.gripkaart.zzzzzz-wal", ".plan.gripkaart.publish-lock.Qw12Er",
                             ".plan.gripkaart.publish-lock.stale-12-0badf00d" };
  const char *kept[] = { ".plan.gripkaart.young1", "plan.gripkaart.Ab12Cd",
                         ".plan.gripkaart.Ab12Cd.bak", ".other.gripkaart.Ab12Cd",
                         ".plan.gripkaart.Ab1", "notes.txt" };
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (old_ones); i++)
    {
      g_autofree char *path = path_in (fixture, old_ones[i]);

      write_leftover (path, "left by a kill", 3600);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = path_in (fixture, kept[i]);

      write_leftover (path, "not ours, or young", i == 0 ? 0 : 3600);
    }

  /* Opening cleans up... */
  project = open_ok (shared);
  for (gsize i = 0; i < G_N_ELEMENTS (old_ones); i++)
    {
      g_autofree char *path = path_in (fixture, old_ones[i]);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      write_leftover (path, "left by another kill", 3600);
    }

  /* ...and so does a save. */
  insert_person (project, 5, "Opruimer");
  g_assert_true (gk_project_file_save (project, &error));
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (old_ones); i++)
    {
      g_autofree char *path = path_in (fixture, old_ones[i]);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = path_in (fixture, kept[i]);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* Set-aside crash copies: the newest few of each file always stay, older
 * ones for two weeks. */
static void
test_prune_set_aside (Fixture *fixture, gconstpointer data)
{
  const int a_days[] = { 0, 1, 2, 3, 4, 6, 20, 30 };
  const gboolean a_kept[] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE };
  const int b_days[] = { 100, 200 };
  gint64 now_us = gk_storage_folder_now_us (fixture->dir);
  g_autofree char *other = path_in (fixture, "abc.gripkaart");

  for (gsize i = 0; i < G_N_ELEMENTS (a_days); i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/abc.recovered-2026120%zu.gripkaart", fixture->dir, i);
      g_autofree char *ini = g_strdup_printf ("%s/abc.recovered-2026120%zu.ini", fixture->dir, i);

      write_leftover (db, "copy", a_days[i] * 24 * 3600);
      write_leftover (ini, "key", a_days[i] * 24 * 3600);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (b_days); i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/def.recovered-2025010%zu.gripkaart", fixture->dir, i);

      write_leftover (db, "copy", b_days[i] * 24 * 3600);
    }
  write_leftover (other, "a working copy", 400 * 24 * 3600);

  g_assert_cmpuint (gk_working_copy_prune_set_aside (fixture->dir, now_us), ==, 2);
  for (gsize i = 0; i < G_N_ELEMENTS (a_days); i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/abc.recovered-2026120%zu.gripkaart", fixture->dir, i);
      g_autofree char *ini = g_strdup_printf ("%s/abc.recovered-2026120%zu.ini", fixture->dir, i);

      g_assert_cmpint (g_file_test (db, G_FILE_TEST_EXISTS), ==, a_kept[i]);
      g_assert_cmpint (g_file_test (ini, G_FILE_TEST_EXISTS), ==, a_kept[i]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (b_days); i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/def.recovered-2025010%zu.gripkaart", fixture->dir, i);

      g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (gk_working_copy_prune_set_aside (fixture->dir, now_us), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/publish/race/local", Fixture, "0", fixture_set_up, test_race, fixture_tear_down);
  g_test_add ("/publish/race/slow-share", Fixture, "5000", fixture_set_up, test_race,
              fixture_tear_down);
  g_test_add ("/publish/lock/held", Fixture, NULL, fixture_set_up, test_lock_held,
              fixture_tear_down);
  g_test_add ("/publish/lock/stale", Fixture, NULL, fixture_set_up, test_lock_stale,
              fixture_tear_down);
  g_test_add ("/publish/lock/replaced-after-rename", Fixture, NULL, fixture_set_up,
              test_replaced_after_rename, fixture_tear_down);
  g_test_add ("/publish/leftovers/temp-files", Fixture, NULL, fixture_set_up,
              test_stale_temp_files, fixture_tear_down);
  g_test_add ("/publish/leftovers/set-aside-copies", Fixture, NULL, fixture_set_up,
              test_prune_set_aside, fixture_tear_down);
  return g_test_run ();
}
