/* test-timeline-page.c: planning on the Gantt chart, and undo
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input goes to the view's own event controllers (their signals are
 * emitted as GTK would), so that the hit-testing, the days a drag covers,
 * the edit and its undo step are all the real ones.
 */
#include "config.h"

#include "gk-date.h"
#include "gk-choice.h"
#include "gk-measure-editor.h"
#include "gk-measure-filter.h"
#include "gk-timeline-page.h"
#include "page-test-helpers.h"

typedef struct {
  GkWindow       *window;
  GkTimelinePage *page;
  GkTimelineView *view;
  GkDocument     *document;
} Timeline;

static Timeline
open_timeline (const char *name)
{
  Timeline t;
  GtkWidget *page;

  t.window = open_demo_today_on_page (name, "timeline", 1400, 900, &page);
  g_assert_true (GK_IS_TIMELINE_PAGE (page));
  t.page = GK_TIMELINE_PAGE (page);
  t.view = gk_timeline_page_get_view (t.page);
  t.document = gk_window_get_document (t.window);
  wait_until (gk_timeline_view_get_model (t.view) != NULL);
  wait_for_paint (GTK_WIDGET (t.view));
  return t;
}

static GtkEventController *
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
  return NULL;
}

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (gk_date_parse_iso (iso, &date));
  return date;
}

static int
days_between (const char *from,
              const char *to)
{
  GDate a = date_of (from), b = date_of (to);

  return g_date_days_between (&a, &b);
}

/* A measure with a start and a due date whose whole bar is on screen,
 * at least 40 pixels wide. */
static GkMeasure *
visible_measure (Timeline        *t,
                 graphene_rect_t *bar)
{
  GListModel *measures = gk_document_get_measures (t->document);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);

      if (gk_measure_get_start_date (measure) == NULL || gk_measure_get_due_date (measure) == NULL)
        continue;
      if (gk_timeline_view_get_bar_rect (t->view, gk_record_get_id (GK_RECORD (measure)), bar) &&
          bar->size.width >= 40 && bar->origin.x > 0 &&
          bar->origin.x + bar->size.width < gtk_widget_get_width (GTK_WIDGET (t->view)) - 40)
        return measure;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
drag (Timeline *t,
      double    x,
      double    y,
      double    dx)
{
  GtkEventController *gesture = controller_of (GTK_WIDGET (t->view), GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, 0.0);
  g_signal_emit_by_name (gesture, "drag-update", dx, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", dx, 0.0);
}

static gboolean
press_key (Timeline        *t,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = controller_of (GTK_WIDGET (t->view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0u, state, &handled);
  return handled;
}

/* The chart follows the document: wait for the model made after an edit. */
static void
wait_for_new_chart (Timeline     *t,
                    GkChartModel *before)
{
  wait_until (gk_timeline_view_get_model (t->view) != before);
  wait_for_paint (GTK_WIDGET (t->view));
}

static const char *
subtitle (Timeline *t)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_of_type (GTK_WIDGET (t->window), ADW_TYPE_WINDOW_TITLE));

  return adw_window_title_get_subtitle (title);
}

static void
test_drag_bar (void)
{
  Timeline t = open_timeline ("timeline-drag.gripkaart");
  graphene_rect_t bar;
  GkMeasure *measure = visible_measure (&t, &bar);
  g_autofree char *start = g_strdup (gk_measure_get_start_date (measure));
  g_autofree char *due = g_strdup (gk_measure_get_due_date (measure));
  double day = gk_timeline_view_get_day_width (t.view);
  GkChartModel *before = gk_timeline_view_get_model (t.view);
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_document_can_undo (t.document));
  g_assert_null (strstr (subtitle (&t), "not saved"));

  /* the middle of the bar, 12 days and a bit to the right: 12 days later */
  drag (&t, bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2, 12.3 * day);
  g_assert_cmpint (days_between (start, gk_measure_get_start_date (measure)), ==, 12);
  g_assert_cmpint (days_between (due, gk_measure_get_due_date (measure)), ==, 12);
  g_assert_nonnull (strstr (subtitle (&t), "not saved"));
  g_assert_nonnull (strstr (gk_document_get_undo_description (t.document), gk_measure_get_title (measure)));
  wait_for_new_chart (&t, before);

  /* one undo step, by the header bar's button: the dates as they were,
   * and the programme as saved */
  click (require_named (GTK_WIDGET (t.window), "undo"));
  g_assert_cmpstr (gk_measure_get_start_date (measure), ==, start);
  g_assert_cmpstr (gk_measure_get_due_date (measure), ==, due);
  g_assert_false (gk_document_can_undo (t.document));
  g_assert_false (gk_document_get_dirty (t.document));
  g_assert_null (strstr (subtitle (&t), "not saved"));

  /* and redo */
  click (require_named (GTK_WIDGET (t.window), "redo"));
  g_assert_cmpint (days_between (start, gk_measure_get_start_date (measure)), ==, 12);
  g_assert_true (gk_document_undo (t.document, &error));
  g_assert_no_error (error);
  destroy_windows_unsaved ();
}

