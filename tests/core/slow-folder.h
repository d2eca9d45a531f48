/* slow-folder.h: a folder as slow as the test wants, through the storage
 * layer's step hook; shared by the core and the app tests
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker thread of an open or a save stops at a chosen step (before
 * writing, syncing or renaming, ...) until the test lets it go on: as a
 * network drive that takes as long as it likes, without a single sleep or
 * timing in the test. Waiting is always for a condition, on the main
 * context, with a generous timeout that fails the test instead of hanging.
 */
#pragma once

#include <string.h>

#include <gio/gio.h>

#include "gk-project-file-parts.h"

#define SLOW_FOLDER_TIMEOUT_S 60

typedef struct {
  GMutex         mutex;
  GCond          cond;
  gboolean       armed;       /* hold the next worker that reaches step */
  GkStorageStep  step;
  gboolean       held;        /* a worker waits at step */
  GThread       *main_thread; /* the one that must never wait here */
  guint          n_reached[GK_N_STORAGE_STEPS];
} SlowFolder;

static inline void
slow_folder_hook (GkStorageStep  step,
                  const char    *path,
                  gpointer       user_data)
{
  SlowFolder *slow = user_data;

  g_mutex_lock (&slow->mutex);
  slow->n_reached[step]++;
  if (slow->armed && step == slow->step)
    {
      /* Holding the main thread would freeze the window: the very thing
       * background work is for. Fail loudly instead of hanging. */
      if (g_thread_self () == slow->main_thread)
        g_error ("The slow step %d runs on the main thread", step);
      slow->armed = FALSE;
      slow->held = TRUE;
      g_main_context_wakeup (NULL);
      while (slow->held)
        g_cond_wait (&slow->cond, &slow->mutex);
    }
  g_mutex_unlock (&slow->mutex);
}

static inline void
slow_folder_install (SlowFolder *slow)
{
  memset (slow, 0, sizeof *slow);
  g_mutex_init (&slow->mutex);
  g_cond_init (&slow->cond);
  slow->main_thread = g_thread_self ();
  gk_storage_set_step_hook_for_testing (slow_folder_hook, slow);
}

static inline void
slow_folder_remove (SlowFolder *slow)
{
  gk_storage_set_step_hook_for_testing (NULL, NULL);
  g_mutex_clear (&slow->mutex);
  g_cond_clear (&slow->cond);
}

/* The next worker to reach step waits there until slow_folder_release(). */
static inline void
slow_folder_hold_at (SlowFolder    *slow,
                     GkStorageStep  step)
{
  g_mutex_lock (&slow->mutex);
  slow->step = step;
  slow->armed = TRUE;
  g_mutex_unlock (&slow->mutex);
}

static inline gboolean
slow_folder_is_holding (SlowFolder *slow)
{
  gboolean held;

  g_mutex_lock (&slow->mutex);
  held = slow->held;
  g_mutex_unlock (&slow->mutex);
  return held;
}

static inline guint
slow_folder_count (SlowFolder    *slow,
                   GkStorageStep  step)
{
  guint n;

  g_mutex_lock (&slow->mutex);
  n = slow->n_reached[step];
  g_mutex_unlock (&slow->mutex);
  return n;
}

static inline void
slow_folder_release (SlowFolder *slow)
{
  g_mutex_lock (&slow->mutex);
  g_assert_true (slow->held);
  slow->held = FALSE;
  g_cond_broadcast (&slow->cond);
  g_mutex_unlock (&slow->mutex);
}

static inline gboolean
slow_folder_timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until condition (data) holds. */
static inline void
slow_folder_wait_for (gboolean (*condition) (gpointer data),
                      gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (SLOW_FOLDER_TIMEOUT_S, slow_folder_timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static inline gboolean
slow_folder_holding_cb (gpointer data)
{
  return slow_folder_is_holding (data);
}

/* Runs the main context until a worker waits at the step held. */
static inline void
slow_folder_wait_until_held (SlowFolder *slow)
{
  slow_folder_wait_for (slow_folder_holding_cb, slow);
}

/* The outcome of an async call, for its callback to fill in. */
typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
  GObject  *object;    /* open_finish's result */
  guint     order;     /* when it finished: 1, 2, ... */
} AsyncOutcome;

static guint async_outcomes_done;

static inline gboolean
async_outcome_done_cb (gpointer data)
{
  return ((AsyncOutcome *) data)->done;
}

static inline void
async_outcome_wait (AsyncOutcome *outcome)
{
  slow_folder_wait_for (async_outcome_done_cb, outcome);
}

static inline void
async_outcome_clear (AsyncOutcome *outcome)
{
  g_clear_error (&outcome->error);
  g_clear_object (&outcome->object);
  memset (outcome, 0, sizeof *outcome);
}

static inline void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  AsyncOutcome *outcome = data;

  g_assert_false (outcome->done);
  if (g_task_get_source_tag (G_TASK (result)) == gk_project_file_save_as_async)
    outcome->ok = gk_project_file_save_as_finish (GK_PROJECT_FILE (object), result, &outcome->error);
  else
    outcome->ok = gk_project_file_save_finish (GK_PROJECT_FILE (object), result, &outcome->error);
  outcome->order = ++async_outcomes_done;
  outcome->done = TRUE;
}

static inline void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  AsyncOutcome *outcome = data;

  g_assert_false (outcome->done);
  outcome->object = G_OBJECT (gk_project_file_open_finish (result, &outcome->error));
  outcome->ok = outcome->object != NULL;
  outcome->order = ++async_outcomes_done;
  outcome->done = TRUE;
}
