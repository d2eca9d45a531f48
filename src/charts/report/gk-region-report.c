/* gk-region-report.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built like the progress report (gk-report.c): one GkReportFlow per sheet
 * size, paginated by gk-report-layout, drawn inside the same header and
 * footer, written through the same file sink with an outline.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-clock.h"
#include "gk-file-sink.h"
#include "gk-region-chart.h"
#include "gk-region-report.h"
#include "gk-report-section.h"

/* The sheet's measures, as the progress report's. */
#define MARGIN        GK_REPORT_MARGIN
#define HEADER_HEIGHT GK_REPORT_HEADER_HEIGHT
#define FOOTER_HEIGHT GK_REPORT_FOOTER_HEIGHT

/* How many attention signals a municipality's section lists. */
#define SIGNALS_PER_MEMBER 3

enum {
  SECTION_SUMMARY,
  SECTION_MATRIX,
  SECTION_INDICATORS,
  SECTION_MUNICIPALITIES,
  N_SECTIONS,
};

struct _GkRegionReport
{
  GObject              parent_instance;

  GkRegion            *region;
  char                *name;
  GListStore          *members;       /* the region's, copied: see gk_region_report_new() */
  GListStore          *left_out;
  GPtrArray           *shared;        /* GkRegionShared */
  GPtrArray           *topics;        /* names */
  GDate                printed;
  GkReportPaper        paper;
  GkReportOrientation  orientation;

  GkChartContext      *ctx;
  GkReportFlow        *flow;
  double               flow_width;
  double               flow_height;
};

G_DEFINE_FINAL_TYPE (GkRegionReport, gk_region_report, G_TYPE_OBJECT)

static void
gk_region_report_finalize (GObject *object)
{
  GkRegionReport *self = GK_REGION_REPORT (object);

  g_clear_pointer (&self->flow, gk_report_flow_free);
  g_clear_pointer (&self->ctx, gk_chart_context_free);
  g_free (self->name);
  g_object_unref (self->members);
  g_object_unref (self->left_out);
  g_ptr_array_unref (self->shared);
  g_ptr_array_unref (self->topics);
  g_object_unref (self->region);

  G_OBJECT_CLASS (gk_region_report_parent_class)->finalize (object);
}

static void
gk_region_report_class_init (GkRegionReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_region_report_finalize;
}

static void
gk_region_report_init (GkRegionReport *self)
{
  self->paper = GK_REPORT_PAPER_A4;
  self->orientation = GK_REPORT_ORIENTATION_PORTRAIT;
}

static GDate
default_printed_date (void)
{
  GDate date;

  if (gk_source_date_epoch_day (&date))
    return date;
  return gk_clock_get_today (gk_clock_get_default ());
}

/* The report may be written in another thread than the one showing the
 * region (the window's): it reads its own copy of the lists (the members
 * themselves never change once read), and makes its text layouts in the
 * thread that draws (report_context()). */
static GListStore *
copy_list (GListModel *list)
{
  GListStore *copy = g_list_store_new (GK_TYPE_REGION_MEMBER);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (list, i);

      g_list_store_append (copy, member);
    }
  return copy;
}

static GkChartContext *
report_context (GkRegionReport *self)
{
  if (self->ctx == NULL)
    self->ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  return self->ctx;
}

GkRegionReport *
gk_region_report_new (GkRegion *region)
{
  GkRegionReport *self;

  g_return_val_if_fail (GK_IS_REGION (region), NULL);

  self = g_object_new (GK_TYPE_REGION_REPORT, NULL);
  self->region = g_object_ref (region);
  self->name = g_strdup (gk_region_get_name (region));
  self->members = copy_list (gk_region_get_members (region));
  self->left_out = copy_list (gk_region_get_left_out (region));
  self->shared = gk_region_get_shared_indicators (region);
  self->topics = gk_region_get_topic_names (region);
  self->printed = default_printed_date ();
  return self;
}

