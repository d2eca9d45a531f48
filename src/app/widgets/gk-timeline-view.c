/* gk-timeline-view.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Gantt chart of src/charts drawn into a scrollable widget, so that the
 * axis stays on top and the titles on the left while the plot scrolls; the
 * view draws only what is in sight, which keeps a programme of hundreds of
 * measures smooth. Planning happens here: drag a bar to move a measure,
 * drag an end to change its start or due date, Alt+arrows move the
 * selected measure by a week. Every change is one edit through the
 * document, so one undo step; while a drag is under way only the view's
 * own copy of the bars moves.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gk-chart-axis.h"
#include "gk-date.h"
#include "gk-timeline-view.h"

#define EDGE_MARGIN_DAYS 92   /* a quarter of room before the first and after the last date */

struct _GkTimelineView
{
  GtkWidget             parent_instance;

  GkChartModel         *model;
  GkChartContext       *ctx;
  GkTimelineFilterFunc  filter;
  gpointer              filter_data;

  /* what is drawn: the model's timeline, filtered, with its own bars */
  GkTimelineChartData   data;
  GArray               *projects;    /* GkTimelineProject: with a measure shown, when filtered */
  GArray               *measures;    /* GkTimelineMeasure */
  GArray               *links;       /* GkTimelineLink */
  GArray               *model_index; /* guint: the model's bar of each drawn one */
  gint64                selected_id;
  int                   selected;    /* its index among the drawn, -1: none */

  double                day_width;
  GtkAdjustment        *hadjustment;
  GtkAdjustment        *vadjustment;
  guint                 hscroll_policy : 1;
  guint                 vscroll_policy : 1;
  gboolean              scrolled_once;

  /* a drag under way */
  int                   drag_measure;
  GkTimelinePart        drag_part;
  GDate                 drag_start, drag_due;
  int                   drag_days;
};

enum {
  PROP_0,
  PROP_DAY_WIDTH,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS = PROP_HADJUSTMENT
};

