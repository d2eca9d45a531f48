/* gk-merge-conflict.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-merge-conflict.h"

struct _GkMergeConflict
{
  GObject              parent_instance;

  GkMergeConflictKind  kind;
  char                *table;
  gint64               row_id;
  char                *column;
  char                *key;

  char                *record_label;
  char                *field_label;
  char                *mine;
  char                *theirs;
  char                *their_author;
  char                *their_time;

  GkMergeChoice        choice;
};

G_DEFINE_FINAL_TYPE (GkMergeConflict, gk_merge_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_merge_conflict_finalize (GObject *object)
{
  GkMergeConflict *self = GK_MERGE_CONFLICT (object);

  g_free (self->table);
  g_free (self->column);
  g_free (self->key);
  g_free (self->record_label);
  g_free (self->field_label);
  g_free (self->mine);
  g_free (self->theirs);
  g_free (self->their_author);
  g_free (self->their_time);

  G_OBJECT_CLASS (gk_merge_conflict_parent_class)->finalize (object);
}

static void
gk_merge_conflict_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkMergeConflict *self = GK_MERGE_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      g_value_set_int (value, self->choice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_merge_conflict_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GkMergeConflict *self = GK_MERGE_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      gk_merge_conflict_set_choice (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_merge_conflict_class_init (GkMergeConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_merge_conflict_finalize;
  object_class->get_property = gk_merge_conflict_get_property;
  object_class->set_property = gk_merge_conflict_set_property;

  properties[PROP_CHOICE] =
    g_param_spec_int ("choice", NULL, NULL, GK_MERGE_CHOICE_NONE, GK_MERGE_CHOICE_THEIRS,
                      GK_MERGE_CHOICE_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_merge_conflict_init (GkMergeConflict *self)
{
}

GkMergeConflict *
gk_merge_conflict_new (GkMergeConflictKind  kind,
                       const char          *table,
                       gint64               row_id,
                       const char          *column)
{
  GkMergeConflict *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (GK_TYPE_MERGE_CONFLICT, NULL);
  self->kind = kind;
  self->table = g_strdup (table);
  self->row_id = row_id;
  self->column = g_strdup (column);
  return self;
}

#define GETTER(type, name, fallback)                               \
  type                                                             \
  gk_merge_conflict_get_##name (GkMergeConflict *self)             \
  {                                                                \
    g_return_val_if_fail (GK_IS_MERGE_CONFLICT (self), fallback);  \
    return self->name;                                             \
  }

GETTER (GkMergeConflictKind, kind, GK_MERGE_CONFLICT_SAME_FIELD)
GETTER (const char *, table, NULL)
GETTER (gint64, row_id, 0)
GETTER (const char *, column, NULL)
GETTER (const char *, key, NULL)
GETTER (GkMergeChoice, choice, GK_MERGE_CHOICE_NONE)

#define TEXT_GETTER(name)                                          \
  const char *                                                     \
  gk_merge_conflict_get_##name (GkMergeConflict *self)             \
  {                                                                \
    g_return_val_if_fail (GK_IS_MERGE_CONFLICT (self), "");        \
    return self->name != NULL ? self->name : "";                   \
  }

TEXT_GETTER (record_label)
TEXT_GETTER (field_label)
TEXT_GETTER (mine)
TEXT_GETTER (theirs)
TEXT_GETTER (their_author)
TEXT_GETTER (their_time)

void
gk_merge_conflict_set_choice (GkMergeConflict *self,
                              GkMergeChoice    choice)
{
  g_return_if_fail (GK_IS_MERGE_CONFLICT (self));
  g_return_if_fail (choice >= GK_MERGE_CHOICE_NONE && choice <= GK_MERGE_CHOICE_THEIRS);

  if (self->choice == choice)
    return;
  self->choice = choice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}

void
gk_merge_conflict_set_details (GkMergeConflict *self,
                               const char      *record_label,
                               const char      *field_label,
                               const char      *mine,
                               const char      *theirs,
                               const char      *their_author,
                               const char      *their_time)
{
  g_return_if_fail (GK_IS_MERGE_CONFLICT (self));

  g_free (self->record_label);
  self->record_label = g_strdup (record_label);
  g_free (self->field_label);
  self->field_label = g_strdup (field_label);
  g_free (self->mine);
  self->mine = g_strdup (mine);
  g_free (self->theirs);
  self->theirs = g_strdup (theirs);
  g_free (self->their_author);
  self->their_author = g_strdup (their_author);
  g_free (self->their_time);
  self->their_time = g_strdup (their_time);
  /* Their value is part of the clash: when it changes again, the user's
   * earlier choice no longer answers it. */
  g_free (self->key);
  self->key = g_strdup_printf ("%d/%s/%" G_GINT64_FORMAT "/%s/%s", self->kind, self->table,
                               self->row_id, self->column != NULL ? self->column : "",
                               theirs != NULL ? theirs : "");
}

static const char *
author_or_someone (GkMergeConflict *self)
{
  return self->their_author != NULL && *self->their_author != '\0' ? self->their_author
                                                                   : _("Someone else");
}

char *
gk_merge_conflict_describe (GkMergeConflict *self)
{
  g_return_val_if_fail (GK_IS_MERGE_CONFLICT (self), NULL);

  switch (self->kind)
    {
    case GK_MERGE_CONFLICT_SAME_FIELD:
      /* TRANSLATORS: "Bram changed Title of Measure “X” to “A”; you changed it to “B”." */
      return g_strdup_printf (_("%s changed %s of %s to “%s”; you changed it to “%s”."),
                              author_or_someone (self), self->field_label, self->record_label,
                              self->theirs, self->mine);
    case GK_MERGE_CONFLICT_THEY_DELETED:
      return g_strdup_printf (_("%s deleted %s, which you changed."),
                              author_or_someone (self), self->record_label);
    case GK_MERGE_CONFLICT_I_DELETED:
      return g_strdup_printf (_("You deleted %s, which %s changed."),
                              self->record_label, author_or_someone (self));
    case GK_MERGE_CONFLICT_BROKEN_RULE:
      return g_strdup_printf (_("%s: %s"), self->record_label, self->field_label);
    default:
      g_return_val_if_reached (NULL);
    }
}
