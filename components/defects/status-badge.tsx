import { cn } from '@/components/ui/cn';
import { STATUS_LABELS, type DefectStatus } from '@/lib/defects/workflow';

const TONES: Record<DefectStatus, string> = {
  open: 'border-danger/40 bg-danger/10 text-danger',
  investigating: 'border-warning/40 bg-warning/10 text-warning',
  action: 'border-primary/40 bg-primary/10 text-primary',
  verified: 'border-success/40 bg-success/10 text-success',
  closed: 'border-border bg-background text-muted',
  dismissed: 'border-border bg-background text-muted line-through',
};

export function StatusBadge({ status }: { status: DefectStatus }) {
  return <span className={cn('inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', TONES[status])}>{STATUS_LABELS[status]}</span>;
}

/** Overdue follow-ups stand out in every list, in words as well as colour. */
export function OverdueBadge() {
  return <span className="inline-flex items-center rounded-full bg-danger px-2 py-0.5 text-xs font-semibold text-danger-foreground whitespace-nowrap">Overdue</span>;
}
