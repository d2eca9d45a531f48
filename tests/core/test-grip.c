/* test-grip.c: the rules of the grip engine
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gk-date.h"
#include "gk-grip.h"
#include "gk-period.h"

#define LOWER GK_DIRECTION_LOWER_IS_BETTER
#define HIGHER GK_DIRECTION_HIGHER_IS_BETTER
#define NONE GK_LEVEL_NONE
#define SER GK_LEVEL_SERIOUS
#define VIG GK_LEVEL_VIGILANT
#define CTL GK_LEVEL_IN_CONTROL

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

/* ---- Signal values ------------------------------------------------------- */

typedef struct {
  GkDirection direction;
  double      serious;
  double      control;
  gboolean    valid;
  GkGripError code;
} SignalsCase;

static void
test_signals_valid (void)
{
  const SignalsCase cases[] = {
    { LOWER, 100, 80, TRUE, 0 },
    { LOWER, 80, 80, TRUE, 0 },              /* equal: no room for Vigilant, still valid */
    { LOWER, 80, 100, FALSE, GK_GRIP_ERROR_SIGNALS_ORDER },
    { LOWER, -5, -10, TRUE, 0 },
    { HIGHER, 50, 70, TRUE, 0 },
    { HIGHER, 70, 70, TRUE, 0 },
    { HIGHER, 70, 50, FALSE, GK_GRIP_ERROR_SIGNALS_ORDER },
    { HIGHER, NAN, 70, FALSE, GK_GRIP_ERROR_NOT_A_NUMBER },
    { LOWER, 100, INFINITY, FALSE, GK_GRIP_ERROR_NOT_A_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SignalsCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      gboolean valid;

      g_test_message ("case %u", i);
      valid = gk_grip_signals_valid (c->direction, c->serious, c->control, &error);
      g_assert_cmpint (valid, ==, c->valid);
      if (c->valid)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, GK_GRIP_ERROR, (int) c->code);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }

  /* The message names the direction and both values, so the user sees
   * what to fix; NULL error is allowed. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (gk_grip_signals_valid (LOWER, 80, 100, &error));
    g_assert_nonnull (strstr (error->message, "lower is better"));
    g_assert_nonnull (strstr (error->message, "80"));
    g_assert_nonnull (strstr (error->message, "100"));
    g_clear_error (&error);
    g_assert_false (gk_grip_signals_valid (HIGHER, 70, 50, &error));
    g_assert_nonnull (strstr (error->message, "higher is better"));
    g_assert_false (gk_grip_signals_valid (HIGHER, 70, 50, NULL));
  }
}

typedef struct {
  GkDirection direction;
  double      serious;
  double      control;
  double      value;
  GkLevel     expected;
} LevelCase;

static void
test_indicator_level (void)
{
  const LevelCase cases[] = {
    /* Lower is better: Serious above 100, In control at 80 or below. */
    { LOWER, 100, 80, -5, CTL },
    { LOWER, 100, 80, 0, CTL },
    { LOWER, 100, 80, 79.9, CTL },
    { LOWER, 100, 80, 80, CTL },            /* on the control boundary: the better level */
    { LOWER, 100, 80, 80.01, VIG },
    { LOWER, 100, 80, 90, VIG },
    { LOWER, 100, 80, 100, VIG },           /* on the serious boundary: the better level */
    { LOWER, 100, 80, 100.01, SER },
    { LOWER, 100, 80, 1e9, SER },
    /* Higher is better: Serious below 50, In control at 70 or above. */
    { HIGHER, 50, 70, 1e9, CTL },
    { HIGHER, 50, 70, 70, CTL },
    { HIGHER, 50, 70, 69.99, VIG },
    { HIGHER, 50, 70, 60, VIG },
    { HIGHER, 50, 70, 50, VIG },
    { HIGHER, 50, 70, 49.99, SER },
    { HIGHER, 50, 70, -1, SER },
    /* Equal signal values leave out Vigilant. */
    { LOWER, 80, 80, 80, CTL },
    { LOWER, 80, 80, 80.5, SER },
    { HIGHER, 70, 70, 70, CTL },
    { HIGHER, 70, 70, 69, SER },
    /* Invalid signals or value: no level. */
    { LOWER, 80, 100, 90, NONE },
    { HIGHER, 70, 50, 60, NONE },
    { LOWER, 100, 80, NAN, NONE },
    { LOWER, NAN, 80, 50, NONE },
    { HIGHER, 50, 70, INFINITY, NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LevelCase *c = &cases[i];

      g_test_message ("case %u: %g", i, c->value);
      g_assert_cmpint (gk_grip_indicator_level (c->direction, c->serious, c->control, c->value),
                       ==, c->expected);
    }
}

