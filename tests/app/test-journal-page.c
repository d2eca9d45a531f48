/* test-journal-page.c: progress notes, decisions and risks in the window
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-journal-dialog.h"
#include "gk-journal-page.h"
#include "gk-measures-page.h"
#include "page-test-helpers.h"

static GkJournalPage *
show_journal (GkWindow *window)
{
  GtkWidget *page = gk_window_show_page (window, "journal");

  g_assert_true (GK_IS_JOURNAL_PAGE (page));
  drain ();
  return GK_JOURNAL_PAGE (page);
}

static guint
count_entries (GkDocument    *document,
               int            kind,      /* -1: any */
               gboolean       on_topics)
{
  GListModel *journal = gk_document_get_journal (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(GkJournalEntry) entry = g_list_model_get_item (journal, i);

      if (kind >= 0 && (int) gk_journal_entry_get_kind (entry) != kind)
        continue;
      if (on_topics && gk_journal_entry_get_topic_id (entry) == 0)
        continue;
      n++;
    }
  return n;
}

static void
choose_link (GtkWidget  *page,
             const char *label)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (require_named (page, "link-filter"));
  GListModel *labels = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), label) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }
  g_error ("No “%s” in the journal's filter", label);
}

static void
test_filter_by_kind_link_and_words (void)
{
  GkWindow *window = open_demo_window ("dagboek.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkJournalPage *page = show_journal (window);
  guint all = count_entries (document, -1, FALSE);
  guint risks = count_entries (document, GK_JOURNAL_KIND_RISK, FALSE);
  guint risks_on_topics = count_entries (document, GK_JOURNAL_KIND_RISK, TRUE);

  g_assert_cmpuint (all, >, 20);
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), ==, all);

  /* Only the risks. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (require_named (GTK_WIDGET (page), "show-progress")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (require_named (GTK_WIDGET (page), "show-decisions")), FALSE);
  g_assert_cmpuint (risks, >, 0);
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), ==, risks);

  /* Risks about topics. */
  choose_link (GTK_WIDGET (page), "Topics");
  g_assert_cmpuint (risks_on_topics, >, 0);
  g_assert_cmpuint (risks_on_topics, <, risks);
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), ==, risks_on_topics);

  /* One topic, by its name: "Financiën" has one risk in the demo. The
   * search entry applies the words once the typing stops. */
  g_assert_cmpuint (risks_on_topics, >, 1);
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "journal-search")), "financiën");
  wait_until (gk_journal_page_get_n_shown (page) != risks_on_topics);
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "journal-search")), "");
  wait_until (gk_journal_page_get_n_shown (page) == risks_on_topics);

  /* Everything again, narrowed by words instead. */
  choose_link (GTK_WIDGET (page), "About anything");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (require_named (GTK_WIDGET (page), "show-progress")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (require_named (GTK_WIDGET (page), "show-decisions")), TRUE);
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), ==, all);
  gtk_editable_set_text (GTK_EDITABLE (require_named (GTK_WIDGET (page), "journal-search")), "poh-jeugd");
  wait_until (gk_journal_page_get_n_shown (page) != all);
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), >=, 2);
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), <, all);

  destroy_all_windows ();
}

static gboolean
is_entry (gpointer      item,
          gconstpointer data)
{
  return GK_IS_JOURNAL_ENTRY (item) && gk_record_get_id (item) == *(const gint64 *) data;
}

static GkJournalEntry *
find_entry_with_text (GkDocument *document,
                      const char *text)
{
  GListModel *journal = gk_document_get_journal (document);

  for (guint i = 0; i < g_list_model_get_n_items (journal); i++)
    {
      g_autoptr(GkJournalEntry) entry = g_list_model_get_item (journal, i);

      if (g_strcmp0 (gk_journal_entry_get_text (entry), text) == 0)
        return entry;  /* the document keeps it alive */
    }
  return NULL;
}

