/* gk-preferences-window.h: the user's name, and how the open programme is judged
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_PREFERENCES_WINDOW (gk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, GK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* "Your name" is the "user-name" key of @settings; the headline rule and
 * the review cycle are the programme row of @document (NULL when no
 * programme is open: then only the name is shown). Every change applies
 * at once; a change of the programme is an undo step of the document. */
GkPreferencesWindow *gk_preferences_window_new (GtkWindow  *parent,
                                                GSettings  *settings,
                                                GkDocument *document);

/* The name the change log gets when "user-name" is empty: the account's
 * real name, or its login name. */
const char          *gk_preferences_default_user_name (void);

G_END_DECLS
