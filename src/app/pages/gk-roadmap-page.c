/* gk-roadmap-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the topics beside the one chosen: its levels (assessed,
 * signalled, target), what each level looks like for it, its challenges
 * the measures with a target on it (each a link to the Measures page) and
 * its assessments, newest first. The list follows the document's topic
 * model; the levels follow the session's analysis, renewed after every
 * change. The chosen topic is remembered by id, so that it stays
 * chosen when topics move, and a neighbour is chosen when it is removed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-assessment-dialog.h"
#include "gk-edit-actions.h"
#include "gk-chart-view.h"
#include "gk-date.h"
#include "gk-form.h"
#include "gk-level-badge.h"
#include "gk-owner-load.h"
#include "gk-roadmap-page.h"
#include "gk-session-charts.h"
#include "gk-tooltip.h"
#include "gk-topic-dialog.h"

struct _GkRoadmapPage
{
  AdwBin              parent_instance;

  GkSession          *session;

  GkDocument         *document;
  GkAnalysis         *analysis;
  gint64              selected_id;
  guint               restore_source;   /* puts the selection back after the list changed */
  guint               restore_fallback;

  /* The chosen topic's assessments, newest first. */
  gint64              history_topic_id;   /* the topic the filter lets through */
  GtkCustomFilter    *history_filter;
  GtkSortListModel   *history_model;
  GtkSliceListModel  *history_slice;      /* the newest few, or all when asked */

  AdwLeaflet         *leaflet;
  GtkListBox         *topic_list;
  GtkStack           *detail_stack;
  GtkScrolledWindow  *detail_scroller;
  GkChartView        *roadmap_chart;
  GtkWidget          *back_button;
  GtkLabel           *name_label;
  GtkLabel           *owner_label;
  GtkLabel           *description_label;
  AdwActionRow       *current_row;
  GkLevelBadge       *current_badge;
  AdwActionRow       *signalled_row;
  GkLevelBadge       *signalled_badge;
  AdwActionRow       *target_row;
  GkLevelBadge       *target_badge;
  AdwActionRow       *divergence_row;
  AdwActionRow       *suggestion_row;
  GkLevelBadge       *suggested_badge;
  AdwActionRow       *serious_row;
  AdwActionRow       *vigilant_row;
  AdwActionRow       *in_control_row;
  AdwActionRow       *challenges_row;
  GtkListBox         *measures_list;
  GtkListBox         *history_list;
  GtkButton          *show_all_button;
  GtkButton          *measures_show_all_button;

  gboolean            measures_stale;     /* rebuild the measures when shown */
  gboolean            measures_show_all;  /* asked for every measure of the topic */
  gint64              measures_topic_id;  /* the topic they were asked for */
};

/* Monthly assessments make a long history: the newest year is shown at
 * once, the rest on request (a row per assessment costs time to build). */
#define HISTORY_SHOWN 12

/* Likewise the measures of a topic: the open ones with the nearest targets
 * come first, and a dozen tell where the topic stands. */
#define MEASURES_SHOWN 12

G_DEFINE_FINAL_TYPE (GkRoadmapPage, gk_roadmap_page, ADW_TYPE_BIN)

#define ROW_BADGE_KEY   "gk-roadmap-badge"
#define ROW_WARNING_KEY "gk-roadmap-warning"

static void show_detail (GkRoadmapPage *self);

/* --- helpers ----------------------------------------------------------------- */

static GListModel *
topics_model (GkRoadmapPage *self)
{
  return self->document != NULL ? gk_document_get_topics (self->document) : NULL;
}

static GkTopic *
selected_topic (GkRoadmapPage *self)
{
  if (self->document == NULL || self->selected_id == 0)
    return NULL;
  return gk_document_lookup_topic (self->document, self->selected_id);
}

/* The place of the topic with @topic_id in the list, or -1. */
static int
topic_index (GkRoadmapPage *self,
             gint64         topic_id)
{
  GListModel *topics = topics_model (self);

  if (topics == NULL)
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, i);

      if (gk_record_get_id (GK_RECORD (topic)) == topic_id)
        return (int) i;
    }
  return -1;
}

static const GkTopicGrip *
topic_grip (GkRoadmapPage *self,
            gint64         topic_id)
{
  return self->analysis != NULL ? gk_analysis_lookup_topic (self->analysis, topic_id) : NULL;
}

static char *
display_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    return NULL;
  return gk_date_format_display (&date);
}

