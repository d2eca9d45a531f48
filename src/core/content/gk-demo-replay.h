/* gk-demo-replay.h: a demo's history, replayed through the document (src/core only)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo's rows are written in their final state, fast, by gk-demo.c. Its
 * history is then made the way a team makes one: the story's events (a
 * measure started, its progress reported, a project's health turned, a
 * figure entered, an assessment recorded) are replayed in order through the
 * document API, each by its person with the clock set to its moment, so
 * that the change log, the stamps and every rule of the model are what real
 * use would leave. The moments are fixed, so the same reference date gives
 * the same file every time.
 */
#pragma once

#include <sqlite3.h>

#include "gk-document.h"

G_BEGIN_DECLS

typedef struct _GkDemoReplay GkDemoReplay;

/* Changes @copy (a copy of the row as it is at the event) to what the event
 * makes of it; @data is the event's own copy of what was passed. */
typedef void (*GkDemoChange) (GkRecord      *copy,
                              gconstpointer  data);

/* Loads the document of @db (borrowed; inside the demo's savepoint). */
GkDemoReplay *gk_demo_replay_new        (sqlite3        *db,
                                         GError        **error);
void          gk_demo_replay_free       (GkDemoReplay   *self);

/* The document, to look rows up while the story is told (transfer none). */
GkDocument   *gk_demo_replay_get_document (GkDemoReplay *self);

/* The row @id of @type leaves the file before the replay and comes back
 * at @when (UTC), entered by @who. */
void          gk_demo_replay_insert_at  (GkDemoReplay   *self,
                                         GType           type,
                                         gint64          id,
                                         GDateTime      *when,
                                         const char     *who);
/* At @when (UTC) @who changes the row @id of @type by @change; @size bytes
 * of @data are copied. */
void          gk_demo_replay_change_at  (GkDemoReplay   *self,
                                         GType           type,
                                         gint64          id,
                                         GDateTime      *when,
                                         const char     *who,
                                         GkDemoChange    change,
                                         gconstpointer   data,
                                         gsize           size);

/* Replays every event in the order of its moment (and, at one moment, in
 * the order given), then numbers the change log's rows in that order. */
gboolean      gk_demo_replay_run        (GkDemoReplay   *self,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDemoReplay, gk_demo_replay_free)

G_END_DECLS
