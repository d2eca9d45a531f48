/* gk-progress-chart.h: per focus project its measures by status, and health
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const char *owner;                           /* optional */
  GkHealth    health;
  guint       counts[GK_MEASURE_STATUS_COUNT]; /* its measures, by GkMeasureStatus */
} GkProgressProject;

typedef struct {
  const GkProgressProject *projects;           /* one row each, in order */
  guint                    n_projects;
  gboolean                 hide_legend;
} GkProgressChartData;

void   gk_progress_chart_draw                 (GkChartContext            *ctx,
                                               const GkProgressChartData *data,
                                               const GkChartRect         *area);
double gk_progress_chart_get_preferred_height (GkChartContext            *ctx,
                                               const GkProgressChartData *data,
                                               double                     width);

/* The level whose colours a health borrows: on track is In control. */
GkLevel gk_health_chart_level                 (GkHealth                   health);

G_END_DECLS
