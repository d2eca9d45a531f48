/* gk-catalogue-dialog.h: adopt a measure from the catalogue in a focus project
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOGUE_DIALOG (gk_catalogue_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkCatalogueDialog, gk_catalogue_dialog, GK, CATALOGUE_DIALOG, AdwWindow)

/* A dialog in two steps: pick an entry of the catalogue, then choose the
 * topic, target level and date (and owner) of the new measure. Adding it is
 * one undo step; GkCatalogueDialog::added is emitted with the new measure's
 * id and the dialog closes. */
GkCatalogueDialog *gk_catalogue_dialog_new (GtkWindow      *parent,
                                            GkDocument     *document,
                                            GkFocusProject *project);

G_END_DECLS
