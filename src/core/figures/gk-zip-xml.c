/* gk-zip-xml.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-zip-xml.h"

struct _GkXmlStream
{
  GsfInput        *input;
  GkZipBudget     *budget;
  xmlTextReaderPtr reader;
  char            *path;
  char            *parse_error;   /* libxml2's first message */
  gboolean         over_budget;
  gboolean         has_doctype;
  gboolean         read_error;
  gboolean         skipped;       /* skip() moved onto a node that next() must return */
};

GsfInfile *
gk_zip_open (GBytes  *data,
             GError **error)
{
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  g_autoptr(GkGsfInput) input = gsf_input_memory_new (bytes, size, FALSE);
  g_autoptr(GError) zip_error = NULL;
  GsfInfile *zip;

  zip = gsf_infile_zip_new (input, &zip_error);
  if (zip == NULL)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_DAMAGED,
                   _("The workbook is damaged: it is not a complete zip archive (%s). "
                     "Open it in the spreadsheet program and save it again."),
                   zip_error != NULL ? zip_error->message : "?");
      return NULL;
    }
  return zip;
}

GsfInput *
gk_zip_get_member (GsfInfile  *zip,
                   const char *path)
{
  g_auto(GStrv) names = NULL;
  GsfInput *member;

  while (*path == '/')
    path++;
  names = g_strsplit (path, "/", -1);
  member = gsf_infile_child_by_aname (zip, (const char **) names);
  /* A folder is not a part. */
  if (member != NULL && GSF_IS_INFILE (member) && gsf_infile_num_children (GSF_INFILE (member)) >= 0)
    g_clear_object (&member);
  return member;
}

/* Reads up to @wanted bytes of @input into @buffer, spending the budget. */
static int
read_budgeted (GsfInput    *input,
               GkZipBudget *budget,
               char        *buffer,
               gsize        wanted,
               gboolean    *over_budget)
{
  gsf_off_t remaining = gsf_input_remaining (input);
  gsize n;

  if (remaining <= 0)
    return 0;
  n = MIN ((gsize) remaining, wanted);
  if (n > budget->left)
    {
      *over_budget = TRUE;
      return -1;
    }
  if (gsf_input_read (input, n, (guint8 *) buffer) == NULL)
    return -1;
  budget->left -= n;
  return (int) n;
}

char *
gk_zip_read_small (GsfInfile   *zip,
                   const char  *path,
                   gsize        max_bytes,
                   GkZipBudget *budget)
{
  g_autoptr(GkGsfInput) member = gk_zip_get_member (zip, path);
  gboolean over = FALSE;
  gsf_off_t size;
  char *text;
  int n;

  if (member == NULL)
    return NULL;
  size = gsf_input_size (member);
  if (size < 0 || (guint64) size > max_bytes)
    return NULL;
  text = g_malloc (size + 1);
  n = size > 0 ? read_budgeted (member, budget, text, size, &over) : 0;
  if (n != size)
    {
      g_free (text);
      return NULL;
    }
  text[n] = '\0';
  return text;
}

static int
stream_read_cb (void *context,
                char *buffer,
                int   length)
{
  GkXmlStream *stream = context;
  int n;

  if (length <= 0)
    return 0;
  n = read_budgeted (stream->input, stream->budget, buffer, length, &stream->over_budget);
  if (n < 0)
    stream->read_error = TRUE;
  return n;
}

static int
stream_close_cb (void *context)
{
  return 0;
}

static void
stream_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  GkXmlStream *stream = user_data;

  if (stream->parse_error == NULL && error != NULL && error->message != NULL)
    stream->parse_error = g_strstrip (g_strdup (error->message));
}

