/* bench-window.c: how the window feels with the large programme
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a program that prints figures. It generates the large programme
 * of bench-core (or the demo with --demo), opens it in a real GkWindow and
 * measures, each time up to the frame that shows the result:
 *   - opening the file (gk_window_open_file) to the first painted frame,
 *   - switching to each of the seven pages, first visit and revisits,
 *   - scrolling the measures table, the journal list and the team page step
 *     by step,
 *   - one edit (gk_document_update) to the refreshed analysis on screen (the
 *     window recomputes the grip levels on idle),
 *   - sorting and filtering the measures table: the models' own work (the
 *     call) and up to the frame that shows it.
 *
 * Two figures per frame: "latency" runs from the action to the end of the
 * frame that shows it (what a user waits for, including the frame clock's
 * wait for its next slot), "work" from the frame clock's before-paint to its
 * after-paint (layout, snapshot and render: what must fit in 16 ms for a
 * smooth scroll).
 *
 * Run it under Xvfb with the cairo renderer, as the app tests run:
 *   GSK_RENDERER=cairo xvfb-run -a -s '-screen 0 1280x800x24' \
 *     BUILDDIR/tests/bench/bench-window [--demo] [--rounds=N] [--steps=N]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "gk-application.h"
#include "gk-choice.h"
#include "gk-demo.h"
#include "gk-measure.h"
#include "gk-window.h"
/* The widget finders of the app tests (and their app and tmp_dir). */
#include "../app/page-test-helpers.h"

/* Targets: a frame in 16 ms keeps scrolling smooth (60 Hz); 100 ms is the
 * limit for a page switch to feel instant. */
#define SMOOTH_MS 16.0
#define INSTANT_MS 100.0
/* An edit shows its consequences within two frames (issue 14). */
#define EDIT_MS 33.0

static const char *pages[] = {
  "overview", "roadmap", "projects", "measures", "indicators", "team", "journal",
};

static int n_rounds = 9;
static int n_steps = 200;
static gboolean use_demo;

/* --- frames ---------------------------------------------------------------- */

typedef struct {
  gint64 before_paint;
  gint64 work_start;
  gint64 painted;
  guint  n_frames;
} FrameWatch;

static FrameWatch watch;

static void
before_paint_cb (GdkFrameClock *clock)
{
  watch.before_paint = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  watch.work_start = watch.before_paint;
  watch.painted = g_get_monotonic_time ();
  watch.n_frames++;
}

