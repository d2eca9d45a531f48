/* test-history-page.c: who changed what and when, in the window and in an editor
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-history.h"
#include "gk-history-entry.h"
#include "gk-history-page.h"
#include "gk-measure-editor.h"
#include "gk-measures-page.h"
#include "gk-project-editor.h"
#include "gk-record-history.h"
#include "page-test-helpers.h"

static GkClock *
window_clock (GkWindow *window)
{
  return gk_session_get_clock (gk_window_get_session (window));
}

static void
set_day (GkWindow *window,
         int       day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, TEST_MONTH, TEST_YEAR);
  gk_clock_set_fixed_date (window_clock (window), &date);
}

static GkMeasure *
measure_at (GkDocument *document,
            guint       position)
{
  g_autoptr(GkMeasure) measure = g_list_model_get_item (gk_document_get_measures (document), position);

  g_assert_nonnull (measure);
  return measure;   /* the document keeps it */
}

static void
set_progress (GkDocument *document,
              const char *person,
              GkMeasure  *measure,
              int         progress)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (measure));
  g_autoptr(GError) error = NULL;

  gk_document_set_user_name (document, person);
  gk_measure_set_progress (GK_MEASURE (copy), progress);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
}

static void
set_title (GkDocument *document,
           const char *person,
           GkMeasure  *measure,
           const char *title)
{
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (measure));
  g_autoptr(GError) error = NULL;

  gk_document_set_user_name (document, person);
  gk_measure_set_title (GK_MEASURE (copy), title);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
}

/* Anne on the test day: two measures' progress; Bram the day after: a
 * title. Back to Anne as the user. */
static void
two_people_edit (GkWindow *window,
                 int      *out_first_progress)
{
  GkDocument *document = gk_window_get_document (window);
  GkMeasure *first = measure_at (document, 0);
  GkMeasure *second = measure_at (document, 1);
  int progress = gk_measure_get_progress (first);

  *out_first_progress = progress;
  set_progress (document, "Anne", first, progress == 90 ? 80 : 90);
  set_progress (document, "Anne", second, gk_measure_get_progress (second) == 10 ? 20 : 10);
  set_day (window, TEST_DAY + 1);
  set_title (document, "Bram", first, "Wachtlijst wegwerken");
  gk_document_set_user_name (document, "Anne");
}

static GkHistoryPage *
show_history (GkWindow *window)
{
  GtkWidget *page = gk_window_show_page (window, "history");

  g_assert_true (GK_IS_HISTORY_PAGE (page));
  drain ();
  return GK_HISTORY_PAGE (page);
}

/* The group headings the list shows (its rows start a group). */
static guint
count_visible_named (GtkWidget  *widget,
                     const char *name,
                     const char *containing)
{
  guint n = 0;

  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_visible (widget) &&
      (containing == NULL || strstr (gtk_label_get_text (GTK_LABEL (widget)), containing) != NULL))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_visible_named (child, name, containing);
  return n;
}

static void
choose (GtkWidget  *page,
        const char *filter_name,
        const char *label)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (require_named (page, filter_name));
  GListModel *labels = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        drain ();
        return;
      }
  g_error ("No “%s” in %s", label, filter_name);
}

static void
restore_test_day (GkWindow *window)
{
  set_day (window, TEST_DAY);
}

/* Edits by two people on top of the demo's own history: listed newest
 * first, grouped by day and person; the filters narrow the list. */
