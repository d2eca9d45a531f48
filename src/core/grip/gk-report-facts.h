/* gk-report-facts.h: what the progress report says about one period
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A progress report is about one reporting period (a month or a quarter)
 * compared with the one before it. Its facts are domain facts, not layout:
 * the headline and topic levels then and before, each indicator as it stood
 * (its figures up to the period's end, signal, progress and forecast), the
 * measures done in the period, those overdue at its end or done late, the
 * decisions and risks recorded in it, and the counts of the summary.
 *
 * Everything stands "as of" the period's last day, or the analysis' today
 * for a period that is not over yet: later measurements, assessments and
 * completions are left out, so the same file gives the same facts whenever
 * they are gathered. The charts layer lays these facts out (gk-report.c).
 */
#pragma once

#include "gk-analysis.h"
#include "gk-period-state.h"

G_BEGIN_DECLS

/* An indicator at the end of the period. */
typedef struct {
  GkIndicator             *indicator;       /* borrowed from the document */
  GkGripIndicator          input;           /* as the analysis saw it, measurements up to as_of */
  const GkGripMeasurement *latest;          /* NULL: no figure yet */
  GkLevel                  level;           /* the signal at as_of */
  GkLevel                  previous_level;  /* the signal at the previous period's end */
  gboolean                 has_progress;
  double                   progress;        /* 0..1 */
  GkForecast               forecast;
} GkReportIndicator;

/* A measure of the period: done in it, overdue at its end, or done late. */
typedef struct {
  GkMeasure *measure;                       /* borrowed from the document */
  GDate      due;                           /* unset when it has none */
  GDate      done;                          /* unset when it has none */
  int        days;                          /* overdue by, or late by */
  gboolean   overdue;                       /* else done late */
} GkReportMeasure;

/* A grip level that differs between the two periods' ends. */
typedef struct {
  GkTopic  *topic;                          /* borrowed; NULL for the headline grip level */
  GkLevel   before;
  GkLevel   now;
} GkReportLevelChange;

/* A measure whose status moved between the two periods' ends. */
typedef struct {
  GkMeasure       *measure;                 /* borrowed */
  GkMeasureStatus  before;
  GkMeasureStatus  now;
  gboolean         existed_before;          /* FALSE: new in the period */
} GkReportStatusChange;

/* An active project whose health turned between the two periods' ends. */
typedef struct {
  GkFocusProject  *project;                 /* borrowed */
  GkHealth         before;
  GkHealth         now;
} GkReportHealthChange;

/* The numbers of the summary. */
typedef struct {
  guint topics_by_level[GK_LEVEL_IN_CONTROL + 1];       /* at as_of */
  guint indicators_by_level[GK_LEVEL_IN_CONTROL + 1];   /* signals at as_of; NONE: no signal */
  guint active_projects;
  guint projects_at_risk;                   /* active ones */
  guint projects_off_track;                 /* active ones */
  guint measures;                           /* all but the dropped ones */
  guint measures_done;                      /* done by as_of */
  guint measures_overdue;                   /* at as_of */
} GkReportCounts;

#define GK_TYPE_REPORT_FACTS (gk_report_facts_get_type ())

G_DECLARE_FINAL_TYPE (GkReportFacts, gk_report_facts, GK, REPORT_FACTS, GObject)

/* The facts of the @frequency period that contains @period_date, as @analysis
 * judges @document; the analysis' today cuts off a period not yet over. */
GkReportFacts             *gk_report_facts_new                (GkDocument    *document,
                                                               GkAnalysis    *analysis,
                                                               GkFrequency    frequency,
                                                               const GDate   *period_date);

GkDocument                *gk_report_facts_get_document       (GkReportFacts *self);
GkAnalysis                *gk_report_facts_get_analysis       (GkReportFacts *self);

GkFrequency                gk_report_facts_get_frequency      (GkReportFacts *self);
const GDate               *gk_report_facts_get_period_start   (GkReportFacts *self);
const GDate               *gk_report_facts_get_period_end     (GkReportFacts *self);
const GDate               *gk_report_facts_get_previous_start (GkReportFacts *self);
const GDate               *gk_report_facts_get_previous_end   (GkReportFacts *self);
/* The day the figures stand on: the period's last day, or today. */
const GDate               *gk_report_facts_get_as_of          (GkReportFacts *self);
/* "October 2026", "Q3 2026"; and the period before. */
const char                *gk_report_facts_get_period_label   (GkReportFacts *self);
const char                *gk_report_facts_get_previous_label (GkReportFacts *self);

/* The headline grip level at as_of and at the previous period's end. */
GkLevel                    gk_report_facts_get_headline       (GkReportFacts *self);
GkLevel                    gk_report_facts_get_previous_headline (GkReportFacts *self);

/* Every indicator, in the document's order. */
guint                      gk_report_facts_get_n_indicators   (GkReportFacts *self);
const GkReportIndicator   *gk_report_facts_get_indicator      (GkReportFacts *self,
                                                               guint          index);
/* The index of the indicator with @indicator_id, or -1. */
int                        gk_report_facts_find_indicator     (GkReportFacts *self,
                                                               gint64         indicator_id);

/* The headline first (when it changed), then the topics in order. */
guint                      gk_report_facts_get_n_level_changes (GkReportFacts *self);
const GkReportLevelChange *gk_report_facts_get_level_change   (GkReportFacts *self,
                                                               guint          index);

/* Done from the period's start to as_of, by the day they were done. */
guint                      gk_report_facts_get_n_done         (GkReportFacts *self);
const GkReportMeasure     *gk_report_facts_get_done           (GkReportFacts *self,
                                                               guint          index);
/* Overdue at as_of, or done late in the period, by due date. */
guint                      gk_report_facts_get_n_late         (GkReportFacts *self);
const GkReportMeasure     *gk_report_facts_get_late           (GkReportFacts *self,
                                                               guint          index);
gboolean                   gk_report_facts_is_overdue         (GkReportFacts *self,
                                                               GkMeasure     *measure);

/* GkJournalEntry: the decisions and risks dated in the period up to as_of,
 * oldest first. */
GPtrArray                 *gk_report_facts_get_journal        (GkReportFacts *self);

const GkReportCounts      *gk_report_facts_get_counts         (GkReportFacts *self);

/* Measures and projects as they stood at as_of and at the previous
 * period's end (NULL when there was none). */
GkPeriodState             *gk_report_facts_get_state          (GkReportFacts *self);
GkPeriodState             *gk_report_facts_get_previous_state (GkReportFacts *self);
/* FALSE when the file's history does not reach back to the periods: the
 * statuses are then today's, and the report must say so. */
gboolean                   gk_report_facts_history_known      (GkReportFacts *self);

/* Since the previous period, in the document's order; empty when the
 * history does not know. */
guint                      gk_report_facts_get_n_status_changes (GkReportFacts *self);
const GkReportStatusChange *gk_report_facts_get_status_change (GkReportFacts *self,
                                                               guint          index);
guint                      gk_report_facts_get_n_health_changes (GkReportFacts *self);
const GkReportHealthChange *gk_report_facts_get_health_change (GkReportFacts *self,
                                                               guint          index);

G_END_DECLS
