/* gk-person-dialog.h: add a member of the team, edit or remove one
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_PERSON_DIALOG (gk_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkPersonDialog, gk_person_dialog, GK, PERSON_DIALOG, AdwWindow)

/* Edits @person (a live person of @document), or adds a new one when
 * @person is NULL. Emits "saved" with the person's id after a save, and
 * "removed" with the name after the person was removed. */
GkPersonDialog *gk_person_dialog_new (GtkWindow  *parent,
                                      GkDocument *document,
                                      GkPerson   *person);

G_END_DECLS
