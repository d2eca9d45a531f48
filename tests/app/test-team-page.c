/* test-team-page.c: people, and the owner load view, driven through the widgets
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-application.h"
#include "gk-command-line.h"
#include "gk-date.h"
#include "gk-person-dialog.h"
#include "gk-measures-page.h"
#include "gk-projects-page.h"
#include "gk-roadmap-page.h"
#include "gk-team-page.h"
#include "gk-window.h"

#include "page-test-helpers.h"

/* --- helpers ------------------------------------------------------------------ */

static GtkWidget *
find_image_with_icon (GtkWidget  *widget,
                      const char *icon_name)
{
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_image_with_icon (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_descendants (GtkWidget *widget,
                   GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);
  return n;
}

static GkWindow *
open_demo_on_team (const char  *name,
                   GkTeamPage **out_page)
{
  GtkWidget *page;
  GkWindow *window = open_demo_today_on_page (name, "team", 1280, 800, &page);

  *out_page = GK_TEAM_PAGE (page);
  return window;
}

static GkPerson *
person_named (GkDocument *document,
              const char *name)
{
  GListModel *people = gk_document_get_people (document);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GkPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (gk_person_get_name (person), name))
        return person;  /* the list keeps it alive */
    }
  return NULL;
}

static GtkWidget *
person_row (GkTeamPage *page,
            gint64      person_id)
{
  g_autofree char *name = g_strdup_printf ("person-%" G_GINT64_FORMAT, person_id);

  return find_named (GTK_WIDGET (page), name);
}

/* The number shown by a count ("measures-count") of a person's row. */
static guint
shown_count (GtkWidget  *row,
             const char *name)
{
  GtkWidget *box = require_named (row, name);

  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box))), NULL, 10);
}

/* The number on a pill ("1 overdue"), 0 when the pill is hidden. */
static guint
shown_pill (GtkWidget  *row,
            const char *name)
{
  GtkWidget *pill = require_named (row, name);

  if (!gtk_widget_get_visible (pill))
    return 0;
  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (pill)), NULL, 10);
}

typedef struct {
  guint projects, measures, topics, overdue, off_track;
} Expected;

/* What a person owns, counted from the document itself, independently of
 * the page and of gk-owner-load. */
static Expected
expected_load (GkDocument *document,
               gint64      person_id)
{
  Expected e = { 0 };
  g_autofree char *today = NULL;
  GListModel *list;
  GDate date = test_today ();

  today = gk_date_to_iso (&date);

  list = gk_document_get_focus_projects (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkFocusProject) p = g_list_model_get_item (list, i);
      GkProjectStatus status = gk_focus_project_get_status (p);

      if (gk_focus_project_get_owner_id (p) != person_id)
        continue;
      e.projects++;
      e.off_track += gk_focus_project_get_health (p) == GK_HEALTH_OFF_TRACK &&
                     (status == GK_PROJECT_STATUS_ACTIVE || status == GK_PROJECT_STATUS_PAUSED);
    }
  list = gk_document_get_measures (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkMeasure) m = g_list_model_get_item (list, i);
      GkMeasureStatus status = gk_measure_get_status (m);
      const char *due = gk_measure_get_due_date (m);

      if (gk_measure_get_owner_id (m) != person_id)
        continue;
      e.measures++;
      e.overdue += due != NULL && strcmp (due, today) < 0 &&
                   status != GK_MEASURE_STATUS_DONE && status != GK_MEASURE_STATUS_DROPPED;
    }
  list = gk_document_get_topics (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkTopic) t = g_list_model_get_item (list, i);

      e.topics += gk_topic_get_owner_id (t) == person_id;
    }
  return e;
}

/* --- tests ----------------------------------------------------------------------- */

