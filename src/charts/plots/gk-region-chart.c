/* gk-region-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-chart-axis.h"
#include "gk-region-chart.h"

#define PLOT_HEIGHT   180.0
#define AXIS_WIDTH    56.0
#define LABEL_GAP     6.0
#define LEGEND_GAP    10.0
#define SWATCH        12.0
#define LEGEND_SPACE  18.0

/* Told apart also in grey print: dark and light alternate. */
static const GkRgb line_colours[GK_REGION_CHART_MAX_LINES] = {
  { 0.11, 0.39, 0.73 }, { 0.90, 0.49, 0.13 }, { 0.20, 0.56, 0.25 }, { 0.76, 0.16, 0.45 },
  { 0.36, 0.25, 0.63 }, { 0.55, 0.42, 0.20 }, { 0.00, 0.55, 0.60 }, { 0.40, 0.40, 0.40 },
};

/* --- the periods and values --------------------------------------------------- */

typedef struct {
  GPtrArray *periods;   /* const char *, borrowed from the figures, sorted */
  double     min;
  double     max;
} Scale;

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
scale_init (Scale                *scale,
            const GkRegionShared *shared)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  scale->periods = g_ptr_array_new ();
  for (guint m = 0; m < shared->indicators->len; m++)
    {
      const GkRegionIndicator *indicator = g_ptr_array_index (shared->indicators, m);

      for (guint f = 0; f < indicator->figures->len; f++)
        {
          const GkRegionFigure *figure = &g_array_index (indicator->figures, GkRegionFigure, f);

          if (g_hash_table_add (seen, figure->period))
            g_ptr_array_add (scale->periods, figure->period);
        }
    }
  g_ptr_array_sort (scale->periods, compare_periods);
  if (scale->periods->len > GK_REGION_CHART_MAX_PERIODS)
    g_ptr_array_remove_range (scale->periods, 0, scale->periods->len - GK_REGION_CHART_MAX_PERIODS);

  scale->min = INFINITY;
  scale->max = -INFINITY;
  for (guint m = 0; m < shared->indicators->len; m++)
    {
      const GkRegionIndicator *indicator = g_ptr_array_index (shared->indicators, m);

      for (guint f = 0; f < indicator->figures->len; f++)
        {
          const GkRegionFigure *figure = &g_array_index (indicator->figures, GkRegionFigure, f);

          if (scale->periods->len == 0 || strcmp (figure->period, g_ptr_array_index (scale->periods, 0)) < 0)
            continue;
          scale->min = MIN (scale->min, figure->value);
          scale->max = MAX (scale->max, figure->value);
        }
    }
  if (!isfinite (scale->min))
    scale->min = scale->max = 0;
  if (scale->max - scale->min < 1e-9)
    {
      scale->min -= 1;
      scale->max += 1;
    }
  /* Out to round values, so that the lowest and highest lines have a
   * labelled grid line beyond them. */
  {
    double first, step;

    if (gk_chart_nice_ticks (scale->min, scale->max, 5, &first, &step) > 0 && step > 0)
      {
        scale->min = floor (scale->min / step) * step;
        scale->max = ceil (scale->max / step) * step;
      }
  }
}

