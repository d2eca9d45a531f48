/* test-attention.c: every attention signal, firing and not firing
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case starts from a calm programme that raises no signal at all,
 * changes one thing, and checks exactly which signals appear.
 */
#include "config.h"

#include <string.h>

#include "gk-attention.h"
#include "gk-date.h"
#include "gk-period.h"

static GDate
D (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return gk_period_date_unset ();
  g_assert_true (gk_date_parse_iso (iso, &date));
  return date;
}

typedef struct {
  GDate                today;
  GkReviewCycle        cycle;
  GkAttentionProject   projects[12];
  guint                n_projects;
  GkAttentionMeasure   measures[8];
  guint                n_measures;
  GkAttentionTarget    targets[8];
  guint                n_targets;
  GkAttentionTopic     topics[4];
  guint                n_topics;
  GkAttentionIndicator indicators[4];
  guint                n_indicators;
} Programme;

enum { ANNA = 11, BRAM = 12 };
enum { WIJKTEAMS = 1, INKOOP = 2, OUD = 3 };
enum { TRIAGE = 21, CONTRACT = 22, AFGEROND = 23, GESCHRAPT = 24 };
enum { T_INKOOP = 31, T_FINANCIEN = 32, T_TOEGANG = 33 };
enum { KOSTEN = 41, WACHTTIJD = 42, TEVREDENHEID = 43 };

/* 10 April 2026, monthly reviews, and nothing to report. */
static void
calm_programme (Programme *p)
{
  memset (p, 0, sizeof *p);
  p->today = D ("2026-04-10");
  p->cycle = GK_REVIEW_CYCLE_MONTHLY;

  p->projects[p->n_projects++] = (GkAttentionProject) {
    WIJKTEAMS, "Wijkteams", GK_PROJECT_STATUS_ACTIVE, ANNA, "Anna", GK_HEALTH_ON_TRACK, NULL };
  p->projects[p->n_projects++] = (GkAttentionProject) {
    INKOOP, "Inkoop", GK_PROJECT_STATUS_ACTIVE, BRAM, "Bram", GK_HEALTH_AT_RISK, "Late offertes" };
  /* Done and off track: history, not a signal; not counted for Anna. */
  p->projects[p->n_projects++] = (GkAttentionProject) {
    OUD, "Oud project", GK_PROJECT_STATUS_DONE, ANNA, "Anna", GK_HEALTH_OFF_TRACK, "" };

  p->measures[p->n_measures++] = (GkAttentionMeasure) {
    TRIAGE, WIJKTEAMS, "Triage", GK_MEASURE_STATUS_IN_PROGRESS, D ("2026-06-30") };
  /* Due today: not overdue yet. */
  p->measures[p->n_measures++] = (GkAttentionMeasure) {
    CONTRACT, INKOOP, "Contract", GK_MEASURE_STATUS_PLANNED, D ("2026-04-10") };
  p->measures[p->n_measures++] = (GkAttentionMeasure) {
    AFGEROND, WIJKTEAMS, "Afgerond", GK_MEASURE_STATUS_DONE, D ("2026-01-01") };
  p->measures[p->n_measures++] = (GkAttentionMeasure) {
    GESCHRAPT, INKOOP, "Geschrapt", GK_MEASURE_STATUS_DROPPED, D ("2025-06-01") };

  p->targets[p->n_targets++] = (GkAttentionTarget) { TRIAGE, T_INKOOP };
  p->targets[p->n_targets++] = (GkAttentionTarget) { CONTRACT, T_FINANCIEN };
  p->targets[p->n_targets++] = (GkAttentionTarget) { AFGEROND, T_TOEGANG };

  /* Serious, but an active measure works on it. */
  p->topics[p->n_topics++] = (GkAttentionTopic) {
    T_INKOOP, "Inkoop", GK_LEVEL_SERIOUS, D ("2026-03-31"), GK_LEVEL_SERIOUS };
  /* Assessed exactly one month ago: due today, not outdated. */
  p->topics[p->n_topics++] = (GkAttentionTopic) {
    T_FINANCIEN, "Financiën", GK_LEVEL_VIGILANT, D ("2026-03-10"), GK_LEVEL_VIGILANT };
  /* No indicator: no signal, so no divergence. */
  p->topics[p->n_topics++] = (GkAttentionTopic) {
    T_TOEGANG, "Toegang", GK_LEVEL_IN_CONTROL, D ("2026-04-01"), GK_LEVEL_NONE };

  /* Each measured in its last complete period (March, Q1 2026, 2025). */
  p->indicators[p->n_indicators++] = (GkAttentionIndicator) {
    KOSTEN, "Kosten per cliënt", GK_FREQUENCY_MONTHLY, D ("2026-03-01") };
  p->indicators[p->n_indicators++] = (GkAttentionIndicator) {
    WACHTTIJD, "Wachttijd", GK_FREQUENCY_QUARTERLY, D ("2026-01-01") };
  p->indicators[p->n_indicators++] = (GkAttentionIndicator) {
    TEVREDENHEID, "Tevredenheid", GK_FREQUENCY_YEARLY, D ("2025-01-01") };
}

