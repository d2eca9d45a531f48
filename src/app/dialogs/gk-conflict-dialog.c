/* gk-conflict-dialog.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One group per conflict: what clashed, then two rows to choose from,
 * theirs first (it is what the file holds now). The choices live in the
 * dialog until the user confirms, so that Cancel really changes nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-conflict-dialog.h"
#include "gk-merge-conflict.h"

struct _GkConflictDialog
{
  AdwWindow             parent_instance;

  GListModel           *conflicts;
  GPtrArray            *mine_checks;     /* GtkCheckButton, one per conflict */
  GPtrArray            *theirs_checks;

  GtkWidget            *confirm_button;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *intro_group;
  GtkLabel             *hint_label;
};

enum {
  SIGNAL_CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GkConflictDialog, gk_conflict_dialog, ADW_TYPE_WINDOW)

char *
gk_conflict_dialog_format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: a day and time in strftime() format, "3 Dec 10:14" */
  return g_date_time_format (local, _("%-d %b %H:%M"));
}

/* "Bram, 3 Dec 10:14", or what is known of it. */
static char *
describe_their_change (GkMergeConflict *conflict)
{
  const char *author = gk_merge_conflict_get_their_author (conflict);
  const char *time = gk_merge_conflict_get_their_time (conflict);
  g_autoptr(GDateTime) when = time != NULL && *time != '\0' ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  g_autofree char *when_text = when != NULL ? gk_conflict_dialog_format_when (when) : NULL;
  gboolean known_author = author != NULL && *author != '\0';

  if (known_author && when_text != NULL)
    /* Translators: the other side of a conflict: who changed it, and when */
    return g_strdup_printf (_("Keep %s’s, saved %s"), author, when_text);
  if (known_author)
    return g_strdup_printf (_("Keep %s’s"), author);
  if (when_text != NULL)
    return g_strdup_printf (_("Keep theirs, saved %s"), when_text);
  return g_strdup (_("Keep theirs"));
}

static const char *
value_or_empty (const char *value)
{
  /* Translators: an empty value in the conflict dialog */
  return value != NULL && *value != '\0' ? value : _("(empty)");
}

static AdwActionRow *
choice_row_new (const char     *value,
                const char     *subtitle,
                GtkCheckButton *check)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value_or_empty (value));
  adw_action_row_set_title_lines (row, 4);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_valign (GTK_WIDGET (check), GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (row, GTK_WIDGET (check));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (check));
  return row;
}

