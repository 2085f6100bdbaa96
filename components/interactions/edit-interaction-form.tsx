'use client';

import { useRouter } from 'next/navigation';
import { updateInteractionAction } from '@/app/(app)/interactions/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import type { TouchpointGroup } from '@/lib/interactions/touchpoint-groups';
import { useMounted } from './use-mounted';
import {
  InteractionFields,
  interactionFormData,
  toLocalInputValue,
  type InteractionDefaults,
} from './interaction-fields';

function savedText({ added, removed }: { added: number; removed: number }) {
  const changes = [
    added ? `${added} defect${added === 1 ? '' : 's'} raised` : null,
    removed ? `${removed} defect${removed === 1 ? '' : 's'} removed` : null,
  ].filter(Boolean);
  return `Saved.${changes.length ? ` The rules re-ran: ${changes.join(', ')}.` : ''}`;
}

/** Edits an interaction; saving re-applies the auto-defect rules on the server. */
export function EditInteractionForm({
  id,
  customerId,
  occurredAt,
  groups,
  defaults,
}: {
  id: string;
  customerId: string | null;
  occurredAt: string;
  groups: TouchpointGroup[];
  defaults: Omit<InteractionDefaults, 'occurredAtLocal'>;
}) {
  const router = useRouter();
  const mounted = useMounted();
  const {
    run,
    pending,
    result,
    fieldErrors: errors,
  } = useAction(updateInteractionAction, { onSuccess: () => router.refresh() });

  // The time is shown in the browser's zone, known only after hydration.
  const local = mounted ? toLocalInputValue(new Date(occurredAt)) : '';

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = interactionFormData(event.currentTarget);
    run(data);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the interaction" className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="customerId" value={customerId ?? ''} />
      {local ? (
        <InteractionFields groups={groups} errors={errors} defaults={{ ...defaults, occurredAtLocal: local }} />
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !local}>
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
      <ResultMessage result={result} success={savedText} />
    </form>
  );
}
