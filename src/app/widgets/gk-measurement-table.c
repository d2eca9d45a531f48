/* gk-measurement-table.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of one indicator, newest first, corrected in place: the
 * value and note cells are typed over, a row's button deletes it. Every
 * edit goes through the document, so each one is an undo step; what the
 * document refuses is told through GkMeasurementTable::problem.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-form.h"
#include "gk-measurement-row.h"
#include "gk-measurement-table.h"
#include "gk-period.h"
#include "gk-value-format.h"

/* Three years of monthly figures: what people look at and correct. Older
 * ones are a click away; a table of hundreds of rows takes GTK 4.8 a
 * moment to fill, too long for every change of indicator. */
#define MAX_ROWS_SHOWN 36

#define ITEM_HANDLER_KEY "gk-notify-handler"

struct _GkMeasurementTable
{
  AdwBin          parent_instance;

  GkDocument     *document;
  GkIndicator    *indicator;      /* the live record shown */
  GListStore     *measurements;   /* GkMeasurementRow, newest first */
  gboolean        show_all;       /* or only the latest MAX_ROWS_SHOWN */
  guint           sync_source;

  GtkStack       *stack;
  GtkColumnView  *column_view;
  GtkWidget      *show_all_button;
};

G_DEFINE_FINAL_TYPE (GkMeasurementTable, gk_measurement_table, ADW_TYPE_BIN)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_date_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !gk_date_parse_iso (iso, &date))
    return NULL;
  return gk_date_format_display (&date);
}

/* The period of a measurement as its frequency names it: "November 2026",
 * "Q4 2026", "2026". */
static char *
period_label (GkIndicator   *indicator,
              GkMeasurement *measurement)
{
  GDate date;

  if (!gk_date_parse_iso (gk_measurement_get_period_date (measurement), &date))
    return g_strdup (gk_measurement_get_period_date (measurement));
  return gk_period_label (gk_indicator_get_frequency (indicator), &date);
}

static void
update_table_stack (GkMeasurementTable *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->measurements)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "table");
}

static void
update_show_all (GkMeasurementTable *self,
                 guint               n_measurements)
{
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->show_all_button, !self->show_all && n_measurements > MAX_ROWS_SHOWN);
  if (n_measurements <= MAX_ROWS_SHOWN)
    return;
  /* Translators: a button under the table of measurements */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Measurements", "Show All %u Measurements",
                                        n_measurements),
                           n_measurements);
  gtk_button_set_label (GTK_BUTTON (self->show_all_button), label);
}

/* Makes the table's rows show the shown indicator's measurements, newest
 * first: existing rows get another measurement where it differs, and rows
 * are added or removed at the end. */
static void
sync_measurements (GkMeasurementTable *self)
{
  g_autoptr(GPtrArray) series = NULL;
  GListModel *rows = G_LIST_MODEL (self->measurements);
  guint n_old = g_list_model_get_n_items (rows);
  guint n_new;

  if (self->indicator != NULL && self->document != NULL)
    series = gk_document_get_measurements_for_indicator (self->document, gk_record_get_id (GK_RECORD (self->indicator)));
  else
    series = g_ptr_array_new ();
  n_new = self->show_all ? series->len : MIN (series->len, MAX_ROWS_SHOWN);
  update_show_all (self, series->len);

  if (n_new < n_old)
    g_list_store_splice (self->measurements, n_new, n_old - n_new, NULL, 0);
  for (guint i = 0; i < MIN (n_old, n_new); i++)
    {
      g_autoptr(GkMeasurementRow) row = g_list_model_get_item (rows, i);

      /* series is oldest first; the table shows it the other way round */
      gk_measurement_row_set_measurement (row, g_ptr_array_index (series, series->len - 1 - i));
    }
  if (n_new > n_old)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_old; i < n_new; i++)
        {
          GkMeasurementRow *row = gk_measurement_row_new ();

          gk_measurement_row_set_measurement (row, g_ptr_array_index (series, series->len - 1 - i));
          g_ptr_array_add (added, row);
        }
      g_list_store_splice (self->measurements, n_old, 0, added->pdata, added->len);
    }
  update_table_stack (self);
}

