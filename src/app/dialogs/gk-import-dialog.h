/* gk-import-dialog.h: import KPI figures from a CSV, XLSX or ODS file, with a preview
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choose the file and the sheet; the first rows are shown with the columns
 * mapped to indicator, period, value and note as recognised (changeable),
 * and below them what happens to every row. Import writes the plan in one
 * undo step.
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-import-plan.h"

G_BEGIN_DECLS

#define GK_TYPE_IMPORT_DIALOG (gk_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkImportDialog, gk_import_dialog, GK, IMPORT_DIALOG, AdwWindow)

/* With @file NULL the dialog asks for one when shown. */
GkImportDialog *gk_import_dialog_new       (GtkWindow      *parent,
                                            GkDocument     *document,
                                            GFile          *file);
/* Reads @file in a thread and then shows what importing it would do;
 * cancels the read of the file before, if any. */
void            gk_import_dialog_set_file  (GkImportDialog *self,
                                            GFile          *file);
/* Whether the file is still being read (in a thread); the preview and the
 * plan follow when it is done. */
gboolean        gk_import_dialog_is_reading (GkImportDialog *self);
/* The plan shown, or NULL (no file, or the columns are not mapped). */
GkImportPlan   *gk_import_dialog_get_plan  (GkImportDialog *self);

/* Lets files be dropped on @widget: each opens this dialog, through the
 * "win.import-figures" action with the file's URI. */
void            gk_import_dialog_accept_drops (GtkWidget   *widget);

G_END_DECLS
