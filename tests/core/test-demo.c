/* test-demo.c: the demo programme is complete, tells one consistent story, is
 * the same every time for the same reference date; the large programme has
 * its size and is written fast
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-demo.h"
#include "gk-enums.h"
#include "gk-schema.h"
#include "gk-template.h"
#include "gk-demo-private.h"

/* --- helpers ------------------------------------------------------------ */

static sqlite3 *
new_db (void)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gk_schema_create (db, &error));
  g_assert_no_error (error);
  return db;
}

static sqlite3 *
new_demo (const GDate *reference)
{
  sqlite3 *db = new_db ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_demo_write (db, reference, &error));
  g_assert_no_error (error);
  return db;
}

/* The reference date of most tests: a day in the middle of a month. */
static GDate *
reference_date (void)
{
  return g_date_new_dmy (15, G_DATE_MARCH, 2026);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of every table, in id order, as text. */
static char *
dump (sqlite3 *db)
{
  GString *text = g_string_new (NULL);

  for (const char * const *table = gk_schema_tables (); *table != NULL; table++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", *table);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (text, "== %s\n", *table);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, c);

              g_string_append (text, value != NULL ? value : "NULL");
              g_string_append_c (text, '|');
            }
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (text, FALSE);
}

/* Fails with the first line where two dumps differ (not with two huge
 * strings). Walks the bytes once: splitting a dump of megabytes into lines is
 * quadratic under AddressSanitizer's string checks. */
static void
assert_same_dump (const char *a,
                  const char *b)
{
  gsize line_start = 0;
  gsize i = 0;

  while (a[i] != '\0' && a[i] == b[i])
    {
      if (a[i] == '\n')
        line_start = i + 1;
      i++;
    }
  if (a[i] != b[i])
    {
      const char *end_a = strchr (a + i, '\n');
      const char *end_b = strchr (b + i, '\n');
      g_autofree char *line_a = g_strndup (a + line_start, end_a != NULL ? (gsize) (end_a - a) - line_start : strlen (a + line_start));
      g_autofree char *line_b = g_strndup (b + line_start, end_b != NULL ? (gsize) (end_b - b) - line_start : strlen (b + line_start));

      g_assert_cmpstr (line_a, ==, line_b);
    }
}

static void
assert_sound (sqlite3 *db)
{
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (db));
}

/* Every date column holds a real YYYY-MM-DD date, every stamp is ISO 8601 UTC. */
static void
assert_dates_well_formed (sqlite3 *db)
{
  static const char * const date_columns[] = {
    "programme.start_date", "programme.end_date", "topic.target_date", "assessment.date",
    "focus_project.start_date", "focus_project.end_date", "measure.start_date",
    "measure.due_date", "measure.done_date", "measure_target.target_date",
    "indicator.baseline_date", "indicator.target_date", "measurement.period_date",
    "journal_entry.date",
  };

  for (guint i = 0; i < G_N_ELEMENTS (date_columns); i++)
    {
      g_auto(GStrv) parts = g_strsplit (date_columns[i], ".", 2);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS NOT NULL AND"
                                              " (%s NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
                                              " OR date(%s) IS NOT %s)",
                                              parts[0], parts[1], parts[1], parts[1], parts[1]);

      g_assert_cmpint (query_int (db, sql), ==, 0);
    }

  for (const char * const *table = gk_schema_tables (); *table != NULL; table++)
    {
      g_autofree char *sql = NULL;

      if (g_str_equal (*table, "change_log") || g_str_equal (*table, "revision"))
        continue;
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE updated_at NOT GLOB"
                             " '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'"
                             " OR updated_by = ''", *table);
      g_assert_cmpint (query_int (db, sql), ==, 0);
    }
}

/* --- the demo ------------------------------------------------------------ */

