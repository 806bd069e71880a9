/* bp-file.c: bounded reading
 *
 * g_file_get_contents trusts the file: a FIFO, /dev/zero or a file that
 * grows while read makes it read forever or exhaust memory.  This reads
 * at most one byte past @limit, whatever the file claims to be.
 */
#include "bp-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean
set_errno_error (GError    **error,
                 const char *path,
                 int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
read_all (int         fd,
          const char *path,
          gsize       limit,
          GByteArray *bytes,
          gboolean   *too_large,
          GError    **error)
{
  guint8 buf[64 * 1024];

  for (;;)
    {
      gssize n = read (fd, buf, sizeof buf);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, path, errno);
      if (n == 0)
        return TRUE;
      g_byte_array_append (bytes, buf, n);
      if (bytes->len > limit)
        {
          *too_large = TRUE;
          return FALSE;
        }
    }
}

/* The whole file, or NULL: with *@too_large set (and *@size its size
 * when known, else 0) when it holds more than @limit bytes, otherwise
 * with @error in the G_FILE_ERROR domain. */
GByteArray *
bp_file_read_bounded (const char *path,
                      gsize       limit,
                      gboolean   *too_large,
                      guint64    *size,
                      GError    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  struct stat st;
  gboolean ok;
  /* Non-blocking, so that opening a FIFO nobody writes to returns at
   * once (and reads as empty) instead of waiting for a writer. */
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

  *too_large = FALSE;
  *size = 0;
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > limit)
    {
      *too_large = TRUE;
      *size = st.st_size;
      ok = FALSE;
    }
  else
    ok = read_all (fd, path, limit, bytes, too_large, error);
  close (fd);
  return ok ? g_steal_pointer (&bytes) : NULL;
}
