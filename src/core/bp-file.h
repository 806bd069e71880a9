/* bp-file.h: reading a file the user chose, never more than a limit */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GByteArray *bp_file_read_bounded (const char *path,
                                  gsize       limit,
                                  gboolean   *too_large,
                                  guint64    *size,
                                  GError    **error);

G_END_DECLS
