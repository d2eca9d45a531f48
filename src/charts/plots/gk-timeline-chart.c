/* gk-timeline-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Gantt chart: a row per focus project (its name, owner and a summary bar
 * over its measures) and below it a row per measure. Titles stand in a
 * column on the left, wrapped rather than cut, so no title crosses a bar
 * and none changes colour mid-word; the bars carry only status styling and
 * progress. "Depends on" links are arrows from the end of one bar to the
 * start of the other, dashed and in the warning colour when the measure
 * starts before the one it depends on ends.
 *
 * The same layout draws a scrolling screen (the axis stays on top and the
 * titles on the left) and the slices of rows that a report puts on a page.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-chart-axis.h"
#include "gk-timeline-chart.h"

#define PADDING          8.0
#define CELL_PADDING     6.0    /* inside a title cell */
#define ROW_PADDING      4.0    /* above and below a bar */
#define INDENT           14.0   /* a measure's title under its project's */
#define COLUMN_GAP       8.0
#define MIN_BAR          4.0
#define EDGE             6.0    /* the grip at each end of a bar */
#define STUB             7.0    /* an arrow leaves and enters a bar this far */
#define MAX_TITLE_LINES  6
#define MAX_NAME_LINES   3
#define LEGEND_GAP       14.0

typedef struct {
  int    measure;       /* -1: a project's row */
  guint  project;
  double y, height;     /* from the top of the first row */
  double title_height;
} Row;

typedef struct {
  double           title_width;
  double           bar;
  GkChartRect      axis;
  GkChartRect      plot;        /* the visible plot, below the axis, to the area's bottom */
  double           rows_top;    /* where the first shown row begins */
  double           rows_offset; /* y of the first shown row among all rows, scroll included */
  GkChartTimeScale time;
  GDate            range_start, range_end;
  GArray          *rows;        /* Row, all of them */
  int             *row_of;      /* measure -> row, -1 */
  guint            first, last; /* the rows shown */
  double           legend_height;
  double           height;
  gboolean         scrolling;
} Layout;

gboolean
gk_timeline_measure_is_overdue (const GkTimelineMeasure *measure,
                                const GDate             *today)
{
  return g_date_valid (&measure->due) && today != NULL && g_date_valid (today) &&
         measure->status != GK_MEASURE_STATUS_DONE &&
         measure->status != GK_MEASURE_STATUS_DROPPED &&
         g_date_compare (&measure->due, today) < 0;
}

static const GDate *
first_date (const GkTimelineMeasure *measure)
{
  return g_date_valid (&measure->start) ? &measure->start : &measure->due;
}

static const GDate *
last_date (const GkTimelineMeasure *measure)
{
  return g_date_valid (&measure->due) ? &measure->due : &measure->start;
}

gboolean
gk_timeline_link_is_violated (const GkTimelineChartData *data,
                              const GkTimelineLink      *link)
{
  const GkTimelineMeasure *measure, *before;

  if (link->measure >= data->n_measures || link->depends_on >= data->n_measures)
    return FALSE;
  measure = &data->measures[link->measure];
  before = &data->measures[link->depends_on];
  if (!g_date_valid (first_date (measure)) || !g_date_valid (last_date (before)) ||
      measure->status == GK_MEASURE_STATUS_DROPPED || before->status == GK_MEASURE_STATUS_DROPPED)
    return FALSE;
  return g_date_compare (first_date (measure), last_date (before)) <= 0;
}

static const GkChartLegendItem *
legend_items (guint *n_items)
{
  static GkChartLegendItem items[GK_MEASURE_STATUS_COUNT + 2];

  for (int s = 0; s < GK_MEASURE_STATUS_COUNT; s++)
    items[s] = (GkChartLegendItem) { gk_measure_status_label (s), s, 0, GK_CHART_LEGEND_STATUS };
  items[GK_MEASURE_STATUS_COUNT] = (GkChartLegendItem) { _("Overdue"), 0, 0, GK_CHART_LEGEND_OVERDUE };
  items[GK_MEASURE_STATUS_COUNT + 1] = (GkChartLegendItem) { _("Today"), 0, 0, GK_CHART_LEGEND_TODAY };
  *n_items = G_N_ELEMENTS (items);
  return items;
}

static const char *
owner_text (const GkTimelineProject *project)
{
  if (project->owner != NULL && *project->owner != '\0')
    return project->owner;
  return _("No owner");
}

static const char *
title_text (const GkTimelineMeasure *measure)
{
  return measure->title != NULL && *measure->title != '\0' ? measure->title : _("Untitled measure");
}

/* --- layout ------------------------------------------------------------- */

