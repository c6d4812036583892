/* px-export-html.c: an export as one standalone HTML page
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Safe to open from anyone: no script, no event attributes, nothing loaded
 * from elsewhere (the style sheet is inline, URLs are printed as text and
 * the only links point inside the page). Every string from an article or a
 * note goes through g_markup_escape_text (); a note's colour is used only
 * when it is a #rgb or #rrggbb value.
 */
#include "px-export-private.h"

#include <string.h>

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", text != NULL ? length : 0);

  g_string_append (out, escaped);
}

static gboolean
is_hex_color (const char *color)
{
  gsize len = color != NULL ? strlen (color) : 0;

  if ((len != 4 && len != 7) || color[0] != '#')
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static const char style[] =
  "body { font: 16px/1.55 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em;"
  " color: #1e1e1e; background: #fff; }\n"
  "h1, h2, h3, .meta, .note, table { font-family: sans-serif; }\n"
  "h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }\n"
  ".meta { color: #5e5e5e; font-size: .85em; }\n"
  ".url { word-break: break-all; }\n"
  ".s-shared { background: #e2f4de; } .s-partial { background: #fff3c9; }\n"
  "mark.note { background: #f9e27a; border-bottom: 2px solid #c9a200; }\n"
  "sup.ref { font: bold .7em sans-serif; } sup.ref a { color: #8a5a00; text-decoration: none; }\n"
  "aside.note { margin: .6em 0 1.2em 1.5em; padding: .5em .8em; border-left: 4px solid #c9a200;"
  " background: #fbf7e6; font-size: .9em; }\n"
  "aside.note blockquote { margin: 0 0 .4em; font-style: italic; color: #444; }\n"
  "aside.note .tags { color: #5e5e5e; }\n"
  ".orphan { border-left-color: #a51d2d; }\n"
  "table { border-collapse: collapse; font-size: .85em; width: 100%; }\n"
  "td, th { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }\n"
  ".legend span { padding: 0 .4em; margin-right: .8em; }\n"
  "@media print {\n"
  " body { max-width: none; margin: 0; font-size: 11pt; }\n"
  " h2 { break-before: page; } h1 + p + h2 { break-before: auto; }\n"
  " article, aside.note, tr { break-inside: avoid; }\n"
  " mark.note, .s-shared, .s-partial, aside.note { -webkit-print-color-adjust: exact;"
  " print-color-adjust: exact; }\n"
  " sup.ref a { color: #000; }\n"
  "}\n";

/* The status class of the sentence holding @offset of article @a. */
static const char *
sentence_class (const PxExportDoc *doc,
                guint              a,
                guint              offset,
                guint             *sentence_end)
{
  const PxComparisonArticle *article;

  if (doc->comparison == NULL)
    return NULL;
  article = px_comparison_get_article (doc->comparison, a);
  for (guint s = 0; s < article->sentences->len; s++)
    {
      const PxRange *range = &g_array_index (article->sentences, PxRange, s);

      if (offset >= range->start && offset < range->end)
        {
          const PxClaim *claim = px_comparison_get_claim (doc->comparison,
                                                          px_comparison_find_claim (doc->comparison, a, s));

          *sentence_end = range->end;
          return claim->status == PX_CLAIM_SHARED ? "s-shared"
                 : claim->status == PX_CLAIM_PARTIAL ? "s-partial" : "s-unique";
        }
    }
  return NULL;
}

static void
add_cut (GArray *cuts,
         guint   offset,
         guint   start,
         guint   end)
{
  if (offset > start && offset < end)
    g_array_append_val (cuts, offset);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static void
append_note_aside (GString            *out,
                   const PxExportDoc  *doc,
                   const PxExportNote *entry)
{
  g_autofree char *tags = px_note_dup_tags_string (entry->note);
  const char *color = px_note_get_color (entry->note);

  g_string_append_printf (out, "<aside class=\"note%s\" id=\"note-%u\"", entry->placed ? "" : " orphan",
                          entry->number);
  if (is_hex_color (color))
    g_string_append_printf (out, " style=\"border-left-color: %s\"", color);
  g_string_append_printf (out, "><strong>Note %u</strong>", entry->number);
  if (!entry->placed)
    g_string_append (out, " <span class=\"meta\">(no longer in the text)</span>");
  g_string_append (out, "<blockquote>");
  append_escaped (out, px_note_get_quote (entry->note), -1);
  g_string_append (out, "</blockquote>\n<p>");
  append_escaped (out, px_note_get_body (entry->note), -1);
  g_string_append (out, "</p>");
  if (*tags != '\0' || entry->claim >= 0)
    {
      g_string_append (out, "<p class=\"tags\">");
      if (*tags != '\0')
        {
          g_string_append (out, "Tags: ");
          append_escaped (out, tags, -1);
        }
      if (entry->claim >= 0)
        {
          const PxClaim *claim = px_comparison_get_claim (doc->comparison, entry->claim);
          g_autofree char *kinds = _px_export_conflict_kinds (doc, entry->claim);

          g_string_append_printf (out, "%s<a href=\"#claim-%u\">claim %u</a>, %s", *tags != '\0' ? " · " : "",
                                  claim->id, claim->id, px_claim_status_to_string (claim->status));
          if (*kinds != '\0')
            g_string_append_printf (out, ", conflicts: %s", kinds);
        }
      g_string_append (out, "</p>");
    }
  g_string_append (out, "</aside>\n");
}

/* One paragraph [start, end) of article @a: sentences coloured by claim,
 * noted text marked, each note's number where it ends, then the notes
 * ending in it. */
static void
append_paragraph (GString           *out,
                  const PxExportDoc *doc,
                  guint              a,
                  const char        *text,
                  guint              start,
                  guint              end)
{
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  const PxComparisonArticle *compared = doc->comparison != NULL
                                          ? px_comparison_get_article (doc->comparison, a) : NULL;
  gboolean sentences = compared != NULL && strcmp (compared->text, text) == 0;

  g_array_append_val (cuts, start);
  g_array_append_val (cuts, end);
  for (guint s = 0; sentences && s < compared->sentences->len; s++)
    {
      const PxRange *range = &g_array_index (compared->sentences, PxRange, s);

      add_cut (cuts, range->start, start, end);
      add_cut (cuts, range->end, start, end);
    }
  for (guint i = 0; i < doc->notes->len; i++)
    {
      const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);

      if (entry->article == a && entry->placed)
        {
          add_cut (cuts, entry->clean_start, start, end);
          add_cut (cuts, entry->clean_end, start, end);
        }
    }
  g_array_sort (cuts, compare_uint);

  g_string_append (out, "<p>");
  for (guint c = 0; c + 1 < cuts->len; c++)
    {
      guint x = g_array_index (cuts, guint, c), y = g_array_index (cuts, guint, c + 1), sentence_end;
      const char *klass = sentences ? sentence_class (doc, a, x, &sentence_end) : NULL;
      const PxExportNote *first = NULL;

      if (x == y)
        continue;
      for (guint i = 0; i < doc->notes->len; i++)
        {
          const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);

          if (entry->article == a && entry->placed && entry->clean_start <= x && entry->clean_end >= y)
            {
              first = entry;
              break;
            }
        }
      if (first != NULL)
        {
          const char *color = px_note_get_color (first->note);

          g_string_append (out, "<mark class=\"note\"");
          if (is_hex_color (color))
            g_string_append_printf (out, " style=\"background-color: %s\"", color);
          g_string_append (out, ">");
        }
      if (klass != NULL)
        g_string_append_printf (out, "<span class=\"%s\">", klass);
      append_escaped (out, text + x, y - x);
      if (klass != NULL)
        g_string_append (out, "</span>");
      if (first != NULL)
        g_string_append (out, "</mark>");
      for (guint i = 0; i < doc->notes->len; i++)
        {
          const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);

          if (entry->article == a && entry->placed && entry->clean_end == y)
            g_string_append_printf (out, "<sup class=\"ref\"><a href=\"#note-%u\">%u</a></sup>",
                                    entry->number, entry->number);
        }
    }
  g_string_append (out, "</p>\n");

  for (guint i = 0; i < doc->notes->len; i++)
    {
      const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);

      if (entry->article == a && entry->placed && entry->clean_end > start && entry->clean_end <= end)
        append_note_aside (out, doc, entry);
    }
}

