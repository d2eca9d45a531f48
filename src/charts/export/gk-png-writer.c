/* gk-png-writer.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include "gk-png-writer.h"

#define OUT_CHUNK (64 * 1024)

typedef struct {
  cairo_write_func_t write_func;
  void              *closure;
  cairo_status_t     status;
} Output;

static void
put_u32 (guchar *at,
         guint32 value)
{
  at[0] = value >> 24;
  at[1] = value >> 16;
  at[2] = value >> 8;
  at[3] = value;
}

/* One chunk: length, type, data, and the CRC of type and data. */
static void
write_chunk (Output       *out,
             const char   *type,
             const guchar *data,
             gsize         length)
{
  guchar head[8], tail[4];
  uLong crc = crc32 (0, (const Bytef *) type, 4);

  if (out->status != CAIRO_STATUS_SUCCESS)
    return;
  put_u32 (head, (guint32) length);
  memcpy (head + 4, type, 4);
  if (length > 0)
    crc = crc32 (crc, data, (uInt) length);
  put_u32 (tail, (guint32) crc);
  out->status = out->write_func (out->closure, head, sizeof head);
  if (out->status == CAIRO_STATUS_SUCCESS && length > 0)
    out->status = out->write_func (out->closure, data, (unsigned int) length);
  if (out->status == CAIRO_STATUS_SUCCESS)
    out->status = out->write_func (out->closure, tail, sizeof tail);
}

/* One row of cairo's native-endian pixels as PNG bytes: RGB, or RGBA with
 * the alpha undone from the colours. */
static void
convert_row (const guint32 *pixels,
             int            width,
             gboolean       alpha,
             guchar        *row)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = pixels[x];
      guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (!alpha)
        {
          row[0] = r;
          row[1] = g;
          row[2] = b;
          row += 3;
          continue;
        }
      {
        guint a = p >> 24;

        /* cairo's own rounding (cairo-png.c, unpremultiply_data) */
        row[0] = a == 0 ? 0 : (r * 255 + a / 2) / a;
        row[1] = a == 0 ? 0 : (g * 255 + a / 2) / a;
        row[2] = a == 0 ? 0 : (b * 255 + a / 2) / a;
        row[3] = a;
        row += 4;
      }
    }
}

/* Feeds @length bytes (none at the end) to zlib, writing an IDAT chunk
 * whenever its output is full. */
static gboolean
deflate_into (Output       *out,
              z_stream     *z,
              guchar       *buffer,
              const guchar *data,
              gsize         length,
              gboolean      finish)
{
  int result;

  z->next_in = (Bytef *) data;
  z->avail_in = (uInt) length;
  do
    {
      result = deflate (z, finish ? Z_FINISH : Z_NO_FLUSH);
      if (result == Z_STREAM_ERROR)
        return FALSE;
      if (z->avail_out == 0 || (finish && result == Z_STREAM_END))
        {
          write_chunk (out, "IDAT", buffer, OUT_CHUNK - z->avail_out);
          z->next_out = buffer;
          z->avail_out = OUT_CHUNK;
        }
    }
  while (out->status == CAIRO_STATUS_SUCCESS && (z->avail_in > 0 || (finish && result != Z_STREAM_END)));
  return TRUE;
}

cairo_status_t
gk_png_write (cairo_surface_t    *surface,
              cairo_write_func_t  write_func,
              void               *closure)
{
  static const guchar signature[8] = { 137, 'P', 'N', 'G', '\r', '\n', 26, '\n' };
  Output out = { write_func, closure, CAIRO_STATUS_SUCCESS };
  cairo_format_t format;
  int width, height, stride, channels;
  const guchar *data;
  g_autofree guchar *rows = NULL;
  g_autofree guchar *buffer = NULL;
  guchar header[13];
  z_stream z = { 0 };
  gboolean ok = TRUE;

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE)
    return cairo_surface_write_to_png_stream (surface, write_func, closure);
  format = cairo_image_surface_get_format (surface);
  if (format != CAIRO_FORMAT_RGB24 && format != CAIRO_FORMAT_ARGB32)
    return cairo_surface_write_to_png_stream (surface, write_func, closure);

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  channels = format == CAIRO_FORMAT_ARGB32 ? 4 : 3;
  if (width <= 0 || height <= 0 || data == NULL)
    return CAIRO_STATUS_INVALID_SIZE;

  /* Level 1: charts are flat colours, which the fastest level packs nearly
   * as well. The Up filter (the difference to the row above) makes the
   * rows of a plate, a band or a bar zeros. */
  if (deflateInit (&z, Z_BEST_SPEED) != Z_OK)
    return CAIRO_STATUS_NO_MEMORY;
  buffer = g_malloc (OUT_CHUNK);
  z.next_out = buffer;
  z.avail_out = OUT_CHUNK;

  out.status = write_func (closure, signature, sizeof signature);
  put_u32 (header, (guint32) width);
  put_u32 (header + 4, (guint32) height);
  header[8] = 8;                            /* bits per channel */
  header[9] = channels == 4 ? 6 : 2;        /* RGBA or RGB */
  header[10] = header[11] = header[12] = 0; /* deflate, adaptive filters, no interlace */
  write_chunk (&out, "IHDR", header, sizeof header);

  {
    gsize row_bytes = (gsize) width * channels;
    /* this row's pixels, the row above's, and the filtered row after its
     * filter byte */
    guchar *current, *above, *filtered;

    rows = g_malloc0 (3 * row_bytes + 1);
    current = rows;
    above = rows + row_bytes;
    filtered = rows + 2 * row_bytes;
    for (int y = 0; y < height && ok && out.status == CAIRO_STATUS_SUCCESS; y++)
      {
        guchar *swap;

        convert_row ((const guint32 *) (const void *) (data + (gsize) y * stride), width,
                     channels == 4, current);
        filtered[0] = 2;   /* Up */
        for (gsize i = 0; i < row_bytes; i++)
          filtered[1 + i] = (guchar) (current[i] - above[i]);
        ok = deflate_into (&out, &z, buffer, filtered, row_bytes + 1, FALSE);
        swap = above;
        above = current;
        current = swap;
      }
  }
  if (ok && out.status == CAIRO_STATUS_SUCCESS)
    ok = deflate_into (&out, &z, buffer, NULL, 0, TRUE);
  deflateEnd (&z);
  write_chunk (&out, "IEND", NULL, 0);
  if (!ok && out.status == CAIRO_STATUS_SUCCESS)
    return CAIRO_STATUS_NO_MEMORY;
  return out.status;
}
