/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-people-editor.c: the people the network learns from
 *
 * The people are a GListStore of BpPersonItem, in training order (the
 * order matters: training steps through them one by one).  A column view
 * shows them through a filter (the search by name) and a sort (the
 * column headers), so only the view's order changes; its rows are
 * recycled, so a list of 100 000 people has widgets for the few rows on
 * screen only, and the window's size does not depend on the data.
 *
 * Every edit is checked at once: a field that does not parse or is out
 * of range keeps the last good value in the data and is marked in place
 * until it is fixed (the item remembers the text, as the row showing it
 * may be recycled).  After every edit the editor works out whether the
 * whole list can be trained on and which two inputs the network would
 * receive for each person shown.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-accessible.h"
#include "bp-enums.h"
#include "bp-field-errors.h"
#include "bp-format.h"
#include "bp-people-editor.h"

struct _BpPeopleEditor
{
  GtkWidget           parent_instance;

  GtkToggleButton    *lb_button;
  GtkToggleButton    *kg_button;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkColumnView      *view;
  GtkWidget          *placeholder;
  GtkColumnViewColumn *columns[BP_PERSON_N_COLUMNS];

  GListStore         *store;     /* of BpPersonItem, in training order */
  GtkStringFilter    *filter;
  GtkFilterListModel *filtered;
  GPtrArray          *bound;     /* the GtkListItems showing someone now */
  BpPersonItem       *focus_item; /* added: its name takes the focus once shown */
  guint               scroll_idle;

  BpUnits             units;
  BpNormalize         normalize;
  BpNormalizer        norm;
  gboolean            valid;
  char               *error;
  guint               updating;  /* the editor is writing its own cells */
};

G_DEFINE_FINAL_TYPE (BpPeopleEditor, bp_people_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_UNITS,
  PROP_NORMALIZE,
  PROP_VALID,
  N_PROPS
};

enum
{
  CHANGED,
  PERSON_REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The item at @index in training order; the store keeps it alive. */
static BpPersonItem *
item_at (BpPeopleEditor *self,
         guint           index)
{
  g_autoptr(BpPersonItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), index);

  return item;
}

guint
bp_people_editor_get_n_people (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

/* ---- checking ------------------------------------------------------------ */

/* The first problem of the list, naming the person it is about. */
static char *
find_error (BpPeopleEditor *self)
{
  guint n = bp_people_editor_get_n_people (self);
  BpPersonItem *first_bad = NULL;
  guint first_bad_index = 0;
  guint training = 0;

  for (guint i = 0; i < n; i++)
    {
      BpPersonItem *item = item_at (self, i);

      training += !bp_person_item_get_held_out (item);
      if (first_bad == NULL && bp_person_item_get_error (item) != NULL)
        {
          first_bad = item;
          first_bad_index = i;
        }
    }
  if (n == 0)
    return g_strdup (_("There is nobody to learn from: add at least one person."));
  if (training == 0)
    return g_strdup (_("Everybody is held out for testing: untick Test for someone to learn from."));
  if (first_bad != NULL)
    return g_strdup_printf (_("Person %u (%s) — %s"), first_bad_index + 1,
                            bp_person_item_get_name (first_bad), bp_person_item_get_error (first_bad));
  return NULL;
}

/* In seed mode a person's inputs depend on that person only; the other
 * modes need everyone's numbers, so one bad field hides them all.  The
 * people are borrowed from the items, not copied. */
static void
update_normalizer (BpPeopleEditor *self)
{
  BpPeople training = { 0 };
  guint n = bp_people_editor_get_n_people (self);

  if (!self->valid || self->normalize == BP_NORMALIZE_SEED)
    {
      bp_normalizer_init (&self->norm, BP_NORMALIZE_SEED, NULL);
      return;
    }
  training.people = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      BpPersonItem *item = item_at (self, i);

      if (!bp_person_item_get_held_out (item))
        g_ptr_array_add (training.people, (gpointer) bp_person_item_get_person (item));
    }
  bp_normalizer_init (&self->norm, self->normalize, &training);
  g_ptr_array_unref (training.people);
}

/* ---- showing one cell ---------------------------------------------------- */

static BpPersonColumn
cell_column (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "bp-column"));
}

static BpPeopleEditor *
cell_editor (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "bp-editor");
}

static BpPersonField
column_field (BpPersonColumn column)
{
  switch (column)
    {
    case BP_PERSON_COLUMN_NAME:
      return BP_PERSON_FIELD_NAME;
    case BP_PERSON_COLUMN_WEIGHT:
      return BP_PERSON_FIELD_WEIGHT;
    case BP_PERSON_COLUMN_HEIGHT:
      return BP_PERSON_FIELD_HEIGHT;
    default:
      g_return_val_if_reached (BP_PERSON_FIELD_NAME);
    }
}

