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
#include "gk-work-indicator.h"

G_BEGIN_DECLS

#define GK_TYPE_WINDOW (gk_window_get_type ())

G_DECLARE_FINAL_TYPE (GkWindow, gk_window, GK, WINDOW, AdwApplicationWindow)

GkWindow   *gk_window_new             (GkApplication *application);
/* Opening and saving run in the background (the file may be on a slow
 * network drive): the window keeps drawing, and its work indicator is
 * busy until they are done; then the programme shows (in a new window if
 * this one shows one already), or an error says why not. */
void        gk_window_open_file       (GkWindow      *self,
                                       GFile         *file);
/* Opens @file to look at only (GK_PROJECT_FILE_OPEN_READ_ONLY), in this
 * window or, when it shows a programme, a new one. A band across the
 * window says so with @reason, and its Edit opens the file again to edit
 * it, in the same window. */
void        gk_window_open_file_read_only (GkWindow   *self,
                                           GFile      *file,
                                           const char *reason);
/* As gk_window_open_file() for a window not shown yet: shows it when the
 * programme is open (or could not be), or after a short wait when opening
 * takes long, so that it is not laid out twice at start-up. */
void        gk_window_open_file_and_present (GkWindow *self,
                                             GFile    *file);
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
/* Saves to @file (what Save As does after its file chooser). */
void        gk_window_save_as_file    (GkWindow      *self,
                                       GFile         *file);
/* The spinner in the header bar for work running in the background. */
GkWorkIndicator *gk_window_get_work_indicator (GkWindow *self);

/* Shows the record @id of @table ("measure", "topic", "focus_project",
 * "indicator", "person") selected on its page. Pages link through the
 * action: gtk_widget_activate_action (w, "win.show-record", "(sx)", table, id). */
void        gk_window_show_record     (GkWindow      *self,
                                       const char    *table,
                                       gint64         id);

G_END_DECLS
