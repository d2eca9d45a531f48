/* test-presence.c: who else has the shared file open (the lock note)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include "project-file-fixture.h"
#include "gk-project-file-parts.h"

static char *
read_note (const char *shared)
{
  g_autofree char *path = gk_presence_note_path_for (shared);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static void
append_line (const char *shared, const char *line)
{
  g_autofree char *path = gk_presence_note_path_for (shared);
  g_autofree char *contents = read_note (shared);
  g_autofree char *next = g_strconcat (contents != NULL ? contents : "", line, "\n", NULL);

  g_assert_true (g_file_set_contents (path, next, -1, NULL));
}

static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static void
test_presence (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "team.gripkaart", 2);
  g_autofree char *note_path = gk_presence_note_path_for (shared);
  g_autoptr(GkProjectFile) mine = NULL;
  g_autoptr(GkProjectFile) second = NULL;
  g_autofree char *note = NULL;
  g_autofree char *bram = NULL;
  g_autofree char *crashed = NULL;
  g_autofree char *old = NULL;
  g_autofree char *note_name = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;
  gboolean notified = FALSE;
  const char * const *others;

  note_name = g_path_get_basename (note_path);
  g_assert_cmpstr (note_name, ==, ".~lock.team.gripkaart#");

  /* Opening joins the note; nobody else is there. */
  mine = open_ok (shared);
  note = read_note (shared);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, g_get_user_name ()));
  g_assert_nonnull (strstr (note, g_get_host_name ()));
  g_assert_cmpuint (g_strv_length ((char **) gk_project_file_get_others (mine)), ==, 0);

  /* Bram on his laptop; a window of this host that crashed; one that
   * stopped refreshing long ago; garbage. Only Bram counts. */
  bram = g_strdup_printf ("Bram de Vries,bram,laptop-bram,%" G_GINT64_FORMAT ",4242,b1", now_s);
  crashed = g_strdup_printf ("Crash,crash,%s,%" G_GINT64_FORMAT ",%d,c1", g_get_host_name (),
                             now_s, (int) dead_pid ());
  old = g_strdup_printf ("Oud,oud,elders,%" G_GINT64_FORMAT ",1,o1",
                         now_s - 2 * GK_PRESENCE_STALE_US / G_USEC_PER_SEC);
  append_line (shared, bram);
  append_line (shared, crashed);
  append_line (shared, old);
  append_line (shared, "\x01,,;garbage");
  g_signal_connect_swapped (mine, "notify::others", G_CALLBACK (g_nullify_pointer), &notified);
  notified = TRUE;
  gk_project_file_refresh_presence (mine);
  g_assert_false (notified);   /* nullified: the signal came */
  others = gk_project_file_get_others (mine);
  g_assert_cmpuint (g_strv_length ((char **) others), ==, 1);
  g_assert_cmpstr (others[0], ==, "Bram de Vries");

  /* The refresh dropped the dead lines and kept Bram's. */
  g_clear_pointer (&note, g_free);
  note = read_note (shared);
  g_assert_nonnull (strstr (note, "laptop-bram"));
  g_assert_null (strstr (note, "Crash"));
  g_assert_null (strstr (note, "Oud"));
  g_assert_null (strstr (note, "garbage"));

  /* A second window sees the first (and Bram). */
  second = open_ok (shared);
  g_assert_cmpuint (g_strv_length ((char **) gk_project_file_get_others (second)), ==, 2);
  gk_project_file_close (second);

  /* Closing leaves the note; Bram's line stays. */
  gk_project_file_close (mine);
  g_clear_pointer (&note, g_free);
  note = read_note (shared);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "laptop-bram"));
  lines = g_strsplit (note, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);   /* Bram's line, and the end */
  g_assert_cmpstr (lines[0], ==, bram);
}

/* Alone, the note is removed at close; a folder that cannot be written
 * still opens. */
static void
test_presence_alone (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shared = make_project (fixture, "alone.gripkaart", 2);
  g_autofree char *note_path = gk_presence_note_path_for (shared);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (shared);
  g_autoptr(GError) error = NULL;

  project = open_ok (shared);
  g_assert_true (g_file_test (note_path, G_FILE_TEST_EXISTS));
  gk_project_file_close (project);
  g_assert_false (g_file_test (note_path, G_FILE_TEST_EXISTS));
  g_clear_object (&project);

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  project = gk_project_file_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (g_strv_length ((char **) gk_project_file_get_others (project)), ==, 0);
  gk_project_file_close (project);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/presence/note", Fixture, NULL, fixture_set_up, test_presence, fixture_tear_down);
  g_test_add ("/presence/alone", Fixture, NULL, fixture_set_up, test_presence_alone,
              fixture_tear_down);
  return g_test_run ();
}
