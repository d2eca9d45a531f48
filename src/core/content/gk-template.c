/* gk-template.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-core-resources.h"
#include "gk-clock.h"
#include "gk-project-file-private.h"
#include "gk-template-private.h"

#define RESOURCE_DIR "/io/github/gripkaart/Gripkaart/core/"
#define TOPIC_PREFIX "Topic "
#define MEASURE_PREFIX "Measure "

struct _GkTemplate
{
  GObject       parent_instance;

  GStringChunk *strings;   /* every string the structs below point to */
  GArray       *topics;    /* of GkTemplateTopic */
  GArray       *measures;  /* of GkTemplateMeasure */
};

G_DEFINE_TYPE (GkTemplate, gk_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (gk-template-error-quark, gk_template_error)

static void
gk_template_finalize (GObject *object)
{
  GkTemplate *self = GK_TEMPLATE (object);

  g_clear_pointer (&self->topics, g_array_unref);
  g_clear_pointer (&self->measures, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (gk_template_parent_class)->finalize (object);
}

static void
gk_template_class_init (GkTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_template_finalize;
}

static void
gk_template_init (GkTemplate *self)
{
  self->strings = g_string_chunk_new (4096);
  self->topics = g_array_new (FALSE, TRUE, sizeof (GkTemplateTopic));
  self->measures = g_array_new (FALSE, TRUE, sizeof (GkTemplateMeasure));
}

/* --- reading the key files --------------------------------------------- */

/* Where a key file came from, for error messages. */
static char *
describe_source (GFile *file)
{
  if (file == NULL)
    return g_strdup (_("built-in"));
  return g_file_get_parse_name (file);
}

/* Loads a key file from the user's file or from the resource. Translations of
 * every locale are kept: the caller may ask for a locale that is not the
 * process's own. */
static GKeyFile *
load_key_file (GFile       *file,
               const char  *resource_name,
               GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source = describe_source (file);

  if (file != NULL)
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
        {
          g_set_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID,
                       _("Could not read “%s”: %s"), source, local_error->message);
          return NULL;
        }
      bytes = g_bytes_new_take (contents, length);
    }
  else
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, resource_name, NULL);

      bytes = g_resource_lookup_data (gk_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        {
          /* Only a broken build gets here. */
          g_set_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID,
                       _("Could not read “%s”: %s"), path, local_error->message);
          return NULL;
        }
    }

  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID,
                   _("“%s” is not a valid Gripkaart file: %s"), source, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&key_file);
}

/* A localized string, "" when the key is absent (optional keys). */
static const char *
optional_string (GkTemplate *self,
                 GKeyFile   *key_file,
                 const char *group,
                 const char *key,
                 const char *locale)
{
  g_autofree char *value = NULL;

  if (g_key_file_has_key (key_file, group, key, NULL))
    value = g_key_file_get_locale_string (key_file, group, key, locale, NULL);
  if (value == NULL)
    return "";
  g_strstrip (value);
  return g_string_chunk_insert_const (self->strings, value);
}

/* A localized string that must be there and must not be blank. */
static const char *
required_string (GkTemplate  *self,
                 GKeyFile    *key_file,
                 const char  *group,
                 const char  *key,
                 const char  *locale,
                 const char  *source,
                 GError     **error)
{
  const char *value = optional_string (self, key_file, group, key, locale);

  if (*value == '\0')
    {
      g_set_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID,
                   _("“%s” is not a valid Gripkaart file: group “%s” needs a value for “%s”"),
                   source, group, key);
      return NULL;
    }
  return value;
}

