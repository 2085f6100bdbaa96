'use client';

import { savePreferencesAction } from '@/app/(app)/account/notifications/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';

interface Preference {
  type: string;
  label: string;
  inApp: boolean | null;
  email: boolean | null;
}

/** One row per kind, a checkbox per channel; a dash where a kind has no such channel. */
export function PreferencesForm({ preferences }: { preferences: Preference[] }) {
  const { result: state, formAction, pending } = useAction(savePreferencesAction);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <table className="w-full text-left text-sm">
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Tell me when…
            </th>
            <th scope="col" className="w-24 py-2 pr-4 text-center font-medium">
              In the app
            </th>
            <th scope="col" className="w-24 py-2 text-center font-medium">
              By email
            </th>
          </tr>
        </thead>
        <tbody>
          {preferences.map((p) => (
            <tr key={p.type} className="border-t border-border">
              <th scope="row" className="py-2 pr-4 font-normal">
                {p.label}
              </th>
              {(['inApp', 'email'] as const).map((channel) => (
                <td key={channel} className="py-2 pr-4 text-center">
                  {p[channel] === null ? (
                    <span className="text-muted" aria-label="Not available">
                      –
                    </span>
                  ) : (
                    <input
                      type="checkbox"
                      name={channel}
                      value={p.type}
                      defaultChecked={p[channel]}
                      aria-label={`${p.label}: ${channel === 'inApp' ? 'in the app' : 'by email'}`}
                      className="size-4 accent-primary"
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ResultMessage result={state} success={'Saved.'} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
