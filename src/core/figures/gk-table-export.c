/* gk-table-export.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gk-date.h"
#include "gk-dutch-number.h"
#include "gk-period.h"
#include "gk-sheet.h"
#include "gk-table-export.h"

/* ---- a table as rows of typed cells -------------------------------------------------- */

typedef enum {
  CELL_TEXT,
  CELL_NUMBER,
  CELL_INTEGER,
  CELL_EURO,      /* number in euros */
  CELL_PERCENT,   /* number in percent: 72.5 is 72,5 % */
  CELL_DATE,      /* text YYYY-MM-DD */
  CELL_MONTH,     /* period start YYYY-MM-DD, shown as the month */
  CELL_QUARTER,
  CELL_YEAR,
  CELL_BLANK,
} CellKind;

typedef struct {
  CellKind kind;
  double   number;
  char    *text;
} Cell;

typedef struct {
  const char *title;
  GPtrArray  *headers;   /* const char * (translated, static) */
  GArray     *widths;    /* double */
  GPtrArray  *rows;      /* GArray of Cell */
} Table;

static void
cell_clear (gpointer data)
{
  g_free (((Cell *) data)->text);
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->headers);
  g_array_unref (table->widths);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static Table *
table_new (const char *title)
{
  Table *table = g_new0 (Table, 1);

  table->title = title;
  table->headers = g_ptr_array_new ();
  table->widths = g_array_new (FALSE, FALSE, sizeof (double));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return table;
}

static void
add_column (Table      *table,
            const char *header,
            double      width)
{
  g_ptr_array_add (table->headers, (gpointer) header);
  g_array_append_val (table->widths, width);
}

static GArray *
add_row (Table *table)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (row, cell_clear);
  g_ptr_array_add (table->rows, row);
  return row;
}

static void
put_text (GArray     *row,
          const char *text)
{
  Cell cell = { CELL_TEXT, 0, g_strdup (text != NULL ? text : "") };

  g_array_append_val (row, cell);
}

static void
put_number (GArray   *row,
            CellKind  kind,
            double    number,
            gboolean  has_value)
{
  Cell cell = { has_value ? kind : CELL_BLANK, number, NULL };

  g_array_append_val (row, cell);
}

static void
put_date (GArray     *row,
          CellKind    kind,
          const char *iso)
{
  GDate date;
  Cell cell = { CELL_BLANK, 0, NULL };

  if (iso != NULL && gk_date_parse_iso (iso, &date))
    {
      cell.kind = kind;
      cell.text = g_strdup (iso);
    }
  g_array_append_val (row, cell);
}

static const char *
person_name (GkDocument *document,
             gint64      id)
{
  GkPerson *person = id != 0 ? gk_document_lookup_person (document, id) : NULL;

  return person != NULL ? gk_person_get_name (person) : "";
}

static Table *
projects_table (GkDocument *document)
{
  Table *table = table_new (gk_export_table_title (GK_EXPORT_TABLE_PROJECTS));
  GListModel *list = gk_document_get_focus_projects (document);

  add_column (table, _("Name"), 36);
  add_column (table, _("Goal"), 40);
  add_column (table, _("Owner"), 22);
  add_column (table, _("Chain phase"), 16);
  add_column (table, _("Domains"), 18);
  add_column (table, _("Status"), 12);
  add_column (table, _("Health"), 14);
  add_column (table, _("Reason"), 30);
  add_column (table, _("Start date"), 12);
  add_column (table, _("End date"), 12);
  add_column (table, _("Budget"), 14);
  add_column (table, _("Expected saving"), 16);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkFocusProject) p = g_list_model_get_item (list, i);
      g_autofree char *domains = gk_domains_label (gk_focus_project_get_domains (p));
      GArray *row = add_row (table);

      put_text (row, gk_focus_project_get_name (p));
      put_text (row, gk_focus_project_get_goal (p));
      put_text (row, person_name (document, gk_focus_project_get_owner_id (p)));
      put_text (row, gk_chain_phase_label (gk_focus_project_get_chain_phase (p)));
      put_text (row, domains);
      put_text (row, gk_project_status_label (gk_focus_project_get_status (p)));
      put_text (row, gk_health_label (gk_focus_project_get_health (p)));
      put_text (row, gk_focus_project_get_health_reason (p));
      put_date (row, CELL_DATE, gk_focus_project_get_start_date (p));
      put_date (row, CELL_DATE, gk_focus_project_get_end_date (p));
      put_number (row, CELL_EURO, gk_focus_project_get_budget_cents (p) / 100.0,
                  gk_focus_project_has_budget_cents (p));
      put_number (row, CELL_EURO, gk_focus_project_get_saving_cents (p) / 100.0,
                  gk_focus_project_has_saving_cents (p));
    }
  return table;
}

