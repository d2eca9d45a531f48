/* gk-report-section-indicators.c: the indicators as they stood
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An overview table, then the indicator blocks (name, five key figures and
 * the chart). Each indicator's chart appears once: on the page of its
 * (first) focus project, or else here.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gk-report-section.h"

#define N_FIGURES           5
#define FIGURE_GAP          14.0
/* The least a chart may be given to stay on its page (under a project's
 * measures): a plot of about 90 px with the axis and the legend. Lower,
 * and it reads as a strip; moved to the next page, it leaves a page
 * mostly empty. */
#define MIN_INDICATOR_CHART 170.0

/* --- the charts ------------------------------------------------------------ */

GkIndicatorChartData *
gk_report_indicator_charts_new (GkReportFacts *facts,
                                GkChartModel  *charts)
{
  guint n = gk_report_facts_get_n_indicators (facts);
  const GDate *as_of = gk_report_facts_get_as_of (facts);
  GkIndicatorChartData *all = g_new0 (GkIndicatorChartData, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const GkReportIndicator *ri = gk_report_facts_get_indicator (facts, i);
      int position = gk_chart_model_lookup_indicator (charts, gk_record_get_id (GK_RECORD (ri->indicator)));
      GkIndicatorChartData *chart = &all[i];

      if (position >= 0)
        {
          /* The points stay the model's: only fewer of them. */
          *chart = *gk_chart_model_get_indicator (charts, position);
          while (chart->n_points > 0 &&
                 g_date_compare (&chart->points[chart->n_points - 1].date, as_of) > 0)
            chart->n_points--;
        }
      else
        {
          chart->unit = gk_indicator_get_unit (ri->indicator);
          chart->direction = gk_indicator_get_direction (ri->indicator);
        }
      chart->has_forecast = ri->forecast.has_trend && g_date_valid (&chart->target_date);
      if (chart->has_forecast)
        {
          chart->forecast_from_date = ri->forecast.last_date;
          chart->forecast_from_value = gk_forecast_value_at (&ri->forecast, &ri->forecast.last_date);
          chart->forecast_to_date = chart->target_date;
          chart->forecast_to_value = ri->forecast.value_at_target_date;
        }
    }
  return all;
}

/* --- words ----------------------------------------------------------------- */

static char *
format_month_of (const GDate *date)
{
  return gk_format_month (date, TRUE);
}

char *
gk_report_describe_latest (GkReportBuilder *b,
                           guint            indicator)
{
  const GkReportIndicator *ri = gk_report_facts_get_indicator (b->facts, indicator);
  g_autofree char *value = NULL;
  g_autofree char *when = NULL;

  if (ri->latest == NULL)
    return g_strdup (_("No figures yet"));
  value = gk_indicator_format_value (&b->indicator_charts[indicator], ri->latest->value, FALSE);
  when = format_month_of (&ri->latest->period_date);
  /* Translators: a value and the month it is about: "12 weeks (Oct 2026)" */
  return g_strdup_printf (_("%s (%s)"), value, when);
}

static char *
describe_target (GkReportBuilder *b,
                 guint            indicator)
{
  const GkReportIndicator *ri = gk_report_facts_get_indicator (b->facts, indicator);
  g_autofree char *value = NULL;
  g_autofree char *when = NULL;

  if (!ri->input.has_target)
    return g_strdup ("–");
  value = gk_indicator_format_value (&b->indicator_charts[indicator], ri->input.target_value, FALSE);
  if (!g_date_valid (&ri->input.target_date))
    return g_steal_pointer (&value);
  when = format_month_of (&ri->input.target_date);
  /* Translators: a target value and its date: "6 weeks by Dec 2027" */
  return g_strdup_printf (_("%s by %s"), value, when);
}

