/* gk-application.h
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_APPLICATION (gk_application_get_type ())

G_DECLARE_FINAL_TYPE (GkApplication, gk_application, GK, APPLICATION, AdwApplication)

GkApplication *gk_application_new           (void);
GSettings     *gk_application_get_settings  (GkApplication *self);
void           gk_application_add_recent    (GkApplication *self,
                                             GFile         *file);
GStrv          gk_application_dup_recent    (GkApplication *self);

G_END_DECLS
