/* gk-demo-writer.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer of gk-demo-writer.h: statements, dates and the first error.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-demo-writer.h"
#include "gk-template-private.h"

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
writer_init (GkDemoWriter *w,
             sqlite3      *db,
             const GDate  *reference,
             guint32       seed)
{
  memset (w, 0, sizeof *w);
  w->db = db;
  w->reference = *reference;
  /* Rows are stamped as if written at nine in the morning of the reference day. */
  w->stamp = g_strdup_printf ("%04u-%02u-%02uT09:00:00Z", g_date_get_year (reference),
                              g_date_get_month (reference), g_date_get_day (reference));
  w->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  w->rand = g_rand_new_with_seed (seed);
}

static void
writer_clear (GkDemoWriter *w)
{
  g_clear_pointer (&w->statements, g_hash_table_unref);
  g_clear_pointer (&w->rand, g_rand_free);
  g_clear_pointer (&w->stamp, g_free);
  g_clear_error (&w->error);
}

void
gk_demo_writer_fail (GkDemoWriter *w)
{
  if (w->error == NULL)
    w->error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                            _("Could not write the demo programme: %s"), sqlite3_errmsg (w->db));
}

sqlite3_stmt *
gk_demo_writer_statement (GkDemoWriter *w,
                          const char   *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (w->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          gk_demo_writer_fail (w);
          return NULL;
        }
      g_hash_table_insert (w->statements, (gpointer) sql, stmt);
    }
  return stmt;
}

/* Runs one INSERT or UPDATE and returns the new row's id (0 after an error).
 * types has one letter per parameter:
 *   s  const char *  (NULL binds NULL)
 *   i  int
 *   I  gint64
 *   N  gint64 id, 0 binds NULL
 *   f  double
 *   T  no argument: the row stamp (updated_at) */
gint64
gk_demo_writer_run (GkDemoWriter *w,
                    const char   *sql,
                    const char   *types,
                    ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  if (w->error != NULL || (stmt = gk_demo_writer_statement (w, sql)) == NULL)
    return 0;

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      int index = i + 1;

      switch (types[i])
        {
        case 's':
          {
            const char *text = va_arg (args, const char *);

            if (text == NULL)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
          }
          break;
        case 'i':
          sqlite3_bind_int (stmt, index, va_arg (args, int));
          break;
        case 'I':
          sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
          break;
        case 'N':
          {
            gint64 id = va_arg (args, gint64);

            if (id == 0)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_int64 (stmt, index, id);
          }
          break;
        case 'f':
          sqlite3_bind_double (stmt, index, va_arg (args, double));
          break;
        case 'T':
          sqlite3_bind_text (stmt, index, w->stamp, -1, SQLITE_STATIC);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      gk_demo_writer_fail (w);
      return 0;
    }
  return sqlite3_last_insert_rowid (w->db);
}

