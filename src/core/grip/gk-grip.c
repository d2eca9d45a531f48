/* gk-grip.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-grip.h"
#include "gk-period.h"

G_DEFINE_QUARK (gk-grip-error-quark, gk_grip_error)

/* ---- Levels from signal values ------------------------------------------ */

/* TRUE when @value is at least as good as @reference. */
static gboolean
reaches (GkDirection direction,
         double      value,
         double      reference)
{
  if (direction == GK_DIRECTION_HIGHER_IS_BETTER)
    return value >= reference;
  return value <= reference;
}

/**
 * gk_grip_signals_valid:
 *
 * Checks that the two signal values are numbers and in the order that
 * @direction needs (see the boundary rule in gk-grip.h).
 *
 * Returns: %TRUE when valid; otherwise %FALSE with @error set.
 */
gboolean
gk_grip_signals_valid (GkDirection   direction,
                       double        signal_serious,
                       double        signal_control,
                       GError      **error)
{
  if (!isfinite (signal_serious) || !isfinite (signal_control))
    {
      g_set_error_literal (error, GK_GRIP_ERROR, GK_GRIP_ERROR_NOT_A_NUMBER,
                           _("Signal values must be numbers."));
      return FALSE;
    }

  /* The In control boundary must be at least as good as the Serious one. */
  if (!reaches (direction, signal_control, signal_serious))
    {
      if (direction == GK_DIRECTION_HIGHER_IS_BETTER)
        g_set_error (error, GK_GRIP_ERROR, GK_GRIP_ERROR_SIGNALS_ORDER,
                     _("When higher is better, the signal value for In control (%g) "
                       "must not be below the one for Serious (%g)."),
                     signal_control, signal_serious);
      else
        g_set_error (error, GK_GRIP_ERROR, GK_GRIP_ERROR_SIGNALS_ORDER,
                     _("When lower is better, the signal value for In control (%g) "
                       "must not be above the one for Serious (%g)."),
                     signal_control, signal_serious);
      return FALSE;
    }

  return TRUE;
}

/**
 * gk_grip_indicator_level:
 *
 * Maps @value to a level with the boundary rule of gk-grip.h.
 *
 * Returns: the level; %GK_LEVEL_NONE when @value is not a number or the
 * signal values are not valid.
 */
GkLevel
gk_grip_indicator_level (GkDirection direction,
                         double      signal_serious,
                         double      signal_control,
                         double      value)
{
  if (!isfinite (value) || !gk_grip_signals_valid (direction, signal_serious, signal_control, NULL))
    return GK_LEVEL_NONE;

  if (reaches (direction, value, signal_control))
    return GK_LEVEL_IN_CONTROL;
  if (reaches (direction, value, signal_serious))
    return GK_LEVEL_VIGILANT;
  return GK_LEVEL_SERIOUS;
}

GkLevel
gk_grip_most_serious (GkLevel a,
                      GkLevel b)
{
  if (a == GK_LEVEL_NONE)
    return b;
  if (b == GK_LEVEL_NONE)
    return a;
  return MIN (a, b);
}

/* ---- Indicators ----------------------------------------------------------- */

static gboolean
date_within (const GDate *date,
             const GDate *on_or_before)
{
  return !gk_period_date_is_set (on_or_before) || g_date_compare (date, on_or_before) <= 0;
}

/**
 * gk_grip_indicator_latest:
 *
 * Returns: (nullable): the measurement with the latest period date (on or
 * before @on_or_before when given); %NULL when there is none. Measurements
 * without a valid date are skipped.
 */
const GkGripMeasurement *
gk_grip_indicator_latest (const GkGripIndicator *indicator,
                          const GDate           *on_or_before)
{
  const GkGripMeasurement *latest = NULL;

  g_return_val_if_fail (indicator != NULL, NULL);

  for (guint i = 0; i < indicator->n_measurements; i++)
    {
      const GkGripMeasurement *m = &indicator->measurements[i];

      if (!gk_period_date_is_set (&m->period_date) || !date_within (&m->period_date, on_or_before))
        continue;
      if (latest == NULL || g_date_compare (&m->period_date, &latest->period_date) >= 0)
        latest = m;
    }

  return latest;
}

