/* gk-analysis.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-analysis.h"
#include "gk-clock.h"
#include "gk-date.h"
#include "gk-period.h"

typedef struct {
  GArray *assessments;      /* GkGripAssessment, this topic's */
  GArray *indicators;       /* GkGripIndicator, copies of the inputs of its indicators */
} TopicInputs;

struct _GkAnalysis
{
  GObject      parent_instance;

  GkDocument  *document;
  GDate        today;
  GkHeadlineRule rule;
  GkReviewCycle  cycle;

  GArray      *topics;          /* GkTopicGrip */
  GArray      *topic_inputs;    /* TopicInputs, parallel to topics */
  GArray      *indicators;      /* GkIndicatorGrip */
  GPtrArray   *measurements;    /* GkGripMeasurement arrays, one per indicator */
  GHashTable  *topic_by_id;     /* id -> position + 1 */
  GHashTable  *indicator_by_id; /* id -> position + 1 */

  GkLevel      headline;
  GkLevel      previous_headline;
  GDate        latest_assessment;
  GPtrArray   *signals;
};

G_DEFINE_FINAL_TYPE (GkAnalysis, gk_analysis, G_TYPE_OBJECT)

static GDate
parse_date (const char *iso)
{
  GDate date;

  if (!gk_date_parse_iso (iso, &date))
    g_date_clear (&date, 1);
  return date;
}

/* --- indicators ------------------------------------------------------------ */

static void
fill_indicator (GkAnalysis  *self,
                GkIndicator *indicator)
{
  g_autoptr(GPtrArray) rows = gk_document_get_measurements_for_indicator (self->document,
                                                                          gk_record_get_id (GK_RECORD (indicator)));
  GkGripMeasurement *values = g_new0 (GkGripMeasurement, MAX (rows->len, 1));
  GkIndicatorGrip grip = { 0 };
  GkGripIndicator *in = &grip.input;

  for (guint i = 0; i < rows->len; i++)
    {
      GkMeasurement *m = g_ptr_array_index (rows, i);

      values[i].period_date = parse_date (gk_measurement_get_period_date (m));
      values[i].value = gk_measurement_get_value (m);
    }
  g_ptr_array_add (self->measurements, values);

  grip.indicator = indicator;
  in->direction = gk_indicator_get_direction (indicator);
  in->frequency = gk_indicator_get_frequency (indicator);
  in->has_signals = gk_indicator_has_signal_serious (indicator) && gk_indicator_has_signal_control (indicator);
  in->signal_serious = gk_indicator_get_signal_serious (indicator);
  in->signal_control = gk_indicator_get_signal_control (indicator);
  in->has_baseline = gk_indicator_has_baseline_value (indicator);
  in->baseline_value = gk_indicator_get_baseline_value (indicator);
  in->baseline_date = parse_date (gk_indicator_get_baseline_date (indicator));
  in->has_target = gk_indicator_has_target_value (indicator);
  in->target_value = gk_indicator_get_target_value (indicator);
  in->target_date = parse_date (gk_indicator_get_target_date (indicator));
  in->measurements = values;
  in->n_measurements = rows->len;

  grip.signalled = gk_grip_indicator_signal (in, &self->today);
  grip.has_progress = gk_grip_indicator_progress (in, &grip.progress);
  gk_grip_forecast (in, 0, &grip.forecast);

  g_array_append_val (self->indicators, grip);
  g_hash_table_insert (self->indicator_by_id,
                       GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (indicator))),
                       GUINT_TO_POINTER (self->indicators->len));
}

/* --- topics ---------------------------------------------------------------- */

static void
topic_inputs_clear (gpointer data)
{
  TopicInputs *inputs = data;

  g_clear_pointer (&inputs->assessments, g_array_unref);
  g_clear_pointer (&inputs->indicators, g_array_unref);
}

static TopicInputs *
inputs_for_topic_id (GkAnalysis *self,
                     gint64      topic_id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->topic_by_id, GSIZE_TO_POINTER (topic_id)));

  if (position == 0)
    return NULL;
  return &g_array_index (self->topic_inputs, TopicInputs, position - 1);
}

