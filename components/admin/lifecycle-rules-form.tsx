'use client';

import { saveLifecycleRulesAction } from '@/app/(app)/admin/lifecycle/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { CheckboxField } from '@/components/ui/form-fields';
import { FormMessage } from '@/components/ui/form-message';
import type { LifecycleRuleSettings } from '@/lib/customers/lifecycle-rules';
import { useAction } from '@/components/ui/use-action';

/** The admin's lifecycle rules: three switches and three numbers (blank: off). */
export function LifecycleRulesForm({ rules }: { rules: LifecycleRuleSettings }) {
  const { result: state, submit, pending, fieldErrors: errors, values: typed } = useAction(saveLifecycleRulesAction);
  const number = (name: keyof LifecycleRuleSettings, value: number | null) =>
    typed?.[name] ?? (value === null ? '' : String(value));
  return (
    <form onSubmit={submit} noValidate className="flex max-w-xl flex-col gap-3" aria-label="Lifecycle rules">
      <CheckboxField
        label="A sale makes a prospect (or a churned customer) active"
        name="activeOnSale"
        defaultChecked={rules.activeOnSale}
        error={errors.activeOnSale}
      />
      <CheckboxField
        label="A detractor score (NPS 0–6) puts a customer at risk"
        name="atRiskOnDetractor"
        defaultChecked={rules.atRiskOnDetractor}
        error={errors.atRiskOnDetractor}
      />
      <CheckboxField
        label="An open major or critical defect puts a customer at risk"
        name="atRiskOnSevereDefect"
        defaultChecked={rules.atRiskOnSevereDefect}
        error={errors.atRiskOnSevereDefect}
      />
      <Field
        label="Advocate after this many promoter scores (NPS 9–10) in a row"
        name="advocateAfterPromoters"
        inputMode="numeric"
        defaultValue={number('advocateAfterPromoters', rules.advocateAfterPromoters)}
        error={errors.advocateAfterPromoters}
        hint="Blank: never by rule."
      />
      <Field
        label="At risk after this many days without contact"
        name="atRiskAfterDays"
        inputMode="numeric"
        defaultValue={number('atRiskAfterDays', rules.atRiskAfterDays)}
        error={errors.atRiskAfterDays}
        hint="Active customers and advocates; checked every night. Blank: off."
      />
      <Field
        label="Churned after this many days without contact"
        name="churnedAfterDays"
        inputMode="numeric"
        defaultValue={number('churnedAfterDays', rules.churnedAfterDays)}
        error={errors.churnedAfterDays}
        hint="Any customer but a prospect; checked every night. Blank: off."
      />
      <FormMessage
        message={state ? (state.ok ? 'Lifecycle rules saved.' : state.message) : undefined}
        tone={state?.ok ? 'success' : 'error'}
      />
      <div>
        <Button type="submit" disabled={pending}>
          Save the rules
        </Button>
      </div>
    </form>
  );
}
