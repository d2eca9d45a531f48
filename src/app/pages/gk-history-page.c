/* gk-history-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The History page reads the change log (gk-history.h): who changed what
 * and when, newest first, grouped by day and person, narrowed by person,
 * kind of record and period. A click on a change shows its record on its
 * page. The filters go into the query, and only the newest changes are
 * read and listed (more on "Show Older Changes"), so that a log of years
 * stays quick; the list is a GtkListView, whose rows carry the heading of
 * their group when they start one (GTK 4.8 has no list sections).
 *
 * Others' changes since the user last looked are marked new. When that was
 * is kept per file in GSettings (history-seen); a merge also brings in
 * changes made before that moment, so the ids present at the last look in
 * this run count as well.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-application.h"
#include "gk-history-page.h"
#include "gk-history.h"

struct _GkHistoryPage
{
  AdwBin           parent_instance;

  GkSession       *session;
  GkDocument      *document;
  GListStore      *entries;        /* GkHistoryEntry, the ones listed */
  GtkNoSelection  *selection;
  guint            limit;          /* how many are read */
  guint            refresh_id;
  gboolean         stale;          /* the document changed while the page was hidden */
  gboolean         filling;        /* the filters are being filled: no refresh */
  GStrv            people;         /* the choices of the person filter after "Everyone" */

  gint64           seen_before;    /* the last look before this one (unix seconds), or 0 */
  GHashTable      *seen_ids;       /* ids present at that look in this run, or NULL */
  GHashTable      *look_ids;       /* ids present at this look */
  guint            n_new;

  GtkLabel        *new_label;
  GtkDropDown     *person_filter;
  GtkDropDown     *kind_filter;
  GtkDropDown     *period_filter;
  GtkStack        *content_stack;
  GtkListView     *entry_list;
  GtkWidget       *more_button;
  AdwStatusPage   *empty_status;
};

G_DEFINE_FINAL_TYPE (GkHistoryPage, gk_history_page, ADW_TYPE_BIN)

/* Changes read at first, and added by "Show Older Changes". */
#define CHANGES_PER_PAGE 100
/* Changes of one entry written out in its row; the rest are counted. */
#define CHANGES_PER_ROW 4
/* Characters of one value in a row: a long description is cut. */
#define VALUE_CHARS 60

/* The kinds of record of the kind filter, in its order: each with the
 * tables of its parts (a measure's targets and links are the measure's). */
static const char * const measure_tables[] = { "measure", "measure_target", "measure_link", NULL };
static const char * const project_tables[] = { "focus_project", "project_topic", NULL };
static const char * const topic_tables[] = { "topic", NULL };
static const char * const assessment_tables[] = { "assessment", NULL };
static const char * const indicator_tables[] = { "indicator", "indicator_topic", "indicator_project", NULL };
static const char * const figure_tables[] = { "measurement", NULL };
static const char * const journal_tables[] = { "journal_entry", NULL };
static const char * const person_tables[] = { "person", NULL };
static const char * const programme_tables[] = { "programme", NULL };

static const struct {
  const char * const *tables;   /* NULL: every kind */
  const char         *label;
} kinds[] = {
  { NULL, N_("Every kind of record") },
  { measure_tables, N_("Measures") },
  { project_tables, N_("Focus projects") },
  { topic_tables, N_("Topics") },
  { assessment_tables, N_("Assessments") },
  { indicator_tables, N_("Indicators") },
  { figure_tables, N_("Figures") },
  { journal_tables, N_("Journal") },
  { person_tables, N_("People") },
  { programme_tables, N_("Programme") },
};

typedef enum {
  PERIOD_ANY,
  PERIOD_TODAY,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_YEAR,
} Period;

static void refresh (GkHistoryPage *self);

/* --- seen and new ------------------------------------------------------------ */

static GSettings *
get_settings (void)
{
  GApplication *app = g_application_get_default ();

  return GK_IS_APPLICATION (app) ? gk_application_get_settings (GK_APPLICATION (app)) : NULL;
}

