/* window-work.h: waiting for what a window does in the background
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening, saving and exporting run in worker threads; the window's work
 * indicator is busy until they are done. Tests wait for that condition
 * (wait-helpers.h), never for a fixed time.
 */
#pragma once

#include "gk-window.h"
#include "wait-helpers.h"

/* Runs the main context until @window has no work running. */
static inline void
wait_for_window_work (GkWindow *window)
{
  g_autoptr(GkWorkIndicator) indicator = g_object_ref (gk_window_get_work_indicator (window));

  wait_until (!gk_work_indicator_get_busy (indicator));
}

/* gk_window_open_file(), and wait until the file opened (or failed to). */
static inline void
open_file_and_wait (GkWindow *window,
                    GFile    *file)
{
  g_object_ref (window);
  gk_window_open_file (window, file);
  wait_for_window_work (window);
  g_object_unref (window);
}

/* gk_window_save_as_file(), and wait until the save landed (or failed). */
static inline void
save_as_and_wait (GkWindow *window,
                  GFile    *file)
{
  gk_window_save_as_file (window, file);
  wait_for_window_work (window);
}
