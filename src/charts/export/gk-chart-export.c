/* gk-chart-export.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-chart-export.h"

typedef struct {
  int fd;
  int error;      /* the first errno, 0 if none */
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno != EINTR)
            sink->error = errno;
          continue;
        }
      data += written;
      length -= written;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

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
        Sink            *sink,
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
      status = cairo_surface_write_to_png_stream (surface, write_to_sink, sink);
      break;
    case GK_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_sink, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      draw_chart (surface, 1.0, width, height, draw, user_data);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;
    case GK_CHART_FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink,
                                                     width * GK_CHART_PRINT_SCALE, height * GK_CHART_PRINT_SCALE);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gripkaart");
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
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *name = NULL;
  GkChartFormat format;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (path != NULL && draw != NULL, FALSE);

  if (!gk_chart_format_from_path (path, &format, error))
    return FALSE;

  name = g_filename_display_name (path);
  if (!(width >= 1 && height >= 1 && width <= 100000 && height <= 100000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export a chart of %.0f × %.0f pixels"), width, height);
      return FALSE;
    }
  if (png_scale <= 0)
    png_scale = 1;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  sink.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file name, then the reason */
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  status = render (format, &sink, width, height, png_scale, draw, user_data);
  if (sink.error == 0 && status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.error = errno;
  if (close (sink.fd) != 0 && sink.error == 0)
    sink.error = errno;
  if (sink.error == 0 && status == CAIRO_STATUS_SUCCESS && g_rename (temp, path) != 0)
    sink.error = errno;

  if (sink.error != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      if (sink.error != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.error),
                     _("Could not write “%s”: %s"), name, g_strerror (sink.error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
