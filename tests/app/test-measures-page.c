/* test-measures-page.c: the measures table and the measure editor
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-attention.h"
#include "gk-choice.h"
#include "gk-date.h"
#include "gk-demo.h"
#include "gk-measure-editor.h"
#include "gk-measures-page.h"
#include "page-test-helpers.h"

static GkWindow *
open_file (const char      *path,
           GkMeasuresPage **out_page)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *window = gk_window_new (app);
  GtkWidget *page;

  /* A laptop screen: everything must work there. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  g_assert_nonnull (gk_window_get_document (window));
  page = gk_window_show_page (window, "measures");
  g_assert_true (GK_IS_MEASURES_PAGE (page));
  drain ();
  *out_page = GK_MEASURES_PAGE (page);
  return window;
}

/* The demo as it stands today, so that "overdue" means what the page shows. */
static GkWindow *
open_demo (GkMeasuresPage **out_page)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo.gripkaart", NULL);
  g_autoptr(GError) error = NULL;
  GDate today = test_today ();

  g_remove (path);
  g_assert_true (gk_demo_write_file (path, &today, &error));
  g_assert_no_error (error);
  return open_file (path, out_page);
}

typedef struct {
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
} Table;

static Table
table_of (GkMeasuresPage *page)
{
  Table table;

  table.view = GTK_COLUMN_VIEW (require_named (GTK_WIDGET (page), "measures-table"));
  table.selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (table.view));
  table.sorted = GTK_SORT_LIST_MODEL (gtk_single_selection_get_model (table.selection));
  table.filtered = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (table.sorted));
  return table;
}

