/* gk-report.h: the progress report (voortgangsrapportage) for the board
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A multi-page document shaped like a highlight report, about one reporting
 * period (a month or a quarter) compared with the one before: a summary
 * (headline level and trend, key figures, attention signals), the roadmap,
 * a page per focus project, the indicators, the timeline, the decisions and
 * risks of the period, and what changed since the previous period.
 *
 * The report draws pages of any size with gk_report_draw_page(), so the PDF
 * export and GtkPrintOperation's draw-page run the same code. Everything is
 * as it stood at the end of the period (or today, for the current period):
 * later measurements and assessments are left out, so the same file gives
 * the same pages whenever the report is made.
 */
#pragma once

#include <gio/gio.h>

#include "gk-chart-model.h"
#include "gk-report-paper.h"

G_BEGIN_DECLS

#define GK_TYPE_REPORT (gk_report_get_type ())

G_DECLARE_FINAL_TYPE (GkReport, gk_report, GK, REPORT, GObject)

/* A report on the @frequency period that contains @period_date. The analysis
 * and chart model should judge the programme on the period's last day (or
 * on today, for a period not yet over): gk_report_new_for_period() makes
 * them so. The chart model's today dates the report. */
GkReport   *gk_report_new                   (GkDocument           *document,
                                             GkAnalysis           *analysis,
                                             GkChartModel         *charts,
                                             GkFrequency           frequency,
                                             const GDate          *period_date);
/* Makes the analysis and charts for the period itself. @today (the
 * session's; never the clock's) cuts off a period that is not over yet and
 * dates the report. Fails when the period has not started by @today. */
GkReport   *gk_report_new_for_period        (GkDocument           *document,
                                             GkFrequency           frequency,
                                             const GDate          *period_date,
                                             const GDate          *today,
                                             GError              **error);

GkFrequency  gk_report_get_frequency        (GkReport             *self);
const GDate *gk_report_get_period_start     (GkReport             *self);
const GDate *gk_report_get_period_end       (GkReport             *self);
/* The day the figures stand on: the period's last day, or today. */
const GDate *gk_report_get_as_of            (GkReport             *self);
/* "October 2026", "Q3 2026" */
const char  *gk_report_get_period_label     (GkReport             *self);

/* The date in the footer. Defaults to SOURCE_DATE_EPOCH's day (UTC) when
 * that is set, so that builds are reproducible, else the chart model's
 * today. */
void         gk_report_set_printed_date     (GkReport             *self,
                                             const GDate          *date);
const GDate *gk_report_get_printed_date     (GkReport             *self);

/* The sheet gk_report_export_pdf() writes; A4 portrait by default. */
void         gk_report_set_paper            (GkReport             *self,
                                             GkReportPaper         paper,
                                             GkReportOrientation   orientation);

/* Pages of a sheet of @width_pt x @height_pt points (at least one). */
guint        gk_report_get_n_pages          (GkReport             *self,
                                             double                width_pt,
                                             double                height_pt);
/* Draws page @page_nr (from 0) on @cr, whose user space is the sheet in
 * points with the origin at its top left corner. */
void         gk_report_draw_page            (GkReport             *self,
                                             guint                 page_nr,
                                             cairo_t              *cr,
                                             double                width_pt,
                                             double                height_pt);

/* The context the page drawn last was drawn with: the text boxes and hit
 * regions of its charts (a GK_CHART_HIT_INDICATOR_PLOT per indicator
 * chart, in chart pixels of the sheet). For tests. */
GkChartContext *gk_report_get_chart_context (GkReport           *self);

/* Writes the whole report as a PDF to a temporary file beside @path that
 * then replaces @path: a failed export leaves nothing half-written. With
 * SOURCE_DATE_EPOCH set the bytes depend on the programme alone. */
gboolean     gk_report_export_pdf           (GkReport             *self,
                                             const char           *path,
                                             GError              **error);

/* The same PDF, written through @write_func (a cairo stream) instead of
 * to a file; the status of the surface when it finished. */
cairo_status_t gk_report_write_pdf          (GkReport             *self,
                                             cairo_write_func_t    write_func,
                                             void                 *closure);

G_END_DECLS
