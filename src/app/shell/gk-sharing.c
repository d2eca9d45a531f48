/* gk-sharing.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hands every save to this object, and so does the timer of
 * automatic sharing: it knows how the last one went, which is what the
 * header shows. The project file does the merging (gk-project-merge.c);
 * what clashes comes back as GK_PROJECT_ERROR_CONFLICT with the conflicts
 * in gk_project_file_get_conflicts(), and the conflict dialog sets the
 * user's choices on them before the same thing is done again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-conflict-dialog.h"
#include "gk-merge-conflict.h"
#include "gk-sharing.h"
#include "gk-conflict-copy.h"

/* What stopped at a conflict, to be done again once the user chose. */
typedef enum {
  OPERATION_NONE,
  OPERATION_SAVE,
  OPERATION_BRING_IN,
  OPERATION_BRING_BACK,
  OPERATION_BRING_COPY,
} Operation;

/* How often the shared file is looked at: network drives send no events. */
#define POLL_INTERVAL_S 30
/* A publish is a burst of events (a temporary file, a rename): one look. */
#define MONITOR_SETTLE_MS 250

struct _GkSharing
{
  GObject        parent_instance;

  GkWindow      *window;        /* not owned: it owns us */
  GSettings     *settings;
  GkSession     *session;
  GkDocument    *document;      /* the session's, followed while open */
  GkProjectFile *project;

  guint          auto_source;   /* the automatic share waiting for the edits to rest */
  guint          poll_source;
  guint          monitor_source;
  GFileMonitor  *monitor;
  GFile         *watched;
  gboolean       poll_again;    /* the file changed while we were busy with it */
  AdwToast      *offer;         /* the toast that offers the others' changes, while up */
  guint          running;       /* saves and bring-ins on their way */
  GError        *last_error;    /* of the last save; NULL when it landed */
  Operation      failed;        /* what stopped at a conflict */
  GkConflictCopy *copy;         /* the conflict copy offered or being brought in */
  GCancellable  *finding;       /* the look for conflict copies beside the file */

  char          *status;
  char          *status_detail;
  gboolean       needs_choice;
};

G_DEFINE_FINAL_TYPE (GkSharing, gk_sharing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_STATUS_DETAIL,
  PROP_NEEDS_CHOICE,
  PROP_RECOVERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_AUTO_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- the status -------------------------------------------------------------- */

static gboolean
waiting_for_choice (GkSharing *self)
{
  return g_error_matches (self->last_error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT) &&
         self->project != NULL &&
         g_list_model_get_n_items (gk_project_file_get_conflicts (self->project)) > 0;
}

/* Who made the changes that clash: one name, or NULL for several. */
static char *
dup_conflict_author (GkSharing *self)
{
  GListModel *conflicts = gk_project_file_get_conflicts (self->project);
  char *author = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(GkMergeConflict) conflict = g_list_model_get_item (conflicts, i);
      const char *theirs = gk_merge_conflict_get_their_author (conflict);

      if (theirs == NULL || *theirs == '\0' || (author != NULL && g_strcmp0 (author, theirs) != 0))
        {
          g_free (author);
          return NULL;
        }
      if (author == NULL)
        author = g_strdup (theirs);
    }
  return author;
}

/* The part after "Not shared yet: ", short enough for a header bar; the
 * error's own message goes in the tooltip. */
static const char *
failure_reason (const GError *error)
{
  if (error->domain != GK_PROJECT_ERROR)
    return _("the file could not be saved");
  switch (error->code)
    {
    case GK_PROJECT_ERROR_READ_ONLY:
      return _("the folder is read-only");
    case GK_PROJECT_ERROR_NO_SPACE:
      return _("the disk is full");
    case GK_PROJECT_ERROR_NOT_FOUND:
      return _("the shared file is gone");
    case GK_PROJECT_ERROR_LOCKED:
      return _("another program is writing the file");
    case GK_PROJECT_ERROR_CHANGED_ON_DISK:
      return _("the file was replaced by someone else");
    default:
      return _("the file could not be saved");
    }
}