static void
test_people_and_programme (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);
  static const char * const roles[] = {
    "wethouder", "projectleider", "controller", "inkoper", "contractmanager",
    "beleidsmaker", "informatiemanager",
  };
  g_autofree char *programme = NULL;

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), >=, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), <=, 12);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT name) FROM person"), ==,
                   query_int (db, "SELECT count(*) FROM person"));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person WHERE role = '%s'", roles[i]);

      g_assert_cmpint (query_int (db, sql), >=, 1);
    }

  programme = query_text (db, "SELECT title || '|' || municipality || '|' || domains || '|' ||"
                              " (SELECT role FROM person WHERE id = lead_id) FROM programme");
  g_assert_cmpstr (programme, ==, "Veranderopgave jeugdhulp|Voorbeeldstad|jeugd,wmo,participatie|projectleider");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM programme WHERE start_date < '2026-03-15'"
                                  " AND end_date > '2026-03-15' AND length(ambition) > 50"), ==, 1);
  sqlite3_close (db);
}

static void
test_topics (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = gk_template_load_builtin ("nl", &error);

  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      const GkTemplateTopic *expected = gk_template_get_topic (template, i);
      g_autofree char *sql = g_strdup_printf ("SELECT name || '|' || descriptor_serious || '|' ||"
                                              " descriptor_in_control FROM topic WHERE position = %u", i);
      g_autofree char *row = query_text (db, sql);
      g_autofree char *want = g_strconcat (expected->name, "|", expected->descriptor_serious, "|",
                                           expected->descriptor_in_control, NULL);

      g_assert_cmpstr (row, ==, want);
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic WHERE name = 'Financiën' AND position = 5"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic WHERE owner_id IS NULL"
                                  " OR target_level IS NULL OR target_date IS NULL"), ==, 0);

  /* The catalogue travels with the file, in Dutch. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM catalogue_measure"), ==,
                   gk_template_get_n_catalogue_measures (template));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM catalogue_measure"
                                  " WHERE title = 'Resultaatgericht inkopen'"), ==, 1);
  sqlite3_close (db);
}

static void
test_assessments (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);

  /* At least 18 monthly assessments per topic, one per month. */
  g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM topic"
                                  " LEFT JOIN assessment ON topic_id = topic.id GROUP BY topic.id)"), >=, 18);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT topic_id FROM assessment"
                                  " GROUP BY topic_id HAVING count(DISTINCT substr(date, 1, 7)) <> count(*))"), ==, 0);
  /* They reach back at least 17 months, and the latest is recent and not in the future. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment WHERE date > '2026-03-15'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment WHERE date >= '2026-02-15'"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment WHERE date < '2024-10-01'"), ==, 9);

  /* Assessed by people, with a confidence, with rationales that vary. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment WHERE assessed_by_id IS NULL"
                                  " OR confidence NOT BETWEEN 0 AND 10 OR length(rationale) < 40"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT assessed_by_id) FROM assessment"), >=, 5);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT confidence) FROM assessment"), >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT rationale) * 100 / count(*) FROM assessment"), >=, 60);
  /* A change of level always comes with its own explanation. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment a JOIN assessment b"
                                  " ON a.topic_id = b.topic_id AND a.rationale = b.rationale"
                                  " AND a.level <> b.level"), ==, 0);
  sqlite3_close (db);
}

/* How many topics have this level in their first (or latest) assessment. */
static gint64
count_level (sqlite3    *db,
             const char *first_or_last,
             const char *level)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM assessment a WHERE a.date = (SELECT %s(date)"
                                          " FROM assessment b WHERE b.topic_id = a.topic_id) AND level = '%s'",
                                          first_or_last, level);

  return query_int (db, sql);
}

