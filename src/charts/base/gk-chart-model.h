/* gk-chart-model.h: the chart inputs of one programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderers draw plain structs; this object fills them from the model
 * (GkDocument) and what the grip engine made of it (GkAnalysis), and owns
 * the memory they point into. Screen widgets, the command-line export and
 * the report all draw from it, so a chart looks the same everywhere.
 */
#pragma once

#include "gk-analysis.h"
#include "gk-coverage-chart.h"
#include "gk-headline-chart.h"
#include "gk-indicator-chart.h"
#include "gk-progress-chart.h"
#include "gk-roadmap-chart.h"
#include "gk-timeline-chart.h"

G_BEGIN_DECLS

typedef enum {
  GK_CHART_KIND_ROADMAP,
  GK_CHART_KIND_HEADLINE,
  GK_CHART_KIND_INDICATOR,
  GK_CHART_KIND_TIMELINE,
  GK_CHART_KIND_PROGRESS,
  GK_CHART_KIND_COVERAGE,
} GkChartKind;

/* "roadmap", "banner", "indicator", "timeline", "progress", "coverage" */
gboolean    gk_chart_kind_from_name (const char  *name,
                                     GkChartKind *out_kind);
const char *gk_chart_kind_to_name   (GkChartKind  kind);

#define GK_TYPE_CHART_MODEL (gk_chart_model_get_type ())

G_DECLARE_FINAL_TYPE (GkChartModel, gk_chart_model, GK, CHART_MODEL, GObject)

/* The roadmap runs over the months (or quarters) from the first assessment
 * (at most @max_periods back) up to the month of the analysis' today. */
GkChartModel               *gk_chart_model_new            (GkDocument   *document,
                                                           GkAnalysis   *analysis,
                                                           GkFrequency   roadmap_frequency,
                                                           guint         max_periods);

GkDocument                 *gk_chart_model_get_document   (GkChartModel *self);
GkAnalysis                 *gk_chart_model_get_analysis   (GkChartModel *self);
/* The day the charts mark as today (the today line, overdue bars, what
 * lies in the future): the analysis' today unless set. Charts never read
 * the clock; the session's clock sets this. */
void                        gk_chart_model_set_today      (GkChartModel *self,
                                                           const GDate  *today);
const GDate                *gk_chart_model_get_today      (GkChartModel *self);

const GkRoadmapChartData   *gk_chart_model_get_roadmap    (GkChartModel *self);
const GkHeadlineChartData  *gk_chart_model_get_headline   (GkChartModel *self);
const GkTimelineChartData  *gk_chart_model_get_timeline   (GkChartModel *self);
const GkProgressChartData  *gk_chart_model_get_progress   (GkChartModel *self);
const GkCoverageChartData  *gk_chart_model_get_coverage   (GkChartModel *self);

/* One chart per indicator, in the document's order when the model was
 * made. Like every chart input these are a snapshot: an indicator added to
 * or removed from the document since is not, or still, among them. */
guint                       gk_chart_model_get_n_indicators  (GkChartModel *self);
const GkIndicatorChartData *gk_chart_model_get_indicator     (GkChartModel *self,
                                                              guint         position);
GkIndicator                *gk_chart_model_get_indicator_record (GkChartModel *self,
                                                                 guint         position);
/* Position of the indicator named @name (case-insensitive), or -1. */
int                         gk_chart_model_find_indicator    (GkChartModel *self,
                                                              const char   *name);
/* Position of the indicator with @id, or -1. */
int                         gk_chart_model_lookup_indicator  (GkChartModel *self,
                                                              gint64        id);

/* Draws chart @kind (for indicators the one at @indicator) into @area,
 * with the model's today. */
void                        gk_chart_model_draw              (GkChartModel      *self,
                                                              GkChartKind        kind,
                                                              guint              indicator,
                                                              GkChartContext    *ctx,
                                                              const GkChartRect *area);
/* The height chart @kind wants at @width; 0 when any height will do. */
double                      gk_chart_model_get_preferred_height (GkChartModel   *self,
                                                              GkChartKind        kind,
                                                              guint              indicator,
                                                              GkChartContext    *ctx,
                                                              double             width);

/* What the rows, lanes and bars are, for tooltips and navigation. */
GkTopic                    *gk_chart_model_get_roadmap_topic   (GkChartModel *self,
                                                                guint         row);
GkFocusProject             *gk_chart_model_get_timeline_project (GkChartModel *self,
                                                                 guint         lane);
GkMeasure                  *gk_chart_model_get_timeline_measure (GkChartModel *self,
                                                                 guint         index);

G_END_DECLS
