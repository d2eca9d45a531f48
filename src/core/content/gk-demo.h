/* gk-demo.h: a fictitious programme to explore the app, and a large one to benchmark it
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each writes a new project file; inside src/core, gk-demo-private.h also
 * fills an open one. Every date is relative to @reference ("today"), and
 * the same reference date gives exactly the same rows: nothing depends on
 * the clock or on an unseeded random generator.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes the demo programme ("Veranderopgave jeugdhulp" of the fictitious
 * municipality Voorbeeldstad, in Dutch) as it stands on @reference to a new
 * project file at @path. Never overwrites: an existing @path is an error
 * (G_IO_ERROR_EXISTS), it may be somebody's real programme. The file is
 * written beside @path and renamed, so no half-written file is left. */
gboolean gk_demo_write_file       (const char   *path,
                                   const GDate  *reference,
                                   GError      **error);

/* The same for the large programme of gk_demo_write_large(), for the
 * benchmarks and the tests of long lists. */
gboolean gk_demo_write_large_file (const char   *path,
                                   const GDate  *reference,
                                   GError      **error);

G_END_DECLS
