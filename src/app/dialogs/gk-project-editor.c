/* gk-project-editor.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document validates the project; the dialog turns what was typed into
 * a record, writes it with its topics in one group (one undo step) and shows
 * each refusal next to the field it is about.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-choice.h"
#include "gk-form.h"
#include "gk-money.h"
#include "gk-project-editor.h"
#include "gk-record-history.h"

struct _GkProjectEditor
{
  AdwWindow        parent_instance;

  GkDocument      *document;
  /* A detached copy of the project as it was when the dialog opened, so
   * that saving notices when someone changed it meanwhile; NULL when new. */
  GkFocusProject  *original;
  GPtrArray       *topic_checks;   /* a check button per topic... */
  GArray          *topic_ids;      /* ...and the id of its topic */

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  AdwEntryRow     *name_row;
  GkRecordHistory *history_group;
  AdwComboRow     *owner_row;
  AdwComboRow     *status_row;
  GtkLabel        *project_error;
  GtkTextView     *goal_view;
  AdwComboRow     *chain_phase_row;
  GtkCheckButton  *jeugd_check;
  GtkCheckButton  *wmo_check;
  GtkCheckButton  *participatie_check;
  AdwComboRow     *health_row;
  AdwEntryRow     *health_reason_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwEntryRow     *budget_row;
  AdwEntryRow     *saving_row;
  GtkLabel        *period_error;
  GtkListBox      *topics_list;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkProjectEditor, gk_project_editor, ADW_TYPE_WINDOW)

/* --- problems ------------------------------------------------------------- */

static void
clear_problems (GkProjectEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->owner_row), GTK_WIDGET (self->status_row),
    GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
    GTK_WIDGET (self->budget_row), GTK_WIDGET (self->saving_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gk_form_clear_problem (rows[i], NULL);
  gk_form_clear_problem (NULL, self->project_error);
  gk_form_clear_problem (NULL, self->period_error);
}

/* Shows @message beside the field a validation error names. */
static void
show_problem_for_field (GkProjectEditor *self,
                        const char      *field,
                        const char      *message)
{
  const GkFormField map[] = {
    { "name", GTK_WIDGET (self->name_row), self->project_error },
    { "owner-id", GTK_WIDGET (self->owner_row), self->project_error },
    { "status", GTK_WIDGET (self->status_row), self->project_error },
    { "start-date", GTK_WIDGET (self->start_row), self->period_error },
    { "end-date", GTK_WIDGET (self->end_row), self->period_error },
    { "budget-cents", GTK_WIDGET (self->budget_row), self->period_error },
    { "saving-cents", GTK_WIDGET (self->saving_row), self->period_error },
  };

  gk_form_show_problem_for_field (map, G_N_ELEMENTS (map), field, self->project_error, message);
}

/* --- reading the form -------------------------------------------------------- */

static gboolean
read_money (AdwEntryRow  *row,
            gboolean     *has_value,
            gint64       *cents,
            GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *has_value = *text != '\0';
  *cents = 0;
  return !*has_value || gk_money_parse_user (text, cents, error);
}

static GkDomains
chosen_domains (GkProjectEditor *self)
{
  GkDomains domains = GK_DOMAIN_NONE;

  if (gtk_check_button_get_active (self->jeugd_check))
    domains |= GK_DOMAIN_JEUGD;
  if (gtk_check_button_get_active (self->wmo_check))
    domains |= GK_DOMAIN_WMO;
  if (gtk_check_button_get_active (self->participatie_check))
    domains |= GK_DOMAIN_PARTICIPATIE;
  return domains;
}

/* Fills @project from the form; on a mistake in what was typed (a date or
 * an amount) shows it and returns FALSE. */
static gboolean
read_form (GkProjectEditor *self,
           GkFocusProject  *project)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->health_reason_row))));
  g_autofree char *goal = gk_form_text_view_get_text (self->goal_view);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_budget, has_saving;
  gint64 budget, saving;

  if (!gk_form_read_date (GTK_EDITABLE (self->start_row), FALSE, &start, &error))
    {
      show_problem_for_field (self, "start-date", error->message);
      return FALSE;
    }
  if (!gk_form_read_date (GTK_EDITABLE (self->end_row), FALSE, &end, &error))
    {
      show_problem_for_field (self, "end-date", error->message);
      return FALSE;
    }
  if (!read_money (self->budget_row, &has_budget, &budget, &error))
    {
      show_problem_for_field (self, "budget-cents", error->message);
      return FALSE;
    }
  if (!read_money (self->saving_row, &has_saving, &saving, &error))
    {
      show_problem_for_field (self, "saving-cents", error->message);
      return FALSE;
    }

  gk_focus_project_set_name (project, name);
  gk_focus_project_set_goal (project, g_strstrip (goal));
  gk_focus_project_set_owner_id (project, gk_form_person_choice_get (self->owner_row));
  gk_focus_project_set_status (project, gk_choice_enum_get (self->status_row));
  gk_focus_project_set_chain_phase (project, gk_choice_enum_get (self->chain_phase_row));
  gk_focus_project_set_domains (project, chosen_domains (self));
  gk_focus_project_set_health (project, gk_choice_enum_get (self->health_row));
  gk_focus_project_set_health_reason (project, reason);
  gk_focus_project_set_start_date (project, start);
  gk_focus_project_set_end_date (project, end);
  if (has_budget)
    gk_focus_project_set_budget_cents (project, budget);
  else
    gk_focus_project_clear_budget_cents (project);
  if (has_saving)
    gk_focus_project_set_saving_cents (project, saving);
  else
    gk_focus_project_clear_saving_cents (project);
  return TRUE;
}

