/* gk-ods-reader.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gk-ods-reader.h"
#include "gk-zip-xml.h"

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

gboolean
gk_ods_is_spreadsheet (GBytes *data)
{
  g_autoptr(GkGsfInfile) zip = gk_zip_open (data, NULL);
  GkZipBudget budget = { 4096 };
  g_autofree char *mimetype = NULL;

  if (zip == NULL)
    return FALSE;
  mimetype = gk_zip_read_small (zip, "mimetype", 256, &budget);
  return mimetype != NULL && g_str_has_prefix (g_strstrip (mimetype), ODS_MIMETYPE);
}

static guint64
repeat_count (GkXmlStream *stream,
              const char  *attribute)
{
  g_autofree char *text = gk_xml_stream_attr (stream, attribute);
  guint64 n = text != NULL ? g_ascii_strtoull (text, NULL, 10) : 1;

  return MAX (n, 1);
}

/* The text of a cell: its <text:p> paragraphs joined by newlines, with
 * <text:s> spaces and tabs, leaving out comments (<office:annotation>). */
static void
collect_cell_text (GkXmlStream *stream,
                   GString     *text)
{
  xmlTextReaderPtr reader = gk_xml_stream_reader (stream);
  int cell_depth = xmlTextReaderDepth (reader);
  int annotation_depth = -1;
  guint paragraphs = 0;

  if (xmlTextReaderIsEmptyElement (reader))
    return;
  while (gk_xml_stream_next (stream))
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && depth == cell_depth)
        return;
      if (annotation_depth >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && depth == annotation_depth)
            annotation_depth = -1;
          continue;
        }
      if (gk_xml_stream_is_start (stream, "annotation"))
        {
          if (!xmlTextReaderIsEmptyElement (reader))
            annotation_depth = depth;
        }
      else if (gk_xml_stream_is_start (stream, "p") || gk_xml_stream_is_start (stream, "h"))
        {
          if (paragraphs++ > 0)
            g_string_append_c (text, '\n');
        }
      else if (gk_xml_stream_is_start (stream, "s"))
        {
          guint64 n = MIN (repeat_count (stream, "c"), 1024);

          for (guint64 i = 0; i < n; i++)
            g_string_append_c (text, ' ');
        }
      else if (gk_xml_stream_is_start (stream, "tab"))
        g_string_append_c (text, '\t');
      else if (gk_xml_stream_is_start (stream, "line-break"))
        g_string_append_c (text, '\n');
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_CDATA)
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
}

typedef struct {
  GkCellKind kind;
  double     number;
  char      *text;
} OdsCell;

