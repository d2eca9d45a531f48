/* gk-date.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gk-date.h"

G_DEFINE_QUARK (gk-date-error-quark, gk_date_error)

static gboolean
parse_fixed_digits (const char *text,
                    guint       n_digits,
                    guint      *out_value)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out_value = value;
  return TRUE;
}

gboolean
gk_date_parse_iso (const char *text,
                   GDate      *out_date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_fixed_digits (text, 4, &year) ||
      !parse_fixed_digits (text + 5, 2, &month) ||
      !parse_fixed_digits (text + 8, 2, &day))
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

char *
gk_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* Day-first numeric dates: 22-11-2026, 22/11/2026, 22.11.2026, 2-1-2026. */
static gboolean
parse_day_first (const char *text,
                 guint      *day,
                 guint      *month,
                 guint      *year)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[-/.]", text, 0, 0);
  guint64 values[3];

  if (g_strv_length (parts) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &values[i], NULL))
        return FALSE;
    }
  if (strlen (parts[2]) != 4)
    return FALSE;

  *day = values[0];
  *month = values[1];
  *year = values[2];
  return TRUE;
}

gboolean
gk_date_parse_user (const char  *text,
                    GDate       *out_date,
                    GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint day, month, year;
  GDate parsed;

  if (*stripped == '\0')
    {
      g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID, _("Enter a date."));
      return FALSE;
    }

  if (gk_date_parse_iso (stripped, out_date))
    return TRUE;

  if (parse_day_first (stripped, &day, &month, &year) ||
      (strlen (stripped) == 10 && stripped[4] == '-' &&
       sscanf (stripped, "%4u-%2u-%2u", &year, &month, &day) == 3))
    {
      if (!g_date_valid_dmy (day, month, year))
        {
          g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_IMPOSSIBLE,
                       _("“%s” does not exist in the calendar."), stripped);
          return FALSE;
        }
      g_date_clear (out_date, 1);
      g_date_set_dmy (out_date, day, month, year);
      return TRUE;
    }

  /* Month names ("22 november 2026") in the user's own language. */
  g_date_clear (&parsed, 1);
  g_date_set_parse (&parsed, stripped);
  if (g_date_valid (&parsed) && g_date_get_year (&parsed) >= 1900)
    {
      *out_date = parsed;
      return TRUE;
    }

  g_set_error (error, GK_DATE_ERROR, GK_DATE_ERROR_INVALID,
               /* Translators: the example shows the expected order: day, month, year */
               _("“%s” is not a date. Write it as 31-12-2026."), stripped);
  return FALSE;
}

char *
gk_date_format_display (const GDate *date)
{
  char buffer[64];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: date format for lists and charts, see strftime(3); "%e %b %Y" is "22 Nov 2026" */
  if (g_date_strftime (buffer, sizeof buffer, _("%e %b %Y"), date) == 0)
    return gk_date_to_iso (date);
  return g_strdup (g_strstrip (buffer));
}
