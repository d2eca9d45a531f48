/* test-window.c: the main window as a user first sees it
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-application.h"
#include "gk-measures-page.h"
#include "gk-projects-page.h"
#include "gk-roadmap-page.h"
#include "gk-search-bar.h"
#include "gk-project-file-private.h"
#include "gk-window.h"

#include "page-test-helpers.h"

static void
wait_until_mapped (GtkWidget *widget)
{
  wait_until (gtk_widget_get_mapped (widget));
}

static void
close_and_drain (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
  status = find_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Programme Open");

  menu_button = find_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
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

  g_autoptr(GtkRecentInfo) info = NULL;
  g_autofree char *uri_b = g_file_get_uri (b);

  g_settings_reset (gk_application_get_settings (app), "recent-files");
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
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

  /* They are GTK's recent files, so Files and the file chooser show them. */
  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri_b, NULL);
  g_assert_nonnull (info);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-gripkaart");
}

/* The list an earlier version kept in GSettings is taken over once, in its
 * order, and then cleared. */
static void
test_recent_programmes_taken_over (void)
{
  const char *old[] = { "file:///tmp/nieuwste.gripkaart", "file:///tmp/ouder.gripkaart", NULL };
  GSettings *settings = gk_application_get_settings (app);
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) left = NULL;

  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  g_settings_set_strv (settings, "recent-files", old);
  recent = gk_application_dup_recent (app);
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, old[0]);
  g_assert_cmpstr (recent[1], ==, old[1]);
  left = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (left), ==, 0);
}

static GkWindow *open_demo_window_sized (const char *name,
                                        int         width);

/* Two windows on one file: each shows that the other has it open, and
 * stops when it closes. */
static void
test_presence_shown (void)
{
  g_autofree char *path = write_demo ("team.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *real = g_get_real_name ();
  const char *name = real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0
                     ? real : g_get_user_name ();
  GkWindow *first = gk_window_new (app);
  GkWindow *second = gk_window_new (app);
  GkProjectFile *project;
  GtkWidget *label;
  GtkWidget *second_label;

  gtk_window_present (GTK_WINDOW (first));
  open_file_and_wait (first, file);
  label = require_named (GTK_WIDGET (first), "others");
  g_assert_false (gtk_widget_get_visible (label));

  gtk_window_present (GTK_WINDOW (second));
  open_file_and_wait (second, file);
  second_label = require_named (GTK_WIDGET (second), "others");
  g_assert_true (gtk_widget_get_visible (second_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (second_label)), name));

  project = gk_session_get_project_file (gk_window_get_session (first));
  gk_project_file_refresh_presence (project);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), name));

  gtk_window_destroy (GTK_WINDOW (second));
  wait_until ((gk_project_file_refresh_presence (project), !gtk_widget_get_visible (label)));
  gtk_window_destroy (GTK_WINDOW (first));
  drain ();
}

static GkWindow *
other_window_with_document (GkWindow *not_this)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_WINDOW (window) && GK_WINDOW (window) != not_this &&
          gk_window_get_document (GK_WINDOW (window)) != NULL)
        return GK_WINDOW (window);
    }
  return NULL;
}

/* A window that was killed with unsaved edits: the next open says so and
 * shows them in a window of their own. */
static void
test_recovery_offered (void)
{
  g_autofree char *path = write_demo ("crash.gripkaart");
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "publish-racer", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GSubprocess) killed = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *recovered_name = NULL;
  GkWindow *window = gk_window_new (app);
  GkWindow *shown = NULL;
  GkProjectFile *project;
  GtkButton *button = NULL;

  /* Someone edits the file (a person added) and is killed before saving. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  killed = g_subprocess_launcher_spawn (launcher, &error, helper, path, "9999", "0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (killed));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "ready "));
  g_subprocess_force_exit (killed);
  g_assert_true (g_subprocess_wait (killed, NULL, &error));

  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  project = gk_session_get_project_file (gk_window_get_session (window));
  g_assert_nonnull (gk_project_file_get_recovered_path (project));
  recovered_name = g_path_get_basename (gk_project_file_get_recovered_path (project));

  wait_until ((button = find_button_with_label (GTK_WIDGET (window), "_Show")) != NULL);
  click (GTK_WIDGET (button));
  wait_until ((shown = other_window_with_document (window)) != NULL);
  g_assert_cmpstr (gk_project_file_get_display_name (gk_session_get_project_file (gk_window_get_session (shown))),
                   ==, recovered_name);
  /* The killed window's edit is there. */
  {
    sqlite3 *db = gk_project_file_get_db (gk_session_get_project_file (gk_window_get_session (shown)));
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM person WHERE id = 9999", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  destroy_all_windows ();
}

