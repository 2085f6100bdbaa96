import { describe, expect, it } from 'vitest';
import { createFormatter, createTranslator } from 'use-intl/core';
import de from '@/messages/de';
import en from '@/messages/en';
import { appFormats } from '@/lib/i18n/formats';
import type { ServerFormatter, ServerTranslator } from '@/lib/i18n/server-formatter';
import { msg, ref, sentences } from '@/lib/validation/messages';
import { webhookBody } from '@/lib/webhooks/queue-deliveries';
import { eventTexts } from './event-messages';

// What the cases feature stores for a case a signal opened on a stage (lib/cases/case-notices.ts).
const opened = {
  title: 'Beschwerden bei der Lieferung',
  touchpoint: msg('caseScopeStage', { stage: 'Lieferung' }),
  summary: sentences(
    msg('historyOpenedBySignal'),
    msg('historySignal', {
      period: '2026-11-02',
      p: 0.12,
      ucl: 0.09,
      rule: ref('dashboard.pChart', 'signal.beyond-3-sigma', { side: 'above' }),
    }),
  ),
};

const formats = appFormats('EUR');

function intl(language: 'de' | 'en') {
  const messages = language === 'de' ? de : en;
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  return {
    t: createTranslator({ locale, messages, formats, timeZone: 'UTC' }) as unknown as ServerTranslator,
    format: createFormatter({ locale, formats, timeZone: 'UTC' }) as unknown as ServerFormatter,
  };
}

describe('a case opened on a stage, as its recipients read it', () => {
  it('names the stage and the signal in German for a German reader', () => {
    const { t, format } = intl('de');
    const texts = eventTexts(t, format, 'case.opened', opened, '/cases/1')!;
    expect(texts.title).toBe('Fall eröffnet bei der Phase „Lieferung“: Beschwerden bei der Lieferung');
    expect(texts.body).toMatch(/^Durch ein Signal auf der überwachten Regelkarte eröffnet\. 2\. Nov\. 2026: p = 12,0/);
    expect(`${texts.title} ${texts.body}`).not.toMatch(/validation:|@dashboard|beyond-3-sigma/);
  });

  it('in English for an English reader, and a manual case says who opened it', () => {
    const { t, format } = intl('en');
    expect(eventTexts(t, format, 'case.opened', opened, '/cases/1')!.title).toBe(
      'Case opened on the Lieferung stage: Beschwerden bei der Lieferung',
    );
    const manual = eventTexts(
      t,
      format,
      'case.opened',
      { title: 'Late deliveries', touchpoint: msg('caseScopeCompany'), summary: msg('historyOpenedByManager') },
      '/cases/2',
    )!;
    expect([manual.title, manual.body]).toEqual([
      'Case opened on the whole company: Late deliveries',
      'Opened by a manager.',
    ]);
  });
});

describe('webhook bodies', () => {
  it('carry stored message references in English, other values unchanged', () => {
    const body = JSON.parse(
      webhookBody({
        type: 'case.opened',
        createdAt: new Date('2026-11-30T12:00:00Z'),
        payload: {
          caseId: 'c1',
          number: 7,
          touchpointName: opened.touchpoint,
          summary: opened.summary,
          title: 'validation: plain',
        },
      }),
    ) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({
      caseId: 'c1',
      number: 7,
      touchpointName: 'the Lieferung stage',
      title: 'validation: plain',
    });
    expect(body.data.summary).toMatch(
      /^Opened by a signal on the monitored chart\. 2 Nov 2026: p = 12\.0% against UCL 9\.0%\./,
    );
  });
});