static void
set_status (GkSharing  *self,
            const char *status,
            const char *detail,
            gboolean    needs_choice)
{
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (g_strcmp0 (self->status_detail, detail) != 0)
    {
      g_free (self->status_detail);
      self->status_detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DETAIL]);
    }
  if (self->needs_choice != needs_choice)
    {
      self->needs_choice = needs_choice;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_CHOICE]);
    }
}

static gboolean
shares_automatically (GkSharing *self)
{
  return g_settings_get_boolean (self->settings, "share-automatically");
}

static gboolean
can_share (GkSharing *self)
{
  return self->project != NULL && self->document != NULL &&
         gk_project_file_get_file (self->project) != NULL &&
         !gk_project_file_get_read_only (self->project);
}

static void
update_conflict_status (GkSharing *self)
{
  g_autofree char *author = dup_conflict_author (self);
  g_autofree char *status = NULL;
  g_autofree char *detail = NULL;

  if (author != NULL)
    {
      /* Translators: in the header bar; %s is a colleague's name */
      status = g_strdup_printf (_("Not shared yet: choose between your changes and %s’s"), author);
      detail = g_strdup_printf (_("You and %s changed the same things. Your changes are kept in your "
                                  "copy; choose which to keep to share them."), author);
    }
  else
    {
      status = g_strdup (_("Not shared yet: choose between your changes and the others’"));
      detail = g_strdup (_("You and others changed the same things. Your changes are kept in your "
                           "copy; choose which to keep to share them."));
    }
  set_status (self, status, detail, TRUE);
}

static void
update_status (GkSharing *self)
{
  g_autofree char *status = NULL;
  const char *summary;

  if (!can_share (self))
    set_status (self, NULL, NULL, FALSE);
  else if (self->running > 0 || gk_project_file_get_saving (self->project))
    set_status (self, _("Sharing…"), _("Your changes are being saved to the shared file."), FALSE);
  else if (waiting_for_choice (self))
    update_conflict_status (self);
  else if (self->last_error != NULL)
    {
      /* Translators: in the header bar; %s says why ("the folder is read-only") */
      status = g_strdup_printf (_("Not shared yet: %s"), failure_reason (self->last_error));
      set_status (self, status, self->last_error->message, FALSE);
    }
  else if (gk_document_get_dirty (self->document))
    {
      if (shares_automatically (self))
        set_status (self, _("Sharing…"), _("Your changes are shared a few seconds after your last edit."), FALSE);
      else
        set_status (self, _("Not shared yet: not saved"),
                    _("Save to share your changes with the team (Ctrl+S). Sharing automatically can be "
                      "switched on in the preferences."), FALSE);
    }
  else
    {
      summary = gk_project_file_get_merge_summary (self->project);
      set_status (self, _("Saved"), summary != NULL ? summary : _("Everything you changed is in the shared file."),
                  FALSE);
    }
}

/* --- saving ------------------------------------------------------------------ */

static void poll_now (GkSharing *self);
static void withdraw_offer (GkSharing *self);
static void watch_file (GkSharing *self);
static void window_active_cb (GkSharing *self);

