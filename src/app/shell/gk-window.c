/* gk-window.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-analysis.h"
#include "gk-demo.h"
#include "gk-command-line.h"
#include "gk-document.h"
#include "gk-edit-actions.h"
#include "gk-new-programme-dialog.h"
#include "gk-overview-page.h"
#include "gk-preferences-window.h"
#include "gk-search-bar.h"
#include "gk-indicators-page.h"
#include "gk-journal-page.h"
#include "gk-roadmap-page.h"
#include "gk-team-page.h"
#include "gk-projects-page.h"
#include "gk-measures-page.h"
#include "gk-timeline-page.h"
#include "gk-history-page.h"
#include "gk-project-file.h"
#include "gk-export-dialog.h"
#include "gk-import-dialog.h"
#include "gk-report-dialog.h"
#include "gk-recovery-bar.h"
#include "gk-region-window.h"
#include "gk-session.h"
#include "gk-sharing.h"
#include "gk-window.h"
#include "gk-work-indicator.h"

struct _GkWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GMenu                *recent_section;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_list;  /* inside the sidebar; may be NULL */
  GtkWidget            *back_button;
  GtkWidget            *undo_button;
  guint                 n_dialogs;         /* open windows transient for this one */
  GtkWidget            *redo_button;
  GtkStack             *pages;
  GkOverviewPage       *overview_page;
  GkIndicatorsPage     *indicators_page;
  GkJournalPage        *journal_page;
  GtkWidget            *search_button;
  GkSearchBar          *search_bar;
  GkRoadmapPage        *roadmap_page;
  GkTeamPage           *team_page;
  GkProjectsPage       *projects_page;
  GkMeasuresPage       *measures_page;
  GkWorkIndicator      *work_indicator;
  GtkLabel             *others_label;
  GtkLabel             *share_status_label;
  GtkWidget            *choose_button;
  GkRecoveryBar        *recovery_bar;
  GtkRevealer          *read_only_bar;
  GtkLabel             *read_only_label;

  GtkFileChooserNative *chooser;

  /* The programme shown: its working copy, the model on it, and what the
   * grip engine makes of it (renewed after every change). project and
   * document are the session's, kept here for brevity while one is open. */
  GkSession            *session;
  GkProjectFile        *project;
  GkDocument           *document;
  GkSharing            *sharing;           /* every save goes through it */
  guint                 back_source;
  guint                 present_source;    /* see gk_window_open_file_and_present() */
  gboolean              close_confirmed;
  gboolean              close_when_saved;  /* asked to close while a save ran */
};

G_DEFINE_FINAL_TYPE (GkWindow, gk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages in the order of the sidebar (Alt+1 is the first). */
static const char * const page_names[] = {
  "overview", "roadmap", "projects", "measures", "timeline", "indicators", "team", "journal", "history",
};

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
has_unsaved_changes (GkWindow *self)
{
  return self->document != NULL &&
         !gk_project_file_get_read_only (self->project) &&
         gk_document_get_dirty (self->document);
}

static void save (GkWindow *self, gboolean close_after);
static void close_programme (GkWindow *self);
static void save_as (GkWindow *self, gboolean close_after);

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GkWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* The user chose: the working copy need not be kept for recovery. */
      gk_project_file_set_dirty (self->project, FALSE);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      if (gk_project_file_get_file (self->project) == NULL)
        save_as (self, TRUE);
      else
        save (self, TRUE);
    }
}

