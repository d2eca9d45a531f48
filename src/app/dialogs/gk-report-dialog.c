/* gk-report-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report draws its pages itself (gk_report_draw_page), for a PDF file
 * and for the printer alike; this dialog only chooses the period (and the
 * sheet, for a PDF) and hands the pages to GtkPrintOperation or to a file.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-clock.h"
#include "gk-date.h"
#include "gk-period.h"
#include "gk-report-dialog.h"
#include "gk-report-export-task.h"
#include "gk-window.h"
#include "gk-form.h"

/* How far back the periods go. */
#define N_MONTHS   24
#define N_QUARTERS 8

struct _GkReportDialog
{
  AdwWindow           parent_instance;

  GkDocument         *document;
  GkReportDialogMode  mode;
  GArray             *starts;        /* GDate: the first days of the periods offered */

  AdwWindowTitle     *window_title;
  GtkButton          *run_button;
  AdwComboRow        *frequency_row;
  AdwComboRow        *period_row;
  GtkWidget          *paper_group;
  AdwComboRow        *paper_row;
  AdwComboRow        *orientation_row;

  GtkFileChooserNative *chooser;
  GkReport           *pending;       /* waits for the file chooser */
};

G_DEFINE_FINAL_TYPE (GkReportDialog, gk_report_dialog, ADW_TYPE_WINDOW)

/* Kept while the application runs: the next print starts where the last
 * one left off (printer, paper, orientation). */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static GkFrequency
chosen_frequency (GkReportDialog *self)
{
  return adw_combo_row_get_selected (self->frequency_row) == 1 ? GK_FREQUENCY_QUARTERLY : GK_FREQUENCY_MONTHLY;
}

/* Today on the clock of the programme reported on. */
static GDate
dialog_today (GkReportDialog *self)
{
  return gk_clock_get_today (self->document != NULL ? gk_document_get_clock (self->document)
                                                    : gk_clock_get_default ());
}

/* Newest first: the current period, then the ones before it. The latest
 * complete one (the second) is chosen. */
static void
fill_periods (GkReportDialog *self,
              const GDate    *select)
{
  GkFrequency frequency = chosen_frequency (self);
  guint n = frequency == GK_FREQUENCY_QUARTERLY ? N_QUARTERS : N_MONTHS;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GDate today, current;
  guint selected = 1;

  today = dialog_today (self);
  current = gk_period_start (frequency, &today);
  g_array_set_size (self->starts, 0);
  for (guint i = 0; i < n; i++)
    {
      GDate start = gk_period_shift (frequency, &current, -(int) i);
      g_autofree char *label = gk_period_label (frequency, &start);

      if (i == 0)
        {
          g_autofree char *so_far = NULL;

          /* Translators: the period not over yet, "November 2026 (so far)" */
          so_far = g_strdup_printf (_("%s (so far)"), label);
          gtk_string_list_append (labels, so_far);
        }
      else
        gtk_string_list_append (labels, label);
      g_array_append_val (self->starts, start);
      if (select != NULL && g_date_valid (select) && gk_period_same (frequency, &start, select))
        selected = i;
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->period_row, selected);
}

static void
frequency_changed_cb (GkReportDialog *self)
{
  GDate previous;

  /* Keep the same moment: October stays in Q4, Q4 becomes its last month. */
  if (self->starts->len == 0)
    {
      fill_periods (self, NULL);
      return;
    }
  gk_report_dialog_get_period (self, &previous);
  previous = gk_period_end (chosen_frequency (self) == GK_FREQUENCY_QUARTERLY
                            ? GK_FREQUENCY_MONTHLY : GK_FREQUENCY_QUARTERLY, &previous);
  fill_periods (self, &previous);
}

GkFrequency
gk_report_dialog_get_period (GkReportDialog *self,
                             GDate          *out_start)
{
  guint selected = adw_combo_row_get_selected (self->period_row);

  g_return_val_if_fail (GK_IS_REPORT_DIALOG (self), GK_FREQUENCY_MONTHLY);

  if (selected >= self->starts->len)
    selected = 0;
  if (out_start != NULL)
    *out_start = g_array_index (self->starts, GDate, selected);
  return chosen_frequency (self);
}

