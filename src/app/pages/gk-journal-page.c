/* gk-journal-page.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal is read newest first, narrowed down by kind, by what the
 * entries are about and by words in them. The list is a GtkListView over
 * the document's live journal, so it stays quick with years of entries.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-edit-actions.h"
#include "gk-form.h"
#include "gk-journal-dialog.h"
#include "gk-journal-page.h"

/* What an entry is about, as the "About" filter tells them apart: also the
 * positions of its choices. (One topic or project is found by typing its
 * name in the search: a choice per row would make the drop-down build
 * hundreds of rows whenever the journal changes.) */
typedef enum {
  LINK_EVERYTHING,
  LINK_PROGRAMME,
  LINK_TOPIC,
  LINK_PROJECT,
  LINK_MEASURE,
} LinkKind;

struct _GkJournalPage
{
  AdwBin               parent_instance;

  GkSession           *session;

  GkDocument          *document;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSliceListModel   *newest;        /* the first entries of filtered */
  GtkSingleSelection  *selection;
  gboolean             list_attached;
  char                *search_folded;

  GtkCheckButton      *progress_toggle;
  GtkCheckButton      *decision_toggle;
  GtkCheckButton      *risk_toggle;
  GtkDropDown         *link_filter;
  GtkSearchEntry      *search_entry;
  GtkStack            *content_stack;
  GtkListView         *entry_list;
  GtkWidget           *more_button;
  AdwStatusPage       *empty_status;
};

G_DEFINE_FINAL_TYPE (GkJournalPage, gk_journal_page, ADW_TYPE_BIN)

#define ITEM_HANDLER_KEY "gk-notify-handler"

/* Entries shown at first, and added by "Show Older Entries": a year or two
 * of a busy programme. GTK 4.8 builds a row for up to two hundred entries
 * of a list whether they are seen or not, and the filters reach further
 * back than scrolling does. (The list view scrolls itself, so that GTK
 * builds the rows around what is scrolled to; see gk-journal-page.ui.) */
#define ENTRIES_PER_PAGE 60

static LinkKind
link_of (GkJournalEntry *entry)
{
  if (gk_journal_entry_get_topic_id (entry) != 0)
    return LINK_TOPIC;
  if (gk_journal_entry_get_project_id (entry) != 0)
    return LINK_PROJECT;
  if (gk_journal_entry_get_measure_id (entry) != 0)
    return LINK_MEASURE;
  return LINK_PROGRAMME;
}

static const char *
kind_css_class (GkJournalKind kind)
{
  switch (kind)
    {
    case GK_JOURNAL_KIND_DECISION:
      return "decision";
    case GK_JOURNAL_KIND_RISK:
      return "risk";
    case GK_JOURNAL_KIND_PROGRESS:
    default:
      return "progress";
    }
}

/* --- filtering --------------------------------------------------------------- */

static LinkKind
chosen_link (GkJournalPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->link_filter);

  if (selected > LINK_MEASURE)
    return LINK_EVERYTHING;
  return (LinkKind) selected;
}

static gboolean
kind_shown (GkJournalPage *self,
            GkJournalKind  kind)
{
  switch (kind)
    {
    case GK_JOURNAL_KIND_DECISION:
      return gtk_check_button_get_active (self->decision_toggle);
    case GK_JOURNAL_KIND_RISK:
      return gtk_check_button_get_active (self->risk_toggle);
    case GK_JOURNAL_KIND_PROGRESS:
    default:
      return gtk_check_button_get_active (self->progress_toggle);
    }
}

