/* gk-document.h: an open project file as live objects, with editing and undo
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GkDocument loads every row of a project file into typed GkRecord objects
 * and keeps them in one GListModel per table, sorted, and current: after
 * every change (an edit, an undo or redo, or rows reloaded after a merge) it
 * reloads just the rows that changed, updates the objects in place (notifying
 * only the properties that changed), and emits items-changed at the right
 * positions.
 *
 * All editing goes through the document: gk_document_insert(), _update() and
 * _delete() validate the row (see gk-validation.h), write it with its version
 * incremented, updated_at and updated_by set, and log it in change_log, all in
 * one transaction; each edit (or group of edits) becomes one undo step.
 *
 * The document borrows its SQLite connection: the caller (the project file
 * layer) opens it and must keep it open until the document is finalized.
 * Outside src/core a document comes from a GkSession (gk-session.h); the
 * connection itself is in gk-document-private.h.
 */
#pragma once

#include <gio/gio.h>

#include "gk-clock.h"
#include "gk-enums.h"
#include "gk-record.h"
#include "gk-person.h"
#include "gk-programme.h"
#include "gk-topic.h"
#include "gk-assessment.h"
#include "gk-focus-project.h"
#include "gk-project-topic.h"
#include "gk-measure.h"
#include "gk-measure-target.h"
#include "gk-measure-link.h"
#include "gk-indicator.h"
#include "gk-indicator-topic.h"
#include "gk-indicator-project.h"
#include "gk-measurement.h"
#include "gk-journal-entry.h"
#include "gk-catalogue-measure.h"
#include "gk-validation.h"

G_BEGIN_DECLS

#define GK_DOCUMENT_ERROR (gk_document_error_quark ())

typedef enum {
  GK_DOCUMENT_ERROR_SCHEMA,       /* the file's tables are not the ones this version knows */
  GK_DOCUMENT_ERROR_CONFLICT,     /* the row changed since the copy being saved was made */
  GK_DOCUMENT_ERROR_NOT_FOUND,    /* the row no longer exists */
  GK_DOCUMENT_ERROR_UNDO_FAILED,  /* the data changed since the step; the history was cleared */
  GK_DOCUMENT_ERROR_NO_STEP,      /* nothing to undo or redo */
  GK_DOCUMENT_ERROR_BUSY,         /* undo or redo while a group of edits is open */
  GK_DOCUMENT_ERROR_READ_ONLY,    /* the document is open to look at only */
} GkDocumentError;

GQuark      gk_document_error_quark (void);

#define GK_TYPE_DOCUMENT (gk_document_get_type ())
G_DECLARE_FINAL_TYPE (GkDocument, gk_document, GK, DOCUMENT, GObject)

/* The clock that stamps the change log, and whose today a new record's
 * dates start from (the default clock unless set; the session sets its
 * own). */
GkClock     *gk_document_get_clock         (GkDocument  *self);
void         gk_document_set_clock         (GkDocument  *self,
                                            GkClock     *clock);

/* Written to updated_by and change_log; defaults to the login's real name. */
const char  *gk_document_get_user_name     (GkDocument  *self);
void         gk_document_set_user_name     (GkDocument  *self,
                                            const char  *user_name);

/* Set by every change; the file layer clears it after publishing. */
gboolean     gk_document_get_dirty         (GkDocument  *self);
void         gk_document_set_dirty         (GkDocument  *self,
                                            gboolean     dirty);

/* A document open to look at only (a municipality opened from the region,
 * a file made by a newer version): every edit, undo and redo is refused
 * with GK_DOCUMENT_ERROR_READ_ONLY, whose message ends with @reason's, and
 * changes nothing. NULL makes it editable again. */
void          gk_document_set_read_only_reason (GkDocument   *self,
                                                const GError *reason);
gboolean      gk_document_get_read_only        (GkDocument   *self);
const GError *gk_document_get_read_only_reason (GkDocument   *self);

/* ---- the live objects ----------------------------------------------------
 * Every list is a GListModel of live records (transfer none), sorted as noted.
 * Live records are read-only: edit a gk_record_copy(). */
GListModel  *gk_document_get_people              (GkDocument *self);  /* by name */
GListModel  *gk_document_get_topics              (GkDocument *self);  /* by position */
GListModel  *gk_document_get_assessments         (GkDocument *self);  /* by topic, date */
GListModel  *gk_document_get_focus_projects      (GkDocument *self);  /* by position */
GListModel  *gk_document_get_project_topics      (GkDocument *self);  /* by project */
GListModel  *gk_document_get_measures            (GkDocument *self);  /* by project id, position */
GListModel  *gk_document_get_measure_targets     (GkDocument *self);  /* by measure */
GListModel  *gk_document_get_measure_links       (GkDocument *self);  /* by from-measure */
GListModel  *gk_document_get_indicators          (GkDocument *self);  /* by position */
GListModel  *gk_document_get_indicator_topics    (GkDocument *self);  /* by indicator */
GListModel  *gk_document_get_indicator_projects  (GkDocument *self);  /* by indicator */
GListModel  *gk_document_get_measurements        (GkDocument *self);  /* by indicator, period */
GListModel  *gk_document_get_journal             (GkDocument *self);  /* newest first */
GListModel  *gk_document_get_catalogue           (GkDocument *self);  /* by topic name */
/* The list of any entity type (GK_TYPE_TOPIC, ...). */
GListModel  *gk_document_get_list                (GkDocument *self,
                                                  GType       type);

/* The single programme row, or NULL in a file that has none yet. */
GkProgramme *gk_document_get_programme           (GkDocument *self);

