/* gk-region-window.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are filled once, when the region has loaded: the region's
 * members are summaries that do not change while the window is open. The
 * search page alone is refilled, as the user types.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-chart-common.h"
#include "gk-clock.h"
#include "gk-level-badge.h"
#include "gk-region-chart.h"
#include "gk-region-report.h"
#include "gk-region-window.h"
#include "gk-window.h"

/* More hits than this the user narrows down rather than scrolls through. */
#define MAX_SEARCH_ROWS  200
#define CHART_HEIGHT     420

struct _GkRegionWindow
{
  AdwApplicationWindow  parent_instance;

  GkRegion             *region;
  GCancellable         *cancellable;
  GPtrArray            *shared;      /* GkRegionShared, once loaded */
  gboolean              loaded;
  GtkFileChooserNative *chooser;
  gboolean              exporting;
  gint64                load_started;  /* monotonic, for the debug log */

  GtkStack             *state_stack;
  AdwStatusPage        *empty_page;
  GtkProgressBar       *progress_bar;
  GtkListBox           *arrived_list;  /* the members read so far, while loading */
  AdwViewStack         *view_stack;
  GtkLabel             *summary_label;
  GtkListView          *headline_view;
  GtkLabel             *left_out_label;
  GtkListBox           *left_out_list;
  GtkBox               *matrix_header;
  GtkListView          *matrix_view;
  GPtrArray            *topics;      /* the matrix's columns: names */
  GtkDropDown          *indicator_dropdown;
  GtkLabel             *indicator_note;
  GtkDrawingArea       *indicator_chart;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count;
  GtkListBox           *search_list;
  GtkListView          *signal_view;
  GListStore           *by_headline; /* the members, worst first */
};

G_DEFINE_FINAL_TYPE (GkRegionWindow, gk_region_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ------------------------------------------------------------------ */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
escaped (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* A row that opens the member's file when activated. */
static void
open_member_row (GtkWidget  *row,
                 const char *path)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "region.open-member");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
}

static const char *
trend_text (GkGripTrend trend)
{
  return gk_grip_trend_label (trend);
}

/* --- the headline levels -------------------------------------------------------- */

static int
compare_headline (gconstpointer a,
                  gconstpointer b)
{
  return gk_region_member_compare_headline (*(GkRegionMember * const *) a, *(GkRegionMember * const *) b);
}

static void
fill_summary (GkRegionWindow *self)
{
  GListModel *members = gk_region_get_members (self->region);
  guint counts[GK_LEVEL_IN_CONTROL + 1] = { 0 };
  guint n = g_list_model_get_n_items (members);
  g_autofree char *count = NULL;
  g_autofree char *levels = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (members, i);

      counts[gk_region_member_get_headline (member)]++;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u municipality", "%u municipalities", n), n);
  levels = g_strdup_printf (_("Headline grip level: %s %u, %s %u, %s %u, not assessed %u."),
                            gk_level_label (GK_LEVEL_SERIOUS), counts[GK_LEVEL_SERIOUS],
                            gk_level_label (GK_LEVEL_VIGILANT), counts[GK_LEVEL_VIGILANT],
                            gk_level_label (GK_LEVEL_IN_CONTROL), counts[GK_LEVEL_IN_CONTROL],
                            counts[GK_LEVEL_NONE]);
  text = g_strdup_printf ("%s · %s", count, levels);
  gtk_label_set_label (self->summary_label, text);
}

/* The lists show a few hundred members: list views, whose rows are made
 * for what is on screen only (a row per member made up front took seconds
 * and hundreds of megabytes for the whole country). */

static void
open_member (GkRegionWindow *self,
             GkRegionMember *member)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "region.open-member", "s", gk_region_member_get_path (member));
}

static void
list_activated_cb (GtkListView    *view,
                   guint           position,
                   GkRegionWindow *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(GkRegionMember) member = g_list_model_get_item (model, position);

  if (member != NULL)
    open_member (self, member);
}

