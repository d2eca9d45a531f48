/* gk-merge-conflict.h: one thing that two people changed differently
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving merges this user's changes into the file as others saved it
 * (docs/sharing.md). Where both changed the same thing, the merge stops
 * and lists these: the record and field, their value (who, when) and this
 * user's. The user chooses one side for each; the value that loses is
 * written to the change log, so it can still be seen and restored.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  GK_MERGE_CONFLICT_SAME_FIELD,        /* both changed one field of one row */
  GK_MERGE_CONFLICT_THEY_DELETED,      /* I changed a row they deleted */
  GK_MERGE_CONFLICT_I_DELETED,         /* they changed a row I deleted */
  GK_MERGE_CONFLICT_BROKEN_RULE,       /* together the changes break a rule of the model */
} GkMergeConflictKind;

typedef enum {
  GK_MERGE_CHOICE_NONE,                /* not chosen yet */
  GK_MERGE_CHOICE_MINE,
  GK_MERGE_CHOICE_THEIRS,
} GkMergeChoice;

#define GK_TYPE_MERGE_CONFLICT (gk_merge_conflict_get_type ())
G_DECLARE_FINAL_TYPE (GkMergeConflict, gk_merge_conflict, GK, MERGE_CONFLICT, GObject)

GkMergeConflict     *gk_merge_conflict_new              (GkMergeConflictKind  kind,
                                                         const char          *table,
                                                         gint64               row_id,
                                                         const char          *column);

GkMergeConflictKind  gk_merge_conflict_get_kind         (GkMergeConflict *self);
/* The table and row, and the column for SAME_FIELD (NULL otherwise). */
const char          *gk_merge_conflict_get_table        (GkMergeConflict *self);
gint64               gk_merge_conflict_get_row_id       (GkMergeConflict *self);
const char          *gk_merge_conflict_get_column       (GkMergeConflict *self);

/* For people: "Measure “Wachtlijst aanpakken”", "Title", what each side
 * holds now (for a deleted row: "Deleted"), who made their change and
 * when (an ISO 8601 UTC time, or ""). */
const char          *gk_merge_conflict_get_record_label (GkMergeConflict *self);
const char          *gk_merge_conflict_get_field_label  (GkMergeConflict *self);
const char          *gk_merge_conflict_get_mine         (GkMergeConflict *self);
const char          *gk_merge_conflict_get_theirs       (GkMergeConflict *self);
const char          *gk_merge_conflict_get_their_author (GkMergeConflict *self);
const char          *gk_merge_conflict_get_their_time   (GkMergeConflict *self);
/* A sentence that says what happened: "Bram changed the title to
 * “Wachtlijst” on 3 Dec 10:14; you changed it to “Wachtlijst jeugd”." */
char                *gk_merge_conflict_describe         (GkMergeConflict *self);

/* The "choice" property. */
GkMergeChoice        gk_merge_conflict_get_choice       (GkMergeConflict *self);
void                 gk_merge_conflict_set_choice       (GkMergeConflict *self,
                                                         GkMergeChoice    choice);

/* The identity of the clash: the same key in a later merge is the same
 * conflict, whose choice still holds (unless their value changed again). */
const char          *gk_merge_conflict_get_key          (GkMergeConflict *self);

/* Filled in by the merge (src/core/storage only). */
void                 gk_merge_conflict_set_details      (GkMergeConflict *self,
                                                         const char      *record_label,
                                                         const char      *field_label,
                                                         const char      *mine,
                                                         const char      *theirs,
                                                         const char      *their_author,
                                                         const char      *their_time);

G_END_DECLS
