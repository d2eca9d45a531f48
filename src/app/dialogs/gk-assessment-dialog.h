/* gk-assessment-dialog.h: record the team's judgement of a topic's grip level
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_ASSESSMENT_DIALOG (gk_assessment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkAssessmentDialog, gk_assessment_dialog, GK, ASSESSMENT_DIALOG, AdwWindow)

/* A dialog that inserts a new assessment of @topic into @document when the
 * user records it; @level (may be GK_LEVEL_NONE) is chosen beforehand, as
 * when the user follows a suggestion. */
GkAssessmentDialog *gk_assessment_dialog_new (GtkWindow  *parent,
                                              GkDocument *document,
                                              GkTopic    *topic,
                                              GkLevel     level);

G_END_DECLS
