import { Badge, type BadgeTone } from '@/components/ui/badge';
import { CASE_STATUS_LABELS, type CaseStatus } from '@/lib/enums';

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
  return <Badge tone={TONES[status]}>{CASE_STATUS_LABELS[status]}</Badge>;
}