static gboolean
text_matches (const char *haystack,
              const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
entry_shown (gpointer item,
             gpointer user_data)
{
  GkJournalPage *self = user_data;
  GkJournalEntry *entry = item;
  LinkKind wanted = chosen_link (self);

  if (!kind_shown (self, gk_journal_entry_get_kind (entry)))
    return FALSE;
  if (wanted != LINK_EVERYTHING && wanted != link_of (entry))
    return FALSE;
  if (self->search_folded != NULL)
    {
      g_autofree char *about = gk_journal_entry_describe_link (self->document, entry);

      if (!text_matches (gk_journal_entry_get_text (entry), self->search_folded) &&
          !text_matches (gk_journal_entry_get_author (entry), self->search_folded) &&
          !text_matches (about, self->search_folded))
        return FALSE;
    }
  return TRUE;
}

static void
update_content (GkJournalPage *self)
{
  gboolean filtering;

  if (self->filtered != NULL)
    gtk_widget_set_visible (self->more_button,
                            g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) >
                            gtk_slice_list_model_get_size (self->newest));

  if (self->filtered != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "entries");
      return;
    }

  filtering = self->document != NULL &&
              g_list_model_get_n_items (gk_document_get_journal (self->document)) > 0;
  adw_status_page_set_title (self->empty_status, filtering ? _("No Matching Entries") : _("No Entries"));
  adw_status_page_set_description (self->empty_status,
                                   filtering
                                   ? _("No entry is of the kinds, about the subject or with the words chosen.")
                                   : _("The journal keeps the progress notes, decisions and risks of the programme, "
                                       "each linked to what it is about."));
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
filter_changed_cb (GkJournalPage *self)
{
  g_autofree char *stripped = NULL;

  /* Also called while the template is being built. */
  if (self->search_entry == NULL || self->content_stack == NULL)
    return;
  stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_clear_pointer (&self->search_folded, g_free);
  if (*stripped != '\0')
    self->search_folded = g_utf8_casefold (stripped, -1);
  if (self->newest != NULL)
    gtk_slice_list_model_set_size (self->newest, ENTRIES_PER_PAGE);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_content (self);
}

static void
more_clicked_cb (GkJournalPage *self)
{
  gtk_slice_list_model_set_size (self->newest, gtk_slice_list_model_get_size (self->newest) + ENTRIES_PER_PAGE);
  update_content (self);
}

/* --- the link filter --------------------------------------------------------- */