/* The roadmap moves from mostly Serious to mostly Vigilant, with some In control. */
static void
test_assessment_story (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);

  g_assert_cmpint (count_level (db, "min", "serious"), >=, 7);
  g_assert_cmpint (count_level (db, "min", "serious"), >, count_level (db, "max", "serious"));
  g_assert_cmpint (count_level (db, "min", "in-control"), ==, 0);
  g_assert_cmpint (count_level (db, "max", "vigilant"), >=, 5);
  g_assert_cmpint (count_level (db, "max", "in-control"), >=, 1);
  /* One topic is still bad: Toegang, where waiting times went up again. */
  g_assert_cmpint (count_level (db, "max", "serious"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment JOIN topic ON topic.id = topic_id"
                                  " WHERE name = 'Toegang' AND date = (SELECT max(date) FROM assessment)"
                                  " AND level = 'serious'"), ==, 1);
  sqlite3_close (db);
}

static void
test_projects (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project"), ==, 7);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT owner_id) FROM focus_project"), ==, 7);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project WHERE owner_id IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT chain_phase) FROM focus_project"
                                  " WHERE chain_phase IN ('inflow', 'throughput', 'outflow')"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project WHERE status = 'active'"), >=, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project WHERE status = 'active'"), <=, 7);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project WHERE health = 'off-track'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project WHERE name = 'Wachttijden omlaag'"
                                  " AND health = 'off-track'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project WHERE length(goal) < 40"
                                  " OR length(health_reason) < 20 OR start_date IS NULL OR end_date IS NULL"
                                  " OR budget_cents IS NULL OR budget_cents < 1000000"
                                  " OR saving_cents IS NULL OR saving_cents % 100 <> 0"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project p WHERE NOT EXISTS"
                                  " (SELECT 1 FROM project_topic WHERE project_id = p.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project WHERE name IN"
                                  " ('POH-jeugd in elke huisartsenpraktijk', 'Jeugdhulp op school',"
                                  " 'Sturen op verwijzingen', 'Resultaatgericht contracteren',"
                                  " 'Wachttijden omlaag', 'Afbouw residentieel', 'Uitstroom en nazorg')"), ==, 7);
  sqlite3_close (db);
}

static void
test_measures (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);
  const char *statuses[] = { "idea", "planned", "in-progress", "done", "dropped" };

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), >=, 40);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM measure WHERE status = '%s'", statuses[i]);

      g_assert_cmpint (query_int (db, sql), >=, 3);
    }
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM measure"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT owner_id) FROM measure"), >=, 8);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE owner_id IS NULL"
                                  " OR length(expected_effect) < 10 OR due_date IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE saving_cents > 0"), >=, 20);

  /* Every measure aims at a level of a topic. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure m WHERE NOT EXISTS"
                                  " (SELECT 1 FROM measure_target WHERE measure_id = m.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure_target WHERE target_date IS NULL"), ==, 0);

  /* Done measures are done; open ones are not. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE status = 'done'"
                                  " AND (done_date IS NULL OR progress <> 100 OR done_date > '2026-03-15')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE status <> 'done'"
                                  " AND (done_date IS NOT NULL OR progress = 100)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE status = 'in-progress'"
                                  " AND (progress = 0 OR start_date > '2026-03-15')"), ==, 0);

  /* Measures fall within their focus project. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure m JOIN focus_project p ON p.id = m.project_id"
                                  " WHERE m.start_date < p.start_date OR m.due_date > p.end_date"), ==, 0);

  /* Some are overdue. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE due_date < '2026-03-15'"
                                  " AND status IN ('idea', 'planned', 'in-progress')"), >=, 3);

  /* Every measure influences another: links of every kind. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure_link"), >=, 15);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM measure_link"), ==, 3);
  sqlite3_close (db);
}

/* The level an indicator's latest figure signals, as the grip engine defines it. */
static GkLevel
signalled_level (double value,
                 double serious,
                 double control,
                 gboolean lower_is_better)
{
  if (lower_is_better)
    return value > serious ? GK_LEVEL_SERIOUS : value > control ? GK_LEVEL_VIGILANT : GK_LEVEL_IN_CONTROL;
  return value < serious ? GK_LEVEL_SERIOUS : value < control ? GK_LEVEL_VIGILANT : GK_LEVEL_IN_CONTROL;
}

