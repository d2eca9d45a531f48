/* region-fixture.h: member files for the region's tests and benchmark
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member is the demo programme written for another municipality, with
 * levels of its own: each topic assessed anew today, at a level that
 * follows from the member's number, so that the matrix has every level.
 * (The headline levels vary with them.) Every third member lacks the demo's last topic and every fourth its
 * last indicator, so that the region meets topics and indicators that
 * only some members have. The edits go through the document API.
 */
#pragma once

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "gk-assessment.h"
#include "gk-demo.h"
#include "gk-document-private.h"
#include "gk-project-file-parts.h"
#include "gk-indicator.h"
#include "gk-programme.h"
#include "gk-schema.h"
#include "gk-topic.h"

static const char * const region_fixture_names[] G_GNUC_UNUSED = {
  "Utrecht", "Amersfoort", "Zeist", "Nieuwegein", "Houten", "IJsselstein", "Stichtse Vecht",
  "De Bilt", "Bunnik", "Woerden", "Veenendaal", "Rhenen", "Wijk bij Duurstede", "Lopik",
  "Montfoort", "Oudewater", "Baarn", "Soest", "Leusden", "Woudenberg", "Renswoude",
  "Eemnes", "Bunschoten", "Utrechtse Heuvelrug", "De Ronde Venen", "Vijfheerenlanden",
  "Zwolle", "Deventer", "Kampen", "Hattem", "Heerde", "Olst-Wijhe", "Raalte", "Dalfsen",
  "Staphorst", "Zwartewaterland", "Steenwijkerland", "Westerveld", "Meppel", "Súdwest-Fryslân",
};

/* The municipality of member @number (from 0): "Utrecht", ... then
 * "Gemeente 41", "Gemeente 42", ... */
static char * G_GNUC_UNUSED
region_fixture_name (guint number)
{
  if (number < G_N_ELEMENTS (region_fixture_names))
    return g_strdup (region_fixture_names[number]);
  return g_strdup_printf ("Gemeente %u", number + 1);
}

static GkLevel
region_fixture_level (guint number,
                      guint topic)
{
  /* Members 0, 3, 6... have every level, 1, 4, 7... none below
   * Vigilant, 2, 5, 8... are in control everywhere. */
  return (GkLevel) MAX (number % 3 + 1, (topic + number) % 3 + 1);
}

static gboolean
region_fixture_edit (GkDocument   *document,
                     guint         number,
                     const char   *municipality,
                     const GDate  *today,
                     GError      **error)
{
  g_autoptr(GkRecord) programme = gk_record_copy (GK_RECORD (gk_document_get_programme (document)));
  GListModel *topics = gk_document_get_topics (document);
  GListModel *indicators = gk_document_get_indicators (document);
  g_autofree char *title = g_strdup_printf ("Grip op jeugd %s", municipality);
  char date[16];
  guint n_topics = g_list_model_get_n_items (topics);

  g_date_strftime (date, sizeof date, "%Y-%m-%d", today);
  gk_programme_set_municipality (GK_PROGRAMME (programme), municipality);
  gk_programme_set_title (GK_PROGRAMME (programme), title);
  if (!gk_document_update (document, programme, error))
    return FALSE;

  for (guint t = 0; t < n_topics; t++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, t);
      g_autoptr(GkAssessment) assessment = gk_assessment_new ();

      gk_assessment_set_topic_id (assessment, gk_record_get_id (GK_RECORD (topic)));
      gk_assessment_set_date (assessment, date);
      gk_assessment_set_level (assessment, region_fixture_level (number, t));
      gk_assessment_set_rationale (assessment, "Regio-overleg");
      if (!gk_document_insert (document, GK_RECORD (assessment), error))
        return FALSE;
    }

  if (number % 3 == 2)
    {
      g_autoptr(GkTopic) last = g_list_model_get_item (topics, n_topics - 1);

      if (!gk_document_delete (document, GK_RECORD (last), error))
        return FALSE;
    }
  if (number % 4 == 3)
    {
      g_autoptr(GkIndicator) last =
        g_list_model_get_item (indicators, g_list_model_get_n_items (indicators) - 1);

      if (!gk_document_delete (document, GK_RECORD (last), error))
        return FALSE;
    }
  return TRUE;
}

/* Writes member @number at @path. */
static gboolean G_GNUC_UNUSED
region_fixture_write_member (const char   *path,
                             guint         number,
                             const GDate  *today,
                             GError      **error)
{
  g_autofree char *municipality = region_fixture_name (number);
  g_autoptr(GkDocument) document = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  if (!gk_demo_write_file (path, today, error))
    return FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  document = gk_document_new_for_db (db, error);
  ok = document != NULL && region_fixture_edit (document, number, municipality, today, error);
  g_clear_object (&document);
  /* Figures of their own, so that the compared lines part: the same
   * shape, a level higher or lower (a test may use SQL for bulk). */
  if (ok)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE measurement SET value = value * %.2f",
                                              0.75 + 0.045 * (number % 13));

      ok = sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK;
      if (!ok)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
    }
  sqlite3_close (db);
  return ok;
}

/* The file name of member @number in a folder: "007-Houten.gripkaart". */
static char * G_GNUC_UNUSED
region_fixture_member_path (const char *dir,
                            guint       number)
{
  g_autofree char *municipality = region_fixture_name (number);
  g_autofree char *name = g_strdup_printf ("%03u-%s.gripkaart", number + 1, municipality);

  return g_build_filename (dir, name, NULL);
}

/* Writes members 0 .. n-1 into dir; with a bad file, also
 * "000-Kapot.gripkaart": the first member cut off halfway (damaged). */
static gboolean G_GNUC_UNUSED
region_fixture_write_folder (const char   *dir,
                             guint         n,
                             gboolean      with_bad,
                             const GDate  *today,
                             GError      **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = region_fixture_member_path (dir, i);

      if (!region_fixture_write_member (path, i, today, error))
        return FALSE;
    }
  if (with_bad)
    {
      g_autofree char *first = region_fixture_member_path (dir, 0);
      g_autofree char *bad = g_build_filename (dir, "000-Kapot.gripkaart", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (first, &contents, &length, error) ||
          !g_file_set_contents (bad, contents, length / 2, error))
        return FALSE;
    }
  return TRUE;
}

/* --- holding one member's reading ------------------------------------------------- */

/* Holds the worker that copies one member until the test lets it go. */
typedef struct {
  GMutex      mutex;
  GCond       cond;
  const char *path;
  gboolean    holding;
  gboolean    released;
} RegionHolder;

static inline void
region_hold_member_hook (GkStorageStep  step,
                         const char    *path,
                         gpointer       user_data)
{
  RegionHolder *holder = user_data;

  if (step != GK_STORAGE_STEP_COPY_IN || g_strcmp0 (path, holder->path) != 0)
    return;
  g_mutex_lock (&holder->mutex);
  holder->holding = TRUE;
  g_cond_broadcast (&holder->cond);
  g_main_context_wakeup (NULL);
  while (!holder->released)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);
}
