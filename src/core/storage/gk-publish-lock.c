/* gk-publish-lock.c: one publisher at a time beside a shared file, and
 * the leftovers of publishers that were killed
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing checks that the shared file is still the one we read and then
 * renames a new file over it. Two people saving at the same moment could
 * both pass the check and both rename: both told "saved", one's edits gone.
 * SQLite's locks and flock() do not hold on SMB shares or in sync folders,
 * so publishers take turns on a lock file beside the shared file, made by
 * link() from a file that holds its note (O_CREAT|O_EXCL where hard links
 * are not allowed; network file systems honour both): who, where, which
 * process and when. It is held for the check and the rename
 * only: milliseconds locally, seconds on a slow share. A lock whose process
 * is gone (on this host) or that is older than GK_PUBLISH_LOCK_STALE_US is
 * broken: the publisher that held it was killed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-project-file-parts.h"
#include "gk-clock.h"

struct _GkPublishLock
{
  char *path;
  char *note;   /* what we wrote into it: proves it is still ours */
};

char *
gk_publish_lock_path_for (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);

  return g_strdup_printf ("%s/.%s.publish-lock", dir, name);
}

/* The note: "user,host,pid,time_us,nonce\n". The nonce tells our lock
 * from a later one of the same process. */
static char *
make_note (void)
{
  return g_strdup_printf ("%s,%s,%d,%" G_GINT64_FORMAT ",%08x%08x\n",
                          g_get_user_name (), g_get_host_name (), (int) getpid (),
                          gk_clock_get_system_time_us (), g_random_int (), g_random_int ());
}

static char *
read_note (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* Whether the lock at path, holding note and last changed at mtime_us,
 * belongs to a publisher that is gone. Its file time is the file server's
 * clock and the time in the note the publisher's: each is compared with a
 * clock of its own kind, the file time with the folder's (a fresh file's
 * time), because a server clock a minute behind ours would make every lock
 * look old at once. A note without its fields (an older Gripkaart's, or a
 * damaged one) is judged by its file time alone. */
static gboolean
lock_is_stale (const char *path,
               const char *note,
               gint64      mtime_us)
{
  g_auto(GStrv) fields = note != NULL ? g_strsplit (note, ",", 6) : NULL;
  g_autofree char *dir = NULL;
  gint64 folder_now;

  if (fields != NULL && g_strv_length (fields) == 5)
    {
      gint64 pid = g_ascii_strtoll (fields[2], NULL, 10);
      gint64 written = g_ascii_strtoll (fields[3], NULL, 10);

      if (g_strcmp0 (fields[1], g_get_host_name ()) == 0 && pid > 0 && pid != getpid () &&
          kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        return TRUE;
      /* Young by the publisher's clock: a clock on another host that is
       * ahead or behind never makes it look old early, as the file time
       * must say so too. */
      if (written > 0 && gk_clock_get_system_time_us () - written <= GK_PUBLISH_LOCK_STALE_US)
        return FALSE;
    }
  dir = g_path_get_dirname (path);
  folder_now = gk_storage_folder_now_us (dir);
  return folder_now != G_MININT64 && folder_now - mtime_us > GK_PUBLISH_LOCK_STALE_US;
}

/* Removes the stale lock at path, unless someone else replaced it with a
 * fresh one meanwhile: it is renamed to a name of our own first, and put
 * back (link() does not overwrite) if it turns out not to be the stale one. */
static void
break_stale_lock (const char *path,
                  const char *stale_note)
{
  g_autofree char *aside = g_strdup_printf ("%s.stale-%d-%08x", path, (int) getpid (),
                                            g_random_int ());
  g_autofree char *moved = NULL;

  if (g_rename (path, aside) != 0)
    return;
  moved = read_note (aside);
  if (g_strcmp0 (moved, stale_note) != 0)
    {
      if (link (aside, path) != 0)
        g_debug ("Could not put back the publish lock %s: %s", path, g_strerror (errno));
    }
  else
    {
      g_autofree char *shown = g_strchomp (g_strdup (stale_note != NULL ? stale_note : "empty"));

      g_message ("Broke the stale publish lock %s (%s)", path, shown);
    }
  g_unlink (aside);
}

/* Creates the lock at path with O_EXCL, writing the note after: a reader
 * can see it empty for a moment. Only where hard links are not allowed. */
static gboolean
try_create_exclusive (const char *path,
                      const char *note,
                      int        *out_errno)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  gboolean ok;

  if (fd < 0)
    {
      *out_errno = errno;
      return FALSE;
    }
  ok = gk_storage_write_full (fd, (const guint8 *) note, strlen (note)) && fsync (fd) == 0;
  *out_errno = errno;
  close (fd);
  if (!ok)
    g_unlink (path);
  return ok;
}

static gboolean
link_not_supported (int saved_errno)
{
  return saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP ||
         saved_errno == ENOSYS || saved_errno == EMLINK || saved_errno == EXDEV;
}

