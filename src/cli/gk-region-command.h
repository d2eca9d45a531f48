/* gk-region-command.h: the region on the command line, without a display
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gripkaart --region --check FILE.gripkaart… | FOLDER | REGION-FILE
 *     prints the matrix of municipalities and topics;
 *   gripkaart --region --export-report=OUT.pdf [--paper=a3] [--orientation=landscape] …
 *     writes the regional report.
 * Members that cannot be read are named on stderr with their reason, then
 * one line names all those left out; the exit status is 0 when at least
 * one member was read.
 */
#pragma once

#include <gio/gio.h>

#include "gk-region.h"

G_BEGIN_DECLS

/* --region with --check or --export-report. */
gboolean gk_region_command_is_wanted (char **argv);
int      gk_region_command_run       (char **argv);

/* The matrix as text: a line per member, a column per topic. */
void     gk_region_command_format_matrix (GkRegion *region,
                                          GString  *out);

G_END_DECLS
