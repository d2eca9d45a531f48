/* gk-recovery-bar.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 has no AdwBanner, and a toast holds one button only: this
 * is a revealer with a line of text and three buttons.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-conflict-dialog.h"
#include "gk-recovery-bar.h"

struct _GkRecoveryBar
{
  AdwBin        parent_instance;

  GkWindow     *window;     /* not owned: the bar is inside it */
  GkSharing    *sharing;
  GtkRevealer  *revealer;
  GtkLabel     *label;
  GtkWidget    *buttons;
};

G_DEFINE_FINAL_TYPE (GkRecoveryBar, gk_recovery_bar, ADW_TYPE_BIN)

/* When the edits were last written: the set-aside copy's time. */
static char *
dup_when (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) when = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;

  return when != NULL ? gk_conflict_dialog_format_when (when) : NULL;
}

static void
update (GkRecoveryBar *self)
{
  const char *path = self->sharing != NULL ? gk_sharing_get_recovered_path (self->sharing) : NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (self->buttons, TRUE);
  if (path == NULL)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  when = dup_when (path);
  if (when != NULL)
    /* Translators: %s is a day and time, "3 Dec 10:14" */
    text = g_strdup_printf (_("Changes from %s were not saved before Gripkaart stopped."), when);
  else
    text = g_strdup (_("Changes were not saved before Gripkaart stopped."));
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
bring_back_clicked_cb (GkRecoveryBar *self)
{
  /* Until it is done (or stopped at a conflict): one bring back at a time. */
  gtk_widget_set_sensitive (self->buttons, FALSE);
  gk_sharing_bring_back (self->sharing);
}

/* The copy on its own: what was not saved, to look at or copy from. */
static void
show_clicked_cb (GkRecoveryBar *self)
{
  const char *path = gk_sharing_get_recovered_path (self->sharing);
  GtkApplication *app = self->window != NULL ? gtk_window_get_application (GTK_WINDOW (self->window)) : NULL;
  g_autoptr(GFile) file = NULL;
  GkWindow *window;

  if (app == NULL || path == NULL)
    return;
  file = g_file_new_for_path (path);
  window = gk_window_new (GK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  gk_window_open_file (window, file);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GkRecoveryBar    *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "discard") || self->sharing == NULL)
    return;
  if (!gk_sharing_discard_recovered (self->sharing, &error))
    gk_window_show_error (self->window, _("Could Not Discard the Changes"), error);
}

static void
discard_clicked_cb (GkRecoveryBar *self)
{
  const char *path = gk_sharing_get_recovered_path (self->sharing);
  g_autofree char *when = path != NULL ? dup_when (path) : NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->window == NULL || path == NULL)
    return;
  heading = when != NULL ? g_strdup_printf (_("Discard the Changes from %s?"), when)
                         : g_strdup (_("Discard the Unsaved Changes?"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window), heading,
                                                       _("They were never saved to the shared file. Once "
                                                         "discarded, they cannot be brought back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
button_new (GkRecoveryBar *self,
            const char    *name,
            const char    *label,
            GCallback      clicked)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
  return button;
}

void
gk_recovery_bar_follow (GkRecoveryBar *self,
                        GkWindow      *window,
                        GkSharing     *sharing)
{
  g_return_if_fail (GK_IS_RECOVERY_BAR (self));
  g_return_if_fail (GK_IS_SHARING (sharing));

  self->window = window;
  g_set_object (&self->sharing, sharing);
  g_signal_connect_object (sharing, "notify::recovered", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
gk_recovery_bar_dispose (GObject *object)
{
  GkRecoveryBar *self = GK_RECOVERY_BAR (object);

  g_clear_object (&self->sharing);
  self->window = NULL;

  G_OBJECT_CLASS (gk_recovery_bar_parent_class)->dispose (object);
}

static void
gk_recovery_bar_class_init (GkRecoveryBarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gk_recovery_bar_dispose;
}

static void
gk_recovery_bar_init (GkRecoveryBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *bring_back;

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_name (GTK_WIDGET (self->label), "recovery-text");
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_add_css_class (box, "recovery-bar");

  bring_back = button_new (self, "bring-back", _("_Bring Back"), G_CALLBACK (bring_back_clicked_cb));
  gtk_widget_add_css_class (bring_back, "suggested-action");
  gtk_widget_set_tooltip_text (bring_back, _("Merge these changes into the programme, as changes not shared yet"));
  gtk_box_append (GTK_BOX (self->buttons), bring_back);
  gtk_box_append (GTK_BOX (self->buttons),
                  button_new (self, "show-recovered", _("_Show"), G_CALLBACK (show_clicked_cb)));
  gtk_box_append (GTK_BOX (self->buttons),
                  button_new (self, "discard-recovered", _("_Discard…"), G_CALLBACK (discard_clicked_cb)));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), self->buttons);
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