static void
set_label (gpointer    widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A screen reader says whose each control is: the rows are recycled,
 * so this follows the person a cell shows. */
static void
name_cell (GtkWidget    *cell,
           BpPersonItem *item)
{
  const char *name = bp_person_item_get_name (item);
  g_autofree char *label = NULL;
  g_autofree char *second = NULL;

  switch (cell_column (cell))
    {
    case BP_PERSON_COLUMN_NAME:
      label = g_strdup_printf (_("Name of person %u"), bp_person_item_get_position (item) + 1);
      break;
    /* Translators: accessible names of one person's controls */
    case BP_PERSON_COLUMN_WEIGHT:
      label = g_strdup_printf (_("%s’s weight"), name);
      break;
    case BP_PERSON_COLUMN_HEIGHT:
      label = g_strdup_printf (_("%s’s height"), name);
      break;
    case BP_PERSON_COLUMN_GENDER:
      label = g_strdup_printf (_("%s’s gender"), name);
      break;
    case BP_PERSON_COLUMN_TEST:
      label = g_strdup_printf (_("%s held out for testing"), name);
      break;
    case BP_PERSON_COLUMN_BUTTONS:
      label = g_strdup_printf (_("Duplicate %s"), name);
      second = g_strdup_printf (_("Remove %s"), name);
      set_label (gtk_widget_get_first_child (cell), label);
      set_label (gtk_widget_get_last_child (cell), second);
      bp_accessible_label_list_item (cell, 1, name);
      return;
    default:
      /* The number and the inputs: the cell says whose they are. */
      bp_accessible_label_list_item (cell, 1, name);
      return;
    }
  set_label (cell, label);
  /* The cell around the control, and for the name the row: the person. */
  bp_accessible_label_list_item (cell, 1, label);
  if (cell_column (cell) == BP_PERSON_COLUMN_NAME)
    bp_accessible_label_list_item (cell, 2, name);
}

static void
show_text (BpPeopleEditor *self,
           GtkWidget      *entry,
           const char     *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->updating--;
}

/* A field being fixed shows what was typed; the others the data. */
static void
show_field (BpPeopleEditor *self,
            GtkWidget      *entry,
            BpPersonItem   *item,
            BpPersonField   field)
{
  const char *typed = bp_person_item_get_typed (item, field);
  g_autofree char *text = NULL;

  if (typed != NULL)
    show_text (self, entry, typed);
  else if (field == BP_PERSON_FIELD_NAME)
    show_text (self, entry, bp_person_item_get_name (item));
  else
    {
      if (field == BP_PERSON_FIELD_WEIGHT)
        text = bp_format_measure (bp_weight_shown (bp_person_item_get_weight_lb (item), self->units));
      else
        text = bp_format_measure (bp_height_shown (bp_person_item_get_height_in (item), self->units));
      show_text (self, entry, text);
    }
  bp_entry_mark_error (entry, bp_person_item_get_field_error (item, field), NULL);
}

static void
show_inputs (BpPeopleEditor *self,
             GtkLabel       *label,
             BpPersonItem   *item)
{
  const BpPerson *p = bp_person_item_get_person (item);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;
  double x0, x1;

  if (bp_person_item_get_error (item) != NULL ||
      (self->error != NULL && self->normalize != BP_NORMALIZE_SEED))
    {
      gtk_label_set_text (label, "—");
      return;
    }
  bp_normalizer_apply (&self->norm, p->weight_lb, p->height_in, &x0, &x1);
  a = bp_format_input (x0);
  b = bp_format_input (x1);
  /* Where a comma is the decimal separator, “−0,5; 1,2” stays readable. */
  if (g_str_equal (bp_format_decimal_point (), ","))
    text = g_strdup_printf ("%s; %s", a, b);
  else
    text = g_strdup_printf ("%s, %s", a, b);
  gtk_label_set_text (label, text);
}

static void
show_number (GtkLabel     *label,
             BpPersonItem *item)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", bp_person_item_get_position (item) + 1);
  gtk_label_set_text (label, text);
}

