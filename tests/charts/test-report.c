/* test-report.c: the progress report, its pages and its PDF
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "chart-test-utils.h"
#include "gk-demo.h"
#include "gk-report.h"
#include "gk-report-layout.h"
#include "gk-schema.h"
#include "gk-document-private.h"
#include "gk-demo-private.h"

static sqlite3 *db;
static GkDocument *document;

/* The least plot height of an indicator chart in the report, in chart
 * pixels: about five lines of axis labels (84 with the fonts of Debian 12;
 * some slack for others). */
#define MIN_PLOT_HEIGHT 75.0
static char *work_dir;

static GDate
dmy (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
setup_demo (void)
{
  g_autoptr(GError) error = NULL;
  GDate today = dmy (22, 11, 2026);

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_assert_true (gk_schema_create (db, &error));
  g_assert_true (gk_demo_write (db, &today, &error));
  document = gk_document_new_for_db (db, &error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("gk-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static GkReport *
demo_report (GkFrequency frequency,
             GDate       period)
{
  g_autoptr(GError) error = NULL;
  GDate today = dmy (22, 11, 2026);
  GkReport *report = gk_report_new_for_period (document, frequency, &period, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* --- paper ---------------------------------------------------------------- */

static void
test_paper (void)
{
  GkReportPaper paper;
  GkReportOrientation orientation;
  double width, height;

  g_assert_true (gk_report_paper_from_name ("A3", &paper));
  g_assert_cmpint (paper, ==, GK_REPORT_PAPER_A3);
  g_assert_true (gk_report_paper_from_name ("a4", &paper));
  g_assert_cmpint (paper, ==, GK_REPORT_PAPER_A4);
  g_assert_false (gk_report_paper_from_name ("letter", &paper));
  g_assert_false (gk_report_paper_from_name (NULL, &paper));
  g_assert_true (gk_report_orientation_from_name ("Landscape", &orientation));
  g_assert_cmpint (orientation, ==, GK_REPORT_ORIENTATION_LANDSCAPE);
  g_assert_false (gk_report_orientation_from_name ("sideways", &orientation));

  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  gk_report_paper_get_size (GK_REPORT_PAPER_A3, GK_REPORT_ORIENTATION_LANDSCAPE, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
}

/* --- the layout engine ----------------------------------------------------- */

typedef struct {
  double height;
} Fixed;

static double
fixed_measure (GkChartContext *ctx, double width, gpointer data)
{
  return ((Fixed *) data)->height;
}

static void
fixed_draw (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  cairo_t *cr = gk_chart_context_get_cairo (ctx);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_fill (cr);
}

static void
add_fixed (GkReportFlow *flow,
           double        height,
           gboolean      keep_with_next)
{
  Fixed *fixed = g_new (Fixed, 1);

  fixed->height = height;
  gk_report_flow_add_block (flow, fixed_measure, fixed_draw, fixed, g_free, keep_with_next);
}

/* Every placement lies inside its page. */
static void
assert_inside_pages (GkReportFlow *flow,
                     double        page_height)
{
  for (guint page = 0; page < gk_report_flow_get_n_pages (flow); page++)
    {
      g_assert_cmpuint (gk_report_flow_get_n_placements (flow, page), >, 0);
      for (guint i = 0; i < gk_report_flow_get_n_placements (flow, page); i++)
        {
          const GkReportPlacement *placement = gk_report_flow_get_placement (flow, page, i);

          g_assert_cmpfloat (placement->y, >=, 0);
          g_assert_cmpfloat (placement->y + placement->height, <=, page_height + 0.01);
        }
    }
}

static void
test_layout_table_continues (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  g_autoptr(GkReportFlow) flow = gk_report_flow_new ();
  GkReportTable *table;
  guint next_row = 0, pieces = 0;
  double first_piece_top = -1;

  gk_report_flow_add_text (flow, "Measures", GK_REPORT_FONT_SUBHEADING, GK_REPORT_INK_NORMAL, TRUE);
  table = gk_report_flow_add_table (flow, 3);
  gk_report_table_set_column (table, 0, "Measure", 3, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, "Owner", 1, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, "Due", 1, GK_CHART_ALIGN_END);
  gk_report_table_set_continued_label (table, "Measures (continued)");
  for (guint i = 0; i < 80; i++)
    {
      guint row = gk_report_table_add_row (table);

      /* some rows wrap to several lines */
      gk_report_table_take_text (table, row, 0, g_strdup_printf ("Measure %u%s", i,
                                                                  i % 7 == 0 ? " with a title long enough to wrap over more than one line of the column" : ""));
      gk_report_table_set_text (table, row, 1, "Fatima Yilmaz");
      gk_report_table_set_chip (table, row, 2, GK_LEVEL_VIGILANT, "Vigilant");
    }

  g_assert_cmpuint (gk_report_flow_paginate (flow, ctx, 500, 400), >, 3);
  assert_inside_pages (flow, 400);

  /* The rows come in order, each exactly once, whole, on consecutive pages. */
  for (guint page = 0; page < gk_report_flow_get_n_pages (flow); page++)
    for (guint i = 0; i < gk_report_flow_get_n_placements (flow, page); i++)
      {
        const GkReportPlacement *placement = gk_report_flow_get_placement (flow, page, i);

        if (placement->block != 1)
          continue;
        g_assert_cmpuint (placement->row_start, ==, next_row);
        g_assert_cmpuint (placement->row_end, >, placement->row_start);
        next_row = placement->row_end;
        if (pieces == 0)
          first_piece_top = placement->y;
        else
          g_assert_cmpfloat (placement->y, ==, 0);   /* continued at the top of the next page */
        pieces++;
      }
  g_assert_cmpuint (next_row, ==, 80);
  g_assert_cmpuint (pieces, ==, gk_report_flow_get_n_pages (flow));
  /* the heading stayed with the start of the table */
  g_assert_cmpfloat (first_piece_top, >, 0);
  g_assert_cmpuint (gk_report_flow_get_placement (flow, 0, 0)->block, ==, 0);
}

static void
test_layout_blocks_stay_whole (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  g_autoptr(GkReportFlow) flow = gk_report_flow_new ();
  const GkReportPlacement *placement;

  add_fixed (flow, 150, FALSE);       /* block 0: page 0 */
  add_fixed (flow, 150, FALSE);       /* block 1: page 0 */
  add_fixed (flow, 150, FALSE);       /* block 2: does not fit after 2 x 150 + gaps: page 1 */
  gk_report_flow_add_space (flow, 30); /* block 3 */
  gk_report_flow_add_text (flow, "Heading", GK_REPORT_FONT_HEADING, GK_REPORT_INK_NORMAL, TRUE); /* 4 */
  add_fixed (flow, 200, FALSE);       /* block 5: with its heading on page 2 */
  add_fixed (flow, 900, FALSE);       /* block 6: taller than a page: scaled, page 3 */

  g_assert_cmpuint (gk_report_flow_paginate (flow, ctx, 500, 400), ==, 4);
  assert_inside_pages (flow, 400);

  g_assert_cmpuint (gk_report_flow_get_n_placements (flow, 0), ==, 2);
  g_assert_cmpuint (gk_report_flow_get_placement (flow, 1, 0)->block, ==, 2);
  g_assert_cmpfloat (gk_report_flow_get_placement (flow, 1, 0)->y, ==, 0);
  /* The heading would fit under block 2, the block after it would not:
   * both move. */
  g_assert_cmpuint (gk_report_flow_get_n_placements (flow, 1), ==, 1);
  placement = gk_report_flow_get_placement (flow, 2, 0);
  g_assert_cmpuint (placement->block, ==, 4);
  g_assert_cmpfloat (placement->y, ==, 0);
  g_assert_cmpuint (gk_report_flow_get_placement (flow, 2, 1)->block, ==, 5);

  placement = gk_report_flow_get_placement (flow, 3, 0);
  g_assert_cmpuint (placement->block, ==, 6);
  g_assert_cmpfloat (placement->height, ==, 400);
  g_assert_cmpfloat_with_epsilon (placement->scale, 400.0 / 900.0, 1e-9);
}

static void
add_shrinkable (GkReportFlow *flow,
                double        height,
                double        max_shrink)
{
  Fixed *fixed = g_new (Fixed, 1);

  fixed->height = height;
  gk_report_flow_add_shrinkable_block (flow, fixed_measure, fixed_draw, fixed, g_free, max_shrink);
}

/* A chart that may be lower stays on its page when that is enough. */
static void
test_layout_shrinkable (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  g_autoptr(GkReportFlow) flow = gk_report_flow_new ();
  const GkReportPlacement *placement;

  add_fixed (flow, 250, FALSE);          /* block 0: page 0, the next starts at 266 */
  add_shrinkable (flow, 200, 100);       /* block 1: 134 left >= 100: stays, lower */
  add_fixed (flow, 200, FALSE);          /* block 2: page 1 */
  add_shrinkable (flow, 300, 50);        /* block 3: 400 - 216 = 184 < 250: page 2, full height */

  g_assert_cmpuint (gk_report_flow_paginate (flow, ctx, 500, 400), ==, 3);
  assert_inside_pages (flow, 400);
  placement = gk_report_flow_get_placement (flow, 0, 1);
  g_assert_cmpuint (placement->block, ==, 1);
  g_assert_cmpfloat (placement->y, ==, 266);
  g_assert_cmpfloat (placement->height, ==, 134);
  g_assert_cmpfloat (placement->scale, ==, 1.0);
  placement = gk_report_flow_get_placement (flow, 2, 0);
  g_assert_cmpuint (placement->block, ==, 3);
  g_assert_cmpfloat (placement->height, ==, 300);
}

/* Layouts are kept and shared by measuring and drawing: a text measures
 * the same every time, the same as a layout of its own, and as drawn on a
 * page; another width, line limit or font size is another layout. */
static void
test_layout_cached_heights (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  const char *text = "De wijkteams bespreken elke maand de voortgang van alle maatregelen "
                     "met de bewoners en leggen de afspraken vast in het journaal.";
  g_autoptr(PangoLayout) own = gk_report_text_layout (ctx, text, GK_REPORT_FONT_BODY, 200, 8);
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoRectangle logical;
  double height = gk_report_text_height (ctx, text, GK_REPORT_FONT_BODY, 200, 8);

  pango_layout_get_extents (own, NULL, &logical);
  g_assert_cmpfloat (height, ==, ceil (logical.height / (double) PANGO_SCALE));
  g_assert_cmpint (pango_layout_get_line_count (own), >, 2);
  g_assert_cmpfloat (gk_report_text_height (ctx, text, GK_REPORT_FONT_BODY, 200, 8), ==, height);
  g_assert_cmpfloat (gk_report_text_height (ctx, text, GK_REPORT_FONT_BODY, 100, 8), >, height);
  g_assert_cmpfloat (gk_report_text_height (ctx, text, GK_REPORT_FONT_BODY, 200, 1), <, height);
  g_assert_cmpfloat (gk_report_text_height (ctx, text, GK_REPORT_FONT_SMALL, 200, 8), <, height);
  g_assert_cmpfloat (gk_report_text_width (ctx, "Ag", GK_REPORT_FONT_BODY), <,
                     gk_report_text_width (ctx, "Ag Ag", GK_REPORT_FONT_BODY));

  /* On a page, twice over (the layout is kept across drawings). */
  for (int page = 0; page < 2; page++)
    {
      cairo_save (cr);
      cairo_scale (cr, GK_CHART_PRINT_SCALE, GK_CHART_PRINT_SCALE);
      gk_chart_context_begin (ctx, cr);
      g_assert_cmpfloat (gk_report_draw_text (ctx, text, GK_REPORT_FONT_BODY, GK_REPORT_INK_NORMAL, 10, 10, 200,
                                              GK_CHART_ALIGN_END, 8), ==, height);
      g_assert_cmpfloat (gk_report_text_height (ctx, text, GK_REPORT_FONT_BODY, 200, 8), ==, height);
      gk_chart_context_end (ctx);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  gk_chart_context_set_font_scale (ctx, 2);
  g_assert_cmpfloat (gk_report_text_height (ctx, text, GK_REPORT_FONT_BODY, 200, 8), >, height);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_layout_breaks_and_anchors (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  g_autoptr(GkReportFlow) flow = gk_report_flow_new ();

  gk_report_flow_add_page_break (flow);          /* nothing before it: no empty page */
  gk_report_flow_add_anchor (flow, 0);
  add_fixed (flow, 50, FALSE);
  gk_report_flow_add_page_break (flow);
  gk_report_flow_add_page_break (flow);          /* two in a row make one */
  gk_report_flow_add_anchor (flow, 2);
  gk_report_flow_add_space (flow, 20);
  add_fixed (flow, 50, FALSE);
  gk_report_flow_add_page_break (flow);          /* at the end: no empty page */

  g_assert_cmpuint (gk_report_flow_paginate (flow, ctx, 500, 400), ==, 2);
  g_assert_cmpint (gk_report_flow_get_anchor_page (flow, 0), ==, 0);
  g_assert_cmpint (gk_report_flow_get_anchor_page (flow, 1), ==, -1);
  g_assert_cmpint (gk_report_flow_get_anchor_page (flow, 2), ==, 1);
  g_assert_cmpint (gk_report_flow_get_anchor_page (flow, 7), ==, -1);
  g_assert_cmpfloat (gk_report_flow_get_placement (flow, 1, 0)->y, ==, 0);
}

/* --- the demo report ------------------------------------------------------- */

static void
test_demo_period (void)
{
  g_autoptr(GkReport) october = demo_report (GK_FREQUENCY_MONTHLY, dmy (14, 10, 2026));
  g_autoptr(GkReport) november = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 11, 2026));
  g_autoptr(GkReport) q3 = demo_report (GK_FREQUENCY_QUARTERLY, dmy (1, 8, 2026));
  g_autoptr(GError) error = NULL;
  GDate today = dmy (22, 11, 2026), later = dmy (1, 12, 2026);

  g_assert_cmpstr (gk_report_get_period_label (october), ==, "October 2026");
  g_assert_cmpint (g_date_get_day (gk_report_get_period_start (october)), ==, 1);
  g_assert_cmpint (g_date_get_day (gk_report_get_as_of (october)), ==, 31);
  g_assert_cmpint (g_date_get_month (gk_report_get_as_of (october)), ==, 10);

  /* a period not over yet stands on today */
  g_assert_cmpint (g_date_compare (gk_report_get_as_of (november), &today), ==, 0);
  g_assert_cmpint (g_date_get_day (gk_report_get_period_end (november)), ==, 30);

  g_assert_cmpstr (gk_report_get_period_label (q3), ==, "Q3 2026");
  g_assert_cmpint (g_date_get_month (gk_report_get_period_start (q3)), ==, 7);
  g_assert_cmpint (g_date_get_month (gk_report_get_as_of (q3)), ==, 9);
  g_assert_cmpint (g_date_get_day (gk_report_get_as_of (q3)), ==, 30);

  g_assert_null (gk_report_new_for_period (document, GK_FREQUENCY_MONTHLY, &later, &today, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_demo_pages (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  double width, height;
  guint a4, a4_landscape, a3;

  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, &width, &height);
  a4 = gk_report_get_n_pages (report, width, height);
  /* the summary, roadmap, 7 projects, indicators, timeline, decisions */
  g_assert_cmpuint (a4, >=, 12);
  g_assert_cmpuint (a4, <=, 30);
  /* asking again gives the same answer */
  g_assert_cmpuint (gk_report_get_n_pages (report, width, height), ==, a4);

  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_LANDSCAPE, &width, &height);
  a4_landscape = gk_report_get_n_pages (report, width, height);
  gk_report_paper_get_size (GK_REPORT_PAPER_A3, GK_REPORT_ORIENTATION_LANDSCAPE, &width, &height);
  a3 = gk_report_get_n_pages (report, width, height);
  g_assert_cmpuint (a3, <=, a4);
  g_assert_cmpuint (a3, <=, a4_landscape);
  /* every focus project starts its own page */
  g_assert_cmpuint (a3, >=, 2 + 7);
}

/* The indicator charts of a sheet, as drawn: the plots of the last block
 * of each page (each block is a fresh drawing of the page's context). */
typedef struct {
  guint  n_pages;
  guint  n_plots;
  guint  most_on_a_page;
  guint  pages_with_a_pair;       /* two plots side by side */
  double lowest;                  /* the lowest plot, in chart pixels */
  double highest;
} PlotSurvey;

static PlotSurvey
survey_indicator_plots (GkReport            *report,
                        GkReportPaper        paper,
                        GkReportOrientation  orientation)
{
  PlotSurvey survey = { 0, 0, 0, 0, G_MAXDOUBLE, 0 };
  double width, height;
  cairo_surface_t *surface;

  gk_report_paper_get_size (paper, orientation, &width, &height);
  survey.n_pages = gk_report_get_n_pages (report, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width / 4), (int) ceil (height / 4));
  for (guint page = 0; page < survey.n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);
      GkChartContext *ctx;
      const GkChartHitRegion *regions;
      const GkChartRect *plots[16];
      guint n_regions, n = 0;

      cairo_scale (cr, 0.25, 0.25);
      gk_report_draw_page (report, page, cr, width, height);
      cairo_destroy (cr);
      ctx = gk_report_get_chart_context (report);
      regions = gk_chart_context_get_hit_regions (ctx, &n_regions);
      for (guint i = 0; i < n_regions; i++)
        if (regions[i].kind == GK_CHART_HIT_INDICATOR_PLOT && n < G_N_ELEMENTS (plots))
          {
            plots[n++] = &regions[i].rect;
            survey.lowest = MIN (survey.lowest, regions[i].rect.height);
            survey.highest = MAX (survey.highest, regions[i].rect.height);
          }
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          if (fabs (plots[i]->y - plots[j]->y) < 1 && !gk_chart_rect_intersects (plots[i], plots[j], 0))
            {
              survey.pages_with_a_pair++;
              i = j = n;
            }
      /* the labels of the charts never overlap one another or a marker */
      assert_no_text_overlaps (ctx);
      survey.n_plots += n;
      survey.most_on_a_page = MAX (survey.most_on_a_page, n);
    }
  cairo_surface_destroy (surface);
  g_test_message ("%u pages, %u plots, at most %u on a page, %u pages with a pair, %.0f to %.0f px high",
                  survey.n_pages, survey.n_plots, survey.most_on_a_page, survey.pages_with_a_pair,
                  survey.lowest, survey.highest);
  return survey;
}

/* Every indicator chart has a plot tall enough to read
 * (under a project's measures it may give up height, never below that);
 * the wide sheets put two side by side and so hold more on a page. */
static void
test_demo_indicator_charts (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  guint n_indicators = g_list_model_get_n_items (gk_document_get_indicators (document));
  PlotSurvey a4 = survey_indicator_plots (report, GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT);
  PlotSurvey a4_landscape = survey_indicator_plots (report, GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_LANDSCAPE);
  PlotSurvey a3_landscape = survey_indicator_plots (report, GK_REPORT_PAPER_A3, GK_REPORT_ORIENTATION_LANDSCAPE);

  g_assert_cmpuint (n_indicators, >=, 6);
  g_assert_cmpuint (a4.n_plots, >=, 6);
  g_assert_cmpuint (a4_landscape.n_plots, >=, 6);
  g_assert_cmpuint (a3_landscape.n_plots, >=, 6);

  g_assert_cmpfloat (a4.lowest, >=, MIN_PLOT_HEIGHT);
  g_assert_cmpfloat (a4_landscape.lowest, >=, MIN_PLOT_HEIGHT);
  g_assert_cmpfloat (a3_landscape.lowest, >=, MIN_PLOT_HEIGHT);
  /* where a page has room, a chart takes it */
  g_assert_cmpfloat (a4.highest, >=, 2 * MIN_PLOT_HEIGHT);
  g_assert_cmpfloat (a3_landscape.highest, >=, 2 * MIN_PLOT_HEIGHT);

  /* portrait A4 holds one column; the wide sheets pair their charts */
  g_assert_cmpuint (a4.pages_with_a_pair, ==, 0);
  g_assert_cmpuint (a4_landscape.pages_with_a_pair, >=, 1);
  g_assert_cmpuint (a3_landscape.pages_with_a_pair, >=, 2);
  g_assert_cmpuint (a3_landscape.most_on_a_page, ==, 2);
  g_assert_cmpuint (a3_landscape.n_pages, <, a4.n_pages);
}

/* Each page, drawn as GtkPrintOperation would (on any cairo_t), has ink
 * in its body, not only in its header and footer. */
static void
test_demo_pages_not_blank (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  double width, height;
  guint n;

  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, &width, &height);
  n = gk_report_get_n_pages (report, width, height);
  for (guint page = 0; page < n; page++)
    {
      int w = (int) ceil (width / 2), h = (int) ceil (height / 2);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t *cr = cairo_create (surface);
      guint ink = 0;

      cairo_scale (cr, 0.5, 0.5);
      gk_report_draw_page (report, page, cr, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int y = h / 8; y < h * 7 / 8; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 pixel = *(guint32 *) (void *) (cairo_image_surface_get_data (surface) +
                                                   y * cairo_image_surface_get_stride (surface) + x * 4);

            ink += (pixel & 0xffffff) != 0xffffff;
          }
      cairo_surface_destroy (surface);
      if (ink < 400)
        g_error ("page %u of %u is nearly blank (%u pixels of ink)", page + 1, n, ink);
    }
}

static char *
export_text (GkReport   *report,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (gk_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

static void
test_demo_text (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  g_autofree char *text = export_text (report, "october.pdf");
  GListModel *projects = gk_document_get_focus_projects (document);
  GDate october = dmy (31, 10, 2026);
  g_autoptr(GkAnalysis) analysis = gk_analysis_new (document, &october);
  g_autofree char *first_page = NULL;
  double width, height;

  if (text == NULL)
    return;
  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, &width, &height);
  first_page = g_strdup_printf ("Page 1 of %u", gk_report_get_n_pages (report, width, height));

  g_assert_nonnull (strstr (text, "Veranderopgave jeugdhulp"));
  g_assert_nonnull (strstr (text, "Progress report October 2026"));
  g_assert_nonnull (strstr (text, first_page));
  g_assert_nonnull (strstr (text, gk_level_label (gk_analysis_get_headline (analysis))));
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      GkPerson *owner = gk_document_lookup_person (document, gk_focus_project_get_owner_id (project));

      g_assert_nonnull (strstr (text, gk_focus_project_get_name (project)));
      g_assert_nonnull (owner);
      g_assert_nonnull (strstr (text, gk_person_get_name (owner)));
    }
  /* the risk of October, not the decision of August */
  g_assert_nonnull (strstr (text, "Decisions and risks in October 2026"));
  g_assert_nonnull (strstr (text, "De werving van pleegouders blijft achter"));
  g_assert_null (strstr (text, "Het MT besluit tot de werving"));
  /* a measure due on 23 October and not done is overdue at the end of the month */
  g_assert_nonnull (strstr (text, "overdue by 8 days"));
}

/* Under the progress chart, the projects' overview names the page of each
 * project: the page whose running head is that project's. */
static void
test_demo_projects_overview (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  g_autofree char *text = export_text (report, "projects.pdf");
  GListModel *projects = gk_document_get_focus_projects (document);
  g_auto(GStrv) pages = NULL;
  int overview = -1;

  if (text == NULL)
    return;
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL && overview < 0; p++)
    if (strstr (pages[p], "Focus projects") != NULL && strstr (pages[p], "Overdue") != NULL)
      overview = (int) p;
  g_assert_cmpint (overview, >=, 0);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      const char *name = gk_focus_project_get_name (project);
      g_autofree char *head = g_strdup_printf ("Focus project: %s", name);
      g_autofree char *start = g_strndup (name, 14);
      g_autofree char *expected = NULL;
      g_auto(GStrv) lines = g_strsplit (pages[overview], "\n", -1);
      const char *row = NULL;
      int page = -1;

      for (guint p = overview + 1; pages[p] != NULL && page < 0; p++)
        if (strstr (pages[p], head) != NULL)
          page = (int) p + 1;
      g_assert_cmpint (page, >, overview + 1);
      /* the table is under the chart, which names the projects too */
      for (guint l = 0; lines[l] != NULL; l++)
        if (strstr (lines[l], start) != NULL)
          row = lines[l];
      g_assert_nonnull (row);
      expected = g_strdup_printf (" %d", page);
      g_strchomp ((char *) row);
      if (!g_str_has_suffix (row, expected))
        g_error ("the overview's row of %s, “%s”, does not end with its page %d", name, row, page);
    }
}

/* The text of a PDF in reading order (a wrapped title's lines together),
 * without any white space: a title wrapped at any point still matches. */
static char *
pdf_text_squeezed (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  GString *squeezed;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }
  argv[0] = program;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, NULL));
  squeezed = g_string_new (NULL);
  for (const char *c = out; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      g_string_append_c (squeezed, *c);
  return g_string_free (squeezed, FALSE);
}

static char *
squeeze (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      g_string_append_c (squeezed, *c);
  return g_string_free (squeezed, FALSE);
}

/* In place: @text without its hyphens. */
static char *
without_hyphens (char *text)
{
  char *to = text;

  for (const char *c = text; *c != '\0'; c++)
    if (*c != '-')
      *to++ = *c;
  *to = '\0';
  return text;
}

/* The timeline pages name every measure, whole, on A4 and A3, portrait and
 * landscape: a row each, however many pages it takes. */
static void
test_timeline_titles_whole (gconstpointer data)
{
  static const struct { GkReportPaper paper; GkReportOrientation orientation; const char *name; } papers[] = {
    { GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, "a4-portrait.pdf" },
    { GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_LANDSCAPE, "a4-landscape.pdf" },
    { GK_REPORT_PAPER_A3, GK_REPORT_ORIENTATION_PORTRAIT, "a3-portrait.pdf" },
    { GK_REPORT_PAPER_A3, GK_REPORT_ORIENTATION_LANDSCAPE, "a3-landscape.pdf" },
  };
  guint which = GPOINTER_TO_UINT (data);
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  g_autofree char *path = g_build_filename (work_dir, papers[which].name, NULL);
  GListModel *measures = gk_document_get_measures (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *section = NULL;
  g_autofree char *unhyphenated = NULL;
  g_autofree char *start_mark = squeeze ("The measures of every focus project from");
  g_autofree char *end_mark = squeeze ("Decisions and risks in");
  const char *start, *end;

  gk_report_set_paper (report, papers[which].paper, papers[which].orientation);
  g_assert_true (gk_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  text = pdf_text_squeezed (path);
  if (text == NULL)
    return;

  start = strstr (text, start_mark);
  g_assert_nonnull (start);
  end = strstr (start, end_mark);
  g_assert_nonnull (end);
  section = g_strndup (start, end - start);
  unhyphenated = without_hyphens (g_strdup (section));
  g_assert_null (strstr (section, "…"));
  g_assert_cmpuint (g_list_model_get_n_items (measures), >, 30);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *title = squeeze (gk_measure_get_title (measure));

      /* pdftotext joins a line that ends in a hyphen to the next without
       * it ("GGZ-" "aanbieders"): the title is whole, the hyphen is not */
      if (strstr (section, title) == NULL && strstr (unhyphenated, without_hyphens (title)) == NULL)
        g_error ("“%s” is not whole in the timeline on %s", gk_measure_get_title (measure), papers[which].name);
    }
}

/* A report about the past leaves out what came later. */
static void
test_demo_past_period (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_QUARTERLY, dmy (1, 7, 2026));
  g_autofree char *text = export_text (report, "q3.pdf");

  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Progress report Q3 2026"));
  g_assert_nonnull (strstr (text, "Decisions and risks in Q3 2026"));
  g_assert_nonnull (strstr (text, "Het MT besluit tot de werving"));
  g_assert_null (strstr (text, "De werving van pleegouders blijft achter"));
  /* the latest figures are of September at the latest */
  g_assert_nonnull (strstr (text, "(Sep 2026)"));
  g_assert_null (strstr (text, "(Oct 2026)"));
  g_assert_nonnull (strstr (text, "compared with Q2 2026"));
}

/* Like strstr, past the NUL bytes of a binary file. */
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* A new file without programme, topics, projects or figures still gives a
 * report that says so. */
static void
test_empty_programme (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) empty = NULL;
  g_autoptr(GkReport) report = NULL;
  g_autofree char *text = NULL;
  GDate today = dmy (22, 11, 2026), period = dmy (1, 10, 2026);
  sqlite3 *empty_db = NULL;
  double width, height;
  guint n;

  g_assert_cmpint (sqlite3_open (":memory:", &empty_db), ==, SQLITE_OK);
  g_assert_true (gk_schema_create (empty_db, &error));
  empty = gk_document_new_for_db (empty_db, &error);
  g_assert_no_error (error);
  report = gk_report_new_for_period (empty, GK_FREQUENCY_MONTHLY, &period, &today, &error);
  g_assert_no_error (error);

  gk_report_paper_get_size (GK_REPORT_PAPER_A4, GK_REPORT_ORIENTATION_PORTRAIT, &width, &height);
  n = gk_report_get_n_pages (report, width, height);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 8);
  text = export_text (report, "empty.pdf");
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "The programme has no focus projects yet."));
      g_assert_nonnull (strstr (text, "The programme follows no indicators yet."));
      g_assert_nonnull (strstr (text, "No decisions or risks were recorded in October 2026."));
    }
  g_clear_object (&report);
  g_clear_object (&empty);
  sqlite3_close (empty_db);
}

