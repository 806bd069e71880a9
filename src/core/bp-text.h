/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-text.h: text from files the user chose: the encoding it is in when
 * that is UTF-16, its values as messages show them, and numbers as
 * files store them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *bp_text_for_message     (const char  *text,
                                     guint        max_chars);
const char *bp_text_wide_encoding   (const char  *data,
                                     gsize        length);
char       *bp_text_from_double     (double       value);

G_END_DECLS