static const char *
person_name (GkRoadmapPage *self,
             gint64         person_id)
{
  GkPerson *person = person_id != 0 ? gk_document_lookup_person (self->document, person_id) : NULL;

  return person != NULL ? gk_person_get_name (person) : NULL;
}

static GtkWindow *
parent_window (GkRoadmapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast_error (GkRoadmapPage *self,
             const GError  *error)
{
  gk_form_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* --- actions' state ---------------------------------------------------------- */

static void
update_actions (GkRoadmapPage *self)
{
  GkTopic *topic = selected_topic (self);
  GListModel *topics = topics_model (self);
  int index = topic != NULL ? topic_index (self, self->selected_id) : -1;
  guint n = topics != NULL ? g_list_model_get_n_items (topics) : 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gk_edit_action_set_enabled (widget, self->document, "roadmap.add-topic", self->document != NULL);
  gk_edit_action_set_enabled (widget, self->document, "roadmap.edit-topic", topic != NULL);
  gk_edit_action_set_enabled (widget, self->document, "roadmap.record-assessment", topic != NULL);
  gk_edit_action_set_enabled (widget, self->document, "roadmap.remove-topic", topic != NULL);
  gk_edit_action_set_enabled (widget, self->document, "roadmap.move-up", index > 0);
  gk_edit_action_set_enabled (widget, self->document, "roadmap.move-down", index >= 0 && (guint) index + 1 < n);
  gk_edit_action_set_enabled (widget, self->document, "roadmap.follow-suggestion", topic != NULL && gtk_widget_get_visible (GTK_WIDGET (self->suggestion_row)));
  gk_edit_action_set_enabled (widget, self->document, "roadmap.remove-assessment", self->document != NULL);
}

/* --- the topic list ---------------------------------------------------------- */

static void
update_topic_row (GkRoadmapPage *self,
                  GtkListBoxRow *row)
{
  GListModel *topics = topics_model (self);
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(GkTopic) topic = NULL;
  const GkTopicGrip *grip;

  if (topics == NULL || index < 0 || (guint) index >= g_list_model_get_n_items (topics))
    return;
  topic = g_list_model_get_item (topics, index);
  grip = topic_grip (self, gk_record_get_id (GK_RECORD (topic)));
  gk_level_badge_set_level (g_object_get_data (G_OBJECT (row), ROW_BADGE_KEY),
                            grip != NULL ? grip->assessed : GK_LEVEL_NONE);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), ROW_WARNING_KEY),
                          grip != NULL && grip->diverges);
}

static GtkWidget *
create_topic_row (gpointer item,
                  gpointer user_data)
{
  GkRoadmapPage *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *badge = gk_level_badge_new (GK_LEVEL_NONE);
  const GkTopicGrip *grip = topic_grip (self, gk_record_get_id (GK_RECORD (item)));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Long names wrap instead of widening the list. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_bind_property (item, "name", label, "label", G_BINDING_SYNC_CREATE);

  gtk_widget_add_css_class (warning, "warning");
  gtk_widget_set_tooltip_text (warning, _("The signal and the assessment differ"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The signal and the assessment differ"), -1);
  gtk_widget_set_visible (warning, grip != NULL && grip->diverges);
  gk_level_badge_set_level (GK_LEVEL_BADGE (badge), grip != NULL ? grip->assessed : GK_LEVEL_NONE);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), warning);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), ROW_BADGE_KEY, badge);
  g_object_set_data (G_OBJECT (row), ROW_WARNING_KEY, warning);
  return row;
}

static void
update_topic_rows (GkRoadmapPage *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->topic_list, i)) != NULL; i++)
    update_topic_row (self, row);
}

/* Keeps the chosen topic chosen after the list changed, or chooses the one
 * now at @fallback (the place of a removed topic). */
static void
restore_selection (GkRoadmapPage *self,
                   guint          fallback)
{
  GListModel *topics = topics_model (self);
  guint n = topics != NULL ? g_list_model_get_n_items (topics) : 0;
  int index = topic_index (self, self->selected_id);
  GtkListBoxRow *row;

  if (index < 0 && n > 0)
    index = (int) MIN (fallback, n - 1);
  if (index < 0)
    {
      self->selected_id = 0;
      show_detail (self);
      return;
    }

  row = gtk_list_box_get_row_at_index (self->topic_list, index);
  if (gtk_list_box_get_selected_row (self->topic_list) != row)
    gtk_list_box_select_row (self->topic_list, row);
  else
    show_detail (self);
}

