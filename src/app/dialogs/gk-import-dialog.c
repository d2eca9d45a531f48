/* gk-import-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-figure-layout.h"
#include "gk-import-dialog.h"
#include "gk-workbook.h"

/* What the dialog shows at most: the preview's rows and columns, the fates. */
#define PREVIEW_ROWS 6
#define PREVIEW_COLUMNS 8
#define MAX_FATE_ROWS 300

struct _GkImportDialog
{
  AdwWindow             parent_instance;

  AdwActionRow         *file_row;
  AdwComboRow          *sheet_row;
  AdwComboRow          *indicator_row;
  AdwComboRow          *indicator_column_row;
  AdwComboRow          *period_column_row;
  AdwComboRow          *value_column_row;
  AdwComboRow          *note_column_row;
  GtkGrid              *preview_grid;
  GtkLabel             *summary_label;
  GtkCheckButton       *skip_check;
  GtkListBox           *fates_list;
  GtkButton            *import_button;
  GtkSpinner           *reading_spinner;

  GkDocument           *document;
  GFile                *file;
  GkWorkbook           *workbook;
  GkSheet              *sheet;
  GkFigureLayout       *layout;
  GkImportPlan         *plan;
  GtkFileChooserNative *chooser;
  GCancellable         *reading;    /* the file being read in a thread, or NULL */
  gboolean              updating;   /* filling the rows: no replanning */
  gboolean              ask_for_file;
};

G_DEFINE_FINAL_TYPE (GkImportDialog, gk_import_dialog, ADW_TYPE_WINDOW)

static AdwComboRow *
column_row (GkImportDialog *self,
            GkFigureRole    role)
{
  switch (role)
    {
    case GK_FIGURE_ROLE_INDICATOR:
      return self->indicator_column_row;
    case GK_FIGURE_ROLE_PERIOD:
      return self->period_column_row;
    case GK_FIGURE_ROLE_VALUE:
      return self->value_column_row;
    case GK_FIGURE_ROLE_NOTE:
    case GK_FIGURE_N_ROLES:
    default:
      return self->note_column_row;
    }
}

static void
show_problem (GkImportDialog *self,
              const char     *message)
{
  gtk_label_set_text (self->summary_label, message);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_grid_remove (GTK_GRID (box), child);
    }
}

/* ---- the preview ---------------------------------------------------------------- */

static void
fill_preview (GkImportDialog *self)
{
  guint first = self->layout != NULL && self->layout->header_row >= 0 ? (guint) self->layout->header_row : 0;
  guint n_rows = self->sheet != NULL ? gk_sheet_get_n_rows (self->sheet) : 0;

  clear_box (GTK_WIDGET (self->preview_grid));
  for (guint r = first; r < MIN (n_rows, first + PREVIEW_ROWS); r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (self->sheet, r);
      g_autofree char *line = g_strdup_printf ("%u", row->line);
      GtkWidget *number = gtk_label_new (line);

      gtk_widget_add_css_class (number, "dim-label");
      gtk_grid_attach (self->preview_grid, number, 0, r - first, 1, 1);
      for (guint c = 0; c < MIN (row->n_cells, PREVIEW_COLUMNS); c++)
        {
          g_autofree char *text = gk_cell_to_display (&row->cells[c]);
          GtkWidget *label = gtk_label_new (g_strstrip (text));

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          if ((int) r == self->layout->header_row)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->preview_grid, label, c + 1, r - first, 1, 1);
        }
    }
}

static const char *
fate_icon (GkImportFateKind kind)
{
  switch (kind)
    {
    case GK_IMPORT_FATE_NEW:
      return "list-add-symbolic";
    case GK_IMPORT_FATE_CHANGED:
      return "document-edit-symbolic";
    case GK_IMPORT_FATE_REFUSED:
      return "dialog-error-symbolic";
    case GK_IMPORT_FATE_UNCHANGED:
    case GK_IMPORT_FATE_EMPTY:
    case GK_IMPORT_N_FATES:
    default:
      return "object-select-symbolic";
    }
}

static void
add_fate_row (GkImportDialog     *self,
              const GkImportFate *fate)
{
  g_autofree char *text = gk_import_plan_describe_fate (self->plan, fate);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (fate_icon (fate->kind));
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (fate->kind == GK_IMPORT_FATE_REFUSED)
    gtk_widget_add_css_class (label, "error");
  else if (fate->kind == GK_IMPORT_FATE_UNCHANGED || fate->kind == GK_IMPORT_FATE_EMPTY)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_append (self->fates_list, box);
}

