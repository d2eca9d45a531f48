/* gk-project-file.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared file is untrusted (anyone can put any file on a network drive)
 * and unreliable (network drives break SQLite's locking, sync clients
 * replace files behind our back). Hence:
 * - SQLite never opens the shared file: we copy its bytes once, hashing them
 *   on the way, and check and open the copy. What we checked is what we use.
 * - The header is checked by hand before SQLite parses anything.
 * - The connection is hardened, and the schema must be exactly ours.
 * - Saving writes a complete new file beside the shared one, syncs and checks
 *   it, and renames it over the shared file only if that is still the file
 *   we read (same content hash).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-migrations.h"
#include "gk-clock.h"
#include "gk-project-file-private.h"
#include "gk-schema.h"

#define SQLITE_HEADER_SIZE   100
#define COPY_BUFFER_SIZE     (256 * 1024)
#define BUSY_TIMEOUT_MS      200
/* No text in a programme comes near this; a crafted file asking for more
 * is refused instead of exhausting memory. */
#define MAX_VALUE_LENGTH     (64 * 1024 * 1024)
#define KEY_FILE_GROUP       "Working copy"

typedef struct {
  gint64  size;
  gint64  mtime_us;
  char   *sha256;
} Fingerprint;

struct _GkProjectFile
{
  GObject        parent_instance;

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

  Fingerprint    fingerprint;       /* of the shared file as read or saved */
  GError        *read_only_reason;

  gboolean       dirty;
  gboolean       unpublished_recorded; /* the key file says unpublished=true */
  gboolean       publishing;
  sqlite3_int64  changes_at_clean;
};

G_DEFINE_FINAL_TYPE (GkProjectFile, gk_project_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_READ_ONLY,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- errors ---------------------------------------------------------------- */

static void
set_not_project (GError     **error,
                 const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT,
               _("“%s” is not a Gripkaart project file."), display);
}

static void
set_damaged (GError     **error,
             const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be opened safely."), display);
}

static void
set_foreign_parts (GError     **error,
                   const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT,
               _("“%s” contains parts that Gripkaart did not make. "
                 "For safety it is not opened."), display);
}

static void
set_being_changed (GError     **error,
                   const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED,
               _("“%s” is being changed by another program right now. "
                 "Close that program, or wait a moment, and try again."), display);
}

static void
set_folder_read_only (GError     **error,
                      const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
               _("The folder of “%s” is read-only. "
                 "Save the programme elsewhere with Save As."), display);
}

static void
set_no_space_saving (GError     **error,
                     const char  *display)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NO_SPACE,
               _("There is not enough disk space to save “%s”. Nothing was lost: "
                 "the file and your changes are as they were. "
                 "Make space and save again."), display);
}

static void
set_failed_saving (GError     **error,
                   const char  *display,
                   const char  *detail)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
               _("“%s” could not be saved (%s). Nothing was lost: "
                 "the file and your changes are as they were."), display, detail);
}

static void
set_failed_opening (GError     **error,
                    const char  *display,
                    const char  *detail)
{
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
               _("“%s” could not be opened (%s)."), display, detail);
}

/* An error while reading or opening a file, from errno. */
static void
set_error_opening_errno (GError     **error,
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
    set_failed_opening (error, display, g_strerror (saved_errno));
}

/* An error while writing the new file next to the shared one, from errno. */
static void
set_error_saving_errno (GError     **error,
                        int          saved_errno,
                        const char  *display)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    set_no_space_saving (error, display);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    set_folder_read_only (error, display);
  else if (saved_errno == EBUSY || saved_errno == ETXTBSY)
    set_being_changed (error, display);
  else
    set_failed_saving (error, display, g_strerror (saved_errno));
}

/* While checking a file, almost every SQLite error means the file is bad. */
static void
set_error_checking_sqlite (GError     **error,
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
      set_failed_opening (error, display, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      set_being_changed (error, display);
      break;
    case SQLITE_FULL:
      set_error_opening_errno (error, ENOSPC, display);
      break;
    default:
      set_damaged (error, display);
      break;
    }
}

/* --- small file helpers ---------------------------------------------------- */