/* The key of the open file in history-seen: its address. */
static char *
file_key (GkHistoryPage *self)
{
  GkProjectFile *project = self->session != NULL ? gk_session_get_project_file (self->session) : NULL;
  GFile *file = project != NULL ? gk_project_file_get_file (project) : NULL;

  return file != NULL ? g_file_get_uri (file) : NULL;
}

static gint64
read_seen (GkHistoryPage *self)
{
  GSettings *settings = get_settings ();
  g_autofree char *key = file_key (self);
  g_autoptr(GVariant) seen = NULL;
  gint64 when = 0;

  if (settings == NULL || key == NULL)
    return 0;
  seen = g_settings_get_value (settings, "history-seen");
  if (!g_variant_lookup (seen, key, "x", &when))
    return 0;
  return when;
}

static void
write_seen (GkHistoryPage *self,
            gint64         when)
{
  GSettings *settings = get_settings ();
  g_autofree char *key = file_key (self);
  g_autoptr(GVariant) seen = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other;
  gint64 other_when;

  if (settings == NULL || key == NULL)
    return;
  seen = g_settings_get_value (settings, "history-seen");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  g_variant_iter_init (&iter, seen);
  while (g_variant_iter_next (&iter, "{&sx}", &other, &other_when))
    if (!g_str_equal (other, key))
      g_variant_builder_add (&builder, "{sx}", other, other_when);
  g_variant_builder_add (&builder, "{sx}", key, when);
  g_settings_set_value (settings, "history-seen", g_variant_builder_end (&builder));
}

static GHashTable *
current_ids (GkHistoryPage *self)
{
  g_autoptr(GArray) ids = gk_history_list_ids (self->document);
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return set;
}

/* The user looks at the page: what came since the look before is new. */
static void
look (GkHistoryPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->document == NULL)
    return;
  now = gk_clock_dup_now_utc (gk_session_get_clock (self->session));
  self->seen_before = read_seen (self);
  g_clear_pointer (&self->seen_ids, g_hash_table_unref);
  self->seen_ids = g_steal_pointer (&self->look_ids);
  self->look_ids = current_ids (self);
  write_seen (self, g_date_time_to_unix (now));
}

static gboolean
is_new (GkHistoryPage  *self,
        GkHistoryEntry *entry)
{
  gint64 id = gk_history_entry_get_id (entry);

  if (g_strcmp0 (gk_history_entry_get_person (entry), gk_document_get_user_name (self->document)) == 0)
    return FALSE;
  if (self->seen_before > 0 && g_date_time_to_unix (gk_history_entry_get_time (entry)) > self->seen_before)
    return TRUE;
  return self->seen_ids != NULL && !g_hash_table_contains (self->seen_ids, &id);
}

/* --- rows -------------------------------------------------------------------- */

static char *
short_value (const char *text)
{
  if (g_utf8_strlen (text, -1) <= VALUE_CHARS)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, VALUE_CHARS - 1);

    return g_strconcat (cut, "…", NULL);
  }
}

/* "Status: Planned → In progress · Progress: 20% → 40%", "Added · Title:
 * Wachtlijst", or the summary of a change the file has no values of. */
static char *
describe_changes (GkHistoryEntry *entry)
{
  GkHistoryAction action = gk_history_entry_get_action (entry);
  guint n = gk_history_entry_get_n_changes (entry);
  g_autoptr(GString) text = g_string_new (NULL);

  if (!gk_history_entry_has_values (entry))
    return g_strdup (gk_history_entry_get_summary (entry));
  if (action == GK_HISTORY_ACTION_INSERT)
    g_string_append (text, _("Added"));
  else if (action == GK_HISTORY_ACTION_DELETE)
    return g_strdup (_("Deleted"));

  for (guint i = 0; i < MIN (n, CHANGES_PER_ROW); i++)
    {
      const GkHistoryChange *change = gk_history_entry_get_change (entry, i);
      g_autofree char *old_text = change->old_text != NULL ? short_value (change->old_text) : NULL;
      g_autofree char *new_text = change->new_text != NULL ? short_value (change->new_text) : NULL;

      if (text->len > 0)
        g_string_append (text, " · ");
      if (action == GK_HISTORY_ACTION_INSERT)
        /* Translators: a field of a record just added: "Title: Wachtlijst" */
        g_string_append_printf (text, _("%s: %s"), change->field, new_text);
      else
        /* Translators: a field changed: "Status: Planned → In progress" */
        g_string_append_printf (text, _("%s: %s → %s"), change->field, old_text, new_text);
    }
  if (n > CHANGES_PER_ROW)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u more field", "%u more fields",
                                                 n - CHANGES_PER_ROW), n - CHANGES_PER_ROW);
    }
  if (text->len == 0)
    return g_strdup (gk_history_entry_get_summary (entry));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Thursday 3 December 2026 · Bram": the heading of a day and person. */