static void
append_article (GString           *out,
                const PxExportDoc *doc,
                guint              a)
{
  PxArticle *article = doc->articles->pdata[a];
  const char *text = px_text_map_get_clean (doc->maps->pdata[a]);
  const char *published = px_article_get_published (article);
  const char *url = px_article_get_url (article);
  g_autofree char *name = _px_export_article_name (doc, a);
  guint at = 0, len = strlen (text);

  g_string_append_printf (out, "<article id=\"article-%" G_GINT64_FORMAT "\">\n<h3>", px_article_get_id (article));
  append_escaped (out, px_article_get_title (article), -1);
  g_string_append (out, "</h3>\n<p class=\"meta\">");
  append_escaped (out, name, -1);
  if (published != NULL && *published != '\0')
    {
      g_string_append (out, " · ");
      append_escaped (out, published, -1);
    }
  g_string_append_printf (out, " · id %" G_GINT64_FORMAT, px_article_get_id (article));
  if (url != NULL && *url != '\0')
    {
      g_string_append (out, "<br><span class=\"url\">");
      append_escaped (out, url, -1);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</p>\n");

  /* Paragraphs are separated by blank lines (px-cleaner.h). */
  while (at < len)
    {
      const char *gap = strstr (text + at, "\n\n");
      guint end = gap != NULL ? (guint) (gap - text) : len;

      if (end > at)
        append_paragraph (out, doc, a, text, at, end);
      at = end;
      while (at < len && (text[at] == '\n' || text[at] == ' '))
        at++;
    }

  for (guint i = 0; i < doc->notes->len; i++)
    {
      const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);

      if (entry->article == a && !entry->placed)
        append_note_aside (out, doc, entry);
    }
  g_string_append (out, "</article>\n");
}