static void
collect_topics (GkAnalysis *self)
{
  GListModel *topics = gk_document_get_topics (self->document);
  guint n = g_list_model_get_n_items (topics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, i);
      GkTopicGrip grip = { .topic = topic };
      TopicInputs inputs = {
        g_array_new (FALSE, TRUE, sizeof (GkGripAssessment)),
        g_array_new (FALSE, TRUE, sizeof (GkGripIndicator)),
      };

      g_date_clear (&grip.assessed_on, 1);
      g_array_append_val (self->topics, grip);
      g_array_append_val (self->topic_inputs, inputs);
      g_hash_table_insert (self->topic_by_id, GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (topic))),
                           GUINT_TO_POINTER (self->topics->len));
    }
}

static void
collect_assessments (GkAnalysis *self)
{
  GListModel *assessments = gk_document_get_assessments (self->document);
  guint n = g_list_model_get_n_items (assessments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkAssessment) a = g_list_model_get_item (assessments, i);
      TopicInputs *inputs = inputs_for_topic_id (self, gk_assessment_get_topic_id (a));
      GkGripAssessment row = {
        .id = gk_record_get_id (GK_RECORD (a)),
        .date = parse_date (gk_assessment_get_date (a)),
        .level = gk_assessment_get_level (a),
      };

      if (inputs != NULL && g_date_valid (&row.date))
        g_array_append_val (inputs->assessments, row);
    }
}

static void
collect_indicator_links (GkAnalysis *self)
{
  GListModel *links = gk_document_get_indicator_topics (self->document);
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkIndicatorTopic) link = g_list_model_get_item (links, i);
      TopicInputs *inputs = inputs_for_topic_id (self, gk_indicator_topic_get_topic_id (link));
      const GkIndicatorGrip *indicator = gk_analysis_lookup_indicator (self, gk_indicator_topic_get_indicator_id (link));

      if (inputs != NULL && indicator != NULL)
        g_array_append_val (inputs->indicators, indicator->input);
    }
}

static void
judge_topics (GkAnalysis *self)
{
  g_date_clear (&self->latest_assessment, 1);

  for (guint i = 0; i < self->topics->len; i++)
    {
      GkTopicGrip *grip = &g_array_index (self->topics, GkTopicGrip, i);
      TopicInputs *inputs = &g_array_index (self->topic_inputs, TopicInputs, i);
      const GkGripAssessment *latest;
      const GkGripIndicator *indicators = (const GkGripIndicator *) (gpointer) inputs->indicators->data;

      latest = gk_grip_latest_assessment ((const GkGripAssessment *) (gpointer) inputs->assessments->data,
                                          inputs->assessments->len, &self->today);
      if (latest != NULL)
        {
          grip->assessed = latest->level;
          grip->assessed_on = latest->date;
          if (!g_date_valid (&self->latest_assessment) ||
              g_date_compare (&latest->date, &self->latest_assessment) > 0)
            self->latest_assessment = latest->date;
        }
      grip->signalled = gk_grip_topic_signal (indicators, inputs->indicators->len, &self->today);
      grip->diverges = gk_grip_diverges (grip->signalled, grip->assessed);
      grip->suggested = gk_grip_topic_suggestion (grip->assessed, indicators, inputs->indicators->len,
                                                  self->cycle, &self->today);
    }
}

/* --- headline -------------------------------------------------------------- */

GkLevel
gk_analysis_topic_level_on (GkAnalysis  *self,
                            guint        position,
                            const GDate *date)
{
  TopicInputs *inputs;

  g_return_val_if_fail (GK_IS_ANALYSIS (self), GK_LEVEL_NONE);
  g_return_val_if_fail (position < self->topic_inputs->len, GK_LEVEL_NONE);

  inputs = &g_array_index (self->topic_inputs, TopicInputs, position);
  return gk_grip_assessed_level ((const GkGripAssessment *) (gpointer) inputs->assessments->data,
                                 inputs->assessments->len, date);
}

GkLevel
gk_analysis_headline_on (GkAnalysis  *self,
                         const GDate *date)
{
  g_autofree GkLevel *levels = g_new0 (GkLevel, MAX (self->topics->len, 1));

  for (guint i = 0; i < self->topics->len; i++)
    levels[i] = gk_analysis_topic_level_on (self, i, date);
  return gk_grip_headline_level (self->rule, levels, self->topics->len);
}

static void
judge_headline (GkAnalysis *self)
{
  GkFrequency frequency = gk_review_cycle_frequency (self->cycle);
  GDate previous = gk_period_shift (frequency, &self->today, -1);
  GDate previous_end = gk_period_end (frequency, &previous);

  self->headline = gk_analysis_headline_on (self, &self->today);
  self->previous_headline = gk_analysis_headline_on (self, &previous_end);
}

