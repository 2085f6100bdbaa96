import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus, type Role } from '@/lib/enums';

/*
 * The case workflow (docs/cases.md): open → investigating → action → monitoring → proved or
 * not effective → closed. Client-safe: no database imports.
 */

/**
 * The moves people make. Monitoring ends in proved or not effective by the proof (the nightly
 * evaluation, or "Evaluate now"), never by hand: that is the point of proving a fix.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['investigating', 'closed'],
  investigating: ['action', 'open', 'closed'],
  action: ['monitoring', 'investigating', 'closed'],
  monitoring: ['action', 'closed'],
  proved: ['closed', 'action'],
  not_effective: ['investigating', 'action', 'closed'],
  closed: ['investigating'],
};

/** The moves a case's owner who is not a manager may make: the investigation, not the triage. */
const OWNER_MOVES: ReadonlySet<string> = new Set([
  'open>investigating',
  'investigating>action',
  'action>investigating',
  'action>monitoring',
  'monitoring>action',
  'not_effective>investigating',
  'not_effective>action',
]);

export function caseMoveLabel(from: CaseStatus, to: CaseStatus): string {
  if (from === 'closed') return 'Reopen';
  if (to === 'closed') return from === 'proved' ? 'Close' : 'Close without proof';
  if (to === 'monitoring') return 'Start monitoring';
  if (CASE_STATUSES.indexOf(to) < CASE_STATUSES.indexOf(from)) return `Back to ${CASE_STATUS_LABELS[to].toLowerCase()}`;
  return `Move to ${CASE_STATUS_LABELS[to].toLowerCase()}`;
}

const isManager = (role: Role) => role === 'manager' || role === 'admin';

/** The moves this person may offer from a status. */
export function caseMovesFor(role: Role, from: CaseStatus): CaseStatus[] {
  return CASE_TRANSITIONS[from].filter((to) => isManager(role) || OWNER_MOVES.has(`${from}>${to}`));
}

export interface CaseMoveRefusal {
  status: 403 | 422;
  message: string;
  field?: 'status' | 'rootCause' | 'correctiveAction' | 'effectiveOn' | 'closeReason';
}

/** Why a move is refused, or null. `after` holds the case's fields as the edit will leave them. */
export function checkCaseMove(
  role: Role,
  from: CaseStatus,
  to: CaseStatus,
  after: {
    rootCause: string | null;
    correctiveAction: string | null;
    effectiveOn: string | null;
    closeReason: string | null;
  },
): CaseMoveRefusal | null {
  if (from === to) return null;
  if (!CASE_TRANSITIONS[from].includes(to)) {
    const hint =
      to === 'proved' || to === 'not_effective'
        ? ' Only the proof decides that: it runs every night, or with "Evaluate now".'
        : '';
    return {
      status: 422,
      field: 'status',
      message: `A case cannot move from ${CASE_STATUS_LABELS[from]} to ${CASE_STATUS_LABELS[to]}.${hint}`,
    };
  }
  if (!isManager(role) && !OWNER_MOVES.has(`${from}>${to}`))
    return {
      status: 403,
      message: `Only a manager can move a case from ${CASE_STATUS_LABELS[from]} to ${CASE_STATUS_LABELS[to]}.`,
    };
  if (to === 'action' && !after.rootCause?.trim())
    return { status: 422, field: 'rootCause', message: 'Record the root cause before moving to action.' };
  if (to === 'monitoring' && !after.correctiveAction?.trim())
    return {
      status: 422,
      field: 'correctiveAction',
      message: 'Record the corrective action before monitoring it.',
    };
  if (to === 'monitoring' && !after.effectiveOn)
    return {
      status: 422,
      field: 'effectiveOn',
      message: 'Give the day the corrective action took effect (T): the proof compares before and after it.',
    };
  if (to === 'closed' && from !== 'proved' && !after.closeReason?.trim())
    return {
      status: 422,
      field: 'closeReason',
      message: 'This case is not proved: record why it is closed anyway.',
    };
  return null;
}