void
gk_report_dialog_set_period (GkReportDialog *self,
                             GkFrequency     frequency,
                             const GDate    *date)
{
  g_return_if_fail (GK_IS_REPORT_DIALOG (self));

  g_signal_handlers_block_by_func (self->frequency_row, frequency_changed_cb, self);
  adw_combo_row_set_selected (self->frequency_row, frequency == GK_FREQUENCY_QUARTERLY ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->frequency_row, frequency_changed_cb, self);
  fill_periods (self, date);
}

/* --- printing -------------------------------------------------------------- */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GkReport          *report)
{
  /* The pages follow the paper and orientation chosen in the dialog. */
  gtk_print_operation_set_n_pages (operation,
                                   gk_report_get_n_pages (report,
                                                          gtk_print_context_get_width (context),
                                                          gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GkReport          *report)
{
  gk_report_draw_page (report, (guint) page_nr, gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  /* Errors while gtk_print_operation_run() still runs are shown there. */
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && GK_IS_WINDOW (parent) &&
           g_object_get_data (G_OBJECT (operation), "gk-run-returned") != NULL)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      gk_window_show_error (GK_WINDOW (parent), _("Could Not Print the Report"), error);
    }
}

static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

GtkPrintOperation *
gk_report_print_operation_new (GkReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = last_page_setup != NULL ? g_object_ref (last_page_setup) : default_page_setup ();
  g_autofree char *job = NULL;

  g_return_val_if_fail (GK_IS_REPORT (report), NULL);

  /* Translators: the print job's name; %s is a period */
  job = g_strdup_printf (_("Progress report %s"), gk_report_get_period_label (report));
  gtk_print_operation_set_job_name (operation, job);
  /* The report keeps its own margins: cairo's origin is the sheet's corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  return operation;
}

void
gk_report_print (GtkWindow *parent,
                 GkReport  *report)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (GK_IS_REPORT (report));

  operation = gk_report_print_operation_new (report);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);

  /* GTK holds the operation while its dialog and the printing run on. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  g_object_set_data (G_OBJECT (operation), "gk-run-returned", GINT_TO_POINTER (1));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && GK_IS_WINDOW (parent))
    gk_window_show_error (GK_WINDOW (parent), _("Could Not Print the Report"), error);
  g_object_unref (operation);
}

/* --- exporting ------------------------------------------------------------- */

static GtkWindow *
main_window (GkReportDialog *self)
{
  return gtk_window_get_transient_for (GTK_WINDOW (self));
}

/* The export runs on after the dialog is gone: it reports to the main
 * window, if that is still open. */
typedef struct {
  GWeakRef         window;
  GkWorkIndicator *indicator;
  guint            work;
  char            *name;
} Export;

static void
export_free (Export *export)
{
  g_weak_ref_clear (&export->window);
  g_clear_object (&export->indicator);
  g_free (export->name);
  g_free (export);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GkWindow) window = g_weak_ref_get (&export->window);
  g_autoptr(GError) error = NULL;

  gk_work_indicator_end (export->indicator, export->work);
  if (!gk_report_export_pdf_finish (result, &error))
    {
      if (window != NULL)
        gk_window_show_error (window, _("Could Not Export the Report"), error);
      else
        g_warning ("Could not export the report: %s", error->message);
    }
  else if (window != NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Report saved as “%s”"), export->name);

      gk_window_add_toast (window, adw_toast_new (message));
    }
  export_free (export);
}

/* Writes the PDF in the background (gk-report-export-task.h): the window
 * keeps drawing and shows the work in its header bar meanwhile. */
void
gk_report_dialog_export_to_file (GkReportDialog *self,
                                 GFile          *file)
{
  GtkWindow *parent = main_window (self);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *what = NULL;
  g_autoptr(GError) error = NULL;
  GkFrequency frequency;
  Export *export;
  GDate today, start;

  g_return_if_fail (GK_IS_REPORT_DIALOG (self));
  g_return_if_fail (GK_IS_WINDOW (parent));

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The report can only be saved in a folder on this computer or a mounted network drive."));
      gk_window_show_error (GK_WINDOW (parent), _("Could Not Export the Report"), error);
      return;
    }

  export = g_new0 (Export, 1);
  g_weak_ref_init (&export->window, parent);
  export->indicator = g_object_ref (gk_window_get_work_indicator (GK_WINDOW (parent)));
  export->name = g_file_get_basename (file);
  /* Translators: shown while the PDF is written; %s is a file name */
  what = g_strdup_printf (_("Exporting the report to “%s”…"), export->name);
  export->work = gk_work_indicator_begin (export->indicator, what);

  today = dialog_today (self);
  frequency = gk_report_dialog_get_period (self, &start);
  gk_report_export_pdf_async (self->document, frequency, &start, &today,
                              adw_combo_row_get_selected (self->paper_row) == 1
                              ? GK_REPORT_PAPER_A3 : GK_REPORT_PAPER_A4,
                              adw_combo_row_get_selected (self->orientation_row) == 1
                              ? GK_REPORT_ORIENTATION_LANDSCAPE : GK_REPORT_ORIENTATION_PORTRAIT,
                              path, NULL, exported_cb, export);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GkReportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gk_report_dialog_export_to_file (self, file);
    }
  g_clear_object (&self->chooser);
  g_clear_object (&self->pending);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
