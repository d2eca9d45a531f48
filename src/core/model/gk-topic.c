/* gk-topic.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_TOPIC_TABLE of table
 * "topic" in gk-tables.h: the type, gk_topic_new() and the accessors
 * that gk-topic.h declares.
 */
#include "config.h"

#include "gk-topic.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkTopic, gk_topic, GK_TOPIC_TABLE, gk_topic_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkTopic, gk_topic, __VA_ARGS__)
GK_TOPIC_TABLE (ACCESSORS, GK_TABLE_IGNORE)
