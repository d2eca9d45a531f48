/* gk-attention.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Severities: critical when the programme's grip is at stake now (an
 * active project without owner, a Serious topic nobody works on, a project
 * off track); warning when something needs action (too many projects, one
 * person owning several, an overdue measure, an outdated assessment, a
 * divergence); info for housekeeping (a topic not assessed yet, a missing
 * measurement).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-attention.h"
#include "gk-date.h"
#include "gk-period.h"

typedef struct {
  GkAttentionKind kind;
  GkSeverity      severity;
  const char     *label;
} KindInfo;

/* In enum order; the order of this table is also the order of signals of
 * the same severity in gk_attention_collect(). */
static const KindInfo kinds[] = {
  { GK_ATTENTION_TOO_MANY_ACTIVE_PROJECTS, GK_SEVERITY_WARNING, N_("Too many active focus projects") },
  { GK_ATTENTION_PROJECT_WITHOUT_OWNER, GK_SEVERITY_CRITICAL, N_("Active focus project without owner") },
  { GK_ATTENTION_OWNER_OF_SEVERAL_PROJECTS, GK_SEVERITY_WARNING, N_("Owner of several focus projects") },
  { GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE, GK_SEVERITY_CRITICAL, N_("Serious topic without active measure") },
  { GK_ATTENTION_MEASURE_OVERDUE, GK_SEVERITY_WARNING, N_("Overdue measure") },
  { GK_ATTENTION_ASSESSMENT_OUTDATED, GK_SEVERITY_WARNING, N_("Assessment out of date") },
  { GK_ATTENTION_TOPIC_NOT_ASSESSED, GK_SEVERITY_INFO, N_("Topic not assessed") },
  { GK_ATTENTION_MEASUREMENT_MISSING, GK_SEVERITY_INFO, N_("Missing measurement") },
  { GK_ATTENTION_DIVERGENCE, GK_SEVERITY_WARNING, N_("Signal and assessment differ") },
  { GK_ATTENTION_PROJECT_OFF_TRACK, GK_SEVERITY_CRITICAL, N_("Focus project off track") },
};

static const KindInfo *
kind_info (GkAttentionKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), &kinds[0]);
  return &kinds[kind];
}

GkSeverity
gk_attention_kind_severity (GkAttentionKind kind)
{
  return kind_info (kind)->severity;
}

const char *
gk_attention_kind_label (GkAttentionKind kind)
{
  return _(kind_info (kind)->label);
}

const char *
gk_severity_to_key (GkSeverity severity)
{
  switch (severity)
    {
    case GK_SEVERITY_INFO:
      return "info";
    case GK_SEVERITY_WARNING:
      return "warning";
    case GK_SEVERITY_CRITICAL:
      return "critical";
    default:
      g_return_val_if_reached ("info");
    }
}

