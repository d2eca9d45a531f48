/* gk-undo-stack.h: the undo and redo history of a document
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step is a description ("Delete measure “Wachtlijst”") and the SQLite
 * changeset that the step made. The stack only stores steps; GkDocument
 * applies them (undo applies the inverse of the changeset, redo the inverse
 * of the changeset that the undo made).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_TYPE_UNDO_STACK (gk_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (GkUndoStack, gk_undo_stack, GK, UNDO_STACK, GObject)

/* The default number of steps kept; the oldest are forgotten first. */
#define GK_UNDO_STACK_DEFAULT_LIMIT 200

GkUndoStack *gk_undo_stack_new                  (guint        limit);

/* A new step: forgets everything that could be redone. */
void         gk_undo_stack_push                 (GkUndoStack *self,
                                                 const char  *description,
                                                 GBytes      *changeset);

gboolean     gk_undo_stack_can_undo             (GkUndoStack *self);
gboolean     gk_undo_stack_can_redo             (GkUndoStack *self);
/* NULL when there is nothing to undo or redo. */
const char  *gk_undo_stack_get_undo_description (GkUndoStack *self);
const char  *gk_undo_stack_get_redo_description (GkUndoStack *self);

/* The changeset of the step that undo or redo would reverse (transfer none),
 * NULL when there is none. */
GBytes      *gk_undo_stack_peek_undo            (GkUndoStack *self);
GBytes      *gk_undo_stack_peek_redo            (GkUndoStack *self);

/* After the step on top was undone: it moves to the redo side, remembering
 * @undo_changeset, the changes that undoing it made. */
void         gk_undo_stack_undone               (GkUndoStack *self,
                                                 GBytes      *undo_changeset);
/* After the step on top of the redo side was redone. */
void         gk_undo_stack_redone               (GkUndoStack *self,
                                                 GBytes      *redo_changeset);

void         gk_undo_stack_clear                (GkUndoStack *self);

/* Names the state the steps have led to: undoing and redoing back to a
 * state gives the same number again, and no other state ever has it (so
 * a document knows when an undo brings it back to what was saved). */
guint64      gk_undo_stack_get_state            (GkUndoStack *self);

guint        gk_undo_stack_get_n_undo           (GkUndoStack *self);
guint        gk_undo_stack_get_n_redo           (GkUndoStack *self);

G_END_DECLS
