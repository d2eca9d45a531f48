/* gk-report.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is built in two steps. gk_report_new() gathers the facts of
 * the period once (levels then and before, measures done, late, overdue,
 * the indicators as they stood). For each sheet size, build_flow() turns
 * them into a GkReportFlow of headings, tables and charts, which
 * gk-report-layout breaks into pages; draw_page() adds the header and
 * footer around each page.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-date.h"
#include "gk-period.h"
#include "gk-report.h"
#include "gk-report-layout.h"

/* 15 mm, in chart pixels (0.75 pt each). */
#define MARGIN            (15.0 / 25.4 * 72.0 / GK_CHART_PRINT_SCALE)
#define HEADER_HEIGHT     46.0
#define FOOTER_HEIGHT     32.0
#define SECTION_SPACE     22.0
#define MAX_SIGNALS       10
#define ROADMAP_COLUMN    34.0
#define ROADMAP_LABELS    300.0
#define TIMELINE_QUARTER  80.0
#define MIN_INDICATOR_CHART 165.0

enum {
  SECTION_SUMMARY,
  SECTION_ROADMAP,
  SECTION_PROJECTS,
  SECTION_INDICATORS,
  SECTION_TIMELINE,
  SECTION_JOURNAL,
  SECTION_CHANGES,
  N_SECTIONS,
  /* then one anchor per focus project */
};

/* What an indicator showed at the end of the period. */
typedef struct {
  GkIndicator          *indicator;        /* borrowed from the document */
  GkGripMeasurement    *values;           /* measurements up to as_of */
  GkGripIndicator       input;
  const GkGripMeasurement *latest;        /* NULL: none yet */
  GkLevel               level;            /* signal at as_of */
  GkLevel               previous_level;   /* signal at the previous period's end */
  gboolean              has_progress;
  double                progress;
  GkForecast            forecast;
  GkIndicatorChartData  chart;            /* the model's, cut off at as_of */
} ReportIndicator;

/* A measure of the period: done in it, overdue at its end or done late. */
typedef struct {
  GkMeasure *measure;                     /* borrowed */
  GDate      due;
  GDate      done;
  int        days;                        /* overdue by, or late by */
  gboolean   overdue;                     /* else done late */
} ReportMeasure;

typedef struct {
  const char *name;
  GkLevel     before;
  GkLevel     now;
  gboolean    headline;
} LevelChange;

struct _GkReport
{
  GObject          parent_instance;

  GkDocument      *document;
  GkAnalysis      *analysis;
  GkChartModel    *charts;

  GkFrequency      frequency;
  GDate            period_start;
  GDate            period_end;
  GDate            previous_start;
  GDate            previous_end;
  GDate            as_of;
  GDate            printed;
  char            *period_label;
  char            *previous_label;

  GkReportPaper        paper;
  GkReportOrientation  orientation;

  /* the facts */
  GkHeadlineChartData headline;
  GArray          *indicators;            /* ReportIndicator, document order */
  GHashTable      *indicator_by_id;       /* id -> index + 1 */
  GArray          *level_changes;         /* LevelChange */
  GArray          *done_in_period;        /* ReportMeasure */
  GArray          *late;                  /* ReportMeasure: overdue, or done late */
  GPtrArray       *journal;               /* GkJournalEntry: decisions and risks, oldest first */
  guint            topic_counts[GK_LEVEL_IN_CONTROL + 1];

  /* the pages of one sheet size */
  GkChartContext  *ctx;
  GkReportFlow    *flow;
  double           flow_width;
  double           flow_height;
  gboolean        *charted;               /* by indicator: its chart is in the flow */
  GkReportTable   *indicator_table;       /* in the flow: gets the pages of the charts */
  guint            max_signals;           /* as many as leave the summary on one page */
  gboolean         summary_ambition;      /* the summary has room for the ambition */
  gboolean         summary_contents;      /* and for the contents */
  guint            n_project_anchors;
};

G_DEFINE_FINAL_TYPE (GkReport, gk_report, G_TYPE_OBJECT)

/* --- small helpers --------------------------------------------------------- */

static GDate
parse_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    g_date_clear (&date, 1);
  return date;
}

static char *
format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("–");
  return gk_date_format_display (date);
}

static char *
format_iso_date (const char *iso)
{
  GDate date = parse_date (iso);

  return format_date (&date);
}

static gboolean
date_in (const GDate *date,
         const GDate *first,
         const GDate *last)
{
  return g_date_valid (date) && g_date_compare (date, first) >= 0 && g_date_compare (date, last) <= 0;
}

static const char *
person_name (GkReport *self,
             gint64    id)
{
  GkPerson *person = id != 0 ? gk_document_lookup_person (self->document, id) : NULL;

  return person != NULL ? gk_person_get_name (person) : NULL;
}

static const char *
programme_title (GkReport *self)
{
  GkProgramme *programme = gk_document_get_programme (self->document);

  if (programme == NULL || *gk_programme_get_title (programme) == '\0')
    return _("Change programme");
  return gk_programme_get_title (programme);
}

static char *
format_percent (double fraction)
{
  /* Translators: a percentage, "64 %"; %d is the number */
  return g_strdup_printf (_("%d %%"), (int) round (fraction * 100));
}

static GkLevel
severity_level (GkSeverity severity)
{
  switch (severity)
    {
    case GK_SEVERITY_CRITICAL:
      return GK_LEVEL_SERIOUS;
    case GK_SEVERITY_WARNING:
      return GK_LEVEL_VIGILANT;
    case GK_SEVERITY_INFO:
    default:
      return GK_LEVEL_NONE;
    }
}

/* --- papers and periods ---------------------------------------------------- */

gboolean
gk_report_paper_from_name (const char    *name,
                           GkReportPaper *out_paper)
{
  if (name != NULL && g_ascii_strcasecmp (name, "a4") == 0)
    *out_paper = GK_REPORT_PAPER_A4;
  else if (name != NULL && g_ascii_strcasecmp (name, "a3") == 0)
    *out_paper = GK_REPORT_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

gboolean
gk_report_orientation_from_name (const char          *name,
                                 GkReportOrientation *out_orientation)
{
  if (name != NULL && g_ascii_strcasecmp (name, "portrait") == 0)
    *out_orientation = GK_REPORT_ORIENTATION_PORTRAIT;
  else if (name != NULL && g_ascii_strcasecmp (name, "landscape") == 0)
    *out_orientation = GK_REPORT_ORIENTATION_LANDSCAPE;
  else
    return FALSE;
  return TRUE;
}

void
gk_report_paper_get_size (GkReportPaper        paper,
                          GkReportOrientation  orientation,
                          double              *width_pt,
                          double              *height_pt)
{
  /* ISO 216, in points: A4 is 210 x 297 mm, A3 297 x 420 mm. */
  double short_side = (paper == GK_REPORT_PAPER_A3 ? 297.0 : 210.0) / 25.4 * 72.0;
  double long_side = (paper == GK_REPORT_PAPER_A3 ? 420.0 : 297.0) / 25.4 * 72.0;
  gboolean landscape = orientation == GK_REPORT_ORIENTATION_LANDSCAPE;

  *width_pt = landscape ? long_side : short_side;
  *height_pt = landscape ? short_side : long_side;
}

static gboolean
parse_number (const char *text,
              guint       min_digits,
              guint       max_digits,
              guint64     min,
              guint64     max,
              guint64    *out)
{
  gsize length = strlen (text);

  if (length < min_digits || length > max_digits)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return g_ascii_string_to_unsigned (text, 10, min, max, out, NULL);
}

gboolean
gk_report_parse_period (const char   *text,
                        GkFrequency  *out_frequency,
                        GDate        *out_start,
                        GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = g_strsplit (trimmed, "-", -1);
  guint64 year, number;

  if (g_strv_length (parts) == 2 && parse_number (parts[0], 4, 4, 1900, 9999, &year))
    {
      const char *period = parts[1];

      /* Q for quarter, and K for the Dutch kwartaal: the period the report
       * itself names "K3 2026" must be accepted back. */
      if (period[0] != '\0' && strchr ("QqKk", period[0]) != NULL && parse_number (period + 1, 1, 1, 1, 4, &number))
        {
          *out_frequency = GK_FREQUENCY_QUARTERLY;
          *out_start = gk_period_date_dmy (1, (GDateMonth) ((number - 1) * 3 + 1), (GDateYear) year);
          return TRUE;
        }
      if (parse_number (period, 1, 2, 1, 12, &number))
        {
          *out_frequency = GK_FREQUENCY_MONTHLY;
          *out_start = gk_period_date_dmy (1, (GDateMonth) number, (GDateYear) year);
          return TRUE;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is what the user wrote */
               _("“%s” is not a reporting period. Write a month as 2026-10 or a quarter as 2026-Q3."),
               text != NULL ? text : "");
  return FALSE;
}

/* --- the facts of the period ----------------------------------------------- */

static void
report_indicator_clear (gpointer data)
{
  ReportIndicator *ri = data;

  g_free (ri->values);
}

static void
collect_indicators (GkReport *self)
{
  guint n = gk_analysis_get_n_indicators (self->analysis);

  for (guint i = 0; i < n; i++)
    {
      const GkIndicatorGrip *grip = gk_analysis_get_indicator (self->analysis, i);
      int position = gk_chart_model_lookup_indicator (self->charts, gk_record_get_id (GK_RECORD (grip->indicator)));
      ReportIndicator ri = { 0 };
      guint kept = 0;

      ri.indicator = grip->indicator;
      ri.input = grip->input;
      /* Later figures were not known at the end of the period. */
      ri.values = g_new0 (GkGripMeasurement, MAX (grip->input.n_measurements, 1));
      for (guint m = 0; m < grip->input.n_measurements; m++)
        if (g_date_valid (&grip->input.measurements[m].period_date) &&
            g_date_compare (&grip->input.measurements[m].period_date, &self->as_of) <= 0)
          ri.values[kept++] = grip->input.measurements[m];
      ri.input.measurements = ri.values;
      ri.input.n_measurements = kept;

      ri.latest = gk_grip_indicator_latest (&ri.input, &self->as_of);
      ri.level = gk_grip_indicator_signal (&ri.input, &self->as_of);
      ri.previous_level = gk_grip_indicator_signal (&ri.input, &self->previous_end);
      ri.has_progress = gk_grip_indicator_progress (&ri.input, &ri.progress);
      gk_grip_forecast (&ri.input, 0, &ri.forecast);

      if (position >= 0)
        {
          ri.chart = *gk_chart_model_get_indicator (self->charts, position);
          while (ri.chart.n_points > 0 &&
                 g_date_compare (&ri.chart.points[ri.chart.n_points - 1].date, &self->as_of) > 0)
            ri.chart.n_points--;
        }
      else
        {
          ri.chart.unit = gk_indicator_get_unit (grip->indicator);
          ri.chart.direction = gk_indicator_get_direction (grip->indicator);
        }
      ri.chart.has_forecast = ri.forecast.has_trend && g_date_valid (&ri.chart.target_date);
      if (ri.chart.has_forecast)
        {
          ri.chart.forecast_from_date = ri.forecast.last_date;
          ri.chart.forecast_from_value = gk_forecast_value_at (&ri.forecast, &ri.forecast.last_date);
          ri.chart.forecast_to_date = ri.chart.target_date;
          ri.chart.forecast_to_value = ri.forecast.value_at_target_date;
        }

      g_array_append_val (self->indicators, ri);
      g_hash_table_insert (self->indicator_by_id,
                           GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (grip->indicator))),
                           GUINT_TO_POINTER (self->indicators->len));
    }
}

