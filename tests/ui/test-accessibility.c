/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-accessibility.c: every control of the window can be named by a
 * screen reader
 *
 * GTK_A11Y=test keeps the accessible properties for the test to read.  A
 * tooltip alone is not a name: icon-only buttons need a label, and
 * entries a label or a label widget that points at them.
 */
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "config.h"
#include "bp-accessible.h"
#include "bp-explain-panel.h"
#include "ui-utils.h"

static gboolean
is_icon_only (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL &&
           gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL;
  return GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget) &&
         GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget)));
}

/* Buttons with text are named by it; everything else that takes the
 * focus, or shows a value, needs a name of its own. */
static gboolean
needs_name (GtkWidget *widget)
{
  return is_icon_only (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget) || GTK_IS_LIST_BOX_ROW (widget) ||
         GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_PROGRESS_BAR (widget) || GTK_IS_LIST_BOX (widget) ||
         (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget))) ||
         /* The rows and cells of list and column views take the focus too
          * (GTK 4.8's own types, known only by name). */
         (gtk_widget_get_focusable (widget) &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL &&
          (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget") ||
           g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewCell") ||
           GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget)));
}

/* The label property, or NULL: the test accessible hands back the value
 * whenever it differs from the one asked for. */
static char *
dup_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

/* A mnemonic marker, a translation's "(L)" or a class name is no name. */
static void
check_label (GtkWidget *widget)
{
  g_autofree char *label = dup_label (widget);
  /* "学习率(L)" but not "Alice (F)" */
  g_autoptr (GRegex) mnemonic = g_regex_new ("[^ ]\\([A-Z]\\)|_|^Gtk|^$", 0, 0, NULL);

  if (label != NULL && g_regex_match (mnemonic, label, 0, NULL))
    g_error ("%s (%s) is named “%s”", G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_name (widget), label);
}

/* A button is labelled by its child, which for an icon-only one says
 * nothing: it needs a label of its own. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  return !is_icon_only (widget) &&
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Counts what was checked; names what fails. */
static guint
check_tree (GtkWidget *widget)
{
  guint checked = 0;

  check_label (widget);
  if (needs_name (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      if (!has_name (widget))
        g_error ("%s (%s, tooltip “%s”, in %s in %s in %s) has no accessible name",
                 G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                 gtk_widget_get_tooltip_text (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (widget)))));
      checked++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_tree (child);
  return checked;
}

/* Counts the mapped labels under @widget whose mnemonic is @keyval (in
 * lower case). */
static guint
count_mnemonics (GtkWidget *widget,
                 guint      keyval)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  /* As typed, "_Train" is T and "S_top" t: one key either way. */
  if (GTK_IS_LABEL (widget) &&
      gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget))) == keyval)
    {
      if (g_getenv ("BP_DEBUG_MNEMONICS") != NULL)
        g_printerr ("%c: %s\n", (char) keyval, gtk_label_get_label (GTK_LABEL (widget)));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_mnemonics (child, keyval);
  return n;
}

/* Alt+T trains, Alt+O stops…: GTK only moves the focus between widgets
 * that share a mnemonic, so no two labels on screen may share one (the
 * target loss's check box once took the T of Train; Stop and Seed, Step
 * and Epochs, Pause and Speed shared theirs). */
static void
assert_mnemonics_unique (BpWindow *window)
{
  const char *pages[] = { "loss", "trajectories", "network", "map", "explain", "landscape" };

  /* One page mapped at a time: a crossfade maps two. */
  gtk_stack_set_transition_type (bp_window_get_views (window), GTK_STACK_TRANSITION_TYPE_NONE);
  ui_test_show (GTK_WINDOW (window), 1280, 800);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-page",
                                      g_variant_new_string (pages[p]));
      ui_test_wait_frame (GTK_WIDGET (window));
      for (guint key = GDK_KEY_a; key <= GDK_KEY_z; key++)
        if (count_mnemonics (GTK_WIDGET (window), key) > 1)
          {
            g_test_message ("%s page: Alt+%c is the mnemonic of %u labels on screen", pages[p],
                            (char) key, count_mnemonics (GTK_WIDGET (window), key));
            g_test_fail ();
          }
      g_assert_cmpuint (count_mnemonics (GTK_WIDGET (window), GDK_KEY_t), ==, 1);
    }
  /* The guided tour's card beside the side pane. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "tour", NULL);
  ui_test_wait_frame (GTK_WIDGET (window));
  for (guint key = GDK_KEY_a; key <= GDK_KEY_z; key++)
    if (count_mnemonics (GTK_WIDGET (window), key) > 1)
      {
        g_test_message ("the tour: Alt+%c is the mnemonic of %u labels on screen", (char) key,
                        count_mnemonics (GTK_WIDGET (window), key));
        g_test_fail ();
      }
  g_action_group_activate_action (G_ACTION_GROUP (window), "tour-leave", NULL);
}

static void
test_window_controls (void)
{
  BpWindow *window = ui_test_new_window ();

  /* Entries, spin buttons and icon-only buttons of every view and popover. */
  g_assert_cmpuint (check_tree (GTK_WIDGET (window)), >, 20);
  assert_mnemonics_unique (window);
  ui_test_destroy_window (window);
}

