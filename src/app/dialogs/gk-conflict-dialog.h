/* gk-conflict-dialog.h: choose between your changes and a colleague's
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save (or bringing in the others' changes) stopped because both sides
 * changed the same thing (GK_PROJECT_ERROR_CONFLICT). The dialog lists each
 * clash: the record and field, their value with who and when, and yours;
 * the user chooses a side for each, or one side for all. Nothing changes
 * until "confirm": only then are the choices set on the conflicts, and
 * "confirmed" asks the caller to do again what stopped. Cancel leaves the
 * conflicts as they were.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_CONFLICT_DIALOG (gk_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkConflictDialog, gk_conflict_dialog, GK, CONFLICT_DIALOG, AdwWindow)

/* @conflicts: a GListModel of GkMergeConflict (gk_project_file_get_conflicts()).
 * @confirm_label: the button that does it again ("_Save", "_Bring In"). */
GkConflictDialog *gk_conflict_dialog_new          (GtkWindow  *parent,
                                                   GListModel *conflicts,
                                                   const char *confirm_label);

/* For people, in the user's language: "3 Dec 10:14" (a local time). */
char             *gk_conflict_dialog_format_when  (GDateTime  *when);

G_END_DECLS
