/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: backprop-cli entry point */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <unistd.h>

#include "bp-cli.h"

/* A standard descriptor closed by whoever started us would be the number
 * the next open() returns: the CSV being read, or the session being saved,
 * would then take stdout's place and the results would be written into
 * it.  Each closed one is held by /dev/null opened for reading only, where
 * every write fails (and is reported) as it would have on the closed one. */
static void
hold_closed_std_fds (void)
{
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
    if (fcntl (fd, F_GETFD) == -1 && errno == EBADF)
      {
        /* The lower ones are open, so open() gives exactly @fd. */
        int held = open ("/dev/null", O_RDONLY);

        if (held != fd && held != -1)
          close (held);
      }
}

int
main (int    argc,
      char **argv)
{
  hold_closed_std_fds ();
  /* Numbers on the command line and in files always use a dot.  The
   * output is English whatever the locale, for scripts and for teachers
   * sharing a terminal: messages stay in C, which also keeps the core's
   * messages and GOption's own in English (gettext ignores LANGUAGE
   * there).  The locale still sets the character set of the output. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  setlocale (LC_MESSAGES, "C");
  return bp_cli_main (argc, argv);
}