void
gk_region_report_set_printed_date (GkRegionReport *self,
                                   const GDate    *date)
{
  g_return_if_fail (GK_IS_REGION_REPORT (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->printed = *date;
}

void
gk_region_report_set_paper (GkRegionReport      *self,
                            GkReportPaper        paper,
                            GkReportOrientation  orientation)
{
  g_return_if_fail (GK_IS_REGION_REPORT (self));

  self->paper = paper;
  self->orientation = orientation;
}

/* --- words ------------------------------------------------------------------- */

static const char *
region_title (GkRegionReport *self)
{
  const char *name = self->name;

  /* Translators: the title of a region without a name of its own */
  return *name != '\0' ? name : _("Region");
}

static const char *
section_title (guint section)
{
  switch (section)
    {
    case SECTION_SUMMARY:
      return _("Summary");
    case SECTION_MATRIX:
      /* Translators: the section of the regional report with municipalities x topics */
      return _("Topics by municipality");
    case SECTION_INDICATORS:
      return _("Shared indicators");
    case SECTION_MUNICIPALITIES:
    default:
      return _("Municipalities");
    }
}

static const char *
trend_text (GkGripTrend trend)
{
  return trend == GK_GRIP_TREND_UNKNOWN ? "–" : gk_grip_trend_label (trend);
}

static GkLevel
severity_level (GkSeverity severity)
{
  switch (severity)
    {
    case GK_SEVERITY_CRITICAL:
      return GK_LEVEL_SERIOUS;
    case GK_SEVERITY_WARNING:
      return GK_LEVEL_VIGILANT;
    case GK_SEVERITY_INFO:
    default:
      return GK_LEVEL_NONE;
    }
}

/* --- the sections -------------------------------------------------------------- */

static int
compare_headline (gconstpointer a,
                  gconstpointer b)
{
  return gk_region_member_compare_headline (*(GkRegionMember * const *) a, *(GkRegionMember * const *) b);
}

static GPtrArray *
members_by_headline (GkRegionReport *self)
{
  GListModel *members = G_LIST_MODEL (self->members);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (members, i));
  g_ptr_array_sort (sorted, compare_headline);
  return sorted;
}

static void
add_level_counts (GkRegionReport *self,
                  GkReportFlow   *flow)
{
  GListModel *members = G_LIST_MODEL (self->members);
  guint counts[GK_LEVEL_IN_CONTROL + 1] = { 0 };
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (members);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, i);

      counts[gk_region_member_get_headline (member)]++;
    }
  /* Translators: the headline levels of a region's municipalities, counted */
  text = g_strdup_printf (_("Headline grip level: %s %u, %s %u, %s %u, not assessed %u."),
                          gk_level_label (GK_LEVEL_SERIOUS), counts[GK_LEVEL_SERIOUS],
                          gk_level_label (GK_LEVEL_VIGILANT), counts[GK_LEVEL_VIGILANT],
                          gk_level_label (GK_LEVEL_IN_CONTROL), counts[GK_LEVEL_IN_CONTROL],
                          counts[GK_LEVEL_NONE]);
  gk_report_flow_add_text (flow, text, GK_REPORT_FONT_BODY, GK_REPORT_INK_NORMAL, FALSE);
}

static void
add_left_out (GkRegionReport *self,
              GkReportFlow   *flow)
{
  GListModel *left_out = G_LIST_MODEL (self->left_out);
  GkReportTable *table;
  guint n = g_list_model_get_n_items (left_out);

  if (n == 0)
    return;
  gk_report_add_subheading (flow, _("Files left out"));
  gk_report_add_note (flow, _("These files could not be read; the report leaves them out."));
  table = gk_report_flow_add_table (flow, 2);
  gk_report_table_set_column (table, 0, _("File"), 1.5, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Reason"), 4.0, GK_CHART_ALIGN_START);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (left_out, i);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, gk_region_member_get_display_name (member));
      gk_report_table_set_text (table, row, 1, gk_region_member_get_error (member)->message);
    }
}

