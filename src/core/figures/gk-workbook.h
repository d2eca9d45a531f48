/* gk-workbook.h: a spreadsheet file of any kind Gripkaart imports from
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a CSV, XLSX or ODS file by what it holds, not by its name: an .xlsx
 * that was renamed to .csv still opens as a workbook. A file whose name says
 * workbook but whose bytes do not is refused with a message saying so, as
 * are binary files and Excel's old .xls format.
 */
#pragma once

#include <gio/gio.h>

#include "gk-csv-reader.h"
#include "gk-sheet.h"

G_BEGIN_DECLS

/* The largest file read at all. */
#define GK_WORKBOOK_MAX_FILE_SIZE (256u * 1024 * 1024)

typedef enum {
  GK_WORKBOOK_FORMAT_CSV,
  GK_WORKBOOK_FORMAT_XLSX,
  GK_WORKBOOK_FORMAT_ODS,
} GkWorkbookFormat;

#define GK_TYPE_WORKBOOK (gk_workbook_get_type ())
G_DECLARE_FINAL_TYPE (GkWorkbook, gk_workbook, GK, WORKBOOK, GObject)

/* @file_name (may be NULL) gives the CSV sheet its name and tells what the
 * user thought the file was. */
GkWorkbook       *gk_workbook_new_from_bytes  (GBytes        *data,
                                               const char    *file_name,
                                               GError       **error);
GkWorkbook       *gk_workbook_open            (GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);

GkWorkbookFormat  gk_workbook_get_format      (GkWorkbook    *self);
const char       *gk_workbook_get_file_name   (GkWorkbook    *self);
/* The names of the sheets (a CSV has one, named after the file). */
const char * const *gk_workbook_get_sheet_names (GkWorkbook  *self);
/* What the CSV reader detected (for CSV files only; NULL otherwise). */
const GkCsvFormat *gk_workbook_get_csv_format (GkWorkbook    *self);

/* The sheet named @sheet_name, or the first (NULL). Read on every call. */
GkSheet          *gk_workbook_read_sheet      (GkWorkbook    *self,
                                               const char    *sheet_name,
                                               GError       **error);

G_END_DECLS
