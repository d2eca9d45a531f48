/* gk-measure-filter.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One set of criteria per open programme, so that the Timeline shows the
 * measures the Measures page's filter bar chose, and clearing them on one
 * page clears them on both. The measures aiming at the chosen topic are
 * collected once and again only after the document changed.
 */
#include "config.h"

#include "gk-measure-filter.h"

struct _GkMeasureFilter
{
  GObject     parent_instance;

  GkSession  *session;          /* owns this object */
  gint64      project_id;
  gint64      owner_id;
  int         status;
  gint64      topic_id;
  GHashTable *topic_measures;   /* ids of the measures with a target on the topic; NULL: to collect */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkMeasureFilter, gk_measure_filter, G_TYPE_OBJECT)

static void
forget_topic_measures (GkMeasureFilter *self)
{
  g_clear_pointer (&self->topic_measures, g_hash_table_unref);
}

static GHashTable *
topic_measures (GkMeasureFilter *self)
{
  GkDocument *document = gk_session_get_document (self->session);
  GListModel *targets;

  if (self->topic_measures != NULL || document == NULL)
    return self->topic_measures;
  self->topic_measures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  targets = gk_document_get_measure_targets (document);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);

      if (gk_measure_target_get_topic_id (target) == self->topic_id)
        g_hash_table_add (self->topic_measures, g_memdup2 (&(gint64) { gk_measure_target_get_measure_id (target) },
                                                           sizeof (gint64)));
    }
  return self->topic_measures;
}

/* A new programme starts unfiltered; edits may change what aims at the topic. */
static void
document_cb (GkMeasureFilter *self)
{
  GkDocument *document = gk_session_get_document (self->session);

  forget_topic_measures (self);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (forget_topic_measures), self, G_CONNECT_SWAPPED);
  gk_measure_filter_clear (self);
}

static void
gk_measure_filter_finalize (GObject *object)
{
  forget_topic_measures (GK_MEASURE_FILTER (object));

  G_OBJECT_CLASS (gk_measure_filter_parent_class)->finalize (object);
}

static void
gk_measure_filter_class_init (GkMeasureFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_measure_filter_finalize;

  /**
   * GkMeasureFilter::changed:
   *
   * The criteria changed: show the measures again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_measure_filter_init (GkMeasureFilter *self)
{
  self->status = GK_MEASURE_FILTER_ANY_STATUS;
}

GkMeasureFilter *
gk_measure_filter_get_for_session (GkSession *session)
{
  GQuark quark = g_quark_from_static_string ("gk-measure-filter");
  GkMeasureFilter *self;

  g_return_val_if_fail (GK_IS_SESSION (session), NULL);

  self = g_object_get_qdata (G_OBJECT (session), quark);
  if (self != NULL)
    return self;
  self = g_object_new (GK_TYPE_MEASURE_FILTER, NULL);
  self->session = session;
  /* The session's signals die with it, before its data (this object). */
  g_signal_connect_swapped (session, "notify::document", G_CALLBACK (document_cb), self);
  g_object_set_qdata_full (G_OBJECT (session), quark, self, g_object_unref);
  document_cb (self);
  return self;
}

void
gk_measure_filter_set (GkMeasureFilter *self,
                       gint64           project_id,
                       gint64           owner_id,
                       int              status,
                       gint64           topic_id)
{
  g_return_if_fail (GK_IS_MEASURE_FILTER (self));

  if (status < 0)
    status = GK_MEASURE_FILTER_ANY_STATUS;
  if (self->project_id == project_id && self->owner_id == owner_id && self->status == status &&
      self->topic_id == topic_id)
    return;
  if (self->topic_id != topic_id)
    forget_topic_measures (self);
  self->project_id = project_id;
  self->owner_id = owner_id;
  self->status = status;
  self->topic_id = topic_id;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gk_measure_filter_clear (GkMeasureFilter *self)
{
  gk_measure_filter_set (self, 0, 0, GK_MEASURE_FILTER_ANY_STATUS, 0);
}

gint64
gk_measure_filter_get_project_id (GkMeasureFilter *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_FILTER (self), 0);
  return self->project_id;
}

gint64
gk_measure_filter_get_owner_id (GkMeasureFilter *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_FILTER (self), 0);
  return self->owner_id;
}

int
gk_measure_filter_get_status (GkMeasureFilter *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_FILTER (self), GK_MEASURE_FILTER_ANY_STATUS);
  return self->status;
}

gint64
gk_measure_filter_get_topic_id (GkMeasureFilter *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_FILTER (self), 0);
  return self->topic_id;
}

gboolean
gk_measure_filter_is_active (GkMeasureFilter *self)
{
  g_return_val_if_fail (GK_IS_MEASURE_FILTER (self), FALSE);
  return self->project_id != 0 || self->owner_id != 0 || self->status != GK_MEASURE_FILTER_ANY_STATUS ||
         self->topic_id != 0;
}

gboolean
gk_measure_filter_matches (GkMeasureFilter *self,
                           GkMeasure       *measure)
{
  g_return_val_if_fail (GK_IS_MEASURE_FILTER (self), TRUE);

  if (self->project_id != 0 && gk_measure_get_project_id (measure) != self->project_id)
    return FALSE;
  if (self->owner_id != 0 && gk_measure_get_owner_id (measure) != self->owner_id)
    return FALSE;
  if (self->status != GK_MEASURE_FILTER_ANY_STATUS && (int) gk_measure_get_status (measure) != self->status)
    return FALSE;
  if (self->topic_id != 0)
    {
      GHashTable *aiming = topic_measures (self);
      gint64 id = gk_record_get_id (GK_RECORD (measure));

      if (aiming == NULL || !g_hash_table_contains (aiming, &id))
        return FALSE;
    }
  return TRUE;
}
