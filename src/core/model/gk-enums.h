/* gk-enums.h: the closed vocabularies of the domain model
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every enumeration is stored in the project file as a stable lower-case key
 * (so that the file stays readable and CHECK constraints can guard it) and is
 * shown to people through a translated label.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Grip levels are ordered: a higher value is a better level. */
typedef enum {
  GK_LEVEL_NONE = 0,       /* not assessed / no signal */
  GK_LEVEL_SERIOUS = 1,
  GK_LEVEL_VIGILANT = 2,
  GK_LEVEL_IN_CONTROL = 3,
} GkLevel;

typedef enum {
  GK_DIRECTION_LOWER_IS_BETTER,
  GK_DIRECTION_HIGHER_IS_BETTER,
} GkDirection;

typedef enum {
  GK_PROJECT_STATUS_DRAFT,
  GK_PROJECT_STATUS_ACTIVE,
  GK_PROJECT_STATUS_PAUSED,
  GK_PROJECT_STATUS_DONE,
  GK_PROJECT_STATUS_STOPPED,
} GkProjectStatus;

typedef enum {
  GK_HEALTH_ON_TRACK,
  GK_HEALTH_AT_RISK,
  GK_HEALTH_OFF_TRACK,
} GkHealth;

typedef enum {
  GK_CHAIN_PHASE_INFLOW,
  GK_CHAIN_PHASE_THROUGHPUT,
  GK_CHAIN_PHASE_OUTFLOW,
  GK_CHAIN_PHASE_CROSS_CUTTING,
} GkChainPhase;

typedef enum {
  GK_MEASURE_STATUS_IDEA,
  GK_MEASURE_STATUS_PLANNED,
  GK_MEASURE_STATUS_IN_PROGRESS,
  GK_MEASURE_STATUS_DONE,
  GK_MEASURE_STATUS_DROPPED,
} GkMeasureStatus;

typedef enum {
  GK_MEASURE_KIND_QUICK_WIN,
  GK_MEASURE_KIND_STRUCTURAL,
} GkMeasureKind;

typedef enum {
  GK_LINK_KIND_REINFORCES,
  GK_LINK_KIND_DEPENDS_ON,
  GK_LINK_KIND_CONFLICTS_WITH,
} GkLinkKind;

typedef enum {
  GK_UNIT_EURO,
  GK_UNIT_COUNT,
  GK_UNIT_PERCENT,
  GK_UNIT_DAYS,
  GK_UNIT_WEEKS,
  GK_UNIT_OTHER,
} GkUnit;

typedef enum {
  GK_FREQUENCY_MONTHLY,
  GK_FREQUENCY_QUARTERLY,
  GK_FREQUENCY_YEARLY,
} GkFrequency;

typedef enum {
  GK_REVIEW_CYCLE_MONTHLY,
  GK_REVIEW_CYCLE_QUARTERLY,
} GkReviewCycle;

typedef enum {
  GK_HEADLINE_RULE_WORST,
  GK_HEADLINE_RULE_MEDIAN,
} GkHeadlineRule;

typedef enum {
  GK_ROLE_WETHOUDER,
  GK_ROLE_BESTUURDER,
  GK_ROLE_PROJECTLEIDER,
  GK_ROLE_BELEIDSMAKER,
  GK_ROLE_CONTROLLER,
  GK_ROLE_INKOPER,
  GK_ROLE_CONTRACTMANAGER,
  GK_ROLE_TOEZICHTHOUDER,
  GK_ROLE_INFORMATIEMANAGER,
  GK_ROLE_UITVOERDER,
  GK_ROLE_OTHER,
} GkRole;

typedef enum {
  GK_JOURNAL_KIND_PROGRESS,
  GK_JOURNAL_KIND_DECISION,
  GK_JOURNAL_KIND_RISK,
} GkJournalKind;

typedef enum /*< flags >*/ {
  GK_DOMAIN_NONE = 0,
  GK_DOMAIN_JEUGD = 1 << 0,
  GK_DOMAIN_WMO = 1 << 1,
  GK_DOMAIN_PARTICIPATIE = 1 << 2,
} GkDomains;

/* One table row per value: the key stored in the file and the label shown. */
typedef struct {
  int         value;
  const char *key;
  const char *label;  /* untranslated msgid; use gk_enum_label() */
} GkEnumEntry;

#define GK_DEFINE_ENUM_FUNCS(Prefix, prefix, Type)                                 \
  const char *gk_##prefix##_to_key (Type value);                                   \
  gboolean    gk_##prefix##_from_key (const char *key, Type *out_value);           \
  const char *gk_##prefix##_label (Type value);                                    \
  const GkEnumEntry *gk_##prefix##_entries (guint *n_entries);

GK_DEFINE_ENUM_FUNCS (Level, level, GkLevel)
GK_DEFINE_ENUM_FUNCS (Direction, direction, GkDirection)
GK_DEFINE_ENUM_FUNCS (ProjectStatus, project_status, GkProjectStatus)
GK_DEFINE_ENUM_FUNCS (Health, health, GkHealth)
GK_DEFINE_ENUM_FUNCS (ChainPhase, chain_phase, GkChainPhase)
GK_DEFINE_ENUM_FUNCS (MeasureStatus, measure_status, GkMeasureStatus)
GK_DEFINE_ENUM_FUNCS (MeasureKind, measure_kind, GkMeasureKind)
GK_DEFINE_ENUM_FUNCS (LinkKind, link_kind, GkLinkKind)
GK_DEFINE_ENUM_FUNCS (Unit, unit, GkUnit)
GK_DEFINE_ENUM_FUNCS (Frequency, frequency, GkFrequency)
GK_DEFINE_ENUM_FUNCS (ReviewCycle, review_cycle, GkReviewCycle)
GK_DEFINE_ENUM_FUNCS (HeadlineRule, headline_rule, GkHeadlineRule)
GK_DEFINE_ENUM_FUNCS (Role, role, GkRole)
GK_DEFINE_ENUM_FUNCS (JournalKind, journal_kind, GkJournalKind)

#undef GK_DEFINE_ENUM_FUNCS

/* Domains are a set, stored as a comma separated list of keys. */
char      *gk_domains_to_keys  (GkDomains domains);
gboolean   gk_domains_from_keys (const char *keys, GkDomains *out_domains);
char      *gk_domains_label    (GkDomains domains);

/* A short label for charts and reports ("Ernstig" fits a matrix cell). */
const char *gk_level_short_label (GkLevel level);

G_END_DECLS
