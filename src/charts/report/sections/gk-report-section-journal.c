/* gk-report-section-journal.c: the decisions and risks of the period
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-report-section.h"

/* What an entry is about: its measure, else its project, else its topic. */
static const char *
journal_subject (GkReportBuilder *b,
                 GkJournalEntry  *entry)
{
  GkRecord *record = NULL;

  if (gk_journal_entry_get_measure_id (entry) != 0)
    record = GK_RECORD (gk_document_lookup_measure (b->document, gk_journal_entry_get_measure_id (entry)));
  if (record == NULL && gk_journal_entry_get_project_id (entry) != 0)
    record = GK_RECORD (gk_document_lookup_focus_project (b->document, gk_journal_entry_get_project_id (entry)));
  if (record == NULL && gk_journal_entry_get_topic_id (entry) != 0)
    record = GK_RECORD (gk_document_lookup_topic (b->document, gk_journal_entry_get_topic_id (entry)));
  if (record == NULL)
    return _("The programme");
  return gk_record_get_label (record);
}

void
gk_report_add_journal (GkReportBuilder *b,
                       GkReportFlow    *flow)
{
  GPtrArray *journal = gk_report_facts_get_journal (b->facts);
  const char *period = gk_report_facts_get_period_label (b->facts);
  GkReportTable *table;
  g_autofree char *title = NULL;

  /* Translators: %s is a period, "October 2026" */
  title = g_strdup_printf (_("Decisions and risks in %s"), period);
  gk_report_add_section_heading (flow, GK_REPORT_SECTION_JOURNAL, title, NULL);
  if (journal->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No decisions or risks were recorded in %s."), period);

      gk_report_add_note (flow, none);
      return;
    }

  table = gk_report_flow_add_table (flow, 4);
  gk_report_table_set_column (table, 0, _("Date"), 1.0, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 1, _("Kind"), 0.9, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 2, _("Entry"), 4.2, GK_CHART_ALIGN_START);
  gk_report_table_set_column (table, 3, _("About"), 1.7, GK_CHART_ALIGN_START);
  gk_report_table_set_continued_label (table, _("Decisions and risks (continued)"));
  for (guint i = 0; i < journal->len; i++)
    {
      GkJournalEntry *entry = g_ptr_array_index (journal, i);
      GkJournalKind kind = gk_journal_entry_get_kind (entry);
      const char *author = gk_journal_entry_get_author (entry);
      guint row = gk_report_table_add_row (table);

      gk_report_table_take_text (table, row, 0, gk_report_format_iso_date (gk_journal_entry_get_date (entry)));
      gk_report_table_set_text (table, row, 1, gk_journal_kind_label (kind));
      if (kind == GK_JOURNAL_KIND_RISK)
        gk_report_table_set_style (table, row, 1, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_WARNING);
      else
        gk_report_table_set_style (table, row, 1, GK_REPORT_FONT_BODY_BOLD, GK_REPORT_INK_NORMAL);
      if (author != NULL && *author != '\0')
        gk_report_table_take_text (table, row, 2, g_strdup_printf ("%s — %s", gk_journal_entry_get_text (entry), author));
      else
        gk_report_table_set_text (table, row, 2, gk_journal_entry_get_text (entry));
      gk_report_table_set_text (table, row, 3, journal_subject (b, entry));
    }
}
