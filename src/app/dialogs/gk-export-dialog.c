/* gk-export-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-export-dialog.h"

struct _GkExportDialog
{
  AdwWindow             parent_instance;

  AdwComboRow          *table_row;
  AdwComboRow          *format_row;
  GtkLabel             *problem_label;

  GkDocument           *document;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (GkExportDialog, gk_export_dialog, ADW_TYPE_WINDOW)

/* The table row's items: all tables, then each (in GkExportTable order). */
static guint
chosen_tables (GkExportDialog *self,
               GkExportTable  *tables)
{
  guint selected = adw_combo_row_get_selected (self->table_row);

  if (selected == 0 || selected > GK_EXPORT_N_TABLES)
    {
      for (guint i = 0; i < GK_EXPORT_N_TABLES; i++)
        tables[i] = i;
      return GK_EXPORT_N_TABLES;
    }
  tables[0] = selected - 1;
  return 1;
}

static gboolean
csv_chosen (GkExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row) == 1;
}

static void
choice_changed_cb (GkExportDialog *self)
{
  GkExportTable tables[GK_EXPORT_N_TABLES];

  gtk_label_set_text (self->problem_label,
                      csv_chosen (self) && chosen_tables (self, tables) > 1
                      ? _("A CSV file holds one table: choose a table, or the Excel format.") : "");
}

gboolean
gk_export_dialog_export (GkExportDialog  *self,
                         const char      *path,
                         GError         **error)
{
  GkExportTable tables[GK_EXPORT_N_TABLES];
  guint n = chosen_tables (self, tables);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GK_IS_EXPORT_DIALOG (self), FALSE);

  if (!gk_export_tables (self->document, tables, n, path, &local_error))
    {
      gtk_label_set_text (self->problem_label, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GkExportDialog  *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                                                          : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (path == NULL)
    return;
  /* Give the name the extension of the format chosen. */
  if (!g_str_has_suffix (path, csv_chosen (self) ? ".csv" : ".xlsx"))
    {
      char *named = g_strconcat (path, csv_chosen (self) ? ".csv" : ".xlsx", NULL);

      g_free (path);
      path = named;
    }
  if (gk_export_dialog_export (self, path, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (GkExportDialog *self)
{
  GkExportTable tables[GK_EXPORT_N_TABLES];
  guint n = chosen_tables (self, tables);
  g_autofree char *name = NULL;

  if (csv_chosen (self) && n > 1)
    return;  /* the label says why */
  name = g_strconcat (n > 1 ? _("Programme") : gk_export_table_title (tables[0]),
                      csv_chosen (self) ? ".csv" : ".xlsx", NULL);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Tables"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gk_export_dialog_dispose (GObject *object)
{
  GkExportDialog *self = GK_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_export_dialog_parent_class)->dispose (object);
}

static void
gk_export_dialog_class_init (GkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_export_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkExportDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, GkExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GkExportDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_export_dialog_init (GkExportDialog *self)
{
  g_autoptr(GtkStringList) tables = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (tables, _("All tables"));
  for (guint i = 0; i < GK_EXPORT_N_TABLES; i++)
    gtk_string_list_append (tables, gk_export_table_title (i));
  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (tables));
}

GkExportDialog *
gk_export_dialog_new (GtkWindow  *parent,
                      GkDocument *document)
{
  GkExportDialog *self = g_object_new (GK_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->document = g_object_ref (document);
  return self;
}
