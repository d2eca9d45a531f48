/* gk-figure-period.h: the periods of figures as spreadsheets name them
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Months: 2026-01, 01-2026, jan 2026, januari 2026, 2026 januari, jan-26,
 * 2026M01, 2026MM01, 202601. Quarters: 2026-K1, 2026Q1, 2026 K1, K1 2026,
 * 2026 1e kwartaal, 1e kwartaal 2026, 2026KW01. Years: 2026, 2026JJ00.
 * Days: 1-1-2026, 2026-01-01, 1 januari 2026, and date cells or Excel date
 * serials. A trailing '*' (CBS: provisional) is allowed and remembered.
 * A day falls in the period of any frequency; a month, quarter or year
 * must be the indicator's own kind of period.
 */
#pragma once

#include "gk-enums.h"
#include "gk-sheet.h"

G_BEGIN_DECLS

typedef enum {
  GK_PERIOD_KIND_DAY,
  GK_PERIOD_KIND_MONTH,
  GK_PERIOD_KIND_QUARTER,
  GK_PERIOD_KIND_YEAR,
} GkPeriodKind;

typedef struct {
  GkPeriodKind kind;
  GDate        date;         /* the day, or the first day of the period */
  gboolean     provisional;  /* written with a trailing '*' */
} GkFigurePeriod;

gboolean gk_figure_period_parse_text (const char      *text,
                                      GkFigurePeriod  *out_period);
/* A text cell as above; a date cell is a day; a number cell is a year
 * (1900-2100), a month (202601) or an Excel date serial. */
gboolean gk_figure_period_parse_cell (const GkCell    *cell,
                                      GkFigurePeriod  *out_period);

/* The first day of the indicator's period that @period names, or FALSE
 * with a message (GK_FIGURES_ERROR_FAILED) naming @text and the indicator. */
gboolean gk_figure_period_match      (const GkFigurePeriod *period,
                                      GkFrequency           frequency,
                                      const char           *text,
                                      const char           *indicator_name,
                                      GDate                *out_start,
                                      GError              **error);

G_END_DECLS
