/* gk-chart-axis.h: time and value scales, tick steps, the time axis and
 * the today line
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scale maps dates (as Julian day numbers) or values to chart pixels and
 * back; the axes draw their labels and grid lines with the context's text
 * so that labels keep clear of each other.
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

/* Time and value axes. */
void     gk_chart_time_scale_init   (GkChartTimeScale *scale,
                                     const GDate      *start,
                                     const GDate      *end,
                                     double            x0,
                                     double            x1);
double   gk_chart_time_scale_x      (const GkChartTimeScale *scale,
                                     const GDate      *date);
double   gk_chart_time_scale_x_julian (const GkChartTimeScale *scale,
                                     double            julian);
double   gk_chart_time_scale_julian (const GkChartTimeScale *scale,
                                     double            x);
double   gk_chart_value_scale_y     (const GkChartValueScale *scale,
                                     double            value);
double   gk_chart_value_scale_value (const GkChartValueScale *scale,
                                     double            y);
/* Round tick steps (1, 2, 2.5, 5 x 10^n) covering min..max: at most
 * @max_ticks ticks, all inside min..max, and at least one for any finite
 * range; returns the count (0 for a range with NaN or infinity). */
guint    gk_chart_nice_ticks        (double            min,
                                     double            max,
                                     guint             max_ticks,
                                     double           *out_first,
                                     double           *out_step);

typedef enum {
  GK_CHART_TIME_AXIS_AUTO,          /* months, quarters or years, whatever fits */
  GK_CHART_TIME_AXIS_QUARTERS,      /* quarters, or years when quarters do not fit */
} GkChartTimeAxisMode;

/* Labels in label_area (a band above or below the plot), grid lines down
 * grid_area. Returns the height the labels need (draw FALSE to measure). */
double   gk_chart_draw_time_axis    (GkChartContext   *ctx,
                                     const GkChartTimeScale *scale,
                                     GkChartTimeAxisMode mode,
                                     const GkChartRect *label_area,
                                     const GkChartRect *grid_area,
                                     gboolean          draw);
void     gk_chart_draw_today_line   (GkChartContext   *ctx,
                                     const GkChartTimeScale *scale,
                                     double            y_top,
                                     double            y_bottom,
                                     gboolean          with_label);

/* A Julian day for a GDate, an unset date gives 0. */
guint32  gk_chart_julian            (const GDate      *date);

G_END_DECLS
