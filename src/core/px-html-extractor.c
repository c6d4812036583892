/* px-html-extractor.c: the main text and metadata of a saved web page
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One iterative walk over libxml2's tree (no recursion, so any nesting
 * depth is safe) records every element once (tag, class/id hints, counts)
 * and cuts the visible text into blocks. The main article is then found by
 * content scoring in the manner of Readability: paragraphs give points to
 * their ancestors, the best-scoring container and its worthy siblings win,
 * and boilerplate inside it (share bars, captions, link lists) is cut. All
 * counts are summed bottom-up over the recorded elements once, so the whole
 * extraction is linear in the size of the page.
 */
#include "px-html-extractor.h"

#include <errno.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "px-error.h"
#include "px-span.h"

/* ------------------------------------------------------------------------ */
/* Decoding                                                                 */

static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* Windows-1252 by table: iconv refuses its five undefined bytes, browsers
 * map them to the C1 controls, which are stripped later anyway. */
static char *
decode_cp1252 (const guchar *data,
               gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] < 0x80)
        g_string_append_c (out, data[i]);
      else
        g_string_append_unichar (out, data[i] < 0xA0 ? cp1252_high[data[i] - 0x80] : data[i]);
    }
  return g_string_free (out, FALSE);
}

/* Converts with iconv, replacing undecodable bytes by U+FFFD instead of
 * failing: a saved page with one bad byte is still worth reading. */
static char *
decode_lossy (const char *data,
              gsize       length,
              const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  GString *out;
  char buffer[4096];
  char *in = (char *) data;
  gsize in_left = length;

  if (cd == (GIConv) -1)
    return NULL;
  out = g_string_sized_new (length + 16);
  while (in_left > 0)
    {
      char *o = buffer;
      gsize o_left = sizeof buffer;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);

      /* A NUL would end the C string early; it is never text. */
      for (const char *c = buffer; c < o; c++)
        if (*c != '\0')
          g_string_append_c (out, *c);
      if (r == (gsize) -1 && errno != E2BIG)
        {
          /* EILSEQ, or EINVAL for a truncated final sequence. */
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
        }
    }
  g_iconv_close (cd);
  return g_string_free (out, FALSE);
}

/* Maps a declared label to what we decode with, following the WHATWG
 * encoding standard where it matters (Latin-1 means Windows-1252, a
 * UTF-16 label in an ASCII-compatible file means UTF-8). */
static char *
normalize_charset (const char *label)
{
  static const char *const cp1252[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii",
    "ascii", "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", NULL
  };
  g_autofree char *lower = g_ascii_strdown (label, -1);

  if (g_str_equal (lower, "utf-8") || g_str_equal (lower, "utf8")
      || g_str_has_prefix (lower, "utf-16") || g_str_equal (lower, "unicode-1-1-utf-8"))
    return g_strdup ("UTF-8");
  for (guint i = 0; cp1252[i] != NULL; i++)
    if (g_str_equal (lower, cp1252[i]))
      return g_strdup ("WINDOWS-1252");
  if (g_str_equal (lower, "gb2312") || g_str_equal (lower, "gbk") || g_str_equal (lower, "x-gbk"))
    return g_strdup ("GB18030");
  if (g_str_equal (lower, "shift_jis") || g_str_equal (lower, "x-sjis") || g_str_equal (lower, "sjis"))
    return g_strdup ("CP932");
  if (g_str_equal (lower, "euc-kr") || g_str_equal (lower, "ks_c_5601-1987"))
    return g_strdup ("CP949");
  if (g_str_equal (lower, "iso-8859-9") || g_str_equal (lower, "latin5"))
    return g_strdup ("WINDOWS-1254");
  return g_ascii_strup (label, -1);
}

static gboolean
is_charset_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == ':';
}

/* Finds "charset=..." inside the first <meta> tags (or an XML declaration's
 * encoding) in the first 64 KiB: the prescan a browser does, a little wider
 * because some pages put large scripts before their meta tags. */
static char *
sniff_charset (const char *data,
               gsize       length)
{
  gsize limit = MIN (length, 65536);
  g_autofree char *head = g_ascii_strdown (data, limit);

  if (g_str_has_prefix (head, "<?xml"))
    {
      const char *end = strstr (head, "?>");
      const char *enc = strstr (head, "encoding");

      if (enc != NULL && end != NULL && enc < end)
        {
          const char *p = enc + strlen ("encoding");

          while (*p == ' ' || *p == '=' || *p == '"' || *p == '\'')
            p++;
          const char *q = p;
          while (is_charset_char (*q))
            q++;
          if (q > p)
            return g_strndup (data + (p - head), q - p);
        }
    }
  for (const char *meta = strstr (head, "<meta"); meta != NULL; meta = strstr (meta + 5, "<meta"))
    {
      const char *end = memchr (meta, '>', limit - (meta - head));
      const char *cs;

      if (end == NULL)
        break;
      cs = g_strstr_len (meta, end - meta, "charset");
      if (cs == NULL)
        continue;
      cs += strlen ("charset");
      while (cs < end && (*cs == ' ' || *cs == '=' || *cs == '"' || *cs == '\''))
        cs++;
      const char *q = cs;
      while (q < end && is_charset_char (*q))
        q++;
      if (q > cs)
        return g_strndup (data + (cs - head), q - cs);
    }
  return NULL;
}

static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  static const struct { const char *magic; gsize length; } magics[] = {
    { "%PDF-", 5 }, { "\x89PNG", 4 }, { "GIF8", 4 }, { "\xFF\xD8\xFF", 3 },
    { "\x1F\x8B", 2 }, { "PK\x03\x04", 4 }, { "\x7F" "ELF", 4 }, { "BZh", 3 },
    { "\xFD" "7zXZ", 5 }, { "Rar!", 4 }, { "OggS", 4 }, { "ID3", 3 },
  };
  gsize sample = MIN (length, 4096), controls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (length >= magics[i].length && memcmp (data, magics[i].magic, magics[i].length) == 0)
      return TRUE;
  for (gsize i = 0; i < sample; i++)
    if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
        && data[i] != '\f' && data[i] != 0x1B)
      controls++;
  return controls * 20 > sample;
}

