/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-help-page.c: one Mallard page of the guide, read into blocks of Pango markup
 *
 * The built-in guide shows the same pages as a help viewer, without one.
 * It reads the part of Mallard 1.0 the pages use: titles, paragraphs,
 * lists, steps, terms, sections, topic links, and inline em, gui, key,
 * code, cmd, file, keyseq, guiseq and link.  Anything else keeps its text
 * and loses its styling, so a page using more still reads whole.
 */
#include "bp-help-page.h"

#include <string.h>

G_DEFINE_QUARK (bp-help-page-error-quark, bp_help_page_error)

typedef enum
{
  LIST_BULLETS,
  LIST_STEPS,
  LIST_TERMS,
} ListKind;

typedef struct
{
  ListKind kind;
  guint    next_step;
} List;

typedef struct
{
  BpHelpPage *page;
  GHashTable *titles;      /* page id -> title, for links with no text */

  gboolean    in_info;
  /* The block being read: its markup, its text alone, and the depth of
   * the element that opened it.  NULL between blocks. */
  GString    *markup;
  GString    *plain;
  BpHelpBlockKind kind;
  guint       indent;
  guint       block_depth;
  gboolean    is_desc;
  gboolean    space_pending;

  GArray     *lists;       /* of List, innermost last */
  char       *item_prefix; /* for the first paragraph of a list item */
  int         seq_children; /* keys of the open keyseq or guiseq, -1 outside */
  const char *seq_separator;
  char       *link_xref;
  gsize       link_start;
} Reader;

/* Inline elements and the Pango markup they become. */
static const struct
{
  const char *element;
  const char *open;
  const char *close;
} inline_styles[] = {
  { "em", "<i>", "</i>" },
  { "gui", "<b>", "</b>" },
  { "key", "<b>", "</b>" },
  { "code", "<tt>", "</tt>" },
  { "cmd", "<tt>", "</tt>" },
  { "file", "<tt>", "</tt>" },
};

static const char *
attribute (const char  *name,
           const char **names,
           const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static guint
depth (GMarkupParseContext *context)
{
  return g_slist_length ((GSList *) g_markup_parse_context_get_element_stack (context));
}

/* The element around the one being opened. */
static const char *
parent (GMarkupParseContext *context)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  return stack->next != NULL ? stack->next->data : NULL;
}

static void
begin_block (Reader              *reader,
             GMarkupParseContext *context,
             BpHelpBlockKind      kind,
             guint                indent)
{
  reader->markup = g_string_new (NULL);
  reader->plain = g_string_new (NULL);
  reader->kind = kind;
  reader->indent = indent;
  reader->block_depth = depth (context);
  reader->space_pending = FALSE;
}

static void
end_block (Reader *reader)
{
  g_autofree char *markup = g_string_free (g_steal_pointer (&reader->markup), FALSE);
  g_autofree char *plain = g_string_free (g_steal_pointer (&reader->plain), FALSE);
  BpHelpBlock *block;

  if (reader->is_desc)
    {
      g_free (reader->page->desc);
      reader->page->desc = g_steal_pointer (&markup);
      reader->is_desc = FALSE;
      return;
    }
  if (reader->kind == BP_HELP_BLOCK_TITLE && reader->page->title == NULL)
    reader->page->title = g_steal_pointer (&plain);
  block = g_new0 (BpHelpBlock, 1);
  block->kind = reader->kind;
  block->indent = reader->indent;
  block->markup = g_steal_pointer (&markup);
  g_ptr_array_add (reader->page->blocks, block);
}

/* The space before an inline element goes outside it. */
static void
flush_space (Reader *reader)
{
  if (reader->space_pending && reader->plain->len > 0)
    {
      g_string_append_c (reader->markup, ' ');
      g_string_append_c (reader->plain, ' ');
    }
  reader->space_pending = FALSE;
}

/* Text of the open block, its runs of white space made one space, as a
 * Mallard page reads. */
static void
add_text (Reader     *reader,
          const char *text,
          gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *escaped = NULL;

      if (g_unichar_isspace (c))
        {
          reader->space_pending = TRUE;
          continue;
        }
      flush_space (reader);
      escaped = g_markup_escape_text (p, g_utf8_next_char (p) - p);
      g_string_append (reader->markup, escaped);
      g_string_append_len (reader->plain, p, g_utf8_next_char (p) - p);
    }
}

