/* gk-report-dialog.h: choose the reporting period, then print or export the progress report
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-report.h"

G_BEGIN_DECLS

typedef enum {
  GK_REPORT_DIALOG_PRINT,   /* then GtkPrintOperation, with preview and page setup */
  GK_REPORT_DIALOG_EXPORT,  /* then a file chooser and a PDF */
} GkReportDialogMode;

#define GK_TYPE_REPORT_DIALOG (gk_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkReportDialog, gk_report_dialog, GK, REPORT_DIALOG, AdwWindow)

/* Offers the months (or quarters) up to the current one, the latest
 * complete one chosen, by the programme's review cycle. */
GkReportDialog *gk_report_dialog_new        (GtkWindow          *parent,
                                             GkDocument         *document,
                                             GkReportDialogMode  mode);
/* The period chosen: its frequency and first day. */
GkFrequency     gk_report_dialog_get_period (GkReportDialog     *self,
                                             GDate              *out_start);
void            gk_report_dialog_set_period (GkReportDialog     *self,
                                             GkFrequency         frequency,
                                             const GDate        *date);

/* Exports the report on the period and sheet chosen to @file (what the
 * dialog does after its file chooser), in the background: the main
 * window's work indicator shows it, and a toast or an error there says
 * how it ended. */
void            gk_report_dialog_export_to_file (GkReportDialog *self,
                                                 GFile          *file);

/* A print operation for @report: begin-print counts the pages for the
 * paper and orientation chosen, draw-page draws them with
 * gk_report_draw_page(); the sheet's corner is the origin, in points. */
GtkPrintOperation *gk_report_print_operation_new (GkReport *report);
/* Print @report through GtkPrintOperation (the print dialog has a preview
 * and the page setup), on behalf of @parent. */
void            gk_report_print             (GtkWindow          *parent,
                                             GkReport           *report);

G_END_DECLS