static void
setup_link_filter (GkJournalPage *self)
{
  const char *labels[] = {
    [LINK_EVERYTHING] = _("About anything"),
    [LINK_PROGRAMME] = _("The programme as a whole"),
    [LINK_TOPIC] = _("Topics"),
    [LINK_PROJECT] = _("Focus projects"),
    [LINK_MEASURE] = _("Measures"),
    NULL
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  gtk_drop_down_set_model (self->link_filter, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->link_filter, LINK_EVERYTHING);
}

/* --- rows -------------------------------------------------------------------- */

/* "measure:12": what the subject link of @entry leads to, or NULL for an
 * entry about the programme as a whole. */
static char *
link_target (GkJournalEntry *entry)
{
  if (gk_journal_entry_get_topic_id (entry) != 0)
    return g_strdup_printf ("topic:%" G_GINT64_FORMAT, gk_journal_entry_get_topic_id (entry));
  if (gk_journal_entry_get_project_id (entry) != 0)
    return g_strdup_printf ("focus_project:%" G_GINT64_FORMAT, gk_journal_entry_get_project_id (entry));
  if (gk_journal_entry_get_measure_id (entry) != 0)
    return g_strdup_printf ("measure:%" G_GINT64_FORMAT, gk_journal_entry_get_measure_id (entry));
  return NULL;
}

static gboolean
subject_link_activated_cb (GtkLabel   *label,
                           const char *uri,
                           gpointer    user_data)
{
  g_auto(GStrv) parts = g_strsplit (uri, ":", 2);
  gint64 id;

  if (g_strv_length (parts) != 2 || !g_ascii_string_to_signed (parts[1], 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (label), "win.show-record", "(sx)", parts[0], id);
  return TRUE;  /* not a web address: nothing for the default handler to open */
}

static void
update_row (GkJournalPage  *self,
            GtkWidget      *row,
            GkJournalEntry *entry)
{
  GtkLabel *kind = g_object_get_data (G_OBJECT (row), "kind");
  GtkLabel *meta = g_object_get_data (G_OBJECT (row), "meta");
  GtkLabel *text = g_object_get_data (G_OBJECT (row), "text");
  GtkWidget *edit = g_object_get_data (G_OBJECT (row), "edit");
  GtkWidget *delete = g_object_get_data (G_OBJECT (row), "delete");
  g_autofree char *link = gk_journal_entry_describe_link (self->document, entry);
  g_autofree char *when = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *target = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *full = NULL;
  GDate day;

  for (GkJournalKind k = GK_JOURNAL_KIND_PROGRESS; k <= GK_JOURNAL_KIND_RISK; k++)
    gtk_widget_remove_css_class (GTK_WIDGET (kind), kind_css_class (k));
  gtk_widget_add_css_class (GTK_WIDGET (kind), kind_css_class (gk_journal_entry_get_kind (entry)));
  gtk_label_set_text (kind, gk_journal_kind_label (gk_journal_entry_get_kind (entry)));

  when = gk_date_parse_iso (gk_journal_entry_get_date (entry), &day)
         ? gk_date_format_display (&day) : g_strdup (gk_journal_entry_get_date (entry));
  /* One label for date, author and subject: a journal of thousands of
   * entries has hundreds of rows alive in GTK 4.8, each widget counts. The
   * subject is a link in it (a click, or Tab and Enter) to its record. */
  target = link_target (entry);
  subject = target != NULL ? g_markup_printf_escaped ("<a href=\"%s\">%s</a>", target, link)
                           : g_markup_escape_text (link, -1);
  if (*gk_journal_entry_get_author (entry) != '\0')
    markup = g_markup_printf_escaped ("<b>%s</b>   <span alpha=\"70%%\">%s · </span>",
                                      when, gk_journal_entry_get_author (entry));
  else
    markup = g_markup_printf_escaped ("<b>%s</b>   ", when);
  full = target != NULL ? g_strconcat (markup, subject, NULL)
                        : g_strconcat (markup, "<span alpha=\"70%\">", subject, "</span>", NULL);
  gtk_label_set_markup (meta, full);
  gtk_label_set_text (text, gk_journal_entry_get_text (entry));

  /* Translators: a button on a journal entry, %s is its date */
  edit_label = g_strdup_printf (_("Edit the entry of %s"), when);
  /* Translators: a button on a journal entry, %s is its date */
  delete_label = g_strdup_printf (_("Delete the entry of %s"), when);
  gtk_widget_set_tooltip_text (edit, edit_label);
  gtk_widget_set_tooltip_text (delete, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
}

static GkJournalEntry *
entry_of_button (GtkWidget *button)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "list-item");

  return item != NULL ? gtk_list_item_get_item (item) : NULL;
}

static void open_dialog (GkJournalPage *self, GkJournalEntry *entry);
static void delete_entry (GkJournalPage *self, GkJournalEntry *entry);

static void
edit_clicked_cb (GtkWidget     *button,
                 GkJournalPage *self)
{
  GkJournalEntry *entry = entry_of_button (button);

  if (entry != NULL)
    open_dialog (self, entry);
}

static void
delete_clicked_cb (GtkWidget     *button,
                   GkJournalPage *self)
{
  GkJournalEntry *entry = entry_of_button (button);

  if (entry != NULL)
    delete_entry (self, entry);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
small_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GkJournalPage            *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *kind = small_label ("journal-kind");
  GtkWidget *meta = small_label (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *edit = icon_button ("document-edit-symbolic", "edit-entry");
  GtkWidget *delete = icon_button ("user-trash-symbolic", "delete-entry");

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (meta, TRUE);
  gtk_widget_set_name (meta, "entry-meta");
  g_signal_connect (meta, "activate-link", G_CALLBACK (subject_link_activated_cb), NULL);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);

  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), meta);
  gtk_box_append (GTK_BOX (top), edit);
  gtk_box_append (GTK_BOX (top), delete);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), text);

  g_object_set_data (G_OBJECT (row), "kind", kind);
  g_object_set_data (G_OBJECT (row), "meta", meta);
  g_object_set_data (G_OBJECT (row), "text", text);
  g_object_set_data (G_OBJECT (row), "edit", edit);
  g_object_set_data (G_OBJECT (row), "delete", delete);
  g_object_set_data (G_OBJECT (edit), "list-item", item);
  g_object_set_data (G_OBJECT (delete), "list-item", item);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_list_item_set_child (item, row);
}

