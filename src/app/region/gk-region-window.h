/* gk-region-window.h: several municipalities' programmes side by side
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window of a region (DESIGN.md, section 9): the headline levels side
 * by side, the matrix of municipalities x topics, the shared indicators
 * compared, a search over every municipality's focus projects and
 * measures, and the attention signals. Members load in the background with
 * progress; the files are only read. Clicking a municipality opens its file
 * in a window of its own.
 */
#pragma once

#include <adwaita.h>

#include "gk-application.h"
#include "gk-region.h"
#include "gk-report-paper.h"

G_BEGIN_DECLS

#define GK_TYPE_REGION_WINDOW (gk_region_window_get_type ())
G_DECLARE_FINAL_TYPE (GkRegionWindow, gk_region_window, GK, REGION_WINDOW, AdwApplicationWindow)

/* A window on region (its paths added, not loaded yet): it starts reading
 * the members at once. */
GkRegionWindow *gk_region_window_new         (GkApplication  *application,
                                              GkRegion       *region);
GkRegion       *gk_region_window_get_region  (GkRegionWindow *self);
/* The "loaded" property: TRUE once every member was read. */
gboolean        gk_region_window_get_loaded  (GkRegionWindow *self);
/* Shows the page named name: "headlines", "matrix", "indicators",
 * "search", "signals". */
void            gk_region_window_show_page   (GkRegionWindow *self,
                                              const char     *name);

/* Export Report…, after its file chooser: writes the regional report to
 * file (".pdf" added when missing) in a worker thread; a failure is shown
 * in a dialog. "exporting" is TRUE meanwhile. */
void            gk_region_window_export_report (GkRegionWindow      *self,
                                                GFile               *file,
                                                GkReportPaper        paper,
                                                GkReportOrientation  orientation);
gboolean        gk_region_window_get_exporting (GkRegionWindow      *self);

/* Open Region…: a file chooser for several programme files or a region
 * file (folder FALSE), or for a folder (TRUE), transient for parent; the
 * region opens in a new window. */
void            gk_region_window_choose      (GtkWindow      *parent,
                                              GkApplication  *application,
                                              gboolean        folder);

G_END_DECLS
