/* test-history.c: the values in the change log, the history read from it,
 * and what a field held at a past moment
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "gk-history.h"
#include "gk-journal-entry.h"
#include "gk-measure.h"
#include "gk-measurement.h"
#include "gk-migrations.h"
#include "model-fixture.h"

typedef struct {
  sqlite3    *db;
  GkDocument *doc;
  GkClock    *clock;
} Fixture;

static void
set_day (Fixture *fixture,
         int      year,
         int      month,
         int      day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  gk_clock_set_fixed_date (fixture->clock, &date);
}

/* Noon of a day, local time: a moment between the edits of the tests. */
static GDateTime *
noon (int year,
      int month,
      int day)
{
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 1, 2026);
  fixture->db = fixture_db_new (TRUE);
  fixture->doc = fixture_document_new (fixture->db);
  fixture->clock = gk_clock_new_fixed (&start);
  gk_document_set_clock (fixture->doc, fixture->clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->doc);
  g_clear_object (&fixture->clock);
  sqlite3_close (fixture->db);
}

static void
change_measure (Fixture         *fixture,
              const char      *person,
              gint64           id,
              int              progress,
              GkMeasureStatus  status)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (gk_document_lookup_measure (fixture->doc, id)));
  g_autoptr(GError) error = NULL;

  gk_document_set_user_name (fixture->doc, person);
  gk_measure_set_progress (GK_MEASURE (copy), progress);
  gk_measure_set_status (GK_MEASURE (copy), status);
  if (status == GK_MEASURE_STATUS_DONE)
    gk_measure_set_done_date (GK_MEASURE (copy), "2026-05-04");
  g_assert_true (gk_document_update (fixture->doc, copy, &error));
  g_assert_no_error (error);
}

/* Anne on 2 March: measure 1 from 40% to 60%; Bram on 4 May: to 80% and
 * done. */
static void
two_people_edit (Fixture *fixture)
{
  set_day (fixture, 2026, 3, 2);
  change_measure (fixture, "Anne", 1, 60, GK_MEASURE_STATUS_IN_PROGRESS);
  set_day (fixture, 2026, 5, 4);
  change_measure (fixture, "Bram", 1, 80, GK_MEASURE_STATUS_DONE);
}

