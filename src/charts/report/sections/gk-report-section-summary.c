/* gk-report-section-summary.c: the first page
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The programme, the period, the headline level, four tiles of key figures,
 * the attention signals, and when there is room the ambition and the
 * contents: always one page.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-report-section.h"

#define MAX_SIGNALS   10
#define TILE_GAP      12.0
#define TILE_PAD      12.0
#define CONTENTS_ROWS ((GK_REPORT_N_SECTIONS + 1) / 2)
#define CONTENTS_GAP  32.0

/* --- tiles ----------------------------------------------------------------- */

typedef struct {
  char *value;
  char *label;
  char *detail;
} Tile;

typedef struct {
  Tile tiles[4];
} Tiles;

static void
tiles_free (gpointer data)
{
  Tiles *tiles = data;

  for (guint i = 0; i < G_N_ELEMENTS (tiles->tiles); i++)
    {
      g_free (tiles->tiles[i].value);
      g_free (tiles->tiles[i].label);
      g_free (tiles->tiles[i].detail);
    }
  g_free (tiles);
}

static double
tile_width (double width)
{
  return (width - 3 * TILE_GAP) / 4;
}

static double
tiles_measure (GkChartContext *ctx,
               double          width,
               gpointer        data)
{
  Tiles *tiles = data;
  double inner = tile_width (width) - 2 * TILE_PAD;
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tiles->tiles); i++)
    height = MAX (height,
                  gk_report_text_height (ctx, tiles->tiles[i].value, GK_REPORT_FONT_FIGURE, inner, 1) +
                  gk_report_text_height (ctx, tiles->tiles[i].label, GK_REPORT_FONT_SMALL_BOLD, inner, 2) +
                  gk_report_text_height (ctx, tiles->tiles[i].detail, GK_REPORT_FONT_SMALL, inner, 3) + 4);
  return height + 2 * TILE_PAD;
}

static void
tiles_draw (GkChartContext    *ctx,
            const GkChartRect *area,
            gpointer           data)
{
  Tiles *tiles = data;
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double width = tile_width (area->width);
  double inner = width - 2 * TILE_PAD;

  for (guint i = 0; i < G_N_ELEMENTS (tiles->tiles); i++)
    {
      const Tile *tile = &tiles->tiles[i];
      double x = area->x + i * (width + TILE_GAP);
      double y = area->y + TILE_PAD;

      gk_chart_rounded_rect (cr, x, area->y, width, area->height, 6);
      gk_chart_set_source (cr, &palette->surface, 1);
      cairo_fill (cr);

      y += gk_report_draw_text (ctx, tile->value, GK_REPORT_FONT_FIGURE, GK_REPORT_INK_NORMAL,
                                x + TILE_PAD, y, inner, GK_CHART_ALIGN_START, 1);
      y += gk_report_draw_text (ctx, tile->label, GK_REPORT_FONT_SMALL_BOLD, GK_REPORT_INK_NORMAL,
                                x + TILE_PAD, y, inner, GK_CHART_ALIGN_START, 2) + 4;
      gk_report_draw_text (ctx, tile->detail, GK_REPORT_FONT_SMALL, GK_REPORT_INK_DIM,
                           x + TILE_PAD, y, inner, GK_CHART_ALIGN_START, 3);
    }
}

/* Consumes @parts: "5 Vigilant · 1 Serious". */
static char *
join_counts (GPtrArray  *parts,
             const char *none)
{
  char *joined;

  if (parts->len == 0)
    return g_strdup (none);
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  g_ptr_array_set_size (parts, 0);
  return joined;
}

/* "5 Vigilant · 1 Serious", then @unassessed (taken; NULL when none). */
static char *
describe_levels (const guint *by_level,
                 char        *unassessed)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (GkLevel level = GK_LEVEL_VIGILANT; level >= GK_LEVEL_SERIOUS; level--)
    if (by_level[level] > 0)
      g_ptr_array_add (parts, g_strdup_printf ("%u %s", by_level[level], gk_level_label (level)));
  if (unassessed != NULL)
    g_ptr_array_add (parts, unassessed);
  return join_counts (parts, "");
}

