/* gk-period-state.h: measures and projects as they stood at the end of a day
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report about a past period must show that period, not today: each
 * measure's status, progress and done date and each project's status and
 * health as they were when the period ended. Dated records (assessments,
 * figures, journal entries) carry their own dates; these fields do not, so
 * they are rolled back through the values of the change log (gk-history.h).
 *
 * A file whose history does not reach back to the day (an older file,
 * whose log has no values from before it was migrated) cannot say: then
 * the state holds today's values and gk_period_state_is_known() is FALSE,
 * so that the report says so instead of pretending.
 */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

typedef struct {
  gboolean        existed;     /* FALSE: added after the day */
  GkMeasureStatus status;
  int             progress;    /* 0..100 as entered (done counts as 100 elsewhere) */
  GDate           done;        /* unset when none */
} GkMeasureThen;

typedef struct {
  gboolean         existed;
  GkProjectStatus  status;
  GkHealth         health;
  const char      *health_reason;   /* owned by the state */
} GkProjectThen;

#define GK_TYPE_PERIOD_STATE (gk_period_state_get_type ())

G_DECLARE_FINAL_TYPE (GkPeriodState, gk_period_state, GK, PERIOD_STATE, GObject)

/* The state at the end of @day; on or after @today, the document as it is. */
GkPeriodState       *gk_period_state_new          (GkDocument     *document,
                                                   const GDate    *day,
                                                   const GDate    *today);

const GDate         *gk_period_state_get_day      (GkPeriodState  *self);
/* TRUE when the values are those of the day: it is today (or later), or
 * the history reaches back to it. */
gboolean             gk_period_state_is_known     (GkPeriodState  *self);
/* TRUE when the values came from the history rather than the rows. */
gboolean             gk_period_state_is_rolled_back (GkPeriodState *self);

/* Never NULL: a record the document has; an unknown one reads as now. */
const GkMeasureThen *gk_period_state_get_measure  (GkPeriodState  *self,
                                                   GkMeasure      *measure);
const GkProjectThen *gk_period_state_get_project  (GkPeriodState  *self,
                                                   GkFocusProject *project);

G_END_DECLS
