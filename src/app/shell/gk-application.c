/* gk-application.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-app-resources.h"
#include "gk-application.h"
#include "gk-command-line.h"
#include "gk-cli.h"
#include "gk-region-window.h"
#include "gk-preferences-window.h"
#include "gk-window.h"

#define MAX_RECENT 10

struct _GkApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  gboolean        open_demo;    /* --demo without a path: show it in a window */
  gboolean        open_region;  /* --region FILE…: the files as one region */
};

G_DEFINE_FINAL_TYPE (GkApplication, gk_application, ADW_TYPE_APPLICATION)

static GkWindow *
get_or_create_window (GkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (gk_window_new (self));
  return GK_WINDOW (window);
}

/* The peak memory of this process so far, in kB (Linux), or -1. */
static long
peak_memory_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* For the start-up benchmark (tests/bench/bench-startup.c): report the first
 * frame and the peak memory at that moment on standard output and quit, so
 * that the time from exec to a window on screen can be measured from
 * outside. */
static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* A file given to open opens in the background: the frame that counts
   * is the first that shows the programme. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data) && g_object_get_data (l->data, "gk-bench-opening") != NULL &&
        gk_window_get_document (l->data) == NULL)
      return;
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  g_print ("first-frame vmhwm-kb=%ld\n", peak_memory_kb ());
  /* A pipe is block-buffered: the line must arrive now, not at the exit. */
  fflush (stdout);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), app);
}

static void
watch_first_frame (GkApplication *self,
                   GtkWindow     *window)
{
  if (g_getenv ("GRIPKAART_BENCH_FIRST_FRAME") == NULL)
    return;
  g_signal_connect_after (window, "map", G_CALLBACK (window_mapped_cb), self);
}

static void
gk_application_activate (GApplication *app)
{
  GkApplication *self = GK_APPLICATION (app);
  GkWindow *window = get_or_create_window (self);

  watch_first_frame (self, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  if (self->open_demo)
    {
      self->open_demo = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
    }
}

/* --region FILE…|FOLDER|REGION-FILE without --check: one region window. */
static void
open_region (GkApplication  *self,
             GFile         **files,
             int             n_files)
{
  g_autoptr(GkRegion) region = gk_region_new ();

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !gk_region_add_path (region, path, &error))
        g_printerr ("%s: %s\n", g_get_prgname (), error->message);
    }
  gtk_window_present (GTK_WINDOW (gk_region_window_new (self, region)));
}

static void
gk_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  if (GK_APPLICATION (app)->open_region)
    {
      open_region (GK_APPLICATION (app), files, n_files);
      return;
    }
  for (int i = 0; i < n_files; i++)
    {
      GkWindow *window = gk_window_new (GK_APPLICATION (app));

      watch_first_frame (GK_APPLICATION (app), GTK_WINDOW (window));
      if (g_getenv ("GRIPKAART_BENCH_FIRST_FRAME") != NULL)
        g_object_set_data (G_OBJECT (window), "gk-bench-opening", GINT_TO_POINTER (1));
      gk_window_open_file_and_present (window, files[i]);
    }
}

