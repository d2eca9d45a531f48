/* gk-window.h
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-application.h"
#include "gk-document.h"
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_WINDOW (gk_window_get_type ())

G_DECLARE_FINAL_TYPE (GkWindow, gk_window, GK, WINDOW, AdwApplicationWindow)

GkWindow   *gk_window_new             (GkApplication *application);
void        gk_window_open_file       (GkWindow      *self,
                                       GFile         *file);
void        gk_window_show_error      (GkWindow      *self,
                                       const char    *heading,
                                       const GError  *error);
const char *gk_window_get_page_name   (GkWindow      *self);
/* Shows the page of the open programme named @name ("overview", "roadmap",
 * "team", ...); returns the page's widget, or NULL when there is none. */
GtkWidget  *gk_window_show_page       (GkWindow      *self,
                                       const char    *name);
GkDocument *gk_window_get_document    (GkWindow      *self);
/* The window's session: what it has open, and its clock. */
GkSession  *gk_window_get_session     (GkWindow      *self);
/* Shows @toast (transfer full) over the window's content. */
void        gk_window_add_toast       (GkWindow      *self,
                                       AdwToast      *toast);
gboolean    gk_window_save_as_file    (GkWindow      *self,
                                       GFile         *file);

/* Shows the record @id of @table ("measure", "topic", "focus_project",
 * "indicator", "person") selected on its page. Pages link through the
 * action: gtk_widget_activate_action (w, "win.show-record", "(sx)", table, id). */
void        gk_window_show_record     (GkWindow      *self,
                                       const char    *table,
                                       gint64         id);

G_END_DECLS
