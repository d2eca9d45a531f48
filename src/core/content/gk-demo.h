/* gk-demo.h: a fictitious programme to explore the app, and a large one to benchmark it
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both writers fill an empty project file (schema created, no programme yet)
 * in one transaction (a savepoint, so a caller may wrap them in its own).
 * Every date is relative to @reference ("today"), and the same reference
 * date gives exactly the same rows: nothing depends on the clock or on an
 * unseeded random generator.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "Veranderopgave jeugdhulp" of the fictitious municipality Voorbeeldstad,
 * in Dutch: 12 people, the nine template topics with 19 monthly assessments
 * each, seven focus projects, 47 measures, nine indicators with two years of
 * figures, journal entries and the measure catalogue. */
gboolean gk_demo_write       (sqlite3      *db,
                              const GDate  *reference,
                              GError      **error);

/* A programme far larger than any real one, for benchmarks: 40 people,
 * 9 topics with 60 assessments each, 12 focus projects, 400 measures,
 * 60 indicators with 260 measurements each and 2,000 journal entries. */
gboolean gk_demo_write_large (sqlite3      *db,
                              const GDate  *reference,
                              GError      **error);

G_END_DECLS
