/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-cli.h: backprop-cli, the headless face of the core */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses: a contract scripts rely on. */
#define BP_CLI_EXIT_OK       0
#define BP_CLI_EXIT_USAGE    2  /* bad input of any kind */
#define BP_CLI_EXIT_DIVERGED 3  /* training stopped being finite */

int bp_cli_main (int    argc,
                 char **argv);

G_END_DECLS
