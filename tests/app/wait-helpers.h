/* wait-helpers.h: waiting for a condition in the app tests, never for a time
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK does much of its work later: in idles, in the next frame, when the X
 * server answers, when a search entry's typing delay ends. A test that
 * sleeps a fixed time for that passes on an idle machine and fails on a
 * loaded one or under a sanitizer; these helpers run the main loop until
 * what the test needs holds, and fail the test (naming the condition) only
 * after a time no working test comes near.
 */
#pragma once

#include <gtk/gtk.h>

/* How long wait_until() waits before it fails the test. Not a measure of
 * speed: only there so that a broken test fails instead of hanging, and
 * generous for a loaded machine or a sanitizer build. */
#define WAIT_TIMEOUT_SECONDS 60

static inline gboolean
wait_wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* One step of wait_until(): FALSE (after failing the test) when the time is
 * up, else TRUE after the main context dispatched something. */
static inline gboolean
wait_iterate (gint64      deadline,
              const char *condition,
              const char *file,
              int         line,
              const char *func)
{
  guint wake;

  if (g_get_monotonic_time () > deadline)
    {
      g_autofree char *message = g_strdup_printf ("still not true after %d s: %s", WAIT_TIMEOUT_SECONDS, condition);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      return FALSE;
    }
  /* Sleep until something happens (an event, an idle, a timeout, a frame),
   * but look again within 10 ms: not everything a condition reads comes
   * with an event of its own. */
  wake = g_timeout_add (10, wait_wake_up, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return TRUE;
}

/* Runs the main loop until @condition (any expression) holds: a layout, a
 * list GTK builds lazily, a search entry's delay, an idle, the X server. A
 * test waits for what it needs, never for a fixed time. */
#define wait_until(condition) \
  G_STMT_START { \
    gint64 wait_deadline_ = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_USEC_PER_SEC; \
    while (!(condition)) \
      if (!wait_iterate (wait_deadline_, #condition, __FILE__, __LINE__, G_STRFUNC)) \
        break; \
  } G_STMT_END

static inline void
wait_painted_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  *(gboolean *) data = TRUE;
}

/* Waits until @widget is on screen and its window has painted a frame that
 * redrew it: its allocation, and whatever its snapshot records, are then
 * those of now. */
static inline void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = NULL;
  gboolean painted = FALSE;
  gulong handler;

  wait_until (gtk_widget_get_mapped (widget) && (clock = gtk_widget_get_frame_clock (widget)) != NULL);
  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (wait_painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (painted);
  g_signal_handler_disconnect (clock, handler);
}
