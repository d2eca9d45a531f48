/* gk-project-file-parts.h: what the parts of GkProjectFile share
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GkProjectFile is one type in several files, along the steps of its life:
 *   gk-project-file.c     the object: new, open, close, dirty, properties
 *   gk-project-check.c    the hardened connection and the checks of a file
 *   gk-working-copy.c     the private working copy: slot, copy-in, key file,
 *                         recovery, migration
 *   gk-project-publish.c  saving: publishing beside the shared file, in a
 *                         worker thread, one save after the other
 *   gk-storage-io.c       the errors a user sees, and small file helpers
 * Nothing here is API outside src/core/storage; the tests may use the step
 * hook. (gk-project-file-private.h is what the rest of src/core may use.)
 */
#pragma once

#include <sys/stat.h>

#include "gk-project-file-private.h"

G_BEGIN_DECLS

#define GK_WORKING_KEY_FILE_GROUP "Working copy"

/* What a file was when read or written: size and content hash (mtime is
 * recorded for the key file, but network drives make it unreliable). */
typedef struct {
  gint64  size;
  gint64  mtime_us;
  char   *content_hash;
} GkFingerprint;

void      gk_fingerprint_clear             (GkFingerprint *fp);

struct _GkProjectFile
{
  GObject        parent_instance;

  /* The live connection on the working copy: used on the main thread only
   * (a save works on a serialized image of it, see gk-project-publish.c). */
  sqlite3       *db;
  GFile         *file;              /* NULL while untitled */
  char          *display_name;

  /* The slot in the working directory; lock_fd holds an flock() on
   * lock_path for as long as we use the slot. */
  char          *working_path;
  char          *key_path;
  char          *lock_path;
  int            lock_fd;

  /* Opened to look at only (GK_PROJECT_FILE_OPEN_READ_ONLY): no slot, no
   * lock note; working_path is a snapshot (gk-project-snapshot.h) in this
   * private folder, removed at close. */
  char          *view_dir;

  /* backup_path: the file as it was before a migration to this version,
   * beside the working copy; only of use once our save replaced it
   * (original_replaced), so removed at close otherwise. */
  char          *backup_path;
  gboolean       original_replaced;
  char          *recovered_path;

  /* Merging (gk-project-merge.c): the base is a copy of the shared file as
   * read or last published, beside the working copy; user_name signs the
   * revisions; conflicts are those of the last save that met some (the
   * user's choices are made on them); merge_summary says what the last
   * save brought in. */
  char          *base_path;
  char          *user_name;
  GListStore    *conflicts;
  char          *merge_summary;

  GkFingerprint  fingerprint;       /* of the shared file as read or saved */
  GError        *read_only_reason;

  gboolean       dirty;
  guint          dirty_serial;      /* counts set_dirty (TRUE) */
  gboolean       unpublished_recorded; /* the key file says unpublished=true */
  sqlite3_int64  changes_at_clean;

  /* Saves in the background: GTasks waiting their turn, the first one
   * running (in a worker thread while save_running). close() while saves
   * wait closes after the last one. */
  GQueue         saves;
  gboolean       save_running;
  gboolean       close_when_saved;

  /* Presence (gk-presence.c): our line in the lock note beside the shared
   * file at presence_path, refreshed by presence_timer on the main thread;
   * others is who else has it open. */
  char          *presence_path;
  char          *presence_nonce;
  guint          presence_timer;
  char         **others;
};

/* --- errors (gk-storage-io.c) --------------------------------------------- */

void      gk_storage_error_not_project     (GError     **error,
                                            const char  *display);
void      gk_storage_error_damaged         (GError     **error,
                                            const char  *display);
void      gk_storage_error_foreign_parts   (GError     **error,
                                            const char  *display);
void      gk_storage_error_being_changed   (GError     **error,
                                            const char  *display);
void      gk_storage_error_folder_read_only (GError    **error,
                                            const char  *display);
void      gk_storage_error_no_space_saving (GError     **error,
                                            const char  *display);
void      gk_storage_error_failed_saving   (GError     **error,
                                            const char  *display,
                                            const char  *detail);
void      gk_storage_error_failed_opening  (GError     **error,
                                            const char  *display,
                                            const char  *detail);
void      gk_storage_error_opening_errno   (GError     **error,
                                            int          saved_errno,
                                            const char  *display);
