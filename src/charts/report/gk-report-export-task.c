/* gk-report-export-task.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin wrapper: the report itself does not know about threads. All it
 * needs is a document nobody else uses while it draws, which the image
 * gives it.
 */
#include "config.h"

#include "gk-document-image.h"
#include "gk-report-export-task.h"

typedef struct {
  GkDocumentImage     *image;
  GkFrequency          frequency;
  GDate                period_date;
  GDate                today;
  GkReportPaper        paper;
  GkReportOrientation  orientation;
  char                *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->image, gk_document_image_free);
  g_free (job->path);
  g_free (job);
}

static gboolean
export_job_run (ExportJob     *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GkReport) report = NULL;
  GkDocument *document;

  document = gk_document_image_get_document (job->image, error);
  if (document == NULL)
    return FALSE;
  report = gk_report_new_for_period (document, job->frequency, &job->period_date, &job->today, error);
  if (report == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  gk_report_set_paper (report, job->paper, job->orientation);
  return gk_report_export_pdf (report, job->path, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok = export_job_run (job, cancellable, &error);

  /* The worker's document goes with the worker, not on the main thread. */
  g_clear_pointer (&job->image, gk_document_image_free);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gk_report_export_pdf_async (GkDocument           *document,
                            GkFrequency           frequency,
                            const GDate          *period_date,
                            const GDate          *today,
                            GkReportPaper         paper,
                            GkReportOrientation   orientation,
                            const char           *path,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (GK_IS_DOCUMENT (document));
  g_return_if_fail (period_date != NULL && g_date_valid (period_date));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gk_report_export_pdf_async);

  job = g_new0 (ExportJob, 1);
  job->frequency = frequency;
  job->period_date = *period_date;
  job->today = *today;
  job->paper = paper;
  job->orientation = orientation;
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  job->image = gk_document_image_new (document, &error);
  if (job->image == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
gk_report_export_pdf_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_report_export_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