static void
date_range (GkChartContext            *ctx,
            const GkTimelineChartData *data,
            GDate                     *start,
            GDate                     *end)
{
  guint32 first = 0, last = 0;

  if (g_date_valid (&data->start) && g_date_valid (&data->end) &&
      g_date_compare (&data->start, &data->end) < 0)
    {
      *start = data->start;
      *end = data->end;
      return;
    }

  for (guint i = 0; i < data->n_measures; i++)
    for (int k = 0; k < 2; k++)
      {
        guint32 j = gk_chart_julian (k == 0 ? &data->measures[i].start : &data->measures[i].due);

        if (j == 0)
          continue;
        first = first == 0 ? j : MIN (first, j);
        last = MAX (last, j);
      }
  if (first == 0)
    {
      /* Nothing dated: half a year from today, or from a fixed day when
       * none is given (never the clock's). */
      GDate today = gk_chart_context_get_today (ctx);

      if (!g_date_valid (&today))
        g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2000);
      first = g_date_get_julian (&today);
      last = first + 180;
    }

  /* whole quarters */
  g_date_clear (start, 1);
  g_date_clear (end, 1);
  g_date_set_julian (start, first);
  g_date_set_dmy (start, 1, (g_date_get_month (start) - 1) / 3 * 3 + 1, g_date_get_year (start));
  g_date_set_julian (end, last);
  g_date_set_dmy (end, 1, (g_date_get_month (end) - 1) / 3 * 3 + 1, g_date_get_year (end));
  g_date_add_months (end, 3);
  g_date_subtract_days (end, 1);
}

static gboolean
project_shown (const GkTimelineChartData *data,
               const GkTimelineMeasure   *measure)
{
  return measure->project < data->n_projects;
}

/* The column is as wide as the longest title on one line, within bounds
 * that leave the plot most of the width; longer titles wrap. */
static double
title_column_width (GkChartContext            *ctx,
                    const GkTimelineChartData *data,
                    double                     width,
                    double                    *title_widths)
{
  double widest = 0, most = MIN (420, MAX (160, width * 0.36));

  for (guint p = 0; p < data->n_projects; p++)
    {
      double name, owner;

      gk_chart_text_size (ctx, data->projects[p].name ? data->projects[p].name : "", GK_CHART_FONT_BOLD, &name, NULL);
      gk_chart_text_size (ctx, owner_text (&data->projects[p]), GK_CHART_FONT_SMALL, &owner, NULL);
      widest = MAX (widest, MAX (name, owner) + 2 * CELL_PADDING);
    }
  for (guint m = 0; m < data->n_measures; m++)
    {
      if (!project_shown (data, &data->measures[m]))
        continue;
      gk_chart_text_size (ctx, title_text (&data->measures[m]), GK_CHART_FONT_SMALL, &title_widths[m], NULL);
      widest = MAX (widest, MIN (title_widths[m], most) + 2 * CELL_PADDING + INDENT);
      if (widest >= most)
        {
          /* the column is as wide as it gets: the rest only needs widths */
          for (guint k = m + 1; k < data->n_measures; k++)
            if (project_shown (data, &data->measures[k]))
              gk_chart_text_size (ctx, title_text (&data->measures[k]), GK_CHART_FONT_SMALL, &title_widths[k], NULL);
          break;
        }
    }
  return ceil (CLAMP (widest, MIN (160, most), most));
}

static double
legend_height (GkChartContext            *ctx,
               const GkTimelineChartData *data,
               double                     width)
{
  const GkChartLegendItem *items;
  GkChartRect area = { 0, 0, width, 0 };
  guint n_items;

  if (data->hide_legend)
    return 0;
  items = legend_items (&n_items);
  return gk_chart_draw_legend (ctx, items, n_items, &area, FALSE) + LEGEND_GAP;
}

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->rows, g_array_unref);
  g_clear_pointer (&layout->row_of, g_free);
}

static void
add_rows (GkChartContext            *ctx,
          const GkTimelineChartData *data,
          Layout                    *layout,
          const double              *title_widths)
{
  double title_room = layout->title_width - 2 * CELL_PADDING;
  double small = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double min_height = layout->bar + 2 * ROW_PADDING;
  g_autofree guint *count = g_new0 (guint, data->n_projects + 1);
  g_autofree guint *order = g_new (guint, MAX (data->n_measures, 1));
  double y = 0;
  guint k = 0;

  /* the measures by project, each project's in their given order */
  for (guint m = 0; m < data->n_measures; m++)
    if (project_shown (data, &data->measures[m]))
      count[data->measures[m].project + 1]++;
  for (guint p = 1; p <= data->n_projects; p++)
    count[p] += count[p - 1];
  for (guint m = 0; m < data->n_measures; m++)
    if (project_shown (data, &data->measures[m]))
      order[count[data->measures[m].project]++] = m;

  for (guint p = 0; p < data->n_projects; p++)
    {
      Row row = { -1, p, y, 0, 0 };

      row.title_height = gk_chart_text_wrapped_height (ctx, data->projects[p].name ? data->projects[p].name : "",
                                                       GK_CHART_FONT_BOLD, title_room, MAX_NAME_LINES) + small;
      row.height = ceil (MAX (min_height, row.title_height + 2 * ROW_PADDING));
      g_array_append_val (layout->rows, row);
      y += row.height;

      for (; k < count[p]; k++)
        {
          guint m = order[k];
          double room = title_room - INDENT;

          row = (Row) { (int) m, p, y, 0, small };
          /* Only a title longer than its room is laid out again, wrapped. */
          if (title_widths[m] > room - 1)
            row.title_height = gk_chart_text_wrapped_height (ctx, title_text (&data->measures[m]),
                                                             GK_CHART_FONT_SMALL, room, MAX_TITLE_LINES);
          row.height = ceil (MAX (min_height, row.title_height + 2 * ROW_PADDING));
          layout->row_of[m] = (int) layout->rows->len;
          g_array_append_val (layout->rows, row);
          y += row.height;
        }
    }
}

