/* gk-conflict-copy.h: the copies that sync clients leave beside a file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When two people change a file in a synced folder at the same time, the
 * sync client keeps both: the other one lands beside the file under a name
 * of its own. For a file "plan.gripkaart" these are recognised:
 *
 *   OneDrive   plan-HOSTNAME.gripkaart   (only a Gripkaart file of the
 *                                          same programme: "plan-old" may
 *                                          be the user's own file)
 *   Dropbox    plan (Bram's conflicted copy 2026-12-03).gripkaart
 *              plan (Bram's conflicted copy 2026-12-03) (1).gripkaart
 *   Nextcloud  plan (conflicted copy 2026-12-03 101500).gripkaart
 *   Syncthing  plan.sync-conflict-20261203-101500-ABCDEFG.gripkaart
 *
 * The intended flow: gk_conflict_copies_find(), merge each copy into the
 * programme (the merge on save), then gk_conflict_copy_move_aside(), which
 * keeps the copy in a hidden folder beside the file: nothing is deleted.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  GK_SYNC_CLIENT_ONEDRIVE,
  GK_SYNC_CLIENT_DROPBOX,
  GK_SYNC_CLIENT_NEXTCLOUD,
  GK_SYNC_CLIENT_SYNCTHING,
} GkSyncClient;

/* The folder beside the file where merged copies are kept. */
#define GK_CONFLICT_COPY_ASIDE_FOLDER ".gripkaart-merged"

/* The client's own name (a brand: not translated). */
const char *gk_sync_client_name (GkSyncClient client);

#define GK_TYPE_CONFLICT_COPY (gk_conflict_copy_get_type ())
typedef struct _GkConflictCopy GkConflictCopy;

GType           gk_conflict_copy_get_type      (void) G_GNUC_CONST;
GkConflictCopy *gk_conflict_copy_ref           (GkConflictCopy *copy);
void            gk_conflict_copy_unref         (GkConflictCopy *copy);

GFile          *gk_conflict_copy_get_file      (GkConflictCopy *copy);
GkSyncClient    gk_conflict_copy_get_client    (GkConflictCopy *copy);
/* Who made it, when the name says so (Dropbox: the user's name; OneDrive:
 * the computer's name; Syncthing: the device's short id), as UTF-8 to
 * show; NULL for Nextcloud. */
const char     *gk_conflict_copy_get_author    (GkConflictCopy *copy);
/* When it was made: the date and time in the name (local time), or the
 * file's modification time when the name has none (OneDrive). */
GDateTime      *gk_conflict_copy_get_when      (GkConflictCopy *copy);
/* FALSE when the name gives only a day (Dropbox): then the time of when
 * is midnight and means nothing. */
gboolean        gk_conflict_copy_get_when_has_time (GkConflictCopy *copy);

/* The conflict copies beside project_file (a local file), oldest first:
 * a new array of GkConflictCopy, empty when there are none. Fails only
 * when the folder cannot be listed (or on cancel). */
GPtrArray      *gk_conflict_copies_find        (GFile          *project_file,
                                                GCancellable   *cancellable,
                                                GError        **error);

/* Moves the (merged) copy into GK_CONFLICT_COPY_ASIDE_FOLDER beside it,
 * under its own name or, when that is taken, "NAME (2).EXT" and so on:
 * never over another file, never deleted. Returns where it is now, or
 * NULL with a translated GK_PROJECT_ERROR (the copy then stays where it
 * was). */
GFile          *gk_conflict_copy_move_aside    (GkConflictCopy *copy,
                                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkConflictCopy, gk_conflict_copy_unref)

G_END_DECLS
