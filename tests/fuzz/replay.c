/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c: runs a fuzz target over its committed corpus as a GTest
 *
 * Linked with one fuzz-*.c instead of libFuzzer's main, so every corpus
 * file, and every crash a fuzzer ever found (kept in the corpus), is a
 * regular test case in each build, sanitized or not.
 */
#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
}

static void
add_directory (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz-replay/%s", name);

      g_test_add_data_func_full (test, g_build_filename (dir, name, NULL), replay_file, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i < argc; i++)
    add_directory (argv[i]);
  return g_test_run ();
}