/* The live record with @id, or NULL (transfer none). */
GkRecord    *gk_document_lookup                  (GkDocument *self,
                                                  GType       type,
                                                  gint64      id);
GkRecord    *gk_document_lookup_in_table         (GkDocument *self,
                                                  const char *table_name,
                                                  gint64      id);
GkPerson       *gk_document_lookup_person        (GkDocument *self, gint64 id);
GkTopic        *gk_document_lookup_topic         (GkDocument *self, gint64 id);
GkFocusProject *gk_document_lookup_focus_project (GkDocument *self, gint64 id);
GkMeasure      *gk_document_lookup_measure       (GkDocument *self, gint64 id);
GkIndicator    *gk_document_lookup_indicator     (GkDocument *self, gint64 id);

/* The measurements of one indicator, oldest period first: a new array
 * holding references (transfer full), cheap (an index is kept). */
GPtrArray   *gk_document_get_measurements_for_indicator (GkDocument *self,
                                                         gint64      indicator_id);

/* The measurement of @indicator_id for the period starting on @period_date
 * (YYYY-MM-DD), or NULL (transfer none); a binary search of the index. */
GkMeasurement *gk_document_lookup_measurement   (GkDocument *self,
                                                 gint64      indicator_id,
                                                 const char *period_date);

/* The GType of the records of a table ("measure" -> GK_TYPE_MEASURE), or
 * G_TYPE_INVALID. */
GType        gk_document_type_for_table          (const char *table_name);

/* ---- editing ---------------------------------------------------------------
 * Each returns FALSE with an error (GK_VALIDATION_ERROR, GK_DOCUMENT_ERROR or
 * G_IO_ERROR) and leaves file and objects as they were when it fails. */

/* Inserts a detached @record with id 0 (or the id it asks for). On success
 * @record gets its id, version, updated_at and updated_by. A position of -1
 * (the default of new topics, projects, indicators and measures) appends
 * the row after its siblings. */
gboolean     gk_document_insert            (GkDocument  *self,
                                            GkRecord    *record,
                                            GError     **error);
/* As gk_document_insert(), for a record made only to be inserted (an
 * import's figures): inside a group, @record itself becomes the live
 * record, read-only from then on, instead of a copy of it. */
gboolean     gk_document_insert_adopt      (GkDocument  *self,
                                            GkRecord    *record,
                                            GError     **error);
/* Writes an edited copy over the row with its id. Fails with
 * GK_DOCUMENT_ERROR_CONFLICT when the row's version is no longer the
 * copy's (it changed meanwhile). Saving an unchanged copy does nothing.
 * On success the copy gets the new version. */
gboolean     gk_document_update            (GkDocument  *self,
                                            GkRecord    *record,
                                            GError     **error);
/* Deletes the row of @record (live or a copy of the current version) and,
 * as the schema says, the rows that belong to it (a project's measures,
 * targets, links...); references from other rows become empty. */
gboolean     gk_document_delete            (GkDocument  *self,
                                            GkRecord    *record,
                                            GError     **error);
/* Moves a topic, focus project or indicator (or a measure within its
 * project) to @index among its siblings, renumbering their positions. */
gboolean     gk_document_move              (GkDocument  *self,
                                            GkRecord    *record,
                                            guint        index,
                                            GError     **error);

/* Groups the edits until the matching end into one transaction and one undo
 * step called @description. Groups nest; the outermost one counts. An edit
 * that fails inside a group leaves the group's other edits in place: call
 * gk_document_cancel_group() instead of _end_group() to undo them all. */
void         gk_document_begin_group       (GkDocument  *self,
                                            const char  *description);
gboolean     gk_document_end_group         (GkDocument  *self,
                                            GError     **error);
void         gk_document_cancel_group      (GkDocument  *self);

/* A compound edit in one undo step: a new measure in @project_id copied from
 * a catalogue entry, with a target (when @topic_id is not 0) for @topic_id at
 * @target_level by @target_date (may be NULL). Returns the live measure. */
GkMeasure   *gk_document_add_measure_from_catalogue (GkDocument         *self,
                                                     GkCatalogueMeasure *entry,
                                                     gint64              project_id,
                                                     gint64              topic_id,
                                                     GkLevel             target_level,
                                                     const char         *target_date,
                                                     GError            **error);

/* ---- undo and redo ---------------------------------------------------------
 * An undo or redo is itself a change: it is logged in change_log, increments
 * the versions of the rows it touches and marks the document dirty. When the
 * data changed underneath a step (after a merge), undo fails with
 * GK_DOCUMENT_ERROR_UNDO_FAILED and the history is cleared. */
gboolean     gk_document_can_undo              (GkDocument  *self);
gboolean     gk_document_can_redo              (GkDocument  *self);
/* "Delete measure “Wachtlijst”", or NULL. */
const char  *gk_document_get_undo_description  (GkDocument  *self);
const char  *gk_document_get_redo_description  (GkDocument  *self);
gboolean     gk_document_undo                  (GkDocument  *self,
                                                GError     **error);
gboolean     gk_document_redo                  (GkDocument  *self,
                                                GError     **error);
void         gk_document_clear_history         (GkDocument  *self);

/* ---- changes made behind the document's back -------------------------------
 * After the file layer changed the database itself (applied a merge), bring
 * the live objects up to date: for the rows a @changeset touches, or for
 * everything. Both emit "changed" when anything changed. */
void         gk_document_reload_rows           (GkDocument  *self,
                                                GBytes      *changeset);
gboolean     gk_document_reload_all            (GkDocument  *self,
                                                GError     **error);

G_END_DECLS