/* UTF-16 without a byte order mark: every other byte of ASCII markup is 0. */
static const char *
sniff_utf16 (const guchar *data,
             gsize         length)
{
  gsize sample = MIN (length, 1024) & ~(gsize) 1, even = 0, odd = 0;

  for (gsize i = 0; i < sample; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }
  if (sample >= 8 && odd * 10 > sample * 4 && even == 0)
    return "UTF-16LE";
  if (sample >= 8 && even * 10 > sample * 4 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

/* Drops NULs and C0/C1 control characters (but not tab and newlines):
 * libxml2 stops at a NUL, and controls are never visible text. */
static void
strip_controls (char *text)
{
  guchar *in = (guchar *) text, *out = (guchar *) text;

  while (*in != '\0')
    {
      if ((*in < 0x20 && *in != '\t' && *in != '\n' && *in != '\r') || *in == 0x7F)
        in++;
      else if (in[0] == 0xC2 && in[1] >= 0x80 && in[1] <= 0x9F)
        in += 2;
      else
        *out++ = *in++;
    }
  *out = '\0';
}

/* The end of the quoted string or comment starting at @p (its last
 * character), @p itself when neither starts there, NULL when it never
 * ends. */
static char *
skip_quoted (char *p)
{
  char *end;

  if (*p == '"' || *p == '\'')
    return strchr (p + 1, *p);
  if (g_str_has_prefix (p, "<!--"))
    return (end = strstr (p + 4, "-->")) != NULL ? end + 2 : NULL;
  return p;
}

/* libxml2's HTML parser knows no internal DTD subset: in
 * <!DOCTYPE html [ <!ENTITY …> ]> the doctype ends at the first '>' and
 * the rest of the subset became page text. Nothing in a subset is
 * visible, and none of its entities may ever be expanded, so it is
 * blanked with spaces before parsing. Only a subset closed by "]" and ">"
 * is; an unclosed one is left to the parser. Linear: every scan moves on. */
static void
blank_internal_subset (char *text)
{
  char *p = text, *open;

  /* The doctype follows an XML declaration, processing instructions,
   * comments and space. */
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (g_str_has_prefix (p, "<?"))
        p = strstr (p, "?>");
      else if (g_str_has_prefix (p, "<!--"))
        p = skip_quoted (p);
      else
        break;
      if (p == NULL)
        return;
      p += *p == '?' ? 2 : 1;
    }
  if (g_ascii_strncasecmp (p, "<!doctype", strlen ("<!doctype")) != 0)
    return;
  /* The name and the public and system ids, up to '[' or '>'. */
  for (p += strlen ("<!doctype"); *p != '['; p++)
    if (*p == '\0' || *p == '>' || (p = skip_quoted (p)) == NULL)
      return;
  open = p;
  for (p++; *p != ']'; p++)
    if (*p == '\0' || (p = skip_quoted (p)) == NULL)
      return;
  for (char *q = p + 1; *q != '>'; q++)
    if (!g_ascii_isspace (*q))
      return;
  memset (open, ' ', p + 1 - open);
}

/* A copy without NUL bytes, which in an ASCII-compatible encoding are
 * never text and would end C strings early. */
static char *
remove_nuls (const char *data,
             gsize      *length)
{
  char *copy = g_malloc (*length + 1);
  gsize n = 0;

  for (gsize i = 0; i < *length; i++)
    if (data[i] != '\0')
      copy[n++] = data[i];
  copy[n] = '\0';
  *length = n;
  return copy;
}

static char *
decode (const char  *data,
        gsize        length,
        char       **charset,
        GError     **error)
{
  const guchar *bytes = (const guchar *) data;
  const char *utf16 = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *clean = NULL;
  char *text = NULL;

  if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    utf16 = "UTF-16LE";
  else if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    utf16 = "UTF-16BE";
  else
    utf16 = sniff_utf16 (bytes, length);
  if (utf16 != NULL)
    {
      gsize skip = (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
                   ? 2 : 0;

      *charset = g_strdup (utf16);
      return decode_lossy (data + skip, length - skip, utf16);
    }
  if (looks_binary (bytes, length))
    {
      g_set_error_literal (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                           "The file is binary data, not an HTML page");
      return NULL;
    }
  clean = remove_nuls (data, &length);
  data = clean;
  bytes = (const guchar *) clean;
  if (length >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    {
      *charset = g_strdup ("UTF-8");
      return g_utf8_make_valid (data + 3, length - 3);
    }

  declared = sniff_charset (data, length);
  if (declared != NULL)
    {
      g_autofree char *name = normalize_charset (declared);

      if (g_str_equal (name, "UTF-8"))
        text = g_utf8_make_valid (data, length);
      else if (g_str_equal (name, "WINDOWS-1252"))
        text = decode_cp1252 (bytes, length);
      else
        text = decode_lossy (data, length, name);
      if (text != NULL)
        {
          *charset = g_steal_pointer (&name);
          return text;
        }
    }
  if (g_utf8_validate_len (data, length, NULL))
    {
      *charset = g_strdup ("UTF-8");
      return g_strndup (data, length);
    }
  *charset = g_strdup ("WINDOWS-1252");
  return decode_cp1252 (bytes, length);
}

/* ------------------------------------------------------------------------ */
/* Tags and hints                                                           */

enum
{
  TAG_SKIP = 1 << 0,       /* never rendered as text */
  TAG_BLOCK = 1 << 1,      /* starts and ends a text block */
  TAG_PARAGRAPH = 1 << 2,  /* a paragraph element Readability scores */
  TAG_HEADING = 1 << 3,
  TAG_LIST = 1 << 4,
  TAG_LIST_ITEM = 1 << 5,
  TAG_LINK = 1 << 6,
  TAG_IMAGE = 1 << 7,
  TAG_INPUT = 1 << 8,
  TAG_EMBED = 1 << 9,
  TAG_PRE = 1 << 10,
  TAG_TABLE = 1 << 11,
  TAG_DATA_CELL = 1 << 12,  /* th, caption, thead: marks a data table */
  TAG_CONTAINER = 1 << 13,  /* div-like: its loose text runs count as paragraphs */
  TAG_ROW = 1 << 14,
};

typedef struct
{
  const char *name;
  guint flags;
  int score;               /* Readability's initial score of the tag */
  int reason;              /* a removal reason the tag itself implies, or -1 */
} TagInfo;

/* Sorted by name for bsearch. */
static const TagInfo tags[] = {
  { "a", TAG_LINK, 0, -1 },
  { "address", TAG_BLOCK, -3, -1 },
  { "article", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "aside", TAG_BLOCK | TAG_CONTAINER, 0, PX_REMOVAL_OUTSIDE_ARTICLE },
  { "audio", TAG_SKIP | TAG_EMBED, 0, -1 },
  { "blockquote", TAG_BLOCK | TAG_CONTAINER, 3, -1 },
  { "body", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "br", 0, 0, -1 },
  { "button", TAG_SKIP | TAG_INPUT, 0, -1 },
  { "canvas", TAG_SKIP, 0, -1 },
  { "caption", TAG_BLOCK | TAG_DATA_CELL, 0, -1 },
  { "center", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "dd", TAG_BLOCK, -3, -1 },
  { "details", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "dialog", TAG_SKIP, 0, -1 },
  { "dir", TAG_BLOCK | TAG_LIST, -3, -1 },
  { "div", TAG_BLOCK | TAG_CONTAINER, 5, -1 },
  { "dl", TAG_BLOCK | TAG_LIST, -3, -1 },
  { "dt", TAG_BLOCK, -3, -1 },
  { "embed", TAG_SKIP | TAG_EMBED, 0, -1 },
  { "fieldset", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "figcaption", TAG_BLOCK, 0, PX_REMOVAL_CAPTION },
  { "figure", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "footer", TAG_BLOCK | TAG_CONTAINER, 0, PX_REMOVAL_FOOTER },
  { "form", TAG_BLOCK | TAG_CONTAINER, -3, -1 },
  { "frameset", TAG_SKIP, 0, -1 },
  { "h1", TAG_BLOCK | TAG_HEADING, -5, -1 },
  { "h2", TAG_BLOCK | TAG_HEADING | TAG_PARAGRAPH, -5, -1 },
  { "h3", TAG_BLOCK | TAG_HEADING | TAG_PARAGRAPH, -5, -1 },
  { "h4", TAG_BLOCK | TAG_HEADING | TAG_PARAGRAPH, -5, -1 },
  { "h5", TAG_BLOCK | TAG_HEADING | TAG_PARAGRAPH, -5, -1 },
  { "h6", TAG_BLOCK | TAG_HEADING | TAG_PARAGRAPH, -5, -1 },
  { "head", 0, 0, -1 },
  { "header", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "hgroup", TAG_BLOCK, 0, -1 },
  { "hr", TAG_BLOCK, 0, -1 },
  { "iframe", TAG_SKIP | TAG_EMBED, 0, -1 },
  { "img", TAG_IMAGE, 0, -1 },
  { "input", TAG_SKIP | TAG_INPUT, 0, -1 },
  { "label", 0, 0, -1 },
  { "legend", TAG_BLOCK, 0, -1 },
  { "li", TAG_BLOCK | TAG_LIST_ITEM, -3, -1 },
  { "main", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "map", TAG_SKIP, 0, -1 },
  { "math", TAG_SKIP, 0, -1 },
  { "menu", TAG_BLOCK | TAG_LIST, -3, PX_REMOVAL_NAVIGATION },
  { "nav", TAG_BLOCK | TAG_CONTAINER, 0, PX_REMOVAL_NAVIGATION },
  { "noscript", TAG_SKIP, 0, -1 },
  { "object", TAG_SKIP | TAG_EMBED, 0, -1 },
  { "ol", TAG_BLOCK | TAG_LIST, -3, -1 },
  { "option", TAG_SKIP, 0, -1 },
  { "p", TAG_BLOCK | TAG_PARAGRAPH, 0, -1 },
  { "picture", 0, 0, -1 },
  { "pre", TAG_BLOCK | TAG_PARAGRAPH | TAG_PRE, 3, -1 },
  { "script", TAG_SKIP, 0, -1 },
  { "section", TAG_BLOCK | TAG_CONTAINER, 0, -1 },
  { "select", TAG_SKIP | TAG_INPUT, 0, -1 },
  { "style", TAG_SKIP, 0, -1 },
  { "summary", TAG_BLOCK, 0, -1 },
  { "svg", TAG_SKIP, 0, -1 },
  { "table", TAG_BLOCK | TAG_TABLE, 0, -1 },
  { "tbody", TAG_BLOCK, 0, -1 },
  { "td", TAG_BLOCK | TAG_PARAGRAPH, 3, -1 },
  { "template", TAG_SKIP, 0, -1 },
  { "textarea", TAG_SKIP | TAG_INPUT, 0, -1 },
  { "tfoot", TAG_BLOCK | TAG_DATA_CELL, 0, -1 },
  { "th", TAG_BLOCK | TAG_DATA_CELL, -5, -1 },
  { "thead", TAG_BLOCK | TAG_DATA_CELL, 0, -1 },
  { "title", TAG_SKIP, 0, -1 },
  { "tr", TAG_BLOCK | TAG_ROW, 0, -1 },
  { "ul", TAG_BLOCK | TAG_LIST, -3, -1 },
  { "video", TAG_SKIP | TAG_EMBED, 0, -1 },
};

static const TagInfo unknown_tag = { "", 0, 0, -1 };

static int
compare_tag (const void *key,
             const void *member)
{
  return g_ascii_strcasecmp (key, ((const TagInfo *) member)->name);
}

static const TagInfo *
lookup_tag (const xmlNode *node)
{
  const TagInfo *tag = bsearch (node->name, tags, G_N_ELEMENTS (tags), sizeof (TagInfo),
                                compare_tag);

  return tag != NULL ? tag : &unknown_tag;
}

static gboolean
contains_any (const char         *haystack,
              const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (haystack, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Class and id words, after Readability's lists. */
static const char *const unlikely_words[] = {
  "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
  "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
  "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
  "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", NULL
};
static const char *const maybe_words[] = {
  "and", "article", "body", "column", "content", "main", "shadow", NULL
};
static const char *const positive_words[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
  "post", "text", "blog", "story", NULL
};
static const char *const negative_words[] = {
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
  "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
  "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
  "widget", NULL
};

/* Never article text, whatever the retries relax. */
static const char *const hard_unlikely_words[] = {
  "comment", "disqus", "replies", "respond", NULL
};
/* Embedded posts quoted by the article are part of it. */
static const char *const embed_words[] = {
  "tweet", "instagram", "social-embed", "social-media-embed", "fb-post", "tiktok", NULL
};
/* Classes that hide an element until a script shows it (tooltips, hover
 * cards, screen-reader text): not visible text. */
static const char *const invisible_words[] = {
  "tooltip", "popover", "rollover-people-block", "sr-only", "visually-hidden",
  "screen-reader", "visuallyhidden", "a11y-hidden", NULL
};
static const char *const invisible_classes[] = {
  "hidden", "hide", "d-none", "is-hidden", "invisible", NULL
};

/* Finer reasons for blocks cut from the article, by class or id. */
static const struct
{
  PxRemovalReason reason;
  const char *const words[12];
} reason_words[] = {
  { PX_REMOVAL_NAVIGATION, { "breadcrumb", "menu", "nav", "pagination", "pager", "tags",
                             "topics", NULL } },
  { PX_REMOVAL_CAPTION, { "caption", "credit", "photo-info", NULL } },
  { PX_REMOVAL_PROMPT, { "share", "social", "subscribe", "newsletter", "signup", "sign-up",
                         "follow", "promo", "donate", NULL } },
  { PX_REMOVAL_FOOTER, { "footer", "copyright", "colophon", NULL } },
  { PX_REMOVAL_BYLINE, { "byline", "author", "dateline", "posted-on", "timestamp", NULL } },
  { PX_REMOVAL_UNRELATED_STORY, { "related", "recommend", "more-stories", "read-more",
                                  "outbrain", "taboola", NULL } },
};

/* Inside the article, short elements with these words are captions or
 * bylines. */
static const char *const caption_words[] = {
  "caption", "credit", "gallery", "slideshow", "carousel", "slider", "photo", "image", "img",
  "figure", "media", NULL
};
static const char *const byline_words[] = {
  "byline", "author", "dateline", "timestamp", "pubdate", "publish", "posted", "date", "time",
  "meta", "postinfo", "post-info", NULL
};

static int
hint_reason (const char *hints)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_words); i++)
    if (contains_any (hints, reason_words[i].words))
      return reason_words[i].reason;
  return -1;
}

/* ------------------------------------------------------------------------ */
/* The walk                                                                 */

enum
{
  NODE_UNLIKELY = 1 << 0,   /* class/id says sidebar, comments, …: not a candidate */
  NODE_ARTICLE_BODY = 1 << 1,  /* itemprop=articleBody */
  NODE_HARD_UNLIKELY = 1 << 2, /* comments: never the article */
};

typedef struct
{
  xmlNode *node;
  const TagInfo *tag;
  int parent;               /* index of the parent element, -1 for the root */
  int block;                /* itself if a block element, else the nearest block ancestor */
  guint end;                /* one past the last descendant's index */
  guint first_block, end_block;
  guint children;           /* element children */
  guint flags;
  int weight;               /* class/id weight, -50..50 */
  int reason;               /* the removal reason its tag or hints imply, or -1 */
  char *hints;              /* lowercase "class id", or NULL */
  /* Sums over the subtree (own text only until the end of the walk). */
  guint text, links, commas, paragraphs, images, items, inputs, embeds, headings_text;
  guint rows, data_cells;
  double score;
  gboolean scored;
} NodeInfo;

typedef struct
{
  guint start, end;         /* bytes of the output text */
  int container;            /* the innermost block element around it */
  guint chars, links, commas;
  int reason;               /* why it is cut, -1 while kept */
} Block;

typedef struct
{
  GString *text;
  GString *block;
  GArray *nodes;            /* NodeInfo */
  GArray *blocks;           /* Block */
  guint block_links, block_commas, block_chars;
  int block_container;
  guint in_link, in_pre, in_heading;
  gboolean pending_break;   /* a <br> was seen: the next one ends the block */
  /* Metadata candidates, best first within each group. */
  char *title_tag, *h1, *og_title, *og_site, *app_name, *canonical, *og_url;
  char *article_date, *meta_date, *time_date, *html_lang, *og_locale, *meta_lang, *meta_author;
  char *ld_headline, *ld_date, *ld_publisher, *ld_author, *ld_lang, *ld_url;
  char *impossible_date;    /* the first date given that cannot be, as given */
  guint h1_count;
} Walk;

static void
walk_clear (Walk *walk)
{
  for (guint i = 0; i < walk->nodes->len; i++)
    g_free (g_array_index (walk->nodes, NodeInfo, i).hints);
  g_array_unref (walk->nodes);
  g_array_unref (walk->blocks);
  g_string_free (walk->text, TRUE);
  g_string_free (walk->block, TRUE);
  g_free (walk->title_tag);
  g_free (walk->h1);
  g_free (walk->og_title);
  g_free (walk->og_site);
  g_free (walk->app_name);
  g_free (walk->canonical);
  g_free (walk->og_url);
  g_free (walk->article_date);
  g_free (walk->meta_date);
  g_free (walk->time_date);
  g_free (walk->html_lang);
  g_free (walk->og_locale);
  g_free (walk->meta_lang);
  g_free (walk->meta_author);
  g_free (walk->ld_headline);
  g_free (walk->ld_date);
  g_free (walk->ld_publisher);
  g_free (walk->ld_author);
  g_free (walk->ld_lang);
  g_free (walk->ld_url);
  g_free (walk->impossible_date);
}

static NodeInfo *
node_at (Walk *walk,
         int   index)
{
  return &g_array_index (walk->nodes, NodeInfo, index);
}

static void
flush_block (Walk *walk)
{
  GString *block = walk->block;
  Block b = { 0 };

  while (block->len > 0 && (block->str[block->len - 1] == ' ' || block->str[block->len - 1] == '\n'))
    g_string_truncate (block, block->len - 1);
  walk->pending_break = FALSE;
  if (block->len == 0)
    {
      walk->block_chars = walk->block_links = walk->block_commas = 0;
      return;
    }
  if (walk->text->len > 0)
    g_string_append (walk->text, "\n\n");
  b.start = walk->text->len;
  g_string_append_len (walk->text, block->str, block->len);
  b.end = walk->text->len;
  b.container = walk->block_container >= 0 ? node_at (walk, walk->block_container)->block : -1;
  b.chars = walk->block_chars;
  b.links = walk->block_links;
  b.commas = walk->block_commas;
  b.reason = -1;
  g_array_append_val (walk->blocks, b);
  g_string_truncate (block, 0);
  walk->block_chars = walk->block_links = walk->block_commas = 0;
}

/* Appends a text node with whitespace collapsed (kept inside <pre>), and
 * counts its characters for the innermost element. */
static void
append_text (Walk       *walk,
             int         current,
             const char *content)
{
  GString *block = walk->block;
  guint chars = 0, commas = 0;

  for (const char *p = content; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = g_unichar_isspace (c) || c == 0x00A0;

      if (c == 0x200B || c == 0xFEFF || c == 0x00AD)
        continue;
      if (space && walk->in_pre > 0 && c == '\n')
        {
          /* One newline at most: a blank line would split the block. */
          if (block->len > 0 && block->str[block->len - 1] != '\n')
            g_string_append_c (block, '\n');
          continue;
        }
      if (space)
        {
          if (block->len > 0 && block->str[block->len - 1] != ' '
              && block->str[block->len - 1] != '\n')
            g_string_append_c (block, ' ');
          continue;
        }
      if (block->len == 0 || walk->pending_break)
        {
          if (walk->pending_break && block->len > 0)
            {
              while (block->len > 0 && block->str[block->len - 1] == ' ')
                g_string_truncate (block, block->len - 1);
              g_string_append_c (block, '\n');
            }
          walk->pending_break = FALSE;
          if (block->len == 0)
            walk->block_container = current;
        }
      g_string_append_unichar (block, c);
      chars++;
      if (c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41
          || c == 0x2E34 || c == 0x2E32 || c == 0xFF0C || c == 0x3001)
        commas++;
    }
  walk->block_chars += chars;
  walk->block_commas += commas;
  if (walk->in_link > 0)
    walk->block_links += chars;
  if (current >= 0)
    {
      NodeInfo *info = node_at (walk, current);

      info->text += chars;
      info->commas += commas;
      if (walk->in_link > 0)
        info->links += chars;
      if (walk->in_heading > 0)
        info->headings_text += chars;
    }
}

static char *
get_attr (const xmlNode *node,
          const char    *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
is_hidden (const xmlNode *node)
{
  g_autofree char *style = get_attr (node, "style");
  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *aria = NULL;

  if (xmlHasProp (node, (const xmlChar *) "hidden"))
    return TRUE;
  if (klass != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (klass, -1);
      g_auto(GStrv) words = g_strsplit_set (lower, " \t\n\r\f", -1);

      if (contains_any (lower, invisible_words))
        return TRUE;
      for (guint i = 0; words[i] != NULL; i++)
        if (g_strv_contains (invisible_classes, words[i]))
          return TRUE;
    }
  if (style != NULL)
    {
      g_autofree char *squeezed = g_ascii_strdown (style, -1);
      char *out = squeezed;

      for (const char *p = squeezed; *p != '\0'; p++)
        if (*p != ' ')
          *out++ = *p;
      *out = '\0';
      if (strstr (squeezed, "display:none") != NULL || strstr (squeezed, "visibility:hidden") != NULL)
        return TRUE;
    }
  aria = get_attr (node, "aria-hidden");
  return aria != NULL && g_str_equal (aria, "true");
}

static gboolean
valid_date (int y,
            int m,
            int d)
{
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && g_date_valid_dmy (d, m, y);
}

/* @value as YYYY-MM-DD; NULL when it is no date, and then also
 * *impossible TRUE when it has a date's shape but no such day exists
 * ("2025-02-30", month 13), so the importer can say so. */
static char *
normalize_date (const char  *value,
                gboolean    *impossible)
{
  int y, m, d;

  *impossible = FALSE;
  if (value == NULL)
    return NULL;
  while (g_ascii_isspace (*value))
    value++;
  if (sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3 || sscanf (value, "%4d/%2d/%2d", &y, &m, &d) == 3)
    *impossible = !valid_date (y, m, d);
  /* Digits alone may be a timestamp, not a date: never called impossible. */
  else if (strlen (value) < 8 || sscanf (value, "%4d%2d%2d", &y, &m, &d) != 3
           || !valid_date (y, m, d))
    return NULL;
  return *impossible ? NULL : g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Sets *slot to @value as YYYY-MM-DD unless it already has a date or
 * @value is not one. */
static void
take_date (Walk        *walk,
           char       **slot,
           const char  *value)
{
  gboolean impossible;

  if (*slot != NULL)
    return;
  *slot = normalize_date (value, &impossible);
  if (impossible && walk->impossible_date == NULL)
    walk->impossible_date = g_utf8_make_valid (value, MIN (strlen (value), 64));
}

/* Sets *slot to a copy of @value, squeezed, unless it already has one. */
static void
take_first (char       **slot,
            const char  *value)
{
  g_autoptr(GString) squeezed = NULL;

  if (*slot != NULL || value == NULL)
    return;
  squeezed = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (squeezed->len > 0 && squeezed->str[squeezed->len - 1] != ' ')
            g_string_append_c (squeezed, ' ');
        }
      else
        g_string_append_c (squeezed, *p);
    }
  while (squeezed->len > 0 && squeezed->str[squeezed->len - 1] == ' ')
    g_string_truncate (squeezed, squeezed->len - 1);
  if (squeezed->len > 0)
    *slot = g_string_free (g_steal_pointer (&squeezed), FALSE);
}

static gboolean
is_ld_article_type (JsonNode *type)
{
  static const char *const types[] = {
    "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
    "TechArticle", "ScholarlyArticle", "Report", NULL
  };

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (is_ld_article_type (json_array_get_element (array, i)))
          return TRUE;
      return FALSE;
    }
  if (json_node_get_value_type (type) != G_TYPE_STRING)
    return FALSE;
  return g_strv_contains (types, json_node_get_string (type));
}

/* A name from a JSON-LD value: a string, {"name": …}, or a list of them
 * (joined with ", "). */
static char *
ld_name (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      return json_object_has_member (object, "name")
             ? ld_name (json_object_get_member (object, "name")) : NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (array) && i < 8; i++)
        {
          char *name = ld_name (json_array_get_element (array, i));

          if (name != NULL && *name != '\0')
            g_ptr_array_add (names, name);
          else
            g_free (name);
        }
      if (names->len == 0)
        return NULL;
      g_ptr_array_add (names, NULL);
      return g_strjoinv (", ", (char **) names->pdata);
    }
  return NULL;
}

