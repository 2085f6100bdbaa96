import { describe, expect, it } from 'vitest';
import { englishMessage } from '@/lib/i18n/english';
import {
  decideLifecycle,
  decideSilence,
  DEFAULT_LIFECYCLE_RULES as rules,
  type CustomerFacts,
} from './lifecycle-rules';

// The reasons are message references (stored, then said in each reader's language): read in English.
const inEnglish = <T extends { reason: string } | null>(decision: T): T =>
  decision && { ...decision, reason: englishMessage(decision.reason) };
const decideInEnglish = (...args: Parameters<typeof decideLifecycle>) => inEnglish(decideLifecycle(...args));
const silenceInEnglish = (...args: Parameters<typeof decideSilence>) => inEnglish(decideSilence(...args));

const at = (
  current: CustomerFacts['current'],
  interaction?: Partial<NonNullable<CustomerFacts['interaction']>>,
  more: Partial<CustomerFacts> = {},
): CustomerFacts => ({
  current,
  interaction: interaction ? { outcome: 'none', nps: null, touchpointName: 'Till', ...interaction } : undefined,
  recentNps: [],
  severeDefect: null,
  ...more,
});
const severe = { severity: 'major', categoryName: 'Delivery problem', touchpointName: 'Delivery' };

describe('lifecycle rules on a write', () => {
  it('moves a prospect or a churned customer to active on a sale', () => {
    expect(decideInEnglish(at('prospect', { outcome: 'sale_won' }), rules)).toEqual({
      to: 'active',
      rule: 'sale_won',
      reason: 'Sale won at Till.',
    });
    expect(decideInEnglish(at('churned', { outcome: 'sale_won' }), rules)?.reason).toBe('Sale won at Till: won back.');
    expect(decideInEnglish(at('active', { outcome: 'sale_won' }), rules)).toBeNull();
  });

  it('puts a customer at risk on a detractor score, never a churned one', () => {
    expect(decideInEnglish(at('advocate', { nps: 6 }), rules)).toMatchObject({ to: 'at_risk', rule: 'detractor' });
    expect(decideInEnglish(at('active', { nps: 7 }), rules)).toBeNull();
    expect(decideInEnglish(at('churned', { nps: 0 }), rules)).toBeNull();
  });

  it('puts a customer at risk on an open major or critical defect, before anything else', () => {
    expect(decideInEnglish(at('active', { outcome: 'sale_won', nps: 10 }, { severeDefect: severe }), rules)).toEqual({
      to: 'at_risk',
      rule: 'severe_defect',
      reason: 'Open major defect "Delivery problem" at Delivery.',
    });
    expect(decideInEnglish(at('advocate', undefined, { severeDefect: severe }), rules)?.to).toBe('at_risk');
    expect(decideInEnglish(at('at_risk', undefined, { severeDefect: severe }), rules)).toBeNull();
  });

  it('makes an advocate after two promoter scores in a row, with no severe defect open', () => {
    expect(decideInEnglish(at('active', { nps: 9 }, { recentNps: [9, 10, 3] }), rules)).toMatchObject({
      to: 'advocate',
      rule: 'promoters',
    });
    expect(decideInEnglish(at('at_risk', { nps: 10 }, { recentNps: [10, 9] }), rules)?.to).toBe('advocate');
    expect(decideInEnglish(at('active', { nps: 9 }, { recentNps: [9, 8] }), rules)).toBeNull();
    expect(decideInEnglish(at('active', { nps: 9 }, { recentNps: [9] }), rules)).toBeNull();
    expect(decideInEnglish(at('prospect', { nps: 9 }, { recentNps: [9, 9] }), rules)).toBeNull();
  });

  it('does nothing a rule switched off would do', () => {
    const off = {
      ...rules,
      activeOnSale: false,
      atRiskOnDetractor: false,
      atRiskOnSevereDefect: false,
      advocateAfterPromoters: null,
    };
    expect(decideInEnglish(at('prospect', { outcome: 'sale_won', nps: 2 }, { severeDefect: severe }), off)).toBeNull();
    expect(decideInEnglish(at('active', { nps: 9 }, { recentNps: [9, 9] }), off)).toBeNull();
  });
});

describe('lifecycle rules on silence', () => {
  it('puts active customers and advocates at risk after 90 days, and churns after 365', () => {
    expect(silenceInEnglish('active', 89, rules)).toBeNull();
    expect(silenceInEnglish('active', 90, rules)).toEqual({
      to: 'at_risk',
      rule: 'silence',
      reason: 'No contact for 90 days.',
    });
    expect(silenceInEnglish('at_risk', 200, rules)).toBeNull();
    expect(silenceInEnglish('at_risk', 365, rules)).toEqual({
      to: 'churned',
      rule: 'long_silence',
      reason: 'No contact for 365 days.',
    });
    expect(silenceInEnglish('prospect', 1000, rules)).toBeNull();
    expect(silenceInEnglish('active', 1000, { ...rules, churnedAfterDays: null })?.to).toBe('at_risk');
  });
});
