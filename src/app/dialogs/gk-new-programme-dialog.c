/* gk-new-programme-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Emits "created" with a new, untitled GkProjectFile that holds the programme
 * made from the template; the window takes it from there.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-date.h"
#include "gk-form.h"
#include "gk-new-programme-dialog.h"
#include "gk-template.h"

struct _GkNewProgrammeDialog
{
  AdwWindow       parent_instance;

  AdwEntryRow    *title_row;
  AdwEntryRow    *municipality_row;
  AdwEntryRow    *lead_row;
  GtkCheckButton *jeugd_check;
  GtkCheckButton *wmo_check;
  GtkCheckButton *participatie_check;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwComboRow    *cycle_row;
  GtkLabel       *error_label;
};

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkNewProgrammeDialog, gk_new_programme_dialog, ADW_TYPE_WINDOW)

/* Shows the message under the form and marks the row where the mistake is. */
static void
show_problem (GkNewProgrammeDialog *self,
              GtkWidget            *row,
              const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
clear_problems (GkNewProgrammeDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* An empty entry is no date; anything else must be a real one. */
static gboolean
read_optional_date (GkNewProgrammeDialog *self,
                    AdwEntryRow          *row,
                    GDate                *out_date,
                    gboolean             *out_set)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  *out_set = FALSE;
  if (*stripped == '\0')
    return TRUE;
  if (!gk_date_parse_user (text, out_date, &error))
    {
      show_problem (self, GTK_WIDGET (row), error->message);
      return FALSE;
    }
  *out_set = TRUE;
  return TRUE;
}

static GkDomains
read_domains (GkNewProgrammeDialog *self)
{
  GkDomains domains = GK_DOMAIN_NONE;

  if (gtk_check_button_get_active (self->jeugd_check))
    domains |= GK_DOMAIN_JEUGD;
  if (gtk_check_button_get_active (self->wmo_check))
    domains |= GK_DOMAIN_WMO;
  if (gtk_check_button_get_active (self->participatie_check))
    domains |= GK_DOMAIN_PARTICIPATIE;
  return domains;
}

static GkProjectFile *
create_programme (GkNewProgrammeDialog *self,
                  GkProgrammeInit      *init,
                  GError              **error)
{
  g_autoptr(GkTemplate) template = gk_template_load_default (NULL, error);

  if (template == NULL)
    return NULL;
  return gk_template_new_programme (template, init, error);
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkNewProgrammeDialog *self = GK_NEW_PROGRAMME_DIALOG (widget);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *lead = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->lead_row))));
  g_autoptr(GkProjectFile) project = NULL;
  g_autoptr(GError) error = NULL;
  GDate start, end;
  gboolean has_start, has_end;
  GkProgrammeInit init = { 0 };

  clear_problems (self);
  if (*title == '\0')
    {
      show_problem (self, GTK_WIDGET (self->title_row), _("Give the change programme a title."));
      return;
    }
  if (!read_optional_date (self, self->start_row, &start, &has_start) ||
      !read_optional_date (self, self->end_row, &end, &has_end))
    return;
  if (has_start && has_end && g_date_compare (&end, &start) < 0)
    {
      show_problem (self, GTK_WIDGET (self->end_row), _("The end date is before the start date."));
      return;
    }

  init.title = title;
  init.municipality = gtk_editable_get_text (GTK_EDITABLE (self->municipality_row));
  init.domains = read_domains (self);
  init.start_date = has_start ? &start : NULL;
  init.end_date = has_end ? &end : NULL;
  init.lead_name = *lead != '\0' ? lead : NULL;
  init.review_cycle = adw_combo_row_get_selected (self->cycle_row) == 1 ? GK_REVIEW_CYCLE_QUARTERLY
                                                                         : GK_REVIEW_CYCLE_MONTHLY;

  project = create_programme (self, &init, &error);
  if (project == NULL)
    {
      show_problem (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, project);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gk_new_programme_dialog_class_init (GkNewProgrammeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * GkNewProgrammeDialog::created:
   * @project: the new, untitled project file (not yet saved)
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, GK_TYPE_PROJECT_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-new-programme-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, jeugd_check);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, wmo_check);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, participatie_check);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewProgrammeDialog, error_label);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_new_programme_dialog_init (GkNewProgrammeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return does it from any field. */
  gk_form_add_save_shortcut (GTK_WIDGET (self), "dialog.create");
}

GkNewProgrammeDialog *
gk_new_programme_dialog_new (GtkWindow *parent)
{
  return g_object_new (GK_TYPE_NEW_PROGRAMME_DIALOG, "transient-for", parent, NULL);
}

void
gk_new_programme_dialog_set_values (GkNewProgrammeDialog *self,
                                    const char           *title,
                                    const char           *municipality,
                                    const char           *lead,
                                    const char           *start,
                                    const char           *end)
{
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->municipality_row), municipality);
  gtk_editable_set_text (GTK_EDITABLE (self->lead_row), lead);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end);
}
