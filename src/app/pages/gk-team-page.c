/* gk-team-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expandable row per person: name, role and e-mail, how much they own,
 * and pills for what needs attention (overdue measures, Serious topics,
 * projects off track). The items themselves are listed only when a row is
 * opened, so that the page stays quick with hundreds of measures. Items
 * nobody owns get a row of their own at the end.
 *
 * Each item is a link to its page (win.show-record).
 *
 * The rows are rebuilt from gk_owner_load_collect() whenever the session
 * renews the analysis (after every change, and at midnight); while the people stay the same
 * the rows are updated in place, so that focus and open rows survive.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-edit-actions.h"
#include "gk-form.h"
#include "gk-level-badge.h"
#include "gk-owner-load.h"
#include "gk-person-dialog.h"
#include "gk-team-page.h"
#include "gk-tooltip.h"

typedef struct {
  gint64          person_id;   /* 0 for the items nobody owns */
  AdwExpanderRow *row;
  GtkWidget      *avatar;
  GtkWidget      *edit_button;
  GtkWidget      *projects;    /* counts of what the person owns */
  GtkWidget      *measures;
  GtkWidget      *topics;
  GtkLabel       *overdue;
  GtkLabel       *serious;
  GtkLabel       *off_track;
  GPtrArray      *items;       /* the rows of the items, once opened */
} PersonRow;

struct _GkTeamPage
{
  AdwBin             parent_instance;

  GkSession         *session;

  GkDocument        *document;
  GkAnalysis        *analysis;
  GPtrArray         *rows;     /* PersonRow, in the order shown */

  GtkScrolledWindow *scroller;
  GtkLabel          *summary_label;
  GtkListBox        *people_list;
};

G_DEFINE_FINAL_TYPE (GkTeamPage, gk_team_page, ADW_TYPE_BIN)

static void
person_row_free (PersonRow *prow)
{
  g_ptr_array_unref (prow->items);
  g_free (prow);
}

static gint64
load_person_id (const GkOwnerLoad *load)
{
  return load->person != NULL ? gk_record_get_id (GK_RECORD (load->person)) : 0;
}

static GtkWindow *
parent_window (GkTeamPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkLabel *
pill_new (const char *name,
          const char *style,
          const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "load-pill");
  gtk_widget_add_css_class (label, style);
  if (tooltip != NULL)
    gk_widget_set_tooltip_lazily (label, tooltip);
  return GTK_LABEL (label);
}

static void
set_count (GtkLabel   *pill,
           guint       count,
           const char *text)
{
  gtk_label_set_text (pill, text);
  gtk_widget_set_visible (GTK_WIDGET (pill), count > 0);
}

/* --- the items of one person ------------------------------------------------- */

#define ITEM_TABLE_KEY "gk-team-item-table"
#define ITEM_ID_KEY    "gk-team-item-id"

/* An item is a link to its record on its own page: a click, Enter or Space
 * on the row goes there (the window knows where each table is shown). */
static void
item_activated_cb (AdwActionRow *row)
{
  const char *table = g_object_get_data (G_OBJECT (row), ITEM_TABLE_KEY);
  const gint64 *id = g_object_get_data (G_OBJECT (row), ITEM_ID_KEY);

  if (table != NULL && id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-record", "(sx)", table, *id);
}

static GtkWidget *
item_row_new (const char *table,
              GkRecord   *record,
              const char *icon_name,
              const char *kind,
              const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  gint64 id = gk_record_get_id (record);
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, table, id);
  /* Translators: how a screen reader names a link in the team page, e.g.
   * "Measure: Train the buyers"; the first %s is the kind of item */
  g_autofree char *label = g_strdup_printf (_("%s: %s"), kind, title);

  gtk_widget_set_name (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  gk_widget_set_tooltip_lazily (icon, kind);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  g_object_set_data (G_OBJECT (row), ITEM_TABLE_KEY, (gpointer) table);
  g_object_set_data_full (G_OBJECT (row), ITEM_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (item_activated_cb), NULL);
  return row;
}

/* The arrow that says the row leads elsewhere: last, after any pill. */
static GtkWidget *
end_with_link_arrow (GtkWidget *row)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static GtkWidget *
project_row_new (GkFocusProject *project)
{
  GString *subtitle = g_string_new (gk_project_status_label (gk_focus_project_get_status (project)));
  GkHealth health = gk_focus_project_get_health (project);
  GtkWidget *row;

  if (health != GK_HEALTH_ON_TRACK)
    g_string_append_printf (subtitle, " · %s", gk_health_label (health));
  row = item_row_new ("focus_project", GK_RECORD (project), "folder-symbolic", _("Focus project"),
                      gk_focus_project_get_name (project), subtitle->str);
  if (gk_owner_load_project_is_off_track (project))
    {
      GtkLabel *pill = pill_new ("off-track", "off-track", NULL);

      gtk_label_set_text (pill, gk_health_label (GK_HEALTH_OFF_TRACK));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (pill));
    }
  g_string_free (subtitle, TRUE);
  return end_with_link_arrow (row);
}

