/* gk-project-error.h: what can go wrong with a project file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_PROJECT_ERROR (gk_project_error_quark ())

/* Every message set with this domain is translated, names the file by its
 * display name and can be shown to the user as it is. */
typedef enum {
  GK_PROJECT_ERROR_NOT_FOUND,        /* the file does not exist (any more) */
  GK_PROJECT_ERROR_NOT_PROJECT,      /* not a Gripkaart file, or holds parts we did not make */
  GK_PROJECT_ERROR_DAMAGED,          /* a Gripkaart file that is truncated or corrupt */
  GK_PROJECT_ERROR_NEWER_VERSION,    /* made by a newer Gripkaart: read-only */
  GK_PROJECT_ERROR_READ_ONLY,        /* the file or its folder cannot be written */
  GK_PROJECT_ERROR_CHANGED_ON_DISK,  /* someone else changed the file since it was read */
  GK_PROJECT_ERROR_LOCKED,           /* another program is writing the file right now */
  GK_PROJECT_ERROR_NO_SPACE,         /* the disk is full */
  GK_PROJECT_ERROR_EXISTS,           /* Save As onto another Gripkaart programme */
  GK_PROJECT_ERROR_FAILED,           /* anything else (I/O error, ...) */
  GK_PROJECT_ERROR_CONFLICT,         /* merging met changes of others that clash with ours */
} GkProjectError;

GQuark gk_project_error_quark (void);

G_END_DECLS