static double
rows_height (const Layout *layout,
             guint         first,
             guint         last)
{
  const Row *a, *b;

  if (last <= first)
    return 0;
  a = &g_array_index (layout->rows, Row, first);
  b = &g_array_index (layout->rows, Row, last - 1);
  return b->y + b->height - a->y;
}

static void
init_time_scale (const GkTimelineChartData *data,
                 Layout                    *layout)
{
  if (layout->scrolling)
    {
      double j0 = gk_chart_julian (&layout->range_start) + MAX (data->scroll_x, 0) / data->day_width;

      layout->time = (GkChartTimeScale) { j0, j0 + layout->plot.width / data->day_width,
                                          layout->plot.x, layout->plot.x + layout->plot.width };
    }
  else
    gk_chart_time_scale_init (&layout->time, &layout->range_start, &layout->range_end,
                              layout->plot.x, layout->plot.x + layout->plot.width);
}

static void
compute_layout (GkChartContext            *ctx,
                const GkTimelineChartData *data,
                const GkChartRect         *area,
                Layout                    *layout)
{
  double inner_x = area->x + PADDING, inner_width = MAX (area->width - 2 * PADDING, 40);
  g_autofree double *title_widths = g_new0 (double, MAX (data->n_measures, 1));
  guint n_rows;

  memset (layout, 0, sizeof *layout);
  layout->scrolling = data->day_width > 0;
  layout->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), data->n_projects + data->n_measures);
  layout->row_of = g_new (int, MAX (data->n_measures, 1));
  for (guint m = 0; m < data->n_measures; m++)
    layout->row_of[m] = -1;

  layout->bar = ceil (gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 5);
  layout->title_width = title_column_width (ctx, data, inner_width, title_widths);
  date_range (ctx, data, &layout->range_start, &layout->range_end);

  layout->plot.x = inner_x + layout->title_width + COLUMN_GAP;
  layout->plot.width = MAX (inner_x + inner_width - layout->plot.x, 10);
  init_time_scale (data, layout);

  layout->axis = (GkChartRect) { layout->plot.x, area->y + PADDING, layout->plot.width, 0 };
  layout->axis.height = gk_chart_draw_time_axis (ctx, &layout->time, GK_CHART_TIME_AXIS_AUTO,
                                                 &layout->axis, NULL, FALSE) + 6;
  layout->rows_top = layout->axis.y + layout->axis.height;

  add_rows (ctx, data, layout, title_widths);
  n_rows = layout->rows->len;
  layout->first = MIN (data->first_row, n_rows);
  layout->last = data->n_rows == 0 ? n_rows : MIN (n_rows, layout->first + data->n_rows);
  layout->rows_offset = layout->first < n_rows ? g_array_index (layout->rows, Row, layout->first).y : 0;
  if (layout->scrolling)
    layout->rows_offset += MAX (data->scroll_y, 0);

  layout->legend_height = layout->last == n_rows ? legend_height (ctx, data, inner_width) : 0;
  layout->height = layout->rows_top - area->y + rows_height (layout, layout->first, layout->last) +
                   layout->legend_height + PADDING;
  layout->plot.y = layout->rows_top;
  layout->plot.height = layout->scrolling
                        ? MAX (area->y + area->height - layout->rows_top, 0)
                        : rows_height (layout, layout->first, layout->last);
}

double
gk_timeline_chart_get_preferred_height (GkChartContext            *ctx,
                                        const GkTimelineChartData *data,
                                        double                     width)
{
  GkChartRect area = { 0, 0, width, 0 };
  Layout layout;
  double height;

  compute_layout (ctx, data, &area, &layout);
  height = layout.height;
  layout_clear (&layout);
  return ceil (height);
}

void
gk_timeline_chart_get_geometry (GkChartContext            *ctx,
                                const GkTimelineChartData *data,
                                const GkChartRect         *area,
                                GkTimelineGeometry        *geometry)
{
  Layout layout;

  compute_layout (ctx, data, area, &layout);
  geometry->title_width = layout.title_width;
  geometry->axis_height = layout.rows_top - area->y;
  geometry->plot_x = layout.plot.x;
  geometry->plot_width = layout.plot.width;
  geometry->range_width = data->day_width > 0
                          ? (gk_chart_julian (&layout.range_end) + 1 - gk_chart_julian (&layout.range_start)) * data->day_width
                          : layout.plot.width;
  geometry->rows_height = rows_height (&layout, 0, layout.rows->len);
  geometry->range_start = layout.range_start;
  layout_clear (&layout);
}