static void
ask_about_unsaved_changes (GkWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                                       _("The programme has changes that are not saved. "
                                                         "Changes which are not saved will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
gk_window_close_request (GtkWindow *window)
{
  GkWindow *self = GK_WINDOW (window);

  /* A save still on its way (on a slow drive it may take a while): the
   * window closes once it has landed, and asks then if anything is left. */
  if (self->project != NULL && gk_project_file_get_saving (self->project))
    {
      self->close_when_saved = TRUE;
      return TRUE;
    }
  if (!self->close_confirmed && has_unsaved_changes (self))
    {
      ask_about_unsaved_changes (self);
      return TRUE;
    }

  save_window_state (self);
  close_programme (self);

  return GTK_WINDOW_CLASS (gk_window_parent_class)->close_request (window);
}

/* --- recent programmes ----------------------------------------------------- */

static void
rebuild_recent_menu (GkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_auto(GStrv) uris = NULL;

  if (app == NULL)
    return;
  uris = gk_application_dup_recent (GK_APPLICATION (app));

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

static gboolean
rebuild_recent_menu_once (gpointer data)
{
  rebuild_recent_menu (GK_WINDOW (data));
  return G_SOURCE_REMOVE;
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

/* --- the programme ------------------------------------------------------- */

static void
update_programme_title (GkWindow *self)
{
  if (gk_document_get_programme (self->document) != NULL)
    adw_window_title_set_title (self->window_title,
                                gk_programme_get_title (gk_document_get_programme (self->document)));
}

static void
update_title (GkWindow *self)
{
  g_autofree char *subtitle = NULL;
  const char *name;

  if (self->project == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  /* A programme that has no file yet says so once, not "Unsaved programme
   * (not saved)". */
  if (gk_project_file_get_file (self->project) == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, _("Not saved to a file yet"));
      update_programme_title (self);
      return;
    }

  name = gk_project_file_get_display_name (self->project);
  if (gk_project_file_get_read_only (self->project))
    /* Translators: window subtitle, %s is the file name */
    subtitle = g_strdup_printf (_("%s (read-only)"), name);
  else if (gk_document_get_dirty (self->document))
    /* Translators: window subtitle of a file with unsaved changes */
    subtitle = g_strdup_printf (_("%s (not saved)"), name);
  else
    subtitle = g_strdup (name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  update_programme_title (self);
}

/* The buttons name the step they undo or redo. */
static void
update_undo_buttons (GkWindow *self,
                     gboolean  open)
{
  const char *undo = open ? gk_document_get_undo_description (self->document) : NULL;
  const char *redo = open ? gk_document_get_redo_description (self->document) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_set_visible (self->undo_button, open);
  gtk_widget_set_visible (self->redo_button, open);
  /* Translators: tooltip of the Undo button, %s names the step: "Delete measure “Wachtlijst”" */
  undo_tip = undo != NULL ? g_strdup_printf (_("Undo: %s (Ctrl+Z)"), undo) : g_strdup (_("Nothing to undo"));
  /* Translators: tooltip of the Redo button, %s names the step */
  redo_tip = redo != NULL ? g_strdup_printf (_("Redo: %s (Shift+Ctrl+Z)"), redo) : g_strdup (_("Nothing to redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

/* A programme opened to look at only says so, and why, in a band across
 * the window, with the way to edit it. */
static void
update_read_only_bar (GkWindow *self)
{
  gboolean viewing = self->project != NULL && gk_project_file_get_viewing (self->project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-programme", viewing);
  if (viewing)
    gtk_label_set_text (self->read_only_label, gk_project_file_get_read_only_reason (self->project)->message);
  gtk_revealer_set_reveal_child (self->read_only_bar, viewing);
}

static void
update_actions (GkWindow *self)
{
  gboolean open = self->document != NULL;
  gboolean writable = open && !gk_project_file_get_read_only (self->project);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.save", writable);
  /* A file opened to look at has no working copy to save elsewhere. */
  gtk_widget_action_set_enabled (widget, "win.save-as", open && !gk_project_file_get_viewing (self->project));
  gk_edit_action_set_enabled (widget, self->document, "win.undo", open && gk_document_can_undo (self->document));
  gk_edit_action_set_enabled (widget, self->document, "win.redo", open && gk_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", open);
  gk_edit_action_set_enabled (widget, self->document, "win.import-figures", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-tables", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-record", open);
  gtk_widget_set_visible (self->search_button, open);
  update_undo_buttons (self, open);
  update_read_only_bar (self);
}

static void
document_changed_cb (GkWindow *self)
{
  update_title (self);
  update_actions (self);
}

/* Who else has the file open, from its lock note: a hint in the header. */
static void
update_others (GkWindow *self)
{
  const char * const *others = self->project != NULL ? gk_project_file_get_others (self->project) : NULL;
  g_autofree char *names = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  if (others == NULL || others[0] == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->others_label), FALSE);
      return;
    }
  names = g_strjoinv (", ", (char **) others);
  label = g_strdup_printf (_("Also open: %s"), names);
  tooltip = g_strdup_printf (_("Others with this programme open: %s. When someone else saves "
                               "first, your changes are kept and you are told."), names);
  gtk_label_set_text (self->others_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->others_label), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->others_label), TRUE);
}

static guint
count_dialogs (GkWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* the shortcuts window stays, hidden, once shown */
      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

/* When an editor or dialog closes (after a delete, say), the keyboard comes
 * back here at once: the first Ctrl+Z works without a click first. The
 * focus may have been on a row that is gone. */
/* An editor or dialog opened on a programme that may not be changed (the
 * window's actions that open them are off, but a double click on a row
 * still shows a record) shows it, and offers nothing that would edit it. */
static void
disable_editing_in_dialogs (GkWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (self->document == NULL || gk_edit_allowed (self->document))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        {
          gk_edit_actions_disable (GTK_WIDGET (window));
          gk_edit_fields_freeze (GTK_WIDGET (window));
        }
    }
}

static gboolean
recount_dialogs_idle (gpointer data)
{
  GkWindow *self = data;

  self->n_dialogs = count_dialogs (self);
  disable_editing_in_dialogs (self);
  return G_SOURCE_REMOVE;
}

static void
toplevels_changed_cb (GkWindow   *self,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GListModel *toplevels)
{
  guint n = count_dialogs (self);
  GtkWidget *focus;

  if (removed > 0 && n < self->n_dialogs && n == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      focus = gtk_window_get_focus (GTK_WINDOW (self));
      if (focus == NULL || !gtk_widget_get_mapped (focus))
        gtk_widget_child_focus (GTK_WIDGET (self->pages), GTK_DIR_TAB_FORWARD);
    }
  self->n_dialogs = n;
  /* a new dialog may be made transient only after it was added */
  if (added > 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, recount_dialogs_idle, g_object_ref (self), g_object_unref);
}

/* Coming back to the window is when people want to know. */
static void
window_active_cb (GkWindow *self)
{
  if (self->project != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    gk_project_file_refresh_presence (self->project);
}

/* The pages follow the session themselves (the "session" property in
 * gk-window.ui); the window follows it for its title, its actions and the
 * user's name in the change log. */
static void
session_document_cb (GkWindow *self)
{
  GkDocument *document = gk_session_get_document (self->session);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *user_name = NULL;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  self->document = document;
  /* Both or neither: the file closes after the document is let go. */
  self->project = document != NULL ? gk_session_get_project_file (self->session) : NULL;
  update_others (self);
  if (self->project != NULL)
    g_signal_connect_object (self->project, "notify::others", G_CALLBACK (update_others), self,
                             G_CONNECT_SWAPPED);
  if (document == NULL)
    {
      update_title (self);
      update_actions (self);
      return;
    }

  user_name = g_settings_get_string (gk_application_get_settings (GK_APPLICATION (app)), "user-name");
  if (*user_name != '\0')
    gk_document_set_user_name (document, user_name);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
  g_signal_connect_swapped (document, "notify::dirty", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (document, "notify::can-undo", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (document, "notify::can-redo", G_CALLBACK (update_actions), self);
}

static void
close_programme (GkWindow *self)
{
  if (self->session != NULL)
    gk_session_close (self->session);
}

static gboolean
show_programme (GkWindow      *self,
                GkProjectFile *project,
                GError       **error)
{
  if (!gk_session_open_project_file (self->session, project, error))
    return FALSE;

  update_title (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "programme");

  /* (A file opened to look at says why in its band.) */
  if (gk_project_file_get_read_only (self->project) && !gk_project_file_get_viewing (self->project))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (gk_project_file_get_read_only_reason (self->project)->message));
  return TRUE;
}

GkDocument *
gk_window_get_document (GkWindow *self)
{
  return self->document;
}

GkSession *
gk_window_get_session (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);

  return self->session;
}

/* --- opening --------------------------------------------------------------- */

/* A window that shows a programme opens the next one in a new window, so
 * that nothing unsaved is pushed aside. */
static GkWindow *
window_for_opening (GkWindow *self)
{
  GkWindow *target;

  if (self->document == NULL)
    return self;
  target = gk_window_new (GK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

/* The window has gone (closed, or the application quit) while its work
 * ran in the background: nothing is left to show the outcome in. */
static gboolean
is_gone (GkWindow *self)
{
  return self->session == NULL;
}

/* Work in the background on behalf of a window: it holds the window (and
 * its work indicator, which holds the application) until the work ends. */
typedef struct {
  GkWindow        *window;
  GkWorkIndicator *indicator;   /* its own: the window may be disposed first */
  GFile           *file;
  guint            work;
  gboolean         close_after;
} WindowWork;

static WindowWork *
window_work_begin (GkWindow   *self,
                   GFile      *file,
                   const char *what)
{
  WindowWork *work = g_new0 (WindowWork, 1);

  work->window = g_object_ref (self);
  work->indicator = g_object_ref (self->work_indicator);
  work->file = file != NULL ? g_object_ref (file) : NULL;
  work->work = gk_work_indicator_begin (work->indicator, what);
  return work;
}

static void
window_work_end (WindowWork *work)
{
  gk_work_indicator_end (work->indicator, work->work);
  g_clear_object (&work->indicator);
  g_clear_object (&work->file);
  g_clear_object (&work->window);
  g_free (work);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WindowWork, window_work_end)

static char *
display_name_of (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);

  return path != NULL ? g_filename_display_basename (path) : g_strdup (name != NULL ? name : "?");
}

/* Shows a window that gk_window_open_file_and_present() kept back. */
static void
present_when_opened (GkWindow *self)
{
  if (self->present_source == 0)
    return;
  g_clear_handle_id (&self->present_source, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_while_opening_cb (gpointer user_data)
{
  GkWindow *self = user_data;

  self->present_source = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* A file opened in the background goes to the window that asked for it, or
 * a new one when that window holds another programme; FALSE (the error shown)
 * when it could not be opened or shown. */
static gboolean
show_opened_file (GkWindow      *self,
                  GkProjectFile *project,
                  const GError  *open_error)
{
  g_autoptr(GError) error = NULL;
  GkWindow *target;

  if (project == NULL)
    {
      gk_window_show_error (self, _("Could Not Open the Programme"), open_error);
      return FALSE;
    }
  target = window_for_opening (self);
  if (!show_programme (target, project, &error))
    {
      gk_window_show_error (target, _("Could Not Open the Programme"), error);
      return FALSE;
    }
  return TRUE;
}

static void
file_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WindowWork) work = user_data;
  GkWindow *self = work->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) project = gk_project_file_open_finish (result, &error);

  if (is_gone (self))
    return;   /* the file closes again with the last reference */
  present_when_opened (self);
  if (show_opened_file (self, project, error))
    gk_application_add_recent (GK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), work->file);
}

/* Copying and checking the file run in the background (on a network drive
 * they take a while): the window keeps drawing, and shows the work. */
void
gk_window_open_file (GkWindow *self,
                     GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = display_name_of (file);
  /* Translators: shown while a file opens; %s is its name */
  what = g_strdup_printf (_("Opening “%s”…"), name);
  gk_project_file_open_async (file, NULL, file_opened_cb, window_work_begin (self, file, what));
}

/* A file to look at only does not join the recent files: opened from
 * there it would be opened to edit. */
static void
file_opened_read_only_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(WindowWork) work = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkProjectFile) project = gk_project_file_open_finish (result, &error);

  if (!is_gone (work->window))
    show_opened_file (work->window, project, error);
}

void
gk_window_open_file_read_only (GkWindow   *self,
                               GFile      *file,
                               const char *reason)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (reason != NULL);

  name = display_name_of (file);
  what = g_strdup_printf (_("Opening “%s”…"), name);
  gk_project_file_open_with_flags_async (file, GK_PROJECT_FILE_OPEN_READ_ONLY, reason, NULL,
                                         file_opened_read_only_cb, window_work_begin (self, file, what));
}

/* Edit: the file opened again as any file is (a working copy, saving),
 * in this window, in place of the read-only one. */
static void
file_opened_to_edit_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WindowWork) work = user_data;
  GkWindow *self = work->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(GkProjectFile) project = gk_project_file_open_finish (result, &error);
  GFile *shown;

  if (is_gone (self))
    return;
  shown = self->project != NULL ? gk_project_file_get_file (self->project) : NULL;
  /* Meanwhile the window was closed, or shows something else. */
  if (shown == NULL || !g_file_equal (shown, work->file) || !gk_project_file_get_viewing (self->project))
    return;
  if (project == NULL)
    {
      gk_window_show_error (self, _("Could Not Open the Programme to Edit It"), error);
      update_actions (self);
      return;
    }
  if (!show_programme (self, project, &error))
    {
      gk_window_show_error (self, _("Could Not Open the Programme to Edit It"), error);
      return;
    }
  gk_application_add_recent (GK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), work->file);
  /* Opened, but the file itself cannot be saved: say so now, not at the
   * first save. (A file of a newer version said so in show_programme().) */
  if (!gk_project_file_get_read_only (self->project) &&
      !gk_project_file_can_save_in_place (self->project, &save_error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (save_error->message));
}

static void
edit_programme_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GFile *file = self->project != NULL ? gk_project_file_get_file (self->project) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  if (file == NULL || !gk_project_file_get_viewing (self->project))
    return;
  /* One at a time. */
  gtk_widget_action_set_enabled (widget, "win.edit-programme", FALSE);
  name = display_name_of (file);
  what = g_strdup_printf (_("Opening “%s”…"), name);
  gk_project_file_open_async (file, NULL, file_opened_to_edit_cb, window_work_begin (self, file, what));
}

/* How long a window that opens a file waits before it shows without the
 * programme: long enough for a file on a local disk (a few tens of ms), so
 * that the window is laid out once, with the programme in it, instead of
 * first empty and then again; short enough not to look stuck when the
 * file is on a slow network drive (then the window shows the work). */
#define PRESENT_GRACE_MS 300

void
gk_window_open_file_and_present (GkWindow *self,
                                 GFile    *file)
{
  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gk_window_open_file (self, file);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  g_clear_handle_id (&self->present_source, g_source_remove);
  self->present_source = g_timeout_add (PRESENT_GRACE_MS, present_while_opening_cb, self);
  gk_window_open_file (self, file);
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

/* The region opens in a window of its own (src/app/region). */
static void
open_region_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gk_region_window_choose (GTK_WINDOW (widget), GK_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget))),
                           g_str_equal (action_name, "win.open-region-folder"));
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
programme_created_cb (GkWindow      *self,
                      GkProjectFile *project)
{
  g_autoptr(GError) error = NULL;
  GkWindow *target = window_for_opening (self);

  if (!show_programme (target, project, &error))
    gk_window_show_error (target, _("Could Not Create the Programme"), error);
}

