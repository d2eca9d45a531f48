/* gk-report.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is built in two steps. gk_report_new() gathers the facts of
 * the period once (gk-report-facts, in core). For each sheet size,
 * build_flow() asks the sections (sections/) to turn them into one
 * GkReportFlow of headings, tables and charts, which gk-report-layout
 * breaks into pages; gk_report_draw_page() adds the header and footer
 * around each page, and gk_report_export_pdf() writes them all with an
 * outline through the file sink that chart export uses too.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "gk-file-sink.h"
#include "gk-period.h"
#include "gk-report.h"
#include "gk-report-section.h"

/* 15 mm, in chart pixels (0.75 pt each). */
#define MARGIN        GK_REPORT_MARGIN
#define HEADER_HEIGHT GK_REPORT_HEADER_HEIGHT
#define FOOTER_HEIGHT GK_REPORT_FOOTER_HEIGHT

struct _GkReport
{
  GObject              parent_instance;

  GkReportBuilder      b;                 /* facts, charts and the flow of one sheet size */
  GkReportPaper        paper;
  GkReportOrientation  orientation;
  double               flow_width;        /* the sheet the flow is for, in points */
  double               flow_height;
};

G_DEFINE_FINAL_TYPE (GkReport, gk_report, G_TYPE_OBJECT)

/* --- the object ------------------------------------------------------------ */

static void
gk_report_finalize (GObject *object)
{
  GkReport *self = GK_REPORT (object);

  g_clear_pointer (&self->b.flow, gk_report_flow_free);
  g_clear_pointer (&self->b.charted, g_free);
  g_clear_pointer (&self->b.ctx, gk_chart_context_free);
  g_clear_pointer (&self->b.indicator_charts, g_free);
  g_clear_pointer (&self->b.progress_rows, g_free);
  g_clear_object (&self->b.charts);
  g_clear_object (&self->b.facts);

  G_OBJECT_CLASS (gk_report_parent_class)->finalize (object);
}

static void
gk_report_class_init (GkReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_report_finalize;
}

static void
gk_report_init (GkReport *self)
{
  self->paper = GK_REPORT_PAPER_A4;
  self->orientation = GK_REPORT_ORIENTATION_PORTRAIT;
}

/* SOURCE_DATE_EPOCH's day (reproducible builds), else the charts' today. */
static GDate
default_printed_date (GkReport *self)
{
  GDate date;

  if (gk_source_date_epoch_day (&date))
    return date;
  return *gk_chart_model_get_today (self->b.charts);
}

GkReport *
gk_report_new (GkDocument   *document,
               GkAnalysis   *analysis,
               GkChartModel *charts,
               GkFrequency   frequency,
               const GDate  *period_date)
{
  GkReport *self;
  GkReportBuilder *b;
  const GDate *as_of;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (GK_IS_CHART_MODEL (charts), NULL);
  g_return_val_if_fail (period_date != NULL && g_date_valid (period_date), NULL);

  self = g_object_new (GK_TYPE_REPORT, NULL);
  b = &self->b;
  b->facts = gk_report_facts_new (document, analysis, frequency, period_date);
  b->document = gk_report_facts_get_document (b->facts);
  b->analysis = gk_report_facts_get_analysis (b->facts);
  b->charts = g_object_ref (charts);
  b->printed = default_printed_date (self);
  b->indicator_charts = gk_report_indicator_charts_new (b->facts, charts);
  gk_report_init_progress (b);

  as_of = gk_report_facts_get_as_of (b->facts);
  b->headline.level = gk_report_facts_get_headline (b->facts);
  b->headline.previous_level = gk_report_facts_get_previous_headline (b->facts);
  b->headline.latest_assessment = *gk_analysis_get_latest_assessment_date (analysis);
  b->headline.period_label = gk_report_facts_get_period_label (b->facts);

  b->ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  gk_chart_context_set_today (b->ctx, as_of);
  /* A finished period is reported as it stood at its end: the line marks
   * that day, which is not today. */
  if (g_date_compare (as_of, gk_report_facts_get_period_end (b->facts)) == 0)
    /* Translators: the line in the report's charts that marks the end of the reported period */
    gk_chart_context_set_today_label (b->ctx, _("End of period"));
  return self;
}

