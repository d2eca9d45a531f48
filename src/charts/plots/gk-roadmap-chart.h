/* gk-roadmap-chart.h: topics x periods, coloured by grip level
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef struct {
  GDate   start;         /* first day of the period */
  GDate   end;           /* last day of the period */
  GkLevel headline;      /* the programme's headline level in the period */
} GkRoadmapPeriod;

typedef struct {
  const char    *name;
  const GkLevel *levels;        /* n_periods values: the level that holds in each period */
  GkLevel        target_level;  /* GK_LEVEL_NONE: no target */
  GDate          target_date;   /* unset: no target flag */
} GkRoadmapTopic;

typedef struct {
  GkFrequency            frequency;      /* monthly or quarterly: how periods are labelled */
  const GkRoadmapPeriod *periods;        /* in order, one column each */
  guint                  n_periods;
  const GkRoadmapTopic  *topics;         /* in order, one row each */
  guint                  n_topics;
  gboolean               hide_headline;  /* leave out the headline row */
  gboolean               hide_legend;
  /* A column right of the cells with each topic's target flag and month,
   * for targets beyond the periods shown (they get no flag in the cells). */
  gboolean               show_target_column;
} GkRoadmapChartData;

void   gk_roadmap_chart_draw                 (GkChartContext           *ctx,
                                              const GkRoadmapChartData *data,
                                              const GkChartRect        *area);
/* The height that shows every row at a comfortable size. */
double gk_roadmap_chart_get_preferred_height (GkChartContext           *ctx,
                                              const GkRoadmapChartData *data,
                                              double                    width);

G_END_DECLS
