/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-help.c: F1 gives the guide, built in when no help viewer has it
 *
 * The tests run from the build tree with an empty XDG_DATA_DIRS, so the
 * guide is never installed where a help viewer looks: app.help must show
 * BpHelpWindow with every page of data/help/C, in Chinese when the
 * language is, and fitting a small screen.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bp-application.h"
#include "bp-help.h"
#include "bp-help-page.h"
#include "bp-help-window.h"
#include "ui-utils.h"

static BpApplication *app;

static BpHelpWindow *
find_help_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BP_IS_HELP_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* app.help, as F1 or the main menu activates it, and the window it shows. */
static BpHelpWindow *
activate_help (void)
{
  BpHelpWindow *help;

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  help = find_help_window ();
  g_assert_nonnull (help);
  while (!gtk_widget_get_mapped (GTK_WIDGET (help)))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return help;
}

static void
close_help (BpHelpWindow *help)
{
  gtk_window_destroy (GTK_WINDOW (help));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_help_window ());
}

static void
test_builtin_shown (void)
{
  BpHelpWindow *help;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  g_assert_false (bp_help_is_installed ());
  help = activate_help ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  g_assert_cmpstr (bp_help_window_get_language (help), ==, "C");
  g_assert_cmpstr (bp_help_window_get_page (help), ==, "index");
  g_assert_cmpstr (bp_help_window_get_page_title (help), ==, "Backprop Help");
  /* A second F1 brings the same guide forward. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (find_help_window () == help);
  close_help (help);
}

/* The guide in front is no lesson: activating the app again, or opening
 * a file with it, goes to a lesson window (made when there is none)
 * instead of taking the guide for one. */
static void
test_guide_in_front (void)
{
  BpHelpWindow *help = activate_help ();
  g_autofree char *dir = g_dir_make_tmp ("help-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BpPeople) people = NULL;
  BpWindow *window = NULL;

  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (help));
  g_application_activate (G_APPLICATION (app));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BP_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (help));
  g_assert_true (g_file_set_contents (path, "name,gender,weight_lb,height_in\nAnn,F,120,62\nBen,M,180,71\n",
                                      -1, NULL));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  people = bp_lesson_dup_people (bp_window_get_lesson (window));
  g_assert_cmpuint (bp_people_get_n (people), ==, 2);
  ui_test_destroy_window (window);
  close_help (help);
  g_remove (path);
  g_rmdir (dir);
}

