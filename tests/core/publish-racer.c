/* publish-racer.c: one of the people saving at the same moment
 * (a helper of test-publish-race, not a test itself)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   publish-racer SHARED-FILE PERSON-ID LATENCY-US
 * opens the shared file, adds one person, prints "ready WORKING-COPY",
 * waits for a line on stdin, saves, prints "saved" or "refused CODE", and
 * closes. LATENCY-US makes the step between the last check of the shared
 * file and the rename that slow, as a network drive makes it: the window
 * in which two savers could both pass the check.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "gk-project-file.h"
#include "gk-project-file-parts.h"

static gulong latency_us;

static void
slow_rename (GkStorageStep step, const char *path, gpointer user_data)
{
  if (step == GK_STORAGE_STEP_CHECKED && latency_us > 0)
    g_usleep (latency_us);
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  char line[64];

  if (argc != 4)
    return 2;
  latency_us = strtoul (argv[3], NULL, 10);
  gk_storage_set_step_hook_for_testing (slow_rename, NULL);

  file = g_file_new_for_path (argv[1]);
  project = gk_project_file_open (file, &error);
  if (project == NULL)
    {
      printf ("failed %s\n", error->message);
      return 1;
    }
  sql = g_strdup_printf ("INSERT INTO person (id, name) VALUES (%s, 'Racer %s')", argv[2], argv[2]);
  if (sqlite3_exec (gk_project_file_get_db (project), sql, NULL, NULL, NULL) != SQLITE_OK)
    return 1;
  gk_project_file_set_dirty (project, TRUE);

  printf ("ready %s\n", gk_project_file_get_working_path (project));
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL)
    return 1;

  if (gk_project_file_save (project, &error))
    printf ("saved\n");
  else
    printf ("refused %d %s\n", error->code, error->message);
  fflush (stdout);
  gk_project_file_close (project);
  return 0;
}
