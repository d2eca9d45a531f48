/* gk-record-history.h: the history of one record, for its editor
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_RECORD_HISTORY (gk_record_history_get_type ())

G_DECLARE_FINAL_TYPE (GkRecordHistory, gk_record_history, GK, RECORD_HISTORY, AdwPreferencesGroup)

GtkWidget *gk_record_history_new        (void);
/* Shows the changes of row @row_id of @table ("measure"), newest first:
 * field, old value -> new value, by whom, when. Hidden for a record not
 * saved yet (@row_id 0). */
void       gk_record_history_set_record (GkRecordHistory *self,
                                         GkDocument      *document,
                                         const char      *table,
                                         gint64           row_id);
/* How many changes it lists. */
guint      gk_record_history_get_n_changes (GkRecordHistory *self);

G_END_DECLS