/**
 * gk_grip_indicator_signal:
 *
 * The signalled level of an indicator: its latest measurement (on or before
 * @on_or_before) against its signal values.
 *
 * Returns: the level; %GK_LEVEL_NONE without signal values, with invalid
 * ones, or without a measurement.
 */
GkLevel
gk_grip_indicator_signal (const GkGripIndicator *indicator,
                          const GDate           *on_or_before)
{
  const GkGripMeasurement *latest;

  g_return_val_if_fail (indicator != NULL, GK_LEVEL_NONE);

  if (!indicator->has_signals)
    return GK_LEVEL_NONE;

  latest = gk_grip_indicator_latest (indicator, on_or_before);
  if (latest == NULL)
    return GK_LEVEL_NONE;

  return gk_grip_indicator_level (indicator->direction, indicator->signal_serious,
                                  indicator->signal_control, latest->value);
}

/**
 * gk_grip_topic_signal:
 *
 * "The most serious figure decides": the most serious signalled level among
 * the topic's indicators. Indicators that signal nothing are ignored.
 *
 * Returns: the level; %GK_LEVEL_NONE when no indicator signals.
 */
GkLevel
gk_grip_topic_signal (const GkGripIndicator *indicators,
                      guint                  n_indicators,
                      const GDate           *on_or_before)
{
  GkLevel level = GK_LEVEL_NONE;

  g_return_val_if_fail (indicators != NULL || n_indicators == 0, GK_LEVEL_NONE);

  for (guint i = 0; i < n_indicators; i++)
    level = gk_grip_most_serious (level, gk_grip_indicator_signal (&indicators[i], on_or_before));

  return level;
}

/* ---- Assessments ---------------------------------------------------------- */

/**
 * gk_grip_latest_assessment:
 *
 * Returns: (nullable): the assessment with the latest date (on or before
 * @on_or_before when given); of several on that day the one with the
 * highest id. %NULL when there is none.
 */
const GkGripAssessment *
gk_grip_latest_assessment (const GkGripAssessment *assessments,
                           guint                   n_assessments,
                           const GDate            *on_or_before)
{
  const GkGripAssessment *latest = NULL;

  g_return_val_if_fail (assessments != NULL || n_assessments == 0, NULL);

  for (guint i = 0; i < n_assessments; i++)
    {
      const GkGripAssessment *a = &assessments[i];
      int order;

      if (!gk_period_date_is_set (&a->date) || !date_within (&a->date, on_or_before))
        continue;
      if (latest == NULL)
        {
          latest = a;
          continue;
        }
      order = g_date_compare (&a->date, &latest->date);
      if (order > 0 || (order == 0 && a->id > latest->id))
        latest = a;
    }

  return latest;
}

/**
 * gk_grip_assessed_level:
 *
 * The current level of a topic (with @on_or_before: its level on that day,
 * as the roadmap shows it).
 *
 * Returns: the level of the latest assessment; %GK_LEVEL_NONE (not
 * assessed) when there is none.
 */
GkLevel
gk_grip_assessed_level (const GkGripAssessment *assessments,
                        guint                   n_assessments,
                        const GDate            *on_or_before)
{
  const GkGripAssessment *latest = gk_grip_latest_assessment (assessments, n_assessments, on_or_before);

  return latest != NULL ? latest->level : GK_LEVEL_NONE;
}

/**
 * gk_grip_diverges:
 *
 * Returns: %TRUE when a topic has both a signalled and an assessed level
 * and they differ.
 */
gboolean
gk_grip_diverges (GkLevel signalled,
                  GkLevel assessed)
{
  return signalled != GK_LEVEL_NONE && assessed != GK_LEVEL_NONE && signalled != assessed;
}

