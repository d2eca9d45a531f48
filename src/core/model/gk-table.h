/* gk-table.h: how a table of the project file is described
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table is described once, in gk-tables.h, as a list of rows in a small
 * language of macros (see there). From that one description follow the
 * CREATE TABLE statement (gk-schema.c), the column map below that the
 * records, the document and validation work from (gk-tables.c), and the typed
 * accessors of each entity (gk-record-private.h). This header holds the
 * types and the macros that turn a row of the language into a GkColumn.
 */
#pragma once

#include "gk-enums.h"

G_BEGIN_DECLS

typedef enum {
  GK_COLUMN_ID,       /* INTEGER PRIMARY KEY */
  GK_COLUMN_REF,      /* foreign key, 0 is NULL */
  GK_COLUMN_TEXT,     /* NOT NULL text */
  GK_COLUMN_DATE,     /* 'YYYY-MM-DD' or NULL */
  GK_COLUMN_INT,
  GK_COLUMN_REAL,
  GK_COLUMN_MONEY,    /* whole cents */
  GK_COLUMN_ENUM,     /* stored as the key of gk-enums.c */
  GK_COLUMN_DOMAINS,  /* stored as comma separated keys */
} GkColumnKind;

typedef enum {
  GK_COLUMN_FLAG_NONE = 0,
  GK_COLUMN_FLAG_REQUIRED = 1 << 0,    /* not blank, not 0, not GK_LEVEL_NONE; NOT NULL in the file */
  GK_COLUMN_FLAG_NULLABLE = 1 << 1,    /* REAL and MONEY: has-* property; ENUM: 0 is NULL */
  GK_COLUMN_FLAG_SYSTEM = 1 << 2,      /* version, updated_at, updated_by: the document writes them */
  GK_COLUMN_FLAG_CASCADE = 1 << 3,     /* REF: deleting the row referred to deletes this one */
  GK_COLUMN_FLAG_LABEL = 1 << 4,       /* TEXT: the name or title of the row */
  GK_COLUMN_FLAG_POSITION = 1 << 5,    /* INT: order among siblings, -1 in a new record: "last" */
  GK_COLUMN_FLAG_NO_DEFAULT = 1 << 6,  /* TEXT, INT: NOT NULL without a DEFAULT */
  GK_COLUMN_FLAG_SINGLE_ROW = 1 << 7,  /* ID: the table holds one row, id 1 */
} GkColumnFlags;

typedef struct {
  const char         *name;
  GkColumnKind        kind;
  GkColumnFlags       flags;
  gint64              default_value;                  /* of a new record: INT, ENUM */
  const char         *file_default;                   /* INT: the DEFAULT in the file, when not default_value */
  const GkEnumEntry *(*entries) (guint *n_entries);   /* ENUM */
  const char         *ref_table;                      /* REF */
  gint64              min, max;                       /* INT, MONEY: a CHECK when min < max */
} GkColumn;

typedef struct {
  const char *name;
  const char *columns;   /* "topic_id, date" */
} GkIndex;

/* A table: its columns in their declared order (the first is always "id";
 * editable tables end with version, updated_at and updated_by), the CHECK
 * expressions over several columns, the UNIQUE columns ("" for none) and the
 * indexes. Lists end with a NULL (or { NULL }) entry. */
typedef struct _GkTable {
  const char         *name;
  const GkColumn     *columns;
  guint               n_columns;
  const char * const *checks;
  const char         *unique;
  const GkIndex      *indexes;
} GkTable;

/* The id of a new row, above *last_id, which it updates: one that a
 * colleague's copy of the file cannot also give (see gk-tables.c). */
gint64 gk_table_new_row_id (gint64 *last_id);

/* The index of column @name, or -1. */
int gk_table_column_index (const GkTable *table,
                           const char    *name);

/* ---- the description language as initializers -----------------------------
 * A table's description (gk-tables.h) is a macro of two parameters, C for its
 * columns and T for its table-wide rows: GK_PERSON_TABLE (C, T). Expanding it
 * with a consumer for one and GK_TABLE_IGNORE for the other picks the rows a
 * consumer wants. The consumers here build the GkTable of gk-tables.c; those
 * of the accessors are in gk-record-private.h. */

#define GK_TABLE_IGNORE(...)

/* Column rows as GkColumn initializers. */
#define GK_TABLE_COLUMN(kind, ...) GK_TABLE_COLUMN_##kind (__VA_ARGS__)

/* Presence words: what a column holds when nothing was entered. */
#define GK_PRESENCE_REQUIRED   GK_COLUMN_FLAG_REQUIRED
#define GK_PRESENCE_OPTIONAL   GK_COLUMN_FLAG_NONE
#define GK_PRESENCE_NULLABLE   GK_COLUMN_FLAG_NULLABLE
#define GK_PRESENCE_NO_DEFAULT GK_COLUMN_FLAG_NO_DEFAULT
/* What deleting the row referred to does to this one. */
#define GK_ON_DELETE_CASCADE   GK_COLUMN_FLAG_CASCADE
#define GK_ON_DELETE_SET_NULL  GK_COLUMN_FLAG_NONE
/* The signs an amount of money may have. */
#define GK_SIGN_ANY            .min = 0, .max = 0
#define GK_SIGN_NOT_NEGATIVE   .min = 0, .max = G_MAXINT64