static void
add_summary (GkRegionReport *self,
             GkReportFlow   *flow)
{
  GListModel *members = G_LIST_MODEL (self->members);
  g_autoptr(GPtrArray) sorted = members_by_headline (self);
  g_autofree char *lead = NULL;
  g_autofree char *printed = gk_report_format_date (&self->printed);
  guint n = g_list_model_get_n_items (members);
  GkReportTable *table;

  gk_report_flow_add_anchor (flow, SECTION_SUMMARY);
  gk_report_flow_add_text (flow, region_title (self), GK_REPORT_FONT_TITLE, GK_REPORT_INK_NORMAL, TRUE);
  /* Translators: under the title of the regional report; a count, then a date */
  lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Regional report of %u municipality, as of %s",
                                       "Regional report of %u municipalities, as of %s", n),
                          n, printed);
  gk_report_flow_add_text (flow, lead, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  gk_report_flow_add_space (flow, 8);
  add_level_counts (self, flow);

  gk_report_add_subheading (flow, _("Headline grip levels side by side"));
  table = gk_report_flow_add_table (flow, 4);
  gk_report_table_set_column (table, 0, _("Municipality"), 2.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Headline grip level"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Trend"), 2.2, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("Attention signals"), 1.0, GK_CHART_ALIGN_END);
  gk_report_table_set_continued_label (table, _("Headline grip levels (continued)"));
  for (guint i = 0; i < sorted->len; i++)
    {
      GkRegionMember *member = g_ptr_array_index (sorted, i);
      guint row = gk_report_table_add_row (table);
      GkLevel level = gk_region_member_get_headline (member);

      gk_report_table_set_text (table, row, 0, gk_region_member_get_municipality (member));
      gk_report_table_set_chip (table, row, 1, level, gk_level_short_label (level));
      gk_report_table_set_text (table, row, 2, trend_text (gk_region_member_get_trend (member)));
      gk_report_table_take_text (table, row, 3,
                                 g_strdup_printf ("%u", gk_region_member_get_signals (member)->len));
    }
  add_left_out (self, flow);
}

/* "S" for Serious: a matrix of many topics on a narrow sheet has no room
 * for the level's name in each cell. */
static const char *
level_letter (GkLevel level)
{
  switch (level)
    {
    case GK_LEVEL_SERIOUS:
      /* Translators: one letter for the level Serious, in a narrow matrix cell */
      return C_("level letter", "S");
    case GK_LEVEL_VIGILANT:
      /* Translators: one letter for the level Vigilant */
      return C_("level letter", "V");
    case GK_LEVEL_IN_CONTROL:
      /* Translators: one letter for the level In control */
      return C_("level letter", "C");
    case GK_LEVEL_NONE:
    default:
      return "–";
    }
}

#define MATRIX_NAME_WEIGHT 1.6
#define MATRIX_CELL_PAD    12.0

/* Whether the levels' short names fit the matrix's columns at width. */
static gboolean
matrix_fits_names (GkRegionReport *self,
                   double          width)
{
  double column = width / (MATRIX_NAME_WEIGHT + self->topics->len) - MATRIX_CELL_PAD;
  double widest = 0;

  for (GkLevel level = GK_LEVEL_SERIOUS; level <= GK_LEVEL_IN_CONTROL; level++)
    widest = MAX (widest, gk_chart_chip_width (self->ctx, gk_level_short_label (level)));
  return widest <= column;
}

static void
add_matrix (GkRegionReport *self,
            GkReportFlow   *flow,
            double          width)
{
  GListModel *members = G_LIST_MODEL (self->members);
  gboolean names = matrix_fits_names (self, width);
  GkReportTable *table;

  gk_report_add_section_heading (flow, SECTION_MATRIX, section_title (SECTION_MATRIX),
                                 _("Each topic’s current level, topics matched by name. "
                                   "A dash: the programme has no such topic."));
  if (!names)
    {
      g_autofree char *legend = NULL;

      /* Translators: the legend of a narrow matrix: letter = level, three times */
      legend = g_strdup_printf (_("%s = %s, %s = %s, %s = %s."),
                                level_letter (GK_LEVEL_SERIOUS), gk_level_label (GK_LEVEL_SERIOUS),
                                level_letter (GK_LEVEL_VIGILANT), gk_level_label (GK_LEVEL_VIGILANT),
                                level_letter (GK_LEVEL_IN_CONTROL), gk_level_label (GK_LEVEL_IN_CONTROL));
      gk_report_flow_add_text (flow, legend, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM, TRUE);
    }
  table = gk_report_flow_add_table (flow, self->topics->len + 1);
  gk_report_table_set_column (table, 0, _("Municipality"), MATRIX_NAME_WEIGHT, GK_CHART_ALIGN_START);
  for (guint t = 0; t < self->topics->len; t++)
    gk_report_table_set_column (table, t + 1, g_ptr_array_index (self->topics, t), 1.0, GK_CHART_ALIGN_START);
  gk_report_table_set_continued_label (table, _("Topics by municipality (continued)"));

  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, m);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, gk_region_member_get_municipality (member));
      for (guint t = 0; t < self->topics->len; t++)
        {
          const GkRegionTopic *topic = gk_region_member_lookup_topic (member, g_ptr_array_index (self->topics, t));

          if (topic == NULL)
            gk_report_table_set_text (table, row, t + 1, "–");
          else
            gk_report_table_set_chip (table, row, t + 1, topic->level,
                                      names ? gk_level_short_label (topic->level) : level_letter (topic->level));
        }
    }
}

