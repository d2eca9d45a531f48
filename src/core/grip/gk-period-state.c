/* gk-period-state.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-history.h"
#include "gk-period-state.h"

struct _GkPeriodState
{
  GObject     parent_instance;

  GDate       day;
  gboolean    known;
  gboolean    rolled_back;
  GHashTable *measures;   /* id -> GkMeasureThen */
  GHashTable *projects;   /* id -> GkProjectThen */
};

G_DEFINE_FINAL_TYPE (GkPeriodState, gk_period_state, G_TYPE_OBJECT)

static void
project_then_free (gpointer data)
{
  GkProjectThen *then = data;

  g_free ((char *) then->health_reason);
  g_free (then);
}

static void
gk_period_state_finalize (GObject *object)
{
  GkPeriodState *self = GK_PERIOD_STATE (object);

  g_hash_table_unref (self->measures);
  g_hash_table_unref (self->projects);

  G_OBJECT_CLASS (gk_period_state_parent_class)->finalize (object);
}

static void
gk_period_state_class_init (GkPeriodStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_period_state_finalize;
}

static void
gk_period_state_init (GkPeriodState *self)
{
  self->measures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->projects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, project_then_free);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static GDate
parse_date (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text != NULL && *text != '\0')
    g_date_set_parse (&date, text);
  return date;
}

/* The last second of @day, local time: a change made that day counts. */
static GDateTime *
end_of_day (const GDate *day)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                         g_date_get_day (day), 0, 0, 0);

  return g_date_time_add_seconds (midnight, 24 * 60 * 60 - 1);
}

/* The history reaches back to @at: it holds values, and every change after
 * @at holds its values (those before a file was migrated to schema 3 do
 * not, and one of them may have changed anything). */
static gboolean
history_reaches (GkDocument *document,
                 GDateTime  *at)
{
  g_autoptr(GDateTime) hidden = gk_history_dup_last_without_values (document);

  return gk_history_has_values (document) && (hidden == NULL || g_date_time_compare (hidden, at) <= 0);
}

/* One column of a whole table at @at: row id -> GVariant (NULL: none). */
static GHashTable *
column_at (GkDocument *document,
           const char *table,
           const char *column,
           GDateTime  *at)
{
  g_autoptr(GError) error = NULL;
  GHashTable *values = gk_history_values_at (document, table, column, at, &error);

  if (values == NULL)
    {
      g_warning ("The history of %s.%s: %s", table, column, error->message);
      values = g_hash_table_new (g_int64_hash, g_int64_equal);
    }
  return values;
}

/* The text of @id in @values; @fallback when the table holds none for it. */
static const char *
text_in (GHashTable *values,
         gint64      id,
         const char *fallback)
{
  GVariant *value;

  if (!g_hash_table_lookup_extended (values, &id, NULL, (gpointer *) &value))
    return fallback;
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ? g_variant_get_string (value, NULL)
                                                                             : NULL;
}

static gint64
number_in (GHashTable *values,
           gint64      id,
           gint64      fallback)
{
  GVariant *value = g_hash_table_lookup (values, &id);

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return (gint64) g_variant_get_double (value);
  return fallback;
}

static void
measure_as_now (GkMeasure     *measure,
                GkMeasureThen *then)
{
  then->existed = TRUE;
  then->status = gk_measure_get_status (measure);
  then->progress = gk_measure_get_progress (measure);
  then->done = parse_date (gk_measure_get_done_date (measure));
}

static void
project_as_now (GkFocusProject *project,
                GkProjectThen  *then)
{
  then->existed = TRUE;
  then->status = gk_focus_project_get_status (project);
  then->health = gk_focus_project_get_health (project);
  then->health_reason = g_strdup (gk_focus_project_get_health_reason (project));
}

/* Each measure as it stood at @at (NULL: as it is), a pass over the log
 * per column. A row the status column does not hold did not exist then. */
