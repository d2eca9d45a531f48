/* gk-undo-stack.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-undo-stack.h"

typedef struct {
  char    *description;
  GBytes  *changeset;
  guint64  state;    /* names the state the step leads to */
} Step;

struct _GkUndoStack
{
  GObject    parent_instance;

  GPtrArray *undo;   /* of Step, the newest last */
  GPtrArray *redo;   /* of Step, the next to redo last */
  guint      limit;
  guint64    next_state;
  guint64    base_state; /* the state below the oldest step */
};

G_DEFINE_FINAL_TYPE (GkUndoStack, gk_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_DESCRIPTION,
  PROP_REDO_DESCRIPTION,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Step *
step_new (const char *description,
          GBytes     *changeset)
{
  Step *step = g_new0 (Step, 1);

  step->description = g_strdup (description);
  step->changeset = g_bytes_ref (changeset);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->description);
  g_bytes_unref (step->changeset);
  g_free (step);
}

static Step *
top (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

/* Notifies what may have changed, comparing with a snapshot taken before. */
typedef struct {
  gboolean    can_undo;
  gboolean    can_redo;
  const Step *undo_top;
  const Step *redo_top;
} Snapshot;

static Snapshot
snapshot (GkUndoStack *self)
{
  return (Snapshot) { self->undo->len > 0, self->redo->len > 0, top (self->undo), top (self->redo) };
}

static void
notify_since (GkUndoStack *self,
              Snapshot     before)
{
  Snapshot now = snapshot (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (before.can_undo != now.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != now.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  /* A step may be freed and another allocated at the same address, so a
   * changed top always notifies, and an equal pointer only if it is the
   * very same step (which then kept its description). */
  if (before.undo_top != now.undo_top)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_DESCRIPTION]);
  if (before.redo_top != now.redo_top)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_DESCRIPTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
gk_undo_stack_finalize (GObject *object)
{
  GkUndoStack *self = GK_UNDO_STACK (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (gk_undo_stack_parent_class)->finalize (object);
}

static void
gk_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkUndoStack *self = GK_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gk_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gk_undo_stack_can_redo (self));
      break;
    case PROP_UNDO_DESCRIPTION:
      g_value_set_string (value, gk_undo_stack_get_undo_description (self));
      break;
    case PROP_REDO_DESCRIPTION:
      g_value_set_string (value, gk_undo_stack_get_redo_description (self));
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkUndoStack *self = GK_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      self->limit = MAX (1, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_undo_stack_class_init (GkUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_undo_stack_finalize;
  object_class->get_property = gk_undo_stack_get_property;
  object_class->set_property = gk_undo_stack_set_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_DESCRIPTION] =
    g_param_spec_string ("undo-description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_DESCRIPTION] =
    g_param_spec_string ("redo-description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 1, G_MAXUINT, GK_UNDO_STACK_DEFAULT_LIMIT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_undo_stack_init (GkUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->limit = GK_UNDO_STACK_DEFAULT_LIMIT;
}

GkUndoStack *
gk_undo_stack_new (guint limit)
{
  return g_object_new (GK_TYPE_UNDO_STACK, "limit", MAX (limit, 1), NULL);
}

void
gk_undo_stack_push (GkUndoStack *self,
                    const char  *description,
                    GBytes      *changeset)
{
  Snapshot before;

  g_return_if_fail (GK_IS_UNDO_STACK (self));
  g_return_if_fail (description != NULL);
  g_return_if_fail (changeset != NULL);

  before = snapshot (self);
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step_new (description, changeset));
  ((Step *) top (self->undo))->state = ++self->next_state;
  if (self->undo->len > self->limit)
    {
      /* what lay below the forgotten steps can no longer be reached */
      self->base_state = ((Step *) g_ptr_array_index (self->undo, self->undo->len - self->limit - 1))->state;
      g_ptr_array_remove_range (self->undo, 0, self->undo->len - self->limit);
    }
  notify_since (self, before);
}

gboolean
gk_undo_stack_can_undo (GkUndoStack *self)
{
  g_return_val_if_fail (GK_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0;
}

gboolean
gk_undo_stack_can_redo (GkUndoStack *self)
{
  g_return_val_if_fail (GK_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0;
}

const char *
gk_undo_stack_get_undo_description (GkUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (GK_IS_UNDO_STACK (self), NULL);

  step = top (self->undo);
  return step != NULL ? step->description : NULL;
}

const char *
gk_undo_stack_get_redo_description (GkUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (GK_IS_UNDO_STACK (self), NULL);

  step = top (self->redo);
  return step != NULL ? step->description : NULL;
}

GBytes *
gk_undo_stack_peek_undo (GkUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (GK_IS_UNDO_STACK (self), NULL);

  step = top (self->undo);
  return step != NULL ? step->changeset : NULL;
}

GBytes *
gk_undo_stack_peek_redo (GkUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (GK_IS_UNDO_STACK (self), NULL);

  step = top (self->redo);
  return step != NULL ? step->changeset : NULL;
}

/* Moves the top step of @from to @to with a new changeset. */
static void
move_top (GkUndoStack *self,
          GPtrArray   *from,
          GPtrArray   *to,
          GBytes      *changeset)
{
  Snapshot before = snapshot (self);
  Step *step;

  g_return_if_fail (from->len > 0);
  g_return_if_fail (changeset != NULL);

  step = g_ptr_array_steal_index (from, from->len - 1);
  g_bytes_unref (step->changeset);
  step->changeset = g_bytes_ref (changeset);
  g_ptr_array_add (to, step);
  notify_since (self, before);
}

void
gk_undo_stack_undone (GkUndoStack *self,
                      GBytes      *undo_changeset)
{
  g_return_if_fail (GK_IS_UNDO_STACK (self));

  move_top (self, self->undo, self->redo, undo_changeset);
}

void
gk_undo_stack_redone (GkUndoStack *self,
                      GBytes      *redo_changeset)
{
  g_return_if_fail (GK_IS_UNDO_STACK (self));

  move_top (self, self->redo, self->undo, redo_changeset);
}

void
gk_undo_stack_clear (GkUndoStack *self)
{
  Snapshot before;

  g_return_if_fail (GK_IS_UNDO_STACK (self));

  before = snapshot (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->base_state = ++self->next_state;
  notify_since (self, before);
}

guint64
gk_undo_stack_get_state (GkUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (GK_IS_UNDO_STACK (self), 0);

  step = top (self->undo);
  return step != NULL ? step->state : self->base_state;
}

guint
gk_undo_stack_get_n_undo (GkUndoStack *self)
{
  g_return_val_if_fail (GK_IS_UNDO_STACK (self), 0);

  return self->undo->len;
}

guint
gk_undo_stack_get_n_redo (GkUndoStack *self)
{
  g_return_val_if_fail (GK_IS_UNDO_STACK (self), 0);

  return self->redo->len;
}