static GPtrArray *
collect (const Programme *p)
{
  GkAttentionSnapshot snapshot = {
    .today = p->today,
    .review_cycle = p->cycle,
    .projects = p->projects,
    .n_projects = p->n_projects,
    .measures = p->measures,
    .n_measures = p->n_measures,
    .targets = p->targets,
    .n_targets = p->n_targets,
    .topics = p->topics,
    .n_topics = p->n_topics,
    .indicators = p->indicators,
    .n_indicators = p->n_indicators,
  };

  return gk_attention_collect (&snapshot);
}

static GkAttentionProject *
project (Programme *p,
         gint64     id)
{
  for (guint i = 0; i < p->n_projects; i++)
    if (p->projects[i].id == id)
      return &p->projects[i];
  g_assert_not_reached ();
}

static GkAttentionMeasure *
measure (Programme *p,
         gint64     id)
{
  for (guint i = 0; i < p->n_measures; i++)
    if (p->measures[i].id == id)
      return &p->measures[i];
  g_assert_not_reached ();
}

static GkAttentionTopic *
topic (Programme *p,
       gint64     id)
{
  for (guint i = 0; i < p->n_topics; i++)
    if (p->topics[i].id == id)
      return &p->topics[i];
  g_assert_not_reached ();
}

static GkAttentionIndicator *
indicator (Programme *p,
           gint64     id)
{
  for (guint i = 0; i < p->n_indicators; i++)
    if (p->indicators[i].id == id)
      return &p->indicators[i];
  g_assert_not_reached ();
}

static void
add_active_projects (Programme *p,
                     guint      n)
{
  for (guint i = 0; i < n; i++)
    p->projects[p->n_projects++] = (GkAttentionProject) {
      100 + i, "Extra", GK_PROJECT_STATUS_ACTIVE, 200 + i, "Someone", GK_HEALTH_ON_TRACK, NULL };
}

/* ---- The changes, one per case ---------------------------------------------- */