/* F or M, pressed in for F. */
static void
show_gender (GtkToggleButton *button,
             BpGender         gender)
{
  gboolean female = gender == BP_GENDER_FEMALE;

  /* Translators: short for female and male */
  gtk_button_set_label (GTK_BUTTON (button), female ? _("F") : _("M"));
  gtk_toggle_button_set_active (button, female);
  /* "Pressed" alone would not say which: the description does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  female ? _("Female; press for male") : _("Male; press for female"),
                                  -1);
}

/* Shows @item in @cell, whichever column it is in. */
static void
show_cell (BpPeopleEditor *self,
           GtkWidget      *cell,
           BpPersonItem   *item)
{
  BpPersonColumn column = cell_column (cell);

  self->updating++;
  switch (column)
    {
    case BP_PERSON_COLUMN_NUMBER:
      show_number (GTK_LABEL (cell), item);
      break;
    case BP_PERSON_COLUMN_NAME:
    case BP_PERSON_COLUMN_WEIGHT:
    case BP_PERSON_COLUMN_HEIGHT:
      show_field (self, cell, item, column_field (column));
      break;
    case BP_PERSON_COLUMN_GENDER:
      show_gender (GTK_TOGGLE_BUTTON (cell), bp_person_item_get_gender (item));
      break;
    case BP_PERSON_COLUMN_INPUTS:
      show_inputs (self, GTK_LABEL (cell), item);
      break;
    case BP_PERSON_COLUMN_TEST:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (cell), bp_person_item_get_held_out (item));
      break;
    default:
      break;
    }
  self->updating--;
  name_cell (cell, item);
}

/* Shows @item (or everyone with NULL) again in every cell on screen. */
static void
show_cells (BpPeopleEditor *self,
            BpPersonItem   *item)
{
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound, i);

      if (item == NULL || gtk_list_item_get_item (list_item) == item)
        show_cell (self, gtk_list_item_get_child (list_item), gtk_list_item_get_item (list_item));
    }
}

/* What depends on the others and on the place in the list: numbers,
 * inputs and the names that say which person it is. */
static void
show_dependent_cells (BpPeopleEditor *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound, i);
      GtkWidget *cell = gtk_list_item_get_child (list_item);
      BpPersonItem *item = gtk_list_item_get_item (list_item);

      switch (cell_column (cell))
        {
        case BP_PERSON_COLUMN_NUMBER:
          show_number (GTK_LABEL (cell), item);
          break;
        case BP_PERSON_COLUMN_INPUTS:
          show_inputs (self, GTK_LABEL (cell), item);
          break;
        case BP_PERSON_COLUMN_NAME:
          name_cell (cell, item);
          break;
        default:
          break;
        }
    }
}

static void
update_count (BpPeopleEditor *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint all = bp_people_editor_get_n_people (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->placeholder, all == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), search[0] != '\0');
  /* Translators: how many people the search shows, of how many */
  text = g_strdup_printf (ngettext ("%u of %u person", "%u of %u people", all), shown, all);
  gtk_label_set_text (self->count_label, text);
}

/* After every edit: the list checked once, the cells on screen that
 * depend on it shown again, and "changed". */