const char *
gk_severity_label (GkSeverity severity)
{
  switch (severity)
    {
    case GK_SEVERITY_INFO:
      return _("Information");
    case GK_SEVERITY_WARNING:
      return _("Warning");
    case GK_SEVERITY_CRITICAL:
      return _("Critical");
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- Signals --------------------------------------------------------------- */

/**
 * gk_attention_signal_new:
 * @table: a static string (a schema table name)
 *
 * Returns: (transfer full): a signal with the kind's severity.
 */
GkAttentionSignal *
gk_attention_signal_new (GkAttentionKind  kind,
                         const char      *table,
                         gint64           row_id,
                         const char      *message)
{
  GkAttentionSignal *signal = g_new0 (GkAttentionSignal, 1);

  signal->kind = kind;
  signal->severity = gk_attention_kind_severity (kind);
  signal->table = table;
  signal->row_id = row_id;
  signal->message = g_strdup (message);
  return signal;
}

GkAttentionSignal *
gk_attention_signal_copy (const GkAttentionSignal *signal)
{
  GkAttentionSignal *copy;

  g_return_val_if_fail (signal != NULL, NULL);

  copy = g_memdup2 (signal, sizeof *signal);
  copy->message = g_strdup (signal->message);
  return copy;
}

void
gk_attention_signal_free (GkAttentionSignal *signal)
{
  if (signal == NULL)
    return;
  g_free (signal->message);
  g_free (signal);
}

/* ---- The single rules ------------------------------------------------------ */

/**
 * gk_attention_measure_overdue:
 *
 * Returns: %TRUE when the due date has passed (today is later) and the
 * measure is neither done nor dropped. A measure due today is not overdue.
 */
gboolean
gk_attention_measure_overdue (GkMeasureStatus  status,
                              const GDate     *due_date,
                              const GDate     *today)
{
  if (status == GK_MEASURE_STATUS_DONE || status == GK_MEASURE_STATUS_DROPPED)
    return FALSE;
  if (!gk_period_date_is_set (due_date) || !gk_period_date_is_set (today))
    return FALSE;
  return g_date_compare (today, due_date) > 0;
}

/**
 * gk_attention_assessment_outdated:
 *
 * An assessment is due again one review cycle (one or three calendar
 * months) after the previous one; it is outdated from the day after. A
 * day missing in the shorter month clamps to its end: an assessment of
 * 31 January is due by 28 February (29 in a leap year) in a monthly cycle,
 * one of 30 November by 28 February in a quarterly cycle.
 *
 * Returns: %TRUE when outdated. A topic never assessed is not "outdated"
 * (it is "not assessed").
 */
gboolean
gk_attention_assessment_outdated (GkReviewCycle  cycle,
                                  const GDate   *assessed_on,
                                  const GDate   *today)
{
  GDate due;

  if (!gk_period_date_is_set (assessed_on) || !gk_period_date_is_set (today))
    return FALSE;

  due = gk_period_add_months (assessed_on, (int) gk_period_months (gk_review_cycle_frequency (cycle)));
  return gk_period_date_is_set (&due) && g_date_compare (today, &due) > 0;
}

/**
 * gk_attention_measurement_missing:
 * @latest_period: the period date of the latest measurement, or unset
 *
 * Returns: %TRUE when the indicator has no measurement in its last
 * complete period (see gk_period_last_complete()) or later.
 */
gboolean
gk_attention_measurement_missing (GkFrequency  frequency,
                                  const GDate *latest_period,
                                  const GDate *today)
{
  GDate start;

  if (!gk_period_last_complete (frequency, today, &start, NULL))
    return FALSE;
  if (!gk_period_date_is_set (latest_period))
    return TRUE;
  return g_date_compare (latest_period, &start) < 0;
}

/* ---- Collecting ------------------------------------------------------------ */

static const char *
or_unnamed (const char *name)
{
  return name != NULL && *name != '\0' ? name : _("(unnamed)");
}

static void
add_signal (GPtrArray       *signals,
            GkAttentionKind  kind,
            const char      *table,
            gint64           row_id,
            char            *message)   /* takes ownership */
{
  GkAttentionSignal *signal = gk_attention_signal_new (kind, table, row_id, NULL);

  signal->message = message;
  g_ptr_array_add (signals, signal);
}

static void
check_projects (const GkAttentionSnapshot *s,
                GPtrArray                 *signals)
{
  guint n_active = 0;

  for (guint i = 0; i < s->n_projects; i++)
    {
      const GkAttentionProject *p = &s->projects[i];

      if (p->status != GK_PROJECT_STATUS_ACTIVE)
        continue;
      n_active++;
      if (p->owner_id == 0)
        add_signal (signals, GK_ATTENTION_PROJECT_WITHOUT_OWNER, "focus_project", p->id,
                    g_strdup_printf (_("Focus project “%s” is active but has no owner"),
                                     or_unnamed (p->name)));
    }

  if (n_active > GK_ATTENTION_MAX_ACTIVE_PROJECTS)
    add_signal (signals, GK_ATTENTION_TOO_MANY_ACTIVE_PROJECTS, "programme", 1,
                g_strdup_printf (ngettext ("%u focus project is active; seven at most keeps the focus",
                                           "%u focus projects are active; seven at most keeps the focus",
                                           n_active),
                                 n_active));

  /* Health only matters while the project runs (active or paused). */
  for (guint i = 0; i < s->n_projects; i++)
    {
      const GkAttentionProject *p = &s->projects[i];

      if (p->health != GK_HEALTH_OFF_TRACK ||
          (p->status != GK_PROJECT_STATUS_ACTIVE && p->status != GK_PROJECT_STATUS_PAUSED))
        continue;
      if (p->health_reason != NULL && *p->health_reason != '\0')
        add_signal (signals, GK_ATTENTION_PROJECT_OFF_TRACK, "focus_project", p->id,
                    g_strdup_printf (_("Focus project “%s” is off track: %s"),
                                     or_unnamed (p->name), p->health_reason));
      else
        add_signal (signals, GK_ATTENTION_PROJECT_OFF_TRACK, "focus_project", p->id,
                    g_strdup_printf (_("Focus project “%s” is off track"), or_unnamed (p->name)));
    }
}

static void
check_owners (const GkAttentionSnapshot *s,
              GPtrArray                 *signals)
{
  /* Owners in order of first appearance, so the output is stable. */
  for (guint i = 0; i < s->n_projects; i++)
    {
      const GkAttentionProject *p = &s->projects[i];
      gboolean seen_before = FALSE;
      guint n_owned = 0;

      if (p->status != GK_PROJECT_STATUS_ACTIVE || p->owner_id == 0)
        continue;

      for (guint j = 0; j < i && !seen_before; j++)
        seen_before = s->projects[j].status == GK_PROJECT_STATUS_ACTIVE &&
                      s->projects[j].owner_id == p->owner_id;
      if (seen_before)
        continue;

      for (guint j = i; j < s->n_projects; j++)
        if (s->projects[j].status == GK_PROJECT_STATUS_ACTIVE && s->projects[j].owner_id == p->owner_id)
          n_owned++;

      if (n_owned >= GK_ATTENTION_SEVERAL_PROJECTS)
        add_signal (signals, GK_ATTENTION_OWNER_OF_SEVERAL_PROJECTS, "person", p->owner_id,
                    g_strdup_printf (ngettext ("%s owns %u active focus project",
                                               "%s owns %u active focus projects", n_owned),
                                     or_unnamed (p->owner_name), n_owned));
    }
}

static const GkAttentionProject *
find_project (const GkAttentionSnapshot *s,
              gint64                     project_id)
{
  for (guint i = 0; i < s->n_projects; i++)
    if (s->projects[i].id == project_id)
      return &s->projects[i];
  return NULL;
}

static const GkAttentionMeasure *
find_measure (const GkAttentionSnapshot *s,
              gint64                     measure_id)
{
  for (guint i = 0; i < s->n_measures; i++)
    if (s->measures[i].id == measure_id)
      return &s->measures[i];
  return NULL;
}

/* Active: planned or in progress, in a project that is not done or
 * stopped (measures left open in a finished project do not count). */
static gboolean
measure_is_active (const GkAttentionSnapshot *s,
                   const GkAttentionMeasure  *m)
{
  const GkAttentionProject *p;

  if (m->status != GK_MEASURE_STATUS_PLANNED && m->status != GK_MEASURE_STATUS_IN_PROGRESS)
    return FALSE;
  p = find_project (s, m->project_id);
  return p == NULL || (p->status != GK_PROJECT_STATUS_DONE && p->status != GK_PROJECT_STATUS_STOPPED);
}

static gboolean
topic_has_active_measure (const GkAttentionSnapshot *s,
                          gint64                     topic_id)
{
  for (guint i = 0; i < s->n_targets; i++)
    {
      const GkAttentionMeasure *m;

      if (s->targets[i].topic_id != topic_id)
        continue;
      m = find_measure (s, s->targets[i].measure_id);
      if (m != NULL && measure_is_active (s, m))
        return TRUE;
    }
  return FALSE;
}

static void
check_topics (const GkAttentionSnapshot *s,
              GPtrArray                 *signals)
{
  for (guint i = 0; i < s->n_topics; i++)
    {
      const GkAttentionTopic *t = &s->topics[i];
      const char *name = or_unnamed (t->name);
      /* The assessed level counts; the signal stands in until there is one. */
      GkLevel level = t->assessed_level != GK_LEVEL_NONE ? t->assessed_level : t->signalled_level;

      if (level == GK_LEVEL_SERIOUS && !topic_has_active_measure (s, t->id))
        add_signal (signals, GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE, "topic", t->id,
                    g_strdup_printf (_("Topic “%s” is Serious but no active measure targets it"), name));

      if (t->assessed_level == GK_LEVEL_NONE)
        add_signal (signals, GK_ATTENTION_TOPIC_NOT_ASSESSED, "topic", t->id,
                    g_strdup_printf (_("Topic “%s” has not been assessed yet"), name));
      else if (gk_attention_assessment_outdated (s->review_cycle, &t->assessed_on, &s->today))
        {
          g_autofree char *date = gk_date_format_display (&t->assessed_on);

          add_signal (signals, GK_ATTENTION_ASSESSMENT_OUTDATED, "topic", t->id,
                      g_strdup_printf (_("Topic “%s” was last assessed on %s; a new assessment is due"),
                                       name, date));
        }

      if (t->signalled_level != GK_LEVEL_NONE && t->assessed_level != GK_LEVEL_NONE &&
          t->signalled_level != t->assessed_level)
        add_signal (signals, GK_ATTENTION_DIVERGENCE, "topic", t->id,
                    g_strdup_printf (_("Topic “%s” is assessed %s but its indicators signal %s"),
                                     name, gk_level_label (t->assessed_level),
                                     gk_level_label (t->signalled_level)));
    }
}

static void
check_measures (const GkAttentionSnapshot *s,
                GPtrArray                 *signals)
{
  for (guint i = 0; i < s->n_measures; i++)
    {
      const GkAttentionMeasure *m = &s->measures[i];
      g_autofree char *date = NULL;

      if (!gk_attention_measure_overdue (m->status, &m->due_date, &s->today))
        continue;

      date = gk_date_format_display (&m->due_date);
      add_signal (signals, GK_ATTENTION_MEASURE_OVERDUE, "measure", m->id,
                  g_strdup_printf (_("Measure “%s” is overdue: it was due on %s"),
                                   or_unnamed (m->title), date));
    }
}

static void
check_indicators (const GkAttentionSnapshot *s,
                  GPtrArray                 *signals)
{
  for (guint i = 0; i < s->n_indicators; i++)
    {
      const GkAttentionIndicator *ind = &s->indicators[i];
      g_autofree char *period = NULL;
      GDate start;

      if (!gk_attention_measurement_missing (ind->frequency, &ind->latest_period, &s->today))
        continue;

      gk_period_last_complete (ind->frequency, &s->today, &start, NULL);
      period = gk_period_label (ind->frequency, &start);
      add_signal (signals, GK_ATTENTION_MEASUREMENT_MISSING, "indicator", ind->id,
                  g_strdup_printf (_("Indicator “%s” has no measurement for %s"),
                                   or_unnamed (ind->name), period));
    }
}

static int
compare_signals (gconstpointer a,
                 gconstpointer b)
{
  const GkAttentionSignal *sa = *(const GkAttentionSignal * const *) a;
  const GkAttentionSignal *sb = *(const GkAttentionSignal * const *) b;

  if (sa->severity != sb->severity)
    return sa->severity > sb->severity ? -1 : 1;
  if (sa->kind != sb->kind)
    return sa->kind < sb->kind ? -1 : 1;
  return 0;
}

/**
 * gk_attention_collect:
 *
 * Runs every attention rule over @snapshot. The rules, with the table the
 * signal points at:
 * - more than seven active focus projects (programme, row 1);
 * - an active focus project without owner (focus_project);
 * - one person owning two or more active focus projects (person);
 * - a Serious topic that no active measure targets (topic): Serious is its
 *   assessed level, or its signalled level while it is not assessed;
 *   active measures are planned or in progress, in a project that is not
 *   done or stopped;
 * - an overdue measure (measure), see gk_attention_measure_overdue();
 * - an assessment older than the review cycle (topic), see
 *   gk_attention_assessment_outdated(), and a topic not assessed at all;
 * - an indicator without a measurement in its last complete period
 *   (indicator), see gk_attention_measurement_missing();
 * - a divergence between signalled and assessed level (topic);
 * - an active or paused focus project whose health is off track
 *   (focus_project).
 *
 * Returns: (transfer full) (element-type GkAttentionSignal): the signals,
 * most severe first, then in the order of the rules above, then in the
 * order of the snapshot's arrays. Same snapshot, same list.
 */
GPtrArray *
gk_attention_collect (const GkAttentionSnapshot *snapshot)
{
  GPtrArray *signals = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_attention_signal_free);

  g_return_val_if_fail (snapshot != NULL, signals);

  check_projects (snapshot, signals);
  check_owners (snapshot, signals);
  check_topics (snapshot, signals);
  check_measures (snapshot, signals);
  check_indicators (snapshot, signals);

  /* g_ptr_array_sort() is stable, which keeps the snapshot's order. */
  g_ptr_array_sort (signals, compare_signals);
  return signals;
}
