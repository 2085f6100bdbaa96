// `npm run digest:preview`: builds the weekly digest from the demo company on a throwaway
// database and writes it as HTML and plain text (.data/digest-preview.html, .txt), to look at in a
// browser or mail client. The README's screenshot of the digest (docs/digest.png) is this file, rendered.
// DIGEST_LANGUAGE=de writes it in German (default: the company's language).
//
//   PREVIEW_DATABASE_URL=postgres://…   a server where it may create and drop a database
//                                       (else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
import fs from 'node:fs';
import { seedDemoData } from '@/db/seed-demo';
import { createThrowawayDatabase } from '@/db/throwaway-database';
import { buildWeeklyDigest, weeklyDigestEmail } from '@/lib/digest/weekly-digest';
import { companyFormatting, serverIntl } from '@/lib/i18n/server-formatter';
import { companyName, composeEmail } from '@/lib/mail/compose';

const SERVER =
  process.env.PREVIEW_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  const handle = await createThrowawayDatabase({ serverUrl: SERVER, prefix: 'outsidein_digest_' });
  try {
    await seedDemoData(handle.db, { scale: Number(process.env.SEED_SCALE ?? 1) });
    const digest = await buildWeeklyDigest(handle.db, new Date());
    const intl = await serverIntl(process.env.DIGEST_LANGUAGE, await companyFormatting(handle.db));
    const brand = await companyName(handle.db);
    const mail = composeEmail(intl, weeklyDigestEmail(digest, intl, brand), {
      url: 'https://cx.example.com/unsubscribe/preview',
      what: intl.t('emails.what.digest'),
      brand,
    });
    fs.mkdirSync('.data', { recursive: true });
    fs.writeFileSync('.data/digest-preview.html', mail.html);
    fs.writeFileSync('.data/digest-preview.txt', `Subject: ${mail.subject}\n\n${mail.text}\n`);
    console.log(`digest: ${mail.subject}; written to .data/digest-preview.html and .txt`);
  } finally {
    await handle.drop();
  }
}

void main();