static gssize
read_full (int     fd,
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

static gboolean
write_full (int           fd,
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

static gint64
stat_mtime_us (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* Whether the file at path is still the one stat'ed in before (a cheap test
 * against a replacement in the last moments before a rename). */
static gboolean
same_file_as (const char        *path,
              const struct stat *before)
{
  struct stat now;

  return stat (path, &now) == 0 &&
         now.st_dev == before->st_dev &&
         now.st_ino == before->st_ino &&
         now.st_size == before->st_size &&
         stat_mtime_us (&now) == stat_mtime_us (before);
}

/* Hashes an open file from its start; returns FALSE with errno set. */
static gboolean
hash_fd (int      fd,
         char   **out_sha256,
         gint64  *out_size)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (COPY_BUFFER_SIZE);
  gint64 size = 0;
  gssize n;

  if (lseek (fd, 0, SEEK_SET) < 0)
    return FALSE;
  while ((n = read_full (fd, buffer, COPY_BUFFER_SIZE)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      size += n;
    }
  if (n < 0)
    return FALSE;

  *out_sha256 = g_strdup (g_checksum_get_string (checksum));
  *out_size = size;
  return TRUE;
}

static void
fsync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Some file systems cannot sync a directory; the rename is done anyway. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
unlink_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static gboolean
rename_database_files (const char *from,
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

/* --- the hardened connection ----------------------------------------------- */

static sqlite3 *
open_hardened (const char  *path,
               gboolean     read_only,
               const char  *display,
               GError     **error)
{
  static const struct { int option; int value; } options[] = {
    { SQLITE_DBCONFIG_DEFENSIVE, 1 },
    { SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0 },
    { SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0 },
    { SQLITE_DBCONFIG_ENABLE_TRIGGER, 0 },   /* our schema has none */
    { SQLITE_DBCONFIG_ENABLE_VIEW, 0 },      /* nor views */
    { SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0 },
    { SQLITE_DBCONFIG_DQS_DML, 0 },
    { SQLITE_DBCONFIG_DQS_DDL, 0 },
    { SQLITE_DBCONFIG_ENABLE_FKEY, 1 },
  };
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  sqlite3 *db = NULL;
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_PRIVATECACHE, NULL);
  if (rc != SQLITE_OK)
    {
      if (!read_only || g_file_test (path, G_FILE_TEST_EXISTS))
        set_failed_opening (error, display, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      else
        set_error_opening_errno (error, ENOENT, display);
      sqlite3_close (db);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      int now = -1;

      if (sqlite3_db_config (db, options[i].option, options[i].value, &now) != SQLITE_OK ||
          now != options[i].value)
        {
          set_failed_opening (error, display, "sqlite3_db_config");
          sqlite3_close (db);
          return NULL;
        }
    }

  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_VALUE_LENGTH);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  rc = sqlite3_exec (db,
                     "PRAGMA trusted_schema = OFF;"
                     "PRAGMA cell_size_check = ON;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA mmap_size = 0;",
                     NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      set_error_checking_sqlite (error, rc, db, display);
      sqlite3_free (errmsg);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

sqlite3 *
gk_db_open_hardened (const char  *path,
                     gboolean     read_only,
                     GError     **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  return open_hardened (path, read_only, display, error);
}

/* --- checking a file -------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

typedef struct {
  int     schema_version;
  guint32 page_size;
} HeaderInfo;

/* The database header (https://www.sqlite.org/fileformat.html), checked
 * before SQLite sees the file. */
static gboolean
check_header (const char  *path,
              const char  *display,
              HeaderInfo  *info,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[SQLITE_HEADER_SIZE];
  struct stat st;
  guint32 page_size;
  guint32 header_pages;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_error_opening_errno (error, errno, display);
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      set_error_opening_errno (error, errno, display);
      close (fd);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_project (error, display);
      return FALSE;
    }
  n = read_full (fd, header, sizeof header);
  if (n < 0)
    {
      set_error_opening_errno (error, errno, display);
      close (fd);
      return FALSE;
    }
  close (fd);

  if (n < SQLITE_HEADER_SIZE || memcmp (header, magic, sizeof magic) != 0)
    {
      set_not_project (error, display);
      return FALSE;
    }

  if (read_be32 (header + 68) != GK_APPLICATION_ID)
    {
      set_not_project (error, display);
      return FALSE;
    }

  info->schema_version = (gint32) read_be32 (header + 60);

  page_size = (guint32) header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  header_pages = read_be32 (header + 28);

  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0 ||
      header[18] < 1 || header[18] > 2 || header[19] < 1 || header[19] > 2 ||
      header[21] != 64 || header[22] != 32 || header[23] != 32 ||
      st.st_size % page_size != 0)
    {
      set_damaged (error, display);
      return FALSE;
    }

  /* The page count in the header is valid when the change counter matches
   * "version-valid-for"; a shorter file is a truncated one. */
  if (read_be32 (header + 24) == read_be32 (header + 92) && header_pages != 0 &&
      (guint64) header_pages * page_size > (guint64) st.st_size)
    {
      set_damaged (error, display);
      return FALSE;
    }

  info->page_size = page_size;
  return TRUE;
}

static gboolean
quick_check (sqlite3     *db,
             const char  *display,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_checking_sqlite (error, rc, db, display);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (ok)
    rc = sqlite3_step (stmt);
  ok = ok && rc == SQLITE_DONE;

  if (!ok)
    {
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        set_damaged (error, display);
      else
        set_error_checking_sqlite (error, rc, db, display);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* The text of a CREATE statement with insignificant differences removed:
 * runs of white space, white space next to brackets and commas, and the
 * case of everything outside quotes. */
static char *
normalize_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  char quote = 0;
  gboolean pending_space = FALSE;

  for (const char *p = sql; *p != '\0'; p++)
    {
      char c = *p;

      if (quote != 0)
        {
          g_string_append_c (out, c);
          if (c == quote)
            quote = 0;
          continue;
        }

      if (g_ascii_isspace (c))
        {
          pending_space = TRUE;
          continue;
        }

      if (pending_space && out->len > 0 &&
          strchr ("(,", out->str[out->len - 1]) == NULL && strchr ("),", c) == NULL)
        g_string_append_c (out, ' ');
      pending_space = FALSE;

      if (c == '\'' || c == '"' || c == '`' || c == '[')
        {
          quote = c == '[' ? ']' : c;
          g_string_append_c (out, c);
        }
      else
        g_string_append_c (out, g_ascii_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/* Objects SQLite makes by itself, which may appear in any file. */
static gboolean
is_internal_object (const char *type,
                    const char *name,
                    const char *sql)
{
  if (g_strcmp0 (type, "table") == 0)
    return g_strcmp0 (name, "sqlite_sequence") == 0 || g_str_has_prefix (name, "sqlite_stat");
  if (g_strcmp0 (type, "index") == 0)
    return sql == NULL && g_str_has_prefix (name, "sqlite_autoindex_");
  return FALSE;
}

/* The schema of db as a set of "type name tbl_name sql" strings. */
static GHashTable *
read_schema (sqlite3     *db,
             const char  *display,
             GError     **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_checking_sqlite (error, rc, db, display);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *normal = NULL;

      if (is_internal_object (type, name, sql))
        continue;

      normal = normalize_sql (sql != NULL ? sql : "");
      g_hash_table_add (entries, g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s",
                                                  type != NULL ? type : "",
                                                  name != NULL ? name : "",
                                                  table != NULL ? table : "",
                                                  normal));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_checking_sqlite (error, rc, db, display);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static GHashTable *
expected_schema (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GHashTable *entries = NULL;
  sqlite3 *db = NULL;

  if (sqlite3_open (":memory:", &db) == SQLITE_OK &&
      gk_schema_create (db, &local_error))
    entries = read_schema (db, "schema", &local_error);
  sqlite3_close (db);

  if (entries == NULL)
    g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "%s",
                 local_error != NULL ? local_error->message : "out of memory");
  return entries;
}

/* The schema must be exactly the one gk-schema.c makes: any trigger, view,
 * table, index or changed definition that we did not make is refused. */
static gboolean
check_schema_is_ours (sqlite3     *db,
                      const char  *display,
                      GError     **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer entry;

  expected = expected_schema (error);
  if (expected == NULL)
    return FALSE;
  actual = read_schema (db, display, error);
  if (actual == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &entry, NULL))
    if (!g_hash_table_contains (expected, entry))
      {
        g_debug ("Unexpected schema object: %s", (const char *) entry);
        set_foreign_parts (error, display);
        return FALSE;
      }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &entry, NULL))
    if (!g_hash_table_contains (actual, entry))
      {
        g_debug ("Missing schema object: %s", (const char *) entry);
        set_damaged (error, display);
        return FALSE;
      }

  return TRUE;
}

/* For a schema of another version we cannot compare the text, but tables
 * and indexes are all a Gripkaart file ever holds. */
static gboolean
check_only_tables_and_indexes (sqlite3     *db,
                               const char  *display,
                               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT count(*) FROM sqlite_schema WHERE type NOT IN ('table', 'index')",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_checking_sqlite (error, rc, db, display);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_checking_sqlite (error, rc, db, display);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      set_foreign_parts (error, display);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
check_contents (const char  *path,
                const char  *display,
                int          schema_version,
                GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  db = open_hardened (path, TRUE, display, error);
  if (db == NULL)
    return FALSE;

  ok = quick_check (db, display, error);
  if (ok && schema_version == GK_SCHEMA_VERSION)
    ok = check_schema_is_ours (db, display, error);
  else if (ok)
    ok = check_only_tables_and_indexes (db, display, error);

  sqlite3_close (db);
  return ok;
}

static gboolean
check_file (const char  *path,
            const char  *display,
            int         *out_schema_version,
            GError     **error)
{
  HeaderInfo info = { 0, 0 };

  if (!check_header (path, display, &info, error))
    return FALSE;
  if (out_schema_version != NULL)
    *out_schema_version = info.schema_version;

  if (info.schema_version < GK_SCHEMA_VERSION &&
      !gk_migrations_can_run (info.schema_version, GK_SCHEMA_VERSION))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” was made by a version of Gripkaart that this version cannot read."),
                   display);
      return FALSE;
    }

  if (!check_contents (path, display, info.schema_version, error))
    return FALSE;

  if (info.schema_version > GK_SCHEMA_VERSION)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Gripkaart. It is opened read-only."),
                   display);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_project_file_check (const char  *path,
                       int         *out_schema_version,
                       GError     **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_basename (path);
  return check_file (path, display, out_schema_version, error);
}

/* A non-empty journal or WAL beside the shared file means another program
 * is writing it in place (or crashed doing so): its main file may be half
 * written, or miss what the WAL holds. */
static gboolean
check_no_other_writer (const char  *path,
                       const char  *display,
                       GError     **error)
{
  static const char * const suffixes[] = { "-journal", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      struct stat st;

      if (stat (name, &st) == 0 && st.st_size > 0)
        {
          set_being_changed (error, display);
          return FALSE;
        }
    }
  return TRUE;
}

/* --- the working copy ------------------------------------------------------- */

static char *
working_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "gripkaart", "working", NULL);
}