/* Refused rows first (they need attention), then the changes, then the rest. */
static void
fill_fates (GkImportDialog *self)
{
  static const GkImportFateKind order[] = {
    GK_IMPORT_FATE_REFUSED, GK_IMPORT_FATE_CHANGED, GK_IMPORT_FATE_NEW,
    GK_IMPORT_FATE_UNCHANGED, GK_IMPORT_FATE_EMPTY,
  };
  guint shown = 0;

  clear_box (GTK_WIDGET (self->fates_list));
  if (self->plan == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < gk_import_plan_get_n_fates (self->plan) && shown < MAX_FATE_ROWS; i++)
      {
        const GkImportFate *fate = gk_import_plan_get_fate (self->plan, i);

        if (fate->kind == order[k])
          {
            add_fate_row (self, fate);
            shown++;
          }
      }
}

static void
update_import_button (GkImportDialog *self)
{
  guint refused = self->plan != NULL ? gk_import_plan_count (self->plan, GK_IMPORT_FATE_REFUSED) : 0;
  guint writes = self->plan != NULL ? gk_import_plan_count (self->plan, GK_IMPORT_FATE_NEW) +
                                      gk_import_plan_count (self->plan, GK_IMPORT_FATE_CHANGED) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->skip_check), refused > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            writes > 0 && (refused == 0 || gtk_check_button_get_active (self->skip_check)));
}

/* ---- mapping and planning -------------------------------------------------------- */

static void
fill_mapping (GkImportDialog *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) indicators = gtk_string_list_new (NULL);
  GListModel *list = gk_document_get_indicators (self->document);

  self->updating = TRUE;
  gtk_string_list_append (columns, _("(none)"));
  for (guint c = 0; c < gk_sheet_get_n_columns (self->sheet); c++)
    {
      g_autofree char *name = g_strdup_printf ("%u: %s", c + 1, gk_figure_layout_get_label (self->layout, c));

      gtk_string_list_append (columns, name);
    }
  for (guint role = 0; role < GK_FIGURE_N_ROLES; role++)
    adw_combo_row_set_model (column_row (self, role), G_LIST_MODEL (columns));

  gtk_string_list_append (indicators, _("Named in the file"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (list, i);

      gtk_string_list_append (indicators, gk_indicator_get_name (indicator));
    }
  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (indicators));
  self->updating = FALSE;
}

/* Shows the layout's choices in the rows (without acting on them). */
static void
show_mapping (GkImportDialog *self)
{
  GListModel *list = gk_document_get_indicators (self->document);
  guint selected_indicator = 0;

  self->updating = TRUE;
  for (guint role = 0; role < GK_FIGURE_N_ROLES; role++)
    if (adw_combo_row_get_selected (column_row (self, role)) != (guint) (self->layout->columns[role] + 1))
      adw_combo_row_set_selected (column_row (self, role), self->layout->columns[role] + 1);
  if (self->layout->columns[GK_FIGURE_ROLE_INDICATOR] < 0)
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(GkIndicator) indicator = g_list_model_get_item (list, i);

        if (gk_record_get_id (GK_RECORD (indicator)) == self->layout->indicator_id)
          selected_indicator = i + 1;
      }
  if (adw_combo_row_get_selected (self->indicator_row) != selected_indicator)
    adw_combo_row_set_selected (self->indicator_row, selected_indicator);
  self->updating = FALSE;
}

static void
replan (GkImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_clear_object (&self->plan);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  if (self->layout != NULL)
    self->plan = gk_import_plan_new (self->document, self->sheet, self->layout, &error);
  fill_preview (self);
  fill_fates (self);
  if (self->plan == NULL)
    show_problem (self, error != NULL ? error->message : "");
  else
    {
      summary = gk_import_plan_summary (self->plan);
      gtk_label_set_text (self->summary_label, summary);
    }
  update_import_button (self);
}

