/* test-import-dialog.c: importing figures through the dialog, and exporting tables
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gk-export-dialog.h"
#include "gk-import-dialog.h"
#include "gk-workbook.h"
#include "page-test-helpers.h"

static GtkWidget *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Waits on the main context for the import dialog. */
static GkImportDialog *
wait_for_import_dialog (void)
{
  GtkWindow *dialog;

  wait_until ((dialog = find_toplevel (GK_TYPE_IMPORT_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  return GK_IMPORT_DIALOG (dialog);
}

static char *
write_figures (const char *name,
               const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static guint
n_figures (GkDocument *document)
{
  return g_list_model_get_n_items (gk_document_get_measurements (document));
}

/* The text of the fate rows the dialog shows, in its order. */
static GPtrArray *
fate_texts (GtkWidget *dialog)
{
  GtkWidget *list = require_named (dialog, "fates");
  GPtrArray *texts = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = find_of_type (row, GTK_TYPE_LABEL);

      g_assert_nonnull (label);
      g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (label)));
    }
  return texts;
}

static void
test_import_preview_fates_undo (void)
{
  GkWindow *window = open_demo_window ("import.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  g_autofree char *csv = write_figures ("cijfers.csv",
    "\xEF\xBB\xBFIndicator;Periode;Waarde;Toelichting\r\n"
    "Wachttijd jeugdhulp in weken;2031-01;7,5;nieuw\r\n"
    "Wachttijd jeugdhulp in weken;2031-02;12,5 weken;\r\n"
    "Jeugdigen met jeugdhulp;2031-01;1.234;\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *page = gk_window_show_page (window, "indicators");
  GkImportDialog *dialog;
  GkImportPlan *plan;
  GtkWidget *import_button;
  GtkWidget *skip;
  GtkWidget *summary;
  g_autoptr(GPtrArray) texts = NULL;
  guint before = n_figures (document);
  g_autoptr(GError) error = NULL;

  /* The Indicators page offers the import, as a drop of the file would. */
  g_assert_nonnull (require_named (page, "import-figures"));
  g_assert_true (gtk_widget_activate_action (page, "win.import-figures", "s", uri));
  dialog = wait_for_import_dialog ();
  wait_until (!gk_import_dialog_is_reading (dialog));
  drain ();

  /* The preview: the header and the rows as read. */
  g_assert_nonnull (find_label_with_text (require_named (GTK_WIDGET (dialog), "preview"), "12,5 weken"));
  /* The fates before anything changes: two new, one refused, shown first. */
  plan = gk_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (gk_import_plan_count (plan, GK_IMPORT_FATE_NEW), ==, 2);
  g_assert_cmpuint (gk_import_plan_count (plan, GK_IMPORT_FATE_REFUSED), ==, 1);
  summary = require_named (GTK_WIDGET (dialog), "summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==, "2 new, 0 changed, 0 unchanged, 1 refused");
  texts = fate_texts (GTK_WIDGET (dialog));
  g_assert_cmpuint (texts->len, ==, 3);
  g_assert_cmpstr (texts->pdata[0], ==, "line 3: “12,5 weken” is not a number.");
  g_assert_nonnull (strstr (texts->pdata[1], "new figure for “Wachttijd jeugdhulp in weken”"));
  g_assert_cmpuint (n_figures (document), ==, before);

  /* With a refused row, Import waits until skipping is chosen. */
  import_button = require_named (GTK_WIDGET (dialog), "import");
  skip = require_named (GTK_WIDGET (dialog), "skip-refused");
  g_assert_false (gtk_widget_is_sensitive (import_button));
  g_assert_true (gtk_widget_get_visible (skip));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (skip), TRUE);
  click (import_button);
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_IMPORT_DIALOG));
  g_assert_cmpuint (n_figures (document), ==, before + 2);

  /* One undo step takes both figures out again. */
  g_assert_nonnull (strstr (gk_document_get_undo_description (document), "cijfers.csv"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpuint (n_figures (document), ==, before);
  g_assert_true (gk_document_can_redo (document));
  g_assert_no_error (error);

  destroy_windows_unsaved ();
}

/* Mapping by hand: a file of one indicator's figures without a header word
 * the guess knows. */
static void
test_mapping_changes_the_fates (void)
{
  GkWindow *window = open_demo_window ("mapping.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  g_autofree char *csv = write_figures ("een.csv", "Wanneer;Stand\n2031-03;4\n2031-04;5\n");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  GkImportDialog *dialog = gk_import_dialog_new (GTK_WINDOW (window), document, file);
  AdwComboRow *indicator;
  GListModel *names;
  guint wanted = G_MAXUINT;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until (!gk_import_dialog_is_reading (dialog));
  drain ();
  /* Nine indicators and none named: the dialog says what to choose. */
  g_assert_null (gk_import_dialog_get_plan (dialog));
  g_assert_true (has_error_style (require_named (GTK_WIDGET (dialog), "summary")));
  g_assert_false (gtk_widget_is_sensitive (require_named (GTK_WIDGET (dialog), "import")));

  indicator = ADW_COMBO_ROW (require_named (GTK_WIDGET (dialog), "indicator"));
  names = adw_combo_row_get_model (indicator);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Wachttijd jeugdhulp in weken"))
      wanted = i;
  g_assert_cmpuint (wanted, !=, G_MAXUINT);
  adw_combo_row_set_selected (indicator, wanted);
  drain ();
  g_assert_nonnull (gk_import_dialog_get_plan (dialog));
  g_assert_cmpuint (gk_import_plan_count (gk_import_dialog_get_plan (dialog), GK_IMPORT_FATE_NEW), ==, 2);
  g_assert_true (gtk_widget_is_sensitive (require_named (GTK_WIDGET (dialog), "import")));

  /* A bad file: the reason, and no import. */
  {
    g_autofree char *junk = g_build_filename (tmp_dir, "plaatje.xlsx", NULL);
    g_autoptr(GFile) junk_file = NULL;

    g_assert_true (g_file_set_contents (junk, "niet echt", -1, NULL));
    junk_file = g_file_new_for_path (junk);
    gk_import_dialog_set_file (dialog, junk_file);
    wait_until (!gk_import_dialog_is_reading (dialog));
    drain ();
    g_assert_null (gk_import_dialog_get_plan (dialog));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (dialog), "summary"))),
                              "not a zip archive"));
    g_assert_false (gtk_widget_is_sensitive (require_named (GTK_WIDGET (dialog), "import")));
  }
  destroy_windows_unsaved ();
}

