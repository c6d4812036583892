/* px-text-reader.c: plain text and Markdown articles
 *
 * The title is the first line; dates, URLs and outlet names are found in
 * labelled lines near the top and the bottom ("Published: 12 March 2024",
 * "date: 2024-03-12", a short-link line). Those lines are metadata, not
 * story: they are given to the cleaner as removed spans.
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-readers.h"

#include <string.h>

#include "px-span.h"

/* How many non-empty lines at each end may carry metadata. */
#define METADATA_LINES 6
#define MAX_TITLE_CHARS 160

typedef struct
{
  guint start;
  guint end;
  guint number;  /* 1-based, counting empty lines, for messages */
} Line;

static GRegex *date_label, *url_line, *outlet_label;

static void
init_patterns (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      date_label = g_regex_new ("^\\W*(?:published|date|updated|posted|first published|"
                                "datum|veröffentlicht|publié le|publié|fecha|publicado)"
                                "(?:\\s+on)?\\s*[:\\-–]?\\s*(.+)$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      url_line = g_regex_new ("^\\W*(?:(?:source|url|link|short ?link|permalink|original|"
                              "read more at|quelle|fuente)\\s*:\\s*)?(https?://\\S+)\\s*$",
                              G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      outlet_label = g_regex_new ("^\\W*(?:outlet|publisher|source|quelle|source de|fuente)"
                                  "\\s*:\\s*([^:/]{2,60})$",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
}

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  guint number = 0;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      const char *end = eol ? eol : p + strlen (p);
      const char *s = p, *e = end;

      number++;
      while (s < e && g_ascii_isspace (*s))
        s++;
      while (e > s && g_ascii_isspace (e[-1]))
        e--;
      if (s < e)
        {
          Line line = { s - text, e - text, number };
          g_array_append_val (lines, line);
        }
      p = eol ? eol + 1 : end;
    }
  return lines;
}

static char *
make_title (const char *line,
            gsize       length,
            const char *format)
{
  g_autofree char *title = g_strndup (line, length);
  char *start = title;

  if (g_strcmp0 (format, "markdown") == 0)
    while (*start == '#' || *start == ' ')
      start++;
  g_strstrip (start);
  if (g_utf8_strlen (start, -1) > MAX_TITLE_CHARS)
    {
      /* A first line this long is a paragraph, not a headline: cut at a word. */
      char *cut = g_utf8_offset_to_pointer (start, MAX_TITLE_CHARS);
      char *space = g_utf8_strrchr (start, cut - start, ' ');

      return g_strdup_printf ("%.*s…", (int) ((space ? space : cut) - start), start);
    }
  return g_strdup (start);
}

/* Reads metadata line @number (1-based) into @item's article; TRUE when
 * the line is metadata. An impossible date after a label ("Published:") is
 * metadata too, and reported. */
static gboolean
read_metadata_line (PxImportItem    *item,
                    const char      *line,
                    guint            number,
                    PxRemovalReason *reason)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GError) date_error = NULL;
  g_autofree char *date = NULL;
  PxArticle *article = item->article;

  if (g_regex_match (url_line, line, 0, &match))
    {
      g_autofree char *url = g_match_info_fetch (match, 1);

      if (px_article_get_url (article) == NULL)
        px_article_set_url (article, url);
      *reason = PX_REMOVAL_LINK_LINE;
      return TRUE;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (date_label, line, 0, &match))
    {
      g_autofree char *value = g_match_info_fetch (match, 1);

      date = px_parse_date (value, &date_error);
    }
  else if (g_utf8_strlen (line, -1) <= 40)
    date = px_parse_date (line, NULL);  /* only a date; an unlabeled "1234-56-78" may be none */
  if (date_error != NULL)
    {
      px_import_item_add_warning (item, "line %u: %s; imported without a date", number,
                                  date_error->message);
      *reason = PX_REMOVAL_BYLINE;
      return TRUE;
    }
  if (date != NULL)
    {
      if (px_article_get_published (article) == NULL)
        px_article_set_published (article, date);
      *reason = PX_REMOVAL_BYLINE;
      return TRUE;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (outlet_label, line, 0, &match))
    {
      g_autofree char *outlet = g_match_info_fetch (match, 1);

      if (px_article_get_outlet (article) == NULL)
        px_article_set_outlet (article, g_strstrip (outlet));
      *reason = PX_REMOVAL_BYLINE;
      return TRUE;
    }
  return FALSE;
}

GPtrArray *
px_text_reader_read (const char *text,
                     const char *format)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) px_import_item_free);
  g_autoptr (PxArticle) article = px_article_new ();
  g_autoptr (GArray) lines = split_lines (text);
  g_autofree char *title = NULL;
  PxImportItem *item;

  init_patterns ();
  px_article_set_raw_text (article, text);
  px_article_set_format (article, format);
  item = px_import_item_new (article, 0);
  g_ptr_array_add (items, item);
  if (lines->len == 0)
    return g_steal_pointer (&items);

  for (guint i = 1; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autofree char *copy = NULL;
      PxRemovalReason reason;

      /* Only the head and the tail of the text carry metadata. */
      if (i > METADATA_LINES && i + METADATA_LINES < lines->len)
        continue;
      copy = g_strndup (text + line->start, line->end - line->start);
      if (read_metadata_line (item, copy, line->number, &reason))
        px_span_array_add (item->given, line->start, line->end, reason);
    }

  {
    const Line *first = &g_array_index (lines, Line, 0);
    title = make_title (text + first->start, first->end - first->start, format);
    px_article_set_title (article, title);
  }
  if (px_article_get_outlet (article) == NULL)
    {
      g_autofree char *outlet = px_outlet_from_url (px_article_get_url (article));
      px_article_set_outlet (article, outlet);
    }
  return g_steal_pointer (&items);
}