static void
entry_changed_cb (GkJournalEntry *entry,
                  GParamSpec     *pspec,
                  GtkListItem    *item)
{
  GkJournalPage *self = g_object_get_data (G_OBJECT (item), "page");

  update_row (self, gtk_list_item_get_child (item), entry);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         GkJournalPage            *self)
{
  GkJournalEntry *entry = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "page", self);
  update_row (self, gtk_list_item_get_child (item), entry);
  handler = g_signal_connect (entry, "notify", G_CALLBACK (entry_changed_cb), item);
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, GSIZE_TO_POINTER (handler));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GkJournalPage            *self)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), ITEM_HANDLER_KEY));

  g_clear_signal_handler (&handler, gtk_list_item_get_item (item));
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, NULL);
}

/* --- editing ----------------------------------------------------------------- */

static void
dialog_saved_cb (GkJournalDialog *dialog,
                 gint64           id,
                 GkJournalPage   *self)
{
  gk_journal_page_select (self, id);
}

static void
dialog_deleted_cb (GkJournalDialog *dialog,
                   const char      *title,
                   GkJournalPage   *self)
{
  gk_form_add_toast (GTK_WIDGET (self), gk_form_undo_toast_new (title));
}

static void
open_dialog (GkJournalPage  *self,
             GkJournalEntry *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GkJournalDialog *dialog;

  if (self->document == NULL)
    return;
  dialog = gk_journal_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->document, entry);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (dialog_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_entry (GkJournalPage  *self,
              GkJournalEntry *entry)
{
  g_autoptr(GkJournalEntry) doomed = g_object_ref (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GDate day;

  if (gk_date_parse_iso (gk_journal_entry_get_date (doomed), &day))
    {
      g_autofree char *when = gk_date_format_display (&day);

      /* Translators: a toast after deleting, %s is the entry's date */
      title = g_strdup_printf (_("Entry of %s deleted"), when);
    }
  else
    title = g_strdup (_("Entry deleted"));

  if (!gk_document_delete (self->document, GK_RECORD (doomed), &error))
    {
      gk_form_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  gk_form_add_toast (GTK_WIDGET (self), gk_form_undo_toast_new (title));
}

static void
entry_activated_cb (GkJournalPage *self,
                    guint          position)
{
  g_autoptr(GkJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->newest), position);

  if (entry != NULL)
    open_dialog (self, entry);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (GK_JOURNAL_PAGE (widget), NULL);
}

static void
journal_changed_cb (GkJournalPage *self)
{
  update_content (self);
}

/* The rows are built when the page is first shown, not when a programme
 * opens: a long journal costs GTK a moment to lay out. */
static void
attach_list (GkJournalPage *self)
{
  if (self->list_attached || self->selection == NULL)
    return;
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));
  self->list_attached = TRUE;
}

static void
gk_journal_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gk_journal_page_parent_class)->map (widget);
  attach_list (GK_JOURNAL_PAGE (widget));
}

/* --- public ------------------------------------------------------------------ */

