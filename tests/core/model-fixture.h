/* model-fixture.h: a small programme with rows in every table, and probes,
 * shared by the tests of the model (test-document, test-undo, test-validation)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <sqlite3.h>

#include "gk-document.h"
#include "gk-schema.h"
#include "gk-document-private.h"

#define STAMP "1, '2026-01-01T00:00:00Z', 'seed'"

/* Rows deliberately stored out of their list order, so that loading must sort. */
static const char seed_sql[] G_GNUC_UNUSED =
  "INSERT INTO person (id, name, role, email, version, updated_at, updated_by) VALUES"
  " (1, 'Fatima el Amrani', 'projectleider', 'f.elamrani@example.nl', " STAMP "),"
  " (2, 'Jan de Vries', 'controller', '', " STAMP "),"
  " (3, 'Anouk Bakker', 'inkoper', '', " STAMP ");"
  "INSERT INTO programme (id, title, municipality, domains, lead_id, start_date, end_date, ambition,"
  " review_cycle, headline_rule, version, updated_at, updated_by) VALUES"
  " (1, 'Grip op het sociaal domein', 'Gemeente Voorbeeld', 'jeugd,wmo', 1, '2026-01-01', '2027-12-31',"
  " 'Binnen budget', 'quarterly', 'median', " STAMP ");"
  "INSERT INTO topic (id, name, position, target_level, target_date, owner_id, version, updated_at,"
  " updated_by) VALUES"
  " (1, 'Inkoop', 1, 'in-control', '2026-12-31', 3, " STAMP "),"
  " (2, 'Toegang', 0, NULL, NULL, NULL, " STAMP "),"
  " (3, 'Financiën', 2, 'vigilant', NULL, 2, " STAMP ");"
  "INSERT INTO assessment (id, topic_id, date, level, rationale, confidence, assessed_by_id, version,"
  " updated_at, updated_by) VALUES"
  " (1, 1, '2026-02-01', 'serious', 'Te veel aanbieders', 6, 1, " STAMP "),"
  " (2, 1, '2026-01-01', 'serious', 'Nulmeting', 5, NULL, " STAMP "),"
  " (3, 2, '2026-02-01', 'vigilant', 'Wachtlijst daalt', 7, 2, " STAMP ");"
  "INSERT INTO focus_project (id, name, goal, owner_id, chain_phase, domains, status, health, start_date,"
  " end_date, budget_cents, saving_cents, position, version, updated_at, updated_by) VALUES"
  " (1, 'Wijkteams versterken', 'Minder doorverwijzing', 1, 'inflow', 'jeugd', 'active', 'at-risk',"
  " '2026-01-01', '2026-12-31', 12500000, NULL, 1, " STAMP "),"
  " (2, 'Contractering herzien', '', NULL, 'throughput', 'jeugd,wmo,participatie', 'draft', 'on-track',"
  " NULL, NULL, NULL, -500, 0, " STAMP ");"
  "INSERT INTO project_topic (id, project_id, topic_id, version, updated_at, updated_by) VALUES"
  " (1, 1, 2, " STAMP "), (2, 2, 1, " STAMP ");"
  "INSERT INTO measure (id, project_id, title, owner_id, status, kind, start_date, due_date, done_date,"
  " progress, saving_cents, position, version, updated_at, updated_by) VALUES"
  " (1, 1, 'Praktijkondersteuner bij de huisarts', 2, 'in-progress', 'quick-win', '2026-01-15',"
  " '2026-06-30', NULL, 40, 2500000, 0, " STAMP "),"
  " (2, 1, 'Triage aan de voorkant', NULL, 'done', 'structural', '2026-01-01', '2026-03-01',"
  " '2026-02-20', 100, NULL, 1, " STAMP "),"
  " (3, 2, 'Minder aanbieders', 3, 'planned', 'structural', NULL, NULL, NULL, 0, NULL, 0, " STAMP ");"
  "INSERT INTO measure_target (id, measure_id, topic_id, target_level, target_date, version, updated_at,"
  " updated_by) VALUES"
  " (1, 1, 2, 'vigilant', '2026-06-30', " STAMP "), (2, 3, 1, 'in-control', NULL, " STAMP ");"
  "INSERT INTO measure_link (id, from_measure_id, to_measure_id, kind, version, updated_at, updated_by)"
  " VALUES (1, 1, 2, 'reinforces', " STAMP "), (2, 3, 1, 'conflicts-with', " STAMP ");"
  "INSERT INTO indicator (id, name, unit, direction, frequency, baseline_value, baseline_date,"
  " target_value, target_date, signal_serious, signal_control, source, position, version, updated_at,"
  " updated_by) VALUES"
  " (1, 'Kosten jeugdhulp per jeugdige', 'euro', 'lower', 'monthly', 5200.5, '2025-12-01', 4500,"
  " '2026-12-31', 5000, 4700, 'Financieel systeem', 0, " STAMP "),"
  " (2, 'Tevredenheid cliënten', 'percent', 'higher', 'quarterly', NULL, NULL, NULL, NULL, NULL, NULL,"
  " '', 1, " STAMP ");"
  "INSERT INTO indicator_topic (id, indicator_id, topic_id, version, updated_at, updated_by) VALUES"
  " (1, 1, 3, " STAMP "), (2, 2, 2, " STAMP ");"
  "INSERT INTO indicator_project (id, indicator_id, project_id, version, updated_at, updated_by) VALUES"
  " (1, 1, 1, " STAMP ");"
  "INSERT INTO measurement (id, indicator_id, period_date, value, note, entered_by, version, updated_at,"
  " updated_by) VALUES"
  " (1, 1, '2026-02-01', 5100, '', 'Jan', " STAMP "),"
  " (2, 1, '2026-01-01', 5150.25, 'januari', '', " STAMP "),"
  " (3, 2, '2026-01-01', 71, '', '', " STAMP ");"
  "INSERT INTO journal_entry (id, date, author, kind, text, topic_id, project_id, measure_id, version,"
  " updated_at, updated_by) VALUES"
  " (1, '2026-01-10', 'Fatima', 'decision', 'Besloten tot triage', NULL, 1, NULL, " STAMP "),"
  " (2, '2026-02-10', 'Jan', 'risk', 'Budget loopt uit', NULL, NULL, NULL, " STAMP "),"
  " (3, '2026-01-10', 'Jan', 'progress', 'Gestart', NULL, NULL, 2, " STAMP ");"
  "INSERT INTO catalogue_measure (id, topic_name, title, description, kind, expected_effect,"
  " chain_phase, version, updated_at, updated_by) VALUES"
  " (1, 'Inkoop', 'Resultaatgericht inkopen', '', 'structural', 'Lagere kosten', 'throughput', " STAMP "),"
  " (2, 'Toegang', 'Praktijkondersteuner jeugd', '', 'quick-win', 'Minder verwijzingen', 'inflow', " STAMP ");";

