/* main.c: backprop, the GTK application */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bp-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(BpApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
