/* gk-storage-io.c: the errors a user sees from the storage layer, and small
 * file helpers for opening and saving project files
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here may run in a worker thread: no state but the test hook.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-project-file-parts.h"

#include <xxhash.h>

/* --- errors ---------------------------------------------------------------- */

void
gk_storage_error_not_project (GError     **error,
                              const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT,
               _("“%s” is not a Gripkaart project file."), display);
}

void
gk_storage_error_damaged (GError     **error,
                          const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be opened safely."), display);
}

void
gk_storage_error_foreign_parts (GError     **error,
                                const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT,
               _("“%s” contains parts that Gripkaart did not make. "
                 "For safety it is not opened."), display);
}

void
gk_storage_error_being_changed (GError     **error,
                                const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED,
               _("“%s” is being changed by another program right now. "
                 "Close that program, or wait a moment, and try again."), display);
}

void
gk_storage_error_folder_read_only (GError     **error,
                                   const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
               _("The folder of “%s” is read-only. "
                 "Save the programme elsewhere with Save As."), display);
}

void
gk_storage_error_no_space_saving (GError     **error,
                                  const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NO_SPACE,
               _("There is not enough disk space to save “%s”. Nothing was lost: "
                 "the file and your changes are as they were. "
                 "Make space and save again."), display);
}

void
gk_storage_error_failed_saving (GError     **error,
                                const char  *display,
                                const char  *detail)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
               _("“%s” could not be saved (%s). Nothing was lost: "
                 "the file and your changes are as they were."), display, detail);
}

void
gk_storage_error_failed_opening (GError     **error,
                                 const char  *display,
                                 const char  *detail)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
               _("“%s” could not be opened (%s)."), display, detail);
}

/* An error while reading or opening a file, from errno. */
void
gk_storage_error_opening_errno (GError     **error,
                                int          saved_errno,
                                const char  *display)
{
  if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_FOUND,
                 _("“%s” does not exist. It may have been moved, renamed or deleted."),
                 display);
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NO_SPACE,
                 _("There is not enough disk space to open “%s”. "
                   "Make space and try again."), display);
  else
    gk_storage_error_failed_opening (error, display, g_strerror (saved_errno));
}

/* An error while writing the new file next to the shared one, from errno. */
void
gk_storage_error_saving_errno (GError     **error,
                               int          saved_errno,
                               const char  *display)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    gk_storage_error_no_space_saving (error, display);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    gk_storage_error_folder_read_only (error, display);
  else if (saved_errno == EBUSY || saved_errno == ETXTBSY)
    gk_storage_error_being_changed (error, display);
  else
    gk_storage_error_failed_saving (error, display, g_strerror (saved_errno));
}

/* While checking a file, almost every SQLite error means the file is bad. */
void
gk_storage_error_checking_sqlite (GError     **error,
                                  int          rc,
                                  sqlite3     *db,
                                  const char  *display)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOMEM:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_INTERRUPT:
      gk_storage_error_failed_opening (error, display, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      gk_storage_error_being_changed (error, display);
      break;
    case SQLITE_FULL:
      gk_storage_error_opening_errno (error, ENOSPC, display);
      break;
    case SQLITE_TOOBIG:
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED,
                   _("“%s” holds a text longer than Gripkaart can show (64 MB). "
                     "For safety it is not opened; the file was not changed."), display);
      break;
    default:
      gk_storage_error_damaged (error, display);
      break;
    }
}

/* --- small file helpers ---------------------------------------------------- */

