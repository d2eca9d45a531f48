/* gk-measurement-row.h: one row of the table of measurements
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table's items are rows that stay while the measurement they show
 * changes: showing another indicator then refills the cells GTK already
 * built instead of building hundreds of new ones (GTK 4.8 keeps about two
 * hundred rows of a list alive, visible or not). A row notifies
 * "measurement" when it shows another one and when the one it shows
 * changes.
 */
#pragma once

#include <glib-object.h>

#include "gk-measurement.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASUREMENT_ROW (gk_measurement_row_get_type ())
G_DECLARE_FINAL_TYPE (GkMeasurementRow, gk_measurement_row, GK, MEASUREMENT_ROW, GObject)

GkMeasurementRow *gk_measurement_row_new             (void);
/* The measurement shown, or NULL (transfer none). */
GkMeasurement    *gk_measurement_row_get_measurement (GkMeasurementRow *self);
void              gk_measurement_row_set_measurement (GkMeasurementRow *self,
                                                      GkMeasurement    *measurement);

G_END_DECLS