enum {
  ACTIVATED,
  EDIT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (GkTimelineView, gk_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static GkMeasure *
measure_record (GkTimelineView *self,
                int             index)
{
  if (self->model == NULL || index < 0 || (guint) index >= self->model_index->len)
    return NULL;
  return gk_chart_model_get_timeline_measure (self->model, g_array_index (self->model_index, guint, index));
}

static int
index_of_id (GkTimelineView *self,
             gint64          id)
{
  for (guint i = 0; id != 0 && i < self->model_index->len; i++)
    if (gk_record_get_id (GK_RECORD (measure_record (self, (int) i))) == id)
      return (int) i;
  return -1;
}

/* --- the data drawn --------------------------------------------------------- */

static void
widen_range (GDate       *first,
             GDate       *last,
             const GDate *date)
{
  if (!g_date_valid (date))
    return;
  if (!g_date_valid (first) || g_date_compare (date, first) < 0)
    *first = *date;
  if (!g_date_valid (last) || g_date_compare (date, last) > 0)
    *last = *date;
}

/* The range scrolls from a quarter before the first date to a quarter after
 * the last, today always inside. */
static void
set_range (GkTimelineView *self)
{
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  widen_range (&first, &last, gk_chart_model_get_today (self->model));
  for (guint m = 0; m < self->measures->len; m++)
    {
      const GkTimelineMeasure *measure = &g_array_index (self->measures, GkTimelineMeasure, m);

      widen_range (&first, &last, &measure->start);
      widen_range (&first, &last, &measure->due);
    }
  if (!g_date_valid (&first))
    {
      g_date_clear (&self->data.start, 1);
      g_date_clear (&self->data.end, 1);
      return;
    }
  g_date_set_day (&first, 1);
  g_date_subtract_days (&first, MIN (EDGE_MARGIN_DAYS, g_date_get_julian (&first) - 1));
  g_date_set_day (&first, 1);
  g_date_add_days (&last, EDGE_MARGIN_DAYS);
  self->data.start = first;
  self->data.end = last;
}

/* Filtered, the chart leaves out the projects with no measure shown. */
static void
keep_projects_shown (GkTimelineView            *self,
                     const GkTimelineChartData *all)
{
  g_autofree int *row_of = g_new (int, MAX (all->n_projects, 1));

  for (guint p = 0; p < all->n_projects; p++)
    row_of[p] = -1;
  /* marked, then numbered in the projects' order */
  for (guint m = 0; m < self->measures->len; m++)
    row_of[g_array_index (self->measures, GkTimelineMeasure, m).project] = 0;
  for (guint p = 0; p < all->n_projects; p++)
    if (row_of[p] == 0)
      {
        row_of[p] = (int) self->projects->len;
        g_array_append_val (self->projects, all->projects[p]);
      }
  for (guint m = 0; m < self->measures->len; m++)
    {
      GkTimelineMeasure *measure = &g_array_index (self->measures, GkTimelineMeasure, m);

      measure->project = (guint) row_of[measure->project];
    }
  self->data.projects = (const GkTimelineProject *) (gpointer) self->projects->data;
  self->data.n_projects = self->projects->len;
}

static void
rebuild_data (GkTimelineView *self)
{
  const GkTimelineChartData *all;
  g_autofree int *drawn_as = NULL;

  g_array_set_size (self->projects, 0);
  g_array_set_size (self->measures, 0);
  g_array_set_size (self->links, 0);
  g_array_set_size (self->model_index, 0);
  self->drag_measure = -1;
  if (self->model == NULL)
    {
      memset (&self->data, 0, sizeof self->data);
      self->selected = -1;
      return;
    }

  all = gk_chart_model_get_timeline (self->model);
  drawn_as = g_new (int, MAX (all->n_measures, 1));
  for (guint m = 0; m < all->n_measures; m++)
    {
      drawn_as[m] = -1;
      if (self->filter != NULL && !self->filter (gk_chart_model_get_timeline_measure (self->model, m), self->filter_data))
        continue;
      drawn_as[m] = (int) self->measures->len;
      g_array_append_val (self->measures, all->measures[m]);
      g_array_append_val (self->model_index, m);
    }
  for (guint l = 0; l < all->n_links; l++)
    {
      GkTimelineLink link = all->links[l];

      if (drawn_as[link.measure] < 0 || drawn_as[link.depends_on] < 0)
        continue;
      link.measure = (guint) drawn_as[link.measure];
      link.depends_on = (guint) drawn_as[link.depends_on];
      g_array_append_val (self->links, link);
    }

  self->data = *all;
  if (self->measures->len < all->n_measures)
    keep_projects_shown (self, all);
  self->data.measures = (const GkTimelineMeasure *) (gpointer) self->measures->data;
  self->data.n_measures = self->measures->len;
  self->data.links = (const GkTimelineLink *) (gpointer) self->links->data;
  self->data.n_links = self->links->len;
  self->data.hide_legend = TRUE;
  self->data.first_row = 0;
  self->data.n_rows = 0;
  set_range (self);
  self->selected = index_of_id (self, self->selected_id);
}

/* --- scrolling ------------------------------------------------------------- */

static GkChartRect
widget_area (GkTimelineView *self)
{
  return (GkChartRect) { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)) };
}

static void
prepare_data (GkTimelineView *self)
{
  self->data.day_width = self->day_width;
  self->data.has_selected = self->selected >= 0;
  self->data.selected = (guint) MAX (self->selected, 0);
  self->data.scroll_x = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  self->data.scroll_y = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
configure_adjustments (GkTimelineView *self)
{
  GkChartRect area = widget_area (self);
  GkTimelineGeometry geometry;
  double rows_page;

  if (self->model == NULL || area.width <= 0 || area.height <= 0)
    {
      if (self->hadjustment != NULL)
        gtk_adjustment_configure (self->hadjustment, 0, 0, 0, 0, 0, 0);
      if (self->vadjustment != NULL)
        gtk_adjustment_configure (self->vadjustment, 0, 0, 0, 0, 0, 0);
      return;
    }
  prepare_data (self);
  gk_timeline_chart_get_geometry (self->ctx, &self->data, &area, &geometry);
  rows_page = MAX (area.height - geometry.axis_height, 1);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                                     MAX (geometry.range_width - geometry.plot_width, 0)),
                              0, MAX (geometry.range_width, geometry.plot_width),
                              geometry.plot_width * 0.05, geometry.plot_width * 0.9, geometry.plot_width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                     MAX (geometry.rows_height - rows_page, 0)),
                              0, MAX (geometry.rows_height, rows_page),
                              24, rows_page * 0.9, rows_page);
}

