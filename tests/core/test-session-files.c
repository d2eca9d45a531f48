/* test-session-files.c: the session's saves in the background
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a save means for the open programme: clean once everything is in
 * the file, still dirty when an edit came in while the save ran.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-clock.h"
#include "gk-demo.h"
#include "gk-session.h"
#include "slow-folder.h"

typedef struct {
  SlowFolder  slow;
  char       *path;
  GkClock    *clock;
  GkSession  *session;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  fixture->path = g_build_filename (g_get_user_cache_dir (), "demo.gripkaart", NULL);
  g_remove (fixture->path);
  g_assert_true (gk_demo_write_file (fixture->path, &today, &error));
  g_assert_no_error (error);

  fixture->clock = gk_clock_new_fixed (&today);
  fixture->session = gk_session_new (fixture->clock);
  file = g_file_new_for_path (fixture->path);
  g_assert_true (gk_session_open (fixture->session, file, &error));
  g_assert_no_error (error);

  slow_folder_install (&fixture->slow);
  async_outcomes_done = 0;
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  slow_folder_remove (&fixture->slow);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->clock);
  g_remove (fixture->path);
  g_free (fixture->path);
}

static void
rename_programme (GkSession  *session,
                  const char *title)
{
  GkDocument *document = gk_session_get_document (session);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));
  g_autoptr(GError) error = NULL;

  gk_programme_set_title (GK_PROGRAMME (copy), title);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_get_dirty (document));
}

/* The title in the file on disk, as another user would open it. */
static char *
title_in_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkSession) reader = gk_session_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_session_open (reader, file, &error));
  g_assert_no_error (error);
  return g_strdup (gk_programme_get_title (gk_document_get_programme (gk_session_get_document (reader))));
}

static void
session_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  AsyncOutcome *outcome = data;

  if (g_task_get_source_tag (G_TASK (result)) == gk_session_save_as_async)
    outcome->ok = gk_session_save_as_finish (GK_SESSION (object), result, &outcome->error);
  else
    outcome->ok = gk_session_save_finish (GK_SESSION (object), result, &outcome->error);
  outcome->order = ++async_outcomes_done;
  outcome->done = TRUE;
}

static void
test_save_cleans (Fixture *fixture, gconstpointer data)
{
  g_autofree char *title = NULL;
  AsyncOutcome outcome = { 0 };

  rename_programme (fixture->session, "Grip op de wijk");
  gk_session_save_async (fixture->session, NULL, session_saved_cb, &outcome);
  async_outcome_wait (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_false (gk_document_get_dirty (gk_session_get_document (fixture->session)));
  title = title_in_file (fixture->path);
  g_assert_cmpstr (title, ==, "Grip op de wijk");
  async_outcome_clear (&outcome);
}

/* An edit while the save writes is not in the file: the programme stays
 * dirty until the next save, which takes it. */
static void
test_edit_during_save (Fixture *fixture, gconstpointer data)
{
  g_autofree char *first_title = NULL;
  g_autofree char *second_title = NULL;
  AsyncOutcome first = { 0 }, second = { 0 };

  rename_programme (fixture->session, "Eerste titel");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_SYNC);
  gk_session_save_async (fixture->session, NULL, session_saved_cb, &first);
  slow_folder_wait_until_held (&fixture->slow);
  rename_programme (fixture->session, "Tweede titel");
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&first);
  g_assert_no_error (first.error);
  g_assert_true (gk_document_get_dirty (gk_session_get_document (fixture->session)));
  first_title = title_in_file (fixture->path);
  g_assert_cmpstr (first_title, ==, "Eerste titel");

  gk_session_save_async (fixture->session, NULL, session_saved_cb, &second);
  async_outcome_wait (&second);
  g_assert_no_error (second.error);
  g_assert_false (gk_document_get_dirty (gk_session_get_document (fixture->session)));
  second_title = title_in_file (fixture->path);
  g_assert_cmpstr (second_title, ==, "Tweede titel");

  async_outcome_clear (&first);
  async_outcome_clear (&second);
}

static void
test_save_as (Fixture *fixture, gconstpointer data)
{
  g_autofree char *other = g_build_filename (g_get_user_cache_dir (), "kopie.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other);
  g_autofree char *title = NULL;
  AsyncOutcome outcome = { 0 };

  rename_programme (fixture->session, "Kopie");
  gk_session_save_as_async (fixture->session, file, NULL, session_saved_cb, &outcome);
  async_outcome_wait (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_false (gk_document_get_dirty (gk_session_get_document (fixture->session)));
  g_assert_true (g_file_equal (gk_project_file_get_file (gk_session_get_project_file (fixture->session)), file));
  title = title_in_file (other);
  g_assert_cmpstr (title, ==, "Kopie");
  g_remove (other);
  async_outcome_clear (&outcome);
}

/* Closing the session while the save runs: the save lands all the same. */
static void
test_close_during_save (Fixture *fixture, gconstpointer data)
{
  g_autofree char *title = NULL;
  AsyncOutcome outcome = { 0 };

  rename_programme (fixture->session, "Na het sluiten");
  slow_folder_hold_at (&fixture->slow, GK_STORAGE_STEP_RENAME);
  gk_session_save_async (fixture->session, NULL, session_saved_cb, &outcome);
  slow_folder_wait_until_held (&fixture->slow);
  gk_session_close (fixture->session);
  g_assert_false (gk_session_is_open (fixture->session));
  slow_folder_release (&fixture->slow);

  async_outcome_wait (&outcome);
  g_assert_no_error (outcome.error);
  title = title_in_file (fixture->path);
  g_assert_cmpstr (title, ==, "Na het sluiten");
  async_outcome_clear (&outcome);
}

static void
test_nothing_open (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GkSession) empty = gk_session_new (fixture->clock);
  AsyncOutcome outcome = { 0 };

  gk_session_save_async (empty, NULL, session_saved_cb, &outcome);
  async_outcome_wait (&outcome);
  g_assert_error (outcome.error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED);
  async_outcome_clear (&outcome);
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/session/save/cleans", test_save_cleans);
  ADD ("/session/save/edit-during-save", test_edit_during_save);
  ADD ("/session/save/save-as", test_save_as);
  ADD ("/session/save/close-during-save", test_close_during_save);
  ADD ("/session/save/nothing-open", test_nothing_open);

  return g_test_run ();
}