/* --- attention signals ----------------------------------------------------- */

static void
collect_signals (GkAnalysis *self)
{
  GListModel *projects = gk_document_get_focus_projects (self->document);
  GListModel *measures = gk_document_get_measures (self->document);
  GListModel *targets = gk_document_get_measure_targets (self->document);
  guint n_projects = g_list_model_get_n_items (projects);
  guint n_measures = g_list_model_get_n_items (measures);
  guint n_targets = g_list_model_get_n_items (targets);
  g_autofree GkAttentionProject *p = g_new0 (GkAttentionProject, MAX (n_projects, 1));
  g_autofree GkAttentionMeasure *m = g_new0 (GkAttentionMeasure, MAX (n_measures, 1));
  g_autofree GkAttentionTarget *t = g_new0 (GkAttentionTarget, MAX (n_targets, 1));
  g_autofree GkAttentionTopic *topics = g_new0 (GkAttentionTopic, MAX (self->topics->len, 1));
  g_autofree GkAttentionIndicator *indicators = g_new0 (GkAttentionIndicator, MAX (self->indicators->len, 1));
  GkAttentionSnapshot snapshot = {
    .today = self->today,
    .review_cycle = self->cycle,
    .projects = p, .n_projects = n_projects,
    .measures = m, .n_measures = n_measures,
    .targets = t, .n_targets = n_targets,
    .topics = topics, .n_topics = self->topics->len,
    .indicators = indicators, .n_indicators = self->indicators->len,
  };

  /* The model objects outlive this function: borrowed strings are fine. */
  for (guint i = 0; i < n_projects; i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      GkPerson *owner = gk_document_lookup_person (self->document, gk_focus_project_get_owner_id (project));

      p[i].id = gk_record_get_id (GK_RECORD (project));
      p[i].name = gk_focus_project_get_name (project);
      p[i].status = gk_focus_project_get_status (project);
      p[i].owner_id = owner != NULL ? gk_record_get_id (GK_RECORD (owner)) : 0;
      p[i].owner_name = owner != NULL ? gk_person_get_name (owner) : NULL;
      p[i].health = gk_focus_project_get_health (project);
      p[i].health_reason = gk_focus_project_get_health_reason (project);
    }
  for (guint i = 0; i < n_measures; i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);

      m[i].id = gk_record_get_id (GK_RECORD (measure));
      m[i].project_id = gk_measure_get_project_id (measure);
      m[i].title = gk_measure_get_title (measure);
      m[i].status = gk_measure_get_status (measure);
      m[i].due_date = parse_date (gk_measure_get_due_date (measure));
    }
  for (guint i = 0; i < n_targets; i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);

      t[i].measure_id = gk_measure_target_get_measure_id (target);
      t[i].topic_id = gk_measure_target_get_topic_id (target);
    }
  for (guint i = 0; i < self->topics->len; i++)
    {
      const GkTopicGrip *grip = &g_array_index (self->topics, GkTopicGrip, i);

      topics[i].id = gk_record_get_id (GK_RECORD (grip->topic));
      topics[i].name = gk_topic_get_name (grip->topic);
      topics[i].assessed_level = grip->assessed;
      topics[i].assessed_on = grip->assessed_on;
      topics[i].signalled_level = grip->signalled;
    }
  for (guint i = 0; i < self->indicators->len; i++)
    {
      const GkIndicatorGrip *grip = &g_array_index (self->indicators, GkIndicatorGrip, i);
      const GkGripMeasurement *latest = gk_grip_indicator_latest (&grip->input, &self->today);

      indicators[i].id = gk_record_get_id (GK_RECORD (grip->indicator));
      indicators[i].name = gk_indicator_get_name (grip->indicator);
      indicators[i].frequency = grip->input.frequency;
      if (latest != NULL)
        indicators[i].latest_period = latest->period_date;
      else
        g_date_clear (&indicators[i].latest_period, 1);
    }

  self->signals = gk_attention_collect (&snapshot);
}

/* --- object ---------------------------------------------------------------- */

