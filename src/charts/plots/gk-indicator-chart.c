/* gk-indicator-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measurements over time on the three level bands that the two signal
 * values make, with the baseline, the target and the forecast.
 *
 * The line is reduced per pixel column to its first, lowest, highest and
 * last value before cairo sees it: the picture is the same (the extremes
 * stay), and 100,000 measurements cost about as much as a few hundred.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-chart-axis.h"
#include "gk-chart-dots.h"
#include "gk-indicator-chart.h"

#define PADDING       8.0
#define AXIS_GAP      8.0
#define LEGEND_GAP    12.0
#define POINT_RADIUS  3.5
#define TARGET_MARKER_RADIUS 7.0

typedef struct {
  GkChartRect       plot;
  GkChartRect       time_axis;
  GkChartRect       legend;
  GkChartTimeScale  time;
  GkChartValueScale value;
  double            tick_first;
  double            tick_step;
  guint             n_ticks;
  int               decimals;
} Layout;

/* --- values ------------------------------------------------------------- */

/* Just enough decimals to tell the ticks apart: 0.25 needs two. */
static int
decimals_for_step (double step)
{
  int decimals = 0;

  if (step <= 0)
    return 0;
  while (decimals < 4 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  return decimals;
}

static char *
format_value (const GkIndicatorChartData *data,
              double                      value,
              int                         decimals,
              gboolean                    compact)
{
  g_autofree char *number = NULL;

  switch (data->unit)
    {
    case GK_UNIT_EURO:
      return compact ? gk_format_euro_compact (value) : gk_format_euro (value);
    case GK_UNIT_PERCENT:
      number = gk_format_number (value, decimals);
      /* Translators: a percentage, "12%"; Dutch "12%" as well */
      return g_strdup_printf (C_("unit", "%s%%"), number);
    case GK_UNIT_DAYS:
      number = gk_format_number (value, decimals);
      if (compact)
        return g_steal_pointer (&number);
      /* Translators: a number of days, "12 days" */
      return g_strdup_printf (C_("unit", "%s days"), number);
    case GK_UNIT_WEEKS:
      number = gk_format_number (value, decimals);
      if (compact)
        return g_steal_pointer (&number);
      /* Translators: a number of weeks, "12 weeks" */
      return g_strdup_printf (C_("unit", "%s weeks"), number);
    case GK_UNIT_COUNT:
    case GK_UNIT_OTHER:
    default:
      number = gk_format_number (value, decimals);
      if (compact || data->unit_label == NULL || *data->unit_label == '\0')
        return g_steal_pointer (&number);
      return g_strdup_printf ("%s %s", number, data->unit_label);
    }
}

/* As many decimals as the value has, up to two: "12", "12,5", "12,25". */
char *
gk_indicator_format_value (const GkIndicatorChartData *data,
                           double                      value,
                           gboolean                    compact)
{
  int decimals = 0;

  while (decimals < 2 && fabs (value * pow (10, decimals) - round (value * pow (10, decimals))) > 1e-6)
    decimals++;
  return format_value (data, value, decimals, compact);
}

/* Tick labels share one form: all in millions when the axis reaches a
 * million euros, with the decimals the step needs. */
static char *
tick_label (const GkIndicatorChartData *data,
            const Layout               *layout,
            double                      value)
{
  double top = MAX (fabs (layout->value.v0), fabs (layout->value.v1));

  if (data->unit == GK_UNIT_EURO && top >= 1e6)
    return gk_format_euro_millions (value, decimals_for_step (layout->tick_step / 1e6));
  if (data->unit == GK_UNIT_EURO)
    return gk_format_euro (value);
  return format_value (data, value, layout->decimals, TRUE);
}

/* --- layout ------------------------------------------------------------- */

static const GkChartLegendItem *
legend_items (const GkIndicatorChartData *data,
              guint                      *n_items)
{
  static GkChartLegendItem items[7];
  guint n = 0;

  items[n++] = (GkChartLegendItem) { _("Measurements"), 0, 0, GK_CHART_LEGEND_LINE };
  if (data->has_baseline)
    items[n++] = (GkChartLegendItem) { _("Baseline"), 0, 0, GK_CHART_LEGEND_BASELINE };
  if (data->has_target)
    items[n++] = (GkChartLegendItem) { _("Target"), 0, 0, GK_CHART_LEGEND_TARGET_MARKER };
  if (data->has_forecast)
    items[n++] = (GkChartLegendItem) { _("Forecast"), 0, 0, GK_CHART_LEGEND_FORECAST };
  if (data->has_signals)
    {
      items[n++] = (GkChartLegendItem) { gk_level_label (GK_LEVEL_SERIOUS), 0, GK_LEVEL_SERIOUS, GK_CHART_LEGEND_BAND };
      items[n++] = (GkChartLegendItem) { gk_level_label (GK_LEVEL_VIGILANT), 0, GK_LEVEL_VIGILANT, GK_CHART_LEGEND_BAND };
      items[n++] = (GkChartLegendItem) { gk_level_label (GK_LEVEL_IN_CONTROL), 0, GK_LEVEL_IN_CONTROL, GK_CHART_LEGEND_BAND };
    }
  *n_items = n;
  return items;
}

static void
extend_dates (guint32     *first,
              guint32     *last,
              const GDate *date)
{
  guint32 j = gk_chart_julian (date);

  if (j == 0)
    return;
  *first = *first == 0 ? j : MIN (*first, j);
  *last = MAX (*last, j);
}

static void
time_range (GkChartContext             *ctx,
            const GkIndicatorChartData *data,
            GDate                      *start,
            GDate                      *end)
{
  guint32 first = 0, last = 0;
  guint32 pad;

  if (data->n_points > 0)
    {
      extend_dates (&first, &last, &data->points[0].date);
      extend_dates (&first, &last, &data->points[data->n_points - 1].date);
    }
  if (data->has_baseline)
    extend_dates (&first, &last, &data->baseline_date);
  if (data->has_target)
    extend_dates (&first, &last, &data->target_date);
  if (data->has_forecast)
    {
      extend_dates (&first, &last, &data->forecast_from_date);
      extend_dates (&first, &last, &data->forecast_to_date);
    }
  if (first == 0)
    {
      /* Nothing dated: half a year either side of today, or of a fixed
       * day when none is given (never the clock's). */
      GDate today = gk_chart_context_get_today (ctx);
      gint64 centre;

      if (!g_date_valid (&today))
        g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2000);
      centre = g_date_get_julian (&today);
      first = (guint32) MAX (centre - 182, 1);
      last = (guint32) (centre + 182);
    }
  /* room for the first and last point, and never less than a month */
  pad = MAX ((last - first) / 40, 10);
  if (last - first < 30)
    pad = 20;
  g_date_clear (start, 1);
  g_date_clear (end, 1);
  g_date_set_julian (start, first > pad ? first - pad : 1);
  g_date_set_julian (end, last + pad);
}

