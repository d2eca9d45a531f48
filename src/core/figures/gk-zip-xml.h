/* gk-zip-xml.h: XML parts of a zipped office document, streamed (libgsf + libxml2)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XLSX and ODS files are zip archives of XML parts. libgsf opens the zip and
 * inflates a part as it is read; libxml2's xmlTextReader parses it node by
 * node, so a sheet of a million rows never sits in memory as a tree. Every
 * byte inflated counts against one budget per file: a zip bomb (a few
 * kilobytes that unpack to gigabytes) stops with GK_FIGURES_ERROR_TOO_LARGE
 * instead of filling the disk cache and the memory.
 */
#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "gk-sheet.h"

G_BEGIN_DECLS

/* libgsf declares no autoptr cleanups; these names cannot clash with ones
 * a newer libgsf might add. */
typedef GsfInput  GkGsfInput;
typedef GsfInfile GkGsfInfile;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkGsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkGsfInfile, g_object_unref)

/* What all parts of one workbook may unpack to, together. */
#define GK_ZIP_MAX_UNPACKED (256u * 1024 * 1024)

typedef struct {
  guint64 left;       /* bytes that may still be inflated */
} GkZipBudget;

/* Opens @data (kept alive by the caller) as a zip archive. */
GsfInfile *gk_zip_open        (GBytes       *data,
                               GError      **error);
/* The part at @path ("xl/worksheets/sheet1.xml"), or NULL. */
GsfInput  *gk_zip_get_member  (GsfInfile    *zip,
                               const char   *path);
/* The whole of a small part (at most @max_bytes) as a string, or NULL. */
char      *gk_zip_read_small  (GsfInfile    *zip,
                               const char   *path,
                               gsize         max_bytes,
                               GkZipBudget  *budget);

typedef struct _GkXmlStream GkXmlStream;

/* Starts parsing the part at @path. NULL with an error when it is missing
 * (GK_FIGURES_ERROR_DAMAGED). */
GkXmlStream     *gk_xml_stream_open     (GsfInfile    *zip,
                                         const char   *path,
                                         GkZipBudget  *budget,
                                         GError      **error);
/* The next node: TRUE while there is one. Stops at the end, at an error
 * and at a document type declaration (office parts never have one, and
 * entity tricks need one). */
gboolean         gk_xml_stream_next     (GkXmlStream  *stream);
/* Skips the subtree of the current element: the following next() gives the
 * node after its end. */
void             gk_xml_stream_skip     (GkXmlStream  *stream);
xmlTextReaderPtr gk_xml_stream_reader   (GkXmlStream  *stream);
/* Whether the current node is an element (start tag) named @local_name. */
gboolean         gk_xml_stream_is_start (GkXmlStream  *stream,
                                         const char   *local_name);
gboolean         gk_xml_stream_is_end   (GkXmlStream  *stream,
                                         const char   *local_name);
/* An attribute of the current element, by local name, in any namespace
 * (NULL when absent). Newly allocated. */
char            *gk_xml_stream_attr     (GkXmlStream  *stream,
                                         const char   *local_name);
/* Ends the parse: FALSE with an error when it stopped early (a damaged
 * part, or the budget ran out). Frees @stream. */
gboolean         gk_xml_stream_close    (GkXmlStream  *stream,
                                         GError      **error);

G_END_DECLS