static GListModel *
query (Fixture               *fixture,
       const GkHistoryFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *entries = gk_history_query (fixture->doc, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static GkHistoryEntry *
entry_at (GListModel *entries,
          guint       position)
{
  g_autoptr(GkHistoryEntry) entry = g_list_model_get_item (entries, position);

  g_assert_nonnull (entry);
  return entry;   /* the list keeps it */
}

static void
assert_change (GkHistoryEntry *entry,
               const char     *column,
               const char     *old_text,
               const char     *new_text)
{
  for (guint i = 0; i < gk_history_entry_get_n_changes (entry); i++)
    {
      const GkHistoryChange *change = gk_history_entry_get_change (entry, i);

      if (g_str_equal (change->column, column))
        {
          g_assert_cmpstr (change->old_text, ==, old_text);
          g_assert_cmpstr (change->new_text, ==, new_text);
          return;
        }
    }
  g_error ("no change of %s", column);
}

static gboolean
has_change (GkHistoryEntry *entry,
            const char     *column)
{
  for (guint i = 0; i < gk_history_entry_get_n_changes (entry); i++)
    if (g_str_equal (gk_history_entry_get_change (entry, i)->column, column))
      return TRUE;
  return FALSE;
}

/* The change log row of an update holds the old and new value of each
 * field it changed, and nothing of the stamps. */
static void
test_values_logged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *changes = NULL;

  two_people_edit (fixture);
  changes = fixture_query_text (fixture->db, "SELECT changes FROM change_log WHERE changed_by = 'Anne'");
  g_assert_cmpstr (changes, ==, "{\"progress\": [40, 60]}");
  g_clear_pointer (&changes, g_free);
  changes = fixture_query_text (fixture->db, "SELECT changes FROM change_log WHERE changed_by = 'Bram'");
  g_assert_cmpstr (changes, ==, "{\"status\": [\"in-progress\", \"done\"], \"done_date\": [null, \"2026-05-04\"], "
                                "\"progress\": [60, 80]}");
}

/* Newest first, who and when, the record's title and each field's old and
 * new value as people read them. */
static void
test_query_lists_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GListModel) entries = NULL;
  GkHistoryEntry *bram, *anne;
  g_autoptr(GDateTime) local = NULL;

  two_people_edit (fixture);
  entries = query (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  bram = entry_at (entries, 0);
  anne = entry_at (entries, 1);
  g_assert_cmpstr (gk_history_entry_get_person (bram), ==, "Bram");
  g_assert_cmpstr (gk_history_entry_get_person (anne), ==, "Anne");
  local = g_date_time_to_local (gk_history_entry_get_time (anne));
  g_assert_cmpint (g_date_time_get_month (local), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 2);
  g_assert_cmpstr (gk_history_entry_get_table (anne), ==, "measure");
  g_assert_cmpint (gk_history_entry_get_row_id (anne), ==, 1);
  g_assert_cmpint (gk_history_entry_get_action (anne), ==, GK_HISTORY_ACTION_UPDATE);
  g_assert_cmpstr (gk_history_entry_get_record_table (anne), ==, "measure");
  g_assert_cmpint (gk_history_entry_get_record_id (anne), ==, 1);
  g_assert_cmpstr (gk_history_entry_get_title (anne), ==, "Measure “Praktijkondersteuner bij de huisarts”");
  g_assert_true (gk_history_entry_has_values (anne));
  g_assert_cmpuint (gk_history_entry_get_n_changes (anne), ==, 1);
  assert_change (anne, "progress", "40%", "60%");
  g_assert_cmpstr (gk_history_entry_get_change (anne, 0)->field, ==, "Progress");
  assert_change (bram, "status", "In progress", "Done");
  assert_change (bram, "progress", "60%", "80%");
  g_assert_false (has_change (bram, "version"));
  g_assert_false (has_change (bram, "updated_by"));
}

/* Added and deleted records: every value, the other side empty; a row
 * without a name of its own is shown as the record it belongs to. */
