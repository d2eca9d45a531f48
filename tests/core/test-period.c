/* test-period.c: months, quarters and years on GDate
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "gk-date.h"
#include "gk-period.h"

/* NULL stands for an unset date. */
static GDate
D (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return gk_period_date_unset ();
  g_assert_true (gk_date_parse_iso (iso, &date));
  return date;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = NULL;

  if (expected == NULL)
    {
      g_assert_false (gk_period_date_is_set (date));
      return;
    }
  g_assert_true (gk_period_date_is_set (date));
  iso = gk_date_to_iso (date);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_unset (void)
{
  GDate zero = { 0 };
  GDate unset = gk_period_date_unset ();
  GDate feb30 = gk_period_date_dmy (30, G_DATE_FEBRUARY, 2026);
  GDate feb29 = gk_period_date_dmy (29, G_DATE_FEBRUARY, 2024);

  /* A zero-filled GDate is "not set", so zero-filled structs are safe. */
  g_assert_false (gk_period_date_is_set (&zero));
  g_assert_false (gk_period_date_is_set (&unset));
  g_assert_false (gk_period_date_is_set (NULL));
  g_assert_false (gk_period_date_is_set (&feb30));
  assert_date (&feb29, "2024-02-29");
}

typedef struct {
  GkFrequency frequency;
  const char *date;
  const char *start;
  const char *end;
  const char *previous;   /* start of the previous period */
  const char *next;       /* start of the next period */
} PeriodCase;

static const PeriodCase period_cases[] = {
  { GK_FREQUENCY_MONTHLY, "2026-01-31", "2026-01-01", "2026-01-31", "2025-12-01", "2026-02-01" },
  { GK_FREQUENCY_MONTHLY, "2026-01-01", "2026-01-01", "2026-01-31", "2025-12-01", "2026-02-01" },
  { GK_FREQUENCY_MONTHLY, "2026-02-01", "2026-02-01", "2026-02-28", "2026-01-01", "2026-03-01" },
  { GK_FREQUENCY_MONTHLY, "2024-02-15", "2024-02-01", "2024-02-29", "2024-01-01", "2024-03-01" },
  { GK_FREQUENCY_MONTHLY, "2100-02-10", "2100-02-01", "2100-02-28", "2100-01-01", "2100-03-01" },
  { GK_FREQUENCY_MONTHLY, "2000-02-10", "2000-02-01", "2000-02-29", "2000-01-01", "2000-03-01" },
  { GK_FREQUENCY_MONTHLY, "2026-12-31", "2026-12-01", "2026-12-31", "2026-11-01", "2027-01-01" },
  { GK_FREQUENCY_MONTHLY, "2026-04-30", "2026-04-01", "2026-04-30", "2026-03-01", "2026-05-01" },
  { GK_FREQUENCY_QUARTERLY, "2026-01-01", "2026-01-01", "2026-03-31", "2025-10-01", "2026-04-01" },
  { GK_FREQUENCY_QUARTERLY, "2026-03-31", "2026-01-01", "2026-03-31", "2025-10-01", "2026-04-01" },
  { GK_FREQUENCY_QUARTERLY, "2026-04-01", "2026-04-01", "2026-06-30", "2026-01-01", "2026-07-01" },
  { GK_FREQUENCY_QUARTERLY, "2026-08-31", "2026-07-01", "2026-09-30", "2026-04-01", "2026-10-01" },
  { GK_FREQUENCY_QUARTERLY, "2026-12-31", "2026-10-01", "2026-12-31", "2026-07-01", "2027-01-01" },
  { GK_FREQUENCY_YEARLY, "2026-07-15", "2026-01-01", "2026-12-31", "2025-01-01", "2027-01-01" },
  { GK_FREQUENCY_YEARLY, "2024-12-31", "2024-01-01", "2024-12-31", "2023-01-01", "2025-01-01" },
  { GK_FREQUENCY_YEARLY, "2025-01-01", "2025-01-01", "2025-12-31", "2024-01-01", "2026-01-01" },
  /* Unset in, unset out, without a critical warning. */
  { GK_FREQUENCY_MONTHLY, NULL, NULL, NULL, NULL, NULL },
  { GK_FREQUENCY_QUARTERLY, NULL, NULL, NULL, NULL, NULL },
  { GK_FREQUENCY_YEARLY, NULL, NULL, NULL, NULL, NULL },
};

static void
test_period_bounds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      const PeriodCase *c = &period_cases[i];
      GDate date = D (c->date);
      GDate start = gk_period_start (c->frequency, &date);
      GDate end = gk_period_end (c->frequency, &date);
      GDate previous = gk_period_shift (c->frequency, &date, -1);
      GDate next = gk_period_shift (c->frequency, &date, 1);
      GDate same = gk_period_shift (c->frequency, &date, 0);

      g_test_message ("case %u: %s", i, c->date ? c->date : "(unset)");
      assert_date (&start, c->start);
      assert_date (&end, c->end);
      assert_date (&previous, c->previous);
      assert_date (&next, c->next);
      assert_date (&same, c->start);
      if (c->date != NULL)
        {
          g_assert_true (gk_period_same (c->frequency, &date, &start));
          g_assert_true (gk_period_same (c->frequency, &date, &end));
          g_assert_false (gk_period_same (c->frequency, &date, &next));
          g_assert_false (gk_period_same (c->frequency, &date, &previous));
        }
      else
        g_assert_false (gk_period_same (c->frequency, &date, &date));
    }
}

