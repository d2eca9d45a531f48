/* gk-grip.h: the grip engine, pure functions on plain structs
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grip engine knows nothing of the project file. The model layer copies
 * what a rule needs into the small structs below and calls these functions;
 * they never keep a pointer after returning and never allocate on behalf of
 * the caller unless documented.
 *
 * Conventions:
 * - levels are GkLevel; GK_LEVEL_NONE means "no level" (not assessed, no
 *   signal) and is ignored wherever levels are combined;
 * - dates are GDate by value; "not set" is !g_date_valid() (see gk-period.h);
 * - an optional number comes with a has_... flag, so that a zero-filled
 *   struct means "nothing known".
 */
#pragma once

#include <glib.h>

#include "gk-enums.h"

G_BEGIN_DECLS

#define GK_GRIP_ERROR (gk_grip_error_quark ())

typedef enum {
  GK_GRIP_ERROR_NOT_A_NUMBER,      /* a signal value is NaN or infinite */
  GK_GRIP_ERROR_SIGNALS_ORDER,     /* the two signal values are out of order */
} GkGripError;

GQuark gk_grip_error_quark (void);

/* ---- Levels from signal values ------------------------------------------
 *
 * @signal_serious is the boundary between Serious and Vigilant,
 * @signal_control the boundary between Vigilant and In control.
 *
 * Boundary rule: a signal value is the first value of the better level, so
 * a value that reaches a signal value has that better level. For "lower is
 * better" with serious 100 and control 80: 80 is In control, 80.1 and 100
 * are Vigilant, 100.1 is Serious. For "higher is better" with serious 50
 * and control 70: 70 is In control, 50 and 69.9 are Vigilant, 49.9 Serious.
 *
 * Valid signals: for "lower is better" signal_serious >= signal_control,
 * for "higher is better" signal_serious <= signal_control (the same rule as
 * the CHECK of the indicator table). Equal values are allowed and leave no
 * room for Vigilant.
 */
gboolean gk_grip_signals_valid    (GkDirection   direction,
                                   double        signal_serious,
                                   double        signal_control,
                                   GError      **error);
GkLevel  gk_grip_indicator_level  (GkDirection   direction,
                                   double        signal_serious,
                                   double        signal_control,
                                   double        value);

/* The more serious of two levels; NONE only if both are NONE. */
GkLevel  gk_grip_most_serious     (GkLevel       a,
                                   GkLevel       b);

/* ---- Indicators ---------------------------------------------------------- */

typedef struct {
  GDate  period_date;   /* the period the value is about */
  double value;
} GkGripMeasurement;

typedef struct {
  GkDirection direction;
  GkFrequency frequency;

  gboolean has_signals;        /* both signal values are set */
  double   signal_serious;
  double   signal_control;

  gboolean has_baseline;
  double   baseline_value;
  GDate    baseline_date;      /* may be unset */

  gboolean has_target;
  double   target_value;
  GDate    target_date;        /* may be unset; the forecast needs it */

  /* In any order; at most one per period date (the file guarantees it). */
  const GkGripMeasurement *measurements;
  guint                    n_measurements;
} GkGripIndicator;

/* @on_or_before: NULL (or unset) for the very latest; otherwise only
 * measurements whose period date is on or before that day count. */
const GkGripMeasurement *gk_grip_indicator_latest (const GkGripIndicator *indicator,
                                                   const GDate           *on_or_before);
GkLevel  gk_grip_indicator_signal (const GkGripIndicator *indicator,
                                   const GDate           *on_or_before);
GkLevel  gk_grip_topic_signal     (const GkGripIndicator *indicators,
                                   guint                  n_indicators,
                                   const GDate           *on_or_before);

/* ---- Assessments --------------------------------------------------------- */

typedef struct {
  gint64  id;       /* breaks ties between assessments of the same day */
  GDate   date;
  GkLevel level;
} GkGripAssessment;

const GkGripAssessment *gk_grip_latest_assessment (const GkGripAssessment *assessments,
                                                   guint                   n_assessments,
                                                   const GDate            *on_or_before);
