/* gk-value-format.h: indicator values as people read and type them
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gk-enums.h"

G_BEGIN_DECLS

/* "€ 2.150.000", "52%", "9,2 weeks" in the user's locale, as the indicator
 * chart writes them. */
char     *gk_value_format     (GkUnit       unit,
                               double       value);

/* The bare number for an entry: "2150000", "9,2" (locale decimal point,
 * no grouping, no unit). */
char     *gk_value_for_entry  (double       value);

/* Reads a number as people type it: with the locale's decimal point or the
 * other one ("9,2" and "9.2"), with grouping ("1.750.000", "1,750,000"),
 * with a euro or percent sign. Fails with a translated G_IO_ERROR_INVALID_DATA
 * message for anything else, or for blank text. */
gboolean  gk_value_parse      (const char  *text,
                               double      *out_value,
                               GError     **error);

G_END_DECLS
