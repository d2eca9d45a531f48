/* gk-import-plan.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gk-date.h"
#include "gk-dutch-number.h"
#include "gk-figure-period.h"
#include "gk-import-plan.h"
#include "gk-period.h"

struct _GkImportPlan
{
  GObject     parent_instance;
  GkDocument *document;
  GArray     *fates;           /* GkImportFate */
  guint       counts[GK_IMPORT_N_FATES];
  GHashTable *existing;        /* "id:YYYY-MM-DD" -> GkMeasurement (live, borrowed) */
  GHashTable *seen;            /* "id:YYYY-MM-DD" -> fate index + 1 */
};

G_DEFINE_FINAL_TYPE (GkImportPlan, gk_import_plan, G_TYPE_OBJECT)

static void
fate_clear (gpointer data)
{
  GkImportFate *fate = data;

  g_clear_pointer (&fate->note, g_free);
  g_clear_pointer (&fate->message, g_free);
}

static void
gk_import_plan_finalize (GObject *object)
{
  GkImportPlan *self = GK_IMPORT_PLAN (object);

  g_clear_object (&self->document);
  g_array_unref (self->fates);
  g_hash_table_unref (self->existing);
  g_hash_table_unref (self->seen);

  G_OBJECT_CLASS (gk_import_plan_parent_class)->finalize (object);
}

static void
gk_import_plan_class_init (GkImportPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_import_plan_finalize;
}

static void
gk_import_plan_init (GkImportPlan *self)
{
  self->fates = g_array_new (FALSE, TRUE, sizeof (GkImportFate));
  g_array_set_clear_func (self->fates, fate_clear);
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static char *
figure_key (gint64      indicator_id,
            const char *period)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", indicator_id, period);
}

static void
index_existing (GkImportPlan *self)
{
  GListModel *measurements = gk_document_get_measurements (self->document);
  guint n = g_list_model_get_n_items (measurements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkMeasurement) m = g_list_model_get_item (measurements, i);

      g_hash_table_insert (self->existing,
                           figure_key (gk_measurement_get_indicator_id (m), gk_measurement_get_period_date (m)), m);
    }
}

/* ---- judging one figure ------------------------------------------------------------ */

typedef struct {
  guint         line;
  guint         column;
  GkIndicator  *indicator;
  const GkCell *period_cell;
  const GkFigurePeriod *period;   /* parsed at the row, or NULL to parse period_cell */
  const GkCell *value_cell;
  const GkCell *note_cell;        /* NULL: no note column */
  GkNumberStyle style;
} Figure;

static GkImportFate *
add_fate (GkImportPlan     *self,
          GkImportFateKind  kind,
          guint             line,
          guint             column)
{
  GkImportFate fate = { 0 };

  fate.kind = kind;
  fate.line = line;
  fate.column = column;
  g_array_append_val (self->fates, fate);
  self->counts[kind]++;
  return &g_array_index (self->fates, GkImportFate, self->fates->len - 1);
}

static void
refuse (GkImportPlan *self,
        guint         line,
        guint         column,
        gint64        indicator_id,
        char         *message)
{
  GkImportFate *fate = add_fate (self, GK_IMPORT_FATE_REFUSED, line, column);

  fate->indicator_id = indicator_id;
  fate->message = message;
}

static void
refuse_fate (GkImportPlan *self,
             GkImportFate *fate,
             char         *message)
{
  self->counts[fate->kind]--;
  self->counts[GK_IMPORT_FATE_REFUSED]++;
  fate->kind = GK_IMPORT_FATE_REFUSED;
  g_free (fate->message);
  fate->message = message;
}

