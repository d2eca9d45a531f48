/* gk-region-member.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-analysis.h"
#include "gk-document-private.h"
#include "gk-focus-project.h"
#include "gk-indicator.h"
#include "gk-measure.h"
#include "gk-measurement.h"
#include "gk-person.h"
#include "gk-programme.h"
#include "gk-project-snapshot.h"
#include "gk-region-member.h"
#include "gk-topic.h"

struct _GkRegionMember
{
  GObject      parent_instance;

  char        *path;
  char        *display_name;
  GError      *error;

  char        *municipality;
  char        *title;
  GkLevel      headline;
  GkGripTrend  trend;
  GPtrArray   *topics;       /* GkRegionTopic */
  GHashTable  *topic_index;  /* name key -> GkRegionTopic */
  GPtrArray   *indicators;   /* GkRegionIndicator */
  GPtrArray   *work;         /* GkRegionWork */
  GPtrArray   *signals;      /* GkRegionSignal */
};

G_DEFINE_FINAL_TYPE (GkRegionMember, gk_region_member, G_TYPE_OBJECT)

/* --- the parts ------------------------------------------------------------ */

static void
region_topic_free (gpointer data)
{
  GkRegionTopic *topic = data;

  g_free (topic->name);
  g_free (topic);
}

static void
region_indicator_free (gpointer data)
{
  GkRegionIndicator *indicator = data;

  for (guint i = 0; i < indicator->figures->len; i++)
    g_free (g_array_index (indicator->figures, GkRegionFigure, i).period);
  g_array_unref (indicator->figures);
  g_free (indicator->name);
  g_free (indicator);
}

static void
region_work_free (gpointer data)
{
  GkRegionWork *work = data;

  g_free (work->title);
  g_free (work->project);
  g_free (work->owner);
  g_free (work);
}

static void
region_signal_free (gpointer data)
{
  GkRegionSignal *signal = data;

  g_free (signal->message);
  g_free (signal);
}

const char *
gk_region_work_status_label (const GkRegionWork *work)
{
  if (work->kind == GK_REGION_WORK_PROJECT)
    return gk_project_status_label ((GkProjectStatus) work->status);
  return gk_measure_status_label ((GkMeasureStatus) work->status);
}

char *
gk_region_name_key (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
}

/* --- GObject --------------------------------------------------------------- */

static void
gk_region_member_finalize (GObject *object)
{
  GkRegionMember *self = GK_REGION_MEMBER (object);

  g_free (self->path);
  g_free (self->display_name);
  g_clear_error (&self->error);
  g_free (self->municipality);
  g_free (self->title);
  g_hash_table_unref (self->topic_index);
  g_ptr_array_unref (self->topics);
  g_ptr_array_unref (self->indicators);
  g_ptr_array_unref (self->work);
  g_ptr_array_unref (self->signals);

  G_OBJECT_CLASS (gk_region_member_parent_class)->finalize (object);
}

static void
gk_region_member_class_init (GkRegionMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_region_member_finalize;
}

static void
gk_region_member_init (GkRegionMember *self)
{
  self->topics = g_ptr_array_new_with_free_func (region_topic_free);
  self->topic_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->indicators = g_ptr_array_new_with_free_func (region_indicator_free);
  self->work = g_ptr_array_new_with_free_func (region_work_free);
  self->signals = g_ptr_array_new_with_free_func (region_signal_free);
}

static GkRegionMember *
member_new (const char *path)
{
  GkRegionMember *self = g_object_new (GK_TYPE_REGION_MEMBER, NULL);

  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  return self;
}

/* --- reading a file -------------------------------------------------------- */

static char *
person_name (GkDocument *document,
             gint64      id)
{
  GkPerson *person = id != 0 ? gk_document_lookup_person (document, id) : NULL;

  return g_strdup (person != NULL ? gk_person_get_name (person) : "");
}

