/* fuzz-cells.c: libFuzzer target for hostile values in a sound project file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file itself is sound: a small programme (SMALL_PROGRAMME, a row or
 * a few in every table, about the demo's, so that every chart and every
 * section of the report has something to show), written once per process
 * into a new file that the core made. Small, because the demo itself
 * takes a second an input under the sanitizers.
 * The bytes choose up to four cells (a table, a row, a column) and a value
 * for each: text with odd UTF-8, control characters or a huge length,
 * numbers such as NaN, infinities, -0 and the largest ones, dates at the
 * edges of the calendar and beyond, NULL, a blob, the empty text. They are
 * written with SQLite itself into a copy of the file, with its CHECKs and
 * foreign keys on: what SQLite accepts is a file another honest program
 * could write. Then the copy is opened, analysed, charted and reported as
 * in fuzz-project (see fuzz-open.h).
 *
 * Input: one byte for the number of edits, then per edit a table byte, two
 * row bytes, a column byte, a kind byte and the kind's payload.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <sqlite3.h>

#include "fuzz-open.h"
#include "gk-project-file.h"
#include "gk-tables.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_EDITS 4
#define HUGE_TEXT_BYTES (1 << 20)

static GBytes *base_file;

/* Dates around FUZZ_TODAY (2026-06-15). */
static const char SMALL_PROGRAMME[] =
  "INSERT INTO person (id, name, role, email) VALUES"
  "  (1, 'Sanne de Vries', 'projectleider', 'sanne@example.org'), (2, 'Ahmed Bakker', 'controller', '');"
  "INSERT INTO programme (id, title, municipality, domains, lead_id, start_date, end_date, ambition,"
  "                       review_cycle, headline_rule)"
  "  VALUES (1, 'Grip op jeugdhulp', 'Voorbeeldstad', 'jeugd,wmo', 1, '2025-10-01', '2027-10-31',"
  "          'Sneller hulp', 'monthly', 'worst');"
  "INSERT INTO topic (id, name, position, target_level, target_date, owner_id) VALUES"
  "  (1, 'Toegang', 0, 'in-control', '2027-01-01', 1), (2, 'Kosten', 1, 'vigilant', NULL, 2);"
  "INSERT INTO assessment (topic_id, date, level, rationale, confidence, assessed_by_id) VALUES"
  "  (1, '2026-01-15', 'serious', 'Wachtlijsten', 4, 1), (1, '2026-04-15', 'vigilant', 'Korter', 6, 1),"
  "  (2, '2026-02-10', 'vigilant', 'Overschrijding', 5, 2), (2, '2026-05-20', 'serious', 'Meer', 7, 2);"
  "INSERT INTO focus_project (id, name, goal, owner_id, status, health, start_date, end_date,"
  "                           budget_cents, saving_cents, position) VALUES"
  "  (1, 'Wijkteams', 'Dichtbij', 1, 'active', 'at-risk', '2025-11-01', '2026-12-31', 5000000, 100000, 0),"
  "  (2, 'Inkoop', '', NULL, 'draft', 'on-track', NULL, NULL, NULL, NULL, 1);"
  "INSERT INTO project_topic (project_id, topic_id) VALUES (1, 1), (2, 2);"
  "INSERT INTO measure (id, project_id, title, owner_id, status, kind, start_date, due_date, done_date,"
  "                     progress, saving_cents, position) VALUES"
  "  (1, 1, 'Loket', 1, 'in-progress', 'structural', '2026-01-01', '2026-05-31', NULL, 40, 2500, 0),"
  "  (2, 1, 'Spreekuur', 2, 'done', 'quick-win', '2025-12-01', '2026-02-28', '2026-02-20', 100, NULL, 1),"
  "  (3, 2, 'Contracten', NULL, 'idea', 'structural', NULL, '2026-09-30', NULL, 0, -500, 0);"
  "INSERT INTO measure_target (measure_id, topic_id, target_level, target_date) VALUES"
  "  (1, 1, 'in-control', '2026-12-31'), (3, 2, 'vigilant', NULL);"
  "INSERT INTO measure_link (from_measure_id, to_measure_id, kind) VALUES (1, 2, 'depends-on');"
  "INSERT INTO indicator (id, name, unit, direction, frequency, baseline_value, baseline_date,"
  "                       target_value, target_date, signal_serious, signal_control, source, position) VALUES"
  "  (1, 'Wachttijd', 'weeks', 'lower', 'monthly', 9, '2025-10-01', 4, '2027-01-01', 8, 5, 'Register', 0),"
  "  (2, 'Binnen budget', 'percent', 'higher', 'quarterly', 80, '2025-10-01', 100, NULL, 85, 95, '', 1);"
  "INSERT INTO indicator_topic (indicator_id, topic_id) VALUES (1, 1), (2, 2);"
  "INSERT INTO indicator_project (indicator_id, project_id) VALUES (1, 1);"
  "INSERT INTO measurement (indicator_id, period_date, value, note, entered_by) VALUES"
  "  (1, '2026-01-01', 9.5, '', 'Sanne'), (1, '2026-02-01', 8.5, '', ''), (1, '2026-03-01', 7, 'Zomer', ''),"
  "  (1, '2026-04-01', 6.5, '', ''), (1, '2026-05-01', 6, '', ''),"
  "  (2, '2025-10-01', 82, '', ''), (2, '2026-01-01', 88, '', ''), (2, '2026-04-01', 91, '', '');"
  "INSERT INTO journal_entry (date, author, kind, text, topic_id, project_id, measure_id) VALUES"
  "  ('2026-05-12', 'Sanne', 'decision', 'Besluit', 1, NULL, NULL),"
  "  ('2026-05-20', '', 'risk', 'Risico', NULL, 1, NULL),"
  "  ('2026-06-01', '', 'progress', 'Voortgang', NULL, NULL, 1);"
  "INSERT INTO catalogue_measure (topic_name, title, kind, chain_phase) VALUES"
  "  ('Toegang', 'Loket', 'structural', 'inflow');"
  "INSERT INTO change_log (changed_at, changed_by, table_name, row_id, action, summary) VALUES"
  "  ('2026-06-01T09:00:00Z', 'Sanne', 'measure', 1, 'update', 'Voortgang');";

