/* gk-measure-link.h: measure A reinforces, depends on or conflicts with measure B
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_MEASURE_LINK (gk_measure_link_get_type ())
G_DECLARE_FINAL_TYPE (GkMeasureLink, gk_measure_link, GK, MEASURE_LINK, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkMeasureLink *gk_measure_link_new (void);

gint64     gk_measure_link_get_from_measure_id (GkMeasureLink *self);
void       gk_measure_link_set_from_measure_id (GkMeasureLink *self, gint64 value);
gint64     gk_measure_link_get_to_measure_id   (GkMeasureLink *self);
void       gk_measure_link_set_to_measure_id   (GkMeasureLink *self, gint64 value);
GkLinkKind gk_measure_link_get_kind            (GkMeasureLink *self);
void       gk_measure_link_set_kind            (GkMeasureLink *self, GkLinkKind value);

G_END_DECLS
