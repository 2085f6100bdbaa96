import { describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl/core';
import de from '@/messages/de';
import { englishMessage } from '@/lib/i18n/english';
import { appFormats } from '@/lib/i18n/formats';
import { msg, ref, translateMessage, type ValidationTranslator } from './messages';

const german = createTranslator({
  locale: 'de',
  messages: de,
  formats: appFormats('EUR'),
  timeZone: 'America/New_York',
}) as unknown as ValidationTranslator;

describe('message references', () => {
  const signal = (rule: string) => msg('historySignal', { period: '2026-11-02', p: 0.12, ucl: 0.09, rule });

  it('translate an argument that is a message with arguments of its own (a p-chart rule and its side)', () => {
    const beyond = signal(ref('dashboard.pChart', 'signal.beyond-3-sigma', { side: 'below' }));
    expect(englishMessage(beyond)).toBe(
      '2 Nov 2026: p = 12.0% against UCL 9.0%. One point below the lower control limit (beyond 3σ).',
    );
    expect(translateMessage(beyond, german)).toMatch(
      /^2\. Nov\. 2026: p = 12,0\s%\sgegenüber OEG 9,0\s%\. Ein Punkt unterhalb der unteren Eingriffsgrenze/,
    );
    expect(translateMessage(beyond, german)).not.toMatch(/beyond-3-sigma|validation:|@dashboard/);
  });

  it('leave the rule out when the signal has none, and show a rule stored before it was a message as written', () => {
    expect(englishMessage(signal('none'))).toBe('2 Nov 2026: p = 12.0% against UCL 9.0%.');
    expect(englishMessage(signal('beyond-3-sigma'))).toBe('2 Nov 2026: p = 12.0% against UCL 9.0%. beyond-3-sigma');
  });

  it('say a webhook delivery’s failure in the reader’s language', () => {
    expect(englishMessage(msg('webhookAnswered', { status: '500' }))).toBe('The endpoint answered 500.');
    expect(translateMessage(msg('webhookNoAnswer', { seconds: 0.3 }), german)).toBe(
      'Keine Antwort innerhalb von 0,3 s.',
    );
    expect(translateMessage(msg('webhookEndpointOff'), german)).toMatch(/^Der Endpunkt ist ausgeschaltet/);
  });
});