static GtkWidget *
measure_row_new (GkTeamPage  *self,
                 GkMeasure   *measure,
                 const GDate *today)
{
  GkFocusProject *project = gk_document_lookup_focus_project (self->document, gk_measure_get_project_id (measure));
  GString *subtitle = g_string_new (NULL);
  GtkWidget *row;
  GDate due;

  /* Someone may own measures in several projects: say which. */
  if (project != NULL)
    g_string_append_printf (subtitle, "%s · ", gk_focus_project_get_name (project));
  g_string_append (subtitle, gk_measure_status_label (gk_measure_get_status (measure)));

  if (gk_date_parse_iso (gk_measure_get_due_date (measure), &due))
    {
      g_autofree char *date = gk_date_format_display (&due);

      g_string_append (subtitle, " · ");
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("due %s"), date);
    }
  row = item_row_new ("measure", GK_RECORD (measure), "checkbox-checked-symbolic", _("Measure"),
                      gk_measure_get_title (measure), subtitle->str);
  if (gk_owner_load_measure_is_overdue (measure, today))
    {
      GtkLabel *pill = pill_new ("overdue", "overdue", NULL);

      gtk_label_set_text (pill, _("Overdue"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (pill));
    }
  g_string_free (subtitle, TRUE);
  return end_with_link_arrow (row);
}

static GtkWidget *
topic_row_new (GkTeamPage *self,
               GkTopic    *topic)
{
  const GkTopicGrip *grip = gk_analysis_lookup_topic (self->analysis, gk_record_get_id (GK_RECORD (topic)));
  GtkWidget *row = item_row_new ("topic", GK_RECORD (topic), "view-list-bullet-symbolic", _("Topic"),
                                 gk_topic_get_name (topic), _("Topic of the roadmap"));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gk_level_badge_new (grip != NULL ? grip->assessed : GK_LEVEL_NONE));
  return end_with_link_arrow (row);
}

static void
clear_items (PersonRow *prow)
{
  for (guint i = 0; i < prow->items->len; i++)
    adw_expander_row_remove (prow->row, g_ptr_array_index (prow->items, i));
  g_ptr_array_set_size (prow->items, 0);
}

static void
add_item (PersonRow *prow,
          GtkWidget *row)
{
  g_ptr_array_add (prow->items, row);
  adw_expander_row_add_row (prow->row, row);
}

static gboolean
measure_is_open (GkMeasure *measure)
{
  GkMeasureStatus status = gk_measure_get_status (measure);

  return status != GK_MEASURE_STATUS_DONE && status != GK_MEASURE_STATUS_DROPPED;
}

/* Open measures first, soonest due first (those without a due date after
 * them), then the finished ones. */
static int
compare_measures (gconstpointer a,
                  gconstpointer b)
{
  GkMeasure *left = *(GkMeasure **) a;
  GkMeasure *right = *(GkMeasure **) b;
  const char *left_due = gk_measure_get_due_date (left);
  const char *right_due = gk_measure_get_due_date (right);

  if (measure_is_open (left) != measure_is_open (right))
    return measure_is_open (left) ? -1 : 1;
  if ((left_due == NULL) != (right_due == NULL))
    return left_due == NULL ? 1 : -1;
  return g_strcmp0 (left_due, right_due);
}

/* Lists what the person owns: projects first (the heaviest load), then
 * topics, then measures. */
static void
fill_items (GkTeamPage *self,
            PersonRow  *prow)
{
  g_autoptr(GPtrArray) loads = gk_owner_load_collect (self->document, self->analysis);
  const GDate *today = gk_analysis_get_today (self->analysis);
  const GkOwnerLoad *load = NULL;

  clear_items (prow);
  for (guint i = 0; i < loads->len && load == NULL; i++)
    if (load_person_id (g_ptr_array_index (loads, i)) == prow->person_id)
      load = g_ptr_array_index (loads, i);
  if (load == NULL)
    return;

  for (guint i = 0; i < load->projects->len; i++)
    add_item (prow, project_row_new (g_ptr_array_index (load->projects, i)));
  for (guint i = 0; i < load->topics->len; i++)
    add_item (prow, topic_row_new (self, g_ptr_array_index (load->topics, i)));
  g_ptr_array_sort (load->measures, compare_measures);
  for (guint i = 0; i < load->measures->len; i++)
    add_item (prow, measure_row_new (self, g_ptr_array_index (load->measures, i), today));
}

