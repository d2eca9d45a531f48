/* gk-xlsx-reader.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gk-xlsx-reader.h"
#include "gk-zip-xml.h"

typedef struct {
  char *name;
  char *path;   /* of its part, from the workbook's relationships */
} SheetRef;

typedef struct {
  GBytes       *data;
  GsfInfile    *zip;
  GkZipBudget   budget;
  char         *workbook_path;
  GArray       *sheets;           /* SheetRef */
  char         *shared_strings_path;
  char         *styles_path;
  GPtrArray    *shared_strings;   /* char*, owned */
  GArray       *style_kinds;      /* GkCellKind per cellXfs index */
} Workbook;

static void
sheet_ref_clear (gpointer data)
{
  SheetRef *ref = data;

  g_free (ref->name);
  g_free (ref->path);
}

static void
workbook_clear (Workbook *wb)
{
  g_clear_object (&wb->zip);
  g_free (wb->workbook_path);
  g_free (wb->shared_strings_path);
  g_free (wb->styles_path);
  g_clear_pointer (&wb->sheets, g_array_unref);
  g_clear_pointer (&wb->shared_strings, g_ptr_array_unref);
  g_clear_pointer (&wb->style_kinds, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

/* "worksheets/sheet1.xml" relative to the folder of @base ("xl/workbook.xml"). */
static char *
resolve_target (const char *base,
                const char *target)
{
  g_autofree char *dir = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    return g_strdup (target + 1);
  dir = g_path_get_dirname (base);
  joined = g_str_equal (dir, ".") ? g_strdup (target) : g_strconcat (dir, "/", target, NULL);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], "..") && out->len > 0)
        g_ptr_array_remove_index (out, out->len - 1);
      else if (!g_str_equal (parts[i], ".") && !g_str_equal (parts[i], "..") && parts[i][0] != '\0')
        g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

/* Calls @func for each Relationship of a .rels part. */
static gboolean
read_relationships (Workbook    *wb,
                    const char  *rels_path,
                    void       (*func) (Workbook *, const char *id, const char *type, const char *target),
                    GError     **error)
{
  GkXmlStream *stream = gk_xml_stream_open (wb->zip, rels_path, &wb->budget, error);

  if (stream == NULL)
    return FALSE;
  while (gk_xml_stream_next (stream))
    {
      if (gk_xml_stream_is_start (stream, "Relationship"))
        {
          g_autofree char *id = gk_xml_stream_attr (stream, "Id");
          g_autofree char *type = gk_xml_stream_attr (stream, "Type");
          g_autofree char *target = gk_xml_stream_attr (stream, "Target");

          if (id != NULL && type != NULL && target != NULL)
            func (wb, id, type, target);
        }
    }
  return gk_xml_stream_close (stream, error);
}

static void
root_relationship (Workbook   *wb,
                   const char *id,
                   const char *type,
                   const char *target)
{
  if (g_str_has_suffix (type, "/officeDocument") && wb->workbook_path == NULL)
    wb->workbook_path = resolve_target ("", target);
}

static void
workbook_relationship (Workbook   *wb,
                       const char *id,
                       const char *type,
                       const char *target)
{
  if (g_str_has_suffix (type, "/sharedStrings"))
    {
      g_free (wb->shared_strings_path);
      wb->shared_strings_path = resolve_target (wb->workbook_path, target);
      return;
    }
  if (g_str_has_suffix (type, "/styles"))
    {
      g_free (wb->styles_path);
      wb->styles_path = resolve_target (wb->workbook_path, target);
      return;
    }
  for (guint i = 0; i < wb->sheets->len; i++)
    {
      SheetRef *ref = &g_array_index (wb->sheets, SheetRef, i);

      /* the sheet's r:id was kept in path until resolved */
      if (g_str_equal (ref->path, id))
        {
          g_free (ref->path);
          ref->path = resolve_target (wb->workbook_path, target);
        }
    }
}

