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

/* The text value of @column at @at: @now when the history holds none (the
 * field never changed), NULL when it held none. */
static char *
text_then (GkDocument *document,
           const char *table,
           gint64      id,
           const char *column,
           GDateTime  *at,
           const char *now,
           gboolean   *existed)
{
  g_autoptr(GVariant) value = NULL;

  *existed = gk_history_value_at (document, table, id, column, at, &value, NULL);
  if (!*existed)
    return g_strdup (now);
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_dup_string (value, NULL);
}

static gint64
number_then (GkDocument *document,
             const char *table,
             gint64      id,
             const char *column,
             GDateTime  *at,
             gint64      now)
{
  g_autoptr(GVariant) value = NULL;

  if (!gk_history_value_at (document, table, id, column, at, &value, NULL) || value == NULL)
    return now;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return (gint64) g_variant_get_double (value);
  return now;
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
measure_rolled_back (GkDocument    *document,
                     GkMeasure     *measure,
                     GDateTime     *at,
                     GkMeasureThen *then)
{
  gint64 id = gk_record_get_id (GK_RECORD (measure));
  g_autofree char *status = NULL;
  g_autofree char *done = NULL;
  gboolean existed, ignored;

  measure_as_now (measure, then);
  status = text_then (document, "measure", id, "status", at,
                      gk_measure_status_to_key (then->status), &existed);
  if (!existed)
    {
      /* Added later: as it is now, but it was not there yet. */
      then->existed = FALSE;
      return;
    }
  if (status == NULL || !gk_measure_status_from_key (status, &then->status))
    then->status = GK_MEASURE_STATUS_IDEA;
  then->progress = (int) CLAMP (number_then (document, "measure", id, "progress", at, then->progress), 0, 100);
  done = text_then (document, "measure", id, "done_date", at, gk_measure_get_done_date (measure), &ignored);
  then->done = parse_date (done);
}

static void
project_rolled_back (GkDocument     *document,
                     GkFocusProject *project,
                     GDateTime      *at,
                     GkProjectThen  *then)
{
  gint64 id = gk_record_get_id (GK_RECORD (project));
  g_autofree char *status = NULL;
  g_autofree char *health = NULL;
  gboolean existed, ignored;

  status = text_then (document, "focus_project", id, "status", at,
                      gk_project_status_to_key (gk_focus_project_get_status (project)), &existed);
  then->existed = existed;
  if (status == NULL || !gk_project_status_from_key (status, &then->status))
    then->status = gk_focus_project_get_status (project);
  health = text_then (document, "focus_project", id, "health", at,
                      gk_health_to_key (gk_focus_project_get_health (project)), &ignored);
  if (health == NULL || !gk_health_from_key (health, &then->health))
    then->health = gk_focus_project_get_health (project);
  then->health_reason = text_then (document, "focus_project", id, "health_reason", at,
                                   gk_focus_project_get_health_reason (project), &ignored);
}

static void
fill (GkPeriodState *self,
      GkDocument    *document,
      GDateTime     *at)
{
  GListModel *measures = gk_document_get_measures (document);
  GListModel *projects = gk_document_get_focus_projects (document);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      GkMeasureThen *then = g_new0 (GkMeasureThen, 1);

      if (at != NULL)
        measure_rolled_back (document, measure, at, then);
      else
        measure_as_now (measure, then);
      g_hash_table_insert (self->measures, id_key (gk_record_get_id (GK_RECORD (measure))), then);
    }
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      GkProjectThen *then = g_new0 (GkProjectThen, 1);

      if (at != NULL)
        project_rolled_back (document, project, at, then);
      else
        {
          then->existed = TRUE;
          then->status = gk_focus_project_get_status (project);
          then->health = gk_focus_project_get_health (project);
          then->health_reason = g_strdup (gk_focus_project_get_health_reason (project));
        }
      g_hash_table_insert (self->projects, id_key (gk_record_get_id (GK_RECORD (project))), then);
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
  fill (self, document, self->rolled_back ? at : NULL);
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
      then->existed = TRUE;
      then->status = gk_focus_project_get_status (project);
      then->health = gk_focus_project_get_health (project);
      then->health_reason = g_strdup (gk_focus_project_get_health_reason (project));
      g_hash_table_insert (self->projects, id_key (id), then);
    }
  return then;
}
