import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DEFECT_STATUS_LABELS, type DefectStatus } from '@/lib/enums';

const TONES: Record<DefectStatus, BadgeTone> = {
  open: 'danger',
  investigating: 'warning',
  action: 'info',
  verified: 'success',
  closed: 'neutral',
  dismissed: 'neutral',
};

export function StatusBadge({ status }: { status: DefectStatus }) {
  return (
    <Badge tone={TONES[status]} className={status === 'dismissed' ? 'line-through' : undefined}>
      {DEFECT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Overdue follow-ups stand out in every list, in words as well as colour. */
export function OverdueBadge() {
  return <Badge tone="danger-solid">Overdue</Badge>;
}
