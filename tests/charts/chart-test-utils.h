/* chart-test-utils.h: look at what a chart drew
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts are tested by what lands on the surface: pixel colours sampled in
 * known places, the text boxes the renderer recorded, and the text that
 * pdftotext finds in a PDF.
 */
#pragma once

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gk-chart-common.h"
#include "gk-chart-export.h"

typedef void (*TestDrawFunc) (GkChartContext *ctx, const GkChartRect *area, gpointer data);

typedef struct {
  cairo_surface_t *surface;
  GkChartContext  *ctx;
  int              width, height;
} Rendered;

/* Draws on a white (or dark) image surface; the context stays readable for
 * text boxes and hit regions. */
static inline Rendered *
render_chart (TestDrawFunc    draw,
              gpointer        data,
              int             width,
              int             height,
              GkStyleVariant  variant,
              const GDate    *today)
{
  Rendered *r = g_new0 (Rendered, 1);
  GkChartRect area = { 0, 0, width, height };
  cairo_t *cr;

  r->width = width;
  r->height = height;
  r->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  r->ctx = gk_chart_context_new (variant);
  gk_chart_context_set_today (r->ctx, today);
  cr = cairo_create (r->surface);
  gk_chart_context_begin (r->ctx, cr);
  gk_chart_context_paint_background (r->ctx, &area);
  draw (r->ctx, &area, data);
  gk_chart_context_end (r->ctx);
  cairo_destroy (cr);
  cairo_surface_flush (r->surface);
  return r;
}

static inline void
rendered_free (Rendered *r)
{
  if (g_getenv ("GK_TEST_KEEP_PNG") != NULL)
    {
      static int n;
      g_autofree char *path = g_strdup_printf ("%s/chart-test-%d.png", g_get_tmp_dir (), n++);

      cairo_surface_write_to_png (r->surface, path);
      g_test_message ("wrote %s", path);
    }
  gk_chart_context_free (r->ctx);
  cairo_surface_destroy (r->surface);
  g_free (r);
}

static inline guint32
pixel_at (Rendered *r,
          int       x,
          int       y)
{
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, r->width);
  g_assert_cmpint (y, <, r->height);
  return *(guint32 *) (void *) (cairo_image_surface_get_data (r->surface) +
                                y * cairo_image_surface_get_stride (r->surface) + x * 4) & 0xffffff;
}

/* As cairo stores a solid colour: to 16 bits, then the high byte. */
static inline guint32
channel_to_byte (double c)
{
  return ((guint32) (CLAMP (c, 0, 1) * 65535.0 + 0.5)) >> 8;
}

static inline guint32
rgb_to_pixel (const GkRgb *rgb)
{
  return (channel_to_byte (rgb->r) << 16) | (channel_to_byte (rgb->g) << 8) | channel_to_byte (rgb->b);
}

/* The colour that covers most of a rectangle (patterns and labels are
 * thinner than the fill they sit on). */
static inline guint32
dominant_colour (Rendered          *r,
                 const GkChartRect *rect)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint32 best = 0;
  guint best_count = 0;

  for (int y = (int) ceil (rect->y); y < (int) floor (rect->y + rect->height); y++)
    for (int x = (int) ceil (rect->x); x < (int) floor (rect->x + rect->width); x++)
      {
        guint32 pixel = pixel_at (r, x, y);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel + 1))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel + 1), GUINT_TO_POINTER (n));
      }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best_count = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key) - 1;
      }
  return best;
}

static inline gboolean
rect_has_colour (Rendered          *r,
                 const GkChartRect *rect,
                 guint32            colour)
{
  for (int y = MAX ((int) ceil (rect->y), 0); y < MIN ((int) floor (rect->y + rect->height), r->height); y++)
    for (int x = MAX ((int) ceil (rect->x), 0); x < MIN ((int) floor (rect->x + rect->width), r->width); x++)
      if (pixel_at (r, x, y) == colour)
        return TRUE;
  return FALSE;
}