typedef struct {
  const GkRegionShared *shared;   /* the report's */
} ChartBlock;

static double
measure_chart (GkChartContext *ctx,
               double          width,
               gpointer        data)
{
  ChartBlock *block = data;

  return gk_region_chart_get_height (ctx, block->shared, width);
}

static void
draw_chart (GkChartContext    *ctx,
            const GkChartRect *area,
            gpointer           data)
{
  ChartBlock *block = data;

  gk_region_chart_draw (ctx, block->shared, area);
}

static void
add_indicators (GkRegionReport *self,
                GkReportFlow   *flow)
{
  gk_report_add_section_heading (flow, SECTION_INDICATORS, section_title (SECTION_INDICATORS),
                                 _("The indicators that several municipalities measure, matched by name and unit, "
                                   "compared per period."));
  if (self->shared->len == 0)
    {
      gk_report_add_note (flow, _("The municipalities share no indicator."));
      return;
    }
  for (guint i = 0; i < self->shared->len; i++)
    {
      const GkRegionShared *shared = g_ptr_array_index (self->shared, i);
      ChartBlock *block = g_new (ChartBlock, 1);
      g_autofree char *note = NULL;

      block->shared = shared;
      gk_report_add_subheading (flow, shared->name);
      /* Translators: under a shared indicator's name: a count, then a unit */
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Measured by %u municipality; unit: %s.",
                                           "Measured by %u municipalities; unit: %s.", shared->members->len),
                              shared->members->len, gk_unit_label (shared->unit));
      gk_report_flow_add_text (flow, note, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM, TRUE);
      gk_report_flow_add_block (flow, measure_chart, draw_chart, block, g_free, FALSE);
    }
}

static char *
describe_work (GkRegionMember *member)
{
  GPtrArray *work = gk_region_member_get_work (member);
  guint projects = 0, measures = 0, running = 0;

  for (guint i = 0; i < work->len; i++)
    {
      const GkRegionWork *item = g_ptr_array_index (work, i);

      if (item->kind == GK_REGION_WORK_PROJECT)
        projects++;
      else
        {
          measures++;
          if (item->status == GK_MEASURE_STATUS_IN_PROGRESS)
            running++;
        }
    }
  /* Translators: a municipality's work in the regional report */
  return g_strdup_printf (_("%u focus projects, %u measures (%u in progress)."), projects, measures, running);
}