/* --- shortcuts ------------------------------------------------------------------ */

/* The keypad keys do what their twins do: one entry in the shortcuts window
 * stands for both. */
static guint
plain_keyval (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_KP_Enter:
      return GDK_KEY_Return;
    case GDK_KEY_KP_Delete:
      return GDK_KEY_Delete;
    case GDK_KEY_KP_Left:
      return GDK_KEY_Left;
    case GDK_KEY_KP_Down:
      return GDK_KEY_Down;
    default:
      return gdk_keyval_to_lower (keyval);
    }
}

static gboolean
trigger_has_key (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_has_key (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods) ||
           trigger_has_key (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         plain_keyval (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == plain_keyval (keyval) &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* Does what @accel does on @widget through the widget's own shortcut
 * controllers (its class bindings among them), as a key press would when
 * nothing inside takes the key first. */
static gboolean
activate_shortcut (GtkWidget  *widget,
                   const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GdkModifierType mods;
  guint keyval;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_has_key (gtk_shortcut_get_trigger (shortcut), keyval, mods))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget, gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

typedef struct {
  guint           keyval;
  GdkModifierType mods;
  char           *title;
} Listed;

static void
listed_clear (gpointer data)
{
  g_free (((Listed *) data)->title);
}

/* Every key of every GtkShortcutsShortcut in the shortcuts window. */
static void
collect_listed (GtkWidget *widget,
                GArray    *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      if (accelerator == NULL || *accelerator == '\0')
        g_error ("“%s” has no key in the shortcuts window", title);
      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          Listed entry = { 0, 0, g_strdup (title) };

          if (*accels[i] == '\0')
            continue;
          if (!gtk_accelerator_parse (accels[i], &entry.keyval, &entry.mods))
            g_error ("“%s” of “%s” is not an accelerator", accels[i], title);
          g_array_append_val (listed, entry);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

static const Listed *
find_listed (GArray          *listed,
             guint            keyval,
             GdkModifierType  mods)
{
  for (guint i = 0; i < listed->len; i++)
    {
      const Listed *entry = &g_array_index (listed, Listed, i);

      if (plain_keyval (entry->keyval) == plain_keyval (keyval) && entry->mods == mods)
        return entry;
    }
  return NULL;
}

static void
assert_listed (GArray     *listed,
               const char *accel,
               const char *what)
{
  GdkModifierType mods;
  guint keyval;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  if (find_listed (listed, keyval, mods) == NULL)
    g_error ("%s (%s) is missing from the shortcuts window", accel, what);
}

/* The prefixes of the action groups of Gripkaart's own widgets: GTK's
 * widgets bring shortcuts of their own (text editing, lists) that the
 * shortcuts window does not list. */
static gboolean
is_own_action (GtkShortcutAction *action)
{
  static const char * const own[] = {
    "win.", "app.", "roadmap.", "measures.", "team.", "projects.", "indicators.", "journal.", "overview.",
  };

  if (!GTK_IS_NAMED_ACTION (action))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    if (g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), own[i]))
      return TRUE;
  return FALSE;
}

static void
assert_trigger_listed (GArray             *listed,
                       GtkShortcutTrigger *trigger,
                       const char         *what)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      /* Return or the keypad's Enter: one of them is enough. */
      assert_trigger_listed (listed, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), what);
      return;
    }
  g_assert_true (GTK_IS_KEYVAL_TRIGGER (trigger));
  if (find_listed (listed, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                   gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))) == NULL)
    {
      g_autofree char *text = gtk_shortcut_trigger_to_string (trigger);

      g_error ("%s (%s) is missing from the shortcuts window", text, what);
    }
}

/* Every shortcut controller of @widget and its descendants that runs one of
 * Gripkaart's actions: its keys must be listed. */
static guint
assert_controllers_listed (GtkWidget *widget,
                           GArray    *listed)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!is_own_action (gtk_shortcut_get_action (shortcut)))
            continue;
          assert_trigger_listed (listed, gtk_shortcut_get_trigger (shortcut),
                                 gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))));
          n++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_controllers_listed (child, listed);
  return n;
}

