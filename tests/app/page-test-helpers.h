/* page-test-helpers.h: driving the real window in the app tests
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so that each test stays one executable: a window on the
 * demo programme, widgets found by their name (the "name" property the .ui
 * files give them), and waiting for GTK to build what it builds lazily.
 */
#pragma once

#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-clock.h"
#include "gk-date.h"
#include "gk-demo.h"
#include "gk-window.h"
#include "wait-helpers.h"
#include "window-work.h"

static GkApplication *app;
static char *tmp_dir;

static inline void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static inline void
destroy_all_windows (void)
{
  GtkWindow *window;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  drain ();
}

/* The first descendant of @widget (depth first) named @name. */
static inline GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
require_named (GtkWidget  *widget,
               const char *name)
{
  GtkWidget *found = find_named (widget, name);

  if (found == NULL)
    g_error ("No widget named “%s” in %s", name, G_OBJECT_TYPE_NAME (widget));
  return found;
}

/* Cells of lists and tables keep their GtkListItem as "list-item" data: the
 * cell named @name that shows @item, waiting for the list to build it. */
typedef gboolean (*ItemMatch) (gpointer item, gconstpointer data);

static inline GtkWidget *
find_cell_in (GtkWidget     *widget,
              const char    *name,
              ItemMatch      match,
              gconstpointer  data)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "list-item");

      if (item != NULL && gtk_list_item_get_item (item) != NULL &&
          match (gtk_list_item_get_item (item), data))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell_in (child, name, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
wait_for_cell (GtkWidget     *root,
               const char    *name,
               ItemMatch      match,
               gconstpointer  data)
{
  GtkWidget *cell;

  wait_until ((cell = find_cell_in (root, name, match, data)) != NULL);
  if (cell == NULL)
    g_error ("No cell “%s” for the item looked for", name);
  return cell;
}

/* The day the app tests run on, whatever the calendar says: setup_app()
 * fixes the program's clock to it, and the demo is written for it. */
#define TEST_DAY 22
#define TEST_MONTH G_DATE_NOVEMBER
#define TEST_YEAR 2026

/* Today as the app sees it (the fixed test day). */
static inline GDate
test_today (void)
{
  return gk_clock_get_today (gk_clock_get_default ());
}

static inline char *
write_demo (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GDate today = test_today ();

  g_remove (path);
  g_assert_true (gk_demo_write_file (path, &today, &error));
  g_assert_no_error (error);
  return path;
}

/* A window showing a fresh copy of the demo programme, on screen. */
static inline GkWindow *
open_demo_window (const char *name)
{
  g_autofree char *path = write_demo (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  g_assert_nonnull (gk_window_get_document (window));
  wait_for_paint (GTK_WIDGET (window));
  return window;
}

/* A fresh copy of the demo dated today, as the app judges it (so that
 * "overdue" means what the pages show), in a window of @width x @height on
 * @page_name; returns the window and, in @out_page, the page. Today is the
 * fixed test day, so this is open_demo_window() on a page. */
static inline GkWindow *
open_demo_today_on_page (const char  *name,
                         const char  *page_name,
                         int          width,
                         int          height,
                         GtkWidget  **out_page)
{
  g_autofree char *path = write_demo (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  g_assert_nonnull (gk_window_get_document (window));
  *out_page = gk_window_show_page (window, page_name);
  g_assert_nonnull (*out_page);
  drain ();
  return window;
}

/* Nothing is saved in these tests: no question (or recovery copy) on closing. */
static inline void
destroy_windows_unsaved (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_WINDOW (window) && gk_window_get_document (GK_WINDOW (window)) != NULL)
        gk_document_set_dirty (gk_window_get_document (GK_WINDOW (window)), FALSE);
    }
  destroy_all_windows ();
}

static inline GtkButton *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static inline gboolean
error_shown (GtkWidget  *root,
             const char *label_name)
{
  GtkWidget *label = require_named (root, label_name);

  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static inline gboolean
has_error_style (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "error");
}

static inline gboolean
label_shows (GtkWidget *label)
{
  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

/* Fixes the program's clock to the test day: what the pages judge as
 * overdue or late must not depend on the day the tests run. */
static inline void
fix_test_day (void)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, TEST_DAY, TEST_MONTH, TEST_YEAR);
  gk_clock_set_fixed_date (gk_clock_get_default (), &day);
}

/* For main(): a private data directory, the fixed test day and a
 * registered application. */
static inline void
setup_app (int    *argc,
           char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  fix_test_day ();

  tmp_dir = g_dir_make_tmp ("gripkaart-test-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* An edit would be saved by itself a few seconds later: the tests that
   * are not about sharing decide themselves when to save. */
  g_settings_set_boolean (gk_application_get_settings (app), "share-automatically", FALSE);
}