static void
append_claims (GString           *out,
               const PxExportDoc *doc)
{
  g_string_append (out, "<h2>Claims</h2>\n<table>\n<tr><th>Claim</th><th>Status</th><th>Outlets</th>"
                        "<th>Conflicts</th><th>Notes</th></tr>\n");
  for (guint c = 0; c < px_comparison_get_n_claims (doc->comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (doc->comparison, c);
      gboolean noted = FALSE;

      g_string_append_printf (out, "<tr id=\"claim-%u\"><td>%u</td><td>%s%s</td><td>", claim->id, claim->id,
                              px_claim_status_to_string (claim->status), claim->wire ? ", wire copy" : "");
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          g_autofree char *name = _px_export_article_name (doc, member->article);

          if (m > 0 && g_array_index (claim->members, PxClaimMember, m - 1).article == member->article)
            continue;
          if (m > 0)
            g_string_append (out, ", ");
          append_escaped (out, name, -1);
        }
      g_string_append (out, "</td><td>");
      for (guint k = 0; k < claim->conflicts->len; k++)
        {
          const PxConflict *conflict = claim->conflicts->pdata[k];

          g_string_append_printf (out, "%s<b>%s</b>: ", k > 0 ? "<br>" : "",
                                  px_conflict_kind_to_string (conflict->kind));
          for (guint v = 0; v < conflict->values->len; v++)
            {
              const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);
              g_autofree char *name = _px_export_article_name (doc, value->article);

              if (v > 0)
                g_string_append (out, "; ");
              append_escaped (out, name, -1);
              g_string_append (out, " “");
              append_escaped (out, value->text, -1);
              g_string_append (out, "”");
            }
        }
      g_string_append (out, "</td><td>");
      for (guint i = 0; i < doc->notes->len; i++)
        {
          const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);

          if (entry->claim != (int) c)
            continue;
          g_string_append_printf (out, "%s<a href=\"#note-%u\">%u</a>", noted ? ", " : "", entry->number,
                                  entry->number);
          noted = TRUE;
        }
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n");
}

char *
_px_export_html (const PxExportDoc *doc)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                               "<meta name=\"generator\" content=\"Parallax\">\n<title>");

  append_escaped (out, doc->title, -1);
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
  append_escaped (out, doc->title, -1);
  g_string_append_printf (out, "</h1>\n<p class=\"meta\">Exported from Parallax on %s · %u articles · %u notes",
                          doc->exported, doc->articles->len, doc->notes->len);
  if (doc->comparison != NULL)
    g_string_append_printf (out, " · %u claims</p>\n<p class=\"meta legend\">"
                                 "<span class=\"s-shared\">said by every article</span>"
                                 "<span class=\"s-partial\">said by some</span>"
                                 "<mark class=\"note\">noted</mark>",
                            px_comparison_get_n_claims (doc->comparison));
  g_string_append (out, "</p>\n<h2>Articles</h2>\n");
  for (guint a = 0; a < doc->articles->len; a++)
    append_article (out, doc, a);
  if (doc->comparison != NULL)
    append_claims (out, doc);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