GkReport *
gk_report_new_for_period (GkDocument   *document,
                          GkFrequency   frequency,
                          const GDate  *period_date,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(GkAnalysis) analysis = NULL;
  g_autoptr(GkChartModel) charts = NULL;
  GDate start, as_of;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (period_date != NULL && g_date_valid (period_date), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  start = gk_period_start (frequency, period_date);
  if (g_date_compare (&start, today) > 0)
    {
      g_autofree char *label = gk_period_label (frequency, &start);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a period, "October 2026" */
                   _("The reporting period %s has not started yet."), label);
      return NULL;
    }
  as_of = gk_period_end (frequency, period_date);
  if (g_date_compare (today, &as_of) < 0)
    as_of = *today;

  analysis = gk_analysis_new (document, &as_of);
  /* Two years of months show the trend that led to the period. */
  charts = gk_chart_model_new (document, analysis, GK_FREQUENCY_MONTHLY, 24);
  /* Judged as of the period's end, made today. */
  gk_chart_model_set_today (charts, today);
  return gk_report_new (document, analysis, charts, frequency, period_date);
}

GkFrequency
gk_report_get_frequency (GkReport *self)
{
  return gk_report_facts_get_frequency (self->b.facts);
}

const GDate *
gk_report_get_period_start (GkReport *self)
{
  return gk_report_facts_get_period_start (self->b.facts);
}

const GDate *
gk_report_get_period_end (GkReport *self)
{
  return gk_report_facts_get_period_end (self->b.facts);
}

const GDate *
gk_report_get_as_of (GkReport *self)
{
  return gk_report_facts_get_as_of (self->b.facts);
}

const char *
gk_report_get_period_label (GkReport *self)
{
  return gk_report_facts_get_period_label (self->b.facts);
}

void
gk_report_set_printed_date (GkReport    *self,
                            const GDate *date)
{
  g_return_if_fail (GK_IS_REPORT (self));

  if (date != NULL && g_date_valid (date))
    self->b.printed = *date;
  else
    self->b.printed = default_printed_date (self);
  /* The projects' lead says when it was printed after the period. */
  g_clear_pointer (&self->b.flow, gk_report_flow_free);
}

const GDate *
gk_report_get_printed_date (GkReport *self)
{
  return &self->b.printed;
}

void
gk_report_set_paper (GkReport            *self,
                     GkReportPaper        paper,
                     GkReportOrientation  orientation)
{
  g_return_if_fail (GK_IS_REPORT (self));

  self->paper = paper;
  self->orientation = orientation;
}

/* --- pages ----------------------------------------------------------------- */

static GkReportFlow *
build_flow (GkReportBuilder *b,
            double           width,
            double           height)
{
  GkReportFlow *flow = gk_report_flow_new ();

  g_free (b->charted);
  b->charted = g_new0 (gboolean, MAX (gk_report_facts_get_n_indicators (b->facts), 1));
  b->indicator_table = NULL;
  b->n_project_anchors = g_list_model_get_n_items (gk_document_get_focus_projects (b->document));
  gk_report_fit_summary (b, width, height);

  gk_report_add_summary (b, flow);
  gk_report_add_roadmap (b, flow, width);
  gk_report_add_projects (b, flow, width, height);
  gk_report_add_indicators (b, flow, width, height);
  gk_report_add_timeline (b, flow, width, height);
  gk_report_add_journal (b, flow);
  gk_report_add_changes (b, flow);
  return flow;
}

/* The content area of a sheet, in chart pixels. */
static void
content_size (double  width_pt,
              double  height_pt,
              double *width,
              double *height)
{
  *width = width_pt / GK_CHART_PRINT_SCALE - 2 * MARGIN;
  *height = height_pt / GK_CHART_PRINT_SCALE - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT;
}

static GkReportFlow *
ensure_flow (GkReport *self,
             double    width_pt,
             double    height_pt)
{
  double width, height;

  if (self->b.flow != NULL && self->flow_width == width_pt && self->flow_height == height_pt)
    return self->b.flow;

  g_clear_pointer (&self->b.flow, gk_report_flow_free);
  content_size (width_pt, height_pt, &width, &height);
  self->b.flow = build_flow (&self->b, width, height);
  self->flow_width = width_pt;
  self->flow_height = height_pt;
  gk_report_flow_paginate (self->b.flow, self->b.ctx, width, height);
  /* Page numbers are one short line: the pages stay as they are. */
  gk_report_fill_indicator_pages (&self->b);
  gk_report_fill_project_pages (&self->b);
  return self->b.flow;
}

