/* main.c: backprop-cli entry point */
#include <locale.h>

#include "bp-cli.h"

int
main (int    argc,
      char **argv)
{
  /* Numbers on the command line and in files always use a dot; the
   * locale only affects messages. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  return bp_cli_main (argc, argv);
}