static char *
describe_forecast (const GkReportIndicator *ri)
{
  g_autofree char *when = NULL;

  /* Short forms: they share a narrow column. */
  switch (ri->forecast.outcome)
    {
    case GK_FORECAST_NO_TARGET:
      return g_strdup (_("No target"));
    case GK_FORECAST_NOT_ENOUGH_DATA:
      return g_strdup (_("Too few figures"));
    case GK_FORECAST_ALREADY_REACHED:
      return g_strdup (_("Target reached"));
    case GK_FORECAST_ON_TIME:
      return g_strdup (_("Target in time"));
    case GK_FORECAST_LATE:
      when = format_month_of (&ri->forecast.reached_date);
      /* Translators: the forecast of an indicator: the target is reached late, in %s (a month) */
      return g_strdup_printf (_("Late: target in %s"), when);
    case GK_FORECAST_NEVER:
    default:
      return g_strdup (_("Target out of reach"));
    }
}

static char *
describe_progress (const GkReportIndicator *ri)
{
  return ri->has_progress ? gk_report_format_percent (ri->progress) : g_strdup ("–");
}

static const char *
level_or_no_signal (GkLevel level)
{
  return level != GK_LEVEL_NONE ? gk_level_label (level) : _("No signal");
}

/* --- one indicator --------------------------------------------------------- */

typedef struct {
  const char *label;
  char       *value;
  gboolean    has_chip;
  GkLevel     level;
} Figure;

typedef struct {
  const GkReportIndicator    *ri;
  const GkIndicatorChartData *chart;
  double                      chart_height;
  Figure                      figures[N_FIGURES];
} IndicatorBlock;

static void
indicator_block_free (gpointer data)
{
  IndicatorBlock *block = data;

  for (guint i = 0; i < N_FIGURES; i++)
    g_free (block->figures[i].value);
  g_free (block);
}

static IndicatorBlock *
indicator_block_new (GkReportBuilder *b,
                     guint            indicator,
                     double           chart_height)
{
  const GkReportIndicator *ri = gk_report_facts_get_indicator (b->facts, indicator);
  IndicatorBlock *block = g_new0 (IndicatorBlock, 1);

  block->ri = ri;
  block->chart = &b->indicator_charts[indicator];
  block->chart_height = chart_height;
  block->figures[0].label = _("Latest figure");
  block->figures[0].value = gk_report_describe_latest (b, indicator);
  block->figures[1].label = _("Grip level");
  block->figures[1].has_chip = TRUE;
  block->figures[1].level = ri->level;
  block->figures[1].value = g_strdup (level_or_no_signal (ri->level));
  block->figures[2].label = _("Target");
  block->figures[2].value = describe_target (b, indicator);
  block->figures[3].label = _("Progress");
  block->figures[3].value = describe_progress (ri);
  block->figures[4].label = _("Forecast");
  block->figures[4].value = describe_forecast (ri);
  return block;
}

static double
figures_height (GkChartContext *ctx,
                IndicatorBlock *block,
                double          width)
{
  double column = (width - (N_FIGURES - 1) * FIGURE_GAP) / N_FIGURES;
  double height = 0;

  for (guint i = 0; i < N_FIGURES; i++)
    {
      double value = block->figures[i].has_chip
                     ? 18.0
                     : gk_report_text_height (ctx, block->figures[i].value, GK_REPORT_FONT_BODY_BOLD, column, 3);

      height = MAX (height, gk_report_text_height (ctx, block->figures[i].label, GK_REPORT_FONT_SMALL, column, 1) +
                            2 + value);
    }
  return height;
}

static const char *
indicator_description (IndicatorBlock *block)
{
  const char *description = gk_indicator_get_description (block->ri->indicator);

  return description != NULL && *description != '\0' ? description : NULL;
}

/* The name, description and figures above the chart. */
static double
indicator_block_head_height (GkChartContext *ctx,
                             IndicatorBlock *block,
                             double          width)
{
  return gk_report_text_height (ctx, gk_indicator_get_name (block->ri->indicator), GK_REPORT_FONT_SUBHEADING, width, 2) +
         gk_report_text_height (ctx, indicator_description (block), GK_REPORT_FONT_SMALL, width, 3) + 8 +
         figures_height (ctx, block, width) + 10;
}