static void
watch_window (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_assert_nonnull (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits for the next frame painted after the frame count @since; returns
 * FALSE when none comes within @ms (nothing needed a redraw). */
static gboolean
wait_for_frame_within (guint since,
                       guint ms)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (ms, timeout_cb, &timed_out);

  while (watch.n_frames == since && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return !timed_out;
}

static gboolean
wait_for_frame (guint since)
{
  return wait_for_frame_within (since, 2000);
}

/* Lets the window settle: every pending idle and a quiet frame clock. */
static void
settle (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* --- statistics ------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  return ms->len == 0 ? 0 : g_array_index (ms, double, ms->len / 2);
}

static double
worst_of (GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  return ms->len == 0 ? 0 : g_array_index (ms, double, ms->len - 1);
}

static void
print_header (const char *title)
{
  g_print ("\n%s\n", title);
  g_print ("%-36s %10s %10s %10s %10s  %s\n", "", "latency", "worst", "work", "worst", "target");
}

static void
print_row (const char *what,
           GArray     *latency,
           GArray     *work,
           double      target,
           gboolean    target_on_work)
{
  double lat = median_of (latency), lat_worst = worst_of (latency);
  double wrk = median_of (work), wrk_worst = worst_of (work);
  double judged = target_on_work ? wrk : lat;

  g_print ("%-36s %10.1f %10.1f %10.1f %10.1f  %s < %.0f ms: %s\n", what, lat, lat_worst, wrk, wrk_worst,
           target_on_work ? "work" : "latency", target, judged < target ? "met" : "MISSED");
}

static void
record_frame (gint64  start,
              GArray *latency,
              GArray *work)
{
  double l = (watch.painted - start) / 1000.0;
  double w = (watch.painted - MAX (watch.work_start, start)) / 1000.0;

  g_array_append_val (latency, l);
  g_array_append_val (work, w);
}

/* --- the programme --------------------------------------------------------- */

static char *
generate (const char *dir)
{
  char *path = g_build_filename (dir, use_demo ? "demo.gripkaart" : "large.gripkaart", NULL);
  g_autoptr(GError) error = NULL;
  GDate today = gk_clock_get_today (gk_clock_get_default ());
  gboolean ok;

  g_remove (path);
  ok = use_demo ? gk_demo_write_file (path, &today, &error) : gk_demo_write_large_file (path, &today, &error);
  if (!ok)
    g_error ("could not generate: %s", error->message);
  return path;
}

/* --- widgets --------------------------------------------------------------- */

/* The scrolled window around the widget named @name in @page, or the page's
 * first scrolled window when @name is NULL. */
static GtkScrolledWindow *
find_scroller (GtkWidget  *page,
               const char *name)
{
  GtkWidget *widget;

  if (name == NULL)
    return GTK_SCROLLED_WINDOW (find_of_type (page, GTK_TYPE_SCROLLED_WINDOW));
  widget = find_named (page, name);
  if (widget == NULL)
    return NULL;
  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
}

static guint
count_descendants (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child);
  return n;
}

/* --- the measurements ------------------------------------------------------ */

static GkWindow *
bench_open (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  GkWindow *window = gk_window_new (app);
  gint64 start;
  guint since;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  watch_window (GTK_WIDGET (window));
  settle (300);

  start = g_get_monotonic_time ();
  gk_window_open_file (window, file);
  /* The file opens in the background (the window draws its spinner
   * meanwhile): what counts is the first frame that shows the programme. */
  while (gk_window_get_document (window) == NULL)
    {
      if (!gk_work_indicator_get_busy (gk_window_get_work_indicator (window)))
        g_error ("could not open the programme");
      g_main_context_iteration (NULL, TRUE);
    }
  since = watch.n_frames;
  if (!wait_for_frame (since))
    g_error ("no frame after opening the programme");
  record_frame (start, latency, work);

  print_header (use_demo ? "Opening the demo programme (ms)" : "Opening the large programme (ms)");
  print_row ("open file to first frame", latency, work, INSTANT_MS * 5, FALSE);
  return window;
}

static void
bench_pages (GkWindow *window)
{
  GArray *first_latency[G_N_ELEMENTS (pages)];
  GArray *first_work[G_N_ELEMENTS (pages)];
  GArray *latency[G_N_ELEMENTS (pages)];
  GArray *work[G_N_ELEMENTS (pages)];

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      first_latency[p] = g_array_new (FALSE, FALSE, sizeof (double));
      first_work[p] = g_array_new (FALSE, FALSE, sizeof (double));
      latency[p] = g_array_new (FALSE, FALSE, sizeof (double));
      work[p] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* The overview is on screen: the first visit starts with the roadmap and
   * ends with the overview again (by then a revisit, not counted as first). */
  for (int round = 0; round <= n_rounds; round++)
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        guint p = (i + 1) % G_N_ELEMENTS (pages);
        gboolean first = round == 0 && p != 0;
        guint since;
        gint64 start;

        if (round == 0 && p == 0)
          continue;
        settle (250); /* the crossfade of the previous switch ends */
        since = watch.n_frames;
        start = g_get_monotonic_time ();
        g_assert_nonnull (gk_window_show_page (window, pages[p]));
        if (!wait_for_frame (since))
          g_error ("no frame after showing the %s page", pages[p]);
        record_frame (start, first ? first_latency[p] : latency[p], first ? first_work[p] : work[p]);
      }

  print_header ("Switching pages (ms, first visit, then the median of the revisits)");
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *first = g_strdup_printf ("%s, first visit", pages[p]);
      g_autofree char *again = g_strdup_printf ("%s, revisit", pages[p]);

      if (first_latency[p]->len > 0)
        print_row (first, first_latency[p], first_work[p], INSTANT_MS, FALSE);
      print_row (again, latency[p], work[p], INSTANT_MS, FALSE);
      g_array_unref (first_latency[p]);
      g_array_unref (first_work[p]);
      g_array_unref (latency[p]);
      g_array_unref (work[p]);
    }
}

