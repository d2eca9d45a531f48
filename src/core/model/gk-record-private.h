/* gk-record-private.h: column maps and cell access, for the entity classes
 * and the document only
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entity class describes its table once, as a static column map; all the
 * SQL, property installation, loading, binding and copying is generic code
 * driven by that map. The map lists the columns in their declared order, the
 * first is always "id" and every table ends with version, updated_at and
 * updated_by.
 */
#pragma once

#include <sqlite3.h>

#include "gk-enums.h"
#include "gk-record.h"

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
  GK_COLUMN_FLAG_REQUIRED = 1 << 0,  /* not blank, not 0, not GK_LEVEL_NONE */
  GK_COLUMN_FLAG_NULLABLE = 1 << 1,  /* REAL and MONEY: has-* property; ENUM: 0 is NULL */
  GK_COLUMN_FLAG_SYSTEM = 1 << 2,    /* version, updated_at, updated_by: the document writes them */
} GkColumnFlags;

typedef struct {
  const char         *name;
  const char         *property;
  GkColumnKind        kind;
  GkColumnFlags       flags;
  gint64              default_value;                  /* INT, ENUM, ID */
  const GkEnumEntry *(*entries) (guint *n_entries);   /* ENUM */
  const char         *ref_table;                      /* REF */
} GkColumn;

typedef struct _GkTable {
  const char     *name;
  const GkColumn *columns;
  guint           n_columns;
  int             label_column;   /* -1: the row has no name of its own */
} GkTable;

void            gk_record_class_set_table   (GkRecordClass *klass,
                                             const GkTable *table);
const GkTable  *gk_record_class_get_table   (GkRecordClass *klass);
const GkTable  *gk_record_get_table         (GkRecord      *self);
GParamSpec     *gk_record_class_get_pspec   (GkRecordClass *klass,
                                             guint          column);
/* Column indexes of the system columns, the same for every table's map. */
guint           gk_record_class_get_version_column (GkRecordClass *klass);

/* Cell access by column index. Text cells read "" when empty, date cells NULL.
 * The setters refuse live records and notify the property when it changes. */
const char     *gk_record_get_text_cell     (GkRecord   *self,
                                             guint       column);
gint64          gk_record_get_int_cell      (GkRecord   *self,
                                             guint       column);
double          gk_record_get_real_cell     (GkRecord   *self,
                                             guint       column);
gboolean        gk_record_cell_is_null      (GkRecord   *self,
                                             guint       column);
void            gk_record_set_text_cell     (GkRecord   *self,
                                             guint       column,
                                             const char *value);
void            gk_record_set_int_cell      (GkRecord   *self,
                                             guint       column,
                                             gint64      value);
void            gk_record_set_real_cell     (GkRecord   *self,
                                             guint       column,
                                             double      value);
void            gk_record_set_cell_null     (GkRecord   *self,
                                             guint       column);
gboolean        gk_record_cells_equal       (GkRecord   *a,
                                             GkRecord   *b,
                                             guint       column);

/* For the document. */
/* The id's storage, stable for the record's lifetime: a hash table key. */
const gint64   *gk_record_get_id_ref        (GkRecord     *self);
void            gk_record_set_live          (GkRecord     *self,
                                             gboolean      live);
/* Reads the columns of the current row of @stmt (selected in map order).
 * With @notify, notifies each property whose value changed (the caller
 * freezes notification around it); returns whether anything changed. */
gboolean        gk_record_read_row          (GkRecord     *self,
                                             sqlite3_stmt *stmt,
                                             gboolean      notify);
/* Binds every non-system column but id as parameter ?(column + 1). */
void            gk_record_bind_columns      (GkRecord     *self,
                                             sqlite3_stmt *stmt);
/* Copies id, version, updated_at and updated_by from @from. */
void            gk_record_copy_system       (GkRecord     *self,
                                             GkRecord     *from);

G_END_DECLS
