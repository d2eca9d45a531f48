/* gk-measurement-row.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-measurement-row.h"

struct _GkMeasurementRow
{
  GObject        parent_instance;
  GkMeasurement *measurement;
};

enum {
  PROP_0,
  PROP_MEASUREMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GkMeasurementRow, gk_measurement_row, G_TYPE_OBJECT)

static void
measurement_row_changed_cb (GkMeasurementRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASUREMENT]);
}

void
gk_measurement_row_set_measurement (GkMeasurementRow *self,
                                    GkMeasurement    *measurement)
{
  g_return_if_fail (GK_IS_MEASUREMENT_ROW (self));
  g_return_if_fail (measurement == NULL || GK_IS_MEASUREMENT (measurement));

  if (self->measurement == measurement)
    return;
  if (self->measurement != NULL)
    g_signal_handlers_disconnect_by_data (self->measurement, self);
  g_set_object (&self->measurement, measurement);
  if (measurement != NULL)
    g_signal_connect_swapped (measurement, "notify", G_CALLBACK (measurement_row_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASUREMENT]);
}

static void
gk_measurement_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MEASUREMENT:
      g_value_set_object (value, GK_MEASUREMENT_ROW (object)->measurement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_measurement_row_dispose (GObject *object)
{
  gk_measurement_row_set_measurement (GK_MEASUREMENT_ROW (object), NULL);

  G_OBJECT_CLASS (gk_measurement_row_parent_class)->dispose (object);
}

static void
gk_measurement_row_class_init (GkMeasurementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gk_measurement_row_get_property;
  object_class->dispose = gk_measurement_row_dispose;
  properties[PROP_MEASUREMENT] =
    g_param_spec_object ("measurement", NULL, NULL, GK_TYPE_MEASUREMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_measurement_row_init (GkMeasurementRow *self)
{
}

GkMeasurementRow *
gk_measurement_row_new (void)
{
  return g_object_new (GK_TYPE_MEASUREMENT_ROW, NULL);
}

GkMeasurement *
gk_measurement_row_get_measurement (GkMeasurementRow *self)
{
  g_return_val_if_fail (GK_IS_MEASUREMENT_ROW (self), NULL);

  return self->measurement;
}
