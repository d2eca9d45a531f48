/* gk-money.h: amounts in euros as people read and type them
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model keeps money in whole cents (gk-record.h); people see whole
 * euros in their locale ("€ 1.234.567" in Dutch) and type amounts the way
 * they write them, with or without the euro sign and thousands separators.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "€ 1.234.567" (nl) or "€1,234,567" (en): rounded to whole euros. */
char     *gk_money_format_cents     (gint64       cents);
/* The amount as it is typed back: "1.234.567" or "1.234.567,50" (nl). */
char     *gk_money_cents_for_entry  (gint64       cents);
/* Reads "€ 1.234.567", "1234567", "1.234.567,50", "1,234,567.50", "-250".
 * A lone separator followed by exactly three digits groups thousands; one
 * followed by one or two digits marks the cents. Fails with a
 * GK_VALIDATION_ERROR (no field) that says what was wrong. */
gboolean  gk_money_parse_user       (const char  *text,
                                     gint64      *out_cents,
                                     GError     **error);

G_END_DECLS
