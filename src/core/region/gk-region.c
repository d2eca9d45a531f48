/* gk-region.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-region.h"

#define REGION_GROUP       "Region"
#define REGION_KEY_NAME    "Name"
#define REGION_KEY_MEMBERS "Members"

/* Reading a member is mostly SQLite's checks: CPU work, a thread each. */
#define MAX_LOAD_THREADS 8

struct _GkRegion
{
  GObject     parent_instance;

  char       *name;
  GPtrArray  *paths;     /* canonical absolute paths */
  GHashTable *known;     /* the same, as a set */
  GListStore *members;
  GListStore *left_out;
};

G_DEFINE_FINAL_TYPE (GkRegion, gk_region, G_TYPE_OBJECT)

static void
gk_region_finalize (GObject *object)
{
  GkRegion *self = GK_REGION (object);

  g_free (self->name);
  g_ptr_array_unref (self->paths);
  g_hash_table_unref (self->known);
  g_object_unref (self->members);
  g_object_unref (self->left_out);

  G_OBJECT_CLASS (gk_region_parent_class)->finalize (object);
}

static void
gk_region_class_init (GkRegionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_region_finalize;
}

static void
gk_region_init (GkRegion *self)
{
  self->name = g_strdup ("");
  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->known = g_hash_table_new (g_str_hash, g_str_equal);
  self->members = g_list_store_new (GK_TYPE_REGION_MEMBER);
  self->left_out = g_list_store_new (GK_TYPE_REGION_MEMBER);
}

GkRegion *
gk_region_new (void)
{
  return g_object_new (GK_TYPE_REGION, NULL);
}

/* --- the member files ------------------------------------------------------ */

