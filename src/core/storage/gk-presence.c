/* gk-presence.c: who else has the shared file open
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lock note beside the shared file, in LibreOffice's place and manner
 * (".~lock.<file name>#", comma-separated fields), with one line for each
 * window that has the file open:
 *   real name,user,host,unix time,pid,nonce
 * Each window adds its line at open, refreshes it every minute and removes
 * it at close. A line older than GK_PRESENCE_STALE_US, or whose process is
 * gone on this host, is ignored (and dropped at the next rewrite). It is a
 * hint, never a barrier: a folder we cannot write still opens, and two
 * windows rewriting the note at the same moment may drop each other's line
 * until its next refresh. The note is replaced by rename, so a reader never
 * sees half of it.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gk-project-file-parts.h"

char *
gk_presence_note_path_for (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *name = g_path_get_basename (target);

  return g_strdup_printf ("%s/.~lock.%s#", dir, name);
}

/* The fields of a line, or NULL when it is not one of ours. */
static char **
parse_line (const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, ",", 7);

  if (g_strv_length (fields) != 6 || fields[1][0] == '\0' || fields[5][0] == '\0')
    return NULL;
  return g_steal_pointer (&fields);
}

static gboolean
line_is_stale (char   **fields,
               gint64   now_us)
{
  gint64 time_s = g_ascii_strtoll (fields[3], NULL, 10);
  gint64 pid = g_ascii_strtoll (fields[4], NULL, 10);

  if (g_strcmp0 (fields[2], g_get_host_name ()) == 0 && pid > 0 &&
      kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  return time_s <= 0 || now_us - time_s * G_USEC_PER_SEC > GK_PRESENCE_STALE_US;
}

static gboolean
line_is_mine (char       **fields,
              const char  *nonce)
{
  return g_strcmp0 (fields[2], g_get_host_name ()) == 0 &&
         g_ascii_strtoll (fields[4], NULL, 10) == getpid () &&
         g_strcmp0 (fields[5], nonce) == 0;
}

/* Commas and line breaks would split the fields. */
static char *
clean_field (const char *text)
{
  char *clean = g_strdup (text != NULL ? text : "");

  g_strdelimit (clean, ",;\r\n", ' ');
  return clean;
}

/* Rewrites the note with the live lines of others, plus ours (as name, or
 * the login's real name) if announce. */
static void
rewrite_note (const char *target,
              const char *name,
              const char *nonce,
              gboolean    announce,
              gint64      now_us)
{
  g_autofree char *path = gk_presence_note_path_for (target);
  g_autofree char *contents = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = parse_line (lines[i]);

      if (fields != NULL && !line_is_mine (fields, nonce) && !line_is_stale (fields, now_us))
        g_string_append_printf (kept, "%s\n", lines[i]);
    }
  if (announce)
    {
      g_autofree char *real_name = clean_field (name != NULL && *name != '\0' ? name : g_get_real_name ());
      g_autofree char *user = clean_field (g_get_user_name ());
      g_autofree char *host = clean_field (g_get_host_name ());

      g_string_append_printf (kept, "%s,%s,%s,%" G_GINT64_FORMAT ",%d,%s\n", real_name, user,
                              host, now_us / G_USEC_PER_SEC, (int) getpid (), nonce);
    }

  if (kept->len == 0)
    g_unlink (path);
  else if (!g_file_set_contents_full (path, kept->str, kept->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                      0644, &error))
    g_debug ("Could not write the lock note %s: %s", path, error->message);
}

void
gk_presence_announce (const char *target,
                      const char *name,
                      const char *nonce,
                      gint64      now_us)
{
  rewrite_note (target, name, nonce, TRUE, now_us);
}

void
gk_presence_withdraw (const char *target,
                      const char *nonce,
                      gint64      now_us)
{
  rewrite_note (target, NULL, nonce, FALSE, now_us);
}

char **
gk_presence_list_others (const char *target,
                         const char *nonce,
                         gint64      now_us)
{
  g_autofree char *path = gk_presence_note_path_for (target);
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (g_file_get_contents (path, &contents, NULL, NULL) &&
      g_utf8_validate (contents, -1, NULL))
    lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = parse_line (lines[i]);

      if (fields == NULL || line_is_mine (fields, nonce) || line_is_stale (fields, now_us))
        continue;
      /* The name people know, else the login. */
      if (fields[0][0] != '\0' && g_strcmp0 (fields[0], "Unknown") != 0)
        g_strv_builder_add (others, fields[0]);
      else
        g_strv_builder_add (others, fields[1]);
    }
  return g_strv_builder_end (others);
}