static void
test_insert_and_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GkMeasure) measure = gk_measure_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  GkHistoryEntry *added, *deleted, *target;
  GkHistoryFilter filter = { 0 };

  set_day (fixture, 2026, 6, 1);
  gk_document_set_user_name (fixture->doc, "Anne");
  gk_measure_set_project_id (measure, 2);
  gk_measure_set_title (measure, "Nieuwe maatregel");
  gk_measure_set_owner_id (measure, 1);
  g_assert_true (gk_document_insert (fixture->doc, GK_RECORD (measure), &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_delete (fixture->doc, GK_RECORD (gk_document_lookup_measure (fixture->doc, 3)), &error));
  g_assert_no_error (error);

  filter.table = "measure";
  entries = query (fixture, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  deleted = entry_at (entries, 0);
  added = entry_at (entries, 1);

  g_assert_cmpint (gk_history_entry_get_action (added), ==, GK_HISTORY_ACTION_INSERT);
  g_assert_cmpstr (gk_history_entry_get_title (added), ==, "Measure “Nieuwe maatregel”");
  assert_change (added, "title", NULL, "Nieuwe maatregel");
  assert_change (added, "owner_id", NULL, "Fatima el Amrani");
  assert_change (added, "project_id", NULL, "Contractering herzien");

  /* Deleted: named as it was. */
  g_assert_cmpint (gk_history_entry_get_action (deleted), ==, GK_HISTORY_ACTION_DELETE);
  g_assert_cmpint (gk_history_entry_get_row_id (deleted), ==, 3);
  g_assert_cmpstr (gk_history_entry_get_title (deleted), ==, "Measure “Minder aanbieders”");
  assert_change (deleted, "title", "Minder aanbieders", NULL);
  assert_change (deleted, "status", "Planned", NULL);

  /* A record with its parts. */
  {
    static const char * const measure_and_parts[] = { "measure", "measure_target", "measure_link", NULL };
    GkHistoryFilter with_parts = { .tables = measure_and_parts };
    g_autoptr(GListModel) all = query (fixture, &with_parts);

    /* The measure, its target and its link went (ON DELETE CASCADE). */
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  }

  /* The measure's target went with it (ON DELETE CASCADE): logged too, as
   * part of the measure. */
  g_clear_object (&entries);
  filter.table = "measure_target";
  entries = query (fixture, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  target = entry_at (entries, 0);
  g_assert_cmpstr (gk_history_entry_get_record_table (target), ==, "measure");
  g_assert_cmpint (gk_history_entry_get_record_id (target), ==, 3);
  g_assert_cmpstr (gk_history_entry_get_title (target), ==, "Target of a measure “Minder aanbieders”");
  assert_change (target, "target_level", "In control", NULL);
}

/* An insert inside a group (an import) is logged with its values too. */
static void
test_insert_in_group (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GkJournalEntry) note = gk_journal_entry_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  GkHistoryFilter filter = { .table = "journal_entry" };

  gk_journal_entry_set_text (note, "Besluit \"A\"\nen verder");
  gk_journal_entry_set_date (note, "2026-01-05");
  gk_document_begin_group (fixture->doc, "Import");
  g_assert_true (gk_document_insert (fixture->doc, GK_RECORD (note), &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_end_group (fixture->doc, &error));
  g_assert_no_error (error);

  entries = query (fixture, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_assert_cmpint (gk_history_entry_get_action (entry_at (entries, 0)), ==, GK_HISTORY_ACTION_INSERT);
  assert_change (entry_at (entries, 0), "text", NULL, "Besluit \"A\"\nen verder");
}

/* The values of an insert in a group come from the live record, those of
 * one on its own from the row read back: the two must be the same. */
static void
test_insert_values_same_either_way (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GkMeasurement) grouped = gk_measurement_new ();
  g_autoptr(GkMeasurement) alone = gk_measurement_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *grouped_json = NULL;
  g_autofree char *alone_as_grouped = NULL;

  for (int i = 0; i < 2; i++)
    {
      GkMeasurement *figure = i == 0 ? grouped : alone;

      gk_measurement_set_indicator_id (figure, 1);
      gk_measurement_set_period_date (figure, i == 0 ? "2025-11-01" : "2025-12-01");
      gk_measurement_set_value (figure, 1234.5);
      gk_measurement_set_note (figure, "Bron: \"CBS\"\tvoorlopig");
      gk_measurement_set_entered_by (figure, "Linda");
    }
  gk_document_begin_group (fixture->doc, "Import");
  g_assert_true (gk_document_insert (fixture->doc, GK_RECORD (grouped), &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_end_group (fixture->doc, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_insert (fixture->doc, GK_RECORD (alone), &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT changes FROM change_log WHERE table_name = 'measurement' AND row_id = %" G_GINT64_FORMAT,
                         gk_record_get_id (GK_RECORD (grouped)));
  grouped_json = fixture_query_text (fixture->db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT replace(changes, '2025-12-01', '2025-11-01') FROM change_log"
                         " WHERE table_name = 'measurement' AND row_id = %" G_GINT64_FORMAT,
                         gk_record_get_id (GK_RECORD (alone)));
  alone_as_grouped = fixture_query_text (fixture->db, sql);
  g_assert_nonnull (strstr (grouped_json, "1234.5"));
  g_assert_nonnull (strstr (grouped_json, "\\\"CBS\\\"\\u0009voorlopig"));
  g_assert_cmpstr (grouped_json, ==, alone_as_grouped);
}

/* A figure: shown as the indicator it belongs to, its value as a number. */
static void
test_figure (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GkRecord) copy = gk_record_copy (gk_document_lookup_in_table (fixture->doc, "measurement", 2));
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  GkHistoryEntry *entry;

  gk_measurement_set_value (GK_MEASUREMENT (copy), 5100.5);
  g_assert_true (gk_document_update (fixture->doc, copy, &error));
  g_assert_no_error (error);
  entries = query (fixture, NULL);
  entry = entry_at (entries, 0);
  g_assert_cmpstr (gk_history_entry_get_record_table (entry), ==, "indicator");
  g_assert_cmpint (gk_history_entry_get_record_id (entry), ==, 1);
  g_assert_cmpstr (gk_history_entry_get_title (entry), ==, "Figure “Kosten jeugdhulp per jeugdige”");
  assert_change (entry, "value", "5150.25", "5100.5");
}

/* In a Dutch locale a real keeps its decimals (SQLite reads JSON reals with
 * the locale's strtod) and is shown with a decimal comma. */
static void
test_figure_dutch_locale (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GkRecord) copy = gk_record_copy (gk_document_lookup_in_table (fixture->doc, "measurement", 2));
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDateTime) january = noon (2026, 1, 2);
  g_autoptr(GDateTime) april = noon (2026, 4, 1);
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("no Dutch locale on this machine");
      return;
    }
  set_day (fixture, 2026, 3, 1);
  gk_measurement_set_value (GK_MEASUREMENT (copy), 5100.5);
  g_assert_true (gk_document_update (fixture->doc, copy, &error));
  g_assert_no_error (error);
  entries = query (fixture, NULL);
  assert_change (entry_at (entries, 0), "value", "5150,25", "5100,5");
  g_assert_true (gk_history_value_at (fixture->doc, "measurement", 2, "value", january, &value, &error));
  g_assert_cmpfloat (g_variant_get_double (value), ==, 5150.25);
  g_clear_pointer (&value, g_variant_unref);
  g_assert_true (gk_history_value_at (fixture->doc, "measurement", 2, "value", april, &value, &error));
  g_assert_cmpfloat (g_variant_get_double (value), ==, 5100.5);
  setlocale (LC_NUMERIC, before);
}

static guint
count (Fixture               *fixture,
       const GkHistoryFilter *filter)
{
  g_autoptr(GListModel) entries = query (fixture, filter);

  return g_list_model_get_n_items (entries);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GkRecord) person = gk_record_copy (GK_RECORD (gk_document_lookup_person (fixture->doc, 2)));
  g_autoptr(GDateTime) april = noon (2026, 4, 1);
  g_autoptr(GDateTime) june = noon (2026, 6, 1);
  g_auto(GStrv) people = NULL;
  GkHistoryFilter filter = { 0 };

  two_people_edit (fixture);
  set_day (fixture, 2026, 5, 5);
  gk_person_set_email (GK_PERSON (person), "jan@example.nl");
  g_assert_true (gk_document_update (fixture->doc, person, NULL));

  g_assert_cmpuint (count (fixture, NULL), ==, 3);
  filter.person = "Anne";
  g_assert_cmpuint (count (fixture, &filter), ==, 1);
  filter.person = "Bram";
  g_assert_cmpuint (count (fixture, &filter), ==, 2);
  filter.table = "measure";
  g_assert_cmpuint (count (fixture, &filter), ==, 1);
  filter.person = NULL;
  g_assert_cmpuint (count (fixture, &filter), ==, 2);
  filter.row_id = 2;
  g_assert_cmpuint (count (fixture, &filter), ==, 0);
  filter.row_id = 1;
  g_assert_cmpuint (count (fixture, &filter), ==, 2);
  filter.table = NULL;
  filter.row_id = 0;
  filter.from = april;
  g_assert_cmpuint (count (fixture, &filter), ==, 2);
  filter.until = june;
  g_assert_cmpuint (count (fixture, &filter), ==, 2);
  filter.from = NULL;
  filter.until = april;
  g_assert_cmpuint (count (fixture, &filter), ==, 1);
  filter.until = NULL;
  filter.limit = 1;
  g_assert_cmpuint (count (fixture, &filter), ==, 1);

  people = gk_history_list_people (fixture->doc);
  g_assert_cmpuint (g_strv_length (people), ==, 2);
  g_assert_cmpstr (people[0], ==, "Anne");
  g_assert_cmpstr (people[1], ==, "Bram");
}

