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

/* --- drop-down labels -------------------------------------------------------- */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
}

static GtkListItemFactory *
label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

void
gk_choice_drop_down_setup_labels (GtkDropDown *drop_down,
                                  gboolean     searchable)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (FALSE);

  gtk_drop_down_set_factory (drop_down, button_factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
  if (searchable)
    {
      g_autoptr(GtkExpression) expression =
        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_drop_down_set_expression (drop_down, expression);
      gtk_drop_down_set_enable_search (drop_down, TRUE);
    }
}
