/* gk-chart-view.h: a chart on screen, with tooltips and activation
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gk-chart-model.h"

G_BEGIN_DECLS

#define GK_TYPE_CHART_VIEW (gk_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (GkChartView, gk_chart_view, GK, CHART_VIEW, GtkWidget)

GtkWidget    *gk_chart_view_new           (GkChartKind   kind);
void          gk_chart_view_set_model     (GkChartView  *self,
                                           GkChartModel *model);
GkChartModel *gk_chart_view_get_model     (GkChartView  *self);
void          gk_chart_view_set_kind      (GkChartView  *self,
                                           GkChartKind   kind);
/* For indicator charts: which indicator (by id) to draw. */
void          gk_chart_view_set_indicator (GkChartView  *self,
                                           gint64        indicator_id);
/* The text a tooltip shows at x, y (widget coordinates); NULL if nothing. */
char         *gk_chart_view_describe_at   (GkChartView  *self,
                                           double        x,
                                           double        y);

G_END_DECLS
