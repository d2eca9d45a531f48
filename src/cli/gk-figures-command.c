/* gk-figures-command.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here needs a display: it runs before GTK is initialised.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-document.h"
#include "gk-figure-layout.h"
#include "gk-figures-command.h"
#include "gk-merge-conflict.h"
#include "gk-import-plan.h"
#include "gk-project-file.h"
#include "gk-session.h"
#include "gk-table-export.h"
#include "gk-workbook.h"

typedef struct {
  char    *import_figures;
  char    *indicator;
  char    *columns[GK_FIGURE_N_ROLES];
  char    *sheet;
  gboolean dry_run;
  gboolean skip_bad_rows;
  char    *export_table;
  char    *output;
  char    *today;   /* accepted for symmetry with the other commands; unused */
  char   **files;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->import_figures);
  g_free (options->indicator);
  for (guint i = 0; i < GK_FIGURE_N_ROLES; i++)
    g_free (options->columns[i]);
  g_free (options->sheet);
  g_free (options->export_table);
  g_free (options->output);
  g_free (options->today);
  g_strfreev (options->files);
}

gboolean
gk_figures_command_is_wanted (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_has_prefix (argv[i], "--import-figures") || g_str_has_prefix (argv[i], "--export-table"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
parse_options (char    **argv,
               Options  *o,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "import-figures", 0, 0, G_OPTION_ARG_FILENAME, &o->import_figures, NULL, NULL },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &o->indicator, NULL, NULL },
    { "indicator-column", 0, 0, G_OPTION_ARG_STRING, &o->columns[GK_FIGURE_ROLE_INDICATOR], NULL, NULL },
    { "period-column", 0, 0, G_OPTION_ARG_STRING, &o->columns[GK_FIGURE_ROLE_PERIOD], NULL, NULL },
    { "value-column", 0, 0, G_OPTION_ARG_STRING, &o->columns[GK_FIGURE_ROLE_VALUE], NULL, NULL },
    { "note-column", 0, 0, G_OPTION_ARG_STRING, &o->columns[GK_FIGURE_ROLE_NOTE], NULL, NULL },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &o->sheet, NULL, NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &o->dry_run, NULL, NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &o->skip_bad_rows, NULL, NULL },
    { "export-table", 0, 0, G_OPTION_ARG_STRING, &o->export_table, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &o->today, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = g_strdupv (argv);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;
  if (o->files == NULL || g_strv_length (o->files) != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Name one programme file."));
      return FALSE;
    }
  return TRUE;
}

/* A session on @path, as the window opens it. */
static GkSession *
open_session (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GkClock) clock = gk_clock_new ();
  g_autoptr(GkSession) session = gk_session_new (clock);

  if (!gk_session_open (session, file, error))
    return NULL;
  return g_steal_pointer (&session);
}

/* ---- --export-table ------------------------------------------------------------ */

static GArray *
parse_tables (const char  *spec,
              GError     **error)
{
  g_autoptr(GArray) tables = g_array_new (FALSE, FALSE, sizeof (GkExportTable));
  g_auto(GStrv) names = g_strsplit (spec, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      GkExportTable table;

      if (g_ascii_strcasecmp (name, "all") == 0)
        {
          for (guint t = 0; t < GK_EXPORT_N_TABLES; t++)
            {
              table = t;
              g_array_append_val (tables, table);
            }
          continue;
        }
      if (!gk_export_table_from_key (name, &table))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown table “%s”. Choose projects, measures, indicators, figures, assessments, "
                         "journal or all."), name);
          return NULL;
        }
      g_array_append_val (tables, table);
    }
  return g_steal_pointer (&tables);
}

static gboolean
export_tables (Options  *o,
               GError  **error)
{
  g_autoptr(GArray) tables = parse_tables (o->export_table, error);
  g_autoptr(GkSession) session = NULL;
  GkExportFormat format;
  gboolean ok;

  if (tables == NULL)
    return FALSE;
  if (o->output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say where to write the table with --output=OUT.xlsx or --output=OUT.csv."));
      return FALSE;
    }
  if (!gk_export_format_from_path (o->output, &format, error))
    return FALSE;
  session = open_session (o->files[0], error);
  if (session == NULL)
    return FALSE;
  ok = gk_export_tables (gk_session_get_document (session), &g_array_index (tables, GkExportTable, 0), tables->len,
                         o->output, error);
  gk_session_close (session);
  return ok;
}

/* ---- --import-figures ------------------------------------------------------------ */

static gboolean
apply_mapping (Options         *o,
               GkDocument      *document,
               GkFigureLayout  *layout,
               GError         **error)
{
  for (guint role = 0; role < GK_FIGURE_N_ROLES; role++)
    if (o->columns[role] != NULL && !gk_figure_layout_set_column (layout, role, o->columns[role], error))
      return FALSE;

  if (o->indicator != NULL)
    {
      GkIndicator *indicator = gk_figure_find_indicator (document, o->indicator);

      if (indicator == NULL)
        {
          GListModel *list = gk_document_get_indicators (document);
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(GkIndicator) item = g_list_model_get_item (list, i);

              g_string_append_printf (names, "\n  %s", gk_indicator_get_name (item));
            }
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The programme has no indicator “%s”. Its indicators are:%s"), o->indicator, names->str);
          return FALSE;
        }
      gk_figure_layout_set_indicator (layout, document, gk_record_get_id (GK_RECORD (indicator)));
    }
  return TRUE;
}