GkXmlStream *
gk_xml_stream_open (GsfInfile    *zip,
                    const char   *path,
                    GkZipBudget  *budget,
                    GError      **error)
{
  GkXmlStream *stream;
  GsfInput *member = gk_zip_get_member (zip, path);

  if (member == NULL)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_DAMAGED,
                   _("The workbook is damaged: its part “%s” is missing."), path);
      return NULL;
    }
  /* An honest zip says what a part unpacks to: refuse a bomb at once. */
  if (gsf_input_size (member) > 0 && (guint64) gsf_input_size (member) > budget->left)
    {
      g_object_unref (member);
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_TOO_LARGE,
                   _("The workbook unpacks to more than %u MB. Gripkaart does not read it: "
                     "it may be a zip bomb, or hold far more than figures."),
                   GK_ZIP_MAX_UNPACKED / (1024 * 1024));
      return NULL;
    }

  stream = g_new0 (GkXmlStream, 1);
  stream->input = member;
  stream->budget = budget;
  stream->path = g_strdup (path);
  /* No network, no entity substitution, no DTD loading: a part is data. */
  stream->reader = xmlReaderForIO (stream_read_cb, stream_close_cb, stream, path, NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (stream->reader == NULL)
    {
      g_object_unref (member);
      g_free (stream->path);
      g_free (stream);
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_DAMAGED,
                   _("The workbook is damaged: its part “%s” cannot be read."), path);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (stream->reader, stream_error_cb, stream);
  return stream;
}

gboolean
gk_xml_stream_next (GkXmlStream *stream)
{
  if (stream->skipped)
    {
      stream->skipped = FALSE;
      return xmlTextReaderReadState (stream->reader) != XML_TEXTREADER_MODE_EOF &&
             xmlTextReaderNodeType (stream->reader) != XML_READER_TYPE_NONE;
    }
  if (stream->has_doctype || xmlTextReaderRead (stream->reader) != 1)
    return FALSE;
  if (xmlTextReaderNodeType (stream->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      stream->has_doctype = TRUE;
      return FALSE;
    }
  return TRUE;
}

void
gk_xml_stream_skip (GkXmlStream *stream)
{
  if (xmlTextReaderIsEmptyElement (stream->reader))
    return;
  stream->skipped = xmlTextReaderNext (stream->reader) == 1;
}

xmlTextReaderPtr
gk_xml_stream_reader (GkXmlStream *stream)
{
  return stream->reader;
}

gboolean
gk_xml_stream_is_start (GkXmlStream *stream,
                        const char  *local_name)
{
  return xmlTextReaderNodeType (stream->reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (stream->reader), local_name) == 0;
}

gboolean
gk_xml_stream_is_end (GkXmlStream *stream,
                      const char  *local_name)
{
  int type = xmlTextReaderNodeType (stream->reader);

  if (type == XML_READER_TYPE_END_ELEMENT ||
      (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (stream->reader)))
    return g_strcmp0 ((const char *) xmlTextReaderConstLocalName (stream->reader), local_name) == 0;
  return FALSE;
}

char *
gk_xml_stream_attr (GkXmlStream *stream,
                    const char  *local_name)
{
  xmlTextReaderPtr reader = stream->reader;
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

gboolean
gk_xml_stream_close (GkXmlStream  *stream,
                     GError      **error)
{
  gboolean ok = TRUE;
  int state = xmlTextReaderReadState (stream->reader);

  if (stream->over_budget)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_TOO_LARGE,
                   _("The workbook unpacks to more than %u MB. Gripkaart does not read it: "
                     "it may be a zip bomb, or hold far more than figures."),
                   GK_ZIP_MAX_UNPACKED / (1024 * 1024));
      ok = FALSE;
    }
  else if (stream->has_doctype)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_DAMAGED,
                   _("The workbook is damaged: its part “%s” declares a document type, "
                     "which spreadsheets never do."), stream->path);
      ok = FALSE;
    }
  else if (stream->read_error || stream->parse_error != NULL || state == XML_TEXTREADER_MODE_ERROR)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_DAMAGED,
                   _("The workbook is damaged: its part “%s” is not valid XML (%s)."),
                   stream->path, stream->parse_error != NULL ? stream->parse_error : _("cannot be unpacked"));
      ok = FALSE;
    }

  xmlFreeTextReader (stream->reader);
  g_object_unref (stream->input);
  g_free (stream->parse_error);
  g_free (stream->path);
  g_free (stream);
  return ok;
}
