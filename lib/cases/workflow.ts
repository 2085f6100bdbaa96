import { CASE_STATUSES, type CaseStatus, type Role } from '@/lib/enums';
import { msg, ref } from '@/lib/validation/messages';

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

/** The message of a move's button (key under `cases.form.move`). */
export function caseMoveKey(
  from: CaseStatus,
  to: CaseStatus,
):
  | 'reopen'
  | 'close'
  | 'closeWithoutProof'
  | 'startMonitoring'
  | `moveTo.${'investigating' | 'action'}`
  | `backTo.${'open' | 'investigating' | 'action'}` {
  if (from === 'closed') return 'reopen';
  if (to === 'closed') return from === 'proved' ? 'close' : 'closeWithoutProof';
  if (to === 'monitoring') return 'startMonitoring';
  if (isCaseBackMove(from, to)) return `backTo.${to as 'open' | 'investigating' | 'action'}`;
  return `moveTo.${to as 'investigating' | 'action'}`;
}

/** A step back along the workflow (shown as a secondary button). */
export const isCaseBackMove = (from: CaseStatus, to: CaseStatus) =>
  from !== 'closed' && CASE_STATUSES.indexOf(to) < CASE_STATUSES.indexOf(from);

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
    const statuses = { from: ref('enums.caseStatus', from), to: ref('enums.caseStatus', to) };
    return {
      status: 422,
      field: 'status',
      message:
        to === 'proved' || to === 'not_effective'
          ? msg('caseMoveOnlyProof', statuses)
          : msg('caseMoveNotAllowed', statuses),
    };
  }
  if (!isManager(role) && !OWNER_MOVES.has(`${from}>${to}`))
    return {
      status: 403,
      message: msg('caseMoveManagerOnly', { from: ref('enums.caseStatus', from), to: ref('enums.caseStatus', to) }),
    };
  if (to === 'action' && !after.rootCause?.trim())
    return { status: 422, field: 'rootCause', message: msg('recordRootCause') };
  if (to === 'monitoring' && !after.correctiveAction?.trim())
    return {
      status: 422,
      field: 'correctiveAction',
      message: msg('recordCorrectiveActionBeforeMonitoring'),
    };
  if (to === 'monitoring' && !after.effectiveOn)
    return {
      status: 422,
      field: 'effectiveOn',
      message: msg('giveEffectiveDay'),
    };
  if (to === 'closed' && from !== 'proved' && !after.closeReason?.trim())
    return {
      status: 422,
      field: 'closeReason',
      message: msg('closeUnprovedReason'),
    };
  return null;
}