suggested_name (GkReport *report)
{
  /* Translators: the file name offered for the PDF; %s is a period */
  g_autofree char *name = g_strdup_printf (_("Progress report %s.pdf"), gk_report_get_period_label (report));

  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

static void
ask_for_file (GkReportDialog *self)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self->pending);

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");

  self->chooser = gtk_file_chooser_native_new (_("Export Progress Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- the dialog ------------------------------------------------------------ */

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GkReportDialog *self = GK_REPORT_DIALOG (widget);
  GtkWindow *parent = main_window (self);
  g_autoptr(GkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GkFrequency frequency;
  GDate start, today = dialog_today (self);

  if (self->chooser != NULL)
    return;
  frequency = gk_report_dialog_get_period (self, &start);
  report = gk_report_new_for_period (self->document, frequency, &start, &today, &error);
  if (report == NULL)
    {
      if (GK_IS_WINDOW (parent))
        gk_window_show_error (GK_WINDOW (parent), _("Could Not Make the Report"), error);
      return;
    }

  if (self->mode == GK_REPORT_DIALOG_EXPORT)
    {
      self->pending = g_steal_pointer (&report);
      gtk_widget_set_sensitive (GTK_WIDGET (self->run_button), FALSE);
      ask_for_file (self);
      return;
    }

  /* The print dialog takes over from here. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gk_report_print (parent, report);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gk_report_dialog_dispose (GObject *object)
{
  GkReportDialog *self = GK_REPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->pending);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (gk_report_dialog_parent_class)->dispose (object);
}

static void
gk_report_dialog_finalize (GObject *object)
{
  GkReportDialog *self = GK_REPORT_DIALOG (object);

  g_array_unref (self->starts);

  G_OBJECT_CLASS (gk_report_dialog_parent_class)->finalize (object);
}

static void
gk_report_dialog_class_init (GkReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_report_dialog_dispose;
  object_class->finalize = gk_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, paper_group);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, GkReportDialog, orientation_row);
  gtk_widget_class_bind_template_callback (widget_class, frequency_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.run", NULL, run_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_report_dialog_init (GkReportDialog *self)
{
  self->starts = g_array_new (FALSE, TRUE, sizeof (GDate));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field, a text view too. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "dialog.run");
}

GkReportDialog *
gk_report_dialog_new (GtkWindow          *parent,
                      GkDocument         *document,
                      GkReportDialogMode  mode)
{
  GkReportDialog *self;
  GkProgramme *programme;
  GkFrequency frequency = GK_FREQUENCY_MONTHLY;
  GDate today, last;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->mode = mode;

  if (mode == GK_REPORT_DIALOG_EXPORT)
    {
      adw_window_title_set_title (self->window_title, _("Export Progress Report"));
      gtk_button_set_label (self->run_button, _("_Export…"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button), _("Choose where to save the PDF (Ctrl+Enter)"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Print Progress Report"));
      gtk_button_set_label (self->run_button, _("_Print…"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button),
                                   _("Choose the printer, the paper and see a preview (Ctrl+Enter)"));
      /* The print dialog chooses the paper. */
      gtk_widget_set_visible (self->paper_group, FALSE);
    }

  programme = gk_document_get_programme (document);
  if (programme != NULL)
    frequency = gk_review_cycle_frequency (gk_programme_get_review_cycle (programme));
  today = gk_clock_get_today (gk_document_get_clock (document));
  gk_period_last_complete (frequency, &today, &last, NULL);
  gk_report_dialog_set_period (self, frequency, &last);
  return self;
}
