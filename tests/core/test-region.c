/* test-region.c: a region reads its members read-only into small
 * summaries, leaves bad files out with their reason, matches topics and
 * indicators by name, searches the members' work, and keeps its list in a
 * region file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gk-project-error.h"
#include "gk-project-file-parts.h"
#include "gk-region.h"
#include "region-fixture.h"

#define N_MEMBERS 6

typedef struct {
  char  *dir;
  GDate  today;
} Fixture;

/* The thread the tests run in: the region's lists change only there. */
static GThread *main_thread;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The members are written once (the demo and its edits take a while,
 * much longer under the sanitizers); each test gets a copy of them. */
static char *members_dir;

static void
copy_members (const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (members_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from_path = g_build_filename (members_dir, name, NULL);
      g_autofree char *to_path = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from_path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to_path, contents, length, NULL));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_date_set_dmy (&fixture->today, 3, G_DATE_DECEMBER, 2026);
  if (members_dir == NULL)
    {
      members_dir = g_dir_make_tmp ("test-region-members-XXXXXX", &error);
      g_assert_no_error (error);
      g_assert_true (region_fixture_write_folder (members_dir, N_MEMBERS, TRUE, &fixture->today, &error));
      g_assert_no_error (error);
    }
  fixture->dir = g_dir_make_tmp ("test-region-XXXXXX", &error);
  g_assert_no_error (error);
  copy_members (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GkRegion *
load_folder (Fixture *fixture)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_region_add_path (region, fixture->dir, &error));
  g_assert_no_error (error);
  g_assert_true (gk_region_load (region, &fixture->today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&region);
}

static GkRegionMember *
member_at (GkRegion *region,
           guint     position)
{
  GkRegionMember *member = g_list_model_get_item (gk_region_get_members (region), position);

  g_assert_nonnull (member);
  g_object_unref (member);   /* the region holds it */
  return member;
}

/* A hash of every file in dir, by name: to show nothing was changed or added. */
static GHashTable *
folder_state (const char *path)
{
  GHashTable *state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (child, &contents, &length, NULL));
      g_hash_table_insert (state, g_strdup (name),
                           g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length));
    }
  return state;
}

static void
assert_same_state (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, hash;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &hash))
    g_assert_cmpstr (g_hash_table_lookup (after, name), ==, hash);
}

/* --- the tests ---------------------------------------------------------- */

static void
test_folder_members (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) before = folder_state (fixture->dir);
  g_autoptr(GkRegion) region = load_folder (fixture);
  g_autoptr(GHashTable) after = folder_state (fixture->dir);
  g_autofree char *working = g_build_filename (g_get_user_data_dir (), "gripkaart", "working", NULL);
  g_autofree char *base = g_path_get_basename (fixture->dir);

  g_assert_cmpuint (gk_region_get_paths (region)->len, ==, N_MEMBERS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_members (region)), ==, N_MEMBERS);
  g_assert_cmpstr (gk_region_get_name (region), ==, base);

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      GkRegionMember *member = member_at (region, i);
      g_autofree char *name = region_fixture_name (i);
      g_autofree char *title = g_strdup_printf ("Grip op jeugd %s", name);
      GPtrArray *topics = gk_region_member_get_topics (member);

      g_assert_null (gk_region_member_get_error (member));
      g_assert_cmpstr (gk_region_member_get_municipality (member), ==, name);
      g_assert_cmpstr (gk_region_member_get_title (member), ==, title);
      g_assert_cmpint (gk_region_member_get_headline (member), !=, GK_LEVEL_NONE);
      for (guint t = 0; t < topics->len; t++)
        g_assert_cmpint (((GkRegionTopic *) g_ptr_array_index (topics, t))->level, ==,
                         region_fixture_level (i, t));
      g_assert_cmpuint (gk_region_member_get_work (member)->len, >, 0);
      g_assert_cmpuint (gk_region_member_get_indicators (member)->len, >, 0);
    }

  /* Read, never changed, and nothing left behind. */
  assert_same_state (before, after);
  {
    g_autoptr(GDir) dir = g_dir_open (working, 0, NULL);
    const char *name = dir != NULL ? g_dir_read_name (dir) : NULL;

    g_assert_cmpstr (name, ==, NULL);
  }
}

