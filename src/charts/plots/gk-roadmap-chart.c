/* gk-roadmap-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap reads left to right like a calendar: a row per topic, a column
 * per period, and the programme's headline level on top. Runs of the same
 * level are labelled once, so a row reads "Serious ... Vigilant ..." rather
 * than repeating a word in every cell; with sixty thin columns the labels
 * shrink to one-letter codes or go, and the colour, lightness and pattern
 * still tell the levels apart.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-chart-axis.h"
#include "gk-roadmap-chart.h"

#define PADDING        8.0
#define NAME_GAP       12.0
#define HEADLINE_GAP   10.0
#define ROW_GAP        2.0
#define LEGEND_GAP     14.0
#define MIN_ROW        14.0

typedef struct {
  GkChartRect names;       /* the topic names column */
  GkChartRect header;      /* the period labels above the cells */
  GkChartRect cells;       /* every row of cells, headline included */
  GkChartRect legend;
  GkChartRect targets;     /* the target column right of the cells; empty without targets */
  double      column;      /* width of one period */
  double      row;         /* height of one row, gap included */
  double      headline_y;
  double      topics_y;
  guint       label_step;  /* periods between period labels; 0: none */
} Layout;

static const char *
level_code (GkLevel level)
{
  switch (level)
    {
    case GK_LEVEL_SERIOUS:
      /* Translators: one or two letters for Serious in a narrow roadmap cell; Dutch "E" */
      return C_("level code", "S");
    case GK_LEVEL_VIGILANT:
      /* Translators: one or two letters for Vigilant; Dutch "W" */
      return C_("level code", "V");
    case GK_LEVEL_IN_CONTROL:
      /* Translators: one or two letters for In control; Dutch "IC" */
      return C_("level code", "IC");
    case GK_LEVEL_NONE:
    default:
      return "";
    }
}

static const GkChartLegendItem *
legend_items (guint *n_items)
{
  static GkChartLegendItem items[6];

  items[0] = (GkChartLegendItem) { gk_level_label (GK_LEVEL_SERIOUS), 0, GK_LEVEL_SERIOUS, GK_CHART_LEGEND_LEVEL };
  items[1] = (GkChartLegendItem) { gk_level_label (GK_LEVEL_VIGILANT), 0, GK_LEVEL_VIGILANT, GK_CHART_LEGEND_LEVEL };
  items[2] = (GkChartLegendItem) { gk_level_label (GK_LEVEL_IN_CONTROL), 0, GK_LEVEL_IN_CONTROL, GK_CHART_LEGEND_LEVEL };
  items[3] = (GkChartLegendItem) { gk_level_label (GK_LEVEL_NONE), 0, GK_LEVEL_NONE, GK_CHART_LEGEND_LEVEL };
  items[4] = (GkChartLegendItem) { _("Target"), 0, GK_LEVEL_IN_CONTROL, GK_CHART_LEGEND_TARGET };
  items[5] = (GkChartLegendItem) { _("Today"), 0, 0, GK_CHART_LEGEND_TODAY };
  *n_items = G_N_ELEMENTS (items);
  return items;
}

static const char *
headline_title (void)
{
  /* Translators: the row of the roadmap with the programme's headline grip level */
  return _("Headline");
}

static double
names_width (GkChartContext           *ctx,
             const GkRoadmapChartData *data,
             double                    width)
{
  double widest;

  gk_chart_text_size (ctx, headline_title (), GK_CHART_FONT_BOLD, &widest, NULL);
  for (guint i = 0; i < data->n_topics; i++)
    {
      double w;

      gk_chart_text_size (ctx, data->topics[i].name ? data->topics[i].name : "", GK_CHART_FONT_BODY, &w, NULL);
      widest = MAX (widest, w);
    }
  return ceil (CLAMP (widest + 2, 60, width * 0.28));
}

static double
header_height (GkChartContext *ctx)
{
  return 2 * (gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 4) + 8;
}

static double
legend_height (GkChartContext           *ctx,
               const GkRoadmapChartData *data,
               double                    width)
{
  const GkChartLegendItem *items;
  GkChartRect area = { 0, 0, width, 0 };
  guint n_items;

  if (data->hide_legend)
    return 0;
  items = legend_items (&n_items);
  return LEGEND_GAP + gk_chart_draw_legend (ctx, items, n_items, &area, FALSE);
}

static guint
n_rows (const GkRoadmapChartData *data)
{
  return data->n_topics + (data->hide_headline ? 0 : 1);
}

