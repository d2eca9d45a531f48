/* gk-demo-writer.h: writing rows of a demo programme, for gk-demo*.c only
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer holds the prepared statements, the reference date, the row stamp,
 * a random generator of a fixed seed and the first error: after a failure
 * every later write does nothing, so that a story can be written straight
 * down without checking each row, and gk_demo_write_atomically() rolls it
 * all back.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "gk-enums.h"

G_BEGIN_DECLS

/* A date offset that means "no date" (NULL). */
#define NO_DATE G_MAXINT

typedef struct {
  sqlite3    *db;
  GDate       reference;
  char       *stamp;           /* updated_at of every row */
  GHashTable *statements;      /* SQL text (a literal) -> sqlite3_stmt */
  GError     *error;           /* the first failure; later writes are skipped */
  GRand      *rand;
  char        dates[16][11];   /* a ring, so that one insert can use several */
  guint       next_date;
} GkDemoWriter;

/* Writes everything write() writes inside a savepoint, into a file that has
 * the schema but no programme yet: all of it, or nothing. */
gboolean      gk_demo_write_atomically   (sqlite3       *db,
                                          const GDate   *reference,
                                          guint32        seed,
                                          void         (*write) (GkDemoWriter *w),
                                          GError       **error);

/* Records the SQLite error as the writer's error, unless it has one. */
void          gk_demo_writer_fail        (GkDemoWriter  *w);
/* A statement prepared once per writer; @sql must be a literal. */
sqlite3_stmt *gk_demo_writer_statement   (GkDemoWriter  *w,
                                          const char    *sql);
/* Runs one INSERT or UPDATE and returns the new row's id (0 after an error).
 * @types has one letter per parameter: s const char * (NULL binds NULL),
 * i int, I gint64, N gint64 id (0 binds NULL), f double, T no argument: the
 * row stamp (updated_at). */
gint64        gk_demo_writer_run         (GkDemoWriter  *w,
                                          const char    *sql,
                                          const char    *types,
                                          ...);
/* The template's topics and the catalogue; fills topic_ids[1..n_topics]. */
void          gk_demo_write_template     (GkDemoWriter  *w,
                                          const char    *author,
                                          gint64        *topic_ids,
                                          guint          n_topics);

/* Dates as text, in a ring of the writer's buffers (valid for the next few
 * calls, enough for one insert). */
const char   *gk_demo_writer_date        (GkDemoWriter  *w,
                                          const GDate   *date);
void          gk_demo_shift_days         (GDate         *date,
                                          int            days);
void          gk_demo_shift_months       (GDate         *date,
                                          int            months);
/* The reference date plus @days; NULL for NO_DATE. */
const char   *gk_demo_days_from_reference (GkDemoWriter *w,
                                           int           days);
/* The first day of the month @months from the reference month. */
void          gk_demo_month_start        (GkDemoWriter  *w,
                                          int            months,
                                          GDate         *out);
const char   *gk_demo_month_start_text   (GkDemoWriter  *w,
                                          int            months);
const char   *gk_demo_month_end_text     (GkDemoWriter  *w,
                                          int            months);
/* The first day of the quarter @quarters from the reference quarter. */
const char   *gk_demo_quarter_start_text (GkDemoWriter  *w,
                                          int            quarters);
/* The reference date plus @months (the same day of the month, or the
 * month's last day when it is shorter), then plus @days. */
const char   *gk_demo_months_and_days_from_reference (GkDemoWriter *w,
                                                      int           months,
                                                      int           days);

G_END_DECLS
