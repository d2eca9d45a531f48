/* gk-conflict-copy.c: the copies that sync clients leave beside a file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names are matched with anchored regular expressions built around the
 * file's own name, escaped, in raw (byte) mode: a name with spaces,
 * brackets, dots or bytes that are not UTF-8 is matched as it is on disk.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* renameat2 and RENAME_NOREPLACE */
#endif
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gk-conflict-copy.h"
#include "gk-project-error.h"
#include "gk-project-file.h"
#include "gk-project-file-parts.h"

/* Enough for any folder a person keeps merged copies in; a bound, so that
 * a folder we cannot judge (every name "taken") cannot loop forever. */
#define MAX_ASIDE_NAMES 10000

struct _GkConflictCopy {
  gatomicrefcount ref_count;
  GFile          *file;
  GkSyncClient    client;
  char           *author;
  GDateTime      *when;
  gboolean        when_has_time;
};

G_DEFINE_BOXED_TYPE (GkConflictCopy, gk_conflict_copy, gk_conflict_copy_ref, gk_conflict_copy_unref)

const char *
gk_sync_client_name (GkSyncClient client)
{
  switch (client)
    {
    case GK_SYNC_CLIENT_ONEDRIVE:
      return "OneDrive";
    case GK_SYNC_CLIENT_DROPBOX:
      return "Dropbox";
    case GK_SYNC_CLIENT_NEXTCLOUD:
      return "Nextcloud";
    case GK_SYNC_CLIENT_SYNCTHING:
      return "Syncthing";
    default:
      g_return_val_if_reached (NULL);
    }
}

static GkConflictCopy *
conflict_copy_new (GFile        *file,
                   GkSyncClient  client,
                   const char   *raw_author,
                   GDateTime    *when,
                   gboolean      when_has_time)
{
  GkConflictCopy *copy = g_new0 (GkConflictCopy, 1);

  g_atomic_ref_count_init (&copy->ref_count);
  copy->file = g_object_ref (file);
  copy->client = client;
  /* The name's bytes need not be UTF-8; the author is for showing. */
  copy->author = raw_author != NULL ? g_utf8_make_valid (raw_author, -1) : NULL;
  copy->when = g_date_time_ref (when);
  copy->when_has_time = when_has_time;
  return copy;
}

GkConflictCopy *
gk_conflict_copy_ref (GkConflictCopy *copy)
{
  g_return_val_if_fail (copy != NULL, NULL);

  g_atomic_ref_count_inc (&copy->ref_count);
  return copy;
}

void
gk_conflict_copy_unref (GkConflictCopy *copy)
{
  g_return_if_fail (copy != NULL);

  if (!g_atomic_ref_count_dec (&copy->ref_count))
    return;
  g_object_unref (copy->file);
  g_free (copy->author);
  g_date_time_unref (copy->when);
  g_free (copy);
}

GFile *
gk_conflict_copy_get_file (GkConflictCopy *copy)
{
  g_return_val_if_fail (copy != NULL, NULL);
  return copy->file;
}

GkSyncClient
gk_conflict_copy_get_client (GkConflictCopy *copy)
{
  g_return_val_if_fail (copy != NULL, GK_SYNC_CLIENT_ONEDRIVE);
  return copy->client;
}

const char *
gk_conflict_copy_get_author (GkConflictCopy *copy)
{
  g_return_val_if_fail (copy != NULL, NULL);
  return copy->author;
}

GDateTime *
gk_conflict_copy_get_when (GkConflictCopy *copy)
{
  g_return_val_if_fail (copy != NULL, NULL);
  return copy->when;
}

gboolean
gk_conflict_copy_get_when_has_time (GkConflictCopy *copy)
{
  g_return_val_if_fail (copy != NULL, FALSE);
  return copy->when_has_time;
}

/* --- recognising the names ------------------------------------------------ */

/* "plan.gripkaart" -> "plan" and ".gripkaart"; a name without a dot (or
 * only a leading one) has no extension. */
static void
split_name (const char  *name,
            char       **out_base,
            char       **out_ext)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    dot = name + strlen (name);
  *out_base = g_strndup (name, (gsize) (dot - name));
  *out_ext = g_strdup (dot);
}

/* What each client's name looks like after the escaped base name and
 * before the escaped extension; the groups are named so that one reader
 * serves all. Dates are checked by GDateTime, not by the pattern. */
static const struct {
  GkSyncClient client;
  const char  *middle;
} patterns[] = {
  { GK_SYNC_CLIENT_DROPBOX,
    " \\((?<who>[^()/]+)'s conflicted copy (?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})\\)"
    "(?: \\([0-9]{1,6}\\))?" },
  { GK_SYNC_CLIENT_NEXTCLOUD,
    " \\(conflicted copy (?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2}) "
    "(?<H>[0-9]{2})(?<M>[0-9]{2})(?<S>[0-9]{2})\\)" },
  { GK_SYNC_CLIENT_SYNCTHING,
    "\\.sync-conflict-(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})-"
    "(?<H>[0-9]{2})(?<M>[0-9]{2})(?<S>[0-9]{2})-(?<who>[A-Z2-7]{7})" },
  /* A host name: letters, digits and hyphens, at most 63. */
  { GK_SYNC_CLIENT_ONEDRIVE,
    "-(?<who>[A-Za-z0-9][A-Za-z0-9-]{0,62})" },
};