static void
collect_levels (GkReport *self)
{
  GkLevel before = gk_analysis_headline_on (self->analysis, &self->previous_end);
  GkLevel now = gk_analysis_headline_on (self->analysis, &self->as_of);

  self->headline.level = now;
  self->headline.previous_level = before;
  self->headline.latest_assessment = *gk_analysis_get_latest_assessment_date (self->analysis);
  self->headline.period_label = self->period_label;

  if (before != now)
    {
      LevelChange change = { _("Headline grip level"), before, now, TRUE };

      g_array_append_val (self->level_changes, change);
    }

  for (guint t = 0; t < gk_analysis_get_n_topics (self->analysis); t++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (self->analysis, t);
      LevelChange change = { gk_topic_get_name (grip->topic), GK_LEVEL_NONE, GK_LEVEL_NONE, FALSE };

      change.before = gk_analysis_topic_level_on (self->analysis, t, &self->previous_end);
      change.now = gk_analysis_topic_level_on (self->analysis, t, &self->as_of);
      self->topic_counts[change.now]++;
      if (change.before != change.now)
        g_array_append_val (self->level_changes, change);
    }
}

static int
compare_done (gconstpointer a,
              gconstpointer b)
{
  return g_date_compare (&((const ReportMeasure *) a)->done, &((const ReportMeasure *) b)->done);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  return g_date_compare (&((const ReportMeasure *) a)->due, &((const ReportMeasure *) b)->due);
}

static void
collect_measures (GkReport *self)
{
  GListModel *measures = gk_document_get_measures (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      GkMeasureStatus status = gk_measure_get_status (measure);
      ReportMeasure rm = { measure };
      gboolean done_by_then;

      rm.due = parse_date (gk_measure_get_due_date (measure));
      rm.done = parse_date (gk_measure_get_done_date (measure));
      /* Done, as far as the end of the period knew. */
      done_by_then = status == GK_MEASURE_STATUS_DONE &&
                     (!g_date_valid (&rm.done) || g_date_compare (&rm.done, &self->as_of) <= 0);

      if (status == GK_MEASURE_STATUS_DONE && date_in (&rm.done, &self->period_start, &self->as_of))
        {
          g_array_append_val (self->done_in_period, rm);
          if (g_date_valid (&rm.due) && g_date_compare (&rm.done, &rm.due) > 0)
            {
              rm.days = g_date_days_between (&rm.due, &rm.done);
              rm.overdue = FALSE;
              g_array_append_val (self->late, rm);
            }
        }
      else if (status != GK_MEASURE_STATUS_DROPPED && !done_by_then &&
               g_date_valid (&rm.due) && g_date_compare (&rm.due, &self->as_of) < 0)
        {
          rm.days = g_date_days_between (&rm.due, &self->as_of);
          rm.overdue = TRUE;
          g_array_append_val (self->late, rm);
        }
    }
  /* Stable sorts: measures of the same day keep the document's order. */
  g_array_sort (self->done_in_period, compare_done);
  g_array_sort (self->late, compare_due);
}

static int
compare_journal_oldest_first (gconstpointer a,
                              gconstpointer b)
{
  GkJournalEntry *ea = *(GkJournalEntry **) a;
  GkJournalEntry *eb = *(GkJournalEntry **) b;
  int by_date = g_strcmp0 (gk_journal_entry_get_date (ea), gk_journal_entry_get_date (eb));

  if (by_date != 0)
    return by_date;
  return gk_record_get_id (GK_RECORD (ea)) < gk_record_get_id (GK_RECORD (eb)) ? -1 : 1;
}

static void
collect_journal (GkReport *self)
{
  GListModel *journal = gk_document_get_journal (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(GkJournalEntry) entry = g_list_model_get_item (journal, i);
      GkJournalKind kind = gk_journal_entry_get_kind (entry);
      GDate date = parse_date (gk_journal_entry_get_date (entry));

      if ((kind == GK_JOURNAL_KIND_DECISION || kind == GK_JOURNAL_KIND_RISK) &&
          date_in (&date, &self->period_start, &self->as_of))
        g_ptr_array_add (self->journal, g_object_ref (entry));
    }
  g_ptr_array_sort (self->journal, compare_journal_oldest_first);
}

/* --- the object ------------------------------------------------------------ */

static void
gk_report_finalize (GObject *object)
{
  GkReport *self = GK_REPORT (object);

  g_clear_pointer (&self->flow, gk_report_flow_free);
  g_clear_pointer (&self->charted, g_free);
  g_clear_pointer (&self->ctx, gk_chart_context_free);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->indicator_by_id, g_hash_table_unref);
  g_clear_pointer (&self->level_changes, g_array_unref);
  g_clear_pointer (&self->done_in_period, g_array_unref);
  g_clear_pointer (&self->late, g_array_unref);
  g_clear_pointer (&self->journal, g_ptr_array_unref);
  g_free (self->period_label);
  g_free (self->previous_label);
  g_clear_object (&self->charts);
  g_clear_object (&self->analysis);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_report_parent_class)->finalize (object);
}

static void
gk_report_class_init (GkReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_report_finalize;
}

static void
gk_report_init (GkReport *self)
{
  self->indicators = g_array_new (FALSE, TRUE, sizeof (ReportIndicator));
  g_array_set_clear_func (self->indicators, report_indicator_clear);
  self->indicator_by_id = g_hash_table_new (NULL, NULL);
  self->level_changes = g_array_new (FALSE, TRUE, sizeof (LevelChange));
  self->done_in_period = g_array_new (FALSE, TRUE, sizeof (ReportMeasure));
  self->late = g_array_new (FALSE, TRUE, sizeof (ReportMeasure));
  self->journal = g_ptr_array_new_with_free_func (g_object_unref);
  self->paper = GK_REPORT_PAPER_A4;
  self->orientation = GK_REPORT_ORIENTATION_PORTRAIT;
}

/* SOURCE_DATE_EPOCH (reproducible builds) stands in for the clock. */
static gboolean
source_date_epoch (gint64 *out_seconds)
{
  const char *value = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64 / 2, &seconds, NULL))
    return FALSE;
  *out_seconds = (gint64) seconds;
  return TRUE;
}

static GDate
default_printed_date (void)
{
  GDate date;
  gint64 seconds;

  if (source_date_epoch (&seconds))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                      g_date_time_get_year (time));
      return date;
    }
  gk_date_set_today (&date);
  return date;
}

GkReport *
gk_report_new (GkDocument   *document,
               GkAnalysis   *analysis,
               GkChartModel *charts,
               GkFrequency   frequency,
               const GDate  *period_date)
{
  GkReport *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (GK_IS_CHART_MODEL (charts), NULL);
  g_return_val_if_fail (period_date != NULL && g_date_valid (period_date), NULL);

  self = g_object_new (GK_TYPE_REPORT, NULL);
  self->document = g_object_ref (document);
  self->analysis = g_object_ref (analysis);
  self->charts = g_object_ref (charts);
  self->frequency = frequency;
  self->period_start = gk_period_start (frequency, period_date);
  self->period_end = gk_period_end (frequency, period_date);
  self->previous_start = gk_period_shift (frequency, &self->period_start, -1);
  self->previous_end = gk_period_end (frequency, &self->previous_start);
  self->as_of = self->period_end;
  if (g_date_compare (gk_analysis_get_today (analysis), &self->as_of) < 0)
    self->as_of = *gk_analysis_get_today (analysis);
  self->period_label = gk_period_label (frequency, &self->period_start);
  self->previous_label = gk_period_label (frequency, &self->previous_start);
  self->printed = default_printed_date ();

  self->ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  gk_chart_context_set_today (self->ctx, &self->as_of);
  /* A finished period is reported as it stood at its end: the line marks
   * that day, which is not today. */
  if (g_date_compare (&self->as_of, &self->period_end) == 0)
    /* Translators: the line in the report's charts that marks the end of the reported period */
    gk_chart_context_set_today_label (self->ctx, _("End of period"));

  collect_indicators (self);
  collect_levels (self);
  collect_measures (self);
  collect_journal (self);
  return self;
}

GkReport *
gk_report_new_for_period (GkDocument   *document,
                          GkFrequency   frequency,
                          const GDate  *period_date,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(GkAnalysis) analysis = NULL;
  g_autoptr(GkChartModel) charts = NULL;
  GDate now, start, as_of;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (period_date != NULL && g_date_valid (period_date), NULL);

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    gk_date_set_today (&now);

  start = gk_period_start (frequency, period_date);
  if (g_date_compare (&start, &now) > 0)
    {
      g_autofree char *label = gk_period_label (frequency, &start);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a period, "October 2026" */
                   _("The reporting period %s has not started yet."), label);
      return NULL;
    }
  as_of = gk_period_end (frequency, period_date);
  if (g_date_compare (&now, &as_of) < 0)
    as_of = now;

  analysis = gk_analysis_new (document, &as_of);
  /* Two years of months show the trend that led to the period. */
  charts = gk_chart_model_new (document, analysis, GK_FREQUENCY_MONTHLY, 24);
  return gk_report_new (document, analysis, charts, frequency, period_date);
}

GkFrequency
gk_report_get_frequency (GkReport *self)
{
  return self->frequency;
}

const GDate *
gk_report_get_period_start (GkReport *self)
{
  return &self->period_start;
}

const GDate *
gk_report_get_period_end (GkReport *self)
{
  return &self->period_end;
}

const GDate *
gk_report_get_as_of (GkReport *self)
{
  return &self->as_of;
}

const char *
gk_report_get_period_label (GkReport *self)
{
  return self->period_label;
}

void
gk_report_set_printed_date (GkReport    *self,
                            const GDate *date)
{
  g_return_if_fail (GK_IS_REPORT (self));

  if (date != NULL && g_date_valid (date))
    self->printed = *date;
  else
    self->printed = default_printed_date ();
}

const GDate *
gk_report_get_printed_date (GkReport *self)
{
  return &self->printed;
}

void
gk_report_set_paper (GkReport            *self,
                     GkReportPaper        paper,
                     GkReportOrientation  orientation)
{
  g_return_if_fail (GK_IS_REPORT (self));

  self->paper = paper;
  self->orientation = orientation;
}

/* --- chart blocks ---------------------------------------------------------- */

typedef struct {
  GkChartKind kind;
  gpointer    data;         /* the chart's data struct */
  GDestroyNotify free_data;
  double      height;       /* 0: the chart's preferred height */
} ChartBlock;

static void
chart_block_free (gpointer data)
{
  ChartBlock *block = data;

  if (block->free_data != NULL)
    block->free_data (block->data);
  g_free (block);
}