const char *
gk_demo_writer_date (GkDemoWriter *w,
                     const GDate  *date)
{
  char *slot = w->dates[w->next_date++ % G_N_ELEMENTS (w->dates)];

  g_snprintf (slot, sizeof w->dates[0], "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return slot;
}

void
gk_demo_shift_days (GDate *date,
                    int    days)
{
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
}

void
gk_demo_shift_months (GDate *date,
                      int    months)
{
  if (months >= 0)
    g_date_add_months (date, months);
  else
    g_date_subtract_months (date, -months);
}

/* The reference date plus a number of days; NULL for NO_DATE. */
const char *
gk_demo_days_from_reference (GkDemoWriter *w,
                             int           days)
{
  GDate date = w->reference;

  if (days == NO_DATE)
    return NULL;
  gk_demo_shift_days (&date, days);
  return gk_demo_writer_date (w, &date);
}

/* The first day of the month a number of months from the reference month. */
void
gk_demo_month_start (GkDemoWriter *w,
                     int           months,
                     GDate        *out)
{
  *out = w->reference;
  g_date_set_day (out, 1);
  gk_demo_shift_months (out, months);
}

const char *
gk_demo_month_start_text (GkDemoWriter *w,
                          int           months)
{
  GDate date;

  gk_demo_month_start (w, months, &date);
  return gk_demo_writer_date (w, &date);
}

const char *
gk_demo_month_end_text (GkDemoWriter *w,
                        int           months)
{
  GDate date;

  gk_demo_month_start (w, months + 1, &date);
  g_date_subtract_days (&date, 1);
  return gk_demo_writer_date (w, &date);
}

/* The first day of the quarter a number of quarters from the reference quarter. */
const char *
gk_demo_quarter_start_text (GkDemoWriter *w,
                            int           quarters)
{
  GDate date = w->reference;

  g_date_set_day (&date, 1);
  g_date_set_month (&date, (GDateMonth) (((g_date_get_month (&w->reference) - 1) / 3) * 3 + 1));
  gk_demo_shift_months (&date, quarters * 3);
  return gk_demo_writer_date (w, &date);
}

/* The reference date minus some months (the same day of the month, or the
 * month's last day when it is shorter), then plus some days. */
const char *
gk_demo_months_and_days_from_reference (GkDemoWriter *w,
                                        int           months,
                                        int           days)
{
  GDate date = w->reference;

  gk_demo_shift_months (&date, months);
  gk_demo_shift_days (&date, days);
  return gk_demo_writer_date (w, &date);
}

static gboolean
check_empty (sqlite3  *db,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rows = -1;

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM programme) + (SELECT count(*) FROM topic)"
                          " + (SELECT count(*) FROM person)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    rows = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rows < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the demo programme: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  if (rows > 0)
    {
      g_set_error_literal (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_NOT_EMPTY,
                           _("The demo programme can only be written into an empty project file"));
      return FALSE;
    }
  return TRUE;
}

/* Runs write() inside a savepoint: all of it is written, or nothing. */
gboolean
gk_demo_write_atomically (sqlite3      *db,
                          const GDate  *reference,
                          guint32       seed,
                          void        (*write) (GkDemoWriter *w),
                          GError      **error)
{
  GkDemoWriter w;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_empty (db, error))
    return FALSE;

  writer_init (&w, db, reference, seed);
  if (sqlite3_exec (db, "SAVEPOINT gk_demo", NULL, NULL, NULL) != SQLITE_OK)
    {
      gk_demo_writer_fail (&w);
      g_propagate_error (error, g_steal_pointer (&w.error));
      writer_clear (&w);
      return FALSE;
    }

  write (&w);

  /* Statements must be finalized before the savepoint is released. */
  g_clear_pointer (&w.statements, g_hash_table_unref);
  if (w.error == NULL && sqlite3_exec (db, "RELEASE gk_demo", NULL, NULL, NULL) != SQLITE_OK)
    gk_demo_writer_fail (&w);

  ok = w.error == NULL;
  if (!ok)
    {
      sqlite3_exec (db, "ROLLBACK TO gk_demo", NULL, NULL, NULL);
      sqlite3_exec (db, "RELEASE gk_demo", NULL, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&w.error));
    }
  writer_clear (&w);
  return ok;
}

/* Template topics and catalogue in Dutch, from the built-in files so that the
 * demo is the same on every machine. Fills topic_ids[1..n]. */
void
gk_demo_write_template (GkDemoWriter *w,
                        const char   *author,
                        gint64       *topic_ids,
                        guint         n_topics)
{
  g_autoptr(GkTemplate) template = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  if (w->error != NULL)
    return;

  template = gk_template_load_builtin ("nl", &w->error);
  if (template == NULL)
    return;
  if (gk_template_get_n_topics (template) != n_topics)
    {
      w->error = g_error_new (GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID,
                              _("The built-in template has %u topics instead of %u"),
                              gk_template_get_n_topics (template), n_topics);
      return;
    }
  if (!gk_template_insert_topics (template, w->db, w->stamp, author, &w->error) ||
      !gk_template_insert_catalogue (template, w->db, w->stamp, author, &w->error))
    return;

  stmt = gk_demo_writer_statement (w, "SELECT id FROM topic ORDER BY position");
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW && n < n_topics)
    topic_ids[++n] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
}

