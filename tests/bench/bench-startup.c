/* bench-startup.c: from exec to a window on screen, against a bare window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a program that prints figures. It starts gripkaart on the
 * empty window, the demo and the large programme, and a bare libadwaita
 * window that it makes itself (itself again, run with --bare: an
 * AdwApplicationWindow with a header bar, of the same size), one after the
 * other in turn, and takes for each start:
 *   - "map": exec to the MapNotify of its window, from the X server itself
 *     (SubstructureNotify on the root window; polling, as xdotool --sync
 *     does every 500 ms, cannot measure this),
 *   - "frame": exec to the end of its first painted frame showing the
 *     programme (the app prints it when GRIPKAART_BENCH_FIRST_FRAME is set,
 *     then quits),
 *   - the peak memory (VmHWM) at that first frame.
 * It prints the medians and the ratios to the bare window with their
 * targets: the empty window <= 120 %, the demo <= 150 %, the large
 * programme <= 200 % of the bare window's map; the demo's peak memory under
 * 100 MiB.
 *
 * Run it under Xvfb, with either renderer (GSK_RENDERER is passed on):
 *   xvfb-run -a -s '-screen 0 1280x800x24' BUILDDIR/tests/bench/bench-startup [--runs=N] [--verbose]
 *     [--gripkaart=PATH]  (another build's gripkaart, to compare; one
 *                          without the peak memory line shows -0.0 MiB)
 *   GSK_RENDERER=cairo xvfb-run -a -s '-screen 0 1280x800x24' BUILDDIR/tests/bench/bench-startup
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <X11/Xlib.h>

#include "gk-demo.h"

extern char **environ;

#define TIMEOUT_MS 60000

static int n_runs = 11;
static char *gripkaart_path;
static gboolean bare;
static gboolean verbose;

/* --- the bare window (--bare) ---------------------------------------------- */

static void
bare_first_frame_cb (GdkFrameClock *clock,
                     GApplication  *app)
{
  g_autofree char *status = NULL;
  const char *line = NULL;

  g_signal_handlers_disconnect_by_func (clock, bare_first_frame_cb, app);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    line = strstr (status, "VmHWM:");
  /* The same line as gripkaart's (gk-application.c). */
  g_print ("first-frame vmhwm-kb=%ld\n", line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1L);
  fflush (stdout);
  g_application_quit (app);
}

static void
bare_mapped_cb (GtkWidget    *window,
                GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (bare_first_frame_cb), app);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* gripkaart's default size (its settings schema) */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  g_signal_connect_after (window, "map", G_CALLBACK (bare_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare_window (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.gripkaart.BenchBareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* --- one start --------------------------------------------------------------- */

typedef struct {
  const char *label;
  char      **argv;
  double      target_ratio;      /* of the bare window's map; 0: none */
  GArray     *map_ms, *frame_ms, *peak_mib;
} Subject;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The first top-level window mapped since the start: under Xvfb there is
 * no window manager, so it is a child of the root window. */
static gboolean
next_map_event (Display *display,
                double  *at)
{
  while (XPending (display) > 0)
    {
      XEvent event;

      XNextEvent (display, &event);
      if (event.type == MapNotify && !event.xmap.override_redirect)
        {
          *at = now_ms ();
          return TRUE;
        }
    }
  return FALSE;
}

/* Starts @argv and waits for its first map and its first-frame line. */
static gboolean
start_once (Display *display,
            Subject *subject)
{
  int out[2];
  posix_spawn_file_actions_t actions;
  GString *output = g_string_new (NULL);
  double start, mapped = -1, framed = -1;
  long peak_kb = -1;
  pid_t pid;
  int status;

  if (pipe (out) != 0)
    return FALSE;
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose (&actions, out[0]);
  /* Without a session bus every start warns of it: --verbose shows it all. */
  if (!verbose)
    posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  XSync (display, True);   /* no map of an earlier start left over */

  start = now_ms ();
  if (posix_spawn (&pid, subject->argv[0], &actions, NULL, subject->argv, environ) != 0)
    {
      g_printerr ("Could not start %s\n", subject->argv[0]);
      return FALSE;
    }
  posix_spawn_file_actions_destroy (&actions);
  close (out[1]);

  while (framed < 0 && now_ms () - start < TIMEOUT_MS)
    {
      struct pollfd fds[2] = {
        { ConnectionNumber (display), POLLIN, 0 },
        { out[0], POLLIN, 0 },
      };
      char buffer[256];
      const char *line;

      if (mapped < 0 && next_map_event (display, &mapped))
        continue;
      if (poll (fds, 2, 100) < 0 && errno != EINTR)
        break;
      if (fds[1].revents != 0)
        {
          ssize_t n = read (out[0], buffer, sizeof buffer);

          if (n <= 0)
            break;   /* the app ended without a first frame */
          g_string_append_len (output, buffer, n);
          if ((line = strstr (output->str, "first-frame")) != NULL && strchr (line, '\n') != NULL)
            {
              framed = now_ms ();
              if ((line = strstr (line, "vmhwm-kb=")) != NULL)
                peak_kb = strtol (line + strlen ("vmhwm-kb="), NULL, 10);
            }
        }
    }
  /* The frame comes after the map: its event may still be waiting. */
  if (mapped < 0)
    {
      XSync (display, False);
      next_map_event (display, &mapped);
    }
  if (framed < 0)
    kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  close (out[0]);
  g_string_free (output, TRUE);

  if (framed < 0 || mapped < 0)
    {
      g_printerr ("%s: no %s\n", subject->label, mapped < 0 ? "map" : "first frame");
      return FALSE;
    }
  g_array_append_val (subject->map_ms, (double) { mapped - start });
  g_array_append_val (subject->frame_ms, (double) { framed - start });
  g_array_append_val (subject->peak_mib, (double) { peak_kb / 1024.0 });
  return TRUE;
}