static void change_nothing (Programme *p) { (void) p; }
static void eight_active (Programme *p) { add_active_projects (p, 6); }
static void seven_active (Programme *p) { add_active_projects (p, 5); }
static void eight_with_one_paused (Programme *p)
{
  add_active_projects (p, 6);
  p->projects[p->n_projects - 1].status = GK_PROJECT_STATUS_PAUSED;
}
static void active_without_owner (Programme *p) { project (p, WIJKTEAMS)->owner_id = 0; }
static void draft_without_owner (Programme *p)
{
  project (p, WIJKTEAMS)->owner_id = 0;
  project (p, WIJKTEAMS)->status = GK_PROJECT_STATUS_DRAFT;
}
static void anna_owns_two (Programme *p) { project (p, INKOOP)->owner_id = ANNA; project (p, INKOOP)->owner_name = "Anna"; }
static void anna_owns_three (Programme *p)
{
  anna_owns_two (p);
  add_active_projects (p, 1);
  p->projects[p->n_projects - 1].owner_id = ANNA;
}
static void anna_second_paused (Programme *p)
{
  anna_owns_two (p);
  project (p, INKOOP)->status = GK_PROJECT_STATUS_PAUSED;
}
static void serious_measure_done (Programme *p) { measure (p, TRIAGE)->status = GK_MEASURE_STATUS_DONE; }
static void serious_measure_idea (Programme *p) { measure (p, TRIAGE)->status = GK_MEASURE_STATUS_IDEA; }
static void serious_measure_planned (Programme *p) { measure (p, TRIAGE)->status = GK_MEASURE_STATUS_PLANNED; }
static void serious_project_stopped (Programme *p) { project (p, WIJKTEAMS)->status = GK_PROJECT_STATUS_STOPPED; }
static void serious_no_targets (Programme *p) { p->n_targets = 0; }
static void signalled_serious_unassessed (Programme *p)
{
  GkAttentionTopic *t = topic (p, T_TOEGANG);

  t->assessed_level = GK_LEVEL_NONE;
  t->assessed_on = D (NULL);
  t->signalled_level = GK_LEVEL_SERIOUS;
}
static void overdue_by_a_day (Programme *p) { measure (p, CONTRACT)->due_date = D ("2026-04-09"); }
static void overdue_but_done (Programme *p)
{
  overdue_by_a_day (p);
  measure (p, CONTRACT)->status = GK_MEASURE_STATUS_DONE;
}
static void no_due_date (Programme *p) { measure (p, CONTRACT)->due_date = D (NULL); }
static void idea_overdue (Programme *p)
{
  overdue_by_a_day (p);
  measure (p, CONTRACT)->status = GK_MEASURE_STATUS_IDEA;
}
static void assessment_a_day_late (Programme *p) { topic (p, T_FINANCIEN)->assessed_on = D ("2026-03-09"); }
static void quarterly_within (Programme *p)
{
  p->cycle = GK_REVIEW_CYCLE_QUARTERLY;
  topic (p, T_FINANCIEN)->assessed_on = D ("2026-01-10");
}
static void quarterly_late (Programme *p)
{
  p->cycle = GK_REVIEW_CYCLE_QUARTERLY;
  topic (p, T_FINANCIEN)->assessed_on = D ("2026-01-09");
}
static void not_assessed (Programme *p)
{
  topic (p, T_TOEGANG)->assessed_level = GK_LEVEL_NONE;
  topic (p, T_TOEGANG)->assessed_on = D (NULL);
}
static void monthly_missing (Programme *p) { indicator (p, KOSTEN)->latest_period = D ("2026-02-01"); }
static void monthly_never (Programme *p) { indicator (p, KOSTEN)->latest_period = D (NULL); }
static void monthly_current (Programme *p) { indicator (p, KOSTEN)->latest_period = D ("2026-04-01"); }
static void quarterly_missing (Programme *p) { indicator (p, WACHTTIJD)->latest_period = D ("2025-12-01"); }
static void yearly_missing (Programme *p) { indicator (p, TEVREDENHEID)->latest_period = D ("2024-06-01"); }
static void diverging (Programme *p) { topic (p, T_FINANCIEN)->signalled_level = GK_LEVEL_SERIOUS; }
static void diverging_better (Programme *p) { topic (p, T_FINANCIEN)->signalled_level = GK_LEVEL_IN_CONTROL; }
static void off_track_with_reason (Programme *p)
{
  project (p, INKOOP)->health = GK_HEALTH_OFF_TRACK;
  project (p, INKOOP)->health_reason = "Leverancier failliet";
}
static void off_track_paused (Programme *p)
{
  project (p, WIJKTEAMS)->health = GK_HEALTH_OFF_TRACK;
  project (p, WIJKTEAMS)->status = GK_PROJECT_STATUS_PAUSED;
}
static void off_track_draft (Programme *p)
{
  project (p, WIJKTEAMS)->health = GK_HEALTH_OFF_TRACK;
  project (p, WIJKTEAMS)->status = GK_PROJECT_STATUS_DRAFT;
}

typedef struct {
  const char      *name;
  void           (*change) (Programme *p);
  guint            n_signals;   /* in total */
  GkAttentionKind  kind;        /* the first signal, when n_signals > 0 */
  GkSeverity       severity;
  const char      *table;
  gint64           row_id;
  const char      *message;     /* the whole message */
} AttentionCase;