typedef struct {
  const guint8 *data;
  size_t        left;
} Reader;

static guint
read_byte (Reader *r)
{
  if (r->left == 0)
    return 0;
  r->left--;
  return *r->data++;
}

static guint
read_u16 (Reader *r)
{
  guint high = read_byte (r);

  return (high << 8) | read_byte (r);
}

/* Up to @n bytes of the input, as they are. */
static const guint8 *
read_bytes (Reader *r,
            size_t  n,
            size_t *out_n)
{
  const guint8 *start = r->data;

  *out_n = MIN (n, r->left);
  r->data += *out_n;
  r->left -= *out_n;
  return start;
}

static void
make_base_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fuzz_dir, "base.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkProjectFile) project = gk_project_file_new (&error);
  g_autofree char *contents = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;
  gsize length;

  if (project == NULL || !gk_project_file_save_as (project, file, &error))
    {
      fprintf (stderr, "fuzz: no base programme: %s\n", error->message);
      abort ();
    }
  gk_project_file_close (project);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, SMALL_PROGRAMME, NULL, NULL, &message) != SQLITE_OK)
    {
      fprintf (stderr, "fuzz: no base programme: %s\n", message != NULL ? message : sqlite3_errmsg (db));
      abort ();
    }
  sqlite3_close (db);
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "fuzz: no base programme: %s\n", error->message);
      abort ();
    }
  g_unlink (path);
  base_file = g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* --- values ---------------------------------------------------------------------- */