static void
fingerprint_clear (Fingerprint *fp)
{
  g_clear_pointer (&fp->sha256, g_free);
  fp->size = 0;
  fp->mtime_us = 0;
}

/* Copies src into a new file in dir, hashing it on the way. A file that
 * changes while we copy it is copied again. Returns the copy's path. */
static char *
copy_original (const char   *src,
               const char   *dir,
               const char   *display,
               Fingerprint  *fp,
               GError      **error)
{
  g_autofree guint8 *buffer = g_malloc (COPY_BUFFER_SIZE);

  for (int attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *dest = g_build_filename (dir, "incoming-XXXXXX", NULL);
      struct stat before, after;
      gint64 copied = 0;
      gssize n;
      int in, out;

      in = g_open (src, O_RDONLY | O_CLOEXEC, 0);
      if (in < 0 || fstat (in, &before) != 0)
        {
          set_error_opening_errno (error, errno, display);
          if (in >= 0)
            close (in);
          return NULL;
        }

      out = g_mkstemp_full (dest, O_RDWR | O_CLOEXEC, 0600);
      if (out < 0)
        {
          set_error_opening_errno (error, errno, display);
          close (in);
          return NULL;
        }

      while ((n = read_full (in, buffer, COPY_BUFFER_SIZE)) > 0)
        {
          g_checksum_update (checksum, buffer, n);
          copied += n;
          if (!write_full (out, buffer, n))
            break;
        }

      if (n != 0 || fsync (out) != 0)
        {
          int saved_errno = errno;

          close (in);
          close (out);
          g_unlink (dest);
          set_error_opening_errno (error, saved_errno, display);
          return NULL;
        }
      close (out);

      if (fstat (in, &after) == 0 && after.st_size == before.st_size &&
          stat_mtime_us (&after) == stat_mtime_us (&before) && copied == before.st_size)
        {
          close (in);
          fingerprint_clear (fp);
          fp->size = copied;
          fp->mtime_us = stat_mtime_us (&before);
          fp->sha256 = g_strdup (g_checksum_get_string (checksum));
          return g_steal_pointer (&dest);
        }

      close (in);
      g_unlink (dest);
    }

  set_being_changed (error, display);
  return NULL;
}