static Table *
measures_table (GkDocument *document)
{
  Table *table = table_new (gk_export_table_title (GK_EXPORT_TABLE_MEASURES));
  GListModel *list = gk_document_get_measures (document);

  add_column (table, _("Focus project"), 30);
  add_column (table, _("Title"), 40);
  add_column (table, _("Owner"), 22);
  add_column (table, _("Status"), 14);
  add_column (table, _("Kind"), 12);
  add_column (table, _("Start date"), 12);
  add_column (table, _("Due date"), 12);
  add_column (table, _("Done on"), 12);
  add_column (table, _("Progress"), 10);
  add_column (table, _("Expected saving"), 16);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkMeasure) m = g_list_model_get_item (list, i);
      GkFocusProject *project = gk_document_lookup_focus_project (document, gk_measure_get_project_id (m));
      GArray *row = add_row (table);

      put_text (row, project != NULL ? gk_focus_project_get_name (project) : "");
      put_text (row, gk_measure_get_title (m));
      put_text (row, person_name (document, gk_measure_get_owner_id (m)));
      put_text (row, gk_measure_status_label (gk_measure_get_status (m)));
      put_text (row, gk_measure_kind_label (gk_measure_get_kind (m)));
      put_date (row, CELL_DATE, gk_measure_get_start_date (m));
      put_date (row, CELL_DATE, gk_measure_get_due_date (m));
      put_date (row, CELL_DATE, gk_measure_get_done_date (m));
      put_number (row, CELL_PERCENT, gk_measure_get_progress (m), TRUE);
      put_number (row, CELL_EURO, gk_measure_get_saving_cents (m) / 100.0, gk_measure_has_saving_cents (m));
    }
  return table;
}

/* A figure of @indicator: a percentage, an amount or a plain number. */
static CellKind
value_kind (GkIndicator *indicator)
{
  switch (gk_indicator_get_unit (indicator))
    {
    case GK_UNIT_EURO:
      return CELL_EURO;
    case GK_UNIT_PERCENT:
      return CELL_PERCENT;
    case GK_UNIT_COUNT:
    case GK_UNIT_DAYS:
    case GK_UNIT_WEEKS:
    case GK_UNIT_OTHER:
    default:
      return CELL_NUMBER;
    }
}

static CellKind
period_kind (GkIndicator *indicator)
{
  switch (gk_indicator_get_frequency (indicator))
    {
    case GK_FREQUENCY_QUARTERLY:
      return CELL_QUARTER;
    case GK_FREQUENCY_YEARLY:
      return CELL_YEAR;
    case GK_FREQUENCY_MONTHLY:
    default:
      return CELL_MONTH;
    }
}