static void
test_period_shift_many (void)
{
  GDate date = D ("2026-05-20");
  GDate shifted;

  shifted = gk_period_shift (GK_FREQUENCY_QUARTERLY, &date, -5);
  assert_date (&shifted, "2025-01-01");
  shifted = gk_period_shift (GK_FREQUENCY_MONTHLY, &date, 12);
  assert_date (&shifted, "2027-05-01");
  shifted = gk_period_shift (GK_FREQUENCY_YEARLY, &date, -26);
  assert_date (&shifted, "2000-01-01");

  /* The end of time is 9999; beyond it there is no date, and no warning. */
  date = D ("9999-12-15");
  shifted = gk_period_shift (GK_FREQUENCY_MONTHLY, &date, 1);
  assert_date (&shifted, NULL);
  shifted = gk_period_end (GK_FREQUENCY_MONTHLY, &date);
  assert_date (&shifted, "9999-12-31");
}

typedef struct {
  const char *date;
  int         n;
  const char *expected;
} ShiftCase;

static const ShiftCase month_cases[] = {
  { "2026-01-31", 1, "2026-02-28" },   /* clamped to the month end */
  { "2024-01-31", 1, "2024-02-29" },   /* leap year */
  { "2026-03-31", -1, "2026-02-28" },
  { "2024-03-31", -1, "2024-02-29" },
  { "2026-05-31", 1, "2026-06-30" },
  { "2026-08-31", 6, "2027-02-28" },
  { "2025-11-30", 3, "2026-02-28" },
  { "2026-12-15", 1, "2027-01-15" },
  { "2026-01-15", -1, "2025-12-15" },
  { "2026-01-15", -13, "2024-12-15" },
  { "2026-01-15", 0, "2026-01-15" },
  { "2024-02-29", 12, "2025-02-28" },
  { "2024-02-29", 48, "2028-02-29" },
  { "9999-12-01", 1, NULL },
  { "0001-01-15", -1, NULL },
  { NULL, 1, NULL },
};

static const ShiftCase day_cases[] = {
  { "2024-02-28", 1, "2024-02-29" },
  { "2023-02-28", 1, "2023-03-01" },
  { "2026-03-01", -1, "2026-02-28" },
  { "2024-03-01", -1, "2024-02-29" },
  { "2025-12-31", 1, "2026-01-01" },
  { "2026-01-01", 365, "2027-01-01" },
  { "2024-01-01", 366, "2025-01-01" },
  { "2026-01-01", 0, "2026-01-01" },
  { "9999-12-30", 1, "9999-12-31" },   /* the last day there is */
  { "9999-12-31", 1, NULL },
  { "0001-01-01", -1, NULL },
  { "0001-01-02", -1, "0001-01-01" },
  { NULL, 1, NULL },
};

static void
test_add_months (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_cases); i++)
    {
      GDate date = D (month_cases[i].date);
      GDate result = gk_period_add_months (&date, month_cases[i].n);

      g_test_message ("case %u", i);
      assert_date (&result, month_cases[i].expected);
    }
}

static void
test_add_days (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      GDate date = D (day_cases[i].date);
      GDate result = gk_period_add_days (&date, day_cases[i].n);

      g_test_message ("case %u", i);
      assert_date (&result, day_cases[i].expected);
    }
}

typedef struct {
  GkFrequency frequency;
  const char *today;
  const char *start;
  const char *end;
} LastCompleteCase;

static const LastCompleteCase last_complete_cases[] = {
  { GK_FREQUENCY_MONTHLY, "2026-04-10", "2026-03-01", "2026-03-31" },
  { GK_FREQUENCY_MONTHLY, "2026-04-01", "2026-03-01", "2026-03-31" },   /* first day */
  { GK_FREQUENCY_MONTHLY, "2026-04-30", "2026-03-01", "2026-03-31" },   /* last day */
  { GK_FREQUENCY_MONTHLY, "2026-01-15", "2025-12-01", "2025-12-31" },
  { GK_FREQUENCY_MONTHLY, "2024-03-05", "2024-02-01", "2024-02-29" },   /* leap year */
  { GK_FREQUENCY_MONTHLY, "2026-03-31", "2026-02-01", "2026-02-28" },
  { GK_FREQUENCY_QUARTERLY, "2026-04-10", "2026-01-01", "2026-03-31" },
  { GK_FREQUENCY_QUARTERLY, "2026-03-31", "2025-10-01", "2025-12-31" },
  { GK_FREQUENCY_QUARTERLY, "2026-07-01", "2026-04-01", "2026-06-30" },
  { GK_FREQUENCY_YEARLY, "2026-01-01", "2025-01-01", "2025-12-31" },
  { GK_FREQUENCY_YEARLY, "2026-12-31", "2025-01-01", "2025-12-31" },
  { GK_FREQUENCY_YEARLY, NULL, NULL, NULL },
};

