/* test-conflict-copies.c: the copies sync clients leave beside the file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <utime.h>

#include "project-file-fixture.h"
#include "gk-conflict-copy.h"

#define PLAN "plan.gripkaart"

typedef struct {
  const char   *name;
  GkSyncClient  client;
  const char   *author;        /* NULL: none in the name */
  gboolean      has_time;
  int           year, month, day, hour, minute, second;
} Expected;

/* Oldest first, as find returns them. The OneDrive copy's time is the
 * modification time the test gives it. */
static const Expected plan_copies[] = {
  { "plan (Bram's conflicted copy 2026-12-01).gripkaart",
    GK_SYNC_CLIENT_DROPBOX, "Bram", FALSE, 2026, 12, 1, 0, 0, 0 },
  { "plan (Bram de Vries's conflicted copy 2026-12-02) (1).gripkaart",
    GK_SYNC_CLIENT_DROPBOX, "Bram de Vries", FALSE, 2026, 12, 2, 0, 0, 0 },
  { "plan (conflicted copy 2026-12-03 101500).gripkaart",
    GK_SYNC_CLIENT_NEXTCLOUD, NULL, TRUE, 2026, 12, 3, 10, 15, 0 },
  { "plan.sync-conflict-20261203-111542-ABCDEFG.gripkaart",
    GK_SYNC_CLIENT_SYNCTHING, "ABCDEFG", TRUE, 2026, 12, 3, 11, 15, 42 },
  { "plan-LAPTOP-BRAM.gripkaart",
    GK_SYNC_CLIENT_ONEDRIVE, "LAPTOP-BRAM", TRUE, 2026, 12, 5, 8, 0, 0 },
};

static void
set_mtime (const char *path, int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, minute, 0);
  struct utimbuf times = { g_date_time_to_unix (when), g_date_time_to_unix (when) };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
