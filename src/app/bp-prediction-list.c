/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-prediction-list.c: the people of the prediction panel, as a list model
 *
 * A class can hold 100 000 people, so the model keeps only the order to
 * show them in (two arrays of person indices) and makes an item when the
 * view asks for a position, and the view asks only for the rows it
 * shows.  With held-out people, each section starts with a heading item,
 * since list and grid views have no sections in GTK 4.8.
 */
#include "config.h"

#include "bp-prediction-list.h"

struct _BpPredictionItem
{
  GObject              parent_instance;

  BpPredictionItemKind kind;
  guint                index;
};

G_DEFINE_FINAL_TYPE (BpPredictionItem, bp_prediction_item, G_TYPE_OBJECT)

static void
bp_prediction_item_class_init (BpPredictionItemClass *klass)
{
}

static void
bp_prediction_item_init (BpPredictionItem *self)
{
}

BpPredictionItemKind
bp_prediction_item_get_kind (BpPredictionItem *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_ITEM (self), BP_PREDICTION_ITEM_TRAIN);

  return self->kind;
}

/* The person's index among the training (or held-out) people; 0 for a
 * heading. */
guint
bp_prediction_item_get_index (BpPredictionItem *self)
{
  g_return_val_if_fail (BP_IS_PREDICTION_ITEM (self), 0);

  return self->index;
}

struct _BpPredictionList
{
  GObject  parent_instance;

  GArray  *train;  /* of guint: person indices in the order shown */
  GArray  *test;
};

static void bp_prediction_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BpPredictionList, bp_prediction_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bp_prediction_list_model_init))

static gboolean
has_headers (BpPredictionList *self)
{
  return self->test->len > 0;
}

static guint
n_items (BpPredictionList *self)
{
  return self->train->len + self->test->len + (has_headers (self) ? 2 : 0);
}

static GType
bp_prediction_list_get_item_type (GListModel *model)
{
  return BP_TYPE_PREDICTION_ITEM;
}

static guint
bp_prediction_list_get_n_items (GListModel *model)
{
  return n_items (BP_PREDICTION_LIST (model));
}

static gpointer
bp_prediction_list_get_item (GListModel *model,
                             guint       position)
{
  BpPredictionItemKind kind;
  guint index;
  BpPredictionItem *item;

  if (!bp_prediction_list_lookup (BP_PREDICTION_LIST (model), position, &kind, &index))
    return NULL;
  item = g_object_new (BP_TYPE_PREDICTION_ITEM, NULL);
  item->kind = kind;
  item->index = index;
  return item;
}

static void
bp_prediction_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bp_prediction_list_get_item_type;
  iface->get_n_items = bp_prediction_list_get_n_items;
  iface->get_item = bp_prediction_list_get_item;
}

static void
bp_prediction_list_finalize (GObject *object)
{
  BpPredictionList *self = BP_PREDICTION_LIST (object);

  g_array_unref (self->train);
  g_array_unref (self->test);
  G_OBJECT_CLASS (bp_prediction_list_parent_class)->finalize (object);
}

static void
bp_prediction_list_class_init (BpPredictionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bp_prediction_list_finalize;
}

static void
bp_prediction_list_init (BpPredictionList *self)
{
  self->train = g_array_new (FALSE, FALSE, sizeof (guint));
  self->test = g_array_new (FALSE, FALSE, sizeof (guint));
}

BpPredictionList *
bp_prediction_list_new (void)
{
  return g_object_new (BP_TYPE_PREDICTION_LIST, NULL);
}

/* The people to list, in this order: @train and @test hold person
 * indices and are copied. */
void
bp_prediction_list_set_order (BpPredictionList *self,
                              const guint      *train,
                              guint             n_train,
                              const guint      *test,
                              guint             n_test)
{
  guint before;

  g_return_if_fail (BP_IS_PREDICTION_LIST (self));

  before = n_items (self);
  g_array_set_size (self->train, 0);
  g_array_append_vals (self->train, train, n_train);
  g_array_set_size (self->test, 0);
  g_array_append_vals (self->test, test, n_test);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, n_items (self));
}

/* What sits at @position: FALSE past the end. */
gboolean
bp_prediction_list_lookup (BpPredictionList     *self,
                           guint                 position,
                           BpPredictionItemKind *kind,
                           guint                *index)
{
  guint train_start, test_start;

  g_return_val_if_fail (BP_IS_PREDICTION_LIST (self), FALSE);

  train_start = has_headers (self) ? 1 : 0;
  test_start = train_start + self->train->len + 1;
  if (position >= n_items (self))
    return FALSE;
  *index = 0;
  if (has_headers (self) && position == 0)
    *kind = BP_PREDICTION_ITEM_TRAIN_HEADER;
  else if (position < train_start + self->train->len)
    {
      *kind = BP_PREDICTION_ITEM_TRAIN;
      *index = g_array_index (self->train, guint, position - train_start);
    }
  else if (position == test_start - 1)
    *kind = BP_PREDICTION_ITEM_TEST_HEADER;
  else
    {
      *kind = BP_PREDICTION_ITEM_TEST;
      *index = g_array_index (self->test, guint, position - test_start);
    }
  return TRUE;
}
