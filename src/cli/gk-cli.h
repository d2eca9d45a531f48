/* gk-cli.h: the commands that need no window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The executable asks here first: a command that writes or prints
 * something runs without GTK ever being loaded (src/main.c); everything
 * else goes to the window part.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @argv asks for a command that needs no window: --version,
 * --demo=PATH, --check, --export-chart, --export-report, --region with
 * --check or --export-report, --import-figures, --export-table. */
gboolean gk_cli_is_wanted (char **argv);
/* Runs that command; returns the exit status. Errors go to stderr. */
int      gk_cli_run       (char **argv);

G_END_DECLS