static const char *
ld_string (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
read_ld_node (Walk     *walk,
              JsonNode *node,
              guint     depth)
{
  JsonObject *object;

  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_ld_node (walk, json_array_get_element (array, i), depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  if (json_object_has_member (object, "@graph"))
    read_ld_node (walk, json_object_get_member (object, "@graph"), depth + 1);
  if (!is_ld_article_type (json_object_get_member (object, "@type")))
    return;

  take_first (&walk->ld_headline, ld_string (object, "headline"));
  take_date (walk, &walk->ld_date, ld_string (object, "datePublished"));
  take_first (&walk->ld_lang, ld_string (object, "inLanguage"));
  take_first (&walk->ld_url, ld_string (object, "url"));
  if (walk->ld_author == NULL)
    walk->ld_author = ld_name (json_object_get_member (object, "author"));
  if (walk->ld_publisher == NULL)
    walk->ld_publisher = ld_name (json_object_get_member (object, "publisher"));
}

/* json-glib parses recursively: refuse absurdly nested input first. */
static gboolean
json_depth_ok (const char *json)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > 64)
            return FALSE;
        }
      else if (*p == '}' || *p == ']')
        depth--;
    }
  return TRUE;
}

static void
read_json_ld (Walk    *walk,
              xmlNode *script)
{
  g_autoptr(JsonParser) parser = NULL;
  xmlChar *content = xmlNodeGetContent (script);

  if (content == NULL)
    return;
  if (json_depth_ok ((const char *) content))
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, (const char *) content, -1, NULL))
        read_ld_node (walk, json_parser_get_root (parser), 0);
    }
  xmlFree (content);
}

