/* gk-chart-model.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-chart-model.h"
#include "gk-date.h"
#include "gk-period.h"

struct _GkChartModel
{
  GObject              parent_instance;

  GkDocument          *document;
  GkAnalysis          *analysis;
  GDate                today;

  /* roadmap */
  GArray              *periods;          /* GkRoadmapPeriod */
  GArray              *topic_rows;       /* GkRoadmapTopic */
  GArray              *topic_levels;     /* GkLevel, n_topics x n_periods */
  GPtrArray           *topics;           /* GkTopic, by row */
  GkRoadmapChartData   roadmap;

  GkHeadlineChartData  headline;

  /* timeline */
  GArray              *lanes;            /* GkTimelineProject */
  GArray              *bars;             /* GkTimelineMeasure, lane by lane */
  GArray              *links;            /* GkTimelineLink */
  GPtrArray           *lane_projects;    /* GkFocusProject, by lane */
  GPtrArray           *bar_measures;     /* GkMeasure, by bar */
  GkTimelineChartData  timeline;

  GArray              *progress_rows;    /* GkProgressProject */
  GkProgressChartData  progress;

  GArray              *coverage_rows;    /* GkCoverageTopic */
  GkCoverageChartData  coverage;

  /* indicators */
  GArray              *indicator_charts; /* GkIndicatorChartData */
  GPtrArray           *indicator_points; /* GkIndicatorPoint arrays */
  GPtrArray           *indicator_records;/* GkIndicator and GkMeasurement the charts point into */
  GPtrArray           *indicators;       /* GkIndicator, by position */
};

G_DEFINE_FINAL_TYPE (GkChartModel, gk_chart_model, G_TYPE_OBJECT)

static GDate
parse_date (const char *iso)
{
  GDate date;

  if (!gk_date_parse_iso (iso, &date))
    g_date_clear (&date, 1);
  return date;
}

static const char *
person_name (GkChartModel *self,
             gint64        id)
{
  GkPerson *person = id != 0 ? gk_document_lookup_person (self->document, id) : NULL;

  return person != NULL ? gk_person_get_name (person) : NULL;
}

/* --- roadmap --------------------------------------------------------------- */

static GDate
first_assessment_date (GkChartModel *self)
{
  GListModel *assessments = gk_document_get_assessments (self->document);
  GDate first;

  g_date_clear (&first, 1);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GkAssessment) a = g_list_model_get_item (assessments, i);
      GDate date = parse_date (gk_assessment_get_date (a));

      if (g_date_valid (&date) && (!g_date_valid (&first) || g_date_compare (&date, &first) < 0))
        first = date;
    }
  return first;
}

static void
build_roadmap (GkChartModel *self,
               GkFrequency   frequency,
               guint         max_periods)
{
  const GDate *today = gk_analysis_get_today (self->analysis);
  GDate first = first_assessment_date (self);
  GDate last_start = gk_period_start (frequency, today);
  GDate start;
  guint n_topics = gk_analysis_get_n_topics (self->analysis);
  guint n_periods = 0;

  /* Walk back from today's period to the first assessment, at most max_periods. */
  start = last_start;
  while (n_periods + 1 < max_periods && g_date_valid (&first) && g_date_compare (&start, &first) > 0)
    {
      GDate before = gk_period_shift (frequency, &start, -1);

      /* Nothing before the year 1. */
      if (!g_date_valid (&before))
        break;
      start = before;
      n_periods++;
    }
  n_periods++;

  for (guint p = 0; p < n_periods; p++)
    {
      GkRoadmapPeriod period;

      period.start = gk_period_shift (frequency, &start, (int) p);
      period.end = gk_period_end (frequency, &period.start);
      /* The current period shows the levels as they are today. */
      if (g_date_compare (&period.end, today) > 0)
        period.end = *today;
      period.headline = gk_analysis_headline_on (self->analysis, &period.end);
      g_array_append_val (self->periods, period);
    }

  g_array_set_size (self->topic_levels, n_topics * n_periods);
  for (guint t = 0; t < n_topics; t++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (self->analysis, t);
      GkLevel *levels = &g_array_index (self->topic_levels, GkLevel, t * n_periods);
      GkRoadmapTopic row = { 0 };

      for (guint p = 0; p < n_periods; p++)
        levels[p] = gk_analysis_topic_level_on (self->analysis, t,
                                                &g_array_index (self->periods, GkRoadmapPeriod, p).end);
      row.name = gk_topic_get_name (grip->topic);
      row.levels = levels;
      row.target_level = gk_topic_get_target_level (grip->topic);
      row.target_date = parse_date (gk_topic_get_target_date (grip->topic));
      g_array_append_val (self->topic_rows, row);
      g_ptr_array_add (self->topics, g_object_ref (grip->topic));
    }

  /* Targets usually lie beyond today: a column at the right shows them. */
  self->roadmap.show_target_column = TRUE;
  self->roadmap.frequency = frequency;
  self->roadmap.periods = (const GkRoadmapPeriod *) (gpointer) self->periods->data;
  self->roadmap.n_periods = self->periods->len;
  self->roadmap.topics = (const GkRoadmapTopic *) (gpointer) self->topic_rows->data;
  self->roadmap.n_topics = self->topic_rows->len;
}

