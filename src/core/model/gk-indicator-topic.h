/* gk-indicator-topic.h: a topic that an indicator informs
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_INDICATOR_TOPIC (gk_indicator_topic_get_type ())
G_DECLARE_FINAL_TYPE (GkIndicatorTopic, gk_indicator_topic, GK, INDICATOR_TOPIC, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkIndicatorTopic *gk_indicator_topic_new (void);

gint64 gk_indicator_topic_get_indicator_id (GkIndicatorTopic *self);
void   gk_indicator_topic_set_indicator_id (GkIndicatorTopic *self, gint64 value);
gint64 gk_indicator_topic_get_topic_id     (GkIndicatorTopic *self);
void   gk_indicator_topic_set_topic_id     (GkIndicatorTopic *self, gint64 value);

G_END_DECLS