/* The weight field says whose weight it is, and follows a new name. */
static void
test_person_fields (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkEditable *name = ui_test_person_entry (window, 0, BP_PERSON_COLUMN_NAME);
  GtkAccessible *weight = GTK_ACCESSIBLE (ui_test_person_entry (window, 0, BP_PERSON_COLUMN_WEIGHT));

  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Alice");
  gtk_test_accessible_assert_property (weight, GTK_ACCESSIBLE_PROPERTY_LABEL, "Alice’s weight");
  ui_test_set_text (name, "Ada");
  gtk_test_accessible_assert_property (weight, GTK_ACCESSIBLE_PROPERTY_LABEL, "Ada’s weight");
  ui_test_destroy_window (window);
}

static gboolean
is_train_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.train") == 0;
}

/* Tab from the window's start reaches Train, in the header bar, at
 * once: the header bar comes first, as on screen. */
static void
test_tab_order (void)
{
  BpWindow *window = ui_test_new_window ();
  guint stops = 0;
  GtkWidget *focus;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  do
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      stops++;
    }
  while (!is_train_button (focus) && stops < 100);
  g_assert_cmpuint (stops, <=, 5);
  g_assert_true (gtk_widget_is_ancestor (focus, gtk_window_get_titlebar (GTK_WINDOW (window))));

  /* Backwards from the start ends in the content, not the header bar. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_false (gtk_widget_is_ancestor (focus, gtk_window_get_titlebar (GTK_WINDOW (window))));
  ui_test_destroy_window (window);
}

/* The same in Chinese, whose mnemonics read "学习率(_L)": the build's
 * catalogue, as the app binds it with BACKPROP_LOCALEDIR. */
static void
test_window_controls_zh (void)
{
  g_autofree char *podir = g_test_build_filename (G_TEST_BUILT, "..", "..", "po", NULL);
  g_autofree char *catalogue = g_build_filename (podir, "zh_CN", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  BpWindow *window;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_assert_true (g_file_test (catalogue, G_FILE_TEST_EXISTS));
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("_Train"), ==, "训练(_T)");

  window = ui_test_new_window ();
  g_assert_cmpuint (check_tree (GTK_WIDGET (window)), >, 20);
  assert_mnemonics_unique (window);
  ui_test_destroy_window (window);
  setlocale (LC_ALL, "C.UTF-8");
}

/* The explanation's formulas read as spoken, not flattened. */
static void
test_speak_markup (void)
{
  const char *cases[][2] = {
    { "(1 − 0.221)<sup>2</sup>", "(1 − 0.221) squared" },
    { "f(x) = 1 / (1 + e<sup>−x</sup>)", "f(x) = 1 / (1 + e to the minus x)" },
    { "sum<sub>h1</sub> = w<sub>1</sub>x<sub>0</sub> + b<sub>1</sub>", "sum h1 = w1 x0 + b1" },
    { "on <b>Ada &amp; Bo</b>, y<sub>true</sub> = 1", "on Ada & Bo, y true = 1" },
    { "2<sup>10</sup>", "2 to the power 10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *spoken = bp_accessible_speak_markup (cases[i][0]);

      g_assert_cmpstr (spoken, ==, cases[i][1]);
    }
}

/* Words that change faster than a second wait, and only the newest go
 * out; the same words again say nothing.  (The second call follows the
 * first by far less than the second it would have to wait.) */
static void
test_describe_throttled (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("status"));
  GtkAccessible *accessible = GTK_ACCESSIBLE (label);

  bp_accessible_describe (label, "epoch 1");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "epoch 1");
  bp_accessible_describe (label, "epoch 2");
  bp_accessible_describe (label, "epoch 3");
  g_assert_cmpstr (bp_accessible_get_description (label), ==, "epoch 1");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "epoch 1");
  bp_accessible_flush (label);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "epoch 3");
  g_object_unref (label);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The drawn views take the focus and carry their content in words; the
 * status line says state, epoch and loss. */