static guint
n_shown (const Table *table)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (table->sorted));

  /* Sorting never hides or adds a row. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table->filtered)), ==, n);
  return n;
}

static GkMeasure *
shown_measure (const Table *table,
               guint        position)
{
  g_autoptr(GkMeasure) measure = g_list_model_get_item (G_LIST_MODEL (table->sorted), position);

  return measure;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_error ("no column “%s”", title);
}

typedef gboolean (*MeasurePredicate) (GkDocument *document, GkMeasure *measure, gpointer data);

static guint
count_in_document (GkDocument       *document,
                   MeasurePredicate  predicate,
                   gpointer          data)
{
  GListModel *measures = gk_document_get_measures (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);

      n += predicate == NULL || predicate (document, measure, data);
    }
  return n;
}

static gboolean
has_status (GkDocument *document, GkMeasure *measure, gpointer data)
{
  return (int) gk_measure_get_status (measure) == GPOINTER_TO_INT (data);
}

static gboolean
in_project_with_status (GkDocument *document, GkMeasure *measure, gpointer data)
{
  const gint64 *project_status = data;

  return gk_measure_get_project_id (measure) == project_status[0] &&
         (gint64) gk_measure_get_status (measure) == project_status[1];
}

static gboolean
overdue (GkDocument *document, GkMeasure *measure, gpointer data)
{
  GDate today = test_today (), due;

  return gk_measure_get_due_date (measure) != NULL &&
         gk_date_parse_iso (gk_measure_get_due_date (measure), &due) &&
         gk_attention_measure_overdue (gk_measure_get_status (measure), &due, &today);
}

static gboolean
targets_topic (GkDocument *document, GkMeasure *measure, gpointer data)
{
  GListModel *targets = gk_document_get_measure_targets (document);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);

      if (gk_measure_target_get_measure_id (target) == gk_record_get_id (GK_RECORD (measure)) &&
          gk_measure_target_get_topic_id (target) == *(gint64 *) data)
        return TRUE;
    }
  return FALSE;
}

/* Says what the editor refused, so that a failing test tells why. */
static void
assert_editor_closed (void)
{
  GtkWindow *editor = find_toplevel (GK_TYPE_MEASURE_EDITOR);
  const char *labels[] = { "measure-error", "planning-error", "effect-error", "targets-error", "links-error" };

  if (editor == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = require_named (GTK_WIDGET (editor), labels[i]);

      if (gtk_widget_get_visible (label))
        g_error ("the editor refused: %s", gtk_label_get_text (GTK_LABEL (label)));
    }
  g_error ("the editor is still open");
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
test_filters (void)
{
  GkMeasuresPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  Table table = table_of (page);
  guint total = count_in_document (document, NULL, NULL);
  g_autoptr(GkFocusProject) project = g_list_model_get_item (gk_document_get_focus_projects (document), 1);
  g_autoptr(GkMeasureTarget) some_target = g_list_model_get_item (gk_document_get_measure_targets (document), 0);
  GkTopic *topic = gk_document_lookup_topic (document, gk_measure_target_get_topic_id (some_target));
  gint64 project_status[2] = { gk_record_get_id (GK_RECORD (project)), GK_MEASURE_STATUS_DONE };
  gint64 topic_id = gk_record_get_id (GK_RECORD (topic));
  guint n_done = count_in_document (document, has_status, GINT_TO_POINTER (GK_MEASURE_STATUS_DONE));
  guint n_overdue = count_in_document (document, overdue, NULL);
  guint n_topic = count_in_document (document, targets_topic, &topic_id);

  g_assert_cmpuint (total, >=, 40);
  g_assert_cmpuint (n_shown (&table), ==, total);

  gk_choice_enum_set (require_named (GTK_WIDGET (page), "filter-status"), GK_MEASURE_STATUS_DONE);
  g_assert_cmpuint (n_done, >, 0);
  g_assert_cmpuint (n_done, <, total);
  g_assert_cmpuint (n_shown (&table), ==, n_done);
  for (guint i = 0; i < n_shown (&table); i++)
    g_assert_cmpint (gk_measure_get_status (shown_measure (&table, i)), ==, GK_MEASURE_STATUS_DONE);

  /* Filters add up. */
  gk_choice_record_set (require_named (GTK_WIDGET (page), "filter-project"), project_status[0]);
  g_assert_cmpuint (n_shown (&table), ==, count_in_document (document, in_project_with_status, project_status));
  g_assert_cmpuint (n_shown (&table), <, n_done);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "measures.clear-filters", NULL));
  g_assert_cmpuint (n_shown (&table), ==, total);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_named (GTK_WIDGET (page), "filter-overdue")), TRUE);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_shown (&table), ==, n_overdue);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_named (GTK_WIDGET (page), "filter-overdue")), FALSE);

  gk_choice_record_set (require_named (GTK_WIDGET (page), "filter-topic"), topic_id);
  g_assert_cmpuint (n_topic, >, 0);
  g_assert_cmpuint (n_shown (&table), ==, n_topic);
  gk_choice_record_set (require_named (GTK_WIDGET (page), "filter-topic"), 0);

  /* The search field waits for the typing to pause. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "search")), "poh");
  wait_until (n_shown (&table) < total);
  g_assert_cmpuint (n_shown (&table), >, 0);
  for (guint i = 0; i < n_shown (&table); i++)
    {
      g_autofree char *title = g_utf8_casefold (gk_measure_get_title (shown_measure (&table, i)), -1);

      g_assert_nonnull (strstr (title, "poh"));
    }

  /* Nothing matches: the page says so and offers to clear the filters. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "search")), "geen enkele maatregel heet zo");
  wait_until (n_shown (&table) == 0);
  g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_parent (GTK_WIDGET (table.view))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "measures.clear-filters", NULL));
  g_assert_cmpuint (n_shown (&table), ==, total);

  /* A change to a measure moves it in or out of the filtered rows at once. */
  gk_choice_enum_set (require_named (GTK_WIDGET (page), "filter-status"), GK_MEASURE_STATUS_DONE);
  {
    GkMeasure *measure = shown_measure (&table, 0);
    g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (measure));

    gk_measure_set_status (GK_MEASURE (copy), GK_MEASURE_STATUS_IN_PROGRESS);
    g_assert_true (gk_document_update (document, copy, NULL));
    g_assert_cmpuint (n_shown (&table), ==, n_done - 1);
    undo (window);
    g_assert_cmpuint (n_shown (&table), ==, n_done);
  }

  destroy_all_windows ();
}

static void
assert_sorted (const Table *table,
               int        (*compare) (GkMeasure *a, GkMeasure *b),
               int          direction)
{
  for (guint i = 1; i < n_shown (table); i++)
    g_assert_cmpint (direction * compare (shown_measure (table, i - 1), shown_measure (table, i)), <=, 0);
}

/* As the Title column's GtkStringSorter (ignore-case, its default) orders:
 * case-folded, then collated in the current locale. */
static int
by_title (GkMeasure *a, GkMeasure *b)
{
  g_autofree char *folded_a = g_utf8_casefold (gk_measure_get_title (a), -1);
  g_autofree char *folded_b = g_utf8_casefold (gk_measure_get_title (b), -1);

  return g_utf8_collate (folded_a, folded_b);
}

static int
by_progress (GkMeasure *a, GkMeasure *b)
{
  return gk_measure_get_progress (a) - gk_measure_get_progress (b);
}

