/* gk-dutch-number.h: numbers as Dutch spreadsheets write them
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "1.234,50", "€ 1.234,50", "12,5%", "-1.000", "(250)", padded "   1234",
 * and, from systems that write a decimal point, "5100.25". Whether "1.234"
 * is a thousand or one point two depends on the column: a column in which
 * any value has a decimal comma (or thousands dots) is Dutch, one in which
 * any value has a decimal point that cannot be a thousands dot is not;
 * without evidence it is Dutch. A figure that is not there is written as
 * empty, "-", "." (CBS: no data) or "x" (CBS: confidential).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GK_NUMBER_STYLE_DUTCH,   /* 1.234,5 */
  GK_NUMBER_STYLE_POINT,   /* 1,234.5 or 1234.5 */
} GkNumberStyle;

typedef enum {
  GK_NUMBER_MARK_NONE,
  GK_NUMBER_MARK_PERCENT,  /* "12,5%": the value is 12.5 */
  GK_NUMBER_MARK_EURO,     /* "€ 1.234,50" */
} GkNumberMark;

/* What one value says about the style of its column. */
typedef enum {
  GK_NUMBER_EVIDENCE_NONE,
  GK_NUMBER_EVIDENCE_DUTCH,
  GK_NUMBER_EVIDENCE_POINT,
} GkNumberEvidence;

GkNumberEvidence gk_dutch_number_evidence   (const char     *text);
/* The style for a column, from the evidence of its values. */
GkNumberStyle    gk_dutch_number_decide     (guint           n_dutch,
                                             guint           n_point);

/* Whether @text stands for "no figure": empty, "-", ".", "x"... */
gboolean         gk_dutch_number_is_missing (const char     *text);

/* Parses @text. FALSE when it is not a number (letters, units other than
 * € and %, misplaced separators); @out_mark may be NULL. */
gboolean         gk_dutch_number_parse      (const char     *text,
                                             GkNumberStyle   style,
                                             double         *out_value,
                                             GkNumberMark   *out_mark);

/* @value written for Dutch Excel: decimal comma, no thousands separator,
 * as few digits as give the same double back ("1234,5"). */
char            *gk_dutch_number_format     (double          value);

G_END_DECLS
