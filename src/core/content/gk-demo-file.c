/* gk-demo-file.c: the demo programmes as new project files
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gk-demo.c fills an open connection; this writes a complete new file for
 * the window's demo, `--demo=PATH`, the app tests and the benchmarks.
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-demo-private.h"
#include "gk-schema.h"

typedef gboolean (*DemoWriter) (sqlite3      *db,
                                const GDate  *reference,
                                GError      **error);

static gboolean
write_database (const char   *path,
                DemoWriter    writer,
                const GDate  *reference,
                GError      **error)
{
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  ok = gk_schema_create (db, error) && writer (db, reference, error);
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), path);
      ok = FALSE;
    }
  return ok;
}

static gboolean
write_file (const char   *path,
            DemoWriter    writer,
            const GDate  *reference,
            GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *tmp_path = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Never overwrite: the path may be somebody's real programme. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name for the demo programme."), path);
      return FALSE;
    }

  /* Write next to the target and rename, so no half-written file is left. */
  tmp_path = g_build_filename (dir, ".gripkaart-demo-XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write in the folder of “%s”: %s"), basename, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  g_unlink (tmp_path);

  if (!write_database (tmp_path, writer, reference, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), basename, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_demo_write_file (const char   *path,
                    const GDate  *reference,
                    GError      **error)
{
  return write_file (path, gk_demo_write, reference, error);
}

gboolean
gk_demo_write_large_file (const char   *path,
                          const GDate  *reference,
                          GError      **error)
{
  return write_file (path, gk_demo_write_large, reference, error);
}
