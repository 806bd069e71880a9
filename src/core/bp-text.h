/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-text.h: text from files the user chose: read within a limit and in
 * memory that fails softly, the encoding it is in when that is UTF-16, and
 * its values as messages show them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *bp_text_for_message     (const char  *text,
                                     guint        max_chars);
const char *bp_text_wide_encoding   (const char  *data,
                                     gsize        length);
GByteArray *bp_text_read_file       (const char  *path,
                                     gsize        limit,
                                     gboolean    *too_large,
                                     guint64     *size,
                                     GError     **error);

G_END_DECLS