static void
new_programme_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GkNewProgrammeDialog *dialog = gk_new_programme_dialog_new (GTK_WINDOW (widget));

  g_signal_connect_object (dialog, "created", G_CALLBACK (programme_created_cb), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The demo is a fresh copy each time, so trying things out never sticks. */
static void
open_demo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autofree char *path = gk_command_line_demo_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GDate today = gk_session_get_today (self->session);

  g_mkdir_with_parents (dir, 0700);
  g_remove (path);
  if (!gk_demo_write_file (path, &today, &error))
    {
      gk_window_show_error (self, _("Could Not Open the Demo"), error);
      return;
    }
  gk_window_open_file (self, file);
}

/* --- saving ---------------------------------------------------------------- */

/* After a save or Save As landed: the window asked to close meanwhile
 * closes now (and asks about any edit made while it ran). */
static void
saved (GkWindow   *self,
       WindowWork *work,
       gboolean    ok,
       GError     *error)
{
  gboolean close_now = ok && (work->close_after || self->close_when_saved) &&
                       self->project != NULL && !gk_project_file_get_saving (self->project);

  if (!ok && error != NULL)
    {
      /* Staying open: the user sees why, and decides. */
      self->close_when_saved = FALSE;
      gk_window_show_error (self, _("Could Not Save the Programme"), error);
    }
  update_title (self);
  update_actions (self);
  if (close_now)
    {
      self->close_when_saved = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
session_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WindowWork) work = user_data;
  GkWindow *self = work->window;
  g_autoptr(GError) error = NULL;
  gboolean ok = gk_sharing_save_finish (GK_SHARING (object), result, &error);
  const char *summary;

  if (is_gone (self))
    return;
  if (g_error_matches (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT))
    {
      /* Not a failure to explain but a choice to make; then it saves again. */
      self->close_when_saved = FALSE;
      gk_sharing_choose (self->sharing);
      saved (self, work, FALSE, NULL);
      return;
    }
  if (ok)
    {
      g_autofree char *merged = NULL;

      /* A toast's title is markup; names and titles are not. */
      summary = gk_project_file_get_merge_summary (self->project);
      merged = summary != NULL ? g_markup_escape_text (summary, -1) : NULL;
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (merged != NULL ? merged : _("Programme saved")));
    }
  saved (self, work, ok, error);
}

