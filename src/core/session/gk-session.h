/* gk-session.h: the open programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GkSession owns what one window (or one run of the command line) has
 * open: the project file, the document on it, the analysis the grip engine
 * makes of it, and the clock the analysis is judged on. The analysis is
 * renewed after every change of the document (once for a burst of edits,
 * before the next frame) and when the clock's day changes; readers follow
 * notify::analysis instead of being told by hand.
 *
 * Closing notifies document and analysis as NULL first, so that everything
 * bound to the session lets go of the document before its file closes.
 */
#pragma once

#include <gio/gio.h>

#include "gk-analysis.h"
#include "gk-clock.h"
#include "gk-document.h"
#include "gk-project-file.h"

G_BEGIN_DECLS

#define GK_TYPE_SESSION (gk_session_get_type ())

G_DECLARE_FINAL_TYPE (GkSession, gk_session, GK, SESSION, GObject)

/* A session with nothing open, on @clock (NULL: the default clock). */
GkSession     *gk_session_new               (GkClock        *clock);

GkClock       *gk_session_get_clock         (GkSession      *self);
/* Today on the session's clock. */
GDate          gk_session_get_today         (GkSession      *self);

/* What is open; all NULL while nothing is. */
GkProjectFile *gk_session_get_project_file  (GkSession      *self);
GkDocument    *gk_session_get_document      (GkSession      *self);
GkAnalysis    *gk_session_get_analysis      (GkSession      *self);
gboolean       gk_session_is_open           (GkSession      *self);

/* Opens @file (see gk_project_file_open()) and loads its document; what
 * was open before is closed once the new programme loaded. On failure
 * nothing changes. */
gboolean       gk_session_open              (GkSession      *self,
                                             GFile          *file,
                                             GError        **error);
/* Loads the document of @project, opened already (a new programme, a file
 * opened in the background), and takes it over: the session closes it. On
 * failure @project is closed and nothing else changes. */
gboolean       gk_session_open_project_file (GkSession      *self,
                                             GkProjectFile  *project,
                                             GError        **error);
/* Releases document and analysis (notifying them as NULL, so that their
 * followers let go too), emits GkSession::closed and closes the project
 * file. Nothing to do when
 * nothing is open. */
void           gk_session_close             (GkSession      *self);

/* Renews the analysis now rather than before the next frame. */
void           gk_session_update_analysis   (GkSession      *self);

/* --- saving in the background (gk-session-files.c) -------------------------
 * The project file publishes in a worker thread (gk_project_file_save_async()):
 * the window keeps drawing, a save asked for while another runs waits for
 * it, and closing the session lets the file close after the last save.
 * When a save lands and nothing was edited since it began, the document
 * is clean again; edits made meanwhile keep it dirty. The result says
 * what really happened (a save that landed as it was cancelled is a save). */
void           gk_session_save_async        (GkSession            *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       gk_session_save_finish       (GkSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);
/* Save As to @file, which becomes the programme's file once saved. */
void           gk_session_save_as_async     (GkSession            *self,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       gk_session_save_as_finish    (GkSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Brings the others' published changes into the open programme without
 * publishing (gk_project_file_bring_in_async()); the document reloads the
 * rows that changed, in place. With nothing unpublished before, the
 * document is clean afterwards: what it shows is the shared file. */
void           gk_session_bring_in_async    (GkSession            *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       gk_session_bring_in_finish   (GkSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);
/* Brings back the edits set aside after a crash
 * (gk_project_file_bring_back_async()): unsaved edits of the document. */
void           gk_session_bring_back_async  (GkSession            *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       gk_session_bring_back_finish (GkSession            *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Brings in the changes of a sync client's conflict copy of the file
 * (gk_project_file_bring_in_copy_async()): unsaved edits of the document. */
void           gk_session_bring_in_copy_async  (GkSession            *self,
                                                GFile                *copy,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean       gk_session_bring_in_copy_finish (GkSession            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