guint
gk_timeline_chart_get_n_rows (const GkTimelineChartData *data)
{
  guint n = data->n_projects;

  for (guint m = 0; m < data->n_measures; m++)
    if (project_shown (data, &data->measures[m]))
      n++;
  return n;
}

guint
gk_timeline_chart_fit_rows (GkChartContext            *ctx,
                            const GkTimelineChartData *data,
                            double                     width,
                            guint                      first_row,
                            double                     height)
{
  GkTimelineChartData all = *data;
  GkChartRect area = { 0, 0, width, 0 };
  Layout layout;
  double room, legend;
  guint last, n_rows;

  all.first_row = 0;
  all.n_rows = 0;
  all.day_width = 0;
  compute_layout (ctx, &all, &area, &layout);
  n_rows = layout.rows->len;
  legend = layout.legend_height;
  room = height - (layout.rows_top - area.y) - PADDING;

  last = first_row;
  while (last < n_rows &&
         rows_height (&layout, first_row, last + 1) + (last + 1 == n_rows ? legend : 0) <= room)
    last++;
  /* a project's row goes to the next page with its first measure */
  if (last < n_rows && last > first_row + 1 && g_array_index (layout.rows, Row, last - 1).measure < 0)
    last--;
  layout_clear (&layout);
  return MAX (last, first_row + 1) - first_row;
}

gboolean
gk_timeline_chart_get_measure_row (GkChartContext            *ctx,
                                   const GkTimelineChartData *data,
                                   double                     width,
                                   guint                      measure,
                                   double                    *y,
                                   double                    *height)
{
  GkChartRect area = { 0, 0, width, 0 };
  Layout layout;
  gboolean found = FALSE;

  compute_layout (ctx, data, &area, &layout);
  if (measure < data->n_measures && layout.row_of[measure] >= 0)
    {
      const Row *row = &g_array_index (layout.rows, Row, layout.row_of[measure]);

      *y = row->y;
      *height = row->height;
      found = TRUE;
    }
  layout_clear (&layout);
  return found;
}

int
gk_timeline_chart_step_measure (const GkTimelineChartData *data,
                                int                        measure,
                                int                        step)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  int at = -1;

  for (guint p = 0; p < data->n_projects; p++)
    for (guint m = 0; m < data->n_measures; m++)
      if (data->measures[m].project == p)
        {
          if ((int) m == measure)
            at = (int) order->len;
          g_array_append_val (order, m);
        }
  if (order->len == 0)
    return -1;
  if (at < 0)
    return (int) g_array_index (order, guint, 0);
  at = CLAMP (at + step, 0, (int) order->len - 1);
  return (int) g_array_index (order, guint, at);
}

/* --- drawing ------------------------------------------------------------ */

static gboolean
is_selected (const GkTimelineChartData *data,
             int                        measure)
{
  return data->has_selected && measure >= 0 && (guint) measure == data->selected;
}

static double
row_top (const Layout *layout,
         const Row    *row)
{
  return layout->rows_top + row->y - layout->rows_offset;
}

/* The x extent of a measure's bar (a milestone's centre in both). */
static gboolean
bar_extent (const GkTimelineMeasure *measure,
            const Layout            *layout,
            double                  *x0,
            double                  *x1)
{
  gboolean has_start = g_date_valid (&measure->start), has_due = g_date_valid (&measure->due);

  if (!has_start && !has_due)
    return FALSE;
  if (!has_start || !has_due)
    {
      *x0 = *x1 = gk_chart_time_scale_x_julian (&layout->time, gk_chart_julian (first_date (measure)) + 0.5);
      return TRUE;
    }
  {
    guint32 j0 = gk_chart_julian (&measure->start), j1 = gk_chart_julian (&measure->due);

    *x0 = gk_chart_time_scale_x_julian (&layout->time, MIN (j0, j1));
    *x1 = gk_chart_time_scale_x_julian (&layout->time, MAX (j0, j1) + 1);
    if (*x1 - *x0 < MIN_BAR)
      *x1 = *x0 + MIN_BAR;
  }
  return TRUE;
}