/* The shortcuts window lists every key the application and its windows
 * answer to, each with a title. */
static void
test_shortcuts_window_lists_every_shortcut (void)
{
  /* Keys of dialogs and of GTK widgets that Gripkaart gives a meaning:
   * the test cannot find them in the main window. */
  static const struct {
    const char *accel;
    const char *what;
  } known[] = {
    { "Escape", "closes a dialog" },
    { "<Control>Return", "saves or confirms a dialog" },
    { "Down", "from the search field into the results" },
    { "F10", "opens the main menu" },
  };
  GkWindow *window = open_demo_window_sized ("shortcuts.gripkaart", 1200);
  GtkWindow *overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GArray) listed = g_array_new (FALSE, TRUE, sizeof (Listed));
  guint n_accels = 0;

  g_array_set_clear_func (listed, listed_clear);
  g_assert_nonnull (overlay);
  collect_listed (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (listed->len, >, 20);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++, n_accels++)
        assert_listed (listed, accels[j], actions[i]);
    }
  g_assert_cmpuint (n_accels, >=, 12);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    assert_listed (listed, known[i].accel, known[i].what);

  /* The pages' and the window's own keys, found where they are installed:
   * Alt+1 to Alt+7, back, moving topics, Delete in the lists... */
  g_assert_cmpuint (assert_controllers_listed (GTK_WIDGET (window), listed), >=, 14);

  destroy_all_windows ();
}

/* --- links and the narrow window ------------------------------------------------ */

static GkWindow *
open_demo_window_sized (const char *name,
                        int         width)
{
  g_autofree char *path = write_demo (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  g_assert_nonnull (gk_window_get_document (window));
  wait_for_paint (GTK_WIDGET (window));
  return window;
}

static AdwLeaflet *
window_leaflet (GkWindow *window)
{
  return ADW_LEAFLET (require_named (GTK_WIDGET (window), "window-leaflet"));
}

static void
wait_for_folded (AdwLeaflet *leaflet,
                 gboolean    folded)
{
  wait_until (adw_leaflet_get_folded (leaflet) == folded);
}

/* The back button follows the leaflet once the frame is drawn. */
static void
wait_for_visible (GtkWidget *widget,
                  gboolean   visible)
{
  wait_until (gtk_widget_get_visible (widget) == visible);
}

static GtkListBox *
sidebar_list (GkWindow *window)
{
  GtkWidget *list = find_of_type (require_named (GTK_WIDGET (window), "sidebar"), GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

/* The row of the sidebar for the page named @name, by its place in the stack. */
static GtkListBoxRow *
sidebar_row_for (GkWindow   *window,
                 const char *name)
{
  GtkStack *pages = GTK_STACK (require_named (GTK_WIDGET (window), "pages"));
  GtkWidget *page = gtk_stack_get_child_by_name (pages, name);
  int index = 0;

  g_assert_nonnull (page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (pages));
       child != page;
       child = gtk_widget_get_next_sibling (child))
    index++;
  return gtk_list_box_get_row_at_index (sidebar_list (window), index);
}

static int
width_request_of (GtkWidget *widget)
{
  int width;

  gtk_widget_get_size_request (widget, &width, NULL);
  return width;
}

static const char *
visible_page (GkWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (require_named (GTK_WIDGET (window), "pages")));
}

static gint64
first_measure_id (GkDocument *document,
                  guint       position)
{
  g_autoptr(GkMeasure) measure = g_list_model_get_item (gk_document_get_measures (document), position);

  g_assert_nonnull (measure);
  return gk_record_get_id (GK_RECORD (measure));
}

static GkMeasure *
selected_measure (GkWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (require_named (GTK_WIDGET (window), "pages")),
                                                 "measures");
  GtkColumnView *view = GTK_COLUMN_VIEW (require_named (page, "measures-table"));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)));
}

/* Folded, a link slides to the page; the back button (and win.back) slides
 * back to the sidebar, where the page's row stays selected. */
