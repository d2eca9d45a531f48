/* gk-period.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "gk-period.h"

/* GDate's own functions g_return_if_fail() on invalid dates and on years
 * beyond 65535; every helper here checks first so that an optional or
 * extreme date degrades to "not set" instead of a critical warning. */
#define GK_DATE_MAX_YEAR 9999
#define GK_DATE_MAX_JULIAN 3652059   /* 31 December 9999 */

gboolean
gk_period_date_is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

GDate
gk_period_date_unset (void)
{
  GDate date;

  g_date_clear (&date, 1);
  return date;
}

/**
 * gk_period_date_dmy:
 *
 * Returns: the date, or an unset date when the day does not exist
 * (30 February).
 */
GDate
gk_period_date_dmy (GDateDay   day,
                    GDateMonth month,
                    GDateYear  year)
{
  GDate date = gk_period_date_unset ();

  if (g_date_valid_dmy (day, month, year) && year <= GK_DATE_MAX_YEAR)
    g_date_set_dmy (&date, day, month, year);
  return date;
}

/**
 * gk_period_add_days:
 * @n_days: may be negative
 *
 * Returns: the shifted date, or an unset date when @date is unset or the
 * result leaves the years 1..9999.
 */
GDate
gk_period_add_days (const GDate *date,
                    int          n_days)
{
  GDate result;
  gint64 julian;

  if (!gk_period_date_is_set (date))
    return gk_period_date_unset ();

  julian = (gint64) g_date_get_julian (date) + n_days;
  if (julian < 1 || julian > GK_DATE_MAX_JULIAN)
    return gk_period_date_unset ();

  g_date_clear (&result, 1);
  g_date_set_julian (&result, (guint32) julian);
  return result;
}

/**
 * gk_period_add_months:
 * @n_months: may be negative
 *
 * Shifts by calendar months. A day that does not exist in the target month
 * becomes that month's last day: 31 January + 1 month = 28 February (29 in
 * a leap year), and 31 March - 1 month = 28 or 29 February.
 *
 * Returns: the shifted date, or an unset date as for gk_period_add_days().
 */
GDate
gk_period_add_months (const GDate *date,
                      int          n_months)
{
  GDate result;
  gint64 month_index;

  if (!gk_period_date_is_set (date))
    return gk_period_date_unset ();

  month_index = (gint64) g_date_get_year (date) * 12 + (g_date_get_month (date) - 1) + n_months;
  if (month_index < 12 || month_index >= (gint64) (GK_DATE_MAX_YEAR + 1) * 12)
    return gk_period_date_unset ();

  result = *date;
  if (n_months > 0)
    g_date_add_months (&result, (guint) n_months);
  else if (n_months < 0)
    g_date_subtract_months (&result, (guint) -n_months);
  return result;
}

/**
 * gk_period_months:
 *
 * Returns: the length of a period in months: 1, 3 or 12.
 */
guint
gk_period_months (GkFrequency frequency)
{
  switch (frequency)
    {
    case GK_FREQUENCY_MONTHLY:
      return 1;
    case GK_FREQUENCY_QUARTERLY:
      return 3;
    case GK_FREQUENCY_YEARLY:
      return 12;
    default:
      g_return_val_if_reached (1);
    }
}

/**
 * gk_review_cycle_frequency:
 *
 * Returns: the period of a review cycle, so that the period helpers serve
 * reviews as well as measurements.
 */
GkFrequency
gk_review_cycle_frequency (GkReviewCycle cycle)
{
  return cycle == GK_REVIEW_CYCLE_QUARTERLY ? GK_FREQUENCY_QUARTERLY : GK_FREQUENCY_MONTHLY;
}

/**
 * gk_period_start:
 *
 * Returns: the first day of the period that holds @date (1 January,
 * 1 April, 1 July or 1 October for quarters), or an unset date.
 */
GDate
gk_period_start (GkFrequency  frequency,
                 const GDate *date)
{
  guint months = gk_period_months (frequency);
  guint month0;

  if (!gk_period_date_is_set (date))
    return gk_period_date_unset ();

  month0 = (g_date_get_month (date) - 1) / months * months;
  return gk_period_date_dmy (1, (GDateMonth) (month0 + 1), g_date_get_year (date));
}

/**
 * gk_period_shift:
 * @n_periods: may be negative; 0 gives the start of @date's own period
 *
 * Returns: the first day of the period @n_periods away from the one that
 * holds @date, or an unset date.
 */
GDate
gk_period_shift (GkFrequency  frequency,
                 const GDate *date,
                 int          n_periods)
{
  GDate start = gk_period_start (frequency, date);

  return gk_period_add_months (&start, n_periods * (int) gk_period_months (frequency));
}

/**
 * gk_period_end:
 *
 * Returns: the last day of the period that holds @date, or an unset date.
 */
