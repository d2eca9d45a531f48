/* gk-region-command.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here needs a display: it runs before GTK is initialised.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-chart-fonts.h"
#include "gk-clock.h"
#include "gk-command-line.h"
#include "gk-region-command.h"
#include "gk-region-report.h"
#include "gk-report-paper.h"

typedef struct {
  gboolean region;
  gboolean check;
  char    *export_report;
  char    *paper;
  char    *orientation;
  char    *today;
  char   **files;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->export_report);
  g_free (options->paper);
  g_free (options->orientation);
  g_free (options->today);
  g_strfreev (options->files);
}

gboolean
gk_region_command_is_wanted (char **argv)
{
  gboolean region = FALSE, command = FALSE;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--region"))
        region = TRUE;
      if (g_str_equal (argv[i], "--check") || g_str_has_prefix (argv[i], "--export-report"))
        command = TRUE;
    }
  return region && command;
}

static gboolean
parse_options (char    **argv,
               Options  *o,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_NONE, &o->region, NULL, NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &o->check, NULL, NULL },
    { "export-report", 0, 0, G_OPTION_ARG_FILENAME, &o->export_report, NULL, NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o->paper, NULL, NULL },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &o->orientation, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &o->today, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = g_strdupv (argv);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  return g_option_context_parse_strv (context, &args, error);
}

/* --- the matrix as text --------------------------------------------------- */

/* printf pads by bytes; names such as "Súdwest-Fryslân" need padding by characters. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  g_autofree char *shown = NULL;
  glong length = g_utf8_strlen (text, -1);

  if (length >= (glong) width)
    {
      shown = g_utf8_substring (text, 0, width - 1);
      text = shown;
      length = width - 1;
    }
  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

/* Without the padding of the last column. */
static void
end_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static const char *
trend_word (GkGripTrend trend)
{
  switch (trend)
    {
    case GK_GRIP_TREND_WORSE:
      /* Translators: a trend in the region's matrix, one short word */
      return C_("trend", "worse");
    case GK_GRIP_TREND_SAME:
      return C_("trend", "same");
    case GK_GRIP_TREND_BETTER:
      return C_("trend", "better");
    case GK_GRIP_TREND_UNKNOWN:
    default:
      return "–";
    }
}

#define MUNICIPALITY_WIDTH 24
#define LEVEL_WIDTH        12
#define TREND_WIDTH        10

void
gk_region_command_format_matrix (GkRegion *region,
                                 GString  *out)
{
  GListModel *members = gk_region_get_members (region);
  g_autoptr(GPtrArray) topics = gk_region_get_topic_names (region);
  guint n = g_list_model_get_n_items (members);

  if (*gk_region_get_name (region) != '\0')
    g_string_append_printf (out, "%s\n", gk_region_get_name (region));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u municipality", "%u municipalities", n), n);
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "%s\n", _("Topics"));
  for (guint t = 0; t < topics->len; t++)
    g_string_append_printf (out, "  %2u  %s\n", t + 1, (const char *) g_ptr_array_index (topics, t));
  g_string_append_c (out, '\n');

  append_padded (out, _("Municipality"), MUNICIPALITY_WIDTH);
  append_padded (out, _("Headline"), LEVEL_WIDTH);
  append_padded (out, _("Trend"), TREND_WIDTH);
  for (guint t = 0; t < topics->len; t++)
    {
      g_autofree char *number = g_strdup_printf ("%u", t + 1);

      append_padded (out, number, LEVEL_WIDTH);
    }
  end_line (out);

  for (guint m = 0; m < n; m++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, m);

      append_padded (out, gk_region_member_get_municipality (member), MUNICIPALITY_WIDTH);
      append_padded (out, gk_level_short_label (gk_region_member_get_headline (member)), LEVEL_WIDTH);
      append_padded (out, trend_word (gk_region_member_get_trend (member)), TREND_WIDTH);
      for (guint t = 0; t < topics->len; t++)
        {
          const GkRegionTopic *topic = gk_region_member_lookup_topic (member, g_ptr_array_index (topics, t));

          append_padded (out, topic != NULL ? gk_level_short_label (topic->level) : "–", LEVEL_WIDTH);
        }
      end_line (out);
    }
  g_string_append_printf (out, "\n%s\n", _("–: the programme has no such topic, or no comparison yet."));
}

/* --- running ---------------------------------------------------------------- */

static gboolean
open_region (Options   *o,
             GkRegion  *region,
             GError   **error)
{
  GDate today;

  if (o->files == NULL || o->files[0] == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Name the region's programme files, their folder or a region file."));
      return FALSE;
    }
  for (guint i = 0; o->files[i] != NULL; i++)
    if (!gk_region_add_path (region, o->files[i], error))
      return FALSE;

  today = gk_clock_get_today (gk_clock_get_default ());
  return gk_region_load (region, &today, NULL, NULL, NULL, error);
}

/* Each bad member with its reason, then one line naming them all. */
static void
print_left_out (GkRegion *region)
{
  GListModel *left_out = gk_region_get_left_out (region);
  g_autofree char *line = gk_region_describe_left_out (region);

  for (guint i = 0; i < g_list_model_get_n_items (left_out); i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (left_out, i);

      g_printerr ("%s: %s\n", g_get_prgname (), gk_region_member_get_error (member)->message);
    }
  if (line != NULL)
    g_printerr ("%s: %s\n", g_get_prgname (), line);
}

static gboolean
run_options (Options  *o,
             GError  **error)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  GkReportPaper paper = GK_REPORT_PAPER_A4;
  GkReportOrientation orientation = GK_REPORT_ORIENTATION_PORTRAIT;

  if (o->today != NULL && !gk_command_line_set_today (o->today, error))
    return FALSE;
  if (o->paper != NULL && !gk_report_paper_from_name (o->paper, &paper))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown paper size “%s”. Choose a4 or a3."), o->paper);
      return FALSE;
    }
  if (o->orientation != NULL && !gk_report_orientation_from_name (o->orientation, &orientation))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown orientation “%s”. Choose portrait or landscape."), o->orientation);
      return FALSE;
    }
  if (o->export_report != NULL && !gk_region_report_check_output (o->export_report, error))
    return FALSE;
  if (o->export_report != NULL)
    gk_chart_fonts_preload ();

  if (!open_region (o, region, error))
    return FALSE;
  print_left_out (region);
  if (g_list_model_get_n_items (gk_region_get_members (region)) == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("None of the region’s files could be read."));
      return FALSE;
    }

  if (o->export_report != NULL)
    {
      g_autoptr(GkRegionReport) report = gk_region_report_new (region);
      GDate today = gk_clock_get_today (gk_clock_get_default ());

      /* SOURCE_DATE_EPOCH, when set, dates the report (reproducible output). */
      if (g_getenv ("SOURCE_DATE_EPOCH") == NULL)
        gk_region_report_set_printed_date (report, &today);
      gk_region_report_set_paper (report, paper, orientation);
      return gk_region_report_export_pdf (report, o->export_report, error);
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);

    gk_region_command_format_matrix (region, out);
    g_print ("%s", out->str);
  }
  return TRUE;
}

int
gk_region_command_run (char **argv)
{
  g_autoptr(GError) error = NULL;
  Options options = { 0 };
  gboolean ok;

  ok = parse_options (argv, &options, &error) && run_options (&options, &error);
  options_clear (&options);
  if (!ok)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