static void
test_narrow_navigation (void)
{
  GkWindow *window = open_demo_window_sized ("narrow.gripkaart", 600);
  AdwLeaflet *leaflet = window_leaflet (window);
  GtkWidget *sidebar = require_named (GTK_WIDGET (window), "sidebar");
  GtkWidget *pages = require_named (GTK_WIDGET (window), "pages");
  GtkWidget *back = require_named (GTK_WIDGET (window), "back-to-pages");
  GkDocument *document = gk_window_get_document (window);
  gint64 id = first_measure_id (document, 2);

  wait_for_folded (leaflet, TRUE);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  wait_for_visible (back, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)", "measure", id));
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == pages);
  g_assert_cmpstr (visible_page (window), ==, "measures");
  g_assert_true (selected_measure (window) == gk_document_lookup_measure (document, id));
  wait_for_visible (back, TRUE);
  g_assert_true (gtk_widget_is_visible (back));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  wait_for_visible (back, FALSE);
  /* The sidebar still says which page is shown. */
  g_assert_true (gtk_list_box_get_selected_row (sidebar_list (window)) == sidebar_row_for (window, "measures"));

  /* gk_window_show_page() (search, signals) slides too. */
  g_assert_nonnull (gk_window_show_page (window, "team"));
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == pages);
  g_assert_cmpstr (visible_page (window), ==, "team");

  destroy_all_windows ();
}

/* A click (or Enter) on a row of the sidebar goes to the page, also when it
 * is the page already shown behind the sidebar. */
static void
test_narrow_sidebar (void)
{
  GkWindow *window = open_demo_window_sized ("narrow-sidebar.gripkaart", 400);
  AdwLeaflet *leaflet = window_leaflet (window);
  GtkWidget *sidebar = require_named (GTK_WIDGET (window), "sidebar");
  GtkWidget *pages = require_named (GTK_WIDGET (window), "pages");
  GtkWidget *back = require_named (GTK_WIDGET (window), "back-to-pages");
  GtkListBoxRow *row;

  wait_for_folded (leaflet, TRUE);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);

  row = sidebar_row_for (window, "indicators");
  gtk_list_box_select_row (sidebar_list (window), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_signal_emit_by_name (row, "activate");
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == pages);
  g_assert_cmpstr (visible_page (window), ==, "indicators");
  /* The keyboard went along to the page. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), pages));

  wait_for_visible (back, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  /* And came back to the page's row. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (row));

  /* The page already shown: only the activation tells. */
  row = sidebar_row_for (window, "indicators");
  g_assert_true (gtk_list_box_get_selected_row (sidebar_list (window)) == row);
  g_signal_emit_by_name (row, "activate");
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == pages);

  /* Selecting a row without activating it (arrow keys) stays in the sidebar. */
  wait_for_visible (back, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  drain ();
  gtk_list_box_select_row (sidebar_list (window), sidebar_row_for (window, "journal"));
  drain ();
  g_assert_cmpstr (visible_page (window), ==, "journal");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);

  destroy_all_windows ();
}

/* Wide, sidebar and page are side by side: no back button, and back does
 * nothing; narrowed, the page stays in view. */
static void
test_wide_window_keeps_both (void)
{
  GkWindow *window = open_demo_window_sized ("wide.gripkaart", 1200);
  AdwLeaflet *leaflet = window_leaflet (window);
  GtkWidget *back = require_named (GTK_WIDGET (window), "back-to-pages");

  wait_for_folded (leaflet, FALSE);
  g_assert_nonnull (gk_window_show_page (window, "roadmap"));
  drain ();
  g_assert_false (gtk_widget_get_visible (back));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  drain ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == require_named (GTK_WIDGET (window), "pages"));
  g_assert_true (gtk_widget_get_mapped (require_named (GTK_WIDGET (window), "sidebar")));
  g_assert_true (gtk_widget_get_mapped (require_named (GTK_WIDGET (window), "pages")));

  /* Made narrow, the window keeps the page in view, with the way back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 600);
  wait_for_folded (leaflet, TRUE);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == require_named (GTK_WIDGET (window), "pages"));
  g_assert_cmpstr (visible_page (window), ==, "roadmap");
  wait_for_visible (back, TRUE);

  destroy_all_windows ();
}

/* The pages stack measures only the page shown (measuring all seven made
 * start-up slow); it still asks one width whichever page that is, so that
 * the sidebar folds away at one window width. A page that grows wider than
 * that width fails here: raise the stack's width-request in gk-window.ui. */