static void
test_most_serious (void)
{
  const GkLevel cases[][3] = {
    { NONE, NONE, NONE },
    { NONE, SER, SER },
    { CTL, NONE, CTL },
    { CTL, VIG, VIG },
    { VIG, CTL, VIG },
    { SER, CTL, SER },
    { VIG, VIG, VIG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (gk_grip_most_serious (cases[i][0], cases[i][1]), ==, cases[i][2]);
}

/* ---- Indicators and topics ------------------------------------------------ */

/* Lower is better, Serious above 100, In control at 80 or below;
 * measurements deliberately out of order. */
static GkGripMeasurement costs_points[4];

static GkGripIndicator
costs_indicator (void)
{
  GkGripIndicator ind = { 0 };

  costs_points[0] = (GkGripMeasurement) { D ("2026-02-01"), 90 };    /* Vigilant */
  costs_points[1] = (GkGripMeasurement) { D ("2026-03-01"), 75 };    /* In control, the latest */
  costs_points[2] = (GkGripMeasurement) { D ("2026-01-01"), 120 };   /* Serious */
  costs_points[3] = (GkGripMeasurement) { D (NULL), 500 };           /* no date: ignored */

  ind.direction = LOWER;
  ind.frequency = GK_FREQUENCY_MONTHLY;
  ind.has_signals = TRUE;
  ind.signal_serious = 100;
  ind.signal_control = 80;
  ind.measurements = costs_points;
  ind.n_measurements = G_N_ELEMENTS (costs_points);
  return ind;
}

typedef struct {
  const char *on_or_before;
  GkLevel     expected;
  double      latest_value;   /* NAN: no latest measurement */
} SignalAtCase;

static void
test_indicator_signal (void)
{
  const SignalAtCase cases[] = {
    { NULL, CTL, 75 },
    { "2026-12-31", CTL, 75 },
    { "2026-03-01", CTL, 75 },          /* the day itself counts */
    { "2026-02-28", VIG, 90 },
    { "2026-02-01", VIG, 90 },
    { "2026-01-31", SER, 120 },
    { "2025-12-31", NONE, NAN },        /* before any measurement */
  };
  GkGripIndicator ind = costs_indicator ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = D (cases[i].on_or_before);
      const GkGripMeasurement *latest = gk_grip_indicator_latest (&ind, &date);

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_grip_indicator_signal (&ind, &date), ==, cases[i].expected);
      if (isnan (cases[i].latest_value))
        g_assert_null (latest);
      else
        g_assert_cmpfloat (latest->value, ==, cases[i].latest_value);
    }

  /* NULL means "the very latest". */
  g_assert_cmpint (gk_grip_indicator_signal (&ind, NULL), ==, CTL);

  /* Without signal values, with invalid ones, or without measurements: none. */
  ind.has_signals = FALSE;
  g_assert_cmpint (gk_grip_indicator_signal (&ind, NULL), ==, NONE);
  ind = costs_indicator ();
  ind.signal_control = 120;
  g_assert_cmpint (gk_grip_indicator_signal (&ind, NULL), ==, NONE);
  ind = costs_indicator ();
  ind.n_measurements = 0;
  g_assert_cmpint (gk_grip_indicator_signal (&ind, NULL), ==, NONE);
  g_assert_null (gk_grip_indicator_latest (&ind, NULL));

  /* A zero-filled indicator signals nothing. */
  {
    GkGripIndicator empty = { 0 };

    g_assert_cmpint (gk_grip_indicator_signal (&empty, NULL), ==, NONE);
  }
}

/* An indicator with one measurement of the given level. */
static GkGripMeasurement single_points[8];

static GkGripIndicator
indicator_at_level (guint   slot,
                    GkLevel level)
{
  GkGripIndicator ind = { 0 };
  double value = level == CTL ? 10 : level == VIG ? 50 : 90;

  single_points[slot] = (GkGripMeasurement) { D ("2026-03-01"), value };
  ind.direction = LOWER;
  ind.has_signals = level != NONE;
  ind.signal_serious = 60;
  ind.signal_control = 20;
  ind.measurements = &single_points[slot];
  ind.n_measurements = 1;
  return ind;
}