static GkMeasurementTable *
table_of_cell (GtkWidget *cell)
{
  return GK_MEASUREMENT_TABLE (gtk_widget_get_ancestor (cell, GK_TYPE_MEASUREMENT_TABLE));
}

static GkMeasurement *
measurement_of_cell (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "list-item");
  GkMeasurementRow *row = item != NULL ? gtk_list_item_get_item (item) : NULL;

  return row != NULL ? gk_measurement_row_get_measurement (row) : NULL;
}

static void
show_table_problem (GkMeasurementTable *self,
                    GtkWidget          *cell,
                    GkMeasurement      *measurement,
                    const char         *message)
{
  g_autofree char *period = period_label (self->indicator, measurement);
  /* Translators: a mistake in the table of measurements, "October 2026: “abc” is not a number" */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), period, message);

  g_signal_emit (self, signals[PROBLEM], 0, text);
  gtk_widget_add_css_class (cell, "error");
}

/* Writes @copy, telling the person what went wrong beside the table. */
static gboolean
update_measurement (GkMeasurementTable *self,
                    GtkWidget          *cell,
                    GkMeasurement      *live,
                    GkMeasurement      *copy)
{
  g_autoptr(GError) error = NULL;

  if (gk_document_update (self->document, GK_RECORD (copy), &error))
    return TRUE;
  show_table_problem (self, cell, live, error->message);
  return FALSE;
}

/* The value and note cells are frameless entries: they read like the rest
 * of the table and are typed over in place. (GtkEditableLabel would look
 * the part, but in GTK 4.8 it keeps a timeout that outlives it when it is
 * destroyed soon after losing the focus, as when the window closes.) */

static gboolean
cell_has_focus (GtkWidget *cell)
{
  GtkRoot *root = gtk_widget_get_root (cell);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

/* A value cell shows the value with its unit; while it has the focus, the
 * bare number, so that what is typed is read back the same. */
static void
fill_cell_text (GtkWidget     *cell,
                GkIndicator   *indicator,
                GkMeasurement *measurement)
{
  if (g_strcmp0 (gtk_widget_get_name (cell), "measurement-value") == 0)
    {
      g_autofree char *text = cell_has_focus (cell)
                              ? gk_value_for_entry (gk_measurement_get_value (measurement))
                              : gk_value_format (gk_indicator_get_unit (indicator), gk_measurement_get_value (measurement));

      g_object_set_data (G_OBJECT (cell), "binding", GINT_TO_POINTER (TRUE));
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      g_object_set_data (G_OBJECT (cell), "binding", NULL);
    }
  else
    {
      g_object_set_data (G_OBJECT (cell), "binding", GINT_TO_POINTER (TRUE));
      gtk_editable_set_text (GTK_EDITABLE (cell), gk_measurement_get_note (measurement));
      g_object_set_data (G_OBJECT (cell), "binding", NULL);
    }
}

/* Writes what was typed in @cell, if it changed; the cell then shows what
 * the file holds, whatever happened. */
static void
commit_cell (GtkWidget *cell)
{
  GkMeasurementTable *self = table_of_cell (cell);
  GkMeasurement *measurement = measurement_of_cell (cell);
  gboolean is_value = g_strcmp0 (gtk_widget_get_name (cell), "measurement-value") == 0;
  g_autofree char *text = NULL;
  g_autoptr(GkRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* Also reached while the table is taken down or rebuilt. */
  if (self == NULL || self->document == NULL || self->indicator == NULL || measurement == NULL ||
      g_object_get_data (G_OBJECT (cell), "binding") != NULL ||
      !gk_record_is_live (GK_RECORD (measurement)))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))));
  gtk_widget_remove_css_class (cell, "error");
  g_signal_emit (self, signals[PROBLEM], 0, NULL);

  copy = gk_record_copy (GK_RECORD (measurement));
  if (is_value)
    {
      g_autofree char *as_entry = gk_value_for_entry (gk_measurement_get_value (measurement));
      g_autofree char *as_shown = gk_value_format (gk_indicator_get_unit (self->indicator),
                                                   gk_measurement_get_value (measurement));
      double value;

      if (g_strcmp0 (text, as_entry) == 0 || g_strcmp0 (text, as_shown) == 0)
        {
          fill_cell_text (cell, self->indicator, measurement);
          return;
        }
      if (!gk_value_parse (text, &value, &error))
        {
          show_table_problem (self, cell, measurement, error->message);
          fill_cell_text (cell, self->indicator, measurement);
          return;
        }
      gk_measurement_set_value (GK_MEASUREMENT (copy), value);
    }
  else
    gk_measurement_set_note (GK_MEASUREMENT (copy), text);

  /* An unchanged copy writes nothing. */
  update_measurement (self, cell, measurement, GK_MEASUREMENT (copy));
  fill_cell_text (cell, self->indicator, measurement);
}