static void
build_headline (GkChartModel *self)
{
  self->headline.level = gk_analysis_get_headline (self->analysis);
  self->headline.previous_level = gk_analysis_get_previous_headline (self->analysis);
  self->headline.latest_assessment = *gk_analysis_get_latest_assessment_date (self->analysis);
}

/* --- timeline, progress, coverage ----------------------------------------- */

static void
build_projects (GkChartModel *self)
{
  GListModel *projects = gk_document_get_focus_projects (self->document);
  GListModel *measures = gk_document_get_measures (self->document);
  GListModel *links = gk_document_get_measure_links (self->document);
  g_autoptr(GHashTable) lane_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) bar_of = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      GkTimelineProject lane = {
        .name = gk_focus_project_get_name (project),
        .owner = person_name (self, gk_focus_project_get_owner_id (project)),
      };
      GkProgressProject row = {
        .name = lane.name,
        .owner = lane.owner,
        .health = gk_focus_project_get_health (project),
      };

      g_array_append_val (self->lanes, lane);
      g_array_append_val (self->progress_rows, row);
      g_ptr_array_add (self->lane_projects, g_object_ref (project));
      g_hash_table_insert (lane_of, GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (project))),
                           GUINT_TO_POINTER (i + 1));
    }

  /* The measures come by project id; the chart shows them by lane, each
   * lane's in the document's order. */
  for (guint p = 1; p <= self->lanes->len; p++)
    for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
      {
        g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
        guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of, GSIZE_TO_POINTER (gk_measure_get_project_id (measure))));
        GkTimelineMeasure bar = { 0 };

        if (lane != p)
          continue;
        bar.title = gk_measure_get_title (measure);
        bar.project = lane - 1;
        bar.status = gk_measure_get_status (measure);
        bar.start = parse_date (gk_measure_get_start_date (measure));
        bar.due = parse_date (gk_measure_get_due_date (measure));
        bar.progress = gk_measure_get_progress (measure);
        g_hash_table_insert (bar_of, GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (measure))),
                             GUINT_TO_POINTER (self->bars->len + 1));
        g_array_append_val (self->bars, bar);
        g_ptr_array_add (self->bar_measures, g_object_ref (measure));
        g_array_index (self->progress_rows, GkProgressProject, lane - 1).counts[bar.status]++;
      }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkMeasureLink) link = g_list_model_get_item (links, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (bar_of, GSIZE_TO_POINTER (gk_measure_link_get_from_measure_id (link))));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (bar_of, GSIZE_TO_POINTER (gk_measure_link_get_to_measure_id (link))));
      GkTimelineLink arrow = { from - 1, to - 1 };

      if (gk_measure_link_get_kind (link) == GK_LINK_KIND_DEPENDS_ON && from != 0 && to != 0 && from != to)
        g_array_append_val (self->links, arrow);
    }

  self->timeline.projects = (const GkTimelineProject *) (gpointer) self->lanes->data;
  self->timeline.n_projects = self->lanes->len;
  self->timeline.measures = (const GkTimelineMeasure *) (gpointer) self->bars->data;
  self->timeline.n_measures = self->bars->len;
  self->timeline.links = (const GkTimelineLink *) (gpointer) self->links->data;
  self->timeline.n_links = self->links->len;
  g_date_clear (&self->timeline.start, 1);
  g_date_clear (&self->timeline.end, 1);

  self->progress.projects = (const GkProgressProject *) (gpointer) self->progress_rows->data;
  self->progress.n_projects = self->progress_rows->len;
}

