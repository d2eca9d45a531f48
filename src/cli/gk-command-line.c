/* gk-command-line.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here needs a display: it runs before GTK is initialised.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "gk-analysis.h"
#include "gk-chart-export.h"
#include "gk-chart-fonts.h"
#include "gk-chart-model.h"
#include "gk-command-line.h"
#include "gk-conflict-copy.h"
#include "gk-date.h"
#include "gk-demo.h"
#include "gk-document.h"
#include "gk-period.h"
#include "gk-project-file.h"
#include "gk-report.h"
#include "gk-session.h"

/* --- opening ----------------------------------------------------------------- */

/* A session on @path, judged on @clock, through the window's hardened
 * open, but read-only: these commands only read, so they claim no working
 * copy, write no lock note beside a shared file (colleagues would see
 * "open by …" for a chart export) and sync nothing. */
static GkSession *
open_session (const char  *path,
              GkClock     *clock,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GkSession) session = gk_session_new (clock);
  GkProjectFile *project = gk_project_file_open_with_flags (file, GK_PROJECT_FILE_OPEN_READ_ONLY, NULL, error);

  if (project == NULL || !gk_session_open_project_file (session, project, error))
    return NULL;
  return g_steal_pointer (&session);
}

/* --- --export-chart ------------------------------------------------------- */

typedef struct {
  GkChartModel *model;
  GkChartKind   kind;
  guint         indicator;
  const char   *title;      /* drawn above the chart, or NULL */
} ChartJob;

#define TITLE_GAP 12

/* An indicator chart on its own says nothing of what it measures: it gets
 * the indicator's name as its title. (The other charts name their rows.) */
static double
chart_job_title_height (ChartJob       *job,
                        GkChartContext *ctx)
{
  return job->title != NULL ? gk_chart_line_height (ctx, GK_CHART_FONT_HEADING) + TITLE_GAP : 0;
}

static void
draw_chart_job (GkChartContext    *ctx,
                const GkChartRect *area,
                gpointer           user_data)
{
  ChartJob *job = user_data;
  double title_height = chart_job_title_height (job, ctx);
  GkChartRect chart = { area->x, area->y + title_height, area->width, area->height - title_height };

  if (job->title != NULL)
    {
      GkChartRect box = { area->x, area->y, area->width, title_height - TITLE_GAP };

      gk_chart_draw_text (ctx, job->title, GK_CHART_FONT_HEADING, &gk_chart_context_get_palette (ctx)->foreground,
                          &box, GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
    }
  gk_chart_model_draw (job->model, job->kind, job->indicator, ctx, &chart);
}

static gboolean
parse_chart (GkChartModel  *model,
             const char    *chart,
             ChartJob      *job,
             GError       **error)
{
  job->model = model;
  job->indicator = 0;
  job->title = NULL;

  if (g_str_has_prefix (chart, "indicator:"))
    {
      const char *name = chart + strlen ("indicator:");
      int position = gk_chart_model_find_indicator (model, name);

      if (position < 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The programme has no indicator named “%s”."), name);
          return FALSE;
        }
      job->kind = GK_CHART_KIND_INDICATOR;
      job->indicator = position;
      job->title = gk_indicator_get_name (gk_chart_model_get_indicator_record (model, position));
      return TRUE;
    }

  if (!gk_chart_kind_from_name (chart, &job->kind) || job->kind == GK_CHART_KIND_INDICATOR)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown chart “%s”. Choose roadmap, banner, timeline, progress, coverage or indicator:NAME."),
                   chart);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_size (const char  *size,
            double      *width,
            double      *height,
            GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (size == NULL)
    return TRUE;
  parts = g_strsplit (size, "x", 2);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 100, 20000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 50, 20000, &h, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a size. Write it as WIDTHxHEIGHT, for example 1600x900."), size);
      return FALSE;
    }
  *width = w;
  *height = h;
  return TRUE;
}

