/* gk-window.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-window.h"

struct _GkWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwBin               *programme_bin;
  GMenu                *recent_section;

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (GkWindow, gk_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (GkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return gk_application_get_settings (GK_APPLICATION (app));
}

/* --- window state ---------------------------------------------------------- */

static void
restore_window_state (GkWindow  *self,
                      GSettings *settings)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (GkWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized size says nothing about the size the user chose. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_apply (settings);
}

static gboolean
gk_window_close_request (GtkWindow *window)
{
  save_window_state (GK_WINDOW (window));

  return GTK_WINDOW_CLASS (gk_window_parent_class)->close_request (window);
}

/* --- recent programmes ----------------------------------------------------- */

static void
rebuild_recent_menu (GkWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (get_settings (self), "recent-files");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (basename, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uris[i]);
      g_menu_append_item (self->recent_section, item);
    }
}

/* --- errors ---------------------------------------------------------------- */

void
gk_window_show_error (GkWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       error != NULL ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- opening --------------------------------------------------------------- */

void
gk_window_open_file (GkWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  if (!g_file_query_exists (file, NULL))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” does not exist. It may have been moved or deleted."), basename);
      gk_window_show_error (self, _("Could Not Open the Programme"), error);
      return;
    }

  gk_application_add_recent (GK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_stack_set_visible_child_name (self->stack, "programme");
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  GkWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      gk_window_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (projects, _("Gripkaart programmes"));
  gtk_file_filter_add_mime_type (projects, "application/x-gripkaart");
  gtk_file_filter_add_suffix (projects, "gripkaart");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Open Programme"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), projects);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gk_window_open_file (GK_WINDOW (widget), file);
}

static void
new_programme_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
}

static void
open_demo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* --- construction ---------------------------------------------------------- */

/* Called once the window belongs to the application: "application" is not a
 * construct property, so constructed() is too early to reach the settings. */
static void
setup_from_settings (GkWindow *self)
{
  GSettings *settings = get_settings (self);

  restore_window_state (self, settings);
  rebuild_recent_menu (self);
  g_signal_connect_object (settings, "changed::recent-files",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
}

static void
gk_window_dispose (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_WINDOW);

  G_OBJECT_CLASS (gk_window_parent_class)->dispose (object);
}

static void
gk_window_class_init (GkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gk_window_dispose;
  window_class->close_request = gk_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, programme_bin);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_activated);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
}

static void
gk_window_init (GkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkWindow *
gk_window_new (GkApplication *application)
{
  GkWindow *self = g_object_new (GK_TYPE_WINDOW, "application", application, NULL);

  setup_from_settings (self);
  return self;
}

const char *
gk_window_get_page_name (GkWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}
