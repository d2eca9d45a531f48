/* gk-choice.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-choice.h"

#define VALUES_KEY "gk-choice-values"

/* Positions map to values through an array kept on the widget, so that the
 * model can stay a plain GtkStringList that any factory shows. */
static void
set_values (gpointer  choice,
            GArray   *values)
{
  g_object_set_data_full (G_OBJECT (choice), VALUES_KEY, values, (GDestroyNotify) g_array_unref);
}

static GArray *
get_values (gpointer choice)
{
  return g_object_get_data (G_OBJECT (choice), VALUES_KEY);
}

static guint
get_selected (gpointer choice)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  g_object_get (choice, "selected", &selected, NULL);
  return selected;
}

void
gk_choice_enum_setup (gpointer           choice,
                      const GkEnumEntry *entries,
                      guint              n_entries,
                      int                value)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_entries);

  for (guint i = 0; i < n_entries; i++)
    {
      gint64 v = entries[i].value;

      gtk_string_list_append (labels, _(entries[i].label));
      g_array_append_val (values, v);
    }
  set_values (choice, values);
  g_object_set (choice, "model", labels, NULL);
  gk_choice_enum_set (choice, value);
}

int
gk_choice_enum_get (gpointer choice)
{
  return (int) gk_choice_record_get (choice);
}

void
gk_choice_enum_set (gpointer choice,
                    int      value)
{
  gk_choice_record_set (choice, value);
}

void
gk_choice_record_setup (gpointer    choice,
                        GListModel *records,
                        const char *none_label,
                        gint64      id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (records);
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n + 1);

  if (none_label != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (labels, none_label);
      g_array_append_val (values, none);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRecord) record = g_list_model_get_item (records, i);
      gint64 record_id = gk_record_get_id (record);

      gtk_string_list_append (labels, gk_record_get_label (record));
      g_array_append_val (values, record_id);
    }
  set_values (choice, values);
  g_object_set (choice, "model", labels, NULL);
  gk_choice_record_set (choice, id);
}

gint64
gk_choice_record_get (gpointer choice)
{
  GArray *values = get_values (choice);
  guint selected = get_selected (choice);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return 0;
  return g_array_index (values, gint64, selected);
}

void
gk_choice_record_set (gpointer choice,
                      gint64   id)
{
  GArray *values = get_values (choice);

  g_return_if_fail (values != NULL);

  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, gint64, i) == id)
      {
        g_object_set (choice, "selected", i, NULL);
        return;
      }
  g_object_set (choice, "selected", values->len > 0 ? 0u : GTK_INVALID_LIST_POSITION, NULL);
}