static void
keep_outcome (GkSharing    *self,
              Operation     operation,
              const GError *error)
{
  g_clear_error (&self->last_error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->last_error = g_error_copy (error);
  if (error == NULL)
    self->failed = OPERATION_NONE;
  else if (g_error_matches (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT))
    self->failed = operation;
}

/* One of ours ended: a change of the file noticed meanwhile is looked at now. */
static void
operation_done (GkSharing    *self,
                Operation     operation,
                const GError *error)
{
  self->running--;
  keep_outcome (self, operation, error);
  /* Their changes are in now, or waiting for the user's choice in the
   * header: either way the offer is out of date. */
  if (error == NULL || g_error_matches (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT))
    withdraw_offer (self);
  update_status (self);
  if (self->running == 0 && self->poll_again)
    poll_now (self);
}

static void
session_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GkSharing *self = g_task_get_source_object (task);
  GError *error = NULL;
  gboolean ok = gk_session_save_finish (GK_SESSION (object), result, &error);

  watch_file (self);
  operation_done (self, OPERATION_SAVE, error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
gk_sharing_save_async (GkSharing           *self,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GK_IS_SHARING (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, gk_sharing_save_async);
  /* This save takes every edit made so far. */
  g_clear_handle_id (&self->auto_source, g_source_remove);
  self->running++;
  update_status (self);
  gk_session_save_async (self->session, NULL, session_saved_cb, task);
}

gboolean
gk_sharing_save_finish (GkSharing     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- sharing automatically --------------------------------------------------- */

static void
auto_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GkSharing *self = GK_SHARING (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = gk_sharing_save_finish (self, result, &error);
  const char *summary;

  if (self->window == NULL)
    return;
  /* A merge is news; a plain share is in the header, not in a toast. A
   * failure waits there too: the user is typing, not asking. */
  summary = ok && self->project != NULL ? gk_project_file_get_merge_summary (self->project) : NULL;
  if (summary != NULL)
    {
      /* A toast's title is markup; names and titles are not. */
      g_autofree char *escaped = g_markup_escape_text (summary, -1);

      gk_window_add_toast (self->window, adw_toast_new (escaped));
    }
  g_signal_emit (self, signals[SIGNAL_AUTO_SAVED], 0, ok);
}

static gboolean
auto_share_cb (gpointer data)
{
  GkSharing *self = data;

  self->auto_source = 0;
  /* Undone meanwhile, or shared by a save the user asked for. */
  if (can_share (self) && gk_document_get_dirty (self->document) && !waiting_for_choice (self))
    gk_sharing_save_async (self, auto_saved_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* Every edit starts the wait again: the share comes when the edits rest.
 * While conflicts wait for the user, sharing again would only find them
 * again. */
static void
schedule_auto_share (GkSharing *self)
{
  g_clear_handle_id (&self->auto_source, g_source_remove);
  if (!shares_automatically (self) || !can_share (self) || !gk_document_get_dirty (self->document) ||
      waiting_for_choice (self))
    return;
  self->auto_source = g_timeout_add (GK_SHARING_AUTO_DELAY_MS, auto_share_cb, self);
}

static void
document_changed_cb (GkSharing *self)
{
  schedule_auto_share (self);
  update_status (self);
}

static void
share_setting_changed_cb (GkSharing *self)
{
  if (self->document != NULL)
    document_changed_cb (self);
}

/* --- conflicts --------------------------------------------------------------- */

static void
conflicts_confirmed_cb (GkSharing *self)
{
  Operation failed = self->failed;

  if (self->window == NULL || self->project == NULL)
    return;
  if (failed == OPERATION_SAVE)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.save", NULL);
  else if (failed == OPERATION_BRING_IN)
    gk_sharing_bring_in (self);
  else if (failed == OPERATION_BRING_BACK)
    gk_sharing_bring_back (self);
  else if (failed == OPERATION_BRING_COPY)
    gk_sharing_bring_in_copy (self);
}

void
gk_sharing_choose (GkSharing *self)
{
  GkConflictDialog *dialog;
  const char *confirm;

  g_return_if_fail (GK_IS_SHARING (self));

  if (self->window == NULL || !waiting_for_choice (self))
    return;
  if (self->failed == OPERATION_BRING_IN || self->failed == OPERATION_BRING_COPY)
    confirm = _("_Bring In");
  else if (self->failed == OPERATION_BRING_BACK)
    confirm = _("_Bring Back");
  else
    confirm = _("_Save");
  dialog = gk_conflict_dialog_new (GTK_WINDOW (self->window), gk_project_file_get_conflicts (self->project),
                                   confirm);
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (conflicts_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- bringing the others' changes in ----------------------------------------- */

typedef struct {
  GkSharing *self;
  Operation  operation;
  gboolean   asked;       /* the user asked: a conflict opens the dialog */
} Bring;

static void copy_brought_in (GkSharing *self);
static void offer_next_copy (GkSharing *self);

static void
brought_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree Bring *bring = user_data;
  g_autoptr(GkSharing) self = bring->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (bring->operation == OPERATION_BRING_BACK)
    ok = gk_session_bring_back_finish (GK_SESSION (object), result, &error);
  else if (bring->operation == OPERATION_BRING_COPY)
    ok = gk_session_bring_in_copy_finish (GK_SESSION (object), result, &error);
  else
    ok = gk_session_bring_in_finish (GK_SESSION (object), result, &error);
  operation_done (self, bring->operation, error);
  if (self->window == NULL)
    return;
  if (bring->operation == OPERATION_BRING_BACK)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED]);
  if (g_error_matches (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT))
    {
      if (bring->asked)
        gk_sharing_choose (self);
    }
  else if (!ok && bring->asked && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_window_show_error (self->window, bring->operation == OPERATION_BRING_BACK
                                        ? _("Could Not Bring Back the Changes")
                                        : _("Could Not Bring In the Changes"), error);
  else if (ok && bring->operation == OPERATION_BRING_BACK)
    gk_window_add_toast (self->window,
                         adw_toast_new (_("Your changes are back. They are not shared yet.")));
  else if (ok && bring->operation == OPERATION_BRING_COPY)
    copy_brought_in (self);
}

/* The copy's changes are in the programme: the copy goes into the hidden
 * folder beside the file (never deleted), and the next one is offered. */
static void
copy_brought_in (GkSharing *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) aside = gk_conflict_copy_move_aside (self->copy, &error);

  if (aside == NULL)
    gk_window_show_error (self->window, _("Could Not Move the Copy Aside"), error);
  else
    gk_window_add_toast (self->window,
                         adw_toast_new (_("The copy’s changes are in the programme. They are not "
                                          "shared yet; the copy was put away in “.gripkaart-merged”.")));
  g_clear_pointer (&self->copy, gk_conflict_copy_unref);
  offer_next_copy (self);
}

static void
bring (GkSharing *self,
       Operation  operation,
       gboolean   asked)
{
  Bring *job = g_new0 (Bring, 1);

  job->self = g_object_ref (self);
  job->operation = operation;
  job->asked = asked;
  self->running++;
  self->poll_again = FALSE;
  update_status (self);
  if (operation == OPERATION_BRING_BACK)
    gk_session_bring_back_async (self->session, NULL, brought_cb, job);
  else if (operation == OPERATION_BRING_COPY)
    gk_session_bring_in_copy_async (self->session, gk_conflict_copy_get_file (self->copy), NULL,
                                    brought_cb, job);
  else
    gk_session_bring_in_async (self->session, NULL, brought_cb, job);
}

void
gk_sharing_bring_in (GkSharing *self)
{
  g_return_if_fail (GK_IS_SHARING (self));

  if (can_share (self))
    bring (self, OPERATION_BRING_IN, TRUE);
}

void
gk_sharing_bring_back (GkSharing *self)
{
  g_return_if_fail (GK_IS_SHARING (self));

  if (self->project != NULL && gk_project_file_get_recovered_path (self->project) != NULL)
    bring (self, OPERATION_BRING_BACK, TRUE);
}

void
gk_sharing_bring_in_copy (GkSharing *self)
{
  g_return_if_fail (GK_IS_SHARING (self));

  if (self->copy != NULL && can_share (self))
    bring (self, OPERATION_BRING_COPY, TRUE);
}

/* --- conflict copies beside the file ----------------------------------------- */

static char *
describe_copy (GkConflictCopy *copy)
{
  g_autoptr(GDateTime) when = g_date_time_ref (gk_conflict_copy_get_when (copy));
  g_autofree char *day = g_date_time_format (when, gk_conflict_copy_get_when_has_time (copy) ? "%-d %b %H:%M" : "%-d %b");
  const char *author = gk_conflict_copy_get_author (copy);
  const char *client = gk_sync_client_name (gk_conflict_copy_get_client (copy));

  if (author != NULL)
    /* Translators: "Dropbox kept a copy of this programme with Bram’s changes of 3 Dec" */
    return g_strdup_printf (_("%s kept a copy of this programme with changes of %s from %s"), client, author, day);
  /* Translators: "Nextcloud kept a copy of this programme with changes from 3 Dec 10:15" */
  return g_strdup_printf (_("%s kept a copy of this programme with changes from %s"), client, day);
}

static void
offer_next_copy (GkSharing *self)
{
  GPtrArray *copies = self->project != NULL ? g_object_get_data (G_OBJECT (self->project), "gk-conflict-copies") : NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->window == NULL || copies == NULL || copies->len == 0 || self->copy != NULL)
    return;
  self->copy = gk_conflict_copy_ref (copies->pdata[0]);
  g_ptr_array_remove_index (copies, 0);
  title = describe_copy (self->copy);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Bring In"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (gk_sharing_bring_in_copy), self,
                           G_CONNECT_SWAPPED);
  gk_window_add_toast (self->window, toast);
}

static void
copies_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GkSharing) self = user_data;
  g_autoptr(GPtrArray) copies = g_task_propagate_pointer (G_TASK (result), NULL);

  if (copies == NULL || self->project == NULL || g_task_get_task_data (G_TASK (result)) != self->project)
    return;
  g_object_set_data_full (G_OBJECT (self->project), "gk-conflict-copies", g_steal_pointer (&copies),
                          (GDestroyNotify) g_ptr_array_unref);
  offer_next_copy (self);
}

