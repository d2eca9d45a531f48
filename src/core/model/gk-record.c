/* gk-record.c
 *
 * Copyright 2026 The Gripkaart authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record keeps its values in an array of cells, one per column of its
 * table. Properties, loading from a statement and binding to one are generic
 * over the column map, so that a subclass is nothing but its table's
 * description (gk-tables.h) and the accessors generated from it. Loading
 * thousands of rows fills cells directly, without property machinery or
 * notifications.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gk-record-private.h"

typedef struct {
  union {
    gint64  i;
    double  d;
    char   *s;
  } v;
  gboolean null;   /* REAL and MONEY only; text and dates use s == NULL */
} GkCell;

typedef struct {
  GkCell   *cells;
  gboolean  live;
} GkRecordPrivate;

/* What a class learns from its column map once. */
typedef struct {
  GParamSpec **pspecs;      /* per column */
  GParamSpec **has_pspecs;  /* per column, NULL unless a nullable REAL or MONEY */
  int          label_column;   /* -1: the row has no name of its own */
  guint        version_column;
  guint        updated_at_column;
  guint        updated_by_column;
} GkTableMeta;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GkRecord, gk_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Property ids of subclasses: column + 1, and HAS_PROPERTY_BASE + column + 1
 * for the has-* companions of nullable numbers. */
#define HAS_PROPERTY_BASE 1024

static inline GkRecordPrivate *
priv_of (GkRecord *self)
{
  return gk_record_get_instance_private (self);
}

static inline const GkTable *
table_of (GkRecord *self)
{
  return GK_RECORD_GET_CLASS (self)->table;
}

static inline GkTableMeta *
meta_of (GkRecord *self)
{
  return GK_RECORD_GET_CLASS (self)->meta;
}

static gboolean
is_nullable_number (const GkColumn *column)
{
  return (column->flags & GK_COLUMN_FLAG_NULLABLE) != 0 &&
         (column->kind == GK_COLUMN_REAL || column->kind == GK_COLUMN_MONEY);
}

static gboolean
is_text (const GkColumn *column)
{
  return column->kind == GK_COLUMN_TEXT || column->kind == GK_COLUMN_DATE;
}

static const GkEnumEntry *
enum_entry_by_value (const GkColumn *column,
                     gint64          value)
{
  guint n = 0;
  const GkEnumEntry *entries = column->entries (&n);

  for (guint i = 0; i < n; i++)
    if (entries[i].value == value)
      return &entries[i];
  return NULL;
}

static gboolean
enum_value_by_key (const GkColumn *column,
                   const char     *key,
                   gint64         *value)
{
  guint n = 0;
  const GkEnumEntry *entries = column->entries (&n);

  for (guint i = 0; i < n; i++)
    if (strcmp (entries[i].key, key) == 0)
      {
        *value = entries[i].value;
        return TRUE;
      }
  return FALSE;
}

/* ---- cells ----------------------------------------------------------------- */

static gboolean
cell_equal (const GkColumn *column,
            const GkCell   *a,
            const GkCell   *b)
{
  switch (column->kind)
    {
    case GK_COLUMN_TEXT:
    case GK_COLUMN_DATE:
      return g_strcmp0 (a->v.s, b->v.s) == 0;
    case GK_COLUMN_REAL:
      if (a->null || b->null)
        return a->null == b->null;
      /* Bitwise equality would make 0.0 and -0.0 differ; NaN never equals. */
      return a->v.d == b->v.d || (isnan (a->v.d) && isnan (b->v.d));
    case GK_COLUMN_MONEY:
      if (a->null || b->null)
        return a->null == b->null;
      return a->v.i == b->v.i;
    case GK_COLUMN_ID:
    case GK_COLUMN_REF:
    case GK_COLUMN_INT:
    case GK_COLUMN_ENUM:
    case GK_COLUMN_DOMAINS:
    default:
      return a->v.i == b->v.i;
    }
}

static void
cell_set_default (const GkColumn *column,
                  GkCell         *cell)
{
  switch (column->kind)
    {
    case GK_COLUMN_TEXT:
    case GK_COLUMN_DATE:
      cell->v.s = NULL;
      break;
    case GK_COLUMN_REAL:
      cell->v.d = 0.0;
      cell->null = (column->flags & GK_COLUMN_FLAG_NULLABLE) != 0;
      break;
    case GK_COLUMN_MONEY:
      cell->v.i = 0;
      cell->null = (column->flags & GK_COLUMN_FLAG_NULLABLE) != 0;
      break;
    case GK_COLUMN_ID:
    case GK_COLUMN_REF:
    case GK_COLUMN_INT:
    case GK_COLUMN_ENUM:
    case GK_COLUMN_DOMAINS:
    default:
      cell->v.i = column->default_value;
      break;
    }
}

