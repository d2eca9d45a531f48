/* gk-report-section-timeline.c: the measures on a quarter axis
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole quarters around the period, as many as stay readable at the page's
 * width, and as many lanes (focus projects) per page as fit.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-period.h"
#include "gk-report-section.h"

#define TIMELINE_QUARTER 80.0

typedef struct {
  GkTimelineChartData  data;
  GkTimelineProject   *projects;
  GkTimelineMeasure   *measures;
} TimelinePart;

static void
timeline_part_free (gpointer data)
{
  TimelinePart *part = data;

  g_free (part->projects);
  g_free (part->measures);
  g_free (part);
}

/* Lanes [first, last) of the whole timeline, on the whole range. */
static TimelinePart *
timeline_part_new (const GkTimelineChartData *all,
                   guint                      first,
                   guint                      last,
                   const GDate               *start,
                   const GDate               *end,
                   gboolean                   with_legend)
{
  TimelinePart *part = g_new0 (TimelinePart, 1);
  guint n = 0;

  part->projects = g_new0 (GkTimelineProject, MAX (last - first, 1));
  for (guint p = first; p < last; p++)
    part->projects[p - first] = all->projects[p];
  part->measures = g_new0 (GkTimelineMeasure, MAX (all->n_measures, 1));
  for (guint m = 0; m < all->n_measures; m++)
    if (all->measures[m].project >= first && all->measures[m].project < last)
      {
        part->measures[n] = all->measures[m];
        part->measures[n].project -= first;
        n++;
      }
  part->data = *all;
  part->data.projects = part->projects;
  part->data.n_projects = last - first;
  part->data.measures = part->measures;
  part->data.n_measures = n;
  part->data.start = *start;
  part->data.end = *end;
  part->data.hide_legend = !with_legend;
  return part;
}

static void
widen (GDate       *first,
       GDate       *last,
       const GDate *date)
{
  if (!g_date_valid (date))
    return;
  if (!g_date_valid (first) || g_date_compare (date, first) < 0)
    *first = *date;
  if (!g_date_valid (last) || g_date_compare (date, last) > 0)
    *last = *date;
}

/* Whole quarters around the period, as many as stay readable at the width:
 * a third of them before the period's quarter, the rest after it. */
static void
timeline_window (GkReportBuilder *b,
                 double           width,
                 GDate           *first,
                 GDate           *last)
{
  int fit = (int) MAX (4, floor (width * 0.75 / TIMELINE_QUARTER));
  GDate now = gk_period_start (GK_FREQUENCY_QUARTERLY, gk_report_facts_get_as_of (b->facts));
  GDate start, end;
  int n_quarters;

  *first = gk_period_start (GK_FREQUENCY_QUARTERLY, first);
  *last = gk_period_start (GK_FREQUENCY_QUARTERLY, last);
  n_quarters = (int) ((g_date_get_year (last) - g_date_get_year (first)) * 4 +
                      (g_date_get_month (last) - g_date_get_month (first)) / 3) + 1;
  if (n_quarters > fit)
    {
      start = gk_period_shift (GK_FREQUENCY_QUARTERLY, &now, -(fit / 3));
      if (!g_date_valid (&start) || g_date_compare (&start, first) < 0)
        start = *first;
      end = gk_period_shift (GK_FREQUENCY_QUARTERLY, &start, fit - 1);
      if (!g_date_valid (&end) || g_date_compare (&end, last) > 0)
        {
          end = *last;
          start = gk_period_shift (GK_FREQUENCY_QUARTERLY, &end, -(fit - 1));
          if (!g_date_valid (&start))
            start = *first;
        }
      *first = start;
      *last = end;
    }
  *last = gk_period_end (GK_FREQUENCY_QUARTERLY, last);
}

void
gk_report_add_timeline (GkReportBuilder *b,
                        GkReportFlow    *flow,
                        double           width,
                        double           height)
{
  const GkTimelineChartData *all = gk_chart_model_get_timeline (b->charts);
  GDate first, last;
  guint lane = 0;
  double available;
  g_autofree char *as_of = gk_report_format_date (gk_report_facts_get_as_of (b->facts));
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *lead = NULL;

  if (all->n_projects == 0 || all->n_measures == 0)
    {
      gk_report_add_section_heading (flow, GK_REPORT_SECTION_TIMELINE, _("Timeline"), NULL);
      gk_report_add_note (flow, _("No measures are planned yet."));
      return;
    }

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  widen (&first, &last, gk_report_facts_get_as_of (b->facts));
  for (guint m = 0; m < all->n_measures; m++)
    {
      widen (&first, &last, &all->measures[m].start);
      widen (&first, &last, &all->measures[m].due);
    }
  timeline_window (b, width, &first, &last);

  from = gk_format_quarter (&first, TRUE);
  to = gk_format_quarter (&last, TRUE);
  /* Translators: two quarters, "Q2 2026", and a date */
  lead = g_strdup_printf (_("The measures of every focus project from %s to %s; the blue line marks %s. "
                            "Each project's page lists all its measures."), from, to, as_of);
  gk_report_add_section_heading (flow, GK_REPORT_SECTION_TIMELINE, _("Timeline"), lead);

  /* As many lanes per page as fit; the first page also holds the heading. */
  available = height - 90;
  while (lane < all->n_projects)
    {
      guint end = lane + 1;
      TimelinePart *part = NULL;

      while (TRUE)
        {
          TimelinePart *candidate = timeline_part_new (all, lane, end, &first, &last, end == all->n_projects);

          if (part != NULL &&
              gk_timeline_chart_get_preferred_height (b->ctx, &candidate->data, width) > available)
            {
              timeline_part_free (candidate);
              end--;
              break;
            }
          g_clear_pointer (&part, timeline_part_free);
          part = candidate;
          if (end == all->n_projects)
            break;
          end++;
        }
      gk_report_add_chart (flow, GK_CHART_KIND_TIMELINE, part, timeline_part_free, 0);
      lane = end;
      available = height;
    }
}