static void
build_coverage (GkChartModel *self)
{
  GListModel *targets = gk_document_get_measure_targets (self->document);
  guint n_topics = gk_analysis_get_n_topics (self->analysis);
  g_autoptr(GHashTable) row_of = g_hash_table_new (NULL, NULL);

  for (guint t = 0; t < n_topics; t++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (self->analysis, t);
      GkCoverageTopic row = { .name = gk_topic_get_name (grip->topic), .level = grip->assessed };

      g_array_append_val (self->coverage_rows, row);
      g_hash_table_insert (row_of, GSIZE_TO_POINTER (gk_record_get_id (GK_RECORD (grip->topic))),
                           GUINT_TO_POINTER (t + 1));
    }

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, GSIZE_TO_POINTER (gk_measure_target_get_topic_id (target))));
      GkMeasure *measure = gk_document_lookup_measure (self->document, gk_measure_target_get_measure_id (target));

      if (row == 0 || measure == NULL)
        continue;
      g_array_index (self->coverage_rows, GkCoverageTopic, row - 1).counts[gk_measure_get_status (measure)]++;
    }

  self->coverage.topics = (const GkCoverageTopic *) (gpointer) self->coverage_rows->data;
  self->coverage.n_topics = self->coverage_rows->len;
}

/* --- indicators ------------------------------------------------------------ */

static void
build_indicators (GkChartModel *self)
{
  GListModel *indicators = gk_document_get_indicators (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GPtrArray) rows = gk_document_get_measurements_for_indicator (self->document,
                                                                              gk_record_get_id (GK_RECORD (indicator)));
      const GkIndicatorGrip *grip = gk_analysis_lookup_indicator (self->analysis, gk_record_get_id (GK_RECORD (indicator)));
      GkIndicatorPoint *points = g_new0 (GkIndicatorPoint, MAX (rows->len, 1));
      GkIndicatorChartData chart = { 0 };
      guint n_points = 0;

      for (guint j = 0; j < rows->len; j++)
        {
          GkMeasurement *m = g_ptr_array_index (rows, j);
          const char *note = gk_measurement_get_note (m);
          GkIndicatorPoint *point = &points[n_points];

          /* The analysis parsed the same rows, in the same order, already. */
          if (grip != NULL && grip->input.n_measurements == rows->len)
            {
              point->date = grip->input.measurements[j].period_date;
              point->value = grip->input.measurements[j].value;
            }
          else
            {
              point->date = parse_date (gk_measurement_get_period_date (m));
              point->value = gk_measurement_get_value (m);
            }
          point->note = note != NULL && *note != '\0' ? note : NULL;
          /* A date GDate does not know (the year 0) has no place on a time axis. */
          if (g_date_valid (&point->date))
            n_points++;
        }
      /* The notes point into the measurement objects: keep them alive. */
      g_ptr_array_add (self->indicator_points, points);
      g_ptr_array_add (self->indicators, g_object_ref (indicator));
      for (guint j = 0; j < rows->len; j++)
        g_ptr_array_add (self->indicator_records, g_object_ref (g_ptr_array_index (rows, j)));

      chart.unit = gk_indicator_get_unit (indicator);
      chart.direction = gk_indicator_get_direction (indicator);
      chart.has_signals = gk_indicator_has_signal_serious (indicator) && gk_indicator_has_signal_control (indicator);
      chart.signal_serious = gk_indicator_get_signal_serious (indicator);
      chart.signal_in_control = gk_indicator_get_signal_control (indicator);
      chart.has_baseline = gk_indicator_has_baseline_value (indicator);
      chart.baseline_value = gk_indicator_get_baseline_value (indicator);
      chart.baseline_date = parse_date (gk_indicator_get_baseline_date (indicator));
      chart.has_target = gk_indicator_has_target_value (indicator);
      chart.target_value = gk_indicator_get_target_value (indicator);
      chart.target_date = parse_date (gk_indicator_get_target_date (indicator));
      chart.points = points;
      chart.n_points = n_points;

      if (grip != NULL && grip->forecast.has_trend && g_date_valid (&chart.target_date))
        {
          chart.has_forecast = TRUE;
          chart.forecast_from_date = grip->forecast.last_date;
          chart.forecast_from_value = gk_forecast_value_at (&grip->forecast, &grip->forecast.last_date);
          chart.forecast_to_date = chart.target_date;
          chart.forecast_to_value = grip->forecast.value_at_target_date;
        }
      g_array_append_val (self->indicator_charts, chart);
    }
}

/* --- object ---------------------------------------------------------------- */

