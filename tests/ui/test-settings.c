/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-settings.c: what the app remembers, with GSettings' memory backend
 *
 * The build's schema comes from GSETTINGS_SCHEMA_DIR (tests/ui/meson.build)
 * and GSETTINGS_BACKEND=memory keeps the values in this process.
 */
#include <math.h>

#include "bp-color-scheme.h"
#include "bp-settings.h"
#include "ui-utils.h"

#define APP_ID "io.github.backprop.Backprop"

static GSettings *
fresh_settings (void)
{
  GSettings *settings = bp_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static BpWindow *
window_with (GSettings *settings)
{
  BpWindow *window = g_object_new (BP_TYPE_WINDOW, "settings", settings, NULL);

  ui_test_show (GTK_WINDOW (window), 1280, 800);
  return window;
}

static const char *
entry_text (GtkEditable *editable)
{
  return gtk_editable_get_text (editable);
}

/* Set keys, build a window: the form shows them. */
static void
test_restored (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  BpWindow *window;
  BpTrainingForm *form;
  int width, height;

  g_settings_set_double (settings, "learning-rate", 0.5);
  g_settings_set_uint64 (settings, "epochs", 250);
  g_settings_set_string (settings, "units", "kg-cm");
  g_settings_set_string (settings, "normalize", "standard");
  g_settings_set_int (settings, "speed", 3);
  g_settings_set_boolean (settings, "chart-log-scale", TRUE);
  g_settings_set_boolean (settings, "side-pane", FALSE);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);

  window = g_object_new (BP_TYPE_WINDOW, "settings", settings, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  form = bp_window_get_training_form (window);
  g_assert_cmpstr (entry_text (bp_training_form_get_learning_rate_entry (form)), ==, "0.5");
  g_assert_cmpstr (entry_text (bp_training_form_get_epochs_entry (form)), ==, "250");
  g_assert_cmpint (bp_training_form_get_normalize (form), ==, BP_NORMALIZE_STANDARD);
  g_assert_cmpint (bp_training_form_get_speed (form), ==, 3);
  g_assert_cmpint (bp_people_editor_get_units (bp_window_get_people_editor (window)), ==, BP_UNITS_KG_CM);
  g_assert_true (bp_loss_chart_get_log_scale (bp_window_get_loss_chart (window)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW)));
  /* What settings restore is where the window starts: not a change. */
  g_assert_false (bp_window_get_modified (window));
  g_assert_cmpuint (ui_test_progress (window).epochs, ==, 250);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choices are written as they are made; the learning rate and epochs
 * when a run starts; the size when the window closes. */
static void
test_written (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  BpWindow *window = window_with (settings);
  BpTrainingForm *form = bp_window_get_training_form (window);

  bp_training_form_set_speed (form, BP_SPEED_FASTEST);
  bp_training_form_set_normalize (form, BP_NORMALIZE_MEAN);
  bp_people_editor_set_units (bp_window_get_people_editor (window), BP_UNITS_KG_CM);
  bp_loss_chart_set_log_scale (bp_window_get_loss_chart (window), TRUE);
  g_assert_cmpint (g_settings_get_int (settings, "speed"), ==, BP_SPEED_FASTEST);
  g_assert_cmpint (g_settings_get_enum (settings, "normalize"), ==, BP_NORMALIZE_MEAN);
  g_assert_cmpint (g_settings_get_enum (settings, "units"), ==, BP_UNITS_KG_CM);
  g_assert_true (g_settings_get_boolean (settings, "chart-log-scale"));
  ui_test_activate (window, "side-pane");
  g_assert_false (g_settings_get_boolean (settings, "side-pane"));

  ui_test_set_text (bp_training_form_get_learning_rate_entry (form), "0.03");
  ui_test_set_text (bp_training_form_get_epochs_entry (form), "40");
  g_assert_cmpfloat (g_settings_get_double (settings, "learning-rate"), ==, 0.1);
  ui_test_activate (window, "train");
  g_assert_cmpfloat (g_settings_get_double (settings, "learning-rate"), ==, 0.03);
  g_assert_cmpuint (g_settings_get_uint64 (settings, "epochs"), ==, 40);
  ui_test_run_until_done (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (ui_test_find_dialog (GTK_WINDOW (window))), GTK_RESPONSE_REJECT);
  g_object_unref (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* One window's choice does not move another window's. */
static void
test_windows_apart (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  BpWindow *a = window_with (settings);
  BpWindow *b = window_with (settings);

  bp_training_form_set_speed (bp_window_get_training_form (a), 0);
  g_assert_cmpint (g_settings_get_int (settings, "speed"), ==, 0);
  g_assert_cmpint (bp_training_form_get_speed (bp_window_get_training_form (b)), ==, 1);
  ui_test_destroy_window (a);
  ui_test_destroy_window (b);
}

/* Values no one would choose are ignored, not shown as errors. */
static void
test_damaged (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  BpWindow *window;
  int width, height;

  g_settings_set_double (settings, "learning-rate", -1);
  g_settings_set_int (settings, "window-width", 3);
  window = g_object_new (BP_TYPE_WINDOW, "settings", settings, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpstr (entry_text (bp_training_form_get_learning_rate_entry (bp_window_get_training_form (window))),
                   ==, "0.1");
  g_assert_true (bp_training_form_get_valid (bp_window_get_training_form (window)));
  g_settings_set_double (settings, "learning-rate", NAN);
  gtk_window_destroy (GTK_WINDOW (window));
  window = g_object_new (BP_TYPE_WINDOW, "settings", settings, NULL);
  g_assert_true (bp_training_form_get_valid (bp_window_get_training_form (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
restore_env (const char *name,
             const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

/* Without the schema the app runs, remembering nothing, and says so
 * without a warning. */
static void
test_no_schema (void)
{
  g_autofree char *schema_dir = g_strdup (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  if (g_test_subprocess ())
    {
      BpWindow *window;

      g_assert_null (bp_settings_new ());
      window = bp_window_new (NULL);
      g_assert_null (bp_window_get_settings (window));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  /* Set in the parent, so the child starts with them: GLib reads the
   * system data dirs once, at gtk_init in the child's main(), and a copy
   * of the app installed to /usr/local would otherwise be found. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", "/nonexistent", TRUE);
  g_setenv ("XDG_DATA_DIRS", "/nonexistent", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  restore_env ("GSETTINGS_SCHEMA_DIR", schema_dir);
  restore_env ("XDG_DATA_DIRS", data_dirs);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*" APP_ID " is not installed*");
}

/* The portal's color-scheme, as Read (wrapped twice) and SettingChanged
 * (once) give it. */
static void
test_color_scheme (void)
{
  g_autoptr(GVariant) read_dark = g_variant_ref_sink (
    g_variant_new_variant (g_variant_new_variant (g_variant_new_uint32 (1))));
  g_autoptr(GVariant) changed_light = g_variant_ref_sink (g_variant_new_variant (g_variant_new_uint32 (2)));
  g_autoptr(GVariant) none = g_variant_ref_sink (g_variant_new_uint32 (0));
  g_autoptr(GVariant) wrong = g_variant_ref_sink (g_variant_new_string ("dark"));

  g_assert_true (bp_color_scheme_prefers_dark (read_dark));
  g_assert_false (bp_color_scheme_prefers_dark (changed_light));
  g_assert_false (bp_color_scheme_prefers_dark (none));
  g_assert_false (bp_color_scheme_prefers_dark (wrong));
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/settings/restored", test_restored);
  g_test_add_func ("/settings/written", test_written);
  g_test_add_func ("/settings/windows-apart", test_windows_apart);
  g_test_add_func ("/settings/damaged", test_damaged);
  g_test_add_func ("/settings/no-schema", test_no_schema);
  g_test_add_func ("/settings/color-scheme", test_color_scheme);

  return g_test_run ();
}
