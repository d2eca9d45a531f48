/* gk-coverage-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per topic: its current level as a chip, and the measures aimed at
 * it stacked by status. A Serious topic that no planned or running measure
 * targets is called out, as the attention signals do.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-coverage-chart.h"

#define PADDING     8.0
#define COLUMN_GAP  16.0
#define LEGEND_GAP  14.0

typedef struct {
  double name_x, name_width;
  double chip_x, chip_width;
  double bar_x, bar_width;
  double header_y, header_height;
  double rows_y, row;
  guint  scale_total;
  GkChartRect legend;
} Layout;

static const GkChartLegendItem *
legend_items (guint *n_items)
{
  static GkChartLegendItem items[GK_MEASURE_STATUS_COUNT];

  for (guint i = 0; i < GK_MEASURE_STATUS_COUNT; i++)
    {
      GkMeasureStatus status = gk_chart_status_bar_order[i];

      items[i] = (GkChartLegendItem) { gk_measure_status_label (status), status, 0, GK_CHART_LEGEND_STATUS };
    }
  *n_items = G_N_ELEMENTS (items);
  return items;
}

static guint
total_of (const guint *counts)
{
  guint total = 0;

  for (guint s = 0; s < GK_MEASURE_STATUS_COUNT; s++)
    total += counts[s];
  return total;
}

/* Serious, yet nothing planned or in progress aims at it. */
static gboolean
is_uncovered (const GkCoverageTopic *topic)
{
  return topic->level == GK_LEVEL_SERIOUS &&
         topic->counts[GK_MEASURE_STATUS_PLANNED] + topic->counts[GK_MEASURE_STATUS_IN_PROGRESS] == 0;
}

static double
row_height (GkChartContext *ctx)
{
  return ceil (gk_chart_line_height (ctx, GK_CHART_FONT_BODY) + 14);
}

static double
legend_height (GkChartContext            *ctx,
               const GkCoverageChartData *data,
               double                     width)
{
  const GkChartLegendItem *items;
  GkChartRect area = { 0, 0, width, 0 };
  guint n_items;

  if (data->hide_legend)
    return 0;
  items = legend_items (&n_items);
  return LEGEND_GAP + gk_chart_draw_legend (ctx, items, n_items, &area, FALSE);
}

double
gk_coverage_chart_get_preferred_height (GkChartContext            *ctx,
                                        const GkCoverageChartData *data,
                                        double                     width)
{
  return ceil (2 * PADDING + gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 6 +
               data->n_topics * row_height (ctx) + legend_height (ctx, data, width - 2 * PADDING));
}

static void
compute_layout (GkChartContext            *ctx,
                const GkCoverageChartData *data,
                const GkChartRect         *area,
                Layout                    *layout)
{
  double inner_x = area->x + PADDING, inner_width = area->width - 2 * PADDING;
  double widest = 0, chip = 0, total_width, warning_width = 0;
  guint max_total = 0;
  g_autofree char *total_text = NULL;

  gk_chart_text_size (ctx, _("Topic"), GK_CHART_FONT_SMALL, &widest, NULL);
  for (guint t = 0; t < data->n_topics; t++)
    {
      double w;

      gk_chart_text_size (ctx, data->topics[t].name ? data->topics[t].name : "", GK_CHART_FONT_BODY, &w, NULL);
      widest = MAX (widest, w);
      max_total = MAX (max_total, total_of (data->topics[t].counts));
      /* room beside the bar to call out an uncovered topic */
      if (is_uncovered (&data->topics[t]) && total_of (data->topics[t].counts) > 0 && warning_width == 0)
        {
          gk_chart_text_size (ctx, _("No active measure"), GK_CHART_FONT_SMALL, &warning_width, NULL);
          warning_width = ceil (warning_width + 10);
        }
    }
  for (GkLevel level = GK_LEVEL_NONE; level <= GK_LEVEL_IN_CONTROL; level++)
    chip = MAX (chip, gk_chart_chip_width (ctx, gk_level_label (level)));

  total_text = g_strdup_printf ("%u", MAX (max_total, 10));
  gk_chart_text_size (ctx, total_text, GK_CHART_FONT_SMALL, &total_width, NULL);

  layout->name_x = inner_x;
  layout->name_width = ceil (CLAMP (widest + 2, 100, inner_width * 0.32));
  layout->chip_x = inner_x + layout->name_width + COLUMN_GAP;
  layout->chip_width = chip;
  layout->bar_x = layout->chip_x + chip + COLUMN_GAP;
  layout->bar_width = MAX (inner_x + inner_width - ceil (total_width + 8) - warning_width - layout->bar_x, 10);
  layout->scale_total = max_total;
  layout->header_y = area->y + PADDING;
  layout->header_height = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 6;
  layout->rows_y = layout->header_y + layout->header_height;
  layout->row = row_height (ctx);
  layout->legend = (GkChartRect) {
    inner_x, layout->rows_y + data->n_topics * layout->row + LEGEND_GAP,
    inner_width, legend_height (ctx, data, inner_width) - LEGEND_GAP
  };
}

