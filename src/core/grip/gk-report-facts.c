/* gk-report-facts.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathered once, in one pass over each list, when the facts are made; the
 * report then reads them for every sheet size it lays out.
 */
#include "config.h"

#include "gk-date.h"
#include "gk-period.h"
#include "gk-report-facts.h"

struct _GkReportFacts
{
  GObject          parent_instance;

  GkDocument      *document;
  GkAnalysis      *analysis;

  GkFrequency      frequency;
  GDate            period_start;
  GDate            period_end;
  GDate            previous_start;
  GDate            previous_end;
  GDate            as_of;
  char            *period_label;
  char            *previous_label;

  GkLevel          headline;
  GkLevel          previous_headline;
  GArray          *indicators;            /* GkReportIndicator, document order */
  GArray          *indicator_values;      /* GkGripMeasurement *, owned, by indicator */
  GHashTable      *indicator_by_id;       /* id -> index + 1 */
  GArray          *level_changes;         /* GkReportLevelChange */
  GArray          *done;                  /* GkReportMeasure */
  GArray          *late;                  /* GkReportMeasure: overdue, or done late */
  GPtrArray       *journal;               /* GkJournalEntry */
  GkReportCounts   counts;

  GkPeriodState   *state;                 /* at as_of */
  GkPeriodState   *previous_state;        /* at previous_end, or NULL */
  GArray          *status_changes;        /* GkReportStatusChange */
  GArray          *health_changes;        /* GkReportHealthChange */
};

G_DEFINE_FINAL_TYPE (GkReportFacts, gk_report_facts, G_TYPE_OBJECT)

static GDate
parse_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    g_date_clear (&date, 1);
  return date;
}

static gboolean
date_in (const GDate *date,
         const GDate *first,
         const GDate *last)
{
  return g_date_valid (date) && g_date_valid (first) && g_date_valid (last) &&
         g_date_compare (date, first) >= 0 && g_date_compare (date, last) <= 0;
}

/* On or before @date; an unset @date (before the year 1) holds nothing. */
static gboolean
on_or_before (const GDate *day,
              const GDate *date)
{
  return g_date_valid (day) && g_date_valid (date) && g_date_compare (day, date) <= 0;
}

/* --- indicators ------------------------------------------------------------ */

static void
collect_indicators (GkReportFacts *self)
{
  guint n = gk_analysis_get_n_indicators (self->analysis);

  for (guint i = 0; i < n; i++)
    {
      const GkIndicatorGrip *grip = gk_analysis_get_indicator (self->analysis, i);
      GkGripMeasurement *values = g_new0 (GkGripMeasurement, MAX (grip->input.n_measurements, 1));
      GkReportIndicator ri = { 0 };
      guint kept = 0;

      ri.indicator = grip->indicator;
      ri.input = grip->input;
      /* Later figures were not known at the end of the period. */
      for (guint m = 0; m < grip->input.n_measurements; m++)
        if (on_or_before (&grip->input.measurements[m].period_date, &self->as_of))
          values[kept++] = grip->input.measurements[m];
      ri.input.measurements = values;
      ri.input.n_measurements = kept;

      ri.latest = gk_grip_indicator_latest (&ri.input, &self->as_of);
      ri.level = gk_grip_indicator_signal (&ri.input, &self->as_of);
      ri.previous_level = g_date_valid (&self->previous_end)
                          ? gk_grip_indicator_signal (&ri.input, &self->previous_end)
                          : GK_LEVEL_NONE;
      ri.has_progress = gk_grip_indicator_progress (&ri.input, &ri.progress);
      gk_grip_forecast (&ri.input, 0, &ri.forecast);

      g_array_append_val (self->indicators, ri);
      g_array_append_val (self->indicator_values, values);
      g_hash_table_insert (self->indicator_by_id,
                           GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (grip->indicator))),
                           GUINT_TO_POINTER (self->indicators->len));
      self->counts.indicators_by_level[ri.level]++;
    }
}

/* --- levels ---------------------------------------------------------------- */

static GkLevel
headline_on (GkReportFacts *self,
             const GDate   *date)
{
  return g_date_valid (date) ? gk_analysis_headline_on (self->analysis, date) : GK_LEVEL_NONE;
}

static void
collect_levels (GkReportFacts *self)
{
  self->previous_headline = headline_on (self, &self->previous_end);
  self->headline = headline_on (self, &self->as_of);

  if (self->previous_headline != self->headline)
    {
      GkReportLevelChange change = { NULL, self->previous_headline, self->headline };

      g_array_append_val (self->level_changes, change);
    }

  for (guint t = 0; t < gk_analysis_get_n_topics (self->analysis); t++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (self->analysis, t);
      GkReportLevelChange change = { grip->topic, GK_LEVEL_NONE, GK_LEVEL_NONE };

      if (g_date_valid (&self->previous_end))
        change.before = gk_analysis_topic_level_on (self->analysis, t, &self->previous_end);
      change.now = gk_analysis_topic_level_on (self->analysis, t, &self->as_of);
      self->counts.topics_by_level[change.now]++;
      if (change.before != change.now)
        g_array_append_val (self->level_changes, change);
    }
}