/* Publishes in the background. Saving again while a save runs is not
 * refused: it waits its turn and takes every edit made meanwhile. */
static void
save (GkWindow *self,
      gboolean  close_after)
{
  g_autofree char *what = NULL;
  WindowWork *work;

  /* Translators: shown while the programme is saved; %s is the file name */
  what = g_strdup_printf (_("Saving “%s”…"), gk_project_file_get_display_name (self->project));
  work = window_work_begin (self, NULL, what);
  work->close_after = close_after;
  gk_sharing_save_async (self->sharing, session_saved_cb, work);
}

static void
session_saved_as_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WindowWork) work = user_data;
  GkWindow *self = work->window;
  g_autoptr(GError) error = NULL;
  gboolean ok = gk_session_save_as_finish (GK_SESSION (object), result, &error);

  if (is_gone (self))
    return;
  if (ok)
    gk_application_add_recent (GK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), work->file);
  saved (self, work, ok, error);
}

static void
save_as_file (GkWindow *self,
              GFile    *file,
              gboolean  close_after)
{
  g_autofree char *name = display_name_of (file);
  g_autofree char *what = NULL;
  WindowWork *work;

  /* Translators: shown while the programme is saved; %s is the file name */
  what = g_strdup_printf (_("Saving “%s”…"), name);
  work = window_work_begin (self, file, what);
  work->close_after = close_after;
  gk_session_save_as_async (self->session, file, NULL, session_saved_as_cb, work);
}

