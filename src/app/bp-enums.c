/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-enums.c: GTypes for the core's enumerations */
#include "bp-enums.h"

G_DEFINE_ENUM_TYPE (BpUnits, bp_units,
                    G_DEFINE_ENUM_VALUE (BP_UNITS_LB_IN, "lb-in"),
                    G_DEFINE_ENUM_VALUE (BP_UNITS_KG_CM, "kg-cm"))

G_DEFINE_ENUM_TYPE (BpNormalize, bp_normalize,
                    G_DEFINE_ENUM_VALUE (BP_NORMALIZE_SEED, "seed"),
                    G_DEFINE_ENUM_VALUE (BP_NORMALIZE_MEAN, "mean"),
                    G_DEFINE_ENUM_VALUE (BP_NORMALIZE_STANDARD, "standard"),
                    G_DEFINE_ENUM_VALUE (BP_NORMALIZE_NONE, "none"))