static void
refresh (BpPeopleEditor *self)
{
  gboolean valid;

  g_free (self->error);
  self->error = find_error (self);
  valid = self->error == NULL;
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  update_normalizer (self);
  show_dependent_cells (self);
  update_count (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Positions are kept in the items for the No. column and its sorter. */
static void
renumber (BpPeopleEditor *self,
          guint           from)
{
  guint n = bp_people_editor_get_n_people (self);

  for (guint i = from; i < n; i++)
    bp_person_item_set_position (item_at (self, i), i);
}

/* ---- editing ------------------------------------------------------------- */

/* Reads a weight or height typed in the current units, in lb or in. */
static gboolean
read_measure (BpPeopleEditor *self,
              BpPersonField   field,
              const char     *text,
              double         *value,
              GError        **error)
{
  double shown;

  if (!bp_format_parse_double (text, &shown, error))
    return FALSE;
  if (field == BP_PERSON_FIELD_WEIGHT)
    {
      *value = bp_weight_to_lb (shown, self->units);
      return bp_check_weight_lb (*value, self->units, error);
    }
  *value = bp_height_to_in (shown, self->units);
  return bp_check_height_in (*value, self->units, error);
}

static void
update_measure (BpPeopleEditor *self,
                BpPersonItem   *item,
                BpPersonField   field,
                const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  double value;

  if (!read_measure (self, field, text, &value, &error))
    {
      message = g_strdup_printf (field == BP_PERSON_FIELD_WEIGHT ? _("Weight: %s") : _("Height: %s"),
                                 error->message);
      bp_person_item_set_field_error (item, field, text, message);
      return;
    }
  bp_person_item_set_measure (item, field, value);
  bp_person_item_set_field_error (item, field, NULL, NULL);
}

/* The name of the person @item shows in every cell: the rule a
 * session's names follow too. */
static void
on_name_changed (GtkEditable  *editable,
                 BpPersonItem *item)
{
  BpPeopleEditor *self = cell_editor (GTK_WIDGET (editable));
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *name = NULL;

  if (self->updating)
    return;
  name = g_strstrip (g_strdup (text));
  if (bp_person_name_is_blank (name))
    bp_person_item_set_field_error (item, BP_PERSON_FIELD_NAME, text, _("Name: a name is needed"));
  else
    {
      bp_person_item_set_name (item, name);
      bp_person_item_set_field_error (item, BP_PERSON_FIELD_NAME, NULL, NULL);
      for (guint i = 0; i < self->bound->len; i++)
        {
          GtkListItem *list_item = g_ptr_array_index (self->bound, i);

          if (gtk_list_item_get_item (list_item) == item)
            name_cell (gtk_list_item_get_child (list_item), item);
        }
    }
  bp_entry_mark_error (GTK_WIDGET (editable),
                       bp_person_item_get_field_error (item, BP_PERSON_FIELD_NAME), NULL);
  refresh (self);
}

static void
on_measure_changed (GtkEditable  *editable,
                    BpPersonItem *item)
{
  BpPeopleEditor *self = cell_editor (GTK_WIDGET (editable));
  BpPersonField field = column_field (cell_column (GTK_WIDGET (editable)));

  if (self->updating)
    return;
  update_measure (self, item, field, gtk_editable_get_text (editable));
  bp_entry_mark_error (GTK_WIDGET (editable), bp_person_item_get_field_error (item, field), NULL);
  refresh (self);
}

static void
on_gender_toggled (GtkToggleButton *button,
                   BpPersonItem    *item)
{
  BpPeopleEditor *self = cell_editor (GTK_WIDGET (button));
  BpGender gender = gtk_toggle_button_get_active (button) ? BP_GENDER_FEMALE : BP_GENDER_MALE;

  if (self->updating)
    return;
  self->updating++;
  show_gender (button, gender);
  self->updating--;
  bp_person_item_set_gender (item, gender);
  refresh (self);
}

static void
on_test_toggled (GtkCheckButton *check,
                 BpPersonItem   *item)
{
  BpPeopleEditor *self = cell_editor (GTK_WIDGET (check));

  if (self->updating)
    return;
  bp_person_item_set_held_out (item, gtk_check_button_get_active (check));
  refresh (self);
}

static void
insert_item (BpPeopleEditor *self,
             guint           index,
             const BpPerson *person,
             gboolean        held_out)
{
  g_autoptr(BpPersonItem) item = bp_person_item_new (person, held_out, index);

  g_list_store_insert (self->store, index, item);
  renumber (self, index + 1);
}

static void
on_duplicate_clicked (GtkButton    *button,
                      BpPersonItem *item)
{
  BpPeopleEditor *self = cell_editor (gtk_widget_get_parent (GTK_WIDGET (button)));

  insert_item (self, bp_person_item_get_position (item) + 1,
               bp_person_item_get_person (item), bp_person_item_get_held_out (item));
  refresh (self);
}

static void
on_remove_clicked (GtkButton    *button,
                   BpPersonItem *item)
{
  BpPeopleEditor *self = cell_editor (gtk_widget_get_parent (GTK_WIDGET (button)));
  g_autoptr(BpPersonItem) removed = g_object_ref (item);
  guint index = bp_person_item_get_position (item);

  /* The button may be unbound and recycled from here on. */
  bp_people_editor_remove_person (self, index);
  g_signal_emit (self, signals[PERSON_REMOVED], 0, index,
                 bp_person_item_get_person (removed), bp_person_item_get_held_out (removed));
}

/* ---- the cells' factory -------------------------------------------------- */

static GtkWidget *
new_entry (int      width_chars,
           int      max_width_chars,
           gboolean numeric)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), max_width_chars);
  if (numeric)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_add_css_class (entry, "numeric");
    }
  return entry;
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
new_cell (BpPersonColumn column)
{
  GtkWidget *cell = NULL;

  switch (column)
    {
    case BP_PERSON_COLUMN_NUMBER:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1);
      /* Five digits wide whatever the number: past 99 999 it is cut. */
      gtk_label_set_width_chars (GTK_LABEL (cell), 5);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_START);
      gtk_widget_add_css_class (cell, "numeric");
      gtk_widget_add_css_class (cell, "dim-label");
      break;
    case BP_PERSON_COLUMN_NAME:
      cell = new_entry (6, 13, FALSE);
      /* The column takes the width the pane can spare ("Person 00001"). */
      gtk_widget_set_hexpand (cell, TRUE);
      break;
    case BP_PERSON_COLUMN_WEIGHT:
    case BP_PERSON_COLUMN_HEIGHT:
      cell = new_entry (6, 6, TRUE);
      break;
    case BP_PERSON_COLUMN_GENDER:
      /* A button that flips between F and M rather than a drop-down of
       * the two: a drop-down brings a popover and a list view of its own
       * to each of the two hundred rows GTK keeps. */
      cell = gtk_toggle_button_new ();
      gtk_widget_add_css_class (cell, "gender-toggle");
      /* What the header's tooltip said when the header was a label. */
      gtk_widget_set_tooltip_text (cell, _("F: female, the network should answer 1; M: male, it should answer 0. Press to change."));
      break;
    case BP_PERSON_COLUMN_INPUTS:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 1);
      /* Inputs far from the usual take more room than the column; the
       * list's width must not depend on who is on screen. */
      gtk_label_set_width_chars (GTK_LABEL (cell), 7);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (cell, _("What the network receives for this person: the weight input and the height input after normalisation"));
      gtk_widget_add_css_class (cell, "numeric");
      break;
    case BP_PERSON_COLUMN_TEST:
      cell = gtk_check_button_new ();
      gtk_widget_set_tooltip_text (cell, _("Hold this person out of training: the network never learns from them, and the chart shows their loss as the test loss"));
      break;
    case BP_PERSON_COLUMN_BUTTONS:
      cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_append (GTK_BOX (cell), new_icon_button ("edit-copy-symbolic", _("Duplicate")));
      gtk_box_append (GTK_BOX (cell), new_icon_button ("user-trash-symbolic", _("Remove")));
      break;
    default:
      g_assert_not_reached ();
    }
  g_object_set_data (G_OBJECT (cell), "bp-column", GUINT_TO_POINTER (column));
  return cell;
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          BpPeopleEditor           *self)
{
  BpPersonColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "bp-column"));
  GtkWidget *cell = new_cell (column);

  g_object_set_data (G_OBJECT (cell), "bp-editor", self);
  bp_accessible_fix_names (cell);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, cell);
}

