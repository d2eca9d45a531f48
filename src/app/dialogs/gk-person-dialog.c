/* gk-person-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-form.h"
#include "gk-person-dialog.h"

struct _GkPersonDialog
{
  AdwWindow     parent_instance;

  GkDocument   *document;
  GkPerson     *copy;        /* detached: the person being edited, or a new one */

  GtkWidget    *save_button;
  AdwEntryRow  *name_row;
  AdwComboRow  *role_row;
  AdwEntryRow  *email_row;
  GtkLabel     *error_label;
  GtkWidget    *remove_group;
  GtkLabel     *remove_error;
};

enum {
  SAVED,
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkPersonDialog, gk_person_dialog, ADW_TYPE_WINDOW)

static void
clear_problems (GkPersonDialog *self)
{
  gk_form_clear_problem (GTK_WIDGET (self->name_row), self->error_label);
  gk_form_clear_problem (GTK_WIDGET (self->role_row), NULL);
  gk_form_clear_problem (GTK_WIDGET (self->email_row), NULL);
  gk_form_clear_problem (NULL, self->remove_error);
}

static void
show_problem_for_field (GkPersonDialog *self,
                        const char     *field,
                        const char     *message)
{
  GtkWidget *row = NULL;

  if (g_strcmp0 (field, "name") == 0)
    row = GTK_WIDGET (self->name_row);
  else if (g_strcmp0 (field, "email") == 0)
    row = GTK_WIDGET (self->email_row);
  else if (g_strcmp0 (field, "role") == 0)
    row = GTK_WIDGET (self->role_row);
  gk_form_show_problem (row, self->error_label, message);
}

/* The combo shows the roles in the order of gk_role_entries(). */
static GkRole
chosen_role (GkPersonDialog *self)
{
  guint n_entries;
  const GkEnumEntry *entries = gk_role_entries (&n_entries);
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected < n_entries ? (GkRole) entries[selected].value : GK_ROLE_OTHER;
}

static void
show_role (GkPersonDialog *self,
           GkRole          role)
{
  guint n_entries;
  const GkEnumEntry *entries = gk_role_entries (&n_entries);

  for (guint i = 0; i < n_entries; i++)
    if (entries[i].value == (int) role)
      adw_combo_row_set_selected (self->role_row, i);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkPersonDialog *self = GK_PERSON_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  gboolean is_new = gk_record_get_id (GK_RECORD (self->copy)) == 0;
  g_autoptr(GError) error = NULL;

  clear_problems (self);
  gk_person_set_name (self->copy, name);
  gk_person_set_role (self->copy, chosen_role (self));
  gk_person_set_email (self->copy, email);

  if (is_new ? !gk_document_insert (self->document, GK_RECORD (self->copy), &error)
             : !gk_document_update (self->document, GK_RECORD (self->copy), &error))
    {
      show_problem_for_field (self, gk_validation_error_get_field (error), error->message);
      if (is_new)
        gk_record_set_id (GK_RECORD (self->copy), 0);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, gk_record_get_id (GK_RECORD (self->copy)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkPersonDialog *self = GK_PERSON_DIALOG (widget);
  GkRecord *live = gk_document_lookup (self->document, GK_TYPE_PERSON,
                                       gk_record_get_id (GK_RECORD (self->copy)));
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  clear_problems (self);
  if (live == NULL)
    return;
  name = g_strdup (gk_person_get_name (GK_PERSON (live)));
  /* The document refuses to remove the owner of an active focus project;
   * it says so under the button. */
  if (!gk_document_delete (self->document, live, &error))
    {
      gk_form_show_problem (NULL, self->remove_error, error->message);
      return;
    }
  g_signal_emit (self, signals[REMOVED], 0, name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gk_person_dialog_dispose (GObject *object)
{
  GkPersonDialog *self = GK_PERSON_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->copy);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PERSON_DIALOG);

  G_OBJECT_CLASS (gk_person_dialog_parent_class)->dispose (object);
}

static void
gk_person_dialog_class_init (GkPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_person_dialog_dispose;

  /**
   * GkPersonDialog::saved:
   * @person_id: the id of the person added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * GkPersonDialog::removed:
   * @name: the name of the person removed
   */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GkPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, GkPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, GkPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GkPersonDialog, remove_group);
  gtk_widget_class_bind_template_child (widget_class, GkPersonDialog, remove_error);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "dialog.remove", NULL, remove_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_person_dialog_init (GkPersonDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  guint n_entries;
  const GkEnumEntry *entries = gk_role_entries (&n_entries);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  for (guint i = 0; i < n_entries; i++)
    gtk_string_list_append (roles, gk_role_label (entries[i].value));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
}

GkPersonDialog *
gk_person_dialog_new (GtkWindow  *parent,
                      GkDocument *document,
                      GkPerson   *person)
{
  GkPersonDialog *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (person == NULL || GK_IS_PERSON (person), NULL);

  self = g_object_new (GK_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       "title", person != NULL ? _("Edit Person") : _("New Person"),
                       NULL);
  self->document = g_object_ref (document);
  self->copy = person != NULL ? GK_PERSON (gk_record_copy (GK_RECORD (person))) : gk_person_new ();

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), gk_person_get_name (self->copy));
  show_role (self, gk_person_get_role (self->copy));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), gk_person_get_email (self->copy));
  gtk_widget_set_visible (self->remove_group, person != NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
