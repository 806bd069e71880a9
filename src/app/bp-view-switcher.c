/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-view-switcher.c: a stack's pages as buttons, or as a drop-down
 *
 * The five page buttons are some 410 pixels wide, which with the run
 * buttons and the window's own puts the header bar past an 800-pixel
 * projector.  This widget asks only for the drop-down's width and, when
 * it is given the buttons' width, shows the buttons instead: GTK 4.8 has
 * no squeezer of its own.  Both are kept, and the one not shown is made
 * child-invisible at allocation, which GTK allows there.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bp-view-switcher.h"

struct _BpViewSwitcher
{
  GtkWidget         parent_instance;

  GtkStack         *stack;
  GtkWidget        *buttons;    /* a GtkStackSwitcher */
  GtkWidget        *drop_down;  /* a GtkDropDown */
  gboolean          narrow;
};

G_DEFINE_FINAL_TYPE (BpViewSwitcher, bp_view_switcher, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STACK,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- following the stack --------------------------------------------------- */

static void
on_selected (BpViewSwitcher *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->drop_down));
  g_autoptr(GtkSelectionModel) pages = NULL;

  if (self->stack == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  pages = gtk_stack_get_pages (self->stack);
  gtk_selection_model_select_item (pages, selected, TRUE);
}

static void
on_visible_child (BpViewSwitcher *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    if (gtk_selection_model_is_selected (pages, i))
      {
        if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->drop_down)) != i)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), i);
        return;
      }
}

/* The pages' titles, as they are now: the drop-down does not follow the
 * stack's own page model, which changes under it while a window is
 * destroyed (GTK 4.8's list view then fails an assertion). */
static GListModel *
page_titles (GtkSelectionModel *pages)
{
  GtkStringList *titles = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      gtk_string_list_append (titles, gtk_stack_page_get_title (GTK_STACK_PAGE (page)));
    }
  return G_LIST_MODEL (titles);
}

/* ---- sizing ------------------------------------------------------------------- */

static void
bp_view_switcher_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  BpViewSwitcher *self = BP_VIEW_SWITCHER (widget);
  int button_min, button_nat, drop_min, drop_nat;

  gtk_widget_measure (self->buttons, orientation, -1,
                      &button_min, &button_nat, NULL, NULL);
  gtk_widget_measure (self->drop_down, orientation, -1,
                      &drop_min, &drop_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = drop_min;
      *natural = MAX (button_nat, drop_nat);
    }
  else
    {
      *minimum = MAX (button_min, drop_min);
      *natural = MAX (button_nat, drop_nat);
    }
}

static void
bp_view_switcher_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BpViewSwitcher *self = BP_VIEW_SWITCHER (widget);
  int buttons_min;
  gboolean narrow;
  GtkWidget *shown;

  gtk_widget_measure (self->buttons, GTK_ORIENTATION_HORIZONTAL, -1,
                      &buttons_min, NULL, NULL, NULL);
  narrow = width < buttons_min;
  shown = narrow ? self->drop_down : self->buttons;
  gtk_widget_set_child_visible (self->buttons, !narrow);
  gtk_widget_set_child_visible (self->drop_down, narrow);
  gtk_widget_allocate (shown, width, height, baseline, NULL);
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
    }
}

static GtkSizeRequestMode
bp_view_switcher_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* ---- the stack ----------------------------------------------------------------- */

GtkStack *
bp_view_switcher_get_stack (BpViewSwitcher *self)
{
  g_return_val_if_fail (BP_IS_VIEW_SWITCHER (self), NULL);

  return self->stack;
}

void
bp_view_switcher_set_stack (BpViewSwitcher *self,
                            GtkStack       *stack)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  g_return_if_fail (BP_IS_VIEW_SWITCHER (self));
  g_return_if_fail (stack == NULL || GTK_IS_STACK (stack));

  if (stack == self->stack)
    return;
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_set_object (&self->stack, stack);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (self->buttons), stack);
  if (stack != NULL)
    {
      pages = gtk_stack_get_pages (stack);
      gtk_drop_down_set_model (GTK_DROP_DOWN (self->drop_down), page_titles (pages));
      g_signal_connect_swapped (stack, "notify::visible-child", G_CALLBACK (on_visible_child), self);
      on_visible_child (self);
    }
  else
    gtk_drop_down_set_model (GTK_DROP_DOWN (self->drop_down), NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

/* Whether the pages show as a drop-down, for want of width. */
gboolean
bp_view_switcher_get_narrow (BpViewSwitcher *self)
{
  g_return_val_if_fail (BP_IS_VIEW_SWITCHER (self), FALSE);

  return self->narrow;
}

/* ---- GObject ------------------------------------------------------------------- */

static void
bp_view_switcher_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpViewSwitcher *self = BP_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_view_switcher_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpViewSwitcher *self = BP_VIEW_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      bp_view_switcher_set_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_view_switcher_dispose (GObject *object)
{
  BpViewSwitcher *self = BP_VIEW_SWITCHER (object);

  /* The children go with their models; only our own hold is let go. */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->buttons, gtk_widget_unparent);
  g_clear_pointer (&self->drop_down, gtk_widget_unparent);
  G_OBJECT_CLASS (bp_view_switcher_parent_class)->dispose (object);
}

static void
bp_view_switcher_class_init (BpViewSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bp_view_switcher_get_property;
  object_class->set_property = bp_view_switcher_set_property;
  object_class->dispose = bp_view_switcher_dispose;
  widget_class->measure = bp_view_switcher_measure;
  widget_class->size_allocate = bp_view_switcher_size_allocate;
  widget_class->get_request_mode = bp_view_switcher_get_request_mode;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "viewswitcher");
}

static void
bp_view_switcher_init (BpViewSwitcher *self)
{
  self->buttons = gtk_stack_switcher_new ();
  gtk_widget_set_parent (self->buttons, GTK_WIDGET (self));
  self->drop_down = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_parent (self->drop_down, GTK_WIDGET (self));
  /* At their own height in a header bar, as its direct children are. */
  gtk_widget_set_valign (self->buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_child_visible (self->drop_down, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  /* Translators: the accessible name of the drop-down that picks the page */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page"), -1);
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (on_selected), self);
}

GtkWidget *
bp_view_switcher_new (void)
{
  return g_object_new (BP_TYPE_VIEW_SWITCHER, NULL);
}
