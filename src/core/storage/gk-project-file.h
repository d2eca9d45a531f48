/* gk-project-file.h: opening, checking and publishing a project file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared project file is never edited in place (DESIGN.md, section 6).
 * Opening copies it to a private working copy in
 *   $XDG_DATA_HOME/gripkaart/working/
 * checks the copy, migrates it if it is older, and opens a hardened SQLite
 * connection on it. All editing goes through that connection. Saving
 * publishes: a complete new file is written next to the shared one, synced,
 * checked and renamed over it, but only if nobody changed the shared file
 * since it was read.
 */
#pragma once

#include <gio/gio.h>

#include "gk-project-error.h"

G_BEGIN_DECLS

/* Checks that path is a sound Gripkaart project file, first its bytes
 * (before SQLite reads it), then through a hardened read-only connection:
 * quick_check, and a schema that is exactly the expected one. Sets
 * out_schema_version (if not NULL) whenever the header could be read.
 * A file of an older schema passes when it can be migrated; one of a newer
 * schema fails with GK_PROJECT_ERROR_NEWER_VERSION after the other checks
 * passed. SQLite reads path itself here (read-only); to judge a shared
 * file without ever opening it with SQLite, check a copy of its bytes, as
 * gk_project_file_open() does. */
gboolean gk_project_file_check (const char  *path,
                                int         *out_schema_version,
                                GError     **error);

#define GK_TYPE_PROJECT_FILE (gk_project_file_get_type ())
G_DECLARE_FINAL_TYPE (GkProjectFile, gk_project_file, GK, PROJECT_FILE, GObject)

/* A new untitled programme: a fresh working copy with the empty schema. */
GkProjectFile *gk_project_file_new      (GError  **error);

/* Opens file (see the top of this header). A file of a newer schema opens
 * read-only; a file in a read-only place opens normally, but saving it in
 * place will fail with GK_PROJECT_ERROR_READ_ONLY. */
GkProjectFile *gk_project_file_open     (GFile   *file,
                                         GError **error);

/* The same in a worker thread: copying and checking a file on a slow
 * network drive does not hold up the caller's main loop. Cancelling stops
 * it between blocks of the copy and between the checks, and leaves no
 * working copy (G_IO_ERROR_CANCELLED). callback runs in the thread-default
 * main context of the caller. */
