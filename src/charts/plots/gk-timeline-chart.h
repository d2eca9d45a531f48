/* gk-timeline-chart.h: a Gantt chart of the measures, grouped by focus project
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const char *owner;            /* NULL: the row says "No owner" */
} GkTimelineProject;

typedef struct {
  const char      *title;
  guint            project;     /* index into the projects */
  GkMeasureStatus  status;
  GDate            start;       /* unset: a milestone (diamond) on the due date */
  GDate            due;         /* unset: a milestone on the start date */
  double           progress;    /* 0 to 100, drawn for measures in progress */
} GkTimelineMeasure;

/* Measure @measure depends on measure @depends_on (indices into the
 * measures): an arrow from the end of the one to the start of the other. */
typedef struct {
  guint measure;
  guint depends_on;
} GkTimelineLink;

typedef struct {
  const GkTimelineProject *projects;     /* in order: a row each, its measures below it */
  guint                    n_projects;
  const GkTimelineMeasure *measures;     /* any order; shown under their project, in this order */
  guint                    n_measures;
  const GkTimelineLink    *links;
  guint                    n_links;
  GDate                    start;        /* the range; unset: the measures' own, in whole quarters */
  GDate                    end;
  gboolean                 hide_legend;

  /* On screen: chart pixels per day; the axis stays on top and the titles
   * on the left while the plot and the rows scroll by scroll_x and
   * scroll_y. 0 (print): the range fills the width and nothing scrolls. */
  double                   day_width;
  double                   scroll_x;
  double                   scroll_y;
  /* Rows first_row to first_row + n_rows (n_rows 0: to the end); a project
   * row counts as one: a report's page shows a slice. */
  guint                    first_row;
  guint                    n_rows;
  gboolean                 has_selected;
  guint                    selected;     /* with has_selected: the measure drawn selected */
} GkTimelineChartData;

/* What of a measure a hit region covers (its sub_index). */
typedef enum {
  GK_TIMELINE_PART_BAR,
  GK_TIMELINE_PART_START,       /* the left end of a bar: drag to change the start */
  GK_TIMELINE_PART_END,         /* the right end: drag to change the due date */
  GK_TIMELINE_PART_MILESTONE,   /* the diamond of a measure with one date */
  GK_TIMELINE_PART_TITLE,       /* its title in the left column */
} GkTimelinePart;

/* Where things are, for a widget that scrolls (chart pixels). */
typedef struct {
  double title_width;           /* the left column */
  double axis_height;           /* the axis band on top */
  double plot_x;                /* where the plot begins */
  double plot_width;            /* the plot's visible width */
  double range_width;           /* the whole range at day_width */
  double rows_height;           /* every row */
  GDate  range_start;           /* the first day of the range */
} GkTimelineGeometry;

/* A measure is overdue when its due date is before today (the context's)
 * and it is neither done nor dropped. */
gboolean gk_timeline_measure_is_overdue        (const GkTimelineMeasure   *measure,
                                                const GDate               *today);
/* The measure starts before the one it depends on ends. */
gboolean gk_timeline_link_is_violated          (const GkTimelineChartData *data,
                                                const GkTimelineLink      *link);

void     gk_timeline_chart_draw                 (GkChartContext            *ctx,
                                                 const GkTimelineChartData *data,
                                                 const GkChartRect         *area);
/* The rows shown at full height, with the axis and the legend. */
double   gk_timeline_chart_get_preferred_height (GkChartContext            *ctx,
                                                 const GkTimelineChartData *data,
                                                 double                     width);
void     gk_timeline_chart_get_geometry         (GkChartContext            *ctx,
                                                 const GkTimelineChartData *data,
                                                 const GkChartRect         *area,
                                                 GkTimelineGeometry        *geometry);
/* Every row: one per project and one per measure of a shown project. */
guint    gk_timeline_chart_get_n_rows           (const GkTimelineChartData *data);
/* How many rows from @first_row a chart of @width and at most @height holds
 * (the axis and, when they reach the end, the legend included), at least
 * one; a project row is not left alone at the bottom. */
guint    gk_timeline_chart_fit_rows             (GkChartContext            *ctx,
                                                 const GkTimelineChartData *data,
                                                 double                     width,
                                                 guint                      first_row,
                                                 double                     height);
/* The top and height of @measure's row among all rows (0 is the top of the
 * first row); FALSE when it has no row. */
gboolean gk_timeline_chart_get_measure_row      (GkChartContext            *ctx,
                                                 const GkTimelineChartData *data,
                                                 double                     width,
                                                 guint                      measure,
                                                 double                    *y,
                                                 double                    *height);
/* The measure @step rows of measures away from @measure in row order
 * (project rows skipped), clamped to the first and last; -1 for none.
 * With @measure -1 the first one. */
int      gk_timeline_chart_step_measure         (const GkTimelineChartData *data,
                                                 int                        measure,
                                                 int                        step);
/* The measure under x, y in the last drawing on ctx; -1 when none. */
int      gk_timeline_chart_hit_test             (GkChartContext            *ctx,
                                                 double                     x,
                                                 double                     y);

G_END_DECLS
