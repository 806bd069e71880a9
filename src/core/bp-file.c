/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-file.c: bounded reading, and saving that harms nothing
 *
 * g_file_get_contents trusts the file (a FIFO, /dev/zero or a file that
 * grows while read makes it read forever or exhaust memory) and aborts
 * when memory runs out.  bp_file_read_bounded() reads at most one byte
 * past the limit, whatever the file claims to be, into one buffer taken
 * with g_try_realloc, so that a file within the limit that does not fit
 * in memory is an error to show, not a crash.
 *
 * g_file_set_contents renames a new file over whatever is at the path: a
 * FIFO, a device node or a symbolic link is replaced by a regular file,
 * the old file's permissions are lost, and a save killed half way leaves
 * a randomly named temporary file behind.  Every save in Backprop goes
 * through bp_file_save() instead (README, "Saving").
 */
#include "config.h"

#include "bp-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (64 * 1024)

typedef struct
{
  guint8 *data;
  gsize   len;
  gsize   cap;
} Buffer;

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
set_memory_error (GError    **error,
                  const char *path,
                  gsize       wanted)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
               _("%s: not enough memory to read the file (%zu bytes)"),
               name, wanted);
  return FALSE;
}

static gboolean
buffer_resize (Buffer *b,
               gsize   cap)
{
  guint8 *data = g_try_realloc (b->data, cap);

  if (data == NULL)
    return FALSE;
  b->data = data;
  b->cap = cap;
  return TRUE;
}

static gboolean
read_all (int         fd,
          const char *path,
          gsize       limit,
          Buffer     *b,
          gboolean   *too_large,
          GError    **error)
{
  for (;;)
    {
      gssize n;

      /* Room for one byte past @limit at most: that byte says "too large". */
      if (b->len == b->cap)
        {
          gsize cap = MIN (MAX (b->cap * 2, READ_CHUNK), limit + 1);

          if (!buffer_resize (b, cap))
            return set_memory_error (error, path, cap);
        }
      n = read (fd, b->data + b->len, b->cap - b->len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, path, errno);
      if (n == 0)
        return TRUE;
      b->len += n;
      if (b->len > limit)
        {
          *too_large = TRUE;
          return FALSE;
        }
    }
}

/* The whole file, or NULL: with *@too_large set (and *@size its size
 * when known, else 0) when it holds more than @limit bytes, otherwise
 * with @error in the G_FILE_ERROR domain, G_FILE_ERROR_NOMEM when the
 * memory for it cannot be had.  A regular file is read into a buffer of
 * its size plus one byte; anything else into one at most twice as large
 * as what it gave. */
GByteArray *
bp_file_read_bounded (const char *path,
                      gsize       limit,
                      gboolean   *too_large,
                      guint64    *size,
                      GError    **error)
{
  Buffer b = { NULL, 0, 0 };
  struct stat st;
  gboolean regular, ok;
  int fd;

  g_return_val_if_fail (limit < G_MAXUINT, NULL);

  /* Non-blocking, so that opening a FIFO nobody writes to returns at
   * once (and reads as empty) instead of waiting for a writer. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

  *too_large = FALSE;
  *size = 0;
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }
  regular = fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
  if (regular && (guint64) st.st_size > limit)
    {
      *too_large = TRUE;
      *size = st.st_size;
      ok = FALSE;
    }
  /* One byte more than the size, so that the read seeing the end needs
   * no second buffer. */
  else if (regular && st.st_size > 0 && !buffer_resize (&b, (gsize) st.st_size + 1))
    ok = set_memory_error (error, path, st.st_size);
  else
    ok = read_all (fd, path, limit, &b, too_large, error);
  close (fd);
  if (!ok)
    {
      g_free (b.data);
      return NULL;
    }
  return g_byte_array_new_take (b.data, b.len);
}

/* ---- saving ------------------------------------------------------------------ */

/* As many links as the kernel follows in one path before it gives up. */
#define MAX_LINKS 40
#define TEMP_SUFFIX ".backprop-save"

