/* gk-report-paper.h: the sheets the report is made for
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GK_REPORT_PAPER_A4,
  GK_REPORT_PAPER_A3,
} GkReportPaper;

typedef enum {
  GK_REPORT_ORIENTATION_PORTRAIT,
  GK_REPORT_ORIENTATION_LANDSCAPE,
} GkReportOrientation;

/* "a4" / "a3" and "portrait" / "landscape", any case. */
gboolean    gk_report_paper_from_name       (const char           *name,
                                             GkReportPaper        *out_paper);
gboolean    gk_report_orientation_from_name (const char           *name,
                                             GkReportOrientation  *out_orientation);
/* The sheet in points (1/72 inch). */
void        gk_report_paper_get_size        (GkReportPaper         paper,
                                             GkReportOrientation   orientation,
                                             double               *width_pt,
                                             double               *height_pt);

G_END_DECLS