static void
test_reproducible (void)
{
  g_autoptr(GkReport) first = NULL;
  g_autoptr(GkReport) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_build_filename (work_dir, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (work_dir, "b.pdf", NULL);
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  gsize length_a, length_b;

  /* main() set SOURCE_DATE_EPOCH to 18 Nov 2026, 11:06:40 UTC */
  first = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  g_assert_cmpint (g_date_get_day (gk_report_get_printed_date (first)), ==, 18);
  g_assert_cmpint (g_date_get_month (gk_report_get_printed_date (first)), ==, 11);
  g_assert_true (gk_report_export_pdf (first, a, &error));
  /* Whether a moved clock changes nothing: tests/cli/check-report.sh exports
   * again under faketime, and CI runs this suite at other dates too. */
  second = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  g_assert_true (gk_report_export_pdf (second, b, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (a, &bytes_a, &length_a, NULL));
  g_assert_true (g_file_get_contents (b, &bytes_b, &length_b, NULL));
  g_assert_cmpmem (bytes_a, length_a, bytes_b, length_b);
  g_assert_true (g_str_has_prefix (bytes_a, "%PDF-"));
  /* cairo 1.16 writes the date without its "D:" prefix, later ones with it */
  g_assert_true (contains_bytes (bytes_a, length_a, "20261118110640Z"));
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The report written to a stream is the file, byte for byte (main() set
 * SOURCE_DATE_EPOCH): the title, the outline and every page. */
static void
test_pdf_stream (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  g_autoptr(GByteArray) stream = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (work_dir, "stream.pdf", NULL);
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (gk_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_cmpint (gk_report_write_pdf (report, append_to_array, stream), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpmem (stream->data, stream->len, bytes, length);
  g_assert_cmpuint (stream->len, >, 5);
  g_assert_cmpmem (stream->data, 5, "%PDF-", 5);
}

static void
test_export_failure_leaves_nothing (void)
{
  g_autoptr(GkReport) report = demo_report (GK_FREQUENCY_MONTHLY, dmy (1, 10, 2026));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (work_dir, "failing", NULL);
  g_autofree char *target = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (work_dir, "no-such-folder", "report.pdf", NULL);

  /* a folder where the file should go: the rename fails */
  g_assert_cmpint (g_mkdir_with_parents (target, 0700), ==, 0);
  g_assert_false (gk_report_export_pdf (report, target, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (dir), ==, 1);   /* no temporary file left */
  g_clear_error (&error);

  g_assert_false (gk_report_export_pdf (report, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* --- long texts ------------------------------------------------------------ */

/* Words of @bytes bytes in all. */
static char *
long_text (gsize bytes)
{
  static const char words[] = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
  GString *text = g_string_sized_new (bytes + sizeof words);

  while (text->len < bytes)
    g_string_append_len (text, words, sizeof words - 1);
  g_string_truncate (text, bytes);
  return g_string_free (text, FALSE);
}

/* Issue 13, item 2: Pango shapes the whole of a text even when it keeps 40
 * lines; an ambition of 1 MB took 69 s. Only what can show is laid out. */
static void
test_long_text_layout_is_bounded (void)
{
  g_autoptr(GkChartContext) ctx = gk_chart_context_new (GK_STYLE_VARIANT_LIGHT);
  g_autofree char *huge = long_text (64 * 1024 * 1024);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) short_layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);
  GkChartRect box = { 10, 10, 300, 60 };
  const GkChartTextBox *boxes;
  gsize before = gk_chart_get_laid_out_bytes ();
  guint n_boxes;
  double width, height;

  layout = gk_report_text_layout (ctx, huge, GK_REPORT_FONT_BODY, 600, 40);
  g_assert_cmpuint (strlen (pango_layout_get_text (layout)), <, 64 * 1024);
  g_assert_cmpuint (gk_chart_get_laid_out_bytes () - before, <, 64 * 1024);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 40);
  g_assert_true (pango_layout_is_ellipsized (layout));
  /* The same lines as with the whole text. */
  short_layout = gk_report_text_layout (ctx, huge + strlen (huge) - 20000, GK_REPORT_FONT_BODY, 600, 40);
  g_assert_cmpint (pango_layout_get_line_count (short_layout), ==, 40);

  /* A chart label: ellipsized to its box, wrapped in the lines it holds. */
  before = gk_chart_get_laid_out_bytes ();
  gk_chart_context_begin (ctx, cr);
  g_assert_true (gk_chart_draw_text (ctx, huge, GK_CHART_FONT_BODY, &(GkRgb) { 0, 0, 0 }, &box,
                                     GK_CHART_ALIGN_START, GK_CHART_ALIGN_START,
                                     GK_CHART_TEXT_ELLIPSIZE | GK_CHART_TEXT_WRAP, NULL));
  g_assert_false (gk_chart_draw_text (ctx, huge, GK_CHART_FONT_BODY, &(GkRgb) { 0, 0, 0 }, &box,
                                      GK_CHART_ALIGN_START, GK_CHART_ALIGN_START, GK_CHART_TEXT_NONE, NULL));
  gk_chart_text_size (ctx, huge, GK_CHART_FONT_SMALL, &width, &height);
  g_assert_cmpfloat (width, >=, GK_CHART_TEXT_MAX_WIDTH);
  g_assert_cmpfloat (gk_chart_text_wrapped_height (ctx, huge, GK_CHART_FONT_BODY, 300, 3), <=,
                     3 * gk_chart_line_height (ctx, GK_CHART_FONT_BODY) + 1);
  gk_chart_context_end (ctx);
  g_assert_cmpuint (gk_chart_get_laid_out_bytes () - before, <, 256 * 1024);
  boxes = gk_chart_context_get_text_boxes (ctx, &n_boxes);
  g_assert_cmpuint (n_boxes, ==, 1);
  g_assert_cmpuint (strlen (boxes[0].text), <, 64 * 1024);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Replaces a text of the first record of @list through the document. */
static void
set_first (GkDocument  *doc,
           GListModel  *list,
           void       (*set) (gpointer record, const char *value),
           const char  *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkRecord) live = g_list_model_get_item (list, 0);
  g_autoptr(GkRecord) copy = gk_record_copy (live);

  set (copy, value);
  g_assert_true (gk_document_update (doc, copy, &error));
  g_assert_no_error (error);
}

/* The whole report with an ambition of 64 MB and names of 1 MB in every
 * chart and table: it lays out about what the plain report does. */
static void
test_long_texts_in_the_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) doc = NULL;
  g_autoptr(GkRecord) programme = NULL;
  g_autoptr(GkReport) plain = NULL;
  g_autoptr(GkReport) report = NULL;
  g_autofree char *ambition = long_text (64 * 1024 * 1024);
  g_autofree char *name = long_text (1024 * 1024);
  g_autofree char *path = g_build_filename (work_dir, "long-texts.pdf", NULL);
  g_autofree char *text = NULL;
  GDate today = dmy (22, 11, 2026), period = dmy (1, 10, 2026);
  sqlite3 *own_db = NULL;
  gsize before, plain_bytes, long_bytes;

  g_assert_cmpint (sqlite3_open (":memory:", &own_db), ==, SQLITE_OK);
  g_assert_true (gk_schema_create (own_db, &error));
  g_assert_true (gk_demo_write (own_db, &today, &error));
  doc = gk_document_new_for_db (own_db, &error);
  g_assert_no_error (error);

  plain = gk_report_new_for_period (doc, GK_FREQUENCY_MONTHLY, &period, &today, &error);
  before = gk_chart_get_laid_out_bytes ();
  g_assert_true (gk_report_export_pdf (plain, path, &error));
  plain_bytes = gk_chart_get_laid_out_bytes () - before;

  programme = gk_record_copy (GK_RECORD (gk_document_get_programme (doc)));
  gk_programme_set_ambition (GK_PROGRAMME (programme), ambition);
  gk_programme_set_title (GK_PROGRAMME (programme), name);
  g_assert_true (gk_document_update (doc, programme, &error));
  g_assert_no_error (error);
  set_first (doc, gk_document_get_indicators (doc), (gpointer) gk_indicator_set_name, name);
  set_first (doc, gk_document_get_measures (doc), (gpointer) gk_measure_set_title, name);
  set_first (doc, gk_document_get_topics (doc), (gpointer) gk_topic_set_name, name);
  set_first (doc, gk_document_get_focus_projects (doc), (gpointer) gk_focus_project_set_name, name);

  report = gk_report_new_for_period (doc, GK_FREQUENCY_MONTHLY, &period, &today, &error);
  g_assert_no_error (error);
  before = gk_chart_get_laid_out_bytes ();
  g_assert_true (gk_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  long_bytes = gk_chart_get_laid_out_bytes () - before;
  g_test_message ("laid out: %" G_GSIZE_FORMAT " bytes for the plain report, %" G_GSIZE_FORMAT " with the long texts",
                  plain_bytes, long_bytes);
  /* The ambition alone is 64 MB; the summary is fitted ten times. */
  g_assert_cmpuint (long_bytes, <, plain_bytes + 8 * 1024 * 1024);

  /* The names show, shortened; the ambition does not fit the summary. */
  text = pdf_text (path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Lorem ipsum dolor sit amet"));
      g_assert_nonnull (strstr (text, "…"));
    }

  g_clear_object (&report);
  g_clear_object (&plain);
  g_clear_object (&doc);
  sqlite3_close (own_db);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  /* Before any thread starts: every report here is dated by it. */
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  g_test_init (&argc, &argv, NULL);
  setup_demo ();

  g_test_add_func ("/report/paper", test_paper);
  g_test_add_func ("/report/layout/table-continues", test_layout_table_continues);
  g_test_add_func ("/report/layout/blocks-stay-whole", test_layout_blocks_stay_whole);
  g_test_add_func ("/report/layout/shrinkable", test_layout_shrinkable);
  g_test_add_func ("/report/layout/breaks-and-anchors", test_layout_breaks_and_anchors);
  g_test_add_func ("/report/layout/cached-heights", test_layout_cached_heights);
  g_test_add_func ("/report/demo/period", test_demo_period);
  g_test_add_func ("/report/demo/pages", test_demo_pages);
  g_test_add_func ("/report/demo/pages-not-blank", test_demo_pages_not_blank);
  g_test_add_func ("/report/demo/indicator-charts", test_demo_indicator_charts);
  g_test_add_func ("/report/demo/text", test_demo_text);
  g_test_add_func ("/report/demo/projects-overview", test_demo_projects_overview);
  g_test_add_func ("/report/demo/past-period", test_demo_past_period);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("/report/timeline/titles-whole/%u", i);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_timeline_titles_whole);
    }
  g_test_add_func ("/report/demo/empty-programme", test_empty_programme);
  g_test_add_func ("/report/pdf/reproducible", test_reproducible);
  g_test_add_func ("/report/pdf/stream", test_pdf_stream);
  g_test_add_func ("/report/pdf/failure-leaves-nothing", test_export_failure_leaves_nothing);
  g_test_add_func ("/report/long-text/layout", test_long_text_layout_is_bounded);
  g_test_add_func ("/report/long-text/report", test_long_texts_in_the_report);

  status = g_test_run ();

  g_clear_object (&document);
  sqlite3_close (db);
  remove_dir (work_dir);
  g_free (work_dir);
  return status;
}