static gint64
int_at (Fixture    *fixture,
        const char *table,
        gint64      id,
        const char *column,
        GDateTime  *at)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_history_value_at (fixture->doc, table, id, column, at, &value, &error));
  g_assert_no_error (error);
  g_assert_nonnull (value);
  return g_variant_get_int64 (value);
}

static char *
text_at (Fixture    *fixture,
         const char *table,
         gint64      id,
         const char *column,
         GDateTime  *at)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_history_value_at (fixture->doc, table, id, column, at, &value, &error));
  g_assert_no_error (error);
  g_assert_nonnull (value);
  return g_variant_dup_string (value, NULL);
}

/* Before, between and after the changes; a field nobody changed; the
 * end of the day of a change counts. */
static void
test_value_at (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) february = noon (2026, 2, 1);
  g_autoptr(GDateTime) april = noon (2026, 4, 1);
  g_autoptr(GDateTime) june = noon (2026, 6, 1);
  g_autoptr(GDateTime) end_of_4_may = g_date_time_new_local (2026, 5, 4, 23, 59, 59);
  g_autoptr(GDateTime) start_of_4_may = g_date_time_new_local (2026, 5, 4, 0, 0, 0);
  g_autofree char *status = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  two_people_edit (fixture);
  g_assert_cmpint (int_at (fixture, "measure", 1, "progress", february), ==, 40);
  g_assert_cmpint (int_at (fixture, "measure", 1, "progress", april), ==, 60);
  g_assert_cmpint (int_at (fixture, "measure", 1, "progress", june), ==, 80);
  g_assert_cmpint (int_at (fixture, "measure", 1, "progress", end_of_4_may), ==, 80);
  g_assert_cmpint (int_at (fixture, "measure", 1, "progress", start_of_4_may), ==, 60);
  status = text_at (fixture, "measure", 1, "status", april);
  g_assert_cmpstr (status, ==, "in-progress");
  g_clear_pointer (&status, g_free);
  status = text_at (fixture, "measure", 1, "status", june);
  g_assert_cmpstr (status, ==, "done");
  g_clear_pointer (&status, g_free);
  /* Never changed: as it is now. */
  status = text_at (fixture, "measure", 1, "title", february);
  g_assert_cmpstr (status, ==, "Praktijkondersteuner bij de huisarts");
  g_assert_cmpint (int_at (fixture, "measure", 2, "progress", february), ==, 100);

  /* A field that held nothing. */
  g_assert_true (gk_history_value_at (fixture->doc, "measure", 1, "done_date", april, &value, &error));
  g_assert_no_error (error);
  g_assert_null (value);

  /* No such field. */
  g_assert_false (gk_history_value_at (fixture->doc, "measure", 1, "colour", april, &value, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gk_history_value_at (fixture->doc, "nothing", 1, "title", april, &value, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* A record added later did not exist before; one deleted since still
 * has its values up to the delete. */
static void
test_value_at_added_and_deleted (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GkMeasure) measure = gk_measure_new ();
  g_autoptr(GDateTime) april = noon (2026, 4, 1);
  g_autoptr(GDateTime) june = noon (2026, 6, 1);
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  set_day (fixture, 2026, 5, 4);
  gk_measure_set_project_id (measure, 2);
  gk_measure_set_title (measure, "Later");
  gk_measure_set_progress (measure, 10);
  g_assert_true (gk_document_insert (fixture->doc, GK_RECORD (measure), NULL));
  id = gk_record_get_id (GK_RECORD (measure));
  g_assert_true (gk_document_delete (fixture->doc, GK_RECORD (gk_document_lookup_measure (fixture->doc, 3)), NULL));

  g_assert_false (gk_history_value_at (fixture->doc, "measure", id, "progress", april, &value, &error));
  g_assert_no_error (error);
  g_assert_null (value);
  g_assert_cmpint (int_at (fixture, "measure", id, "progress", june), ==, 10);

  g_assert_cmpint (int_at (fixture, "measure", 3, "progress", april), ==, 0);
  g_assert_false (gk_history_value_at (fixture->doc, "measure", 3, "progress", june, &value, &error));
  g_assert_no_error (error);
  g_assert_false (gk_history_value_at (fixture->doc, "measure", 999, "progress", june, &value, &error));
  g_assert_no_error (error);
}

/* The values of a whole table at once are those of each row. */
static void
test_values_at_table (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GkMeasure) measure = gk_measure_new ();
  GDateTime *moments[] = { noon (2026, 2, 1), noon (2026, 4, 1), noon (2026, 5, 10), noon (2026, 6, 1) };
  const char *columns[] = { "progress", "status", "done_date" };
  gint64 ids[4] = { 1, 2, 3, 0 };

  two_people_edit (fixture);
  set_day (fixture, 2026, 5, 6);
  gk_measure_set_project_id (measure, 2);
  gk_measure_set_title (measure, "Later");
  g_assert_true (gk_document_insert (fixture->doc, GK_RECORD (measure), NULL));
  ids[3] = gk_record_get_id (GK_RECORD (measure));
  set_day (fixture, 2026, 5, 20);
  g_assert_true (gk_document_delete (fixture->doc, GK_RECORD (gk_document_lookup_measure (fixture->doc, 3)), NULL));

  for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GHashTable) values = gk_history_values_at (fixture->doc, "measure", columns[c], moments[m], &error);

        g_assert_no_error (error);
        g_assert_nonnull (values);
        for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
          {
            g_autoptr(GVariant) one = NULL;
            gboolean existed = gk_history_value_at (fixture->doc, "measure", ids[i], columns[c], moments[m], &one, &error);
            GVariant *all = NULL;

            g_assert_no_error (error);
            g_assert_cmpint (g_hash_table_lookup_extended (values, &ids[i], NULL, (gpointer *) &all), ==, existed);
            g_assert_true ((one == NULL) == (all == NULL));
            g_assert_true (one == NULL || g_variant_equal (one, all));
          }
      }
  /* Known answers: measure 3 gone by June, the new one not there in April. */
  {
    g_autoptr(GHashTable) april = gk_history_values_at (fixture->doc, "measure", "progress", moments[1], NULL);
    g_autoptr(GHashTable) june = gk_history_values_at (fixture->doc, "measure", "progress", moments[3], NULL);

    g_assert_cmpint (g_variant_get_int64 (g_hash_table_lookup (april, &ids[0])), ==, 60);
    g_assert_true (g_hash_table_contains (april, &ids[2]));
    g_assert_false (g_hash_table_contains (april, &ids[3]));
    g_assert_false (g_hash_table_contains (june, &ids[2]));
    g_assert_true (g_hash_table_contains (june, &ids[3]));
    g_assert_cmpint (g_variant_get_int64 (g_hash_table_lookup (june, &ids[0])), ==, 80);
  }
  for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
    g_date_time_unref (moments[m]);
}