/* The Mallard the pages use, as the labels show it. */
static void
test_page_markup (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment -->\n"
    "<page xmlns=\"http://projectmallard.org/1.0/\" type=\"topic\" id=\"a\">\n"
    "  <info><link type=\"guide\" xref=\"index\" group=\"g\"/><desc>About <em>A</em>.</desc></info>\n"
    "  <title>Page   A &amp; co</title>\n"
    "  <p>Press <gui>Train</gui>\n (<keyseq><key>Ctrl</key><key>Return</key></keyseq>),\n"
    "  then <guiseq><gui>Main Menu</gui><gui>Help</gui></guiseq>; see <link xref=\"b#s\"/>"
    " or <link xref=\"c\">this</link> and <code>x &lt; 1</code>.</p>\n"
    "  <section id=\"s\"><title>Part</title>\n"
    "    <steps><item><p>One</p></item><item><p>Two</p><p>More</p></item></steps>\n"
    "    <list><item><p>Dot</p></item></list>\n"
    "    <terms><item><title><key>F1</key></title><p>Help.</p></item></terms>\n"
    "  </section>\n"
    "</page>\n";
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BpHelpPage) page = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[][3] = {
    { "0", "0", "Page A &amp; co" },
    { "2", "0", "Press <b>Train</b> (<b>Ctrl</b>+<b>Return</b>), then <b>Main Menu</b> ▸ <b>Help</b>; "
                "see <a href=\"xref:b#s\">Page B</a> or <a href=\"xref:c\">this</a> and "
                "<tt>x &lt; 1</tt>." },
    { "1", "0", "Part" },
    { "2", "1", "1.\u2002One" },
    { "2", "1", "2.\u2002Two" },
    { "2", "1", "More" },
    { "2", "1", "•\u2002Dot" },
    { "3", "0", "<b>F1</b>" },
    { "2", "1", "Help." },
  };

  g_hash_table_insert (titles, (char *) "b", (char *) "Page B");
  page = bp_help_page_parse (text, -1, titles, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page->id, ==, "a");
  g_assert_cmpstr (page->title, ==, "Page A & co");
  g_assert_cmpstr (page->desc, ==, "About <i>A</i>.");
  g_assert_cmpstr (page->guide, ==, "index");
  g_assert_cmpstr (page->group, ==, "g");
  g_assert_cmpuint (page->blocks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BpHelpBlock *block = g_ptr_array_index (page->blocks, i);

      g_assert_cmpint (block->kind, ==, atoi (expected[i][0]));
      g_assert_cmpuint (block->indent, ==, atoi (expected[i][1]));
      g_assert_cmpstr (block->markup, ==, expected[i][2]);
    }

  /* Not a page: an error, no half-read page. */
  g_clear_pointer (&page, bp_help_page_free);
  page = bp_help_page_parse ("<page><p>no id</p></page>", -1, NULL, &error);
  g_assert_error (error, BP_HELP_PAGE_ERROR, BP_HELP_PAGE_ERROR_INVALID);
  g_assert_null (page);
  g_clear_error (&error);
  page = bp_help_page_parse ("<page id=\"x\"><title>T</p></page>", -1, NULL, &error);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
  g_assert_null (page);
}

/* Every page of data/help/C is in the sidebar, once, and reads. */
static void
test_every_page_listed (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "help", "C", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  BpHelpWindow *help = activate_help ();
  guint n_files = 0;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(BpHelpPage) page = NULL;
      g_autoptr(GError) error = NULL;
      gboolean found = FALSE;
      gsize length;

      if (!g_str_has_suffix (name, ".page"))
        continue;
      n_files++;
      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      page = bp_help_page_parse (text, length, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < bp_help_window_get_n_pages (help); i++)
        found |= g_strcmp0 (bp_help_window_get_page_id (help, i), page->id) == 0;
      if (!found)
        g_error ("%s is not in the guide's sidebar", name);
      g_assert_true (bp_help_window_show_page (help, page->id));
      g_assert_cmpstr (bp_help_window_get_page_title (help), ==, page->title);
    }
  g_assert_cmpuint (n_files, >=, 9);
  g_assert_cmpuint (bp_help_window_get_n_pages (help), ==, n_files);
  g_assert_cmpstr (bp_help_window_get_page_id (help, 0), ==, "index");
  close_help (help);
}

/* The first label of @widget whose markup links to another page. */
static GtkLabel *
find_link (GtkWidget  *widget,
           const char *target)
{
  g_autofree char *href = g_strdup_printf ("href=\"xref:%s\"", target);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), href) != NULL)
      return GTK_LABEL (child);
  return NULL;
}

static void
test_follow_link (void)
{
  BpHelpWindow *help = activate_help ();
  GtkLabel *link = find_link (bp_help_window_get_content (help), "explain");
  gboolean handled = FALSE;

  /* The index lists its topics as links, titled as their pages. */
  g_assert_nonnull (link);
  g_assert_nonnull (strstr (gtk_label_get_text (link), "The Explain page"));
  g_signal_emit_by_name (link, "activate-link", "xref:explain", &handled);
  g_assert_true (handled);
  /* Once the label is done with the click. */
  g_assert_cmpstr (bp_help_window_get_page (help), ==, "index");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (bp_help_window_get_page (help), ==, "explain");

  /* A link inside a paragraph, showing its page's title. */
  g_assert_true (bp_help_window_show_page (help, "first-lesson"));
  link = find_link (bp_help_window_get_content (help), "decision-map");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "activate-link", "xref:decision-map", &handled);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (bp_help_window_get_page (help), ==, "decision-map");
  g_assert_false (bp_help_window_show_page (help, "no-such-page"));
  g_assert_cmpstr (bp_help_window_get_page (help), ==, "decision-map");
  close_help (help);
}