/* Shows a sheet that was read: its layout guessed, the mapping, the plan. */
static void
show_sheet (GkImportDialog *self,
            GkSheet        *sheet,
            GError         *error)
{
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->layout, gk_figure_layout_free);
  if (sheet == NULL)
    {
      g_clear_object (&self->plan);
      fill_fates (self);
      clear_box (GTK_WIDGET (self->preview_grid));
      show_problem (self, error->message);
      update_import_button (self);
      return;
    }
  self->sheet = g_object_ref (sheet);
  self->layout = gk_figure_layout_guess (self->sheet, self->document);
  fill_mapping (self);
  show_mapping (self);
  replan (self);
}

static void
read_sheet (GkImportDialog *self,
            const char     *sheet_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkSheet) sheet = gk_workbook_read_sheet (self->workbook, sheet_name, &error);

  show_sheet (self, sheet, error);
}

/* ---- reading the file in a thread ------------------------------------------------- *
 *
 * Opening a workbook and reading its first sheet (unzipping and parsing an
 * XLSX of many rows, or a long CSV) takes seconds for a big file, so it runs
 * in a thread: the window stays responsive and shows a spinner meanwhile.
 * The thread touches nothing but the file and what it makes of it; guessing
 * the layout and planning need the document, which lives on the main thread
 * (its objects and its SQLite connection change under any edit), so they
 * run when the sheet has arrived. Closing the dialog or choosing another
 * file cancels the read. */

typedef struct {
  GFile      *file;
  GkWorkbook *workbook;
  GkSheet    *sheet;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_clear_object (&job->file);
  g_clear_object (&job->workbook);
  g_clear_object (&job->sheet);
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;

  job->workbook = gk_workbook_open (job->file, cancellable, &error);
  if (job->workbook == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* A sheet that cannot be read is shown as such, with the sheets to choose from. */
  job->sheet = gk_workbook_read_sheet (job->workbook, NULL, &error);
  if (job->sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_reading (GkImportDialog *self,
              gboolean        reading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->reading_spinner), reading);
  gtk_spinner_set_spinning (self->reading_spinner, reading);
}

static void
show_workbook (GkImportDialog *self,
               GkWorkbook     *workbook)
{
  g_autoptr(GtkStringList) sheets = NULL;

  g_set_object (&self->workbook, workbook);
  sheets = gtk_string_list_new ((const char * const *) gk_workbook_get_sheet_names (self->workbook));
  self->updating = TRUE;
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheets));
  adw_combo_row_set_selected (self->sheet_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row),
                          gk_workbook_get_format (self->workbook) != GK_WORKBOOK_FORMAT_CSV);
  self->updating = FALSE;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GkImportDialog *self = GK_IMPORT_DIALOG (source);
  GTask *task = G_TASK (result);
  ReadJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* closed, or another file chosen: nothing of this read is shown */
  if (g_task_get_cancellable (task) != self->reading)
    return;

  g_clear_object (&self->reading);
  show_reading (self, FALSE);
  if (job->workbook == NULL)
    {
      g_clear_object (&self->sheet);
      g_clear_pointer (&self->layout, gk_figure_layout_free);
      g_clear_object (&self->plan);
      clear_box (GTK_WIDGET (self->preview_grid));
      fill_fates (self);
      show_problem (self, error->message);
      update_import_button (self);
      return;
    }
  show_workbook (self, job->workbook);
  show_sheet (self, job->sheet, error);
}

static void
cancel_reading (GkImportDialog *self)
{
  if (self->reading == NULL)
    return;
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
}

void
gk_import_dialog_set_file (GkImportDialog *self,
                           GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reading = NULL;
  ReadJob *job;

  g_return_if_fail (GK_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  cancel_reading (self);
  g_set_object (&self->file, file);
  g_clear_object (&self->workbook);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->layout, gk_figure_layout_free);
  g_clear_object (&self->plan);
  name = g_file_get_basename (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);

  /* Nothing of the previous file stays while this one is read. */
  clear_box (GTK_WIDGET (self->preview_grid));
  fill_fates (self);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  /* Translators: shown while a file of figures is read; %s is its name. */
  reading = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_text (self->summary_label, reading);
  update_import_button (self);
  show_reading (self, TRUE);

  self->reading = g_cancellable_new ();
  job = g_new0 (ReadJob, 1);
  job->file = g_object_ref (file);
  task = g_task_new (self, self->reading, read_done_cb, NULL);
  g_task_set_source_tag (task, gk_import_dialog_set_file);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_in_thread);
}

