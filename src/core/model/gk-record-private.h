/* gk-record-private.h: column maps, cell access and accessors, for the entity
 * classes and the document only
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entity class gets its table's description (gk-tables.h); all the SQL,
 * property installation, loading, binding and copying is generic code driven
 * by its column map, and its typed accessors are generated from the same
 * description by the macros at the end of this file.
 */
#pragma once

#include <sqlite3.h>

#include "gk-enums.h"
#include "gk-record.h"
#include "gk-table.h"

G_BEGIN_DECLS

void            gk_record_class_set_table   (GkRecordClass *klass,
                                             const GkTable *table);
const GkTable  *gk_record_class_get_table   (GkRecordClass *klass);
const GkTable  *gk_record_get_table         (GkRecord      *self);
GParamSpec     *gk_record_class_get_pspec   (GkRecordClass *klass,
                                             guint          column);
/* Column indexes of the system columns, the same for every table's map. */
guint           gk_record_class_get_version_column (GkRecordClass *klass);
/* The property of a column ("owner-id" for owner_id): the field an error
 * names. */
const char     *gk_record_get_field_name    (GkRecord      *self,
                                             guint          column);

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
/* Gives a record the id and stamps its INSERT gave its row (version 1):
 * with every other column bound, it then is what reading the row gives. */
void            gk_record_stamp_inserted    (GkRecord     *self,
                                             gint64        id,
                                             const char   *updated_at,
                                             const char   *updated_by);
void            gk_record_copy_system       (GkRecord     *self,
                                             GkRecord     *from);
/* Appends the values of the record's row to @out as the session extension
 * writes those of an INSERT in a changeset: every column in the table's
 * order, each a type byte and its value, as sqlite3session_changeset()
 * reads them from the row that binding this record wrote. */
void            gk_record_append_changeset_values (GkRecord   *self,
                                                   GByteArray *out);
/* Sets @json to the values of the record's row as the change log keeps
 * those of an insert: {"column": [null, value], ...}, every column that
 * holds a value but the id and the stamps; the same as reading the row
 * back after the INSERT that binding this record wrote. */
void            gk_record_append_json_values (GkRecord  *self,
                                              GString   *json);
/* JSON for the change log: a string with its quotes, escaped; a real
 * (null when not finite). */
void            gk_json_append_string       (GString      *json,
                                             const char   *text);
void            gk_json_append_real         (GString      *json,
                                             double        value);
/* Appends SQLite's variable-length integer (as in changesets) to @out. */
void            gk_changeset_append_varint  (GByteArray   *out,
                                             guint64       value);

/* ---- generated entities ----------------------------------------------------
 * An entity's .c file is
 *
 *   GK_DEFINE_RECORD_TYPE (GkMeasure, gk_measure, GK_MEASURE_TABLE, gk_measure_table)
 *
 * which defines the type, gk_measure_new() and the enum of its columns
 * (COLUMN_title, ...), and then its accessors, the functions its header
 * declares, one set per column row of the description:
 *
 *   #define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkMeasure, gk_measure, __VA_ARGS__)
 *   GK_MEASURE_TABLE (ACCESSORS, GK_TABLE_IGNORE)
 */

#define GK_RECORD_COLUMN_INDEX(kind, name, ...) COLUMN_##name,