write_text (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A sound Gripkaart file of another programme (another title). */
static void
make_other_programme (const char *path)
{
  sqlite3 *db = make_project_full (path, 1, TRUE);

  exec_ok (db, "UPDATE programme SET title = 'Een heel ander programma'");
  sqlite3_close (db);
}

static GPtrArray *
find_beside (const char *project_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(GError) error = NULL;
  GPtrArray *copies = gk_conflict_copies_find (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copies);
  return copies;
}

static void
assert_copy (GkConflictCopy *copy, const char *dir, const Expected *expected)
{
  g_autofree char *path = g_build_filename (dir, expected->name, NULL);
  GDateTime *when = gk_conflict_copy_get_when (copy);
  g_autoptr(GDateTime) expected_when =
    g_date_time_new_local (expected->year, expected->month, expected->day,
                           expected->hour, expected->minute, expected->second);

  g_assert_cmpstr (g_file_peek_path (gk_conflict_copy_get_file (copy)), ==, path);
  g_assert_cmpint (gk_conflict_copy_get_client (copy), ==, expected->client);
  g_assert_cmpstr (gk_conflict_copy_get_author (copy), ==, expected->author);
  g_assert_cmpint (gk_conflict_copy_get_when_has_time (copy), ==, expected->has_time);
  g_assert_cmpint (g_date_time_to_unix (when), ==, g_date_time_to_unix (expected_when));
}

/* Each client's name is recognised, with who and when, oldest first;
 * whatever order the folder lists them in. */
static void
test_each_client (Fixture *fixture, gconstpointer data)
{
  g_autofree char *plan = make_project (fixture, PLAN, 2);
  g_autoptr(GPtrArray) copies = NULL;

  for (guint i = G_N_ELEMENTS (plan_copies); i-- > 0;)
    {
      g_autofree char *path = path_in (fixture, plan_copies[i].name);

      /* OneDrive's copy is the same programme; the others need not be
       * judged by their contents, but are real copies here too. */
      make_project_full (path, 1, FALSE);
    }
  {
    g_autofree char *onedrive = path_in (fixture, "plan-LAPTOP-BRAM.gripkaart");

    set_mtime (onedrive, 2026, 12, 5, 8, 0);
  }

  copies = find_beside (plan);
  g_assert_cmpuint (copies->len, ==, G_N_ELEMENTS (plan_copies));
  for (guint i = 0; i < copies->len; i++)
    assert_copy (g_ptr_array_index (copies, i), fixture->dir, &plan_copies[i]);
}

/* Names that look like a conflict copy but are not one. */
static void
test_near_misses (Fixture *fixture, gconstpointer data)
{
  static const char * const not_copies[] = {
    "plan (Bram's conflicted copy 2026-02-30).gripkaart",        /* no 30 February */
    "plan (Bram's conflicted copy 2026-13-01).gripkaart",        /* no month 13 */
    "plan (Bram's conflicted copy 26-12-03).gripkaart",          /* two-digit year */
    "plan (Bram's conflicted copy 2026-12-03) (x).gripkaart",    /* not a number */
    "plan ('s conflicted copy 2026-12-03).gripkaart",            /* nobody */
    "plan (conflicted copy 2026-12-03 251500).gripkaart",        /* 25 o'clock */
    "plan (conflicted copy 2026-12-03 1015).gripkaart",          /* no seconds */
    "plan (conflicted copy 2026-12-03 101500).gripkaart\n",      /* a newline after */
    "plan.sync-conflict-20261203-101500-ABCDEF.gripkaart",       /* six-letter device */
    "plan.sync-conflict-20261203-101500-abcdefg.gripkaart",      /* lower case */
    "plan.sync-conflict-20260231-101500-ABCDEFG.gripkaart",      /* 31 February */
    "plan.sync-conflict-20261203-101500-ABCDEFG.gripkaart.bak",  /* another extension */
    "plan (Bram's conflicted copy 2026-12-03).ods",              /* another extension */
    "plan (conflicted copy 2026-12-03 101500).Gripkaart",        /* another extension */
    "plans (Bram's conflicted copy 2026-12-03).gripkaart",       /* another base name */
    "xplan (conflicted copy 2026-12-03 101500).gripkaart",       /* another base name */
    "other.sync-conflict-20261203-101500-ABCDEFG.gripkaart",     /* another base name */
    "plan.gripkaart (conflicted copy 2026-12-03 101500)",        /* the name turned round */
    "plan-.gripkaart",                                           /* no host */
    "plan-my laptop.gripkaart",                                  /* not a host name */
  };
  g_autofree char *plan = make_project (fixture, PLAN, 2);
  g_autofree char *old = path_in (fixture, "plan-old.gripkaart");
  g_autofree char *notes = path_in (fixture, "plan-notes.gripkaart");
  g_autofree char *folder = path_in (fixture, "plan (conflicted copy 2026-12-03 101500).gripkaart");
  g_autofree char *link = path_in (fixture, "plan (conflicted copy 2026-12-04 101500).gripkaart");
  g_autoptr(GPtrArray) copies = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (not_copies); i++)
    {
      g_autofree char *path = path_in (fixture, not_copies[i]);

      make_project_full (path, 1, FALSE);
    }
  /* The user's own files beside the team's: another programme, and a file
   * that is not Gripkaart's at all. */
  make_other_programme (old);
  write_text (notes, "notes, not a programme\n");
  /* A folder and a link with a copy's name are not copies of the file. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (plan, link), ==, 0);

  copies = find_beside (plan);
  for (guint i = 0; i < copies->len; i++)
    g_test_message ("recognised: %s",
                    g_file_peek_path (gk_conflict_copy_get_file (g_ptr_array_index (copies, i))));
  g_assert_cmpuint (copies->len, ==, 0);
}

/* A base name with spaces, brackets, dots and non-ASCII is matched as it
 * is, not as a pattern: "ë.[team]" is not "ëx[team]". */
static void
test_awkward_base_name (Fixture *fixture, gconstpointer data)
{
  static const char *base = "Plan (v2) ë.[team]+*?";
  g_autofree char *plan_name = g_strconcat (base, ".gripkaart", NULL);
  g_autofree char *plan = make_project (fixture, plan_name, 2);
  g_autofree char *dropbox = g_strconcat (base, " (Ëlla's conflicted copy 2026-12-03).gripkaart", NULL);
  g_autofree char *syncthing = g_strconcat (base, ".sync-conflict-20261204-090000-XYZ2345.gripkaart", NULL);
  g_autofree char *onedrive = g_strconcat (base, "-PC01.gripkaart", NULL);
  const char *others[] = {
    "Plan (v2) ëx[team]+*? (Bram's conflicted copy 2026-12-03).gripkaart",
    "Plan (v2) ë.[team]+*?? (Bram's conflicted copy 2026-12-03).gripkaart",
    "Plan (v2) ë.[team]+*.sync-conflict-20261204-090000-XYZ2345.gripkaart",
  };
  g_autoptr(GPtrArray) copies = NULL;
  const char *wanted[] = { dropbox, syncthing, onedrive };

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autofree char *path = path_in (fixture, wanted[i]);

      make_project_full (path, 1, FALSE);
      if (i == 2)
        set_mtime (path, 2026, 12, 6, 12, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = path_in (fixture, others[i]);

      make_project_full (path, 1, FALSE);
    }

  copies = find_beside (plan);
  g_assert_cmpuint (copies->len, ==, 3);
  for (guint i = 0; i < copies->len; i++)
    {
      g_autofree char *name = g_file_get_basename (gk_conflict_copy_get_file (g_ptr_array_index (copies, i)));

      g_assert_cmpstr (name, ==, wanted[i]);
    }
  g_assert_cmpstr (gk_conflict_copy_get_author (g_ptr_array_index (copies, 0)), ==, "Ëlla");
  g_assert_cmpint (gk_conflict_copy_get_client (g_ptr_array_index (copies, 2)), ==, GK_SYNC_CLIENT_ONEDRIVE);
}

static GkConflictCopy *
the_one_copy (const char *plan)
{
  g_autoptr(GPtrArray) copies = find_beside (plan);

  g_assert_cmpuint (copies->len, ==, 1);
  return gk_conflict_copy_ref (g_ptr_array_index (copies, 0));
}

/* Moved aside into the hidden folder, bytes unchanged; a second copy of
 * the same name never replaces the first. */
static void
test_move_aside_keeps_everything (Fixture *fixture, gconstpointer data)
{
  static const char *name = "plan (conflicted copy 2026-12-03 101500).gripkaart";
  g_autofree char *plan = make_project (fixture, PLAN, 2);
  g_autofree char *copy_path = path_in (fixture, name);
  g_autofree char *aside = path_in (fixture, GK_CONFLICT_COPY_ASIDE_FOLDER);
  g_autofree char *first_place = g_build_filename (aside, name, NULL);
  g_autofree char *second_place = g_build_filename (aside, "plan (conflicted copy 2026-12-03 101500) (2).gripkaart", NULL);
  g_autofree char *first_hash = NULL;
  g_autofree char *second_hash = NULL;
  g_autoptr(GError) error = NULL;

  make_project_full (copy_path, 3, FALSE);
  first_hash = file_sha256 (copy_path);
  {
    g_autoptr(GkConflictCopy) copy = the_one_copy (plan);
    g_autoptr(GFile) moved = gk_conflict_copy_move_aside (copy, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (g_file_peek_path (moved), ==, first_place);
  }
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *moved_hash = file_sha256 (first_place);

    g_assert_cmpstr (moved_hash, ==, first_hash);
  }
  /* The hidden folder holds no conflict copies of its own to find. */
  {
    g_autoptr(GPtrArray) copies = find_beside (plan);

    g_assert_cmpuint (copies->len, ==, 0);
  }

  /* The sync client makes another copy under the same name. */
  make_project_full (copy_path, 5, FALSE);
  second_hash = file_sha256 (copy_path);
  g_assert_cmpstr (first_hash, !=, second_hash);
  {
    g_autoptr(GkConflictCopy) copy = the_one_copy (plan);
    g_autoptr(GFile) moved = gk_conflict_copy_move_aside (copy, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (g_file_peek_path (moved), ==, second_place);
  }
  {
    g_autofree char *first_now = file_sha256 (first_place);
    g_autofree char *second_now = file_sha256 (second_place);

    g_assert_cmpstr (first_now, ==, first_hash);
    g_assert_cmpstr (second_now, ==, second_hash);
  }
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
}

/* A read-only folder: a clear error, and the copy stays where it was. */
static void
test_move_aside_read_only (Fixture *fixture, gconstpointer data)
{
  static const char *name = "plan.sync-conflict-20261203-101500-ABCDEFG.gripkaart";
  g_autofree char *folder = path_in (fixture, "shared");
  g_autofree char *plan = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GkConflictCopy) copy = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) moved = NULL;
  gboolean root = FALSE;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  plan = g_build_filename (folder, PLAN, NULL);
  copy_path = g_build_filename (folder, name, NULL);
  make_project_full (plan, 2, FALSE);
  make_project_full (copy_path, 1, FALSE);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  if (root_ignores_permissions (folder))
    {
      /* Root writes anywhere; a read-only mount stops even root. */
      g_autofree char *point = mount_small_tmpfs (fixture, "1m");

      if (point == NULL)
        {
          g_test_skip ("root ignores folder permissions and cannot mount a read-only tmpfs here");
          return;
        }
      root = TRUE;
      g_free (plan);
      g_free (copy_path);
      plan = g_build_filename (point, PLAN, NULL);
      copy_path = g_build_filename (point, name, NULL);
      make_project_full (plan, 2, FALSE);
      make_project_full (copy_path, 1, FALSE);
      g_assert_cmpint (mount ("tmpfs", point, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
      g_free (folder);
      folder = g_strdup (point);
    }
  aside = g_build_filename (folder, GK_CONFLICT_COPY_ASIDE_FOLDER, NULL);
  copy = the_one_copy (plan);

  /* No hidden folder can be made. */
  before = snapshot (folder);
  moved = gk_conflict_copy_move_aside (copy, &error);
  g_assert_null (moved);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, "read-only"));
  assert_same_snapshot (before, folder);
  g_clear_error (&error);
  if (root)
    return;

  /* The hidden folder there, but read-only. */
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (aside, 0555), ==, 0);
  moved = gk_conflict_copy_move_aside (copy, &error);
  g_assert_null (moved);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_chmod (aside, 0700), ==, 0);
}

