/* gk-report-export-task.h: writing the progress report in a worker thread
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making and writing a report of many pages takes long enough to freeze a
 * window, longer still on a network drive. This runs gk_report_new_for_period()
 * and gk_report_export_pdf() in a worker thread, on an image of the document
 * taken when the export starts (gk-document-image.h): the caller may edit
 * or close the programme meanwhile, and the report shows the programme as
 * it was when asked for.
 */
#pragma once

#include "gk-report.h"

G_BEGIN_DECLS

/* Exports the report on the @frequency period that contains @period_date,
 * as gk_report_new_for_period() would make it for @today (not NULL), on a
 * sheet of @paper and @orientation, to the file at @path. Cancelling
 * stops it before the writing starts (G_IO_ERROR_CANCELLED); once it
 * writes, it finishes, and the file at @path is either as it was or the
 * whole new report (gk_report_export_pdf() writes beside it and renames). */
void       gk_report_export_pdf_async  (GkDocument           *document,
                                        GkFrequency           frequency,
                                        const GDate          *period_date,
                                        const GDate          *today,
                                        GkReportPaper         paper,
                                        GkReportOrientation   orientation,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean   gk_report_export_pdf_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
