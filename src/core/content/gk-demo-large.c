/* gk-demo-large.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The large programme of gk_demo_write_large(): far more of everything than
 * a real programme has, with levels and figures from a random generator of
 * a fixed seed, so that the benchmarks measure the same rows every time.
 */
#include "config.h"

#include <math.h>

#include "gk-demo-private.h"
#include "gk-demo-writer.h"

#define LARGE_SEED 4242

#define LARGE_PEOPLE 40
#define LARGE_TOPICS 9
#define LARGE_ASSESSMENTS 60
#define LARGE_PROJECTS 12
#define LARGE_MEASURES 400
#define LARGE_INDICATORS 60
#define LARGE_MEASUREMENTS 260
#define LARGE_JOURNAL 2000

static const char * const first_names[] = {
  "Anna", "Bram", "Chantal", "Daan", "Eva", "Floor", "Gijs", "Hanna", "Ilse", "Jeroen",
  "Karim", "Lotte", "Mehmet", "Nina", "Olaf", "Priya", "Quinten", "Rosa", "Sven", "Tamara",
};

static const char * const last_names[] = {
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
  "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
  "van Leeuwen", "Dekker", "Brouwer",
};

static const char * const large_themes[] = {
  "Toegang", "Preventie", "Inkoop", "Contractmanagement", "Wachttijden", "Verblijf",
  "Uitstroom", "Verwijzers", "Onderwijs", "Wmo-hulpmiddelen", "Beschermd wonen", "Participatie",
};

static const GkRole large_roles[] = {
  GK_ROLE_BELEIDSMAKER, GK_ROLE_UITVOERDER, GK_ROLE_CONTROLLER, GK_ROLE_INKOPER,
  GK_ROLE_CONTRACTMANAGER, GK_ROLE_INFORMATIEMANAGER, GK_ROLE_UITVOERDER, GK_ROLE_BELEIDSMAKER,
};

static GkLevel
next_level (GkDemoWriter *w,
            GkLevel       level)
{
  double dice = g_rand_double (w->rand);

  /* Mostly holding, improving more often than worsening. */
  if (dice < 0.12 && level < GK_LEVEL_IN_CONTROL)
    return level + 1;
  if (dice > 0.94 && level > GK_LEVEL_SERIOUS)
    return level - 1;
  return level;
}

