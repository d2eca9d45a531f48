/* gk-schema.h: the one schema of a Gripkaart project file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "gk-table.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every project file: "GRIP" in ASCII. */
#define GK_APPLICATION_ID 0x47524950

/* PRAGMA user_version: the schema version this build writes. */
#define GK_SCHEMA_VERSION 3

/* The complete DDL of schema GK_SCHEMA_VERSION (tables and indexes only). */
const char *gk_schema_sql (void);

/* The DDL of one table and its indexes, as gk_schema_sql() writes them
 * (for a migration that adds the table). */
char       *gk_schema_table_sql (const GkTable *table);

/* Creates the schema in an empty database and stamps application_id and
 * user_version, inside one transaction. */
gboolean    gk_schema_create (sqlite3  *db,
                              GError  **error);

/* Names of every editable table, in an order where a table comes after the
 * tables it references (useful for loading, copying and deleting). */
const char * const *gk_schema_tables (void);

/* The CHECK expression that the DDL gives column (without "CHECK (...)"),
 * or NULL when it has none. A file read with a read-only connection is not
 * held to its CHECKs by SQLite, so opening evaluates these itself. */
char       *gk_schema_column_check (const GkColumn *column);

G_END_DECLS
