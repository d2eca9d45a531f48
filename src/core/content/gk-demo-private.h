/* gk-demo-private.h: the demo programmes written into a SQLite file (src/core only)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gk-demo.h"

G_BEGIN_DECLS

/* Both fill an empty project file (schema created, no programme yet) in one
 * transaction (a savepoint, so a caller may wrap them in its own). */

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