/* Measures without a due date come last. */
static int
by_due_date (GkMeasure *a, GkMeasure *b)
{
  const char *da = gk_measure_get_due_date (a);
  const char *db = gk_measure_get_due_date (b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return strcmp (da, db);
}

static void
test_sorting (void)
{
  GkMeasuresPage *page;
  Table table;
  guint total;
  g_autofree char *first = NULL;

  open_demo (&page);
  table = table_of (page);
  total = n_shown (&table);

  /* By due date until the user says otherwise. */
  assert_sorted (&table, by_due_date, 1);

  gtk_column_view_sort_by_column (table.view, column_titled (table.view, "Title"), GTK_SORT_ASCENDING);
  assert_sorted (&table, by_title, 1);
  first = g_strdup (gk_measure_get_title (shown_measure (&table, 0)));
  gtk_column_view_sort_by_column (table.view, column_titled (table.view, "Title"), GTK_SORT_DESCENDING);
  assert_sorted (&table, by_title, -1);
  g_assert_cmpstr (gk_measure_get_title (shown_measure (&table, total - 1)), ==, first);

  gtk_column_view_sort_by_column (table.view, column_titled (table.view, "Progress"), GTK_SORT_ASCENDING);
  assert_sorted (&table, by_progress, 1);
  g_assert_cmpuint (n_shown (&table), ==, total);

  /* Sorting follows the filter, and the filter the sorting. */
  gk_choice_enum_set (require_named (GTK_WIDGET (page), "filter-status"), GK_MEASURE_STATUS_IN_PROGRESS);
  assert_sorted (&table, by_progress, 1);
  g_assert_cmpuint (n_shown (&table), <, total);

  destroy_all_windows ();
}

static GkMeasureEditor *
open_editor_on_row (GkMeasuresPage *page,
                    guint           position)
{
  Table table = table_of (page);

  /* What a double click or Enter on a row does. */
  g_signal_emit_by_name (table.view, "activate", position);
  drain ();
  return GK_MEASURE_EDITOR (find_toplevel (GK_TYPE_MEASURE_EDITOR));
}

static guint
count_rows_of (GkDocument *document,
               GType       type,
               gint64      measure_id)
{
  GListModel *rows = gk_document_get_list (document, type);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRecord) row = g_list_model_get_item (rows, i);

      if (type == GK_TYPE_MEASURE_TARGET)
        n += gk_measure_target_get_measure_id (GK_MEASURE_TARGET (row)) == measure_id;
      else
        n += gk_measure_link_get_from_measure_id (GK_MEASURE_LINK (row)) == measure_id ||
             gk_measure_link_get_to_measure_id (GK_MEASURE_LINK (row)) == measure_id;
    }
  return n;
}