static void
test_bad_member_left_out (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GkRegion) region = load_folder (fixture);
  g_autoptr(GkRegionMember) bad = g_list_model_get_item (gk_region_get_left_out (region), 0);
  g_autofree char *line = gk_region_describe_left_out (region);
  const GError *reason;

  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_left_out (region)), ==, 1);
  reason = gk_region_member_get_error (bad);
  g_assert_nonnull (reason);
  g_assert_true (reason->domain == GK_PROJECT_ERROR);
  g_assert_true (reason->code == GK_PROJECT_ERROR_DAMAGED || reason->code == GK_PROJECT_ERROR_NOT_PROJECT);
  g_assert_nonnull (strstr (reason->message, "000-Kapot.gripkaart"));
  g_assert_cmpstr (gk_region_member_get_display_name (bad), ==, "000-Kapot.gripkaart");
  g_assert_cmpstr (line, ==, "Left out 1 file: 000-Kapot.gripkaart");
}

static void
write_newer (const char *path)
{
  g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %d", GK_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, stamp, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_every_kind_of_bad_file (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct { const char *name; GkProjectError code; } expected[] = {
    { "foreign.gripkaart", GK_PROJECT_ERROR_NOT_PROJECT },
    { "newer.gripkaart", GK_PROJECT_ERROR_NEWER_VERSION },
    { "missing.gripkaart", GK_PROJECT_ERROR_NOT_FOUND },
  };
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *foreign = g_build_filename (fixture->dir, expected[0].name, NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, expected[1].name, NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, expected[2].name, NULL);
  g_autofree char *good = region_fixture_member_path (fixture->dir, 1);

  g_assert_true (g_file_set_contents (foreign, "Gemeente;Niveau\nUtrecht;Ernstig\n", -1, NULL));
  g_assert_true (region_fixture_write_member (newer, 9, &fixture->today, &error));
  g_assert_no_error (error);
  write_newer (newer);

  g_assert_true (gk_region_add_path (region, foreign, &error));
  g_assert_true (gk_region_add_path (region, newer, &error));
  g_assert_true (gk_region_add_path (region, missing, &error));
  g_assert_true (gk_region_add_path (region, good, &error));
  g_assert_true (gk_region_add_path (region, good, &error));   /* once */
  g_assert_true (gk_region_load (region, &fixture->today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_members (region)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_left_out (region)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GkRegionMember) bad = g_list_model_get_item (gk_region_get_left_out (region), i);

      g_assert_cmpstr (gk_region_member_get_display_name (bad), ==, expected[i].name);
      g_assert_error ((GError *) gk_region_member_get_error (bad), GK_PROJECT_ERROR, expected[i].code);
    }
}

static void
test_matrix_topics (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GkRegion) region = load_folder (fixture);
  g_autoptr(GPtrArray) names = gk_region_get_topic_names (region);
  GkRegionMember *full = member_at (region, 0);
  GkRegionMember *lacking = member_at (region, 2);   /* every third lacks the last topic */
  const char *last;

  g_assert_cmpuint (names->len, ==, gk_region_member_get_topics (full)->len);
  last = g_ptr_array_index (names, names->len - 1);
  g_assert_nonnull (gk_region_member_lookup_topic (full, last));
  g_assert_null (gk_region_member_lookup_topic (lacking, last));
  g_assert_cmpuint (gk_region_member_get_topics (lacking)->len, ==, names->len - 1);

  /* Matched by name, whatever the case and the spaces around it. */
  {
    g_autofree char *shouted = g_utf8_strup (g_ptr_array_index (names, 0), -1);
    g_autofree char *padded = g_strconcat ("  ", shouted, " ", NULL);

    g_assert_true (gk_region_member_lookup_topic (full, padded) ==
                   gk_region_member_lookup_topic (full, g_ptr_array_index (names, 0)));
  }
}

