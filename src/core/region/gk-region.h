/* gk-region.h: several municipalities' programmes, read side by side
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A region is a list of member files (DESIGN.md, section 9): named one by
 * one, a folder's *.gripkaart files, or a region file
 * (*.gripkaart-region, a key file listing the members by path relative to
 * it). Loading reads every member once, in worker threads, into a small
 * GkRegionMember (gk-region-member.h); nothing is ever written to a member.
 * A member that cannot be read (damaged, not a Gripkaart file, made by a
 * newer version, unreadable) is left out and listed with its reason; the
 * others are shown.
 */
#pragma once

#include "gk-region-member.h"

G_BEGIN_DECLS

#define GK_REGION_FILE_SUFFIX ".gripkaart-region"

#define GK_TYPE_REGION (gk_region_get_type ())
G_DECLARE_FINAL_TYPE (GkRegion, gk_region, GK, REGION, GObject)

GkRegion   *gk_region_new              (void);

/* Adds a member file, every *.gripkaart file of a folder (sorted by name,
 * not its subfolders), or the members of a region file, by what path is.
 * A path named twice counts once. FALSE with a translated error when a
 * folder or region file cannot be read (G_IO_ERROR / G_KEY_FILE_ERROR);
 * a member file is only judged when loading. */
gboolean    gk_region_add_path         (GkRegion     *self,
                                        const char   *path,
                                        GError      **error);
/* The member files, absolute, in the order they were added. */
GPtrArray  *gk_region_get_paths        (GkRegion     *self);

/* The region's name: the region file's, else the folder's, else "". */
const char *gk_region_get_name         (GkRegion     *self);
void        gk_region_set_name         (GkRegion     *self,
                                        const char   *name);

/* Writes a region file at path listing the members relative to its
 * folder (written beside and renamed, so a half file is never left). */
gboolean    gk_region_save             (GkRegion     *self,
                                        const char   *path,
                                        GError      **error);

/* Called in the caller's thread (sync) or main context (async) after each
 * member: how many of how many are done. */
typedef void (*GkRegionProgressFunc) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* Reads every member, judged on today, in up to as many threads as there
 * are processors. Cancelling leaves out the members not read yet (FALSE,
 * G_IO_ERROR_CANCELLED); bad members never make it fail. */
gboolean    gk_region_load             (GkRegion              *self,
                                        const GDate           *today,
                                        GCancellable          *cancellable,
                                        GkRegionProgressFunc   progress,
                                        gpointer               user_data,
                                        GError               **error);
/* The same in a worker thread; progress and callback run in the caller's
 * thread-default main context. The lists grow while it runs: the members
 * read so far (and those left out) are added in the order of get_paths(),
 * in batches (at once until the first member that could be read, then at
 * most every 100 ms), each before the progress that counts it; when it is done they are what
 * gk_region_load() makes them. A region shown while it loads follows
 * items-changed of get_members(). */
void        gk_region_load_async       (GkRegion              *self,
                                        const GDate           *today,
                                        GCancellable          *cancellable,
                                        GkRegionProgressFunc   progress,
                                        gpointer               user_data,
                                        GAsyncReadyCallback    callback,
                                        gpointer               callback_data);
gboolean    gk_region_load_finish      (GkRegion              *self,
                                        GAsyncResult          *result,
                                        GError               **error);

/* The members read (GkRegionMember), in the order of get_paths(), and
 * those left out (each with get_error()). */
GListModel *gk_region_get_members      (GkRegion     *self);
GListModel *gk_region_get_left_out     (GkRegion     *self);
/* "Left out: a.gripkaart, b.gripkaart" (translated), or NULL when none. */
char       *gk_region_describe_left_out (GkRegion    *self);

/* The topics of all members, matched by name (gk_region_name_key()): each
 * name as the first member that has it spells it, in the order met. */
GPtrArray  *gk_region_get_topic_names  (GkRegion     *self);

/* An indicator that several members share: same name and unit. */
typedef struct {
  char      *name;
  GkUnit     unit;
  GPtrArray *members;     /* GkRegionMember (references) */
  GPtrArray *indicators;  /* const GkRegionIndicator, the members' own, same order */
} GkRegionShared;

void        gk_region_shared_free      (GkRegionShared *shared);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkRegionShared, gk_region_shared_free)

/* GkRegionShared of the indicators at least two members have, most
 * shared first, then by name. */
GPtrArray  *gk_region_get_shared_indicators (GkRegion *self);

/* A focus project or measure found by a search. */
typedef struct {
  GkRegionMember     *member;  /* borrowed */
  const GkRegionWork *work;
} GkRegionHit;

/* Focus projects and measures whose title, project or owner holds every
 * word of query (ignoring case and accents' composition), by member; all
 * of them for an empty query. Free with g_ptr_array_unref(). */
GPtrArray  *gk_region_search           (GkRegion     *self,
                                        const char   *query);

G_END_DECLS