/* Takes ownership of the string of @value. Returns whether the cell changed;
 * notifies the property (and its has-* companion) when @notify is set. */
static gboolean
cell_assign (GkRecord *self,
             guint     column,
             GkCell   *value,
             gboolean  notify)
{
  const GkColumn *col = &table_of (self)->columns[column];
  GkCell *cell = &priv_of (self)->cells[column];
  gboolean was_null = cell->null;

  if (cell_equal (col, cell, value))
    {
      if (is_text (col))
        g_free (value->v.s);
      return FALSE;
    }

  if (is_text (col))
    g_free (cell->v.s);
  *cell = *value;

  if (notify)
    {
      GkTableMeta *meta = meta_of (self);

      g_object_notify_by_pspec (G_OBJECT (self), meta->pspecs[column]);
      if (meta->has_pspecs[column] != NULL && was_null != cell->null)
        g_object_notify_by_pspec (G_OBJECT (self), meta->has_pspecs[column]);
    }
  return TRUE;
}

static gboolean
refuse_live (GkRecord *self)
{
  if (G_UNLIKELY (priv_of (self)->live))
    {
      g_critical ("%s is live in a document and read-only: edit a copy made with gk_record_copy()",
                  G_OBJECT_TYPE_NAME (self));
      return TRUE;
    }
  return FALSE;
}

/* ---- properties ------------------------------------------------------------ */

