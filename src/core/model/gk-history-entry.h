/* gk-history-entry.h: one change of the change log, for people
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made by gk_history_query() (gk-history.h): who changed which record
 * when, and what each field held before and after, as display strings.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  GK_HISTORY_ACTION_INSERT,
  GK_HISTORY_ACTION_UPDATE,
  GK_HISTORY_ACTION_DELETE,
} GkHistoryAction;

/* One field of a change. For an added record old_text is NULL, for a
 * deleted one new_text; otherwise "(empty)" stands for no value. */
typedef struct {
  const char *column;       /* the column's name: "status" */
  const char *field;        /* its label: "Status" */
  const char *old_text;     /* "Planned" */
  const char *new_text;     /* "In progress" */
} GkHistoryChange;

#define GK_TYPE_HISTORY_ENTRY (gk_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (GkHistoryEntry, gk_history_entry, GK, HISTORY_ENTRY, GObject)

/* The id of the change log row. */
gint64                 gk_history_entry_get_id          (GkHistoryEntry *self);
/* When, in UTC (transfer none). */
GDateTime             *gk_history_entry_get_time        (GkHistoryEntry *self);
/* Who: the user name of the one who made the change ("" when unknown). */
const char            *gk_history_entry_get_person      (GkHistoryEntry *self);
/* The table and row that changed: "measure", 42. */
const char            *gk_history_entry_get_table       (GkHistoryEntry *self);
gint64                 gk_history_entry_get_row_id      (GkHistoryEntry *self);
GkHistoryAction        gk_history_entry_get_action      (GkHistoryEntry *self);
/* The record a person opens for it: the row itself, or for a row without a
 * name of its own (a figure, a measure's target) the row it belongs to
 * (the indicator, the measure); 0 when not known. */
const char            *gk_history_entry_get_record_table (GkHistoryEntry *self);
gint64                 gk_history_entry_get_record_id   (GkHistoryEntry *self);
/* "Measure “Wachtlijst aanpakken”": the record's kind and its name as it
 * is now, or as it was when it was deleted. */
const char            *gk_history_entry_get_title       (GkHistoryEntry *self);
/* The description of the edit ("Edit measure (status)", "Undo: ..."). */
const char            *gk_history_entry_get_summary     (GkHistoryEntry *self);
/* Whether the change log row holds values (rows of files from before
 * schema 3 do not: they have no changes). */
gboolean               gk_history_entry_has_values      (GkHistoryEntry *self);
guint                  gk_history_entry_get_n_changes   (GkHistoryEntry *self);
const GkHistoryChange *gk_history_entry_get_change      (GkHistoryEntry *self,
                                                         guint           index);

/* For gk-history.c. */
GkHistoryEntry        *gk_history_entry_new             (gint64          id,
                                                         GDateTime      *time,
                                                         const char     *person,
                                                         const char     *table,
                                                         gint64          row_id,
                                                         GkHistoryAction action,
                                                         const char     *summary,
                                                         gboolean        has_values);
void                   gk_history_entry_set_record      (GkHistoryEntry *self,
                                                         const char     *record_table,
                                                         gint64          record_id,
                                                         const char     *title);
void                   gk_history_entry_add_change      (GkHistoryEntry *self,
                                                         const char     *column,
                                                         const char     *field,
                                                         const char     *old_text,
                                                         const char     *new_text);

G_END_DECLS