/* --- measures -------------------------------------------------------------- */

static int
compare_done (gconstpointer a,
              gconstpointer b)
{
  return g_date_compare (&((const GkReportMeasure *) a)->done, &((const GkReportMeasure *) b)->done);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  return g_date_compare (&((const GkReportMeasure *) a)->due, &((const GkReportMeasure *) b)->due);
}

static void
collect_measures (GkReportFacts *self)
{
  GListModel *measures = gk_document_get_measures (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      const GkMeasureThen *then = gk_period_state_get_measure (self->state, measure);
      GkMeasureStatus status = then->status;
      GkReportMeasure rm = { measure };
      gboolean done_by_then;

      if (!then->existed)
        continue;
      rm.due = parse_date (gk_measure_get_due_date (measure));
      rm.done = then->done;
      /* Done, as far as the end of the period knew. */
      done_by_then = status == GK_MEASURE_STATUS_DONE &&
                     (!g_date_valid (&rm.done) || g_date_compare (&rm.done, &self->as_of) <= 0);

      if (status != GK_MEASURE_STATUS_DROPPED)
        {
          self->counts.measures++;
          self->counts.measures_done += done_by_then;
        }

      if (status == GK_MEASURE_STATUS_DONE && date_in (&rm.done, &self->period_start, &self->as_of))
        {
          g_array_append_val (self->done, rm);
          if (g_date_valid (&rm.due) && g_date_compare (&rm.done, &rm.due) > 0)
            {
              rm.days = g_date_days_between (&rm.due, &rm.done);
              rm.overdue = FALSE;
              g_array_append_val (self->late, rm);
            }
        }
      else if (status != GK_MEASURE_STATUS_DROPPED && !done_by_then &&
               g_date_valid (&rm.due) && g_date_compare (&rm.due, &self->as_of) < 0)
        {
          rm.days = g_date_days_between (&rm.due, &self->as_of);
          rm.overdue = TRUE;
          g_array_append_val (self->late, rm);
          self->counts.measures_overdue++;
        }
    }
  /* Stable sorts: measures of the same day keep the document's order. */
  g_array_sort (self->done, compare_done);
  g_array_sort (self->late, compare_due);
}

/* --- projects and journal -------------------------------------------------- */

static void
count_projects (GkReportFacts *self)
{
  GListModel *projects = gk_document_get_focus_projects (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      const GkProjectThen *then = gk_period_state_get_project (self->state, project);
      GkHealth health = then->health;

      if (!then->existed || then->status != GK_PROJECT_STATUS_ACTIVE)
        continue;
      self->counts.active_projects++;
      self->counts.projects_at_risk += health == GK_HEALTH_AT_RISK;
      self->counts.projects_off_track += health == GK_HEALTH_OFF_TRACK;
    }
}

/* --- since the previous period ------------------------------------------ */

/* The measures whose status moved and the projects whose health turned
 * between the two periods' ends; only when the history knows both. */
static void
collect_state_changes (GkReportFacts *self)
{
  GListModel *measures = gk_document_get_measures (self->document);
  GListModel *projects = gk_document_get_focus_projects (self->document);

  if (self->previous_state == NULL || !gk_report_facts_history_known (self))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      const GkMeasureThen *before = gk_period_state_get_measure (self->previous_state, measure);
      const GkMeasureThen *now = gk_period_state_get_measure (self->state, measure);
      GkReportStatusChange change = { measure, before->status, now->status, before->existed };

      if (now->existed && (!before->existed || before->status != now->status))
        g_array_append_val (self->status_changes, change);
    }
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      const GkProjectThen *before = gk_period_state_get_project (self->previous_state, project);
      const GkProjectThen *now = gk_period_state_get_project (self->state, project);
      GkReportHealthChange change = { project, before->health, now->health };

      if (now->existed && before->existed && now->status == GK_PROJECT_STATUS_ACTIVE &&
          before->health != now->health)
        g_array_append_val (self->health_changes, change);
    }
}

static int
compare_journal_oldest_first (gconstpointer a,
                              gconstpointer b)
{
  GkJournalEntry *ea = *(GkJournalEntry **) a;
  GkJournalEntry *eb = *(GkJournalEntry **) b;
  int by_date = g_strcmp0 (gk_journal_entry_get_date (ea), gk_journal_entry_get_date (eb));

  if (by_date != 0)
    return by_date;
  return gk_record_get_id (GK_RECORD (ea)) < gk_record_get_id (GK_RECORD (eb)) ? -1 : 1;
}