static double
fixed_height (GkChartContext           *ctx,
              const GkRoadmapChartData *data,
              double                    width)
{
  return 2 * PADDING + header_height (ctx) + legend_height (ctx, data, width - 2 * PADDING) +
         (data->hide_headline ? 0 : HEADLINE_GAP);
}

static double
comfortable_row (GkChartContext *ctx)
{
  return ceil (gk_chart_line_height (ctx, GK_CHART_FONT_BODY) + 12);
}

double
gk_roadmap_chart_get_preferred_height (GkChartContext           *ctx,
                                       const GkRoadmapChartData *data,
                                       double                    width)
{
  return fixed_height (ctx, data, width) + n_rows (data) * comfortable_row (ctx);
}

static guint
label_step (double column,
            double label_width,
            const guint *steps,
            guint        n_steps)
{
  for (guint i = 0; i < n_steps; i++)
    if (label_width + 12 <= steps[i] * column)
      return steps[i];
  return 0;
}

/* Every how many periods a label fits, on calendar boundaries (every 3rd
 * month is every quarter); 0 when not even yearly labels fit. */
static guint
period_label_step (GkChartContext           *ctx,
                   const GkRoadmapChartData *data,
                   double                    column)
{
  static const guint month_steps[] = { 1, 2, 3, 6, 12 };
  static const guint quarter_steps[] = { 1, 2, 4 };
  gboolean quarterly = data->frequency != GK_FREQUENCY_MONTHLY;
  double widest = 0;

  for (guint p = 0; p < data->n_periods && p < 12; p++)
    {
      g_autofree char *label = quarterly ? gk_format_quarter (&data->periods[p].start, FALSE)
                                         : gk_format_month (&data->periods[p].start, FALSE);
      double w;

      gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &w, NULL);
      widest = MAX (widest, w);
    }
  return quarterly ? label_step (column, widest, quarter_steps, G_N_ELEMENTS (quarter_steps))
                   : label_step (column, widest, month_steps, G_N_ELEMENTS (month_steps));
}

static gboolean
has_target (const GkRoadmapTopic *topic)
{
  return topic->target_level != GK_LEVEL_NONE && g_date_valid (&topic->target_date);
}

static const char *
target_title (void)
{
  /* Translators: header of the roadmap column with each topic's target level and date */
  return _("Target");
}

/* Each topic's target as a flag and a month, right of the cells: the
 * target date is often beyond the periods shown. */
static double
targets_width (GkChartContext           *ctx,
               const GkRoadmapChartData *data)
{
  double widest = 0;
  gboolean any = FALSE;

  if (!data->show_target_column)
    return 0;
  for (guint t = 0; t < data->n_topics; t++)
    if (has_target (&data->topics[t]))
      {
        g_autofree char *label = gk_format_month (&data->topics[t].target_date, TRUE);
        double w;

        gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &w, NULL);
        widest = MAX (widest, w);
        any = TRUE;
      }
  if (!any)
    return 0;
  widest += 20;   /* the flag */
  {
    double w;

    gk_chart_text_size (ctx, target_title (), GK_CHART_FONT_SMALL, &w, NULL);
    widest = MAX (widest, w);
  }
  return ceil (widest + 2);
}

static void
compute_layout (GkChartContext           *ctx,
                const GkRoadmapChartData *data,
                const GkChartRect        *area,
                Layout                   *layout)
{
  double inner_x = area->x + PADDING;
  double inner_width = area->width - 2 * PADDING;
  double names = names_width (ctx, data, inner_width);
  double rows_height = area->height - fixed_height (ctx, data, area->width);
  double targets = targets_width (ctx, data);
  double cells_x = inner_x + names + NAME_GAP;
  double cells_width = MAX (inner_x + inner_width - cells_x - (targets > 0 ? targets + NAME_GAP : 0), 1);
  guint rows = MAX (n_rows (data), 1);

  layout->column = cells_width / MAX (data->n_periods, 1);
  layout->row = CLAMP (floor (rows_height / rows), MIN_ROW, comfortable_row (ctx));

  layout->label_step = period_label_step (ctx, data, layout->column);
  layout->header = (GkChartRect) { cells_x, area->y + PADDING, cells_width, header_height (ctx) };
  layout->headline_y = layout->header.y + layout->header.height;
  layout->topics_y = layout->headline_y + (data->hide_headline ? 0 : layout->row + HEADLINE_GAP);
  layout->cells = (GkChartRect) {
    cells_x, layout->headline_y, cells_width,
    layout->topics_y + data->n_topics * layout->row - layout->headline_y
  };
  layout->names = (GkChartRect) { inner_x, layout->headline_y, names, layout->cells.height };
  layout->targets = (GkChartRect) {
    cells_x + cells_width + NAME_GAP, layout->topics_y, targets, data->n_topics * layout->row
  };
  layout->legend = (GkChartRect) {
    inner_x, layout->cells.y + layout->cells.height + LEGEND_GAP, inner_width,
    legend_height (ctx, data, inner_width) - LEGEND_GAP
  };
}

