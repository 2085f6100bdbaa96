'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** A secret shown once (a one-time password, an API key), with a copy button. */
export function OneTimeSecret({
  title,
  secret,
  note,
  onDismiss,
}: {
  title: string;
  secret: string;
  note: string;
  onDismiss: () => void;
}) {
  const t = useTranslations('admin.common');
  const [copied, setCopied] = useState(false);
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-md border border-warning bg-warning/10 p-3">
      <p className="text-sm font-semibold">{title}</p>
      <code
        data-testid="one-time-secret"
        className="break-all rounded bg-surface px-2 py-1 font-mono text-sm select-all"
      >
        {secret}
      </code>
      <p className="text-xs text-muted">{note}</p>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDismiss}>
          {t('done')}
        </Button>
      </div>
    </div>
  );
}
