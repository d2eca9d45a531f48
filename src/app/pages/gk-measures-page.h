/* gk-measures-page.h: every measure of the programme in one table
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-session.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASURES_PAGE (gk_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (GkMeasuresPage, gk_measures_page, GK, MEASURES_PAGE, AdwBin)

GtkWidget *gk_measures_page_new            (void);
/* Selects the measure with @measure_id and scrolls to it, clearing the
 * filters when they hide it (as search results do). */
void       gk_measures_page_select_measure (GkMeasuresPage *self,
                                            gint64          measure_id);
/* Opens the measure editor on the measure with @measure_id. */
void       gk_measures_page_edit_measure   (GkMeasuresPage *self,
                                            gint64          measure_id);

/* The open programme shown (the "session" property): the page follows it
 * by itself, and lets go of its document when it closes. */
void       gk_measures_page_set_session (GkMeasuresPage *self,
                                         GkSession      *session);
GkSession *gk_measures_page_get_session (GkMeasuresPage *self);

G_END_DECLS