static void
bench_scroll (GkWindow   *window,
              const char *page_name,
              const char *widget_name,
              const char *what)
{
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *page = gk_window_show_page (window, page_name);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  double step, direction = 1;
  guint missed = 0;

  settle (500);
  scroller = find_scroller (page, widget_name);
  if (scroller == NULL)
    {
      g_print ("%-36s no scrolled window found\n", what);
      return;
    }
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  /* A mouse wheel notch: a few rows at a time. */
  step = MAX (gtk_adjustment_get_step_increment (adjustment), 50);
  if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) <= step)
    {
      g_print ("%-36s nothing to scroll (%.0f px of %.0f px)\n", what,
               gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
      return;
    }

  for (int i = 0; i < n_steps; i++)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      guint since = watch.n_frames;
      gint64 start;

      if ((direction > 0 && value + step > end) || (direction < 0 && value - step < 0))
        direction = -direction;
      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, value + direction * step);
      if (!wait_for_frame (since))
        {
          missed++;
          continue;
        }
      record_frame (start, latency, work);
    }
  print_row (what, latency, work, SMOOTH_MS, TRUE);
  if (missed > 0)
    g_print ("%-36s %u of %d steps painted no frame\n", "", missed, n_steps);
  g_print ("%-36s %.0f px high, %u widgets on the page\n", "",
           gtk_adjustment_get_upper (adjustment), count_descendants (page));
}

/* Marks the end of the window's idle refresh: an idle of lower priority
 * than the window's runs after it. */
static gboolean
refreshed_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
bench_edit (GkWindow   *window,
            const char *page_name)
{
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) refresh = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *what = g_strdup_printf ("edit, on the %s page", page_name);
  GkDocument *document = gk_window_get_document (window);
  GListModel *measures = gk_document_get_measures (document);
  guint n_unchanged = 0;

  gk_window_show_page (window, page_name);
  settle (500);
  for (int i = 0; i < n_rounds; i++)
    {
      g_autoptr(GkMeasure) live = g_list_model_get_item (measures, (i * 37) % g_list_model_get_n_items (measures));
      g_autoptr(GkRecord) copy = gk_record_copy (GK_RECORD (live));
      g_autoptr(GError) error = NULL;
      gboolean refreshed = FALSE;
      gint64 start, refresh_end;
      guint since;
      double t;

      gk_measure_set_progress (GK_MEASURE (copy), (gk_measure_get_progress (live) + 7) % 101);
      start = g_get_monotonic_time ();
      if (!gk_document_update (document, copy, &error))
        g_error ("edit: %s", error->message);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 10, refreshed_cb, &refreshed, NULL);
      /* Frames painted before the refresh show the edit, not the analysis. */
      while (!refreshed)
        g_main_context_iteration (NULL, TRUE);
      refresh_end = g_get_monotonic_time ();
      since = watch.n_frames;
      t = (refresh_end - start) / 1000.0;
      g_array_append_val (refresh, t);
      if (wait_for_frame_within (since, 250))
        record_frame (start, latency, work);
      else
        {
          /* The refresh changed nothing on this page: the screen was up
           * to date when it ended (or with the edit's own frame). */
          double l = (MAX (refresh_end, watch.painted) - start) / 1000.0, w = 0;

          g_array_append_val (latency, l);
          g_array_append_val (work, w);
          n_unchanged++;
        }
      settle (300);
    }
  print_row (what, latency, work, EDIT_MS, FALSE);
  g_print ("%-36s %10.1f %10.1f   (update to the end of the refresh idle)\n", "  of which before the frame",
           median_of (refresh), worst_of (refresh));
  if (n_unchanged > 0)
    g_print ("%-36s %u of %d refreshes painted nothing new (latency: to the end of the refresh)\n", "",
             n_unchanged, n_rounds);
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_error ("no column “%s”", title);
}

/* One change to the measures table, timed: the call (the sorter's or the
 * filter's work on the models) and from its start to the frame showing it. */