static void
extend_values (double *min,
               double *max,
               double  value)
{
  if (!isfinite (value))
    return;
  *min = MIN (*min, value);
  *max = MAX (*max, value);
}

static void
value_range (const GkIndicatorChartData *data,
             double                     *out_min,
             double                     *out_max)
{
  double min = INFINITY, max = -INFINITY;

  for (guint i = 0; i < data->n_points; i++)
    extend_values (&min, &max, data->points[i].value);
  if (data->has_signals)
    {
      extend_values (&min, &max, data->signal_serious);
      extend_values (&min, &max, data->signal_in_control);
    }
  if (data->has_baseline)
    extend_values (&min, &max, data->baseline_value);
  if (data->has_target)
    extend_values (&min, &max, data->target_value);
  if (data->has_forecast)
    {
      extend_values (&min, &max, data->forecast_from_value);
      extend_values (&min, &max, data->forecast_to_value);
    }
  if (!isfinite (min))
    {
      min = 0;
      max = 1;
    }
  if (max - min < 1e-9)
    {
      double around = fabs (min) > 1e-9 ? fabs (min) * 0.1 : 1;

      min -= around;
      max += around;
    }
  else
    {
      /* the bands above the highest and below the lowest signal show too */
      double margin = (max - min) * 0.1;

      min -= margin;
      max += margin;
    }
  /* counts and money that cannot go below zero should not seem to */
  if (min < 0 && min > -(max - min) * 0.15 && data->n_points > 0)
    {
      gboolean negative = FALSE;

      for (guint i = 0; i < data->n_points && !negative; i++)
        negative = data->points[i].value < 0;
      if (!negative)
        min = 0;
    }
  *out_min = min;
  *out_max = max;
}

/* The axis ends on ticks, clean numbers at the top and bottom, around
 * [min, max]; returns how far the axis reaches. */
static double
ticks_around (Layout *layout,
              double  min,
              double  max,
              guint   max_ticks)
{
  layout->n_ticks = gk_chart_nice_ticks (min, max, max_ticks, &layout->tick_first, &layout->tick_step);
  if (layout->n_ticks == 0)
    {
      /* no range to put ticks on: the two ends, or one step from min */
      layout->n_ticks = 2;
      layout->tick_first = min;
      layout->tick_step = isfinite (max - min) && max > min ? max - min : 1;
      return layout->tick_step;
    }
  if (layout->tick_first > min + 1e-9)
    {
      layout->tick_first -= layout->tick_step;
      layout->n_ticks++;
    }
  if (layout->tick_first + (layout->n_ticks - 1) * layout->tick_step < max - 1e-9)
    layout->n_ticks++;
  return (layout->n_ticks - 1) * layout->tick_step;
}