static void
test_indicators (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator"), >=, 8);
  /* At least eight indicators with 24 months of figures, up to last month. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator i WHERE frequency = 'monthly'"
                                  " AND (SELECT count(DISTINCT substr(period_date, 1, 7)) FROM measurement"
                                  "      WHERE indicator_id = i.id) >= 24"
                                  " AND (SELECT min(period_date) FROM measurement WHERE indicator_id = i.id)"
                                  "      <= '2024-03-01'"
                                  " AND (SELECT max(period_date) FROM measurement WHERE indicator_id = i.id)"
                                  "      = '2026-02-01'"), >=, 8);
  /* The quarterly one covers two years too. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator i WHERE frequency = 'quarterly'"
                                  " AND (SELECT count(*) FROM measurement WHERE indicator_id = i.id) = 8"
                                  " AND (SELECT min(period_date) FROM measurement WHERE indicator_id = i.id)"
                                  "      = '2024-01-01'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measurement WHERE period_date > '2026-03-15'"
                                  " OR substr(period_date, 9, 2) <> '01'"), ==, 0);

  /* Complete definitions, with signal values that respect the direction. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator WHERE baseline_value IS NULL"
                                  " OR baseline_date IS NULL OR target_value IS NULL OR target_date IS NULL"
                                  " OR signal_serious IS NULL OR signal_control IS NULL OR source = ''"
                                  " OR length(description) < 30"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator WHERE NOT"
                                  " ((direction = 'lower' AND signal_serious > signal_control"
                                  "   AND target_value <= signal_control AND baseline_value > target_value)"
                                  " OR (direction = 'higher' AND signal_serious < signal_control"
                                  "   AND target_value >= signal_control AND baseline_value < target_value))"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator WHERE name = 'Hulpvragen die het lokale"
                                  " team zelf afhandelt' AND target_value = 75 AND unit = 'percent'"
                                  " AND direction = 'higher'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT unit) FROM indicator"), >=, 5);

  /* Linked to topics and projects, with notes on some figures. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator i WHERE NOT EXISTS"
                                  " (SELECT 1 FROM indicator_topic WHERE indicator_id = i.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT project_id) FROM indicator_project"), >=, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measurement WHERE note <> ''"), >=, 8);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measurement WHERE entered_by = ''"), ==, 0);
  sqlite3_close (db);
}

/* The figures tell the same story as the assessments: most improve from their
 * baseline, one is still bad (waiting times), and every topic's latest
 * assessment equals the most serious level its indicators signal. */
static void
assert_figures_match_story (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint improved = 0, serious = 0, in_control = 0, n = 0;
  g_autoptr(GHashTable) topic_signal = g_hash_table_new (NULL, NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "SELECT i.id, i.name, i.direction = 'lower', i.baseline_value, i.signal_serious,"
                   " i.signal_control, (SELECT value FROM measurement m WHERE m.indicator_id = i.id"
                   " ORDER BY period_date DESC LIMIT 1) FROM indicator i ORDER BY i.id",
                   -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gboolean lower = sqlite3_column_int (stmt, 2);
      double baseline = sqlite3_column_double (stmt, 3);
      double latest = sqlite3_column_double (stmt, 6);
      GkLevel level = signalled_level (latest, sqlite3_column_double (stmt, 4),
                                       sqlite3_column_double (stmt, 5), lower);
      g_autofree char *sql = g_strdup_printf ("SELECT topic_id FROM indicator_topic WHERE indicator_id = %"
                                              G_GINT64_FORMAT, id);
      sqlite3_stmt *topics = NULL;

      if (g_test_verbose ())
        g_test_message ("%s: baseline %.1f, latest %.1f, %s", name, baseline, latest, gk_level_to_key (level));
      n++;
      if (lower ? latest < baseline : latest > baseline)
        improved++;
      if (level == GK_LEVEL_SERIOUS)
        {
          serious++;
          g_assert_cmpstr (name, ==, "Wachttijd jeugdhulp in weken");
        }
      if (level == GK_LEVEL_IN_CONTROL)
        in_control++;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &topics, NULL), ==, SQLITE_OK);
      while (sqlite3_step (topics) == SQLITE_ROW)
        {
          gpointer key = GINT_TO_POINTER (sqlite3_column_int (topics, 0));
          GkLevel worst = GPOINTER_TO_INT (g_hash_table_lookup (topic_signal, key));

          if (worst == GK_LEVEL_NONE || level < worst)
            g_hash_table_insert (topic_signal, key, GINT_TO_POINTER (level));
        }
      sqlite3_finalize (topics);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (improved, ==, n - 1);
  g_assert_cmpuint (serious, ==, 1);
  g_assert_cmpuint (in_control, >=, 1);

  g_assert_cmpuint (g_hash_table_size (topic_signal), >=, 6);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "SELECT topic_id, level FROM assessment a WHERE date ="
                   " (SELECT max(date) FROM assessment b WHERE b.topic_id = a.topic_id)",
                   -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gpointer key = GINT_TO_POINTER (sqlite3_column_int (stmt, 0));
      GkLevel assessed = GK_LEVEL_NONE;

      g_assert_true (gk_level_from_key ((const char *) sqlite3_column_text (stmt, 1), &assessed));
      if (g_hash_table_contains (topic_signal, key))
        g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (topic_signal, key)), ==, assessed);
    }
  sqlite3_finalize (stmt);
}