/* Creates the lock at path holding note, in one step: the note is written
 * to a file of our own, which is then linked to path (link() never
 * replaces a file, also on NFS). So nobody ever reads a lock without its
 * note, and judges a publisher that is writing it as gone. */
static gboolean
try_create (const char *path,
            const char *note,
            int        *out_errno)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  gboolean written;
  int link_errno;

  if (fd < 0)
    {
      *out_errno = errno;
      return FALSE;
    }
  written = gk_storage_write_full (fd, (const guint8 *) note, strlen (note)) && fsync (fd) == 0;
  *out_errno = errno;
  close (fd);
  if (!written)
    {
      g_unlink (temp);
      return FALSE;
    }
  if (link (temp, path) == 0)
    {
      g_unlink (temp);
      return TRUE;
    }
  link_errno = errno;
  g_unlink (temp);
  if (link_not_supported (link_errno))
    return try_create_exclusive (path, note, out_errno);
  *out_errno = link_errno;
  return FALSE;
}

static void
error_busy (GError     **error,
            const char  *display,
            const char  *note)
{
  g_auto(GStrv) fields = note != NULL ? g_strsplit (note, ",", 6) : NULL;

  if (fields != NULL && g_strv_length (fields) == 5)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED,
                 _("“%s” is being saved by %s on %s. Your changes are kept; try again in a moment."),
                 display, fields[0], fields[1]);
  else
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED,
                 _("“%s” is being saved by someone else. Your changes are kept; try again in a moment."),
                 display);
}

GkPublishLock *
gk_publish_lock_acquire (const char    *target,
                         const char    *display,
                         gint64         wait_us,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *path = gk_publish_lock_path_for (target);
  g_autofree char *note = make_note ();
  gint64 deadline = g_get_monotonic_time () + wait_us;
  g_autofree char *holder = NULL;
  GkPublishLock *lock;

  for (;;)
    {
      struct stat st;
      int saved_errno = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (try_create (path, note, &saved_errno))
        break;
      if (saved_errno != EEXIST)
        {
          if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
            gk_storage_error_folder_read_only (error, display);
          else
            gk_storage_error_saving_errno (error, saved_errno, display);
          return NULL;
        }

      g_clear_pointer (&holder, g_free);
      holder = read_note (path);
      if (stat (path, &st) == 0 && lock_is_stale (path, holder, gk_storage_mtime_us (&st)))
        {
          break_stale_lock (path, holder);
          continue;
        }
      if (g_get_monotonic_time () > deadline)
        {
          error_busy (error, display, holder);
          return NULL;
        }
      /* Someone publishes right now, for milliseconds (or seconds on a slow
       * share): wait a little, a different little for each of us. */
      g_usleep (g_random_int_range (5, 25) * 1000);
    }

  lock = g_new0 (GkPublishLock, 1);
  lock->path = g_steal_pointer (&path);
  lock->note = g_steal_pointer (&note);
  return lock;
}

gboolean
gk_publish_lock_still_held (GkPublishLock *lock)
{
  g_autofree char *now = read_note (lock->path);

  return g_strcmp0 (now, lock->note) == 0;
}

void
gk_publish_lock_release (GkPublishLock *lock)
{
  if (lock == NULL)
    return;
  /* Only our own: one that was broken as stale and taken by someone else
   * is theirs now. */
  if (gk_publish_lock_still_held (lock))
    g_unlink (lock->path);
  g_free (lock->path);
  g_free (lock->note);
  g_free (lock);
}

/* --- leftovers ------------------------------------------------------------- */

/* Whether name is one of our temporary files for the shared file called
 * shared_name: ".<shared_name>.XXXXXX" (g_mkstemp), or its SQLite journal,
 * or a publish lock's note file or a broken lock set aside. */
static gboolean
is_our_temp_name (const char *name,
                  const char *shared_name)
{
  gsize prefix_len = strlen (shared_name) + 2;
  const char *rest;

  if (name[0] != '.' || strncmp (name + 1, shared_name, prefix_len - 2) != 0 ||
      name[prefix_len - 1] != '.')
    return FALSE;
  rest = name + prefix_len;
  /* A lock's note not yet linked, or a broken lock set aside (never the
   * lock itself, which has no dot after its name). */
  if (g_str_has_prefix (rest, "publish-lock."))
    return TRUE;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isalnum (rest[i]))
      return FALSE;
  rest += 6;
  return *rest == '\0' || g_str_equal (rest, "-journal") || g_str_equal (rest, "-wal") ||
         g_str_equal (rest, "-shm");
}

guint
gk_storage_clean_stale_temp_files (const char *target,
                                   gint64      now_us,
                                   gint64      older_than_us)
{
  g_autofree char *dir_path = g_path_get_dirname (target);
  g_autofree char *shared_name = g_path_get_basename (target);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;

      if (!is_our_temp_name (name, shared_name))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      /* A young one may be a colleague's save in progress. */
      if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
          now_us - gk_storage_mtime_us (&st) < older_than_us)
        continue;
      if (g_unlink (path) == 0)
        removed++;
    }
  return removed;
}