void           gk_project_file_open_async  (GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GkProjectFile *gk_project_file_open_finish (GAsyncResult         *result,
                                            GError              **error);

/* How to open a file.
 * GK_PROJECT_FILE_OPEN_READ_ONLY: to look at only (a municipality opened
 * from the region). The same hardened path (header checked by hand, the
 * bytes copied once, the copy checked, an older one migrated in the copy),
 * but no working copy is claimed, no lock note written and nothing beside
 * the file touched: the copy is private and removed at close. The file is
 * read-only with @reason (GK_PROJECT_ERROR_READ_ONLY), and its document
 * refuses every edit. A file of a newer version is refused
 * (GK_PROJECT_ERROR_NEWER_VERSION) rather than guessed at. */
typedef enum {
  GK_PROJECT_FILE_OPEN_DEFAULT   = 0,
  GK_PROJECT_FILE_OPEN_READ_ONLY = 1 << 0,
} GkProjectFileOpenFlags;

GkProjectFile *gk_project_file_open_with_flags       (GFile                  *file,
                                                      GkProjectFileOpenFlags  flags,
                                                      const char             *reason,
                                                      GError                **error);
/* Finish with gk_project_file_open_finish(). */
void           gk_project_file_open_with_flags_async (GFile                  *file,
                                                      GkProjectFileOpenFlags  flags,
                                                      const char             *reason,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);

/* The shared file, or NULL for an untitled programme. */
GFile      *gk_project_file_get_file         (GkProjectFile *self);

/* The file's name for people ("Untitled programme" while untitled). */
const char *gk_project_file_get_display_name (GkProjectFile *self);

/* TRUE when the programme cannot be changed or saved at all (made by a
 * newer version, or opened read-only on purpose); the reason is a GError
 * to show, NULL when editable. */
gboolean      gk_project_file_get_read_only        (GkProjectFile *self);
/* TRUE when opened with GK_PROJECT_FILE_OPEN_READ_ONLY: opening it
 * normally may make it editable. */
gboolean      gk_project_file_get_viewing          (GkProjectFile *self);
const GError *gk_project_file_get_read_only_reason (GkProjectFile *self);

/* The "dirty" property: set by the model layer (which knows when an undo
 * brings the programme back to what was saved). Saving clears it. */
void        gk_project_file_set_dirty        (GkProjectFile *self,
                                              gboolean       dirty);
gboolean    gk_project_file_get_dirty        (GkProjectFile *self);

/* TRUE when dirty, or when changes were committed to the working copy since
 * it was published or since set_dirty (FALSE). close() keeps the working
 * copy in that case. */
gboolean    gk_project_file_has_unpublished_changes (GkProjectFile *self);

/* Whether the shared file differs from what was read or last saved: by size,
 * else by content (SHA-256; mtime alone is unreliable on network drives).
 * A file that disappeared counts as changed. FALSE with error set when it
 * could not be read. */
gboolean    gk_project_file_changed_on_disk  (GkProjectFile  *self,
                                              GError        **error);

/* Whether save() could write the file in place now (folder and file
 * writable); if not, error says why (GK_PROJECT_ERROR_READ_ONLY). */
gboolean    gk_project_file_can_save_in_place (GkProjectFile  *self,
                                               GError        **error);

/* Publishes the working copy to the shared file, merging when it changed
 * since it was read (see "merging" below). Refused when read-only or
 * untitled, when the shared file is gone, or when the changes cannot be
 * merged without the user (GK_PROJECT_ERROR_CONFLICT, CHANGED_ON_DISK
 * without a base to merge from; the working copy is kept). On any
 * failure the shared file and the working copy are left as they were. Must
 * not be called inside a transaction, nor while a save runs in the
 * background (GK_PROJECT_ERROR_FAILED). */
gboolean    gk_project_file_save             (GkProjectFile  *self,
                                              GError        **error);

/* Publishes the working copy to file (overwriting it if it exists: ask the
 * user first), which becomes the programme's file. */
gboolean    gk_project_file_save_as          (GkProjectFile  *self,
                                              GFile          *file,
                                              GError        **error);

/* The same in the background. The working copy is taken as it is when the
 * save starts (edits made while it runs stay unpublished, and keep the
 * file dirty); the writing, syncing, checking and renaming run in a worker
 * thread. A save asked for while another runs waits for it, then starts
 * from the working copy as it is then: nothing asked for is lost. Plain
 * saves waiting with the same cancellable are done as one. Cancelling
 * stops a save at any step before the rename, leaving the shared file as
 * it was (G_IO_ERROR_CANCELLED); a save that already replaced the file
 * reports success. */
void        gk_project_file_save_async       (GkProjectFile        *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    gk_project_file_save_finish      (GkProjectFile        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void        gk_project_file_save_as_async    (GkProjectFile        *self,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    gk_project_file_save_as_finish   (GkProjectFile        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* --- merging ----------------------------------------------------------------
 * When the shared file changed since it was read (a colleague saved), a
 * save merges: this user's changes since then are applied onto the file as
 * the others saved it, and that is published (docs/sharing.md). The
 * working copy then holds the others' changes too, and "merged" is emitted
 * with the changeset that brought them in (GBytes), for the document to
 * reload those rows. Where both changed the same thing differently, the
 * save fails with GK_PROJECT_ERROR_CONFLICT and changes nothing; the
 * conflicts (GkMergeConflict) are in get_conflicts() until the next save.
 * Choose a side for each (gk_merge_conflict_set_choice()) and save again:
 * the choices hold for the same clashes, and what lost is kept in the
 * change log. */
GListModel *gk_project_file_get_conflicts    (GkProjectFile *self);
/* After a save that merged: "Merged with Bram’s changes: 3 measures";
 * NULL after a save that had nothing to merge. */
const char *gk_project_file_get_merge_summary (GkProjectFile *self);
/* Who publishes, as the file's revisions record it, and who the others
 * see in the lock note (default: the login's real name). */
void        gk_project_file_set_user_name    (GkProjectFile *self,
                                              const char    *user_name);

/* Whether the shared file changed since it was read or last saved, cheaply
 * (for polling every 30 s and when the window gets focus): when its size
 * and time are as we left them, without reading it; otherwise by content
 * (a file only touched by a sync client is not changed). */
gboolean    gk_project_file_poll             (GkProjectFile  *self,
                                              GError        **error);

/* Brings the others' published changes into the working copy without
 * publishing anything: the same merge as a save's, the other way round.
 * Nothing to do when the shared file is unchanged. With no unpublished
 * edits, the working copy simply becomes the shared file again; with
 * some, they stay unpublished on top of the others' changes. Emits
 * "merged"; conflicts as for a save (GK_PROJECT_ERROR_CONFLICT). */
void        gk_project_file_bring_in_async   (GkProjectFile        *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    gk_project_file_bring_in_finish  (GkProjectFile        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Brings the edits of the working copy set aside after a crash
 * (get_recovered_path()) back, merged from the file they were made on; they
 * become unpublished edits of this copy (dirty). Conflicts as for a save.
 * The set-aside copy stays until discard_recovered(). */
void        gk_project_file_bring_back_async (GkProjectFile        *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    gk_project_file_bring_back_finish (GkProjectFile       *self,
                                              GAsyncResult         *result,
                                              GError              **error);
/* Brings the changes of a sync client's conflict copy of the file
 * (gk_conflict_copies_find()) into the working copy: those made since the
 * newest revision the copy shares with the file, as far as the rows' times
 * tell. They become unpublished edits (dirty); conflicts as for a save.
 * The caller moves the copy aside after (gk_conflict_copy_move_aside()). */
void        gk_project_file_bring_in_copy_async  (GkProjectFile        *self,
                                                  GFile                *copy,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    gk_project_file_bring_in_copy_finish (GkProjectFile        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Removes the set-aside copy (the user chose Discard). */
gboolean    gk_project_file_discard_recovered (GkProjectFile       *self,
                                              GError              **error);

/* The "saving" property: TRUE while a save runs or waits. */
gboolean    gk_project_file_get_saving       (GkProjectFile *self);

/* Who else has the file open: their names, from the lock note beside it
 * (".~lock.<name>#", LibreOffice's place), which this file joins at open,
 * refreshes every minute and leaves at close; the "others" property is
 * notified when it changes. A hint only: an empty list when the folder
 * cannot be written or read. refresh_presence() checks now (when the
 * window gets focus). */
const char * const *gk_project_file_get_others      (GkProjectFile *self);
void        gk_project_file_refresh_presence (GkProjectFile *self);

/* Closes the connection. The working copy is removed when everything is
 * published, and kept for recovery otherwise. Also done on finalize.
 * While saves run or wait, the file closes after the last of them (the
 * running tasks keep it alive); nothing asked for is dropped. */
void        gk_project_file_close            (GkProjectFile *self);

/* Paths in the private working directory, for recovery and the tests. */
const char *gk_project_file_get_working_path (GkProjectFile *self);

/* The copy made before migrating an older file, or NULL if none was made. */
const char *gk_project_file_get_backup_path  (GkProjectFile *self);

/* When opening found an earlier working copy of the same file with
 * unpublished changes (after a crash), it was moved aside to this path
 * instead of being overwritten; NULL otherwise. */
const char *gk_project_file_get_recovered_path (GkProjectFile *self);

G_END_DECLS