static gboolean
has_target (GkDocument *document,
            gint64      measure_id,
            gint64      topic_id)
{
  GListModel *targets = gk_document_get_measure_targets (document);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(GkMeasureTarget) target = g_list_model_get_item (targets, i);

      if (gk_measure_target_get_measure_id (target) == measure_id &&
          gk_measure_target_get_topic_id (target) == topic_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_editor (void)
{
  GkMeasuresPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  Table table = table_of (page);
  GkMeasure *measure = shown_measure (&table, 3);
  gint64 id = gk_record_get_id (GK_RECORD (measure));
  g_autofree char *old_title = g_strdup (gk_measure_get_title (measure));
  guint n_targets = count_rows_of (document, GK_TYPE_MEASURE_TARGET, id);
  guint n_links = count_rows_of (document, GK_TYPE_MEASURE_LINK, id);
  GkMeasureEditor *editor = open_editor_on_row (page, 3);
  GtkWidget *ed = GTK_WIDGET (editor);
  GtkWidget *add_topic;
  gint64 free_topic = 0;

  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (ed, "title"))), ==, old_title);

  /* A due date before the start is refused beside the due date. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (ed, "start-date")), "1-1-2020");
  gtk_editable_set_text (GTK_EDITABLE (require_named (ed, "due-date")), "1-12-2019");
  g_assert_true (gtk_widget_activate_action (ed, "editor.save", NULL));
  drain ();
  g_assert_true (gtk_widget_has_css_class (require_named (ed, "due-date"), "error"));
  g_assert_true (gtk_widget_get_visible (require_named (ed, "planning-error")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (ed, "planning-error"))), ==,
                   "The due date is before the start date.");
  g_assert_true (find_toplevel (GK_TYPE_MEASURE_EDITOR) == GTK_WINDOW (editor));
  g_assert_cmpstr (gk_measure_get_title (measure), ==, old_title);

  /* An impossible date is refused where it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (ed, "due-date")), "31-2-2027");
  g_assert_true (gtk_widget_activate_action (ed, "editor.save", NULL));
  g_assert_true (gtk_widget_has_css_class (require_named (ed, "due-date"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (require_named (ed, "due-date")), "1-6-2027");

  /* A target for a topic it has none for; the same topic twice is refused. */
  add_topic = require_named (ed, "target-topic");
  for (guint i = 0; i < g_list_model_get_n_items (gk_document_get_topics (document)) && free_topic == 0; i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (gk_document_get_topics (document), i);

      if (!has_target (document, id, gk_record_get_id (GK_RECORD (topic))))
        free_topic = gk_record_get_id (GK_RECORD (topic));
    }
  g_assert_cmpint (free_topic, !=, 0);
  g_assert_true (gtk_widget_activate_action (ed, "editor.add-target", NULL));
  g_assert_true (gtk_widget_has_css_class (add_topic, "error"));
  gk_choice_record_set (add_topic, free_topic);
  gk_choice_enum_set (require_named (ed, "target-level"), GK_LEVEL_IN_CONTROL);
  gtk_editable_set_text (GTK_EDITABLE (require_named (ed, "target-date")), "31-12-2027");
  g_assert_true (gtk_widget_activate_action (ed, "editor.add-target", NULL));
  g_assert_false (gtk_widget_get_visible (require_named (ed, "targets-error")));
  gk_choice_record_set (add_topic, free_topic);
  g_assert_true (gtk_widget_activate_action (ed, "editor.add-target", NULL));
  g_assert_true (gtk_widget_get_visible (require_named (ed, "targets-error")));

  /* A link to another measure. */
  gk_choice_enum_set (require_named (ed, "link-kind"), GK_LINK_KIND_CONFLICTS_WITH);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (require_named (ed, "link-measure")), 0);
  g_assert_true (gtk_widget_activate_action (ed, "editor.add-link", NULL));

  gtk_editable_set_text (GTK_EDITABLE (require_named (ed, "title")), "Een nieuwe titel");
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_TARGET, id), ==, n_targets);
  g_assert_true (gtk_widget_activate_action (ed, "editor.save", NULL));
  drain ();
  assert_editor_closed ();

  g_assert_cmpstr (gk_measure_get_title (measure), ==, "Een nieuwe titel");
  g_assert_cmpstr (gk_measure_get_due_date (measure), ==, "2027-06-01");
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_TARGET, id), ==, n_targets + 1);
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_LINK, id), ==, n_links + 1);

  /* The whole edit is one undo step. */
  undo (window);
  g_assert_cmpstr (gk_measure_get_title (measure), ==, old_title);
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_TARGET, id), ==, n_targets);
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_LINK, id), ==, n_links);
  redo (window);
  g_assert_cmpstr (gk_measure_get_title (measure), ==, "Een nieuwe titel");
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_TARGET, id), ==, n_targets + 1);
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_LINK, id), ==, n_links + 1);

  /* Removing a target and a link in the editor, again one step. */
  gk_measures_page_edit_measure (page, id);
  drain ();
  ed = GTK_WIDGET (find_toplevel (GK_TYPE_MEASURE_EDITOR));
  g_signal_emit_by_name (require_named (ed, "remove-target"), "clicked");
  g_signal_emit_by_name (require_named (ed, "remove-link"), "clicked");
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_TARGET, id), ==, n_targets + 1);
  g_assert_true (gtk_widget_activate_action (ed, "editor.save", NULL));
  drain ();
  assert_editor_closed ();
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_TARGET, id), ==, n_targets);
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_LINK, id), ==, n_links);
  undo (window);
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_TARGET, id), ==, n_targets + 1);
  g_assert_cmpuint (count_rows_of (document, GK_TYPE_MEASURE_LINK, id), ==, n_links + 1);
  g_assert_cmpstr (gk_measure_get_title (measure), ==, "Een nieuwe titel");

  destroy_all_windows ();
}