static void
adjustment_changed_cb (GkTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (GkTimelineView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static double
x_of_julian (GkTimelineView *self,
             double          julian)
{
  GkChartRect area = widget_area (self);
  GkTimelineGeometry geometry;

  prepare_data (self);
  gk_timeline_chart_get_geometry (self->ctx, &self->data, &area, &geometry);
  return geometry.plot_x + (julian - g_date_get_julian (&geometry.range_start)) * self->day_width - self->data.scroll_x;
}

/* Scrolls so that day @julian stands at @x (widget coordinates). */
static void
scroll_day_to (GkTimelineView *self,
               double          julian,
               double          x)
{
  double now = x_of_julian (self, julian);

  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + now - x);
}

void
gk_timeline_view_scroll_to_today (GkTimelineView *self)
{
  GkChartRect area = widget_area (self);
  GkTimelineGeometry geometry;

  g_return_if_fail (GK_IS_TIMELINE_VIEW (self));

  if (self->model == NULL || !g_date_valid (gk_chart_model_get_today (self->model)))
    return;
  prepare_data (self);
  gk_timeline_chart_get_geometry (self->ctx, &self->data, &area, &geometry);
  /* today a third of the way in: mostly what comes, some of what was */
  scroll_day_to (self, g_date_get_julian (gk_chart_model_get_today (self->model)),
                 geometry.plot_x + geometry.plot_width / 3);
}

static void
scroll_to_selection (GkTimelineView *self)
{
  double y, height, top, page;

  if (self->selected < 0 || self->vadjustment == NULL)
    return;
  prepare_data (self);
  if (!gk_timeline_chart_get_measure_row (self->ctx, &self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                                          (guint) self->selected, &y, &height))
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  if (y < top)
    gtk_adjustment_set_value (self->vadjustment, y);
  else if (y + height > top + page)
    gtk_adjustment_set_value (self->vadjustment, y + height - page);

  /* and its start (or its one date) into sight, a little in from the left */
  {
    const GkTimelineMeasure *measure = &g_array_index (self->measures, GkTimelineMeasure, self->selected);
    const GDate *date = g_date_valid (&measure->start) ? &measure->start : &measure->due;
    GkChartRect area = widget_area (self);
    GkTimelineGeometry geometry;
    double x;

    if (!g_date_valid (date))
      return;
    gk_timeline_chart_get_geometry (self->ctx, &self->data, &area, &geometry);
    x = x_of_julian (self, g_date_get_julian (date));
    if (x < geometry.plot_x || x > geometry.plot_x + geometry.plot_width - 20)
      scroll_day_to (self, g_date_get_julian (date), geometry.plot_x + geometry.plot_width / 5);
  }
}

/* --- drawing and size ------------------------------------------------------- */

static void
gk_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GkTimelineView *self = GK_TIMELINE_VIEW (widget);
  GkChartRect area = widget_area (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->model == NULL || area.width <= 0 || area.height <= 0)
    return;

  prepare_data (self);
  gk_chart_context_set_variant (self->ctx, dark ? GK_STYLE_VARIANT_DARK : GK_STYLE_VARIANT_LIGHT);
  gk_chart_context_set_today (self->ctx, gk_chart_model_get_today (self->model));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, area.width, area.height));
  gk_chart_context_begin (self->ctx, cr);
  gk_chart_context_paint_background (self->ctx, &area);
  gk_timeline_chart_draw (self->ctx, &self->data, &area);
  gk_chart_context_end (self->ctx);
  cairo_destroy (cr);
}

static void
gk_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1000 : 600;
}

static void
gk_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GkTimelineView *self = GK_TIMELINE_VIEW (widget);

  gk_chart_context_set_font_scale (self->ctx, 1.0);
  configure_adjustments (self);
  if (!self->scrolled_once && self->model != NULL && width > 0)
    {
      self->scrolled_once = TRUE;
      gk_timeline_view_scroll_to_today (self);
    }
}

/* --- editing ----------------------------------------------------------------- */

static void
shift_date (GDate *date,
            int    days)
{
  if (!g_date_valid (date) || days == 0)
    return;
  if (days > 0)
    g_date_add_days (date, (guint) days);
  else if ((guint) -days < g_date_get_julian (date))
    g_date_subtract_days (date, (guint) -days);
}

/* The dates a measure gets when @part of it moves @days; an end never
 * passes the other. */
