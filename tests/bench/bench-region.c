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
  if (!gk_region_add_path (region, dir, &error) ||
      !gk_region_load (region, &today, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
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
  g_print ("first region page (all summaries): %.0f ms\n", (loaded - start) / 1000.0);
  g_print ("regional report (PDF, %u pages): %.0f ms\n",
           gk_region_report_get_n_pages (report, 595.28, 841.89), (reported - loaded) / 1000.0);
  g_print ("peak memory (max RSS): %.1f MB\n", peak_mb ());
  return 0;
}
