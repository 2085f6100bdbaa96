import { DEFECT_STATUSES, NOT_DUE_STATUSES, type DefectStatus, type Role } from '@/lib/enums';
import { msg, ref } from '@/lib/validation/messages';

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

/**
 * The message of a workflow button (key under `defects.workflow.move`): reopen, dismiss, close,
 * or a step forward or back to a status.
 */
export function moveLabelKey(
  from: DefectStatus,
  to: DefectStatus,
):
  | 'reopen'
  | 'dismiss'
  | 'close'
  | `moveTo.${'investigating' | 'action' | 'verified'}`
  | `backTo.${'open' | 'investigating' | 'action'}` {
  if (from === 'closed' || from === 'dismissed') return 'reopen';
  if (to === 'dismissed') return 'dismiss';
  if (to === 'closed') return 'close';
  if (isBackMove(from, to)) return `backTo.${to as 'open' | 'investigating' | 'action'}`;
  return `moveTo.${to as 'investigating' | 'action' | 'verified'}`;
}

/** A step back along the workflow (shown as a secondary button). */
export const isBackMove = (from: DefectStatus, to: DefectStatus) =>
  DEFECT_STATUSES.indexOf(to) < DEFECT_STATUSES.indexOf(from) && !isReopen(from, to);

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
      message: msg('defectMoveNotAllowed', {
        from: ref('enums.defectStatus', from),
        to: ref('enums.defectStatus', to),
      }),
    };
  }
  if (role === 'staff' && !isStaffMove(from, to)) {
    return {
      status: 403,
      message: msg('defectMoveManagerOnly', {
        from: ref('enums.defectStatus', from),
        to: ref('enums.defectStatus', to),
      }),
    };
  }
  if (to === 'verified' && !after.correctiveAction?.trim()) {
    return {
      status: 422,
      field: 'correctiveAction',
      message: msg('recordCorrectiveActionBeforeVerified'),
    };
  }
  if (to === 'dismissed' && !after.dismissReason?.trim()) {
    return { status: 422, field: 'dismissReason', message: msg('sayWhyDismissed') };
  }
  return null;
}

/** A follow-up is owed until the fix is verified; past its due day it is overdue. */
export function isOverdue(defect: { dueOn: string | null; status: DefectStatus }, today: string): boolean {
  return defect.dueOn !== null && defect.dueOn < today && !NOT_DUE_STATUSES.includes(defect.status);
}