gboolean
gk_command_line_export_chart (const char   *path,
                              const char   *chart,
                              const char   *output,
                              const char   *size,
                              GkClock      *clock,
                              GError      **error)
{
  g_autoptr(GkSession) session = NULL;
  g_autoptr(GkChartModel) model = NULL;
  GkChartContext *ctx;
  GkChartFormat format;
  ChartJob job;
  double width = 1200, height = 0;
  gboolean ok;

  /* Check what we can before opening anything. */
  if (!gk_chart_format_from_path (output, &format, error) || !parse_size (size, &width, &height, error))
    return FALSE;

  gk_chart_fonts_preload ();

  session = open_session (path, clock, error);
  if (session == NULL)
    return FALSE;
  model = gk_chart_model_new (gk_session_get_document (session), gk_session_get_analysis (session),
                              GK_FREQUENCY_MONTHLY, 24);

  ok = parse_chart (model, chart, &job, error);
  if (ok && height == 0)
    {
      ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
      height = gk_chart_model_get_preferred_height (model, job.kind, job.indicator, ctx, width);
      if (height <= 0)
        height = width * 9 / 16;
      height += chart_job_title_height (&job, ctx);
      gk_chart_context_free (ctx);
    }
  if (ok)
    ok = gk_chart_export_to_file (output, width, height, 1.0, draw_chart_job, &job, error);

  g_clear_object (&model);
  gk_session_close (session);
  return ok;
}

char *
gk_command_line_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gripkaart", "demo",
                           /* Translators: file name of the demo programme */
                           _("Voorbeeldstad.gripkaart"), NULL);
}

/* --- --check --------------------------------------------------------------- */

/* printf pads by bytes; names such as "Financiën" need padding by characters. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static void
append_counts (GString    *out,
               GkDocument *document)
{
  static const struct {
    const char *label;
    GListModel *(*get) (GkDocument *);
  } lists[] = {
    { N_("People"), gk_document_get_people },
    { N_("Topics"), gk_document_get_topics },
    { N_("Assessments"), gk_document_get_assessments },
    { N_("Focus projects"), gk_document_get_focus_projects },
    { N_("Measures"), gk_document_get_measures },
    { N_("Measure targets"), gk_document_get_measure_targets },
    { N_("Measure links"), gk_document_get_measure_links },
    { N_("Indicators"), gk_document_get_indicators },
    { N_("Measurements"), gk_document_get_measurements },
    { N_("Journal entries"), gk_document_get_journal },
  };

  g_string_append_printf (out, "\n%s\n", _("Contents"));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_string_append (out, "  ");
      append_padded (out, _(lists[i].label), 24);
      g_string_append_printf (out, " %6u\n", g_list_model_get_n_items (lists[i].get (document)));
    }
}

static void
append_topics (GString    *out,
               GkAnalysis *analysis)
{
  g_string_append_printf (out, "\n%s\n", _("Topics"));
  for (guint i = 0; i < gk_analysis_get_n_topics (analysis); i++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (analysis, i);
      g_autofree char *when = g_date_valid (&grip->assessed_on) ? gk_date_format_display (&grip->assessed_on) : NULL;

      g_string_append (out, "  ");
      append_padded (out, gk_topic_get_name (grip->topic), 34);
      append_padded (out, gk_level_label (grip->assessed), 13);
      if (when != NULL)
        g_string_append (out, when);
      if (grip->signalled != GK_LEVEL_NONE)
        /* Translators: the level the topic's indicators signal */
        g_string_append_printf (out, _("; signal: %s"), gk_level_label (grip->signalled));
      if (grip->diverges)
        g_string_append_printf (out, " (%s)", _("differs from the assessment"));
      g_string_append_c (out, '\n');
    }
}

static void
append_signals (GString    *out,
                GkAnalysis *analysis)
{
  GPtrArray *signals = gk_analysis_get_signals (analysis);

  g_string_append_printf (out, "\n%s (%u)\n", _("Attention signals"), signals->len);
  for (guint i = 0; i < signals->len; i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);

      g_string_append_printf (out, "  [%s] %s\n", gk_severity_label (signal->severity), signal->message);
    }
}