static void
moved_dates (const GkTimelineMeasure *measure,
             GkTimelinePart           part,
             int                      days,
             GDate                   *start,
             GDate                   *due)
{
  *start = measure->start;
  *due = measure->due;
  switch (part)
    {
    case GK_TIMELINE_PART_START:
      shift_date (start, days);
      if (g_date_valid (due) && g_date_compare (start, due) > 0)
        *start = *due;
      break;
    case GK_TIMELINE_PART_END:
      shift_date (due, days);
      if (g_date_valid (start) && g_date_compare (due, start) < 0)
        *due = *start;
      break;
    case GK_TIMELINE_PART_BAR:
    case GK_TIMELINE_PART_MILESTONE:
    case GK_TIMELINE_PART_TITLE:
    default:
      shift_date (start, days);
      shift_date (due, days);
      break;
    }
}

static gboolean
write_dates (GkTimelineView *self,
             int             index,
             const GDate    *start,
             const GDate    *due,
             GError        **error)
{
  GkMeasure *live = measure_record (self, index);
  GkDocument *document = gk_chart_model_get_document (self->model);
  g_autoptr(GkRecord) copy = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *due_iso = NULL;
  g_autofree char *description = NULL;

  if (live == NULL)
    return TRUE;
  live = gk_document_lookup_measure (document, gk_record_get_id (GK_RECORD (live)));
  if (live == NULL)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_FOUND, _("The measure no longer exists."));
      return FALSE;
    }
  start_iso = g_date_valid (start) ? gk_date_to_iso (start) : NULL;
  due_iso = g_date_valid (due) ? gk_date_to_iso (due) : NULL;
  copy = gk_record_copy (GK_RECORD (live));
  gk_measure_set_start_date (GK_MEASURE (copy), start_iso);
  gk_measure_set_due_date (GK_MEASURE (copy), due_iso);

  /* Translators: an undo step, %s is a measure's title */
  description = g_strdup_printf (_("Reschedule “%s”"), gk_measure_get_title (live));
  gk_document_begin_group (document, description);
  if (!gk_document_update (document, copy, error))
    {
      gk_document_cancel_group (document);
      return FALSE;
    }
  return gk_document_end_group (document, error);
}

static void
report_failure (GkTimelineView *self,
                GError         *error)
{
  /* the bars go back to what the document holds */
  rebuild_data (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[EDIT_FAILED], 0, error);
}

static gboolean
move_measure (GkTimelineView *self,
              int             index,
              GkTimelinePart  part,
              int             days,
              GError        **error)
{
  const GkTimelineMeasure *measure;
  GDate start, due;

  if (index < 0 || (guint) index >= self->measures->len || days == 0)
    return TRUE;
  measure = &g_array_index (self->measures, GkTimelineMeasure, index);
  moved_dates (measure, part, days, &start, &due);
  /* shown moved at once; the new chart model follows the document */
  g_array_index (self->measures, GkTimelineMeasure, index).start = start;
  g_array_index (self->measures, GkTimelineMeasure, index).due = due;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return write_dates (self, index, &start, &due, error);
}

gboolean
gk_timeline_view_move_selected (GkTimelineView *self,
                                int             days,
                                GError        **error)
{
  g_return_val_if_fail (GK_IS_TIMELINE_VIEW (self), FALSE);

  return move_measure (self, self->selected, GK_TIMELINE_PART_BAR, days, error);
}

/* --- input ------------------------------------------------------------------- */

