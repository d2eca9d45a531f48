/* gk-measure-editor.h: every field of a measure, its targets and its links
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASURE_EDITOR (gk_measure_editor_get_type ())

G_DECLARE_FINAL_TYPE (GkMeasureEditor, gk_measure_editor, GK, MEASURE_EDITOR, AdwWindow)

/* A dialog that edits @measure (a live measure of @document), or a new
 * measure of focus project @project_id (0: the first project) when @measure
 * is NULL. Targets and links added or removed in the dialog are written
 * only on Save, together with the measure, as one undo step; then
 * GkMeasureEditor::saved is emitted with the measure's id and the dialog
 * closes. Refusals are shown next to the field they are about. */
GkMeasureEditor *gk_measure_editor_new (GtkWindow  *parent,
                                        GkDocument *document,
                                        GkMeasure  *measure,
                                        gint64      project_id);

G_END_DECLS
