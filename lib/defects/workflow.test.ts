import { englishMessage } from '@/lib/i18n/english';
import { describe, expect, it } from 'vitest';
import { checkMove, isAllowedMove, isOverdue, isReopen, moveLabelKey, movesFor, TRANSITIONS } from './workflow';
import { defectStatusEnum } from '@/db/schema';
import { DEFECT_STATUSES, type DefectStatus } from '@/lib/enums';

import english from '@/messages/en/defects.json';

/** Every workflow button's message key, as `defects.workflow.move` has them. */
const moveLabelKeys = Object.entries(english.workflow.move).flatMap(([key, value]) =>
  typeof value === 'string' ? [key] : Object.keys(value).map((to) => `${key}.${to}`),
);

const withAction = { correctiveAction: 'Retrained the team', dismissReason: null };

describe('the transition table', () => {
  it('covers exactly the statuses of the database', () => {
    expect([...DEFECT_STATUSES]).toEqual(defectStatusEnum.enumValues);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...DEFECT_STATUSES].sort());
  });

  const allowed: [DefectStatus, DefectStatus][] = [
    ['open', 'investigating'],
    ['open', 'dismissed'],
    ['investigating', 'action'],
    ['investigating', 'open'],
    ['investigating', 'dismissed'],
    ['action', 'verified'],
    ['action', 'investigating'],
    ['action', 'dismissed'],
    ['verified', 'closed'],
    ['verified', 'action'],
    ['closed', 'open'],
    ['dismissed', 'open'],
  ];

  it('allows only the listed moves', () => {
    for (const from of DEFECT_STATUSES) {
      for (const to of DEFECT_STATUSES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(isAllowedMove(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('refuses skipping steps, with a message naming both statuses', () => {
    const refusal = checkMove('manager', 'open', 'closed', withAction);
    expect({ ...refusal, message: englishMessage(refusal?.message ?? '') }).toEqual({
      status: 422,
      field: 'status',
      message: 'A defect cannot move from Open to Closed.',
    });
    expect(checkMove('admin', 'open', 'verified', withAction)?.status).toBe(422);
    expect(checkMove('manager', 'closed', 'verified', withAction)?.status).toBe(422);
  });

  it('needs a corrective action for verified and a reason for dismissed', () => {
    expect(checkMove('manager', 'action', 'verified', { correctiveAction: '  ', dismissReason: null })?.field).toBe(
      'correctiveAction',
    );
    expect(checkMove('manager', 'action', 'verified', withAction)).toBeNull();
    expect(checkMove('manager', 'open', 'dismissed', { correctiveAction: null, dismissReason: null })?.field).toBe(
      'dismissReason',
    );
    expect(
      checkMove('manager', 'open', 'dismissed', { correctiveAction: null, dismissReason: 'Duplicate' }),
    ).toBeNull();
  });

  it('gives staff only the working moves, and a manager everything', () => {
    expect(movesFor('staff', 'open')).toEqual(['investigating']);
    expect(movesFor('staff', 'action')).toEqual(['verified', 'investigating']);
    expect(movesFor('staff', 'verified')).toEqual([]);
    expect(movesFor('staff', 'closed')).toEqual([]);
    expect(movesFor('manager', 'verified')).toEqual(['closed', 'action']);
    expect(checkMove('staff', 'verified', 'closed', withAction)?.status).toBe(403);
    expect(checkMove('staff', 'open', 'dismissed', { correctiveAction: null, dismissReason: 'x' })?.status).toBe(403);
    expect(checkMove('staff', 'action', 'verified', withAction)).toBeNull();
  });

  it('treats staying put as no move', () => {
    expect(checkMove('staff', 'closed', 'closed', withAction)).toBeNull();
  });

  it('names reopening and backward moves', () => {
    expect(isReopen('closed', 'open')).toBe(true);
    expect(isReopen('investigating', 'open')).toBe(false);
    expect(moveLabelKey('dismissed', 'open')).toBe('reopen');
    expect(moveLabelKey('action', 'investigating')).toBe('backTo.investigating');
    expect(moveLabelKey('verified', 'closed')).toBe('close');
    expect(moveLabelKey('open', 'dismissed')).toBe('dismiss');
    expect(moveLabelKey('open', 'investigating')).toBe('moveTo.investigating');
    // Every button any role is offered has a message (defects.workflow.move).
    for (const [from, tos] of Object.entries(TRANSITIONS) as [DefectStatus, readonly DefectStatus[]][])
      for (const to of tos) expect(moveLabelKeys).toContain(moveLabelKey(from, to));
  });

  it('counts a follow-up overdue only while work is owed', () => {
    expect(isOverdue({ dueOn: '2026-01-01', status: 'action' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ dueOn: '2026-01-02', status: 'action' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ dueOn: '2026-01-01', status: 'verified' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'open' }, '2026-01-02')).toBe(false);
  });
});