static int
period_index (const Scale *scale,
              const char  *period)
{
  guint low = 0, high = scale->periods->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      int c = strcmp (g_ptr_array_index (scale->periods, mid), period);

      if (c == 0)
        return (int) mid;
      if (c < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return -1;
}

static double
x_of (const Scale       *scale,
      const GkChartRect *plot,
      int                index)
{
  if (scale->periods->len <= 1)
    return plot->x + plot->width / 2;
  return plot->x + plot->width * index / (scale->periods->len - 1);
}

static double
y_of (const Scale       *scale,
      const GkChartRect *plot,
      double             value)
{
  return plot->y + plot->height * (1 - (value - scale->min) / (scale->max - scale->min));
}

/* --- the legend ---------------------------------------------------------------- */

static gboolean
draws_lines (const GkRegionShared *shared)
{
  return shared->members->len <= GK_REGION_CHART_MAX_LINES;
}

static char *
legend_label (const GkRegionShared *shared,
              guint                 item)
{
  if (draws_lines (shared))
    return g_strdup (gk_region_member_get_municipality (g_ptr_array_index (shared->members, item)));
  if (item == 0)
    /* Translators: the line of a chart of many municipalities */
    return g_strdup_printf (_("Median of %u municipalities"), shared->members->len);
  /* Translators: the band of a chart of many municipalities */
  return g_strdup (_("Lowest to highest"));
}

static guint
legend_items (const GkRegionShared *shared)
{
  return draws_lines (shared) ? shared->members->len : 2;
}

/* Lays the legend out in rows; returns its height, drawing when draw. */
static double
legend (GkChartContext       *ctx,
        const GkRegionShared *shared,
        const GkChartRect    *area,
        gboolean              draw)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double x = area->x, y = area->y;

  for (guint i = 0; i < legend_items (shared); i++)
    {
      g_autofree char *label = legend_label (shared, i);
      double text_width, text_height, item_width;

      gk_chart_text_size (ctx, label, GK_CHART_FONT_SMALL, &text_width, &text_height);
      item_width = SWATCH + 4 + MIN (text_width, area->width / 2) + LEGEND_SPACE;
      if (x > area->x && x + item_width > area->x + area->width)
        {
          x = area->x;
          y += line + 4;
        }
      if (draw)
        {
          GkChartRect box = { x + SWATCH + 4, y, item_width - SWATCH - 4 - LEGEND_SPACE, line };

          if (draws_lines (shared))
            gk_chart_set_source (cr, &line_colours[i], 1);
          else if (i == 0)
            gk_chart_set_source (cr, &palette->accent, 1);
          else
            gk_chart_set_source (cr, &palette->accent, 0.18);
          if (draws_lines (shared) || i == 0)
            cairo_rectangle (cr, x, y + line / 2 - 1.5, SWATCH, 3);
          else
            cairo_rectangle (cr, x, y + line / 2 - SWATCH / 2, SWATCH, SWATCH);
          cairo_fill (cr);
          gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &palette->foreground, &box,
                              GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
        }
      x += item_width;
    }
  return y + line - area->y;
}

double
gk_region_chart_get_height (GkChartContext       *ctx,
                            const GkRegionShared *shared,
                            double                width)
{
  GkChartRect area = { 0, 0, width, 0 };
  double label = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);

  return PLOT_HEIGHT + LABEL_GAP + label + LEGEND_GAP + legend (ctx, shared, &area, FALSE);
}

/* --- drawing --------------------------------------------------------------------- */

static void
draw_axes (GkChartContext    *ctx,
           const Scale       *scale,
           const GkChartRect *plot)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double first, step;
  guint n_ticks = gk_chart_nice_ticks (scale->min, scale->max, 5, &first, &step);
  int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  guint label_every = MAX (1, (scale->periods->len + 5) / 6);

  for (guint t = 0; t < n_ticks; t++)
    {
      double value = first + t * step;
      double y = y_of (scale, plot, value);
      g_autofree char *text = gk_format_number (value, decimals);
      GkChartRect box = { plot->x - AXIS_WIDTH, y - line / 2, AXIS_WIDTH - LABEL_GAP, line };

      gk_chart_set_source (cr, &palette->grid, 1);
      gk_chart_hline (cr, plot->x, plot->x + plot->width, y, 1);
      gk_chart_draw_text (ctx, text, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                          GK_CHART_ALIGN_END, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_NONE, NULL);
    }

  for (guint p = 0; p < scale->periods->len; p += label_every)
    {
      GDate date;
      char text[32] = "";
      double x = x_of (scale, plot, (int) p);
      /* The first label starts at the axis, clear of the values' labels. */
      GkChartRect box = { p == 0 ? x : x - 40, plot->y + plot->height + LABEL_GAP, 80, line };

      g_date_clear (&date, 1);
      g_date_set_parse (&date, g_ptr_array_index (scale->periods, p));
      if (g_date_valid (&date))
        g_date_strftime (text, sizeof text, "%b %Y", &date);
      gk_chart_draw_text (ctx, text, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                          p == 0 ? GK_CHART_ALIGN_START : GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_START,
                          GK_CHART_TEXT_AVOID_OVERLAP, NULL);
    }
  gk_chart_set_source (cr, &palette->axis, 1);
  gk_chart_hline (cr, plot->x, plot->x + plot->width, plot->y + plot->height, 1);
}