static void
add_member_file (GkRegion   *self,
                 const char *path,
                 const char *relative_to)
{
  char *canonical = g_canonicalize_filename (path, relative_to);

  if (g_hash_table_contains (self->known, canonical))
    {
      g_free (canonical);
      return;
    }
  g_ptr_array_add (self->paths, canonical);
  g_hash_table_add (self->known, canonical);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
add_folder (GkRegion    *self,
            const char  *folder,
            GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  /* Hidden files are what programs leave half written (a demo being
   * written, a save in progress), not members. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".gripkaart"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      add_member_file (self, path, NULL);
    }
  if (*self->name == '\0')
    {
      g_free (self->name);
      self->name = g_filename_display_basename (folder);
    }
  return TRUE;
}

static gboolean
add_region_file (GkRegion    *self,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  g_auto(GStrv) members = NULL;
  g_autofree char *name = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &local_error) ||
      (members = g_key_file_get_string_list (key_file, REGION_GROUP, REGION_KEY_MEMBERS, NULL,
                                             &local_error)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a region file that Gripkaart can read (%s)."),
                   display, local_error->message);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  {
    g_autofree char *absolute = g_canonicalize_filename (dir, NULL);

    for (guint i = 0; members[i] != NULL; i++)
      if (*members[i] != '\0')
        add_member_file (self, members[i], absolute);
  }

  name = g_key_file_get_string (key_file, REGION_GROUP, REGION_KEY_NAME, NULL);
  if (name != NULL && *name != '\0' && *self->name == '\0')
    {
      g_free (self->name);
      self->name = g_steal_pointer (&name);
    }
  return TRUE;
}

gboolean
gk_region_add_path (GkRegion    *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (GK_IS_REGION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return add_folder (self, path, error);
  if (g_str_has_suffix (path, GK_REGION_FILE_SUFFIX))
    return add_region_file (self, path, error);
  add_member_file (self, path, NULL);
  return TRUE;
}

GPtrArray *
gk_region_get_paths (GkRegion *self)
{
  g_return_val_if_fail (GK_IS_REGION (self), NULL);
  return self->paths;
}

const char *
gk_region_get_name (GkRegion *self)
{
  g_return_val_if_fail (GK_IS_REGION (self), NULL);
  return self->name;
}

void
gk_region_set_name (GkRegion   *self,
                    const char *name)
{
  g_return_if_fail (GK_IS_REGION (self));

  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : "");
}

/* --- the region file --------------------------------------------------------- */

/* path relative to dir ("../buren/Zeist.gripkaart"), with / between the
 * parts so that the file reads the same on every computer of the team. */
static char *
relative_path (const char *dir,
               const char *path)
{
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) ancestor = g_file_new_for_path (dir);
  g_autoptr(GString) ups = g_string_new (NULL);

  while (ancestor != NULL)
    {
      g_autofree char *below = g_file_get_relative_path (ancestor, target);
      GFile *parent;

      if (below != NULL)
        {
          g_string_append (ups, below);
          return g_string_free (g_steal_pointer (&ups), FALSE);
        }
      parent = g_file_get_parent (ancestor);
      g_object_unref (ancestor);
      ancestor = parent;
      g_string_append (ups, "../");
    }
  return g_strdup (path);
}

gboolean
gk_region_save (GkRegion    *self,
                const char  *path,
                GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GK_IS_REGION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (absolute);
  for (guint i = 0; i < self->paths->len; i++)
    g_ptr_array_add (members, relative_path (dir, g_ptr_array_index (self->paths, i)));
  g_ptr_array_add (members, NULL);

  g_key_file_set_string (key_file, REGION_GROUP, REGION_KEY_NAME, self->name);
  g_key_file_set_string_list (key_file, REGION_GROUP, REGION_KEY_MEMBERS,
                              (const char * const *) members->pdata, self->paths->len);
  data = g_key_file_to_data (key_file, &length, NULL);
  /* g_file_set_contents writes beside and renames. */
  return g_file_set_contents (absolute, data, length, error);
}

/* --- loading ------------------------------------------------------------------ */

typedef struct {
  GPtrArray    *paths;     /* borrowed from the caller's copy */
  GDate         today;
  char         *tmp_dir;
  GCancellable *cancellable;
  GkRegionMember **results;
  gboolean     *finished;  /* results[i] is final (a member, or NULL when cancelled) */

  GMutex        mutex;
  GCond         cond;
  guint         done;
} LoadJob;

/* Members read, results[from] up to results[to] (NULL where cancelled),
 * told from the thread that waits for the workers. */
typedef void (*BatchFunc) (GkRegionMember **results,
                           guint            from,
                           guint            to,
                           gpointer         user_data);

/* How often the members read so far are handed on while a region loads:
 * often enough to look live, seldom enough that the window does not
 * rebuild its page for each of 342 members. */
#define BATCH_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

/* The first index from @from on that is not final yet; under the mutex. */
static guint
finished_prefix (LoadJob *job,
                 guint    from)
{
  while (from < job->paths->len && job->finished[from])
    from++;
  return from;
}

static void
load_one (gpointer data,
          gpointer user_data)
{
  LoadJob *job = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  const char *path = g_ptr_array_index (job->paths, index);
  g_autoptr(GError) error = NULL;
  GkRegionMember *member = NULL;

  if (!g_cancellable_is_cancelled (job->cancellable))
    {
      member = gk_region_member_load (path, &job->today, job->tmp_dir, job->cancellable, &error);
      if (member == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        member = gk_region_member_new_left_out (path, error);
    }

  g_mutex_lock (&job->mutex);
  job->results[index] = member;
  job->finished[index] = TRUE;
  job->done++;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

/* Reads every path in a pool of threads; returns the members in the order
 * of paths (NULL where cancelled), telling progress from this thread, and
 * (when batch is not NULL) handing on the members read so far in the
 * order of paths: at once until one that could be read went out, then at
 * most every BATCH_INTERVAL_US, the last when all are read. */
static GkRegionMember **
load_members (GPtrArray             *paths,
              const GDate           *today,
              GCancellable          *cancellable,
              GkRegionProgressFunc   progress,
              BatchFunc              batch,
              gpointer               user_data,
              GError               **error)
{
  LoadJob job = { paths, *today, NULL, cancellable, NULL, NULL };
  GThreadPool *pool;
  guint threads = CLAMP (g_get_num_processors (), 1, MAX_LOAD_THREADS);
  guint told = 0;
  guint delivered = 0;
  gint64 last_batch = 0;
  gboolean any_read = FALSE;

  job.tmp_dir = g_dir_make_tmp ("gripkaart-region-XXXXXX", error);
  if (job.tmp_dir == NULL)
    return NULL;
  job.results = g_new0 (GkRegionMember *, paths->len + 1);
  job.finished = g_new0 (gboolean, paths->len + 1);
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);

  pool = g_thread_pool_new (load_one, &job, MIN (threads, MAX (paths->len, 1)), TRUE, NULL);
  for (guint i = 0; i < paths->len; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);

  g_mutex_lock (&job.mutex);
  while (told < paths->len)
    {
      guint done, ready;
      gint64 now;

      if (job.done == told)
        {
          /* Members read but not handed on wait at most until their batch is due. */
          if (batch != NULL && any_read && finished_prefix (&job, delivered) > delivered)
            g_cond_wait_until (&job.cond, &job.mutex, last_batch + BATCH_INTERVAL_US);
          else
            g_cond_wait (&job.cond, &job.mutex);
        }
      done = job.done;
      ready = finished_prefix (&job, delivered);
      g_mutex_unlock (&job.mutex);

      /* results[delivered..ready) are final: no worker writes them again.
       * Until a member that could be read went out, a batch goes at once:
       * the first page waits for nobody (the bad files a folder starts
       * with least of all). */
      now = g_get_monotonic_time ();
      if (batch != NULL && ready > delivered &&
          (ready == paths->len || !any_read || now >= last_batch + BATCH_INTERVAL_US))
        {
          batch (job.results, delivered, ready, user_data);
          for (guint i = delivered; i < ready && !any_read; i++)
            any_read = job.results[i] != NULL && gk_region_member_get_error (job.results[i]) == NULL;
          delivered = ready;
          last_batch = now;
        }
      if (done != told && progress != NULL)
        progress (done, paths->len, user_data);
      told = done;
      g_mutex_lock (&job.mutex);
    }
  g_mutex_unlock (&job.mutex);

  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);
  g_free (job.finished);
  g_rmdir (job.tmp_dir);
  g_free (job.tmp_dir);
  return job.results;
}

/* Puts results[from] up to results[to] into the lists: in place of what
 * they held when from is 0, after it otherwise. Takes the references. */
static void
add_members (GkRegion        *self,
             GkRegionMember **results,
             guint            from,
             guint            to)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_members = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  guint n_left_out = g_list_model_get_n_items (G_LIST_MODEL (self->left_out));

  for (guint i = from; i < to; i++)
    {
      if (results[i] == NULL)
        continue;
      if (gk_region_member_get_error (results[i]) != NULL)
        g_ptr_array_add (left_out, results[i]);
      else
        g_ptr_array_add (read, results[i]);
    }
  /* Left out first: whoever follows the members finds them told. */
  if (from == 0)
    {
      g_list_store_splice (self->left_out, 0, n_left_out, left_out->pdata, left_out->len);
      g_list_store_splice (self->members, 0, n_members, read->pdata, read->len);
      return;
    }
  if (left_out->len > 0)
    g_list_store_splice (self->left_out, n_left_out, 0, left_out->pdata, left_out->len);
  if (read->len > 0)
    g_list_store_splice (self->members, n_members, 0, read->pdata, read->len);
}

