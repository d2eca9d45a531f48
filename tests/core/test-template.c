/* test-template.c: the template and catalogue load in both languages, user
 * files override them, broken user files are refused, and a new programme is
 * written in one piece
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-schema.h"
#include "gk-template.h"
#include "gk-template-private.h"

static const char * const dutch_topics[] = {
  "Visie en sturing",
  "Toegang",
  "Preventie en voorliggend veld",
  "Inkoop",
  "Contractmanagement",
  "Financiën",
  "Informatievoorziening en data",
  "Monitoring en verantwoording",
  "Uitvoering en beheer",
};

static const char * const english_topics[] = {
  "Vision and steering",
  "Access",
  "Prevention and community services",
  "Procurement",
  "Contract management",
  "Finance",
  "Information and data",
  "Monitoring and accountability",
  "Operations and management",
};

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

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
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

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_topics (GkTemplate         *template,
               const char * const *names)
{
  g_assert_cmpuint (gk_template_get_n_topics (template), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      const GkTemplateTopic *topic = gk_template_get_topic (template, i);

      g_assert_cmpstr (topic->name, ==, names[i]);
      /* Real content, not a placeholder: a sentence or more each. */
      g_assert_cmpuint (strlen (topic->description), >, 40);
      g_assert_cmpuint (strlen (topic->descriptor_serious), >, 40);
      g_assert_cmpuint (strlen (topic->descriptor_vigilant), >, 40);
      g_assert_cmpuint (strlen (topic->descriptor_in_control), >, 40);
      g_assert_cmpuint (strlen (topic->challenges), >, 40);
      g_assert_cmpstr (topic->descriptor_serious, !=, topic->descriptor_vigilant);
      g_assert_cmpstr (topic->descriptor_vigilant, !=, topic->descriptor_in_control);
    }
}

static void
test_english (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = gk_template_load_builtin ("C", &error);

  g_assert_no_error (error);
  assert_topics (template, english_topics);
  g_assert_true (g_str_has_prefix (gk_template_get_topic (template, 3)->descriptor_serious,
                                   "Open house"));
}

static void
test_dutch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) short_locale = gk_template_load_builtin ("nl", &error);
  g_autoptr(GkTemplate) full_locale = NULL;

  g_assert_no_error (error);
  assert_topics (short_locale, dutch_topics);
  g_assert_true (strstr (gk_template_get_topic (short_locale, 3)->descriptor_in_control,
                         "kostprijs") != NULL);

  full_locale = gk_template_load_builtin ("nl_NL.UTF-8", &error);
  g_assert_no_error (error);
  assert_topics (full_locale, dutch_topics);
}

/* Without a locale the process's languages decide: the tests run under
 * LC_ALL=C.UTF-8, so this is English unless LANGUAGE says otherwise. */
static void
test_process_locale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = NULL;

  g_unsetenv ("LANGUAGE");
  template = gk_template_load_default (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_template_get_topic (template, 0)->name, ==, "Vision and steering");
}

/* LANGUAGE=nl (as a Dutch desktop sets it) picks the Dutch names. */
static void
test_language_environment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = NULL;

  g_setenv ("LANGUAGE", "nl", TRUE);
  template = gk_template_load_default (NULL, &error);
  g_unsetenv ("LANGUAGE");

  g_assert_no_error (error);
  assert_topics (template, dutch_topics);
}

