/* gk-recovery-bar.h: "Changes from 3 Dec 10:14 were not saved"
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When opening found edits that an earlier run never saved (it stopped
 * before it could), a band across the window offers them: Bring Back
 * (merged into the programme, as unsaved edits), Show (the copy in a window
 * of its own) or Discard (after asking). It follows the window's
 * GkSharing: shown while there is something to bring back.
 */
#pragma once

#include <adwaita.h>

#include "gk-sharing.h"

G_BEGIN_DECLS

#define GK_TYPE_RECOVERY_BAR (gk_recovery_bar_get_type ())

G_DECLARE_FINAL_TYPE (GkRecoveryBar, gk_recovery_bar, GK, RECOVERY_BAR, AdwBin)

void gk_recovery_bar_follow (GkRecoveryBar *self,
                             GkWindow      *window,
                             GkSharing     *sharing);

G_END_DECLS
