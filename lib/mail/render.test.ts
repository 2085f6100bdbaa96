import { describe, expect, it } from 'vitest';
import { renderEmail } from './render';

describe('renderEmail', () => {
  const mail = renderEmail({
    subject: 'Defect assigned',
    heading: 'A <defect> is yours',
    paragraphs: ['Long wait at the till & more.'],
    action: { label: 'Open the defect', href: 'https://cx.example.com/defects/1?a=1&b=2' },
    sections: [
      {
        title: 'KPIs',
        table: { columns: ['KPI', 'This week'], rows: [['NPS', { text: '+12', tone: 'good' }]], numeric: [1] },
      },
      { title: 'Overdue', empty: 'Nothing is overdue.' },
    ],
    unsubscribe: {
      url: 'https://cx.example.com/unsubscribe/t',
      notice: 'You receive this because mail about defects assigned to you is switched on for your account.',
      label: 'Unsubscribe',
    },
    lang: 'de',
    brand: 'Acme & Co',
  });

  it('escapes text and links in the HTML part', () => {
    expect(mail.html).toContain('A &lt;defect&gt; is yours');
    expect(mail.html).toContain('Long wait at the till &amp; more.');
    expect(mail.html).toContain('href="https://cx.example.com/defects/1?a=1&amp;b=2"');
    expect(mail.html).not.toContain('<defect>');
  });

  it('says the same in the plain-text part, with the links in full', () => {
    expect(mail.text).toContain('A <defect> is yours');
    expect(mail.text).toContain('Open the defect: https://cx.example.com/defects/1?a=1&b=2');
    expect(mail.text).toContain('- NPS · This week: +12');
    expect(mail.text).toContain('Nothing is overdue.');
  });

  it('ends every message with its unsubscribe link', () => {
    expect(mail.html).toContain('https://cx.example.com/unsubscribe/t');
    expect(mail.text).toMatch(/Unsubscribe: https:\/\/cx\.example\.com\/unsubscribe\/t$/);
  });

  it('names the language and the company', () => {
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('Acme &amp; Co');
  });

  it('uses inline styles only', () => {
    expect(mail.html).not.toMatch(/<style|<link/);
  });
});