/* The figures have a yearly cycle, so check the story for "today" in every month. */
static void
test_figures_match_story (void)
{
  for (int month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      g_autoptr(GDate) reference = g_date_new_dmy (15, (GDateMonth) month, 2026);
      sqlite3 *db = new_demo (reference);

      assert_figures_match_story (db);
      sqlite3_close (db);
    }
}

static void
test_journal (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry"), >=, 20);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM journal_entry"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry WHERE kind = 'decision'"), >=, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry WHERE kind = 'risk'"), >=, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry WHERE topic_id IS NULL"
                                  " AND project_id IS NULL AND measure_id IS NULL"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry WHERE topic_id IS NOT NULL"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry WHERE project_id IS NOT NULL"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry WHERE measure_id IS NOT NULL"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry WHERE date > '2026-03-15'"
                                  " OR author NOT IN (SELECT name FROM person)"), ==, 0);
  sqlite3_close (db);
}

static void
test_sound (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);

  assert_sound (db);
  assert_dates_well_formed (db);
  /* Rows are stamped from the reference date and the story's moments,
   * never from the clock, and nothing happened after the reference date. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE updated_at > '2026-03-15T09:00:00Z'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log WHERE changed_at > '2026-03-15T09:00:00Z'"), ==, 0);
  sqlite3_close (db);
}

/* The history is a team's two years: every kind of record, each change by
 * a person of the programme, month after month, in the order it happened. */
