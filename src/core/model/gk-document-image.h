/* gk-document-image.h: a frozen copy of a document, for another thread
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GkDocument and its connection belong to the thread that uses them (the
 * main thread, in the app). Work that takes long on the document's data,
 * such as writing the progress report to a file, runs in a worker thread on
 * an image instead: the main thread takes it in a few milliseconds (a byte
 * copy of the database), and the worker loads its own document from it, on
 * a private in-memory connection that nothing else sees. Edits made after
 * the image was taken are not in it.
 */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

typedef struct _GkDocumentImage GkDocumentImage;

/* Takes the image of what document holds now. */
GkDocumentImage *gk_document_image_new          (GkDocument       *document,
                                                 GError          **error);
/* The document of the image, loaded on the first call (in the thread that
 * makes it: from then on only that thread may use it). Owned by image. */
GkDocument      *gk_document_image_get_document (GkDocumentImage  *image,
                                                 GError          **error);
/* Frees the image and its document; nothing may hold that document any
 * more (its connection closes). */
void             gk_document_image_free         (GkDocumentImage  *image);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDocumentImage, gk_document_image_free)

G_END_DECLS
