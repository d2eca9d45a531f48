/* gk-chart-view.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws one chart of a GkChartModel with the renderers of src/charts, so the
 * screen shows what print and export show. Follows the light or dark style,
 * tells what is under the pointer in a tooltip, emits ::activated with the
 * record that was clicked, and describes itself to assistive technology.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gk-chart-view.h"
#include "gk-date.h"
#include "gk-period.h"

struct _GkChartView
{
  GtkWidget       parent_instance;

  GkChartModel   *model;
  GkChartKind     kind;
  gint64          indicator_id;
  GkChartContext *ctx;
};

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkChartView, gk_chart_view, GTK_TYPE_WIDGET)

static int
indicator_position (GkChartView *self)
{
  if (self->model == NULL)
    return -1;
  return gk_chart_model_lookup_indicator (self->model, self->indicator_id);
}

static gboolean
has_something_to_draw (GkChartView *self)
{
  return self->model != NULL && (self->kind != GK_CHART_KIND_INDICATOR || indicator_position (self) >= 0);
}

/* --- drawing --------------------------------------------------------------- */

static void
gk_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GkChartView *self = GK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GkChartRect area = { 0, 0, width, height };
  cairo_t *cr;

  if (!has_something_to_draw (self) || width <= 0 || height <= 0)
    return;

  gk_chart_context_set_variant (self->ctx, dark ? GK_STYLE_VARIANT_DARK : GK_STYLE_VARIANT_LIGHT);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gk_chart_context_begin (self->ctx, cr);
  gk_chart_context_paint_background (self->ctx, &area);
  gk_chart_model_draw (self->model, self->kind, MAX (indicator_position (self), 0), self->ctx, &area);
  gk_chart_context_end (self->ctx);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
gk_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gk_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GkChartView *self = GK_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 800;
      return;
    }

  if (!has_something_to_draw (self))
    {
      *minimum = *natural = 0;
      return;
    }

  {
    double width = for_size > 0 ? for_size : 800;
    double preferred = gk_chart_model_get_preferred_height (self->model, self->kind,
                                                            MAX (indicator_position (self), 0),
                                                            self->ctx, width);

    /* Charts without a preferred height (the indicator) take a 16:7 box. */
    if (preferred <= 0)
      preferred = CLAMP (width * 7 / 16, 240, 420);
    *minimum = *natural = (int) ceil (preferred);
  }
}

/* --- what is under the pointer -------------------------------------------- */

static char *
describe_roadmap_cell (GkChartView *self,
                       int          row,
                       int          column)
{
  const GkRoadmapChartData *data = gk_chart_model_get_roadmap (self->model);
  const GkRoadmapPeriod *period;
  g_autofree char *when = NULL;
  GkLevel level;

  if (column < 0 || column >= (int) data->n_periods)
    return NULL;
  period = &data->periods[column];
  when = gk_period_label (data->frequency, &period->start);
  if (row < 0)
    return g_strdup_printf (_("Headline grip level in %s: %s"), when, gk_level_label (period->headline));
  if (row >= (int) data->n_topics)
    return NULL;
  level = data->topics[row].levels[column];
  /* Translators: tooltip: topic, period: level */
  return g_strdup_printf (_("%s, %s: %s"), data->topics[row].name, when, gk_level_label (level));
}

