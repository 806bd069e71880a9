/* bp-format.h: how numbers look in the window
 *
 * Kept apart from the widgets so that the rules are tested without a
 * display.  Entry texts use a dot whatever the locale, because the core's
 * strict parser reads them back.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bp_format_measure (double value);
char *bp_format_input   (double value);
char *bp_format_verdict (double output);
char *bp_format_significant (double value,
                             int    digits);
char *bp_format_exact   (double value);

G_END_DECLS
