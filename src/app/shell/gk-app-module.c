/* gk-app-module.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-app-module.h"
#include "gk-application.h"

int
gk_app_module_run (int    argc,
                   char **argv)
{
  g_autoptr(GkApplication) app = gk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
