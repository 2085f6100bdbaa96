'use client';

import { evaluateCaseAction, evaluateChartsAction } from '@/app/(app)/cases/actions';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** "Evaluate now": the proof the nightly evaluation runs, at once. */
export function EvaluateCaseButton({ id }: { id: string }) {
  const { run, pending, result } = useAction(evaluateCaseAction);
  const message = result ? (result.ok ? (result.data.verdict ?? 'Evaluated.') : result.message) : undefined;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run({ id })}>
          {pending ? 'Evaluating…' : 'Evaluate now'}
        </Button>
      </div>
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
    </div>
  );
}

/** Runs the monitored charts and the monitoring cases' proof now, as the nightly evaluation does. */
export function EvaluateChartsButton() {
  const { run, pending, result } = useAction(evaluateChartsAction);
  const message = result
    ? result.ok
      ? `Checked ${result.data.charts.charts} charts: ${result.data.charts.signals} new signals, ` +
        `${result.data.charts.opened} cases opened, ${result.data.charts.added} cases added to; ` +
        `${result.data.monitoring.proved} proved, ${result.data.monitoring.notEffective} not effective.`
      : result.message
    : undefined;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run({})}>
          {pending ? 'Evaluating…' : 'Evaluate charts now'}
        </Button>
      </div>
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
    </div>
  );
}