static void
test_add_entry_undo_redo_delete (void)
{
  GkWindow *window = open_demo_window ("besluit.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkJournalPage *page = show_journal (window);
  const char *text = "De stuurgroep besluit het flexteam toegang met drie maanden te verlengen.";
  g_autoptr(GkTopic) first_topic = g_list_model_get_item (gk_document_get_topics (document), 0);
  guint before = count_entries (document, -1, FALSE);
  GtkWidget *dialog;
  GkJournalEntry *entry;
  GtkWidget *cell;
  gint64 id;

  /* A filter that would hide the new entry: the page shows it anyway. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (require_named (GTK_WIDGET (page), "show-decisions")), FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.add", NULL));
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_JOURNAL_DIALOG));
  g_assert_nonnull (dialog);

  /* No text: said beside the text. */
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  g_assert_true (label_shows (require_named (dialog, "text-error")));
  g_assert_cmpuint (count_entries (document, -1, FALSE), ==, before);

  /* A date that does not exist: said beside the date. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (require_named (dialog, "text"))), text, -1);
  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "date")), "32-11-2026");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  g_assert_true (label_shows (require_named (dialog, "details-error")));
  g_assert_true (has_error_style (require_named (dialog, "date")));
  g_assert_false (label_shows (require_named (dialog, "text-error")));
  g_assert_cmpuint (count_entries (document, -1, FALSE), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (require_named (dialog, "date")), "21-11-2026");
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (dialog, "kind")), GK_JOURNAL_KIND_DECISION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (dialog, "about")), 1);  /* the first topic */
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_null (find_toplevel (GK_TYPE_JOURNAL_DIALOG));

  entry = find_entry_with_text (document, text);
  g_assert_nonnull (entry);
  id = gk_record_get_id (GK_RECORD (entry));
  g_assert_cmpint (gk_journal_entry_get_kind (entry), ==, GK_JOURNAL_KIND_DECISION);
  g_assert_cmpstr (gk_journal_entry_get_date (entry), ==, "2026-11-21");
  g_assert_cmpstr (gk_journal_entry_get_author (entry), ==, gk_document_get_user_name (document));
  g_assert_cmpint (gk_journal_entry_get_topic_id (entry), ==, gk_record_get_id (GK_RECORD (first_topic)));
  /* Decisions are shown again, with the new one among them. */
  g_assert_cmpuint (gk_journal_page_get_n_shown (page), ==, before + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (find_entry_with_text (document, text));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_nonnull (find_entry_with_text (document, text));

  /* The delete button on its row; the undo brings it back. */
  g_assert_true (gk_journal_page_select (page, id));
  cell = wait_for_cell (GTK_WIDGET (page), "delete-entry", is_entry, &id);
  g_signal_emit_by_name (cell, "clicked");
  g_assert_null (find_entry_with_text (document, text));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (find_entry_with_text (document, text));

  destroy_all_windows ();
}

static void
test_edit_entry_from_its_row (void)
{
  GkWindow *window = open_demo_window ("wijzig.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkJournalPage *page = show_journal (window);
  g_autoptr(GkJournalEntry) newest = g_list_model_get_item (gk_document_get_journal (document), 0);
  gint64 id = gk_record_get_id (GK_RECORD (newest));
  GtkWidget *cell = wait_for_cell (GTK_WIDGET (page), "edit-entry", is_entry, &id);
  GtkWidget *dialog;

  g_signal_emit_by_name (cell, "clicked");
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_JOURNAL_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (dialog, "author"))), ==,
                   gk_journal_entry_get_author (newest));
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (dialog, "kind")), GK_JOURNAL_KIND_RISK);
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  drain ();
  g_assert_cmpint (gk_journal_entry_get_kind (newest), ==, GK_JOURNAL_KIND_RISK);

  /* Deleting from the dialog. */
  g_signal_emit_by_name (wait_for_cell (GTK_WIDGET (page), "edit-entry", is_entry, &id), "clicked");
  dialog = GTK_WIDGET (find_toplevel (GK_TYPE_JOURNAL_DIALOG));
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.delete", NULL));
  drain ();
  g_assert_null (gk_document_lookup (document, GK_TYPE_JOURNAL_ENTRY, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (gk_document_lookup (document, GK_TYPE_JOURNAL_ENTRY, id));

  destroy_all_windows ();
}

/* The subject of an entry is a link to what it is about. */
static void
test_subject_links_to_its_record (void)
{
  GkWindow *window = open_demo_window ("link.gripkaart");
  GkDocument *document = gk_window_get_document (window);
  GkJournalPage *page = show_journal (window);
  GListModel *journal = gk_document_get_journal (document);
  g_autofree char *href = NULL;
  GkJournalEntry *about_measure = NULL;
  GtkWidget *meta, *shown;
  gboolean handled = FALSE;
  gint64 id, measure_id;

  for (guint i = 0; i < g_list_model_get_n_items (journal) && about_measure == NULL; i++)
    {
      g_autoptr(GkJournalEntry) entry = g_list_model_get_item (journal, i);

      if (gk_journal_entry_get_measure_id (entry) != 0)
        about_measure = entry;
    }
  g_assert_nonnull (about_measure);
  id = gk_record_get_id (GK_RECORD (about_measure));
  measure_id = gk_journal_entry_get_measure_id (about_measure);

  meta = require_named (gtk_widget_get_parent (wait_for_cell (GTK_WIDGET (page), "edit-entry", is_entry, &id)),
                        "entry-meta");
  href = g_strdup_printf ("<a href=\"measure:%" G_GINT64_FORMAT "\">", measure_id);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (meta)), href));

  {
    g_autofree char *uri = g_strdup_printf ("measure:%" G_GINT64_FORMAT, measure_id);

    g_signal_emit_by_name (meta, "activate-link", uri, &handled);
  }
  g_assert_true (handled);
  drain ();
  shown = gtk_stack_get_visible_child (GTK_STACK (require_named (GTK_WIDGET (window), "pages")));
  g_assert_true (GK_IS_MEASURES_PAGE (shown));
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (require_named (shown, "measures-table"));
    GkMeasure *selected;

    /* The table may still be attaching its rows. */
    wait_until (gtk_column_view_get_model (table) != NULL &&
                gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table))) != NULL);
    selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)));
    g_assert_cmpint (gk_record_get_id (GK_RECORD (selected)), ==, measure_id);
  }
  destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_app (&argc, &argv);

  g_test_add_func ("/journal-page/filter", test_filter_by_kind_link_and_words);
  g_test_add_func ("/journal-page/add", test_add_entry_undo_redo_delete);
  g_test_add_func ("/journal-page/edit", test_edit_entry_from_its_row);
  g_test_add_func ("/journal-page/subject-link", test_subject_links_to_its_record);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