static void
select_index (GkTimelineView *self,
              int             index)
{
  GkMeasure *measure = measure_record (self, index);

  self->selected = measure != NULL ? index : -1;
  self->selected_id = measure != NULL ? gk_record_get_id (GK_RECORD (measure)) : 0;
  scroll_to_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_selected (GkTimelineView *self)
{
  if (self->selected_id != 0)
    g_signal_emit (self, signals[ACTIVATED], 0, self->selected_id);
}

static const GkChartHitRegion *
measure_at (GkTimelineView *self,
            double          x,
            double          y)
{
  guint n;
  const GkChartHitRegion *regions = gk_chart_context_get_hit_regions (self->ctx, &n);

  /* the one drawn last (an end's grip over its bar), arrows aside */
  for (guint i = n; i > 0; i--)
    if (regions[i - 1].kind == GK_CHART_HIT_TIMELINE_MEASURE && gk_chart_rect_contains (&regions[i - 1].rect, x, y))
      return &regions[i - 1];
  return NULL;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GkTimelineView *self)
{
  const GkChartHitRegion *region = measure_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_measure = -1;
  if (region == NULL)
    return;
  select_index (self, region->index);
  if (region->sub_index == GK_TIMELINE_PART_TITLE)
    return;
  self->drag_measure = region->index;
  self->drag_part = region->sub_index;
  self->drag_start = g_array_index (self->measures, GkTimelineMeasure, region->index).start;
  self->drag_due = g_array_index (self->measures, GkTimelineMeasure, region->index).due;
  self->drag_days = 0;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                GkTimelineView *self)
{
  GkTimelineMeasure original;
  GkTimelineMeasure *shown;
  int days;

  if (self->drag_measure < 0 || (guint) self->drag_measure >= self->measures->len)
    return;
  days = (int) round (dx / self->day_width);
  if (days == self->drag_days)
    return;
  self->drag_days = days;
  shown = &g_array_index (self->measures, GkTimelineMeasure, self->drag_measure);
  original = *shown;
  original.start = self->drag_start;
  original.due = self->drag_due;
  moved_dates (&original, self->drag_part, days, &shown->start, &shown->due);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             GkTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  int index = self->drag_measure;
  GkTimelineMeasure *shown;

  self->drag_measure = -1;
  if (index < 0 || (guint) index >= self->measures->len || self->drag_days == 0)
    return;
  shown = &g_array_index (self->measures, GkTimelineMeasure, index);
  if (!write_dates (self, index, &shown->start, &shown->due, &error))
    report_failure (self, error);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GkTimelineView  *self)
{
  if (n_press == 2 && measure_at (self, x, y) != NULL)
    activate_selected (self);
}

static void
set_zoom_around (GkTimelineView *self,
                 double          day_width,
                 double          x)
{
  double julian;
  GkChartRect area = widget_area (self);
  GkTimelineGeometry geometry;

  day_width = CLAMP (day_width, GK_TIMELINE_ZOOM_MIN, GK_TIMELINE_ZOOM_MAX);
  if (day_width == self->day_width)
    return;
  prepare_data (self);
  gk_timeline_chart_get_geometry (self->ctx, &self->data, &area, &geometry);
  x = CLAMP (x, geometry.plot_x, geometry.plot_x + geometry.plot_width);
  julian = g_date_get_julian (&geometry.range_start) + (x - geometry.plot_x + self->data.scroll_x) / self->day_width;
  self->day_width = day_width;
  configure_adjustments (self);
  scroll_day_to (self, julian, x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_WIDTH]);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           GkTimelineView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;

  if (state & GDK_CONTROL_MASK)
    {
      GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

      if (event == NULL || !gdk_event_get_position (event, &x, &y))
        x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      else
        {
          graphene_point_t in;

          /* the event's position is the surface's */
          if (gtk_widget_compute_point (GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self))), GTK_WIDGET (self),
                                        &GRAPHENE_POINT_INIT (x, y), &in))
            x = in.x;
        }
      set_zoom_around (self, self->day_width * pow (1.2, -dy), x);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx * 40);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy * 40);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GkTimelineView        *self)
{
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  g_autoptr(GError) error = NULL;

  if (self->model == NULL)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      {
        int step = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1;

        select_index (self, self->selected < 0 ? gk_timeline_chart_step_measure (&self->data, -1, 0)
                                                    : gk_timeline_chart_step_measure (&self->data, self->selected, step));
        return TRUE;
      }
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int sign = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;

        if (!alt)
          {
            gtk_adjustment_set_value (self->hadjustment,
                                      gtk_adjustment_get_value (self->hadjustment) + sign * 30 * self->day_width);
            return TRUE;
          }
        if (self->selected < 0)
          return FALSE;
        if (!gk_timeline_view_move_selected (self, sign * 7, &error))
          report_failure (self, error);
        return TRUE;
      }
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (!(state & GDK_CONTROL_MASK))
        return FALSE;
      set_zoom_around (self, self->day_width * (keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract ? 1 / 1.25 : 1.25),
                       gtk_widget_get_width (GTK_WIDGET (self)) * 0.6);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      activate_selected (self);
      return self->selected_id != 0;
    default:
      return FALSE;
    }
}

/* --- tooltips ------------------------------------------------------------------ */

