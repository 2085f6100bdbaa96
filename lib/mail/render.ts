/**
 * Mail as common clients render it: one centred table, inline styles only, no external images or
 * CSS, and a plain-text part saying the same. Pure, so it is unit-tested and previewed easily.
 */

export type Cell = string | { text: string; href?: string; tone?: 'good' | 'bad' | 'muted' };

export interface EmailTable {
  columns: string[];
  rows: Cell[][];
  /** Columns aligned right (numbers). */
  numeric?: number[];
}

export interface EmailSection {
  title: string;
  text?: string;
  table?: EmailTable;
  /** Shown instead of an empty table. */
  empty?: string;
  link?: { label: string; href: string };
}

export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; href: string };
  sections?: EmailSection[];
  /**
   * The link that turns this kind of mail off, and the footer's words, in the mail's language:
   * `notice` says which preference sent it, `label` names the link.
   */
  unsubscribe: { url: string; notice: string; label: string };
  /** The mail's language (html lang). */
  lang?: string;
  /** The sender's name at the top: the company's name. */
  brand?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const TONES = { good: '#15803d', bad: '#b91c1c', muted: '#6b7280' } as const;

const cellText = (cell: Cell) => (typeof cell === 'string' ? cell : cell.text);

function cellHtml(cell: Cell, right: boolean, header = false): string {
  const align = right ? 'right' : 'left';
  const base = `padding:6px 8px;border-bottom:1px solid #e5e7eb;text-align:${align};font-size:14px;${FONT}`;
  if (header) return `<th style="${base}color:#6b7280;font-weight:600;">${escape(cellText(cell))}</th>`;
  if (typeof cell === 'string') return `<td style="${base}color:#111827;">${escape(cell)}</td>`;
  const color = cell.tone ? TONES[cell.tone] : '#111827';
  const inner = cell.href
    ? `<a href="${escape(cell.href)}" style="color:#1d4ed8;text-decoration:underline;">${escape(cell.text)}</a>`
    : escape(cell.text);
  return `<td style="${base}color:${color};">${inner}</td>`;
}

function tableHtml(table: EmailTable): string {
  const right = (i: number) => table.numeric?.includes(i) ?? false;
  const head = table.columns.map((c, i) => cellHtml(c, right(i), true)).join('');
  const body = table.rows.map((row) => `<tr>${row.map((c, i) => cellHtml(c, right(i))).join('')}</tr>`).join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:8px 0 4px;"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function tableText(table: EmailTable): string {
  return table.rows
    .map(
      (row) =>
        `- ${row.map((cell, i) => (i === 0 ? cellText(cell) : `${table.columns[i]}: ${cellText(cell)}`)).join(' · ')}`,
    )
    .join('\n');
}

const paragraph = (text: string) =>
  `<p style="margin:0 0 12px;font-size:15px;line-height:22px;color:#111827;${FONT}">${escape(text)}</p>`;

export function renderEmail(content: EmailContent): RenderedEmail {
  const sectionsHtml = (content.sections ?? [])
    .map((section) => {
      const parts = [
        `<h2 style="margin:24px 0 4px;font-size:16px;color:#111827;${FONT}">${escape(section.title)}</h2>`,
      ];
      if (section.text) parts.push(paragraph(section.text));
      if (section.table && section.table.rows.length > 0) parts.push(tableHtml(section.table));
      else if (section.empty)
        parts.push(`<p style="margin:4px 0;font-size:14px;color:#6b7280;${FONT}">${escape(section.empty)}</p>`);
      if (section.link)
        parts.push(
          `<p style="margin:4px 0 0;font-size:14px;${FONT}"><a href="${escape(section.link.href)}" style="color:#1d4ed8;">${escape(section.link.label)} →</a></p>`,
        );
      return parts.join('');
    })
    .join('');
  const action = content.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;"><tr><td style="background:#1d4ed8;border-radius:6px;"><a href="${escape(content.action.href)}" style="display:inline-block;padding:10px 18px;color:#ffffff;font-size:15px;font-weight:600;text-decoration:none;${FONT}">${escape(content.action.label)}</a></td></tr></table>`
    : '';
  const html = `<!doctype html>
<html lang="${escape(content.lang ?? 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" style="max-width:640px;width:100%;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
<tr><td style="padding:16px 24px;border-bottom:1px solid #e5e7eb;font-size:16px;font-weight:700;color:#1d4ed8;${FONT}">${escape(content.brand ?? 'OutsideIn')}</td></tr>
<tr><td style="padding:20px 24px;">
<h1 style="margin:0 0 12px;font-size:20px;line-height:28px;color:#111827;${FONT}">${escape(content.heading)}</h1>
${content.paragraphs.map(paragraph).join('')}${action}${sectionsHtml}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;line-height:18px;color:#6b7280;${FONT}">
${escape(content.unsubscribe.notice)} <a href="${escape(content.unsubscribe.url)}" style="color:#6b7280;text-decoration:underline;">${escape(content.unsubscribe.label)}</a>
</td></tr>
</table></td></tr></table>
</body></html>`;

  const textParts = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.action) textParts.push(`${content.action.label}: ${content.action.href}`, '');
  for (const section of content.sections ?? []) {
    textParts.push(section.title.toUpperCase());
    if (section.text) textParts.push(section.text);
    if (section.table && section.table.rows.length > 0) textParts.push(tableText(section.table));
    else if (section.empty) textParts.push(section.empty);
    if (section.link) textParts.push(`${section.link.label}: ${section.link.href}`);
    textParts.push('');
  }
  textParts.push('--', content.unsubscribe.notice, `${content.unsubscribe.label}: ${content.unsubscribe.url}`);
  return { subject: content.subject, html, text: textParts.join('\n') };
}