static void
set_up_list (GkRegionWindow     *self,
             GtkListView        *view,
             GListModel         *members,
             GCallback           setup,
             GCallback           bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (members));

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  gtk_list_view_set_factory (view, factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (view, "activate", G_CALLBACK (list_activated_cb), self);
}

/* A row of the headline list: name and programme over each other, then
 * the level badge. The list view's rows and those shown while the region
 * loads are the same. */
static GtkWidget *
headline_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), gk_level_badge_new (GK_LEVEL_NONE));
  gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_tooltip_text (row, _("Open this municipality’s programme"));
  return row;
}

static void
headline_row_show (GtkWidget      *row,
                   GkRegionMember *member)
{
  GtkWidget *texts = gtk_widget_get_first_child (row);
  GtkWidget *badge = gtk_widget_get_next_sibling (texts);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", gk_region_member_get_title (member),
                                               trend_text (gk_region_member_get_trend (member)));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (texts)), gk_region_member_get_municipality (member));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (texts)), subtitle);
  gk_level_badge_set_level (GK_LEVEL_BADGE (badge), gk_region_member_get_headline (member));
}

static void
headline_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   GkRegionWindow           *self)
{
  gtk_list_item_set_child (item, headline_row_new ());
}

static void
headline_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GkRegionWindow           *self)
{
  headline_row_show (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

/* While the region loads, the members read so far show in the order they
 * are read, each a row that opens its file: a list box bound to the
 * region's growing list (a few hundred rows for a few seconds are cheap
 * there); the page's list view gets its sorted store once all are read. */
static GtkWidget *
arrived_row_new (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *content = headline_row_new ();

  headline_row_show (content, item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  open_member_row (row, gk_region_member_get_path (item));
  return row;
}

static void
arrived_changed_cb (GkRegionWindow *self)
{
  gboolean any = g_list_model_get_n_items (gk_region_get_members (self->region)) > 0;

  if (any && !gtk_widget_get_visible (GTK_WIDGET (self->arrived_list)))
    g_debug ("Region: first members shown after %.0f ms", (g_get_monotonic_time () - self->load_started) / 1000.0);
  gtk_widget_set_visible (GTK_WIDGET (self->arrived_list), any);
}

static void
show_members_as_they_arrive (GkRegionWindow *self)
{
  GListModel *members = gk_region_get_members (self->region);

  gtk_list_box_bind_model (self->arrived_list, members, arrived_row_new, self, NULL);
  g_signal_connect_object (members, "items-changed", G_CALLBACK (arrived_changed_cb), self, G_CONNECT_SWAPPED);
  arrived_changed_cb (self);
}

static void
stop_showing_arrivals (GkRegionWindow *self)
{
  g_signal_handlers_disconnect_by_func (gk_region_get_members (self->region), arrived_changed_cb, self);
  gtk_list_box_bind_model (self->arrived_list, NULL, NULL, NULL, NULL);
}

static void
fill_headlines (GkRegionWindow *self)
{
  GListModel *members = gk_region_get_members (self->region);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (members, i));
  g_ptr_array_sort (sorted, compare_headline);
  self->by_headline = g_list_store_new (GK_TYPE_REGION_MEMBER);
  g_list_store_splice (self->by_headline, 0, 0, sorted->pdata, sorted->len);
  set_up_list (self, self->headline_view, G_LIST_MODEL (self->by_headline),
               G_CALLBACK (headline_setup_cb), G_CALLBACK (headline_bind_cb));
}

static void
fill_left_out (GkRegionWindow *self)
{
  GListModel *left_out = gk_region_get_left_out (self->region);
  guint n = g_list_model_get_n_items (left_out);

  gtk_widget_set_visible (GTK_WIDGET (self->left_out_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_list), n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRegionMember) member = g_list_model_get_item (left_out, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = escaped (gk_region_member_get_display_name (member));
      g_autofree char *reason = escaped (gk_region_member_get_error (member)->message);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_append (self->left_out_list, row);
    }
}

/* --- the matrix ---------------------------------------------------------------- */

#define MATRIX_NAME_WIDTH 200
#define MATRIX_CELL_WIDTH 120

/* A row of the matrix: the name, then a cell per topic (a badge, or a dash
 * where the programme has no such topic), as wide as the header's. */
static void
matrix_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GkRegionWindow           *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (name, MATRIX_NAME_WIDTH, -1);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (row), name);
  for (guint t = 0; t < self->topics->len; t++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *badge = gk_level_badge_new (GK_LEVEL_NONE);
      GtkWidget *dash = gtk_label_new ("–");

      gtk_widget_set_size_request (cell, MATRIX_CELL_WIDTH, -1);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (dash, _("The programme has no such topic"));
      gtk_widget_add_css_class (dash, "dim-label");
      gtk_box_append (GTK_BOX (cell), badge);
      gtk_box_append (GTK_BOX (cell), dash);
      gtk_box_append (GTK_BOX (row), cell);
    }
  gtk_widget_set_tooltip_text (name, _("Open this municipality’s programme"));
  gtk_list_item_set_child (item, row);
}