/* ---- Relaxing needs evidence ---------------------------------------------- */

/**
 * gk_grip_suggest_level:
 * @current: the topic's assessed level
 * @period_signals: (array length=n_periods): the topic's signalled level
 *   per period, oldest first, the most recent last
 *
 * Relaxing needs evidence, worsening does not:
 * - the latest signal is worse than @current: suggest it at once;
 * - the signals of the two most recent periods are both better than
 *   @current: suggest the less good of the two;
 * - a topic that is not assessed yet: suggest the latest signal as a first
 *   assessment;
 * - otherwise (same level, one good period, a period without signal):
 *   no suggestion.
 *
 * Returns: the suggested level, or %GK_LEVEL_NONE for no suggestion.
 */
GkLevel
gk_grip_suggest_level (GkLevel        current,
                       const GkLevel *period_signals,
                       guint          n_periods)
{
  GkLevel latest, previous;

  g_return_val_if_fail (period_signals != NULL || n_periods == 0, GK_LEVEL_NONE);

  if (n_periods == 0)
    return GK_LEVEL_NONE;

  latest = period_signals[n_periods - 1];
  if (latest == GK_LEVEL_NONE)
    return GK_LEVEL_NONE;

  if (current == GK_LEVEL_NONE || latest < current)
    return latest;

  if (latest == current || n_periods < 2)
    return GK_LEVEL_NONE;

  previous = period_signals[n_periods - 2];
  if (previous == GK_LEVEL_NONE || previous <= current)
    return GK_LEVEL_NONE;

  return MIN (latest, previous);
}

/* The signal of one indicator for one period of a series: its latest
 * measurement within the period or, for an indicator measured less often
 * than the series runs, within its own period that holds the end of the
 * series period. Older figures are not carried over: a month without a new
 * figure is no evidence. */
static GkLevel
indicator_signal_for_period (const GkGripIndicator *indicator,
                             const GDate           *start,
                             const GDate           *end)
{
  const GkGripMeasurement *latest = NULL;
  GDate own_start = gk_period_start (indicator->frequency, end);
  const GDate *from = g_date_compare (&own_start, start) < 0 ? &own_start : start;

  if (!indicator->has_signals)
    return GK_LEVEL_NONE;

  for (guint i = 0; i < indicator->n_measurements; i++)
    {
      const GkGripMeasurement *m = &indicator->measurements[i];

      if (!gk_period_date_is_set (&m->period_date) ||
          g_date_compare (&m->period_date, from) < 0 ||
          g_date_compare (&m->period_date, end) > 0)
        continue;
      if (latest == NULL || g_date_compare (&m->period_date, &latest->period_date) >= 0)
        latest = m;
    }

  if (latest == NULL)
    return GK_LEVEL_NONE;
  return gk_grip_indicator_level (indicator->direction, indicator->signal_serious,
                                  indicator->signal_control, latest->value);
}

static GkLevel
topic_signal_for_period (const GkGripIndicator *indicators,
                         guint                  n_indicators,
                         GkFrequency            period,
                         const GDate           *today,
                         int                    offset)
{
  GDate start = gk_period_shift (period, today, offset);
  GDate end = gk_period_end (period, &start);
  GkLevel level = GK_LEVEL_NONE;

  if (!gk_period_date_is_set (&start) || !gk_period_date_is_set (&end))
    return GK_LEVEL_NONE;

  for (guint i = 0; i < n_indicators; i++)
    level = gk_grip_most_serious (level, indicator_signal_for_period (&indicators[i], &start, &end));
  return level;
}

