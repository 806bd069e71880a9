/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  const char *localedir = g_getenv ("BACKPROP_LOCALEDIR");

  /* `meson devenv` points BACKPROP_LOCALEDIR at the build's catalogues, so
   * that the app runs translated before it is installed. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