static const AttentionCase cases[] = {
  { "calm", change_nothing, 0 },

  { "too-many/eight", eight_active, 1, GK_ATTENTION_TOO_MANY_ACTIVE_PROJECTS, GK_SEVERITY_WARNING,
    "programme", 1, "8 focus projects are active; seven at most keeps the focus" },
  { "too-many/seven", seven_active, 0 },
  { "too-many/paused-not-counted", eight_with_one_paused, 0 },

  { "owner/missing", active_without_owner, 1, GK_ATTENTION_PROJECT_WITHOUT_OWNER, GK_SEVERITY_CRITICAL,
    "focus_project", WIJKTEAMS, "Focus project “Wijkteams” is active but has no owner" },
  { "owner/draft-may-lack-owner", draft_without_owner, 0 },

  { "several/two", anna_owns_two, 1, GK_ATTENTION_OWNER_OF_SEVERAL_PROJECTS, GK_SEVERITY_WARNING,
    "person", ANNA, "Anna owns 2 active focus projects" },
  { "several/three", anna_owns_three, 1, GK_ATTENTION_OWNER_OF_SEVERAL_PROJECTS, GK_SEVERITY_WARNING,
    "person", ANNA, "Anna owns 3 active focus projects" },
  { "several/paused-not-counted", anna_second_paused, 0 },

  { "serious/measure-done", serious_measure_done, 1, GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE,
    GK_SEVERITY_CRITICAL, "topic", T_INKOOP, "Topic “Inkoop” is Serious but no active measure targets it" },
  { "serious/measure-idea", serious_measure_idea, 1, GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE,
    GK_SEVERITY_CRITICAL, "topic", T_INKOOP, "Topic “Inkoop” is Serious but no active measure targets it" },
  { "serious/no-targets", serious_no_targets, 1, GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE,
    GK_SEVERITY_CRITICAL, "topic", T_INKOOP, "Topic “Inkoop” is Serious but no active measure targets it" },
  { "serious/project-stopped", serious_project_stopped, 1, GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE,
    GK_SEVERITY_CRITICAL, "topic", T_INKOOP, "Topic “Inkoop” is Serious but no active measure targets it" },
  { "serious/measure-planned", serious_measure_planned, 0 },
  /* The signal stands in for a missing assessment; "not assessed" follows. */
  { "serious/signalled-unassessed", signalled_serious_unassessed, 2,
    GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE, GK_SEVERITY_CRITICAL, "topic", T_TOEGANG,
    "Topic “Toegang” is Serious but no active measure targets it" },

  { "overdue/one-day", overdue_by_a_day, 1, GK_ATTENTION_MEASURE_OVERDUE, GK_SEVERITY_WARNING,
    "measure", CONTRACT, "Measure “Contract” is overdue: it was due on 9 Apr 2026" },
  { "overdue/idea", idea_overdue, 1, GK_ATTENTION_MEASURE_OVERDUE, GK_SEVERITY_WARNING,
    "measure", CONTRACT, "Measure “Contract” is overdue: it was due on 9 Apr 2026" },
  { "overdue/done", overdue_but_done, 0 },
  { "overdue/no-due-date", no_due_date, 0 },

  { "outdated/monthly", assessment_a_day_late, 1, GK_ATTENTION_ASSESSMENT_OUTDATED, GK_SEVERITY_WARNING,
    "topic", T_FINANCIEN, "Topic “Financiën” was last assessed on 9 Mar 2026; a new assessment is due" },
  { "outdated/quarterly-within", quarterly_within, 0 },
  { "outdated/quarterly-late", quarterly_late, 1, GK_ATTENTION_ASSESSMENT_OUTDATED, GK_SEVERITY_WARNING,
    "topic", T_FINANCIEN, "Topic “Financiën” was last assessed on 9 Jan 2026; a new assessment is due" },
  { "not-assessed", not_assessed, 1, GK_ATTENTION_TOPIC_NOT_ASSESSED, GK_SEVERITY_INFO,
    "topic", T_TOEGANG, "Topic “Toegang” has not been assessed yet" },

  { "missing/monthly", monthly_missing, 1, GK_ATTENTION_MEASUREMENT_MISSING, GK_SEVERITY_INFO,
    "indicator", KOSTEN, "Indicator “Kosten per cliënt” has no measurement for March 2026" },
  { "missing/never-measured", monthly_never, 1, GK_ATTENTION_MEASUREMENT_MISSING, GK_SEVERITY_INFO,
    "indicator", KOSTEN, "Indicator “Kosten per cliënt” has no measurement for March 2026" },
  { "missing/current-period-counts", monthly_current, 0 },
  { "missing/quarterly", quarterly_missing, 1, GK_ATTENTION_MEASUREMENT_MISSING, GK_SEVERITY_INFO,
    "indicator", WACHTTIJD, "Indicator “Wachttijd” has no measurement for Q1 2026" },
  { "missing/yearly", yearly_missing, 1, GK_ATTENTION_MEASUREMENT_MISSING, GK_SEVERITY_INFO,
    "indicator", TEVREDENHEID, "Indicator “Tevredenheid” has no measurement for 2025" },

  { "divergence/worse", diverging, 1, GK_ATTENTION_DIVERGENCE, GK_SEVERITY_WARNING,
    "topic", T_FINANCIEN, "Topic “Financiën” is assessed Vigilant but its indicators signal Serious" },
  { "divergence/better", diverging_better, 1, GK_ATTENTION_DIVERGENCE, GK_SEVERITY_WARNING,
    "topic", T_FINANCIEN, "Topic “Financiën” is assessed Vigilant but its indicators signal In control" },

  { "off-track/reason", off_track_with_reason, 1, GK_ATTENTION_PROJECT_OFF_TRACK, GK_SEVERITY_CRITICAL,
    "focus_project", INKOOP, "Focus project “Inkoop” is off track: Leverancier failliet" },
  { "off-track/paused", off_track_paused, 1, GK_ATTENTION_PROJECT_OFF_TRACK, GK_SEVERITY_CRITICAL,
    "focus_project", WIJKTEAMS, "Focus project “Wijkteams” is off track" },
  { "off-track/draft", off_track_draft, 0 },
};

