/* gk-money.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-chart-common.h"
#include "gk-money.h"
#include "gk-validation.h"

/* Enough for any budget a municipality has, far from overflowing cents. */
#define MAX_EURO_DIGITS 13

char *
gk_money_format_cents (gint64 cents)
{
  return gk_format_euro ((double) cents / 100.0);
}

char *
gk_money_cents_for_entry (gint64 cents)
{
  return gk_format_number ((double) cents / 100.0, cents % 100 != 0 ? 2 : 0);
}

/* Removes the euro sign, "EUR" and every kind of space, and takes the minus
 * sign wherever the locale put it ("-€ 5", "€ -5"). */
static char *
strip_decoration (const char *text,
                  gboolean   *negative)
{
  GString *out = g_string_new (NULL);

  *negative = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x20AC || g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;
      if (g_ascii_strncasecmp (p, "EUR", 3) == 0)
        {
          p += 2;
          continue;
        }
      if ((c == '-' || c == 0x2212) && out->len == 0 && !*negative)
        {
          *negative = TRUE;
          continue;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Which separator marks the cents in @digits, or 0 when none does. Sets
 * @ok to FALSE when the separators make no sense. */
static char
decimal_separator (const char *digits,
                   gboolean   *ok)
{
  const char *last_dot = strrchr (digits, '.');
  const char *last_comma = strrchr (digits, ',');
  const char *last;
  guint n_same = 0;
  gsize after;

  *ok = TRUE;
  if (last_dot == NULL && last_comma == NULL)
    return 0;
  if (last_dot != NULL && last_comma != NULL)
    return last_dot > last_comma ? '.' : ',';

  last = last_dot != NULL ? last_dot : last_comma;
  for (const char *p = digits; *p != '\0'; p++)
    if (*p == *last)
      n_same++;
  if (n_same > 1)
    return 0;
  after = strlen (last + 1);
  if (after == 3)
    return 0;
  if (after == 1 || after == 2)
    return *last;
  *ok = FALSE;
  return 0;
}

/* Checks that thousands separators split @whole into groups of three and
 * copies the digits without them into @out. */
static gboolean
read_whole_euros (const char *whole,
                  gsize       length,
                  GString    *out)
{
  gssize group = -1;   /* digits since the last separator; -1 before the first */
  gsize first_group = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = whole[i];

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (out, c);
          if (group < 0)
            first_group++;
          else
            group++;
          continue;
        }
      if (c != '.' && c != ',')
        return FALSE;
      if ((group < 0 && (first_group == 0 || first_group > 3)) || (group >= 0 && group != 3))
        return FALSE;
      group = 0;
    }
  return out->len > 0 && (group < 0 || group == 3);
}

gboolean
gk_money_parse_user (const char  *text,
                     gint64      *out_cents,
                     GError     **error)
{
  g_autofree char *digits = NULL;
  g_autoptr(GString) whole = g_string_new (NULL);
  const char *cents_text = "";
  gboolean negative, ok;
  gsize whole_length;
  char separator;
  gint64 cents;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_cents != NULL, FALSE);

  digits = strip_decoration (text, &negative);
  separator = decimal_separator (digits, &ok);
  whole_length = strlen (digits);
  if (ok && separator != 0)
    {
      const char *point = strrchr (digits, separator);

      whole_length = point - digits;
      cents_text = point + 1;
      for (const char *p = cents_text; *p != '\0'; p++)
        ok = ok && g_ascii_isdigit (*p);
      ok = ok && strlen (cents_text) <= 2;
    }
  ok = ok && read_whole_euros (digits, whole_length, whole);
  if (!ok || whole->len > MAX_EURO_DIGITS)
    {
      /* The examples in the reader's own notation. */
      g_autofree char *example = gk_money_cents_for_entry (125000000);
      g_autofree char *example_cents = gk_money_cents_for_entry (125000050);

      gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, NULL,
                               /* Translators: the first %s is what the user typed, then two examples */
                               _("“%s” is not an amount in euros. Type it like %s or %s."),
                               text, example, example_cents);
      return FALSE;
    }

  cents = g_ascii_strtoll (whole->str, NULL, 10) * 100;
  if (*cents_text != '\0')
    cents += g_ascii_strtoll (cents_text, NULL, 10) * (strlen (cents_text) == 1 ? 10 : 1);
  *out_cents = negative ? -cents : cents;
  return TRUE;
}