static void
test_topic_signal (void)
{
  const struct {
    GkLevel levels[3];
    guint   n;
    GkLevel expected;
  } cases[] = {
    { { NONE }, 0, NONE },
    { { NONE }, 1, NONE },
    { { CTL }, 1, CTL },
    { { CTL, VIG }, 2, VIG },
    { { NONE, CTL }, 2, CTL },
    { { SER, NONE, CTL }, 3, SER },
    { { CTL, CTL, VIG }, 3, VIG },
    { { CTL, SER, VIG }, 3, SER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GkGripIndicator inds[3];

      for (guint j = 0; j < cases[i].n; j++)
        inds[j] = indicator_at_level (j, cases[i].levels[j]);
      g_test_message ("case %u", i);
      g_assert_cmpint (gk_grip_topic_signal (inds, cases[i].n, NULL), ==, cases[i].expected);
    }

  g_assert_cmpint (gk_grip_topic_signal (NULL, 0, NULL), ==, NONE);
}

/* ---- Assessments ----------------------------------------------------------- */

static void
test_assessed_level (void)
{
  const GkGripAssessment history[] = {
    { 7, D ("2026-02-15"), VIG },
    { 3, D ("2026-01-10"), SER },
    { 9, D ("2026-03-20"), VIG },
    { 4, D ("2026-03-20"), SER },      /* same day, lower id: loses the tie */
    { 5, D (NULL), CTL },              /* no date: ignored */
  };
  const struct {
    const char *on_or_before;
    GkLevel     expected;
    gint64      id;
  } cases[] = {
    { NULL, VIG, 9 },
    { "2026-03-20", VIG, 9 },
    { "2026-03-19", VIG, 7 },
    { "2026-02-14", SER, 3 },
    { "2026-01-10", SER, 3 },
    { "2026-01-09", NONE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = D (cases[i].on_or_before);
      const GkGripAssessment *latest = gk_grip_latest_assessment (history, G_N_ELEMENTS (history), &date);

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_grip_assessed_level (history, G_N_ELEMENTS (history), &date), ==, cases[i].expected);
      if (cases[i].id == 0)
        g_assert_null (latest);
      else
        g_assert_cmpint (latest->id, ==, cases[i].id);
    }

  /* The tie is broken by id whatever the order of the array. */
  {
    const GkGripAssessment tie[] = {
      { 12, D ("2026-05-01"), CTL },
      { 11, D ("2026-05-01"), SER },
    };

    g_assert_cmpint (gk_grip_assessed_level (tie, 2, NULL), ==, CTL);
    g_assert_cmpint (gk_grip_assessed_level (tie + 1, 1, NULL), ==, SER);
  }

  g_assert_cmpint (gk_grip_assessed_level (NULL, 0, NULL), ==, NONE);
}

static void
test_divergence (void)
{
  const struct {
    GkLevel signalled;
    GkLevel assessed;
    gboolean diverges;
  } cases[] = {
    { NONE, NONE, FALSE },
    { SER, NONE, FALSE },
    { NONE, CTL, FALSE },
    { SER, SER, FALSE },
    { CTL, CTL, FALSE },
    { SER, CTL, TRUE },
    { CTL, SER, TRUE },
    { VIG, CTL, TRUE },
    { VIG, SER, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (gk_grip_diverges (cases[i].signalled, cases[i].assessed), ==, cases[i].diverges);
}

/* ---- Relaxing needs evidence ----------------------------------------------- */

typedef struct {
  GkLevel current;
  GkLevel signals[4];
  guint   n;
  GkLevel expected;
} SuggestCase;

static void
test_suggest_level (void)
{
  const SuggestCase cases[] = {
    /* No data, no suggestion. */
    { CTL, { NONE }, 0, NONE },
    { SER, { NONE }, 1, NONE },
    /* Same level: nothing to suggest. */
    { CTL, { CTL }, 1, NONE },
    { VIG, { CTL, VIG }, 2, NONE },
    /* Worsening is suggested at once, even after one period. */
    { CTL, { VIG }, 1, VIG },
    { CTL, { CTL, SER }, 2, SER },
    { VIG, { CTL, SER }, 2, SER },
    { VIG, { SER, SER }, 2, SER },
    { CTL, { CTL, CTL, CTL, VIG }, 4, VIG },
    /* Improving needs two better periods in a row. */
    { SER, { VIG }, 1, NONE },
    { SER, { SER, VIG }, 2, NONE },
    { SER, { NONE, CTL }, 2, NONE },
    { SER, { CTL, NONE }, 2, NONE },
    { SER, { VIG, VIG }, 2, VIG },
    { SER, { CTL, VIG }, 2, VIG },       /* the less good of the two */
    { SER, { VIG, CTL }, 2, VIG },
    { SER, { CTL, CTL }, 2, CTL },
    { VIG, { CTL, CTL }, 2, CTL },
    { VIG, { VIG, CTL }, 2, NONE },
    { VIG, { CTL, VIG }, 2, NONE },
    { SER, { SER, SER, VIG, VIG }, 4, VIG },
    { SER, { VIG, VIG, SER, VIG }, 4, NONE },   /* only the two most recent count */
    /* Not assessed yet: the latest signal as a first assessment. */
    { NONE, { VIG }, 1, VIG },
    { NONE, { CTL, SER }, 2, SER },
    { NONE, { NONE }, 1, NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (gk_grip_suggest_level (cases[i].current, cases[i].signals, cases[i].n),
                       ==, cases[i].expected);
    }
}

/* Monthly costs: January Serious, February Vigilant, March In control,
 * December 2025 Vigilant; April optional. */
static GkGripMeasurement series_points[5];

static GkGripIndicator
series_indicator (gboolean with_april,
                  gboolean with_december)
{
  GkGripIndicator ind = { 0 };
  guint n = 0;

  if (with_december)
    series_points[n++] = (GkGripMeasurement) { D ("2025-12-01"), 95 };
  series_points[n++] = (GkGripMeasurement) { D ("2026-01-01"), 120 };
  series_points[n++] = (GkGripMeasurement) { D ("2026-02-01"), 90 };
  series_points[n++] = (GkGripMeasurement) { D ("2026-03-01"), 70 };
  if (with_april)
    series_points[n++] = (GkGripMeasurement) { D ("2026-04-01"), 110 };

  ind.direction = LOWER;
  ind.frequency = GK_FREQUENCY_MONTHLY;
  ind.has_signals = TRUE;
  ind.signal_serious = 100;
  ind.signal_control = 80;
  ind.measurements = series_points;
  ind.n_measurements = n;
  return ind;
}

typedef struct {
  gboolean     with_april;
  gboolean     with_december;
  GkFrequency  period;
  const char  *today;
  GkLevel      expected[3];
} SeriesCase;

static void
test_topic_signal_series (void)
{
  const SeriesCase cases[] = {
    /* No April figure yet: the series ends with March, the last complete month. */
    { FALSE, FALSE, GK_FREQUENCY_MONTHLY, "2026-04-10", { SER, VIG, CTL } },
    /* An April figure: the current month leads. */
    { TRUE, FALSE, GK_FREQUENCY_MONTHLY, "2026-04-10", { VIG, CTL, SER } },
    /* Months without a new figure signal nothing: no carrying over. */
    { FALSE, FALSE, GK_FREQUENCY_MONTHLY, "2026-06-15", { CTL, NONE, NONE } },
    { FALSE, FALSE, GK_FREQUENCY_MONTHLY, "2026-02-10", { NONE, SER, VIG } },
    /* Quarters: Q2 has no figure, so Q4 2025 and Q1 2026 count. */
    { FALSE, FALSE, GK_FREQUENCY_QUARTERLY, "2026-04-10", { NONE, NONE, CTL } },
    { FALSE, TRUE, GK_FREQUENCY_QUARTERLY, "2026-04-10", { NONE, VIG, CTL } },
    { TRUE, TRUE, GK_FREQUENCY_QUARTERLY, "2026-05-20", { VIG, CTL, SER } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SeriesCase *c = &cases[i];
      GkGripIndicator ind = series_indicator (c->with_april, c->with_december);
      GDate today = D (c->today);
      GkLevel series[3];

      g_test_message ("case %u", i);
      g_assert_true (gk_grip_topic_signal_series (&ind, 1, c->period, &today, series, 3));
      for (guint j = 0; j < 3; j++)
        g_assert_cmpint (series[j], ==, c->expected[j]);
    }

  /* Unset today: no series. */
  {
    GkGripIndicator ind = series_indicator (FALSE, FALSE);
    GDate unset = gk_period_date_unset ();
    GkLevel series[2] = { CTL, CTL };

    g_assert_false (gk_grip_topic_signal_series (&ind, 1, GK_FREQUENCY_MONTHLY, &unset, series, 2));
    g_assert_cmpint (series[0], ==, NONE);
    g_assert_cmpint (series[1], ==, NONE);
  }
}

/* A quarterly indicator in a monthly series counts for each month of its
 * quarter; a monthly one next to it decides when it is more serious. */
static void
test_topic_signal_series_mixed (void)
{
  const GkGripMeasurement quarterly_points[] = {
    { D ("2025-10-01"), 90 },    /* Q4 2025: Vigilant */
    { D ("2026-01-01"), 70 },    /* Q1 2026: In control */
  };
  const GkGripMeasurement monthly_points[] = {
    { D ("2026-02-01"), 30 },    /* February: Serious (higher is better) */
  };
  GkGripIndicator inds[2] = { { 0 } };
  GkLevel series[4];
  GDate today;

  inds[0].direction = LOWER;
  inds[0].frequency = GK_FREQUENCY_QUARTERLY;
  inds[0].has_signals = TRUE;
  inds[0].signal_serious = 100;
  inds[0].signal_control = 80;
  inds[0].measurements = quarterly_points;
  inds[0].n_measurements = G_N_ELEMENTS (quarterly_points);

  inds[1].direction = HIGHER;
  inds[1].frequency = GK_FREQUENCY_MONTHLY;
  inds[1].has_signals = TRUE;
  inds[1].signal_serious = 50;
  inds[1].signal_control = 70;
  inds[1].measurements = monthly_points;
  inds[1].n_measurements = G_N_ELEMENTS (monthly_points);

  today = D ("2026-03-10");
  g_assert_true (gk_grip_topic_signal_series (inds, 2, GK_FREQUENCY_MONTHLY, &today, series, 4));
  g_assert_cmpint (series[0], ==, VIG);    /* December: Q4 figure */
  g_assert_cmpint (series[1], ==, CTL);    /* January: Q1 figure */
  g_assert_cmpint (series[2], ==, SER);    /* February: the monthly figure is worse */
  g_assert_cmpint (series[3], ==, CTL);    /* March: the Q1 figure still holds */

  /* In April (Q2) the Q1 figure no longer counts: the series ends in March. */
  today = D ("2026-04-10");
  g_assert_true (gk_grip_topic_signal_series (inds, 2, GK_FREQUENCY_MONTHLY, &today, series, 2));
  g_assert_cmpint (series[0], ==, SER);
  g_assert_cmpint (series[1], ==, CTL);
  today = D ("2026-05-10");
  g_assert_true (gk_grip_topic_signal_series (inds, 2, GK_FREQUENCY_MONTHLY, &today, series, 2));
  g_assert_cmpint (series[0], ==, CTL);    /* March */
  g_assert_cmpint (series[1], ==, NONE);   /* April: no figure */
}

typedef struct {
  GkLevel        current;
  gboolean       with_april;
  gboolean       with_december;
  GkReviewCycle  cycle;
  const char    *today;
  GkLevel        expected;
} SuggestionCase;

static void
test_topic_suggestion (void)
{
  const SuggestionCase cases[] = {
    /* February Vigilant, March In control: relax a Serious topic to Vigilant. */
    { SER, FALSE, FALSE, GK_REVIEW_CYCLE_MONTHLY, "2026-04-10", VIG },
    /* ...but a Vigilant topic stays: only March was better. */
    { VIG, FALSE, FALSE, GK_REVIEW_CYCLE_MONTHLY, "2026-04-10", NONE },
    /* April is Serious: worsen at once. */
    { VIG, TRUE, FALSE, GK_REVIEW_CYCLE_MONTHLY, "2026-04-10", SER },
    { CTL, TRUE, FALSE, GK_REVIEW_CYCLE_MONTHLY, "2026-04-30", SER },
    /* One old In control figure is no evidence for April: nothing. */
    { VIG, FALSE, FALSE, GK_REVIEW_CYCLE_MONTHLY, "2026-05-02", NONE },
    { SER, FALSE, FALSE, GK_REVIEW_CYCLE_MONTHLY, "2026-05-02", NONE },
    /* Quarterly: without December there is one quarter of evidence. */
    { SER, FALSE, FALSE, GK_REVIEW_CYCLE_QUARTERLY, "2026-04-10", NONE },
    { SER, FALSE, TRUE, GK_REVIEW_CYCLE_QUARTERLY, "2026-04-10", VIG },
    /* Not assessed: the latest signal. */
    { NONE, FALSE, FALSE, GK_REVIEW_CYCLE_MONTHLY, "2026-04-10", CTL },
    { SER, FALSE, FALSE, GK_REVIEW_CYCLE_MONTHLY, NULL, NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SuggestionCase *c = &cases[i];
      GkGripIndicator ind = series_indicator (c->with_april, c->with_december);
      GDate today = D (c->today);

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_grip_topic_suggestion (c->current, &ind, 1, c->cycle, &today), ==, c->expected);
    }

  /* A topic without indicators gets no suggestion. */
  {
    GDate today = D ("2026-04-10");

    g_assert_cmpint (gk_grip_topic_suggestion (SER, NULL, 0, GK_REVIEW_CYCLE_MONTHLY, &today), ==, NONE);
  }
}

/* ---- Headline ---------------------------------------------------------------- */

typedef struct {
  GkLevel levels[6];
  guint   n;
  GkLevel worst;
  GkLevel median;
} HeadlineCase;

static void
test_headline (void)
{
  const HeadlineCase cases[] = {
    { { NONE }, 0, NONE, NONE },
    { { NONE, NONE }, 2, NONE, NONE },            /* nothing assessed */
    { { CTL }, 1, CTL, CTL },
    { { SER }, 1, SER, SER },
    { { CTL, VIG, SER }, 3, SER, VIG },
    { { SER, CTL, VIG }, 3, SER, VIG },           /* order does not matter */
    { { CTL, CTL, SER, SER }, 4, SER, CTL },      /* exactly half reach In control */
    { { CTL, SER, SER, SER }, 4, SER, SER },
    { { SER, VIG }, 2, SER, VIG },
    { { CTL, CTL, VIG, SER, SER }, 5, SER, VIG },
    { { CTL, VIG, VIG, SER, SER, SER }, 6, SER, VIG },
    { { CTL, CTL, CTL, CTL, CTL, SER }, 6, SER, CTL },
    /* Unassessed topics are ignored by both rules. */
    { { CTL, NONE }, 2, CTL, CTL },
    { { CTL, NONE, NONE, SER }, 4, SER, CTL },
    { { NONE, VIG, NONE, NONE, NONE, NONE }, 6, VIG, VIG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const HeadlineCase *c = &cases[i];

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_grip_headline_level (GK_HEADLINE_RULE_WORST, c->levels, c->n), ==, c->worst);
      g_assert_cmpint (gk_grip_headline_level (GK_HEADLINE_RULE_MEDIAN, c->levels, c->n), ==, c->median);
    }

  g_assert_cmpint (gk_grip_headline_level (GK_HEADLINE_RULE_MEDIAN, NULL, 0), ==, NONE);
}

static void
test_trend (void)
{
  const struct {
    GkLevel previous;
    GkLevel current;
    GkGripTrend trend;
  } cases[] = {
    { NONE, NONE, GK_GRIP_TREND_UNKNOWN },
    { NONE, CTL, GK_GRIP_TREND_UNKNOWN },
    { SER, NONE, GK_GRIP_TREND_UNKNOWN },
    { SER, VIG, GK_GRIP_TREND_BETTER },
    { SER, CTL, GK_GRIP_TREND_BETTER },
    { VIG, VIG, GK_GRIP_TREND_SAME },
    { CTL, VIG, GK_GRIP_TREND_WORSE },
    { VIG, SER, GK_GRIP_TREND_WORSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GkGripTrend trend = gk_grip_trend (cases[i].previous, cases[i].current);

      g_assert_cmpint (trend, ==, cases[i].trend);
      g_assert_cmpstr (gk_grip_trend_label (trend), !=, "");
    }
}

/* ---- Progress ---------------------------------------------------------------- */

typedef struct {
  GkDirection direction;
  double      baseline;
  double      target;
  double      current;
  gboolean    ok;
  double      fraction;
} ProgressCase;

static void
test_progress (void)
{
  const ProgressCase cases[] = {
    { LOWER, 100, 80, 100, TRUE, 0.0 },
    { LOWER, 100, 80, 90, TRUE, 0.5 },
    { LOWER, 100, 80, 85, TRUE, 0.75 },
    { LOWER, 100, 80, 80, TRUE, 1.0 },
    { LOWER, 100, 80, 70, TRUE, 1.0 },     /* past the target: clamped */
    { LOWER, 100, 80, 110, TRUE, 0.0 },    /* the wrong way: clamped */
    { HIGHER, 10, 20, 15, TRUE, 0.5 },
    { HIGHER, 10, 20, 20, TRUE, 1.0 },
    { HIGHER, 10, 20, 25, TRUE, 1.0 },
    { HIGHER, 10, 20, 5, TRUE, 0.0 },
    { HIGHER, -10, 10, 0, TRUE, 0.5 },
    /* Target equals baseline: reached or not. */
    { LOWER, 80, 80, 80, TRUE, 1.0 },
    { LOWER, 80, 80, 79, TRUE, 1.0 },
    { LOWER, 80, 80, 81, TRUE, 0.0 },
    { HIGHER, 80, 80, 81, TRUE, 1.0 },
    { HIGHER, 80, 80, 79, TRUE, 0.0 },
    /* Not numbers. */
    { LOWER, NAN, 80, 90, FALSE, 0.0 },
    { LOWER, 100, 80, NAN, FALSE, 0.0 },
    { HIGHER, 10, INFINITY, 15, FALSE, 0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ProgressCase *c = &cases[i];
      double fraction = -1;

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_grip_progress (c->direction, c->baseline, c->target, c->current, &fraction),
                       ==, c->ok);
      g_assert_cmpfloat_with_epsilon (fraction, c->fraction, 1e-12);
    }
}

static void
test_indicator_progress (void)
{
  GkGripIndicator ind = costs_indicator ();   /* latest value 75 */
  double fraction = -1;

  g_assert_false (gk_grip_indicator_progress (&ind, &fraction));   /* no baseline nor target */
  g_assert_cmpfloat (fraction, ==, 0.0);

  ind.has_baseline = TRUE;
  ind.baseline_value = 120;
  g_assert_false (gk_grip_indicator_progress (&ind, &fraction));   /* no target */

  ind.has_target = TRUE;
  ind.target_value = 60;
  g_assert_true (gk_grip_indicator_progress (&ind, &fraction));
  g_assert_cmpfloat_with_epsilon (fraction, 0.75, 1e-12);          /* 45 of 60 */

  ind.n_measurements = 0;
  g_assert_false (gk_grip_indicator_progress (&ind, &fraction));
}

/* ---- Forecast ---------------------------------------------------------------- */

typedef struct {
  const char       *name;
  GkDirection       direction;
  gboolean          has_target;
  double            target_value;
  const char       *target_date;
  const char       *first_date;     /* points are every @step days from here */
  int               step;
  double            values[10];
  guint             n_values;
  guint             n_last;
  GkForecastOutcome outcome;
  const char       *reached_date;
  double            value_at_target;  /* NAN: not checked */
  gboolean          has_trend;
} ForecastCase;

static const ForecastCase forecast_cases[] = {
  { "no-target", LOWER, FALSE, 0, NULL, "2026-01-01", 30, { 100, 90, 80 }, 3, 0,
    GK_FORECAST_NO_TARGET, NULL, NAN, TRUE },
  { "no-target-date", LOWER, TRUE, 50, NULL, "2026-01-01", 30, { 100, 90, 80 }, 3, 0,
    GK_FORECAST_NO_TARGET, NULL, NAN, TRUE },
  { "no-data", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 30, { 0 }, 0, 0,
    GK_FORECAST_NOT_ENOUGH_DATA, NULL, NAN, FALSE },
  { "one-point", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 30, { 100 }, 1, 0,
    GK_FORECAST_NOT_ENOUGH_DATA, NULL, NAN, FALSE },
  { "two-points", HIGHER, TRUE, 50, "2026-12-31", "2026-01-01", 30, { 10, 20 }, 2, 0,
    GK_FORECAST_NOT_ENOUGH_DATA, NULL, NAN, FALSE },
  { "one-point-reached", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 30, { 45 }, 1, 0,
    GK_FORECAST_ALREADY_REACHED, NULL, NAN, FALSE },
  { "reached-exactly", HIGHER, TRUE, 50, "2026-12-31", "2026-01-01", 30, { 10, 20, 50 }, 3, 0,
    GK_FORECAST_ALREADY_REACHED, NULL, NAN, TRUE },
  /* 100, 90, 80 every 30 days: -1/3 a day, reaches 50 after 150 days. */
  { "lower-on-time", LOWER, TRUE, 50, "2026-06-30", "2026-01-01", 30, { 100, 90, 80 }, 3, 0,
    GK_FORECAST_ON_TIME, "2026-05-31", 40, TRUE },
  { "lower-on-time-same-day", LOWER, TRUE, 50, "2026-05-31", "2026-01-01", 30, { 100, 90, 80 }, 3, 0,
    GK_FORECAST_ON_TIME, "2026-05-31", 50, TRUE },
  { "lower-late", LOWER, TRUE, 50, "2026-05-30", "2026-01-01", 30, { 100, 90, 80 }, 3, 0,
    GK_FORECAST_LATE, "2026-05-31", 50 + 1.0 / 3, TRUE },
  { "lower-wrong-way", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 30, { 80, 90, 100 }, 3, 0,
    GK_FORECAST_NEVER, NULL, 80 + 364.0 / 3, TRUE },
  { "flat", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 30, { 80, 80, 80 }, 3, 0,
    GK_FORECAST_NEVER, NULL, 80, TRUE },
  { "higher-on-time", HIGHER, TRUE, 100, "2026-12-31", "2026-01-01", 30, { 10, 20, 30 }, 3, 0,
    GK_FORECAST_ON_TIME, "2026-09-28", NAN, TRUE },
  { "higher-late", HIGHER, TRUE, 100, "2026-06-30", "2026-01-01", 30, { 10, 20, 30 }, 3, 0,
    GK_FORECAST_LATE, "2026-09-28", NAN, TRUE },
  { "higher-wrong-way", HIGHER, TRUE, 100, "2026-12-31", "2026-01-01", 30, { 30, 20, 10 }, 3, 0,
    GK_FORECAST_NEVER, NULL, NAN, TRUE },
  /* The target date has passed; the trend still gets there. */
  { "past-target-date", LOWER, TRUE, 50, "2026-02-01", "2026-01-01", 30, { 100, 90, 80 }, 3, 0,
    GK_FORECAST_LATE, "2026-05-31", NAN, TRUE },
  /* Rising for months, falling in the last three: only the window counts. */
  { "window-of-three", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 10,
    { 50, 60, 70, 80, 90, 85, 80, 75 }, 8, 3,
    GK_FORECAST_ON_TIME, "2026-05-01", NAN, TRUE },
  { "window-of-eight", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 10,
    { 50, 60, 70, 80, 90, 85, 80, 75 }, 8, 8,
    GK_FORECAST_NEVER, NULL, NAN, TRUE },
  /* n_last below three still uses three measurements. */
  { "window-at-least-three", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 10,
    { 50, 60, 70, 80, 90, 85, 80, 75 }, 8, 1,
    GK_FORECAST_ON_TIME, "2026-05-01", NAN, TRUE },
  /* The default window is six: 70, 80, 90, 85, 80, 75 still rises. */
  { "window-default", LOWER, TRUE, 50, "2026-12-31", "2026-01-01", 10,
    { 50, 60, 70, 80, 90, 85, 80, 75 }, 8, 0,
    GK_FORECAST_NEVER, NULL, NAN, TRUE },
  /* The line says 70 was reached on day 17, but the day-20 value of 75 was
   * not there yet: the projection starts after the latest measurement. */
  { "line-ahead-of-data", LOWER, TRUE, 70, "2026-01-31", "2026-01-01", 10, { 100, 60, 75 }, 3, 0,
    GK_FORECAST_ON_TIME, "2026-01-22", NAN, TRUE },
  /* A thousandth a fortnight: a century past the target date is never. */
  { "too-slow", LOWER, TRUE, 0, "2026-12-31", "2026-01-01", 10, { 100, 99.999, 99.998 }, 3, 0,
    GK_FORECAST_NEVER, NULL, NAN, TRUE },
  /* Across 29 February 2024: one a day, 90 on 9 March. */
  { "leap-year", LOWER, TRUE, 90, "2024-03-09", "2024-02-28", 2, { 100, 98, 96 }, 3, 0,
    GK_FORECAST_ON_TIME, "2024-03-09", 90, TRUE },
};

static GkGripIndicator
forecast_indicator (const ForecastCase *c,
                    GkGripMeasurement  *points,
                    gboolean            reverse)
{
  GkGripIndicator ind = { 0 };
  GDate first = D (c->first_date);

  for (guint i = 0; i < c->n_values; i++)
    {
      guint slot = reverse ? c->n_values - 1 - i : i;

      points[slot].period_date = gk_period_add_days (&first, (int) i * c->step);
      points[slot].value = c->values[i];
    }

  ind.direction = c->direction;
  ind.has_target = c->has_target;
  ind.target_value = c->target_value;
  ind.target_date = D (c->target_date);
  ind.measurements = points;
  ind.n_measurements = c->n_values;
  return ind;
}

static void
test_forecast (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (forecast_cases); i++)
    {
      const ForecastCase *c = &forecast_cases[i];

      /* The order of the measurements must not matter. */
      for (int reverse = 0; reverse <= 1; reverse++)
        {
          GkGripMeasurement points[10];
          GkGripIndicator ind = forecast_indicator (c, points, reverse);
          GkForecast forecast;

          g_test_message ("case %s%s", c->name, reverse ? " (reversed)" : "");
          gk_grip_forecast (&ind, c->n_last, &forecast);
          g_assert_cmpint (forecast.outcome, ==, c->outcome);
          g_assert_cmpint (forecast.has_trend, ==, c->has_trend);
          assert_date (&forecast.reached_date, c->reached_date);
          if (!isnan (c->value_at_target))
            g_assert_cmpfloat_with_epsilon (forecast.value_at_target_date, c->value_at_target, 1e-9);
          if (!forecast.has_trend)
            g_assert_true (isnan (forecast.value_at_target_date));
          g_assert_cmpstr (gk_forecast_outcome_label (forecast.outcome), !=, "");
        }
    }
}

static void
test_forecast_line (void)
{
  const ForecastCase *c = &forecast_cases[7];   /* lower-on-time */
  GkGripMeasurement points[10];
  GkGripIndicator ind;
  GkForecast forecast;
  GDate date;

  g_assert_cmpstr (c->name, ==, "lower-on-time");
  ind = forecast_indicator (c, points, FALSE);
  gk_grip_forecast (&ind, 0, &forecast);

  g_assert_cmpuint (forecast.n_used, ==, 3);
  assert_date (&forecast.origin_date, "2026-01-01");
  assert_date (&forecast.last_date, "2026-03-02");
  g_assert_cmpfloat_with_epsilon (forecast.slope_per_day, -1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (forecast.origin_value, 100, 1e-9);

  date = D ("2026-01-31");
  g_assert_cmpfloat_with_epsilon (gk_forecast_value_at (&forecast, &date), 90, 1e-9);
  date = D ("2025-12-02");
  g_assert_cmpfloat_with_epsilon (gk_forecast_value_at (&forecast, &date), 110, 1e-9);
  date = gk_period_date_unset ();
  g_assert_true (isnan (gk_forecast_value_at (&forecast, &date)));

  /* Without a trend there is no line. */
  ind.n_measurements = 2;
  gk_grip_forecast (&ind, 0, &forecast);
  date = D ("2026-01-31");
  g_assert_true (isnan (gk_forecast_value_at (&forecast, &date)));
}

static void
test_forecast_same_day (void)
{
  /* Measurements all on one day give no slope (the file forbids it, the
   * engine must not divide by zero). */
  GkGripMeasurement points[3] = {
    { D ("2026-01-01"), 100 },
    { D ("2026-01-01"), 90 },
    { D ("2026-01-01"), 80 },
  };
  GkGripIndicator ind = { 0 };
  GkForecast forecast;

  ind.direction = LOWER;
  ind.has_target = TRUE;
  ind.target_value = 50;
  ind.target_date = D ("2026-12-31");
  ind.measurements = points;
  ind.n_measurements = 3;
  gk_grip_forecast (&ind, 0, &forecast);
  g_assert_cmpint (forecast.outcome, ==, GK_FORECAST_NOT_ENOUGH_DATA);
  g_assert_false (forecast.has_trend);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grip/signals/valid", test_signals_valid);
  g_test_add_func ("/grip/signals/level", test_indicator_level);
  g_test_add_func ("/grip/most-serious", test_most_serious);
  g_test_add_func ("/grip/indicator/signal", test_indicator_signal);
  g_test_add_func ("/grip/topic/signal", test_topic_signal);
  g_test_add_func ("/grip/topic/assessed", test_assessed_level);
  g_test_add_func ("/grip/topic/divergence", test_divergence);
  g_test_add_func ("/grip/suggest/rule", test_suggest_level);
  g_test_add_func ("/grip/suggest/series", test_topic_signal_series);
  g_test_add_func ("/grip/suggest/series-mixed", test_topic_signal_series_mixed);
  g_test_add_func ("/grip/suggest/topic", test_topic_suggestion);
  g_test_add_func ("/grip/headline/level", test_headline);
  g_test_add_func ("/grip/headline/trend", test_trend);
  g_test_add_func ("/grip/progress/rule", test_progress);
  g_test_add_func ("/grip/progress/indicator", test_indicator_progress);
  g_test_add_func ("/grip/forecast/outcomes", test_forecast);
  g_test_add_func ("/grip/forecast/line", test_forecast_line);
  g_test_add_func ("/grip/forecast/same-day", test_forecast_same_day);

  return g_test_run ();
}
