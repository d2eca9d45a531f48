/* gk-catalogue-measure.h: a measure from the catalogue that travels with the file, to adopt in a project
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOGUE_MEASURE (gk_catalogue_measure_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogueMeasure, gk_catalogue_measure, GK, CATALOGUE_MEASURE, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkCatalogueMeasure *gk_catalogue_measure_new (void);

const char *  gk_catalogue_measure_get_topic_name      (GkCatalogueMeasure *self);
void          gk_catalogue_measure_set_topic_name      (GkCatalogueMeasure *self, const char *value);
const char *  gk_catalogue_measure_get_title           (GkCatalogueMeasure *self);
void          gk_catalogue_measure_set_title           (GkCatalogueMeasure *self, const char *value);
const char *  gk_catalogue_measure_get_description     (GkCatalogueMeasure *self);
void          gk_catalogue_measure_set_description     (GkCatalogueMeasure *self, const char *value);
GkMeasureKind gk_catalogue_measure_get_kind            (GkCatalogueMeasure *self);
void          gk_catalogue_measure_set_kind            (GkCatalogueMeasure *self, GkMeasureKind value);
const char *  gk_catalogue_measure_get_expected_effect (GkCatalogueMeasure *self);
void          gk_catalogue_measure_set_expected_effect (GkCatalogueMeasure *self, const char *value);
GkChainPhase  gk_catalogue_measure_get_chain_phase     (GkCatalogueMeasure *self);
void          gk_catalogue_measure_set_chain_phase     (GkCatalogueMeasure *self, GkChainPhase value);

G_END_DECLS
