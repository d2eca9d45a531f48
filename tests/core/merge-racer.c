/* merge-racer.c: one of the people editing and saving one file all at once
 * (a helper of test-merge-race, not a test itself)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   merge-racer SHARED-FILE NAME N-EDITS FIELD
 * opens the shared file and N-EDITS times adds one person called
 * "NAME i" and sets the programme's FIELD to "NAME i", saving after each
 * edit. When a save meets conflicts (another racer set the same field),
 * it keeps its own value and saves again. Prints "done CLASHES RESOLVED" at
 * the end: the conflicts reported, and the saves that landed with a choice
 * made (each leaves one line in the change log); or "failed MESSAGE".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "gk-merge-conflict.h"
#include "gk-project-file.h"
#include "gk-project-file-private.h"
#include "gk-table.h"

static gboolean
edit (GkProjectFile *project,
      const char    *name,
      int            i,
      const char    *field,
      gint64        *last_id)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO person (id, name) VALUES (%" G_GINT64_FORMAT ", '%s %d');"
    "UPDATE programme SET %s = '%s %d', version = version + 1 WHERE id = 1;",
    gk_table_new_row_id (last_id), name, i, field, name, i);

  if (sqlite3_exec (gk_project_file_get_db (project), sql, NULL, NULL, NULL) != SQLITE_OK)
    return FALSE;
  gk_project_file_set_dirty (project, TRUE);
  return TRUE;
}

/* Saves, keeping this racer's value in every conflict; counts them. */
static gboolean
save (GkProjectFile *project,
      guint         *conflicts,
      guint         *resolved,
      GError       **error)
{
  gboolean chose = FALSE;

  /* Bounded by the other racers, who stop after their edits. */
  for (int attempt = 0; attempt < 10000; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      GListModel *found;

      if (gk_project_file_save (project, &local_error))
        {
          /* A clash that is still there is answered by the choice; one
           * whose other side changed again came back as a new conflict. */
          if (chose)
            (*resolved)++;
          return TRUE;
        }
      chose = FALSE;
      if (!g_error_matches (local_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT) &&
          !g_error_matches (local_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      found = gk_project_file_get_conflicts (project);
      for (guint c = 0; c < g_list_model_get_n_items (found); c++)
        {
          g_autoptr(GkMergeConflict) conflict = g_list_model_get_item (found, c);

          if (gk_merge_conflict_get_choice (conflict) == GK_MERGE_CHOICE_NONE)
            {
              gk_merge_conflict_set_choice (conflict, GK_MERGE_CHOICE_MINE);
              (*conflicts)++;
              chose = TRUE;
            }
        }
    }
  g_set_error (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED, "no save in 10000 attempts");
  return FALSE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  guint conflicts = 0, resolved = 0;
  gint64 last_id = 0;
  int n;

  if (argc != 5)
    return 2;
  n = atoi (argv[3]);
  file = g_file_new_for_path (argv[1]);
  project = gk_project_file_open (file, &error);
  if (project == NULL)
    {
      printf ("failed %s\n", error->message);
      return 1;
    }
  gk_project_file_set_user_name (project, argv[2]);

  for (int i = 0; i < n; i++)
    if (!edit (project, argv[2], i, argv[4], &last_id) || !save (project, &conflicts, &resolved, &error))
      {
        printf ("failed %d %s\n", i, error != NULL ? error->message : "edit");
        return 1;
      }
  printf ("done %u %u\n", conflicts, resolved);
  gk_project_file_close (project);
  return 0;
}