#define GK_DEFINE_RECORD_TYPE(Type, prefix, DESCRIPTION, table_description)       \
  struct _##Type                                                                  \
  {                                                                               \
    GkRecord parent_instance;                                                     \
  };                                                                              \
                                                                                  \
  G_DEFINE_FINAL_TYPE (Type, prefix, GK_TYPE_RECORD)                              \
                                                                                  \
  enum { DESCRIPTION (GK_RECORD_COLUMN_INDEX, GK_TABLE_IGNORE) N_COLUMNS };       \
                                                                                  \
  static void                                                                     \
  prefix##_class_init (Type##Class *klass)                                        \
  {                                                                               \
    gk_record_class_set_table (GK_RECORD_CLASS (klass), &table_description);      \
  }                                                                               \
                                                                                  \
  static void                                                                     \
  prefix##_init (Type *self)                                                      \
  {                                                                               \
  }                                                                               \
                                                                                  \
  Type *                                                                          \
  prefix##_new (void)                                                             \
  {                                                                               \
    return g_object_new (prefix##_get_type (), NULL);                             \
  }

#define GK_RECORD_IS(prefix, self) G_TYPE_CHECK_INSTANCE_TYPE ((self), prefix##_get_type ())

/* A getter and a setter of one column; cell is text, int or real. */
#define GK_RECORD_GETTER_SETTER(Type, prefix, name, ctype, cell)                  \
  ctype                                                                           \
  prefix##_get_##name (Type *self)                                                \
  {                                                                               \
    g_return_val_if_fail (GK_RECORD_IS (prefix, self), (ctype) 0);                \
    return (ctype) gk_record_get_##cell##_cell ((GkRecord *) self, COLUMN_##name); \
  }                                                                               \
                                                                                  \
  void                                                                            \
  prefix##_set_##name (Type  *self,                                               \
                       ctype  value)                                              \
  {                                                                               \
    g_return_if_fail (GK_RECORD_IS (prefix, self));                               \
    gk_record_set_##cell##_cell ((GkRecord *) self, COLUMN_##name, value);        \
  }

/* gk_*_has_* () and gk_*_clear_* () of a nullable number. */
#define GK_RECORD_NULL_ACCESSORS_NULLABLE(Type, prefix, name)                     \
  gboolean                                                                        \
  prefix##_has_##name (Type *self)                                                \
  {                                                                               \
    g_return_val_if_fail (GK_RECORD_IS (prefix, self), FALSE);                    \
    return !gk_record_cell_is_null ((GkRecord *) self, COLUMN_##name);            \
  }                                                                               \
                                                                                  \
  void                                                                            \
  prefix##_clear_##name (Type *self)                                              \
  {                                                                               \
    g_return_if_fail (GK_RECORD_IS (prefix, self));                               \
    gk_record_set_cell_null ((GkRecord *) self, COLUMN_##name);                   \
  }
#define GK_RECORD_NULL_ACCESSORS_REQUIRED(Type, prefix, name)

/* One set of accessors per kind of column row (gk-tables.h). The id and the
 * system columns have theirs in GkRecord. */
#define GK_RECORD_ACCESSORS_ID(Type, prefix, name)
#define GK_RECORD_ACCESSORS_SINGLE_ROW_ID(Type, prefix, name)
#define GK_RECORD_ACCESSORS_VERSION(Type, prefix, name)
#define GK_RECORD_ACCESSORS_STAMP(Type, prefix, name)
#define GK_RECORD_ACCESSORS_NAME(Type, prefix, name) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, const char *, text)
#define GK_RECORD_ACCESSORS_TEXT(Type, prefix, name, presence) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, const char *, text)
#define GK_RECORD_ACCESSORS_DATE(Type, prefix, name, presence) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, const char *, text)
#define GK_RECORD_ACCESSORS_DOMAINS(Type, prefix, name) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, GkDomains, int)
#define GK_RECORD_ACCESSORS_REF(Type, prefix, name, table, presence, on_delete) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, gint64, int)
#define GK_RECORD_ACCESSORS_INT(Type, prefix, name, initial, min, max) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, int, int)
#define GK_RECORD_ACCESSORS_POSITION(Type, prefix, name) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, int, int)
#define GK_RECORD_ACCESSORS_ENUM(Type, prefix, name, ctype, entries, initial, presence) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, ctype, int)
#define GK_RECORD_ACCESSORS_REAL(Type, prefix, name, presence) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, double, real) \
  GK_RECORD_NULL_ACCESSORS_##presence (Type, prefix, name)
#define GK_RECORD_ACCESSORS_MONEY(Type, prefix, name, presence, sign) \
  GK_RECORD_GETTER_SETTER (Type, prefix, name, gint64, int) \
  GK_RECORD_NULL_ACCESSORS_##presence (Type, prefix, name)

G_END_DECLS
