/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-session.h: a whole lesson in one .backprop file
 *
 * A session is everything needed to put Backprop back exactly as it was:
 * the people, the settings, the initial and current parameters and the
 * state and loss history of the run.  The file is a GKeyFile text
 * documented key by key in the README ("Session files (.backprop)").
 */
#pragma once

#include <glib.h>

#include "bp-network.h"
#include "bp-people.h"
#include "bp-trainer.h"

G_BEGIN_DECLS

#define BP_SESSION_ERROR (bp_session_error_quark ())

typedef enum
{
  BP_SESSION_ERROR_IO,        /* the file cannot be read or written */
  BP_SESSION_ERROR_TOO_LARGE, /* over BP_SESSION_MAX_BYTES, too many people */
  BP_SESSION_ERROR_ENCODING,  /* not UTF-8, or binary */
  BP_SESSION_ERROR_PARSE,     /* not a session: syntax, a missing group or key */
  BP_SESSION_ERROR_VERSION,   /* written by a newer Backprop */
  BP_SESSION_ERROR_VALUE,     /* a value that is not a number, out of range or inconsistent */
} BpSessionError;

/* The format this build writes, and the newest it reads. */
#define BP_SESSION_FORMAT 1

#define BP_SESSION_MAX_BYTES (16 * 1024 * 1024)
#define BP_SESSION_MAX_EPOCHS G_GUINT64_CONSTANT (1000000000000)
#define BP_SESSION_MAX_CAPACITY 65536

/* Weights and heights are kept in lb and in as everywhere in the core;
 * @units is only how the app shows them (and the units of the people's
 * weight_units and height_units after loading).  @state is idle,
 * finished, stopped or diverged: a running or paused run is saved as
 * stopped.  @current may hold non-finite numbers only when diverged. */
typedef struct
{
  BpPeople      *people;         /* training people, never NULL */
  BpPeople      *test;           /* test people, never NULL, may be empty */
  BpUnits        units;
  BpNormalize    normalize;
  double         learning_rate;
  guint64        epochs;         /* epochs asked for */
  double         target_loss;    /* finish once the loss is below it; 0: no target */
  gboolean       has_seed;       /* FALSE: @initial was typed in */
  guint32        seed;
  BpParams       initial;
  BpParams       current;
  BpTrainerState state;
  guint64        epoch;          /* epochs done */
  double         speed;          /* epochs per second, 0 = as fast as possible */
  BpHistory      history;
} BpSession;

GQuark     bp_session_error_quark (void);
BpSession *bp_session_new         (void);
void       bp_session_free        (BpSession        *session);
gboolean   bp_session_equal       (const BpSession  *a,
                                   const BpSession  *b);
char      *bp_session_to_data     (const BpSession  *session,
                                   gsize            *length);
BpSession *bp_session_from_data   (const char       *data,
                                   gsize             length,
                                   const char       *filename,
                                   GError          **error);
gboolean   bp_session_save        (const BpSession  *session,
                                   const char       *path,
                                   GError          **error);
BpSession *bp_session_load        (const char       *path,
                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpSession, bp_session_free)

G_END_DECLS
