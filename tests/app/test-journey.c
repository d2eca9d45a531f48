/* test-journey.c: one programme from the first click to reopening it
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The story a projectleider goes through, in one window and through its
 * actions and the widgets of its dialogs: a new programme, a focus project
 * with an owner, a measure from the catalogue with a target, an assessment,
 * an indicator with a measurement, each undone and redone; a delete undone
 * from its toast; a search; Save As; and a new window on the file that finds
 * it all there. The steps share the programme, so they run in order.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gk-assessment-dialog.h"
#include "gk-catalogue-dialog.h"
#include "gk-choice.h"
#include "gk-indicator-dialog.h"
#include "gk-indicators-page.h"
#include "gk-level-badge.h"
#include "gk-measures-page.h"
#include "gk-new-programme-dialog.h"
#include "gk-project-editor.h"
#include "gk-projects-page.h"
#include "gk-roadmap-page.h"
#include "gk-search-bar.h"
#include "page-test-helpers.h"

/* Run a second time under nl_NL.UTF-8 with the catalog built in po/. */
static gboolean in_dutch;

static const char *const RATIONALE = "De toegang is op orde: wachttijden binnen de norm, vaste contactpersoon.";

/* What the story made, to be found again after reopening. */
static struct {
  GkWindow *window;
  char     *path;
  char     *measure_title;
  gint64    owner_id;
  gint64    project_id;
  gint64    measure_id;
  gint64    topic_id;
  gint64    indicator_id;
} story;

static GkDocument *
document (void)
{
  return gk_window_get_document (story.window);
}

static void
undo (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (story.window), "win.undo", NULL));
  drain ();
}

static void
redo (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (story.window), "win.redo", NULL));
  drain ();
}

static GtkWidget *
open_dialog (GtkWidget  *widget,
             const char *action,
             GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  drain ();
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  return GTK_WIDGET (dialog);
}

static GkMeasureTarget *
target_of (gint64 measure_id)
{
  GListModel *targets = gk_document_get_measure_targets (document ());

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);

      if (gk_measure_target_get_measure_id (target) == measure_id)
        return GK_MEASURE_TARGET (gk_document_lookup (document (), GK_TYPE_MEASURE_TARGET,
                                                      gk_record_get_id (GK_RECORD (target))));
    }
  return NULL;
}

static GkAssessment *
assessment_of (gint64 topic_id)
{
  GListModel *assessments = gk_document_get_assessments (document ());

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GkAssessment) assessment = g_list_model_get_item (assessments, i);

      if (gk_assessment_get_topic_id (assessment) == topic_id)
        return GK_ASSESSMENT (gk_document_lookup (document (), GK_TYPE_ASSESSMENT,
                                                  gk_record_get_id (GK_RECORD (assessment))));
    }
  return NULL;
}

static GkMeasurement *
measurement_of (gint64      indicator_id,
                const char *period)
{
  g_autoptr(GPtrArray) rows = gk_document_get_measurements_for_indicator (document (), indicator_id);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gk_measurement_get_period_date (rows->pdata[i]), period) == 0)
      return rows->pdata[i];
  return NULL;
}

/* The level the badge in the row named @row_name of @page shows. */
static GkLevel
badge_level (GtkWidget  *page,
             const char *row_name)
{
  return gk_level_badge_get_level (GK_LEVEL_BADGE (find_of_type (require_named (page, row_name), GK_TYPE_LEVEL_BADGE)));
}

static GkMeasure *
selected_measure (GtkWidget *measures_page)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (require_named (measures_page, "measures-table"));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)));
}

/* --- the steps ------------------------------------------------------------------ */

static void
step_new_programme (void)
{
  GtkWidget *dialog;

  story.window = gk_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (story.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (story.window));
  dialog = open_dialog (GTK_WIDGET (story.window), "win.new-programme", GK_TYPE_NEW_PROGRAMME_DIALOG);
  gk_new_programme_dialog_set_values (GK_NEW_PROGRAMME_DIALOG (dialog), "Grip op de Wmo", "Voorbeeldstad",
                                      "Anouk de Vries", "1-1-2026", "31-12-2028");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.create", NULL));
  wait_until (document () != NULL);
  drain ();

  g_assert_cmpstr (gk_programme_get_title (gk_document_get_programme (document ())), ==, "Grip op de Wmo");
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_topics (document ())), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_focus_projects (document ())), ==, 0);
  {
    g_autoptr(GkPerson) lead = g_list_model_get_item (gk_document_get_people (document ()), 0);

    g_assert_cmpstr (gk_person_get_name (lead), ==, "Anouk de Vries");
    story.owner_id = gk_record_get_id (GK_RECORD (lead));
  }
}

