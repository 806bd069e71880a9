/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-enums.c: the GTypes glib-mkenums makes for the core's enumerations
 *
 * Settings and property bindings store the value nicks, so they must stay
 * what the hand-written types had, and match the schema's enums value
 * for value.
 */
#include "bp-enums.h"

#include <gio/gio.h>

typedef struct
{
  int         value;
  const char *nick;
} Nick;

static void
assert_nicks (GType       type,
              const char *type_name,
              const Nick *nicks,
              guint       n_nicks)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_assert_true (G_TYPE_IS_ENUM (type));
  g_assert_cmpstr (g_type_name (type), ==, type_name);
  g_assert_cmpuint (klass->n_values, ==, n_nicks);
  for (guint i = 0; i < n_nicks; i++)
    {
      GEnumValue *v = g_enum_get_value (klass, nicks[i].value);

      g_assert_nonnull (v);
      g_assert_cmpstr (v->value_nick, ==, nicks[i].nick);
    }
}

static void
test_units (void)
{
  static const Nick nicks[] = {
    { BP_UNITS_LB_IN, "lb-in" },
    { BP_UNITS_KG_CM, "kg-cm" },
  };

  g_assert_true (BP_TYPE_UNITS == bp_units_get_type ());
  assert_nicks (BP_TYPE_UNITS, "BpUnits", nicks, G_N_ELEMENTS (nicks));
}

static void
test_normalize (void)
{
  static const Nick nicks[] = {
    { BP_NORMALIZE_SEED, "seed" },
    { BP_NORMALIZE_MEAN, "mean" },
    { BP_NORMALIZE_STANDARD, "standard" },
    { BP_NORMALIZE_NONE, "none" },
  };

  g_assert_true (BP_TYPE_NORMALIZE == bp_normalize_get_type ());
  assert_nicks (BP_TYPE_NORMALIZE, "BpNormalize", nicks, G_N_ELEMENTS (nicks));
}

/* g_settings_bind () maps a key's nick to the property's value by the
 * enum type's nick: the schema must offer exactly the type's nicks. */
static void
assert_schema_key (GSettingsSchema *schema,
                   GSettings       *settings,
                   const char      *key_name,
                   GType            type)
{
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, key_name);
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GVariant) values = NULL;
  const char *kind;
  g_autofree const char **nicks = NULL;
  gsize n;

  g_variant_get (range, "(&sv)", &kind, &values);
  g_assert_cmpstr (kind, ==, "enum");
  nicks = g_variant_get_strv (values, &n);
  g_assert_cmpuint (n, ==, klass->n_values);
  for (gsize i = 0; i < n; i++)
    {
      GEnumValue *v = g_enum_get_value_by_nick (klass, nicks[i]);

      /* The same nick, and the same number behind it. */
      g_assert_nonnull (v);
      g_assert_true (g_settings_set_string (settings, key_name, nicks[i]));
      g_assert_cmpint (g_settings_get_enum (settings, key_name), ==, v->value);
    }
  g_settings_reset (settings, key_name);
}

static void
test_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, "io.github.backprop.Backprop", TRUE);
  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, NULL, NULL);
  assert_schema_key (schema, settings, "units", BP_TYPE_UNITS);
  assert_schema_key (schema, settings, "normalize", BP_TYPE_NORMALIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/enums/units", test_units);
  g_test_add_func ("/enums/normalize", test_normalize);
  g_test_add_func ("/enums/schema", test_schema);
  return g_test_run ();
}