static Table *
indicators_table (GkDocument *document)
{
  Table *table = table_new (gk_export_table_title (GK_EXPORT_TABLE_INDICATORS));
  GListModel *list = gk_document_get_indicators (document);

  add_column (table, _("Name"), 36);
  add_column (table, _("Unit"), 10);
  add_column (table, _("Direction"), 18);
  add_column (table, _("Frequency"), 12);
  add_column (table, _("Baseline"), 12);
  add_column (table, _("Baseline date"), 13);
  add_column (table, _("Target"), 12);
  add_column (table, _("Target date"), 13);
  add_column (table, _("Signal value Serious–Vigilant"), 16);
  add_column (table, _("Signal value Vigilant–In control"), 16);
  add_column (table, _("Latest figure"), 14);
  add_column (table, _("Latest period"), 13);
  add_column (table, _("Source"), 24);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkIndicator) ind = g_list_model_get_item (list, i);
      g_autoptr(GPtrArray) series = gk_document_get_measurements_for_indicator (document,
                                                                               gk_record_get_id (GK_RECORD (ind)));
      GkMeasurement *latest = series->len > 0 ? g_ptr_array_index (series, series->len - 1) : NULL;
      CellKind kind = value_kind (ind);
      GArray *row = add_row (table);

      put_text (row, gk_indicator_get_name (ind));
      put_text (row, gk_unit_label (gk_indicator_get_unit (ind)));
      put_text (row, gk_direction_label (gk_indicator_get_direction (ind)));
      put_text (row, gk_frequency_label (gk_indicator_get_frequency (ind)));
      put_number (row, kind, gk_indicator_get_baseline_value (ind), gk_indicator_has_baseline_value (ind));
      put_date (row, CELL_DATE, gk_indicator_get_baseline_date (ind));
      put_number (row, kind, gk_indicator_get_target_value (ind), gk_indicator_has_target_value (ind));
      put_date (row, CELL_DATE, gk_indicator_get_target_date (ind));
      put_number (row, kind, gk_indicator_get_signal_serious (ind), gk_indicator_has_signal_serious (ind));
      put_number (row, kind, gk_indicator_get_signal_control (ind), gk_indicator_has_signal_control (ind));
      put_number (row, kind, latest != NULL ? gk_measurement_get_value (latest) : 0, latest != NULL);
      put_date (row, period_kind (ind), latest != NULL ? gk_measurement_get_period_date (latest) : NULL);
      put_text (row, gk_indicator_get_source (ind));
    }
  return table;
}

/* Indicator; Period; Value; Note: the long table the import reads back. */
static Table *
figures_table (GkDocument *document)
{
  Table *table = table_new (gk_export_table_title (GK_EXPORT_TABLE_FIGURES));
  GListModel *list = gk_document_get_measurements (document);

  add_column (table, _("Indicator"), 36);
  add_column (table, _("Period"), 12);
  add_column (table, _("Value"), 14);
  add_column (table, _("Note"), 40);
  add_column (table, _("Unit"), 10);
  add_column (table, _("Entered by"), 20);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkMeasurement) m = g_list_model_get_item (list, i);
      GkIndicator *ind = gk_document_lookup_indicator (document, gk_measurement_get_indicator_id (m));
      GArray *row;

      if (ind == NULL)
        continue;
      row = add_row (table);
      put_text (row, gk_indicator_get_name (ind));
      put_date (row, period_kind (ind), gk_measurement_get_period_date (m));
      put_number (row, value_kind (ind), gk_measurement_get_value (m), TRUE);
      put_text (row, gk_measurement_get_note (m));
      put_text (row, gk_unit_label (gk_indicator_get_unit (ind)));
      put_text (row, gk_measurement_get_entered_by (m));
    }
  return table;
}

static Table *
assessments_table (GkDocument *document)
{
  Table *table = table_new (gk_export_table_title (GK_EXPORT_TABLE_ASSESSMENTS));
  GListModel *list = gk_document_get_assessments (document);

  add_column (table, _("Topic"), 28);
  add_column (table, _("Date"), 12);
  add_column (table, _("Grip level"), 14);
  add_column (table, _("Rationale"), 50);
  add_column (table, _("Confidence"), 12);
  add_column (table, _("Assessed by"), 22);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkAssessment) a = g_list_model_get_item (list, i);
      GkTopic *topic = gk_document_lookup_topic (document, gk_assessment_get_topic_id (a));
      GArray *row = add_row (table);

      put_text (row, topic != NULL ? gk_topic_get_name (topic) : "");
      put_date (row, CELL_DATE, gk_assessment_get_date (a));
      put_text (row, gk_level_label (gk_assessment_get_level (a)));
      put_text (row, gk_assessment_get_rationale (a));
      put_number (row, CELL_INTEGER, gk_assessment_get_confidence (a), TRUE);
      put_text (row, person_name (document, gk_assessment_get_assessed_by_id (a)));
    }
  return table;
}

