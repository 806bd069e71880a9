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