static void
collect_journal (GkReportFacts *self)
{
  GListModel *journal = gk_document_get_journal (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(GkJournalEntry) entry = g_list_model_get_item (journal, i);
      GkJournalKind kind = gk_journal_entry_get_kind (entry);
      GDate date = parse_date (gk_journal_entry_get_date (entry));

      if ((kind == GK_JOURNAL_KIND_DECISION || kind == GK_JOURNAL_KIND_RISK) &&
          date_in (&date, &self->period_start, &self->as_of))
        g_ptr_array_add (self->journal, g_object_ref (entry));
    }
  g_ptr_array_sort (self->journal, compare_journal_oldest_first);
}

/* --- the object ------------------------------------------------------------ */

static void
free_values (gpointer data)
{
  g_free (*(GkGripMeasurement **) data);
}

static void
gk_report_facts_finalize (GObject *object)
{
  GkReportFacts *self = GK_REPORT_FACTS (object);

  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->indicator_values, g_array_unref);
  g_clear_pointer (&self->indicator_by_id, g_hash_table_unref);
  g_clear_pointer (&self->level_changes, g_array_unref);
  g_clear_pointer (&self->done, g_array_unref);
  g_clear_pointer (&self->late, g_array_unref);
  g_clear_pointer (&self->journal, g_ptr_array_unref);
  g_clear_pointer (&self->status_changes, g_array_unref);
  g_clear_pointer (&self->health_changes, g_array_unref);
  g_clear_object (&self->state);
  g_clear_object (&self->previous_state);
  g_free (self->period_label);
  g_free (self->previous_label);
  g_clear_object (&self->analysis);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_report_facts_parent_class)->finalize (object);
}

static void
gk_report_facts_class_init (GkReportFactsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_report_facts_finalize;
}

static void
gk_report_facts_init (GkReportFacts *self)
{
  self->indicators = g_array_new (FALSE, TRUE, sizeof (GkReportIndicator));
  self->indicator_values = g_array_new (FALSE, TRUE, sizeof (GkGripMeasurement *));
  g_array_set_clear_func (self->indicator_values, free_values);
  self->indicator_by_id = g_hash_table_new (NULL, NULL);
  self->level_changes = g_array_new (FALSE, TRUE, sizeof (GkReportLevelChange));
  self->done = g_array_new (FALSE, TRUE, sizeof (GkReportMeasure));
  self->late = g_array_new (FALSE, TRUE, sizeof (GkReportMeasure));
  self->journal = g_ptr_array_new_with_free_func (g_object_unref);
  self->status_changes = g_array_new (FALSE, TRUE, sizeof (GkReportStatusChange));
  self->health_changes = g_array_new (FALSE, TRUE, sizeof (GkReportHealthChange));
}

GkReportFacts *
gk_report_facts_new (GkDocument  *document,
                     GkAnalysis  *analysis,
                     GkFrequency  frequency,
                     const GDate *period_date)
{
  GkReportFacts *self;
  const GDate *today;
  GDate clock_today;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (period_date != NULL && g_date_valid (period_date), NULL);

  self = g_object_new (GK_TYPE_REPORT_FACTS, NULL);
  self->document = g_object_ref (document);
  self->analysis = g_object_ref (analysis);
  self->frequency = frequency;
  self->period_start = gk_period_start (frequency, period_date);
  self->period_end = gk_period_end (frequency, period_date);
  /* Unset before the year 1: then nothing stood "before". */
  self->previous_start = gk_period_shift (frequency, &self->period_start, -1);
  self->previous_end = gk_period_end (frequency, &self->previous_start);
  self->as_of = self->period_end;
  today = gk_analysis_get_today (analysis);
  if (g_date_valid (today) && g_date_compare (today, &self->as_of) < 0)
    self->as_of = *today;
  self->period_label = gk_period_label (frequency, &self->period_start);
  self->previous_label = gk_period_label (frequency, &self->previous_start);

  /* Statuses, progress and health as they stood then, from the history;
   * the document's clock knows the real today (the analysis of a past
   * period may judge as on its last day). */
  clock_today = gk_clock_get_today (gk_document_get_clock (document));
  self->state = gk_period_state_new (document, &self->as_of, &clock_today);
  if (g_date_valid (&self->previous_end))
    self->previous_state = gk_period_state_new (document, &self->previous_end, &clock_today);

  collect_indicators (self);
  collect_levels (self);
  collect_measures (self);
  count_projects (self);
  collect_state_changes (self);
  collect_journal (self);
  return self;
}

GkPeriodState *
gk_report_facts_get_state (GkReportFacts *self)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), NULL);
  return self->state;
}

