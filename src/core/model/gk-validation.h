/* gk-validation.h: what makes a row acceptable, checked before it is written
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every error is in the GK_VALIDATION_ERROR domain, has a clear translated
 * message meant for the person editing, and names the offending property
 * (gk_validation_error_get_field()) so that an editor can show the message
 * next to that field.
 *
 * The rules (field in brackets):
 * - names, titles, rationale and journal text are not blank [name, title,
 *   rationale, text]; required references are set [project-id, topic-id,
 *   measure-id, indicator-id, ...]; an assessment has a level [level] and a
 *   date [date]; a measure target a level [target-level]; a measurement a
 *   period [period-date]
 * - dates are real YYYY-MM-DD dates [the date field]
 * - end after start: programme and focus project [end-date], measure
 *   [due-date, done-date], indicator target after baseline [target-date]
 * - progress 0..100 [progress], confidence 0..10 [confidence], a budget is
 *   not negative [budget-cents], numbers are finite
 * - signal values in order for the direction [signal-serious]
 * - an active focus project has an owner [owner-id]
 * - a measure with status done has a done date [done-date]
 * - a link does not link a measure to itself [to-measure-id]; a journal entry
 *   belongs to at most one topic, project or measure [topic-id]; e-mail
 *   addresses look like one [email]
 * - with a document: referenced rows exist, and links and measurement
 *   periods are not duplicated
 * - deleting: not the programme, not the owner of an active focus project
 */
#pragma once

#include "gk-record.h"

G_BEGIN_DECLS

typedef struct _GkDocument GkDocument;

#define GK_VALIDATION_ERROR (gk_validation_error_quark ())

typedef enum {
  GK_VALIDATION_ERROR_REQUIRED,        /* blank name, no topic chosen, no level, no done date */
  GK_VALIDATION_ERROR_INVALID_DATE,    /* not a real YYYY-MM-DD date */
  GK_VALIDATION_ERROR_DATE_ORDER,      /* an end or due date before the start */
  GK_VALIDATION_ERROR_OUT_OF_RANGE,    /* progress, confidence, a negative budget, a non-finite number */
  GK_VALIDATION_ERROR_SIGNAL_ORDER,    /* signal values in the wrong order for the direction */
  GK_VALIDATION_ERROR_OWNER_REQUIRED,  /* an active focus project without an owner */
  GK_VALIDATION_ERROR_INVALID_VALUE,   /* unknown choice, bad e-mail, self link, missing referenced row */
  GK_VALIDATION_ERROR_DUPLICATE,       /* the same link or measurement period twice */
  GK_VALIDATION_ERROR_IN_USE,          /* deleting would break something that depends on the row */
  GK_VALIDATION_ERROR_CONSTRAINT,      /* the file refused the change (a rule the checks above missed) */
} GkValidationError;

GQuark      gk_validation_error_quark      (void);

/* The property name of the offending field ("due-date"), or NULL when the
 * error is not about one field (or not a validation error). */
const char *gk_validation_error_get_field  (const GError *error);

/* Sets a validation error about @field (a property name, or NULL). */
void        gk_validation_set_error        (GError            **error,
                                            GkValidationError   code,
                                            const char         *field,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (4, 5);

/* Checks @record before it is inserted or updated. With a @document, also
 * checks what needs the other rows: that referenced rows exist and that a
 * link or measurement is not a duplicate (@record's own id is skipped). */
gboolean    gk_validation_check_record     (GkRecord    *record,
                                            GkDocument  *document,
                                            GError     **error);

/* Checks that @record (a live record of @document) may be deleted. */
gboolean    gk_validation_check_delete     (GkRecord    *record,
                                            GkDocument  *document,
                                            GError     **error);

/* Strict ISO calendar date as stored in the file: "YYYY-MM-DD", a real day. */
gboolean    gk_validation_is_valid_date    (const char  *text);

G_END_DECLS
