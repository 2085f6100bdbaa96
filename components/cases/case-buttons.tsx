'use client';

import { evaluateCaseAction, evaluateChartsAction } from '@/app/(app)/cases/actions';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';

/** "Evaluate now": the proof the nightly evaluation runs, at once. */
export function EvaluateCaseButton({ id }: { id: string }) {
  const { run, pending, result } = useAction(evaluateCaseAction);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run({ id })}>
          {pending ? 'Evaluating…' : 'Evaluate now'}
        </Button>
      </div>
      <ResultMessage result={result} success={(data) => data.verdict ?? 'Evaluated.'} />
    </div>
  );
}

/** Runs the monitored charts and the monitoring cases' proof now, as the nightly evaluation does. */
export function EvaluateChartsButton() {
  const { run, pending, result } = useAction(evaluateChartsAction);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run({})}>
          {pending ? 'Evaluating…' : 'Evaluate charts now'}
        </Button>
      </div>
      <ResultMessage
        result={result}
        success={({ charts, monitoring }) =>
          `Checked ${charts.charts} charts: ${charts.signals} new signals, ` +
          `${charts.opened} cases opened, ${charts.added} cases added to; ` +
          `${monitoring.proved} proved, ${monitoring.notEffective} not effective.`
        }
      />
    </div>
  );
}
