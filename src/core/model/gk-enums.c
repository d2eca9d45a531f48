/* gk-enums.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-enums.h"

static const GkEnumEntry level_entries[] = {
  { GK_LEVEL_NONE, "none", N_("Not assessed") },
  { GK_LEVEL_SERIOUS, "serious", N_("Serious") },
  { GK_LEVEL_VIGILANT, "vigilant", N_("Vigilant") },
  { GK_LEVEL_IN_CONTROL, "in-control", N_("In control") },
};

static const GkEnumEntry direction_entries[] = {
  { GK_DIRECTION_LOWER_IS_BETTER, "lower", N_("Lower is better") },
  { GK_DIRECTION_HIGHER_IS_BETTER, "higher", N_("Higher is better") },
};

static const GkEnumEntry project_status_entries[] = {
  { GK_PROJECT_STATUS_DRAFT, "draft", N_("Draft") },
  { GK_PROJECT_STATUS_ACTIVE, "active", N_("Active") },
  { GK_PROJECT_STATUS_PAUSED, "paused", N_("Paused") },
  { GK_PROJECT_STATUS_DONE, "done", N_("Done") },
  { GK_PROJECT_STATUS_STOPPED, "stopped", N_("Stopped") },
};

static const GkEnumEntry health_entries[] = {
  { GK_HEALTH_ON_TRACK, "on-track", N_("On track") },
  { GK_HEALTH_AT_RISK, "at-risk", N_("At risk") },
  { GK_HEALTH_OFF_TRACK, "off-track", N_("Off track") },
};

static const GkEnumEntry chain_phase_entries[] = {
  { GK_CHAIN_PHASE_INFLOW, "inflow", N_("Inflow") },
  { GK_CHAIN_PHASE_THROUGHPUT, "throughput", N_("Throughput") },
  { GK_CHAIN_PHASE_OUTFLOW, "outflow", N_("Outflow") },
  { GK_CHAIN_PHASE_CROSS_CUTTING, "cross-cutting", N_("Cross-cutting") },
};

static const GkEnumEntry measure_status_entries[] = {
  { GK_MEASURE_STATUS_IDEA, "idea", N_("Idea") },
  { GK_MEASURE_STATUS_PLANNED, "planned", N_("Planned") },
  { GK_MEASURE_STATUS_IN_PROGRESS, "in-progress", N_("In progress") },
  { GK_MEASURE_STATUS_DONE, "done", N_("Done") },
  { GK_MEASURE_STATUS_DROPPED, "dropped", N_("Dropped") },
};

static const GkEnumEntry measure_kind_entries[] = {
  { GK_MEASURE_KIND_QUICK_WIN, "quick-win", N_("Quick win") },
  { GK_MEASURE_KIND_STRUCTURAL, "structural", N_("Structural") },
};

static const GkEnumEntry link_kind_entries[] = {
  { GK_LINK_KIND_REINFORCES, "reinforces", N_("Reinforces") },
  { GK_LINK_KIND_DEPENDS_ON, "depends-on", N_("Depends on") },
  { GK_LINK_KIND_CONFLICTS_WITH, "conflicts-with", N_("Conflicts with") },
};

static const GkEnumEntry unit_entries[] = {
  { GK_UNIT_EURO, "euro", N_("Euro") },
  { GK_UNIT_COUNT, "count", N_("Count") },
  { GK_UNIT_PERCENT, "percent", N_("Percent") },
  { GK_UNIT_DAYS, "days", N_("Days") },
  { GK_UNIT_WEEKS, "weeks", N_("Weeks") },
  { GK_UNIT_OTHER, "other", N_("Other unit") },
};

static const GkEnumEntry frequency_entries[] = {
  { GK_FREQUENCY_MONTHLY, "monthly", N_("Monthly") },
  { GK_FREQUENCY_QUARTERLY, "quarterly", N_("Quarterly") },
  { GK_FREQUENCY_YEARLY, "yearly", N_("Yearly") },
};

static const GkEnumEntry review_cycle_entries[] = {
  { GK_REVIEW_CYCLE_MONTHLY, "monthly", N_("Monthly") },
  { GK_REVIEW_CYCLE_QUARTERLY, "quarterly", N_("Quarterly") },
};

static const GkEnumEntry headline_rule_entries[] = {
  { GK_HEADLINE_RULE_WORST, "worst", N_("Most serious topic decides") },
  { GK_HEADLINE_RULE_MEDIAN, "median", N_("Level at least half of the topics reach") },
};

static const GkEnumEntry role_entries[] = {
  { GK_ROLE_WETHOUDER, "wethouder", N_("Alderman") },
  { GK_ROLE_BESTUURDER, "bestuurder", N_("Director") },
  { GK_ROLE_PROJECTLEIDER, "projectleider", N_("Programme lead") },
  { GK_ROLE_BELEIDSMAKER, "beleidsmaker", N_("Policy advisor") },
  { GK_ROLE_CONTROLLER, "controller", N_("Controller") },
  { GK_ROLE_INKOPER, "inkoper", N_("Procurement officer") },
  { GK_ROLE_CONTRACTMANAGER, "contractmanager", N_("Contract manager") },
  { GK_ROLE_TOEZICHTHOUDER, "toezichthouder", N_("Supervisor") },
  { GK_ROLE_INFORMATIEMANAGER, "informatiemanager", N_("Information manager") },
  { GK_ROLE_UITVOERDER, "uitvoerder", N_("Practitioner") },
  { GK_ROLE_OTHER, "other", N_("Other role") },
};

static const GkEnumEntry journal_kind_entries[] = {
  { GK_JOURNAL_KIND_PROGRESS, "progress", N_("Progress") },
  { GK_JOURNAL_KIND_DECISION, "decision", N_("Decision") },
  { GK_JOURNAL_KIND_RISK, "risk", N_("Risk") },
};

static const GkEnumEntry domain_entries[] = {
  { GK_DOMAIN_JEUGD, "jeugd", N_("Youth") },
  { GK_DOMAIN_WMO, "wmo", N_("Wmo") },
  { GK_DOMAIN_PARTICIPATIE, "participatie", N_("Participation") },
};

static const GkEnumEntry *
lookup_value (const GkEnumEntry *entries,
              guint              n_entries,
              int                value)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].value == value)
      return &entries[i];
  return NULL;
}

static const GkEnumEntry *
lookup_key (const GkEnumEntry *entries,
            guint              n_entries,
            const char        *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < n_entries; i++)
    if (g_str_equal (entries[i].key, key))
      return &entries[i];
  return NULL;
}

#define GK_IMPLEMENT_ENUM_FUNCS(prefix, Type, table)                             \
  const char *                                                                   \
  gk_##prefix##_to_key (Type value)                                              \
  {                                                                              \
    const GkEnumEntry *e = lookup_value (table, G_N_ELEMENTS (table), value);    \
    g_return_val_if_fail (e != NULL, NULL);                                      \
    return e->key;                                                               \
  }                                                                              \
  gboolean                                                                       \
  gk_##prefix##_from_key (const char *key, Type *out_value)                      \
  {                                                                              \
    const GkEnumEntry *e = lookup_key (table, G_N_ELEMENTS (table), key);        \
    if (e == NULL)                                                               \
      return FALSE;                                                              \
    if (out_value != NULL)                                                       \
      *out_value = (Type) e->value;                                              \
    return TRUE;                                                                 \
  }                                                                              \
  const char *                                                                   \
  gk_##prefix##_label (Type value)                                               \
  {                                                                              \
    const GkEnumEntry *e = lookup_value (table, G_N_ELEMENTS (table), value);    \
    g_return_val_if_fail (e != NULL, "");                                        \
    return _(e->label);                                                          \
  }                                                                              \
  const GkEnumEntry *                                                            \
  gk_##prefix##_entries (guint *n_entries)                                       \
  {                                                                              \
    if (n_entries != NULL)                                                       \
      *n_entries = G_N_ELEMENTS (table);                                         \
    return table;                                                                \
  }

GK_IMPLEMENT_ENUM_FUNCS (level, GkLevel, level_entries)
GK_IMPLEMENT_ENUM_FUNCS (direction, GkDirection, direction_entries)
GK_IMPLEMENT_ENUM_FUNCS (project_status, GkProjectStatus, project_status_entries)
GK_IMPLEMENT_ENUM_FUNCS (health, GkHealth, health_entries)
GK_IMPLEMENT_ENUM_FUNCS (chain_phase, GkChainPhase, chain_phase_entries)
GK_IMPLEMENT_ENUM_FUNCS (measure_status, GkMeasureStatus, measure_status_entries)
GK_IMPLEMENT_ENUM_FUNCS (measure_kind, GkMeasureKind, measure_kind_entries)
GK_IMPLEMENT_ENUM_FUNCS (link_kind, GkLinkKind, link_kind_entries)
GK_IMPLEMENT_ENUM_FUNCS (unit, GkUnit, unit_entries)
GK_IMPLEMENT_ENUM_FUNCS (frequency, GkFrequency, frequency_entries)
GK_IMPLEMENT_ENUM_FUNCS (review_cycle, GkReviewCycle, review_cycle_entries)
GK_IMPLEMENT_ENUM_FUNCS (headline_rule, GkHeadlineRule, headline_rule_entries)
GK_IMPLEMENT_ENUM_FUNCS (role, GkRole, role_entries)
GK_IMPLEMENT_ENUM_FUNCS (journal_kind, GkJournalKind, journal_kind_entries)

char *
gk_domains_to_keys (GkDomains domains)
{
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (domain_entries); i++)
    {
      if ((domains & domain_entries[i].value) == 0)
        continue;
      if (keys->len > 0)
        g_string_append_c (keys, ',');
      g_string_append (keys, domain_entries[i].key);
    }

  return g_string_free (keys, FALSE);
}

gboolean
gk_domains_from_keys (const char *keys,
                      GkDomains  *out_domains)
{
  g_auto(GStrv) parts = NULL;
  GkDomains domains = GK_DOMAIN_NONE;

  if (keys == NULL || *keys == '\0')
    {
      if (out_domains != NULL)
        *out_domains = GK_DOMAIN_NONE;
      return TRUE;
    }

  parts = g_strsplit (keys, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const GkEnumEntry *e = lookup_key (domain_entries, G_N_ELEMENTS (domain_entries), parts[i]);

      if (e == NULL)
        return FALSE;
      domains |= e->value;
    }

  if (out_domains != NULL)
    *out_domains = domains;
  return TRUE;
}

char *
gk_domains_label (GkDomains domains)
{
  GString *label = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (domain_entries); i++)
    {
      if ((domains & domain_entries[i].value) == 0)
        continue;
      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, _(domain_entries[i].label));
    }

  return g_string_free (label, FALSE);
}

const char *
gk_level_short_label (GkLevel level)
{
  switch (level)
    {
    case GK_LEVEL_SERIOUS:
      /* Translators: short label for the level Serious, fits a chart cell */
      return C_("level short", "Serious");
    case GK_LEVEL_VIGILANT:
      return C_("level short", "Vigilant");
    case GK_LEVEL_IN_CONTROL:
      return C_("level short", "In control");
    case GK_LEVEL_NONE:
    default:
      return C_("level short", "None");
    }
}