static double
chart_block_measure (GkChartContext *ctx,
                     double          width,
                     gpointer        data)
{
  ChartBlock *block = data;

  if (block->height > 0)
    return block->height;
  switch (block->kind)
    {
    case GK_CHART_KIND_ROADMAP:
      return gk_roadmap_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_HEADLINE:
      return gk_headline_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_TIMELINE:
      return gk_timeline_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_PROGRESS:
      return gk_progress_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_COVERAGE:
      return gk_coverage_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_INDICATOR:
    default:
      return width * 0.4;
    }
}

static void
chart_block_draw (GkChartContext    *ctx,
                  const GkChartRect *area,
                  gpointer           data)
{
  ChartBlock *block = data;

  switch (block->kind)
    {
    case GK_CHART_KIND_ROADMAP:
      gk_roadmap_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_HEADLINE:
      gk_headline_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_TIMELINE:
      gk_timeline_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_PROGRESS:
      gk_progress_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_COVERAGE:
      gk_coverage_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_INDICATOR:
    default:
      gk_indicator_chart_draw (ctx, block->data, area);
      break;
    }
}

static void
add_chart (GkReportFlow   *flow,
           GkChartKind     kind,
           gconstpointer   data,
           GDestroyNotify  free_data,
           double          height)
{
  ChartBlock *block = g_new0 (ChartBlock, 1);

  block->kind = kind;
  block->data = (gpointer) data;
  block->free_data = free_data;
  block->height = height;
  gk_report_flow_add_block (flow, chart_block_measure, chart_block_draw, block, chart_block_free, FALSE);
}

/* --- headings -------------------------------------------------------------- */

static void
add_section (GkReportFlow *flow,
             guint         anchor,
             const char   *title,
             const char   *lead)
{
  gk_report_flow_add_page_break (flow);
  gk_report_flow_add_anchor (flow, anchor);
  gk_report_flow_add_text (flow, title, GK_REPORT_FONT_HEADING, GK_REPORT_INK_NORMAL, TRUE);
  if (lead != NULL)
    gk_report_flow_add_text (flow, lead, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  gk_report_flow_add_space (flow, 4);
}

static void
add_subheading (GkReportFlow *flow,
                const char   *title)
{
  gk_report_flow_add_space (flow, SECTION_SPACE - 10);
  gk_report_flow_add_text (flow, title, GK_REPORT_FONT_SUBHEADING, GK_REPORT_INK_NORMAL, TRUE);
}

static void
add_note (GkReportFlow *flow,
          const char   *text)
{
  gk_report_flow_add_text (flow, text, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, FALSE);
}

/* --- summary --------------------------------------------------------------- */

typedef struct {
  char *value;
  char *label;
  char *detail;
} Tile;

typedef struct {
  Tile tiles[4];
} Tiles;

static void
tiles_free (gpointer data)
{
  Tiles *tiles = data;

  for (guint i = 0; i < G_N_ELEMENTS (tiles->tiles); i++)
    {
      g_free (tiles->tiles[i].value);
      g_free (tiles->tiles[i].label);
      g_free (tiles->tiles[i].detail);
    }
  g_free (tiles);
}

#define TILE_GAP 12.0
#define TILE_PAD 12.0

static double
tile_width (double width)
{
  return (width - 3 * TILE_GAP) / 4;
}

static double
tiles_measure (GkChartContext *ctx,
               double          width,
               gpointer        data)
{
  Tiles *tiles = data;
  double inner = tile_width (width) - 2 * TILE_PAD;
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tiles->tiles); i++)
    height = MAX (height,
                  gk_report_text_height (ctx, tiles->tiles[i].value, GK_REPORT_FONT_FIGURE, inner, 1) +
                  gk_report_text_height (ctx, tiles->tiles[i].label, GK_REPORT_FONT_SMALL_BOLD, inner, 2) +
                  gk_report_text_height (ctx, tiles->tiles[i].detail, GK_REPORT_FONT_SMALL, inner, 3) + 4);
  return height + 2 * TILE_PAD;
}

static void
tiles_draw (GkChartContext    *ctx,
            const GkChartRect *area,
            gpointer           data)
{
  Tiles *tiles = data;
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double width = tile_width (area->width);
  double inner = width - 2 * TILE_PAD;

  for (guint i = 0; i < G_N_ELEMENTS (tiles->tiles); i++)
    {
      const Tile *tile = &tiles->tiles[i];
      double x = area->x + i * (width + TILE_GAP);
      double y = area->y + TILE_PAD;

      gk_chart_rounded_rect (cr, x, area->y, width, area->height, 6);
      gk_chart_set_source (cr, &palette->surface, 1);
      cairo_fill (cr);

      y += gk_report_draw_text (ctx, tile->value, GK_REPORT_FONT_FIGURE, GK_REPORT_INK_NORMAL,
                                x + TILE_PAD, y, inner, GK_CHART_ALIGN_START, 1);
      y += gk_report_draw_text (ctx, tile->label, GK_REPORT_FONT_SMALL_BOLD, GK_REPORT_INK_NORMAL,
                                x + TILE_PAD, y, inner, GK_CHART_ALIGN_START, 2) + 4;
      gk_report_draw_text (ctx, tile->detail, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                           x + TILE_PAD, y, inner, GK_CHART_ALIGN_START, 3);
    }
}

static char *
join_counts (GPtrArray *parts,
             const char *none)
{
  if (parts->len == 0)
    return g_strdup (none);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static Tiles *
make_tiles (GkReport *self)
{
  Tiles *tiles = g_new0 (Tiles, 1);
  GListModel *projects = gk_document_get_focus_projects (self->document);
  GListModel *measures = gk_document_get_measures (self->document);
  guint n_topics = gk_analysis_get_n_topics (self->analysis);
  guint active = 0, at_risk = 0, off_track = 0, n_measures = 0, done = 0, overdue = 0;
  guint indicator_levels[GK_LEVEL_IN_CONTROL + 1] = { 0 };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* Topics */
  tiles->tiles[0].value = g_strdup_printf ("%u / %u", self->topic_counts[GK_LEVEL_IN_CONTROL], n_topics);
  tiles->tiles[0].label = g_strdup (_("topics In control"));
  for (GkLevel level = GK_LEVEL_VIGILANT; level >= GK_LEVEL_SERIOUS; level--)
    if (self->topic_counts[level] > 0)
      g_ptr_array_add (parts, g_strdup_printf ("%u %s", self->topic_counts[level], gk_level_label (level)));
  if (self->topic_counts[GK_LEVEL_NONE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u not assessed", "%u not assessed",
                                                       self->topic_counts[GK_LEVEL_NONE]),
                                             self->topic_counts[GK_LEVEL_NONE]));
  tiles->tiles[0].detail = join_counts (parts, "");
  g_ptr_array_set_size (parts, 0);

  /* Focus projects */
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);

      if (gk_focus_project_get_status (project) != GK_PROJECT_STATUS_ACTIVE)
        continue;
      active++;
      at_risk += gk_focus_project_get_health (project) == GK_HEALTH_AT_RISK;
      off_track += gk_focus_project_get_health (project) == GK_HEALTH_OFF_TRACK;
    }
  tiles->tiles[1].value = g_strdup_printf ("%u", active);
  tiles->tiles[1].label = g_strdup (ngettext ("active focus project", "active focus projects", active));
  /* Health in running text: "1 at risk · 1 off track". Whole phrases, not
   * a count before the health label, so that a translation can word them
   * as its language does ("1 met risico"). */
  if (at_risk > 0)
    /* Translators: focus projects whose health is At risk */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u at risk", "%u at risk", at_risk), at_risk));
  if (off_track > 0)
    /* Translators: focus projects whose health is Off track */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u off track", "%u off track", off_track), off_track));
  tiles->tiles[1].detail = join_counts (parts, active > 0 ? _("all on track") : "");
  g_ptr_array_set_size (parts, 0);

  /* Measures */
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      GkMeasureStatus status = gk_measure_get_status (measure);
      GDate done_date = parse_date (gk_measure_get_done_date (measure));

      if (status == GK_MEASURE_STATUS_DROPPED)
        continue;
      n_measures++;
      if (status == GK_MEASURE_STATUS_DONE &&
          (!g_date_valid (&done_date) || g_date_compare (&done_date, &self->as_of) <= 0))
        done++;
    }
  for (guint i = 0; i < self->late->len; i++)
    overdue += g_array_index (self->late, ReportMeasure, i).overdue;
  tiles->tiles[2].value = g_strdup_printf ("%u / %u", done, n_measures);
  tiles->tiles[2].label = g_strdup (_("measures done"));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u done in the period", "%u done in the period",
                                                     self->done_in_period->len), self->done_in_period->len));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue));
  tiles->tiles[2].detail = join_counts (parts, "");
  g_ptr_array_set_size (parts, 0);

  /* Indicators */
  for (guint i = 0; i < self->indicators->len; i++)
    indicator_levels[g_array_index (self->indicators, ReportIndicator, i).level]++;
  tiles->tiles[3].value = g_strdup_printf ("%u / %u", indicator_levels[GK_LEVEL_IN_CONTROL], self->indicators->len);
  tiles->tiles[3].label = g_strdup (_("indicators In control"));
  for (GkLevel level = GK_LEVEL_VIGILANT; level >= GK_LEVEL_SERIOUS; level--)
    if (indicator_levels[level] > 0)
      g_ptr_array_add (parts, g_strdup_printf ("%u %s", indicator_levels[level], gk_level_label (level)));
  if (indicator_levels[GK_LEVEL_NONE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u without signal", "%u without signal",
                                                       indicator_levels[GK_LEVEL_NONE]),
                                             indicator_levels[GK_LEVEL_NONE]));
  tiles->tiles[3].detail = join_counts (parts, "");
  return tiles;
}

/* The contents, with the page each section starts on. */
typedef struct {
  GkReport *report;
} Contents;

static const char *
section_title (guint section)
{
  switch (section)
    {
    case SECTION_SUMMARY:
      return _("Summary");
    case SECTION_ROADMAP:
      return _("Roadmap");
    case SECTION_PROJECTS:
      return _("Focus projects");
    case SECTION_INDICATORS:
      return _("Indicators");
    case SECTION_TIMELINE:
      return _("Timeline");
    case SECTION_JOURNAL:
      return _("Decisions and risks");
    case SECTION_CHANGES:
    default:
      return _("Since the previous period");
    }
}

#define CONTENTS_ROWS ((N_SECTIONS + 1) / 2)
#define CONTENTS_GAP  32.0

static double
contents_line_height (GkChartContext *ctx)
{
  return gk_report_text_height (ctx, "Ag", GK_REPORT_FONT_BODY, -1, 0) + 5;
}

static double
contents_measure (GkChartContext *ctx,
                  double          width,
                  gpointer        data)
{
  return CONTENTS_ROWS * contents_line_height (ctx);
}

