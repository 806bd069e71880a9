/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-format.h: how numbers look in the window
 *
 * Kept apart from the widgets so that the rules are tested without a
 * display.  Numbers on screen use the locale's decimal separator; what
 * the user types may use it or the dot.
 */
#pragma once

#include <glib.h>

#include "bp-people.h"

G_BEGIN_DECLS

const char *bp_format_decimal_point (void);
char    *bp_format_replace_point (const char  *text,
                                  const char  *from,
                                  const char  *to);
gboolean bp_format_parse_double  (const char  *text,
                                  double      *value,
                                  GError     **error);
char    *bp_format_editable      (double       value);
const char *bp_format_weight_unit (BpUnits    units);
const char *bp_format_height_unit (BpUnits    units);
char *bp_format_measure (double value);
char *bp_format_input   (double value);
char *bp_format_verdict (double output);
char *bp_format_significant (double value,
                             int    digits);
char *bp_format_exact   (double value);
char *bp_format_count   (guint  count);

G_END_DECLS
