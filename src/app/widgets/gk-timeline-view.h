/* gk-timeline-view.h: the Gantt chart on screen, to plan on
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gk-chart-model.h"

G_BEGIN_DECLS

/* Chart pixels per day of the three zoom levels. */
#define GK_TIMELINE_ZOOM_MONTH   4.0
#define GK_TIMELINE_ZOOM_QUARTER 1.0
#define GK_TIMELINE_ZOOM_YEAR    0.3
#define GK_TIMELINE_ZOOM_MIN     0.2
#define GK_TIMELINE_ZOOM_MAX     12.0

/* Which measures the view shows: by focus project, owner, status and
 * topic (0 or -1 for any); a measure shows when @func returns TRUE. */
typedef gboolean (*GkTimelineFilterFunc) (GkMeasure *measure,
                                          gpointer   user_data);

#define GK_TYPE_TIMELINE_VIEW (gk_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (GkTimelineView, gk_timeline_view, GK, TIMELINE_VIEW, GtkWidget)

GtkWidget    *gk_timeline_view_new            (void);
void          gk_timeline_view_set_model      (GkTimelineView      *self,
                                               GkChartModel        *model);
GkChartModel *gk_timeline_view_get_model      (GkTimelineView      *self);
/* Chart pixels per day, between GK_TIMELINE_ZOOM_MIN and _MAX. */
void          gk_timeline_view_set_day_width  (GkTimelineView      *self,
                                               double               day_width);
double        gk_timeline_view_get_day_width  (GkTimelineView      *self);
/* A filter the page owns; NULL shows every measure. Call
 * gk_timeline_view_refilter() when what it matches changes. */
void          gk_timeline_view_set_filter     (GkTimelineView      *self,
                                               GkTimelineFilterFunc func,
                                               gpointer             user_data);
void          gk_timeline_view_refilter       (GkTimelineView      *self);
/* The selected measure's id, 0 for none. */
gint64        gk_timeline_view_get_selected   (GkTimelineView      *self);
void          gk_timeline_view_select         (GkTimelineView      *self,
                                               gint64               measure_id);
void          gk_timeline_view_scroll_to_today (GkTimelineView     *self);
/* Moves the selected measure by @days (start and due date) in one undo
 * step; FALSE with an error when the document refuses. */
gboolean      gk_timeline_view_move_selected  (GkTimelineView      *self,
                                               int                  days,
                                               GError             **error);
/* Where measure @measure_id's bar is (widget coordinates) in the last
 * drawing; FALSE when it was not drawn. For tests and accessibility. */
gboolean      gk_timeline_view_get_bar_rect   (GkTimelineView      *self,
                                               gint64               measure_id,
                                               graphene_rect_t     *rect);

G_END_DECLS