static double
column_x (const Layout *layout,
          guint         period)
{
  return layout->cells.x + period * layout->column;
}

/* Where a date falls: inside its period's column, in proportion to the day. */
static double
date_x (const GkRoadmapChartData *data,
        const Layout             *layout,
        const GDate              *date,
        gboolean                 *out_inside)
{
  guint32 julian = gk_chart_julian (date);

  *out_inside = FALSE;
  /* An unset date (no today) lies nowhere. */
  if (data->n_periods == 0 || julian == 0)
    return layout->cells.x;
  if (julian < gk_chart_julian (&data->periods[0].start))
    return layout->cells.x;
  for (guint p = 0; p < data->n_periods; p++)
    {
      guint32 start = gk_chart_julian (&data->periods[p].start);
      guint32 end = gk_chart_julian (&data->periods[p].end);

      if (julian >= start && julian <= end)
        {
          *out_inside = TRUE;
          return column_x (layout, p) + layout->column * (julian - start + 0.5) / (end - start + 1);
        }
    }
  return layout->cells.x + layout->cells.width;
}

static gboolean
period_in_future (GkChartContext        *ctx,
                  const GkRoadmapPeriod *period)
{
  GDate today = gk_chart_context_get_today (ctx);

  return g_date_valid (&period->start) && g_date_valid (&today) && g_date_compare (&period->start, &today) > 0;
}

typedef enum {
  PASS_CELLS,
  PASS_LABELS,
} Pass;

static gboolean
period_boundary_marked (const GkRoadmapChartData *data,
                        const Layout             *layout,
                        guint                     p)
{
  const GDate *start = &data->periods[p].start;
  gboolean quarterly = data->frequency != GK_FREQUENCY_MONTHLY;
  guint index = quarterly ? (g_date_get_month (start) - 1) / 3 : g_date_get_month (start) - 1;

  /* every period where there is room, else only where the labels are */
  if (layout->column >= 10)
    return TRUE;
  return layout->label_step > 0 && index % layout->label_step == 0;
}

/* One row of cells, run by run: a run of the same level is filled as one
 * block (its pattern continuous) and labelled once, with the word when it
 * fits, else with the level's code. Cells first, labels in a later pass so
 * that the today line runs under them. */
static void
draw_level_row (GkChartContext           *ctx,
                const GkRoadmapChartData *data,
                const Layout             *layout,
                double                    y,
                const GkLevel            *levels,
                gboolean                  headline,
                int                       topic,
                Pass                      pass)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  GkStyleVariant variant = gk_chart_context_get_variant (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double height = layout->row - ROW_GAP;
  guint p = 0;

  while (p < data->n_periods)
    {
      GkLevel level = levels[p];
      gboolean future = level == GK_LEVEL_NONE && period_in_future (ctx, &data->periods[p]);
      const GkLevelStyle *style = gk_level_style_get (level, variant);
      guint end = p + 1;
      double x0, x1;

      while (end < data->n_periods && levels[end] == level &&
             (level != GK_LEVEL_NONE || period_in_future (ctx, &data->periods[end]) == future))
        end++;

      x0 = round (column_x (layout, p));
      x1 = round (column_x (layout, end));
      if (pass == PASS_CELLS)
        {
          if (future)
            {
              cairo_rectangle (cr, x0, y, x1 - x0, height);
              gk_chart_set_source (cr, &palette->surface, 1);
              cairo_fill (cr);
            }
          else
            gk_level_style_fill_rect (cr, style, x0, y, x1 - x0, height);

          /* period boundaries inside the run, thin, in the background colour */
          gk_chart_set_source (cr, &palette->background, future ? 1 : 0.75);
          for (guint q = p + 1; q < end; q++)
            if (period_boundary_marked (data, layout, q))
              cairo_rectangle (cr, round (column_x (layout, q)), y, 1, height);
          cairo_fill (cr);

          for (guint q = p; q < end; q++)
            {
              GkChartRect cell = { column_x (layout, q), y, layout->column, layout->row };

              if (headline)
                gk_chart_context_add_hit_region (ctx, &cell, GK_CHART_HIT_ROADMAP_HEADLINE, -1, q);
              else
                gk_chart_context_add_hit_region (ctx, &cell, GK_CHART_HIT_ROADMAP_CELL, topic, q);
            }
        }
      else if (level != GK_LEVEL_NONE)
        {
          GkChartRect box = { x0 + 4, y, x1 - x0 - 8, height };
          GkChartFont font = headline ? GK_CHART_FONT_BOLD : GK_CHART_FONT_SMALL;

          /* on a plate of the plain fill, so that the pattern stays off the letters */
          if (!gk_chart_draw_text_backed (ctx, gk_level_short_label (level), font, &style->ink,
                                          &style->fill, 1, &box, GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER,
                                          GK_CHART_TEXT_NONE, NULL))
            gk_chart_draw_text_backed (ctx, level_code (level), GK_CHART_FONT_SMALL, &style->ink,
                                       &style->fill, 1, &box, GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER,
                                       GK_CHART_TEXT_NONE, NULL);
        }
      p = end;
    }

  /* run boundaries in the background colour keep adjacent levels apart */
  if (pass == PASS_CELLS && layout->column >= 3)
    {
      gk_chart_set_source (cr, &palette->background, 1);
      for (p = 1; p < data->n_periods; p++)
        if (levels[p] != levels[p - 1])
          cairo_rectangle (cr, round (column_x (layout, p)) - 1, y, 2, height);
      cairo_fill (cr);
    }
}