/* Ticks wide apart read best, but a coarse step can stretch the axis far
 * past the values (1.000 to 2.000 for figures between 1.300 and 1.500, the
 * data in a strip): finer steps, down to a line and a half apart, until the
 * axis is at most MAX_AXIS_STRETCH times what it must show. */
#define MAX_AXIS_STRETCH 1.35

static void
choose_ticks (Layout *layout,
              double *min,
              double *max,
              double  plot_height,
              double  small_line)
{
  guint fewest = (guint) CLAMP (plot_height / (small_line * 2.6), 2, 10);
  guint most = (guint) CLAMP (plot_height / (small_line * 1.5), fewest, 14);
  double span = *max - *min;

  for (guint max_ticks = fewest; max_ticks <= most; max_ticks++)
    if (ticks_around (layout, *min, *max, max_ticks) <= span * MAX_AXIS_STRETCH)
      {
        *min = layout->tick_first;
        *max = layout->tick_first + (layout->n_ticks - 1) * layout->tick_step;
        layout->decimals = decimals_for_step (layout->tick_step);
        return;
      }
  /* A plot too low for fine steps: the axis shows just the values, with
   * the ticks that fall inside. */
  layout->n_ticks = gk_chart_nice_ticks (*min, *max, most, &layout->tick_first, &layout->tick_step);
  layout->decimals = decimals_for_step (layout->tick_step);
}

static double
value_label_width (GkChartContext             *ctx,
                   const GkIndicatorChartData *data,
                   const Layout               *layout)
{
  double widest = 0;

  for (guint i = 0; i < layout->n_ticks; i++)
    {
      g_autofree char *label = tick_label (data, layout, layout->tick_first + i * layout->tick_step);
      double w;

      gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &w, NULL);
      widest = MAX (widest, w);
    }
  return ceil (widest);
}

static void
compute_layout (GkChartContext             *ctx,
                const GkIndicatorChartData *data,
                const GkChartRect          *area,
                Layout                     *layout)
{
  GkChartRect inner = { area->x + PADDING, area->y + PADDING, area->width - 2 * PADDING, area->height - 2 * PADDING };
  double small_line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double legend_height = 0, axis_height = 0, label_width = 0;
  double min = 0, max = 1;
  GDate start, end;

  time_range (ctx, data, &start, &end);
  /* The axis and the legend are measured at the plot's width, which the
   * value labels decide, which the ticks decide, which the plot's height
   * decides: a few rounds, the labels only ever wider, settle it. Measured
   * wider than drawn, a narrow chart's legend would wrap onto its axis. */
  for (int round = 0; round < 3; round++)
    {
      double widest;

      layout->plot.x = inner.x + (round > 0 ? label_width + AXIS_GAP : 0);
      layout->plot.width = MAX (inner.x + inner.width - layout->plot.x - (round > 0 ? 4 : 0), 20);
      if (!data->hide_legend)
        {
          const GkChartLegendItem *items;
          guint n_items;
          GkChartRect measure = { 0, 0, layout->plot.width, 0 };

          items = legend_items (data, &n_items);
          legend_height = gk_chart_draw_legend (ctx, items, n_items, &measure, FALSE);
        }
      gk_chart_time_scale_init (&layout->time, &start, &end, layout->plot.x, layout->plot.x + layout->plot.width);
      layout->time_axis = (GkChartRect) { layout->plot.x, inner.y, layout->plot.width, inner.height };
      axis_height = gk_chart_draw_time_axis (ctx, &layout->time, GK_CHART_TIME_AXIS_AUTO, &layout->time_axis,
                                             NULL, FALSE);

      layout->plot.y = inner.y + small_line / 2;
      layout->plot.height = inner.height - small_line / 2 - axis_height - AXIS_GAP -
                            (legend_height > 0 ? legend_height + LEGEND_GAP : 0);
      layout->plot.height = MAX (layout->plot.height, 20);

      value_range (data, &min, &max);
      choose_ticks (layout, &min, &max, layout->plot.height, small_line);
      layout->value.v0 = min;
      layout->value.v1 = max;
      widest = value_label_width (ctx, data, layout);
      if (round > 0 && widest <= label_width)
        break;
      label_width = MAX (label_width, widest);
    }
  layout->plot.x = inner.x + label_width + AXIS_GAP;
  layout->plot.width = MAX (inner.x + inner.width - layout->plot.x - 4, 20);

  layout->value = (GkChartValueScale) { min, max, layout->plot.y + layout->plot.height, layout->plot.y };
  gk_chart_time_scale_init (&layout->time, &start, &end, layout->plot.x, layout->plot.x + layout->plot.width);
  layout->time_axis = (GkChartRect) {
    layout->plot.x, layout->plot.y + layout->plot.height + AXIS_GAP / 2, layout->plot.width, axis_height
  };
  layout->legend = (GkChartRect) {
    layout->plot.x, layout->time_axis.y + axis_height + LEGEND_GAP, layout->plot.width, legend_height
  };
}

