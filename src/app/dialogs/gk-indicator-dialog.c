/* gk-indicator-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document validates the indicator (signal values in the order of its
 * direction, target after baseline); the dialog reads numbers and dates as
 * people type them and shows every refusal next to the field it is about.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-form.h"
#include "gk-indicator-dialog.h"
#include "gk-record-history.h"
#include "gk-value-format.h"

struct _GkIndicatorDialog
{
  AdwWindow        parent_instance;

  GkDocument      *document;
  GkRecordHistory *history_group;
  GkIndicator     *indicator;   /* NULL for a new one */

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  AdwEntryRow     *name_row;
  GtkLabel        *name_error;
  GtkWidget       *description_frame;
  GtkTextView     *description_view;
  AdwComboRow     *unit_row;
  AdwComboRow     *direction_row;
  AdwComboRow     *frequency_row;
  AdwEntryRow     *source_row;
  GtkLabel        *measuring_error;
  AdwPreferencesGroup *signal_group;
  AdwEntryRow     *serious_row;
  AdwEntryRow     *control_row;
  GtkLabel        *signal_error;
  AdwEntryRow     *baseline_value_row;
  AdwEntryRow     *baseline_date_row;
  AdwEntryRow     *target_value_row;
  AdwEntryRow     *target_date_row;
  GtkLabel        *baseline_error;
  AdwExpanderRow  *topics_expander;
  AdwExpanderRow  *projects_expander;
  GtkLabel        *general_error;

  GPtrArray       *topic_checks;     /* GtkCheckButton, "id" data */
  GPtrArray       *project_checks;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkIndicatorDialog, gk_indicator_dialog, ADW_TYPE_WINDOW)

/* --- choices of an enumeration ----------------------------------------------- */

static void
enum_choice_setup (AdwComboRow       *row,
                   const GkEnumEntry *entries,
                   guint              n_entries,
                   int                value)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_entries; i++)
    gtk_string_list_append (labels, _(entries[i].label));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  g_object_set_data (G_OBJECT (row), "entries", (gpointer) entries);
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].value == value)
      adw_combo_row_set_selected (row, i);
}

static int
enum_choice_get (AdwComboRow *row)
{
  const GkEnumEntry *entries = g_object_get_data (G_OBJECT (row), "entries");

  return entries[adw_combo_row_get_selected (row)].value;
}

/* --- fields ------------------------------------------------------------------ */

static void
set_number (AdwEntryRow *row,
            gboolean     has_value,
            double       value)
{
  g_autofree char *text = has_value ? gk_value_for_entry (value) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_date (AdwEntryRow *row,
          const char  *iso)
{
  g_autofree char *text = gk_form_date_for_entry (iso);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Empty text means "not set". */
static gboolean
read_number (AdwEntryRow *row,
             gboolean    *out_has_value,
             double      *out_value,
             GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *out_has_value = *text != '\0';
  if (!*out_has_value)
    return TRUE;
  return gk_value_parse (text, out_value, error);
}

static void
direction_changed_cb (GkIndicatorDialog *self)
{
  if (g_object_get_data (G_OBJECT (self->direction_row), "entries") == NULL)
    return;
  if (enum_choice_get (self->direction_row) == GK_DIRECTION_LOWER_IS_BETTER)
    adw_preferences_group_set_description (self->signal_group,
                                           _("Lower is better: the boundary to Serious is the higher of the two values. "
                                             "A value that reaches a boundary has the better level."));
  else
    adw_preferences_group_set_description (self->signal_group,
                                           _("Higher is better: the boundary to Serious is the lower of the two values. "
                                             "A value that reaches a boundary has the better level."));
}

/* --- problems ---------------------------------------------------------------- */

typedef struct {
  const char *field;
  gsize       widget_offset;
  gsize       label_offset;
} FieldPlace;

#define PLACE(field, widget, label) \
  { field, G_STRUCT_OFFSET (GkIndicatorDialog, widget), G_STRUCT_OFFSET (GkIndicatorDialog, label) }

static const FieldPlace field_places[] = {
  PLACE ("name", name_row, name_error),
  PLACE ("description", description_frame, name_error),
  PLACE ("unit", unit_row, measuring_error),
  PLACE ("direction", direction_row, measuring_error),
  PLACE ("frequency", frequency_row, measuring_error),
  PLACE ("source", source_row, measuring_error),
  PLACE ("signal-serious", serious_row, signal_error),
  PLACE ("signal-control", control_row, signal_error),
  PLACE ("baseline-value", baseline_value_row, baseline_error),
  PLACE ("baseline-date", baseline_date_row, baseline_error),
  PLACE ("target-value", target_value_row, baseline_error),
  PLACE ("target-date", target_date_row, baseline_error),
};

#define MEMBER(self, offset) (*(gpointer *) G_STRUCT_MEMBER_P (self, offset))

static void
clear_problems (GkIndicatorDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_places); i++)
    gk_form_clear_problem (MEMBER (self, field_places[i].widget_offset),
                           MEMBER (self, field_places[i].label_offset));
  gk_form_clear_problem (NULL, self->general_error);
}

