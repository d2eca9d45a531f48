/* gk-work-indicator.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File work runs in worker threads (DESIGN.md, section 6), so the window
 * stays responsive; this tells the user that something is still going on,
 * as GNOME apps do with a spinner in the header bar. Hidden while idle.
 */
#include "config.h"

#include "gk-work-indicator.h"

typedef struct {
  guint         id;
  char         *what;
  GApplication *application;   /* held while the work runs; may be NULL */
  gboolean      marked_busy;
} Work;

struct _GkWorkIndicator
{
  GtkWidget  parent_instance;

  GtkWidget *spinner;
  GArray    *works;            /* Work, oldest first */
  guint      last_id;
};

G_DEFINE_FINAL_TYPE (GkWorkIndicator, gk_work_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
work_clear (gpointer data)
{
  Work *work = data;

  g_clear_pointer (&work->what, g_free);
  if (work->application != NULL)
    {
      if (work->marked_busy)
        g_application_unmark_busy (work->application);
      g_application_release (work->application);
      g_clear_object (&work->application);
    }
}

static void
update (GkWorkIndicator *self)
{
  gboolean busy = self->works->len > 0;
  const char *what = gk_work_indicator_get_what (self);

  gtk_widget_set_visible (GTK_WIDGET (self), busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  what != NULL ? what : "", -1);
}

guint
gk_work_indicator_begin (GkWorkIndicator *self,
                         const char      *what)
{
  GtkRoot *root;
  Work work = { 0 };

  g_return_val_if_fail (GK_IS_WORK_INDICATOR (self), 0);
  g_return_val_if_fail (what != NULL, 0);

  work.id = ++self->last_id;
  work.what = g_strdup (what);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    {
      work.application = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (root))));
      g_application_hold (work.application);
      /* Busy is told over D-Bus (GLib 2.74 fails without a bus). */
      work.marked_busy = g_application_get_dbus_connection (work.application) != NULL;
      if (work.marked_busy)
        g_application_mark_busy (work.application);
    }
  g_array_append_val (self->works, work);
  /* Until the work ends, even when its window closes before. */
  g_object_ref (self);

  update (self);
  if (self->works->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return work.id;
}

void
gk_work_indicator_end (GkWorkIndicator *self,
                       guint            id)
{
  g_return_if_fail (GK_IS_WORK_INDICATOR (self));

  for (guint i = 0; i < self->works->len; i++)
    if (g_array_index (self->works, Work, i).id == id)
      {
        g_array_remove_index (self->works, i);
        update (self);
        if (self->works->len == 0)
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
        g_object_unref (self);
        return;
      }
  g_critical ("%s: no work %u runs", G_STRFUNC, id);
}

gboolean
gk_work_indicator_get_busy (GkWorkIndicator *self)
{
  g_return_val_if_fail (GK_IS_WORK_INDICATOR (self), FALSE);

  return self->works->len > 0;
}

const char *
gk_work_indicator_get_what (GkWorkIndicator *self)
{
  g_return_val_if_fail (GK_IS_WORK_INDICATOR (self), NULL);

  return self->works->len > 0 ? g_array_index (self->works, Work, 0).what : NULL;
}

static void
gk_work_indicator_dispose (GObject *object)
{
  GkWorkIndicator *self = GK_WORK_INDICATOR (object);

  g_clear_pointer (&self->spinner, gtk_widget_unparent);

  G_OBJECT_CLASS (gk_work_indicator_parent_class)->dispose (object);
}

static void
gk_work_indicator_finalize (GObject *object)
{
  GkWorkIndicator *self = GK_WORK_INDICATOR (object);

  /* Each running work holds the indicator: none is left here. */
  g_array_unref (self->works);

  G_OBJECT_CLASS (gk_work_indicator_parent_class)->finalize (object);
}

static void
gk_work_indicator_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GkWorkIndicator *self = GK_WORK_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, gk_work_indicator_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_work_indicator_class_init (GkWorkIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_work_indicator_dispose;
  object_class->finalize = gk_work_indicator_finalize;
  object_class->get_property = gk_work_indicator_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gk-work-indicator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
gk_work_indicator_init (GkWorkIndicator *self)
{
  self->works = g_array_new (FALSE, TRUE, sizeof (Work));
  g_array_set_clear_func (self->works, work_clear);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_parent (self->spinner, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
