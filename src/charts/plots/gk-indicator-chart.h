/* gk-indicator-chart.h: a KPI over time against its signal values
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef struct {
  GDate       date;       /* the period date of the measurement */
  double      value;
  const char *note;       /* may be NULL; shown in the tooltip, not drawn */
} GkIndicatorPoint;

typedef struct {
  GkUnit                  unit;
  const char             *unit_label;        /* optional, shown on the axis for GK_UNIT_OTHER */
  GkDirection             direction;

  /* Bands: signal_serious is the boundary between Serious and Vigilant,
   * signal_in_control between Vigilant and In control. */
  gboolean                has_signals;
  double                  signal_serious;
  double                  signal_in_control;

  gboolean                has_baseline;
  double                  baseline_value;
  GDate                   baseline_date;     /* may be unset */

  gboolean                has_target;
  double                  target_value;
  GDate                   target_date;       /* may be unset */

  /* The forecast as a line from one point to another (the engine's trend,
   * usually from the latest measurement to the target date). */
  gboolean                has_forecast;
  GDate                   forecast_from_date;
  double                  forecast_from_value;
  GDate                   forecast_to_date;
  double                  forecast_to_value;

  const GkIndicatorPoint *points;            /* sorted by date */
  guint                   n_points;

  gboolean                hide_legend;
} GkIndicatorChartData;

void gk_indicator_chart_draw     (GkChartContext             *ctx,
                                  const GkIndicatorChartData *data,
                                  const GkChartRect          *area);

/* The point nearest to x, y (within max_distance chart pixels) in the
 * chart drawn last on ctx with the same data; -1 when none. */
int  gk_indicator_chart_hit_test (GkChartContext             *ctx,
                                  const GkIndicatorChartData *data,
                                  double                      x,
                                  double                      y,
                                  double                      max_distance);

/* A value with its unit as the axis and tooltips show it. */
char *gk_indicator_format_value  (const GkIndicatorChartData *data,
                                  double                      value,
                                  gboolean                    compact);

G_END_DECLS