static void
step_focus_project_with_owner (void)
{
  GtkWidget *page = gk_window_show_page (story.window, "projects");
  GtkWidget *editor = open_dialog (page, "projects.add", GK_TYPE_PROJECT_EDITOR);
  GkFocusProject *project;

  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "name")), "Snelle toegang");
  gk_choice_enum_set (require_named (editor, "status"), GK_PROJECT_STATUS_ACTIVE);
  /* The first choice after "No owner": the lead, the only person yet. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (editor, "owner")), 1);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_PROJECT_EDITOR));

  project = gk_projects_page_get_project (GK_PROJECTS_PAGE (page));
  g_assert_nonnull (project);
  g_assert_cmpstr (gk_focus_project_get_name (project), ==, "Snelle toegang");
  g_assert_cmpint (gk_focus_project_get_owner_id (project), ==, story.owner_id);
  story.project_id = gk_record_get_id (GK_RECORD (project));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (page, "project-name"))), ==, "Snelle toegang");

  undo ();
  g_assert_null (gk_document_lookup_focus_project (document (), story.project_id));
  redo ();
  project = gk_document_lookup_focus_project (document (), story.project_id);
  g_assert_nonnull (project);
  g_assert_cmpint (gk_focus_project_get_owner_id (project), ==, story.owner_id);
}

static void
step_measure_from_catalogue (void)
{
  GtkWidget *page = gk_window_show_page (story.window, "projects");
  g_autoptr(GkTopic) topic = g_list_model_get_item (gk_document_get_topics (document ()), 1);
  GListModel *measures = gk_document_get_measures (document ());
  GtkWidget *dialog, *row;
  GkMeasureTarget *target;

  gk_projects_page_select_project (GK_PROJECTS_PAGE (page), story.project_id);
  dialog = open_dialog (page, "projects.add-from-catalogue", GK_TYPE_CATALOGUE_DIALOG);
  row = gtk_widget_get_first_child (require_named (dialog, "catalogue"));
  story.measure_title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_activate (row);
  drain ();
  story.topic_id = gk_record_get_id (GK_RECORD (topic));
  gk_choice_record_set (require_named (dialog, "topic"), story.topic_id);
  gk_choice_enum_set (require_named (dialog, "level"), GK_LEVEL_VIGILANT);
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "date")), "31-12-2027");
  g_assert_true (gtk_widget_activate_action (dialog, "catalogue.add", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_CATALOGUE_DIALOG));

  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 1);
  {
    g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, 0);

    g_assert_cmpstr (gk_measure_get_title (measure), ==, story.measure_title);
    g_assert_cmpint (gk_measure_get_project_id (measure), ==, story.project_id);
    g_assert_cmpint (gk_measure_get_owner_id (measure), ==, story.owner_id);
    story.measure_id = gk_record_get_id (GK_RECORD (measure));
  }
  target = target_of (story.measure_id);
  g_assert_nonnull (target);
  g_assert_cmpint (gk_measure_target_get_topic_id (target), ==, story.topic_id);
  g_assert_cmpint (gk_measure_target_get_target_level (target), ==, GK_LEVEL_VIGILANT);
  g_assert_cmpstr (gk_measure_target_get_target_date (target), ==, "2027-12-31");

  /* The measure and its target are one step. */
  undo ();
  g_assert_null (gk_document_lookup_measure (document (), story.measure_id));
  g_assert_null (target_of (story.measure_id));
  redo ();
  g_assert_nonnull (gk_document_lookup_measure (document (), story.measure_id));
  g_assert_nonnull (target_of (story.measure_id));
}

static void
step_record_assessment (void)
{
  GtkWidget *page = gk_window_show_page (story.window, "roadmap");
  GtkWidget *dialog;
  GkAssessment *assessment;

  g_assert_true (gk_roadmap_page_select_topic (GK_ROADMAP_PAGE (page), story.topic_id));
  drain ();
  g_assert_null (assessment_of (story.topic_id));
  dialog = open_dialog (page, "roadmap.record-assessment", GK_TYPE_ASSESSMENT_DIALOG);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_named (dialog, "level-in-control")), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (require_named (dialog, "rationale"))),
                            RATIONALE, -1);
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "date")), "16-11-2026");
  gtk_range_set_value (GTK_RANGE (require_named (dialog, "confidence")), 8);
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_ASSESSMENT_DIALOG));

  assessment = assessment_of (story.topic_id);
  g_assert_nonnull (assessment);
  g_assert_cmpint (gk_assessment_get_level (assessment), ==, GK_LEVEL_IN_CONTROL);
  g_assert_cmpstr (gk_assessment_get_date (assessment), ==, "2026-11-16");
  /* The roadmap shows the topic at its new level, once it follows the change. */
  wait_until (badge_level (page, "current-level") == GK_LEVEL_IN_CONTROL);

  undo ();
  g_assert_null (assessment_of (story.topic_id));
  redo ();
  g_assert_nonnull (assessment_of (story.topic_id));
}

