'use client';

import { useTranslations } from 'next-intl';
import { evaluateCaseAction, evaluateChartsAction } from '@/app/(app)/cases/actions';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';

/** "Evaluate now": the proof the nightly evaluation runs, at once. */
export function EvaluateCaseButton({ id }: { id: string }) {
  const t = useTranslations('cases.buttons');
  const { run, pending, result } = useAction(evaluateCaseAction);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run({ id })}>
          {pending ? t('evaluating') : t('evaluateNow')}
        </Button>
      </div>
      <ResultMessage result={result} success={(data) => t('evaluated', { outcome: data.outcome })} />
    </div>
  );
}

/** Runs the monitored charts and the monitoring cases' proof now, as the nightly evaluation does. */
export function EvaluateChartsButton() {
  const t = useTranslations('cases.buttons');
  const { run, pending, result } = useAction(evaluateChartsAction);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run({})}>
          {pending ? t('evaluating') : t('evaluateCharts')}
        </Button>
      </div>
      <ResultMessage
        result={result}
        success={({ charts, monitoring }) =>
          t('chartsEvaluated', {
            charts: charts.charts,
            signals: charts.signals,
            opened: charts.opened,
            added: charts.added,
            proved: monitoring.proved,
            notEffective: monitoring.notEffective,
          })
        }
      />
    </div>
  );
}
