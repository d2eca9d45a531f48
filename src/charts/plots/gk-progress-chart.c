/* gk-progress-chart.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row per focus project: its name and owner, its measures as one bar
 * stacked by status (all bars on one scale, so that sizes compare), and
 * its health as a chip in the colours of the matching grip level.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-progress-chart.h"

#define PADDING     8.0
#define COLUMN_GAP  16.0
#define LEGEND_GAP  14.0

typedef struct {
  double name_x, name_width;
  double bar_x, bar_width;
  double total_width;
  double chip_x, chip_width;
  double header_y, header_height;
  double rows_y, row;
  guint  scale_total;
  GkChartRect legend;
} Layout;

GkLevel
gk_health_chart_level (GkHealth health)
{
  switch (health)
    {
    case GK_HEALTH_ON_TRACK:
      return GK_LEVEL_IN_CONTROL;
    case GK_HEALTH_AT_RISK:
      return GK_LEVEL_VIGILANT;
    case GK_HEALTH_OFF_TRACK:
    default:
      return GK_LEVEL_SERIOUS;
    }
}

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

static gboolean
any_owner (const GkProgressChartData *data)
{
  for (guint p = 0; p < data->n_projects; p++)
    if (data->projects[p].owner != NULL && *data->projects[p].owner != '\0')
      return TRUE;
  return FALSE;
}

static double
row_height (GkChartContext            *ctx,
            const GkProgressChartData *data)
{
  double height = gk_chart_line_height (ctx, GK_CHART_FONT_BOLD) + 14;

  if (any_owner (data))
    height += gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  return ceil (height);
}

static double
legend_height (GkChartContext            *ctx,
               const GkProgressChartData *data,
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
gk_progress_chart_get_preferred_height (GkChartContext            *ctx,
                                        const GkProgressChartData *data,
                                        double                     width)
{
  return ceil (2 * PADDING + gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 6 +
               data->n_projects * row_height (ctx, data) + legend_height (ctx, data, width - 2 * PADDING));
}

static void
compute_layout (GkChartContext            *ctx,
                const GkProgressChartData *data,
                const GkChartRect         *area,
                Layout                    *layout)
{
  double inner_x = area->x + PADDING, inner_width = area->width - 2 * PADDING;
  double widest = 0, chip = 0;
  guint max_total = 0;
  g_autofree char *total_text = NULL;

  gk_chart_text_size (ctx, _("Focus project"), GK_CHART_FONT_SMALL, &widest, NULL);
  for (guint p = 0; p < data->n_projects; p++)
    {
      double w;

      gk_chart_text_size (ctx, data->projects[p].name ? data->projects[p].name : "", GK_CHART_FONT_BOLD, &w, NULL);
      widest = MAX (widest, w);
      if (data->projects[p].owner)
        {
          gk_chart_text_size (ctx, data->projects[p].owner, GK_CHART_FONT_SMALL, &w, NULL);
          widest = MAX (widest, w);
        }
      max_total = MAX (max_total, total_of (data->projects[p].counts));
    }
  for (GkHealth h = GK_HEALTH_ON_TRACK; h <= GK_HEALTH_OFF_TRACK; h++)
    chip = MAX (chip, gk_chart_chip_width (ctx, gk_health_label (h)));
  gk_chart_text_size (ctx, _("Health"), GK_CHART_FONT_SMALL, &layout->chip_width, NULL);
  chip = MAX (chip, layout->chip_width);

  total_text = g_strdup_printf ("%u", MAX (max_total, 10));
  gk_chart_text_size (ctx, total_text, GK_CHART_FONT_SMALL, &layout->total_width, NULL);
  layout->total_width = ceil (layout->total_width + 8);

  layout->name_x = inner_x;
  layout->name_width = ceil (CLAMP (widest + 2, 100, inner_width * 0.32));
  layout->chip_width = chip;
  layout->chip_x = inner_x + inner_width - chip;
  layout->bar_x = inner_x + layout->name_width + COLUMN_GAP;
  layout->bar_width = MAX (layout->chip_x - COLUMN_GAP - layout->total_width - layout->bar_x, 10);
  layout->scale_total = max_total;
  layout->header_y = area->y + PADDING;
  layout->header_height = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL) + 6;
  layout->rows_y = layout->header_y + layout->header_height;
  layout->row = row_height (ctx, data);
  layout->legend = (GkChartRect) {
    inner_x, layout->rows_y + data->n_projects * layout->row + LEGEND_GAP,
    inner_width, legend_height (ctx, data, inner_width) - LEGEND_GAP
  };
}

static void
draw_row (GkChartContext            *ctx,
          const GkProgressChartData *data,
          const Layout              *layout,
          guint                      p)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  const GkProgressProject *project = &data->projects[p];
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double y = layout->rows_y + p * layout->row;
  double name_line = gk_chart_line_height (ctx, GK_CHART_FONT_BOLD);
  double owner_line = gk_chart_line_height (ctx, GK_CHART_FONT_SMALL);
  gboolean owner = project->owner != NULL && *project->owner != '\0';
  double text_top = y + (layout->row - name_line - (any_owner (data) ? owner_line : 0)) / 2;
  double bar_height = MIN (22, layout->row - 14);
  double chip_height = owner_line + 6;
  guint total = total_of (project->counts);
  GkChartRect box, bar, chip, hit;
  double end;

  if (p % 2 == 1)
    {
      cairo_rectangle (cr, layout->name_x - PADDING / 2, y, layout->chip_x + layout->chip_width - layout->name_x + PADDING, layout->row);
      gk_chart_set_source (cr, &palette->surface, 1);
      cairo_fill (cr);
    }

  box = (GkChartRect) { layout->name_x, text_top, layout->name_width, name_line };
  gk_chart_draw_text (ctx, project->name, GK_CHART_FONT_BOLD, &palette->foreground, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  if (any_owner (data))
    {
      /* a project without an owner is an attention signal: say so */
      box = (GkChartRect) { layout->name_x, text_top + name_line, layout->name_width, owner_line };
      gk_chart_draw_text (ctx, owner ? project->owner : _("No owner"), GK_CHART_FONT_SMALL,
                          owner ? &palette->foreground_dim : &palette->warning, &box,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
    }

  bar = (GkChartRect) {
    layout->bar_x, round (y + (layout->row - bar_height) / 2),
    layout->scale_total > 0 ? layout->bar_width * total / layout->scale_total : 0, bar_height
  };
  end = gk_chart_draw_status_bar (ctx, project->counts, total, &bar, GK_CHART_HIT_PROGRESS_SEGMENT, p);
  if (total > 0)
    {
      g_autofree char *label = g_strdup_printf ("%u", total);

      box = (GkChartRect) { end + 6, bar.y, layout->total_width, bar.height };
      gk_chart_draw_text (ctx, label, GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_NONE, NULL);
    }
  else
    {
      box = (GkChartRect) { layout->bar_x, bar.y, layout->bar_width, bar.height };
      gk_chart_draw_text (ctx, _("No measures"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                          GK_CHART_ALIGN_START, GK_CHART_ALIGN_CENTER, GK_CHART_TEXT_ELLIPSIZE, NULL);
    }

  chip = (GkChartRect) { layout->chip_x, round (y + (layout->row - chip_height) / 2), layout->chip_width, chip_height };
  gk_chart_draw_chip (ctx, gk_health_label (project->health), gk_health_chart_level (project->health), FALSE, &chip);

  hit = (GkChartRect) { layout->name_x, y, layout->chip_x + layout->chip_width - layout->name_x, layout->row };
  gk_chart_context_add_hit_region (ctx, &hit, GK_CHART_HIT_PROGRESS_PROJECT, p, -1);
}

