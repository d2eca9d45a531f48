/* gk-history-entry.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-history-entry.h"

struct _GkHistoryEntry
{
  GObject          parent_instance;

  gint64           id;
  GDateTime       *time;
  char            *person;
  char            *table;
  gint64           row_id;
  GkHistoryAction  action;
  char            *summary;
  gboolean         has_values;
  char            *record_table;
  gint64           record_id;
  char            *title;
  GArray          *changes;      /* GkHistoryChange, its texts owned */
};

G_DEFINE_FINAL_TYPE (GkHistoryEntry, gk_history_entry, G_TYPE_OBJECT)

static void
change_clear (gpointer data)
{
  GkHistoryChange *change = data;

  g_free ((char *) change->column);
  g_free ((char *) change->field);
  g_free ((char *) change->old_text);
  g_free ((char *) change->new_text);
}

static void
gk_history_entry_finalize (GObject *object)
{
  GkHistoryEntry *self = GK_HISTORY_ENTRY (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->person);
  g_free (self->table);
  g_free (self->summary);
  g_free (self->record_table);
  g_free (self->title);
  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (gk_history_entry_parent_class)->finalize (object);
}

static void
gk_history_entry_class_init (GkHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_history_entry_finalize;
}

static void
gk_history_entry_init (GkHistoryEntry *self)
{
}

GkHistoryEntry *
gk_history_entry_new (gint64          id,
                      GDateTime      *time,
                      const char     *person,
                      const char     *table,
                      gint64          row_id,
                      GkHistoryAction action,
                      const char     *summary,
                      gboolean        has_values)
{
  GkHistoryEntry *self = g_object_new (GK_TYPE_HISTORY_ENTRY, NULL);

  self->id = id;
  self->time = g_date_time_ref (time);
  self->person = g_strdup (person != NULL ? person : "");
  self->table = g_strdup (table);
  self->row_id = row_id;
  self->action = action;
  self->summary = g_strdup (summary != NULL ? summary : "");
  self->has_values = has_values;
  self->record_table = g_strdup (table);
  self->record_id = row_id;
  self->title = g_strdup ("");
  return self;
}

void
gk_history_entry_set_record (GkHistoryEntry *self,
                             const char     *record_table,
                             gint64          record_id,
                             const char     *title)
{
  g_return_if_fail (GK_IS_HISTORY_ENTRY (self));

  g_free (self->record_table);
  self->record_table = g_strdup (record_table);
  self->record_id = record_id;
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
}

void
gk_history_entry_add_change (GkHistoryEntry *self,
                             const char     *column,
                             const char     *field,
                             const char     *old_text,
                             const char     *new_text)
{
  GkHistoryChange change = { g_strdup (column), g_strdup (field), g_strdup (old_text), g_strdup (new_text) };

  g_return_if_fail (GK_IS_HISTORY_ENTRY (self));

  if (self->changes == NULL)
    {
      self->changes = g_array_new (FALSE, FALSE, sizeof (GkHistoryChange));
      g_array_set_clear_func (self->changes, change_clear);
    }
  g_array_append_val (self->changes, change);
}

#define GETTER(type, name)                                \
  type                                                    \
  gk_history_entry_get_##name (GkHistoryEntry *self)      \
  {                                                       \
    g_return_val_if_fail (GK_IS_HISTORY_ENTRY (self), 0); \
    return self->name;                                    \
  }

GETTER (gint64, id)
GETTER (GDateTime *, time)
GETTER (const char *, person)
GETTER (const char *, table)
GETTER (gint64, row_id)
GETTER (GkHistoryAction, action)
GETTER (const char *, record_table)
GETTER (gint64, record_id)
GETTER (const char *, title)
GETTER (const char *, summary)

gboolean
gk_history_entry_has_values (GkHistoryEntry *self)
{
  g_return_val_if_fail (GK_IS_HISTORY_ENTRY (self), FALSE);

  return self->has_values;
}

guint
gk_history_entry_get_n_changes (GkHistoryEntry *self)
{
  g_return_val_if_fail (GK_IS_HISTORY_ENTRY (self), 0);

  return self->changes != NULL ? self->changes->len : 0;
}

const GkHistoryChange *
gk_history_entry_get_change (GkHistoryEntry *self,
                             guint           index)
{
  g_return_val_if_fail (GK_IS_HISTORY_ENTRY (self), NULL);
  g_return_val_if_fail (index < gk_history_entry_get_n_changes (self), NULL);

  return &g_array_index (self->changes, GkHistoryChange, index);
}