gssize
gk_storage_read_full (int     fd,
                      guint8 *buffer,
                      gsize   size)
{
  gsize done = 0;

  while (done < size)
    {
      gssize n = read (fd, buffer + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

/* Opens path for reading only if it is a regular file. O_NONBLOCK keeps
 * open() itself from waiting for a writer (a FIFO) or a device; the flag is
 * cleared once fstat() showed a regular file, where it means nothing.
 * Returns the descriptor, or -1 with error set (a FIFO, device or folder
 * is "not a project file"). */
int
gk_storage_open_regular (const char   *path,
                         const char   *display,
                         struct stat  *out_st,
                         GError      **error)
{
  struct stat st;
  int fd;
  int flags;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      gk_storage_error_opening_errno (error, errno, display);
      return -1;
    }
  if (fstat (fd, &st) != 0)
    {
      gk_storage_error_opening_errno (error, errno, display);
      close (fd);
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      gk_storage_error_not_project (error, display);
      return -1;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
    {
      gk_storage_error_opening_errno (error, errno, display);
      close (fd);
      return -1;
    }
  if (out_st != NULL)
    *out_st = st;
  return fd;
}

gboolean
gk_storage_write_full (int           fd,
                       const guint8 *buffer,
                       gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, buffer, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      buffer += n;
      size -= n;
    }
  return TRUE;
}

gint64
gk_storage_mtime_us (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* Whether the file at path is still the one stat'ed in before (a cheap test
 * against a replacement in the last moments before a rename). */
gboolean
gk_storage_same_file_as (const char        *path,
                         const struct stat *before)
{
  struct stat now;

  return stat (path, &now) == 0 &&
         now.st_dev == before->st_dev &&
         now.st_ino == before->st_ino &&
         now.st_size == before->st_size &&
         gk_storage_mtime_us (&now) == gk_storage_mtime_us (before);
}

/* Content hashes only tell whether a file is still the one we read; nobody
 * gains by forging one, so a fast non-cryptographic hash does: XXH3 with
 * 128 bits (a chance collision is out of reach), which hashes the large
 * programme in a hundredth of the time SHA-256 took, on every open, save
 * and look at the shared file. */
GkContentHasher *
gk_content_hasher_new (void)
{
  XXH3_state_t *state = XXH3_createState ();

  g_assert (state != NULL);
  XXH3_128bits_reset (state);
  return (GkContentHasher *) state;
}

void
gk_content_hasher_update (GkContentHasher *hasher,
                          const void      *data,
                          gsize            length)
{
  XXH3_128bits_update ((XXH3_state_t *) hasher, data, length);
}

/* The hash so far, as 32 hexadecimal digits. */
char *
gk_content_hasher_get_string (GkContentHasher *hasher)
{
  XXH128_hash_t hash = XXH3_128bits_digest ((XXH3_state_t *) hasher);

  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x",
                          (guint64) hash.high64, (guint64) hash.low64);
}

void
gk_content_hasher_free (GkContentHasher *hasher)
{
  XXH3_freeState ((XXH3_state_t *) hasher);
}

/* Hashes an open file from its start; returns FALSE with errno set. */
gboolean
gk_storage_hash_fd (int      fd,
                    char   **out_hash,
                    gint64  *out_size)
{
  g_autoptr(GkContentHasher) hasher = gk_content_hasher_new ();
  g_autofree guint8 *buffer = g_malloc (GK_STORAGE_BUFFER_SIZE);
  gint64 size = 0;
  gssize n;

  if (lseek (fd, 0, SEEK_SET) < 0)
    return FALSE;
  while ((n = gk_storage_read_full (fd, buffer, GK_STORAGE_BUFFER_SIZE)) > 0)
    {
      gk_content_hasher_update (hasher, buffer, n);
      size += n;
    }
  if (n < 0)
    return FALSE;

  *out_hash = gk_content_hasher_get_string (hasher);
  *out_size = size;
  return TRUE;
}

void
gk_storage_fsync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Some file systems cannot sync a directory; the rename is done anyway. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

void
gk_storage_unlink_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

gboolean
gk_storage_rename_database_files (const char *from,
                                  const char *to)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  /* The journal must follow the database, or a hot journal would be lost. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *old_name = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *new_name = g_strconcat (to, suffixes[i], NULL);

      if (g_file_test (old_name, G_FILE_TEST_EXISTS))
        g_rename (old_name, new_name);
    }
  return g_rename (from, to) == 0;
}

void
gk_fingerprint_clear (GkFingerprint *fp)
{
  g_clear_pointer (&fp->content_hash, g_free);
  fp->size = 0;
  fp->mtime_us = 0;
}

/* --- the test hook ----------------------------------------------------------- */

typedef struct {
  GkStorageStepHook hook;
  gpointer          user_data;
} StepHook;

G_LOCK_DEFINE_STATIC (step_hook);
static StepHook step_hook;

void
gk_storage_set_step_hook_for_testing (GkStorageStepHook hook,
                                      gpointer          user_data)
{
  G_LOCK (step_hook);
  step_hook.hook = hook;
  step_hook.user_data = user_data;
  G_UNLOCK (step_hook);
}

void
gk_storage_step (GkStorageStep  step,
                 const char    *path)
{
  StepHook now;

  G_LOCK (step_hook);
  now = step_hook;
  G_UNLOCK (step_hook);

  if (now.hook != NULL)
    now.hook (step, path, now.user_data);
}

gint64
gk_storage_folder_now_us (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, ".gripkaart-clock-XXXXXX", NULL);
  struct stat st;
  gint64 now = G_MININT64;
  int fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    return G_MININT64;
  if (fstat (fd, &st) == 0)
    now = gk_storage_mtime_us (&st);
  close (fd);
  g_unlink (probe);
  return now;
}