static gboolean
values_equal (double a,
              double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* The value of the cell for @indicator, or a refusal message. */
static gboolean
read_value (const Figure  *figure,
            double        *out_value,
            char         **out_message)
{
  const GkCell *cell = figure->value_cell;
  const char *name = gk_indicator_get_name (figure->indicator);
  GkUnit unit = gk_indicator_get_unit (figure->indicator);
  g_autofree char *shown = gk_cell_to_display (cell);
  GkNumberMark mark = GK_NUMBER_MARK_NONE;
  g_autofree char *trimmed_text = NULL;

  switch (cell->kind)
    {
    case GK_CELL_NUMBER:
      *out_value = cell->number;
      return TRUE;

    case GK_CELL_PERCENT:
      if (unit != GK_UNIT_PERCENT)
        {
          *out_message = g_strdup_printf (_("“%s” is a percentage, but “%s” is not measured in percent."),
                                          shown, name);
          return FALSE;
        }
      *out_value = cell->number * 100;
      return TRUE;

    case GK_CELL_TEXT:
      trimmed_text = g_strstrip (g_strdup (cell->text));
      if (!gk_dutch_number_parse (cell->text, figure->style, out_value, &mark))
        {
          /* Translators: “12,5 procent” is not a number */
          *out_message = g_strdup_printf (_("“%s” is not a number."), trimmed_text);
          return FALSE;
        }
      if (mark == GK_NUMBER_MARK_PERCENT && unit != GK_UNIT_PERCENT)
        {
          *out_message = g_strdup_printf (_("“%s” is a percentage, but “%s” is not measured in percent."),
                                          trimmed_text, name);
          return FALSE;
        }
      if (mark == GK_NUMBER_MARK_EURO && unit != GK_UNIT_EURO)
        {
          *out_message = g_strdup_printf (_("“%s” is an amount in euros, but “%s” is not measured in euros."),
                                          trimmed_text, name);
          return FALSE;
        }
      return TRUE;

    case GK_CELL_DATE:
    case GK_CELL_BOOLEAN:
    case GK_CELL_EMPTY:
    default:
      *out_message = g_strdup_printf (_("“%s” is not a number."), shown);
      return FALSE;
    }
}

static char *
period_text (const GkCell *cell)
{
  return g_strstrip (gk_cell_to_display (cell));
}

static char *
unknown_period_message (const GkCell *cell)
{
  g_autofree char *shown = period_text (cell);

  if (*shown == '\0')
    return g_strdup (_("The period is missing."));
  return g_strdup_printf (_("“%s” is not a period Gripkaart knows. Write periods as 2026-01, 2026-K1 or 2026."),
                          shown);
}

static void
judge (GkImportPlan *self,
       const Figure *figure)
{
  gint64 indicator_id = gk_record_get_id (GK_RECORD (figure->indicator));
  const char *name = gk_indicator_get_name (figure->indicator);
  GkFrequency frequency = gk_indicator_get_frequency (figure->indicator);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown_period = NULL;
  g_autofree char *note = NULL;
  GkFigurePeriod parsed;
  GDate start;
  char iso[11];
  double value;
  GkMeasurement *existing;
  GkImportFate *fate;
  gpointer seen;

  if (gk_cell_is_blank (figure->value_cell) ||
      (figure->value_cell->kind == GK_CELL_TEXT && gk_dutch_number_is_missing (figure->value_cell->text)))
    {
      fate = add_fate (self, GK_IMPORT_FATE_EMPTY, figure->line, figure->column);
      fate->indicator_id = indicator_id;
      return;
    }

  if (figure->period != NULL)
    parsed = *figure->period;
  else if (!gk_figure_period_parse_cell (figure->period_cell, &parsed))
    {
      refuse (self, figure->line, figure->column, indicator_id, unknown_period_message (figure->period_cell));
      return;
    }
  shown_period = period_text (figure->period_cell);
  if (!gk_figure_period_match (&parsed, frequency, shown_period, name, &start, &error))
    {
      refuse (self, figure->line, figure->column, indicator_id, g_strdup (error->message));
      return;
    }
  if (!read_value (figure, &value, &message))
    {
      refuse (self, figure->line, figure->column, indicator_id, g_steal_pointer (&message));
      return;
    }

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&start), g_date_get_month (&start),
              g_date_get_day (&start));
  if (figure->note_cell != NULL)
    note = g_strstrip (gk_cell_to_display (figure->note_cell));
  if (parsed.provisional && (note == NULL || *note == '\0'))
    {
      g_free (note);
      note = g_strdup (_("Provisional figure"));
    }

  /* The same figure twice in one file. */
  key = figure_key (indicator_id, iso);
  seen = g_hash_table_lookup (self->seen, key);
  if (seen != NULL)
    {
      GkImportFate *first = &g_array_index (self->fates, GkImportFate, GPOINTER_TO_UINT (seen) - 1);
      g_autofree char *label = gk_period_label (frequency, &start);

      if (first->kind != GK_IMPORT_FATE_REFUSED && !values_equal (first->value, value))
        refuse_fate (self, first,
                     g_strdup_printf (_("“%s” has two different figures for %s, on lines %u and %u."),
                                      name, label, first->line, figure->line));
      refuse (self, figure->line, figure->column, indicator_id,
              g_strdup_printf (_("A second figure for “%s” in %s: the first is on line %u."),
                               name, label, first->line));
      return;
    }

  existing = g_hash_table_lookup (self->existing, key);
  if (existing == NULL)
    fate = add_fate (self, GK_IMPORT_FATE_NEW, figure->line, figure->column);
  else if (values_equal (gk_measurement_get_value (existing), value) &&
           (note == NULL || g_str_equal (note, gk_measurement_get_note (existing))))
    fate = add_fate (self, GK_IMPORT_FATE_UNCHANGED, figure->line, figure->column);
  else
    fate = add_fate (self, GK_IMPORT_FATE_CHANGED, figure->line, figure->column);

  fate->indicator_id = indicator_id;
  fate->measurement_id = existing != NULL ? gk_record_get_id (GK_RECORD (existing)) : 0;
  memcpy (fate->period, iso, sizeof iso);
  fate->value = value;
  fate->old_value = existing != NULL ? gk_measurement_get_value (existing) : 0;
  fate->note = g_steal_pointer (&note);
  g_hash_table_insert (self->seen, g_steal_pointer (&key), GUINT_TO_POINTER (self->fates->len));
}