static void
cell_activate_cb (GtkWidget *cell)
{
  commit_cell (cell);
}

static void
cell_focus_enter_cb (GtkEventController *controller)
{
  GtkWidget *cell = gtk_event_controller_get_widget (controller);
  GkMeasurementTable *self = table_of_cell (cell);
  GkMeasurement *measurement = measurement_of_cell (cell);

  if (self != NULL && self->indicator != NULL && measurement != NULL)
    fill_cell_text (cell, self->indicator, measurement);
}

static void
cell_focus_leave_cb (GtkEventController *controller)
{
  commit_cell (gtk_event_controller_get_widget (controller));
}

/* Escape takes back what was typed. */
static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GkMeasurementTable *self = table_of_cell (cell);
  GkMeasurement *measurement = measurement_of_cell (cell);

  if (keyval != GDK_KEY_Escape || self == NULL || self->indicator == NULL || measurement == NULL)
    return FALSE;
  fill_cell_text (cell, self->indicator, measurement);
  gtk_editable_select_region (GTK_EDITABLE (cell), 0, -1);
  return TRUE;
}

static GtkWidget *
cell_entry_new (const char *name)
{
  GtkWidget *cell = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_set_name (cell, name);
  gtk_entry_set_has_frame (GTK_ENTRY (cell), FALSE);
  gtk_widget_add_css_class (cell, "cell-entry");
  g_signal_connect (cell, "activate", G_CALLBACK (cell_activate_cb), NULL);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_focus_leave_cb), NULL);
  gtk_widget_add_controller (cell, focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), NULL);
  gtk_widget_add_controller (cell, keys);
  return cell;
}

static void
delete_clicked_cb (GtkButton *button)
{
  GkMeasurementTable *self = table_of_cell (GTK_WIDGET (button));
  GkMeasurement *measurement = measurement_of_cell (GTK_WIDGET (button));
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL || measurement == NULL)
    return;

  period = period_label (self->indicator, measurement);
  g_signal_emit (self, signals[PROBLEM], 0, NULL);
  if (!gk_document_delete (self->document, GK_RECORD (measurement), &error))
    {
      show_table_problem (self, GTK_WIDGET (button), measurement, error->message);
      return;
    }
  /* Translators: a toast after deleting, %s is a period ("October 2026") */
  title = g_strdup_printf (_("Measurement of %s deleted"), period);
  gk_form_add_toast (GTK_WIDGET (self), gk_form_undo_toast_new (title));
}

/* Each column has its own cell; these build, fill and empty them. */
typedef enum {
  COLUMN_PERIOD,
  COLUMN_VALUE,
  COLUMN_NOTE,
  COLUMN_ENTERED_BY,
  COLUMN_DELETE,
} Column;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *cell;

  switch (column)
    {
    case COLUMN_PERIOD:
    case COLUMN_ENTERED_BY:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_ENTERED_BY)
        gtk_widget_add_css_class (cell, "dim-label");
      break;
    case COLUMN_VALUE:
      cell = cell_entry_new ("measurement-value");
      gtk_editable_set_alignment (GTK_EDITABLE (cell), 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 8);
      gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_NUMBER);
      break;
    case COLUMN_NOTE:
      cell = cell_entry_new ("measurement-note");
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 8);
      gtk_widget_set_hexpand (cell, TRUE);
      break;
    case COLUMN_DELETE:
    default:
      cell = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_name (cell, "delete-measurement");
      gtk_widget_add_css_class (cell, "flat");
      gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
      g_signal_connect (cell, "clicked", G_CALLBACK (delete_clicked_cb), NULL);
      break;
    }
  g_object_set_data (G_OBJECT (cell), "list-item", item);
  gtk_list_item_set_child (item, cell);
}

