/* test-region-window.c: the region window loads its members in the
 * background, shows their levels side by side, the matrix, the shared
 * indicators, a search over their work and their signals, lists the file
 * it left out, and opens a municipality in a window of its own
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-edit-actions.h"
#include "gk-level-badge.h"
#include "gk-measure-editor.h"
#include "gk-project-file.h"
#include "gk-project-file-parts.h"
#include "gk-session.h"
#include "gk-region-window.h"
#include "gk-window.h"

#include "page-test-helpers.h"
#include "../core/region-fixture.h"

#define N_MEMBERS 6

static char *region_dir;

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkWidget *
named (GkRegionWindow *window,
       const char     *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (widget);
  return widget;
}

static GkRegionWindow *
open_region_window (void)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GError) error = NULL;
  GkRegionWindow *window;

  g_assert_true (gk_region_add_path (region, region_dir, &error));
  g_assert_no_error (error);
  window = gk_region_window_new (app, region);

  /* Loading runs in the background: the window shows its progress first. */
  g_assert_false (gk_region_window_get_loaded (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (window, "state-stack"))), ==, "loading");
  g_assert_nonnull (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (named (window, "progress-bar"))));

  gtk_window_present (GTK_WINDOW (window));
  wait_until (gk_region_window_get_loaded (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (window, "state-stack"))), ==, "region");
  return window;
}

static guint
list_length (GkRegionWindow *window,
             const char     *name)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (named (window, name)))));
}

/* The label showing text exactly, under widget (rows a list view made). */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_pages (void)
{
  GkRegionWindow *window = open_region_window ();
  GtkWidget *left_out = named (window, "left-out-list");
  GtkDropDown *dropdown = GTK_DROP_DOWN (named (window, "indicator-dropdown"));
  GtkWidget *search_list = named (window, "search-list");
  GListModel *by_headline;
  g_autoptr(GkRegionMember) worst = NULL;
  g_autoptr(GkRegionMember) best = NULL;
  g_autoptr(GPtrArray) topics = gk_region_get_topic_names (gk_region_window_get_region (window));
  GtkWidget *zeist, *last_cell, *first_cell;

  /* Levels side by side, worst first; the bad file listed with its reason. */
  by_headline = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (named (window, "headline-list"))));
  g_assert_cmpuint (g_list_model_get_n_items (by_headline), ==, N_MEMBERS);
  worst = g_list_model_get_item (by_headline, 0);
  best = g_list_model_get_item (by_headline, N_MEMBERS - 1);
  g_assert_cmpint (gk_region_member_get_headline (worst), ==, GK_LEVEL_SERIOUS);
  g_assert_cmpint (gk_region_member_get_headline (best), ==, GK_LEVEL_IN_CONTROL);
  wait_until (find_label (named (window, "headline-list"), gk_region_member_get_municipality (worst)) != NULL);
  g_assert_cmpuint (count_children (left_out), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (left_out))), ==,
                   "000-Kapot.gripkaart");

  /* The matrix: a row per municipality, a column per topic; Zeist (the
   * third) lacks the last topic, Utrecht has it. */
  gk_region_window_show_page (window, "matrix");
  g_assert_cmpuint (count_children (named (window, "matrix-header")), ==, topics->len + 1);
  g_assert_cmpuint (list_length (window, "matrix-list"), ==, N_MEMBERS);
  wait_until (find_label (named (window, "matrix-list"), "Zeist") != NULL);
  zeist = find_label (named (window, "matrix-list"), "Zeist");
  last_cell = gtk_widget_get_last_child (gtk_widget_get_parent (zeist));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (last_cell)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (last_cell)));
  first_cell = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_widget_get_parent (
                 find_label (named (window, "matrix-list"), "Utrecht"))));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (first_cell)));
  g_assert_cmpint (gk_level_badge_get_level (GK_LEVEL_BADGE (gtk_widget_get_first_child (first_cell))), ==,
                   region_fixture_level (0, 0));

  /* The shared indicators, one at a time. */
  gk_region_window_show_page (window, "indicators");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 9);
  gtk_drop_down_set_selected (dropdown, 8);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (named (window, "indicator-note"))),
                            "Measured by 5 municipalities"));
  wait_for_paint (named (window, "indicator-note"));

  /* Who else runs POH-jeugd? */
  gk_region_window_show_page (window, "search");
  gtk_editable_set_text (GTK_EDITABLE (named (window, "search-entry")), "poh pilot");
  wait_until (count_children (search_list) == N_MEMBERS);
  gtk_editable_set_text (GTK_EDITABLE (named (window, "search-entry")), "bestaat niet");
  wait_until (count_children (search_list) == 0);

  /* The attention signals, by municipality. */
  gk_region_window_show_page (window, "signals");
  g_assert_cmpuint (list_length (window, "signal-list"), ==, N_MEMBERS);

  destroy_all_windows ();
}