/* Escape closes the guide: the window's own shortcut, found by name. */
static void
test_escape_closes (void)
{
  BpHelpWindow *help = activate_help ();
  g_autoptr(GtkEventController) controller = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (help));
  gboolean escape = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (item)), "help-keys") == 0)
        controller = g_object_ref (GTK_EVENT_CONTROLLER (item));
    }
  g_assert_nonnull (controller);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      if (g_strcmp0 (trigger, "Escape") == 0)
        {
          escape = TRUE;
          /* Closing destroys the window: nothing of it is used after. */
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (help), NULL));
          break;
        }
    }
  g_assert_true (escape);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_help_window ());
}

static void
test_chinese (void)
{
  BpHelpWindow *help;
  const char *title;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  help = activate_help ();
  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (bp_help_window_get_language (help), ==, "zh_CN");
  /* The window's own words come from the app's catalogue. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (help)), ==, "Backprop 帮助");
  /* Every page is translated, the titles into Chinese characters. */
  for (guint i = 0; i < bp_help_window_get_n_pages (help); i++)
    {
      gboolean chinese = FALSE;

      g_assert_true (bp_help_window_show_page (help, bp_help_window_get_page_id (help, i)));
      title = bp_help_window_get_page_title (help);
      for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
        chinese |= g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN;
      if (!chinese)
        g_error ("the Chinese guide's page %s is titled “%s”",
                 bp_help_window_get_page_id (help, i), title);
    }
  close_help (help);
}

/* Each page, at 800×600, within the window: the text wraps rather than
 * widening it. */
static void
test_fits_small_screen (void)
{
  BpHelpWindow *help = activate_help ();
  const char *languages[] = { NULL, "zh_CN" };

  close_help (help);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      if (languages[l] != NULL)
        g_setenv ("LANGUAGE", languages[l], TRUE);
      help = activate_help ();
      g_unsetenv ("LANGUAGE");
      for (guint i = 0; i < bp_help_window_get_n_pages (help); i++)
        {
          int min_width, min_height;

          g_assert_true (bp_help_window_show_page (help, bp_help_window_get_page_id (help, i)));
          gtk_widget_measure (GTK_WIDGET (help), GTK_ORIENTATION_HORIZONTAL, -1,
                              &min_width, NULL, NULL, NULL);
          gtk_widget_measure (GTK_WIDGET (help), GTK_ORIENTATION_VERTICAL, 800,
                              &min_height, NULL, NULL, NULL);
          if (min_width > 800 || min_height > 600)
            g_error ("the guide's page %s needs %d×%d", bp_help_window_get_page_id (help, i),
                     min_width, min_height);
        }
      gtk_window_set_default_size (GTK_WINDOW (help), 800, 600);
      ui_test_wait_frame (GTK_WIDGET (help));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (help)), <=, 800);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (help)), <=, 600);
      close_help (help);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("BACKPROP_LOCALEDIR");
  int status;

  /* Nowhere a help viewer would find the guide installed. */
  g_setenv ("XDG_DATA_DIRS", "/nonexistent", TRUE);
  ui_test_init (&argc, &argv);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bp_application_new ();
  /* Never hand the activation to a Backprop already running on the bus. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/help/page-markup", test_page_markup);
  g_test_add_func ("/help/builtin-shown", test_builtin_shown);
  g_test_add_func ("/help/guide-in-front", test_guide_in_front);
  g_test_add_func ("/help/every-page-listed", test_every_page_listed);
  g_test_add_func ("/help/follow-link", test_follow_link);
  g_test_add_func ("/help/escape-closes", test_escape_closes);
  g_test_add_func ("/help/chinese", test_chinese);
  g_test_add_func ("/help/fits-small-screen", test_fits_small_screen);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
