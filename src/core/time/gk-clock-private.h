/* gk-clock-private.h: a clock on a time of the tests' choosing
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests must not depend on the calendar: they give a "real time" clock
 * their own source of the time and run its midnight check themselves.
 */
#pragma once

#include "gk-clock.h"

G_BEGIN_DECLS

/* Returns the current local time (transfer full). */
typedef GDateTime *(*GkClockTimeFunc) (gpointer user_data);

/* A clock on the real time that reads the time from @time_func. */
GkClock *gk_clock_new_with_time_func  (GkClockTimeFunc  time_func,
                                       gpointer         user_data);
/* What the midnight timeout does: emits day-changed when the date is no
 * longer the one last announced, then re-arms the timeout. */
void     gk_clock_check_day           (GkClock         *self);
/* Seconds from @now until the next local midnight (at least 1). */
guint    gk_clock_seconds_to_midnight (GDateTime       *now);

G_END_DECLS