/* Publishes the programme to @file (what Save As does after the chooser),
 * in the background; the work indicator shows it until it has landed. */
void
gk_window_save_as_file (GkWindow *self,
                        GFile    *file)
{
  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->project != NULL);

  save_as_file (self, file, FALSE);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  GkWindow *self = user_data;
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save_as_file (self, file, close_after);
    }
  g_clear_object (&self->chooser);
}

/* Save As starts where the team keeps the file: the folder of the open file,
 * with its name. A programme without a file yet is named after its title, in
 * the chooser's usual folder; a "/" in the title would name a folder. */
static void
suggest_save_as_file (GkWindow       *self,
                      GtkFileChooser *chooser)
{
  GFile *file = gk_project_file_get_file (self->project);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *basename = g_file_get_basename (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      gtk_file_chooser_set_current_name (chooser, basename);
      return;
    }
  title = g_strdup (gk_programme_get_title (gk_document_get_programme (self->document)));
  g_strdelimit (title, G_DIR_SEPARATOR_S "\\", '-');
  name = g_strdup_printf ("%s.gripkaart", title);
  gtk_file_chooser_set_current_name (chooser, name);
}

static void
save_as (GkWindow *self,
         gboolean  close_after)
{
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Programme"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  suggest_save_as_file (self, GTK_FILE_CHOOSER (self->chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  if (gk_project_file_get_file (self->project) == NULL)
    save_as (self, FALSE);
  else
    save (self, FALSE);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_as (GK_WINDOW (widget), FALSE);
}