static void
find_copies_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "gk-file");
  GPtrArray *copies = gk_conflict_copies_find (file, cancellable, NULL);

  g_task_return_pointer (task, copies, (GDestroyNotify) g_ptr_array_unref);
}

/* A sync client's copies beside the file are looked for once, in a worker
 * (a network folder may be slow to list), when a programme opens. */
static void
find_copies (GkSharing *self)
{
  GFile *file = self->project != NULL ? gk_project_file_get_file (self->project) : NULL;
  g_autoptr(GTask) task = NULL;

  if (file == NULL || gk_project_file_get_read_only (self->project))
    return;
  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  self->finding = g_cancellable_new ();
  task = g_task_new (NULL, self->finding, copies_found_cb, g_object_ref (self));
  g_task_set_task_data (task, self->project, NULL);
  g_object_set_data_full (G_OBJECT (task), "gk-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, find_copies_thread);
}

gboolean
gk_sharing_get_recovered (GkSharing *self)
{
  g_return_val_if_fail (GK_IS_SHARING (self), FALSE);

  return self->project != NULL && gk_project_file_get_recovered_path (self->project) != NULL;
}

const char *
gk_sharing_get_recovered_path (GkSharing *self)
{
  g_return_val_if_fail (GK_IS_SHARING (self), NULL);

  return self->project != NULL ? gk_project_file_get_recovered_path (self->project) : NULL;
}

gboolean
gk_sharing_discard_recovered (GkSharing  *self,
                              GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (GK_IS_SHARING (self), FALSE);

  if (self->project == NULL)
    return TRUE;
  ok = gk_project_file_discard_recovered (self->project, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED]);
  return ok;
}