static void
fill_measures (GkPeriodState *self,
               GkDocument    *document,
               GDateTime     *at)
{
  GListModel *measures = gk_document_get_measures (document);
  g_autoptr(GHashTable) status = at != NULL ? column_at (document, "measure", "status", at) : NULL;
  g_autoptr(GHashTable) progress = at != NULL ? column_at (document, "measure", "progress", at) : NULL;
  g_autoptr(GHashTable) done = at != NULL ? column_at (document, "measure", "done_date", at) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      gint64 id = gk_record_get_id (GK_RECORD (measure));
      GkMeasureThen *then = g_new0 (GkMeasureThen, 1);

      measure_as_now (measure, then);
      if (at != NULL)
        {
          const char *key = text_in (status, id, NULL);

          then->existed = g_hash_table_contains (status, &id);
          if (key == NULL || !gk_measure_status_from_key (key, &then->status))
            then->status = then->existed ? GK_MEASURE_STATUS_IDEA : then->status;
          then->progress = (int) CLAMP (number_in (progress, id, then->progress), 0, 100);
          then->done = parse_date (text_in (done, id, gk_measure_get_done_date (measure)));
        }
      g_hash_table_insert (self->measures, id_key (id), then);
    }
}

static void
fill_projects (GkPeriodState *self,
               GkDocument    *document,
               GDateTime     *at)
{
  GListModel *projects = gk_document_get_focus_projects (document);
  g_autoptr(GHashTable) status = at != NULL ? column_at (document, "focus_project", "status", at) : NULL;
  g_autoptr(GHashTable) health = at != NULL ? column_at (document, "focus_project", "health", at) : NULL;
  g_autoptr(GHashTable) reason = at != NULL ? column_at (document, "focus_project", "health_reason", at) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      gint64 id = gk_record_get_id (GK_RECORD (project));
      GkProjectThen *then = g_new0 (GkProjectThen, 1);

      project_as_now (project, then);
      if (at != NULL)
        {
          const char *status_key = text_in (status, id, NULL);
          const char *health_key = text_in (health, id, NULL);

          then->existed = g_hash_table_contains (status, &id);
          if (status_key != NULL)
            gk_project_status_from_key (status_key, &then->status);
          if (health_key != NULL)
            gk_health_from_key (health_key, &then->health);
          g_free ((char *) then->health_reason);
          then->health_reason = g_strdup (text_in (reason, id, gk_focus_project_get_health_reason (project)));
        }
      g_hash_table_insert (self->projects, id_key (id), then);
    }
}

GkPeriodState *
gk_period_state_new (GkDocument  *document,
                     const GDate *day,
                     const GDate *today)
{
  g_autoptr(GDateTime) at = NULL;
  GkPeriodState *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_object_new (GK_TYPE_PERIOD_STATE, NULL);
  self->day = *day;
  if (today == NULL || !g_date_valid (today) || g_date_compare (day, today) < 0)
    {
      at = end_of_day (day);
      self->known = history_reaches (document, at);
      self->rolled_back = self->known;
    }
  else
    self->known = TRUE;
  fill_measures (self, document, self->rolled_back ? at : NULL);
  fill_projects (self, document, self->rolled_back ? at : NULL);
  return self;
}

const GDate *
gk_period_state_get_day (GkPeriodState *self)
{
  g_return_val_if_fail (GK_IS_PERIOD_STATE (self), NULL);
  return &self->day;
}

gboolean
gk_period_state_is_known (GkPeriodState *self)
{
  g_return_val_if_fail (GK_IS_PERIOD_STATE (self), FALSE);
  return self->known;
}

gboolean
gk_period_state_is_rolled_back (GkPeriodState *self)
{
  g_return_val_if_fail (GK_IS_PERIOD_STATE (self), FALSE);
  return self->rolled_back;
}

const GkMeasureThen *
gk_period_state_get_measure (GkPeriodState *self,
                             GkMeasure     *measure)
{
  gint64 id = gk_record_get_id (GK_RECORD (measure));
  GkMeasureThen *then;

  g_return_val_if_fail (GK_IS_PERIOD_STATE (self), NULL);

  then = g_hash_table_lookup (self->measures, &id);
  if (then == NULL)
    {
      /* A record that came after the state was made: as it is. */
      then = g_new0 (GkMeasureThen, 1);
      measure_as_now (measure, then);
      g_hash_table_insert (self->measures, id_key (id), then);
    }
  return then;
}

const GkProjectThen *
gk_period_state_get_project (GkPeriodState  *self,
                             GkFocusProject *project)
{
  gint64 id = gk_record_get_id (GK_RECORD (project));
  GkProjectThen *then;

  g_return_val_if_fail (GK_IS_PERIOD_STATE (self), NULL);

  then = g_hash_table_lookup (self->projects, &id);
  if (then == NULL)
    {
      then = g_new0 (GkProjectThen, 1);
      project_as_now (project, then);
      g_hash_table_insert (self->projects, id_key (id), then);
    }
  return then;
}
