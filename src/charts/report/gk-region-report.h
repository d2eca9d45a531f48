/* gk-region-report.h: the regional report, several municipalities side by side
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the style of the progress report (gk-report.h), on the same sheets:
 * a summary (the headline levels side by side, and the files left out),
 * the matrix of municipalities and topics, each shared indicator compared
 * in one chart, and a short section per municipality. It draws from the
 * region's summaries only, so a report of 342 members needs no more memory
 * than their summaries.
 */
#pragma once

#include <cairo.h>

#include "gk-region.h"
#include "gk-report-paper.h"

G_BEGIN_DECLS

#define GK_TYPE_REGION_REPORT (gk_region_report_get_type ())
G_DECLARE_FINAL_TYPE (GkRegionReport, gk_region_report, GK, REGION_REPORT, GObject)

/* region must be loaded; the report holds it. */
GkRegionReport *gk_region_report_new              (GkRegion            *region);

/* The date in the footer: SOURCE_DATE_EPOCH's day (UTC) by default, else
 * today by the program's clock. */
void            gk_region_report_set_printed_date (GkRegionReport      *self,
                                                   const GDate         *date);
/* A4 portrait by default. */
void            gk_region_report_set_paper        (GkRegionReport      *self,
                                                   GkReportPaper        paper,
                                                   GkReportOrientation  orientation);

guint           gk_region_report_get_n_pages      (GkRegionReport      *self,
                                                   double               width_pt,
                                                   double               height_pt);
void            gk_region_report_draw_page        (GkRegionReport      *self,
                                                   guint                page_nr,
                                                   cairo_t             *cr,
                                                   double               width_pt,
                                                   double               height_pt);

/* Writes the PDF through the file sink: a new file beside path, renamed
 * over it when complete. */
gboolean        gk_region_report_export_pdf       (GkRegionReport      *self,
                                                   const char          *path,
                                                   GError             **error);

/* Whether path may receive the report: a name ending in .pdf, and not an
 * existing file that is not a PDF (that is never replaced). */
gboolean        gk_region_report_check_output     (const char          *path,
                                                   GError             **error);

G_END_DECLS
