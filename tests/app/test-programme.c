/* test-programme.c: create, open, edit, undo, save and reopen a programme in the window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-clock.h"
#include "gk-demo.h"
#include "gk-new-programme-dialog.h"
#include "gk-projects-page.h"
#include "gk-roadmap-page.h"
#include "gk-window.h"
#include "wait-helpers.h"
#include "window-work.h"

static GkApplication *app;
static char *tmp_dir;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWindow *
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

static void
destroy_all_windows (void)
{
  GtkWindow *window;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  drain ();
}

static char *
write_demo (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  g_remove (path);
  g_assert_true (gk_demo_write_file (path, &today, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_new_programme (void)
{
  GkWindow *window = gk_window_new (app);
  GkNewProgrammeDialog *dialog;
  GkDocument *document;
  g_autofree char *path = g_build_filename (tmp_dir, "nieuw.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-programme", NULL));
  drain ();
  dialog = GK_NEW_PROGRAMME_DIALOG (find_toplevel (GK_TYPE_NEW_PROGRAMME_DIALOG));
  g_assert_nonnull (dialog);

  /* A missing title and an impossible date are refused where they are typed. */
  gk_new_programme_dialog_set_values (dialog, "  ", "Voorbeeldstad", "Anouk de Vries", "", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  g_assert_null (gk_window_get_document (window));
  gk_new_programme_dialog_set_values (dialog, "Grip op Wmo", "Voorbeeldstad", "Anouk de Vries", "30-02-2027", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  g_assert_null (gk_window_get_document (window));

  gk_new_programme_dialog_set_values (dialog, "Grip op Wmo", "Voorbeeldstad", "Anouk de Vries", "1-1-2027", "31-12-2028");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  drain ();

  document = gk_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (gk_window_get_page_name (window), ==, "programme");
  g_assert_cmpstr (gk_programme_get_title (gk_document_get_programme (document)), ==, "Grip op Wmo");
  g_assert_cmpstr (gk_programme_get_start_date (gk_document_get_programme (document)), ==, "2027-01-01");
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_topics (document)), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_catalogue (document)), >=, 30);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_people (document)), ==, 1);

  /* Save As, then reopen: it is all there. */
  save_as_and_wait (window, file);
  g_assert_false (gk_document_get_dirty (document));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  destroy_all_windows ();

  window = gk_window_new (app);
  open_file_and_wait (window, file);
  document = gk_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (gk_programme_get_title (gk_document_get_programme (document)), ==, "Grip op Wmo");
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_topics (document)), ==, 9);
  destroy_all_windows ();
}

static void
test_edit_undo_save_reopen (void)
{
  g_autofree char *path = write_demo ("bewerkt.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);
  GkDocument *document;
  g_autoptr(GkTopic) topic = NULL;
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = NULL;

  open_file_and_wait (window, file);
  document = gk_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_focus_projects (document)), ==, 7);

  topic = g_list_model_get_item (gk_document_get_topics (document), 1);
  old_name = g_strdup (gk_topic_get_name (topic));
  copy = gk_record_copy (GK_RECORD (topic));
  gk_topic_set_name (GK_TOPIC (copy), "Toegang en wachttijden");
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_get_dirty (document));

  /* Ctrl+Z and Shift+Ctrl+Z go through the window's actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (gk_topic_get_name (topic), ==, old_name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Toegang en wachttijden");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_window_work (window);
  g_assert_false (gk_document_get_dirty (document));
  destroy_all_windows ();

  window = gk_window_new (app);
  open_file_and_wait (window, file);
  document = gk_window_get_document (window);
  g_clear_object (&topic);
  topic = g_list_model_get_item (gk_document_get_topics (document), 1);
  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Toegang en wachttijden");
  destroy_all_windows ();
}

static void
test_unsaved_changes_are_asked_about (void)
{
  g_autofree char *path = write_demo ("vraag.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);
  g_autoptr(GkPerson) person = gk_person_new ();
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  gk_person_set_name (person, "Sem Jansen");
  g_assert_true (gk_document_insert (gk_window_get_document (window), GK_RECORD (person), &error));

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  /* Still open, and a question is asked. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  destroy_all_windows ();
}

static void
test_bad_file_gives_error (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "kapot.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "Dit is geen projectbestand.\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  drain ();

  g_assert_null (gk_window_get_document (window));
  g_assert_cmpstr (gk_window_get_page_name (window), ==, "empty");
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "is not a Gripkaart project file."));
  destroy_all_windows ();
}

static void
test_demo_from_empty_state (void)
{
  GkWindow *window = gk_window_new (app);
  GkDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  wait_for_window_work (window);
  document = gk_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (gk_programme_get_municipality (gk_document_get_programme (document)), ==, "Voorbeeldstad");
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_measures (document)), >=, 40);

  /* An attention signal or a chart leads to its record, on its page. */
  {
    g_autoptr(GkFocusProject) project = g_list_model_get_item (gk_document_get_focus_projects (document), 4);
    g_autoptr(GkTopic) topic = g_list_model_get_item (gk_document_get_topics (document), 2);
    GtkWidget *page;

    gk_window_show_record (window, "focus_project", gk_record_get_id (GK_RECORD (project)));
    page = gk_window_show_page (window, "projects");
    g_assert_true (gk_projects_page_get_project (GK_PROJECTS_PAGE (page)) == project);

    gk_window_show_record (window, "topic", gk_record_get_id (GK_RECORD (topic)));
    page = gk_window_show_page (window, "roadmap");
    g_assert_true (gk_roadmap_page_get_selected_topic (GK_ROADMAP_PAGE (page)) == topic);
  }
  destroy_all_windows ();
}

/* Save As opens in the folder of the open file, with its name: the team's
 * shared folder, not wherever the chooser was last. */
static void
test_save_as_starts_beside_the_file (void)
{
  g_autofree char *folder_path = g_build_filename (tmp_dir, "gedeelde map", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) shown_folder = NULL;
  g_autofree char *shown_name = NULL;
  GkWindow *window = gk_window_new (app);
  GtkWindow *chooser;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  path = write_demo ("gedeelde map" G_DIR_SEPARATOR_S "Jeugd.gripkaart");
  file = g_file_new_for_path (path);
  folder = g_file_new_for_path (folder_path);
  open_file_and_wait (window, file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  wait_until (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* The chooser loads the folder once it is shown. */
  wait_until ((shown_folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser))) != NULL);
  shown_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (shown_folder);
  g_assert_true (g_file_equal (shown_folder, folder));
  g_assert_cmpstr (shown_name, ==, "Jeugd.gripkaart");

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  drain ();
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  GDate test_day;
  int status;

  /* The demo and the levels must not depend on the day the tests run. */
  g_date_clear (&test_day, 1);
  g_date_set_dmy (&test_day, 22, 11, 2026);
  gk_clock_set_fixed_date (gk_clock_get_default (), &test_day);

  tmp_dir = g_dir_make_tmp ("gripkaart-test-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));

  g_test_add_func ("/programme/new", test_new_programme);
  g_test_add_func ("/programme/edit-undo-save-reopen", test_edit_undo_save_reopen);
  g_test_add_func ("/programme/save-as-beside-the-file", test_save_as_starts_beside_the_file);
  g_test_add_func ("/programme/unsaved", test_unsaved_changes_are_asked_about);
  g_test_add_func ("/programme/bad-file", test_bad_file_gives_error);
  g_test_add_func ("/programme/demo", test_demo_from_empty_state);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