static void
offer_bring_in (GkSharing *self)
{
  const char * const *others = gk_project_file_get_others (self->project);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->offer != NULL || self->window == NULL)
    return;
  if (others != NULL && others[0] != NULL && others[1] == NULL)
    /* Translators: %s is a colleague who has the file open */
    title = g_strdup_printf (_("%s saved changes"), others[0]);
  else
    title = g_strdup (_("Someone else saved changes"));
  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Bring Them In"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (gk_sharing_bring_in), self, G_CONNECT_SWAPPED);
  self->offer = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->offer);
  gk_window_add_toast (self->window, toast);
}

static void
withdraw_offer (GkSharing *self)
{
  AdwToast *toast = self->offer;

  if (toast == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->offer);
  self->offer = NULL;
  adw_toast_dismiss (toast);
}

/* The others published. Nothing of ours waiting: their changes come in,
 * quietly, rows updated in place. Our edits waiting: sharing them merges
 * anyway; without automatic sharing the user decides when. */
static void
others_saved (GkSharing *self)
{
  if (!gk_project_file_has_unpublished_changes (self->project))
    bring (self, OPERATION_BRING_IN, FALSE);
  else if (waiting_for_choice (self))
    return;   /* the header asks for the choice; the next save merges anew */
  else if (shares_automatically (self))
    gk_sharing_save_async (self, auto_saved_cb, NULL);
  else
    offer_bring_in (self);
}