typedef struct
{
  const char *path;   /* as the caller gave it */
  char       *real;   /* where its symbolic links lead */
  char       *folder; /* @real's folder */
  gboolean    exists;
  struct stat st;     /* @real's, when it exists */
} Target;

static void
target_clear (Target *t)
{
  g_clear_pointer (&t->real, g_free);
  g_clear_pointer (&t->folder, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* “PATH”, or “LINK: REAL” once links were followed, then @format. */
static gboolean G_GNUC_PRINTF (4, 5)
save_error (GError       **error,
            int            code,
            const Target  *t,
            const char    *format,
            ...)
{
  g_autofree char *name = g_filename_display_name (t->path);
  g_autofree char *real = NULL;
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (t->real != NULL && strcmp (t->real, t->path) != 0)
    real = g_filename_display_name (t->real);
  g_set_error (error, G_FILE_ERROR, code, "%s%s%s%s",
               name, real != NULL ? ": " : "", real != NULL ? real : "", what);
  return FALSE;
}

static gboolean
folder_error (GError       **error,
              const Target  *t,
              int            saved_errno)
{
  g_autofree char *name = g_filename_display_name (t->path);
  g_autofree char *folder = g_filename_display_name (t->folder);

  if (saved_errno == ENOENT)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                 _("%s: the folder %s does not exist"), name, folder);
  else
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _("%s: cannot write in the folder %s (%s)"), name, folder,
                 g_strerror (saved_errno));
  return FALSE;
}

/* Follows the chain of links at @t->path, each relative to its own
 * folder, to the file that a save must write. */
static gboolean
resolve (Target  *t,
         GError **error)
{
  g_autofree char *current = g_strdup (t->path);

  for (guint links = 0;; links++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) local = NULL;

      if (lstat (current, &t->st) != 0)
        {
          if (errno != ENOENT)
            return save_error (error, g_file_error_from_errno (errno), t, ": %s",
                               g_strerror (errno));
          break;
        }
      t->exists = !S_ISLNK (t->st.st_mode);
      if (t->exists)
        break;
      if (links == MAX_LINKS)
        return save_error (error, G_FILE_ERROR_LOOP, t,
                           _(": its symbolic links go round in a loop (or more than %d deep); "
                             "nothing was written"), MAX_LINKS);
      target = g_file_read_link (current, &local);
      if (target == NULL)
        return save_error (error, local->code, t, ": %s", local->message);
      /* Relative to the link's folder; a link in the current folder
       * reads as it was written. */
      if (!g_path_is_absolute (target) && strchr (current, G_DIR_SEPARATOR) != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *relative = g_steal_pointer (&target);

          target = g_build_filename (dir, relative, NULL);
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  t->real = g_steal_pointer (&current);
  t->folder = g_path_get_dirname (t->real);
  return TRUE;
}

static const char *
describe_type (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode))
    return _("a character device");
  if (S_ISBLK (mode))
    return _("a block device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("something else");
}

