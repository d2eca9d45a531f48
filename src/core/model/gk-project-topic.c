/* gk-project-topic.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the description GK_PROJECT_TOPIC_TABLE of table
 * "project_topic" in gk-tables.h: the type, gk_project_topic_new() and the accessors
 * that gk-project-topic.h declares.
 */
#include "config.h"

#include "gk-project-topic.h"
#include "gk-record-private.h"
#include "gk-tables.h"

GK_DEFINE_RECORD_TYPE (GkProjectTopic, gk_project_topic, GK_PROJECT_TOPIC_TABLE, gk_project_topic_table)

#define ACCESSORS(kind, ...) GK_RECORD_ACCESSORS_##kind (GkProjectTopic, gk_project_topic, __VA_ARGS__)
GK_PROJECT_TOPIC_TABLE (ACCESSORS, GK_TABLE_IGNORE)