static void
read_meta (Walk    *walk,
           xmlNode *node)
{
  g_autofree char *property = get_attr (node, "property");
  g_autofree char *name = get_attr (node, "name");
  g_autofree char *itemprop = get_attr (node, "itemprop");
  g_autofree char *equiv = get_attr (node, "http-equiv");
  g_autofree char *content = get_attr (node, "content");
  g_autofree char *key = NULL;
  static const char *const date_keys[] = {
    "date", "pubdate", "publishdate", "publish-date", "published_time", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime", NULL
  };
  static const char *const author_keys[] = {
    "author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
    "byl", NULL
  };

  if (content == NULL)
    return;
  key = g_ascii_strdown (property != NULL ? property : name != NULL ? name
                         : itemprop != NULL ? itemprop : equiv != NULL ? equiv : "", -1);
  if (g_str_equal (key, "og:title"))
    take_first (&walk->og_title, content);
  else if (g_str_equal (key, "og:site_name"))
    take_first (&walk->og_site, content);
  else if (g_str_equal (key, "application-name"))
    take_first (&walk->app_name, content);
  else if (g_str_equal (key, "og:url"))
    take_first (&walk->og_url, content);
  else if (g_str_equal (key, "og:locale"))
    take_first (&walk->og_locale, content);
  else if (g_str_equal (key, "content-language") || g_str_equal (key, "language")
           || g_str_equal (key, "dc.language"))
    take_first (&walk->meta_lang, content);
  else if (g_str_equal (key, "article:published_time") || g_str_equal (key, "og:published_time")
           || g_str_equal (key, "datepublished"))
    take_date (walk, &walk->article_date, content);
  else if (g_strv_contains (date_keys, key))
    take_date (walk, &walk->meta_date, content);
  else if (g_strv_contains (author_keys, key) && !g_str_has_prefix (content, "http"))
    take_first (&walk->meta_author, content);
}

