/**
 * The lifecycle rules (DESIGN.md "Customer portfolio and lifecycle"; docs/lifecycle.md): pure
 * decisions, so the write paths, the daily job and the tests share one definition. The defaults
 * are the migration's: a sale makes a prospect (or a churned customer) active; a detractor score
 * or an open major or critical defect puts a customer at risk; two promoter scores in a row make an
 * active (or at-risk) customer an advocate; 90 days without contact put an active customer or an
 * advocate at risk, and 365 days make any customer but a prospect churned.
 */

import { msg } from '@/lib/validation/messages';

export type Lifecycle = 'prospect' | 'active' | 'at_risk' | 'churned' | 'advocate';
export type LifecycleRule = 'severe_defect' | 'detractor' | 'sale_won' | 'promoters' | 'silence' | 'long_silence';

export interface LifecycleRuleSettings {
  activeOnSale: boolean;
  atRiskOnDetractor: boolean;
  atRiskOnSevereDefect: boolean;
  /** Days without contact before at_risk; null: off. */
  atRiskAfterDays: number | null;
  /** Promoter answers in a row before advocate; null: off. */
  advocateAfterPromoters: number | null;
  /** Days without contact before churned; null: off. */
  churnedAfterDays: number | null;
}

export const DEFAULT_LIFECYCLE_RULES: LifecycleRuleSettings = {
  activeOnSale: true,
  atRiskOnDetractor: true,
  atRiskOnSevereDefect: true,
  atRiskAfterDays: 90,
  advocateAfterPromoters: 2,
  churnedAfterDays: 365,
};

export interface CustomerFacts {
  current: Lifecycle;
  /** The interaction just written, when an interaction was. */
  interaction?: { outcome: string; nps: number | null; touchpointName: string };
  /** The customer's NPS answers, newest first (at least as many as the promoter rule needs). */
  recentNps: number[];
  /** The customer's newest open (not verified, closed or dismissed) major or critical defect. */
  severeDefect: { severity: string; categoryName: string; touchpointName: string } | null;
}

export interface LifecycleDecision {
  to: Lifecycle;
  rule: LifecycleRule;
  reason: string;
}

const oneOf = (value: Lifecycle, ...options: Lifecycle[]) => options.includes(value);

/** What a write (an interaction or a defect) does to a customer's lifecycle; null: nothing. */
export function decideLifecycle(facts: CustomerFacts, rules: LifecycleRuleSettings): LifecycleDecision | null {
  const { current, interaction, severeDefect } = facts;
  if (rules.atRiskOnSevereDefect && severeDefect && oneOf(current, 'prospect', 'active', 'advocate'))
    return {
      to: 'at_risk',
      rule: 'severe_defect',
      reason: msg('lifecycleSevereDefect', {
        severity: severeDefect.severity,
        category: severeDefect.categoryName,
        touchpoint: severeDefect.touchpointName,
      }),
    };
  if (!interaction) return null;
  if (
    rules.atRiskOnDetractor &&
    interaction.nps !== null &&
    interaction.nps <= 6 &&
    oneOf(current, 'prospect', 'active', 'advocate')
  )
    return {
      to: 'at_risk',
      rule: 'detractor',
      reason: msg('lifecycleDetractor', { nps: interaction.nps, touchpoint: interaction.touchpointName }),
    };
  if (rules.activeOnSale && interaction.outcome === 'sale_won' && oneOf(current, 'prospect', 'churned'))
    return {
      to: 'active',
      rule: 'sale_won',
      reason: msg('lifecycleSaleWon', {
        touchpoint: interaction.touchpointName,
        wonBack: current === 'churned' ? 'yes' : 'no',
      }),
    };
  const k = rules.advocateAfterPromoters;
  if (
    k !== null &&
    interaction.nps !== null &&
    !severeDefect &&
    oneOf(current, 'active', 'at_risk') &&
    facts.recentNps.length >= k &&
    facts.recentNps.slice(0, k).every((n) => n >= 9)
  )
    return {
      to: 'advocate',
      rule: 'promoters',
      reason: msg('lifecyclePromoters', { count: k, nps: interaction.nps, touchpoint: interaction.touchpointName }),
    };
  return null;
}

/** What silence does: days since the last contact (or since the customer was added). */
export function decideSilence(
  current: Lifecycle,
  daysSilent: number,
  rules: LifecycleRuleSettings,
): LifecycleDecision | null {
  if (
    rules.churnedAfterDays !== null &&
    daysSilent >= rules.churnedAfterDays &&
    oneOf(current, 'active', 'at_risk', 'advocate')
  )
    return { to: 'churned', rule: 'long_silence', reason: msg('lifecycleNoContact', { days: rules.churnedAfterDays }) };
  if (rules.atRiskAfterDays !== null && daysSilent >= rules.atRiskAfterDays && oneOf(current, 'active', 'advocate'))
    return { to: 'at_risk', rule: 'silence', reason: msg('lifecycleNoContact', { days: rules.atRiskAfterDays }) };
  return null;
}