/* --- drawing ------------------------------------------------------------ */

/* A band's top and bottom on the plot, or FALSE when it is not on it. */
static gboolean
band_extent (const Layout *layout,
             double        from,
             double        to,
             double       *top,
             double       *bottom)
{
  double y0 = gk_chart_value_scale_y (&layout->value, from);
  double y1 = gk_chart_value_scale_y (&layout->value, to);

  *top = CLAMP (MIN (y0, y1), layout->plot.y, layout->plot.y + layout->plot.height);
  *bottom = CLAMP (MAX (y0, y1), layout->plot.y, layout->plot.y + layout->plot.height);
  return *bottom - *top >= 0.5;
}

static void
fill_band (GkChartContext *ctx,
           const Layout   *layout,
           GkLevel         level,
           double          from,
           double          to)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  const GkLevelStyle *style = gk_level_style_get (level, gk_chart_context_get_variant (ctx));
  GkRgb colour = gk_chart_band_colour (ctx, level);
  double top, bottom;

  if (!band_extent (layout, from, to, &top, &bottom))
    return;
  cairo_rectangle (cr, layout->plot.x, top, layout->plot.width, bottom - top);
  /* the level's own pattern, faint: the bands differ without colour too */
  gk_pattern_fill_on (cr, &colour, &style->fill, GK_CHART_BAND_PATTERN_ALPHA, style->pattern);
  cairo_new_path (cr);
}

/* The band names itself at the right, where the line usually is not; after
 * the grid, so that no grid line runs through the name. */
static void
label_band (GkChartContext *ctx,
            const Layout   *layout,
            GkLevel         level,
            double          from,
            double          to)
{
  gboolean top_down = gk_chart_value_scale_y (&layout->value, from) < gk_chart_value_scale_y (&layout->value, to);
  GkRgb backing = gk_chart_band_colour (ctx, level);
  GkChartAlign valign = level == GK_LEVEL_VIGILANT ? GK_CHART_ALIGN_CENTER
                        : top_down == (from < to) ? GK_CHART_ALIGN_START : GK_CHART_ALIGN_END;
  double top, bottom;
  GkChartRect box;

  if (!band_extent (layout, from, to, &top, &bottom))
    return;
  box = (GkChartRect) { layout->plot.x + 6, top + 2, layout->plot.width - 12, bottom - top - 4 };
  /* at the left when a marker or another label is in the way at the right,
   * then at the band's other edge (past a baseline that runs through it) */
  for (int attempt = 0; attempt < 4; attempt++)
    if (gk_chart_draw_text_backed (ctx, gk_level_label (level), GK_CHART_FONT_SMALL,
                                   &gk_chart_context_get_palette (ctx)->foreground_dim,
                                   &backing, 1, &box,
                                   attempt % 2 == 0 ? GK_CHART_ALIGN_END : GK_CHART_ALIGN_START,
                                   attempt < 2 || valign == GK_CHART_ALIGN_CENTER ? valign
                                   : valign == GK_CHART_ALIGN_START ? GK_CHART_ALIGN_END : GK_CHART_ALIGN_START,
                                   GK_CHART_TEXT_AVOID_OVERLAP, NULL))
      break;
}

typedef void (*BandFunc) (GkChartContext *ctx,
                          const Layout   *layout,
                          GkLevel         level,
                          double          from,
                          double          to);

/* From the top of the plot down: the worst band is on top when lower is
 * better. */
static void
for_each_band (GkChartContext             *ctx,
               const GkIndicatorChartData *data,
               const Layout               *layout,
               BandFunc                    func)
{
  double low = MIN (data->signal_serious, data->signal_in_control);
  double high = MAX (data->signal_serious, data->signal_in_control);
  double bottom = layout->value.v0, top = layout->value.v1;
  gboolean lower_is_better = data->direction == GK_DIRECTION_LOWER_IS_BETTER;

  func (ctx, layout, lower_is_better ? GK_LEVEL_SERIOUS : GK_LEVEL_IN_CONTROL, MAX (high, bottom), top);
  func (ctx, layout, GK_LEVEL_VIGILANT, low, high);
  func (ctx, layout, lower_is_better ? GK_LEVEL_IN_CONTROL : GK_LEVEL_SERIOUS, bottom, MIN (low, top));
}