/**
 * gk_grip_topic_signal_series:
 * @period: the period of the series, normally the review cycle's
 * @out_signals: (array length=n_periods): filled oldest first
 *
 * The topic's signalled level per period, as gk_grip_suggest_level() wants
 * it: per period the most serious signal among the indicators, each judged
 * on its latest measurement in that period. An indicator measured less
 * often than @period (quarterly in a monthly series) counts its figure for
 * every period within its own quarter or year; figures are never carried
 * into a later period of their own frequency, so a period without new
 * figures signals nothing.
 *
 * The most recent entry is the current period when it has a signal
 * already, otherwise the last complete period.
 *
 * Returns: %FALSE (and the series all NONE) when @today is unset.
 */
gboolean
gk_grip_topic_signal_series (const GkGripIndicator *indicators,
                             guint                  n_indicators,
                             GkFrequency            period,
                             const GDate           *today,
                             GkLevel               *out_signals,
                             guint                  n_periods)
{
  int newest;

  g_return_val_if_fail (indicators != NULL || n_indicators == 0, FALSE);
  g_return_val_if_fail (out_signals != NULL || n_periods == 0, FALSE);

  for (guint i = 0; i < n_periods; i++)
    out_signals[i] = GK_LEVEL_NONE;

  if (!gk_period_date_is_set (today))
    return FALSE;

  newest = topic_signal_for_period (indicators, n_indicators, period, today, 0) != GK_LEVEL_NONE ? 0 : -1;

  for (guint i = 0; i < n_periods; i++)
    out_signals[i] = topic_signal_for_period (indicators, n_indicators, period, today,
                                              newest - (int) (n_periods - 1 - i));

  return TRUE;
}

/**
 * gk_grip_topic_suggestion:
 *
 * The level to suggest for a topic on @today, from the signals of its
 * indicators per period of the review @cycle (see
 * gk_grip_topic_signal_series() and gk_grip_suggest_level()).
 *
 * Returns: the suggested level, or %GK_LEVEL_NONE for no suggestion.
 */
GkLevel
gk_grip_topic_suggestion (GkLevel                current,
                          const GkGripIndicator *indicators,
                          guint                  n_indicators,
                          GkReviewCycle          cycle,
                          const GDate           *today)
{
  GkLevel series[2];

  if (!gk_grip_topic_signal_series (indicators, n_indicators, gk_review_cycle_frequency (cycle),
                                    today, series, G_N_ELEMENTS (series)))
    return GK_LEVEL_NONE;

  return gk_grip_suggest_level (current, series, G_N_ELEMENTS (series));
}

/* ---- Headline ------------------------------------------------------------- */

static int
compare_levels_best_first (const void *a,
                           const void *b)
{
  return (int) *(const GkLevel *) b - (int) *(const GkLevel *) a;
}

/**
 * gk_grip_headline_level:
 * @topic_levels: (array length=n_topics): the current level of each topic
 *
 * The programme's headline grip level. Topics that are not assessed
 * (%GK_LEVEL_NONE) are ignored by both rules:
 * - %GK_HEADLINE_RULE_WORST: the most serious level;
 * - %GK_HEADLINE_RULE_MEDIAN: the best level that at least half of the
 *   topics reach. With the m levels sorted best first, that is the element
 *   at index ceil(m / 2) - 1: with In control, Vigilant, Serious it is
 *   Vigilant; with In control, In control, Serious, Serious it is In
 *   control (exactly half reach it).
 *
 * Returns: the headline level; %GK_LEVEL_NONE when no topic is assessed.
 */
GkLevel
gk_grip_headline_level (GkHeadlineRule  rule,
                        const GkLevel  *topic_levels,
                        guint           n_topics)
{
  g_autofree GkLevel *assessed = NULL;
  guint n_assessed = 0;

  g_return_val_if_fail (topic_levels != NULL || n_topics == 0, GK_LEVEL_NONE);

  assessed = g_new (GkLevel, MAX (n_topics, 1));
  for (guint i = 0; i < n_topics; i++)
    if (topic_levels[i] != GK_LEVEL_NONE)
      assessed[n_assessed++] = topic_levels[i];

  if (n_assessed == 0)
    return GK_LEVEL_NONE;

  qsort (assessed, n_assessed, sizeof (GkLevel), compare_levels_best_first);

  if (rule == GK_HEADLINE_RULE_MEDIAN)
    return assessed[(n_assessed + 1) / 2 - 1];

  return assessed[n_assessed - 1];
}

