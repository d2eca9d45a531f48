/* gk-coverage-chart.h: per topic its level and the measures aimed at it
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  GkLevel     level;                           /* its current level */
  guint       counts[GK_MEASURE_STATUS_COUNT]; /* measures aimed at it, by GkMeasureStatus */
} GkCoverageTopic;

typedef struct {
  const GkCoverageTopic *topics;               /* one row each, in order */
  guint                  n_topics;
  gboolean               hide_legend;
} GkCoverageChartData;

void   gk_coverage_chart_draw                 (GkChartContext            *ctx,
                                               const GkCoverageChartData *data,
                                               const GkChartRect         *area);
double gk_coverage_chart_get_preferred_height (GkChartContext            *ctx,
                                               const GkCoverageChartData *data,
                                               double                     width);

G_END_DECLS