/* ---- the rows of each layout --------------------------------------------------------- */

static GkNumberStyle
column_style (GkSheet              *sheet,
              const GkFigureLayout *layout,
              guint                 column)
{
  guint dutch = 0, point = 0;

  for (guint r = layout->first_row; r < layout->end_row; r++)
    {
      const GkCell *cell = gk_sheet_row_get_cell (gk_sheet_get_row (sheet, r), column);

      if (cell->kind != GK_CELL_TEXT)
        continue;
      switch (gk_dutch_number_evidence (cell->text))
        {
        case GK_NUMBER_EVIDENCE_DUTCH:
          dutch++;
          break;
        case GK_NUMBER_EVIDENCE_POINT:
          point++;
          break;
        case GK_NUMBER_EVIDENCE_NONE:
        default:
          break;
        }
    }
  return gk_dutch_number_decide (dutch, point);
}

static gboolean
row_too_wide (GkImportPlan         *self,
              const GkFigureLayout *layout,
              const GkSheetRow     *row)
{
  if (layout->header_width == 0 || row->n_cells <= layout->header_width)
    return FALSE;
  refuse (self, row->line, layout->header_width, 0,
          g_strdup_printf (_("The row has %u columns, but the header has %u."), row->n_cells, layout->header_width));
  return TRUE;
}

static GkIndicator *
row_indicator (GkImportPlan         *self,
               const GkFigureLayout *layout,
               const GkSheetRow     *row,
               GHashTable           *names)
{
  const GkCell *cell;
  GkIndicator *indicator;
  gpointer found;

  if (layout->columns[GK_FIGURE_ROLE_INDICATOR] < 0)
    return gk_document_lookup_indicator (self->document, layout->indicator_id);

  cell = gk_sheet_row_get_cell (row, layout->columns[GK_FIGURE_ROLE_INDICATOR]);
  if (gk_cell_is_blank (cell))
    {
      refuse (self, row->line, layout->columns[GK_FIGURE_ROLE_INDICATOR], 0, g_strdup (_("The indicator is missing.")));
      return NULL;
    }
  if (g_hash_table_lookup_extended (names, cell->text, NULL, &found))
    indicator = found;
  else
    {
      indicator = gk_figure_find_indicator (self->document, cell->text);
      g_hash_table_insert (names, g_strdup (cell->text), indicator);
    }
  if (indicator == NULL)
    {
      g_autofree char *shown = g_strstrip (g_strdup (cell->text));

      refuse (self, row->line, layout->columns[GK_FIGURE_ROLE_INDICATOR], 0,
              g_strdup_printf (_("The programme has no indicator “%s”."), shown));
    }
  return indicator;
}

