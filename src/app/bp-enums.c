/* bp-enums.c: GTypes for the core's enumerations */
#include "bp-enums.h"

G_DEFINE_ENUM_TYPE (BpUnits, bp_units,
                    G_DEFINE_ENUM_VALUE (BP_UNITS_LB_IN, "lb-in"),
                    G_DEFINE_ENUM_VALUE (BP_UNITS_KG_CM, "kg-cm"))

G_DEFINE_ENUM_TYPE (BpNormalize, bp_normalize,
                    G_DEFINE_ENUM_VALUE (BP_NORMALIZE_SEED, "seed"),
                    G_DEFINE_ENUM_VALUE (BP_NORMALIZE_MEAN, "mean"),
                    G_DEFINE_ENUM_VALUE (BP_NORMALIZE_STANDARD, "standard"))

G_DEFINE_ENUM_TYPE (BpTrainerState, bp_trainer_state,
                    G_DEFINE_ENUM_VALUE (BP_TRAINER_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (BP_TRAINER_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (BP_TRAINER_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (BP_TRAINER_FINISHED, "finished"),
                    G_DEFINE_ENUM_VALUE (BP_TRAINER_STOPPED, "stopped"),
                    G_DEFINE_ENUM_VALUE (BP_TRAINER_DIVERGED, "diverged"))
