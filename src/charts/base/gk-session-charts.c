/* gk-session-charts.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-session-charts.h"

/* Two years of months fit a laptop screen and show the trend. */
#define ROADMAP_FREQUENCY GK_FREQUENCY_MONTHLY
#define ROADMAP_PERIODS   24

struct _GkSessionCharts
{
  GObject       parent_instance;

  GkSession    *session;   /* owns this object */
  GkChartModel *model;
};

G_DEFINE_FINAL_TYPE (GkSessionCharts, gk_session_charts, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
analysis_changed_cb (GkSessionCharts *self)
{
  GkAnalysis *analysis = gk_session_get_analysis (self->session);

  g_clear_object (&self->model);
  if (analysis != NULL)
    self->model = gk_chart_model_new (gk_session_get_document (self->session), analysis,
                                      ROADMAP_FREQUENCY, ROADMAP_PERIODS);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
gk_session_charts_finalize (GObject *object)
{
  GkSessionCharts *self = GK_SESSION_CHARTS (object);

  g_clear_object (&self->model);

  G_OBJECT_CLASS (gk_session_charts_parent_class)->finalize (object);
}

static void
gk_session_charts_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkSessionCharts *self = GK_SESSION_CHARTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_session_charts_class_init (GkSessionChartsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_session_charts_finalize;
  object_class->get_property = gk_session_charts_get_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GK_TYPE_CHART_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_session_charts_init (GkSessionCharts *self)
{
}

GkSessionCharts *
gk_session_charts_get (GkSession *session)
{
  GQuark quark = g_quark_from_static_string ("gk-session-charts");
  GkSessionCharts *self;

  g_return_val_if_fail (GK_IS_SESSION (session), NULL);

  self = g_object_get_qdata (G_OBJECT (session), quark);
  if (self != NULL)
    return self;

  self = g_object_new (GK_TYPE_SESSION_CHARTS, NULL);
  self->session = session;
  /* The session's signals die with it, before its data (this object). */
  g_signal_connect_swapped (session, "notify::analysis", G_CALLBACK (analysis_changed_cb), self);
  g_object_set_qdata_full (G_OBJECT (session), quark, self, g_object_unref);
  if (gk_session_get_analysis (session) != NULL)
    analysis_changed_cb (self);
  return self;
}

GkChartModel *
gk_session_charts_get_model (GkSessionCharts *self)
{
  g_return_val_if_fail (GK_IS_SESSION_CHARTS (self), NULL);

  return self->model;
}
