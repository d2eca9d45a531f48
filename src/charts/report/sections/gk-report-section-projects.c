/* gk-report-section-projects.c: a page per focus project
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The progress of all projects, then per project: its facts (owner, goal,
 * health with reason, progress, money), its measures, and the charts of the
 * indicators that inform it.
 */
#include "config.h"

#include <string.h>

#include <math.h>

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-report-section.h"

/* Tall: a chart gives up what it must to fit under the measures, and so
 * fills the rest of the project's page. */
static double
project_indicator_chart_height (double width,
                                double height)
{
  return floor (CLAMP (MIN (gk_report_indicator_column_width (width) * 0.55, height * 0.42), 200, 440));
}

static void
add_fact (GkReportTable *table,
          const char    *label,
          char          *value)
{
  guint row;

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  row = gk_report_table_add_row (table);
  gk_report_table_set_text (table, row, 0, label);
  gk_report_table_set_style (table, row, 0, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM);
  gk_report_table_take_text (table, row, 1, value);
}

static char *
describe_period (const char *start_iso,
                 const char *end_iso)
{
  GDate start, end;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start_iso == NULL || !gk_date_parse_iso (start_iso, &start))
    g_date_clear (&start, 1);
  if (end_iso == NULL || !gk_date_parse_iso (end_iso, &end))
    g_date_clear (&end, 1);
  if (!g_date_valid (&start) && !g_date_valid (&end))
    return NULL;
  from = gk_report_format_date (&start);
  to = gk_report_format_date (&end);
  return g_strdup_printf ("%s – %s", from, to);
}

