/* gk-tooltip.h
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gk_widget_set_tooltip_lazily (GtkWidget  *widget,
                                   const char *text);

G_END_DECLS