static void
column_get_value (GkRecord *self,
                  guint     column,
                  GValue   *value)
{
  const GkColumn *col = &table_of (self)->columns[column];
  const GkCell *cell = &priv_of (self)->cells[column];

  switch (col->kind)
    {
    case GK_COLUMN_TEXT:
      g_value_set_string (value, cell->v.s != NULL ? cell->v.s : "");
      break;
    case GK_COLUMN_DATE:
      g_value_set_string (value, cell->v.s);
      break;
    case GK_COLUMN_ID:
    case GK_COLUMN_REF:
    case GK_COLUMN_MONEY:
      g_value_set_int64 (value, cell->null ? 0 : cell->v.i);
      break;
    case GK_COLUMN_INT:
    case GK_COLUMN_ENUM:
      g_value_set_int (value, (int) cell->v.i);
      break;
    case GK_COLUMN_DOMAINS:
      g_value_set_uint (value, (guint) cell->v.i);
      break;
    case GK_COLUMN_REAL:
      g_value_set_double (value, cell->null ? 0.0 : cell->v.d);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
column_set_value (GkRecord     *self,
                  guint         column,
                  const GValue *value)
{
  const GkColumn *col = &table_of (self)->columns[column];

  switch (col->kind)
    {
    case GK_COLUMN_TEXT:
    case GK_COLUMN_DATE:
      gk_record_set_text_cell (self, column, g_value_get_string (value));
      break;
    case GK_COLUMN_ID:
    case GK_COLUMN_REF:
    case GK_COLUMN_MONEY:
      gk_record_set_int_cell (self, column, g_value_get_int64 (value));
      break;
    case GK_COLUMN_INT:
    case GK_COLUMN_ENUM:
      gk_record_set_int_cell (self, column, g_value_get_int (value));
      break;
    case GK_COLUMN_DOMAINS:
      gk_record_set_int_cell (self, column, g_value_get_uint (value));
      break;
    case GK_COLUMN_REAL:
      gk_record_set_real_cell (self, column, g_value_get_double (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
column_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  GkRecord *self = GK_RECORD (object);

  if (prop_id > HAS_PROPERTY_BASE)
    g_value_set_boolean (value, !priv_of (self)->cells[prop_id - HAS_PROPERTY_BASE - 1].null);
  else
    column_get_value (self, prop_id - 1, value);
}

static void
column_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  GkRecord *self = GK_RECORD (object);

  if (prop_id > HAS_PROPERTY_BASE)
    {
      guint column = prop_id - HAS_PROPERTY_BASE - 1;

      if (!g_value_get_boolean (value))
        gk_record_set_cell_null (self, column);
      else if (gk_record_cell_is_null (self, column))
        {
          /* Switching a value on starts it at zero. */
          if (table_of (self)->columns[column].kind == GK_COLUMN_REAL)
            gk_record_set_real_cell (self, column, 0.0);
          else
            gk_record_set_int_cell (self, column, 0);
        }
    }
  else
    column_set_value (self, prop_id - 1, value);
}

/* The column name with '-' for '_': "owner_id" is the property "owner-id". */
static const char *
property_name (const GkColumn *col)
{
  g_autofree char *name = g_strdelimit (g_strdup (col->name), "_", '-');

  return g_intern_string (name);
}

static GParamSpec *
pspec_for_column (const GkColumn *col)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const char *property = property_name (col);

  switch (col->kind)
    {
    case GK_COLUMN_TEXT:
    case GK_COLUMN_DATE:
      return g_param_spec_string (property, NULL, NULL, NULL, flags);
    case GK_COLUMN_ID:
    case GK_COLUMN_REF:
      return g_param_spec_int64 (property, NULL, NULL, 0, G_MAXINT64, 0, flags);
    case GK_COLUMN_MONEY:
      return g_param_spec_int64 (property, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case GK_COLUMN_INT:
      /* Out of range values are for validation to report, not GObject to clamp. */
      return g_param_spec_int (property, NULL, NULL, G_MININT, G_MAXINT,
                               (int) col->default_value, flags);
    case GK_COLUMN_ENUM:
      {
        guint n = 0;
        const GkEnumEntry *entries = col->entries (&n);
        int min = G_MAXINT, max = G_MININT;

        for (guint i = 0; i < n; i++)
          {
            min = MIN (min, entries[i].value);
            max = MAX (max, entries[i].value);
          }
        return g_param_spec_int (property, NULL, NULL, min, max,
                                 (int) col->default_value, flags);
      }
    case GK_COLUMN_DOMAINS:
      return g_param_spec_uint (property, NULL, NULL, 0,
                                GK_DOMAIN_JEUGD | GK_DOMAIN_WMO | GK_DOMAIN_PARTICIPATIE,
                                0, flags);
    case GK_COLUMN_REAL:
      return g_param_spec_double (property, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
    default:
      g_assert_not_reached ();
    }
}

void
gk_record_class_set_table (GkRecordClass *klass,
                           const GkTable *table)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GkTableMeta *meta;

  g_return_if_fail (GK_IS_RECORD_CLASS (klass));
  g_return_if_fail (table->n_columns > 4 && table->columns[0].kind == GK_COLUMN_ID);

  meta = g_new0 (GkTableMeta, 1);
  meta->pspecs = g_new0 (GParamSpec *, table->n_columns);
  meta->has_pspecs = g_new0 (GParamSpec *, table->n_columns);
  meta->label_column = -1;
  meta->version_column = table->n_columns - 3;
  meta->updated_at_column = table->n_columns - 2;
  meta->updated_by_column = table->n_columns - 1;

  g_return_if_fail (g_str_equal (table->columns[meta->version_column].name, "version"));
  g_return_if_fail (g_str_equal (table->columns[meta->updated_at_column].name, "updated_at"));
  g_return_if_fail (g_str_equal (table->columns[meta->updated_by_column].name, "updated_by"));

  klass->table = table;
  klass->meta = meta;
  object_class->get_property = column_get_property;
  object_class->set_property = column_set_property;

  meta->pspecs[0] = properties[PROP_ID];
  meta->pspecs[meta->version_column] = properties[PROP_VERSION];
  meta->pspecs[meta->updated_at_column] = properties[PROP_UPDATED_AT];
  meta->pspecs[meta->updated_by_column] = properties[PROP_UPDATED_BY];

  for (guint i = 1; i < meta->version_column; i++)
    {
      const GkColumn *col = &table->columns[i];

      if (col->flags & GK_COLUMN_FLAG_LABEL)
        meta->label_column = i;
      meta->pspecs[i] = pspec_for_column (col);
      g_object_class_install_property (object_class, i + 1, meta->pspecs[i]);

      if (is_nullable_number (col))
        {
          g_autofree char *name = g_strconcat ("has-", g_param_spec_get_name (meta->pspecs[i]), NULL);

          /* Not G_PARAM_STATIC_NAME: GObject interns a copy of the name. */
          meta->has_pspecs[i] = g_param_spec_boolean (name, NULL, NULL, FALSE,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB);
          g_object_class_install_property (object_class, HAS_PROPERTY_BASE + i + 1,
                                           meta->has_pspecs[i]);
        }
    }
}

const GkTable *
gk_record_class_get_table (GkRecordClass *klass)
{
  return klass->table;
}

const GkTable *
gk_record_get_table (GkRecord *self)
{
  return table_of (self);
}

GParamSpec *
gk_record_class_get_pspec (GkRecordClass *klass,
                           guint          column)
{
  GkTableMeta *meta = klass->meta;

  return meta->pspecs[column];
}

guint
gk_record_class_get_version_column (GkRecordClass *klass)
{
  GkTableMeta *meta = klass->meta;

  return meta->version_column;
}

const char *
gk_record_get_field_name (GkRecord *self,
                          guint     column)
{
  return g_param_spec_get_name (meta_of (self)->pspecs[column]);
}

/* ---- GObject --------------------------------------------------------------- */

static void
gk_record_constructed (GObject *object)
{
  GkRecord *self = GK_RECORD (object);
  GkRecordPrivate *priv = priv_of (self);
  const GkTable *table = table_of (self);

  G_OBJECT_CLASS (gk_record_parent_class)->constructed (object);

  /* Properties set at construction time would have found no cells. */
  g_return_if_fail (priv->cells == NULL);
  priv->cells = g_new0 (GkCell, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    cell_set_default (&table->columns[i], &priv->cells[i]);
}

static void
gk_record_finalize (GObject *object)
{
  GkRecord *self = GK_RECORD (object);
  GkRecordPrivate *priv = priv_of (self);
  const GkTable *table = table_of (self);

  if (priv->cells != NULL)
    for (guint i = 0; i < table->n_columns; i++)
      if (is_text (&table->columns[i]))
        g_free (priv->cells[i].v.s);
  g_free (priv->cells);

  G_OBJECT_CLASS (gk_record_parent_class)->finalize (object);
}

static guint
base_property_column (GkRecord *self,
                      guint     prop_id)
{
  GkTableMeta *meta = meta_of (self);

  switch (prop_id)
    {
    case PROP_ID:
      return 0;
    case PROP_VERSION:
      return meta->version_column;
    case PROP_UPDATED_AT:
      return meta->updated_at_column;
    case PROP_UPDATED_BY:
      return meta->updated_by_column;
    default:
      g_assert_not_reached ();
    }
}

static void
gk_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkRecord *self = GK_RECORD (object);

  if (prop_id == PROP_VERSION)
    g_value_set_int64 (value, gk_record_get_version (self));
  else
    column_get_value (self, base_property_column (self, prop_id), value);
}

static void
gk_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GkRecord *self = GK_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      gk_record_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_record_class_init (GkRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gk_record_constructed;
  object_class->finalize = gk_record_finalize;
  object_class->get_property = gk_record_get_property;
  object_class->set_property = gk_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_record_init (GkRecord *self)
{
}

/* ---- public API ------------------------------------------------------------ */

gint64
gk_record_get_id (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), 0);

  return priv_of (self)->cells[0].v.i;
}

void
gk_record_set_id (GkRecord *self,
                  gint64    id)
{
  g_return_if_fail (GK_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  gk_record_set_int_cell (self, 0, id);
}

gint64
gk_record_get_version (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), 0);

  return priv_of (self)->cells[meta_of (self)->version_column].v.i;
}

const char *
gk_record_get_updated_at (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);

  return gk_record_get_text_cell (self, meta_of (self)->updated_at_column);
}

const char *
gk_record_get_updated_by (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);

  return gk_record_get_text_cell (self, meta_of (self)->updated_by_column);
}

