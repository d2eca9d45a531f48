/* gk-timeline-chart.h: focus projects as swimlanes, measures as bars
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const char *owner;            /* NULL: the lane says "No owner" */
} GkTimelineProject;

typedef struct {
  const char      *title;
  guint            project;     /* index into the projects */
  GkMeasureStatus  status;
  GDate            start;       /* unset: a milestone on the due date */
  GDate            due;         /* unset: a milestone on the start date */
  double           progress;    /* 0 to 100, drawn for measures in progress */
} GkTimelineMeasure;

typedef struct {
  const GkTimelineProject *projects;     /* one lane each, in order */
  guint                    n_projects;
  const GkTimelineMeasure *measures;
  guint                    n_measures;
  GDate                    start;        /* the range shown; unset: the measures' own */
  GDate                    end;
  gboolean                 hide_legend;
} GkTimelineChartData;

/* A measure is overdue when its due date is before today (the context's)
 * and it is neither done nor dropped. */
gboolean gk_timeline_measure_is_overdue        (const GkTimelineMeasure   *measure,
                                                const GDate               *today);

void     gk_timeline_chart_draw                 (GkChartContext            *ctx,
                                                 const GkTimelineChartData *data,
                                                 const GkChartRect         *area);
/* Every lane at full height: a widget scrolls, a report pages. */
double   gk_timeline_chart_get_preferred_height (GkChartContext            *ctx,
                                                 const GkTimelineChartData *data,
                                                 double                     width);
/* The measure under x, y in the last drawing on ctx; -1 when none. */
int      gk_timeline_chart_hit_test             (GkChartContext            *ctx,
                                                 double                     x,
                                                 double                     y);

G_END_DECLS
