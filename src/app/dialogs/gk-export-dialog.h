/* gk-export-dialog.h: export a table (or all of them) to XLSX or CSV
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-table-export.h"

G_BEGIN_DECLS

#define GK_TYPE_EXPORT_DIALOG (gk_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkExportDialog, gk_export_dialog, GK, EXPORT_DIALOG, AdwWindow)

GkExportDialog *gk_export_dialog_new    (GtkWindow      *parent,
                                         GkDocument     *document);
/* Writes the chosen table(s) in the chosen format to @path (what the file
 * chooser does after "Export…"); on failure the dialog shows why. */
gboolean        gk_export_dialog_export (GkExportDialog *self,
                                         const char     *path,
                                         GError        **error);

G_END_DECLS