static void
show_problem (GkIndicatorDialog *self,
              const char        *field,
              const char        *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_places); i++)
    if (g_strcmp0 (field, field_places[i].field) == 0)
      {
        gk_form_show_problem (MEMBER (self, field_places[i].widget_offset),
                              MEMBER (self, field_places[i].label_offset), message);
        return;
      }
  gk_form_show_problem (NULL, self->general_error, message);
}

/* --- links to topics and projects -------------------------------------------- */

static gboolean
is_linked (GkIndicatorDialog *self,
           gboolean           topics,
           gint64             id)
{
  GListModel *links;
  gint64 indicator_id;

  if (self->indicator == NULL)
    return FALSE;
  indicator_id = gk_record_get_id (GK_RECORD (self->indicator));
  links = topics ? gk_document_get_indicator_topics (self->document)
                 : gk_document_get_indicator_projects (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkRecord) link = g_list_model_get_item (links, i);

      if (topics && gk_indicator_topic_get_indicator_id (GK_INDICATOR_TOPIC (link)) == indicator_id &&
          gk_indicator_topic_get_topic_id (GK_INDICATOR_TOPIC (link)) == id)
        return TRUE;
      if (!topics && gk_indicator_project_get_indicator_id (GK_INDICATOR_PROJECT (link)) == indicator_id &&
          gk_indicator_project_get_project_id (GK_INDICATOR_PROJECT (link)) == id)
        return TRUE;
    }
  return FALSE;
}

static void
fill_checks (GkIndicatorDialog *self,
             AdwExpanderRow    *expander,
             GListModel        *rows,
             gboolean           topics,
             GPtrArray         *checks)
{
  guint n_linked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRecord) record = g_list_model_get_item (rows, i);
      gint64 id = gk_record_get_id (record);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_record_get_label (record));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_linked (self, topics, id));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gk_record_get_label (record), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (expander, row);
      g_object_set_data_full (G_OBJECT (check), "id", g_memdup2 (&id, sizeof id), g_free);
      g_ptr_array_add (checks, check);
      n_linked += gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
    }
  if (n_linked > 0)
    {
      /* Translators: how many topics or projects are ticked */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n_linked),
                                                   n_linked);

      adw_expander_row_set_subtitle (expander, subtitle);
    }
}

static gint64
check_id (GtkWidget *check)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (check), "id");
}

/* Adds the ticked links that are not there and removes the unticked ones. */
static gboolean
save_links (GkIndicatorDialog *self,
            gint64             indicator_id,
            gboolean           topics,
            GError           **error)
{
  GPtrArray *checks = topics ? self->topic_checks : self->project_checks;
  GListModel *links = topics ? gk_document_get_indicator_topics (self->document)
                             : gk_document_get_indicator_projects (self->document);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) unwanted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      {
        gint64 id = check_id (g_ptr_array_index (checks, i));

        g_hash_table_add (wanted, g_memdup2 (&id, sizeof id));
      }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GkRecord) link = g_list_model_get_item (links, i);
      gint64 link_indicator, target;

      if (topics)
        {
          link_indicator = gk_indicator_topic_get_indicator_id (GK_INDICATOR_TOPIC (link));
          target = gk_indicator_topic_get_topic_id (GK_INDICATOR_TOPIC (link));
        }
      else
        {
          link_indicator = gk_indicator_project_get_indicator_id (GK_INDICATOR_PROJECT (link));
          target = gk_indicator_project_get_project_id (GK_INDICATOR_PROJECT (link));
        }
      if (link_indicator != indicator_id)
        continue;
      /* Already there: nothing to add. */
      if (!g_hash_table_remove (wanted, &target))
        g_ptr_array_add (unwanted, g_object_ref (link));
    }

  for (guint i = 0; i < unwanted->len; i++)
    if (!gk_document_delete (self->document, g_ptr_array_index (unwanted, i), error))
      return FALSE;

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, wanted);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_autoptr(GkRecord) link = NULL;
        gint64 target = *(gint64 *) key;

        if (topics)
          {
            link = GK_RECORD (gk_indicator_topic_new ());
            gk_indicator_topic_set_indicator_id (GK_INDICATOR_TOPIC (link), indicator_id);
            gk_indicator_topic_set_topic_id (GK_INDICATOR_TOPIC (link), target);
          }
        else
          {
            link = GK_RECORD (gk_indicator_project_new ());
            gk_indicator_project_set_indicator_id (GK_INDICATOR_PROJECT (link), indicator_id);
            gk_indicator_project_set_project_id (GK_INDICATOR_PROJECT (link), target);
          }
        if (!gk_document_insert (self->document, link, error))
          return FALSE;
      }
  }
  return TRUE;
}

