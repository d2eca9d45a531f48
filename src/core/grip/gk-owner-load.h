/* gk-owner-load.h: what each person owns, and how much of it needs attention
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The owner load view of the team page: for every person the focus
 * projects, measures and topics they are the owner of, with how many of
 * those measures are overdue, how many of those topics are Serious and how
 * many of those projects are off track. Items without an owner are
 * gathered in one load whose person is NULL, because "nobody" is a load the
 * programme lead must see too.
 */
#pragma once

#include "gk-analysis.h"
#include "gk-document.h"

G_BEGIN_DECLS

typedef struct {
  GkPerson  *person;       /* borrowed; NULL for the items nobody owns */
  GPtrArray *projects;     /* GkFocusProject, borrowed, in the document's order */
  GPtrArray *measures;     /* GkMeasure, borrowed, in the document's order */
  GPtrArray *topics;       /* GkTopic, borrowed, in the document's order */
  guint      n_overdue;    /* measures past their due date, not done or dropped */
  guint      n_serious;    /* topics whose current (assessed) level is Serious */
  guint      n_off_track;  /* focus projects whose health is off track */
} GkOwnerLoad;

/* One load per person of @document, in the order of its people list, then
 * (only when there is something nobody owns) the load with person NULL.
 * Overdue is judged on the analysis' today and Serious by its assessed
 * levels. The loads borrow the document's live records: use them before the
 * document changes. Returns a new array that frees its loads. */
GPtrArray *gk_owner_load_collect      (GkDocument        *document,
                                       GkAnalysis        *analysis);

/* How many items the load holds in all. */
guint      gk_owner_load_get_n_items  (const GkOwnerLoad *load);

/* TRUE when @measure is overdue on @today (see gk_attention_measure_overdue). */
gboolean   gk_owner_load_measure_is_overdue (GkMeasure   *measure,
                                             const GDate *today);

/* TRUE when @project is off track while it runs (active or paused), as the
 * attention signal counts it. */
gboolean   gk_owner_load_project_is_off_track (GkFocusProject *project);

void       gk_owner_load_free         (GkOwnerLoad       *load);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkOwnerLoad, gk_owner_load_free)

G_END_DECLS