static const double special_numbers[] = {
  NAN, INFINITY, -INFINITY, -0.0, 0.0, DBL_MAX, -DBL_MAX, DBL_MIN, DBL_TRUE_MIN,
  9007199254740993.0, 1e300, -1e300, 0.5, -1, 100, 101, 1e-300,
};

static const gint64 special_integers[] = {
  G_MININT64, G_MAXINT64, G_MININT32, G_MAXINT32, -1, 0, 1, 2, 100, 101,
  G_MAXINT64 / 100, 9007199254740993, 2147483648,
};

static const char * const special_dates[] = {
  "0000-01-01", "0001-01-01", "1582-10-10", "1899-12-31", "1900-01-01", "1970-01-01",
  "2024-02-29", "2025-02-29", "2026-06-15", "2026-06-30", "2026-12-31", "9999-12-31",
  "10000-01-01", "-001-01-01", "2026-13-01", "2026-00-10", "2026-06-00", "2026-06-31",
  "2026-6-1", " 2026-06-01", "2026-06-01 ", "2026-06-01T00:00:00", "20260601", "",
  "2026-06-01\n", "2026/06/01", "\xef\xbc\x92\x30\x32\x36-06-01", "2026-06-1\xd9\xa1",
};

/* Texts that come with a kind byte: the bytes as given, or those made odd. */
static const char * const odd_texts[] = {
  "", " ", "\t\n\r", "\x01\x02\x7f", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80",
  "\xef\xbb\xbf", "\xe2\x80\xae\x61\x62\x63", "a\xcc\x81\xcc\x81\xcc\x81", "\xf0\x9f\x98\x80",
  "serious", "vigilant", "in-control", "none", "lower", "higher", "monthly", "quarterly", "yearly",
  "in-progress", "done", "dropped", "active", "depends-on", "conflicts-with", "euro", "percent",
  "median", "decision", "risk", "SERIOUS", "serious ",
  "jeugd,wmo", ",,", "jeugd,jeugd", "%s%n", "\xe2\x80\x8b",
};

typedef enum {
  KIND_NULL,
  KIND_TEXT,          /* the next bytes, up to a length */
  KIND_ODD_TEXT,      /* one of odd_texts */
  KIND_HUGE_TEXT,     /* bytes repeated to a large length */
  KIND_NUMBER,        /* one of special_numbers */
  KIND_RAW_DOUBLE,    /* eight bytes */
  KIND_INTEGER,       /* one of special_integers */
  KIND_RAW_INTEGER,   /* eight bytes */
  KIND_DATE,          /* one of special_dates */
  KIND_MADE_DATE,     /* a year, month and day from the bytes */
  KIND_BLOB,
  KIND_NUMBER_TEXT,   /* a number written as text */
  N_KINDS
} ValueKind;

static gint64
read_i64 (Reader *r)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value = (value << 8) | read_byte (r);
  return (gint64) value;
}

