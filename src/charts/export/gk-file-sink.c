/* gk-file-sink.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-file-sink.h"

/* cairo writes a PDF in pieces of some 60 bytes: one write() each made
 * 9,800 system calls for the report of the large programme. */
#define SINK_BUFFER_SIZE (64 * 1024)

struct _GkFileSink {
  char   *path;
  char   *temp;
  int     fd;
  int     error;      /* the first errno, 0 if none */
  guchar *buffer;     /* SINK_BUFFER_SIZE bytes, of which used are waiting */
  gsize   used;
};

static void
set_write_error (GError     **error,
                 const char  *path,
                 GIOErrorEnum code,
                 const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, code,
               /* Translators: %s is a file name, then the reason */
               _("Could not write “%s”: %s"), name, reason);
}

GkFileSink *
gk_file_sink_open (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  GkFileSink *sink;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  sink = g_new0 (GkFileSink, 1);
  sink->path = g_strdup (path);
  sink->temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  sink->buffer = g_malloc (SINK_BUFFER_SIZE);
  sink->fd = g_mkstemp_full (sink->temp, O_WRONLY | O_CLOEXEC, 0666);
  if (sink->fd < 0)
    {
      int saved = errno;

      set_write_error (error, path, g_io_error_from_errno (saved), g_strerror (saved));
      g_free (sink->buffer);
      g_free (sink->path);
      g_free (sink->temp);
      g_free (sink);
      return NULL;
    }
  return sink;
}

static void
write_all (GkFileSink   *sink,
           const guchar *data,
           gsize         length)
{
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
      length -= (gsize) written;
    }
}

static void
flush (GkFileSink *sink)
{
  write_all (sink, sink->buffer, sink->used);
  sink->used = 0;
}

cairo_status_t
gk_file_sink_write (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  GkFileSink *sink = closure;

  if (sink->used + length > SINK_BUFFER_SIZE)
    flush (sink);
  /* A piece as large as the buffer goes straight to the file. */
  if (length >= SINK_BUFFER_SIZE)
    write_all (sink, data, length);
  else if (sink->error == 0)
    {
      memcpy (sink->buffer + sink->used, data, length);
      sink->used += length;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
gk_source_date_epoch (gint64 *out_seconds)
{
  const char *value = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64 / 2, &seconds, NULL))
    return FALSE;
  *out_seconds = (gint64) seconds;
  return TRUE;
}

gboolean
gk_source_date_epoch_day (GDate *out_day)
{
  g_autoptr(GDateTime) time = NULL;
  gint64 seconds;

  if (!gk_source_date_epoch (&seconds) || (time = g_date_time_new_from_unix_utc (seconds)) == NULL)
    return FALSE;
  g_date_clear (out_day, 1);
  g_date_set_dmy (out_day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  return TRUE;
}

cairo_surface_t *
gk_file_sink_create_pdf_surface (GkFileSink *sink,
                                 double      width_pt,
                                 double      height_pt)
{
  return gk_pdf_stream_surface_new (gk_file_sink_write, sink, width_pt, height_pt);
}

cairo_surface_t *
gk_pdf_stream_surface_new (cairo_write_func_t  write_func,
                           void               *closure,
                           double              width_pt,
                           double              height_pt)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_func, closure, width_pt, height_pt);
  gint64 seconds;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gripkaart");
  /* Without this cairo stamps the current time: no two files would match. */
  if (gk_source_date_epoch (&seconds))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
      g_autofree char *stamp = time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;

      if (stamp != NULL)
        {
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
        }
    }
  return surface;
}

gboolean
gk_file_sink_close (GkFileSink      *sink,
                    cairo_status_t   status,
                    GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (sink != NULL, FALSE);

  /* What is still in the buffer goes out first: its write error is the
   * export's error like any other. */
  if (status == CAIRO_STATUS_SUCCESS)
    flush (sink);
  if (sink->error == 0 && status == CAIRO_STATUS_SUCCESS && fsync (sink->fd) != 0)
    sink->error = errno;
  if (close (sink->fd) != 0 && sink->error == 0)
    sink->error = errno;
  if (sink->error == 0 && status == CAIRO_STATUS_SUCCESS && g_rename (sink->temp, sink->path) != 0)
    sink->error = errno;

  ok = sink->error == 0 && status == CAIRO_STATUS_SUCCESS;
  if (!ok)
    {
      g_unlink (sink->temp);
      if (sink->error != 0)
        set_write_error (error, sink->path, g_io_error_from_errno (sink->error), g_strerror (sink->error));
      else
        set_write_error (error, sink->path, G_IO_ERROR_FAILED, cairo_status_to_string (status));
    }
  g_free (sink->buffer);
  g_free (sink->path);
  g_free (sink->temp);
  g_free (sink);
  return ok;
}