static const char *
journal_subject (GkDocument     *document,
                 GkJournalEntry *entry)
{
  GkRecord *subject = NULL;

  if (gk_journal_entry_get_measure_id (entry) != 0)
    subject = GK_RECORD (gk_document_lookup_measure (document, gk_journal_entry_get_measure_id (entry)));
  else if (gk_journal_entry_get_project_id (entry) != 0)
    subject = GK_RECORD (gk_document_lookup_focus_project (document, gk_journal_entry_get_project_id (entry)));
  else if (gk_journal_entry_get_topic_id (entry) != 0)
    subject = GK_RECORD (gk_document_lookup_topic (document, gk_journal_entry_get_topic_id (entry)));
  return subject != NULL ? gk_record_get_label (subject) : _("Programme");
}

static Table *
journal_table (GkDocument *document)
{
  Table *table = table_new (gk_export_table_title (GK_EXPORT_TABLE_JOURNAL));
  GListModel *list = gk_document_get_journal (document);

  add_column (table, _("Date"), 12);
  add_column (table, _("Kind"), 12);
  add_column (table, _("Author"), 20);
  add_column (table, _("Subject"), 30);
  add_column (table, _("Text"), 60);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkJournalEntry) e = g_list_model_get_item (list, i);
      GArray *row = add_row (table);

      put_date (row, CELL_DATE, gk_journal_entry_get_date (e));
      put_text (row, gk_journal_kind_label (gk_journal_entry_get_kind (e)));
      put_text (row, gk_journal_entry_get_author (e));
      put_text (row, journal_subject (document, e));
      put_text (row, gk_journal_entry_get_text (e));
    }
  return table;
}

static Table *
build_table (GkDocument    *document,
             GkExportTable  which)
{
  switch (which)
    {
    case GK_EXPORT_TABLE_PROJECTS:
      return projects_table (document);
    case GK_EXPORT_TABLE_MEASURES:
      return measures_table (document);
    case GK_EXPORT_TABLE_INDICATORS:
      return indicators_table (document);
    case GK_EXPORT_TABLE_FIGURES:
      return figures_table (document);
    case GK_EXPORT_TABLE_ASSESSMENTS:
      return assessments_table (document);
    case GK_EXPORT_TABLE_JOURNAL:
    case GK_EXPORT_N_TABLES:
    default:
      return journal_table (document);
    }
}

/* ---- names ------------------------------------------------------------------------ */

static const struct {
  const char *key;
  const char *title;
} table_names[GK_EXPORT_N_TABLES] = {
  [GK_EXPORT_TABLE_PROJECTS] = { "projects", N_("Focus projects") },
  [GK_EXPORT_TABLE_MEASURES] = { "measures", N_("Measures") },
  [GK_EXPORT_TABLE_INDICATORS] = { "indicators", N_("Indicators") },
  [GK_EXPORT_TABLE_FIGURES] = { "figures", N_("Figures") },
  [GK_EXPORT_TABLE_ASSESSMENTS] = { "assessments", N_("Assessments") },
  [GK_EXPORT_TABLE_JOURNAL] = { "journal", N_("Journal") },
};

const char *
gk_export_table_key (GkExportTable table)
{
  g_return_val_if_fail (table < GK_EXPORT_N_TABLES, NULL);
  return table_names[table].key;
}

const char *
gk_export_table_title (GkExportTable table)
{
  g_return_val_if_fail (table < GK_EXPORT_N_TABLES, NULL);
  return _(table_names[table].title);
}

gboolean
gk_export_table_from_key (const char    *key,
                          GkExportTable *out_table)
{
  for (guint i = 0; i < GK_EXPORT_N_TABLES; i++)
    if (g_ascii_strcasecmp (key, table_names[i].key) == 0)
      {
        *out_table = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
gk_export_format_from_path (const char      *path,
                            GkExportFormat  *out_format,
                            GError         **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    *out_format = GK_EXPORT_FORMAT_XLSX;
  else if (g_str_has_suffix (lower, ".csv"))
    *out_format = GK_EXPORT_FORMAT_CSV;
  else
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                   _("Gripkaart exports to .xlsx or .csv; “%s” is neither."), path);
      return FALSE;
    }
  return TRUE;
}