static void
matrix_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GkRegionWindow           *self)
{
  GkRegionMember *member = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *cell = gtk_widget_get_next_sibling (name);

  gtk_label_set_label (GTK_LABEL (name), gk_region_member_get_municipality (member));
  for (guint t = 0; t < self->topics->len && cell != NULL; t++, cell = gtk_widget_get_next_sibling (cell))
    {
      const GkRegionTopic *topic = gk_region_member_lookup_topic (member, g_ptr_array_index (self->topics, t));
      GtkWidget *badge = gtk_widget_get_first_child (cell);

      gtk_widget_set_visible (badge, topic != NULL);
      gtk_widget_set_visible (gtk_widget_get_next_sibling (badge), topic == NULL);
      if (topic != NULL)
        gk_level_badge_set_level (GK_LEVEL_BADGE (badge), topic->level);
    }
}

static GtkWidget *
heading_label (const char *text,
               int         width)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A long word ("Contractmanagement") breaks too: the header keeps the
   * width of the cells below it. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_size_request (label, width, -1);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
fill_matrix (GkRegionWindow *self)
{
  self->topics = gk_region_get_topic_names (self->region);
  gtk_box_append (self->matrix_header, heading_label (_("Municipality"), MATRIX_NAME_WIDTH));
  for (guint t = 0; t < self->topics->len; t++)
    gtk_box_append (self->matrix_header, heading_label (g_ptr_array_index (self->topics, t), MATRIX_CELL_WIDTH));
  /* Its rows are made when the page is first shown (page_changed_cb): a
   * list view that has no size yet makes rows for many items. */
}

/* --- the shared indicators ----------------------------------------------------------- */

static const GkRegionShared *
selected_shared (GkRegionWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->indicator_dropdown);

  if (self->shared == NULL || selected >= self->shared->len)
    return NULL;
  return g_ptr_array_index (self->shared, selected);
}

static void
draw_indicator_chart (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        user_data)
{
  GkRegionWindow *self = user_data;
  const GkRegionShared *shared = selected_shared (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GkChartContext) ctx = NULL;
  GkChartRect rect = { 0, 0, width, height };

  if (shared == NULL)
    return;
  ctx = gk_chart_context_new (dark ? GK_STYLE_VARIANT_DARK : GK_STYLE_VARIANT_LIGHT);
  gk_chart_context_begin (ctx, cr);
  gk_region_chart_draw (ctx, shared, &rect);
  gk_chart_context_end (ctx);
}

static void
indicator_selected_cb (GkRegionWindow *self)
{
  const GkRegionShared *shared = selected_shared (self);
  g_autofree char *note = NULL;

  if (shared != NULL)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Measured by %u municipality; unit: %s.",
                                         "Measured by %u municipalities; unit: %s.", shared->members->len),
                            shared->members->len, gk_unit_label (shared->unit));
  else
    note = g_strdup (_("The municipalities share no indicator."));
  gtk_label_set_label (self->indicator_note, note);
  gtk_widget_queue_draw (GTK_WIDGET (self->indicator_chart));
}

