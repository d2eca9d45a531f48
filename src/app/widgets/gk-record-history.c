/* gk-record-history.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group at the foot of an editor with one expander: folded it says how
 * many changes the record had and the last one; unfolded, one row per
 * field changed ("Status: Planned → In progress") with who and when. The
 * newest changes only: a record edited for years would make a long
 * dialog, and the History page has them all.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-history.h"
#include "gk-record-history.h"

/* Changes read and listed; older ones are counted on the last row. */
#define MAX_CHANGES 50

struct _GkRecordHistory
{
  AdwPreferencesGroup  parent_instance;

  AdwExpanderRow      *expander;
  GPtrArray           *rows;       /* the rows added to the expander */
  guint                n_changes;
};

G_DEFINE_FINAL_TYPE (GkRecordHistory, gk_record_history, ADW_TYPE_PREFERENCES_GROUP)

/* "Bram · 3 dec 2026 10:14" */
static char *
who_and_when (GkHistoryEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (gk_history_entry_get_time (entry));
  /* Translators: when a change was made, in g_date_time_format() codes */
  g_autofree char *when = g_date_time_format (local, _("%-d %b %Y %H:%M"));
  const char *person = gk_history_entry_get_person (entry);

  /* Translators: who made a change and when: "Bram · 3 Dec 2026 10:14" */
  return g_strdup_printf (_("%s · %s"), *person != '\0' ? person : _("Someone"), when);
}

static void
add_row (GkRecordHistory *self,
         const char      *title,
         const char      *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (self->expander, row);
  g_ptr_array_add (self->rows, row);
}

/* One row per field of a change; one for an addition or a change without
 * values (files from before the history kept them). */
static void
add_entry (GkRecordHistory *self,
           GkHistoryEntry  *entry)
{
  g_autofree char *subtitle = who_and_when (entry);
  guint n = gk_history_entry_get_n_changes (entry);

  switch (gk_history_entry_get_action (entry))
    {
    case GK_HISTORY_ACTION_INSERT:
      add_row (self, _("Added"), subtitle);
      return;
    case GK_HISTORY_ACTION_DELETE:
      add_row (self, _("Deleted"), subtitle);
      return;
    case GK_HISTORY_ACTION_UPDATE:
    default:
      break;
    }
  if (n == 0)
    {
      add_row (self, gk_history_entry_get_summary (entry), subtitle);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const GkHistoryChange *change = gk_history_entry_get_change (entry, i);
      /* Translators: a field changed: "Status: Planned → In progress" */
      g_autofree char *title = g_strdup_printf (_("%s: %s → %s"), change->field, change->old_text, change->new_text);

      add_row (self, title, subtitle);
    }
}

static void
clear_rows (GkRecordHistory *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->expander, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  self->n_changes = 0;
}

void
gk_record_history_set_record (GkRecordHistory *self,
                              GkDocument      *document,
                              const char      *table,
                              gint64           row_id)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  GkHistoryFilter filter = { .table = table, .row_id = row_id, .limit = MAX_CHANGES + 1 };
  guint n;

  g_return_if_fail (GK_IS_RECORD_HISTORY (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  clear_rows (self);
  entries = document != NULL && table != NULL && row_id != 0 ? gk_history_query (document, &filter, &error) : NULL;
  if (error != NULL)
    g_warning ("The history of the record could not be read: %s", error->message);
  n = entries != NULL ? g_list_model_get_n_items (entries) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self), entries != NULL);
  if (n == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander), _("No changes yet"));
      adw_expander_row_set_subtitle (self->expander, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->expander), FALSE);
      return;
    }

  self->n_changes = MIN (n, MAX_CHANGES);
  for (guint i = 0; i < self->n_changes; i++)
    {
      g_autoptr(GkHistoryEntry) entry = g_list_model_get_item (entries, i);

      add_entry (self, entry);
      if (i == 0)
        {
          g_autofree char *last = who_and_when (entry);

          /* Translators: folded history of a record: who changed it last, and when */
          subtitle = g_strdup_printf (_("Last changed by %s"), last);
        }
    }
  if (n > MAX_CHANGES)
    add_row (self, _("Older changes are on the History page"), "");

  {
    /* Translators: the folded history of a record */
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", self->n_changes),
                                              self->n_changes);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->expander),
                                   n > MAX_CHANGES ? _("The latest changes") : title);
  }
  adw_expander_row_set_subtitle (self->expander, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->expander), TRUE);
}

guint
gk_record_history_get_n_changes (GkRecordHistory *self)
{
  g_return_val_if_fail (GK_IS_RECORD_HISTORY (self), 0);

  return self->n_changes;
}

static void
gk_record_history_finalize (GObject *object)
{
  GkRecordHistory *self = GK_RECORD_HISTORY (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_record_history_parent_class)->finalize (object);
}

static void
gk_record_history_class_init (GkRecordHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_record_history_finalize;
}

static void
gk_record_history_init (GkRecordHistory *self)
{
  self->rows = g_ptr_array_new ();
  self->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->expander), "record-history");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("History"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->expander));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gk_record_history_new (void)
{
  return g_object_new (GK_TYPE_RECORD_HISTORY, NULL);
}