static gboolean
grab_focus_later (gpointer data)
{
  GtkWidget *entry = data;

  if (gtk_widget_get_mapped (entry))
    gtk_widget_grab_focus (entry);
  return G_SOURCE_REMOVE;
}

/* A new person's name takes the focus once its row is on screen: rows
 * are bound and mapped while the list is laid out, and moving the focus
 * then leaves GTK 4.8's list view with a row it never allocates. */
static void
on_new_name_mapped (GtkWidget      *entry,
                    BpPeopleEditor *self)
{
  g_signal_handlers_disconnect_by_data (entry, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grab_focus_later, g_object_ref (entry), g_object_unref);
}

/* The handlers are connected for the person shown, with it as data. */
static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         BpPeopleEditor           *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  BpPersonItem *item = gtk_list_item_get_item (list_item);

  show_cell (self, cell, item);
  switch (cell_column (cell))
    {
    case BP_PERSON_COLUMN_NAME:
      g_signal_connect (cell, "changed", G_CALLBACK (on_name_changed), item);
      if (item == self->focus_item)
        {
          self->focus_item = NULL;
          if (gtk_widget_get_mapped (cell))
            on_new_name_mapped (cell, self);
          else
            g_signal_connect (cell, "map", G_CALLBACK (on_new_name_mapped), self);
        }
      break;
    case BP_PERSON_COLUMN_WEIGHT:
    case BP_PERSON_COLUMN_HEIGHT:
      g_signal_connect (cell, "changed", G_CALLBACK (on_measure_changed), item);
      break;
    case BP_PERSON_COLUMN_GENDER:
      g_signal_connect (cell, "toggled", G_CALLBACK (on_gender_toggled), item);
      break;
    case BP_PERSON_COLUMN_TEST:
      g_signal_connect (cell, "toggled", G_CALLBACK (on_test_toggled), item);
      break;
    case BP_PERSON_COLUMN_BUTTONS:
      g_signal_connect (gtk_widget_get_first_child (cell), "clicked",
                        G_CALLBACK (on_duplicate_clicked), item);
      g_signal_connect (gtk_widget_get_last_child (cell), "clicked",
                        G_CALLBACK (on_remove_clicked), item);
      break;
    default:
      break;
    }
  g_ptr_array_add (self->bound, list_item);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           BpPeopleEditor           *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  if (cell_column (cell) == BP_PERSON_COLUMN_BUTTONS)
    {
      g_signal_handlers_disconnect_by_data (gtk_widget_get_first_child (cell), item);
      g_signal_handlers_disconnect_by_data (gtk_widget_get_last_child (cell), item);
    }
  else
    g_signal_handlers_disconnect_by_data (cell, item);
  g_ptr_array_remove_fast (self->bound, list_item);
}

static void
on_teardown (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             BpPeopleEditor           *self)
{
  /* Unbound first, so only the child is left to drop. */
  g_ptr_array_remove_fast (self->bound, list_item);
  gtk_list_item_set_child (list_item, NULL);
}

/* ---- columns ------------------------------------------------------------- */