static char *
dates_text (const GkTimelineMeasure *measure)
{
  g_autofree char *start = g_date_valid (&measure->start) ? gk_date_format_display (&measure->start) : NULL;
  g_autofree char *due = g_date_valid (&measure->due) ? gk_date_format_display (&measure->due) : NULL;

  if (start != NULL && due != NULL)
    /* Translators: a measure's start and due date */
    return g_strdup_printf (_("%s to %s"), start, due);
  if (due != NULL)
    /* Translators: a measure with only a due date */
    return g_strdup_printf (_("Due %s"), due);
  if (start != NULL)
    /* Translators: a measure with only a start date */
    return g_strdup_printf (_("Starts %s"), start);
  return g_strdup (_("No dates"));
}

static char *
describe_measure (GkTimelineView *self,
                  int             index)
{
  const GkTimelineMeasure *measure = &g_array_index (self->measures, GkTimelineMeasure, index);
  g_autofree char *dates = dates_text (measure);

  if (measure->status == GK_MEASURE_STATUS_IN_PROGRESS)
    /* Translators: tooltip: title, dates, status, progress */
    return g_strdup_printf (_("%s\n%s · %s, %d %%"), measure->title, dates, gk_measure_status_label (measure->status),
                            (int) round (measure->progress));
  /* Translators: tooltip: title, dates, status */
  return g_strdup_printf (_("%s\n%s · %s"), measure->title, dates, gk_measure_status_label (measure->status));
}