static void
test_views_described (void)
{
  BpWindow *window = ui_test_new_window ();
  GtkWidget *chart = GTK_WIDGET (bp_window_get_loss_chart (window));
  GtkWidget *alice_chart;

  g_assert_true (gtk_widget_get_focusable (chart));
  alice_chart = find_child (GTK_WIDGET (window), GTK_TYPE_FLOW_BOX_CHILD);
  g_assert_nonnull (alice_chart);
  g_assert_true (gtk_widget_get_focusable (alice_chart));
  ui_test_activate (window, "train");
  ui_test_run_until_done (window);
  g_assert_true (g_str_has_prefix (bp_accessible_get_description (chart), "Loss 0.00237 at epoch 1000"));
  g_assert_nonnull (strstr (bp_accessible_get_description (chart), "down from"));
  /* The trajectories follow the run once their page is on show. */
  ui_test_show_page (window, "trajectories");
  g_assert_true (g_str_has_prefix (bp_accessible_get_description (alice_chart),
                                   "0.939 at epoch 1000, from "));
  g_assert_cmpstr (bp_accessible_get_description (ui_test_find_label (GTK_WIDGET (window), "Finished")), ==,
                   "Finished, Epoch 1000 of 1000, Loss 0.002367");
  ui_test_destroy_window (window);
}

/* The Explain page's formula labels: those in the maths font outside
 * the gradient check, in their order. */
static void
collect_formulas (GtkWidget *widget,
                  GPtrArray *formulas)
{
  if (GTK_IS_REVEALER (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "maths"))
    g_ptr_array_add (formulas, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_formulas (child, formulas);
}

/* A screen reader walking the window finds the Explain page's formulas
 * named before the page is first shown, when they are still empty: by
 * their headings.  Shown, they read as the formulas; with nobody to
 * explain, as their headings again, not the last person's formulas. */
static void
test_explain_formulas_named (void)
{
  const char *headings[] = { "Forward Pass", "Loss", "Partial Derivatives", "Chain Rule and Update" };
  GtkWidget *view = bp_explain_panel_new ();
  BpExplainPanel *panel = BP_EXPLAIN_PANEL (view);
  g_autoptr(GPtrArray) formulas = g_ptr_array_new ();
  g_autoptr(BpPeople) people = bp_people_new_seed ();
  g_autoptr(BpPeople) nobody = bp_people_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BpNormalizer norm;

  collect_formulas (view, formulas);
  g_assert_cmpuint (formulas->len, ==, G_N_ELEMENTS (headings));
  bp_normalizer_init (&norm, BP_NORMALIZE_SEED, people);
  bp_explain_panel_set_people (panel, people, &norm);
  for (guint i = 0; i < formulas->len; i++)
    {
      GtkAccessible *formula = g_ptr_array_index (formulas, i);

      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (formula)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (formula)), ==, "");
      gtk_test_accessible_assert_property (formula, GTK_ACCESSIBLE_PROPERTY_LABEL, headings[i]);
    }

  gtk_window_set_child (window, view);
  ui_test_show (window, 800, 600);
  g_assert_nonnull (strstr (bp_explain_panel_get_text (panel, "forward"), "sum"));
  for (guint i = 0; i < formulas->len; i++)
    {
      g_autofree char *name = dup_label (g_ptr_array_index (formulas, i));

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, headings[i]);
      g_assert_nonnull (strstr (name, "="));
    }

  bp_explain_panel_set_people (panel, nobody, &norm);
  g_assert_cmpstr (bp_explain_panel_get_text (panel, "forward"), ==, "");
  for (guint i = 0; i < formulas->len; i++)
    gtk_test_accessible_assert_property (g_ptr_array_index (formulas, i),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, headings[i]);
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/accessibility/window-controls", test_window_controls);
  g_test_add_func ("/accessibility/person-fields", test_person_fields);
  g_test_add_func ("/accessibility/tab-order", test_tab_order);
  g_test_add_func ("/accessibility/speak-markup", test_speak_markup);
  g_test_add_func ("/accessibility/describe-throttled", test_describe_throttled);
  g_test_add_func ("/accessibility/views-described", test_views_described);
  g_test_add_func ("/accessibility/window-controls-zh", test_window_controls_zh);
  g_test_add_func ("/accessibility/explain-formulas-named", test_explain_formulas_named);

  return g_test_run ();
}
