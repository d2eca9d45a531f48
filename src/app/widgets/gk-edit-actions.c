/* gk-edit-actions.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-edit-actions.h"

/* Every action of a page, editor or dialog that changes the programme.
 * A new editing action belongs here too; test-region-window checks that a
 * programme opened from the region offers none of them. */
static const char * const editing_actions[] = {
  /* pages */
  "roadmap.add-topic", "roadmap.edit-topic", "roadmap.remove-topic", "roadmap.move-up",
  "roadmap.move-down", "roadmap.record-assessment", "roadmap.follow-suggestion",
  "roadmap.remove-assessment",
  "projects.add", "projects.edit", "projects.delete", "projects.add-measure",
  "projects.add-from-catalogue",
  "measures.new", "measures.edit", "measures.delete",
  "indicators.add", "indicators.edit", "indicators.delete", "indicators.add-measurement",
  "team.add-person", "team.edit-person",
  "journal.add",
  /* editors and dialogs */
  "editor.save", "editor.delete", "editor.add-target", "editor.add-link",
  "dialog.save", "dialog.delete", "dialog.remove",
  "catalogue.add",
  /* the window */
  "win.undo", "win.redo", "win.import-figures",
};

gboolean
gk_edit_allowed (GkDocument *document)
{
  return document != NULL && !gk_document_get_read_only (document);
}

gboolean
gk_edit_action_is_editing (const char *action_name)
{
  return g_strv_contains (editing_actions, action_name);
}

void
gk_edit_action_set_enabled (GtkWidget  *widget,
                            GkDocument *document,
                            const char *action_name,
                            gboolean    enabled)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_warn_if_fail (gk_edit_action_is_editing (action_name));

  gtk_widget_action_set_enabled (widget, action_name, enabled && gk_edit_allowed (document));
}

void
gk_edit_actions_disable (GtkWidget *widget)
{
  GtkWidgetClass *widget_class;
  GType owner;
  const char *name;
  const GVariantType *parameter_type;
  const char *property_name;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  widget_class = GTK_WIDGET_GET_CLASS (widget);
  /* (GTK 4.8 fills in every one of these: none may be NULL.) */
  for (guint i = 0;
       gtk_widget_class_query_action (widget_class, i, &owner, &name, &parameter_type, &property_name);
       i++)
    if (gk_edit_action_is_editing (name))
      gtk_widget_action_set_enabled (widget, name, FALSE);
}

/* A field that edits: text can still be selected and copied (a look at a
 * record may want its words), choices and numbers cannot be changed. */
static void
freeze_field (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_CHECK_BUTTON (widget) ||
      GTK_IS_SWITCH (widget) || GTK_IS_RANGE (widget) || GTK_IS_CALENDAR (widget))
    gtk_widget_set_sensitive (widget, FALSE);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_editable (GTK_EDITABLE (widget), FALSE);
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), FALSE);
}

void
gk_edit_fields_freeze (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  freeze_field (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gk_edit_fields_freeze (child);
}
