/* gk-region-member.h: what the region keeps of one municipality's file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A region holds up to a few hundred files (the whole country is 342
 * municipalities). Each is read once: opened read-only through the
 * hardened path (gk-project-snapshot.h), analysed, and reduced to this
 * summary; then its document and connection are closed and its temporary
 * copy removed. A member holds a few kilobytes, whatever its file holds.
 * A member that could not be read keeps only its path and the reason.
 */
#pragma once

#include <gio/gio.h>

#include "gk-attention.h"
#include "gk-enums.h"
#include "gk-grip.h"

G_BEGIN_DECLS

typedef struct {
  char    *name;
  GkLevel  level;        /* assessed on or before today; NONE when not assessed */
  GkLevel  signalled;    /* what its indicators signal; NONE if nothing */
} GkRegionTopic;

typedef struct {
  char   *period;        /* YYYY-MM-DD, the period's first day */
  double  value;
} GkRegionFigure;

typedef struct {
  char        *name;
  GkUnit       unit;
  GkDirection  direction;
  GkFrequency  frequency;
  GkLevel      signalled;
  GArray      *figures;  /* GkRegionFigure, oldest first */
} GkRegionIndicator;

typedef enum {
  GK_REGION_WORK_PROJECT,
  GK_REGION_WORK_MEASURE,
} GkRegionWorkKind;

typedef struct {
  GkRegionWorkKind kind;
  char            *title;
  char            *project;   /* a measure's focus project; NULL for a project */
  int              status;    /* GkProjectStatus or GkMeasureStatus, by kind */
  char            *owner;     /* "" when nobody owns it */
} GkRegionWork;

typedef struct {
  GkSeverity  severity;
  char       *message;
} GkRegionSignal;

/* "Focus project, active" or "Measure, in progress": the status by kind. */
const char *gk_region_work_status_label (const GkRegionWork *work);

#define GK_TYPE_REGION_MEMBER (gk_region_member_get_type ())
G_DECLARE_FINAL_TYPE (GkRegionMember, gk_region_member, GK, REGION_MEMBER, GObject)

/* Reads path (see the top of this file), judged on today; the temporary
 * copy goes in tmp_dir. Safe in any thread. NULL with a translated error
 * (GK_PROJECT_ERROR, naming the file) when it cannot be read. */
GkRegionMember *gk_region_member_load         (const char     *path,
                                               const GDate    *today,
                                               const char     *tmp_dir,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* A member left out, with why. */
GkRegionMember *gk_region_member_new_left_out (const char     *path,
                                               const GError   *reason);

const char     *gk_region_member_get_path         (GkRegionMember *self);
/* The file's name for people ("Utrecht.gripkaart"). */
const char     *gk_region_member_get_display_name (GkRegionMember *self);
/* NULL when it was read. */
const GError   *gk_region_member_get_error        (GkRegionMember *self);

/* The municipality, else the programme's title, else the file's name. */
const char     *gk_region_member_get_municipality (GkRegionMember *self);
const char     *gk_region_member_get_title        (GkRegionMember *self);
GkLevel         gk_region_member_get_headline     (GkRegionMember *self);
GkGripTrend     gk_region_member_get_trend        (GkRegionMember *self);

/* GkRegionTopic, in the programme's order. */
GPtrArray      *gk_region_member_get_topics       (GkRegionMember *self);
/* Matched by name, ignoring case and spaces around it; NULL when the
 * programme has no such topic. */
const GkRegionTopic *gk_region_member_lookup_topic (GkRegionMember *self,
                                                    const char     *name);
/* GkRegionIndicator, in the programme's order. */
GPtrArray      *gk_region_member_get_indicators   (GkRegionMember *self);
/* GkRegionWork: the focus projects, each followed by its measures. */
GPtrArray      *gk_region_member_get_work         (GkRegionMember *self);
/* GkRegionSignal, most severe first. */
GPtrArray      *gk_region_member_get_signals      (GkRegionMember *self);

/* Headline level worst first, then by municipality (for lists). */
int             gk_region_member_compare_headline (GkRegionMember *a,
                                                   GkRegionMember *b);

/* The key names are matched by: casefolded, trimmed. */
char           *gk_region_name_key                (const char     *name);

G_END_DECLS