GDate
gk_period_end (GkFrequency  frequency,
               const GDate *date)
{
  GDate next = gk_period_shift (frequency, date, 1);

  if (!gk_period_date_is_set (&next))
    {
      /* Only 31 December 9999 has no next period. */
      if (gk_period_date_is_set (date))
        return gk_period_date_dmy (31, G_DATE_DECEMBER, g_date_get_year (date));
      return next;
    }
  return gk_period_add_days (&next, -1);
}

/**
 * gk_period_same:
 *
 * Returns: %TRUE when both dates are set and lie in the same period.
 */
gboolean
gk_period_same (GkFrequency  frequency,
                const GDate *a,
                const GDate *b)
{
  GDate start_a, start_b;

  if (!gk_period_date_is_set (a) || !gk_period_date_is_set (b))
    return FALSE;

  start_a = gk_period_start (frequency, a);
  start_b = gk_period_start (frequency, b);
  return g_date_compare (&start_a, &start_b) == 0;
}

/**
 * gk_period_last_complete:
 * @today: the reference date
 * @out_start: (out) (optional): the first day of the last complete period
 * @out_end: (out) (optional): its last day
 *
 * The last complete period is the one before the period that holds @today:
 * on 10 April 2026 the last complete month is March 2026, the last complete
 * quarter is Q1 2026 and the last complete year is 2025. On the first day of
 * a period the previous period is complete.
 *
 * Returns: %FALSE (and unset dates) when @today is unset.
 */
gboolean
gk_period_last_complete (GkFrequency  frequency,
                         const GDate *today,
                         GDate       *out_start,
                         GDate       *out_end)
{
  GDate start = gk_period_shift (frequency, today, -1);
  GDate end = gk_period_end (frequency, &start);

  if (out_start != NULL)
    *out_start = start;
  if (out_end != NULL)
    *out_end = end;
  return gk_period_date_is_set (&start);
}

/**
 * gk_period_label:
 *
 * Returns: (transfer full): a short name of the period that holds @date:
 * "March 2026", "Q1 2026" or "2026" (translated); "" when @date is unset.
 */
char *
gk_period_label (GkFrequency  frequency,
                 const GDate *date)
{
  char buffer[128];

  if (!gk_period_date_is_set (date))
    return g_strdup ("");

  switch (frequency)
    {
    case GK_FREQUENCY_MONTHLY:
      /* Translators: a month in a period label, strftime(3) format: "March 2026" */
      if (g_date_strftime (buffer, sizeof buffer, _("%B %Y"), date) == 0)
        return g_strdup_printf ("%04u-%02u", g_date_get_year (date), g_date_get_month (date));
      return g_strdup (buffer);

    case GK_FREQUENCY_QUARTERLY:
      /* Translators: a quarter of a year: "Q1 2026" (first quarter of 2026) */
      return g_strdup_printf (_("Q%u %u"),
                              (guint) (g_date_get_month (date) - 1) / 3 + 1,
                              (guint) g_date_get_year (date));

    case GK_FREQUENCY_YEARLY:
      return g_strdup_printf ("%u", (guint) g_date_get_year (date));

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Only digits, @min_digits to @max_digits of them, in min..max. */
static gboolean
parse_number (const char *text,
              guint       min_digits,
              guint       max_digits,
              guint64     min,
              guint64     max,
              guint64    *out)
{
  gsize length = strlen (text);

  if (length < min_digits || length > max_digits)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return g_ascii_string_to_unsigned (text, 10, min, max, out, NULL);
}

/**
 * gk_period_parse:
 * @text: "2026-10", "2026-Q3", "2026-K3"; spaces around it are ignored
 * @out_frequency: (out): monthly or quarterly
 * @out_start: (out): the period's first day
 *
 * Returns: %FALSE with a message for the user (%G_IO_ERROR_INVALID_ARGUMENT)
 * when @text names no period.
 */
gboolean
gk_period_parse (const char   *text,
                 GkFrequency  *out_frequency,
                 GDate        *out_start,
                 GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = g_strsplit (trimmed, "-", -1);
  guint64 year, number;

  if (g_strv_length (parts) == 2 && parse_number (parts[0], 4, 4, 1900, 9999, &year))
    {
      const char *period = parts[1];

      /* Q for quarter, and K for the Dutch kwartaal: the period the report
       * itself names "K3 2026" must be accepted back. */
      if (period[0] != '\0' && strchr ("QqKk", period[0]) != NULL && parse_number (period + 1, 1, 1, 1, 4, &number))
        {
          *out_frequency = GK_FREQUENCY_QUARTERLY;
          *out_start = gk_period_date_dmy (1, (GDateMonth) ((number - 1) * 3 + 1), (GDateYear) year);
          return TRUE;
        }
      if (parse_number (period, 1, 2, 1, 12, &number))
        {
          *out_frequency = GK_FREQUENCY_MONTHLY;
          *out_start = gk_period_date_dmy (1, (GDateMonth) number, (GDateYear) year);
          return TRUE;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is what the user wrote */
               _("“%s” is not a reporting period. Write a month as 2026-10 or a quarter as 2026-Q3."),
               text != NULL ? text : "");
  return FALSE;
}