/* ---- reading in a thread ------------------------------------------------------ *
 *
 * A named pipe stands for a file that takes long to read: reading it blocks
 * until the test writes to it, so "the read is still going on" is a fact the
 * test controls, not a matter of timing. */

static char *
make_pipe (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

/* Writes @contents into the pipe at @path once its reader has opened it;
 * FALSE if @give_up became TRUE first (the reader never came). */
static gboolean
feed_pipe (const char *path,
           const char *contents,
           gpointer   *give_up)
{
  int fd = -1;
  gssize written;

  wait_until ((give_up != NULL && *give_up == NULL) ||
              (fd = open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)) >= 0);
  if (fd < 0)
    return FALSE;
  /* A cancelled reader may stop reading as soon as it has opened the pipe
   * (EPIPE); a reader that goes on gets everything. */
  written = write (fd, contents, strlen (contents));
  g_assert_true (written == (gssize) strlen (contents) || (written < 0 && errno == EPIPE));
  close (fd);
  return TRUE;
}

static gboolean
count_tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
test_reads_in_a_thread (void)
{
  GkWindow *window = open_demo_window ("thread.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  g_autofree char *path = make_pipe ("traag.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkImportDialog *dialog = gk_import_dialog_new (GTK_WINDOW (window), document, file);
  GtkWidget *spinner = require_named (GTK_WIDGET (dialog), "reading");
  guint ticks = 0;
  guint timeout;

  gtk_window_present (GTK_WINDOW (dialog));
  /* The file cannot have been read: nobody has written it yet. */
  g_assert_true (gk_import_dialog_is_reading (dialog));
  g_assert_null (gk_import_dialog_get_plan (dialog));
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_is_sensitive (require_named (GTK_WIDGET (dialog), "import")));

  /* The main loop goes on meanwhile: the window is not frozen. */
  timeout = g_timeout_add (5, count_tick_cb, &ticks);
  wait_until (ticks >= 5);
  g_source_remove (timeout);
  g_assert_true (gk_import_dialog_is_reading (dialog));

  /* When the file arrives, the preview and the fates follow. */
  g_assert_true (feed_pipe (path, "Indicator;Periode;Waarde\n"
                                  "Wachttijd jeugdhulp in weken;2031-01;7,5\n"
                                  "Wachttijd jeugdhulp in weken;2031-02;8\n", NULL));
  wait_until (!gk_import_dialog_is_reading (dialog));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_nonnull (gk_import_dialog_get_plan (dialog));
  g_assert_cmpuint (gk_import_plan_count (gk_import_dialog_get_plan (dialog), GK_IMPORT_FATE_NEW), ==, 2);
  g_assert_nonnull (find_label_with_text (require_named (GTK_WIDGET (dialog), "preview"), "7,5"));
  g_assert_true (gtk_widget_is_sensitive (require_named (GTK_WIDGET (dialog), "import")));

  destroy_windows_unsaved ();
}

