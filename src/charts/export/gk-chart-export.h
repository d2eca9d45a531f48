/* gk-chart-export.h: any chart to a PNG, SVG or PDF file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gk-chart-common.h"

G_BEGIN_DECLS

typedef enum {
  GK_CHART_FORMAT_PNG,
  GK_CHART_FORMAT_SVG,
  GK_CHART_FORMAT_PDF,
} GkChartFormat;

/* Draws one chart into area on the context (begun on the file's cairo_t). */
typedef void (*GkChartDrawFunc) (GkChartContext    *ctx,
                                 const GkChartRect *area,
                                 gpointer           user_data);

/* The format named by the file's extension (.png, .svg, .pdf, any case). */
gboolean gk_chart_format_from_path (const char      *path,
                                    GkChartFormat   *out_format,
                                    GError         **error);

/* Writes the chart, width x height chart pixels, always in the light style,
 * to a temporary file beside path that then replaces path: a failed export
 * leaves an existing file as it was. PDF pages are in points (a chart pixel
 * is 0.75 pt); PNG images have png_scale device pixels per chart pixel. */
gboolean gk_chart_export_to_file   (const char      *path,
                                    double           width,
                                    double           height,
                                    double           png_scale,
                                    GkChartDrawFunc  draw,
                                    gpointer         user_data,
                                    GError         **error);

G_END_DECLS