#define GK_TABLE_COLUMN_ID(name) \
  { #name, GK_COLUMN_ID, GK_COLUMN_FLAG_NONE },
#define GK_TABLE_COLUMN_SINGLE_ROW_ID(name) \
  { #name, GK_COLUMN_ID, GK_COLUMN_FLAG_SINGLE_ROW },
#define GK_TABLE_COLUMN_NAME(name) \
  { #name, GK_COLUMN_TEXT, GK_COLUMN_FLAG_REQUIRED | GK_COLUMN_FLAG_LABEL },
#define GK_TABLE_COLUMN_TEXT(name, presence) \
  { #name, GK_COLUMN_TEXT, GK_PRESENCE_##presence },
#define GK_TABLE_COLUMN_DATE(name, presence) \
  { #name, GK_COLUMN_DATE, GK_PRESENCE_##presence },
#define GK_TABLE_COLUMN_DOMAINS(name) \
  { #name, GK_COLUMN_DOMAINS, GK_COLUMN_FLAG_NONE },
#define GK_TABLE_COLUMN_REF(name, table, presence, on_delete) \
  { #name, GK_COLUMN_REF, GK_PRESENCE_##presence | GK_ON_DELETE_##on_delete, .ref_table = #table },
#define GK_TABLE_COLUMN_ROW_ID(name) \
  { #name, GK_COLUMN_INT, GK_COLUMN_FLAG_NO_DEFAULT },
#define GK_TABLE_COLUMN_INT(name, initial, low, high) \
  { #name, GK_COLUMN_INT, GK_COLUMN_FLAG_NONE, .default_value = initial, .min = low, .max = high },
#define GK_TABLE_COLUMN_POSITION(name) \
  { #name, GK_COLUMN_INT, GK_COLUMN_FLAG_POSITION, .default_value = -1, .file_default = "0" },
#define GK_TABLE_COLUMN_ENUM(name, Type, prefix, initial, presence) \
  { #name, GK_COLUMN_ENUM, GK_PRESENCE_##presence, .default_value = initial, .entries = gk_##prefix##_entries },
#define GK_TABLE_COLUMN_REAL(name, presence) \
  { #name, GK_COLUMN_REAL, GK_PRESENCE_##presence },
#define GK_TABLE_COLUMN_MONEY(name, presence, sign) \
  { #name, GK_COLUMN_MONEY, GK_PRESENCE_##presence, GK_SIGN_##sign },
#define GK_TABLE_COLUMN_VERSION(name) \
  { #name, GK_COLUMN_INT, GK_COLUMN_FLAG_SYSTEM, .file_default = "1", .min = 1, .max = G_MAXINT64 },
#define GK_TABLE_COLUMN_STAMP(name) \
  { #name, GK_COLUMN_TEXT, GK_COLUMN_FLAG_SYSTEM },

/* Table-wide rows: the CHECK expressions, the UNIQUE columns, the indexes. */
#define GK_TABLE_CHECK(kind, ...) GK_TABLE_CHECK_##kind (__VA_ARGS__)
#define GK_TABLE_CHECK_CHECK(expression) expression,
#define GK_TABLE_CHECK_UNIQUE(columns)
#define GK_TABLE_CHECK_INDEX(name, columns)

#define GK_TABLE_UNIQUE(kind, ...) GK_TABLE_UNIQUE_##kind (__VA_ARGS__)
#define GK_TABLE_UNIQUE_CHECK(expression)
#define GK_TABLE_UNIQUE_UNIQUE(columns) columns
#define GK_TABLE_UNIQUE_INDEX(name, columns)

#define GK_TABLE_INDEX(kind, ...) GK_TABLE_INDEX_##kind (__VA_ARGS__)
#define GK_TABLE_INDEX_CHECK(expression)
#define GK_TABLE_INDEX_UNIQUE(columns)
#define GK_TABLE_INDEX_INDEX(name, columns) { #name, columns },

/* Defines the GkTable gk_NAME_table from its description DESCRIPTION. */
#define GK_DEFINE_TABLE(name, DESCRIPTION)                                        \
  static const GkColumn name##_columns[] = {                                      \
    DESCRIPTION (GK_TABLE_COLUMN, GK_TABLE_IGNORE)                                \
  };                                                                              \
  static const char * const name##_checks[] = {                                   \
    DESCRIPTION (GK_TABLE_IGNORE, GK_TABLE_CHECK) NULL                            \
  };                                                                              \
  static const GkIndex name##_indexes[] = {                                       \
    DESCRIPTION (GK_TABLE_IGNORE, GK_TABLE_INDEX) { NULL, NULL }                  \
  };                                                                              \
  const GkTable gk_##name##_table = {                                             \
    #name, name##_columns, G_N_ELEMENTS (name##_columns), name##_checks,          \
    "" DESCRIPTION (GK_TABLE_IGNORE, GK_TABLE_UNIQUE), name##_indexes             \
  };

G_END_DECLS