static gboolean
restore_selection_idle (gpointer data)
{
  GkRoadmapPage *self = data;

  self->restore_source = 0;
  restore_selection (self, self->restore_fallback);
  return G_SOURCE_REMOVE;
}

/* A move arrives as a removal and an insertion: the selection is put back
 * once the list has settled, before it is drawn. */
static void
topics_changed_cb (GkRoadmapPage *self,
                   guint          position,
                   guint          removed,
                   guint          added)
{
  if (self->restore_source == 0)
    {
      self->restore_fallback = position;
      self->restore_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, restore_selection_idle, self, NULL);
    }
  else
    self->restore_fallback = MIN (self->restore_fallback, position);
}

static void
topic_selected_cb (GkRoadmapPage *self,
                   GtkListBoxRow *row)
{
  GListModel *topics = topics_model (self);
  g_autoptr(GkTopic) topic = NULL;
  int index;

  /* Rows go away while the list follows the model: the selection is put
   * back afterwards, in topics_changed_cb(). */
  if (row == NULL || topics == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= g_list_model_get_n_items (topics))
    return;

  topic = g_list_model_get_item (topics, index);
  if (self->selected_id != gk_record_get_id (GK_RECORD (topic)))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  self->selected_id = gk_record_get_id (GK_RECORD (topic));
  show_detail (self);
}

/* On a narrow window the list and the topic take turns. */
static void
topic_activated_cb (GkRoadmapPage *self,
                    GtkListBoxRow *row)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
folded_changed_cb (GkRoadmapPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

/* --- the chosen topic ---------------------------------------------------------- */

static void
set_text_or_placeholder (AdwActionRow *row,
                         const char   *text,
                         const char   *placeholder)
{
  gboolean empty = text == NULL || *text == '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), empty ? placeholder : text);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "dim-label");
}

/* The names of the topic's indicators whose signal is @level (the most
 * serious one, which sets the topic's signal), or NULL: why it diverges. */
static char *
signalling_indicators (GkRoadmapPage *self,
                       gint64         topic_id,
                       GkLevel        level)
{
  GListModel *links = gk_document_get_indicator_topics (self->document);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkIndicatorTopic) link = g_list_model_get_item (links, i);
      const GkIndicatorGrip *grip;

      if (gk_indicator_topic_get_topic_id (link) != topic_id)
        continue;
      grip = gk_analysis_lookup_indicator (self->analysis, gk_indicator_topic_get_indicator_id (link));
      if (grip == NULL || grip->signalled != level)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, gk_indicator_get_name (grip->indicator));
    }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static void
show_grip (GkRoadmapPage *self,
           GkTopic       *topic)
{
  const GkTopicGrip *grip = topic_grip (self, gk_record_get_id (GK_RECORD (topic)));
  GkLevel assessed = grip != NULL ? grip->assessed : GK_LEVEL_NONE;
  GkLevel signalled = grip != NULL ? grip->signalled : GK_LEVEL_NONE;
  gboolean suggests = grip != NULL && grip->suggested != GK_LEVEL_NONE && grip->suggested != assessed;

  gk_level_badge_set_level (self->current_badge, assessed);
  if (grip != NULL && g_date_valid (&grip->assessed_on))
    {
      g_autofree char *date = gk_date_format_display (&grip->assessed_on);
      /* Translators: %s is a date */
      g_autofree char *subtitle = g_strdup_printf (_("The latest assessment, of %s"), date);

      adw_action_row_set_subtitle (self->current_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->current_row, _("No assessment yet"));

  gtk_widget_set_visible (GTK_WIDGET (self->signalled_badge), signalled != GK_LEVEL_NONE);
  gk_level_badge_set_level (self->signalled_badge, signalled);
  adw_action_row_set_subtitle (self->signalled_row,
                               signalled != GK_LEVEL_NONE
                               ? _("The most serious signal of the indicators of this topic")
                               : _("No indicator gives a signal for this topic"));

  gtk_widget_set_visible (GTK_WIDGET (self->divergence_row), grip != NULL && grip->diverges);
  if (grip != NULL && grip->diverges)
    {
      /* Translators: the first %s is the signalled level, the second the assessed level */
      g_autofree char *text = g_strdup_printf (_("The indicators signal %s, the team assessed %s. "
                                                 "Look again at the assessment or at the indicators."),
                                               gk_level_label (signalled), gk_level_label (assessed));
      g_autofree char *names = signalling_indicators (self, gk_record_get_id (GK_RECORD (topic)), signalled);

      if (names != NULL)
        {
          /* Translators: %s is a list of indicator names, separated by commas */
          g_autofree char *why = g_strdup_printf (_("Signalled by: %s."), names);
          g_autofree char *full = g_strdup_printf ("%s\n%s", text, why);

          adw_action_row_set_subtitle (self->divergence_row, full);
        }
      else
        adw_action_row_set_subtitle (self->divergence_row, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_row), suggests);
  if (suggests)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggestion_row), _("Suggested level"));
      gk_level_badge_set_level (self->suggested_badge, grip->suggested);
      adw_action_row_set_subtitle (self->suggestion_row,
                                   grip->suggested > assessed
                                   ? _("The signal has been better for two periods in a row.")
                                   : _("The signal got worse."));
    }
}

