/* gk-indicator-topic.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_INDICATOR_TOPIC_TABLE of table
 * "indicator_topic" in gk-tables.h: the type, gk_indicator_topic_new() and the accessors
 * that gk-indicator-topic.h declares.
 */
#include "config.h"

#include "gk-indicator-topic.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkIndicatorTopic, gk_indicator_topic, GK_INDICATOR_TOPIC_TABLE, gk_indicator_topic_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkIndicatorTopic, gk_indicator_topic, __VA_ARGS__)
GK_INDICATOR_TOPIC_TABLE (ACCESSORS, GK_TABLE_IGNORE)