static void
contents_draw (GkChartContext    *ctx,
               const GkChartRect *area,
               gpointer           data)
{
  GkReport *self = data;
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double line = contents_line_height (ctx);
  double column = (area->width - CONTENTS_GAP) / 2;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      int page = gk_report_flow_get_anchor_page (self->flow, s);
      double x = area->x + (s / CONTENTS_ROWS) * (column + CONTENTS_GAP);
      double y = area->y + (s % CONTENTS_ROWS) * line;
      g_autofree char *number = page >= 0 ? g_strdup_printf ("%d", page + 1) : g_strdup ("–");
      double number_width = gk_report_text_width (ctx, number, GK_REPORT_FONT_BODY);
      double title_width = MIN (gk_report_text_width (ctx, section_title (s), GK_REPORT_FONT_BODY),
                                column - number_width - 24);

      gk_report_draw_text (ctx, section_title (s), GK_REPORT_FONT_BODY, GK_REPORT_INK_NORMAL,
                           x, y, column - number_width - 24, GK_CHART_ALIGN_START, 1);
      gk_report_draw_text (ctx, number, GK_REPORT_FONT_BODY, GK_REPORT_INK_NORMAL,
                           x, y, column, GK_CHART_ALIGN_END, 1);
      /* A dotted leader from the title to its page. */
      cairo_save (cr);
      gk_chart_set_source (cr, &palette->axis, 1);
      for (double dot = x + title_width + 8; dot < x + column - number_width - 12; dot += 5)
        {
          cairo_rectangle (cr, dot, y + line - 9, 1.2, 1.2);
        }
      cairo_fill (cr);
      cairo_restore (cr);
    }
}

static void
add_signals (GkReport     *self,
             GkReportFlow *flow)
{
  GPtrArray *signals = gk_analysis_get_signals (self->analysis);
  GkReportTable *table;
  guint shown = MIN (signals->len, self->max_signals);

  add_subheading (flow, _("Attention signals"));
  if (signals->len == 0)
    {
      add_note (flow, _("The grip engine sees nothing that needs attention."));
      return;
    }
  table = gk_report_flow_add_table (flow, 2);
  gk_report_table_set_column (table, 0, _("Severity"), 1.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Signal"), 5.0, GK_CHART_ALIGN_START);
  gk_report_table_set_continued_label (table, _("Attention signals (continued)"));
  for (guint i = 0; i < shown; i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_chip (table, row, 0, severity_level (signal->severity), gk_severity_label (signal->severity));
      gk_report_table_set_text (table, row, 1, signal->message);
    }
  if (signals->len > shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more signal, less severe or as severe, is not shown.",
                                                         "%u more signals, less severe or as severe, are not shown.",
                                                         signals->len - shown),
                                               signals->len - shown);

      add_note (flow, more);
    }
}

static void
add_summary (GkReport     *self,
             GkReportFlow *flow)
{
  GkProgramme *programme = gk_document_get_programme (self->document);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *as_of = format_date (&self->as_of);
  g_autofree char *meta = NULL;

  gk_report_flow_add_anchor (flow, SECTION_SUMMARY);
  gk_report_flow_add_text (flow, programme_title (self), GK_REPORT_FONT_TITLE, GK_REPORT_INK_NORMAL, TRUE);
  /* Translators: %s is the reporting period, "October 2026" */
  subtitle = g_strdup_printf (_("Progress report %s"), self->period_label);
  gk_report_flow_add_text (flow, subtitle, GK_REPORT_FONT_SUBHEADING, GK_REPORT_INK_ACCENT, TRUE);

  if (programme != NULL)
    {
      const char *lead = person_name (self, gk_programme_get_lead_id (programme));
      g_autofree char *domains = gk_domains_label (gk_programme_get_domains (programme));

      if (*gk_programme_get_municipality (programme) != '\0')
        g_ptr_array_add (facts, g_strdup (gk_programme_get_municipality (programme)));
      if (domains != NULL && *domains != '\0')
        g_ptr_array_add (facts, g_strdup (domains));
      if (lead != NULL)
        /* Translators: %s is a person */
        g_ptr_array_add (facts, g_strdup_printf (_("Programme lead: %s"), lead));
    }
  /* Translators: the first %s is a date, the second a period, "September 2026" */
  g_ptr_array_add (facts, g_strdup_printf (_("Figures as of %s, compared with %s"), as_of, self->previous_label));
  g_ptr_array_add (facts, NULL);
  meta = g_strjoinv (" · ", (char **) facts->pdata);
  gk_report_flow_add_text (flow, meta, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  gk_report_flow_add_space (flow, 8);

  add_chart (flow, GK_CHART_KIND_HEADLINE, &self->headline, NULL, 0);
  gk_report_flow_add_block (flow, tiles_measure, tiles_draw, make_tiles (self), tiles_free, FALSE);

  /* What needs attention first; the ambition and the contents, when there
   * is room for them on the page. */
  add_signals (self, flow);

  if (self->summary_ambition && programme != NULL && *gk_programme_get_ambition (programme) != '\0')
    {
      add_subheading (flow, _("Ambition"));
      gk_report_flow_add_text (flow, gk_programme_get_ambition (programme), GK_REPORT_FONT_BODY,
                               GK_REPORT_INK_NORMAL, FALSE);
    }

  if (self->summary_contents)
    {
      add_subheading (flow, _("In this report"));
      gk_report_flow_add_block (flow, contents_measure, contents_draw, self, NULL, FALSE);
    }
}

/* --- roadmap --------------------------------------------------------------- */

typedef struct {
  GkRoadmapChartData  data;
  GkRoadmapTopic     *topics;
} RoadmapPart;

static void
roadmap_part_free (gpointer data)
{
  RoadmapPart *part = data;

  g_free (part->topics);
  g_free (part);
}

/* The last periods up to the report's, as many as fit the width. */
static RoadmapPart *
roadmap_for_width (GkReport *self,
                   double    width)
{
  const GkRoadmapChartData *all = gk_chart_model_get_roadmap (self->charts);
  RoadmapPart *part = g_new0 (RoadmapPart, 1);
  guint last = 0, first, fit;

  while (last < all->n_periods && g_date_compare (&all->periods[last].start, &self->as_of) <= 0)
    last++;
  fit = (guint) MAX (3, floor ((width - ROADMAP_LABELS) / ROADMAP_COLUMN));
  first = last > fit ? last - fit : 0;

  part->data = *all;
  part->data.periods = all->periods + first;
  part->data.n_periods = last - first;
  part->topics = g_new0 (GkRoadmapTopic, MAX (all->n_topics, 1));
  for (guint t = 0; t < all->n_topics; t++)
    {
      part->topics[t] = all->topics[t];
      part->topics[t].levels = all->topics[t].levels + first;
    }
  part->data.topics = part->topics;
  return part;
}

static void
add_roadmap (GkReport     *self,
             GkReportFlow *flow,
             double        width)
{
  RoadmapPart *part = roadmap_for_width (self, width);
  g_autofree char *lead = NULL;

  lead = g_strdup_printf (_("The grip level of every topic at the end of each month, up to %s. The top row is the "
                            "headline grip level: %s."),
                          self->period_label,
                          gk_analysis_get_headline_rule (self->analysis) == GK_HEADLINE_RULE_MEDIAN
                          ? _("the best level that at least half of the topics reach")
                          : _("the most serious level of any topic"));
  add_section (flow, SECTION_ROADMAP, _("Roadmap"), lead);
  if (part->data.n_periods == 0 || part->data.n_topics == 0)
    {
      roadmap_part_free (part);
      add_note (flow, _("The programme has no topics or assessments yet."));
      return;
    }
  add_chart (flow, GK_CHART_KIND_ROADMAP, part, roadmap_part_free, 0);

  add_subheading (flow, _("Measures per topic"));
  gk_report_flow_add_text (flow, _("The measures aimed at each topic, by status, beside the topic's level."),
                           GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  add_chart (flow, GK_CHART_KIND_COVERAGE, gk_chart_model_get_coverage (self->charts), NULL, 0);
}

/* --- indicators ------------------------------------------------------------ */

typedef struct {
  const char *label;
  char       *value;
  gboolean    has_chip;
  GkLevel     level;
} Figure;

#define N_FIGURES 5

typedef struct {
  GkReport        *report;
  ReportIndicator *ri;
  double           chart_height;
  Figure           figures[N_FIGURES];
} IndicatorBlock;

static char *
format_indicator_value (ReportIndicator *ri,
                        double           value)
{
  return gk_indicator_format_value (&ri->chart, value, FALSE);
}

static char *
format_month_of (const GDate *date)
{
  return gk_format_month (date, TRUE);
}

static char *
describe_latest (ReportIndicator *ri)
{
  g_autofree char *value = NULL;
  g_autofree char *when = NULL;

  if (ri->latest == NULL)
    return g_strdup (_("No figures yet"));
  value = format_indicator_value (ri, ri->latest->value);
  when = format_month_of (&ri->latest->period_date);
  /* Translators: a value and the month it is about: "12 weeks (Oct 2026)" */
  return g_strdup_printf (_("%s (%s)"), value, when);
}

static char *
describe_target (ReportIndicator *ri)
{
  g_autofree char *value = NULL;
  g_autofree char *when = NULL;

  if (!ri->input.has_target)
    return g_strdup ("–");
  value = format_indicator_value (ri, ri->input.target_value);
  if (!g_date_valid (&ri->input.target_date))
    return g_steal_pointer (&value);
  when = format_month_of (&ri->input.target_date);
  /* Translators: a target value and its date: "6 weeks by Dec 2027" */
  return g_strdup_printf (_("%s by %s"), value, when);
}

static char *
describe_forecast (ReportIndicator *ri)
{
  g_autofree char *when = NULL;

  /* Short forms: they share a narrow column. */
  switch (ri->forecast.outcome)
    {
    case GK_FORECAST_NO_TARGET:
      return g_strdup (_("No target"));
    case GK_FORECAST_NOT_ENOUGH_DATA:
      return g_strdup (_("Too few figures"));
    case GK_FORECAST_ALREADY_REACHED:
      return g_strdup (_("Target reached"));
    case GK_FORECAST_ON_TIME:
      return g_strdup (_("Target in time"));
    case GK_FORECAST_LATE:
      when = format_month_of (&ri->forecast.reached_date);
      /* Translators: the forecast of an indicator: the target is reached late, in %s (a month) */
      return g_strdup_printf (_("Late: target in %s"), when);
    case GK_FORECAST_NEVER:
    default:
      return g_strdup (_("Target out of reach"));
    }
}

static void
indicator_block_free (gpointer data)
{
  IndicatorBlock *block = data;

  for (guint i = 0; i < N_FIGURES; i++)
    g_free (block->figures[i].value);
  g_free (block);
}

static IndicatorBlock *
indicator_block_new (GkReport        *self,
                     ReportIndicator *ri,
                     double           chart_height)
{
  IndicatorBlock *block = g_new0 (IndicatorBlock, 1);

  block->report = self;
  block->ri = ri;
  block->chart_height = chart_height;
  block->figures[0].label = _("Latest figure");
  block->figures[0].value = describe_latest (ri);
  block->figures[1].label = _("Grip level");
  block->figures[1].has_chip = TRUE;
  block->figures[1].level = ri->level;
  block->figures[1].value = g_strdup (ri->level != GK_LEVEL_NONE ? gk_level_label (ri->level) : _("No signal"));
  block->figures[2].label = _("Target");
  block->figures[2].value = describe_target (ri);
  block->figures[3].label = _("Progress");
  block->figures[3].value = ri->has_progress ? format_percent (ri->progress) : g_strdup ("–");
  block->figures[4].label = _("Forecast");
  block->figures[4].value = describe_forecast (ri);
  return block;
}

#define FIGURE_GAP 14.0

static double
figures_height (GkChartContext *ctx,
                IndicatorBlock *block,
                double          width)
{
  double column = (width - (N_FIGURES - 1) * FIGURE_GAP) / N_FIGURES;
  double height = 0;

  for (guint i = 0; i < N_FIGURES; i++)
    {
      double value = block->figures[i].has_chip
                     ? 18.0
                     : gk_report_text_height (ctx, block->figures[i].value, GK_REPORT_FONT_BODY_BOLD, column, 3);

      height = MAX (height, gk_report_text_height (ctx, block->figures[i].label, GK_REPORT_FONT_SMALL, column, 1) +
                            2 + value);
    }
  return height;
}

static const char *
indicator_description (IndicatorBlock *block)
{
  const char *description = gk_indicator_get_description (block->ri->indicator);

  return description != NULL && *description != '\0' ? description : NULL;
}

static double
indicator_block_measure (GkChartContext *ctx,
                         double          width,
                         gpointer        data)
{
  IndicatorBlock *block = data;

  return gk_report_text_height (ctx, gk_indicator_get_name (block->ri->indicator), GK_REPORT_FONT_SUBHEADING, width, 2) +
         gk_report_text_height (ctx, indicator_description (block), GK_REPORT_FONT_SMALL, width, 3) + 8 +
         figures_height (ctx, block, width) + 10 + block->chart_height;
}

static void
indicator_block_draw (GkChartContext    *ctx,
                      const GkChartRect *area,
                      gpointer           data)
{
  IndicatorBlock *block = data;
  double column = (area->width - (N_FIGURES - 1) * FIGURE_GAP) / N_FIGURES;
  double y = area->y;
  double strip;
  GkChartRect chart;

  y += gk_report_draw_text (ctx, gk_indicator_get_name (block->ri->indicator), GK_REPORT_FONT_SUBHEADING,
                            GK_REPORT_INK_NORMAL, area->x, y, area->width, GK_CHART_ALIGN_START, 2);
  y += gk_report_draw_text (ctx, indicator_description (block), GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                            area->x, y, area->width, GK_CHART_ALIGN_START, 3) + 8;

  strip = figures_height (ctx, block, area->width);
  for (guint i = 0; i < N_FIGURES; i++)
    {
      const Figure *figure = &block->figures[i];
      double x = area->x + i * (column + FIGURE_GAP);
      double fy = y;

      fy += gk_report_draw_text (ctx, figure->label, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                                 x, fy, column, GK_CHART_ALIGN_START, 1) + 2;
      if (figure->has_chip)
        {
          GkChartRect chip = { x, fy, MIN (gk_chart_chip_width (ctx, figure->value), column), 18 };

          gk_chart_draw_chip (ctx, figure->value, figure->level, FALSE, &chip);
        }
      else
        gk_report_draw_text (ctx, figure->value, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_NORMAL,
                             x, fy, column, GK_CHART_ALIGN_START, 3);
    }
  y += strip + 10;

  /* The layout may have given the chart less height than it asked for. */
  chart = (GkChartRect) { area->x, y, area->width, MAX (area->y + area->height - y, 60) };
  gk_indicator_chart_draw (ctx, &block->ri->chart, &chart);
}

static double
indicator_chart_height (double width,
                        double height)
{
  /* Two indicators share a portrait page; landscape pages hold one. */
  return floor (CLAMP (MIN (width * 0.42, height * 0.36), 180, 420));
}

/* Smaller on a project's page, so that a chart fits under its measures. */
static double
project_indicator_chart_height (double width,
                                double height)
{
  return floor (CLAMP (MIN (width * 0.3, height * 0.24), 160, 300));
}

static guint
indicator_anchor (GkReport *self,
                  guint     index)
{
  return N_SECTIONS + self->n_project_anchors + index;
}

/* Each indicator's chart appears once: on the page of its (first) focus
 * project, or else among the indicator pages. */
static void
add_indicator_block (GkReport        *self,
                     GkReportFlow    *flow,
                     guint            index,
                     double           chart_height,
                     gboolean         after_heading)
{
  ReportIndicator *ri = &g_array_index (self->indicators, ReportIndicator, index);

  if (!after_heading)
    gk_report_flow_add_space (flow, SECTION_SPACE);
  gk_report_flow_add_anchor (flow, indicator_anchor (self, index));
  gk_report_flow_add_shrinkable_block (flow, indicator_block_measure, indicator_block_draw,
                                       indicator_block_new (self, ri, chart_height), indicator_block_free,
                                       MAX (0, chart_height - MIN_INDICATOR_CHART));
  self->charted[index] = TRUE;
}

/* The overview's last column: where each chart is. */
static void
fill_indicator_pages (GkReport *self)
{
  if (self->indicator_table == NULL)
    return;
  for (guint i = 0; i < gk_report_table_get_n_rows (self->indicator_table); i++)
    {
      int page = gk_report_flow_get_anchor_page (self->flow, indicator_anchor (self, i));

      gk_report_table_take_text (self->indicator_table, i, 6,
                                 page >= 0 ? g_strdup_printf ("%d", page + 1) : g_strdup ("–"));
    }
}

static void
add_indicators (GkReport     *self,
                GkReportFlow *flow,
                double        width,
                double        height)
{
  GkReportTable *table;
  g_autofree char *lead = NULL;

  lead = g_strdup_printf (_("The figures as they stood at the end of %s, against their signal values and targets."),
                          self->period_label);
  add_section (flow, SECTION_INDICATORS, _("Indicators"), lead);
  if (self->indicators->len == 0)
    {
      add_note (flow, _("The programme follows no indicators yet."));
      return;
    }

  table = gk_report_flow_add_table (flow, 7);
  self->indicator_table = table;
  /* Widths leave room for the longer Dutch headings ("Voortgang"). */
  gk_report_table_set_column (table, 0, _("Indicator"), 2.2, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Latest figure"), 1.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Grip level"), 1.3, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("Target"), 1.5, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 4, _("Progress"), 1.3, GK_CHART_ALIGN_END);
  gk_report_table_set_column (table, 5, _("Forecast"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 6, _("Page"), 0.6, GK_CHART_ALIGN_END);
  gk_report_table_set_continued_label (table, _("Indicators (continued)"));
  for (guint i = 0; i < self->indicators->len; i++)
    {
      ReportIndicator *ri = &g_array_index (self->indicators, ReportIndicator, i);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, gk_indicator_get_name (ri->indicator));
      gk_report_table_take_text (table, row, 1, describe_latest (ri));
      gk_report_table_set_chip (table, row, 2, ri->level,
                                ri->level != GK_LEVEL_NONE ? gk_level_label (ri->level) : _("No signal"));
      gk_report_table_take_text (table, row, 3, describe_target (ri));
      gk_report_table_take_text (table, row, 4, ri->has_progress ? format_percent (ri->progress) : g_strdup ("–"));
      gk_report_table_take_text (table, row, 5, describe_forecast (ri));
    }

  for (guint i = 0; i < self->indicators->len; i++)
    if (self->charted[i])
      {
        add_note (flow, _("The chart of an indicator that informs a focus project is on that project's page."));
        break;
      }
  for (guint i = 0; i < self->indicators->len; i++)
    if (!self->charted[i])
      add_indicator_block (self, flow, i, indicator_chart_height (width, height), FALSE);
}

/* --- focus projects -------------------------------------------------------- */

static void
add_fact (GkReportTable *table,
          const char    *label,
          char          *value)
{
  guint row;

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  row = gk_report_table_add_row (table);
  gk_report_table_set_text (table, row, 0, label);
  gk_report_table_set_style (table, row, 0, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM);
  gk_report_table_take_text (table, row, 1, value);
}

static char *
describe_period (const char *start_iso,
                 const char *end_iso)
{
  GDate start = parse_date (start_iso), end = parse_date (end_iso);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!g_date_valid (&start) && !g_date_valid (&end))
    return NULL;
  from = format_date (&start);
  to = format_date (&end);
  return g_strdup_printf ("%s – %s", from, to);
}

