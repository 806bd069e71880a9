/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-people.c: people, the values they may have, units and
 * normalisation */
#include "config.h"

#include "bp-people.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bp-parse.h"
#include "bp-text.h"

BpPerson *
bp_person_new (const char *name,
               double      weight_lb,
               double      height_in,
               BpGender    gender)
{
  BpPerson *person = g_new0 (BpPerson, 1);

  person->name = g_strdup (name);
  person->weight_lb = weight_lb;
  person->height_in = height_in;
  person->gender = gender;
  return person;
}

BpPerson *
bp_person_copy (const BpPerson *person)
{
  return bp_person_new (person->name, person->weight_lb, person->height_in, person->gender);
}

/* Blanks alone name nobody: the window asks for a name instead, a CSV
 * file's blank name becomes "Person N" and a session's is refused. */
gboolean
bp_person_name_is_blank (const char *name)
{
  for (; *name != '\0'; name++)
    if (!g_ascii_isspace (*name))
      return FALSE;
  return TRUE;
}

void
bp_person_free (BpPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person);
}

BpPeople *
bp_people_new (void)
{
  BpPeople *people = g_new0 (BpPeople, 1);

  people->people = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_person_free);
  people->weight_units = BP_UNITS_LB_IN;
  people->height_units = BP_UNITS_LB_IN;
  g_atomic_ref_count_init (&people->ref_count);
  return people;
}

/* Alice, Bob, Charlie and Diana, as in every version of the seeds. */
BpPeople *
bp_people_new_seed (void)
{
  BpPeople *people = bp_people_new ();

  bp_people_add (people, bp_person_new ("Alice", 133, 65, BP_GENDER_FEMALE));
  bp_people_add (people, bp_person_new ("Bob", 160, 72, BP_GENDER_MALE));
  bp_people_add (people, bp_person_new ("Charlie", 152, 70, BP_GENDER_MALE));
  bp_people_add (people, bp_person_new ("Diana", 120, 60, BP_GENDER_FEMALE));
  return people;
}

BpPeople *
bp_people_copy (const BpPeople *people)
{
  BpPeople *copy = bp_people_new ();

  copy->weight_units = people->weight_units;
  copy->height_units = people->height_units;
  for (guint i = 0; i < people->people->len; i++)
    bp_people_add (copy, bp_person_copy (bp_people_get (people, i)));
  return copy;
}

/* Another holder of @people, which nobody changes any more. */
BpPeople *
bp_people_ref (const BpPeople *people)
{
  BpPeople *self = (BpPeople *) people;

  g_return_val_if_fail (people != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bp_people_unref (BpPeople *people)
{
  if (people == NULL || !g_atomic_ref_count_dec (&people->ref_count))
    return;
  g_ptr_array_unref (people->people);
  g_free (people);
}

/* Bit for bit, so that 0 and −0 differ.  The units are left out: they
 * record those of a CSV file the people came from. */
gboolean
bp_people_equal (const BpPeople *a,
                 const BpPeople *b)
{
  if (a->people->len != b->people->len)
    return FALSE;
  for (guint i = 0; i < a->people->len; i++)
    {
      const BpPerson *p = bp_people_get (a, i), *q = bp_people_get (b, i);

      if (g_strcmp0 (p->name, q->name) != 0 || p->gender != q->gender ||
          memcmp (&p->weight_lb, &q->weight_lb, sizeof (double)) != 0 ||
          memcmp (&p->height_in, &q->height_in, sizeof (double)) != 0)
        return FALSE;
    }
  return TRUE;
}

guint
bp_people_get_n (const BpPeople *people)
{
  return people->people->len;
}

BpPerson *
bp_people_get (const BpPeople *people,
               guint           index)
{
  g_return_val_if_fail (index < people->people->len, NULL);
  return g_ptr_array_index (people->people, index);
}

void
bp_people_add (BpPeople *people,
               BpPerson *person)
{
  /* Whoever else holds @people counts on it staying as it was. */
  g_return_if_fail (g_atomic_ref_count_compare (&people->ref_count, 1));

  g_ptr_array_add (people->people, person);
}

BpPerson *
bp_people_find (const BpPeople *people,
                const char     *name,
                guint          *index)
{
  for (guint i = 0; i < people->people->len; i++)
    {
      BpPerson *person = bp_people_get (people, i);

      if (g_strcmp0 (person->name, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return person;
        }
    }
  return NULL;
}

double
bp_weight_to_lb (double  value,
                 BpUnits units)
{
  return units == BP_UNITS_KG_CM ? value / BP_KG_PER_LB : value;
}

double
bp_weight_from_lb (double  lb,
                   BpUnits units)
{
  return units == BP_UNITS_KG_CM ? lb * BP_KG_PER_LB : lb;
}

double
bp_height_to_in (double  value,
                 BpUnits units)
{
  return units == BP_UNITS_KG_CM ? value / BP_CM_PER_IN : value;
}

double
bp_height_from_in (double  in,
                   BpUnits units)
{
  return units == BP_UNITS_KG_CM ? in * BP_CM_PER_IN : in;
}

/* The value in @units that was most likely given for @kept (in lb or in).
 * A weight of 60 kg is kept as 60 / 0.45359237 lb, which converts back as
 * 59.99999999999999 kg: so the shortest decimal whose conversion gives
 * @kept again is the one shown and written.  It is the value typed (for
 * up to 15 significant digits, the conversion moves a value by a few ulps
 * only), or one as short that the network cannot tell from it.  When no
 * decimal converts back exactly, as for a value typed in the other units,
 * the plain conversion is all there is. */
static double
shown_value (double kept,
             double per_unit)
{
  double plain = kept * per_unit;

  if (!isfinite (plain))
    return plain;
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double candidate;

      g_snprintf (format, sizeof format, "%%.%de", digits - 1);
      candidate = g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, format, plain), NULL);
      if (candidate / per_unit == kept)
        return candidate;
    }
  return plain;
}

