/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-python.h: a lesson as a standalone Python 3 + numpy program in the
 * shape of the seeds, to take home and run */
#pragma once

#include <glib.h>

#include "bp-network.h"
#include "bp-people.h"

G_BEGIN_DECLS

/* Everything the program holds.  The people's weight_units and
 * height_units are the units its comments and normalise() use. */
typedef struct
{
  const BpPeople *people;
  const BpPeople *test;           /* held-out people, or NULL */
  BpNormalizer    norm;
  BpParams        initial;
  gboolean        has_seed;       /* @initial is what @seed draws */
  guint32         seed;
  double          learning_rate;
  guint64         epochs;
  double          target_loss;    /* stop once the loss is below it; 0: no target */
  const double   *classify;       /* weight, height pairs in the people's units */
  guint           n_classify;
} BpPythonLesson;

char *bp_python_program (const BpPythonLesson *lesson);
char *bp_python_string  (const char           *text);

G_END_DECLS