static void
draw_bands (GkChartContext             *ctx,
            const GkIndicatorChartData *data,
            const Layout               *layout)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);

  for_each_band (ctx, data, layout, fill_band);

  /* the signal values as thin lines in their level colours */
  cairo_save (cr);
  for (int i = 0; i < 2; i++)
    {
      double value = i == 0 ? data->signal_serious : data->signal_in_control;
      const GkLevelStyle *style = gk_level_style_get (i == 0 ? GK_LEVEL_SERIOUS : GK_LEVEL_IN_CONTROL,
                                                      gk_chart_context_get_variant (ctx));
      double y = gk_chart_value_scale_y (&layout->value, value);

      if (y < layout->plot.y || y > layout->plot.y + layout->plot.height)
        continue;
      gk_chart_set_source (cr, &style->fill, 0.7);
      gk_chart_hline (cr, layout->plot.x, layout->plot.x + layout->plot.width, y, 1);
    }
  cairo_restore (cr);
}

static void
draw_value_axis (GkChartContext             *ctx,
                 const GkIndicatorChartData *data,
                 const Layout               *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);

  cairo_save (cr);
  for (guint i = 0; i < layout->n_ticks; i++)
    {
      double value = layout->tick_first + i * layout->tick_step;
      double y = gk_chart_value_scale_y (&layout->value, value);
      g_autofree char *label = NULL;
      GkChartRect box;

      if (y < layout->plot.y - 1 || y > layout->plot.y + layout->plot.height + 1)
        continue;
      gk_chart_set_source (cr, i == 0 ? &palette->axis : &palette->grid, i == 0 ? 1 : 0.8);
      gk_chart_hline (cr, layout->plot.x, layout->plot.x + layout->plot.width, y, 1);

      label = tick_label (data, layout, value);
      box = (GkChartRect) { layout->plot.x - AXIS_GAP - 400, y - line / 2, 400, line };
      gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                          GK_CHART_ALIGN_END, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_AVOID_OVERLAP, NULL);
    }
  cairo_restore (cr);
}

typedef void (*SetLineFunc) (GkChartContext *ctx);

static void
draw_reference_line (GkChartContext *ctx,
                     const Layout   *layout,
                     double          value,
                     SetLineFunc     set_line,
                     const GkRgb    *colour,
                     const char     *label,
                     gboolean        label_at_end)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double y = gk_chart_value_scale_y (&layout->value, value);
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  GkChartRect box;

  cairo_save (cr);
  set_line (ctx);
  if (!gk_chart_fill_dotted_hline (cr, layout->plot.x, layout->plot.x + layout->plot.width, y))
    {
      cairo_move_to (cr, layout->plot.x, y);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  /* the bands' names, drawn later on plates, keep off the line */
  box = (GkChartRect) { layout->plot.x, y - 1, layout->plot.width, 2 };
  gk_chart_context_reserve_text_area (ctx, &box);

  /* above the line, or below it when that is taken, at its own end and
   * then at the other; on a plate, since the data may run behind it */
  for (int attempt = 0; attempt < 4; attempt++)
    {
      gboolean at_end = (attempt < 2) == label_at_end;

      box = (GkChartRect) { layout->plot.x + 8, attempt % 2 == 0 ? y - line - 2 : y + 3, layout->plot.width - 16, line };
      if (gk_chart_draw_text_backed (ctx, label, GK_CHART_FONT_SMALL, colour,
                                     &gk_chart_context_get_palette (ctx)->background, 0.85, &box,
                                     at_end ? GK_CHART_ALIGN_END : GK_CHART_ALIGN_START, GK_CHART_ALIGN_START,
                                     GK_CHART_TEXT_AVOID_OVERLAP, NULL))
        break;
    }
}

/* One pixel column of the line: its first, extreme and last values. */
typedef struct {
  int    column;
  double x;
  double first, last, min, max;
  guint  min_index, max_index;
} Column;

/* cairo strokes a long polyline as one polygon, which costs far more than
 * stroking its segments one by one; round caps make the joins. That is for
 * pixels, the screen's recordings included. A file (PDF, SVG) keeps the
 * line as one path: each stroke of its own is a saved state, a matrix and
 * both ends in the file, some 60 numbers to print for every measurement. */
typedef struct {
  cairo_t *cr;
  guint    piece;           /* segments per stroke */
  guint    n_segments;
  gboolean started;
  double   last_x, last_y;
} Polyline;

#define LINE_WIDTH     2.0

static guint
polyline_piece (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return G_MAXUINT;
    default:
      return 1;
    }
}