static PersonRow *
find_row_for_widget (GkTeamPage *self,
                     GObject    *widget)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      PersonRow *prow = g_ptr_array_index (self->rows, i);

      if ((GObject *) prow->row == widget)
        return prow;
    }
  return NULL;
}

static void
expanded_cb (GObject    *row,
             GParamSpec *pspec,
             GkTeamPage *self)
{
  PersonRow *prow = find_row_for_widget (self, row);

  if (prow != NULL && adw_expander_row_get_expanded (prow->row) && prow->items->len == 0 &&
      self->document != NULL && self->analysis != NULL)
    fill_items (self, prow);
}

/* --- the rows of the people ---------------------------------------------------- */

/* A count with the icon of what it counts; the number says it to the eye,
 * the tooltip and the accessible label in words. */
static GtkWidget *
count_new (const char *name,
           const char *icon_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (box, name);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
set_owned_count (GtkWidget  *box,
                 guint       count,
                 const char *words)
{
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *number = g_strdup_printf ("%u", count);

  gtk_label_set_text (GTK_LABEL (label), number);
  gk_widget_set_tooltip_lazily (box, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  if (count == 0)
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");
}

static void
update_person_row (GkTeamPage        *self,
                   PersonRow         *prow,
                   const GkOwnerLoad *load)
{
  guint n_projects = load->projects->len, n_measures = load->measures->len, n_topics = load->topics->len;
  g_autofree char *projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u focus project", "%u focus projects",
                                                            n_projects), n_projects);
  g_autofree char *measures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures",
                                                            n_measures), n_measures);
  g_autofree char *topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics",
                                                          n_topics), n_topics);
  g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                           load->n_overdue), load->n_overdue);
  g_autofree char *serious = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Serious", "%u Serious",
                                                           load->n_serious), load->n_serious);
  g_autofree char *off_track = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u off track", "%u off track",
                                                             load->n_off_track), load->n_off_track);

  if (load->person != NULL)
    {
      GkPerson *person = load->person;
      const char *email = gk_person_get_email (person);
      g_autofree char *subtitle = *email != '\0'
                                  ? g_strdup_printf ("%s · %s", gk_role_label (gk_person_get_role (person)), email)
                                  : g_strdup (gk_role_label (gk_person_get_role (person)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prow->row), gk_person_get_name (person));
      adw_expander_row_set_subtitle (prow->row, subtitle);
      adw_avatar_set_text (ADW_AVATAR (prow->avatar), gk_person_get_name (person));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prow->row), _("Without owner"));
      adw_expander_row_set_subtitle (prow->row, _("Nobody is accountable for these yet"));
    }

  set_owned_count (prow->projects, load->projects->len, projects);
  set_owned_count (prow->measures, load->measures->len, measures);
  set_owned_count (prow->topics, load->topics->len, topics);
  set_count (prow->overdue, load->n_overdue, overdue);
  set_count (prow->serious, load->n_serious, serious);
  set_count (prow->off_track, load->n_off_track, off_track);
  adw_expander_row_set_enable_expansion (prow->row, gk_owner_load_get_n_items (load) > 0);

  /* An open row shows what the person owns now. */
  clear_items (prow);
  if (adw_expander_row_get_expanded (prow->row))
    fill_items (self, prow);
}

/* Keeps the name and "role · e-mail" on one line each, shortened when the
 * window is narrow. AdwExpanderRow only has title-lines and subtitle-lines
 * from libadwaita 1.3 on; in 1.2 they are set on the action row inside it
 * (when it is not there, the lines wrap, which is ugly but harmless). */
static GtkWidget *
first_action_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ADW_IS_ACTION_ROW (child) ? child : first_action_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
keep_header_on_one_line (AdwExpanderRow *row)
{
  GtkWidget *header = first_action_row (GTK_WIDGET (row));

  if (header == NULL)
    return;
  adw_action_row_set_title_lines (ADW_ACTION_ROW (header), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (header), 1);
}

