/* gk-report-paper.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gk-report-paper.h"

gboolean
gk_report_paper_from_name (const char    *name,
                           GkReportPaper *out_paper)
{
  if (name != NULL && g_ascii_strcasecmp (name, "a4") == 0)
    *out_paper = GK_REPORT_PAPER_A4;
  else if (name != NULL && g_ascii_strcasecmp (name, "a3") == 0)
    *out_paper = GK_REPORT_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}

gboolean
gk_report_orientation_from_name (const char          *name,
                                 GkReportOrientation *out_orientation)
{
  if (name != NULL && g_ascii_strcasecmp (name, "portrait") == 0)
    *out_orientation = GK_REPORT_ORIENTATION_PORTRAIT;
  else if (name != NULL && g_ascii_strcasecmp (name, "landscape") == 0)
    *out_orientation = GK_REPORT_ORIENTATION_LANDSCAPE;
  else
    return FALSE;
  return TRUE;
}

void
gk_report_paper_get_size (GkReportPaper        paper,
                          GkReportOrientation  orientation,
                          double              *width_pt,
                          double              *height_pt)
{
  /* ISO 216, in points: A4 is 210 x 297 mm, A3 297 x 420 mm. */
  double short_side = (paper == GK_REPORT_PAPER_A3 ? 297.0 : 210.0) / 25.4 * 72.0;
  double long_side = (paper == GK_REPORT_PAPER_A3 ? 420.0 : 297.0) / 25.4 * 72.0;
  gboolean landscape = orientation == GK_REPORT_ORIENTATION_LANDSCAPE;

  *width_pt = landscape ? long_side : short_side;
  *height_pt = landscape ? short_side : long_side;
}