static int
gk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  GkApplication *self = GK_APPLICATION (app);
  const char *today = NULL;

  if (g_variant_dict_lookup (options, "today", "&s", &today))
    {
      g_autoptr(GError) error = NULL;

      if (!gk_command_line_set_today (today, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return EXIT_FAILURE;
        }
      /* A running instance would open the files on its own day: this one
       * runs by itself, on the day asked for. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  self->open_demo = g_variant_dict_contains (options, "demo");
  self->open_region = g_variant_dict_contains (options, "region");
  /* A running instance would open the files one by one: a region opens
   * in an instance of its own. */
  if (self->open_region)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  /* -1: carry on with the default processing (activate or open) */
  return -1;
}

/* Commands that write or print something and need no window are handled
 * here, before GApplication registers or GTK opens a display. */
static gboolean
gk_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  if (gk_cli_is_wanted (*arguments))
    {
      *exit_status = gk_cli_run (*arguments);
      return TRUE;
    }

  return G_APPLICATION_CLASS (gk_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GkApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window lets it ask about unsaved changes. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Gripkaart authors", NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Gripkaart"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Gripkaart authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan and follow a change programme in the social domain: focus projects, measures, grip levels and progress reports for the board."),
                        "website", "https://github.com/gripkaart/gripkaart",
                        "issue-url", "https://github.com/gripkaart/gripkaart/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Gripkaart authors",
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The preferences of the active window's programme, if it shows one. */
static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GkDocument *document = GK_IS_WINDOW (parent) ? gk_window_get_document (GK_WINDOW (parent)) : NULL;
  GkPreferencesWindow *preferences;

  preferences = gk_preferences_window_new (parent, gk_application_get_settings (self), document);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
gk_application_startup (GApplication *app)
{
  GkApplication *self = GK_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-programme", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.open-region", { "<Shift><Control>o", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.search", { "<Control>f", NULL } },
  };

  G_APPLICATION_CLASS (gk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
gk_application_dispose (GObject *object)
{
  GkApplication *self = GK_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gk_application_parent_class)->dispose (object);
}

static void
gk_application_class_init (GkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resources live in a static library: nothing would pull in their
   * constructor, so register them by hand. */
  g_resources_register (gk_app_get_resource ());

  object_class->dispose = gk_application_dispose;
  app_class->activate = gk_application_activate;
  app_class->open = gk_application_open;
  app_class->startup = gk_application_startup;
  app_class->handle_local_options = gk_application_handle_local_options;
  app_class->local_command_line = gk_application_local_command_line;
}

/* Listed for --help; the batch commands among them are parsed by
 * gk_command_line_run() (see gk_application_local_command_line). */
static const GOptionEntry main_options[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo programme; with =PATH write it to PATH without opening a window"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the grip levels and attention signals of FILE, without opening a window"), NULL },
  { "export-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw one chart of FILE to the --output file: roadmap, banner, timeline, progress, coverage or indicator:NAME"),
    N_("CHART") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to write: .png, .svg or .pdf; for --export-table .xlsx or .csv"), N_("OUT") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Size of the exported chart in pixels, for example 1600x900"), N_("WxH") },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the progress report of FILE as PDF, without opening a window"), N_("REPORT.pdf") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The reporting period: a month (2026-10) or a quarter (2026-Q3); by default the latest complete one"),
    N_("PERIOD") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper size of the report: a4 or a3"), N_("SIZE") },
  { "orientation", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Orientation of the report: portrait or landscape"), N_("ORIENTATION") },
  { "import-figures", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import KPI figures from a CSV, XLSX or ODS file into FILE and save it, without opening a window"),
    N_("SOURCE") },
  { "indicator", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-figures: the indicator of a file with figures of one indicator"), N_("NAME") },
  { "indicator-column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-figures: the column naming the indicator (header text or number)"), N_("COL") },
  { "period-column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-figures: the column holding the periods"), N_("COL") },
  { "value-column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-figures: the column holding the values"), N_("COL") },
  { "note-column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-figures: the column holding notes"), N_("COL") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-figures: the sheet of the workbook to read"), N_("NAME") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-figures: show what would change, change nothing"), NULL },
  { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-figures: import the good rows even when others are refused"), NULL },
  { "export-table", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write tables of FILE to the --output file (.xlsx or .csv): projects, measures, indicators, figures, assessments, journal or all"),
    N_("TABLE") },
  { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Judge the programme as on this date (YYYY-MM-DD) instead of today"), N_("DATE") },
  { "region", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the FILEs, a folder of them or a region file as one region, read-only; with --check print its matrix, with --export-report write the regional report"), NULL },
  { NULL }
};

static void
gk_application_init (GkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan and follow a change programme: focus projects, measures, grip levels and progress reports."));
}

GkApplication *
gk_application_new (void)
{
  return g_object_new (GK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/gripkaart/Gripkaart",
                       NULL);
}

/* Made on first use: the command line runs without the settings schema
 * (e.g. from the build directory) and must not need it. */
GSettings *
gk_application_get_settings (GkApplication *self)
{
  g_return_val_if_fail (GK_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}

/* Recent programmes live in GTK's recent files, so that Files and the file
 * chooser list them too; ours are the items Gripkaart registered. */
#define RECENT_APP_NAME "Gripkaart"
#define RECENT_MIME_TYPE "application/x-gripkaart"

void
gk_application_add_recent (GkApplication *self,
                           GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) RECENT_MIME_TYPE,
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "gripkaart %u",
  };

  g_return_if_fail (GK_IS_APPLICATION (self));
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* When Gripkaart itself last registered @info: the item's own times also
 * move when another program touches it. */
static GDateTime *
recent_stamp (GtkRecentInfo *info)
{
  GDateTime *stamp = NULL;

  if (!gtk_recent_info_get_application_info (info, RECENT_APP_NAME, NULL, NULL, &stamp) || stamp == NULL)
    return gtk_recent_info_get_modified (info);
  return stamp;
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *) b;

  return g_date_time_compare (recent_stamp (info_b), recent_stamp (info_a));
}

/* Earlier versions kept the list in GSettings: hand it over once, oldest
 * first so that the newest ends up on top. */
static void
move_recent_from_settings (GkApplication *self)
{
  GSettings *settings = gk_application_get_settings (self);
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-files");
  guint n = g_strv_length (old);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (old[i - 1]);

      gk_application_add_recent (self, file);
    }
  if (n > 0)
    g_settings_reset (settings, "recent-files");
}

/* Newest first, at most MAX_RECENT. */
GStrv
gk_application_dup_recent (GkApplication *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GK_IS_APPLICATION (self), NULL);

  move_recent_from_settings (self);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  for (GList *l = items; l != NULL; l = l->next)
    if (gtk_recent_info_has_application (l->data, RECENT_APP_NAME))
      g_ptr_array_add (ours, l->data);
  g_ptr_array_sort (ours, compare_recent_newest_first);
  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    g_strv_builder_add (builder, gtk_recent_info_get_uri (g_ptr_array_index (ours, i)));
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return g_strv_builder_end (builder);
}