static void
step_enter_measurement (void)
{
  GtkWidget *page = gk_window_show_page (story.window, "indicators");
  GtkWidget *dialog = open_dialog (page, "indicators.add", GK_TYPE_INDICATOR_DIALOG);
  GkMeasurement *measurement;

  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "name")), "Wachttijd Wmo-aanvraag in dagen");
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "signal-serious")), "56");
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "signal-control")), "42");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_INDICATOR_DIALOG));
  story.indicator_id = gk_indicators_page_get_selected_id (GK_INDICATORS_PAGE (page));
  g_assert_cmpint (story.indicator_id, !=, 0);

  /* Typed as a Dutch user types it; Enter in the value adds it. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (page, "new-period")), "1-10-2026");
  gtk_editable_set_text (GTK_EDITABLE (require_named (page, "new-value")), "49,5");
  gtk_editable_set_text (GTK_EDITABLE (require_named (page, "new-note")), "Na de inzet van het flexteam");
  g_signal_emit_by_name (require_named (page, "new-value"), "activate");
  drain ();
  measurement = measurement_of (story.indicator_id, "2026-10-01");
  g_assert_nonnull (measurement);
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (measurement), 49.5, 1e-9);
  /* Between the signal values: Vigilant, on the page once it follows. */
  wait_until (badge_level (page, "signalled-level") == GK_LEVEL_VIGILANT);
  /* The latest figure in the reader's language: "49,5 (oktober 2026)". */
  {
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (require_named (page, "signalled-level")));

    g_assert_nonnull (strstr (subtitle, in_dutch ? "49,5" : "49.5"));
    g_assert_nonnull (strstr (subtitle, in_dutch ? "oktober 2026" : "October 2026"));
  }

  undo ();
  g_assert_null (measurement_of (story.indicator_id, "2026-10-01"));
  redo ();
  g_assert_nonnull (measurement_of (story.indicator_id, "2026-10-01"));
}

static void
step_delete_with_undo_toast (void)
{
  GtkWidget *page = gk_window_show_page (story.window, "measures");
  GtkButton *undo_button;

  gk_measures_page_select_measure (GK_MEASURES_PAGE (page), story.measure_id);
  g_assert_true (gtk_widget_activate_action (page, "measures.delete", NULL));
  drain ();
  g_assert_null (gk_document_lookup_measure (document (), story.measure_id));
  g_assert_null (target_of (story.measure_id));

  undo_button = find_button_with_label (GTK_WIDGET (story.window), dgettext (GETTEXT_PACKAGE, "_Undo"));
  g_assert_nonnull (undo_button);
  g_signal_emit_by_name (undo_button, "clicked");
  drain ();
  g_assert_nonnull (gk_document_lookup_measure (document (), story.measure_id));
  g_assert_nonnull (target_of (story.measure_id));
}

static void
step_search (void)
{
  GkSearchBar *bar = GK_SEARCH_BAR (find_of_type (GTK_WIDGET (story.window), GK_TYPE_SEARCH_BAR));
  GtkWidget *entry = require_named (GTK_WIDGET (bar), "search-entry");
  g_autofree char *word = g_strndup (story.measure_title, 8);
  GListModel *results = NULL;
  GtkWidget *page;

  gk_window_show_page (story.window, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (story.window), "win.search", NULL));
  drain ();
  g_assert_true (gk_search_bar_get_active (bar));
  gtk_editable_set_text (GTK_EDITABLE (entry), word);
  wait_until ((results = gk_search_bar_get_results (bar)) != NULL && g_list_model_get_n_items (results) > 0);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(GkSearchResult) result = g_list_model_get_item (results, i);

      if (gk_search_result_get_record_type (result) == GK_TYPE_MEASURE &&
          gk_search_result_get_id (result) == story.measure_id)
        {
          gk_search_bar_activate_result (bar, i);
          break;
        }
    }
  drain ();
  g_assert_false (gk_search_bar_get_active (bar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (require_named (GTK_WIDGET (story.window), "pages"))),
                   ==, "measures");
  page = gk_window_show_page (story.window, "measures");
  g_assert_nonnull (selected_measure (page));
  g_assert_cmpint (gk_record_get_id (GK_RECORD (selected_measure (page))), ==, story.measure_id);
}

