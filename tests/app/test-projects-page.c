/* test-projects-page.c: the focus projects page, driven through its widgets
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "gk-catalogue-dialog.h"
#include "gk-chart-view.h"
#include "gk-choice.h"
#include "gk-date.h"
#include "gk-money.h"
#include "gk-project-editor.h"
#include "gk-projects-page.h"
#include "page-test-helpers.h"

/* The demo as it stands today, so that "overdue" means what the page shows. */
static GkWindow *
open_demo (GkProjectsPage **out_page)
{
  GtkWidget *page;
  /* A laptop screen: everything must work there. */
  GkWindow *window = open_demo_today_on_page ("demo.gripkaart", "projects", 1024, 600, &page);

  *out_page = GK_PROJECTS_PAGE (page);
  return window;
}

static gboolean
has_css_class (GtkWidget  *widget,
               const char *css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static void
assert_problem_shown (GtkWidget  *root,
                      const char *field_name,
                      const char *label_name,
                      const char *message)
{
  GtkWidget *label = require_named (root, label_name);

  g_assert_true (has_css_class (require_named (root, field_name), "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, message);
}

static GkFocusProject *
find_project (GkDocument *document,
              const char *name)
{
  GListModel *projects = gk_document_get_focus_projects (document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);

      if (g_str_equal (gk_focus_project_get_name (project), name))
        return gk_document_lookup_focus_project (document, gk_record_get_id (GK_RECORD (project)));
    }
  return NULL;
}

static guint
count_project_topics (GkDocument *document,
                      gint64      project_id)
{
  GListModel *links = gk_document_get_project_topics (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkProjectTopic) link = g_list_model_get_item (links, i);

      n += gk_project_topic_get_project_id (link) == project_id;
    }
  return n;
}

static guint
count_measures (GkDocument *document,
                gint64      project_id)
{
  GListModel *measures = gk_document_get_measures (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);

      n += project_id == 0 || gk_measure_get_project_id (measure) == project_id;
    }
  return n;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row);
  return n;
}

static void
undo (GkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
}

static void
redo (GkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  drain ();
}

/* --- tests --------------------------------------------------------------------- */

static void
test_money (void)
{
  const struct {
    const char *text;
    gint64      cents;
  } good[] = {
    { "1250000", 125000000 },
    { "€ 1.250.000", 125000000 },
    { "1,250,000", 125000000 },
    { "1.250.000,50", 125000050 },
    { "1,250,000.5", 125000050 },
    { "12,5", 1250 },
    { "-250", -25000 },
    { "€ -1.234", -123400 },
    { "EUR 900", 90000 },
  };
  const char *bad[] = { "", "veel", "1.2.3", "12,345,6", "1,2345", "12.3456", "1..000", "5-" };
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 0;

      g_assert_true (gk_money_parse_user (good[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, good[i].cents);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 0;

      g_assert_false (gk_money_parse_user (bad[i], &cents, &error));
      g_assert_error (error, GK_VALIDATION_ERROR, GK_VALIDATION_ERROR_INVALID_VALUE);
    }

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("no nl_NL.UTF-8 locale to check the Dutch format");
      return;
    }
  {
    g_autofree char *shown = gk_money_format_cents (123456700);
    g_autofree char *typed = gk_money_cents_for_entry (123456750);
    gint64 cents = 0;

    g_assert_cmpstr (shown, ==, "€ 1.234.567");
    g_assert_cmpstr (typed, ==, "1.234.567,50");
    g_assert_true (gk_money_parse_user (typed, &cents, NULL));
    g_assert_cmpint (cents, ==, 123456750);
  }
  setlocale (LC_ALL, old_locale);
}

