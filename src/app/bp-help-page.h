/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-help-page.h: one Mallard page of the guide, read into blocks of Pango markup */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BP_HELP_BLOCK_TITLE,      /* the page's title */
  BP_HELP_BLOCK_HEADING,    /* a section's title */
  BP_HELP_BLOCK_PARAGRAPH,  /* a paragraph, or a list item's */
  BP_HELP_BLOCK_TERM,       /* the term of an item in a terms list */
  BP_HELP_BLOCK_LINKS,      /* <links type="topic">: the pages that name this one their guide */
} BpHelpBlockKind;

typedef struct
{
  BpHelpBlockKind  kind;
  guint            indent;  /* how deep in lists and terms */
  char            *markup;  /* links as <a href="xref:ID">; NULL for LINKS */
} BpHelpBlock;

typedef struct
{
  char       *id;
  char       *title;        /* plain text */
  char       *desc;         /* markup, or NULL */
  char       *guide;        /* the page this one is a topic of, or NULL */
  char       *group;        /* its group there, or NULL */
  char      **groups;       /* the order of the groups of this page's topics */
  GPtrArray  *blocks;       /* of BpHelpBlock */
} BpHelpPage;

#define BP_HELP_PAGE_ERROR (bp_help_page_error_quark ())

typedef enum
{
  BP_HELP_PAGE_ERROR_INVALID,
} BpHelpPageError;

GQuark      bp_help_page_error_quark (void);
BpHelpPage *bp_help_page_parse       (const char  *text,
                                      gssize       length,
                                      GHashTable  *titles,
                                      GError     **error);
void        bp_help_page_free        (BpHelpPage  *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpHelpPage, bp_help_page_free)

G_END_DECLS
