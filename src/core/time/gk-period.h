/* gk-period.h: calendar periods (months, quarters, years) on GDate
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measurements, reviews and the roadmap all think in calendar periods. A
 * period is named by its GkFrequency (monthly = a calendar month, quarterly
 * = a calendar quarter starting in January, April, July or October, yearly
 * = a calendar year) and by any date inside it.
 *
 * Dates are GDate by value. A date that is "not set" is a GDate for which
 * g_date_valid() is FALSE (a zero-filled GDate is such a date). Functions
 * given an unset date return an unset date instead of warning, so that
 * callers can pass optional dates straight through.
 */
#pragma once

#include <glib.h>

#include "gk-enums.h"

G_BEGIN_DECLS

/* Small GDate helpers that never warn on an unset date. */
gboolean    gk_period_date_is_set      (const GDate   *date);
GDate       gk_period_date_unset       (void);
GDate       gk_period_date_dmy         (GDateDay       day,
                                        GDateMonth     month,
                                        GDateYear      year);
GDate       gk_period_add_days         (const GDate   *date,
                                        int            n_days);
GDate       gk_period_add_months       (const GDate   *date,
                                        int            n_months);

/* Periods. */
guint       gk_period_months           (GkFrequency    frequency);
GkFrequency gk_review_cycle_frequency  (GkReviewCycle  cycle);

GDate       gk_period_start            (GkFrequency    frequency,
                                        const GDate   *date);
GDate       gk_period_end              (GkFrequency    frequency,
                                        const GDate   *date);
GDate       gk_period_shift            (GkFrequency    frequency,
                                        const GDate   *date,
                                        int            n_periods);
gboolean    gk_period_same             (GkFrequency    frequency,
                                        const GDate   *a,
                                        const GDate   *b);
gboolean    gk_period_last_complete    (GkFrequency    frequency,
                                        const GDate   *today,
                                        GDate         *out_start,
                                        GDate         *out_end);
char       *gk_period_label            (GkFrequency    frequency,
                                        const GDate   *date);

/* A period as people write it on the command line: "2026-10" (a month) or
 * "2026-Q3" (a quarter; "2026-K3" too, as the Dutch report names it). Sets
 * the frequency and the period's first day. */
gboolean    gk_period_parse            (const char    *text,
                                        GkFrequency   *out_frequency,
                                        GDate         *out_start,
                                        GError       **error);

G_END_DECLS
