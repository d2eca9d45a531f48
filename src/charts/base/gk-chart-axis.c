/* gk-chart-axis.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "gk-chart-axis.h"

/* --- scales and axes ---------------------------------------------------- */

guint32
gk_chart_julian (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
}

void
gk_chart_time_scale_init (GkChartTimeScale *scale,
                          const GDate      *start,
                          const GDate      *end,
                          double            x0,
                          double            x1)
{
  scale->j0 = gk_chart_julian (start);
  /* the end date is included: the axis runs to the end of that day */
  scale->j1 = gk_chart_julian (end) + 1;
  if (scale->j1 <= scale->j0)
    scale->j1 = scale->j0 + 1;
  scale->x0 = x0;
  scale->x1 = x1;
}

double
gk_chart_time_scale_x_julian (const GkChartTimeScale *scale,
                              double                  julian)
{
  return scale->x0 + (julian - scale->j0) * (scale->x1 - scale->x0) / (scale->j1 - scale->j0);
}

double
gk_chart_time_scale_x (const GkChartTimeScale *scale,
                       const GDate            *date)
{
  return gk_chart_time_scale_x_julian (scale, gk_chart_julian (date));
}

double
gk_chart_time_scale_julian (const GkChartTimeScale *scale,
                            double                  x)
{
  return scale->j0 + (x - scale->x0) * (scale->j1 - scale->j0) / (scale->x1 - scale->x0);
}

double
gk_chart_value_scale_y (const GkChartValueScale *scale,
                        double                   value)
{
  if (scale->v1 == scale->v0)
    return (scale->y0 + scale->y1) / 2;
  return scale->y0 + (value - scale->v0) * (scale->y1 - scale->y0) / (scale->v1 - scale->v0);
}

double
gk_chart_value_scale_value (const GkChartValueScale *scale,
                            double                   y)
{
  if (scale->y1 == scale->y0)
    return scale->v0;
  return scale->v0 + (y - scale->y0) * (scale->v1 - scale->v0) / (scale->y1 - scale->y0);
}

/* The multiples of @step in min..max: the first, and how many. */
static double
count_ticks (double  min,
             double  max,
             double  step,
             double *out_first)
{
  *out_first = ceil (min / step - 1e-9) * step;
  return floor ((max - *out_first) / step + 1e-9) + 1;
}

guint
gk_chart_nice_ticks (double  min,
                     double  max,
                     guint   max_ticks,
                     double *out_first,
                     double *out_step)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double span, raw, magnitude, step = 1, first, count;
  guint i;

  max_ticks = MAX (max_ticks, 2);
  *out_first = isfinite (min) ? min : 0;
  *out_step = 1;
  /* No range to put ticks on. */
  if (!isfinite (min) || !isfinite (max) || !isfinite (max - min))
    return 0;
  if (!(max > min))
    max = min + 1;
  span = max - min;
  /* So large that adding 1 changed nothing: one tick, at the value. */
  if (!(span > 0))
    return 1;
  raw = span / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));
  for (i = 0; i < G_N_ELEMENTS (steps) - 1; i++)
    if (span / (steps[i] * magnitude) <= max_ticks - 1)
      break;
  step = steps[i] * magnitude;
  count = count_ticks (min, max, step, &first);
  /* A step wider than the range can have no multiple inside it (0.91 to
   * 0.99 in steps of 0.1): the next finer step has one. The count is a
   * double until it is known to be positive: a negative one cast to
   * unsigned is undefined behaviour. */
  while (!(count >= 1) && i > 0)
    {
      step = steps[--i] * magnitude;
      count = count_ticks (min, max, step, &first);
    }
  if (!(count >= 1))
    return 0;
  *out_first = first;
  *out_step = step;
  return (guint) MIN (count, (double) max_ticks);
}

typedef enum {
  UNIT_MONTH,
  UNIT_QUARTER,
  UNIT_YEAR,
} TimeUnit;

static GDate
unit_start (TimeUnit     unit,
            const GDate *date)
{
  GDate start;
  int month = g_date_get_month (date);

  if (unit == UNIT_QUARTER)
    month = (month - 1) / 3 * 3 + 1;
  else if (unit == UNIT_YEAR)
    month = 1;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, month, g_date_get_year (date));
  return start;
}

static void
unit_advance (TimeUnit  unit,
              GDate    *date)
{
  g_date_add_months (date, unit == UNIT_MONTH ? 1 : unit == UNIT_QUARTER ? 3 : 12);
}

static char *
unit_label (TimeUnit     unit,
            const GDate *date,
            gboolean     with_year)
{
  switch (unit)
    {
    case UNIT_MONTH:
      return gk_format_month (date, with_year);
    case UNIT_QUARTER:
      return gk_format_quarter (date, with_year);
    case UNIT_YEAR:
    default:
      return g_strdup_printf ("%d", (int) g_date_get_year (date));
    }
}

/* The widest label of a unit, sampled from one year. */
static double
widest_unit_label (GkChartContext *ctx,
                   TimeUnit        unit,
                   gboolean        with_year)
{
  double widest = 0;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2026);
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *label = unit_label (unit, &date, with_year);
      double width;

      gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &width, NULL);
      widest = MAX (widest, width);
      unit_advance (unit, &date);
      if (unit == UNIT_YEAR)
        break;
    }
  return widest;
}