static void
draw_check_mark (cairo_t *cr,
                 double   x,
                 double   y,
                 double   size)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x, y + size * 0.55);
  cairo_line_to (cr, x + size * 0.35, y + size * 0.9);
  cairo_line_to (cr, x + size, y + size * 0.15);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_diamond (GkChartContext          *ctx,
              const GkTimelineMeasure *measure,
              double                   x,
              double                   y,
              double                   size,
              gboolean                 overdue)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkStatusStyle *style = gk_measure_status_style (measure->status, gk_chart_context_get_variant (ctx));
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double c = size / 2;

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + c, y + c);
  cairo_line_to (cr, x, y + size);
  cairo_line_to (cr, x - c, y + c);
  cairo_close_path (cr);
  gk_chart_fill_status_path (ctx, measure->status, measure->status == GK_MEASURE_STATUS_DROPPED ? 0.45 : 1);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + c, y + c);
  cairo_line_to (cr, x, y + size);
  cairo_line_to (cr, x - c, y + c);
  cairo_close_path (cr);
  gk_chart_set_source (cr, overdue ? &palette->warning : &style->border, 1);
  cairo_set_line_width (cr, overdue ? 2 : 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_bar (GkChartContext          *ctx,
          const GkTimelineMeasure *measure,
          double                   x0,
          double                   x1,
          double                   y,
          double                   height,
          gboolean                 overdue)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkStatusStyle *style = gk_measure_status_style (measure->status, gk_chart_context_get_variant (ctx));
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double width = x1 - x0;
  double radius = MIN (3, width / 2);

  cairo_save (cr);
  switch (measure->status)
    {
    case GK_MEASURE_STATUS_IN_PROGRESS:
      {
        GkRgb track = gk_rgb_mix (&palette->background, &style->fill, 0.18);
        double done = width * CLAMP (measure->progress, 0, 100) / 100;

        gk_chart_rounded_rect (cr, x0, y, width, height, radius);
        gk_chart_set_source (cr, &track, 1);
        cairo_fill (cr);
        if (done > 0)
          {
            cairo_save (cr);
            cairo_rectangle (cr, x0, y, done, height);
            cairo_clip (cr);
            gk_chart_rounded_rect (cr, x0, y, width, height, radius);
            gk_chart_fill_status_path (ctx, measure->status, 1);
            cairo_restore (cr);
          }
      }
      break;
    case GK_MEASURE_STATUS_DROPPED:
      gk_chart_rounded_rect (cr, x0, y, width, height, radius);
      gk_chart_fill_status_path (ctx, measure->status, 0.45);
      break;
    case GK_MEASURE_STATUS_IDEA:
      gk_chart_rounded_rect (cr, x0 + 0.5, y + 0.5, width - 1, height - 1, radius);
      gk_chart_fill_status_path (ctx, measure->status, 1);
      break;
    default:
      gk_chart_rounded_rect (cr, x0, y, width, height, radius);
      gk_chart_fill_status_path (ctx, measure->status, 1);
      break;
    }

  /* borders as rings filled even-odd: cheaper for cairo than strokes */
  if (overdue || measure->status == GK_MEASURE_STATUS_IN_PROGRESS || measure->status == GK_MEASURE_STATUS_PLANNED)
    {
      double border = overdue ? 2 : 1;

      gk_chart_rounded_rect (cr, x0, y, width, height, radius);
      gk_chart_rounded_rect (cr, x0 + border, y + border, width - 2 * border, height - 2 * border,
                             MAX (radius - border / 2, 0));
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      gk_chart_set_source (cr, overdue ? &palette->warning : &style->border, 1);
      cairo_fill (cr);
    }

  /* a done bar wide enough carries a check mark: "done" without colour */
  if (measure->status == GK_MEASURE_STATUS_DONE && width >= height)
    {
      double size = height * 0.5;

      gk_chart_set_source (cr, &style->ink, 1);
      draw_check_mark (cr, x0 + (MIN (width, 3 * height) - size) / 2, y + (height - size) / 2, size);
    }
  cairo_restore (cr);
}

static void
draw_selection_ring (GkChartContext *ctx,
                     double          x0,
                     double          x1,
                     double          y,
                     double          height)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);

  cairo_save (cr);
  gk_chart_rounded_rect (cr, x0 - 3, y - 3, x1 - x0 + 6, height + 6, 5);
  gk_chart_set_source (cr, &palette->accent, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row_background (GkChartContext *ctx,
                     const Layout   *layout,
                     const Row      *row,
                     double          x,
                     double          width,
                     gboolean        selected)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double y = row_top (layout, row);

  if (row->measure < 0 || selected)
    {
      GkRgb tint = gk_rgb_mix (&palette->background, &palette->accent, 0.16);

      cairo_rectangle (cr, x, y, width, row->height);
      gk_chart_set_source (cr, selected ? &tint : &palette->surface, 1);
      cairo_fill (cr);
    }
  gk_chart_set_source (cr, row->measure < 0 ? &palette->axis : &palette->grid, 1);
  gk_chart_hline (cr, x, x + width, round (y + row->height) - 0.5, 1);
}