static void
fill_indicators (GkRegionWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->shared = gk_region_get_shared_indicators (self->region);
  for (guint i = 0; i < self->shared->len; i++)
    gtk_string_list_append (names, ((GkRegionShared *) g_ptr_array_index (self->shared, i))->name);
  gtk_drop_down_set_model (self->indicator_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->indicator_dropdown), self->shared->len > 0);
  indicator_selected_cb (self);
}

/* --- the search ------------------------------------------------------------------ */

static void
search_changed_cb (GkRegionWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *count = NULL;

  clear_list (self->search_list);
  gtk_label_set_label (self->search_count, "");
  /* Nothing typed yet: the whole country's work is thousands of rows that
   * nobody reads. */
  if (!self->loaded || *query == '\0')
    return;
  hits = gk_region_search (self->region, query);
  for (guint i = 0; i < MIN (hits->len, MAX_SEARCH_ROWS); i++)
    {
      GkRegionHit *hit = g_ptr_array_index (hits, i);
      const GkRegionWork *work = hit->work;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = escaped (work->title);
      g_autoptr(GString) about = g_string_new (gk_region_member_get_municipality (hit->member));
      g_autofree char *subtitle = NULL;

      if (work->project != NULL)
        g_string_append_printf (about, " · %s", work->project);
      g_string_append_printf (about, " · %s", gk_region_work_status_label (work));
      if (*work->owner != '\0')
        g_string_append_printf (about, " · %s", work->owner);
      subtitle = escaped (about->str);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (work->kind == GK_REGION_WORK_PROJECT
                                                               ? "folder-symbolic" : "object-select-symbolic"));
      open_member_row (row, gk_region_member_get_path (hit->member));
      gtk_list_box_append (self->search_list, row);
    }

  if (hits->len > MAX_SEARCH_ROWS)
    /* Translators: how many projects and measures a search found, of which the first are shown */
    count = g_strdup_printf (_("%u found; the first %u are shown"), hits->len, MAX_SEARCH_ROWS);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u found", "%u found", hits->len), hits->len);
  gtk_label_set_label (self->search_count, count);
}

/* --- the attention signals ----------------------------------------------------------- */

/* How many of a municipality's signals its row lists. */
#define SIGNALS_PER_ROW 4

/* A row of the signals page: the municipality and its count, then its
 * most severe signals. */
static void
signal_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GkRegionWindow           *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), body);
  gtk_list_item_set_child (item, row);
}

static void
signal_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GkRegionWindow           *self)
{
  GkRegionMember *member = gtk_list_item_get_item (item);
  GPtrArray *signals = gk_region_member_get_signals (member);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attention signal",
                                                         "%u attention signals", signals->len),
                                            signals->len);

  heading = g_strdup_printf ("%s · %s", gk_region_member_get_municipality (member), count);
  gtk_label_set_label (GTK_LABEL (title), heading);
  for (guint s = 0; s < MIN (signals->len, SIGNALS_PER_ROW); s++)
    {
      const GkRegionSignal *signal = g_ptr_array_index (signals, s);

      if (s > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, "%s: %s", gk_severity_label (signal->severity), signal->message);
    }
  if (signals->len > SIGNALS_PER_ROW)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "And %u more signal.", "And %u more signals.",
                                                 signals->len - SIGNALS_PER_ROW),
                              signals->len - SIGNALS_PER_ROW);
    }
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), body->str);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (title), body->len > 0);
}

/* On the search page the user types at once. */
static void
page_changed_cb (GkRegionWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "search") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  if (!self->loaded)
    return;
  /* The lists of the other pages get their rows when first shown: a list
   * view without a size yet makes rows for many of its items, which for a
   * few hundred members held up the window for a second. */
  if (g_strcmp0 (page, "matrix") == 0 && gtk_list_view_get_model (self->matrix_view) == NULL)
    set_up_list (self, self->matrix_view, gk_region_get_members (self->region),
                 G_CALLBACK (matrix_setup_cb), G_CALLBACK (matrix_bind_cb));
  if (g_strcmp0 (page, "signals") == 0 && gtk_list_view_get_model (self->signal_view) == NULL)
    set_up_list (self, self->signal_view, gk_region_get_members (self->region),
                 G_CALLBACK (signal_setup_cb), G_CALLBACK (signal_bind_cb));
}

