import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { DefectStatus } from '@/lib/enums';

const TONES: Record<DefectStatus, BadgeTone> = {
  open: 'danger',
  investigating: 'warning',
  action: 'info',
  verified: 'success',
  closed: 'neutral',
  dismissed: 'neutral',
};

export function StatusBadge({ status }: { status: DefectStatus }) {
  const t = useTranslations('enums.defectStatus');
  return (
    <Badge tone={TONES[status]} className={status === 'dismissed' ? 'line-through' : undefined}>
      {t(status)}
    </Badge>
  );
}

/** Overdue follow-ups stand out in every list, in words as well as colour. */
export function OverdueBadge() {
  const t = useTranslations('defects');
  return <Badge tone="danger-solid">{t('overdue')}</Badge>;
}