static gboolean
all_chosen (GkConflictDialog *self)
{
  for (guint i = 0; i < self->mine_checks->len; i++)
    if (!gtk_check_button_get_active (self->mine_checks->pdata[i]) &&
        !gtk_check_button_get_active (self->theirs_checks->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
update_confirm (GkConflictDialog *self)
{
  gboolean ready = all_chosen (self);

  gtk_widget_set_sensitive (self->confirm_button, ready);
  gtk_label_set_text (self->hint_label,
                      ready ? _("The values you do not keep stay in the change log, so they can still be found.")
                            : _("Choose a value for every change, or keep all of one side."));
}

static void
add_conflict (GkConflictDialog *self,
              GkMergeConflict  *conflict,
              guint             index)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkCheckButton *theirs = GTK_CHECK_BUTTON (gtk_check_button_new ());
  GtkCheckButton *mine = GTK_CHECK_BUTTON (gtk_check_button_new ());
  const char *field = gk_merge_conflict_get_field_label (conflict);
  g_autofree char *title = NULL;
  g_autofree char *description = gk_merge_conflict_describe (conflict);
  g_autofree char *escaped = NULL;
  g_autofree char *their_label = describe_their_change (conflict);
  g_autofree char *name = NULL;

  if (field != NULL && *field != '\0')
    /* Translators: a record and one of its fields, "Measure “Wachtlijst” — Title" */
    title = g_strdup_printf (_("%s — %s"), gk_merge_conflict_get_record_label (conflict), field);
  else
    title = g_strdup (gk_merge_conflict_get_record_label (conflict));
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (group, escaped);
  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (description != NULL ? description : "", -1);
  adw_preferences_group_set_description (group, escaped);

  gtk_check_button_set_group (mine, theirs);
  name = g_strdup_printf ("theirs-%u", index);
  gtk_widget_set_name (GTK_WIDGET (theirs), name);
  g_free (name);
  name = g_strdup_printf ("mine-%u", index);
  gtk_widget_set_name (GTK_WIDGET (mine), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (theirs), GTK_ACCESSIBLE_PROPERTY_LABEL, their_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mine), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keep yours"), -1);

  switch (gk_merge_conflict_get_choice (conflict))
    {
    case GK_MERGE_CHOICE_MINE:
      gtk_check_button_set_active (mine, TRUE);
      break;
    case GK_MERGE_CHOICE_THEIRS:
      gtk_check_button_set_active (theirs, TRUE);
      break;
    case GK_MERGE_CHOICE_NONE:
    default:
      break;
    }
  g_signal_connect_object (mine, "toggled", G_CALLBACK (update_confirm), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (theirs, "toggled", G_CALLBACK (update_confirm), self, G_CONNECT_SWAPPED);

  adw_preferences_group_add (group, GTK_WIDGET (choice_row_new (gk_merge_conflict_get_theirs (conflict),
                                                                their_label, theirs)));
  adw_preferences_group_add (group, GTK_WIDGET (choice_row_new (gk_merge_conflict_get_mine (conflict),
                                                                _("Keep yours"), mine)));
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->mine_checks, mine);
  g_ptr_array_add (self->theirs_checks, theirs);
}

/* "Bram" when one person made all the other changes, else NULL. */
static const char *
only_author (GListModel *conflicts)
{
  const char *author = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(GkMergeConflict) conflict = g_list_model_get_item (conflicts, i);
      const char *theirs = gk_merge_conflict_get_their_author (conflict);

      if (theirs == NULL || *theirs == '\0' || (author != NULL && g_strcmp0 (author, theirs) != 0))
        return NULL;
      author = theirs;
    }
  return author;
}

static void
fill (GkConflictDialog *self)
{
  guint n = g_list_model_get_n_items (self->conflicts);
  const char *author = only_author (self->conflicts);
  g_autofree char *intro = NULL;
  g_autofree char *escaped = NULL;

  if (author != NULL)
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s saved a change to something you changed too. "
                                          "Choose which value to keep.",
                                          "%s saved changes to things you changed too. "
                                          "Choose for each which value to keep.", n),
                             author);
  else
    intro = g_strdup (g_dngettext (GETTEXT_PACKAGE,
                                   "Someone else saved a change to something you changed too. "
                                   "Choose which value to keep.",
                                   "Others saved changes to things you changed too. "
                                   "Choose for each which value to keep.", n));
  escaped = g_markup_escape_text (intro, -1);
  adw_preferences_group_set_description (self->intro_group, escaped);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkMergeConflict) conflict = g_list_model_get_item (self->conflicts, i);

      add_conflict (self, conflict, i);
    }
  update_confirm (self);
}

static void
choose_all (GkConflictDialog *self,
            GPtrArray        *checks)
{
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (checks->pdata[i], TRUE);
}

static void
all_mine_clicked_cb (GkConflictDialog *self)
{
  choose_all (self, self->mine_checks);
}

static void
all_theirs_clicked_cb (GkConflictDialog *self)
{
  choose_all (self, self->theirs_checks);
}

static void
cancel_clicked_cb (GkConflictDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Only now do the conflicts learn the choices; then the caller does again
 * what stopped, with them. */
static void
confirm_clicked_cb (GkConflictDialog *self)
{
  if (!all_chosen (self))
    return;
  for (guint i = 0; i < self->mine_checks->len; i++)
    {
      g_autoptr(GkMergeConflict) conflict = g_list_model_get_item (self->conflicts, i);
      gboolean mine = gtk_check_button_get_active (self->mine_checks->pdata[i]);

      gk_merge_conflict_set_choice (conflict, mine ? GK_MERGE_CHOICE_MINE : GK_MERGE_CHOICE_THEIRS);
    }
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
gk_conflict_dialog_dispose (GObject *object)
{
  GkConflictDialog *self = GK_CONFLICT_DIALOG (object);

  g_clear_object (&self->conflicts);
  g_clear_pointer (&self->mine_checks, g_ptr_array_unref);
  g_clear_pointer (&self->theirs_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CONFLICT_DIALOG);

  G_OBJECT_CLASS (gk_conflict_dialog_parent_class)->dispose (object);
}

static void
gk_conflict_dialog_class_init (GkConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_conflict_dialog_dispose;

  /**
   * GkConflictDialog::confirmed:
   *
   * Every conflict has its choice now: do again what stopped.
   */
  signals[SIGNAL_CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gripkaart/Gripkaart/gk-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, page);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, intro_group);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, all_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_theirs_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_conflict_dialog_init (GkConflictDialog *self)
{
  self->mine_checks = g_ptr_array_new ();
  self->theirs_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GkConflictDialog *
gk_conflict_dialog_new (GtkWindow  *parent,
                        GListModel *conflicts,
                        const char *confirm_label)
{
  GkConflictDialog *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (conflicts), NULL);

  self = g_object_new (GK_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->conflicts = g_object_ref (conflicts);
  gtk_button_set_label (GTK_BUTTON (self->confirm_button), confirm_label);
  fill (self);
  return self;
}