/* Puts the members read from results[from] on into the lists (those
 * before are there already); FALSE when some were not read because the
 * load was cancelled. */
static gboolean
apply_members (GkRegion        *self,
               GkRegionMember **results,
               guint            n_results,
               guint            from,
               GError         **error)
{
  gboolean complete = TRUE;

  for (guint i = 0; i < n_results; i++)
    {
      if (results[i] == NULL)
        complete = FALSE;
      else if (i < from)
        g_object_unref (results[i]);
    }
  add_members (self, results, from, n_results);
  g_free (results);
  if (!complete)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Opening the region was cancelled."));
  return complete;
}

gboolean
gk_region_load (GkRegion              *self,
                const GDate           *today,
                GCancellable          *cancellable,
                GkRegionProgressFunc   progress,
                gpointer               user_data,
                GError               **error)
{
  GkRegionMember **results;

  g_return_val_if_fail (GK_IS_REGION (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  results = load_members (self->paths, today, cancellable, progress, NULL, user_data, error);
  if (results == NULL)
    return FALSE;
  return apply_members (self, results, self->paths->len, 0, error);
}

typedef struct {
  GPtrArray            *paths;   /* a copy: the region may gain paths meanwhile */
  GDate                 today;
  GkRegionProgressFunc  progress;
  gpointer              user_data;
  GMainContext         *context;
  GTask                *task;     /* not owned: the task owns this */
  guint                 applied;  /* results before this are in the lists (main context) */
} AsyncLoad;

static void
async_load_free (gpointer data)
{
  AsyncLoad *load = data;

  g_ptr_array_unref (load->paths);
  g_main_context_unref (load->context);
  g_free (load);
}

typedef struct {
  GkRegionProgressFunc progress;
  gpointer             user_data;
  guint                done;
  guint                total;
} ProgressCall;

static gboolean
call_progress (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->done, call->total, call->user_data);
  return G_SOURCE_REMOVE;
}

typedef struct {
  GTask           *task;
  GkRegionMember **members;   /* references, NULL where cancelled */
  guint            from;
  guint            to;
} BatchCall;

/* Runs @func in @context's own thread, in the order of the calls, before
 * anything of default priority (the task's result). Not
 * g_main_context_invoke(): from a worker it calls @func right there when
 * the context happens to be free (the main thread between two iterations),
 * and the lists' followers, widgets among them, would then change in the
 * worker. */
static void
call_in_context (GMainContext   *context,
                 GSourceFunc     func,
                 gpointer        data,
                 GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[gripkaart] region load");
  g_source_attach (source, context);
  g_source_unref (source);
}

static void
batch_call_free (gpointer data)
{
  BatchCall *call = data;

  for (guint i = 0; i < call->to - call->from; i++)
    g_clear_object (&call->members[i]);
  g_free (call->members);
  g_object_unref (call->task);
  g_free (call);
}

static gboolean
call_batch (gpointer data)
{
  BatchCall *call = data;
  AsyncLoad *load = g_task_get_task_data (call->task);
  GkRegion *self = g_task_get_source_object (call->task);
  GkRegionMember **members = g_new0 (GkRegionMember *, call->to);

  /* add_members() takes the references, by index. */
  for (guint i = call->from; i < call->to; i++)
    members[i] = g_steal_pointer (&call->members[i - call->from]);
  add_members (self, members, call->from, call->to);
  g_free (members);
  load->applied = call->to;
  return G_SOURCE_REMOVE;
}

static void
batch_to_context (GkRegionMember **results,
                  guint            from,
                  guint            to,
                  gpointer         user_data)
{
  AsyncLoad *load = user_data;
  BatchCall *call = g_new0 (BatchCall, 1);

  call->task = g_object_ref (load->task);
  call->members = g_new0 (GkRegionMember *, to - from);
  for (guint i = from; i < to; i++)
    call->members[i - from] = results[i] != NULL ? g_object_ref (results[i]) : NULL;
  call->from = from;
  call->to = to;
  /* As the progress, and before it: the lists grow, then it is told. */
  call_in_context (load->context, call_batch, call, batch_call_free);
}

static void
progress_to_context (guint    done,
                     guint    total,
                     gpointer user_data)
{
  AsyncLoad *load = user_data;
  ProgressCall *call;

  if (load->progress == NULL)
    return;
  call = g_new (ProgressCall, 1);
  *call = (ProgressCall) { load->progress, load->user_data, done, total };
  /* Before the task's result (default priority) lands. */
  call_in_context (load->context, call_progress, call, g_free);
}

typedef struct {
  GkRegionMember **results;
  guint            n_results;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  for (guint i = 0; i < result->n_results; i++)
    g_clear_object (&result->results[i]);
  g_free (result->results);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AsyncLoad *load = task_data;
  GError *error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->results = load_members (load->paths, &load->today, cancellable, progress_to_context,
                                  batch_to_context, load, &error);
  if (result->results == NULL)
    {
      g_free (result);
      g_task_return_error (task, error);
      return;
    }
  result->n_results = load->paths->len;
  g_task_return_pointer (task, result, load_result_free);
}

void
gk_region_load_async (GkRegion              *self,
                      const GDate           *today,
                      GCancellable          *cancellable,
                      GkRegionProgressFunc   progress,
                      gpointer               user_data,
                      GAsyncReadyCallback    callback,
                      gpointer               callback_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncLoad *load;

  g_return_if_fail (GK_IS_REGION (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  load = g_new0 (AsyncLoad, 1);
  load->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->paths->len; i++)
    g_ptr_array_add (load->paths, g_strdup (g_ptr_array_index (self->paths, i)));
  load->today = *today;
  load->progress = progress;
  load->user_data = user_data;
  load->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, callback_data);
  load->task = task;
  g_task_set_source_tag (task, gk_region_load_async);
  g_task_set_task_data (task, load, async_load_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
gk_region_load_finish (GkRegion      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  LoadResult *loaded;
  GkRegionMember **results;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  results = g_steal_pointer (&loaded->results);
  {
    guint n = loaded->n_results;
    AsyncLoad *load = g_task_get_task_data (G_TASK (result));

    loaded->n_results = 0;
    load_result_free (loaded);
    /* The batches brought those before load->applied already. */
    return apply_members (self, results, n, load->applied, error);
  }
}

GListModel *
gk_region_get_members (GkRegion *self)
{
  g_return_val_if_fail (GK_IS_REGION (self), NULL);
  return G_LIST_MODEL (self->members);
}

GListModel *
gk_region_get_left_out (GkRegion *self)
{
  g_return_val_if_fail (GK_IS_REGION (self), NULL);
  return G_LIST_MODEL (self->left_out);
}

char *
gk_region_describe_left_out (GkRegion *self)
{
  GListModel *left_out = G_LIST_MODEL (self->left_out);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (left_out);

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (left_out, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, gk_region_member_get_display_name (member));
    }
  /* Translators: the files of a region that could not be read */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Left out %u file: %s", "Left out %u files: %s", n),
                          n, names->str);
}

/* --- what the views need -------------------------------------------------------- */

GPtrArray *
gk_region_get_topic_names (GkRegion *self)
{
  GListModel *members = G_LIST_MODEL (self->members);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, m);
      GPtrArray *topics = gk_region_member_get_topics (member);

      for (guint t = 0; t < topics->len; t++)
        {
          const GkRegionTopic *topic = g_ptr_array_index (topics, t);
          char *key = gk_region_name_key (topic->name);

          if (g_hash_table_add (seen, key))
            g_ptr_array_add (names, g_strdup (topic->name));
        }
    }
  return names;
}