static void
run_case (gconstpointer data)
{
  const AttentionCase *c = data;
  g_autoptr(GPtrArray) signals = NULL;
  Programme p;

  calm_programme (&p);
  c->change (&p);
  signals = collect (&p);

  for (guint i = 0; i < signals->len; i++)
    g_test_message ("signal: %s", ((GkAttentionSignal *) signals->pdata[i])->message);

  g_assert_cmpuint (signals->len, ==, c->n_signals);
  if (c->n_signals > 0)
    {
      const GkAttentionSignal *s = signals->pdata[0];

      g_assert_cmpint (s->kind, ==, c->kind);
      g_assert_cmpint (s->severity, ==, c->severity);
      g_assert_cmpstr (s->table, ==, c->table);
      g_assert_cmpint (s->row_id, ==, c->row_id);
      g_assert_cmpstr (s->message, ==, c->message);
    }
}

/* ---- The single rules ---------------------------------------------------------- */

static void
test_outdated_rule (void)
{
  const struct {
    GkReviewCycle cycle;
    const char   *assessed_on;
    const char   *today;
    gboolean      outdated;
  } rules[] = {
    { GK_REVIEW_CYCLE_MONTHLY, "2026-01-31", "2026-02-28", FALSE },   /* Jan 31 + 1 month = Feb 28 */
    { GK_REVIEW_CYCLE_MONTHLY, "2026-01-31", "2026-03-01", TRUE },
    { GK_REVIEW_CYCLE_MONTHLY, "2024-01-31", "2024-02-29", FALSE },   /* leap year */
    { GK_REVIEW_CYCLE_MONTHLY, "2024-01-31", "2024-03-01", TRUE },
    { GK_REVIEW_CYCLE_MONTHLY, "2026-03-15", "2026-04-15", FALSE },
    { GK_REVIEW_CYCLE_MONTHLY, "2026-03-15", "2026-04-16", TRUE },
    { GK_REVIEW_CYCLE_MONTHLY, "2025-12-20", "2026-01-21", TRUE },    /* across the year */
    { GK_REVIEW_CYCLE_QUARTERLY, "2025-11-30", "2026-02-28", FALSE }, /* Nov 30 + 3 = Feb 28 */
    { GK_REVIEW_CYCLE_QUARTERLY, "2025-11-30", "2026-03-01", TRUE },
    { GK_REVIEW_CYCLE_QUARTERLY, "2026-03-15", "2026-05-31", FALSE },
    { GK_REVIEW_CYCLE_QUARTERLY, "2026-05-31", "2026-08-31", FALSE },
    { GK_REVIEW_CYCLE_QUARTERLY, "2026-05-31", "2026-09-01", TRUE },
    { GK_REVIEW_CYCLE_MONTHLY, "2026-05-01", "2026-04-10", FALSE },   /* in the future */
    { GK_REVIEW_CYCLE_MONTHLY, NULL, "2026-04-10", FALSE },           /* never: "not assessed" */
    { GK_REVIEW_CYCLE_MONTHLY, "2026-01-01", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      GDate assessed_on = D (rules[i].assessed_on);
      GDate today = D (rules[i].today);

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_attention_assessment_outdated (rules[i].cycle, &assessed_on, &today),
                       ==, rules[i].outdated);
    }
}