static void
test_add_project_with_owner (void)
{
  GkProjectsPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  guint n_projects = g_list_model_get_n_items (gk_document_get_focus_projects (document));
  GtkWidget *editor, *check;
  GkFocusProject *project;
  gint64 project_id;
  g_autofree char *budget = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.add", NULL));
  drain ();
  editor = GTK_WIDGET (find_toplevel (GK_TYPE_PROJECT_EDITOR));
  g_assert_nonnull (editor);

  /* Active without an owner: refused, and said next to the owner. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "name")), "Snelle toegang");
  gk_choice_enum_set (require_named (editor, "status"), GK_PROJECT_STATUS_ACTIVE);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  drain ();
  assert_problem_shown (editor, "owner", "project-error", "A focus project needs an owner before it can be active.");
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_focus_projects (document)), ==, n_projects);
  g_assert_true (find_toplevel (GK_TYPE_PROJECT_EDITOR) == GTK_WINDOW (editor));

  /* Choosing an owner takes the message away. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (editor, "owner")), 1);
  g_assert_false (has_css_class (require_named (editor, "owner"), "error"));
  g_assert_false (gtk_widget_get_visible (require_named (editor, "project-error")));

  /* An end before the start: said next to the end date. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "start-date")), "1-6-2027");
  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "end-date")), "1-1-2027");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  assert_problem_shown (editor, "end-date", "period-error", "The end date is before the start date.");

  /* A budget that is no amount. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "end-date")), "31-12-2027");
  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "budget")), "veel geld");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  g_assert_true (has_css_class (require_named (editor, "budget"), "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (require_named (editor, "period-error"))), "“veel geld”"));
  g_assert_false (has_css_class (require_named (editor, "end-date"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_focus_projects (document)), ==, n_projects);

  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "budget")), "€ 1.250.000");
  check = find_of_type (require_named (editor, "topics"), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  drain ();

  g_assert_null (find_toplevel (GK_TYPE_PROJECT_EDITOR));
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_focus_projects (document)), ==, n_projects + 1);
  project = find_project (document, "Snelle toegang");
  g_assert_nonnull (project);
  project_id = gk_record_get_id (GK_RECORD (project));
  g_assert_cmpint (gk_focus_project_get_status (project), ==, GK_PROJECT_STATUS_ACTIVE);
  g_assert_cmpint (gk_focus_project_get_owner_id (project), !=, 0);
  g_assert_cmpstr (gk_focus_project_get_start_date (project), ==, "2027-06-01");
  g_assert_cmpstr (gk_focus_project_get_end_date (project), ==, "2027-12-31");
  g_assert_cmpint (gk_focus_project_get_budget_cents (project), ==, 125000000);
  g_assert_cmpuint (count_project_topics (document, project_id), ==, 1);

  /* The page shows the new project, with its money in the reader's format. */
  g_assert_true (gk_projects_page_get_project (page) == project);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "project-name"))), ==, "Snelle toegang");
  budget = gk_money_format_cents (125000000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "budget"))), ==, budget);
  g_assert_cmpuint (count_rows (require_named (GTK_WIDGET (page), "project-topics")), ==, 1);

  /* The project and its topic are one step. */
  undo (window);
  g_assert_null (find_project (document, "Snelle toegang"));
  g_assert_cmpuint (count_project_topics (document, project_id), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_focus_projects (document)), ==, n_projects);
  redo (window);
  g_assert_nonnull (find_project (document, "Snelle toegang"));
  g_assert_cmpuint (count_project_topics (document, project_id), ==, 1);

  destroy_all_windows ();
}

