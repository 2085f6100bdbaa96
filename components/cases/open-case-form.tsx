'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { openCaseAction } from '@/app/(app)/cases/actions';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';

/** Confirms a case a manager opens from a chart point, a Pareto bar or a heat-map cell. */
export function OpenCaseForm({ chart, suggestedTitle }: { chart: Record<string, string>; suggestedTitle: string }) {
  const router = useRouter();
  const t = useTranslations('cases');
  const { run, pending, result, fieldErrors } = useAction(openCaseAction);
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(new FormData(event.currentTarget), (data) => router.push(`/cases/${data.id}`));
      }}
    >
      {Object.entries(chart).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label={t('field.title')}
        name="title"
        defaultValue={suggestedTitle}
        maxLength={200}
        error={fieldErrors?.title}
      />
      {fieldErrors
        ? Object.entries(fieldErrors)
            .filter(([name]) => name !== 'title')
            .map(([name, messages]) => (
              <p key={name} className="text-sm text-danger">
                {messages?.[0]}
              </p>
            ))
        : null}
      <ResultMessage result={result} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('open.opening') : t('open.submit')}
        </Button>
      </div>
    </form>
  );
}
