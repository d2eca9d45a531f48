/* gk-project-topic.h: a topic that a focus project works on
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT_TOPIC (gk_project_topic_get_type ())
G_DECLARE_FINAL_TYPE (GkProjectTopic, gk_project_topic, GK, PROJECT_TOPIC, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkProjectTopic *gk_project_topic_new (void);

gint64 gk_project_topic_get_project_id (GkProjectTopic *self);
void   gk_project_topic_set_project_id (GkProjectTopic *self, gint64 value);
gint64 gk_project_topic_get_topic_id   (GkProjectTopic *self);
void   gk_project_topic_set_topic_id   (GkProjectTopic *self, gint64 value);

G_END_DECLS
