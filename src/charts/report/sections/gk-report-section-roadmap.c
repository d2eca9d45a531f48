/* gk-report-section-roadmap.c: the roadmap and the measures per topic
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-report-section.h"

#define ROADMAP_COLUMN 34.0
#define ROADMAP_LABELS 300.0

typedef struct {
  GkRoadmapChartData  data;
  GkRoadmapTopic     *topics;
} RoadmapPart;

static void
roadmap_part_free (gpointer data)
{
  RoadmapPart *part = data;

  g_free (part->topics);
  g_free (part);
}

/* The last periods up to the report's, as many as fit the width. */
static RoadmapPart *
roadmap_for_width (GkReportBuilder *b,
                   double           width)
{
  const GkRoadmapChartData *all = gk_chart_model_get_roadmap (b->charts);
  const GDate *as_of = gk_report_facts_get_as_of (b->facts);
  RoadmapPart *part = g_new0 (RoadmapPart, 1);
  guint last = 0, first, fit;

  while (last < all->n_periods && g_date_compare (&all->periods[last].start, as_of) <= 0)
    last++;
  fit = (guint) MAX (3, floor ((width - ROADMAP_LABELS) / ROADMAP_COLUMN));
  first = last > fit ? last - fit : 0;

  part->data = *all;
  part->data.periods = all->periods + first;
  part->data.n_periods = last - first;
  part->topics = g_new0 (GkRoadmapTopic, MAX (all->n_topics, 1));
  for (guint t = 0; t < all->n_topics; t++)
    {
      part->topics[t] = all->topics[t];
      part->topics[t].levels = all->topics[t].levels + first;
    }
  part->data.topics = part->topics;
  return part;
}

void
gk_report_add_roadmap (GkReportBuilder *b,
                       GkReportFlow    *flow,
                       double           width)
{
  RoadmapPart *part = roadmap_for_width (b, width);
  g_autofree char *lead = NULL;

  lead = g_strdup_printf (_("The grip level of every topic at the end of each month, up to %s. The top row is the "
                            "headline grip level: %s."),
                          gk_report_facts_get_period_label (b->facts),
                          gk_analysis_get_headline_rule (b->analysis) == GK_HEADLINE_RULE_MEDIAN
                          ? _("the best level that at least half of the topics reach")
                          : _("the most serious level of any topic"));
  gk_report_add_section_heading (flow, GK_REPORT_SECTION_ROADMAP, _("Roadmap"), lead);
  if (part->data.n_periods == 0 || part->data.n_topics == 0)
    {
      roadmap_part_free (part);
      gk_report_add_note (flow, _("The programme has no topics or assessments yet."));
      return;
    }
  gk_report_add_chart (flow, GK_CHART_KIND_ROADMAP, part, roadmap_part_free, 0);

  gk_report_add_subheading (flow, _("Measures per topic"));
  gk_report_flow_add_text (flow, _("The measures aimed at each topic, by status, beside the topic's level."),
                           GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  gk_report_add_chart (flow, GK_CHART_KIND_COVERAGE, gk_chart_model_get_coverage (b->charts), NULL, 0);
}
