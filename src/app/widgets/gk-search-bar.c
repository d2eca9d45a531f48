/* gk-search-bar.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People remember a word of a name, not where it lives: the search looks
 * through the four kinds of rows that have names people look for, and the
 * window takes a chosen result to its page.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-search-bar.h"

/* --- results ----------------------------------------------------------------- */

struct _GkSearchResult
{
  GObject  parent_instance;

  GType    record_type;
  gint64   id;
  char    *title;
  char    *subtitle;
  guint    rank;      /* lower comes first */
  guint    order;     /* the document's order, to keep ties stable */
};

G_DEFINE_FINAL_TYPE (GkSearchResult, gk_search_result, G_TYPE_OBJECT)

static void
gk_search_result_finalize (GObject *object)
{
  GkSearchResult *self = GK_SEARCH_RESULT (object);

  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (gk_search_result_parent_class)->finalize (object);
}

static void
gk_search_result_class_init (GkSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_search_result_finalize;
}

static void
gk_search_result_init (GkSearchResult *self)
{
}

GType
gk_search_result_get_record_type (GkSearchResult *self)
{
  g_return_val_if_fail (GK_IS_SEARCH_RESULT (self), G_TYPE_INVALID);
  return self->record_type;
}

gint64
gk_search_result_get_id (GkSearchResult *self)
{
  g_return_val_if_fail (GK_IS_SEARCH_RESULT (self), 0);
  return self->id;
}

const char *
gk_search_result_get_title (GkSearchResult *self)
{
  g_return_val_if_fail (GK_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
gk_search_result_get_subtitle (GkSearchResult *self)
{
  g_return_val_if_fail (GK_IS_SEARCH_RESULT (self), NULL);
  return self->subtitle;
}

/* --- matching ---------------------------------------------------------------- */

/* Lower case without accents: "Cliënt" and "client" are the same word to
 * someone searching. */
static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *plain = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (plain, c);
    }
  return g_string_free (plain, FALSE);
}

static gboolean
starts_a_word (const char *folded,
               const char *word)
{
  gsize length = strlen (word);

  gboolean after_word_char = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!after_word_char && strncmp (p, word, length) == 0)
        return TRUE;
      after_word_char = g_unichar_isalnum (g_utf8_get_char (p));
    }
  return FALSE;
}

/* 0: the name starts with the query; 1: a word of it does; 2: the words
 * are somewhere in it; G_MAXUINT: no match. */
static guint
rank_of (const char  *name,
         const char  *folded_query,
         char       **words)
{
  g_autofree char *folded = fold (name);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) == NULL)
      return G_MAXUINT;
  if (g_str_has_prefix (folded, folded_query))
    return 0;
  if (starts_a_word (folded, words[0]))
    return 1;
  return 2;
}

typedef struct {
  GPtrArray  *results;
  const char *folded_query;
  char      **words;
  guint       order;
} Search;

static void
consider (Search     *search,
          GkRecord   *record,
          const char *subtitle)
{
  const char *name = gk_record_get_label (record);
  guint rank = rank_of (name, search->folded_query, search->words);
  GkSearchResult *result;

  search->order++;
  if (rank == G_MAXUINT)
    return;
  result = g_object_new (GK_TYPE_SEARCH_RESULT, NULL);
  result->record_type = G_OBJECT_TYPE (record);
  result->id = gk_record_get_id (record);
  result->title = g_strdup (name);
  result->subtitle = g_strdup (subtitle);
  result->rank = rank;
  result->order = search->order;
  g_ptr_array_add (search->results, result);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const GkSearchResult *ra = *(GkSearchResult * const *) a;
  const GkSearchResult *rb = *(GkSearchResult * const *) b;

  if (ra->rank != rb->rank)
    return ra->rank < rb->rank ? -1 : 1;
  return ra->order < rb->order ? -1 : ra->order > rb->order;
}

static char *
with_kind (const char *kind,
           const char *detail)
{
  if (detail == NULL || *detail == '\0')
    return g_strdup (kind);
  /* Translators: a search result's subtitle, "Measure · Sturen op verwijzingen" */
  return g_strdup_printf (_("%s · %s"), kind, detail);
}

