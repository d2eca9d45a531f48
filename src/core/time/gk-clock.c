/* gk-clock.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-clock-private.h"

/* GLib's timeouts run on the monotonic clock, which stands still while the
 * machine sleeps: a laptop closed before midnight and opened after it would
 * otherwise wait out the whole remaining delay. So the clock looks again at
 * least this often. */
#define MAX_WAIT_SECONDS (15 * 60)

struct _GkClock
{
  GObject          parent_instance;

  /* Read from any thread (a file opened in the background names its
   * recovered copy by the time): the lock guards fixed and fixed_date. */
  GMutex           lock;
  gboolean         fixed;
  GDate            fixed_date;

  GkClockTimeFunc  time_func;   /* NULL: the system's clock */
  gpointer         time_data;

  /* Main context only. */
  GMainContext    *context;
  GSource         *timeout;
  GDate            announced;   /* the date of the last day-changed */
};

G_DEFINE_FINAL_TYPE (GkClock, gk_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TODAY,
  PROP_FIXED,
  N_PROPS
};

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The only reads of the wall clock in Gripkaart: this one and
 * gk_clock_get_system_time_us(). */
static GDateTime *
real_now (GkClock *self)
{
  if (self->time_func != NULL)
    return self->time_func (self->time_data);
  return g_date_time_new_now_local ();
}

gint64
gk_clock_get_system_time_us (void)
{
  return g_get_real_time ();
}

static GDate
date_of (GDateTime *time)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (time),
                  g_date_time_get_month (time),
                  g_date_time_get_year (time));
  return date;
}

