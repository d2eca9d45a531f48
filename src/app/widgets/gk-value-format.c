/* gk-value-format.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures come from spreadsheets and from people with Dutch and English
 * habits, so the parser accepts both decimal marks and tells grouping from
 * a decimal mark by where it stands.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "gk-indicator-chart.h"
#include "gk-value-format.h"

char *
gk_value_format (GkUnit unit,
                 double value)
{
  GkIndicatorChartData data = { .unit = unit };

  return gk_indicator_format_value (&data, value, FALSE);
}

static char
locale_decimal_point (void)
{
  struct lconv *lc = localeconv ();

  if (lc->decimal_point != NULL && strcmp (lc->decimal_point, ",") == 0)
    return ',';
  return '.';
}

static char
locale_grouping_mark (void)
{
  struct lconv *lc = localeconv ();

  if (lc->thousands_sep != NULL && (strcmp (lc->thousands_sep, ".") == 0 || strcmp (lc->thousands_sep, ",") == 0))
    return lc->thousands_sep[0];
  return locale_decimal_point () == ',' ? '.' : ',';
}

char *
gk_value_for_entry (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  /* %.10g: no float noise ("9.2", not "9.1999999"), no exponent for the
   * sizes KPIs have. */
  g_ascii_formatd (buffer, sizeof buffer, "%.10g", value);
  text = g_strdup (buffer);
  if (locale_decimal_point () == ',')
    g_strdelimit (text, ".", ',');
  return text;
}

static gboolean
is_ignored_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009 ||
         c == 0x20AC /* € */ || c == '%';
}

/* Keeps digits, separators and the sign; NULL when anything else is there. */
static char *
strip_decorations (const char *text,
                   gboolean   *out_negative)
{
  GString *digits = g_string_new (NULL);
  gboolean seen_digit = FALSE;

  *out_negative = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_ignored_char (c))
        continue;
      if ((c == '-' || c == 0x2212 /* − */) && !seen_digit && !*out_negative && digits->len == 0)
        *out_negative = TRUE;
      else if (c == '+' && !seen_digit && digits->len == 0)
        ;
      else if (g_ascii_isdigit (c))
        {
          seen_digit = TRUE;
          g_string_append_c (digits, (char) c);
        }
      else if (c == ',' || c == '.')
        g_string_append_c (digits, (char) c);
      else
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  if (!seen_digit)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static guint
count_char (const char *text,
            char        c)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == c;
  return n;
}

/* Which of ',' and '.' is the decimal mark in @digits ('\0': none). */
static char
decimal_mark_of (const char *digits)
{
  const char *last_comma = strrchr (digits, ',');
  const char *last_point = strrchr (digits, '.');
  const char *mark;
  char c;

  if (last_comma == NULL && last_point == NULL)
    return '\0';
  /* Both: the last one is the decimal mark, "1.750,5" and "1,750.5". */
  if (last_comma != NULL && last_point != NULL)
    return last_comma > last_point ? ',' : '.';

  mark = last_comma != NULL ? last_comma : last_point;
  c = *mark;
  /* Repeated, it can only group: "1.750.000". */
  if (count_char (digits, c) > 1)
    return '\0';
  if (c == locale_decimal_point ())
    return c;
  /* The other mark once: grouping when it is the locale's grouping mark
   * before exactly three digits ("1.750" in Dutch), else a decimal mark
   * from the other habit ("9.2" in Dutch). */
  if (c == locale_grouping_mark () && strlen (mark + 1) == 3)
    return '\0';
  return c;
}

gboolean
gk_value_parse (const char  *text,
                double      *out_value,
                GError     **error)
{
  g_autofree char *digits = NULL;
  g_autoptr(GString) plain = NULL;
  gboolean negative;
  char decimal_mark;
  char *end = NULL;
  double value;

  g_return_val_if_fail (out_value != NULL, FALSE);

  if (text == NULL || is_blank (text))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Enter a number"));
      return FALSE;
    }

  digits = strip_decorations (text, &negative);
  if (digits == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a number"), text);
      return FALSE;
    }

  decimal_mark = decimal_mark_of (digits);
  plain = g_string_new (negative ? "-" : "");
  for (const char *p = digits; *p != '\0'; p++)
    {
      if (*p == decimal_mark)
        g_string_append_c (plain, '.');
      else if (*p != ',' && *p != '.')
        g_string_append_c (plain, *p);
    }

  value = g_ascii_strtod (plain->str, &end);
  if (end == plain->str || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a number"), text);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}
