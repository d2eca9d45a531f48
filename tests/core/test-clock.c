/* test-clock.c: today and now, fixed or on a time of the test's choosing
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-clock-private.h"

static GDate
dmy (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
assert_date (GDate date, int day, int month, int year)
{
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_day (&date), ==, day);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
}

static void
count_cb (GObject  *object,
          gpointer  data)
{
  (*(guint *) data)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_fixed (void)
{
  GDate day = dmy (31, 1, 2026);
  g_autoptr(GkClock) clock = gk_clock_new_fixed (&day);
  g_autoptr(GDateTime) now = gk_clock_dup_now (clock);
  GDate *property = NULL;
  guint days = 0, notified = 0;

  g_assert_true (gk_clock_get_fixed (clock));
  assert_date (gk_clock_get_today (clock), 31, 1, 2026);
  /* now falls on today */
  g_assert_cmpint (g_date_time_get_year (now), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (now), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 31);
  g_object_get (clock, "today", &property, NULL);
  assert_date (*property, 31, 1, 2026);
  g_date_free (property);

  g_signal_connect (clock, "day-changed", G_CALLBACK (count_cb), &days);
  g_signal_connect (clock, "notify::today", G_CALLBACK (count_notify_cb), &notified);

  /* the same day again: nothing changed */
  gk_clock_set_fixed_date (clock, &day);
  g_assert_cmpuint (days, ==, 0);
  g_assert_cmpuint (notified, ==, 0);

  /* another day */
  day = dmy (15, 6, 2027);
  gk_clock_set_fixed_date (clock, &day);
  g_assert_cmpuint (days, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  assert_date (gk_clock_get_today (clock), 15, 6, 2027);
}

typedef struct {
  GDateTime *time;
} FakeTime;

static GDateTime *
fake_time (gpointer data)
{
  FakeTime *fake = data;

  return g_date_time_ref (fake->time);
}

static void
set_fake_time (FakeTime *fake,
               int       year,
               int       month,
               int       day,
               int       hour,
               int       minute,
               int       second)
{
  g_clear_pointer (&fake->time, g_date_time_unref);
  fake->time = g_date_time_new_local (year, month, day, hour, minute, second);
}

/* A clock on the "real" time moves on at midnight, once. */
static void
test_midnight (void)
{
  FakeTime fake = { NULL };
  g_autoptr(GkClock) clock = NULL;
  guint days = 0;

  set_fake_time (&fake, 2026, 12, 31, 23, 59, 58);
  clock = gk_clock_new_with_time_func (fake_time, &fake);
  g_assert_false (gk_clock_get_fixed (clock));
  assert_date (gk_clock_get_today (clock), 31, 12, 2026);
  g_signal_connect (clock, "day-changed", G_CALLBACK (count_cb), &days);

  /* a look just before midnight changes nothing */
  gk_clock_check_day (clock);
  g_assert_cmpuint (days, ==, 0);

  set_fake_time (&fake, 2027, 1, 1, 0, 0, 1);
  /* today is right even before the timeout looked */
  assert_date (gk_clock_get_today (clock), 1, 1, 2027);
  gk_clock_check_day (clock);
  g_assert_cmpuint (days, ==, 1);
  gk_clock_check_day (clock);
  g_assert_cmpuint (days, ==, 1);

  /* fixing it to another day, and back to the real time */
  {
    GDate day = dmy (22, 11, 2026);

    gk_clock_set_fixed_date (clock, &day);
    g_assert_cmpuint (days, ==, 2);
    gk_clock_follow_real_time (clock);
    g_assert_false (gk_clock_get_fixed (clock));
    g_assert_cmpuint (days, ==, 3);
    assert_date (gk_clock_get_today (clock), 1, 1, 2027);
  }

  g_clear_object (&clock);
  g_date_time_unref (fake.time);
}

static void
test_seconds_to_midnight (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) amsterdam = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GDateTime) late = g_date_time_new (utc, 2026, 1, 31, 23, 59, 30);
  g_autoptr(GDateTime) midnight = g_date_time_new (utc, 2026, 1, 31, 0, 0, 0);
  g_autoptr(GDateTime) fraction = g_date_time_new (utc, 2026, 1, 31, 23, 59, 59.5);

  g_assert_cmpuint (gk_clock_seconds_to_midnight (late), ==, 30);
  g_assert_cmpuint (gk_clock_seconds_to_midnight (midnight), ==, 24 * 3600);
  /* never 0: the timeout would spin */
  g_assert_cmpuint (gk_clock_seconds_to_midnight (fraction), ==, 1);

  /* a day of 23 hours when the clocks go forward, and of 25 when back */
  if (amsterdam != NULL)
    {
      g_autoptr(GDateTime) spring = g_date_time_new (amsterdam, 2026, 3, 29, 0, 0, 0);
      g_autoptr(GDateTime) autumn = g_date_time_new (amsterdam, 2026, 10, 25, 0, 0, 0);

      g_assert_cmpuint (gk_clock_seconds_to_midnight (spring), ==, 23 * 3600);
      g_assert_cmpuint (gk_clock_seconds_to_midnight (autumn), ==, 25 * 3600);
    }
}

static gpointer
read_in_thread (gpointer data)
{
  GkClock *clock = data;
  GDateTime *now = gk_clock_dup_now (clock);
  GDate today = gk_clock_get_today (clock);

  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, g_date_get_day (&today));
  return now;
}

/* Files opened in the background read the default clock from a thread. */
static void
test_default_from_thread (void)
{
  GkClock *clock = gk_clock_get_default ();
  GThread *thread;
  GDateTime *now;

  g_assert_true (GK_IS_CLOCK (clock));
  g_assert_true (gk_clock_get_default () == clock);
  thread = g_thread_new ("clock", read_in_thread, clock);
  now = g_thread_join (thread);
  g_assert_nonnull (now);
  g_date_time_unref (now);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fixed", test_fixed);
  g_test_add_func ("/clock/midnight", test_midnight);
  g_test_add_func ("/clock/seconds-to-midnight", test_seconds_to_midnight);
  g_test_add_func ("/clock/default-from-thread", test_default_from_thread);

  return g_test_run ();
}
