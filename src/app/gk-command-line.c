/* gk-command-line.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here needs a display: it runs before GTK is initialised.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-analysis.h"
#include "gk-command-line.h"
#include "gk-date.h"
#include "gk-demo.h"
#include "gk-document.h"
#include "gk-project-file.h"
#include "gk-schema.h"

/* --- --demo ---------------------------------------------------------------- */

static gboolean
write_demo_database (const char   *path,
                     const GDate  *today,
                     GError      **error)
{
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  ok = gk_schema_create (db, error) && gk_demo_write (db, today, error);
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), path);
      ok = FALSE;
    }
  return ok;
}

gboolean
gk_command_line_write_demo (const char   *path,
                            const GDate  *today,
                            GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *tmp_path = NULL;
  int fd;

  /* Never overwrite: the path may be somebody's real programme. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name for the demo programme."), path);
      return FALSE;
    }

  /* Write next to the target and rename, so no half-written file is left. */
  tmp_path = g_build_filename (dir, ".gripkaart-demo-XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write in the folder of “%s”: %s"), basename, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  g_unlink (tmp_path);

  if (!write_demo_database (tmp_path, today, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), basename, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

char *
gk_command_line_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gripkaart", "demo",
                           /* Translators: file name of the demo programme */
                           _("Voorbeeldstad.gripkaart"), NULL);
}

/* --- --check --------------------------------------------------------------- */

/* printf pads by bytes; names such as "Financiën" need padding by characters. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static void
append_counts (GString    *out,
               GkDocument *document)
{
  static const struct {
    const char *label;
    GListModel *(*get) (GkDocument *);
  } lists[] = {
    { N_("People"), gk_document_get_people },
    { N_("Topics"), gk_document_get_topics },
    { N_("Assessments"), gk_document_get_assessments },
    { N_("Focus projects"), gk_document_get_focus_projects },
    { N_("Measures"), gk_document_get_measures },
    { N_("Measure targets"), gk_document_get_measure_targets },
    { N_("Measure links"), gk_document_get_measure_links },
    { N_("Indicators"), gk_document_get_indicators },
    { N_("Measurements"), gk_document_get_measurements },
    { N_("Journal entries"), gk_document_get_journal },
  };

  g_string_append_printf (out, "\n%s\n", _("Contents"));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_string_append (out, "  ");
      append_padded (out, _(lists[i].label), 24);
      g_string_append_printf (out, " %6u\n", g_list_model_get_n_items (lists[i].get (document)));
    }
}

static void
append_topics (GString    *out,
               GkAnalysis *analysis)
{
  g_string_append_printf (out, "\n%s\n", _("Topics"));
  for (guint i = 0; i < gk_analysis_get_n_topics (analysis); i++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (analysis, i);
      g_autofree char *when = g_date_valid (&grip->assessed_on) ? gk_date_format_display (&grip->assessed_on) : NULL;

      g_string_append (out, "  ");
      append_padded (out, gk_topic_get_name (grip->topic), 34);
      append_padded (out, gk_level_label (grip->assessed), 13);
      if (when != NULL)
        g_string_append (out, when);
      if (grip->signalled != GK_LEVEL_NONE)
        /* Translators: the level the topic's indicators signal */
        g_string_append_printf (out, _("; signal: %s"), gk_level_label (grip->signalled));
      if (grip->diverges)
        g_string_append_printf (out, " (%s)", _("differs from the assessment"));
      g_string_append_c (out, '\n');
    }
}

static void
append_signals (GString    *out,
                GkAnalysis *analysis)
{
  GPtrArray *signals = gk_analysis_get_signals (analysis);

  g_string_append_printf (out, "\n%s (%u)\n", _("Attention signals"), signals->len);
  for (guint i = 0; i < signals->len; i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);

      g_string_append_printf (out, "  [%s] %s\n", gk_severity_label (signal->severity), signal->message);
    }
}

gboolean
gk_command_line_check (const char   *path,
                       const GDate  *today,
                       GString      *out,
                       GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkAnalysis) analysis = NULL;
  GkProgramme *programme;

  project = gk_project_file_open (file, error);
  if (project == NULL)
    return FALSE;
  document = gk_document_new_for_db (gk_project_file_get_db (project), error);
  if (document == NULL)
    {
      gk_project_file_close (project);
      return FALSE;
    }

  analysis = gk_analysis_new (document, today);
  programme = gk_document_get_programme (document);

  if (programme != NULL)
    {
      g_string_append_printf (out, "%s\n", gk_programme_get_title (programme));
      if (*gk_programme_get_municipality (programme) != '\0')
        g_string_append_printf (out, "%s\n", gk_programme_get_municipality (programme));
    }
  if (gk_project_file_get_read_only (project))
    g_string_append_printf (out, "%s\n", gk_project_file_get_read_only_reason (project)->message);

  g_string_append_printf (out, "\n%s: %s (%s: %s)\n", _("Headline grip level"),
                          gk_level_label (gk_analysis_get_headline (analysis)),
                          _("trend"), gk_grip_trend_label (gk_analysis_get_trend (analysis)));
  append_counts (out, document);
  append_topics (out, analysis);
  append_signals (out, analysis);

  g_clear_object (&analysis);
  g_clear_object (&document);
  gk_project_file_close (project);
  return TRUE;
}