typedef struct {
  GRegex *regex[G_N_ELEMENTS (patterns)];
} Matchers;

static void
matchers_clear (Matchers *matchers)
{
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    g_clear_pointer (&matchers->regex[i], g_regex_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Matchers, matchers_clear)

static void
matchers_init (Matchers   *matchers,
               const char *project_name)
{
  g_autofree char *base = NULL;
  g_autofree char *ext = NULL;
  g_autofree char *base_re = NULL;
  g_autofree char *ext_re = NULL;

  split_name (project_name, &base, &ext);
  base_re = g_regex_escape_string (base, -1);
  ext_re = g_regex_escape_string (ext, -1);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      /* \z, not $: $ would also match before a final newline. */
      g_autofree char *source = g_strconcat ("^", base_re, patterns[i].middle, ext_re, "\\z", NULL);
      g_autoptr(GError) error = NULL;

      matchers->regex[i] = g_regex_new (source, G_REGEX_RAW | G_REGEX_DUPNAMES, 0, &error);
      g_assert_no_error (error);   /* the patterns are ours; the names escaped */
    }
}

static int
group_int (GMatchInfo *match,
           const char *group)
{
  g_autofree char *text = g_match_info_fetch_named (match, group);

  return text != NULL && *text != '\0' ? atoi (text) : 0;
}

/* The moment in the name; NULL when it is not a real one (30 February,
 * 25 o'clock), so that the name is not a conflict copy's. */
static GDateTime *
when_in_name (GMatchInfo *match)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  int year = group_int (match, "y");

  if (year < 1970)
    return NULL;
  return g_date_time_new (local, year, group_int (match, "m"), group_int (match, "d"),
                          group_int (match, "H"), group_int (match, "M"), group_int (match, "S"));
}

/* --- OneDrive: the same programme ----------------------------------------- */

/* What tells one programme from another: its title and municipality. The
 * file holds no identity of its own yet; once publishes record revisions,
 * a shared ancestor revision is the better test. */
static char *
programme_identity (const char *path)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = gk_storage_open_hardened (path, TRUE, display, &error);
  sqlite3_stmt *stmt = NULL;
  char *identity = NULL;

  if (db == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (db, "SELECT title, municipality FROM programme", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *title = (const char *) sqlite3_column_text (stmt, 0);
      const char *municipality = (const char *) sqlite3_column_text (stmt, 1);

      identity = g_strdup_printf ("%s\n%s", title != NULL ? title : "",
                                  municipality != NULL ? municipality : "");
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return identity;
}

/* "plan-old.gripkaart" may be the user's own file: it is OneDrive's copy
 * only when it is a sound Gripkaart file of the same programme. */
static gboolean
is_copy_of_same_programme (const char  *candidate,
                           const char  *project_path,
                           char       **project_identity)
{
  g_autofree char *identity = NULL;

  if (!gk_project_file_check (candidate, NULL, NULL))
    return FALSE;
  identity = programme_identity (candidate);
  if (identity == NULL)
    return FALSE;
  /* The shared file is read in place, read-only; not while another
   * program writes it (SQLite would then read its journal or WAL). */
  if (*project_identity == NULL &&
      gk_storage_check_no_other_writer (project_path, "", NULL))
    *project_identity = programme_identity (project_path);
  return g_strcmp0 (identity, *project_identity) == 0;
}

/* --- finding --------------------------------------------------------------- */

typedef struct {
  const char *project_path;
  char       *project_identity;   /* read once, when a OneDrive name turns up */
} FindState;

static GkConflictCopy *
recognise (Matchers   *matchers,
           FindState  *state,
           GFile      *folder,
           GFileInfo  *info)
{
  const char *name = g_file_info_get_name (info);

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *who = NULL;
      GkSyncClient client = patterns[i].client;

      if (!g_regex_match (matchers->regex[i], name, 0, &match))
        continue;
      file = g_file_get_child (folder, name);
      who = g_match_info_fetch_named (match, "who");
      if (client == GK_SYNC_CLIENT_ONEDRIVE)
        {
          if (!is_copy_of_same_programme (g_file_peek_path (file), state->project_path,
                                          &state->project_identity))
            return NULL;
          when = g_file_info_get_modification_date_time (info);
          if (when == NULL)
            return NULL;
          return conflict_copy_new (file, client, who, when, TRUE);
        }
      when = when_in_name (match);
      if (when == NULL)
        return NULL;
      return conflict_copy_new (file, client, who, when,
                                client != GK_SYNC_CLIENT_DROPBOX);
    }
  return NULL;
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  GkConflictCopy *x = *(GkConflictCopy **) a;
  GkConflictCopy *y = *(GkConflictCopy **) b;
  int by_time = g_date_time_compare (x->when, y->when);

  if (by_time != 0)
    return by_time;
  return strcmp (g_file_peek_path (x->file), g_file_peek_path (y->file));
}

