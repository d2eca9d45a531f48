/* test-chart-view.c: charts on screen tell what is under the pointer and what was clicked
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gk-chart-view.h"
#include "gk-demo.h"
#include "gk-session.h"
#include "wait-helpers.h"

static char *tmp_dir;
static GkSession *session;
static GkDocument *document;
static GkChartModel *charts;

static void
open_demo (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo.gripkaart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GDate today;

  /* The program's clock: the charts draw "today" from it too. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  gk_clock_set_fixed_date (gk_clock_get_default (), &today);
  g_assert_true (gk_demo_write_file (path, &today, &error));
  g_assert_no_error (error);
  session = gk_session_new (NULL);
  g_assert_true (gk_session_open (session, file, &error));
  g_assert_no_error (error);
  document = gk_session_get_document (session);
  charts = gk_chart_model_new (document, gk_session_get_analysis (session), GK_FREQUENCY_MONTHLY, 24);
}

/* Shows @view in a window of a fixed width and waits until it was drawn:
 * the hit regions the tests look up come from its snapshot. */
static GtkWindow *
show (GtkWidget *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_present (window);
  wait_until (gtk_widget_get_mapped (view) && gtk_widget_get_height (view) > 0);
  wait_for_paint (view);
  return window;
}

static void
test_roadmap_tooltip_names_topic_and_level (void)
{
  GtkWidget *view = gk_chart_view_new (GK_CHART_KIND_ROADMAP);
  GtkWindow *window;
  gboolean found = FALSE;

  gk_chart_view_set_model (GK_CHART_VIEW (view), charts);
  window = show (view);
  g_assert_cmpint (gtk_widget_get_height (view), >, 200);

  /* Coming from the right, the first cell of the topic "Toegang" is its
   * latest month (right of it may be the column of target flags). */
  for (int y = 0; y < gtk_widget_get_height (view) && !found; y += 4)
    for (int x = gtk_widget_get_width (view) - 1; x > gtk_widget_get_width (view) / 2 && !found; x -= 4)
      {
        g_autofree char *text = gk_chart_view_describe_at (GK_CHART_VIEW (view), x, y);

        if (text != NULL && g_str_has_prefix (text, "Toegang, "))
          {
            found = TRUE;
            /* Toegang is Serious in the demo's latest month */
            g_assert_true (g_str_has_suffix (text, ": Serious"));
          }
      }
  g_assert_true (found);
  g_assert_null (gk_chart_view_describe_at (GK_CHART_VIEW (view), -10, -10));
  gtk_window_destroy (window);
}

static void
record_activation (GkChartView *view,
                   const char  *table,
                   gint64       id,
                   GString     *out)
{
  g_string_printf (out, "%s:%" G_GINT64_FORMAT, table, id);
}

static void
test_timeline_click_activates_measure (void)
{
  GtkWidget *view = gk_chart_view_new (GK_CHART_KIND_TIMELINE);
  g_autoptr(GString) activated = g_string_new (NULL);
  GtkWindow *window;
  GtkEventController *click = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean found = FALSE;

  gk_chart_view_set_model (GK_CHART_VIEW (view), charts);
  g_signal_connect (view, "activated", G_CALLBACK (record_activation), activated);
  window = show (view);

  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (c))
        click = c;
    }
  g_assert_nonnull (click);

  /* Find a bar through its tooltip, then click it. */
  for (int y = 0; y < gtk_widget_get_height (view) && !found; y += 3)
    for (int x = 250; x < gtk_widget_get_width (view) && !found; x += 15)
      {
        g_autofree char *text = gk_chart_view_describe_at (GK_CHART_VIEW (view), x, y);

        if (text != NULL && strstr (text, "\nOwner: ") != NULL)
          {
            found = TRUE;
            g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
          }
      }
  g_assert_true (found);
  g_assert_true (g_str_has_prefix (activated->str, "measure:"));
  g_assert_nonnull (gk_document_lookup_measure (document, g_ascii_strtoll (activated->str + 8, NULL, 10)));
  gtk_window_destroy (window);
}

static void
test_accessible_description (void)
{
  GtkWidget *view = gk_chart_view_new (GK_CHART_KIND_INDICATOR);
  g_autoptr(GkIndicator) indicator = g_list_model_get_item (gk_document_get_indicators (document), 3);
  GtkWindow *window;

  gk_chart_view_set_model (GK_CHART_VIEW (view), charts);
  gk_chart_view_set_indicator (GK_CHART_VIEW (view), gk_record_get_id (GK_RECORD (indicator)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  window = show (view);
  /* An indicator chart takes a real height of its own. */
  g_assert_cmpint (gtk_widget_get_height (view), >=, 240);
  gtk_window_destroy (window);
}

/* Issue 13, item 3: the chart data is a snapshot, refreshed at idle. Right
 * after an indicator is added the view may be asked about it: the tooltip
 * looked it up in the live list and drew from past the snapshot's end. */
static void
test_indicator_tooltip_after_add (void)
{
  GtkWidget *view = g_object_ref_sink (gk_chart_view_new (GK_CHART_KIND_INDICATOR));
  g_autoptr(GkIndicator) added = gk_indicator_new ();
  g_autoptr(GError) error = NULL;

  gk_indicator_set_name (added, "Added before the charts are made again");
  g_assert_true (gk_document_insert (document, GK_RECORD (added), &error));
  g_assert_no_error (error);
  /* The charts were made before the indicator was added. */
  gk_chart_view_set_model (GK_CHART_VIEW (view), charts);
  gk_chart_view_set_indicator (GK_CHART_VIEW (view), gk_record_get_id (GK_RECORD (added)));
  for (int y = 0; y < 400; y += 20)
    for (int x = 0; x < 1000; x += 20)
      g_assert_null (gk_chart_view_describe_at (GK_CHART_VIEW (view), x, y));
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("gripkaart-test-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  open_demo ();

  g_test_add_func ("/chart-view/roadmap-tooltip", test_roadmap_tooltip_names_topic_and_level);
  g_test_add_func ("/chart-view/timeline-click", test_timeline_click_activates_measure);
  g_test_add_func ("/chart-view/accessible", test_accessible_description);
  /* Last: it adds an indicator to the demo. */
  g_test_add_func ("/chart-view/indicator-tooltip-after-add", test_indicator_tooltip_after_add);

  status = g_test_run ();
  g_clear_object (&charts);
  gk_session_close (session);
  g_clear_object (&session);
  return status;
}