static GtkSorter *
new_sorter (const char *property)
{
  GtkExpression *expression = gtk_property_expression_new (BP_TYPE_PERSON_ITEM, NULL, property);

  if (g_str_equal (property, "name"))
    return GTK_SORTER (gtk_string_sorter_new (expression));
  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

static void
add_columns (BpPeopleEditor *self)
{
  static const char *const sort_by[] = {
    "position", "name", "weight-lb", "height-in", "gender", NULL, "held-out", NULL,
  };
  const char *titles[] = {
    /* Translators: column header: the person's place in training order */
    _("No."), _("Name"), NULL, NULL, _("Gender"), _("Inputs"),
    /* Translators: column header over the check boxes that hold a person out of training */
    _("Test"), NULL,
  };

  for (guint c = 0; c < BP_PERSON_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "bp-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown), self);
      column = gtk_column_view_column_new (titles[c], factory);
      if (sort_by[c] != NULL)
        {
          g_autoptr(GtkSorter) sorter = new_sorter (sort_by[c]);

          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_column_set_expand (column, c == BP_PERSON_COLUMN_NAME);
      gtk_column_view_append_column (self->view, column);
      self->columns[c] = column;
      g_object_unref (column);
    }
}

static void
show_headers (BpPeopleEditor *self)
{
  /* On two lines, so that the header is no wider than the entries. */
  g_autofree char *weight = g_strdup_printf ("%s\n(%s)", _("Weight"), bp_format_weight_unit (self->units));
  g_autofree char *height = g_strdup_printf ("%s\n(%s)", _("Height"), bp_format_height_unit (self->units));

  gtk_column_view_column_set_title (self->columns[BP_PERSON_COLUMN_WEIGHT], weight);
  gtk_column_view_column_set_title (self->columns[BP_PERSON_COLUMN_HEIGHT], height);
}

/* The store, filtered by the search and sorted by the headers, is what
 * the column view shows; the store's order never changes for them. */
static void
build_model (BpPeopleEditor *self)
{
  GtkExpression *name = gtk_property_expression_new (BP_TYPE_PERSON_ITEM, NULL, "name");
  GtkSortListModel *sorted;
  g_autoptr(GtkNoSelection) selection = NULL;

  self->store = g_list_store_new (BP_TYPE_PERSON_ITEM);
  self->filter = gtk_string_filter_new (name);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  /* The list inside the column view and its row of headings take the
   * focus too: named as the column view is. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("People"), -1);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   BpPeopleEditor *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_count (self);
}

/* Scrolling in the same main loop turn as a change of a long list leaves
 * GTK 4.8's list view with a row it never allocates: the list is
 * scrolled to the new person once it has taken the change in. */
static gboolean
scroll_to_focus_item (gpointer data)
{
  BpPeopleEditor *self = data;

  self->scroll_idle = 0;
  if (self->focus_item != NULL)
    bp_people_editor_scroll_to (self, bp_person_item_get_position (self->focus_item));
  return G_SOURCE_REMOVE;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (widget);
  guint n = bp_people_editor_get_n_people (self);
  g_autofree char *name = g_strdup_printf (_("Person %u"), n + 1);
  g_autoptr(BpPerson) person = NULL;

  /* The seeds' centre, 135 lb and 66 in, whose inputs are 0, 0; in kg
   * and cm the round values nearest it, not 61.23 kg and 167.64 cm. */
  if (self->units == BP_UNITS_KG_CM)
    person = bp_person_new (name, bp_weight_to_lb (61, BP_UNITS_KG_CM),
                            bp_height_to_in (168, BP_UNITS_KG_CM), BP_GENDER_FEMALE);
  else
    person = bp_person_new (name, 135, 66, BP_GENDER_FEMALE);

  /* The new person must be found on screen, whatever the search. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  insert_item (self, n, person, FALSE);
  self->focus_item = item_at (self, n);
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (scroll_to_focus_item, self);
  refresh (self);
}

static void
on_kg_toggled (GtkToggleButton *button,
               BpPeopleEditor  *self)
{
  bp_people_editor_set_units (self, gtk_toggle_button_get_active (button) ? BP_UNITS_KG_CM
                                                                         : BP_UNITS_LB_IN);
}

/* ---- the object ---------------------------------------------------------- */

static void
bp_people_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      g_value_set_enum (value, self->units);
      break;
    case PROP_NORMALIZE:
      g_value_set_enum (value, self->normalize);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_people_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      bp_people_editor_set_units (self, g_value_get_enum (value));
      break;
    case PROP_NORMALIZE:
      bp_people_editor_set_normalize (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_people_editor_dispose (GObject *object)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (object);
  GtkWidget *child;

  self->focus_item = NULL;
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_PEOPLE_EDITOR);
  /* The template's unnamed children are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bp_people_editor_parent_class)->dispose (object);
}

static void
bp_people_editor_finalize (GObject *object)
{
  BpPeopleEditor *self = BP_PEOPLE_EDITOR (object);

  g_clear_pointer (&self->bound, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (bp_people_editor_parent_class)->finalize (object);
}

static void
bp_people_editor_class_init (BpPeopleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_people_editor_get_property;
  object_class->set_property = bp_people_editor_set_property;
  object_class->dispose = bp_people_editor_dispose;
  object_class->finalize = bp_people_editor_finalize;

  properties[PROP_UNITS] =
    g_param_spec_enum ("units", NULL, NULL, BP_TYPE_UNITS, BP_UNITS_LB_IN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NORMALIZE] =
    g_param_spec_enum ("normalize", NULL, NULL, BP_TYPE_NORMALIZE, BP_NORMALIZE_SEED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every edit, valid or not. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user removed the person at an index of training order (with a
   * const BpPerson * and whether held out), for undo to put them back
   * with bp_people_editor_insert_person(). */
  signals[PERSON_REMOVED] = g_signal_new ("person-removed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          3, G_TYPE_UINT, G_TYPE_POINTER, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-people-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, lb_button);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, kg_button);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, view);
  gtk_widget_class_bind_template_child (widget_class, BpPeopleEditor, placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_kg_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_activated);
}

static void
bp_people_editor_init (BpPeopleEditor *self)
{
  g_autoptr(BpPeople) seed = bp_people_new_seed ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound = g_ptr_array_new ();
  self->units = BP_UNITS_LB_IN;
  self->normalize = BP_NORMALIZE_SEED;
  add_columns (self);
  build_model (self);
  show_headers (self);
  bp_people_editor_set_people (self, seed);
}

GtkWidget *
bp_people_editor_new (void)
{
  return g_object_new (BP_TYPE_PEOPLE_EDITOR, NULL);
}

/* ---- the people ---------------------------------------------------------- */

/* Replaces the people that are (or are not) held out, keeping the
 * others first: the items are built, then put in with one splice. */
static void
replace_people (BpPeopleEditor *self,
                const BpPeople *people,
                gboolean        held_out)
{
  guint n_old = bp_people_editor_get_n_people (self);
  guint n_new = bp_people_get_n (people);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_old + n_new, g_object_unref);

  for (guint i = 0; i < n_old; i++)
    {
      BpPersonItem *item = item_at (self, i);

      if (bp_person_item_get_held_out (item) != held_out)
        {
          bp_person_item_set_position (item, items->len);
          g_ptr_array_add (items, g_object_ref (item));
        }
    }
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (items, bp_person_item_new (bp_people_get (people, i), held_out, items->len));
  self->focus_item = NULL;
  g_list_store_splice (self->store, 0, n_old, items->pdata, items->len);
  refresh (self);
}

/* Replaces the people trained on, keeping those held out for testing;
 * weights and heights are taken in lb and in. */
void
bp_people_editor_set_people (BpPeopleEditor *self,
                             const BpPeople *people)
{
  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));
  g_return_if_fail (people != NULL);

  replace_people (self, people, FALSE);
}

/* Replaces the people held out for testing. */
void
bp_people_editor_set_test_people (BpPeopleEditor *self,
                                  const BpPeople *people)
{
  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));
  g_return_if_fail (people != NULL);

  replace_people (self, people, TRUE);
}