/* --- loading ------------------------------------------------------------------------ */

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  GkRegionWindow *self = user_data;
  g_autofree char *text = NULL;

  /* Closed while the members were being read: the window is going. */
  if (self->progress_bar == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  /* Translators: progress while a region opens */
  text = g_strdup_printf (_("%u of %u files read"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
show_region (GkRegionWindow *self)
{
  const char *name = gk_region_get_name (self->region);

  if (*name != '\0')
    gtk_window_set_title (GTK_WINDOW (self), name);
  stop_showing_arrivals (self);
  self->loaded = TRUE;
  fill_summary (self);
  fill_headlines (self);
  fill_left_out (self);
  fill_matrix (self);
  fill_indicators (self);
  search_changed_cb (self);
  page_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.save", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export-report",
                                 g_list_model_get_n_items (gk_region_get_members (self->region)) > 0);

  if (g_list_model_get_n_items (gk_region_get_members (self->region)) == 0)
    {
      g_autofree char *left_out = gk_region_describe_left_out (self->region);

      adw_status_page_set_description (self->empty_page, left_out);
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->state_stack, "region");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GkRegionWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gk_region_load_finish (GK_REGION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          stop_showing_arrivals (self);
          adw_status_page_set_description (self->empty_page, error->message);
          gtk_stack_set_visible_child_name (self->state_stack, "empty");
        }
      return;
    }
  g_debug ("Region: %u members read, %u left out, in %.0f ms",
           g_list_model_get_n_items (gk_region_get_members (self->region)),
           g_list_model_get_n_items (gk_region_get_left_out (self->region)),
           (g_get_monotonic_time () - self->load_started) / 1000.0);
  show_region (self);
  g_debug ("Region: pages filled after %.0f ms", (g_get_monotonic_time () - self->load_started) / 1000.0);
}

static void
start_loading (GkRegionWindow *self)
{
  GDate today = gk_clock_get_today (gk_clock_get_default ());

  self->load_started = g_get_monotonic_time ();
  progress_cb (0, gk_region_get_paths (self->region)->len, self);
  show_members_as_they_arrive (self);
  gk_region_load_async (self->region, &today, self->cancellable, progress_cb, self,
                        loaded_cb, g_object_ref (self));
}

/* --- actions -------------------------------------------------------------------------- */

static void
open_member_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkRegionWindow *self = GK_REGION_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  GkWindow *window;

  if (application == NULL)
    return;
  window = gk_window_new (GK_APPLICATION (application));
  gtk_window_present (GTK_WINDOW (window));
  /* A municipality's file is looked at from the region, not changed by
   * accident: its window edits only when the user chooses to. */
  gk_window_open_file_read_only (window, file, _("Opened from the region, to look at. Choose Edit to change it."));
}

