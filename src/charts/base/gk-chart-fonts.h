/* gk-chart-fonts.h: loading the fonts ahead of the first text
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first text a process measures makes fontconfig read its
 * configuration and font cache and Pango find the faces: some 40 M
 * instructions, a third of a command-line chart export and more than
 * opening the file. None of it needs the programme, so it can run on a
 * thread of its own while the file is opened or the window part loaded.
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Starts loading fontconfig's configuration and the charts' fonts on a
 * thread. The next gk_chart_context_new() on this thread waits for it and
 * takes its font map. Call it once, early, on the thread that will draw. */
void          gk_chart_fonts_preload             (void);
/* Waits for a preload that no chart context took (a command that failed
 * before it drew): a process must not end while the thread is still in
 * fontconfig, or whatever it holds across processes (the file locks of a
 * cache, a test harness's shared lock) stays held. */
void          gk_chart_fonts_finish_preload      (void);

/* The font map for this thread's chart contexts: the preloaded one when
 * gk_chart_fonts_preload() ran here, else Pango's default. */
PangoFontMap *gk_chart_fonts_get_font_map        (void);

G_END_DECLS
