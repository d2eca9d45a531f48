/* gk-date.h: calendar dates as the project file stores them and people type them
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_DATE_ERROR (gk_date_error_quark ())

typedef enum {
  GK_DATE_ERROR_INVALID,      /* not a date at all */
  GK_DATE_ERROR_IMPOSSIBLE,   /* looks like a date but does not exist: 30 February */
} GkDateError;

GQuark   gk_date_error_quark     (void);

/* Strict ISO 8601 calendar date, YYYY-MM-DD, as stored in the file. */
gboolean gk_date_parse_iso       (const char  *text,
                                  GDate       *out_date);
char    *gk_date_to_iso          (const GDate *date);

/* What a person types: ISO, or day first (22-11-2026, 22/11/2026, 22.11.2026,
 * 22 november 2026) as Dutch users write dates, or the locale's own order. */
gboolean gk_date_parse_user      (const char  *text,
                                  GDate       *out_date,
                                  GError     **error);

/* "22 nov 2026" in the user's locale. */
char    *gk_date_format_display  (const GDate *date);

G_END_DECLS