/* A file in the hidden folder's place, or a copy that someone else moved
 * already: each has its message, and nothing changes. */
static void
test_move_aside_refusals (Fixture *fixture, gconstpointer data)
{
  static const char *name = "plan (Bram's conflicted copy 2026-12-03).gripkaart";
  g_autofree char *plan = make_project (fixture, PLAN, 2);
  g_autofree char *copy_path = path_in (fixture, name);
  g_autofree char *aside = path_in (fixture, GK_CONFLICT_COPY_ASIDE_FOLDER);
  g_autoptr(GkConflictCopy) copy = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) moved = NULL;

  make_project_full (copy_path, 1, FALSE);
  copy = the_one_copy (plan);
  write_text (aside, "in the way\n");
  before = snapshot (fixture->dir);
  moved = gk_conflict_copy_move_aside (copy, &error);
  g_assert_null (moved);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, GK_CONFLICT_COPY_ASIDE_FOLDER));
  assert_same_snapshot (before, fixture->dir);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (aside), ==, 0);
  g_assert_cmpint (g_unlink (copy_path), ==, 0);
  moved = gk_conflict_copy_move_aside (copy, &error);
  g_assert_null (moved);
  g_assert_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (aside, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/conflict-copies/each-client", test_each_client);
  ADD ("/conflict-copies/near-misses", test_near_misses);
  ADD ("/conflict-copies/awkward-base-name", test_awkward_base_name);
  ADD ("/conflict-copies/move-aside/keeps-everything", test_move_aside_keeps_everything);
  ADD ("/conflict-copies/move-aside/read-only", test_move_aside_read_only);
  ADD ("/conflict-copies/move-aside/refusals", test_move_aside_refusals);
  return g_test_run ();
}