GkPeriodState *
gk_report_facts_get_previous_state (GkReportFacts *self)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), NULL);
  return self->previous_state;
}

gboolean
gk_report_facts_history_known (GkReportFacts *self)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), FALSE);
  return gk_period_state_is_known (self->state) &&
         (self->previous_state == NULL || gk_period_state_is_known (self->previous_state));
}

guint
gk_report_facts_get_n_status_changes (GkReportFacts *self)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), 0);
  return self->status_changes->len;
}

const GkReportStatusChange *
gk_report_facts_get_status_change (GkReportFacts *self,
                                   guint          index)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), NULL);
  g_return_val_if_fail (index < self->status_changes->len, NULL);
  return &g_array_index (self->status_changes, GkReportStatusChange, index);
}

guint
gk_report_facts_get_n_health_changes (GkReportFacts *self)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), 0);
  return self->health_changes->len;
}

const GkReportHealthChange *
gk_report_facts_get_health_change (GkReportFacts *self,
                                   guint          index)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), NULL);
  g_return_val_if_fail (index < self->health_changes->len, NULL);
  return &g_array_index (self->health_changes, GkReportHealthChange, index);
}

GkDocument *
gk_report_facts_get_document (GkReportFacts *self)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), NULL);
  return self->document;
}

GkAnalysis *
gk_report_facts_get_analysis (GkReportFacts *self)
{
  g_return_val_if_fail (GK_IS_REPORT_FACTS (self), NULL);
  return self->analysis;
}

GkFrequency
gk_report_facts_get_frequency (GkReportFacts *self)
{
  return self->frequency;
}

const GDate *
gk_report_facts_get_period_start (GkReportFacts *self)
{
  return &self->period_start;
}

const GDate *
gk_report_facts_get_period_end (GkReportFacts *self)
{
  return &self->period_end;
}

const GDate *
gk_report_facts_get_previous_start (GkReportFacts *self)
{
  return &self->previous_start;
}

const GDate *
gk_report_facts_get_previous_end (GkReportFacts *self)
{
  return &self->previous_end;
}

const GDate *
gk_report_facts_get_as_of (GkReportFacts *self)
{
  return &self->as_of;
}

const char *
gk_report_facts_get_period_label (GkReportFacts *self)
{
  return self->period_label;
}

const char *
gk_report_facts_get_previous_label (GkReportFacts *self)
{
  return self->previous_label;
}

GkLevel
gk_report_facts_get_headline (GkReportFacts *self)
{
  return self->headline;
}

GkLevel
gk_report_facts_get_previous_headline (GkReportFacts *self)
{
  return self->previous_headline;
}

guint
gk_report_facts_get_n_indicators (GkReportFacts *self)
{
  return self->indicators->len;
}

const GkReportIndicator *
gk_report_facts_get_indicator (GkReportFacts *self,
                               guint          index)
{
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return &g_array_index (self->indicators, GkReportIndicator, index);
}

int
gk_report_facts_find_indicator (GkReportFacts *self,
                                gint64         indicator_id)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->indicator_by_id, GSIZE_TO_POINTER (indicator_id))) - 1;
}

guint
gk_report_facts_get_n_level_changes (GkReportFacts *self)
{
  return self->level_changes->len;
}

const GkReportLevelChange *
gk_report_facts_get_level_change (GkReportFacts *self,
                                  guint          index)
{
  g_return_val_if_fail (index < self->level_changes->len, NULL);
  return &g_array_index (self->level_changes, GkReportLevelChange, index);
}

guint
gk_report_facts_get_n_done (GkReportFacts *self)
{
  return self->done->len;
}

const GkReportMeasure *
gk_report_facts_get_done (GkReportFacts *self,
                          guint          index)
{
  g_return_val_if_fail (index < self->done->len, NULL);
  return &g_array_index (self->done, GkReportMeasure, index);
}

guint
gk_report_facts_get_n_late (GkReportFacts *self)
{
  return self->late->len;
}

const GkReportMeasure *
gk_report_facts_get_late (GkReportFacts *self,
                          guint          index)
{
  g_return_val_if_fail (index < self->late->len, NULL);
  return &g_array_index (self->late, GkReportMeasure, index);
}

gboolean
gk_report_facts_is_overdue (GkReportFacts *self,
                            GkMeasure     *measure)
{
  for (guint i = 0; i < self->late->len; i++)
    {
      const GkReportMeasure *rm = &g_array_index (self->late, GkReportMeasure, i);

      if (rm->measure == measure)
        return rm->overdue;
    }
  return FALSE;
}

GPtrArray *
gk_report_facts_get_journal (GkReportFacts *self)
{
  return self->journal;
}

const GkReportCounts *
gk_report_facts_get_counts (GkReportFacts *self)
{
  return &self->counts;
}
