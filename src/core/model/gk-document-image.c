/* gk-document-image.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-image.h"
#include "gk-document-private.h"

struct _GkDocumentImage
{
  unsigned char *bytes;     /* until loaded: then the connection owns them */
  sqlite3_int64  size;
  char          *user_name;
  sqlite3       *db;
  GkDocument    *document;
};

static void
set_image_error (GError     **error,
                 int          rc)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The programme could not be copied for the export (%s)."), sqlite3_errstr (rc));
}

unsigned char *
gk_database_serialize (sqlite3       *db,
                       sqlite3_int64 *size)
{
  unsigned char *image = sqlite3_serialize (db, "main", size, 0);

  /* The header's file format bytes say "WAL" (2) for a database in WAL
   * mode (the working copy); an in-memory database cannot open such an
   * image, and the pages are the whole database (serializing reads
   * through the log). */
  if (image != NULL && *size >= 20)
    {
      if (image[18] == 2)
        image[18] = 1;
      if (image[19] == 2)
        image[19] = 1;
    }
  return image;
}

GkDocumentImage *
gk_document_image_new (GkDocument  *document,
                       GError     **error)
{
  g_autoptr(GkDocumentImage) image = g_new0 (GkDocumentImage, 1);
  sqlite3 *db;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = gk_document_get_db (document);
  image->bytes = gk_database_serialize (db, &image->size);
  if (image->bytes == NULL)
    {
      set_image_error (error, sqlite3_errcode (db) != SQLITE_OK ? sqlite3_errcode (db) : SQLITE_NOMEM);
      return NULL;
    }
  image->user_name = g_strdup (gk_document_get_user_name (document));
  return g_steal_pointer (&image);
}

GkDocument *
gk_document_image_get_document (GkDocumentImage  *image,
                                GError          **error)
{
  int rc;

  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (image->document != NULL)
    return image->document;

  if (image->db == NULL)
    {
      rc = sqlite3_open_v2 (":memory:", &image->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_PRIVATECACHE, NULL);
      if (rc != SQLITE_OK)
        {
          set_image_error (error, rc);
          g_clear_pointer (&image->db, sqlite3_close);
          return NULL;
        }
      /* The connection takes the bytes over, also when it fails. */
      rc = sqlite3_deserialize (image->db, "main", g_steal_pointer (&image->bytes), image->size,
                                image->size, SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
      if (rc != SQLITE_OK)
        {
          set_image_error (error, rc);
          return NULL;
        }
    }

  image->document = gk_document_new_for_db (image->db, error);
  if (image->document != NULL && image->user_name != NULL)
    gk_document_set_user_name (image->document, image->user_name);
  return image->document;
}

void
gk_document_image_free (GkDocumentImage *image)
{
  if (image == NULL)
    return;
  g_clear_object (&image->document);
  g_clear_pointer (&image->db, sqlite3_close_v2);
  sqlite3_free (image->bytes);
  g_free (image->user_name);
  g_free (image);
}