static void
test_owner_load_matches_demo (void)
{
  GkTeamPage *page;
  GkWindow *window = open_demo_on_team ("last.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GListModel *people = gk_document_get_people (document);
  guint total_overdue = 0;
  GtkWidget *esther, *marieke;

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 12);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GkPerson) person = g_list_model_get_item (people, i);
      gint64 id = gk_record_get_id (GK_RECORD (person));
      GtkWidget *row = person_row (page, id);
      Expected e = expected_load (document, id);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, gk_person_get_name (person));
      /* Role and e-mail under the name. */
      g_assert_true (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                             gk_role_label (gk_person_get_role (person))) != NULL);
      g_assert_true (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                             gk_person_get_email (person)) != NULL);
      g_assert_cmpuint (shown_count (row, "projects-count"), ==, e.projects);
      g_assert_cmpuint (shown_count (row, "measures-count"), ==, e.measures);
      g_assert_cmpuint (shown_count (row, "topics-count"), ==, e.topics);
      g_assert_cmpuint (shown_pill (row, "overdue-count"), ==, e.overdue);
      g_assert_cmpuint (shown_pill (row, "off-track-count"), ==, e.off_track);
      total_overdue += e.overdue;
    }
  /* Everything in the demo has an owner. */
  g_assert_null (find_named (GTK_WIDGET (page), "person-nobody"));
  g_assert_cmpuint (total_overdue, ==, 5);

  /* Esther owns the project off track, the Serious topic and an overdue measure. */
  esther = person_row (page, gk_record_get_id (GK_RECORD (person_named (document, "Esther Willems"))));
  g_assert_cmpuint (shown_pill (esther, "serious-count"), ==, 1);
  g_assert_cmpuint (shown_pill (esther, "off-track-count"), ==, 1);
  g_assert_cmpuint (shown_pill (esther, "overdue-count"), ==, 1);
  g_assert_cmpuint (shown_count (esther, "measures-count"), ==, 7);
  /* The alderman owns nothing: nothing to open, nothing flagged. */
  marieke = person_row (page, gk_record_get_id (GK_RECORD (person_named (document, "Marieke Jansen"))));
  g_assert_false (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (marieke)));
  g_assert_cmpuint (shown_pill (marieke, "serious-count") + shown_pill (marieke, "overdue-count"), ==, 0);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "team-summary"))), ==,
                   "12 people · 5 overdue measures · 1 Serious topic · 1 focus project off track");

  /* Opening a row lists what the person owns, overdue ones flagged (the
   * expander row's own header is an action row too). */
  g_assert_cmpuint (count_descendants (esther, ADW_TYPE_ACTION_ROW), ==, 1);
  g_assert_null (find_named (esther, "overdue"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (esther), TRUE);
  drain ();
  g_assert_cmpuint (count_descendants (esther, ADW_TYPE_ACTION_ROW), ==, 1 + 1 + 7 + 1);
  g_assert_nonnull (find_named (esther, "overdue"));
  g_assert_nonnull (find_named (esther, "off-track"));

  destroy_windows_unsaved ();
}

