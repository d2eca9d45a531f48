/* test-enums.c: stored keys and labels of the domain vocabularies
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-enums.h"

static void
test_level_keys_round_trip (void)
{
  guint n = 0;
  const GkEnumEntry *entries = gk_level_entries (&n);

  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      GkLevel level = GK_LEVEL_NONE;

      g_assert_true (gk_level_from_key (gk_level_to_key (entries[i].value), &level));
      g_assert_cmpint (level, ==, entries[i].value);
    }
  g_assert_false (gk_level_from_key ("excellent", NULL));
  g_assert_false (gk_level_from_key (NULL, NULL));
}

static void
test_levels_are_ordered (void)
{
  /* The grip engine relies on "higher is better". */
  g_assert_cmpint (GK_LEVEL_NONE, <, GK_LEVEL_SERIOUS);
  g_assert_cmpint (GK_LEVEL_SERIOUS, <, GK_LEVEL_VIGILANT);
  g_assert_cmpint (GK_LEVEL_VIGILANT, <, GK_LEVEL_IN_CONTROL);
}

static void
test_labels_are_english_source (void)
{
  g_assert_cmpstr (gk_level_label (GK_LEVEL_SERIOUS), ==, "Serious");
  g_assert_cmpstr (gk_level_label (GK_LEVEL_IN_CONTROL), ==, "In control");
  g_assert_cmpstr (gk_measure_status_label (GK_MEASURE_STATUS_IN_PROGRESS), ==, "In progress");
  g_assert_cmpstr (gk_chain_phase_to_key (GK_CHAIN_PHASE_CROSS_CUTTING), ==, "cross-cutting");
  g_assert_cmpstr (gk_role_to_key (GK_ROLE_CONTRACTMANAGER), ==, "contractmanager");
}

static void
test_domains (void)
{
  g_autofree char *keys = gk_domains_to_keys (GK_DOMAIN_JEUGD | GK_DOMAIN_PARTICIPATIE);
  g_autofree char *label = NULL;
  GkDomains domains = GK_DOMAIN_NONE;

  g_assert_cmpstr (keys, ==, "jeugd,participatie");
  g_assert_true (gk_domains_from_keys ("wmo,jeugd", &domains));
  g_assert_cmpint (domains, ==, GK_DOMAIN_JEUGD | GK_DOMAIN_WMO);
  g_assert_true (gk_domains_from_keys ("", &domains));
  g_assert_cmpint (domains, ==, GK_DOMAIN_NONE);
  g_assert_false (gk_domains_from_keys ("jeugd,sport", &domains));

  label = gk_domains_label (GK_DOMAIN_JEUGD | GK_DOMAIN_WMO);
  g_assert_cmpstr (label, ==, "Youth, Wmo");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/level/keys", test_level_keys_round_trip);
  g_test_add_func ("/enums/level/order", test_levels_are_ordered);
  g_test_add_func ("/enums/labels", test_labels_are_english_source);
  g_test_add_func ("/enums/domains", test_domains);

  return g_test_run ();
}
