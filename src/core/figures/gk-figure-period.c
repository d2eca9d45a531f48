/* gk-figure-period.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gk-figure-period.h"
#include "gk-period.h"
#include "gk-xlsx-reader.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100
#define MAX_TOKENS 8

typedef struct {
  gboolean is_number;
  guint    number;
  guint    n_digits;
  char     word[16];
} Token;

static const struct {
  const char *name;
  guint       month;
} month_names[] = {
  { "januari", 1 }, { "jan", 1 }, { "january", 1 },
  { "februari", 2 }, { "feb", 2 }, { "february", 2 },
  { "maart", 3 }, { "mrt", 3 }, { "maa", 3 }, { "mar", 3 }, { "march", 3 },
  { "april", 4 }, { "apr", 4 },
  { "mei", 5 }, { "may", 5 },
  { "juni", 6 }, { "jun", 6 }, { "june", 6 },
  { "juli", 7 }, { "jul", 7 }, { "july", 7 },
  { "augustus", 8 }, { "aug", 8 }, { "august", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 },
  { "oktober", 10 }, { "okt", 10 }, { "oct", 10 }, { "october", 10 },
  { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dec", 12 },
};

static guint
month_from_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (word, month_names[i].name))
      return month_names[i].month;
  return 0;
}

static gboolean
is_quarter_word (const char *word)
{
  return g_str_equal (word, "k") || g_str_equal (word, "q") || g_str_equal (word, "kw") ||
         g_str_equal (word, "kwartaal") || g_str_equal (word, "quarter");
}

/* "1e", "1ste", "eerste": the ordinal's suffix or the ordinal word. */
static gboolean
is_ordinal_suffix (const char *word)
{
  return g_str_equal (word, "e") || g_str_equal (word, "ste") || g_str_equal (word, "de") ||
         g_str_equal (word, "st") || g_str_equal (word, "nd") || g_str_equal (word, "rd") ||
         g_str_equal (word, "th");
}

static guint
ordinal_word (const char *word)
{
  static const char * const words[] = { "eerste", "tweede", "derde", "vierde" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i]))
      return i + 1;
  return 0;
}

/* Splits into runs of digits and runs of letters; everything else
 * separates. FALSE when there are too many or too long tokens. */
static gboolean
tokenize (const char *text,
          Token      *tokens,
          guint      *n_tokens)
{
  const char *p = text;

  *n_tokens = 0;
  while (*p != '\0')
    {
      Token *t;

      if (!g_ascii_isalnum (*p))
        {
          if ((guchar) *p >= 0x80)
            return FALSE;  /* no letters beyond ASCII in period names */
          p++;
          continue;
        }
      if (*n_tokens == MAX_TOKENS)
        return FALSE;
      t = &tokens[(*n_tokens)++];
      memset (t, 0, sizeof *t);
      if (g_ascii_isdigit (*p))
        {
          t->is_number = TRUE;
          for (; g_ascii_isdigit (*p); p++)
            {
              if (++t->n_digits > 8)
                return FALSE;
              t->number = t->number * 10 + (*p - '0');
            }
        }
      else
        {
          gsize n = 0;

          for (; g_ascii_isalpha (*p); p++)
            {
              if (n + 1 >= sizeof t->word)
                return FALSE;
              t->word[n++] = g_ascii_tolower (*p);
            }
          t->word[n] = '\0';
        }
    }
  return *n_tokens > 0;
}

