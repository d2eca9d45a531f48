/* gk-owner-load.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over projects, measures and topics, with a table from owner id
 * to load, so that the team page stays quick with hundreds of measures.
 */
#include "config.h"

#include "gk-attention.h"
#include "gk-date.h"
#include "gk-owner-load.h"

static GkOwnerLoad *
owner_load_new (GkPerson *person)
{
  GkOwnerLoad *load = g_new0 (GkOwnerLoad, 1);

  load->person = person;
  load->projects = g_ptr_array_new ();
  load->measures = g_ptr_array_new ();
  load->topics = g_ptr_array_new ();
  return load;
}

void
gk_owner_load_free (GkOwnerLoad *load)
{
  if (load == NULL)
    return;
  g_ptr_array_unref (load->projects);
  g_ptr_array_unref (load->measures);
  g_ptr_array_unref (load->topics);
  g_free (load);
}

guint
gk_owner_load_get_n_items (const GkOwnerLoad *load)
{
  g_return_val_if_fail (load != NULL, 0);
  return load->projects->len + load->measures->len + load->topics->len;
}

gboolean
gk_owner_load_measure_is_overdue (GkMeasure   *measure,
                                  const GDate *today)
{
  GDate due;

  g_return_val_if_fail (GK_IS_MEASURE (measure), FALSE);

  if (!gk_date_parse_iso (gk_measure_get_due_date (measure), &due))
    return FALSE;
  return gk_attention_measure_overdue (gk_measure_get_status (measure), &due, today);
}

/* The load of @owner_id; items of an owner that is not in the people list
 * (which the file's foreign keys do not allow) count as nobody's. */
static GkOwnerLoad *
load_for (GHashTable  *by_owner,
          GkOwnerLoad *nobody,
          gint64       owner_id)
{
  GkOwnerLoad *load = owner_id != 0 ? g_hash_table_lookup (by_owner, &owner_id) : NULL;

  return load != NULL ? load : nobody;
}

gboolean
gk_owner_load_project_is_off_track (GkFocusProject *project)
{
  GkProjectStatus status;

  g_return_val_if_fail (GK_IS_FOCUS_PROJECT (project), FALSE);

  status = gk_focus_project_get_status (project);

  /* As the attention signal: health matters while the project runs. */
  return gk_focus_project_get_health (project) == GK_HEALTH_OFF_TRACK &&
         (status == GK_PROJECT_STATUS_ACTIVE || status == GK_PROJECT_STATUS_PAUSED);
}

static void
collect_projects (GkDocument *document,
                  GHashTable *by_owner,
                  GkOwnerLoad *nobody)
{
  GListModel *projects = gk_document_get_focus_projects (document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);
      GkOwnerLoad *load = load_for (by_owner, nobody, gk_focus_project_get_owner_id (project));

      g_ptr_array_add (load->projects, project);
      if (gk_owner_load_project_is_off_track (project))
        load->n_off_track++;
    }
}

static void
collect_measures (GkDocument  *document,
                  const GDate *today,
                  GHashTable  *by_owner,
                  GkOwnerLoad *nobody)
{
  GListModel *measures = gk_document_get_measures (document);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (measures, i);
      GkOwnerLoad *load = load_for (by_owner, nobody, gk_measure_get_owner_id (measure));

      g_ptr_array_add (load->measures, measure);
      if (gk_owner_load_measure_is_overdue (measure, today))
        load->n_overdue++;
    }
}

static void
collect_topics (GkDocument  *document,
                GkAnalysis  *analysis,
                GHashTable  *by_owner,
                GkOwnerLoad *nobody)
{
  GListModel *topics = gk_document_get_topics (document);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, i);
      GkOwnerLoad *load = load_for (by_owner, nobody, gk_topic_get_owner_id (topic));
      const GkTopicGrip *grip = gk_analysis_lookup_topic (analysis, gk_record_get_id (GK_RECORD (topic)));

      g_ptr_array_add (load->topics, topic);
      if (grip != NULL && grip->assessed == GK_LEVEL_SERIOUS)
        load->n_serious++;
    }
}

GPtrArray *
gk_owner_load_collect (GkDocument *document,
                       GkAnalysis *analysis)
{
  GListModel *people;
  g_autoptr(GHashTable) by_owner = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GkOwnerLoad) nobody = owner_load_new (NULL);
  GPtrArray *loads = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_owner_load_free);

  g_return_val_if_fail (GK_IS_DOCUMENT (document), loads);
  g_return_val_if_fail (GK_IS_ANALYSIS (analysis), loads);

  people = gk_document_get_people (document);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GkPerson) person = g_list_model_get_item (people, i);
      GkOwnerLoad *load = owner_load_new (person);
      gint64 *id = g_new (gint64, 1);

      *id = gk_record_get_id (GK_RECORD (person));
      g_ptr_array_add (loads, load);
      g_hash_table_insert (by_owner, id, load);
    }

  collect_projects (document, by_owner, nobody);
  collect_measures (document, gk_analysis_get_today (analysis), by_owner, nobody);
  collect_topics (document, analysis, by_owner, nobody);

  if (gk_owner_load_get_n_items (nobody) > 0)
    g_ptr_array_add (loads, g_steal_pointer (&nobody));
  return loads;
}