static void
show_target (GkRoadmapPage *self,
             GkTopic       *topic)
{
  GkLevel level = gk_topic_get_target_level (topic);
  g_autofree char *date = display_date (gk_topic_get_target_date (topic));
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->target_badge), level != GK_LEVEL_NONE);
  gk_level_badge_set_level (self->target_badge, level);
  if (level == GK_LEVEL_NONE)
    subtitle = g_strdup (_("No target level set"));
  else if (date != NULL)
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("To be reached by %s"), date);
  else
    subtitle = g_strdup (_("No target date set"));
  adw_action_row_set_subtitle (self->target_row, subtitle);
}

/* --- the measures for the chosen topic ------------------------------------------- */

#define MEASURE_ID_KEY "gk-roadmap-measure-id"

typedef struct {
  GkMeasure       *measure;
  GkMeasureTarget *target;
} TopicMeasure;

static gboolean
measure_is_open (GkMeasure *measure)
{
  GkMeasureStatus status = gk_measure_get_status (measure);

  return status != GK_MEASURE_STATUS_DONE && status != GK_MEASURE_STATUS_DROPPED;
}

/* What still has to be done first, soonest target first, then by title. */
static int
compare_topic_measures (gconstpointer a,
                        gconstpointer b)
{
  const TopicMeasure *left = a;
  const TopicMeasure *right = b;
  const char *left_date = gk_measure_target_get_target_date (left->target);
  const char *right_date = gk_measure_target_get_target_date (right->target);

  if (measure_is_open (left->measure) != measure_is_open (right->measure))
    return measure_is_open (left->measure) ? -1 : 1;
  if ((left_date == NULL) != (right_date == NULL))
    return left_date == NULL ? 1 : -1;
  if (g_strcmp0 (left_date, right_date) != 0)
    return g_strcmp0 (left_date, right_date);
  return g_utf8_collate (gk_measure_get_title (left->measure), gk_measure_get_title (right->measure));
}

