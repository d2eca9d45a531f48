/* test-figures-import.c: the import plan (every row's fate) and applying it in one undo step
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The programme is model-fixture.h's: "Kosten jeugdhulp per jeugdige" (id 1,
 * euro, monthly) has figures for 2026-01 (5150.25, note "januari") and
 * 2026-02 (5100); "Tevredenheid cliënten" (id 2, percent, quarterly) has
 * 71 for 2026-Q1.
 */
#include "config.h"

#include <string.h>

#include "figures-fixture.h"
#include "gk-import-plan.h"
#include "model-fixture.h"

typedef struct {
  sqlite3    *db;
  GkDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = fixture_db_new (TRUE);
  fixture->document = fixture_document_new (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  sqlite3_close (fixture->db);
}

static char *
dump_measurements (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT indicator_id, period_date, value, note, version FROM measurement "
                      "ORDER BY indicator_id, period_date", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %s %.6f %s v%lld\n", (long long) sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_double (stmt, 2),
                            sqlite3_column_text (stmt, 3), (long long) sqlite3_column_int64 (stmt, 4));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static GkImportPlan *
plan_for (Fixture    *fixture,
          GkSheet    *sheet,
          GkFigureLayout **out_layout)
{
  g_autoptr(GkFigureLayout) layout = gk_figure_layout_guess (sheet, fixture->document);
  g_autoptr(GError) error = NULL;
  GkImportPlan *plan = gk_import_plan_new (fixture->document, sheet, layout, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  if (out_layout != NULL)
    *out_layout = g_steal_pointer (&layout);
  return plan;
}

static GkSheet *
csv_sheet (const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GkSheet *sheet = gk_csv_read (data, "cijfers", NULL, &error);

  g_assert_no_error (error);
  return sheet;
}

static void
assert_counts (GkImportPlan *plan,
               guint         n_new,
               guint         n_changed,
               guint         n_unchanged,
               guint         n_empty,
               guint         n_refused)
{
  g_autofree char *summary = gk_import_plan_summary (plan);

  if (gk_import_plan_count (plan, GK_IMPORT_FATE_NEW) != n_new ||
      gk_import_plan_count (plan, GK_IMPORT_FATE_CHANGED) != n_changed ||
      gk_import_plan_count (plan, GK_IMPORT_FATE_UNCHANGED) != n_unchanged ||
      gk_import_plan_count (plan, GK_IMPORT_FATE_EMPTY) != n_empty ||
      gk_import_plan_count (plan, GK_IMPORT_FATE_REFUSED) != n_refused)
    {
      for (guint i = 0; i < gk_import_plan_get_n_fates (plan); i++)
        {
          g_autofree char *line = gk_import_plan_describe_fate (plan, gk_import_plan_get_fate (plan, i));

          g_printerr ("  %s\n", line);
        }
      g_error ("expected %u new, %u changed, %u unchanged, %u empty, %u refused; got %s",
               n_new, n_changed, n_unchanged, n_empty, n_refused, summary);
    }
}

/* The fate of the figure on @line (the first, if several). */
static const GkImportFate *
fate_on_line (GkImportPlan *plan,
              guint         line)
{
  for (guint i = 0; i < gk_import_plan_get_n_fates (plan); i++)
    if (gk_import_plan_get_fate (plan, i)->line == line)
      return gk_import_plan_get_fate (plan, i);
  g_error ("no fate on line %u", line);
  return NULL;
}

static void
assert_refused_on (GkImportPlan *plan,
                   guint         line,
                   const char   *words)
{
  const GkImportFate *fate = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < gk_import_plan_get_n_fates (plan) && fate == NULL; i++)
    if (gk_import_plan_get_fate (plan, i)->line == line &&
        gk_import_plan_get_fate (plan, i)->kind == GK_IMPORT_FATE_REFUSED)
      fate = gk_import_plan_get_fate (plan, i);
  if (fate == NULL)
    g_error ("nothing refused on line %u", line);
  text = gk_import_plan_describe_fate (plan, fate);
  if (strstr (text, words) == NULL)
    g_error ("“%s” does not say “%s”", text, words);
}

/* ---- the fates of Dutch Excel's file -------------------------------------------------- */

static void
test_dutch_excel_fates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = fixture_sheet ("dutch-excel.csv", NULL);
  g_autoptr(GkFigureLayout) layout = NULL;
  g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, &layout);
  g_autofree char *before = dump_measurements (fixture->db);
  g_autofree char *after_plan = NULL;
  const GkImportFate *fate;

  g_assert_cmpint (layout->kind, ==, GK_FIGURE_LAYOUT_LONG);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_INDICATOR], ==, 0);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_PERIOD], ==, 1);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_VALUE], ==, 2);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_NOTE], ==, 3);

  /* line 2: 2026-01 as it is; 3: February as it is ("€ 5.100,00");
   * 4-5: March new, its note on two lines; 6: "-"; 7: May new;
   * 8: Q1 satisfaction as it is; 9: Q2 new ("72,5%"); 10: an empty value. */
  assert_counts (plan, 3, 0, 3, 2, 0);
  fate = fate_on_line (plan, 2);
  g_assert_cmpint (fate->kind, ==, GK_IMPORT_FATE_UNCHANGED);
  g_assert_cmpstr (fate->note, ==, "januari");
  fate = fate_on_line (plan, 3);
  g_assert_cmpint (fate->kind, ==, GK_IMPORT_FATE_UNCHANGED);
  g_assert_cmpfloat (fate->value, ==, 5100);
  fate = fate_on_line (plan, 4);
  g_assert_cmpint (fate->kind, ==, GK_IMPORT_FATE_NEW);
  g_assert_cmpstr (fate->period, ==, "2026-03-01");
  g_assert_cmpfloat (fate->value, ==, 5050.5);
  g_assert_cmpstr (fate->note, ==, "eerste maand met\r\nde nieuwe triage");
  g_assert_cmpint (fate_on_line (plan, 6)->kind, ==, GK_IMPORT_FATE_EMPTY);
  g_assert_cmpstr (fate_on_line (plan, 7)->period, ==, "2026-05-01");
  g_assert_cmpint (fate_on_line (plan, 8)->kind, ==, GK_IMPORT_FATE_UNCHANGED);
  fate = fate_on_line (plan, 9);
  g_assert_cmpint (fate->kind, ==, GK_IMPORT_FATE_NEW);
  g_assert_cmpstr (fate->period, ==, "2026-04-01");
  g_assert_cmpfloat (fate->value, ==, 72.5);

  /* Planning changes nothing. */
  after_plan = dump_measurements (fixture->db);
  g_assert_cmpstr (after_plan, ==, before);
}

