/* test-search.c: Ctrl+F across focus projects, measures, people and indicators
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-indicators-page.h"
#include "gk-search-bar.h"
#include "page-test-helpers.h"

/* The first result of @type and, in @out_position, its position
 * (G_MAXUINT when there is none). */
static GkSearchResult *
first_of_type (GListModel *results,
               GType       type,
               guint      *out_position)
{
  if (out_position != NULL)
    *out_position = G_MAXUINT;
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(GkSearchResult) result = g_list_model_get_item (results, i);

      if (gk_search_result_get_record_type (result) == type)
        {
          if (out_position != NULL)
            *out_position = i;
          return result;  /* the list keeps it alive */
        }
    }
  return NULL;
}

static void
test_find_in_demo (void)
{
  GkWindow *window = open_demo_window ("zoek-kern.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  g_autoptr(GListModel) results = NULL;
  GkSearchResult *result;

  /* A measure, by a word of its title, whatever the case. */
  results = gk_search_find (document, "PLEEGOUDERS", 50);
  result = first_of_type (results, GK_TYPE_MEASURE, NULL);
  g_assert_nonnull (result);
  g_assert_cmpstr (gk_search_result_get_title (result), ==, "Werving van pleegouders");
  g_assert_nonnull (strstr (gk_search_result_get_subtitle (result), "Measure"));
  g_assert_nonnull (gk_document_lookup_measure (document, gk_search_result_get_id (result)));
  g_clear_object (&results);

  /* A person, by first name; every word must match. */
  results = gk_search_find (document, "fatima", 50);
  result = first_of_type (results, GK_TYPE_PERSON, NULL);
  g_assert_nonnull (result);
  g_assert_cmpstr (gk_search_result_get_title (result), ==, "Fatima Yilmaz");
  g_clear_object (&results);
  results = gk_search_find (document, "fatima jansen", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* Without the accent. */
  results = gk_search_find (document, "clienttevredenheid", 50);
  result = first_of_type (results, GK_TYPE_INDICATOR, NULL);
  g_assert_nonnull (result);
  g_assert_cmpstr (gk_search_result_get_title (result), ==, "Cliënttevredenheid jeugdhulp");
  g_clear_object (&results);

  /* A focus project; names that start with the words come first. */
  results = gk_search_find (document, "sturen", 50);
  result = g_list_model_get_item (results, 0);
  g_assert_nonnull (result);
  g_assert_true (g_str_has_prefix (gk_search_result_get_title (result), "Sturen"));
  g_object_unref (result);
  g_assert_nonnull (first_of_type (results, GK_TYPE_FOCUS_PROJECT, NULL));
  g_clear_object (&results);

  results = gk_search_find (document, "   ", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  results = gk_search_find (document, "xyzzy", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  destroy_all_windows ();
}

static GtkWidget *
pages_stack (GkWindow *window)
{
  GtkWidget *sidebar = find_of_type (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR);

  g_assert_nonnull (sidebar);
  return GTK_WIDGET (gtk_stack_sidebar_get_stack (GTK_STACK_SIDEBAR (sidebar)));
}

/* Types in the real entry and waits for the results to follow. */
static GListModel *
type_search (GkSearchBar *bar,
             const char  *text)
{
  GtkWidget *entry = require_named (GTK_WIDGET (bar), "search-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_until (gk_search_bar_get_results (bar) != NULL && g_list_model_get_n_items (gk_search_bar_get_results (bar)) > 0);
  return gk_search_bar_get_results (bar);
}

static void
test_search_in_window (void)
{
  GkWindow *window = open_demo_window ("zoek.gripkaart");
  GkSearchBar *bar = GK_SEARCH_BAR (find_of_type (GTK_WIDGET (window), GK_TYPE_SEARCH_BAR));
  GtkWidget *pages = pages_stack (window);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search");
  GListModel *results;
  GkSearchResult *result;
  guint position;
  gint64 id;

  g_assert_cmpstr (accels[0], ==, "<Control>f");
  g_assert_nonnull (bar);
  g_assert_false (gk_search_bar_get_active (bar));

  /* Ctrl+F opens the bar with the cursor in it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  drain ();
  g_assert_true (gk_search_bar_get_active (bar));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *entry = require_named (GTK_WIDGET (bar), "search-entry");

    g_assert_true (focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry)));
  }

  /* A measure: to the measures page. */
  results = type_search (bar, "pleegouders");
  result = first_of_type (results, GK_TYPE_MEASURE, &position);
  g_assert_nonnull (result);
  gk_search_bar_activate_result (bar, position);
  drain ();
  g_assert_false (gk_search_bar_get_active (bar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pages)), ==, "measures");

  /* A person: to the team page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  results = type_search (bar, "Fatima");
  result = first_of_type (results, GK_TYPE_PERSON, &position);
  g_assert_nonnull (result);
  gk_search_bar_activate_result (bar, position);
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pages)), ==, "team");

  /* An indicator: shown and selected on its page. Enter takes the best. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  results = type_search (bar, "wachttijd jeugdhulp");
  result = g_list_model_get_item (results, 0);
  g_assert_cmpint (gk_search_result_get_record_type (result), ==, GK_TYPE_INDICATOR);
  id = gk_search_result_get_id (result);
  g_object_unref (result);
  g_signal_emit_by_name (require_named (GTK_WIDGET (bar), "search-entry"), "activate");
  drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pages)), ==, "indicators");
  g_assert_cmpint (gk_indicators_page_get_selected_id (GK_INDICATORS_PAGE (gtk_stack_get_visible_child (GTK_STACK (pages)))),
                   ==, id);

  /* Closing empties it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (bar), "search-entry")), "jeugd");
  gk_search_bar_stop (bar);
  drain ();
  g_assert_false (gk_search_bar_get_active (bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (GTK_WIDGET (bar), "search-entry"))), ==, "");

  destroy_all_windows ();
}

static void
test_search_needs_a_programme (void)
{
  GkWindow *window = gk_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL) &&
                  gk_search_bar_get_active (GK_SEARCH_BAR (find_of_type (GTK_WIDGET (window), GK_TYPE_SEARCH_BAR))));
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/search/find", test_find_in_demo);
  g_test_add_func ("/search/window", test_search_in_window);
  g_test_add_func ("/search/no-programme", test_search_needs_a_programme);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
