/* gk-measure-filter.h: which measures the pages show, shared by the pages
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-session.h"

G_BEGIN_DECLS

#define GK_MEASURE_FILTER_ANY_STATUS (-1)

#define GK_TYPE_MEASURE_FILTER (gk_measure_filter_get_type ())
G_DECLARE_FINAL_TYPE (GkMeasureFilter, gk_measure_filter, GK, MEASURE_FILTER, GObject)

/* The one filter of @session's measures: the Measures page sets it, the
 * Timeline page shows what it lets through (transfer none). */
GkMeasureFilter *gk_measure_filter_get_for_session (GkSession       *session);

/* 0 (or GK_MEASURE_FILTER_ANY_STATUS) for any. Emits ::changed when the
 * filter changed. */
void             gk_measure_filter_set             (GkMeasureFilter *self,
                                                    gint64           project_id,
                                                    gint64           owner_id,
                                                    int              status,
                                                    gint64           topic_id);
void             gk_measure_filter_clear           (GkMeasureFilter *self);
gint64           gk_measure_filter_get_project_id  (GkMeasureFilter *self);
gint64           gk_measure_filter_get_owner_id    (GkMeasureFilter *self);
int              gk_measure_filter_get_status      (GkMeasureFilter *self);
gint64           gk_measure_filter_get_topic_id    (GkMeasureFilter *self);
gboolean         gk_measure_filter_is_active       (GkMeasureFilter *self);
/* Whether @measure (of the session's document) meets the filter: its
 * project, owner and status, and a target on the topic. */
gboolean         gk_measure_filter_matches         (GkMeasureFilter *self,
                                                    GkMeasure       *measure);

G_END_DECLS