static void
polyline_to (Polyline *line,
             double    x,
             double    y)
{
  if (!line->started)
    {
      cairo_move_to (line->cr, x, y);
      line->started = TRUE;
    }
  else
    {
      cairo_line_to (line->cr, x, y);
      if (++line->n_segments % line->piece == 0)
        {
          cairo_stroke (line->cr);
          cairo_move_to (line->cr, x, y);
        }
    }
  line->last_x = x;
  line->last_y = y;
}

/* Ends the polyline here; the next point starts a new one. */
static void
polyline_end (Polyline *line)
{
  if (line->started)
    cairo_stroke (line->cr);
  line->started = FALSE;
  line->n_segments = 0;
}

/* Where measurements crowd (more than one per pixel column), neighbouring
 * columns are drawn as vertical spans from the previous column's last value
 * through this column's extremes: the same picture as the thick line, as
 * boxes that cairo fills without tessellating. Elsewhere, a polyline. */
typedef struct {
  Polyline line;
  GArray  *spans;     /* GkChartRect */
  gboolean dense;
  int      previous_column;
} Trace;

static void
trace_column (Trace        *trace,
              const Column *column,
              const Layout *layout)
{
  double y_first = gk_chart_value_scale_y (&layout->value, column->first);
  double y_min = gk_chart_value_scale_y (&layout->value, column->min);
  double y_max = gk_chart_value_scale_y (&layout->value, column->max);
  double y_last = gk_chart_value_scale_y (&layout->value, column->last);
  gboolean adjacent = trace->previous_column != G_MININT && column->column == trace->previous_column + 1;

  if (trace->dense && adjacent)
    {
      double top = MIN (MIN (y_min, y_max), trace->line.last_y);
      double bottom = MAX (MAX (y_min, y_max), trace->line.last_y);
      /* one whole pixel column each: boxes that neither overlap nor cut
       * pixels are cairo's fastest fill */
      GkChartRect span = {
        column->column, floor (top - LINE_WIDTH / 2),
        1, ceil (bottom + LINE_WIDTH / 2) - floor (top - LINE_WIDTH / 2)
      };

      g_array_append_val (trace->spans, span);
      polyline_end (&trace->line);
      trace->line.last_x = column->x;
      trace->line.last_y = y_last;
    }
  else
    {
      /* from where the spans left off */
      if (!trace->line.started && trace->previous_column != G_MININT)
        polyline_to (&trace->line, trace->line.last_x, trace->line.last_y);
      polyline_to (&trace->line, column->x, y_first);
      if (column->min != column->max)
        {
          if (column->min_index < column->max_index)
            {
              polyline_to (&trace->line, column->x, y_min);
              polyline_to (&trace->line, column->x, y_max);
            }
          else
            {
              polyline_to (&trace->line, column->x, y_max);
              polyline_to (&trace->line, column->x, y_min);
            }
        }
      if (y_last != trace->line.last_y)
        polyline_to (&trace->line, column->x, y_last);
    }
  trace->previous_column = column->column;
}

static double
point_x (const Layout           *layout,
         const GkIndicatorPoint *point)
{
  return gk_chart_time_scale_x_julian (&layout->time, gk_chart_julian (&point->date) + 0.5);
}

static void
draw_measurements (GkChartContext             *ctx,
                   const GkIndicatorChartData *data,
                   const Layout               *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  Trace trace = { { cr, polyline_piece (cr), 0, FALSE, 0, 0 }, NULL, FALSE, G_MININT };
  Column column = { G_MININT, 0, 0, 0, 0, 0, 0, 0 };
  double spacing = layout->plot.width / MAX (data->n_points, 1);

  if (data->n_points == 0)
    return;

  trace.dense = spacing < 2;
  trace.spans = g_array_new (FALSE, FALSE, sizeof (GkChartRect));

  cairo_save (cr);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gk_chart_set_source (cr, &palette->foreground, 1);
  for (guint i = 0; i < data->n_points; i++)
    {
      double value = data->points[i].value;
      double x = point_x (layout, &data->points[i]);
      int col = (int) floor (x);

      if (!isfinite (value))
        continue;
      if (col != column.column)
        {
          if (column.column != G_MININT)
            trace_column (&trace, &column, layout);
          column = (Column) { col, x, value, value, value, value, i, i };
          continue;
        }
      column.last = value;
      if (value < column.min)
        {
          column.min = value;
          column.min_index = i;
        }
      if (value > column.max)
        {
          column.max = value;
          column.max_index = i;
        }
    }
  if (column.column != G_MININT)
    trace_column (&trace, &column, layout);
  cairo_stroke (cr);

  for (guint i = 0; i < trace.spans->len; i++)
    {
      const GkChartRect *span = &g_array_index (trace.spans, GkChartRect, i);

      cairo_rectangle (cr, span->x, span->y, span->width, span->height);
    }
  cairo_fill (cr);
  g_array_unref (trace.spans);

  /* points only where they stand apart, each on a ring of background */
  if (spacing >= 8)
    {
      g_autofree double *xy = g_new (double, 2 * data->n_points);

      for (guint i = 0; i < data->n_points; i++)
        {
          xy[2 * i] = point_x (layout, &data->points[i]);
          xy[2 * i + 1] = gk_chart_value_scale_y (&layout->value, data->points[i].value);
        }
      gk_chart_draw_dots (ctx, xy, data->n_points, POINT_RADIUS, 1.5, &palette->foreground, &palette->background);
    }
  cairo_restore (cr);
}