static inline int
channel_distance (guint32 a,
                  guint32 b)
{
  int d = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    d = MAX (d, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
  return d;
}

/* Some pixel within tolerance (per channel, 0-255) of the colour. */
static inline gboolean
rect_has_colour_near (Rendered          *r,
                      const GkChartRect *rect,
                      guint32            colour,
                      int                tolerance)
{
  for (int y = MAX ((int) ceil (rect->y), 0); y < MIN ((int) floor (rect->y + rect->height), r->height); y++)
    for (int x = MAX ((int) ceil (rect->x), 0); x < MIN ((int) floor (rect->x + rect->width), r->width); x++)
      if (channel_distance (pixel_at (r, x, y), colour) <= tolerance)
        return TRUE;
  return FALSE;
}

/* Mean relative luminance over a rectangle: what a grey-scale printer keeps. */
static inline double
mean_luminance (Rendered          *r,
                const GkChartRect *rect)
{
  double sum = 0;
  guint n = 0;

  for (int y = (int) ceil (rect->y); y < (int) floor (rect->y + rect->height); y++)
    for (int x = (int) ceil (rect->x); x < (int) floor (rect->x + rect->width); x++)
      {
        guint32 pixel = pixel_at (r, x, y);
        GkRgb rgb = { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0 };

        sum += gk_rgb_relative_luminance (&rgb);
        n++;
      }
  return n > 0 ? sum / n : 0;
}

static inline const GkChartHitRegion *
find_region (GkChartContext *ctx,
             GkChartHitKind  kind,
             int             index,
             int             sub_index)
{
  guint n;
  const GkChartHitRegion *regions = gk_chart_context_get_hit_regions (ctx, &n);

  for (guint i = 0; i < n; i++)
    if (regions[i].kind == kind && regions[i].index == index && regions[i].sub_index == sub_index)
      return &regions[i];
  return NULL;
}

/* No two recorded text boxes may share any area, nor a text the areas
 * kept clear for markers (which may overlap each other: they are not text). */
static inline void
assert_no_text_overlaps (GkChartContext *ctx)
{
  guint n;
  const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (ctx, &n);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if ((boxes[i].text != NULL || boxes[j].text != NULL) &&
          gk_chart_rect_intersects (&boxes[i].rect, &boxes[j].rect, 0.01))
        g_error ("text “%s” (%.1f,%.1f %.1fx%.1f) overlaps “%s” (%.1f,%.1f %.1fx%.1f)",
                 boxes[i].text, boxes[i].rect.x, boxes[i].rect.y, boxes[i].rect.width, boxes[i].rect.height,
                 boxes[j].text, boxes[j].rect.x, boxes[j].rect.y, boxes[j].rect.width, boxes[j].rect.height);
}

/* Whether some recorded text is exactly this. */
static inline gboolean
drew_text (GkChartContext *ctx,
           const char     *text)
{
  guint n;
  const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (ctx, &n);

  for (guint i = 0; i < n; i++)
    if (boxes[i].text != NULL && g_str_equal (boxes[i].text, text))
      return TRUE;
  return FALSE;
}

static inline guint
count_text_boxes (GkChartContext *ctx)
{
  guint n;
  const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (ctx, &n);
  guint texts = 0;

  for (guint i = 0; i < n; i++)
    texts += boxes[i].text != NULL;
  return texts;
}

/* Every text box lies inside the area it was drawn in. */
static inline void
assert_text_inside (GkChartContext *ctx,
                    double          width,
                    double          height)
{
  guint n;
  const GkChartTextBox *boxes = gk_chart_context_get_text_boxes (ctx, &n);

  for (guint i = 0; i < n; i++)
    {
      const GkChartRect *b = &boxes[i].rect;

      if (b->x < -0.5 || b->y < -0.5 || b->x + b->width > width + 0.5 || b->y + b->height > height + 0.5)
        g_error ("text “%s” (%.1f,%.1f %.1fx%.1f) is outside the %.0fx%.0f chart",
                 boxes[i].text, b->x, b->y, b->width, b->height, width, height);
    }
}

/* The text of a PDF, or NULL (the test is skipped) without pdftotext. */
static inline char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Exports to a PDF in a temporary directory and returns its text. */
static inline char *
export_pdf_text (TestDrawFunc draw,
                 gpointer     data,
                 double       width,
                 double       height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gk-chart-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *text;

  g_assert_no_error (error);
  path = g_build_filename (dir, "chart.pdf", NULL);
  g_assert_true (gk_chart_export_to_file (path, width, height, 1, (GkChartDrawFunc) draw, data, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_unlink (path);
  g_rmdir (dir);
  return text;
}

/* Switches to Dutch (nl_NL.UTF-8) for a test; FALSE and skipped when the
 * locale is not generated on this machine. */
static inline gboolean
use_dutch_locale (void)
{
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL && setlocale (LC_ALL, "nl_NL.utf8") == NULL)
    {
      g_test_skip ("the nl_NL.UTF-8 locale is not available");
      return FALSE;
    }
  return TRUE;
}

static inline void
use_c_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
}