static void
poll_now (GkSharing *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_share (self))
    return;
  if (self->running > 0 || gk_project_file_get_saving (self->project))
    {
      self->poll_again = TRUE;
      return;
    }
  self->poll_again = FALSE;
  if (gk_project_file_poll (self->project, &error))
    others_saved (self);
  else if (error != NULL)
    g_debug ("Could not look at the shared file: %s", error->message);
}

void
gk_sharing_poll (GkSharing *self)
{
  g_return_if_fail (GK_IS_SHARING (self));

  poll_now (self);
}

static gboolean
poll_cb (gpointer data)
{
  poll_now (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
monitor_settled_cb (gpointer data)
{
  GkSharing *self = data;

  self->monitor_source = 0;
  poll_now (self);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GkSharing *self)
{
  if (self->monitor_source == 0)
    self->monitor_source = g_timeout_add (MONITOR_SETTLE_MS, monitor_settled_cb, self);
}

static void
stop_watching (GkSharing *self)
{
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->watched);
}

/* A file monitor where the file system has one (a local disk), and a look
 * every 30 s for network drives, whose changes send no events. Again after
 * Save As, which changes the file. */
static void
watch_file (GkSharing *self)
{
  GFile *file = self->project != NULL ? gk_project_file_get_file (self->project) : NULL;
  g_autoptr(GError) error = NULL;

  if (file == self->watched || (file != NULL && self->watched != NULL && g_file_equal (file, self->watched)))
    return;
  stop_watching (self);
  /* A file opened to look at keeps no fingerprint to compare with. */
  if (file == NULL || gk_project_file_get_viewing (self->project))
    return;
  self->watched = g_object_ref (file);
  self->poll_source = g_timeout_add_seconds (POLL_INTERVAL_S, poll_cb, self);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  else
    g_debug ("No file monitor for the shared file: %s", error->message);
}

/* --- following the session --------------------------------------------------- */

static void
forget_programme (GkSharing *self)
{
  stop_watching (self);
  self->poll_again = FALSE;
  withdraw_offer (self);
  g_clear_handle_id (&self->auto_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  self->document = NULL;
  self->project = NULL;
  g_clear_error (&self->last_error);
  self->failed = OPERATION_NONE;
  g_clear_pointer (&self->copy, gk_conflict_copy_unref);
  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
}

static void
session_document_cb (GkSharing *self)
{
  forget_programme (self);
  self->document = gk_session_get_document (self->session);
  self->project = self->document != NULL ? gk_session_get_project_file (self->session) : NULL;
  if (self->document != NULL)
    {
      g_signal_connect_swapped (self->document, "changed", G_CALLBACK (document_changed_cb), self);
      g_signal_connect_swapped (self->document, "notify::dirty", G_CALLBACK (update_status), self);
      g_signal_connect_swapped (self->project, "notify::saving", G_CALLBACK (update_status), self);
      watch_file (self);
      find_copies (self);
    }
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED]);
}

/* --- the header ---------------------------------------------------------------- */

