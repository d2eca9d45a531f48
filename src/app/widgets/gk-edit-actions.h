/* gk-edit-actions.h: the actions that change a programme, switched off
 * together where it may not be changed
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A programme opened to look at only (a municipality opened from the
 * region) refuses every edit in its document (gk_document_get_read_only());
 * the window does not offer them either. Pages set their editing actions
 * through gk_edit_action_set_enabled(), which enables them only where the
 * document may be changed; the window switches off the editing actions of
 * every editor and dialog it opens on such a document with
 * gk_edit_actions_disable(). The actions that edit are named in one table
 * (gk-edit-actions.c).
 */
#pragma once

#include <gtk/gtk.h>

#include "gk-document.h"

G_BEGIN_DECLS

/* Whether @document is open and may be changed. */
gboolean gk_edit_allowed            (GkDocument *document);

/* gtk_widget_action_set_enabled() of an editing action: enabled only when
 * @enabled and gk_edit_allowed (@document). */
void     gk_edit_action_set_enabled (GtkWidget  *widget,
                                     GkDocument *document,
                                     const char *action_name,
                                     gboolean    enabled);

/* Whether @action_name ("editor.save") changes the programme. */
gboolean gk_edit_action_is_editing  (const char *action_name);

/* Switches off every editing action that @widget's class installed (an
 * editor opened on a read-only document). */
void     gk_edit_actions_disable    (GtkWidget  *widget);
/* Makes every field under @widget show its value without taking a new one:
 * text stays selectable, choices, numbers and dates are insensitive. With
 * gk_edit_actions_disable(), an editor becomes a view of its record. */
void     gk_edit_fields_freeze      (GtkWidget  *widget);

G_END_DECLS
