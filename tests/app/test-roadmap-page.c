/* test-roadmap-page.c: the roadmap page driven through its widgets and actions
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-assessment-dialog.h"
#include "gk-chart-view.h"
#include "gk-command-line.h"
#include "gk-date.h"
#include "gk-level-badge.h"
#include "gk-measures-page.h"
#include "gk-roadmap-page.h"
#include "gk-session-charts.h"
#include "gk-topic-dialog.h"
#include "gk-window.h"

#include "page-test-helpers.h"

/* --- helpers ------------------------------------------------------------------ */

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static char *
today_iso (void)
{
  GDate today = test_today ();

  return gk_date_to_iso (&today);
}

/* @text says "Signalled by:" and names an indicator of the topic. */
static void
assert_names_an_indicator (GkDocument *document,
                           gint64      topic_id,
                           const char *text)
{
  GListModel *links = gk_document_get_indicator_topics (document);
  const char *why = strstr (text, "Signalled by: ");

  g_assert_nonnull (why);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkIndicatorTopic) link = g_list_model_get_item (links, i);
      GkIndicator *indicator = gk_document_lookup_indicator (document, gk_indicator_topic_get_indicator_id (link));

      if (gk_indicator_topic_get_topic_id (link) == topic_id && strstr (why, gk_indicator_get_name (indicator)) != NULL)
        return;
    }
  g_error ("“%s” names no indicator of the topic", why);
}

/* A window with the demo, judged on today as the app does, on the roadmap. */
static GkWindow *
open_demo_on_roadmap (const char     *name,
                      GkRoadmapPage **out_page)
{
  GtkWidget *page;
  GkWindow *window = open_demo_today_on_page (name, "roadmap", 1280, 800, &page);

  *out_page = GK_ROADMAP_PAGE (page);
  return window;
}

static int
topic_index_named (GkDocument *document,
                   const char *name)
{
  GListModel *topics = gk_document_get_topics (document);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, i);

      if (g_str_equal (gk_topic_get_name (topic), name))
        return (int) i;
    }
  return -1;
}

static void
select_topic_row (GkRoadmapPage *page,
                  int            index)
{
  GtkListBox *list = GTK_LIST_BOX (require_named (GTK_WIDGET (page), "topic-list"));

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
  drain ();
}

static guint
n_assessments_of (GkDocument *document,
                  gint64      topic_id)
{
  GListModel *assessments = gk_document_get_assessments (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GkAssessment) a = g_list_model_get_item (assessments, i);

      n += gk_assessment_get_topic_id (a) == topic_id;
    }
  return n;
}

static GkLevel
badge_level (GkRoadmapPage *page,
             const char    *name)
{
  return gk_level_badge_get_level (GK_LEVEL_BADGE (require_named (GTK_WIDGET (page), name)));
}