static void
plan_long (GkImportPlan         *self,
           GkSheet              *sheet,
           const GkFigureLayout *layout)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint value_column = layout->columns[GK_FIGURE_ROLE_VALUE];
  GkNumberStyle style = column_style (sheet, layout, value_column);

  for (guint r = layout->first_row; r < layout->end_row; r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (sheet, r);
      Figure figure = { row->line, value_column, NULL, NULL, NULL, NULL, NULL, style };

      if (row_too_wide (self, layout, row))
        continue;
      figure.indicator = row_indicator (self, layout, row, names);
      if (figure.indicator == NULL)
        continue;
      figure.period_cell = gk_sheet_row_get_cell (row, layout->columns[GK_FIGURE_ROLE_PERIOD]);
      figure.value_cell = gk_sheet_row_get_cell (row, value_column);
      if (layout->columns[GK_FIGURE_ROLE_NOTE] >= 0)
        figure.note_cell = gk_sheet_row_get_cell (row, layout->columns[GK_FIGURE_ROLE_NOTE]);
      judge (self, &figure);
    }
}

static gboolean
row_has_figures (const GkFigureLayout *layout,
                 const GkSheetRow     *row)
{
  for (guint i = 0; i < layout->value_columns->len; i++)
    {
      const GkCell *cell = gk_sheet_row_get_cell (row, g_array_index (layout->value_columns, GkFigureColumn, i).column);

      if (!gk_cell_is_blank (cell) && !(cell->kind == GK_CELL_TEXT && gk_dutch_number_is_missing (cell->text)))
        return TRUE;
    }
  return FALSE;
}

static void
plan_wide (GkImportPlan         *self,
           GkSheet              *sheet,
           const GkFigureLayout *layout)
{
  guint n = layout->value_columns->len;
  g_autofree GkNumberStyle *styles = g_new (GkNumberStyle, MAX (n, 1));
  const GkCell *note_cell = NULL;

  for (guint i = 0; i < n; i++)
    styles[i] = column_style (sheet, layout, g_array_index (layout->value_columns, GkFigureColumn, i).column);

  for (guint r = layout->first_row; r < layout->end_row; r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (sheet, r);
      const GkCell *period_cell = gk_sheet_row_get_cell (row, layout->columns[GK_FIGURE_ROLE_PERIOD]);
      GkFigurePeriod period;

      if (row_too_wide (self, layout, row))
        continue;
      /* A bad period spoils the whole row: say so once. */
      if (!gk_figure_period_parse_cell (period_cell, &period))
        {
          if (row_has_figures (layout, row))
            refuse (self, row->line, layout->columns[GK_FIGURE_ROLE_PERIOD], 0, unknown_period_message (period_cell));
          continue;
        }
      if (layout->columns[GK_FIGURE_ROLE_NOTE] >= 0)
        note_cell = gk_sheet_row_get_cell (row, layout->columns[GK_FIGURE_ROLE_NOTE]);
      for (guint i = 0; i < n; i++)
        {
          const GkFigureColumn *column = &g_array_index (layout->value_columns, GkFigureColumn, i);
          Figure figure = {
            row->line, column->column, gk_document_lookup_indicator (self->document, column->indicator_id),
            period_cell, &period, gk_sheet_row_get_cell (row, column->column), note_cell, styles[i],
          };

          if (figure.indicator != NULL)
            judge (self, &figure);
        }
    }
}