/* --- the progress report ------------------------------------------------- */

static void
report_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkReportDialogMode mode = g_str_equal (action_name, "win.print") ? GK_REPORT_DIALOG_PRINT : GK_REPORT_DIALOG_EXPORT;

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gk_report_dialog_new (GTK_WINDOW (self), self->document, mode)));
}

/* --- figures in and out (gk-import-dialog.h, gk-export-dialog.h) ------------ */

/* The parameter is the URI of the file to import ("" asks for one). */
static void
import_figures_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  const char *uri = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  g_autoptr(GFile) file = *uri != '\0' ? g_file_new_for_uri (uri) : NULL;

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (gk_import_dialog_new (GTK_WINDOW (self), self->document, file)));
}

static void
export_tables_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (gk_export_dialog_new (GTK_WINDOW (self), self->document)));
}

/* --- undo ------------------------------------------------------------------ */

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!gk_document_undo (self->document, &error))
    gk_window_show_error (self, _("Could Not Undo"), error);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!gk_document_redo (self->document, &error))
    gk_window_show_error (self, _("Could Not Redo"), error);
}

/* --- search ---------------------------------------------------------------- */

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gk_search_bar_start (GK_WINDOW (widget)->search_bar);
}

/* Shows the record @id of @table on its page and selects it there: for
 * search results, attention signals and clicks in the charts. */
void
gk_window_show_record (GkWindow   *self,
                       const char *table,
                       gint64      id)
{
  GtkWidget *page;

  g_return_if_fail (GK_IS_WINDOW (self));

  if (g_strcmp0 (table, "indicator") == 0)
    {
      page = gk_window_show_page (self, "indicators");
      if (GK_IS_INDICATORS_PAGE (page))
        gk_indicators_page_select (GK_INDICATORS_PAGE (page), id);
    }
  else if (g_strcmp0 (table, "measure") == 0)
    {
      page = gk_window_show_page (self, "measures");
      if (GK_IS_MEASURES_PAGE (page))
        gk_measures_page_select_measure (GK_MEASURES_PAGE (page), id);
    }
  else if (g_strcmp0 (table, "focus_project") == 0)
    {
      page = gk_window_show_page (self, "projects");
      if (GK_IS_PROJECTS_PAGE (page))
        gk_projects_page_select_project (GK_PROJECTS_PAGE (page), id);
    }
  else if (g_strcmp0 (table, "person") == 0)
    {
      page = gk_window_show_page (self, "team");
      if (GK_IS_TEAM_PAGE (page))
        gk_team_page_show_person (GK_TEAM_PAGE (page), id);
    }
  else if (g_strcmp0 (table, "topic") == 0)
    {
      page = gk_window_show_page (self, "roadmap");
      if (GK_IS_ROADMAP_PAGE (page))
        gk_roadmap_page_select_topic (GK_ROADMAP_PAGE (page), id);
    }
  else if (g_strcmp0 (table, "journal_entry") == 0)
    {
      page = gk_window_show_page (self, "journal");
      if (GK_IS_JOURNAL_PAGE (page))
        gk_journal_page_select (GK_JOURNAL_PAGE (page), id);
    }
  else if (g_strcmp0 (table, "programme") == 0)
    gk_window_show_page (self, "overview");
}

