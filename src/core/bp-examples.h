/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-examples.h: classes to try, the seeds' four people and two generated
 * from published adult heights and weights
 *
 * The generated ones come from the project's own generator (bp-random.c)
 * with a fixed seed, so every machine and every run gets the same people,
 * and from the US adult (20 years and over) means of NHANES 2015–2018:
 * Fryar CD, Carroll MD, Gu Q, Afful J, Ogden CL.  Anthropometric reference
 * data for children and adults: United States, 2015–2018.  National
 * Center for Health Statistics.  Vital Health Stat 3(46), 2021.
 * The standard deviations and the correlation are ours (see README.md).
 */
#pragma once

#include <glib.h>

#include "bp-people.h"

G_BEGIN_DECLS

typedef enum
{
  BP_EXAMPLE_SEEDS,       /* Alice, Bob, Charlie and Diana */
  BP_EXAMPLE_CLASS,       /* 30 generated adults, 15 F and 15 M */
  BP_EXAMPLE_POPULATION,  /* 10 000 generated adults, 5000 F and 5000 M */
  BP_N_EXAMPLES
} BpExample;

/* The published means, and the spread we give them. */
typedef struct
{
  double weight_mean_lb;
  double weight_sd_lb;
  double height_mean_in;
  double height_sd_in;
} BpBodyFigures;

/* Between height and the logarithm of weight, within each sex. */
#define BP_EXAMPLE_CORRELATION 0.4

#define BP_EXAMPLE_CLASS_SEED 30
#define BP_EXAMPLE_POPULATION_SEED 10000

const BpBodyFigures *bp_example_figures      (BpGender      gender);
const char          *bp_example_to_string    (BpExample     example);
gboolean             bp_example_from_string  (const char   *string,
                                              BpExample    *example);
guint                bp_example_get_n        (BpExample     example);
BpPeople            *bp_example_new          (BpExample     example,
                                              const char   *name_prefix);
BpPeople            *bp_example_generate     (guint         n,
                                              guint32       seed,
                                              const char   *name_prefix);

G_END_DECLS
