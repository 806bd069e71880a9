/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bp-help-window.c: the built-in guide, for when no help viewer is installed
 *
 * The Mallard pages of data/help are compiled into the resources, the
 * translated ones made from the help catalogues at build time, so the
 * guide reads the same from the build tree, in a Flatpak without Yelp,
 * and on a desktop with no help viewer.  A sidebar lists the pages; the
 * page shows as wrapped labels, whose links a click, or Tab and Enter,
 * follows.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bp-help-page.h"
#include "bp-help-window.h"

#define HELP_RESOURCES "/io/github/backprop/Backprop/help/"

struct _BpHelpWindow
{
  GtkWindow          parent_instance;

  GtkListBox        *sidebar;
  GtkScrolledWindow *scroller;
  GtkBox            *content;

  char              *language;
  GPtrArray         *pages;    /* of BpHelpPage, in the sidebar's order */
  BpHelpPage        *current;
  char              *next_page;  /* a link followed, shown once the label is done */
  guint              follow_id;
};

G_DEFINE_FINAL_TYPE (BpHelpWindow, bp_help_window, GTK_TYPE_WINDOW)

/* The first of the user's languages the guide is translated into. */
static char *
pick_language (void)
{
  for (const char * const *name = g_get_language_names (); *name != NULL; name++)
    {
      g_autofree char *path = g_strconcat (HELP_RESOURCES, *name, "/index.page", NULL);

      if (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        return g_strdup (*name);
    }
  return g_strdup ("C");
}

/* Every page of @language; @titles, when given, names the links that
 * have no text of their own. */
static GPtrArray *
read_pages (const char *language,
            GHashTable *titles)
{
  g_autofree char *folder = g_strconcat (HELP_RESOURCES, language, "/", NULL);
  g_auto(GStrv) names = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_help_page_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (folder, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      BpHelpPage *page;
      gsize size;
      const char *data;

      if (!g_str_has_suffix (names[i], ".page"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      data = g_bytes_get_data (bytes, &size);
      page = bp_help_page_parse (data, size, titles, &error);
      /* The pages are built in: one that does not read is a bug. */
      if (page == NULL)
        g_critical ("%s: %s", path, error->message);
      else
        g_ptr_array_add (pages, page);
    }
  return pages;
}

static BpHelpPage *
find_page (GPtrArray  *pages,
           const char *id)
{
  for (guint i = 0; i < pages->len; i++)
    {
      BpHelpPage *page = g_ptr_array_index (pages, i);

      if (g_strcmp0 (page->id, id) == 0)
        return page;
    }
  return NULL;
}

/* Where @page goes among the topics of @guide: in the order of its
 * guide's groups, as a help viewer lists them. */
static guint
topic_rank (const BpHelpPage *page,
            const BpHelpPage *guide)
{
  if (guide == NULL || g_strcmp0 (page->guide, guide->id) != 0 || guide->groups == NULL)
    return G_MAXUINT;
  for (guint i = 0; guide->groups[i] != NULL; i++)
    if (g_strcmp0 (guide->groups[i], page->group) == 0)
      return i;
  return G_MAXUINT;
}

static int
compare_pages (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const BpHelpPage *page_a = *(BpHelpPage * const *) a;
  const BpHelpPage *page_b = *(BpHelpPage * const *) b;
  const BpHelpPage *index = user_data;
  guint rank_a, rank_b;

  if (page_a == index || page_b == index)
    return page_a == index ? -1 : 1;
  rank_a = topic_rank (page_a, index);
  rank_b = topic_rank (page_b, index);
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return g_utf8_collate (page_a->title, page_b->title);
}

/* The pages, the index first and then its topics in order; two passes,
 * as a link may show the title of a page read after it. */
static GPtrArray *
load_pages (const char *language)
{
  g_autoptr(GPtrArray) first = read_pages (language, NULL);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *pages;

  for (guint i = 0; i < first->len; i++)
    {
      BpHelpPage *page = g_ptr_array_index (first, i);

      g_hash_table_insert (titles, page->id, page->title);
    }
  pages = read_pages (language, titles);
  g_ptr_array_sort_with_data (pages, compare_pages, find_page (pages, "index"));
  return pages;
}

static gboolean
follow_link (gpointer data)
{
  BpHelpWindow *self = data;
  g_autofree char *id = g_steal_pointer (&self->next_page);

  self->follow_id = 0;
  if (bp_help_window_show_page (self, id))
    {
      /* The label went with the page it was on: keep the focus in the
       * window, on the page now shown. */
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
    }
  return G_SOURCE_REMOVE;
}

/* The page changes once the label has finished with the click: showing
 * it at once would destroy the label while it still marks the link as
 * visited. */
static gboolean
on_activate_link (BpHelpWindow *self,
                  const char   *uri,
                  GtkLabel     *label)
{
  /* Other links are the web's: GtkLabel opens them. */
  if (!g_str_has_prefix (uri, "xref:"))
    return FALSE;
  g_free (self->next_page);
  self->next_page = g_strndup (uri + strlen ("xref:"), strcspn (uri + strlen ("xref:"), "#"));
  if (self->follow_id == 0)
    self->follow_id = g_idle_add (follow_link, self);
  return TRUE;
}

static GtkWidget *
add_label_with_role (BpHelpWindow      *self,
                     const char        *markup,
                     guint              indent,
                     GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Chinese has no spaces to break at. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 72);
  gtk_widget_set_margin_start (label, 24 * indent);
  g_signal_connect_swapped (label, "activate-link", G_CALLBACK (on_activate_link), self);
  gtk_box_append (self->content, label);
  return label;
}

static GtkWidget *
add_label (BpHelpWindow *self,
           const char   *markup,
           guint         indent)
{
  return add_label_with_role (self, markup, indent, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
add_heading (BpHelpWindow *self,
             const char   *markup,
             const char   *size,
             int           level)
{
  g_autofree char *big = g_strdup_printf ("<span size=\"%s\" weight=\"bold\">%s</span>",
                                          size, markup);
  GtkWidget *label = add_label_with_role (self, big, 0, GTK_ACCESSIBLE_ROLE_HEADING);

  if (level > 1)
    gtk_widget_set_margin_top (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
}

/* The topics of @guide, each a link with its description under it. */
static void
add_topic_links (BpHelpWindow     *self,
                 const BpHelpPage *guide)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      const BpHelpPage *page = g_ptr_array_index (self->pages, i);
      g_autofree char *id = NULL, *title = NULL, *link = NULL;

      if (g_strcmp0 (page->guide, guide->id) != 0)
        continue;
      id = g_markup_escape_text (page->id, -1);
      title = g_markup_escape_text (page->title, -1);
      link = g_strdup_printf ("<a href=\"xref:%s\">%s</a>", id, title);
      gtk_widget_set_margin_top (add_label (self, link, 0), 6);
      if (page->desc != NULL)
        add_label (self, page->desc, 1);
    }
}

static void
render (BpHelpWindow     *self,
        const BpHelpPage *page)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const BpHelpBlock *block = g_ptr_array_index (page->blocks, i);
      g_autofree char *bold = NULL;

      switch (block->kind)
        {
        case BP_HELP_BLOCK_TITLE:
          add_heading (self, block->markup, "x-large", 1);
          break;
        case BP_HELP_BLOCK_HEADING:
          add_heading (self, block->markup, "large", 2);
          break;
        case BP_HELP_BLOCK_PARAGRAPH:
          add_label (self, block->markup, block->indent);
          break;
        case BP_HELP_BLOCK_TERM:
          bold = g_strdup_printf ("<b>%s</b>", block->markup);
          add_label (self, bold, block->indent);
          break;
        case BP_HELP_BLOCK_LINKS:
          add_topic_links (self, page);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
on_row_selected (BpHelpWindow  *self,
                 GtkListBoxRow *row)
{
  BpHelpPage *page;

  if (row == NULL)
    return;
  page = g_ptr_array_index (self->pages, gtk_list_box_row_get_index (row));
  if (page == self->current)
    return;
  self->current = page;
  render (self, page);
}

static void
fill_sidebar (BpHelpWindow *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      const BpHelpPage *page = g_ptr_array_index (self->pages, i);
      GtkWidget *label = gtk_label_new (page->title);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->sidebar, label);
    }
}

static void
bp_help_window_finalize (GObject *object)
{
  BpHelpWindow *self = BP_HELP_WINDOW (object);

  g_free (self->language);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  G_OBJECT_CLASS (bp_help_window_parent_class)->finalize (object);
}

static void
bp_help_window_dispose (GObject *object)
{
  BpHelpWindow *self = BP_HELP_WINDOW (object);

  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_clear_pointer (&self->next_page, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_HELP_WINDOW);
  G_OBJECT_CLASS (bp_help_window_parent_class)->dispose (object);
}

static void
bp_help_window_class_init (BpHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_help_window_dispose;
  object_class->finalize = bp_help_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backprop/Backprop/bp-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpHelpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BpHelpWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, BpHelpWindow, content);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
}

static void
bp_help_window_init (BpHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->language = pick_language ();
  self->pages = load_pages (self->language);
  fill_sidebar (self);
  if (self->pages->len > 0)
    gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
}

BpHelpWindow *
bp_help_window_new (void)
{
  return g_object_new (BP_TYPE_HELP_WINDOW, NULL);
}

/* "C" or the language of the pages shown, such as "zh_CN". */
const char *
bp_help_window_get_language (BpHelpWindow *self)
{
  g_return_val_if_fail (BP_IS_HELP_WINDOW (self), NULL);

  return self->language;
}

guint
bp_help_window_get_n_pages (BpHelpWindow *self)
{
  g_return_val_if_fail (BP_IS_HELP_WINDOW (self), 0);

  return self->pages->len;
}

/* The id of the page @index of the sidebar, as the page file is named. */
const char *
bp_help_window_get_page_id (BpHelpWindow *self,
                            guint         index)
{
  g_return_val_if_fail (BP_IS_HELP_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return ((BpHelpPage *) g_ptr_array_index (self->pages, index))->id;
}

/* Shows the page @id; FALSE, and the page stays, when there is none. */
gboolean
bp_help_window_show_page (BpHelpWindow *self,
                          const char   *id)
{
  g_return_val_if_fail (BP_IS_HELP_WINDOW (self), FALSE);

  for (guint i = 0; i < self->pages->len; i++)
    if (g_strcmp0 (((BpHelpPage *) g_ptr_array_index (self->pages, i))->id, id) == 0)
      {
        gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
        return TRUE;
      }
  return FALSE;
}

/* The id of the page shown. */
const char *
bp_help_window_get_page (BpHelpWindow *self)
{
  g_return_val_if_fail (BP_IS_HELP_WINDOW (self), NULL);

  return self->current != NULL ? self->current->id : NULL;
}

const char *
bp_help_window_get_page_title (BpHelpWindow *self)
{
  g_return_val_if_fail (BP_IS_HELP_WINDOW (self), NULL);

  return self->current != NULL ? self->current->title : NULL;
}

/* The box holding the page's labels. */
GtkWidget *
bp_help_window_get_content (BpHelpWindow *self)
{
  g_return_val_if_fail (BP_IS_HELP_WINDOW (self), NULL);

  return GTK_WIDGET (self->content);
}
