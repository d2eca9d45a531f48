/* fuzz-open.h: what the fuzz targets of project files share
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One temporary folder per process, made at the first input and removed at
 * exit, holds the file under test (FILE_NAME), the lock note opening puts
 * beside it, and XDG_DATA_HOME, where the working copies go. A file is
 * opened as `gripkaart --check` and `--export-report` open it (a GkSession
 * on the default clock, fixed to FUZZ_TODAY); when it opens, every chart is
 * drawn on a small image surface and the report of the latest complete
 * period is written as a PDF (gk_report_write_pdf(): pages, title and
 * outline) to a stream that drops the bytes.
 *
 * Criticals and warnings are fatal (g_log_set_always_fatal), and abort (see
 * fuzz_log_writer()), so that libFuzzer reports them as crashes; LeakSanitizer reports leaks. Every input must
 * also leave the working folder as it found it: a working copy left behind
 * for a file that was refused, or opened and closed without a change, is a
 * defect too (it would pile up in the user's data folder).
 */
#pragma once

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "gk-chart-model.h"
#include "gk-period.h"
#include "gk-report.h"
#include "gk-session.h"

#define FUZZ_FILE_NAME "fuzz.gripkaart"
#define FUZZ_TODAY_DAY 15
#define FUZZ_TODAY_MONTH G_DATE_JUNE
#define FUZZ_TODAY_YEAR 2026

/* Charts are drawn this wide; as high as they want, within reason. */
#define FUZZ_CHART_WIDTH 400
#define FUZZ_CHART_MAX_HEIGHT 600

/* What LeakSanitizer may ignore, as in build-aux/lsan.supp: fontconfig's
 * configuration, made once and kept for the process. Built in, so that a
 * run by hand needs no LSAN_OPTIONS. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\nleak:g_set_user_dirs\nleak:_dl_init\n";
}

static char *fuzz_dir;          /* the process' temporary folder */
static char *fuzz_path;         /* fuzz_dir/FUZZ_FILE_NAME */
static char *fuzz_working_dir;  /* where opening puts working copies */

static void
fuzz_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          fuzz_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fuzz_cleanup (void)
{
  if (fuzz_dir != NULL)
    fuzz_remove_tree (fuzz_dir);
}

static GDate
fuzz_today (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, FUZZ_TODAY_DAY, FUZZ_TODAY_MONTH, FUZZ_TODAY_YEAR);
  return today;
}

/* GLib stops at a fatal message with a breakpoint trap (in
 * g_log_writer_default(), which also heeds g_log_set_always_fatal()), and
 * libFuzzer does not catch that: no crash file would be written. Print the
 * message to stderr, then abort. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Once per process, before any input. */
static void
fuzz_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  GDate today = fuzz_today ();

  if (fuzz_dir != NULL)
    return;
  fuzz_dir = g_dir_make_tmp ("gripkaart-fuzz-XXXXXX", &error);
  if (fuzz_dir == NULL)
    {
      fprintf (stderr, "fuzz: no temporary folder: %s\n", error->message);
      abort ();
    }
  atexit (fuzz_cleanup);
  fuzz_path = g_build_filename (fuzz_dir, FUZZ_FILE_NAME, NULL);
  data_home = g_build_filename (fuzz_dir, "data", NULL);
  fuzz_working_dir = g_build_filename (data_home, "gripkaart", "working", NULL);
  /* Before GLib reads them (it keeps the first answer). */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  g_setenv ("SOURCE_DATE_EPOCH", "1781481600", TRUE);

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gk_clock_set_fixed_date (gk_clock_get_default (), &today);
}

/* --- drawing ------------------------------------------------------------------ */

static void
fuzz_draw_one_chart (GkChartModel   *model,
                     GkChartKind     kind,
                     guint           indicator,
                     GkChartContext *ctx)
{
  double height = gk_chart_model_get_preferred_height (model, kind, indicator, ctx, FUZZ_CHART_WIDTH);
  cairo_surface_t *surface;
  cairo_t *cr;
  GkChartRect area;

  if (!(height > 0))
    height = FUZZ_CHART_WIDTH * 9 / 16;
  height = MIN (height, FUZZ_CHART_MAX_HEIGHT);
  area = (GkChartRect) { 0, 0, FUZZ_CHART_WIDTH, height };
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, FUZZ_CHART_WIDTH, (int) ceil (height));
  cr = cairo_create (surface);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_paint_background (ctx, &area);
  gk_chart_model_draw (model, kind, indicator, ctx, &area);
  gk_chart_context_end (ctx);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Every chart of src/charts, as --export-chart and the pages draw them. */