/* Records an element on entry: its tag, class and id hints, role, and the
 * counts its own kind adds to its subtree. */
static int
enter_element (Walk    *walk,
               xmlNode *node,
               int      parent)
{
  NodeInfo info = { 0 };
  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *itemprop = get_attr (node, "itemprop");
  g_autofree char *role = get_attr (node, "role");
  int index = walk->nodes->len;

  info.node = node;
  info.tag = lookup_tag (node);
  info.parent = parent;
  info.reason = info.tag->reason;
  info.first_block = walk->blocks->len;
  info.block = (info.tag->flags & TAG_BLOCK) ? index : parent >= 0 ? node_at (walk, parent)->block : -1;
  if (klass != NULL || id != NULL)
    {
      g_autofree char *k = klass != NULL ? g_ascii_strdown (klass, -1) : NULL;
      g_autofree char *i = id != NULL ? g_ascii_strdown (id, -1) : NULL;

      info.hints = g_strconcat (k != NULL ? k : "", " ", i != NULL ? i : "", NULL);
      if (k != NULL && contains_any (k, negative_words))
        info.weight -= 25;
      if (k != NULL && contains_any (k, positive_words))
        info.weight += 25;
      if (i != NULL && contains_any (i, negative_words))
        info.weight -= 25;
      if (i != NULL && contains_any (i, positive_words))
        info.weight += 25;
      if (contains_any (info.hints, unlikely_words) && !contains_any (info.hints, maybe_words))
        info.flags |= NODE_UNLIKELY;
      if (contains_any (info.hints, embed_words))
        {
          info.weight = MAX (info.weight, 0);
          info.flags &= ~NODE_UNLIKELY;
        }
      else if (info.reason < 0)
        info.reason = hint_reason (info.hints);
      if (contains_any (info.hints, hard_unlikely_words) && !strstr (info.hints, "commentary"))
        info.flags |= NODE_HARD_UNLIKELY;
    }
  if (role != NULL)
    {
      static const char *const unlikely_roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL
      };

      if (g_strv_contains (unlikely_roles, role))
        info.flags |= NODE_UNLIKELY;
      if (info.reason < 0 && (g_str_equal (role, "navigation") || g_str_equal (role, "menu")
                              || g_str_equal (role, "menubar")))
        info.reason = PX_REMOVAL_NAVIGATION;
      if (info.reason < 0 && g_str_equal (role, "contentinfo"))
        info.reason = PX_REMOVAL_FOOTER;
    }
  if (itemprop != NULL && strstr (itemprop, "articleBody") != NULL)
    info.flags |= NODE_ARTICLE_BODY;
  if (info.tag->flags & TAG_PARAGRAPH && !(info.tag->flags & TAG_HEADING))
    info.paragraphs = 1;
  if (info.tag->flags & TAG_IMAGE)
    info.images = 1;
  if (info.tag->flags & TAG_LIST_ITEM)
    info.items = 1;
  if (info.tag->flags & TAG_INPUT)
    info.inputs = 1;
  if (info.tag->flags & TAG_EMBED)
    info.embeds = 1;
  if (info.tag->flags & TAG_ROW)
    info.rows = 1;
  if (info.tag->flags & TAG_DATA_CELL)
    info.data_cells = 1;
  if (parent >= 0)
    node_at (walk, parent)->children++;
  node->_private = GUINT_TO_POINTER (index + 1);
  g_array_append_val (walk->nodes, info);
  return index;
}

/* Metadata of elements whose text is not shown (head, script, time). */
static void
read_element_metadata (Walk    *walk,
                       xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (g_ascii_strcasecmp (name, "meta") == 0)
    read_meta (walk, node);
  else if (g_ascii_strcasecmp (name, "title") == 0 && walk->title_tag == NULL)
    {
      xmlChar *content = xmlNodeGetContent (node);

      take_first (&walk->title_tag, (const char *) content);
      xmlFree (content);
    }
  else if (g_ascii_strcasecmp (name, "link") == 0 && walk->canonical == NULL)
    {
      g_autofree char *rel = get_attr (node, "rel");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        {
          g_autofree char *href = get_attr (node, "href");

          take_first (&walk->canonical, href);
        }
    }
  else if (g_ascii_strcasecmp (name, "script") == 0)
    {
      g_autofree char *type = get_attr (node, "type");

      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        read_json_ld (walk, node);
    }
  else if (g_ascii_strcasecmp (name, "time") == 0)
    {
      g_autofree char *datetime = get_attr (node, "datetime");
      g_autofree char *itemprop = get_attr (node, "itemprop");

      /* <time pubdate> and itemprop=datePublished name the article's date;
       * any other <time> may be a comment's or today's. */
      if (xmlHasProp (node, (const xmlChar *) "pubdate")
          || g_strcmp0 (itemprop, "datePublished") == 0)
        take_date (walk, &walk->article_date, datetime);
      else
        take_date (walk, &walk->time_date, datetime);
    }
  else if (g_ascii_strcasecmp (name, "html") == 0)
    {
      g_autofree char *lang = get_attr (node, "lang");

      if (lang == NULL)
        lang = get_attr (node, "xml:lang");
      take_first (&walk->html_lang, lang);
    }
}

static void
leave_element (Walk *walk,
               int   index)
{
  NodeInfo *info = node_at (walk, index);

  if (info->tag->flags & TAG_BLOCK)
    flush_block (walk);
  if (info->tag->flags & TAG_LINK)
    walk->in_link--;
  if (info->tag->flags & TAG_PRE)
    walk->in_pre--;
  if (info->tag->flags & TAG_HEADING)
    walk->in_heading--;
  if (g_ascii_strcasecmp ((const char *) info->node->name, "h1") == 0 && walk->h1_count++ == 0)
    {
      xmlChar *content = xmlNodeGetContent (info->node);

      take_first (&walk->h1, (const char *) content);
      xmlFree (content);
    }
  info->end = walk->nodes->len;
  info->end_block = walk->blocks->len;
}