/**
 * gk_grip_trend:
 *
 * Returns: how the level moved from @previous to @current;
 * %GK_GRIP_TREND_UNKNOWN when either is %GK_LEVEL_NONE.
 */
GkGripTrend
gk_grip_trend (GkLevel previous,
               GkLevel current)
{
  if (previous == GK_LEVEL_NONE || current == GK_LEVEL_NONE)
    return GK_GRIP_TREND_UNKNOWN;
  if (current > previous)
    return GK_GRIP_TREND_BETTER;
  if (current < previous)
    return GK_GRIP_TREND_WORSE;
  return GK_GRIP_TREND_SAME;
}

const char *
gk_grip_trend_label (GkGripTrend trend)
{
  switch (trend)
    {
    case GK_GRIP_TREND_WORSE:
      return _("Worse than the previous period");
    case GK_GRIP_TREND_SAME:
      return _("Same as the previous period");
    case GK_GRIP_TREND_BETTER:
      return _("Better than the previous period");
    case GK_GRIP_TREND_UNKNOWN:
    default:
      return _("No comparison with the previous period");
    }
}

/* ---- Progress ------------------------------------------------------------- */

/**
 * gk_grip_progress:
 * @out_fraction: (out): the progress, 0.0 to 1.0
 *
 * (current - baseline) / (target - baseline), clamped to 0..1: moving away
 * from the target counts as 0, passing it as 1. When target equals
 * baseline there is no way to go: the progress is 1 when @current reaches
 * the target in @direction, 0 otherwise.
 *
 * Returns: %FALSE (and 0) when a value is not a number.
 */
gboolean
gk_grip_progress (GkDirection  direction,
                  double       baseline,
                  double       target,
                  double       current,
                  double      *out_fraction)
{
  double fraction;

  g_return_val_if_fail (out_fraction != NULL, FALSE);

  *out_fraction = 0.0;
  if (!isfinite (baseline) || !isfinite (target) || !isfinite (current))
    return FALSE;

  if (target == baseline)
    fraction = reaches (direction, current, target) ? 1.0 : 0.0;
  else
    fraction = (current - baseline) / (target - baseline);

  *out_fraction = CLAMP (fraction, 0.0, 1.0);
  return TRUE;
}

/**
 * gk_grip_indicator_progress:
 *
 * The progress of the latest measurement from baseline to target.
 *
 * Returns: %FALSE (and 0) without a baseline, a target or a measurement.
 */
gboolean
gk_grip_indicator_progress (const GkGripIndicator *indicator,
                            double                *out_fraction)
{
  const GkGripMeasurement *latest;

  g_return_val_if_fail (indicator != NULL, FALSE);
  g_return_val_if_fail (out_fraction != NULL, FALSE);

  *out_fraction = 0.0;
  latest = gk_grip_indicator_latest (indicator, NULL);
  if (!indicator->has_baseline || !indicator->has_target || latest == NULL)
    return FALSE;

  return gk_grip_progress (indicator->direction, indicator->baseline_value,
                           indicator->target_value, latest->value, out_fraction);
}

/* ---- Forecast ------------------------------------------------------------- */

static int
compare_measurements_by_date (const void *a,
                              const void *b)
{
  return g_date_compare (&((const GkGripMeasurement *) a)->period_date,
                         &((const GkGripMeasurement *) b)->period_date);
}

static gboolean
measurements_are_in_order (const GkGripMeasurement *points,
                           guint                    n_points)
{
  for (guint i = 1; i < n_points; i++)
    if (compare_measurements_by_date (&points[i - 1], &points[i]) > 0)
      return FALSE;
  return TRUE;
}