guint
gk_clock_seconds_to_midnight (GDateTime *now)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GTimeSpan span;

  g_return_val_if_fail (now != NULL, 1);

  /* Midnight is found in the local calendar, so that a day of 23 or 25
   * hours (daylight saving time) ends when it does. */
  midnight = g_date_time_new (g_date_time_get_timezone (now),
                              g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now),
                              0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  span = g_date_time_difference (tomorrow, now);
  /* Rounded up: waking a moment early would only look again. */
  return (guint) MAX (1, (span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
}

static gboolean timeout_cb (gpointer data);

static void
disarm (GkClock *self)
{
  if (self->timeout != NULL)
    {
      g_source_destroy (self->timeout);
      g_clear_pointer (&self->timeout, g_source_unref);
    }
}

static void
arm (GkClock *self)
{
  g_autoptr(GDateTime) now = real_now (self);
  guint seconds = MIN (gk_clock_seconds_to_midnight (now), MAX_WAIT_SECONDS);

  disarm (self);
  self->timeout = g_timeout_source_new_seconds (seconds);
  g_source_set_static_name (self->timeout, "[gripkaart] midnight");
  g_source_set_callback (self->timeout, timeout_cb, self, NULL);
  g_source_attach (self->timeout, self->context);
}

/* Emits the change of date, if there was one since the last. */
static void
announce (GkClock *self)
{
  GDate today = gk_clock_get_today (self);

  if (g_date_valid (&self->announced) && g_date_compare (&today, &self->announced) == 0)
    return;
  self->announced = today;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  g_signal_emit (self, signals[DAY_CHANGED], 0);
}

void
gk_clock_check_day (GkClock *self)
{
  g_return_if_fail (GK_IS_CLOCK (self));

  g_object_ref (self);
  announce (self);
  if (gk_clock_get_fixed (self))
    disarm (self);
  else
    arm (self);
  g_object_unref (self);
}

static gboolean
timeout_cb (gpointer data)
{
  GkClock *self = data;

  /* arm() below replaces this source. */
  g_clear_pointer (&self->timeout, g_source_unref);
  gk_clock_check_day (self);
  return G_SOURCE_REMOVE;
}

static void
gk_clock_finalize (GObject *object)
{
  GkClock *self = GK_CLOCK (object);

  disarm (self);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (gk_clock_parent_class)->finalize (object);
}

static void
gk_clock_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GkClock *self = GK_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TODAY:
      {
        GDate today = gk_clock_get_today (self);

        g_value_set_boxed (value, &today);
      }
      break;
    case PROP_FIXED:
      g_value_set_boolean (value, gk_clock_get_fixed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_clock_class_init (GkClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_clock_finalize;
  object_class->get_property = gk_clock_get_property;

  /**
   * GkClock:today:
   *
   * The date of today (a #GDate), notified when the day changes.
   */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIXED] =
    g_param_spec_boolean ("fixed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkClock::day-changed:
   *
   * Emitted (in the main context) when today became another date.
   */
  signals[DAY_CHANGED] =
    g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_clock_init (GkClock *self)
{
  g_mutex_init (&self->lock);
  g_date_clear (&self->fixed_date, 1);
  g_date_clear (&self->announced, 1);
}

static GkClock *
clock_new (GMainContext    *context,
           GkClockTimeFunc  time_func,
           gpointer         time_data)
{
  GkClock *self = g_object_new (GK_TYPE_CLOCK, NULL);

  self->context = context;
  self->time_func = time_func;
  self->time_data = time_data;
  self->announced = gk_clock_get_today (self);
  arm (self);
  return self;
}

GkClock *
gk_clock_new (void)
{
  return clock_new (g_main_context_ref_thread_default (), NULL, NULL);
}

GkClock *
gk_clock_new_fixed (const GDate *today)
{
  GkClock *self;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (GK_TYPE_CLOCK, NULL);
  self->context = g_main_context_ref_thread_default ();
  self->fixed = TRUE;
  self->fixed_date = *today;
  self->announced = *today;
  return self;
}

GkClock *
gk_clock_new_with_time_func (GkClockTimeFunc time_func,
                             gpointer        user_data)
{
  g_return_val_if_fail (time_func != NULL, NULL);

  return clock_new (g_main_context_ref_thread_default (), time_func, user_data);
}

GkClock *
gk_clock_get_default (void)
{
  static GkClock *default_clock;

  if (g_once_init_enter (&default_clock))
    /* The first caller may be a worker thread: midnight is still
     * announced in the main context. */
    g_once_init_leave (&default_clock, clock_new (g_main_context_ref (g_main_context_default ()), NULL, NULL));
  return default_clock;
}

GDate
gk_clock_get_today (GkClock *self)
{
  g_autoptr(GDateTime) now = NULL;
  gboolean fixed;
  GDate today;

  g_return_val_if_fail (GK_IS_CLOCK (self), (GDate) { 0 });

  g_mutex_lock (&self->lock);
  fixed = self->fixed;
  today = self->fixed_date;
  g_mutex_unlock (&self->lock);
  if (fixed)
    return today;

  now = real_now (self);
  return date_of (now);
}

GDateTime *
gk_clock_dup_now (GkClock *self)
{
  g_autoptr(GDateTime) now = NULL;
  gboolean fixed;
  GDate date;

  g_return_val_if_fail (GK_IS_CLOCK (self), NULL);

  g_mutex_lock (&self->lock);
  fixed = self->fixed;
  date = self->fixed_date;
  g_mutex_unlock (&self->lock);

  now = real_now (self);
  if (!fixed)
    return g_steal_pointer (&now);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                g_date_time_get_hour (now), g_date_time_get_minute (now),
                                g_date_time_get_seconds (now));
}

gboolean
gk_clock_get_fixed (GkClock *self)
{
  gboolean fixed;

  g_return_val_if_fail (GK_IS_CLOCK (self), FALSE);

  g_mutex_lock (&self->lock);
  fixed = self->fixed;
  g_mutex_unlock (&self->lock);
  return fixed;
}

static void
set_fixed (GkClock     *self,
           gboolean     fixed,
           const GDate *today)
{
  gboolean was_fixed;

  g_mutex_lock (&self->lock);
  was_fixed = self->fixed;
  self->fixed = fixed;
  if (today != NULL)
    self->fixed_date = *today;
  g_mutex_unlock (&self->lock);

  if (was_fixed != fixed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIXED]);
  gk_clock_check_day (self);
}

void
gk_clock_set_fixed_date (GkClock     *self,
                         const GDate *today)
{
  g_return_if_fail (GK_IS_CLOCK (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  set_fixed (self, TRUE, today);
}

void
gk_clock_follow_real_time (GkClock *self)
{
  g_return_if_fail (GK_IS_CLOCK (self));

  set_fixed (self, FALSE, NULL);
}