static char *
describe_money (GkFocusProject *project)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (gk_focus_project_has_budget_cents (project))
    {
      g_autofree char *euro = gk_format_euro (gk_focus_project_get_budget_cents (project) / 100.0);

      /* Translators: %s is an amount */
      g_ptr_array_add (parts, g_strdup_printf (_("budget %s"), euro));
    }
  if (gk_focus_project_has_saving_cents (project))
    {
      g_autofree char *euro = gk_format_euro (gk_focus_project_get_saving_cents (project) / 100.0);

      /* Translators: %s is an amount */
      g_ptr_array_add (parts, g_strdup_printf (_("expected saving %s"), euro));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
describe_topics (GkReport *self,
                 gint64    project_id)
{
  GListModel *links = gk_document_get_project_topics (self->document);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkProjectTopic) link = g_list_model_get_item (links, i);
      GkTopic *topic;

      if (gk_project_topic_get_project_id (link) != project_id)
        continue;
      topic = gk_document_lookup_topic (self->document, gk_project_topic_get_topic_id (link));
      if (topic != NULL)
        g_ptr_array_add (names, (gpointer) gk_topic_get_name (topic));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static gboolean
measure_overdue_at (GkReport  *self,
                    GkMeasure *measure)
{
  for (guint i = 0; i < self->late->len; i++)
    {
      ReportMeasure *rm = &g_array_index (self->late, ReportMeasure, i);

      if (rm->measure == measure)
        return rm->overdue;
    }
  return FALSE;
}

static void
add_measures_table (GkReport     *self,
                    GkReportFlow *flow,
                    GPtrArray    *measures,
                    const char   *project_name)
{
  GkReportTable *table;
  g_autofree char *continued = NULL;

  add_subheading (flow, _("Measures"));
  if (measures->len == 0)
    {
      add_note (flow, _("No measures yet."));
      return;
    }
  table = gk_report_flow_add_table (flow, 5);
  gk_report_table_set_column (table, 0, _("Measure"), 3.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Owner"), 1.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Status"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("Due"), 1.1, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 4, _("Progress"), 1.2, GK_CHART_ALIGN_END);
  /* Translators: %s is a focus project */
  continued = g_strdup_printf (_("Measures of %s (continued)"), project_name);
  gk_report_table_set_continued_label (table, continued);

  for (guint i = 0; i < measures->len; i++)
    {
      GkMeasure *measure = g_ptr_array_index (measures, i);
      GkMeasureStatus status = gk_measure_get_status (measure);
      const char *owner = person_name (self, gk_measure_get_owner_id (measure));
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, gk_measure_get_title (measure));
      gk_report_table_set_text (table, row, 1, owner != NULL ? owner : "–");
      gk_report_table_set_status (table, row, 2, status);
      gk_report_table_set_text (table, row, 2, gk_measure_status_label (status));
      gk_report_table_take_text (table, row, 3, format_iso_date (gk_measure_get_due_date (measure)));
      if (measure_overdue_at (self, measure))
        gk_report_table_set_style (table, row, 3, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
      if (status != GK_MEASURE_STATUS_IDEA && status != GK_MEASURE_STATUS_DROPPED)
        gk_report_table_take_text (table, row, 4,
                                   format_percent ((status == GK_MEASURE_STATUS_DONE ? 100 : gk_measure_get_progress (measure)) / 100.0));
      else
        gk_report_table_set_text (table, row, 4, "–");
    }
}

static char *
describe_progress (GPtrArray *measures)
{
  guint counted = 0, done = 0, in_progress = 0;
  double progress = 0;
  g_autofree char *average = NULL;

  for (guint i = 0; i < measures->len; i++)
    {
      GkMeasure *measure = g_ptr_array_index (measures, i);
      GkMeasureStatus status = gk_measure_get_status (measure);

      if (status == GK_MEASURE_STATUS_DROPPED)
        continue;
      counted++;
      done += status == GK_MEASURE_STATUS_DONE;
      in_progress += status == GK_MEASURE_STATUS_IN_PROGRESS;
      progress += status == GK_MEASURE_STATUS_DONE ? 100 : gk_measure_get_progress (measure);
    }
  if (counted == 0)
    return NULL;
  average = format_percent (progress / counted / 100.0);
  /* Translators: "5 of 8 measures done, 2 in progress; on average 64 % complete" */
  return g_strdup_printf (ngettext ("%u of %u measure done, %u in progress; on average %s complete",
                                    "%u of %u measures done, %u in progress; on average %s complete", counted),
                          done, counted, in_progress, average);
}

static void
add_project (GkReport       *self,
             GkReportFlow   *flow,
             GkFocusProject *project,
             guint           anchor,
             double          width,
             double          height)
{
  gint64 id = gk_record_get_id (GK_RECORD (project));
  GListModel *measures = gk_document_get_measures (self->document);
  GListModel *links = gk_document_get_indicator_projects (self->document);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_object_unref);
  GkPerson *owner = gk_document_lookup_person (self->document, gk_focus_project_get_owner_id (project));
  GkHealth health = gk_focus_project_get_health (project);
  const char *reason = gk_focus_project_get_health_reason (project);
  GkReportTable *facts;
  guint row;
  gboolean first_indicator = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      GkMeasure *measure = g_list_model_get_item (measures, i);

      if (gk_measure_get_project_id (measure) == id)
        g_ptr_array_add (own, measure);
      else
        g_object_unref (measure);
    }

  gk_report_flow_add_page_break (flow);
  gk_report_flow_add_anchor (flow, anchor);
  gk_report_flow_add_text (flow, gk_focus_project_get_name (project), GK_REPORT_FONT_HEADING,
                           GK_REPORT_INK_NORMAL, TRUE);

  facts = gk_report_flow_add_table (flow, 2);
  gk_report_table_set_plain (facts, TRUE);
  gk_report_table_set_column (facts, 0, NULL, 1.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (facts, 1, NULL, 4.0, GK_CHART_ALIGN_START);
  if (owner != NULL)
    add_fact (facts, _("Owner"), g_strdup_printf ("%s (%s)", gk_person_get_name (owner),
                                                  gk_role_label (gk_person_get_role (owner))));
  else
    {
      add_fact (facts, _("Owner"), g_strdup (_("No owner")));
      gk_report_table_set_style (facts, gk_report_table_get_n_rows (facts) - 1, 1,
                                 GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
    }
  add_fact (facts, _("Goal"), g_strdup (gk_focus_project_get_goal (project)));
  add_fact (facts, _("Chain phase"), g_strdup (gk_chain_phase_label (gk_focus_project_get_chain_phase (project))));
  add_fact (facts, _("Status"), g_strdup (gk_project_status_label (gk_focus_project_get_status (project))));
  row = gk_report_table_add_row (facts);
  gk_report_table_set_text (facts, row, 0, _("Health"));
  gk_report_table_set_style (facts, row, 0, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM);
  gk_report_table_set_chip (facts, row, 1, gk_health_chart_level (health), gk_health_label (health));
  gk_report_table_set_text (facts, row, 1, reason);
  add_fact (facts, _("Progress"), describe_progress (own));
  add_fact (facts, _("Runs"), describe_period (gk_focus_project_get_start_date (project),
                                               gk_focus_project_get_end_date (project)));
  add_fact (facts, _("Topics"), describe_topics (self, id));
  add_fact (facts, _("Money"), describe_money (project));

  add_measures_table (self, flow, own, gk_focus_project_get_name (project));

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkIndicatorProject) link = g_list_model_get_item (links, i);
      guint index;

      if (gk_indicator_project_get_project_id (link) != id)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (self->indicator_by_id,
                                                     GSIZE_TO_POINTER (gk_indicator_project_get_indicator_id (link))));
      if (index == 0 || self->charted[index - 1])
        continue;
      if (first_indicator)
        add_subheading (flow, _("Indicators"));
      add_indicator_block (self, flow, index - 1, project_indicator_chart_height (width, height), first_indicator);
      first_indicator = FALSE;
    }
}