static void
test_shared_indicators (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GkRegion) region = load_folder (fixture);
  g_autoptr(GPtrArray) shared = gk_region_get_shared_indicators (region);
  GPtrArray *indicators = gk_region_member_get_indicators (member_at (region, 0));
  const GkRegionIndicator *last = g_ptr_array_index (indicators, indicators->len - 1);
  gboolean found_last = FALSE;

  /* All of the demo's indicators are shared; the last one by all but the
   * member that lacks it (number 3 of 0..5). */
  g_assert_cmpuint (shared->len, ==, indicators->len);
  for (guint i = 0; i < shared->len; i++)
    {
      GkRegionShared *entry = g_ptr_array_index (shared, i);

      g_assert_cmpuint (entry->members->len, ==, entry->indicators->len);
      if (g_str_equal (entry->name, last->name))
        {
          found_last = TRUE;
          g_assert_cmpuint (entry->members->len, ==, N_MEMBERS - 1);
          g_assert_cmpint (entry->unit, ==, last->unit);
          g_assert_cmpuint (((GkRegionIndicator *) g_ptr_array_index (entry->indicators, 0))->figures->len, >, 0);
        }
      else
        g_assert_cmpuint (entry->members->len, ==, N_MEMBERS);
    }
  g_assert_true (found_last);
  /* Most shared first. */
  g_assert_cmpstr (((GkRegionShared *) g_ptr_array_index (shared, shared->len - 1))->name, ==, last->name);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GkRegion) region = load_folder (fixture);
  g_autoptr(GPtrArray) poh = gk_region_search (region, "poh-JEUGD pilot");
  g_autoptr(GPtrArray) all = gk_region_search (region, "");
  g_autoptr(GPtrArray) none = gk_region_search (region, "bestaat-niet");
  guint n_work = 0;

  /* Who else runs POH-jeugd: every member has the pilot measure. */
  g_assert_cmpuint (poh->len, ==, N_MEMBERS);
  for (guint i = 0; i < poh->len; i++)
    {
      GkRegionHit *hit = g_ptr_array_index (poh, i);

      g_assert_cmpint (hit->work->kind, ==, GK_REGION_WORK_MEASURE);
      g_assert_cmpstr (hit->work->title, ==, "POH-jeugd in vier pilotpraktijken");
      g_assert_cmpstr (hit->work->project, ==, "POH-jeugd in elke huisartsenpraktijk");
      g_assert_true (hit->member == member_at (region, i));
      g_assert_nonnull (gk_region_work_status_label (hit->work));
    }
  for (guint i = 0; i < N_MEMBERS; i++)
    n_work += gk_region_member_get_work (member_at (region, i))->len;
  g_assert_cmpuint (all->len, ==, n_work);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_region_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GkRegion) again = gk_region_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (fixture->dir, "regio", NULL);
  g_autofree char *path = g_build_filename (sub, "Jeugdregio.gripkaart-region", NULL);
  g_autofree char *contents = NULL;
  GPtrArray *paths, *reopened;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (gk_region_add_path (region, fixture->dir, &error));
  gk_region_set_name (region, "Jeugdregio Midden");
  g_assert_true (gk_region_save (region, path, &error));
  g_assert_no_error (error);

  /* Relative to the region file: the folder can move as a whole. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "../001-Utrecht.gripkaart;"));
  g_assert_null (strstr (contents, fixture->dir));

  g_assert_true (gk_region_add_path (again, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_region_get_name (again), ==, "Jeugdregio Midden");
  paths = gk_region_get_paths (region);
  reopened = gk_region_get_paths (again);
  g_assert_cmpuint (reopened->len, ==, paths->len);
  for (guint i = 0; i < paths->len; i++)
    g_assert_cmpstr (g_ptr_array_index (reopened, i), ==, g_ptr_array_index (paths, i));

  /* Not a region file: a clear error. */
  g_assert_true (g_file_set_contents (path, "nonsense", -1, NULL));
  {
    g_autoptr(GkRegion) broken = gk_region_new ();

    g_assert_false (gk_region_add_path (broken, path, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "Jeugdregio.gripkaart-region"));
  }
  g_rmdir (sub);
}

typedef struct {
  guint      calls;
  guint      last_done;
  guint      total;
  gboolean   finished;
  gboolean   ok;
} AsyncState;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  /* In the thread that asked, never in a reading thread. */
  g_assert_true (g_thread_self () == main_thread);
  g_assert_false (state->finished);
  g_assert_cmpuint (done, >=, state->last_done);
  state->calls++;
  state->last_done = done;
  state->total = total;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->ok = gk_region_load_finish (GK_REGION (source), result, &error);
  g_assert_no_error (error);
  state->finished = TRUE;
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  g_assert_true (gk_region_add_path (region, fixture->dir, &error));
  gk_region_load_async (region, &fixture->today, NULL, on_progress, &state, on_loaded, &state);
  while (!state.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (state.ok);
  g_assert_cmpuint (state.calls, >=, 1);
  g_assert_cmpuint (state.last_done, ==, N_MEMBERS + 1);
  g_assert_cmpuint (state.total, ==, N_MEMBERS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_members (region)), ==, N_MEMBERS);
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_left_out (region)), ==, 1);
}

typedef struct {
  guint    n_changes;
  gboolean only_appended;
} Arrivals;