/* "3 Dec 2026" or "3 Dec 2026 10:15", in the user's language. */
static char *
format_conflict_copy_when (GkConflictCopy *copy)
{
  GDateTime *when = gk_conflict_copy_get_when (copy);
  g_autoptr(GDate) day = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (when),
                                         (GDateMonth) g_date_time_get_month (when),
                                         (GDateYear) g_date_time_get_year (when));
  g_autofree char *date = gk_date_format_display (day);
  g_autofree char *time = NULL;

  if (!gk_conflict_copy_get_when_has_time (copy))
    return g_steal_pointer (&date);
  time = g_date_time_format (when, "%H:%M");
  /* Translators: a date, then a time (24 hours) */
  return g_strdup_printf (C_("date and time", "%s %s"), date, time);
}

/* Conflict copies are information, not a fault of the file: listed, and
 * --check still succeeds. */
static void
append_conflict_copies (GString    *out,
                        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) copies = gk_conflict_copies_find (file, NULL, NULL);

  if (copies == NULL || copies->len == 0)
    return;
  g_string_append_printf (out, "\n%s (%u)\n", _("Conflict copies"), copies->len);
  for (guint i = 0; i < copies->len; i++)
    {
      GkConflictCopy *copy = g_ptr_array_index (copies, i);
      g_autofree char *name = g_file_get_basename (gk_conflict_copy_get_file (copy));
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *when = format_conflict_copy_when (copy);
      const char *client = gk_sync_client_name (gk_conflict_copy_get_client (copy));
      const char *author = gk_conflict_copy_get_author (copy);

      if (author != NULL)
        /* Translators: file name, sync client (Dropbox…), who made it, when */
        g_string_append_printf (out, _("  %s: conflict copy by %s, made by %s on %s\n"),
                                display, client, author, when);
      else
        /* Translators: file name, sync client (Nextcloud…), when */
        g_string_append_printf (out, _("  %s: conflict copy by %s, made on %s\n"),
                                display, client, when);
    }
  g_string_append_printf (out, "  %s\n",
                          _("A sync client kept these when the file was changed in two places at once. "
                            "Their changes have not been brought into this file: open a copy in Gripkaart to see what it holds."));
}

gboolean
gk_command_line_check (const char   *path,
                       GkClock      *clock,
                       GString      *out,
                       GError      **error)
{
  g_autoptr(GkSession) session = open_session (path, clock, error);
  GkProjectFile *project;
  GkDocument *document;
  GkAnalysis *analysis;
  GkProgramme *programme;

  if (session == NULL)
    return FALSE;
  project = gk_session_get_project_file (session);
  document = gk_session_get_document (session);
  analysis = gk_session_get_analysis (session);
  programme = gk_document_get_programme (document);

  if (programme != NULL)
    {
      g_string_append_printf (out, "%s\n", gk_programme_get_title (programme));
      if (*gk_programme_get_municipality (programme) != '\0')
        g_string_append_printf (out, "%s\n", gk_programme_get_municipality (programme));
    }
  if (gk_project_file_get_read_only (project))
    g_string_append_printf (out, "%s\n", gk_project_file_get_read_only_reason (project)->message);

  g_string_append_printf (out, "\n%s: %s (%s: %s)\n", _("Headline grip level"),
                          gk_level_label (gk_analysis_get_headline (analysis)),
                          _("trend"), gk_grip_trend_label (gk_analysis_get_trend (analysis)));
  append_counts (out, document);
  append_topics (out, analysis);
  append_signals (out, analysis);
  append_conflict_copies (out, path);

  gk_session_close (session);
  return TRUE;
}

/* --- --export-report ------------------------------------------------------ */

