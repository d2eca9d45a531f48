/* gk-timeline-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Timeline page: the Gantt chart with zoom buttons (month, quarter,
 * year; Ctrl+scroll zooms freely) and a button back to today. The chart
 * follows the session's charts, so it shows every edit, undo included, and
 * opens a measure's editor on Enter or a double click. It shows the
 * measures that the filters of the Measures page let through, and says so.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-form.h"
#include "gk-measure-editor.h"
#include "gk-measure-filter.h"
#include "gk-session-charts.h"
#include "gk-timeline-page.h"

struct _GkTimelinePage
{
  AdwBin           parent_instance;

  GkSession       *session;

  GkTimelineView  *view;
  GtkToggleButton *month_button;
  GtkToggleButton *quarter_button;
  GtkToggleButton *year_button;
  GtkButton       *today_button;
  GtkWidget       *filter_bar;
  GtkLabel        *filter_label;
  GtkButton       *show_all_button;
  GkMeasureFilter *filter;         /* the session's, shared with the Measures page */
};

G_DEFINE_FINAL_TYPE (GkTimelinePage, gk_timeline_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
view_activated_cb (GkTimelinePage *self,
                   gint64          measure_id)
{
  GkDocument *document = self->session != NULL ? gk_session_get_document (self->session) : NULL;
  GkMeasure *measure = document != NULL ? gk_document_lookup_measure (document, measure_id) : NULL;
  GkMeasureEditor *editor;

  if (measure == NULL)
    return;
  editor = gk_measure_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), document, measure, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_failed_cb (GkTimelinePage *self,
                GError         *error)
{
  gk_form_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
zoom_toggled_cb (GkTimelinePage  *self,
                 GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->month_button)
    gk_timeline_view_set_day_width (self->view, GK_TIMELINE_ZOOM_MONTH);
  else if (button == self->year_button)
    gk_timeline_view_set_day_width (self->view, GK_TIMELINE_ZOOM_YEAR);
  else
    gk_timeline_view_set_day_width (self->view, GK_TIMELINE_ZOOM_QUARTER);
}

static gboolean
measure_shown (GkMeasure *measure,
               gpointer   user_data)
{
  GkTimelinePage *self = user_data;

  return self->filter == NULL || gk_measure_filter_matches (self->filter, measure);
}

static void
update_filter_bar (GkTimelinePage *self)
{
  GkChartModel *charts = gk_timeline_view_get_model (self->view);
  guint total = 0, shown = 0;
  g_autofree char *text = NULL;

  if (self->filter == NULL || charts == NULL || !gk_measure_filter_is_active (self->filter))
    {
      gtk_widget_set_visible (self->filter_bar, FALSE);
      return;
    }
  total = gk_chart_model_get_timeline (charts)->n_measures;
  for (guint m = 0; m < total; m++)
    shown += gk_measure_filter_matches (self->filter, gk_chart_model_get_timeline_measure (charts, m));
  /* Translators: above the timeline; "12 of 47 measures" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The filters of the Measures page apply: %u of %u measure",
                                       "The filters of the Measures page apply: %u of %u measures", total),
                          shown, total);
  gtk_label_set_text (self->filter_label, text);
  gtk_widget_set_visible (self->filter_bar, TRUE);
}

static void
filter_changed_cb (GkTimelinePage *self)
{
  gk_timeline_view_refilter (self->view);
  update_filter_bar (self);
}

static void
show_all_cb (GkTimelinePage *self)
{
  if (self->filter != NULL)
    gk_measure_filter_clear (self->filter);
}

static void
session_charts_cb (GkTimelinePage *self)
{
  GkChartModel *charts = self->session != NULL
                         ? gk_session_charts_get_model (gk_session_charts_get (self->session)) : NULL;

  gk_timeline_view_set_model (self->view, charts);
  update_filter_bar (self);
}

void
gk_timeline_page_set_session (GkTimelinePage *self,
                              GkSession      *session)
{
  g_return_if_fail (GK_IS_TIMELINE_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (gk_session_charts_get (self->session), self);
      g_signal_handlers_disconnect_by_data (self->filter, self);
      self->filter = NULL;
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (gk_session_charts_get (session), "notify::model", G_CALLBACK (session_charts_cb), self,
                               G_CONNECT_SWAPPED);
      self->filter = gk_measure_filter_get_for_session (session);
      g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
    }
  session_charts_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_timeline_page_get_session (GkTimelinePage *self)
{
  g_return_val_if_fail (GK_IS_TIMELINE_PAGE (self), NULL);
  return self->session;
}

GkTimelineView *
gk_timeline_page_get_view (GkTimelinePage *self)
{
  g_return_val_if_fail (GK_IS_TIMELINE_PAGE (self), NULL);
  return self->view;
}

static void
gk_timeline_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkTimelinePage *self = GK_TIMELINE_PAGE (object);

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
gk_timeline_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkTimelinePage *self = GK_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_timeline_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_timeline_page_dispose (GObject *object)
{
  GkTimelinePage *self = GK_TIMELINE_PAGE (object);

  gk_timeline_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_TIMELINE_PAGE);

  G_OBJECT_CLASS (gk_timeline_page_parent_class)->dispose (object);
}

static void
gk_timeline_page_class_init (GkTimelinePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_timeline_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_timeline_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_timeline_page_set_property;

  /**
   * GkTimelinePage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, month_button);
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, quarter_button);
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, year_button);
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, today_button);
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, GkTimelinePage, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_failed_cb);
}

static void
gk_timeline_page_init (GkTimelinePage *self)
{
  g_type_ensure (GK_TYPE_TIMELINE_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->month_button, "toggled", G_CALLBACK (zoom_toggled_cb), self);
  g_signal_connect_swapped (self->quarter_button, "toggled", G_CALLBACK (zoom_toggled_cb), self);
  g_signal_connect_swapped (self->year_button, "toggled", G_CALLBACK (zoom_toggled_cb), self);
  g_signal_connect_swapped (self->today_button, "clicked", G_CALLBACK (gk_timeline_view_scroll_to_today), self->view);
  g_signal_connect_swapped (self->show_all_button, "clicked", G_CALLBACK (show_all_cb), self);
  gk_timeline_view_set_filter (self->view, measure_shown, self);
}

GtkWidget *
gk_timeline_page_new (void)
{
  return g_object_new (GK_TYPE_TIMELINE_PAGE, NULL);
}