static void
draw_latest_value (GkChartContext             *ctx,
                   const GkIndicatorChartData *data,
                   const Layout               *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkIndicatorPoint *last;
  g_autofree char *label = NULL;
  double x, y, width, height;
  GkChartRect box;

  if (data->n_points == 0)
    return;
  last = &data->points[data->n_points - 1];
  x = gk_chart_time_scale_x_julian (&layout->time, gk_chart_julian (&last->date) + 0.5);
  y = gk_chart_value_scale_y (&layout->value, last->value);
  label = gk_indicator_format_value (data, last->value, FALSE);
  gk_chart_text_size (ctx, label, GK_CHART_FONT_BOLD, &width, &height);

  /* above the point, else under it, else to its left */
  box = (GkChartRect) { x - width / 2, y - height - 6, width, height };
  box.x = CLAMP (box.x, layout->plot.x, layout->plot.x + layout->plot.width - width);
  if (box.y < layout->plot.y || !gk_chart_context_text_area_free (ctx, &box))
    box.y = y + 6;
  if (box.y + height > layout->plot.y + layout->plot.height)
    box = (GkChartRect) { x - width - 8, y - height / 2, width, height };
  gk_chart_draw_text_backed (ctx, label, GK_CHART_FONT_BOLD, &palette->foreground, &palette->background, 0.85,
                             &box, GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_AVOID_OVERLAP, NULL);
}