/* --- figures ----------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare_doubles);
  return sorted->len > 0 ? g_array_index (sorted, double, sorted->len / 2) : 0;
}

static char *
list (GArray *values)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (text, "%s%.0f", i > 0 ? " " : "", g_array_index (values, double, i));
  return g_string_free (text, FALSE);
}

static gboolean
write_programmes (const char *demo,
                  const char *large,
                  GError    **error)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 3, 12, 2026);
  return gk_demo_write_file (demo, &today, error) && gk_demo_write_large_file (large, &today, error);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Starts of each (default 11)", "N" },
    { "gripkaart", 0, 0, G_OPTION_ARG_FILENAME, &gripkaart_path, "Start this gripkaart (another build, to compare)", "PATH" },
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &verbose, "Show what the windows print on standard error", NULL },
    { "bare", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &bare, "Be the bare window", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *gripkaart = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *large = NULL;
  Display *display;
  Subject subjects[4];
  char bare_option[] = "--bare";
  double bare_map, bare_frame, bare_peak;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (bare)
    return run_bare_window ();
  n_runs = MAX (n_runs, 1);

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("No X display: run under Xvfb (xvfb-run -a -s '-screen 0 1280x800x24' %s)\n", argv[0]);
      return 1;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  self = g_file_read_link ("/proc/self/exe", NULL);
  gripkaart = gripkaart_path != NULL ? g_strdup (gripkaart_path)
                                     : g_build_filename (GK_BENCH_BUILD_DIR, "src", "gripkaart", NULL);
  dir = g_dir_make_tmp ("gk-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (dir, "data", NULL);
  demo = g_build_filename (dir, "demo.gripkaart", NULL);
  large = g_build_filename (dir, "large.gripkaart", NULL);
  if (!write_programmes (demo, large, &error))
    {
      g_printerr ("Could not write the programmes: %s\n", error->message);
      return 1;
    }
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", GK_BENCH_BUILD_DIR "/data", TRUE);
  g_setenv ("GRIPKAART_BENCH_FIRST_FRAME", "1", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);

  subjects[0] = (Subject) { "bare libadwaita window", (char *[]) { self, bare_option, NULL }, 0 };
  subjects[1] = (Subject) { "empty window", (char *[]) { gripkaart, NULL }, 1.2 };
  subjects[2] = (Subject) { "demo programme", (char *[]) { gripkaart, demo, NULL }, 1.5 };
  subjects[3] = (Subject) { "large programme", (char *[]) { gripkaart, large, NULL }, 2.0 };
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      subjects[s].map_ms = g_array_new (FALSE, FALSE, sizeof (double));
      subjects[s].frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
      subjects[s].peak_mib = g_array_new (FALSE, FALSE, sizeof (double));
      /* The first start warms the caches (fonts, icons, the files): not counted. */
      if (!start_once (display, &subjects[s]))
        return 1;
      g_array_set_size (subjects[s].map_ms, 0);
      g_array_set_size (subjects[s].frame_ms, 0);
      g_array_set_size (subjects[s].peak_mib, 0);
    }

  /* In turn, so that a change in the machine's load falls on all alike. */
  for (int run = 0; run < n_runs; run++)
    for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
      if (!start_once (display, &subjects[s]))
        return 1;

  g_print ("renderer %s, %d starts each, medians (exec to the window's MapNotify; to its first frame):\n",
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default", n_runs);
  bare_map = median (subjects[0].map_ms);
  bare_frame = median (subjects[0].frame_ms);
  bare_peak = median (subjects[0].peak_mib);
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      Subject *subject = &subjects[s];
      double map = median (subject->map_ms);
      g_autofree char *maps = list (subject->map_ms);

      g_print ("%-24s map %5.0f ms (%3.0f %%)   frame %5.0f ms (%3.0f %%)   peak %5.1f MiB (%3.0f %%)   (maps: %s)",
               subject->label, map, 100 * map / bare_map,
               median (subject->frame_ms), 100 * median (subject->frame_ms) / bare_frame,
               median (subject->peak_mib), 100 * median (subject->peak_mib) / bare_peak, maps);
      if (subject->target_ratio > 0)
        g_print ("   target <= %.0f %%: %s", 100 * subject->target_ratio,
                 map <= subject->target_ratio * bare_map ? "met" : "MISSED");
      g_print ("\n");
    }
  if (median (subjects[2].peak_mib) < 0)
    g_print ("peak memory at the first frame, demo: not reported by this gripkaart\n");
  else
    g_print ("peak memory at the first frame, demo: %.1f MiB   target < 100 MiB: %s\n",
             median (subjects[2].peak_mib), median (subjects[2].peak_mib) < 100 ? "met" : "MISSED");

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    {
      g_array_unref (subjects[s].map_ms);
      g_array_unref (subjects[s].frame_ms);
      g_array_unref (subjects[s].peak_mib);
    }
  XCloseDisplay (display);
  {
    const char *remove[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) remove, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
