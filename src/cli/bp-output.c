/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-output.c: backprop-cli's standard output, every write checked
 *
 * A full disk, /dev/full or a closed stdout must not pass for success, so
 * every write and the final flush are checked and the first failure is
 * kept: the caller stops and exits with status 2.
 *
 * While `--save` may still fail, what would be printed is held back and
 * written only once the file is saved, so that a failed save prints
 * nothing.  Past HOLD_LIMIT the held text goes on to an unlinked temporary
 * file: a long run printing every epoch stays within bounded memory.
 */
#include "bp-output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define HOLD_LIMIT (1 << 20)

struct _BpOutput
{
  gboolean  holding;
  GString  *held;    /* held text not yet in the spill file */
  FILE     *spill;   /* held text past HOLD_LIMIT, or NULL */
  GError   *error;   /* the first failure, or NULL */
};

BpOutput *
bp_output_new (void)
{
  BpOutput *out = g_new0 (BpOutput, 1);

  out->held = g_string_new (NULL);
  return out;
}

void
bp_output_free (BpOutput *out)
{
  if (out == NULL)
    return;
  g_string_free (out->held, TRUE);
  if (out->spill != NULL)
    fclose (out->spill);
  g_clear_error (&out->error);
  g_free (out);
}

/* Only the first failure is kept: the later ones follow from it. */
static void
fail (BpOutput   *out,
      int         saved_errno,
      const char *what)
{
  if (saved_errno == 0)
    saved_errno = EIO;
  if (out->error == NULL)
    g_set_error (&out->error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 "%s: %s", what, g_strerror (saved_errno));
}

#define WRITE_FAILED "cannot write to standard output"
#define HOLD_FAILED "cannot keep the output back until the session is saved"

/* main() keeps a stdout that was closed at start open on /dev/null for
 * reading only, so that no file opened later takes its number; writes to
 * it would fail.  Better said now than after training. */
gboolean
bp_output_check_open (GError **error)
{
  int flags = fcntl (STDOUT_FILENO, F_GETFL);

  if (flags != -1 && (flags & O_ACCMODE) != O_RDONLY)
    return TRUE;
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_BADF,
                       "standard output is closed, so nothing could be printed");
  return FALSE;
}

static void
write_stdout (BpOutput   *out,
              const char *text,
              gsize       len)
{
  errno = 0;
  if (len > 0 && fwrite (text, 1, len, stdout) != len)
    fail (out, errno, WRITE_FAILED);
}

static gboolean
open_spill (BpOutput *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("backprop-cli-XXXXXX", &path, &error);

  if (fd == -1)
    {
      g_set_error (&out->error, G_FILE_ERROR, G_FILE_ERROR_FAILED, HOLD_FAILED ": %s", error->message);
      return FALSE;
    }
  /* Gone from the folder at once; the data goes when the file is closed. */
  g_unlink (path);
  out->spill = fdopen (fd, "w+");
  if (out->spill == NULL)
    {
      fail (out, errno, HOLD_FAILED);
      close (fd);
      return FALSE;
    }
  return TRUE;
}

static void
spill (BpOutput *out)
{
  if (out->spill == NULL && !open_spill (out))
    return;
  errno = 0;
  if (fwrite (out->held->str, 1, out->held->len, out->spill) != out->held->len)
    fail (out, errno, HOLD_FAILED);
  g_string_truncate (out->held, 0);
}

static void
put (BpOutput   *out,
     const char *text)
{
  if (out->error != NULL)
    return;
  if (!out->holding)
    {
      write_stdout (out, text, strlen (text));
      return;
    }
  g_string_append (out->held, text);
  if (out->held->len >= HOLD_LIMIT)
    spill (out);
}

/* From now on nothing reaches stdout until bp_output_release(). */
void
bp_output_hold (BpOutput *out)
{
  out->holding = TRUE;
}

static void
copy_spill (BpOutput *out)
{
  g_autofree char *buf = g_malloc (HOLD_LIMIT);
  gsize n;

  errno = 0;
  if (fflush (out->spill) != 0 || fseek (out->spill, 0, SEEK_SET) != 0)
    {
      fail (out, errno, HOLD_FAILED);
      return;
    }
  while (out->error == NULL && (n = fread (buf, 1, HOLD_LIMIT, out->spill)) > 0)
    write_stdout (out, buf, n);
  if (ferror (out->spill))
    fail (out, EIO, HOLD_FAILED);
}

/* Writes what was held back, and whatever comes next. */
void
bp_output_release (BpOutput *out)
{
  out->holding = FALSE;
  if (out->spill != NULL && out->error == NULL)
    copy_spill (out);
  g_clear_pointer (&out->spill, fclose);
  put (out, out->held->str);
  g_string_truncate (out->held, 0);
}

/* Text, in the locale's character set as g_print() writes it. */
void
bp_output_printf (BpOutput   *out,
                  const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  g_autofree char *local = NULL;
  const char *charset;
  va_list args;

  if (out->error != NULL)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (!g_get_charset (&charset))
    local = g_convert_with_fallback (text, -1, charset, "UTF-8", "?", NULL, NULL, NULL);
  put (out, local != NULL ? local : text);
}

/* UTF-8 whatever the locale, as JSON must be. */
void
bp_output_utf8 (BpOutput   *out,
                const char *text)
{
  put (out, text);
}

/* Sends what is printed so far, so that a watcher sees each epoch as it
 * comes (and a failing stdout stops training early). */
void
bp_output_sync (BpOutput *out)
{
  if (out->holding || out->error != NULL)
    return;
  errno = 0;
  if (fflush (stdout) != 0)
    fail (out, errno, WRITE_FAILED);
}

gboolean
bp_output_failed (BpOutput *out)
{
  return out->error != NULL;
}

/* The last flush; the first failure, if any, as @error. */
gboolean
bp_output_finish (BpOutput  *out,
                  GError   **error)
{
  if (out->holding)
    bp_output_release (out);
  bp_output_sync (out);
  if (out->error == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (out->error));
  return FALSE;
}