static void
test_apply_one_undo_step_and_twice (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = fixture_sheet ("dutch-excel.csv", NULL);
  g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, NULL);
  g_autoptr(GkImportPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_measurements (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *after_twice = NULL;
  g_autofree char *undone = NULL;
  guint n_undo = 0;

  gk_document_clear_history (fixture->document);
  g_assert_true (gk_import_plan_apply (plan, "dutch-excel.csv", FALSE, &error));
  g_assert_no_error (error);
  after = dump_measurements (fixture->db);
  g_assert_cmpstr (after, !=, before);
  g_assert_nonnull (strstr (after, "1 2026-03-01 5050.500000 eerste maand met"));
  g_assert_nonnull (strstr (after, "2 2026-04-01 72.500000"));
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement"), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_measurements (fixture->document)), ==, 6);
  /* One step, named after the file. */
  g_assert_true (gk_document_can_undo (fixture->document));
  g_assert_nonnull (strstr (gk_document_get_undo_description (fixture->document), "dutch-excel.csv"));

  /* The same file again: every figure unchanged, nothing written. */
  again = plan_for (fixture, sheet, NULL);
  assert_counts (again, 0, 0, 6, 2, 0);
  g_assert_true (gk_import_plan_apply (again, "dutch-excel.csv", FALSE, &error));
  after_twice = dump_measurements (fixture->db);
  g_assert_cmpstr (after_twice, ==, after);

  /* One undo brings back everything as it was. */
  while (gk_document_can_undo (fixture->document) && n_undo < 10)
    {
      g_assert_true (gk_document_undo (fixture->document, &error));
      g_assert_no_error (error);
      n_undo++;
      break;
    }
  g_assert_false (gk_document_can_undo (fixture->document));
  undone = dump_measurements (fixture->db);
  /* Versions went up with the undo; the values and notes are back. */
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement"), ==, 3);
  g_assert_cmpint (fixture_query_int (fixture->db,
                                      "SELECT COUNT(*) FROM measurement WHERE indicator_id = 1 AND "
                                      "period_date = '2026-02-01' AND value = 5100 AND note = ''"), ==, 1);
  g_assert_true (gk_document_redo (fixture->document, &error));
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement"), ==, 6);
}

static void
test_refused_rows_change_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = csv_sheet (
    "Indicator;Periode;Waarde\n"                               /* 1 */
    "Kosten jeugdhulp per jeugdige;2026-06;12,5 procent\n"     /* 2: a unit in words */
    "Kosten jeugdhulp per jeugdige;volgend jaar;4900\n"        /* 3: not a period */
    "Kosten jeugdhulp per jeugdige;2026-K3;4900\n"             /* 4: a quarter for a monthly KPI */
    "Wachtlijst;2026-06;12\n"                                  /* 5: no such indicator */
    "Kosten jeugdhulp per jeugdige;2026-07;4800\n"             /* 6: a duplicate ... */
    "Kosten jeugdhulp per jeugdige;juli 2026;4700\n"           /* 7: ... with another value */
    "Kosten jeugdhulp per jeugdige;2026-08;12%\n"              /* 8: a percentage for euros */
    "Tevredenheid cliënten;2026-K4;€ 12\n"                     /* 9: euros for a percentage */
    "Kosten jeugdhulp per jeugdige;2026-09;4600;te veel\n"     /* 10: more columns than the header */
    ";2026-10;4500\n"                                          /* 11: no indicator */
    "Kosten jeugdhulp per jeugdige;;4500\n"                    /* 12: no period */
    "KOSTEN JEUGDHULP PER JEUGDIGE;2026-11;4400\n");           /* 13: fine: case does not matter */
  g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, NULL);
  g_autofree char *before = dump_measurements (fixture->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  assert_counts (plan, 1, 0, 0, 0, 11);
  assert_refused_on (plan, 2, "line 2: “12,5 procent” is not a number");
  assert_refused_on (plan, 3, "“volgend jaar” is not a period");
  assert_refused_on (plan, 4, "“2026-K3” is a quarter");
  assert_refused_on (plan, 5, "no indicator “Wachtlijst”");
  assert_refused_on (plan, 6, "two different figures");
  assert_refused_on (plan, 7, "the first is on line 6");
  assert_refused_on (plan, 8, "percentage");
  assert_refused_on (plan, 9, "euros");
  assert_refused_on (plan, 10, "columns");
  assert_refused_on (plan, 11, "indicator is missing");
  assert_refused_on (plan, 12, "period is missing");
  g_assert_cmpint (fate_on_line (plan, 13)->kind, ==, GK_IMPORT_FATE_NEW);

  gk_document_clear_history (fixture->document);
  g_assert_false (gk_import_plan_apply (plan, "x.csv", FALSE, &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "11 rows were refused"));
  after = dump_measurements (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gk_document_can_undo (fixture->document));

  /* Skipping the bad rows imports the good one. */
  g_clear_error (&error);
  g_assert_true (gk_import_plan_apply (plan, "x.csv", TRUE, &error));
  g_assert_cmpint (fixture_query_int (fixture->db,
                                      "SELECT COUNT(*) FROM measurement WHERE period_date = '2026-11-01'"), ==, 1);
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement"), ==, 4);
}

