/* test-background-save.c: the window keeps drawing while it saves to (and
 * opens from) a slow folder
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder is as slow as the test wants (slow-folder.h): the worker
 * thread waits before syncing or renaming until the test lets it go on.
 * Meanwhile the test counts the window's frames (a tick callback, and the
 * frame clock's "after-paint"): had the save run on the main thread, not
 * one frame would come. Counts, not timings: the test waits for N frames,
 * then checks the save had not finished by then.
 */
#include "config.h"

#include "gk-session.h"
#include "page-test-helpers.h"
#include "../core/slow-folder.h"

/* Frames drawn while a save runs: far more than a chance repaint. */
#define N_FRAMES 30

typedef struct {
  guint ticks;
  guint paints;
} FrameCount;

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  ((FrameCount *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
count_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  ((FrameCount *) data)->paints++;
}

typedef struct {
  FrameCount *count;
  guint       ticks;
  guint       paints;
} FrameTarget;

static gboolean
frames_reached (gpointer data)
{
  FrameTarget *target = data;

  return target->count->ticks >= target->ticks && target->count->paints >= target->paints;
}

/* Runs the main context until @n more frames were ticked and painted. */
static void
wait_for_frames (FrameCount *count,
                 guint       n)
{
  FrameTarget target = { count, count->ticks + n, count->paints + n };

  slow_folder_wait_for (frames_reached, &target);
}

static void
rename_programme (GkWindow   *window,
                  const char *title)
{
  GkDocument *document = gk_window_get_document (window);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));
  g_autoptr(GError) error = NULL;

  gk_programme_set_title (GK_PROGRAMME (copy), title);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
}

/* The title in the file on disk, as a colleague opening it would see it. */
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
test_frames_during_save (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "traag.gripkaart", NULL);
  GkWindow *window = open_demo_window ("traag.gripkaart");
  GkWorkIndicator *indicator = gk_window_get_work_indicator (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autofree char *saved_title = NULL;
  g_autofree char *old_title = title_in_file (path);
  FrameCount count = { 0, 0 };
  SlowFolder slow;
  guint tick_id;

  slow_folder_install (&slow);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_tick_cb, &count, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &count);

  rename_programme (window, "Grip op de wijk");
  slow_folder_hold_at (&slow, GK_STORAGE_STEP_SYNC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  slow_folder_wait_until_held (&slow);

  /* The save hangs on the slow folder; the window goes on drawing, and
   * says what it is doing. */
  wait_for_frames (&count, N_FRAMES);
  g_assert_true (slow_folder_is_holding (&slow));
  g_assert_true (gk_work_indicator_get_busy (indicator));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (indicator)));
  g_assert_nonnull (strstr (gk_work_indicator_get_what (indicator), "traag.gripkaart"));
  saved_title = title_in_file (path);
  g_assert_cmpstr (saved_title, ==, old_title);
  g_clear_pointer (&saved_title, g_free);

  /* Working on, and saving again: that save waits for the first. */
  rename_programme (window, "Grip op de wijk en het dorp");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_frames (&count, N_FRAMES);
  g_assert_cmpuint (slow_folder_count (&slow, GK_STORAGE_STEP_WRITE), ==, 1);

  slow_folder_release (&slow);
  wait_for_window_work (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_cmpuint (slow_folder_count (&slow, GK_STORAGE_STEP_WRITE), ==, 2);
  saved_title = title_in_file (path);
  g_assert_cmpstr (saved_title, ==, "Grip op de wijk en het dorp");
  g_assert_false (gk_document_get_dirty (gk_window_get_document (window)));

  g_signal_handlers_disconnect_by_func (clock, count_paint_cb, &count);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  slow_folder_remove (&slow);
  destroy_all_windows ();
}

static gboolean
window_gone (gpointer data)
{
  g_autoptr(GtkWidget) window = g_weak_ref_get (data);

  return window == NULL || !gtk_widget_get_visible (window);
}

/* Closing while the save runs: the window stays until the save landed,
 * then closes by itself (nothing left to ask about). */
