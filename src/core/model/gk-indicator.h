/* gk-indicator.h: a KPI: a measured figure with unit, baseline, target and signal values
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_INDICATOR (gk_indicator_get_type ())
G_DECLARE_FINAL_TYPE (GkIndicator, gk_indicator, GK, INDICATOR, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkIndicator *gk_indicator_new (void);

const char *gk_indicator_get_name             (GkIndicator *self);
void        gk_indicator_set_name             (GkIndicator *self, const char *value);
const char *gk_indicator_get_description      (GkIndicator *self);
void        gk_indicator_set_description      (GkIndicator *self, const char *value);
GkUnit      gk_indicator_get_unit             (GkIndicator *self);
void        gk_indicator_set_unit             (GkIndicator *self, GkUnit value);
GkDirection gk_indicator_get_direction        (GkIndicator *self);
void        gk_indicator_set_direction        (GkIndicator *self, GkDirection value);
GkFrequency gk_indicator_get_frequency        (GkIndicator *self);
void        gk_indicator_set_frequency        (GkIndicator *self, GkFrequency value);
double      gk_indicator_get_baseline_value   (GkIndicator *self);
void        gk_indicator_set_baseline_value   (GkIndicator *self, double value);
gboolean    gk_indicator_has_baseline_value   (GkIndicator *self);
void        gk_indicator_clear_baseline_value (GkIndicator *self);
const char *gk_indicator_get_baseline_date    (GkIndicator *self);
void        gk_indicator_set_baseline_date    (GkIndicator *self, const char *value);
double      gk_indicator_get_target_value     (GkIndicator *self);
void        gk_indicator_set_target_value     (GkIndicator *self, double value);
gboolean    gk_indicator_has_target_value     (GkIndicator *self);
void        gk_indicator_clear_target_value   (GkIndicator *self);
const char *gk_indicator_get_target_date      (GkIndicator *self);
void        gk_indicator_set_target_date      (GkIndicator *self, const char *value);
double      gk_indicator_get_signal_serious   (GkIndicator *self);
void        gk_indicator_set_signal_serious   (GkIndicator *self, double value);
gboolean    gk_indicator_has_signal_serious   (GkIndicator *self);
void        gk_indicator_clear_signal_serious (GkIndicator *self);
double      gk_indicator_get_signal_control   (GkIndicator *self);
void        gk_indicator_set_signal_control   (GkIndicator *self, double value);
gboolean    gk_indicator_has_signal_control   (GkIndicator *self);
void        gk_indicator_clear_signal_control (GkIndicator *self);
const char *gk_indicator_get_source           (GkIndicator *self);
void        gk_indicator_set_source           (GkIndicator *self, const char *value);
int         gk_indicator_get_position         (GkIndicator *self);
void        gk_indicator_set_position         (GkIndicator *self, int value);

G_END_DECLS
