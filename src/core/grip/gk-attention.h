/* gk-attention.h: attention signals, what the programme team should look at
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions like the rest of the grip engine: the model layer fills a
 * GkAttentionSnapshot with plain structs (strings and arrays are borrowed
 * for the duration of the call) and gets back a list of signals, each
 * pointing at the row it is about. Dates follow gk-period.h: GDate by
 * value, unset = !g_date_valid().
 */
#pragma once

#include <glib.h>

#include "gk-enums.h"

G_BEGIN_DECLS

/* More active focus projects than this blurs the focus. */
#define GK_ATTENTION_MAX_ACTIVE_PROJECTS 7
/* A person owning this many active focus projects or more is a signal. */
#define GK_ATTENTION_SEVERAL_PROJECTS 2

typedef enum {
  GK_ATTENTION_TOO_MANY_ACTIVE_PROJECTS,    /* programme, row 1 */
  GK_ATTENTION_PROJECT_WITHOUT_OWNER,       /* focus_project */
  GK_ATTENTION_OWNER_OF_SEVERAL_PROJECTS,   /* person */
  GK_ATTENTION_SERIOUS_TOPIC_WITHOUT_MEASURE, /* topic */
  GK_ATTENTION_MEASURE_OVERDUE,             /* measure */
  GK_ATTENTION_ASSESSMENT_OUTDATED,         /* topic */
  GK_ATTENTION_TOPIC_NOT_ASSESSED,          /* topic */
  GK_ATTENTION_MEASUREMENT_MISSING,         /* indicator */
  GK_ATTENTION_DIVERGENCE,                  /* topic */
  GK_ATTENTION_PROJECT_OFF_TRACK,           /* focus_project */
} GkAttentionKind;

typedef enum {
  GK_SEVERITY_INFO,
  GK_SEVERITY_WARNING,
  GK_SEVERITY_CRITICAL,
} GkSeverity;

typedef struct {
  GkAttentionKind kind;
  GkSeverity      severity;
  const char     *table;     /* static: the schema table of the row */
  gint64          row_id;
  char           *message;   /* translated, one sentence without a full stop */
} GkAttentionSignal;

GkAttentionSignal *gk_attention_signal_new  (GkAttentionKind          kind,
                                             const char              *table,
                                             gint64                   row_id,
                                             const char              *message);
GkAttentionSignal *gk_attention_signal_copy (const GkAttentionSignal *signal);
void               gk_attention_signal_free (GkAttentionSignal       *signal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAttentionSignal, gk_attention_signal_free)

GkSeverity  gk_attention_kind_severity (GkAttentionKind kind);
const char *gk_attention_kind_label    (GkAttentionKind kind);
const char *gk_severity_to_key         (GkSeverity      severity);
const char *gk_severity_label          (GkSeverity      severity);

/* ---- The snapshot --------------------------------------------------------- */

typedef struct {
  gint64          id;
  const char     *name;
  GkProjectStatus status;
  gint64          owner_id;       /* 0 when the project has no owner */
  const char     *owner_name;     /* may be NULL */
  GkHealth        health;
  const char     *health_reason;  /* may be NULL or "" */
} GkAttentionProject;

typedef struct {
  gint64          id;
  gint64          project_id;
  const char     *title;
  GkMeasureStatus status;
  GDate           due_date;       /* may be unset */
} GkAttentionMeasure;

typedef struct {
  gint64 measure_id;
  gint64 topic_id;
} GkAttentionTarget;

typedef struct {
  gint64      id;
  const char *name;
  GkLevel     assessed_level;     /* latest assessment; NONE when not assessed */
  GDate       assessed_on;        /* its date; unset when not assessed */
  GkLevel     signalled_level;    /* gk_grip_topic_signal(); NONE without signal */
} GkAttentionTopic;

typedef struct {
  gint64      id;
  const char *name;
  GkFrequency frequency;
  GDate       latest_period;      /* period date of its latest measurement; may be unset */
} GkAttentionIndicator;

typedef struct {
  GDate                       today;
  GkReviewCycle               review_cycle;
  const GkAttentionProject   *projects;
  guint                       n_projects;
  const GkAttentionMeasure   *measures;
  guint                       n_measures;
  const GkAttentionTarget    *targets;      /* measure targets */
  guint                       n_targets;
  const GkAttentionTopic     *topics;
  guint                       n_topics;
  const GkAttentionIndicator *indicators;
  guint                       n_indicators;
} GkAttentionSnapshot;

GPtrArray *gk_attention_collect (const GkAttentionSnapshot *snapshot);

/* The single rules, for badges next to one row. */
gboolean   gk_attention_measure_overdue        (GkMeasureStatus  status,
                                                const GDate     *due_date,
                                                const GDate     *today);
gboolean   gk_attention_assessment_outdated    (GkReviewCycle    cycle,
                                                const GDate     *assessed_on,
                                                const GDate     *today);
gboolean   gk_attention_measurement_missing    (GkFrequency      frequency,
                                                const GDate     *latest_period,
                                                const GDate     *today);

G_END_DECLS