static void
test_load_follows_edits (void)
{
  GkTeamPage *page;
  GkWindow *window = open_demo_on_team ("volgt.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GkPerson *esther = person_named (document, "Esther Willems");
  GkPerson *ruud = person_named (document, "Ruud Hendriks");
  GtkWidget *esther_row = person_row (page, gk_record_get_id (GK_RECORD (esther)));
  GtkWidget *ruud_row = person_row (page, gk_record_get_id (GK_RECORD (ruud)));
  GListModel *measures = gk_document_get_measures (document);
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint ruud_measures = shown_count (ruud_row, "measures-count");

  /* Esther's overdue measure goes to Ruud. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (esther_row), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (measures) && copy == NULL; i++)
    {
      g_autoptr(GkMeasure) m = g_list_model_get_item (measures, i);
      GDate due, today = test_today ();

      if (gk_measure_get_owner_id (m) == gk_record_get_id (GK_RECORD (esther)) &&
          gk_date_parse_iso (gk_measure_get_due_date (m), &due) && g_date_compare (&due, &today) < 0 &&
          gk_measure_get_status (m) != GK_MEASURE_STATUS_DONE && gk_measure_get_status (m) != GK_MEASURE_STATUS_DROPPED)
        copy = gk_record_copy (GK_RECORD (m));
    }
  g_assert_nonnull (copy);
  gk_measure_set_owner_id (GK_MEASURE (copy), gk_record_get_id (GK_RECORD (ruud)));
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
  drain ();

  /* Updated in place: the same rows, Esther's still open. */
  g_assert_true (person_row (page, gk_record_get_id (GK_RECORD (esther))) == esther_row);
  g_assert_cmpuint (shown_pill (esther_row, "overdue-count"), ==, 0);
  g_assert_cmpuint (shown_count (esther_row, "measures-count"), ==, 6);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (esther_row)));
  g_assert_cmpuint (count_descendants (esther_row, ADW_TYPE_ACTION_ROW), ==, 1 + 1 + 6 + 1);
  g_assert_cmpuint (shown_pill (ruud_row, "overdue-count"), ==, 1);
  g_assert_cmpuint (shown_count (ruud_row, "measures-count"), ==, ruud_measures + 1);

  /* A measure nobody owns shows up under "Without owner". */
  gk_measure_set_owner_id (GK_MEASURE (copy), 0);
  g_assert_true (gk_document_update (document, copy, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_nonnull (find_named (GTK_WIDGET (page), "person-nobody"));
  g_assert_cmpuint (shown_pill (require_named (GTK_WIDGET (page), "person-nobody"), "overdue-count"), ==, 1);
  /* Esther's row is rebuilt (the rows changed) and still open. */
  esther_row = person_row (page, gk_record_get_id (GK_RECORD (esther)));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (esther_row)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_null (find_named (GTK_WIDGET (page), "person-nobody"));

  destroy_windows_unsaved ();
}

static void
test_add_person (void)
{
  GkTeamPage *page;
  GkWindow *window = open_demo_on_team ("nieuw-lid.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GListModel *people = gk_document_get_people (document);
  GtkWidget *dialog;
  GkPerson *sem;
  GtkWidget *row;
  guint controller = 0, n_roles;
  const GkEnumEntry *roles = gk_role_entries (&n_roles);

  for (guint i = 0; i < n_roles; i++)
    if (roles[i].value == GK_ROLE_CONTROLLER)
      controller = i;

  click (require_named (GTK_WIDGET (page), "add-person"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  /* A new person cannot be removed yet. */
  g_assert_false (gtk_widget_get_mapped (require_named (dialog, "remove-person")));

  /* No name: refused under the form, nothing added. */
  click (require_named (dialog, "save"));
  g_assert_true (error_shown (dialog, "person-error"));
  g_assert_true (gtk_widget_has_css_class (require_named (dialog, "name"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 12);

  /* A bad e-mail address is marked where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "name")), "Sem de Boer");
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (dialog, "role")), controller);
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "email")), "sem at voorbeeldstad");
  click (require_named (dialog, "save"));
  g_assert_true (error_shown (dialog, "person-error"));
  g_assert_true (gtk_widget_has_css_class (require_named (dialog, "email"), "error"));
  g_assert_false (gtk_widget_has_css_class (require_named (dialog, "name"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 12);

  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "email")), "s.deboer@voorbeeldstad.example");
  click (require_named (dialog, "save"));
  g_assert_null (find_toplevel (GK_TYPE_PERSON_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 13);
  sem = person_named (document, "Sem de Boer");
  g_assert_nonnull (sem);
  g_assert_cmpint (gk_person_get_role (sem), ==, GK_ROLE_CONTROLLER);
  g_assert_cmpstr (gk_person_get_email (sem), ==, "s.deboer@voorbeeldstad.example");

  row = person_row (page, gk_record_get_id (GK_RECORD (sem)));
  g_assert_nonnull (row);
  g_assert_cmpuint (shown_count (row, "measures-count"), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (GTK_WIDGET (page), "team-summary"))), ==,
                   "13 people · 5 overdue measures · 1 Serious topic · 1 focus project off track");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 12);
  g_assert_null (find_named (GTK_WIDGET (page), "person-nobody"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 13);
  g_assert_nonnull (person_row (page, gk_record_get_id (GK_RECORD (person_named (document, "Sem de Boer")))));

  destroy_windows_unsaved ();
}

static void
test_edit_and_remove_person (void)
{
  GkTeamPage *page;
  GkWindow *window = open_demo_on_team ("wijzigen.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GListModel *people = gk_document_get_people (document);
  GkPerson *marieke = person_named (document, "Marieke Jansen");
  GkPerson *esther = person_named (document, "Esther Willems");
  gint64 marieke_id = gk_record_get_id (GK_RECORD (marieke));
  GtkWidget *dialog;
  GtkButton *undo;

  /* Edit through the row's button. */
  click (require_named (person_row (page, marieke_id), "edit-person"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (dialog, "name"))), ==, "Marieke Jansen");
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "email")), "wethouder@voorbeeldstad.example");
  click (require_named (dialog, "save"));
  g_assert_null (find_toplevel (GK_TYPE_PERSON_DIALOG));
  g_assert_cmpstr (gk_person_get_email (marieke), ==, "wethouder@voorbeeldstad.example");
  g_assert_true (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (person_row (page, marieke_id))),
                         "wethouder@voorbeeldstad.example") != NULL);

  /* The owner of an active focus project cannot be removed: the dialog
   * says so, and she stays. */
  click (require_named (person_row (page, gk_record_get_id (GK_RECORD (esther))), "edit-person"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_PERSON_DIALOG));
  click (require_named (dialog, "remove-person"));
  g_assert_true (error_shown (dialog, "remove-error"));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 12);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  drain ();

  /* Marieke can go; the toast offers to undo it. */
  click (require_named (person_row (page, marieke_id), "edit-person"));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_PERSON_DIALOG));
  click (require_named (dialog, "remove-person"));
  g_assert_null (find_toplevel (GK_TYPE_PERSON_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 11);
  g_assert_null (person_row (page, marieke_id));
  undo = find_button_with_label (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  click (GTK_WIDGET (undo));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 12);
  g_assert_nonnull (person_row (page, marieke_id));

  destroy_windows_unsaved ();
}