void
gk_region_shared_free (GkRegionShared *shared)
{
  if (shared == NULL)
    return;
  g_free (shared->name);
  g_ptr_array_unref (shared->members);
  g_ptr_array_unref (shared->indicators);
  g_free (shared);
}

static int
compare_shared (gconstpointer a,
                gconstpointer b)
{
  const GkRegionShared *sa = *(const GkRegionShared * const *) a;
  const GkRegionShared *sb = *(const GkRegionShared * const *) b;

  if (sa->members->len != sb->members->len)
    return sa->members->len > sb->members->len ? -1 : 1;
  return g_utf8_collate (sa->name, sb->name);
}

GPtrArray *
gk_region_get_shared_indicators (GkRegion *self)
{
  GListModel *members = G_LIST_MODEL (self->members);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_region_shared_free);
  GPtrArray *shared = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_region_shared_free);

  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, m);
      GPtrArray *indicators = gk_region_member_get_indicators (member);

      for (guint i = 0; i < indicators->len; i++)
        {
          const GkRegionIndicator *indicator = g_ptr_array_index (indicators, i);
          g_autofree char *name_key = gk_region_name_key (indicator->name);
          char *key = g_strdup_printf ("%s\x1f%d", name_key, indicator->unit);
          GkRegionShared *entry = g_hash_table_lookup (by_key, key);

          if (entry == NULL)
            {
              entry = g_new0 (GkRegionShared, 1);
              entry->name = g_strdup (indicator->name);
              entry->unit = indicator->unit;
              entry->members = g_ptr_array_new_with_free_func (g_object_unref);
              entry->indicators = g_ptr_array_new ();
              g_hash_table_insert (by_key, key, entry);
              g_ptr_array_add (all, entry);
            }
          else
            g_free (key);

          /* A member's second indicator of the same name: its first counts. */
          if (entry->members->len > 0 &&
              g_ptr_array_index (entry->members, entry->members->len - 1) == member)
            continue;
          g_ptr_array_add (entry->members, g_object_ref (member));
          g_ptr_array_add (entry->indicators, (gpointer) indicator);
        }
    }

  for (guint i = 0; i < all->len; i++)
    if (((GkRegionShared *) g_ptr_array_index (all, i))->members->len >= 2)
      g_ptr_array_add (shared, g_ptr_array_steal_index (all, i--));
  g_ptr_array_sort (shared, compare_shared);
  return shared;
}

static gboolean
holds_every_word (const char         *haystack,
                  const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

GPtrArray *
gk_region_search (GkRegion   *self,
                  const char *query)
{
  GListModel *members = G_LIST_MODEL (self->members);
  g_autofree char *query_key = gk_region_name_key (query);
  g_auto(GStrv) words = g_strsplit_set (query_key, " \t", -1);
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_free);

  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, m);
      GPtrArray *work = gk_region_member_get_work (member);

      for (guint w = 0; w < work->len; w++)
        {
          const GkRegionWork *item = g_ptr_array_index (work, w);
          g_autofree char *text = g_strjoin (" ", item->title, item->project != NULL ? item->project : "",
                                             item->owner, gk_region_member_get_municipality (member), NULL);
          g_autofree char *key = gk_region_name_key (text);
          GkRegionHit *hit;

          if (!holds_every_word (key, (const char * const *) words))
            continue;
          hit = g_new (GkRegionHit, 1);
          hit->member = member;   /* the list holds it */
          hit->work = item;
          g_ptr_array_add (hits, hit);
        }
    }
  return hits;
}