GkLevel  gk_grip_assessed_level   (const GkGripAssessment *assessments,
                                   guint                   n_assessments,
                                   const GDate            *on_or_before);
gboolean gk_grip_diverges         (GkLevel       signalled,
                                   GkLevel       assessed);

/* ---- Relaxing needs evidence --------------------------------------------- */

GkLevel  gk_grip_suggest_level    (GkLevel        current,
                                   const GkLevel *period_signals,
                                   guint          n_periods);
gboolean gk_grip_topic_signal_series (const GkGripIndicator *indicators,
                                      guint                  n_indicators,
                                      GkFrequency            period,
                                      const GDate           *today,
                                      GkLevel               *out_signals,
                                      guint                  n_periods);
GkLevel  gk_grip_topic_suggestion (GkLevel                current,
                                   const GkGripIndicator *indicators,
                                   guint                  n_indicators,
                                   GkReviewCycle          cycle,
                                   const GDate           *today);

/* ---- Headline ------------------------------------------------------------ */

typedef enum {
  GK_GRIP_TREND_UNKNOWN,   /* one of the two levels is NONE */
  GK_GRIP_TREND_WORSE,
  GK_GRIP_TREND_SAME,
  GK_GRIP_TREND_BETTER,
} GkGripTrend;

GkLevel     gk_grip_headline_level (GkHeadlineRule  rule,
                                    const GkLevel  *topic_levels,
                                    guint           n_topics);
GkGripTrend gk_grip_trend          (GkLevel         previous,
                                    GkLevel         current);
const char *gk_grip_trend_label    (GkGripTrend     trend);

/* ---- Progress ------------------------------------------------------------ */

gboolean gk_grip_progress           (GkDirection            direction,
                                     double                 baseline,
                                     double                 target,
                                     double                 current,
                                     double                *out_fraction);
gboolean gk_grip_indicator_progress (const GkGripIndicator *indicator,
                                     double                *out_fraction);

/* ---- Forecast ------------------------------------------------------------ */

#define GK_GRIP_FORECAST_DEFAULT_POINTS 6
#define GK_GRIP_FORECAST_MIN_POINTS     3
/* A trend that needs more than this many days beyond the target date (or
 * the latest measurement, when that is later) counts as never reaching it:
 * a hundred years. */
#define GK_GRIP_FORECAST_HORIZON_DAYS   36525

typedef enum {
  GK_FORECAST_NO_TARGET,         /* no target value or no target date */
  GK_FORECAST_NOT_ENOUGH_DATA,   /* fewer than three measurements */
  GK_FORECAST_ALREADY_REACHED,   /* the latest measurement reaches the target */
  GK_FORECAST_ON_TIME,
  GK_FORECAST_LATE,
  GK_FORECAST_NEVER,             /* the trend is flat or goes the wrong way */
} GkForecastOutcome;

typedef struct {
  GkForecastOutcome outcome;

  /* The trend line, set when has_trend (at least three measurements):
   * value(date) = origin_value + slope_per_day * (date - origin_date). */
  gboolean has_trend;
  guint    n_used;               /* measurements the trend is fitted on */
  GDate    origin_date;          /* the first measurement used */
  double   origin_value;         /* the trend value on origin_date */
  double   slope_per_day;
  GDate    last_date;            /* the latest measurement used */

  /* Set when has_trend and the indicator has a target date. */
  double   value_at_target_date;

  /* ON_TIME and LATE: the first day the trend reaches the target (never
   * before the day after the latest measurement); unset otherwise. */
  GDate    reached_date;
} GkForecast;

void        gk_grip_forecast               (const GkGripIndicator *indicator,
                                            guint                  n_last,
                                            GkForecast            *out_forecast);
double      gk_forecast_value_at           (const GkForecast      *forecast,
                                            const GDate           *date);
const char *gk_forecast_outcome_label      (GkForecastOutcome      outcome);

G_END_DECLS
