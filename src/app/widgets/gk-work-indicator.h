/* gk-work-indicator.h: a spinner for the work a window has running in the
 * background (saving, exporting)
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GK_TYPE_WORK_INDICATOR (gk_work_indicator_get_type ())

G_DECLARE_FINAL_TYPE (GkWorkIndicator, gk_work_indicator, GK, WORK_INDICATOR, GtkWidget)

/* Work described by @what ("Saving “plan.gripkaart”…") starts: the
 * indicator spins, says what in its tooltip and to screen readers, and
 * the application keeps running (and is marked busy) until the work ends,
 * even when the window closes (the work holds the indicator until then).
 * Returns the id for gk_work_indicator_end(). */
guint        gk_work_indicator_begin    (GkWorkIndicator *self,
                                         const char      *what);
void         gk_work_indicator_end      (GkWorkIndicator *self,
                                         guint            id);

/* The "busy" property: whether any work runs. */
gboolean     gk_work_indicator_get_busy (GkWorkIndicator *self);
/* What the oldest running work is, NULL when none. */
const char  *gk_work_indicator_get_what (GkWorkIndicator *self);

G_END_DECLS
