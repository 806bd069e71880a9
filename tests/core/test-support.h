/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-support.h: small things several core and CLI tests need */
#pragma once

#include <glib.h>

/* Sanitizers map their shadow memory as they go, so a limit on the
 * address space stops them rather than the code under test. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define SANITIZED 1
#endif
#endif

/* How many entries the folder at @path holds. */
static inline guint
test_count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The file at @path holds exactly @expected. */
static inline void
test_assert_file_is (const char *path,
                     const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* The python3 the build found, when it has numpy; NULL otherwise. */
static inline const char *
test_python_with_numpy (void)
{
  const char *python = g_getenv ("BACKPROP_PYTHON3");
  const char *argv[] = { python, "-c", "import numpy", NULL };
  int wait_status = 0;

  if (python == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &wait_status, NULL) ||
      !g_spawn_check_wait_status (wait_status, NULL))
    return NULL;
  return python;
}