static GtkWidget *
topic_measure_row_new (GkRoadmapPage      *self,
                       const TopicMeasure *item,
                       const GDate        *today)
{
  GkMeasure *measure = item->measure;
  gint64 id = gk_record_get_id (GK_RECORD (measure));
  GkFocusProject *project = gk_document_lookup_focus_project (self->document, gk_measure_get_project_id (measure));
  GkLevel level = gk_measure_target_get_target_level (item->target);
  g_autofree char *date = display_date (gk_measure_target_get_target_date (item->target));
  g_autofree char *name = g_strdup_printf ("topic-measure-%" G_GINT64_FORMAT, id);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) description = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_measure_get_title (measure));
  /* Which focus project carries it, how far it is and by when its target
   * must be reached: in the subtitle, which wraps on a narrow window. */
  if (project != NULL)
    g_string_append_printf (subtitle, "%s · ", gk_focus_project_get_name (project));
  g_string_append (subtitle, gk_measure_status_label (gk_measure_get_status (measure)));
  if (date != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s is a date, by which a measure's target must be reached */
      g_string_append_printf (subtitle, _("target by %s"), date);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  description = g_string_new (subtitle->str);

  if (gk_owner_load_measure_is_overdue (measure, today))
    {
      GtkWidget *pill = gtk_label_new (_("Overdue"));

      gtk_widget_set_name (pill, "overdue");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pill, "load-pill");
      gtk_widget_add_css_class (pill, "overdue");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
      g_string_append_printf (description, " · %s", _("Overdue"));
    }

  if (level != GK_LEVEL_NONE)
    {
      GtkWidget *badge = gk_level_badge_new (level);
      /* Translators: %s is a grip level, the level a measure must help its topic reach */
      g_autofree char *target = g_strdup_printf (_("Target: %s"), gk_level_label (level));

      gtk_widget_set_name (badge, "measure-target-level");
      gk_widget_set_tooltip_lazily (badge, target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      g_string_append_printf (description, " · %s", target);
    }

  /* A link to the measure on the Measures page. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  g_object_set_data_full (G_OBJECT (row), MEASURE_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  return row;
}

/* Rebuilt with the rest of the detail after a change, but only while the
 * page is on screen: a topic of the large programme has some seventy
 * measures, and every edit elsewhere renews the analysis. */
static void
show_measures (GkRoadmapPage *self,
               GkTopic       *topic)
{
  GListModel *targets = gk_document_get_measure_targets (self->document);
  gint64 topic_id = gk_record_get_id (GK_RECORD (topic));
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TopicMeasure));
  g_autofree char *label = NULL;
  GtkListBoxRow *row;
  guint shown;
  GDate today;

  self->measures_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->measures_stale)
    return;
  if (self->measures_topic_id != topic_id)
    {
      self->measures_topic_id = topic_id;
      self->measures_show_all = FALSE;
    }
  while ((row = gtk_list_box_get_row_at_index (self->measures_list, 0)) != NULL)
    gtk_list_box_remove (self->measures_list, GTK_WIDGET (row));

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);
      TopicMeasure item = { NULL, target };

      if (gk_measure_target_get_topic_id (target) != topic_id)
        continue;
      item.measure = gk_document_lookup_measure (self->document, gk_measure_target_get_measure_id (target));
      if (item.measure != NULL)
        g_array_append_val (items, item);  /* the document's lists keep both alive */
    }
  g_array_sort (items, compare_topic_measures);

  if (self->analysis != NULL)
    today = *gk_analysis_get_today (self->analysis);
  else
    today = gk_clock_get_today (gk_document_get_clock (self->document));
  shown = self->measures_show_all ? items->len : MIN (items->len, MEASURES_SHOWN);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->measures_list,
                         topic_measure_row_new (self, &g_array_index (items, TopicMeasure, i), &today));

  gtk_widget_set_visible (GTK_WIDGET (self->measures_show_all_button), shown < items->len);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Measures", "Show All %u Measures",
                                        items->len), items->len);
  gtk_button_set_label (self->measures_show_all_button, label);
}

static void
measures_show_all_clicked_cb (GkRoadmapPage *self)
{
  GkTopic *topic = selected_topic (self);

  self->measures_show_all = TRUE;
  if (topic != NULL)
    show_measures (self, topic);
}

static void
measure_activated_cb (GkRoadmapPage *self,
                      GtkListBoxRow *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), MEASURE_ID_KEY);

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "measure", *id);
}

static void
show_detail (GkRoadmapPage *self)
{
  GkTopic *topic = selected_topic (self);
  const char *owner;
  const char *description;

  if (topic == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "topic");

  gtk_label_set_text (self->name_label, gk_topic_get_name (topic));
  owner = person_name (self, gk_topic_get_owner_id (topic));
  if (owner != NULL)
    {
      /* Translators: %s is a person's name */
      g_autofree char *text = g_strdup_printf (_("Owner: %s"), owner);

      gtk_label_set_text (self->owner_label, text);
    }
  else
    gtk_label_set_text (self->owner_label, _("No owner"));
  description = gk_topic_get_description (topic);
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), *description != '\0');

  show_grip (self, topic);
  show_target (self, topic);
  show_measures (self, topic);
  set_text_or_placeholder (self->serious_row, gk_topic_get_descriptor_serious (topic), _("Not described yet"));
  set_text_or_placeholder (self->vigilant_row, gk_topic_get_descriptor_vigilant (topic), _("Not described yet"));
  set_text_or_placeholder (self->in_control_row, gk_topic_get_descriptor_in_control (topic), _("Not described yet"));
  set_text_or_placeholder (self->challenges_row, gk_topic_get_challenges (topic), _("No challenges written down yet"));

  /* Filtering again rebuilds every row of the history: only when another
   * topic is shown. Assessments added or removed arrive by themselves. */
  if (self->history_topic_id != self->selected_id)
    {
      self->history_topic_id = self->selected_id;
      gtk_slice_list_model_set_size (self->history_slice, HISTORY_SHOWN);
      gtk_filter_changed (GTK_FILTER (self->history_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  update_actions (self);
}

/* --- the assessment history ------------------------------------------------------ */

static void
update_show_all (GkRoadmapPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->history_model));
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button),
                          total > gtk_slice_list_model_get_size (self->history_slice));
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Assessments", "Show All %u Assessments",
                                        total), total);
  gtk_button_set_label (self->show_all_button, label);
}