static inline sqlite3 *
fixture_db_new (gboolean seed)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (gk_schema_create (db, &error));
  g_assert_no_error (error);
  if (seed)
    {
      char *errmsg = NULL;

      if (sqlite3_exec (db, seed_sql, NULL, NULL, &errmsg) != SQLITE_OK)
        g_error ("seed: %s", errmsg);
    }
  return db;
}

static inline GkDocument *
fixture_document_new (sqlite3 *db)
{
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_new_for_db (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  gk_document_set_user_name (document, "Tester");
  return document;
}

static inline gint64
fixture_query_int (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static inline char *
fixture_query_text (sqlite3    *db,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static inline gint64
fixture_row_count (sqlite3    *db,
                   const char *table,
                   gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);

  return fixture_query_int (db, sql);
}

static inline gint64
fixture_total (sqlite3    *db,
               const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return fixture_query_int (db, sql);
}

/* A fingerprint of every row of every table except change_log. */
static inline char *
fixture_dump (sqlite3 *db)
{
  const char * const *tables = gk_schema_tables ();
  GString *dump = g_string_new (NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (g_str_equal (tables[t], "change_log"))
        continue;
      sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append_printf (dump, "%s:", tables[t]);
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *name = sqlite3_column_name (stmt, i);

              /* Versions and stamps legitimately move on. */
              if (g_str_equal (name, "version") || g_str_equal (name, "updated_at") ||
                  g_str_equal (name, "updated_by"))
                continue;
              g_string_append_printf (dump, "|%s", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                      ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (dump, FALSE);
}

/* ---- probes ---------------------------------------------------------------- */

typedef struct {
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static inline void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (log, change);
}

/* Records items-changed of @model into the returned array until it is freed
 * (disconnect with fixture_unwatch()). */
static inline GArray *
fixture_watch_list (GListModel *model)
{
  GArray *log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);
  return log;
}

static inline void
fixture_unwatch_list (GListModel *model,
                      GArray     *log)
{
  g_signal_handlers_disconnect_by_data (model, log);
  g_array_unref (log);
}

static inline void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static inline GPtrArray *
fixture_watch_notify (gpointer object)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (object, "notify", G_CALLBACK (on_notify), names);
  return names;
}

static inline void
fixture_unwatch_notify (gpointer   object,
                        GPtrArray *names)
{
  g_signal_handlers_disconnect_by_data (object, names);
  g_ptr_array_unref (names);
}

static inline gboolean
fixture_notified (GPtrArray  *names,
                  const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (names->pdata[i], name))
      return TRUE;
  return FALSE;
}

static inline guint
fixture_position (GListModel *model,
                  gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return G_MAXUINT;
}

/* Checks that a list model is sorted by its document's order: every list is
 * given as (list, comparison of neighbours) in the tests. */
static inline void
fixture_on_changed (GkDocument *document,
                    guint      *count)
{
  (*count)++;
}

/* ---- one case per entity: how to make, change and delete one --------------- */

typedef struct {
  const char *table;
  GkRecord *(*make) (void);          /* a valid new record for the seeded file */
  gint64      edit_id;               /* a seeded row to edit ... */
  void      (*edit) (GkRecord *copy);
  const char *edited_property;       /* ... and the property that edit changes */
  gint64      delete_id;             /* a seeded row to delete */
} EntityCase;

static GkRecord *
make_person (void)
{
  GkPerson *person = gk_person_new ();

  gk_person_set_name (person, "Karin Jansen");
  gk_person_set_role (person, GK_ROLE_CONTRACTMANAGER);
  return GK_RECORD (person);
}

static void
edit_person (GkRecord *record)
{
  gk_person_set_email (GK_PERSON (record), "jan.devries@example.nl");
}

static void
edit_programme (GkRecord *record)
{
  gk_programme_set_title (GK_PROGRAMME (record), "Grip op jeugdhulp en Wmo");
}

static GkRecord *
make_topic (void)
{
  GkTopic *topic = gk_topic_new ();

  gk_topic_set_name (topic, "Zorggebruik");
  gk_topic_set_target_level (topic, GK_LEVEL_VIGILANT);
  return GK_RECORD (topic);
}

static void
edit_topic (GkRecord *record)
{
  gk_topic_set_description (GK_TOPIC (record), "Van aanbieders tot contractmanagement");
}

static GkRecord *
make_assessment (void)
{
  GkAssessment *assessment = gk_assessment_new ();

  gk_assessment_set_topic_id (assessment, 2);
  gk_assessment_set_date (assessment, "2026-03-01");
  gk_assessment_set_level (assessment, GK_LEVEL_IN_CONTROL);
  gk_assessment_set_rationale (assessment, "Wachtlijst weg");
  return GK_RECORD (assessment);
}

static void
edit_assessment (GkRecord *record)
{
  gk_assessment_set_confidence (GK_ASSESSMENT (record), 9);
}

static GkRecord *
make_focus_project (void)
{
  GkFocusProject *project = gk_focus_project_new ();

  gk_focus_project_set_name (project, "Werk voorop");
  gk_focus_project_set_domains (project, GK_DOMAIN_PARTICIPATIE);
  gk_focus_project_set_budget_cents (project, 0);
  return GK_RECORD (project);
}

static void
edit_focus_project (GkRecord *record)
{
  gk_focus_project_set_health_reason (GK_FOCUS_PROJECT (record), "Wacht op besluit");
}

static GkRecord *
make_project_topic (void)
{
  GkProjectTopic *link = gk_project_topic_new ();

  gk_project_topic_set_project_id (link, 2);
  gk_project_topic_set_topic_id (link, 2);
  return GK_RECORD (link);
}

static void
edit_project_topic (GkRecord *record)
{
  gk_project_topic_set_topic_id (GK_PROJECT_TOPIC (record), 3);
}

static GkRecord *
make_measure (void)
{
  GkMeasure *measure = gk_measure_new ();

  gk_measure_set_project_id (measure, 2);
  gk_measure_set_title (measure, "Raamcontract met vijf aanbieders");
  gk_measure_set_due_date (measure, "2026-09-30");
  return GK_RECORD (measure);
}

static void
edit_measure (GkRecord *record)
{
  gk_measure_set_progress (GK_MEASURE (record), 60);
}

static GkRecord *
make_measure_target (void)
{
  GkMeasureTarget *target = gk_measure_target_new ();

  gk_measure_target_set_measure_id (target, 2);
  gk_measure_target_set_topic_id (target, 1);
  gk_measure_target_set_target_level (target, GK_LEVEL_VIGILANT);
  return GK_RECORD (target);
}

static void
edit_measure_target (GkRecord *record)
{
  gk_measure_target_set_target_date (GK_MEASURE_TARGET (record), "2026-09-30");
}

static GkRecord *
make_measure_link (void)
{
  GkMeasureLink *link = gk_measure_link_new ();

  gk_measure_link_set_from_measure_id (link, 2);
  gk_measure_link_set_to_measure_id (link, 3);
  gk_measure_link_set_kind (link, GK_LINK_KIND_DEPENDS_ON);
  return GK_RECORD (link);
}

static void
edit_measure_link (GkRecord *record)
{
  gk_measure_link_set_kind (GK_MEASURE_LINK (record), GK_LINK_KIND_DEPENDS_ON);
}

static GkRecord *
make_indicator (void)
{
  GkIndicator *indicator = gk_indicator_new ();

  gk_indicator_set_name (indicator, "Doorlooptijd melding");
  gk_indicator_set_unit (indicator, GK_UNIT_WEEKS);
  gk_indicator_set_signal_serious (indicator, 8);
  gk_indicator_set_signal_control (indicator, 4);
  return GK_RECORD (indicator);
}

static void
edit_indicator (GkRecord *record)
{
  gk_indicator_set_source (GK_INDICATOR (record), "Klanttevredenheidsonderzoek");
}

static GkRecord *
make_indicator_topic (void)
{
  GkIndicatorTopic *link = gk_indicator_topic_new ();

  gk_indicator_topic_set_indicator_id (link, 2);
  gk_indicator_topic_set_topic_id (link, 1);
  return GK_RECORD (link);
}

static void
edit_indicator_topic (GkRecord *record)
{
  gk_indicator_topic_set_topic_id (GK_INDICATOR_TOPIC (record), 1);
}

static GkRecord *
make_indicator_project (void)
{
  GkIndicatorProject *link = gk_indicator_project_new ();

  gk_indicator_project_set_indicator_id (link, 2);
  gk_indicator_project_set_project_id (link, 2);
  return GK_RECORD (link);
}

static void
edit_indicator_project (GkRecord *record)
{
  gk_indicator_project_set_project_id (GK_INDICATOR_PROJECT (record), 2);
}

static GkRecord *
make_measurement (void)
{
  GkMeasurement *measurement = gk_measurement_new ();

  gk_measurement_set_indicator_id (measurement, 1);
  gk_measurement_set_period_date (measurement, "2026-03-01");
  gk_measurement_set_value (measurement, 4900);
  return GK_RECORD (measurement);
}

static void
edit_measurement (GkRecord *record)
{
  gk_measurement_set_value (GK_MEASUREMENT (record), 5050.5);
}

static GkRecord *
make_journal_entry (void)
{
  GkJournalEntry *entry = gk_journal_entry_new ();

  gk_journal_entry_set_date (entry, "2026-03-02");
  gk_journal_entry_set_kind (entry, GK_JOURNAL_KIND_DECISION);
  gk_journal_entry_set_text (entry, "Het college stemt in met de nieuwe inkoop");
  gk_journal_entry_set_topic_id (entry, 1);
  return GK_RECORD (entry);
}

static void
edit_journal_entry (GkRecord *record)
{
  gk_journal_entry_set_text (GK_JOURNAL_ENTRY (record), "Budget loopt uit: bijsturing nodig");
}

static GkRecord *
make_catalogue_measure (void)
{
  GkCatalogueMeasure *entry = gk_catalogue_measure_new ();

  gk_catalogue_measure_set_title (entry, "Normeren van trajecten");
  gk_catalogue_measure_set_topic_name (entry, "Inkoop");
  return GK_RECORD (entry);
}

static void
edit_catalogue_measure (GkRecord *record)
{
  gk_catalogue_measure_set_expected_effect (GK_CATALOGUE_MEASURE (record), "Kortere trajecten");
}

static const EntityCase entity_cases[] G_GNUC_UNUSED = {
  { "person", make_person, 2, edit_person, "email", 2 },
  { "programme", NULL, 1, edit_programme, "title", 0 },
  { "topic", make_topic, 1, edit_topic, "description", 3 },
  { "assessment", make_assessment, 3, edit_assessment, "confidence", 2 },
  { "focus_project", make_focus_project, 2, edit_focus_project, "health-reason", 2 },
  { "project_topic", make_project_topic, 1, edit_project_topic, "topic-id", 1 },
  { "measure", make_measure, 1, edit_measure, "progress", 2 },
  { "measure_target", make_measure_target, 1, edit_measure_target, "target-date", 2 },
  { "measure_link", make_measure_link, 1, edit_measure_link, "kind", 2 },
  { "indicator", make_indicator, 2, edit_indicator, "source", 2 },
  { "indicator_topic", make_indicator_topic, 1, edit_indicator_topic, "topic-id", 2 },
  { "indicator_project", make_indicator_project, 1, edit_indicator_project, "project-id", 1 },
  { "measurement", make_measurement, 1, edit_measurement, "value", 3 },
  { "journal_entry", make_journal_entry, 2, edit_journal_entry, "text", 1 },
  { "catalogue_measure", make_catalogue_measure, 1, edit_catalogue_measure, "expected-effect", 2 },
};