static void
test_lists_grouped_and_filters (void)
{
  GkWindow *window = open_demo_window ("geschiedenis.gripkaart");
  GkHistoryPage *page;
  GListModel *entries;
  g_autoptr(GkHistoryEntry) newest = NULL;
  g_autoptr(GkHistoryEntry) anne = NULL;
  g_autoptr(GkHistoryEntry) older = NULL;
  GtkWidget *list;
  int progress;

  two_people_edit (window, &progress);
  page = show_history (window);
  entries = gk_history_page_get_entries (page);
  /* The demo's two years come after (below) the three changes. */
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 3);
  newest = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (gk_history_entry_get_person (newest), ==, "Bram");
  g_assert_cmpstr (gk_history_entry_get_table (newest), ==, "measure");
  anne = g_list_model_get_item (entries, 2);
  g_assert_cmpstr (gk_history_entry_get_person (anne), ==, "Anne");
  older = g_list_model_get_item (entries, 3);
  g_assert_cmpstr (gk_history_entry_get_person (older), !=, "Anne");
  g_assert_cmpstr (gk_history_entry_get_person (older), !=, "Bram");

  list = require_named (GTK_WIDGET (page), "history-list");
  wait_until (count_visible_named (list, "history-title", NULL) > 3);
  /* A group for Bram's day, one for Anne's with her two changes. */
  g_assert_cmpuint (count_visible_named (list, "history-group", "Bram"), ==, 1);
  g_assert_cmpuint (count_visible_named (list, "history-group", "Anne"), ==, 1);
  g_assert_cmpuint (count_visible_named (list, "history-details", "Wachtlijst wegwerken"), ==, 1);

  choose (GTK_WIDGET (page), "person-filter", "Anne");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  choose (GTK_WIDGET (page), "kind-filter", "Focus projects");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (require_named (GTK_WIDGET (page), "content"))),
                   ==, "empty");
  choose (GTK_WIDGET (page), "kind-filter", "Measures");
  choose (GTK_WIDGET (page), "person-filter", "Everyone");
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 3);
  /* Today is Bram's day: Anne's changes were yesterday, the demo's
   * before. */
  choose (GTK_WIDGET (page), "period-filter", "Today");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);

  /* A new edit shows up by itself. */
  choose (GTK_WIDGET (page), "period-filter", "Any time");
  choose (GTK_WIDGET (page), "person-filter", "Anne");
  set_progress (gk_window_get_document (window), "Anne", measure_at (gk_window_get_document (window), 2), 55);
  wait_until (g_list_model_get_n_items (entries) == 3);

  restore_test_day (window);
  destroy_windows_unsaved ();
}

/* A change opens its record: the measure, selected on its page. */
static void
test_activate_shows_record (void)
{
  GkWindow *window = open_demo_window ("geschiedenis-link.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  gint64 id = gk_record_get_id (GK_RECORD (measure_at (document, 0)));
  GkHistoryPage *page;
  GtkWidget *shown;
  int progress;

  two_people_edit (window, &progress);
  page = show_history (window);
  g_signal_emit_by_name (require_named (GTK_WIDGET (page), "history-list"), "activate", 0);
  drain ();
  shown = gtk_stack_get_visible_child (GTK_STACK (require_named (GTK_WIDGET (window), "pages")));
  g_assert_true (GK_IS_MEASURES_PAGE (shown));
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (require_named (shown, "measures-table"));
    GkMeasure *selected;

    wait_until (gtk_column_view_get_model (table) != NULL &&
                gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table))) != NULL);
    selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)));
    g_assert_cmpint (gk_record_get_id (GK_RECORD (selected)), ==, id);
  }
  restore_test_day (window);
  destroy_windows_unsaved ();
}

/* What others changed after the user last looked is marked new; her own
 * changes never are. */