static void
add_projects (GkReport     *self,
              GkReportFlow *flow,
              double        width,
              double        height)
{
  GListModel *projects = gk_document_get_focus_projects (self->document);
  guint n = g_list_model_get_n_items (projects);
  g_autofree char *lead = NULL;

  lead = g_strdup_printf (ngettext ("The programme narrows its work to %u focus project. Per project: its measures "
                                    "by status, and its health.",
                                    "The programme narrows its work to %u focus projects. Per project: its measures "
                                    "by status, and its health.", n), n);
  if (g_date_compare (&self->as_of, &self->printed) < 0)
    {
      g_autofree char *as_of = format_date (&self->as_of);
      g_autofree char *full = NULL;

      /* The file keeps no history of statuses, only of levels and figures.
       * Translators: the first %s is the sentence before, the second a date */
      full = g_strdup_printf (_("%s Measures show their current status; grip levels and figures stand as on %s."),
                              lead, as_of);
      g_free (lead);
      lead = g_steal_pointer (&full);
    }
  add_section (flow, SECTION_PROJECTS, _("Focus projects"), lead);
  if (n == 0)
    {
      add_note (flow, _("The programme has no focus projects yet."));
      return;
    }
  add_chart (flow, GK_CHART_KIND_PROGRESS, gk_chart_model_get_progress (self->charts), NULL, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);

      add_project (self, flow, project, N_SECTIONS + i, width, height);
    }
}

/* --- timeline -------------------------------------------------------------- */

typedef struct {
  GkTimelineChartData  data;
  GkTimelineProject   *projects;
  GkTimelineMeasure   *measures;
} TimelinePart;

static void
timeline_part_free (gpointer data)
{
  TimelinePart *part = data;

  g_free (part->projects);
  g_free (part->measures);
  g_free (part);
}

/* Lanes [first, last) of the whole timeline, on the whole range. */
static TimelinePart *
timeline_part_new (const GkTimelineChartData *all,
                   guint                      first,
                   guint                      last,
                   const GDate               *start,
                   const GDate               *end,
                   gboolean                   with_legend)
{
  TimelinePart *part = g_new0 (TimelinePart, 1);
  guint n = 0;

  part->projects = g_new0 (GkTimelineProject, MAX (last - first, 1));
  for (guint p = first; p < last; p++)
    part->projects[p - first] = all->projects[p];
  part->measures = g_new0 (GkTimelineMeasure, MAX (all->n_measures, 1));
  for (guint m = 0; m < all->n_measures; m++)
    if (all->measures[m].project >= first && all->measures[m].project < last)
      {
        part->measures[n] = all->measures[m];
        part->measures[n].project -= first;
        n++;
      }
  part->data = *all;
  part->data.projects = part->projects;
  part->data.n_projects = last - first;
  part->data.measures = part->measures;
  part->data.n_measures = n;
  part->data.start = *start;
  part->data.end = *end;
  part->data.hide_legend = !with_legend;
  return part;
}

static void
widen (GDate       *first,
       GDate       *last,
       const GDate *date)
{
  if (!g_date_valid (date))
    return;
  if (!g_date_valid (first) || g_date_compare (date, first) < 0)
    *first = *date;
  if (!g_date_valid (last) || g_date_compare (date, last) > 0)
    *last = *date;
}

/* Whole quarters around the period, as many as stay readable at the width:
 * a third of them before the period's quarter, the rest after it. */
static void
timeline_window (GkReport *self,
                 double    width,
                 GDate    *first,
                 GDate    *last)
{
  int fit = (int) MAX (4, floor (width * 0.75 / TIMELINE_QUARTER));
  GDate now = gk_period_start (GK_FREQUENCY_QUARTERLY, &self->as_of);
  GDate start, end;
  int n_quarters;

  *first = gk_period_start (GK_FREQUENCY_QUARTERLY, first);
  *last = gk_period_start (GK_FREQUENCY_QUARTERLY, last);
  n_quarters = (int) ((g_date_get_year (last) - g_date_get_year (first)) * 4 +
                      (g_date_get_month (last) - g_date_get_month (first)) / 3) + 1;
  if (n_quarters > fit)
    {
      start = gk_period_shift (GK_FREQUENCY_QUARTERLY, &now, -(fit / 3));
      if (g_date_compare (&start, first) < 0)
        start = *first;
      end = gk_period_shift (GK_FREQUENCY_QUARTERLY, &start, fit - 1);
      if (g_date_compare (&end, last) > 0)
        {
          end = *last;
          start = gk_period_shift (GK_FREQUENCY_QUARTERLY, &end, -(fit - 1));
        }
      *first = start;
      *last = end;
    }
  *last = gk_period_end (GK_FREQUENCY_QUARTERLY, last);
}

static void
add_timeline (GkReport     *self,
              GkReportFlow *flow,
              double        width,
              double        height)
{
  const GkTimelineChartData *all = gk_chart_model_get_timeline (self->charts);
  GDate first, last;
  guint lane = 0;
  double available;
  g_autofree char *as_of = format_date (&self->as_of);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *lead = NULL;

  if (all->n_projects == 0 || all->n_measures == 0)
    {
      add_section (flow, SECTION_TIMELINE, _("Timeline"), NULL);
      add_note (flow, _("No measures are planned yet."));
      return;
    }

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  widen (&first, &last, &self->as_of);
  for (guint m = 0; m < all->n_measures; m++)
    {
      widen (&first, &last, &all->measures[m].start);
      widen (&first, &last, &all->measures[m].due);
    }
  timeline_window (self, width, &first, &last);

  from = gk_format_quarter (&first, TRUE);
  to = gk_format_quarter (&last, TRUE);
  /* Translators: two quarters, "Q2 2026", and a date */
  lead = g_strdup_printf (_("The measures of every focus project from %s to %s; the blue line marks %s. "
                            "Each project's page lists all its measures."), from, to, as_of);
  add_section (flow, SECTION_TIMELINE, _("Timeline"), lead);

  /* As many lanes per page as fit; the first page also holds the heading. */
  available = height - 90;
  while (lane < all->n_projects)
    {
      guint end = lane + 1;
      TimelinePart *part = NULL;

      while (TRUE)
        {
          TimelinePart *candidate = timeline_part_new (all, lane, end, &first, &last, end == all->n_projects);

          if (part != NULL &&
              gk_timeline_chart_get_preferred_height (self->ctx, &candidate->data, width) > available)
            {
              timeline_part_free (candidate);
              end--;
              break;
            }
          g_clear_pointer (&part, timeline_part_free);
          part = candidate;
          if (end == all->n_projects)
            break;
          end++;
        }
      add_chart (flow, GK_CHART_KIND_TIMELINE, part, timeline_part_free, 0);
      lane = end;
      available = height;
    }
}