static char *
describe_measure (GkChartView *self,
                  int          index)
{
  GkMeasure *measure = gk_chart_model_get_timeline_measure (self->model, index);
  GkDocument *document = gk_chart_model_get_document (self->model);
  GkPerson *owner = gk_document_lookup_person (document, gk_measure_get_owner_id (measure));
  GString *text = g_string_new (gk_measure_get_title (measure));
  GDate due;

  g_string_append_printf (text, "\n%s", gk_measure_status_label (gk_measure_get_status (measure)));
  if (gk_measure_get_status (measure) == GK_MEASURE_STATUS_IN_PROGRESS)
    g_string_append_printf (text, " (%d %%)", gk_measure_get_progress (measure));
  if (owner != NULL)
    g_string_append_printf (text, "\n%s: %s", _("Owner"), gk_person_get_name (owner));
  if (gk_date_parse_iso (gk_measure_get_due_date (measure), &due))
    {
      g_autofree char *when = gk_date_format_display (&due);

      g_string_append_printf (text, "\n%s: %s", _("Due"), when);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_point (GkChartView *self,
                double       x,
                double       y)
{
  int position = indicator_position (self);
  const GkIndicatorChartData *data;
  const GkIndicatorPoint *point;
  g_autofree char *value = NULL;
  g_autofree char *when = NULL;
  int index;

  if (position < 0)
    return NULL;
  data = gk_chart_model_get_indicator (self->model, position);
  index = gk_indicator_chart_hit_test (self->ctx, data, x, y, 12);
  if (index < 0)
    return NULL;
  point = &data->points[index];
  value = gk_indicator_format_value (data, point->value, FALSE);
  when = gk_date_format_display (&point->date);
  if (point->note != NULL)
    return g_strdup_printf ("%s: %s\n%s", when, value, point->note);
  return g_strdup_printf ("%s: %s", when, value);
}

char *
gk_chart_view_describe_at (GkChartView *self,
                           double       x,
                           double       y)
{
  const GkChartHitRegion *hit;

  g_return_val_if_fail (GK_IS_CHART_VIEW (self), NULL);

  if (!has_something_to_draw (self))
    return NULL;
  if (self->kind == GK_CHART_KIND_INDICATOR)
    return describe_point (self, x, y);

  hit = gk_chart_context_hit_test (self->ctx, x, y);
  if (hit == NULL)
    return NULL;

  switch (hit->kind)
    {
    case GK_CHART_HIT_ROADMAP_CELL:
      return describe_roadmap_cell (self, hit->index, hit->sub_index);
    case GK_CHART_HIT_ROADMAP_HEADLINE:
      return describe_roadmap_cell (self, -1, hit->sub_index);
    case GK_CHART_HIT_ROADMAP_TOPIC:
      return g_strdup (gk_topic_get_name (gk_chart_model_get_roadmap_topic (self->model, hit->index)));
    case GK_CHART_HIT_TIMELINE_MEASURE:
      return describe_measure (self, hit->index);
    case GK_CHART_HIT_TIMELINE_PROJECT:
    case GK_CHART_HIT_PROGRESS_PROJECT:
      return g_strdup (gk_focus_project_get_name (gk_chart_model_get_timeline_project (self->model, hit->index)));
    case GK_CHART_HIT_PROGRESS_SEGMENT:
      {
        const GkProgressProject *row = &gk_chart_model_get_progress (self->model)->projects[hit->index];

        /* Translators: project: number of measures with a status */
        return g_strdup_printf (_("%s: %u × %s"), row->name, row->counts[hit->sub_index],
                                gk_measure_status_label (hit->sub_index));
      }
    case GK_CHART_HIT_COVERAGE_SEGMENT:
      {
        const GkCoverageTopic *row = &gk_chart_model_get_coverage (self->model)->topics[hit->index];

        return g_strdup_printf (_("%s: %u × %s"), row->name, row->counts[hit->sub_index],
                                gk_measure_status_label (hit->sub_index));
      }
    case GK_CHART_HIT_COVERAGE_TOPIC:
      {
        const GkCoverageTopic *row = &gk_chart_model_get_coverage (self->model)->topics[hit->index];

        return g_strdup_printf ("%s: %s", row->name, gk_level_label (row->level));
      }
    case GK_CHART_HIT_HEADLINE_LEVEL:
      return g_strdup (gk_level_label (hit->index));
    case GK_CHART_HIT_ROADMAP_TARGET:
      {
        GkTopic *topic = gk_chart_model_get_roadmap_topic (self->model, hit->index);

        return g_strdup_printf (_("Target for %s: %s"), gk_topic_get_name (topic),
                                gk_level_label (gk_topic_get_target_level (topic)));
      }
    case GK_CHART_HIT_NONE:
    case GK_CHART_HIT_INDICATOR_PLOT:
    default:
      return NULL;
    }
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  g_autofree char *text = gk_chart_view_describe_at (GK_CHART_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The record a click is about: "topic", "measure", "focus_project" or "indicator". */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GkChartView     *self)
{
  const GkChartHitRegion *hit;
  const char *table = NULL;
  gint64 id = 0;

  if (!has_something_to_draw (self))
    return;
  if (self->kind == GK_CHART_KIND_INDICATOR)
    {
      g_signal_emit (self, signals[ACTIVATED], 0, "indicator", self->indicator_id);
      return;
    }
  hit = gk_chart_context_hit_test (self->ctx, x, y);
  if (hit == NULL)
    return;

  switch (hit->kind)
    {
    case GK_CHART_HIT_ROADMAP_CELL:
    case GK_CHART_HIT_ROADMAP_TOPIC:
    case GK_CHART_HIT_ROADMAP_TARGET:
    case GK_CHART_HIT_COVERAGE_TOPIC:
    case GK_CHART_HIT_COVERAGE_SEGMENT:
      table = "topic";
      id = gk_record_get_id (GK_RECORD (gk_chart_model_get_roadmap_topic (self->model, hit->index)));
      break;
    case GK_CHART_HIT_TIMELINE_MEASURE:
      table = "measure";
      id = gk_record_get_id (GK_RECORD (gk_chart_model_get_timeline_measure (self->model, hit->index)));
      break;
    case GK_CHART_HIT_TIMELINE_PROJECT:
    case GK_CHART_HIT_PROGRESS_PROJECT:
    case GK_CHART_HIT_PROGRESS_SEGMENT:
      table = "focus_project";
      id = gk_record_get_id (GK_RECORD (gk_chart_model_get_timeline_project (self->model, hit->index)));
      break;
    case GK_CHART_HIT_NONE:
    case GK_CHART_HIT_ROADMAP_HEADLINE:
    case GK_CHART_HIT_HEADLINE_LEVEL:
    case GK_CHART_HIT_INDICATOR_PLOT:
    default:
      return;
    }
  g_signal_emit (self, signals[ACTIVATED], 0, table, id);
}

/* --- accessibility --------------------------------------------------------- */

static char *
describe_chart (GkChartView *self)
{
  GkAnalysis *analysis = gk_chart_model_get_analysis (self->model);

  switch (self->kind)
    {
    case GK_CHART_KIND_ROADMAP:
      {
        const GkRoadmapChartData *data = gk_chart_model_get_roadmap (self->model);

        return g_strdup_printf (_("Roadmap: %u topics over %u periods. Headline grip level now: %s."),
                                data->n_topics, data->n_periods,
                                gk_level_label (gk_analysis_get_headline (analysis)));
      }
    case GK_CHART_KIND_HEADLINE:
      return g_strdup_printf (_("Headline grip level: %s, %s."),
                              gk_level_label (gk_analysis_get_headline (analysis)),
                              gk_grip_trend_label (gk_analysis_get_trend (analysis)));
    case GK_CHART_KIND_TIMELINE:
      return g_strdup_printf (_("Timeline of %u focus projects with %u measures."),
                              gk_chart_model_get_timeline (self->model)->n_projects,
                              gk_chart_model_get_timeline (self->model)->n_measures);
    case GK_CHART_KIND_PROGRESS:
      return g_strdup_printf (_("Progress of the measures of %u focus projects, by status."),
                              gk_chart_model_get_progress (self->model)->n_projects);
    case GK_CHART_KIND_COVERAGE:
      return g_strdup_printf (_("Level of %u topics and the measures aimed at each, by status."),
                              gk_chart_model_get_coverage (self->model)->n_topics);
    case GK_CHART_KIND_INDICATOR:
    default:
      {
        int position = indicator_position (self);
        const GkIndicatorGrip *grip = gk_analysis_lookup_indicator (analysis, self->indicator_id);

        if (position < 0 || grip == NULL)
          return NULL;
        return g_strdup_printf (_("Chart of %s: %u measurements, signal level %s."),
                                gk_indicator_get_name (grip->indicator),
                                gk_chart_model_get_indicator (self->model, position)->n_points,
                                gk_level_label (grip->signalled));
      }
    }
}

static void
update_accessible_description (GkChartView *self)
{
  g_autofree char *text = self->model != NULL ? describe_chart (self) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);
}

/* --- object ---------------------------------------------------------------- */

static void
gk_chart_view_dispose (GObject *object)
{
  GkChartView *self = GK_CHART_VIEW (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->ctx, gk_chart_context_free);

  G_OBJECT_CLASS (gk_chart_view_parent_class)->dispose (object);
}

static void
gk_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, GK_CHART_VIEW (object)->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_KIND:
      gk_chart_view_set_kind (GK_CHART_VIEW (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_chart_view_class_init (GkChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_chart_view_dispose;
  object_class->get_property = gk_chart_view_get_property;
  object_class->set_property = gk_chart_view_set_property;
  widget_class->snapshot = gk_chart_view_snapshot;
  widget_class->measure = gk_chart_view_measure;
  widget_class->get_request_mode = gk_chart_view_get_request_mode;

  /* GkChartKind as an int: the enum is not registered with the type system. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, GK_CHART_KIND_ROADMAP, GK_CHART_KIND_COVERAGE, GK_CHART_KIND_ROADMAP,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkChartView::activated:
   * @table: the table of the record clicked ("topic", "measure", "focus_project", "indicator")
   * @id: its id
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
style_changed_cb (GkChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gk_chart_view_init (GkChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gk_chart_view_new (GkChartKind kind)
{
  return g_object_new (GK_TYPE_CHART_VIEW, "kind", kind, NULL);
}

void
gk_chart_view_set_model (GkChartView  *self,
                         GkChartModel *model)
{
  g_return_if_fail (GK_IS_CHART_VIEW (self));

  if (!g_set_object (&self->model, model))
    return;
  update_accessible_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GkChartModel *
gk_chart_view_get_model (GkChartView *self)
{
  return self->model;
}

void
gk_chart_view_set_kind (GkChartView *self,
                        GkChartKind  kind)
{
  g_return_if_fail (GK_IS_CHART_VIEW (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  if (self->model != NULL)
    update_accessible_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
gk_chart_view_set_indicator (GkChartView *self,
                             gint64       indicator_id)
{
  g_return_if_fail (GK_IS_CHART_VIEW (self));

  self->indicator_id = indicator_id;
  if (self->model != NULL)
    update_accessible_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