/* Refuses what a save must not replace, before anything is opened. */
static gboolean
check (const Target  *t,
       GError       **error)
{
  if (t->exists && !S_ISREG (t->st.st_mode))
    return save_error (error, S_ISDIR (t->st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                       t, _(" is %s, not a regular file; nothing was written"),
                       describe_type (t->st.st_mode));
  /* Root passes, as root may write anything, as in a text editor. */
  if (t->exists && access (t->real, W_OK) != 0)
    return save_error (error, g_file_error_from_errno (errno), t,
                       _(": you may not write it (%s); nothing was written"), g_strerror (errno));
  /* The temporary file is made in the folder. */
  if (access (t->folder, W_OK | X_OK) != 0)
    return folder_error (error, t, errno);
  return TRUE;
}

/* What bp_file_save() would refuse without writing anything: a path
 * whose links loop, that is not a regular file, that its user may not
 * write, or whose folder does not exist or may not be written in.  For a
 * refusal before long work, such as training. */
gboolean
bp_file_check_writable (const char  *path,
                        GError     **error)
{
  g_auto(Target) t = { .path = path };

  g_return_val_if_fail (path != NULL, FALSE);

  return resolve (&t, error) && check (&t, error);
}

/* One name per target, hidden beside it: a save that is killed leaves
 * this one file at most, and the next save of the same file removes it. */
static char *
temp_path (const Target *t)
{
  g_autofree char *base = g_path_get_basename (t->real);
  g_autofree char *hidden = NULL;
  gsize room = NAME_MAX - strlen (".") - strlen (TEMP_SUFFIX);

  if (strlen (base) > room)
    base[room] = '\0';
  hidden = g_strconcat (".", base, TEMP_SUFFIX, NULL);
  return g_build_filename (t->folder, hidden, NULL);
}

static gboolean
is_named (int         fd,
          const char *path)
{
  struct stat open_st, named_st;

  return fstat (fd, &open_st) == 0 && lstat (path, &named_st) == 0 &&
         open_st.st_dev == named_st.st_dev && open_st.st_ino == named_st.st_ino;
}

/* A save holds an exclusive lock on its temporary file until the file is
 * renamed or removed; one that was killed holds none.  Without locks (a
 * file system that has none), nothing tells them apart. */
static gboolean
try_lock (int fd)
{
  return flock (fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK;
}

static gboolean
busy_error (GError       **error,
            const Target  *t,
            const char    *temp)
{
  g_autofree char *shown = g_filename_display_name (temp);

  return save_error (error, G_FILE_ERROR_EXIST, t,
                     _(": another save of it is under way (in %s); nothing was written"), shown);
}

/* Removes what a killed save left at @temp, whatever it is but a folder
 * or another save's file under way.  A link there is removed, never
 * followed. */
static gboolean
remove_stale (const Target  *t,
              const char    *temp,
              GError       **error)
{
  g_autofree char *shown = g_filename_display_name (temp);
  int fd = g_open (temp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 && errno == ENOENT)
    return TRUE;
  /* A link is no save under way.  A file another user's save holds, not
   * yet given the target's mode, cannot be opened (EACCES) and may be a
   * save under way: it is left alone. */
  if (fd < 0 && errno == ELOOP && (unlink (temp) == 0 || errno == ENOENT))
    return TRUE;
  if (fd < 0 && errno == EACCES)
    return busy_error (error, t, temp);
  if (fd < 0)
    return save_error (error, g_file_error_from_errno (errno), t,
                       _(": cannot remove the old temporary file %s (%s)"), shown, g_strerror (errno));
  if (!try_lock (fd))
    {
      close (fd);
      return busy_error (error, t, temp);
    }
  /* Unless another save removed it first and made its own (open_temp()
   * then finds that one locked). */
  if (is_named (fd, temp) && unlink (temp) != 0 && errno != ENOENT)
    {
      saved_errno = errno;
      close (fd);
      return save_error (error, g_file_error_from_errno (saved_errno), t,
                         _(": cannot remove the old temporary file %s (%s)"), shown,
                         g_strerror (saved_errno));
    }
  close (fd);
  return TRUE;
}

/* The temporary file, new, empty and locked, or -1.  It is private until
 * written; a new file gets 0666 less the umask, as any new file. */
static int
open_temp (const Target  *t,
           const char    *temp,
           GError       **error)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      int fd = g_open (temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                       t->exists ? 0600 : 0666);

      if (fd >= 0 && try_lock (fd) && is_named (fd, temp))
        return fd;
      /* Another save took the name between our steps. */
      if (fd >= 0)
        close (fd);
      else if (errno != EEXIST)
        {
          folder_error (error, t, errno);
          return -1;
        }
      else if (!remove_stale (t, temp, error))
        return -1;
    }
  busy_error (error, t, temp);
  return -1;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Owner and group where this user may give them (root may; a user may
 * give a group they are in), then the mode, which a chown can clear. */
static void
take_permissions (int                fd,
                  const struct stat *st)
{
  if (fchown (fd, st->st_uid, st->st_gid) != 0 && fchown (fd, -1, st->st_gid) != 0)
    {
      /* The file keeps this user's group. */
    }
  if (fchmod (fd, st->st_mode & 07777) != 0)
    {
      /* A file system without permissions (FAT) has nothing to keep. */
    }
}

static gboolean
write_temp (int            fd,
            const Target  *t,
            const void    *data,
            gsize          length,
            GError       **error)
{
  if (!write_all (fd, data, length))
    return save_error (error, g_file_error_from_errno (errno), t, _(": cannot write it (%s)"),
                       g_strerror (errno));
  if (t->exists)
    take_permissions (fd, &t->st);
  if (fsync (fd) != 0)
    return save_error (error, g_file_error_from_errno (errno), t, _(": cannot write it (%s)"),
                       g_strerror (errno));
  return TRUE;
}

/* A file with other names (hard links), which a rename would part from
 * it, is written in place: opened before anything else is done, so that
 * a refusal leaves nothing behind. */
static int
open_in_place (const Target  *t,
               GError       **error)
{
  int fd = g_open (t->real, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  struct stat st;

  if (fd < 0)
    {
      save_error (error, g_file_error_from_errno (errno), t, _(": cannot write it (%s)"),
                  g_strerror (errno));
      return -1;
    }
  if (fstat (fd, &st) != 0 || st.st_dev != t->st.st_dev || st.st_ino != t->st.st_ino)
    {
      close (fd);
      save_error (error, G_FILE_ERROR_FAILED, t,
                  _(": it was replaced while being saved; nothing was written"));
      return -1;
    }
  return fd;
}

/* The temporary file has shown that the content fits, and keeps it whole
 * until the file itself is written. */
static gboolean
write_in_place (int            fd,
                const Target  *t,
                const void    *data,
                gsize          length,
                const char    *temp,
                GError       **error)
{
  g_autofree char *shown = NULL;

  if (write_all (fd, data, length) && ftruncate (fd, length) == 0 && fsync (fd) == 0)
    return TRUE;
  shown = g_filename_display_name (temp);
  return save_error (error, g_file_error_from_errno (errno), t,
                     _(": cannot write it (%s); all of the new content is in %s"),
                     g_strerror (errno), shown);
}

/* So that the rename, too, survives a crash; not every file system can. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Writes @data to @path as a new file in its folder, synced to disk and
 * with the old file's permissions, then renames it over the old file: a
 * crash or a full disk at any moment leaves either the old file or the
 * new one, whole.  Symbolic links are followed; a file with other names
 * is written in place once the new content is safe beside it.  Anything
 * that is not a regular file, or that the user may not write, is refused
 * untouched.  Errors are in the G_FILE_ERROR domain and name @path. */
gboolean
bp_file_save (const char  *path,
              const void  *data,
              gsize        length,
              GError     **error)
{
  g_auto(Target) t = { .path = path };
  g_autofree char *temp = NULL;
  gboolean ok = FALSE;
  int in_place = -1;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!resolve (&t, error) || !check (&t, error))
    return FALSE;
  if (t.exists && t.st.st_nlink > 1 && (in_place = open_in_place (&t, error)) < 0)
    return FALSE;
  temp = temp_path (&t);
  if ((fd = open_temp (&t, temp, error)) < 0)
    {
      if (in_place >= 0)
        close (in_place);
      return FALSE;
    }
  if (!write_temp (fd, &t, data, length, error))
    g_unlink (temp);
  else if (in_place >= 0)
    {
      ok = write_in_place (in_place, &t, data, length, temp, error);
      /* When that failed, the temporary file is all that is whole: it
       * stays, and the message says where. */
      if (ok)
        g_unlink (temp);
    }
  else if (rename (temp, t.real) == 0)
    ok = TRUE;
  else
    {
      save_error (error, g_file_error_from_errno (errno), &t, _(": cannot replace it (%s)"),
                  g_strerror (errno));
      g_unlink (temp);
    }
  if (in_place >= 0)
    close (in_place);
  /* Only now, with the temporary file gone, may another save take it. */
  close (fd);
  if (ok)
    sync_folder (t.folder);
  return ok;
}
