import 'server-only';
import type { Language } from './languages';

/** The message files of a language (messages/<language>/*.json), loaded on first use. */
export async function loadMessages(language: Language) {
  switch (language) {
    case 'de':
      return (await import('@/messages/de')).default;
    default:
      return (await import('@/messages/en')).default;
  }
}