/* Walks the tree in document order without recursion: down through
 * children, then along siblings, back up through parents. */
static void
walk_tree (Walk    *walk,
           xmlNode *root)
{
  xmlNode *node = root;
  int current = -1;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          const TagInfo *tag = lookup_tag (node);

          read_element_metadata (walk, node);
          if (!(tag->flags & TAG_SKIP) && !is_hidden (node))
            {
              current = enter_element (walk, node, current);
              if (tag->flags & TAG_BLOCK)
                flush_block (walk);
              if (tag->flags & TAG_LINK)
                walk->in_link++;
              if (tag->flags & TAG_PRE)
                walk->in_pre++;
              if (tag->flags & TAG_HEADING)
                walk->in_heading++;
              if (g_ascii_strcasecmp ((const char *) node->name, "br") == 0)
                {
                  if (walk->pending_break)
                    flush_block (walk);
                  else if (walk->block->len > 0)
                    walk->pending_break = TRUE;
                }
              descend = node->children != NULL;
              if (!descend)
                {
                  leave_element (walk, current);
                  current = node_at (walk, current)->parent;
                }
            }
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
               && node->content != NULL)
        append_text (walk, current, (const char *) node->content);

      if (descend)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node->type != XML_ELEMENT_NODE)
            node = NULL;
          else
            {
              leave_element (walk, current);
              current = node_at (walk, current)->parent;
            }
        }
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
  flush_block (walk);
}

/* ------------------------------------------------------------------------ */
/* Scoring                                                                  */

enum
{
  USE_UNLIKELY = 1 << 0,    /* strip unlikely candidates before scoring */
  USE_WEIGHTS = 1 << 1,     /* class/id weights */
  USE_CLEANING = 1 << 2,    /* conditional cleaning inside the article */
};

/* Sums each element's counts into its parent: children always come after
 * their parent in the array, so one backward pass does it. */
static void
sum_subtrees (Walk *walk)
{
  for (guint i = walk->nodes->len; i-- > 0;)
    {
      NodeInfo *info = node_at (walk, i);
      NodeInfo *parent;

      if (info->parent < 0)
        continue;
      parent = node_at (walk, info->parent);
      parent->text += info->text;
      parent->links += info->links;
      parent->commas += info->commas;
      parent->paragraphs += info->paragraphs;
      parent->images += info->images;
      parent->items += info->items;
      parent->inputs += info->inputs;
      parent->embeds += info->embeds;
      parent->headings_text += info->headings_text;
      parent->rows += info->rows;
      parent->data_cells += info->data_cells;
    }
}

static double
link_density (const NodeInfo *info)
{
  return info->text > 0 ? (double) info->links / info->text : 0;
}

static gboolean
is_tag (const NodeInfo *info,
        const char     *name)
{
  return strcmp (info->tag->name, name) == 0;
}

/* Marks the elements inside an unlikely or hidden one: their text never
 * scores and never belongs to the article. */
static guint8 *
find_excluded (Walk  *walk,
               guint  mode)
{
  guint n = walk->nodes->len;
  guint8 *excluded = g_new0 (guint8, n);

  for (guint i = 0; i < n; i++)
    {
      NodeInfo *info = node_at (walk, i);

      if (info->parent >= 0 && excluded[info->parent])
        excluded[i] = 1;
      else if (((mode & USE_UNLIKELY) ? (info->flags & NODE_UNLIKELY)
                                      : (info->flags & NODE_HARD_UNLIKELY))
               && !is_tag (info, "body") && !is_tag (info, "a")
               && !(info->flags & NODE_ARTICLE_BODY))
        excluded[i] = 1;
    }
  return excluded;
}

static void
initialize_score (NodeInfo *info,
                  guint     mode)
{
  if (info->scored)
    return;
  info->scored = TRUE;
  info->score = info->tag->score + ((mode & USE_WEIGHTS) ? info->weight : 0);
  if (info->flags & NODE_ARTICLE_BODY)
    info->score += 50;
}

/* Readability's paragraph scores: each paragraph of 25 characters or more
 * gives 1 + its commas + up to 3 for its length to its parent, half to its
 * grandparent and less to the three ancestors above. */
static void
score_paragraphs (Walk         *walk,
                  const guint8 *excluded,
                  guint         mode)
{
  for (guint i = 0; i < walk->nodes->len; i++)
    {
      NodeInfo *info = node_at (walk, i);

      info->scored = FALSE;
      info->score = 0;
    }
  for (guint b = 0; b < walk->blocks->len; b++)
    {
      Block *block = &g_array_index (walk->blocks, Block, b);
      NodeInfo *container;
      int ancestor;
      double score;

      if (block->container < 0 || excluded[block->container] || block->chars < 25)
        continue;
      container = node_at (walk, block->container);
      if (container->tag->flags & TAG_PARAGRAPH)
        ancestor = container->parent;
      else if (container->tag->flags & TAG_CONTAINER)
        ancestor = block->container;
      else
        continue;
      score = 1 + (block->commas + 1) + MIN (block->chars / 100, 3);
      for (guint level = 0; level < 5 && ancestor >= 0; level++)
        {
          NodeInfo *a = node_at (walk, ancestor);

          if (a->parent < 0)
            break;
          initialize_score (a, mode);
          a->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
          ancestor = a->parent;
        }
    }
}

/* Body and above: the search for a better ancestor stops there. */
static gboolean
is_top_level (Walk *walk,
              int   index)
{
  return index < 0 || node_at (walk, index)->parent < 0 || is_tag (node_at (walk, index), "body");
}

static int
find_top_candidate (Walk         *walk,
                    const guint8 *excluded)
{
  int top[5] = { -1, -1, -1, -1, -1 };
  guint n_top = 0;
  int best;
  double last_score, threshold;

  for (guint i = 0; i < walk->nodes->len; i++)
    {
      NodeInfo *info = node_at (walk, i);

      if (!info->scored || excluded[i])
        continue;
      info->score *= 1 - link_density (info);
      for (guint k = 0; k < 5; k++)
        if (top[k] < 0 || info->score > node_at (walk, top[k])->score)
          {
            memmove (top + k + 1, top + k, (4 - k) * sizeof (int));
            top[k] = i;
            n_top = MIN (n_top + 1, 5);
            break;
          }
    }
  if (n_top == 0)
    return -1;
  best = top[0];

  /* Several close runners-up under one ancestor: that ancestor holds the
   * article, split into sections. */
  {
    guint close = 0;

    for (guint k = 1; k < n_top; k++)
      if (node_at (walk, top[k])->score >= 0.75 * node_at (walk, best)->score)
        close++;
    if (close >= 3)
      for (int a = node_at (walk, best)->parent; !is_top_level (walk, a);
           a = node_at (walk, a)->parent)
        {
          guint containing = 0;

          for (guint k = 1; k < n_top; k++)
            if (node_at (walk, top[k])->score >= 0.75 * node_at (walk, best)->score
                && (guint) top[k] > (guint) a && (guint) top[k] < node_at (walk, a)->end)
              containing++;
          if (containing >= 3)
            {
              best = a;
              break;
            }
        }
  }

  /* Scores rising on the way up mean more content lurks beside it. */
  last_score = node_at (walk, best)->score;
  threshold = last_score / 3;
  for (int a = node_at (walk, best)->parent; !is_top_level (walk, a);
       a = node_at (walk, a)->parent)
    {
      NodeInfo *info = node_at (walk, a);

      if (!info->scored)
        continue;
      if (info->score < threshold)
        break;
      if (info->score > last_score)
        {
          best = a;
          break;
        }
      last_score = info->score;
    }
  /* An only child says nothing its parent does not. */
  while (!is_top_level (walk, node_at (walk, best)->parent)
         && node_at (walk, node_at (walk, best)->parent)->children == 1)
    best = node_at (walk, best)->parent;
  return best;
}