static int
bind_value (sqlite3_stmt *stmt,
            int           index,
            Reader       *r)
{
  ValueKind kind = read_byte (r) % N_KINDS;
  const guint8 *bytes;
  size_t n;

  switch (kind)
    {
    case KIND_NULL:
      return sqlite3_bind_null (stmt, index);
    case KIND_TEXT:
      bytes = read_bytes (r, read_u16 (r), &n);
      return sqlite3_bind_text (stmt, index, (const char *) bytes, (int) n, SQLITE_TRANSIENT);
    case KIND_ODD_TEXT:
      return sqlite3_bind_text (stmt, index, odd_texts[read_byte (r) % G_N_ELEMENTS (odd_texts)], -1,
                                SQLITE_STATIC);
    case KIND_HUGE_TEXT:
      {
        size_t length = ((size_t) read_byte (r) + 1) * (HUGE_TEXT_BYTES / 256);
        char *text;

        bytes = read_bytes (r, 16, &n);
        text = g_malloc (length);
        for (size_t i = 0; i < length; i++)
          text[i] = n > 0 ? (char) bytes[i % n] : 'x';
        return sqlite3_bind_text (stmt, index, text, (int) length, g_free);
      }
    case KIND_NUMBER:
      return sqlite3_bind_double (stmt, index, special_numbers[read_byte (r) % G_N_ELEMENTS (special_numbers)]);
    case KIND_RAW_DOUBLE:
      {
        gint64 bits = read_i64 (r);
        double value;

        memcpy (&value, &bits, sizeof value);
        return sqlite3_bind_double (stmt, index, value);
      }
    case KIND_INTEGER:
      return sqlite3_bind_int64 (stmt, index, special_integers[read_byte (r) % G_N_ELEMENTS (special_integers)]);
    case KIND_RAW_INTEGER:
      return sqlite3_bind_int64 (stmt, index, read_i64 (r));
    case KIND_DATE:
      return sqlite3_bind_text (stmt, index, special_dates[read_byte (r) % G_N_ELEMENTS (special_dates)], -1,
                                SQLITE_STATIC);
    case KIND_MADE_DATE:
      {
        int year = (int) read_u16 (r) % 12000 - 1000;
        guint month = read_byte (r) % 14;
        guint day = read_byte (r) % 33;
        g_autofree char *text = g_strdup_printf ("%04d-%02u-%02u", year, month, day);

        return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      }
    case KIND_BLOB:
      bytes = read_bytes (r, read_byte (r), &n);
      return sqlite3_bind_blob (stmt, index, bytes, (int) n, SQLITE_TRANSIENT);
    case KIND_NUMBER_TEXT:
      {
        char text[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_dtostr (text, sizeof text, special_numbers[read_byte (r) % G_N_ELEMENTS (special_numbers)]);
        return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      }
    case N_KINDS:
    default:
      break;
    }
  g_assert_not_reached ();
}

/* --- edits ----------------------------------------------------------------------- */

static gint64
pick_row (sqlite3       *db,
          const GkTable *table,
          guint          choice)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET "
                                          "(?1 %% MAX (1, (SELECT count(*) FROM %s)))",
                                          table->name, table->name);
  sqlite3_stmt *stmt = NULL;
  gint64 id = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    abort ();
  sqlite3_bind_int (stmt, 1, (int) choice);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* One UPDATE; SQLite refusing it (a CHECK, a foreign key) is no finding. */
static void
apply_edit (sqlite3 *db,
            Reader  *r)
{
  const GkTable * const *tables = gk_tables_get_all ();
  guint n_tables = 0;
  const GkTable *table;
  const GkColumn *column;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id;
  guint row;

  while (tables[n_tables] != NULL)
    n_tables++;
  table = tables[read_byte (r) % n_tables];
  row = read_u16 (r);
  column = &table->columns[read_byte (r) % table->n_columns];

  id = pick_row (db, table, row);
  if (id < 0)
    return;
  sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table->name, column->name);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    abort ();
  bind_value (stmt, 1, r);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
}

static void
write_edits (const guint8 *data,
             size_t        size)
{
  Reader r = { data, size };
  sqlite3 *db = NULL;
  guint n_edits;

  if (!g_file_set_contents (fuzz_path, g_bytes_get_data (base_file, NULL), g_bytes_get_size (base_file), NULL))
    abort ();
  if (sqlite3_open_v2 (fuzz_path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    abort ();
  sqlite3_exec (db, "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
  n_edits = 1 + read_byte (&r) % MAX_EDITS;
  for (guint e = 0; e < n_edits && r.left > 0; e++)
    apply_edit (db, &r);
  if (sqlite3_close (db) != SQLITE_OK)
    abort ();
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  fuzz_setup ();
  if (base_file == NULL)
    make_base_file ();
  write_edits (data, size);
  fuzz_open_and_draw ();
  return 0;
}
