/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file.c: saving never harms what stands at the path (README,
 * "Saving")
 *
 * Each test works in a folder of its own, so that it can count what a save
 * left beside the file.  The tests run as root in CI, where no permission
 * stops a write: the refusals that only an ordinary user meets are then
 * checked in a child that has become nobody.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "bp-file.h"
#include "test-support.h"

#define NOBODY 65534
#define TMP_ENV "BACKPROP_TEST_FILE_DIR"

static char *tmp_dir;

/* ---- helpers ---------------------------------------------------------------- */

static char *
test_dir (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
make_dir (const char *name)
{
  char *dir = test_dir (name);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  return dir;
}

static void
remove_tree (const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A folder a test made read-only must let its files go. */
      chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
assert_saved (const char *path,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_file_save (path, text, strlen (text), &error));
  g_assert_no_error (error);
}

/* Refused with @code, and a message that names the file and says @says. */
static void
assert_refused (const char *path,
                int         code,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  g_assert_false (bp_file_save (path, "new", 3, &error));
  g_assert_error (error, G_FILE_ERROR, code);
  if (error == NULL)
    return;
  if (strstr (error->message, name) == NULL || strstr (error->message, says) == NULL)
    g_test_fail_printf ("“%s” does not name %s and say “%s”", error->message, name, says);
}

static mode_t
file_type (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode & S_IFMT;
}

static mode_t
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
temp_name (const char *dir,
           const char *name)
{
  g_autofree char *hidden = g_strdup_printf (".%s.backprop-save", name);

  return g_build_filename (dir, hidden, NULL);
}

/* As root, the rest of the test runs as nobody. */
static void
become_nobody (void)
{
  if (geteuid () != 0)
    return;
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setresgid (NOBODY, NOBODY, NOBODY), ==, 0);
  g_assert_cmpint (setresuid (NOBODY, NOBODY, NOBODY), ==, 0);
}

/* Lets nobody reach @dir and what is in it; FALSE (and the test
 * skipped) when a folder above the tests' own, such as a private
 * $TMPDIR, keeps nobody out. */
static gboolean
open_to_nobody (const char *dir)
{
  g_autofree char *above = g_path_get_dirname (tmp_dir);

  for (;;)
    {
      g_autofree char *up = g_path_get_dirname (above);
      struct stat st;

      if (stat (above, &st) != 0 || !(st.st_mode & S_IXOTH))
        {
          g_test_skip ("nobody cannot reach the tests' folder");
          return FALSE;
        }
      if (strcmp (up, above) == 0)
        break;
      g_free (above);
      above = g_steal_pointer (&up);
    }
  g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  return TRUE;
}

/* ---- what is saved -------------------------------------------------------------- */

static void
test_new_file (void)
{
  g_autofree char *dir = make_dir ("new");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  mode_t old_mask = umask (027);

  assert_saved (path, "first");
  umask (old_mask);
  test_assert_file_is (path, "first");
  g_assert_cmpint (file_type (path), ==, S_IFREG);
  g_assert_cmpint (file_mode (path), ==, 0640);
  assert_saved (path, "second");
  test_assert_file_is (path, "second");
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_keeps_mode (void)
{
  g_autofree char *dir = make_dir ("mode");
  g_autofree char *private = g_build_filename (dir, "private.backprop", NULL);
  g_autofree char *script = g_build_filename (dir, "odd.csv", NULL);

  write_file (private, "old", 0600);
  write_file (script, "old", 0751);
  assert_saved (private, "new");
  assert_saved (script, "new");
  g_assert_cmpint (file_mode (private), ==, 0600);
  g_assert_cmpint (file_mode (script), ==, 0751);
  test_assert_file_is (private, "new");
  g_assert_cmpuint (test_count_entries (dir), ==, 2);
  remove_tree (dir);
}

/* Only root can give a file away, so only root can check that it comes
 * back to its owner. */
static void
test_keeps_owner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("only root can make a file that belongs to somebody else");
      return;
    }
  dir = make_dir ("owner");
  path = g_build_filename (dir, "theirs.backprop", NULL);
  write_file (path, "old", 0640);
  g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
  assert_saved (path, "new");
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, NOBODY);
  g_assert_cmpint (st.st_gid, ==, NOBODY);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  remove_tree (dir);
}

/* ---- what is refused -------------------------------------------------------------- */