static void
draw_row (GkChartContext            *ctx,
          const GkCoverageChartData *data,
          const Layout              *layout,
          guint                      t,
          double                     right)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkCoverageTopic *topic = &data->topics[t];
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double y = layout->rows_y + t * layout->row;
  double small = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  double bar_height = MIN (20, layout->row - 10);
  guint total = total_of (topic->counts);
  gboolean uncovered = is_uncovered (topic);
  GkChartRect box, bar, chip, hit;
  double end;

  if (t % 2 == 1)
    {
      cairo_rectangle (cr, layout->name_x - PADDING / 2, y, right - layout->name_x + PADDING, layout->row);
      gk_chart_set_source (cr, &palette->surface, 1);
      cairo_fill (cr);
    }

  box = (GkChartRect) { layout->name_x, y, layout->name_width, layout->row };
  gk_chart_draw_text (ctx, topic->name, GK_CHART_FONT_BODY, &palette->foreground, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);

  chip = (GkChartRect) { layout->chip_x, round (y + (layout->row - small - 6) / 2), layout->chip_width, small + 6 };
  gk_chart_draw_chip (ctx, gk_level_label (topic->level), topic->level, FALSE, &chip);

  bar = (GkChartRect) {
    layout->bar_x, round (y + (layout->row - bar_height) / 2),
    layout->scale_total > 0 ? layout->bar_width * total / layout->scale_total : 0, bar_height
  };
  end = gk_chart_draw_status_bar (ctx, topic->counts, total, &bar, GK_CHART_HIT_COVERAGE_SEGMENT, t);

  box = (GkChartRect) { total > 0 ? end + 6 : layout->bar_x, bar.y, right - (total > 0 ? end + 6 : layout->bar_x), bar.height };
  if (total > 0)
    {
      g_autofree char *label = g_strdup_printf ("%u", total);
      GkChartRect drawn;

      if (gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                              GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_NONE, &drawn) &&
          uncovered)
        {
          box.x = drawn.x + drawn.width + 10;
          box.width = right - box.x;
          gk_chart_draw_text (ctx, _("No active measure"), GK_CHART_FONT_SMALL, &palette->warning, &box,
                              GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
        }
    }
  else
    gk_chart_draw_text (ctx, _("No measures"), GK_CHART_FONT_SMALL,
                        uncovered ? &palette->warning : &palette->foreground_dim, &box,
                        GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);

  hit = (GkChartRect) { layout->name_x, y, right - layout->name_x, layout->row };
  gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_COVERAGE_TOPIC, t, -1);
}

void
gk_coverage_chart_draw (GkChartContext            *ctx,
                        const GkCoverageChartData *data,
                        const GkChartRect         *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double right = area->x + area->width - PADDING;
  GkChartRect box;
  Layout layout;

  g_return_if_fail (cr != NULL);

  compute_layout (ctx, data, area, &layout);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  box = (GkChartRect) { layout.name_x, layout.header_y, layout.name_width, layout.header_height };
  gk_chart_draw_text (ctx, _("Topic"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  box = (GkChartRect) { layout.chip_x, layout.header_y, layout.chip_width, layout.header_height };
  gk_chart_draw_text (ctx, _("Level"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                      GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  box = (GkChartRect) { layout.bar_x, layout.header_y, right - layout.bar_x, layout.header_height };
  gk_chart_draw_text (ctx, _("Measures aimed at the topic, by status"), GK_CHART_FONT_SMALL,
                      &palette->foreground_dim, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);

  for (guint t = 0; t < data->n_topics; t++)
    draw_row (ctx, data, &layout, t, right);

  if (!data->hide_legend)
    {
      const GkChartLegendItem *items;
      guint n_items;

      items = legend_items (&n_items);
      gk_chart_draw_legend (ctx, items, n_items, &layout.legend, TRUE);
    }

  cairo_restore (cr);
}