static Tiles *
make_tiles (GkReportBuilder *b)
{
  const GkReportCounts *counts = gk_report_facts_get_counts (b->facts);
  guint n_topics = gk_analysis_get_n_topics (b->analysis);
  guint n_indicators = gk_report_facts_get_n_indicators (b->facts);
  guint active = counts->active_projects;
  guint done_in_period = gk_report_facts_get_n_done (b->facts);
  guint n_none;
  Tiles *tiles = g_new0 (Tiles, 1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* Topics */
  tiles->tiles[0].value = g_strdup_printf ("%u / %u", counts->topics_by_level[GK_LEVEL_IN_CONTROL], n_topics);
  tiles->tiles[0].label = g_strdup (_("topics In control"));
  n_none = counts->topics_by_level[GK_LEVEL_NONE];
  tiles->tiles[0].detail = describe_levels (counts->topics_by_level, n_none == 0 ? NULL :
                                            g_strdup_printf (ngettext ("%u not assessed", "%u not assessed",
                                                                       n_none), n_none));

  /* Focus projects */
  tiles->tiles[1].value = g_strdup_printf ("%u", active);
  tiles->tiles[1].label = g_strdup (ngettext ("active focus project", "active focus projects", active));
  /* Health in running text: "1 at risk · 1 off track". Whole phrases, not
   * a count before the health label, so that a translation can word them
   * as its language does ("1 met risico"). */
  if (counts->projects_at_risk > 0)
    /* Translators: focus projects whose health is At risk */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u at risk", "%u at risk", counts->projects_at_risk),
                                             counts->projects_at_risk));
  if (counts->projects_off_track > 0)
    /* Translators: focus projects whose health is Off track */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u off track", "%u off track", counts->projects_off_track),
                                             counts->projects_off_track));
  tiles->tiles[1].detail = join_counts (parts, active > 0 ? _("all on track") : "");

  /* Measures */
  tiles->tiles[2].value = g_strdup_printf ("%u / %u", counts->measures_done, counts->measures);
  tiles->tiles[2].label = g_strdup (_("measures done"));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u done in the period", "%u done in the period",
                                                     done_in_period), done_in_period));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u overdue", "%u overdue", counts->measures_overdue),
                                           counts->measures_overdue));
  tiles->tiles[2].detail = join_counts (parts, "");

  /* Indicators */
  tiles->tiles[3].value = g_strdup_printf ("%u / %u", counts->indicators_by_level[GK_LEVEL_IN_CONTROL], n_indicators);
  tiles->tiles[3].label = g_strdup (_("indicators In control"));
  n_none = counts->indicators_by_level[GK_LEVEL_NONE];
  tiles->tiles[3].detail = describe_levels (counts->indicators_by_level, n_none == 0 ? NULL :
                                            g_strdup_printf (ngettext ("%u without signal", "%u without signal",
                                                                       n_none), n_none));
  return tiles;
}

/* --- contents -------------------------------------------------------------- */

static double
contents_line_height (GkChartContext *ctx)
{
  return gk_report_text_height (ctx, "Ag", GK_REPORT_FONT_BODY, -1, 0) + 5;
}

static double
contents_measure (GkChartContext *ctx,
                  double          width,
                  gpointer        data)
{
  return CONTENTS_ROWS * contents_line_height (ctx);
}

/* The contents, with the page each section starts on. */
static void
contents_draw (GkChartContext    *ctx,
               const GkChartRect *area,
               gpointer           data)
{
  GkReportBuilder *b = data;
  const GkChartPalette *palette = gk_chart_context_get_palette (ctx);
  cairo_t *cr = gk_chart_context_get_cairo (ctx);
  double line = contents_line_height (ctx);
  double column = (area->width - CONTENTS_GAP) / 2;

  for (guint s = 0; s < GK_REPORT_N_SECTIONS; s++)
    {
      const char *title = gk_report_section_title (s);
      int page = gk_report_flow_get_anchor_page (b->flow, s);
      double x = area->x + (s / CONTENTS_ROWS) * (column + CONTENTS_GAP);
      double y = area->y + (s % CONTENTS_ROWS) * line;
      g_autofree char *number = page >= 0 ? g_strdup_printf ("%d", page + 1) : g_strdup ("–");
      double number_width = gk_report_text_width (ctx, number, GK_REPORT_FONT_BODY);
      double title_width = MIN (gk_report_text_width (ctx, title, GK_REPORT_FONT_BODY),
                                column - number_width - 24);

      gk_report_draw_text (ctx, title, GK_REPORT_FONT_BODY, GK_REPORT_INK_NORMAL,
                           x, y, column - number_width - 24, GK_CHART_ALIGN_START, 1);
      gk_report_draw_text (ctx, number, GK_REPORT_FONT_BODY, GK_REPORT_INK_NORMAL,
                           x, y, column, GK_CHART_ALIGN_END, 1);
      /* A dotted leader from the title to its page. */
      cairo_save (cr);
      gk_chart_set_source (cr, &palette->axis, 1);
      for (double dot = x + title_width + 8; dot < x + column - number_width - 12; dot += 5)
        {
          cairo_rectangle (cr, dot, y + line - 9, 1.2, 1.2);
        }
      cairo_fill (cr);
      cairo_restore (cr);
    }
}

/* --- signals --------------------------------------------------------------- */

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

