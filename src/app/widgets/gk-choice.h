/* gk-choice.h: choosing a value of an enumeration or a row of a list
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills an AdwComboRow or a GtkDropDown (anything with "model" and
 * "selected" properties) with translated labels and maps the selected
 * position back to the value or row id it stands for.
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

/* The labels of @entries (gk_measure_status_entries (), ...), translated;
 * selects @value. */
void     gk_choice_enum_setup    (gpointer           choice,
                                  const GkEnumEntry *entries,
                                  guint              n_entries,
                                  int                value);
int      gk_choice_enum_get      (gpointer           choice);
void     gk_choice_enum_set      (gpointer           choice,
                                  int                value);

/* @none_label (when not NULL, for id 0) and then the labels of the records
 * of @records in their order; selects @id. Call again when @records changed:
 * the chosen row stays chosen while it exists. */
void     gk_choice_record_setup  (gpointer           choice,
                                  GListModel        *records,
                                  const char        *none_label,
                                  gint64             id);
/* The id of the chosen record, 0 for @none_label. */
gint64   gk_choice_record_get    (gpointer           choice);
void     gk_choice_record_set    (gpointer           choice,
                                  gint64             id);

/* Lets @drop_down show long labels ellipsized on its button (in full in its
 * popup), so that a long name does not widen the window; with @searchable
 * its popup gets a search entry that matches the labels. */
void     gk_choice_drop_down_setup_labels (GtkDropDown *drop_down,
                                           gboolean     searchable);

G_END_DECLS
