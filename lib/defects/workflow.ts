import { DEFECT_STATUS_LABELS, DEFECT_STATUSES, type DefectStatus, type Role } from '@/lib/enums';

/**
 * Every move a defect may make: forward along open → investigating → action → verified → closed,
 * one step back when a fix did not hold, dismissal with a reason, and reopening of a finished one.
 */
export const TRANSITIONS: Record<DefectStatus, readonly DefectStatus[]> = {
  open: ['investigating', 'dismissed'],
  investigating: ['action', 'open', 'dismissed'],
  action: ['verified', 'investigating', 'dismissed'],
  verified: ['closed', 'action'],
  closed: ['open'],
  dismissed: ['open'],
};

/** The moves staff may make on a defect assigned to them; the rest is a manager's triage. */
const STAFF_MOVES: ReadonlySet<string> = new Set([
  'open>investigating',
  'investigating>action',
  'action>investigating',
  'action>verified',
]);

/** Labels of the workflow buttons. */
export function moveLabel(from: DefectStatus, to: DefectStatus): string {
  if (from === 'closed' || from === 'dismissed') return 'Reopen';
  if (to === 'dismissed') return 'Dismiss';
  if (to === 'closed') return 'Close';
  if (DEFECT_STATUSES.indexOf(to) < DEFECT_STATUSES.indexOf(from))
    return `Back to ${DEFECT_STATUS_LABELS[to].toLowerCase()}`;
  return `Move to ${DEFECT_STATUS_LABELS[to].toLowerCase()}`;
}

export function isAllowedMove(from: DefectStatus, to: DefectStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isStaffMove(from: DefectStatus, to: DefectStatus): boolean {
  return STAFF_MOVES.has(`${from}>${to}`);
}

/** The moves this role may offer from a status (staff: only on defects assigned to them). */
export function movesFor(role: Role, from: DefectStatus): DefectStatus[] {
  return TRANSITIONS[from].filter((to) => role !== 'staff' || isStaffMove(from, to));
}

export const isReopen = (from: DefectStatus, to: DefectStatus) =>
  (from === 'closed' || from === 'dismissed') && to === 'open';

export type MoveRefusal = {
  status: 403 | 422;
  message: string;
  field?: 'status' | 'correctiveAction' | 'dismissReason';
};

/**
 * Why a move is refused, or null when it may happen. `after` holds the defect's fields as they
 * will be once the edit that carries the move is applied.
 */
export function checkMove(
  role: Role,
  from: DefectStatus,
  to: DefectStatus,
  after: { correctiveAction: string | null; dismissReason: string | null },
): MoveRefusal | null {
  if (from === to) return null;
  if (!isAllowedMove(from, to)) {
    return {
      status: 422,
      field: 'status',
      message: `A defect cannot move from ${DEFECT_STATUS_LABELS[from]} to ${DEFECT_STATUS_LABELS[to]}.`,
    };
  }
  if (role === 'staff' && !isStaffMove(from, to)) {
    return {
      status: 403,
      message: `Only a manager can move a defect from ${DEFECT_STATUS_LABELS[from]} to ${DEFECT_STATUS_LABELS[to]}.`,
    };
  }
  if (to === 'verified' && !after.correctiveAction?.trim()) {
    return {
      status: 422,
      field: 'correctiveAction',
      message: 'Record the corrective action before marking the defect verified.',
    };
  }
  if (to === 'dismissed' && !after.dismissReason?.trim()) {
    return { status: 422, field: 'dismissReason', message: 'Say why the defect is dismissed.' };
  }
  return null;
}

/** A follow-up is owed until the fix is verified; past its due day it is overdue. */
export function isOverdue(defect: { dueOn: string | null; status: DefectStatus }, today: string): boolean {
  return defect.dueOn !== null && defect.dueOn < today && !['verified', 'closed', 'dismissed'].includes(defect.status);
}