static void
show_status_in (GkSharing  *self,
                GParamSpec *pspec,
                GtkLabel   *label)
{
  GtkWidget *choose = g_object_get_data (G_OBJECT (label), "gk-choose");

  gtk_label_set_text (label, self->status != NULL ? self->status : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), self->status_detail);
  gtk_widget_set_visible (GTK_WIDGET (label), self->status != NULL);
  if (choose != NULL)
    gtk_widget_set_visible (choose, self->needs_choice);
}

void
gk_sharing_show_in (GkSharing *self,
                    GtkLabel  *label,
                    GtkButton *choose)
{
  g_return_if_fail (GK_IS_SHARING (self));
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (GTK_IS_BUTTON (choose));

  g_object_set_data (G_OBJECT (label), "gk-choose", choose);
  g_signal_connect_object (self, "notify", G_CALLBACK (show_status_in), label, 0);
  g_signal_connect_object (choose, "clicked", G_CALLBACK (gk_sharing_choose), self, G_CONNECT_SWAPPED);
  show_status_in (self, NULL, label);
}

/* --- the object -------------------------------------------------------------- */

static void
window_active_cb (GkSharing *self)
{
  if (self->window != NULL && gtk_window_is_active (GTK_WINDOW (self->window)))
    poll_now (self);
}

void
gk_sharing_shutdown (GkSharing *self)
{
  g_return_if_fail (GK_IS_SHARING (self));

  forget_programme (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  self->window = NULL;
}

static void
gk_sharing_finalize (GObject *object)
{
  GkSharing *self = GK_SHARING (object);

  gk_sharing_shutdown (self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_detail, g_free);

  G_OBJECT_CLASS (gk_sharing_parent_class)->finalize (object);
}

static void
gk_sharing_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GkSharing *self = GK_SHARING (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_DETAIL:
      g_value_set_string (value, self->status_detail);
      break;
    case PROP_NEEDS_CHOICE:
      g_value_set_boolean (value, self->needs_choice);
      break;
    case PROP_RECOVERED:
      g_value_set_boolean (value, gk_sharing_get_recovered (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_sharing_class_init (GkSharingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_sharing_finalize;
  object_class->get_property = gk_sharing_get_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_DETAIL] =
    g_param_spec_string ("status-detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_CHOICE] =
    g_param_spec_boolean ("needs-choice", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECOVERED] =
    g_param_spec_boolean ("recovered", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkSharing::auto-saved:
   * @ok: whether the save landed
   *
   * An automatic share ended (a window waiting to close may close now).
   */
  signals[SIGNAL_AUTO_SAVED] = g_signal_new ("auto-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
gk_sharing_init (GkSharing *self)
{
}

GkSharing *
gk_sharing_new (GkWindow  *window,
                GSettings *settings)
{
  GkSharing *self;

  g_return_val_if_fail (GK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GK_TYPE_SHARING, NULL);
  self->window = window;
  self->settings = g_object_ref (settings);
  self->session = g_object_ref (gk_window_get_session (window));
  g_signal_connect_swapped (self->session, "notify::document", G_CALLBACK (session_document_cb), self);
  g_signal_connect_swapped (self->settings, "changed::share-automatically",
                            G_CALLBACK (share_setting_changed_cb), self);
  /* Coming back to the window is when people want to know. */
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (window_active_cb), self, G_CONNECT_SWAPPED);
  session_document_cb (self);
  return self;
}

const char *
gk_sharing_get_status (GkSharing *self)
{
  g_return_val_if_fail (GK_IS_SHARING (self), NULL);

  return self->status;
}

const char *
gk_sharing_get_status_detail (GkSharing *self)
{
  g_return_val_if_fail (GK_IS_SHARING (self), NULL);

  return self->status_detail;
}

gboolean
gk_sharing_get_needs_choice (GkSharing *self)
{
  g_return_val_if_fail (GK_IS_SHARING (self), FALSE);

  return self->needs_choice;
}
