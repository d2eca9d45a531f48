/* gk-topic-dialog.h: add a topic to the roadmap or edit one
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_TOPIC_DIALOG (gk_topic_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkTopicDialog, gk_topic_dialog, GK, TOPIC_DIALOG, AdwWindow)

/* Edits @topic (a live topic of @document), or adds a new topic at the end
 * of the roadmap when @topic is NULL. Emits "saved" with the topic's id
 * once the document took the change. */
GkTopicDialog *gk_topic_dialog_new (GtkWindow  *parent,
                                    GkDocument *document,
                                    GkTopic    *topic);

G_END_DECLS