/* --- topics ------------------------------------------------------------------ */

static gboolean
project_has_topic (GkDocument *document,
                   gint64      project_id,
                   gint64      topic_id)
{
  GListModel *links = gk_document_get_project_topics (document);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkProjectTopic) link = g_list_model_get_item (links, i);

      if (gk_project_topic_get_project_id (link) == project_id &&
          gk_project_topic_get_topic_id (link) == topic_id)
        return TRUE;
    }
  return FALSE;
}

static void
fill_topics (GkProjectEditor *self,
             gint64           project_id)
{
  GListModel *topics = gk_document_get_topics (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(GkTopic) topic = g_list_model_get_item (topics, i);
      gint64 topic_id = gk_record_get_id (GK_RECORD (topic));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_topic_get_name (topic));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gk_topic_get_name (topic), -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   project_id != 0 && project_has_topic (self->document, project_id, topic_id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->topics_list, row);
      g_ptr_array_add (self->topic_checks, check);
      g_array_append_val (self->topic_ids, topic_id);
    }
}

/* Adds and removes project_topic rows so that the project works on exactly
 * the checked topics. */
static gboolean
write_topics (GkProjectEditor *self,
              gint64           project_id,
              GError         **error)
{
  GListModel *links = gk_document_get_project_topics (self->document);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) unwanted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->topic_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->topic_checks, i)))
      g_hash_table_add (wanted, &g_array_index (self->topic_ids, gint64, i));

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkProjectTopic) link = g_list_model_get_item (links, i);
      gint64 topic_id = gk_project_topic_get_topic_id (link);

      if (gk_project_topic_get_project_id (link) != project_id)
        continue;
      /* What is left in wanted afterwards still has to be added. */
      if (!g_hash_table_remove (wanted, &topic_id))
        g_ptr_array_add (unwanted, g_object_ref (link));
    }

  for (guint i = 0; i < unwanted->len; i++)
    if (!gk_document_delete (self->document, g_ptr_array_index (unwanted, i), error))
      return FALSE;

  for (guint i = 0; i < self->topic_ids->len; i++)
    {
      gint64 topic_id = g_array_index (self->topic_ids, gint64, i);
      g_autoptr(GkProjectTopic) link = NULL;

      if (!g_hash_table_contains (wanted, &topic_id))
        continue;
      link = gk_project_topic_new ();
      gk_project_topic_set_project_id (link, project_id);
      gk_project_topic_set_topic_id (link, topic_id);
      if (!gk_document_insert (self->document, GK_RECORD (link), error))
        return FALSE;
    }
  return TRUE;
}

