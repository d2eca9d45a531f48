/* gk-import-plan.h: what importing a sheet of figures would do, row by row
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before anything changes, every figure in the sheet gets its fate: a new
 * figure, a changed one (old and new value), unchanged, no figure (an
 * empty cell, "-" or "."), or refused, with its line and the reason in the
 * user's language. Applying the plan writes the new and changed figures
 * through the document in ONE undo step; a plan with refused rows applies
 * only when told to skip them. Importing the same file twice changes
 * nothing the second time: every figure is then unchanged. Figures of
 * other indicators and periods are never touched, and no figure is ever
 * deleted by an import.
 */
#pragma once

#include "gk-document.h"
#include "gk-figure-layout.h"
#include "gk-sheet.h"

G_BEGIN_DECLS

typedef enum {
  GK_IMPORT_FATE_NEW,
  GK_IMPORT_FATE_CHANGED,
  GK_IMPORT_FATE_UNCHANGED,
  GK_IMPORT_FATE_EMPTY,      /* the cell holds no figure: nothing happens */
  GK_IMPORT_FATE_REFUSED,
  GK_IMPORT_N_FATES,
} GkImportFateKind;

typedef struct {
  GkImportFateKind kind;
  guint            line;            /* the line or row number in the file */
  guint            column;          /* 0-based column of the value */
  gint64           indicator_id;    /* 0 when refused before it was known */
  gint64           measurement_id;  /* CHANGED, UNCHANGED: the figure in the programme */
  char             period[11];      /* YYYY-MM-DD, the first day of the period; "" when unknown */
  double           value;
  double           old_value;       /* CHANGED */
  char            *note;            /* NULL: the file has no note for it (the old note stays) */
  char            *message;         /* REFUSED: why, translated */
} GkImportFate;

#define GK_TYPE_IMPORT_PLAN (gk_import_plan_get_type ())
G_DECLARE_FINAL_TYPE (GkImportPlan, gk_import_plan, GK, IMPORT_PLAN, GObject)

/* Judges every row of @sheet as @layout reads it against @document.
 * Fails only when the layout is incomplete (GK_FIGURES_ERROR_MAPPING). */
GkImportPlan       *gk_import_plan_new          (GkDocument           *document,
                                                 GkSheet              *sheet,
                                                 const GkFigureLayout *layout,
                                                 GError              **error);

guint               gk_import_plan_get_n_fates  (GkImportPlan *self);
const GkImportFate *gk_import_plan_get_fate     (GkImportPlan *self,
                                                 guint         index);
guint               gk_import_plan_count        (GkImportPlan *self,
                                                 GkImportFateKind kind);

/* "12 new, 3 changed, 40 unchanged, 2 refused" (translated). */
char               *gk_import_plan_summary      (GkImportPlan *self);
/* "line 14: “12,5 procent” is not a number", "line 3: Wachttijd, March
 * 2026: 12 → 11.5" (translated). */
char               *gk_import_plan_describe_fate (GkImportPlan       *self,
                                                  const GkImportFate *fate);

/* Writes the new and changed figures as one undo step named after
 * @source_name (the file's name). With refused rows it fails
 * (GK_FIGURES_ERROR_REFUSED) and changes nothing, unless @skip_refused.
 * When any write fails, everything is rolled back. */
gboolean            gk_import_plan_apply        (GkImportPlan *self,
                                                 const char   *source_name,
                                                 gboolean      skip_refused,
                                                 GError      **error);

G_END_DECLS
