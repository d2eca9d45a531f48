/* gk-programme.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generated once from the schema by a script, then kept by hand: the column
 * map below must list the columns of table "programme" in their declared order
 * (the document checks this when it opens a file).
 */
#include "config.h"

#include "gk-programme.h"
#include "gk-record-private.h"

struct _GkProgramme
{
  GkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GkProgramme, gk_programme, GK_TYPE_RECORD)

enum {
  COL_ID,
  COL_TITLE,
  COL_MUNICIPALITY,
  COL_DOMAINS,
  COL_LEAD_ID,
  COL_START_DATE,
  COL_END_DATE,
  COL_AMBITION,
  COL_REVIEW_CYCLE,
  COL_HEADLINE_RULE,
  COL_VERSION,
  COL_UPDATED_AT,
  COL_UPDATED_BY,
  N_COLUMNS
};

static const GkColumn columns[N_COLUMNS] = {
  [COL_ID] = { .name = "id", .property = "id", .kind = GK_COLUMN_ID, .default_value = 1 },
  [COL_TITLE] = { .name = "title", .property = "title", .kind = GK_COLUMN_TEXT,
                  .flags = GK_COLUMN_FLAG_REQUIRED },
  [COL_MUNICIPALITY] = { .name = "municipality", .property = "municipality", .kind = GK_COLUMN_TEXT },
  [COL_DOMAINS] = { .name = "domains", .property = "domains", .kind = GK_COLUMN_DOMAINS },
  [COL_LEAD_ID] = { .name = "lead_id", .property = "lead-id", .kind = GK_COLUMN_REF,
                    .ref_table = "person" },
  [COL_START_DATE] = { .name = "start_date", .property = "start-date", .kind = GK_COLUMN_DATE },
  [COL_END_DATE] = { .name = "end_date", .property = "end-date", .kind = GK_COLUMN_DATE },
  [COL_AMBITION] = { .name = "ambition", .property = "ambition", .kind = GK_COLUMN_TEXT },
  [COL_REVIEW_CYCLE] = { .name = "review_cycle", .property = "review-cycle", .kind = GK_COLUMN_ENUM,
                         .default_value = GK_REVIEW_CYCLE_MONTHLY, .entries = gk_review_cycle_entries },
  [COL_HEADLINE_RULE] = { .name = "headline_rule", .property = "headline-rule", .kind = GK_COLUMN_ENUM,
                          .default_value = GK_HEADLINE_RULE_WORST, .entries = gk_headline_rule_entries },
  [COL_VERSION] = { .name = "version", .property = "version", .kind = GK_COLUMN_INT,
                    .flags = GK_COLUMN_FLAG_SYSTEM, .default_value = 0 },
  [COL_UPDATED_AT] = { .name = "updated_at", .property = "updated-at", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
  [COL_UPDATED_BY] = { .name = "updated_by", .property = "updated-by", .kind = GK_COLUMN_TEXT,
                       .flags = GK_COLUMN_FLAG_SYSTEM },
};

static const GkTable table = {
  .name = "programme",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .label_column = COL_TITLE,
};

static void
gk_programme_class_init (GkProgrammeClass *klass)
{
  gk_record_class_set_table (GK_RECORD_CLASS (klass), &table);
}

static void
gk_programme_init (GkProgramme *self)
{
}

GkProgramme *
gk_programme_new (void)
{
  return g_object_new (GK_TYPE_PROGRAMME, NULL);
}

const char *
gk_programme_get_title (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_TITLE);
}

void
gk_programme_set_title (GkProgramme *self,
                        const char *value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_TITLE, value);
}

const char *
gk_programme_get_municipality (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_MUNICIPALITY);
}

void
gk_programme_set_municipality (GkProgramme *self,
                               const char *value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_MUNICIPALITY, value);
}

GkDomains
gk_programme_get_domains (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), GK_DOMAIN_NONE);

  return (GkDomains) gk_record_get_int_cell (GK_RECORD (self), COL_DOMAINS);
}

void
gk_programme_set_domains (GkProgramme *self,
                          GkDomains value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_DOMAINS, value);
}

gint64
gk_programme_get_lead_id (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), 0);

  return gk_record_get_int_cell (GK_RECORD (self), COL_LEAD_ID);
}

void
gk_programme_set_lead_id (GkProgramme *self,
                          gint64 value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_LEAD_ID, value);
}

const char *
gk_programme_get_start_date (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_START_DATE);
}

void
gk_programme_set_start_date (GkProgramme *self,
                             const char *value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_START_DATE, value);
}

const char *
gk_programme_get_end_date (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_END_DATE);
}

void
gk_programme_set_end_date (GkProgramme *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_END_DATE, value);
}

const char *
gk_programme_get_ambition (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), NULL);

  return gk_record_get_text_cell (GK_RECORD (self), COL_AMBITION);
}

void
gk_programme_set_ambition (GkProgramme *self,
                           const char *value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_text_cell (GK_RECORD (self), COL_AMBITION, value);
}

GkReviewCycle
gk_programme_get_review_cycle (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), (GkReviewCycle) 0);

  return (GkReviewCycle) gk_record_get_int_cell (GK_RECORD (self), COL_REVIEW_CYCLE);
}

void
gk_programme_set_review_cycle (GkProgramme *self,
                               GkReviewCycle value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_REVIEW_CYCLE, value);
}

GkHeadlineRule
gk_programme_get_headline_rule (GkProgramme *self)
{
  g_return_val_if_fail (GK_IS_PROGRAMME (self), (GkHeadlineRule) 0);

  return (GkHeadlineRule) gk_record_get_int_cell (GK_RECORD (self), COL_HEADLINE_RULE);
}

void
gk_programme_set_headline_rule (GkProgramme *self,
                                GkHeadlineRule value)
{
  g_return_if_fail (GK_IS_PROGRAMME (self));

  gk_record_set_int_cell (GK_RECORD (self), COL_HEADLINE_RULE, value);
}