static int
info_of (const xmlNode *node)
{
  return node->_private != NULL ? (int) GPOINTER_TO_UINT (node->_private) - 1 : -1;
}

static gboolean
ends_sentence (const char *text,
               guint       start,
               guint       end)
{
  for (guint i = start; i + 1 <= end; i++)
    if (text[i] == '.' && (i + 1 == end || text[i + 1] == ' '))
      return TRUE;
  return FALSE;
}

/* The top candidate and those of its siblings that look like more of the
 * same article: a good score, or a paragraph of real sentences. */
static void
select_article (Walk   *walk,
                int     top,
                guint8 *selected)
{
  NodeInfo *top_info = node_at (walk, top);
  double threshold = MAX (10, top_info->score * 0.2);
  g_autofree char *top_class = get_attr (top_info->node, "class");

  if (top_info->parent < 0)
    {
      selected[top] = 1;
      return;
    }
  for (xmlNode *child = node_at (walk, top_info->parent)->node->children; child != NULL;
       child = child->next)
    {
      int index = child->type == XML_ELEMENT_NODE ? info_of (child) : -1;
      NodeInfo *sibling;
      double bonus = 0;

      if (index < 0)
        continue;
      if (index == top)
        {
          selected[index] = 1;
          continue;
        }
      sibling = node_at (walk, index);
      if (top_class != NULL && *top_class != '\0')
        {
          g_autofree char *klass = get_attr (child, "class");

          if (g_strcmp0 (klass, top_class) == 0)
            bonus = top_info->score * 0.2;
        }
      if (sibling->scored && sibling->score + bonus >= threshold)
        selected[index] = 1;
      else if (is_tag (sibling, "p"))
        {
          double density = link_density (sibling);

          if (sibling->text > 80 && density < 0.25)
            selected[index] = 1;
          else if (sibling->text > 0 && sibling->text < 80 && density == 0)
            {
              for (guint b = sibling->first_block; b < sibling->end_block; b++)
                {
                  Block *block = &g_array_index (walk->blocks, Block, b);

                  if (ends_sentence (walk->text->str, block->start, block->end))
                    selected[index] = 1;
                }
            }
        }
    }
}

static gboolean
is_data_table (const NodeInfo *info)
{
  return info->data_cells > 0 || info->rows >= 10;
}

/* Whether an element inside the article is cut: figures, and short
 * elements whose class or id says caption, byline, share bar, related
 * links…; then Readability's conditional cleaning of div, section, list,
 * table and form elements (link lists, galleries, forms). Returns a
 * reason, or -1 to keep. */
static int
clean_reason (const NodeInfo *info,
              guint           mode)
{
  gboolean list = (info->tag->flags & TAG_LIST) != 0;
  gboolean table = (info->tag->flags & TAG_TABLE) != 0;
  int weight = (mode & USE_WEIGHTS) ? info->weight : 0;
  int reason = info->reason >= 0 ? info->reason : PX_REMOVAL_OUTSIDE_ARTICLE;
  double density, heading_density;
  guint p, img, li, input;

  if (info->tag->reason >= 0)
    return info->tag->reason;
  if (info->hints != NULL && contains_any (info->hints, embed_words))
    return -1;
  if (is_tag (info, "figure") && info->text < 500)
    return PX_REMOVAL_CAPTION;
  if (info->hints != NULL)
    {
      if (info->text < 400 && info->paragraphs <= 1 && contains_any (info->hints, caption_words))
        return PX_REMOVAL_CAPTION;
      if (info->text < 250 && contains_any (info->hints, byline_words))
        return PX_REMOVAL_BYLINE;
      if (info->reason >= 0 && info->text < 1000)
        return info->reason;
    }
  if (is_tag (info, "h1") || is_tag (info, "h2"))
    return weight < 0 ? reason : -1;
  if (!is_tag (info, "div") && !list && !table && !is_tag (info, "form")
      && !is_tag (info, "fieldset") && !is_tag (info, "section"))
    return -1;
  if (table && is_data_table (info))
    return -1;
  if (weight < 0)
    return reason;
  if (info->commas >= 10)
    return -1;
  p = info->paragraphs;
  img = info->images;
  li = info->items > 100 ? info->items - 100 : 0;
  input = info->inputs;
  density = link_density (info);
  heading_density = info->text > 0 ? (double) info->headings_text / info->text : 0;
  if ((img > 1 && (double) p / img < 0.5)
      || (!list && li > p)
      || (input > p / 3)
      || (!list && heading_density < 0.9 && info->text < 25 && (img == 0 || img > 2))
      || (!list && weight < 25 && density > 0.2)
      || (weight >= 25 && density > 0.5)
      || (info->embeds == 1 && info->text < 75) || info->embeds > 1)
    return reason;
  return -1;
}

enum { NOT_IN_ARTICLE = -2, KEPT = -1 };

/* A short block that is mostly a link, inside the article: "Read more:",
 * related headlines, "click here" lines. */
#define LINK_LINE_CHARS 200
#define LINK_LINE_DENSITY 0.7

/* Decides every block: kept when inside a selected element and not cut by
 * cleaning, else cut with the reason of its innermost hinted element. One
 * pass in document order, each element inheriting its parent's state.
 * Returns the number of characters kept. */
static guint
mark_blocks (Walk         *walk,
             const guint8 *selected,
             const guint8 *excluded,
             guint         mode)
{
  guint n = walk->nodes->len, kept = 0;
  g_autofree int *state = g_new (int, n);
  g_autofree int *hint = g_new (int, n);
  g_autofree guint8 *embed = g_new (guint8, n);

  for (guint i = 0; i < n; i++)
    {
      NodeInfo *info = node_at (walk, i);
      int parent = info->parent;

      hint[i] = info->reason >= 0 ? info->reason : parent >= 0 ? hint[parent] : -1;
      embed[i] = (parent >= 0 && embed[parent])
                 || (info->hints != NULL && contains_any (info->hints, embed_words));
      if (parent >= 0 && state[parent] >= 0)
        state[i] = state[parent];
      else if (parent >= 0 && state[parent] == KEPT)
        {
          int reason = -1;

          if (excluded[i])
            reason = hint[i] >= 0 ? hint[i] : PX_REMOVAL_OUTSIDE_ARTICLE;
          else if (mode & USE_CLEANING)
            reason = clean_reason (info, mode);
          state[i] = reason >= 0 ? reason : KEPT;
        }
      else
        state[i] = selected[i] ? KEPT : NOT_IN_ARTICLE;
    }
  for (guint b = 0; b < walk->blocks->len; b++)
    {
      Block *block = &g_array_index (walk->blocks, Block, b);
      int c = block->container;

      if (c >= 0 && state[c] == KEPT && !embed[c]
          && block->chars < LINK_LINE_CHARS && block->links >= block->chars * LINK_LINE_DENSITY)
        block->reason = PX_REMOVAL_LINK_LINE;
      else if (c >= 0 && state[c] == KEPT)
        {
          block->reason = -1;
          kept += block->chars;
        }
      else if (c >= 0 && hint[c] >= 0)
        block->reason = hint[c];
      else
        block->reason = c >= 0 && state[c] >= 0 ? state[c] : PX_REMOVAL_OUTSIDE_ARTICLE;
    }
  return kept;
}

/* Runs the scoring with less and less caution until the article is long
 * enough, keeping the longest result, as Readability retries. */
static void
find_article (Walk *walk)
{
  static const guint modes[] = {
    USE_UNLIKELY | USE_WEIGHTS | USE_CLEANING,
    USE_WEIGHTS | USE_CLEANING,
    USE_CLEANING,
    0,
  };
  guint n = walk->nodes->len;
  guint best_kept = 0, best_mode = modes[0];
  int best_top = -1;

  if (n == 0)
    return;
  sum_subtrees (walk);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree guint8 *excluded = find_excluded (walk, modes[m]);
      g_autofree guint8 *selected = g_new0 (guint8, n);
      int top;
      guint kept;

      score_paragraphs (walk, excluded, modes[m]);
      top = find_top_candidate (walk, excluded);
      if (top < 0)
        continue;
      select_article (walk, top, selected);
      kept = mark_blocks (walk, selected, excluded, modes[m]);
      if (kept > best_kept)
        {
          best_kept = kept;
          best_mode = modes[m];
          best_top = top;
        }
      if (kept >= 500)
        return;
    }
  /* Redo the best attempt: the last one run may not have been it. */
  {
    g_autofree guint8 *excluded = find_excluded (walk, best_mode);
    g_autofree guint8 *selected = g_new0 (guint8, n);

    if (best_top < 0)
      {
        for (guint b = 0; b < walk->blocks->len; b++)
          g_array_index (walk->blocks, Block, b).reason = -1;
        return;
      }
    score_paragraphs (walk, excluded, best_mode);
    best_top = find_top_candidate (walk, excluded);
    select_article (walk, best_top, selected);
    mark_blocks (walk, selected, excluded, best_mode);
  }
}

