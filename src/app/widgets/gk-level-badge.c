/* gk-level-badge.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colour alone does not tell a level to a colour-blind reader, so the badge
 * always shows the level's name; the colours come from style.css and match
 * the charts (src/charts/base/gk-level-style.c).
 */
#include "config.h"

#include "gk-level-badge.h"

struct _GkLevelBadge
{
  GtkWidget  parent_instance;
  GtkLabel  *label;
  GkLevel    level;
};

enum {
  PROP_0,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GkLevelBadge, gk_level_badge, GTK_TYPE_WIDGET)

static const char *
level_css_class (GkLevel level)
{
  switch (level)
    {
    case GK_LEVEL_SERIOUS:
      return "level-serious";
    case GK_LEVEL_VIGILANT:
      return "level-vigilant";
    case GK_LEVEL_IN_CONTROL:
      return "level-in-control";
    case GK_LEVEL_NONE:
    default:
      return "level-none";
    }
}

void
gk_level_badge_set_level (GkLevelBadge *self,
                          GkLevel       level)
{
  g_return_if_fail (GK_IS_LEVEL_BADGE (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), level_css_class (self->level));
  self->level = level;
  gtk_widget_add_css_class (GTK_WIDGET (self), level_css_class (level));
  gtk_label_set_text (self->label, gk_level_label (level));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

GkLevel
gk_level_badge_get_level (GkLevelBadge *self)
{
  g_return_val_if_fail (GK_IS_LEVEL_BADGE (self), GK_LEVEL_NONE);
  return self->level;
}

static void
gk_level_badge_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_int (value, GK_LEVEL_BADGE (object)->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_level_badge_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LEVEL:
      gk_level_badge_set_level (GK_LEVEL_BADGE (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_level_badge_dispose (GObject *object)
{
  GkLevelBadge *self = GK_LEVEL_BADGE (object);

  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (gk_level_badge_parent_class)->dispose (object);
}

static void
gk_level_badge_class_init (GkLevelBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_level_badge_dispose;
  object_class->get_property = gk_level_badge_get_property;
  object_class->set_property = gk_level_badge_set_property;

  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, GK_LEVEL_NONE, GK_LEVEL_IN_CONTROL, GK_LEVEL_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "levelbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
gk_level_badge_init (GkLevelBadge *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  self->level = GK_LEVEL_NONE;
  gk_level_badge_set_level (self, GK_LEVEL_NONE);
}

GtkWidget *
gk_level_badge_new (GkLevel level)
{
  return g_object_new (GK_TYPE_LEVEL_BADGE, "level", level, NULL);
}