static gboolean
read_sheet_names (Workbook  *wb,
                  GError   **error)
{
  GkXmlStream *stream = gk_xml_stream_open (wb->zip, wb->workbook_path, &wb->budget, error);

  if (stream == NULL)
    return FALSE;
  while (gk_xml_stream_next (stream))
    {
      if (gk_xml_stream_is_start (stream, "sheet"))
        {
          SheetRef ref = { gk_xml_stream_attr (stream, "name"), gk_xml_stream_attr (stream, "id") };

          if (ref.name == NULL || ref.path == NULL)
            {
              sheet_ref_clear (&ref);
              continue;
            }
          g_array_append_val (wb->sheets, ref);
        }
    }
  return gk_xml_stream_close (stream, error);
}

static gboolean
has_member (GsfInfile  *zip,
            const char *path)
{
  g_autoptr(GkGsfInput) member = path != NULL ? gk_zip_get_member (zip, path) : NULL;

  return member != NULL;
}

gboolean
gk_xlsx_is_workbook (GBytes *data)
{
  g_autoptr(GkGsfInfile) zip = gk_zip_open (data, NULL);

  return zip != NULL && has_member (zip, "[Content_Types].xml") && has_member (zip, "xl/workbook.xml");
}

static gboolean
workbook_open (Workbook  *wb,
               GBytes    *data,
               GError   **error)
{
  wb->data = data;
  wb->budget.left = GK_ZIP_MAX_UNPACKED;
  wb->sheets = g_array_new (FALSE, TRUE, sizeof (SheetRef));
  g_array_set_clear_func (wb->sheets, sheet_ref_clear);
  wb->zip = gk_zip_open (data, error);
  if (wb->zip == NULL)
    return FALSE;

  if (!read_relationships (wb, "_rels/.rels", root_relationship, NULL) || wb->workbook_path == NULL)
    {
      g_free (wb->workbook_path);
      wb->workbook_path = g_strdup ("xl/workbook.xml");
    }
  if (!read_sheet_names (wb, error))
    return FALSE;
  {
    g_autofree char *dir = g_path_get_dirname (wb->workbook_path);
    g_autofree char *base = g_path_get_basename (wb->workbook_path);
    g_autofree char *rels = g_str_equal (dir, ".") ? g_strdup_printf ("_rels/%s.rels", base)
                                                    : g_strdup_printf ("%s/_rels/%s.rels", dir, base);

    if (!read_relationships (wb, rels, workbook_relationship, error))
      return FALSE;
  }
  if (wb->sheets->len == 0)
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY, _("The workbook has no sheets."));
      return FALSE;
    }
  return TRUE;
}

GStrv
gk_xlsx_list_sheets (GBytes  *data,
                     GError **error)
{
  g_auto(Workbook) wb = { 0 };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (!workbook_open (&wb, data, error))
    return NULL;
  for (guint i = 0; i < wb.sheets->len; i++)
    g_strv_builder_add (names, g_array_index (wb.sheets, SheetRef, i).name);
  return g_strv_builder_end (names);
}

/* ---- styles: which cells are dates or percentages ----------------------------- */

static GkCellKind
builtin_format_kind (guint id)
{
  if (id == 9 || id == 10)
    return GK_CELL_PERCENT;
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return GK_CELL_DATE;
  return GK_CELL_NUMBER;
}

/* A custom format code: a percentage when it has '%', a date when it has
 * day, month or year letters; quoted text, [colours] and escapes aside. */
static GkCellKind
custom_format_kind (const char *code)
{
  gboolean in_quotes = FALSE, in_brackets = FALSE;
  gboolean date = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (in_quotes)
        in_quotes = c != '"';
      else if (in_brackets)
        in_brackets = c != ']';
      else if (c == '"')
        in_quotes = TRUE;
      else if (c == '[')
        in_brackets = TRUE;
      else if (c == '\\' || c == '_' || c == '*')
        {
          if (p[1] != '\0')
            p++;
        }
      else if (c == ';')
        break;  /* the positive section decides */
      else if (c == '%')
        return GK_CELL_PERCENT;
      else if (c == 'd' || c == 'm' || c == 'y' || c == 'j')
        date = TRUE;
    }
  return date ? GK_CELL_DATE : GK_CELL_NUMBER;
}