guint
gk_report_get_n_pages (GkReport *self,
                       double    width_pt,
                       double    height_pt)
{
  g_return_val_if_fail (GK_IS_REPORT (self), 0);
  g_return_val_if_fail (width_pt > 100 && height_pt > 100, 0);

  return gk_report_flow_get_n_pages (ensure_flow (self, width_pt, height_pt));
}

/* Of the anchors first..first+n-1: the one at the top of @page, or else
 * the last that started before it (the page continues it), or else the
 * first on the page; -1 if none. */
static int
anchor_at_page (GkReportFlow *flow,
                guint         first,
                guint         n,
                guint         page)
{
  int before = -1, on_page = -1;

  for (guint a = first; a < first + n; a++)
    {
      int anchor_page = gk_report_flow_get_anchor_page (flow, a);

      if (anchor_page == (int) page && gk_report_flow_get_anchor_at_top (flow, a))
        return (int) a;
      if (anchor_page == (int) page && on_page < 0)
        on_page = (int) a;
      if (anchor_page >= 0 && anchor_page < (int) page &&
          (before < 0 || anchor_page >= gk_report_flow_get_anchor_page (flow, before)))
        before = (int) a;
    }
  return before >= 0 ? before : on_page;
}

/* The running head: the section, or the focus project, a page belongs to. */
static char *
page_context (GkReport *self,
              guint     page)
{
  GkReportFlow *flow = self->b.flow;
  int section = anchor_at_page (flow, 0, GK_REPORT_N_SECTIONS, page);
  GListModel *projects = gk_document_get_focus_projects (self->b.document);

  if (section < 0)
    return NULL;
  if (section == GK_REPORT_SECTION_PROJECTS)
    {
      int anchor = anchor_at_page (flow, GK_REPORT_N_SECTIONS, self->b.n_project_anchors, page);

      if (anchor >= 0 &&
          gk_report_flow_get_anchor_page (flow, anchor) >=
          gk_report_flow_get_anchor_page (flow, GK_REPORT_SECTION_PROJECTS))
        {
          g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, anchor - GK_REPORT_N_SECTIONS);

          if (project != NULL)
            /* Translators: the running head of a project's pages */
            return g_strdup_printf (_("Focus project: %s"), gk_focus_project_get_name (project));
        }
    }
  return g_strdup (gk_report_section_title (section));
}

static void
draw_header_and_footer (GkReport *self,
                        guint     page_nr,
                        guint     n_pages,
                        double    width,
                        double    height)
{
  GkProgramme *programme = gk_document_get_programme (self->b.document);
  g_autofree char *printed_on = gk_report_format_date (&self->b.printed);
  g_autofree char *context = page_context (self, page_nr);
  g_autofree char *right = NULL;

  /* Translators: the top right of every page; %s is a period */
  right = g_strdup_printf (_("Progress report %s"), gk_report_get_period_label (self));
  gk_report_draw_sheet_frame (self->b.ctx, width, height, gk_report_programme_title (&self->b),
                              programme != NULL ? gk_programme_get_municipality (programme) : NULL,
                              right, context, printed_on, page_nr, n_pages);
}

void
gk_report_draw_page (GkReport *self,
                     guint     page_nr,
                     cairo_t  *cr,
                     double    width_pt,
                     double    height_pt)
{
  GkReportFlow *flow;
  double width = width_pt / GK_CHART_PRINT_SCALE;
  double height = height_pt / GK_CHART_PRINT_SCALE;
  GkChartRect sheet = { 0, 0, width, height };

  g_return_if_fail (GK_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width_pt > 100 && height_pt > 100);

  flow = ensure_flow (self, width_pt, height_pt);
  g_return_if_fail (page_nr < gk_report_flow_get_n_pages (flow));

  cairo_save (cr);
  cairo_scale (cr, GK_CHART_PRINT_SCALE, GK_CHART_PRINT_SCALE);
  gk_chart_context_begin (self->b.ctx, cr);
  gk_chart_context_paint_background (self->b.ctx, &sheet);
  draw_header_and_footer (self, page_nr, gk_report_flow_get_n_pages (flow), width, height);
  gk_report_flow_draw_page (flow, page_nr, self->b.ctx, MARGIN, MARGIN + HEADER_HEIGHT);
  gk_chart_context_end (self->b.ctx);
  cairo_restore (cr);
}

GkChartContext *
gk_report_get_chart_context (GkReport *self)
{
  g_return_val_if_fail (GK_IS_REPORT (self), NULL);

  return self->b.ctx;
}