GListModel *
gk_search_find (GkDocument *document,
                const char *query,
                guint       max_results)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree char *folded_query = fold (stripped);
  g_auto(GStrv) split = g_strsplit_set (folded_query, " \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (GK_TYPE_SEARCH_RESULT);
  Search search;
  GListModel *list;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), G_LIST_MODEL (store));

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_strv_builder_add (builder, split[i]);
  words = g_strv_builder_end (builder);
  if (words[0] == NULL)
    return G_LIST_MODEL (store);

  search = (Search) { results, folded_query, words, 0 };

  list = gk_document_get_focus_projects (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkFocusProject) project = g_list_model_get_item (list, i);
      GkPerson *owner = gk_document_lookup_person (document, gk_focus_project_get_owner_id (project));
      g_autofree char *subtitle = with_kind (_("Focus project"), owner != NULL ? gk_person_get_name (owner) : NULL);

      consider (&search, GK_RECORD (project), subtitle);
    }

  list = gk_document_get_measures (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkMeasure) measure = g_list_model_get_item (list, i);
      GkFocusProject *project = gk_document_lookup_focus_project (document, gk_measure_get_project_id (measure));
      g_autofree char *subtitle = with_kind (_("Measure"), project != NULL ? gk_focus_project_get_name (project) : NULL);

      consider (&search, GK_RECORD (measure), subtitle);
    }

  list = gk_document_get_people (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkPerson) person = g_list_model_get_item (list, i);
      g_autofree char *subtitle = with_kind (_("Person"), gk_role_label (gk_person_get_role (person)));

      consider (&search, GK_RECORD (person), subtitle);
    }

  list = gk_document_get_indicators (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (list, i);
      g_autofree char *subtitle = with_kind (_("Indicator"), gk_unit_label (gk_indicator_get_unit (indicator)));

      consider (&search, GK_RECORD (indicator), subtitle);
    }

  g_ptr_array_sort (results, compare_results);
  for (guint i = 0; i < MIN (results->len, max_results); i++)
    g_list_store_append (store, g_ptr_array_index (results, i));
  return G_LIST_MODEL (store);
}

/* --- the bar ----------------------------------------------------------------- */

#define MAX_RESULTS 50

struct _GkSearchBar
{
  AdwBin              parent_instance;

  GkSession          *session;
  GkDocument         *document;
  GListModel         *results;

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *entry;
  GtkRevealer        *results_revealer;
  GtkStack           *results_stack;
  GtkListView        *results_list;
};

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_SESSION,
  N_PROPS
};

enum {
  SIGNAL_RESULT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkSearchBar, gk_search_bar, ADW_TYPE_BIN)

static const char *
icon_for (GType type)
{
  if (type == GK_TYPE_FOCUS_PROJECT)
    return "folder-symbolic";
  if (type == GK_TYPE_MEASURE)
    return "checkbox-checked-symbolic";
  if (type == GK_TYPE_PERSON)
    return "avatar-default-symbolic";
  return "x-office-spreadsheet-symbolic";
}

static void
show_results (GkSearchBar *self,
              GListModel  *results)
{
  g_autoptr(GtkSingleSelection) selection = NULL;
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0';

  g_set_object (&self->results, results);
  selection = gtk_single_selection_new (g_object_ref (results));
  gtk_single_selection_set_autoselect (selection, TRUE);
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (results) > 0 ? "results" : "none");
  gtk_revealer_set_reveal_child (self->results_revealer, searching);
}

