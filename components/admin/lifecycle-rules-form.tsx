'use client';

import { useTranslations } from 'next-intl';
import { saveLifecycleRulesAction } from '@/app/(app)/admin/lifecycle/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { CheckboxField } from '@/components/ui/form-fields';
import { FormMessage } from '@/components/ui/form-message';
import type { LifecycleRuleSettings } from '@/lib/customers/lifecycle-rules';
import { useAction } from '@/components/ui/use-action';

/** The admin's lifecycle rules: three switches and three numbers (blank: off). */
export function LifecycleRulesForm({ rules }: { rules: LifecycleRuleSettings }) {
  const t = useTranslations('admin.lifecycle');
  const { result: state, submit, pending, fieldErrors: errors, values: typed } = useAction(saveLifecycleRulesAction);
  const number = (name: keyof LifecycleRuleSettings, value: number | null) =>
    typed?.[name] ?? (value === null ? '' : String(value));
  const shown = {
    advocateAfterPromoters: number('advocateAfterPromoters', rules.advocateAfterPromoters),
    atRiskAfterDays: number('atRiskAfterDays', rules.atRiskAfterDays),
    churnedAfterDays: number('churnedAfterDays', rules.churnedAfterDays),
  };
  return (
    <form onSubmit={submit} noValidate className="flex max-w-xl flex-col gap-3" aria-label={t('formLabel')}>
      <CheckboxField
        label={t('activeOnSale')}
        name="activeOnSale"
        defaultChecked={rules.activeOnSale}
        error={errors.activeOnSale}
      />
      <CheckboxField
        label={t('atRiskOnDetractor')}
        name="atRiskOnDetractor"
        defaultChecked={rules.atRiskOnDetractor}
        error={errors.atRiskOnDetractor}
      />
      <CheckboxField
        label={t('atRiskOnSevereDefect')}
        name="atRiskOnSevereDefect"
        defaultChecked={rules.atRiskOnSevereDefect}
        error={errors.atRiskOnSevereDefect}
      />
      <Field
        label={t('advocateAfterPromoters')}
        name="advocateAfterPromoters"
        inputMode="numeric"
        defaultValue={shown.advocateAfterPromoters}
        error={errors.advocateAfterPromoters}
        hint={t('advocateAfterPromotersHint')}
      />
      <Field
        label={t('atRiskAfterDays')}
        name="atRiskAfterDays"
        inputMode="numeric"
        defaultValue={shown.atRiskAfterDays}
        error={errors.atRiskAfterDays}
        hint={t('atRiskAfterDaysHint')}
      />
      <Field
        label={t('churnedAfterDays')}
        name="churnedAfterDays"
        inputMode="numeric"
        defaultValue={shown.churnedAfterDays}
        error={errors.churnedAfterDays}
        hint={t('churnedAfterDaysHint')}
      />
      <FormMessage
        message={state ? (state.ok ? t('saved') : state.message) : undefined}
        tone={state?.ok ? 'success' : 'error'}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