static void
print_plan (GkImportPlan *plan,
            const char   *source_name)
{
  g_autofree char *summary = gk_import_plan_summary (plan);

  g_print ("%s: %s\n", source_name, summary);
  for (guint i = 0; i < gk_import_plan_get_n_fates (plan); i++)
    {
      const GkImportFate *fate = gk_import_plan_get_fate (plan, i);
      g_autofree char *line = NULL;

      if (fate->kind != GK_IMPORT_FATE_REFUSED && fate->kind != GK_IMPORT_FATE_CHANGED)
        continue;
      line = gk_import_plan_describe_fate (plan, fate);
      g_print ("  %s\n", line);
    }
}

static void print_conflicts (GkProjectFile *project);

static gboolean
import_figures (Options  *o,
                GError  **error)
{
  g_autoptr(GFile) source = g_file_new_for_commandline_arg (o->import_figures);
  g_autoptr(GkWorkbook) workbook = NULL;
  g_autoptr(GkSheet) sheet = NULL;
  g_autoptr(GkSession) session = NULL;
  g_autoptr(GkFigureLayout) layout = NULL;
  g_autoptr(GkImportPlan) plan = NULL;
  g_autofree char *source_name = g_file_get_basename (source);
  GkProjectFile *project;
  GkDocument *document;
  gboolean ok = FALSE;

  /* Read the figures before opening the programme: a bad file stops here. */
  workbook = gk_workbook_open (source, NULL, error);
  if (workbook == NULL)
    {
      g_prefix_error (error, "%s: ", source_name);
      return FALSE;
    }
  sheet = gk_workbook_read_sheet (workbook, o->sheet, error);
  if (sheet == NULL)
    {
      g_prefix_error (error, "%s: ", source_name);
      return FALSE;
    }

  session = open_session (o->files[0], error);
  if (session == NULL)
    return FALSE;
  project = gk_session_get_project_file (session);
  document = gk_session_get_document (session);
  if (gk_project_file_get_read_only (project))
    {
      g_propagate_error (error, g_error_copy (gk_project_file_get_read_only_reason (project)));
      goto out;
    }

  layout = gk_figure_layout_guess (sheet, document);
  if (!apply_mapping (o, document, layout, error))
    goto out;
  plan = gk_import_plan_new (document, sheet, layout, error);
  if (plan == NULL)
    {
      g_prefix_error (error, "%s: ", source_name);
      goto out;
    }
  print_plan (plan, source_name);

  if (gk_import_plan_count (plan, GK_IMPORT_FATE_REFUSED) > 0 && !o->skip_bad_rows)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_REFUSED,
                   _("Nothing was imported: correct the refused rows, or import the others with --skip-bad-rows."));
      goto out;
    }
  if (o->dry_run)
    {
      ok = TRUE;
      goto out;
    }
  if (!gk_import_plan_apply (plan, source_name, o->skip_bad_rows, error))
    goto out;
  if (gk_import_plan_count (plan, GK_IMPORT_FATE_NEW) + gk_import_plan_count (plan, GK_IMPORT_FATE_CHANGED) == 0)
    {
      ok = TRUE;   /* nothing changed: nothing to publish */
      goto out;
    }
  /* Publish as the app saves: merged with what colleagues saved meanwhile,
   * next to the file, checked, renamed over it. */
  ok = gk_project_file_save (project, error);
  if (ok && gk_project_file_get_merge_summary (project) != NULL)
    g_print ("%s\n", gk_project_file_get_merge_summary (project));
  if (!ok && g_error_matches (*error, GK_PROJECT_ERROR, GK_PROJECT_ERROR_CONFLICT))
    print_conflicts (project);

out:
  g_clear_object (&plan);
  gk_session_close (session);
  return ok;
}

/* Without a window nobody can choose: each clash is listed, and the
 * figures wait unpublished (the app offers them back at the next open). */
static void
print_conflicts (GkProjectFile *project)
{
  GListModel *conflicts = gk_project_file_get_conflicts (project);

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(GkMergeConflict) conflict = g_list_model_get_item (conflicts, i);
      g_autofree char *line = gk_merge_conflict_describe (conflict);

      g_printerr ("%s\n", line);
    }
  g_printerr ("%s\n", _("Open the programme in Gripkaart to choose, then import again."));
}

int
gk_figures_command_run (char **argv)
{
  g_autoptr(GError) error = NULL;
  Options options = { 0 };
  gboolean ok;

  ok = parse_options (argv, &options, &error);
  if (ok && options.import_figures != NULL && options.export_table != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Import figures or export a table, not both at once."));
      ok = FALSE;
    }
  if (ok)
    ok = options.import_figures != NULL ? import_figures (&options, &error) : export_tables (&options, &error);
  options_clear (&options);
  if (!ok)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
