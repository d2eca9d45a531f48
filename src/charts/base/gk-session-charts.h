/* gk-session-charts.h: the chart model of a session's programme, kept current
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core knows nothing of charts, so the session cannot hold its chart
 * model; this does, beside it. One per session, shared by everything that
 * draws the programme: it builds a new GkChartModel whenever the session's
 * analysis is renewed (and lets go of it when the session closes), and
 * notifies "model". A page that draws charts follows it instead of the
 * session's analysis: the model carries the analysis it was built from.
 */
#pragma once

#include "gk-chart-model.h"
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_SESSION_CHARTS (gk_session_charts_get_type ())

G_DECLARE_FINAL_TYPE (GkSessionCharts, gk_session_charts, GK, SESSION_CHARTS, GObject)

/* The charts of @session (transfer none): made on first use, and kept as
 * long as the session lives. */
GkSessionCharts *gk_session_charts_get       (GkSession       *session);

/* The chart model of the open programme, NULL while nothing is open. */
GkChartModel    *gk_session_charts_get_model (GkSessionCharts *self);

G_END_DECLS
