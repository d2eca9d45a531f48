/* test-sharing.c: two people on one file, in two windows
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anne and Bram (two windows, two user names) open the same file. Their
 * changes meet in it: saves merge and say so, the windows bring in each
 * other's published changes by themselves, a clash leads to the conflict
 * dialog, and edits a crash left behind can be brought back. Every wait is
 * for a condition (a file monitor's event, a worker thread), never a time.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "gk-conflict-dialog.h"
#include "gk-measures-page.h"
#include "gk-project-file.h"
#include "gk-session.h"
#include "page-test-helpers.h"

typedef struct {
  char     *path;
  GkWindow *anne;
  GkWindow *bram;
} Team;

static GkWindow *
open_as (GFile      *file,
         const char *user_name)
{
  GkWindow *window = gk_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  g_assert_nonnull (gk_window_get_document (window));
  gk_document_set_user_name (gk_window_get_document (window), user_name);
  return window;
}

static void
team_open (Team       *team,
           const char *name)
{
  g_autoptr(GFile) file = NULL;

  team->path = write_demo (name);
  file = g_file_new_for_path (team->path);
  team->anne = open_as (file, "Anne");
  team->bram = open_as (file, "Bram");
}

static void
team_close (Team *team)
{
  destroy_windows_unsaved ();
  g_clear_pointer (&team->path, g_free);
}

static GkProgramme *
programme_of (GkWindow *window)
{
  return gk_document_get_programme (gk_window_get_document (window));
}

static void
edit_programme (GkWindow   *window,
                const char *title,
                const char *ambition)
{
  GkDocument *document = gk_window_get_document (window);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));
  g_autoptr(GError) error = NULL;

  if (title != NULL)
    gk_programme_set_title (GK_PROGRAMME (copy), title);
  if (ambition != NULL)
    gk_programme_set_ambition (GK_PROGRAMME (copy), ambition);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
}

static void
save_and_wait (GkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_window_work (window);
  drain ();
}

/* What a colleague opening the file would see. */
static char *
file_text (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gboolean
file_title_is (const char *path,
               const char *title)
{
  g_autofree char *text = file_text (path, "SELECT title FROM programme");

  return g_strcmp0 (text, title) == 0;
}

/* A label under @widget whose text holds @part (toasts, the status). */
static GtkLabel *
find_label_with (GtkWidget  *widget,
                 const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
status_of (GkWindow *window)
{
  GtkWidget *label = require_named (GTK_WIDGET (window), "share-status");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static GkMeasure *
measure_at (GkWindow *window,
            guint     position)
{
  g_autoptr(GkMeasure) measure = g_list_model_get_item (gk_document_get_measures (gk_window_get_document (window)),
                                                        position);

  return measure;  /* the document keeps it */
}

static void
rename_measure (GkWindow   *window,
                GkMeasure  *measure,
                const char *title)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (measure));
  g_autoptr(GError) error = NULL;

  gk_measure_set_title (GK_MEASURE (copy), title);
  g_assert_true (gk_document_update (gk_window_get_document (window), copy, &error));
  g_assert_no_error (error);
}

/* What the measures page has selected, and how far its table is scrolled. */
static gpointer
selected_on_page (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_of_type (page, GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

static double
scrolled_on_page (GtkWidget *page)
{
  GtkWidget *view = find_of_type (page, GTK_TYPE_COLUMN_VIEW);

  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
}

/* Both edit different fields, both save: the second save merges and says
 * so; the first window brings the second's change in by itself, in place. */
static void
test_both_save (void)
{
  Team team = { 0, };
  GkProgramme *anne_programme;
  GkMeasure *selected;
  GtkWidget *measures;
  const char *page;
  double scrolled;

  team_open (&team, "samen.gripkaart");
  measures = gk_window_show_page (team.anne, "measures");
  page = gk_window_get_page_name (team.anne);
  anne_programme = programme_of (team.anne);
  /* Anne is working down the list of measures. */
  selected = measure_at (team.anne, 12);
  gk_measures_page_select_measure (GK_MEASURES_PAGE (measures), gk_record_get_id (GK_RECORD (selected)));
  wait_for_paint (measures);
  g_assert_true (selected_on_page (measures) == selected);
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_of_type (measures,
                                                                                            GTK_TYPE_COLUMN_VIEW)));

    wait_until (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 200);
    gtk_adjustment_set_value (adjustment, 200);
    wait_for_paint (measures);
  }
  scrolled = scrolled_on_page (measures);
  g_assert_cmpfloat (scrolled, >, 0);

  edit_programme (team.anne, "Grip op de wijk", NULL);
  edit_programme (team.bram, NULL, "Iedereen kan meedoen");
  rename_measure (team.bram, measure_at (team.bram, 12), "Door Bram hernoemd");
  g_assert_cmpstr (status_of (team.anne), ==, _("Not shared yet: not saved"));
  save_and_wait (team.anne);
  g_assert_true (file_title_is (team.path, "Grip op de wijk"));
  g_assert_cmpstr (status_of (team.anne), ==, _("Saved"));

  save_and_wait (team.bram);
  g_assert_false (gk_document_get_dirty (gk_window_get_document (team.bram)));
  /* Bram has Anne's title, and was told whose changes came in. */
  g_assert_cmpstr (gk_programme_get_title (programme_of (team.bram)), ==, "Grip op de wijk");
  g_assert_nonnull (strstr (gk_project_file_get_merge_summary (gk_session_get_project_file (gk_window_get_session (team.bram))), "Anne"));
  wait_until (find_label_with (GTK_WIDGET (team.bram), "Anne") != NULL);
  {
    g_autofree char *ambition = file_text (team.path, "SELECT ambition FROM programme");

    g_assert_cmpstr (ambition, ==, "Iedereen kan meedoen");
  }

  /* Anne's window notices Bram's publish and brings it in: nothing of
   * hers was waiting, so quietly, the same record updated in place, on
   * the same page, and nothing left to save. */
  wait_until (g_strcmp0 (gk_programme_get_ambition (programme_of (team.anne)), "Iedereen kan meedoen") == 0);
  g_assert_true (programme_of (team.anne) == anne_programme);
  g_assert_cmpstr (gk_window_get_page_name (team.anne), ==, page);
  wait_until (g_strcmp0 (gk_measure_get_title (selected), "Door Bram hernoemd") == 0);
  wait_for_paint (measures);
  g_assert_true (selected_on_page (measures) == selected);
  g_assert_cmpfloat (scrolled_on_page (measures), ==, scrolled);
  g_assert_false (gk_document_get_dirty (gk_window_get_document (team.anne)));
  wait_until (g_strcmp0 (status_of (team.anne), _("Saved")) == 0);
  team_close (&team);
}

