/* gk-validation.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic rules (required fields, valid dates and choices, referenced
 * rows that exist) come from the column maps; the rules of one entity (date
 * order, ranges, signal values, an owner for an active project, ...) follow.
 * The schema's CHECK constraints guard the same rules once more, for files
 * written by other programs; these checks exist to give people a clear
 * message next to the right field.
 *
 * Policy decisions:
 * - A measure with status "done" needs its done date (a report says *when*
 *   a measure was finished; the editor may propose today).
 * - A done date, like a due date, cannot lie before the start date, and an
 *   indicator's target date cannot lie before its baseline date.
 */
#include "config.h"

#include <math.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "gk-validation-private.h"
#include "gk-document.h"
#include "gk-record-private.h"

typedef struct {
  char *field;
} GkValidationErrorPrivate;

/* What G_DEFINE_EXTENDED_ERROR would define, spelled out: its accessor casts
 * a guint8 pointer straight to the private struct, which clang rejects under
 * -Wcast-align. GLib keeps the private data in front of the GError, at an
 * offset rounded up to 2 * sizeof (gsize) from a malloc'ed block (gerror.c),
 * so the address is aligned for any struct; the cast goes through gpointer
 * to say so. */
static GkValidationErrorPrivate *
gk_validation_error_get_private (const GError *error)
{
  const gsize struct_alignment = 2 * sizeof (gsize);
  const gsize offset = (sizeof (GkValidationErrorPrivate) + (struct_alignment - 1)) & -struct_alignment;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (error->domain == GK_VALIDATION_ERROR, NULL);
  return (GkValidationErrorPrivate *) (gpointer) ((const guint8 *) error - offset);
}

static void
gk_validation_error_private_init (GError *error)
{
  gk_validation_error_get_private (error)->field = NULL;
}

static void
gk_validation_error_private_copy (const GError *src,
                                  GError       *dest)
{
  gk_validation_error_get_private (dest)->field = g_strdup (gk_validation_error_get_private (src)->field);
}

static void
gk_validation_error_private_clear (GError *error)
{
  g_clear_pointer (&gk_validation_error_get_private (error)->field, g_free);
}

GQuark
gk_validation_error_quark (void)
{
  static GQuark quark;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      quark = g_error_domain_register_static ("GkValidationError",
                                              sizeof (GkValidationErrorPrivate),
                                              gk_validation_error_private_init,
                                              gk_validation_error_private_copy,
                                              gk_validation_error_private_clear);
      g_once_init_leave (&initialized, 1);
    }
  return quark;
}