/* --- saving ------------------------------------------------------------------ */

typedef struct {
  AdwEntryRow *row;
  const char  *field;
  void       (*set) (GkIndicator *self, double value);
  void       (*clear) (GkIndicator *self);
} NumberField;

/* Reads the form into @indicator; FALSE (with the problem shown) when a
 * number or date cannot be read. */
static gboolean
read_form (GkIndicatorDialog *self,
           GkIndicator       *indicator)
{
  const NumberField numbers[] = {
    { self->serious_row, "signal-serious", gk_indicator_set_signal_serious, gk_indicator_clear_signal_serious },
    { self->control_row, "signal-control", gk_indicator_set_signal_control, gk_indicator_clear_signal_control },
    { self->baseline_value_row, "baseline-value", gk_indicator_set_baseline_value, gk_indicator_clear_baseline_value },
    { self->target_value_row, "target-value", gk_indicator_set_target_value, gk_indicator_clear_target_value },
  };
  const struct {
    AdwEntryRow *row;
    const char  *field;
    void       (*set) (GkIndicator *self, const char *value);
  } dates[] = {
    { self->baseline_date_row, "baseline-date", gk_indicator_set_baseline_date },
    { self->target_date_row, "target-date", gk_indicator_set_target_date },
  };
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));
  g_autofree char *description = gk_form_text_view_get_text (self->description_view);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean has_value;
      double value;

      if (!read_number (numbers[i].row, &has_value, &value, &error))
        {
          show_problem (self, numbers[i].field, error->message);
          return FALSE;
        }
      if (has_value)
        numbers[i].set (indicator, value);
      else
        numbers[i].clear (indicator);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      if (!gk_form_read_date (GTK_EDITABLE (dates[i].row), FALSE, &iso, &error))
        {
          show_problem (self, dates[i].field, error->message);
          return FALSE;
        }
      dates[i].set (indicator, iso);
    }

  gk_indicator_set_name (indicator, name);
  gk_indicator_set_description (indicator, g_strstrip (description));
  gk_indicator_set_source (indicator, source);
  gk_indicator_set_unit (indicator, enum_choice_get (self->unit_row));
  gk_indicator_set_direction (indicator, enum_choice_get (self->direction_row));
  gk_indicator_set_frequency (indicator, enum_choice_get (self->frequency_row));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkIndicatorDialog *self = GK_INDICATOR_DIALOG (widget);
  g_autoptr(GkIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean saved;
  gint64 id;

  clear_problems (self);
  indicator = self->indicator != NULL ? GK_INDICATOR (gk_record_copy (GK_RECORD (self->indicator)))
                                      : gk_indicator_new ();
  if (!read_form (self, indicator))
    return;

  description = self->indicator != NULL
                /* Translators: an undo step, %s is the indicator's name */
                ? g_strdup_printf (_("Edit indicator “%s”"), gk_indicator_get_name (indicator))
                /* Translators: an undo step, %s is the indicator's name */
                : g_strdup_printf (_("Add indicator “%s”"), gk_indicator_get_name (indicator));
  gk_document_begin_group (self->document, description);
  saved = self->indicator != NULL
          ? gk_document_update (self->document, GK_RECORD (indicator), &error)
          : gk_document_insert (self->document, GK_RECORD (indicator), &error);
  id = gk_record_get_id (GK_RECORD (indicator));
  if (!saved ||
      !save_links (self, id, TRUE, &error) ||
      !save_links (self, id, FALSE, &error))
    {
      gk_document_cancel_group (self->document);
      show_problem (self, gk_validation_error_get_field (error), error->message);
      return;
    }
  if (!gk_document_end_group (self->document, &error))
    {
      show_problem (self, gk_validation_error_get_field (error), error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* --- construction ------------------------------------------------------------ */

static void
gk_indicator_dialog_dispose (GObject *object)
{
  GkIndicatorDialog *self = GK_INDICATOR_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->indicator);
  g_clear_pointer (&self->topic_checks, g_ptr_array_unref);
  g_clear_pointer (&self->project_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_INDICATOR_DIALOG);

  G_OBJECT_CLASS (gk_indicator_dialog_parent_class)->dispose (object);
}

static void
gk_indicator_dialog_class_init (GkIndicatorDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_indicator_dialog_dispose;

  /**
   * GkIndicatorDialog::saved:
   * @id: the id of the indicator
   *
   * The indicator was written to the document.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-indicator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, description_frame);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, measuring_error);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, signal_group);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, serious_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, control_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, signal_error);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, baseline_value_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, baseline_date_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, target_value_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, baseline_error);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, topics_expander);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, projects_expander);
  gtk_widget_class_bind_template_child (widget_class, GkIndicatorDialog, general_error);
  gtk_widget_class_bind_template_callback (widget_class, direction_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.save", NULL);
}

static void
gk_indicator_dialog_init (GkIndicatorDialog *self)
{
  g_type_ensure (GK_TYPE_RECORD_HISTORY);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field, a text view too. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  self->topic_checks = g_ptr_array_new ();
  self->project_checks = g_ptr_array_new ();
}

static void
fill_form (GkIndicatorDialog *self,
           GkIndicator       *indicator)
{
  const GkEnumEntry *entries;
  guint n_entries;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), gk_indicator_get_name (indicator));
  gk_form_text_view_set_text (self->description_view, gk_indicator_get_description (indicator));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), gk_indicator_get_source (indicator));

  entries = gk_unit_entries (&n_entries);
  enum_choice_setup (self->unit_row, entries, n_entries, gk_indicator_get_unit (indicator));
  entries = gk_direction_entries (&n_entries);
  enum_choice_setup (self->direction_row, entries, n_entries, gk_indicator_get_direction (indicator));
  entries = gk_frequency_entries (&n_entries);
  enum_choice_setup (self->frequency_row, entries, n_entries, gk_indicator_get_frequency (indicator));
  direction_changed_cb (self);

  set_number (self->serious_row, gk_indicator_has_signal_serious (indicator),
              gk_indicator_get_signal_serious (indicator));
  set_number (self->control_row, gk_indicator_has_signal_control (indicator),
              gk_indicator_get_signal_control (indicator));
  set_number (self->baseline_value_row, gk_indicator_has_baseline_value (indicator),
              gk_indicator_get_baseline_value (indicator));
  set_number (self->target_value_row, gk_indicator_has_target_value (indicator),
              gk_indicator_get_target_value (indicator));
  set_date (self->baseline_date_row, gk_indicator_get_baseline_date (indicator));
  set_date (self->target_date_row, gk_indicator_get_target_date (indicator));
}

GkIndicatorDialog *
gk_indicator_dialog_new (GtkWindow   *parent,
                         GkDocument  *document,
                         GkIndicator *indicator)
{
  GkIndicatorDialog *self;
  g_autoptr(GkIndicator) blank = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (indicator == NULL || GK_IS_INDICATOR (indicator), NULL);

  self = g_object_new (GK_TYPE_INDICATOR_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->indicator = indicator != NULL ? g_object_ref (indicator) : NULL;

  if (indicator != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Indicator"));
      adw_window_title_set_subtitle (self->window_title, gk_indicator_get_name (indicator));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Indicator"));
      fill_form (self, indicator);
      gk_record_history_set_record (self->history_group, document, "indicator",
                                    gk_record_get_id (GK_RECORD (indicator)));
    }
  else
    {
      blank = gk_indicator_new ();
      adw_window_title_set_title (self->window_title, _("New Indicator"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Indicator"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      fill_form (self, blank);
    }

  fill_checks (self, self->topics_expander, gk_document_get_topics (document), TRUE, self->topic_checks);
  fill_checks (self, self->projects_expander, gk_document_get_focus_projects (document), FALSE,
               self->project_checks);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