static void
ods_cell_clear (OdsCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

/* The typed value of the cell the stream is on (its start tag). */
static void
read_cell_value (GkXmlStream *stream,
                 GString     *scratch,
                 OdsCell     *cell)
{
  g_autofree char *type = gk_xml_stream_attr (stream, "value-type");
  g_autofree char *value = gk_xml_stream_attr (stream, "value");
  g_autofree char *date = gk_xml_stream_attr (stream, "date-value");
  g_autofree char *boolean = gk_xml_stream_attr (stream, "boolean-value");
  char *end = NULL;

  g_string_truncate (scratch, 0);
  collect_cell_text (stream, scratch);
  cell->kind = GK_CELL_TEXT;
  cell->number = 0;
  cell->text = g_strndup (scratch->str, scratch->len);

  if (type == NULL)
    {
      if (scratch->len == 0)
        cell->kind = GK_CELL_EMPTY;
      return;
    }
  if ((g_str_equal (type, "float") || g_str_equal (type, "currency") || g_str_equal (type, "percentage")) &&
      value != NULL)
    {
      double number = g_ascii_strtod (value, &end);

      if (end != value && isfinite (number))
        {
          cell->kind = g_str_equal (type, "percentage") ? GK_CELL_PERCENT : GK_CELL_NUMBER;
          cell->number = number;
        }
    }
  else if (g_str_equal (type, "date") && date != NULL && strlen (date) >= 10)
    {
      cell->kind = GK_CELL_DATE;
      g_free (cell->text);
      cell->text = g_strndup (date, 10);
    }
  else if (g_str_equal (type, "boolean") && boolean != NULL)
    {
      cell->kind = GK_CELL_BOOLEAN;
      cell->number = g_str_equal (boolean, "true") ? 1 : 0;
    }
}

typedef struct {
  GkSheet  *sheet;
  GString  *scratch;
  GArray   *cells;     /* OdsCell of the row being read, with their columns */
  GArray   *columns;   /* guint */
} OdsReader;

/* Stores the row just read @repeat times (LibreOffice folds identical rows
 * into one element); rows with nothing in them only advance the count. */
static gboolean
flush_row (OdsReader  *reader,
           guint64    *row_number,
           guint64     repeat,
           GError    **error)
{
  guint64 first = *row_number + 1;

  *row_number += repeat;
  if (reader->cells->len == 0)
    return TRUE;
  for (guint64 r = 0; r < repeat; r++)
    {
      gk_sheet_begin_row (reader->sheet, (guint) MIN (first + r, G_MAXUINT));
      for (guint i = 0; i < reader->cells->len; i++)
        {
          OdsCell *cell = &g_array_index (reader->cells, OdsCell, i);

          if (!gk_sheet_set_cell (reader->sheet, g_array_index (reader->columns, guint, i), cell->kind,
                                  cell->number, cell->text, -1, error))
            return FALSE;
        }
      if (!gk_sheet_end_row (reader->sheet, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_row (OdsReader    *reader,
          GkXmlStream  *stream,
          guint64       row_number,
          GError      **error)
{
  xmlTextReaderPtr xml = gk_xml_stream_reader (stream);
  int row_depth = xmlTextReaderDepth (xml);
  guint64 column = 0;

  g_array_set_size (reader->cells, 0);
  g_array_set_size (reader->columns, 0);
  if (xmlTextReaderIsEmptyElement (xml))
    return TRUE;
  while (gk_xml_stream_next (stream))
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (xml) == row_depth)
        break;
      if (gk_xml_stream_is_start (stream, "table-cell") || gk_xml_stream_is_start (stream, "covered-table-cell"))
        {
          guint64 repeat = repeat_count (stream, "number-columns-repeated");
          OdsCell cell = { 0 };

          read_cell_value (stream, reader->scratch, &cell);
          if (cell.kind == GK_CELL_EMPTY || (cell.kind == GK_CELL_TEXT && cell.text[0] == '\0'))
            {
              ods_cell_clear (&cell);
              column += repeat;
              continue;
            }
          for (guint64 i = 0; i < repeat; i++, column++)
            {
              OdsCell copy = { cell.kind, cell.number, g_strdup (cell.text) };
              guint c = (guint) MIN (column, G_MAXUINT);

              if (column >= GK_SHEET_MAX_COLUMNS)
                {
                  ods_cell_clear (&copy);
                  ods_cell_clear (&cell);
                  /* gk_sheet_set_cell() says what the limit is */
                  gk_sheet_begin_row (reader->sheet, (guint) MIN (row_number, G_MAXUINT));
                  return gk_sheet_set_cell (reader->sheet, c, GK_CELL_TEXT, 0, "x", 1, error);
                }
              g_array_append_val (reader->cells, copy);
              g_array_append_val (reader->columns, c);
            }
          ods_cell_clear (&cell);
        }
    }
  return TRUE;
}

/* Walks content.xml: with @wanted NULL and @names set, lists the sheets;
 * otherwise reads the sheet @wanted (NULL: the first) into @sheet_out. */
static gboolean
walk_content (GBytes      *data,
              const char  *wanted,
              GStrvBuilder *names,
              GkSheet    **sheet_out,
              GError     **error)
{
  g_autoptr(GkGsfInfile) zip = gk_zip_open (data, error);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (OdsCell));
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  GkZipBudget budget = { GK_ZIP_MAX_UNPACKED };
  OdsReader reader = { NULL, scratch, cells, columns };
  GkXmlStream *stream;
  GError *local_error = NULL;
  guint64 row_number = 0;
  int table_depth = -1;
  gboolean done = FALSE;

  if (zip == NULL)
    return FALSE;
  g_array_set_clear_func (cells, (GDestroyNotify) ods_cell_clear);
  stream = gk_xml_stream_open (zip, "content.xml", &budget, error);
  if (stream == NULL)
    return FALSE;

  while (!done && local_error == NULL && gk_xml_stream_next (stream))
    {
      xmlTextReaderPtr xml = gk_xml_stream_reader (stream);

      if (gk_xml_stream_is_start (stream, "table") && reader.sheet == NULL)
        {
          g_autofree char *name = gk_xml_stream_attr (stream, "name");

          if (name == NULL)
            name = g_strdup ("");
          if (sheet_out == NULL)
            {
              g_strv_builder_add (names, name);
              /* Skip the table's rows: only its name is wanted. */
              gk_xml_stream_skip (stream);
              continue;
            }
          if (wanted == NULL || g_ascii_strcasecmp (name, wanted) == 0 || g_utf8_collate (name, wanted) == 0)
            {
              reader.sheet = gk_sheet_new (name);
              row_number = 0;
              table_depth = xmlTextReaderDepth (xml);
              if (xmlTextReaderIsEmptyElement (xml))
                done = TRUE;
            }
        }
      else if (reader.sheet != NULL && gk_xml_stream_is_start (stream, "table-row"))
        {
          guint64 repeat = repeat_count (stream, "number-rows-repeated");

          if (read_row (&reader, stream, row_number + 1, &local_error))
            flush_row (&reader, &row_number, repeat, &local_error);
        }
      else if (reader.sheet != NULL && gk_xml_stream_is_end (stream, "table") &&
               xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT &&
               xmlTextReaderDepth (xml) == table_depth)
        done = TRUE;
    }
  if (local_error != NULL)
    {
      gk_xml_stream_close (stream, NULL);
      g_clear_object (&reader.sheet);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!gk_xml_stream_close (stream, error))
    {
      g_clear_object (&reader.sheet);
      return FALSE;
    }
  if (sheet_out != NULL)
    {
      if (reader.sheet == NULL)
        {
          if (wanted != NULL)
            g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NO_SHEET,
                         _("The workbook has no sheet named “%s”."), wanted);
          else
            g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY, _("The workbook has no sheets."));
          return FALSE;
        }
      if (gk_sheet_get_n_rows (reader.sheet) == 0)
        {
          g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY,
                       _("The sheet “%s” is empty."), gk_sheet_get_name (reader.sheet));
          g_clear_object (&reader.sheet);
          return FALSE;
        }
      *sheet_out = reader.sheet;
    }
  return TRUE;
}

GStrv
gk_ods_list_sheets (GBytes  *data,
                    GError **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  if (!walk_content (data, NULL, names, NULL, error))
    return NULL;
  result = g_strv_builder_end (names);
  if (result[0] == NULL)
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY, _("The workbook has no sheets."));
      return NULL;
    }
  return g_steal_pointer (&result);
}

GkSheet *
gk_ods_read_sheet (GBytes      *data,
                   const char  *sheet_name,
                   GError     **error)
{
  GkSheet *sheet = NULL;

  if (!walk_content (data, sheet_name, NULL, &sheet, error))
    return NULL;
  return sheet;
}
