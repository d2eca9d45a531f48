/* test-roadmap-page.c: the roadmap page driven through its widgets and actions
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-assessment-dialog.h"
#include "gk-command-line.h"
#include "gk-date.h"
#include "gk-level-badge.h"
#include "gk-roadmap-page.h"
#include "gk-topic-dialog.h"
#include "gk-window.h"

static GkApplication *app;
static char *tmp_dir;

/* --- helpers ------------------------------------------------------------------ */

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
destroy_all_windows (void)
{
  GtkWindow *window;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    {
      /* Nothing is saved in these tests: no question before closing. */
      if (GK_IS_WINDOW (window) && gk_window_get_document (GK_WINDOW (window)) != NULL)
        gk_document_set_dirty (gk_window_get_document (GK_WINDOW (window)), FALSE);
      gtk_window_destroy (window);
    }
  drain ();
}

/* The widget called @name (the "name" property of the .ui files). */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static GtkButton *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

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
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static gboolean
error_shown (GtkWidget  *root,
             const char *label_name)
{
  GtkWidget *label = named (root, label_name);

  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
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
  GDate today;

  gk_date_set_today (&today);
  return gk_date_to_iso (&today);
}

/* A window with the demo, judged on today as the app does, on the roadmap. */
static GkWindow *
open_demo_on_roadmap (const char     *name,
                      GkRoadmapPage **out_page)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkWindow *window = gk_window_new (app);
  GtkWidget *page;
  GDate today;

  gk_date_set_today (&today);
  g_remove (path);
  g_assert_true (gk_command_line_write_demo (path, &today, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gk_window_open_file (window, file);
  g_assert_nonnull (gk_window_get_document (window));
  page = gk_window_show_page (window, "roadmap");
  g_assert_true (GK_IS_ROADMAP_PAGE (page));
  drain ();
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
  GtkListBox *list = GTK_LIST_BOX (named (GTK_WIDGET (page), "topic-list"));

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
  return gk_level_badge_get_level (GK_LEVEL_BADGE (named (GTK_WIDGET (page), name)));
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
  GtkWidget *list = named (GTK_WIDGET (page), "topic-list");
  GtkWidget *history = named (GTK_WIDGET (page), "history");
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
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (page), "topic-name"))), ==, "Toegang");
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_SERIOUS);
  g_assert_cmpint (badge_level (page, "signalled-level"), ==, GK_LEVEL_SERIOUS);
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (page), "signalled-level")));
  g_assert_cmpint (badge_level (page, "target-level"), ==, GK_LEVEL_IN_CONTROL);
  /* They agree: no divergence note. */
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (page), "divergence")));

  /* Its history, newest first: the newest year at once, all on request. */
  g_assert_cmpuint (n_assessments_of (document, gk_record_get_id (GK_RECORD (topic))), >, 12);
  g_assert_cmpuint (n_rows (history), ==, 12);
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (page), "show-all-assessments")));
  click (named (GTK_WIDGET (page), "show-all-assessments"));
  g_assert_cmpuint (n_rows (history), ==, n_assessments_of (document, gk_record_get_id (GK_RECORD (topic))));
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (page), "show-all-assessments")));
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

  destroy_all_windows ();
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
  GtkWidget *history = named (GTK_WIDGET (page), "history");
  g_autofree char *today = today_iso ();
  g_autoptr(GkAssessment) recorded = NULL;
  gint64 topic_id;

  select_topic_row (page, topic_index_named (document, "Toegang"));
  topic_id = gk_record_get_id (GK_RECORD (gk_roadmap_page_get_selected_topic (page)));
  click (named (GTK_WIDGET (page), "record-assessment"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));
  g_assert_nonnull (dialog);

  /* Without a rationale nothing is written, and the dialog says why where
   * the rationale goes. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (dialog, "level-in-control")), TRUE);
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before);
  g_assert_true (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (error_shown (dialog, "rationale-error"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (named (dialog, "rationale")), "error"));
  g_assert_false (gtk_widget_get_visible (named (dialog, "details-error")));

  /* An impossible date is refused next to the date. */
  set_text_view (named (dialog, "rationale"), "De wachttijd is terug binnen de norm.");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "date")), "31-02-2026");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before);
  g_assert_true (error_shown (dialog, "details-error"));
  g_assert_true (gtk_widget_has_css_class (named (dialog, "date"), "error"));
  g_assert_false (gtk_widget_get_visible (named (dialog, "rationale-error")));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (named (dialog, "rationale")), "error"));

  /* Today, confidence 8: recorded, and the dialog closes. */
  {
    GDate date;
    g_autofree char *typed = NULL;

    g_assert_true (gk_date_parse_iso (today, &date));
    typed = g_strdup_printf ("%u-%u-%u", g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
    gtk_editable_set_text (GTK_EDITABLE (named (dialog, "date")), typed);
  }
  gtk_range_set_value (GTK_RANGE (named (dialog, "confidence")), 8);
  click (named (dialog, "save"));
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
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (page), "divergence")));
  g_assert_cmpuint (n_rows (history), ==, MIN (12, n_assessments_of (document, topic_id)));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 0))),
                                   "binnen de norm."));

  /* Undo and redo, as Ctrl+Z and Shift+Ctrl+Z do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before);
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_SERIOUS);
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (page), "divergence")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before + 1);
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_IN_CONTROL);

  /* Escape-like cancel writes nothing. */
  click (named (GTK_WIDGET (page), "record-assessment"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));
  set_text_view (named (dialog, "rationale"), "Toch niet.");
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, before + 1);

  destroy_all_windows ();
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
  GtkListBox *list = GTK_LIST_BOX (named (GTK_WIDGET (page), "topic-list"));
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
  click (named (GTK_WIDGET (page), "edit-topic"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_TOPIC_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "name"))), ==, old_name);

  /* A blank name is refused under the name. */
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "name")), "   ");
  click (named (dialog, "save"));
  g_assert_true (error_shown (dialog, "name-error"));
  g_assert_true (gtk_widget_has_css_class (named (dialog, "name"), "error"));
  g_assert_cmpstr (gk_topic_get_name (topic), ==, old_name);

  /* So is a date that is not one. */
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "name")), "Visie, sturing en regie");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "target-date")), "32-13-2027");
  click (named (dialog, "save"));
  g_assert_false (gtk_widget_get_visible (named (dialog, "name-error")));
  g_assert_true (error_shown (dialog, "target-error"));
  g_assert_cmpstr (gk_topic_get_name (topic), ==, old_name);

  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "target-date")), "1-6-2027");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "target-level")), GK_LEVEL_VIGILANT);
  set_text_view (named (dialog, "descriptor-vigilant"), "Sturing op hoofdlijnen, nog weinig op data.");
  set_text_view (named (dialog, "challenges"), "Bestuurlijke wisselingen.");
  {
    /* The owner is chosen by name, as a user would. */
    AdwComboRow *owner = ADW_COMBO_ROW (named (dialog, "owner"));
    GListModel *names = adw_combo_row_get_model (owner);

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Joost van Dijk"))
        adw_combo_row_set_selected (owner, i);
  }
  click (named (dialog, "save"));
  g_assert_null (find_toplevel (GK_TYPE_TOPIC_DIALOG));

  g_assert_cmpstr (gk_topic_get_name (topic), ==, "Visie, sturing en regie");
  g_assert_cmpint (gk_topic_get_target_level (topic), ==, GK_LEVEL_VIGILANT);
  g_assert_cmpstr (gk_topic_get_target_date (topic), ==, "2027-06-01");
  g_assert_cmpstr (gk_topic_get_descriptor_vigilant (topic), ==, "Sturing op hoofdlijnen, nog weinig op data.");
  g_assert_cmpstr (gk_topic_get_challenges (topic), ==, "Bestuurlijke wisselingen.");
  g_assert_cmpint (gk_topic_get_owner_id (topic), ==, joost);
  /* The page and its list show it. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (page), "topic-name"))), ==,
                   "Visie, sturing en regie");
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (badge_level (page, "target-level"), ==, GK_LEVEL_VIGILANT);

  /* One undo step for the whole edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpstr (gk_topic_get_name (topic), ==, old_name);
  g_assert_cmpint (gk_topic_get_target_level (topic), ==, GK_LEVEL_IN_CONTROL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (page), "topic-name"))), ==, old_name);

  destroy_all_windows ();
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
  GtkWidget *list = named (GTK_WIDGET (page), "topic-list");
  GtkWidget *dialog;
  GtkButton *undo;

  click (named (GTK_WIDGET (page), "add-topic"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_TOPIC_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Topic");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "name")), "Wonen en zorg");
  set_text_view (named (dialog, "descriptor-serious"), "Geen zicht op beschermd wonen.");
  click (named (dialog, "save"));
  g_assert_null (find_toplevel (GK_TYPE_TOPIC_DIALOG));

  /* Added at the end, and shown. */
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 10);
  g_assert_cmpuint (n_rows (list), ==, 10);
  g_assert_cmpint (topic_index_named (document, "Wonen en zorg"), ==, 9);
  g_assert_cmpstr (gk_topic_get_name (gk_roadmap_page_get_selected_topic (page)), ==, "Wonen en zorg");
  /* Not assessed yet, and no signal. */
  g_assert_cmpint (badge_level (page, "current-level"), ==, GK_LEVEL_NONE);
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (page), "signalled-level")));
  g_assert_cmpuint (n_rows (named (GTK_WIDGET (page), "history")), ==, 0);

  /* Remove it: the neighbour is shown, with an undo toast. */
  click (named (GTK_WIDGET (page), "remove-topic"));
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
  click (named (GTK_WIDGET (page), "remove-topic"));
  g_assert_cmpint (topic_index_named (document, "Toegang"), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (assessments), <, n_assessments);
  g_assert_cmpuint (g_list_model_get_n_items (targets), <, n_targets);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpint (topic_index_named (document, "Toegang"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, n_assessments);
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, n_targets);
  g_assert_cmpuint (n_rows (list), ==, 10);

  destroy_all_windows ();
}

static void
test_reorder_topics (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("volgorde.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GtkListBox *list = GTK_LIST_BOX (named (GTK_WIDGET (page), "topic-list"));
  GtkWidget *up = named (GTK_WIDGET (page), "move-up");
  GtkWidget *down = named (GTK_WIDGET (page), "move-down");
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

  destroy_all_windows ();
}

static void
test_remove_assessment (void)
{
  GkRoadmapPage *page;
  GkWindow *window = open_demo_on_roadmap ("verwijderen.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GtkListBox *history = GTK_LIST_BOX (named (GTK_WIDGET (page), "history"));
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

  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("gripkaart-test-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* Software GL under Xvfb is slow; the pages look the same with cairo. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* No transitions to wait for between the steps. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));

  g_test_add_func ("/roadmap/topics-levels-history", test_shows_topics_levels_and_history);
  g_test_add_func ("/roadmap/record-assessment", test_record_assessment);
  g_test_add_func ("/roadmap/edit-topic", test_edit_topic);
  g_test_add_func ("/roadmap/add-remove-topic", test_add_and_remove_topic);
  g_test_add_func ("/roadmap/reorder", test_reorder_topics);
  g_test_add_func ("/roadmap/remove-assessment", test_remove_assessment);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