static void
indicator_block_draw_head (GkChartContext    *ctx,
                           IndicatorBlock    *block,
                           double             x,
                           double             y,
                           double             width)
{
  double column = (width - (N_FIGURES - 1) * FIGURE_GAP) / N_FIGURES;

  y += gk_report_draw_text (ctx, gk_indicator_get_name (block->ri->indicator), GK_REPORT_FONT_SUBHEADING,
                            GK_REPORT_INK_NORMAL, x, y, width, GK_CHART_ALIGN_START, 2);
  y += gk_report_draw_text (ctx, indicator_description (block), GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                            x, y, width, GK_CHART_ALIGN_START, 3) + 8;

  for (guint i = 0; i < N_FIGURES; i++)
    {
      const Figure *figure = &block->figures[i];
      double fx = x + i * (column + FIGURE_GAP);
      double fy = y;

      fy += gk_report_draw_text (ctx, figure->label, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                                 fx, fy, column, GK_CHART_ALIGN_START, 1) + 2;
      if (figure->has_chip)
        {
          GkChartRect chip = { fx, fy, MIN (gk_chart_chip_width (ctx, figure->value), column), 18 };

          gk_chart_draw_chip (ctx, figure->value, figure->level, FALSE, &chip);
        }
      else
        gk_report_draw_text (ctx, figure->value, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_NORMAL,
                             fx, fy, column, GK_CHART_ALIGN_START, 3);
    }
}

/* A row of indicator blocks side by side (one on a narrow sheet): their
 * charts start at one height and share the row's height. */
typedef struct {
  IndicatorBlock *blocks[GK_REPORT_MAX_INDICATOR_COLUMNS];
  guint           n_blocks;
  guint           n_columns;
} IndicatorRow;

static void
indicator_row_free (gpointer data)
{
  IndicatorRow *row = data;

  for (guint i = 0; i < row->n_blocks; i++)
    indicator_block_free (row->blocks[i]);
  g_free (row);
}

static double
indicator_row_column_width (const IndicatorRow *row,
                            double              width)
{
  return (width - (row->n_columns - 1) * GK_REPORT_INDICATOR_COLUMN_GAP) / row->n_columns;
}

static double
indicator_row_head_height (GkChartContext *ctx,
                           IndicatorRow   *row,
                           double          width)
{
  double column = indicator_row_column_width (row, width);
  double head = 0;

  for (guint i = 0; i < row->n_blocks; i++)
    head = MAX (head, indicator_block_head_height (ctx, row->blocks[i], column));
  return head;
}

static double
indicator_row_measure (GkChartContext *ctx,
                       double          width,
                       gpointer        data)
{
  IndicatorRow *row = data;

  return indicator_row_head_height (ctx, row, width) + row->blocks[0]->chart_height;
}

static void
indicator_row_draw (GkChartContext    *ctx,
                    const GkChartRect *area,
                    gpointer           data)
{
  IndicatorRow *row = data;
  double column = indicator_row_column_width (row, area->width);
  double head = indicator_row_head_height (ctx, row, area->width);

  for (guint i = 0; i < row->n_blocks; i++)
    {
      double x = area->x + i * (column + GK_REPORT_INDICATOR_COLUMN_GAP);
      /* The layout may have given the chart less height than it asked for. */
      GkChartRect chart = { x, area->y + head, column, MAX (area->height - head, 60) };

      indicator_block_draw_head (ctx, row->blocks[i], x, area->y, column);
      gk_indicator_chart_draw (ctx, row->blocks[i]->chart, &chart);
    }
}

guint
gk_report_indicator_columns (double width)
{
  /* Wide sheets (A4 landscape, A3) hold two side by side, each as wide as
   * a portrait page's one. */
  return width >= 900 ? 2 : 1;
}

double
gk_report_indicator_column_width (double width)
{
  guint n = gk_report_indicator_columns (width);

  return (width - (n - 1) * GK_REPORT_INDICATOR_COLUMN_GAP) / n;
}

