/* test-date.c: dates as stored and as typed
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "gk-date.h"

static void
test_iso (void)
{
  static const struct { const char *text; gboolean ok; } cases[] = {
    { "2026-11-22", TRUE }, { "2024-02-29", TRUE }, { "2026-02-29", FALSE },
    { "2026-02-30", FALSE }, { "2026-13-01", FALSE }, { "2026-00-10", FALSE },
    { "2026-1-1", FALSE }, { "26-01-01", FALSE }, { "2026-01-01x", FALSE },
    { "", FALSE }, { NULL, FALSE }, { "abcd-ef-gh", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_assert_cmpint (gk_date_parse_iso (cases[i].text, &date), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_autofree char *back = gk_date_to_iso (&date);

          g_assert_cmpstr (back, ==, cases[i].text);
        }
    }
}

static void
test_user_input (void)
{
  static const struct { const char *text; const char *iso; int error; } cases[] = {
    { "22-11-2026", "2026-11-22", -1 },
    { " 22/11/2026 ", "2026-11-22", -1 },
    { "2.1.2026", "2026-01-02", -1 },
    { "2026-11-22", "2026-11-22", -1 },
    { "29-02-2024", "2024-02-29", -1 },
    { "30-02-2026", NULL, GK_DATE_ERROR_IMPOSSIBLE },
    { "31-04-2026", NULL, GK_DATE_ERROR_IMPOSSIBLE },
    { "2026-02-30", NULL, GK_DATE_ERROR_IMPOSSIBLE },
    { "0-1-2026", NULL, GK_DATE_ERROR_IMPOSSIBLE },
    { "", NULL, GK_DATE_ERROR_INVALID },
    { "morgen", NULL, GK_DATE_ERROR_INVALID },
    { "22-11-26", NULL, GK_DATE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok = gk_date_parse_user (cases[i].text, &date, &error);

      if (cases[i].iso != NULL)
        {
          g_autofree char *iso = NULL;

          g_assert_no_error (error);
          g_assert_true (ok);
          iso = gk_date_to_iso (&date);
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, GK_DATE_ERROR, cases[i].error);
          g_assert_nonnull (error->message);
        }
    }
}

static void
test_display (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (gk_date_parse_iso ("2026-11-02", &date));
  text = gk_date_format_display (&date);
  /* C locale: "2 Nov 2026", no leading blank from %e */
  g_assert_cmpstr (text, ==, "2 Nov 2026");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/user", test_user_input);
  g_test_add_func ("/date/display", test_display);

  return g_test_run ();
}