static void
test_drag_ends (void)
{
  Timeline t = open_timeline ("timeline-ends.gripkaart");
  graphene_rect_t bar;
  GkMeasure *measure = visible_measure (&t, &bar);
  g_autofree char *start = g_strdup (gk_measure_get_start_date (measure));
  g_autofree char *due = g_strdup (gk_measure_get_due_date (measure));
  double day = gk_timeline_view_get_day_width (t.view);
  GkChartModel *before = gk_timeline_view_get_model (t.view);
  double y = bar.origin.y + bar.size.height / 2;

  /* the right end, 5 days on: only the due date moves */
  drag (&t, bar.origin.x + bar.size.width - 2, y, 5 * day);
  g_assert_cmpstr (gk_measure_get_start_date (measure), ==, start);
  g_assert_cmpint (days_between (due, gk_measure_get_due_date (measure)), ==, 5);
  wait_for_new_chart (&t, before);

  /* the left end far past the right: the start stops at the due date */
  g_assert_true (gk_timeline_view_get_bar_rect (t.view, gk_record_get_id (GK_RECORD (measure)), &bar));
  before = gk_timeline_view_get_model (t.view);
  drag (&t, bar.origin.x + 2, y, bar.size.width + 50 * day);
  g_assert_cmpstr (gk_measure_get_start_date (measure), ==, gk_measure_get_due_date (measure));
  wait_for_new_chart (&t, before);

  /* two steps, undone one by one */
  g_assert_true (gk_document_undo (t.document, NULL));
  g_assert_cmpstr (gk_measure_get_start_date (measure), ==, start);
  g_assert_true (gk_document_undo (t.document, NULL));
  g_assert_cmpstr (gk_measure_get_due_date (measure), ==, due);
  g_assert_false (gk_document_can_undo (t.document));
  destroy_windows_unsaved ();
}