void
gk_report_add_indicator_blocks (GkReportBuilder *b,
                                GkReportFlow    *flow,
                                const guint     *indicators,
                                guint            n_indicators,
                                double           width,
                                double           chart_height,
                                gboolean         after_heading)
{
  guint n_columns = MIN (gk_report_indicator_columns (width), GK_REPORT_MAX_INDICATOR_COLUMNS);

  for (guint first = 0; first < n_indicators; first += n_columns)
    {
      IndicatorRow *row = g_new0 (IndicatorRow, 1);

      /* one left over takes the whole width rather than leave half empty */
      row->n_columns = MIN (n_columns, n_indicators - first);
      if (!after_heading || first > 0)
        gk_report_flow_add_space (flow, GK_REPORT_SECTION_SPACE);
      for (guint i = first; i < MIN (first + n_columns, n_indicators); i++)
        {
          gk_report_flow_add_anchor (flow, gk_report_indicator_anchor (b, indicators[i]));
          row->blocks[row->n_blocks++] = indicator_block_new (b, indicators[i], chart_height);
          b->charted[indicators[i]] = TRUE;
        }
      gk_report_flow_add_shrinkable_block (flow, indicator_row_measure, indicator_row_draw,
                                           row, indicator_row_free,
                                           MAX (0, chart_height - MIN_INDICATOR_CHART));
    }
}

/* --- the section ----------------------------------------------------------- */

/* Two rows of charts share a page: on A4 portrait two indicators, on A3
 * landscape four. */
static double
indicator_chart_height (double width,
                        double height)
{
  return floor (CLAMP (MIN (gk_report_indicator_column_width (width) * 0.48, height * 0.34), 220, 440));
}

void
gk_report_fill_indicator_pages (GkReportBuilder *b)
{
  if (b->indicator_table == NULL)
    return;
  for (guint i = 0; i < gk_report_table_get_n_rows (b->indicator_table); i++)
    {
      int page = gk_report_flow_get_anchor_page (b->flow, gk_report_indicator_anchor (b, i));

      gk_report_table_take_text (b->indicator_table, i, 6,
                                 page >= 0 ? g_strdup_printf ("%d", page + 1) : g_strdup ("–"));
    }
}

void
gk_report_add_indicators (GkReportBuilder *b,
                          GkReportFlow    *flow,
                          double           width,
                          double           height)
{
  guint n = gk_report_facts_get_n_indicators (b->facts);
  GkReportTable *table;
  g_autofree char *lead = NULL;
  g_autoptr(GArray) uncharted = NULL;

  lead = g_strdup_printf (_("The figures as they stood at the end of %s, against their signal values and targets."),
                          gk_report_facts_get_period_label (b->facts));
  gk_report_add_section_heading (flow, GK_REPORT_SECTION_INDICATORS, _("Indicators"), lead);
  if (n == 0)
    {
      gk_report_add_note (flow, _("The programme follows no indicators yet."));
      return;
    }

  table = gk_report_flow_add_table (flow, 7);
  b->indicator_table = table;
  /* Widths leave room for the longer Dutch headings ("Voortgang"). */
  gk_report_table_set_column (table, 0, _("Indicator"), 2.2, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Latest figure"), 1.6, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Grip level"), 1.3, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("Target"), 1.5, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 4, _("Progress"), 1.3, GK_CHART_ALIGN_END);
  gk_report_table_set_column (table, 5, _("Forecast"), 1.4, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 6, _("Page"), 0.6, GK_CHART_ALIGN_END);
  gk_report_table_set_continued_label (table, _("Indicators (continued)"));
  for (guint i = 0; i < n; i++)
    {
      const GkReportIndicator *ri = gk_report_facts_get_indicator (b->facts, i);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_text (table, row, 0, gk_indicator_get_name (ri->indicator));
      gk_report_table_take_text (table, row, 1, gk_report_describe_latest (b, i));
      gk_report_table_set_chip (table, row, 2, ri->level, level_or_no_signal (ri->level));
      gk_report_table_take_text (table, row, 3, describe_target (b, i));
      gk_report_table_take_text (table, row, 4, describe_progress (ri));
      gk_report_table_take_text (table, row, 5, describe_forecast (ri));
    }

  for (guint i = 0; i < n; i++)
    if (b->charted[i])
      {
        gk_report_add_note (flow, _("The chart of an indicator that informs a focus project is on that project's page."));
        break;
      }
  uncharted = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    if (!b->charted[i])
      g_array_append_val (uncharted, i);
  gk_report_add_indicator_blocks (b, flow, (const guint *) (void *) uncharted->data, uncharted->len, width,
                                  indicator_chart_height (width, height), FALSE);
}