static char *
group_heading (GkHistoryEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (gk_history_entry_get_time (entry));
  /* Translators: the date heading a day of changes in the history, in
   * g_date_time_format() codes: "Thursday 3 December 2026" */
  g_autofree char *day = g_date_time_format (local, _("%A %-d %B %Y"));
  const char *person = gk_history_entry_get_person (entry);

  /* Translators: heading of a group of changes: a day, and who made them */
  return g_strdup_printf (_("%s · %s"), day, *person != '\0' ? person : _("Someone"));
}

static gboolean
same_group (GkHistoryEntry *a,
            GkHistoryEntry *b)
{
  g_autoptr(GDateTime) local_a = g_date_time_to_local (gk_history_entry_get_time (a));
  g_autoptr(GDateTime) local_b = g_date_time_to_local (gk_history_entry_get_time (b));

  return g_date_time_get_year (local_a) == g_date_time_get_year (local_b) &&
         g_date_time_get_day_of_year (local_a) == g_date_time_get_day_of_year (local_b) &&
         g_strcmp0 (gk_history_entry_get_person (a), gk_history_entry_get_person (b)) == 0;
}

static GtkWidget *
row_label (const char *name,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GkHistoryPage            *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *heading = row_label ("history-group", "heading");
  GtkWidget *badge = row_label ("history-new", "history-new");
  GtkWidget *title = row_label ("history-title", NULL);
  GtkWidget *time = row_label ("history-time", "dim-label");
  GtkWidget *details = row_label ("history-details", "dim-label");

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (heading, 10);
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_label_set_text (GTK_LABEL (badge), _("New"));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (time, "numeric");
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (details), 3);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), time);
  gtk_box_append (GTK_BOX (row), heading);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), details);

  g_object_set_data (G_OBJECT (row), "heading", heading);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "time", time);
  g_object_set_data (G_OBJECT (row), "details", details);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         GkHistoryPage            *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GkHistoryEntry *entry = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(GkHistoryEntry) before = position > 0 ? g_list_model_get_item (G_LIST_MODEL (self->entries), position - 1) : NULL;
  g_autoptr(GDateTime) local = g_date_time_to_local (gk_history_entry_get_time (entry));
  g_autofree char *heading = group_heading (entry);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *details = describe_changes (entry);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", gk_history_entry_get_title (entry));
  g_autofree char *accessible = NULL;
  gboolean starts_group = before == NULL || !same_group (before, entry);
  gboolean fresh = is_new (self, entry);

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "heading"), heading);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "heading"), starts_group);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "badge"), fresh);
  gtk_label_set_markup (g_object_get_data (G_OBJECT (row), "title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "time"), time);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "details"), details);
  gtk_widget_set_tooltip_text (row, details);

  /* Translators: what a screen reader says of a change in the history:
   * "Bram, 10:14, Measure “Wachtlijst”: Status: Planned → In progress" */
  accessible = g_strdup_printf (_("%s, %s, %s: %s"), gk_history_entry_get_person (entry), time,
                                gk_history_entry_get_title (entry), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
entry_activated_cb (GkHistoryPage *self,
                    guint          position)
{
  g_autoptr(GkHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry == NULL || gk_history_entry_get_record_id (entry) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                              gk_history_entry_get_record_table (entry), gk_history_entry_get_record_id (entry));
}

/* --- the filters ------------------------------------------------------------- */

static void
fill_person_filter (GkHistoryPage *self)
{
  g_auto(GStrv) people = gk_history_list_people (self->document);
  g_autoptr(GtkStringList) labels = NULL;
  guint selected = gtk_drop_down_get_selected (self->person_filter);
  const char *chosen = NULL;

  if (self->people != NULL && g_strv_equal ((const char * const *) people, (const char * const *) self->people))
    return;
  if (self->people != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected - 1 < g_strv_length (self->people))
    chosen = self->people[selected - 1];

  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("Everyone"));
  selected = 0;
  for (guint i = 0; people[i] != NULL; i++)
    {
      gtk_string_list_append (labels, people[i]);
      if (g_strcmp0 (people[i], chosen) == 0)
        selected = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->person_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->person_filter, selected);
  self->filling = FALSE;
  g_strfreev (self->people);
  self->people = g_steal_pointer (&people);
}

static void
fill_fixed_filters (GkHistoryPage *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  const char *period_labels[] = {
    [PERIOD_ANY] = _("Any time"),
    [PERIOD_TODAY] = _("Today"),
    [PERIOD_WEEK] = _("Last 7 days"),
    [PERIOD_MONTH] = _("Last 30 days"),
    [PERIOD_YEAR] = _("Last 12 months"),
    NULL
  };
  g_autoptr(GtkStringList) periods = gtk_string_list_new (period_labels);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, _(kinds[i].label));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kind_labels));
  gtk_drop_down_set_model (self->period_filter, G_LIST_MODEL (periods));
  self->filling = FALSE;
}