static const char *
row_title (GtkListBoxRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* --- tests ----------------------------------------------------------------------- */

static void
test_shows_topics_levels_and_history (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("overzicht.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GtkWidget *list = require_named (GTK_WIDGET (page), "topic-list");
  GtkWidget *history = require_named (GTK_WIDGET (page), "history");
  int toegang = topic_index_named (document, "Toegang");
  GkTopic *topic;
  g_autofree char *latest = NULL;
  g_autofree char *latest_display = NULL;
  GListModel *assessments = gk_document_get_assessments (document);
  GDate date;

  g_assert_cmpstr (gk_window_get_page_name (window), ==, "programme");
  g_assert_cmpuint (n_rows (list), ==, 9);
  /* The first topic is shown at once. */
  g_assert_nonnull (gk_roadmap_page_get_selected_topic (page));

  select_topic_row (page, toegang);
  topic = gk_roadmap_page_get_selected_topic (page);
  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Toegang");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "topic-name"))), ==, "Toegang");
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_SERIOUS);
  g_assert_cmpint (badge_level (page, "signalled-level"), ==, GK_LEVEL_SERIOUS);
  g_assert_true (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "signalled-level")));
  g_assert_cmpint (badge_level (page, "target-level"), ==, GK_LEVEL_IN_CONTROL);
  /* They agree: no divergence note. */
  g_assert_false (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "divergence")));

  /* Its history, newest first: the newest year at once, all on request. */
  g_assert_cmpuint (n_assessments_of (document, gk_record_get_id (GK_RECORD (topic))), >, 12);
  g_assert_cmpuint (n_rows (history), ==, 12);
  g_assert_true (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "show-all-assessments")));
  click (require_named (GTK_WIDGET (page), "show-all-assessments"));
  g_assert_cmpuint (n_rows (history), ==, n_assessments_of (document, gk_record_get_id (GK_RECORD (topic))));
  g_assert_false (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "show-all-assessments")));
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GkAssessment) a = g_list_model_get_item (assessments, i);

      if (gk_assessment_get_topic_id (a) == gk_record_get_id (GK_RECORD (topic)) &&
          g_strcmp0 (gk_assessment_get_date (a), latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (gk_assessment_get_date (a));
        }
    }
  g_assert_true (gk_date_parse_iso (latest, &date));
  latest_display = gk_date_format_display (&date);
  g_assert_true (g_str_has_prefix (row_title (gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 0)),
                                   latest_display));

  destroy_windows_unsaved ();
}

static void
test_record_assessment (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("meting.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GListModel *assessments = gk_document_get_assessments (document);
  guint before = g_list_model_get_n_items (assessments);
  GtkWidget *dialog;
  GtkWidget *history = require_named (GTK_WIDGET (page), "history");
  g_autofree char *today = today_iso ();
  g_autoptr(GkAssessment) recorded = NULL;
  gint64 topic_id;

  select_topic_row (page, topic_index_named (document, "Toegang"));
  topic_id = gk_record_get_id (GK_RECORD (gk_roadmap_page_get_selected_topic (page)));
  click (require_named (GTK_WIDGET (page), "record-assessment"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));
  g_assert_nonnull (dialog);

  /* Without a rationale nothing is written, and the dialog says why where
   * the rationale goes. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_named (dialog, "level-in-control")), TRUE);
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before);
  g_assert_true (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (error_shown (dialog, "rationale-error"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (require_named (dialog, "rationale")), "error"));
  g_assert_false (gtk_widget_get_visible (require_named (dialog, "details-error")));

  /* An impossible date is refused next to the date. */
  set_text_view (require_named (dialog, "rationale"), "De wachttijd is terug binnen de norm.");
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "date")), "31-02-2026");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before);
  g_assert_true (error_shown (dialog, "details-error"));
  g_assert_true (gtk_widget_has_css_class (require_named (dialog, "date"), "error"));
  g_assert_false (gtk_widget_get_visible (require_named (dialog, "rationale-error")));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (require_named (dialog, "rationale")), "error"));

  /* Today, confidence 8: recorded, and the dialog closes. */
  {
    GDate date;
    g_autofree char *typed = NULL;

    g_assert_true (gk_date_parse_iso (today, &date));
    typed = g_strdup_printf ("%u-%u-%u", g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
    gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "date")), typed);
  }
  gtk_range_set_value (GTK_RANGE (require_named (dialog, "confidence")), 8);
  click (require_named (dialog, "save"));
  g_assert_null (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before + 1);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GkAssessment) a = g_list_model_get_item (assessments, i);

      if (gk_record_get_version (GK_RECORD (a)) == 1 && gk_assessment_get_topic_id (a) == topic_id &&
          g_strcmp0 (gk_assessment_get_date (a), today) == 0)
        g_set_object (&recorded, a);
    }
  g_assert_nonnull (recorded);
  g_assert_cmpint (gk_assessment_get_level (recorded), ==, GK_LEVEL_IN_CONTROL);
  g_assert_cmpstr (gk_assessment_get_rationale (recorded), ==, "De wachttijd is terug binnen de norm.");
  g_assert_cmpint (gk_assessment_get_confidence (recorded), ==, 8);
  /* Recorded by the programme lead unless the user is on the team. */
  g_assert_cmpint (gk_assessment_get_assessed_by_id (recorded), ==,
                   gk_programme_get_lead_id (gk_document_get_programme (document)));

  /* The topic's current level follows; the figures still say Serious. */
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_IN_CONTROL);
  g_assert_true (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "divergence")));
  /* It says which indicators signal otherwise. */
  assert_names_an_indicator (document, topic_id,
                             adw_action_row_get_subtitle (ADW_ACTION_ROW (require_named (GTK_WIDGET (page), "divergence"))));
  g_assert_cmpuint (n_rows (history), ==, MIN (12, n_assessments_of (document, topic_id)));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 0))),
                                   "binnen de norm."));

  /* Undo and redo, as Ctrl+Z and Shift+Ctrl+Z do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before);
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_SERIOUS);
  g_assert_false (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "divergence")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before + 1);
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_IN_CONTROL);

  /* Escape-like cancel writes nothing. */
  click (require_named (GTK_WIDGET (page), "record-assessment"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));
  set_text_view (require_named (dialog, "rationale"), "Toch niet.");
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before + 1);

  destroy_windows_unsaved ();
}

