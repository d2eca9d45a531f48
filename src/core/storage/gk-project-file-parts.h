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
  char   *sha256;
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

  char          *backup_path;
  char          *recovered_path;

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
gboolean  gk_storage_same_file_as          (const char        *path,
                                            const struct stat *before);
gboolean  gk_storage_hash_fd               (int           fd,
                                            char        **out_sha256,
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
                                            GkFingerprint  *fp,
                                            GCancellable   *cancellable,
                                            GError        **error);
gboolean  gk_working_copy_use_rollback_journal (const char *path);
gboolean  gk_working_copy_write_key_file   (GkProjectFile  *self,
                                            gboolean        unpublished,
                                            GError        **error);
void      gk_working_copy_start_tracking   (GkProjectFile  *self);
gboolean  gk_working_copy_migrate          (GkProjectFile  *self,
                                            int             from_version,
                                            GError        **error);

/* --- a hook for the tests ------------------------------------------------- */

/* The slow steps of opening and saving, which run in a worker thread. */
typedef enum {
  GK_STORAGE_STEP_CHECK,       /* opening: before each attempt reads the file */
  GK_STORAGE_STEP_COPY_IN,     /* opening: before each block copied in */
  GK_STORAGE_STEP_WRITE,       /* saving: before writing the new file */
  GK_STORAGE_STEP_SYNC,        /* saving: before syncing it to disk */
  GK_STORAGE_STEP_RENAME,      /* saving: before it replaces the shared file */
  GK_STORAGE_STEP_REPLACED,    /* saving: after it did (the save is done) */
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
