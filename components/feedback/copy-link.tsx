'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** The public link in a read-only field, with a button that copies it. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const t = useTranslations('feedback.links');
  const [copied, setCopied] = useState<string>();
  const id = `link-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {t('publicLink')}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-10 min-w-0 flex-1 rounded-md border border-border bg-background px-3 py-2 font-mono text-xs"
        />
        <Button
          type="button"
          variant="secondary"
          aria-label={t('copyFor', { label })}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(t('copied'));
            } catch {
              setCopied(t('copyBlocked'));
            }
          }}
        >
          {t('copy')}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-xs text-muted">
        {copied}
      </p>
    </div>
  );
}