static void
draw_title (GkChartContext            *ctx,
            const GkTimelineChartData *data,
            const Layout              *layout,
            const Row                 *row,
            double                     x)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  double y = row_top (layout, row);
  double small = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  GkChartRect box, hit = { x, y, layout->title_width, row->height };

  if (row->measure < 0)
    {
      const GkTimelineProject *project = &data->projects[row->project];
      gboolean has_owner = project->owner != NULL && *project->owner != '\0';

      box = (GkChartRect) { x + CELL_PADDING, y + (row->height - row->title_height) / 2,
                            layout->title_width - 2 * CELL_PADDING, row->title_height - small };
      gk_chart_draw_text (ctx, project->name, GK_CHART_FONT_BOLD, &palette->foreground, &box,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_START,
                          GK_CHART_TEXT_ELLIPSIZE | GK_CHART_TEXT_WRAP, NULL);
      box.y += box.height;
      box.height = small;
      gk_chart_draw_text (ctx, owner_text (project), GK_CHART_FONT_SMALL,
                          has_owner ? &palette->foreground_dim : &palette->warning, &box,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
      gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_PROJECT, (int) row->project, -1);
      return;
    }

  {
    const GkTimelineMeasure *measure = &data->measures[row->measure];
    GkChartTextFlags flags = GK_CHART_TEXT_ELLIPSIZE | GK_CHART_TEXT_WRAP;
    const GkRgb *colour = &palette->foreground;

    if (measure->status == GK_MEASURE_STATUS_DROPPED)
      {
        flags |= GK_CHART_TEXT_STRIKETHROUGH;
        colour = &palette->foreground_dim;
      }
    box = (GkChartRect) { x + CELL_PADDING + INDENT, y + (row->height - row->title_height) / 2,
                          layout->title_width - 2 * CELL_PADDING - INDENT, row->title_height };
    gk_chart_draw_text (ctx, title_text (measure), GK_CHART_FONT_SMALL, colour, &box,
                        GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, flags, NULL);
    gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_MEASURE, row->measure, GK_TIMELINE_PART_TITLE);
  }
}

/* The project's summary: a thin bar over all its measures' dates, with a
 * notch down at each end as Gantt charts draw it. */
static void
draw_summary (GkChartContext            *ctx,
              const GkTimelineChartData *data,
              const Layout              *layout,
              const Row                 *row)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y = row_top (layout, row);
  double thick = MAX (4, round (layout->bar * 0.3));
  double top = y + (row->height - thick) / 2;
  guint n = 0;

  for (guint m = 0; m < data->n_measures; m++)
    {
      double a, b;

      if (data->measures[m].project != row->project || !bar_extent (&data->measures[m], layout, &a, &b))
        continue;
      x0 = MIN (x0, a);
      x1 = MAX (x1, b);
      n++;
    }
  if (n == 0)
    {
      GkChartRect empty = { layout->plot.x + 6, y, layout->plot.width - 12, row->height };

      gk_chart_draw_text (ctx, _("No measures"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &empty,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
      return;
    }
  x1 = MAX (x1, x0 + 2);
  cairo_save (cr);
  gk_chart_set_source (cr, &palette->foreground_dim, 1);
  cairo_rectangle (cr, x0, top, x1 - x0, thick);
  cairo_move_to (cr, x0, top + thick);
  cairo_line_to (cr, x0 + thick * 1.4, top + thick);
  cairo_line_to (cr, x0, top + thick * 2.2);
  cairo_close_path (cr);
  cairo_move_to (cr, x1, top + thick);
  cairo_line_to (cr, x1 - thick * 1.4, top + thick);
  cairo_line_to (cr, x1, top + thick * 2.2);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_measure (GkChartContext            *ctx,
              const GkTimelineChartData *data,
              const Layout              *layout,
              const Row                 *row,
              const GDate               *today)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkTimelineMeasure *measure = &data->measures[row->measure];
  double y = row_top (layout, row) + (row->height - layout->bar) / 2;
  double plot_x1 = layout->plot.x + layout->plot.width;
  gboolean overdue = gk_timeline_measure_is_overdue (measure, today);
  double x0, x1;

  if (!bar_extent (measure, layout, &x0, &x1))
    {
      GkChartRect none = { layout->plot.x + 6, y, layout->plot.width - 12, layout->bar };

      gk_chart_draw_text (ctx, _("No dates"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &none,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
      return;
    }

  if (x0 == x1)
    {
      double half = layout->bar / 2;
      GkChartRect hit = { x0 - half, y, layout->bar, layout->bar };

      if (x0 + half < layout->plot.x || x0 - half > plot_x1)
        return;
      draw_diamond (ctx, measure, x0, y, layout->bar, overdue);
      if (is_selected (data, row->measure))
        draw_selection_ring (ctx, x0 - half, x0 + half, y, layout->bar);
      gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_MEASURE, row->measure,
                                       GK_TIMELINE_PART_MILESTONE);
      return;
    }

  if (x1 < layout->plot.x || x0 > plot_x1)
    return;
  draw_bar (ctx, measure, x0, x1, y, layout->bar, overdue);
  if (is_selected (data, row->measure))
    draw_selection_ring (ctx, x0, x1, y, layout->bar);

  {
    double left = MAX (x0, layout->plot.x), right = MIN (x1, plot_x1);
    double edge = MIN (EDGE, (x1 - x0) / 3);
    GkChartRect hit = { left, y, right - left, layout->bar };

    gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_MEASURE, row->measure, GK_TIMELINE_PART_BAR);
    /* the grips go on top of the bar, so that hit-testing finds them first */
    if (x0 >= layout->plot.x)
      {
        hit = (GkChartRect) { x0, y, edge, layout->bar };
        gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_MEASURE, row->measure, GK_TIMELINE_PART_START);
      }
    if (x1 <= plot_x1)
      {
        hit = (GkChartRect) { x1 - edge, y, edge, layout->bar };
        gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_MEASURE, row->measure, GK_TIMELINE_PART_END);
      }
  }

  /* the progress in figures beside a bar in progress, for grey print */
  if (measure->status == GK_MEASURE_STATUS_IN_PROGRESS)
    {
      g_autofree char *percent = g_strdup_printf (_("%d %%"), (int) round (CLAMP (measure->progress, 0, 100)));
      GkChartRect box = { x1 + 4, y, 60, layout->bar };

      if (box.x + 30 <= plot_x1)
        gk_chart_draw_text (ctx, percent, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                            GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_AVOID_OVERLAP, NULL);
    }
}