/* --- PDF ------------------------------------------------------------------- */

/* Names in the outline and the title are not laid out but stored in the
 * file: no more of them than a line of a page shows. */
static char *
pdf_text (const char *text)
{
  char *shown = gk_chart_text_shown_part (text, 12, 1000, 1);

  return shown != NULL ? shown : g_strdup (text);
}

static void
set_metadata (GkReport        *self,
              cairo_surface_t *surface)
{
  GkProgramme *programme = gk_document_get_programme (self->b.document);
  g_autofree char *programme_title = pdf_text (gk_report_programme_title (&self->b));
  g_autofree char *title = NULL;

  /* Translators: the title of the PDF; a period, then the programme */
  title = g_strdup_printf (_("Progress report %s – %s"), gk_report_get_period_label (self), programme_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (programme != NULL && *gk_programme_get_municipality (programme) != '\0')
    {
      g_autofree char *municipality = pdf_text (gk_programme_get_municipality (programme));

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, municipality);
    }
}

/* An outline entry for @anchor, when it landed on a page; its id or -1. */
static int
add_outline_entry (GkReport        *self,
                   cairo_surface_t *surface,
                   int              parent,
                   guint            anchor,
                   const char      *name)
{
  int page = gk_report_flow_get_anchor_page (self->b.flow, anchor);
  g_autofree char *link = NULL;
  g_autofree char *shown = NULL;

  if (page < 0)
    return -1;
  link = g_strdup_printf ("page=%d", page + 1);
  shown = pdf_text (name);
  return cairo_pdf_surface_add_outline (surface, parent, shown, link, 0);
}

static void
add_outline (GkReport        *self,
             cairo_surface_t *surface)
{
  GListModel *projects = gk_document_get_focus_projects (self->b.document);
  GkReportFacts *facts = self->b.facts;

  for (guint s = 0; s < GK_REPORT_N_SECTIONS; s++)
    {
      int id = add_outline_entry (self, surface, CAIRO_PDF_OUTLINE_ROOT, s, gk_report_section_title (s));

      if (id < 0)
        continue;
      if (s == GK_REPORT_SECTION_INDICATORS)
        for (guint i = 0; i < gk_report_facts_get_n_indicators (facts); i++)
          add_outline_entry (self, surface, id, gk_report_indicator_anchor (&self->b, i),
                             gk_indicator_get_name (gk_report_facts_get_indicator (facts, i)->indicator));
      if (s == GK_REPORT_SECTION_PROJECTS)
        for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
          {
            g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, p);

            add_outline_entry (self, surface, id, gk_report_project_anchor (&self->b, p),
                               gk_focus_project_get_name (project));
          }
    }
}

static guint
paged_n_pages (gpointer report,
               double   width_pt,
               double   height_pt)
{
  return gk_report_get_n_pages (report, width_pt, height_pt);
}

static void
paged_draw_page (gpointer  report,
                 guint     page,
                 cairo_t  *cr,
                 double    width_pt,
                 double    height_pt)
{
  gk_report_draw_page (report, page, cr, width_pt, height_pt);
}

static void
paged_add_outline (gpointer         report,
                   cairo_surface_t *surface)
{
  add_outline (report, surface);
}

cairo_status_t
gk_report_write_pdf (GkReport           *self,
                     cairo_write_func_t  write_func,
                     void               *closure)
{
  static const GkPagedReport paged = { paged_n_pages, paged_draw_page, paged_add_outline };
  cairo_surface_t *surface;
  double width, height;

  g_return_val_if_fail (GK_IS_REPORT (self), CAIRO_STATUS_NULL_POINTER);
  g_return_val_if_fail (write_func != NULL, CAIRO_STATUS_NULL_POINTER);

  gk_report_paper_get_size (self->paper, self->orientation, &width, &height);
  surface = gk_pdf_stream_surface_new (write_func, closure, width, height);
  set_metadata (self, surface);
  return gk_report_write_pages (surface, self->b.ctx, width, height, &paged, self);
}

gboolean
gk_report_export_pdf (GkReport    *self,
                      const char  *path,
                      GError     **error)
{
  GkFileSink *sink;

  g_return_val_if_fail (GK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sink = gk_file_sink_open (path, error);
  if (sink == NULL)
    return FALSE;
  return gk_file_sink_close (sink, gk_report_write_pdf (self, gk_file_sink_write, sink), error);
}