static char *
describe_link (GkTimelineView *self,
               int             index)
{
  const GkTimelineLink *link = &g_array_index (self->links, GkTimelineLink, index);
  const char *measure = g_array_index (self->measures, GkTimelineMeasure, link->measure).title;
  const char *before = g_array_index (self->measures, GkTimelineMeasure, link->depends_on).title;

  if (gk_timeline_link_is_violated (&self->data, link))
    /* Translators: a warning on the timeline; two measures' titles */
    return g_strdup_printf (_("“%s” starts before “%s”, which it depends on, ends"), measure, before);
  /* Translators: two measures' titles */
  return g_strdup_printf (_("“%s” depends on “%s”"), measure, before);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  GkTimelineView *self = GK_TIMELINE_VIEW (widget);
  const GkChartHitRegion *region;
  g_autofree char *text = NULL;

  if (keyboard && self->selected >= 0)
    text = describe_measure (self, self->selected);
  else if ((region = gk_chart_context_hit_test (self->ctx, x, y)) != NULL)
    switch (region->kind)
      {
      case GK_CHART_HIT_TIMELINE_MEASURE:
        if ((guint) region->index < self->measures->len)
          text = describe_measure (self, region->index);
        break;
      case GK_CHART_HIT_TIMELINE_LINK:
        if ((guint) region->index < self->links->len)
          text = describe_link (self, region->index);
        break;
      case GK_CHART_HIT_TIMELINE_PROJECT:
        if ((guint) region->index < self->data.n_projects)
          {
            const GkTimelineProject *project = &self->data.projects[region->index];

            /* Translators: tooltip: a focus project and its owner */
            text = g_strdup_printf (_("%s\nOwner: %s"), project->name,
                                    project->owner != NULL ? project->owner : _("No owner"));
          }
        break;
      default:
        break;
      }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* --- public ------------------------------------------------------------------ */

void
gk_timeline_view_set_model (GkTimelineView *self,
                            GkChartModel   *model)
{
  g_return_if_fail (GK_IS_TIMELINE_VIEW (self));

  if (!g_set_object (&self->model, model))
    return;
  if (model == NULL)
    self->scrolled_once = FALSE;
  rebuild_data (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GkChartModel *
gk_timeline_view_get_model (GkTimelineView *self)
{
  g_return_val_if_fail (GK_IS_TIMELINE_VIEW (self), NULL);
  return self->model;
}

void
gk_timeline_view_set_day_width (GkTimelineView *self,
                                double          day_width)
{
  g_return_if_fail (GK_IS_TIMELINE_VIEW (self));

  /* zoom round the middle of the plot, so what is in view stays there */
  set_zoom_around (self, day_width, gtk_widget_get_width (GTK_WIDGET (self)) * 0.6);
}

double
gk_timeline_view_get_day_width (GkTimelineView *self)
{
  g_return_val_if_fail (GK_IS_TIMELINE_VIEW (self), 0);
  return self->day_width;
}

void
gk_timeline_view_set_filter (GkTimelineView       *self,
                             GkTimelineFilterFunc  func,
                             gpointer              user_data)
{
  g_return_if_fail (GK_IS_TIMELINE_VIEW (self));

  self->filter = func;
  self->filter_data = user_data;
  gk_timeline_view_refilter (self);
}

void
gk_timeline_view_refilter (GkTimelineView *self)
{
  g_return_if_fail (GK_IS_TIMELINE_VIEW (self));

  rebuild_data (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
gk_timeline_view_get_selected (GkTimelineView *self)
{
  g_return_val_if_fail (GK_IS_TIMELINE_VIEW (self), 0);
  return self->selected >= 0 ? self->selected_id : 0;
}

void
gk_timeline_view_select (GkTimelineView *self,
                         gint64          measure_id)
{
  g_return_if_fail (GK_IS_TIMELINE_VIEW (self));

  select_index (self, index_of_id (self, measure_id));
}

gboolean
gk_timeline_view_get_bar_rect (GkTimelineView  *self,
                               gint64           measure_id,
                               graphene_rect_t *rect)
{
  int index = index_of_id (self, measure_id);
  guint n;
  const GkChartHitRegion *regions = gk_chart_context_get_hit_regions (self->ctx, &n);

  g_return_val_if_fail (GK_IS_TIMELINE_VIEW (self), FALSE);

  for (guint i = 0; index >= 0 && i < n; i++)
    if (regions[i].kind == GK_CHART_HIT_TIMELINE_MEASURE && regions[i].index == index &&
        (regions[i].sub_index == GK_TIMELINE_PART_BAR || regions[i].sub_index == GK_TIMELINE_PART_MILESTONE))
      {
        graphene_rect_init (rect, regions[i].rect.x, regions[i].rect.y, regions[i].rect.width, regions[i].rect.height);
        return TRUE;
      }
  return FALSE;
}

/* --- construction ---------------------------------------------------------------- */

static void
gk_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkTimelineView *self = GK_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY_WIDTH:
      g_value_set_double (value, self->day_width);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkTimelineView *self = GK_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY_WIDTH:
      gk_timeline_view_set_day_width (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_timeline_view_dispose (GObject *object)
{
  GkTimelineView *self = GK_TIMELINE_VIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (gk_timeline_view_parent_class)->dispose (object);
}

static void
gk_timeline_view_finalize (GObject *object)
{
  GkTimelineView *self = GK_TIMELINE_VIEW (object);

  g_clear_pointer (&self->ctx, gk_chart_context_free);
  g_clear_pointer (&self->projects, g_array_unref);
  g_clear_pointer (&self->measures, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->model_index, g_array_unref);

  G_OBJECT_CLASS (gk_timeline_view_parent_class)->finalize (object);
}

static void
gk_timeline_view_class_init (GkTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gk_timeline_view_get_property;
  object_class->set_property = gk_timeline_view_set_property;
  object_class->dispose = gk_timeline_view_dispose;
  object_class->finalize = gk_timeline_view_finalize;
  widget_class->snapshot = gk_timeline_view_snapshot;
  widget_class->measure = gk_timeline_view_measure;
  widget_class->size_allocate = gk_timeline_view_size_allocate;

  properties[PROP_DAY_WIDTH] =
    g_param_spec_double ("day-width", NULL, NULL, GK_TIMELINE_ZOOM_MIN, GK_TIMELINE_ZOOM_MAX,
                         GK_TIMELINE_ZOOM_QUARTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * GkTimelineView::activated:
   * @measure_id: the measure's id
   *
   * Enter or a double click on a measure: open its editor.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * GkTimelineView::edit-failed:
   * @error: why the document refused the new dates
   */
  signals[EDIT_FAILED] =
    g_signal_new ("edit-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
gk_timeline_view_init (GkTimelineView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  self->projects = g_array_new (FALSE, TRUE, sizeof (GkTimelineProject));
  self->measures = g_array_new (FALSE, TRUE, sizeof (GkTimelineMeasure));
  self->links = g_array_new (FALSE, TRUE, sizeof (GkTimelineLink));
  self->model_index = g_array_new (FALSE, TRUE, sizeof (guint));
  self->day_width = GK_TIMELINE_ZOOM_QUARTER;
  self->drag_measure = -1;
  self->selected = -1;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline of the measures"), -1);
}

GtkWidget *
gk_timeline_view_new (void)
{
  return g_object_new (GK_TYPE_TIMELINE_VIEW, NULL);
}
