/* gk-measures-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table is a GtkColumnView on the document's own list of measures,
 * through a filter and a sort model: only the rows on screen have widgets,
 * so a programme with hundreds of measures scrolls as quickly as a small
 * one, and every change to a measure shows at once.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-attention.h"
#include "gk-edit-actions.h"
#include "gk-choice.h"
#include "gk-date.h"
#include "gk-form.h"
#include "gk-measure-editor.h"
#include "gk-measure-filter.h"
#include "gk-measures-page.h"
#include "gk-tooltip.h"

typedef enum {
  COLUMN_TITLE,
  COLUMN_PROJECT,
  COLUMN_OWNER,
  COLUMN_STATUS,
  COLUMN_KIND,
  COLUMN_DUE,
  COLUMN_PROGRESS,
} Column;

#define ALL_STATUSES (-1)

struct _GkMeasuresPage
{
  AdwBin               parent_instance;

  GkSession           *session;

  GkDocument          *document;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkSorter           *project_sorter;
  GtkSorter           *owner_sorter;

  /* What the filter looks at, read from the filter bar when it changes. */
  char                *search_folded;
  gint64               project_id;
  gint64               owner_id;
  int                  status;
  GkMeasureFilter     *shared;           /* project, owner, status, topic: the Timeline shows them too */
  gboolean             overdue_only;
  GDate                today;
  GkEnumEntry         *status_entries;
  guint                n_status_entries;

  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkDropDown         *project_filter;
  GtkDropDown         *owner_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *topic_filter;
  GtkToggleButton     *overdue_toggle;
  GtkStack            *table_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *kind_column;
  double               kind_hidden_below;   /* the table's width that made the Kind column give way */
  guint                fit_columns_idle;
  AdwStatusPage       *empty_page;

  /* The rows are built when the table is shown, or once the window is idle
   * after the frame that shows the programme: see attach_rows_later(). */
  GtkWidget           *rows_root;       /* weak: a page must not keep its window */
  guint                rows_tick;
  guint                rows_source;
};