static void
add_member_section (GkReportFlow   *flow,
                    GkRegionMember *member)
{
  GPtrArray *topics = gk_region_member_get_topics (member);
  GPtrArray *signals = gk_region_member_get_signals (member);
  GkLevel headline = gk_region_member_get_headline (member);
  g_autoptr(GString) levels = g_string_new (NULL);
  g_autofree char *line = NULL;
  g_autofree char *work = describe_work (member);

  gk_report_add_subheading (flow, gk_region_member_get_municipality (member));
  if (*gk_region_member_get_title (member) != '\0')
    gk_report_flow_add_text (flow, gk_region_member_get_title (member), GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM, TRUE);
  /* Translators: a level, then its trend */
  line = g_strdup_printf (_("Headline grip level: %s (%s)"), gk_report_level_or_none (headline),
                          trend_text (gk_region_member_get_trend (member)));
  gk_report_flow_add_text (flow, line, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_NORMAL, TRUE);

  for (guint t = 0; t < topics->len; t++)
    {
      const GkRegionTopic *topic = g_ptr_array_index (topics, t);

      if (t > 0)
        g_string_append (levels, " · ");
      /* Translators: a topic and its level, in a list */
      g_string_append_printf (levels, C_("topic level", "%s: %s"), topic->name, gk_level_short_label (topic->level));
    }
  gk_report_flow_add_text (flow, levels->str, GK_REPORT_FONT_SMALL, GK_REPORT_INK_NORMAL, FALSE);
  gk_report_flow_add_text (flow, work, GK_REPORT_FONT_SMALL, GK_REPORT_INK_NORMAL, FALSE);

  if (signals->len > 0)
    {
      GkReportTable *table = gk_report_flow_add_table (flow, 2);
      guint shown = MIN (signals->len, SIGNALS_PER_MEMBER);

      gk_report_table_set_plain (table, TRUE);
      gk_report_table_set_column (table, 0, _("Severity"), 1.0, GK_CHART_ALIGN_START);
      gk_report_table_set_column (table, 1, _("Signal"), 5.0, GK_CHART_ALIGN_START);
      for (guint i = 0; i < shown; i++)
        {
          const GkRegionSignal *signal = g_ptr_array_index (signals, i);
          guint row = gk_report_table_add_row (table);

          gk_report_table_set_chip (table, row, 0, severity_level (signal->severity),
                                    gk_severity_label (signal->severity));
          gk_report_table_set_text (table, row, 1, signal->message);
        }
      if (signals->len > shown)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more signal.",
                                                                "And %u more signals.", signals->len - shown),
                                                   signals->len - shown);

          gk_report_add_note (flow, more);
        }
    }
}

static void
add_municipalities (GkRegionReport *self,
                    GkReportFlow   *flow)
{
  GListModel *members = G_LIST_MODEL (self->members);

  gk_report_add_section_heading (flow, SECTION_MUNICIPALITIES, section_title (SECTION_MUNICIPALITIES), NULL);
  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, m);

      add_member_section (flow, member);
    }
}

/* --- pages ---------------------------------------------------------------------- */

static GkReportFlow *
ensure_flow (GkRegionReport *self,
             double          width_pt,
             double          height_pt)
{
  double width = width_pt / GK_CHART_PRINT_SCALE - 2 * MARGIN;
  double height = height_pt / GK_CHART_PRINT_SCALE - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT;

  if (self->flow != NULL && self->flow_width == width_pt && self->flow_height == height_pt)
    return self->flow;
  report_context (self);

  g_clear_pointer (&self->flow, gk_report_flow_free);
  self->flow = gk_report_flow_new ();
  add_summary (self, self->flow);
  add_matrix (self, self->flow, width);
  add_indicators (self, self->flow);
  add_municipalities (self, self->flow);
  self->flow_width = width_pt;
  self->flow_height = height_pt;
  gk_report_flow_paginate (self->flow, self->ctx, width, height);
  return self->flow;
}

guint
gk_region_report_get_n_pages (GkRegionReport *self,
                              double          width_pt,
                              double          height_pt)
{
  g_return_val_if_fail (GK_IS_REGION_REPORT (self), 0);
  g_return_val_if_fail (width_pt > 100 && height_pt > 100, 0);

  return gk_report_flow_get_n_pages (ensure_flow (self, width_pt, height_pt));
}

/* The section a page belongs to: the last that started on or before it. */
static const char *
page_context (GkRegionReport *self,
              guint           page)
{
  int found = -1;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      int at = gk_report_flow_get_anchor_page (self->flow, s);

      if (at >= 0 && at <= (int) page)
        found = (int) s;
    }
  return found >= 0 ? section_title (found) : NULL;
}

static void
draw_header_and_footer (GkRegionReport *self,
                        guint           page_nr,
                        guint           n_pages,
                        double          width,
                        double          height)
{
  g_autofree char *printed_on = gk_report_format_date (&self->printed);

  gk_report_draw_sheet_frame (self->ctx, width, height, region_title (self), NULL, _("Regional report"),
                              page_context (self, page_nr), printed_on, page_nr, n_pages);
}