/* Gives the @index-th person trained on (the held out do not count) a
 * new weight and height (valid ones), as dragging them on the decision
 * map does; FALSE when there is no such person. */
gboolean
bp_people_editor_move_person (BpPeopleEditor *self,
                              guint           index,
                              double          weight_lb,
                              double          height_in)
{
  guint n;

  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), FALSE);

  n = bp_people_editor_get_n_people (self);
  for (guint i = 0; i < n; i++)
    {
      BpPersonItem *item = item_at (self, i);

      if (bp_person_item_get_held_out (item))
        continue;
      if (index-- == 0)
        {
          bp_person_item_set_measure (item, BP_PERSON_FIELD_WEIGHT, weight_lb);
          bp_person_item_set_measure (item, BP_PERSON_FIELD_HEIGHT, height_in);
          bp_person_item_set_field_error (item, BP_PERSON_FIELD_WEIGHT, NULL, NULL);
          bp_person_item_set_field_error (item, BP_PERSON_FIELD_HEIGHT, NULL, NULL);
          show_cells (self, item);
          refresh (self);
          return TRUE;
        }
    }
  return FALSE;
}

/* Puts @person at @index of training order (at the end when past it), as
 * undoing a removal does. */
void
bp_people_editor_insert_person (BpPeopleEditor *self,
                                guint           index,
                                const BpPerson *person,
                                gboolean        held_out)
{
  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));
  g_return_if_fail (person != NULL);

  insert_item (self, MIN (index, bp_people_editor_get_n_people (self)), person, held_out);
  refresh (self);
}

