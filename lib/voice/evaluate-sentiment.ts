import { SENTIMENTS, type Sentiment } from '@/lib/enums';
import { analyseComment } from './analyse-comment';

export interface LabelledComment {
  label: Sentiment;
  /** plain: one feeling; mixed: praise and complaint together, labelled by the overall tone. */
  kind: 'plain' | 'mixed';
  comment: string;
}

/** Reads the labelled set (tests/fixtures/labelled-comments.tsv: label, kind, comment; a header line). */
export function parseLabelledComments(tsv: string): LabelledComment[] {
  return tsv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const [label, kind, comment] = line.split('\t');
      if (!SENTIMENTS.includes(label as Sentiment) || (kind !== 'plain' && kind !== 'mixed') || !comment)
        throw new Error(`labelled comments, line ${i + 2}: expected label, kind and comment`);
      return { label: label as Sentiment, kind, comment };
    });
}

export interface SentimentEvaluation {
  total: number;
  correct: number;
  accuracy: number;
  /** Accuracy over the plain and the mixed comments separately. */
  byKind: Record<'plain' | 'mixed', { total: number; accuracy: number }>;
  /** confusion[labelled][predicted] = count. */
  confusion: Record<Sentiment, Record<Sentiment, number>>;
  /** Comments read with the wrong label, for tuning by eye. */
  misses: { comment: string; label: Sentiment; predicted: Sentiment | null; score: number | null }[];
}

/** How often analyseComment agrees with a person's label. */
export function evaluateSentiment(rows: LabelledComment[]): SentimentEvaluation {
  const empty = () => ({ negative: 0, neutral: 0, positive: 0 });
  const confusion = { negative: empty(), neutral: empty(), positive: empty() };
  const kinds = { plain: { total: 0, correct: 0 }, mixed: { total: 0, correct: 0 } };
  const misses: SentimentEvaluation['misses'] = [];
  let correct = 0;
  for (const row of rows) {
    const { sentiment, sentimentScore } = analyseComment(row.comment);
    const predicted = sentiment ?? 'neutral';
    confusion[row.label][predicted] += 1;
    kinds[row.kind].total += 1;
    if (predicted === row.label) {
      correct += 1;
      kinds[row.kind].correct += 1;
    } else misses.push({ comment: row.comment, label: row.label, predicted: sentiment, score: sentimentScore });
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    total: rows.length,
    correct,
    accuracy: share(correct, rows.length),
    byKind: {
      plain: { total: kinds.plain.total, accuracy: share(kinds.plain.correct, kinds.plain.total) },
      mixed: { total: kinds.mixed.total, accuracy: share(kinds.mixed.correct, kinds.mixed.total) },
    },
    confusion,
    misses,
  };
}
