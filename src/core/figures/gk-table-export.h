/* gk-table-export.h: the programme's tables to XLSX (libxlsxwriter) and CSV for Dutch Excel
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XLSX: one sheet per table, typed cells (numbers, dates, euros and
 * percentages as such, not as text), headers in the user's language, a
 * frozen header row and filters. CSV: what Dutch Excel opens as it is:
 * ';', decimal comma, a UTF-8 byte order mark, CRLF. The figures table
 * re-imports into an empty programme without loss (gk-import-plan.h).
 * Files are written next to the target and renamed over it, so a failed
 * export never leaves half a file.
 */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

typedef enum {
  GK_EXPORT_TABLE_PROJECTS,
  GK_EXPORT_TABLE_MEASURES,
  GK_EXPORT_TABLE_INDICATORS,
  GK_EXPORT_TABLE_FIGURES,
  GK_EXPORT_TABLE_ASSESSMENTS,
  GK_EXPORT_TABLE_JOURNAL,
  GK_EXPORT_N_TABLES,
} GkExportTable;

typedef enum {
  GK_EXPORT_FORMAT_XLSX,
  GK_EXPORT_FORMAT_CSV,
} GkExportFormat;

/* "projects", "measures", "indicators", "figures", "assessments", "journal". */
const char *gk_export_table_key        (GkExportTable   table);
gboolean    gk_export_table_from_key   (const char     *key,
                                        GkExportTable  *out_table);
/* The sheet's name in the user's language ("Focusprojecten"). */
const char *gk_export_table_title      (GkExportTable   table);

/* The format by the name's extension (.xlsx or .csv). */
gboolean    gk_export_format_from_path (const char     *path,
                                        GkExportFormat *out_format,
                                        GError        **error);

/* Writes @n_tables tables to @path: an XLSX with a sheet for each, or (one
 * table only) a CSV. Errors are GK_FIGURES_ERROR. */
gboolean    gk_export_tables           (GkDocument          *document,
                                        const GkExportTable *tables,
                                        guint                n_tables,
                                        const char          *path,
                                        GError             **error);

G_END_DECLS