/* Labels each unit in the row, centred on the visible part of its span,
 * and draws the grid line at its start. */
static void
draw_unit_row (GkChartContext         *ctx,
               const GkChartTimeScale *scale,
               TimeUnit                unit,
               gboolean                with_year,
               guint                   label_every,
               double                  y,
               double                  height,
               const GkChartRect      *grid_area,
               gboolean                major_grid)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GDate date, first;
  guint i = 0;

  g_date_clear (&first, 1);
  g_date_set_julian (&first, (guint32) MAX (scale->j0, 1));
  date = unit_start (unit, &first);

  while (g_date_get_julian (&date) < scale->j1)
    {
      GDate next = date;
      double x0, x1, visible0, visible1;

      unit_advance (unit, &next);
      x0 = gk_chart_time_scale_x (scale, &date);
      x1 = gk_chart_time_scale_x (scale, &next);
      visible0 = MAX (x0, scale->x0);
      visible1 = MIN (x1, scale->x1);

      if (grid_area != NULL && x0 > scale->x0 + 0.5)
        {
          gk_chart_set_source (cr, major_grid ? &palette->axis : &palette->grid, 1);
          cairo_rectangle (cr, round (x0), grid_area->y, 1, grid_area->height);
          cairo_fill (cr);
        }

      if (i % label_every == 0 && visible1 - visible0 > 4)
        {
          g_autofree char *label = unit_label (unit, &date, with_year);
          GkChartRect box = { visible0 + 2, y, visible1 - visible0 - 4, height };

          gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                              GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_CENTER,
                              GK_CHART_TEXT_AVOID_OVERLAP, NULL);
        }
      date = next;
      i++;
    }
}

double
gk_chart_draw_time_axis (GkChartContext         *ctx,
                         const GkChartTimeScale *scale,
                         GkChartTimeAxisMode     mode,
                         const GkChartRect      *label_area,
                         const GkChartRect      *grid_area,
                         gboolean                draw)
{
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double px_per_month = (scale->x1 - scale->x0) / ((scale->j1 - scale->j0) / 30.44);
  double padding = 12;
  double row = line + 4;
  TimeUnit fine = UNIT_YEAR;
  gboolean fine_with_year = FALSE;
  guint year_every = 1;

  if (mode == GK_CHART_TIME_AXIS_AUTO &&
      widest_unit_label (ctx, UNIT_MONTH, FALSE) + padding <= px_per_month)
    fine = UNIT_MONTH;
  else if (widest_unit_label (ctx, UNIT_QUARTER, TRUE) + padding <= 3 * px_per_month)
    {
      fine = UNIT_QUARTER;
      fine_with_year = TRUE;
    }
  else if (widest_unit_label (ctx, UNIT_QUARTER, FALSE) + padding <= 3 * px_per_month)
    fine = UNIT_QUARTER;
  else
    {
      double year_width = widest_unit_label (ctx, UNIT_YEAR, FALSE) + padding;

      while (year_width * year_every > 12 * px_per_month && year_every < 1000)
        year_every *= 2;
    }

  if (draw)
    {
      switch (fine)
        {
        case UNIT_MONTH:
        case UNIT_QUARTER:
          draw_unit_row (ctx, scale, fine, fine_with_year, 1, label_area->y, row, grid_area, FALSE);
          if (!fine_with_year)
            draw_unit_row (ctx, scale, UNIT_YEAR, FALSE, 1, label_area->y + row, row, grid_area, TRUE);
          break;
        case UNIT_YEAR:
        default:
          draw_unit_row (ctx, scale, UNIT_YEAR, FALSE, year_every, label_area->y, row, grid_area, TRUE);
          break;
        }
    }

  return (fine == UNIT_YEAR || fine_with_year) ? row : 2 * row;
}

void
gk_chart_draw_today_line (GkChartContext         *ctx,
                          const GkChartTimeScale *scale,
                          double                  y_top,
                          double                  y_bottom,
                          gboolean                with_label)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  GDate today = gk_chart_context_get_today (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double x;

  /* No today given: no line (charts never read the clock). */
  if (!g_date_valid (&today))
    return;
  x = gk_chart_time_scale_x (scale, &today) + 0.5 * (scale->x1 - scale->x0) / (scale->j1 - scale->j0);
  if (x < scale->x0 || x > scale->x1)
    return;

  cairo_save (cr);
  gk_chart_set_source (cr, &palette->accent, 1);
  gk_chart_vline (cr, x, y_top, y_bottom, 2);
  /* a small triangle on top marks it even where bars hide the line */
  cairo_move_to (cr, x - 5, y_top - 6);
  cairo_line_to (cr, x + 5, y_top - 6);
  cairo_line_to (cr, x, y_top);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);

  if (with_label)
    {
      double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
      GkChartRect box = { x + 5, y_top, 200, line };

      gk_chart_draw_text (ctx, gk_chart_context_get_today_label (ctx), GK_CHART_FONT_SMALL, &palette->accent, &box,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_START,
                          GK_CHART_TEXT_AVOID_OVERLAP, NULL);
    }
}