/* Files that another program opened in WAL mode say so in their header; our
 * copy has no WAL beside it (check_no_other_writer), so it can be read as an
 * ordinary rollback-journal database, which is what we keep working copies
 * in. */
static gboolean
use_rollback_journal (const char *path)
{
  guint8 versions[2];
  gboolean ok = TRUE;
  int fd;

  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (pread (fd, versions, 2, 18) == 2 && (versions[0] == 2 || versions[1] == 2))
    {
      static const guint8 legacy[2] = { 1, 1 };

      ok = pwrite (fd, legacy, 2, 18) == 2 && fsync (fd) == 0;
    }
  close (fd);
  return ok;
}

static gboolean
key_file_says_unpublished (const char *key_path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  gboolean unpublished;

  /* Without a readable key file we cannot tell: keep the copy. */
  if (!g_key_file_load_from_file (key_file, key_path, G_KEY_FILE_NONE, NULL))
    return TRUE;
  unpublished = g_key_file_get_boolean (key_file, KEY_FILE_GROUP, "unpublished", &error);
  return error != NULL || unpublished;
}

/* A working copy left in our slot by an earlier run that ended without
 * closing (a crash): unpublished edits in it are moved aside, never
 * overwritten. */
static void
set_aside_stale_copy (GkProjectFile *self)
{
  g_autofree char *stem = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (!g_file_test (self->working_path, G_FILE_TEST_EXISTS))
    {
      unlink_database_files (self->working_path);
      g_unlink (self->key_path);
      return;
    }

  if (!key_file_says_unpublished (self->key_path))
    {
      unlink_database_files (self->working_path);
      g_unlink (self->key_path);
      return;
    }

  now = gk_clock_dup_now (gk_clock_get_default ());
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  stem = g_strndup (self->working_path, strlen (self->working_path) - strlen (".gripkaart"));

  for (int i = 1; i < 100; i++)
    {
      g_autofree char *suffix = i == 1 ? g_strdup (stamp) : g_strdup_printf ("%s-%d", stamp, i);
      g_autofree char *db_path = g_strdup_printf ("%s.recovered-%s.gripkaart", stem, suffix);
      g_autofree char *key_path = g_strdup_printf ("%s.recovered-%s.ini", stem, suffix);

      if (g_file_test (db_path, G_FILE_TEST_EXISTS))
        continue;
      if (rename_database_files (self->working_path, db_path))
        {
          g_rename (self->key_path, key_path);
          self->recovered_path = g_steal_pointer (&db_path);
        }
      else
        g_warning ("Could not set aside the working copy %s: %s",
                   self->working_path, g_strerror (errno));
      return;
    }
}