static void
test_history (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);

  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT changed_by) FROM change_log"), >=, 7);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log"
                                  " WHERE changed_by NOT IN (SELECT name FROM person)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT substr(changed_at, 1, 7)) FROM change_log"), >=, 18);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT table_name) FROM change_log"), ==, 5);
  /* Numbered in the order of time. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log a JOIN change_log b ON b.id = a.id + 1"
                                  " WHERE b.changed_at < a.changed_at"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT min(id) FROM change_log"), ==, 1);

  /* Every figure and assessment was entered once, after its period or on
   * its date, by whoever the row names. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measurement"), ==,
                   query_int (db, "SELECT count(*) FROM change_log WHERE table_name = 'measurement'"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measurement f JOIN change_log c"
                                  " ON c.table_name = 'measurement' AND c.row_id = f.id"
                                  " WHERE c.changed_at < f.period_date OR c.changed_by <> f.entered_by"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment a JOIN change_log c"
                                  " ON c.table_name = 'assessment' AND c.row_id = a.id"
                                  " WHERE substr(c.changed_at, 1, 10) <> a.date"), ==, 0);

  /* A done measure moved through several reports to done, by its owner,
   * and its last change is the one that made it done. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log c JOIN measure m ON c.row_id = m.id"
                                  " WHERE c.table_name = 'measure' AND m.title = 'Convenant met de huisartsenkring'"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log c JOIN measure m ON c.row_id = m.id"
                                  " JOIN person p ON p.id = m.owner_id"
                                  " WHERE c.table_name = 'measure' AND c.changed_by <> p.name"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure m WHERE status = 'done' AND updated_at <>"
                                  " (SELECT max(changed_at) FROM change_log WHERE table_name = 'measure' AND row_id = m.id)"), ==, 0);

  /* Projects went active, and one was at risk for a while and recovered. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log WHERE table_name = 'focus_project'"
                                  " AND summary LIKE '%(status)%'"), ==,
                   query_int (db, "SELECT count(*) FROM focus_project WHERE status = 'active'"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log c JOIN focus_project p ON c.row_id = p.id"
                                  " WHERE c.table_name = 'focus_project' AND p.name = 'Resultaatgericht contracteren'"
                                  " AND c.summary LIKE '%health%'"), >=, 2);
  sqlite3_close (db);
}

static void
test_deterministic (void)
{
  g_autoptr(GDate) reference = reference_date ();
  g_autoptr(GDate) other = g_date_new_dmy (1, G_DATE_OCTOBER, 2025);
  sqlite3 *a = new_demo (reference);
  sqlite3 *b = new_demo (reference);
  sqlite3 *c = new_demo (other);
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *dump_c = dump (c);

  g_assert_cmpuint (strlen (dump_a), >, 50000);
  assert_same_dump (dump_a, dump_b);
  g_assert_false (g_str_equal (dump_a, dump_c));
  sqlite3_close (a);
  sqlite3_close (b);
  sqlite3_close (c);
}

/* All dates move with the reference date. */
static void
test_relative_dates (void)
{
  g_autoptr(GDate) other = g_date_new_dmy (1, G_DATE_OCTOBER, 2025);
  sqlite3 *db = new_demo (other);
  g_autofree char *latest_assessment = query_text (db, "SELECT max(date) FROM assessment");
  g_autofree char *latest_period = query_text (db, "SELECT max(period_date) FROM measurement");
  g_autofree char *latest_entry = query_text (db, "SELECT max(date) FROM journal_entry");

  g_assert_cmpstr (latest_assessment, ==, "2025-09-29");
  g_assert_cmpstr (latest_period, ==, "2025-09-01");
  g_assert_cmpstr (latest_entry, <=, "2025-10-01");
  g_assert_cmpstr (latest_entry, >=, "2025-09-20");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure WHERE due_date < '2025-10-01'"
                                  " AND status IN ('planned', 'in-progress')"), >=, 3);
  sqlite3_close (db);
}

/* Month arithmetic at awkward reference dates still gives real dates. */
static void
test_awkward_reference_dates (void)
{
  static const int dates[][3] = {
    { 31, 1, 2026 }, { 29, 2, 2028 }, { 31, 12, 2025 }, { 1, 1, 2026 }, { 31, 5, 2027 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GDate) reference = g_date_new_dmy (dates[i][0], dates[i][1], dates[i][2]);
      sqlite3 *db = new_demo (reference);

      assert_sound (db);
      assert_dates_well_formed (db);
      g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM assessment"
                                      " GROUP BY topic_id)"), ==, 19);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT topic_id FROM assessment GROUP BY"
                                      " topic_id HAVING count(DISTINCT substr(date, 1, 7)) <> count(*))"), ==, 0);
      sqlite3_close (db);
    }
}