static void
gk_analysis_finalize (GObject *object)
{
  GkAnalysis *self = GK_ANALYSIS (object);

  g_clear_pointer (&self->topics, g_array_unref);
  g_clear_pointer (&self->topic_inputs, g_array_unref);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->measurements, g_ptr_array_unref);
  g_clear_pointer (&self->topic_by_id, g_hash_table_unref);
  g_clear_pointer (&self->indicator_by_id, g_hash_table_unref);
  g_clear_pointer (&self->signals, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_analysis_parent_class)->finalize (object);
}

static void
gk_analysis_class_init (GkAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_analysis_finalize;
}

static void
gk_analysis_init (GkAnalysis *self)
{
  self->topics = g_array_new (FALSE, TRUE, sizeof (GkTopicGrip));
  self->topic_inputs = g_array_new (FALSE, TRUE, sizeof (TopicInputs));
  g_array_set_clear_func (self->topic_inputs, topic_inputs_clear);
  self->indicators = g_array_new (FALSE, TRUE, sizeof (GkIndicatorGrip));
  self->measurements = g_ptr_array_new_with_free_func (g_free);
  self->topic_by_id = g_hash_table_new (NULL, NULL);
  self->indicator_by_id = g_hash_table_new (NULL, NULL);
}

/**
 * gk_analysis_new:
 * @document: the programme
 * @today: (nullable): the day to judge on; %NULL for today on the default clock
 *
 * Applies every rule of the grip engine to @document as it is now. The
 * analysis does not follow later edits: make a new one after a change.
 */
GkAnalysis *
gk_analysis_new (GkDocument  *document,
                 const GDate *today)
{
  GkAnalysis *self;
  GkProgramme *programme;
  GListModel *indicators;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_ANALYSIS, NULL);
  self->document = g_object_ref (document);
  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    self->today = gk_clock_get_today (gk_clock_get_default ());

  programme = gk_document_get_programme (document);
  self->rule = programme != NULL ? gk_programme_get_headline_rule (programme) : GK_HEADLINE_RULE_WORST;
  self->cycle = programme != NULL ? gk_programme_get_review_cycle (programme) : GK_REVIEW_CYCLE_MONTHLY;

  indicators = gk_document_get_indicators (document);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);

      fill_indicator (self, indicator);
    }

  collect_topics (self);
  collect_assessments (self);
  collect_indicator_links (self);
  judge_topics (self);
  judge_headline (self);
  collect_signals (self);

  return self;
}

const GDate *
gk_analysis_get_today (GkAnalysis *self)
{
  return &self->today;
}

guint
gk_analysis_get_n_topics (GkAnalysis *self)
{
  return self->topics->len;
}

const GkTopicGrip *
gk_analysis_get_topic (GkAnalysis *self,
                       guint       position)
{
  g_return_val_if_fail (position < self->topics->len, NULL);
  return &g_array_index (self->topics, GkTopicGrip, position);
}

const GkTopicGrip *
gk_analysis_lookup_topic (GkAnalysis *self,
                          gint64      topic_id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->topic_by_id, GSIZE_TO_POINTER (topic_id)));

  return position > 0 ? &g_array_index (self->topics, GkTopicGrip, position - 1) : NULL;
}

guint
gk_analysis_get_n_indicators (GkAnalysis *self)
{
  return self->indicators->len;
}

const GkIndicatorGrip *
gk_analysis_get_indicator (GkAnalysis *self,
                           guint       position)
{
  g_return_val_if_fail (position < self->indicators->len, NULL);
  return &g_array_index (self->indicators, GkIndicatorGrip, position);
}

const GkIndicatorGrip *
gk_analysis_lookup_indicator (GkAnalysis *self,
                              gint64      indicator_id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->indicator_by_id, GSIZE_TO_POINTER (indicator_id)));

  return position > 0 ? &g_array_index (self->indicators, GkIndicatorGrip, position - 1) : NULL;
}

GkLevel
gk_analysis_get_headline (GkAnalysis *self)
{
  return self->headline;
}

GkLevel
gk_analysis_get_previous_headline (GkAnalysis *self)
{
  return self->previous_headline;
}

GkHeadlineRule
gk_analysis_get_headline_rule (GkAnalysis *self)
{
  return self->rule;
}

GkGripTrend
gk_analysis_get_trend (GkAnalysis *self)
{
  return gk_grip_trend (self->previous_headline, self->headline);
}

const GDate *
gk_analysis_get_latest_assessment_date (GkAnalysis *self)
{
  return &self->latest_assessment;
}

GPtrArray *
gk_analysis_get_signals (GkAnalysis *self)
{
  return self->signals;
}
