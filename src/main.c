/* main.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GkApplication) app = NULL;
  const char *localedir = g_getenv ("GRIPKAART_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The uninstalled build (meson devenv, tests) points at its own catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
