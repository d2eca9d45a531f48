/* gk-figures-command.h: figures in and out on the command line, without a display
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gripkaart --import-figures=SOURCE [--indicator=NAME] [--indicator-column=COL]
 *             [--period-column=COL] [--value-column=COL] [--note-column=COL]
 *             [--sheet=NAME] [--dry-run] [--skip-bad-rows] FILE.gripkaart
 *   gripkaart --export-table=TABLE[,TABLE...]|all --output=OUT.xlsx|OUT.csv FILE.gripkaart
 *
 * COL is a header text or a 1-based column number. The import prints what
 * it would do (counts, and each refused and changed figure), then publishes
 * FILE as the app saves it. With any refused row nothing is imported
 * unless --skip-bad-rows.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @argv asks for --import-figures or --export-table. */
gboolean gk_figures_command_is_wanted (char **argv);
/* Runs it; returns the exit status. The summary goes to stdout, errors to stderr. */
int      gk_figures_command_run       (char **argv);

G_END_DECLS
