/* gk-form.h: small helpers shared by the editing dialogs
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People choosers, dates as people type them, multi-line text, and the
 * inline way of showing a mistake: the field gets the "error" style and a
 * label under it says what is wrong.
 */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

/* Fills @row with @none_label followed by the people of @document (by
 * name) and selects @person_id (0 selects @none_label). */
void      gk_form_person_choice_setup  (AdwComboRow  *row,
                                        GkDocument   *document,
                                        const char   *none_label,
                                        gint64        person_id);
/* The id of the chosen person, 0 for none. */
gint64    gk_form_person_choice_get    (AdwComboRow  *row);
void      gk_form_person_choice_set    (AdwComboRow  *row,
                                        gint64        person_id);

/* "2026-11-22" as people type it: "22-11-2026"; "" for NULL or "". */
char     *gk_form_date_for_entry       (const char   *iso);
/* Reads a date typed in @editable. Empty text gives *out_iso NULL (and
 * an error when @required). */
gboolean  gk_form_read_date            (GtkEditable  *editable,
                                        gboolean      required,
                                        char        **out_iso,
                                        GError      **error);

char     *gk_form_text_view_get_text   (GtkTextView  *view);
void      gk_form_text_view_set_text   (GtkTextView  *view,
                                        const char   *text);

/* Marks @field and shows @message in @label (which sits under it). */
void      gk_form_show_problem         (GtkWidget    *field,
                                        GtkLabel     *label,
                                        const char   *message);
void      gk_form_clear_problem        (GtkWidget    *field,
                                        GtkLabel     *label);

/* Where the mistake in a record's field (as GkValidation names it) is shown:
 * the row that edits it and the label under its group. */
typedef struct {
  const char *field;
  GtkWidget  *row;
  GtkLabel   *label;
} GkFormField;

/* Shows @message beside the row of @field, or in @fallback when no row
 * edits it. */
void      gk_form_show_problem_for_field (const GkFormField *fields,
                                          guint              n_fields,
                                          const char        *field,
                                          GtkLabel          *fallback,
                                          const char        *message);

/* Ctrl+Enter activates @action_name ("dialog.save") anywhere in @dialog,
 * also in a text view, which would otherwise take it as a new line: the
 * shortcut is handled in the capture phase, before the focused widget. */
void      gk_form_add_save_shortcut    (GtkWidget    *dialog,
                                        const char   *action_name);

/* Shows @toast in the toast overlay that holds @widget; says so in the
 * log when there is none (a page outside a window, in a test). */
void      gk_form_add_toast            (GtkWidget    *widget,
                                        AdwToast     *toast);
/* A toast "@title" with an Undo button for win.undo. */
AdwToast *gk_form_undo_toast_new       (const char   *title);

G_END_DECLS
