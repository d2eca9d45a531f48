/* gk-file-sink.h: a file that cairo writes as a stream, replaced whole
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart export (PNG, SVG, PDF) and the report (PDF) write their files the
 * same way: into a temporary file beside the target, through cairo's
 * stream functions; when everything was written it is synced to disk and
 * renamed over the target, otherwise removed. A failed export never
 * leaves a half-written file, and an existing one stays as it was.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GkFileSink GkFileSink;

/* Creates the temporary file beside @path. */
GkFileSink      *gk_file_sink_open               (const char      *path,
                                                  GError         **error);
/* A cairo_write_func_t; the closure is the sink. Buffered: the bytes go to
 * the file 64 KiB at a time, the rest at gk_file_sink_close(), so a write
 * error shows at a later call or at the close. After the first failed
 * write it writes nothing more and keeps failing. */
cairo_status_t   gk_file_sink_write              (void                *closure,
                                                  const unsigned char *data,
                                                  unsigned int         length);
/* A PDF surface of @width_pt x @height_pt points on the sink, made by
 * Gripkaart, dated by SOURCE_DATE_EPOCH when that is set. */
cairo_surface_t *gk_file_sink_create_pdf_surface (GkFileSink      *sink,
                                                  double           width_pt,
                                                  double           height_pt);
/* The same on any cairo stream (a print preview, a test, the fuzz targets). */
cairo_surface_t *gk_pdf_stream_surface_new       (cairo_write_func_t  write_func,
                                                  void               *closure,
                                                  double              width_pt,
                                                  double              height_pt);
/* Ends the sink and frees it. When @status is success and every write went
 * through, the file replaces the target; otherwise it is removed and @error
 * says why. */
gboolean         gk_file_sink_close              (GkFileSink      *sink,
                                                  cairo_status_t   status,
                                                  GError         **error);

/* SOURCE_DATE_EPOCH (reproducible builds), when set: the time that the
 * files we write claim to be made at, instead of the clock's. */
gboolean         gk_source_date_epoch            (gint64          *out_seconds);
/* The day (UTC) of SOURCE_DATE_EPOCH, when set: the date a report says it
 * was printed on. */
gboolean         gk_source_date_epoch_day        (GDate           *out_day);

G_END_DECLS
