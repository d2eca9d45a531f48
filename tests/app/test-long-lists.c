/* test-long-lists.c: the long lists of a large programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building the cells of the measures table is the costliest part of opening
 * a large programme (tests/bench/bench-window). A programme opens on the
 * overview, so the table gets its rows when it is shown, or once the window
 * has painted the programme and is idle; never before that first frame.
 *
 * The journal shows hundreds of entries once "Show Older Entries" has been
 * pressed a few times; GTK 4.8 only builds rows around what a list view
 * scrolls to itself, so the oldest of them must be on screen when scrolled
 * to, not a blank card.
 */
#include "config.h"

#include "gk-date.h"
#include "gk-demo.h"
#include "page-test-helpers.h"

/* What the measures table had when the window finished its next frame. */
typedef struct {
  GtkColumnView *table;
  gboolean       painted;
  gboolean       had_rows;
  gboolean       was_mapped;
} Frame;

static void
frame_painted_cb (GdkFrameClock *clock,
                  Frame         *frame)
{
  if (frame->painted)
    return;
  frame->painted = TRUE;
  frame->had_rows = gtk_column_view_get_model (frame->table) != NULL;
  frame->was_mapped = gtk_widget_get_mapped (GTK_WIDGET (frame->table));
}

static void
wait_for_frame (GkWindow *window,
                Frame    *frame)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), frame);

  wait_until (frame->painted);
  g_signal_handler_disconnect (clock, handler);
}

static GtkColumnView *
measures_table (GkWindow *window)
{
  return GTK_COLUMN_VIEW (require_named (GTK_WIDGET (window), "measures-table"));
}

/* A window on screen, without a programme yet. */
static GkWindow *
painted_window (void)
{
  GkWindow *window = gk_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  return window;
}

static void
open_demo (GkWindow   *window,
           const char *name)
{
  g_autofree char *path = write_demo (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  open_file_and_wait (window, file);
  g_assert_nonnull (gk_window_get_document (window));
}

static void
test_rows_after_first_frame (void)
{
  GkWindow *window = painted_window ();
  GtkColumnView *table = measures_table (window);
  Frame frame = { table, };

  /* Not while the programme is put on screen... */
  open_demo (window, "rows-later.gripkaart");
  g_assert_null (gtk_column_view_get_model (table));
  wait_for_frame (window, &frame);
  g_assert_false (frame.had_rows);

  /* ...but soon after, without showing the page. */
  wait_until (gtk_column_view_get_model (table) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    g_list_model_get_n_items (gk_document_get_measures (gk_window_get_document (window))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (table)));

  destroy_all_windows ();
}

static void
test_rows_when_shown (void)
{
  GkWindow *window = painted_window ();
  GtkColumnView *table = measures_table (window);
  Frame frame = { table, };

  /* Shown straight away: the first frame of the page has its rows. */
  open_demo (window, "rows-shown.gripkaart");
  g_assert_null (gtk_column_view_get_model (table));
  g_assert_nonnull (gk_window_show_page (window, "measures"));
  wait_for_frame (window, &frame);
  g_assert_true (frame.was_mapped);
  g_assert_true (frame.had_rows);

  destroy_all_windows ();
}

static void
test_closing_before_the_rows (void)
{
  GkWindow *window = painted_window ();
  GtkColumnView *table = measures_table (window);
  gpointer weak = window;

  /* Opened and closed before any frame: the waiting table keeps nothing alive. */
  open_demo (window, "rows-never.gripkaart");
  g_assert_null (gtk_column_view_get_model (table));
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (weak == NULL);
}

static char *
write_large (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GDate today = test_today ();

  g_remove (path);
  g_assert_true (gk_demo_write_large_file (path, &today, &error));
  g_assert_no_error (error);
  return path;
}

/* Rows of @list whose top half or more shows in @scroller. */
static guint
rows_in_view (GtkWidget *list,
              GtkWidget *scroller)
{
  int height = gtk_widget_get_height (scroller);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (row) || gtk_widget_get_first_child (row) == NULL ||
          !gtk_widget_compute_bounds (row, scroller, &bounds))
        continue;
      if (bounds.size.height > 0 && bounds.origin.y >= 0 && bounds.origin.y < height)
        n++;
    }
  return n;
}

static void
test_oldest_journal_entries_show (void)
{
  g_autofree char *path = write_large ("long-journal.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = painted_window ();
  GtkWidget *page, *list, *more, *scroller;
  GtkAdjustment *adjustment;

  open_file_and_wait (window, file);
  page = gk_window_show_page (window, "journal");
  g_assert_nonnull (page);
  list = require_named (page, "journal-list");
  more = require_named (page, "show-older-entries");
  wait_for_paint (list);

  /* 60 entries a press: well past the two hundred GTK builds at once. */
  for (int i = 0; i < 5; i++)
    {
      g_assert_true (gtk_widget_get_visible (more));
      g_signal_emit_by_name (more, "clicked");
      wait_for_paint (list);
    }
  scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 3 * gtk_adjustment_get_page_size (adjustment));

  /* Scrolled to the end, the rows there are built and shown. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  wait_until (rows_in_view (list, scroller) > 2);

  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/measures-rows/after-first-frame", test_rows_after_first_frame);
  g_test_add_func ("/measures-rows/when-shown", test_rows_when_shown);
  g_test_add_func ("/measures-rows/closing-before-the-rows", test_closing_before_the_rows);
  g_test_add_func ("/journal/oldest-entries-show", test_oldest_journal_entries_show);

  status = g_test_run ();
  destroy_all_windows ();
  g_clear_object (&app);
  return status;
}