static void
show_all_clicked_cb (GkRoadmapPage *self)
{
  gtk_slice_list_model_set_size (self->history_slice, G_MAXUINT);
  update_show_all (self);
}

static gboolean
history_filter_func (gpointer item,
                     gpointer user_data)
{
  GkRoadmapPage *self = user_data;

  return self->history_topic_id != 0 && gk_assessment_get_topic_id (item) == self->history_topic_id;
}

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GkAssessment *left = (GkAssessment *) a;
  GkAssessment *right = (GkAssessment *) b;
  int by_date = g_strcmp0 (gk_assessment_get_date (right), gk_assessment_get_date (left));
  gint64 left_id = gk_record_get_id (GK_RECORD (left));
  gint64 right_id = gk_record_get_id (GK_RECORD (right));

  if (by_date != 0)
    return by_date;
  /* Of one day, the one recorded last counts: it comes first. */
  return right_id < left_id ? -1 : right_id > left_id;
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  GkRoadmapPage *self = user_data;
  GkAssessment *assessment = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gk_level_badge_new (gk_assessment_get_level (assessment));
  GtkWidget *confidence = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = display_date (gk_assessment_get_date (assessment));
  const char *assessor = person_name (self, gk_assessment_get_assessed_by_id (assessment));
  g_autofree char *title = NULL;
  g_autofree char *confidence_text = NULL;
  g_autofree char *confidence_long = NULL;
  int level_of_confidence = gk_assessment_get_confidence (assessment);

  if (assessor != NULL)
    /* Translators: a date and the name of the person who assessed */
    title = g_strdup_printf (_("%s, by %s"), date != NULL ? date : "", assessor);
  else
    title = g_strdup (date != NULL ? date : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gk_assessment_get_rationale (assessment));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_size_request (badge, 96, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  /* Translators: confidence of an assessment, on a scale of 0 to 10 */
  confidence_text = g_strdup_printf (_("%d/10"), level_of_confidence);
  /* Translators: confidence of an assessment, on a scale of 0 to 10 */
  confidence_long = g_strdup_printf (_("Confidence %d of 10"), level_of_confidence);
  gtk_label_set_text (GTK_LABEL (confidence), confidence_text);
  gtk_widget_set_tooltip_text (confidence, confidence_long);
  gtk_accessible_update_property (GTK_ACCESSIBLE (confidence), GTK_ACCESSIBLE_PROPERTY_LABEL, confidence_long, -1);
  gtk_widget_add_css_class (confidence, "numeric");
  gtk_widget_add_css_class (confidence, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), confidence);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Assessment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Assessment"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "roadmap.remove-assessment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", gk_record_get_id (GK_RECORD (assessment)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* --- actions ----------------------------------------------------------------------- */

static void
record_assessment (GkRoadmapPage *self,
                   GkLevel        level)
{
  GkTopic *topic = selected_topic (self);
  GkAssessmentDialog *dialog;

  if (topic == NULL)
    return;
  dialog = gk_assessment_dialog_new (parent_window (self), self->document, topic, level);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_assessment_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  record_assessment (GK_ROADMAP_PAGE (widget), GK_LEVEL_NONE);
}

static void
follow_suggestion_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (widget);
  const GkTopicGrip *grip = topic_grip (self, self->selected_id);

  record_assessment (self, grip != NULL ? grip->suggested : GK_LEVEL_NONE);
}

static void
topic_saved_cb (GkRoadmapPage *self,
                gint64         topic_id)
{
  gk_roadmap_page_select_topic (self, topic_id);
}

static void
open_topic_dialog (GkRoadmapPage *self,
                   GkTopic       *topic)
{
  GkTopicDialog *dialog = gk_topic_dialog_new (parent_window (self), self->document, topic);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (topic_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_topic_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (widget);

  if (self->document != NULL)
    open_topic_dialog (self, NULL);
}

static void
edit_topic_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (widget);
  GkTopic *topic = selected_topic (self);

  if (topic != NULL)
    open_topic_dialog (self, topic);
}

static void
remove_topic_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (widget);
  g_autoptr(GkTopic) topic = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (selected_topic (self) == NULL)
    return;
  topic = g_object_ref (selected_topic (self));
  /* Translators: %s is the name of a topic */
  title = g_strdup_printf (_("Topic “%s” removed"), gk_topic_get_name (topic));
  if (!gk_document_delete (self->document, GK_RECORD (topic), &error))
    {
      toast_error (self, error);
      return;
    }
  gk_form_add_toast (widget, gk_form_undo_toast_new (title));
}

