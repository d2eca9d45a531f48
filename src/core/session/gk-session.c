/* gk-session.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-document-private.h"
#include "gk-project-file-private.h"
#include "gk-session.h"

struct _GkSession
{
  GObject        parent_instance;

  GkClock       *clock;
  GkProjectFile *project;
  GkDocument    *document;
  GkAnalysis    *analysis;
  guint          analysis_source;
};

G_DEFINE_FINAL_TYPE (GkSession, gk_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_PROJECT_FILE,
  PROP_DOCUMENT,
  PROP_ANALYSIS,
  N_PROPS
};

enum {
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- the analysis ---------------------------------------------------------- */

static void
renew_analysis (GkSession *self)
{
  GDate today = gk_clock_get_today (self->clock);

  g_clear_handle_id (&self->analysis_source, g_source_remove);
  g_clear_object (&self->analysis);
  self->analysis = gk_analysis_new (self->document, &today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static gboolean
renew_analysis_idle (gpointer data)
{
  GkSession *self = data;

  self->analysis_source = 0;
  renew_analysis (self);
  return G_SOURCE_REMOVE;
}

/* Clean again without saving (an undo back to what was saved): the working
 * copy then holds nothing that needs keeping for recovery. */
static void
document_dirty_cb (GkSession *self)
{
  if (self->project != NULL && self->document != NULL && !gk_document_get_dirty (self->document))
    gk_project_file_set_dirty (self->project, FALSE);
}

/* Several edits in a row (a group, a paste) renew the analysis once. */
static void
schedule_analysis (GkSession *self)
{
  if (self->document == NULL || self->analysis_source != 0)
    return;
  /* Before the next frame is drawn (GDK draws at HIGH_IDLE + 20): the
   * frame then shows the edit with its levels, and a busy page that keeps
   * drawing cannot hold the renewal back behind it. */
  self->analysis_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, renew_analysis_idle, self, NULL);
}

void
gk_session_update_analysis (GkSession *self)
{
  g_return_if_fail (GK_IS_SESSION (self));

  if (self->document != NULL)
    renew_analysis (self);
}

/* The name the document signs edits with is the one the file's revisions
 * and its lock note show too. */
static void
user_name_cb (GkSession *self)
{
  const char *name = gk_document_get_user_name (self->document);

  if (self->project != NULL && name != NULL && *name != '\0')
    gk_project_file_set_user_name (self->project, name);
}

/* --- opening and closing --------------------------------------------------- */

gboolean
gk_session_open_project_file (GkSession      *self,
                              GkProjectFile  *project,
                              GError        **error)
{
  g_autoptr(GkDocument) document = NULL;

  g_return_val_if_fail (GK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GK_IS_PROJECT_FILE (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = gk_document_new_for_db (gk_project_file_get_db (project), error);
  if (document == NULL)
    {
      gk_project_file_close (project);
      return FALSE;
    }
  gk_document_set_clock (document, self->clock);
  /* A file that cannot be saved cannot be edited either: an edit made
   * there would be lost, so the document refuses it. */
  gk_document_set_read_only_reason (document, gk_project_file_get_read_only_reason (project));

  gk_session_close (self);

  /* In this order: whoever follows the document may look at the file, and
   * whoever follows the analysis at the document. */
  self->project = g_object_ref (project);
  self->document = g_steal_pointer (&document);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (schedule_analysis), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "merged", G_CALLBACK (gk_document_reload_rows), self->document,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::dirty", G_CALLBACK (document_dirty_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::user-name", G_CALLBACK (user_name_cb), self, G_CONNECT_SWAPPED);
  user_name_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  renew_analysis (self);
  return TRUE;
}

gboolean
gk_session_open (GkSession  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autoptr(GkProjectFile) project = NULL;

  g_return_val_if_fail (GK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  project = gk_project_file_open (file, error);
  return project != NULL && gk_session_open_project_file (self, project, error);
}

void
gk_session_close (GkSession *self)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkProjectFile) project = NULL;

  g_return_if_fail (GK_IS_SESSION (self));

  if (self->project == NULL)
    return;

  g_object_ref (self);
  g_clear_handle_id (&self->analysis_source, g_source_remove);

  /* Whatever follows the session lets go of the analysis and the document
   * (the analysis holds the document too) before the file closes. */
  g_clear_object (&self->analysis);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
  g_signal_handlers_disconnect_by_data (self->document, self);
  document = g_steal_pointer (&self->document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_clear_object (&document);
  g_signal_emit (self, signals[CLOSED], 0);

  project = g_steal_pointer (&self->project);
  gk_project_file_close (project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_FILE]);
  g_object_unref (self);
}

/* --- GObject --------------------------------------------------------------- */

static void
gk_session_dispose (GObject *object)
{
  GkSession *self = GK_SESSION (object);

  gk_session_close (self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (gk_session_parent_class)->dispose (object);
}

static void
gk_session_constructed (GObject *object)
{
  GkSession *self = GK_SESSION (object);

  G_OBJECT_CLASS (gk_session_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (gk_clock_get_default ());
  /* A window left open overnight judges on the new day. */
  g_signal_connect_object (self->clock, "day-changed", G_CALLBACK (schedule_analysis), self, G_CONNECT_SWAPPED);
}

static void
gk_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GkSession *self = GK_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_PROJECT_FILE:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GkSession *self = GK_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_session_class_init (GkSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_session_dispose;
  object_class->constructed = gk_session_constructed;
  object_class->get_property = gk_session_get_property;
  object_class->set_property = gk_session_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, GK_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT_FILE] =
    g_param_spec_object ("project-file", NULL, NULL, GK_TYPE_PROJECT_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GK_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * GkSession:analysis:
   *
   * What the grip engine makes of the document on the clock's today:
   * renewed (a new object) after every change and when the day changes;
   * NULL while nothing is open.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, GK_TYPE_ANALYSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkSession::closed:
   *
   * Emitted when the programme closes: after document and analysis were
   * notified as NULL and the session let go of them, before the project
   * file closes. Whoever still holds the document then is a leak.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_session_init (GkSession *self)
{
}

GkSession *
gk_session_new (GkClock *clock)
{
  g_return_val_if_fail (clock == NULL || GK_IS_CLOCK (clock), NULL);

  return g_object_new (GK_TYPE_SESSION, "clock", clock, NULL);
}

GkClock *
gk_session_get_clock (GkSession *self)
{
  g_return_val_if_fail (GK_IS_SESSION (self), NULL);

  return self->clock;
}

GDate
gk_session_get_today (GkSession *self)
{
  g_return_val_if_fail (GK_IS_SESSION (self), (GDate) { 0 });

  return gk_clock_get_today (self->clock);
}

GkProjectFile *
gk_session_get_project_file (GkSession *self)
{
  g_return_val_if_fail (GK_IS_SESSION (self), NULL);

  return self->project;
}

GkDocument *
gk_session_get_document (GkSession *self)
{
  g_return_val_if_fail (GK_IS_SESSION (self), NULL);

  return self->document;
}

GkAnalysis *
gk_session_get_analysis (GkSession *self)
{
  g_return_val_if_fail (GK_IS_SESSION (self), NULL);

  return self->analysis;
}

gboolean
gk_session_is_open (GkSession *self)
{
  g_return_val_if_fail (GK_IS_SESSION (self), FALSE);

  return self->document != NULL;
}