static void
test_pages_ask_one_width (void)
{
  static const char * const names[] = { "overview", "roadmap", "projects", "measures", "timeline",
                                        "indicators", "team", "journal", "history" };
  GkWindow *window = open_demo_window_sized ("one-width.gripkaart", 1200);
  GtkWidget *pages = require_named (GTK_WIDGET (window), "pages");
  int first_minimum = -1;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int minimum, natural;

      g_assert_nonnull (gk_window_show_page (window, names[i]));
      drain ();
      g_assert_cmpstr (visible_page (window), ==, names[i]);
      gtk_widget_measure (pages, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      if (first_minimum < 0)
        first_minimum = minimum;
      g_assert_cmpint (minimum, ==, first_minimum);
      g_assert_cmpint (width_request_of (pages), ==, minimum);
    }

  destroy_all_windows ();
}

/* win.show-record is the way every page links to a record. */
static void
test_show_record_action (void)
{
  GkWindow *window = open_demo_window_sized ("show-record.gripkaart", 1200);
  GkDocument *document = gk_window_get_document (window);
  g_autoptr(GkTopic) topic = g_list_model_get_item (gk_document_get_topics (document), 3);
  g_autoptr(GkFocusProject) project = g_list_model_get_item (gk_document_get_focus_projects (document), 1);
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)",
                                             "topic", gk_record_get_id (GK_RECORD (topic))));
  g_assert_cmpstr (visible_page (window), ==, "roadmap");
  page = gtk_stack_get_visible_child (GTK_STACK (require_named (GTK_WIDGET (window), "pages")));
  g_assert_true (gk_roadmap_page_get_selected_topic (GK_ROADMAP_PAGE (page)) == topic);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)",
                                             "focus_project", gk_record_get_id (GK_RECORD (project))));
  g_assert_cmpstr (visible_page (window), ==, "projects");
  page = gtk_stack_get_visible_child (GTK_STACK (require_named (GTK_WIDGET (window), "pages")));
  g_assert_true (gk_projects_page_get_project (GK_PROJECTS_PAGE (page)) == project);

  destroy_all_windows ();

  /* Without a programme there is nothing to show. */
  window = gk_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)", "topic", (gint64) 1);
  g_assert_cmpstr (gk_window_get_page_name (window), ==, "empty");
  destroy_all_windows ();
}

/* Alt+1 to Alt+9 go to the pages in the sidebar's order. */
static void
test_page_shortcuts (void)
{
  const char *expected[] = { "overview", "roadmap", "projects", "measures", "timeline", "indicators", "team", "journal",
                             "history" };
  GkWindow *window = open_demo_window_sized ("page-keys.gripkaart", 1200);
  GtkStack *pages = GTK_STACK (require_named (GTK_WIDGET (window), "pages"));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (pages));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  for (guint i = G_N_ELEMENTS (expected); i-- > 0;)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      g_assert_true (activate_shortcut (GTK_WIDGET (window), accel));
      g_assert_cmpstr (visible_page (window), ==, expected[i]);
      g_assert_true (gtk_list_box_get_selected_row (sidebar_list (window)) == sidebar_row_for (window, expected[i]));
    }

  destroy_all_windows ();
}

/* --- the overview's signals ---------------------------------------------------- */

/* An edit that changes no signal leaves the signal rows as they are (no
 * rows made and measured again for nothing); one that changes a signal
 * shows it. */
static void
test_overview_signals_follow_edits (void)
{
  GkWindow *window = open_demo_window_sized ("signals.gripkaart", 1200);
  GkSession *session = gk_window_get_session (window);
  GkDocument *document = gk_window_get_document (window);
  GtkWidget *list = require_named (gk_window_show_page (window, "overview"), "signals-list");
  GPtrArray *signals = gk_analysis_get_signals (gk_session_get_analysis (session));
  const GkAttentionSignal *first;
  GkAnalysis *analysis;
  GkFocusProject *project;
  g_autoptr(GkRecord) project_copy = NULL;
  g_autoptr(GkRecord) measure_copy = NULL;
  g_autoptr(GkMeasure) measure = g_list_model_get_item (gk_document_get_measures (document), 0);
  GtkWidget *row;

  drain ();
  g_assert_cmpuint (signals->len, >, 0);
  first = g_ptr_array_index (signals, 0);
  g_assert_cmpstr (first->table, ==, "focus_project");
  project = gk_document_lookup_focus_project (document, first->row_id);
  g_assert_nonnull (project);
  row = gtk_widget_get_first_child (list);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);

  /* A description is in no signal. */
  analysis = gk_session_get_analysis (session);
  measure_copy = gk_record_copy (GK_RECORD (measure));
  gk_measure_set_description (GK_MEASURE (measure_copy), "Afgestemd met de wijkteams.");
  g_assert_true (gk_document_update (document, measure_copy, NULL));
  wait_until (gk_session_get_analysis (session) != analysis);
  drain ();
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_first_child (list) == row);

  /* The off-track project's reason is in its signal. */
  project_copy = gk_record_copy (GK_RECORD (project));
  gk_focus_project_set_health_reason (GK_FOCUS_PROJECT (project_copy), "Twee nieuwe medewerkers beginnen in januari.");
  g_assert_true (gk_document_update (document, project_copy, NULL));
  wait_until (row == NULL);
  row = gtk_widget_get_first_child (list);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            "Twee nieuwe medewerkers beginnen in januari."));
  destroy_all_windows ();
}