static void
move_selected (GkRoadmapPage *self,
               int            delta)
{
  GkTopic *topic = selected_topic (self);
  GListModel *topics = topics_model (self);
  int index = topic != NULL ? topic_index (self, self->selected_id) : -1;
  int target = index + delta;
  gboolean had_focus;
  g_autoptr(GError) error = NULL;

  if (index < 0 || target < 0 || (guint) target >= g_list_model_get_n_items (topics))
    return;

  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->topic_list)) != NULL;
  if (!gk_document_move (self->document, GK_RECORD (topic), target, &error))
    {
      toast_error (self, error);
      return;
    }
  g_clear_handle_id (&self->restore_source, g_source_remove);
  restore_selection (self, target);
  /* The row that had the focus was rebuilt: give it to the moved one. */
  if (had_focus && gtk_list_box_get_selected_row (self->topic_list) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->topic_list)));
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_selected (GK_ROADMAP_PAGE (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_selected (GK_ROADMAP_PAGE (widget), +1);
}

static void
remove_assessment_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (widget);
  GkRecord *assessment;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  if (self->document == NULL)
    return;
  assessment = gk_document_lookup (self->document, GK_TYPE_ASSESSMENT, g_variant_get_int64 (parameter));
  if (assessment == NULL)
    return;

  date = display_date (gk_assessment_get_date (GK_ASSESSMENT (assessment)));
  /* Translators: %s is a date */
  title = g_strdup_printf (_("Assessment of %s removed"), date != NULL ? date : "");
  g_object_ref (assessment);
  if (!gk_document_delete (self->document, assessment, &error))
    toast_error (self, error);
  else
    gk_form_add_toast (widget, gk_form_undo_toast_new (title));
  g_object_unref (assessment);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* --- public ---------------------------------------------------------------------- */

static void
unbind_document (GkRoadmapPage *self)
{
  g_clear_handle_id (&self->restore_source, g_source_remove);
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (gk_document_get_topics (self->document), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_list_box_bind_model (self->topic_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->history_slice);
  g_clear_object (&self->history_model);
  g_clear_object (&self->history_filter);
  g_clear_object (&self->document);
  self->selected_id = 0;
  self->history_topic_id = 0;
}

static void
set_document (GkRoadmapPage *self,
              GkDocument    *document)
{
  GtkFilterListModel *filtered;

  g_return_if_fail (GK_IS_ROADMAP_PAGE (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  unbind_document (self);
  g_clear_object (&self->analysis);
  if (document == NULL)
    {
      show_detail (self);
      return;
    }
  self->document = g_object_ref (document);

  self->history_filter = gtk_custom_filter_new (history_filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (gk_document_get_assessments (document)),
                                        g_object_ref (GTK_FILTER (self->history_filter)));
  self->history_model = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                                 GTK_SORTER (gtk_custom_sorter_new (newest_first, NULL, NULL)));
  self->history_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->history_model)),
                                                  0, HISTORY_SHOWN);
  g_signal_connect_swapped (self->history_model, "items-changed", G_CALLBACK (update_show_all), self);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history_slice),
                           create_history_row, self, NULL);

  gtk_list_box_bind_model (self->topic_list, gk_document_get_topics (document),
                           create_topic_row, self, NULL);
  /* After the list box's own handler, so that the rows exist. */
  g_signal_connect_swapped (gk_document_get_topics (document), "items-changed",
                            G_CALLBACK (topics_changed_cb), self);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (show_detail), self);

  restore_selection (self, 0);
}