/* Period labels under year labels; thinned to every 2nd, 3rd, 6th... period
 * on calendar boundaries so that they never collide. */
static void
draw_header (GkChartContext           *ctx,
             const GkRoadmapChartData *data,
             const Layout             *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  gboolean quarterly = data->frequency != GK_FREQUENCY_MONTHLY;
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 4;
  guint step = layout->label_step;
  guint p;

  /* years: centred on the periods that start in them */
  p = 0;
  while (p < data->n_periods)
    {
      GDateYear year = g_date_get_year (&data->periods[p].start);
      guint end = p + 1;
      g_autofree char *label = NULL;
      GkChartRect box;

      while (end < data->n_periods && g_date_get_year (&data->periods[end].start) == year)
        end++;
      label = g_strdup_printf ("%d", (int) year);
      box = (GkChartRect) { column_x (layout, p) + 2, layout->header.y, (end - p) * layout->column - 4, line };
      gk_chart_draw_text (ctx, label, GK_CHART_FONT_BOLD, &palette->foreground, &box,
                          p == 0 && end - p < 3 ? GK_CHART_ALIGN_START : GK_CHART_ALIGN_CENTER,
                          GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_AVOID_OVERLAP, NULL);
      if (p > 0)
        {
          cairo_t *cr = gk_chart_context_get_cairo (ctx);
          double x = round (column_x (layout, p)) - 0.5;

          gk_chart_set_source (cr, &palette->axis, 1);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x, layout->header.y + 2);
          cairo_line_to (cr, x, layout->header.y + line);
          cairo_stroke (cr);
        }
      p = end;
    }

  if (step == 0)
    return;

  for (p = 0; p < data->n_periods; p++)
    {
      const GDate *start = &data->periods[p].start;
      guint index = quarterly ? (g_date_get_month (start) - 1) / 3 : g_date_get_month (start) - 1;
      g_autofree char *label = NULL;
      double centre, w;
      GkChartRect box;

      if (index % step != 0)
        continue;
      label = quarterly ? gk_format_quarter (start, FALSE) : gk_format_month (start, FALSE);
      gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &w, NULL);
      centre = column_x (layout, p) + layout->column / 2;
      box = (GkChartRect) { centre - w / 2 - 1, layout->header.y + line, w + 2, line };
      /* keep the outer labels inside the chart */
      box.x = CLAMP (box.x, layout->header.x, layout->header.x + layout->header.width - box.width);
      gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                          GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER,
                          GK_CHART_TEXT_AVOID_OVERLAP, NULL);
    }
}