static void
assert_catalogue (GkTemplate *template)
{
  guint n = gk_template_get_n_catalogue_measures (template);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  guint per_kind[2] = { 0, 0 };
  guint per_phase[4] = { 0, 0, 0, 0 };

  g_assert_cmpuint (n, >=, 30);

  for (guint t = 0; t < gk_template_get_n_topics (template); t++)
    {
      const char *topic_name = gk_template_get_topic (template, t)->name;
      guint count = 0;

      for (guint i = 0; i < n; i++)
        if (g_str_equal (gk_template_get_catalogue_measure (template, i)->topic_name, topic_name))
          count++;
      /* Every topic has a few measures to choose from. */
      g_assert_cmpuint (count, >=, 3);
      g_assert_cmpuint (count, <=, 6);
    }

  for (guint i = 0; i < n; i++)
    {
      const GkTemplateMeasure *measure = gk_template_get_catalogue_measure (template, i);

      g_assert_cmpuint (strlen (measure->title), >, 5);
      g_assert_cmpuint (strlen (measure->description), >, 40);
      g_assert_cmpuint (strlen (measure->expected_effect), >, 20);
      g_assert_false (g_hash_table_contains (titles, measure->title));
      g_hash_table_add (titles, (gpointer) measure->title);
      per_kind[measure->kind]++;
      per_phase[measure->chain_phase]++;
    }
  g_assert_cmpuint (per_kind[GK_MEASURE_KIND_QUICK_WIN], >, 5);
  g_assert_cmpuint (per_kind[GK_MEASURE_KIND_STRUCTURAL], >, 5);
  for (guint p = 0; p < G_N_ELEMENTS (per_phase); p++)
    g_assert_cmpuint (per_phase[p], >, 0);
}

static gboolean
catalogue_has_title (GkTemplate *template,
                     const char *title)
{
  for (guint i = 0; i < gk_template_get_n_catalogue_measures (template); i++)
    if (g_str_equal (gk_template_get_catalogue_measure (template, i)->title, title))
      return TRUE;
  return FALSE;
}

static void
test_catalogue (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) english = gk_template_load_builtin ("C", &error);
  g_autoptr(GkTemplate) dutch = gk_template_load_builtin ("nl", &error);

  g_assert_no_error (error);
  assert_catalogue (english);
  assert_catalogue (dutch);
  g_assert_cmpuint (gk_template_get_n_catalogue_measures (english), ==,
                    gk_template_get_n_catalogue_measures (dutch));

  g_assert_true (catalogue_has_title (dutch, "Praktijkondersteuner jeugd (POH-jeugd) bij de huisarts"));
  g_assert_true (catalogue_has_title (dutch, "Resultaatgericht inkopen"));
  g_assert_true (catalogue_has_title (dutch, "Kwartaaldashboard sociaal domein"));
  g_assert_true (catalogue_has_title (dutch, "Budgetplafonds per aanbieder"));
  g_assert_true (catalogue_has_title (english, "Procure on results"));
}

static char *
user_file_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "gripkaart", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static void
write_user_file (const char *name,
                 const char *contents)
{
  g_autofree char *path = user_file_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
remove_user_file (const char *name)
{
  g_autofree char *path = user_file_path (name);

  g_remove (path);
}

static void
test_user_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = NULL;

  write_user_file ("template.ini",
                   "[Topic a]\nname=Wachtlijsten\nname[nl]=Wachtlijsten NL\n"
                   "serious=Lang\n\n[Topic b]\nname=Jongerenwerk\n");
  template = gk_template_load_default ("nl", &error);
  remove_user_file ("template.ini");

  g_assert_no_error (error);
  g_assert_cmpuint (gk_template_get_n_topics (template), ==, 2);
  g_assert_cmpstr (gk_template_get_topic (template, 0)->name, ==, "Wachtlijsten NL");
  g_assert_cmpstr (gk_template_get_topic (template, 0)->descriptor_serious, ==, "Lang");
  g_assert_cmpstr (gk_template_get_topic (template, 1)->name, ==, "Jongerenwerk");
  g_assert_cmpstr (gk_template_get_topic (template, 1)->descriptor_in_control, ==, "");
  /* The catalogue is still the built-in one. */
  g_assert_cmpuint (gk_template_get_n_catalogue_measures (template), >=, 30);
}

typedef struct {
  const char *file;
  const char *contents;
  const char *message_part;
} BrokenCase;

