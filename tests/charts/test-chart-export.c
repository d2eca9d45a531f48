/* test-chart-export.c: charts to PNG, SVG and PDF files
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "chart-fixtures.h"
#include "chart-test-utils.h"
#include "gk-file-sink.h"
#include "gk-png-writer.h"

typedef struct {
  char          *dir;
  ChartFixtures *f;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gk-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->f = chart_fixtures_new (8, 18, 20, 4, 30);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  chart_fixtures_free (fixture->f);
}

static void
draw_roadmap (GkChartContext *ctx, const GkChartRect *area, gpointer data)
{
  ChartFixtures *f = data;

  gk_chart_context_set_today (ctx, &f->today);
  gk_roadmap_chart_draw (ctx, &f->roadmap, area);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Like strstr, past the NUL bytes of binary files. */
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "roadmap.PNG", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  guint32 corner;

  g_assert_true (gk_chart_export_to_file (path, 900, 400, 2, draw_roadmap, fixture->f, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
  /* files are always light */
  corner = *(guint32 *) (void *) cairo_image_surface_get_data (image) & 0xffffff;
  g_assert_cmphex (corner, ==, 0xffffff);
  cairo_surface_destroy (image);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "roadmap.svg", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_chart_export_to_file (path, 900, 400, 1, draw_roadmap, fixture->f, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "900px"));

  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--noout", path, NULL };
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    g_test_message ("xmllint not installed: SVG not validated");
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "roadmap.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (gk_chart_export_to_file (path, 1000, 420, 1, draw_roadmap, fixture->f, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* a chart pixel is 0.75 pt: 1000 x 420 pixels make a 750 x 315 pt page */
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 750 315 ]"));

  text = pdf_text (path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Contractmanagement"));
      g_assert_nonnull (strstr (text, "Headline"));
    }
}

static void
test_unknown_extension (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "roadmap.jpg", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_chart_export_to_file (path, 900, 400, 1, draw_roadmap, fixture->f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "roadmap.jpg"));
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "roadmap.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_chart_export_to_file (path, 900, 400, 1, draw_roadmap, fixture->f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

