/* gk-new-programme-dialog.h: title, municipality, domains, period and lead of a new programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-project-file.h"

G_BEGIN_DECLS

#define GK_TYPE_NEW_PROGRAMME_DIALOG (gk_new_programme_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkNewProgrammeDialog, gk_new_programme_dialog, GK, NEW_PROGRAMME_DIALOG, AdwWindow)

GkNewProgrammeDialog *gk_new_programme_dialog_new (GtkWindow *parent);

/* For tests: fill in and press Create. */
void gk_new_programme_dialog_set_values (GkNewProgrammeDialog *self,
                                         const char           *title,
                                         const char           *municipality,
                                         const char           *lead,
                                         const char           *start,
                                         const char           *end);

G_END_DECLS
