/* gk-cli.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-chart-fonts.h"
#include "gk-cli.h"
#include "gk-command-line.h"
#include "gk-figures-command.h"
#include "gk-region-command.h"

/* --version is answered here too: it is what scripts call to see whether
 * the program is there, and it needs no toolkit. */
static gboolean
asks_for_version (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--version"))
        return TRUE;
    }
  return FALSE;
}

gboolean
gk_cli_is_wanted (char **argv)
{
  return asks_for_version (argv) ||
         gk_region_command_is_wanted (argv) ||
         gk_figures_command_is_wanted (argv) ||
         gk_command_line_is_batch (argv);
}

static int
run_command (char **argv)
{
  if (asks_for_version (argv))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  /* The region first: --region --check is the region's check, not the
   * programme's. */
  if (gk_region_command_is_wanted (argv))
    return gk_region_command_run (argv);
  if (gk_figures_command_is_wanted (argv))
    return gk_figures_command_run (argv);
  return gk_command_line_run (argv);
}

int
gk_cli_run (char **argv)
{
  int status = run_command (argv);

  gk_chart_fonts_finish_preload ();
  return status;
}
