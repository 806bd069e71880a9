/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bad-input.c: every field of the window against the inputs thirty
 * students would type
 *
 * Each bad value must be marked where it was typed (the error style and
 * the reason), keep Train insensitive, leave the data as it was (nothing
 * clamped, rounded or half-taken), and a good value typed over it must
 * bring everything back.
 */
#include <string.h>

#include "ui-utils.h"

typedef enum
{
  FIELD_LEARNING_RATE,
  FIELD_EPOCHS,
  FIELD_SEED,
  FIELD_NAME,
  FIELD_WEIGHT,
  FIELD_HEIGHT,
  FIELD_CLASSIFY_WEIGHT,
  FIELD_CLASSIFY_HEIGHT,
} Field;

typedef struct
{
  Field       field;
  const char *good;     /* what the field holds before */
  const char *bad;      /* NULL: the long string */
  const char *reason;   /* a word the message must contain */
} Case;

/* Numbers that are not numbers, not finite, or meaningless for the field. */
static const Case cases[] = {
  { FIELD_LEARNING_RATE, "0.1", "abc", "not a number" },
  { FIELD_LEARNING_RATE, "0.1", "", "empty" },
  { FIELD_LEARNING_RATE, "0.1", "nan", "not a number" },
  { FIELD_LEARNING_RATE, "0.1", "inf", "not a number" },
  { FIELD_LEARNING_RATE, "0.1", "1e999", "finite" },
  { FIELD_LEARNING_RATE, "0.1", "0", "greater than 0" },
  { FIELD_LEARNING_RATE, "0.1", "-1", "greater than 0" },
  { FIELD_LEARNING_RATE, "0.1", "0x10", "not a number" },
  { FIELD_LEARNING_RATE, "0.1", NULL, "not a number" },
  { FIELD_EPOCHS, "1000", "abc", "not a whole number" },
  { FIELD_EPOCHS, "1000", "", "empty" },
  { FIELD_EPOCHS, "1000", "-1", "negative" },
  { FIELD_EPOCHS, "1000", "1.5", "not a whole number" },
  { FIELD_EPOCHS, "1000", "1e999", "not a whole number" },
  { FIELD_EPOCHS, "1000", "99999999999999999999999", "too large" },
  { FIELD_EPOCHS, "1000", NULL, "not a whole number" },
  { FIELD_SEED, "1", "abc", "not a whole number" },
  { FIELD_SEED, "1", "-1", "negative" },
  { FIELD_SEED, "1", "4294967296", "too large" },
  { FIELD_SEED, "1", "", "empty" },
  { FIELD_NAME, "Alice", "", "name" },
  { FIELD_NAME, "Alice", "    ", "name" },
  { FIELD_WEIGHT, "133", "abc", "not a number" },
  { FIELD_WEIGHT, "133", "", "empty" },
  { FIELD_WEIGHT, "133", "nan", "not a number" },
  { FIELD_WEIGHT, "133", "inf", "not a number" },
  { FIELD_WEIGHT, "133", "1e999", "finite" },
  { FIELD_WEIGHT, "133", "0", "range" },
  { FIELD_WEIGHT, "133", "-133", "range" },
  { FIELD_WEIGHT, "133", "100000", "range" },
  { FIELD_WEIGHT, "133", NULL, "not a number" },
  { FIELD_HEIGHT, "65", "abc", "not a number" },
  { FIELD_HEIGHT, "65", "0", "range" },
  { FIELD_HEIGHT, "65", "-65", "range" },
  { FIELD_HEIGHT, "65", "1e999", "finite" },
  { FIELD_CLASSIFY_WEIGHT, "128", "abc", "not a number" },
  { FIELD_CLASSIFY_WEIGHT, "128", "nan", "not a number" },
  { FIELD_CLASSIFY_WEIGHT, "128", "-5", "range" },
  { FIELD_CLASSIFY_WEIGHT, "128", NULL, "not a number" },
  { FIELD_CLASSIFY_HEIGHT, "63", "", "empty" },
  { FIELD_CLASSIFY_HEIGHT, "63", "1e999", "finite" },
};