static void
test_new_and_delete (void)
{
  GkMeasuresPage *page;
  GkWindow *window = open_demo (&page);
  GkDocument *document = gk_window_get_document (window);
  Table table = table_of (page);
  guint total = n_shown (&table);
  GtkWidget *ed;
  GkMeasure *measure;
  gint64 id;

  /* From scratch: a title is all it needs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "measures.new", NULL));
  drain ();
  ed = GTK_WIDGET (find_toplevel (GK_TYPE_MEASURE_EDITOR));
  g_assert_nonnull (ed);
  g_assert_true (gtk_widget_activate_action (ed, "editor.save", NULL));
  g_assert_true (gtk_widget_has_css_class (require_named (ed, "title"), "error"));
  g_assert_true (gtk_widget_get_visible (require_named (ed, "measure-error")));
  g_assert_cmpuint (n_shown (&table), ==, total);

  gtk_editable_set_text (GTK_EDITABLE (require_named (ed, "title")), "Vroegsignalering op het consultatiebureau");
  gk_choice_enum_set (require_named (ed, "status"), GK_MEASURE_STATUS_DONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (ed, "done-date"))), !=, "");
  g_assert_true (gtk_widget_activate_action (ed, "editor.save", NULL));
  drain ();
  assert_editor_closed ();
  g_assert_cmpuint (n_shown (&table), ==, total + 1);

  /* The new measure is selected; adding it is one step. */
  measure = gtk_single_selection_get_selected_item (table.selection);
  g_assert_nonnull (measure);
  g_assert_cmpstr (gk_measure_get_title (measure), ==, "Vroegsignalering op het consultatiebureau");
  g_assert_cmpint (gk_measure_get_progress (measure), ==, 100);
  id = gk_record_get_id (GK_RECORD (measure));
  undo (window);
  g_assert_null (gk_document_lookup_measure (document, id));
  g_assert_cmpuint (n_shown (&table), ==, total);
  redo (window);
  g_assert_nonnull (gk_document_lookup_measure (document, id));
  g_assert_cmpuint (n_shown (&table), ==, total + 1);

  /* Delete removes the selected measure, Undo brings it back. */
  gk_measures_page_select_measure (page, id);
  g_assert_true (gtk_single_selection_get_selected_item (table.selection) == gk_document_lookup_measure (document, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "measures.delete", NULL));
  drain ();
  g_assert_null (gk_document_lookup_measure (document, id));
  g_assert_cmpuint (n_shown (&table), ==, total);
  undo (window);
  g_assert_nonnull (gk_document_lookup_measure (document, id));
  g_assert_cmpuint (n_shown (&table), ==, total + 1);

  /* Deleting from the editor works the same. */
  gk_measures_page_edit_measure (page, id);
  drain ();
  ed = GTK_WIDGET (find_toplevel (GK_TYPE_MEASURE_EDITOR));
  g_assert_true (gtk_widget_get_visible (require_named (ed, "delete")));
  g_assert_true (gtk_widget_activate_action (ed, "editor.delete", NULL));
  drain ();
  assert_editor_closed ();
  g_assert_null (gk_document_lookup_measure (document, id));
  undo (window);
  g_assert_nonnull (gk_document_lookup_measure (document, id));

  destroy_all_windows ();
}

/* The large programme of the benchmarks: 400 measures, sorted and
 * filtered. (How fast: tests/bench/bench-window.) */
static void
test_large_programme (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "large.gripkaart", NULL);
  g_autoptr(GError) error = NULL;
  GkMeasuresPage *page;
  Table table;
  GDate today;

  today = test_today ();
  g_remove (path);
  g_assert_true (gk_demo_write_large_file (path, &today, &error));
  g_assert_no_error (error);

  open_file (path, &page);
  table = table_of (page);
  g_assert_cmpuint (n_shown (&table), ==, 400);

  gtk_column_view_sort_by_column (table.view, column_titled (table.view, "Focus project"), GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (table.view, column_titled (table.view, "Title"), GTK_SORT_DESCENDING);
  drain ();
  assert_sorted (&table, by_title, -1);
  g_assert_cmpuint (n_shown (&table), ==, 400);

  gk_choice_enum_set (require_named (GTK_WIDGET (page), "filter-status"), GK_MEASURE_STATUS_IN_PROGRESS);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_named (GTK_WIDGET (page), "filter-overdue")), TRUE);
  drain ();
  g_assert_cmpuint (n_shown (&table), >, 0);
  g_assert_cmpuint (n_shown (&table), <, 400);
  for (guint i = 0; i < n_shown (&table); i++)
    {
      g_assert_cmpint (gk_measure_get_status (shown_measure (&table, i)), ==, GK_MEASURE_STATUS_IN_PROGRESS);
      g_assert_true (overdue (NULL, shown_measure (&table, i), NULL));
    }
  assert_sorted (&table, by_title, -1);

  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/measures-page/filters", test_filters);
  g_test_add_func ("/measures-page/sorting", test_sorting);
  g_test_add_func ("/measures-page/editor", test_editor);
  g_test_add_func ("/measures-page/new-and-delete", test_new_and_delete);
  g_test_add_func ("/measures-page/large-programme", test_large_programme);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