static void
link_end_points (const GkTimelineChartData *data,
                 const Layout              *layout,
                 const GkTimelineLink      *link,
                 double                     point[4],
                 const Row                **target)
{
  const Row *from = &g_array_index (layout->rows, Row, layout->row_of[link->depends_on]);
  const Row *to = &g_array_index (layout->rows, Row, layout->row_of[link->measure]);
  double a0, a1, b0, b1;

  bar_extent (&data->measures[link->depends_on], layout, &a0, &a1);
  bar_extent (&data->measures[link->measure], layout, &b0, &b1);
  if (a0 == a1)
    a1 += layout->bar / 2;
  if (b0 == b1)
    b0 -= layout->bar / 2;
  point[0] = a1;
  point[1] = row_top (layout, from) + from->height / 2;
  point[2] = b0;
  point[3] = row_top (layout, to) + to->height / 2;
  *target = to;
}

static void
draw_warning_mark (GkChartContext *ctx,
                   double          x,
                   double          y,
                   double          size)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + size / 2, y + size);
  cairo_line_to (cr, x - size / 2, y + size);
  cairo_close_path (cr);
  gk_chart_set_source (cr, &palette->warning, 1);
  cairo_fill (cr);
  gk_chart_set_source (cr, &palette->background, 1);
  cairo_rectangle (cr, x - 0.9, y + size * 0.32, 1.8, size * 0.36);
  cairo_rectangle (cr, x - 0.9, y + size * 0.76, 1.8, 1.8);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_links (GkChartContext            *ctx,
            const GkTimelineChartData *data,
            const Layout              *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double top = layout->plot.y, bottom = layout->plot.y + layout->plot.height;

  for (guint l = 0; l < data->n_links; l++)
    {
      const GkTimelineLink *link = &data->links[l];
      gboolean violated;
      const Row *target;
      double p[4], x, y0, y1;

      if (link->measure >= data->n_measures || link->depends_on >= data->n_measures ||
          layout->row_of[link->measure] < 0 || layout->row_of[link->depends_on] < 0 ||
          !g_date_valid (first_date (&data->measures[link->measure])) ||
          !g_date_valid (last_date (&data->measures[link->depends_on])))
        continue;
      link_end_points (data, layout, link, p, &target);
      y0 = MIN (p[1], p[3]);
      y1 = MAX (p[1], p[3]);
      if (y1 < top || y0 > bottom)
        continue;

      violated = gk_timeline_link_is_violated (data, link);
      cairo_save (cr);
      cairo_set_line_width (cr, violated ? 2 : 1.3);
      if (violated)
        cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
      gk_chart_set_source (cr, violated ? &palette->warning : &palette->foreground_dim, 1);
      cairo_move_to (cr, p[0], p[1]);
      if (p[2] - p[0] >= 2 * STUB)
        {
          x = p[0] + STUB;
          cairo_line_to (cr, x, p[1]);
          cairo_line_to (cr, x, p[3]);
        }
      else
        {
          /* back round the bar: along the edge of the row it enters */
          double between = row_top (layout, target) + (p[3] > p[1] ? 1.5 : target->height - 1.5);

          cairo_line_to (cr, p[0] + STUB, p[1]);
          cairo_line_to (cr, p[0] + STUB, between);
          cairo_line_to (cr, p[2] - STUB, between);
          cairo_line_to (cr, p[2] - STUB, p[3]);
        }
      cairo_line_to (cr, p[2] - 5, p[3]);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, p[2], p[3]);
      cairo_line_to (cr, p[2] - 6, p[3] - 4);
      cairo_line_to (cr, p[2] - 6, p[3] + 4);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_restore (cr);

      {
        /* the arrowhead and the warning over it: the rest of the path
         * runs over other rows, whose bars must stay easy to grab */
        GkChartRect hit = { p[2] - 16, p[3] - layout->bar, 16, layout->bar + 5 };

        if (violated)
          {
            double size = layout->bar * 0.8;

            draw_warning_mark (ctx, p[2] - 12, p[3] - size - 2, size);
          }
        gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_LINK, (int) l, violated);
      }
    }
}

