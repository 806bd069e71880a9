/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-file.h: reading a file the user chose, never more than a limit, and
 * saving one without harming what stands at its path */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GByteArray *bp_file_read_bounded   (const char  *path,
                                    gsize        limit,
                                    gboolean    *too_large,
                                    guint64     *size,
                                    GError     **error);
gboolean    bp_file_check_writable (const char  *path,
                                    GError     **error);
gboolean    bp_file_save           (const char  *path,
                                    const void  *data,
                                    gsize        length,
                                    GError     **error);

G_END_DECLS
