/* px-aligner.h: sentences of several articles grouped into claims
 *
 * Copyright 2026 The Parallax authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One sentence of one article: indexes into what was added. */
typedef struct
{
  guint article;
  guint sentence;
} PxAlignRef;

/* Fills @frequencies with the number of documents of a collection each
 * of @terms occurs in ("#12500" for a number, else a word stem; 0 when
 * never). */
typedef void (*PxAlignerFrequencyFunc) (const char * const *terms,
                                        guint               n_terms,
                                        gint64             *frequencies,
                                        gpointer            user_data);

/* Pairs whose claim score (px_aligner_claim_score ()) is at least this
 * form claims: the best accuracy on the MSRP training split
 * (bench/bench-alignment.c). */
#define PX_ALIGNER_DEFAULT_THRESHOLD 0.5
/* Every two members of a claim from different articles score at least
 * this share of the threshold (complete link: loose enough for outlets'
 * rewording, tight enough that two sentences joined only through a third
 * do not end up in one claim). */
#define PX_ALIGNER_LINK_RATIO 0.7

/* The term of a number token's normalised text: "#" and its characters
 * without thousands separators ("12,500" → "#12500"). */
char         *px_aligner_number_term              (const char             *norm);

#define PX_TYPE_ALIGNER (px_aligner_get_type ())
G_DECLARE_FINAL_TYPE (PxAligner, px_aligner, PX, ALIGNER, GObject)

PxAligner    *px_aligner_new                      (void);

/* Word rarity from a larger collection (the library); without it, or when
 * it holds fewer than 50 documents, the compared sentences themselves
 * are the collection. Set before adding articles. */
void          px_aligner_set_document_frequencies (PxAligner              *self,
                                                   PxAlignerFrequencyFunc  func,
                                                   gpointer                user_data,
                                                   gint64                  n_documents);

/* Adds an article: its UTF-8 @text and its sentences (PxRange byte
 * ranges of @text, which must outlive the aligner). Articles are numbered
 * in the order they are added; add them in a fixed order (by id) for
 * results that do not depend on the caller. Returns the index. */
guint         px_aligner_add_article              (PxAligner              *self,
                                                   const char             *text,
                                                   GArray                 *sentences,
                                                   const char             *language);
/* The same with the sentences already tokenised (px_tokenizer_tokenize ()
 * of each range, in the article's language): @tokens holds one PxToken
 * GArray per sentence, which the aligner keeps a reference to and never
 * changes, so an analysis cached once serves every comparison. */
guint         px_aligner_add_tokenised_article    (PxAligner              *self,
                                                   const char             *text,
                                                   GArray                 *sentences,
                                                   GPtrArray              *tokens,
                                                   const char             *language);
/* The PxToken array of a sentence (offsets into the article's text); for
 * a repeat of a sentence px_aligner_add_article () saw before, made by the
 * first call. */
GArray       *px_aligner_get_tokens               (PxAligner              *self,
                                                   guint                   article,
                                                   guint                   sentence);

/* The words of a sentence as ids (equal normalised words, equal ids):
 * one guint per token that is a word or a number, in order. */
GArray       *px_aligner_get_words                (PxAligner              *self,
                                                   guint                   article,
                                                   guint                   sentence);

/* How much two sentences say the same, from 0 to 1: rarity-weighted
 * overlap of word stems, numbers and (weighing little) stop words,
 * equivalent words counted as one (data/align/equivalents-LANG.txt) and
 * related words (data/wordnet/) as shared. Symmetric. */
double        px_aligner_score                    (PxAligner              *self,
                                                   const PxAlignRef       *a,
                                                   const PxAlignRef       *b);

/* How likely two sentences say the same thing, from 0 to 1: the
 * paraphrase model of px-paraphrase.h over their features (0 below a
 * minimum similarity). Claims are formed on this. Symmetric. */
double        px_aligner_claim_score              (PxAligner              *self,
                                                   const PxAlignRef       *a,
                                                   const PxAlignRef       *b);

/* The PX_PARAPHRASE_N_FEATURES paraphrase features of two sentences
 * (px-paraphrase.h), for fitting the model. */
void          px_aligner_get_features             (PxAligner              *self,
                                                   const PxAlignRef       *a,
                                                   const PxAlignRef       *b,
                                                   double                 *features);

/* Groups every sentence of every article into exactly one claim: a
 * GPtrArray of GArrays of PxAlignRef, members ordered by (article,
 * sentence), claims by their first member. Candidate pairs come from an
 * inverted index of the sentences' terms; pairs over the threshold are
 * joined strongest first, and two groups join only when every pair
 * across them is over the threshold (complete link: no chains) and they
 * have no article in common unless those sentences say the same. */
GPtrArray    *px_aligner_align                    (PxAligner              *self);

/* Whether two sentences are (nearly) the same text, as wire copy is. */
gboolean      px_aligner_is_near_identical        (PxAligner              *self,
                                                   const PxAlignRef       *a,
                                                   const PxAlignRef       *b);

G_END_DECLS
