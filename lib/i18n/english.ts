import { createTranslator } from 'use-intl/core';
import en from '@/messages/en';
import { translateMessage, type ValidationTranslator } from '@/lib/validation/messages';
import { appFormats } from './formats';

/*
 * English, for what machines read: the HTTP API's problem+json stays English whatever the
 * caller's language (docs/i18n.md), so its messages are translated here, never for a reader.
 */
// The named formats for the calendar days some messages hold ("2 Nov 2026"); no message formats money here.
const t = createTranslator({
  locale: 'en-GB',
  messages: en,
  formats: appFormats('EUR'),
  timeZone: 'UTC',
}) as unknown as ValidationTranslator;

/** A validation message reference (lib/validation/messages.ts) in English; plain text passes unchanged. */
export const englishMessage = (text: string): string => translateMessage(text, t);
