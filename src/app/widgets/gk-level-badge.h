/* gk-level-badge.h: a grip level as a coloured pill that always names the level
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gk-enums.h"

G_BEGIN_DECLS

#define GK_TYPE_LEVEL_BADGE (gk_level_badge_get_type ())

G_DECLARE_FINAL_TYPE (GkLevelBadge, gk_level_badge, GK, LEVEL_BADGE, GtkWidget)

GtkWidget *gk_level_badge_new       (GkLevel       level);
GkLevel    gk_level_badge_get_level (GkLevelBadge *self);
void       gk_level_badge_set_level (GkLevelBadge *self,
                                     GkLevel       level);

G_END_DECLS