/* --- decisions and risks --------------------------------------------------- */

static const char *
journal_subject (GkReport       *self,
                 GkJournalEntry *entry)
{
  GkRecord *record = NULL;

  if (gk_journal_entry_get_measure_id (entry) != 0)
    record = GK_RECORD (gk_document_lookup_measure (self->document, gk_journal_entry_get_measure_id (entry)));
  if (record == NULL && gk_journal_entry_get_project_id (entry) != 0)
    record = GK_RECORD (gk_document_lookup_focus_project (self->document, gk_journal_entry_get_project_id (entry)));
  if (record == NULL && gk_journal_entry_get_topic_id (entry) != 0)
    record = GK_RECORD (gk_document_lookup_topic (self->document, gk_journal_entry_get_topic_id (entry)));
  if (record == NULL)
    return _("The programme");
  return gk_record_get_label (record);
}

static void
add_journal (GkReport     *self,
             GkReportFlow *flow)
{
  GkReportTable *table;
  g_autofree char *title = NULL;

  /* Translators: %s is a period, "October 2026" */
  title = g_strdup_printf (_("Decisions and risks in %s"), self->period_label);
  add_section (flow, SECTION_JOURNAL, title, NULL);
  if (self->journal->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No decisions or risks were recorded in %s."), self->period_label);

      add_note (flow, none);
      return;
    }

  table = gk_report_flow_add_table (flow, 4);
  gk_report_table_set_column (table, 0, _("Date"), 1.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Kind"), 0.9, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Entry"), 4.2, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("About"), 1.7, GK_CHART_ALIGN_START);
  gk_report_table_set_continued_label (table, _("Decisions and risks (continued)"));
  for (guint i = 0; i < self->journal->len; i++)
    {
      GkJournalEntry *entry = g_ptr_array_index (self->journal, i);
      GkJournalKind kind = gk_journal_entry_get_kind (entry);
      const char *author = gk_journal_entry_get_author (entry);
      guint row = gk_report_table_add_row (table);

      gk_report_table_take_text (table, row, 0, format_iso_date (gk_journal_entry_get_date (entry)));
      gk_report_table_set_text (table, row, 1, gk_journal_kind_label (kind));
      if (kind == GK_JOURNAL_KIND_RISK)
        gk_report_table_set_style (table, row, 1, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
      else
        gk_report_table_set_style (table, row, 1, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_NORMAL);
      if (author != NULL && *author != '\0')
        gk_report_table_take_text (table, row, 2, g_strdup_printf ("%s — %s", gk_journal_entry_get_text (entry), author));
      else
        gk_report_table_set_text (table, row, 2, gk_journal_entry_get_text (entry));
      gk_report_table_set_text (table, row, 3, journal_subject (self, entry));
    }
}

/* --- since the previous period --------------------------------------------- */

static const char *
level_or_none (GkLevel level)
{
  return level != GK_LEVEL_NONE ? gk_level_label (level) : _("Not assessed");
}

static void
add_level_changes (GkReport     *self,
                   GkReportFlow *flow)
{
  GkReportTable *table;

  add_subheading (flow, _("Grip levels that changed"));
  if (self->level_changes->len == 0)
    {
      add_note (flow, _("No topic changed its grip level."));
      return;
    }
  table = gk_report_flow_add_table (flow, 4);
  gk_report_table_set_column (table, 0, _("Topic"), 2.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, self->previous_label, 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, self->period_label, 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("Change"), 1.2, GK_CHART_ALIGN_START);
  for (guint i = 0; i < self->level_changes->len; i++)
    {
      const LevelChange *change = &g_array_index (self->level_changes, LevelChange, i);
      GkGripTrend trend = gk_grip_trend (change->before, change->now);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, change->name);
      if (change->headline)
        gk_report_table_set_style (table, row, 0, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_NORMAL);
      gk_report_table_set_chip (table, row, 1, change->before, level_or_none (change->before));
      gk_report_table_set_chip (table, row, 2, change->now, level_or_none (change->now));
      gk_report_table_set_text (table, row, 3, trend == GK_GRIP_TREND_BETTER ? _("Better")
                                               : trend == GK_GRIP_TREND_WORSE ? _("Worse") : _("Changed"));
      if (trend == GK_GRIP_TREND_WORSE)
        gk_report_table_set_style (table, row, 3, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
    }
}

static const char *
project_name_of (GkReport  *self,
                 GkMeasure *measure)
{
  GkFocusProject *project = gk_document_lookup_focus_project (self->document, gk_measure_get_project_id (measure));

  return project != NULL ? gk_focus_project_get_name (project) : "–";
}

static GkReportTable *
measure_list_table (GkReport     *self,
                    GkReportFlow *flow,
                    const char   *last_title)
{
  GkReportTable *table = gk_report_flow_add_table (flow, 4);

  gk_report_table_set_column (table, 0, _("Measure"), 2.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Focus project"), 1.8, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Owner"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, last_title, 1.9, GK_CHART_ALIGN_START);
  return table;
}

static void
fill_measure_row (GkReport      *self,
                  GkReportTable *table,
                  guint          row,
                  GkMeasure     *measure)
{
  const char *owner = person_name (self, gk_measure_get_owner_id (measure));

  gk_report_table_set_text (table, row, 0, gk_measure_get_title (measure));
  gk_report_table_set_text (table, row, 1, project_name_of (self, measure));
  gk_report_table_set_text (table, row, 2, owner != NULL ? owner : "–");
}

static void
add_completed (GkReport     *self,
               GkReportFlow *flow)
{
  GkReportTable *table;
  g_autofree char *title = NULL;

  /* Translators: %s is a period, "October 2026" */
  title = g_strdup_printf (_("Measures completed in %s"), self->period_label);
  add_subheading (flow, title);
  if (self->done_in_period->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No measures were completed in %s."), self->period_label);

      add_note (flow, none);
      return;
    }
  table = measure_list_table (self, flow, _("Done on"));
  gk_report_table_set_continued_label (table, _("Measures completed (continued)"));
  for (guint i = 0; i < self->done_in_period->len; i++)
    {
      ReportMeasure *rm = &g_array_index (self->done_in_period, ReportMeasure, i);
      guint row = gk_report_table_add_row (table);

      fill_measure_row (self, table, row, rm->measure);
      gk_report_table_take_text (table, row, 3, format_date (&rm->done));
    }
}

static void
add_late (GkReport     *self,
          GkReportFlow *flow)
{
  GkReportTable *table;

  add_subheading (flow, _("Measures overdue or done late"));
  if (self->late->len == 0)
    {
      add_note (flow, _("Every measure is on schedule."));
      return;
    }
  table = measure_list_table (self, flow, _("Due"));
  gk_report_table_set_continued_label (table, _("Measures overdue or done late (continued)"));
  for (guint i = 0; i < self->late->len; i++)
    {
      ReportMeasure *rm = &g_array_index (self->late, ReportMeasure, i);
      guint row = gk_report_table_add_row (table);
      g_autofree char *due = format_date (&rm->due);
      g_autofree char *note = rm->overdue
        ? g_strdup_printf (ngettext ("overdue by %d day", "overdue by %d days", rm->days), rm->days)
        : g_strdup_printf (ngettext ("done %d day late", "done %d days late", rm->days), rm->days);

      fill_measure_row (self, table, row, rm->measure);
      gk_report_table_take_text (table, row, 3, g_strdup_printf ("%s\n%s", due, note));
      if (rm->overdue)
        gk_report_table_set_style (table, row, 3, GK_REPORT_FONT_BODY, GK_REPORT_INK_WARNING);
    }
}

static void
add_indicator_moves (GkReport     *self,
                     GkReportFlow *flow)
{
  GkReportTable *table = NULL;

  add_subheading (flow, _("Indicators that moved a level"));
  for (guint i = 0; i < self->indicators->len; i++)
    {
      ReportIndicator *ri = &g_array_index (self->indicators, ReportIndicator, i);
      guint row;

      if (ri->level == ri->previous_level)
        continue;
      if (table == NULL)
        {
          table = gk_report_flow_add_table (flow, 4);
          gk_report_table_set_column (table, 0, _("Indicator"), 2.6, GK_CHART_ALIGN_START);
          gk_report_table_set_column (table, 1, self->previous_label, 1.4, GK_CHART_ALIGN_START);
          gk_report_table_set_column (table, 2, self->period_label, 1.4, GK_CHART_ALIGN_START);
          gk_report_table_set_column (table, 3, _("Latest figure"), 1.6, GK_CHART_ALIGN_START);
          gk_report_table_set_continued_label (table, _("Indicators that moved a level (continued)"));
        }
      row = gk_report_table_add_row (table);
      gk_report_table_set_text (table, row, 0, gk_indicator_get_name (ri->indicator));
      gk_report_table_set_chip (table, row, 1, ri->previous_level,
                                ri->previous_level != GK_LEVEL_NONE ? gk_level_label (ri->previous_level) : _("No signal"));
      gk_report_table_set_chip (table, row, 2, ri->level,
                                ri->level != GK_LEVEL_NONE ? gk_level_label (ri->level) : _("No signal"));
      gk_report_table_take_text (table, row, 3, describe_latest (ri));
    }
  if (table == NULL)
    add_note (flow, _("No indicator moved to another level."));
}