static void
time_table_change (void   (*change) (GtkWidget *page, int round),
                   GtkWidget *page,
                   int        round,
                   GArray    *calls,
                   GArray    *latency,
                   GArray    *work)
{
  guint since = watch.n_frames;
  gint64 start = g_get_monotonic_time ();
  double call;

  change (page, round);
  call = (g_get_monotonic_time () - start) / 1000.0;
  g_array_append_val (calls, call);
  if (wait_for_frame (since))
    record_frame (start, latency, work);
  settle (250);
}

static void
sort_twice (GtkWidget *page,
            int        round)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (require_named (page, "measures-table"));

  gtk_column_view_sort_by_column (view, column_titled (view, "Focus project"), GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (view, column_titled (view, "Title"),
                                  round % 2 == 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* Two filters on, then (the next round) all filters off again. */
static void
filter_twice (GtkWidget *page,
              int        round)
{
  if (round % 2 == 0)
    {
      gk_choice_enum_set (require_named (page, "filter-status"), GK_MEASURE_STATUS_IN_PROGRESS);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (require_named (page, "filter-overdue")), TRUE);
    }
  else
    gtk_widget_activate_action (page, "measures.clear-filters", NULL);
}

static void
bench_sort_and_filter (GkWindow *window)
{
  g_autoptr(GArray) sort_calls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_calls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_work = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *page = gk_window_show_page (window, "measures");

  settle (500);
  for (int i = 0; i < n_rounds; i++)
    time_table_change (sort_twice, page, i, sort_calls, sort_latency, sort_work);
  for (int i = 0; i < n_rounds; i++)
    time_table_change (filter_twice, page, i, filter_calls, filter_latency, filter_work);
  gtk_widget_activate_action (page, "measures.clear-filters", NULL);

  print_row ("two sorts", sort_latency, sort_work, INSTANT_MS, FALSE);
  g_print ("%-36s %10.1f %10.1f   (the sorters' work)\n", "  of which in the call",
           median_of (sort_calls), worst_of (sort_calls));
  print_row ("two filters on, or all off", filter_latency, filter_work, INSTANT_MS, FALSE);
  g_print ("%-36s %10.1f %10.1f   (the filters' work)\n", "  of which in the call",
           median_of (filter_calls), worst_of (filter_calls));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("gripkaart-bench-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GkWindow *window;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--rounds="))
        n_rounds = MAX (1, atoi (argv[i] + strlen ("--rounds=")));
      else if (g_str_has_prefix (argv[i], "--steps="))
        n_steps = MAX (1, atoi (argv[i] + strlen ("--steps=")));
      else if (g_str_equal (argv[i], "--demo"))
        use_demo = TRUE;
      else
        {
          g_printerr ("Usage: %s [--demo] [--rounds=N] [--steps=N]\n", argv[0]);
          return 2;
        }
    }

  /* Nothing the bench does touches the user's files or settings. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", GK_BENCH_SCHEMA_DIR, TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_init ();
  adw_init ();
  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("register: %s", error->message);

  tmp_dir = dir;
  path = generate (dir);
  g_print ("Gripkaart window benchmark, %s, renderer %s, %d rounds, %d scroll steps\n",
           use_demo ? "demo programme" : "large programme", g_getenv ("GSK_RENDERER"), n_rounds, n_steps);
  g_print ("latency: from the action to the end of the frame that shows it; "
           "work: that frame's layout, snapshot and render\n");

  window = bench_open (path);
  bench_pages (window);

  print_header ("Scrolling, a step of 50 px per frame (ms, median and worst)");
  bench_scroll (window, "measures", "measures-table", "measures table");
  bench_scroll (window, "journal", "journal-list", "journal list");
  bench_scroll (window, "team", NULL, "team page");
  bench_scroll (window, "overview", NULL, "overview page");

  print_header ("One edit to the refreshed analysis on screen (ms)");
  bench_edit (window, "overview");
  bench_edit (window, "measures");

  print_header ("Sorting and filtering the measures table (ms)");
  bench_sort_and_filter (window);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("\npeak memory (max RSS): %.1f MB\n", usage.ru_maxrss / 1024.0);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  g_unlink (path);
  g_clear_object (&app);
  return 0;
}
