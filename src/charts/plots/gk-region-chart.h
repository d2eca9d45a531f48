/* gk-region-chart.h: one indicator that several municipalities share
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of each member per period, on one scale. Up to
 * GK_REGION_CHART_MAX_LINES members get a line each, in colours told apart
 * by the legend; more (a province, the country) would be a tangle, so the
 * chart then draws the region's range per period (lowest to highest) and
 * its median. The last GK_REGION_CHART_MAX_PERIODS periods are shown.
 */
#pragma once

#include "gk-chart-common.h"
#include "gk-region.h"

G_BEGIN_DECLS

#define GK_REGION_CHART_MAX_LINES   8
#define GK_REGION_CHART_MAX_PERIODS 24

/* The height the chart wants at width (its legend wraps). */
double gk_region_chart_get_height (GkChartContext       *ctx,
                                   const GkRegionShared *shared,
                                   double                width);
void   gk_region_chart_draw       (GkChartContext       *ctx,
                                   const GkRegionShared *shared,
                                   const GkChartRect    *area);

G_END_DECLS