static void
members_changed_cb (GListModel *members,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Arrivals   *arrivals)
{
  /* The lists change in the thread that loads them, also when it is not
   * iterating its main context at that moment. */
  g_assert_true (g_thread_self () == main_thread);
  arrivals->n_changes++;
  if (removed != 0 || position + added != g_list_model_get_n_items (members))
    arrivals->only_appended = FALSE;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* While a region loads, the members read so far are in its list already,
 * in the order of its paths, only ever appended; at the end the list is
 * what a load all at once makes. The last member is held back, so the
 * others must arrive before it. */
static void
test_members_arrive_in_order (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GkRegion) at_once = gk_region_new ();
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };
  Arrivals arrivals = { 0, TRUE };
  RegionHolder holder = { 0 };
  gboolean timed_out = FALSE;
  GListModel *members = gk_region_get_members (region);
  GListModel *all = gk_region_get_members (at_once);
  GPtrArray *paths;
  guint timeout;

  g_assert_true (gk_region_add_path (region, fixture->dir, &error));
  g_assert_true (gk_region_add_path (at_once, fixture->dir, &error));
  g_assert_true (gk_region_load (at_once, &fixture->today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, N_MEMBERS);

  paths = gk_region_get_paths (region);
  g_mutex_init (&holder.mutex);
  g_cond_init (&holder.cond);
  holder.path = g_ptr_array_index (paths, paths->len - 1);
  gk_storage_set_step_hook_for_testing (region_hold_member_hook, &holder);
  g_signal_connect (members, "items-changed", G_CALLBACK (members_changed_cb), &arrivals);

  gk_region_load_async (region, &fixture->today, NULL, on_progress, &state, on_loaded, &state);
  /* The main context is not iterated until a reader holds the last member:
   * meanwhile the first batch went out, and must wait for this thread. */
  g_mutex_lock (&holder.mutex);
  while (!holder.holding)
    g_cond_wait (&holder.cond, &holder.mutex);
  g_mutex_unlock (&holder.mutex);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 0);
  g_assert_cmpuint (arrivals.n_changes, ==, 0);
  /* Every member but the held one arrives while the load still runs. */
  timeout = g_timeout_add_seconds (60, timed_out_cb, &timed_out);
  while (g_list_model_get_n_items (members) < N_MEMBERS - 1 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_assert_false (state.finished);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, N_MEMBERS - 1);
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_left_out (region)), ==, 1);
  for (guint i = 0; i < N_MEMBERS - 1; i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, i);
      g_autoptr(GkRegionMember) expected = g_list_model_get_item (all, i);

      g_assert_cmpstr (gk_region_member_get_path (member), ==, gk_region_member_get_path (expected));
    }

  g_mutex_lock (&holder.mutex);
  g_assert_true (holder.holding);
  holder.released = TRUE;
  g_cond_broadcast (&holder.cond);
  g_mutex_unlock (&holder.mutex);
  while (!state.finished && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  gk_storage_set_step_hook_for_testing (NULL, NULL);

  g_assert_true (state.ok);
  g_assert_true (arrivals.only_appended);
  g_assert_cmpuint (arrivals.n_changes, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, N_MEMBERS);
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_left_out (region)), ==, 1);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, i);
      g_autoptr(GkRegionMember) expected = g_list_model_get_item (all, i);

      g_assert_cmpstr (gk_region_member_get_path (member), ==, gk_region_member_get_path (expected));
      g_assert_cmpstr (gk_region_member_get_municipality (member), ==, gk_region_member_get_municipality (expected));
      g_assert_cmpint (gk_region_member_get_headline (member), ==, gk_region_member_get_headline (expected));
    }
  g_signal_handlers_disconnect_by_data (members, &arrivals);
  g_mutex_clear (&holder.mutex);
  g_cond_clear (&holder.cond);
}


static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GkRegion) region = gk_region_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_region_add_path (region, fixture->dir, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (gk_region_load (region, &fixture->today, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (gk_region_get_members (region)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  main_thread = g_thread_self ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/region/folder-members", test_folder_members);
  ADD ("/region/bad-member-left-out", test_bad_member_left_out);
  ADD ("/region/every-kind-of-bad-file", test_every_kind_of_bad_file);
  ADD ("/region/matrix-topics", test_matrix_topics);
  ADD ("/region/shared-indicators", test_shared_indicators);
  ADD ("/region/search", test_search);
  ADD ("/region/region-file", test_region_file);
  ADD ("/region/load-async", test_load_async);
  ADD ("/region/members-arrive-in-order", test_members_arrive_in_order);
  ADD ("/region/cancelled", test_cancelled);
#undef ADD

  status = g_test_run ();
  if (members_dir != NULL)
    remove_tree (members_dir);
  g_free (members_dir);
  return status;
}
