/* gk-app-module.h: the entry point of the window part
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The executable (src/main.c) has no GTK in it: the commands of the
 * command line run without loading the toolkit. Everything with a window
 * is this module, loaded when a window is wanted; this is the one symbol
 * the executable looks up in it. No GTK in this header.
 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The module's file: beside the executable in the build directory,
 * in PKGLIBDIR when installed. */
#define GK_APP_MODULE_FILE  "gripkaart-app.so"
#define GK_APP_MODULE_ENTRY "gk_app_module_run"

typedef int (*GkAppModuleRun) (int    argc,
                               char **argv);

/* Runs the application (GkApplication) on @argv; returns its exit status. */
G_MODULE_EXPORT int gk_app_module_run (int    argc,
                                       char **argv);

G_END_DECLS
