/* gk-command-line.h: what the command line does without a window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gk-clock.h"

G_BEGIN_DECLS

/* Whether @argv asks for a command that needs no window: --demo=PATH,
 * --check, --export-chart, --export-report. */
gboolean gk_command_line_is_batch   (char        **argv);
/* Runs that command; returns the exit status. Errors go to stderr. */
int      gk_command_line_run        (char        **argv);

/* --today=DATE: fixes the default clock (gk-clock.h) to @text, a date as
 * a user types it, for the window as well as for the commands. */
gboolean gk_command_line_set_today  (const char   *text,
                                     GError      **error);

/* Prints a summary of the programme in @path, judged on @clock's today, to
 * @out (no display). */
gboolean gk_command_line_check      (const char   *path,
                                     GkClock      *clock,
                                     GString      *out,
                                     GError      **error);

/* Draws one chart of the programme in @path to @output (PNG, SVG or PDF by
 * its extension). @chart is roadmap, banner, timeline, progress, coverage or
 * indicator:NAME; @size is "WxH" in pixels (points for PDF and SVG) or NULL
 * for the chart's own height at 1200 wide. */
gboolean gk_command_line_export_chart (const char   *path,
                                       const char   *chart,
                                       const char   *output,
                                       const char   *size,
                                       GkClock      *clock,
                                       GError      **error);

/* Writes the progress report of the programme in @path to @output as PDF.
 * @period is "2026-10" or "2026-Q3" or NULL for the latest complete period
 * of the programme's review cycle; @paper "a4" or "a3", @orientation
 * "portrait" or "landscape" (NULL: A4 portrait). Nothing is written when
 * anything fails. */
gboolean gk_command_line_export_report (const char   *path,
                                        const char   *output,
                                        const char   *period,
                                        const char   *paper,
                                        const char   *orientation,
                                        GkClock      *clock,
                                        GError      **error);

/* The demo file the window opens: a fresh copy each time. */
char    *gk_command_line_demo_path  (void);

G_END_DECLS
