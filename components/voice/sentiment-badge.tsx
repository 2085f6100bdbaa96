import { Badge, type BadgeTone } from '@/components/ui/badge';
import { SENTIMENT_LABELS, type Sentiment } from '@/lib/enums';

const TONE: Record<Sentiment, BadgeTone> = { negative: 'danger', neutral: 'neutral', positive: 'success' };

/** A comment's sentiment in words, with its score (AFINN-165, about −5 to +5). */
export function SentimentBadge({ sentiment, score }: { sentiment: Sentiment | null; score: number | null }) {
  if (!sentiment) return null;
  const signed = score === null ? '' : ` ${score > 0 ? '+' : score < 0 ? '−' : ''}${Math.abs(score).toFixed(1)}`;
  return (
    <Badge tone={TONE[sentiment]} title="Sentiment of the comment: word-list score from −5 (very negative) to +5">
      {SENTIMENT_LABELS[sentiment]}
      {signed}
    </Badge>
  );
}