static void
draw_forecast (GkChartContext             *ctx,
               const GkIndicatorChartData *data,
               const Layout               *layout)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double x0, y0, x1, y1;

  if (!g_date_valid (&data->forecast_from_date) || !g_date_valid (&data->forecast_to_date))
    return;
  x0 = gk_chart_time_scale_x_julian (&layout->time, gk_chart_julian (&data->forecast_from_date) + 0.5);
  x1 = gk_chart_time_scale_x_julian (&layout->time, gk_chart_julian (&data->forecast_to_date) + 0.5);
  y0 = gk_chart_value_scale_y (&layout->value, data->forecast_from_value);
  y1 = gk_chart_value_scale_y (&layout->value, data->forecast_to_value);

  cairo_save (cr);
  gk_chart_set_forecast_line (ctx);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x1, y1, POINT_RADIUS, 0, 2 * G_PI);
  gk_chart_set_source (cr, &palette->background, 1);
  cairo_fill_preserve (cr);
  gk_chart_set_source (cr, &palette->accent, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
reserve_marker (GkChartContext *ctx,
                const Layout   *layout,
                const GDate    *date,
                double          value,
                double          radius)
{
  GkChartRect box;

  if (!g_date_valid (date) || !isfinite (value))
    return;
  box = (GkChartRect) {
    gk_chart_time_scale_x_julian (&layout->time, gk_chart_julian (date) + 0.5) - radius,
    gk_chart_value_scale_y (&layout->value, value) - radius, 2 * radius, 2 * radius
  };
  gk_chart_context_reserve_text_area (ctx, &box);
}

/* The target, the forecast's end and the latest figure are drawn over the
 * labels; no label may hide them. */
static void
reserve_markers (GkChartContext             *ctx,
                 const GkIndicatorChartData *data,
                 const Layout               *layout)
{
  if (data->has_target)
    reserve_marker (ctx, layout, &data->target_date, data->target_value, TARGET_MARKER_RADIUS + 1);
  if (data->has_forecast)
    reserve_marker (ctx, layout, &data->forecast_to_date, data->forecast_to_value, POINT_RADIUS + 1.5);
  if (data->n_points > 0)
    reserve_marker (ctx, layout, &data->points[data->n_points - 1].date, data->points[data->n_points - 1].value,
                    POINT_RADIUS + 1.5);
}

void
gk_indicator_chart_draw (GkChartContext             *ctx,
                         const GkIndicatorChartData *data,
                         const GkChartRect          *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  Layout layout;

  g_return_if_fail (cr != NULL);

  compute_layout (ctx, data, area, &layout);
  gk_chart_context_set_plot (ctx, &layout.plot, &layout.time, &layout.value);
  gk_chart_context_add_hit_region (ctx, &layout.plot, GK_CHART_HIT_INDICATOR_PLOT, -1, -1);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  /* grid and bands first, the data on top, and labels that avoid each other */
  cairo_save (cr);
  cairo_rectangle (cr, layout.plot.x, layout.plot.y, layout.plot.width, layout.plot.height);
  cairo_clip (cr);
  if (data->has_signals)
    draw_bands (ctx, data, &layout);
  cairo_restore (cr);

  draw_value_axis (ctx, data, &layout);
  gk_chart_draw_time_axis (ctx, &layout.time, GK_CHART_TIME_AXIS_AUTO, &layout.time_axis, &layout.plot, TRUE);
  reserve_markers (ctx, data, &layout);

  /* the baseline and target and their labels before the bands' names: a
   * band is named in the legend too, when its label finds no room */
  cairo_save (cr);
  cairo_rectangle (cr, layout.plot.x, layout.plot.y - POINT_RADIUS - 2,
                   layout.plot.width, layout.plot.height + 2 * POINT_RADIUS + 4);
  cairo_clip (cr);
  if (data->has_baseline)
    {
      g_autofree char *value = gk_indicator_format_value (data, data->baseline_value, FALSE);
      /* Translators: label of the baseline in an indicator chart; %s is the value */
      g_autofree char *label = g_strdup_printf (_("Baseline %s"), value);

      /* the data starts near the baseline: its label goes to the far end */
      draw_reference_line (ctx, &layout, data->baseline_value, gk_chart_set_baseline_line,
                           &palette->foreground_dim, label, TRUE);
    }
  if (data->has_target)
    {
      g_autofree char *value = gk_indicator_format_value (data, data->target_value, FALSE);
      /* Translators: label of the target in an indicator chart; %s is the value */
      g_autofree char *label = g_strdup_printf (_("Target %s"), value);

      draw_reference_line (ctx, &layout, data->target_value, gk_chart_set_target_line,
                           &palette->accent, label, FALSE);
    }
  cairo_restore (cr);

  if (data->has_signals)
    for_each_band (ctx, data, &layout, label_band);

  cairo_save (cr);
  cairo_rectangle (cr, layout.plot.x, layout.plot.y - POINT_RADIUS - 2,
                   layout.plot.width, layout.plot.height + 2 * POINT_RADIUS + 4);
  cairo_clip (cr);
  if (data->has_forecast)
    draw_forecast (ctx, data, &layout);
  draw_measurements (ctx, data, &layout);
  if (data->has_target && g_date_valid (&data->target_date))
    gk_chart_draw_target_marker (ctx,
                                 gk_chart_time_scale_x_julian (&layout.time, gk_chart_julian (&data->target_date) + 0.5),
                                 gk_chart_value_scale_y (&layout.value, data->target_value), TARGET_MARKER_RADIUS);
  draw_latest_value (ctx, data, &layout);
  cairo_restore (cr);

  gk_chart_draw_today_line (ctx, &layout.time, layout.plot.y, layout.plot.y + layout.plot.height, FALSE);

  if (!data->hide_legend)
    {
      const GkChartLegendItem *items;
      guint n_items;

      items = legend_items (data, &n_items);
      gk_chart_draw_legend (ctx, items, n_items, &layout.legend, TRUE);
    }

  cairo_restore (cr);
}

/* --- hit-testing -------------------------------------------------------- */

static guint
first_point_from (const GkIndicatorChartData *data,
                  double                      julian)
{
  guint low = 0, high = data->n_points;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (gk_chart_julian (&data->points[mid].date) + 0.5 < julian)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

int
gk_indicator_chart_hit_test (GkChartContext             *ctx,
                             const GkIndicatorChartData *data,
                             double                      x,
                             double                      y,
                             double                      max_distance)
{
  GkChartTimeScale time;
  GkChartValueScale value;
  double best = max_distance * max_distance;
  int found = -1;

  g_return_val_if_fail (data != NULL, -1);
  if (data->n_points == 0 || !gk_chart_context_get_plot (ctx, NULL, &time, &value))
    return -1;

  for (guint i = first_point_from (data, gk_chart_time_scale_julian (&time, x - max_distance));
       i < data->n_points; i++)
    {
      double px = gk_chart_time_scale_x_julian (&time, gk_chart_julian (&data->points[i].date) + 0.5);
      double py = gk_chart_value_scale_y (&value, data->points[i].value);
      double distance = (px - x) * (px - x) + (py - y) * (py - y);

      if (px > x + max_distance)
        break;
      if (distance <= best)
        {
          best = distance;
          found = (int) i;
        }
    }
  return found;
}