/* The start of the chosen period: midnight, local time, of today or of
 * the days before; NULL for any time. */
static GDateTime *
period_start (GkHistoryPage *self)
{
  static const int days_back[] = { [PERIOD_TODAY] = 0, [PERIOD_WEEK] = 6, [PERIOD_MONTH] = 29, [PERIOD_YEAR] = 364 };
  guint period = gtk_drop_down_get_selected (self->period_filter);
  GDate today;

  if (period == PERIOD_ANY || period >= G_N_ELEMENTS (days_back))
    return NULL;
  today = gk_session_get_today (self->session);
  g_date_subtract_days (&today, days_back[period]);
  return g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today), g_date_get_day (&today), 0, 0, 0);
}

static gboolean
filters_active (GkHistoryPage *self)
{
  return gtk_drop_down_get_selected (self->person_filter) > 0 ||
         gtk_drop_down_get_selected (self->kind_filter) > 0 ||
         gtk_drop_down_get_selected (self->period_filter) > 0;
}

static void
filter_changed_cb (GkHistoryPage *self)
{
  if (self->filling || self->content_stack == NULL)
    return;
  self->limit = CHANGES_PER_PAGE;
  refresh (self);
}

static void
more_clicked_cb (GkHistoryPage *self)
{
  self->limit += CHANGES_PER_PAGE;
  refresh (self);
}

/* --- the list ---------------------------------------------------------------- */

