/* gk-project-editor.h: add or edit a focus project
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT_EDITOR (gk_project_editor_get_type ())

G_DECLARE_FINAL_TYPE (GkProjectEditor, gk_project_editor, GK, PROJECT_EDITOR, AdwWindow)

/* A dialog that edits @project (a live focus project of @document), or adds
 * a new one when @project is NULL. Saving writes the project and its topics
 * as one undo step, emits GkProjectEditor::saved with the project's id and
 * closes the dialog; a refusal is shown next to the field it is about. */
GkProjectEditor *gk_project_editor_new (GtkWindow      *parent,
                                        GkDocument     *document,
                                        GkFocusProject *project);

G_END_DECLS
