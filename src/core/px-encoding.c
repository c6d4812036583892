/* px-encoding.c
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "px-encoding.h"

#include <string.h>

#include "px-error.h"

gboolean
px_encoding_is_binary (const char *data,
                       gsize       length)
{
  gsize sample = MIN (length, 8192);
  gsize controls = 0;

  /* UTF-16 text is full of NULs but starts with a BOM. */
  if (length >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xfe || (guchar) data[1] == 0xff))
    return FALSE;
  for (gsize i = 0; i < sample; i++)
    {
      guchar c = data[i];
      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }
  return sample > 0 && controls * 20 > sample;
}

/* Drops NULs and C0/C1 controls and the Unicode bidi overrides that
 * could disguise text; normalises line ends. What is kept is copied a run
 * at a time: a character at a time was 100 instructions a byte. */
static char *
sanitize (const char *utf8,
          gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *p = utf8, *end = utf8 + length, *run = utf8;

  while (p < end)
    {
      guchar byte = *p;
      gunichar c;
      const char *next;

      /* Printable ASCII, most of any text, is kept as it is. */
      if ((byte >= 0x20 && byte < 0x7f) || byte == '\n' || byte == '\t')
        {
          p++;
          continue;
        }
      c = byte < 0x80 ? byte : g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (c != '\r' && !(c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfeff ||
                         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)))
        {
          p = next;
          continue;
        }
      g_string_append_len (out, run, p - run);
      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (next < end && *next == '\n')
            next++;
        }
      /* Anything else here is dropped. */
      p = run = next;
    }
  g_string_append_len (out, run, p - run);
  return g_string_free (out, FALSE);
}

char *
px_encoding_to_utf8 (const char  *data,
                     gsize        length,
                     const char  *declared_charset,
                     char       **used_charset,
                     GError     **error)
{
  g_autofree char *converted = NULL;
  const char *charset = NULL;
  gsize converted_length = 0;

  if (px_encoding_is_binary (data, length))
    {
      g_set_error_literal (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                           "looks like a binary file, not text");
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
      charset = "UTF-8";
    }
  else if (length >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    charset = "UTF-16LE";
  else if (length >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    charset = "UTF-16BE";

  if (charset != NULL && g_str_has_prefix (charset, "UTF-16"))
    {
      converted = g_convert (data + 2, length - 2, "UTF-8", charset, NULL, &converted_length, error);
      if (converted == NULL)
        return NULL;
    }
  else if (g_utf8_validate_len (data, length, NULL))
    charset = "UTF-8";
  else
    {
      const char *fallbacks[] = { declared_charset, "WINDOWS-1252", "ISO-8859-1" };

      for (guint i = 0; i < G_N_ELEMENTS (fallbacks) && converted == NULL; i++)
        {
          if (fallbacks[i] == NULL || g_ascii_strcasecmp (fallbacks[i], "UTF-8") == 0)
            continue;
          converted = g_convert (data, length, "UTF-8", fallbacks[i], NULL, &converted_length, NULL);
          charset = fallbacks[i];
        }
      if (converted == NULL)
        {
          g_set_error_literal (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                               "the text is in no encoding Parallax can read");
          return NULL;
        }
    }

  if (used_charset != NULL)
    *used_charset = g_strdup (charset);
  if (converted != NULL)
    return sanitize (converted, converted_length);
  return sanitize (data, length);
}

char *
px_encoding_drop_invisible (const char *text)
{
  static const char *const invisible[] = {
    "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
  };
  GString *out;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      /* Runs without the characters' first bytes are copied whole: this
       * runs over every imported article. */
      gsize run = strcspn (p, "\xC2\xE2\xEF");
      gsize skip = 0;

      g_string_append_len (out, p, run);
      p += run;
      if (*p == '\0')
        break;
      for (guint i = 0; i < G_N_ELEMENTS (invisible) && skip == 0; i++)
        if (g_str_has_prefix (p, invisible[i]))
          skip = strlen (invisible[i]);
      if (skip == 0)
        g_string_append_c (out, *p++);
      else
        p += skip;
    }
  return g_string_free (out, FALSE);
}
