/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-help.c: opening the guide, in the help viewer or built in
 *
 * Installed, the guide is Mallard pages under share/help, which Yelp (or
 * any handler of help: URIs) shows.  From the build tree, or with no help
 * viewer, the same pages are in the resources and BpHelpWindow shows
 * them: F1 always gives the guide, never an error.
 */
#include "config.h"

#include "bp-help.h"
#include "bp-help-window.h"

#define HELP_URI "help:" APP_ID

static gboolean
has_index_page (const char *data_dir)
{
  for (const char * const *lang = g_get_language_names (); *lang != NULL; lang++)
    {
      g_autofree char *path = g_build_filename (data_dir, "help", *lang, APP_ID, "index.page", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

/* Whether a help viewer would find the installed guide: a handler for
 * help: URIs, and the pages where it looks for them. */
gboolean
bp_help_is_installed (void)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");

  if (viewer == NULL)
    return FALSE;
  if (has_index_page (g_get_user_data_dir ()))
    return TRUE;
  for (const char * const *dir = g_get_system_data_dirs (); *dir != NULL; dir++)
    if (has_index_page (*dir))
      return TRUE;
  return FALSE;
}

/* One guide for the whole application, above its active window. */
void
bp_help_show_builtin (GtkApplication *app)
{
  GtkWindow *parent = gtk_application_get_active_window (app);
  BpHelpWindow *help = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (BP_IS_HELP_WINDOW (l->data))
      help = l->data;
  if (help == NULL)
    {
      help = bp_help_window_new ();
      gtk_window_set_application (GTK_WINDOW (help), app);
    }
  if (parent != NULL && parent != GTK_WINDOW (help))
    gtk_window_set_transient_for (GTK_WINDOW (help), parent);
  gtk_window_present (GTK_WINDOW (help));
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkApplication) app = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_debug ("The help viewer did not open %s (%s): showing the built-in guide",
               HELP_URI, error->message);
      bp_help_show_builtin (app);
    }
}

void
bp_help_show (GtkApplication *app)
{
  GtkWindow *parent = gtk_application_get_active_window (app);

  if (bp_help_is_installed () && parent != NULL)
    gtk_show_uri_full (parent, HELP_URI, GDK_CURRENT_TIME, NULL, on_uri_shown, g_object_ref (app));
  else
    bp_help_show_builtin (app);
}
