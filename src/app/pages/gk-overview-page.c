/* gk-overview-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-chart-view.h"
#include "gk-overview-page.h"
#include "gk-session-charts.h"

#define MAX_SIGNALS_SHOWN 12

struct _GkOverviewPage
{
  AdwBin         parent_instance;

  GkSession     *session;

  GkChartView   *headline_chart;
  GkChartView   *roadmap_chart;
  GkChartView   *progress_chart;
  GtkListBox    *signals_list;
  char          *shown_signals;   /* what the rows show: see signals_key() */
};

G_DEFINE_FINAL_TYPE (GkOverviewPage, gk_overview_page, ADW_TYPE_BIN)

static const char *
severity_icon (GkSeverity severity)
{
  switch (severity)
    {
    case GK_SEVERITY_CRITICAL:
      return "dialog-error-symbolic";
    case GK_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case GK_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The list shown: each shown signal and the count of the rest. Most edits
 * change no signal; rebuilding the rows then was a third of an edit's
 * refresh of the overview (the rows, and measuring them again). */
static char *
signals_key (GPtrArray *signals)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < MIN (signals->len, MAX_SIGNALS_SHOWN); i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);

      g_string_append_printf (key, "%d %s %" G_GINT64_FORMAT " %s\n", signal->severity,
                              signal->table != NULL ? signal->table : "", signal->row_id, signal->message);
    }
  g_string_append_printf (key, "%u", signals->len);
  return g_string_free (key, FALSE);
}

static void
show_signals (GkOverviewPage *self,
              GkAnalysis     *analysis)
{
  GPtrArray *signals = gk_analysis_get_signals (analysis);
  g_autofree char *key = signals_key (signals);

  if (g_strcmp0 (key, self->shown_signals) == 0)
    return;
  g_free (self->shown_signals);
  self->shown_signals = g_steal_pointer (&key);

  remove_all_rows (self->signals_list);
  if (signals->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing needs attention"));
      gtk_list_box_append (self->signals_list, row);
      return;
    }

  /* The most severe come first; a long tail is counted, not listed, so that
   * the overview stays readable (and quick) with hundreds of signals. */
  for (guint i = 0; i < MIN (signals->len, MAX_SIGNALS_SHOWN); i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (signal->severity));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gk_severity_label (signal->severity), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signal->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      /* A signal is a link to the row it is about. */
      if (signal->row_id != 0 && g_strcmp0 (signal->table, "programme") != 0)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "table", (gpointer) signal->table);
          g_object_set_data_full (G_OBJECT (row), "row-id", g_memdup2 (&signal->row_id, sizeof signal->row_id), g_free);
        }
      gtk_list_box_append (self->signals_list, row);
    }

  if (signals->len > MAX_SIGNALS_SHOWN)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more signal of lower severity",
                                                            "%u more signals of lower severity",
                                                            signals->len - MAX_SIGNALS_SHOWN),
                                               signals->len - MAX_SIGNALS_SHOWN);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->signals_list, row);
    }
}

static void
signal_activated_cb (GkOverviewPage *self,
                     GtkListBoxRow  *row)
{
  const char *table = g_object_get_data (G_OBJECT (row), "table");
  const gint64 *id = g_object_get_data (G_OBJECT (row), "row-id");

  if (table != NULL && id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", table, *id);
}

static void
chart_activated_cb (GkOverviewPage *self,
                    const char     *table,
                    gint64          id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", table, id);
}

static void
set_charts (GkOverviewPage *self,
            GkChartModel   *charts)
{
  gk_chart_view_set_model (self->headline_chart, charts);
  gk_chart_view_set_model (self->roadmap_chart, charts);
  gk_chart_view_set_model (self->progress_chart, charts);
  if (charts != NULL)
    show_signals (self, gk_chart_model_get_analysis (charts));
  else
    {
      remove_all_rows (self->signals_list);
      g_clear_pointer (&self->shown_signals, g_free);
    }
}

/* --- the session ----------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The charts carry the analysis they were drawn from: both change together. */
static void
session_charts_cb (GkOverviewPage *self)
{
  GkChartModel *charts = self->session != NULL
                         ? gk_session_charts_get_model (gk_session_charts_get (self->session)) : NULL;

  set_charts (self, charts);
}

void
gk_overview_page_set_session (GkOverviewPage *self,
                              GkSession      *session)
{
  g_return_if_fail (GK_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (gk_session_charts_get (self->session), self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (gk_session_charts_get (session), "notify::model", G_CALLBACK (session_charts_cb), self,
                             G_CONNECT_SWAPPED);
  session_charts_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_overview_page_get_session (GkOverviewPage *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW_PAGE (self), NULL);

  return self->session;
}

static void
gk_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkOverviewPage *self = GK_OVERVIEW_PAGE (object);

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
gk_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkOverviewPage *self = GK_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_overview_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction ----------------------------------------------------------------- */

static void
gk_overview_page_dispose (GObject *object)
{
  GkOverviewPage *self = GK_OVERVIEW_PAGE (object);

  gk_overview_page_set_session (self, NULL);
  g_clear_pointer (&self->shown_signals, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (gk_overview_page_parent_class)->dispose (object);
}

static void
gk_overview_page_class_init (GkOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_overview_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_overview_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_overview_page_set_property;

  /**
   * GkOverviewPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, headline_chart);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, roadmap_chart);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, progress_chart);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, signals_list);
}

static void
gk_overview_page_init (GkOverviewPage *self)
{
  g_type_ensure (GK_TYPE_CHART_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->signals_list, "row-activated", G_CALLBACK (signal_activated_cb), self);
  g_signal_connect_swapped (self->roadmap_chart, "activated", G_CALLBACK (chart_activated_cb), self);
  g_signal_connect_swapped (self->progress_chart, "activated", G_CALLBACK (chart_activated_cb), self);
}

GtkWidget *
gk_overview_page_new (void)
{
  return g_object_new (GK_TYPE_OVERVIEW_PAGE, NULL);
}