static void
add_changes (GkReport     *self,
             GkReportFlow *flow)
{
  g_autofree char *lead = NULL;

  /* Translators: both are periods: "October 2026 compared with September 2026" */
  lead = g_strdup_printf (_("%s compared with %s."), self->period_label, self->previous_label);
  gk_report_flow_add_space (flow, SECTION_SPACE);
  gk_report_flow_add_anchor (flow, SECTION_CHANGES);
  gk_report_flow_add_text (flow, _("Since the previous period"), GK_REPORT_FONT_HEADING, GK_REPORT_INK_NORMAL, TRUE);
  gk_report_flow_add_text (flow, lead, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  add_level_changes (self, flow);
  add_completed (self, flow);
  add_late (self, flow);
  add_indicator_moves (self, flow);
}

/* --- pages ----------------------------------------------------------------- */

static gboolean
summary_fits (GkReport *self,
              double    width,
              double    height)
{
  g_autoptr(GkReportFlow) summary = gk_report_flow_new ();

  add_summary (self, summary);
  return gk_report_flow_paginate (summary, self->ctx, width, height) <= 1;
}

/* The summary is one page: on a low (landscape) page it shows fewer
 * signals, then leaves out the ambition, then the contents. */
static void
fit_summary (GkReport *self,
             double    width,
             double    height)
{
  self->summary_ambition = TRUE;
  self->summary_contents = TRUE;
  for (self->max_signals = MAX_SIGNALS; self->max_signals > 3; self->max_signals--)
    if (summary_fits (self, width, height))
      return;
  self->summary_ambition = FALSE;
  if (summary_fits (self, width, height))
    return;
  self->summary_contents = FALSE;
}

static GkReportFlow *
build_flow (GkReport *self,
            double    width,
            double    height)
{
  GkReportFlow *flow = gk_report_flow_new ();

  g_free (self->charted);
  self->charted = g_new0 (gboolean, MAX (self->indicators->len, 1));
  self->indicator_table = NULL;
  self->n_project_anchors = g_list_model_get_n_items (gk_document_get_focus_projects (self->document));
  fit_summary (self, width, height);

  add_summary (self, flow);
  add_roadmap (self, flow, width);
  add_projects (self, flow, width, height);
  add_indicators (self, flow, width, height);
  add_timeline (self, flow, width, height);
  add_journal (self, flow);
  add_changes (self, flow);
  return flow;
}

/* The content area of a sheet, in chart pixels. */
static void
content_size (double  width_pt,
              double  height_pt,
              double *width,
              double *height)
{
  *width = width_pt / GK_CHART_PRINT_SCALE - 2 * MARGIN;
  *height = height_pt / GK_CHART_PRINT_SCALE - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT;
}

static GkReportFlow *
ensure_flow (GkReport *self,
             double    width_pt,
             double    height_pt)
{
  double width, height;

  if (self->flow != NULL && self->flow_width == width_pt && self->flow_height == height_pt)
    return self->flow;

  g_clear_pointer (&self->flow, gk_report_flow_free);
  content_size (width_pt, height_pt, &width, &height);
  self->flow = build_flow (self, width, height);
  self->flow_width = width_pt;
  self->flow_height = height_pt;
  gk_report_flow_paginate (self->flow, self->ctx, width, height);
  /* Page numbers are one short line: the pages stay as they are. */
  fill_indicator_pages (self);
  return self->flow;
}

guint
gk_report_get_n_pages (GkReport *self,
                       double    width_pt,
                       double    height_pt)
{
  g_return_val_if_fail (GK_IS_REPORT (self), 0);
  g_return_val_if_fail (width_pt > 100 && height_pt > 100, 0);

  return gk_report_flow_get_n_pages (ensure_flow (self, width_pt, height_pt));
}

/* Of the anchors first..first+n-1: the one at the top of @page, or else
 * the last that started before it (the page continues it), or else the
 * first on the page; -1 if none. */
static int
anchor_at_page (GkReport *self,
                guint     first,
                guint     n,
                guint     page)
{
  int before = -1, on_page = -1;

  for (guint a = first; a < first + n; a++)
    {
      int anchor_page = gk_report_flow_get_anchor_page (self->flow, a);

      if (anchor_page == (int) page && gk_report_flow_get_anchor_at_top (self->flow, a))
        return (int) a;
      if (anchor_page == (int) page && on_page < 0)
        on_page = (int) a;
      if (anchor_page >= 0 && anchor_page < (int) page &&
          (before < 0 || anchor_page >= gk_report_flow_get_anchor_page (self->flow, before)))
        before = (int) a;
    }
  return before >= 0 ? before : on_page;
}

/* The running head: the section, or the focus project, a page belongs to. */
static char *
page_context (GkReport *self,
              guint     page)
{
  int section = anchor_at_page (self, 0, N_SECTIONS, page);
  GListModel *projects = gk_document_get_focus_projects (self->document);

  if (section < 0)
    return NULL;
  if (section == SECTION_PROJECTS)
    {
      int anchor = anchor_at_page (self, N_SECTIONS, self->n_project_anchors, page);

      if (anchor >= 0 &&
          gk_report_flow_get_anchor_page (self->flow, anchor) >=
          gk_report_flow_get_anchor_page (self->flow, SECTION_PROJECTS))
        {
          g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, anchor - N_SECTIONS);

          if (project != NULL)
            /* Translators: the running head of a project's pages */
            return g_strdup_printf (_("Focus project: %s"), gk_focus_project_get_name (project));
        }
    }
  return g_strdup (section_title (section));
}

static void
draw_header_and_footer (GkReport *self,
                        guint     page_nr,
                        guint     n_pages,
                        double    width,
                        double    height)
{
  GkChartContext *ctx = self->ctx;
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GkProgramme *programme = gk_document_get_programme (self->document);
  double inner = width - 2 * MARGIN;
  double footer_y = height - MARGIN - gk_report_text_height (ctx, "Ag", GK_REPORT_FONT_SMALL, -1, 0);
  g_autofree char *right = NULL;
  g_autofree char *page = NULL;
  g_autofree char *printed_on = format_date (&self->printed);
  g_autofree char *printed = NULL;
  g_autofree char *context = page_context (self, page_nr);
  double title_width;

  /* Translators: the top right of every page; %s is a period */
  right = g_strdup_printf (_("Progress report %s"), self->period_label);
  title_width = inner - gk_report_text_width (ctx, right, GK_REPORT_FONT_SMALL) - 24;
  gk_report_draw_text (ctx, programme_title (self), GK_REPORT_FONT_SMALL_BOLD, GK_REPORT_INK_NORMAL,
                       MARGIN, MARGIN, title_width, GK_CHART_ALIGN_START, 1);
  if (programme != NULL)
    gk_report_draw_text (ctx, gk_programme_get_municipality (programme), GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                         MARGIN, MARGIN + 15, title_width, GK_CHART_ALIGN_START, 1);
  gk_report_draw_text (ctx, right, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                       MARGIN, MARGIN, inner, GK_CHART_ALIGN_END, 1);
  gk_report_draw_text (ctx, context, GK_REPORT_FONT_SMALL_BOLD, GK_REPORT_INK_DIM,
                       width - MARGIN - inner * 0.55, MARGIN + 15, inner * 0.55, GK_CHART_ALIGN_END, 1);
  gk_chart_set_source (cr, &palette->grid, 1);
  gk_chart_hline (cr, MARGIN, width - MARGIN, MARGIN + HEADER_HEIGHT - 14, 1);

  gk_chart_hline (cr, MARGIN, width - MARGIN, footer_y - 8, 1);
  /* Translators: in the footer of every page; %s is a date */
  printed = g_strdup_printf (_("Printed on %s"), printed_on);
  gk_report_draw_text (ctx, printed, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                       MARGIN, footer_y, inner, GK_CHART_ALIGN_START, 1);
  /* Translators: in the footer of every page: "Page 2 of 12" */
  page = g_strdup_printf (_("Page %u of %u"), page_nr + 1, n_pages);
  gk_report_draw_text (ctx, page, GK_REPORT_FONT_SMALL, GK_REPORT_INK_NORMAL,
                       MARGIN, footer_y, inner, GK_CHART_ALIGN_END, 1);
}

void
gk_report_draw_page (GkReport *self,
                     guint     page_nr,
                     cairo_t  *cr,
                     double    width_pt,
                     double    height_pt)
{
  GkReportFlow *flow;
  double width = width_pt / GK_CHART_PRINT_SCALE;
  double height = height_pt / GK_CHART_PRINT_SCALE;
  GkChartRect sheet = { 0, 0, width, height };

  g_return_if_fail (GK_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width_pt > 100 && height_pt > 100);

  flow = ensure_flow (self, width_pt, height_pt);
  g_return_if_fail (page_nr < gk_report_flow_get_n_pages (flow));

  cairo_save (cr);
  cairo_scale (cr, GK_CHART_PRINT_SCALE, GK_CHART_PRINT_SCALE);
  gk_chart_context_begin (self->ctx, cr);
  gk_chart_context_paint_background (self->ctx, &sheet);
  draw_header_and_footer (self, page_nr, gk_report_flow_get_n_pages (flow), width, height);
  gk_report_flow_draw_page (flow, page_nr, self->ctx, MARGIN, MARGIN + HEADER_HEIGHT);
  gk_chart_context_end (self->ctx);
  cairo_restore (cr);
}

/* --- PDF ------------------------------------------------------------------- */

typedef struct {
  int fd;
  int error;      /* the first errno, 0 if none */
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno != EINTR)
            sink->error = errno;
          continue;
        }
      data += written;
      length -= written;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (GkReport        *self,
              cairo_surface_t *surface)
{
  g_autofree char *title = NULL;
  gint64 seconds;

  /* Translators: the title of the PDF; a period, then the programme */
  title = g_strdup_printf (_("Progress report %s – %s"), self->period_label, programme_title (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gripkaart");
  if (gk_document_get_programme (self->document) != NULL &&
      *gk_programme_get_municipality (gk_document_get_programme (self->document)) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    gk_programme_get_municipality (gk_document_get_programme (self->document)));

  /* Without this cairo stamps the current time: no two files would match. */
  if (source_date_epoch (&seconds))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
      g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
    }
}

static void
add_indicator_outline (GkReport        *self,
                       cairo_surface_t *surface,
                       int              parent)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      ReportIndicator *ri = &g_array_index (self->indicators, ReportIndicator, i);
      int page = gk_report_flow_get_anchor_page (self->flow, indicator_anchor (self, i));
      g_autofree char *link = NULL;

      if (page < 0)
        continue;
      link = g_strdup_printf ("page=%d", page + 1);
      cairo_pdf_surface_add_outline (surface, parent, gk_indicator_get_name (ri->indicator), link, 0);
    }
}

static void
add_outline (GkReport        *self,
             cairo_surface_t *surface)
{
  GListModel *projects = gk_document_get_focus_projects (self->document);

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      int page = gk_report_flow_get_anchor_page (self->flow, s);
      g_autofree char *link = NULL;
      int id;

      if (page < 0)
        continue;
      link = g_strdup_printf ("page=%d", page + 1);
      id = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section_title (s), link, 0);
      if (s == SECTION_INDICATORS)
        add_indicator_outline (self, surface, id);
      if (s != SECTION_PROJECTS)
        continue;
      for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
        {
          g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, p);
          int project_page = gk_report_flow_get_anchor_page (self->flow, N_SECTIONS + p);
          g_autofree char *project_link = NULL;

          if (project_page < 0)
            continue;
          project_link = g_strdup_printf ("page=%d", project_page + 1);
          cairo_pdf_surface_add_outline (surface, id, gk_focus_project_get_name (project), project_link, 0);
        }
    }
}

static cairo_status_t
render_pdf (GkReport *self,
            Sink     *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  gk_report_paper_get_size (self->paper, self->orientation, &width, &height);
  n_pages = gk_report_get_n_pages (self, width, height);

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, width, height);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      gk_report_draw_page (self, page, cr, width, height);
      cairo_show_page (cr);
    }
  add_outline (self, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
gk_report_export_pdf (GkReport    *self,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *name = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (GK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  name = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  sink.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file name, then the reason */
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  status = render_pdf (self, &sink);
  if (sink.error == 0 && status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.error = errno;
  if (close (sink.fd) != 0 && sink.error == 0)
    sink.error = errno;
  if (sink.error == 0 && status == CAIRO_STATUS_SUCCESS && g_rename (temp, path) != 0)
    sink.error = errno;

  if (sink.error != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      if (sink.error != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.error),
                     _("Could not write “%s”: %s"), name, g_strerror (sink.error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
