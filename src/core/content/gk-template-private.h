/* gk-template-private.h: a template written into a SQLite file (src/core only)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gk-template.h"

G_BEGIN_DECLS

/* Fills an empty project file (schema created, no programme yet) with the
 * programme row, the lead, the topics (positions 0..n-1) and the catalogue,
 * in one transaction: all of it or nothing. */
gboolean                  gk_template_apply               (GkTemplate            *self,
                                                           sqlite3               *db,
                                                           const GkProgrammeInit *init,
                                                           GError               **error);

/* The building blocks of gk_template_apply(), for callers that write more in
 * the same transaction (the demo). They open no transaction of their own. */
gboolean                  gk_template_insert_topics       (GkTemplate   *self,
                                                           sqlite3      *db,
                                                           const char   *updated_at,
                                                           const char   *updated_by,
                                                           GError      **error);
gboolean                  gk_template_insert_catalogue    (GkTemplate   *self,
                                                           sqlite3      *db,
                                                           const char   *updated_at,
                                                           const char   *updated_by,
                                                           GError      **error);

G_END_DECLS
