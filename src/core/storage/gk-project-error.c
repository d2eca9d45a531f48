/* gk-project-error.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-project-error.h"

G_DEFINE_QUARK (gk-project-error-quark, gk_project_error)