/* Least squares over @points (sorted by date), x in days since the first. */
static gboolean
fit_trend (const GkGripMeasurement *points,
           guint                    n_points,
           GkForecast              *forecast)
{
  double origin = g_date_get_julian (&points[0].period_date);
  double mean_x = 0, mean_y = 0, sxx = 0, sxy = 0;

  for (guint i = 0; i < n_points; i++)
    {
      mean_x += g_date_get_julian (&points[i].period_date) - origin;
      mean_y += points[i].value;
    }
  mean_x /= n_points;
  mean_y /= n_points;

  for (guint i = 0; i < n_points; i++)
    {
      double dx = g_date_get_julian (&points[i].period_date) - origin - mean_x;

      sxx += dx * dx;
      sxy += dx * (points[i].value - mean_y);
    }

  if (sxx <= 0 || !isfinite (sxy))
    return FALSE;

  forecast->has_trend = TRUE;
  forecast->n_used = n_points;
  forecast->origin_date = points[0].period_date;
  forecast->slope_per_day = sxy / sxx;
  forecast->origin_value = mean_y - forecast->slope_per_day * mean_x;
  forecast->last_date = points[n_points - 1].period_date;
  return TRUE;
}

static gboolean
slope_goes_right_way (GkDirection direction,
                      double      slope)
{
  return direction == GK_DIRECTION_HIGHER_IS_BETTER ? slope > 0 : slope < 0;
}

/* Decides between ON_TIME, LATE and NEVER for a trend that has not reached
 * the target yet. */
static void
project_trend (const GkGripIndicator *indicator,
               GkForecast            *forecast)
{
  double origin = g_date_get_julian (&forecast->origin_date);
  double target_day = g_date_get_julian (&indicator->target_date) - origin;
  double last_day = g_date_get_julian (&forecast->last_date) - origin;
  double reached_day;

  if (!slope_goes_right_way (indicator->direction, forecast->slope_per_day))
    {
      forecast->outcome = GK_FORECAST_NEVER;
      return;
    }

  /* The latest measurement had not reached the target, so the trend line
   * cannot claim it was reached on or before that day. */
  reached_day = (indicator->target_value - forecast->origin_value) / forecast->slope_per_day;
  reached_day = MAX (ceil (reached_day - 1e-9), last_day + 1);

  if (!isfinite (reached_day) ||
      reached_day > MAX (target_day, last_day) + GK_GRIP_FORECAST_HORIZON_DAYS)
    {
      forecast->outcome = GK_FORECAST_NEVER;
      return;
    }

  forecast->reached_date = gk_period_add_days (&forecast->origin_date, (int) reached_day);
  if (!gk_period_date_is_set (&forecast->reached_date))
    {
      forecast->outcome = GK_FORECAST_NEVER;
      return;
    }

  forecast->outcome = reached_day <= target_day ? GK_FORECAST_ON_TIME : GK_FORECAST_LATE;
}

/**
 * gk_grip_forecast:
 * @n_last: fit the trend on at most this many of the latest measurements;
 *   0 for %GK_GRIP_FORECAST_DEFAULT_POINTS, at least
 *   %GK_GRIP_FORECAST_MIN_POINTS are used
 * @out_forecast: (out caller-allocates): the result
 *
 * Fits a least-squares line through the latest measurements (x = days) and
 * extrapolates it to the target. The outcome, in order of precedence:
 * - NO_TARGET without a target value or target date;
 * - NOT_ENOUGH_DATA without measurements;
 * - ALREADY_REACHED when the latest measurement reaches the target value
 *   (in the indicator's direction), however many measurements there are;
 * - NOT_ENOUGH_DATA with fewer than three measurements;
 * - NEVER when the trend is flat, goes the wrong way, or needs more than a
 *   hundred years past the target date;
 * - ON_TIME when the trend reaches the target on or before the target
 *   date, otherwise LATE; both give the projected day in reached_date.
 *
 * The trend line itself is filled in whenever there are three measurements,
 * whatever the outcome, so that a chart can draw it.
 */