void      gk_storage_error_saving_errno    (GError     **error,
                                            int          saved_errno,
                                            const char  *display);
void      gk_storage_error_checking_sqlite (GError     **error,
                                            int          rc,
                                            sqlite3     *db,
                                            const char  *display);

/* --- small file helpers (gk-storage-io.c) --------------------------------- */

#define GK_STORAGE_BUFFER_SIZE (256 * 1024)

gssize    gk_storage_read_full             (int           fd,
                                            guint8       *buffer,
                                            gsize         size);
int       gk_storage_open_regular          (const char   *path,
                                            const char   *display,
                                            struct stat  *out_st,
                                            GError      **error);
gboolean  gk_storage_write_full            (int           fd,
                                            const guint8 *buffer,
                                            gsize         size);
gint64    gk_storage_mtime_us              (const struct stat *st);
/* "Now" by the clock of the file system that holds dir (a network share
 * stamps files with the server's time): the time of a file made there for
 * a moment. Ages of files in a shared folder are measured with it, never
 * with this computer's clock, which may be months off a colleague's.
 * G_MININT64 when nothing can be made there (a read-only folder). */
gint64    gk_storage_folder_now_us         (const char        *dir);
gboolean  gk_storage_same_file_as          (const char        *path,
                                            const struct stat *before);
typedef struct _GkContentHasher GkContentHasher;

GkContentHasher *gk_content_hasher_new        (void);
void             gk_content_hasher_update     (GkContentHasher *hasher,
                                               const void      *data,
                                               gsize            length);
char            *gk_content_hasher_get_string (GkContentHasher *hasher);
void             gk_content_hasher_free       (GkContentHasher *hasher);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkContentHasher, gk_content_hasher_free)

gboolean  gk_storage_hash_fd               (int           fd,
                                            char        **out_hash,
                                            gint64       *out_size);
void      gk_storage_fsync_directory       (const char   *dir);
void      gk_storage_unlink_database_files (const char   *path);
gboolean  gk_storage_rename_database_files (const char   *from,
                                            const char   *to);

/* --- checks (gk-project-check.c) ------------------------------------------ */

typedef struct {
  int     schema_version;
  guint32 page_size;
} GkHeaderInfo;

sqlite3  *gk_storage_open_hardened         (const char    *path,
                                            gboolean       read_only,
                                            const char    *display,
                                            GError       **error);
/* A private writable in-memory database holding a copy of image (a
 * serialized working copy), on a hardened connection. */
sqlite3  *gk_storage_open_image_copy       (const unsigned char *image,
                                            gsize          size,
                                            const char    *display,
                                            GError       **error);
gboolean  gk_storage_check_header          (const char    *path,
                                            const char    *display,
                                            GkHeaderInfo  *info,
                                            GError       **error);
gboolean  gk_storage_check_file            (const char    *path,
                                            const char    *display,
                                            int           *out_schema_version,
                                            GError       **error);
gboolean  gk_storage_check_schema_is_ours  (sqlite3       *db,
                                            const char    *display,
                                            GError       **error);
gboolean  gk_storage_check_rows            (sqlite3       *db,
                                            const char    *display,
                                            GError       **error);
gboolean  gk_storage_check_no_other_writer (const char    *path,
                                            const char    *display,
                                            GError       **error);

/* --- the working copy (gk-working-copy.c) ---------------------------------- */

char     *gk_working_copy_directory        (void);
gboolean  gk_working_copy_claim_slot       (GkProjectFile  *self,
                                            const char     *base,
                                            GError        **error);
void      gk_working_copy_release_slot     (GkProjectFile  *self,
                                            gboolean        keep_working_copy);
char     *gk_working_copy_copy_in          (const char     *src,
                                            const char     *dir,
                                            const char     *display,
                                            gboolean        sync,
                                            GkFingerprint  *fp,
                                            GCancellable   *cancellable,
                                            GError        **error);
gboolean  gk_working_copy_use_rollback_journal (const char *path);
gboolean  gk_working_copy_write_key_file   (GkProjectFile  *self,
                                            gboolean        unpublished,
                                            GError        **error);
void      gk_working_copy_start_tracking   (GkProjectFile  *self);
/* sqlite3_serialize() of the working copy, as an ordinary (rollback
 * journal) database: what deserializing, merging and VACUUM INTO need. */
unsigned char *gk_working_copy_serialize   (sqlite3        *db,
                                            sqlite3_int64  *size);
