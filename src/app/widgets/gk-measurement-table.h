/* gk-measurement-table.h: the table of an indicator's measurements, edited in place
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASUREMENT_TABLE (gk_measurement_table_get_type ())

G_DECLARE_FINAL_TYPE (GkMeasurementTable, gk_measurement_table, GK, MEASUREMENT_TABLE, AdwBin)

GtkWidget *gk_measurement_table_new           (void);
/* Shows the measurements of @indicator (a live record of @document), newest
 * first: the latest few until "show all" is clicked. The table follows the
 * document's changes by itself. NULL shows none and lets go of both. */
void       gk_measurement_table_set_indicator (GkMeasurementTable *self,
                                               GkDocument         *document,
                                               GkIndicator        *indicator);

G_END_DECLS