static void
write_large (GkDemoWriter *w)
{
  static const GkMeasureStatus statuses[] = {
    GK_MEASURE_STATUS_IN_PROGRESS, GK_MEASURE_STATUS_PLANNED, GK_MEASURE_STATUS_DONE,
    GK_MEASURE_STATUS_IDEA, GK_MEASURE_STATUS_IN_PROGRESS, GK_MEASURE_STATUS_DONE,
    GK_MEASURE_STATUS_DROPPED, GK_MEASURE_STATUS_PLANNED,
  };
  static const GkUnit units[] = {
    GK_UNIT_EURO, GK_UNIT_COUNT, GK_UNIT_PERCENT, GK_UNIT_DAYS, GK_UNIT_WEEKS, GK_UNIT_OTHER,
  };
  const char *lead;
  g_autofree char *lead_name = NULL;
  gint64 person_ids[LARGE_PEOPLE + 1] = { 0 };
  gint64 topic_ids[LARGE_TOPICS + 1] = { 0 };
  gint64 project_ids[LARGE_PROJECTS] = { 0 };
  gint64 measure_ids[LARGE_MEASURES] = { 0 };

  for (int p = 1; p <= LARGE_PEOPLE; p++)
    {
      int i = p - 1;
      /* The shift by i / 20 keeps every combination of names unique. */
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[(i * 7 + i / 20) % G_N_ELEMENTS (last_names)]);
      GkRole role = p == 1 ? GK_ROLE_PROJECTLEIDER : p == 2 ? GK_ROLE_WETHOUDER
                    : large_roles[i % G_N_ELEMENTS (large_roles)];

      person_ids[p] = gk_demo_writer_run (w, "INSERT INTO person (name, role, email, updated_at, updated_by)"
                                             " VALUES (?, ?, ?, ?, ?)", "sssTs",
                                          name, gk_role_to_key (role), "", "benchmark");
      if (p == 1)
        lead_name = g_steal_pointer (&name);
    }
  lead = lead_name != NULL ? lead_name : "benchmark";

  gk_demo_writer_run (w,
                      "INSERT INTO programme (id, title, municipality, domains, lead_id, start_date, end_date,"
                      " ambition, review_cycle, headline_rule, updated_at, updated_by)"
                      " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "sssNsssssTs",
                      "Grote veranderopgave sociaal domein", "Grootstad", "jeugd,wmo,participatie",
                      person_ids[1], gk_demo_month_start_text (w, -LARGE_ASSESSMENTS), gk_demo_month_end_text (w, 24),
                      "Een programma dat groter is dan een echt programma, om de snelheid te meten.",
                      "monthly", "worst", lead);

  gk_demo_write_template (w, lead, topic_ids, LARGE_TOPICS);

  for (int t = 1; t <= LARGE_TOPICS; t++)
    {
      GkLevel level = GK_LEVEL_SERIOUS;

      gk_demo_writer_run (w, "UPDATE topic SET owner_id = ?, target_level = ?, target_date = ? WHERE id = ?",
                          "NssI", person_ids[t + 2], "in-control", gk_demo_month_end_text (w, 12 + t), topic_ids[t]);
      for (int a = 0; a < LARGE_ASSESSMENTS; a++)
        {
          g_autofree char *rationale = g_strdup_printf ("Gripmeting %d van onderwerp %d.", a + 1, t);

          level = next_level (w, level);
          gk_demo_writer_run (w,
                              "INSERT INTO assessment (topic_id, date, level, rationale, confidence,"
                              " assessed_by_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              "IsssiNTs",
                              topic_ids[t], gk_demo_months_and_days_from_reference (w, a - (LARGE_ASSESSMENTS - 1), -1),
                              gk_level_to_key (level), rationale, g_rand_int_range (w->rand, 3, 10),
                              person_ids[t + 2], lead);
        }
    }

  for (int p = 0; p < LARGE_PROJECTS; p++)
    {
      g_autofree char *name = g_strdup_printf ("Focusproject %s", large_themes[p]);
      g_autofree char *goal = g_strdup_printf ("Doel van focusproject %s.", large_themes[p]);
      GkProjectStatus status = p == 10 ? GK_PROJECT_STATUS_PAUSED
                               : p == 11 ? GK_PROJECT_STATUS_DONE : GK_PROJECT_STATUS_ACTIVE;

      project_ids[p] = gk_demo_writer_run (w,
                                           "INSERT INTO focus_project (name, goal, owner_id, chain_phase, domains,"
                                           " status, health, health_reason, start_date, end_date, budget_cents,"
                                           " saving_cents, position, updated_at, updated_by)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                           "ssNsssssssIIiTs",
                                           name, goal, person_ids[p + 3],
                                           gk_chain_phase_to_key ((GkChainPhase) (p % 4)), "jeugd",
                                           gk_project_status_to_key (status),
                                           gk_health_to_key ((GkHealth) (p % 3)), "Toelichting op de status.",
                                           gk_demo_month_start_text (w, -36 + p), gk_demo_month_end_text (w, 12 + p),
                                           (gint64) (100000 + 25000 * p) * 100, (gint64) (200000 + 50000 * p) * 100,
                                           p, lead);
      gk_demo_writer_run (w, "INSERT INTO project_topic (project_id, topic_id, updated_at, updated_by)"
                             " VALUES (?, ?, ?, ?)", "IITs", project_ids[p], topic_ids[1 + p % LARGE_TOPICS], lead);
      gk_demo_writer_run (w, "INSERT INTO project_topic (project_id, topic_id, updated_at, updated_by)"
                             " VALUES (?, ?, ?, ?)", "IITs", project_ids[p], topic_ids[1 + (p + 4) % LARGE_TOPICS], lead);
    }

  for (int m = 0; m < LARGE_MEASURES; m++)
    {
      g_autofree char *title = g_strdup_printf ("Maatregel %d: %s", m + 1, large_themes[m % LARGE_PROJECTS]);
      GkMeasureStatus status = statuses[m % G_N_ELEMENTS (statuses)];
      gboolean done = status == GK_MEASURE_STATUS_DONE;
      /* A finished measure started in the past: its done date (at the latest
       * today) must not come before its start date. */
      int start = done ? g_rand_int_range (w->rand, -720, -30) : g_rand_int_range (w->rand, -720, 180);
      int due = start + g_rand_int_range (w->rand, 30, 400);

      measure_ids[m] = gk_demo_writer_run (w,
                                           "INSERT INTO measure (project_id, title, description, owner_id, status,"
                                           " kind, start_date, due_date, done_date, progress, expected_effect,"
                                           " saving_cents, position, updated_at, updated_by)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                           "IssNsssssisNiTs",
                                           project_ids[m % LARGE_PROJECTS], title, "Beschrijving van de maatregel.",
                                           person_ids[1 + (m * 7) % LARGE_PEOPLE],
                                           gk_measure_status_to_key (status),
                                           gk_measure_kind_to_key ((GkMeasureKind) (m % 2)),
                                           gk_demo_days_from_reference (w, start), gk_demo_days_from_reference (w, due),
                                           done ? gk_demo_days_from_reference (w, MIN (due, 0)) : NULL,
                                           done ? 100 : g_rand_int_range (w->rand, 0, 100),
                                           "Verwacht effect van de maatregel.",
                                           (gint64) g_rand_int_range (w->rand, 0, 50000) * 100,
                                           m / LARGE_PROJECTS, lead);
      gk_demo_writer_run (w, "INSERT INTO measure_target (measure_id, topic_id, target_level, target_date,"
                             " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)", "IIssTs",
                          measure_ids[m], topic_ids[1 + m % LARGE_TOPICS], "vigilant",
                          gk_demo_days_from_reference (w, due + 30), lead);
      if (m % 2 == 0)
        gk_demo_writer_run (w, "INSERT INTO measure_target (measure_id, topic_id, target_level, target_date,"
                               " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)", "IIssTs",
                            measure_ids[m], topic_ids[1 + (m + 4) % LARGE_TOPICS], "in-control",
                            gk_demo_days_from_reference (w, due + 180), lead);
    }

  for (int m = 0; m < LARGE_MEASURES; m++)
    {
      static const struct { int every; int offset; GkLinkKind kind; } rules[] = {
        { 3, 1, GK_LINK_KIND_REINFORCES },
        { 4, 5, GK_LINK_KIND_DEPENDS_ON },
        { 17, 11, GK_LINK_KIND_CONFLICTS_WITH },
      };

      for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
        if (m % rules[r].every == 0)
          gk_demo_writer_run (w, "INSERT INTO measure_link (from_measure_id, to_measure_id, kind, updated_at,"
                                 " updated_by) VALUES (?, ?, ?, ?, ?)", "IIsTs",
                              measure_ids[m], measure_ids[(m + rules[r].offset) % LARGE_MEASURES],
                              gk_link_kind_to_key (rules[r].kind), lead);
    }

  for (int k = 0; k < LARGE_INDICATORS; k++)
    {
      g_autofree char *name = g_strdup_printf ("Indicator %d", k + 1);
      GkDirection direction = k % 2 == 0 ? GK_DIRECTION_LOWER_IS_BETTER : GK_DIRECTION_HIGHER_IS_BETTER;
      gboolean lower = direction == GK_DIRECTION_LOWER_IS_BETTER;
      double baseline = 100.0 + 10 * k;
      double value = baseline;
      gint64 id;

      id = gk_demo_writer_run (w,
                               "INSERT INTO indicator (name, description, unit, direction, frequency,"
                               " baseline_value, baseline_date, target_value, target_date, signal_serious,"
                               " signal_control, source, position, updated_at, updated_by)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               "sssssfsfsffsiTs",
                               name, "Benchmarkindicator.", gk_unit_to_key (units[k % G_N_ELEMENTS (units)]),
                               gk_direction_to_key (direction), "monthly",
                               baseline, gk_demo_month_start_text (w, -LARGE_MEASUREMENTS),
                               lower ? baseline * 0.8 : baseline * 1.2, gk_demo_month_end_text (w, 12),
                               lower ? baseline * 1.05 : baseline * 0.95,
                               lower ? baseline * 0.9 : baseline * 1.1,
                               "Benchmark", k, lead);
      gk_demo_writer_run (w, "INSERT INTO indicator_topic (indicator_id, topic_id, updated_at, updated_by)"
                             " VALUES (?, ?, ?, ?)", "IITs", id, topic_ids[1 + k % LARGE_TOPICS], lead);
      gk_demo_writer_run (w, "INSERT INTO indicator_project (indicator_id, project_id, updated_at, updated_by)"
                             " VALUES (?, ?, ?, ?)", "IITs", id, project_ids[k % LARGE_PROJECTS], lead);

      for (int i = 0; i < LARGE_MEASUREMENTS; i++)
        {
          gk_demo_writer_run (w,
                              "INSERT INTO measurement (indicator_id, period_date, value, note, entered_by,"
                              " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              "IsfssTs",
                              id, gk_demo_month_start_text (w, i - LARGE_MEASUREMENTS), round (value * 10) / 10,
                              i % 25 == 0 ? "Toelichting bij deze meting." : "", lead, lead);
          value = MAX (0.0, value + g_rand_double_range (w->rand, -0.03, 0.025) * baseline);
        }
    }

  for (int j = 0; j < LARGE_JOURNAL; j++)
    {
      g_autofree char *text = g_strdup_printf ("Logboekregel %d over de voortgang van het programma.", j + 1);
      int belongs = j % 4;

      gk_demo_writer_run (w, "INSERT INTO journal_entry (date, author, kind, text, topic_id, project_id,"
                             " measure_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "ssssNNNTs",
                          gk_demo_days_from_reference (w, -((j * 913) % 1800)), lead,
                          gk_journal_kind_to_key ((GkJournalKind) (j % 3)), text,
                          belongs == 1 ? topic_ids[1 + j % LARGE_TOPICS] : (gint64) 0,
                          belongs == 2 ? project_ids[j % LARGE_PROJECTS] : (gint64) 0,
                          belongs == 3 ? measure_ids[j % LARGE_MEASURES] : (gint64) 0,
                          lead);
    }
}

gboolean
gk_demo_write_large (sqlite3      *db,
                     const GDate  *reference,
                     GError      **error)
{
  return gk_demo_write_atomically (db, reference, LARGE_SEED, write_large, error);
}