void
gk_region_report_draw_page (GkRegionReport *self,
                            guint           page_nr,
                            cairo_t        *cr,
                            double          width_pt,
                            double          height_pt)
{
  GkReportFlow *flow;
  double width = width_pt / GK_CHART_PRINT_SCALE;
  double height = height_pt / GK_CHART_PRINT_SCALE;
  GkChartRect sheet = { 0, 0, width, height };

  g_return_if_fail (GK_IS_REGION_REPORT (self));
  g_return_if_fail (cr != NULL);

  flow = ensure_flow (self, width_pt, height_pt);
  g_return_if_fail (page_nr < gk_report_flow_get_n_pages (flow));

  cairo_save (cr);
  cairo_scale (cr, GK_CHART_PRINT_SCALE, GK_CHART_PRINT_SCALE);
  gk_chart_context_begin (self->ctx, cr);
  gk_chart_context_paint_background (self->ctx, &sheet);
  draw_header_and_footer (self, page_nr, gk_report_flow_get_n_pages (flow), width, height);
  gk_report_flow_draw_page (flow, page_nr, self->ctx, MARGIN, MARGIN + HEADER_HEIGHT);
  gk_chart_context_end (self->ctx);
  cairo_restore (cr);
}

/* --- PDF ------------------------------------------------------------------------- */

static void
add_outline (GkRegionReport  *self,
             cairo_surface_t *surface)
{
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      int page = gk_report_flow_get_anchor_page (self->flow, s);
      g_autofree char *link = NULL;

      if (page < 0)
        continue;
      link = g_strdup_printf ("page=%d", page + 1);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section_title (s), link, 0);
    }
}

static guint
paged_n_pages (gpointer report,
               double   width_pt,
               double   height_pt)
{
  return gk_region_report_get_n_pages (report, width_pt, height_pt);
}

static void
paged_draw_page (gpointer  report,
                 guint     page,
                 cairo_t  *cr,
                 double    width_pt,
                 double    height_pt)
{
  gk_region_report_draw_page (report, page, cr, width_pt, height_pt);
}

static void
paged_add_outline (gpointer         report,
                   cairo_surface_t *surface)
{
  add_outline (report, surface);
}

static cairo_status_t
write_pdf (GkRegionReport     *self,
           cairo_write_func_t  write_func,
           void               *closure)
{
  static const GkPagedReport paged = { paged_n_pages, paged_draw_page, paged_add_outline };
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  double width, height;

  report_context (self);
  gk_report_paper_get_size (self->paper, self->orientation, &width, &height);
  surface = gk_pdf_stream_surface_new (write_func, closure, width, height);
  /* Translators: the title of the regional report's PDF */
  title = g_strdup_printf (_("Regional report – %s"), region_title (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  return gk_report_write_pages (surface, self->ctx, width, height, &paged, self);
}

gboolean
gk_region_report_export_pdf (GkRegionReport  *self,
                             const char      *path,
                             GError         **error)
{
  GkFileSink *sink;

  g_return_val_if_fail (GK_IS_REGION_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sink = gk_file_sink_open (path, error);
  if (sink == NULL)
    return FALSE;
  return gk_file_sink_close (sink, write_pdf (self, gk_file_sink_write, sink), error);
}

/* The first bytes of every PDF file. */
static gboolean
is_pdf_file (const char *path)
{
  char magic[5];
  gboolean pdf;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  pdf = read (fd, magic, sizeof magic) == sizeof magic && memcmp (magic, "%PDF-", 5) == 0;
  close (fd);
  return pdf;
}

gboolean
gk_region_report_check_output (const char  *path,
                               GError     **error)
{
  g_autofree char *display = NULL;
  struct stat st;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Say where to write the report: --export-report=REPORT.pdf"));
      return FALSE;
    }
  display = g_filename_display_name (path);
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The report is a PDF file: give it a name that ends in .pdf, not “%s”."), display);
      return FALSE;
    }
  if (stat (path, &st) == 0 && (!S_ISREG (st.st_mode) || !is_pdf_file (path)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists and is not a PDF file. It was not replaced; "
                     "write the report to another file."), display);
      return FALSE;
    }
  return TRUE;
}
