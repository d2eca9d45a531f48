/* test-accessibility.c: every control has a name and every dialog works by keyboard
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A screen reader says a control's accessible name: its label, the title of
 * the row it sits in, or an explicit accessible label. A button that shows
 * only an icon, an entry without a label, a switch on its own have none
 * unless we give it. This walks the window on the demo programme, page by
 * page with a record selected, and every dialog and editor, and names each
 * control that has no name; in each dialog, Tab must reach every control.
 * GTK's test AT context (GTK_A11Y=test) keeps the
 * properties the widgets set, so that they can be read back.
 */
#include "config.h"

#include "gk-assessment-dialog.h"
#include "gk-catalogue-dialog.h"
#include "gk-indicator-dialog.h"
#include "gk-journal-dialog.h"
#include "gk-measure-editor.h"
#include "gk-new-programme-dialog.h"
#include "gk-person-dialog.h"
#include "gk-project-editor.h"
#include "gk-report-dialog.h"
#include "gk-topic-dialog.h"
#include "page-test-helpers.h"

/* A control a person operates: what a screen reader must name. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_SCALE (widget);
}

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

/* The row whose title names what sits in it (an entry row, a combo row, a
 * switch or button that is the row's suffix). */
static gboolean
in_titled_row (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL && *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) != '\0';
}

static gboolean
is_button (GtkWidget *widget)
{
  return (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget)) || GTK_IS_MENU_BUTTON (widget) ||
         (GTK_IS_TOGGLE_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget));
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  /* A button is "labelled by" its child whatever that is, an icon too: only
   * a text it shows names it. */
  if (is_button (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      if (has_visible_text (widget))
        return TRUE;
      /* A check box or a drop-down at the end of a titled row is named by it;
       * a button there does something else than the row says. */
      return !is_button (widget) && in_titled_row (widget);
    }
  /* Entries, text views, scales, switches: by a label pointing at them
   * (mnemonic widget, accessible relation) or by their row. */
  return gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
         in_titled_row (widget);
}

static void
collect_unnamed (GtkWidget  *widget,
                 GString    *offenders,
                 const char *where)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (is_control (widget) && gtk_widget_get_sensitive (widget) && !has_name (widget))
    {
      const char *name = gtk_widget_get_name (widget);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      g_string_append_printf (offenders, "  %s: %s “%s” in %s “%s”\n", where, G_OBJECT_TYPE_NAME (widget),
                              name != NULL ? name : "", parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                              parent != NULL ? gtk_widget_get_name (parent) : "");
    }
  /* The parts inside an entry or a drop-down are named by it. */
  if (GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
      GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, offenders, where);
}

static GString *offenders;

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      !gtk_widget_get_sensitive (widget))
    return;
  if (is_control (widget) && gtk_widget_get_focusable (widget))
    {
      g_ptr_array_add (controls, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

/* Tab from the start to the end of @dialog, and every control on the way
 * must get the keyboard focus (itself, or the text inside an entry). */
static void
check_tab_reaches_every_control (GtkWidget  *dialog,
                                 const char *where)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);

  collect_controls (dialog, controls);
  gtk_root_set_focus (GTK_ROOT (dialog), NULL);
  for (guint step = 0; step < 4 * controls->len + 20; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      for (guint i = 0; focus != NULL && i < controls->len; i++)
        if (focus == controls->pdata[i] || gtk_widget_is_ancestor (focus, controls->pdata[i]))
          g_hash_table_add (reached, controls->pdata[i]);
    }
  for (guint i = 0; i < controls->len; i++)
    if (!g_hash_table_contains (reached, controls->pdata[i]))
      g_string_append_printf (offenders, "  %s: Tab never reaches %s “%s”\n", where,
                              G_OBJECT_TYPE_NAME (controls->pdata[i]), gtk_widget_get_name (controls->pdata[i]));
}

static void
check_page (GkWindow   *window,
            const char *page_name)
{
  GtkWidget *page = gk_window_show_page (window, page_name);

  g_assert_nonnull (page);
  /* Laid out and drawn: the rows that lists build lazily are there. */
  wait_for_paint (page);
  collect_unnamed (GTK_WIDGET (window), offenders, page_name);
}

/* Ctrl+Return saves from any field: a shortcut caught before the focused
 * widget sees the key, or a text view would take it as a new line. */
static gboolean
has_save_shortcut (GtkWidget *dialog)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (dialog);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "<Control>Return") != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
check_dialog (GtkWidget  *widget,
              const char *action,
              GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  drain ();
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  wait_for_paint (GTK_WIDGET (dialog));
  collect_unnamed (GTK_WIDGET (dialog), offenders, G_OBJECT_TYPE_NAME (dialog));
  check_tab_reaches_every_control (GTK_WIDGET (dialog), G_OBJECT_TYPE_NAME (dialog));
  if (!has_save_shortcut (GTK_WIDGET (dialog)))
    g_string_append_printf (offenders, "  %s: Ctrl+Return does not save\n", G_OBJECT_TYPE_NAME (dialog));
  gtk_window_destroy (dialog);
  drain ();
}

static void
test_every_control_has_a_name (void)
{
  GkWindow *window = open_demo_window ("namen.gripkaart");
  static const char *const pages[] = { "overview", "roadmap", "projects", "measures", "timeline", "indicators", "team", "journal",
                                       "history" };

  offenders = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    check_page (window, pages[i]);

  check_dialog (gk_window_show_page (window, "roadmap"), "roadmap.record-assessment", GK_TYPE_ASSESSMENT_DIALOG);
  check_dialog (gk_window_show_page (window, "roadmap"), "roadmap.edit-topic", GK_TYPE_TOPIC_DIALOG);
  check_dialog (gk_window_show_page (window, "projects"), "projects.add", GK_TYPE_PROJECT_EDITOR);
  check_dialog (gk_window_show_page (window, "projects"), "projects.add-from-catalogue", GK_TYPE_CATALOGUE_DIALOG);
  check_dialog (gk_window_show_page (window, "measures"), "measures.new", GK_TYPE_MEASURE_EDITOR);
  check_dialog (gk_window_show_page (window, "indicators"), "indicators.add", GK_TYPE_INDICATOR_DIALOG);
  check_dialog (gk_window_show_page (window, "journal"), "journal.add", GK_TYPE_JOURNAL_DIALOG);
  check_dialog (gk_window_show_page (window, "team"), "team.add-person", GK_TYPE_PERSON_DIALOG);
  check_dialog (GTK_WIDGET (window), "win.export-pdf", GK_TYPE_REPORT_DIALOG);
  check_dialog (GTK_WIDGET (window), "win.new-programme", GK_TYPE_NEW_PROGRAMME_DIALOG);

  if (offenders->len > 0)
    g_error ("Controls without an accessible name, or out of the keyboard's reach:\n%s", offenders->str);
  g_string_free (offenders, TRUE);
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* The test AT context keeps what the widgets say to assistive technology. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  setup_app (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/accessibility/every-control-has-a-name", test_every_control_has_a_name);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