static void
fuzz_draw_charts (GkSession *session)
{
  static const GkChartKind kinds[] = {
    GK_CHART_KIND_ROADMAP, GK_CHART_KIND_HEADLINE, GK_CHART_KIND_TIMELINE,
    GK_CHART_KIND_PROGRESS, GK_CHART_KIND_COVERAGE,
  };
  g_autoptr(GkChartModel) model = gk_chart_model_new (gk_session_get_document (session),
                                                      gk_session_get_analysis (session),
                                                      GK_FREQUENCY_MONTHLY, 24);
  GkChartContext *ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    fuzz_draw_one_chart (model, kinds[k], 0, ctx);
  for (guint i = 0; i < gk_chart_model_get_n_indicators (model); i++)
    fuzz_draw_one_chart (model, GK_CHART_KIND_INDICATOR, i, ctx);
  gk_chart_context_free (ctx);
}

static cairo_status_t
fuzz_drop_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* The report of the latest complete period, as --export-report makes it. */
static void
fuzz_write_report (GkSession *session)
{
  GkDocument *document = gk_session_get_document (session);
  GkProgramme *programme = gk_document_get_programme (document);
  g_autoptr(GkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GkFrequency frequency = GK_FREQUENCY_MONTHLY;
  GDate today = gk_session_get_today (session);
  GDate period_date;

  if (programme != NULL)
    frequency = gk_review_cycle_frequency (gk_programme_get_review_cycle (programme));
  if (!gk_period_last_complete (frequency, &today, &period_date, NULL))
    return;
  report = gk_report_new_for_period (document, frequency, &period_date, &today, &error);
  if (report == NULL)
    return;
  gk_report_set_printed_date (report, &today);
  gk_report_set_paper (report, GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT);
  /* What cairo says of the file is no finding: the command line reports
   * it as an error. */
  gk_report_write_pdf (report, fuzz_drop_bytes, NULL);
}

/* --- opening -------------------------------------------------------------------- */

static guint
fuzz_count_working_copies (void)
{
  g_autoptr(GDir) dir = g_dir_open (fuzz_working_dir, 0, NULL);
  guint n = 0;

  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        fprintf (stderr, "fuzz: left in the working folder: %s\n", name);
        n++;
      }
  return n;
}

/* Opens fuzz_path as the command line does; when it opens, the analysis,
 * the charts and the report. */
static void
fuzz_open_and_draw (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (fuzz_path);
  g_autoptr(GkSession) session = gk_session_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean keep_working_copy = FALSE;

  if (gk_session_open (session, file, &error))
    {
      GkAnalysis *analysis = gk_session_get_analysis (session);

      /* What --check prints of the analysis. */
      gk_analysis_get_headline (analysis);
      gk_analysis_get_trend (analysis);
      for (guint i = 0; i < gk_analysis_get_n_topics (analysis); i++)
        gk_analysis_get_topic (analysis, i);
      gk_analysis_get_signals (analysis);

      fuzz_draw_charts (session);
      fuzz_write_report (session);
      /* A file repaired as it opened keeps its working copy, for recovery. */
      keep_working_copy = gk_project_file_has_unpublished_changes (gk_session_get_project_file (session));
      gk_session_close (session);
    }
  else if (error == NULL)
    {
      fprintf (stderr, "fuzz: opening failed without saying why\n");
      abort ();
    }
  g_clear_object (&session);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  if (keep_working_copy)
    {
      fuzz_remove_tree (fuzz_working_dir);
    }
  else if (fuzz_count_working_copies () != 0)
    {
      fprintf (stderr, "fuzz: a working copy was left behind in %s\n", fuzz_working_dir);
      abort ();
    }
}