const char *
gk_record_get_table_name (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), NULL);

  return table_of (self)->name;
}

const char *
gk_record_get_label (GkRecord *self)
{
  int column;

  g_return_val_if_fail (GK_IS_RECORD (self), NULL);

  column = meta_of (self)->label_column;
  if (column < 0)
    return "";
  return gk_record_get_text_cell (self, column);
}

gboolean
gk_record_is_live (GkRecord *self)
{
  g_return_val_if_fail (GK_IS_RECORD (self), FALSE);

  return priv_of (self)->live;
}

GkRecord *
gk_record_copy (GkRecord *self)
{
  GkRecord *copy;
  const GkTable *table;
  GkCell *from, *to;

  g_return_val_if_fail (GK_IS_RECORD (self), NULL);

  table = table_of (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  from = priv_of (self)->cells;
  to = priv_of (copy)->cells;
  for (guint i = 0; i < table->n_columns; i++)
    {
      to[i] = from[i];
      if (is_text (&table->columns[i]))
        to[i].v.s = g_strdup (from[i].v.s);
    }
  return copy;
}

gboolean
gk_record_content_equal (GkRecord *a,
                         GkRecord *b)
{
  const GkTable *table;

  g_return_val_if_fail (GK_IS_RECORD (a), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  table = table_of (a);
  for (guint i = 1; i < table->n_columns; i++)
    if ((table->columns[i].flags & GK_COLUMN_FLAG_SYSTEM) == 0 &&
        !gk_record_cells_equal (a, b, i))
      return FALSE;
  return TRUE;
}

/* ---- cell access ----------------------------------------------------------- */

const char *
gk_record_get_text_cell (GkRecord *self,
                         guint     column)
{
  const char *s = priv_of (self)->cells[column].v.s;

  if (s == NULL && table_of (self)->columns[column].kind == GK_COLUMN_TEXT)
    return "";
  return s;
}

gint64
gk_record_get_int_cell (GkRecord *self,
                        guint     column)
{
  const GkCell *cell = &priv_of (self)->cells[column];

  return cell->null ? 0 : cell->v.i;
}

double
gk_record_get_real_cell (GkRecord *self,
                         guint     column)
{
  const GkCell *cell = &priv_of (self)->cells[column];

  return cell->null ? 0.0 : cell->v.d;
}

gboolean
gk_record_cell_is_null (GkRecord *self,
                        guint     column)
{
  const GkColumn *col = &table_of (self)->columns[column];
  const GkCell *cell = &priv_of (self)->cells[column];

  switch (col->kind)
    {
    case GK_COLUMN_TEXT:
    case GK_COLUMN_DATE:
      return cell->v.s == NULL;
    case GK_COLUMN_REAL:
    case GK_COLUMN_MONEY:
      return cell->null;
    case GK_COLUMN_REF:
      return cell->v.i == 0;
    case GK_COLUMN_ENUM:
      return (col->flags & GK_COLUMN_FLAG_NULLABLE) != 0 && cell->v.i == 0;
    case GK_COLUMN_ID:
    case GK_COLUMN_INT:
    case GK_COLUMN_DOMAINS:
    default:
      return FALSE;
    }
}

void
gk_record_set_text_cell (GkRecord   *self,
                         guint       column,
                         const char *value)
{
  GkCell cell = { 0 };

  if (refuse_live (self))
    return;
  /* An empty text and an unset date are stored alike: NULL. */
  cell.v.s = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
  cell_assign (self, column, &cell, TRUE);
}

void
gk_record_set_int_cell (GkRecord *self,
                        guint     column,
                        gint64    value)
{
  GkCell cell = { 0 };

  if (refuse_live (self))
    return;
  cell.v.i = value;
  cell_assign (self, column, &cell, TRUE);
}

void
gk_record_set_real_cell (GkRecord *self,
                         guint     column,
                         double    value)
{
  GkCell cell = { 0 };

  if (refuse_live (self))
    return;
  cell.v.d = value;
  cell_assign (self, column, &cell, TRUE);
}

void
gk_record_set_cell_null (GkRecord *self,
                         guint     column)
{
  const GkColumn *col = &table_of (self)->columns[column];
  GkCell cell = { 0 };

  if (refuse_live (self))
    return;
  if (is_nullable_number (col))
    cell.null = TRUE;
  cell_assign (self, column, &cell, TRUE);
}

gboolean
gk_record_cells_equal (GkRecord *a,
                       GkRecord *b,
                       guint     column)
{
  return cell_equal (&table_of (a)->columns[column],
                     &priv_of (a)->cells[column],
                     &priv_of (b)->cells[column]);
}

/* ---- for the document ------------------------------------------------------ */

const gint64 *
gk_record_get_id_ref (GkRecord *self)
{
  return &priv_of (self)->cells[0].v.i;
}

void
gk_record_set_live (GkRecord *self,
                    gboolean  live)
{
  priv_of (self)->live = !!live;
}

/* Text as read from the file, made valid UTF-8: another program may have
 * written Latin-1 or cut a character in half, and GTK, Pango and the report
 * refuse such text (the roadmap went blank, the report failed). Each
 * invalid byte becomes U+FFFD, so the rest of the text stays readable; the
 * file itself is not changed unless the row is edited and saved. Returns
 * NULL for an empty text; sets *repaired when it had to repair. */
static char *
read_text (sqlite3_stmt *stmt,
           int           i,
           gboolean     *repaired)
{
  int n = sqlite3_column_bytes (stmt, i);
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  if (text == NULL || n == 0)
    return NULL;
  if (g_utf8_validate_len (text, n, NULL))
    return g_strndup (text, n);
  *repaired = TRUE;
  return g_utf8_make_valid (text, n);
}

static void
read_cell (const GkColumn *col,
           sqlite3_stmt   *stmt,
           int             i,
           GkCell         *cell,
           gboolean       *repaired)
{
  int type = sqlite3_column_type (stmt, i);

  switch (col->kind)
    {
    case GK_COLUMN_TEXT:
    case GK_COLUMN_DATE:
      cell->v.s = type == SQLITE_NULL ? NULL : read_text (stmt, i, repaired);
      break;
    case GK_COLUMN_ID:
    case GK_COLUMN_REF:
    case GK_COLUMN_INT:
      cell->v.i = type == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, i);
      break;
    case GK_COLUMN_MONEY:
      cell->null = type == SQLITE_NULL;
      cell->v.i = cell->null ? 0 : sqlite3_column_int64 (stmt, i);
      break;
    case GK_COLUMN_REAL:
      cell->null = type == SQLITE_NULL;
      cell->v.d = cell->null ? 0.0 : sqlite3_column_double (stmt, i);
      break;
    case GK_COLUMN_ENUM:
      cell->v.i = 0;
      /* The schema's CHECK constraints guarantee known keys; an unknown
       * one can only come from a newer file, which opens read-only. */
      if (type == SQLITE_NULL ||
          !enum_value_by_key (col, (const char *) sqlite3_column_text (stmt, i), &cell->v.i))
        cell->v.i = (col->flags & GK_COLUMN_FLAG_NULLABLE) ? 0 : col->default_value;
      break;
    case GK_COLUMN_DOMAINS:
      {
        GkDomains domains = GK_DOMAIN_NONE;

        if (type != SQLITE_NULL)
          gk_domains_from_keys ((const char *) sqlite3_column_text (stmt, i), &domains);
        cell->v.i = domains;
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
gk_record_read_row (GkRecord     *self,
                    sqlite3_stmt *stmt,
                    gboolean      notify)
{
  const GkTable *table = table_of (self);
  GkCell *cells = priv_of (self)->cells;
  gboolean changed = FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      GkCell cell = { 0 };
      gboolean repaired = FALSE;

      if (!notify)
        {
          /* Loading a fresh object: no comparisons, no notifications. */
          if (is_text (&table->columns[i]))
            g_free (cells[i].v.s);
          read_cell (&table->columns[i], stmt, i, &cells[i], &repaired);
        }
      else
        {
          read_cell (&table->columns[i], stmt, i, &cell, &repaired);
          changed |= cell_assign (self, i, &cell, TRUE);
        }
      if (repaired)
        g_message ("Text that was not valid UTF-8 was repaired: %s, row %" G_GINT64_FORMAT ", %s",
                   table->name, cells[0].v.i, table->columns[i].name);
    }
  return changed || !notify;
}

void
gk_record_bind_columns (GkRecord     *self,
                        sqlite3_stmt *stmt)
{
  const GkTable *table = table_of (self);
  const GkCell *cells = priv_of (self)->cells;

  for (guint i = 1; i < table->n_columns; i++)
    {
      const GkColumn *col = &table->columns[i];
      const GkCell *cell = &cells[i];
      int p = i + 1;

      if (col->flags & GK_COLUMN_FLAG_SYSTEM)
        continue;

      switch (col->kind)
        {
        case GK_COLUMN_TEXT:
          sqlite3_bind_text (stmt, p, cell->v.s != NULL ? cell->v.s : "", -1, SQLITE_TRANSIENT);
          break;
        case GK_COLUMN_DATE:
          if (cell->v.s == NULL)
            sqlite3_bind_null (stmt, p);
          else
            sqlite3_bind_text (stmt, p, cell->v.s, -1, SQLITE_TRANSIENT);
          break;
        case GK_COLUMN_REF:
          if (cell->v.i == 0)
            sqlite3_bind_null (stmt, p);
          else
            sqlite3_bind_int64 (stmt, p, cell->v.i);
          break;
        case GK_COLUMN_INT:
          sqlite3_bind_int64 (stmt, p, cell->v.i);
          break;
        case GK_COLUMN_MONEY:
          if (cell->null)
            sqlite3_bind_null (stmt, p);
          else
            sqlite3_bind_int64 (stmt, p, cell->v.i);
          break;
        case GK_COLUMN_REAL:
          if (cell->null)
            sqlite3_bind_null (stmt, p);
          else
            sqlite3_bind_double (stmt, p, cell->v.d);
          break;
        case GK_COLUMN_ENUM:
          {
            const GkEnumEntry *entry = enum_entry_by_value (col, cell->v.i);

            if (entry == NULL || ((col->flags & GK_COLUMN_FLAG_NULLABLE) && cell->v.i == 0))
              sqlite3_bind_null (stmt, p);
            else
              sqlite3_bind_text (stmt, p, entry->key, -1, SQLITE_STATIC);
          }
          break;
        case GK_COLUMN_DOMAINS:
          sqlite3_bind_text (stmt, p, gk_domains_to_keys ((GkDomains) cell->v.i), -1, g_free);
          break;
        case GK_COLUMN_ID:
        default:
          g_assert_not_reached ();
        }
    }
}

void
gk_record_copy_system (GkRecord *self,
                       GkRecord *from)
{
  GkTableMeta *meta = meta_of (self);
  const guint system[] = { 0, meta->version_column, meta->updated_at_column, meta->updated_by_column };
  GkCell *cells = priv_of (from)->cells;

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint k = 0; k < G_N_ELEMENTS (system); k++)
    {
      guint i = system[k];
      GkCell cell = cells[i];

      if (is_text (&table_of (self)->columns[i]))
        cell.v.s = g_strdup (cell.v.s);
      cell_assign (self, i, &cell, TRUE);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- changeset values -------------------------------------------------------
 * The format of sqlite3session_changeset() (sqlite.org/sessionintro.html,
 * "changeset format"): a value is its type byte (SQLITE_INTEGER, ...,
 * SQLITE_NULL), then an integer or a real as 8 bytes, big-endian, a text as
 * its length in a varint and its bytes. */

/* Room for @n more bytes at the end of @out. */
static guint8 *
grow (GByteArray *out,
      gsize       n)
{
  guint at = out->len;

  g_byte_array_set_size (out, at + (guint) n);
  return out->data + at;
}

static guint
varint_length (guint64 value)
{
  guint n = 1;

  if (value > G_GUINT64_CONSTANT (0x00ffffffffffffff))
    return 9;
  while (value >>= 7)
    n++;
  return n;
}

void
gk_changeset_append_varint (GByteArray *out,
                            guint64     value)
{
  guint n = varint_length (value);
  guint8 *at = grow (out, n);

  if (n == 9)
    {
      /* Eight bytes of seven bits, the last one of all eight. */
      at[8] = (guint8) value;
      value >>= 8;
      for (int i = 7; i >= 0; i--)
        {
          at[i] = (guint8) ((value & 0x7f) | 0x80);
          value >>= 7;
        }
      return;
    }
  for (int i = (int) n - 1; i >= 0; i--)
    {
      at[i] = (guint8) ((value & 0x7f) | (i == (int) n - 1 ? 0 : 0x80));
      value >>= 7;
    }
}

static void
append_changeset_u64 (GByteArray *out,
                      guint8      type,
                      guint64     bits)
{
  guint8 *at = grow (out, 9);

  at[0] = type;
  for (int i = 8; i >= 1; i--)
    {
      at[i] = (guint8) bits;
      bits >>= 8;
    }
}

static void
append_changeset_text (GByteArray *out,
                       const char *text)
{
  gsize len = strlen (text);
  guint n = varint_length (len);
  guint8 *at;

  if (n == 9)
    {
      /* Never for a text SQLite holds, but the format allows it. */
      grow (out, 1)[0] = SQLITE_TEXT;
      gk_changeset_append_varint (out, len);
      memcpy (grow (out, len), text, len);
      return;
    }
  at = grow (out, 1 + n + len);
  at[0] = SQLITE_TEXT;
  for (guint64 v = len, i = n; i > 0; i--)
    {
      at[i] = (guint8) ((v & 0x7f) | (i == n ? 0 : 0x80));
      v >>= 7;
    }
  memcpy (at + 1 + n, text, len);
}

static void
append_changeset_null (GByteArray *out)
{
  grow (out, 1)[0] = SQLITE_NULL;
}

static void
append_changeset_real (GByteArray *out,
                       double      value)
{
  guint64 bits;

  /* SQLite stores a NaN bound to a REAL column as NULL. */
  if (isnan (value))
    {
      append_changeset_null (out);
      return;
    }
  memcpy (&bits, &value, sizeof bits);
  append_changeset_u64 (out, SQLITE_FLOAT, bits);
}

/* A cell as SQLite holds it: the value gk_record_bind_columns() binds (and
 * the document's INSERT, for the system columns), in the storage class its
 * column keeps it in. */
typedef struct {
  int         type;     /* SQLITE_NULL, _INTEGER, _FLOAT or _TEXT */
  gint64      i;
  double      d;
  const char *s;
  char       *owned;    /* when s had to be made */
} StoredValue;

static void
stored_value (const GkColumn *col,
              const GkCell   *cell,
              StoredValue    *v)
{
  *v = (StoredValue) { SQLITE_NULL };
  switch (col->kind)
    {
    case GK_COLUMN_ID:
    case GK_COLUMN_INT:
      v->type = SQLITE_INTEGER;
      v->i = cell->v.i;
      break;
    case GK_COLUMN_TEXT:
      v->type = SQLITE_TEXT;
      v->s = cell->v.s != NULL ? cell->v.s : "";
      break;
    case GK_COLUMN_DATE:
      if (cell->v.s != NULL)
        {
          v->type = SQLITE_TEXT;
          v->s = cell->v.s;
        }
      break;
    case GK_COLUMN_REF:
      if (cell->v.i != 0)
        {
          v->type = SQLITE_INTEGER;
          v->i = cell->v.i;
        }
      break;
    case GK_COLUMN_MONEY:
      if (!cell->null)
        {
          v->type = SQLITE_INTEGER;
          v->i = cell->v.i;
        }
      break;
    case GK_COLUMN_REAL:
      /* SQLite stores a NaN bound to a REAL column as NULL. */
      if (!cell->null && !isnan (cell->v.d))
        {
          v->type = SQLITE_FLOAT;
          v->d = cell->v.d;
        }
      break;
    case GK_COLUMN_ENUM:
      {
        const GkEnumEntry *entry = enum_entry_by_value (col, cell->v.i);

        if (entry != NULL && !((col->flags & GK_COLUMN_FLAG_NULLABLE) && cell->v.i == 0))
          {
            v->type = SQLITE_TEXT;
            v->s = entry->key;
          }
      }
      break;
    case GK_COLUMN_DOMAINS:
      v->type = SQLITE_TEXT;
      v->s = v->owned = gk_domains_to_keys ((GkDomains) cell->v.i);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
gk_record_append_changeset_values (GkRecord   *self,
                                   GByteArray *out)
{
  const GkTable *table = table_of (self);
  const GkCell *cells = priv_of (self)->cells;

  for (guint i = 0; i < table->n_columns; i++)
    {
      StoredValue v;

      stored_value (&table->columns[i], &cells[i], &v);
      switch (v.type)
        {
        case SQLITE_INTEGER:
          append_changeset_u64 (out, SQLITE_INTEGER, (guint64) v.i);
          break;
        case SQLITE_FLOAT:
          append_changeset_real (out, v.d);
          break;
        case SQLITE_TEXT:
          append_changeset_text (out, v.s);
          break;
        default:
          append_changeset_null (out);
          break;
        }
      g_free (v.owned);
    }
}

/* ---- JSON, for the change log's values ------------------------------------ */

void
gk_json_append_string (GString    *json,
                       const char *text)
{
  g_string_append_c (json, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char) *p);
        }
      else if (*p < 0x20)
        g_string_append_printf (json, "\\u%04x", *p);
      else
        g_string_append_c (json, (char) *p);
    }
  g_string_append_c (json, '"');
}

void
gk_json_append_real (GString *json,
                     double   value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no infinity: such a value is written as none. */
  if (isfinite (value))
    g_string_append (json, g_ascii_dtostr (number, sizeof number, value));
  else
    g_string_append (json, "null");
}

void
gk_record_append_json_values (GkRecord *self,
                              GString  *json)
{
  const GkTable *table = table_of (self);
  const GkCell *cells = priv_of (self)->cells;

  g_string_assign (json, "{");
  for (guint i = 0; i < table->n_columns; i++)
    {
      const GkColumn *col = &table->columns[i];
      StoredValue v;

      if (col->kind == GK_COLUMN_ID || (col->flags & GK_COLUMN_FLAG_SYSTEM) != 0)
        continue;
      stored_value (col, &cells[i], &v);
      if (v.type != SQLITE_NULL)
        {
          g_string_append (json, json->len > 1 ? ", " : "");
          gk_json_append_string (json, col->name);
          g_string_append (json, ": [null, ");
          if (v.type == SQLITE_INTEGER)
            g_string_append_printf (json, "%" G_GINT64_FORMAT, v.i);
          else if (v.type == SQLITE_FLOAT)
            gk_json_append_real (json, v.d);
          else
            gk_json_append_string (json, v.s);
          g_string_append_c (json, ']');
        }
      g_free (v.owned);
    }
  g_string_append_c (json, '}');
}

void
gk_record_stamp_inserted (GkRecord   *self,
                          gint64      id,
                          const char *updated_at,
                          const char *updated_by)
{
  GkTableMeta *meta = meta_of (self);
  GkCell cell = { 0 };

  cell.v.i = id;
  cell_assign (self, 0, &cell, FALSE);
  cell = (GkCell) { 0 };
  cell.v.i = 1;
  cell_assign (self, meta->version_column, &cell, FALSE);
  cell = (GkCell) { 0 };
  cell.v.s = g_strdup (updated_at);
  cell_assign (self, meta->updated_at_column, &cell, FALSE);
  cell = (GkCell) { 0 };
  cell.v.s = g_strdup (updated_by != NULL ? updated_by : "");
  cell_assign (self, meta->updated_by_column, &cell, FALSE);
}