/* The base: a copy of the working copy as opened, before any edit. */
gboolean  gk_working_copy_make_base        (GkProjectFile  *self,
                                            GError        **error);
/* Working copies with unpublished edits set aside after a crash
 * ("<slot>.recovered-<when>.gripkaart") are kept: the newest
 * GK_SET_ASIDE_KEEP of each slot always, older ones for
 * GK_SET_ASIDE_KEEP_US; the rest are removed. Returns how many. */
#define GK_SET_ASIDE_KEEP 5
#define GK_SET_ASIDE_KEEP_US (G_GINT64_CONSTANT (14) * 24 * 3600 * G_USEC_PER_SEC)
guint     gk_working_copy_prune_set_aside  (const char     *dir,
                                            gint64          now_us);
gboolean  gk_working_copy_migrate          (GkProjectFile  *self,
                                            int             from_version,
                                            GError        **error);

/* --- merging (gk-project-merge.c) ------------------------------------------ */

/* One publish, as the revision table records it. */
typedef struct {
  const char *id;            /* a new UUID; NULL: merge without recording one */
  const char *merged;        /* the other side's head revision, or NULL */
  const char *published_at;  /* ISO 8601 UTC */
  const char *published_by;
  const char *host;
} GkRevision;

/* What a merge found and made. */
typedef struct {
  GPtrArray *conflicts;      /* GkMergeConflict: every clash, chosen or not */
  char      *summary;        /* "Merged with Bram’s changes: 3 measures" */
  GBytes    *into_mine;      /* the changes that turn the working copy's image into the result */
} GkMergeOutcome;

void      gk_merge_outcome_clear           (GkMergeOutcome *outcome);

/* Adds a revision row to schema's revision table, its parent the newest
 * row there. */
gboolean  gk_revision_record               (sqlite3          *db,
                                            const char       *schema,
                                            const GkRevision *revision,
                                            GError          **error);

/* Merges the changes that turn the file at base_path into the image
 * mine_image (the working copy) onto db's main database (a private copy of
 * the shared file as the others saved it), in one transaction, and records
 * the revision. choices (conflict key -> GkMergeChoice, may be NULL)
 * answer the conflicts the user chose for. When conflicts are left
 * without a choice, nothing changes: GK_PROJECT_ERROR_CONFLICT, and
 * outcome->conflicts lists them all. */
gboolean  gk_merge_onto                    (sqlite3              *db,
                                            const char           *base_path,
                                            const unsigned char  *mine_image,
                                            gsize                 mine_size,
                                            GHashTable           *choices,
                                            const GkRevision     *revision,
                                            GkMergeOutcome       *outcome,
                                            GError              **error);

/* Merges a sync client's conflict copy (copy_image) onto db's main
 * database: its changes since the newest revision it shares with the file
 * at known_path (the base), as far as the rows' times tell. */
gboolean  gk_merge_copy_onto               (sqlite3              *db,
                                            const char           *known_path,
                                            const unsigned char  *copy_image,
                                            gsize                 copy_size,
                                            GHashTable           *choices,
                                            const GkRevision     *revision,
                                            GkMergeOutcome       *outcome,
                                            const char           *display,
                                            GError              **error);

/* The changes that turn image into db's main database. */
GBytes   *gk_merge_diff_from_image         (sqlite3              *db,
                                            const unsigned char  *image,
                                            gsize                 size,
                                            GError              **error);

/* Applies a merge's into_mine to the live working copy; edits made there
 * meanwhile win (they are published with the next save). */
gboolean  gk_merge_apply_to_working_copy   (sqlite3              *db,
                                            GBytes               *changes,
                                            GError              **error);

/* Their file (the shared file at target as someone else saved it): copied
 * into the folder of beside (the working directory), checked like a file
 * being opened, migrated to this version's schema, and opened for the
 * merge; out_path is the copy (remove it after). */
sqlite3  *gk_storage_open_theirs           (const char           *target,
                                            const char           *beside,
                                            const char           *display,
                                            GkFingerprint        *theirs,
                                            char                **out_path,
                                            GCancellable         *cancellable,
                                            GError              **error);

/* The user's choices on self->conflicts, by key (conflict key ->
 * GkMergeChoice), and conflicts found by a merge put there. */
GHashTable *gk_project_file_collect_choices (GkProjectFile *self);
void      gk_project_file_keep_conflicts   (GkProjectFile        *self,
                                            GPtrArray            *conflicts);