static void
test_edit_and_delete_project (void)
{
  GkProjectsPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  guint n_projects = g_list_model_get_n_items (gk_document_get_focus_projects (document));
  GkFocusProject *project = gk_projects_page_get_project (page);
  gint64 project_id = gk_record_get_id (GK_RECORD (project));
  guint n_measures = count_measures (document, project_id);
  g_autofree char *name = g_strdup (gk_focus_project_get_name (project));
  GtkWidget *editor;

  g_assert_cmpuint (n_measures, >, 0);
  g_assert_cmpuint (count_rows (require_named (GTK_WIDGET (page), "project-measures")), ==, n_measures);

  /* Editing: the name changes, in one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.edit", NULL));
  drain ();
  editor = GTK_WIDGET (find_toplevel (GK_TYPE_PROJECT_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (editor, "name"))), ==, name);
  gtk_editable_set_text (GTK_EDITABLE (require_named (editor, "name")), "Huisarts als poortwachter");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  drain ();
  g_assert_cmpstr (gk_focus_project_get_name (project), ==, "Huisarts als poortwachter");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "project-name"))), ==,
                   "Huisarts als poortwachter");
  undo (window);
  g_assert_cmpstr (gk_focus_project_get_name (project), ==, name);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "project-name"))), ==, name);

  /* Deleting takes the measures along; Undo brings all of it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.delete", NULL));
  drain ();
  g_assert_null (gk_document_lookup_focus_project (document, project_id));
  g_assert_cmpuint (count_measures (document, project_id), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_focus_projects (document)), ==, n_projects - 1);
  g_assert_true (gk_projects_page_get_project (page) != NULL);
  g_assert_cmpint (gk_record_get_id (GK_RECORD (gk_projects_page_get_project (page))), !=, project_id);
  g_assert_cmpstr (gk_document_get_undo_description (document), !=, NULL);

  undo (window);
  g_assert_nonnull (gk_document_lookup_focus_project (document, project_id));
  g_assert_cmpuint (count_measures (document, project_id), ==, n_measures);
  gk_projects_page_select_project (page, project_id);
  g_assert_cmpuint (count_rows (require_named (GTK_WIDGET (page), "project-measures")), ==, n_measures);
  redo (window);
  g_assert_null (gk_document_lookup_focus_project (document, project_id));

  destroy_all_windows ();
}

static GkMeasureTarget *
target_of (GkDocument *document,
           gint64      measure_id)
{
  GListModel *targets = gk_document_get_measure_targets (document);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);

      if (gk_measure_target_get_measure_id (target) == measure_id)
        return GK_MEASURE_TARGET (gk_document_lookup (document, GK_TYPE_MEASURE_TARGET,
                                                      gk_record_get_id (GK_RECORD (target))));
    }
  return NULL;
}

static void
test_add_measure_from_catalogue (void)
{
  GkProjectsPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  GkFocusProject *project = gk_projects_page_get_project (page);
  gint64 project_id = gk_record_get_id (GK_RECORD (project));
  guint n_measures = count_measures (document, 0);
  guint n_in_project = count_measures (document, project_id);
  g_autoptr(GkTopic) topic = g_list_model_get_item (gk_document_get_topics (document), 2);
  GtkWidget *dialog, *list, *row;
  g_autofree char *title = NULL;
  GkMeasure *measure = NULL;
  GkMeasureTarget *target;
  gint64 measure_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.add-from-catalogue", NULL));
  drain ();
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_CATALOGUE_DIALOG));
  g_assert_nonnull (dialog);

  /* Searching narrows the catalogue; Enter would take the first that matches. */
  list = require_named (dialog, "catalogue");
  g_assert_cmpuint (count_rows (list), ==, g_list_model_get_n_items (gk_document_get_catalogue (document)));
  row = gtk_widget_get_first_child (list);
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_activate (row);
  drain ();
  g_assert_true (gtk_widget_get_visible (require_named (dialog, "add")));

  /* No topic: refused next to the topic. */
  gk_choice_record_set (require_named (dialog, "topic"), 0);
  g_assert_true (gtk_widget_activate_action (dialog, "catalogue.add", NULL));
  assert_problem_shown (dialog, "topic", "target-error", "Choose the topic this measure must help.");
  g_assert_cmpuint (count_measures (document, 0), ==, n_measures);

  gk_choice_record_set (require_named (dialog, "topic"), gk_record_get_id (GK_RECORD (topic)));
  gk_choice_enum_set (require_named (dialog, "level"), GK_LEVEL_VIGILANT);
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "date")), "31-12-2027");
  g_assert_true (gtk_widget_activate_action (dialog, "catalogue.add", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_CATALOGUE_DIALOG));

  g_assert_cmpuint (count_measures (document, 0), ==, n_measures + 1);
  g_assert_cmpuint (count_measures (document, project_id), ==, n_in_project + 1);
  for (guint i = 0; i < g_list_model_get_n_items (gk_document_get_measures (document)); i++)
    {
      g_autoptr(GkMeasure) item = g_list_model_get_item (gk_document_get_measures (document), i);

      if (gk_measure_get_project_id (item) == project_id && g_str_equal (gk_measure_get_title (item), title))
        measure = item;
    }
  g_assert_nonnull (measure);
  measure_id = gk_record_get_id (GK_RECORD (measure));
  g_assert_cmpint (gk_measure_get_owner_id (measure), ==, gk_focus_project_get_owner_id (project));
  target = target_of (document, measure_id);
  g_assert_nonnull (target);
  g_assert_cmpint (gk_measure_target_get_topic_id (target), ==, gk_record_get_id (GK_RECORD (topic)));
  g_assert_cmpint (gk_measure_target_get_target_level (target), ==, GK_LEVEL_VIGILANT);
  g_assert_cmpstr (gk_measure_target_get_target_date (target), ==, "2027-12-31");
  g_assert_cmpuint (count_rows (require_named (GTK_WIDGET (page), "project-measures")), ==, n_in_project + 1);

  /* Measure, owner and target are one step. */
  undo (window);
  g_assert_null (gk_document_lookup_measure (document, measure_id));
  g_assert_null (target_of (document, measure_id));
  g_assert_cmpuint (count_rows (require_named (GTK_WIDGET (page), "project-measures")), ==, n_in_project);
  redo (window);
  g_assert_nonnull (gk_document_lookup_measure (document, measure_id));
  g_assert_nonnull (target_of (document, measure_id));
  g_assert_cmpuint (count_rows (require_named (GTK_WIDGET (page), "project-measures")), ==, n_in_project + 1);

  destroy_all_windows ();
}