static void
test_last_complete (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (last_complete_cases); i++)
    {
      const LastCompleteCase *c = &last_complete_cases[i];
      GDate today = D (c->today);
      GDate start, end;
      gboolean ok;

      g_test_message ("case %u", i);
      ok = gk_period_last_complete (c->frequency, &today, &start, &end);
      g_assert_cmpint (ok, ==, c->today != NULL);
      assert_date (&start, c->start);
      assert_date (&end, c->end);
    }

  /* The out arguments are optional. */
  {
    GDate today = D ("2026-04-10");

    g_assert_true (gk_period_last_complete (GK_FREQUENCY_MONTHLY, &today, NULL, NULL));
  }
}

static void
test_frequencies (void)
{
  g_assert_cmpuint (gk_period_months (GK_FREQUENCY_MONTHLY), ==, 1);
  g_assert_cmpuint (gk_period_months (GK_FREQUENCY_QUARTERLY), ==, 3);
  g_assert_cmpuint (gk_period_months (GK_FREQUENCY_YEARLY), ==, 12);
  g_assert_cmpint (gk_review_cycle_frequency (GK_REVIEW_CYCLE_MONTHLY), ==, GK_FREQUENCY_MONTHLY);
  g_assert_cmpint (gk_review_cycle_frequency (GK_REVIEW_CYCLE_QUARTERLY), ==, GK_FREQUENCY_QUARTERLY);
}

typedef struct {
  GkFrequency frequency;
  const char *date;
  const char *label;
} LabelCase;

static const LabelCase label_cases[] = {
  { GK_FREQUENCY_MONTHLY, "2026-03-05", "March 2026" },
  { GK_FREQUENCY_MONTHLY, "2025-12-31", "December 2025" },
  { GK_FREQUENCY_QUARTERLY, "2026-01-01", "Q1 2026" },
  { GK_FREQUENCY_QUARTERLY, "2026-06-30", "Q2 2026" },
  { GK_FREQUENCY_QUARTERLY, "2026-11-01", "Q4 2026" },
  { GK_FREQUENCY_YEARLY, "2026-11-01", "2026" },
  { GK_FREQUENCY_MONTHLY, NULL, "" },
};

static void
test_labels (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_cases); i++)
    {
      GDate date = D (label_cases[i].date);
      g_autofree char *label = gk_period_label (label_cases[i].frequency, &date);

      g_assert_cmpstr (label, ==, label_cases[i].label);
    }
}

static void
test_parse_period (void)
{
  static const struct {
    const char *text;
    GkFrequency frequency;
    int         month, year;
  } good[] = {
    { "2026-10", GK_FREQUENCY_MONTHLY, 10, 2026 },
    { "2026-1", GK_FREQUENCY_MONTHLY, 1, 2026 },
    { " 2025-12 ", GK_FREQUENCY_MONTHLY, 12, 2025 },
    { "2026-Q3", GK_FREQUENCY_QUARTERLY, 7, 2026 },
    { "2026-q1", GK_FREQUENCY_QUARTERLY, 1, 2026 },
    { "2027-Q4", GK_FREQUENCY_QUARTERLY, 10, 2027 },
    { "2026-K3", GK_FREQUENCY_QUARTERLY, 7, 2026 },
    { "2026-k2", GK_FREQUENCY_QUARTERLY, 4, 2026 },
  };
  static const char *const bad[] = {
    "2026-13", "2026-0", "2026-Q5", "2026-Q0", "2026-Q", "2026-K5", "2026-X3", "26-10", "2026-1x", "", "2026-10-01",
    "2026/10", "oktober", "2026-+1", "Q3-2026", "2026--3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      GkFrequency frequency;
      GDate start;

      g_assert_true (gk_period_parse (good[i].text, &frequency, &start, &error));
      g_assert_no_error (error);
      g_assert_cmpint (frequency, ==, good[i].frequency);
      g_assert_cmpint (g_date_get_day (&start), ==, 1);
      g_assert_cmpint (g_date_get_month (&start), ==, good[i].month);
      g_assert_cmpint (g_date_get_year (&start), ==, good[i].year);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GkFrequency frequency;
      GDate start;

      g_assert_false (gk_period_parse (bad[i], &frequency, &start, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "2026-Q3"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/unset", test_unset);
  g_test_add_func ("/period/bounds", test_period_bounds);
  g_test_add_func ("/period/shift-many", test_period_shift_many);
  g_test_add_func ("/period/add-months", test_add_months);
  g_test_add_func ("/period/add-days", test_add_days);
  g_test_add_func ("/period/last-complete", test_last_complete);
  g_test_add_func ("/period/frequencies", test_frequencies);
  g_test_add_func ("/period/labels", test_labels);
  g_test_add_func ("/period/parse", test_parse_period);

  return g_test_run ();
}