static void
draw_today (GkChartContext *ctx,
            const Layout   *layout,
            double          bottom)
{
  GDate today = gk_chart_context_get_today (ctx);
  double x;

  if (!g_date_valid (&today))
    return;
  gk_chart_draw_today_line (ctx, &layout->time, layout->rows_top, bottom, FALSE);
  x = gk_chart_time_scale_x (&layout->time, &today) + 0.5 * (layout->time.x1 - layout->time.x0) /
                                                          (layout->time.j1 - layout->time.j0);
  if (x >= layout->time.x0 && x <= layout->time.x1)
    {
      GkChartRect hit = { x - 1, layout->rows_top, 2, bottom - layout->rows_top };

      gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_TODAY, 0, -1);
    }
}

void
gk_timeline_chart_draw (GkChartContext            *ctx,
                        const GkTimelineChartData *data,
                        const GkChartRect         *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GDate today = gk_chart_context_get_today (ctx);
  double x = area->x + PADDING, width = area->width - 2 * PADDING;
  double bottom;
  GkChartRect grid;
  guint first, last;
  Layout layout;

  g_return_if_fail (cr != NULL);

  compute_layout (ctx, data, area, &layout);
  if (layout.scrolling)
    bottom = MIN (area->y + area->height,
                  layout.rows_top - layout.rows_offset + rows_height (&layout, 0, layout.rows->len));
  else
    bottom = layout.rows_top + rows_height (&layout, layout.first, layout.last);
  bottom = MAX (bottom, layout.rows_top);

  /* the rows in view: all of a slice, or those the scrolled area shows */
  first = layout.first;
  last = layout.last;
  if (!layout.scrolling)
    {
      /* a page shorter than the rows: the rows that fit, whole */
      while (last > first && layout.rows_top + rows_height (&layout, first, last) > area->y + area->height + 0.5)
        last--;
      bottom = layout.rows_top + rows_height (&layout, first, last);
    }
  else
    {
      while (first < last && row_top (&layout, &g_array_index (layout.rows, Row, first)) +
                             g_array_index (layout.rows, Row, first).height <= layout.rows_top)
        first++;
      while (last > first && row_top (&layout, &g_array_index (layout.rows, Row, last - 1)) >= bottom)
        last--;
    }

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  /* rows and their titles, clipped below the axis */
  cairo_save (cr);
  cairo_rectangle (cr, area->x, layout.rows_top, area->width, bottom - layout.rows_top);
  cairo_clip (cr);
  for (guint r = first; r < last; r++)
    {
      const Row *row = &g_array_index (layout.rows, Row, r);

      draw_row_background (ctx, &layout, row, x, width, is_selected (data, row->measure));
    }
  cairo_restore (cr);

  /* the axis labels on top, its grid lines over the row backgrounds */
  grid = (GkChartRect) { layout.plot.x, layout.rows_top, layout.plot.width, bottom - layout.rows_top };
  cairo_save (cr);
  cairo_rectangle (cr, layout.plot.x, area->y, layout.plot.width, bottom - area->y);
  cairo_clip (cr);
  gk_chart_draw_time_axis (ctx, &layout.time, GK_CHART_TIME_AXIS_AUTO, &layout.axis, &grid, TRUE);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, layout.rows_top, area->width, bottom - layout.rows_top);
  cairo_clip (cr);
  for (guint r = first; r < last; r++)
    draw_title (ctx, data, &layout, &g_array_index (layout.rows, Row, r), x);

  /* the plot: bars, arrows over them, the today line over all */
  cairo_save (cr);
  cairo_rectangle (cr, layout.plot.x, layout.rows_top, layout.plot.width, bottom - layout.rows_top);
  cairo_clip (cr);
  for (guint r = first; r < last; r++)
    {
      const Row *row = &g_array_index (layout.rows, Row, r);

      if (row->measure < 0)
        draw_summary (ctx, data, &layout, row);
      else
        draw_measure (ctx, data, &layout, row, &today);
    }
  draw_links (ctx, data, &layout);
  cairo_restore (cr);
  draw_today (ctx, &layout, bottom);
  cairo_restore (cr);

  /* the line between the titles and the plot */
  gk_chart_set_source (cr, &palette->axis, 1);
  gk_chart_vline (cr, round (layout.plot.x - COLUMN_GAP / 2) + 0.5, layout.rows_top, bottom, 1);

  if (layout.legend_height > 0 && last == layout.last && bottom + layout.legend_height <= area->y + area->height + 0.5)
    {
      const GkChartLegendItem *items;
      GkChartRect legend = { x, bottom + LEGEND_GAP, width, layout.legend_height - LEGEND_GAP };
      guint n_items;

      items = legend_items (&n_items);
      gk_chart_draw_legend (ctx, items, n_items, &legend, TRUE);
    }

  cairo_restore (cr);
  layout_clear (&layout);
}

int
gk_timeline_chart_hit_test (GkChartContext *ctx,
                            double          x,
                            double          y)
{
  const GkChartHitRegion *region = gk_chart_context_hit_test (ctx, x, y);

  if (region == NULL || region->kind != GK_CHART_HIT_TIMELINE_MEASURE)
    return -1;
  return region->index;
}