static void
gk_chart_model_finalize (GObject *object)
{
  GkChartModel *self = GK_CHART_MODEL (object);

  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->topic_rows, g_array_unref);
  g_clear_pointer (&self->topic_levels, g_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->lane_projects, g_ptr_array_unref);
  g_clear_pointer (&self->bar_measures, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->progress_rows, g_array_unref);
  g_clear_pointer (&self->coverage_rows, g_array_unref);
  g_clear_pointer (&self->indicator_charts, g_array_unref);
  g_clear_pointer (&self->indicator_points, g_ptr_array_unref);
  g_clear_pointer (&self->indicator_records, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_object (&self->analysis);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_chart_model_parent_class)->finalize (object);
}

static void
gk_chart_model_class_init (GkChartModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_chart_model_finalize;
}

static void
gk_chart_model_init (GkChartModel *self)
{
  self->periods = g_array_new (FALSE, TRUE, sizeof (GkRoadmapPeriod));
  self->topic_rows = g_array_new (FALSE, TRUE, sizeof (GkRoadmapTopic));
  self->topic_levels = g_array_new (FALSE, TRUE, sizeof (GkLevel));
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->lanes = g_array_new (FALSE, TRUE, sizeof (GkTimelineProject));
  self->bars = g_array_new (FALSE, TRUE, sizeof (GkTimelineMeasure));
  self->links = g_array_new (FALSE, TRUE, sizeof (GkTimelineLink));
  self->lane_projects = g_ptr_array_new_with_free_func (g_object_unref);
  self->bar_measures = g_ptr_array_new_with_free_func (g_object_unref);
  self->progress_rows = g_array_new (FALSE, TRUE, sizeof (GkProgressProject));
  self->coverage_rows = g_array_new (FALSE, TRUE, sizeof (GkCoverageTopic));
  self->indicator_charts = g_array_new (FALSE, TRUE, sizeof (GkIndicatorChartData));
  self->indicator_points = g_ptr_array_new_with_free_func (g_free);
  self->indicator_records = g_ptr_array_new_with_free_func (g_object_unref);
  self->indicators = g_ptr_array_new_with_free_func (g_object_unref);
}

GkChartModel *
gk_chart_model_new (GkDocument  *document,
                    GkAnalysis  *analysis,
                    GkFrequency  roadmap_frequency,
                    guint        max_periods)
{
  GkChartModel *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_ANALYSIS (analysis), NULL);

  self = g_object_new (GK_TYPE_CHART_MODEL, NULL);
  self->document = g_object_ref (document);
  self->analysis = g_object_ref (analysis);
  self->today = *gk_analysis_get_today (analysis);

  build_roadmap (self, roadmap_frequency, MAX (max_periods, 1));
  build_headline (self);
  build_projects (self);
  build_coverage (self);
  build_indicators (self);
  return self;
}

GkDocument *
gk_chart_model_get_document (GkChartModel *self)
{
  return self->document;
}

GkAnalysis *
gk_chart_model_get_analysis (GkChartModel *self)
{
  return self->analysis;
}

