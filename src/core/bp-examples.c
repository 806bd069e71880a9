/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-examples.c: the seeds' people, a class of 30 and a population of
 * 10 000, generated reproducibly
 *
 * Heights are normal.  Weights are log-normal with the same mean and
 * standard deviation as the published figures: a normal weight with a
 * spread of 45 lb would give a few adults in 10 000 a weight under the
 * CSV reader's 1 lb, and many an adult of 60 lb, where real weights have
 * a long tail towards the heavy side and none below.  Height and the
 * logarithm of weight are correlated within each sex, as taller people
 * tend to be heavier.  Values are rounded to a tenth, as measured.
 */
#include "bp-examples.h"

#include <math.h>
#include <string.h>

#include "bp-csv.h"
#include "bp-random.h"

/* The means are those of Fryar et al. 2021 (see bp-examples.h), adults
 * aged 20 and over.  The report gives means and percentiles but no
 * standard deviations: the spreads are round figures of ours, about
 * those of adult heights and weights in NHANES. */
static const BpBodyFigures female_figures = {
  .weight_mean_lb = 170.8,
  .weight_sd_lb = 45.0,
  .height_mean_in = 63.5,
  .height_sd_in = 2.8,
};

static const BpBodyFigures male_figures = {
  .weight_mean_lb = 199.8,
  .weight_sd_lb = 45.0,
  .height_mean_in = 69.0,
  .height_sd_in = 3.0,
};

static const char * const example_names[] = { "seeds", "class", "population" };

G_STATIC_ASSERT (G_N_ELEMENTS (example_names) == BP_N_EXAMPLES);

const BpBodyFigures *
bp_example_figures (BpGender gender)
{
  return gender == BP_GENDER_FEMALE ? &female_figures : &male_figures;
}

/* The name backprop-cli takes: seeds, class or population. */
const char *
bp_example_to_string (BpExample example)
{
  g_return_val_if_fail (example < BP_N_EXAMPLES, NULL);

  return example_names[example];
}

gboolean
bp_example_from_string (const char *string,
                        BpExample  *example)
{
  for (guint i = 0; i < G_N_ELEMENTS (example_names); i++)
    if (g_strcmp0 (string, example_names[i]) == 0)
      {
        *example = (BpExample) i;
        return TRUE;
      }
  return FALSE;
}

guint
bp_example_get_n (BpExample example)
{
  switch (example)
    {
    case BP_EXAMPLE_SEEDS:
      return 4;
    case BP_EXAMPLE_CLASS:
      return 30;
    case BP_EXAMPLE_POPULATION:
      return 10000;
    case BP_N_EXAMPLES:
    default:
      g_return_val_if_reached (0);
    }
}

static double
round_tenth (double value)
{
  return round (value * 10.0) / 10.0;
}

/* Half of them women (the one more when @n is odd), in an order the
 * generator shuffles (Fisher–Yates), so that neither sex comes first. */
static BpGender *
shuffled_genders (BpRandom *rng,
                  guint     n)
{
  BpGender *genders = g_new (BpGender, n);

  for (guint i = 0; i < n; i++)
    genders[i] = i < (n + 1) / 2 ? BP_GENDER_FEMALE : BP_GENDER_MALE;
  for (guint i = n; i > 1; i--)
    {
      guint j = MIN ((guint) (bp_random_double (rng) * i), i - 1);
      BpGender swap = genders[i - 1];

      genders[i - 1] = genders[j];
      genders[j] = swap;
    }
  return genders;
}

static gboolean
in_range (double weight_lb,
          double height_in)
{
  return weight_lb >= BP_WEIGHT_MIN_LB && weight_lb <= BP_WEIGHT_MAX_LB &&
         height_in >= BP_HEIGHT_MIN_IN && height_in <= BP_HEIGHT_MAX_IN;
}

/* One adult of @gender: a height, and a weight whose logarithm goes with
 * it.  Drawn again in the (never yet seen) case of a value the CSV reader
 * would refuse, so that every example reads back. */
static void
draw_body (BpRandom *rng,
           BpGender  gender,
           double   *weight_lb,
           double   *height_in)
{
  const BpBodyFigures *f = bp_example_figures (gender);
  double cv = f->weight_sd_lb / f->weight_mean_lb;
  double sigma = sqrt (log (1.0 + cv * cv));
  double mu = log (f->weight_mean_lb) - sigma * sigma / 2.0;
  double r = BP_EXAMPLE_CORRELATION;

  do
    {
      double z_height = bp_random_gauss (rng);
      double z_other = bp_random_gauss (rng);
      double z_weight = r * z_height + sqrt (1.0 - r * r) * z_other;

      *height_in = round_tenth (f->height_mean_in + f->height_sd_in * z_height);
      *weight_lb = round_tenth (exp (mu + sigma * z_weight));
    }
  while (!in_range (*weight_lb, *height_in));
}

/* @n adults named “@name_prefix 01” … with as many digits as @n has, from
 * the generator seeded with @seed: the same people every time. */
BpPeople *
bp_example_generate (guint       n,
                     guint32     seed,
                     const char *name_prefix)
{
  BpPeople *people = bp_people_new ();
  g_autofree BpGender *genders = NULL;
  g_autofree char *largest = g_strdup_printf ("%u", n);
  int digits = (int) strlen (largest);
  BpRandom rng;

  g_return_val_if_fail (name_prefix != NULL, NULL);

  bp_random_init (&rng, seed);
  genders = shuffled_genders (&rng, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %0*u", name_prefix, digits, i + 1);
      double weight, height;

      draw_body (&rng, genders[i], &weight, &height);
      bp_people_add (people, bp_person_new (name, weight, height, genders[i]));
    }
  return people;
}

/* The people of @example, in lb and in; generated ones are named after
 * @name_prefix (NULL: “Student” for the class, “Person” for the
 * population; the app passes them translated). */
BpPeople *
bp_example_new (BpExample   example,
                const char *name_prefix)
{
  switch (example)
    {
    case BP_EXAMPLE_SEEDS:
      return bp_people_new_seed ();
    case BP_EXAMPLE_CLASS:
      return bp_example_generate (bp_example_get_n (example), BP_EXAMPLE_CLASS_SEED,
                                  name_prefix != NULL ? name_prefix : "Student");
    case BP_EXAMPLE_POPULATION:
      return bp_example_generate (bp_example_get_n (example), BP_EXAMPLE_POPULATION_SEED,
                                  name_prefix != NULL ? name_prefix : "Person");
    case BP_N_EXAMPLES:
    default:
      g_return_val_if_reached (NULL);
    }
}
