import { describe, expect, it } from 'vitest';
import { evaluateAutoDefects, type RuleInput, type RuleSettings } from './auto-rules';

const DEFAULTS: RuleSettings = {
  ruleLostSale: true,
  ruleBelowExpectation: true,
  ruleBelowExpectationGap: 1,
  ruleLowCsat: true,
  ruleLowCsatMax: 2,
  ruleLowNps: false,
  ruleLowNpsMax: 6,
};

const NEUTRAL: RuleInput = {
  outcome: 'none',
  saleValue: null,
  expectation: null,
  experience: null,
  csat: null,
  nps: null,
};

const rules = (input: Partial<RuleInput>, settings: Partial<RuleSettings> = {}) =>
  evaluateAutoDefects({ ...NEUTRAL, ...input }, { ...DEFAULTS, ...settings }).map((d) => d.rule);

describe('auto-defect rules', () => {
  it('raises nothing for an interaction without outcome or scores', () => {
    expect(rules({})).toEqual([]);
  });

  it('turns a lost sale into a lost_sale defect worth the sale value', () => {
    const [defect] = evaluateAutoDefects({ ...NEUTRAL, outcome: 'sale_lost', saleValue: 1234.5 }, DEFAULTS);
    expect(defect).toMatchObject({
      rule: 'lost_sale',
      kind: 'lost_sale',
      lostRevenue: 1234.5,
      categoryName: 'Lost sale',
      severity: 'major',
    });
    expect(rules({ outcome: 'sale_lost' }, { ruleLostSale: false })).toEqual([]);
    expect(rules({ outcome: 'sale_won', saleValue: 100 })).toEqual([]);
  });

  it('raises below_expectation when experience falls short by at least N points', () => {
    expect(rules({ expectation: 4, experience: 3 })).toEqual(['below_expectation']);
    expect(rules({ expectation: 4, experience: 4 })).toEqual([]);
    expect(rules({ expectation: 4, experience: 3 }, { ruleBelowExpectationGap: 2 })).toEqual([]);
    expect(rules({ expectation: 5, experience: 3 }, { ruleBelowExpectationGap: 2 })).toEqual(['below_expectation']);
    expect(rules({ expectation: 4 })).toEqual([]);
  });

  it('raises low_csat at CSAT 2 or less by default', () => {
    expect(rules({ csat: 2 })).toEqual(['low_csat']);
    expect(rules({ csat: 3 })).toEqual([]);
    expect(rules({ csat: 1 }, { ruleLowCsat: false })).toEqual([]);
  });

  it('leaves the NPS rule off by default and applies its threshold when on', () => {
    expect(rules({ nps: 3 })).toEqual([]);
    expect(rules({ nps: 6 }, { ruleLowNps: true })).toEqual(['low_nps']);
    expect(rules({ nps: 7 }, { ruleLowNps: true })).toEqual([]);
  });

  it('raises at most one defect per rule, several rules at once', () => {
    expect(
      rules(
        { outcome: 'sale_lost', saleValue: 10, expectation: 5, experience: 1, csat: 1, nps: 0 },
        { ruleLowNps: true },
      ),
    ).toEqual(['lost_sale', 'below_expectation', 'low_csat', 'low_nps']);
  });
});