static gboolean
parse_sheet (const char           *paper,
             const char           *orientation,
             GkReportPaper        *out_paper,
             GkReportOrientation  *out_orientation,
             GError              **error)
{
  *out_paper = GK_REPORT_PAPER_A4;
  *out_orientation = GK_REPORT_ORIENTATION_PORTRAIT;
  if (paper != NULL && !gk_report_paper_from_name (paper, out_paper))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown paper size “%s”. Choose a4 or a3."), paper);
      return FALSE;
    }
  if (orientation != NULL && !gk_report_orientation_from_name (orientation, out_orientation))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown orientation “%s”. Choose portrait or landscape."), orientation);
      return FALSE;
    }
  return TRUE;
}

/* The first bytes of every PDF file. */
static gboolean
is_pdf_file (const char *path)
{
  char magic[5];
  gboolean pdf;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  pdf = read (fd, magic, sizeof magic) == sizeof magic && memcmp (magic, "%PDF-", 5) == 0;
  close (fd);
  return pdf;
}

/* The report replaces output only when that is a PDF already: never the
 * project file itself (--export-report=plan.gripkaart plan.gripkaart once
 * replaced the programme with a report), nor any other file. */
static gboolean
check_report_output (const char  *output,
                     const char  *input,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (output);
  struct stat out_st, in_st;

  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The report is a PDF file: give it a name that ends in .pdf, not “%s”."),
                   display);
      return FALSE;
    }
  if (stat (output, &out_st) != 0)
    return TRUE;   /* a new file */

  if (input != NULL && stat (input, &in_st) == 0 &&
      in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is the programme itself. Write the report to another file."),
                   display);
      return FALSE;
    }
  if (!S_ISREG (out_st.st_mode) || !is_pdf_file (output))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” already exists and is not a PDF file. It was not replaced; "
                     "write the report to another file."),
                   display);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_command_line_export_report (const char   *path,
                               const char   *output,
                               const char   *period,
                               const char   *paper,
                               const char   *orientation,
                               GkClock      *clock,
                               GError      **error)
{
  g_autoptr(GkSession) session = NULL;
  g_autoptr(GkReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  GkDocument *document;
  GDate today = gk_clock_get_today (clock);
  GkReportPaper sheet;
  GkReportOrientation sheet_orientation;
  GkFrequency frequency = GK_FREQUENCY_MONTHLY;
  GDate period_date;
  gboolean ok;

  /* Check what we can before opening anything. */
  if (output == NULL || *output == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Say where to write the report: --export-report=REPORT.pdf"));
      return FALSE;
    }
  if (!check_report_output (output, path, error))
    return FALSE;
  if (!parse_sheet (paper, orientation, &sheet, &sheet_orientation, error))
    return FALSE;
  if (period != NULL && !gk_period_parse (period, &frequency, &period_date, error))
    return FALSE;

  gk_chart_fonts_preload ();
  session = open_session (path, clock, error);
  if (session == NULL)
    return FALSE;
  document = gk_session_get_document (session);

  /* By default the latest complete period of the programme's review cycle. */
  if (period == NULL)
    {
      GkProgramme *programme = gk_document_get_programme (document);

      if (programme != NULL)
        frequency = gk_review_cycle_frequency (gk_programme_get_review_cycle (programme));
      if (!gk_period_last_complete (frequency, &today, &period_date, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("There is no complete period before today to report on. "
                         "Choose one with --period."));
          gk_session_close (session);
          return FALSE;
        }
    }

  report = gk_report_new_for_period (document, frequency, &period_date, &today, &local_error);
  ok = report != NULL;
  if (!ok)
    {
      /* Every failure must say why, also one the report forgot to explain. */
      if (local_error == NULL)
        g_set_error (&local_error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                     _("The report could not be made for this period."));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (ok)
    {
      /* SOURCE_DATE_EPOCH, when set, dates the report (reproducible output). */
      if (g_getenv ("SOURCE_DATE_EPOCH") == NULL)
        gk_report_set_printed_date (report, &today);
      gk_report_set_paper (report, sheet, sheet_orientation);
      ok = gk_report_export_pdf (report, output, error);
    }

  g_clear_object (&report);
  gk_session_close (session);
  return ok;
}

/* --- --today --------------------------------------------------------------- */

gboolean
gk_command_line_set_today (const char  *text,
                           GError     **error)
{
  GDate today;

  if (!gk_date_parse_user (text, &today, error))
    return FALSE;
  /* The years --period accepts; before them there is no period to report
   * on (year 1 has no previous month), after them no next one. */
  if (g_date_get_year (&today) < 1900)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is outside the dates Gripkaart works with: "
                     "choose a date from 1900-01-01 to 9999-12-31."), text);
      return FALSE;
    }
  gk_clock_set_fixed_date (gk_clock_get_default (), &today);
  return TRUE;
}

