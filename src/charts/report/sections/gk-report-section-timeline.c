/* gk-report-section-timeline.c: the measures on a quarter axis
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole quarters around the period, as many as stay readable at the page's
 * width; a row per project and per measure, titles whole, as many rows per
 * page as fit.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-period.h"
#include "gk-report-section.h"

#define TIMELINE_QUARTER 80.0
/* the plot's share of the width, beside the titles */
#define TIMELINE_PLOT_SHARE 0.6

/* Rows [first, first + n) of the whole timeline, on the report's range. */
static GkTimelineChartData *
timeline_part_new (const GkTimelineChartData *all,
                   guint                      first,
                   guint                      n,
                   const GDate               *start,
                   const GDate               *end,
                   gboolean                   with_legend)
{
  GkTimelineChartData *part = g_new (GkTimelineChartData, 1);

  *part = *all;
  part->first_row = first;
  part->n_rows = n;
  part->start = *start;
  part->end = *end;
  part->day_width = 0;
  part->has_selected = FALSE;
  part->hide_legend = !with_legend;
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
  int fit = (int) MAX (4, floor (width * TIMELINE_PLOT_SHARE / TIMELINE_QUARTER));
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

/* The rows on each page, filling every page to @scale of its height. */
static GArray *
paginate_at (GkChartContext            *ctx,
             const GkTimelineChartData *whole,
             guint                      n_rows,
             double                     width,
             double                     first_height,
             double                     height,
             double                     scale)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint row = 0;

  while (row < n_rows)
    {
      double room = (pages->len == 0 ? first_height : height) * scale;
      guint n = gk_timeline_chart_fit_rows (ctx, whole, width, row, room);

      g_array_append_val (pages, n);
      row += n;
    }
  return pages;
}

/* As few pages as it takes, with the rows spread so that the last page is
 * not a row or two on an empty sheet: each page as much less than full as
 * keeps the number of pages. */
static GArray *
paginate (GkChartContext            *ctx,
          const GkTimelineChartData *whole,
          guint                      n_rows,
          double                     width,
          double                     first_height,
          double                     height)
{
  GArray *best = paginate_at (ctx, whole, n_rows, width, first_height, height, 1.0);

  for (double scale = 0.95; best->len > 1 && scale >= 0.5; scale -= 0.05)
    {
      GArray *spread = paginate_at (ctx, whole, n_rows, width, first_height, height, scale);

      if (spread->len > best->len)
        {
          g_array_unref (spread);
          break;
        }
      g_array_unref (best);
      best = spread;
    }
  return best;
}

void
gk_report_add_timeline (GkReportBuilder *b,
                        GkReportFlow    *flow,
                        double           width,
                        double           height)
{
  const GkTimelineChartData *all = gk_chart_model_get_timeline (b->charts);
  GDate first, last;
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

  /* A row per project and per measure, as many per page as fit; the
   * first page also holds the heading. A chart reaching the end carries
   * the legend. */
  {
    GkTimelineChartData whole = *all;
    guint n_rows = gk_timeline_chart_get_n_rows (all);
    g_autoptr(GArray) pages = NULL;
    guint row = 0;

    whole.day_width = 0;
    whole.start = first;
    whole.end = last;
    pages = paginate (b->ctx, &whole, n_rows, width, height - 90, height);
    for (guint p = 0; p < pages->len; p++)
      {
        guint n = g_array_index (pages, guint, p);

        gk_report_add_chart (flow, GK_CHART_KIND_TIMELINE,
                             timeline_part_new (all, row, n, &first, &last, row + n == n_rows), g_free, 0);
        row += n;
      }
  }
}
