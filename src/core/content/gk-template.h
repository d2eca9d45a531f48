/* gk-template.h: the template for a new change programme and the measure catalogue
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template (the default topics of the roadmap with their level
 * descriptors) and the catalogue of proven measures are data that a team may
 * change. Built-in versions are compiled into the core library as a
 * GResource; a user's own files in g_get_user_config_dir()/gripkaart/
 * (template.ini, catalogue.ini) take their place. Both are GKeyFiles with
 * localized keys, read in one locale when they are loaded.
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "gk-enums.h"
#include "gk-project-file.h"

G_BEGIN_DECLS

#define GK_TEMPLATE_ERROR (gk_template_error_quark ())

typedef enum {
  GK_TEMPLATE_ERROR_INVALID,            /* a template or catalogue file is broken */
  GK_TEMPLATE_ERROR_NOT_EMPTY,          /* the project file already holds a programme */
  GK_TEMPLATE_ERROR_INVALID_PROGRAMME,  /* the GkProgrammeInit is not acceptable */
} GkTemplateError;

GQuark gk_template_error_quark (void);

/* One topic of the template, in the locale the template was loaded in. */
typedef struct {
  const char *id;                     /* the group name without "Topic ", e.g. "procurement" */
  const char *name;
  const char *description;
  const char *descriptor_serious;
  const char *descriptor_vigilant;
  const char *descriptor_in_control;
  const char *challenges;
} GkTemplateTopic;

/* One measure of the catalogue, in the locale the catalogue was loaded in. */
typedef struct {
  const char   *id;
  const char   *topic_name;           /* matches a GkTemplateTopic name, or "" */
  const char   *title;
  const char   *description;
  GkMeasureKind kind;
  GkChainPhase  chain_phase;
  const char   *expected_effect;
} GkTemplateMeasure;

/* What the user tells about a new programme. Only title is required. */
typedef struct {
  const char   *title;
  const char   *municipality;
  GkDomains     domains;
  const GDate  *start_date;           /* nullable */
  const GDate  *end_date;             /* nullable; not before start_date */
  const char   *lead_name;            /* nullable: adds a person with role projectleider */
  const char   *ambition;             /* nullable */
  GkReviewCycle review_cycle;
  const char   *author;               /* updated_by; NULL: g_get_real_name () */
  GDateTime    *now;                  /* updated_at; NULL: now on the default clock */
} GkProgrammeInit;

#define GK_TYPE_TEMPLATE (gk_template_get_type ())
G_DECLARE_FINAL_TYPE (GkTemplate, gk_template, GK, TEMPLATE, GObject)

/* The user's template and catalogue if they exist, otherwise the built-in
 * ones. A user file that exists but cannot be read or parsed is an error:
 * the user would not expect their changes to be ignored silently.
 * locale: e.g. "nl" or "nl_NL.UTF-8"; NULL means the user's languages. */
GkTemplate               *gk_template_load_default        (const char   *locale,
                                                           GError      **error);

/* The built-in template and catalogue, whatever the user has configured
 * (the demo uses these so that it is the same everywhere). */
GkTemplate               *gk_template_load_builtin        (const char   *locale,
                                                           GError      **error);

/* Explicit files; a NULL file means the built-in one. */
GkTemplate               *gk_template_load                (GFile        *template_file,
                                                           GFile        *catalogue_file,
                                                           const char   *locale,
                                                           GError      **error);

/* Where the user's own files live (they need not exist). */
char                     *gk_template_get_user_template_path  (void);
char                     *gk_template_get_user_catalogue_path (void);

guint                     gk_template_get_n_topics        (GkTemplate   *self);
const GkTemplateTopic    *gk_template_get_topic           (GkTemplate   *self,
                                                           guint         position);
guint                     gk_template_get_n_catalogue_measures (GkTemplate *self);
const GkTemplateMeasure *gk_template_get_catalogue_measure    (GkTemplate *self,
                                                                guint       position);

/* A new untitled programme (see gk_project_file_new()) filled from the
 * template as gk_template_apply() does; NULL and nothing left behind when
 * anything fails. */
GkProjectFile            *gk_template_new_programme       (GkTemplate            *self,
                                                           const GkProgrammeInit *init,
                                                           GError               **error);

/* updated_at as stored in the file: ISO 8601 in UTC, "2026-03-01T09:30:00Z". */
char                     *gk_template_format_timestamp    (GDateTime    *time);

G_END_DECLS