/* --- dispatch -------------------------------------------------------------- */

static const char * const batch_options[] = {
  "--demo=", "--check", "--export-chart", "--export-report",
};

gboolean
gk_command_line_is_batch (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint j = 0; j < G_N_ELEMENTS (batch_options); j++)
        if (g_str_has_prefix (argv[i], batch_options[j]))
          return TRUE;
    }
  return FALSE;
}

typedef struct {
  char    *demo_path;
  gboolean check;
  char    *export_chart;
  char    *export_report;
  char    *period;
  char    *paper;
  char    *orientation;
  char    *output;
  char    *size;
  char    *today;
  char   **files;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->demo_path);
  g_free (options->export_chart);
  g_free (options->export_report);
  g_free (options->period);
  g_free (options->paper);
  g_free (options->orientation);
  g_free (options->output);
  g_free (options->size);
  g_free (options->today);
  g_strfreev (options->files);
}

static gboolean
parse_options (char    **argv,
               Options  *options,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_FILENAME, &options->demo_path, NULL, NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &options->check, NULL, NULL },
    { "export-chart", 0, 0, G_OPTION_ARG_STRING, &options->export_chart, NULL, NULL },
    { "export-report", 0, 0, G_OPTION_ARG_FILENAME, &options->export_report, NULL, NULL },
    { "period", 0, 0, G_OPTION_ARG_STRING, &options->period, NULL, NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options->paper, NULL, NULL },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &options->orientation, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, NULL, NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &options->size, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &options->today, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = g_strdupv (argv);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  return g_option_context_parse_strv (context, &args, error);
}

static const char *
the_one_file (Options  *options,
              GError  **error)
{
  if (options->files == NULL || g_strv_length (options->files) != 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Name one programme file to read."));
      return NULL;
    }
  return options->files[0];
}

static gboolean
run_options (Options  *options,
             GError  **error)
{
  GkClock *clock = gk_clock_get_default ();
  const char *path;
  GDate today;

  /* The program's clock, not only the session's: everything that asks for
   * today (the report's charts among them) then sees the same day. */
  if (options->today != NULL && !gk_command_line_set_today (options->today, error))
    return FALSE;
  today = gk_clock_get_today (clock);

  if (options->demo_path != NULL)
    return gk_demo_write_file (options->demo_path, &today, error);

  path = the_one_file (options, error);
  if (path == NULL)
    return FALSE;

  if (options->check)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      if (!gk_command_line_check (path, clock, out, error))
        return FALSE;
      g_print ("%s", out->str);
      return TRUE;
    }

  if (options->export_report != NULL)
    return gk_command_line_export_report (path, options->export_report, options->period, options->paper,
                                          options->orientation, clock, error);

  if (options->output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Say where to write the chart with --output."));
      return FALSE;
    }
  return gk_command_line_export_chart (path, options->export_chart, options->output, options->size, clock, error);
}

int
gk_command_line_run (char **argv)
{
  g_autoptr(GError) error = NULL;
  Options options = { 0 };
  gboolean ok;

  ok = parse_options (argv, &options, &error) && run_options (&options, &error);
  options_clear (&options);
  if (!ok)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