static GkWindow *
programme_window (void)
{
  GkWindow *window = GK_WINDOW (find_toplevel (GK_TYPE_WINDOW));

  return window != NULL && gk_window_get_document (window) != NULL ? window : NULL;
}

/* Counts the widgets under @widget bound to an action that edits (buttons,
 * menu buttons, rows), and how many of them can be used. */
static void
count_editing_widgets (GtkWidget *widget,
                       guint     *n,
                       guint     *n_sensitive)
{
  if (GTK_IS_ACTIONABLE (widget))
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));

      if (name != NULL && gk_edit_action_is_editing (name))
        {
          (*n)++;
          if (gtk_widget_get_sensitive (widget))
            (*n_sensitive)++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_editing_widgets (child, n, n_sensitive);
}

static guint
editing_sensitive (GtkWidget *widget)
{
  guint n = 0, n_sensitive = 0;

  count_editing_widgets (widget, &n, &n_sensitive);
  return n_sensitive;
}

static char *
file_bytes (const char *path,
            gsize      *length)
{
  char *bytes = NULL;

  g_assert_true (g_file_get_contents (path, &bytes, length, NULL));
  return bytes;
}

/* The programme's ambition as the file on disk has it, read the way the
 * region reads (a snapshot: the window holds the working copy). */
static char *
ambition_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkSession) session = gk_session_new (NULL);
  GkProjectFile *project = gk_project_file_open_with_flags (file, GK_PROJECT_FILE_OPEN_READ_ONLY, "test", &error);
  char *ambition;

  g_assert_no_error (error);
  g_assert_true (gk_session_open_project_file (session, project, &error));
  g_assert_no_error (error);
  g_object_unref (project);
  ambition = g_strdup (gk_programme_get_ambition (gk_document_get_programme (gk_session_get_document (session))));
  gk_session_close (session);
  return ambition;
}

static gboolean
change_ambition (GkWindow    *window,
                 const char  *ambition,
                 GError     **error)
{
  GkDocument *document = gk_window_get_document (window);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));

  gk_programme_set_ambition (GK_PROGRAMME (copy), ambition);
  return gk_document_update (document, copy, error);
}

/* A municipality opened from the region is there to look at: nothing in its
 * window edits, the document refuses an edit, the file keeps every byte.
 * Edit (in the band across the window) opens it again to edit, and an
 * edit then saves. */
/* Fields under @widget that would take a new value: text that can be
 * typed in, choices and numbers that can be changed. *n_fields counts all. */
static guint
open_fields (GtkWidget *widget,
             guint     *n_fields)
{
  guint n = 0;

  if (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_CHECK_BUTTON (widget) || GTK_IS_RANGE (widget))
    {
      gboolean takes = gtk_widget_is_sensitive (widget);

      if (GTK_IS_EDITABLE (widget) && !GTK_IS_SPIN_BUTTON (widget))
        takes = takes && gtk_editable_get_editable (GTK_EDITABLE (widget));
      else if (GTK_IS_TEXT_VIEW (widget))
        takes = takes && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));
      (*n_fields)++;
      n += takes;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += open_fields (child, n_fields);
  return n;
}