static void
cell_fill (Column         column,
           GtkWidget     *cell,
           GkIndicator   *indicator,
           GkMeasurement *measurement)
{
  g_autofree char *period = period_label (indicator, measurement);
  g_autofree char *accessible = NULL;

  switch (column)
    {
    case COLUMN_PERIOD:
      {
        g_autofree char *date = format_date_iso (gk_measurement_get_period_date (measurement));

        gtk_label_set_text (GTK_LABEL (cell), period);
        gtk_widget_set_tooltip_text (cell, date);
      }
      break;
    case COLUMN_VALUE:
      fill_cell_text (cell, indicator, measurement);
      /* Translators: accessible name of a value in the table, %s is a period */
      accessible = g_strdup_printf (_("Value of %s"), period);
      break;
    case COLUMN_NOTE:
      fill_cell_text (cell, indicator, measurement);
      gtk_widget_set_tooltip_text (cell, *gk_measurement_get_note (measurement) != '\0'
                                         ? gk_measurement_get_note (measurement) : NULL);
      /* Translators: accessible name of a note in the table, %s is a period */
      accessible = g_strdup_printf (_("Note with %s"), period);
      break;
    case COLUMN_ENTERED_BY:
      gtk_label_set_text (GTK_LABEL (cell), gk_measurement_get_entered_by (measurement));
      gtk_widget_set_tooltip_text (cell, gk_measurement_get_entered_by (measurement));
      break;
    case COLUMN_DELETE:
    default:
      /* Translators: a button in the table, %s is a period ("October 2026") */
      accessible = g_strdup_printf (_("Delete the measurement of %s"), period);
      gtk_widget_set_tooltip_text (cell, accessible);
      break;
    }
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The row shows another measurement, or its measurement changed. */
static void
cell_row_changed_cb (GkMeasurementRow *row,
                     GParamSpec       *pspec,
                     GtkListItem      *item)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  GkMeasurementTable *self = table_of_cell (cell);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  gboolean same = g_object_get_data (G_OBJECT (cell), "measurement") == (gpointer) gk_measurement_row_get_measurement (row);

  if (self == NULL || self->indicator == NULL || gk_measurement_row_get_measurement (row) == NULL)
    return;
  /* Never overwrite what someone is typing in this very measurement. */
  if (same && GTK_IS_ENTRY (cell) && cell_has_focus (cell))
    return;
  if (!same)
    gtk_widget_remove_css_class (cell, "error");
  g_object_set_data (G_OBJECT (cell), "measurement", gk_measurement_row_get_measurement (row));
  g_object_set_data (G_OBJECT (cell), "binding", GINT_TO_POINTER (TRUE));
  cell_fill (column, cell, self->indicator, gk_measurement_row_get_measurement (row));
  g_object_set_data (G_OBJECT (cell), "binding", NULL);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GkMeasurementTable       *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GkMeasurementRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (cell), "measurement", NULL);
  cell_row_changed_cb (row, NULL, item);
  handler = g_signal_connect (row, "notify::measurement", G_CALLBACK (cell_row_changed_cb), item);
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, GSIZE_TO_POINTER (handler));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GkMeasurementTable       *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), ITEM_HANDLER_KEY));

  g_clear_signal_handler (&handler, gtk_list_item_get_item (item));
  g_object_set_data (G_OBJECT (item), ITEM_HANDLER_KEY, NULL);
  /* A recycled cell must not carry an edit over to another row: the next
   * bind fills it anew. */
  g_object_set_data (G_OBJECT (cell), "measurement", NULL);
  gtk_widget_remove_css_class (cell, "error");
}

