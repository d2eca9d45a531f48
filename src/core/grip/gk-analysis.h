/* gk-analysis.h: the grip engine applied to a whole document
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grip engine (gk-grip, gk-attention) works on plain structs and knows
 * nothing of the project file. A GkAnalysis fills those structs from a
 * GkDocument once, for one "today", and keeps the results: each topic's
 * assessed and signalled level, divergence and suggestion, each indicator's
 * signal, progress and forecast, the headline level with its trend, and the
 * attention signals. Overview, charts, report and `--check` all read it, so
 * the rules are applied in one place.
 */
#pragma once

#include "gk-attention.h"
#include "gk-document.h"
#include "gk-grip.h"

G_BEGIN_DECLS

typedef struct {
  GkTopic *topic;            /* borrowed from the document */
  GkLevel  assessed;         /* latest assessment on or before today; NONE if none */
  GDate    assessed_on;      /* unset when not assessed */
  GkLevel  signalled;        /* most serious signal of its indicators; NONE if none */
  gboolean diverges;         /* assessed and signalled both set and different */
  GkLevel  suggested;        /* NONE: no change to suggest */
} GkTopicGrip;

typedef struct {
  GkIndicator     *indicator;  /* borrowed from the document */
  GkGripIndicator  input;      /* what the engine saw; measurements oldest first */
  GkLevel          signalled;
  gboolean         has_progress;
  double           progress;   /* 0..1 */
  GkForecast       forecast;
} GkIndicatorGrip;

#define GK_TYPE_ANALYSIS (gk_analysis_get_type ())

G_DECLARE_FINAL_TYPE (GkAnalysis, gk_analysis, GK, ANALYSIS, GObject)

GkAnalysis            *gk_analysis_new                 (GkDocument  *document,
                                                        const GDate *today);
const GDate           *gk_analysis_get_today           (GkAnalysis  *self);

guint                  gk_analysis_get_n_topics        (GkAnalysis  *self);
const GkTopicGrip     *gk_analysis_get_topic           (GkAnalysis  *self,
                                                        guint        position);
const GkTopicGrip     *gk_analysis_lookup_topic        (GkAnalysis  *self,
                                                        gint64       topic_id);

guint                  gk_analysis_get_n_indicators    (GkAnalysis  *self);
const GkIndicatorGrip *gk_analysis_get_indicator       (GkAnalysis  *self,
                                                        guint        position);
const GkIndicatorGrip *gk_analysis_lookup_indicator    (GkAnalysis  *self,
                                                        gint64       indicator_id);

/* The headline level now, and at the end of the previous review period. */
GkLevel                gk_analysis_get_headline        (GkAnalysis  *self);
GkLevel                gk_analysis_get_previous_headline (GkAnalysis *self);
GkGripTrend            gk_analysis_get_trend           (GkAnalysis  *self);
GkHeadlineRule         gk_analysis_get_headline_rule   (GkAnalysis  *self);
/* The date of the latest assessment of any topic; unset if none. */
const GDate           *gk_analysis_get_latest_assessment_date (GkAnalysis *self);

/* Levels as they stood on @date (for the roadmap history). */
GkLevel                gk_analysis_topic_level_on      (GkAnalysis  *self,
                                                        guint        position,
                                                        const GDate *date);
GkLevel                gk_analysis_headline_on         (GkAnalysis  *self,
                                                        const GDate *date);

/* GkAttentionSignal items, most severe first. */
GPtrArray             *gk_analysis_get_signals         (GkAnalysis  *self);

G_END_DECLS
