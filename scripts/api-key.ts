// `npm run api-key -- --name NAME --scopes metrics:read,interactions:write`: creates an API key and
// prints it once. Shares lib/api-keys with the admin page. With the embedded database it connects
// to the server the running app manages (or starts it for the command when the app is not running).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrator';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { englishMessage } from '@/lib/i18n/english';
import { env } from '@/lib/env';
import { createApiKeySchema } from '@/lib/validation/api-keys';

const USAGE = 'usage: npm run api-key -- --name "Website checkout" --scopes metrics:read,interactions:write';

async function main(): Promise<number> {
  let values: { name?: string; scopes?: string };
  try {
    ({ values } = parseArgs({ options: { name: { type: 'string' }, scopes: { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(`api-key: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const parsed = createApiKeySchema.safeParse({
    name: values.name ?? '',
    scopes: (values.scopes ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    for (const [field, messages] of Object.entries(errors))
      console.error(`api-key: --${field}: ${(messages ?? []).map(englishMessage).join(' ')}`);
    console.error(USAGE);
    return 2;
  }

  let handle;
  try {
    handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
  } catch (error) {
    console.error(`api-key: ${error instanceof Error ? englishMessage(error.message) : String(error)}`);
    return 1;
  }
  try {
    await migrateDatabase(handle);
    const created = await createApiKey(handle.db, parsed.data, { label: 'command line (npm run api-key)' });
    console.log(`Created API key "${created.name}" with scopes ${created.scopes.join(', ')}.`);
    console.log('It is shown only now; store it where the calling system keeps secrets:');
    console.log(created.key);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('api-key: failed:', error instanceof Error ? englishMessage(error.message) : error);
    process.exit(1);
  },
);