static void
test_overdue_rule (void)
{
  const struct {
    GkMeasureStatus status;
    const char     *due;
    gboolean        overdue;
  } rules[] = {
    { GK_MEASURE_STATUS_IDEA, "2026-04-09", TRUE },
    { GK_MEASURE_STATUS_PLANNED, "2026-04-09", TRUE },
    { GK_MEASURE_STATUS_IN_PROGRESS, "2025-01-01", TRUE },
    { GK_MEASURE_STATUS_IN_PROGRESS, "2026-04-10", FALSE },   /* due today */
    { GK_MEASURE_STATUS_IN_PROGRESS, "2026-04-11", FALSE },
    { GK_MEASURE_STATUS_DONE, "2026-04-09", FALSE },
    { GK_MEASURE_STATUS_DROPPED, "2026-04-09", FALSE },
    { GK_MEASURE_STATUS_PLANNED, NULL, FALSE },
  };
  GDate today = D ("2026-04-10");

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      GDate due = D (rules[i].due);

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_attention_measure_overdue (rules[i].status, &due, &today), ==, rules[i].overdue);
    }
}

static void
test_missing_rule (void)
{
  const struct {
    GkFrequency frequency;
    const char *latest;
    const char *today;
    gboolean    missing;
  } rules[] = {
    { GK_FREQUENCY_MONTHLY, "2026-03-01", "2026-04-01", FALSE },
    { GK_FREQUENCY_MONTHLY, "2026-03-31", "2026-04-30", FALSE },   /* any day of the period */
    { GK_FREQUENCY_MONTHLY, "2026-02-28", "2026-04-01", TRUE },
    { GK_FREQUENCY_MONTHLY, "2026-02-01", "2026-03-31", FALSE },
    { GK_FREQUENCY_MONTHLY, "2024-02-29", "2024-03-01", FALSE },   /* leap day */
    { GK_FREQUENCY_MONTHLY, "2026-05-01", "2026-04-10", FALSE },   /* ahead is fine */
    { GK_FREQUENCY_MONTHLY, NULL, "2026-04-10", TRUE },
    { GK_FREQUENCY_QUARTERLY, "2026-02-15", "2026-06-30", FALSE },
    { GK_FREQUENCY_QUARTERLY, "2025-12-31", "2026-04-01", TRUE },
    { GK_FREQUENCY_QUARTERLY, "2025-12-31", "2026-03-31", FALSE },
    { GK_FREQUENCY_YEARLY, "2025-12-01", "2026-12-31", FALSE },
    { GK_FREQUENCY_YEARLY, "2024-12-31", "2026-01-01", TRUE },
    { GK_FREQUENCY_YEARLY, NULL, NULL, FALSE },                    /* no today: no claim */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      GDate latest = D (rules[i].latest);
      GDate today = D (rules[i].today);

      g_test_message ("case %u", i);
      g_assert_cmpint (gk_attention_measurement_missing (rules[i].frequency, &latest, &today),
                       ==, rules[i].missing);
    }
}

/* ---- The list as a whole --------------------------------------------------------- */

