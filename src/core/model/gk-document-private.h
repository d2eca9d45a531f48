/* gk-document-private.h: the document's SQLite connection (src/core only)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite stays inside src/core: the window and the command line get their
 * document from a GkSession, the session and the storage layer from here.
 */
#pragma once

#include <sqlite3.h>

#include "gk-document.h"
#include "gk-validation-private.h"

G_BEGIN_DECLS

/* Loads every table of @db (which has the schema of gk-schema.h) and turns
 * on foreign keys. @db is borrowed: keep it open longer than the document. */
GkDocument  *gk_document_new_for_db        (sqlite3     *db,
                                            GError     **error);
sqlite3     *gk_document_get_db            (GkDocument  *self);

/* sqlite3_serialize() of @db's main database as an ordinary (rollback
 * journal) image that an in-memory database can open, also when @db is in
 * WAL mode. Free with sqlite3_free(). */
unsigned char *gk_database_serialize      (sqlite3       *db,
                                           sqlite3_int64 *size);

G_END_DECLS
