/* gk-dutch-number.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gk-dutch-number.h"

/* Spaces that spreadsheets put around and inside numbers: space, tab,
 * no-break space, figure space, narrow no-break space. */
static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x2007 || c == 0x202F || c == '\r' || c == '\n';
}

/* @text without surrounding spaces, in @buffer (which it may point into). */
static char *
trimmed (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

gboolean
gk_dutch_number_is_missing (const char *text)
{
  static const char * const missing[] = { "", "-", "\xE2\x80\x93", "\xE2\x80\x94", ".", "..", "x", "X", "?" };
  g_autofree char *t = trimmed (text != NULL ? text : "");

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    if (g_str_equal (t, missing[i]))
      return TRUE;
  return FALSE;
}

/* Counts ',' and '.' and where the last of each is. */
typedef struct {
  guint  n_comma, n_dot;
  gssize last_comma, last_dot;
  gsize  length;
} Separators;

static Separators
count_separators (const char *digits)
{
  Separators s = { 0, 0, -1, -1, strlen (digits) };

  for (gsize i = 0; i < s.length; i++)
    {
      if (digits[i] == ',')
        s.n_comma++, s.last_comma = i;
      else if (digits[i] == '.')
        s.n_dot++, s.last_dot = i;
    }
  return s;
}

/* Exactly three digits after @pos and nothing else. */
static gboolean
three_digits_after (const char *digits,
                    gsize       length,
                    gssize      pos)
{
  return pos >= 1 && (gsize) pos + 4 == length && g_ascii_isdigit (digits[pos + 1]) &&
         g_ascii_isdigit (digits[pos + 2]) && g_ascii_isdigit (digits[pos + 3]);
}

/* The decimal separator of @digits ('\0' for none), decided for this value
 * when it can be and by @style when it cannot. */
static char
decimal_separator (const char    *digits,
                   GkNumberStyle  style)
{
  Separators s = count_separators (digits);

  if (s.n_comma > 0 && s.n_dot > 0)
    return s.last_comma > s.last_dot ? ',' : '.';
  if (s.n_comma > 1)
    return '\0';          /* 1,234,567: thousands commas */
  if (s.n_dot > 1)
    return '\0';          /* 1.234.567: thousands dots */
  if (s.n_comma == 1)
    return three_digits_after (digits, s.length, s.last_comma) && style == GK_NUMBER_STYLE_POINT ? '\0' : ',';
  if (s.n_dot == 1)
    return three_digits_after (digits, s.length, s.last_dot) && style == GK_NUMBER_STYLE_DUTCH ? '\0' : '.';
  return '\0';
}

GkNumberEvidence
gk_dutch_number_evidence (const char *text)
{
  g_autofree char *t = trimmed (text != NULL ? text : "");
  Separators s = count_separators (t);

  if (s.n_comma > 0 && s.n_dot > 0)
    return s.last_comma > s.last_dot ? GK_NUMBER_EVIDENCE_DUTCH : GK_NUMBER_EVIDENCE_POINT;
  if (s.n_comma == 1 && !three_digits_after (t, s.length, s.last_comma))
    return GK_NUMBER_EVIDENCE_DUTCH;
  if (s.n_dot > 1)
    return GK_NUMBER_EVIDENCE_DUTCH;
  if (s.n_comma > 1)
    return GK_NUMBER_EVIDENCE_POINT;
  if (s.n_dot == 1 && !three_digits_after (t, s.length, s.last_dot))
    {
      /* "12,5%" is Dutch; "12.5" or "5100.25" can only be a point. */
      return GK_NUMBER_EVIDENCE_POINT;
    }
  return GK_NUMBER_EVIDENCE_NONE;
}

GkNumberStyle
gk_dutch_number_decide (guint n_dutch,
                        guint n_point)
{
  return n_point > 0 && n_dutch == 0 ? GK_NUMBER_STYLE_POINT : GK_NUMBER_STYLE_DUTCH;
}

/* Strips a leading or trailing @mark (case-insensitive, ASCII) with the
 * spaces next to it. */
static gboolean
strip_mark (char       **text,
            const char  *mark)
{
  gsize n = strlen (mark);
  gsize length = strlen (*text);
  char *result = NULL;

  if (length >= n && g_ascii_strncasecmp (*text, mark, n) == 0)
    result = trimmed (*text + n);
  else if (length >= n && g_ascii_strcasecmp (*text + length - n, mark) == 0)
    {
      (*text)[length - n] = '\0';
      result = trimmed (*text);
    }
  if (result == NULL)
    return FALSE;
  g_free (*text);
  *text = result;
  return TRUE;
}

/* Digits with group separators in the right places: "1.234.567" with a
 * dot, groups of three after a first group of one to three digits. */
static gboolean
groups_ok (const char *integer,
           gsize       length,
           char        group)
{
  gsize group_length = 0;
  gboolean first = TRUE;

  if (length == 0)
    return TRUE;  /* ",5" */
  for (gsize i = 0; i < length; i++)
    {
      if (integer[i] == group)
        {
          if ((first && (group_length == 0 || group_length > 3)) || (!first && group_length != 3))
            return FALSE;
          first = FALSE;
          group_length = 0;
        }
      else if (g_ascii_isdigit (integer[i]))
        group_length++;
      else
        return FALSE;
    }
  return first || group_length == 3;
}

gboolean
gk_dutch_number_parse (const char    *text,
                       GkNumberStyle  style,
                       double        *out_value,
                       GkNumberMark  *out_mark)
{
  g_autofree char *t = trimmed (text != NULL ? text : "");
  g_autoptr(GString) plain = g_string_new (NULL);
  GkNumberMark mark = GK_NUMBER_MARK_NONE;
  gboolean negative = FALSE;
  gsize length;
  char decimal, group;
  const char *point;
  char *end = NULL;
  double value;

  /* Accountants write a negative amount in parentheses. */
  length = strlen (t);
  if (length >= 2 && t[0] == '(' && t[length - 1] == ')')
    {
      char *inner;

      t[length - 1] = '\0';
      inner = trimmed (t + 1);
      g_free (t);
      t = inner;
      negative = TRUE;
    }

  if (strip_mark (&t, "%"))
    mark = GK_NUMBER_MARK_PERCENT;
  else if (strip_mark (&t, "\xE2\x82\xAC") || strip_mark (&t, "EUR"))
    mark = GK_NUMBER_MARK_EURO;

  /* A sign, before or after the euro sign: "-€ 12", "€ -12", "−12". */
  if (g_str_has_prefix (t, "-") || g_str_has_prefix (t, "+") || g_str_has_prefix (t, "\xE2\x88\x92"))
    {
      gsize skip = t[0] == '-' || t[0] == '+' ? 1 : 3;
      char *rest = trimmed (t + skip);

      negative = negative != (t[0] != '+');
      g_free (t);
      t = rest;
      if (mark == GK_NUMBER_MARK_NONE && (strip_mark (&t, "\xE2\x82\xAC") || strip_mark (&t, "EUR")))
        mark = GK_NUMBER_MARK_EURO;
    }

  /* Groups of digits separated by (no-break) spaces: "1 234 567". */
  for (const char *p = t; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          const char *next = g_utf8_next_char (p);

          if (plain->len == 0 || !g_ascii_isdigit (plain->str[plain->len - 1]) ||
              strlen (next) < 3 || !g_ascii_isdigit (next[0]) || !g_ascii_isdigit (next[1]) ||
              !g_ascii_isdigit (next[2]) || g_ascii_isdigit (next[3]))
            return FALSE;
          continue;
        }
      if (!g_ascii_isdigit (c) && c != ',' && c != '.')
        return FALSE;  /* letters, units, a second sign */
      g_string_append_c (plain, (char) c);
    }
  if (plain->len == 0)
    return FALSE;

  decimal = decimal_separator (plain->str, style);
  group = decimal == ',' ? '.' : decimal == '.' ? ',' : (style == GK_NUMBER_STYLE_DUTCH ? '.' : ',');
  point = decimal != '\0' ? strrchr (plain->str, decimal) : NULL;
  if (!groups_ok (plain->str, point != NULL ? (gsize) (point - plain->str) : plain->len, group))
    return FALSE;
  if (point != NULL)
    {
      if (point[1] == '\0' && point == plain->str)
        return FALSE;
      for (const char *p = point + 1; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  /* Now only digits and one '.': C syntax. */
  {
    g_autoptr(GString) c_syntax = g_string_new (negative ? "-" : "");

    for (gsize i = 0; i < plain->len; i++)
      {
        if (plain->str + i == point)
          g_string_append_c (c_syntax, '.');
        else if (g_ascii_isdigit (plain->str[i]))
          g_string_append_c (c_syntax, plain->str[i]);
      }
    value = g_ascii_strtod (c_syntax->str, &end);
    if (end == c_syntax->str || *end != '\0' || !isfinite (value))
      return FALSE;
  }

  *out_value = value;
  if (out_mark != NULL)
    *out_mark = mark;
  return TRUE;
}

char *
gk_dutch_number_format (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  if (value == 0)
    value = 0;  /* no "-0" */
  g_ascii_dtostr (buffer, sizeof buffer, value);
  text = g_strdup (buffer);
  for (char *p = text; *p != '\0'; p++)
    if (*p == '.')
      *p = ',';
  return text;
}
