/* gk-topic.h: a row of the roadmap, such as procurement or finance
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gk-enums.h"
#include "gk-record.h"

G_BEGIN_DECLS

#define GK_TYPE_TOPIC (gk_topic_get_type ())
G_DECLARE_FINAL_TYPE (GkTopic, gk_topic, GK, TOPIC, GkRecord)

/* A new detached record with the defaults of the schema, to fill in and
 * pass to gk_document_insert(). */
GkTopic *gk_topic_new (void);

const char *gk_topic_get_name                  (GkTopic *self);
void        gk_topic_set_name                  (GkTopic *self, const char *value);
const char *gk_topic_get_description           (GkTopic *self);
void        gk_topic_set_description           (GkTopic *self, const char *value);
int         gk_topic_get_position              (GkTopic *self);
void        gk_topic_set_position              (GkTopic *self, int value);
const char *gk_topic_get_descriptor_serious    (GkTopic *self);
void        gk_topic_set_descriptor_serious    (GkTopic *self, const char *value);
const char *gk_topic_get_descriptor_vigilant   (GkTopic *self);
void        gk_topic_set_descriptor_vigilant   (GkTopic *self, const char *value);
const char *gk_topic_get_descriptor_in_control (GkTopic *self);
void        gk_topic_set_descriptor_in_control (GkTopic *self, const char *value);
const char *gk_topic_get_challenges            (GkTopic *self);
void        gk_topic_set_challenges            (GkTopic *self, const char *value);
GkLevel     gk_topic_get_target_level          (GkTopic *self);
void        gk_topic_set_target_level          (GkTopic *self, GkLevel value);
const char *gk_topic_get_target_date           (GkTopic *self);
void        gk_topic_set_target_date           (GkTopic *self, const char *value);
gint64      gk_topic_get_owner_id              (GkTopic *self);
void        gk_topic_set_owner_id              (GkTopic *self, gint64 value);

G_END_DECLS