G_DEFINE_FINAL_TYPE (GkMeasuresPage, gk_measures_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (GkMeasuresPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
is_overdue (GkMeasure   *measure,
            const GDate *today)
{
  const char *due = gk_measure_get_due_date (measure);
  GDate due_date;

  return due != NULL && gk_date_parse_iso (due, &due_date) &&
         gk_attention_measure_overdue (gk_measure_get_status (measure), &due_date, today);
}

static const char *
project_name (GkMeasuresPage *self,
              GkMeasure      *measure)
{
  GkFocusProject *project = gk_document_lookup_focus_project (self->document, gk_measure_get_project_id (measure));

  return project != NULL ? gk_focus_project_get_name (project) : "";
}

static const char *
owner_name (GkMeasuresPage *self,
            GkMeasure      *measure)
{
  GkPerson *person = gk_document_lookup_person (self->document, gk_measure_get_owner_id (measure));

  return person != NULL ? gk_person_get_name (person) : NULL;
}

/* --- cells ------------------------------------------------------------------- */

typedef struct {
  GkMeasuresPage *page;
  Column          column;
} ColumnData;

/* What a cell listens to while it shows a measure: the measure itself and,
 * for the project and owner columns, the row whose name it shows. */
typedef struct {
  GObject *measure;
  gulong   measure_handler;
  GObject *other;
  gulong   other_handler;
} CellWatch;

static void
cell_watch_free (gpointer data)
{
  CellWatch *watch = data;

  if (watch->measure != NULL)
    g_signal_handler_disconnect (watch->measure, watch->measure_handler);
  if (watch->other != NULL)
    g_signal_handler_disconnect (watch->other, watch->other_handler);
  g_clear_object (&watch->measure);
  g_clear_object (&watch->other);
  g_free (watch);
}

/* A cell whose text is cut short shows it whole in a tooltip. Asked for
 * when the pointer rests: setting a tooltip on every bind would cost a
 * round trip to the display server per cell while scrolling. */
static gboolean
query_tooltip_cb (GtkLabel   *label,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* Columns take the natural width of their cells, their content, as long
 * as the table has room; with less, each gives up an equal share down to
 * its least (GTK spreads the room so), long names ellipsized and whole in
 * tooltips. The title's least is the largest: at 1024 px it still reads as
 * a sentence, where a project is recognised by the start of its name. */
static GtkWidget *
label_new (Column column)
{
  /* The least and the most characters a column shows. */
  static const int chars[][2] = {
    [COLUMN_TITLE] = { 30, 70 },
    [COLUMN_PROJECT] = { 9, 40 },
    [COLUMN_OWNER] = { 8, 26 },
    [COLUMN_STATUS] = { 10, 14 },
    [COLUMN_KIND] = { 8, 12 },
    [COLUMN_DUE] = { 11, 14 },
    [COLUMN_PROGRESS] = { 4, 6 },
  };
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), chars[column][0]);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars[column][1]);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  return label;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  GtkWidget *box, *child;

  switch (data->column)
    {
    case COLUMN_DUE:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      child = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (child, "error");
      gk_widget_set_tooltip_lazily (child, _("Overdue"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      gtk_box_append (GTK_BOX (box), child);
      gtk_box_append (GTK_BOX (box), label_new (data->column));
      gtk_list_item_set_child (item, box);
      break;
    case COLUMN_PROGRESS:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (box, "measure-progress");
      child = gtk_progress_bar_new ();
      gtk_widget_set_hexpand (child, TRUE);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
      gtk_box_append (GTK_BOX (box), child);
      child = gtk_label_new (NULL);
      gtk_label_set_width_chars (GTK_LABEL (child), 5);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "numeric");
      gtk_box_append (GTK_BOX (box), child);
      gtk_list_item_set_child (item, box);
      break;
    case COLUMN_TITLE:
    case COLUMN_PROJECT:
    case COLUMN_OWNER:
    case COLUMN_STATUS:
    case COLUMN_KIND:
    default:
      gtk_list_item_set_child (item, label_new (data->column));
      break;
    }
}

static void
show_cell (GkMeasuresPage *self,
           Column          column,
           GtkListItem    *item)
{
  GkMeasure *measure = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  GtkWidget *first;

  switch (column)
    {
    case COLUMN_TITLE:
      gtk_label_set_text (GTK_LABEL (child), gk_measure_get_title (measure));
      break;
    case COLUMN_PROJECT:
      gtk_label_set_text (GTK_LABEL (child), project_name (self, measure));
      break;
    case COLUMN_OWNER:
      {
        const char *owner = owner_name (self, measure);

        gtk_label_set_text (GTK_LABEL (child), owner != NULL ? owner : _("Nobody yet"));
        if (owner == NULL)
          gtk_widget_add_css_class (child, "dim-label");
        else
          gtk_widget_remove_css_class (child, "dim-label");
      }
      break;
    case COLUMN_STATUS:
      gtk_label_set_text (GTK_LABEL (child), gk_measure_status_label (gk_measure_get_status (measure)));
      break;
    case COLUMN_KIND:
      gtk_label_set_text (GTK_LABEL (child), gk_measure_kind_label (gk_measure_get_kind (measure)));
      break;
    case COLUMN_DUE:
      {
        const char *due = gk_measure_get_due_date (measure);
        GDate date;

        first = gtk_widget_get_first_child (child);
        if (due != NULL && gk_date_parse_iso (due, &date))
          text = gk_date_format_display (&date);
        gtk_widget_set_visible (first, is_overdue (measure, &self->today));
        gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (first)), text != NULL ? text : "");
      }
      break;
    case COLUMN_PROGRESS:
      first = gtk_widget_get_first_child (child);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (first), gk_measure_get_progress (measure) / 100.0);
      text = g_strdup_printf (_("%d %%"), gk_measure_get_progress (measure));
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (first)), text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
cell_changed_cb (GtkListItem *item)
{
  ColumnData *data = g_object_get_data (G_OBJECT (item), "gk-column");

  if (gtk_list_item_get_item (item) != NULL)
    show_cell (data->page, data->column, item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  GkMeasuresPage *self = data->page;
  GkMeasure *measure = gtk_list_item_get_item (item);
  CellWatch *watch = g_new0 (CellWatch, 1);
  GObject *other = NULL;

  show_cell (self, data->column, item);

  g_object_set_data (G_OBJECT (item), "gk-column", data);
  watch->measure = g_object_ref (G_OBJECT (measure));
  watch->measure_handler = g_signal_connect_swapped (measure, "notify", G_CALLBACK (cell_changed_cb), item);
  if (data->column == COLUMN_PROJECT)
    other = G_OBJECT (gk_document_lookup_focus_project (self->document, gk_measure_get_project_id (measure)));
  else if (data->column == COLUMN_OWNER)
    other = G_OBJECT (gk_document_lookup_person (self->document, gk_measure_get_owner_id (measure)));
  if (other != NULL)
    {
      watch->other = g_object_ref (other);
      watch->other_handler = g_signal_connect_swapped (other, "notify::name", G_CALLBACK (cell_changed_cb), item);
    }
  g_object_set_data_full (G_OBJECT (item), "gk-cell-watch", watch, cell_watch_free);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnData               *data)
{
  g_object_set_data (G_OBJECT (item), "gk-cell-watch", NULL);
}

/* --- sorting ----------------------------------------------------------------- */

static int
compare_names (const char *a,
               const char *b)
{
  /* Rows without one go last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_utf8_collate (a, b);
}

static int
compare_projects (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GkMeasuresPage *self = user_data;

  return compare_names (project_name (self, (GkMeasure *) a), project_name (self, (GkMeasure *) b));
}

static int
compare_owners (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GkMeasuresPage *self = user_data;

  return compare_names (owner_name (self, (GkMeasure *) a), owner_name (self, (GkMeasure *) b));
}

static int
compare_due_dates (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  /* ISO dates sort as text; measures without a due date go last. */
  return compare_names (gk_measure_get_due_date ((GkMeasure *) a), gk_measure_get_due_date ((GkMeasure *) b));
}

static GtkSorter *
property_sorter_new (const char *property,
                     gboolean    numeric)
{
  GtkExpression *expression = gtk_property_expression_new (GK_TYPE_MEASURE, NULL, property);

  if (numeric)
    return GTK_SORTER (gtk_numeric_sorter_new (expression));
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

/* --- columns ------------------------------------------------------------------- */

static GtkColumnViewColumn *
add_column (GkMeasuresPage *self,
            Column          column,
            const char     *title,
            const char     *id,
            GtkSorter      *sorter,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnData *data = g_new0 (ColumnData, 1);
  GtkColumnViewColumn *view_column;

  data->page = self;
  data->column = column;
  g_object_set_data_full (G_OBJECT (factory), "gk-column-data", data, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), data);

  /* The column owns the factory and the view the column. */
  view_column = gtk_column_view_column_new (title, factory);
  g_object_set_data (G_OBJECT (view_column), "gk-column-id", (gpointer) id);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
  g_object_unref (sorter);
  return view_column;
}

static void
build_columns (GkMeasuresPage *self)
{
  GtkColumnViewColumn *due;

  self->project_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_projects, self, NULL));
  self->owner_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_owners, self, NULL));

  add_column (self, COLUMN_TITLE, _("Title"), "title", property_sorter_new ("title", FALSE), TRUE);
  add_column (self, COLUMN_PROJECT, _("Focus project"), "project", g_object_ref (self->project_sorter), FALSE);
  add_column (self, COLUMN_OWNER, _("Owner"), "owner", g_object_ref (self->owner_sorter), FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), "status", property_sorter_new ("status", TRUE), FALSE);
  self->kind_column = add_column (self, COLUMN_KIND, _("Kind"), "kind", property_sorter_new ("kind", TRUE), FALSE);
  due = add_column (self, COLUMN_DUE, _("Due"), "due",
                    GTK_SORTER (gtk_custom_sorter_new (compare_due_dates, NULL, NULL)), FALSE);
  add_column (self, COLUMN_PROGRESS, _("Progress"), "progress", property_sorter_new ("progress", TRUE), FALSE);
  /* What comes due first is what the team talks about first. */
  gtk_column_view_sort_by_column (self->column_view, due, GTK_SORT_ASCENDING);
}