static void
step_save_and_reopen (void)
{
  g_autoptr(GFile) file = NULL;
  GkFocusProject *project;
  GkMeasure *measure;
  GkMeasureTarget *target;
  GkAssessment *assessment;
  GkMeasurement *measurement;

  story.path = g_build_filename (tmp_dir, "reis.gripkaart", NULL);
  file = g_file_new_for_path (story.path);
  save_as_and_wait (story.window, file);
  g_assert_false (gk_document_get_dirty (document ()));
  destroy_all_windows ();

  story.window = gk_window_new (app);
  gtk_window_present (GTK_WINDOW (story.window));
  open_file_and_wait (story.window, file);
  g_assert_nonnull (document ());
  wait_for_paint (GTK_WIDGET (story.window));

  g_assert_cmpstr (gk_programme_get_title (gk_document_get_programme (document ())), ==, "Grip op de Wmo");
  project = gk_document_lookup_focus_project (document (), story.project_id);
  g_assert_nonnull (project);
  g_assert_cmpstr (gk_focus_project_get_name (project), ==, "Snelle toegang");
  g_assert_cmpstr (gk_person_get_name (gk_document_lookup_person (document (), gk_focus_project_get_owner_id (project))),
                   ==, "Anouk de Vries");

  measure = gk_document_lookup_measure (document (), story.measure_id);
  g_assert_nonnull (measure);
  g_assert_cmpstr (gk_measure_get_title (measure), ==, story.measure_title);
  target = target_of (story.measure_id);
  g_assert_nonnull (target);
  g_assert_cmpint (gk_measure_target_get_topic_id (target), ==, story.topic_id);
  g_assert_cmpint (gk_measure_target_get_target_level (target), ==, GK_LEVEL_VIGILANT);
  g_assert_cmpstr (gk_measure_target_get_target_date (target), ==, "2027-12-31");

  assessment = assessment_of (story.topic_id);
  g_assert_nonnull (assessment);
  g_assert_cmpint (gk_assessment_get_level (assessment), ==, GK_LEVEL_IN_CONTROL);
  g_assert_cmpstr (gk_assessment_get_rationale (assessment), ==, RATIONALE);
  g_assert_cmpstr (gk_assessment_get_date (assessment), ==, "2026-11-16");

  measurement = measurement_of (story.indicator_id, "2026-10-01");
  g_assert_nonnull (measurement);
  g_assert_cmpfloat_with_epsilon (gk_measurement_get_value (measurement), 49.5, 1e-9);
  g_assert_cmpstr (gk_measurement_get_note (measurement), ==, "Na de inzet van het flexteam");

  /* And the pages show it: the project with its measure. */
  {
    GtkWidget *page = gk_window_show_page (story.window, "projects");

    gk_projects_page_select_project (GK_PROJECTS_PAGE (page), story.project_id);
    drain ();
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (page, "project-name"))), ==, "Snelle toegang");
  }
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (g_getenv ("GRIPKAART_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GRIPKAART_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  setup_app (&argc, &argv);
  /* gtk_test_init() keeps the C locale; the Dutch run asks for its own. */
  if (g_getenv ("GRIPKAART_LOCALEDIR") != NULL)
    {
      const char *locale = setlocale (LC_ALL, "");

      in_dutch = locale != NULL && g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "nl");
      if (!in_dutch)
        {
          g_print ("1..0 # SKIP nl_NL.UTF-8 is not available on this machine\n");
          return 0;
        }
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/journey/1-new-programme", step_new_programme);
  g_test_add_func ("/journey/2-focus-project-with-owner", step_focus_project_with_owner);
  g_test_add_func ("/journey/3-measure-from-catalogue", step_measure_from_catalogue);
  g_test_add_func ("/journey/4-record-assessment", step_record_assessment);
  g_test_add_func ("/journey/5-enter-measurement", step_enter_measurement);
  g_test_add_func ("/journey/6-delete-with-undo-toast", step_delete_with_undo_toast);
  g_test_add_func ("/journey/7-search", step_search);
  g_test_add_func ("/journey/8-save-and-reopen", step_save_and_reopen);

  status = g_test_run ();
  g_clear_pointer (&story.path, g_free);
  g_clear_pointer (&story.measure_title, g_free);
  g_clear_object (&app);
  return status;
}
