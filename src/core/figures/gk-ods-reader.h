/* gk-ods-reader.h: the sheets of an OpenDocument spreadsheet (.ods), streamed
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LibreOffice's own format: every sheet is a <table:table> in content.xml,
 * and every cell says its type (float, percentage, currency, date, string)
 * and its value. Repeated rows and columns (LibreOffice writes a million
 * empty rows as one element) are expanded only where they hold something.
 */
#pragma once

#include "gk-sheet.h"

G_BEGIN_DECLS

/* Whether the zipped @data is an OpenDocument spreadsheet. */
gboolean  gk_ods_is_spreadsheet (GBytes      *data);
GStrv     gk_ods_list_sheets    (GBytes      *data,
                                 GError     **error);
/* The sheet called @sheet_name, or the first when NULL. */
GkSheet  *gk_ods_read_sheet     (GBytes      *data,
                                 const char  *sheet_name,
                                 GError     **error);

G_END_DECLS