/* Opens the row of @owner_id and activates the item row of @record in it
 * (as a click, Enter or Space on the row does); returns the page it led to. */
static GtkWidget *
follow_item (GkWindow   *window,
             GkTeamPage *page,
             gint64      owner_id,
             const char *table,
             GkRecord   *record)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, table, gk_record_get_id (record));
  GtkWidget *row;
  GtkWidget *shown;

  gk_window_show_page (window, "team");
  g_assert_true (gk_team_page_show_person (page, owner_id));
  drain ();
  row = require_named (GTK_WIDGET (page), name);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_get_focusable (row));
  /* The arrow at the end says it is a link. */
  g_assert_nonnull (find_image_with_icon (row, "go-next-symbolic"));

  g_signal_emit_by_name (row, "activate");
  drain ();
  shown = gtk_stack_get_visible_child (GTK_STACK (require_named (GTK_WIDGET (window), "pages")));
  g_assert_false (shown == GTK_WIDGET (page));
  return shown;
}

static gpointer
first_owned (GListModel *list,
             gint64    (*owner_of) (gpointer record))
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (list, i);

      if (owner_of (record) != 0)
        return record;  /* the list keeps it alive */
    }
  g_assert_not_reached ();
}

/* Every item a person owns leads to its record on its own page. */
static void
test_items_are_links (void)
{
  GkTeamPage *page;
  GkWindow *window = open_demo_on_team ("team-links.gripkaart", &page);
  GkDocument *document = gk_window_get_document (window);
  GkMeasure *measure = first_owned (gk_document_get_measures (document), (gpointer) gk_measure_get_owner_id);
  GkFocusProject *project = first_owned (gk_document_get_focus_projects (document),
                                         (gpointer) gk_focus_project_get_owner_id);
  GkTopic *topic = first_owned (gk_document_get_topics (document), (gpointer) gk_topic_get_owner_id);
  GtkWidget *shown;
  GtkColumnView *table;

  shown = follow_item (window, page, gk_measure_get_owner_id (measure), "measure", GK_RECORD (measure));
  g_assert_true (GK_IS_MEASURES_PAGE (shown));
  table = GTK_COLUMN_VIEW (require_named (shown, "measures-table"));
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)))
                 == measure);

  shown = follow_item (window, page, gk_focus_project_get_owner_id (project), "focus_project", GK_RECORD (project));
  g_assert_true (GK_IS_PROJECTS_PAGE (shown));
  g_assert_true (gk_projects_page_get_project (GK_PROJECTS_PAGE (shown)) == project);

  shown = follow_item (window, page, gk_topic_get_owner_id (topic), "topic", GK_RECORD (topic));
  g_assert_true (GK_IS_ROADMAP_PAGE (shown));
  g_assert_true (gk_roadmap_page_get_selected_topic (GK_ROADMAP_PAGE (shown)) == topic);

  destroy_windows_unsaved ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Software GL under Xvfb is slow; the pages look the same with cairo. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  setup_app (&argc, &argv);
  /* No transitions to wait for between the steps. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/team/owner-load", test_owner_load_matches_demo);
  g_test_add_func ("/team/load-follows-edits", test_load_follows_edits);
  g_test_add_func ("/team/add-person", test_add_person);
  g_test_add_func ("/team/edit-remove-person", test_edit_and_remove_person);
  g_test_add_func ("/team/items-are-links", test_items_are_links);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