static void
show_save_error (GkRegionWindow *self,
                 const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Region"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  GkRegionWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_str_has_suffix (path, GK_REGION_FILE_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, GK_REGION_FILE_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }
  if (*gk_region_get_name (self->region) == '\0')
    {
      g_autofree char *base = g_filename_display_basename (path);

      base[strlen (base) - strlen (GK_REGION_FILE_SUFFIX)] = '\0';
      gk_region_set_name (self->region, base);
    }
  if (!gk_region_save (self->region, path, &error))
    show_save_error (self, error);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkRegionWindow *self = GK_REGION_WINDOW (widget);
  const char *name = gk_region_get_name (self->region);
  g_autofree char *suggested = NULL;

  if (self->chooser != NULL)
    return;
  /* Translators: the file name a new region file is given */
  suggested = g_strconcat (*name != '\0' ? name : _("Region"), GK_REGION_FILE_SUFFIX, NULL);
  self->chooser = gtk_file_chooser_native_new (_("Save Region"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- the regional report ------------------------------------------------------------------ */

typedef struct {
  GkRegion            *region;
  char                *path;
  GDate                printed;
  GkReportPaper        paper;
  GkReportOrientation  orientation;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->region);
  g_free (job->path);
  g_free (job);
}

/* In a worker thread: the members are summaries that nobody changes once
 * loaded, so the report may read them from here. It is made here too, so
 * that its text layouts are this thread's own (as gk-report-export-task.c
 * does for the progress report). */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GkRegionReport) report = gk_region_report_new (job->region);
  GError *error = NULL;

  gk_region_report_set_printed_date (report, &job->printed);
  gk_region_report_set_paper (report, job->paper, job->orientation);
  if (gk_region_report_export_pdf (report, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_message (GkRegionWindow *self,
              const char     *heading,
              const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GkRegionWindow *self = GK_REGION_WINDOW (source);
  g_autoptr(GError) error = NULL;

  self->exporting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export-report", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, _("Could Not Export the Report"), error->message);
}

void
gk_region_window_export_report (GkRegionWindow      *self,
                                GFile               *file,
                                GkReportPaper        paper,
                                GkReportOrientation  orientation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (GK_IS_REGION_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->exporting || !self->loaded)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    return;
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (!gk_region_report_check_output (path, &error))
    {
      show_message (self, _("Could Not Export the Report"), error->message);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->region = g_object_ref (self->region);
  job->path = g_steal_pointer (&path);
  job->printed = gk_clock_get_today (gk_clock_get_default ());
  job->paper = paper;
  job->orientation = orientation;

  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export-report", FALSE);
  task = g_task_new (self, self->cancellable, exported_cb, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
gk_region_window_get_exporting (GkRegionWindow *self)
{
  g_return_val_if_fail (GK_IS_REGION_WINDOW (self), FALSE);
  return self->exporting;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    GkRegionWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  GkReportPaper paper = GK_REPORT_PAPER_A4;
  GkReportOrientation orientation = GK_REPORT_ORIENTATION_PORTRAIT;
  const char *choice;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if ((choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper")) != NULL)
    gk_report_paper_from_name (choice, &paper);
  if ((choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "orientation")) != NULL)
    gk_report_orientation_from_name (choice, &orientation);
  g_clear_object (&self->chooser);
  if (file != NULL)
    gk_region_window_export_report (self, file, paper, orientation);
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GkRegionWindow *self = GK_REGION_WINDOW (widget);
  const char * const papers[] = { "a4", "a3", NULL };
  const char * const paper_labels[] = { "A4", "A3", NULL };
  const char * const orientations[] = { "portrait", "landscape", NULL };
  const char *orientation_labels[] = { _("Portrait"), _("Landscape"), NULL };
  const char *name = gk_region_get_name (self->region);
  g_autofree char *suggested = NULL;

  if (self->chooser != NULL || self->exporting || !self->loaded)
    return;
  /* Translators: the file name the regional report is given; %s is the region */
  suggested = g_strdup_printf (_("Regional report %s.pdf"), *name != '\0' ? name : _("Region"));
  self->chooser = gtk_file_chooser_native_new (_("Export Regional Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "paper", _("Paper"),
                               (const char **) papers, (const char **) paper_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "paper", "a4");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "orientation", _("Orientation"),
                               (const char **) orientations, orientation_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "orientation", "portrait");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- GObject ---------------------------------------------------------------------------- */

static void
gk_region_window_dispose (GObject *object)
{
  GkRegionWindow *self = GK_REGION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_REGION_WINDOW);

  G_OBJECT_CLASS (gk_region_window_parent_class)->dispose (object);
}

static void
gk_region_window_finalize (GObject *object)
{
  GkRegionWindow *self = GK_REGION_WINDOW (object);

  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_object (&self->by_headline);
  g_clear_object (&self->region);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gk_region_window_parent_class)->finalize (object);
}

static void
gk_region_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkRegionWindow *self = GK_REGION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_region_window_class_init (GkRegionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_region_window_dispose;
  object_class->finalize = gk_region_window_finalize;
  object_class->get_property = gk_region_window_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-region-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, arrived_list);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, headline_view);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, left_out_label);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, left_out_list);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, matrix_header);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, indicator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, indicator_note);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, indicator_chart);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, search_list);
  gtk_widget_class_bind_template_child (widget_class, GkRegionWindow, signal_view);

  gtk_widget_class_install_action (widget_class, "region.open-member", "s", open_member_activated);
  gtk_widget_class_install_action (widget_class, "region.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "region.export-report", NULL, export_report_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "region.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "region.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gk_region_window_init (GkRegionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export-report", FALSE);
  gtk_drawing_area_set_content_height (self->indicator_chart, CHART_HEIGHT);
  gtk_drawing_area_set_draw_func (self->indicator_chart, draw_indicator_chart, self, NULL);
  g_signal_connect_swapped (self->indicator_dropdown, "notify::selected", G_CALLBACK (indicator_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb), self);
}

