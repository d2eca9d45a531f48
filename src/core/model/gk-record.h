/* gk-record.h: the base class of every row of a project file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entity (GkPerson, GkTopic, GkMeasure, ...) is a GkRecord subclass
 * whose GObject properties mirror the columns of its table: the property
 * name is the column name with '-' for '_' ("owner_id" is "owner-id").
 * Property types by kind of column:
 *
 *   text          string, never NULL when read ("" when empty)
 *   date          string "YYYY-MM-DD", NULL when not set ("" is stored as NULL)
 *   integer       int (progress, confidence, position)
 *   enumeration   int holding the GkLevel, GkMeasureStatus, ... value;
 *                 a nullable level (topic "target-level") is GK_LEVEL_NONE when not set
 *   domains       uint holding GkDomains flags
 *   reference     int64 id of the referenced row, 0 when not set
 *   money         int64 whole euro cents ("budget-cents"); nullable ones have a
 *                 boolean "has-budget-cents" property that is FALSE when not set
 *   real          double; nullable ones have a boolean "has-<name>" property too
 *
 * Records come in two flavours. *Live* records belong to a GkDocument: they
 * are the items of its list models and always mirror the file; they are
 * read-only (setting a property on one is a programming error) and notify
 * their properties when the file changes. *Detached* records are made with
 * gk_*_new() or gk_record_copy(): edit them freely (in a dialog, say) and
 * hand them to gk_document_insert() or gk_document_update().
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_TYPE_RECORD (gk_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (GkRecord, gk_record, GK, RECORD, GObject)

struct _GkRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const struct _GkTable *table;
  gpointer               meta;
  gpointer               padding[6];
};

/* The row id; 0 for a new record that has not been inserted yet. */
gint64      gk_record_get_id          (GkRecord *self);
/* Only for detached records: ask gk_document_insert() for this id. */
void        gk_record_set_id          (GkRecord *self,
                                       gint64    id);
/* 1 after insertion, +1 on every change; 0 for a new record. */
gint64      gk_record_get_version     (GkRecord *self);
/* UTC, ISO 8601 ("2026-03-01T09:30:00Z"); "" for a new record. */
const char *gk_record_get_updated_at  (GkRecord *self);
const char *gk_record_get_updated_by  (GkRecord *self);

const char *gk_record_get_table_name  (GkRecord *self);
/* The name or title of the row ("" for rows without one, such as links). */
const char *gk_record_get_label       (GkRecord *self);

gboolean    gk_record_is_live         (GkRecord *self);

/* A detached copy with the same id, version and values. */
GkRecord   *gk_record_copy            (GkRecord *self);

/* TRUE when both are of the same type and every column but id, version,
 * updated_at and updated_by holds the same value. */
gboolean    gk_record_content_equal   (GkRecord *a,
                                       GkRecord *b);

G_END_DECLS
