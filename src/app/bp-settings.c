/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-settings.c: what Backprop remembers between sessions
 *
 * The window's size, the settings of the last run and the choices of the
 * views, in the io.github.backprop.Backprop schema.  Every function takes
 * a NULL GSettings and then does nothing: Backprop runs without its schema
 * (from an uninstalled build, say), only forgetting.
 *
 * The choices are bound one way after the first read: a window writes
 * what it changes, but one window's change never moves another's.
 */
#include "config.h"

#include <math.h>

#include "bp-settings.h"

#define MIN_WIDTH 360
#define MIN_HEIGHT 294

/* g_settings_new() aborts when the schema is not installed, so look it
 * up first.  Not a warning: running uninstalled is normal for developers,
 * and the tests make warnings fatal. */
GSettings *
bp_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
restore_size (GSettings *settings,
              GtkWindow *window)
{
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");

  /* A size too small to use is a damaged setting, not a choice. */
  if (width >= MIN_WIDTH && height >= MIN_HEIGHT)
    gtk_window_set_default_size (window, width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

static void
restore_config (GSettings      *settings,
                BpTrainingForm *form)
{
  double learning_rate = g_settings_get_double (settings, "learning-rate");
  double target_loss = g_settings_get_double (settings, "target-loss");

  /* The schema cannot say "finite and positive"; anything else is
   * ignored and the form keeps its default. */
  if (isfinite (learning_rate) && learning_rate > 0)
    bp_training_form_set_learning_rate (form, learning_rate);
  bp_training_form_set_epochs (form, g_settings_get_uint64 (settings, "epochs"));
  if (isfinite (target_loss) && target_loss > 0)
    bp_training_form_set_target_loss (form, target_loss);
}

static void
bind (GSettings  *settings,
      const char *key,
      gpointer    object,
      const char *property)
{
  g_settings_bind (settings, key, object, property,
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
}

/* Gives a new window the remembered size, its training form the last
 * settings, and binds those that follow every change. */
void
bp_settings_restore_window (GSettings      *settings,
                            GtkWindow      *window,
                            BpTrainingForm *form,
                            BpPeopleEditor *editor,
                            BpLossChart    *chart)
{
  if (settings == NULL)
    return;
  restore_size (settings, window);
  restore_config (settings, form);
  bind (settings, "normalize", form, "normalize");
  bind (settings, "speed", form, "speed");
  bind (settings, "units", editor, "units");
  bind (settings, "chart-log-scale", chart, "log-scale");
}

/* The unmaximised size: a window maximised last time opens maximised and
 * still unmaximises to where it was. */
void
bp_settings_save_window_state (GSettings *settings,
                               GtkWindow *window)
{
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (window, &width, &height);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
}

/* The learning rate, epochs and target loss of the run that just started. */
static void
remember_run (BpLesson  *lesson,
              GSettings *settings)
{
  const BpRunSettings *run = bp_lesson_get_run_settings (lesson);

  g_settings_set_double (settings, "learning-rate", run->learning_rate);
  g_settings_set_uint64 (settings, "epochs", run->epochs);
  g_settings_set_double (settings, "target-loss", bp_lesson_get_progress (lesson)->target_loss);
}

/* Every run @lesson starts leaves its settings for the next window. */
void
bp_settings_follow_lesson (GSettings *settings,
                           BpLesson  *lesson)
{
  if (settings == NULL)
    return;
  g_signal_connect_object (lesson, "run-started", G_CALLBACK (remember_run), settings, 0);
}