static void
test_edit_topic (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("bewerken.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GkTopic *topic;
  g_autofree char *old_name = NULL;
  GtkWidget *dialog;
  GtkListBox *list = GTK_LIST_BOX (require_named (GTK_WIDGET (page), "topic-list"));
  gint64 joost = 0;

  for (guint i = 0; i < g_list_model_get_n_items (gk_document_get_people (document)); i++)
    {
      g_autoptr(GkPerson) person = g_list_model_get_item (gk_document_get_people (document), i);

      if (g_str_equal (gk_person_get_name (person), "Joost van Dijk"))
        joost = gk_record_get_id (GK_RECORD (person));
    }

  select_topic_row (page, 0);
  topic = gk_roadmap_page_get_selected_topic (page);
  old_name = g_strdup (gk_topic_get_name (topic));
  click (require_named (GTK_WIDGET (page), "edit-topic"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_TOPIC_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (dialog, "name"))), ==, old_name);

  /* A blank name is refused under the name. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "name")), "   ");
  click (require_named (dialog, "save"));
  g_assert_true (error_shown (dialog, "name-error"));
  g_assert_true (gtk_widget_has_css_class (require_named (dialog, "name"), "error"));
  g_assert_cmpstr (gk_topic_get_name (topic), ==, old_name);

  /* So is a date that is not one. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "name")), "Visie, sturing en regie");
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "target-date")), "32-13-2027");
  click (require_named (dialog, "save"));
  g_assert_false (gtk_widget_get_visible (require_named (dialog, "name-error")));
  g_assert_true (error_shown (dialog, "target-error"));
  g_assert_cmpstr (gk_topic_get_name (topic), ==, old_name);

  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "target-date")), "1-6-2027");
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (dialog, "target-level")), GK_LEVEL_VIGILANT);
  set_text_view (require_named (dialog, "descriptor-vigilant"), "Sturing op hoofdlijnen, nog weinig op data.");
  set_text_view (require_named (dialog, "challenges"), "Bestuurlijke wisselingen.");
  {
    /* The owner is chosen by name, as a user would. */
    AdwComboRow *owner = ADW_COMBO_ROW (require_named (dialog, "owner"));
    GListModel *names = adw_combo_row_get_model (owner);

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Joost van Dijk"))
        adw_combo_row_set_selected (owner, i);
  }
  click (require_named (dialog, "save"));
  g_assert_null (find_toplevel (GK_TYPE_TOPIC_DIALOG));

  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Visie, sturing en regie");
  g_assert_cmpint (gk_topic_get_target_level (topic), ==, GK_LEVEL_VIGILANT);
  g_assert_cmpstr (gk_topic_get_target_date (topic), ==, "2027-06-01");
  g_assert_cmpstr (gk_topic_get_descriptor_vigilant (topic), ==, "Sturing op hoofdlijnen, nog weinig op data.");
  g_assert_cmpstr (gk_topic_get_challenges (topic), ==, "Bestuurlijke wisselingen.");
  g_assert_cmpint (gk_topic_get_owner_id (topic), ==, joost);
  /* The page and its list show it. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "topic-name"))), ==,
                   "Visie, sturing en regie");
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (badge_level (page, "target-level"), ==, GK_LEVEL_VIGILANT);

  /* One undo step for the whole edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpstr (gk_topic_get_name (topic), ==, old_name);
  g_assert_cmpint (gk_topic_get_target_level (topic), ==, GK_LEVEL_IN_CONTROL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "topic-name"))), ==, old_name);

  destroy_windows_unsaved ();
}

static void
test_add_and_remove_topic (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("toevoegen.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GListModel *topics = gk_document_get_topics (document);
  GListModel *assessments = gk_document_get_assessments (document);
  GListModel *targets = gk_document_get_measure_targets (document);
  guint n_assessments = g_list_model_get_n_items (assessments);
  guint n_targets = g_list_model_get_n_items (targets);
  GtkWidget *list = require_named (GTK_WIDGET (page), "topic-list");
  GtkWidget *dialog;
  GtkButton *undo;

  click (require_named (GTK_WIDGET (page), "add-topic"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_TOPIC_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Topic");
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "name")), "Wonen en zorg");
  set_text_view (require_named (dialog, "descriptor-serious"), "Geen zicht op beschermd wonen.");
  click (require_named (dialog, "save"));
  g_assert_null (find_toplevel (GK_TYPE_TOPIC_DIALOG));

  /* Added at the end, and shown. */
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 10);
  g_assert_cmpuint (n_rows (list), ==, 10);
  g_assert_cmpint (topic_index_named (document, "Wonen en zorg"), ==, 9);
  g_assert_cmpstr (gk_topic_get_name (gk_roadmap_page_get_selected_topic (page)), ==, "Wonen en zorg");
  /* Not assessed yet, and no signal. */
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_NONE);
  g_assert_false (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "signalled-level")));
  g_assert_cmpuint (n_rows (require_named (GTK_WIDGET (page), "history")), ==, 0);

  /* Remove it: the neighbour is shown, with an undo toast. */
  click (require_named (GTK_WIDGET (page), "remove-topic"));
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 9);
  g_assert_cmpstr (gk_topic_get_name (gk_roadmap_page_get_selected_topic (page)), ==, "Uitvoering en beheer");
  undo = find_button_with_label (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  click (GTK_WIDGET (undo));
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 10);
  g_assert_cmpint (topic_index_named (document, "Wonen en zorg"), ==, 9);

  /* Removing a topic takes its assessments and targets along; undo brings
   * them all back. */
  select_topic_row (page, topic_index_named (document, "Toegang"));
  click (require_named (GTK_WIDGET (page), "remove-topic"));
  g_assert_cmpint (topic_index_named (document, "Toegang"), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (assessments), <, n_assessments);
  g_assert_cmpuint (g_list_model_get_n_items (targets), <, n_targets);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpint (topic_index_named (document, "Toegang"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, n_assessments);
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, n_targets);
  g_assert_cmpuint (n_rows (list), ==, 10);

  destroy_windows_unsaved ();
}

