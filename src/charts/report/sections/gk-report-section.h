/* gk-report-section.h: what the sections of the report share
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report (gk-report.c) gathers its facts once and then, for each sheet
 * size, asks every section to add its headings, tables and charts to one
 * GkReportFlow, which gk-report-layout breaks into pages. A section reads
 * the facts (gk-report-facts, in core) and the chart model, and writes
 * nothing but blocks; what the sections need of each other (the indicator
 * blocks, the page each indicator's chart landed on) is declared here too.
 *
 * Internal to the report: not for other callers.
 */
#pragma once

#include "gk-chart-model.h"
#include "gk-report-facts.h"
#include "gk-report-layout.h"

G_BEGIN_DECLS

/* The anchors of the sections, in the order of the report; after them one
 * anchor per focus project, then one per indicator. */
enum {
  GK_REPORT_SECTION_SUMMARY,
  GK_REPORT_SECTION_ROADMAP,
  GK_REPORT_SECTION_PROJECTS,
  GK_REPORT_SECTION_INDICATORS,
  GK_REPORT_SECTION_TIMELINE,
  GK_REPORT_SECTION_JOURNAL,
  GK_REPORT_SECTION_CHANGES,
  GK_REPORT_N_SECTIONS,
};

#define GK_REPORT_SECTION_SPACE 22.0

/* What the sections read and note while the flow of one sheet is built. */
typedef struct {
  /* the report's, for as long as it lives */
  GkReportFacts        *facts;
  GkDocument           *document;           /* the facts' */
  GkAnalysis           *analysis;           /* the facts' */
  GkChartModel         *charts;
  GkChartContext       *ctx;                /* measures while the flow is built */
  GDate                 printed;
  GkHeadlineChartData   headline;
  GkIndicatorChartData *indicator_charts;   /* by indicator of the facts, cut off at as_of */
  GkProgressChartData   progress;           /* the projects as they stood at as_of */
  GkProgressProject    *progress_rows;      /* owned: progress.projects */

  /* the flow of one sheet size */
  GkReportFlow         *flow;               /* once paginated: the contents read its pages */
  gboolean             *charted;            /* by indicator: its chart is in the flow */
  GkReportTable        *indicator_table;    /* its last column gets the pages of the charts */
  GkReportTable        *project_table;      /* its last column gets the pages of the projects */
  guint                 n_project_anchors;
  guint                 max_signals;        /* as many as leave the summary on one page */
  gboolean              summary_ambition;   /* the summary has room for the ambition */
  gboolean              summary_contents;   /* and for the contents */
} GkReportBuilder;

/* ---- anchors and titles ------------------------------------------------- */
const char *gk_report_section_title        (guint            section);
guint       gk_report_project_anchor       (GkReportBuilder *b,
                                            guint            project);
guint       gk_report_indicator_anchor     (GkReportBuilder *b,
                                            guint            indicator);

/* ---- blocks every section uses ------------------------------------------ */
/* A new page that starts with the section's heading and its lead. */
void        gk_report_add_section_heading  (GkReportFlow    *flow,
                                            guint            anchor,
                                            const char      *title,
                                            const char      *lead);
void        gk_report_add_subheading       (GkReportFlow    *flow,
                                            const char      *title);
void        gk_report_add_note             (GkReportFlow    *flow,
                                            const char      *text);
/* A chart of @kind drawing @data; @free_data (may be NULL) frees it with
 * the flow. @height 0: the chart's preferred height. */
void        gk_report_add_chart            (GkReportFlow    *flow,
                                            GkChartKind      kind,
                                            gconstpointer    data,
                                            GDestroyNotify   free_data,
                                            double           height);

/* ---- words and numbers -------------------------------------------------- */
char       *gk_report_format_date          (const GDate     *date);
char       *gk_report_format_iso_date      (const char      *iso);
char       *gk_report_format_percent       (double           fraction);
const char *gk_report_person_name          (GkReportBuilder *b,
                                            gint64           person_id);
const char *gk_report_programme_title      (GkReportBuilder *b);
const char *gk_report_level_or_none        (GkLevel          level);
/* "12 weeks (Oct 2026)", or "No figures yet". */
char       *gk_report_describe_latest      (GkReportBuilder *b,
                                            guint            indicator);

/* ---- the sections, in the order of the report ---------------------------- */
/* How much the summary can hold and stay on one page of @width x @height. */
void        gk_report_fit_summary          (GkReportBuilder *b,
                                            double           width,
                                            double           height);
void        gk_report_add_summary          (GkReportBuilder *b,
                                            GkReportFlow    *flow);
void        gk_report_add_roadmap          (GkReportBuilder *b,
                                            GkReportFlow    *flow,
                                            double           width);
void        gk_report_add_projects         (GkReportBuilder *b,
                                            GkReportFlow    *flow,
                                            double           width,
                                            double           height);
void        gk_report_add_indicators       (GkReportBuilder *b,
                                            GkReportFlow    *flow,
                                            double           width,
                                            double           height);
void        gk_report_add_timeline         (GkReportBuilder *b,
                                            GkReportFlow    *flow,
                                            double           width,
                                            double           height);
void        gk_report_add_journal          (GkReportBuilder *b,
                                            GkReportFlow    *flow);
void        gk_report_add_changes          (GkReportBuilder *b,
                                            GkReportFlow    *flow);

/* After pagination: the projects' overview's last column, each one's page. */
void        gk_report_fill_project_pages   (GkReportBuilder *b);
/* The progress chart's data true to the period: each project's health and
 * its measures by status at as_of (b->progress, b->progress_rows). */
void        gk_report_init_progress        (GkReportBuilder *b);

/* ---- indicators, shared by their section and the projects' pages -------- */
/* The chart of each indicator of the facts, from the chart model, as it
 * stood at as_of. */
GkIndicatorChartData *gk_report_indicator_charts_new (GkReportFacts *facts,
                                                      GkChartModel  *charts);
/* Indicator blocks stand side by side on wide sheets, this far apart. */
#define GK_REPORT_MAX_INDICATOR_COLUMNS 2
#define GK_REPORT_INDICATOR_COLUMN_GAP  28.0
guint       gk_report_indicator_columns    (double           width);
double      gk_report_indicator_column_width (double         width);
/* The name, figures and chart of each of @indicators, in rows of
 * gk_report_indicator_columns(); marks them charted. */
void        gk_report_add_indicator_blocks (GkReportBuilder *b,
                                            GkReportFlow    *flow,
                                            const guint     *indicators,
                                            guint            n_indicators,
                                            double           width,
                                            double           chart_height,
                                            gboolean         after_heading);
/* After pagination: the overview's last column, the page of each chart. */
void        gk_report_fill_indicator_pages (GkReportBuilder *b);

G_END_DECLS
