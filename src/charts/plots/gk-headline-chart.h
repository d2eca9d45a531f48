/* gk-headline-chart.h: the programme's one grip level, as a banner
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef struct {
  GkLevel     level;              /* the current headline level; NONE: not assessed */
  GkLevel     previous_level;     /* in the previous period; NONE: unknown, no trend */
  GDate       latest_assessment;  /* date of the latest assessment; unset: none */
  const char *period_label;       /* optional, e.g. "Q3 2026" */
} GkHeadlineChartData;

void   gk_headline_chart_draw                 (GkChartContext            *ctx,
                                               const GkHeadlineChartData *data,
                                               const GkChartRect         *area);
double gk_headline_chart_get_preferred_height (GkChartContext            *ctx,
                                               const GkHeadlineChartData *data,
                                               double                     width);

G_END_DECLS
