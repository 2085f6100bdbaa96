import 'server-only';
import type { DbOrTx } from '@/db';
import { companySettings } from '@/db/schema';
import type { ServerIntl } from '@/lib/i18n/server-formatter';
import { renderEmail, type EmailContent, type RenderedEmail } from './render';

/** The company's name, the sender every mail names at its top. */
export async function companyName(db: DbOrTx): Promise<string> {
  const [row] = await db.select({ name: companySettings.name }).from(companySettings).limit(1);
  return row?.name ?? 'OutsideIn';
}

/**
 * A mail in its reader's language: the body the caller wrote with `intl`, and the footer saying
 * which preference sent it (`what`, already in that language) with its unsubscribe link.
 */
export function composeEmail(
  intl: ServerIntl,
  content: Omit<EmailContent, 'unsubscribe' | 'lang' | 'brand'>,
  footer: { url: string; what: string; brand: string },
): RenderedEmail {
  return renderEmail({
    ...content,
    lang: intl.language,
    brand: footer.brand,
    unsubscribe: {
      url: footer.url,
      notice: intl.t('emails.footer.notice', { company: footer.brand, what: footer.what }),
      label: intl.t('emails.footer.unsubscribe'),
    },
  });
}
