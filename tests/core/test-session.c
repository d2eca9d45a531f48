/* test-session.c: the open programme, its analysis and its clock
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-clock-private.h"
#include "gk-demo.h"
#include "gk-session.h"

static GDate
dmy (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

/* A fresh demo programme written for @day; returns its file. */
static GFile *
write_demo (GDate day)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "demo.gripkaart", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_remove (path);
  g_assert_true (gk_demo_write_file (path, &day, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GkSession *
open_demo (GkClock *clock)
{
  g_autoptr(GFile) file = write_demo (gk_clock_get_today (clock));
  g_autoptr(GError) error = NULL;
  GkSession *session = gk_session_new (clock);

  g_assert_true (gk_session_open (session, file, &error));
  g_assert_no_error (error);
  return session;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static gboolean
wait_timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@counter reaches @value (the session renews at
 * idle); the time limit is only there so that a broken test fails rather
 * than hangs, generous for a loaded machine or a sanitizer build. */
static void
wait_for_count (guint *counter,
                guint  value)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (60, wait_timed_out_cb, &timed_out);

  while (*counter < value && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_cmpuint (*counter, ==, value);
}

static void
log_notify_cb (GObject    *object,
               GParamSpec *pspec,
               GString    *log)
{
  g_string_append_printf (log, "%s ", pspec->name);
}

static void
log_closed_cb (GkSession *session,
               GString   *log)
{
  /* by now nothing reachable from the session holds the document */
  g_assert_null (gk_session_get_document (session));
  g_assert_null (gk_session_get_analysis (session));
  g_assert_nonnull (gk_session_get_project_file (session));
  g_string_append (log, "closed ");
}

static void
test_open_and_close (void)
{
  GDate day = dmy (22, 11, 2026);
  g_autoptr(GkClock) clock = gk_clock_new_fixed (&day);
  g_autoptr(GkSession) session = gk_session_new (clock);
  g_autoptr(GFile) file = write_demo (day);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GkDocument *document;
  GDate today;

  g_assert_false (gk_session_is_open (session));
  g_assert_true (gk_session_get_clock (session) == clock);
  g_signal_connect (session, "notify", G_CALLBACK (log_notify_cb), log);
  g_assert_true (gk_session_open (session, file, &error));
  g_assert_no_error (error);
  /* file, then document, then analysis: each may look at the ones before */
  g_assert_cmpstr (log->str, ==, "project-file document analysis ");

  g_assert_true (gk_session_is_open (session));
  document = gk_session_get_document (session);
  g_assert_nonnull (gk_document_get_programme (document));
  g_assert_nonnull (gk_session_get_project_file (session));
  /* the analysis is judged on the session's clock */
  today = *gk_analysis_get_today (gk_session_get_analysis (session));
  g_assert_cmpint (g_date_compare (&today, &day), ==, 0);

  g_string_truncate (log, 0);
  g_signal_connect (session, "closed", G_CALLBACK (log_closed_cb), log);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  gk_session_close (session);
  g_assert_cmpstr (log->str, ==, "analysis document closed project-file ");
  g_assert_null (document);
  g_assert_false (gk_session_is_open (session));
  g_assert_null (gk_session_get_project_file (session));

  /* closing twice is harmless */
  g_string_truncate (log, 0);
  gk_session_close (session);
  g_assert_cmpstr (log->str, ==, "");
}

static void
rename_topic (GkDocument *document,
              guint       position,
              const char *name)
{
  g_autoptr(GkTopic) live = g_list_model_get_item (gk_document_get_topics (document), position);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
  g_autoptr(GError) error = NULL;

  gk_topic_set_name (GK_TOPIC (copy), name);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
}

/* Edits renew the analysis once per burst, before the next frame. */
static void
test_analysis_follows_edits (void)
{
  GDate day = dmy (22, 11, 2026);
  g_autoptr(GkClock) clock = gk_clock_new_fixed (&day);
  g_autoptr(GkSession) session = open_demo (clock);
  GkDocument *document = gk_session_get_document (session);
  GkAnalysis *before = gk_session_get_analysis (session);
  guint renewed = 0;

  g_object_add_weak_pointer (G_OBJECT (before), (gpointer *) &before);
  g_signal_connect (session, "notify::analysis", G_CALLBACK (count_notify_cb), &renewed);
  rename_topic (document, 0, "Eerste onderwerp");
  rename_topic (document, 1, "Tweede onderwerp");
  g_assert_cmpuint (renewed, ==, 0);

  wait_for_count (&renewed, 1);
  /* the old analysis is gone, the new one sees the edit */
  g_assert_null (before);
  g_assert_cmpstr (gk_topic_get_name (gk_analysis_get_topic (gk_session_get_analysis (session), 0)->topic),
                   ==, "Eerste onderwerp");
  /* and nothing more is pending */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (renewed, ==, 1);

  /* gk_session_update_analysis() does it at once */
  gk_session_update_analysis (session);
  g_assert_cmpuint (renewed, ==, 2);
}

/* A window left open overnight judges on the new day. */
static void
test_analysis_follows_the_day (void)
{
  GDate day = dmy (30, 11, 2026);
  g_autoptr(GkClock) clock = gk_clock_new_fixed (&day);
  g_autoptr(GkSession) session = open_demo (clock);
  guint renewed = 0;
  GDate today;

  g_signal_connect (session, "notify::analysis", G_CALLBACK (count_notify_cb), &renewed);
  day = dmy (1, 12, 2026);
  gk_clock_set_fixed_date (clock, &day);
  wait_for_count (&renewed, 1);
  today = *gk_analysis_get_today (gk_session_get_analysis (session));
  g_assert_cmpint (g_date_compare (&today, &day), ==, 0);
  today = gk_session_get_today (session);
  g_assert_cmpint (g_date_compare (&today, &day), ==, 0);
}

/* A file that does not open leaves the programme that was open. */
static void
test_failed_open_changes_nothing (void)
{
  GDate day = dmy (22, 11, 2026);
  g_autoptr(GkClock) clock = gk_clock_new_fixed (&day);
  g_autoptr(GkSession) session = open_demo (clock);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "notes.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkDocument *document = gk_session_get_document (session);
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_true (g_file_set_contents (path, "not a programme", -1, NULL));
  g_signal_connect (session, "notify", G_CALLBACK (count_notify_cb), &notified);
  g_assert_false (gk_session_open (session, file, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_true (gk_session_get_document (session) == document);
  g_assert_nonnull (gk_session_get_analysis (session));
}

static GDateTime *
morning (gpointer data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, 2026, 11, 22, 10, 15, 0);
}

/* The change log is stamped by the session's clock. */
static void
test_edits_stamped_by_the_clock (void)
{
  g_autoptr(GkClock) clock = gk_clock_new_with_time_func (morning, NULL);
  g_autoptr(GkSession) session = open_demo (clock);
  GkDocument *document = gk_session_get_document (session);
  g_autoptr(GkTopic) topic = NULL;

  rename_topic (document, 0, "Gestempeld");
  topic = g_list_model_get_item (gk_document_get_topics (document), 0);
  g_assert_cmpstr (gk_record_get_updated_at (GK_RECORD (topic)), ==, "2026-11-22T10:15:00Z");
}

/* How many entries a folder has (0 when it does not exist). */
static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_refused (GError      *error,
                const char  *reason)
{
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, reason));
}

/* A municipality opened from the region: read-only on purpose. Every way
 * to change it is refused with a reason, nothing is claimed or written
 * beside it, the file keeps every byte, and opened normally it edits. */
static void
test_read_only_open (void)
{
  const char *reason = "Opened from the region; choose Edit to change it.";
  GDate day = dmy (22, 11, 2026);
  g_autoptr(GkClock) clock = gk_clock_new_fixed (&day);
  g_autoptr(GkSession) session = gk_session_new (clock);
  g_autoptr(GFile) file = write_demo (day);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *working = g_build_filename (g_get_user_data_dir (), "gripkaart", "working", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *snapshot = NULL;
  gsize before_len, after_len;
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  guint n_working = count_entries (working);
  guint n_folder = count_entries (folder);
  GkDocument *document;
  guint n_topics, n_people;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  project = gk_project_file_open_with_flags (file, GK_PROJECT_FILE_OPEN_READ_ONLY, reason, &error);
  g_assert_no_error (error);
  g_assert_true (gk_project_file_get_read_only (project));
  g_assert_true (gk_project_file_get_viewing (project));
  g_assert_error (gk_project_file_get_read_only_reason (project), GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);
  g_assert_cmpstr (gk_project_file_get_read_only_reason (project)->message, ==, reason);
  snapshot = g_strdup (gk_project_file_get_working_path (project));
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  /* no working copy claimed, no lock note beside the file */
  g_assert_cmpuint (count_entries (working), ==, n_working);
  g_assert_cmpuint (count_entries (folder), ==, n_folder);

  g_assert_true (gk_session_open_project_file (session, project, &error));
  g_assert_no_error (error);
  document = gk_session_get_document (session);
  g_assert_true (gk_document_get_read_only (document));
  n_topics = g_list_model_get_n_items (gk_document_get_topics (document));
  n_people = g_list_model_get_n_items (gk_document_get_people (document));

  {
    g_autoptr(GkTopic) live = g_list_model_get_item (gk_document_get_topics (document), 0);
    g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
    g_autofree char *name = g_strdup (gk_topic_get_name (live));
    g_autoptr(GkPerson) person = gk_person_new ();
    g_autoptr(GError) update_error = NULL;
    g_autoptr(GError) insert_error = NULL;
    g_autoptr(GError) delete_error = NULL;
    g_autoptr(GError) move_error = NULL;
    g_autoptr(GError) group_error = NULL;
    g_autoptr(GError) undo_error = NULL;
    g_autoptr(GError) save_error = NULL;

    gk_topic_set_name (GK_TOPIC (copy), "Anders");
    g_assert_false (gk_document_update (document, copy, &update_error));
    assert_refused (update_error, reason);
    gk_person_set_name (person, "Nieuw");
    g_assert_false (gk_document_insert (document, GK_RECORD (person), &insert_error));
    assert_refused (insert_error, reason);
    g_assert_false (gk_document_delete (document, GK_RECORD (live), &delete_error));
    assert_refused (delete_error, reason);
    g_assert_false (gk_document_move (document, GK_RECORD (live), 2, &move_error));
    assert_refused (move_error, reason);
    gk_document_begin_group (document, "Groep");
    g_assert_false (gk_document_update (document, copy, &group_error));
    assert_refused (group_error, reason);
    gk_document_cancel_group (document);
    g_assert_false (gk_document_undo (document, &undo_error));
    assert_refused (undo_error, reason);
    g_assert_false (gk_project_file_save (project, &save_error));
    g_assert_error (save_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY);

    g_assert_cmpstr (gk_topic_get_name (live), ==, name);
    g_assert_false (gk_document_get_dirty (document));
    g_assert_false (gk_document_can_undo (document));
  }
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_topics (document)), ==, n_topics);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_people (document)), ==, n_people);

  gk_session_close (session);
  g_clear_object (&project);
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (working), ==, n_working);
  g_assert_cmpuint (count_entries (folder), ==, n_folder);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  /* Opened normally, the same file edits. */
  g_assert_true (gk_session_open (session, file, &error));
  g_assert_no_error (error);
  g_assert_false (gk_document_get_read_only (gk_session_get_document (session)));
  rename_topic (gk_session_get_document (session), 0, "Anders");
  gk_session_close (session);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/session/open-and-close", test_open_and_close);
  g_test_add_func ("/session/analysis-follows-edits", test_analysis_follows_edits);
  g_test_add_func ("/session/analysis-follows-the-day", test_analysis_follows_the_day);
  g_test_add_func ("/session/failed-open-changes-nothing", test_failed_open_changes_nothing);
  g_test_add_func ("/session/edits-stamped-by-the-clock", test_edits_stamped_by_the_clock);
  g_test_add_func ("/session/read-only-open", test_read_only_open);

  return g_test_run ();
}