static void
draw_target_flags (GkChartContext           *ctx,
                   const GkRoadmapChartData *data,
                   const Layout             *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  double size = MIN (layout->row - ROW_GAP - 4, 18);
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 4;

  if (size < 8)
    return;

  if (layout->targets.width > 0)
    {
      GkChartRect title = { layout->targets.x, layout->header.y + line, layout->targets.width, line };

      gk_chart_draw_text (ctx, target_title (), GK_CHART_FONT_SMALL, &palette->foreground_dim, &title,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
    }

  for (guint t = 0; t < data->n_topics; t++)
    {
      const GkRoadmapTopic *topic = &data->topics[t];
      double y = layout->topics_y + t * layout->row;
      double bottom = y + layout->row - ROW_GAP - 2;
      g_autofree char *month = NULL;
      gboolean inside;
      double x;
      GkChartRect hit, label;

      if (!has_target (topic))
        continue;

      /* on the timeline, where the date falls within the periods shown */
      x = date_x (data, layout, &topic->target_date, &inside);
      if (inside)
        {
          x = MIN (x, layout->cells.x + layout->cells.width - size * 0.8);
          gk_chart_draw_target_flag (ctx, topic->target_level, x, bottom, size);
          hit = (GkChartRect) { x - 3, y, size * 0.8 + 6, layout->row };
          gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_ROADMAP_TARGET, t, -1);
        }

      /* and in the target column, with its month */
      if (layout->targets.width <= 0)
        continue;
      gk_chart_draw_target_flag (ctx, topic->target_level, layout->targets.x + 2, bottom, size);
      month = gk_format_month (&topic->target_date, TRUE);
      label = (GkChartRect) { layout->targets.x + 20, y, layout->targets.width - 20, layout->row - ROW_GAP };
      gk_chart_draw_text (ctx, month, GK_CHART_FONT_SMALL, &palette->foreground, &label,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
      hit = (GkChartRect) { layout->targets.x, y, layout->targets.width, layout->row };
      gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_ROADMAP_TARGET, t, -1);
    }
}

static void
draw_today (GkChartContext           *ctx,
            const GkRoadmapChartData *data,
            const Layout             *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GDate today = gk_chart_context_get_today (ctx);
  gboolean inside;
  double x = date_x (data, layout, &today, &inside);
  double top = layout->cells.y - 4;

  if (!inside)
    return;

  cairo_save (cr);
  /* a halo keeps the line visible on every level colour */
  gk_chart_set_source (cr, &palette->background, 0.9);
  cairo_rectangle (cr, x - 2.5, top, 5, layout->cells.height + 8);
  cairo_fill (cr);
  gk_chart_set_source (cr, &palette->accent, 1);
  cairo_rectangle (cr, x - 1, top, 2, layout->cells.height + 8);
  cairo_fill (cr);
  cairo_move_to (cr, x - 5, top - 6);
  cairo_line_to (cr, x + 5, top - 6);
  cairo_line_to (cr, x, top);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
gk_roadmap_chart_draw (GkChartContext           *ctx,
                       const GkRoadmapChartData *data,
                       const GkChartRect        *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  g_autofree GkLevel *headline = NULL;
  Layout layout;

  g_return_if_fail (cr != NULL);

  compute_layout (ctx, data, area, &layout);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  draw_header (ctx, data, &layout);

  if (!data->hide_headline)
    {
      GkChartRect name = { layout.names.x, layout.headline_y, layout.names.width, layout.row - ROW_GAP };

      headline = g_new (GkLevel, MAX (data->n_periods, 1));
      for (guint p = 0; p < data->n_periods; p++)
        headline[p] = data->periods[p].headline;
      gk_chart_draw_text (ctx, headline_title (), GK_CHART_FONT_BOLD, &palette->foreground, &name,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
    }

  for (guint t = 0; t < data->n_topics; t++)
    {
      double y = layout.topics_y + t * layout.row;
      GkChartRect name = { layout.names.x, y, layout.names.width, layout.row - ROW_GAP };
      GkChartRect hit = { layout.names.x, y, layout.names.width + NAME_GAP, layout.row };

      gk_chart_draw_text (ctx, data->topics[t].name, GK_CHART_FONT_BODY, &palette->foreground, &name,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
      gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_ROADMAP_TOPIC, t, -1);
    }

  for (Pass pass = PASS_CELLS; pass <= PASS_LABELS; pass++)
    {
      if (headline != NULL)
        draw_level_row (ctx, data, &layout, layout.headline_y, headline, TRUE, -1, pass);
      for (guint t = 0; t < data->n_topics; t++)
        if (data->topics[t].levels != NULL)
          draw_level_row (ctx, data, &layout, layout.topics_y + t * layout.row,
                          data->topics[t].levels, FALSE, t, pass);
      if (pass == PASS_CELLS)
        draw_today (ctx, data, &layout);
    }

  draw_target_flags (ctx, data, &layout);

  if (!data->hide_legend)
    {
      const GkChartLegendItem *items;
      guint n_items;

      items = legend_items (&n_items);
      gk_chart_draw_legend (ctx, items, n_items, &layout.legend, TRUE);
    }

  cairo_restore (cr);
}
