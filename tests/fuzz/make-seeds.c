/* make-seeds.c: the seeds of corpus-project and of fuzz-cells' programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-seeds DIR   writes into DIR (which must exist):
 *     demo.gripkaart     the demo programme on FUZZ_TODAY
 *     empty.gripkaart    a new programme, nothing in it
 *   The damaged seeds are cut and changed copies of these (see README).
 *   Each is then opened and drawn as the fuzz targets do, so that a seed
 *   that does not open (or trips the checks of fuzz-open.h) is seen here.
 */
#include "config.h"

#include "fuzz-open.h"
#include "gk-demo.h"
#include "gk-project-file.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) empty = NULL;
  g_autoptr(GFile) empty_file = NULL;
  g_autofree char *demo_path = NULL;
  GDate today = fuzz_today ();

  if (argc != 2)
    {
      fprintf (stderr, "usage: make-seeds DIR\n");
      return 2;
    }
  fuzz_setup ();
  demo_path = g_build_filename (argv[1], "demo.gripkaart", NULL);
  empty_file = g_file_new_build_filename (argv[1], "empty.gripkaart", NULL);
  if (!gk_demo_write_file (demo_path, &today, &error) ||
      (empty = gk_project_file_new (&error)) == NULL ||
      !gk_project_file_save_as (empty, empty_file, &error))
    {
      fprintf (stderr, "make-seeds: %s\n", error->message);
      return 1;
    }
  gk_project_file_close (empty);

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *seed = g_build_filename (argv[1], i == 0 ? "demo.gripkaart" : "empty.gripkaart", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (seed, &contents, &length, &error) ||
          !g_file_set_contents (fuzz_path, contents, length, &error))
        {
          fprintf (stderr, "make-seeds: %s\n", error->message);
          return 1;
        }
      fuzz_open_and_draw ();
    }
  return 0;
}
