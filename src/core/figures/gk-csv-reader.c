/* gk-csv-reader.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gk-csv-reader.h"

/* Lines looked at to choose the separator. */
#define SAMPLE_LINES 64

/* ---- encoding ----------------------------------------------------------------- */

/* Text files never hold NUL or most other control characters; binary files
 * (a PDF, an image, an old .xls) nearly always do, in their first bytes. */
static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  gsize n = MIN (length, 64 * 1024);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        controls++;
    }
  return controls > 0 && controls * 100 >= n;  /* a stray one is tolerated */
}

/* Converts the file to UTF-8 without a byte order mark. */
static char *
to_utf8 (const guchar  *data,
         gsize          length,
         gsize         *out_length,
         GkCsvFormat   *format,
         GError       **error)
{
  const char *from = NULL;
  gsize skip = 0;
  g_autoptr(GError) convert_error = NULL;
  char *text;

  format->had_bom = FALSE;
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      format->had_bom = TRUE;
      skip = 3;
    }
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    from = "UTF-16LE", skip = 2;
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    from = "UTF-16BE", skip = 2;

  data += skip;
  length -= skip;

  if (from != NULL)
    format->had_bom = TRUE;
  else if (looks_binary (data, length))
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NOT_SPREADSHEET,
                           _("This is not a spreadsheet or a text file with figures: it holds binary data."));
      return NULL;
    }
  else if (g_utf8_validate_len ((const char *) data, length, NULL))
    from = "UTF-8";
  else
    from = "WINDOWS-1252";

  format->encoding = from;
  if (g_str_equal (from, "UTF-8"))
    {
      *out_length = length;
      return g_strndup ((const char *) data, length);
    }

  text = g_convert ((const char *) data, length, "UTF-8", from, NULL, out_length, &convert_error);
  if (text == NULL || (g_str_equal (from, "WINDOWS-1252") && looks_binary ((guchar *) text, *out_length)))
    {
      g_free (text);
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_NOT_SPREADSHEET,
                           _("This file is not text in an encoding Gripkaart knows (UTF-8, UTF-16 or Windows-1252)."));
      return NULL;
    }
  /* Skip a byte order mark that survived the conversion. */
  if (*out_length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (text, text + 3, *out_length - 3 + 1);
      *out_length -= 3;
    }
  return text;
}

/* ---- parsing ------------------------------------------------------------------ */

typedef struct {
  GkSheet  *sheet;        /* NULL while sampling */
  guint     column;
  guint     line;         /* the physical line being fed */
  guint     row_line;     /* the line the current record started on, 0 between records */
  GError   *error;
  /* sampling: field counts of the records seen */
  GArray   *counts;
} ParseState;

static void
field_cb (void   *field,
          size_t  length,
          void   *user_data)
{
  ParseState *state = user_data;

  if (state->error != NULL)
    return;
  if (state->sheet != NULL)
    gk_sheet_set_cell (state->sheet, state->column, GK_CELL_TEXT, 0, field, length, &state->error);
  state->column++;
}

static void
row_cb (int   terminator,
        void *user_data)
{
  ParseState *state = user_data;

  if (state->error != NULL)
    return;
  if (state->counts != NULL)
    g_array_append_val (state->counts, state->column);
  if (state->sheet != NULL)
    {
      gk_sheet_end_row (state->sheet, &state->error);
      gk_sheet_begin_row (state->sheet, state->line + 1);
    }
  state->column = 0;
  state->row_line = 0;
}

static gboolean
line_is_blank (const char *line,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
      return FALSE;
  return TRUE;
}

/* The length of the line at @p with its end: "\n", "\r\n" or a lone "\r". */
static gsize
line_length (const char *p,
             const char *end)
{
  for (const char *q = p; q < end; q++)
    {
      if (*q == '\n')
        return q - p + 1;
      if (*q == '\r')
        return (q + 1 < end && q[1] == '\n') ? q - p + 2 : q - p + 1;
    }
  return end - p;
}

/* Feeds @text to libcsv a physical line at a time, so that every record
 * knows the line it started on (fields may span lines). At most @max_lines
 * lines (0: all). */
static void
parse_lines (const char *text,
             gsize       length,
             char        separator,
             ParseState *state,
             guint       max_lines)
{
  struct csv_parser parser;
  const char *p = text;
  const char *end = text + length;

  csv_init (&parser, CSV_APPEND_NULL);
  csv_set_delim (&parser, (unsigned char) separator);

  state->line = 0;
  state->column = 0;
  state->row_line = 0;
  while (p < end && state->error == NULL && (max_lines == 0 || state->line < max_lines))
    {
      gsize n = line_length (p, end);

      state->line++;
      if (state->row_line == 0 && !line_is_blank (p, n))
        {
          state->row_line = state->line;
          if (state->sheet != NULL)
            gk_sheet_begin_row (state->sheet, state->line);
        }
      if (csv_parse (&parser, p, n, field_cb, row_cb, state) != n && state->error == NULL)
        g_set_error (&state->error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_DAMAGED,
                     _("Line %u could not be read: %s"), state->line, csv_strerror (csv_error (&parser)));
      p += n;
    }
  if (state->error == NULL)
    csv_fini (&parser, field_cb, row_cb, state);
  csv_free (&parser);
}

/* The separator that gives most records the same number of fields (more
 * than one). Dutch Excel writes ';'; a comma inside "12,5" must not win. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  static const char candidates[] = { ';', '\t', ',' };
  char best = ';';
  guint best_score = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      ParseState state = { 0 };
      g_autoptr(GHashTable) histogram = g_hash_table_new (NULL, NULL);
      guint score = 0;

      state.counts = g_array_new (FALSE, FALSE, sizeof (guint));
      parse_lines (text, length, candidates[c], &state, SAMPLE_LINES);
      for (guint i = 0; i < state.counts->len; i++)
        {
          guint n = g_array_index (state.counts, guint, i);
          guint seen;

          if (n < 2)
            continue;
          seen = GPOINTER_TO_UINT (g_hash_table_lookup (histogram, GUINT_TO_POINTER (n))) + 1;
          g_hash_table_insert (histogram, GUINT_TO_POINTER (n), GUINT_TO_POINTER (seen));
          score = MAX (score, seen);
        }
      g_array_unref (state.counts);
      g_clear_error (&state.error);
      if (score > best_score)
        {
          best_score = score;
          best = candidates[c];
        }
    }
  return best;
}

GkSheet *
gk_csv_read (GBytes       *data,
             const char   *name,
             GkCsvFormat  *out_format,
             GError      **error)
{
  GkCsvFormat format = { ';', "UTF-8", FALSE };
  g_autofree char *text = NULL;
  g_autoptr(GkSheet) sheet = NULL;
  ParseState state = { 0 };
  gsize length = 0;
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);

  g_return_val_if_fail (data != NULL, NULL);

  if (size == 0 || line_is_blank ((const char *) bytes, size))
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  text = to_utf8 (bytes, size, &length, &format, error);
  if (text == NULL)
    return NULL;

  format.separator = detect_separator (text, length);
  sheet = gk_sheet_new (name);
  state.sheet = sheet;
  parse_lines (text, length, format.separator, &state, 0);
  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      return NULL;
    }
  if (gk_sheet_get_n_rows (sheet) == 0)
    {
      g_set_error_literal (error, GK_FIGURES_ERROR, GK_FIGURES_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (out_format != NULL)
    *out_format = format;
  return g_steal_pointer (&sheet);
}