static PersonRow *
person_row_new (GkTeamPage        *self,
                const GkOwnerLoad *load)
{
  PersonRow *prow = g_new0 (PersonRow, 1);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *name = NULL;

  prow->person_id = load_person_id (load);
  prow->row = ADW_EXPANDER_ROW (row);
  prow->items = g_ptr_array_new ();
  name = prow->person_id != 0 ? g_strdup_printf ("person-%" G_GINT64_FORMAT, prow->person_id)
                              : g_strdup ("person-nobody");
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  keep_header_on_one_line (prow->row);

  prow->avatar = adw_avatar_new (36, NULL, load->person != NULL);
  if (load->person == NULL)
    adw_avatar_set_icon_name (ADW_AVATAR (prow->avatar), "dialog-question-symbolic");
  adw_expander_row_add_prefix (prow->row, prow->avatar);

  /* Actions are put in front of each other: the last added comes first.
   * What needs attention first, then the counts in columns, then Edit. */
  if (load->person != NULL)
    {
      prow->edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_name (prow->edit_button, "edit-person");
      gtk_widget_set_valign (prow->edit_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (prow->edit_button, "flat");
      gk_widget_set_tooltip_lazily (prow->edit_button, _("Edit Person"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (prow->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit Person"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (prow->edit_button), "team.edit-person");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (prow->edit_button), "x", prow->person_id);
      adw_expander_row_add_action (prow->row, prow->edit_button);
    }
  prow->topics = count_new ("topics-count", "view-list-bullet-symbolic");
  prow->measures = count_new ("measures-count", "checkbox-checked-symbolic");
  prow->projects = count_new ("projects-count", "folder-symbolic");
  adw_expander_row_add_action (prow->row, prow->topics);
  adw_expander_row_add_action (prow->row, prow->measures);
  adw_expander_row_add_action (prow->row, prow->projects);

  prow->overdue = pill_new ("overdue-count", "overdue", _("Measures past their due date"));
  prow->serious = pill_new ("serious-count", "serious", _("Topics at Serious"));
  prow->off_track = pill_new ("off-track-count", "off-track", _("Focus projects off track"));
  adw_expander_row_add_action (prow->row, GTK_WIDGET (prow->off_track));
  adw_expander_row_add_action (prow->row, GTK_WIDGET (prow->serious));
  adw_expander_row_add_action (prow->row, GTK_WIDGET (prow->overdue));

  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  update_person_row (self, prow, load);
  return prow;
}

static gboolean
same_people (GkTeamPage *self,
             GPtrArray  *loads)
{
  if (self->rows == NULL || self->rows->len != loads->len)
    return FALSE;
  for (guint i = 0; i < loads->len; i++)
    if (((PersonRow *) g_ptr_array_index (self->rows, i))->person_id !=
        load_person_id (g_ptr_array_index (loads, i)))
      return FALSE;
  return TRUE;
}

static void
remove_rows (GkTeamPage *self,
             GHashTable *expanded)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      PersonRow *prow = g_ptr_array_index (self->rows, i);

      if (expanded != NULL && adw_expander_row_get_expanded (prow->row))
        g_hash_table_add (expanded, g_memdup2 (&prow->person_id, sizeof prow->person_id));
      gtk_list_box_remove (self->people_list, GTK_WIDGET (prow->row));
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

static void
show_summary (GkTeamPage *self,
              GPtrArray  *loads)
{
  guint people = 0, overdue = 0, serious = 0, off_track = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < loads->len; i++)
    {
      const GkOwnerLoad *load = g_ptr_array_index (loads, i);

      people += load->person != NULL;
      overdue += load->n_overdue;
      serious += load->n_serious;
      off_track += load->n_off_track;
    }

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", people), people);
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u overdue measure", "%u overdue measures", overdue),
                          overdue);
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u Serious topic", "%u Serious topics", serious),
                          serious);
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u focus project off track",
                                             "%u focus projects off track", off_track), off_track);
  gtk_label_set_text (self->summary_label, text->str);
}

static void
refresh (GkTeamPage *self)
{
  g_autoptr(GPtrArray) loads = NULL;
  g_autoptr(GHashTable) expanded = NULL;

  if (self->document == NULL || self->analysis == NULL)
    {
      remove_rows (self, NULL);
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  loads = gk_owner_load_collect (self->document, self->analysis);
  show_summary (self, loads);
  if (same_people (self, loads))
    {
      for (guint i = 0; i < loads->len; i++)
        update_person_row (self, g_ptr_array_index (self->rows, i), g_ptr_array_index (loads, i));
      return;
    }

  expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  remove_rows (self, expanded);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) person_row_free);
  for (guint i = 0; i < loads->len; i++)
    {
      const GkOwnerLoad *load = g_ptr_array_index (loads, i);
      PersonRow *prow = person_row_new (self, load);

      g_ptr_array_add (self->rows, prow);
      gtk_list_box_append (self->people_list, GTK_WIDGET (prow->row));
      if (g_hash_table_contains (expanded, &prow->person_id))
        adw_expander_row_set_expanded (prow->row, TRUE);
    }
}