/* "3 measures" (NULL for the tables that only link records). */
char     *gk_merge_count_of                (const char           *table,
                                            guint                 n);

/* --- one publisher at a time (gk-publish-lock.c) --------------------------- */

/* A lock beside the shared file older than this belongs to a publisher that
 * was killed (one holds it for the check and the rename only). */
#define GK_PUBLISH_LOCK_STALE_US (60 * G_USEC_PER_SEC)

/* How long a publisher waits for another one's turn to end. */
#define GK_PUBLISH_LOCK_WAIT_US (20 * G_USEC_PER_SEC)

/* Temporary files of a save older than this were left by a kill. */
#define GK_STALE_TEMP_FILE_US (10 * 60 * G_USEC_PER_SEC)

typedef struct _GkPublishLock GkPublishLock;

char          *gk_publish_lock_path_for    (const char    *target);
/* Waits up to wait_us for the lock (GK_PROJECT_ERROR_LOCKED after that,
 * naming who holds it), breaking one that is stale. */
GkPublishLock *gk_publish_lock_acquire     (const char    *target,
                                            const char    *display,
                                            gint64         wait_us,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* FALSE when our lock was broken as stale and is someone else's now. */
gboolean       gk_publish_lock_still_held  (GkPublishLock *lock);
void           gk_publish_lock_release     (GkPublishLock *lock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkPublishLock, gk_publish_lock_release)

/* Removes the temporary files (and their journals) of saves of target that
 * are older than older_than_us: those a killed save left behind. Only our
 * own naming pattern, ".NAME.XXXXXX". Returns how many were removed. */
guint          gk_storage_clean_stale_temp_files (const char *target,
                                                  gint64      now_us,
                                                  gint64      older_than_us);

/* --- presence (gk-presence.c) ------------------------------------------------- */

/* A line of the lock note older than this is from a window that crashed
 * (a live one refreshes it every GK_PRESENCE_REFRESH_S). */
#define GK_PRESENCE_STALE_US (5 * 60 * G_USEC_PER_SEC)
#define GK_PRESENCE_REFRESH_S 60

char     *gk_presence_note_path_for       (const char    *target);
void      gk_presence_announce            (const char    *target,
                                           const char    *name,
                                           const char    *nonce,
                                           gint64         now_us);
void      gk_presence_withdraw            (const char    *target,
                                           const char    *nonce,
                                           gint64         now_us);
char    **gk_presence_list_others         (const char    *target,
                                           const char    *nonce,
                                           gint64         now_us);

/* In gk-project-file.c: announce at open (and after Save As), withdraw at
 * close; main thread only. */
void      gk_project_file_presence_start  (GkProjectFile *self);
void      gk_project_file_presence_stop   (GkProjectFile *self);

/* --- a hook for the tests ------------------------------------------------- */

/* The slow steps of opening and saving, which run in a worker thread. */
typedef enum {
  GK_STORAGE_STEP_CHECK,       /* opening: before each attempt reads the file */
  GK_STORAGE_STEP_COPY_IN,     /* opening: before each block copied in */
  GK_STORAGE_STEP_WRITE,       /* saving: before writing the new file */
  GK_STORAGE_STEP_SYNC,        /* saving: before syncing it to disk */
  GK_STORAGE_STEP_RENAME,      /* saving: before it replaces the shared file */
  GK_STORAGE_STEP_CHECKED,     /* saving: the shared file was checked, under
                                * the publish lock, just before the rename */
  GK_STORAGE_STEP_RENAMED,     /* saving: renamed, before checking that the
                                * file in place is ours */
  GK_STORAGE_STEP_REPLACED,    /* saving: after it did (the save is done) */
  GK_STORAGE_STEP_BASE,        /* saving: before the new base replaces the old */
  GK_N_STORAGE_STEPS,          /* (their number, for counting them) */
} GkStorageStep;

/* Called (in the worker thread) before each step with the file it concerns;
 * a test can make the folder slow by blocking there until it lets the step
 * go on. NULL removes it. */
typedef void (*GkStorageStepHook) (GkStorageStep  step,
                                   const char    *path,
                                   gpointer       user_data);

void      gk_storage_set_step_hook_for_testing (GkStorageStepHook hook,
                                                gpointer          user_data);
void      gk_storage_step              (GkStorageStep  step,
                                        const char    *path);

G_END_DECLS