static void
test_refuses_non_empty_file (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_demo (reference);
  g_autoptr(GError) error = NULL;
  gint64 measures = query_int (db, "SELECT count(*) FROM measure");

  g_assert_false (gk_demo_write (db, reference, &error));
  g_assert_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  g_assert_false (gk_demo_write_large (db, reference, &error));
  g_assert_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), ==, measures);
  sqlite3_close (db);
}

/* A failure half-way leaves the file as it was. */
static void
test_atomic (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_db ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON journal_entry"
                                     " BEGIN SELECT raise(ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (gk_demo_write (db, reference, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "refused"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (db));
  sqlite3_close (db);
}

/* Inside a transaction of the caller, the demo becomes part of it. */
static void
test_inside_caller_transaction (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_db ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gk_demo_write (db, reference, &error));
  g_assert_no_error (error);
  g_assert_false (sqlite3_get_autocommit (db));
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), ==, 0);
  sqlite3_close (db);
}

/* --- the large programme ------------------------------------------------- */

static void
test_large (void)
{
  g_autoptr(GDate) reference = reference_date ();
  sqlite3 *db = new_db ();
  sqlite3 *again = new_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_db = NULL;
  g_autofree char *dump_again = NULL;

  /* (How fast: bench-core prints the time it takes on disk.) */
  g_assert_true (gk_demo_write_large (db, reference, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 40);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM assessment"), ==, 9 * 60);
  g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM assessment GROUP BY topic_id)"), ==, 60);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM focus_project"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT owner_id) FROM focus_project"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure"), ==, 400);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM measure"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure m WHERE NOT EXISTS"
                                  " (SELECT 1 FROM measure_target WHERE measure_id = m.id)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measure_link"), >=, 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator"), ==, 60);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measurement"), ==, 60 * 260);
  g_assert_cmpint (query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM measurement GROUP BY indicator_id)"), ==, 260);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal_entry"), ==, 2000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM catalogue_measure"), >=, 30);
  assert_sound (db);
  assert_dates_well_formed (db);

  g_assert_true (gk_demo_write_large (again, reference, &error));
  g_assert_no_error (error);
  dump_db = dump (db);
  dump_again = dump (again);
  assert_same_dump (dump_db, dump_again);
  sqlite3_close (db);
  sqlite3_close (again);
}

/* The same on disk, in one transaction (bench-core times it). */
static void
test_large_on_disk (void)
{
  g_autoptr(GDate) reference = reference_date ();
  g_autofree char *dir = g_dir_make_tmp ("gk-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.gripkaart", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (dir);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gk_schema_create (db, &error));

  g_assert_true (gk_demo_write_large (db, reference, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM measurement"), ==, 60 * 260);
  sqlite3_close (db);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/people-and-programme", test_people_and_programme);
  g_test_add_func ("/demo/topics", test_topics);
  g_test_add_func ("/demo/assessments", test_assessments);
  g_test_add_func ("/demo/assessment-story", test_assessment_story);
  g_test_add_func ("/demo/projects", test_projects);
  g_test_add_func ("/demo/measures", test_measures);
  g_test_add_func ("/demo/indicators", test_indicators);
  g_test_add_func ("/demo/figures-match-story", test_figures_match_story);
  g_test_add_func ("/demo/journal", test_journal);
  g_test_add_func ("/demo/sound", test_sound);
  g_test_add_func ("/demo/history", test_history);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/relative-dates", test_relative_dates);
  g_test_add_func ("/demo/awkward-reference-dates", test_awkward_reference_dates);
  g_test_add_func ("/demo/refuses-non-empty-file", test_refuses_non_empty_file);
  g_test_add_func ("/demo/atomic", test_atomic);
  g_test_add_func ("/demo/inside-caller-transaction", test_inside_caller_transaction);
  g_test_add_func ("/demo/large", test_large);
  g_test_add_func ("/demo/large-on-disk", test_large_on_disk);

  return g_test_run ();
}
