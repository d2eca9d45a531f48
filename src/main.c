/* main.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The executable holds the command line and nothing of GTK: a command
 * (gk-cli.h) runs without loading the toolkit and its eighty libraries,
 * in a third of the time. A window is the module of gk-app-module.h,
 * loaded only when one is wanted.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>

#include "gk-app-module.h"
#include "gk-cli.h"

static void
set_up_translations (void)
{
  const char *localedir = g_getenv ("GRIPKAART_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The uninstalled build (meson devenv, tests) points at its own catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Beside the executable when it runs from the build directory, else where
 * it was installed. */
static char *
find_app_module (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);

  if (executable != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (executable);
      g_autofree char *beside = g_build_filename (dir, GK_APP_MODULE_FILE, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (PKGLIBDIR, GK_APP_MODULE_FILE, NULL);
}

static int
run_app_module (int    argc,
                char **argv)
{
  g_autofree char *path = find_app_module ();
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  GkAppModuleRun run = NULL;

  if (module == NULL || !g_module_symbol (module, GK_APP_MODULE_ENTRY, (gpointer *) &run) || run == NULL)
    {
      g_printerr (_("%s: the window part of Gripkaart could not be loaded: %s. Reinstall the application.\n"),
                  g_get_prgname (), g_module_error ());
      return 1;
    }
  /* The module stays for the life of the process (GTK cannot be unloaded). */
  g_module_make_resident (module);
  return run (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *name = g_path_get_basename (argv[0]);

  set_up_translations ();
  g_set_prgname (name);

  if (gk_cli_is_wanted (argv))
    return gk_cli_run (argv);
  return run_app_module (argc, argv);
}