/* The first measure of the shown project: the first row of its list. */
static GkMeasure *
first_measure (GkDocument *document,
               gint64      project_id)
{
  GListModel *measures = gk_document_get_measures (document);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);

      if (gk_measure_get_project_id (measure) == project_id)
        return gk_document_lookup_measure (document, gk_record_get_id (GK_RECORD (measure)));
    }
  return NULL;
}

static void
wait_for_progress (GkMeasure *measure,
                   int        progress)
{
  wait_until (gk_measure_get_progress (measure) == progress);
}

static void
test_inline_status_and_progress (void)
{
  GkProjectsPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  gint64 project_id = gk_record_get_id (GK_RECORD (gk_projects_page_get_project (page)));
  GkMeasure *measure = first_measure (document, project_id);
  GtkWidget *list = require_named (GTK_WIDGET (page), "project-measures");
  GtkWidget *drop = require_named (list, "measure-status");
  GtkWidget *scale = require_named (list, "measure-progress");
  GtkWidget *row = gtk_widget_get_ancestor (drop, GTK_TYPE_LIST_BOX_ROW);
  GkMeasureStatus old_status = gk_measure_get_status (measure);
  GkMeasureStatus new_status = old_status == GK_MEASURE_STATUS_PLANNED ? GK_MEASURE_STATUS_IDEA
                                                                       : GK_MEASURE_STATUS_PLANNED;
  int old_progress;

  g_assert_nonnull (measure);
  g_assert_cmpint (gk_choice_enum_get (drop), ==, old_status);

  gk_choice_enum_set (drop, new_status);
  drain ();
  g_assert_cmpint (gk_measure_get_status (measure), ==, new_status);
  /* The row stays (with the keyboard focus in it), only its values change. */
  g_assert_true (gtk_widget_get_parent (row) == list);
  g_assert_true (require_named (list, "measure-status") == drop);

  undo (window);
  g_assert_cmpint (gk_measure_get_status (measure), ==, old_status);
  g_assert_cmpint (gk_choice_enum_get (drop), ==, old_status);
  redo (window);
  g_assert_cmpint (gk_measure_get_status (measure), ==, new_status);
  g_assert_cmpint (gk_choice_enum_get (drop), ==, new_status);

  /* Done: a done date and full progress come with it. */
  gk_choice_enum_set (drop, GK_MEASURE_STATUS_IN_PROGRESS);
  drain ();
  gk_choice_enum_set (drop, GK_MEASURE_STATUS_DONE);
  drain ();
  g_assert_cmpint (gk_measure_get_status (measure), ==, GK_MEASURE_STATUS_DONE);
  g_assert_nonnull (gk_measure_get_done_date (measure));
  g_assert_cmpint (gk_measure_get_progress (measure), ==, 100);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 100);
  gk_choice_enum_set (drop, GK_MEASURE_STATUS_IN_PROGRESS);
  drain ();
  g_assert_null (gk_measure_get_done_date (measure));

  /* Progress is written once the slider rests: one step. */
  old_progress = gk_measure_get_progress (measure);
  gtk_range_set_value (GTK_RANGE (scale), 30);
  gtk_range_set_value (GTK_RANGE (scale), 35);
  g_assert_cmpint (gk_measure_get_progress (measure), ==, old_progress);
  wait_for_progress (measure, 35);
  undo (window);
  g_assert_cmpint (gk_measure_get_progress (measure), ==, old_progress);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, old_progress);
  redo (window);
  g_assert_cmpint (gk_measure_get_progress (measure), ==, 35);

  destroy_all_windows ();
}

