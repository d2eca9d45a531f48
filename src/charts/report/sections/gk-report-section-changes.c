/* gk-report-section-changes.c: what changed since the previous period
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grip levels that changed, measures completed in the period, measures
 * overdue or done late, and indicators that moved a level.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-report-section.h"

static void
add_level_changes (GkReportBuilder *b,
                   GkReportFlow    *flow)
{
  guint n = gk_report_facts_get_n_level_changes (b->facts);
  GkReportTable *table;

  gk_report_add_subheading (flow, _("Grip levels that changed"));
  if (n == 0)
    {
      gk_report_add_note (flow, _("No topic changed its grip level."));
      return;
    }
  table = gk_report_flow_add_table (flow, 4);
  gk_report_table_set_column (table, 0, _("Topic"), 2.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, gk_report_facts_get_previous_label (b->facts), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, gk_report_facts_get_period_label (b->facts), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("Change"), 1.2, GK_CHART_ALIGN_START);
  for (guint i = 0; i < n; i++)
    {
      const GkReportLevelChange *change = gk_report_facts_get_level_change (b->facts, i);
      GkGripTrend trend = gk_grip_trend (change->before, change->now);
      guint row = gk_report_table_add_row (table);

      if (change->topic != NULL)
        gk_report_table_set_text (table, row, 0, gk_topic_get_name (change->topic));
      else
        {
          gk_report_table_set_text (table, row, 0, _("Headline grip level"));
          gk_report_table_set_style (table, row, 0, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_NORMAL);
        }
      gk_report_table_set_chip (table, row, 1, change->before, gk_report_level_or_none (change->before));
      gk_report_table_set_chip (table, row, 2, change->now, gk_report_level_or_none (change->now));
      gk_report_table_set_text (table, row, 3, trend == GK_GRIP_TREND_BETTER ? _("Better")
                                               : trend == GK_GRIP_TREND_WORSE ? _("Worse") : _("Changed"));
      if (trend == GK_GRIP_TREND_WORSE)
        gk_report_table_set_style (table, row, 3, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
    }
}

static const char *
project_name_of (GkReportBuilder *b,
                 GkMeasure       *measure)
{
  GkFocusProject *project = gk_document_lookup_focus_project (b->document, gk_measure_get_project_id (measure));

  return project != NULL ? gk_focus_project_get_name (project) : "–";
}

static GkReportTable *
measure_list_table (GkReportFlow *flow,
                    const char   *last_title)
{
  GkReportTable *table = gk_report_flow_add_table (flow, 4);

  gk_report_table_set_column (table, 0, _("Measure"), 2.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Focus project"), 1.8, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Owner"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, last_title, 1.9, GK_CHART_ALIGN_START);
  return table;
}

static void
fill_measure_row (GkReportBuilder *b,
                  GkReportTable   *table,
                  guint            row,
                  GkMeasure       *measure)
{
  const char *owner = gk_report_person_name (b, gk_measure_get_owner_id (measure));

  gk_report_table_set_text (table, row, 0, gk_measure_get_title (measure));
  gk_report_table_set_text (table, row, 1, project_name_of (b, measure));
  gk_report_table_set_text (table, row, 2, owner != NULL ? owner : "–");
}

static void
add_completed (GkReportBuilder *b,
               GkReportFlow    *flow)
{
  const char *period = gk_report_facts_get_period_label (b->facts);
  guint n = gk_report_facts_get_n_done (b->facts);
  GkReportTable *table;
  g_autofree char *title = NULL;

  /* Translators: %s is a period, "October 2026" */
  title = g_strdup_printf (_("Measures completed in %s"), period);
  gk_report_add_subheading (flow, title);
  if (n == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No measures were completed in %s."), period);

      gk_report_add_note (flow, none);
      return;
    }
  table = measure_list_table (flow, _("Done on"));
  gk_report_table_set_continued_label (table, _("Measures completed (continued)"));
  for (guint i = 0; i < n; i++)
    {
      const GkReportMeasure *rm = gk_report_facts_get_done (b->facts, i);
      guint row = gk_report_table_add_row (table);

      fill_measure_row (b, table, row, rm->measure);
      gk_report_table_take_text (table, row, 3, gk_report_format_date (&rm->done));
    }
}

static void
add_late (GkReportBuilder *b,
          GkReportFlow    *flow)
{
  guint n = gk_report_facts_get_n_late (b->facts);
  GkReportTable *table;

  gk_report_add_subheading (flow, _("Measures overdue or done late"));
  if (n == 0)
    {
      gk_report_add_note (flow, _("Every measure is on schedule."));
      return;
    }
  table = measure_list_table (flow, _("Due"));
  gk_report_table_set_continued_label (table, _("Measures overdue or done late (continued)"));
  for (guint i = 0; i < n; i++)
    {
      const GkReportMeasure *rm = gk_report_facts_get_late (b->facts, i);
      guint row = gk_report_table_add_row (table);
      g_autofree char *due = gk_report_format_date (&rm->due);
      g_autofree char *note = rm->overdue
        ? g_strdup_printf (ngettext ("overdue by %d day", "overdue by %d days", rm->days), rm->days)
        : g_strdup_printf (ngettext ("done %d day late", "done %d days late", rm->days), rm->days);

      fill_measure_row (b, table, row, rm->measure);
      gk_report_table_take_text (table, row, 3, g_strdup_printf ("%s\n%s", due, note));
      if (rm->overdue)
        gk_report_table_set_style (table, row, 3, GK_REPORT_FONT_BODY, GK_REPORT_INK_WARNING);
    }
}

static const char *
signal_or_none (GkLevel level)
{
  return level != GK_LEVEL_NONE ? gk_level_label (level) : _("No signal");
}