static void
start_list (Reader   *reader,
            ListKind  kind)
{
  List list = { kind, 1 };

  g_array_append_val (reader->lists, list);
}

static void
start_item (Reader *reader)
{
  List *list;

  if (reader->lists->len == 0)
    return;
  list = &g_array_index (reader->lists, List, reader->lists->len - 1);
  g_clear_pointer (&reader->item_prefix, g_free);
  if (list->kind == LIST_BULLETS)
    reader->item_prefix = g_strdup ("•\u2002");
  else if (list->kind == LIST_STEPS)
    reader->item_prefix = g_strdup_printf ("%u.\u2002", list->next_step++);
}

static void
start_inline (Reader      *reader,
              const char  *element,
              const char **names,
              const char **values)
{
  flush_space (reader);
  if (strcmp (element, "keyseq") == 0 || strcmp (element, "guiseq") == 0)
    {
      reader->seq_children = 0;
      reader->seq_separator = element[0] == 'k' ? "+" : " ▸ ";
      return;
    }
  if (reader->seq_children >= 0
      && (strcmp (element, "key") == 0 || strcmp (element, "gui") == 0))
    {
      if (reader->seq_children++ > 0)
        {
          g_string_append (reader->markup, reader->seq_separator);
          g_string_append (reader->plain, reader->seq_separator);
        }
    }
  if (strcmp (element, "link") == 0 && reader->link_xref == NULL)
    {
      const char *xref = attribute ("xref", names, values);
      g_autofree char *escaped = g_markup_escape_text (xref != NULL ? xref : "", -1);

      g_string_append_printf (reader->markup, "<a href=\"xref:%s\">", escaped);
      reader->link_xref = g_strdup (xref != NULL ? xref : "");
      reader->link_start = reader->markup->len;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (inline_styles); i++)
    if (strcmp (element, inline_styles[i].element) == 0)
      g_string_append (reader->markup, inline_styles[i].open);
}

/* A link with no text of its own shows its page's title, as in a help
 * viewer. */
static void
end_link (Reader *reader)
{
  if (reader->markup->len == reader->link_start)
    {
      const char *id = reader->link_xref;
      g_autofree char *page_id = g_strndup (id, strcspn (id, "#"));
      const char *title = reader->titles != NULL ? g_hash_table_lookup (reader->titles, page_id) : NULL;
      g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : page_id, -1);

      g_string_append (reader->markup, escaped);
      g_string_append (reader->plain, title != NULL ? title : page_id);
    }
  g_string_append (reader->markup, "</a>");
  g_clear_pointer (&reader->link_xref, g_free);
}

static void
end_inline (Reader     *reader,
            const char *element)
{
  if (strcmp (element, "keyseq") == 0 || strcmp (element, "guiseq") == 0)
    {
      reader->seq_children = -1;
      return;
    }
  if (strcmp (element, "link") == 0 && reader->link_xref != NULL)
    {
      end_link (reader);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (inline_styles); i++)
    if (strcmp (element, inline_styles[i].element) == 0)
      g_string_append (reader->markup, inline_styles[i].close);
}

static void
start_info_element (Reader      *reader,
                    GMarkupParseContext *context,
                    const char  *element,
                    const char **names,
                    const char **values)
{
  const char *type = attribute ("type", names, values);

  if (strcmp (element, "link") == 0 && g_strcmp0 (type, "guide") == 0
      && reader->page->guide == NULL)
    {
      reader->page->guide = g_strdup (attribute ("xref", names, values));
      reader->page->group = g_strdup (attribute ("group", names, values));
    }
  else if (strcmp (element, "desc") == 0 && g_strcmp0 (parent (context), "info") == 0)
    {
      begin_block (reader, context, BP_HELP_BLOCK_PARAGRAPH, 0);
      reader->is_desc = TRUE;
    }
}