/* Removes the person at @index of training order; FALSE when there is
 * none.  Unlike the Remove button it does not emit "person-removed". */
gboolean
bp_people_editor_remove_person (BpPeopleEditor *self,
                                guint           index)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), FALSE);

  if (index >= bp_people_editor_get_n_people (self))
    return FALSE;
  if (self->focus_item == item_at (self, index))
    self->focus_item = NULL;
  g_list_store_remove (self->store, index);
  renumber (self, index);
  refresh (self);
  return TRUE;
}

/* The people as BpPersonItems, in training order. */
GListModel *
bp_people_editor_get_model (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return G_LIST_MODEL (self->store);
}

BpPersonItem *
bp_people_editor_get_item (BpPeopleEditor *self,
                           guint           index)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);
  g_return_val_if_fail (index < bp_people_editor_get_n_people (self), NULL);

  return item_at (self, index);
}

/* What the list shows, searched and sorted. */
GListModel *
bp_people_editor_get_view_model (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return G_LIST_MODEL (gtk_column_view_get_model (self->view));
}

GtkColumnView *
bp_people_editor_get_column_view (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return self->view;
}

GtkEditable *
bp_people_editor_get_search_entry (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/* "3 of 100 people" while searching, or NULL. */
const char *
bp_people_editor_get_count_text (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->count_label)))
    return NULL;
  return gtk_label_get_text (self->count_label);
}

/* Scrolls the list to the person at @index of training order; their
 * row's widgets exist after the next layout.  FALSE when the search
 * hides them.  (GTK 4.8's column view has no scroll_to(): its list view
 * has the action.) */
gboolean
bp_people_editor_scroll_to (BpPeopleEditor *self,
                            guint           index)
{
  GListModel *shown;
  BpPersonItem *item;
  guint n;

  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), FALSE);
  g_return_val_if_fail (index < bp_people_editor_get_n_people (self), FALSE);

  item = item_at (self, index);
  shown = bp_people_editor_get_view_model (self);
  n = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BpPersonItem) at = g_list_model_get_item (shown, i);

      if (at != item)
        continue;
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
      return TRUE;
    }
  return FALSE;
}

/* The widget in @column of the row showing the person at @index of
 * training order, or NULL when that row is not on screen. */
GtkWidget *
bp_people_editor_get_cell (BpPeopleEditor *self,
                           guint           index,
                           BpPersonColumn  column)
{
  BpPersonItem *item;

  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);
  g_return_val_if_fail (index < bp_people_editor_get_n_people (self), NULL);

  item = item_at (self, index);
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound, i);
      GtkWidget *cell = gtk_list_item_get_child (list_item);

      if (gtk_list_item_get_item (list_item) == item && cell_column (cell) == column)
        return cell;
    }
  return NULL;
}

gboolean
bp_people_editor_get_valid (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), FALSE);

  return self->valid;
}

/* Why the people cannot be trained on, or NULL when they can. */
const char *
bp_people_editor_get_error (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), NULL);

  return self->error;
}

BpUnits
bp_people_editor_get_units (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), BP_UNITS_LB_IN);

  return self->units;
}

/* Changes how weights and heights are shown and read, never the data; a
 * field being fixed keeps its text and is read again in the new units. */
void
bp_people_editor_set_units (BpPeopleEditor *self,
                            BpUnits         units)
{
  guint n;

  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));

  if (units == self->units)
    return;
  self->units = units;
  gtk_toggle_button_set_active (units == BP_UNITS_KG_CM ? self->kg_button : self->lb_button, TRUE);
  show_headers (self);
  n = bp_people_editor_get_n_people (self);
  for (guint i = 0; i < n; i++)
    {
      BpPersonItem *item = item_at (self, i);

      for (BpPersonField f = BP_PERSON_FIELD_WEIGHT; f <= BP_PERSON_FIELD_HEIGHT; f++)
        {
          g_autofree char *typed = g_strdup (bp_person_item_get_typed (item, f));

          if (typed != NULL)
            update_measure (self, item, f, typed);
        }
    }
  show_cells (self, NULL);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

BpNormalize
bp_people_editor_get_normalize (BpPeopleEditor *self)
{
  g_return_val_if_fail (BP_IS_PEOPLE_EDITOR (self), BP_NORMALIZE_SEED);

  return self->normalize;
}

/* The normalisation the inputs column shows. */
void
bp_people_editor_set_normalize (BpPeopleEditor *self,
                                BpNormalize     normalize)
{
  g_return_if_fail (BP_IS_PEOPLE_EDITOR (self));

  if (normalize == self->normalize)
    return;
  self->normalize = normalize;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NORMALIZE]);
}