/* Takes the first free slot "<base>", "<base>-2", ... in the working
 * directory. A slot is ours while we hold an flock() on its lock file, so
 * two windows or processes never share a working copy. */
static gboolean
claim_slot (GkProjectFile  *self,
            const char     *base,
            GError        **error)
{
  g_autofree char *dir = working_directory ();
  int retries = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_opening_errno (error, errno, self->display_name);
      return FALSE;
    }

  for (int i = 1; i <= 50; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%d", base, i);
      g_autofree char *lock_path = g_strdup_printf ("%s/%s.lock", dir, name);
      struct stat held, on_disk;
      int fd;

      fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          set_error_opening_errno (error, errno, self->display_name);
          return FALSE;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);
          continue;
        }
      /* The previous holder may have removed the lock file between our open
       * and our flock: then we locked a file nobody else will look at. */
      if (fstat (fd, &held) != 0 || stat (lock_path, &on_disk) != 0 ||
          held.st_ino != on_disk.st_ino || held.st_dev != on_disk.st_dev)
        {
          close (fd);
          if (retries++ < 10)
            i--;
          continue;
        }

      self->lock_fd = fd;
      self->lock_path = g_steal_pointer (&lock_path);
      self->working_path = g_strdup_printf ("%s/%s.gripkaart", dir, name);
      self->key_path = g_strdup_printf ("%s/%s.ini", dir, name);
      set_aside_stale_copy (self);
      return TRUE;
    }

  set_failed_opening (error, self->display_name, "no free working copy");
  return FALSE;
}

static void
release_slot (GkProjectFile *self,
              gboolean       keep_working_copy)
{
  if (self->working_path != NULL && !keep_working_copy)
    {
      unlink_database_files (self->working_path);
      g_unlink (self->key_path);
    }
  if (self->lock_fd >= 0)
    {
      /* Unlink before unlocking, so a waiter re-checks the inode. */
      g_unlink (self->lock_path);
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

/* The key file beside the working copy tells a later run which shared file
 * the copy belongs to, what that file was when read, and whether the copy
 * holds changes that were not published: what recovery needs. */
static gboolean
write_key_file (GkProjectFile  *self,
                gboolean        unpublished,
                GError        **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_key_file_set_string (key_file, KEY_FILE_GROUP, "uri", uri);
    }
  g_key_file_set_string (key_file, KEY_FILE_GROUP, "display-name", self->display_name);
  if (self->fingerprint.sha256 != NULL)
    {
      g_key_file_set_int64 (key_file, KEY_FILE_GROUP, "size", self->fingerprint.size);
      g_key_file_set_int64 (key_file, KEY_FILE_GROUP, "mtime-usec", self->fingerprint.mtime_us);
      g_key_file_set_string (key_file, KEY_FILE_GROUP, "sha256", self->fingerprint.sha256);
    }
  g_key_file_set_boolean (key_file, KEY_FILE_GROUP, "unpublished", unpublished);

  if (!g_key_file_save_to_file (key_file, self->key_path, error))
    return FALSE;
  self->unpublished_recorded = unpublished;
  return TRUE;
}

/* Runs just before every commit on the working copy: the first change after
 * a publish marks the copy as holding unpublished changes, so that a crash
 * does not lose them. Only file I/O here: SQLite forbids using the
 * connection from a commit hook. */
static int
on_commit (void *data)
{
  GkProjectFile *self = data;

  if (!self->unpublished_recorded && !self->publishing)
    {
      g_autoptr(GError) error = NULL;

      if (!write_key_file (self, TRUE, &error))
        g_warning ("Could not record unpublished changes: %s", error->message);
    }
  return 0;
}

static void
start_tracking_changes (GkProjectFile *self)
{
  /* The working copy is private and the shared file stays untouched until
   * publishing, so an edit need not wait for two fsyncs: a persistent journal
   * with synchronous=NORMAL keeps the copy consistent after a crash and makes
   * one edit take about 1 ms instead of 15 (see tests/bench/bench-core). */
  if (self->read_only_reason == NULL)
    sqlite3_exec (self->db, "PRAGMA journal_mode = PERSIST; PRAGMA synchronous = NORMAL;", NULL, NULL, NULL);
  self->changes_at_clean = sqlite3_total_changes64 (self->db);
  sqlite3_commit_hook (self->db, on_commit, self);
}

static gboolean
migrate_working_copy (GkProjectFile  *self,
                      int             from_version,
                      GError        **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (self->working_path);
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stem = NULL;
  sqlite3 *db;

  stem = g_strndup (self->working_path, strlen (self->working_path) - strlen (".gripkaart"));
  self->backup_path = g_strdup_printf ("%s.v%d-backup.gripkaart", stem, from_version);
  backup = g_file_new_for_path (self->backup_path);

  if (!g_file_copy (source, backup, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        set_error_opening_errno (error, ENOSPC, self->display_name);
      else
        set_failed_opening (error, self->display_name, local_error->message);
      g_clear_pointer (&self->backup_path, g_free);
      return FALSE;
    }

  db = open_hardened (self->working_path, FALSE, self->display_name, error);
  if (db == NULL)
    return FALSE;

  if (!gk_migrations_run (db, from_version, GK_SCHEMA_VERSION, &local_error))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” could not be brought up to date for this version of Gripkaart (%s). "
                     "The file was not changed."),
                   self->display_name, local_error->message);
      sqlite3_close (db);
      /* The shared file was never touched: the backup is of no use. */
      g_unlink (self->backup_path);
      g_clear_pointer (&self->backup_path, g_free);
      return FALSE;
    }

  if (!check_schema_is_ours (db, self->display_name, error))
    {
      sqlite3_close (db);
      return FALSE;
    }

  self->db = db;
  return TRUE;
}