static void
test_open_member (void)
{
  GkRegionWindow *window = open_region_window ();
  GtkListView *list = GTK_LIST_VIEW (named (window, "headline-list"));
  g_autoptr(GkRegionMember) first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), 0);
  const char *path = gk_region_member_get_path (first);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  GkProjectFile *project;
  GtkWidget *bar;
  GkWindow *opened;
  guint n = 0, n_sensitive = 0;

  before = file_bytes (path, &before_len);
  /* A click on the first row (a list view activates on one click). */
  g_signal_emit_by_name (list, "activate", 0);
  wait_until (programme_window () != NULL);
  opened = programme_window ();
  g_assert_cmpstr (gk_programme_get_municipality (gk_document_get_programme (gk_window_get_document (opened))), ==,
                   gk_region_member_get_municipality (first));

  /* Read-only, and it says so and why. */
  project = gk_session_get_project_file (gk_window_get_session (opened));
  g_assert_true (gk_project_file_get_read_only (project));
  g_assert_true (gk_project_file_get_viewing (project));
  g_assert_true (gk_document_get_read_only (gk_window_get_document (opened)));
  bar = find_named (GTK_WIDGET (opened), "read-only-bar");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)));
  g_assert_true (label_shows (find_named (bar, "read-only-text")));

  /* Every editing button, menu item and row of every page is off. */
  count_editing_widgets (GTK_WIDGET (opened), &n, &n_sensitive);
  g_assert_cmpuint (n, >=, 8);
  g_assert_cmpuint (n_sensitive, ==, 0);

  /* What gets past the window is refused by the document, with its reason. */
  g_assert_false (change_ambition (opened, "Anders", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gk_document_get_dirty (gk_window_get_document (opened)));
  /* An editor still opens on a record (a double click on a row), to look
   * at: nothing in it edits. */
  {
    GkDocument *document = gk_window_get_document (opened);
    g_autoptr(GkMeasure) measure = g_list_model_get_item (gk_document_get_measures (document), 0);
    GtkWindow *editor = GTK_WINDOW (gk_measure_editor_new (GTK_WINDOW (opened), document, measure, 0));
    guint n_editor = 0, n_editor_sensitive = 0, n_fields = 0;

    gtk_window_present (editor);
    wait_until (editing_sensitive (GTK_WIDGET (editor)) == 0);
    count_editing_widgets (GTK_WIDGET (editor), &n_editor, &n_editor_sensitive);
    g_assert_cmpuint (n_editor, >, 0);
    /* Its fields show the record and take nothing: no typing that could
     * not be saved. */
    g_assert_cmpuint (open_fields (GTK_WIDGET (editor), &n_fields), ==, 0);
    g_assert_cmpuint (n_fields, >=, 4);
    gtk_window_destroy (editor);
    drain ();
  }
  after = file_bytes (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  /* Edit: the same file, in the same window, now to edit. */
  click (find_named (bar, "read-only-edit"));
  wait_until (!gk_project_file_get_viewing (gk_session_get_project_file (gk_window_get_session (opened))));
  g_assert_true (programme_window () == opened);
  g_assert_false (gk_document_get_read_only (gk_window_get_document (opened)));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)));
  n = n_sensitive = 0;
  count_editing_widgets (GTK_WIDGET (opened), &n, &n_sensitive);
  g_assert_cmpuint (n_sensitive, >, 0);

  g_assert_true (change_ambition (opened, "Samen met de regio", &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_get_dirty (gk_window_get_document (opened)));
  gtk_widget_activate_action (GTK_WIDGET (opened), "win.save", NULL);
  wait_until (!gk_document_get_dirty (gk_window_get_document (opened)));
  saved = ambition_on_disk (path);
  g_assert_cmpstr (saved, ==, "Samen met de regio");

  destroy_all_windows ();
}

static GtkFileChooser *
file_chooser_dialog (void)
{
  GtkWindow *dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return dialog != NULL ? GTK_FILE_CHOOSER (dialog) : NULL;
}

/* Open Region… in the main menu: several files at once. */
static void
test_open_region_chooses_files (void)
{
  GkWindow *window = gk_window_new (app);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open-region");
  GtkFileChooser *chooser;

  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>o");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-region", NULL));
  wait_until (file_chooser_dialog () != NULL);
  chooser = file_chooser_dialog ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_true (gtk_file_chooser_get_select_multiple (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until (file_chooser_dialog () == NULL);
  g_assert_null (find_toplevel (GK_TYPE_REGION_WINDOW));

  destroy_all_windows ();
}

static gboolean
chosen_is (GtkFileChooser *chooser,
           GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Open Region Folder…: the folder chosen opens as a region. */
static void
test_open_region_folder (void)
{
  GkWindow *window = gk_window_new (app);
  g_autoptr(GFile) folder = g_file_new_for_path (region_dir);
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;
  GkRegionWindow *region_window;

  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-region-folder", NULL));
  wait_until (file_chooser_dialog () != NULL);
  chooser = file_chooser_dialog ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  /* Selects the folder in its parent's listing, which loads meanwhile. */
  g_assert_true (gtk_file_chooser_set_file (chooser, folder, &error));
  g_assert_no_error (error);
  wait_until (chosen_is (chooser, folder));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  wait_until (find_toplevel (GK_TYPE_REGION_WINDOW) != NULL);
  region_window = GK_REGION_WINDOW (find_toplevel (GK_TYPE_REGION_WINDOW));
  wait_until (gk_region_window_get_loaded (region_window));
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_members (gk_region_window_get_region (region_window))),
                    ==, N_MEMBERS);

  destroy_all_windows ();
}