static void
test_order_and_stability (void)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  Programme p;

  calm_programme (&p);
  monthly_missing (&p);               /* info */
  overdue_by_a_day (&p);              /* warning */
  off_track_with_reason (&p);         /* critical */
  active_without_owner (&p);          /* critical, an earlier rule */
  not_assessed (&p);                  /* info, an earlier rule */
  diverging (&p);                     /* warning, a later rule */

  first = collect (&p);
  g_assert_cmpuint (first->len, ==, 6);
  {
    const GkAttentionKind expected[] = {
      GK_ATTENTION_PROJECT_WITHOUT_OWNER,
      GK_ATTENTION_PROJECT_OFF_TRACK,
      GK_ATTENTION_MEASURE_OVERDUE,
      GK_ATTENTION_DIVERGENCE,
      GK_ATTENTION_TOPIC_NOT_ASSESSED,
      GK_ATTENTION_MEASUREMENT_MISSING,
    };

    for (guint i = 0; i < first->len; i++)
      g_assert_cmpint (((GkAttentionSignal *) first->pdata[i])->kind, ==, expected[i]);
  }

  /* Same snapshot, same list. */
  second = collect (&p);
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    {
      const GkAttentionSignal *a = first->pdata[i];
      const GkAttentionSignal *b = second->pdata[i];

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->row_id, ==, b->row_id);
      g_assert_cmpstr (a->message, ==, b->message);
    }

  /* Several of one kind keep the snapshot's order. */
  {
    g_autoptr(GPtrArray) signals = NULL;

    calm_programme (&p);
    measure (&p, TRIAGE)->due_date = D ("2026-01-01");
    overdue_by_a_day (&p);
    signals = collect (&p);
    g_assert_cmpuint (signals->len, ==, 2);
    g_assert_cmpint (((GkAttentionSignal *) signals->pdata[0])->row_id, ==, TRIAGE);
    g_assert_cmpint (((GkAttentionSignal *) signals->pdata[1])->row_id, ==, CONTRACT);
  }
}

static void
test_empty_snapshot (void)
{
  GkAttentionSnapshot empty = { 0 };
  g_autoptr(GPtrArray) signals = gk_attention_collect (&empty);

  /* A zero-filled snapshot (no today) is quiet rather than alarming. */
  g_assert_cmpuint (signals->len, ==, 0);
}

static void
test_unnamed (void)
{
  g_autoptr(GPtrArray) signals = NULL;
  Programme p;

  calm_programme (&p);
  anna_owns_two (&p);
  project (&p, WIJKTEAMS)->owner_name = NULL;
  project (&p, INKOOP)->owner_name = NULL;
  signals = collect (&p);
  g_assert_cmpuint (signals->len, ==, 1);
  g_assert_cmpstr (((GkAttentionSignal *) signals->pdata[0])->message, ==,
                   "(unnamed) owns 2 active focus projects");
}

static void
test_signal_boxed (void)
{
  g_autoptr(GkAttentionSignal) signal = gk_attention_signal_new (GK_ATTENTION_MEASURE_OVERDUE,
                                                                 "measure", 5, "Late");
  g_autoptr(GkAttentionSignal) copy = gk_attention_signal_copy (signal);

  g_assert_cmpint (signal->severity, ==, GK_SEVERITY_WARNING);
  g_assert_cmpint (copy->kind, ==, GK_ATTENTION_MEASURE_OVERDUE);
  g_assert_cmpstr (copy->table, ==, "measure");
  g_assert_cmpint (copy->row_id, ==, 5);
  g_assert_cmpstr (copy->message, ==, "Late");
  g_assert_true (copy->message != signal->message);
  gk_attention_signal_free (NULL);
}

static void
test_labels (void)
{
  for (int kind = GK_ATTENTION_TOO_MANY_ACTIVE_PROJECTS; kind <= GK_ATTENTION_PROJECT_OFF_TRACK; kind++)
    {
      g_assert_cmpstr (gk_attention_kind_label (kind), !=, "");
      g_assert_cmpint (gk_attention_kind_severity (kind), >=, GK_SEVERITY_INFO);
      g_assert_cmpint (gk_attention_kind_severity (kind), <=, GK_SEVERITY_CRITICAL);
    }
  g_assert_cmpstr (gk_severity_to_key (GK_SEVERITY_INFO), ==, "info");
  g_assert_cmpstr (gk_severity_to_key (GK_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (gk_severity_to_key (GK_SEVERITY_CRITICAL), ==, "critical");
  g_assert_cmpstr (gk_severity_label (GK_SEVERITY_CRITICAL), ==, "Critical");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/attention/signal/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], run_case);
    }
  g_test_add_func ("/attention/rule/outdated", test_outdated_rule);
  g_test_add_func ("/attention/rule/overdue", test_overdue_rule);
  g_test_add_func ("/attention/rule/missing", test_missing_rule);
  g_test_add_func ("/attention/order", test_order_and_stability);
  g_test_add_func ("/attention/empty", test_empty_snapshot);
  g_test_add_func ("/attention/unnamed", test_unnamed);
  g_test_add_func ("/attention/signal-copy", test_signal_boxed);
  g_test_add_func ("/attention/labels", test_labels);

  return g_test_run ();
}