/* --- saving ------------------------------------------------------------------ */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkProjectEditor *self = GK_PROJECT_EDITOR (widget);
  g_autoptr(GkFocusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  clear_problems (self);
  /* A fresh copy each time: a refused attempt must leave nothing behind
   * (an id, a version) that would spoil the next one. */
  project = self->original != NULL
            ? GK_FOCUS_PROJECT (gk_record_copy (GK_RECORD (self->original)))
            : gk_focus_project_new ();
  if (!read_form (self, project))
    return;

  description = self->original != NULL
                ? g_strdup_printf (_("Edit focus project “%s”"), gk_focus_project_get_name (project))
                : g_strdup_printf (_("Add focus project “%s”"), gk_focus_project_get_name (project));
  gk_document_begin_group (self->document, description);
  ok = self->original != NULL
       ? gk_document_update (self->document, GK_RECORD (project), &error)
       : gk_document_insert (self->document, GK_RECORD (project), &error);
  ok = ok && write_topics (self, gk_record_get_id (GK_RECORD (project)), &error);
  if (!ok)
    {
      gk_document_cancel_group (self->document);
      show_problem_for_field (self, gk_validation_error_get_field (error), error->message);
      return;
    }
  if (!gk_document_end_group (self->document, &error))
    {
      show_problem_for_field (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, gk_record_get_id (GK_RECORD (project)));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Choosing an owner answers "needs an owner": the message goes away. */
static void
owner_changed_cb (GkProjectEditor *self)
{
  if (gk_form_person_choice_get (self->owner_row) != 0)
    gk_form_clear_problem (GTK_WIDGET (self->owner_row), self->project_error);
}

/* --- filling the form -------------------------------------------------------- */

static void
set_entry_date (AdwEntryRow *row,
                const char  *iso)
{
  g_autofree char *text = gk_form_date_for_entry (iso);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_entry_money (AdwEntryRow *row,
                 gboolean     has_value,
                 gint64       cents)
{
  g_autofree char *text = has_value ? gk_money_cents_for_entry (cents) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_form (GkProjectEditor *self,
           GkFocusProject  *project)
{
  GkDomains domains = gk_focus_project_get_domains (project);
  const GkEnumEntry *entries;
  guint n;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), gk_focus_project_get_name (project));
  gk_form_text_view_set_text (self->goal_view, gk_focus_project_get_goal (project));
  gk_form_person_choice_setup (self->owner_row, self->document, _("Nobody yet"),
                               gk_focus_project_get_owner_id (project));
  entries = gk_project_status_entries (&n);
  gk_choice_enum_setup (self->status_row, entries, n,
                        gk_focus_project_get_status (project));
  entries = gk_chain_phase_entries (&n);
  gk_choice_enum_setup (self->chain_phase_row, entries, n,
                        gk_focus_project_get_chain_phase (project));
  gtk_check_button_set_active (self->jeugd_check, (domains & GK_DOMAIN_JEUGD) != 0);
  gtk_check_button_set_active (self->wmo_check, (domains & GK_DOMAIN_WMO) != 0);
  gtk_check_button_set_active (self->participatie_check, (domains & GK_DOMAIN_PARTICIPATIE) != 0);
  entries = gk_health_entries (&n);
  gk_choice_enum_setup (self->health_row, entries, n, gk_focus_project_get_health (project));
  gtk_editable_set_text (GTK_EDITABLE (self->health_reason_row), gk_focus_project_get_health_reason (project));
  set_entry_date (self->start_row, gk_focus_project_get_start_date (project));
  set_entry_date (self->end_row, gk_focus_project_get_end_date (project));
  set_entry_money (self->budget_row, gk_focus_project_has_budget_cents (project),
                   gk_focus_project_get_budget_cents (project));
  set_entry_money (self->saving_row, gk_focus_project_has_saving_cents (project),
                   gk_focus_project_get_saving_cents (project));
  fill_topics (self, gk_record_get_id (GK_RECORD (project)));
  g_signal_connect_swapped (self->owner_row, "notify::selected", G_CALLBACK (owner_changed_cb), self);
}

/* --- construction ------------------------------------------------------------ */

static void
gk_project_editor_dispose (GObject *object)
{
  GkProjectEditor *self = GK_PROJECT_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->original);
  g_clear_pointer (&self->topic_checks, g_ptr_array_unref);
  g_clear_pointer (&self->topic_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PROJECT_EDITOR);

  G_OBJECT_CLASS (gk_project_editor_parent_class)->dispose (object);
}

static void
gk_project_editor_class_init (GkProjectEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_project_editor_dispose;

  /**
   * GkProjectEditor::saved:
   * @project_id: the id of the focus project that was written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, project_error);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, goal_view);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, chain_phase_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, jeugd_check);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, wmo_check);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, participatie_check);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, health_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, health_reason_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, budget_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, saving_row);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, period_error);
  gtk_widget_class_bind_template_child (widget_class, GkProjectEditor, topics_list);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
gk_project_editor_init (GkProjectEditor *self)
{
  g_type_ensure (GK_TYPE_RECORD_HISTORY);
  self->topic_checks = g_ptr_array_new ();
  self->topic_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field, a text view too. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "editor.save");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* A new project starts in the programme's domains, as a draft. */
static GkFocusProject *
new_project_defaults (GkDocument *document)
{
  GkFocusProject *project = gk_focus_project_new ();
  GkProgramme *programme = gk_document_get_programme (document);

  if (programme != NULL)
    gk_focus_project_set_domains (project, gk_programme_get_domains (programme));
  return project;
}

GkProjectEditor *
gk_project_editor_new (GtkWindow      *parent,
                       GkDocument     *document,
                       GkFocusProject *project)
{
  GkProjectEditor *self;
  g_autoptr(GkFocusProject) shown = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (project == NULL || GK_IS_FOCUS_PROJECT (project), NULL);

  self = g_object_new (GK_TYPE_PROJECT_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  if (project != NULL)
    {
      self->original = GK_FOCUS_PROJECT (gk_record_copy (GK_RECORD (project)));
      shown = g_object_ref (self->original);
      adw_window_title_set_title (self->window_title, _("Edit Focus Project"));
      adw_window_title_set_subtitle (self->window_title, gk_focus_project_get_name (project));
      gk_record_history_set_record (self->history_group, document, "focus_project",
                                    gk_record_get_id (GK_RECORD (project)));
    }
  else
    {
      shown = new_project_defaults (document);
      adw_window_title_set_title (self->window_title, _("New Focus Project"));
      gtk_button_set_label (self->save_button, _("_Add"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Add the focus project (Ctrl+Enter)"));
    }
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  fill_form (self, shown);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