static gboolean
is_complete_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 100 &&
         memcmp (contents, "%PDF-", 5) == 0 && g_strstr_len (contents + length - 32, 32, "%%EOF") != NULL;
}

/* Export Report…: a file chooser with the paper to choose, then the
 * regional report written in the background. */
static void
test_export_report (void)
{
  GkRegionWindow *window = open_region_window ();
  g_autofree char *out = g_build_filename (tmp_dir, "regio.pdf", NULL);
  g_autofree char *stem = g_build_filename (tmp_dir, "regio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (stem);
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "region.export-report", NULL));
  wait_until (file_chooser_dialog () != NULL);
  chooser = file_chooser_dialog ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "paper"), ==, "a4");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "orientation"), ==, "portrait");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until (file_chooser_dialog () == NULL);

  /* What the chooser's answer does: ".pdf" added, written beside and
   * renamed, so complete once there. */
  gk_region_window_export_report (window, file, GK_REPORT_PAPER_A3, GK_REPORT_ORIENTATION_LANDSCAPE);
  g_assert_true (gk_region_window_get_exporting (window));
  wait_until (!gk_region_window_get_exporting (window));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (is_complete_pdf (out));

  destroy_all_windows ();
}

/* --- while the members are read ----------------------------------------------- */

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

/* The members read so far show while the last is still being read, each a
 * row that opens its file; when all are read the region's pages take over. */
static void
test_members_show_while_loading (void)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GError) error = NULL;
  RegionHolder holder = { 0 };
  GkRegionWindow *window;
  GtkWidget *arrived;
  GPtrArray *paths;
  guint n_readable;

  g_assert_true (gk_region_add_path (region, region_dir, &error));
  paths = gk_region_get_paths (region);
  g_mutex_init (&holder.mutex);
  g_cond_init (&holder.cond);
  holder.path = g_ptr_array_index (paths, paths->len - 1);
  gk_storage_set_step_hook_for_testing (region_hold_member_hook, &holder);

  window = gk_region_window_new (app, region);
  gtk_window_present (GTK_WINDOW (window));
  arrived = require_named (GTK_WIDGET (window), "arrived-list");
  /* The fixture's members and one damaged file; the held member is the
   * last path: all the others show before it is read. */
  n_readable = N_MEMBERS;
  wait_until (count_rows (arrived) == n_readable - 1);
  g_assert_false (gk_region_window_get_loaded (window));
  g_assert_true (gtk_widget_get_mapped (arrived));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_widget_get_first_child (arrived))), ==,
                   "region.open-member");

  g_mutex_lock (&holder.mutex);
  holder.released = TRUE;
  g_cond_broadcast (&holder.cond);
  g_mutex_unlock (&holder.mutex);
  wait_until (gk_region_window_get_loaded (window));
  gk_storage_set_step_hook_for_testing (NULL, NULL);
  /* The pages took over: the list of arrivals let go of its rows. */
  g_assert_cmpuint (count_rows (arrived), ==, 0);
  g_assert_false (gtk_widget_get_mapped (arrived));
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_members (region)), ==, n_readable);
  destroy_all_windows ();
  g_mutex_clear (&holder.mutex);
  g_cond_clear (&holder.cond);
}

/* Closing the window while its members are read: the reading stops, the
 * window goes once the worker let go of it, and nothing is left behind. */
static void
test_closed_while_loading (void)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GError) error = NULL;
  GkRegionWindow *window;
  gpointer weak;

  g_assert_true (gk_region_add_path (region, region_dir, &error));
  window = gk_region_window_new (app, region);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (weak == NULL);
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GDate today;
  int status;

  setup_app (&argc, &argv);
  today = test_today ();
  region_dir = g_build_filename (tmp_dir, "regio", NULL);
  g_assert_cmpint (g_mkdir (region_dir, 0700), ==, 0);
  g_assert_true (region_fixture_write_folder (region_dir, N_MEMBERS, TRUE, &today, &error));
  g_assert_no_error (error);

  g_test_add_func ("/region-window/pages", test_pages);
  g_test_add_func ("/region-window/members-show-while-loading", test_members_show_while_loading);
  g_test_add_func ("/region-window/open-member", test_open_member);
  g_test_add_func ("/region-window/open-region-chooses-files", test_open_region_chooses_files);
  g_test_add_func ("/region-window/open-region-folder", test_open_region_folder);
  g_test_add_func ("/region-window/export-report", test_export_report);
  g_test_add_func ("/region-window/closed-while-loading", test_closed_while_loading);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
