/* bench-region.c: the region of many municipalities
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a program that prints milliseconds and peak memory.
 *
 *   bench-region [--members=N] [--dir=DIR]
 *
 * writes N generated members (tests/core/region-fixture.h: the demo for
 * another municipality, 000-Kapot.gripkaart damaged among them) into DIR
 * (a new temporary folder by default; an existing DIR with members is
 * used as it is), then measures, in this process:
 *   - the first region page with members: the first batch of members
 *     read, as the window shows it while the rest are read;
 *   - the first region page: every member read (copied, checked,
 *     analysed, summarised) and what the first pages show (the topics of
 *     the matrix, the shared indicators);
 *   - the regional report: built and written as PDF (A4);
 *   - peak memory (max RSS) of the process.
 * Run each size in its own process: the peak memory is the process's.
 * Targets for 342 members: under 3 s to the first page, under 500 MB.
 */
#include "config.h"

#include <sys/resource.h>

#include "gk-region-report.h"
#include "../core/region-fixture.h"

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static GError *load_error;

static void
members_arrived_cb (GListModel *members,
                    guint       position,
                    guint       removed,
                    guint       added,
                    gint64     *first)
{
  if (*first == 0 && g_list_model_get_n_items (members) > 0)
    *first = g_get_monotonic_time ();
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gk_region_load_finish (GK_REGION (source), result, &load_error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
has_members (const char *dir)
{
  g_autofree char *first = region_fixture_member_path (dir, 0);

  return g_file_test (first, G_FILE_TEST_EXISTS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GkRegionReport) report = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) shared = NULL;
  guint64 members = 40;
  GDate today;
  gint64 start, loaded, reported;
  gint64 first_members = 0;
  gboolean load_done = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--members="))
        g_ascii_string_to_unsigned (argv[i] + strlen ("--members="), 10, 1, 10000, &members, NULL);
      else if (g_str_has_prefix (argv[i], "--dir="))
        dir = g_strdup (argv[i] + strlen ("--dir="));
    }
  g_date_set_dmy (&today, 3, G_DATE_DECEMBER, 2026);
  if (dir == NULL)
    dir = g_dir_make_tmp ("bench-region-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0700);
  if (!has_members (dir))
    {
      g_print ("writing %u members into %s…\n", (guint) members, dir);
      if (!region_fixture_write_folder (dir, (guint) members, TRUE, &today, &error))
        g_error ("%s", error->message);
    }

  start = g_get_monotonic_time ();
  if (!gk_region_add_path (region, dir, &error))
    g_error ("%s", error->message);
  /* As the window loads: in the background, the members arriving in
   * batches (the first page shows them), then all of them. */
  g_signal_connect (gk_region_get_members (region), "items-changed", G_CALLBACK (members_arrived_cb), &first_members);
  gk_region_load_async (region, &today, NULL, NULL, NULL, load_done_cb, &load_done);
  while (!load_done)
    g_main_context_iteration (NULL, TRUE);
  if (load_error != NULL)
    g_error ("%s", load_error->message);
  topics = gk_region_get_topic_names (region);
  shared = gk_region_get_shared_indicators (region);
  loaded = g_get_monotonic_time ();

  pdf = g_build_filename (dir, "regio.pdf", NULL);
  g_unlink (pdf);
  report = gk_region_report_new (region);
  if (!gk_region_report_export_pdf (report, pdf, &error))
    g_error ("%s", error->message);
  reported = g_get_monotonic_time ();

  g_print ("members read: %u, left out: %u, topics: %u, shared indicators: %u (%u threads)\n",
           g_list_model_get_n_items (gk_region_get_members (region)),
           g_list_model_get_n_items (gk_region_get_left_out (region)), topics->len, shared->len,
           CLAMP (g_get_num_processors (), 1, 8));
  g_print ("first region page with members (first batch): %.0f ms\n", (first_members - start) / 1000.0);
  g_print ("first region page (all summaries): %.0f ms\n", (loaded - start) / 1000.0);
  g_print ("regional report (PDF, %u pages): %.0f ms\n",
           gk_region_report_get_n_pages (report, 595.28, 841.89), (reported - loaded) / 1000.0);
  g_print ("peak memory (max RSS): %.1f MB\n", peak_mb ());
  return 0;
}