/* A weight kept in lb as it is shown and written in @units. */
double
bp_weight_shown (double  lb,
                 BpUnits units)
{
  return units == BP_UNITS_KG_CM ? shown_value (lb, BP_KG_PER_LB) : lb;
}

/* A height kept in inches as it is shown and written in @units. */
double
bp_height_shown (double  in,
                 BpUnits units)
{
  return units == BP_UNITS_KG_CM ? shown_value (in, BP_CM_PER_IN) : in;
}

const char *
bp_units_weight_symbol (BpUnits units)
{
  return units == BP_UNITS_KG_CM ? "kg" : "lb";
}

const char *
bp_units_height_symbol (BpUnits units)
{
  return units == BP_UNITS_KG_CM ? "cm" : "in";
}

static const char * const normalize_names[] = { "seed", "mean", "standard", "none" };

const char *
bp_normalize_to_string (BpNormalize mode)
{
  g_return_val_if_fail (mode <= BP_NORMALIZE_NONE, NULL);
  return normalize_names[mode];
}

gboolean
bp_normalize_from_string (const char  *string,
                          BpNormalize *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (normalize_names); i++)
    if (g_strcmp0 (string, normalize_names[i]) == 0)
      {
        *mode = i;
        return TRUE;
      }
  return FALSE;
}

static void
mean_and_sd (const BpPeople *people,
             gboolean        height,
             double         *mean,
             double         *sd)
{
  guint n = bp_people_get_n (people);
  double sum = 0.0, sq = 0.0;

  for (guint i = 0; i < n; i++)
    {
      BpPerson *p = bp_people_get (people, i);
      sum += height ? p->height_in : p->weight_lb;
    }
  *mean = n > 0 ? sum / n : 0.0;
  for (guint i = 0; i < n; i++)
    {
      BpPerson *p = bp_people_get (people, i);
      double d = (height ? p->height_in : p->weight_lb) - *mean;
      sq += d * d;
    }
  /* Population standard deviation, numpy's default (ddof = 0). */
  *sd = n > 0 ? sqrt (sq / n) : 0.0;
}

/* A spread of zero (everyone the same weight, or one person) would divide
 * by zero; such an input carries no information, so it is only centred. */
void
bp_normalizer_init (BpNormalizer   *norm,
                    BpNormalize     mode,
                    const BpPeople *training)
{
  double mw, sw, mh, sh;

  norm->mode = mode;
  norm->weight_offset = 135;
  norm->height_offset = 66;
  norm->weight_scale = 1;
  norm->height_scale = 1;
  if (mode == BP_NORMALIZE_SEED)
    return;
  /* The raw measurements: sums of a hundred or more, where the sigmoid is
   * flat and the gradient vanishes. */
  if (mode == BP_NORMALIZE_NONE)
    {
      norm->weight_offset = 0;
      norm->height_offset = 0;
      return;
    }
  mean_and_sd (training, FALSE, &mw, &sw);
  mean_and_sd (training, TRUE, &mh, &sh);
  norm->weight_offset = mw;
  norm->height_offset = mh;
  if (mode == BP_NORMALIZE_STANDARD)
    {
      norm->weight_scale = sw > 0 ? sw : 1;
      norm->height_scale = sh > 0 ? sh : 1;
    }
}

/* The same map from (lb, in) to inputs; offsets and scales compared
 * exactly, as the inputs they give would differ in the last bit. */
gboolean
bp_normalizer_equal (const BpNormalizer *a,
                     const BpNormalizer *b)
{
  return a->mode == b->mode &&
         a->weight_offset == b->weight_offset && a->weight_scale == b->weight_scale &&
         a->height_offset == b->height_offset && a->height_scale == b->height_scale;
}

void
bp_normalizer_apply (const BpNormalizer *norm,
                     double              weight_lb,
                     double              height_in,
                     double             *x0,
                     double             *x1)
{
  /* Dividing by a scale of 1 is exact, so the seed's inputs stay the
   * integers the seeds use. */
  *x0 = (weight_lb - norm->weight_offset) / norm->weight_scale;
  *x1 = (height_in - norm->height_offset) / norm->height_scale;
}

