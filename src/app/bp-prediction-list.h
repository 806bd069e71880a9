/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-prediction-list.h: the people of the prediction panel, as a list model */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BP_PREDICTION_ITEM_TRAIN,        /* a training person */
  BP_PREDICTION_ITEM_TEST,         /* a held-out person */
  BP_PREDICTION_ITEM_TRAIN_HEADER, /* the heading above the training people */
  BP_PREDICTION_ITEM_TEST_HEADER,  /* the heading above the held-out people */
} BpPredictionItemKind;

#define BP_TYPE_PREDICTION_ITEM (bp_prediction_item_get_type ())

G_DECLARE_FINAL_TYPE (BpPredictionItem, bp_prediction_item, BP, PREDICTION_ITEM, GObject)

BpPredictionItemKind bp_prediction_item_get_kind  (BpPredictionItem *self);
guint                bp_prediction_item_get_index (BpPredictionItem *self);

#define BP_TYPE_PREDICTION_LIST (bp_prediction_list_get_type ())

G_DECLARE_FINAL_TYPE (BpPredictionList, bp_prediction_list, BP, PREDICTION_LIST, GObject)

BpPredictionList *bp_prediction_list_new       (void);
void              bp_prediction_list_set_order (BpPredictionList *self,
                                                const guint      *train,
                                                guint             n_train,
                                                const guint      *test,
                                                guint             n_test);
gboolean          bp_prediction_list_lookup    (BpPredictionList     *self,
                                                guint                 position,
                                                BpPredictionItemKind *kind,
                                                guint                *index);

G_END_DECLS