static void
plan_periods_across (GkImportPlan         *self,
                     GkSheet              *sheet,
                     const GkFigureLayout *layout)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const GkSheetRow *header = gk_sheet_get_row (sheet, layout->header_row);
  guint n = layout->value_columns->len;
  g_autofree GkNumberStyle *styles = g_new (GkNumberStyle, MAX (n, 1));
  g_autofree GkFigurePeriod *periods = g_new0 (GkFigurePeriod, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      guint column = g_array_index (layout->value_columns, GkFigureColumn, i).column;

      styles[i] = column_style (sheet, layout, column);
      gk_figure_period_parse_cell (gk_sheet_row_get_cell (header, column), &periods[i]);
    }

  for (guint r = layout->first_row; r < layout->end_row; r++)
    {
      const GkSheetRow *row = gk_sheet_get_row (sheet, r);
      GkIndicator *indicator;

      if (row_too_wide (self, layout, row) || !row_has_figures (layout, row))
        continue;
      indicator = row_indicator (self, layout, row, names);
      if (indicator == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        {
          guint column = g_array_index (layout->value_columns, GkFigureColumn, i).column;
          Figure figure = {
            row->line, column, indicator, gk_sheet_row_get_cell (header, column), &periods[i],
            gk_sheet_row_get_cell (row, column), NULL, styles[i],
          };

          judge (self, &figure);
        }
    }
}

GkImportPlan *
gk_import_plan_new (GkDocument            *document,
                    GkSheet               *sheet,
                    const GkFigureLayout  *layout,
                    GError               **error)
{
  g_autoptr(GkImportPlan) self = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  if (!gk_figure_layout_check (layout, error))
    return NULL;

  self = g_object_new (GK_TYPE_IMPORT_PLAN, NULL);
  self->document = g_object_ref (document);
  index_existing (self);

  switch (layout->kind)
    {
    case GK_FIGURE_LAYOUT_WIDE:
      plan_wide (self, sheet, layout);
      break;
    case GK_FIGURE_LAYOUT_PERIODS_ACROSS:
      plan_periods_across (self, sheet, layout);
      break;
    case GK_FIGURE_LAYOUT_LONG:
    default:
      plan_long (self, sheet, layout);
      break;
    }
  g_hash_table_remove_all (self->existing);  /* live records may go; keep no pointers */
  return g_steal_pointer (&self);
}

guint
gk_import_plan_get_n_fates (GkImportPlan *self)
{
  g_return_val_if_fail (GK_IS_IMPORT_PLAN (self), 0);
  return self->fates->len;
}

const GkImportFate *
gk_import_plan_get_fate (GkImportPlan *self,
                         guint         index)
{
  g_return_val_if_fail (GK_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->fates->len, NULL);
  return &g_array_index (self->fates, GkImportFate, index);
}

guint
gk_import_plan_count (GkImportPlan     *self,
                      GkImportFateKind  kind)
{
  g_return_val_if_fail (GK_IS_IMPORT_PLAN (self), 0);
  g_return_val_if_fail (kind < GK_IMPORT_N_FATES, 0);
  return self->counts[kind];
}