const char *
gk_validation_error_get_field (const GError *error)
{
  GkValidationErrorPrivate *priv;

  if (error == NULL || error->domain != GK_VALIDATION_ERROR)
    return NULL;
  priv = gk_validation_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

void
gk_validation_set_error (GError            **error,
                         GkValidationError   code,
                         const char         *field,
                         const char         *format,
                         ...)
{
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  new_error = g_error_new_valist (GK_VALIDATION_ERROR, code, format, args);
  va_end (args);

  gk_validation_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
}

gboolean
gk_validation_is_valid_date (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* ---- generic rules from the column map ------------------------------------- */

static const char *
required_message (const GkColumn *col)
{
  const char *name = col->name;

  if (g_str_equal (name, "name"))
    return _("Enter a name.");
  if (g_str_equal (name, "title"))
    return _("Enter a title.");
  if (g_str_equal (name, "rationale"))
    return _("Explain the assessment: the rationale is required.");
  if (g_str_equal (name, "text"))
    return _("Write the text of the journal entry.");
  if (g_str_equal (name, "project_id"))
    return _("Choose a focus project.");
  if (g_str_equal (name, "topic_id"))
    return _("Choose a topic.");
  if (g_str_equal (name, "indicator_id"))
    return _("Choose an indicator.");
  if (g_str_equal (name, "measure_id") || g_str_equal (name, "from_measure_id") ||
      g_str_equal (name, "to_measure_id"))
    return _("Choose a measure.");
  if (g_str_equal (name, "level"))
    return _("Choose a grip level.");
  if (g_str_equal (name, "target_level"))
    return _("Choose the grip level to reach.");
  if (g_str_equal (name, "period_date"))
    return _("Enter the period of the measurement.");
  if (col->kind == GK_COLUMN_DATE)
    return _("Enter a date.");
  return _("This field is required.");
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
enum_value_known (const GkColumn *col,
                  gint64          value)
{
  guint n = 0;
  const GkEnumEntry *entries = col->entries (&n);

  for (guint i = 0; i < n; i++)
    if (entries[i].value == value)
      return TRUE;
  return FALSE;
}

static gboolean
check_column (GkRecord       *record,
              guint           i,
              GkDocument     *document,
              GError        **error)
{
  const GkColumn *col = &gk_record_get_table (record)->columns[i];
  gboolean required = (col->flags & GK_COLUMN_FLAG_REQUIRED) != 0;

  switch (col->kind)
    {
    case GK_COLUMN_TEXT:
      if (required && is_blank (gk_record_get_text_cell (record, i)))
        goto missing;
      break;

    case GK_COLUMN_DATE:
      {
        const char *date = gk_record_get_text_cell (record, i);

        if (date == NULL)
          {
            if (required)
              goto missing;
          }
        else if (!gk_validation_is_valid_date (date))
          {
            gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_DATE, gk_record_get_field_name (record, i),
                                     _("“%s” is not a valid date; write it as year-month-day, "
                                       "for example 2026-03-31."), date);
            return FALSE;
          }
      }
      break;

    case GK_COLUMN_REF:
      {
        gint64 id = gk_record_get_int_cell (record, i);

        if (id == 0)
          {
            if (required)
              goto missing;
          }
        else if (document != NULL && gk_document_lookup_in_table (document, col->ref_table, id) == NULL)
          {
            gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, gk_record_get_field_name (record, i),
                                     _("The item chosen here no longer exists. Choose another one."));
            return FALSE;
          }
      }
      break;

    case GK_COLUMN_ENUM:
      {
        gint64 value = gk_record_get_int_cell (record, i);

        /* GK_LEVEL_NONE is a known value but no level to store. */
        if (col->entries == gk_level_entries && value == GK_LEVEL_NONE &&
            (col->flags & GK_COLUMN_FLAG_NULLABLE) == 0)
          goto missing;
        if (!enum_value_known (col, value))
          {
            gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, gk_record_get_field_name (record, i),
                                     _("Choose one of the offered values."));
            return FALSE;
          }
      }
      break;

    case GK_COLUMN_REAL:
      if (!gk_record_cell_is_null (record, i) && !isfinite (gk_record_get_real_cell (record, i)))
        {
          gk_validation_set_error (error, GK_VALIDATION_ERROR_OUT_OF_RANGE, gk_record_get_field_name (record, i),
                                   _("Enter a number."));
          return FALSE;
        }
      break;

    case GK_COLUMN_DOMAINS:
      if ((gk_record_get_int_cell (record, i) &
           ~(gint64) (GK_DOMAIN_JEUGD | GK_DOMAIN_WMO | GK_DOMAIN_PARTICIPATIE)) != 0)
        {
          gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, gk_record_get_field_name (record, i),
                                   _("Choose one of the offered values."));
          return FALSE;
        }
      break;

    case GK_COLUMN_ID:
    case GK_COLUMN_INT:
    case GK_COLUMN_MONEY:
    default:
      break;
    }

  return TRUE;

missing:
  gk_validation_set_error (error, GK_VALIDATION_ERROR_REQUIRED, gk_record_get_field_name (record, i), "%s",
                           required_message (col));
  return FALSE;
}

/* ---- rules of one entity --------------------------------------------------- */

/* TRUE when both dates are set and @end lies before @start. Invalid dates
 * were reported before this is called. */
static gboolean
before (const char *end,
        const char *start)
{
  return end != NULL && start != NULL && strcmp (end, start) < 0;
}