/* --- GObject ----------------------------------------------------------------- */

static void
gk_project_file_dispose (GObject *object)
{
  gk_project_file_close (GK_PROJECT_FILE (object));

  G_OBJECT_CLASS (gk_project_file_parent_class)->dispose (object);
}

static void
gk_project_file_finalize (GObject *object)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);

  g_clear_object (&self->file);
  g_free (self->display_name);
  g_free (self->working_path);
  g_free (self->key_path);
  g_free (self->lock_path);
  g_free (self->backup_path);
  g_free (self->recovered_path);
  fingerprint_clear (&self->fingerprint);
  g_clear_error (&self->read_only_reason);

  G_OBJECT_CLASS (gk_project_file_parent_class)->finalize (object);
}

static void
gk_project_file_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, gk_project_file_get_read_only (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_file_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GkProjectFile *self = GK_PROJECT_FILE (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      gk_project_file_set_dirty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_file_class_init (GkProjectFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_project_file_dispose;
  object_class->finalize = gk_project_file_finalize;
  object_class->get_property = gk_project_file_get_property;
  object_class->set_property = gk_project_file_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_project_file_init (GkProjectFile *self)
{
  self->lock_fd = -1;
}

/* --- public API -------------------------------------------------------------- */

GkProjectFile *
gk_project_file_new (GError **error)
{
  g_autoptr(GkProjectFile) self = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (GK_TYPE_PROJECT_FILE, NULL);
  self->display_name = g_strdup (_("Untitled programme"));

  uuid = g_uuid_string_random ();
  base = g_strconcat ("untitled-", uuid, NULL);
  if (!claim_slot (self, base, error))
    return NULL;

  self->db = open_hardened (self->working_path, FALSE, self->display_name, error);
  if (self->db == NULL)
    return NULL;
  if (!gk_schema_create (self->db, error))
    return NULL;

  start_tracking_changes (self);
  if (!write_key_file (self, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

GkProjectFile *
gk_project_file_open (GFile   *file,
                      GError **error)
{
  g_autoptr(GkProjectFile) self = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *incoming = NULL;
  HeaderInfo header;
  int version = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is not on a local or mounted drive, so Gripkaart cannot open it."),
                   name != NULL ? name : "?");
      return NULL;
    }

  self = g_object_new (GK_TYPE_PROJECT_FILE, NULL);
  self->display_name = g_filename_display_basename (path);

  /* Cheap refusals before any copying. */
  if (!check_header (path, self->display_name, &header, error) ||
      !check_no_other_writer (path, self->display_name, error))
    return NULL;

  self->file = g_object_ref (file);
  uri = g_file_get_uri (file);
  base = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
  if (!claim_slot (self, base, error))
    return NULL;

  dir = g_path_get_dirname (self->working_path);
  incoming = copy_original (path, dir, self->display_name, &self->fingerprint, error);
  if (incoming == NULL)
    return NULL;

  if (!use_rollback_journal (incoming) ||
      !check_file (incoming, self->display_name, &version, &check_error))
    {
      if (check_error == NULL)
        set_failed_opening (error, self->display_name, g_strerror (errno));
      else if (g_error_matches (check_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_NEWER_VERSION))
        self->read_only_reason = g_steal_pointer (&check_error);
      else
        g_propagate_error (error, g_steal_pointer (&check_error));

      if (self->read_only_reason == NULL)
        {
          g_unlink (incoming);
          return NULL;
        }
    }

  if (g_rename (incoming, self->working_path) != 0)
    {
      set_error_opening_errno (error, errno, self->display_name);
      g_unlink (incoming);
      return NULL;
    }

  if (version < GK_SCHEMA_VERSION)
    {
      if (!migrate_working_copy (self, version, error))
        return NULL;
    }
  else
    {
      self->db = open_hardened (self->working_path, self->read_only_reason != NULL,
                                self->display_name, error);
      if (self->db == NULL)
        return NULL;
    }

  start_tracking_changes (self);
  if (!write_key_file (self, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

sqlite3 *
gk_project_file_get_db (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->db;
}

GFile *
gk_project_file_get_file (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->file;
}

const char *
gk_project_file_get_display_name (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->display_name;
}

gboolean
gk_project_file_get_read_only (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), TRUE);

  return self->read_only_reason != NULL;
}

const GError *
gk_project_file_get_read_only_reason (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->read_only_reason;
}

const char *
gk_project_file_get_working_path (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->working_path;
}

const char *
gk_project_file_get_backup_path (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->backup_path;
}

const char *
gk_project_file_get_recovered_path (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), NULL);

  return self->recovered_path;
}

void
gk_project_file_set_dirty (GkProjectFile *self,
                           gboolean       dirty)
{
  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  dirty = !!dirty;

  if (dirty && !self->unpublished_recorded && self->key_path != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!write_key_file (self, TRUE, &error))
        g_warning ("Could not record unpublished changes: %s", error->message);
    }

  /* Clean again (an undo back to what was saved): what was committed so far
   * no longer counts as unpublished. */
  if (!dirty && self->db != NULL)
    {
      self->changes_at_clean = sqlite3_total_changes64 (self->db);
      if (self->unpublished_recorded && self->key_path != NULL)
        write_key_file (self, FALSE, NULL);
    }

  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

gboolean
gk_project_file_get_dirty (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);

  return self->dirty;
}

gboolean
gk_project_file_has_unpublished_changes (GkProjectFile *self)
{
  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);

  return self->dirty ||
         (self->db != NULL && sqlite3_total_changes64 (self->db) != self->changes_at_clean);
}

/* Compares the shared file at path with the fingerprint. Returns TRUE when
 * it changed or disappeared; FALSE when unchanged (error unset) or when it
 * could not be read (error set). On FALSE without error, out_st is what the
 * unchanged file looked like. */
static gboolean
original_changed (GkProjectFile  *self,
                  const char     *path,
                  struct stat    *out_st,
                  GError        **error)
{
  g_autofree char *sha256 = NULL;
  struct stat st;
  gint64 size;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
    return TRUE;
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      set_error_opening_errno (error, errno, self->display_name);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  if (st.st_size != self->fingerprint.size)
    {
      close (fd);
      return TRUE;
    }

  /* Same size: only the content can tell (mtime is unreliable on network
   * drives, and sync clients rewrite files without changing them). */
  if (!hash_fd (fd, &sha256, &size))
    {
      set_error_opening_errno (error, errno, self->display_name);
      close (fd);
      return FALSE;
    }
  close (fd);

  if (out_st != NULL)
    *out_st = st;
  return size != self->fingerprint.size || g_strcmp0 (sha256, self->fingerprint.sha256) != 0;
}

gboolean
gk_project_file_changed_on_disk (GkProjectFile  *self,
                                 GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL || self->fingerprint.sha256 == NULL)
    return FALSE;

  path = g_file_get_path (self->file);
  return original_changed (self, path, NULL, error);
}

