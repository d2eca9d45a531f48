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
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_INDICATORS_PAGE (gk_indicators_page_get_type ())

G_DECLARE_FINAL_TYPE (GkIndicatorsPage, gk_indicators_page, GK, INDICATORS_PAGE, AdwBin)

GtkWidget *gk_indicators_page_new              (void);
/* Selects the indicator with @id and shows its detail; FALSE if there is
 * no such indicator. */
gboolean   gk_indicators_page_select           (GkIndicatorsPage *self,
                                                gint64            id);
/* The id of the indicator shown, 0 if none. */
gint64     gk_indicators_page_get_selected_id  (GkIndicatorsPage *self);

/* The open programme shown (the "session" property): the page follows it
 * by itself, and lets go of its document when it closes. */
void       gk_indicators_page_set_session (GkIndicatorsPage *self,
                                           GkSession        *session);
GkSession *gk_indicators_page_get_session (GkIndicatorsPage *self);

G_END_DECLS