/* --- closing ------------------------------------------------------------------ */

static void
closed_cb (GkSession   *session,
           GkDocument **document)
{
  /* The file closes next: by now nothing may hold its document. */
  g_assert_null (*document);
  g_object_set_data (G_OBJECT (session), "closed-seen", GINT_TO_POINTER (TRUE));
}

/* Every page (and the search bar) lets go of the document when the
 * programme closes, also after showing its records. */
static void
test_close_releases_document (void)
{
  static const char * const pages[] = {
    "overview", "roadmap", "projects", "measures", "indicators", "team", "journal", "history",
  };
  static const struct { const char *table; GType (*type) (void); } records[] = {
    { "topic", gk_topic_get_type }, { "focus_project", gk_focus_project_get_type },
    { "measure", gk_measure_get_type }, { "indicator", gk_indicator_get_type },
    { "person", gk_person_get_type },
  };
  GkWindow *window = open_demo_window_sized ("close.gripkaart", 1200);
  g_autoptr(GkSession) session = g_object_ref (gk_window_get_session (window));
  GkDocument *document = gk_window_get_document (window);
  GkAnalysis *analysis = gk_session_get_analysis (session);
  GkSearchBar *search = GK_SEARCH_BAR (find_of_type (GTK_WIDGET (window), GK_TYPE_SEARCH_BAR));
  GDate today = gk_session_get_today (session);

  /* the window runs on the program's clock, fixed to the test day */
  g_assert_cmpint (g_date_get_year (&today), ==, TEST_YEAR);
  g_assert_cmpint (g_date_compare (gk_analysis_get_today (analysis), &today), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = gk_window_show_page (window, pages[i]);

      g_assert_nonnull (page);
      drain ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      GListModel *list = gk_document_get_list (document, records[i].type ());
      g_autoptr(GkRecord) record = g_list_model_get_item (list, 0);

      gk_window_show_record (window, records[i].table, gk_record_get_id (record));
      drain ();
    }
  gk_search_bar_search (search, "wacht");
  drain ();

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_add_weak_pointer (G_OBJECT (analysis), (gpointer *) &analysis);
  g_signal_connect (session, "closed", G_CALLBACK (closed_cb), &document);
  gtk_window_close (GTK_WINDOW (window));
  drain ();

  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (session), "closed-seen")));
  g_assert_null (document);
  g_assert_null (analysis);
  g_assert_false (gk_session_is_open (session));

  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/window/empty-state", test_window_shows_empty_state);
  g_test_add_func ("/window/actions", test_window_actions_and_accels);
  g_test_add_func ("/window/size", test_window_size_is_remembered);
  g_test_add_func ("/window/recent", test_recent_programmes);
  g_test_add_func ("/window/recent-programmes-taken-over", test_recent_programmes_taken_over);
  g_test_add_func ("/window/narrow/navigation", test_narrow_navigation);
  g_test_add_func ("/window/narrow/sidebar", test_narrow_sidebar);
  g_test_add_func ("/window/wide", test_wide_window_keeps_both);
  g_test_add_func ("/window/pages-ask-one-width", test_pages_ask_one_width);
  g_test_add_func ("/window/show-record", test_show_record_action);
  g_test_add_func ("/window/page-shortcuts", test_page_shortcuts);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window_lists_every_shortcut);
  g_test_add_func ("/window/overview-signals-follow-edits", test_overview_signals_follow_edits);
  g_test_add_func ("/window/close-releases-document", test_close_releases_document);
  g_test_add_func ("/window/presence", test_presence_shown);
  g_test_add_func ("/window/recovery-offered", test_recovery_offered);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