static gboolean
check_range (gint64       value,
             gint64       min,
             gint64       max,
             const char  *field,
             const char  *message,
             GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;
  gk_validation_set_error (error, GK_VALIDATION_ERROR_OUT_OF_RANGE, field, "%s", message);
  return FALSE;
}

static gboolean
check_programme (GkProgramme  *programme,
                 GError      **error)
{
  if (gk_record_get_id (GK_RECORD (programme)) > 1)
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, NULL,
                               _("A project file holds exactly one change programme."));
      return FALSE;
    }
  if (before (gk_programme_get_end_date (programme), gk_programme_get_start_date (programme)))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_DATE_ORDER, "end-date",
                               _("The end date is before the start date."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_person (GkPerson  *person,
              GError   **error)
{
  const char *email = gk_person_get_email (person);
  const char *at = strchr (email, '@');

  if (*email != '\0' &&
      (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
       strpbrk (email, " \t\n,;<>") != NULL))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, "email",
                               _("“%s” is not an e-mail address."), email);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_assessment (GkAssessment  *assessment,
                  GError       **error)
{
  return check_range (gk_assessment_get_confidence (assessment), 0, 10, "confidence",
                      _("The confidence must be between 0 and 10."), error);
}

static gboolean
check_focus_project (GkFocusProject  *project,
                     GError         **error)
{
  if (gk_focus_project_get_status (project) == GK_PROJECT_STATUS_ACTIVE &&
      gk_focus_project_get_owner_id (project) == 0)
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_OWNER_REQUIRED, "owner-id",
                               _("A focus project needs an owner before it can be active."));
      return FALSE;
    }
  if (before (gk_focus_project_get_end_date (project), gk_focus_project_get_start_date (project)))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_DATE_ORDER, "end-date",
                               _("The end date is before the start date."));
      return FALSE;
    }
  if (gk_focus_project_has_budget_cents (project) && gk_focus_project_get_budget_cents (project) < 0)
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_OUT_OF_RANGE, "budget-cents",
                               _("The budget cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_measure (GkMeasure  *measure,
               GError    **error)
{
  const char *start = gk_measure_get_start_date (measure);

  if (before (gk_measure_get_due_date (measure), start))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_DATE_ORDER, "due-date",
                               _("The due date is before the start date."));
      return FALSE;
    }
  if (before (gk_measure_get_done_date (measure), start))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_DATE_ORDER, "done-date",
                               _("The done date is before the start date."));
      return FALSE;
    }
  if (!check_range (gk_measure_get_progress (measure), 0, 100, "progress",
                    _("The progress must be a percentage between 0 and 100."), error))
    return FALSE;
  if (gk_measure_get_status (measure) == GK_MEASURE_STATUS_DONE &&
      gk_measure_get_done_date (measure) == NULL)
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_REQUIRED, "done-date",
                               _("Enter the date the measure was done."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_measure_link (GkMeasureLink  *link,
                    GError        **error)
{
  if (gk_measure_link_get_from_measure_id (link) == gk_measure_link_get_to_measure_id (link))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, "to-measure-id",
                               _("A measure cannot be linked to itself."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_indicator (GkIndicator  *indicator,
                 GError      **error)
{
  if (before (gk_indicator_get_target_date (indicator), gk_indicator_get_baseline_date (indicator)))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_DATE_ORDER, "target-date",
                               _("The target date is before the baseline date."));
      return FALSE;
    }

  if (gk_indicator_has_signal_serious (indicator) && gk_indicator_has_signal_control (indicator))
    {
      double serious = gk_indicator_get_signal_serious (indicator);
      double control = gk_indicator_get_signal_control (indicator);

      if (gk_indicator_get_direction (indicator) == GK_DIRECTION_LOWER_IS_BETTER && serious < control)
        {
          gk_validation_set_error (error, GK_VALIDATION_ERROR_SIGNAL_ORDER, "signal-serious",
                                   _("The signal values are in the wrong order: with “lower is better” "
                                     "the boundary for Serious must be above the boundary for In control."));
          return FALSE;
        }
      if (gk_indicator_get_direction (indicator) == GK_DIRECTION_HIGHER_IS_BETTER && serious > control)
        {
          gk_validation_set_error (error, GK_VALIDATION_ERROR_SIGNAL_ORDER, "signal-serious",
                                   _("The signal values are in the wrong order: with “higher is better” "
                                     "the boundary for Serious must be below the boundary for In control."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_journal_entry (GkJournalEntry  *entry,
                     GError         **error)
{
  int n = (gk_journal_entry_get_topic_id (entry) != 0) +
          (gk_journal_entry_get_project_id (entry) != 0) +
          (gk_journal_entry_get_measure_id (entry) != 0);

  if (n > 1)
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_INVALID_VALUE, "topic-id",
                               _("A journal entry belongs to the whole programme or to one topic, "
                                 "focus project or measure, not to several."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_entity (GkRecord  *record,
              GError   **error)
{
  if (GK_IS_PROGRAMME (record))
    return check_programme (GK_PROGRAMME (record), error);
  if (GK_IS_PERSON (record))
    return check_person (GK_PERSON (record), error);
  if (GK_IS_ASSESSMENT (record))
    return check_assessment (GK_ASSESSMENT (record), error);
  if (GK_IS_FOCUS_PROJECT (record))
    return check_focus_project (GK_FOCUS_PROJECT (record), error);
  if (GK_IS_MEASURE (record))
    return check_measure (GK_MEASURE (record), error);
  if (GK_IS_MEASURE_LINK (record))
    return check_measure_link (GK_MEASURE_LINK (record), error);
  if (GK_IS_INDICATOR (record))
    return check_indicator (GK_INDICATOR (record), error);
  if (GK_IS_JOURNAL_ENTRY (record))
    return check_journal_entry (GK_JOURNAL_ENTRY (record), error);
  return TRUE;
}

/* ---- uniqueness, against the other rows of the document -------------------- */

/* The field and message to report when a row repeats the UNIQUE columns of
 * its table (gk-tables.h) that another row has. */
typedef struct {
  const char *table;
  const char *field;
  const char *message;
} UniqueRule;

static const UniqueRule unique_rules[] = {
  { "project_topic", "topic-id", N_("The focus project already works on this topic.") },
  { "measure_target", "topic-id", N_("The measure already has a target for this topic.") },
  { "measure_link", "to-measure-id", N_("These measures are already linked in this way.") },
  { "indicator_topic", "topic-id", N_("The indicator already informs this topic.") },
  { "indicator_project", "project-id", N_("The indicator already informs this focus project.") },
};

static gboolean
same_key (GkRecord *a,
          GkRecord *b,
          GArray   *columns)
{
  for (guint k = 0; k < columns->len; k++)
    if (!gk_record_cells_equal (a, b, g_array_index (columns, guint, k)))
      return FALSE;
  return TRUE;
}

/* The indexes of the columns of "a, b". */
static GArray *
unique_columns (const GkTable *table)
{
  g_auto(GStrv) names = g_strsplit (table->unique, ", ", -1);
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; names[k] != NULL; k++)
    {
      int column = gk_table_column_index (table, names[k]);

      g_return_val_if_fail (column >= 0, columns);
      g_array_append_vals (columns, &(guint) { column }, 1);
    }
  return columns;
}

static gboolean
check_unique_rule (GkRecord          *record,
                   GkDocument        *document,
                   const UniqueRule  *rule,
                   GError           **error)
{
  const GkTable *table = gk_record_get_table (record);
  g_autoptr(GArray) columns = NULL;
  GListModel *rows;
  guint n_rows;

  g_return_val_if_fail (*table->unique != '\0', TRUE);

  columns = unique_columns (table);
  rows = gk_document_get_list (document, G_OBJECT_TYPE (record));
  n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GkRecord) other = g_list_model_get_item (rows, i);

      if (gk_record_get_id (other) != gk_record_get_id (record) &&
          same_key (record, other, columns))
        {
          gk_validation_set_error (error, GK_VALIDATION_ERROR_DUPLICATE, rule->field, "%s",
                                   _(rule->message));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_unique (GkRecord    *record,
              GkDocument  *document,
              GError     **error)
{
  const char *table = gk_record_get_table_name (record);

  if (GK_IS_MEASUREMENT (record))
    {
      GkMeasurement *measurement = GK_MEASUREMENT (record);
      /* A binary search: an import checks thousands of figures at a time. */
      GkMeasurement *other = gk_document_lookup_measurement (document, gk_measurement_get_indicator_id (measurement),
                                                             gk_measurement_get_period_date (measurement));

      if (other != NULL && gk_record_get_id (GK_RECORD (other)) != gk_record_get_id (record))
        {
          gk_validation_set_error (error, GK_VALIDATION_ERROR_DUPLICATE, "period-date",
                                   _("This indicator already has a measurement for this period."));
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (unique_rules); i++)
    if (g_str_equal (unique_rules[i].table, table))
      return check_unique_rule (record, document, &unique_rules[i], error);
  return TRUE;
}

gboolean
gk_validation_check_record (GkRecord    *record,
                            GkDocument  *document,
                            GError     **error)
{
  const GkTable *table;

  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (document == NULL || GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = gk_record_get_table (record);
  for (guint i = 1; i < table->n_columns; i++)
    if ((table->columns[i].flags & GK_COLUMN_FLAG_SYSTEM) == 0 &&
        !check_column (record, i, document, error))
      return FALSE;

  if (!check_entity (record, error))
    return FALSE;

  if (document != NULL && !check_unique (record, document, error))
    return FALSE;

  return TRUE;
}

gboolean
gk_validation_check_delete (GkRecord    *record,
                            GkDocument  *document,
                            GError     **error)
{
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);

  if (GK_IS_PROGRAMME (record))
    {
      gk_validation_set_error (error, GK_VALIDATION_ERROR_IN_USE, NULL,
                               _("The change programme cannot be deleted."));
      return FALSE;
    }

  if (GK_IS_PERSON (record))
    {
      /* Deleting a person empties the owner of what they own, and an active
       * focus project cannot be without one. */
      GListModel *projects = gk_document_get_focus_projects (document);
      gint64 id = gk_record_get_id (record);

      for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
        {
          g_autoptr(GkFocusProject) project = g_list_model_get_item (projects, i);

          if (gk_focus_project_get_owner_id (project) == id &&
              gk_focus_project_get_status (project) == GK_PROJECT_STATUS_ACTIVE)
            {
              gk_validation_set_error (error, GK_VALIDATION_ERROR_IN_USE, NULL,
                                       _("%s owns the active focus project “%s”. Choose another "
                                         "owner for it first."),
                                       gk_person_get_name (GK_PERSON (record)),
                                       gk_focus_project_get_name (project));
              return FALSE;
            }
        }
    }

  return TRUE;
}

void
gk_validation_set_sqlite_error (GError  **error,
                                sqlite3  *db,
                                int       rc)
{
  int extended = db != NULL ? sqlite3_extended_errcode (db) : rc;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      const char *message;

      switch (extended)
        {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          message = _("This would duplicate something that already exists.");
          break;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          message = _("This refers to something that no longer exists.");
          break;
        default:
          message = _("The change was refused because some values are not allowed.");
          break;
        }
      gk_validation_set_error (error, GK_VALIDATION_ERROR_CONSTRAINT, NULL, "%s", message);
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("The project file is read-only; the change was not saved."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The project file is busy. Try again in a moment."));
      break;
    case SQLITE_FULL:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("The disk is full; the change was not saved."));
      break;
    case SQLITE_TOOBIG:
      /* Also met when reading: it is not about writing. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           _("A text is too long for Gripkaart: the limit is 64 MB."));
      break;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The change could not be written to the project file (%s)."),
                   sqlite3_errstr (rc));
      break;
    }
}
