/* gk-demo-replay.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gk-clock-private.h"
#include "gk-demo-replay.h"
#include "gk-document-private.h"

typedef struct {
  GDateTime    *when;     /* UTC */
  guint         order;    /* the order given, for events at one moment */
  char         *who;
  GType         type;
  gint64        id;
  GkRecord     *insert;   /* a copy of the row to insert again, or NULL */
  GkDemoChange  change;
  gpointer      data;
} Event;

struct _GkDemoReplay
{
  sqlite3    *db;
  GkDocument *document;
  GkClock    *clock;
  GDateTime  *now;        /* the moment of the event being replayed */
  GPtrArray  *events;
};

static void
event_free (gpointer data)
{
  Event *event = data;

  g_date_time_unref (event->when);
  g_free (event->who);
  g_clear_object (&event->insert);
  g_free (event->data);
  g_free (event);
}

static GDateTime *
replay_now (gpointer user_data)
{
  GkDemoReplay *self = user_data;

  return g_date_time_to_local (self->now);
}

GkDemoReplay *
gk_demo_replay_new (sqlite3  *db,
                    GError  **error)
{
  g_autoptr(GkDocument) document = gk_document_new_for_db (db, error);
  GkDemoReplay *self;

  if (document == NULL)
    return NULL;
  self = g_new0 (GkDemoReplay, 1);
  self->db = db;
  self->document = g_steal_pointer (&document);
  self->now = g_date_time_new_now_utc ();
  self->clock = gk_clock_new_with_time_func (replay_now, self);
  self->events = g_ptr_array_new_with_free_func (event_free);
  gk_document_set_clock (self->document, self->clock);
  return self;
}

void
gk_demo_replay_free (GkDemoReplay *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->events);
  g_object_unref (self->document);
  g_object_unref (self->clock);
  g_date_time_unref (self->now);
  g_free (self);
}

GkDocument *
gk_demo_replay_get_document (GkDemoReplay *self)
{
  return self->document;
}

static Event *
add_event (GkDemoReplay *self,
           GType         type,
           gint64        id,
           GDateTime    *when,
           const char   *who)
{
  Event *event = g_new0 (Event, 1);

  event->when = g_date_time_to_utc (when);
  event->order = self->events->len;
  event->who = g_strdup (who);
  event->type = type;
  event->id = id;
  g_ptr_array_add (self->events, event);
  return event;
}

void
gk_demo_replay_insert_at (GkDemoReplay *self,
                          GType         type,
                          gint64        id,
                          GDateTime    *when,
                          const char   *who)
{
  GkRecord *row = gk_document_lookup (self->document, type, id);

  g_return_if_fail (row != NULL);
  add_event (self, type, id, when, who)->insert = gk_record_copy (row);
}

void
gk_demo_replay_change_at (GkDemoReplay  *self,
                          GType          type,
                          gint64         id,
                          GDateTime     *when,
                          const char    *who,
                          GkDemoChange   change,
                          gconstpointer  data,
                          gsize          size)
{
  Event *event = add_event (self, type, id, when, who);

  event->change = change;
  event->data = g_memdup2 (data, size);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = *(const Event * const *) a;
  const Event *y = *(const Event * const *) b;
  int by_time = g_date_time_compare (x->when, y->when);

  if (by_time != 0)
    return by_time;
  return x->order < y->order ? -1 : x->order > y->order;
}

static gboolean
exec (GkDemoReplay  *self,
      const char    *sql,
      GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (self->db));
  return FALSE;
}

/* The rows that come back later leave the file first, behind the
 * document's back, which then reloads. */
static gboolean
take_out_inserted_rows (GkDemoReplay  *self,
                        GError       **error)
{
  for (guint i = 0; i < self->events->len; i++)
    {
      Event *event = g_ptr_array_index (self->events, i);
      g_autofree char *sql = NULL;

      if (event->insert == NULL)
        continue;
      sql = g_strdup_printf ("DELETE FROM %s WHERE id = %" G_GINT64_FORMAT,
                             gk_record_get_table_name (event->insert), event->id);
      if (!exec (self, sql, error))
        return FALSE;
    }
  return gk_document_reload_all (self->document, error);
}

static gboolean
replay_event (GkDemoReplay  *self,
              Event         *event,
              GError       **error)
{
  g_autoptr(GkRecord) copy = NULL;
  GkRecord *row;

  g_date_time_unref (self->now);
  self->now = g_date_time_ref (event->when);
  gk_document_set_user_name (self->document, event->who);

  if (event->insert != NULL)
    return gk_document_insert (self->document, event->insert, error);

  row = gk_document_lookup (self->document, event->type, event->id);
  if (row == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "demo replay: no %s %" G_GINT64_FORMAT, g_type_name (event->type), event->id);
      return FALSE;
    }
  copy = gk_record_copy (row);
  event->change (copy, event->data);
  return gk_document_update (self->document, copy, error);
}

/* Row ids are made of the real time and a random part; the demo must be
 * the same file every time, so its log is numbered 1, 2, 3... in the order
 * of the replay (which is the order of the ids it got). */
static gboolean
number_change_log (GkDemoReplay  *self,
                   GError       **error)
{
  return exec (self,
               "CREATE TEMP TABLE gk_demo_log_order AS"
               " SELECT id, row_number() OVER (ORDER BY id) AS n FROM change_log;"
               "UPDATE change_log SET id = -(SELECT n FROM gk_demo_log_order o WHERE o.id = change_log.id);"
               "UPDATE change_log SET id = -id;"
               "DROP TABLE gk_demo_log_order;",
               error);
}

gboolean
gk_demo_replay_run (GkDemoReplay  *self,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!take_out_inserted_rows (self, error))
    return FALSE;
  g_ptr_array_sort (self->events, compare_events);
  for (guint i = 0; i < self->events->len; i++)
    if (!replay_event (self, g_ptr_array_index (self->events, i), error))
      {
        g_prefix_error (error, "demo replay, event %u: ", i);
        return FALSE;
      }
  gk_document_clear_history (self->document);
  return number_change_log (self, error);
}