static gboolean
read_styles (Workbook  *wb,
             GError   **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  GkXmlStream *stream;
  gboolean in_cell_xfs = FALSE;

  wb->style_kinds = g_array_new (FALSE, FALSE, sizeof (GkCellKind));
  if (!has_member (wb->zip, wb->styles_path))
    return TRUE;
  stream = gk_xml_stream_open (wb->zip, wb->styles_path, &wb->budget, error);
  if (stream == NULL)
    return FALSE;
  while (gk_xml_stream_next (stream))
    {
      if (gk_xml_stream_is_start (stream, "numFmt"))
        {
          g_autofree char *id = gk_xml_stream_attr (stream, "numFmtId");
          g_autofree char *code = gk_xml_stream_attr (stream, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                                 GINT_TO_POINTER (custom_format_kind (code) + 1));
        }
      else if (gk_xml_stream_is_start (stream, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (gk_xml_stream_reader (stream));
      else if (gk_xml_stream_is_end (stream, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && gk_xml_stream_is_start (stream, "xf"))
        {
          g_autofree char *id_text = gk_xml_stream_attr (stream, "numFmtId");
          guint id = id_text != NULL ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
          gpointer found = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
          GkCellKind kind = found != NULL ? (GkCellKind) (GPOINTER_TO_INT (found) - 1) : builtin_format_kind (id);

          g_array_append_val (wb->style_kinds, kind);
        }
    }
  return gk_xml_stream_close (stream, error);
}

/* ---- shared strings ------------------------------------------------------------ */

/* Collects the text of <t> elements up to the end of @container, leaving
 * out phonetic runs (<rPh>), which are not part of the cell's text. */
static void
collect_text (GkXmlStream *stream,
              const char  *container,
              GString     *text)
{
  xmlTextReaderPtr reader = gk_xml_stream_reader (stream);
  gboolean in_t = FALSE;
  int phonetic_depth = -1;

  if (xmlTextReaderIsEmptyElement (reader))
    return;
  while (gk_xml_stream_next (stream))
    {
      int type = xmlTextReaderNodeType (reader);

      if (gk_xml_stream_is_end (stream, container) && type == XML_READER_TYPE_END_ELEMENT)
        return;
      if (gk_xml_stream_is_start (stream, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic_depth = xmlTextReaderDepth (reader);
      else if (type == XML_READER_TYPE_END_ELEMENT && phonetic_depth == xmlTextReaderDepth (reader))
        phonetic_depth = -1;
      else if (gk_xml_stream_is_start (stream, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (type == XML_READER_TYPE_END_ELEMENT && gk_xml_stream_is_end (stream, "t"))
        in_t = FALSE;
      else if (in_t && phonetic_depth < 0 &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
}

static gboolean
read_shared_strings (Workbook  *wb,
                     GError   **error)
{
  GkXmlStream *stream;
  g_autoptr(GString) text = g_string_new (NULL);

  wb->shared_strings = g_ptr_array_new_with_free_func (g_free);
  if (!has_member (wb->zip, wb->shared_strings_path))
    return TRUE;
  stream = gk_xml_stream_open (wb->zip, wb->shared_strings_path, &wb->budget, error);
  if (stream == NULL)
    return FALSE;
  while (gk_xml_stream_next (stream))
    {
      if (gk_xml_stream_is_start (stream, "si"))
        {
          g_string_truncate (text, 0);
          collect_text (stream, "si", text);
          g_ptr_array_add (wb->shared_strings, g_strndup (text->str, text->len));
        }
    }
  return gk_xml_stream_close (stream, error);
}

/* ---- the sheet ------------------------------------------------------------------ */

gboolean
gk_excel_serial_to_date (double  serial,
                         GDate  *out_date)
{
  GDate date;
  double whole = floor (serial);

  /* 1 = 1900-01-01; Excel counts a 29 February 1900 that never was (60). */
  if (!(whole >= 1 && whole <= 2958465))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) whole - (whole > 60 ? 1 : 0));
  *out_date = date;
  return TRUE;
}

/* "BC12" -> column 54 (0-based), row 12. */
static gboolean
parse_reference (const char *ref,
                 guint      *out_column,
                 guint      *out_row)
{
  guint64 column = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p) && column <= GK_SHEET_MAX_COLUMNS * 26)
    column = column * 26 + (g_ascii_toupper (*p++) - 'A' + 1);
  if (p == ref || column == 0 || column > G_MAXUINT)
    return FALSE;
  *out_column = (guint) column - 1;
  if (out_row != NULL)
    *out_row = (guint) g_ascii_strtoull (p, NULL, 10);
  return TRUE;
}

typedef struct {
  Workbook *wb;
  GkSheet  *sheet;
  GString  *value;
  GString  *inline_text;
} SheetReader;

static gboolean
store_cell (SheetReader  *sr,
            guint         column,
            const char   *type,
            const char   *style,
            GError      **error)
{
  const char *v = sr->value->str;
  guint style_index = style != NULL ? (guint) g_ascii_strtoull (style, NULL, 10) : 0;
  GkCellKind style_kind = style_index < sr->wb->style_kinds->len
                          ? g_array_index (sr->wb->style_kinds, GkCellKind, style_index) : GK_CELL_NUMBER;
  char *end = NULL;
  double number;

  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (v, &end, 10);
      const char *text = end != v && index < sr->wb->shared_strings->len
                         ? g_ptr_array_index (sr->wb->shared_strings, index) : "";

      return gk_sheet_set_cell (sr->sheet, column, GK_CELL_TEXT, 0, text, -1, error);
    }
  if (g_strcmp0 (type, "inlineStr") == 0)
    return gk_sheet_set_cell (sr->sheet, column, GK_CELL_TEXT, 0, sr->inline_text->str, sr->inline_text->len, error);
  if (g_strcmp0 (type, "str") == 0 || g_strcmp0 (type, "e") == 0)
    return gk_sheet_set_cell (sr->sheet, column, GK_CELL_TEXT, 0, v, sr->value->len, error);
  if (g_strcmp0 (type, "d") == 0)
    return gk_sheet_set_cell (sr->sheet, column, GK_CELL_DATE, 0, v, MIN (sr->value->len, 10), error);
  if (sr->value->len == 0)
    return TRUE;

  number = g_ascii_strtod (v, &end);
  if (end == v || !isfinite (number))
    return gk_sheet_set_cell (sr->sheet, column, GK_CELL_TEXT, 0, v, sr->value->len, error);
  if (g_strcmp0 (type, "b") == 0)
    return gk_sheet_set_cell (sr->sheet, column, GK_CELL_BOOLEAN, number != 0, v, -1, error);
  if (style_kind == GK_CELL_DATE)
    {
      GDate date;
      char iso[16];

      if (gk_excel_serial_to_date (number, &date))
        {
          g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date),
                      g_date_get_month (&date), g_date_get_day (&date));
          return gk_sheet_set_cell (sr->sheet, column, GK_CELL_DATE, number, iso, -1, error);
        }
      style_kind = GK_CELL_NUMBER;
    }
  return gk_sheet_set_cell (sr->sheet, column, style_kind, number, v, sr->value->len, error);
}

/* Reads one <c> element; the stream is on its start tag. */
static gboolean
read_cell (SheetReader  *sr,
           GkXmlStream  *stream,
           guint        *next_column,
           GError      **error)
{
  xmlTextReaderPtr reader = gk_xml_stream_reader (stream);
  g_autofree char *ref = gk_xml_stream_attr (stream, "r");
  g_autofree char *type = gk_xml_stream_attr (stream, "t");
  g_autofree char *style = gk_xml_stream_attr (stream, "s");
  guint column = *next_column;
  gboolean in_v = FALSE;

  if (ref != NULL)
    parse_reference (ref, &column, NULL);
  *next_column = column + 1;

  g_string_truncate (sr->value, 0);
  g_string_truncate (sr->inline_text, 0);
  if (xmlTextReaderIsEmptyElement (reader))
    return TRUE;
  while (gk_xml_stream_next (stream))
    {
      int type_of_node = xmlTextReaderNodeType (reader);

      if (type_of_node == XML_READER_TYPE_END_ELEMENT && gk_xml_stream_is_end (stream, "c"))
        break;
      if (gk_xml_stream_is_start (stream, "v"))
        in_v = !xmlTextReaderIsEmptyElement (reader);
      else if (type_of_node == XML_READER_TYPE_END_ELEMENT && gk_xml_stream_is_end (stream, "v"))
        in_v = FALSE;
      else if (gk_xml_stream_is_start (stream, "is"))
        collect_text (stream, "is", sr->inline_text);
      else if (in_v && (type_of_node == XML_READER_TYPE_TEXT || type_of_node == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        g_string_append (sr->value, (const char *) xmlTextReaderConstValue (reader));
    }
  return store_cell (sr, column, type, style, error);
}

static gboolean
read_rows (SheetReader  *sr,
           const char   *path,
           GError      **error)
{
  GkXmlStream *stream = gk_xml_stream_open (sr->wb->zip, path, &sr->wb->budget, error);
  GError *row_error = NULL;
  guint row_number = 0;
  guint next_column = 0;
  gboolean in_row = FALSE;

  if (stream == NULL)
    return FALSE;
  while (row_error == NULL && gk_xml_stream_next (stream))
    {
      if (gk_xml_stream_is_start (stream, "row"))
        {
          g_autofree char *r = gk_xml_stream_attr (stream, "r");
          guint64 n = r != NULL ? g_ascii_strtoull (r, NULL, 10) : 0;

          row_number = n > row_number ? (guint) MIN (n, G_MAXUINT) : row_number + 1;
          next_column = 0;
          gk_sheet_begin_row (sr->sheet, row_number);
          in_row = TRUE;
          if (xmlTextReaderIsEmptyElement (gk_xml_stream_reader (stream)))
            {
              gk_sheet_end_row (sr->sheet, &row_error);
              in_row = FALSE;
            }
        }
      else if (in_row && gk_xml_stream_is_start (stream, "c"))
        read_cell (sr, stream, &next_column, &row_error);
      else if (in_row && gk_xml_stream_is_end (stream, "row"))
        {
          gk_sheet_end_row (sr->sheet, &row_error);
          in_row = FALSE;
        }
    }
  if (row_error != NULL)
    {
      gk_xml_stream_close (stream, NULL);
      g_propagate_error (error, row_error);
      return FALSE;
    }
  return gk_xml_stream_close (stream, error);
}

GkSheet *
gk_xlsx_read_sheet (GBytes      *data,
                    const char  *sheet_name,
                    GError     **error)
{
  g_auto(Workbook) wb = { 0 };
  g_autoptr(GkSheet) sheet = NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  SheetRef *ref = NULL;
  SheetReader sr;

  if (!workbook_open (&wb, data, error))
    return NULL;
  for (guint i = 0; i < wb.sheets->len && ref == NULL; i++)
    {
      SheetRef *candidate = &g_array_index (wb.sheets, SheetRef, i);

      if (sheet_name == NULL || g_utf8_collate (candidate->name, sheet_name) == 0 ||
          g_ascii_strcasecmp (candidate->name, sheet_name) == 0)
        ref = candidate;
    }
  if (ref == NULL)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NO_SHEET,
                   _("The workbook has no sheet named “%s”."), sheet_name);
      return NULL;
    }
  if (!read_styles (&wb, error) || !read_shared_strings (&wb, error))
    return NULL;

  sheet = gk_sheet_new (ref->name);
  sr = (SheetReader) { &wb, sheet, value, inline_text };
  if (!read_rows (&sr, ref->path, error))
    return NULL;
  if (gk_sheet_get_n_rows (sheet) == 0)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY,
                   _("The sheet “%s” is empty."), ref->name);
      return NULL;
    }
  return g_steal_pointer (&sheet);
}