/* --- actions --------------------------------------------------------------------- */

static void
person_saved_cb (GkTeamPage *self,
                 gint64      person_id)
{
  /* Show the row at once; the renewed analysis will update it again. */
  refresh (self);
  gk_team_page_show_person (self, person_id);
}

static void
person_removed_cb (GkTeamPage *self,
                   const char *name)
{
  /* Translators: %s is a person's name */
  g_autofree char *title = g_strdup_printf (_("“%s” removed"), name);

  refresh (self);
  gk_form_add_toast (GTK_WIDGET (self), gk_form_undo_toast_new (title));
}

static void
open_person_dialog (GkTeamPage *self,
                    GkPerson   *person)
{
  GkPersonDialog *dialog = gk_person_dialog_new (parent_window (self), self->document, person);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "removed", G_CALLBACK (person_removed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_person_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GkTeamPage *self = GK_TEAM_PAGE (widget);

  if (self->document != NULL)
    open_person_dialog (self, NULL);
}

static void
edit_person_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkTeamPage *self = GK_TEAM_PAGE (widget);
  GkPerson *person;

  if (self->document == NULL)
    return;
  person = gk_document_lookup_person (self->document, g_variant_get_int64 (parameter));
  if (person != NULL)
    open_person_dialog (self, person);
}

/* --- public ---------------------------------------------------------------------- */

static void
set_document (GkTeamPage *self,
              GkDocument *document)
{
  g_return_if_fail (GK_IS_TEAM_PAGE (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  /* The analysis belongs to the previous document: wait for the next one. */
  g_clear_object (&self->analysis);
  g_set_object (&self->document, document);
  gk_edit_action_set_enabled (GTK_WIDGET (self), document, "team.add-person", document != NULL);
  gk_edit_action_set_enabled (GTK_WIDGET (self), document, "team.edit-person", document != NULL);
  refresh (self);
}

static void
set_analysis (GkTeamPage *self,
              GkAnalysis *analysis)
{
  g_return_if_fail (GK_IS_TEAM_PAGE (self));
  g_return_if_fail (analysis == NULL || GK_IS_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  refresh (self);
}

gboolean
gk_team_page_show_person (GkTeamPage *self,
                          gint64      person_id)
{
  g_return_val_if_fail (GK_IS_TEAM_PAGE (self), FALSE);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      PersonRow *prow = g_ptr_array_index (self->rows, i);

      if (prow->person_id != person_id)
        continue;
      if (adw_expander_row_get_enable_expansion (prow->row))
        adw_expander_row_set_expanded (prow->row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (prow->row));
      return TRUE;
    }
  return FALSE;
}

/* --- the session ----------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
session_document_cb (GkTeamPage *self)
{
  set_document (self, self->session != NULL ? gk_session_get_document (self->session) : NULL);
}

static void
session_analysis_cb (GkTeamPage *self)
{
  set_analysis (self, self->session != NULL ? gk_session_get_analysis (self->session) : NULL);
}

void
gk_team_page_set_session (GkTeamPage *self,
                          GkSession  *session)
{
  g_return_if_fail (GK_IS_TEAM_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::analysis", G_CALLBACK (session_analysis_cb), self, G_CONNECT_SWAPPED);
    }
  session_document_cb (self);
  session_analysis_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_team_page_get_session (GkTeamPage *self)
{
  g_return_val_if_fail (GK_IS_TEAM_PAGE (self), NULL);

  return self->session;
}

static void
gk_team_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GkTeamPage *self = GK_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_team_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GkTeamPage *self = GK_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_team_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction ------------------------------------------------------------------ */

static void
gk_team_page_dispose (GObject *object)
{
  GkTeamPage *self = GK_TEAM_PAGE (object);

  gk_team_page_set_session (self, NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->analysis);
  g_clear_object (&self->document);
  /* The bin's child is a template child too: let the bin drop it first,
   * or the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_TEAM_PAGE);

  G_OBJECT_CLASS (gk_team_page_parent_class)->dispose (object);
}

static void
gk_team_page_class_init (GkTeamPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_team_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_team_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_team_page_set_property;

  /**
   * GkTeamPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkTeamPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GkTeamPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GkTeamPage, people_list);

  gtk_widget_class_install_action (widget_class, "team.add-person", NULL, add_person_activated);
  gtk_widget_class_install_action (widget_class, "team.edit-person", "x", edit_person_activated);
}

static void
gk_team_page_init (GkTeamPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.add-person", FALSE);
}

GtkWidget *
gk_team_page_new (void)
{
  return g_object_new (GK_TYPE_TEAM_PAGE, NULL);
}