static void
test_equal_duplicates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = csv_sheet ("Periode;Waarde\n2026-06;4900\n2026-06;4900\n");
  g_autoptr(GkFigureLayout) layout = gk_figure_layout_guess (sheet, fixture->document);
  g_autoptr(GkImportPlan) plan = NULL;

  /* Two indicators: the file does not say which. */
  g_assert_cmpint (layout->indicator_id, ==, 0);
  g_assert_null (gk_import_plan_new (fixture->document, sheet, layout, NULL));
  gk_figure_layout_set_indicator (layout, fixture->document, 1);
  plan = gk_import_plan_new (fixture->document, sheet, layout, NULL);
  /* The same figure twice: the first counts, the second is refused. */
  assert_counts (plan, 1, 0, 0, 0, 1);
  assert_refused_on (plan, 3, "the first is on line 2");
}

/* ---- the layouts ------------------------------------------------------------------- */

static void
test_statline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = fixture_sheet ("statline.csv", NULL);
  g_autoptr(GkFigureLayout) layout = NULL;
  g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, &layout);
  const GkImportFate *fate;

  g_assert_cmpint (layout->kind, ==, GK_FIGURE_LAYOUT_WIDE);
  g_assert_cmpint (layout->header_row, ==, 2);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_PERIOD], ==, 0);
  g_assert_cmpuint (layout->end_row, ==, 7);   /* "Bron: CBS" and below are no figures */
  /* January as it is, February as it is, March new and provisional, April "." */
  assert_counts (plan, 1, 0, 2, 1, 0);
  fate = fate_on_line (plan, 6);
  g_assert_cmpint (fate->kind, ==, GK_IMPORT_FATE_NEW);
  g_assert_cmpfloat (fate->value, ==, 5060.5);
  g_assert_cmpstr (fate->note, ==, "Provisional figure");
  g_assert_cmpint (fate_on_line (plan, 7)->kind, ==, GK_IMPORT_FATE_EMPTY);
}