static void
add_column (GkMeasurementTable *self,
            Column              column,
            const char         *title,
            gboolean            expand,
            int                 fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, column != COLUMN_DELETE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
setup_table (GkMeasurementTable *self)
{
  /* Narrow enough to leave the note room on a 1024 pixels wide screen. */
  add_column (self, COLUMN_PERIOD, _("Period"), FALSE, 124);
  add_column (self, COLUMN_VALUE, _("Value"), FALSE, 110);
  add_column (self, COLUMN_NOTE, _("Note"), TRUE, -1);
  /* room for a full Dutch name ("Ahmed El Idrissi"); longer ones in the tooltip */
  add_column (self, COLUMN_ENTERED_BY, _("Entered by"), FALSE, 150);
  add_column (self, COLUMN_DELETE, NULL, FALSE, 44);
}

/* --- following the document ------------------------------------------------- */

static gboolean
sync_measurements_idle (gpointer data)
{
  GkMeasurementTable *self = data;

  self->sync_source = 0;
  sync_measurements (self);
  return G_SOURCE_REMOVE;
}

/* Measurements changed somewhere. The table follows once the document is
 * done, before the next frame is drawn: an undo of many edits emits
 * items-changed for each row, and the table is read once for all of them. */
static void
measurements_changed_cb (GkMeasurementTable *self)
{
  if (self->sync_source == 0)
    self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_measurements_idle, self, NULL);
}

static void
show_all_clicked_cb (GkMeasurementTable *self)
{
  self->show_all = TRUE;
  sync_measurements (self);
}

void
gk_measurement_table_set_indicator (GkMeasurementTable *self,
                                    GkDocument         *document,
                                    GkIndicator        *indicator)
{
  g_return_if_fail (GK_IS_MEASUREMENT_TABLE (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));
  g_return_if_fail (indicator == NULL || GK_IS_INDICATOR (indicator));

  if (document != self->document)
    {
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_data (gk_document_get_measurements (self->document), self);
      g_set_object (&self->document, document);
      if (document != NULL)
        g_signal_connect_swapped (gk_document_get_measurements (document), "items-changed",
                                  G_CALLBACK (measurements_changed_cb), self);
    }
  if (indicator != self->indicator)
    self->show_all = FALSE;
  g_set_object (&self->indicator, indicator);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  sync_measurements (self);
}

/* --- construction ------------------------------------------------------------ */

static void
gk_measurement_table_dispose (GObject *object)
{
  GkMeasurementTable *self = GK_MEASUREMENT_TABLE (object);

  g_clear_handle_id (&self->sync_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (gk_document_get_measurements (self->document), self);
  g_clear_object (&self->document);
  g_clear_object (&self->indicator);
  /* The bin's child is a template child too: the bin lets go of it first,
   * or the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_MEASUREMENT_TABLE);
  g_clear_object (&self->measurements);

  G_OBJECT_CLASS (gk_measurement_table_parent_class)->dispose (object);
}

static void
gk_measurement_table_class_init (GkMeasurementTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gk_measurement_table_dispose;

  /**
   * GkMeasurementTable::problem:
   * @message: (nullable): why an edit in the table was refused, in the
   *   user's language; NULL when the person tries again
   */
  signals[PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-measurement-table.ui");
  gtk_widget_class_bind_template_child (widget_class, GkMeasurementTable, stack);
  gtk_widget_class_bind_template_child (widget_class, GkMeasurementTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, GkMeasurementTable, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
}

static void
gk_measurement_table_init (GkMeasurementTable *self)
{
  g_autoptr(GtkNoSelection) no_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->measurements = g_list_store_new (GK_TYPE_MEASUREMENT_ROW);
  no_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->measurements)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (no_selection));
  setup_table (self);
  update_table_stack (self);
}

GtkWidget *
gk_measurement_table_new (void)
{
  return g_object_new (GK_TYPE_MEASUREMENT_TABLE, NULL);
}
