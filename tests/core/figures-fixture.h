/* figures-fixture.h: files for the tests of the figures readers and import
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gsf/gsf.h>

#include "gk-workbook.h"
#include "gk-zip-xml.h"

static inline GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "figures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline GkSheet *
fixture_sheet (const char *name,
               const char *sheet_name)
{
  g_autoptr(GBytes) data = fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkWorkbook) workbook = gk_workbook_new_from_bytes (data, name, &error);
  GkSheet *sheet;

  g_assert_no_error (error);
  sheet = gk_workbook_read_sheet (workbook, sheet_name, &error);
  g_assert_no_error (error);
  return sheet;
}

/* A zip made in memory with libgsf: @parts is name, text, name, text, ...,
 * NULL. A part named with a '*' suffix is @filler_size bytes of spaces
 * between its text's two halves (split at '|'): a zip bomb when large. */
static inline GBytes *
fixture_zip (gsize        filler_size,
             const char  *first_name,
             ...)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, &error);
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  const char *name = first_name;
  va_list args;
  GBytes *bytes;

  g_assert_no_error (error);
  va_start (args, first_name);
  while (name != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_auto(GStrv) parts = NULL;
      g_autofree char *clean = g_strdup (name);
      gboolean filler = g_str_has_suffix (clean, "*");
      GsfOutfile *parent = zip;
      g_autoptr(GString) dir_path = g_string_new (NULL);
      GsfOutput *child;
      guint n;

      if (filler)
        clean[strlen (clean) - 1] = '\0';
      parts = g_strsplit (clean, "/", -1);
      n = g_strv_length (parts);
      for (guint i = 0; i + 1 < n; i++)
        {
          GsfOutfile *dir;

          g_string_append_printf (dir_path, "%s/", parts[i]);
          dir = g_hash_table_lookup (dirs, dir_path->str);
          if (dir == NULL)
            {
              dir = GSF_OUTFILE (gsf_outfile_new_child (parent, parts[i], TRUE));
              g_hash_table_insert (dirs, g_strdup (dir_path->str), dir);
            }
          parent = dir;
        }
      child = gsf_outfile_new_child_full (parent, parts[n - 1], FALSE, "compression-level", GSF_ZIP_DEFLATED, NULL);
      if (filler)
        {
          const char *bar = strchr (text, '|');
          g_autofree char *spaces = g_malloc (1024 * 1024);

          memset (spaces, ' ', 1024 * 1024);
          g_assert_nonnull (bar);
          gsf_output_write (child, bar - text, (const guint8 *) text);
          for (gsize done = 0; done < filler_size; done += 1024 * 1024)
            gsf_output_write (child, MIN (1024 * 1024, filler_size - done), (const guint8 *) spaces);
          gsf_output_write (child, strlen (bar + 1), (const guint8 *) bar + 1);
        }
      else
        gsf_output_write (child, strlen (text), (const guint8 *) text);
      gsf_output_close (child);
      g_object_unref (child);
      name = va_arg (args, const char *);
    }
  va_end (args);
  /* Close the folders before the zip (they hold children). */
  {
    GList *values = g_hash_table_get_values (dirs);

    for (GList *l = values; l != NULL; l = l->next)
      gsf_output_close (l->data);
    g_list_free (values);
  }
  gsf_output_close (GSF_OUTPUT (zip));
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                       gsf_output_size (memory));
  g_object_unref (zip);
  g_object_unref (memory);
  return bytes;
}

#define XLSX_CONTENT_TYPES "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
#define XLSX_ROOT_RELS "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define XLSX_WORKBOOK "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define XLSX_WORKBOOK_RELS "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"

/* A minimal XLSX whose one sheet is @sheet_xml (with a filler when set). */
static inline GBytes *
fixture_xlsx (const char *sheet_xml,
              gsize       filler_size)
{
  return fixture_zip (filler_size,
                      "[Content_Types].xml", XLSX_CONTENT_TYPES,
                      "_rels/.rels", XLSX_ROOT_RELS,
                      "xl/workbook.xml", XLSX_WORKBOOK,
                      "xl/_rels/workbook.xml.rels", XLSX_WORKBOOK_RELS,
                      filler_size > 0 ? "xl/worksheets/sheet1.xml*" : "xl/worksheets/sheet1.xml", sheet_xml,
                      NULL);
}