static void
take_programme (GkRegionMember *self,
                GkDocument     *document)
{
  GkProgramme *programme = gk_document_get_programme (document);
  const char *municipality = programme != NULL ? gk_programme_get_municipality (programme) : "";
  const char *title = programme != NULL ? gk_programme_get_title (programme) : "";

  self->title = g_strdup (title);
  if (*municipality != '\0')
    self->municipality = g_strdup (municipality);
  else if (*title != '\0')
    self->municipality = g_strdup (title);
  else if (g_str_has_suffix (self->display_name, ".gripkaart"))
    self->municipality = g_strndup (self->display_name, strlen (self->display_name) - strlen (".gripkaart"));
  else
    self->municipality = g_strdup (self->display_name);
}

static void
take_topics (GkRegionMember *self,
             GkAnalysis     *analysis)
{
  for (guint i = 0; i < gk_analysis_get_n_topics (analysis); i++)
    {
      const GkTopicGrip *grip = gk_analysis_get_topic (analysis, i);
      GkRegionTopic *topic = g_new0 (GkRegionTopic, 1);

      topic->name = g_strdup (gk_topic_get_name (grip->topic));
      topic->level = grip->assessed;
      topic->signalled = grip->signalled;
      g_ptr_array_add (self->topics, topic);
      /* Two topics of one name: the first counts, as in the matrix. */
      g_hash_table_insert (self->topic_index, gk_region_name_key (topic->name), topic);
    }
}

static void
take_indicators (GkRegionMember *self,
                 GkDocument     *document,
                 GkAnalysis     *analysis)
{
  for (guint i = 0; i < gk_analysis_get_n_indicators (analysis); i++)
    {
      const GkIndicatorGrip *grip = gk_analysis_get_indicator (analysis, i);
      GkIndicator *record = grip->indicator;
      g_autoptr(GPtrArray) measurements =
        gk_document_get_measurements_for_indicator (document, gk_record_get_id (GK_RECORD (record)));
      GkRegionIndicator *indicator = g_new0 (GkRegionIndicator, 1);

      indicator->name = g_strdup (gk_indicator_get_name (record));
      indicator->unit = gk_indicator_get_unit (record);
      indicator->direction = gk_indicator_get_direction (record);
      indicator->frequency = gk_indicator_get_frequency (record);
      indicator->signalled = grip->signalled;
      indicator->figures = g_array_sized_new (FALSE, FALSE, sizeof (GkRegionFigure), measurements->len);
      for (guint m = 0; m < measurements->len; m++)
        {
          GkMeasurement *measurement = g_ptr_array_index (measurements, m);
          GkRegionFigure figure = { g_strdup (gk_measurement_get_period_date (measurement)),
                                    gk_measurement_get_value (measurement) };

          g_array_append_val (indicator->figures, figure);
        }
      g_ptr_array_add (self->indicators, indicator);
    }
}

static void
take_work (GkRegionMember *self,
           GkDocument     *document)
{
  GListModel *projects = gk_document_get_focus_projects (document);
  GListModel *measures = gk_document_get_measures (document);

  for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, p);
      gint64 project_id = gk_record_get_id (GK_RECORD (project));
      GkRegionWork *work = g_new0 (GkRegionWork, 1);

      work->kind = GK_REGION_WORK_PROJECT;
      work->title = g_strdup (gk_focus_project_get_name (project));
      work->status = gk_focus_project_get_status (project);
      work->owner = person_name (document, gk_focus_project_get_owner_id (project));
      g_ptr_array_add (self->work, work);

      /* Measures are sorted by project id: a scan per project is cheap
       * next to reading the file. */
      for (guint m = 0; m < g_list_model_get_n_items (measures); m++)
        {
          g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, m);
          GkRegionWork *item;

          if (gk_measure_get_project_id (measure) != project_id)
            continue;
          item = g_new0 (GkRegionWork, 1);
          item->kind = GK_REGION_WORK_MEASURE;
          item->title = g_strdup (gk_measure_get_title (measure));
          item->project = g_strdup (gk_focus_project_get_name (project));
          item->status = gk_measure_get_status (measure);
          item->owner = person_name (document, gk_measure_get_owner_id (measure));
          g_ptr_array_add (self->work, item);
        }
    }
}