static void
set_document (GkJournalPage *self,
              GkDocument    *document)
{
  g_return_if_fail (GK_IS_JOURNAL_PAGE (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  gk_edit_action_set_enabled (GTK_WIDGET (self), document, "journal.add", document != NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (gk_document_get_journal (self->document), self);
  gtk_list_view_set_model (self->entry_list, NULL);
  self->list_attached = FALSE;
  g_clear_object (&self->selection);
  g_clear_object (&self->newest);
  g_clear_object (&self->filtered);
  g_set_object (&self->document, document);

  if (document == NULL)
    {
      update_content (self);
      return;
    }

  self->filtered = gtk_filter_list_model_new (g_object_ref (gk_document_get_journal (document)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->newest = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0, ENTRIES_PER_PAGE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->newest)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_list (self);
  g_signal_connect_swapped (gk_document_get_journal (document), "items-changed",
                            G_CALLBACK (journal_changed_cb), self);
  journal_changed_cb (self);
}

gboolean
gk_journal_page_select (GkJournalPage *self,
                        gint64         id)
{
  GListModel *shown;

  g_return_val_if_fail (GK_IS_JOURNAL_PAGE (self), FALSE);

  if (self->document == NULL || gk_document_lookup (self->document, GK_TYPE_JOURNAL_ENTRY, id) == NULL)
    return FALSE;

  shown = G_LIST_MODEL (self->filtered);
  for (int attempt = 0; attempt < 2; attempt++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(GkRecord) entry = g_list_model_get_item (shown, i);

          if (gk_record_get_id (entry) == id)
            {
              /* Far back: show the entries up to it. */
              if (i >= gtk_slice_list_model_get_size (self->newest))
                gtk_slice_list_model_set_size (self->newest, (i / ENTRIES_PER_PAGE + 1) * ENTRIES_PER_PAGE);
              update_content (self);
              attach_list (self);
              gtk_single_selection_set_selected (self->selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->entry_list), "list.scroll-to-item", "u", i);
              return TRUE;
            }
        }
      /* Hidden by the filters: show everything. */
      gtk_check_button_set_active (self->progress_toggle, TRUE);
      gtk_check_button_set_active (self->decision_toggle, TRUE);
      gtk_check_button_set_active (self->risk_toggle, TRUE);
      gtk_drop_down_set_selected (self->link_filter, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      filter_changed_cb (self);
    }
  return FALSE;
}

guint
gk_journal_page_get_n_shown (GkJournalPage *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_PAGE (self), 0);

  return self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

/* --- the session ----------------------------------------------------------------- */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
session_document_cb (GkJournalPage *self)
{
  set_document (self, self->session != NULL ? gk_session_get_document (self->session) : NULL);
}

void
gk_journal_page_set_session (GkJournalPage *self,
                             GkSession     *session)
{
  g_return_if_fail (GK_IS_JOURNAL_PAGE (self));
  g_return_if_fail (session == NULL || GK_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::document", G_CALLBACK (session_document_cb), self, G_CONNECT_SWAPPED);
    }
  session_document_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GkSession *
gk_journal_page_get_session (GkJournalPage *self)
{
  g_return_val_if_fail (GK_IS_JOURNAL_PAGE (self), NULL);

  return self->session;
}

static void
gk_journal_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkJournalPage *self = GK_JOURNAL_PAGE (object);

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
gk_journal_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GkJournalPage *self = GK_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gk_journal_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* --- construction ------------------------------------------------------------ */

static void
gk_journal_page_dispose (GObject *object)
{
  GkJournalPage *self = GK_JOURNAL_PAGE (object);

  gk_journal_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_JOURNAL_PAGE);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (gk_journal_page_parent_class)->dispose (object);
}

static void
gk_journal_page_class_init (GkJournalPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_journal_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = gk_journal_page_get_property;
  G_OBJECT_CLASS (klass)->set_property = gk_journal_page_set_property;

  /**
   * GkJournalPage:session:
   *
   * The open programme the page shows and follows; NULL shows nothing.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  widget_class->map = gk_journal_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, progress_toggle);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, decision_toggle);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, risk_toggle);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, link_filter);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, entry_list);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, GkJournalPage, empty_status);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "journal.add", NULL, add_activated);
}

static void
gk_journal_page_init (GkJournalPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->filter = gtk_custom_filter_new (entry_shown, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->entry_list, factory);
  setup_link_filter (self);
  update_content (self);
}

GtkWidget *
gk_journal_page_new (void)
{
  return g_object_new (GK_TYPE_JOURNAL_PAGE, NULL);
}
