/* bp-application.c: Backprop's GtkApplication
 *
 * GtkApplication exports each window's "win" actions on D-Bus under
 * /io/github/backprop/Backprop/window/N.
 */
#include "config.h"

#include <locale.h>

#include "bp-application.h"
#include "bp-window.h"

struct _BpApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (BpApplication, bp_application, GTK_TYPE_APPLICATION)

/* Destroying the windows ends their runs (each joins its worker thread)
 * and lets g_application_run() return 0. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_activated },
};

/* Plain GTK, unlike libadwaita, does not pick up style.css by itself. */
static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/backprop/Backprop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
bp_application_startup (GApplication *application)
{
  static const char * const train_accels[] = { "<Control>Return", NULL };
  static const char * const quit_accels[] = { "<Control>q", NULL };
  GtkApplication *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (bp_application_parent_class)->startup (application);

  /* gtk_init() has just set the whole locale.  Entries are read with the
   * core's dot-only parser, as files and backprop-cli are, so every number
   * on screen uses the dot as well; messages stay translated. */
  setlocale (LC_NUMERIC, "C");
  load_css ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  /* Space and Escape are the window's own bindings: an application
   * accelerator would take them from the entries. */
  gtk_application_set_accels_for_action (app, "win.train", train_accels);
  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);
}

static void
bp_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (bp_window_new (BP_APPLICATION (application)));
  gtk_window_present (window);
}

static void
bp_application_class_init (BpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = bp_application_startup;
  app_class->activate = bp_application_activate;
}

static void
bp_application_init (BpApplication *self)
{
}

BpApplication *
bp_application_new (void)
{
  return g_object_new (BP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