/* The chart views of the project's indicators, and the chart data they draw. */
static guint
count_indicator_charts (GkProjectsPage *page,
                        GkChartModel  **out_model)
{
  GtkBox *box = gk_projects_page_get_indicator_charts_box (page);
  guint n = 0;

  *out_model = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GK_IS_CHART_VIEW (child))
      {
        *out_model = gk_chart_view_get_model (GK_CHART_VIEW (child));
        n++;
      }
  return n;
}

/* After an edit the charts are drawn again from the renewed chart data. */
static void
test_indicator_charts_follow_edits (void)
{
  GkProjectsPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  GkFocusProject *project = gk_projects_page_get_project (page);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (project));
  GkChartModel *before, *after;
  guint n;

  n = count_indicator_charts (page, &before);
  g_assert_cmpuint (n, >, 0);
  g_assert_nonnull (before);
  g_object_add_weak_pointer (G_OBJECT (before), (gpointer *) &before);

  gk_focus_project_set_health_reason (GK_FOCUS_PROJECT (copy), "Bijgewerkt na de stuurgroep.");
  g_assert_true (gk_document_update (document, copy, NULL));
  /* The old chart data goes: no view still holds it. */
  wait_until (before == NULL);
  g_assert_cmpuint (count_indicator_charts (page, &after), ==, n);
  g_assert_nonnull (after);
  destroy_all_windows ();
}

/* While another page is shown, an edit does not draw the project's charts
 * for nobody; showing the page again shows the edit and the charts. */
static void
test_hidden_detail_waits_for_the_page (void)
{
  GkProjectsPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  GkFocusProject *project = gk_projects_page_get_project (page);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (project));
  GkChartModel *model = NULL;
  GtkWidget *name = require_named (GTK_WIDGET (page), "project-name");
  g_autofree char *old_name = g_strdup (gk_focus_project_get_name (project));
  guint n = count_indicator_charts (page, &model);

  g_assert_cmpuint (n, >, 0);
  gk_window_show_page (window, "overview");
  wait_until (!gtk_widget_get_mapped (GTK_WIDGET (page)));

  gk_focus_project_set_name (GK_FOCUS_PROJECT (copy), "Wijkteams dichtbij");
  g_assert_true (gk_document_update (document, copy, NULL));
  drain ();
  /* Nothing drawn while hidden: the old charts went (they held the old
   * data), no new ones were made, the old name still stands. */
  g_assert_cmpuint (count_indicator_charts (page, &model), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, old_name);

  gk_window_show_page (window, "projects");
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "Wijkteams dichtbij");
  g_assert_cmpuint (count_indicator_charts (page, &model), ==, n);
  g_assert_nonnull (model);
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/projects-page/money", test_money);
  g_test_add_func ("/projects-page/add-project-with-owner", test_add_project_with_owner);
  g_test_add_func ("/projects-page/edit-and-delete", test_edit_and_delete_project);
  g_test_add_func ("/projects-page/measure-from-catalogue", test_add_measure_from_catalogue);
  g_test_add_func ("/projects-page/inline-status-and-progress", test_inline_status_and_progress);
  g_test_add_func ("/projects-page/indicator-charts-follow-edits", test_indicator_charts_follow_edits);
  g_test_add_func ("/projects-page/hidden-detail-waits-for-the-page", test_hidden_detail_waits_for_the_page);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