static void
test_fifo (void)
{
  g_autofree char *dir = make_dir ("fifo");
  g_autofree char *path = g_build_filename (dir, "pipe", NULL);

  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  assert_refused (path, G_FILE_ERROR_INVAL, "is a named pipe (FIFO)");
  g_assert_cmpint (file_type (path), ==, S_IFIFO);
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_folder (void)
{
  g_autofree char *dir = make_dir ("folder");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  g_autofree char *inside = g_build_filename (path, "kept", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_file (inside, "kept", 0644);
  assert_refused (path, G_FILE_ERROR_ISDIR, "is a folder");
  g_assert_cmpint (file_type (path), ==, S_IFDIR);
  test_assert_file_is (inside, "kept");
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_socket (void)
{
  g_autofree char *dir = make_dir ("socket");
  g_autofree char *path = g_build_filename (dir, "sock", NULL);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  assert_refused (path, G_FILE_ERROR_INVAL, "is a socket");
  g_assert_cmpint (file_type (path), ==, S_IFSOCK);
  close (fd);
  remove_tree (dir);
}

/* A twin of /dev/null in the test's own folder, where a broken save
 * harms nothing; /dev/null itself is only ever checked. */
static void
test_device (void)
{
  g_autofree char *dir = make_dir ("device");
  g_autofree char *path = g_build_filename (dir, "null", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_false (bp_file_check_writable ("/dev/null", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "/dev/null is a character device"));
  if (mknod (path, S_IFCHR | 0666, makedev (1, 3)) != 0)
    {
      g_test_skip ("no device node can be made here (not root, or no CAP_MKNOD)");
      remove_tree (dir);
      return;
    }
  assert_refused (path, G_FILE_ERROR_INVAL, "is a character device");
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 3));
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* The check the CLI makes before training says what the save would say. */
static void
test_check_writable (void)
{
  g_autofree char *dir = make_dir ("check");
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  write_file (file, "old", 0644);
  g_assert_cmpint (symlink ("pipe", link), ==, 0);
  g_assert_true (bp_file_check_writable (file, &error));
  g_assert_true (bp_file_check_writable (missing, &error));
  g_assert_no_error (error);
  g_assert_false (bp_file_check_writable (fifo, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  g_assert_false (bp_file_check_writable (link, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_cmpuint (test_count_entries (dir), ==, 3);
  test_assert_file_is (file, "old");
  remove_tree (dir);
}

/* ---- symbolic links ---------------------------------------------------------------- */

static void
assert_link (const char *path,
             const char *target)
{
  g_autofree char *read = g_file_read_link (path, NULL);

  g_assert_cmpstr (read, ==, target);
}

static void
test_symlink (void)
{
  g_autofree char *dir = make_dir ("symlink");
  g_autofree char *path = g_build_filename (dir, "real.backprop", NULL);
  g_autofree char *link = g_build_filename (dir, "link.backprop", NULL);

  write_file (path, "old", 0600);
  g_assert_cmpint (symlink (path, link), ==, 0);
  assert_saved (link, "new");
  assert_link (link, path);
  test_assert_file_is (path, "new");
  g_assert_cmpint (file_mode (path), ==, 0600);
  g_assert_cmpuint (test_count_entries (dir), ==, 2);
  remove_tree (dir);
}

/* A chain of links, each relative to its own folder, given as a path
 * relative to the current folder. */
static void
test_symlink_relative (void)
{
  g_autofree char *dir = make_dir ("relative");
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *first = g_build_filename (a, "first", NULL);
  g_autofree char *second = g_build_filename (b, "second", NULL);
  g_autofree char *target = g_build_filename (b, "target.csv", NULL);
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_cmpint (g_mkdir (a, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (b, 0755), ==, 0);
  write_file (target, "old", 0644);
  g_assert_cmpint (symlink ("../b/second", first), ==, 0);
  g_assert_cmpint (symlink ("target.csv", second), ==, 0);
  g_assert_cmpint (g_chdir (a), ==, 0);
  assert_saved ("first", "new");
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  assert_link (first, "../b/second");
  assert_link (second, "target.csv");
  test_assert_file_is (target, "new");
  g_assert_cmpuint (test_count_entries (a), ==, 1);
  g_assert_cmpuint (test_count_entries (b), ==, 2);
  remove_tree (dir);
}

/* As a text editor does: the link's target is made. */
static void
test_symlink_dangling (void)
{
  g_autofree char *dir = make_dir ("dangling");
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autofree char *made = g_build_filename (dir, "made.backprop", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere", NULL);

  g_assert_cmpint (symlink ("made.backprop", link), ==, 0);
  assert_saved (link, "new");
  assert_link (link, "made.backprop");
  test_assert_file_is (made, "new");
  /* A link into a folder that does not exist makes no folder. */
  g_assert_cmpint (symlink ("no-such-folder/x", nowhere), ==, 0);
  assert_refused (nowhere, G_FILE_ERROR_NOENT, "no-such-folder");
  assert_link (nowhere, "no-such-folder/x");
  g_assert_cmpuint (test_count_entries (dir), ==, 3);
  remove_tree (dir);
}

static void
test_symlink_loop (void)
{
  g_autofree char *dir = make_dir ("loop");
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *self = g_build_filename (dir, "self", NULL);

  g_assert_cmpint (symlink ("b", a), ==, 0);
  g_assert_cmpint (symlink ("a", b), ==, 0);
  g_assert_cmpint (symlink ("self", self), ==, 0);
  assert_refused (a, G_FILE_ERROR_LOOP, "symbolic links");
  assert_refused (self, G_FILE_ERROR_LOOP, "symbolic links");
  assert_link (a, "b");
  assert_link (b, "a");
  assert_link (self, "self");
  g_assert_cmpuint (test_count_entries (dir), ==, 3);
  remove_tree (dir);
}

/* The message says where the link led. */
static void
test_symlink_to_fifo (void)
{
  g_autofree char *dir = make_dir ("link-to-fifo");
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *link = g_build_filename (dir, "lesson.backprop", NULL);

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("pipe", link), ==, 0);
  assert_refused (link, G_FILE_ERROR_INVAL, "pipe is a named pipe (FIFO)");
  g_assert_cmpint (file_type (fifo), ==, S_IFIFO);
  assert_link (link, "pipe");
  remove_tree (dir);
}

/* ---- hard links ------------------------------------------------------------------------ */

/* Every name of the file sees the new content. */
static void
test_hard_link (void)
{
  g_autofree char *dir = make_dir ("hard-link");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  g_autofree char *other = g_build_filename (dir, "other-name.backprop", NULL);
  struct stat before, after, other_st;

  write_file (path, "the old content, longer than the new", 0640);
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_cmpint (lstat (path, &before), ==, 0);
  assert_saved (path, "new");
  test_assert_file_is (path, "new");
  test_assert_file_is (other, "new");
  g_assert_cmpint (lstat (path, &after), ==, 0);
  g_assert_cmpint (lstat (other, &other_st), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpuint (other_st.st_ino, ==, before.st_ino);
  g_assert_cmpuint (after.st_nlink, ==, 2);
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (test_count_entries (dir), ==, 2);
  remove_tree (dir);
}

/* ---- permissions ------------------------------------------------------------------------ */

/* Read-only for its owner, in a folder the owner may write: refused, as
 * a text editor refuses it.  Root may write anything, and does, keeping
 * the file read-only. */
static void
test_read_only (void)
{
  g_autofree char *dir = test_dir ("read-only");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  struct stat st;

  if (g_test_subprocess ())
    {
      become_nobody ();
      assert_refused (path, G_FILE_ERROR_ACCES, "you may not write it");
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  write_file (path, "old", 0444);
  if (geteuid () == 0)
    {
      if (!open_to_nobody (dir))
        {
          remove_tree (dir);
          return;
        }
      g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  test_assert_file_is (path, "old");
  g_assert_cmpint (file_mode (path), ==, 0444);
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  if (geteuid () == 0)
    {
      assert_saved (path, "new by root");
      test_assert_file_is (path, "new by root");
      g_assert_cmpint (lstat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, 0444);
      g_assert_cmpint (st.st_uid, ==, NOBODY);
      g_assert_cmpuint (test_count_entries (dir), ==, 1);
    }
  remove_tree (dir);
}

/* A file its user may write, in a folder they may not: no temporary file
 * can be made, so nothing is written and the old file stays. */
static void
test_folder_not_writable (void)
{
  g_autofree char *dir = test_dir ("locked");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);

  if (g_test_subprocess ())
    {
      become_nobody ();
      assert_refused (path, G_FILE_ERROR_ACCES, "lesson.backprop");
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  write_file (path, "old", 0666);
  if (geteuid () == 0 && !open_to_nobody (dir))
    {
      remove_tree (dir);
      return;
    }
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  test_assert_file_is (path, "old");
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* ---- the temporary file -------------------------------------------------------------- */

/* One left by a save that was killed is removed by the next; one that is
 * a link is removed, not followed. */
static void
test_stale_temp (void)
{
  g_autofree char *dir = make_dir ("stale");
  g_autofree char *path = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *temp = temp_name (dir, "people.csv");
  g_autofree char *victim = g_build_filename (dir, "victim", NULL);
  g_autofree char *junk = g_malloc0 (600 * 1024);

  write_file (path, "old", 0644);
  g_assert_true (g_file_set_contents (temp, junk, 600 * 1024, NULL));
  assert_saved (path, "new");
  test_assert_file_is (path, "new");
  g_assert_cmpuint (test_count_entries (dir), ==, 1);

  write_file (victim, "victim", 0644);
  g_assert_cmpint (symlink ("victim", temp), ==, 0);
  assert_saved (path, "newer");
  test_assert_file_is (path, "newer");
  test_assert_file_is (victim, "victim");
  g_assert_cmpuint (test_count_entries (dir), ==, 2);
  remove_tree (dir);
}

/* Something in the way of the temporary file that is not one: the save
 * fails, says why, and the old file stays as it was. */
static void
test_temp_blocked (void)
{
  g_autofree char *dir = make_dir ("blocked");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  g_autofree char *temp = temp_name (dir, "lesson.backprop");
  g_autofree char *inside = g_build_filename (temp, "x", NULL);

  write_file (path, "old", 0600);
  g_assert_cmpint (g_mkdir (temp, 0755), ==, 0);
  write_file (inside, "x", 0644);
  assert_refused (path, G_FILE_ERROR_ISDIR, ".lesson.backprop.backprop-save");
  test_assert_file_is (path, "old");
  g_assert_cmpint (file_mode (path), ==, 0600);
  test_assert_file_is (inside, "x");
  remove_tree (dir);
}

/* While another save of the same file holds its temporary file, a second
 * one leaves both alone. */
static void
test_temp_busy (void)
{
  g_autofree char *dir = make_dir ("busy");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  g_autofree char *temp = temp_name (dir, "lesson.backprop");
  int fd;

  write_file (path, "old", 0644);
  write_file (temp, "half", 0600);
  fd = g_open (temp, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  assert_refused (path, G_FILE_ERROR_EXIST, "another save");
  test_assert_file_is (path, "old");
  test_assert_file_is (temp, "half");
  close (fd);
  assert_saved (path, "new");
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* Saves killed in the middle of writing (by the file size limit, as a
 * user's Ctrl+C or a crash would) leave one temporary file at most, with
 * an obvious name, and the next save removes it. */
static void
test_killed (void)
{
  g_autofree char *dir = test_dir ("killed");
  g_autofree char *path = g_build_filename (dir, "lesson.backprop", NULL);
  g_autofree char *temp = temp_name (dir, "lesson.backprop");

  if (g_test_subprocess ())
    {
      struct rlimit no_core = { 0, 0 };
      struct rlimit limit = { 4096, 4096 };
      gsize size = 64 * 1024;
      g_autofree char *big = g_malloc0 (size);

      setrlimit (RLIMIT_CORE, &no_core);
      signal (SIGXFSZ, SIG_DFL);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      bp_file_save (path, big, size, NULL);
      return;
    }
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  write_file (path, "old", 0644);
  for (guint i = 0; i < 3; i++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
    }
  test_assert_file_is (path, "old");
  g_assert_cmpuint (test_count_entries (dir), ==, 2);
  g_assert_true (g_file_test (temp, G_FILE_TEST_IS_REGULAR));
  assert_saved (path, "new");
  test_assert_file_is (path, "new");
  g_assert_cmpuint (test_count_entries (dir), ==, 1);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A child that a test starts works in its parent's folder. */
  if (g_test_subprocess ())
    tmp_dir = g_strdup (g_getenv (TMP_ENV));
  else
    {
      tmp_dir = g_dir_make_tmp ("backprop-test-file-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv (TMP_ENV, tmp_dir, TRUE);
    }

  g_test_add_func ("/file/save/new", test_new_file);
  g_test_add_func ("/file/save/keeps-mode", test_keeps_mode);
  g_test_add_func ("/file/save/keeps-owner", test_keeps_owner);
  g_test_add_func ("/file/refuse/fifo", test_fifo);
  g_test_add_func ("/file/refuse/folder", test_folder);
  g_test_add_func ("/file/refuse/socket", test_socket);
  g_test_add_func ("/file/refuse/device", test_device);
  g_test_add_func ("/file/refuse/check-writable", test_check_writable);
  g_test_add_func ("/file/refuse/read-only", test_read_only);
  g_test_add_func ("/file/refuse/folder-not-writable", test_folder_not_writable);
  g_test_add_func ("/file/symlink/followed", test_symlink);
  g_test_add_func ("/file/symlink/relative", test_symlink_relative);
  g_test_add_func ("/file/symlink/dangling", test_symlink_dangling);
  g_test_add_func ("/file/symlink/loop", test_symlink_loop);
  g_test_add_func ("/file/symlink/to-fifo", test_symlink_to_fifo);
  g_test_add_func ("/file/save/hard-link", test_hard_link);
  g_test_add_func ("/file/temp/stale", test_stale_temp);
  g_test_add_func ("/file/temp/blocked", test_temp_blocked);
  g_test_add_func ("/file/temp/busy", test_temp_busy);
  g_test_add_func ("/file/temp/killed", test_killed);

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