/* ---- XLSX ------------------------------------------------------------------------- */

typedef struct {
  lxw_format *header, *date, *euro, *percent, *number, *integer, *month, *year, *wrap;
} Formats;

static void
formats_init (lxw_workbook *wb,
              Formats      *f)
{
  f->header = workbook_add_format (wb);
  format_set_bold (f->header);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  f->date = workbook_add_format (wb);
  format_set_num_format_index (f->date, 14);   /* the reader's own short date */
  f->euro = workbook_add_format (wb);
  format_set_num_format (f->euro, "\xE2\x82\xAC #,##0.00");
  f->percent = workbook_add_format (wb);
  format_set_num_format (f->percent, "0.0%");
  f->number = workbook_add_format (wb);
  format_set_num_format (f->number, "#,##0.##");
  f->integer = workbook_add_format (wb);
  format_set_num_format_index (f->integer, 1);
  f->month = workbook_add_format (wb);
  format_set_num_format (f->month, "mmm yyyy");
  f->year = workbook_add_format (wb);
  format_set_num_format (f->year, "yyyy");
  f->wrap = NULL;
}

static lxw_datetime
to_datetime (const char *iso)
{
  GDate date;
  lxw_datetime dt = { 0 };

  gk_date_parse_iso (iso, &date);
  dt.year = g_date_get_year (&date);
  dt.month = g_date_get_month (&date);
  dt.day = g_date_get_day (&date);
  return dt;
}

/* Sheet names: at most 31 characters, none of []:*?/\ */
static char *
sheet_name (const char *title)
{
  GString *name = g_string_new (NULL);

  for (const char *p = title; *p != '\0' && g_utf8_strlen (name->str, -1) < 31; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (name, strchr ("[]:*?/\\", (int) c) != NULL && c < 128 ? '_' : c);
    }
  return g_string_free (name, FALSE);
}

static void
write_xlsx_sheet (lxw_workbook *wb,
                  Formats      *f,
                  Table        *table)
{
  g_autofree char *name = sheet_name (table->title);
  lxw_worksheet *ws = workbook_add_worksheet (wb, name);
  guint n_columns = table->headers->len;

  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (ws, c, c, g_array_index (table->widths, double, c), NULL);
  worksheet_freeze_panes (ws, 1, 0);
  worksheet_autofilter (ws, 0, 0, table->rows->len, n_columns - 1);
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_string (ws, 0, c, g_ptr_array_index (table->headers, c), f->header);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          Cell *cell = &g_array_index (row, Cell, c);
          lxw_row_t y = r + 1;
          lxw_datetime dt;

          switch (cell->kind)
            {
            case CELL_TEXT:
              if (cell->text[0] != '\0')
                worksheet_write_string (ws, y, c, cell->text, NULL);
              break;
            case CELL_NUMBER:
              worksheet_write_number (ws, y, c, cell->number, f->number);
              break;
            case CELL_INTEGER:
              worksheet_write_number (ws, y, c, cell->number, f->integer);
              break;
            case CELL_EURO:
              worksheet_write_number (ws, y, c, cell->number, f->euro);
              break;
            case CELL_PERCENT:
              worksheet_write_number (ws, y, c, cell->number / 100, f->percent);
              break;
            case CELL_DATE:
            case CELL_QUARTER:
              dt = to_datetime (cell->text);
              worksheet_write_datetime (ws, y, c, &dt, f->date);
              break;
            case CELL_MONTH:
              dt = to_datetime (cell->text);
              worksheet_write_datetime (ws, y, c, &dt, f->month);
              break;
            case CELL_YEAR:
              dt = to_datetime (cell->text);
              worksheet_write_datetime (ws, y, c, &dt, f->year);
              break;
            case CELL_BLANK:
            default:
              break;
            }
        }
    }
}