static void
test_statline_periods_across (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = fixture_sheet ("statline-periods.csv", NULL);
  g_autoptr(GkFigureLayout) layout = NULL;
  g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, &layout);

  g_assert_cmpint (layout->kind, ==, GK_FIGURE_LAYOUT_PERIODS_ACROSS);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_INDICATOR], ==, 0);
  /* Q1 71 as it is, Q2 72.5 new, Q3 "." */
  assert_counts (plan, 1, 0, 1, 1, 0);
  g_assert_cmpstr (gk_import_plan_get_fate (plan, 1)->period, ==, "2026-04-01");
}

static void
test_wide_decimal_point (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = fixture_sheet ("wide-point.csv", NULL);
  g_autoptr(GkFigureLayout) layout = NULL;
  g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, &layout);
  const GkImportFate *fate;

  g_assert_cmpint (layout->kind, ==, GK_FIGURE_LAYOUT_WIDE);
  g_assert_cmpuint (layout->value_columns->len, ==, 2);
  /* "5150.25" is a decimal point here, not 515025; the monthly rows do not
   * fit the quarterly satisfaction indicator. */
  fate = fate_on_line (plan, 2);
  g_assert_cmpint (fate->kind, ==, GK_IMPORT_FATE_UNCHANGED);
  g_assert_cmpfloat (fate->value, ==, 5150.25);
  assert_counts (plan, 1, 0, 2, 2, 1);
  assert_refused_on (plan, 4, "“2026-03” is a month, but “Tevredenheid cliënten” has one figure per quarter");
}