static void
start_links (Reader      *reader,
             const char **names,
             const char **values)
{
  const char *groups = attribute ("groups", names, values);
  BpHelpBlock *block;

  if (g_strcmp0 (attribute ("type", names, values), "topic") != 0)
    return;
  block = g_new0 (BpHelpBlock, 1);
  block->kind = BP_HELP_BLOCK_LINKS;
  g_ptr_array_add (reader->page->blocks, block);
  if (groups != NULL && reader->page->groups == NULL)
    reader->page->groups = g_strsplit_set (groups, " \t\n", -1);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;
  const char *up = parent (context);

  if (reader->markup != NULL)
    start_inline (reader, element, names, values);
  else if (reader->in_info)
    start_info_element (reader, context, element, names, values);
  else if (strcmp (element, "page") == 0 && up == NULL)
    reader->page->id = g_strdup (attribute ("id", names, values));
  else if (strcmp (element, "info") == 0)
    reader->in_info = TRUE;
  else if (strcmp (element, "title") == 0)
    {
      if (g_strcmp0 (up, "item") == 0)
        begin_block (reader, context, BP_HELP_BLOCK_TERM, MAX (reader->lists->len, 1) - 1);
      else if (g_strcmp0 (up, "page") == 0)
        begin_block (reader, context, BP_HELP_BLOCK_TITLE, 0);
      else
        begin_block (reader, context, BP_HELP_BLOCK_HEADING, 0);
    }
  else if (strcmp (element, "p") == 0)
    {
      begin_block (reader, context, BP_HELP_BLOCK_PARAGRAPH, reader->lists->len);
      if (reader->item_prefix != NULL)
        {
          g_string_append (reader->markup, reader->item_prefix);
          g_string_append (reader->plain, reader->item_prefix);
          g_clear_pointer (&reader->item_prefix, g_free);
        }
    }
  else if (strcmp (element, "list") == 0)
    start_list (reader, LIST_BULLETS);
  else if (strcmp (element, "steps") == 0)
    start_list (reader, LIST_STEPS);
  else if (strcmp (element, "terms") == 0)
    start_list (reader, LIST_TERMS);
  else if (strcmp (element, "item") == 0)
    start_item (reader);
  else if (strcmp (element, "links") == 0)
    start_links (reader, names, values);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;

  if (reader->markup != NULL && depth (context) == reader->block_depth)
    end_block (reader);
  else if (reader->markup != NULL)
    end_inline (reader, element);
  else if (strcmp (element, "info") == 0)
    reader->in_info = FALSE;
  else if (strcmp (element, "list") == 0 || strcmp (element, "steps") == 0
           || strcmp (element, "terms") == 0)
    g_array_set_size (reader->lists, reader->lists->len - 1);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Reader *reader = user_data;

  if (reader->markup != NULL)
    add_text (reader, text, length);
}

static const GMarkupParser parser = {
  .start_element = start_element,
  .end_element = end_element,
  .text = text,
};

static void
bp_help_block_free (gpointer data)
{
  BpHelpBlock *block = data;

  g_free (block->markup);
  g_free (block);
}

void
bp_help_page_free (BpHelpPage *page)
{
  if (page == NULL)
    return;
  g_free (page->id);
  g_free (page->title);
  g_free (page->desc);
  g_free (page->guide);
  g_free (page->group);
  g_strfreev (page->groups);
  g_ptr_array_unref (page->blocks);
  g_free (page);
}

/* @titles maps page ids to titles, for links that show their target's
 * title; NULL shows the id instead. */
BpHelpPage *
bp_help_page_parse (const char  *text,
                    gssize       length,
                    GHashTable  *titles,
                    GError     **error)
{
  g_autoptr(BpHelpPage) page = g_new0 (BpHelpPage, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  Reader reader = { .page = page, .titles = titles, .seq_children = -1 };
  gboolean parsed;

  page->blocks = g_ptr_array_new_with_free_func (bp_help_block_free);
  reader.lists = g_array_new (FALSE, FALSE, sizeof (List));
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &reader, NULL);
  parsed = g_markup_parse_context_parse (context, text, length, error)
           && g_markup_parse_context_end_parse (context, error);
  if (reader.markup != NULL)
    g_string_free (reader.markup, TRUE);
  if (reader.plain != NULL)
    g_string_free (reader.plain, TRUE);
  g_array_unref (reader.lists);
  g_free (reader.item_prefix);
  g_free (reader.link_xref);
  if (!parsed)
    return NULL;
  if (page->id == NULL || page->title == NULL)
    {
      g_set_error (error, BP_HELP_PAGE_ERROR, BP_HELP_PAGE_ERROR_INVALID,
                   "not a Mallard page: it needs a <page id=…> with a <title>");
      return NULL;
    }
  return g_steal_pointer (&page);
}
