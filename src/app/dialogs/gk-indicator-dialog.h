/* gk-indicator-dialog.h: add or edit an indicator
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_INDICATOR_DIALOG (gk_indicator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkIndicatorDialog, gk_indicator_dialog, GK, INDICATOR_DIALOG, AdwWindow)

/* Edits @indicator (a live record of @document), or makes a new indicator
 * when @indicator is NULL. Saving is one undo step (the indicator and the
 * topics and focus projects it informs); the dialog then emits "saved" with
 * the indicator's id and closes. */
GkIndicatorDialog *gk_indicator_dialog_new (GtkWindow   *parent,
                                            GkDocument  *document,
                                            GkIndicator *indicator);

G_END_DECLS