static void
test_reading_cancelled (void)
{
  GkWindow *window = open_demo_window ("cancel.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  g_autofree char *slow = make_pipe ("eerst.csv");
  g_autofree char *slower = make_pipe ("later.csv");
  g_autofree char *quick = write_figures ("snel.csv", "Indicator;Periode;Waarde\n"
                                                      "Wachttijd jeugdhulp in weken;2031-05;6\n");
  g_autoptr(GFile) slow_file = g_file_new_for_path (slow);
  g_autoptr(GFile) slower_file = g_file_new_for_path (slower);
  g_autoptr(GFile) quick_file = g_file_new_for_path (quick);
  GkImportDialog *dialog = gk_import_dialog_new (GTK_WINDOW (window), document, slow_file);
  gpointer alive = dialog;
  guint before = n_figures (document);
  guint refs;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gk_import_dialog_is_reading (dialog));

  /* Another file chosen while the first is read: the second is shown, and
   * the first, when it arrives at last, is not. */
  gk_import_dialog_set_file (dialog, quick_file);
  wait_until (!gk_import_dialog_is_reading (dialog));
  g_assert_cmpuint (gk_import_plan_count (gk_import_dialog_get_plan (dialog), GK_IMPORT_FATE_NEW), ==, 1);
  /* The first read's task holds the dialog until its end has been handled. */
  refs = G_OBJECT (dialog)->ref_count;
  g_assert_true (feed_pipe (slow, "Indicator;Periode;Waarde\nWachttijd jeugdhulp in weken;2031-06;1\n"
                                  "Wachttijd jeugdhulp in weken;2031-07;2\n", NULL));
  wait_until (G_OBJECT (dialog)->ref_count < refs);
  drain ();
  g_assert_null (find_label_with_text (require_named (GTK_WIDGET (dialog), "preview"), "2031-07"));
  g_assert_cmpuint (gk_import_plan_count (gk_import_dialog_get_plan (dialog), GK_IMPORT_FATE_NEW), ==, 1);

  /* Closed while reading: the read is cancelled, and when it ends the
   * dialog is gone without a crash and without importing anything. */
  gk_import_dialog_set_file (dialog, slower_file);
  g_assert_true (gk_import_dialog_is_reading (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  gtk_window_destroy (GTK_WINDOW (dialog));
  feed_pipe (slower, "Indicator;Periode;Waarde\nWachttijd jeugdhulp in weken;2031-08;3\n", &alive);
  wait_until (alive == NULL);
  g_assert_null (find_toplevel (GK_TYPE_IMPORT_DIALOG));
  g_assert_cmpuint (n_figures (document), ==, before);

  destroy_windows_unsaved ();
}

static void
test_export_dialog (void)
{
  GkWindow *window = open_demo_window ("export.gripkaart");
  GkExportDialog *dialog;
  g_autofree char *path = g_build_filename (tmp_dir, "alles.xlsx", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "cijfers.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkWorkbook) workbook = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-tables", NULL));
  drain ();
  dialog = GK_EXPORT_DIALOG (find_toplevel (GK_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);

  /* All tables to a workbook. */
  g_assert_true (gk_export_dialog_export (dialog, path, &error));
  g_assert_no_error (error);
  workbook = gk_workbook_open (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) gk_workbook_get_sheet_names (workbook)), ==, 6);

  /* All tables do not fit one CSV: said before and after trying. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (GTK_WIDGET (dialog), "format")), 1);
  drain ();
  g_assert_true (error_shown (GTK_WIDGET (dialog), "problem"));
  g_assert_false (gk_export_dialog_export (dialog, csv, &error));
  g_clear_error (&error);
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (GTK_WIDGET (dialog), "table")), 4);
  drain ();
  g_assert_false (error_shown (GTK_WIDGET (dialog), "problem"));
  g_assert_true (gk_export_dialog_export (dialog, csv, &error));
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));

  destroy_windows_unsaved ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);
  /* Writing to a pipe whose reader gave up must fail, not end the test. */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/import-dialog/preview-fates-undo", test_import_preview_fates_undo);
  g_test_add_func ("/import-dialog/mapping", test_mapping_changes_the_fates);
  g_test_add_func ("/import-dialog/reads-in-a-thread", test_reads_in_a_thread);
  g_test_add_func ("/import-dialog/reading-cancelled", test_reading_cancelled);
  g_test_add_func ("/export-dialog/tables", test_export_dialog);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