static void
test_marks_new_since_last_look (void)
{
  GkWindow *window = open_demo_window ("geschiedenis-nieuw.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkHistoryPage *page;
  GtkWidget *list;
  int progress;

  two_people_edit (window, &progress);
  show_history (window);
  gk_window_show_page (window, "overview");
  drain ();

  set_day (window, TEST_DAY + 2);
  set_progress (document, "Bram", measure_at (document, 1), 35);
  set_progress (document, "Anne", measure_at (document, 2), 45);
  gk_document_set_user_name (document, "Anne");

  page = show_history (window);
  /* The five changes of the test, on top of the demo's own. */
  g_assert_cmpuint (g_list_model_get_n_items (gk_history_page_get_entries (page)), >, 5);
  g_assert_cmpuint (gk_history_page_get_n_new (page), ==, 1);
  list = require_named (GTK_WIDGET (page), "history-list");
  wait_until (count_visible_named (list, "history-title", NULL) > 5);
  g_assert_cmpuint (count_visible_named (list, "history-new", NULL), ==, 1);
  g_assert_true (gtk_widget_get_visible (require_named (GTK_WIDGET (page), "history-new-count")));

  /* Looked at: no longer new the next time. */
  gk_window_show_page (window, "overview");
  drain ();
  page = show_history (window);
  g_assert_cmpuint (gk_history_page_get_n_new (page), ==, 0);

  restore_test_day (window);
  destroy_windows_unsaved ();
}

static gboolean
has_row_titled (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, title))
      return TRUE;
  return FALSE;
}