static void
test_workbooks (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const names[] = { "workbook.xlsx", "workbook.ods" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GkSheet) sheet = fixture_sheet (names[i], NULL);
      g_autoptr(GkSheet) monthly = fixture_sheet (names[i], "Per maand");
      g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, NULL);
      g_autoptr(GkFigureLayout) layout = NULL;
      g_autoptr(GkImportPlan) monthly_plan = plan_for (fixture, monthly, &layout);

      /* March 5050.75 (a date cell), April 4990, Q2 73.5 % (a percentage cell). */
      assert_counts (plan, 3, 0, 0, 0, 0);
      g_assert_cmpstr (fate_on_line (plan, 2)->period, ==, "2026-03-01");
      g_assert_cmpfloat (fate_on_line (plan, 2)->value, ==, 5050.75);
      g_assert_cmpfloat_with_epsilon (fate_on_line (plan, 4)->value, 73.5, 1e-9);
      g_assert_cmpstr (fate_on_line (plan, 4)->note, ==, "tweede meting");

      g_assert_cmpint (layout->kind, ==, GK_FIGURE_LAYOUT_WIDE);
      assert_counts (monthly_plan, 2, 0, 0, 0, 0);
    }
}

static void
test_columns_by_name_or_number (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = csv_sheet ("Wat;Wanneer;Stand;Opmerking\n"
                                        "Kosten jeugdhulp per jeugdige;2026-06;4900;goed\n");
  g_autoptr(GkFigureLayout) layout = gk_figure_layout_guess (sheet, fixture->document);
  g_autoptr(GkImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* The guess finds the indicator names and periods by what is in them. */
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_INDICATOR], ==, 0);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_PERIOD], ==, 1);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_VALUE], ==, 2);
  g_assert_cmpint (layout->columns[GK_FIGURE_ROLE_NOTE], ==, 3);
  g_assert_true (gk_figure_layout_set_column (layout, GK_FIGURE_ROLE_NOTE, "opmerking", &error));
  g_assert_true (gk_figure_layout_set_column (layout, GK_FIGURE_ROLE_VALUE, "3", &error));
  g_assert_false (gk_figure_layout_set_column (layout, GK_FIGURE_ROLE_VALUE, "Bedrag", &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "“Stand”"));
  plan = gk_import_plan_new (fixture->document, sheet, layout, NULL);
  assert_counts (plan, 1, 0, 0, 0, 0);
  g_assert_cmpstr (gk_import_plan_get_fate (plan, 0)->note, ==, "goed");

  /* Without a period column the layout says what is missing. */
  gk_figure_layout_set_column_index (layout, GK_FIGURE_ROLE_PERIOD, GK_FIGURE_NO_COLUMN);
  g_clear_error (&error);
  g_assert_false (gk_figure_layout_check (layout, &error));
  g_assert_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_MAPPING);
}

static void
test_find_indicator (Fixture       *fixture,
                     gconstpointer  data)
{
  GkIndicator *found = gk_figure_find_indicator (fixture->document, "tevredenheid CLIENTEN");

  g_assert_nonnull (found);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (found)), ==, 2);
  found = gk_figure_find_indicator (fixture->document, "Tevredenheid cliënten (%)");
  g_assert_cmpint (gk_record_get_id (GK_RECORD (found)), ==, 2);
  g_assert_null (gk_figure_find_indicator (fixture->document, "Tevredenheid"));
  g_assert_null (gk_figure_find_indicator (fixture->document, ""));
}

/* 150 new monthly figures from 2030 on (more than a batch of the change
 * log), and one changed figure first: 2026-02 of "Kosten jeugdhulp". */
static GkSheet *
many_figures_sheet (void)
{
  g_autoptr(GString) text = g_string_new ("Indicator;Periode;Waarde\n"
                                          "Kosten jeugdhulp per jeugdige;2026-02;5200\n");

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "Kosten jeugdhulp per jeugdige;%u-%02u;%u\n", 2030 + i / 12, 1 + i % 12, 4000 + i);
  return csv_sheet (text->str);
}