/* An undo is a change like any other: logged with its values, and the
 * value at a moment after it is the one it brought back. */
static void
test_undo_logged (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDateTime) june = noon (2026, 6, 1);
  g_autoptr(GDateTime) august = noon (2026, 8, 1);
  g_autoptr(GError) error = NULL;

  two_people_edit (fixture);
  set_day (fixture, 2026, 7, 1);
  g_assert_true (gk_document_undo (fixture->doc, &error));
  g_assert_no_error (error);

  entries = query (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  assert_change (entry_at (entries, 0), "progress", "80%", "60%");
  assert_change (entry_at (entries, 0), "status", "Done", "In progress");
  g_assert_true (g_str_has_prefix (gk_history_entry_get_summary (entry_at (entries, 0)), "Undo: "));
  g_assert_cmpint (int_at (fixture, "measure", 1, "progress", june), ==, 80);
  g_assert_cmpint (int_at (fixture, "measure", 1, "progress", august), ==, 60);
}

/* A file of schema 2 with its change log migrated: the old rows have no
 * values, the history says so and value_at falls back to what is known. */
static void
test_migrated_file (void)
{
  g_autofree char *ddl_path = g_test_build_filename (G_TEST_DIST, "core", "schema-v2.sql", NULL);
  g_autofree char *ddl = NULL;
  g_autoptr(GkDocument) doc = NULL;
  g_autoptr(GkClock) clock = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) february = noon (2026, 2, 1);
  g_autoptr(GDateTime) june = noon (2026, 6, 1);
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  GkHistoryEntry *old_entry;
  sqlite3 *db = NULL;
  GDate may;
  gint64 progress;

  g_assert_true (g_file_get_contents (ddl_path, &ddl, NULL, &error));
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, ddl, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, seed_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 2;"
                                     "INSERT INTO change_log (id, changed_at, changed_by, table_name, row_id, action,"
                                     " summary) VALUES (5, '2026-01-20T09:00:00Z', 'Bram', 'measure', 1, 'update',"
                                     " 'Edit measure (progress)');", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gk_migrations_run (db, 2, GK_SCHEMA_VERSION, &error));
  g_assert_no_error (error);

  doc = fixture_document_new (db);
  g_assert_false (gk_history_has_values (doc));
  g_assert_null (gk_history_dup_start (doc));
  entries = gk_history_query (doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  old_entry = entry_at (entries, 0);
  g_assert_false (gk_history_entry_has_values (old_entry));
  g_assert_cmpuint (gk_history_entry_get_n_changes (old_entry), ==, 0);
  g_assert_cmpstr (gk_history_entry_get_person (old_entry), ==, "Bram");
  g_assert_cmpstr (gk_history_entry_get_summary (old_entry), ==, "Edit measure (progress)");
  g_assert_cmpstr (gk_history_entry_get_title (old_entry), ==, "Measure “Praktijkondersteuner bij de huisarts”");
  /* Nothing known but today's value. */
  {
    g_autoptr(GVariant) value = NULL;

    g_assert_true (gk_history_value_at (doc, "measure", 1, "progress", february, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_variant_get_int64 (value), ==, 40);
  }

  /* From the first edit after migrating the history has values. */
  g_date_clear (&may, 1);
  g_date_set_dmy (&may, 4, 5, 2026);
  clock = gk_clock_new_fixed (&may);
  gk_document_set_clock (doc, clock);
  copy = gk_record_copy (GK_RECORD (gk_document_lookup_measure (doc, 1)));
  gk_measure_set_progress (GK_MEASURE (copy), 70);
  g_assert_true (gk_document_update (doc, copy, &error));
  g_assert_no_error (error);
  start = gk_history_dup_start (doc);
  g_assert_nonnull (start);
  g_assert_true (gk_history_has_values (doc));
  {
    g_autoptr(GVariant) value = NULL;

    g_assert_true (gk_history_value_at (doc, "measure", 1, "progress", february, &value, &error));
    progress = g_variant_get_int64 (value);
    g_assert_cmpint (progress, ==, 40);
    g_clear_pointer (&value, g_variant_unref);
    g_assert_true (gk_history_value_at (doc, "measure", 1, "progress", june, &value, &error));
    g_assert_cmpint (g_variant_get_int64 (value), ==, 70);
  }

  g_clear_object (&entries);
  g_clear_object (&doc);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/history/values-logged", test_values_logged);
  ADD ("/history/query", test_query_lists_changes);
  ADD ("/history/insert-and-delete", test_insert_and_delete);
  ADD ("/history/insert-in-group", test_insert_in_group);
  ADD ("/history/insert-values-same-either-way", test_insert_values_same_either_way);
  ADD ("/history/filters", test_filters);
  ADD ("/history/figure", test_figure);
  ADD ("/history/figure/dutch-locale", test_figure_dutch_locale);
  ADD ("/history/value-at", test_value_at);
  ADD ("/history/value-at/added-and-deleted", test_value_at_added_and_deleted);
  ADD ("/history/value-at/whole-table", test_values_at_table);
  ADD ("/history/undo", test_undo_logged);
#undef ADD
  g_test_add_func ("/history/migrated-file", test_migrated_file);

  return g_test_run ();
}