static char *
describe_money (GkFocusProject *project)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (gk_focus_project_has_budget_cents (project))
    {
      g_autofree char *euro = gk_format_euro (gk_focus_project_get_budget_cents (project) / 100.0);

      /* Translators: %s is an amount */
      g_ptr_array_add (parts, g_strdup_printf (_("budget %s"), euro));
    }
  if (gk_focus_project_has_saving_cents (project))
    {
      g_autofree char *euro = gk_format_euro (gk_focus_project_get_saving_cents (project) / 100.0);

      /* Translators: %s is an amount */
      g_ptr_array_add (parts, g_strdup_printf (_("expected saving %s"), euro));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
describe_topics (GkReportBuilder *b,
                 gint64           project_id)
{
  GListModel *links = gk_document_get_project_topics (b->document);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkProjectTopic) link = g_list_model_get_item (links, i);
      GkTopic *topic;

      if (gk_project_topic_get_project_id (link) != project_id)
        continue;
      topic = gk_document_lookup_topic (b->document, gk_project_topic_get_topic_id (link));
      if (topic != NULL)
        g_ptr_array_add (names, (gpointer) gk_topic_get_name (topic));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* How far the measures that count (not dropped) are on average, from 0 to
 * 1; how many count, are done and are in progress. */
static double
average_progress (GkReportBuilder *b,
                  GPtrArray       *measures,
                  guint           *counted,
                  guint           *done,
                  guint           *in_progress)
{
  GkPeriodState *state = gk_report_facts_get_state (b->facts);
  double progress = 0;

  *counted = *done = *in_progress = 0;
  for (guint i = 0; i < measures->len; i++)
    {
      const GkMeasureThen *then = gk_period_state_get_measure (state, g_ptr_array_index (measures, i));

      if (then->status == GK_MEASURE_STATUS_DROPPED)
        continue;
      (*counted)++;
      *done += then->status == GK_MEASURE_STATUS_DONE;
      *in_progress += then->status == GK_MEASURE_STATUS_IN_PROGRESS;
      progress += then->status == GK_MEASURE_STATUS_DONE ? 100 : then->progress;
    }
  return *counted > 0 ? progress / *counted / 100.0 : 0;
}

static char *
describe_progress (GkReportBuilder *b,
                   GPtrArray       *measures)
{
  guint counted, done, in_progress;
  double progress = average_progress (b, measures, &counted, &done, &in_progress);
  g_autofree char *average = NULL;

  if (counted == 0)
    return NULL;
  average = gk_report_format_percent (progress);
  /* Translators: "5 of 8 measures done, 2 in progress; on average 64 % complete" */
  return g_strdup_printf (ngettext ("%u of %u measure done, %u in progress; on average %s complete",
                                    "%u of %u measures done, %u in progress; on average %s complete", counted),
                          done, counted, in_progress, average);
}

static void
add_measures_table (GkReportBuilder *b,
                    GkReportFlow    *flow,
                    GPtrArray       *measures,
                    const char      *project_name)
{
  GkReportTable *table;
  g_autofree char *continued = NULL;

  gk_report_add_subheading (flow, _("Measures"));
  if (measures->len == 0)
    {
      gk_report_add_note (flow, _("No measures yet."));
      return;
    }
  table = gk_report_flow_add_table (flow, 5);
  gk_report_table_set_column (table, 0, _("Measure"), 3.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Owner"), 1.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Status"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("Due"), 1.1, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 4, _("Progress"), 1.2, GK_CHART_ALIGN_END);
  /* Translators: %s is a focus project */
  continued = g_strdup_printf (_("Measures of %s (continued)"), project_name);
  gk_report_table_set_continued_label (table, continued);

  for (guint i = 0; i < measures->len; i++)
    {
      GkMeasure *measure = g_ptr_array_index (measures, i);
      const GkMeasureThen *then = gk_period_state_get_measure (gk_report_facts_get_state (b->facts), measure);
      GkMeasureStatus status = then->status;
      const char *owner = gk_report_person_name (b, gk_measure_get_owner_id (measure));
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, gk_measure_get_title (measure));
      gk_report_table_set_text (table, row, 1, owner != NULL ? owner : "–");
      gk_report_table_set_status (table, row, 2, status);
      gk_report_table_set_text (table, row, 2, gk_measure_status_label (status));
      gk_report_table_take_text (table, row, 3, gk_report_format_iso_date (gk_measure_get_due_date (measure)));
      if (gk_report_facts_is_overdue (b->facts, measure))
        gk_report_table_set_style (table, row, 3, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
      if (status != GK_MEASURE_STATUS_IDEA && status != GK_MEASURE_STATUS_DROPPED)
        gk_report_table_take_text (table, row, 4,
                                   gk_report_format_percent ((status == GK_MEASURE_STATUS_DONE
                                                              ? 100 : then->progress) / 100.0));
      else
        gk_report_table_set_text (table, row, 4, "–");
    }
}

static void
add_project_facts (GkReportBuilder *b,
                   GkReportFlow    *flow,
                   GkFocusProject  *project,
                   GPtrArray       *own)
{
  GkPerson *owner = gk_document_lookup_person (b->document, gk_focus_project_get_owner_id (project));
  const GkProjectThen *then = gk_period_state_get_project (gk_report_facts_get_state (b->facts), project);
  GkHealth health = then->health;
  GkReportTable *facts = gk_report_flow_add_table (flow, 2);
  guint row;

  gk_report_table_set_plain (facts, TRUE);
  gk_report_table_set_column (facts, 0, NULL, 1.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (facts, 1, NULL, 4.0, GK_CHART_ALIGN_START);
  if (owner != NULL)
    add_fact (facts, _("Owner"), g_strdup_printf ("%s (%s)", gk_person_get_name (owner),
                                                  gk_role_label (gk_person_get_role (owner))));
  else
    {
      add_fact (facts, _("Owner"), g_strdup (_("No owner")));
      gk_report_table_set_style (facts, gk_report_table_get_n_rows (facts) - 1, 1,
                                 GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
    }
  add_fact (facts, _("Goal"), g_strdup (gk_focus_project_get_goal (project)));
  add_fact (facts, _("Chain phase"), g_strdup (gk_chain_phase_label (gk_focus_project_get_chain_phase (project))));
  add_fact (facts, _("Status"), g_strdup (gk_project_status_label (then->status)));
  row = gk_report_table_add_row (facts);
  gk_report_table_set_text (facts, row, 0, _("Health"));
  gk_report_table_set_style (facts, row, 0, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM);
  gk_report_table_set_chip (facts, row, 1, gk_health_chart_level (health), gk_health_label (health));
  gk_report_table_set_text (facts, row, 1, then->health_reason);
  add_fact (facts, _("Progress"), describe_progress (b, own));
  add_fact (facts, _("Runs"), describe_period (gk_focus_project_get_start_date (project),
                                               gk_focus_project_get_end_date (project)));
  add_fact (facts, _("Topics"), describe_topics (b, gk_record_get_id (GK_RECORD (project))));
  add_fact (facts, _("Money"), describe_money (project));
}

/* The charts of the indicators that inform the project and are not shown
 * on an earlier project's page. */
static void
add_project_indicators (GkReportBuilder *b,
                        GkReportFlow    *flow,
                        gint64           project_id,
                        double           width,
                        double           height)
{
  GListModel *links = gk_document_get_indicator_projects (b->document);
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkIndicatorProject) link = g_list_model_get_item (links, i);
      int index;
      gboolean listed = FALSE;

      if (gk_indicator_project_get_project_id (link) != project_id)
        continue;
      index = gk_report_facts_find_indicator (b->facts, gk_indicator_project_get_indicator_id (link));
      if (index < 0 || b->charted[index])
        continue;
      for (guint j = 0; j < own->len && !listed; j++)
        listed = g_array_index (own, guint, j) == (guint) index;
      if (!listed)
        g_array_append_val (own, index);
    }
  if (own->len == 0)
    return;
  gk_report_add_subheading (flow, _("Indicators"));
  gk_report_add_indicator_blocks (b, flow, (const guint *) (void *) own->data, own->len, width,
                                  project_indicator_chart_height (width, height), TRUE);
}

static GPtrArray *
project_measures (GkReportBuilder *b,
                  gint64           project_id)
{
  GListModel *measures = gk_document_get_measures (b->document);
  GPtrArray *own = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      GkMeasure *measure = g_list_model_get_item (measures, i);

      if (gk_measure_get_project_id (measure) == project_id)
        g_ptr_array_add (own, measure);
      else
        g_object_unref (measure);
    }
  return own;
}

