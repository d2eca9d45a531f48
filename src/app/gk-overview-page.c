/* gk-overview-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-level-badge.h"
#include "gk-overview-page.h"

#define MAX_SIGNALS_SHOWN 12

struct _GkOverviewPage
{
  AdwBin         parent_instance;

  AdwActionRow  *headline_row;
  GkLevelBadge  *headline_badge;
  GtkLabel      *trend_label;
  GtkListBox    *signals_list;
  GtkListBox    *topics_list;
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

static void
show_headline (GkOverviewPage *self,
               GkAnalysis     *analysis)
{
  const GDate *latest = gk_analysis_get_latest_assessment_date (analysis);
  GkLevel headline = gk_analysis_get_headline (analysis);
  g_autofree char *subtitle = NULL;

  gk_level_badge_set_level (self->headline_badge, headline);
  /* The badge names the level; the row says which rule gave it. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->headline_row),
                                 gk_headline_rule_label (gk_analysis_get_headline_rule (analysis)));
  if (g_date_valid (latest))
    {
      g_autofree char *when = gk_date_format_display (latest);

      subtitle = g_strdup_printf (_("Latest assessment on %s"), when);
    }
  adw_action_row_set_subtitle (self->headline_row, subtitle != NULL ? subtitle : _("No topic has been assessed yet"));
  gtk_label_set_text (self->trend_label, gk_grip_trend_label (gk_analysis_get_trend (analysis)));
}

static void
show_signals (GkOverviewPage *self,
              GkAnalysis     *analysis)
{
  GPtrArray *signals = gk_analysis_get_signals (analysis);

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
show_topics (GkOverviewPage *self,
             GkAnalysis     *analysis)
{
  remove_all_rows (self->topics_list);
  for (guint i = 0; i < gk_analysis_get_n_topics (analysis); i++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (analysis, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_topic_get_name (grip->topic));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (grip->signalled != GK_LEVEL_NONE)
        subtitle = g_strdup_printf (grip->diverges ? _("Indicators signal %s: differs from the assessment")
                                                   : _("Indicators signal %s"),
                                    gk_level_label (grip->signalled));
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gk_level_badge_new (grip->assessed));
      gtk_list_box_append (self->topics_list, row);
    }
}

void
gk_overview_page_set_analysis (GkOverviewPage *self,
                               GkAnalysis     *analysis)
{
  g_return_if_fail (GK_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (GK_IS_ANALYSIS (analysis));

  show_headline (self, analysis);
  show_signals (self, analysis);
  show_topics (self, analysis);
}

static void
gk_overview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (gk_overview_page_parent_class)->dispose (object);
}

static void
gk_overview_page_class_init (GkOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_overview_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, headline_row);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, headline_badge);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, trend_label);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, signals_list);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, topics_list);
}

static void
gk_overview_page_init (GkOverviewPage *self)
{
  g_type_ensure (GK_TYPE_LEVEL_BADGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_overview_page_new (void)
{
  return g_object_new (GK_TYPE_OVERVIEW_PAGE, NULL);
}