static gboolean
read_topics (GkTemplate  *self,
             GKeyFile    *key_file,
             const char  *locale,
             const char  *source,
             GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

  /* Groups come in file order, which is the order of the roadmap. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      GkTemplateTopic topic = { 0 };

      if (!g_str_has_prefix (group, TOPIC_PREFIX))
        continue;

      topic.id = g_string_chunk_insert_const (self->strings, group + strlen (TOPIC_PREFIX));
      topic.name = required_string (self, key_file, group, "name", locale, source, error);
      if (topic.name == NULL)
        return FALSE;
      topic.description = optional_string (self, key_file, group, "description", locale);
      topic.descriptor_serious = optional_string (self, key_file, group, "serious", locale);
      topic.descriptor_vigilant = optional_string (self, key_file, group, "vigilant", locale);
      topic.descriptor_in_control = optional_string (self, key_file, group, "in-control", locale);
      topic.challenges = optional_string (self, key_file, group, "challenges", locale);
      g_array_append_val (self->topics, topic);
    }

  if (self->topics->len == 0)
    {
      g_set_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID,
                   _("The template “%s” has no topics: add a group such as [Topic procurement] with a name"),
                   source);
      return FALSE;
    }

  return TRUE;
}

/* Reads an enumeration key; absent means the default, unknown is an error. */
static gboolean
read_enum_key (GKeyFile    *key_file,
               const char  *group,
               const char  *key,
               gboolean   (*from_key) (const char *key, int *value),
               const char  *allowed,
               int         *out_value,
               const char  *source,
               GError     **error)
{
  g_autofree char *text = g_key_file_get_string (key_file, group, key, NULL);

  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  if (!from_key (text, out_value))
    {
      g_set_error (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID,
                   _("“%s” is not a valid Gripkaart file: “%s” in group “%s” is “%s”, which is not one of: %s"),
                   source, key, group, text, allowed);
      return FALSE;
    }
  return TRUE;
}

/* Adapters with one signature, so that read_enum_key() serves both enums. */
static gboolean
kind_from_key (const char *key,
               int        *value)
{
  GkMeasureKind kind;

  if (!gk_measure_kind_from_key (key, &kind))
    return FALSE;
  *value = kind;
  return TRUE;
}

static gboolean
phase_from_key (const char *key,
                int        *value)
{
  GkChainPhase phase;

  if (!gk_chain_phase_from_key (key, &phase))
    return FALSE;
  *value = phase;
  return TRUE;
}

static gboolean
read_catalogue (GkTemplate  *self,
                GKeyFile    *key_file,
                const char  *locale,
                const char  *source,
                GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      GkTemplateMeasure measure = { 0 };
      int kind = GK_MEASURE_KIND_STRUCTURAL;
      int phase = GK_CHAIN_PHASE_CROSS_CUTTING;

      if (!g_str_has_prefix (group, MEASURE_PREFIX))
        continue;

      measure.id = g_string_chunk_insert_const (self->strings, group + strlen (MEASURE_PREFIX));
      measure.title = required_string (self, key_file, group, "title", locale, source, error);
      if (measure.title == NULL)
        return FALSE;
      if (!read_enum_key (key_file, group, "kind", kind_from_key,
                          "quick-win, structural", &kind, source, error) ||
          !read_enum_key (key_file, group, "chain-phase", phase_from_key,
                          "inflow, throughput, outflow, cross-cutting", &phase, source, error))
        return FALSE;

      measure.topic_name = optional_string (self, key_file, group, "topic", locale);
      measure.description = optional_string (self, key_file, group, "description", locale);
      measure.expected_effect = optional_string (self, key_file, group, "expected-effect", locale);
      measure.kind = kind;
      measure.chain_phase = phase;
      g_array_append_val (self->measures, measure);
    }

  /* An empty catalogue is allowed: a team may not want one. */
  return TRUE;
}

GkTemplate *
gk_template_load (GFile       *template_file,
                  GFile       *catalogue_file,
                  const char  *locale,
                  GError     **error)
{
  g_autoptr(GkTemplate) self = g_object_new (GK_TYPE_TEMPLATE, NULL);
  g_autoptr(GKeyFile) template_keys = NULL;
  g_autoptr(GKeyFile) catalogue_keys = NULL;
  g_autofree char *template_source = describe_source (template_file);
  g_autofree char *catalogue_source = describe_source (catalogue_file);

  g_return_val_if_fail (template_file == NULL || G_IS_FILE (template_file), NULL);
  g_return_val_if_fail (catalogue_file == NULL || G_IS_FILE (catalogue_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template_keys = load_key_file (template_file, "template.ini", error);
  if (template_keys == NULL ||
      !read_topics (self, template_keys, locale, template_source, error))
    return NULL;

  catalogue_keys = load_key_file (catalogue_file, "catalogue.ini", error);
  if (catalogue_keys == NULL ||
      !read_catalogue (self, catalogue_keys, locale, catalogue_source, error))
    return NULL;

  return g_steal_pointer (&self);
}

GkTemplate *
gk_template_load_builtin (const char  *locale,
                          GError     **error)
{
  return gk_template_load (NULL, NULL, locale, error);
}

char *
gk_template_get_user_template_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "gripkaart", "template.ini", NULL);
}

char *
gk_template_get_user_catalogue_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "gripkaart", "catalogue.ini", NULL);
}

/* The user's file if it exists; NULL (the built-in one) if not. */
static GFile *
existing_file_or_null (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_file_new_for_path (path);
}

