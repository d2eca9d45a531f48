/* gk-chart-export.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "gk-chart-export.h"
#include "gk-file-sink.h"
#include "gk-png-writer.h"

gboolean
gk_chart_format_from_path (const char     *path,
                           GkChartFormat  *out_format,
                           GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *name = g_filename_display_basename (path);

  if (g_str_has_suffix (lower, ".png"))
    *out_format = GK_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *out_format = GK_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out_format = GK_CHART_FORMAT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a file name */
                   _("Cannot export a chart to “%s”: use a name ending in .png, .svg or .pdf"), name);
      return FALSE;
    }
  return TRUE;
}

static void
draw_chart (cairo_surface_t *surface,
            double           scale,
            double           width,
            double           height,
            GkChartDrawFunc  draw,
            gpointer         user_data)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  cairo_t *cr = cairo_create (surface);
  GkChartRect area = { 0, 0, width, height };

  cairo_scale (cr, scale, scale);
  gk_chart_context_begin (ctx, cr);
  gk_chart_context_paint_background (ctx, &area);
  draw (ctx, &area, user_data);
  gk_chart_context_end (ctx);
  cairo_destroy (cr);
}

/* Renders into the sink; returns the cairo status. */
static cairo_status_t
render (GkChartFormat    format,
        GkFileSink      *sink,
        double           width,
        double           height,
        double           png_scale,
        GkChartDrawFunc  draw,
        gpointer         user_data)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  switch (format)
    {
    case GK_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            (int) ceil (width * png_scale), (int) ceil (height * png_scale));
      draw_chart (surface, png_scale, width, height, draw, user_data);
      status = gk_png_write (surface, gk_file_sink_write, sink);
      break;
    case GK_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (gk_file_sink_write, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      draw_chart (surface, 1.0, width, height, draw, user_data);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;
    case GK_CHART_FORMAT_PDF:
    default:
      surface = gk_file_sink_create_pdf_surface (sink, width * GK_CHART_PRINT_SCALE, height * GK_CHART_PRINT_SCALE);
      draw_chart (surface, GK_CHART_PRINT_SCALE, width, height, draw, user_data);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;
    }
  cairo_surface_destroy (surface);
  return status;
}

gboolean
gk_chart_export_to_file (const char       *path,
                         double            width,
                         double            height,
                         double            png_scale,
                         GkChartDrawFunc   draw,
                         gpointer          user_data,
                         GError          **error)
{
  GkChartFormat format;
  GkFileSink *sink;

  g_return_val_if_fail (path != NULL && draw != NULL, FALSE);

  if (!gk_chart_format_from_path (path, &format, error))
    return FALSE;

  if (!(width >= 1 && height >= 1 && width <= 100000 && height <= 100000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export a chart of %.0f × %.0f pixels"), width, height);
      return FALSE;
    }
  if (png_scale <= 0)
    png_scale = 1;

  sink = gk_file_sink_open (path, error);
  if (sink == NULL)
    return FALSE;
  return gk_file_sink_close (sink, render (format, sink, width, height, png_scale, draw, user_data), error);
}
