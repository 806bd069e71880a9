/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-output.h: backprop-cli's standard output, every write checked */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BpOutput BpOutput;

BpOutput *bp_output_new        (void);
void      bp_output_free       (BpOutput   *out);
gboolean  bp_output_check_open (GError    **error);
void      bp_output_hold       (BpOutput   *out);
void      bp_output_release    (BpOutput   *out);
void      bp_output_printf     (BpOutput   *out,
                                const char *format,
                                ...) G_GNUC_PRINTF (2, 3);
void      bp_output_utf8       (BpOutput   *out,
                                const char *text);
void      bp_output_sync       (BpOutput   *out);
gboolean  bp_output_failed     (BpOutput   *out);
gboolean  bp_output_finish     (BpOutput   *out,
                                GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpOutput, bp_output_free)

G_END_DECLS