static GtkEditable *
field_entry (BpWindow *window,
             Field     field)
{
  BpTrainingForm *form = bp_window_get_training_form (window);
  BpPredictionPanel *panel = bp_window_get_prediction_panel (window);

  switch (field)
    {
    case FIELD_LEARNING_RATE:
      return bp_training_form_get_learning_rate_entry (form);
    case FIELD_EPOCHS:
      return bp_training_form_get_epochs_entry (form);
    case FIELD_SEED:
      return bp_training_form_get_seed_entry (form);
    case FIELD_NAME:
      return ui_test_person_entry (window, 0, BP_PERSON_COLUMN_NAME);
    case FIELD_WEIGHT:
      return ui_test_person_entry (window, 0, BP_PERSON_COLUMN_WEIGHT);
    case FIELD_HEIGHT:
      return ui_test_person_entry (window, 0, BP_PERSON_COLUMN_HEIGHT);
    case FIELD_CLASSIFY_WEIGHT:
      return bp_prediction_panel_get_classify_entry (panel, FALSE);
    case FIELD_CLASSIFY_HEIGHT:
      return bp_prediction_panel_get_classify_entry (panel, TRUE);
    default:
      g_assert_not_reached ();
    }
}

/* What the window would train on, or classify, as plain numbers. */
typedef struct
{
  BpTrainerConfig config;
  BpPerson        alice;
  double          classify;
  gboolean        has_classify;
} State;

static void
read_state (BpWindow *window,
            State    *state)
{
  BpPersonItem *item = bp_people_editor_get_item (bp_window_get_people_editor (window), 0);
  const BpPerson *alice = bp_person_item_get_person (item);

  memset (state, 0, sizeof *state);
  bp_training_form_get_config (bp_window_get_training_form (window), &state->config);
  state->alice = (BpPerson) { NULL, alice->weight_lb, alice->height_in, alice->gender };
  state->has_classify = bp_prediction_panel_get_classify_output (bp_window_get_prediction_panel (window),
                                                                 &state->classify);
}

/* While the classify box is wrong it answers nothing; everything else
 * must be exactly as it was. */
static void
assert_same_state (const State *a,
                   const State *b,
                   gboolean     classify_too)
{
  g_assert_cmpmem (&a->alice, sizeof a->alice, &b->alice, sizeof b->alice);
  if (!classify_too)
    return;
  g_assert_cmpint (a->has_classify, ==, b->has_classify);
  if (a->has_classify)
    g_assert_cmpfloat (a->classify, ==, b->classify);
}

/* The reason, wherever the field shows it: its tooltip, the hint under
 * the status line, or the classify box's own line. */
static char *
shown_reason (BpWindow *window,
              Field     field)
{
  GtkWidget *entry = GTK_WIDGET (field_entry (window, field));
  const char *tooltip = gtk_widget_get_tooltip_text (entry);

  if (field == FIELD_CLASSIFY_WEIGHT || field == FIELD_CLASSIFY_HEIGHT)
    return g_strdup (bp_prediction_panel_get_classify_text (bp_window_get_prediction_panel (window)));
  return g_strconcat (tooltip != NULL ? tooltip : "", " | ", bp_window_get_hint_text (window), NULL);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  BpWindow *window = ui_test_new_window ();
  GtkEditable *entry = field_entry (window, c->field);
  g_autofree char *long_text = g_strnfill (5000, '7');
  g_autofree char *reason = NULL;
  gboolean trains = c->field != FIELD_CLASSIFY_WEIGHT && c->field != FIELD_CLASSIFY_HEIGHT;
  State before, during, after;

  /* 5000 sevens are a fine weight in no unit: "7777…" overflows to inf. */
  if (c->bad == NULL)
    long_text[2500] = 'x';
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, c->good);
  read_state (window, &before);
  g_assert_true (ui_test_action_enabled (window, "train"));

  ui_test_set_text (entry, c->bad != NULL ? c->bad : long_text);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  reason = shown_reason (window, c->field);
  if (strstr (reason, c->reason) == NULL)
    g_test_fail_printf ("“%s” in field %d: the reason “%s” does not say “%s”",
                        c->bad != NULL ? c->bad : "(5000 characters)", c->field, reason, c->reason);
  /* The hint under the status line tells the current reason, not the one
   * of a value typed before. */
  if (trains && gtk_widget_get_tooltip_text (GTK_WIDGET (entry)) != NULL)
    g_assert_nonnull (strstr (bp_window_get_hint_text (window),
                              gtk_widget_get_tooltip_text (GTK_WIDGET (entry))));
  if (trains)
    {
      g_assert_false (ui_test_action_enabled (window, "train"));
      g_assert_false (ui_test_action_enabled (window, "step-epoch"));
    }
  read_state (window, &during);
  assert_same_state (&before, &during, trains);
  if (!trains)
    g_assert_false (during.has_classify);

  ui_test_set_text (entry, c->good);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (ui_test_action_enabled (window, "train"));
  read_state (window, &after);
  assert_same_state (&before, &after, TRUE);
  g_assert_cmpmem (&before.config, sizeof before.config, &after.config, sizeof after.config);
  ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  /* Report every case that fails, not only the first. */
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bad-input/%u-field-%d", i, cases[i].field);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  return g_test_run ();
}
