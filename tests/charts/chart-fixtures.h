/* chart-fixtures.h: synthetic chart data for the chart tests and benchmark
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic: the same sizes give the same data, so tests can point at
 * a cell or a bar they know.
 */
#pragma once

#include <math.h>

#include "gk-coverage-chart.h"
#include "gk-headline-chart.h"
#include "gk-indicator-chart.h"
#include "gk-progress-chart.h"
#include "gk-roadmap-chart.h"
#include "gk-timeline-chart.h"

static const char *const fixture_topic_names[] = {
  "Inkoop", "Financiën", "Toegang", "Contractmanagement", "Informatievoorziening",
  "Wijkteams", "Jeugdhulp met verblijf", "Wmo-voorzieningen", "Participatie",
  "Sturing en control", "Preventie", "Samenwerking huisartsen",
};

static const char *const fixture_project_names[] = {
  "Grip op instroom jeugdhulp", "Resultaatgericht inkopen", "Wmo-hulpmiddelen hergebruik",
  "Praktijkondersteuner jeugd", "Datagedreven sturing", "Doorstroom beschermd wonen",
  "Uitstroom naar werk", "Toegang aan de voorkant", "Contractbeheer op orde",
  "Schuldhulp vroegsignalering", "Normaliseren", "Reële tarieven",
};

static const char *const fixture_owner_names[] = {
  "Fatima el Amrani", "Jeroen de Vries", "Sanne Bakker", "Pieter Jansen",
  "Anouk Visser", "Mohammed Yilmaz", "Lotte van Dijk", "Ruud Smit",
  "Esther Mulder", "Koen de Boer", "Iris Meijer", "Bas Hendriks",
};

static const char *const fixture_measure_words[] = {
  "Herijken", "Invoeren", "Uitbreiden", "Evalueren", "Afspraken maken over",
  "Inrichten", "Monitoren", "Aanbesteden", "Versterken", "Vereenvoudigen",
};

static const char *const fixture_measure_objects[] = {
  "verwijzingen huisartsen", "tarieven jeugdhulp", "keukentafelgesprek", "dashboard",
  "wachtlijstbeheer", "contractafspraken", "POH-jeugd", "budgetplafonds",
  "administratieve lasten", "toegangsprotocol", "hergebruik scootmobielen",
  "maatwerkvoorzieningen",
};

typedef struct {
  /* roadmap */
  GkRoadmapPeriod    *periods;
  GkRoadmapTopic     *topics;
  GkLevel            *levels;
  GkRoadmapChartData  roadmap;
  /* indicator */
  GkIndicatorPoint   *points;
  GkIndicatorChartData indicator;
  /* timeline */
  GkTimelineProject  *projects;
  GkTimelineMeasure  *measures;
  char              **titles;
  GkTimelineChartData timeline;
  /* progress, coverage, headline */
  GkProgressProject  *progress_projects;
  GkProgressChartData progress;
  GkCoverageTopic    *coverage_topics;
  GkCoverageChartData coverage;
  GkHeadlineChartData headline;
  GDate               today;
} ChartFixtures;