/* An existing file is replaced whole, and no temporary file stays behind. */
static void
test_replaces_existing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "roadmap.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "an older export", -1, NULL));
  g_assert_true (gk_chart_export_to_file (path, 900, 400, 1, draw_roadmap, fixture->f, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_bad_size (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "roadmap.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_chart_export_to_file (path, 0, 400, 1, draw_roadmap, fixture->f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

static void
test_format_from_path (void)
{
  GkChartFormat format;

  g_assert_true (gk_chart_format_from_path ("/tmp/a.Pdf", &format, NULL));
  g_assert_cmpint (format, ==, GK_CHART_FORMAT_PDF);
  g_assert_true (gk_chart_format_from_path ("chart.svg", &format, NULL));
  g_assert_cmpint (format, ==, GK_CHART_FORMAT_SVG);
  g_assert_true (gk_chart_format_from_path ("chart.png", &format, NULL));
  g_assert_cmpint (format, ==, GK_CHART_FORMAT_PNG);
  g_assert_false (gk_chart_format_from_path ("chart", &format, NULL));
}

/* The bytes cairo hands over in pieces, small and large, some bigger than
 * the sink's buffer: the file holds all of them in order. */
static GByteArray *
write_pieces (GkFileSink *sink,
              gsize       total)
{
  static const guint sizes[] = { 1, 63, 4096, 70000, 17, 65536, 65535, 200000 };
  GByteArray *expected = g_byte_array_new ();
  guint i = 0;

  while (expected->len < total)
    {
      guint length = sizes[i++ % G_N_ELEMENTS (sizes)];
      g_autofree guchar *piece = g_malloc (length);

      for (guint b = 0; b < length; b++)
        piece[b] = (guchar) (expected->len + b) * 7 + (guchar) i;
      g_byte_array_append (expected, piece, length);
      if (gk_file_sink_write (sink, piece, length) != CAIRO_STATUS_SUCCESS)
        break;
    }
  return expected;
}

static void
test_sink_writes_everything (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bytes.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) expected = NULL;
  g_autofree char *contents = NULL;
  GkFileSink *sink = gk_file_sink_open (path, &error);
  gsize length;

  g_assert_no_error (error);
  expected = write_pieces (sink, 1024 * 1024);
  /* Nothing replaces the target before the close. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gk_file_sink_close (sink, CAIRO_STATUS_SUCCESS, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected->data, expected->len);
}

/* A disk that fills up: the write error shows, whether at a write or at
 * the close that writes what was buffered, and no file is left. */
static void
test_sink_write_error (Fixture       *fixture,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (fixture->dir, "full.bin", NULL);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 100 * 1000, 100 * 1000 };
      GkFileSink *sink;

      /* Files beyond 100 kB fail with EFBIG instead of a signal. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      sink = gk_file_sink_open (path, &error);
      g_assert_no_error (error);
      g_byte_array_unref (write_pieces (sink, 1024 * 1024));
      g_assert_false (gk_file_sink_close (sink, CAIRO_STATUS_SUCCESS, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "full.bin"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (fixture->dir), ==, 0);

      /* A small file that fails only at the close, from its buffer. */
      g_clear_error (&error);
      sink = gk_file_sink_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &(struct rlimit) { 10, 10 }), ==, 0);
      g_assert_cmpint (gk_file_sink_write (sink, (const guchar *) "%PDF-1.5 and some more", 22), ==,
                       CAIRO_STATUS_SUCCESS);
      g_assert_false (gk_file_sink_close (sink, CAIRO_STATUS_SUCCESS, &error));
      g_assert_nonnull (error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (fixture->dir), ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  GByteArray *bytes;
  gsize       offset;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->bytes->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->bytes->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode (GByteArray *png)
{
  Reader reader = { png, 0 };

  return cairo_image_surface_create_from_png_stream (read_bytes, &reader);
}

/* Colours, soft edges, text and, for ARGB32, see-through parts. */
static cairo_surface_t *
sample_image (cairo_format_t format)
{
  cairo_surface_t *surface = cairo_image_surface_create (format, 301, 157);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgba (cr, 0.2, 0.5, 0.8, format == CAIRO_FORMAT_ARGB32 ? 0.0 : 1.0);
  cairo_paint (cr);
  for (int i = 0; i < 40; i++)
    {
      cairo_set_source_rgba (cr, (i % 7) / 7.0, (i % 3) / 3.0, (i % 5) / 5.0, 0.2 + (i % 4) * 0.2);
      cairo_arc (cr, 7.3 * i, 3.9 * i, 11 + i % 9, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_move_to (cr, 10, 140);
  cairo_set_font_size (cr, 18);
  cairo_show_text (cr, "Gripkaart 2026");
  cairo_destroy (cr);
  return surface;
}

static cairo_status_t
fail_after_header (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  guint *calls = closure;

  return ++*calls > 2 ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* The quick writer's PNG holds the same pixels as cairo's own, for an
 * opaque and a see-through image; a failing stream fails the write. */
static void
test_png_writer (void)
{
  static const cairo_format_t formats[] = { CAIRO_FORMAT_RGB24, CAIRO_FORMAT_ARGB32 };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      cairo_surface_t *image = sample_image (formats[f]);
      g_autoptr(GByteArray) ours = g_byte_array_new ();
      g_autoptr(GByteArray) theirs = g_byte_array_new ();
      cairo_surface_t *a, *b;
      guint calls = 0;

      g_assert_cmpint (gk_png_write (image, append_bytes, ours), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_surface_write_to_png_stream (image, append_bytes, theirs), ==, CAIRO_STATUS_SUCCESS);
      a = decode (ours);
      b = decode (theirs);
      g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_format (a), ==, cairo_image_surface_get_format (b));
      g_assert_cmpint (cairo_image_surface_get_width (a), ==, 301);
      g_assert_cmpint (cairo_image_surface_get_height (a), ==, 157);
      g_assert_cmpint (cairo_image_surface_get_stride (a), ==, cairo_image_surface_get_stride (b));
      g_assert_cmpmem (cairo_image_surface_get_data (a),
                       cairo_image_surface_get_stride (a) * 157,
                       cairo_image_surface_get_data (b),
                       cairo_image_surface_get_stride (b) * 157);
      if (formats[f] == CAIRO_FORMAT_RGB24)
        for (int y = 0; y < 157; y++)
          for (int x = 0; x < 301; x++)
            g_assert_cmphex (((guint32 *) (void *) (cairo_image_surface_get_data (a) +
                                                    y * cairo_image_surface_get_stride (a)))[x] & 0xffffff, ==,
                             ((guint32 *) (void *) (cairo_image_surface_get_data (image) +
                                                    y * cairo_image_surface_get_stride (image)))[x] & 0xffffff);

      g_assert_cmpint (gk_png_write (image, fail_after_header, &calls), ==, CAIRO_STATUS_WRITE_ERROR);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
      cairo_surface_destroy (image);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  use_c_locale ();

  g_test_add ("/export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/export/unknown-extension", Fixture, NULL, fixture_set_up, test_unknown_extension, fixture_tear_down);
  g_test_add ("/export/missing-folder", Fixture, NULL, fixture_set_up, test_missing_folder, fixture_tear_down);
  g_test_add ("/export/replaces-existing", Fixture, NULL, fixture_set_up, test_replaces_existing, fixture_tear_down);
  g_test_add ("/export/bad-size", Fixture, NULL, fixture_set_up, test_bad_size, fixture_tear_down);
  g_test_add_func ("/export/format-from-path", test_format_from_path);
  g_test_add ("/export/sink/writes-everything", Fixture, NULL, fixture_set_up, test_sink_writes_everything,
              fixture_tear_down);
  g_test_add_func ("/export/png-writer", test_png_writer);
  g_test_add ("/export/sink/write-error", Fixture, NULL, fixture_set_up, test_sink_write_error, fixture_tear_down);

  return g_test_run ();
}