GPtrArray *
gk_conflict_copies_find (GFile         *project_file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_conflict_copy_unref);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *project_name = NULL;
  g_auto(Matchers) matchers = { { NULL } };
  FindState state = { NULL, NULL };
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (project_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = g_file_get_parent (project_file);
  project_name = g_file_get_basename (project_file);
  if (folder == NULL || project_name == NULL)
    return g_steal_pointer (&copies);
  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        cancellable, error);
  if (children == NULL)
    return NULL;

  matchers_init (&matchers, project_name);
  state.project_path = g_file_peek_path (project_file);
  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_enumerator_next_file (children, cancellable, &local_error);
      GkConflictCopy *copy;

      if (info == NULL)
        break;

      /* A folder (or a link) with such a name is not a copy of the file. */
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;
      copy = recognise (&matchers, &state, folder, info);
      if (copy != NULL)
        g_ptr_array_add (copies, copy);
    }
  g_free (state.project_identity);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  g_ptr_array_sort (copies, compare_oldest_first);
  return g_steal_pointer (&copies);
}

/* --- moving aside ------------------------------------------------------------ */

/* Renames from to to unless to exists, atomically where the file system
 * can (renameat2, else a hard link); returns 0 or an errno. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  struct stat st;

#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return errno;
#endif
  if (link (from, to) == 0)
    {
      if (g_unlink (from) == 0)
        return 0;
      /* Both names are the same file: dropping the new one loses nothing. */
      int saved = errno;
      g_unlink (to);
      return saved;
    }
  if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EXDEV && errno != EMLINK)
    return errno;
  /* A file system without links (FAT, some network shares): check, then
   * rename; only the rare name taken between the two is at risk, and the
   * names tried are ours, in our hidden folder. */
  if (g_lstat (to, &st) == 0)
    return EEXIST;
  return g_rename (from, to) == 0 ? 0 : errno;
}

static char *
aside_name (const char *name,
            guint       n)
{
  g_autofree char *base = NULL;
  g_autofree char *ext = NULL;

  if (n == 1)
    return g_strdup (name);
  split_name (name, &base, &ext);
  return g_strdup_printf ("%s (%u)%s", base, n, ext);
}

static void
set_move_error (GError     **error,
                int          saved_errno,
                const char  *display)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                   _("The conflict copy “%s” cannot be moved aside: its folder is read-only. "
                     "It stays where it is; ask for write access to the folder and try again."),
                   display);
      break;
    case ENOENT:
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_FOUND,
                   _("The conflict copy “%s” is no longer there: someone else moved or removed it. "
                     "Nothing was changed."),
                   display);
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NO_SPACE,
                   _("The conflict copy “%s” cannot be moved aside: the disk is full. "
                     "It stays where it is; make room and try again."),
                   display);
      break;
    default:
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("The conflict copy “%s” could not be moved aside (%s). It stays where it is."),
                   display, g_strerror (saved_errno));
      break;
    }
}

/* The hidden folder beside path, made when it is not there yet. */
static char *
make_aside_folder (const char  *path,
                   const char  *display,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *aside = g_build_filename (dir, GK_CONFLICT_COPY_ASIDE_FOLDER, NULL);
  struct stat st;

  if (g_mkdir (aside, 0777) != 0 && errno != EEXIST)
    {
      set_move_error (error, errno, display);
      return NULL;
    }
  if (g_lstat (aside, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("The conflict copy “%s” cannot be moved aside: “%s” beside it is not a "
                     "folder. Rename or move that file away, then try again."),
                   display, GK_CONFLICT_COPY_ASIDE_FOLDER);
      return NULL;
    }
  gk_storage_fsync_directory (dir);
  return g_steal_pointer (&aside);
}

GFile *
gk_conflict_copy_move_aside (GkConflictCopy  *copy,
                             GError         **error)
{
  const char *path;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (copy != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (copy->file);
  display = g_file_get_parse_name (copy->file);
  if (path == NULL)
    {
      set_move_error (error, EOPNOTSUPP, display);
      return NULL;
    }
  g_free (display);
  display = g_filename_display_basename (path);
  name = g_path_get_basename (path);
  dir = g_path_get_dirname (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_move_error (error, ENOENT, display);
      return NULL;
    }
  aside = make_aside_folder (path, display, error);
  if (aside == NULL)
    return NULL;

  for (guint n = 1; n <= MAX_ASIDE_NAMES; n++)
    {
      g_autofree char *target_name = aside_name (name, n);
      g_autofree char *target = g_build_filename (aside, target_name, NULL);
      int failed = rename_no_replace (path, target);

      if (failed == 0)
        {
          gk_storage_fsync_directory (aside);
          gk_storage_fsync_directory (dir);
          return g_file_new_for_path (target);
        }
      if (failed != EEXIST)
        {
          set_move_error (error, failed, display);
          return NULL;
        }
    }
  set_move_error (error, EEXIST, display);
  return NULL;
}
