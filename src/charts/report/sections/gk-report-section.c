/* gk-report-section.c: headings, chart blocks and wording the sections share
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-report-section.h"

/* --- anchors and titles ---------------------------------------------------- */

const char *
gk_report_section_title (guint section)
{
  switch (section)
    {
    case GK_REPORT_SECTION_SUMMARY:
      return _("Summary");
    case GK_REPORT_SECTION_ROADMAP:
      return _("Roadmap");
    case GK_REPORT_SECTION_PROJECTS:
      return _("Focus projects");
    case GK_REPORT_SECTION_INDICATORS:
      return _("Indicators");
    case GK_REPORT_SECTION_TIMELINE:
      return _("Timeline");
    case GK_REPORT_SECTION_JOURNAL:
      return _("Decisions and risks");
    case GK_REPORT_SECTION_CHANGES:
    default:
      return _("Since the previous period");
    }
}

guint
gk_report_project_anchor (GkReportBuilder *b,
                          guint            project)
{
  return GK_REPORT_N_SECTIONS + project;
}

guint
gk_report_indicator_anchor (GkReportBuilder *b,
                            guint            indicator)
{
  return GK_REPORT_N_SECTIONS + b->n_project_anchors + indicator;
}

/* --- headings -------------------------------------------------------------- */

void
gk_report_add_section_heading (GkReportFlow *flow,
                               guint         anchor,
                               const char   *title,
                               const char   *lead)
{
  gk_report_flow_add_page_break (flow);
  gk_report_flow_add_anchor (flow, anchor);
  gk_report_flow_add_text (flow, title, GK_REPORT_FONT_HEADING, GK_REPORT_INK_NORMAL, TRUE);
  if (lead != NULL)
    gk_report_flow_add_text (flow, lead, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  gk_report_flow_add_space (flow, 4);
}

void
gk_report_add_subheading (GkReportFlow *flow,
                          const char   *title)
{
  gk_report_flow_add_space (flow, GK_REPORT_SECTION_SPACE - 10);
  gk_report_flow_add_text (flow, title, GK_REPORT_FONT_SUBHEADING, GK_REPORT_INK_NORMAL, TRUE);
}

void
gk_report_add_note (GkReportFlow *flow,
                    const char   *text)
{
  gk_report_flow_add_text (flow, text, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, FALSE);
}

/* --- chart blocks ---------------------------------------------------------- */

typedef struct {
  GkChartKind    kind;
  gpointer       data;         /* the chart's data struct */
  GDestroyNotify free_data;
  double         height;       /* 0: the chart's preferred height */
} ChartBlock;

static void
chart_block_free (gpointer data)
{
  ChartBlock *block = data;

  if (block->free_data != NULL)
    block->free_data (block->data);
  g_free (block);
}

static double
chart_block_measure (GkChartContext *ctx,
                     double          width,
                     gpointer        data)
{
  ChartBlock *block = data;

  if (block->height > 0)
    return block->height;
  switch (block->kind)
    {
    case GK_CHART_KIND_ROADMAP:
      return gk_roadmap_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_HEADLINE:
      return gk_headline_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_TIMELINE:
      return gk_timeline_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_PROGRESS:
      return gk_progress_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_COVERAGE:
      return gk_coverage_chart_get_preferred_height (ctx, block->data, width);
    case GK_CHART_KIND_INDICATOR:
    default:
      return width * 0.4;
    }
}

static void
chart_block_draw (GkChartContext    *ctx,
                  const GkChartRect *area,
                  gpointer           data)
{
  ChartBlock *block = data;

  switch (block->kind)
    {
    case GK_CHART_KIND_ROADMAP:
      gk_roadmap_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_HEADLINE:
      gk_headline_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_TIMELINE:
      gk_timeline_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_PROGRESS:
      gk_progress_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_COVERAGE:
      gk_coverage_chart_draw (ctx, block->data, area);
      break;
    case GK_CHART_KIND_INDICATOR:
    default:
      gk_indicator_chart_draw (ctx, block->data, area);
      break;
    }
}

void
gk_report_add_chart (GkReportFlow   *flow,
                     GkChartKind     kind,
                     gconstpointer   data,
                     GDestroyNotify  free_data,
                     double          height)
{
  ChartBlock *block = g_new0 (ChartBlock, 1);

  block->kind = kind;
  block->data = (gpointer) data;
  block->free_data = free_data;
  block->height = height;
  gk_report_flow_add_block (flow, chart_block_measure, chart_block_draw, block, chart_block_free, FALSE);
}

/* --- words and numbers ----------------------------------------------------- */

char *
gk_report_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("–");
  return gk_date_format_display (date);
}

char *
gk_report_format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    g_date_clear (&date, 1);
  return gk_report_format_date (&date);
}

char *
gk_report_format_percent (double fraction)
{
  /* Translators: a percentage, "64 %"; %d is the number */
  return g_strdup_printf (_("%d %%"), (int) round (fraction * 100));
}

const char *
gk_report_person_name (GkReportBuilder *b,
                       gint64           person_id)
{
  GkPerson *person = person_id != 0 ? gk_document_lookup_person (b->document, person_id) : NULL;

  return person != NULL ? gk_person_get_name (person) : NULL;
}

const char *
gk_report_programme_title (GkReportBuilder *b)
{
  GkProgramme *programme = gk_document_get_programme (b->document);

  if (programme == NULL || *gk_programme_get_title (programme) == '\0')
    return _("Change programme");
  return gk_programme_get_title (programme);
}

const char *
gk_report_level_or_none (GkLevel level)
{
  return level != GK_LEVEL_NONE ? gk_level_label (level) : _("Not assessed");
}