static void
test_reorder_topics (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("volgorde.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GtkListBox *list = GTK_LIST_BOX (require_named (GTK_WIDGET (page), "topic-list"));
  GtkWidget *up = require_named (GTK_WIDGET (page), "move-up");
  GtkWidget *down = require_named (GTK_WIDGET (page), "move-down");
  g_autoptr(GkTopic) first = g_list_model_get_item (gk_document_get_topics (document), 0);
  g_autoptr(GkTopic) last = g_list_model_get_item (gk_document_get_topics (document), 8);
  g_autofree char *name = g_strdup (gk_topic_get_name (first));

  select_topic_row (page, 0);
  /* The first cannot go up. */
  g_assert_false (gtk_widget_get_sensitive (up));
  g_assert_true (gtk_widget_get_sensitive (down));

  click (down);
  g_assert_cmpint (topic_index_named (document, name), ==, 1);
  /* It stays chosen, in its new place. */
  g_assert_true (gk_roadmap_page_get_selected_topic (page) == first);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (gtk_widget_get_sensitive (up));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roadmap.move-down", NULL));
  drain ();
  g_assert_cmpint (topic_index_named (document, name), ==, 2);
  click (up);
  g_assert_cmpint (topic_index_named (document, name), ==, 1);

  /* Undo puts it back where it was before the last move. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpint (topic_index_named (document, name), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  drain ();
  g_assert_cmpint (topic_index_named (document, name), ==, 1);

  /* The last cannot go down. */
  gk_roadmap_page_select_topic (page, gk_record_get_id (GK_RECORD (last)));
  drain ();
  g_assert_true (gk_roadmap_page_get_selected_topic (page) == last);
  g_assert_false (gtk_widget_get_sensitive (down));

  destroy_windows_unsaved ();
}

static void
test_remove_assessment (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("verwijderen.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GtkListBox *history = GTK_LIST_BOX (require_named (GTK_WIDGET (page), "history"));
  GkTopic *topic;
  guint before;
  g_autofree char *newest = NULL;
  GtkButton *undo;
  GtkWidget *remove;

  select_topic_row (page, topic_index_named (document, "Toegang"));
  topic = gk_roadmap_page_get_selected_topic (page);
  before = n_assessments_of (document, gk_record_get_id (GK_RECORD (topic)));
  newest = g_strdup (row_title (gtk_list_box_get_row_at_index (history, 0)));

  /* The newest assessment goes; the one before it comes first. */
  remove = find_actionable (GTK_WIDGET (gtk_list_box_get_row_at_index (history, 0)), "roadmap.remove-assessment");
  g_assert_nonnull (remove);
  click (remove);
  g_assert_cmpuint (n_assessments_of (document, gk_record_get_id (GK_RECORD (topic))), ==, before - 1);
  g_assert_cmpstr (row_title (gtk_list_box_get_row_at_index (history, 0)), !=, newest);
  g_assert_cmpuint (n_rows (GTK_WIDGET (history)), ==, MIN (12, before - 1));

  undo = find_button_with_label (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  click (GTK_WIDGET (undo));
  g_assert_cmpuint (n_assessments_of (document, gk_record_get_id (GK_RECORD (topic))), ==, before);
  g_assert_cmpstr (row_title (gtk_list_box_get_row_at_index (history, 0)), ==, newest);

  destroy_windows_unsaved ();
}

typedef struct {
  guint n;
  guint n_overdue;
} TopicTargets;

/* The measures with a target on @topic_id, counted from the document. */
static TopicTargets
targets_of (GkDocument *document,
            gint64      topic_id)
{
  GListModel *targets = gk_document_get_measure_targets (document);
  g_autofree char *today = today_iso ();
  TopicTargets counted = { 0, 0 };

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);
      GkMeasure *measure;
      const char *due;

      if (gk_measure_target_get_topic_id (target) != topic_id)
        continue;
      measure = gk_document_lookup_measure (document, gk_measure_target_get_measure_id (target));
      due = gk_measure_get_due_date (measure);
      counted.n++;
      counted.n_overdue += due != NULL && strcmp (due, today) < 0 &&
                           gk_measure_get_status (measure) != GK_MEASURE_STATUS_DONE &&
                           gk_measure_get_status (measure) != GK_MEASURE_STATUS_DROPPED;
    }
  return counted;
}

/* The topic's detail lists every measure with a target on it, with its
 * project, target and lateness; each row leads to the measure. */
static void
test_measures_for_topic (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("roadmap-measures.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GListModel *topics = gk_document_get_topics (document);
  GtkWidget *list = require_named (GTK_WIDGET (page), "topic-measures");
  g_autoptr(GkTopic) fresh = gk_topic_new ();
  g_autoptr(GError) error = NULL;
  gint64 chosen = 0;
  guint overdue_seen = 0;
  guint rows_seen = 0;
  GtkWidget *shown;
  GtkListBoxRow *row;
  GkMeasure *measure;
  GtkColumnView *table;

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, i);
      gint64 topic_id = gk_record_get_id (GK_RECORD (topic));
      TopicTargets expected = targets_of (document, topic_id);
      guint late = 0;

      GtkWidget *show_all = require_named (GTK_WIDGET (page), "show-all-topic-measures");

      g_assert_true (gk_roadmap_page_select_topic (page, topic_id));
      drain ();

      /* A dozen at first; the button brings the rest. */
      g_assert_cmpuint (n_rows (list), ==, MIN (expected.n, 12));
      g_assert_true (gtk_widget_get_visible (show_all) == (expected.n > 12));
      if (expected.n > 12)
        {
          g_autofree char *label = g_strdup_printf ("Show All %u Measures", expected.n);

          g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (show_all)), ==, label);
          g_signal_emit_by_name (show_all, "clicked");
          drain ();
          g_assert_false (gtk_widget_get_visible (show_all));
        }
      g_assert_cmpuint (n_rows (list), ==, expected.n);
      rows_seen += expected.n;
      for (guint j = 0; j < expected.n; j++)
        {
          GtkWidget *r = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), j));
          GkMeasure *m = gk_document_lookup_measure (document,
                                                     g_ascii_strtoll (gtk_widget_get_name (r) + strlen ("topic-measure-"),
                                                                      NULL, 10));
          GkFocusProject *project = gk_document_lookup_focus_project (document, gk_measure_get_project_id (m));

          g_assert_nonnull (m);
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r)), ==, gk_measure_get_title (m));
          g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (r)),
                                           gk_focus_project_get_name (project)));
          g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (r)));
          late += find_named (r, "overdue") != NULL;
        }
      g_assert_cmpuint (late, ==, expected.n_overdue);
      overdue_seen += late;
      if (expected.n > 1 && chosen == 0)
        chosen = topic_id;
    }
  /* The demo has measures with targets, some of them late. */
  g_assert_cmpuint (rows_seen, ==, g_list_model_get_n_items (gk_document_get_measure_targets (document)));
  g_assert_cmpint (chosen, !=, 0);
  g_assert_cmpuint (overdue_seen, >, 0);

  /* A row leads to its measure on the Measures page. */
  g_assert_true (gk_roadmap_page_select_topic (page, chosen));
  drain ();
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  measure = gk_document_lookup_measure (document, g_ascii_strtoll (gtk_widget_get_name (GTK_WIDGET (row)) +
                                                                   strlen ("topic-measure-"), NULL, 10));
  g_signal_emit_by_name (row, "activate");
  drain ();
  shown = gtk_stack_get_visible_child (GTK_STACK (require_named (GTK_WIDGET (window), "pages")));
  g_assert_true (GK_IS_MEASURES_PAGE (shown));
  table = GTK_COLUMN_VIEW (require_named (shown, "measures-table"));
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)))
                 == measure);

  /* A target given while the Roadmap is out of sight is there when it is
   * shown again (the page rebuilds its measures only when on screen). */
  {
    guint before = targets_of (document, chosen).n;
    GListModel *measures = gk_document_get_measures (document);
    g_autoptr(GkMeasureTarget) target = gk_measure_target_new ();

    for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
      {
        g_autoptr(GkMeasure) candidate = g_list_model_get_item (measures, i);
        gint64 candidate_id = gk_record_get_id (GK_RECORD (candidate));
        GListModel *targets = gk_document_get_measure_targets (document);
        gboolean targets_chosen = FALSE;

        for (guint j = 0; j < g_list_model_get_n_items (targets); j++)
          {
            g_autoptr(GkMeasureTarget) t = g_list_model_get_item (targets, j);

            targets_chosen |= gk_measure_target_get_measure_id (t) == candidate_id &&
                              gk_measure_target_get_topic_id (t) == chosen;
          }
        if (!targets_chosen)
          {
            gk_measure_target_set_measure_id (target, candidate_id);
            break;
          }
      }
    g_assert_cmpint (gk_measure_target_get_measure_id (target), !=, 0);
    gk_measure_target_set_topic_id (target, chosen);
    gk_measure_target_set_target_level (target, GK_LEVEL_IN_CONTROL);
    g_assert_true (gk_document_insert (document, GK_RECORD (target), &error));
    g_assert_no_error (error);
    drain ();
    gk_window_show_page (window, "roadmap");
    drain ();
    if (before + 1 > 12)
      {
        g_autofree char *label = g_strdup_printf ("Show All %u Measures", before + 1);

        g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (require_named (GTK_WIDGET (page),
                                                                          "show-all-topic-measures"))),
                         ==, label);
      }
    else
      g_assert_cmpuint (n_rows (list), ==, before + 1);
  }

  /* A new topic has none yet: the list says so. */
  gk_window_show_page (window, "roadmap");
  gk_topic_set_name (fresh, "Nieuw onderwerp");
  g_assert_true (gk_document_insert (document, GK_RECORD (fresh), &error));
  g_assert_no_error (error);
  g_assert_true (gk_roadmap_page_select_topic (page, gk_record_get_id (GK_RECORD (fresh))));
  drain ();
  g_assert_cmpuint (n_rows (list), ==, 0);
  g_assert_true (gtk_widget_is_visible (require_named (GTK_WIDGET (page), "no-topic-measures")));

  destroy_windows_unsaved ();
}