static void
add_signals (GkReportBuilder *b,
             GkReportFlow    *flow)
{
  GPtrArray *signals = gk_analysis_get_signals (b->analysis);
  GkReportTable *table;
  guint shown = MIN (signals->len, b->max_signals);

  gk_report_add_subheading (flow, _("Attention signals"));
  if (signals->len == 0)
    {
      gk_report_add_note (flow, _("The grip engine sees nothing that needs attention."));
      return;
    }
  table = gk_report_flow_add_table (flow, 2);
  gk_report_table_set_column (table, 0, _("Severity"), 1.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Signal"), 5.0, GK_CHART_ALIGN_START);
  gk_report_table_set_continued_label (table, _("Attention signals (continued)"));
  for (guint i = 0; i < shown; i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);
      guint row = gk_report_table_add_row (table);

      gk_report_table_set_chip (table, row, 0, severity_level (signal->severity), gk_severity_label (signal->severity));
      gk_report_table_set_text (table, row, 1, signal->message);
    }
  if (signals->len > shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more signal, less severe or as severe, is not shown.",
                                                         "%u more signals, less severe or as severe, are not shown.",
                                                         signals->len - shown),
                                               signals->len - shown);

      gk_report_add_note (flow, more);
    }
}

/* --- the page -------------------------------------------------------------- */

/* "Voorbeeldstad · Youth, Wmo · Programme lead: … · Figures as of …" */
static char *
describe_programme (GkReportBuilder *b)
{
  GkProgramme *programme = gk_document_get_programme (b->document);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *as_of = gk_report_format_date (gk_report_facts_get_as_of (b->facts));

  if (programme != NULL)
    {
      const char *lead = gk_report_person_name (b, gk_programme_get_lead_id (programme));
      g_autofree char *domains = gk_domains_label (gk_programme_get_domains (programme));

      if (*gk_programme_get_municipality (programme) != '\0')
        g_ptr_array_add (facts, g_strdup (gk_programme_get_municipality (programme)));
      if (domains != NULL && *domains != '\0')
        g_ptr_array_add (facts, g_strdup (domains));
      if (lead != NULL)
        /* Translators: %s is a person */
        g_ptr_array_add (facts, g_strdup_printf (_("Programme lead: %s"), lead));
    }
  /* Translators: the first %s is a date, the second a period, "September 2026" */
  g_ptr_array_add (facts, g_strdup_printf (_("Figures as of %s, compared with %s"), as_of,
                                           gk_report_facts_get_previous_label (b->facts)));
  g_ptr_array_add (facts, NULL);
  return g_strjoinv (" · ", (char **) facts->pdata);
}

void
gk_report_add_summary (GkReportBuilder *b,
                       GkReportFlow    *flow)
{
  GkProgramme *programme = gk_document_get_programme (b->document);
  g_autofree char *subtitle = NULL;
  g_autofree char *meta = describe_programme (b);

  gk_report_flow_add_anchor (flow, GK_REPORT_SECTION_SUMMARY);
  gk_report_flow_add_text (flow, gk_report_programme_title (b), GK_REPORT_FONT_TITLE, GK_REPORT_INK_NORMAL, TRUE);
  /* Translators: %s is the reporting period, "October 2026" */
  subtitle = g_strdup_printf (_("Progress report %s"), gk_report_facts_get_period_label (b->facts));
  gk_report_flow_add_text (flow, subtitle, GK_REPORT_FONT_SUBHEADING, GK_REPORT_INK_ACCENT, TRUE);
  gk_report_flow_add_text (flow, meta, GK_REPORT_FONT_BODY, GK_REPORT_INK_DIM, TRUE);
  gk_report_flow_add_space (flow, 8);

  gk_report_add_chart (flow, GK_CHART_KIND_HEADLINE, &b->headline, NULL, 0);
  gk_report_flow_add_block (flow, tiles_measure, tiles_draw, make_tiles (b), tiles_free, FALSE);

  /* What needs attention first; the ambition and the contents, when there
   * is room for them on the page. */
  add_signals (b, flow);

  if (b->summary_ambition && programme != NULL && *gk_programme_get_ambition (programme) != '\0')
    {
      gk_report_add_subheading (flow, _("Ambition"));
      gk_report_flow_add_text (flow, gk_programme_get_ambition (programme), GK_REPORT_FONT_BODY,
                               GK_REPORT_INK_NORMAL, FALSE);
    }

  if (b->summary_contents)
    {
      gk_report_add_subheading (flow, _("In this report"));
      gk_report_flow_add_block (flow, contents_measure, contents_draw, b, NULL, FALSE);
    }
}

static gboolean
summary_fits (GkReportBuilder *b,
              double           width,
              double           height)
{
  g_autoptr(GkReportFlow) summary = gk_report_flow_new ();

  gk_report_add_summary (b, summary);
  return gk_report_flow_paginate (summary, b->ctx, width, height) <= 1;
}

/* The summary is one page: on a low (landscape) page it shows fewer
 * signals, then leaves out the ambition, then the contents. */
void
gk_report_fit_summary (GkReportBuilder *b,
                       double           width,
                       double           height)
{
  b->summary_ambition = TRUE;
  b->summary_contents = TRUE;
  for (b->max_signals = MAX_SIGNALS; b->max_signals > 3; b->max_signals--)
    if (summary_fits (b, width, height))
      return;
  b->summary_ambition = FALSE;
  if (summary_fits (b, width, height))
    return;
  b->summary_contents = FALSE;
}