GkRegionWindow *
gk_region_window_new (GkApplication *application,
                      GkRegion      *region)
{
  GkRegionWindow *self;

  g_return_val_if_fail (GK_IS_REGION (region), NULL);

  self = g_object_new (GK_TYPE_REGION_WINDOW, "application", application, NULL);
  self->region = g_object_ref (region);
  start_loading (self);
  return self;
}

GkRegion *
gk_region_window_get_region (GkRegionWindow *self)
{
  g_return_val_if_fail (GK_IS_REGION_WINDOW (self), NULL);
  return self->region;
}

gboolean
gk_region_window_get_loaded (GkRegionWindow *self)
{
  g_return_val_if_fail (GK_IS_REGION_WINDOW (self), FALSE);
  return self->loaded;
}

void
gk_region_window_show_page (GkRegionWindow *self,
                            const char     *name)
{
  g_return_if_fail (GK_IS_REGION_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* --- Open Region… ------------------------------------------------------------------------ */

typedef struct {
  GkApplication *application;
  GtkWindow     *parent;
} Choosing;

static void
choosing_free (gpointer data)
{
  Choosing *choosing = data;

  g_object_unref (choosing->application);
  g_free (choosing);
}

static void
show_open_error (GtkWindow    *parent,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Open the Region"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  Choosing *choosing = g_object_get_data (G_OBJECT (chooser), "choosing");
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GkRegion) region = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  if (files != NULL && g_list_model_get_n_items (files) > 0)
    {
      region = gk_region_new ();
      for (guint i = 0; i < g_list_model_get_n_items (files) && error == NULL; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            gk_region_add_path (region, path, &error);
        }
      if (error != NULL)
        show_open_error (choosing->parent, error);
      else
        gtk_window_present (GTK_WINDOW (gk_region_window_new (choosing->application, region)));
    }
  g_object_set_data (G_OBJECT (choosing->parent), "gk-region-chooser", NULL);
}

void
gk_region_window_choose (GtkWindow     *parent,
                         GkApplication *application,
                         gboolean       folder)
{
  GtkFileChooserNative *chooser;
  Choosing *choosing;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (g_object_get_data (G_OBJECT (parent), "gk-region-chooser") != NULL)
    return;
  chooser = gtk_file_chooser_native_new (folder ? _("Open Region Folder") : _("Open Region"), parent,
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  if (!folder)
    {
      g_autoptr(GtkFileFilter) region_files = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (region_files, _("Gripkaart programmes and regions"));
      gtk_file_filter_add_mime_type (region_files, "application/x-gripkaart");
      gtk_file_filter_add_suffix (region_files, "gripkaart");
      gtk_file_filter_add_suffix (region_files, "gripkaart-region");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), region_files);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    }
  choosing = g_new0 (Choosing, 1);
  choosing->application = g_object_ref (application);
  choosing->parent = parent;
  g_object_set_data_full (G_OBJECT (chooser), "choosing", choosing, choosing_free);
  /* The parent keeps the chooser until it answers. */
  g_object_set_data_full (G_OBJECT (parent), "gk-region-chooser", chooser, g_object_unref);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