static inline GDate
fixture_date (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

/* The level of topic t in period p: starts Serious or Vigilant and, topic
 * by topic, climbs a level at a time; future periods are not assessed. */
static inline GkLevel
fixture_level (guint t, guint p, guint n_past)
{
  guint start = 1 + (t % 2);
  guint climb = 4 + (t * 3) % 7;

  if (p >= n_past)
    return GK_LEVEL_NONE;
  if (t == 4 && p < 2)
    return GK_LEVEL_NONE;   /* assessed late */
  return (GkLevel) MIN (start + p / climb, GK_LEVEL_IN_CONTROL);
}

static inline void
fixtures_roadmap (ChartFixtures *f, guint n_topics, guint n_periods, gboolean quarterly)
{
  guint n_past = n_periods * 2 / 3;

  f->periods = g_new0 (GkRoadmapPeriod, n_periods);
  f->topics = g_new0 (GkRoadmapTopic, n_topics);
  f->levels = g_new0 (GkLevel, n_topics * n_periods);
  for (guint p = 0; p < n_periods; p++)
    {
      GDate start = fixture_date (1, 1, 2025);

      g_date_add_months (&start, p * (quarterly ? 3 : 1));
      f->periods[p].start = start;
      f->periods[p].end = start;
      g_date_add_months (&f->periods[p].end, quarterly ? 3 : 1);
      g_date_subtract_days (&f->periods[p].end, 1);
    }
  for (guint t = 0; t < n_topics; t++)
    {
      f->topics[t].name = fixture_topic_names[t % G_N_ELEMENTS (fixture_topic_names)];
      f->topics[t].levels = f->levels + t * n_periods;
      for (guint p = 0; p < n_periods; p++)
        f->levels[t * n_periods + p] = fixture_level (t, p, n_past);
      if (t % 3 != 2)
        {
          f->topics[t].target_level = GK_LEVEL_IN_CONTROL - (t % 2);
          f->topics[t].target_date = f->periods[MIN (n_periods - 1, n_past + 2 + t % 5)].start;
          g_date_add_days (&f->topics[t].target_date, 14);
        }
    }
  /* the headline is the worst topic level in each period */
  for (guint p = 0; p < n_periods; p++)
    {
      GkLevel worst = GK_LEVEL_IN_CONTROL;
      gboolean any = FALSE;

      for (guint t = 0; t < n_topics; t++)
        if (f->levels[t * n_periods + p] != GK_LEVEL_NONE)
          {
            worst = MIN (worst, f->levels[t * n_periods + p]);
            any = TRUE;
          }
      f->periods[p].headline = any ? worst : GK_LEVEL_NONE;
    }
  f->roadmap = (GkRoadmapChartData) {
    .frequency = quarterly ? GK_FREQUENCY_QUARTERLY : GK_FREQUENCY_MONTHLY,
    .periods = f->periods, .n_periods = n_periods,
    .topics = f->topics, .n_topics = n_topics,
    .show_target_column = TRUE,
  };
  /* today: in the last assessed period */
  f->today = f->periods[n_past - 1].start;
  g_date_add_days (&f->today, 10);
}

/* Monthly youth care costs falling from 1.4 to about 0.95 million; with
 * many points, daily noise around the same curve. */
static inline void
fixtures_indicator (ChartFixtures *f, guint n_points)
{
  GDate start = fixture_date (1, 1, 2025);
  gboolean daily = n_points > 200;

  f->points = g_new0 (GkIndicatorPoint, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      double t = (double) i / MAX (n_points - 1, 1);
      GDate date = start;

      if (daily)
        g_date_add_days (&date, i / 50);   /* several measurements a day */
      else
        g_date_add_months (&date, i);
      f->points[i].date = date;
      f->points[i].value = 1400000 - 450000 * t + 60000 * sin (i * 1.7) + (daily ? 30000 * sin (i * 0.37) : 0);
      f->points[i].note = i % 5 == 0 ? "Na correctie declaraties" : NULL;
    }
  f->indicator = (GkIndicatorChartData) {
    .unit = GK_UNIT_EURO,
    .direction = GK_DIRECTION_LOWER_IS_BETTER,
    .has_signals = TRUE, .signal_serious = 1250000, .signal_in_control = 1050000,
    .has_baseline = TRUE, .baseline_value = 1400000, .baseline_date = start,
    .has_target = TRUE, .target_value = 900000,
    .points = f->points, .n_points = n_points,
  };
  f->indicator.target_date = f->points[n_points - 1].date;
  g_date_add_months (&f->indicator.target_date, 6);
  f->indicator.has_forecast = TRUE;
  f->indicator.forecast_from_date = f->points[n_points - 1].date;
  f->indicator.forecast_from_value = f->points[n_points - 1].value;
  f->indicator.forecast_to_date = f->indicator.target_date;
  f->indicator.forecast_to_value = 930000;
}

static inline void
fixtures_timeline (ChartFixtures *f, guint n_projects, guint n_measures)
{
  GDate origin = fixture_date (1, 1, 2025);

  f->projects = g_new0 (GkTimelineProject, n_projects);
  f->measures = g_new0 (GkTimelineMeasure, n_measures);
  f->titles = g_new0 (char *, n_measures + 1);
  for (guint p = 0; p < n_projects; p++)
    {
      f->projects[p].name = fixture_project_names[p % G_N_ELEMENTS (fixture_project_names)];
      f->projects[p].owner = p == 5 ? NULL : fixture_owner_names[p % G_N_ELEMENTS (fixture_owner_names)];
    }
  for (guint m = 0; m < n_measures; m++)
    {
      GkTimelineMeasure *measure = &f->measures[m];
      guint offset = (m * 37) % 640;                 /* days after the origin */
      guint length = 20 + (m * 53) % 200;

      f->titles[m] = g_strdup_printf ("%s %s",
                                      fixture_measure_words[m % G_N_ELEMENTS (fixture_measure_words)],
                                      fixture_measure_objects[(m / 3) % G_N_ELEMENTS (fixture_measure_objects)]);
      measure->title = f->titles[m];
      measure->project = m % n_projects;
      measure->start = origin;
      g_date_add_days (&measure->start, offset);
      measure->due = measure->start;
      g_date_add_days (&measure->due, length);
      measure->status = (GkMeasureStatus) ((m * 7) % GK_MEASURE_STATUS_COUNT);
      measure->progress = measure->status == GK_MEASURE_STATUS_IN_PROGRESS ? (m * 13) % 100 : 0;
      if (m % 23 == 7)
        g_date_clear (&measure->start, 1);          /* a milestone */
    }
  f->timeline = (GkTimelineChartData) {
    .projects = f->projects, .n_projects = n_projects,
    .measures = f->measures, .n_measures = n_measures,
  };
}

static inline void
fixtures_summaries (ChartFixtures *f, guint n_projects, guint n_topics)
{
  f->progress_projects = g_new0 (GkProgressProject, n_projects);
  for (guint p = 0; p < n_projects; p++)
    {
      GkProgressProject *project = &f->progress_projects[p];

      project->name = fixture_project_names[p % G_N_ELEMENTS (fixture_project_names)];
      project->owner = p == 5 ? NULL : fixture_owner_names[p % G_N_ELEMENTS (fixture_owner_names)];
      project->health = (GkHealth) (p % 3);
      for (guint s = 0; s < GK_MEASURE_STATUS_COUNT; s++)
        project->counts[s] = (p * 5 + s * 3) % 9;
    }
  f->progress = (GkProgressChartData) { .projects = f->progress_projects, .n_projects = n_projects };

  f->coverage_topics = g_new0 (GkCoverageTopic, n_topics);
  for (guint t = 0; t < n_topics; t++)
    {
      GkCoverageTopic *topic = &f->coverage_topics[t];

      topic->name = fixture_topic_names[t % G_N_ELEMENTS (fixture_topic_names)];
      topic->level = (GkLevel) ((t + 1) % 4);
      for (guint s = 0; s < GK_MEASURE_STATUS_COUNT; s++)
        topic->counts[s] = t == 3 ? 0 : (t * 3 + s * 5) % 7;
    }
  f->coverage = (GkCoverageChartData) { .topics = f->coverage_topics, .n_topics = n_topics };

  f->headline = (GkHeadlineChartData) {
    .level = GK_LEVEL_VIGILANT,
    .previous_level = GK_LEVEL_SERIOUS,
    .latest_assessment = fixture_date (14, 10, 2026),
    .period_label = "Q4 2026",
  };
}

static inline ChartFixtures *
chart_fixtures_new (guint n_topics, guint n_periods, guint n_points,
                    guint n_projects, guint n_measures)
{
  ChartFixtures *f = g_new0 (ChartFixtures, 1);

  fixtures_roadmap (f, n_topics, n_periods, FALSE);
  fixtures_indicator (f, n_points);
  fixtures_timeline (f, n_projects, n_measures);
  fixtures_summaries (f, n_projects, n_topics);
  return f;
}

static inline void
chart_fixtures_free (ChartFixtures *f)
{
  g_free (f->periods);
  g_free (f->topics);
  g_free (f->levels);
  g_free (f->points);
  g_free (f->projects);
  g_free (f->measures);
  g_strfreev (f->titles);
  g_free (f->progress_projects);
  g_free (f->coverage_topics);
  g_free (f);
}
