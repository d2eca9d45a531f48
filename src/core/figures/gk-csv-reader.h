/* gk-csv-reader.h: a CSV or text export read into a sheet, with libcsv
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads what Dutch spreadsheets and systems write: the separator (';', ','
 * or tab) and the encoding (UTF-8 with or without byte order mark, UTF-16
 * with one, else Windows-1252) are detected; quoted fields may hold
 * separators, quotes and newlines. Every field becomes a text cell: numbers
 * are interpreted later, by the column they are in (gk-figure-value.h).
 */
#pragma once

#include "gk-sheet.h"

G_BEGIN_DECLS

typedef struct {
  char        separator;   /* ';', ',' or '\t' */
  const char *encoding;    /* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" (static) */
  gboolean    had_bom;
} GkCsvFormat;

/* Reads @data (the whole file). @name names the sheet. @out_format may be
 * NULL. Fails with GK_FIGURES_ERROR: EMPTY, NOT_SPREADSHEET (binary data or
 * an unknown encoding) or TOO_LARGE. */
GkSheet *gk_csv_read (GBytes       *data,
                      const char   *name,
                      GkCsvFormat  *out_format,
                      GError      **error);

G_END_DECLS