BpDataset *
bp_people_to_dataset (const BpPeople     *people,
                      const BpNormalizer *norm)
{
  guint n = bp_people_get_n (people);
  BpDataset *data = bp_dataset_new (n);

  for (guint i = 0; i < n; i++)
    {
      BpPerson *p = bp_people_get (people, i);

      bp_normalizer_apply (norm, p->weight_lb, p->height_in, &data->x0[i], &data->x1[i]);
      data->y[i] = p->gender == BP_GENDER_FEMALE ? 1.0 : 0.0;
    }
  return data;
}

const char *
bp_gender_to_string (BpGender gender)
{
  return gender == BP_GENDER_FEMALE ? "F" : "M";
}

/* ---- sensible ranges ------------------------------------------------------------ */

/* @value as a message shows it: with %g's six digits, or as many more as
 * it takes to show a value outside [@min, @max], so that 0.9999999 lb
 * does not read as "1 lb is outside 1–1500 lb". */
static char *
format_outside (double value,
                double min,
                double max)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 6; digits <= 17; digits++)
    {
      char format[8];
      double shown;

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      shown = g_ascii_strtod (buf, NULL);
      if (!(shown >= min && shown <= max))
        break;
    }
  return g_strdup (buf);
}

/* The message speaks the units the value was given in, and gives the
 * bounds exactly: in kg and cm they are the lb and in bounds converted,
 * 0.45359237–680.388555 kg and 25.4–304.8 cm. */
static gboolean
range_error (double      shown,
             double      min,
             double      max,
             gboolean    is_height,
             const char *unit,
             GError    **error)
{
  g_autofree char *value = format_outside (shown, min, max);
  g_autofree char *low = bp_text_from_double (min);
  g_autofree char *high = bp_text_from_double (max);

  /* Two whole sentences, not "a weight of" spliced into one: languages
   * put the value, the unit and the range in their own order. */
  if (is_height)
    g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE,
                 /* Translators: the value, its unit, the lowest and highest value, the unit. */
                 _("a height of %s %s is outside the sensible range %s–%s %s"),
                 value, unit, low, high, unit);
  else
    g_set_error (error, BP_PARSE_ERROR, BP_PARSE_ERROR_OUT_OF_RANGE,
                 /* Translators: the value, its unit, the lowest and highest value, the unit. */
                 _("a weight of %s %s is outside the sensible range %s–%s %s"),
                 value, unit, low, high, unit);
  return FALSE;
}

/* The bounds hold in lb and in, whatever the units: a person read in kg
 * is kept in lb and must read back from a file in lb.  @given is the
 * value as the user wrote it, in @units. */
static gboolean
check_weight (double   lb,
              double   given,
              BpUnits  units,
              GError **error)
{
  if (lb >= BP_WEIGHT_MIN_LB && lb <= BP_WEIGHT_MAX_LB)
    return TRUE;
  return range_error (given,
                      bp_weight_from_lb (BP_WEIGHT_MIN_LB, units),
                      bp_weight_from_lb (BP_WEIGHT_MAX_LB, units),
                      FALSE, bp_units_weight_symbol (units), error);
}

static gboolean
check_height (double   in,
              double   given,
              BpUnits  units,
              GError **error)
{
  if (in >= BP_HEIGHT_MIN_IN && in <= BP_HEIGHT_MAX_IN)
    return TRUE;
  return range_error (given,
                      bp_height_from_in (BP_HEIGHT_MIN_IN, units),
                      bp_height_from_in (BP_HEIGHT_MAX_IN, units),
                      TRUE, bp_units_height_symbol (units), error);
}

/* Whether @lb is a sensible weight, the message speaking of it in
 * @shown_units: for a weight already held in lb. */
gboolean
bp_check_weight_lb (double   lb,
                    BpUnits  shown_units,
                    GError **error)
{
  return check_weight (lb, bp_weight_from_lb (lb, shown_units), shown_units, error);
}

gboolean
bp_check_height_in (double   in,
                    BpUnits  shown_units,
                    GError **error)
{
  return check_height (in, bp_height_from_in (in, shown_units), shown_units, error);
}

/* Whether @given, a weight as the user wrote it in @units, is sensible
 * once in lb; the message gives it back as written. */
gboolean
bp_check_weight_given (double   given,
                       BpUnits  units,
                       GError **error)
{
  return check_weight (bp_weight_to_lb (given, units), given, units, error);
}

gboolean
bp_check_height_given (double   given,
                       BpUnits  units,
                       GError **error)
{
  return check_height (bp_height_to_in (given, units), given, units, error);
}

/* F or M, as a people file or a session writes it: also female and
 * male, or 1 and 0, in any case. */
gboolean
bp_parse_gender (const char *text,
                 BpGender   *gender)
{
  static const char * const female[] = { "f", "female", "1" };
  static const char * const male[] = { "m", "male", "0" };
  g_autofree char *key = g_ascii_strdown (text, -1);

  g_strstrip (key);
  for (guint i = 0; i < G_N_ELEMENTS (female); i++)
    {
      if (strcmp (key, female[i]) == 0 || strcmp (key, male[i]) == 0)
        {
          *gender = strcmp (key, female[i]) == 0 ? BP_GENDER_FEMALE : BP_GENDER_MALE;
          return TRUE;
        }
    }
  return FALSE;
}