static void
update_content (GkHistoryPage *self,
                gboolean       more)
{
  g_autofree char *count = NULL;

  gtk_widget_set_visible (self->more_button, more);
  gtk_widget_set_visible (GTK_WIDGET (self->new_label), self->n_new > 0);
  if (self->n_new > 0)
    {
      /* Translators: next to the History heading */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", self->n_new), self->n_new);
      gtk_label_set_text (self->new_label, count);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "entries");
      return;
    }
  if (self->document != NULL && filters_active (self))
    {
      adw_status_page_set_title (self->empty_status, _("No Matching Changes"));
      adw_status_page_set_description (self->empty_status,
                                       _("Nobody changed records of this kind in this period, or not this person."));
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Changes Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Every change is kept here: who changed what and when, and what it was "
                                         "before. Colleagues’ changes come in when the programme is shared."));
    }
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
refresh (GkHistoryPage *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GkHistoryFilter filter = { 0 };
  guint person, kind, n;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  self->n_new = 0;
  if (self->document == NULL)
    {
      g_list_store_remove_all (self->entries);
      update_content (self, FALSE);
      return;
    }

  fill_person_filter (self);
  person = gtk_drop_down_get_selected (self->person_filter);
  kind = gtk_drop_down_get_selected (self->kind_filter);
  if (person > 0 && person != GTK_INVALID_LIST_POSITION && person - 1 < g_strv_length (self->people))
    filter.person = self->people[person - 1];
  if (kind < G_N_ELEMENTS (kinds))
    filter.tables = kinds[kind].tables;
  filter.from = from = period_start (self);
  /* One more than listed tells whether there are older ones. */
  filter.limit = self->limit + 1;

  found = gk_history_query (self->document, &filter, &error);
  if (found == NULL)
    {
      g_warning ("The history could not be read: %s", error->message);
      return;
    }
  n = MIN (g_list_model_get_n_items (found), self->limit);
  for (guint i = 0; i < n; i++)
    {
      GkHistoryEntry *entry = g_list_model_get_item (found, i);

      self->n_new += is_new (self, entry);
      g_ptr_array_add (shown, entry);
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       shown->pdata, shown->len);
  update_content (self, g_list_model_get_n_items (found) > n);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  GkHistoryPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Every edit, undo and merge: read again once the burst is over, or when
 * the page is next shown. */
static void
document_changed_cb (GkHistoryPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

static void
gk_history_page_map (GtkWidget *widget)
{
  GkHistoryPage *self = GK_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (gk_history_page_parent_class)->map (widget);
  look (self);
  refresh (self);
}

static void
set_document (GkHistoryPage *self,
              GkDocument    *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->people, g_strfreev);
  g_clear_pointer (&self->seen_ids, g_hash_table_unref);
  g_clear_pointer (&self->look_ids, g_hash_table_unref);
  self->seen_before = 0;
  self->limit = CHANGES_PER_PAGE;
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      look (self);
      refresh (self);
    }
  else
    {
      g_list_store_remove_all (self->entries);
      self->stale = TRUE;
    }
}

/* --- public ------------------------------------------------------------------ */

GListModel *
gk_history_page_get_entries (GkHistoryPage *self)
{
  g_return_val_if_fail (GK_IS_HISTORY_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

guint
gk_history_page_get_n_new (GkHistoryPage *self)
{
  g_return_val_if_fail (GK_IS_HISTORY_PAGE (self), 0);

  return self->n_new;
}

/* --- the session ------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
session_document_cb (GkHistoryPage *self)
{
  set_document (self, self->session != NULL ? gk_session_get_document (self->session) : NULL);
}

void
gk_history_page_set_session (GkHistoryPage *self,
                             GkSession     *session)
{
  g_return_if_fail (GK_IS_HISTORY_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_cb), self, G_CONNECT_SWAPPED);
  session_document_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_history_page_get_session (GkHistoryPage *self)
{
  g_return_val_if_fail (GK_IS_HISTORY_PAGE (self), NULL);

  return self->session;
}

static void
gk_history_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkHistoryPage *self = GK_HISTORY_PAGE (object);

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
gk_history_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GkHistoryPage *self = GK_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_history_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction ------------------------------------------------------------ */

static void
gk_history_page_dispose (GObject *object)
{
  GkHistoryPage *self = GK_HISTORY_PAGE (object);

  gk_history_page_set_session (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_HISTORY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->people, g_strfreev);
  g_clear_pointer (&self->seen_ids, g_hash_table_unref);
  g_clear_pointer (&self->look_ids, g_hash_table_unref);

  G_OBJECT_CLASS (gk_history_page_parent_class)->dispose (object);
}

static void
gk_history_page_class_init (GkHistoryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_history_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_history_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_history_page_set_property;
  widget_class->map = gk_history_page_map;

  /**
   * GkHistoryPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, new_label);
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, person_filter);
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, period_filter);
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, entry_list);
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, GkHistoryPage, empty_status);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
gk_history_page_init (GkHistoryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->entries = g_list_store_new (GK_TYPE_HISTORY_ENTRY);
  self->limit = CHANGES_PER_PAGE;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->entry_list, factory);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));
  fill_fixed_filters (self);
  update_content (self, FALSE);
}

GtkWidget *
gk_history_page_new (void)
{
  return g_object_new (GK_TYPE_HISTORY_PAGE, NULL);
}