char *
gk_import_plan_summary (GkImportPlan *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_val_if_fail (GK_IS_IMPORT_PLAN (self), NULL);

  /* Translators: counts of figures: 12 new, 3 changed, 40 unchanged, 2 refused */
  g_string_printf (summary, _("%u new, %u changed, %u unchanged, %u refused"),
                   self->counts[GK_IMPORT_FATE_NEW], self->counts[GK_IMPORT_FATE_CHANGED],
                   self->counts[GK_IMPORT_FATE_UNCHANGED], self->counts[GK_IMPORT_FATE_REFUSED]);
  if (self->counts[GK_IMPORT_FATE_EMPTY] > 0)
    /* Translators: added to the counts: ", 4 without a figure" */
    g_string_append_printf (summary, _(", %u without a figure"), self->counts[GK_IMPORT_FATE_EMPTY]);
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static char *
format_value (double value)
{
  return g_strdup_printf ("%.15g", value);
}

char *
gk_import_plan_describe_fate (GkImportPlan       *self,
                              const GkImportFate *fate)
{
  GkIndicator *indicator = fate->indicator_id != 0 ? gk_document_lookup_indicator (self->document, fate->indicator_id)
                                                   : NULL;
  const char *name = indicator != NULL ? gk_indicator_get_name (indicator) : "";
  g_autofree char *value = format_value (fate->value);
  g_autofree char *old_value = format_value (fate->old_value);
  g_autofree char *period = NULL;
  GDate date;

  g_return_val_if_fail (GK_IS_IMPORT_PLAN (self), NULL);

  if (indicator != NULL && gk_date_parse_iso (fate->period, &date))
    period = gk_period_label (gk_indicator_get_frequency (indicator), &date);
  if (period == NULL)
    period = g_strdup (fate->period);

  switch (fate->kind)
    {
    case GK_IMPORT_FATE_NEW:
      /* Translators: line 5: new figure for “Wachttijd”, March 2026: 12 */
      return g_strdup_printf (_("line %u: new figure for “%s”, %s: %s"), fate->line, name, period, value);
    case GK_IMPORT_FATE_CHANGED:
      /* Translators: line 5: “Wachttijd”, March 2026: 12 → 11.5 */
      return g_strdup_printf (_("line %u: “%s”, %s: %s → %s"), fate->line, name, period, old_value, value);
    case GK_IMPORT_FATE_UNCHANGED:
      return g_strdup_printf (_("line %u: “%s”, %s: %s, unchanged"), fate->line, name, period, value);
    case GK_IMPORT_FATE_EMPTY:
      return g_strdup_printf (_("line %u: no figure for “%s”"), fate->line, name);
    case GK_IMPORT_FATE_REFUSED:
    case GK_IMPORT_N_FATES:
    default:
      /* Translators: line 14: “12,5 procent” is not a number. */
      return g_strdup_printf (_("line %u: %s"), fate->line, fate->message);
    }
}

static gboolean
write_fate (GkImportPlan       *self,
            const GkImportFate *fate,
            GError            **error)
{
  if (fate->kind == GK_IMPORT_FATE_NEW)
    {
      g_autoptr(GkMeasurement) measurement = gk_measurement_new ();

      gk_measurement_set_indicator_id (measurement, fate->indicator_id);
      gk_measurement_set_period_date (measurement, fate->period);
      gk_measurement_set_value (measurement, fate->value);
      gk_measurement_set_note (measurement, fate->note != NULL ? fate->note : "");
      gk_measurement_set_entered_by (measurement, gk_document_get_user_name (self->document));
      return gk_document_insert_adopt (self->document, GK_RECORD (measurement), error);
    }
  if (fate->kind == GK_IMPORT_FATE_CHANGED)
    {
      GkRecord *live = gk_document_lookup (self->document, GK_TYPE_MEASUREMENT, fate->measurement_id);
      g_autoptr(GkRecord) copy = NULL;

      if (live == NULL)
        {
          g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_FOUND,
                               _("The figure was deleted in the meantime."));
          return FALSE;
        }
      copy = gk_record_copy (live);
      gk_measurement_set_value (GK_MEASUREMENT (copy), fate->value);
      if (fate->note != NULL)
        gk_measurement_set_note (GK_MEASUREMENT (copy), fate->note);
      return gk_document_update (self->document, copy, error);
    }
  return TRUE;
}

gboolean
gk_import_plan_apply (GkImportPlan  *self,
                      const char    *source_name,
                      gboolean       skip_refused,
                      GError       **error)
{
  guint n_writes;
  g_autofree char *description = NULL;

  g_return_val_if_fail (GK_IS_IMPORT_PLAN (self), FALSE);

  if (self->counts[GK_IMPORT_FATE_REFUSED] > 0 && !skip_refused)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE, "%u row was refused, so nothing was imported.",
                                "%u rows were refused, so nothing was imported.",
                                self->counts[GK_IMPORT_FATE_REFUSED]),
                   self->counts[GK_IMPORT_FATE_REFUSED]);
      return FALSE;
    }
  n_writes = self->counts[GK_IMPORT_FATE_NEW] + self->counts[GK_IMPORT_FATE_CHANGED];
  if (n_writes == 0)
    return TRUE;  /* nothing changes: no empty undo step */

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u figure from “%s”",
                                              "Import %u figures from “%s”", n_writes),
                                 n_writes, source_name != NULL ? source_name : "");
  gk_document_begin_group (self->document, description);
  for (guint i = 0; i < self->fates->len; i++)
    {
      const GkImportFate *fate = &g_array_index (self->fates, GkImportFate, i);

      if (!write_fate (self, fate, error))
        {
          gk_document_cancel_group (self->document);
          g_prefix_error (error, _("line %u: "), fate->line);
          return FALSE;
        }
    }
  return gk_document_end_group (self->document, error);
}
