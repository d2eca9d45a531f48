/* gk-xlsx-reader.h: the sheets of an Excel workbook (.xlsx), streamed
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Office Open XML: the workbook part names the sheets, each sheet part
 * holds its rows; text lives in the shared strings part, and whether a
 * number is a date or a percentage lives in the cell's style. Read with
 * libgsf (zip) and libxml2's xmlTextReader (see gk-zip-xml.h).
 */
#pragma once

#include "gk-sheet.h"

G_BEGIN_DECLS

/* Whether the zipped @data is an XLSX workbook (has a workbook part). */
gboolean  gk_xlsx_is_workbook   (GBytes      *data);

/* The names of the sheets, in the workbook's order. */
GStrv     gk_xlsx_list_sheets   (GBytes      *data,
                                 GError     **error);

/* The sheet called @sheet_name (compared case-insensitively), or the first
 * sheet when NULL. */
GkSheet  *gk_xlsx_read_sheet    (GBytes      *data,
                                 const char  *sheet_name,
                                 GError     **error);

/* An Excel date serial (1900 system: 1 is 1900-01-01, with Excel's
 * fictitious 29 February 1900) as a date; FALSE outside 1900..9999. */
gboolean  gk_excel_serial_to_date (double     serial,
                                   GDate     *out_date);

G_END_DECLS
