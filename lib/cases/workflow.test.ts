import { describe, expect, it } from 'vitest';
import english from '@/messages/en/cases.json';
import type { CaseStatus } from '@/lib/enums';
import { CASE_TRANSITIONS, caseMoveKey, caseMovesFor, checkCaseMove } from './workflow';

const empty = { rootCause: null, correctiveAction: null, effectiveOn: null, closeReason: null };

describe('case workflow', () => {
  it('never lets a person declare a case proved or not effective: only the proof does', () => {
    expect(checkCaseMove('manager', 'monitoring', 'proved', empty)).toMatchObject({ status: 422, field: 'status' });
    expect(checkCaseMove('admin', 'monitoring', 'not_effective', empty)).toMatchObject({ status: 422 });
    expect(caseMovesFor('manager', 'monitoring')).toEqual(['action', 'closed']);
  });

  it('asks for a root cause before action, an action and T before monitoring, a reason to close unproved', () => {
    expect(checkCaseMove('manager', 'investigating', 'action', empty)?.field).toBe('rootCause');
    expect(checkCaseMove('manager', 'action', 'monitoring', { ...empty, correctiveAction: 'Fix' })?.field).toBe(
      'effectiveOn',
    );
    expect(
      checkCaseMove('manager', 'action', 'monitoring', {
        ...empty,
        correctiveAction: 'Fix',
        effectiveOn: '2026-03-01',
      }),
    ).toBeNull();
    expect(checkCaseMove('manager', 'not_effective', 'closed', empty)?.field).toBe('closeReason');
    expect(checkCaseMove('manager', 'proved', 'closed', empty)).toBeNull();
  });

  it('lets an owner without a manager role investigate and act, not close', () => {
    expect(caseMovesFor('staff', 'open')).toEqual(['investigating']);
    expect(checkCaseMove('staff', 'proved', 'closed', empty)).toMatchObject({ status: 403 });
    expect(checkCaseMove('staff', 'investigating', 'action', { ...empty, rootCause: 'Why' })).toBeNull();
  });

  it('names every move with a message of cases.form.move', () => {
    expect(caseMoveKey('closed', 'investigating')).toBe('reopen');
    expect(caseMoveKey('proved', 'closed')).toBe('close');
    expect(caseMoveKey('not_effective', 'closed')).toBe('closeWithoutProof');
    expect(caseMoveKey('action', 'monitoring')).toBe('startMonitoring');
    expect(caseMoveKey('not_effective', 'investigating')).toBe('backTo.investigating');
    expect(caseMoveKey('open', 'investigating')).toBe('moveTo.investigating');
    const moves = english.form.move as Record<string, string | Record<string, string>>;
    for (const [from, tos] of Object.entries(CASE_TRANSITIONS) as [CaseStatus, readonly CaseStatus[]][])
      for (const to of tos) {
        const [group, key] = caseMoveKey(from, to).split('.');
        const message = key ? (moves[group!] as Record<string, string>)[key] : moves[group!];
        expect(typeof message, `${from} → ${to}`).toBe('string');
      }
  });
});