static gboolean
year_ok (guint year)
{
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

static gboolean
set_period (GkFigurePeriod *out,
            GkPeriodKind    kind,
            guint           day,
            guint           month,
            guint           year)
{
  if (!year_ok (year) || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  out->kind = kind;
  g_date_clear (&out->date, 1);
  g_date_set_dmy (&out->date, day, month, year);
  return TRUE;
}

static gboolean
set_quarter (GkFigurePeriod *out,
             guint           quarter,
             guint           year)
{
  return quarter >= 1 && quarter <= 4 && set_period (out, GK_PERIOD_KIND_QUARTER, 1, (quarter - 1) * 3 + 1, year);
}

/* Two-digit years ("jan-26", as Excel shows mmm-yy) are this century's. */
static guint
full_year (const Token *t)
{
  return t->n_digits == 2 ? 2000 + t->number : t->number;
}

#define NUM(i)  (tokens[i].is_number)
#define WORD(i) (!tokens[i].is_number)
#define N(i)    (tokens[i].number)
#define D(i)    (tokens[i].n_digits)
#define W(i)    (tokens[i].word)

static gboolean
parse_tokens (const Token    *tokens,
              guint           n,
              GkFigurePeriod *out)
{
  guint m;

  if (n == 1 && NUM (0))
    {
      if (D (0) == 4)
        return set_period (out, GK_PERIOD_KIND_YEAR, 1, 1, N (0));
      if (D (0) == 6)  /* 202601 */
        return set_period (out, GK_PERIOD_KIND_MONTH, 1, N (0) % 100, N (0) / 100);
      if (D (0) == 5)  /* an Excel date serial written out */
        {
          GDate date;

          return gk_excel_serial_to_date (N (0), &date) &&
                 set_period (out, GK_PERIOD_KIND_DAY, g_date_get_day (&date), g_date_get_month (&date),
                             g_date_get_year (&date));
        }
      return FALSE;
    }

  if (n == 2)
    {
      if (NUM (0) && NUM (1) && D (0) == 4 && D (1) <= 2)
        return set_period (out, GK_PERIOD_KIND_MONTH, 1, N (1), N (0));
      if (NUM (0) && NUM (1) && D (0) <= 2 && D (1) == 4)
        return set_period (out, GK_PERIOD_KIND_MONTH, 1, N (0), N (1));
      if (WORD (0) && NUM (1) && (m = month_from_word (W (0))) != 0 && (D (1) == 4 || D (1) == 2))
        return set_period (out, GK_PERIOD_KIND_MONTH, 1, m, full_year (&tokens[1]));
      if (NUM (0) && WORD (1) && D (0) == 4 && (m = month_from_word (W (1))) != 0)
        return set_period (out, GK_PERIOD_KIND_MONTH, 1, m, N (0));
      return FALSE;
    }

  if (n == 3)
    {
      /* 1-1-2026, 2026-01-01 */
      if (NUM (0) && NUM (1) && NUM (2) && D (0) <= 2 && D (1) <= 2 && D (2) == 4)
        return set_period (out, GK_PERIOD_KIND_DAY, N (0), N (1), N (2));
      if (NUM (0) && NUM (1) && NUM (2) && D (0) == 4 && D (1) <= 2 && D (2) <= 2)
        return set_period (out, GK_PERIOD_KIND_DAY, N (2), N (1), N (0));
      /* 1 januari 2026 */
      if (NUM (0) && WORD (1) && NUM (2) && D (0) <= 2 && D (2) == 4 && (m = month_from_word (W (1))) != 0)
        return set_period (out, GK_PERIOD_KIND_DAY, N (0), m, N (2));
      /* 2026-K1, 2026Q1, 2026KW01, 2026 kwartaal 1 */
      if (NUM (0) && WORD (1) && NUM (2) && D (0) == 4 && is_quarter_word (W (1)))
        return set_quarter (out, N (2), N (0));
      /* K1 2026, Q1-2026 */
      if (WORD (0) && NUM (1) && NUM (2) && D (2) == 4 && is_quarter_word (W (0)))
        return set_quarter (out, N (1), N (2));
      /* CBS codes: 2026MM01, 2026M01, 2026JJ00 */
      if (NUM (0) && WORD (1) && NUM (2) && D (0) == 4 && (g_str_equal (W (1), "mm") || g_str_equal (W (1), "m")))
        return set_period (out, GK_PERIOD_KIND_MONTH, 1, N (2), N (0));
      if (NUM (0) && WORD (1) && NUM (2) && D (0) == 4 && g_str_equal (W (1), "jj") && N (2) == 0)
        return set_period (out, GK_PERIOD_KIND_YEAR, 1, 1, N (0));
      /* 2026 eerste kwartaal */
      if (NUM (0) && WORD (1) && WORD (2) && D (0) == 4 && ordinal_word (W (1)) != 0 && is_quarter_word (W (2)))
        return set_quarter (out, ordinal_word (W (1)), N (0));
      /* eerste kwartaal 2026 */
      if (WORD (0) && WORD (1) && NUM (2) && D (2) == 4 && ordinal_word (W (0)) != 0 && is_quarter_word (W (1)))
        return set_quarter (out, ordinal_word (W (0)), N (2));
      return FALSE;
    }

  if (n == 4)
    {
      /* 2026 1e kwartaal */
      if (NUM (0) && NUM (1) && WORD (2) && WORD (3) && D (0) == 4 && is_ordinal_suffix (W (2)) &&
          is_quarter_word (W (3)))
        return set_quarter (out, N (1), N (0));
      /* 1e kwartaal 2026 */
      if (NUM (0) && WORD (1) && WORD (2) && NUM (3) && D (3) == 4 && is_ordinal_suffix (W (1)) &&
          is_quarter_word (W (2)))
        return set_quarter (out, N (0), N (3));
    }
  return FALSE;
}

#undef NUM
#undef WORD
#undef N
#undef D
#undef W

/* "2026-01-01T00:00:00", "1-1-2026 0:00": the date without its time. */
static char *
without_time (const char *text)
{
  const char *colon = strchr (text, ':');
  const char *cut;

  if (colon == NULL)
    return g_strdup (text);
  for (cut = colon; cut > text && cut[-1] != ' ' && cut[-1] != 'T'; cut--)
    ;
  if (cut == text)
    return g_strdup (text);
  return g_strndup (text, cut - 1 - text);
}

gboolean
gk_figure_period_parse_text (const char     *text,
                             GkFigurePeriod *out_period)
{
  g_autofree char *plain = NULL;
  Token tokens[MAX_TOKENS];
  guint n_tokens;
  GkFigurePeriod period = { 0 };
  gsize length;

  if (text == NULL)
    return FALSE;
  plain = without_time (text);
  g_strstrip (plain);
  length = strlen (plain);
  while (length > 0 && plain[length - 1] == '*')
    {
      plain[--length] = '\0';
      period.provisional = TRUE;
    }
  if (!tokenize (plain, tokens, &n_tokens) || !parse_tokens (tokens, n_tokens, &period))
    return FALSE;
  *out_period = period;
  return TRUE;
}

gboolean
gk_figure_period_parse_cell (const GkCell   *cell,
                             GkFigurePeriod *out_period)
{
  GkFigurePeriod period = { 0 };
  GDate date;
  double whole;

  switch (cell->kind)
    {
    case GK_CELL_TEXT:
      return gk_figure_period_parse_text (cell->text, out_period);

    case GK_CELL_DATE:
      if (strlen (cell->text) < 10 || !set_period (&period, GK_PERIOD_KIND_DAY,
                                                    (guint) g_ascii_strtoull (cell->text + 8, NULL, 10),
                                                    (guint) g_ascii_strtoull (cell->text + 5, NULL, 10),
                                                    (guint) g_ascii_strtoull (cell->text, NULL, 10)))
        return FALSE;
      break;

    case GK_CELL_NUMBER:
      whole = floor (cell->number);
      if (whole != cell->number || whole < 1)
        return FALSE;
      if (year_ok ((guint) MIN (whole, G_MAXUINT)))
        return set_period (out_period, GK_PERIOD_KIND_YEAR, 1, 1, (guint) whole) ;
      if (whole >= MIN_YEAR * 100 + 1 && whole <= MAX_YEAR * 100 + 12)
        return set_period (out_period, GK_PERIOD_KIND_MONTH, 1, (guint) whole % 100, (guint) whole / 100);
      if (!gk_excel_serial_to_date (whole, &date) ||
          !set_period (&period, GK_PERIOD_KIND_DAY, g_date_get_day (&date), g_date_get_month (&date),
                       g_date_get_year (&date)))
        return FALSE;
      break;

    case GK_CELL_EMPTY:
    case GK_CELL_PERCENT:
    case GK_CELL_BOOLEAN:
    default:
      return FALSE;
    }
  *out_period = period;
  return TRUE;
}

static GkPeriodKind
kind_of_frequency (GkFrequency frequency)
{
  switch (frequency)
    {
    case GK_FREQUENCY_QUARTERLY:
      return GK_PERIOD_KIND_QUARTER;
    case GK_FREQUENCY_YEARLY:
      return GK_PERIOD_KIND_YEAR;
    case GK_FREQUENCY_MONTHLY:
    default:
      return GK_PERIOD_KIND_MONTH;
    }
}

gboolean
gk_figure_period_match (const GkFigurePeriod  *period,
                        GkFrequency            frequency,
                        const char            *text,
                        const char            *indicator_name,
                        GDate                 *out_start,
                        GError               **error)
{
  const char *name = indicator_name;

  if (frequency > GK_FREQUENCY_YEARLY)
    frequency = GK_FREQUENCY_MONTHLY;
  if (period->kind == GK_PERIOD_KIND_DAY || period->kind == kind_of_frequency (frequency))
    {
      *out_start = gk_period_start (frequency, &period->date);
      return TRUE;
    }

  /* Whole sentences, so that each translates well. */
  if (period->kind == GK_PERIOD_KIND_MONTH && frequency == GK_FREQUENCY_QUARTERLY)
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                 _("“%s” is a month, but “%s” has one figure per quarter."), text, name);
  else if (period->kind == GK_PERIOD_KIND_MONTH)
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                 _("“%s” is a month, but “%s” has one figure per year."), text, name);
  else if (period->kind == GK_PERIOD_KIND_QUARTER && frequency == GK_FREQUENCY_MONTHLY)
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                 _("“%s” is a quarter, but “%s” has one figure per month."), text, name);
  else if (period->kind == GK_PERIOD_KIND_QUARTER)
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                 _("“%s” is a quarter, but “%s” has one figure per year."), text, name);
  else if (frequency == GK_FREQUENCY_MONTHLY)
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                 _("“%s” is a year, but “%s” has one figure per month."), text, name);
  else
    g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                 _("“%s” is a year, but “%s” has one figure per quarter."), text, name);
  return FALSE;
}