static void
set_analysis (GkRoadmapPage *self,
              GkAnalysis    *analysis)
{
  g_return_if_fail (GK_IS_ROADMAP_PAGE (self));
  g_return_if_fail (analysis == NULL || GK_IS_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  update_topic_rows (self);
  show_detail (self);
}

GkTopic *
gk_roadmap_page_get_selected_topic (GkRoadmapPage *self)
{
  g_return_val_if_fail (GK_IS_ROADMAP_PAGE (self), NULL);

  return selected_topic (self);
}

gboolean
gk_roadmap_page_select_topic (GkRoadmapPage *self,
                              gint64         topic_id)
{
  int index;

  g_return_val_if_fail (GK_IS_ROADMAP_PAGE (self), FALSE);

  index = topic_index (self, topic_id);
  if (index < 0)
    return FALSE;
  gtk_list_box_select_row (self->topic_list, gtk_list_box_get_row_at_index (self->topic_list, index));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  return TRUE;
}

/* --- the session ----------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
session_document_cb (GkRoadmapPage *self)
{
  set_document (self, self->session != NULL ? gk_session_get_document (self->session) : NULL);
}

static void
session_analysis_cb (GkRoadmapPage *self)
{
  set_analysis (self, self->session != NULL ? gk_session_get_analysis (self->session) : NULL);
}

/* The roadmap itself heads the page, drawn from the session's charts. */
static void
session_charts_cb (GkRoadmapPage *self)
{
  gk_chart_view_set_model (self->roadmap_chart,
                           self->session != NULL
                           ? gk_session_charts_get_model (gk_session_charts_get (self->session)) : NULL);
}

/* A topic clicked in the roadmap is shown below it. */
static void
roadmap_chart_activated_cb (GkRoadmapPage *self,
                            const char    *table,
                            gint64         id)
{
  if (g_strcmp0 (table, "topic") == 0)
    gk_roadmap_page_select_topic (self, id);
}

void
gk_roadmap_page_set_session (GkRoadmapPage *self,
                             GkSession     *session)
{
  g_return_if_fail (GK_IS_ROADMAP_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (gk_session_charts_get (self->session), self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::analysis", G_CALLBACK (session_analysis_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gk_session_charts_get (session), "notify::model", G_CALLBACK (session_charts_cb), self,
                               G_CONNECT_SWAPPED);
    }
  session_document_cb (self);
  session_analysis_cb (self);
  session_charts_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_roadmap_page_get_session (GkRoadmapPage *self)
{
  g_return_val_if_fail (GK_IS_ROADMAP_PAGE (self), NULL);

  return self->session;
}

static void
gk_roadmap_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (object);

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
gk_roadmap_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_roadmap_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction ------------------------------------------------------------------ */

static void
gk_roadmap_page_dispose (GObject *object)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (object);

  gk_roadmap_page_set_session (self, NULL);
  unbind_document (self);
  g_clear_object (&self->analysis);
  /* The bin's child is a template child too: let the bin drop it first,
   * or the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_ROADMAP_PAGE);

  G_OBJECT_CLASS (gk_roadmap_page_parent_class)->dispose (object);
}

static void
gk_roadmap_page_map (GtkWidget *widget)
{
  GkRoadmapPage *self = GK_ROADMAP_PAGE (widget);
  GkTopic *topic;

  GTK_WIDGET_CLASS (gk_roadmap_page_parent_class)->map (widget);
  topic = selected_topic (self);
  if (self->measures_stale && topic != NULL)
    show_measures (self, topic);
}

static void
gk_roadmap_page_class_init (GkRoadmapPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_roadmap_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_roadmap_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_roadmap_page_set_property;

  /**
   * GkRoadmapPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  widget_class->map = gk_roadmap_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-roadmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, topic_list);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, roadmap_chart);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, current_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, current_badge);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, signalled_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, signalled_badge);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, target_badge);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, divergence_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, suggestion_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, suggested_badge);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, serious_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, vigilant_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, in_control_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, challenges_row);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, measures_list);
  gtk_widget_class_bind_template_callback (widget_class, measure_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, GkRoadmapPage, measures_show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, measures_show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "roadmap.add-topic", NULL, add_topic_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.edit-topic", NULL, edit_topic_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.remove-topic", NULL, remove_topic_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.record-assessment", NULL, record_assessment_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.follow-suggestion", NULL, follow_suggestion_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.remove-assessment", "x", remove_assessment_activated);
  gtk_widget_class_install_action (widget_class, "roadmap.back", NULL, back_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "roadmap.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "roadmap.move-down", NULL);
}

static void
gk_roadmap_page_init (GkRoadmapPage *self)
{
  GtkEventController *shortcuts;

  g_type_ensure (GK_TYPE_LEVEL_BADGE);
  g_type_ensure (GK_TYPE_CHART_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->roadmap_chart, "activated", G_CALLBACK (roadmap_chart_activated_cb), self);

  /* Delete removes the chosen topic, but only from the list: elsewhere
   * the key belongs to whatever has the focus. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("roadmap.remove-topic")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("roadmap.remove-topic")));
  gtk_widget_add_controller (GTK_WIDGET (self->topic_list), shortcuts);

  update_actions (self);
}

GtkWidget *
gk_roadmap_page_new (void)
{
  return g_object_new (GK_TYPE_ROADMAP_PAGE, NULL);
}
