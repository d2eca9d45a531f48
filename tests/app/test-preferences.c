/* test-preferences.c: the preferences window and the shortcuts window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-analysis.h"
#include "gk-preferences-window.h"
#include "page-test-helpers.h"

static GtkWidget *
open_preferences (void)
{
  GtkWidget *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  drain ();
  preferences = GTK_WIDGET (find_toplevel (GK_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  return preferences;
}

static void
test_headline_rule_and_review_cycle (void)
{
  GkWindow *window = open_demo_window ("voorkeuren.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkProgramme *programme = gk_document_get_programme (document);
  GtkWidget *preferences;
  GtkCheckButton *worst_check;
  GtkCheckButton *median_check;
  AdwComboRow *cycle_row;
  GkReviewCycle old_cycle = gk_programme_get_review_cycle (programme);
  GkReviewCycle new_cycle = old_cycle == GK_REVIEW_CYCLE_MONTHLY ? GK_REVIEW_CYCLE_QUARTERLY
                                                                  : GK_REVIEW_CYCLE_MONTHLY;

  g_assert_cmpint (gk_programme_get_headline_rule (programme), ==, GK_HEADLINE_RULE_WORST);
  g_assert_false (gk_document_can_undo (document));

  preferences = open_preferences ();
  worst_check = GTK_CHECK_BUTTON (require_named (preferences, "headline-worst"));
  median_check = GTK_CHECK_BUTTON (require_named (preferences, "headline-median"));
  cycle_row = ADW_COMBO_ROW (require_named (preferences, "review-cycle"));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (median_check)));
  g_assert_true (gtk_check_button_get_active (worst_check));
  g_assert_false (gtk_check_button_get_active (median_check));

  /* Choosing applies at once, as one undo step. */
  gtk_widget_activate (GTK_WIDGET (median_check));
  g_assert_cmpint (gk_programme_get_headline_rule (programme), ==, GK_HEADLINE_RULE_MEDIAN);
  g_assert_true (gk_document_can_undo (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (gk_programme_get_headline_rule (programme), ==, GK_HEADLINE_RULE_WORST);
  g_assert_false (gk_document_can_undo (document));
  /* The window follows the undo. */
  g_assert_true (gtk_check_button_get_active (worst_check));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (gk_programme_get_headline_rule (programme), ==, GK_HEADLINE_RULE_MEDIAN);
  g_assert_true (gtk_check_button_get_active (median_check));

  /* The grip engine follows the rule. */
  {
    g_autoptr(GkAnalysis) analysis = gk_analysis_new (document, NULL);

    g_assert_cmpint (gk_analysis_get_headline_rule (analysis), ==, GK_HEADLINE_RULE_MEDIAN);
  }

  adw_combo_row_set_selected (cycle_row, new_cycle);
  g_assert_cmpint (gk_programme_get_review_cycle (programme), ==, new_cycle);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (gk_programme_get_review_cycle (programme), ==, old_cycle);
  g_assert_cmpint (gk_programme_get_headline_rule (programme), ==, GK_HEADLINE_RULE_MEDIAN);

  destroy_all_windows ();
}

static void
test_user_name_goes_into_change_log (void)
{
  GSettings *settings = gk_application_get_settings (app);
  GkWindow *window = open_demo_window ("naam.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GtkWidget *preferences = open_preferences ();
  GtkWidget *name_row = require_named (preferences, "user-name");
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Sem de Boer ");
  g_signal_emit_by_name (name_row, "apply");
  stored = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (stored, ==, "Sem de Boer");
  g_assert_cmpstr (gk_document_get_user_name (document), ==, "Sem de Boer");

  /* The next edit carries the name. */
  copy = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));
  gk_programme_set_ambition (GK_PROGRAMME (copy), "Grip op de jeugdhulp in 2028.");
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_record_get_updated_by (GK_RECORD (gk_document_get_programme (document))), ==, "Sem de Boer");

  /* Emptied, the account's name is used again. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (gk_document_get_user_name (document), ==, gk_preferences_default_user_name ());

  destroy_all_windows ();
  g_settings_reset (settings, "user-name");
}

static void
test_without_programme_only_the_name (void)
{
  GkWindow *window = gk_window_new (app);
  GtkWidget *preferences;

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  preferences = open_preferences ();
  g_assert_true (gtk_widget_get_visible (require_named (preferences, "user-name")));
  g_assert_false (gtk_widget_is_visible (require_named (preferences, "headline-median")));
  g_assert_false (gtk_widget_is_visible (require_named (preferences, "review-cycle")));
  destroy_all_windows ();
}

static void
collect_shortcut_actions (GtkWidget  *widget,
                          GHashTable *actions)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;

      g_object_get (widget, "action-name", &action, NULL);
      if (action != NULL)
        g_hash_table_add (actions, g_steal_pointer (&action));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcut_actions (child, actions);
}

/* Every action with a keyboard shortcut is in the shortcuts window. */
static void
test_shortcuts_window_lists_every_accel (void)
{
  GkWindow *window = gk_window_new (app);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GtkShortcutsWindow *overlay;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  collect_shortcut_actions (GTK_WIDGET (overlay), listed);

  g_assert_true (g_hash_table_contains (listed, "win.search"));
  g_assert_true (g_hash_table_contains (listed, "app.preferences"));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);

      if (accels[0] == NULL)
        continue;
      if (!g_hash_table_contains (listed, described[i]))
        g_error ("The shortcuts window does not list %s (%s)", described[i], accels[0]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_preferences_accel (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");

  g_assert_cmpstr (accels[0], ==, "<Control>comma");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/preferences/programme", test_headline_rule_and_review_cycle);
  g_test_add_func ("/preferences/user-name", test_user_name_goes_into_change_log);
  g_test_add_func ("/preferences/no-programme", test_without_programme_only_the_name);
  g_test_add_func ("/preferences/accel", test_preferences_accel);
  g_test_add_func ("/preferences/shortcuts-window", test_shortcuts_window_lists_every_accel);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
