import winkSentiment from 'wink-sentiment';
import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import type { Sentiment } from '@/lib/enums';

/**
 * What OutsideIn reads in a customer's own words: a sentiment and the key phrases that the themes
 * section counts. Pure and synchronous: it runs wherever a comment is written (log form, edit,
 * CSV import, API, public feedback, seed), inside the write's transaction. The lexicon (AFINN-165
 * with emojis and negation, from wink-sentiment) ships inside the npm package: nothing is fetched
 * at run time. Method and measured accuracy: docs/voice-of-customer.md.
 */

/**
 * Normalised scores inside ±NEUTRAL_BAND read as neutral. wink's normalised score is the AFINN sum
 * divided by the number of scored words, so one mild word ("fine", +2 over 2 tokens) is already
 * ±1: the band keeps "nothing special" and "ok I suppose" neutral.
 */
export const NEUTRAL_BAND = 0.5;

/** Longest comment analysed, in characters: the rest is ignored (comments are capped far lower). */
const MAX_CHARS = 5_000;
/** Phrases kept per comment. */
const MAX_PHRASES = 12;
/** Words per phrase. */
const MAX_WORDS = 3;

export interface CommentAnalysis {
  sentiment: Sentiment | null;
  /** wink-sentiment's normalised score rounded to 2 decimals; null without a comment. */
  sentimentScore: number | null;
  /** Key phrases, lowercase, each once; null without a comment. */
  commentPhrases: string[] | null;
}

/** Label of a normalised score. */
export function sentimentOf(score: number): Sentiment {
  if (score <= -NEUTRAL_BAND) return 'negative';
  if (score >= NEUTRAL_BAND) return 'positive';
  return 'neutral';
}

// Words that carry no theme in a service comment, beyond the general English list: pronouns
// and fillers the list lacks, and verbs of saying that every comment has.
const EXTRA_STOP_WORDS = [
  'i',
  'me',
  'we',
  'us',
  'our',
  'you',
  'your',
  'it',
  'its',
  "it's",
  'im',
  "i'm",
  'they',
  'them',
  'their',
  'there',
  'this',
  'that',
  'these',
  'those',
  'was',
  'were',
  'is',
  'be',
  'been',
  'has',
  'had',
  'have',
  'do',
  'did',
  'does',
  "didn't",
  "don't",
  "wasn't",
  "isn't",
  'not',
  'no',
  'nor',
  'very',
  'really',
  'so',
  'too',
  'just',
  'also',
  'still',
  'even',
  'again',
  'then',
  'than',
  'when',
  'what',
  'which',
  'who',
  'why',
  'all',
  'any',
  'some',
  'one',
  'two',
  'three',
  'four',
  'five',
  'get',
  'got',
  'said',
  'say',
  'told',
  'would',
  'will',
  'could',
  'should',
  'can',
  'may',
  'much',
  'more',
  'most',
  'ok',
  'okay',
  'thanks',
  'thank',
  'please',
  'yes',
  'well',
  'overall',
  'bit',
  'lot',
  'quite',
  'day',
  'days',
  'time',
  'times',
  'way',
];
const STOP_WORDS = new Set([...ENGLISH_STOP_WORDS, ...EXTRA_STOP_WORDS]);

/** Words (letters, digits, apostrophes, hyphens inside a word) and phrase breaks (punctuation). */
function tokens(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[.,;:!?()"/\n]+/gu)) {
    const token = match[0].replace(/’/g, "'");
    out.push(/^[\p{L}\p{N}]/u.test(token) ? token : null);
  }
  return out;
}

/**
 * Key phrases in the manner of RAKE (Rose et al., 2010): a comment is cut at stop words and
 * punctuation, and each remaining run of content words of up to three words is a candidate;
 * longer runs give their two-word pieces. Numbers and one- or two-letter words are dropped.
 * Counting the candidates over many comments is what makes them themes.
 */
export function extractPhrases(text: string): string[] {
  const phrases: string[] = [];
  const seen = new Set<string>();
  const add = (words: string[]) => {
    const phrase = words.join(' ');
    if (!seen.has(phrase) && phrases.length < MAX_PHRASES) {
      seen.add(phrase);
      phrases.push(phrase);
    }
  };
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0 && run.length <= MAX_WORDS) add(run);
    else if (run.length > MAX_WORDS) for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2));
    run = [];
  };
  for (const token of tokens(text.slice(0, MAX_CHARS))) {
    if (token === null || STOP_WORDS.has(token) || /^\d/.test(token) || token.length < 3) flush();
    else run.push(token);
  }
  flush();
  return phrases;
}

/** Sentiment and key phrases of a comment; all null when there is none. */
export function analyseComment(notes: string | null | undefined): CommentAnalysis {
  const text = notes?.trim();
  if (!text) return { sentiment: null, sentimentScore: null, commentPhrases: null };
  const { normalizedScore } = winkSentiment(text.slice(0, MAX_CHARS));
  const score = Math.round(normalizedScore * 100) / 100;
  return { sentiment: sentimentOf(score), sentimentScore: score, commentPhrases: extractPhrases(text) };
}