static void
take_signals (GkRegionMember *self,
              GkAnalysis     *analysis)
{
  GPtrArray *signals = gk_analysis_get_signals (analysis);

  for (guint i = 0; i < signals->len; i++)
    {
      const GkAttentionSignal *signal = g_ptr_array_index (signals, i);
      GkRegionSignal *copy = g_new0 (GkRegionSignal, 1);

      copy->severity = signal->severity;
      copy->message = g_strdup (signal->message);
      g_ptr_array_add (self->signals, copy);
    }
}

static gboolean
summarise (GkRegionMember  *self,
           sqlite3         *db,
           const GDate     *today,
           GError         **error)
{
  g_autoptr(GkDocument) document = gk_document_new_for_db (db, error);
  g_autoptr(GkAnalysis) analysis = NULL;

  if (document == NULL)
    return FALSE;
  analysis = gk_analysis_new (document, today);

  take_programme (self, document);
  self->headline = gk_analysis_get_headline (analysis);
  self->trend = gk_analysis_get_trend (analysis);
  take_topics (self, analysis);
  take_indicators (self, document, analysis);
  take_work (self, document);
  take_signals (self, analysis);
  return TRUE;
}

GkRegionMember *
gk_region_member_load (const char     *path,
                       const GDate    *today,
                       const char     *tmp_dir,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GkRegionMember) self = NULL;
  g_autofree char *copy_path = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL && today != NULL && tmp_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = gk_project_snapshot_open (path, tmp_dir, &copy_path, cancellable, error);
  if (db == NULL)
    return NULL;

  self = member_new (path);
  ok = summarise (self, db, today, error);
  sqlite3_close (db);
  gk_project_snapshot_remove (copy_path);
  return ok ? g_steal_pointer (&self) : NULL;
}

GkRegionMember *
gk_region_member_new_left_out (const char   *path,
                               const GError *reason)
{
  GkRegionMember *self;

  g_return_val_if_fail (path != NULL && reason != NULL, NULL);

  self = member_new (path);
  self->error = g_error_copy (reason);
  self->municipality = g_strdup (self->display_name);
  self->title = g_strdup ("");
  return self;
}

/* --- reading it ------------------------------------------------------------- */

const char *
gk_region_member_get_path (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->path;
}

const char *
gk_region_member_get_display_name (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->display_name;
}

const GError *
gk_region_member_get_error (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->error;
}

const char *
gk_region_member_get_municipality (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->municipality;
}

const char *
gk_region_member_get_title (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->title;
}

GkLevel
gk_region_member_get_headline (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), GK_LEVEL_NONE);
  return self->headline;
}

GkGripTrend
gk_region_member_get_trend (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), GK_GRIP_TREND_UNKNOWN);
  return self->trend;
}

GPtrArray *
gk_region_member_get_topics (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->topics;
}

const GkRegionTopic *
gk_region_member_lookup_topic (GkRegionMember *self,
                               const char     *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);

  key = gk_region_name_key (name);
  return g_hash_table_lookup (self->topic_index, key);
}

GPtrArray *
gk_region_member_get_indicators (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->indicators;
}

GPtrArray *
gk_region_member_get_work (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->work;
}

GPtrArray *
gk_region_member_get_signals (GkRegionMember *self)
{
  g_return_val_if_fail (GK_IS_REGION_MEMBER (self), NULL);
  return self->signals;
}

/* NONE (not assessed) sorts after the levels. */
static int
headline_rank (GkLevel level)
{
  return level == GK_LEVEL_NONE ? 99 : (int) level;
}

int
gk_region_member_compare_headline (GkRegionMember *a,
                                   GkRegionMember *b)
{
  int by_level = headline_rank (a->headline) - headline_rank (b->headline);

  if (by_level != 0)
    return by_level;
  return g_utf8_collate (a->municipality, b->municipality);
}
