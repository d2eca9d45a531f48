/* gk-command-line.h: what the command line does without a window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the demo programme to @path as it stands on @today (no display). */
gboolean gk_command_line_write_demo (const char   *path,
                                     const GDate  *today,
                                     GError      **error);

/* Prints a summary of the programme in @path to @out (no display). */
gboolean gk_command_line_check      (const char   *path,
                                     const GDate  *today,
                                     GString      *out,
                                     GError      **error);

/* The demo file the window opens: a fresh copy each time. */
char    *gk_command_line_demo_path  (void);

G_END_DECLS