/* Whether the (existing) file at path and its folder may be written.
 * A file without write permission is read-only for us even where the
 * system would allow replacing it (root, or a writable folder): the user
 * or an administrator marked it so. */
static gboolean
check_writable (const char   *path,
                const char   *display,
                GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  if (g_access (dir, W_OK) != 0)
    {
      set_folder_read_only (error, display);
      return FALSE;
    }
  if (stat (path, &st) == 0 &&
      (g_access (path, W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is read-only. Save the programme elsewhere with Save As."), display);
      return FALSE;
    }
  return TRUE;
}

/* Where to write: the file a symbolic link points to, so that saving keeps
 * the user's link. */
static char *
resolve_target (const char *path)
{
  char *resolved = realpath (path, NULL);
  char *result;

  if (resolved == NULL)
    return g_strdup (path);
  result = g_strdup (resolved);
  free (resolved);
  return result;
}

gboolean
gk_project_file_can_save_in_place (GkProjectFile  *self,
                                   GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                           self->read_only_reason->message);
      return FALSE;
    }
  if (self->file == NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” has not been saved before. Choose where to save it with Save As."),
                   self->display_name);
      return FALSE;
    }

  path = g_file_get_path (self->file);
  target = resolve_target (path);
  return check_writable (target, self->display_name, error);
}

static gboolean
vacuum_into (sqlite3     *db,
             const char  *path,
             int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  *out_rc = rc;
  return rc == SQLITE_DONE;
}

/* Writes the working copy as a complete new file beside target, syncs and
 * checks it, and renames it over target. When expected is given, target
 * must still be that file just before the rename. mode (if not -1) becomes
 * the new file's permissions, so that a shared file stays shared. */