void
gk_progress_chart_draw (GkChartContext            *ctx,
                        const GkProgressChartData *data,
                        const GkChartRect         *area)
{
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  GkChartRect box;
  Layout layout;

  g_return_if_fail (cr != NULL);

  compute_layout (ctx, data, area, &layout);

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  box = (GkChartRect) { layout.name_x, layout.header_y, layout.name_width, layout.header_height };
  gk_chart_draw_text (ctx, _("Focus project"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  box = (GkChartRect) { layout.bar_x, layout.header_y, layout.bar_width, layout.header_height };
  gk_chart_draw_text (ctx, _("Measures by status"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);
  box = (GkChartRect) { layout.chip_x, layout.header_y, layout.chip_width, layout.header_height };
  gk_chart_draw_text (ctx, _("Health"), GK_CHART_FONT_SMALL, &palette->foreground_dim, &box,
                      GK_CHART_ALIGN_CENTER, GK_CHART_ALIGN_START, GK_CHART_TEXT_ELLIPSIZE, NULL);

  for (guint p = 0; p < data->n_projects; p++)
    draw_row (ctx, data, &layout, p);

  if (!data->hide_legend)
    {
      const GkChartLegendItem *items;
      guint n_items;

      items = legend_items (&n_items);
      gk_chart_draw_legend (ctx, items, n_items, &layout.legend, TRUE);
    }

  cairo_restore (cr);
}
