/* gk-tooltip.c: tooltips for widgets in long lists
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk_widget_set_tooltip_text() asks the display server where the pointer
 * is, each time it is called on a widget on screen (on X11 a round trip).
 * That is too slow for a widget in every row of a list that is rebuilt after
 * each edit: the Team page of the large programme set some 120 tooltips per
 * edit. These keep the text until the tooltip is asked for.
 */
#include "config.h"

#include "gk-tooltip.h"

#define TOOLTIP_KEY "gk-tooltip"

static gboolean
query_stored_tooltip_cb (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Shows @text (or nothing, when NULL) as @widget's tooltip. */
void
gk_widget_set_tooltip_lazily (GtkWidget  *widget,
                              const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  if (!gtk_widget_get_has_tooltip (widget))
    {
      gtk_widget_set_has_tooltip (widget, TRUE);
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_stored_tooltip_cb), NULL);
    }
}
