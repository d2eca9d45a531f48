/* fuzz-project.c: libFuzzer target for opening a project file
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes, as a file named *.gripkaart: opening must refuse them with an
 * error or open them, never crash, leak, log a critical or leave a working
 * copy behind (see fuzz-open.h). A file that opens is analysed, every chart
 * is drawn and the report is written, as `gripkaart --check`,
 * `--export-chart` and `--export-report` would.
 */
#include "config.h"

#include "fuzz-open.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;

  fuzz_setup ();
  if (!g_file_set_contents (fuzz_path, (const char *) data, size, &error))
    {
      fprintf (stderr, "fuzz: could not write %s: %s\n", fuzz_path, error->message);
      abort ();
    }
  fuzz_open_and_draw ();
  return 0;
}