void
gk_grip_forecast (const GkGripIndicator *indicator,
                  guint                  n_last,
                  GkForecast            *out_forecast)
{
  g_autofree GkGripMeasurement *points = NULL;
  guint n_points = 0;
  guint first;

  g_return_if_fail (indicator != NULL);
  g_return_if_fail (out_forecast != NULL);

  memset (out_forecast, 0, sizeof *out_forecast);
  out_forecast->origin_date = gk_period_date_unset ();
  out_forecast->last_date = gk_period_date_unset ();
  out_forecast->reached_date = gk_period_date_unset ();
  out_forecast->value_at_target_date = NAN;

  if (n_last == 0)
    n_last = GK_GRIP_FORECAST_DEFAULT_POINTS;
  n_last = MAX (n_last, GK_GRIP_FORECAST_MIN_POINTS);

  points = g_new (GkGripMeasurement, MAX (indicator->n_measurements, 1));
  for (guint i = 0; i < indicator->n_measurements; i++)
    if (gk_period_date_is_set (&indicator->measurements[i].period_date) &&
        isfinite (indicator->measurements[i].value))
      points[n_points++] = indicator->measurements[i];
  /* The document keeps an indicator's figures in period order: sorting
   * them again was a quarter of renewing the analysis after an edit. */
  if (!measurements_are_in_order (points, n_points))
    qsort (points, n_points, sizeof (GkGripMeasurement), compare_measurements_by_date);

  first = n_points > n_last ? n_points - n_last : 0;
  if (n_points - first >= GK_GRIP_FORECAST_MIN_POINTS)
    fit_trend (points + first, n_points - first, out_forecast);

  if (!indicator->has_target || !isfinite (indicator->target_value) ||
      !gk_period_date_is_set (&indicator->target_date))
    {
      out_forecast->outcome = GK_FORECAST_NO_TARGET;
      return;
    }

  if (out_forecast->has_trend)
    out_forecast->value_at_target_date = gk_forecast_value_at (out_forecast, &indicator->target_date);

  if (n_points == 0)
    out_forecast->outcome = GK_FORECAST_NOT_ENOUGH_DATA;
  else if (reaches (indicator->direction, points[n_points - 1].value, indicator->target_value))
    out_forecast->outcome = GK_FORECAST_ALREADY_REACHED;
  else if (!out_forecast->has_trend)
    out_forecast->outcome = GK_FORECAST_NOT_ENOUGH_DATA;
  else
    project_trend (indicator, out_forecast);
}

/**
 * gk_forecast_value_at:
 *
 * Returns: the trend value on @date, or NAN without a trend or a date.
 */
double
gk_forecast_value_at (const GkForecast *forecast,
                      const GDate      *date)
{
  g_return_val_if_fail (forecast != NULL, NAN);

  if (!forecast->has_trend || !gk_period_date_is_set (date))
    return NAN;

  return forecast->origin_value + forecast->slope_per_day *
         ((double) g_date_get_julian (date) - (double) g_date_get_julian (&forecast->origin_date));
}

const char *
gk_forecast_outcome_label (GkForecastOutcome outcome)
{
  switch (outcome)
    {
    case GK_FORECAST_NO_TARGET:
      return _("No target set");
    case GK_FORECAST_NOT_ENOUGH_DATA:
      return _("Not enough measurements for a forecast");
    case GK_FORECAST_ALREADY_REACHED:
      return _("Target reached");
    case GK_FORECAST_ON_TIME:
      return _("On course to reach the target in time");
    case GK_FORECAST_LATE:
      return _("On course to reach the target late");
    case GK_FORECAST_NEVER:
      return _("Not on course to reach the target");
    default:
      g_return_val_if_reached ("");
    }
}