static gboolean
write_xlsx (GPtrArray   *tables,
            const char  *path,
            GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  Formats formats;
  lxw_error result;

  if (wb == NULL)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED, _("Could not write “%s”."), path);
      return FALSE;
    }
  formats_init (wb, &formats);
  for (guint i = 0; i < tables->len; i++)
    write_xlsx_sheet (wb, &formats, g_ptr_array_index (tables, i));
  result = workbook_close (wb);
  if (result != LXW_NO_ERROR)
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, lxw_strerror (result));
      return FALSE;
    }
  return TRUE;
}

/* ---- CSV -------------------------------------------------------------------------- */

static void
append_field (GString    *out,
              const char *text)
{
  gsize length = strlen (text);

  /* Quote only when Excel needs it (libcsv doubles the quotes). */
  if (strpbrk (text, ";\"\r\n") != NULL || (length > 0 && (text[0] == ' ' || text[length - 1] == ' ')))
    {
      gsize size = length * 2 + 3;
      gsize old = out->len;

      g_string_set_size (out, old + size);
      g_string_truncate (out, old + csv_write (out->str + old, size, text, length));
    }
  else
    g_string_append_len (out, text, length);
}

static char *
csv_period (CellKind    kind,
            const char *iso)
{
  GDate date;

  gk_date_parse_iso (iso, &date);
  switch (kind)
    {
    case CELL_MONTH:
      return g_strdup_printf ("%04u-%02u", g_date_get_year (&date), g_date_get_month (&date));
    case CELL_QUARTER:
      return g_strdup_printf ("%04u-K%u", g_date_get_year (&date), (g_date_get_month (&date) - 1) / 3 + 1);
    case CELL_YEAR:
      return g_strdup_printf ("%04u", g_date_get_year (&date));
    case CELL_DATE:
    default:
      /* Day first, as Dutch Excel reads a date. */
      return g_strdup_printf ("%u-%u-%04u", g_date_get_day (&date), g_date_get_month (&date),
                              g_date_get_year (&date));
    }
}

static gboolean
write_csv (Table       *table,
           const char  *path,
           GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) io_error = NULL;

  for (guint c = 0; c < table->headers->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ';');
      append_field (out, g_ptr_array_index (table->headers, c));
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          Cell *cell = &g_array_index (row, Cell, c);
          g_autofree char *text = NULL;

          if (c > 0)
            g_string_append_c (out, ';');
          switch (cell->kind)
            {
            case CELL_TEXT:
              append_field (out, cell->text);
              break;
            case CELL_NUMBER:
            case CELL_INTEGER:
            case CELL_EURO:
            case CELL_PERCENT:
              text = gk_dutch_number_format (cell->number);
              g_string_append (out, text);
              break;
            case CELL_DATE:
            case CELL_MONTH:
            case CELL_QUARTER:
            case CELL_YEAR:
              text = csv_period (cell->kind, cell->text);
              g_string_append (out, text);
              break;
            case CELL_BLANK:
            default:
              break;
            }
        }
      g_string_append (out, "\r\n");
    }

  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &io_error))
    {
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, io_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- export ----------------------------------------------------------------------- */

gboolean
gk_export_tables (GkDocument          *document,
                  const GkExportTable *tables,
                  guint                n_tables,
                  const char          *path,
                  GError             **error)
{
  g_autoptr(GPtrArray) built = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  GkExportFormat format;
  int fd;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (n_tables > 0, FALSE);

  if (!gk_export_format_from_path (path, &format, error))
    return FALSE;
  if (format == GK_EXPORT_FORMAT_CSV && n_tables > 1)
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED,
                           _("A CSV file holds one table. Export several tables to .xlsx, or one at a time."));
      return FALSE;
    }
  for (guint i = 0; i < n_tables; i++)
    g_ptr_array_add (built, build_table (document, tables[i]));

  if (format == GK_EXPORT_FORMAT_CSV)
    return write_csv (g_ptr_array_index (built, 0), path, error);

  /* libxlsxwriter writes the named file itself: give it a temporary one
   * beside the target, then rename, so a failure leaves no half file. */
  dir = g_path_get_dirname (path);
  tmp_path = g_build_filename (dir, ".gripkaart-export-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  if (!write_xlsx (built, tmp_path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