/* Narrower than its columns' least widths (a 1024 px screen), the table
 * drops the Kind column, the one read least, so that the titles keep their
 * room instead of the table scrolling sideways; it comes back when the
 * table is as wide again as when it left. Checked after the allocation,
 * not in it. */
static gboolean
fit_columns_cb (gpointer user_data)
{
  GkMeasuresPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  self->fit_columns_idle = 0;
  if (page <= 0)
    return G_SOURCE_REMOVE;
  if (gtk_column_view_column_get_visible (self->kind_column) && upper > page + 0.5)
    {
      self->kind_hidden_below = upper;
      gtk_column_view_column_set_visible (self->kind_column, FALSE);
    }
  else if (!gtk_column_view_column_get_visible (self->kind_column) && page >= self->kind_hidden_below)
    gtk_column_view_column_set_visible (self->kind_column, TRUE);
  return G_SOURCE_REMOVE;
}

static void
table_width_changed_cb (GkMeasuresPage *self)
{
  if (self->fit_columns_idle == 0)
    self->fit_columns_idle = g_idle_add (fit_columns_cb, self);
}

/* --- filtering ----------------------------------------------------------------- */

static gboolean
measure_matches (gpointer item,
                 gpointer user_data)
{
  GkMeasuresPage *self = user_data;
  GkMeasure *measure = item;

  if (self->shared != NULL && !gk_measure_filter_matches (self->shared, measure))
    return FALSE;
  if (self->overdue_only && !is_overdue (measure, &self->today))
    return FALSE;
  if (self->search_folded != NULL)
    {
      g_autofree char *title = g_utf8_casefold (gk_measure_get_title (measure), -1);

      if (strstr (title, self->search_folded) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
update_count (GkMeasuresPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = g_list_model_get_n_items (gk_document_get_measures (self->document));
  g_autofree char *count = NULL;

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", total), total);
  else
    /* Translators: how many measures the filters let through, "12 of 47 measures" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u measure", "%u of %u measures", total),
                             shown, total);
  gtk_label_set_text (self->count_label, count);

  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Measures Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Measures belong to a focus project. Add one with the + button, "
                                         "or from the catalogue on the Focus projects page."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Measures"));
      adw_status_page_set_description (self->empty_page, _("No measure meets all the filters."));
    }
  gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), total > 0);
  gtk_stack_set_visible_child_name (self->table_stack, shown > 0 ? "table" : "empty");
}

/* Reads the filter bar and lets the filter look again. */
static void
filters_changed (GkMeasuresPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint status_position = gtk_drop_down_get_selected (self->status_filter);

  if (self->document == NULL)
    return;
  g_clear_pointer (&self->search_folded, g_free);
  if (*text != '\0')
    self->search_folded = g_utf8_casefold (text, -1);
  self->project_id = gk_choice_record_get (self->project_filter);
  self->owner_id = gk_choice_record_get (self->owner_filter);
  self->status = status_position < self->n_status_entries
                 ? self->status_entries[status_position].value : ALL_STATUSES;
  if (self->shared != NULL)
    gk_measure_filter_set (self->shared, self->project_id, self->owner_id, self->status,
                           gk_choice_record_get (self->topic_filter));
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  self->today = gk_clock_get_today (gk_document_get_clock (self->document));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
fill_filter_choices (GkMeasuresPage *self)
{
  gk_choice_record_setup (self->project_filter, gk_document_get_focus_projects (self->document),
                          _("All focus projects"), gk_choice_record_get (self->project_filter));
  gk_choice_record_setup (self->owner_filter, gk_document_get_people (self->document),
                          _("All owners"), gk_choice_record_get (self->owner_filter));
  gk_choice_record_setup (self->topic_filter, gk_document_get_topics (self->document),
                          _("All topics"), gk_choice_record_get (self->topic_filter));
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GkMeasuresPage *self = GK_MEASURES_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gk_choice_record_set (self->project_filter, 0);
  gk_choice_record_set (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gk_choice_record_set (self->topic_filter, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  filters_changed (self);
}

/* --- opening, adding and deleting ------------------------------------------------- */

static GkMeasure *
selected_measure (GkMeasuresPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
open_editor (GkMeasuresPage *self,
             GkMeasure      *measure)
{
  GkMeasureEditor *editor;

  editor = gk_measure_editor_new (parent_window (self), self->document, measure, self->project_id);
  if (measure == NULL)
    g_signal_connect_object (editor, "saved", G_CALLBACK (gk_measures_page_select_measure), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (GkMeasuresPage *self,
                  guint           position)
{
  g_autoptr(GkMeasure) measure = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (measure != NULL)
    open_editor (self, measure);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkMeasuresPage *self = GK_MEASURES_PAGE (widget);

  if (selected_measure (self) != NULL)
    open_editor (self, selected_measure (self));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (GK_MEASURES_PAGE (widget), NULL);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkMeasuresPage *self = GK_MEASURES_PAGE (widget);
  GkMeasure *measure = selected_measure (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (measure == NULL)
    return;
  title = g_strdup_printf (_("Measure “%s” deleted"), gk_measure_get_title (measure));
  if (!gk_document_delete (self->document, GK_RECORD (measure), &error))
    {
      gk_form_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  gk_form_add_toast (widget, gk_form_undo_toast_new (title));
}

static guint
position_of (GListModel *model,
             gint64      measure_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (model, i);

      if (gk_record_get_id (GK_RECORD (measure)) == measure_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* --- building the rows ------------------------------------------------------------ */

/* Giving the column view its model builds the cells of up to 200 rows at
 * once (GTK 4.8 keeps that many around the visible ones): a tenth of a
 * second or more with a large programme. A programme opens on the overview,
 * so the rows wait until the table is shown, or until the window has
 * painted the programme and has nothing else to do. */
static void
cancel_rows_later (GkMeasuresPage *self)
{
  g_clear_handle_id (&self->rows_source, g_source_remove);
  if (self->rows_tick != 0 && self->rows_root != NULL)
    gtk_widget_remove_tick_callback (self->rows_root, self->rows_tick);
  self->rows_tick = 0;
  g_clear_weak_pointer (&self->rows_root);
}

static void
attach_rows (GkMeasuresPage *self)
{
  cancel_rows_later (self);
  if (self->selection != NULL &&
      gtk_column_view_get_model (self->column_view) != GTK_SELECTION_MODEL (self->selection))
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static gboolean
attach_rows_idle (gpointer data)
{
  GkMeasuresPage *self = data;

  self->rows_source = 0;
  attach_rows (self);
  return G_SOURCE_REMOVE;
}

/* The first frame of the window after the programme arrived: it is painted
 * in this same dispatch, so an idle added now runs after it. */
static gboolean
first_tick_cb (GtkWidget     *root,
               GdkFrameClock *clock,
               gpointer       data)
{
  GkMeasuresPage *self = data;

  self->rows_tick = 0;
  g_clear_weak_pointer (&self->rows_root);
  if (self->rows_source == 0)
    self->rows_source = g_idle_add_full (G_PRIORITY_LOW, attach_rows_idle, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
attach_rows_later (GkMeasuresPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  cancel_rows_later (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_rows (self);
  else if (root != NULL)
    {
      g_set_weak_pointer (&self->rows_root, GTK_WIDGET (root));
      self->rows_tick = gtk_widget_add_tick_callback (self->rows_root, first_tick_cb, self, NULL);
    }
  else
    self->rows_source = g_idle_add_full (G_PRIORITY_LOW, attach_rows_idle, self, NULL);
}

static void
gk_measures_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gk_measures_page_parent_class)->map (widget);
  attach_rows (GK_MEASURES_PAGE (widget));
}

/* GtkColumnView of GTK 4.8 cannot scroll itself; its list view can. */
static void
scroll_to (GkMeasuresPage *self,
           guint           position)
{
  attach_rows (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

void
gk_measures_page_select_measure (GkMeasuresPage *self,
                                 gint64          measure_id)
{
  guint position;

  g_return_if_fail (GK_IS_MEASURES_PAGE (self));
  g_return_if_fail (self->document != NULL);

  position = position_of (G_LIST_MODEL (self->sort_model), measure_id);
  if (position == GTK_INVALID_LIST_POSITION &&
      gk_document_lookup_measure (self->document, measure_id) != NULL)
    {
      clear_filters_activated (GTK_WIDGET (self), NULL, NULL);
      position = position_of (G_LIST_MODEL (self->sort_model), measure_id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  /* Arriving from a link or a search result, the keyboard goes along: the
   * row then shows as selected in the accent colour, not in faint grey,
   * and Enter opens it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
gk_measures_page_edit_measure (GkMeasuresPage *self,
                               gint64          measure_id)
{
  GkMeasure *measure;

  g_return_if_fail (GK_IS_MEASURES_PAGE (self));
  g_return_if_fail (self->document != NULL);

  measure = gk_document_lookup_measure (self->document, measure_id);
  if (measure != NULL)
    open_editor (self, measure);
}

/* --- the document ------------------------------------------------------------------ */

static void
update_actions (GkMeasuresPage *self)
{
  gboolean has_projects = self->document != NULL &&
                          g_list_model_get_n_items (gk_document_get_focus_projects (self->document)) > 0;

  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "measures.new", has_projects);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "measures.edit", selected_measure (self) != NULL);
  gk_edit_action_set_enabled (GTK_WIDGET (self), self->document, "measures.delete", selected_measure (self) != NULL);
}

/* A measure that changed is filtered again by its list (items-changed);
 * what the filter cannot see is whether targets or the date changed. */
static void
document_changed_cb (GkMeasuresPage *self)
{
  filters_changed (self);
  update_actions (self);
}

/* A project or person renamed: the filter bar and the order by name. */
static void
choices_changed_cb (GkMeasuresPage *self)
{
  fill_filter_choices (self);
  gtk_sorter_changed (self->project_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->owner_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
detach_document (GkMeasuresPage *self)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (gk_document_get_focus_projects (self->document), self);
      g_signal_handlers_disconnect_by_data (gk_document_get_people (self->document), self);
      g_signal_handlers_disconnect_by_data (gk_document_get_topics (self->document), self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  cancel_rows_later (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
}

static void
set_document (GkMeasuresPage *self,
              GkDocument     *document)
{
  GtkSorter *sorter;

  g_return_if_fail (GK_IS_MEASURES_PAGE (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  if (document == self->document)
    return;
  detach_document (self);
  if (document == NULL)
    {
      update_actions (self);
      return;
    }

  self->document = g_object_ref (document);
  self->filter = gtk_custom_filter_new (measure_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (gk_document_get_measures (document)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  /* Nothing is chosen until the user chooses (Delete must not surprise). */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  attach_rows_later (self);

  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
  g_signal_connect_swapped (gk_document_get_focus_projects (document), "items-changed",
                            G_CALLBACK (choices_changed_cb), self);
  g_signal_connect_swapped (gk_document_get_people (document), "items-changed",
                            G_CALLBACK (choices_changed_cb), self);
  g_signal_connect_swapped (gk_document_get_topics (document), "items-changed",
                            G_CALLBACK (choices_changed_cb), self);

  fill_filter_choices (self);
  filters_changed (self);
  update_actions (self);
}

/* --- the session ----------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Cleared elsewhere (on the Timeline) or for a new programme: the filter
 * bar shows it. Setting the choices brings the same values back, which
 * changes nothing. */
static void
shared_filter_changed_cb (GkMeasuresPage *self)
{
  if (gk_choice_record_get (self->project_filter) != gk_measure_filter_get_project_id (self->shared))
    gk_choice_record_set (self->project_filter, gk_measure_filter_get_project_id (self->shared));
  if (gk_choice_record_get (self->owner_filter) != gk_measure_filter_get_owner_id (self->shared))
    gk_choice_record_set (self->owner_filter, gk_measure_filter_get_owner_id (self->shared));
  if (gk_choice_record_get (self->topic_filter) != gk_measure_filter_get_topic_id (self->shared))
    gk_choice_record_set (self->topic_filter, gk_measure_filter_get_topic_id (self->shared));
  if (self->status != gk_measure_filter_get_status (self->shared))
    gk_choice_enum_set (self->status_filter, gk_measure_filter_get_status (self->shared));
}

static void
session_document_cb (GkMeasuresPage *self)
{
  set_document (self, self->session != NULL ? gk_session_get_document (self->session) : NULL);
}

void
gk_measures_page_set_session (GkMeasuresPage *self,
                              GkSession      *session)
{
  g_return_if_fail (GK_IS_MEASURES_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (gk_session_get_clock (self->session), self);
      g_signal_handlers_disconnect_by_data (self->shared, self);
      self->shared = NULL;
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->shared = gk_measure_filter_get_for_session (session);
      g_signal_connect_object (self->shared, "changed", G_CALLBACK (shared_filter_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_cb), self, G_CONNECT_SWAPPED);
      /* "Overdue" moves on at midnight. */
      g_signal_connect_object (gk_session_get_clock (session), "day-changed", G_CALLBACK (filters_changed), self,
                               G_CONNECT_SWAPPED);
    }
  session_document_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_measures_page_get_session (GkMeasuresPage *self)
{
  g_return_val_if_fail (GK_IS_MEASURES_PAGE (self), NULL);

  return self->session;
}

static void
gk_measures_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkMeasuresPage *self = GK_MEASURES_PAGE (object);

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
gk_measures_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkMeasuresPage *self = GK_MEASURES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_measures_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction -------------------------------------------------------------------- */

static void
gk_measures_page_dispose (GObject *object)
{
  GkMeasuresPage *self = GK_MEASURES_PAGE (object);

  gk_measures_page_set_session (self, NULL);
  detach_document (self);
  g_clear_handle_id (&self->fit_columns_idle, g_source_remove);
  g_clear_object (&self->project_sorter);
  g_clear_object (&self->owner_sorter);
  g_clear_pointer (&self->search_folded, g_free);
  g_clear_pointer (&self->status_entries, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_MEASURES_PAGE);

  G_OBJECT_CLASS (gk_measures_page_parent_class)->dispose (object);
}

static void
gk_measures_page_class_init (GkMeasuresPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_measures_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_measures_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_measures_page_set_property;

  /**
   * GkMeasuresPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  widget_class->map = gk_measures_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, project_filter);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, topic_filter);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, table_stack);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GkMeasuresPage, empty_page);

  gtk_widget_class_install_action (widget_class, "measures.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "measures.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "measures.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "measures.clear-filters", NULL, clear_filters_activated);
}

/* "All statuses" and then each status, for the status filter. */
static void
setup_status_filter (GkMeasuresPage *self)
{
  const GkEnumEntry *statuses;
  guint n;

  statuses = gk_measure_status_entries (&n);
  self->status_entries = g_new (GkEnumEntry, n + 1);
  self->status_entries[0] = (GkEnumEntry) { ALL_STATUSES, "all", N_("All statuses") };
  memcpy (self->status_entries + 1, statuses, n * sizeof (GkEnumEntry));
  self->n_status_entries = n + 1;
  gk_choice_enum_setup (self->status_filter, self->status_entries, self->n_status_entries, ALL_STATUSES);
}

static void
gk_measures_page_init (GkMeasuresPage *self)
{
  GtkDropDown *filters[4];
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = ALL_STATUSES;
  g_date_clear (&self->today, 1);   /* set from the clock with the document */
  build_columns (self);
  setup_status_filter (self);

  filters[0] = self->project_filter;
  filters[1] = self->owner_filter;
  filters[2] = self->status_filter;
  filters[3] = self->topic_filter;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      gk_choice_drop_down_setup_labels (filters[i], FALSE);
      g_signal_connect_swapped (filters[i], "notify::selected", G_CALLBACK (filters_changed), self);
    }
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (filters_changed), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)), "changed",
                           G_CALLBACK (table_width_changed_cb), self, G_CONNECT_SWAPPED);

  /* Delete removes the selected measure (with an Undo toast). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("measures.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  update_actions (self);
}

GtkWidget *
gk_measures_page_new (void)
{
  return g_object_new (GK_TYPE_MEASURES_PAGE, NULL);
}