static char *
dump_change_log (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT id, table_name, row_id, action, summary FROM change_log ORDER BY id",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %s %lld %s %s\n", (long long) sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_text (stmt, 1), (long long) sqlite3_column_int64 (stmt, 2),
                            sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Every live figure is as its row in the file says, stamps included. */
static void
assert_live_figures_match_file (Fixture *fixture)
{
  GListModel *measurements = gk_document_get_measurements (fixture->document);
  sqlite3_stmt *stmt = NULL;
  guint n_rows = 0;

  sqlite3_prepare_v2 (fixture->db, "SELECT id, indicator_id, period_date, value, note, entered_by, version, "
                      "updated_at, updated_by FROM measurement", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GkMeasurement *live = gk_document_lookup_measurement (fixture->document, sqlite3_column_int64 (stmt, 1),
                                                            (const char *) sqlite3_column_text (stmt, 2));

      g_assert_nonnull (live);
      g_assert_cmpint (gk_record_get_id (GK_RECORD (live)), ==, sqlite3_column_int64 (stmt, 0));
      g_assert_cmpstr (gk_measurement_get_period_date (live), ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpfloat (gk_measurement_get_value (live), ==, sqlite3_column_double (stmt, 3));
      g_assert_cmpstr (gk_measurement_get_note (live), ==, (const char *) sqlite3_column_text (stmt, 4));
      g_assert_cmpstr (gk_measurement_get_entered_by (live), ==, (const char *) sqlite3_column_text (stmt, 5));
      g_assert_cmpint (gk_record_get_version (GK_RECORD (live)), ==, sqlite3_column_int64 (stmt, 6));
      g_assert_cmpstr (gk_record_get_updated_at (GK_RECORD (live)), ==, (const char *) sqlite3_column_text (stmt, 7));
      g_assert_cmpstr (gk_record_get_updated_by (GK_RECORD (live)), ==, (const char *) sqlite3_column_text (stmt, 8));
      n_rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, n_rows);
}

static double live_value (GListModel *measurements,
                          const char *period);

/* The change log's CHECK holds again after a flush that wrote its rows
 * with the checks off (gk-document-history.c). */
static void
assert_check_constraints_on (sqlite3 *db)
{
  g_assert_cmpint (fixture_query_int (db, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO change_log (changed_at, table_name, row_id, action) "
                                 "VALUES ('2026-01-01T00:00:00Z', 'measurement', 1, 'bogus')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
}

/* Every written figure has its change log row, all in one undo step. */
static void
test_apply_logs_every_row (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GkSheet) sheet = many_figures_sheet ();
  g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, NULL);
  g_autoptr(GError) error = NULL;
  int n_log = fixture_query_int (fixture->db, "SELECT COUNT(*) FROM change_log");

  assert_counts (plan, 150, 1, 0, 0, 0);
  gk_document_clear_history (fixture->document);
  g_assert_true (gk_import_plan_apply (plan, "veel.csv", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM change_log"), ==, n_log + 151);
  g_assert_cmpint (fixture_query_int (fixture->db,
                                      "SELECT COUNT(*) FROM change_log AS l JOIN measurement AS m ON m.id = l.row_id "
                                      "WHERE l.table_name = 'measurement' AND l.action = 'insert' "
                                      "AND m.period_date >= '2030-01-01'"), ==, 150);
  g_assert_cmpint (fixture_query_int (fixture->db,
                                      "SELECT COUNT(*) FROM change_log WHERE table_name = 'measurement' "
                                      "AND action = 'update' AND summary LIKE '%(value)'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_measurements (fixture->document)), ==, 153);
  assert_live_figures_match_file (fixture);
  assert_check_constraints_on (fixture->db);

  /* The undo step holds each new figure exactly as its row is (the group
   * wrote that part of its changeset itself): undo finds every row as it
   * recorded it, redo brings them back the same. */
  g_assert_true (gk_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_false (gk_document_can_undo (fixture->document));
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_measurements (fixture->document)), ==, 3);
  g_assert_cmpfloat (live_value (gk_document_get_measurements (fixture->document), "2026-02-01"), ==, 5100);

  g_assert_true (gk_document_redo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement"), ==, 153);
  g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement WHERE period_date >= '2030-01-01' "
                                      "AND value = 4000 + (CAST(substr(period_date, 1, 4) AS INTEGER) - 2030) * 12 "
                                      "+ CAST(substr(period_date, 6, 2) AS INTEGER) - 1"), ==, 150);
  assert_live_figures_match_file (fixture);
}

static GkMeasurement *
new_figure (const char *period)
{
  GkMeasurement *measurement = gk_measurement_new ();

  gk_measurement_set_indicator_id (measurement, 1);
  gk_measurement_set_period_date (measurement, period);
  gk_measurement_set_value (measurement, 42);
  return measurement;
}

/* What an import inserts with: in a group the record itself becomes the
 * live one (no copy); outside a group it is copied as by
 * gk_document_insert(); a cancelled group lets go of it again. */
static void
test_insert_adopt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GkMeasurement) adopted = new_figure ("2031-01-01");
  g_autoptr(GkMeasurement) alone = new_figure ("2031-02-01");
  g_autoptr(GkMeasurement) cancelled = new_figure ("2031-03-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *long_note = g_strnfill (300, 'x');
  GkMeasurement *live;

  /* A text of more than 127 bytes takes a varint of two in the changeset. */
  gk_measurement_set_note (adopted, long_note);
  gk_document_begin_group (fixture->document, "Adopt");
  g_assert_true (gk_document_insert_adopt (fixture->document, GK_RECORD (adopted), &error));
  g_assert_no_error (error);
  g_assert_true (gk_record_is_live (GK_RECORD (adopted)));
  g_assert_true (gk_document_lookup_measurement (fixture->document, 1, "2031-01-01") == adopted);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (adopted)), !=, 0);
  g_assert_cmpint (gk_record_get_version (GK_RECORD (adopted)), ==, 1);
  g_assert_true (gk_document_end_group (fixture->document, &error));
  g_assert_no_error (error);
  assert_live_figures_match_file (fixture);

  g_assert_true (gk_document_insert_adopt (fixture->document, GK_RECORD (alone), &error));
  g_assert_no_error (error);
  live = gk_document_lookup_measurement (fixture->document, 1, "2031-02-01");
  g_assert_nonnull (live);
  g_assert_true (live != alone);
  g_assert_false (gk_record_is_live (GK_RECORD (alone)));
  g_assert_cmpint (gk_record_get_id (GK_RECORD (alone)), ==, gk_record_get_id (GK_RECORD (live)));

  gk_document_begin_group (fixture->document, "Adopt and cancel");
  g_assert_true (gk_document_insert_adopt (fixture->document, GK_RECORD (cancelled), &error));
  g_assert_no_error (error);
  gk_document_cancel_group (fixture->document);
  g_assert_false (gk_record_is_live (GK_RECORD (cancelled)));
  g_assert_null (gk_document_lookup_measurement (fixture->document, 1, "2031-03-01"));
  assert_live_figures_match_file (fixture);

  /* Undo of the first group takes the adopted figure away. */
  g_assert_true (gk_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_null (gk_document_lookup_measurement (fixture->document, 1, "2031-01-01"));
  assert_live_figures_match_file (fixture);
}

typedef struct {
  guint n_items_changed;
} ListWatch;

/* The value of the live figure of "Kosten jeugdhulp" for @period. */
static double
live_value (GListModel *measurements,
            const char *period)
{
  for (guint i = 0; i < g_list_model_get_n_items (measurements); i++)
    {
      g_autoptr(GkMeasurement) measurement = g_list_model_get_item (measurements, i);

      if (gk_measurement_get_indicator_id (measurement) == 1 &&
          g_strcmp0 (gk_measurement_get_period_date (measurement), period) == 0)
        return gk_measurement_get_value (measurement);
    }
  g_error ("no live figure for %s", period);
  return 0;
}

static void
on_list_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ListWatch  *watch)
{
  watch->n_items_changed++;
}

/* A write that fails halfway, of a figure or of its change log row, leaves
 * the file, the change log, the objects and the history exactly as before. */
static void
test_apply_failing_halfway_changes_nothing (Fixture       *fixture,
                                            gconstpointer  data)
{
  static const struct {
    const char *create;
    const char *drop;
  } triggers[] = {
    /* the 120th new figure cannot be written */
    { "CREATE TEMP TRIGGER fail_figure BEFORE INSERT ON main.measurement WHEN NEW.period_date = '2039-12-01' "
      "BEGIN SELECT RAISE(ABORT, 'disk full'); END", "DROP TRIGGER temp.fail_figure" },
    /* the change log cannot be written once the figures are */
    { "CREATE TEMP TRIGGER fail_log BEFORE INSERT ON main.change_log "
      "BEGIN SELECT RAISE(ABORT, 'disk full'); END", "DROP TRIGGER temp.fail_log" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      g_autoptr(GkSheet) sheet = many_figures_sheet ();
      g_autoptr(GkImportPlan) plan = plan_for (fixture, sheet, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = dump_measurements (fixture->db);
      g_autofree char *log_before = dump_change_log (fixture->db);
      g_autofree char *after = NULL;
      g_autofree char *log_after = NULL;
      GListModel *measurements = gk_document_get_measurements (fixture->document);
      ListWatch watch = { 0 };
      gulong handler;

      gk_document_clear_history (fixture->document);
      g_assert_cmpint (sqlite3_exec (fixture->db, triggers[i].create, NULL, NULL, NULL), ==, SQLITE_OK);
      handler = g_signal_connect (measurements, "items-changed", G_CALLBACK (on_list_changed), &watch);

      g_assert_false (gk_import_plan_apply (plan, "veel.csv", FALSE, &error));
      g_assert_nonnull (error);

      g_signal_handler_disconnect (measurements, handler);
      g_assert_cmpint (sqlite3_exec (fixture->db, triggers[i].drop, NULL, NULL, NULL), ==, SQLITE_OK);
      after = dump_measurements (fixture->db);
      log_after = dump_change_log (fixture->db);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpstr (log_after, ==, log_before);
      g_assert_false (gk_document_can_undo (fixture->document));
      g_assert_cmpuint (g_list_model_get_n_items (measurements), ==, 3);
      /* The list heard of the changed figure (and of it changing back), not
       * of each new figure that came and went. */
      g_assert_cmpuint (watch.n_items_changed, <=, 2);
      g_assert_cmpfloat (live_value (measurements, "2026-02-01"), ==, 5100);
      /* No transaction is left open. */
      g_assert_cmpint (sqlite3_get_autocommit (fixture->db), !=, 0);
      assert_check_constraints_on (fixture->db);

      /* And the import works once the disk is fine again. */
      g_clear_error (&error);
      g_assert_true (gk_import_plan_apply (plan, "veel.csv", FALSE, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fixture_query_int (fixture->db, "SELECT COUNT(*) FROM measurement"), ==, 153);
      g_assert_true (gk_document_undo (fixture->document, &error));
      g_assert_no_error (error);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/figures/import/dutch-excel-fates", test_dutch_excel_fates);
  ADD ("/figures/import/one-undo-step-and-twice", test_apply_one_undo_step_and_twice);
  ADD ("/figures/import/logs-every-row", test_apply_logs_every_row);
  ADD ("/figures/import/failing-halfway", test_apply_failing_halfway_changes_nothing);
  ADD ("/figures/import/refused-rows", test_refused_rows_change_nothing);
  ADD ("/figures/import/equal-duplicates", test_equal_duplicates);
  ADD ("/figures/import/statline", test_statline);
  ADD ("/figures/import/statline-periods-across", test_statline_periods_across);
  ADD ("/figures/import/wide-decimal-point", test_wide_decimal_point);
  ADD ("/figures/import/workbooks", test_workbooks);
  ADD ("/figures/import/columns", test_columns_by_name_or_number);
  ADD ("/figures/import/find-indicator", test_find_indicator);
  ADD ("/figures/import/insert-adopt", test_insert_adopt);
#undef ADD

  return g_test_run ();
}
