import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { CaseStatus } from '@/lib/enums';

const TONES: Record<CaseStatus, BadgeTone> = {
  open: 'danger',
  investigating: 'warning',
  action: 'info',
  monitoring: 'info',
  proved: 'success',
  not_effective: 'danger',
  closed: 'neutral',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useTranslations('enums.caseStatus');
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