/* win.show-record (table, id): the one way a page links to a record, e.g.
 * gtk_widget_activate_action (row, "win.show-record", "(sx)", "measure", id). */
static void
show_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *table;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &table, &id);
  gk_window_show_record (GK_WINDOW (widget), table, id);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gk_window_show_page (GK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* --- the narrow window ------------------------------------------------------------ */

/* Folded, the leaflet shows either the sidebar or the page: going to a page
 * (a click in the sidebar, a link, a search result) must slide to it. Done
 * on a wide window too, so that making it narrow keeps the page in view. */
static void
show_pages (GkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean from_sidebar = focus != NULL && gtk_widget_is_ancestor (focus, self->sidebar);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pages));
  /* The keyboard follows to the page, or it would stay on a hidden row. */
  if (from_sidebar && adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (GTK_WIDGET (self->pages), GTK_DIR_TAB_FORWARD);
}

static gboolean
showing_page_folded (GkWindow *self)
{
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->pages);
}

static gboolean
update_back_button (gpointer data)
{
  GkWindow *self = data;
  gboolean back = showing_page_folded (self);

  self->back_source = 0;
  gtk_widget_set_visible (self->back_button, back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", back);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is given its size, after the header bar above
 * it got its own: showing the button then would leave the header bar without
 * a size for this frame. So it waits for the frame to end. */
static void
leaflet_changed_cb (GkWindow *self)
{
  if (self->back_source == 0)
    self->back_source = g_idle_add (update_back_button, self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  GtkListBoxRow *row;

  if (!showing_page_folded (self))
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  /* Back where the keyboard left: on the page's row. */
  row = self->sidebar_list != NULL ? gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar_list)) : NULL;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Choosing the page already shown changes nothing in the stack, so the
 * sidebar's rows are watched rather than the stack: a click or Enter on a
 * row goes to its page, while moving through the rows with the arrow keys
 * only selects. GtkStackSidebar keeps its list box to itself; it is found
 * among its children. */
static GtkWidget *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
watch_sidebar (GkWindow *self)
{
  GtkWidget *list = find_list_box (self->sidebar);

  self->sidebar_list = list;
  if (list != NULL)
    g_signal_connect_object (list, "row-activated", G_CALLBACK (show_pages), self, G_CONNECT_SWAPPED);
  else
    /* A GtkStackSidebar built otherwise: every change of page slides. */
    g_signal_connect_object (self->pages, "notify::visible-child", G_CALLBACK (show_pages), self,
                             G_CONNECT_SWAPPED);
}

static void
search_result_activated_cb (GkWindow       *self,
                            GkSearchResult *result)
{
  GkRecord *record = gk_document_lookup (self->document, gk_search_result_get_record_type (result),
                                         gk_search_result_get_id (result));

  if (record != NULL)
    gk_window_show_record (self, gk_record_get_table_name (record), gk_record_get_id (record));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* --- construction ---------------------------------------------------------- */

/* The name in the preferences goes into the change log from the next edit
 * on; empty, the account's name does. */
static void
user_name_changed_cb (GkWindow *self)
{
  g_autofree char *user_name = g_settings_get_string (get_settings (self), "user-name");

  if (self->document == NULL)
    return;
  gk_document_set_user_name (self->document,
                             *user_name != '\0' ? user_name : gk_preferences_default_user_name ());
}

/* The window was asked to close while an automatic share ran: now it can
 * (and asks, if anything is left unsaved). */
static void
auto_saved_cb (GkWindow *self)
{
  if (!self->close_when_saved || (self->project != NULL && gk_project_file_get_saving (self->project)))
    return;
  self->close_when_saved = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Called once the window belongs to the application: "application" is not a
 * construct property, so constructed() is too early to reach the settings. */
static void
setup_from_settings (GkWindow *self)
{
  GSettings *settings = get_settings (self);

  restore_window_state (self, settings);
  self->sharing = gk_sharing_new (self, settings);
  g_signal_connect_object (self->sharing, "auto-saved", G_CALLBACK (auto_saved_cb), self, G_CONNECT_SWAPPED);
  gk_sharing_show_in (self->sharing, self->share_status_label, GTK_BUTTON (self->choose_button));
  gk_recovery_bar_follow (self->recovery_bar, self, self->sharing);
  /* Reading the recent files can wait until the window is on screen. */
  g_idle_add_full (G_PRIORITY_LOW, rebuild_recent_menu_once, g_object_ref (self), g_object_unref);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::user-name",
                           G_CALLBACK (user_name_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
gk_window_dispose (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->back_source, g_source_remove);
  g_clear_handle_id (&self->present_source, g_source_remove);
  close_programme (self);
  if (self->sharing != NULL)
    gk_sharing_shutdown (self->sharing);
  g_clear_object (&self->sharing);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_WINDOW);

  G_OBJECT_CLASS (gk_window_parent_class)->dispose (object);
}

static void
gk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_window_class_init (GkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gk_window_dispose;
  object_class->get_property = gk_window_get_property;

  /**
   * GkWindow:session:
   *
   * What the window has open; its pages bind to it.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = gk_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, redo_button);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, journal_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, search_bar);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, roadmap_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, team_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, projects_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, measures_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, work_indicator);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, others_label);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, share_status_label);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.open-region", NULL, open_region_activated);
  gtk_widget_class_install_action (widget_class, "win.open-region-folder", NULL, open_region_activated);
  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_activated);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, report_activated);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, report_activated);
  gtk_widget_class_install_action (widget_class, "win.import-figures", "s", import_figures_activated);
  gtk_widget_class_install_action (widget_class, "win.export-tables", NULL, export_tables_activated);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(sx)", show_record_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-programme", NULL, edit_programme_activated);

  /* The leaflet goes back by itself on Alt+Left while the focus is in it;
   * this also does when the focus is in the header bar. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "win.back", NULL);
  /* Alt+1 to Alt+9 go to the pages in the order of the sidebar, as Alt and
   * a number go to a tab elsewhere in GNOME. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-page", "s",
                                         page_names[i]);
}

static void
gk_window_init (GkWindow *self)
{
  g_type_ensure (GK_TYPE_OVERVIEW_PAGE);
  g_type_ensure (GK_TYPE_INDICATORS_PAGE);
  g_type_ensure (GK_TYPE_JOURNAL_PAGE);
  g_type_ensure (GK_TYPE_SEARCH_BAR);
  g_type_ensure (GK_TYPE_ROADMAP_PAGE);
  g_type_ensure (GK_TYPE_TEAM_PAGE);
  g_type_ensure (GK_TYPE_PROJECTS_PAGE);
  g_type_ensure (GK_TYPE_MEASURES_PAGE);
  g_type_ensure (GK_TYPE_TIMELINE_PAGE);
  g_type_ensure (GK_TYPE_HISTORY_PAGE);
  g_type_ensure (GK_TYPE_WORK_INDICATOR);
  g_type_ensure (GK_TYPE_RECOVERY_BAR);
  /* Before the template: its pages bind to the session. On the program's
   * clock, which --today and the tests may have fixed. */
  self->session = gk_session_new (NULL);
  g_signal_connect_swapped (self->session, "notify::document", G_CALLBACK (session_document_cb), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (window_active_cb), NULL);
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (toplevels_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gk_import_dialog_accept_drops (GTK_WIDGET (self->indicators_page));
  watch_sidebar (self);
  update_back_button (self);
  g_object_bind_property (self->search_button, "active", self->search_bar, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_actions (self);
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

GtkWidget *
gk_window_show_page (GkWindow   *self,
                     const char *name)
{
  GtkWidget *page;

  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);

  page = gtk_stack_get_child_by_name (self->pages, name);
  if (page == NULL || self->document == NULL)
    return NULL;
  gtk_stack_set_visible_child (self->pages, page);
  show_pages (self);
  return page;
}

/* Shows @toast (transfer full) over the window's content, as the pages and
 * the dialogs on top of the window do after a delete. */
GkWorkIndicator *
gk_window_get_work_indicator (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);

  return self->work_indicator;
}

void
gk_window_add_toast (GkWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
