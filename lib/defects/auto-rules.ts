import type { Touchpoint } from '@/db/schema';
import type { AutoRule } from '@/lib/enums';

export type RuleSettings = Pick<
  Touchpoint,
  | 'ruleLostSale'
  | 'ruleBelowExpectation'
  | 'ruleBelowExpectationGap'
  | 'ruleLowCsat'
  | 'ruleLowCsatMax'
  | 'ruleLowNps'
  | 'ruleLowNpsMax'
>;

/**
 * The touchpoint's enabled rules: each is a distinct opportunity for a defect, so its opportunities
 * per interaction must be at least this (docs/metrics-second-version.md).
 */
export function enabledRuleCount(
  rules: Pick<RuleSettings, 'ruleLostSale' | 'ruleBelowExpectation' | 'ruleLowCsat' | 'ruleLowNps'>,
): number {
  return [rules.ruleLostSale, rules.ruleBelowExpectation, rules.ruleLowCsat, rules.ruleLowNps].filter(Boolean).length;
}

export interface RuleInput {
  outcome: string;
  saleValue: number | null;
  expectation: number | null;
  experience: number | null;
  csat: number | null;
  nps: number | null;
}

export interface AutoDefectSpec {
  rule: AutoRule;
  kind: 'lost_sale' | 'below_expectation' | 'low_satisfaction';
  /** Name of the seeded category an auto defect starts in; triage may move it. */
  categoryName: 'Lost sale' | 'Below expectations';
  severity: 'minor' | 'major' | 'critical';
  lostRevenue: number;
}

/** The auto-defect rules (docs/domain.md): at most one defect per rule for one interaction. */
export function evaluateAutoDefects(interaction: RuleInput, rules: RuleSettings): AutoDefectSpec[] {
  const defects: AutoDefectSpec[] = [];

  if (rules.ruleLostSale && interaction.outcome === 'sale_lost') {
    const lostRevenue = interaction.saleValue ?? 0;
    defects.push({
      rule: 'lost_sale',
      kind: 'lost_sale',
      categoryName: 'Lost sale',
      severity: lostRevenue >= 5000 ? 'critical' : lostRevenue >= 1000 ? 'major' : 'minor',
      lostRevenue,
    });
  }

  if (rules.ruleBelowExpectation && interaction.expectation !== null && interaction.experience !== null) {
    const shortfall = interaction.expectation - interaction.experience;
    if (shortfall >= rules.ruleBelowExpectationGap) {
      defects.push({
        rule: 'below_expectation',
        kind: 'below_expectation',
        categoryName: 'Below expectations',
        severity: shortfall >= 3 ? 'critical' : shortfall >= 2 ? 'major' : 'minor',
        lostRevenue: 0,
      });
    }
  }

  if (rules.ruleLowCsat && interaction.csat !== null && interaction.csat <= rules.ruleLowCsatMax) {
    defects.push({
      rule: 'low_csat',
      kind: 'low_satisfaction',
      categoryName: 'Below expectations',
      severity: interaction.csat === 1 ? 'major' : 'minor',
      lostRevenue: 0,
    });
  }

  if (rules.ruleLowNps && interaction.nps !== null && interaction.nps <= rules.ruleLowNpsMax) {
    defects.push({
      rule: 'low_nps',
      kind: 'low_satisfaction',
      categoryName: 'Below expectations',
      severity: interaction.nps <= 2 ? 'major' : 'minor',
      lostRevenue: 0,
    });
  }

  return defects;
}