static void
add_indicator_moves (GkReportBuilder *b,
                     GkReportFlow    *flow)
{
  GkReportTable *table = NULL;

  gk_report_add_subheading (flow, _("Indicators that moved a level"));
  for (guint i = 0; i < gk_report_facts_get_n_indicators (b->facts); i++)
    {
      const GkReportIndicator *ri = gk_report_facts_get_indicator (b->facts, i);
      guint row;

      if (ri->level == ri->previous_level)
        continue;
      if (table == NULL)
        {
          table = gk_report_flow_add_table (flow, 4);
          gk_report_table_set_column (table, 0, _("Indicator"), 2.6, GK_CHART_ALIGN_START);
          gk_report_table_set_column (table, 1, gk_report_facts_get_previous_label (b->facts), 1.4,
                                      GK_CHART_ALIGN_START);
          gk_report_table_set_column (table, 2, gk_report_facts_get_period_label (b->facts), 1.4,
                                      GK_CHART_ALIGN_START);
          gk_report_table_set_column (table, 3, _("Latest figure"), 1.6, GK_CHART_ALIGN_START);
          gk_report_table_set_continued_label (table, _("Indicators that moved a level (continued)"));
        }
      row = gk_report_table_add_row (table);
      gk_report_table_set_text (table, row, 0, gk_indicator_get_name (ri->indicator));
      gk_report_table_set_chip (table, row, 1, ri->previous_level, signal_or_none (ri->previous_level));
      gk_report_table_set_chip (table, row, 2, ri->level, signal_or_none (ri->level));
      gk_report_table_take_text (table, row, 3, gk_report_describe_latest (b, i));
    }
  if (table == NULL)
    gk_report_add_note (flow, _("No indicator moved to another level."));
}

/* Status and health are not dated: what they were then comes from the
 * history, and a file without one says so rather than show today's. */
static void
add_history_note (GkReportBuilder *b,
                  GkReportFlow    *flow)
{
  if (gk_report_facts_history_known (b->facts))
    return;
  gk_report_add_note (flow, _("This file’s history does not reach back to this period: the statuses of "
                              "measures and the health of focus projects are shown as they are today."));
}

static void
add_status_changes (GkReportBuilder *b,
                    GkReportFlow    *flow)
{
  guint n = gk_report_facts_get_n_status_changes (b->facts);
  GkReportTable *table;

  if (!gk_report_facts_history_known (b->facts))
    return;
  gk_report_add_subheading (flow, _("Measures that changed status"));
  if (n == 0)
    {
      gk_report_add_note (flow, _("No measure changed its status."));
      return;
    }
  table = measure_list_table (flow, _("Status"));
  gk_report_table_set_continued_label (table, _("Measures that changed status (continued)"));
  for (guint i = 0; i < n; i++)
    {
      const GkReportStatusChange *change = gk_report_facts_get_status_change (b->facts, i);
      guint row = gk_report_table_add_row (table);

      fill_measure_row (b, table, row, change->measure);
      gk_report_table_set_status (table, row, 3, change->now);
      if (change->existed_before)
        /* Translators: a measure's status then and now: "Planned → In progress" */
        gk_report_table_take_text (table, row, 3, g_strdup_printf (_("%s → %s"),
                                                                   gk_measure_status_label (change->before),
                                                                   gk_measure_status_label (change->now)));
      else
        /* Translators: a measure added in the period, with its status */
        gk_report_table_take_text (table, row, 3, g_strdup_printf (_("new: %s"),
                                                                   gk_measure_status_label (change->now)));
    }
}

static void
add_health_changes (GkReportBuilder *b,
                    GkReportFlow    *flow)
{
  guint n = gk_report_facts_get_n_health_changes (b->facts);
  GkReportTable *table;

  if (!gk_report_facts_history_known (b->facts))
    return;
  gk_report_add_subheading (flow, _("Focus projects whose health changed"));
  if (n == 0)
    {
      gk_report_add_note (flow, _("No focus project changed its health."));
      return;
    }
  table = gk_report_flow_add_table (flow, 3);
  gk_report_table_set_column (table, 0, _("Focus project"), 3.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, gk_report_facts_get_previous_label (b->facts), 1.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, gk_report_facts_get_period_label (b->facts), 1.6, GK_CHART_ALIGN_START);
  for (guint i = 0; i < n; i++)
    {
      const GkReportHealthChange *change = gk_report_facts_get_health_change (b->facts, i);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, gk_focus_project_get_name (change->project));
      gk_report_table_set_chip (table, row, 1, gk_health_chart_level (change->before), gk_health_label (change->before));
      gk_report_table_set_chip (table, row, 2, gk_health_chart_level (change->now), gk_health_label (change->now));
    }
}

void
gk_report_add_changes (GkReportBuilder *b,
                       GkReportFlow    *flow)
{
  g_autofree char *lead = NULL;

  /* Translators: both are periods: "October 2026 compared with September 2026" */
  lead = g_strdup_printf (_("%s compared with %s."), gk_report_facts_get_period_label (b->facts),
                          gk_report_facts_get_previous_label (b->facts));
  gk_report_flow_add_space (flow, GK_REPORT_SECTION_SPACE);
  gk_report_flow_add_anchor (flow, GK_REPORT_SECTION_CHANGES);
  gk_report_flow_add_text (flow, _("Since the previous period"), GK_REPORT_FONT_HEADING, GK_REPORT_INK_NORMAL, TRUE);
  gk_report_flow_add_text (flow, lead, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  add_history_note (b, flow);
  add_level_changes (b, flow);
  add_health_changes (b, flow);
  add_status_changes (b, flow);
  add_completed (b, flow);
  add_late (b, flow);
  add_indicator_moves (b, flow);
}
