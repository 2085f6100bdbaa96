'use client';

import { useTranslations } from 'next-intl';
import { savePreferencesAction } from '@/app/(app)/account/notifications/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import type { NotificationType } from '@/lib/notifications/kinds';

interface Preference {
  type: NotificationType;
  inApp: boolean | null;
  email: boolean | null;
}

const CHANNELS = ['inApp', 'email'] as const;

/** One row per kind, a checkbox per channel; a dash where a kind has no such channel. */
export function PreferencesForm({ preferences }: { preferences: Preference[] }) {
  const t = useTranslations('notifications');
  const { result: state, formAction, pending } = useAction(savePreferencesAction);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <table className="w-full text-left text-sm">
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('settings.tellMeWhen')}
            </th>
            <th scope="col" className="w-24 py-2 pr-4 text-center font-medium">
              {t('settings.inApp')}
            </th>
            <th scope="col" className="w-24 py-2 text-center font-medium">
              {t('settings.byEmail')}
            </th>
          </tr>
        </thead>
        <tbody>
          {preferences.map((p) => (
            <tr key={p.type} className="border-t border-border">
              <th scope="row" className="py-2 pr-4 font-normal">
                {t(`kinds.${p.type}`)}
              </th>
              {CHANNELS.map((channel) => (
                <td key={channel} className="py-2 pr-4 text-center">
                  {p[channel] === null ? (
                    <span className="text-muted" aria-label={t('settings.notAvailable')}>
                      –
                    </span>
                  ) : (
                    <input
                      type="checkbox"
                      name={channel}
                      value={p.type}
                      defaultChecked={p[channel]}
                      aria-label={t(channel === 'inApp' ? 'settings.inAppFor' : 'settings.byEmailFor', {
                        kind: t(`kinds.${p.type}`),
                      })}
                      className="size-4 accent-primary"
                    />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ResultMessage result={state} success={t('settings.saved')} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('settings.saving') : t('settings.save')}
        </Button>
      </div>
    </form>
  );
}