GkTemplate *
gk_template_load_default (const char  *locale,
                          GError     **error)
{
  g_autofree char *template_path = gk_template_get_user_template_path ();
  g_autofree char *catalogue_path = gk_template_get_user_catalogue_path ();
  g_autoptr(GFile) template_file = existing_file_or_null (template_path);
  g_autoptr(GFile) catalogue_file = existing_file_or_null (catalogue_path);

  return gk_template_load (template_file, catalogue_file, locale, error);
}

guint
gk_template_get_n_topics (GkTemplate *self)
{
  g_return_val_if_fail (GK_IS_TEMPLATE (self), 0);

  return self->topics->len;
}

const GkTemplateTopic *
gk_template_get_topic (GkTemplate *self,
                       guint       position)
{
  g_return_val_if_fail (GK_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (position < self->topics->len, NULL);

  return &g_array_index (self->topics, GkTemplateTopic, position);
}

guint
gk_template_get_n_catalogue_measures (GkTemplate *self)
{
  g_return_val_if_fail (GK_IS_TEMPLATE (self), 0);

  return self->measures->len;
}

const GkTemplateMeasure *
gk_template_get_catalogue_measure (GkTemplate *self,
                                   guint       position)
{
  g_return_val_if_fail (GK_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (position < self->measures->len, NULL);

  return &g_array_index (self->measures, GkTemplateMeasure, position);
}

/* --- writing into a project file --------------------------------------- */

char *
gk_template_format_timestamp (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
set_database_error (sqlite3  *db,
                    GError  **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the new programme: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK)
    return set_database_error (db, error);
  return TRUE;
}

/* Steps an INSERT and makes the statement ready for the next row. */
static gboolean
step_insert (sqlite3       *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return set_database_error (db, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
gk_template_insert_topics (GkTemplate  *self,
                           sqlite3     *db,
                           const char  *updated_at,
                           const char  *updated_by,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (GK_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);

  if (!prepare (db,
                "INSERT INTO topic (name, description, position, descriptor_serious,"
                " descriptor_vigilant, descriptor_in_control, challenges, updated_at, updated_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &stmt, error))
    return FALSE;

  for (guint i = 0; ok && i < self->topics->len; i++)
    {
      const GkTemplateTopic *topic = &g_array_index (self->topics, GkTemplateTopic, i);

      bind_text (stmt, 1, topic->name);
      bind_text (stmt, 2, topic->description);
      sqlite3_bind_int (stmt, 3, (int) i);
      bind_text (stmt, 4, topic->descriptor_serious);
      bind_text (stmt, 5, topic->descriptor_vigilant);
      bind_text (stmt, 6, topic->descriptor_in_control);
      bind_text (stmt, 7, topic->challenges);
      bind_text (stmt, 8, updated_at);
      bind_text (stmt, 9, updated_by);
      ok = step_insert (db, stmt, error);
    }

  sqlite3_finalize (stmt);
  return ok;
}

gboolean
gk_template_insert_catalogue (GkTemplate  *self,
                              sqlite3     *db,
                              const char  *updated_at,
                              const char  *updated_by,
                              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (GK_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);

  if (!prepare (db,
                "INSERT INTO catalogue_measure (topic_name, title, description, kind,"
                " expected_effect, chain_phase, updated_at, updated_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &stmt, error))
    return FALSE;

  for (guint i = 0; ok && i < self->measures->len; i++)
    {
      const GkTemplateMeasure *measure = &g_array_index (self->measures, GkTemplateMeasure, i);

      bind_text (stmt, 1, measure->topic_name);
      bind_text (stmt, 2, measure->title);
      bind_text (stmt, 3, measure->description);
      bind_text (stmt, 4, gk_measure_kind_to_key (measure->kind));
      bind_text (stmt, 5, measure->expected_effect);
      bind_text (stmt, 6, gk_chain_phase_to_key (measure->chain_phase));
      bind_text (stmt, 7, updated_at);
      bind_text (stmt, 8, updated_by);
      ok = step_insert (db, stmt, error);
    }

  sqlite3_finalize (stmt);
  return ok;
}

static char *
format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_init (const GkProgrammeInit  *init,
            GError                **error)
{
  if (is_blank (init->title))
    {
      g_set_error_literal (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID_PROGRAMME,
                           _("The change programme needs a title"));
      return FALSE;
    }
  if (init->start_date != NULL && init->end_date != NULL &&
      g_date_valid (init->start_date) && g_date_valid (init->end_date) &&
      g_date_compare (init->end_date, init->start_date) < 0)
    {
      g_set_error_literal (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_INVALID_PROGRAMME,
                           _("The end date of the change programme lies before its start date"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_empty (sqlite3  *db,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rows = -1;

  if (!prepare (db, "SELECT (SELECT count(*) FROM programme) + (SELECT count(*) FROM topic)",
                &stmt, error))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rows = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rows < 0)
    return set_database_error (db, error);
  if (rows > 0)
    {
      g_set_error_literal (error, GK_TEMPLATE_ERROR, GK_TEMPLATE_ERROR_NOT_EMPTY,
                           _("The project file already holds a change programme"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_lead (sqlite3                *db,
             const GkProgrammeInit  *init,
             const char             *updated_at,
             const char             *updated_by,
             sqlite3_int64          *out_id,
             GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (init->lead_name != NULL ? init->lead_name : ""));

  *out_id = 0;
  if (*name == '\0')
    return TRUE;

  if (!prepare (db, "INSERT INTO person (name, role, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  bind_text (stmt, 1, name);
  bind_text (stmt, 2, gk_role_to_key (GK_ROLE_PROJECTLEIDER));
  bind_text (stmt, 3, updated_at);
  bind_text (stmt, 4, updated_by);
  if (!step_insert (db, stmt, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  *out_id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static gboolean
insert_programme (sqlite3                *db,
                  const GkProgrammeInit  *init,
                  sqlite3_int64           lead_id,
                  const char             *updated_at,
                  const char             *updated_by,
                  GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *title = g_strstrip (g_strdup (init->title));
  g_autofree char *domains = gk_domains_to_keys (init->domains);
  g_autofree char *start = format_date (init->start_date);
  g_autofree char *end = format_date (init->end_date);
  gboolean ok;

  if (!prepare (db,
                "INSERT INTO programme (id, title, municipality, domains, lead_id, start_date,"
                " end_date, ambition, review_cycle, headline_rule, updated_at, updated_by)"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &stmt, error))
    return FALSE;

  bind_text (stmt, 1, title);
  bind_text (stmt, 2, init->municipality != NULL ? init->municipality : "");
  bind_text (stmt, 3, domains);
  if (lead_id > 0)
    sqlite3_bind_int64 (stmt, 4, lead_id);
  bind_text (stmt, 5, start);
  bind_text (stmt, 6, end);
  bind_text (stmt, 7, init->ambition != NULL ? init->ambition : "");
  bind_text (stmt, 8, gk_review_cycle_to_key (init->review_cycle));
  bind_text (stmt, 9, gk_headline_rule_to_key (GK_HEADLINE_RULE_WORST));
  bind_text (stmt, 10, updated_at);
  bind_text (stmt, 11, updated_by);
  ok = step_insert (db, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
gk_template_apply (GkTemplate             *self,
                   sqlite3                *db,
                   const GkProgrammeInit  *init,
                   GError                **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *updated_at = NULL;
  const char *updated_by;
  sqlite3_int64 lead_id = 0;

  g_return_val_if_fail (GK_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (init != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_init (init, error))
    return FALSE;

  now = init->now != NULL ? g_date_time_ref (init->now) : gk_clock_dup_now (gk_clock_get_default ());
  updated_at = gk_template_format_timestamp (now);
  updated_by = init->author != NULL ? init->author : g_get_real_name ();

  /* A savepoint works whether or not the caller already opened a transaction. */
  if (sqlite3_exec (db, "SAVEPOINT gk_template_apply", NULL, NULL, NULL) != SQLITE_OK)
    return set_database_error (db, error);

  if (check_empty (db, error) &&
      insert_lead (db, init, updated_at, updated_by, &lead_id, error) &&
      insert_programme (db, init, lead_id, updated_at, updated_by, error) &&
      gk_template_insert_topics (self, db, updated_at, updated_by, error) &&
      gk_template_insert_catalogue (self, db, updated_at, updated_by, error))
    {
      if (sqlite3_exec (db, "RELEASE gk_template_apply", NULL, NULL, NULL) == SQLITE_OK)
        return TRUE;
      set_database_error (db, error);
    }

  sqlite3_exec (db, "ROLLBACK TO gk_template_apply", NULL, NULL, NULL);
  sqlite3_exec (db, "RELEASE gk_template_apply", NULL, NULL, NULL);
  return FALSE;
}

GkProjectFile *
gk_template_new_programme (GkTemplate             *self,
                           const GkProgrammeInit  *init,
                           GError                **error)
{
  g_autoptr(GkProjectFile) project = NULL;

  g_return_val_if_fail (GK_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (init != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = gk_project_file_new (error);
  if (project == NULL)
    return NULL;
  if (!gk_template_apply (self, gk_project_file_get_db (project), init, error))
    {
      gk_project_file_close (project);
      return NULL;
    }
  return g_steal_pointer (&project);
}
