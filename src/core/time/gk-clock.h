/* gk-clock.h: what day it is, the one place that reads the time
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every "today" and "now" in Gripkaart comes from a GkClock: the grip
 * levels are judged on its today, the change log is stamped with its now.
 * A clock either follows the real time, or is fixed to a date (the tests,
 * `--today=YYYY-MM-DD`, a demo shown as on a given day). When its date
 * changes it emits GkClock::day-changed and notify::today: at local
 * midnight for a clock on the real time (an open window moves on to the
 * next day), and when a fixed clock is set to another date.
 *
 * The default clock is the one the program runs on: the window's session
 * and the command line use it unless given another, and so does code that
 * has no session (naming a recovered working copy). Its today and now may
 * be read from any thread; its signals are emitted in the main context.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_TYPE_CLOCK (gk_clock_get_type ())

G_DECLARE_FINAL_TYPE (GkClock, gk_clock, GK, CLOCK, GObject)

/* A clock on the real time. */
GkClock   *gk_clock_new                (void);
/* A clock fixed to @today. */
GkClock   *gk_clock_new_fixed          (const GDate *today);
/* The program's clock (transfer none): on the real time unless fixed. */
GkClock   *gk_clock_get_default        (void);

/* The date of today, local time. */
GDate      gk_clock_get_today          (GkClock     *self);
/* Now, in the local time zone. On a fixed clock: the current time of day
 * on the fixed date, so that now falls on today. */
GDateTime *gk_clock_dup_now            (GkClock     *self);

/* Whether the clock is fixed to a date (the "fixed" property). */
gboolean   gk_clock_get_fixed          (GkClock     *self);
/* Fixes the clock to @today; emits day-changed if that is another date. */
void       gk_clock_set_fixed_date     (GkClock     *self,
                                        const GDate *today);
/* Puts the clock back on the real time. */
void       gk_clock_follow_real_time   (GkClock     *self);

/* The machine's real time in microseconds since 1970, never fixed: for the
 * stamps that other processes and other machines compare with their own
 * (lock notes, presence, the age of leftover files), where a date set by
 * --today or a test would make a live colleague look long gone. */
gint64     gk_clock_get_system_time_us (void);

G_END_DECLS
