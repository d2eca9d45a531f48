/* gk-timeline-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lane per focus project, its name and owner on the left; its measures
 * as bars from start to due date, packed into rows so that no two bars and
 * no two labels meet. A label sits inside its bar (shortened to fit), or
 * for a short bar or a milestone just right of it, in room reserved while
 * packing; where there is no room, it is left out rather than overlapped.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-chart-axis.h"
#include "gk-timeline-chart.h"

#define PADDING         8.0
#define HEADER_GAP      12.0
#define LANE_PADDING    7.0
#define BAR_GAP         4.0     /* between rows */
#define BAR_SPACING     6.0     /* between bars in a row */
#define LABEL_GAP       4.0
#define MIN_BAR         6.0
#define MAX_OUTSIDE     150.0   /* room reserved for a label beside a short bar */
#define LEGEND_GAP      14.0

typedef struct {
  guint    measure;
  double   x0, x1;              /* the bar, or the milestone's centre in x0 */
  double   label_x0, label_x1;  /* room for the label, empty when none */
  double   extent;              /* right end of what the item takes in its row */
  gboolean milestone;
  gboolean label_inside;
  guint    row;
} Item;

typedef struct {
  double y, height;
  guint  n_rows;
  guint  first_item, n_items;
  double name_height;   /* a long project name wraps into a second line */
} Lane;

typedef struct {
  double           header_width;
  GkChartRect      axis;
  GkChartRect      body;          /* all lanes, right of the headers */
  GkChartRect      legend;
  double           row;           /* bar height plus the gap */
  double           bar;
  GkChartTimeScale time;
  GArray          *items;         /* Item, lane by lane */
  GArray          *lanes;         /* Lane */
  double           height;        /* of the whole chart */
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

static double
header_width (GkChartContext            *ctx,
              const GkTimelineChartData *data,
              double                     width)
{
  double widest = 0;

  for (guint p = 0; p < data->n_projects; p++)
    {
      double name, owner;

      gk_chart_text_size (ctx, data->projects[p].name ? data->projects[p].name : "", GK_CHART_FONT_BOLD, &name, NULL);
      gk_chart_text_size (ctx, owner_text (&data->projects[p]), GK_CHART_FONT_SMALL, &owner, NULL);
      widest = MAX (widest, MAX (name, owner));
    }
  return ceil (CLAMP (widest + 2 * LANE_PADDING, 110, MIN (280, width * 0.24)));
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Item *ia = a, *ib = b;
  const GkTimelineChartData *data = user_data;
  guint pa = data->measures[ia->measure].project, pb = data->measures[ib->measure].project;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  if (ia->x0 != ib->x0)
    return ia->x0 < ib->x0 ? -1 : 1;
  if (ia->x1 != ib->x1)
    return ia->x1 > ib->x1 ? -1 : 1;   /* longer bars first */
  return ia->measure < ib->measure ? -1 : ia->measure > ib->measure;
}

/* Where the bar goes in x and how much room its label needs. */
static gboolean
place_item (GkChartContext            *ctx,
            const GkTimelineChartData *data,
            const Layout              *layout,
            guint                      index,
            Item                      *item)
{
  const GkTimelineMeasure *measure = &data->measures[index];
  gboolean has_start = g_date_valid (&measure->start);
  gboolean has_due = g_date_valid (&measure->due);
  double left = layout->body.x, right = layout->body.x + layout->body.width;
  double label_width = 0;
  double inside_min = 2.6 * gk_chart_font_size (ctx, GK_CHART_FONT_SMALL) + 12;

  if (measure->project >= data->n_projects || (!has_start && !has_due))
    return FALSE;

  item->measure = index;
  item->milestone = !has_start || !has_due;
  if (item->milestone)
    {
      double x = gk_chart_time_scale_x_julian (&layout->time,
                                               gk_chart_julian (has_due ? &measure->due : &measure->start) + 0.5);

      if (x < left || x > right)
        return FALSE;
      item->x0 = item->x1 = x;
    }
  else
    {
      guint32 j0 = gk_chart_julian (&measure->start), j1 = gk_chart_julian (&measure->due);

      if (j1 < j0)
        {
          guint32 swap = j0;

          j0 = j1;
          j1 = swap;
        }
      item->x0 = gk_chart_time_scale_x_julian (&layout->time, j0);
      item->x1 = gk_chart_time_scale_x_julian (&layout->time, j1 + 1);
      if (item->x1 < left || item->x0 > right)
        return FALSE;
      item->x0 = MAX (item->x0, left);
      item->x1 = MIN (item->x1, right);
      if (item->x1 - item->x0 < MIN_BAR)
        item->x1 = item->x0 + MIN_BAR;
    }

  item->label_inside = !item->milestone && item->x1 - item->x0 >= inside_min;
  item->label_x0 = item->label_x1 = 0;
  if (item->label_inside)
    {
      item->label_x0 = item->x0 + 6;
      item->label_x1 = item->x1 - 6;
    }
  else if (measure->title != NULL && *measure->title != '\0')
    {
      double start = (item->milestone ? item->x0 + layout->bar / 2 : item->x1) + LABEL_GAP;

      gk_chart_text_size (ctx, measure->title, GK_CHART_FONT_SMALL, &label_width, NULL);
      label_width = MIN (ceil (label_width), MAX_OUTSIDE);
      label_width = MIN (label_width, right - start);
      if (label_width >= inside_min - 12)
        {
          item->label_x0 = start;
          item->label_x1 = start + label_width;
        }
    }

  item->extent = MAX (item->milestone ? item->x0 + layout->bar / 2 : item->x1, item->label_x1);
  return TRUE;
}

/* Greedy interval packing: each bar goes into the first row where it fits. */
static guint
pack_lane (Item   *items,
           guint   n_items,
           double  bar)
{
  g_autoptr(GArray) row_ends = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_items; i++)
    {
      double start = items[i].milestone ? items[i].x0 - bar / 2 : items[i].x0;
      guint r;

      for (r = 0; r < row_ends->len; r++)
        if (g_array_index (row_ends, double, r) + BAR_SPACING <= start)
          break;
      if (r == row_ends->len)
        g_array_append_val (row_ends, items[i].extent);
      else
        g_array_index (row_ends, double, r) = items[i].extent;
      items[i].row = r;
    }
  return row_ends->len;
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
  g_clear_pointer (&layout->items, g_array_unref);
  g_clear_pointer (&layout->lanes, g_array_unref);
}

