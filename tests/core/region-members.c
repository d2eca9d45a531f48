/* region-members.c: writes a region's member files for the command-line
 * check and the benchmark (not a test)
 *
 *   region-members DIR N [--bad] [--today=YYYY-MM-DD]
 *
 * writes N members (region-fixture.h) into DIR, with --bad also a damaged
 * file among them.
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "region-fixture.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gboolean with_bad = FALSE;
  GDate today;
  guint64 n;

  g_date_set_dmy (&today, 3, G_DATE_DECEMBER, 2026);
  for (int i = 3; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--bad"))
        with_bad = TRUE;
      else if (g_str_has_prefix (argv[i], "--today="))
        g_date_set_parse (&today, argv[i] + strlen ("--today="));
    }
  if (argc < 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, 10000, &n, NULL) || !g_date_valid (&today))
    {
      g_printerr ("usage: region-members DIR N [--bad] [--today=YYYY-MM-DD]\n");
      return EXIT_FAILURE;
    }
  if (g_mkdir_with_parents (argv[1], 0700) != 0 ||
      !region_fixture_write_folder (argv[1], (guint) n, with_bad, &today, &error))
    {
      g_printerr ("region-members: %s\n", error != NULL ? error->message : g_strerror (errno));
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
