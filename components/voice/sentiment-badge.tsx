import { useFormatter, useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Sentiment } from '@/lib/enums';

const TONE: Record<Sentiment, BadgeTone> = { negative: 'danger', neutral: 'neutral', positive: 'success' };

/** A comment's sentiment in words, with its score (AFINN-165, about −5 to +5). */
export function SentimentBadge({ sentiment, score }: { sentiment: Sentiment | null; score: number | null }) {
  const t = useTranslations('voice.sentiment');
  const tSentiment = useTranslations('enums.sentiment');
  const format = useFormatter();
  if (!sentiment) return null;
  const label = tSentiment(sentiment);
  return (
    <Badge tone={TONE[sentiment]} title={t('title')}>
      {score === null
        ? label
        : t('withScore', {
            label,
            score: format
              .number(score, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' })
              .replace('-', '−'),
          })}
    </Badge>
  );
}