/* ------------------------------------------------------------------------ */
/* Metadata                                                                 */

static char *
normalize_language (const char *value)
{
  char code[3];

  if (value == NULL || !g_ascii_isalpha (value[0]) || !g_ascii_isalpha (value[1])
      || g_ascii_isalpha (value[2]))
    return NULL;
  code[0] = g_ascii_tolower (value[0]);
  code[1] = g_ascii_tolower (value[1]);
  code[2] = '\0';
  return g_strdup (code);
}

/* "Headline | Site" → "Headline": cuts a trailing segment after a common
 * separator when it names the outlet or the headline stays long enough. */
static char *
strip_site_suffix (const char *title,
                   const char *outlet)
{
  static const char *const separators[] = { " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", NULL };
  const char *cut = NULL;

  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *p = g_strrstr (title, separators[i]);

      if (p != NULL && (cut == NULL || p > cut))
        cut = p;
    }
  if (cut != NULL)
    {
      g_autofree char *head = g_strndup (title, cut - title);
      const char *tail = cut + 3;
      g_auto(GStrv) words = g_strsplit (head, " ", -1);

      while (*tail == ' ' || (guchar) *tail >= 0x80)
        {
          if (*tail == ' ')
            tail++;
          else
            tail = g_utf8_next_char (tail);
          if (*tail == ' ' || g_ascii_isalnum (*tail))
            break;
        }
      if ((outlet != NULL && g_ascii_strncasecmp (tail, outlet, strlen (outlet)) == 0)
          || g_strv_length (words) >= 4)
        return g_steal_pointer (&head);
    }
  return g_strdup (title);
}

static void
fill_metadata (Walk           *walk,
               PxHtmlDocument *document)
{
  const char *title, *author;

  /* Some sites put their address in og:site_name: not a name. */
  if (walk->og_site != NULL && g_str_has_prefix (walk->og_site, "http"))
    g_clear_pointer (&walk->og_site, g_free);
  document->outlet = g_strdup (walk->og_site != NULL ? walk->og_site
                               : walk->ld_publisher != NULL ? walk->ld_publisher
                               : walk->app_name);
  title = walk->og_title != NULL ? walk->og_title
          : walk->ld_headline != NULL ? walk->ld_headline
          : walk->title_tag != NULL ? walk->title_tag : walk->h1;
  if (title != NULL)
    document->title = (title == walk->h1 || title == walk->ld_headline) ? g_strdup (title)
                      : strip_site_suffix (title, document->outlet);
  document->url = g_strdup (walk->canonical != NULL ? walk->canonical
                            : walk->og_url != NULL ? walk->og_url : walk->ld_url);
  document->published = g_strdup (walk->article_date != NULL ? walk->article_date
                                  : walk->ld_date != NULL ? walk->ld_date
                                  : walk->meta_date != NULL ? walk->meta_date : walk->time_date);
  if (document->published == NULL)
    document->impossible_date = g_steal_pointer (&walk->impossible_date);
  document->language = normalize_language (walk->html_lang);
  if (document->language == NULL)
    document->language = normalize_language (walk->ld_lang);
  if (document->language == NULL)
    document->language = normalize_language (walk->og_locale);
  if (document->language == NULL)
    document->language = normalize_language (walk->meta_lang);
  author = walk->ld_author != NULL ? walk->ld_author : walk->meta_author;
  if (author != NULL && g_ascii_strncasecmp (author, "by ", 3) == 0)
    author += 3;
  document->author = author != NULL && *author != '\0' ? g_strdup (author) : NULL;
}

/* Keeps the page's h1 when it is the article's headline, even outside the
 * winning container: it belongs to the story. */
static void
keep_headline (Walk           *walk,
               PxHtmlDocument *document)
{
  g_autofree char *headline = NULL;

  if (document->title == NULL)
    return;
  headline = g_utf8_casefold (document->title, -1);
  for (guint i = 0; i < walk->blocks->len; i++)
    {
      Block *block = &g_array_index (walk->blocks, Block, i);
      g_autofree char *text = NULL;

      if (block->container < 0 || !is_tag (node_at (walk, block->container), "h1"))
        continue;
      text = g_utf8_casefold (walk->text->str + block->start, block->end - block->start);
      if (g_str_equal (text, headline))
        {
          block->reason = -1;
          return;
        }
    }
}

/* ------------------------------------------------------------------------ */

static gsize parser_ready;

PxHtmlDocument *
px_html_extract (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *charset = NULL;
  g_autofree char *text = NULL;
  PxHtmlDocument *document;
  htmlDocPtr doc;
  xmlNode *root;
  Walk walk = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* libxml2 2.9 sets itself up on first use without a lock: do it once
   * here, as imports run in worker threads. */
  if (g_once_init_enter (&parser_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&parser_ready, 1);
    }
  if (length > G_MAXINT)
    {
      g_set_error_literal (error, PX_ERROR, PX_ERROR_TOO_LARGE, "The page is larger than 2 GB");
      return NULL;
    }
  text = length > 0 ? decode (data, length, &charset, error) : g_strdup ("");
  if (text == NULL)
    return NULL;
  strip_controls (text);
  if (g_strstrip (text)[0] == '\0')
    {
      g_set_error_literal (error, PX_ERROR, PX_ERROR_EMPTY, "The page is empty");
      return NULL;
    }
  blank_internal_subset (text);
  doc = htmlReadMemory (text, strlen (text), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT
                        | XML_PARSE_HUGE);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, PX_ERROR, PX_ERROR_EMPTY, "The page has no content");
      return NULL;
    }

  walk.text = g_string_sized_new (strlen (text) / 4);
  walk.block = g_string_new (NULL);
  walk.nodes = g_array_new (FALSE, FALSE, sizeof (NodeInfo));
  walk.blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  walk.block_container = -1;
  walk_tree (&walk, root);
  find_article (&walk);
  xmlFreeDoc (doc);

  if (walk.text->len == 0)
    {
      walk_clear (&walk);
      g_set_error_literal (error, PX_ERROR, PX_ERROR_EMPTY, "The page has no visible text");
      return NULL;
    }

  document = g_new0 (PxHtmlDocument, 1);
  document->charset = g_steal_pointer (&charset);
  fill_metadata (&walk, document);
  keep_headline (&walk, document);
  /* A run of blocks cut for one reason is one span, blank lines included. */
  document->removed = px_span_array_new ();
  for (guint i = 0; i < walk.blocks->len; i++)
    {
      Block *block = &g_array_index (walk.blocks, Block, i);
      Block *previous = i > 0 ? &g_array_index (walk.blocks, Block, i - 1) : NULL;
      GArray *spans = document->removed;

      if (block->reason < 0)
        continue;
      if (previous != NULL && previous->reason == block->reason)
        g_array_index (spans, PxSpan, spans->len - 1).end = block->end;
      else
        px_span_array_add (spans, block->start, block->end, block->reason);
    }
  document->text = g_strdup (walk.text->str);
  walk_clear (&walk);
  return document;
}

void
px_html_document_free (PxHtmlDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->text);
  g_clear_pointer (&document->removed, g_array_unref);
  g_free (document->title);
  g_free (document->outlet);
  g_free (document->url);
  g_free (document->published);
  g_free (document->impossible_date);
  g_free (document->language);
  g_free (document->author);
  g_free (document->charset);
  g_free (document);
}