void
gk_search_bar_search (GkSearchBar *self,
                      const char  *text)
{
  g_autoptr(GListModel) results = NULL;

  g_return_if_fail (GK_IS_SEARCH_BAR (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  if (self->document != NULL)
    results = gk_search_find (self->document, text, MAX_RESULTS);
  else
    results = G_LIST_MODEL (g_list_store_new (GK_TYPE_SEARCH_RESULT));
  show_results (self, results);
}

static void
search_changed_cb (GkSearchBar *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  gk_search_bar_search (self, text);
}

void
gk_search_bar_activate_result (GkSearchBar *self,
                               guint        position)
{
  g_autoptr(GkSearchResult) result = NULL;

  g_return_if_fail (GK_IS_SEARCH_BAR (self));

  if (self->results == NULL || position >= g_list_model_get_n_items (self->results))
    return;
  result = g_list_model_get_item (self->results, position);
  gk_search_bar_stop (self);
  g_signal_emit (self, signals[SIGNAL_RESULT_ACTIVATED], 0, result);
}

static void
result_activated_cb (GkSearchBar *self,
                     guint        position)
{
  gk_search_bar_activate_result (self, position);
}

/* Enter takes the first (best) result. */
static void
entry_activate_cb (GkSearchBar *self)
{
  search_changed_cb (self);
  gk_search_bar_activate_result (self, 0);
}

/* Down from the entry goes into the results. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GkSearchBar           *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      self->results != NULL && g_list_model_get_n_items (self->results) > 0)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->results_list), GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  return FALSE;
}

static void
search_mode_changed_cb (GkSearchBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      gtk_revealer_set_reveal_child (self->results_revealer, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
result_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), labels);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  gtk_list_item_set_child (item, row);
}

static void
result_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GkSearchResult *result = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (row), "icon"), icon_for (result->record_type));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), result->title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), result->subtitle);
}

/* --- public ------------------------------------------------------------------ */

static void
session_document_cb (GkSearchBar *self)
{
  GkDocument *document = self->session != NULL ? gk_session_get_document (self->session) : NULL;

  g_set_object (&self->document, document);
  gk_search_bar_stop (self);
}

void
gk_search_bar_set_session (GkSearchBar *self,
                           GkSession   *session)
{
  g_return_if_fail (GK_IS_SEARCH_BAR (self));
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
gk_search_bar_get_session (GkSearchBar *self)
{
  g_return_val_if_fail (GK_IS_SEARCH_BAR (self), NULL);

  return self->session;
}

void
gk_search_bar_start (GkSearchBar *self)
{
  g_return_if_fail (GK_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  /* A second Ctrl+F selects what was typed, to type over it. */
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
gk_search_bar_stop (GkSearchBar *self)
{
  g_return_if_fail (GK_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

gboolean
gk_search_bar_get_active (GkSearchBar *self)
{
  g_return_val_if_fail (GK_IS_SEARCH_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

GListModel *
gk_search_bar_get_results (GkSearchBar *self)
{
  g_return_val_if_fail (GK_IS_SEARCH_BAR (self), NULL);

  return self->results;
}

/* --- construction ------------------------------------------------------------ */

static void
gk_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkSearchBar *self = GK_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, gk_search_bar_get_active (self));
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkSearchBar *self = GK_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      if (g_value_get_boolean (value))
        gk_search_bar_start (self);
      else
        gk_search_bar_stop (self);
      break;
    case PROP_SESSION:
      gk_search_bar_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_search_bar_dispose (GObject *object)
{
  GkSearchBar *self = GK_SEARCH_BAR (object);

  gk_search_bar_set_session (self, NULL);
  g_clear_object (&self->results);
  /* The bin's child is a template child too: the bin lets go of it first,
   * or the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (gk_search_bar_parent_class)->dispose (object);
}

static void
gk_search_bar_class_init (GkSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_search_bar_dispose;
  object_class->get_property = gk_search_bar_get_property;
  object_class->set_property = gk_search_bar_set_property;

  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  /* The programme searched; NULL: nothing to search. */
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, GK_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkSearchBar::result-activated:
   * @result: the GkSearchResult chosen
   */
  signals[SIGNAL_RESULT_ACTIVATED] = g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 1, GK_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GkSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GkSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, GkSearchBar, results_revealer);
  gtk_widget_class_bind_template_child (widget_class, GkSearchBar, results_stack);
  gtk_widget_class_bind_template_child (widget_class, GkSearchBar, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
}

static void
gk_search_bar_init (GkSearchBar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));

  g_signal_connect (factory, "setup", G_CALLBACK (result_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (result_bind_cb), NULL);
  gtk_list_view_set_factory (self->results_list, factory);

  /* Before the entry's text moves the cursor with it. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

GtkWidget *
gk_search_bar_new (void)
{
  return g_object_new (GK_TYPE_SEARCH_BAR, NULL);
}
