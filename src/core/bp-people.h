/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-people.h: the people a network learns from, the values they may
 * have, their units and the normalisation that turns them into the
 * network's two inputs */
#pragma once

#include <glib.h>

#include "bp-network.h"

G_BEGIN_DECLS

/* Sane ranges, in lb and in: from a newborn to the heaviest and tallest
 * people ever recorded, with room to spare. */
#define BP_WEIGHT_MIN_LB 1.0
#define BP_WEIGHT_MAX_LB 1500.0
#define BP_HEIGHT_MIN_IN 10.0
#define BP_HEIGHT_MAX_IN 120.0

/* Exact by definition (international yard and pound agreement, 1959). */
#define BP_KG_PER_LB 0.45359237
#define BP_CM_PER_IN 2.54

typedef enum
{
  BP_UNITS_LB_IN,
  BP_UNITS_KG_CM,
} BpUnits;

typedef enum
{
  BP_NORMALIZE_SEED,     /* weight − 135 lb, height − 66 in, as the seeds */
  BP_NORMALIZE_MEAN,     /* minus the training people's means */
  BP_NORMALIZE_STANDARD, /* minus the means, divided by the standard deviations */
  BP_NORMALIZE_NONE,     /* raw lb and in: what the seeds' centring avoids */
} BpNormalize;

typedef enum
{
  BP_GENDER_MALE = 0,
  BP_GENDER_FEMALE = 1,
} BpGender;

/* Weight and height are always kept in lb and in; units are only how they
 * are shown and read. */
typedef struct
{
  char    *name;
  double   weight_lb;
  double   height_in;
  BpGender gender;
} BpPerson;

/* Reference counted: a list is filled once, by its maker, then only read,
 * so the views of a class of 100 000 share one instead of each copying
 * it.  bp_people_add() refuses a list that is shared. */
typedef struct
{
  GPtrArray     *people;        /* of BpPerson */
  BpUnits        weight_units;  /* the units the data came in, for reading back */
  BpUnits        height_units;
  gatomicrefcount ref_count;
} BpPeople;

/* The affine map from (lb, in) to the network's inputs:
 * x0 = (weight_lb − weight_offset) / weight_scale, likewise x1. */
typedef struct
{
  BpNormalize mode;
  double      weight_offset;
  double      weight_scale;
  double      height_offset;
  double      height_scale;
} BpNormalizer;

BpPerson   *bp_person_new            (const char      *name,
                                      double           weight_lb,
                                      double           height_in,
                                      BpGender         gender);
BpPerson   *bp_person_copy           (const BpPerson  *person);
void        bp_person_free           (BpPerson        *person);
gboolean    bp_person_name_is_blank  (const char      *name);

BpPeople   *bp_people_new            (void);
BpPeople   *bp_people_new_seed       (void);
BpPeople   *bp_people_copy           (const BpPeople  *people);
BpPeople   *bp_people_ref            (const BpPeople  *people);
void        bp_people_unref          (BpPeople        *people);
gboolean    bp_people_equal          (const BpPeople  *a,
                                      const BpPeople  *b);
guint       bp_people_get_n          (const BpPeople  *people);
BpPerson   *bp_people_get            (const BpPeople  *people,
                                      guint            index);
void        bp_people_add            (BpPeople        *people,
                                      BpPerson        *person);
BpPerson   *bp_people_find           (const BpPeople  *people,
                                      const char      *name,
                                      guint           *index);

double      bp_weight_to_lb          (double           value,
                                      BpUnits          units);
double      bp_weight_from_lb        (double           lb,
                                      BpUnits          units);
double      bp_height_to_in          (double           value,
                                      BpUnits          units);
double      bp_height_from_in        (double           in,
                                      BpUnits          units);
double      bp_weight_shown          (double           lb,
                                      BpUnits          units);
double      bp_height_shown          (double           in,
                                      BpUnits          units);
const char *bp_units_weight_symbol   (BpUnits          units);
const char *bp_units_height_symbol   (BpUnits          units);

const char *bp_normalize_to_string   (BpNormalize      mode);
gboolean    bp_normalize_from_string (const char      *string,
                                      BpNormalize     *mode);
void        bp_normalizer_init       (BpNormalizer    *norm,
                                      BpNormalize      mode,
                                      const BpPeople  *training);
gboolean    bp_normalizer_equal      (const BpNormalizer *a,
                                      const BpNormalizer *b);
void        bp_normalizer_apply      (const BpNormalizer *norm,
                                      double           weight_lb,
                                      double           height_in,
                                      double          *x0,
                                      double          *x1);
BpDataset  *bp_people_to_dataset     (const BpPeople  *people,
                                      const BpNormalizer *norm);

const char *bp_gender_to_string      (BpGender         gender);
gboolean    bp_parse_gender          (const char      *text,
                                      BpGender        *gender);

gboolean    bp_check_weight_lb       (double           lb,
                                      BpUnits          shown_units,
                                      GError         **error);
gboolean    bp_check_height_in       (double           in,
                                      BpUnits          shown_units,
                                      GError         **error);
gboolean    bp_check_weight_given    (double           given,
                                      BpUnits          units,
                                      GError         **error);
gboolean    bp_check_height_given    (double           given,
                                      BpUnits          units,
                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpPerson, bp_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpPeople, bp_people_unref)

G_END_DECLS
