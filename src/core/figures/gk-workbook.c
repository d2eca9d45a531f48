/* gk-workbook.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-ods-reader.h"
#include "gk-workbook.h"
#include "gk-xlsx-reader.h"
#include "gk-zip-xml.h"

struct _GkWorkbook
{
  GObject           parent_instance;
  GBytes           *data;
  char             *file_name;
  GkWorkbookFormat  format;
  GStrv             sheet_names;
  GkSheet          *csv_sheet;
  GkCsvFormat       csv_format;
};

G_DEFINE_FINAL_TYPE (GkWorkbook, gk_workbook, G_TYPE_OBJECT)

static void
gk_workbook_finalize (GObject *object)
{
  GkWorkbook *self = GK_WORKBOOK (object);

  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->file_name);
  g_strfreev (self->sheet_names);
  g_clear_object (&self->csv_sheet);

  G_OBJECT_CLASS (gk_workbook_parent_class)->finalize (object);
}

static void
gk_workbook_class_init (GkWorkbookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_workbook_finalize;
}

static void
gk_workbook_init (GkWorkbook *self)
{
}

static gboolean
has_prefix (const guint8 *bytes,
            gsize         size,
            const char   *magic,
            gsize         magic_size)
{
  return size >= magic_size && memcmp (bytes, magic, magic_size) == 0;
}

static gboolean
name_says_workbook (const char *file_name)
{
  g_autofree char *lower = file_name != NULL ? g_ascii_strdown (file_name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm") ||
                           g_str_has_suffix (lower, ".ods"));
}

/* "cijfers.csv" -> "cijfers" */
static char *
sheet_name_for_file (const char *file_name)
{
  const char *dot;

  if (file_name == NULL || *file_name == '\0')
    return g_strdup ("");
  dot = strrchr (file_name, '.');
  return dot != NULL && dot != file_name ? g_strndup (file_name, dot - file_name) : g_strdup (file_name);
}

static gboolean
open_zip (GkWorkbook  *self,
          GError     **error)
{
  if (gk_xlsx_is_workbook (self->data))
    {
      self->format = GK_WORKBOOK_FORMAT_XLSX;
      self->sheet_names = gk_xlsx_list_sheets (self->data, error);
    }
  else if (gk_ods_is_spreadsheet (self->data))
    {
      self->format = GK_WORKBOOK_FORMAT_ODS;
      self->sheet_names = gk_ods_list_sheets (self->data, error);
    }
  else
    {
      /* Say damaged when the zip itself is broken, else that it is something else. */
      g_autoptr(GkGsfInfile) zip = gk_zip_open (self->data, error);

      if (zip != NULL)
        g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NOT_SPREADSHEET,
                             _("This is a zip archive, but not an Excel or LibreOffice spreadsheet "
                               "(perhaps a text document or a folder of files)."));
      return FALSE;
    }
  return self->sheet_names != NULL;
}

GkWorkbook *
gk_workbook_new_from_bytes (GBytes      *data,
                            const char  *file_name,
                            GError     **error)
{
  g_autoptr(GkWorkbook) self = g_object_new (GK_TYPE_WORKBOOK, NULL);
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  self->data = g_bytes_ref (data);
  self->file_name = g_strdup (file_name != NULL ? file_name : "");

  if (size == 0)
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (size > GK_WORKBOOK_MAX_FILE_SIZE)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB. Gripkaart imports figures from smaller files: "
                     "remove the rows you do not need."), GK_WORKBOOK_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (has_prefix (bytes, size, "PK\x03\x04", 4) || has_prefix (bytes, size, "PK\x05\x06", 4))
    return open_zip (self, error) ? g_steal_pointer (&self) : NULL;
  if (has_prefix (bytes, size, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NOT_SPREADSHEET,
                           _("This is an Excel 97–2003 workbook (.xls). Open it in the spreadsheet program "
                             "and save it as .xlsx or .csv first."));
      return NULL;
    }
  if (name_says_workbook (file_name))
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NOT_SPREADSHEET,
                   _("“%s” is named like a workbook, but it is not one (it is not a zip archive). "
                     "Open it in the spreadsheet program and save it again."), file_name);
      return NULL;
    }

  self->format = GK_WORKBOOK_FORMAT_CSV;
  {
    g_autofree char *name = sheet_name_for_file (file_name);
    const char *names[] = { name, NULL };

    self->csv_sheet = gk_csv_read (data, name, &self->csv_format, error);
    if (self->csv_sheet == NULL)
      return NULL;
    self->sheet_names = g_strdupv ((char **) names);
  }
  return g_steal_pointer (&self);
}

GkWorkbook *
gk_workbook_open (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) io_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info == NULL)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED, _("The file cannot be read: %s"),
                   io_error->message);
      return NULL;
    }
  name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NOT_SPREADSHEET,
                   _("“%s” is a folder, not a file with figures."), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > GK_WORKBOOK_MAX_FILE_SIZE)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB. Gripkaart imports figures from smaller files: "
                     "remove the rows you do not need."), GK_WORKBOOK_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  data = g_file_load_bytes (file, cancellable, NULL, &io_error);
  if (data == NULL)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED, _("The file cannot be read: %s"),
                   io_error->message);
      return NULL;
    }
  return gk_workbook_new_from_bytes (data, name, error);
}

GkWorkbookFormat
gk_workbook_get_format (GkWorkbook *self)
{
  g_return_val_if_fail (GK_IS_WORKBOOK (self), GK_WORKBOOK_FORMAT_CSV);
  return self->format;
}

const char *
gk_workbook_get_file_name (GkWorkbook *self)
{
  g_return_val_if_fail (GK_IS_WORKBOOK (self), NULL);
  return self->file_name;
}

const char * const *
gk_workbook_get_sheet_names (GkWorkbook *self)
{
  g_return_val_if_fail (GK_IS_WORKBOOK (self), NULL);
  return (const char * const *) self->sheet_names;
}

const GkCsvFormat *
gk_workbook_get_csv_format (GkWorkbook *self)
{
  g_return_val_if_fail (GK_IS_WORKBOOK (self), NULL);
  return self->format == GK_WORKBOOK_FORMAT_CSV ? &self->csv_format : NULL;
}

GkSheet *
gk_workbook_read_sheet (GkWorkbook  *self,
                        const char  *sheet_name,
                        GError     **error)
{
  g_return_val_if_fail (GK_IS_WORKBOOK (self), NULL);

  switch (self->format)
    {
    case GK_WORKBOOK_FORMAT_XLSX:
      return gk_xlsx_read_sheet (self->data, sheet_name, error);
    case GK_WORKBOOK_FORMAT_ODS:
      return gk_ods_read_sheet (self->data, sheet_name, error);
    case GK_WORKBOOK_FORMAT_CSV:
    default:
      if (sheet_name != NULL && g_strcmp0 (sheet_name, self->sheet_names[0]) != 0)
        {
          g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NO_SHEET,
                       _("A CSV file has one sheet only; there is no sheet named “%s”."), sheet_name);
          return NULL;
        }
      return g_object_ref (self->csv_sheet);
    }
}
