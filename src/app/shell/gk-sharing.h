/* gk-sharing.h: keeping one window's programme and the team's file together
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's part of team sharing (docs/sharing.md): every save goes
 * through here, so that the header can say where the user's changes are
 * ("Saved", "Sharing…", "Not shared yet: …"); with the preference "Share my
 * changes automatically" a save follows a few seconds after the last edit;
 * a save that clashes with a colleague's changes leads to the conflict
 * dialog (at once after Save, from the header after an automatic save);
 * a save that merged says so in a toast.
 */
#pragma once

#include <gio/gio.h>

#include "gk-window.h"

G_BEGIN_DECLS

/* How long after the last edit an automatic share starts: long enough not
 * to publish in the middle of typing a sentence, short enough for the
 * team's copies to stay close. */
#define GK_SHARING_AUTO_DELAY_MS 3000

#define GK_TYPE_SHARING (gk_sharing_get_type ())

G_DECLARE_FINAL_TYPE (GkSharing, gk_sharing, GK, SHARING, GObject)

/* For @window (not referenced: the window owns the sharing and calls
 * gk_sharing_shutdown() in its dispose), following its session. */
GkSharing  *gk_sharing_new               (GkWindow            *window,
                                          GSettings           *settings);
void        gk_sharing_shutdown          (GkSharing           *self);

/* Saves the programme (gk_session_save_async()), and keeps the outcome for
 * the status. */
void        gk_sharing_save_async        (GkSharing           *self,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    gk_sharing_save_finish       (GkSharing           *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* After a save that failed with GK_PROJECT_ERROR_CONFLICT: shows the
 * conflict dialog, whose confirm button does the same thing again. */
void        gk_sharing_choose            (GkSharing           *self);

/* Brings the others' published changes in now (the toast's button). */
void        gk_sharing_bring_in          (GkSharing           *self);
/* Looks whether the shared file changed, and brings the changes in (or
 * offers to) if it did; also done every 30 s, on a file monitor's event
 * and when the window gets focus. */
void        gk_sharing_poll              (GkSharing           *self);

/* The "recovered" property: opening set aside edits that an earlier run
 * never saved (gk_project_file_get_recovered_path()). bring_back() merges
 * them back into the programme, as unsaved edits. */
gboolean    gk_sharing_get_recovered     (GkSharing           *self);
const char *gk_sharing_get_recovered_path (GkSharing          *self);
void        gk_sharing_bring_back        (GkSharing           *self);
/* When a programme opens, the conflict copies a sync client left beside
 * its file (gk_conflict_copies_find()) are offered one at a time in a
 * toast; bring_in_copy() merges the one offered into the programme, as
 * unsaved edits, and moves it aside (".gripkaart-merged"). */
void        gk_sharing_bring_in_copy     (GkSharing           *self);

/* Removes the set-aside edits (the user chose Discard, and confirmed). */
gboolean    gk_sharing_discard_recovered (GkSharing           *self,
                                          GError             **error);

/* Keeps @label showing the status (its detail as the tooltip), and @choose
 * visible while conflicts wait; @choose opens the conflict dialog. */
void        gk_sharing_show_in           (GkSharing           *self,
                                          GtkLabel            *label,
                                          GtkButton           *choose);

/* The "status" property: "Saved", "Sharing…", "Not shared yet: …"; NULL
 * when there is nothing to say (no programme, untitled, read-only).
 * "status-detail" says more (a tooltip), "needs-choice" is TRUE while
 * conflicts wait for the user. */
const char *gk_sharing_get_status        (GkSharing           *self);
const char *gk_sharing_get_status_detail (GkSharing           *self);
gboolean    gk_sharing_get_needs_choice  (GkSharing           *self);

G_END_DECLS