static void
test_keyboard (void)
{
  Timeline t = open_timeline ("timeline-keys.gripkaart");
  const GkTimelineChartData *data = gk_chart_model_get_timeline (gk_timeline_view_get_model (t.view));
  GkChartModel *charts = gk_timeline_view_get_model (t.view);
  GkMeasure *first = gk_chart_model_get_timeline_measure (charts, 0);
  GkMeasure *second = gk_chart_model_get_timeline_measure (charts, 1);
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;
  GtkWindow *editor;
  gint64 first_id;

  g_assert_cmpuint (data->n_measures, >, 2);
  g_assert_cmpuint (data->measures[0].project, ==, data->measures[1].project);
  gtk_widget_grab_focus (GTK_WIDGET (t.view));

  /* arrows move the selection down the rows */
  g_assert_true (press_key (&t, GDK_KEY_Down, 0));
  g_assert_cmpint (gk_timeline_view_get_selected (t.view), ==, gk_record_get_id (GK_RECORD (first)));
  g_assert_true (press_key (&t, GDK_KEY_Down, 0));
  g_assert_cmpint (gk_timeline_view_get_selected (t.view), ==, gk_record_get_id (GK_RECORD (second)));
  g_assert_true (press_key (&t, GDK_KEY_Up, 0));
  g_assert_cmpint (gk_timeline_view_get_selected (t.view), ==, gk_record_get_id (GK_RECORD (first)));

  /* Alt+Right: a week later, one undo step; Alt+Left a week back */
  start = g_strdup (gk_measure_get_start_date (first));
  due = g_strdup (gk_measure_get_due_date (first));
  g_assert_true (press_key (&t, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpint (days_between (start, gk_measure_get_start_date (first)), ==, 7);
  g_assert_cmpint (days_between (due, gk_measure_get_due_date (first)), ==, 7);
  wait_for_new_chart (&t, charts);
  /* the selection stays on the measure in the new chart */
  g_assert_cmpint (gk_timeline_view_get_selected (t.view), ==, gk_record_get_id (GK_RECORD (first)));
  g_assert_true (gk_document_undo (t.document, NULL));
  g_assert_cmpstr (gk_measure_get_start_date (first), ==, start);
  g_assert_false (gk_document_can_undo (t.document));

  /* Enter opens its editor; deleting the measure there closes it and gives
   * the keyboard back to the window, so that Ctrl+Z needs no click first */
  first_id = gk_record_get_id (GK_RECORD (first));
  g_assert_true (press_key (&t, GDK_KEY_Return, 0));
  wait_until ((editor = find_toplevel (GK_TYPE_MEASURE_EDITOR)) != NULL);
  wait_until (gtk_window_is_active (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  drain ();
  g_assert_null (gk_document_lookup_measure (t.document, first_id));
  wait_until (gtk_window_is_active (GTK_WINDOW (t.window)));
  wait_until (gtk_window_get_focus (GTK_WINDOW (t.window)) != NULL &&
              gtk_widget_get_mapped (gtk_window_get_focus (GTK_WINDOW (t.window))));
  g_assert_true (gtk_widget_activate_action (gtk_window_get_focus (GTK_WINDOW (t.window)), "win.undo", NULL));
  g_assert_nonnull (gk_document_lookup_measure (t.document, first_id));
  destroy_windows_unsaved ();
}

static void
test_zoom (void)
{
  Timeline t = open_timeline ("timeline-zoom.gripkaart");
  GkMeasure *measure;
  graphene_rect_t quarter, month, year;

  measure = visible_measure (&t, &quarter);
  g_assert_cmpfloat (gk_timeline_view_get_day_width (t.view), ==, GK_TIMELINE_ZOOM_QUARTER);

  click (require_named (GTK_WIDGET (t.page), "zoom-month"));
  g_assert_cmpfloat (gk_timeline_view_get_day_width (t.view), ==, GK_TIMELINE_ZOOM_MONTH);
  wait_for_paint (GTK_WIDGET (t.view));
  g_assert_true (gk_timeline_view_get_bar_rect (t.view, gk_record_get_id (GK_RECORD (measure)), &month));
  /* the bar grows with the zoom, unless the screen cuts it */
  g_assert_cmpfloat (month.size.width, >, quarter.size.width * 1.5);

  click (require_named (GTK_WIDGET (t.page), "zoom-year"));
  g_assert_cmpfloat (gk_timeline_view_get_day_width (t.view), ==, GK_TIMELINE_ZOOM_YEAR);
  wait_for_paint (GTK_WIDGET (t.view));
  g_assert_true (gk_timeline_view_get_bar_rect (t.view, gk_record_get_id (GK_RECORD (measure)), &year));
  g_assert_cmpfloat (fabs (year.size.width - quarter.size.width * GK_TIMELINE_ZOOM_YEAR / GK_TIMELINE_ZOOM_QUARTER), <, 2);

  /* Ctrl+plus and Ctrl+minus zoom by a quarter */
  gtk_widget_grab_focus (GTK_WIDGET (t.view));
  g_assert_true (press_key (&t, GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat (fabs (gk_timeline_view_get_day_width (t.view) - GK_TIMELINE_ZOOM_YEAR * 1.25), <, 1e-9);
  g_assert_true (press_key (&t, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat (fabs (gk_timeline_view_get_day_width (t.view) - GK_TIMELINE_ZOOM_YEAR), <, 1e-9);

  /* free zoom stays within bounds */
  gk_timeline_view_set_day_width (t.view, 1000);
  g_assert_cmpfloat (gk_timeline_view_get_day_width (t.view), ==, GK_TIMELINE_ZOOM_MAX);
  gk_timeline_view_set_day_width (t.view, 0);
  g_assert_cmpfloat (gk_timeline_view_get_day_width (t.view), ==, GK_TIMELINE_ZOOM_MIN);
  destroy_windows_unsaved ();
}

/* The Measures page's filters choose what the Timeline shows; "Show All
 * Measures" there clears them on both pages. */
static void
test_filters_shared (void)
{
  Timeline t = open_timeline ("timeline-filters.gripkaart");
  GtkWidget *measures_page = gk_window_show_page (t.window, "measures");
  GtkDropDown *status = GTK_DROP_DOWN (require_named (measures_page, "filter-status"));
  GListModel *measures = gk_document_get_measures (t.document);
  GkMeasureFilter *filter = gk_measure_filter_get_for_session (gk_timeline_page_get_session (t.page));
  guint done = 0, other = 0;

  g_assert_false (gk_measure_filter_is_active (filter));
  /* on the Measures page: only what is done */
  gk_choice_enum_set (status, GK_MEASURE_STATUS_DONE);
  drain ();
  g_assert_cmpint (gk_measure_filter_get_status (filter), ==, GK_MEASURE_STATUS_DONE);

  gk_window_show_page (t.window, "timeline");
  wait_for_paint (GTK_WIDGET (t.view));
  g_assert_true (gtk_widget_get_visible (require_named (GTK_WIDGET (t.page), "filter-bar")));
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      graphene_rect_t bar;
      gboolean drawn = gk_timeline_view_get_bar_rect (t.view, gk_record_get_id (GK_RECORD (measure)), &bar);

      if (gk_measure_get_status (measure) == GK_MEASURE_STATUS_DONE)
        done += drawn;
      else
        {
          other++;
          g_assert_false (drawn);
        }
    }
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (other, >, 0);

  /* clear them here: both pages show everything again */
  click (require_named (GTK_WIDGET (t.page), "show-all"));
  g_assert_false (gk_measure_filter_is_active (filter));
  g_assert_cmpint (gk_choice_enum_get (status), ==, GK_MEASURE_FILTER_ANY_STATUS);
  g_assert_false (gtk_widget_get_visible (require_named (GTK_WIDGET (t.page), "filter-bar")));
  destroy_windows_unsaved ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/timeline-page/drag-bar", test_drag_bar);
  g_test_add_func ("/timeline-page/drag-ends", test_drag_ends);
  g_test_add_func ("/timeline-page/keyboard", test_keyboard);
  g_test_add_func ("/timeline-page/zoom", test_zoom);
  g_test_add_func ("/timeline-page/filters-shared", test_filters_shared);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