static void
test_broken_user_files (void)
{
  static const BrokenCase cases[] = {
    { "template.ini", "[Topic a\nname=Broken group\n", "template.ini" },
    { "template.ini", "this is not a key file\n", "template.ini" },
    { "template.ini", "[Topic a]\ndescription=no name\n", "name" },
    { "template.ini", "[Template]\nversion=1\n", "no topics" },
    { "template.ini", "[Topic a]\nname=   \n", "name" },
    { "catalogue.ini", "[Measure x]\ntitle=T\nkind=sometimes\n", "sometimes" },
    { "catalogue.ini", "[Measure x]\ntitle=T\nchain-phase=upstream\n", "upstream" },
    { "catalogue.ini", "[Measure x]\ndescription=no title\n", "title" },
    { "catalogue.ini", "[Measure x\n", "catalogue.ini" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkTemplate) template = NULL;

      write_user_file (cases[i].file, cases[i].contents);
      template = gk_template_load_default ("C", &error);
      remove_user_file (cases[i].file);

      g_assert_null (template);
      g_assert_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID);
      g_test_message ("case %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_unreadable_user_file (void)
{
  g_autofree char *path = user_file_path ("catalogue.ini");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = NULL;

  /* A directory where the file should be cannot be read: an error, not the
   * built-in catalogue. */
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  template = gk_template_load_default ("C", &error);
  g_rmdir (path);

  g_assert_null (template);
  g_assert_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID);
}

static GkProgrammeInit
sample_init (GDate     *start,
             GDate     *end,
             GDateTime *now)
{
  GkProgrammeInit init = {
    .title = "Veranderopgave jeugdhulp",
    .municipality = "Voorbeeldstad",
    .domains = GK_DOMAIN_JEUGD | GK_DOMAIN_WMO,
    .start_date = start,
    .end_date = end,
    .lead_name = "Sanne de Vries",
    .ambition = "Grip op de jeugdhulp",
    .review_cycle = GK_REVIEW_CYCLE_QUARTERLY,
    .author = "Sanne",
    .now = now,
  };

  return init;
}

static void
test_apply (void)
{
  sqlite3 *db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = gk_template_load_builtin ("nl", &error);
  g_autoptr(GDate) start = g_date_new_dmy (1, 1, 2026);
  g_autoptr(GDate) end = g_date_new_dmy (31, 12, 2027);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 5, 10, 30, 0);
  GkProgrammeInit init = sample_init (start, end, now);
  g_autofree char *programme = NULL;
  g_autofree char *inkoop = NULL;

  g_assert_no_error (error);
  g_assert_true (gk_template_apply (template, db, &init, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM programme"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM catalogue_measure"), ==,
                   gk_template_get_n_catalogue_measures (template));
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT position) FROM topic"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT min(position) FROM topic"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT max(position) FROM topic"), ==, 8);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic WHERE descriptor_serious = ''"
                                  " OR descriptor_vigilant = '' OR descriptor_in_control = ''"
                                  " OR challenges = ''"), ==, 0);
  /* Every catalogue measure belongs to one of the file's topics. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM catalogue_measure"
                                  " WHERE topic_name NOT IN (SELECT name FROM topic)"), ==, 0);

  programme = query_text (db, "SELECT title || '|' || municipality || '|' || domains || '|'"
                              " || start_date || '|' || end_date || '|' || review_cycle || '|'"
                              " || (SELECT name || '/' || role FROM person WHERE id = lead_id)"
                              " || '|' || updated_at || '|' || updated_by FROM programme");
  g_assert_cmpstr (programme, ==, "Veranderopgave jeugdhulp|Voorbeeldstad|jeugd,wmo|2026-01-01|"
                                  "2027-12-31|quarterly|Sanne de Vries/projectleider|"
                                  "2026-01-05T10:30:00Z|Sanne");
  inkoop = query_text (db, "SELECT name FROM topic WHERE position = 3");
  g_assert_cmpstr (inkoop, ==, "Inkoop");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic WHERE updated_at <> '2026-01-05T10:30:00Z'"
                                  " OR updated_by <> 'Sanne'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM catalogue_measure"
                                  " WHERE updated_at <> '2026-01-05T10:30:00Z'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* A second time: the file is no longer empty, and nothing changes. */
  g_assert_false (gk_template_apply (template, db, &init, &error));
  g_assert_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 1);
  sqlite3_close (db);
}