static GkConflictDialog *
wait_for_conflict_dialog (void)
{
  GtkWindow *dialog = NULL;

  wait_until ((dialog = find_toplevel (GK_TYPE_CONFLICT_DIALOG)) != NULL);
  return GK_CONFLICT_DIALOG (dialog);
}

/* Both change the title: Bram's save opens the conflict dialog. Cancel
 * changes nothing; choosing Anne's title and saving lands it, and Bram's
 * title is kept in the change log. */
static void
test_conflict (void)
{
  Team team = { 0, };
  GkConflictDialog *dialog;
  GtkWidget *confirm;
  GtkWidget *choose;
  g_autofree char *logged = NULL;

  team_open (&team, "botsing.gripkaart");
  edit_programme (team.anne, "Grip op de wijk", NULL);
  edit_programme (team.bram, "Grip op het dorp", NULL);
  save_and_wait (team.anne);
  save_and_wait (team.bram);

  dialog = wait_for_conflict_dialog ();
  g_assert_nonnull (find_label_with (GTK_WIDGET (dialog), "Grip op de wijk"));
  g_assert_nonnull (find_label_with (GTK_WIDGET (dialog), "Grip op het dorp"));
  g_assert_nonnull (find_label_with (GTK_WIDGET (dialog), "Anne"));
  confirm = require_named (GTK_WIDGET (dialog), "confirm");
  g_assert_false (gtk_widget_is_sensitive (confirm));

  /* Cancel: the file is Anne's, Bram's title waits in his copy. */
  click (require_named (GTK_WIDGET (dialog), "cancel"));
  wait_until (find_toplevel (GK_TYPE_CONFLICT_DIALOG) == NULL);
  g_assert_true (file_title_is (team.path, "Grip op de wijk"));
  g_assert_true (gk_document_get_dirty (gk_window_get_document (team.bram)));
  g_assert_cmpstr (gk_programme_get_title (programme_of (team.bram)), ==, "Grip op het dorp");
  g_assert_nonnull (strstr (status_of (team.bram), "Anne"));

  /* The header offers the choice again. */
  choose = require_named (GTK_WIDGET (team.bram), "choose-conflicts");
  g_assert_true (gtk_widget_get_visible (choose));
  click (choose);
  dialog = wait_for_conflict_dialog ();
  confirm = require_named (GTK_WIDGET (dialog), "confirm");
  click (require_named (GTK_WIDGET (dialog), "keep-all-mine"));
  g_assert_true (gtk_widget_is_sensitive (confirm));
  /* Changed my mind: theirs, for this one. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (require_named (GTK_WIDGET (dialog), "theirs-0")), TRUE);
  click (confirm);
  wait_for_window_work (team.bram);
  wait_until (!gk_document_get_dirty (gk_window_get_document (team.bram)));

  g_assert_true (file_title_is (team.path, "Grip op de wijk"));
  g_assert_cmpstr (gk_programme_get_title (programme_of (team.bram)), ==, "Grip op de wijk");
  logged = file_text (team.path, "SELECT count(*) FROM change_log WHERE summary LIKE '%Grip op het dorp%'");
  g_assert_cmpstr (logged, !=, "0");
  g_assert_false (gtk_widget_get_visible (choose));
  g_assert_cmpstr (status_of (team.bram), ==, _("Saved"));
  team_close (&team);
}

/* With automatic sharing, an edit reaches the file without Save; the other
 * window shows who has the file open, and brings the change in. */
static void
test_automatic (void)
{
  GSettings *settings = gk_application_get_settings (app);
  Team team = { 0, };
  GtkWidget *others;

  g_settings_set_boolean (settings, "share-automatically", TRUE);
  team_open (&team, "vanzelf.gripkaart");
  others = require_named (GTK_WIDGET (team.bram), "others");
  g_assert_true (gtk_widget_get_visible (others));

  edit_programme (team.anne, "Vanzelf gedeeld", NULL);
  g_assert_cmpstr (status_of (team.anne), ==, _("Sharing…"));
  wait_until (file_title_is (team.path, "Vanzelf gedeeld"));
  wait_until (g_strcmp0 (status_of (team.anne), _("Saved")) == 0);
  wait_until (g_strcmp0 (gk_programme_get_title (programme_of (team.bram)), "Vanzelf gedeeld") == 0);
  g_assert_false (gk_document_get_dirty (gk_window_get_document (team.bram)));

  /* A clash while sharing by itself: no dialog, the header says so. */
  edit_programme (team.bram, NULL, "Van Bram");
  edit_programme (team.anne, NULL, "Van Anne");
  wait_until (strstr (status_of (team.anne), "Not shared yet") != NULL ||
              strstr (status_of (team.bram), "Not shared yet") != NULL);
  g_assert_null (find_toplevel (GK_TYPE_CONFLICT_DIALOG));

  g_settings_set_boolean (settings, "share-automatically", FALSE);
  team_close (&team);
}

/* With edits of his own waiting (and no automatic sharing), Bram is asked
 * before Anne's changes come in; then both are in his copy. */
static void
test_bring_in_offered (void)
{
  Team team = { 0, };
  GtkButton *button = NULL;

  team_open (&team, "aanbod.gripkaart");
  edit_programme (team.bram, NULL, "Nog niet gedeeld");
  edit_programme (team.anne, "Eerst bewaard", NULL);
  save_and_wait (team.anne);

  wait_until ((button = find_button_with_label (GTK_WIDGET (team.bram), "_Bring Them In")) != NULL);
  wait_until (find_label_with (GTK_WIDGET (team.bram), "saved changes") != NULL);
  click (GTK_WIDGET (button));
  wait_until (g_strcmp0 (gk_programme_get_title (programme_of (team.bram)), "Eerst bewaard") == 0);
  g_assert_cmpstr (gk_programme_get_ambition (programme_of (team.bram)), ==, "Nog niet gedeeld");
  g_assert_true (gk_document_get_dirty (gk_window_get_document (team.bram)));
  team_close (&team);
}

/* A window gone with edits unsaved (as after a crash): the next open offers
 * them; Bring Back merges them in as unsaved edits. */
static GkWindow *
reopen_after_lost_edit (const char *name,
                        char      **out_path)
{
  g_autofree char *path = write_demo (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *lost = open_as (file, "Anne");

  edit_programme (lost, "Niet bewaard", NULL);
  /* Destroyed, not closed: nobody is asked, the working copy stays. */
  gtk_window_destroy (GTK_WINDOW (lost));
  drain ();
  *out_path = g_steal_pointer (&path);
  return open_as (file, "Anne");
}

static void
test_bring_back (void)
{
  g_autofree char *path = NULL;
  GkWindow *window = reopen_after_lost_edit ("terug.gripkaart", &path);
  GtkWidget *bar = require_named (GTK_WIDGET (window), "recovery");

  wait_until (gtk_widget_get_visible (bar));
  /* "Changes from 4 Dec 10:14 were not saved before Gripkaart stopped." */
  g_assert_nonnull (find_label_with (bar, "Gripkaart"));
  click (require_named (bar, "bring-back"));
  wait_until (g_strcmp0 (gk_programme_get_title (programme_of (window)), "Niet bewaard") == 0);
  wait_until (!gtk_widget_get_visible (bar));
  g_assert_true (gk_document_get_dirty (gk_window_get_document (window)));
  g_assert_false (file_title_is (path, "Niet bewaard"));
  destroy_windows_unsaved ();
}

static void
test_discard (void)
{
  g_autofree char *path = NULL;
  GkWindow *window = reopen_after_lost_edit ("weggooien.gripkaart", &path);
  GtkWidget *bar = require_named (GTK_WIDGET (window), "recovery");
  g_autofree char *recovered = NULL;
  AdwMessageDialog *dialog = NULL;

  wait_until (gtk_widget_get_visible (bar));
  recovered = g_strdup (gk_project_file_get_recovered_path (gk_session_get_project_file (gk_window_get_session (window))));
  g_assert_true (g_file_test (recovered, G_FILE_TEST_EXISTS));

  /* Asked first; Cancel keeps them. */
  click (require_named (bar, "discard-recovered"));
  wait_until ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain ();
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_true (g_file_test (recovered, G_FILE_TEST_EXISTS));

  click (require_named (bar, "discard-recovered"));
  wait_until ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (!gtk_widget_get_visible (bar));
  g_assert_false (g_file_test (recovered, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gk_programme_get_title (programme_of (window)), !=, "Niet bewaard");
  destroy_windows_unsaved ();
}

/* Dropbox kept Bram's save as a conflict copy beside the file: opening the
 * file offers it, Bring In merges its changes in, and the copy is put away
 * in the hidden folder beside the file. */
static void
test_conflict_copy (void)
{
  g_autofree char *path = write_demo ("kopie.gripkaart");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *copy_path = g_build_filename (dir, "kopie (Bram's conflicted copy 2026-12-04).gripkaart", NULL);
  g_autofree char *aside = g_build_filename (dir, ".gripkaart-merged",
                                             "kopie (Bram's conflicted copy 2026-12-04).gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(GError) error = NULL;
  GtkButton *button = NULL;
  GkWindow *window;

  /* The demo's rows carry the demo's own times; as if made long ago. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE programme SET updated_at = '2020-01-01T00:00:00Z'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  /* A first save records a revision; the copy starts from it. */
  {
    g_autoptr(GkProjectFile) project = gk_project_file_open (file, &error);

    g_assert_no_error (error);
    gk_project_file_set_dirty (project, TRUE);
    g_assert_true (gk_project_file_save (project, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_copy (file, copy_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Bram's save, as the sync client kept it. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (copy_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE programme SET ambition = 'Uit de kopie van Bram', "
                                       "updated_at = '2099-01-01T00:00:00Z', version = version + 1",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  window = open_as (file, "Anne");
  wait_until (find_label_with (GTK_WIDGET (window), "Dropbox kept a copy") != NULL);
  wait_until ((button = find_button_with_label (GTK_WIDGET (window), "_Bring In")) != NULL);
  click (GTK_WIDGET (button));
  wait_until (g_strcmp0 (gk_programme_get_ambition (programme_of (window)), "Uit de kopie van Bram") == 0);
  wait_until (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (gk_document_get_dirty (gk_window_get_document (window)));
  destroy_windows_unsaved ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("GRIPKAART_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GRIPKAART_LOCALEDIR"));
      textdomain (GETTEXT_PACKAGE);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      setlocale (LC_ALL, "");
    }
  setup_app (&argc, &argv);

  g_test_add_func ("/sharing/both-save", test_both_save);
  g_test_add_func ("/sharing/conflict", test_conflict);
  g_test_add_func ("/sharing/automatic", test_automatic);
  g_test_add_func ("/sharing/bring-in-offered", test_bring_in_offered);
  g_test_add_func ("/sharing/bring-back", test_bring_back);
  g_test_add_func ("/sharing/discard", test_discard);
  g_test_add_func ("/sharing/conflict-copy", test_conflict_copy);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