gboolean
gk_import_dialog_is_reading (GkImportDialog *self)
{
  g_return_val_if_fail (GK_IS_IMPORT_DIALOG (self), FALSE);
  return self->reading != NULL;
}

GkImportPlan *
gk_import_dialog_get_plan (GkImportDialog *self)
{
  g_return_val_if_fail (GK_IS_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

/* ---- signals --------------------------------------------------------------------- */

static void
sheet_changed_cb (GkImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);
  const char * const *names;

  if (self->updating || self->workbook == NULL)
    return;
  names = gk_workbook_get_sheet_names (self->workbook);
  if (selected < g_strv_length ((char **) names))
    read_sheet (self, names[selected]);
}

static void
mapping_changed_cb (GkImportDialog *self)
{
  guint indicator;

  if (self->updating || self->layout == NULL)
    return;
  for (guint role = 0; role < GK_FIGURE_N_ROLES; role++)
    {
      int column = (int) adw_combo_row_get_selected (column_row (self, role)) - 1;

      if (column != self->layout->columns[role])
        gk_figure_layout_set_column_index (self->layout, role, column);
    }
  indicator = adw_combo_row_get_selected (self->indicator_row);
  if (indicator > 0)
    {
      g_autoptr(GkIndicator) chosen = g_list_model_get_item (gk_document_get_indicators (self->document),
                                                             indicator - 1);

      if (chosen != NULL && gk_record_get_id (GK_RECORD (chosen)) != self->layout->indicator_id)
        gk_figure_layout_set_indicator (self->layout, self->document, gk_record_get_id (GK_RECORD (chosen)));
    }
  else if (self->layout->columns[GK_FIGURE_ROLE_INDICATOR] >= 0)
    self->layout->indicator_id = 0;
  /* Changing one choice may move others (a column has one role): show them. */
  show_mapping (self);
  replan (self);
}

static void
skip_toggled_cb (GkImportDialog *self)
{
  update_import_button (self);
}

static void
import_clicked_cb (GkImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;

  if (self->plan == NULL || self->reading != NULL)
    return;
  if (!gk_import_plan_apply (self->plan, name, gtk_check_button_get_active (self->skip_check), &error))
    {
      show_problem (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GkImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gk_import_dialog_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (GkImportDialog *self)
{
  g_autoptr(GtkFileFilter) figures = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (figures, _("Spreadsheets and CSV files"));
  gtk_file_filter_add_suffix (figures, "csv");
  gtk_file_filter_add_suffix (figures, "txt");
  gtk_file_filter_add_suffix (figures, "xlsx");
  gtk_file_filter_add_suffix (figures, "ods");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Figures"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), figures);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gk_import_dialog_map (GtkWidget *widget)
{
  GkImportDialog *self = GK_IMPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (gk_import_dialog_parent_class)->map (widget);
  if (self->ask_for_file)
    {
      self->ask_for_file = FALSE;
      choose_clicked_cb (self);
    }
}

/* ---- drag and drop ----------------------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *widget)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *uri = NULL;

  if (!G_IS_FILE (file))
    return FALSE;
  uri = g_file_get_uri (file);
  return gtk_widget_activate_action (widget, "win.import-figures", "s", uri);
}

void
gk_import_dialog_accept_drops (GtkWidget *widget)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

/* ---- the type ---------------------------------------------------------------------- */

static void
gk_import_dialog_dispose (GObject *object)
{
  GkImportDialog *self = GK_IMPORT_DIALOG (object);

  cancel_reading (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->layout, gk_figure_layout_free);
  g_clear_object (&self->sheet);
  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_import_dialog_parent_class)->dispose (object);
}

static void
gk_import_dialog_class_init (GkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_import_dialog_dispose;
  widget_class->map = gk_import_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, indicator_column_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, period_column_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, value_column_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, note_column_row);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, fates_list);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GkImportDialog, reading_spinner);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sheet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mapping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_import_dialog_init (GkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), FALSE);
}

GkImportDialog *
gk_import_dialog_new (GtkWindow  *parent,
                      GkDocument *document,
                      GFile      *file)
{
  GkImportDialog *self = g_object_new (GK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self->document = g_object_ref (document);
  if (file != NULL)
    gk_import_dialog_set_file (self, file);
  else
    self->ask_for_file = TRUE;
  return self;
}