static void
test_apply_minimal (void)
{
  sqlite3 *db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = gk_template_load_builtin ("C", &error);
  GkProgrammeInit init = { .title = "Change programme" };

  g_assert_true (gk_template_apply (template, db, &init, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM programme"
                                  " WHERE lead_id IS NULL AND start_date IS NULL"
                                  " AND review_cycle = 'monthly' AND updated_at LIKE '____-__-__T__:__:__Z'"),
                   ==, 1);
  sqlite3_close (db);
}

static void
test_apply_refuses_bad_programme (void)
{
  sqlite3 *db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = gk_template_load_builtin ("C", &error);
  g_autoptr(GDate) start = g_date_new_dmy (1, 1, 2026);
  g_autoptr(GDate) end = g_date_new_dmy (31, 12, 2025);
  GkProgrammeInit blank = { .title = "  \t " };
  GkProgrammeInit reversed = { .title = "Programme", .start_date = start, .end_date = end };

  g_assert_false (gk_template_apply (template, db, &blank, &error));
  g_assert_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID_PROGRAMME);
  g_clear_error (&error);

  g_assert_false (gk_template_apply (template, db, &reversed, &error));
  g_assert_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID_PROGRAMME);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), ==, 0);
  sqlite3_close (db);
}

/* A failure half-way leaves nothing behind: all of it or nothing. */
static void
test_apply_is_atomic (void)
{
  sqlite3 *db = new_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkTemplate) template = gk_template_load_builtin ("C", &error);
  GkProgrammeInit init = { .title = "Programme", .lead_name = "Lead" };

  /* Make the catalogue (the last step) fail. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TRIGGER refuse BEFORE INSERT ON catalogue_measure"
                                 " BEGIN SELECT raise(ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (gk_template_apply (template, db, &init, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM programme"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM topic"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (db));
  sqlite3_close (db);
}

static void
test_timestamp (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (zone, 2026, 7, 1, 1, 15, 30.5);
  g_autofree char *text = gk_template_format_timestamp (local);

  g_assert_cmpstr (text, ==, "2026-06-30T23:15:30Z");
}

int
main (int   argc,
      char *argv[])
{
  /* A private configuration directory, so that the user's own template never
   * counts and the tests never touch it. (Not G_TEST_OPTION_ISOLATE_DIRS:
   * GLib 2.74 leaks the old directories on every test, which LeakSanitizer
   * reports.) Set before anything asks GLib for it. */
  g_autofree char *config_dir = g_dir_make_tmp ("gk-test-template-XXXXXX", NULL);
  g_autofree char *gripkaart_dir = g_build_filename (config_dir, "gripkaart", NULL);
  int status;

  g_assert_nonnull (config_dir);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/english", test_english);
  g_test_add_func ("/template/dutch", test_dutch);
  g_test_add_func ("/template/process-locale", test_process_locale);
  g_test_add_func ("/template/language-environment", test_language_environment);
  g_test_add_func ("/template/catalogue", test_catalogue);
  g_test_add_func ("/template/user-template", test_user_template);
  g_test_add_func ("/template/broken-user-files", test_broken_user_files);
  g_test_add_func ("/template/unreadable-user-file", test_unreadable_user_file);
  g_test_add_func ("/template/apply", test_apply);
  g_test_add_func ("/template/apply-minimal", test_apply_minimal);
  g_test_add_func ("/template/apply-refuses-bad-programme", test_apply_refuses_bad_programme);
  g_test_add_func ("/template/apply-is-atomic", test_apply_is_atomic);
  g_test_add_func ("/template/timestamp", test_timestamp);

  status = g_test_run ();
  g_rmdir (gripkaart_dir);
  g_rmdir (config_dir);
  return status;
}