static void
draw_member_lines (GkChartContext       *ctx,
                   const GkRegionShared *shared,
                   const Scale          *scale,
                   const GkChartRect    *plot)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint m = 0; m < shared->indicators->len; m++)
    {
      const GkRegionIndicator *indicator = g_ptr_array_index (shared->indicators, m);
      gboolean started = FALSE;

      for (guint f = 0; f < indicator->figures->len; f++)
        {
          const GkRegionFigure *figure = &g_array_index (indicator->figures, GkRegionFigure, f);
          int index = period_index (scale, figure->period);
          double x, y;

          if (index < 0)
            continue;
          x = x_of (scale, plot, index);
          y = y_of (scale, plot, figure->value);
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
        }
      gk_chart_set_source (cr, &line_colours[m % GK_REGION_CHART_MAX_LINES], 1);
      cairo_stroke (cr);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* The range and median of the members' figures, period by period. */
static void
draw_range (GkChartContext       *ctx,
            const GkRegionShared *shared,
            const Scale          *scale,
            const GkChartRect    *plot)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  guint n = scale->periods->len;
  g_autofree double *low = g_new (double, n);
  g_autofree double *high = g_new (double, n);
  g_autofree double *median = g_new (double, n);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean started = FALSE;

  for (guint p = 0; p < n; p++)
    {
      const char *period = g_ptr_array_index (scale->periods, p);

      g_array_set_size (values, 0);
      for (guint m = 0; m < shared->indicators->len; m++)
        {
          const GkRegionIndicator *indicator = g_ptr_array_index (shared->indicators, m);

          /* Figures are few per member: a scan is cheap. */
          for (guint f = 0; f < indicator->figures->len; f++)
            {
              const GkRegionFigure *figure = &g_array_index (indicator->figures, GkRegionFigure, f);

              if (strcmp (figure->period, period) == 0)
                g_array_append_val (values, figure->value);
            }
        }
      if (values->len == 0)
        {
          low[p] = high[p] = median[p] = NAN;
          continue;
        }
      g_array_sort (values, compare_doubles);
      low[p] = g_array_index (values, double, 0);
      high[p] = g_array_index (values, double, values->len - 1);
      median[p] = values->len % 2 == 1 ? g_array_index (values, double, values->len / 2)
                                      : (g_array_index (values, double, values->len / 2 - 1) +
                                         g_array_index (values, double, values->len / 2)) / 2;
    }

  /* The band: along the highs, back along the lows. */
  for (guint p = 0; p < n; p++)
    if (!isnan (high[p]))
      {
        if (started)
          cairo_line_to (cr, x_of (scale, plot, (int) p), y_of (scale, plot, high[p]));
        else
          cairo_move_to (cr, x_of (scale, plot, (int) p), y_of (scale, plot, high[p]));
        started = TRUE;
      }
  for (guint p = n; p-- > 0;)
    if (!isnan (low[p]))
      cairo_line_to (cr, x_of (scale, plot, (int) p), y_of (scale, plot, low[p]));
  cairo_close_path (cr);
  gk_chart_set_source (cr, &palette->accent, 0.18);
  cairo_fill (cr);

  started = FALSE;
  cairo_set_line_width (cr, 2.5);
  for (guint p = 0; p < n; p++)
    if (!isnan (median[p]))
      {
        if (started)
          cairo_line_to (cr, x_of (scale, plot, (int) p), y_of (scale, plot, median[p]));
        else
          cairo_move_to (cr, x_of (scale, plot, (int) p), y_of (scale, plot, median[p]));
        started = TRUE;
      }
  gk_chart_set_source (cr, &palette->accent, 1);
  cairo_stroke (cr);
}

void
gk_region_chart_draw (GkChartContext       *ctx,
                      const GkRegionShared *shared,
                      const GkChartRect    *area)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double label = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double legend_height = legend (ctx, shared, area, FALSE);
  double plot_height = MAX (40, area->height - LABEL_GAP - label - LEGEND_GAP - legend_height);
  GkChartRect plot = { area->x + AXIS_WIDTH, area->y + label / 2, area->width - AXIS_WIDTH - 16,
                       plot_height - label / 2 };
  GkChartRect legend_area = { area->x + AXIS_WIDTH, area->y + plot_height + LABEL_GAP + label + LEGEND_GAP,
                              area->width - AXIS_WIDTH, legend_height };
  Scale scale;

  scale_init (&scale, shared);
  cairo_save (cr);
  draw_axes (ctx, &scale, &plot);
  if (draws_lines (shared))
    draw_member_lines (ctx, shared, &scale, &plot);
  else
    draw_range (ctx, shared, &scale, &plot);
  cairo_restore (cr);
  legend (ctx, shared, &legend_area, TRUE);
  g_ptr_array_unref (scale.periods);
}
