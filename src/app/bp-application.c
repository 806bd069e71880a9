/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-application.c: Backprop's GtkApplication
 *
 * GtkApplication exports each window's "win" actions on D-Bus under
 * /io/github/backprop/Backprop/window/N.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bp-application.h"
#include "bp-color-scheme.h"
#include "bp-help.h"
#include "bp-settings.h"
#include "bp-tooltips.h"
#include "bp-window.h"

struct _BpApplication
{
  GtkApplication parent_instance;

  GSettings     *settings;  /* NULL without the schema */
  gboolean       settings_looked_up;
};

G_DEFINE_FINAL_TYPE (BpApplication, bp_application, GTK_TYPE_APPLICATION)

/* Closing the windows ends their runs (each joins its worker thread)
 * and lets g_application_run() return 0 once the last one is gone; a
 * window with unsaved changes asks first, and stays if told to. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *authors[] = { _("The Backprop authors"), NULL };
  const char *tutorial[] = {
    "Victor Zhou, “Machine Learning for Beginners: An Introduction to Neural Networks” "
    "https://victorzhou.com/blog/intro-to-neural-networks/",
    NULL
  };
  GtkAboutDialog *about = GTK_ABOUT_DIALOG (gtk_about_dialog_new ());

  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_about_dialog_set_program_name (about, _("Backprop"));
  gtk_about_dialog_set_logo_icon_name (about, APP_ID);
  gtk_about_dialog_set_version (about, PACKAGE_VERSION);
  gtk_about_dialog_set_comments (about, _("Watch a neural network learn"));
  gtk_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
  gtk_about_dialog_set_authors (about, authors);
  /* Translators: a credits heading in the About dialog, above the tutorial
   * whose network and people Backprop shows */
  gtk_about_dialog_add_credit_section (about, _("The network and the people come from"), tutorial);
  /* Translators: your names, one a line, as you want them credited */
  gtk_about_dialog_set_translator_credits (about, _("translator-credits"));
  gtk_window_present (GTK_WINDOW (about));
}

/* The help viewer's guide when installed, the built-in one otherwise. */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  bp_help_show (GTK_APPLICATION (user_data));
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "help", .activate = help_activated },
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

/* Every accelerator, also listed in bp-help-overlay.ui. */
static const struct
{
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "win.train", { "<Control>Return", NULL } },
  /* F-keys: entries and buttons keep every Ctrl and Alt letter they use. */
  { "win.step-epoch", { "F6", NULL } },
  { "win.reset", { "<Control>r", NULL } },
  /* As in GNOME's tabbed apps. */
  { "win.show-page::loss", { "<Alt>1", NULL } },
  { "win.show-page::trajectories", { "<Alt>2", NULL } },
  { "win.show-page::network", { "<Alt>3", NULL } },
  { "win.show-page::map", { "<Alt>4", NULL } },
  { "win.show-page::explain", { "<Alt>5", NULL } },
  { "win.next-page", { "<Control>Page_Down", NULL } },
  { "win.previous-page", { "<Control>Page_Up", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.import-people", { "<Control>i", NULL } },
  { "win.export-image", { "<Control>e", NULL } },
  /* Ctrl+C stays the entries' copy. */
  { "win.copy-chart", { "<Control><Shift>c", NULL } },
  /* GNOME's key for a side pane. */
  { "win.side-pane", { "F9", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.help", { "F1", NULL } },
  /* GtkApplication's own, which it sets only for gtk/help-overlay.ui. */
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
bp_application_startup (GApplication *application)
{
  GtkApplication *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (bp_application_parent_class)->startup (application);

  /* gtk_init() has just set the locale: numbers on screen follow it, and
   * entries read the locale's decimal separator as well as the dot. */
  load_css ();
  bp_color_scheme_follow (gtk_settings_get_default ());
  bp_tooltips_watch ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  /* Space and Escape are the window's own bindings: an application
   * accelerator would take them from the entries. */
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (app, app_accels[i].action, app_accels[i].accels);
}

/* The lesson window most recently used, or a new one: the active window
 * may be the guide (F1), which is no lesson. */
static BpWindow *
lesson_window (BpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BP_IS_WINDOW (l->data))
      return BP_WINDOW (l->data);
  return bp_window_new (self);
}

static void
bp_application_activate (GApplication *application)
{
  gtk_window_present (GTK_WINDOW (lesson_window (BP_APPLICATION (application))));
}

/* backprop FILE…, or files opened from the file manager: each session
 * in its own window unless the window is still untouched; people files
 * go into the window that is there. */
static void
bp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BpWindow *window = lesson_window (BP_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    bp_window_open (window, files[i]);
}

static void
bp_application_dispose (GObject *object)
{
  BpApplication *self = BP_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bp_application_parent_class)->dispose (object);
}

static void
bp_application_class_init (BpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bp_application_dispose;
  app_class->startup = bp_application_startup;
  app_class->activate = bp_application_activate;
  app_class->open = bp_application_open;
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
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/* The settings every window shares, made on first use; NULL when the
 * schema is not installed. */
GSettings *
bp_application_get_settings (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);

  if (!self->settings_looked_up)
    self->settings = bp_settings_new ();
  self->settings_looked_up = TRUE;
  return self->settings;
}
