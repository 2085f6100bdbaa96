'use client';

import { useMemo } from 'react';
import { NextIntlClientProvider, useLocale, useMessages, type AbstractIntlMessages } from 'next-intl';
import { mergeMessages } from '@/lib/i18n/merge-messages';

/**
 * Gives its children the messages of the providers above plus `messages`. A provider replaces its
 * parent's messages rather than adding to them, so this reads them (the one useMessages call the
 * client-messages test allows) and passes on the merge; the time zone, formats and `now` are
 * inherited from the parent provider as they are. Rendered by RouteClientMessages only.
 */
export function MergeClientMessages({
  messages,
  children,
}: {
  messages: AbstractIntlMessages;
  children: React.ReactNode;
}) {
  const locale = useLocale();
  const parent = useMessages();
  const merged = useMemo(() => mergeMessages(parent, messages), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
