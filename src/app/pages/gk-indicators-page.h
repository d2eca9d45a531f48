/* gk-indicators-page.h: the KPIs, their signal values and measurements
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-analysis.h"
#include "gk-chart-model.h"
#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_INDICATORS_PAGE (gk_indicators_page_get_type ())

G_DECLARE_FINAL_TYPE (GkIndicatorsPage, gk_indicators_page, GK, INDICATORS_PAGE, AdwBin)

GtkWidget *gk_indicators_page_new              (void);
void       gk_indicators_page_set_document     (GkIndicatorsPage *self,
                                                GkDocument       *document);
/* The signalled levels, progress and forecasts shown (renewed after every
 * change of the document); may be NULL. */
void       gk_indicators_page_set_analysis     (GkIndicatorsPage *self,
                                                GkAnalysis       *analysis);
/* Selects the indicator with @id and shows its detail; FALSE if there is
 * no such indicator. */
gboolean   gk_indicators_page_select           (GkIndicatorsPage *self,
                                                gint64            id);
/* The id of the indicator shown, 0 if none. */
gint64     gk_indicators_page_get_selected_id  (GkIndicatorsPage *self);
/* The chart data the indicator chart draws from (renewed with the
 * analysis); may be NULL, and then no chart is shown. */
void       gk_indicators_page_set_charts       (GkIndicatorsPage *self,
                                                GkChartModel     *charts);

G_END_DECLS
