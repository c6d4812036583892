/* px-export-markdown.c: an export as CommonMark
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every string from an article or a note is written as literal text: a
 * backslash before each character that can start inline markup (emphasis,
 * code, links, raw HTML, entities) and before what could open a block at
 * the start of a line (a heading, a quote, a list item); line breaks become
 * spaces. CommonMark allows a backslash before any ASCII punctuation.
 */
#include "px-export-private.h"

#include <string.h>

static void
append_text (GString    *out,
             const char *text)
{
  const char *p = text != NULL ? text : "";
  const char *digits = p;

  /* Block openers: "#", ">", "-", "+", "=", or "1." / "1)". */
  while (g_ascii_isdigit (*digits))
    digits++;
  if (strchr ("#>-+=", *p) != NULL && *p != '\0')
    g_string_append_c (out, '\\');
  else if (digits > p && (*digits == '.' || *digits == ')'))
    {
      g_string_append_len (out, p, digits - p);
      g_string_append_c (out, '\\');
      p = digits;
    }
  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr ("\\`*_[]<>&!|~", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

/* An autolink when the URL can be one, else literal text. */
static void
append_url (GString    *out,
            const char *url)
{
  gboolean plain = _px_export_is_web_url (url);

  for (const char *p = url; plain && *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == '<' || *p == '>')
      plain = FALSE;
  if (plain)
    g_string_append_printf (out, "<%s>", url);
  else
    append_text (out, url);
}

static void
append_body (GString    *out,
             const char *body)
{
  g_auto (GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", body != NULL ? body : "", 0, 0);
  gboolean first = TRUE;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      if (!first)
        g_string_append (out, "\n\n");
      append_text (out, paragraphs[i]);
      first = FALSE;
    }
  if (!first)
    g_string_append (out, "\n\n");
}

static void
append_note (GString           *out,
             const PxExportDoc *doc,
             const PxExportNote *entry)
{
  PxArticle *article = doc->articles->pdata[entry->article];
  g_autofree char *name = _px_export_article_name (doc, entry->article);
  g_autofree char *tags = px_note_dup_tags_string (entry->note);

  g_string_append_printf (out, "### Note %u: ", entry->number);
  append_text (out, name);
  g_string_append (out, "\n\n> ");
  append_text (out, px_note_get_quote (entry->note));
  g_string_append (out, "\n\n");
  append_body (out, px_note_get_body (entry->note));

  g_string_append (out, "*Article:* ");
  append_text (out, px_article_get_title (article));
  g_string_append_printf (out, " (id %" G_GINT64_FORMAT ")", px_article_get_id (article));
  if (*tags != '\0')
    {
      g_string_append (out, " · *Tags:* ");
      append_text (out, tags);
    }
  if (entry->claim >= 0)
    {
      const PxClaim *claim = px_comparison_get_claim (doc->comparison, entry->claim);
      g_autofree char *kinds = _px_export_conflict_kinds (doc, entry->claim);

      g_string_append_printf (out, " · *Claim:* %u, %s", claim->id, px_claim_status_to_string (claim->status));
      if (*kinds != '\0')
        g_string_append_printf (out, ", conflicts: %s", kinds);
    }
  if (!entry->placed)
    g_string_append (out, " · *Orphan:* the quote is no longer in the article's text");
  g_string_append (out, "\n\n");
}

static void
append_claims (GString           *out,
               const PxExportDoc *doc)
{
  g_string_append (out, "## Claims\n\n");
  for (guint c = 0; c < px_comparison_get_n_claims (doc->comparison); c++)
    {
      const PxClaim *claim = px_comparison_get_claim (doc->comparison, c);
      gboolean noted = FALSE;

      g_string_append_printf (out, "### Claim %u: %s%s\n\n", claim->id,
                              px_claim_status_to_string (claim->status), claim->wire ? ", wire copy" : "");
      for (guint m = 0; m < claim->members->len; m++)
        {
          const PxClaimMember *member = &g_array_index (claim->members, PxClaimMember, m);
          g_autofree char *name = _px_export_article_name (doc, member->article);
          g_autofree char *text = _px_export_member_text (doc, member);

          g_string_append (out, "- **");
          append_text (out, name);
          g_string_append (out, "**: ");
          append_text (out, text);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
      for (guint k = 0; k < claim->conflicts->len; k++)
        {
          const PxConflict *conflict = claim->conflicts->pdata[k];

          if (k == 0)
            g_string_append (out, "Conflicts:\n\n");
          g_string_append_printf (out, "- %s: ", px_conflict_kind_to_string (conflict->kind));
          for (guint v = 0; v < conflict->values->len; v++)
            {
              const PxConflictValue *value = &g_array_index (conflict->values, PxConflictValue, v);
              g_autofree char *name = _px_export_article_name (doc, value->article);

              if (v > 0)
                g_string_append (out, "; ");
              append_text (out, name);
              g_string_append (out, " “");
              append_text (out, value->text);
              g_string_append (out, "”");
            }
          g_string_append_c (out, '\n');
        }
      if (claim->conflicts->len > 0)
        g_string_append_c (out, '\n');
      for (guint i = 0; i < doc->notes->len; i++)
        {
          const PxExportNote *entry = &g_array_index (doc->notes, PxExportNote, i);

          if (entry->claim != (int) c)
            continue;
          g_string_append_printf (out, noted ? ", %u" : "Notes: %u", entry->number);
          noted = TRUE;
        }
      if (noted)
        g_string_append (out, "\n\n");
    }
}

char *
_px_export_markdown (const PxExportDoc *doc)
{
  GString *out = g_string_new ("# ");

  append_text (out, doc->title);
  g_string_append_printf (out, "\n\nExported from Parallax on %s: %u articles, %u notes", doc->exported,
                          doc->articles->len, doc->notes->len);
  if (doc->comparison != NULL)
    g_string_append_printf (out, ", %u claims", px_comparison_get_n_claims (doc->comparison));
  g_string_append (out, "\\.\n\n## Articles\n\n");
  for (guint a = 0; a < doc->articles->len; a++)
    {
      PxArticle *article = doc->articles->pdata[a];
      g_autofree char *name = _px_export_article_name (doc, a);
      const char *published = px_article_get_published (article);
      const char *url = px_article_get_url (article);

      g_string_append_printf (out, "%u. **", a + 1);
      append_text (out, name);
      g_string_append (out, "**");
      if (published != NULL && *published != '\0')
        {
          g_string_append (out, ", ");
          append_text (out, published);
        }
      g_string_append (out, ": ");
      append_text (out, px_article_get_title (article));
      g_string_append_printf (out, " (id %" G_GINT64_FORMAT ")", px_article_get_id (article));
      if (url != NULL && *url != '\0')
        {
          g_string_append (out, "\\\n   ");
          append_url (out, url);
        }
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "\n## Notes\n\n");
  if (doc->notes->len == 0)
    g_string_append (out, "No notes\\.\n\n");
  for (guint i = 0; i < doc->notes->len; i++)
    append_note (out, doc, &g_array_index (doc->notes, PxExportNote, i));

  if (doc->comparison != NULL)
    append_claims (out, doc);
  while (g_str_has_suffix (out->str, "\n\n"))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