static void
compute_layout (GkChartContext            *ctx,
                const GkTimelineChartData *data,
                const GkChartRect         *area,
                Layout                    *layout)
{
  double inner_x = area->x + PADDING, inner_width = area->width - 2 * PADDING;
  double lane_header;
  double y;
  GDate start, end;
  guint i;

  memset (layout, 0, sizeof *layout);
  layout->items = g_array_sized_new (FALSE, FALSE, sizeof (Item), data->n_measures);
  layout->lanes = g_array_sized_new (FALSE, TRUE, sizeof (Lane), data->n_projects);

  layout->bar = ceil (gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 7);
  layout->row = layout->bar + BAR_GAP;
  layout->header_width = header_width (ctx, data, inner_width);

  date_range (ctx, data, &start, &end);
  layout->body.x = inner_x + layout->header_width + HEADER_GAP;
  layout->body.width = MAX (inner_x + inner_width - layout->body.x, 10);
  gk_chart_time_scale_init (&layout->time, &start, &end, layout->body.x, layout->body.x + layout->body.width);

  layout->axis = (GkChartRect) { layout->body.x, area->y + PADDING, layout->body.width, 0 };
  layout->axis.height = gk_chart_draw_time_axis (ctx, &layout->time, GK_CHART_TIME_AXIS_QUARTERS,
                                                 &layout->axis, NULL, FALSE) + 6;

  for (i = 0; i < data->n_measures; i++)
    {
      Item item;

      if (place_item (ctx, data, layout, i, &item))
        g_array_append_val (layout->items, item);
    }
  g_array_sort_with_data (layout->items, compare_items, (gpointer) data);

  y = layout->axis.y + layout->axis.height;
  i = 0;
  for (guint p = 0; p < data->n_projects; p++)
    {
      Lane lane = { y, 0, 0, i, 0, 0 };

      /* Two lines name a project on a narrow page, where one line would
       * cut "Resultaatgericht contracteren" to "Resultaatgericht contra…". */
      lane.name_height = gk_chart_text_wrapped_height (ctx, data->projects[p].name, GK_CHART_FONT_BOLD,
                                                       layout->header_width - LANE_PADDING, 2);
      lane_header = lane.name_height + gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 2 * LANE_PADDING;

      while (i < layout->items->len &&
             data->measures[g_array_index (layout->items, Item, i).measure].project == p)
        i++;
      lane.n_items = i - lane.first_item;
      lane.n_rows = pack_lane (&g_array_index (layout->items, Item, lane.first_item), lane.n_items, layout->bar);
      lane.height = MAX (lane_header, MAX (lane.n_rows, 1) * layout->row - BAR_GAP + 2 * LANE_PADDING);
      g_array_append_val (layout->lanes, lane);
      y += lane.height;
    }

  layout->body.y = layout->axis.y + layout->axis.height;
  layout->body.height = y - layout->body.y;
  layout->legend = (GkChartRect) { inner_x, y + LEGEND_GAP, inner_width, legend_height (ctx, data, inner_width) - LEGEND_GAP };
  layout->height = y + legend_height (ctx, data, inner_width) + PADDING - area->y;
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

/* --- drawing ------------------------------------------------------------ */

static void
draw_lanes_background (GkChartContext            *ctx,
                       const GkTimelineChartData *data,
                       const Layout              *layout,
                       const GkChartRect         *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double x = area->x + PADDING, width = area->width - 2 * PADDING;

  for (guint p = 0; p < layout->lanes->len; p++)
    {
      const Lane *lane = &g_array_index (layout->lanes, Lane, p);

      if (p % 2 == 1)
        {
          cairo_rectangle (cr, x, lane->y, width, lane->height);
          gk_chart_set_source (cr, &palette->surface, 1);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, x, round (lane->y + lane->height) - 1, width, 1);
      gk_chart_set_source (cr, &palette->grid, 1);
      cairo_fill (cr);
    }
  if (layout->lanes->len > 0)
    {
      const Lane *first = &g_array_index (layout->lanes, Lane, 0);

      cairo_rectangle (cr, x, round (first->y) - 1, width, 1);
      gk_chart_set_source (cr, &palette->axis, 1);
      cairo_fill (cr);
    }
}

static void
draw_lane_header (GkChartContext            *ctx,
                  const GkTimelineChartData *data,
                  const Layout              *layout,
                  const GkChartRect         *area,
                  guint                      p)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkTimelineProject *project = &data->projects[p];
  const Lane *lane = &g_array_index (layout->lanes, Lane, p);
  double x = area->x + PADDING + LANE_PADDING;
  double width = layout->header_width - LANE_PADDING;
  double name_height = lane->name_height;
  double owner_height = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  gboolean has_owner = project->owner != NULL && *project->owner != '\0';
  GkChartRect box = { x, lane->y + LANE_PADDING - 1, width, name_height };
  GkChartRect hit = { area->x + PADDING, lane->y, layout->header_width, lane->height };

  gk_chart_draw_text (ctx, project->name, GK_CHART_FONT_BOLD, &palette->foreground, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START,
                      GK_CHART_TEXT_ELLIPSIZE | GK_CHART_TEXT_WRAP, NULL);
  box = (GkChartRect) { x, box.y + name_height, width, owner_height };
  gk_chart_draw_text (ctx, owner_text (project), GK_CHART_FONT_SMALL,
                      has_owner ? &palette->foreground_dim : &palette->warning, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_PROJECT, p, -1);

  if (lane->n_items == 0)
    {
      GkChartRect empty = { layout->body.x + 8, lane->y, layout->body.width - 16, lane->height };

      gk_chart_draw_text (ctx, _("No measures"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &empty,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
    }
}

static double
item_y (const Layout *layout,
        const Lane   *lane,
        const Item   *item)
{
  return lane->y + LANE_PADDING + item->row * layout->row;
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
draw_bar (GkChartContext          *ctx,
          const GkTimelineMeasure *measure,
          const Item              *item,
          double                   y,
          double                   height,
          gboolean                 overdue)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkStatusStyle *style = gk_measure_status_style (measure->status, gk_chart_context_get_variant (ctx));
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double x0 = item->x0, width = item->x1 - item->x0;
  double radius = 3;

  cairo_save (cr);
  if (item->milestone)
    {
      double c = height / 2;

      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x0 + c, y + c);
      cairo_line_to (cr, x0, y + height);
      cairo_line_to (cr, x0 - c, y + c);
      cairo_close_path (cr);
      gk_chart_set_source (cr, &style->fill, measure->status == GK_MEASURE_STATUS_DROPPED ? 0.5 : 1);
      cairo_fill_preserve (cr);
      gk_chart_set_source (cr, overdue ? &palette->warning : &style->border, 1);
      cairo_set_line_width (cr, overdue ? 2 : 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

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
                             radius - border / 2);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      gk_chart_set_source (cr, overdue ? &palette->warning : &style->border, 1);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* The label of an in-progress bar changes colour where the progress fill
 * ends, so that it reads on both parts. */
static void
draw_label (GkChartContext          *ctx,
            const GkTimelineMeasure *measure,
            const Item              *item,
            double                   y,
            double                   height)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkStatusStyle *style = gk_measure_status_style (measure->status, gk_chart_context_get_variant (ctx));
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GkChartTextFlags flags = GK_CHART_TEXT_ELLIPSIZE;
  GkChartRect box = { item->label_x0, y, item->label_x1 - item->label_x0, height };
  const GkRgb *colour = &palette->foreground;

  if (box.width <= 0 || measure->title == NULL)
    return;

  if (measure->status == GK_MEASURE_STATUS_DROPPED)
    {
      flags |= GK_CHART_TEXT_STRIKETHROUGH;
      colour = &palette->foreground_dim;
    }

  if (item->label_inside && measure->status == GK_MEASURE_STATUS_DONE)
    {
      double size = height * 0.45;

      gk_chart_set_source (cr, &style->ink, 1);
      draw_check_mark (cr, box.x, y + (height - size) / 2, size);
      box.x += size + 5;
      box.width -= size + 5;
      colour = &style->ink;
    }
  else if (item->label_inside && measure->status == GK_MEASURE_STATUS_IN_PROGRESS)
    {
      double split = item->x0 + (item->x1 - item->x0) * CLAMP (measure->progress, 0, 100) / 100;
      GkChartRect drawn;

      cairo_save (cr);
      cairo_rectangle (cr, split, y, item->x1 - split, height);
      cairo_clip (cr);
      if (!gk_chart_draw_text (ctx, measure->title, GK_CHART_FONT_SMALL, &palette->foreground, &box,
                               GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, flags, &drawn))
        {
          cairo_restore (cr);
          return;
        }
      cairo_restore (cr);
      if (split > drawn.x)
        {
          /* the same text again in the ink of the fill, not recorded twice */
          cairo_save (cr);
          cairo_rectangle (cr, item->x0, y, split - item->x0, height);
          cairo_clip (cr);
          gk_chart_draw_text (ctx, measure->title, GK_CHART_FONT_SMALL, &style->ink, &box,
                              GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, flags, NULL);
          cairo_restore (cr);
          gk_chart_context_forget_last_text_box (ctx);
        }
      return;
    }
  else if (item->label_inside)
    colour = measure->status == GK_MEASURE_STATUS_DROPPED ? &palette->foreground_dim : &style->ink;

  if (item->label_inside && measure->status == GK_MEASURE_STATUS_IDEA)
    colour = &palette->foreground;

  gk_chart_draw_text (ctx, measure->title, GK_CHART_FONT_SMALL, colour, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, flags, NULL);
}

void
gk_timeline_chart_draw (GkChartContext            *ctx,
                        const GkTimelineChartData *data,
                        const GkChartRect         *area)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GDate today = gk_chart_context_get_today (ctx);
  GkChartRect grid;
  Layout layout;

  g_return_if_fail (cr != NULL);

  compute_layout (ctx, data, area, &layout);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  draw_lanes_background (ctx, data, &layout, area);
  grid = (GkChartRect) { layout.body.x, layout.axis.y, layout.body.width, layout.body.y + layout.body.height - layout.axis.y };
  gk_chart_draw_time_axis (ctx, &layout.time, GK_CHART_TIME_AXIS_QUARTERS, &layout.axis, &grid, TRUE);

  for (guint p = 0; p < layout.lanes->len; p++)
    draw_lane_header (ctx, data, &layout, area, p);

  /* bars, then the today line over them, then the labels over both */
  for (guint p = 0; p < layout.lanes->len; p++)
    {
      const Lane *lane = &g_array_index (layout.lanes, Lane, p);

      for (guint i = lane->first_item; i < lane->first_item + lane->n_items; i++)
        {
          const Item *item = &g_array_index (layout.items, Item, i);
          const GkTimelineMeasure *measure = &data->measures[item->measure];
          double y = item_y (&layout, lane, item);
          GkChartRect hit;

          draw_bar (ctx, measure, item, y, layout.bar, gk_timeline_measure_is_overdue (measure, &today));
          if (item->milestone)
            hit = (GkChartRect) { item->x0 - layout.bar / 2, y, layout.bar, layout.bar };
          else
            hit = (GkChartRect) { item->x0, y, item->x1 - item->x0, layout.bar };
          gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_TIMELINE_MEASURE, item->measure, -1);
        }
    }

  gk_chart_draw_today_line (ctx, &layout.time, layout.body.y, layout.body.y + layout.body.height, FALSE);

  for (guint p = 0; p < layout.lanes->len; p++)
    {
      const Lane *lane = &g_array_index (layout.lanes, Lane, p);

      for (guint i = lane->first_item; i < lane->first_item + lane->n_items; i++)
        {
          const Item *item = &g_array_index (layout.items, Item, i);

          draw_label (ctx, &data->measures[item->measure], item, item_y (&layout, lane, item), layout.bar);
        }
    }

  if (!data->hide_legend)
    {
      const GkChartLegendItem *items;
      guint n_items;

      items = legend_items (&n_items);
      gk_chart_draw_legend (ctx, items, n_items, &layout.legend, TRUE);
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