static gboolean
publish (GkProjectFile      *self,
         const char         *target,
         const char         *display,
         const struct stat  *expected,
         int                 mode,
         Fingerprint        *out_fp,
         GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);
  g_autofree char *temp = NULL;
  g_autoptr(GError) check_error = NULL;
  struct stat st;
  gint64 size;
  int fd;
  int rc;

  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_error_saving_errno (error, errno, display);
      return FALSE;
    }
  close (fd);

  /* VACUUM INTO writes a compact, consistent copy into the empty file. */
  self->publishing = TRUE;
  if (!vacuum_into (self->db, temp, &rc))
    {
      self->publishing = FALSE;
      if ((rc & 0xff) == SQLITE_FULL)
        set_no_space_saving (error, display);
      else if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM)
        set_folder_read_only (error, display);
      else
        set_failed_saving (error, display, sqlite3_errmsg (self->db));
      goto fail;
    }
  self->publishing = FALSE;

  /* SQLite does not sync the result of VACUUM INTO; a network drive may
   * only report a full disk here. */
  fd = g_open (temp, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_error_saving_errno (error, errno, display);
      goto fail;
    }
  if (mode != -1)
    fchmod (fd, mode);   /* may fail on file systems without permissions */
  if (fsync (fd) != 0 || !hash_fd (fd, &out_fp->sha256, &size))
    {
      set_error_saving_errno (error, errno, display);
      close (fd);
      goto fail;
    }
  close (fd);
  out_fp->size = size;

  if (!check_file (temp, display, NULL, &check_error))
    {
      g_warning ("The new copy of %s failed its check: %s", target, check_error->message);
      set_failed_saving (error, display, _("the new copy did not pass the check"));
      goto fail;
    }

  if (expected != NULL && !same_file_as (target, expected))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by someone else since you opened it. "
                     "Your changes are kept, but they are not in the file yet."),
                   display);
      goto fail;
    }

  if (g_rename (temp, target) != 0)
    {
      set_error_saving_errno (error, errno, display);
      goto fail;
    }
  fsync_directory (dir);

  if (stat (target, &st) == 0)
    out_fp->mtime_us = stat_mtime_us (&st);
  return TRUE;

fail:
  unlink_database_files (temp);
  fingerprint_clear (out_fp);
  return FALSE;
}

static void
mark_published (GkProjectFile *self,
                Fingerprint   *fp)
{
  g_autoptr(GError) error = NULL;

  fingerprint_clear (&self->fingerprint);
  self->fingerprint = *fp;
  memset (fp, 0, sizeof *fp);

  self->changes_at_clean = sqlite3_total_changes64 (self->db);
  if (!write_key_file (self, FALSE, &error))
    g_warning ("Could not update %s: %s", self->key_path, error->message);
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static gboolean
check_can_publish (GkProjectFile  *self,
                   GError        **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is closed."), self->display_name);
      return FALSE;
    }
  if (self->read_only_reason != NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_READ_ONLY,
                   _("“%s” was made by a newer version of Gripkaart and cannot be saved "
                     "by this version."), self->display_name);
      return FALSE;
    }
  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” cannot be saved while a change is being made. Try again."),
                   self->display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_project_file_save (GkProjectFile  *self,
                      GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  Fingerprint fp = { 0, 0, NULL };
  struct stat st;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (&st, 0, sizeof st);
  if (!check_can_publish (self, error))
    return FALSE;
  if (self->file == NULL)
    {
      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” has not been saved before. Choose where to save it with Save As."),
                   self->display_name);
      return FALSE;
    }

  path = g_file_get_path (self->file);
  target = resolve_target (path);

  if (original_changed (self, target, &st, &local_error))
    {
      if (g_file_test (target, G_FILE_TEST_EXISTS))
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                     _("“%s” was changed by someone else since you opened it. "
                       "Your changes are kept, but they are not in the file yet."),
                     self->display_name);
      else
        g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CHANGED_ON_DISK,
                     _("“%s” was moved or deleted since you opened it. "
                       "Your changes are kept; save the programme with Save As."),
                     self->display_name);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!check_writable (target, self->display_name, error))
    return FALSE;

  if (!publish (self, target, self->display_name, &st, st.st_mode & 07777, &fp, error))
    return FALSE;

  mark_published (self, &fp);
  return TRUE;
}

gboolean
gk_project_file_save_as (GkProjectFile  *self,
                         GFile          *file,
                         GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  Fingerprint fp = { 0, 0, NULL };
  struct stat st;
  int mode = -1;

  g_return_val_if_fail (GK_IS_PROJECT_FILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_publish (self, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                   _("“%s” is not on a local or mounted drive, so Gripkaart cannot save there."),
                   name != NULL ? name : "?");
      return FALSE;
    }
  display = g_filename_display_basename (path);
  target = resolve_target (path);

  if (stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          set_failed_saving (error, display, g_strerror (EISDIR));
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }
  if (!check_writable (target, display, error))
    return FALSE;

  if (!publish (self, target, display, NULL, mode, &fp, error))
    return FALSE;

  g_set_object (&self->file, file);
  g_free (self->display_name);
  self->display_name = g_steal_pointer (&display);
  mark_published (self, &fp);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  return TRUE;
}

void
gk_project_file_close (GkProjectFile *self)
{
  gboolean keep;

  g_return_if_fail (GK_IS_PROJECT_FILE (self));

  if (self->db == NULL && self->lock_fd < 0)
    return;

  keep = self->db != NULL && gk_project_file_has_unpublished_changes (self);

  if (self->db != NULL)
    {
      sqlite3_commit_hook (self->db, NULL, NULL);
      /* _v2: statements the model layer has not finalized yet keep the
       * connection alive until they are. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  if (keep && !self->unpublished_recorded)
    write_key_file (self, TRUE, NULL);

  release_slot (self, keep);
}