static void
add_project (GkReportBuilder *b,
             GkReportFlow    *flow,
             GkFocusProject  *project,
             guint            anchor,
             double           width,
             double           height)
{
  gint64 id = gk_record_get_id (GK_RECORD (project));
  g_autoptr(GPtrArray) own = project_measures (b, id);

  gk_report_flow_add_page_break (flow);
  gk_report_flow_add_anchor (flow, anchor);
  gk_report_flow_add_text (flow, gk_focus_project_get_name (project), GK_REPORT_FONT_HEADING,
                           GK_REPORT_INK_NORMAL, TRUE);
  add_project_facts (b, flow, project, own);
  add_measures_table (b, flow, own, gk_focus_project_get_name (project));
  add_project_indicators (b, flow, id, width, height);
}

/* Under the progress chart, which shows the measures and the owners: per
 * project its health, how far it is, what is overdue, when it ends and on
 * which page it is. */
static void
add_projects_table (GkReportBuilder *b,
                    GkReportFlow    *flow)
{
  GListModel *projects = gk_document_get_focus_projects (b->document);
  GkReportTable *table = gk_report_flow_add_table (flow, 6);

  b->project_table = table;
  gk_report_table_set_column (table, 0, _("Focus project"), 3.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Health"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Progress"), 1.1, GK_CHART_ALIGN_END);
  gk_report_table_set_column (table, 3, _("Overdue"), 1.0, GK_CHART_ALIGN_END);
  gk_report_table_set_column (table, 4, _("End date"), 1.3, GK_CHART_ALIGN_END);
  gk_report_table_set_column (table, 5, _("Page"), 0.6, GK_CHART_ALIGN_END);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      g_autoptr(GPtrArray) own = project_measures (b, gk_record_get_id (GK_RECORD (project)));
      GkHealth health = gk_period_state_get_project (gk_report_facts_get_state (b->facts), project)->health;
      guint row = gk_report_table_add_row (table);
      guint counted, done, in_progress, overdue = 0;
      double progress = average_progress (b, own, &counted, &done, &in_progress);

      for (guint m = 0; m < own->len; m++)
        overdue += gk_report_facts_is_overdue (b->facts, g_ptr_array_index (own, m));

      gk_report_table_set_text (table, row, 0, gk_focus_project_get_name (project));
      gk_report_table_set_chip (table, row, 1, gk_health_chart_level (health), gk_health_label (health));
      gk_report_table_take_text (table, row, 2, counted > 0 ? gk_report_format_percent (progress) : g_strdup ("–"));
      gk_report_table_take_text (table, row, 3, overdue > 0 ? g_strdup_printf ("%u", overdue) : g_strdup ("–"));
      if (overdue > 0)
        gk_report_table_set_style (table, row, 3, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
      gk_report_table_take_text (table, row, 4, gk_report_format_iso_date (gk_focus_project_get_end_date (project)));
    }
}

void
gk_report_fill_project_pages (GkReportBuilder *b)
{
  if (b->project_table == NULL)
    return;
  for (guint i = 0; i < gk_report_table_get_n_rows (b->project_table); i++)
    {
      int page = gk_report_flow_get_anchor_page (b->flow, gk_report_project_anchor (b, i));

      gk_report_table_take_text (b->project_table, i, 5,
                                 page >= 0 ? g_strdup_printf ("%d", page + 1) : g_strdup ("–"));
    }
}

