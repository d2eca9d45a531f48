/* gk-session-files.c: the session's saves, in the background
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project file does the work (gk-project-publish.c); the session adds
 * what a save means for the open programme: the document is clean once
 * everything it holds is in the file. Built on the session's public API.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-session.h"

static gboolean
check_open (GkSession  *self,
            GError    **error)
{
  if (gk_session_is_open (self))
    return TRUE;
  g_set_error_literal (error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_FAILED,
                       _("No programme is open."));
  return FALSE;
}

/* The revision a save records names who saved: the name the document
 * signs edits with. */
static void
sign_revisions (GkSession *self)
{
  const char *name = gk_document_get_user_name (gk_session_get_document (self));

  if (name != NULL && *name != '\0')
    gk_project_file_set_user_name (gk_session_get_project_file (self), name);
}

static void
project_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GkSession *self = g_task_get_source_object (task);
  GkProjectFile *project = GK_PROJECT_FILE (object);
  GError *error = NULL;
  gboolean saved;

  if (g_task_get_source_tag (task) == gk_session_save_as_async)
    saved = gk_project_file_save_as_finish (project, result, &error);
  else
    saved = gk_project_file_save_finish (project, result, &error);

  /* Still the programme open, and nothing left to publish: clean. */
  if (saved && gk_session_get_project_file (self) == project &&
      !gk_project_file_has_unpublished_changes (project))
    gk_document_set_dirty (gk_session_get_document (self), FALSE);

  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static GTask *
save_task_new (GkSession           *self,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* The file knows whether the save landed; a late cancel does not undo it. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

void
gk_session_save_async (GkSession           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (GK_IS_SESSION (self));

  task = save_task_new (self, cancellable, callback, user_data, gk_session_save_async);
  if (!check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  sign_revisions (self);
  gk_project_file_save_async (gk_session_get_project_file (self), cancellable,
                              project_saved_cb, g_steal_pointer (&task));
}

gboolean
gk_session_save_finish (GkSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_session_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gk_session_save_as_async (GkSession           *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (GK_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = save_task_new (self, cancellable, callback, user_data, gk_session_save_as_async);
  if (!check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  sign_revisions (self);
  gk_project_file_save_as_async (gk_session_get_project_file (self), file, cancellable,
                                 project_saved_cb, g_steal_pointer (&task));
}

gboolean
gk_session_save_as_finish (GkSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_session_save_as_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- bringing changes in --------------------------------------------------- */

static void
project_brought_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GkSession *self = g_task_get_source_object (task);
  GkProjectFile *project = GK_PROJECT_FILE (object);
  GError *error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (task) == gk_session_bring_back_async)
    ok = gk_project_file_bring_back_finish (project, result, &error);
  else if (g_task_get_source_tag (task) == gk_session_bring_in_copy_async)
    ok = gk_project_file_bring_in_copy_finish (project, result, &error);
  else
    ok = gk_project_file_bring_in_finish (project, result, &error);

  /* Reloading the rows marked the document as edited; bringing in the
   * others' changes is no edit of ours. Brought back edits are. */
  if (ok && gk_session_get_project_file (self) == project &&
      g_task_get_source_tag (task) == gk_session_bring_in_async &&
      !gk_project_file_has_unpublished_changes (project))
    gk_document_set_dirty (gk_session_get_document (self), FALSE);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
bring_async (GkSession           *self,
             GFile               *copy,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  g_autoptr(GTask) task = save_task_new (self, cancellable, callback, user_data, source_tag);
  GError *error = NULL;

  if (!check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  sign_revisions (self);
  if (source_tag == gk_session_bring_back_async)
    gk_project_file_bring_back_async (gk_session_get_project_file (self), cancellable,
                                      project_brought_cb, g_steal_pointer (&task));
  else if (source_tag == gk_session_bring_in_copy_async)
    gk_project_file_bring_in_copy_async (gk_session_get_project_file (self), copy, cancellable,
                                         project_brought_cb, g_steal_pointer (&task));
  else
    gk_project_file_bring_in_async (gk_session_get_project_file (self), cancellable,
                                    project_brought_cb, g_steal_pointer (&task));
}

void
gk_session_bring_in_async (GkSession           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (GK_IS_SESSION (self));

  bring_async (self, NULL, cancellable, callback, user_data, gk_session_bring_in_async);
}

gboolean
gk_session_bring_in_finish (GkSession     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_session_bring_in_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gk_session_bring_back_async (GkSession           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (GK_IS_SESSION (self));

  bring_async (self, NULL, cancellable, callback, user_data, gk_session_bring_back_async);
}

gboolean
gk_session_bring_back_finish (GkSession     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_session_bring_back_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gk_session_bring_in_copy_async (GkSession           *self,
                                GFile               *copy,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (GK_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (copy));

  bring_async (self, copy, cancellable, callback, user_data, gk_session_bring_in_copy_async);
}

gboolean
gk_session_bring_in_copy_finish (GkSession     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_session_bring_in_copy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