/* The page shows the roadmap itself; a topic clicked in it is shown below. */
static void
test_roadmap_chart_selects_topic (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("kaart.gripkaart", &page);
  GtkWidget *chart = require_named (GTK_WIDGET (page), "roadmap-chart");
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *click = NULL;
  gboolean found = FALSE;

  g_assert_true (GK_IS_CHART_VIEW (chart));
  g_assert_true (gk_chart_view_get_model (GK_CHART_VIEW (chart)) ==
                 gk_session_charts_get_model (gk_session_charts_get (gk_window_get_session (window))));
  g_assert_cmpstr (gk_topic_get_name (gk_roadmap_page_get_selected_topic (page)), !=, "Financiën");
  wait_until (gtk_widget_get_mapped (chart) && gtk_widget_get_height (chart) > 100);

  controllers = gtk_widget_observe_controllers (chart);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (c))
        click = c;
    }
  g_assert_nonnull (click);

  /* Find the row of Financiën through its tooltip, then click it. */
  for (int y = 0; y < gtk_widget_get_height (chart) && !found; y += 3)
    for (int x = gtk_widget_get_width (chart) / 2; x < gtk_widget_get_width (chart) && !found; x += 20)
      {
        g_autofree char *text = gk_chart_view_describe_at (GK_CHART_VIEW (chart), x, y);

        if (text != NULL && g_str_has_prefix (text, "Financiën"))
          {
            found = TRUE;
            g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
          }
      }
  g_assert_true (found);
  g_assert_cmpstr (gk_topic_get_name (gk_roadmap_page_get_selected_topic (page)), ==, "Financiën");
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Software GL under Xvfb is slow; the pages look the same with cairo. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  setup_app (&argc, &argv);
  /* No transitions to wait for between the steps. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/roadmap/topics-levels-history", test_shows_topics_levels_and_history);
  g_test_add_func ("/roadmap/chart-selects-topic", test_roadmap_chart_selects_topic);
  g_test_add_func ("/roadmap/record-assessment", test_record_assessment);
  g_test_add_func ("/roadmap/edit-topic", test_edit_topic);
  g_test_add_func ("/roadmap/add-remove-topic", test_add_and_remove_topic);
  g_test_add_func ("/roadmap/reorder", test_reorder_topics);
  g_test_add_func ("/roadmap/remove-assessment", test_remove_assessment);
  g_test_add_func ("/roadmap/measures-for-topic", test_measures_for_topic);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