void
gk_report_init_progress (GkReportBuilder *b)
{
  const GkProgressChartData *now = gk_chart_model_get_progress (b->charts);
  GListModel *projects = gk_document_get_focus_projects (b->document);
  GListModel *measures = gk_document_get_measures (b->document);
  GkPeriodState *state = gk_report_facts_get_state (b->facts);
  g_autoptr(GHashTable) row_of = g_hash_table_new (NULL, NULL);

  b->progress = *now;
  /* The chart model has one row per project, in the document's order. */
  if (now->n_projects != g_list_model_get_n_items (projects))
    return;
  b->progress_rows = g_memdup2 (now->projects, sizeof (GkProgressProject) * MAX (now->n_projects, 1));
  b->progress.projects = b->progress_rows;
  for (guint i = 0; i < now->n_projects; i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);

      b->progress_rows[i].health = gk_period_state_get_project (state, project)->health;
      memset (b->progress_rows[i].counts, 0, sizeof b->progress_rows[i].counts);
      g_hash_table_insert (row_of, GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (project))),
                           GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      const GkMeasureThen *then = gk_period_state_get_measure (state, measure);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, GSIZE_TO_POINTER (gk_measure_get_project_id (measure))));

      if (row != 0 && then->existed)
        b->progress_rows[row - 1].counts[then->status]++;
    }
}

/* The section's first page: the heading, the progress chart and, when
 * @with_table, the table under it. */
static void
add_overview (GkReportBuilder *b,
              GkReportFlow    *flow,
              const char      *lead,
              gboolean         with_table)
{
  gk_report_add_section_heading (flow, GK_REPORT_SECTION_PROJECTS, _("Focus projects"), lead);
  gk_report_add_chart (flow, GK_CHART_KIND_PROGRESS, &b->progress, NULL, 0);
  if (!with_table)
    return;
  gk_report_flow_add_space (flow, GK_REPORT_SECTION_SPACE);
  add_projects_table (b, flow);
}

/* The table is an extra: on a sheet too low for it under the chart (A4
 * landscape) it would fill a page of its own with a few rows, and the
 * chart shows the projects already. */
static gboolean
overview_table_fits (GkReportBuilder *b,
                     const char      *lead,
                     double           width,
                     double           height)
{
  g_autoptr(GkReportFlow) overview = gk_report_flow_new ();
  gboolean fits;

  add_overview (b, overview, lead, TRUE);
  fits = gk_report_flow_paginate (overview, b->ctx, width, height) <= 1;
  b->project_table = NULL;
  return fits;
}

void
gk_report_add_projects (GkReportBuilder *b,
                        GkReportFlow    *flow,
                        double           width,
                        double           height)
{
  GListModel *projects = gk_document_get_focus_projects (b->document);
  const GDate *as_of = gk_report_facts_get_as_of (b->facts);
  guint n = g_list_model_get_n_items (projects);
  g_autofree char *lead = NULL;

  b->project_table = NULL;
  lead = g_strdup_printf (ngettext ("The programme narrows its work to %u focus project. Per project: its measures "
                                    "by status, and its health.",
                                    "The programme narrows its work to %u focus projects. Per project: its measures "
                                    "by status, and its health.", n), n);
  if (g_date_compare (as_of, &b->printed) < 0)
    {
      g_autofree char *as_of_text = gk_report_format_date (as_of);
      g_autofree char *full = NULL;

      if (gk_period_state_is_rolled_back (gk_report_facts_get_state (b->facts)))
        /* Translators: the first %s is the sentence before, the second a date */
        full = g_strdup_printf (_("%s Everything stands as on %s: statuses and health from the file’s history."),
                                lead, as_of_text);
      else
        /* The history does not reach back to the period's end.
         * Translators: the first %s is the sentence before, the second a date */
        full = g_strdup_printf (_("%s Measures show their current status; grip levels and figures stand as on %s."),
                                lead, as_of_text);
      g_free (lead);
      lead = g_steal_pointer (&full);
    }
  if (n == 0)
    {
      gk_report_add_section_heading (flow, GK_REPORT_SECTION_PROJECTS, _("Focus projects"), lead);
      gk_report_add_note (flow, _("The programme has no focus projects yet."));
      return;
    }
  add_overview (b, flow, lead, overview_table_fits (b, lead, width, height));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);

      add_project (b, flow, project, gk_report_project_anchor (b, i), width, height);
    }
}
