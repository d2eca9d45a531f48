/* test-report-dialog.c: choosing the period of the progress report, from the window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gk-application.h"
#include "gk-clock.h"
#include "gk-date.h"
#include "gk-demo.h"
#include "gk-period.h"
#include "gk-report-dialog.h"
#include "gk-window.h"
#include "wait-helpers.h"
#include "window-work.h"

static GkApplication *app;
static char *work_dir;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_until_mapped (GtkWidget *widget)
{
  wait_until (gtk_widget_get_mapped (widget));
}

static GkReportDialog *
find_report_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_REPORT_DIALOG (window))
        return GK_REPORT_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GkWindow *
window_with_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "demo.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);
  GDate today;

  today = gk_clock_get_today (gk_clock_get_default ());
  g_remove (path);
  g_assert_true (gk_demo_write_file (path, &today, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  open_file_and_wait (window, file);
  drain ();
  g_assert_nonnull (gk_window_get_document (window));
  return window;
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static GkReportDialog *
open_export_dialog (GkWindow *window)
{
  GkReportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  drain ();
  dialog = find_report_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

/* The PDF is written in the background: the header bar shows it, then the
 * file is there. */
static void
test_export_in_background (void)
{
  GkWindow *window = window_with_demo ();
  GkWorkIndicator *indicator = gk_window_get_work_indicator (window);
  g_autofree char *path = g_build_filename (work_dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkReportDialog *dialog = open_export_dialog (window);

  g_assert_false (gk_work_indicator_get_busy (indicator));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  gk_report_dialog_export_to_file (dialog, file);
  g_assert_true (gk_work_indicator_get_busy (indicator));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_nonnull (strstr (gk_work_indicator_get_what (indicator), "report.pdf"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  wait_until (!gk_work_indicator_get_busy (indicator));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  assert_is_pdf (path);
  g_remove (path);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* Closing the window does not stop an export that runs: the file is
 * written all the same. */
static void
test_export_outlives_window (void)
{
  GkWindow *window = window_with_demo ();
  g_autoptr(GkWorkIndicator) indicator = g_object_ref (gk_window_get_work_indicator (window));
  g_autofree char *path = g_build_filename (work_dir, "after-close.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkReportDialog *dialog = open_export_dialog (window);

  gk_report_dialog_export_to_file (dialog, file);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (gk_work_indicator_get_busy (indicator));

  wait_until (!gk_work_indicator_get_busy (indicator));
  assert_is_pdf (path);
  g_remove (path);
  drain ();
}

static void
test_actions (void)
{
  GkWindow *window = gk_window_new (app);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");

  g_assert_cmpstr (accels[0], ==, "<Control>p");

  /* nothing to report without a programme */
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  drain ();
  g_assert_null (find_report_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_export_dialog (void)
{
  GkWindow *window = window_with_demo ();
  GkReportDialog *dialog;
  GtkWidget *paper, *frequency, *period, *run;
  GDate today, last, chosen, quarter;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  drain ();
  dialog = find_report_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* every control says what it is */
  frequency = find_named (GTK_WIDGET (dialog), "frequency");
  period = find_named (GTK_WIDGET (dialog), "period");
  paper = find_named (GTK_WIDGET (dialog), "paper");
  run = find_named (GTK_WIDGET (dialog), "run");
  g_assert_nonnull (frequency);
  g_assert_nonnull (period);
  g_assert_nonnull (run);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (frequency)), ==, "Report _by");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (period)), ==, "_Period");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (run)), ==, "_Export…");
  /* the paper is chosen here for a PDF */
  g_assert_nonnull (paper);
  g_assert_true (gtk_widget_is_visible (paper));

  /* the demo reviews monthly: the latest complete month is chosen */
  today = gk_clock_get_today (gk_clock_get_default ());
  gk_period_last_complete (GK_FREQUENCY_MONTHLY, &today, &last, NULL);
  g_assert_cmpint (gk_report_dialog_get_period (dialog, &chosen), ==, GK_FREQUENCY_MONTHLY);
  g_assert_cmpint (g_date_compare (&chosen, &last), ==, 0);

  /* by quarter: the quarter that holds that month */
  adw_combo_row_set_selected (ADW_COMBO_ROW (frequency), 1);
  g_assert_cmpint (gk_report_dialog_get_period (dialog, &quarter), ==, GK_FREQUENCY_QUARTERLY);
  g_assert_true (gk_period_same (GK_FREQUENCY_QUARTERLY, &quarter, &last));
  g_assert_cmpint (g_date_get_day (&quarter), ==, 1);

  gk_report_dialog_set_period (dialog, GK_FREQUENCY_MONTHLY, &last);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (frequency)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (period))), ==, 24);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_print_dialog (void)
{
  GkWindow *window = window_with_demo ();
  GkReportDialog *dialog;
  GtkWidget *paper;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  drain ();
  dialog = find_report_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_named (GTK_WIDGET (dialog), "run"))), ==, "_Print…");
  /* the print dialog chooses paper and orientation */
  paper = find_named (GTK_WIDGET (dialog), "paper");
  g_assert_true (paper == NULL || !gtk_widget_is_visible (paper));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* The print operation draws the same pages as the PDF export: run it
 * without a dialog, to a file, as GTK's print-to-file does. */
static void
test_print_operation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "printed.pdf", NULL);
  g_autofree char *bytes = NULL;
  GkWindow *window = window_with_demo ();
  g_autoptr(GkReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  GDate today, period;
  double width, height;
  guint n_pages, n_found = 0;
  gsize length;

  today = gk_clock_get_today (gk_clock_get_default ());
  gk_period_last_complete (GK_FREQUENCY_MONTHLY, &today, &period, NULL);
  report = gk_report_new_for_period (gk_window_get_document (window), GK_FREQUENCY_MONTHLY, &period, &today, &error);
  g_assert_no_error (error);
  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, &width, &height);
  n_pages = gk_report_get_n_pages (report, width, height);

  operation = gk_report_print_operation_new (report);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* A4 portrait by default: as many pages as the report has on A4 */
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  for (gsize i = 0; i + 11 <= length; i++)
    if (memcmp (bytes + i, "/Type /Page", 11) == 0 && (i + 11 == length || bytes[i + 11] != 's'))
      n_found++;
  g_assert_cmpuint (n_found, ==, n_pages);
  g_remove (path);

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GDate test_day;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The latest complete month must not depend on the day the tests run. */
  g_date_clear (&test_day, 1);
  g_date_set_dmy (&test_day, 22, 11, 2026);
  gk_clock_set_fixed_date (gk_clock_get_default (), &test_day);

  work_dir = g_dir_make_tmp ("gk-report-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/report-dialog/actions", test_actions);
  g_test_add_func ("/report-dialog/export", test_export_dialog);
  g_test_add_func ("/report-dialog/export-in-background", test_export_in_background);
  g_test_add_func ("/report-dialog/export-outlives-window", test_export_outlives_window);
  g_test_add_func ("/report-dialog/print", test_print_dialog);
  g_test_add_func ("/report-dialog/print-operation", test_print_operation);

  status = g_test_run ();
  g_clear_object (&app);
  {
    g_autofree char *path = g_build_filename (work_dir, "demo.gripkaart", NULL);

    g_remove (path);
    g_rmdir (work_dir);
  }
  g_free (work_dir);
  return status;
}