/* The measure editor shows the measure's own history: old -> new, who. */
static void
test_measure_editor_history (void)
{
  GkWindow *window = open_demo_window ("geschiedenis-editor.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkMeasure *first = measure_at (document, 0);
  g_autofree char *progress_row = NULL;
  g_autofree char *title_row = NULL;
  g_autofree char *old_title = g_strdup (gk_measure_get_title (first));
  g_autofree char *count_row = NULL;
  GkHistoryFilter filter = { .table = "measure", .row_id = gk_record_get_id (GK_RECORD (first)) };
  g_autoptr(GListModel) before = gk_history_query (document, &filter, NULL);
  guint n_before = g_list_model_get_n_items (before);   /* the demo's own */
  GkMeasureEditor *editor;
  GtkWidget *history;
  int progress;

  two_people_edit (window, &progress);
  editor = gk_measure_editor_new (GTK_WINDOW (window), document, first, 0);
  gtk_window_present (GTK_WINDOW (editor));
  drain ();

  history = find_of_type (GTK_WIDGET (editor), GK_TYPE_RECORD_HISTORY);
  g_assert_nonnull (history);
  g_assert_true (gtk_widget_get_visible (history));
  g_assert_cmpuint (gk_record_history_get_n_changes (GK_RECORD_HISTORY (history)), ==, n_before + 2);
  progress_row = g_strdup_printf ("Progress: %d%% → %d%%", progress, progress == 90 ? 80 : 90);
  title_row = g_strdup_printf ("Title: %s → Wachtlijst wegwerken", old_title);
  g_assert_true (has_row_titled (history, progress_row));
  g_assert_true (has_row_titled (history, title_row));
  count_row = g_strdup_printf ("%u changes", n_before + 2);
  g_assert_true (has_row_titled (history, count_row));

  /* A new measure has no history to show. */
  gtk_window_destroy (GTK_WINDOW (editor));
  editor = gk_measure_editor_new (GTK_WINDOW (window), document, NULL, 0);
  history = find_of_type (GTK_WIDGET (editor), GK_TYPE_RECORD_HISTORY);
  g_assert_false (gtk_widget_get_visible (history));
  gtk_window_destroy (GTK_WINDOW (editor));

  restore_test_day (window);
  destroy_windows_unsaved ();
}

static GkWindow *
open_as (GFile      *file,
         const char *user_name)
{
  GkWindow *window = gk_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  open_file_and_wait (window, file);
  g_assert_nonnull (gk_window_get_document (window));
  gk_document_set_user_name (gk_window_get_document (window), user_name);
  return window;
}

static void
save_and_wait (GkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_window_work (window);
  drain ();
}

static const char *
newest_person (GkHistoryPage *page)
{
  g_autoptr(GkHistoryEntry) newest = g_list_model_get_item (gk_history_page_get_entries (page), 0);

  g_assert_nonnull (newest);
  /* The entry stays in the page's list after this reference goes. */
  return gk_history_entry_get_person (newest);
}

/* Bram's published changes come into Anne's window (sharing): her History
 * page lists them, marked new, also while she looks at it. */
static void
test_others_changes_come_in_new (void)
{
  g_autofree char *path = write_demo ("geschiedenis-samen.gripkaart");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GkWindow *anne = open_as (file, "Anne");
  GkWindow *bram = open_as (file, "Bram");
  GkDocument *bram_document = gk_window_get_document (bram);
  GkMeasure *anne_measure;
  GkHistoryPage *page;
  gint64 id;

  /* The demo's own history is there from the start, and not new. */
  page = show_history (anne);
  g_assert_cmpuint (g_list_model_get_n_items (gk_history_page_get_entries (page)), >, 0);
  g_assert_cmpuint (gk_history_page_get_n_new (page), ==, 0);
  gk_window_show_page (anne, "overview");
  drain ();

  set_title (bram_document, "Bram", measure_at (bram_document, 0), "Door Bram hernoemd");
  save_and_wait (bram);
  id = gk_record_get_id (GK_RECORD (measure_at (bram_document, 0)));
  anne_measure = GK_MEASURE (gk_document_lookup_in_table (gk_window_get_document (anne), "measure", id));
  wait_until (g_strcmp0 (gk_measure_get_title (anne_measure), "Door Bram hernoemd") == 0);

  page = show_history (anne);
  g_assert_cmpstr (newest_person (page), ==, "Bram");
  g_assert_cmpuint (gk_history_page_get_n_new (page), ==, 1);

  /* While she looks. */
  set_title (bram_document, "Bram", measure_at (bram_document, 1), "Ook door Bram hernoemd");
  save_and_wait (bram);
  wait_until (gk_history_page_get_n_new (page) == 2);
  g_assert_cmpstr (newest_person (page), ==, "Bram");

  destroy_windows_unsaved ();
}

/* The project editor too. */
static void
test_project_editor_history (void)
{
  GkWindow *window = open_demo_window ("geschiedenis-project.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  g_autoptr(GkFocusProject) project = g_list_model_get_item (gk_document_get_focus_projects (document), 0);
  g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (project));
  g_autofree char *row = g_strdup_printf ("Name: %s → POH-jeugd overal", gk_focus_project_get_name (project));
  GkHistoryFilter filter = { .table = "focus_project", .row_id = gk_record_get_id (GK_RECORD (project)) };
  g_autoptr(GListModel) before = gk_history_query (document, &filter, NULL);
  guint n_before = g_list_model_get_n_items (before);   /* the demo's own */
  GkProjectEditor *editor;
  GtkWidget *history;

  gk_document_set_user_name (document, "Bram");
  gk_focus_project_set_name (GK_FOCUS_PROJECT (copy), "POH-jeugd overal");
  g_assert_true (gk_document_update (document, copy, NULL));
  editor = gk_project_editor_new (GTK_WINDOW (window), document, project);
  history = find_of_type (GTK_WIDGET (editor), GK_TYPE_RECORD_HISTORY);
  g_assert_nonnull (history);
  g_assert_true (gtk_widget_get_visible (history));
  g_assert_cmpuint (gk_record_history_get_n_changes (GK_RECORD_HISTORY (history)), ==, n_before + 1);
  g_assert_true (has_row_titled (history, row));
  gtk_window_destroy (GTK_WINDOW (editor));
  destroy_windows_unsaved ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/history-page/grouped-and-filters", test_lists_grouped_and_filters);
  g_test_add_func ("/history-page/activate", test_activate_shows_record);
  g_test_add_func ("/history-page/new-since-last-look", test_marks_new_since_last_look);
  g_test_add_func ("/history-page/measure-editor", test_measure_editor_history);
  g_test_add_func ("/history-page/project-editor", test_project_editor_history);
  g_test_add_func ("/history-page/others-changes-new", test_others_changes_come_in_new);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
