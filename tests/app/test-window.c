/* test-window.c: the main window as a user first sees it
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-application.h"
#include "gk-window.h"

static GkApplication *app;

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
}

static void
close_and_drain (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_descendant_of_type (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_shows_empty_state (void)
{
  GkWindow *window = gk_window_new (app);
  GtkWidget *status;
  GtkWidget *menu_button;

  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  g_assert_cmpstr (gk_window_get_page_name (window), ==, "empty");
  status = find_descendant_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Programme Open");

  menu_button = find_descendant_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));

  /* The empty state invites to open, start or try the demo. */
  {
    const char *expected[] = { "win.open", "win.new-programme", "win.open-demo" };
    GtkWidget *box = adw_status_page_get_child (ADW_STATUS_PAGE (status));
    guint i = 0;

    for (GtkWidget *b = gtk_widget_get_first_child (box); b != NULL; b = gtk_widget_get_next_sibling (b), i++)
      {
        g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
        g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (b)), ==, expected[i]);
        g_assert_true (gtk_widget_get_sensitive (b));
      }
    g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
  }

  close_and_drain (GTK_WINDOW (window));
}

static void
test_window_actions_and_accels (void)
{
  GkWindow *window = gk_window_new (app);
  g_auto(GStrv) open_accels = NULL;
  g_auto(GStrv) help_accels = NULL;
  g_auto(GStrv) new_accels = NULL;

  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  open_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open");
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  new_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new-programme");
  g_assert_cmpstr (open_accels[0], ==, "<Control>o");
  g_assert_cmpstr (help_accels[0], ==, "<Control>question");
  g_assert_cmpstr (new_accels[0], ==, "<Control>n");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  /* GtkApplicationWindow adds the shortcuts window from gtk/help-overlay.ui */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  close_and_drain (GTK_WINDOW (window));
}

static void
test_window_size_is_remembered (void)
{
  GSettings *settings = gk_application_get_settings (app);
  GkWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 640);
  window = gk_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

static void
test_recent_programmes (void)
{
  g_autoptr(GFile) a = g_file_new_for_path ("/tmp/a.gripkaart");
  g_autoptr(GFile) b = g_file_new_for_path ("/tmp/b.gripkaart");
  g_auto(GStrv) recent = NULL;

  g_settings_reset (gk_application_get_settings (app), "recent-files");
  gk_application_add_recent (app, a);
  gk_application_add_recent (app, b);
  gk_application_add_recent (app, a);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("/tmp/p%d.gripkaart", i);
      g_autoptr(GFile) f = g_file_new_for_path (path);

      gk_application_add_recent (app, f);
    }
  gk_application_add_recent (app, a);

  recent = gk_application_dup_recent (app);
  g_assert_cmpuint (g_strv_length (recent), ==, 10);
  g_assert_true (g_str_has_suffix (recent[0], "/a.gripkaart"));
  g_assert_true (g_str_has_suffix (recent[1], "/p19.gripkaart"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/empty-state", test_window_shows_empty_state);
  g_test_add_func ("/window/actions", test_window_actions_and_accels);
  g_test_add_func ("/window/size", test_window_size_is_remembered);
  g_test_add_func ("/window/recent", test_recent_programmes);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