void
gk_chart_model_set_today (GkChartModel *self,
                          const GDate  *today)
{
  g_return_if_fail (GK_IS_CHART_MODEL (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    self->today = *gk_analysis_get_today (self->analysis);
}

const GDate *
gk_chart_model_get_today (GkChartModel *self)
{
  g_return_val_if_fail (GK_IS_CHART_MODEL (self), NULL);
  return &self->today;
}

const GkRoadmapChartData *
gk_chart_model_get_roadmap (GkChartModel *self)
{
  return &self->roadmap;
}

const GkHeadlineChartData *
gk_chart_model_get_headline (GkChartModel *self)
{
  return &self->headline;
}

const GkTimelineChartData *
gk_chart_model_get_timeline (GkChartModel *self)
{
  return &self->timeline;
}

const GkProgressChartData *
gk_chart_model_get_progress (GkChartModel *self)
{
  return &self->progress;
}

const GkCoverageChartData *
gk_chart_model_get_coverage (GkChartModel *self)
{
  return &self->coverage;
}

guint
gk_chart_model_get_n_indicators (GkChartModel *self)
{
  return self->indicator_charts->len;
}

const GkIndicatorChartData *
gk_chart_model_get_indicator (GkChartModel *self,
                              guint         position)
{
  g_return_val_if_fail (position < self->indicator_charts->len, NULL);
  return &g_array_index (self->indicator_charts, GkIndicatorChartData, position);
}

GkIndicator *
gk_chart_model_get_indicator_record (GkChartModel *self,
                                     guint         position)
{
  g_return_val_if_fail (position < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, position);
}

int
gk_chart_model_find_indicator (GkChartModel *self,
                               const char   *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < self->indicators->len; i++)
    {
      g_autofree char *candidate = g_utf8_casefold (gk_indicator_get_name (g_ptr_array_index (self->indicators, i)), -1);

      if (g_str_equal (candidate, wanted))
        return (int) i;
    }
  return -1;
}

/* In the snapshot, not the document's live list: after an indicator is
 * added or deleted the two differ until the model is made again, and a
 * position in the live list would point past, or at the wrong one of, the
 * charts drawn. */
int
gk_chart_model_lookup_indicator (GkChartModel *self,
                                 gint64        id)
{
  for (guint i = 0; i < self->indicators->len; i++)
    if (gk_record_get_id (GK_RECORD (g_ptr_array_index (self->indicators, i))) == id)
      return (int) i;
  return -1;
}

GkTopic *
gk_chart_model_get_roadmap_topic (GkChartModel *self,
                                  guint         row)
{
  g_return_val_if_fail (row < self->topics->len, NULL);
  return g_ptr_array_index (self->topics, row);
}

GkFocusProject *
gk_chart_model_get_timeline_project (GkChartModel *self,
                                     guint         lane)
{
  g_return_val_if_fail (lane < self->lane_projects->len, NULL);
  return g_ptr_array_index (self->lane_projects, lane);
}

GkMeasure *
gk_chart_model_get_timeline_measure (GkChartModel *self,
                                     guint         index)
{
  g_return_val_if_fail (index < self->bar_measures->len, NULL);
  return g_ptr_array_index (self->bar_measures, index);
}

/* --- drawing --------------------------------------------------------------- */

static const char * const kind_names[] = {
  [GK_CHART_KIND_ROADMAP] = "roadmap",
  [GK_CHART_KIND_HEADLINE] = "banner",
  [GK_CHART_KIND_INDICATOR] = "indicator",
  [GK_CHART_KIND_TIMELINE] = "timeline",
  [GK_CHART_KIND_PROGRESS] = "progress",
  [GK_CHART_KIND_COVERAGE] = "coverage",
};

gboolean
gk_chart_kind_from_name (const char  *name,
                         GkChartKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *out_kind = (GkChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
gk_chart_kind_to_name (GkChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

void
gk_chart_model_draw (GkChartModel      *self,
                     GkChartKind        kind,
                     guint              indicator,
                     GkChartContext    *ctx,
                     const GkChartRect *area)
{
  g_return_if_fail (GK_IS_CHART_MODEL (self));

  gk_chart_context_set_today (ctx, &self->today);
  switch (kind)
    {
    case GK_CHART_KIND_ROADMAP:
      gk_roadmap_chart_draw (ctx, &self->roadmap, area);
      break;
    case GK_CHART_KIND_HEADLINE:
      gk_headline_chart_draw (ctx, &self->headline, area);
      break;
    case GK_CHART_KIND_INDICATOR:
      if (indicator < self->indicator_charts->len)
        gk_indicator_chart_draw (ctx, gk_chart_model_get_indicator (self, indicator), area);
      break;
    case GK_CHART_KIND_TIMELINE:
      gk_timeline_chart_draw (ctx, &self->timeline, area);
      break;
    case GK_CHART_KIND_PROGRESS:
      gk_progress_chart_draw (ctx, &self->progress, area);
      break;
    case GK_CHART_KIND_COVERAGE:
      gk_coverage_chart_draw (ctx, &self->coverage, area);
      break;
    default:
      g_return_if_reached ();
    }
}

double
gk_chart_model_get_preferred_height (GkChartModel   *self,
                                     GkChartKind     kind,
                                     guint           indicator,
                                     GkChartContext *ctx,
                                     double          width)
{
  g_return_val_if_fail (GK_IS_CHART_MODEL (self), 0);

  gk_chart_context_set_today (ctx, &self->today);
  switch (kind)
    {
    case GK_CHART_KIND_ROADMAP:
      return gk_roadmap_chart_get_preferred_height (ctx, &self->roadmap, width);
    case GK_CHART_KIND_HEADLINE:
      return gk_headline_chart_get_preferred_height (ctx, &self->headline, width);
    case GK_CHART_KIND_TIMELINE:
      return gk_timeline_chart_get_preferred_height (ctx, &self->timeline, width);
    case GK_CHART_KIND_PROGRESS:
      return gk_progress_chart_get_preferred_height (ctx, &self->progress, width);
    case GK_CHART_KIND_COVERAGE:
      return gk_coverage_chart_get_preferred_height (ctx, &self->coverage, width);
    case GK_CHART_KIND_INDICATOR:
    default:
      return 0;
    }
}