static void
test_close_waits_for_save (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "sluiten.gripkaart", NULL);
  GkWindow *window = open_demo_window ("sluiten.gripkaart");
  g_autofree char *saved_title = NULL;
  SlowFolder slow;
  GWeakRef weak;

  slow_folder_install (&slow);
  g_weak_ref_init (&weak, window);
  rename_programme (window, "Bewaard bij het sluiten");
  slow_folder_hold_at (&slow, GK_STORAGE_STEP_RENAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  slow_folder_wait_until_held (&slow);

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  slow_folder_release (&slow);
  slow_folder_wait_for (window_gone, &weak);
  g_weak_ref_clear (&weak);
  saved_title = title_in_file (path);
  g_assert_cmpstr (saved_title, ==, "Bewaard bij het sluiten");

  slow_folder_remove (&slow);
  destroy_all_windows ();
}

/* A save that fails while the window waits to close: the window stays and
 * says why, so that nothing is lost. */
static void
test_close_after_failed_save (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "mislukt.gripkaart", NULL);
  GkWindow *window = open_demo_window ("mislukt.gripkaart");
  SlowFolder slow;

  slow_folder_install (&slow);
  rename_programme (window, "Niet verloren");
  slow_folder_hold_at (&slow, GK_STORAGE_STEP_RENAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  slow_folder_wait_until_held (&slow);

  /* Someone else replaces the file meanwhile with something that is no
   * programme (a colleague's programme would be merged with): the save
   * must not overwrite it, and fails. */
  {
    g_autoptr(GError) error = NULL;

    g_remove (path);
    g_assert_true (g_file_set_contents (path, "Not a programme\n", -1, &error));
    g_assert_no_error (error);
  }
  gtk_window_close (GTK_WINDOW (window));
  slow_folder_release (&slow);
  wait_for_window_work (window);
  drain ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gk_document_get_dirty (gk_window_get_document (window)));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Not a programme\n");
  }

  slow_folder_remove (&slow);
  destroy_windows_unsaved ();
  destroy_all_windows ();
}

/* A window destroyed outright (not closed) while its save runs: the save
 * lands all the same, and the work ends (the application may quit). */
static void
test_destroyed_window_still_saves (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "weg.gripkaart", NULL);
  GkWindow *window = open_demo_window ("weg.gripkaart");
  g_autoptr(GkWorkIndicator) indicator = g_object_ref (gk_window_get_work_indicator (window));
  g_autofree char *saved_title = NULL;
  SlowFolder slow;

  slow_folder_install (&slow);
  rename_programme (window, "Toch bewaard");
  slow_folder_hold_at (&slow, GK_STORAGE_STEP_SYNC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  slow_folder_wait_until_held (&slow);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (gk_work_indicator_get_busy (indicator));

  slow_folder_release (&slow);
  wait_until (!gk_work_indicator_get_busy (indicator));
  saved_title = title_in_file (path);
  g_assert_cmpstr (saved_title, ==, "Toch bewaard");
  slow_folder_remove (&slow);
  destroy_all_windows ();
}

/* Opening from the slow folder: frames come while the file is copied in. */
static void
test_frames_during_open (void)
{
  g_autofree char *path = write_demo ("openen.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);
  FrameCount count = { 0, 0 };
  SlowFolder slow;
  guint tick_id;

  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  slow_folder_install (&slow);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_tick_cb, &count, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (count_paint_cb), &count);

  slow_folder_hold_at (&slow, GK_STORAGE_STEP_COPY_IN);
  gk_window_open_file (window, file);
  slow_folder_wait_until_held (&slow);
  wait_for_frames (&count, N_FRAMES);
  g_assert_null (gk_window_get_document (window));
  g_assert_true (gk_work_indicator_get_busy (gk_window_get_work_indicator (window)));

  slow_folder_release (&slow);
  wait_for_window_work (window);
  g_assert_nonnull (gk_window_get_document (window));

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        count_paint_cb, &count);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  slow_folder_remove (&slow);
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/background-save/frames-during-save", test_frames_during_save);
  g_test_add_func ("/background-save/close-waits-for-save", test_close_waits_for_save);
  g_test_add_func ("/background-save/close-after-failed-save", test_close_after_failed_save);
  g_test_add_func ("/background-save/destroyed-window-still-saves", test_destroyed_window_still_saves);
  g_test_add_func ("/background-save/frames-during-open", test_frames_during_open);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
